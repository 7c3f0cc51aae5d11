"""Threshold explorer: one model's scores, every threshold, both groups, one table.

A logistic-regression model is trained on the micro-credit data (without the gender column,
as a bank that "removed gender" would do) and scores a held-out test split. By default it
learns from ``approved_past`` — the past officers' decisions, which carry label bias — because
that shows most simply how a biased label reaches the scores (real credit models usually learn
repayment, which is observed only for approved loans: the selective-labels problem, Lakkaraju
et al., KDD 2017). A second model trained on the true outcome ``repaid`` is in the same table
(``label`` column) for comparison. Every rate is measured against the true outcome
``repaid``: who would really have repaid.

The table has one row per (label, threshold, group) with the selection rate, TPR, FPR,
precision and the confusion counts. The views combine a row for women and a row for men, so
per-group thresholds need no extra computation.

Base rates of repayment differ between women and men, so no threshold choice can make the
selection rates, the TPRs and the precision all equal at once while anyone is approved (see
:func:`etika.bias_chapter.best_all_round`); related results: Kleinberg, Mullainathan &
Raghavan, ITCS 2017 (calibration vs. balance for each class, unless prediction is perfect or
base rates are equal) and Chouldechova, *Big Data* 5(2), 2017 (predictive parity vs. equal
FPR and FNR). :func:`equal_selection_thresholds` and :func:`equal_tpr_thresholds`
give the figures the chapter quotes.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from etika.data import make_microcredit
from etika.demos._model import (
    features,
    logistic_model,
    split,
    table_by_group,
)
from etika.fairness import METRIC_COLUMNS

__all__ = [
    "GROUPS",
    "LABELS",
    "equal_selection_thresholds",
    "equal_tpr_thresholds",
    "histogram_shares",
    "impossibility_figures",
    "lookup",
    "threshold_data",
    "threshold_histogram",
    "threshold_table",
]

GROUPS: tuple[str, ...] = ("female", "male")
LABELS: tuple[str, ...] = ("approved_past", "repaid")
HIST_BINS = 20
RATE_COLUMNS = ("selection_rate", "tpr", "fpr", "precision")
TABLE_COLUMNS = ("label", "threshold", "group", *METRIC_COLUMNS)


@lru_cache(maxsize=4)
def _scored(seed: int) -> tuple[pd.DataFrame, dict[str, np.ndarray]]:
    data = make_microcredit(4000, seed=seed)
    train, test = split(data, seed=seed)
    x_train, x_test = features(train), features(test)
    scores = {}
    for label in LABELS:
        model = logistic_model().fit(x_train, train[label])
        scores[label] = model.predict_proba(x_test)[:, 1]
    return test, scores


def threshold_data(seed: int = 0) -> tuple[pd.DataFrame, dict[str, np.ndarray]]:
    """The test split and the model scores per label (``{"approved_past": array, ...}``).

    Tests use this to recompute rows with :func:`etika.fairness.group_metrics`.
    """
    test, scores = _scored(seed)
    return test.copy(), {k: v.copy() for k, v in scores.items()}


def threshold_table(seed: int = 0) -> pd.DataFrame:
    """The demo's table: one row per (label, threshold, group); see :data:`TABLE_COLUMNS`."""
    test, scores = _scored(seed)
    table = table_by_group(
        test["repaid"].to_numpy(),
        test["gender"].astype(str).to_numpy(),
        {label: scores[label] for label in LABELS},
        key="label",
    )
    return table[list(TABLE_COLUMNS)]


def threshold_histogram(seed: int = 0, bins: int = HIST_BINS) -> pd.DataFrame:
    """Score histograms: one row per (label, group, bin) with ``bin_low, bin_high, count``."""
    test, scores = _scored(seed)
    gender = test["gender"].astype(str).to_numpy()
    edges = np.linspace(0.0, 1.0, bins + 1)
    rows = []
    for label in LABELS:
        for group in GROUPS:
            counts, _ = np.histogram(scores[label][gender == group], bins=edges)
            for i, c in enumerate(counts):
                rows.append((label, group, i, edges[i], edges[i + 1], int(c)))
    return pd.DataFrame(rows, columns=["label", "group", "bin", "bin_low", "bin_high", "count"])


