"""Why was this application refused? Named applicants, contributions and counterfactuals.

Five applicants (made up, with short stories in both languages) are scored by the lender's
logistic model (:func:`etika.transparency.lender.fitted`). For a logistic regression on
standardised inputs the log-odds are ``intercept + Σ coef_j · z_j``, where ``z_j`` is input
``j`` centred on the training mean and scaled; ``coef_j · z_j`` is that input's
**contribution**: how far it pushes this applicant's log-odds above or below those of an
average applicant (the exact linear explanation; for a linear model it equals the SHAP value
with independent inputs). One-hot columns of a category are summed, so each row of the
explanation is one column of the application.

:func:`applicant_table` is the demo's table over its grid: for every applicant, every
combination of the changes an applicant could try (more monthly revenue, starting to sell on
a marketplace, waiting a year or two while the business and its credit history grow) and the
one they cannot (living in a town rather than a village), the score, the decision and every
contribution. :func:`smallest_change` reads from it the least effort that flips a refusal.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from etika.cache import on_disk
from etika.transparency.lender import CATEGORICAL, INPUTS, NUMERIC, THRESHOLD, fitted

__all__ = [
    "APPLICANTS",
    "CHANGE_COLUMNS",
    "IMMUTABLE",
    "REVENUE_STEPS",
    "WAIT_YEARS",
    "Applicant",
    "applicant_frame",
    "applicant_table",
    "contributions",
    "effort",
    "immutable_flip",
    "present",
    "smallest_change",
]

#: Monthly revenue, as a multiple of the applicant's present revenue.
REVENUE_STEPS: tuple[float, ...] = (1.0, 1.1, 1.25, 1.5, 2.0)
#: Years the applicant waits (the business and its formal credit history grow; so does age).
WAIT_YEARS: tuple[int, ...] = (0, 1, 2)
#: The changes in the grid: three an applicant can try, one they cannot (``urban``).
CHANGE_COLUMNS: tuple[str, ...] = ("revenue_step", "marketplace", "wait_years", "urban")
#: Inputs the applicant cannot change (``rural`` is where they live; ``business_type`` would
#: mean another trade, ``household_head`` another family).
IMMUTABLE: tuple[str, ...] = ("age", "rural", "province", "household_head", "business_type")
#: Effort points of one step of each change: the "smallest" change has the fewest points.
EFFORT = {"revenue_step": 1, "marketplace": 1, "wait_years": 2}


@dataclass(frozen=True)
class Applicant:
    """A made-up applicant: the application's columns and a one-line story per language."""

    key: str
    name: str
    gender: str
    age: int
    province: str
    area: str
    household_head: bool
    business_type: str
    years_running: float
    monthly_revenue_idr: int
    credit_history_years: float
    has_marketplace: bool
    story_en: str
    story_id: str


APPLICANTS: tuple[Applicant, ...] = (
    Applicant(
        "sari", "Sari", "female", 34, "Jawa Timur", "urban", False, "catering", 3.0,
        4_500_000, 0.5, False,
        "Sari cooks for offices and weddings in Malang. Her husband's name is on the family's "
        "only past loan.",
        "Sari memasak untuk kantor dan pesta pernikahan di Malang. Satu-satunya pinjaman "
        "keluarga dulu tercatat atas nama suaminya.",
    ),
    Applicant(
        "dewi", "Dewi", "female", 46, "Kalimantan Selatan", "rural", True, "tailoring", 9.0,
        2_600_000, 1.0, False,
        "Dewi, a widow, has sewn school uniforms in her village near Banjarbaru for nine "
        "years; orders come in before each school year.",
        "Dewi, seorang janda, sudah sembilan tahun menjahit seragam sekolah di desanya dekat "
        "Banjarbaru; pesanan datang menjelang setiap tahun ajaran.",
    ),
    Applicant(
        "rina", "Rina", "female", 27, "DKI Jakarta", "urban", False, "online_shop", 1.5,
        6_500_000, 0.0, True,
        "Rina sells hijabs on two marketplaces from her flat in Jakarta. She has never had a "
        "bank loan.",
        "Rina menjual hijab di dua marketplace dari rumah susunnya di Jakarta. Ia belum pernah "
        "meminjam dari bank.",
    ),
    Applicant(
        "budi", "Budi", "male", 31, "Jawa Barat", "urban", True, "repair_shop", 4.0,
        5_000_000, 3.0, False,
        "Budi runs a motorbike repair shop (bengkel) in Bandung and repaid a bank loan for "
        "his tools.",
        "Budi membuka bengkel motor di Bandung dan sudah melunasi pinjaman bank untuk "
        "peralatannya.",
    ),
    Applicant(
        "yohanes", "Yohanes", "male", 52, "Nusa Tenggara Timur", "rural", True,
        "farm_produce", 14.0, 3_000_000, 2.0, False,
        "Yohanes grows and sells maize and beans near Kupang; his income comes mostly after "
        "each harvest.",
        "Yohanes menanam dan menjual jagung dan kacang di dekat Kupang; penghasilannya "
        "sebagian besar datang setelah panen.",
    ),
)  # fmt: skip


