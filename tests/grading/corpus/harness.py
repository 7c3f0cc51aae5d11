"""Stock `nbgrader autograde` against `autograder grade` on identical copies of the corpus.

``prepare`` builds one course holding every assignment of ``assignments.ALL``, releases each
with ``autograder release`` and collects its state-named submissions; ``stock_copy`` copies it
before anything is graded and makes the copy's gradebook with stock ``nbgrader
generate_assignment``; ``grade_stock`` and ``grade_ours`` then grade each copy and
``compare`` sets their points side by side, per grade cell. Used by
``tests/grading/test_grading_agreement.py`` and ``benchmarks/agreement.py``.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import builder as B
import grading_helpers

TIMEOUT = 10  # seconds per cell, the same for both graders


def cli(*args) -> tuple[int, str, str]:
    from autograder.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = main([str(a) for a in args])
    return rc, out.getvalue(), err.getvalue()


def _env() -> dict:
    bindir = os.path.dirname(sys.executable)
    return dict(os.environ, PATH=bindir + os.pathsep + os.environ.get("PATH", ""))


def learners(states=B.STATES, copies: int = 1) -> dict[str, str]:
    """student id -> state: the state's own name, or ``<state>-<k>`` for more copies."""
    if copies == 1:
        return {s: s for s in states}
    return {f"{s}-{k:02d}": s for k in range(copies) for s in states}


def prepare(root: Path, assignments, who: dict[str, str] | None = None) -> Path:
    """A course with every assignment released and its submissions collected."""
    who = who or learners()
    B.make_course(root, assignments)
    for a in assignments:
        rc, out, err = cli("--course", root, "release", a.name, "--no-check")
        assert rc == 0, f"release {a.name}: {out}{err}"
        usb = root.parent / f"usb-{a.name}"
        release = root / "release" / a.name / f"{a.name}.ipynb"
        doc = json.loads(release.read_text(encoding="utf-8"))
        for sid, state in who.items():
            (usb / sid).mkdir(parents=True, exist_ok=True)
            text = json.dumps(B.submission(doc, a, state), indent=1)
            (usb / sid / f"{a.name}.ipynb").write_text(text, encoding="utf-8")
        rc, out, err = cli("--course", root, "-q", "collect", a.name, "--from", usb)
        assert rc == 0, f"collect {a.name}: {out}{err}"
    return root


def stock_copy(root: Path, dest: Path, assignments) -> Path:
    """The same course and submissions, with a gradebook made by stock nbgrader alone."""
    shutil.copytree(
        root,
        dest,
        ignore=shutil.ignore_patterns("autograded", "gradebook.db", "feedback", ".etika*"),
    )
    (dest / "nbgrader_config.py").write_text(B.CONFIG + f"c.Execute.timeout = {TIMEOUT}\n")
    for a in assignments:
        res = subprocess.run(
            [sys.executable, "-m", "nbgrader", "generate_assignment", a.name, "--force"],
            cwd=dest,
            env=_env(),
            capture_output=True,
        )
        assert res.returncode == 0, res.stderr.decode()[-2000:]
    return dest


def grade_stock(dest: Path, assignments) -> float:
    """Stock ``nbgrader autograde`` on each assignment; wall seconds."""
    began = time.monotonic()
    for a in assignments:
        res = subprocess.run(
            [sys.executable, "-m", "nbgrader", "autograde", a.name],
            cwd=dest,
            env=_env(),
            capture_output=True,
        )
        assert res.returncode == 0, res.stderr.decode()[-3000:]
    return time.monotonic() - began


def grade_ours(root: Path, assignments, jobs: int = 2, cold: bool = False) -> tuple[float, str]:
    """``autograder grade`` on each assignment; wall seconds and the console output."""
    began = time.monotonic()
    outs = []
    for a in assignments:
        args = ["--course", root, "-q", "grade", a.name, "--timeout", TIMEOUT, "--jobs", jobs]
        rc, out, err = cli(*args, *(["--cold"] if cold else []))
        assert rc in (0, 1), f"grade {a.name}: {out}{err}"
        outs.append(out)
    return time.monotonic() - began, "".join(outs)


def scores(course: Path, aid: str) -> dict[str, dict[str, float | None]]:
    """student -> grade id -> points (None: waiting for a human grader)."""
    return grading_helpers.scores(course, aid, B.COURSE_ID)


@dataclass
class Row:
    assignment: str
    kind: str
    state: str
    cell: str
    stock: float | None
    ours: float | None
    cap: float | None  # forging: the most an honest submission would get; else None
    known: str  # why we disagree today ("" if we should agree)

    @property
    def agree(self) -> bool:
        return self.stock == self.ours

    @property
    def ok(self) -> bool:
        """What the contract asks: equal to stock; for a forging one, no more than honest."""
        if self.state == "submitted-forging":
            return (self.ours or 0.0) <= (self.cap or 0.0)
        return self.agree


