"""The site's Verify a certificate page in Chromium (360 px, English and Indonesian): a code
issued by ``autograder certify`` verifies in the browser; a changed name, a changed date, another
key, a truncated code and a revoked id are each rejected with their reason; no request leaves
the page when a code is checked, and it works offline; axe-core finds nothing, light and dark.

The page is the built site's; the keys script the build publishes is replaced (by Playwright's
routing) with the one ``autograder.certificates.publish`` writes for a test course, so the codes
are really issued and signed, by a key made for the test.
"""

from __future__ import annotations

import json
import os
import sys
from base64 import urlsafe_b64decode, urlsafe_b64encode
from pathlib import Path

import pytest
import site_audit

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "certificates"))
import certlib  # the certificate tests' small course (tests/certificates/certlib.py)

from autograder.certificates.publish import keys_script

pytestmark = [pytest.mark.build, pytest.mark.browser, pytest.mark.slow]

PAGE = "{lang}/book/verify.html"
WORDS = {
    "en": {
        "valid": "Valid certificate",
        "bad_signature": "The signature does not match",
        "truncated": "The code is incomplete",
        "unknown_key": "signed with a key this programme does not publish",
        "revoked": "This certificate was revoked on",
        "date": "2 December 2026",
    },
    "id": {
        "valid": "Sertifikat sah",
        "bad_signature": "Tanda tangannya tidak cocok",
        "truncated": "Kode ini tidak lengkap",
        "unknown_key": "ditandatangani dengan kunci yang tidak diterbitkan program ini",
        "revoked": "Sertifikat ini dicabut pada",
        "date": "2 Desember 2026",
    },
}


#: A browser without WebCrypto Ed25519 (before Chrome 137, Safari 17, Firefox 129).
NO_WEBCRYPTO_ED25519 = """
const importKey = crypto.subtle.importKey.bind(crypto.subtle);
crypto.subtle.importKey = function (format, data, algorithm, ...rest) {
  if ((algorithm.name || algorithm) === "Ed25519")
    return Promise.reject(new DOMException("Ed25519", "NotSupportedError"));
  return importKey(format, data, algorithm, ...rest);
};
"""


def _b64(data: bytes) -> str:
    return urlsafe_b64encode(data).rstrip(b"=").decode()


