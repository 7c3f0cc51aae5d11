"""Kernel A: run ONE learner's code cells, export plain values, then answer calls by value.

``python -m autograder.learner_run PLAN.json`` runs inside the learner sandbox (no network,
unprivileged, limited). Everything this process writes is untrusted data for the grader: it
never decides a grade. Steps:

1. copy the submission's files into the private working directory and chdir there;
2. run each code cell in an IPython shell with a per-cell time limit, capturing (capped) output;
   before each cell, ``progress`` names it, so that the grader can stop a cell that ignores the
   limit (or that kills this process) and run the notebook again without it;
3. after each answer cell, write a snapshot of the global names (``safevalues.encode``);
4. write ``ready`` and serve function calls on a unix socket: arguments and results cross as
   plain values, so the grader's kernel can call a learner's function without running it.
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


def snapshot(ns: dict, key: str, registry: dict, baseline: dict, exported: dict | None = None):
    """The learner's global names as plain values after the answer cell ``key``.

    ``exported`` (name -> (fingerprint, key of the snapshot that holds it)) spares re-encoding
    a frame or an array that no cell changed since an earlier snapshot: it is written as
    ``{"t": "same", "key": ...}``, which the grader's loader resolves (``bside.Loader``).
    """
    _restore()
    out, rejected = {}, {}
    exported = {} if exported is None else exported
    for name, value in list(ns.items()):
        if name.startswith("_") or name in SKIP_NAMES:
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
        if isinstance(value, (types.FunctionType, type, types.BuiltinFunctionType)):
            where = getattr(value, "__module__", None)
            if isinstance(value, types.FunctionType) and where in ("__main__", None):
                registry[(key, name)] = value  # the learner's own function: called by value
                out[name] = {"t": "func", "name": name, "key": key}
            elif isinstance(where, str):  # imported from a library: the grader imports it
                qual = getattr(value, "__qualname__", name)
                out[name] = {"t": "libref", "module": where, "name": qual}
            continue
        try:
            out[name] = sv.encode(value)
            if hashed:
                exported[name] = (mark, key)
        except (sv.Unsupported, RecursionError, ValueError, TypeError) as exc:
            rejected[name] = str(exc)[:200]
        except Exception as exc:
            rejected[name] = f"{type(exc).__name__}"[:200]
    return {"values": out, "rejected": rejected}


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
    real_out, real_err = sys.stdout, sys.stderr

    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    shell.history_manager.enabled = False
    ns = shell.user_ns
    registry: dict = {}
    baseline: dict = {}
    exported: dict = {}
    results = []
    signal.signal(signal.SIGALRM, _alarm)
    progress = os.path.join(xchg, "progress")

    def write(name, doc):
        tmp = os.path.join(xchg, name + ".tmp")
        text = json.dumps(doc)  # json.dump streams through the slow pure-Python encoder
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, os.path.join(xchg, name))

    for i, cell in enumerate(plan["cells"]):
        if i in plan["skip"]:
            results.append({"index": i, "skipped": True})
            continue
        with open(progress, "w") as fh:
            fh.write(str(i))
        cap = Capped(limit)
        sys.stdout = sys.stderr = cap
        err = None
        try:
            signal.setitimer(signal.ITIMER_REAL, timeout)
            res = shell.run_cell(cell["source"], store_history=False, silent=False)
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
        results.append({"index": i, "output": cap.text(), "error": err})
        if cell.get("locked"):
            _restore()
            for name, value in list(ns.items()):
                if not name.startswith("_"):
                    baseline[name] = fingerprint(value)
        if cell.get("snapshot"):
            doc = snapshot(ns, cell["snapshot"], registry, baseline, exported)
            doc["error"] = err
            write(f"snap-{cell['snapshot']}.json", doc)
    with open(progress, "w") as fh:
        fh.write(str(len(plan["cells"])))
    write("snap-final.json", snapshot(ns, "final", registry, baseline, exported))
    write("outputs.json", results)
    # a unix socket path is limited to 108 bytes: reach the directory through a descriptor
    dirfd = os.open(xchg, os.O_PATH)
    path = f"/proc/self/fd/{dirfd}/call.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    os.chmod(os.path.join(xchg, "call.sock"), 0o777)
    server.listen(4)
    with open(os.path.join(xchg, "ready"), "w") as fh:
        fh.write("1")
    call_timeout = float(plan.get("call_timeout", timeout))
    while True:
        conn, _ = server.accept()
        # each call runs in a child: one that hangs, crashes or exits costs only that call
        pid = os.fork()
        if pid == 0:
            try:
                signal.signal(signal.SIGALRM, _alarm)
                serve_one(conn, registry, call_timeout, limit)
            finally:
                os._exit(0)
        conn.close()
        deadline = time.monotonic() + call_timeout + 0.5
        while time.monotonic() < deadline:
            if os.waitpid(pid, os.WNOHANG) != (0, 0):
                break
            time.sleep(0.01)
        else:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.waitpid(pid, 0)
        _kill_strays()


def _recv_line(conn, limit=64 * 1024 * 1024) -> bytes:
    data = b""
    while not data.endswith(b"\n"):
        chunk = conn.recv(1 << 16)
        if not chunk:
            break
        data += chunk
        if len(data) > limit:
            raise ValueError("request too large")
    return data


def serve_one(conn, registry, timeout, limit):
    sys.stdout = sys.stderr = Capped(limit)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        req = json.loads(_recv_line(conn))
        fn = registry[(req["key"], req["name"])]
        args = [sv.decode(a) for a in req["args"]]
        kwargs = {k: sv.decode(v) for k, v in req["kwargs"].items()}
        value = fn(*args, **kwargs)
        _restore()
        reply = {"ok": sv.encode(value)}
        data = json.dumps(reply).encode() + b"\n"
    except BaseException as exc:  # the learner's function may raise anything
        _restore()
        data = json.dumps({"error": f"{type(exc).__name__}: {str(exc)[:300]}"}).encode() + b"\n"
    signal.setitimer(signal.ITIMER_REAL, 0)
    with contextlib.suppress(OSError):
        conn.sendall(data)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
