"""Every statement book/transparency/*.md makes about its figures, asserted on the models.

The pages print the figures of :func:`etika.transparency.figures.raw_figures`; this module
checks that what the prose says about them is true (who is refused, what flips it, which
column matters most, which groups are approved less often).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from etika.figures import book_substitutions
from etika.transparency import applicants as A
from etika.transparency import global_explain as G
from etika.transparency.figures import formatted_figures, raw_figures

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted((ROOT / "book" / "transparency").glob("*.md"))


@pytest.fixture(scope="module")
def f():
    return {k: v for k, (v, _) in raw_figures().items()}


def test_every_substitution_in_the_pages_exists():
    subs = book_substitutions("en")
    used = set()
    for page in PAGES:
        used |= set(re.findall(r"\{\{\s*(\w+)\s*\}\}", page.read_text(encoding="utf-8")))
    assert used, "the chapter's pages quote no figure"
    assert used <= set(subs), used - set(subs)
    assert {k for k in used if k.startswith("tr_")} == {k for k in used}


@pytest.mark.parametrize("lang,sep", [("en", "."), ("id", ",")])
def test_formatted_in_the_readers_language(lang, sep):
    out = formatted_figures(lang)
    assert sep in out["tr_threshold"] and out["tr_sari_credit_push"].startswith("\u2212")


def test_local_claims(f):
    t = f["tr_threshold"]
    # Sari, Dewi, Yohanes refused; Rina and Budi approved.
    assert f["tr_sari_score"] < t and f["tr_dewi_score"] < t and f["tr_yohanes_score"] < t
    assert f["tr_rina_score"] >= t and f["tr_budi_score"] >= t
    # Sari: credit history pushes down the most; a marketplace alone approves her.
    row = A.present(A.applicant_table(), "sari")
    pushes = {c: row[f"c_{c}"] for c in G.INPUTS}
    assert min(pushes, key=pushes.get) == "credit_history_years"
    assert f["tr_sari_fixed_score"] >= t
    # Dewi needs more: a marketplace and two years.
    best = A.smallest_change(A.applicant_table(), "dewi")
    assert best["marketplace"] and best["wait_years"] == 2 and f["tr_dewi_fixed_score"] >= t
    # Yohanes: a town alone would approve him; the village pushes him down.
    assert f["tr_yohanes_town_score"] >= t and f["tr_yohanes_rural_push"] < 0


def test_global_claims(f):
    g = G.global_figures()
    assert g["top1_feature"] == "credit_history_years" and g["top2_feature"] == "log_revenue"
    # "every other column matters much less"
    imp = G.importance_table()
    logistic = imp[(imp["family"] == "logistic") & (imp["seed"] == 0)].sort_values("rank")
    assert logistic["importance"].iloc[2] < f["tr_top2_importance"] / 3
    # the two best gender predictors are the household flag and the kind of business ...
    power = G.gender_power(0)
    assert sorted(power, key=power.get)[-2:] in (
        ["business_type", "household_head"],
        ["household_head", "business_type"],
    )
    # ... and no model relies on them; credit history predicts gender only weakly
    assert f["tr_proxy_importance_max"] < 0.01
    assert f["tr_gender_auc_credit_history_years"] < 0.65
    # women who repaid have shorter credit histories
    assert f["tr_history_female"] < f["tr_history_male"]
    # equally accurate, explained differently
    assert f["tr_auc_max"] - f["tr_auc_min"] < 0.03
    assert f["tr_share_top1_logistic"] > f["tr_share_top1_boosting"] + 0.2
    assert f["tr_years_importance_boosting"] > 10 * f["tr_years_importance_logistic"]


def test_card_claims(f):
    assert f["tr_base_rate_female"] > f["tr_base_rate_male"]  # women repay more often
    assert f["tr_selection_rate_female"] < f["tr_selection_rate_male"]  # yet are approved less
    assert f["tr_selection_rate_rural"] < f["tr_selection_rate_urban"]
    assert f["tr_accuracy"] > 0.8  # "that sounds good"
