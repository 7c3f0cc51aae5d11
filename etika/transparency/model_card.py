"""A model card you can read: the lender's model card, for three audiences.

After "Model Cards for Model Reporting" (Mitchell et al., FAT* 2019): what the model is for,
what it uses, how well it does overall and per group, its limits and who to contact. Every
number comes from the chapter's own models (:mod:`etika.transparency.lender`,
:mod:`etika.transparency.global_explain`) and from :func:`etika.fairness.group_metrics`
(fairlearn's ``MetricFrame``). :func:`card_table` is the demo's table over its grid: one row
per (audience, section), saying whether that audience's card shows the section.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from etika.cache import on_disk
from etika.fairness import group_metrics
from etika.transparency.global_explain import importance_table
from etika.transparency.lender import THRESHOLD, fitted

__all__ = ["AUDIENCES", "SECTIONS", "card_figures", "card_table", "group_results"]

AUDIENCES: tuple[str, ...] = ("applicant", "officer", "regulator")
SECTIONS: tuple[str, ...] = (
    "purpose",
    "decides",
    "change",
    "object",
    "threshold",
    "limits",
    "groups",
    "data",
    "contact",
)
#: Which audience's card shows which section: what each reader needs to act.
SHOWN: dict[str, frozenset[str]] = {
    "applicant": frozenset({"purpose", "decides", "change", "object", "contact"}),
    "officer": frozenset(
        {"purpose", "decides", "change", "object", "threshold", "limits", "contact"}
    ),
    "regulator": frozenset(SECTIONS),
}
GROUP_COLUMNS = ("selection_rate", "tpr", "base_rate", "count")


def card_table() -> pd.DataFrame:
    """One row per (audience, section): ``shown`` (bool) and ``order`` (position on the card)."""
    rows = [(aud, sec, sec in SHOWN[aud], i) for aud in AUDIENCES for i, sec in enumerate(SECTIONS)]
    return pd.DataFrame(rows, columns=["audience", "section", "shown", "order"])


@on_disk("transparency-groups")
def group_results() -> pd.DataFrame:
    """Per group (women, men, urban, rural) on held-out data, approval at :data:`THRESHOLD`.

    Columns :data:`GROUP_COLUMNS`; rates against ``repaid`` (who really repaid).
    """
    fit = fitted("logistic", 0)
    pred = (fit.scores >= THRESHOLD).astype(int)
    parts = []
    for col in ("gender", "area"):
        m = group_metrics(fit.test["repaid"], pred, fit.test[col].astype(str))
        parts.append(m[list(GROUP_COLUMNS)])
    out = pd.concat(parts)
    return out.loc[["female", "male", "urban", "rural"]]


@lru_cache(maxsize=1)
def card_figures() -> dict[str, float | str | int]:
    """The values the card's text fills in (plain numbers and feature keys)."""
    fit = fitted("logistic", 0)
    imp = importance_table()
    top = imp[(imp["family"] == "logistic") & (imp["seed"] == 0)].sort_values("rank")
    train = fit.train
    repaid = train[train["repaid"] == 1]
    history = repaid.groupby(repaid["gender"].astype(str))["credit_history_years"].mean()
    return {
        "first": top["feature"].iloc[0],
        "second": top["feature"].iloc[1],
        "accuracy": fit.accuracy,
        "auc": fit.auc,
        "t": THRESHOLD,
        "history_female": float(history["female"]),
        "history_male": float(history["male"]),
        "n_train": len(fit.train),
        "n_test": len(fit.test),
    }
