"""Warm slots (zygote.py): same scores at any --jobs, nothing crosses submissions in a slot."""

from __future__ import annotations

import shutil

import fixturelib as F
import pytest
from grading_helpers import GRADE_TIMEOUT, cli, release_nb, scores

# Traces one submission leaves in its slot; ``_etika_leaks()`` lists the ones it can see.
LEAVE = """\
import builtins, json, os, subprocess, sys
for _d in ('/tmp', '/dev/shm', os.getcwd(), os.path.expanduser('~')):
    with open(os.path.join(_d, 'etika_leak'), 'w') as _fh:
        _fh.write('x')
subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)', 'etika_leak_sleeper'],
                 start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
import numpy
numpy.mean = None
json.JSONEncoder.etika_leak = 1
os.environ['ETIKA_LEAK'] = '1'
builtins.etika_leak = 1
sys.modules['etika_leak_module'] = json
etika_leak_global = 1
"""

CHECK = """\
def _etika_leaks():
    import builtins, json, os, sys, time
    found = []
    for _d in ('/tmp', '/dev/shm', os.getcwd(), os.path.expanduser('~')):
        if os.path.exists(os.path.join(_d, 'etika_leak')):
            found.append('file in ' + _d)
    time.sleep(0.3)  # the background process has started by now
    for _p in os.listdir('/proc'):
        try:
            with open(f'/proc/{_p}/cmdline', 'rb') as _fh:
                if b'etika_leak_sleeper' in _fh.read():
                    found.append('process ' + _p)
        except OSError:
            pass
    import numpy
    if numpy.mean is None:
        found.append('numpy.mean')
    if hasattr(json.JSONEncoder, 'etika_leak'):
        found.append('json.JSONEncoder.etika_leak')
    if 'ETIKA_LEAK' in os.environ:
        found.append('env')
    if hasattr(builtins, 'etika_leak'):
        found.append('builtins')
    if 'etika_leak_module' in sys.modules:
        found.append('sys.modules')
    if 'etika_leak_global' in globals():
        found.append('global')
    if os.path.exists(os.path.join(os.getcwd(), '..', 'xchg', 'etika_leak')):
        found.append('file in the exchange folder')
    return found
"""

# A learner function (called by the grader's kernel) that leaves a process writing into the
# exchange folder and kills its kernel, so that nothing of it is left to end that process.
DAEMON = (
    "import os, time\n"
    "_x = os.path.join(os.getcwd(), '..', 'xchg', 'etika_leak')\n"
    "while True:\n"
    "    try:\n        open(_x, 'w').close()\n    except OSError:\n        pass\n"
    "    time.sleep(0.001)\n"
)
# Kernel A restarts without a cell that kills it; on its LAST attempt (it reads its own plan),
# this one leaves the same process behind and dies too: the grader sees A gone for good.
DIE = "import os\nos._exit(0)"
LAST_ATTEMPT_DAEMON = (
    "import json, os, subprocess, sys, time\n"
    "if len(json.load(open('../in/plan.json'))['skip']) >= 3:\n"
    f"    subprocess.Popen([sys.executable, '-c', {DAEMON!r}], start_new_session=True)\n"
    "    time.sleep(0.2)\n"
    "    os._exit(0)\n"
)
LEAVER_COUNT = F.COUNT_OK.replace(
    "def count_above(threshold, path='incomes.csv'):\n",
    "def count_above(threshold, path='incomes.csv'):\n"
    "    import os, subprocess, sys\n"
    f"    subprocess.Popen([sys.executable, '-c', {DAEMON!r}], start_new_session=True)\n"
    "    time.sleep(0.2)\n"
    "    os.kill(os.getppid(), 9)\n",
).replace("import csv\n", "import csv, time\n")

ALL_LEAKS = 4 + 1 + 6  # files, process, the rest: what the leaver must see in its own run

# the leaver scores 3 only if it sees every trace it left (so the check is not vacuous)
LEAVER_MEAN = (
    LEAVE
    + CHECK
    + "_seen = _etika_leaks()\nprint('SEEN', _seen)\n"
    + f"_ok = len(_seen) == {ALL_LEAKS}\n"
    + "def mean(xs):\n    return sum(xs) / len(xs) if _ok else -1.0"
)
# the next submission in the slot scores 3 only if it sees none
CHECKER_MEAN = (
    CHECK
    + "_seen = _etika_leaks()\nprint('SEEN', _seen)\n"
    + "_ok = not _seen\n"
    + "def mean(xs):\n    return sum(xs) / len(xs) if _ok else -1.0"
)

KILLER = (
    "import os, signal\n"
    "for _p in (1, os.getppid(), -1):\n"
    "    try:\n        os.kill(_p, signal.SIGKILL)\n    except OSError:\n        pass\n"
    "for _p in (1, os.getppid()):\n"
    "    try:\n        os.kill(_p, signal.SIGSTOP)\n    except OSError:\n        pass\n"
)


@pytest.fixture(autouse=True)
def _warm(monkeypatch):
    monkeypatch.setenv("ETIKA_WARM_ZYGOTE", "1")


def _auto(per_part):
    return sum(v for k, v in per_part.items() if k != "reflection" and v is not None)


def _write(course, tmp_path, subs: dict) -> None:
    rel = release_nb(course)
    import nbformat

    usb = tmp_path / "usb"
    for sid, mean_src in subs.items():
        nb = F.correct(nbformat.read(rel, as_version=4))
        if isinstance(mean_src, dict):
            for gid, src in mean_src.items():
                F._set(nb, gid, src)
        elif mean_src is not None:
            F._set(nb, "mean_answer", mean_src)
        (usb / sid).mkdir(parents=True)
        nbformat.write(nb, usb / sid / f"{F.AID}.ipynb")
    rc, out, err = cli("--course", course, "collect", F.AID, "--from", usb)
    assert rc == 0, out + err


