"""Every mitigated model of the mitigation chapter, fitted once over the demos' grid.

The scenario is the course's micro-credit lender (:mod:`etika.transparency.lender`): a logistic
model over the business figures, credit history, area, province, kind of business and the
head-of-household flag, never the gender column. What changes is *how* it is made fairer by
the measures fairlearn offers, at three places:

* before training: :class:`fairlearn.preprocessing.CorrelationRemover` (``alpha``) and
  reweighing (Kamiran & Calders, 2012: each gender-and-label cell weighted so that gender and
  label are independent in the training data);
* during training: :class:`fairlearn.reductions.ExponentiatedGradient` with a constraint
  (``DemographicParity``, ``EqualizedOdds``, ``TruePositiveRateParity``) and a bound ``eps``;
* after training: :class:`fairlearn.postprocessing.ThresholdOptimizer` on the unmitigated
  model's scores, with the same constraints and its tolerance ``tol``.

Each model is trained on one of two labels: ``approved_past`` (past officers' decisions, with
label bias: what a lender has) or ``repaid`` (the true outcome, known here because the data are
synthetic). :func:`decisions` holds every model's held-out decisions, one column per setting;
the demos' tables are computed from it. Fitting all of them takes about a minute, so the result
is kept on disk (:func:`etika.cache.on_disk`), keyed by the package's source and the libraries'
versions.
"""

from __future__ import annotations

import warnings
from functools import lru_cache

import numpy as np
import pandas as pd
from fairlearn.postprocessing import ThresholdOptimizer
from fairlearn.preprocessing import CorrelationRemover
from fairlearn.reductions import (
    DemographicParity,
    EqualizedOdds,
    ExponentiatedGradient,
    TruePositiveRateParity,
)
from sklearn.linear_model import LogisticRegression

from etika.cache import on_disk
from etika.data import make_microcredit
from etika.demos._model import split
from etika.transparency.lender import _encoder, lender_inputs

__all__ = [
    "CONSTRAINTS",
    "LABELS",
    "METHODS",
    "STRENGTHS",
    "Setting",
    "decisions",
    "held_out",
    "kamiran_calders_weights",
    "settings",
    "strengths",
]

#: Rows drawn (half train, half held out) and the seed: the lender's sample of the
#: transparency chapter (seed 0).
N_ROWS = 4000
SEED = 0
LABELS: tuple[str, ...] = ("approved_past", "repaid")
#: Methods in the order the demos list them; ``none`` is the unmitigated model.
METHODS: tuple[str, ...] = (
    "none",
    "reweighing",
    "correlation_remover",
    "exponentiated_gradient",
    "threshold_optimizer",
)
#: The constraints of the methods that take one; the others are shown under every measure.
CONSTRAINTS: tuple[str, ...] = (
    "demographic_parity",
    "equalized_odds",
    "true_positive_rate_parity",
)
_MOMENTS = {
    "demographic_parity": DemographicParity,
    "equalized_odds": EqualizedOdds,
    "true_positive_rate_parity": TruePositiveRateParity,
}
#: Strengths per method, weakest first. ``eps`` bounds the constraint's violation on the
#: training data; ``tol`` is how far ThresholdOptimizer may stray from exact parity; ``alpha``
#: is how much of the correlation with gender CorrelationRemover removes.
STRENGTHS: dict[str, tuple[float, ...]] = {
    "none": (0.0,),
    "reweighing": (1.0,),
    "correlation_remover": (0.25, 0.5, 0.75, 1.0),
    "exponentiated_gradient": (0.1, 0.05, 0.02, 0.01),
    "threshold_optimizer": (0.1, 0.05, 0.02, 0.0),
}
THRESHOLD = 0.5


def strengths(method: str, constraint: str = "") -> tuple[float, ...]:
    """The strengths fitted for ``method`` under ``constraint``.

    fairlearn's ThresholdOptimizer has no relaxed version of equalized odds: exact only.
    """
    if method == "threshold_optimizer" and constraint == "equalized_odds":
        return (0.0,)
    return STRENGTHS[method]


class Setting(tuple):
    """``(label, method, constraint, strength)``; ``constraint`` is ``""`` where none applies."""

    __slots__ = ()

    def __new__(cls, label: str, method: str, constraint: str, strength: float):
        return super().__new__(cls, (label, method, constraint, float(strength)))

    @property
    def column(self) -> str:
        label, method, constraint, strength = self
        return f"{label}|{method}|{constraint}|{strength:g}"


