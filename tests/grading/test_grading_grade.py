"""End-to-end autograding of state-named submissions, stock equivalence, kill and resume."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import fixturelib as F
import pytest
from grading_helpers import cli, release_nb, scores


def auto_points(per_part: dict[str, float | None]) -> float:
    return sum(v for k, v in per_part.items() if k != "reflection" and v is not None)


def test_every_state_gets_its_expected_score(graded):
    got = scores(graded)
    assert set(got) == set(F.STATES)
    for state, (_, expected) in F.STATES.items():
        assert auto_points(got[state]) == expected, state
    # the reflection waits for a human, except when left blank (nbgrader scores that 0)
    assert got["submitted-correct"]["reflection"] is None
    assert got["submitted-blank"]["reflection"] == 0.0


def test_ledger_one_row_per_submission(graded):
    con = sqlite3.connect(graded / "gradebook.db")
    rows = con.execute("SELECT student, status, attempts FROM etika_autograde").fetchall()
    assert sorted(r[0] for r in rows) == sorted(F.STATES)
    assert {r[1] for r in rows} == {"ok"} and {r[2] for r in rows} == {1}


def test_gradebook_is_owner_only(graded):
    assert (graded / "gradebook.db").stat().st_mode & 0o077 == 0


def test_second_run_skips_and_force_regrades_one(graded):
    rc, out, _ = cli("--course", graded, "-q", "grade", F.AID)
    assert rc == 0 and f"already graded (skipped) {len(F.STATES)}" in out
    rc, out, _ = cli("--course", graded, "-q", "grade", F.AID, "submitted-partial", "--force")
    assert rc == 0 and "graded 1," in out
    assert auto_points(scores(graded)["submitted-partial"]) == 2.0


def test_scores_equal_stock_nbgrader_autograde(graded, tmp_path):
    """Stock `nbgrader autograde` on a copy of the same submissions gives the same grades."""
    stock = tmp_path / "stock"
    shutil.copytree(graded, stock, ignore=shutil.ignore_patterns("autograded", "gradebook.db"))
    # a fresh gradebook holding the assignment only: stock generate_assignment, then autograde
    (stock / "nbgrader_config.py").write_text(F.CONFIG + "c.Execute.timeout = 5\n")
    env = dict(os.environ, PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ["PATH"])
    nbgrader = [sys.executable, "-m", "nbgrader"]
    subprocess.run(
        [*nbgrader, "generate_assignment", F.AID, "--force"],
        cwd=stock,
        env=env,
        check=True,
        capture_output=True,
    )
    res = subprocess.run([*nbgrader, "autograde", F.AID], cwd=stock, env=env, capture_output=True)
    assert res.returncode == 0, res.stderr.decode()[-2000:]
    ours, theirs = scores(graded), scores(stock)
    # where stock nbgrader is wrong: a deleted test cell leaves its points waiting for a human
    # grader (None), so deleting the tests dodges them; we restore the test from the gradebook
    # and run it (this learner's mean() is wrong: 0 points)
    assert theirs.pop("submitted-deleted-test-cell")["mean_tests"] is None
    assert ours.pop("submitted-deleted-test-cell")["mean_tests"] == 0.0
    assert theirs == ours


def test_kill_and_resume_grades_each_submission_exactly_once(course, tmp_path):
    ids = [f"s{i:02d}" for i in range(5)]
    usb = tmp_path / "usb"
    for sid in ids:
        (usb / sid).mkdir(parents=True)
        (usb / sid / "ps1.ipynb").write_text(
            F.student_notebook(release_nb(course), "submitted-correct")
        )
    assert cli("--course", course, "collect", F.AID, "--from", usb)[0] == 0
    cmd = [
        sys.executable,
        "-m",
        "autograder.cli",
        "--course",
        str(course),
        "-q",
        "grade",
        F.AID,
        "--jobs",
        "1",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    db = course / "gradebook.db"
    deadline = time.monotonic() + 90
    done = 0
    while time.monotonic() < deadline and done < 2:
        time.sleep(0.2)
        try:
            con = sqlite3.connect(db, timeout=1)
            done = con.execute("SELECT COUNT(*) FROM etika_autograde").fetchone()[0]
            con.close()
        except sqlite3.OperationalError:
            pass
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 0 < done < len(ids), "kill must happen mid-run"
    rc, out, err = cli("--course", course, "-q", "grade", F.AID)
    assert rc == 0, out + err
    con = sqlite3.connect(db)
    rows = con.execute("SELECT student, attempts, status FROM etika_autograde").fetchall()
    assert sorted(r[0] for r in rows) == ids
    assert all(r[1] == 1 and r[2] == "ok" for r in rows), rows
    n_subs = con.execute("SELECT COUNT(*) FROM submitted_assignment").fetchone()[0]
    assert n_subs == len(ids)
    assert all(auto_points(v) == 3.0 for v in scores(course).values())
    assert not list((course / ".autograder").glob("grade-*"))


def test_worker_crash_costs_only_its_own_points(course, tmp_path):
    usb = tmp_path / "usb"
    for sid, state in [("ok1", "submitted-correct"), ("crash1", "submitted-correct")]:
        (usb / sid).mkdir(parents=True)
        text = F.student_notebook(release_nb(course), state)
        if sid == "crash1":
            text = text.replace("def mean(xs):", "import os\\nos._exit(1)\\ndef mean(xs):", 1)
        (usb / sid / "ps1.ipynb").write_text(text)
    assert cli("--course", course, "collect", F.AID, "--from", usb)[0] == 0
    rc, out, err = cli("--course", course, "-q", "grade", F.AID, "--timeout", "5")
    got = scores(course)
    assert auto_points(got["ok1"]) == 3.0
    assert auto_points(got["crash1"]) < 3.0
    assert rc in (0, 1), out + err


@pytest.mark.parametrize("bad", ["0", "-3"])
def test_bad_timeout(graded, bad):
    rc, _, err = cli("--course", graded, "grade", F.AID, "--timeout", bad)
    assert rc == 2 and "--timeout" in err


@pytest.mark.parametrize(
    "grades, ok",
    [
        ({"p1": [1.0, False], "p2": [None, True]}, True),
        ({"p1": ["1.0", False]}, False),  # a score must be a number
        ({"p1": [float("inf"), False]}, False),
        ({"p1": [1.0]}, False),  # malformed pair
    ],
)
def test_grades_from_the_grader_sandbox_are_checked(tmp_path, grades, ok):
    """The parent reads B's result as data: anything but plain finite scores is refused."""
    import json

    from autograder.grade import Job, _read_scratch_grades

    doc = {
        "success": True,
        "grades": {
            "timestamp": "2026-11-20T10:00:00",
            "notebooks": {"nb": {"late": 0.0, "grades": grades, "comments": {"p1": None}}},
        },
    }
    (tmp_path / "result.json").write_text(json.dumps(doc))
    got = _read_scratch_grades(None, Job("S1", "a", tmp_path, "", 1), tmp_path)
    if ok:
        assert got["notebooks"]["nb"]["grades"] == {"p1": (1.0, False), "p2": (None, True)}
        assert got["timestamp"].year == 2026
    else:
        assert got is None
