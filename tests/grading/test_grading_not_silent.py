"""Nothing silent (issue 12, goal 2): a part the sealed path cannot grade exactly is named, with
its reason, in the console, in `status`, in the autograded notebook, in the learner's feedback
(in their language) and in the export; a submission whose grading failed is never exported as
a 0 or a "no". Uses the agreement corpus graded once per session (test_grading_agreement.py).
"""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
from pathlib import Path

import harness as H
import pytest

pytestmark = pytest.mark.slow


@pytest.fixture
def graded_corpus(agreement, tmp_path):
    dest = tmp_path / "course"
    shutil.copytree(agreement["root"], dest)
    return dest


def _inexact(root: Path) -> dict[tuple[str, str, str], str]:
    con = sqlite3.connect(root / "gradebook.db")
    rows = con.execute("SELECT assignment, student, part, reason FROM etika_inexact").fetchall()
    con.close()
    return {(a, s, p): r for a, s, p, r in rows}


def test_console_names_each_part_not_graded_exactly(agreement):
    out = agreement["out"]
    line = "NOT GRADED EXACTLY submitted-correct: records: point_equal: a Point object was compared"
    assert line in out
    assert "not graded exactly (see above" in out


def test_every_disagreement_on_an_honest_submission_is_named(agreement):
    """Where we give fewer points than stock, the part is named (the contract's 'never
    silently scored'); the test lists the ones that are not, if any."""
    named = _inexact(agreement["root"])
    silent = [
        (r.assignment, r.state, r.cell, r.kind)
        for r in agreement["rows"].values()
        if r.state != "submitted-forging"
        and r.stock is not None
        and (r.ours or 0) < r.stock
        and (r.assignment, r.state, r.cell) not in named
    ]
    assert not silent, silent


def test_no_submission_of_the_corpus_failed(agreement):
    """nbformat 4.0 (ps1_v40, no cell ids) grades like 4.5."""
    con = sqlite3.connect(agreement["root"] / "gradebook.db")
    bad = con.execute(
        "SELECT assignment, student, detail FROM etika_autograde WHERE status != 'ok'"
    )
    assert bad.fetchall() == []
    con.close()
    assert H.scores(agreement["root"], "ps1_v40") == H.scores(agreement["root"], "ps1_v45")


def test_status_lists_parts_not_graded_exactly(graded_corpus):
    rc, out, _ = H.cli("--course", graded_corpus, "status")
    assert rc == 0
    assert "NOT GRADED EXACTLY submitted-correct: records: point_equal" in out
    rc, out, _ = H.cli("--course", graded_corpus, "status", "--json")
    rows = {r["assignment"]: r for r in json.loads(out)}
    assert "submitted-correct" in rows["records"]["not_graded_exactly"]
    assert "submitted-correct" not in rows["objects"]["not_graded_exactly"]


def test_autograded_notebook_keeps_the_graders_note(graded_corpus):
    nb = json.loads(
        (graded_corpus / "autograded/submitted-correct/records/records.ipynb").read_text()
    )
    by_id = {c["metadata"].get("nbgrader", {}).get("grade_id"): c for c in nb["cells"]}

    def text_of(cell) -> str:
        parts = [o.get("text", "") for o in cell["outputs"]]
        return "".join("".join(p) if isinstance(p, list) else p for p in parts)

    text = text_of(by_id["point_equal"])
    assert "not graded exactly" in text and "a Point object was compared" in text
    assert "not graded exactly" not in text_of(by_id["point_fields"])
    assert not any(
        "application/vnd.etika.note+json" in o.get("data", {})
        for c in nb["cells"]
        for o in c.get("outputs", [])
    )


def test_feedback_names_the_part_in_the_learners_language(graded_corpus):
    (graded_corpus / "roster.csv").write_text(
        "student_id,name,email,cohort,venue,lang\n"
        "submitted-correct,Ayu,a@example.org,c1,v1,id\n"
        "submitted-alternative-correct,Budi,b@example.org,c1,v1,en\n"
    )
    rc, out, err = H.cli(
        "--course",
        graded_corpus,
        "feedback",
        "records",
        "submitted-correct",
        "submitted-alternative-correct",
    )
    assert rc == 0, out + err
    page = (graded_corpus / "feedback/submitted-correct/records/records.html").read_text()
    assert "Bagian yang tidak dapat diperiksa oleh penilai otomatis" in page
    assert "belum diperiksa otomatis" in page
    page = (
        graded_corpus / "feedback/submitted-alternative-correct/records/records.html"
    ).read_text()
    assert "Parts the automatic grader could not check" in page


def test_export_flags_inexact_parts_and_never_writes_a_failed_grading_as_zero(graded_corpus):
    con = sqlite3.connect(graded_corpus / "gradebook.db")
    with con:
        con.execute(
            "UPDATE etika_autograde SET status='failed', detail='nbgrader could not grade it' "
            "WHERE assignment='errors' AND student='submitted-blank'"
        )
    con.close()
    rc, out, err = H.cli("--course", graded_corpus, "export", "records", "errors")
    assert rc == 0, out + err
    with open(graded_corpus / "exports/grades-records.csv") as fh:
        rows = {r["learner"]: r for r in csv.DictReader(fh)}
    assert rows["submitted-correct"]["grading"].startswith("NOT EXACT")
    assert "records:point_equal" in rows["submitted-correct"]["parts_not_graded_exactly"]
    assert rows["submitted-blank"]["grading"] == "ok"
    with open(graded_corpus / "exports/grades-errors.csv") as fh:
        rows = {r["learner"]: r for r in csv.DictReader(fh)}
    failed = rows["submitted-blank"]
    assert failed["passed"] == "grading failed" and failed["total"] == ""
    assert failed["grading"].startswith("FAILED")
    assert "FAILED for 1 submission" in (graded_corpus / "exports/report.html").read_text()