def settings() -> list[Setting]:
    """Every fitted setting, in a fixed order."""
    out = []
    for label in LABELS:
        for method in METHODS:
            cons = (
                CONSTRAINTS
                if method in ("exponentiated_gradient", "threshold_optimizer")
                else ("",)
            )
            for c in cons:
                for s in strengths(method, c):
                    out.append(Setting(label, method, c, s))
    return out


@lru_cache(maxsize=1)
def _data() -> tuple[pd.DataFrame, pd.DataFrame]:
    data = make_microcredit(N_ROWS, seed=SEED)
    return split(data, seed=SEED)


def held_out() -> pd.DataFrame:
    """The held-out applications every model is judged on (gender, area, both labels)."""
    return _data()[1].reset_index(drop=True)


def kamiran_calders_weights(group: pd.Series, label: pd.Series) -> np.ndarray:
    """Reweighing weights: P(group) P(label) / P(group, label) for each row's cell.

    After weighting, group and label are independent in the training data (Kamiran & Calders,
    2012, section 4.2): cells the past under-approved (women approved) weigh more.
    """
    g = pd.Series(np.asarray(group).astype(str))
    y = pd.Series(np.asarray(label))
    p_g = g.map(g.value_counts(normalize=True))
    p_y = y.map(y.value_counts(normalize=True))
    cells = pd.Series(list(zip(g, y, strict=True)))
    p_gy = cells.map(cells.value_counts(normalize=True))
    return (p_g * p_y / p_gy).to_numpy(dtype=float)


def _encoded() -> tuple[np.ndarray, np.ndarray]:
    train, test = _data()
    enc = _encoder().fit(lender_inputs(train))
    return enc.transform(lender_inputs(train)), enc.transform(lender_inputs(test))


def _logistic() -> LogisticRegression:
    return LogisticRegression(max_iter=2000)


def _fit_label(label: str) -> dict[str, np.ndarray]:
    train, test = _data()
    x_tr, x_te = _encoded()
    y = train[label].to_numpy()
    a_tr = train["gender"].astype(str).to_numpy()
    a_te = test["gender"].astype(str).to_numpy()
    out: dict[str, np.ndarray] = {}
    base = _logistic().fit(x_tr, y)
    out[Setting(label, "none", "", 0.0).column] = base.predict(x_te)
    w = kamiran_calders_weights(a_tr, y)
    rw = _logistic().fit(x_tr, y, sample_weight=w)
    out[Setting(label, "reweighing", "", 1.0).column] = rw.predict(x_te)
    # CorrelationRemover works on numbers: the encoded inputs plus a 0/1 gender column, which
    # it then drops (the model still never sees gender).
    f_tr = np.column_stack([x_tr, a_tr == "female"]).astype(float)
    f_te = np.column_stack([x_te, a_te == "female"]).astype(float)
    sens = f_tr.shape[1] - 1
    for alpha in STRENGTHS["correlation_remover"]:
        cr = CorrelationRemover(sensitive_feature_ids=[sens], alpha=alpha).fit(f_tr)
        m = _logistic().fit(cr.transform(f_tr), y)
        out[Setting(label, "correlation_remover", "", alpha).column] = m.predict(cr.transform(f_te))
    for c in CONSTRAINTS:
        for eps in STRENGTHS["exponentiated_gradient"]:
            eg = ExponentiatedGradient(_logistic(), _MOMENTS[c](), eps=eps)
            eg.fit(x_tr, y, sensitive_features=a_tr)
            col = Setting(label, "exponentiated_gradient", c, eps).column
            out[col] = np.asarray(eg.predict(x_te, random_state=SEED))
        for tol in strengths("threshold_optimizer", c):
            to = ThresholdOptimizer(
                estimator=base,
                constraints=c,
                prefit=True,
                predict_method="predict_proba",
                tol=tol if tol > 0 else None,
            )
            to.fit(x_tr, y, sensitive_features=a_tr)
            col = Setting(label, "threshold_optimizer", c, tol).column
            out[col] = np.asarray(to.predict(x_te, sensitive_features=a_te, random_state=SEED))
    return out


@on_disk("mitigation-decisions")
def decisions() -> pd.DataFrame:
    """Held-out decisions (0/1) of every setting, one column per :attr:`Setting.column`."""
    cols: dict[str, np.ndarray] = {}
    with warnings.catch_warnings():
        # fairlearn 0.15's reductions use pandas in ways pandas 3 deprecates (``.at`` on a
        # missing key, setting a bool into a float Series): Pandas4Warning, fairlearn's
        # concern, not a wrong result (tests/unit/test_mitigation_tables.py checks the
        # results against fairlearn's metrics).
        warnings.filterwarnings("ignore", category=pd.errors.Pandas4Warning)
        for label in LABELS:
            cols |= _fit_label(label)
    return pd.DataFrame(cols).astype("int8")
