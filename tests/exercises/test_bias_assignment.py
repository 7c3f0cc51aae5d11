"""The bias assignment (exercises/source/bias) end to end, with nbgrader itself.

Fast checks read the source notebook. The slow ones copy the course folder to a temporary
directory, generate the learners' version with ``nbgrader generate_assignment``, submit
state-named notebooks and run ``nbgrader autograde`` on them, then read the scores from the
gradebook:

* ``ref``: the source notebook itself (the reference solution): full automatic marks;
* ``blank``: the generated learners' version, unchanged: runs, and scores 0;
* ``pretender``: answers that only pretend (permissive ``__eq__``, float and str subclasses,
  a Series where a number is asked): 0 on every part;
* ``partial``: some parts right (some of them solved another way, e.g. with fairlearn), some
  wrong: exactly the points of the right parts.
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
from traitlets.config.loader import PyFileConfigLoader

ROOT = Path(__file__).resolve().parents[2]
COURSE = ROOT / "exercises"
ASSIGNMENT = "bias"
SOURCE = COURSE / "source" / ASSIGNMENT / "bias.ipynb"
RUBRIC = COURSE / "source" / ASSIGNMENT / "RUBRIC.md"

AUTO_POINTS = {
    "part1_tests": 2,
    "part2_tests": 2,
    "part3_tests": 2,
    "part4_tests": 3,
    "part5_tests": 1,
}
MANUAL_POINTS = {"reflection_answer": 3}
ID_MARK = "**Bahasa Indonesia**"
EN_WORDS = {"the", "and", "of", "to", "is", "a", "with", "you", "your"}
ID_WORDS = {
    "yang",
    "dan",
    "untuk",
    "dengan",
    "adalah",
    "ini",
    "itu",
    "anda",
    "dari",
    "di",
    "setiap",
    "lalu",
    "jika",
    "belum",
    "tidak",
    "akan",
    "pada",
    "atau",
    "sebelum",
    "berarti",
}
STATE_DIRS = ("release", "submitted", "autograded", "feedback", "exports", ".autograder")


def _source() -> nbformat.NotebookNode:
    return nbformat.read(SOURCE, as_version=4)


def _nbgrader_meta(cell) -> dict:
    return cell.metadata.get("nbgrader", {})


def _regions(text: str, begin: str, end: str) -> list[str]:
    """The lines strictly between each ``begin`` and ``end`` marker line."""
    pattern = re.compile(rf"^[ \t]*### {begin}\n(.*?)^[ \t]*### {end}$", re.S | re.M)
    return [m.group(1) for m in pattern.finditer(text)]


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


# ---- fast checks of the source ------------------------------------------------------------


def test_source_notebook_is_valid_and_has_no_outputs():
    nb = _source()
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"committed output in {_nbgrader_meta(cell)['grade_id']}"
            assert cell.execution_count is None


def test_every_cell_has_nbgrader_metadata_and_unique_ids():
    nb = _source()
    ids = [_nbgrader_meta(cell).get("grade_id") for cell in nb.cells]
    assert None not in ids, "every cell of the source carries nbgrader metadata"
    assert len(ids) == len(set(ids)), "grade_id values must be unique"
    for cell in nb.cells:
        meta = _nbgrader_meta(cell)
        assert meta["schema_version"] == 3
        if meta["grade"]:
            assert isinstance(meta["points"], int | float) and meta["points"] > 0
        if not meta["solution"]:
            assert meta["locked"], f"{meta['grade_id']}: every non-answer cell is locked"


def test_points_are_ten_automatic_and_three_manual():
    nb = _source()
    auto, manual = {}, {}
    for cell in nb.cells:
        meta = _nbgrader_meta(cell)
        if not meta["grade"]:
            continue
        if cell.cell_type == "code" and not meta["solution"]:
            auto[meta["grade_id"]] = meta["points"]
        else:
            manual[meta["grade_id"]] = meta["points"]
            assert cell.cell_type == "markdown" and meta["solution"]
    assert auto == AUTO_POINTS
    assert manual == MANUAL_POINTS


def test_answer_and_test_cells_are_well_formed():
    nb = _source()
    for cell in nb.cells:
        meta = _nbgrader_meta(cell)
        if cell.cell_type == "code" and meta["solution"]:
            assert len(_regions(cell.source, "BEGIN SOLUTION", "END SOLUTION")) == 1
            assert not meta["grade"], "answers are graded by the test cell that follows"
        if cell.cell_type == "code" and meta["grade"]:
            hidden = _regions(cell.source, "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")
            assert len(hidden) == 1 and hidden[0].count("assert") >= 2
            visible = cell.source.split("### BEGIN HIDDEN TESTS")[0]
            assert visible.count("assert") >= 2, "quick checks give the learner feedback"
            assert "/" in visible, "quick-check messages are in both languages"
            # Exact type checks: float/str subclasses and Series subclasses must not pass.
            assert " is " in hidden[0] and "type(" in hidden[0]
    setup = next(c for c in nb.cells if _nbgrader_meta(c)["grade_id"] == "setup")
    assert "from etika.data import make_microcredit" in setup.source
    assert "make_microcredit(n=2000, seed=7)" in setup.source


def test_instruction_cells_are_in_english_then_indonesian():
    nb = _source()
    instructions = [
        c for c in nb.cells if c.cell_type == "markdown" and not _nbgrader_meta(c)["solution"]
    ]
    assert len(instructions) >= 7
    for cell in instructions:
        gid = _nbgrader_meta(cell)["grade_id"]
        assert cell.source.count(ID_MARK) == 1, f"{gid}: one Indonesian block"
        english, indonesian = cell.source.split(ID_MARK)
        assert len(_words(english) & EN_WORDS) >= 4, f"{gid}: English text first"
        assert len(_words(indonesian) & ID_WORDS) >= 4, f"{gid}: Indonesian text after"
        assert len(indonesian) > 0.6 * len(english), f"{gid}: the Indonesian text is complete"


def test_rubric_is_bilingual_and_identical_in_notebook_and_rubric_md():
    nb = _source()
    answer = next(c for c in nb.cells if _nbgrader_meta(c)["grade_id"] == "reflection_answer")
    (region,) = _regions(answer.source + "\n", "BEGIN SOLUTION", "END SOLUTION")
    assert region.strip() in RUBRIC.read_text(encoding="utf-8")
    for word in ("Rubric", "Rubrik", "Model answer", "Jawaban contoh"):
        assert word in region
    assert region.count("(1):") == 6, "three criteria of one point each, in both languages"


def test_config_points_at_its_own_folder():
    cfg = PyFileConfigLoader("nbgrader_config.py", path=str(COURSE)).load_config()
    assert cfg.CourseDirectory.course_id == "etika-ai"
    assert Path(cfg.CourseDirectory.root) == COURSE
    assert "Exchange" not in cfg, "graders pass Exchange.root themselves"
    assert cfg.ClearSolutions.code_stub["python"] == "# YOUR CODE HERE\nraise NotImplementedError()"
    assert ".ipynb_checkpoints" in cfg.CourseDirectory.ignore
    assert "RUBRIC.md" in cfg.CourseDirectory.ignore, "the rubric must never be released"
    assert cfg.Execute.timeout == 60


# ---- submissions ----------------------------------------------------------------------------

PRETENDER = {
    "part1_answer": '''
class AgreeableSeries(pd.Series):
    """A Series that claims to equal anything."""

    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False


rates = AgreeableSeries({"female": 0.5, "male": 0.5})
''',
    "part2_answer": """
