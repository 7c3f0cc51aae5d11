"""The numpy and pandas half of the boundary's value format (see ``safevalues``).

Arrays of numbers, booleans, strings, dates and durations; numpy scalars; Series and
DataFrames with their index (plain, range, categorical, datetime, timedelta, multi-level);
Timestamps and Timedeltas. Dates and durations cross as their integer ticks with the unit, so
nothing is parsed from text. ``decode`` builds exact numpy and pandas types only.
"""

from __future__ import annotations

import contextlib
import re

NUMERIC = re.compile(r"^(bool|int(8|16|32|64)|uint(8|16|32|64)|float(16|32|64)|complex(64|128))$")
TICKS = re.compile(r"^(datetime64|timedelta64)\[(Y|M|W|D|h|m|s|ms|us|ns)\]$")
STRINGS = re.compile(r"^<U\d{1,6}$")
COLUMN_DTYPES = re.compile(r"^(bool|int(8|16|32|64)|uint(8|16|32|64)|float(32|64)|object|str)$")
PD_TICKS = re.compile(
    r"^(datetime64|timedelta64)\[(s|ms|us|ns)(, [A-Za-z]+(/[A-Za-z_+\-0-9]+){0,2})?\]$"
)
FREQ = re.compile(r"^[0-9]{0,6}[A-Za-z]{1,6}(-[A-Z]{3})?$")
NOT_MINE = object()  # decode's answer for a tag this module does not know


def _unsupported(why: str):
    from autograder.safevalues import Unsupported

    return Unsupported(why)


def _flt(x):
    from autograder.safevalues import _float

    return _float(x)


def encode(obj, depth: int, item):
    """The document for a numpy or pandas value; None if ``obj`` is neither."""
    t = type(obj)
    mod = t.__module__
    if mod == "numpy" and t.__name__ == "ndarray":
        return _enc_array(obj)
    if mod == "numpy":
        return _enc_scalar(obj, t)
    if not mod.startswith("pandas"):
        return None
    name = t.__name__
    if name == "Series":
        return _enc_series(obj, item)
    if name == "DataFrame":
        return {
            "t": "frame",
            "columns": [item(c) for c in obj.columns],
            "data": [_enc_series(obj.iloc[:, i], item) for i in range(obj.shape[1])],
            "index": _enc_index(obj.index, item),
        }
    if name == "Timestamp":
        return {"t": "timestamp", "v": int(obj.value), "unit": obj.unit, "tz": _tz(obj.tz)}
    if name == "Timedelta":
        return {"t": "pdtimedelta", "v": int(obj.value), "unit": obj.unit}
    if name.endswith("Index"):
        return {"t": "index", "v": _enc_index(obj, item)}
    return None


def _enc_array(obj):
    from autograder.safevalues import MAX_ITEMS

    if obj.size > MAX_ITEMS:
        raise _unsupported("array too large")
    kind, dtype = obj.dtype.kind, obj.dtype
    if kind in "Mm":
        return {"t": "ticks", "dtype": dtype.name, "shape": list(obj.shape), "v": _i8(obj)}
    if kind == "U":
        return {
            "t": "strarray",
            "dtype": dtype.str,
            "shape": list(obj.shape),
            "v": obj.ravel().tolist(),
        }
    if not NUMERIC.match(dtype.name):
        raise _unsupported(f"array of dtype {dtype}")
    if kind == "c":
        flat = [[_flt(z.real), _flt(z.imag)] for z in obj.ravel().tolist()]
    elif kind == "f":
        flat = [_flt(float(x)) for x in obj.ravel().tolist()]
    else:
        flat = obj.ravel().tolist()
    return {"t": "ndarray", "dtype": dtype.name, "shape": list(obj.shape), "v": flat}


def _enc_scalar(obj, t):
    name = t.__name__
    if name in ("datetime64", "timedelta64"):
        return {"t": "ticks", "dtype": obj.dtype.name, "shape": None, "v": [_i8(obj)]}
    if name == "str_":
        return {"t": "npstr", "v": str(obj)}
    if NUMERIC.match(name.replace("_", "")) and not name.startswith("complex"):
        v = obj.item()
        return {"t": "npscalar", "dtype": name, "v": _flt(v) if isinstance(v, float) else v}
    return None


