"""The mitigation demos' tables, computed from every model's held-out decisions.

* :func:`metrics_table`: per setting and per evaluation label, accuracy, each gender's
  selection rate, true- and false-positive rates, and the three gaps as fairlearn computes
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
from fairlearn.metrics import (
    MetricFrame,
    demographic_parity_difference,
    equalized_odds_difference,
    false_positive_rate,
    selection_rate,
    true_positive_rate,
)
from sklearn.metrics import accuracy_score

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
    frame = MetricFrame(
        metrics={"sel": selection_rate, "tpr": true_positive_rate, "fpr": false_positive_rate},
        y_true=y,
        y_pred=pred,
        sensitive_features=gender,
    )
    out = {
        "accuracy": float(accuracy_score(y, pred)),
        "dp_gap": float(demographic_parity_difference(y, pred, sensitive_features=gender)),
        "eo_gap": float(equalized_odds_difference(y, pred, sensitive_features=gender)),
        "tpr_gap": float(frame.difference()["tpr"]),
    }
    for g in GENDERS:
        for m in ("sel", "tpr", "fpr"):
            out[f"{m}_{g}"] = float(frame.by_group.loc[g, m])
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


def row(
    label: str, method: str, constraint: str, strength: float, evaluated_on: str
) -> pd.Series:
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
                cell = (test["gender"].astype(str) == g).to_numpy() & (test["repaid"] == r).to_numpy()
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