class AgreeableFloat(float):
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = float.__hash__


tpr_gap = AgreeableFloat(0.0)
""",
    "part3_answer": """
class AgreeableStr(str):
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = str.__hash__


proxy_column = AgreeableStr("province")
""",
    # The right value in the wrong type.
    "part4_answer": "threshold_female = pd.Series([0.31])",
    # The right number, wrapped in an object that agrees with every comparison.
    "part5_answer": """
class Liar:
    def __init__(self, value):
        self.value = value

    def __float__(self):
        return self.value

    def __eq__(self, other):
        return True

    __ne__ = __lt__ = __gt__ = lambda self, other: False
    __le__ = __ge__ = lambda self, other: True

    def __abs__(self):
        return 0.0


_s = applicants["score"].to_numpy()
_w = (applicants["gender"] == "female").to_numpy()
_r = (applicants["repaid"] == 1).to_numpy()
_a = np.where(_w, _s >= 0.31, _s >= 0.5)
tpr_gap_after = Liar(float(_a[_r & ~_w].mean() - _a[_r & _w].mean()))
""",
}

PARTIAL = {
    # Right, with fairlearn.
    "part1_answer": """
from fairlearn.metrics import MetricFrame, selection_rate

rates = MetricFrame(
    metrics=selection_rate,
    y_true=applicants["repaid"],
    y_pred=applicants["score"] >= 0.5,
    sensitive_features=applicants["gender"],
).by_group
""",
    # Wrong: the sign is reversed (women minus men).
    "part2_answer": """
