"""The mitigation demos' tables, computed from every model's held-out decisions.

* :func:`metrics_table`: per setting and per evaluation label, accuracy, each gender's
  selection rate, true- and false-positive rates, and the three gaps as fairlearn defines
  them (:func:`fairlearn.metrics.demographic_parity_difference`,
  :func:`~fairlearn.metrics.equalized_odds_difference`, and a
  :class:`~fairlearn.metrics.MetricFrame` of the true-positive rate's ``difference()``);
* :func:`flips_table`: per setting, how many held-out applicants' decisions flipped against
  the unmitigated model trained on the same label, by gender, true outcome and direction.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from etika.mitigation import models as M

__all__ = ["GAPS", "GENDERS", "flips_table", "metrics_table", "row"]

GENDERS: tuple[str, ...] = ("female", "male")
#: Which gap each constraint narrows (the demos' "measure").
GAPS: dict[str, str] = {
    "demographic_parity": "dp_gap",
    "equalized_odds": "eo_gap",
    "true_positive_rate_parity": "tpr_gap",
}


def _gaps(y: np.ndarray, pred: np.ndarray, gender: np.ndarray) -> dict[str, float]:
    """Accuracy, per-group rates and the three gaps, vectorised.

    The same definitions as fairlearn's (``demographic_parity_difference``,
    ``equalized_odds_difference``, ``MetricFrame(...).difference()`` of the true positive
    rate): tests/unit/test_mitigation_tables.py checks every row against fairlearn itself.
    Computed here with NumPy because fairlearn's MetricFrame takes a fifth of a second per
    call, and the table has over two hundred rows.
    """
    out = {"accuracy": float(np.mean(y == pred))}
    for g in GENDERS:
        m = gender == g
        out[f"sel_{g}"] = float(pred[m].mean())
        out[f"tpr_{g}"] = float(pred[m & (y == 1)].mean())
        out[f"fpr_{g}"] = float(pred[m & (y == 0)].mean())
    out["dp_gap"] = abs(out["sel_female"] - out["sel_male"])
    out["tpr_gap"] = abs(out["tpr_female"] - out["tpr_male"])
    out["eo_gap"] = max(out["tpr_gap"], abs(out["fpr_female"] - out["fpr_male"]))
    return out


@lru_cache(maxsize=1)
def metrics_table() -> pd.DataFrame:
    """One row per (setting, evaluation label) over the held-out applications."""
    test, dec = M.held_out(), M.decisions()
    gender = test["gender"].astype(str).to_numpy()
    rows = []
    for s in M.settings():
        pred = dec[s.column].to_numpy()
        for ev in M.LABELS:
            rows.append(
                {
                    "label": s[0],
                    "method": s[1],
                    "constraint": s[2],
                    "strength": s[3],
                    "evaluated_on": ev,
                    **_gaps(test[ev].to_numpy(), pred, gender),
                }
            )
    return pd.DataFrame(rows)


def row(label: str, method: str, constraint: str, strength: float, evaluated_on: str) -> pd.Series:
    """The metrics of one setting (``constraint`` ``""`` for methods that take none)."""
    t = metrics_table()
    hit = t[
        (t["label"] == label)
        & (t["method"] == method)
        & (t["constraint"] == constraint)
        & np.isclose(t["strength"], strength)
        & (t["evaluated_on"] == evaluated_on)
    ]
    if len(hit) != 1:
        raise KeyError((label, method, constraint, strength, evaluated_on))
    return hit.iloc[0]


@lru_cache(maxsize=1)
def flips_table() -> pd.DataFrame:
    """Per setting, flipped decisions against the unmitigated model on the same label.

    Columns ``gender``, ``repaid`` (the true outcome) and ``n`` (applicants in that cell),
    ``approved_now`` (refused before, approved now) and ``refused_now`` (the reverse).
    """
    test, dec = M.held_out(), M.decisions()
    rows = []
    for s in M.settings():
        before = dec[M.Setting(s[0], "none", "", 0.0).column].to_numpy()
        after = dec[s.column].to_numpy()
        for g in GENDERS:
            for r in (1, 0):
                cell = (test["gender"].astype(str) == g).to_numpy() & (
                    test["repaid"] == r
                ).to_numpy()
                rows.append(
                    {
                        "label": s[0],
                        "method": s[1],
                        "constraint": s[2],
                        "strength": s[3],
                        "gender": g,
                        "repaid": r,
                        "n": int(cell.sum()),
                        "approved_before": int((before[cell] == 1).sum()),
                        "approved_now": int(((before == 0) & (after == 1) & cell).sum()),
                        "refused_now": int(((before == 1) & (after == 0) & cell).sum()),
                    }
                )
    return pd.DataFrame(rows)
