"""Build the fixture course and state-named submissions in code (no committed notebooks)."""

from __future__ import annotations

import copy
import io
import json
import zipfile
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

AID = "ps1"
HIDDEN_MARK = "hidden-check-7f3a"


def _meta(grade_id, *, grade=False, solution=False, locked=False, points=0):
    meta = {
        "grade": grade,
        "solution": solution,
        "locked": locked,
        "grade_id": grade_id,
        "schema_version": 3,
        "task": False,
    }
    if grade:
        meta["points"] = points
    return {"nbgrader": meta}


MEAN_SOLUTION = (
    "def mean(xs):\n    ### BEGIN SOLUTION\n    return sum(xs) / len(xs)\n    ### END SOLUTION"
)
COUNT_SOLUTION = (
    "import csv\n\n\ndef count_above(threshold, path='incomes.csv'):\n"
    "    ### BEGIN SOLUTION\n    with open(path) as fh:\n"
    "        return sum(1 for row in csv.DictReader(fh) if float(row['income']) > threshold)\n"
    "    ### END SOLUTION"
)
HIDDEN_LINES = [
    f"assert mean([2.5, 3.5]) == 3.0, '{HIDDEN_MARK}'",
    "assert isinstance(mean([1, 2]), float) and mean([7]) == 7.0",
]


def source_notebook() -> nbformat.NotebookNode:
    nb = new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [
        new_markdown_cell(
            "# PS1: small numbers, real people", metadata=_meta("intro", locked=True)
        ),
        new_code_cell(MEAN_SOLUTION, metadata=_meta("mean_answer", solution=True)),
        new_code_cell(
            "assert mean([1, 2, 3]) == 2\n### BEGIN HIDDEN TESTS\n"
            + "\n".join(HIDDEN_LINES)
            + "\n### END HIDDEN TESTS",
            metadata=_meta("mean_tests", grade=True, locked=True, points=2),
        ),
        new_code_cell(COUNT_SOLUTION, metadata=_meta("count_answer", solution=True)),
        new_code_cell(
            "assert count_above(1000) == 2",
            metadata=_meta("count_tests", grade=True, locked=True, points=1),
        ),
        new_markdown_cell(
            "Who could be harmed by this score, and how?",
            metadata=_meta("reflection_q", locked=True),
        ),
        new_markdown_cell(
            "Families in villages without a bank branch.",
            metadata=_meta("reflection", grade=True, solution=True, points=2),
        ),
    ]
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i}"
    return nb


CONFIG = """c = get_config()
c.CourseDirectory.course_id = "etika-test"
"""


def make_source_course(root: Path) -> Path:
    (root / "source" / AID).mkdir(parents=True)
    (root / "nbgrader_config.py").write_text(CONFIG)
    nbformat.write(source_notebook(), root / "source" / AID / f"{AID}.ipynb")
    (root / "source" / AID / "incomes.csv").write_text("name,income\na,500\nb,1500\nc,2500\n")
    return root


def _set(nb, grade_id, source):
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            cell.source = source
            return nb
    raise KeyError(grade_id)


def _drop(nb, grade_id):
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") != grade_id]
    return nb


MEAN_OK = "def mean(xs):\n    return sum(xs) / len(xs)"
COUNT_OK = COUNT_SOLUTION.replace("    ### BEGIN SOLUTION\n", "").replace(
    "\n    ### END SOLUTION", ""
)


def correct(nb):
    _set(nb, "mean_answer", MEAN_OK)
    _set(nb, "count_answer", COUNT_OK)
    return _set(nb, "reflection", "Women running home businesses could be refused credit.")


# state -> (builder, expected autograded points out of 3)
STATES = {
    "submitted-correct": (correct, 3.0),
    "submitted-blank": (lambda nb: nb, 0.0),
    "submitted-partial": (
        lambda nb: _set(correct(nb), "count_answer", "def count_above(t):\n    return 0"),
        2.0,
    ),
    "submitted-cheat-visible": (
        lambda nb: _set(correct(nb), "mean_answer", "def mean(xs):\n    return 2"),
        1.0,
    ),
    "submitted-syntax-error": (
        lambda nb: _set(correct(nb), "mean_answer", "def mean(xs) return"),
        1.0,
    ),
    "submitted-infinite-loop": (
        lambda nb: _set(correct(nb), "mean_answer", "while True:\n    pass"),
        1.0,
    ),
    "submitted-deleted-test-cell": (
        lambda nb: _drop(
            _set(correct(nb), "mean_answer", "def mean(xs):\n    return 0"), "mean_tests"
        ),
        1.0,
    ),
    "submitted-edited-locked-cell": (
        lambda nb: _set(
            _set(correct(nb), "mean_answer", "def mean(xs):\n    return 0"), "mean_tests", "pass"
        ),
        1.0,
    ),
    "submitted-output-flood": (
        lambda nb: _set(
            correct(nb), "count_answer", "for i in range(20000):\n    print('spam', i)\n" + COUNT_OK
        ),
        3.0,
    ),
}


def student_notebook(release_nb: Path, state: str) -> str:
    nb = nbformat.read(release_nb, as_version=4)
    builder, _ = STATES[state]
    return nbformat.writes(builder(copy.deepcopy(nb)))


def write_folder(dest: Path, release_nb: Path, states) -> Path:
    for state in states:
        (dest / state).mkdir(parents=True, exist_ok=True)
        (dest / state / f"{AID}.ipynb").write_text(student_notebook(release_nb, state))
    return dest


def zip_bytes(
    entries: dict[str, bytes | str], *, symlinks=(), date=(2026, 11, 20, 10, 0, 0)
) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name, date)
            info.compress_type = zipfile.ZIP_DEFLATED
            if name in symlinks:
                info.external_attr = (0o120777) << 16
            zf.writestr(info, data)
    return buf.getvalue()


def not_json() -> str:
    return '{"cells": [ this is not json'


def as_json(text: str) -> dict:
    return json.loads(text)
