"""Representation bias: how the share of rural applicants in the training data changes errors.

For each rural share in :data:`SHARES` and each of a few seeds, a logistic-regression model
learns the true outcome ``repaid`` from a training sample of the micro-credit data with that
share of rural applicants, and is evaluated on one fixed test set with as many rural as urban
applicants. Rural repayment depends on different things (years in business more than one
month's revenue), so a model that has seen few rural applicants learns the urban pattern and
makes more errors for rural applicants. The table averages over the seeds.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from etika.data import make_microcredit
from etika.demos._model import features, logistic_model

__all__ = ["AREAS", "SHARES", "representation_figures", "representation_table"]

SHARES: tuple[float, ...] = tuple(round(0.05 * i, 2) for i in range(1, 11))
AREAS: tuple[str, ...] = ("urban", "rural")
SEEDS: tuple[int, ...] = (0, 1, 2)
TRAIN_SIZE = 2000
TEST_SIZE = 4000
TEST_SEED = 1000
METRICS = ("error_rate", "fpr", "fnr", "accuracy")
TABLE_COLUMNS = ("rural_share", "group", *METRICS, "error_rate_sd", "count", "seeds")


def _rates(y: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    y, pred = y.astype(bool), pred.astype(bool)
    neg, pos = (~y).sum(), y.sum()
    err = float(np.mean(y != pred))
    return {
        "error_rate": err,
        "fpr": float((pred & ~y).sum() / neg) if neg else float("nan"),
        "fnr": float((~pred & y).sum() / pos) if pos else float("nan"),
        "accuracy": 1.0 - err,
    }


def evaluation_set() -> pd.DataFrame:
    """The fixed, balanced test set (half rural) every model is evaluated on."""
    return make_microcredit(TEST_SIZE, seed=TEST_SEED, rural_share=0.5)


def predictions(rural_share: float, seed: int) -> np.ndarray:
    """0/1 predictions on :func:`evaluation_set` of the model trained at ``rural_share``."""
    train = make_microcredit(TRAIN_SIZE, seed=seed, rural_share=rural_share)
    model = logistic_model().fit(features(train), train["repaid"])
    return model.predict(features(evaluation_set()))


@lru_cache(maxsize=2)
def _table(seeds: tuple[int, ...]) -> pd.DataFrame:
    test = evaluation_set()
    x_test = features(test)
    y = test["repaid"].to_numpy()
    area = test["area"].astype(str).to_numpy()
    rows = []
    for share in SHARES:
        per_seed = {a: [] for a in AREAS}
        for seed in seeds:
            train = make_microcredit(TRAIN_SIZE, seed=seed, rural_share=share)
            pred = logistic_model().fit(features(train), train["repaid"]).predict(x_test)
            for a in AREAS:
                mask = area == a
                per_seed[a].append(_rates(y[mask], pred[mask]))
        for a in AREAS:
            frame = pd.DataFrame(per_seed[a])
            rows.append(
                {
                    "rural_share": share,
                    "group": a,
                    **frame.mean().to_dict(),
                    "error_rate_sd": float(frame["error_rate"].std(ddof=0)),
                    "count": int((area == a).sum()),
                    "seeds": len(seeds),
                }
            )
    return pd.DataFrame(rows)[list(TABLE_COLUMNS)]


def representation_table(seeds: tuple[int, ...] = SEEDS) -> pd.DataFrame:
    """One row per (rural_share, group): mean error rate, FPR, FNR, accuracy over ``seeds``."""
    return _table(tuple(seeds)).copy()


def representation_figures(seeds: tuple[int, ...] = SEEDS) -> dict[str, float]:
    """Figures for the prose: rural/urban error at the smallest and largest rural share."""
    table = representation_table(seeds).set_index(["rural_share", "group"])
    lo, hi = SHARES[0], SHARES[-1]
    test = evaluation_set()
    rural_base = float(test.loc[test["area"] == "rural", "repaid"].mean())
    return {
        "share_low": lo,
        "share_high": hi,
        "rural_error_low": float(table.loc[(lo, "rural"), "error_rate"]),
        "rural_error_high": float(table.loc[(hi, "rural"), "error_rate"]),
        "urban_error_low": float(table.loc[(lo, "urban"), "error_rate"]),
        "urban_error_high": float(table.loc[(hi, "urban"), "error_rate"]),
        "rural_majority_error": min(rural_base, 1 - rural_base),
    }
