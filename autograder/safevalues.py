"""Plain values across the sandbox boundary: a strict, tagged JSON format (never pickle).

``encode`` runs in the learner's kernel and is therefore untrusted: whatever it writes is only
data. ``decode`` runs in the grader's kernel and is the security boundary: it builds values of
EXACT built-in, numpy or pandas types from a whitelist, so an object whose ``__eq__`` always says
True, a float subclass or a patched module cannot cross it. Functions cross as a reference that
the grader's kernel calls by value (arguments and result encoded the same way).
"""

from __future__ import annotations

import json
import math
import re

MAX_DEPTH = 20
MAX_ITEMS = 2_000_000
NUMERIC = re.compile(r"^(bool|int(8|16|32|64)|uint(8|16|32|64)|float(16|32|64))$")
COLUMN_DTYPES = re.compile(r"^(bool|int(8|16|32|64)|uint(8|16|32|64)|float(32|64)|object|str)$")
MODULE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")


class Unsupported(TypeError):
    """A value outside the whitelist: it is not carried to the grader's kernel."""


def _float(x: float):
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def encode(obj, _depth: int = 0):  # untrusted side: best effort
    if _depth > MAX_DEPTH:
        raise Unsupported("nested too deeply")
    t = type(obj)
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
    if t in (list, tuple):
        return {"t": t.__name__, "v": [encode(x, _depth + 1) for x in obj]}
    if t is dict:
        return {
            "t": "dict",
            "v": [[encode(k, _depth + 1), encode(v, _depth + 1)] for k, v in obj.items()],
        }
    mod = t.__module__
    if mod == "numpy" and t.__name__ == "ndarray":
        if not NUMERIC.match(obj.dtype.name):
            raise Unsupported(f"array of dtype {obj.dtype}")
        flat = [_float(float(x)) if obj.dtype.kind == "f" else x for x in obj.ravel().tolist()]
        return {"t": "ndarray", "dtype": obj.dtype.name, "shape": list(obj.shape), "v": flat}
    if mod == "numpy" and NUMERIC.match(t.__name__.replace("_", "")):
        v = obj.item()
        return {"t": "npscalar", "dtype": t.__name__, "v": _float(v) if isinstance(v, float) else v}
    if mod.startswith("pandas") and t.__name__ == "Series":
        doc = {
            "t": "series",
            "dtype": str(obj.dtype),
            "v": [encode(x, _depth + 1) for x in obj.tolist()],
            "index": _enc_index(obj.index, _depth),
            "name": encode(obj.name, _depth + 1),
        }
        if doc["dtype"] == "category":
            doc["categories"] = [encode(x, _depth + 1) for x in obj.cat.categories.tolist()]
            doc["ordered"] = bool(obj.cat.ordered)
        return doc
    if mod.startswith("pandas") and t.__name__ == "DataFrame":
        return {
            "t": "frame",
            "columns": [encode(c, _depth + 1) for c in obj.columns],
            "data": [encode(obj.iloc[:, i], _depth + 1) for i in range(obj.shape[1])],
            "index": _enc_index(obj.index, _depth),
        }
    if t.__name__ == "module":
        return {"t": "module", "v": obj.__name__}
    raise Unsupported(f"type {t.__module__}.{t.__qualname__}")


def _enc_index(index, depth):
    if type(index).__name__ not in ("Index", "RangeIndex", "CategoricalIndex"):
        raise Unsupported(f"index {type(index).__name__}")
    doc = {
        "dtype": str(index.dtype),
        "v": [encode(x, depth + 1) for x in index.tolist()],
        "name": encode(index.name, depth + 1),
    }
    if doc["dtype"] == "category":
        doc["categories"] = [encode(x, depth + 1) for x in index.categories.tolist()]
        doc["ordered"] = bool(index.ordered)
    return doc


# ----------------------------------------------------------------------------- trusted side


class _Budget:
    def __init__(self):
        self.n = 0

    def take(self, k: int = 1):
        self.n += k
        if self.n > MAX_ITEMS:
            raise ValueError("value too large")


def _num(v):
    if v in ("nan", "inf", "-inf"):
        return float(v)
    if type(v) is bool:
        return v
    if type(v) is int:
        return v
    if type(v) is float:
        return v
    raise ValueError("not a number")


