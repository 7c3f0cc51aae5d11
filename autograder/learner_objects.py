"""Kernel A's half of the reference boundary: the learner's objects that the grader holds.

After the notebook has run (``learner_run``), the grader's kernel (B) works on the learner's
objects through references: it asks this process to call a function, read an attribute, take
the next item of a generator, and gets back a plain value or another reference. Everything
runs here, in the learner's sandbox, in one process, so state is kept between calls as in one
kernel. B may pass its own functions (a lambda, a spy); here they are ``Callback``s, which can
only be called, and B runs them. What this process sends is untrusted data for B (``proxies``
checks it), and it never decides a grade.

Each top-level request has a time limit (a timer signal, and a watchdog thread that raises in
the learner's code even when it ignores signals, then ends the process); whatever a request
printed, wrote to files in the working directory, or changed in a mutable argument travels
back with the answer.
"""

from __future__ import annotations

import base64
import collections
import contextlib
import ctypes
import operator
import os
import re
import signal
import sys
import threading
import time

from autograder import safevalues as sv
from autograder import wire

# files the learner's code wrote, sent to B for the tests to read: a report, a small CSV; a
# learner who fills the disk must not fill the grader's folder with it
FILE_BYTES = 1024 * 1024  # one file
FILES_BYTES = 4 * 1024 * 1024  # all files of one answer
FILES_COUNT = 50
MUTABLE = (list, dict, set, bytearray, collections.Counter, collections.OrderedDict)
MUTABLE += (collections.defaultdict,)
_BINARY = ("add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "matmul", "lshift")
BINOPS = {name: getattr(operator, name) for name in (*_BINARY, "rshift", "and_", "or_", "xor")}
UNOPS = {"neg": operator.neg, "pos": operator.pos, "abs": operator.abs, "invert": operator.invert}
SKIP_NAMES = {"In", "Out", "exit", "quit", "get_ipython", "open"}
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,200}")


class OpTimeout(Exception):
    """A request from the grader ran past its time limit."""


def _files_mark() -> dict:
    out = {}
    with contextlib.suppress(OSError):
        for entry in os.scandir("."):
            with contextlib.suppress(OSError):
                st = entry.stat(follow_symlinks=False)
                out[entry.name] = (entry.is_file(follow_symlinks=False), st.st_size, st.st_mtime_ns)
    return out


class Callback:
    """A function of the grader's (the test passed it, or put it under a learner's name): it
    can only be called; the call runs in B."""

    __slots__ = ("_boid", "_objects")

    def __init__(self, objects: Objects, boid: int):
        self._objects, self._boid = objects, boid

    def __call__(self, *args, **kwargs):
        return self._objects.callback(self._boid, args, kwargs)

    def __repr__(self):
        return "<the grader's function>"


