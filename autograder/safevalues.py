"""Plain values across the sandbox boundary: a strict, tagged JSON format (never pickle).

``encode`` runs in the learner's kernel and is therefore untrusted: whatever it writes is only
data. ``decode`` runs in the grader's kernel and is the security boundary: it builds values of
EXACT built-in, numpy or pandas types from a whitelist, so an object whose ``__eq__`` always says
True, a float subclass or a patched module cannot cross it as a value. Anything else crosses as a
reference (``learner_objects`` on the learner's side, ``proxies`` on the grader's): ``encode``'s
``ref`` hook names it, ``decode``'s ``ref`` hook turns that name into a proxy. The numpy and
pandas half of the format is in ``safetables``.
"""

from __future__ import annotations

import base64
import collections
import datetime as dt
import decimal
import fractions
import json
import math
import re

from autograder import safetables as tables

MAX_DEPTH = 20
MAX_ITEMS = 2_000_000
MODULE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")
_INT = re.compile(r"-?\d{1,4000}")

# a defaultdict crosses by value only with one of these as its default: anything else would be
# the learner's code, called by the grader's side on a missing key
DEFAULT_FACTORIES = {f.__name__: f for f in (list, dict, set, int, float, str, tuple, bool)}
REF_TAGS = ("ref", "aref", "bref")  # references, resolved by the hook (never by decode itself)


class Unsupported(TypeError):
    """A value outside the whitelist: it is not carried to the grader's kernel by value."""


def _float(x: float):
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def _naive_or_fixed(tz) -> int | None:
    """A datetime's offset in seconds when it is fixed (``datetime.timezone``), else refuse."""
    if tz is None:
        return None
    if type(tz) is not dt.timezone:
        raise Unsupported(f"time zone {type(tz).__name__}")
    return int(tz.utcoffset(None).total_seconds())


def encode(obj, _depth: int = 0, ref=None):  # untrusted side: best effort
    """``obj`` as a tagged JSON document. What the whitelist does not hold is passed to
    ``ref`` (a document naming a reference) or, without one, refused with ``Unsupported``."""
    if _depth > MAX_DEPTH:
        raise Unsupported("nested too deeply")
    t = type(obj)
    d = _depth + 1
    if obj is None:
        return {"t": "none"}
    if t is bool:
        return {"t": "bool", "v": obj}
    if t is int:
        return {"t": "int", "v": str(obj)}
    if t is float:
        return {"t": "float", "v": _float(obj)}
    if t is str:
        return {"t": "str", "v": obj}
    if t in (list, tuple, set, frozenset, dict) and len(obj) > MAX_ITEMS:
        raise Unsupported("value too large")  # decode would refuse it: fail before the work
    if t in (list, tuple):
        return {"t": t.__name__, "v": [encode(x, d, ref) for x in obj]}
    if t in (dict, collections.OrderedDict, collections.Counter):
        pairs = [[encode(k, d, ref), encode(v, d, ref)] for k, v in obj.items()]
        return {"t": {dict: "dict", collections.Counter: "counter"}.get(t, "odict"), "v": pairs}
    if t is collections.defaultdict:
        factory = obj.default_factory
        name = getattr(factory, "__name__", None) if factory is not None else None
        if factory is not None and DEFAULT_FACTORIES.get(name) is not factory:
            return _ref(obj, ref, "defaultdict with its own default")
        pairs = [[encode(k, d, ref), encode(v, d, ref)] for k, v in obj.items()]
        return {"t": "ddict", "factory": name, "v": pairs}
    if t in (set, frozenset):
        return {"t": t.__name__, "v": [encode(x, d, ref) for x in obj]}
    if t is complex:
        return {"t": "complex", "v": [_float(obj.real), _float(obj.imag)]}
    if t in (bytes, bytearray):
        return {"t": t.__name__, "v": base64.b64encode(bytes(obj)).decode("ascii")}
    if t is range:
        return {"t": "range", "v": [obj.start, obj.stop, obj.step]}
    if t is decimal.Decimal:
        return {"t": "decimal", "v": str(obj)}
    if t is fractions.Fraction:
        return {"t": "fraction", "v": [str(obj.numerator), str(obj.denominator)]}
    if t is dt.date:
        return {"t": "date", "v": obj.isoformat()}
    if t is dt.datetime:
        try:
            off = _naive_or_fixed(obj.tzinfo)
        except Unsupported:
            return _ref(obj, ref, "datetime with a time zone")
        return {"t": "datetime", "v": obj.replace(tzinfo=None).isoformat(), "offset": off}
    if t is dt.time and obj.tzinfo is None:
        return {"t": "time", "v": obj.isoformat()}
    if t is dt.timedelta:
        return {"t": "timedelta", "v": [obj.days, obj.seconds, obj.microseconds]}
    if t.__name__ == "module" and t.__module__ == "builtins":
        return {"t": "module", "v": obj.__name__}
    try:
        doc = tables.encode(obj, d, lambda x: encode(x, d, ref))
    except Unsupported as exc:
        return _ref(obj, ref, str(exc))
    if doc is not None:
        return doc
    return _ref(obj, ref, f"type {t.__module__}.{t.__qualname__}")