would_repay = applicants[applicants["repaid"] == 1]
tpr = (would_repay["score"] >= 0.5).groupby(would_repay["gender"]).mean()
tpr_gap = float(tpr["female"] - tpr["male"])
""",
    # Right, another way.
    "part3_answer": """
best_accuracy = -1.0
for column in CATEGORY_COLUMNS:
    right = 0
    for _, rows in applicants.groupby(column, observed=True):
        right += rows["gender"].value_counts().max()
    if right / len(applicants) > best_accuracy:
        proxy_column, best_accuracy = column, right / len(applicants)
""",
    # Wrong: a threshold on the grid, but not the best one.
    "part4_answer": "threshold_female = 0.45",
    # Right for the learner's own (wrong) threshold: follow-through marking.
    "part5_answer": """
score = applicants["score"].to_numpy()
woman = (applicants["gender"] == "female").to_numpy()
repaid = (applicants["repaid"] == 1).to_numpy()
approved = np.where(woman, score >= threshold_female, score >= 0.5)
tpr_gap_after = approved[repaid & ~woman].mean() - approved[repaid & woman].mean()
""",
    "reflection_answer": (
        "Women who would repay are refused more often than men who would repay. "
        "Perempuan yang akan melunasi lebih sering ditolak."
    ),
}

EXPECTED_AUTO = {
    "ref": AUTO_POINTS,
    "blank": dict.fromkeys(AUTO_POINTS, 0),
    "pretender": dict.fromkeys(AUTO_POINTS, 0),
    "partial": {
        "part1_tests": 2,
        "part2_tests": 0,
        "part3_tests": 2,
        "part4_tests": 0,
        "part5_tests": 1,
    },
}


def _filled(release: nbformat.NotebookNode, answers: dict[str, str]) -> nbformat.NotebookNode:
    nb = nbformat.from_dict(release)
    seen = set()
    for cell in nb.cells:
        gid = _nbgrader_meta(cell).get("grade_id")
        if gid in answers:
            cell.source = answers[gid].strip("\n")
            seen.add(gid)
    assert seen == set(answers), f"no such answer cells: {set(answers) - seen}"
    return nb


def _nbgrader(course: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    bindir = str(Path(sys.executable).parent)  # nbgrader runs `alembic` from PATH
    env["PATH"] = bindir + os.pathsep + env.get("PATH", "")
    env["JUPYTER_CONFIG_DIR"] = str(course.parent / "jupyter-config")  # no personal config
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    proc = subprocess.run(
        [sys.executable, "-m", "nbgrader", *args],
        cwd=course,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if proc.returncode != 0:
        pytest.fail(f"nbgrader {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    return proc


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Path:
    """A copy of the course with the learners' version generated by nbgrader."""
    course = tmp_path_factory.mktemp("bias-course") / "exercises"
    shutil.copytree(
        COURSE,
        course,
        ignore=shutil.ignore_patterns(
            *STATE_DIRS, "gradebook.db", "__pycache__", ".ipynb_checkpoints"
        ),
    )
    (course.parent / "jupyter-config").mkdir()
    _nbgrader(course, "generate_assignment", ASSIGNMENT, "--force")
    return course