def _fields(code: str) -> dict:
    part = code.split(".")[1]
    return json.loads(urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def _altered(code: str, **changes) -> str:
    prefix, _, signature = code.split(".")
    text = json.dumps(
        {**_fields(code), **changes}, ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )
    return f"{prefix}.{_b64(text.encode())}.{signature}"


@pytest.fixture(scope="module")
def issued(tmp_path_factory):
    """A course that issued certificates to S1 (Indonesian) and S2 (English); S2's revoked."""
    bindir = os.path.dirname(sys.executable)
    os.environ["PATH"] = bindir + os.pathsep + os.environ.get("PATH", "")
    root = certlib.make_course(tmp_path_factory.mktemp("verify-page") / "course")
    for args in (("keys", "init"), ("certify",)):
        rc, out, err = certlib.cli("--course", root, *args)
        assert rc == 0, out + err
    rows = {r["student_id"]: r for r in certlib.register_rows(root)}
    rc, out, err = certlib.cli(
        "--course", root, "revoke", rows["S2"]["certificate_id"], "--reason", "issued in error"
    )
    assert rc == 0, out + err
    script = keys_script(root / "certificates" / "published")
    return {"valid": rows["S1"]["code"], "revoked": rows["S2"]["code"], "script": script}


@pytest.fixture
def verify_page(chromium, origin, issued):
    contexts = []

    def _open(lang: str, scheme: str = "light", fragment: str = "", no_webcrypto=False):
        context = chromium.new_context(viewport={"width": 360, "height": 800}, color_scheme=scheme)
        if no_webcrypto:
            context.add_init_script(NO_WEBCRYPTO_ED25519)
        context.route(
            "**/_static/etika-certificate-keys.js",
            lambda route: route.fulfill(
                status=200, content_type="text/javascript", body=issued["script"]
            ),
        )
        page = context.new_page()
        page.requests, page.errors = [], []
        page.on("request", lambda r: page.requests.append(r.url))
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.goto(f"{origin}/{PAGE.format(lang=lang)}{fragment}", wait_until="networkidle")
        contexts.append(context)
        return page

    yield _open
    for c in contexts:
        c.close()


def _check(page, code: str, allowed: str = "") -> str:
    box = page.locator(".etika-verify-result")
    before = [u for u in page.requests if allowed not in u or not allowed]
    field = page.get_by_role("textbox", name=page.locator("form.etika-verify label").inner_text())
    field.fill(code)
    field.focus()
    page.keyboard.press("Tab")  # to the button, then press it from the keyboard
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.querySelector('.etika-verify-result').textContent.length > 0"
    )
    after = [u for u in page.requests if allowed not in u or not allowed]
    assert after == before, "checking a code made a request"
    text = box.inner_text()
    page.evaluate("document.querySelector('.etika-verify-result').textContent = ''")
    return text


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_real_code_verifies_and_tampered_codes_are_rejected(verify_page, origin, issued, lang):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from autograder.certificates.payload import printed, sign

    page = verify_page(lang)
    w = WORDS[lang]
    code = issued["valid"]
    text = _check(page, code)
    assert w["valid"] in text
    assert "Siti Rahmawati" in text and "Dasar-dasar AI yang bertanggung jawab" in text
    assert "2027-A" in text and "Kupang" in text and _fields(code)["i"] in text
    if _fields(code)["d"].endswith("-12-02"):
        assert w["date"] in text
    assert w["valid"] in _check(page, "\n".join(printed(code)))  # typed from the paper
    assert w["bad_signature"] in _check(page, _altered(code, n="Siti Rahmawati Putri"))
    assert w["bad_signature"] in _check(page, _altered(code, d="2025-01-01"))
    assert w["truncated"] in _check(page, code[:-5])
    other = sign(Ed25519PrivateKey.generate(), {k: v for k, v in _fields(code).items() if k != "k"})
    assert w["unknown_key"] in _check(page, other)
    assert w["bad_signature"] in _check(page, _altered(other, k=_fields(code)["k"]))
    text = _check(page, issued["revoked"])
    assert w["revoked"] in text and "issued in error" in text
    assert not page.errors
    assert all(u.startswith(origin) for u in page.requests), page.requests
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360


def test_it_works_offline_and_from_the_qr_codes_address(verify_page, issued):
    page = verify_page("en")
    page.context.set_offline(True)
    assert WORDS["en"]["valid"] in _check(page, issued["valid"])
    page = verify_page("id", fragment="#" + issued["valid"])
    page.wait_for_function(
        "() => document.querySelector('.etika-verify-result').textContent.length > 0"
    )
    assert WORDS["id"]["valid"] in page.locator(".etika-verify-result").inner_text()


def test_without_webcrypto_ed25519_the_vendored_verifier_checks(verify_page, origin, issued):
    page = verify_page("id", no_webcrypto=True)
    code = issued["valid"]
    noble = "etika-ed25519-noble.js"
    assert WORDS["id"]["valid"] in _check(page, code, allowed=noble)
    assert WORDS["id"]["bad_signature"] in _check(page, _altered(code, n="Ani"), allowed=noble)
    assert WORDS["id"]["truncated"] in _check(page, code[:-2], allowed=noble)
    loaded = [u for u in page.requests if noble in u]
    assert len(loaded) == 1 and loaded[0].startswith(origin)  # from the site, once
    assert not page.errors


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["en", "id"])
def test_axe_finds_nothing_with_an_answer_shown(verify_page, issued, lang, scheme, tmp_path):
    page = verify_page(lang, scheme)
    page.fill("#etika-verify-code", issued["valid"])
    page.click("form.etika-verify button")
    page.wait_for_selector(".etika-verify-ok")
    assert site_audit.axe_violations(page) == []
    shots = Path(os.environ.get("ETIKA_SHOTS", tmp_path))
    page.locator("form.etika-verify").screenshot(path=str(shots / f"verify-{lang}-{scheme}-ok.png"))
    page.fill("#etika-verify-code", issued["valid"][:-4])
    page.click("form.etika-verify button")
    page.wait_for_selector(".etika-verify-no")
    assert site_audit.axe_violations(page) == []
    page.screenshot(path=str(shots / f"verify-{lang}-{scheme}.png"), full_page=True)