class Objects:
    """The table of objects B holds references to, and the requests B makes on them."""

    def __init__(self, ns: dict, call_timeout: float, output_limit: int, after=None):
        self.ns = ns
        self.by_oid: dict[int, object] = {}
        self.oids: dict[int, int] = {}  # id(obj) -> oid (the table keeps obj alive)
        self.callbacks: dict[int, Callback] = {}
        self.timeout = call_timeout
        self.limit = output_limit
        self.after = after or (lambda: None)  # after each request: stop what it left running
        self.channel: wire.Channel | None = None
        self.out: list[str] = []
        self.out_size = 0
        self.files = _files_mark()
        self.current: dict[str, object] = {}  # answer cell -> matplotlib's current figure
        self.depth = 0
        self.deadline: float | None = None
        self.in_learner = False
        self.lock = threading.Lock()
        self.main_thread = threading.get_ident()
        self.watchdog: threading.Thread | None = None

    # ------------------------------------------------------------------ values out and in

    def put(self, obj) -> int:
        oid = self.oids.get(id(obj))
        if oid is None or self.by_oid.get(oid) is not obj:
            oid = len(self.by_oid) + 1
            self.by_oid[oid] = obj
            self.oids[id(obj)] = oid
        return oid

    def type_doc(self, cls, depth: int = 0) -> dict:
        """What B needs to know of a class to stand in for it: its table id, name and bases,
        whether it is an exception (all of it A's word, which B checks)."""
        bases = [b for b in getattr(cls, "__bases__", ()) if b is not object][:8]
        return {
            "oid": self.put(cls),
            "module": str(getattr(cls, "__module__", "") or ""),
            "name": str(getattr(cls, "__qualname__", "") or ""),
            "bases": [self.type_doc(b, depth + 1) for b in bases] if depth < 8 else [],
            "exc": isinstance(cls, type) and issubclass(cls, BaseException),
        }

    def ref(self, obj) -> dict:
        if type(obj) is Callback:
            return {"t": "bref", "oid": obj._boid}
        return {
            "t": "ref",
            "oid": self.put(obj),
            "type": self.type_doc(type(obj)),
            "class": self.type_doc(obj) if isinstance(obj, type) else None,
        }

    def export(self, value) -> dict:
        return sv.encode(value, ref=self.ref)

    def resolve(self, doc: dict):
        if doc.get("t") == "aref" and type(doc.get("oid")) is int:
            return self.by_oid[doc["oid"]]
        if doc.get("t") == "bref" and type(doc.get("oid")) is int:
            cb = self.callbacks.get(doc["oid"])
            if cb is None:
                cb = self.callbacks[doc["oid"]] = Callback(self, doc["oid"])
            return cb
        raise ValueError("malformed reference")

    def value(self, doc):
        return sv.decode(doc, ref=self.resolve)

    # ------------------------------------------------------------------------- requests

    def serve_connection(self, conn) -> None:
        self.channel = wire.Channel(conn)
        self._start_watchdog()
        with contextlib.suppress(wire.ChannelClosed, OpTimeout):
            self.channel.serve_forever(self.serve)
        self.channel = None

    def serve(self, msg: dict) -> dict:
        if "op" not in msg:
            return {"error": "not a request", "kinds": []}
        top = self.depth == 0
        self.depth += 1
        saved = sys.stdout, sys.stderr
        if top:
            self.out, self.out_size = [], 0
            sys.stdout = sys.stderr = _Sink(self)
            self._arm()
        answer = None
        try:
            answer = self._request(msg)
        except OpTimeout:  # the limit fell just after the learner's code, in ours
            pass
        finally:
            self.depth -= 1
            if top:
                for _ in range(3):  # until no timer or raised timeout is left pending
                    try:
                        self._disarm()
                        break
                    except OpTimeout:
                        continue
                sys.stdout, sys.stderr = saved
                _restore()
        if answer is None:
            answer = self._error(OpTimeout())
        if top:
            answer["stdout"] = "".join(self.out)
            answer["files"] = self._changed_files()
            with contextlib.suppress(Exception):
                self.after()
        return answer

    def _request(self, msg: dict) -> dict:
        writeback: dict[str, dict] = {}
        try:
            self._sync(msg.get("sync"))
            op = msg.get("op")
            if op == "hello":
                self.recall(msg.get("name"))
                return {"ok": {"t": "none"}}
            target = self.by_oid[msg["oid"]] if type(msg.get("oid")) is int else None
            if target is None and op != "call":
                raise ValueError("no such object")
            self.in_learner = True  # only now may a time limit interrupt: never our own code
            try:
                value = self._do(op, target, msg, writeback)
            finally:
                self.in_learner = False
        except StopIteration:
            return {"stop": True}
        except BaseException as exc:  # the learner's code may raise anything
            _restore()
            return self._error(exc)
        try:
            return {"ok": self.export(value), "writeback": writeback}
        except Exception as exc:
            return {"error": f"an answer that cannot be sent: {type(exc).__name__}", "kinds": []}

    def _do(self, op, target, msg, writeback):
        args = [self.value(a) for a in _list(msg.get("args"))]
        if op == "call":
            kwargs = {str(k): self.value(v) for k, v in _dict(msg.get("kwargs")).items()}
            value = target(*args, **kwargs)
            for key, arg in [(str(i), a) for i, a in enumerate(args)] + list(kwargs.items()):
                self._write_back(key, arg, msg, writeback)
            return value
        name = msg.get("name")
        if op in ("getattr", "setattr", "delattr") and (
            type(name) is not str or not NAME.fullmatch(name)
        ):
            raise ValueError("malformed name")
        simple = {
            "getattr": lambda: getattr(target, name),
            "setattr": lambda: setattr(target, name, args[0]),
            "delattr": lambda: delattr(target, name),
            "getitem": lambda: target[args[0]],
            "setitem": lambda: operator.setitem(target, args[0], args[1]),
            "delitem": lambda: operator.delitem(target, args[0]),
            "contains": lambda: args[0] in target,
            "len": lambda: len(target),
            "bool": lambda: bool(target),
            "iter": lambda: iter(target),
            "next": lambda: next(target),
            "repr": lambda: repr(target),
            "str": lambda: str(target),
            "format": lambda: format(target, args[0]),
            "dir": lambda: sorted(str(x) for x in dir(target)),
            "int": lambda: int(target),
            "float": lambda: float(target),
            "index": lambda: operator.index(target),
        }
        if op in simple:
            return simple[op]()
        if op in ("binop", "rbinop") and name in BINOPS:
            f = BINOPS[name]
            return f(target, args[0]) if op == "binop" else f(args[0], target)
        if op == "unop" and name in UNOPS:
            return UNOPS[name](target)
        raise ValueError(f"no such request: {str(op)[:40]}")

    def _write_back(self, key, arg, msg, writeback) -> None:
        """A mutable argument the call changed travels back, for B to change its own."""
        if type(arg) not in MUTABLE and type(arg).__name__ != "ndarray":
            return
        sent = msg["args"][int(key)] if key.isdigit() else _dict(msg.get("kwargs")).get(key)
        with contextlib.suppress(Exception):
            now = self.export(arg)
            if now != sent:
                writeback[key] = now

    def _error(self, exc: BaseException) -> dict:
        if isinstance(exc, OpTimeout):  # ours, not the learner's: the tests see a timeout
            text = "ran past its time limit and was stopped"
            return {"error": text, "kinds": ["TimeoutError", "OSError"], "message": text}
        out = {"error": f"{type(exc).__name__}: {str(exc)[:300]}", "kinds": [], "message": ""}
        with contextlib.suppress(Exception):
            out["kinds"] = [k.__name__ for k in type(exc).__mro__][:20]
            out["message"] = str(exc)[:2000]
            out["exc"] = self.type_doc(type(exc))
            out["args"] = [sv.encode(a) for a in exc.args][:20]
        return out

    def _sync(self, changes) -> None:
        """Names the tests rebound or deleted in B's namespace: the same here, so that the
        learner's code sees them as it would in one kernel (``del squares``, a spy)."""
        for name, doc in _dict(changes).items():
            if type(name) is not str or not NAME.fullmatch(name) or name in SKIP_NAMES:
                continue
            if type(doc) is dict and doc.get("t") == "del":
                self.ns.pop(name, None)
            else:
                self.ns[name] = self.value(doc)

    def callback(self, boid: int, args, kwargs):
        """Call a function of B's from the learner's code: its arguments go as values or
        references; so does its answer."""
        if self.channel is None:
            raise RuntimeError("the grader's function cannot be called now")
        msg = {
            "cb": boid,
            "args": [self.export(a) for a in args],
            "kwargs": {str(k): self.export(v) for k, v in kwargs.items()},
            "stdout": "".join(self.out),
        }
        self.out, self.out_size = [], 0
        self.in_learner = False
        try:
            answer = self.channel.request(msg, self.serve)
        finally:
            self.in_learner = True
        if "error" in answer:
            raise _builtin_error(answer)
        return self.value(answer.get("ok"))

    # ------------------------------------------------------- state as of an answer cell

    def remember(self, key: str) -> None:
        """After the answer cell ``key``: which matplotlib figure is current. The notebook ran
        to its end before the tests, and the tests' own calls draw new figures; a test that
        reads ``plt.gca()`` after this answer must see this answer's figure, as in one kernel."""
        helpers = sys.modules.get("matplotlib._pylab_helpers")
        with contextlib.suppress(Exception):
            if helpers is not None:
                self.current[key] = helpers.Gcf.get_active()

    def recall(self, key) -> None:
        manager = self.current.get(key) if type(key) is str else None
        helpers = sys.modules.get("matplotlib._pylab_helpers")
        with contextlib.suppress(Exception):
            if manager is not None and helpers is not None and helpers.Gcf.has_fignum(manager.num):
                helpers.Gcf.set_active(manager)

    # --------------------------------------------------------------- output and files

    def write(self, s: str) -> None:
        room = self.limit - self.out_size
        if room > 0:
            self.out.append(s[:room])
            self.out_size += min(len(s), room)

    def _changed_files(self) -> list[dict]:
        now = _files_mark()
        out, budget = [], FILES_BYTES
        for name, mark in sorted(now.items()):
            if self.files.get(name) == mark or not mark[0]:
                continue
            if len(out) >= FILES_COUNT:
                break
            if mark[1] > min(FILE_BYTES, budget):
                out.append({"name": name, "too_large": True})
                continue
            with contextlib.suppress(OSError):
                fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
                with os.fdopen(fd, "rb") as fh:
                    data = fh.read(FILE_BYTES + 1)
                if len(data) <= FILE_BYTES:
                    budget -= len(data)
                    out.append({"name": name, "data": base64.b64encode(data).decode("ascii")})
        out += [{"name": n, "gone": True} for n in self.files if n not in now][:FILES_COUNT]
        self.files = now
        return out

    # ----------------------------------------------------------------------- time limits

    def _arm(self) -> None:
        with self.lock:
            self.deadline = time.monotonic() + self.timeout

        def on_alarm(_sig, _frame):
            if self.in_learner:
                raise OpTimeout("time limit for this call reached")
            signal.setitimer(signal.ITIMER_REAL, 0.05)  # in our own code: again in a moment

        signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, self.timeout)

    def _disarm(self) -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        with self.lock:
            self.deadline = None
            _async_raise(self.main_thread, None)  # one raised just as the request ended

    def _start_watchdog(self) -> None:
        if self.watchdog is not None:
            return

        def watch():
            while True:
                time.sleep(0.05)
                with self.lock:
                    deadline = self.deadline
                    late = deadline is not None and time.monotonic() > deadline and self.in_learner
                    if late:
                        _async_raise(self.main_thread, OpTimeout)
                if late and time.monotonic() > deadline + 5:
                    os._exit(3)  # the learner's code outlasts every way of stopping it

        self.watchdog = threading.Thread(target=watch, daemon=True)
        self.watchdog.start()


class _Sink:
    def __init__(self, objects: Objects):
        self.objects = objects

    def write(self, s) -> int:
        s = str(s)
        self.objects.write(s)
        return len(s)

    def flush(self) -> None:
        pass

    def writable(self) -> bool:
        return True


def _async_raise(thread_id: int, exc) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None
    )


def _restore() -> None:
    from autograder import learner_run

    learner_run._restore()


def _builtin_error(answer: dict) -> BaseException:
    import builtins

    message = str(answer.get("message") or answer.get("error") or "")[:2000]
    for name in answer.get("kinds") if type(answer.get("kinds")) is list else []:
        cls = getattr(builtins, name, None) if type(name) is str else None
        if isinstance(cls, type) and issubclass(cls, Exception) and name != "StopIteration":
            return cls(message)
    return RuntimeError(message)


def _list(v) -> list:
    return v if type(v) is list else []


def _dict(v) -> dict:
    return v if type(v) is dict else {}
