"""Kernel B's half of the boundary: load a learner's exported values, call functions by value.

Imported by the first cell of the notebook that the grader's kernel runs (``grade.py`` builds
it from the RELEASE notebook: the learner's answer cells are replaced by ``load`` calls, tests
come from the gradebook). No learner code runs in this process: values are rebuilt by
``safevalues.decode`` and a learner's function is a ``Remote`` that sends plain arguments to
the learner's sandbox and rebuilds the plain result.
"""

from __future__ import annotations

import builtins
import importlib
import json
import os
import re
import socket
import sys

from autograder import safevalues as sv
from autograder.untrusted import read_file

SNAPSHOT_BYTES = 200 * 1024 * 1024


class LearnerError(Exception):
    """The learner's function raised, timed out, or returned a value outside the whitelist."""


NOTE_MIME = "application/vnd.etika.note+json"  # read by grade.inexact_parts


def note(kind: str, name: str = "", text: str = "", names: list | None = None) -> None:
    """Leave a note for the grader in the current cell's outputs (a display_data output,
    which nbgrader does not grade): which part the sealed path could not grade exactly."""
    doc = {"kind": kind, "name": name, "text": text[:300]}
    if names is not None:
        doc["names"] = names
    try:
        from IPython.display import display

        display({NOTE_MIME: doc, "text/plain": f"[grader note] {kind} {name}: {text}"}, raw=True)
    except Exception:
        pass


# Built-in exception types a learner's function may raise into a test, as in one kernel.
# Never BaseException-only ones (SystemExit, KeyboardInterrupt, GeneratorExit) nor the ones
# that steer the test's own control flow (StopIteration ends a test's loop early).
_NOT_RAISED = {"StopIteration", "StopAsyncIteration", "BaseException"}
_RAISED: dict[str, type] = {}


def raised(kinds, message: str, fallback: str) -> Exception:
    """An exception of the nearest built-in type in ``kinds`` (the learner's exception class
    and its bases, by name), also a LearnerError; the learner's message as its text."""
    for name in kinds if type(kinds) is list else []:
        base = getattr(builtins, name, None) if type(name) is str else None
        if (
            isinstance(base, type)
            and issubclass(base, Exception)
            and name not in _NOT_RAISED
            and base.__module__ == "builtins"
        ):
            if name not in _RAISED:
                try:
                    _RAISED[name] = type(name, (LearnerError, base), {"__module__": "builtins"})
                except TypeError:  # a layout that cannot be combined: the plain error
                    break
            return _RAISED[name](message if type(message) is str else "")
    return LearnerError(fallback)


_CALLS: dict[tuple, int] = {}  # (cell, name) -> calls of a learner's function in that cell


def _cell() -> object:
    try:
        from IPython import get_ipython

        return get_ipython().execution_count
    except Exception:
        return None


class Remote:
    def __init__(self, xchg: str, key: str, name: str, timeout: float):
        self._where = (xchg, key, name, timeout)
        self.__name__ = name

    def __repr__(self):
        return f"<learner function {self.__name__}>"

    def __call__(self, *args, **kwargs):
        xchg, key, name, timeout = self._where
        here = (_cell(), name)
        _CALLS[here] = _CALLS.get(here, 0) + 1
        if _CALLS[here] == 2:
            note(
                "effects",
                name,
                "was called again: each call starts from the learner's notebook as it was, "
                "so whatever an earlier call kept (a counter, a cache) is lost",
            )
        try:
            req = {
                "key": key,
                "name": name,
                "args": [sv.encode(a) for a in args],
                "kwargs": {str(k): sv.encode(v) for k, v in kwargs.items()},
            }
        except (sv.Unsupported, ValueError, RecursionError) as exc:
            text = f"was given a value the grader cannot send to it ({exc})"
            note("call", name, text)
            raise LearnerError(f"{name}() {text}") from None
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(timeout)
        dirfd = None
        try:
            # a unix socket path is limited to 108 bytes: go through a directory descriptor
            dirfd = os.open(xchg, os.O_PATH)
            s.connect(f"/proc/self/fd/{dirfd}/call.sock")
            s.sendall(json.dumps(req).encode() + b"\n")
            data = b""
            while not data.endswith(b"\n"):
                chunk = s.recv(1 << 16)
                if not chunk:
                    break
                data += chunk
                if len(data) > 64 * 1024 * 1024:
                    raise LearnerError(f"{name}() returned too much data")
        except (OSError, TimeoutError) as exc:
            note("call", name, f"did not answer ({type(exc).__name__})")
            raise LearnerError(f"{name}() did not answer: {type(exc).__name__}") from None
        finally:
            s.close()
            if dirfd is not None:
                os.close(dirfd)
        try:
            reply = sv.loads(data.decode("utf-8"))
            if type(reply) is not dict:
                raise ValueError("malformed reply")
            # the learner's printed output, as plain text (a test may capture it). Not what
            # it wrote to stderr: nbgrader scores a cell with stderr 0, and a library's
            # warning during a call must not cost the learner a test (hostile corpus)
            if type(reply.get("stdout")) is str and reply["stdout"]:
                sys.stdout.write(reply["stdout"])
            effects = reply.get("effects")
            if type(effects) is list and effects:
                note("effects", name, "; ".join(str(e)[:200] for e in effects[:5]))
            if "error" in reply:
                kinds = reply.get("kinds")
                exc = raised(
                    kinds, reply.get("message"), f"{name}() raised {str(reply['error'])[:300]}"
                )
                if type(kinds) is list and kinds and kinds[0] != type(exc).__name__:
                    note(
                        "raised",
                        name,
                        f"raised {str(kinds[0])[:80]}, seen by the tests as {type(exc).__name__}",
                    )
                raise exc
            if "uncarried" in reply:
                text = f"returned a value the grader cannot check ({str(reply['uncarried'])[:200]})"
                note("call", name, text)
                raise LearnerError(f"{name}() {text}")
            return sv.decode(reply["ok"])
        except (ValueError, KeyError, UnicodeDecodeError, RecursionError) as exc:
            if isinstance(exc, LearnerError):
                raise
            note("call", name, f"returned a value the grader cannot check: {exc}")
            raise LearnerError(
                f"{name}() returned a value the grader cannot check: {exc}"
            ) from None


