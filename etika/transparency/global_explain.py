"""What does the model rely on? Permutation importance, partial dependence, and proxies.

For each of the nine models of :mod:`etika.transparency.lender` (three families × three
seeds), :func:`importance_table` holds, per input column:

* ``importance``: the mean drop in held-out ROC AUC when that column is shuffled
  (:func:`sklearn.inspection.permutation_importance`, ``scoring="roc_auc"``, on the held-out
  half, never the training half) and ``importance_std`` over the repeats;
* ``rank``: 1 for the column the model relies on most;
* ``gender_auc``: how well that column *alone* predicts the applicant's gender (held-out ROC AUC
  of a one-column logistic regression trained on the training half; 0.5 = not at all). The
  model never sees gender, yet its most important columns predict gender: the importance lands
  on a proxy;
* the model's own held-out ``accuracy`` and ``auc``, so that a reader can see that equally
  accurate models rank their columns differently.

:func:`dependence_table` holds the partial dependence
(:func:`sklearn.inspection.partial_dependence`, average score) of each model's top
:data:`TOP_DEPENDENCE` columns. Permutation importance describes the *model*, not the world,
and correlated columns can share or hide each other's importance (scikit-learn user guide,
"Permutation feature importance").
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd
from sklearn.inspection import partial_dependence, permutation_importance
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from threadpoolctl import threadpool_limits

from etika.cache import on_disk
from etika.transparency.lender import CATEGORICAL, FAMILIES, INPUTS, SEEDS, fitted

__all__ = [
    "IMPORTANCE_COLUMNS",
    "TOP_DEPENDENCE",
    "dependence_table",
    "gender_power",
    "global_figures",
    "importance_table",
]

N_REPEATS = 3
TOP_DEPENDENCE = 2
PD_GRID = 8
IMPORTANCE_COLUMNS = (
    "family",
    "seed",
    "feature",
    "importance",
    "importance_std",
    "rank",
    "gender_auc",
    "accuracy",
    "auc",
)


def _one_column_model(feature: str):
    if feature in CATEGORICAL:
        return OneHotEncoder(handle_unknown="ignore"), LogisticRegression(max_iter=1000)
    return StandardScaler(), LogisticRegression(max_iter=1000)


@on_disk("transparency-gender-power")
def gender_power(seed: int = 0) -> dict[str, float]:
    """Per input column, the held-out ROC AUC of predicting "female" from that column alone."""
    fit = fitted("logistic", seed)
    from etika.transparency.lender import lender_inputs

    x_train = lender_inputs(fit.train)
    y_train = (fit.train["gender"].astype(str) == "female").to_numpy()
    y_test = (fit.test["gender"].astype(str) == "female").to_numpy()
    out = {}
    for feature in INPUTS:
        model = make_pipeline(*_one_column_model(feature))
        model.fit(x_train[[feature]], y_train)
        p = model.predict_proba(fit.x_test[[feature]])[:, 1]
        out[feature] = float(roc_auc_score(y_test, p))
    return out


@lru_cache(maxsize=16)
def _importance(family: str, seed: int) -> pd.DataFrame:
    fit = fitted(family, seed)
    result = permutation_importance(
        fit.model,
        fit.x_test,
        fit.test["approved_past"],
        scoring="roc_auc",
        n_repeats=N_REPEATS,
        random_state=seed,
        n_jobs=1,
    )
    power = gender_power(seed)
    out = pd.DataFrame(
        {
            "family": family,
            "seed": seed,
            "feature": list(INPUTS),
            "importance": result.importances_mean,
            "importance_std": result.importances_std,
            "gender_auc": [power[f] for f in INPUTS],
            "accuracy": fit.accuracy,
            "auc": fit.auc,
        }
    )
    out["rank"] = out["importance"].rank(ascending=False, method="first").astype("int64")
    return out[list(IMPORTANCE_COLUMNS)]


@on_disk("transparency-importance")
def _importance_all() -> pd.DataFrame:
    # One thread: on a shared two-core laptop, BLAS/OpenMP threads only fight each other here.
    with threadpool_limits(limits=1):
        return pd.concat([_importance(f, s) for f in FAMILIES for s in SEEDS], ignore_index=True)


def importance_table() -> pd.DataFrame:
    """One row per (family, seed, feature); see :data:`IMPORTANCE_COLUMNS`."""
    return _importance_all().copy()


@lru_cache(maxsize=16)
def _dependence(family: str, seed: int) -> pd.DataFrame:
    fit = fitted(family, seed)
    imp = _importance(family, seed).sort_values("rank")
    rows = []
    for feature in imp["feature"].head(TOP_DEPENDENCE):
        categorical = feature in CATEGORICAL or feature in (
            "has_marketplace",
            "household_head",
            "rural",
        )
        res = partial_dependence(
            fit.model,
            fit.x_test,
            [feature],
            categorical_features=[feature] if categorical else None,
            grid_resolution=PD_GRID,
            percentiles=(0.05, 0.95),
            kind="average",
        )
        for k, (value, avg) in enumerate(
            zip(res["grid_values"][0], res["average"][0], strict=True)
        ):
            rows.append((family, seed, feature, k, value, float(avg)))
    return pd.DataFrame(
        rows, columns=["family", "seed", "feature", "point", "value", "average_score"]
    )


def dependence_table() -> pd.DataFrame:
    """Partial dependence: one row per (family, seed, top feature, grid point).

    ``value`` is the grid value (a number, or a category's name), ``average_score`` the mean
    predicted score over the held-out half when every applicant is given that value.
    """
    return _dependence_all().copy()


@on_disk("transparency-dependence")
def _dependence_all() -> pd.DataFrame:
    with threadpool_limits(limits=1):
        return pd.concat([_dependence(f, s) for f in FAMILIES for s in SEEDS], ignore_index=True)


def _top(table: pd.DataFrame, family: str, seed: int, n: int = 3) -> list[str]:
    sub = table[(table["family"] == family) & (table["seed"] == seed)].sort_values("rank")
    return sub["feature"].head(n).tolist()


def global_figures() -> dict[str, float | str]:
    """The figures the chapter quotes about what the models rely on (plain values)."""
    table = importance_table()
    power = gender_power(0)
    models = table.drop_duplicates(["family", "seed"])
    base = table[(table["family"] == "logistic") & (table["seed"] == 0)].set_index("feature")
    top = _top(table, "logistic", 0)
    out: dict[str, float | str] = {
        "auc_min": float(models["auc"].min()),
        "auc_max": float(models["auc"].max()),
        "accuracy_min": float(models["accuracy"].min()),
        "accuracy_max": float(models["accuracy"].max()),
        "top1_feature": top[0],
        "top2_feature": top[1],
        "top3_feature": top[2],
        "top1_importance": float(base.loc[top[0], "importance"]),
        "top2_importance": float(base.loc[top[1], "importance"]),
        "top1_gender_auc": float(power[top[0]]),
        "top2_gender_auc": float(power[top[1]]),
    }
    for feature in INPUTS:
        out[f"gender_auc_{feature}"] = float(power[feature])
    # Equally accurate, explained differently: the seed-0 models of each family.
    seed0 = models[models["seed"] == 0].set_index("family")
    for family in FAMILIES:
        out[f"auc_{family}"] = float(seed0.loc[family, "auc"])
        out[f"top1_{family}"] = _top(table, family, 0, 1)[0]
        sub = table[(table["family"] == family) & (table["seed"] == 0)].set_index("feature")
        out[f"share_top1_{family}"] = float(
            sub["importance"].max() / sub["importance"].clip(lower=0).sum()
        )
    return out