def _seen(course, sid) -> str:
    nb = course / "autograded" / sid / F.AID / f"{F.AID}.ipynb"
    text = nb.read_text() if nb.exists() else ""
    return "\n".join(line for line in text.splitlines() if "SEEN" in line)


def test_jobs_1_and_jobs_2_give_identical_scores(graded, tmp_path):
    # ``graded`` was graded with the default --jobs (all CPUs: 2 on the test machines)
    two = scores(graded)
    one_course = tmp_path / "one"
    shutil.copytree(graded, one_course)
    rc, out, err = cli(
        "--course", one_course, "-q", "grade", F.AID, "--force", "--jobs", "1",
        "--timeout", GRADE_TIMEOUT,
    )  # fmt: skip
    assert rc == 0, out + err
    assert scores(one_course) == two


def test_nothing_crosses_submissions_in_one_slot(course, tmp_path):
    # graded in name order, one slot: the leaver runs first in both kernels' zygotes
    leaver = {"mean_answer": LEAVER_MEAN, "count_answer": LEAVER_COUNT}
    _write(course, tmp_path, {"a-leaver": leaver, "b-checker": CHECKER_MEAN})
    import nbformat
    from nbformat.v4 import new_code_cell

    nb = F.correct(nbformat.read(release_nb(course), as_version=4))
    nb.cells[1:1] = [new_code_cell(src) for src in (LAST_ATTEMPT_DAEMON, DIE, DIE, DIE)]
    (tmp_path / "usb2" / "a2-dier").mkdir(parents=True)
    nbformat.write(nb, tmp_path / "usb2" / "a2-dier" / f"{F.AID}.ipynb")
    rc, out, err = cli("--course", course, "collect", F.AID, "--from", tmp_path / "usb2")
    assert rc == 0, out + err
    rc, out, err = cli("--course", course, "-q", "grade", F.AID, "--jobs", "1", "--timeout", "8")
    assert rc == 0, out + err
    got = scores(course)
    assert _auto(got["a-leaver"]) == 3.0, (got, _seen(course, "a-leaver"), out)
    assert _auto(got["b-checker"]) == 3.0, (got, _seen(course, "b-checker"), out)


def test_killing_the_zygote_costs_only_that_submission(course, tmp_path):
    _write(
        course,
        tmp_path,
        {
            "a-killer": KILLER + F.MEAN_OK,
            "b-honest": None,
            "c-killer": "import os\nos.kill(os.getppid(), 9)\nos.kill(1, 9)\n" + F.MEAN_OK,
            "d-honest": None,
        },
    )
    rc, out, err = cli("--course", course, "-q", "grade", F.AID, "--jobs", "1", "--timeout", "5")
    assert rc == 0, out + err
    got = scores(course)
    assert _auto(got["b-honest"]) == 3.0 and _auto(got["d-honest"]) == 3.0, (got, out)
    # the zygote is the sandbox's init: the signals do not reach it, the killer keeps its points
    assert _auto(got["a-killer"]) == 3.0 and _auto(got["c-killer"]) == 3.0, (got, out)


def test_cold_mode_gives_the_same_scores(graded):
    # --cold (and ETIKA_WARM_ZYGOTE=0): one fresh sandbox per process, kept for diagnosis
    some = ["submitted-correct", "submitted-partial", "submitted-syntax-error"]
    want = {sid: v for sid, v in scores(graded).items() if sid in some}
    rc, out, err = cli(
        "--course", graded, "-q", "grade", F.AID, *some, "--force", "--cold",
        "--timeout", GRADE_TIMEOUT,
    )  # fmt: skip
    assert rc == 0, out + err
    assert {sid: v for sid, v in scores(graded).items() if sid in some} == want


def test_zygote_warms_the_traceback_module_cache():
    """Forked children inherit inspect's file-to-module map (see zygote._warm_inspect), so a
    failing test's traceback does not stat every loaded module's file again per submission."""
    import inspect
    import subprocess
    import sys

    probe = (
        "import inspect, autograder.zygote as z\n"
        "before = len(inspect._filesbymodname)\n"
        "z._warm_inspect()\n"
        "print(before, len(inspect._filesbymodname), 'json' in inspect._filesbymodname)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    before, after, has_json = out.stdout.split()
    assert int(before) == 0 and int(after) > 20 and has_json == "True"
    assert hasattr(inspect, "_filesbymodname")  # the private cache this relies on still exists


class _FakeZygoteProcess:
    """A zygote's pipes, scripted: everything it says arrives in one read."""

    def __init__(self, said: bytes):
        import io

        self.stdin = io.BytesIO()
        self._said = [said]
        self.stdout = self

    def read(self, _n):
        return self._said.pop(0) if self._said else None

    def poll(self):
        return None


@pytest.mark.parametrize(
    ("said", "want"),
    [
        (b'{"pid": 7}\n{"exit": -11}\n', -11),  # died at once: both lines in one read
        (b'{"exit": -9}\n{"pid": 7}\n', None),  # the previous child's exit, then the new pid
    ],
)
def test_a_child_that_dies_at_once_is_seen_dead(said, want):
    from autograder.zygote import Zygote

    z = Zygote.__new__(Zygote)
    z.proc, z.buf, z.current, z.starting, z.runs = _FakeZygoteProcess(said), b"", None, None, 0
    child = z.run("m", [], {}, "/", "/dev/null", [])
    assert child.poll() == want
    assert z.current is (None if want is not None else child)