SNAP_KEY = re.compile(r"[A-Za-z0-9_-]{1,200}")  # nbgrader grade ids, and "final"


class Loader:
    def __init__(self, xchg: str, timeout: float):
        self.xchg, self.timeout = xchg, timeout
        self.loaded: set[str] = set()  # snapshots whose values this namespace has received
        self._docs: dict[str, dict] = {}
        self.reported: set[tuple[str, str]] = set()  # (name, why) already named to the grader

    def _read(self, key: str) -> dict | None:
        """The snapshot ``key`` of THIS run: a plain file kernel A wrote in its own exchange
        folder (emptied before each run), read without following a link, without waiting on a
        FIFO, and not a hard link to another file; a file that is not is refused, and scores
        as a missing answer."""
        if key not in self._docs:
            if not SNAP_KEY.fullmatch(key):
                return None
            path = os.path.join(self.xchg, f"snap-{key}.json")
            try:
                data = read_file(path, SNAPSHOT_BYTES, single_link=True)
            except FileNotFoundError:
                return None
            except OSError as exc:
                doc = {"values": {}, "error": f"nothing: its values were refused ({exc})"}
            else:
                doc = sv.loads(data.decode("utf-8", errors="replace"))
            if type(doc) is not dict or type(doc.get("values")) is not dict:
                doc = {"values": {}, "error": "unreadable snapshot"}
            self._docs[key] = doc
        return self._docs[key]

    def _snapshot(self, key: str) -> tuple[dict, str | None]:
        for name in (key, "final"):
            doc = self._read(name)
            if doc is not None:
                return doc, name
        return {"values": {}, "error": None}, None

    def __call__(self, ns: dict, key: str) -> None:
        doc, source = self._snapshot(key)
        refused: dict[str, str] = {}
        for name, value in doc["values"].items():
            if type(name) is not str or not name.isidentifier() or name.startswith("_"):
                continue
            if type(value) is dict and value.get("t") in ("libref", "module") and name in ns:
                continue  # the grader's own setup cells already define it
            try:
                if type(value) is dict and value.get("t") == "same":
                    # unchanged since an earlier snapshot: as in one kernel, the name keeps
                    # the object it got then (and whatever the tests did to it since)
                    origin = value.get("key")
                    if type(origin) is not str or origin == source:
                        raise ValueError("malformed reference")
                    if origin in self.loaded:
                        continue
                    earlier = self._read(origin)
                    value = (earlier or {"values": {}})["values"].get(name)
                    if value is None or (type(value) is dict and value.get("t") == "same"):
                        raise ValueError("missing value")
                ns[name] = self._value(value)
            except Exception as exc:
                refused[name] = str(exc)[:200]
        # values kernel A could not export at all (its snapshot's "rejected"), then those
        # this side refused: each named for the grader (grade.inexact_parts), none silent
        rejected = doc.get("rejected")
        for name, why in (rejected if type(rejected) is dict else {}).items():
            if type(name) is str and name.isidentifier() and not name.startswith("_"):
                refused[name] = str(why)[:200]
        refused = {n: w for n, w in refused.items() if (n, w) not in self.reported}
        for name, why in refused.items():
            note("not-carried", name, why)
            self.reported.add((name, why))
        skipped = [f"{name} ({why[:80]})" for name, why in refused.items()]
        functions = [n for n, v in ns.items() if isinstance(v, Remote) and n.isidentifier()]
        if functions:
            note("functions", names=sorted(functions)[:500])
        if source is not None:
            self.loaded.add(source)
        self._docs.pop(source, None)  # read once per load: a large frame is not kept twice
        if skipped:
            print("not carried to the tests (type not accepted): " + ", ".join(skipped))
        err = doc.get("error")
        if err:
            raise LearnerError(f"your answer cell raised {str(err)[:300]}")

    def _value(self, doc):
        if type(doc) is dict and doc.get("t") == "func":
            key, name = doc.get("key"), doc.get("name")
            if type(key) is not str or type(name) is not str:
                raise ValueError("malformed function")
            return Remote(self.xchg, key, name, self.timeout)
        if type(doc) is dict and doc.get("t") == "libref":
            mod, qual = doc.get("module"), doc.get("name")
            if type(mod) is not str or not sv.MODULE.match(mod) or type(qual) is not str:
                raise ValueError("malformed reference")
            if not sv.MODULE.match(qual):
                raise ValueError("malformed reference")
            obj = importlib.import_module(mod)
            for part in qual.split("."):
                obj = getattr(obj, part)
            return obj
        if type(doc) is dict and doc.get("t") == "module":
            name = doc.get("v")
            if type(name) is not str or not sv.MODULE.match(name):
                raise ValueError("malformed module")
            return importlib.import_module(name)
        return sv.decode(doc)