@pytest.fixture(scope="module")
def graded(course) -> dict[str, dict[str, float | None]]:
    """Submit the four state-named notebooks, autograde them, return auto scores by cell."""
    release = nbformat.read(course / "release" / ASSIGNMENT / "bias.ipynb", as_version=4)
    submissions = {
        "ref": _source(),
        "blank": release,
        "pretender": _filled(release, PRETENDER),
        "partial": _filled(release, PARTIAL),
    }
    for student, nb in submissions.items():
        folder = course / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True)
        nbformat.write(nb, folder / "bias.ipynb")
    _nbgrader(course, "autograde", ASSIGNMENT, "--force")

    from nbgrader.api import Gradebook

    scores = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for student in submissions:
            notebook = gb.find_submission_notebook("bias", ASSIGNMENT, student)
            scores[student] = {g.name: g.auto_score for g in notebook.grades}
    return scores


def _release_text(course: Path) -> str:
    nb = nbformat.read(course / "release" / ASSIGNMENT / "bias.ipynb", as_version=4)
    return "\n".join(cell.source for cell in nb.cells)


@pytest.mark.slow
def test_release_has_no_solutions_hidden_tests_or_rubric(course):
    released = sorted(p.name for p in (course / "release" / ASSIGNMENT).iterdir())
    assert released == ["bias.ipynb"], "only the notebook is released (no RUBRIC.md)"
    text = _release_text(course)
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "HIDDEN TESTS", "Rubric", "Rubrik"):
        assert marker not in text
    secret, public = [], []
    for cell in _source().cells:
        source = cell.source + "\n"
        for begin, end in (
            ("BEGIN SOLUTION", "END SOLUTION"),
            ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS"),
        ):
            blocks = _regions(source, begin, end)
            secret += blocks
            for block in blocks:
                source = source.replace(block, "")
        public.append(source)
    public_text = "\n".join(public)
    lines = {line.strip() for block in secret for line in block.splitlines()}
    # Lines also written outside the secret regions (e.g. a quick check repeated) are public.
    lines = {line for line in lines if len(line) >= 15 and line not in public_text}
    assert len(lines) > 30
    leaked = sorted(line for line in lines if line in text)
    assert leaked == []
    assert text.count("raise NotImplementedError()") >= 5
    assert text.count("Quick checks of the form of your answer") == len(AUTO_POINTS)


@pytest.mark.slow
def test_reference_solution_gets_full_automatic_marks(graded):
    assert graded["ref"] == {**EXPECTED_AUTO["ref"], "reflection_answer": None}


def _errors(course: Path, student: str) -> dict[str, str]:
    """grade_id -> name of the exception shown by that cell in the autograded notebook."""
    path = course / "autograded" / student / ASSIGNMENT / "bias.ipynb"
    nb = nbformat.read(path, as_version=4)
    errors = {}
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                errors[_nbgrader_meta(cell)["grade_id"]] = out.ename
            # nbgrader gives 0 to a test cell that writes to stderr: the reference must not.
            if out.output_type == "stream" and out.name == "stderr" and student == "ref":
                pytest.fail(f"{_nbgrader_meta(cell)['grade_id']} wrote to stderr: {out.text}")
    return errors


ANSWERS = {gid.replace("_tests", "_answer") for gid in AUTO_POINTS}


@pytest.mark.slow
def test_reference_solution_runs_cleanly(graded, course):
    assert _errors(course, "ref") == {}


@pytest.mark.slow
def test_blank_submission_runs_and_scores_zero(graded, course):
    assert graded["blank"] == {**EXPECTED_AUTO["blank"], "reflection_answer": 0}
    errors = _errors(course, "blank")
    assert "setup" not in errors, "the provided code runs"
    assert {errors[g] for g in ANSWERS} == {"NotImplementedError"}
    assert {errors[g] for g in AUTO_POINTS} == {"NameError"}


@pytest.mark.slow
def test_pretender_answers_score_zero(graded, course):
    assert graded["pretender"] == {**EXPECTED_AUTO["pretender"], "reflection_answer": 0}
    # The pretending answers themselves ran; the tests saw through them.
    errors = _errors(course, "pretender")
    assert not ANSWERS & set(errors)
    assert {errors[g] for g in AUTO_POINTS} == {"AssertionError"}


@pytest.mark.slow
def test_partial_submission_gets_exactly_its_right_parts(graded, course):
    assert graded["partial"] == {**EXPECTED_AUTO["partial"], "reflection_answer": None}
    assert sum(EXPECTED_AUTO["partial"].values()) == 5
    errors = _errors(course, "partial")
    assert errors == {"part2_tests": "AssertionError", "part4_tests": "AssertionError"}
