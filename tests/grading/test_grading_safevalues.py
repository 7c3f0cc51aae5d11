"""The value boundary between the learner's kernel and the grader's: exact types or nothing."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from autograder import safevalues as sv


def roundtrip(value):
    return sv.decode(json.loads(json.dumps(sv.encode(value))))


@pytest.mark.parametrize(
    "value",
    [None, True, 3, 2.5, float("nan"), "teks", [1, (2, 3)], {"a": [1.0], 2: None}, 10**30],
)
def test_plain_values_keep_value_and_exact_type(value):
    got = roundtrip(value)
    assert type(got) is type(value)
    assert got == value or (value != value and got != got)


def test_numpy_and_pandas_values():
    arr = np.arange(6, dtype="int32").reshape(2, 3)
    got = roundtrip(arr)
    assert type(got) is np.ndarray and got.dtype == arr.dtype and np.array_equal(got, arr)
    assert type(roundtrip(np.float64(0.25))) is np.float64
    cat = pd.Series(["f", "m", "f"], dtype="category")
    rates = pd.Series([0.6, 0.7], index=pd.Index(["female", "male"], name="gender"), name="r")
    for s in (cat, rates, cat.groupby(cat, observed=True).size()):
        assert roundtrip(s).equals(s)
    frame = pd.DataFrame({"g": cat, "x": [1.0, 2.0, 3.0]})
    assert roundtrip(frame).equals(frame)


@pytest.mark.parametrize(
    "doc",
    [
        {"t": "pickle", "v": "gASVAAAAAAAAAAAu"},
        {"t": "float", "v": "1e400"},
        {"t": "int", "v": "1" * 5000},
        {"t": "bool", "v": 1},
        {"t": "ndarray", "dtype": "object", "shape": [1], "v": [1]},
        {"t": "series", "dtype": "object", "v": [{"t": "list", "v": []}], "index": {}},
        {"t": "list", "v": [{"t": "none"}] * 3_000_000},
        [],
    ],
)
def test_anything_else_is_refused(doc):
    with pytest.raises(ValueError):
        sv.decode(doc)


def test_subclasses_and_objects_never_cross():
    class Yes(float):
        def __eq__(self, other):
            return True

        __hash__ = float.__hash__

    class All:
        def __eq__(self, other):
            return True

    for value in (Yes(0), All(), [All()], {"k": Yes(1)}):
        with pytest.raises(sv.Unsupported):
            sv.encode(value)
    # a learner who forges the JSON still gets a plain float, whose == is float's own
    got = sv.decode({"t": "float", "v": 0.0})
    assert type(got) is float and got != 3.0


def _richer_values():
    import collections
    import datetime as dt
    import decimal
    import fractions

    sales = pd.DataFrame(
        {
            "date": pd.date_range("2026-01-01", periods=6, freq="D"),
            "province": ["Bali", "Aceh"] * 3,
            "amount": [10, 20, 30, 40, 50, 60],
        }
    )
    daily = sales.set_index("date")
    return [
        {1, 2},
        frozenset({"a"}),
        collections.Counter("aab"),
        collections.defaultdict(list, {"Aceh": [1, 3]}),
        collections.OrderedDict(a=1),
        1 + 2j,
        b"\x00xy",
        range(1, 9, 2),
        decimal.Decimal("1.10"),
        fractions.Fraction(1, 3),
        dt.date(2026, 1, 2),
        dt.datetime(2026, 1, 2, 3, 4, 5, 6, tzinfo=dt.timezone(dt.timedelta(hours=7))),
        dt.timedelta(days=2, seconds=3),
        np.array(["ayu", "budi"]),
        np.array(["2026-03-01", "2026-03-11"], dtype="datetime64[D]"),
        np.array([2, 12], dtype="timedelta64[D]"),
        np.datetime64("2026-01-01"),
        pd.Timestamp("2026-01-01", tz="Asia/Jakarta"),
        pd.Timedelta("1D"),
        daily,
        daily["amount"].resample("W").sum(),
        sales.groupby(["province", "date"])["amount"].sum(),
        pd.Series(pd.date_range("2026-01-01", periods=2, tz="UTC")),
        pd.Series(pd.to_timedelta([1, 2], unit="D")),
    ]


@pytest.mark.parametrize("value", _richer_values(), ids=lambda v: type(v).__name__)
def test_richer_values_keep_value_and_exact_type(value):
    got = roundtrip(value)
    assert type(got) is type(value)
    if isinstance(value, (pd.Series, pd.DataFrame)):
        assert got.equals(value) and type(got.index) is type(value.index)
        assert got.index.names == value.index.names
    elif isinstance(value, np.ndarray):
        assert got.dtype == value.dtype and np.array_equal(got, value)
    else:
        assert got == value
    if type(value).__name__ == "defaultdict":
        assert got["Papua"] == [] and got.default_factory is list


def test_a_defaultdict_with_the_learners_default_is_not_a_value():
    import collections

    with pytest.raises(sv.Unsupported):
        sv.encode(collections.defaultdict(lambda: 0))
    assert sv.encode(collections.defaultdict(lambda: 0), ref=lambda o: {"t": "ref"}) == {"t": "ref"}


@pytest.mark.parametrize(
    "doc",
    [
        {"t": "ddict", "factory": "os.system", "v": []},
        {"t": "timestamp", "v": 0, "unit": "ns", "tz": "../../etc/passwd"},
        {"t": "ticks", "dtype": "datetime64[D]", "shape": [1], "v": ["2026"]},
        {"t": "ticks", "dtype": "object", "shape": [1], "v": [1]},
        {"t": "strarray", "dtype": "<U3", "shape": [1], "v": [{"t": "str", "v": "x"}]},
        {"t": "set", "v": [{"t": "list", "v": []}]},
        {"t": "index", "v": {"kind": "multi", "levels": [], "codes": [[0]], "names": []}},
        {"t": "ref", "oid": 1},  # a reference is only accepted through the hook
    ],
)
def test_malformed_richer_values_are_refused(doc):
    with pytest.raises((ValueError, TypeError)):
        sv.decode(doc)
