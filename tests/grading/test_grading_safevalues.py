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