def applicant_frame() -> pd.DataFrame:
    """The applicants as rows of a micro-credit frame (the model's raw columns)."""
    rows = [
        {
            "key": a.key,
            "name": a.name,
            "gender": a.gender,
            "age": a.age,
            "province": a.province,
            "area": a.area,
            "household_head": a.household_head,
            "business_type": a.business_type,
            "years_running": a.years_running,
            "monthly_revenue_idr": a.monthly_revenue_idr,
            "credit_history_years": a.credit_history_years,
            "has_marketplace": a.has_marketplace,
        }
        for a in APPLICANTS
    ]
    return pd.DataFrame(rows)


def _changed_inputs(base: pd.Series, step: float, marketplace: bool, wait: int, urban: bool):
    """The model's inputs of applicant ``base`` after the given changes."""
    from etika.transparency.lender import lender_inputs

    row = base.copy()
    row["monthly_revenue_idr"] = round(base["monthly_revenue_idr"] * step)
    row["has_marketplace"] = bool(base["has_marketplace"] or marketplace)
    row["years_running"] = base["years_running"] + wait
    row["credit_history_years"] = base["credit_history_years"] + wait
    row["age"] = base["age"] + wait
    if urban:
        row["area"] = "urban"
    return lender_inputs(pd.DataFrame([row]))


def contributions(x: pd.DataFrame, seed: int = 0) -> tuple[pd.DataFrame, float]:
    """Each input column's contribution to the log-odds of each row of ``x`` (model inputs).

    Returns ``(frame with one column per input, intercept)``; for every row, ``intercept +
    frame.sum(axis=1)`` equals the model's ``decision_function``.
    """
    pipe = fitted("logistic", seed).model
    encoder, clf = pipe.named_steps["encode"], pipe.named_steps["model"]
    z = encoder.transform(x)
    names = encoder.get_feature_names_out()
    parts = z * clf.coef_[0]
    out = pd.DataFrame(index=x.index)
    for col in INPUTS:
        prefix = f"num__{col}" if col in NUMERIC else f"cat__{col}_"
        mask = [n == prefix if col in NUMERIC else n.startswith(prefix) for n in names]
        out[col] = parts[:, np.asarray(mask)].sum(axis=1)
    # A one-hot category's centred contribution: subtract the training mean of its dummies.
    means = encoder.transform(lender_inputs_train(seed)).mean(axis=0) * clf.coef_[0]
    intercept = float(clf.intercept_[0])
    for col in CATEGORICAL:
        mask = np.array([n.startswith(f"cat__{col}_") for n in names])
        shift = float(means[mask].sum())
        out[col] -= shift
        intercept += shift
    return out, intercept


@lru_cache(maxsize=4)
def _train_inputs(seed: int) -> pd.DataFrame:
    from etika.transparency.lender import lender_inputs

    return lender_inputs(fitted("logistic", seed).train)


