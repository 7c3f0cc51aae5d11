"""Every statement book/mitigation/*.md and the demos' "what you should see" make, asserted.

The pages print the figures of :func:`etika.mitigation.figures.raw_figures`; this module checks
that what the prose says about them is true on the chapter's own models.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from etika.figures import book_substitutions
from etika.mitigation import models as M
from etika.mitigation import tables as T
from etika.mitigation.figures import formatted_figures, raw_figures
from etika.mitigation.views import WHICH

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted((ROOT / "book" / "mitigation").glob("*.md"))
PAST = "approved_past"


@pytest.fixture(scope="module")
def f():
    return {k: v for k, (v, _) in raw_figures().items()}


def _row(method, constraint="", strength=0.0, label=PAST, ev=PAST):
    return T.row(label, method, constraint, strength, ev)


def test_every_substitution_in_the_pages_exists():
    subs = book_substitutions("en")
    used = set()
    for page in PAGES:
        used |= set(re.findall(r"\{\{\s*(\w+)\s*\}\}", page.read_text(encoding="utf-8")))
    assert used, "the chapter's pages quote no figure"
    assert used <= set(subs), used - set(subs)
    assert all(k.startswith("mi_") for k in used)


@pytest.mark.parametrize("lang,sep", [("en", "."), ("id", ",")])
def test_formatted_in_the_readers_language(lang, sep):
    assert sep in formatted_figures(lang)["mi_base_dp"]


def test_reading_claims(f):
    test = M.held_out()
    rates = test.groupby(test["gender"].astype(str))["repaid"].mean()
    # "approves fewer women than men, although women in its data repay more often"
    assert f["mi_base_sel_female"] < f["mi_base_sel_male"]
    assert rates["female"] > rates["male"]
    # Reweighing: "the cells the past under-approved (women who were approved) weigh more".
    train = M._data()[0]
    w = M.kamiran_calders_weights(train["gender"], train[PAST])
    cell = (train["gender"].astype(str) == "female").to_numpy() & (train[PAST] == 1).to_numpy()
    assert np.allclose(w[cell], w[cell][0]) and w[cell][0] > 1
    assert (
        w[
            ~cell
            & (train["gender"].astype(str) == "male").to_numpy()
            & (train[PAST] == 1).to_numpy()
        ][0]
        < 1
    )


def test_frontier_claims(f):
    # Each strong setting narrows the selection-rate gap, at a little accuracy ...
    for k in ("to", "eg", "cr", "rw"):
        assert f[f"mi_{k}_dp"] < f["mi_base_dp"], k
        assert f["mi_base_accuracy"] - 0.02 < f[f"mi_{k}_accuracy"] <= f["mi_base_accuracy"], k
    # ... and the three strongest widen the equalized odds gap.
    for k in ("to", "eg", "cr"):
        assert f[f"mi_{k}_eo"] > f["mi_base_eo"], k
    # "the strongest settings sit far to the left of the unmitigated model and a little lower"
    for k in ("to", "eg", "cr"):
        assert f[f"mi_{k}_dp"] < f["mi_base_dp"] / 4
    # CorrelationRemover at full strength: left on the selection-rate gap, right on equalized
    # odds (the try sentence): no setting best on every measure.
    cr, base = _row("correlation_remover", "", 1.0), _row("none")
    assert cr["dp_gap"] < base["dp_gap"] and cr["eo_gap"] > base["eo_gap"]
    t = T.metrics_table()
    lender = t[(t["label"] == PAST) & (t["evaluated_on"] == PAST)]
    best = {m: lender[m].min() for m in ("accuracy", "dp_gap", "eo_gap", "tpr_gap")}
    best["accuracy"] = lender["accuracy"].max()
    for r in lender.itertuples():
        assert not (
            r.accuracy == best["accuracy"]
            and r.dp_gap == best["dp_gap"]
            and r.eo_gap == best["eo_gap"]
        )


def test_who_gains_claims(f):
    # The default setting, as the page quotes it.
    assert f["mi_eg_women_repay_approved"] > 0 and f["mi_eg_women_default_approved"] > 0
    assert f["mi_eg_men_repay_refused"] > 0 and f["mi_eg_men_default_refused"] > 0
    assert f["mi_eg_women_repay_refused"] > 0  # "the flips go both ways inside a group"
    assert f["mi_held_out"] == len(M.held_out())
    # The try sentence, for every method at its strongest setting under demographic parity.
    flips = T.flips_table()
    for m, (c, s) in WHICH.items():
        if m == "none":
            continue
        x = flips[(flips["label"] == PAST) & (flips["method"] == m) & (flips["constraint"] == c)]
        x = x[x["strength"] == s].set_index(["gender", "repaid"])
        assert x.loc[("female", 1), "approved_now"] > 0, m
        assert x.loc[("male", 1), "refused_now"] > 0, m
        assert x.loc[[("female", 0), ("male", 0)], "approved_now"].sum() > 0, m


def test_which_label_claims(f):
    t = T.metrics_table()
    past = t[(t["label"] == PAST) & (t["evaluated_on"] == "repaid")]
    ref = _row("none", label="repaid", ev="repaid")
    # "every model trained on past decisions is less accurate than the unmitigated model
    # trained on repayment, whichever method is used": every setting, not only the demo's.
    assert (past["accuracy"] < ref["accuracy"]).all()
    # "women who would repay stay less often approved than men who would"
    assert (past["tpr_female"] < past["tpr_male"]).all()
    assert f["mi_past_tpr_female"] < f["mi_past_tpr_male"]
    assert f["mi_past_accuracy_max"] < f["mi_repaid_accuracy"]
    assert f["mi_past_tpr_gap_min"] > f["mi_repaid_tpr_gap"]
    assert (past["tpr_gap"] > ref["tpr_gap"]).all()
