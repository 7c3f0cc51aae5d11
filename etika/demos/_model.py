"""Shared modelling helpers for the demos: features, vectorised group counts, a split.

The demo tables are computed with vectorised NumPy (fast enough to rebuild a whole grid in
well under a second); ``tests/unit/test_demos.py`` checks sampled rows against
:func:`etika.fairness.group_metrics`, i.e. against fairlearn's ``MetricFrame``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler

THRESHOLDS: tuple[float, ...] = tuple(round(0.05 * i, 2) for i in range(1, 20))

NUMERIC = ("age", "years_running", "credit_history_years")


def features(df: pd.DataFrame, with_gender: bool = False) -> pd.DataFrame:
    """Model inputs from a micro-credit frame: numbers, flags and one-hot categories.

    ``gender`` is included only when ``with_gender`` is true; ``repaid``, ``approved_past``
    and ``applicant_id`` never are.
    """
    out = pd.DataFrame(index=df.index)
    for col in NUMERIC:
        out[col] = df[col].astype(float)
    out["log_revenue"] = np.log(df["monthly_revenue_idr"].astype(float))
    out["has_marketplace"] = df["has_marketplace"].astype(float)
    out["household_head"] = df["household_head"].astype(float)
    out["rural"] = (df["area"] == "rural").astype(float)
    out = out.join(pd.get_dummies(df["business_type"], prefix="business", dtype=float))
    out = out.join(pd.get_dummies(df["province"], prefix="province", dtype=float))
    if with_gender:
        out["female"] = (df["gender"] == "female").astype(float)
    return out


def proxy_features(df: pd.DataFrame) -> pd.DataFrame:
    """Only the planted proxies: kind of business and the head-of-household flag."""
    out = pd.get_dummies(df["business_type"], prefix="business", dtype=float)
    out["household_head"] = df["household_head"].astype(float)
    return out


def logistic_model() -> Pipeline:
    return make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))


def split(df: pd.DataFrame, test_fraction: float = 0.5, seed: int = 0):
    """A seeded random train/test split (returns two frames)."""
    rng = np.random.default_rng(seed + 7919)
    mask = rng.random(len(df)) < test_fraction
    return df.loc[~mask].reset_index(drop=True), df.loc[mask].reset_index(drop=True)


def counts_over_thresholds(
    y_true: np.ndarray, scores: np.ndarray, thresholds=THRESHOLDS
) -> dict[str, np.ndarray]:
    """TP/FP/TN/FN and rates for decision ``score >= t`` at each threshold (vectorised).

    Undefined rates (zero denominator) are NaN, as in :func:`etika.fairness.group_metrics`.
    """
    y = np.asarray(y_true).astype(bool)
    pred = np.asarray(scores)[None, :] >= np.asarray(thresholds)[:, None]
    tp = (pred & y).sum(axis=1)
    fp = (pred & ~y).sum(axis=1)
    fn = (~pred & y).sum(axis=1)
    tn = (~pred & ~y).sum(axis=1)
    n = len(y)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = {
            "selection_rate": (tp + fp) / n if n else np.full(len(tp), np.nan),
            "tpr": np.where(tp + fn > 0, tp / np.maximum(tp + fn, 1), np.nan),
            "fpr": np.where(fp + tn > 0, fp / np.maximum(fp + tn, 1), np.nan),
            "precision": np.where(tp + fp > 0, tp / np.maximum(tp + fp, 1), np.nan),
            "base_rate": np.full(len(tp), y.mean() if n else np.nan),
            "count": np.full(len(tp), n),
            "tp": tp,
            "fp": fp,
            "tn": tn,
            "fn": fn,
        }
    return out


def table_by_group(
    y_true: np.ndarray, groups: np.ndarray, scores: dict[str, np.ndarray], key: str
) -> pd.DataFrame:
    """Counts and rates over every threshold, one block per (score set, group).

    ``scores`` maps a name (a label the model learned, a model variant) to test-set scores;
    the name goes into column ``key``. Counts are int64, undefined rates NaN.
    """
    parts = []
    for name, values in scores.items():
        for group in sorted(set(groups)):
            mask = groups == group
            part = pd.DataFrame(counts_over_thresholds(y_true[mask], values[mask]))
            part.insert(0, "group", group)
            part.insert(0, "threshold", THRESHOLDS)
            part.insert(0, key, name)
            parts.append(part)
    table = pd.concat(parts, ignore_index=True)
    for col in ("count", "tp", "fp", "tn", "fn"):
        table[col] = table[col].astype("int64")
    return table
