"""Containment (issue 13): a slot reused by the next learner, the grader's own failures, what
each sandbox is given, and names from outside on the console."""

from __future__ import annotations

import os
import sqlite3

import fixturelib as F
import hostile as H
import pytest
from grading_helpers import cli, release_nb, scores

from autograder import grade, zygote

TIMEOUT = "4"
HONEST = ["ref-correct", "ref-partial"]


@pytest.fixture(autouse=True)
def _warm(monkeypatch):
    monkeypatch.setenv("ETIKA_WARM_ZYGOTE", "1")


def _auto(per_part):
    return sum(v for k, v in per_part.items() if k != "reflection" and v is not None)


def _grade(course, *args):
    return cli("--course", course, "-q", "grade", F.AID, "--timeout", TIMEOUT, *args)


def _ledger(course):
    con = sqlite3.connect(course / "gradebook.db")
    try:
        rows = con.execute(
            "SELECT student, status, submission_hash FROM etika_autograde"
        ).fetchall()
    finally:
        con.close()
    return {sid: (status, digest) for sid, status, digest in rows}


def _write(course, names):
    H.write_submissions(course, release_nb(course), H.Ctx(str(course), 9, os.getpid()), names)


def _count_replacements(monkeypatch) -> list[int]:
    seen: list[int] = []
    real = grade.Slot.replace

    def replace(slot):
        seen.append(slot.index)
        real(slot)

    monkeypatch.setattr(grade.Slot, "replace", replace)
    return seen


def test_folders_left_in_a_slot_cost_the_next_learners_nothing(course, monkeypatch):
    # one slot, name order: the submission that fills every folder it may write with folders
    # runs first; the two honest ones after it, in the same slot, are graded as without it
    _write(course, ["contain-many-directories", *HONEST])
    replaced = _count_replacements(monkeypatch)
    rc, out, err = _grade(course, "--jobs", "1")
    assert rc == 0, out + err
    got = scores(course)
    assert {s: _auto(v) for s, v in got.items()} == {
        "contain-many-directories": 3.0,
        "ref-correct": 3.0,
        "ref-partial": 2.0,
    }, out
    assert "before its first cell" not in out and "graded 3, failed 0" in out
    assert {s: row[0] for s, row in _ledger(course).items()} == dict.fromkeys(got, "ok")
    assert replaced == []  # the folders' file limits keep the cleanup short


def test_a_slot_not_emptied_in_time_is_replaced(course, monkeypatch):
    # no time at all for the cleanup: every slot is replaced after each submission, and the
    # next learner starts in a fresh one, with the same scores
    _write(course, ["contain-many-directories", *HONEST])
    monkeypatch.setattr(grade, "CLEAN_SECONDS", 0.0)
    replaced = _count_replacements(monkeypatch)
    rc, out, err = _grade(course, "--jobs", "1")
    assert rc == 0, out + err
    assert {s: _auto(v) for s, v in scores(course).items()} == {
        "contain-many-directories": 3.0,
        "ref-correct": 3.0,
        "ref-partial": 2.0,
    }, out
    assert replaced == [0, 0, 0]


def test_a_failure_of_the_graders_machinery_is_retried_on_a_fresh_slot(course, monkeypatch):
    _write(course, HONEST)
    replaced = _count_replacements(monkeypatch)
    real, calls = grade.run_learner, []

    def flaky(course_, job, *args, **kwargs):
        calls.append(job.student)
        if job.student == "ref-correct" and calls.count("ref-correct") == 1:
            raise zygote.SlotError("injected: the slot's sandbox did not start the run")
        return real(course_, job, *args, **kwargs)

    monkeypatch.setattr(grade, "run_learner", flaky)
    rc, out, err = _grade(course, "--jobs", "1")
    assert rc == 0, out + err
    want = {"ref-correct": 3.0, "ref-partial": 2.0}
    assert {s: _auto(v) for s, v in scores(course).items()} == want
    assert calls.count("ref-correct") == 2 and replaced[:1] == [0]


def test_a_machinery_failure_is_reported_never_graded(course, monkeypatch):
    _write(course, HONEST)
    rc, out, err = _grade(course, "--jobs", "1")
    assert rc == 0, out + err
    before = scores(course)

    def broken(course_, job, *args, **kwargs):
        if job.student == "ref-correct":
            raise grade.GraderFault("the learner's kernel was killed before its first cell")
        return real(course_, job, *args, **kwargs)

    real = grade.run_learner
    monkeypatch.setattr(grade, "run_learner", broken)
    rc, out, err = _grade(course, "--jobs", "1", "--force")
    assert rc == 1, out + err
    assert "ERROR ref-correct: grader error" in out and "not graded" in out
    assert "FAILED ref-correct" not in out
    assert scores(course) == before  # its grades were not touched (and never set to 0)
    assert _ledger(course)["ref-correct"] == ("error", "")
    monkeypatch.setattr(grade, "run_learner", real)
    rc, out, err = _grade(course)  # not skipped: the next run grades it
    assert rc == 0 and "graded 1," in out, out + err
    assert _auto(scores(course)["ref-correct"]) == 3.0


