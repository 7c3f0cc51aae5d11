"""What the site publishes for the verify page: public keys and revocations, nothing personal."""

from __future__ import annotations

import json

import certlib

from autograder.certificates.publish import keys_script, write
from etika.certificate_page import verify_html


def _data(script: str) -> dict:
    prefix = "window.etikaCertificates = "
    assert script.startswith(prefix)
    return json.loads(script[len(prefix) :].rstrip().rstrip(";"))


def test_the_published_script_holds_keys_and_revocations_only(cert_course, tmp_path):
    rc, out, err = certlib.cli("--course", cert_course, "certify")
    assert rc == 0, out + err
    cid = certlib.register_rows(cert_course)[0]["certificate_id"]
    rc, out, err = certlib.cli(
        "--course", cert_course, "revoke", cid, "--reason", "</script><b>wrong person</b>"
    )
    assert rc == 0, out + err
    target = write(cert_course / "certificates" / "published", tmp_path / "_static")
    script = target.read_text(encoding="utf-8")
    assert "</script>" not in script  # a reason cannot end the page's script early
    data = _data(script)
    assert set(data) == {"keys", "revocations"}
    assert [set(k) for k in data["keys"]] == [{"key_id", "public_key"}]
    assert data["revocations"][0]["id"] == cid
    assert data["revocations"][0]["reason"] == "</script><b>wrong person</b>"
    for personal in ("Siti", "Budi", "S1", "S2", "example.org", "Kupang"):
        assert personal not in script


def test_without_a_published_key_the_page_gets_an_empty_list(tmp_path):
    assert _data(keys_script(tmp_path / "missing")) == {"keys": [], "revocations": []}


def test_the_form_is_in_the_pages_language():
    en, id_ = verify_html("en"), verify_html("id")
    assert '<label for="etika-verify-code">Certificate code</label>' in en
    assert '<label for="etika-verify-code">Kode sertifikat</label>' in id_
    assert "Periksa sertifikat</button>" in id_ and "Tanda tangannya tidak cocok" in id_
    assert "Certificate code" not in id_
