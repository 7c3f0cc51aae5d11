"""Helpers for the grading tests (imported by conftest and the test modules)."""

from __future__ import annotations

import contextlib
import hashlib
import io
from pathlib import Path

import fixturelib as F

from autograder.cli import main

GRADE_TIMEOUT = "5"


def cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = main([str(a) for a in args])
    return rc, out.getvalue(), err.getvalue()


def tree_digest(root: Path) -> dict[str, str]:
    """Every file and folder under root, with content hash and mode: 'byte-identical'."""
    out = {}
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        if p.is_dir():
            out[rel + "/"] = oct(p.stat().st_mode)
        else:
            out[rel] = hashlib.sha256(p.read_bytes()).hexdigest() + oct(p.stat().st_mode)
    return out


def release_nb(course: Path) -> Path:
    return course / "release" / F.AID / f"{F.AID}.ipynb"


def scores(
    course: Path, aid: str = F.AID, course_id: str = "etika-test"
) -> dict[str, dict[str, float | None]]:
    """student -> grade id -> points (None: waiting for a human grader), from the gradebook."""
    from nbgrader.api import Gradebook

    out = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", course_id) as gb:
        for sub in gb.find_assignment(aid).submissions:
            out[sub.student.id] = {
                g.name: (None if g.needs_manual_grade else float(g.score))
                for nb in sub.notebooks
                for g in nb.grades
            }
    return out
