"""Kernel B's half of the boundary: load a learner's exported values, call functions by value.

Imported by the first cell of the notebook that the grader's kernel runs (``grade.py`` builds
it from the RELEASE notebook: the learner's answer cells are replaced by ``load`` calls, tests
come from the gradebook). No learner code runs in this process: values are rebuilt by
``safevalues.decode``, and a learner's object that is not a plain value (a function, a class,
a fitted model) is a ``proxies.Proxy`` whose every operation runs in the learner's sandbox.
"""

from __future__ import annotations

import builtins
import contextlib
import importlib
import os
import re

from autograder import proxies, proxy_types
from autograder import safevalues as sv
from autograder.proxies import LearnerError
from autograder.untrusted import read_file

SNAPSHOT_BYTES = 200 * 1024 * 1024
__all__ = ["LearnerError", "Loader", "note", "raised"]


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


SNAP_KEY = re.compile(r"[A-Za-z0-9_-]{1,200}")  # nbgrader grade ids, and "final"


class Loader:
    def __init__(self, xchg: str, timeout: float):
        self.xchg, self.timeout = xchg, timeout
        self.conn = proxies.Connection(xchg, timeout)
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
        self.conn.ns = ns
        pointed: dict[str, dict] = {}
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
                self.conn.synced[name] = ns[name]
                oid = proxies.oid_of(ns[name])
                if oid is not None:
                    pointed[name] = {"t": "aref", "oid": oid}
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
        # the learner's names as this answer cell left them (a later cell may have rebound
        # them), and the files its code wrote: the learner's side holds both
        with contextlib.suppress(LearnerError):
            self.conn.op("hello", None, source or "", what="the learner's notebook", extra=pointed)
        if source is not None:
            self.loaded.add(source)
        self._docs.pop(source, None)  # read once per load: a large frame is not kept twice
        if skipped:
            print("not carried to the tests (type not accepted): " + ", ".join(skipped))
        err = doc.get("error")
        if err:
            raise LearnerError(f"your answer cell raised {str(err)[:300]}")

    def _value(self, doc):
        if type(doc) is dict and doc.get("t") == "libref":
            mod, qual = doc.get("module"), doc.get("name")
            if type(mod) is not str or not sv.MODULE.match(mod) or type(qual) is not str:
                raise ValueError("malformed reference")
            if not sv.MODULE.match(qual):
                raise ValueError("malformed reference")
            try:
                obj = importlib.import_module(mod)
                for part in qual.split("."):
                    obj = getattr(obj, part)
                return obj
            except (ImportError, AttributeError):
                if type(doc.get("ref")) is not dict:  # not importable here: the learner's own
                    raise
                return self.conn.value(doc["ref"])
        if type(doc) is dict and doc.get("t") == "module":
            name = doc.get("v")
            if type(name) is not str or not sv.MODULE.match(name):
                raise ValueError("malformed module")
            return importlib.import_module(name)
        return self.conn.value(doc)


proxy_types.NOTE = note
