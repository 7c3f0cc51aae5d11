"""Kernel A's warm zygote runs the release's setup cells once; each learner run forks from it.

``learner_run.prepare`` runs the locked setup cells before any submission exists; a run uses
that state only when its notebook starts with exactly those locked cells, and a fork's changes
never reach the next fork. (Kernel B's counterpart is tested in test_grading_inprocess.py.)
"""

from __future__ import annotations

import json
import subprocess
import sys

SETUP = ["import os\nmade_by = os.getpid()\nshared = []", "data = open('data.txt').read()"]

DRIVER = r"""
import json, os, signal, sys, time
from autograder import learner_run

tmp = sys.argv[1]
learner_run.prepare(os.path.join(tmp, "prelude.json"))


def run(name, cells):
    xchg = os.path.join(tmp, name)
    work = os.path.join(tmp, name + "-work")
    os.makedirs(xchg)
    os.makedirs(work)
    plan = {"cells": cells, "skip": [], "xchg": xchg, "work": work,
            "files": [os.path.join(tmp, "files", "data.txt")],
            "cell_timeout": 5, "output_bytes": 100000, "kill_strays": False}
    with open(os.path.join(xchg, "plan.json"), "w") as fh:
        json.dump(plan, fh)
    pid = os.fork()
    if pid == 0:
        try:
            learner_run.main([os.path.join(xchg, "plan.json")])
        finally:
            os._exit(0)
    while not os.path.exists(os.path.join(xchg, "ready")):
        time.sleep(0.02)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    snap = json.load(open(os.path.join(xchg, "snap-answer.json")))["values"]
    outputs = json.load(open(os.path.join(xchg, "outputs.json")))
    return {"answer": snap["answer"]["v"], "outputs": outputs}


setup = [{"source": s, "locked": True, "snapshot": None, "grade_id": f"s{i}"}
         for i, s in enumerate(json.load(open(os.path.join(tmp, "prelude.json")))["cells"])]
answer = {"source": "shared.append(1)\nanswer = [made_by == ZYGOTE, len(shared), data]",
          "locked": False, "snapshot": "answer", "grade_id": "answer"}
answer["source"] = answer["source"].replace("ZYGOTE", str(os.getpid()))
edited = dict(setup[0], source=setup[0]["source"] + "\nmade_by = None")
out = {
    "first": run("first", [*setup, answer]),
    "second": run("second", [*setup, answer]),
    "edited": run("edited", [edited, *setup[1:], answer]),
}
json.dump(out, open(os.path.join(tmp, "out.json"), "w"))
"""


def test_setup_runs_once_and_forks_stay_apart(tmp_path):
    files = tmp_path / "files"
    files.mkdir()
    (files / "data.txt").write_text("assignment data")
    plan = {"cells": SETUP, "cwd": str(files), "timeout": 5, "output_bytes": 100000}
    (tmp_path / "prelude.json").write_text(json.dumps(plan))
    subprocess.run([sys.executable, "-c", DRIVER, str(tmp_path)], check=True, timeout=120)
    out = json.loads((tmp_path / "out.json").read_text())

    def answer(name):
        return [item["v"] for item in out[name]["answer"]]

    # made in the zygote (reading the assignment's files there); the first run's append to
    # `shared` is not seen by the second run
    assert answer("first") == [True, "1", "assignment data"]
    assert answer("second") == [True, "1", "assignment data"]
    # a learner who edited a setup cell gets everything run in their own process
    assert answer("edited") == [False, "1", "assignment data"]
    # the prepared cells' results are reported as if run in this submission
    assert [r["index"] for r in out["first"]["outputs"]] == [0, 1, 2]
    assert all(r.get("error") is None for r in out["first"]["outputs"])