def lender_inputs_train(seed: int = 0) -> pd.DataFrame:
    """The training half's model inputs (the "average applicant" contributions are taken from)."""
    return _train_inputs(seed)


def effort(revenue_step: int, marketplace: bool, wait_years: int) -> int:
    """Effort points of a change: see :data:`EFFORT` (the immutable change has none: it is
    not a change an applicant can make)."""
    return (
        EFFORT["revenue_step"] * revenue_step
        + EFFORT["marketplace"] * int(marketplace)
        + EFFORT["wait_years"] * wait_years
    )


@on_disk("transparency-applicants")
def _table(seed: int) -> pd.DataFrame:
    base = applicant_frame()
    records, xs = [], []
    for _, a in base.iterrows():
        for i, step in enumerate(REVENUE_STEPS):
            for marketplace in (False, True):
                for wait in WAIT_YEARS:
                    for urban in (False, True):
                        xs.append(_changed_inputs(a, step, marketplace, wait, urban))
                        records.append(
                            {
                                "applicant": a["key"],
                                "revenue_step": i,
                                "marketplace": marketplace,
                                "wait_years": wait,
                                "urban": urban,
                                "revenue_idr": round(a["monthly_revenue_idr"] * step),
                                "effort": effort(i, marketplace and not a["has_marketplace"], wait),
                                "no_op": bool(
                                    (marketplace and a["has_marketplace"])
                                    or (urban and a["area"] == "urban")
                                ),
                            }
                        )
    x = pd.concat(xs, ignore_index=True)
    contrib, intercept = contributions(x, seed)
    table = pd.DataFrame(records)
    logit = intercept + contrib.sum(axis=1).to_numpy()
    table["score"] = 1.0 / (1.0 + np.exp(-logit))
    table["approved"] = table["score"] >= THRESHOLD
    for col in INPUTS:
        table[f"c_{col}"] = contrib[col].to_numpy()
    table["intercept"] = intercept
    return table


def applicant_table(seed: int = 0) -> pd.DataFrame:
    """The demo's table: one row per (applicant, revenue step, marketplace, wait, urban).

    Columns: the four change columns (:data:`CHANGE_COLUMNS`; ``revenue_step`` indexes
    :data:`REVENUE_STEPS`), ``revenue_idr``, ``effort`` (points of the changes an applicant
    can make), ``no_op`` (the change asked for is already true), ``score``, ``approved`` and
    ``c_<input>``: each input's contribution to the log-odds, plus ``intercept``.
    """
    return _table(seed).copy()


def present(table: pd.DataFrame, key: str) -> pd.Series:
    """The applicant's row with no change at all."""
    sub = table[(table["applicant"] == key) & (table["revenue_step"] == 0)]
    sub = sub[~sub["marketplace"] & (sub["wait_years"] == 0) & ~sub["urban"]]
    return sub.iloc[0]


def smallest_change(table: pd.DataFrame, key: str) -> pd.Series | None:
    """The approved row of least effort among the changes applicant ``key`` can make.

    Only rows without the immutable change (``urban`` false) count; ties are broken by the
    higher score. ``None`` when the applicant is already approved or no change in the grid
    flips the decision.
    """
    sub = table[(table["applicant"] == key) & ~table["urban"]]
    if present(table, key)["approved"]:
        return None
    sub = sub[sub["approved"] & ~(sub["marketplace"] & sub["no_op"])]
    if sub.empty:
        return None
    return sub.sort_values(["effort", "score"], ascending=[True, False]).iloc[0]


def immutable_flip(table: pd.DataFrame, key: str) -> bool:
    """Would living in a town instead of a village alone flip this applicant's refusal?"""
    sub = table[
        (table["applicant"] == key)
        & (table["revenue_step"] == 0)
        & ~table["marketplace"]
        & (table["wait_years"] == 0)
    ]
    now, moved = sub[~sub["urban"]].iloc[0], sub[sub["urban"]].iloc[0]
    return bool(not now["approved"] and moved["approved"] and not moved["no_op"])
