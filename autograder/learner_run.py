"""Kernel A: run ONE learner's code cells, export plain values, then answer calls by value.

``python -m autograder.learner_run PLAN.json`` runs inside the learner sandbox (no network,
unprivileged, limited). Everything this process writes is untrusted data for the grader: it
never decides a grade. Steps:

1. copy the submission's files into the private working directory and chdir there;
2. run each code cell in an IPython shell with a per-cell time limit, capturing (capped) output;
   before each cell, ``progress`` names it, so that the grader can stop a cell that ignores the
   limit (or that kills this process) and run the notebook again without it;
3. after each answer cell, write a snapshot of the global names (``safevalues.encode``);
4. write ``ready`` and answer the grader's kernel on a unix socket: it works on the learner's
   objects through references (``learner_objects``), so no learner code runs on its side.
"""

from __future__ import annotations

import builtins
import contextlib
import hashlib
import io
import json
import os
import shutil
import signal
import socket
import sys
import time
import types

from autograder import safevalues as sv

SKIP_NAMES = {"In", "Out", "exit", "quit", "get_ipython", "open"}
_BUILTINS = dict(vars(builtins))


def _restore() -> None:
    """Undo what learner code may have done to the interpreter before the runner exports."""
    sys.settrace(None)
    sys.setprofile(None)
    vars(builtins).update(_BUILTINS)


class CellTimeout(Exception):
    pass


class Capped(io.TextIOBase):
    def __init__(self, limit: int):
        self.buf: list[str] = []
        self.size = 0
        self.limit = limit
        self.dropped = 0

    def writable(self):
        return True

    def write(self, s):
        s = str(s)
        room = self.limit - self.size
        if room > 0:
            self.buf.append(s[:room])
            self.size += min(len(s), room)
        self.dropped += max(0, len(s) - max(room, 0))
        return len(s)

    def text(self):
        out = "".join(self.buf)
        if self.dropped:
            out += f"\n[... {self.dropped} more characters of output not kept]"
        return out


def _alarm(_sig, _frame):
    raise CellTimeout("time limit for this cell reached")


KILL_STRAYS = False  # only inside the sandbox's own pid namespace


def _kill_strays():
    # anything this cell started in the background (a fork bomb, a server) stops here
    if KILL_STRAYS:
        with contextlib.suppress(OSError):
            os.kill(-1, signal.SIGKILL)


def fingerprint(value):
    """Identity plus, for arrays and frames, content: 'still what the setup cell made'."""
    kind = type(value).__name__
    try:
        if kind in ("DataFrame", "Series"):
            import pandas as pd

            rows = pd.util.hash_pandas_object(value, index=True).to_numpy()
            kind = f"{getattr(value, 'columns', '')}{getattr(value, 'dtypes', '')}"
            return (id(value), hashlib.sha256(rows.tobytes()).hexdigest(), len(rows), kind)
        if kind == "ndarray":
            return (id(value), hashlib.sha256(value.tobytes()).hexdigest(), value.shape)
    except Exception:
        return None
    return (id(value),)


CONTENT_HASHED = ("DataFrame", "Series", "ndarray")  # fingerprint() covers their content


STATEFUL_MODULES = {"matplotlib.pyplot"}  # their state is the learner's (the current figure)


