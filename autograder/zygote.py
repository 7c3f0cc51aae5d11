"""A warm fork server (zygote) inside one long-lived sandbox: heavy imports once per slot.

``python -m autograder.zygote MODULE... [--prepare=MODULE:PLAN]`` is started by the grader as
PID 1 of a bubblewrap sandbox (``--as-pid-1``), as the slot's unprivileged uid, with the slot's
limits. It imports the given modules, lets each ``--prepare`` module run the release's setup
cells once from a plan the grader wrote (``learner_run.prepare``, ``inprocess.prepare``), then
reads one JSON request per line on stdin (only the grader writes there) and
answers one JSON line per event on stdout:

- ``{"op": "run", "module": M, "argv": [...], "env": {...}, "cwd": D, "log": F, "wipe": [...],
  "seconds": S}`` first RESETS the slot (every other process in the sandbox is killed with
  ``kill(-1)``, which spares PID 1, until none is left; then a throw-away child empties each
  ``wipe`` directory and the SysV IPC objects and keyrings of the uid, and is killed if it takes
  more than ``S`` seconds), then forks a child that calls ``M.main(argv)``; answers
  ``{"pid": ...}`` and later ``{"exit": status}`` (negative: killed by that signal), or
  ``{"unclean": true}`` without forking when the wipe did not finish in time (the grader then
  replaces the sandbox: a fresh one is clean at once);
- ``{"op": "kill", "wipe": [...], "seconds": S}`` resets the slot the same way (the running
  child, if any, is reported as exited) and answers ``{"reset": true, "clean": bool}``: the
  grader resets before it touches the slot's folders, also when its last child is gone (a
  process that child left behind may still be running), and after each submission, so that
  the time its traces take to remove is charged to it, not to the next learner.

Why a learner cannot reach the next submission through it: the zygote never runs learner code
(imports and the release's own setup cells, before the first request, from root-owned files
the sandbox cannot write) and never reads a location the sandbox can write; as
the namespace's init it cannot be killed or stopped from inside (the kernel drops such signals
unless a handler is installed; SIGINT is ignored), and it is not dumpable, so a process of the
same uid cannot ptrace it or read its memory, environment or descriptors. Every child is forked
from this clean state, and the reset leaves no process, file or IPC object behind.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import importlib
import json
import os
import select
import signal
import stat
import sys
import time

PR_SET_DUMPABLE = 4
_libc = ctypes.CDLL(None, use_errno=True)


def _prctl_dumpable(on: int) -> None:
    _libc.prctl(PR_SET_DUMPABLE, on, 0, 0, 0)


def _kill_all() -> list[tuple[int, int]]:
    """SIGKILL every process in the namespace but this one; reap them. Returns (pid, status)."""
    reaped = []
    for _ in range(10_000):
        with contextlib.suppress(OSError):
            os.kill(-1, signal.SIGKILL)
        try:
            while True:
                pid, status = os.waitpid(-1, os.WNOHANG)
                if pid == 0:
                    break
                reaped.append((pid, status))
        except ChildProcessError:
            return reaped  # nothing left in the namespace
        time.sleep(0.002)
    return reaped


def _wipe(paths: list[str], seconds: float = 30.0) -> bool:
    """In a throw-away child (same uid): empty each directory, drop SysV IPC and keyrings.

    False if that took longer than ``seconds`` (the child is then killed): what is left is
    the slot's to drop, by replacing the sandbox, never the next submission's to wait for.
    """
    pid = os.fork()
    if pid:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                return os.waitstatus_to_exitcode(status) == 0
            time.sleep(0.002)
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        return False
    try:
        for top in paths:
            with contextlib.suppress(OSError):
                dev = os.lstat(top).st_dev
                for name in os.listdir(top):
                    _remove(os.path.join(top, name), dev)
        _drop_ipc()
        keyctl = 0xFA if os.uname().machine == "x86_64" else None  # SYS_keyctl
        if keyctl is not None:
            for ring in (-4, -5):  # KEY_SPEC_USER_KEYRING, KEY_SPEC_USER_SESSION_KEYRING
                _libc.syscall(keyctl, 7, ring)  # KEYCTL_CLEAR
    finally:
        os._exit(0)


def _remove(path: str, dev: int, depth: int = 0) -> None:
    """Delete a tree without following links or crossing into another mount (a bound folder)."""
    try:
        st = os.lstat(path)
    except OSError:
        return
    if st.st_dev != dev or depth > 200:
        return
    if stat.S_ISDIR(st.st_mode):
        with contextlib.suppress(OSError):
            os.chmod(path, 0o700)  # a learner may have made it unreadable
        with contextlib.suppress(OSError):
            for name in os.listdir(path):
                _remove(os.path.join(path, name), dev, depth + 1)
        with contextlib.suppress(OSError):
            os.rmdir(path)
    else:
        with contextlib.suppress(OSError):
            os.unlink(path)


def _drop_ipc() -> None:
    ipc_rmid = 0
    for kind, ctl in (("shm", "shmctl"), ("msg", "msgctl"), ("sem", "semctl")):
        try:
            with open(f"/proc/sysvipc/{kind}") as fh:
                rows = fh.read().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            parts = row.split()
            if len(parts) > 1:
                ident = int(parts[1])
                fn = getattr(_libc, ctl)
                if kind == "sem":
                    fn(ident, 0, ipc_rmid)
                else:
                    fn(ident, ipc_rmid, None)


def _warm_inspect() -> None:
    """Fill ``inspect``'s file-to-module cache once, here, for every child to inherit.

    IPython formats each traceback (a failed test, an erroring answer) with ``inspect.getmodule``,
    whose first call in a process resolves the real path of every loaded module's file: ~0.1 s
    with pandas and scikit-learn loaded, paid again by each fork unless the zygote pays it once.
    """
    import inspect

    inspect.getmodule(None, "<etika-warm-up>")


def _child(req: dict, proto_fds: tuple[int, ...]) -> None:
    rc = 1
    try:
        for fd in proto_fds:
            os.close(fd)
        os.setsid()
        _prctl_dumpable(1)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        with contextlib.suppress(OSError), open("/proc/self/oom_score_adj", "w") as fh:
            fh.write("1000")  # under memory pressure the learner goes first, not the zygote
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        log = os.open(req["log"], os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW, 0o644)
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.closerange(3, 4096)
        os.environ.clear()
        os.environ.update(req["env"])
        os.chdir(req["cwd"])
        sys.argv = [req["module"], *req["argv"]]
        module = importlib.import_module(req["module"])
        rc = module.main(list(req["argv"])) or 0
    except SystemExit as exc:
        rc = exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        import traceback

        traceback.print_exc()
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(rc)


def main(argv: list[str]) -> int:
    _prctl_dumpable(0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # never import from the working directory (a sandbox may write there)
    sys.path[:] = [p for p in sys.path if p and os.path.abspath(p) != os.getcwd()]
    proto_in = os.dup(0)
    proto_out = os.dup(1)
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(2, 1)  # nothing but say() may write to the grader's pipe: prints go to the log
    if "--block-rfc3987" in argv:
        # see worker.py: jsonschema's optional IRI grammar costs ~1 s and no schema uses it
        sys.modules.setdefault("rfc3987_syntax", None)
    for name in argv:
        if name.startswith("--"):
            continue
        with contextlib.suppress(Exception):
            importlib.import_module(name)
    for arg in argv:
        # --prepare=MODULE:PATH: MODULE.prepare(PATH) readies trusted state (inprocess.py runs
        # the release's setup cells once) that every forked child then starts from
        if arg.startswith("--prepare="):
            module, _, path = arg.removeprefix("--prepare=").partition(":")
            try:
                importlib.import_module(module).prepare(path)
            except Exception as exc:  # the children then simply start without it
                print(f"zygote: prepare {path} failed: {exc!r}", file=sys.stderr)
    _warm_inspect()
    gc.collect()
    gc.freeze()  # forked children do not copy the warm heap when they collect

    def say(doc: dict) -> None:
        os.write(proto_out, (json.dumps(doc) + "\n").encode())

    # a child's exit wakes the loop at once (the grader waits for its "exit" event)
    wake_r, wake_w = os.pipe()
    for fd in (wake_r, wake_w):
        os.set_blocking(fd, False)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    signal.set_wakeup_fd(wake_w, warn_on_full_buffer=False)

    say({"ready": os.getpid()})
    buf = b""
    child = None
    while True:
        ready, _, _ = select.select([proto_in, wake_r], [], [], 0.5)
        if wake_r in ready:
            with contextlib.suppress(BlockingIOError):
                os.read(wake_r, 4096)
        if proto_in in ready:
            chunk = os.read(proto_in, 1 << 16)
            if not chunk:
                _kill_all()
                return 0
            buf += chunk
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
            if pid == child:
                say({"exit": os.waitstatus_to_exitcode(status)})
                child = None
        while b"\n" in buf:
            line, buf = buf.split(b"\n", 1)
            req = json.loads(line)
            for pid, status in _kill_all():
                if pid == child:
                    say({"exit": os.waitstatus_to_exitcode(status)})
            if child is not None:  # already gone before the reset reached it
                say({"exit": -signal.SIGKILL})
            child = None
            clean = _wipe(list(req.get("wipe", [])), float(req.get("seconds", 30)))
            if req.get("op") != "run":
                say({"reset": True, "clean": clean})
                continue
            if not clean:
                say({"unclean": True})
                continue
            pid = os.fork()
            if pid == 0:
                signal.set_wakeup_fd(-1)
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                _child(req, (proto_in, proto_out, wake_r, wake_w))
            child = pid
            say({"pid": pid})


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))


class SlotError(RuntimeError):
    """The slot's sandbox failed (it did not start, died, or could not fork a run): the grader's
    machinery, never the submission's result."""


