"""The register: issuing again changes nothing; a grade change supersedes; revoke; bad input
leaves every file as it was."""

from __future__ import annotations

import json

import certlib


def _files(root):
    base = root / "certificates"
    return {p.relative_to(base): p.read_bytes() for p in sorted(base.rglob("*")) if p.is_file()}


def _certify(root):
    rc, out, err = certlib.cli("--course", root, "certify")
    assert rc == 0, out + err
    return out


def test_only_learners_who_meet_the_rule_get_a_certificate(cert_course):
    out = _certify(cert_course)
    rows = certlib.register_rows(cert_course)
    assert sorted(r["student_id"] for r in rows) == ["S1", "S2"]
    assert "NOT ISSUED S3: attendance 50 is below 75" in out
    assert "NOT ISSUED S4: a1: 4/10 is below the pass mark" in out
    for r in rows:
        folder = cert_course / "certificates" / "issued" / r["student_id"]
        assert (folder / f"{r['certificate_id']}.pdf").read_bytes().startswith(b"%PDF")
        page = (folder / f"{r['certificate_id']}.html").read_text(encoding="utf-8")
        assert f'<html lang="{r["lang"]}">' in page and "example.org" not in page


def test_issuing_again_changes_nothing(cert_course):
    _certify(cert_course)
    before = _files(cert_course)
    out = _certify(cert_course)
    assert "0 issued, 0 reissued, 2 unchanged" in out
    assert _files(cert_course) == before


def test_a_grade_change_issues_a_new_certificate_and_supersedes_the_old(cert_course):
    _certify(cert_course)
    old = certlib.valid_code(cert_course, "S1")
    certlib.set_scores(cert_course, {("S1", "a1"): 10})
    out = _certify(cert_course)
    assert "REISSUED" in out and "1 reissued, 1 unchanged" in out
    rows = [r for r in certlib.register_rows(cert_course) if r["student_id"] == "S1"]
    assert [r["status"] for r in rows] == ["superseded", "valid"]
    assert rows[0]["superseded_by"] == rows[1]["certificate_id"]
    assert rows[0]["reason"] == "grades changed"
    published = json.loads(
        (cert_course / "certificates" / "published" / "revocations.json").read_text()
    )["revocations"]
    assert published == [
        {
            "id": rows[0]["certificate_id"],
            "status": "superseded",
            "on": rows[0]["changed_on"],
            "reason": "grades changed",
            "by": rows[1]["certificate_id"],
        }
    ]
    rc, text, _ = certlib.cli("--course", cert_course, "verify", old)
    assert rc == 1 and f"replaced by a newer certificate {rows[1]['certificate_id']}" in text
    rc, text, _ = certlib.cli("--course", cert_course, "verify", rows[1]["code"])
    assert rc == 0, text
    # and once more: nothing changes
    before = _files(cert_course)
    _certify(cert_course)
    assert _files(cert_course) == before


def test_a_learner_who_no_longer_meets_the_rule_keeps_the_certificate_until_revoked(cert_course):
    _certify(cert_course)
    certlib.set_scores(cert_course, {("S2", "a2"): 1})
    out = _certify(cert_course)
    assert "CHECK S2: no longer meets the rule" in out and "autograder revoke" in out
    assert {r["status"] for r in certlib.register_rows(cert_course)} == {"valid"}


def test_a_revoked_certificate_is_not_issued_again(cert_course):
    _certify(cert_course)
    cid = next(
        r["certificate_id"] for r in certlib.register_rows(cert_course) if r["student_id"] == "S1"
    )
    rc, out, _ = certlib.cli("--course", cert_course, "revoke", cid, "--reason", "copied work")
    assert rc == 0 and "rebuild the site" in out
    rc, out, _ = certlib.cli("--course", cert_course, "revoke", cid, "--reason", "again")
    assert rc == 0 and "already revoked; nothing changed" in out
    out = _certify(cert_course)
    assert f"NOT ISSUED S1: certificate {cid} was revoked" in out
    rows = [r for r in certlib.register_rows(cert_course) if r["student_id"] == "S1"]
    assert len(rows) == 1 and rows[0]["status"] == "revoked" and rows[0]["reason"] == "copied work"


def test_revoking_an_unknown_id_or_without_a_reason_changes_nothing(cert_course):
    _certify(cert_course)
    before = _files(cert_course)
    rc, _out, err = certlib.cli(
        "--course", cert_course, "revoke", "ETK-NOPE\x1b[2J", "--reason", "x"
    )
    assert rc == 2 and "no certificate ETK-NOPE\\x1b[2J in the register" in err
    assert "\x1b" not in err  # a name from outside is escaped before it is printed
    rc, _out, err = certlib.cli("--course", cert_course, "revoke", "ETK-X", "--reason", "  ")
    assert rc == 2 and "needs a reason" in err
    assert _files(cert_course) == before


def test_a_damaged_register_is_named_and_left_as_it_was(cert_course):
    _certify(cert_course)
    path = cert_course / "certificates" / "register.csv"
    path.write_text(path.read_text() + "garbage,row\n")
    before = _files(cert_course)
    rc, _out, err = certlib.cli("--course", cert_course, "certify")
    assert rc == 2 and str(path) in err and "how to fix: restore" in err
    assert _files(cert_course) == before


def test_certify_without_a_programme_rule_names_the_config_file(cert_course):
    config = cert_course / "nbgrader_config.py"
    config.write_text("c = get_config()\nc.CourseDirectory.course_id = 'cert-test'\n")
    rc, _out, err = certlib.cli("--course", cert_course, "certify")
    assert rc == 2 and f"{config} has no programme rule (c.Programme)" in err
    config.write_text(certlib.CONFIG.replace("pass_mark = 0.6", "pass_mark = 60"))
    rc, _out, err = certlib.cli("--course", cert_course, "certify")
    assert rc == 2 and "pass_mark must be a fraction" in err
    config.write_text(certlib.CONFIG.replace('["a1", "a2"]', '["a1", "a9"]'))
    rc, _out, err = certlib.cli("--course", cert_course, "certify")
    assert rc == 2 and "names a9, not in this course" in err
