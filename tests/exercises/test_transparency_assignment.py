"""The transparency assignment (exercises/source/transparency) end to end.

Fast checks read the source notebook. The slow ones copy the course to a temporary folder,
generate the learners' version with ``nbgrader generate_assignment``, submit state-named
notebooks and grade them with stock ``nbgrader autograde`` and with ``autograder grade``,
then read the scores from the gradebook:

* ``correct``: the source notebook itself (the reference solution): full automatic marks;
* ``blank``: the generated learners' version, unchanged: runs, and scores 0;
* ``pretender``: answers that only pretend (permissive ``__eq__``, str and list subclasses, a
  list where a Series is asked): 0 on every part;
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
ASSIGNMENT = "transparency"
SOURCE = COURSE / "source" / ASSIGNMENT / "transparency.ipynb"
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
    assert "Pasal 10 ayat (1)" in cell.source and "3 points" in rubric


# ---- submissions ----------------------------------------------------------------------------

PRETENDER = {
    "part1_answer": """
class Agreeable(pd.Series):
    def __eq__(self, other):
        return True


importance = Agreeable(0.0, index=x_test.columns)
""",
    "part2_answer": """
class AgreeableStr(str):
    def __eq__(self, other):
        return True

    __hash__ = str.__hash__


top_column = AgreeableStr("age")
""",
    "part3_answer": """
class AgreeableStr(str):
    def __eq__(self, other):
        return True

    __hash__ = str.__hash__


best_change = AgreeableStr(CANDIDATES.index[-1])
""",
    "part4_answer": """
class AgreeableList(list):
    def __eq__(self, other):
        return True


actionable = AgreeableList(["age"])
""",
    # The right numbers, in a list of lists instead of a DataFrame.
    "part5_answer": "card_rates = [[0.61, 0.68], [0.69, 0.81]]",
}

PARTIAL = {
    # Right, another way: one column at a time.
    "part1_answer": """
result = permutation_importance(
    model, x_test, y_test, scoring="roc_auc", n_repeats=5, random_state=0
)
importance = pd.Series({c: float(v) for c, v in zip(x_test.columns, result.importances_mean)})
""",
    # Wrong: the smallest importance.
    "part2_answer": "top_column = str(importance.idxmin())",
    # Right.
    "part3_answer": """
s = model.predict_proba(CANDIDATES[COLUMNS])[:, 1]
ok = CANDIDATES[s >= 0.5].assign(score=s[s >= 0.5])
best_change = str(ok.sort_values(["effort", "score"], ascending=[True, False]).index[0])
""",
    # Wrong: counts the kind of business as something she can change.
    "part4_answer": (
        'actionable = ["years_running", "credit_history_years", "log_revenue", '
        '"has_marketplace", "business_type"]'
    ),
    # Right.
    "part5_answer": """
a = model.predict_proba(x_test)[:, 1] >= 0.5
g = test["gender"].astype(str).to_numpy()
r = (test["repaid"] == 1).to_numpy()
card_rates = pd.DataFrame(
    {
        "selection_rate": [a[g == "female"].mean(), a[g == "male"].mean()],
        "tpr": [a[(g == "female") & r].mean(), a[(g == "male") & r].mean()],
    },
    index=["female", "male"],
)
""",
    "reflection_answer": "Ibu Sari, riwayat kredit Anda pendek. Anda berhak keberatan.",
}

ERRORING = {
    "part1_answer": "raise RuntimeError('my code is broken')",
    "part2_answer": 'top_column = "credit_history_years"\ndel COLUMNS',
    # Right, and independent of the deleted name.
    "part3_answer": PARTIAL["part3_answer"].replace(
        "CANDIDATES[COLUMNS]", "CANDIDATES[list(INPUTS)]"
    ),
}

EXPECTED = {
    "correct": AUTO_POINTS,
    "blank": dict.fromkeys(AUTO_POINTS, 0),
    "pretender": dict.fromkeys(AUTO_POINTS, 0),
    "partial": {**AUTO_POINTS, "part2_tests": 0, "part4_tests": 0},
    # part 2's quick checks need COLUMNS, which the answer deleted; parts 4 and 5 are blank
    "erroring": {**dict.fromkeys(AUTO_POINTS, 0), "part3_tests": 2},
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
    release = nbformat.read(course / "release" / ASSIGNMENT / "transparency.ipynb", as_version=4)
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
        nbformat.write(nb, folder / "transparency.ipynb")
    return subs


def _scores(course, students):
    from nbgrader.api import Gradebook

    out = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for student in students:
            nb = gb.find_submission_notebook("transparency", ASSIGNMENT, student)
            out[student] = {g.name: g.auto_score for g in nb.grades if g.name in AUTO_POINTS}
    return out


@pytest.fixture(scope="module")
def nbgrader_scores(tmp_path_factory):
    course = _course(tmp_path_factory, "transparency-nbgrader")
    subs = _submit(course)
    _run(course, "autograde", ASSIGNMENT, "--force")
    return course, _scores(course, subs)


@pytest.mark.slow
def test_release_has_no_solution_hidden_test_or_rubric(nbgrader_scores):
    course, _ = nbgrader_scores
    released = sorted(p.name for p in (course / "release" / ASSIGNMENT).iterdir())
    assert released == ["transparency.ipynb"]
    nb = nbformat.read(course / "release" / ASSIGNMENT / "transparency.ipynb", as_version=4)
    text = "\n".join(c.source for c in nb.cells)
    for marker in ("BEGIN SOLUTION", "HIDDEN TESTS", "Model answer", "Rubric", "build_lender()\n_"):
        assert marker not in text
    assert "permutation_importance(_m" not in text
    assert text.count("raise NotImplementedError()") == len(AUTO_POINTS)


@pytest.mark.slow
@pytest.mark.parametrize("state", list(EXPECTED))
def test_stock_nbgrader_scores_each_state(nbgrader_scores, state):
    _, scores = nbgrader_scores
    assert scores[state] == EXPECTED[state]


@pytest.fixture(scope="module")
def autograder_scores(tmp_path_factory):
    """The same submissions, graded by the course's own grader (sandboxed)."""
    course = _course(tmp_path_factory, "transparency-autograder")
    subs = _submit(course)
    _run(course, "--course", str(course), "-q", "grade", ASSIGNMENT, module="autograder.cli")
    return _scores(course, subs)


@pytest.mark.slow
@pytest.mark.parametrize("state", list(EXPECTED))
def test_autograder_grade_scores_each_state(autograder_scores, state):
    expected = dict(EXPECTED[state])
    if state == "erroring":
        # The course's grader runs the tests in its own kernel, beside the learner's: deleting
        # a name the tests use (COLUMNS) cannot break them, so part 2's right answer counts.
        # Stock nbgrader runs both in one kernel, and the deletion costs the part.
        expected["part2_tests"] = 2
    assert autograder_scores[state] == expected
