"""Grading speed: `autograder grade` against stock `nbgrader autograde` on the same submissions.

    .venv/bin/python benchmarks/grading_speed.py [--n 100] [--jobs N] [--keep DIR]

It builds N realistic submissions of the `bias` assignment (correct, partial, wrong, erroring
and slow ones, in a fixed mix), copies the course twice, grades one copy with stock nbgrader
(one submission after another, as it does) and the other with `autograder grade`, asserts that
both gave every learner the same score for every part, and prints wall time, CPU time, peak
memory and throughput, with the ratio. It also prints the physical floor: the CPU time of
executing the same notebooks' cells in one already-warm interpreter, divided by the cores.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
AID = "bias"

# Replacement answers, by solution cell: wrong values of the right type, and a crash.
WRONG = {
    "part1_answer": "rates = applicants.groupby('gender')['repaid'].mean()\nrates",
    "part2_answer": "tpr_gap = 0.5\ntpr_gap",
    "part3_answer": "proxy_column = 'province'\nproxy_column",
    "part4_answer": "threshold_female = 0.5\nthreshold_female",
    "part5_answer": "tpr_gap_after = 0.0\ntpr_gap_after",
}
ERROR = "raise ValueError('my code is wrong')"
# Slow but honest: about a second of CPU before the right answer.
SLOW = "_spin = sum(i * i for i in range(6_000_000))\n"
MIX = ["correct"] * 6 + ["partial"] * 5 + ["wrong"] * 4 + ["error"] * 3 + ["slow"] * 2


def solution_cells(notebook: dict) -> list[dict]:
    return [
        c
        for c in notebook["cells"]
        if c["cell_type"] == "code" and c["metadata"].get("nbgrader", {}).get("solution")
    ]


def make_submission(release: dict, source: dict, kind: str, index: int) -> dict:
    """A learner's notebook: the release version with the solutions typed in, left out or changed.

    Built from the release notebook (what learners get: no hidden tests), with each answer
    taken from the source's solution cell of the same grade id.
    """
    solutions = {
        c["metadata"]["nbgrader"]["grade_id"]: "".join(c["source"]) for c in solution_cells(source)
    }
    notebook = json.loads(json.dumps(release))
    for k, cell in enumerate(solution_cells(notebook)):
        grade_id = cell["metadata"]["nbgrader"]["grade_id"]
        text = solutions[grade_id]
        body = text.replace("### BEGIN SOLUTION\n", "").replace("### END SOLUTION\n", "")
        if kind == "partial" and k >= 1 + index % 4:
            body = "".join(cell["source"])  # left as released: YOUR CODE HERE
        elif kind == "wrong" and k % 2 == index % 2 and grade_id in WRONG:
            body = WRONG[grade_id]
        elif kind == "error" and k == index % 5:
            body = ERROR
        elif kind == "slow" and k == 0:
            body = SLOW + body
        cell["source"] = body
        cell["outputs"] = []
        cell["execution_count"] = None
    return notebook


def build_course(workdir: Path, n: int) -> Path:
    course = workdir / "base"
    course.mkdir()
    shutil.copy(ROOT / "exercises" / "nbgrader_config.py", course)
    shutil.copytree(ROOT / "exercises" / "source", course / "source")
    run([BIN / "autograder", "--course", course, "-q", "release", AID])
    source = json.loads((course / "source" / AID / f"{AID}.ipynb").read_text(encoding="utf-8"))
    release = json.loads((course / "release" / AID / f"{AID}.ipynb").read_text(encoding="utf-8"))
    for i in range(n):
        kind = MIX[i % len(MIX)]
        folder = course / "submitted" / f"S{i:03d}" / AID
        folder.mkdir(parents=True)
        notebook = make_submission(release, source, kind, i)
        (folder / f"{AID}.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
        (folder / "timestamp.txt").write_text("2026-11-20 10:00:00.000000 UTC", encoding="utf-8")
    return course


def run(cmd, cwd=None) -> None:
    env = dict(os.environ, PATH=f"{BIN}:{os.environ.get('PATH', '')}")
    subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, check=True, capture_output=True)


PR_SET_CHILD_SUBREAPER = 36


def become_subreaper() -> None:
    """Adopt every orphaned descendant, so that its CPU time is counted (see ``measured``)."""
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER)")


def reap_orphans(limit: float = 60.0) -> None:
    """Wait for every adopted descendant (a killed sandbox's init, a stray) until none is left."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            time.sleep(0.02)
    raise RuntimeError("a descendant of the measured command is still running")


def measured(cmd, cwd=None) -> dict:
    """Wall time, and CPU time of the command and ALL its descendants.

    ``getrusage(RUSAGE_CHILDREN)`` counts a process only once it is waited for by a parent that
    is itself waited for, up to us. The grader kills bubblewrap sandboxes with SIGKILL: the
    sandbox's init (the zygote, or a cold kernel) is then orphaned, and everything it ran would
    be lost with it. As a child subreaper this process adopts such orphans; the kernel makes a
    dying namespace init wait for the namespace's processes (their CPU goes into its counters),
    and ``reap_orphans`` waits for the init, so every CPU second ends up in our counters once.
    """
    become_subreaper()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    run(cmd, cwd)
    reap_orphans()
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "peak_mb": after.ru_maxrss / 1024}


