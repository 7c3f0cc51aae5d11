"""Fairness through unawareness: does dropping the gender column close the gap?

Two logistic-regression models learn the past officers' decisions (``approved_past``) on the
micro-credit data, one **with** the gender column and one **without** it. The table holds, for
every threshold, each model's selection rate per group and the gap between women and men.
The gap hardly shrinks without gender, because other columns carry it: the kind of business
and the head-of-household flag predict gender well (:func:`proxy_strength`), and formal credit
history is shorter for women (historical bias). Removing a sensitive column is not a
mitigation; we must *assess* the outcomes by group.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, roc_auc_score

from etika.data import make_microcredit
from etika.demos._model import (
    features,
    logistic_model,
    proxy_features,
    split,
    table_by_group,
)

__all__ = ["MODELS", "proxy_figures", "proxy_scores", "proxy_strength", "proxy_table"]

MODELS: tuple[str, ...] = ("with_gender", "without_gender")
GROUPS: tuple[str, ...] = ("female", "male")
TABLE_COLUMNS = ("model", "threshold", "group", "selection_rate", "tpr", "count", "selected")


@lru_cache(maxsize=4)
def _fitted(seed: int):
    data = make_microcredit(4000, seed=seed)
    train, test = split(data, seed=seed)
    scores = {}
    for model_name in MODELS:
        with_gender = model_name == "with_gender"
        model = logistic_model().fit(features(train, with_gender), train["approved_past"])
        scores[model_name] = model.predict_proba(features(test, with_gender))[:, 1]
    # How well the planted proxies alone predict gender (held-out test split).
    y_train = (train["gender"] == "female").to_numpy()
    y_test = (test["gender"] == "female").to_numpy()
    clf = LogisticRegression(max_iter=1000).fit(proxy_features(train), y_train)
    p = clf.predict_proba(proxy_features(test))[:, 1]
    strength = {
        "accuracy": float(accuracy_score(y_test, p >= 0.5)),
        "auc": float(roc_auc_score(y_test, p)),
        "majority_accuracy": float(max(y_test.mean(), 1 - y_test.mean())),
    }
    return test, scores, strength


def proxy_scores(seed: int = 0) -> tuple[pd.DataFrame, dict[str, np.ndarray]]:
    """The test split and each model's scores (``{"with_gender": ..., "without_gender": ...}``)."""
    test, scores, _ = _fitted(seed)
    return test.copy(), {k: v.copy() for k, v in scores.items()}


def proxy_strength(seed: int = 0) -> dict[str, float]:
    """How well ``business_type`` + ``household_head`` predict gender on held-out data.

    Keys: ``accuracy``, ``auc`` and ``majority_accuracy`` (always guessing the larger group).
    """
    return dict(_fitted(seed)[2])


def proxy_table(seed: int = 0) -> pd.DataFrame:
    """One row per (model, threshold, group): selection rate, TPR (vs. ``repaid``), counts."""
    test, scores, _ = _fitted(seed)
    table = table_by_group(
        test["repaid"].to_numpy(),
        test["gender"].astype(str).to_numpy(),
        {name: scores[name] for name in MODELS},
        key="model",
    )
    table["selected"] = table["tp"] + table["fp"]
    return table[list(TABLE_COLUMNS)]


def selection_gaps(table: pd.DataFrame) -> pd.DataFrame:
    """Men's minus women's selection rate, per (model, threshold): columns = models."""
    wide = table.pivot_table(index=["model", "threshold"], columns="group", values="selection_rate")
    return (wide["male"] - wide["female"]).unstack("model")[list(MODELS)]


def proxy_figures(threshold: float = 0.5, seed: int = 0) -> dict[str, float]:
    """The figures the chapter quotes, at one threshold.

    ``gap_with_gender`` / ``gap_without_gender`` (men's minus women's selection rate),
    ``gap_kept`` (share of the gap that remains without gender), the selection rates, and
    the proxy strength (``proxy_accuracy``, ``proxy_auc``, ``majority_accuracy``).
    """
    table = proxy_table(seed)
    gaps = selection_gaps(table)
    thr = gaps.index[int(np.argmin(np.abs(gaps.index.to_numpy() - threshold)))]
    sub = table[table["threshold"] == thr].set_index(["model", "group"])["selection_rate"]
    strength = proxy_strength(seed)
    with_g, without_g = float(gaps.loc[thr, "with_gender"]), float(gaps.loc[thr, "without_gender"])
    return {
        "threshold": float(thr),
        "gap_with_gender": with_g,
        "gap_without_gender": without_g,
        "gap_kept": without_g / with_g if with_g else float("nan"),
        **{f"selection_rate_{m}_{g}": float(sub[(m, g)]) for m in MODELS for g in GROUPS},
        "proxy_accuracy": strength["accuracy"],
        "proxy_auc": strength["auc"],
        "majority_accuracy": strength["majority_accuracy"],
    }