def _i8(values):
    """Dates or durations as their integer ticks (NaT is the smallest int64)."""
    import numpy as np

    arr = np.asarray(values)
    return arr.view("int64").ravel().tolist() if arr.ndim else int(arr.view("int64"))


def _tz(tz) -> str | None:
    return None if tz is None else str(tz)


def _enc_values(s, item) -> dict:
    """A Series' or an index's values: ticks (in UTC) for dates and durations, else items."""
    dtype = str(s.dtype)
    if s.dtype.kind in "Mm":
        series = hasattr(s, "dt")
        tz = getattr(s.dt if series else s, "tz", None) if s.dtype.kind == "M" else None
        if tz is not None:
            s = (
                s.dt.tz_convert("UTC").dt.tz_localize(None)
                if series
                else s.tz_convert("UTC").tz_localize(None)
            )
        return {"dtype": dtype, "i8": _i8(s.to_numpy())}
    doc = {"dtype": dtype, "v": [item(x) for x in s.tolist()]}
    if dtype == "category":
        cat = s.cat if hasattr(s, "cat") else s
        doc["categories"] = [item(x) for x in cat.categories.tolist()]
        doc["ordered"] = bool(cat.ordered)
    return doc


def _enc_series(obj, item):
    doc = {"t": "series", "index": _enc_index(obj.index, item), "name": item(obj.name)}
    doc.update(_enc_values(obj, item))
    return doc


def _enc_index(index, item):
    kind = type(index).__name__
    if kind == "RangeIndex":
        return {
            "kind": "range",
            "v": [index.start, index.stop, index.step],
            "name": item(index.name),
        }
    if kind == "MultiIndex":
        return {
            "kind": "multi",
            "levels": [_enc_index(level, item) for level in index.levels],
            "codes": [[int(c) for c in codes] for codes in index.codes],
            "names": [item(n) for n in index.names],
        }
    if kind not in ("Index", "CategoricalIndex", "DatetimeIndex", "TimedeltaIndex"):
        raise _unsupported(f"index {kind}")
    doc = {"kind": kind, "name": item(index.name)}
    doc.update(_enc_values(index, item))
    if kind in ("DatetimeIndex", "TimedeltaIndex") and index.freqstr:
        doc["freq"] = index.freqstr
    return doc


# ----------------------------------------------------------------------------- trusted side


