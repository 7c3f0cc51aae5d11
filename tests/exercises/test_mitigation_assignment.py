"""The mitigation assignment (exercises/source/mitigation) end to end.

Fast checks read the source notebook. The slow ones copy the course to a temporary folder,
generate the learners' version with ``nbgrader generate_assignment``, submit state-named
notebooks and grade them with stock ``nbgrader autograde`` and with ``autograder grade``,
then read the scores from the gradebook:

* ``correct``: the source notebook itself (the reference solution): full automatic marks;
* ``blank``: the generated learners' version, unchanged: runs, and scores 0;
* ``pretender``: answers that only pretend (a float subclass equal to everything, a str
  subclass, a dict where a DataFrame is asked, an array of the right shape and wrong values):
  0 on every part;
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
ASSIGNMENT = "mitigation"
SOURCE = COURSE / "source" / ASSIGNMENT / "mitigation.ipynb"
RUBRIC = COURSE / "source" / ASSIGNMENT / "RUBRIC.md"
AUTO_POINTS = {f"part{i}_tests": 2 for i in range(1, 5)}
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


def test_points_eight_automatic_and_three_manual():
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
    assert "UU No. 27 Tahun 2022" in cell.source and "3 points" in rubric


def test_rubric_numbers_are_the_solutions():
    # The model answer quotes the chosen setting, its gap and Part 3's counts: recompute them.
    import numpy as np
    from fairlearn.metrics import demographic_parity_difference
    from fairlearn.postprocessing import ThresholdOptimizer

    from etika.mitigation.exercise import lender, options

    rubric = RUBRIC.read_text(encoding="utf-8")
    d = lender()
    opts = options(d)
    gaps = {
        k: demographic_parity_difference(d.y_test, v, sensitive_features=d.a_test)
        for k, v in opts.items()
    }
    ok = {
        k: int(((v == 1) & (d.repaid_test == 1)).sum()) for k, v in opts.items() if gaps[k] <= 0.05
    }
    chosen = sorted(ok, key=lambda k: (-ok[k], k))[0]
    assert (
        f"`{chosen}`" in rubric
        and f"{gaps[chosen]:.3f}" in rubric
        and f"{gaps['none']:.3f}" in rubric
    )
    to = ThresholdOptimizer(
        estimator=d.model, constraints="demographic_parity", prefit=True,
        predict_method="predict_proba",
    ).fit(d.x_train, d.y_train, sensitive_features=d.a_train)  # fmt: skip
    after = np.asarray(to.predict(d.x_test, sensitive_features=d.a_test, random_state=0))
    before = d.model.predict(d.x_test)
    repay = d.repaid_test == 1
    women = int(((before == 0) & (after == 1) & repay & (d.a_test == "female")).sum())
    men = int(((before == 1) & (after == 0) & repay & (d.a_test == "male")).sum())
    assert f"{women} women who would repay are now approved" in rubric
    assert f"{men} men who would repay are now refused" in rubric


# ---- submissions ----------------------------------------------------------------------------

PRETENDER = {
    "part1_answer": """
class Agreeable(float):
    def __eq__(self, other):
        return True

    def __sub__(self, other):
        return 0.0

    __hash__ = float.__hash__


to_pred = np.zeros(len(y_test), dtype=int)
to_gap = Agreeable(0.0)
""",
    # The right shape, the unmitigated decisions, and the gap of those.
    "part2_answer": """
eg_pred = base_pred.copy()
eg_gap = float(
    MetricFrame(
        metrics=true_positive_rate, y_true=repaid_test, y_pred=eg_pred, sensitive_features=a_test
    ).difference()
)
""",
    # A dict where a DataFrame is asked, with made-up counts.
    "part3_answer": """
class Frame(dict):
    index = ["female", "male"]
    columns = ["approved_now", "refused_now"]


flips = Frame(
    female={"approved_now": 1, "refused_now": 0}, male={"approved_now": 0, "refused_now": 1}
)
""",
    "part4_answer": """
OPTIONS = options(DATA)


class AgreeableStr(str):
    def __eq__(self, other):
        return True

    __hash__ = str.__hash__


chosen = AgreeableStr("none")
""",
}

PARTIAL = {
    # Right, another way: fairlearn's selection rates by hand.
    "part1_answer": """
