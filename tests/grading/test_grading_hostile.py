"""The hostile corpus, graded in ONE run next to honest submissions (see hostile.py).

Expected every time: each submission gets exactly what its honest parts earn, the honest ones
in the same run are graded as without the attackers, the run finishes, nothing outside the
scratch directory changes, nothing secret leaks into a graded notebook, no connection is made.
"""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import fixturelib as F
import hostile as H
import pytest
from grading_helpers import cli, release_nb, scores, tree_digest

from autograder import sandbox

TIMEOUT = "3"
GRADING_WRITES = ("gradebook.db", "autograded/", ".autograder/")


def outside_scratch(root: Path) -> dict[str, str]:
    return {
        k: v
        for k, v in tree_digest(root).items()
        if not any(k.startswith(p) for p in GRADING_WRITES)
    }


@pytest.fixture(scope="module")
def hostile_run(released_template, tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    course = base / "course"
    shutil.copytree(released_template, course)
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        listener.setblocking(False)
        ctx = H.Ctx(str(course), listener.getsockname()[1], os.getpid())
        H.write_submissions(course, release_nb(course), ctx)
        before = outside_scratch(course)
        rc, out, err = cli("--course", course, "-q", "grade", F.AID, *H.LIMITS)
        try:
            conn, _ = listener.accept()
            conn.close()
            connected = True
        except BlockingIOError:
            connected = False
    return {
        "course": course,
        "rc": rc,
        "out": out,
        "err": err,
        "before": before,
        "after": outside_scratch(course),
        "connected": connected,
        "scores": scores(course),
    }


def auto_points(per_part):
    return sum(v for k, v in per_part.items() if k != "reflection" and v is not None)


def test_run_finishes_and_grades_everyone(hostile_run):
    assert hostile_run["rc"] == 0, hostile_run["out"] + hostile_run["err"]
    assert set(hostile_run["scores"]) == set(H.CASES)
    assert f"graded {len(H.CASES)}, failed 0" in hostile_run["out"]


@pytest.mark.parametrize("state", sorted(H.CASES))
def test_each_case_gets_what_its_honest_parts_earn(hostile_run, state):
    got = hostile_run["scores"][state]
    assert auto_points(got) == H.CASES[state][1], (got, hostile_run["out"])


def test_nothing_outside_scratch_changes(hostile_run):
    assert hostile_run["after"] == hostile_run["before"]


def test_no_connection_to_the_graders_localhost(hostile_run):
    assert not hostile_run["connected"]


def test_nothing_leaks_into_graded_notebooks(hostile_run):
    autograded = hostile_run["course"] / "autograded"
    texts = {p: p.read_text(errors="replace") for p in autograded.rglob("*.ipynb")}
    assert len(texts) == len(H.CASES)
    for path, text in texts.items():
        assert "LEAK:" not in text, path
        if "ref-" not in str(path):
            assert F.HIDDEN_MARK not in text.replace("'" + F.HIDDEN_MARK, ""), path


def test_feedback_line_for_each_limit_hit(hostile_run):
    out = hostile_run["out"]
    expect = {
        "contain-fifo-progress": "ran past the time limit",
        "contain-disk-quota": "filled the working folder: each submission may write at most 64",
        "contain-forged-note": "ran past the time limit",
        "hostile-os-exit": "stopped the kernel",
        "hostile-segfault": "segmentation fault",
        "hostile-loop-ignoring-signals": "time limit",
        "broken-many-cells": "first 1000 code cells",
        "broken-not-a-notebook": "not a notebook",
        "broken-not-json": "not valid JSON",
    }
    for state, words in expect.items():
        lines = [line for line in out.splitlines() if line.startswith(f"NOTE {state}:")]
        assert any(words in line for line in lines), (state, out)
    nb = hostile_run["course"] / "autograded" / "hostile-os-exit" / F.AID / f"{F.AID}.ipynb"
    assert "Grader notes" in nb.read_text()


def test_learner_code_shown_in_autograded_notebook(hostile_run):
    nb = hostile_run["course"] / "autograded" / "ref-correct" / F.AID / f"{F.AID}.ipynb"
    text = nb.read_text()
    assert "return sum(xs) / len(xs)" in text and "_etika_load" not in text


def test_refuses_without_bubblewrap(course, monkeypatch):
    monkeypatch.setattr(sandbox, "bwrap_path", lambda: None)
    before = tree_digest(course)
    rc, _, err = cli("--course", course, "grade", F.AID)
    assert rc == 2 and "sudo apt-get install bubblewrap" in err and "--unsafe-no-sandbox" in err
    assert tree_digest(course) == before


def test_unsafe_no_sandbox_grades_with_limits_and_warns(course, tmp_path, monkeypatch):
    monkeypatch.setattr(sandbox, "bwrap_path", lambda: None)
    ctx = H.Ctx(str(course), 9, os.getpid())
    H.write_submissions(course, release_nb(course), ctx, ["ref-correct", "ref-partial"])
    rc, out, err = cli(
        "--course", course, "-q", "grade", F.AID, "--timeout", TIMEOUT, "--unsafe-no-sandbox"
    )
    assert rc == 0, out + err
    assert "WITHOUT isolation" in err
    got = scores(course)
    assert auto_points(got["ref-correct"]) == 3.0 and auto_points(got["ref-partial"]) == 2.0


def test_forged_timestamp_ignored_by_collect(course, tmp_path):
    usb = F.write_folder(tmp_path / "usb", release_nb(course), ["submitted-correct"])
    (usb / "submitted-correct" / "timestamp.txt").write_text("1999-01-01 00:00:00 UTC")
    rc, out, err = cli("--course", course, "collect", F.AID, "--from", usb)
    assert rc == 0, out + err
    ts = (course / "submitted" / "submitted-correct" / F.AID / "timestamp.txt").read_text()
    assert not ts.startswith("1999")


def test_quota_notes_name_each_folder_filled(hostile_run):
    lines = [x for x in hostile_run["out"].splitlines() if x.startswith("NOTE contain-disk-quota:")]
    for where, mb in (("the working folder", 64), ("/tmp", 32), ("/dev/shm", 32)):
        assert any(f"filled {where}: each submission may write at most {mb} MB" in x for x in lines)
    nb = hostile_run["course"] / "autograded" / "contain-disk-quota" / F.AID / f"{F.AID}.ipynb"
    assert "filled /tmp" in nb.read_text()


def test_names_from_submissions_cannot_forge_console_lines(hostile_run):
    out = hostile_run["out"]
    assert not any(line.startswith("FAILED ref-correct") for line in out.splitlines()), out
    assert "\x1b" not in out and "\u202e" not in out
    assert "[x\\nFAILED ref-correct: forged\\x1b[2J\\u202e]" in out


def test_no_course_or_repository_path_reaches_a_graded_notebook(hostile_run):
    """Kernels see neutral paths only: nothing they print (a traceback, a warning, the working
    folder, their command line) names where the course or the grader's code is."""
    repo = str(Path(__file__).resolve().parents[2])
    course = str(hostile_run["course"])
    for path in (hostile_run["course"] / "autograded").rglob("*.ipynb"):
        text = path.read_text(errors="replace")
        assert course not in text, path
        assert repo not in text, path
    nb = hostile_run["course"] / "autograded" / "contain-course-path" / F.AID / f"{F.AID}.ipynb"
    text = nb.read_text()
    assert "where am I: /etika/work" in text and "/opt/etika/src/autograder/" in text
    assert course not in hostile_run["out"] and repo not in hostile_run["out"]


def test_feedback_states_the_quota_hit_and_no_path(hostile_run):
    course = hostile_run["course"]
    rc, out, err = cli(
        "--course", course, "feedback", F.AID, "contain-disk-quota", "contain-course-path"
    )
    assert rc == 0, out + err
    repo = str(Path(__file__).resolve().parents[2])
    quota = (course / "feedback" / "contain-disk-quota" / F.AID / f"{F.AID}.html").read_text()
    assert "filled /tmp: each submission may write at most 32 MB" in quota
    where = (course / "feedback" / "contain-course-path" / F.AID / f"{F.AID}.html").read_text()
    assert "/etika/work" in where
    for text in (quota, where):
        assert str(course) not in text and repo not in text