def _binds(cmd: list[str]) -> list[tuple[str, str, str]]:
    return [
        (arg, cmd[i + 1], cmd[i + 2])
        for i, arg in enumerate(cmd)
        if arg in ("--bind", "--ro-bind") and i + 2 < len(cmd)
    ]


def test_each_kernel_sees_its_own_slot_only_at_neutral_paths(course, monkeypatch):
    # two slots at once; every folder bound into a zygote (kernel A per notebook, kernel B)
    # belongs to its own slot: never the grading folder, another slot or another job
    _write(course, [*HONEST, "contain-export-links"])
    seen: list[list[str]] = []
    real = zygote.Zygote.__init__

    def record(self, cmd, *args, **kwargs):
        seen.append(list(cmd))
        real(self, cmd, *args, **kwargs)

    monkeypatch.setattr(zygote.Zygote, "__init__", record)
    rc, out, err = _grade(course, "--jobs", "2")
    assert rc == 0, out + err
    assert _auto(scores(course)["contain-export-links"]) == 1.0
    state = str(course / ".autograder")
    slots = set()
    for cmd in seen:
        ours = [(src, dst) for _, src, dst in _binds(cmd) if src.startswith(state)]
        assert ours, cmd
        roots = {src[: src.index("/", src.index("/slot-") + 1)] for src, _ in ours}
        assert len(roots) == 1, ours  # one slot's folders, and only below it
        slot = roots.pop()
        slots.add(slot)
        assert all(src != slot for src, _ in ours), "the slot itself is never bound"
        assert all(dst.startswith("/etika/") or dst in ("/tmp", "/dev/shm") for _, dst in ours)
        assert not any(state in arg for arg in cmd[cmd.index("--chdir") :])
        assert not any(str(course) in arg for arg in cmd if arg.startswith("--prepare"))
    assert len(slots) == 2


def test_names_from_a_zip_cannot_forge_console_lines(course, tmp_path):
    fake = "collected 99, replaced 0, unchanged 0, rejected files 0, unknown students 0"
    nb = F.student_notebook(release_nb(course), "submitted-correct")
    data = F.zip_bytes(
        {
            "S001/ps1.ipynb": nb,
            f"S002/notes\n{fake}\n.txt": "x",
            "S003/\x1b[2J\u202eps1.ipynb": "{not json",
        }
    )
    (tmp_path / "lms.zip").write_bytes(data)
    rc, out, err = cli("--course", course, "collect", F.AID, "--from", tmp_path / "lms.zip")
    assert rc == 1, out + err
    lines = out.splitlines()
    assert not any(line.startswith("collected 99") for line in lines), out
    assert f"notes\\n{fake}\\n.txt" in out
    assert "\x1b" not in out + err and "\u202e" not in out + err and "\\x1b[2J\\u202e" in out
    # a zip-slip name is refused in a message that is still one line per line
    (tmp_path / "slip.zip").write_bytes(F.zip_bytes({f"../x\n{fake}": "x"}))
    rc, out, err = cli("--course", course, "collect", F.AID, "--from", tmp_path / "slip.zip")
    assert rc == 2 and not any(line.startswith("collected 99") for line in err.splitlines())
    assert f"'../x\\n{fake}'" in err


def test_a_student_folder_name_cannot_forge_console_lines(course):
    odd = "S9\x1b[2J\nFAILED ref-correct: forged"
    _write(course, ["ref-correct"])
    src = course / "submitted" / "ref-correct"
    os.makedirs(course / "submitted" / odd)
    os.rename(src / F.AID, course / "submitted" / odd / F.AID)
    _rc, out, err = _grade(course, "--jobs", "1")
    text = out + err
    assert "\x1b" not in text and not any(
        line.startswith("FAILED ref-correct") for line in text.splitlines()
    ), text
    assert "S9\\x1b[2J\\nFAILED ref-correct: forged" in text
    _rc, out, _err = cli("--course", course, "status")
    assert "\x1b" not in out and not any(line.startswith("FAILED ref") for line in out.splitlines())