class Unclean(SlotError):
    """The slot could not be emptied in time: replace the sandbox (a fresh one is clean)."""


class Zygote:
    """The grader's handle on one zygote sandbox (used by one worker thread at a time)."""

    def __init__(self, cmd: list[str], env: dict | None, log_path: str, ready_timeout=120.0):
        import subprocess

        with open(log_path, "ab") as log:
            self.proc = subprocess.Popen(
                cmd,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                start_new_session=True,
                env=env,
            )
        os.set_blocking(self.proc.stdout.fileno(), False)
        self.buf = b""
        self.current: Child | None = None
        self.starting: Child | None = None  # asked for; its "pid" not read yet
        self.runs = 0  # children forked so far: a Child may reset only if it is the latest
        self.reset_seen = self.clean = self.unclean = False
        deadline = time.monotonic() + ready_timeout
        while not any("ready" in e for e in self._events()):
            if not self.alive() or time.monotonic() > deadline:
                self.close()
                raise SlotError("the sandboxed zygote did not start (see its log)")
            time.sleep(0.02)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def _events(self) -> list[dict]:
        with contextlib.suppress(BlockingIOError, OSError, ValueError):
            while True:
                chunk = self.proc.stdout.read(1 << 16)
                if not chunk:
                    break
                self.buf += chunk
        out = []
        while b"\n" in self.buf:
            line, self.buf = self.buf.split(b"\n", 1)
            with contextlib.suppress(ValueError):
                doc = json.loads(line)
                if isinstance(doc, dict):
                    out.append(doc)
        for doc in out:
            if doc.get("reset"):
                self.reset_seen, self.clean = True, doc.get("clean") is not False
            if doc.get("unclean"):
                self.unclean = True
            # in order: a child that dies at once sends its "exit" in the same read as its "pid"
            if "pid" in doc and self.starting is not None:
                self.current, self.starting = self.starting, None
            if "exit" in doc and self.current is not None:
                self.current.returncode = int(doc["exit"])
                self.current = None
        return out

    def _send(self, doc: dict) -> bool:
        try:
            self.proc.stdin.write((json.dumps(doc) + "\n").encode())
            self.proc.stdin.flush()
            return True
        except (OSError, ValueError):
            return False

    def run(
        self,
        module: str,
        argv: list[str],
        env: dict,
        cwd: str,
        log: str,
        wipe: list[str],
        seconds: float = 30.0,
    ):
        """Reset the slot, empty ``wipe`` (within ``seconds``), fork a child running ``module``.

        Raises ``Unclean`` when the wipe did not finish in time, ``SlotError`` when the zygote
        is gone or does not answer: neither is the child's doing.
        """
        self.runs += 1
        child = Child(self, self.runs)
        self.unclean = False
        doc = {"op": "run", "module": module, "argv": argv, "env": env, "cwd": cwd, "log": log}
        if not self._send({**doc, "wipe": wipe, "seconds": seconds}):
            self.close()
            raise SlotError("the slot's sandbox is gone")
        self.starting = child
        # a fork takes milliseconds; the margin is for a machine loaded by other work, and it
        # is no learner's time (a run's limits start once it has been forked)
        deadline = time.monotonic() + seconds + 90
        while True:
            self._events()
            if self.starting is None:
                return child
            if self.unclean:
                self.starting = None
                self.close()
                raise Unclean(f"the slot was not emptied within {seconds:g} s")
            if not self.alive() or time.monotonic() > deadline:
                self.starting = None
                self.close()
                raise SlotError("the slot's sandbox did not start the run")
            time.sleep(0.005)

    def reset(self, wipe: list[str] = (), seconds: float = 30.0) -> bool:
        """Kill everything in the sandbox but the zygote; wait until it says so. With ``wipe``,
        also empty those folders within ``seconds``. True if the slot is clean; when it is not
        (or does not answer), the sandbox is closed: the next run starts a fresh one.

        Always asked, even when the last child has exited: a process it left behind (a daemon,
        or a call's child that killed its parent) would otherwise live on into the next run.
        """
        if not self.alive():
            self.close()
            return False
        self.reset_seen = self.clean = False
        if self._send({"op": "kill", "wipe": list(wipe), "seconds": seconds}):
            deadline = time.monotonic() + 10 + seconds
            while not self.reset_seen and self.alive() and time.monotonic() < deadline:
                self._events()
                if not self.reset_seen:
                    time.sleep(0.002)
        if not self.reset_seen or self.current is not None or not self.clean:
            self.close()  # no answer, or traces it could not remove in time: the sandbox goes
            return False
        return True

    def close(self) -> None:
        if self.alive():
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            with contextlib.suppress(ProcessLookupError):
                self.proc.kill()
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            with contextlib.suppress(OSError):
                stream.close()
        if self.current is not None:
            self.current.returncode = -signal.SIGKILL
            self.current = None


class Child:
    """One process forked by a zygote; the part of ``subprocess.Popen`` the grader uses."""

    pid = None

    def __init__(self, zygote: Zygote, run: int = 0):
        self.zygote = zygote
        self.run = run
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            self.zygote._events()
            if self.returncode is None and not self.zygote.alive():
                self.zygote.close()  # the slot died: this child with it
        return self.returncode

    def kill(self) -> None:
        # also once it has exited: what it left behind goes too (unless a newer run started)
        if self.zygote.runs == self.run and self.zygote.alive():
            self.zygote.reset()
        if self.returncode is None:
            self.returncode = -signal.SIGKILL

    def wait(self) -> int:
        while self.poll() is None:
            time.sleep(0.01)
        return self.returncode
