"""The signing key: readable by the grader only, inside the course folder, never replaced."""

from __future__ import annotations

import json
import stat

import certlib


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_private_key_is_mode_600_in_the_course_state_folder(cert_course):
    key = cert_course / ".autograder" / "certificate-key.pem"
    assert _mode(key) == 0o600 and _mode(key.parent) == 0o700
    assert key.read_text().startswith("-----BEGIN PRIVATE KEY-----")
    published = cert_course / "certificates" / "published"
    text = "".join(p.read_text() for p in published.iterdir())
    assert "PRIVATE" not in text
    keys = json.loads((published / "public-keys.json").read_text())["keys"]
    assert len(keys) == 1 and keys[0]["programme"] == "etika-test"


def test_keys_init_again_refuses_and_keeps_the_key(cert_course):
    key = cert_course / ".autograder" / "certificate-key.pem"
    before = key.read_bytes()
    rc, _out, err = certlib.cli("--course", cert_course, "keys", "init")
    assert rc == 2 and "already has a signing key" in err
    assert key.read_bytes() == before


def test_a_key_readable_by_others_is_refused_with_the_fix(cert_course):
    key = cert_course / ".autograder" / "certificate-key.pem"
    key.chmod(0o644)
    rc, _out, err = certlib.cli("--course", cert_course, "certify")
    assert rc == 2 and "can be read by other users (mode 644)" in err
    assert f"chmod 600 {key}" in err
    assert not (cert_course / "certificates" / "register.csv").exists()


def test_certify_without_a_key_says_how_to_make_one(tmp_path):
    root = certlib.make_course(tmp_path / "course")
    rc, _out, err = certlib.cli("--course", root, "certify")
    assert rc == 2 and "no signing key" in err and "autograder keys init" in err


def test_verify_in_a_course_without_a_key_says_so(tmp_path):
    root = certlib.make_course(tmp_path / "course")
    rc, _out, err = certlib.cli("--course", root, "verify", "EA1.e30." + "A" * 86)
    assert rc == 2 and "publishes no certificate key" in err