to = ThresholdOptimizer(
    estimator=model, constraints="demographic_parity", prefit=True, predict_method="predict_proba"
).fit(x_train, y_train, sensitive_features=a_train)
to_pred = np.asarray(to.predict(x_test, sensitive_features=a_test, random_state=0))
rates = [to_pred[a_test == g].mean() for g in ("female", "male")]
to_gap = float(abs(rates[0] - rates[1]))
""",
    # Wrong: measured against past decisions instead of repayment.
    "part2_answer": """
eg = ExponentiatedGradient(LogisticRegression(max_iter=2000), TruePositiveRateParity(), eps=0.02)
eg.fit(x_train, y_train, sensitive_features=a_train)
eg_pred = np.asarray(eg.predict(x_test, random_state=0))
eg_gap = float(
    MetricFrame(
        metrics=true_positive_rate, y_true=y_test, y_pred=eg_pred, sensitive_features=a_test
    ).difference()
)
""",
    # Right.
    "part3_answer": """
m = repaid_test == 1
up = (base_pred == 0) & (to_pred == 1) & m
down = (base_pred == 1) & (to_pred == 0) & m
groups = ["female", "male"]
flips = pd.DataFrame(
    {
        "approved_now": [int((up & (a_test == g)).sum()) for g in groups],
        "refused_now": [int((down & (a_test == g)).sum()) for g in groups],
    },
    index=groups,
)
""",
    # Wrong: the smallest gap, not the most repaying applicants approved.
    "part4_answer": """
OPTIONS = options(DATA)
gaps = {
    n: demographic_parity_difference(y_test, d, sensitive_features=a_test)
    for n, d in OPTIONS.items()
}
chosen = str(min(gaps, key=gaps.get))
""",
    "reflection_answer": (
        "Saya merekomendasikan threshold_optimizer_tol_0.05. Laki-laki yang akan melunasi kini "
        "ditolak."
    ),
}

ERRORING = {
    "part1_answer": "raise RuntimeError('my code is broken')",
    # Wrong counts, and deletes a name the later tests need.
    "part3_answer": (
        "flips = pd.DataFrame({'approved_now': [0, 0], 'refused_now': [0, 0]}, "
        "index=['female', 'male'])\ndel a_test"
    ),
    "part4_answer": PARTIAL["part4_answer"].replace("min(gaps", "max(gaps"),
}

EXPECTED = {
    "correct": AUTO_POINTS,
    "blank": dict.fromkeys(AUTO_POINTS, 0),
    "pretender": dict.fromkeys(AUTO_POINTS, 0),
    "partial": {**AUTO_POINTS, "part2_tests": 0, "part4_tests": 0},
    # Part 1 raises; part 2 is blank; part 3 has wrong counts (and deletes a_test, which the
    # later tests need); part 4 is wrong: nothing scores.
    "erroring": dict.fromkeys(AUTO_POINTS, 0),
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
    release = nbformat.read(course / "release" / ASSIGNMENT / "mitigation.ipynb", as_version=4)
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
        nbformat.write(nb, folder / "mitigation.ipynb")
    return subs


def _scores(course, students):
    from nbgrader.api import Gradebook

    out = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for student in students:
            nb = gb.find_submission_notebook("mitigation", ASSIGNMENT, student)
            out[student] = {g.name: g.auto_score for g in nb.grades if g.name in AUTO_POINTS}
    return out


@pytest.fixture(scope="module")
def nbgrader_scores(tmp_path_factory):
    course = _course(tmp_path_factory, "mitigation-nbgrader")
    subs = _submit(course)
    _run(course, "autograde", ASSIGNMENT, "--force")
    return course, _scores(course, subs)


@pytest.mark.slow
def test_release_has_no_solution_hidden_test_or_rubric(nbgrader_scores):
    course, _ = nbgrader_scores
    released = sorted(p.name for p in (course / "release" / ASSIGNMENT).iterdir())
    assert released == ["mitigation.ipynb"]
    nb = nbformat.read(course / "release" / ASSIGNMENT / "mitigation.ipynb", as_version=4)
    text = "\n".join(c.source for c in nb.cells)
    for marker in ("BEGIN SOLUTION", "HIDDEN TESTS", "Model answer", "Rubric", "_to = "):
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
    course = _course(tmp_path_factory, "mitigation-autograder")
    subs = _submit(course)
    _run(course, "--course", str(course), "-q", "grade", ASSIGNMENT, module="autograder.cli")
    return _scores(course, subs)


@pytest.mark.slow
@pytest.mark.parametrize("state", list(EXPECTED))
def test_autograder_grade_scores_each_state(autograder_scores, state):
    assert autograder_scores[state] == EXPECTED[state]
