"""The hostile corpus: state-named submissions that attack the grader, built in code.

Each case is ``name -> (builder, expected auto points out of 3)``. A builder gets the release
notebook (a copy) and a context (the course path, a port the test listens on, the test's pid)
and returns a notebook, or ``bytes`` written as the notebook file as is. Attacks sit in cells
of their own (or in a wrong answer) so that the expected score is what the honest parts earn.
Anything an attack manages to read is printed after ``LEAK:``; the test checks that no graded
notebook contains that word.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import fixturelib as F
import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell

MEAN_WRONG = "def mean(xs):\n    return 0"
# the limits the corpus is graded with (the test and benchmarks/hostile_report.py); the
# disk-quota case checks what it could write against the two totals, two slots at a time
LIMITS = [
    *("--timeout", "3", "--memory-mb", "768", "--max-processes", "48", "--max-file-mb", "16"),
    *("--max-disk-mb", "64", "--max-tmp-mb", "32", "--jobs", "2"),
]


@dataclass
class Ctx:
    course: str
    port: int
    pid: int


# where kernel A's exchange folder is, whichever layout the grader uses (it is next to the
# working folder): the attacks below find it without being told
XCHG = (
    "import os\n"
    "_xchg = next(p for p in ('/etika/xchg', os.path.join(os.getcwd(), '..', 'xchg'))"
    " if os.path.isdir(p))\n"
)


def _with(nb, *cells, before="mean_answer", mean=F.MEAN_OK):
    """The correct notebook (unless ``mean`` says otherwise), plus extra cells before one."""
    F.correct(nb)
    F._set(nb, "mean_answer", mean)
    idx = next(
        i
        for i, c in enumerate(nb.cells)
        if c.metadata.get("nbgrader", {}).get("grade_id") == before
    )
    nb.cells[idx:idx] = [new_code_cell(src) for src in cells]
    return nb


def _try(code: str) -> str:
    """Run ``code``; print LEAK: and what it got if it worked."""
    body = "\n".join("    " + line for line in code.splitlines())
    return (
        f"try:\n{body}\n    print('LEAK:', str(_got)[:200])\n"
        "except BaseException as e:\n    print('denied', type(e).__name__)"
    )


def _gid(nb, gid):
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == gid)


def case_read_answer_key(nb, ctx):
    return _with(nb, _try(f"_got = open({ctx.course + '/source/ps1/ps1.ipynb'!r}).read()"))


def case_read_gradebook(nb, ctx):
    return _with(nb, _try(f"_got = open({ctx.course + '/gradebook.db'!r}, 'rb').read()"))


def case_write_gradebook(nb, ctx):
    code = (
        "import sqlite3\n"
        f"_c = sqlite3.connect({ctx.course + '/gradebook.db'!r})\n"
        "_c.execute('UPDATE grade SET auto_score = 0')\n_c.commit()\n_got = 'wrote'"
    )
    return _with(nb, _try(code))


def case_read_other_submission(nb, ctx):
    path = ctx.course + "/submitted/ref-correct/ps1/ps1.ipynb"
    return _with(nb, _try(f"_got = open({path!r}).read()"))


def case_write_other_submission(nb, ctx):
    path = ctx.course + "/submitted/ref-correct/ps1/ps1.ipynb"
    return _with(nb, _try(f"open({path!r}, 'w').write('{{}}')\n_got = 'wrote'"))


def case_list_course_and_home(nb, ctx):
    code = f"import os\n_got = os.listdir({ctx.course!r}) + os.listdir('/root')"
    return _with(nb, _try(code))


def case_network_localhost(nb, ctx):
    code = f"import socket\n_got = socket.create_connection(('127.0.0.1', {ctx.port}), timeout=1)"
    return _with(nb, _try(code))


def case_network_internet(nb, ctx):
    code = "import socket\n_got = socket.create_connection(('1.1.1.1', 80), timeout=1)"
    return _with(nb, _try(code))


def case_fork_bomb(nb, ctx):
    code = "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass"
    return _with(nb, code)


def case_memory_bomb(nb, ctx):
    return _with(nb, "_hog = []\nwhile True:\n    _hog.append(bytearray(50 * 1024 * 1024))")


def case_output_100mb(nb, ctx):
    code = "import os\nfor _ in range(50):\n    print('x' * 1_000_000)\n"
    code += "    os.write(1, b'y' * 1_000_000)"
    return _with(nb, code)


def case_file_1gb(nb, ctx):
    code = "with open('big.bin', 'wb') as fh:\n    for _ in range(1024):\n"
    code += "        fh.write(b'0' * (1 << 20))"
    return _with(nb, code)


def case_delete_outside(nb, ctx):
    code = (
        "import shutil, os\n"
        f"shutil.rmtree({ctx.course + '/source'!r})\n"
        f"os.remove({ctx.course + '/gradebook.db'!r})\n"
        f"shutil.rmtree({ctx.course + '/submitted'!r})\n"
        "_got = 'deleted'"
    )
    return _with(nb, _try(code), _try("open('/etc/hostname', 'a').write('x')\n_got = 'etc'"))


def case_remount_writable(nb, ctx):
    code = "import subprocess\n_r = subprocess.run(['mount', '-o', 'remount,rw', '/usr'])\n"
    code += "assert _r.returncode == 0\n_got = 'remounted'"
    return _with(nb, _try(code))


def case_kill_parent(nb, ctx):
    code = f"import os, signal\nfor _p in (os.getppid(), 1, {ctx.pid}, -1):\n"
    code += "    try:\n        os.kill(_p, signal.SIGKILL)\n    except OSError:\n        pass"
    return _with(nb, code)


def case_input(nb, ctx):
    return _with(nb, "name = input('your name? ')")


def case_os_exit(nb, ctx):
    return _with(nb, "import os\nos._exit(0)")


def case_segfault(nb, ctx):
    return _with(nb, "import ctypes\nctypes.string_at(0)")


def case_sys_exit(nb, ctx):
    return _with(nb, "import sys\nsys.exit(3)")


def case_loop_ignoring_signals(nb, ctx):
    code = (
        "import signal\nfor _s in (signal.SIGINT, signal.SIGALRM, signal.SIGTERM):\n"
        "    signal.signal(_s, signal.SIG_IGN)\nwhile True:\n    pass"
    )
    return _with(nb, code)


def case_forge_input_transformer(nb, ctx):
    code = "get_ipython().input_transformers_post.append(lambda lines: ['pass\\n'])"
    return _with(nb, code, mean=MEAN_WRONG, before="reflection_q")


def case_forge_ast_transformer(nb, ctx):
    code = (
        "import ast\nclass _Blank(ast.NodeTransformer):\n"
        "    def visit_Assert(self, node):\n        return ast.Pass()\n"
        "get_ipython().ast_transformers.append(_Blank())"
    )
    return _with(nb, code, mean=MEAN_WRONG)


def case_forge_settrace(nb, ctx):
    code = "import sys\nsys.settrace(lambda *a: None)\nsys.setprofile(lambda *a: None)"
    return _with(nb, code, mean=MEAN_WRONG)


def case_forge_patched_modules(nb, ctx):
    code = (
        "import math, builtins\nmath.isclose = lambda *a, **k: True\n"
        "builtins.isinstance = lambda *a: True\n"
        "builtins.AssertionError = type('E', (Exception,), {})"
    )
    return _with(nb, code, mean=MEAN_WRONG, before="reflection_q")


def case_forge_always_equal(nb, ctx):
    mean = (
        "class _Yes(float):\n    def __eq__(self, other):\n        return True\n"
        "    __hash__ = float.__hash__\n"
        "class _All:\n    def __eq__(self, other):\n        return True\n"
        "def mean(xs):\n    return _Yes(0) if len(xs) == 2 else _All()"
    )
    return _with(nb, mean=mean)


def case_forge_float_subclass(nb, ctx):
    mean = (
        "class _F(float):\n    def __eq__(self, other):\n        return True\n"
        "    __hash__ = float.__hash__\ndef mean(xs):\n    return _F(0)"
    )
    return _with(nb, mean=mean)


def case_forge_prefilled_outputs(nb, ctx):
    F.correct(nb)
    F._set(nb, "mean_answer", MEAN_WRONG)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.execution_count = 1
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="all passed")]
    return nb


def case_forge_huge_result(nb, ctx):
    return _with(nb, mean="def mean(xs):\n    return [0.0] * 3_000_000")


def case_forge_hanging_function(nb, ctx):
    mean = (
        "import signal\ndef mean(xs):\n    signal.signal(signal.SIGALRM, signal.SIG_IGN)\n"
        "    while True:\n        pass"
    )
    return _with(nb, mean=mean)


def case_duplicated_test_cell(nb, ctx):
    F.correct(nb)
    cell = _gid(nb, "mean_tests")
    nb.cells.insert(nb.cells.index(cell), nbformat.from_dict(json.loads(json.dumps(cell))))
    for i, c in enumerate(nb.cells):
        c["id"] = f"dup-{i}"
    return nb


def case_renamed_test_cell(nb, ctx):
    F.correct(nb)
    F._set(nb, "mean_answer", MEAN_WRONG)
    _gid(nb, "mean_tests").metadata["nbgrader"]["grade_id"] = "renamed"
    return nb


def case_deleted_test_cells(nb, ctx):
    return F._drop(F._drop(F.correct(nb), "mean_tests"), "count_tests")


def case_fake_grade_cell(nb, ctx):
    F.correct(nb)
    cell = new_code_cell(
        "assert True", metadata=F._meta("bonus", grade=True, locked=True, points=100)
    )
    nb.cells.append(cell)
    return nb


def case_schema_99(nb, ctx):
    F.correct(nb)
    for c in nb.cells:
        if "nbgrader" in c.metadata:
            c.metadata["nbgrader"]["schema_version"] = 99
    return nb


def case_stripped_metadata(nb, ctx):
    F.correct(nb)
    for c in nb.cells:
        c.metadata.pop("nbgrader", None)
    return nb


def case_warnings_stderr(nb, ctx):
    code = (
        "import sys, warnings\nimport pandas as pd\n"
        "from sklearn.linear_model import LogisticRegression\n"
        "LogisticRegression(max_iter=1).fit([[0], [1], [2], [3]], [0, 1, 0, 1])\n"
        "warnings.warn('deprecated', FutureWarning)\nprint('a warning', file=sys.stderr)\n"
        "pd.Series([1, 2]).astype('float64')"
    )
    mean = "import warnings\ndef mean(xs):\n    warnings.warn('careful', UserWarning)\n"
    mean += "    return sum(xs) / len(xs)"
    return _with(nb, code, mean=mean)


def case_numpy_beside_notebook(nb, ctx):
    # the file numpy.py is added by the test next to the notebook (see EXTRA_FILES)
    return _with(nb, "import numpy", mean=MEAN_WRONG)


def case_many_cells(nb, ctx):
    F.correct(nb)
    nb.cells.extend(new_code_cell("x = 1", id=f"x{i}") for i in range(50_000))
    nb.cells.extend(new_markdown_cell("y", id=f"y{i}") for i in range(100))
    return nb


def case_not_a_notebook(nb, ctx):
    return json.dumps({"hello": "world", "cells": "nope"}).encode()


def case_not_json(nb, ctx):
    return b'{"cells": [ this is not json'


def case_invalid_utf8(nb, ctx):
    text = nbformat.writes(_with(nb, "# caf\u00e9"))
    return text.encode().replace("caf\u00e9".encode(), b"caf\xff\xfe")


def case_forge_snapshot_files(nb, ctx):
    # kernel A can write its exchange files: a forged value must not cross as anything but data
    code = (
        "import os, json\n_cmd = open('/proc/self/cmdline').read().split('\\0')\n"
        "_x = [p for p in _cmd if p.endswith('.json')]\n"
        "_plan = json.load(open(_x[0]))\n"
        "open(os.path.join(_plan['xchg'], 'snap-mean_answer.json'), 'w').write(json.dumps("
        "{'values': {'mean': {'t': 'pickle', 'v': 'x'}}, 'error': None}))"
    )
    return _with(nb, code, mean=MEAN_WRONG, before="count_answer")


def case_export_links(nb, ctx):
    # after its (wrong) answer is exported, point the export at every place another learner's
    # could be: the other slot's exchange folder (the layout before neutral paths), a hard
    # link, a FIFO; links to a file of the grader's too. None may be read as this answer.
    code = XCHG + (
        "_snap = os.path.join(_xchg, 'snap-mean_answer.json')\n"
        "_targets = [os.path.join(_xchg, '..', '..', '..', f'slot-{i}', 'a-ps1', 'xchg',"
        " 'snap-mean_answer.json') for i in (0, 1, 2, 3)]\n"
        "_targets += ['/etika/learner/ps1/snap-mean_answer.json', '/etc/passwd']\n"
        "_mine = os.path.realpath(_xchg)\n"
        "_other = [t for t in _targets[:4] if os.path.realpath(os.path.dirname(t)) != _mine]\n"
        "os.unlink(_snap)\n"
        "os.symlink(_other[0], _snap)\n"
        "for _i, _t in enumerate(_other[1:] + _targets[4:]):\n"
        "    os.symlink(_t, os.path.join(_xchg, f'snap-link{_i}.json'))\n"
        "print('linked', _other[0])"
    )
    cell = "try:\n" + "\n".join("    " + x for x in code.splitlines())
    cell += "\nexcept OSError as e:\n    print('could not', e)"
    return _with(nb, cell, mean=MEAN_WRONG, before="count_answer")


def case_fifo_progress(nb, ctx):
    # the file the grader reads to see which cell runs becomes a FIFO (a read of it would
    # wait forever), then the cell hangs: its limit must still stop it
    code = XCHG + (
        "_p = os.path.join(_xchg, 'progress')\n"
        "os.unlink(_p)\nos.mkfifo(_p)\n"
        "for _n in ('outputs.json', 'ready', 'snap-final.json', 'progress'):\n"
        "    _t = os.path.join(_xchg, _n + '.tmp')\n"
        "    if not os.path.exists(_t):\n"
        "        os.mkfifo(_t)\n"
        "import signal\nsignal.signal(signal.SIGALRM, signal.SIG_IGN)\n"
        "while True:\n    pass"
    )
    return _with(nb, code)


def case_fifo_exports(nb, ctx):
    # FIFOs and links where kernel A writes its exports next (and a link as the log): each is
    # replaced by a fresh file, never opened, and the run goes on
    code = XCHG + (
        "for _n in ('outputs.json', 'ready', 'snap-final.json', 'snap-count_answer.json',"
        " 'outputs.json.tmp', 'ready.tmp', 'snap-final.json.tmp', 'progress.tmp'):\n"
        "    os.mkfifo(os.path.join(_xchg, _n))\n"
        "os.symlink('/etc/passwd', os.path.join(_xchg, 'call.sock'))"
    )
    return _with(nb, code, before="count_answer")


def case_many_directories(nb, ctx):
    # as many folders as it can make in two seconds, everywhere it may write: the slot's
    # cleanup must not pass them on to the next learner (in the time or in the files)
    code = XCHG + (
        "import time\n_start = time.monotonic()\n_n = 0\n"
        "for _k, _top in enumerate(('/tmp', '/dev/shm', os.getcwd(), _xchg)):\n"
        "    _d = os.path.join(_top, 'many')\n"
        "    try:\n        os.mkdir(_d)\n    except OSError:\n        continue\n"
        "    while time.monotonic() < _start + 0.5 * (_k + 1):\n"
        "        try:\n"
        "            os.mkdir(os.path.join(_d, str(_n)))\n            _n += 1\n"
        "        except OSError:\n            break\n"
        "print('made', _n)\n"
        "import shutil\nshutil.rmtree(os.path.join(_xchg, 'many'), ignore_errors=True)"
    )
    return _with(nb, code)


def case_disk_quota(nb, ctx):
    # up to 1 GiB in each place it may write, in files under the per-file limit; more than the
    # total limit (the test's --max-disk-mb / --max-tmp-mb, plus slack) is a LEAK. The exchange
    # folder is emptied again: the answers exported after this cell still need room there.
    code = XCHG + (
        "_limits = {'/tmp': 32, '/dev/shm': 32, os.getcwd(): 64, _xchg: 64}\n"
        "_chunk = b'0' * (4 << 20)\n_over = []\n"
        "for _top, _mb in _limits.items():\n"
        "    _w = 0\n"
        "    try:\n"
        "        for _i in range(256):\n"
        "            with open(os.path.join(_top, f'fill{_i}'), 'wb') as _fh:\n"
        "                for _ in range(2):\n"
        "                    _fh.write(_chunk)\n                    _w += 4\n"
        "    except OSError as e:\n"
        "        print('full', _top, _w, type(e).__name__)\n"
        "    if _w > _mb + 8:\n        _over.append((_top, _w))\n"
        "for _n in os.listdir(_xchg):\n"
        "    if _n.startswith('fill'):\n        os.unlink(os.path.join(_xchg, _n))\n"
        "if _over:\n    print('LEAK:', _over)"
    )
    return _with(nb, code)


def case_course_path(nb, ctx):
    # everything a learner can read about where it runs: none may name the course (and so
    # the grader's folders, which are inside it)
    code = (
        "import os, sys, traceback, json\n"
        "_seen = [os.getcwd(), os.path.realpath('.'), *sys.argv, *sys.path,"
        " json.dumps(dict(os.environ)), os.path.realpath(sys.executable)]\n"
        "for _p in os.listdir('/proc'):\n"
        "    for _f in ('cmdline', 'environ', 'mountinfo'):\n"
        "        try:\n"
        "            _seen.append(open(f'/proc/{_p}/{_f}', 'rb').read().decode(errors='replace'))\n"
        "        except OSError:\n            pass\n"
        "    try:\n        _seen.append(os.readlink(f'/proc/{_p}/cwd'))\n"
        "    except OSError:\n        pass\n"
        "try:\n    json.loads('{')\nexcept ValueError:\n    _seen.append(traceback.format_exc())\n"
        "import autograder, etika\n_seen += [autograder.__file__, etika.__file__]\n"
        "for _top in ('/etika', os.path.expanduser('~')):\n"
        "    for _root, _dirs, _files in os.walk(_top):\n"
        "        _seen += [_root, *_files]\n"
        "        for _f in _files:\n"
        "            try:\n"
        "                with open(os.path.join(_root, _f), errors='replace') as _fh:\n"
        "                    _seen.append(_fh.read(65536))\n"
        "            except OSError:\n                pass\n"
        # reversed in the source: the plan that carries this cell must not match itself
        f"_secret = {ctx.course[::-1]!r}[::-1]\n"
        "_found = [s[max(0, s.find(_secret) - 40):][:160] for s in _seen if _secret in s]\n"
        "if _found:\n    print('LE' + 'AK:', _found[:3])  # shown as source: not the word\n"
        "from autograder import safevalues\n"
        "try:\n    safevalues.decode({'t': 'where'})\nexcept Exception:\n"
        "    traceback.print_exc(file=sys.stdout)\n"
        "print('where am I:', os.getcwd())\n"
    )
    # in the answer cell: its output is what the autograded notebook and the feedback show
    return _with(nb, mean=code + F.MEAN_OK)


def case_forged_note(nb, ctx):
    # a cell whose id (the learner's own metadata) would print a forged line and clear the
    # screen when the grader names it in a note: the cell hangs past its limit, so that the
    # grader stops it and names it
    F.correct(nb)
    cell = new_code_cell(
        "import signal\nsignal.signal(signal.SIGALRM, signal.SIG_IGN)\nwhile True:\n    pass",
        metadata={"nbgrader": {"grade_id": "x\nFAILED ref-correct: forged\x1b[2J\u202e"}},
    )
    nb.cells.insert(1, cell)
    return nb


CASES = {
    "ref-correct": (lambda nb, ctx: F.correct(nb), 3.0),
    "ref-partial": (
        lambda nb, ctx: F._set(F.correct(nb), "count_answer", "def count_above(t):\n    return 0"),
        2.0,
    ),
    "hostile-read-answer-key": (case_read_answer_key, 3.0),
    "hostile-read-gradebook": (case_read_gradebook, 3.0),
    "hostile-write-gradebook": (case_write_gradebook, 3.0),
    "hostile-read-other-submission": (case_read_other_submission, 3.0),
    "hostile-write-other-submission": (case_write_other_submission, 3.0),
    "hostile-list-course-and-home": (case_list_course_and_home, 3.0),
    "hostile-network-localhost": (case_network_localhost, 3.0),
    "hostile-network-internet": (case_network_internet, 3.0),
    "hostile-fork-bomb": (case_fork_bomb, 3.0),
    "hostile-memory-bomb": (case_memory_bomb, 3.0),
    "hostile-output-100mb": (case_output_100mb, 3.0),
    "hostile-file-1gb": (case_file_1gb, 3.0),
    "hostile-delete-outside": (case_delete_outside, 3.0),
    "hostile-remount-writable": (case_remount_writable, 3.0),
    "hostile-kill-parent": (case_kill_parent, 3.0),
    "hostile-input": (case_input, 3.0),
    "hostile-os-exit": (case_os_exit, 3.0),
    "hostile-segfault": (case_segfault, 3.0),
    "hostile-sys-exit": (case_sys_exit, 3.0),
    "hostile-loop-ignoring-signals": (case_loop_ignoring_signals, 3.0),
    "forge-input-transformer": (case_forge_input_transformer, 1.0),
    "forge-ast-transformer": (case_forge_ast_transformer, 1.0),
    "forge-settrace": (case_forge_settrace, 1.0),
    "forge-patched-modules": (case_forge_patched_modules, 1.0),
    "forge-always-equal": (case_forge_always_equal, 1.0),
    "forge-float-subclass": (case_forge_float_subclass, 1.0),
    "forge-prefilled-outputs": (case_forge_prefilled_outputs, 1.0),
    "forge-huge-result": (case_forge_huge_result, 1.0),
    "forge-hanging-function": (case_forge_hanging_function, 1.0),
    "forge-numpy-beside-notebook": (case_numpy_beside_notebook, 1.0),
    "forge-snapshot-files": (case_forge_snapshot_files, 1.0),
    "broken-duplicated-test-cell": (case_duplicated_test_cell, 3.0),
    "broken-renamed-test-cell": (case_renamed_test_cell, 1.0),
    "broken-deleted-test-cells": (case_deleted_test_cells, 3.0),
    "broken-fake-grade-cell": (case_fake_grade_cell, 3.0),
    "broken-schema-99": (case_schema_99, 3.0),
    "broken-stripped-metadata": (case_stripped_metadata, 3.0),
    "broken-many-cells": (case_many_cells, 3.0),
    "broken-not-a-notebook": (case_not_a_notebook, 0.0),
    "broken-not-json": (case_not_json, 0.0),
    "broken-invalid-utf8": (case_invalid_utf8, 3.0),
    "warnings-on-stderr": (case_warnings_stderr, 3.0),
    # containment (issue 13): each is graded beside the others, two slots at a time
    "contain-export-links": (case_export_links, 1.0),
    "contain-fifo-progress": (case_fifo_progress, 3.0),
    "contain-fifo-exports": (case_fifo_exports, 3.0),
    "contain-many-directories": (case_many_directories, 3.0),
    "contain-disk-quota": (case_disk_quota, 3.0),
    "contain-course-path": (case_course_path, 3.0),
    "contain-forged-note": (case_forged_note, 3.0),
}

# files shipped next to the notebook by some cases
EXTRA_FILES = {
    "forge-numpy-beside-notebook": {
        "numpy.py": "import builtins\nbuiltins.AssertionError = type('E', (Exception,), {})\n"
        "import sys\nsys.modules['math'].isclose = lambda *a, **k: True\n"
    }
}


def write_submissions(course, release_nb, ctx: Ctx, names=None) -> None:
    """Write each case straight into submitted/ (as a collected submission would be)."""
    for name in names or CASES:
        builder, _ = CASES[name]
        nb = nbformat.read(release_nb, as_version=4)
        out = builder(nb, ctx)
        dest = course / "submitted" / name / F.AID
        dest.mkdir(parents=True)
        data = out if isinstance(out, bytes) else nbformat.writes(out).encode()
        (dest / f"{F.AID}.ipynb").write_bytes(data)
        (dest / "timestamp.txt").write_text("2026-11-20 10:00:00.000000 UTC")
        for fname, text in EXTRA_FILES.get(name, {}).items():
            (dest / fname).write_text(text)