def snapshot(ns: dict, key: str, objects, baseline: dict, exported: dict | None = None):
    """The learner's global names after the answer cell ``key``: plain values, or references
    to the objects in ``objects`` (``learner_objects.Objects``).

    ``exported`` (name -> (fingerprint, key of the snapshot that holds it)) spares re-encoding
    a frame or an array that no cell changed since an earlier snapshot: it is written as
    ``{"t": "same", "key": ...}``, which the grader's loader resolves (``bside.Loader``).
    """
    _restore()
    objects.remember(key)
    out, rejected = {}, {}
    exported = {} if exported is None else exported
    for name, value in list(ns.items()):
        if name.startswith("_") or name in SKIP_NAMES:
            continue
        if isinstance(value, types.ModuleType) and value.__name__ in STATEFUL_MODULES:
            out[name] = objects.ref(value)  # the tests draw on, and read, the learner's figures
            continue
        mark = fingerprint(value)
        if name in baseline and baseline[name] == mark:
            continue  # made by a locked setup cell and untouched: the grader makes its own
        hashed = type(value).__name__ in CONTENT_HASHED and mark is not None
        seen = exported.pop(name, None)
        if hashed and seen is not None and seen[0] == mark:
            out[name] = {"t": "same", "key": seen[1]}
            exported[name] = seen
            continue
        try:
            if isinstance(value, (types.FunctionType, type, types.BuiltinFunctionType)):
                where = getattr(value, "__module__", None)
                if isinstance(where, str) and where != "__main__":
                    # a library's: the grader uses its own (the learner's side if it has none)
                    qual = getattr(value, "__qualname__", name)
                    ref = objects.ref(value)
                    out[name] = {"t": "libref", "module": where, "name": qual, "ref": ref}
                    continue
            out[name] = objects.export(value)
            if hashed:
                exported[name] = (mark, key)
        except (sv.Unsupported, RecursionError, ValueError, TypeError) as exc:
            rejected[name] = str(exc)[:200]
        except Exception as exc:
            rejected[name] = f"{type(exc).__name__}"[:200]
    return {"values": out, "rejected": rejected}


def _new_shell():
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    shell.history_manager.enabled = False
    return shell


def _run_cell(shell, source: str, timeout: float, limit: int) -> tuple[str, str | None]:
    """Run one cell with a time limit; its capped output and its error, if any."""
    real_out, real_err = sys.stdout, sys.stderr
    cap = Capped(limit)
    sys.stdout = sys.stderr = cap
    err = None
    try:
        signal.setitimer(signal.ITIMER_REAL, timeout)
        res = shell.run_cell(source, store_history=False, silent=False)
        signal.setitimer(signal.ITIMER_REAL, 0)
        exc = res.error_in_exec or res.error_before_exec
        if exc is not None:
            err = f"{type(exc).__name__}: {str(exc)[:300]}"
    except BaseException as exc:
        signal.setitimer(signal.ITIMER_REAL, 0)
        err = f"{type(exc).__name__}: {str(exc)[:300]}"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        sys.stdout, sys.stderr = real_out, real_err
    _kill_strays()
    signal.signal(signal.SIGALRM, _alarm)
    return cap.text(), err


def _set_baseline(ns: dict, baseline: dict) -> None:
    """After a locked cell: what its names hold now is the grader's own setup, not an answer."""
    _restore()
    for name, value in list(ns.items()):
        if not name.startswith("_"):
            baseline[name] = fingerprint(value)


# Warm zygote only (``prepare``): the release's leading locked cells, run once before any
# submission, as (sources, shell, baseline, results).
PRELUDE: tuple | None = None
PREPARE_SECONDS = 60  # all setup cells together; the zygote must answer "ready" within 120 s


def prepare(path: str) -> None:
    """Run the release's setup cells once in the zygote, for each forked run to start from.

    The plan at ``path`` (written by the grader: ``cells``, ``cwd`` holding the assignment's
    files, ``timeout``, ``output_bytes``) is trusted: only the RELEASE's locked cells, so the
    zygote still runs no learner code. A run uses it only if its notebook starts with exactly
    these cells (``_take_prelude``); a fork has its own copy, so no submission sees another's.
    """
    global PRELUDE
    with open(path, encoding="utf-8") as fh:
        plan = json.load(fh)
    here = os.getcwd()
    os.chdir(plan["cwd"])
    sys.path.insert(0, plan["cwd"])
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        shell = _new_shell()
        baseline: dict = {}
        results = []
        deadline = time.monotonic() + PREPARE_SECONDS
        for i, source in enumerate(plan["cells"]):
            budget = min(float(plan["timeout"]), deadline - time.monotonic())
            if budget <= 0:
                return
            output, err = _run_cell(shell, source, budget, plan["output_bytes"])
            if err is not None:
                return
            results.append({"index": i, "output": output, "error": None})
            _set_baseline(shell.user_ns, baseline)
        PRELUDE = (list(plan["cells"]), shell, baseline, results)
    finally:
        sys.path.remove(plan["cwd"])
        os.chdir(here)
        signal.signal(signal.SIGALRM, previous)