def decode(doc, _depth: int = 0, _budget: _Budget | None = None):
    """Rebuild a value of an exact whitelisted type from ``encode``'s output, or raise."""
    b = _budget or _Budget()
    b.take()
    if _depth > MAX_DEPTH or type(doc) is not dict:
        raise ValueError("malformed value")
    t = doc.get("t")
    v = doc.get("v")
    if t == "none":
        return None
    if t == "bool" and type(v) is bool:
        return bool(v)
    if t == "int" and type(v) is str and re.fullmatch(r"-?\d{1,4000}", v):
        return int(v)
    if t == "float":
        return float(_num(v))
    if t == "str" and type(v) is str:
        return str(v)
    if t in ("list", "tuple") and type(v) is list:
        items = [decode(x, _depth + 1, b) for x in v]
        return items if t == "list" else tuple(items)
    if t == "dict" and type(v) is list:
        out = {}
        for pair in v:
            if type(pair) is not list or len(pair) != 2:
                raise ValueError("malformed dict")
            key = decode(pair[0], _depth + 1, b)
            if type(key) not in (str, int, float, bool, tuple, type(None)):
                raise ValueError("unhashable key")
            out[key] = decode(pair[1], _depth + 1, b)
        return out
    if t == "ndarray":
        import numpy as np

        dtype, shape = doc.get("dtype"), doc.get("shape")
        if type(dtype) is not str or not NUMERIC.match(dtype) or type(v) is not list:
            raise ValueError("malformed array")
        if type(shape) is not list or not all(type(s) is int and s >= 0 for s in shape):
            raise ValueError("malformed shape")
        b.take(len(v))
        arr = np.array([_num(x) for x in v], dtype=np.dtype(dtype))
        return arr.reshape(shape)
    if t == "npscalar":
        import numpy as np

        name = doc.get("dtype")
        if type(name) is not str or not NUMERIC.match(name.replace("_", "")):
            raise ValueError("malformed scalar")
        return getattr(np, name)(_num(v))
    if t == "series":
        return _series(doc, _depth, b)
    if t == "frame":
        import pandas as pd

        cols = [decode(c, _depth + 1, b) for c in _list(doc.get("columns"))]
        data = [_series(s, _depth + 1, b) for s in _list(doc.get("data"))]
        if len(cols) != len(data):
            raise ValueError("malformed frame")
        index = _index(doc.get("index"), _depth, b)
        if any(len(s) != len(index) for s in data):
            raise ValueError("malformed frame")
        frame = pd.DataFrame({i: s.set_axis(index) for i, s in enumerate(data)}, index=index)
        frame.columns = pd.Index(cols) if cols else frame.columns
        return frame
    raise ValueError(f"value type {t!r} not accepted")


def _list(v):
    if type(v) is not list:
        raise ValueError("malformed value")
    return v


_INT = re.compile(r"-?\d{1,4000}")


def _plain_items(items, _depth, b):
    """A column's values: plain scalars only. Inline for the common tags (a column of 100,000
    values would otherwise cost 100,000 calls of ``decode``); the checks are decode's own."""
    items = _list(items)
    b.take(len(items))
    out = []
    append = out.append
    for x in items:
        t = x.get("t") if type(x) is dict else None
        v = x.get("v") if t is not None else None
        if t == "str" and type(v) is str:
            append(v)
        elif t == "float":
            append(float(_num(v)))
        elif t == "int" and type(v) is str and _INT.fullmatch(v):
            append(int(v))
        elif t == "bool" and type(v) is bool:
            append(v)
        elif t == "none":
            append(None)
        else:
            y = decode(x, _depth + 1, b)
            if type(y) not in (str, int, float, bool, type(None)) and type(y).__module__ != "numpy":
                raise ValueError("pandas values must be plain scalars")
            append(y)
    return out


def _categorical(doc, values, _depth, b):
    import pandas as pd

    cats = _plain_items(doc.get("categories"), _depth, b)
    if len(set(cats)) != len(cats):
        raise ValueError("malformed categories")
    return pd.Categorical(values, categories=cats, ordered=doc.get("ordered") is True)


def _index(doc, _depth, b):
    import pandas as pd

    if type(doc) is not dict or type(doc.get("dtype")) is not str:
        raise ValueError("malformed index")
    dtype = doc["dtype"]
    values = _plain_items(doc.get("v"), _depth, b)
    name = decode(doc.get("name"), _depth + 1, b)
    if type(name) not in (str, int, float, bool, type(None)):
        raise ValueError("malformed index name")
    if dtype == "category":
        return pd.CategoricalIndex(_categorical(doc, values, _depth, b), name=name)
    if not COLUMN_DTYPES.match(dtype):
        raise ValueError(f"index dtype {dtype} not accepted")
    return pd.Index(values, dtype=dtype, name=name)


def _series(doc, _depth, b):
    import pandas as pd

    if type(doc) is not dict or doc.get("t") != "series" or type(doc.get("dtype")) is not str:
        raise ValueError("malformed series")
    dtype = doc["dtype"]
    values = _plain_items(doc.get("v"), _depth, b)
    name = decode(doc.get("name"), _depth + 1, b)
    if type(name) not in (str, int, float, bool, type(None)):
        raise ValueError("malformed series name")
    index = _index(doc.get("index"), _depth, b)
    if dtype == "category":
        return pd.Series(_categorical(doc, values, _depth, b), index=index, name=name)
    if not COLUMN_DTYPES.match(dtype):
        raise ValueError(f"column dtype {dtype} not accepted")
    return pd.Series(values, dtype=dtype, index=index, name=name)


def loads(text: str, limit: int = 200 * 1024 * 1024):
    if len(text) > limit:
        raise ValueError("value too large")
    return json.loads(text)