def scores(course: Path) -> dict[tuple[str, str], float]:
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        return {
            (sub.student.id, grade.name): float(grade.auto_score or 0.0)
            for sub in gradebook.assignment_submissions(AID)
            for nb in sub.notebooks
            for grade in nb.grades
            if grade.auto_score is not None
        }


FLOOR = r"""
import json, sys, time, io, contextlib
import numpy, pandas, sklearn.linear_model, sklearn.pipeline, sklearn.compose  # warm
import etika.data
paths = json.loads(sys.argv[1])
cpu = 0.0
for path in paths:
    nb = json.load(open(path))
    namespace = {}
    began = time.process_time()
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile("".join(cell["source"]), path, "exec"), namespace)
        except Exception:
            pass
    cpu += time.process_time() - began
print(cpu)
"""


def floor(course: Path) -> float:
    """CPU seconds to run every graded notebook's cells in one warm interpreter."""
    paths = sorted(str(p) for p in (course / "autograded").glob(f"*/{AID}/{AID}.ipynb"))
    out = subprocess.run(
        [sys.executable, "-c", FLOOR, json.dumps(paths)], capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--keep", type=Path, help="keep the course copies in this folder")
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="etika-bench-"))
    try:
        base = build_course(workdir, args.n)
        stock, ours = workdir / "stock", workdir / "ours"
        shutil.copytree(base, stock)
        shutil.copytree(base, ours)
        print(f"{args.n} submissions of '{AID}', mix {sorted(set(MIX))}, {os.cpu_count()} cores")
        s = measured([BIN / "nbgrader", "autograde", AID], cwd=stock)
        o = measured(
            [BIN / "autograder", "--course", ours, "-q", "grade", AID, "--jobs", args.jobs]
        )
        theirs, mine = scores(stock), scores(ours)
        same = theirs == mine
        for key in sorted(set(theirs) | set(mine)):
            if theirs.get(key) != mine.get(key):
                print(f"  differs {key}: stock {theirs.get(key)} autograder {mine.get(key)}")
        assert same, "scores differ between stock nbgrader and autograder"
        cores = os.cpu_count() or 1
        warm = floor(ours)
        print(f"{'':24}{'wall s':>9}{'CPU s':>9}{'peak MB':>9}{'subs/min':>10}")
        for name, m in (("stock nbgrader", s), (f"autograder -j{args.jobs}", o)):
            rate = 60 * args.n / m["wall"]
            print(f"{name:24}{m['wall']:9.1f}{m['cpu']:9.1f}{m['peak_mb']:9.0f}{rate:10.1f}")
        print(f"{'floor (warm CPU/cores)':24}{warm / cores:9.1f}{warm:9.1f}")
        print(f"speed-up over stock: {s['wall'] / o['wall']:.2f}x (goal >= 5x)")
        print(f"autograder / floor:  {o['wall'] / (warm / cores):.2f}x (goal <= 1.5x)")
        print(f"scores identical for all {len(scores(ours))} graded cells: {same}")
    finally:
        if args.keep:
            shutil.copytree(workdir, args.keep, dirs_exist_ok=True)
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
