"""The linkage attack: join the "anonymous" list with the roster on quasi-identifiers (demo 1).

An attacker who holds the village roster generalises it exactly as the NGO generalised its list
and joins the two on the columns they share. A beneficiary whose published row matches exactly
one resident is **re-identified**: the attacker now knows that this named person receives aid,
and which programme. :func:`linkage_table` computes, for every combination of the demo's
controls (age exact or in 5- or 10-year bands or dropped; village or only district; occupation
and household size kept or dropped):

* ``k``: the smallest group of published rows sharing the same quasi-identifiers
  (**k-anonymity**, Sweeney 2002); ``unique_share``: rows alone in their group (k = 1);
* ``reidentified``: rows whose quasi-identifiers match one resident only (checked against the
  hidden ``resident_id``: every unique match is the right person, since every beneficiary is a
  resident);
* ``l``: the fewest distinct aid programmes in a group (**l-diversity**, Machanavajjhala et al.
  2006) and ``disclosed_share``: rows in a group where everyone receives the same programme, so
  that knowing a person is in the group tells which aid they receive even when k is large;
* what the list still allows: ``mean_group`` (the average number of rows a row shares its
  quasi-identifiers with) and ``elderly_by_village`` (can the NGO still count beneficiaries aged
  60 or more in each village, the use it publishes the list for?) and ``withheld``: rows left
  out because their group is smaller than :data:`SUPPRESS_BELOW` (**suppression**, the usual
  companion of generalisation: without it one unusual person keeps k at 1).
"""

from __future__ import annotations

import itertools
from functools import lru_cache

import pandas as pd

from etika.privacy.beneficiaries import beneficiaries, roster

__all__ = [
    "AGE_LEVELS",
    "GRID_COLUMNS",
    "PLACE_LEVELS",
    "SUPPRESS_BELOW",
    "first_safe",
    "generalise",
    "group_sizes",
    "k_anonymity",
    "l_diversity",
    "link",
    "linkage_table",
]

AGE_LEVELS: tuple[str, ...] = ("exact", "band5", "band10", "dropped")
PLACE_LEVELS: tuple[str, ...] = ("village", "district")
GRID_COLUMNS: tuple[str, ...] = ("age", "place", "occupation", "household_size", "suppress")
#: Rows in a published group smaller than this are withheld when ``suppress`` is on.
SUPPRESS_BELOW = 5


def generalise(
    frame: pd.DataFrame,
    age: str = "exact",
    place: str = "village",
    occupation: bool = True,
    household_size: bool = True,
) -> tuple[pd.DataFrame, list[str]]:
    """``frame`` with its quasi-identifiers generalised, and the list of those left.

    Age bands start at multiples of the band width (``40-44``, ``40-49``), so that 60 and over
    stays countable in every banding.
    """
    out = frame.copy()
    qi = []
    if place == "village":
        qi.append("village")
    elif place == "district":
        qi.append("district")
    else:
        raise ValueError(f"place must be one of {PLACE_LEVELS}, not {place!r}")
    if age in ("band5", "band10"):
        width = 5 if age == "band5" else 10
        low = (out["age"] // width) * width
        out["age"] = low.astype(str) + "-" + (low + width - 1).astype(str)
        qi.append("age")
    elif age == "exact":
        qi.append("age")
    elif age != "dropped":
        raise ValueError(f"age must be one of {AGE_LEVELS}, not {age!r}")
    qi.append("sex")
    if household_size:
        qi.append("household_size")
    if occupation:
        qi.append("occupation")
    return out, qi


def group_sizes(frame: pd.DataFrame, qi: list[str]) -> pd.Series:
    """For each row, how many rows of ``frame`` share its quasi-identifiers."""
    return frame.groupby(qi, sort=False)[qi[0]].transform("size")


def k_anonymity(frame: pd.DataFrame, qi: list[str]) -> int:
    """The k of ``frame`` on ``qi``: the size of its smallest group."""
    return int(frame.groupby(qi, sort=False).size().min())


def l_diversity(frame: pd.DataFrame, qi: list[str], sensitive: str = "aid") -> int:
    """The (distinct) l of ``frame``: the fewest distinct ``sensitive`` values in a group."""
    return int(frame.groupby(qi, sort=False)[sensitive].nunique().min())


def link(published: pd.DataFrame, people: pd.DataFrame, qi: list[str]) -> pd.DataFrame:
    """The published rows that match exactly one resident, with that resident's name and id."""
    counts = people.groupby(qi, sort=False).size().rename("matches").reset_index()
    unique = people.merge(counts[counts["matches"] == 1], on=qi)
    hit = published.merge(unique[[*qi, "name", "resident_id"]], on=qi, suffixes=("", "_guess"))
    return hit


def _row(age, place, occupation, household_size, suppress, listed, people) -> dict:
    pub, qi = generalise(listed, age, place, occupation, household_size)
    res, _ = generalise(people, age, place, occupation, household_size)
    sizes = group_sizes(pub, qi)
    withheld = 0
    if suppress:
        keep = sizes >= SUPPRESS_BELOW
        withheld = int((~keep).sum())
        pub = pub[keep]
        if pub.empty:  # nothing left to publish: nothing to attack, nothing to use
            return _empty(age, place, occupation, household_size, withheld, len(listed))
        sizes = group_sizes(pub, qi)
    hits = link(pub, res, qi)
    correct = int((hits["resident_id"] == hits["resident_id_guess"]).sum())
    aid_kinds = pub.groupby(qi, sort=False)["aid"].transform("nunique")
    return {
        "age": age,
        "place": place,
        "occupation": bool(occupation),
        "household_size": bool(household_size),
        "suppress": bool(suppress),
        "k": k_anonymity(pub, qi),
        "unique_share": float((sizes == 1).mean()),
        "reidentified": correct,
        "reidentified_share": correct / len(listed),
        "wrong_guesses": len(hits) - correct,
        "l": l_diversity(pub, qi),
        "disclosed_share": float((aid_kinds == 1).mean()),
        "mean_group": float(sizes.mean()),
        "withheld": withheld,
        "withheld_share": withheld / len(listed),
        # Exact counts of the over-60s per village need the village, an age and every row.
        "elderly_by_village": bool(place == "village" and age != "dropped" and withheld == 0),
        "n": len(pub),
    }


def _empty(age, place, occupation, household_size, withheld, n_listed) -> dict:
    return {
        "age": age, "place": place, "occupation": bool(occupation),
        "household_size": bool(household_size), "suppress": True, "k": 0, "unique_share": 0.0,
        "reidentified": 0, "reidentified_share": 0.0, "wrong_guesses": 0, "l": 0,
        "disclosed_share": 0.0, "mean_group": 0.0, "withheld": withheld,
        "withheld_share": withheld / n_listed, "elderly_by_village": False, "n": 0,
    }  # fmt: skip


@lru_cache(maxsize=2)
def linkage_table(seed: int = 0) -> pd.DataFrame:
    """The demo's table: one row per combination of the four controls."""
    listed, people = beneficiaries(seed), roster(seed)
    rows = [
        _row(a, p, o, h, s, listed, people)
        for a, p, o, h, s in itertools.product(
            AGE_LEVELS, PLACE_LEVELS, (True, False), (True, False), (False, True)
        )
    ]
    return pd.DataFrame(rows)


def first_safe(table: pd.DataFrame, k: int = 5) -> pd.DataFrame:
    """Rows of ``table`` with at least ``k`` and nobody re-identified, most useful first."""
    ok = table[(table["k"] >= k) & (table["reidentified"] == 0)]
    return ok.sort_values(["elderly_by_village", "mean_group"], ascending=[False, True])
