"""What the mitigation assignment (exercises/source/mitigation) starts from.

The lender's data and model as the chapter's demos use them (:mod:`etika.mitigation.models`),
returned as plain arrays, and a handful of mitigated settings that fit in a second or two, so
that the assignment runs fast in a grader's sandbox (which has no disk cache).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from fairlearn.postprocessing import ThresholdOptimizer
from fairlearn.preprocessing import CorrelationRemover
from sklearn.linear_model import LogisticRegression

from etika.mitigation import models as M

__all__ = ["Lender", "lender", "options"]


@dataclass(frozen=True)
class Lender:
    """Encoded inputs, past decisions, gender and repayment, for both halves."""

    x_train: np.ndarray
    y_train: np.ndarray
    a_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    a_test: np.ndarray
    repaid_test: np.ndarray
    model: LogisticRegression


def lender() -> Lender:
    """The lender's unmitigated model, trained on past decisions, and its two halves."""
    train, test = M._data()
    x_tr, x_te = M._encoded()
    y = train["approved_past"].to_numpy()
    model = LogisticRegression(max_iter=2000).fit(x_tr, y)
    return Lender(
        x_tr, y, train["gender"].astype(str).to_numpy(),
        x_te, test["approved_past"].to_numpy(), test["gender"].astype(str).to_numpy(),
        test["repaid"].to_numpy(), model,
    )  # fmt: skip


def options(data: Lender) -> dict[str, np.ndarray]:
    """Held-out decisions of a few settings the board can choose from, by name."""
    out = {"none": data.model.predict(data.x_test)}
    w = M.kamiran_calders_weights(data.a_train, data.y_train)
    rw = LogisticRegression(max_iter=2000).fit(data.x_train, data.y_train, sample_weight=w)
    out["reweighing"] = rw.predict(data.x_test)
    f_tr = np.column_stack([data.x_train, data.a_train == "female"]).astype(float)
    f_te = np.column_stack([data.x_test, data.a_test == "female"]).astype(float)
    for alpha in (0.5, 1.0):
        cr = CorrelationRemover(sensitive_feature_ids=[f_tr.shape[1] - 1], alpha=alpha).fit(f_tr)
        m = LogisticRegression(max_iter=2000).fit(cr.transform(f_tr), data.y_train)
        out[f"correlation_remover_{alpha:g}"] = m.predict(cr.transform(f_te))
    for tol in (0.05, 0.02):
        to = ThresholdOptimizer(
            estimator=data.model, constraints="demographic_parity", prefit=True,
            predict_method="predict_proba", tol=tol,
        ).fit(data.x_train, data.y_train, sensitive_features=data.a_train)  # fmt: skip
        out[f"threshold_optimizer_tol_{tol:g}"] = np.asarray(
            to.predict(data.x_test, sensitive_features=data.a_test, random_state=0)
        )
    return out


def as_frame(decisions: dict[str, np.ndarray]) -> pd.DataFrame:
    """The options as a table, one column per setting."""
    return pd.DataFrame(decisions)
