"""The privacy assignment (exercises/source/privacy) end to end.

Fast checks read the source notebook. The slow ones copy the course to a temporary folder,
generate the learners' version with ``nbgrader generate_assignment``, submit state-named
notebooks and grade them with stock ``nbgrader autograde`` and with ``autograder grade``,
then read the scores from the gradebook:

* ``correct``: the source notebook itself (the reference solution): full automatic marks;
* ``blank``: the generated learners' version, unchanged: runs, and scores 0;
* ``pretender``: answers that only pretend (permissive ``__eq__``, a float subclass, a list
  where a DataFrame is asked): 0 on every part;
* ``partial``: some parts right (some another way), some wrong: exactly their points;
* ``erroring``: an answer that raises, and one that deletes a name the tests need: those parts
  score 0, the rest still count.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
COURSE = ROOT / "exercises"
ASSIGNMENT = "privacy"
SOURCE = COURSE / "source" / ASSIGNMENT / "privacy.ipynb"
RUBRIC = COURSE / "source" / ASSIGNMENT / "RUBRIC.md"
AUTO_POINTS = {f"part{i}_tests": 2 for i in range(1, 6)}
MANUAL_POINTS = {"reflection_answer": 3}
STATE_DIRS = ("release", "submitted", "autograded", "feedback", "exports", ".autograder")


def _source():
    return nbformat.read(SOURCE, as_version=4)


def _meta(cell):
    return cell.metadata.get("nbgrader", {})


# ---- fast checks ----------------------------------------------------------------------------


def test_source_is_valid_without_outputs_and_ids_unique():
    nb = _source()
    nbformat.validate(nb)
    ids = [_meta(c)["grade_id"] for c in nb.cells]
    assert len(ids) == len(set(ids)) and all(ids)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")


def test_points_ten_automatic_and_three_manual():
    auto, manual = {}, {}
    for c in _source().cells:
        m = _meta(c)
        if m.get("grade"):
            (manual if m.get("solution") else auto)[m["grade_id"]] = m["points"]
    assert auto == AUTO_POINTS and manual == MANUAL_POINTS


def test_answers_and_tests_are_well_formed():
    cells = {_meta(c)["grade_id"]: c for c in _source().cells}
    for gid in AUTO_POINTS:
        answer, tests = cells[gid.replace("_tests", "_answer")], cells[gid]
        assert "### BEGIN SOLUTION" in answer.source and "### END SOLUTION" in answer.source
        assert "Quick checks of the form of your answer" in tests.source
        assert "### BEGIN HIDDEN TESTS" in tests.source  # hidden tests check the numbers
        assert "isinstance" in tests.source  # visible type checks


def test_instructions_in_english_then_indonesian():
    for c in _source().cells:
        if c.cell_type == "markdown" and _meta(c)["grade_id"].endswith(("instructions", "intro")):
            english, _, indonesian = c.source.partition("**Bahasa Indonesia**")
            assert indonesian.strip(), _meta(c)["grade_id"]
            words = set(re.findall(r"[a-z]+", indonesian.lower()))
            assert {"yang", "dan", "dengan", "untuk", "di", "pada", "setiap", "anda"} & words, (
                _meta(c)["grade_id"]
            )
            assert {"the", "and", "of", "to"} & set(re.findall(r"[a-z]+", english.lower()))


def test_rubric_in_notebook_and_rubric_md_agree():
    cell = next(c for c in _source().cells if _meta(c)["grade_id"] == "reflection_answer")
    rubric = RUBRIC.read_text(encoding="utf-8").split("\n\n", 1)[1].strip()
    assert rubric in cell.source
    assert "Pasal 46 ayat (1)" in cell.source and "3 points" in rubric


# ---- submissions ----------------------------------------------------------------------------

PRETENDER = {
    "part1_answer": """
class Agreeable(int):
    def __eq__(self, other):
        return True

    __hash__ = int.__hash__


n_unique = Agreeable(3)
""",
    "part2_answer": """
def k_anonymity(frame, columns):
    return 1


k_published = 1.0
""",
    # The right rows, in a list of records instead of a DataFrame.
    "part3_answer": """
protected = listed.to_dict(orient="records")
rows_lost = 0
""",
    "part4_answer": """
class AgreeableFloat(float):
    def __eq__(self, other):
        return True

    __hash__ = float.__hash__


def laplace_count(true_count, epsilon, seed):
    return AgreeableFloat(true_count)


mean_error = AgreeableFloat(2.0)
""",
    "part5_answer": "advantage = 0.0",
}

PARTIAL = {
    # Right, another way: counting combinations in plain Python.
    "part1_answer": """
from collections import Counter

_c = Counter(map(tuple, listed[QI].itertuples(index=False)))
n_unique = sum(1 for v in _c.values() if v == 1)
""",
    # Wrong: the largest group, not the smallest.
    "part2_answer": """
def k_anonymity(frame, columns):
    return int(frame.groupby(list(columns)).size().max())


k_published = k_anonymity(listed, QI)
""",
    # Right.
    "part3_answer": """
