"""Fixtures: a small course with a programme rule, a roster, a gradebook and a signing key."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import certlib


@pytest.fixture(autouse=True)
def _venv_on_path(monkeypatch):
    # nbgrader's Gradebook runs the `alembic` command
    bindir = os.path.dirname(sys.executable)
    monkeypatch.setenv("PATH", bindir + os.pathsep + os.environ.get("PATH", ""))


@pytest.fixture(scope="session")
def keyed_template(tmp_path_factory) -> Path:
    bindir = os.path.dirname(sys.executable)
    os.environ["PATH"] = bindir + os.pathsep + os.environ.get("PATH", "")
    root = certlib.make_course(tmp_path_factory.mktemp("certs") / "course")
    rc, out, err = certlib.cli("--course", root, "keys", "init")
    assert rc == 0, out + err
    return root


@pytest.fixture
def cert_course(keyed_template, tmp_path) -> Path:
    dest = tmp_path / "course"
    shutil.copytree(keyed_template, dest)
    return dest
