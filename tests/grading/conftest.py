"""Fixtures: a released fixture course, and one graded with every state-named submission."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent / "corpus"))

import fixturelib as F
from grading_helpers import GRADE_TIMEOUT, cli, release_nb


@pytest.fixture(scope="session")
def released_template(tmp_path_factory) -> Path:
    root = F.make_source_course(tmp_path_factory.mktemp("released") / "course")
    rc, _out, err = cli("--course", root, "release", F.AID)
    assert rc == 0, err
    return root


@pytest.fixture
def course(released_template, tmp_path) -> Path:
    dest = tmp_path / "course"
    shutil.copytree(released_template, dest, symlinks=True)
    return dest


@pytest.fixture(scope="session")
def graded_template(released_template, tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("graded")
    root = base / "course"
    shutil.copytree(released_template, root)
    subs = F.write_folder(base / "usb", release_nb(root), F.STATES)
    rc, out, err = cli("--course", root, "collect", F.AID, "--from", subs)
    assert rc == 0, out + err
    rc, out, err = cli("--course", root, "-q", "grade", F.AID, "--timeout", GRADE_TIMEOUT)
    assert rc == 0, out + err
    (base / "grade-output.txt").write_text(out)
    return root


@pytest.fixture
def graded(graded_template, tmp_path) -> Path:
    dest = tmp_path / "course"
    shutil.copytree(graded_template, dest)
    return dest


@pytest.fixture(autouse=True)
def _venv_on_path(monkeypatch):
    bindir = os.path.dirname(sys.executable)
    monkeypatch.setenv("PATH", bindir + os.pathsep + os.environ.get("PATH", ""))


@pytest.fixture(scope="session")
def agreement(tmp_path_factory):
    """The agreement corpus (corpus/assignments.py) graded once by stock `nbgrader autograde`
    and once by `autograder grade --jobs 2` (warm), on identical copies."""
    import assignments as A
    import harness as H

    base = tmp_path_factory.mktemp("agreement")
    root = H.prepare(base / "ours", A.ALL)
    stock = H.stock_copy(root, base / "stock", A.ALL)
    H.grade_stock(stock, A.ALL)
    _, out = H.grade_ours(root, A.ALL, jobs=2)
    rows = {(r.assignment, r.state, r.cell): r for r in H.compare(stock, root, A.ALL)}
    return {"rows": rows, "out": out, "root": root, "stock": stock}