def decode(doc, depth: int, b):
    from autograder import safevalues as sv

    t = doc.get("t")
    v = doc.get("v")
    if t == "ndarray":
        import numpy as np

        dtype, shape = doc.get("dtype"), _shape(doc.get("shape"))
        if type(dtype) is not str or not NUMERIC.match(dtype) or type(v) is not list:
            raise ValueError("malformed array")
        b.take(len(v))
        if dtype.startswith("complex"):
            items = [complex(sv.num(_pair(x)[0]), sv.num(_pair(x)[1])) for x in v]
        else:
            items = [sv.num(x) for x in v]
        return np.array(items, dtype=np.dtype(dtype)).reshape(shape)
    if t == "strarray":
        import numpy as np

        dtype, shape = doc.get("dtype"), _shape(doc.get("shape"))
        if type(dtype) is not str or not STRINGS.match(dtype) or type(v) is not list:
            raise ValueError("malformed array")
        b.take(len(v))
        if not all(type(x) is str for x in v):
            raise ValueError("malformed array")
        return np.array(v, dtype=np.dtype(dtype)).reshape(shape)
    if t == "ticks":
        import numpy as np

        dtype = doc.get("dtype")
        if type(dtype) is not str or not TICKS.match(dtype):
            raise ValueError("malformed dates")
        ticks = _ints(v, b)
        if doc.get("shape") is None:
            if len(ticks) != 1:
                raise ValueError("malformed dates")
            return np.array(ticks, dtype="int64").view(dtype)[0]
        return np.array(ticks, dtype="int64").view(dtype).reshape(_shape(doc.get("shape")))
    if t == "npscalar":
        import numpy as np

        name = doc.get("dtype")
        if type(name) is not str or not NUMERIC.match(name.replace("_", "")):
            raise ValueError("malformed scalar")
        return getattr(np, name)(sv.num(v))
    if t == "npstr" and type(v) is str:
        import numpy as np

        return np.str_(v)
    if t == "series":
        return _series(doc, depth, b)
    if t == "frame":
        import pandas as pd

        cols = [_plain(c, depth, b) for c in _list(doc.get("columns"))]
        data = [_series(s, depth + 1, b) for s in _list(doc.get("data"))]
        if len(cols) != len(data):
            raise ValueError("malformed frame")
        index = _index(doc.get("index"), depth, b)
        if any(len(s) != len(index) for s in data):
            raise ValueError("malformed frame")
        frame = pd.DataFrame({i: s.set_axis(index) for i, s in enumerate(data)}, index=index)
        frame.columns = pd.Index(cols) if cols else frame.columns
        return frame
    if t == "index":
        return _index(v, depth, b)
    if t == "timestamp":
        import pandas as pd

        unit = _unit(doc.get("unit"))
        value = pd.Timestamp(_int(v), unit="ns").as_unit(unit)
        tz = doc.get("tz")
        return value if tz is None else value.tz_localize("UTC").tz_convert(_zone(tz))
    if t == "pdtimedelta":
        import pandas as pd

        return pd.Timedelta(_int(v), unit="ns").as_unit(_unit(doc.get("unit")))
    return NOT_MINE


def _pair(x):
    if type(x) is not list or len(x) != 2:
        raise ValueError("malformed complex")
    return x


def _shape(shape):
    if type(shape) is not list or not all(type(s) is int and s >= 0 for s in shape):
        raise ValueError("malformed shape")
    return shape


def _int(v):
    if type(v) is not int:
        raise ValueError("malformed number")
    return v


def _ints(v, b):
    v = _list(v)
    b.take(len(v))
    if not all(type(x) is int and -(2**63) <= x < 2**63 for x in v):
        raise ValueError("malformed ticks")
    return v


def _unit(u):
    if u not in ("s", "ms", "us", "ns"):
        raise ValueError("malformed unit")
    return u


def _zone(tz):
    if type(tz) is not str or not re.fullmatch(r"UTC|[A-Za-z]+(/[A-Za-z_+\-0-9]+){0,2}", tz):
        raise ValueError("malformed time zone")
    if ".." in tz:
        raise ValueError("malformed time zone")
    return tz


def _list(v):
    if type(v) is not list:
        raise ValueError("malformed value")
    return v


def _plain(x, depth, b):
    from autograder import safevalues as sv

    y = sv.decode(x, depth + 1, b)
    if type(y) not in (str, int, float, bool, tuple, type(None)) and type(y).__module__ != "numpy":
        raise ValueError("pandas labels must be plain values")
    return y


def _plain_items(items, depth, b):
    """A column's values: plain scalars only. Inline for the common tags (a column of 100,000
    values would otherwise cost 100,000 calls of ``decode``); the checks are decode's own."""
    from autograder import safevalues as sv

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
            append(float(sv.num(v)))
        elif t == "int" and type(v) is str and sv._INT.fullmatch(v):
            append(int(v))
        elif t == "bool" and type(v) is bool:
            append(v)
        elif t == "none":
            append(None)
        else:
            y = sv.decode(x, depth + 1, b)
            if type(y) not in (str, int, float, bool, type(None)) and type(y).__module__ not in (
                "numpy",
                "pandas._libs.tslibs.timestamps",
                "pandas._libs.tslibs.timedeltas",
            ):
                raise ValueError("pandas values must be plain scalars")
            append(y)
    return out


