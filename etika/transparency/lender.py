"""The lender's model of the transparency chapter, and equally accurate rivals.

The lender of the bias chapter "removed gender": its model sees the business figures, the
credit history, the area, the province, the kind of business and the head-of-household flag,
never the gender column, and it learns from ``approved_past``, the past officers' decisions
(which carry label bias). Here the model is a scikit-learn :class:`~sklearn.pipeline.Pipeline`
over the *raw* columns (a :class:`~sklearn.compose.ColumnTransformer` scales numbers and
one-hot encodes categories), so that :func:`sklearn.inspection.permutation_importance`
shuffles whole columns (all of ``business_type`` at once, not one dummy at a time) and the
contributions of one applicant add up per column.

Three model families (logistic regression, gradient boosting, a random forest) and three
seeds (each seed draws another sample and another split, and seeds the model) give nine models
of nearly equal accuracy: :func:`fitted` trains each once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from etika.data import make_microcredit
from etika.demos._model import split

__all__ = [
    "CATEGORICAL",
    "FAMILIES",
    "INPUTS",
    "NUMERIC",
    "SEEDS",
    "THRESHOLD",
    "Fitted",
    "fitted",
    "lender_inputs",
    "make_model",
]

#: Numeric inputs (flags as 0/1); ``log_revenue`` is the natural log of monthly revenue.
NUMERIC: tuple[str, ...] = (
    "age",
    "years_running",
    "credit_history_years",
    "log_revenue",
    "has_marketplace",
    "household_head",
    "rural",
)
CATEGORICAL: tuple[str, ...] = ("business_type", "province")
#: Every input column of the lender's model, in a fixed order (gender is not one of them).
INPUTS: tuple[str, ...] = NUMERIC + CATEGORICAL
FAMILIES: tuple[str, ...] = ("logistic", "boosting", "forest")
SEEDS: tuple[int, ...] = (0, 1, 2)
#: The lender approves an application whose score is at least this.
THRESHOLD = 0.5
#: Size of each seed's sample (half trains, half is held out).
N_ROWS = 4000


def lender_inputs(df: pd.DataFrame) -> pd.DataFrame:
    """The model's input columns (:data:`INPUTS`) from a micro-credit frame."""
    out = pd.DataFrame(index=df.index)
    for col in ("age", "years_running", "credit_history_years"):
        out[col] = df[col].astype(float)
    out["log_revenue"] = np.log(df["monthly_revenue_idr"].astype(float))
    out["has_marketplace"] = df["has_marketplace"].astype(float)
    out["household_head"] = df["household_head"].astype(float)
    out["rural"] = (df["area"].astype(str) == "rural").astype(float)
    for col in CATEGORICAL:
        out[col] = df[col].astype(str)
    return out[list(INPUTS)]


def _encoder() -> ColumnTransformer:
    return ColumnTransformer(
        [
            ("num", StandardScaler(), list(NUMERIC)),
            (
                "cat",
                OneHotEncoder(handle_unknown="ignore", sparse_output=False),
                list(CATEGORICAL),
            ),
        ]
    )


def make_model(family: str = "logistic", seed: int = 0) -> Pipeline:
    """An unfitted pipeline of ``family`` (see :data:`FAMILIES`), seeded with ``seed``."""
    if family == "logistic":
        clf = LogisticRegression(max_iter=2000)
    elif family == "boosting":
        # Not HistGradientBoosting: its OpenMP threads crawl on a shared two-core laptop.
        clf = GradientBoostingClassifier(
            n_estimators=120, learning_rate=0.08, max_depth=3, subsample=0.8, random_state=seed
        )
    elif family == "forest":
        clf = RandomForestClassifier(
            n_estimators=80, min_samples_leaf=20, max_features=0.5, random_state=seed, n_jobs=1
        )
    else:
        raise ValueError(f"unknown model family {family!r}; use one of {', '.join(FAMILIES)}")
    return Pipeline([("encode", _encoder()), ("model", clf)])


@dataclass(frozen=True)
class Fitted:
    """One trained model and its held-out data."""

    family: str
    seed: int
    model: Pipeline
    train: pd.DataFrame
    test: pd.DataFrame
    x_test: pd.DataFrame
    scores: np.ndarray

    @property
    def accuracy(self) -> float:
        """Accuracy on the held-out half against ``approved_past`` (what it learned)."""
        return float(accuracy_score(self.test["approved_past"], self.scores >= THRESHOLD))

    @property
    def auc(self) -> float:
        """Area under the ROC curve on the held-out half, against ``approved_past``."""
        return float(roc_auc_score(self.test["approved_past"], self.scores))


@lru_cache(maxsize=16)
def fitted(family: str = "logistic", seed: int = 0) -> Fitted:
    """The model of ``family`` trained on seed ``seed``'s sample (cached per process)."""
    if seed not in SEEDS:
        raise ValueError(f"seed must be one of {SEEDS}, not {seed!r}")
    data = make_microcredit(N_ROWS, seed=seed)
    train, test = split(data, seed=seed)
    model = make_model(family, seed).fit(lender_inputs(train), train["approved_past"])
    x_test = lender_inputs(test)
    return Fitted(family, seed, model, train, test, x_test, model.predict_proba(x_test)[:, 1])
