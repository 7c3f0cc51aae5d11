"""Feedback (no hidden tests, Indonesian), export (CSV, offline report), status, release."""

from __future__ import annotations

import csv
import html
import re
import zipfile

import fixturelib as F
from grading_helpers import cli

ROSTER = "student_id,name,email,cohort,venue,lang\n" + "".join(
    f"{s},Nama {i},n{i}@example.org,{'2026-A' if i % 2 else '2026-B'},"
    f"{'Banjarmasin' if i < 4 else 'Blitar'},{'id' if i % 2 else 'en'}\n"
    for i, s in enumerate(sorted(F.STATES))
)


def text_of(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def test_feedback_never_contains_hidden_tests(graded):
    (graded / "roster.csv").write_text(ROSTER)
    rc, out, err = cli("--course", graded, "feedback", F.AID)
    assert rc == 0, out + err
    files = sorted((graded / "feedback").rglob("*.html"))
    assert len(files) == len(F.STATES)
    for f in files:
        page = f.read_text()
        body = text_of(page)
        for line in F.HIDDEN_LINES:
            assert line not in body and line not in page, f
        assert F.HIDDEN_MARK not in page
        assert "BEGIN HIDDEN TESTS" not in page
        if "deleted-test-cell" not in str(f):
            assert "assert mean([1, 2, 3]) == 2" in body  # visible tests stay


def test_feedback_in_learners_language(graded):
    (graded / "roster.csv").write_text(ROSTER)
    assert cli("--course", graded, "feedback", F.AID)[0] == 0
    langs = {s: ("id" if i % 2 else "en") for i, s in enumerate(sorted(F.STATES))}
    for sid, lang in langs.items():
        page = (graded / "feedback" / sid / F.AID / "ps1.html").read_text()
        if lang == "id":
            assert "Ringkasan" in page and "Nilai total" in page and "(Nilai:" in page
        else:
            assert "Summary" in page and "Total score" in page
    page = (graded / "feedback" / "submitted-partial" / F.AID / "ps1.html").read_text()
    review = page.split("etika-summary")[1].split("</section>")[0]
    assert "count_tests" in review.split("<ul>")[1]


def test_export_csv_report_and_pseudonyms(graded, tmp_path):
    (graded / "roster.csv").write_text(ROSTER)
    rc, out, err = cli("--course", graded, "export")
    assert rc == 0, out + err
    with open(graded / "exports" / "grades-ps1.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    by_id = {r["learner"]: r for r in rows}
    assert by_id["submitted-correct"]["ps1:mean_tests"] == "2"
    assert by_id["submitted-partial"]["total"] == "2"
    assert (graded / "exports" / "grades-ps1.csv").stat().st_mode & 0o077 == 0
    report = (graded / "exports" / "report.html").read_text()
    assert report.count("<svg") >= 4 and 'role="img"' in report and "aria-label=" in report
    assert "Pass rate by venue" in report and "Which questions were hard" in report
    assert not re.search(r"<script|<link|src=|@import|url\(", report)
    assert "Nama 1" not in report and "example.org" not in report
    rc, _, _ = cli("--course", graded, "export", "--pseudonymise", "--out", tmp_path / "p1")
    rc2, _, _ = cli("--course", graded, "export", "--pseudonymise", "--out", tmp_path / "p2")
    p1 = (tmp_path / "p1" / "grades-ps1.csv").read_text()
    assert rc == rc2 == 0 and p1 == (tmp_path / "p2" / "grades-ps1.csv").read_text()
    assert "submitted-" not in p1 and "p-" in p1


def test_status(graded):
    rc, out, _ = cli("--course", graded, "status")
    assert rc == 0
    assert "ps1: released" in out and f"graded:    {len(F.STATES)}" in out
    assert "needs manual grading" in out and "formgrader" in out
    assert "feedback:  0" in out and "out of date" not in out


def test_status_flags_feedback_older_than_the_grades(graded):
    assert cli("--course", graded, "feedback", F.AID)[0] == 0
    rc, out, _ = cli("--course", graded, "status")
    assert rc == 0 and "out of date" not in out
    n_feedback = int(out.split("feedback:")[1].split()[0])
    assert n_feedback > 0
    # graded again after its feedback was written: that learner's feedback is out of date
    rc, out, err = cli("--course", graded, "grade", F.AID, "--force", "submitted-correct")
    assert rc == 0, out + err
    rc, out, _ = cli("--course", graded, "status")
    assert f"feedback:  {n_feedback - 1}" in out
    assert "feedback out of date (grades changed since): 1 (submitted-correct)" in out
    assert f"autograder feedback {F.AID}" in out
    assert cli("--course", graded, "feedback", F.AID, "submitted-correct")[0] == 0
    rc, out, _ = cli("--course", graded, "status")
    assert f"feedback:  {n_feedback}" in out and "out of date" not in out
    # a grader gives points in formgrader after the feedback was written: out of date again
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{graded / 'gradebook.db'}", "etika-test") as gb:
        grade = gb.find_grade("reflection", F.AID, F.AID, "submitted-correct")
        grade.manual_score = 1.0
        gb.db.commit()
    rc, out, _ = cli("--course", graded, "status")
    assert "feedback out of date (grades changed since): 1 (submitted-correct)" in out


def test_release_bundle(released_template):
    with zipfile.ZipFile(released_template / "bundles" / "ps1.zip") as zf:
        names = sorted(zf.namelist())
        nb = zf.read("ps1/ps1.ipynb").decode()
    assert names == ["ps1/incomes.csv", "ps1/ps1.ipynb"]
    assert "BEGIN HIDDEN" not in nb and "sum(xs) / len(xs)" not in nb


def test_no_names_in_output(graded):
    (graded / "roster.csv").write_text(ROSTER)
    for args in (["status"], ["feedback", F.AID], ["export"]):
        rc, out, err = cli("--course", graded, *args)
        assert rc == 0 and "Nama" not in out + err and "example.org" not in out + err


def test_report_shows_long_question_names_whole():
    from autograder.export import section

    long = "part5_tests: Part 5: and what about equal opportunity?"
    info = {
        "parts": ["nb:part5_tests"],
        "maxes": {"nb:part5_tests": 1.0},
        "rows": [
            {
                "student": "s",
                "cohort": "—",
                "venue": "—",
                "scores": {"nb:part5_tests": 1.0},
                "total": 1.0,
                "max": 1.0,
                "pending": 0,
                "passed": True,
            }
        ],
    }
    page = section("bias", info, 0.5, {"nb:part5_tests": long})
    assert f">{long}</text>" in page.replace("&#39;", "'")


def test_graders_sandbox_gets_a_gradebook_without_learners(graded, tmp_path):
    """Kernel B's copy of the gradebook (grade.make_template) names no learner anywhere."""
    import sqlite3

    from autograder.course import Course
    from autograder.grade import make_template

    assert cli("--course", graded, "feedback", F.AID)[0] == 0
    make_template(Course.open(graded), tmp_path / "template.db")
    con = sqlite3.connect(tmp_path / "template.db")
    tables = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    assert "base_cell" in tables and not [n for n in tables if n.startswith("etika_")]
    assert con.execute("SELECT count(*) FROM student").fetchone() == (0,)
    assert con.execute("SELECT count(*) FROM grade").fetchone() == (0,)
    dump = "\n".join(con.iterdump())
    assert "submitted-correct" not in dump