def _ticks(doc, b):
    """Values of dates or durations: an exact numpy array of the dtype's unit, and the zone."""
    import numpy as np

    dtype = doc["dtype"]
    m = PD_TICKS.match(dtype)
    if not m:
        raise ValueError(f"dtype {dtype} not accepted")
    unit = dtype.split("[")[1].split(",")[0].rstrip("]")
    zone = dtype.split(", ")[1].rstrip("]") if ", " in dtype else None
    arr = np.array(_ints(doc.get("i8"), b), dtype="int64").view(f"{m.group(1)}[{unit}]")
    return arr, (None if zone is None else _zone(zone))


def _categorical(doc, values, depth, b):
    import pandas as pd

    cats = _plain_items(doc.get("categories"), depth, b)
    if len(set(cats)) != len(cats):
        raise ValueError("malformed categories")
    return pd.Categorical(values, categories=cats, ordered=doc.get("ordered") is True)


def _label(doc, depth, b):
    name = _plain(doc, depth, b) if doc is not None else None
    return name


def _index(doc, depth, b):
    import pandas as pd

    if type(doc) is not dict:
        raise ValueError("malformed index")
    kind = doc.get("kind", "Index")
    if kind == "range":
        v = _list(doc.get("v"))
        if len(v) != 3 or not all(type(x) is int for x in v) or v[2] == 0:
            raise ValueError("malformed range index")
        return pd.RangeIndex(*v, name=_label(doc.get("name"), depth, b))
    if kind == "multi":
        levels = [_index(level, depth + 1, b) for level in _list(doc.get("levels"))]
        codes = [_ints(c, b) for c in _list(doc.get("codes"))]
        names = [_label(n, depth, b) for n in _list(doc.get("names"))]
        if not (len(levels) == len(codes) == len(names)) or len({len(c) for c in codes}) > 1:
            raise ValueError("malformed multi-index")
        return pd.MultiIndex(levels=levels, codes=codes, names=names)
    if type(doc.get("dtype")) is not str:
        raise ValueError("malformed index")
    name = _label(doc.get("name"), depth, b)
    dtype = doc["dtype"]
    if kind in ("DatetimeIndex", "TimedeltaIndex"):
        arr, zone = _ticks(doc, b)
        freq = doc.get("freq")
        if freq is not None and (type(freq) is not str or not FREQ.match(freq)):
            raise ValueError("malformed frequency")
        make = pd.DatetimeIndex if kind == "DatetimeIndex" else pd.TimedeltaIndex
        if (kind == "DatetimeIndex") != (arr.dtype.kind == "M"):
            raise ValueError("malformed index")
        index = make(arr, name=name)
        if zone is not None:
            index = index.tz_localize("UTC").tz_convert(zone)
        if freq is not None:
            # a frequency the values do not follow is dropped: the values are what matter
            with contextlib.suppress(ValueError):
                index.freq = freq
        return index
    values = _plain_items(doc.get("v"), depth, b)
    if dtype == "category":
        return pd.CategoricalIndex(_categorical(doc, values, depth, b), name=name)
    if kind != "Index" or not COLUMN_DTYPES.match(dtype):
        raise ValueError(f"index dtype {dtype} not accepted")
    return pd.Index(values, dtype=dtype, name=name)


def _series(doc, depth, b):
    import pandas as pd

    if type(doc) is not dict or doc.get("t") != "series" or type(doc.get("dtype")) is not str:
        raise ValueError("malformed series")
    dtype = doc["dtype"]
    name = _label(doc.get("name"), depth, b)
    index = _index(doc.get("index"), depth, b)
    if "i8" in doc:
        arr, zone = _ticks(doc, b)
        s = pd.Series(arr, index=index, name=name)
        return s if zone is None else s.dt.tz_localize("UTC").dt.tz_convert(zone)
    values = _plain_items(doc.get("v"), depth, b)
    if dtype == "category":
        return pd.Series(_categorical(doc, values, depth, b), index=index, name=name)
    if not COLUMN_DTYPES.match(dtype):
        raise ValueError(f"column dtype {dtype} not accepted")
    return pd.Series(values, dtype=dtype, index=index, name=name)
