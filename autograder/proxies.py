"""Kernel B's half of the reference boundary: stand-ins for the learner's objects.

A learner's object that is not a plain value (a function, a class and its instances, a
generator, a fitted model, a matplotlib figure) reaches the tests as a ``Proxy``: every
operation on it (a call, an attribute, iteration, ``len``) is a request to the learner's
sandbox (``learner_objects``), answered by a plain value of an exact type or another proxy.
What stays here, and never asks the learner's side:

- comparisons: ``==`` and ``!=`` are identity, ordering is refused (a learner's ``__eq__`` would
  otherwise see the expected value and say yes); a test that compares a learner's object is
  named for the grader;
- types: a learner's class is a *shadow* class made here from its name and bases (its
  instances are proxies of that class, so ``isinstance`` follows the learner's own hierarchy,
  never a learner's ``__instancecheck__`` or ``__class__``); an exception class is a real
  exception class, so ``except ConsentError`` and ``pytest.raises`` work; a library type is
  this side's own class, named by module and name and found only among modules already
  imported here;
- the test's own objects: a function the test passes to the learner's code stays here and is
  only called, with plain values or proxies as arguments.

Before each request the names the tests rebound or deleted among the learner's (a spy in
place of a recursive function, ``del squares``) are sent, so the learner's code sees them as
in one kernel. Printed output, files written and in-place changes of arguments come back.
The proxy and shadow types are in ``proxy_types``.
"""

from __future__ import annotations

import base64
import contextlib
import os
import re
import socket
import sys
import time

from autograder import safevalues as sv
from autograder import wire
from autograder.proxy_types import (
    LearnerError,
    Proxy,
    _bind,
    _claimable,
    _class_shadow,
    _exception_shadow,
    _library_class,
    _unique,
    note,
    oid_of,
    owner_of,
)

MISSING = object()
FILE_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\- ]{0,200}")
NOT_SYNCED_SUFFIXES = (".py", ".pyc", ".pyo", ".pyw", ".pyd", ".so", ".pth", ".ipynb", ".egg")