def _ref(obj, ref, why: str):
    if ref is None:
        raise Unsupported(why)
    return ref(obj)


# ----------------------------------------------------------------------------- trusted side


class _Budget:
    def __init__(self):
        self.n = 0

    def take(self, k: int = 1):
        self.n += k
        if self.n > MAX_ITEMS:
            raise ValueError("value too large")


def num(v):
    if v in ("nan", "inf", "-inf"):
        return float(v)
    if type(v) in (bool, int, float):
        return v
    raise ValueError("not a number")


def _text_int(v) -> int:
    if type(v) is not str or not _INT.fullmatch(v):
        raise ValueError("malformed number")
    return int(v)


def _plain_key(key):
    """Keys of dicts and members of sets: hashable values whose hash and == are their own."""
    if type(key) in (str, int, float, bool, tuple, frozenset, bytes, complex, type(None)):
        return key
    if type(key) in (dt.date, dt.datetime, dt.time, dt.timedelta, decimal.Decimal):
        return key
    if getattr(type(key), "_etika_proxy", False):  # a reference: hashed by identity, locally
        return key
    raise ValueError("unhashable key")


def decode(doc, _depth: int = 0, _budget: _Budget | None = None, ref=None):
    """Rebuild a value of an exact whitelisted type from ``encode``'s output, or raise.

    A reference (``{"t": "ref" | "aref" | "bref", ...}``) is given to ``ref``; without one it
    is refused."""
    b = _budget or _Budget()
    b.take()
    if _depth > MAX_DEPTH or type(doc) is not dict:
        raise ValueError("malformed value")
    t = doc.get("t")
    v = doc.get("v")
    d = _depth + 1

    def inner(x):
        return decode(x, d, b, ref)

    if t == "none":
        return None
    if t == "bool" and type(v) is bool:
        return bool(v)
    if t == "int":
        return _text_int(v)
    if t == "float":
        return float(num(v))
    if t == "str" and type(v) is str:
        return str(v)
    if t in ("list", "tuple") and type(v) is list:
        items = [inner(x) for x in v]
        return items if t == "list" else tuple(items)
    if t in ("dict", "odict", "counter", "ddict") and type(v) is list:
        if t == "ddict":
            name = doc.get("factory")
            if name is not None and name not in DEFAULT_FACTORIES:
                raise ValueError("malformed defaultdict")
            out = collections.defaultdict(DEFAULT_FACTORIES.get(name))
        else:
            out = {"dict": dict, "odict": collections.OrderedDict, "counter": collections.Counter}[
                t
            ]()
        for pair in v:
            if type(pair) is not list or len(pair) != 2:
                raise ValueError("malformed dict")
            out[_plain_key(inner(pair[0]))] = inner(pair[1])
        return out
    if t in ("set", "frozenset") and type(v) is list:
        items = [_plain_key(inner(x)) for x in v]
        return set(items) if t == "set" else frozenset(items)
    if t == "complex" and type(v) is list and len(v) == 2:
        return complex(float(num(v[0])), float(num(v[1])))
    if t in ("bytes", "bytearray") and type(v) is str:
        b.take(len(v) // 64)
        raw = base64.b64decode(v.encode("ascii"), validate=True)
        return raw if t == "bytes" else bytearray(raw)
    if t == "range" and type(v) is list and len(v) == 3 and all(type(x) is int for x in v):
        return range(*v)
    if t == "decimal" and type(v) is str and len(v) < 200:
        return decimal.Decimal(v)
    if t == "fraction" and type(v) is list and len(v) == 2:
        return fractions.Fraction(_text_int(v[0]), _text_int(v[1]))
    if t in ("date", "datetime", "time") and type(v) is str and len(v) < 40:
        kind = {"date": dt.date, "datetime": dt.datetime, "time": dt.time}[t]
        value = kind.fromisoformat(v)
        if type(value) is not kind:
            raise ValueError(f"malformed {t}")
        off = doc.get("offset")
        if t == "datetime" and off is not None:
            if type(off) is not int or abs(off) >= 86400:
                raise ValueError("malformed offset")
            value = value.replace(tzinfo=dt.timezone(dt.timedelta(seconds=off)))
        return value
    if t == "timedelta" and type(v) is list and len(v) == 3 and all(type(x) is int for x in v):
        return dt.timedelta(days=v[0], seconds=v[1], microseconds=v[2])
    if t in REF_TAGS:
        if ref is None:
            raise ValueError("a reference is not accepted here")
        return ref(doc)
    value = tables.decode(doc, d, b)
    if value is not tables.NOT_MINE:
        return value
    raise ValueError(f"value type {t!r} not accepted")


def loads(text: str, limit: int = 200 * 1024 * 1024):
    if len(text) > limit:
        raise ValueError("value too large")
    return json.loads(text)
