"""Build the agreement corpus: nbgrader source notebooks and state-named submissions, in code.

An assignment is a list of parts written as plain Python strings (``assignments.py``); this
module turns them into what a trainer would have: a source notebook with nbgrader cell metadata,
``### BEGIN SOLUTION`` and ``### BEGIN HIDDEN TESTS`` markers, data files beside it, and, from
the RELEASE notebook that ``nbgrader generate_assignment`` makes, one submission per state.
Nothing here is committed as a notebook: the notebooks are generated when a test or the
benchmark needs them, so a diff of this folder reads as code.
"""

from __future__ import annotations

import copy
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/grading

from fixturelib import _meta

COURSE_ID = "etika-corpus"
CONFIG = f'c = get_config()\nc.CourseDirectory.course_id = "{COURSE_ID}"\n'

STATES = (
    "submitted-correct",
    "submitted-alternative-correct",
    "submitted-partial",
    "submitted-blank",
    "submitted-erroring",
    "submitted-forging",
)
SOLVED = object()  # in a state's answers: the source's own solution, markers removed


@dataclass
class Test:
    grade_id: str
    source: str  # may hold ### BEGIN HIDDEN TESTS ... ### END HIDDEN TESTS
    points: float
    kind: str  # the answer kind it checks (the agreement table's second column)


@dataclass
class Part:
    answer_id: str
    prompt: str  # markdown: "## Part 1: ..." and what to write
    solution: str  # code with ### BEGIN SOLUTION ... ### END SOLUTION
    tests: list[Test]
    manual_points: float = 0  # > 0: the answer cell itself is graded by hand
    markdown: bool = False  # a written answer (markdown solution cell)


@dataclass
class Assignment:
    name: str
    title: str
    parts: list[Part]
    setup: str = ""  # a locked code cell before the first part
    files: dict[str, str] = field(default_factory=dict)
    # state -> {answer_id: code | SOLVED}; an answer not named is left as released, except
    # in alternative-correct and erroring, which start from the solutions
    states: dict[str, dict] = field(default_factory=dict)
    # forging: the most points per test an honest submission would get (default 0 each)
    forging_cap: dict[str, float] = field(default_factory=dict)
    nbformat_minor: int = 5

    def tests(self) -> list[Test]:
        return [t for p in self.parts for t in p.tests]

    def kind_of(self, grade_id: str) -> str:
        for p in self.parts:
            if p.answer_id == grade_id:
                return "manual (written)" if p.markdown else "manual (code)"
            for t in p.tests:
                if t.grade_id == grade_id:
                    return t.kind
        return "?"


def source_notebook(a: Assignment) -> dict:
    """The trainer's source notebook as a plain dict (nbformat 4.<minor>)."""
    nb = new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.metadata["language_info"] = {"name": "python"}
    cells = [new_markdown_cell(f"# {a.title}", metadata=_meta("title", locked=True))]
    if a.setup:
        cells.append(new_code_cell(a.setup, metadata=_meta("setup", locked=True)))
    for part in a.parts:
        cells.append(
            new_markdown_cell(part.prompt, metadata=_meta(f"{part.answer_id}_q", locked=True))
        )
        meta = _meta(
            part.answer_id,
            solution=True,
            grade=part.manual_points > 0,
            points=part.manual_points,
        )
        if part.markdown:
            cells.append(new_markdown_cell(part.solution, metadata=meta))
        else:
            cells.append(new_code_cell(part.solution, metadata=meta))
        for t in part.tests:
            cells.append(
                new_code_cell(
                    t.source, metadata=_meta(t.grade_id, grade=True, locked=True, points=t.points)
                )
            )
    for i, cell in enumerate(cells):
        cell["id"] = f"{a.name}-{i}"
    nb.cells = cells
    doc = json.loads(nbformat.writes(nb))
    if a.nbformat_minor < 5:  # as Jupyter wrote notebooks before 2021: no cell ids
        doc["nbformat_minor"] = a.nbformat_minor
        for cell in doc["cells"]:
            cell.pop("id", None)
            if cell["cell_type"] == "markdown":
                cell.pop("attachments", None)
    return doc


def write_source(root: Path, a: Assignment) -> None:
    where = root / "source" / a.name
    where.mkdir(parents=True, exist_ok=True)
    (where / f"{a.name}.ipynb").write_text(
        json.dumps(source_notebook(a), indent=1), encoding="utf-8"
    )
    for name, text in a.files.items():
        (where / name).write_text(text, encoding="utf-8")


def make_course(root: Path, assignments) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "nbgrader_config.py").write_text(CONFIG)
    for a in assignments:
        write_source(root, a)
    return root


def strip_markers(code: str) -> str:
    """A solution as a learner would type it: the markers' lines removed."""
    keep = [
        ln
        for ln in code.splitlines()
        if ln.strip() not in ("### BEGIN SOLUTION", "### END SOLUTION")
    ]
    return "\n".join(keep)


def answers_for(a: Assignment, state: str) -> dict[str, str]:
    """answer_id -> the learner's code for this state (absent: left as released)."""
    solved = {p.answer_id: strip_markers(p.solution) for p in a.parts}
    if state == "submitted-correct":
        return solved
    if state == "submitted-blank":
        return {}
    given = a.states.get(state, {})
    starts_solved = state in ("submitted-alternative-correct", "submitted-erroring")
    out = dict(solved) if starts_solved else {}
    if state == "submitted-erroring" and not given:  # the first answer stops at its top
        first = a.parts[0].answer_id
        given = {first: "raise RuntimeError('not finished yet')\n" + solved[first]}
    for gid, code in given.items():
        out[gid] = solved[gid] if code is SOLVED else code
    return out


def submission(release_doc: dict, a: Assignment, state: str) -> dict:
    """The release notebook (as the learner got it) with this state's answers typed in."""
    doc = copy.deepcopy(release_doc)
    answers = answers_for(a, state)
    for cell in doc["cells"]:
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if gid in answers:
            cell["source"] = answers[gid]
            if cell["cell_type"] == "code":
                cell["outputs"] = []
                cell["execution_count"] = None
    return doc


def write_submissions(root: Path, a: Assignment, dest: Path, states=STATES) -> Path:
    """One folder per learner (the state's name) holding <assignment>.ipynb: `collect --from`."""
    release = json.loads(
        (root / "release" / a.name / f"{a.name}.ipynb").read_text(encoding="utf-8")
    )
    for state in states:
        (dest / state).mkdir(parents=True, exist_ok=True)
        text = json.dumps(submission(release, a, state), indent=1)
        (dest / state / f"{a.name}.ipynb").write_text(text, encoding="utf-8")
    return dest
