"""A small course for the certificate tests: a programme rule, a roster and a gradebook whose
scores are set directly (grading itself is tested in tests/grading)."""

from __future__ import annotations

import csv
import textwrap
from pathlib import Path

CONFIG = textwrap.dedent(
    """
    c = get_config()
    c.CourseDirectory.course_id = "cert-test"
    c.Programme.id = "etika-test"
    c.Programme.name = {"en": "Responsible AI basics",
                        "id": "Dasar-dasar AI yang bertanggung jawab"}
    c.Programme.issuer = {"en": "Etika AI trainers", "id": "Tim pelatih Etika AI"}
    c.Programme.assignments = ["a1", "a2"]
    c.Programme.pass_mark = 0.6
    c.Programme.roster_minimums = {"attendance": 75}
    """
)

LEARNERS = [
    # student_id, name, email, cohort, venue, lang, attendance, a1 score, a2 score (of 10)
    ("S1", "Siti Rahmawati", "siti@example.org", "2027-A", "Kupang", "id", "90%", 8, 7),
    ("S2", "Budi Santoso", "budi@example.org", "2027-A", "Kupang", "en", "80", 9, 9),
    ("S3", "Ani Lestari", "ani@example.org", "2027-A", "Ende", "id", "50", 10, 10),
    ("S4", "Dewi Sartika", "dewi@example.org", "2027-B", "Ende", "en", "100", 4, 9),
]


def make_course(root: Path, learners=LEARNERS, config: str = CONFIG) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "nbgrader_config.py").write_text(config, encoding="utf-8")
    for aid in ("a1", "a2"):
        (root / "source" / aid).mkdir(parents=True, exist_ok=True)
    write_roster(root / "roster.csv", learners)
    set_scores(
        root, {(s[0], "a1"): s[7] for s in learners} | {(s[0], "a2"): s[8] for s in learners}
    )
    return root


def write_roster(path: Path, learners) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["student_id", "name", "email", "cohort", "venue", "lang", "attendance"])
        for row in learners:
            w.writerow(row[:7])


def set_scores(root: Path, scores: dict[tuple[str, str], float]) -> None:
    """One notebook of one 10-point autograded part per assignment; the given scores."""
    import warnings

    from nbgrader.api import Gradebook

    # nbgrader's own SQLAlchemy session warnings on add_submission: not ours to fix
    with (
        warnings.catch_warnings(),
        Gradebook(f"sqlite:///{root / 'gradebook.db'}", "cert-test") as gb,
    ):
        warnings.simplefilter("ignore")
        for aid in ("a1", "a2"):
            try:
                gb.find_assignment(aid)
            except Exception:
                gb.add_assignment(aid)
                gb.add_notebook("nb", aid)
                gb.add_grade_cell("q1", "nb", aid, max_score=10, cell_type="code")
        for (sid, aid), score in scores.items():
            try:
                gb.find_student(sid)
            except Exception:
                gb.add_student(sid)
            try:
                gb.find_submission(aid, sid)
            except Exception:
                gb.add_submission(aid, sid)
            grade = gb.find_grade("q1", "nb", aid, sid)
            grade.auto_score = score
            grade.needs_manual_grade = False
            gb.db.commit()


def cli(*args) -> tuple[int, str, str]:
    """``autograder ARGS`` in this process: exit status, standard output, standard error."""
    import contextlib
    import io

    from autograder.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = main([str(a) for a in args])
    return rc, out.getvalue(), err.getvalue()


def register_rows(root: Path) -> list[dict[str, str]]:
    with open(root / "certificates" / "register.csv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def valid_code(root: Path, sid: str) -> str:
    return next(
        r["code"] for r in register_rows(root) if r["student_id"] == sid and r["status"] == "valid"
    )