def _take_prelude(plan: dict):
    """(shell, baseline, results) prepared for this plan's first cells, or None."""
    global PRELUDE
    prelude, PRELUDE = PRELUDE, None
    if prelude is None:
        return None
    sources, shell, baseline, results = prelude
    head = plan["cells"][: len(sources)]
    fits = len(head) == len(sources) and all(
        cell.get("locked") and cell["source"] == source and i not in plan["skip"]
        for i, (cell, source) in enumerate(zip(head, sources, strict=True))
    )
    return (shell, baseline, results) if fits else None


def main(argv: list[str]) -> int:
    with open(argv[0], encoding="utf-8") as fh:
        plan = json.load(fh)
    xchg, work = plan["xchg"], plan["work"]
    global KILL_STRAYS
    KILL_STRAYS = bool(plan.get("kill_strays"))
    os.umask(0o022)
    for src in plan["files"]:
        dst = os.path.join(work, os.path.basename(src))
        with contextlib.suppress(OSError):
            if os.path.isdir(src):
                shutil.copytree(src, dst)
            else:
                shutil.copy(src, dst)
    os.chdir(work)
    sys.path.insert(0, work)
    timeout = float(plan["cell_timeout"])
    limit = int(plan["output_bytes"])

    prelude = _take_prelude(plan)
    if prelude is None:
        from IPython.core.interactiveshell import InteractiveShell

        InteractiveShell.clear_instance()  # a prepared shell that does not fit this plan
        shell = _new_shell()
        baseline: dict = {}
        results = []
    else:
        shell, baseline, results = prelude
    ns = shell.user_ns
    from autograder.learner_objects import Objects

    call_timeout = float(plan.get("call_timeout", timeout))
    objects = Objects(ns, call_timeout, limit, after=_kill_strays)
    exported: dict = {}
    signal.signal(signal.SIGALRM, _alarm)

    def put(name: str, data: bytes) -> None:
        # a fresh file put in place: whatever a cell left under that name (a FIFO the open
        # would wait on, a link to elsewhere) is replaced, never opened
        tmp = os.path.join(xchg, name + ".tmp")
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, os.path.join(xchg, name))

    def write(name, doc):
        put(name, json.dumps(doc).encode())  # json.dump streams through the slow encoder

    for i, cell in enumerate(plan["cells"]):
        if i < len(results):
            continue  # run in the zygote (prepare), before this submission existed
        if i in plan["skip"]:
            results.append({"index": i, "skipped": True})
            continue
        put("progress", str(i).encode())
        output, err = _run_cell(shell, cell["source"], timeout, limit)
        results.append({"index": i, "output": output, "error": err})
        if cell.get("locked"):
            _set_baseline(ns, baseline)
        if cell.get("snapshot"):
            doc = snapshot(ns, cell["snapshot"], objects, baseline, exported)
            doc["error"] = err
            write(f"snap-{cell['snapshot']}.json", doc)
    put("progress", str(len(plan["cells"])).encode())
    write("snap-final.json", snapshot(ns, "final", objects, baseline, exported))
    write("outputs.json", results)
    # a unix socket path is limited to 108 bytes: reach the directory through a descriptor
    dirfd = os.open(xchg, os.O_PATH)
    path = f"/proc/self/fd/{dirfd}/call.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
    server.bind(path)
    os.chmod(os.path.join(xchg, "call.sock"), 0o777)
    server.listen(4)
    put("ready", b"1")
    while True:
        # one grader's kernel at a time; state stays between its calls, as in one kernel
        conn, _ = server.accept()
        try:
            objects.serve_connection(conn)
        finally:
            with contextlib.suppress(OSError):
                conn.close()
        _kill_strays()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