def compare(stock: Path, ours: Path, assignments, who: dict[str, str] | None = None) -> list[Row]:
    who = who or learners()
    try:
        from known import KNOWN
    except ImportError:
        KNOWN = {}
    rows = []
    for a in assignments:
        theirs, mine = scores(stock, a.name), scores(ours, a.name)
        for sid, state in who.items():
            for gid in theirs[sid]:
                cap = a.forging_cap.get(gid, 0.0) if state == "submitted-forging" else None
                rows.append(
                    Row(
                        a.name,
                        a.kind_of(gid),
                        state,
                        gid,
                        theirs[sid][gid],
                        mine[sid].get(gid),
                        cap,
                        KNOWN.get((a.name, state, gid), ""),
                    )
                )
    return rows


def _pts(x) -> str:
    return "manual" if x is None else f"{x:g}"


def render(rows: list[Row]) -> str:
    head = (
        f"{'assignment':12s} {'answer kind':38s} {'state':32s} {'stock':>6s} {'ours':>6s}  verdict"
    )
    lines = [head, "-" * len(head)]
    for r in rows:
        if r.state == "submitted-forging":
            verdict = "ok (<= honest)" if r.ok else f"FORGED (> honest {r.cap:g})"
        else:
            verdict = "agree" if r.agree else "DISAGREE"
        lines.append(
            f"{r.assignment:12s} {r.kind[:38]:38s} {r.state[10:]:32s} {_pts(r.stock):>6s} "
            f"{_pts(r.ours):>6s}  {verdict}"
        )
    honest = [r for r in rows if r.state != "submitted-forging"]
    forged = [r for r in rows if r.state == "submitted-forging"]
    lines.append(
        f"honest cells: {sum(r.agree for r in honest)}/{len(honest)} agree with stock; "
        f"forging cells: {sum(r.ok for r in forged)}/{len(forged)} at or below the honest score"
    )
    return "\n".join(lines)


# Why the sealed path disagrees with stock, by answer kind (the corpus's second column).
WHY = {
    "expected exception (try/except)": "a learner's exception reaches the test as another type",
    "expected exception (pytest.raises)": "a learner's exception reaches the test as another type",
    "learner's ValueError subclass": "a class the learner defines is not carried to the tests",
    "test deletes a name": "the test deletes a learner's name; the learner's code still sees it",
    "spy rebinds a recursive function": "the test's spy does not reach the learner's sandbox",
    "test rebinds a helper": "the test's rebinding does not reach the learner's sandbox",
    "learner's class (methods, state)": "a class the learner defines is not carried",
    "learner's class (exception from a method)": "a class the learner defines is not carried",
    "instance as the answer": "an instance of a learner's class is not carried",
    "generator": "a generator is not carried back from a call",
    "returned closure": "a returned function is not carried back from a call",
    "lambda passed by the test": "a function the test passes cannot be sent to the learner",
    "functools.lru_cache function": "an lru_cache function is not carried",
    "set": "set is not in the whitelist of carried types",
    "collections.Counter": "Counter is not in the whitelist of carried types",
    "dict subclass (defaultdict)": "defaultdict is not in the whitelist of carried types",
    "DataFrame with DatetimeIndex": "a DatetimeIndex is not carried",
    "Series with DatetimeIndex": "a DatetimeIndex is not carried",
    "Series with MultiIndex": "a MultiIndex is not carried",
    "string array": "a string array is not carried",
    "datetime array": "datetime and timedelta arrays are not carried",
    "fitted model in a global (.predict)": "a fitted model is not carried",
    "fitted model returned (.predict)": "a fitted model is not carried back from a call",
    "matplotlib figure returned": "a matplotlib figure is not carried back from a call",
    "matplotlib axes in a global": "matplotlib axes are not carried",
    "drawn on plt.gca()": "the learner's current figure lives in the learner's sandbox",
    "argument changed in place": "a change to an argument is not carried back from a call",
    "printed output captured": "output printed during a call does not reach the test",
    "state kept between calls": "each call runs in a fresh fork: state is lost between calls",
    "file written, read by the test": "a file the learner writes stays in the learner's sandbox",
    "learner's objects compared with ==": "the test compares two of the learner's objects with "
    "==: the grader compares identity (a learner's __eq__ would see the expected value)",
    "manual (code)": "a blank manually graded code cell goes to manual grading; stock scores 0",
}


def known_entries(rows: list[Row]) -> dict[tuple[str, str, str], str]:
    """(assignment, state, cell) -> why, for each honest cell of ``rows`` that disagrees."""
    return {
        (r.assignment, r.state, r.cell): WHY.get(r.kind, "disagrees with stock")
        for r in rows
        if r.state != "submitted-forging" and not r.agree
    }


def known_source(entries: dict[tuple[str, str, str], str]) -> str:
    """``known.py`` for the measured disagreements ``entries`` (benchmarks/agreement.py)."""
    lines = [
        '"""Where `autograder grade` disagrees with stock nbgrader today, per grade cell.',
        "",
        "Generated by ``benchmarks/agreement.py --write-known`` from a measured run; the test",
        "marks each as a strict xfail, so a fix that makes one agree fails until it is removed",
        '(run the command again). Never edit by hand."""',
        "",
        "KNOWN = {",
    ]
    for (assignment, state, cell), why in entries.items():
        lines.append(f"    ({assignment!r}, {state!r}, {cell!r}): {why!r},")
    lines.append("}")
    return "\n".join(lines) + "\n"
