"""Reading what a sandbox wrote, and printing names from outside (autograder/untrusted.py)."""

from __future__ import annotations

import json
import os
import threading

import pytest

from autograder import untrusted
from autograder.bside import Loader


def _no_hang(fn, *args, **kwargs):
    """Run fn(*args, **kwargs) in a thread; fail if it blocks (a FIFO read would wait)."""
    out = {}

    def go():
        try:
            out["value"] = fn(*args, **kwargs)
        except BaseException as exc:  # handed back to the test
            out["error"] = exc

    t = threading.Thread(target=go, daemon=True)
    t.start()
    t.join(5.0)
    assert not t.is_alive(), f"{fn.__name__} blocked"
    if "error" in out:
        raise out["error"]
    return out["value"]


def test_read_file_takes_a_plain_file_within_its_limit(tmp_path):
    (tmp_path / "a").write_bytes(b"12345")
    assert untrusted.read_file(tmp_path / "a", 5) == b"12345"
    with pytest.raises(untrusted.Refused):
        untrusted.read_file(tmp_path / "a", 4)


@pytest.mark.parametrize("kind", ["fifo", "symlink", "dangling", "directory", "hardlink"])
def test_read_file_refuses_what_is_not_a_plain_file_without_blocking(tmp_path, kind):
    target = tmp_path / "elsewhere"
    target.write_text("another learner's answer")
    path = tmp_path / "snap"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "symlink":
        path.symlink_to(target)
    elif kind == "dangling":
        path.symlink_to(tmp_path / "missing")
    elif kind == "directory":
        path.mkdir()
    else:
        os.link(target, path)
    with pytest.raises(OSError):
        _no_hang(untrusted.read_file, path, 1 << 20, single_link=True)
    assert untrusted.read_text(path, 1 << 20, single_link=True) is None
    assert not untrusted.is_regular(path) or kind == "hardlink"


def test_grader_progress_and_outputs_never_block(tmp_path):
    from autograder import grade

    os.mkfifo(tmp_path / "progress")
    os.mkfifo(tmp_path / "outputs.json")
    assert _no_hang(grade._progress, tmp_path, 7) == 7  # the last cell seen still runs
    assert _no_hang(grade._read_json, tmp_path / "outputs.json") is None
    (tmp_path / "progress").unlink()
    (tmp_path / "progress").write_text("12")
    assert grade._progress(tmp_path, 7) == 12


def _snap(path, value):
    doc = {"values": {"answer": {"t": "int", "v": str(value)}}, "error": None}
    path.write_text(json.dumps(doc))


@pytest.mark.parametrize("kind", ["symlink", "fifo", "hardlink"])
def test_loader_takes_only_this_runs_own_plain_exports(tmp_path, kind):
    mine, other = tmp_path / "mine", tmp_path / "other"
    mine.mkdir()
    other.mkdir()
    _snap(other / "snap-q1.json", 42)  # a neighbour's right answer
    if kind == "symlink":
        (mine / "snap-q1.json").symlink_to(other / "snap-q1.json")
    elif kind == "fifo":
        os.mkfifo(mine / "snap-q1.json")
    else:
        os.link(other / "snap-q1.json", mine / "snap-q1.json")
    _snap(mine / "snap-final.json", 1)
    ns: dict = {}
    with pytest.raises(Exception, match="refused"):
        _no_hang(Loader(str(mine), 1), ns, "q1")
    assert "answer" not in ns  # neither the neighbour's value nor a fallback to "final"


def test_loader_reads_a_plain_export(tmp_path):
    _snap(tmp_path / "snap-q1.json", 42)
    ns: dict = {}
    Loader(str(tmp_path), 1)(ns, "q1")
    assert ns["answer"] == 42


@pytest.mark.parametrize(
    ("name", "want"),
    [
        ("S001", "S001"),
        ("a\nb", "a\\nb"),
        ("x\r\x1b[2Jy", "x\\r\\x1b[2Jy"),
        ("\u202egpj.exe", "\\u202egpj.exe"),
        ("t\u2028u\x85v\x7f", "t\\u2028u\\x85v\\x7f"),
        ("Siti Nurhaliza – ü", "Siti Nurhaliza – ü"),
    ],
)
def test_shown_escapes_controls_and_reordering_marks(name, want):
    assert untrusted.shown(name) == want
    assert "\n" not in untrusted.shown(name) and untrusted.shown(untrusted.shown(name)) == want
