"""A certificate's code verifies, and every kind of tampering is rejected with its reason
(on the command line here; in Chromium in tests/browser/test_cert_verify_page.py)."""

from __future__ import annotations

import json
from base64 import urlsafe_b64decode, urlsafe_b64encode

import certlib
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from autograder.certificates.payload import FIELDS, sign, verify


def _b64(data: bytes) -> str:
    return urlsafe_b64encode(data).rstrip(b"=").decode()


def _fields(code: str) -> dict:
    part = code.split(".")[1]
    return json.loads(urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def altered(code: str, **changes) -> str:
    """The same signature over a payload with ``changes``: what a forger editing a code makes."""
    prefix, _, signature = code.split(".")
    body = {**_fields(code), **changes}
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"{prefix}.{_b64(text.encode())}.{signature}"


@pytest.fixture
def issued(cert_course):
    rc, out, err = certlib.cli("--course", cert_course, "certify")
    assert rc == 0, out + err
    return cert_course, certlib.valid_code(cert_course, "S1")


def verdict(root, target) -> tuple[int, str]:
    rc, out, err = certlib.cli("--course", root, "verify", target)
    return rc, out + err


def test_a_valid_code_verifies_with_the_details_on_the_paper(issued):
    root, code = issued
    rc, out = verdict(root, code)
    assert rc == 0, out
    assert out.startswith("VALID ETK-")
    assert "name: Siti Rahmawati" in out and "Dasar-dasar AI yang bertanggung jawab" in out
    assert "cohort: 2027-A" in out and "venue: Kupang" in out


def test_the_code_typed_with_spaces_and_line_breaks_verifies(issued):
    from autograder.certificates.payload import printed

    root, code = issued
    rc, out = verdict(root, "\n".join(printed(code)))
    assert rc == 0, out


def test_the_pdf_and_html_files_verify(issued):
    root, code = issued
    cid = _fields(code)["i"]
    for suffix in ("pdf", "html"):
        rc, out = verdict(root, root / "certificates" / "issued" / "S1" / f"{cid}.{suffix}")
        assert rc == 0 and f"VALID {cid}" in out, out


@pytest.mark.parametrize(
    "change", [{"n": "Siti Rahmawati Putri"}, {"d": "2025-01-01"}, {"p": "Another programme"}]
)
def test_a_changed_detail_is_rejected_as_a_signature_mismatch(issued, change):
    root, code = issued
    rc, out = verdict(root, altered(code, **change))
    assert rc == 1
    assert "NOT VALID" in out and "the signature does not match" in out
    assert "details were changed" in out


def test_a_signature_from_another_key_is_rejected(issued):
    root, code = issued
    other = Ed25519PrivateKey.generate()
    fields = {k: v for k, v in _fields(code).items() if k != "k"}
    # signed by another key that names itself: a key this programme does not publish
    rc, out = verdict(root, sign(other, fields))
    assert rc == 1 and "signed by a key this programme does not publish" in out
    # signed by another key but claiming the programme's key id: the signature fails
    forged = sign(other, fields)
    forged = altered(forged, k=_fields(code)["k"])
    rc, out = verdict(root, forged)
    assert rc == 1 and "the signature does not match" in out


@pytest.mark.parametrize("cut", [1, 10, 86])
def test_a_truncated_code_is_rejected_as_incomplete(issued, cut):
    root, code = issued
    rc, out = verdict(root, code[:-cut])
    assert rc == 1 and "the code is incomplete" in out, out


def test_a_code_cut_inside_its_payload_or_garbled_is_damaged(issued):
    root, code = issued
    rc, out = verdict(root, code.split(".")[0] + "." + code.split(".")[1][:20])
    assert rc == 1 and "incomplete" in out
    rc, out = verdict(root, "EA1.!!!!." + code.split(".")[2])
    assert rc == 1 and "damaged or mistyped" in out
    rc, out = verdict(root, "hello")
    assert rc == 1 and "damaged or mistyped" in out


def test_a_revoked_certificate_is_rejected_with_its_date_and_reason(issued):
    root, code = issued
    cid = _fields(code)["i"]
    rc, out, err = certlib.cli(
        "--course", root, "revoke", cid, "--reason", "issued to the wrong person"
    )
    assert rc == 0, out + err
    rc, out = verdict(root, code)
    assert rc == 1
    assert f"NOT VALID {cid}: revoked on " in out and "issued to the wrong person" in out


def test_the_payload_holds_nothing_personal_beyond_what_the_paper_shows(issued):
    root, code = issued
    assert set(_fields(code)) == FIELDS  # no e-mail, no student id, no scores
    assert "siti@example.org" not in json.dumps(_fields(code))
    rows = {r["student_id"]: r for r in certlib.register_rows(root)}
    assert rows["S1"]["student_id"] not in _fields(code).values()


def test_library_and_cli_agree_on_the_reason(issued):
    root, code = issued
    from autograder.certificates.keys import public_keys
    from autograder.course import Course

    keys = public_keys(Course.open(root))
    assert verify(code, keys, []).status == "valid"
    assert verify(altered(code, n="X"), keys, []).status == "bad_signature"
    assert verify(code[:-3], keys, []).status == "truncated"
    assert verify(code, keys, [{"id": _fields(code)["i"], "status": "revoked"}]).status == (
        "revoked"
    )