class Connection:
    """The channel to one learner's sandbox and everything this side knows of its objects."""

    def __init__(self, xchg: str, timeout: float):
        self.xchg, self.timeout = xchg, timeout
        self.channel: wire.Channel | None = None
        self.dead: str | None = None
        self.proxies: dict[int, object] = {}
        self.shadows: dict[int, type] = {}
        self.ours: dict[int, object] = {}  # our own objects the learner's side may call
        self.our_ids: dict[int, int] = {}
        self.ns: dict | None = None
        self.synced: dict[str, object] = {}
        self.written: set[str] = set()

    # ------------------------------------------------------------------ the channel

    def close(self) -> None:
        if self.channel is not None:
            self.channel.sock.close()
            self.channel = None

    def _channel(self) -> wire.Channel:
        if self.dead:
            raise LearnerError(f"the learner's code no longer answers ({self.dead})")
        if self.channel is None:
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            dirfd = os.open(self.xchg, os.O_PATH)  # a socket path is limited to 108 bytes
            try:
                s.connect(f"/proc/self/fd/{dirfd}/call.sock")
            except OSError as exc:
                s.close()
                self.dead = f"could not connect: {type(exc).__name__}"
                raise LearnerError(f"the learner's code does not answer ({self.dead})") from None
            finally:
                os.close(dirfd)
            self.channel = wire.Channel(s)
        return self.channel

    def op(self, op: str, oid: int | None, name="", args=(), kwargs=None, what="", extra=None):
        """Ask the learner's side; the answer as a value or a proxy, or its exception."""
        channel = self._channel()
        try:
            msg = {
                "op": op,
                "oid": oid,
                "name": name,
                "args": [self.export(a) for a in args],
                "kwargs": {str(k): self.export(v) for k, v in (kwargs or {}).items()},
                "sync": {**self.changes(), **(extra or {})},
            }
        except (sv.Unsupported, ValueError, RecursionError) as exc:
            text = f"was given a value the grader cannot send to it ({exc})"
            note("call", what, text)
            raise LearnerError(f"{what} {text}") from None
        deadline = time.monotonic() + self.timeout + 1.0 if channel.open == 0 else None
        try:
            answer = channel.request(msg, self.serve, deadline)
        except wire.ChannelClosed as exc:
            if not isinstance(exc, wire.NoAnswerInTime):
                self.dead = str(exc)
            note("call", what, f"did not answer ({exc})")
            raise LearnerError(f"{what} did not answer: {exc}") from None
        self._effects(answer, args, kwargs or {}, what)
        if answer.get("stop") is True:
            raise StopIteration
        if "error" in answer:
            raise self._exception(answer, what)
        try:
            return self.value(answer.get("ok"))
        except (ValueError, KeyError, TypeError, RecursionError) as exc:
            note("call", what, f"returned a value the grader cannot check: {exc}")
            raise LearnerError(f"{what} returned a value the grader cannot check: {exc}") from None

    def serve(self, msg: dict) -> dict:
        """A request from the learner's side: only a call of one of our own objects that the
        tests gave it."""
        if type(msg.get("stdout")) is str and msg["stdout"]:
            sys.stdout.write(msg["stdout"])
        fn = self.ours.get(msg.get("cb")) if type(msg.get("cb")) is int else None
        if fn is None:
            return {"error": "not a function the tests gave", "kinds": []}
        try:
            args = [self.value(a) for a in _list(msg.get("args"))]
            kwargs = {str(k): self.value(v) for k, v in _dict(msg.get("kwargs")).items()}
        except (ValueError, KeyError, TypeError, RecursionError) as exc:
            return {"error": f"arguments the grader cannot read: {exc}", "kinds": []}
        try:
            result = fn(*args, **kwargs)
            return {"ok": self.export(result)}
        except Exception as exc:  # the test's own function failed: the learner's code sees it
            kinds = [k.__name__ for k in type(exc).__mro__][:20]
            return {
                "error": f"{type(exc).__name__}: {exc}"[:300],
                "kinds": kinds,
                "message": str(exc)[:2000],
            }

    # ------------------------------------------------------------------ values both ways

    def export(self, value) -> dict:
        return sv.encode(value, ref=self._ref_out)

    def _ref_out(self, obj) -> dict:
        oid = oid_of(obj)
        if oid is not None and owner_of(obj) is self:
            return {"t": "aref", "oid": oid}
        boid = self.our_ids.get(id(obj))
        if boid is None or self.ours.get(boid) is not obj:
            boid = len(self.ours) + 1
            self.ours[boid], self.our_ids[id(obj)] = obj, boid
        return {"t": "bref", "oid": boid}

    def value(self, doc):
        return sv.decode(doc, ref=self._ref_in)

    def _ref_in(self, doc: dict):
        t, oid = doc.get("t"), doc.get("oid")
        if type(oid) is not int:
            raise ValueError("malformed reference")
        if t == "bref":
            return self.ours[oid]  # one of our own objects, given back
        if t != "ref":
            raise ValueError("malformed reference")
        if oid in self.proxies:
            return self.proxies[oid]
        cls_doc = doc.get("class")
        if type(cls_doc) is dict:  # the object is a class
            made = self.klass(cls_doc)
            if oid_of(made) != oid:  # a library class: this side's own
                return made
        else:
            kind = self.klass(doc.get("type"))
            if getattr(kind, "_etika_proxy", False) and owner_of(kind) is self:
                made = object.__new__(kind)
                _bind(made, self, oid, None)
            else:
                made = object.__new__(Proxy)
                _bind(made, self, oid, kind if _claimable(kind) else None)
        self.proxies[oid] = made
        return made

    def klass(self, doc) -> type:
        """This side's class for the class ``doc`` describes: a library class found among
        modules already imported, else a shadow of the learner's class."""
        if type(doc) is not dict or type(doc.get("oid")) is not int:
            raise ValueError("malformed class")
        if doc["oid"] in self.shadows:
            return self.shadows[doc["oid"]]
        found = _library_class(doc)
        if found is not None:
            return found
        name = doc.get("name")
        name = name.rsplit(".", 1)[-1] if type(name) is str else ""
        if not name.isidentifier():
            name = "LearnerClass"
        bases = [self.klass(b) for b in _list(doc.get("bases"))[:8]]
        if doc.get("exc") is True:
            real = [b for b in bases if isinstance(b, type) and issubclass(b, Exception)]
            shadow = _exception_shadow(name, _unique(real) or [Exception])
            if shadow is None:
                shadow = _exception_shadow(name, [Exception])
        else:
            learner = [
                b
                for b in bases
                if getattr(b, "_etika_proxy", False) and b.__dict__.get("_etika_conn") is self
            ]
            shadow = _class_shadow(name, _unique(learner) or [Proxy])
        type.__setattr__(shadow, "_etika_conn", self)
        type.__setattr__(shadow, "_etika_oid", doc["oid"])
        type.__setattr__(shadow, "__qualname__", name)
        self.shadows[doc["oid"]] = shadow
        return shadow

    # -------------------------------------------------------------- names and effects

    def changes(self) -> dict:
        """The learner's names the tests rebound or deleted since the last request."""
        out = {}
        ns = self.ns
        if ns is None:
            return out
        for name, seen in list(self.synced.items()):
            now = ns.get(name, MISSING)
            if now is seen:
                continue
            self.synced[name] = now
            if now is MISSING:
                out[name] = {"t": "del"}
                continue
            try:
                out[name] = self.export(now)
            except (sv.Unsupported, ValueError, RecursionError):
                continue  # stays as it was on the learner's side
        return out

    def _effects(self, answer: dict, args, kwargs, what: str) -> None:
        if type(answer.get("stdout")) is str and answer["stdout"]:
            sys.stdout.write(answer["stdout"])
        for key, doc in _dict(answer.get("writeback")).items():
            arg = args[int(key)] if key.isdigit() and int(key) < len(args) else kwargs.get(key)
            try:
                _change_in_place(arg, self.value(doc))
            except Exception as exc:
                note(
                    "effects",
                    what,
                    f"changed an argument in place in a way the grader cannot copy ({exc})",
                )
        for f in _list(answer.get("files"))[:200]:
            self._file(f, what)

    def _file(self, f, what: str) -> None:
        """A file the learner's code wrote in its working directory: the same here (the
        notebook's folder), unless it could be imported as code."""
        name = f.get("name") if type(f) is dict else None
        if (
            type(name) is not str
            or not FILE_NAME.fullmatch(name)
            or name.endswith(NOT_SYNCED_SUFFIXES)
        ):
            if type(name) is str:
                note("effects", what, f"wrote a file the grader does not copy ({name[:80]!r})")
            return
        if f.get("gone") is True:
            if name in self.written:
                with contextlib.suppress(OSError):
                    os.unlink(name)
                self.written.discard(name)
            return
        if f.get("too_large") is True or type(f.get("data")) is not str:
            note("effects", what, f"wrote {name!r}, too large for the grader to copy")
            return
        try:
            data = base64.b64decode(f["data"].encode("ascii"), validate=True)
            tmp = f".etika-{os.getpid()}.tmp"
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            if os.path.isdir(name) and not os.path.islink(name):
                os.unlink(tmp)
                return
            os.replace(tmp, name)
            self.written.add(name)
        except (OSError, ValueError) as exc:
            note("effects", what, f"wrote {name!r}, which the grader could not copy ({exc})")

    def _exception(self, answer: dict, what: str) -> BaseException:
        """The learner's exception, as the tests would see it in one kernel: a learner's class
        is its shadow (a real exception class), a built-in one the nearest built-in type."""
        from autograder.bside import raised

        message = answer.get("message") if type(answer.get("message")) is str else ""
        doc = answer.get("exc")
        if type(doc) is dict and type(doc.get("oid")) is int:
            with contextlib.suppress(ValueError, TypeError, RecursionError):
                cls = self.klass(doc)
                if cls.__dict__.get("_etika_conn") is self and issubclass(cls, Exception):
                    try:
                        args = [sv.decode(a) for a in _list(answer.get("args"))]
                        return cls(*args)
                    except (ValueError, TypeError, RecursionError):
                        return cls(message)
        kinds = answer.get("kinds")
        exc = raised(kinds, message, f"{what} raised {str(answer.get('error'))[:300]}")
        if type(kinds) is list and kinds and kinds[0] != type(exc).__name__:
            note(
                "raised",
                what,
                f"raised {str(kinds[0])[:80]}, seen by the tests as {type(exc).__name__}",
            )
        return exc


def _change_in_place(arg, new) -> None:
    if type(arg) in (list, bytearray) and type(new) is type(arg):
        arg[:] = new
    elif isinstance(arg, dict) and type(new) is type(arg):
        arg.clear()
        arg.update(new)
    elif type(arg) is set and type(new) is set:
        arg.clear()
        arg |= new
    elif (
        type(arg).__name__ == "ndarray"
        and type(new).__name__ == "ndarray"
        and arg.shape == new.shape
    ):
        arg[...] = new
    else:
        raise TypeError(f"a {type(arg).__name__} changed into a {type(new).__name__}")


def _list(v) -> list:
    return v if type(v) is list else []


def _dict(v) -> dict:
    return v if type(v) is dict else {}


__all__ = ["MISSING", "Connection", "LearnerError", "Proxy", "note", "oid_of", "owner_of"]
