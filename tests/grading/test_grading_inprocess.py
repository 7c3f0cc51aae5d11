"""The in-process executor grades every kind of cell as nbgrader's kernel-based Execute does.

Warm grading runs kernel B's cells in the forked worker (``autograder/inprocess.py``) instead of
a fresh Jupyter kernel. nbgrader decides a code cell's grade from its outputs
(``nbgrader.utils.determine_grade``): an error or a stderr stream is 0, a number as the cell's
value is partial credit, anything else is full marks. Each cell below is one of those cases; the
same notebook goes through stock ``Execute`` and through ``InProcessExecute`` and every cell must
get the same grade.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

CELLS = {
    "plain": "x = 1",
    "prints": "print('hello', x)",
    "stderr": "import sys\nsys.stderr.write('a note on stderr\\n')",
    "warning": "import warnings\nwarnings.warn('careful')",
    "raises": "raise ValueError('wrong')",
    "assert": "assert x == 2, 'x should be 2'",
    "syntax": "def broken(:\n    pass",
    "partial": "0.5",
    "partial_int": "x - 1",
    "suppressed": "0.5;",
    "not_number": "'0.7'",
    "displayed": "from IPython.display import display\ndisplay(0.25)",
    "zero_div": "1 / 0",
    "timeout": "import time\ntime.sleep(5)",
    "after": "print(x)",
    "last_is_print": "y = 3\nprint(y)",
}

RUN = r"""
import json, sys
import nbformat
from nbgrader.utils import determine_grade
which, path, out = sys.argv[1:]
nb = nbformat.read(path, as_version=4)
if which == "stock":
    from nbgrader.preprocessors import Execute
    step = Execute(timeout=2)
else:
    from autograder.inprocess import InProcessExecute
    step = InProcessExecute(timeout=2)
nb, _ = step.preprocess(nb, {})
report = {}
for cell in nb.cells:
    name = cell.metadata.nbgrader.grade_id
    report[name] = {
        "grade": determine_grade(cell)[0],
        "kinds": sorted({o.output_type + ":" + o.get("name", "") for o in cell.outputs}),
        "text": "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream"),
        "ename": [o.ename for o in cell.outputs if o.output_type == "error"],
    }
json.dump(report, open(out, "w"))
"""


def _cell_file_out(text: str) -> str:
    return re.sub(r"^\S+:(\d+): ", r"CELL:\1: ", text, flags=re.M)


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("inprocess")
    cells = []
    for name, source in CELLS.items():
        meta = {"grade": True, "solution": False, "locked": True, "points": 1}
        meta.update(grade_id=name, schema_version=3)
        cells.append(new_code_cell(source, metadata={"nbgrader": meta}))
    path = tmp / "cases.ipynb"
    nbformat.write(new_notebook(cells=cells), path)
    out = {}
    for which in ("stock", "inprocess"):
        dest = tmp / f"{which}.json"
        subprocess.run(
            [sys.executable, "-c", RUN, which, str(path), str(dest)], check=True, timeout=120
        )
        out[which] = json.loads(dest.read_text())
    return out


def test_every_case_gets_the_stock_grade(reports):
    stock, ours = reports["stock"], reports["inprocess"]
    assert {k: v["grade"] for k, v in ours.items()} == {k: v["grade"] for k, v in stock.items()}


def test_the_cases_cover_every_grading_rule(reports):
    grades = {k: v["grade"] for k, v in reports["inprocess"].items()}
    assert grades["plain"] == grades["prints"] == grades["displayed"] == 1
    assert grades["stderr"] == grades["warning"] == grades["raises"] == 0
    assert grades["syntax"] == grades["zero_div"] == grades["timeout"] == 0
    assert grades["partial"] == 0.5 and grades["partial_int"] == 0
    assert grades["suppressed"] == 1 and grades["not_number"] == 1


def test_outputs_have_the_kernels_kinds_and_text(reports):
    stock, ours = reports["stock"], reports["inprocess"]
    for name in CELLS:
        if name == "timeout":  # the kernel is interrupted; here the cell raises CellTimeout
            assert ours[name]["ename"] == ["CellTimeout"] and stock[name]["ename"]
            continue
        assert ours[name]["kinds"] == stock[name]["kinds"], name
        # a warning names the cell's file: /tmp/ipykernel_N/M.py in a kernel, <ipython-input-..>
        assert _cell_file_out(ours[name]["text"]) == _cell_file_out(stock[name]["text"]), name
        assert ours[name]["ename"] == stock[name]["ename"], name


PRELUDE = r"""
import json, os, sys
import nbformat
from nbformat.v4 import new_code_cell, new_notebook
from autograder import inprocess

plan_path, out_path = sys.argv[1:]
inprocess.prepare(plan_path)
zygote = os.getpid()
setup = json.load(open(plan_path))["cells"]


def grade_in_fork(cells):
    # one forked worker per submission, as in a warm slot
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        nb = new_notebook(cells=[new_code_cell(c) for c in cells])
        nb, _ = inprocess.InProcessExecute(timeout=5).preprocess(
            nb, {"unique_key": "setup", "metadata": {"path": os.getcwd()}}
        )
        texts = ["".join(o.get("text", "") for o in c.outputs) for c in nb.cells]
        os.write(write, json.dumps(texts).encode())
        os._exit(0)
    os.close(write)
    os.waitpid(pid, 0)
    return json.loads(os.read(read, 1 << 20))


probe = "print(made_by == ZYGOTE, len(shared))\nshared.append('changed by this submission')"
out = {
    "first": grade_in_fork([*setup, probe.replace("ZYGOTE", str(zygote))]),
    "second": grade_in_fork([*setup, probe.replace("ZYGOTE", str(zygote))]),
    "other": grade_in_fork(["made_by = os = None", *setup[1:], "print(made_by)"]),
}
json.dump(out, open(out_path, "w"))
"""


def test_prepared_setup_is_reused_and_no_fork_sees_another(tmp_path):
    """Setup cells run once in the zygote; each fork starts from that state, untouched by the
    fork before it; a notebook that starts differently runs everything itself."""
    files = tmp_path / "files"
    files.mkdir()
    (files / "data.txt").write_text("from the assignment folder")
    cells = [
        "import os\nmade_by = os.getpid()\nshared = []",
        "print(open('data.txt').read())",
    ]
    plan = {"name": "setup", "cells": cells, "cwd": str(files), "timeout": 5}
    (tmp_path / "plan.json").write_text(json.dumps(plan))
    out_path = tmp_path / "out.json"
    subprocess.run(
        [sys.executable, "-c", PRELUDE, str(tmp_path / "plan.json"), str(out_path)],
        check=True,
        timeout=120,
        cwd=files,
    )
    out = json.loads(out_path.read_text())
    # the setup cells' outputs come from the prepared run (read in the assignment folder)
    assert out["first"][1] == "from the assignment folder\n"
    # made in the zygote, and the first fork's change to `shared` never reached the second
    assert out["first"][2] == "True 0\n"
    assert out["second"][2] == "True 0\n"
    # different first cell: no prelude, every cell ran in the fork itself
    assert out["other"][2] == "None\n"