lo = (listed["age"] // 10) * 10
protected = listed.assign(age=lo.astype(str) + "-" + (lo + 9).astype(str))[
    ["district", "age", "sex", "female_head", "aid"]
]
size = protected.groupby(["district", "age", "sex"])["sex"].transform("size")
rows_lost = int((size < 5).sum())
protected = protected[size >= 5].reset_index(drop=True)
""",
    # Wrong: noise scaled by epsilon instead of 1 / epsilon.
    "part4_answer": """
def laplace_count(true_count, epsilon, seed):
    return float(true_count + np.random.default_rng(seed).laplace(0.0, epsilon))


mean_error = float(np.mean([abs(laplace_count(20, 0.5, s) - 20) for s in range(2000)]))
""",
    # Right.
    "part5_answer": "advantage = float((in_scores >= 0.9).mean() - (out_scores >= 0.9).mean())",
    "reflection_answer": "We tell the people on the list within 72 hours.",
}

ERRORING = {
    "part1_answer": "raise RuntimeError('my code is broken')",
    # Right numbers, but deletes a name the hidden tests need.
    "part2_answer": """
def k_anonymity(frame, columns):
    return int(frame.groupby(list(columns)).size().min())


k_published = k_anonymity(listed, QI)
del load
""",
    # Right, and independent of the deleted name.
    "part5_answer": PARTIAL["part5_answer"],
}

EXPECTED = {
    "correct": AUTO_POINTS,
    "blank": dict.fromkeys(AUTO_POINTS, 0),
    "pretender": dict.fromkeys(AUTO_POINTS, 0),
    "partial": {**AUTO_POINTS, "part2_tests": 0, "part4_tests": 0},
    # part 2's hidden tests need load, which the answer deleted; part 5 does not
    "erroring": {**dict.fromkeys(AUTO_POINTS, 0), "part5_tests": 2},
}


def _filled(release, answers):
    nb = nbformat.from_dict(release)
    seen = set()
    for cell in nb.cells:
        gid = _meta(cell).get("grade_id")
        if gid in answers:
            cell.source = answers[gid].strip("\n")
            seen.add(gid)
    assert seen == set(answers)
    return nb


def _env(course):
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    env["JUPYTER_CONFIG_DIR"] = str(course.parent / "jupyter-config")
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    return env


def _run(course, *args, module="nbgrader"):
    proc = subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=course,
        env=_env(course),
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if proc.returncode != 0:
        pytest.fail(f"{module} {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    return proc


def _course(tmp_path_factory, name):
    course = tmp_path_factory.mktemp(name) / "exercises"
    shutil.copytree(
        COURSE,
        course,
        ignore=shutil.ignore_patterns(
            *STATE_DIRS, "gradebook.db", "__pycache__", ".ipynb_checkpoints"
        ),
    )
    (course.parent / "jupyter-config").mkdir()
    _run(course, "generate_assignment", ASSIGNMENT, "--force")
    return course


def _submit(course):
    release = nbformat.read(course / "release" / ASSIGNMENT / "privacy.ipynb", as_version=4)
    subs = {
        "correct": _source(),
        "blank": release,
        "pretender": _filled(release, PRETENDER),
        "partial": _filled(release, PARTIAL),
        "erroring": _filled(release, ERRORING),
    }
    for student, nb in subs.items():
        folder = course / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        nbformat.write(nb, folder / "privacy.ipynb")
    return subs


def _scores(course, students):
    from nbgrader.api import Gradebook

    out = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for student in students:
            nb = gb.find_submission_notebook("privacy", ASSIGNMENT, student)
            out[student] = {g.name: g.auto_score for g in nb.grades if g.name in AUTO_POINTS}
    return out


@pytest.fixture(scope="module")
def nbgrader_scores(tmp_path_factory):
    course = _course(tmp_path_factory, "privacy-nbgrader")
    subs = _submit(course)
    _run(course, "autograde", ASSIGNMENT, "--force")
    return course, _scores(course, subs)


@pytest.mark.slow
def test_release_has_no_solution_hidden_test_or_rubric(nbgrader_scores):
    course, _ = nbgrader_scores
    released = sorted(p.name for p in (course / "release" / ASSIGNMENT).iterdir())
    assert released == ["privacy.ipynb"]
    nb = nbformat.read(course / "release" / ASSIGNMENT / "privacy.ipynb", as_version=4)
    text = "\n".join(c.source for c in nb.cells)
    for marker in ("BEGIN SOLUTION", "HIDDEN TESTS", "Model answer", "Rubric", "_lk.linkage_table"):
        assert marker not in text
    assert text.count("raise NotImplementedError()") == len(AUTO_POINTS)


@pytest.mark.slow
@pytest.mark.parametrize("state", list(EXPECTED))
def test_stock_nbgrader_scores_each_state(nbgrader_scores, state):
    _, scores = nbgrader_scores
    assert scores[state] == EXPECTED[state]


@pytest.fixture(scope="module")
def autograder_scores(tmp_path_factory):
    """The same submissions, graded by the course's own grader (sandboxed)."""
    course = _course(tmp_path_factory, "privacy-autograder")
    subs = _submit(course)
    _run(course, "--course", str(course), "-q", "grade", ASSIGNMENT, module="autograder.cli")
    return _scores(course, subs)


@pytest.mark.slow
@pytest.mark.parametrize("state", list(EXPECTED))
def test_autograder_grade_scores_each_state(autograder_scores, state):
    expected = dict(EXPECTED[state])
    if state == "erroring":
        # The course's grader runs the tests in its own kernel, beside the learner's: deleting
        # a name the tests use (load) cannot break them, so part 2's right answer counts.
        # Stock nbgrader runs both in one kernel, and the deletion costs the part.
        expected["part2_tests"] = 2
    assert autograder_scores[state] == expected
