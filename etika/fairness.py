"""Group metrics for assessing unfairness, built on :class:`fairlearn.metrics.MetricFrame`.

The course *assesses* how a model's errors and decisions fall on different groups; it never
claims to make a model "unbiased". Everything here is a thin, documented layer over fairlearn
and scikit-learn so that a learner who later reads the fairlearn user guide meets the same
numbers.

Conventions
-----------
* Labels and predictions are binary, ``1`` is the positive class ("approved", "repaid").
* A rate whose denominator is zero in a group is **undefined** and reported as ``NaN`` (for
  example the true-positive rate of a group with no positives, or the precision of a group in
  which nobody was selected). fairlearn's rate functions return ``0.0`` in those cases; a
  silent zero would look like a real, very bad rate, so we replace it. No warning is emitted.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
from fairlearn.metrics import (
    MetricFrame,
    count,
    false_positive_rate,
    selection_rate,
    true_positive_rate,
)
from sklearn.metrics import confusion_matrix, precision_score

__all__ = [
    "METRIC_COLUMNS",
    "calibration_by_group",
    "confusion_counts",
    "gaps",
    "group_metrics",
]

#: The columns of :func:`group_metrics`, in order.
METRIC_COLUMNS: tuple[str, ...] = (
    "selection_rate",
    "tpr",
    "fpr",
    "precision",
    "base_rate",
    "count",
    "tp",
    "fp",
    "tn",
    "fn",
)

#: The columns :func:`gaps` compares (rates only; counts have no meaningful gap).
RATE_COLUMNS: tuple[str, ...] = ("selection_rate", "tpr", "fpr", "precision", "base_rate")


def confusion_counts(y_true, y_pred) -> tuple[int, int, int, int]:
    """``(tp, fp, tn, fn)`` for binary labels, also when a class is absent."""
    tn, fp, fn, tp = confusion_matrix(y_true, y_pred, labels=[0, 1]).ravel()
    return int(tp), int(fp), int(tn), int(fn)


def _tp(y_true, y_pred) -> int:
    return confusion_counts(y_true, y_pred)[0]


def _fp(y_true, y_pred) -> int:
    return confusion_counts(y_true, y_pred)[1]


def _tn(y_true, y_pred) -> int:
    return confusion_counts(y_true, y_pred)[2]


def _fn(y_true, y_pred) -> int:
    return confusion_counts(y_true, y_pred)[3]


def _tpr(y_true, y_pred) -> float:
    return true_positive_rate(y_true, y_pred, pos_label=1)


def _fpr(y_true, y_pred) -> float:
    return false_positive_rate(y_true, y_pred, pos_label=1)


def _precision(y_true, y_pred) -> float:
    return precision_score(y_true, y_pred, pos_label=1, labels=[0, 1], zero_division=np.nan)


def _selection_rate(y_true, y_pred) -> float:
    return selection_rate(y_true, y_pred, pos_label=1)


def _base_rate(y_true, y_pred) -> float:
    return float(np.mean(y_true)) if len(y_true) else float("nan")


_METRICS = {
    "selection_rate": _selection_rate,
    "tpr": _tpr,
    "fpr": _fpr,
    "precision": _precision,
    "base_rate": _base_rate,
    "count": count,
    "tp": _tp,
    "fp": _fp,
    "tn": _tn,
    "fn": _fn,
}


def _as_binary(values, name: str) -> np.ndarray:
    arr = np.asarray(values)
    if arr.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, got shape {arr.shape}")
    if arr.size and not np.isin(arr, (0, 1, True, False)).all():
        raise ValueError(f"{name} must contain only 0 and 1 (or False/True)")
    return arr.astype(int)


def group_metrics(
    y_true: Sequence | np.ndarray | pd.Series,
    y_pred: Sequence | np.ndarray | pd.Series,
    sensitive: Sequence | np.ndarray | pd.Series,
    control: Sequence | np.ndarray | pd.Series | None = None,
) -> pd.DataFrame:
    """Per-group decision and error rates, computed with fairlearn's ``MetricFrame``.

    Parameters
    ----------
    y_true, y_pred
        Binary true outcomes and binary decisions (1 = positive / selected).
    sensitive
        The group of each row (e.g. ``"female"`` / ``"male"``).
    control
        Optional control feature (e.g. the decision threshold): the metrics are then computed
        for every (control, group) pair and the index has two levels, ``control`` first.

    Returns
    -------
    DataFrame indexed by group (or by ``(control, group)``) with columns
    ``selection_rate, tpr, fpr, precision, base_rate, count, tp, fp, tn, fn``.
    Undefined rates (zero denominator) are ``NaN``; counts are integers.
    """
    yt = _as_binary(y_true, "y_true")
    yp = _as_binary(y_pred, "y_pred")
    sens = np.asarray(sensitive)
    if not (len(yt) == len(yp) == len(sens)):
        raise ValueError(
            f"y_true, y_pred and sensitive must have the same length "
            f"({len(yt)}, {len(yp)}, {len(sens)})"
        )
    columns = list(METRIC_COLUMNS)
    if len(yt) == 0:
        return pd.DataFrame(columns=columns).rename_axis("group")
    sens_series = pd.Series(sens, name="group")
    kwargs = {}
    if control is not None:
        kwargs["control_features"] = pd.Series(np.asarray(control), name="control")
    frame = MetricFrame(
        metrics=_METRICS,
        y_true=yt,
        y_pred=yp,
        sensitive_features=sens_series,
        **kwargs,
    ).by_group
    frame = frame[columns].copy()
    frame = frame.dropna(subset=["count"])  # combinations that do not occur in the data
    for col in ("count", "tp", "fp", "tn", "fn"):
        frame[col] = frame[col].astype("int64")
    # fairlearn reports 0.0 when a rate's denominator is zero; make "undefined" visible.
    positives = frame["tp"] + frame["fn"]
    negatives = frame["fp"] + frame["tn"]
    frame["tpr"] = frame["tpr"].astype(float).where(positives > 0)
    frame["fpr"] = frame["fpr"].astype(float).where(negatives > 0)
    for col in ("selection_rate", "precision", "base_rate"):
        frame[col] = frame[col].astype(float)
    return frame


def gaps(frame: pd.DataFrame) -> pd.Series:
    """The largest minus the smallest group value of each rate in a :func:`group_metrics` frame.

    Counts are left out. ``NaN`` (undefined) group values are ignored; a rate defined in fewer
    than two groups has gap ``NaN``. For a two-level frame (with ``control``) use
    ``frame.groupby(level="control").apply(gaps)``.
    """
    rates = [c for c in RATE_COLUMNS if c in frame.columns]
    sub = frame[rates].astype(float)
    defined = sub.notna().sum()
    out = sub.max() - sub.min()
    out[defined < 2] = np.nan
    out.name = "gap"
    return out


def _observed_rate(y_true, y_pred) -> float:
    return float(np.mean(y_true)) if len(y_true) else float("nan")


def _mean_score(y_true, y_pred) -> float:
    return float(np.mean(y_pred)) if len(y_pred) else float("nan")


def calibration_by_group(
    y_true: Sequence | np.ndarray | pd.Series,
    scores: Sequence | np.ndarray | pd.Series,
    sensitive: Sequence | np.ndarray | pd.Series,
    bins: int | Sequence[float] = 10,
) -> pd.DataFrame:
    """Reliability table: in each score bin and group, mean score vs. observed positive rate.

    A model is *calibrated within groups* when, in every group, people given a score near
    ``s`` turn out positive about ``s`` of the time. ``bins`` is a number of equal-width bins
    on [0, 1] or explicit bin edges.

    Returns a DataFrame with columns ``group, bin, bin_low, bin_high, mean_score,
    observed_rate, count``; empty (bin, group) cells are left out.
    """
    yt = _as_binary(y_true, "y_true")
    sc = np.asarray(scores, dtype=float)
    sens = np.asarray(sensitive)
    if not (len(yt) == len(sc) == len(sens)):
        raise ValueError("y_true, scores and sensitive must have the same length")
    if sc.size and (np.nanmin(sc) < 0 or np.nanmax(sc) > 1):
        raise ValueError("scores must lie in [0, 1]")
    edges = np.linspace(0.0, 1.0, bins + 1) if isinstance(bins, int) else np.asarray(bins, float)
    columns = ["group", "bin", "bin_low", "bin_high", "mean_score", "observed_rate", "count"]
    if yt.size == 0:
        return pd.DataFrame(columns=columns)
    # bin i holds edges[i] <= s < edges[i+1]; the last bin also holds s == edges[-1].
    idx = np.clip(np.searchsorted(edges, sc, side="right") - 1, 0, len(edges) - 2)
    by = MetricFrame(
        metrics={"mean_score": _mean_score, "observed_rate": _observed_rate, "count": count},
        y_true=yt,
        y_pred=sc,
        sensitive_features=pd.Series(sens, name="group"),
        control_features=pd.Series(idx, name="bin"),
    ).by_group
    by = by.dropna(subset=["count"]).reset_index()
    by["count"] = by["count"].astype("int64")
    by["bin"] = by["bin"].astype("int64")
    by["bin_low"] = edges[by["bin"].to_numpy()]
    by["bin_high"] = edges[by["bin"].to_numpy() + 1]
    by["mean_score"] = by["mean_score"].astype(float)
    by["observed_rate"] = by["observed_rate"].astype(float)
    return by[columns].sort_values(["group", "bin"]).reset_index(drop=True)