def histogram_shares(seed: int = 0, bins: int = HIST_BINS) -> dict:
    """The score histograms as both views draw them (and the static view embeds them).

    ``{"bins": n, "shares": {label: {group: [share of the group in each bin, ...]}}}``, the
    bins being ``n`` equal bands of [0, 1] and the shares rounded to 4 decimals (a compact
    JSON payload; the kernel view uses the same rounded values).
    """
    hist = threshold_histogram(seed, bins)
    shares: dict[str, dict[str, list[float]]] = {}
    for (label, group), part in hist.groupby(["label", "group"], sort=False):
        counts = part.sort_values("bin")["count"].to_numpy()
        total = int(counts.sum())
        shares.setdefault(label, {})[group] = [
            round(int(c) / total, 4) if total else 0.0 for c in counts
        ]
    return {"bins": bins, "shares": shares}


def lookup(
    table: pd.DataFrame,
    threshold_female: float,
    threshold_male: float | None = None,
    label: str = "approved_past",
) -> pd.DataFrame:
    """The two rows a view shows: women at ``threshold_female``, men at ``threshold_male``.

    With ``threshold_male=None`` both groups use the same threshold. Thresholds are matched to
    the nearest grid value. Returns a frame indexed by group plus a ``gap`` row (max − min of
    each rate).
    """
    threshold_male = threshold_female if threshold_male is None else threshold_male
    sub = table[table["label"] == label]
    rows = []
    for group, thr in (("female", threshold_female), ("male", threshold_male)):
        g = sub[sub["group"] == group]
        rows.append(g.iloc[int(np.argmin(np.abs(g["threshold"].to_numpy() - thr)))])
    out = pd.DataFrame(rows).set_index("group")
    gap = out[list(RATE_COLUMNS)].max() - out[list(RATE_COLUMNS)].min()
    out.loc["gap", list(RATE_COLUMNS)] = gap
    return out


def _pivot(table: pd.DataFrame, label: str, metric: str) -> pd.DataFrame:
    sub = table[table["label"] == label]
    return sub.pivot(index="threshold", columns="group", values=metric)


def _match(
    table: pd.DataFrame, metric: str, reference_threshold: float, label: str
) -> dict[str, float]:
    """Keep men at ``reference_threshold``; pick the women's threshold closest in ``metric``."""
    values = _pivot(table, label, metric)
    ref_thr = values.index[int(np.argmin(np.abs(values.index.to_numpy() - reference_threshold)))]
    target = values.loc[ref_thr, "male"]
    diffs = (values["female"] - target).abs()
    women_thr = float(diffs.idxmin())
    rows = lookup(table, women_thr, float(ref_thr), label=label)
    figures = {"threshold_female": women_thr, "threshold_male": float(ref_thr)}
    for m in RATE_COLUMNS:
        figures[f"{m}_female"] = float(rows.loc["female", m])
        figures[f"{m}_male"] = float(rows.loc["male", m])
        figures[f"{m}_gap"] = float(abs(rows.loc["female", m] - rows.loc["male", m]))
    return figures


def equal_selection_thresholds(
    table: pd.DataFrame, reference_threshold: float = 0.5, label: str = "approved_past"
) -> dict[str, float]:
    """Per-group thresholds that make selection rates (demographic parity) closest to equal.

    Men keep ``reference_threshold``; the women's threshold is the grid value whose selection
    rate is closest to the men's. Returns both thresholds and, for every rate, the women's and
    men's values and their gap (``tpr_gap`` is the one the chapter quotes).
    """
    return _match(table, "selection_rate", reference_threshold, label)


def equal_tpr_thresholds(
    table: pd.DataFrame, reference_threshold: float = 0.5, label: str = "approved_past"
) -> dict[str, float]:
    """Per-group thresholds that make TPRs (equal opportunity) closest to equal; see above."""
    return _match(table, "tpr", reference_threshold, label)


def impossibility_figures(table: pd.DataFrame | None = None, label: str = "approved_past") -> dict:
    """The figures the chapter text cites, from the demo table.

    ``shared``: gaps at one threshold of 0.5 for both; ``equal_selection`` and ``equal_tpr``:
    see the functions of those names; ``base_rate_female`` / ``base_rate_male``.
    """
    table = threshold_table() if table is None else table
    shared = lookup(table, 0.5, label=label)
    return {
        "label": label,
        "base_rate_female": float(shared.loc["female", "base_rate"]),
        "base_rate_male": float(shared.loc["male", "base_rate"]),
        "shared": {m: float(shared.loc["gap", m]) for m in RATE_COLUMNS}
        | {f"{m}_{g}": float(shared.loc[g, m]) for m in RATE_COLUMNS for g in GROUPS},
        "equal_selection": equal_selection_thresholds(table, label=label),
        "equal_tpr": equal_tpr_thresholds(table, label=label),
    }
