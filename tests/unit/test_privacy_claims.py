"""Every statement book/privacy/*.md makes about its figures, asserted on the demos' tables.

The pages print the figures of :func:`etika.privacy.figures.raw_figures`; this module checks
that what the prose says about them is true.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from etika.figures import book_substitutions
from etika.privacy import linkage, membership, noise, views
from etika.privacy.figures import formatted_figures, raw_figures, setting

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted((ROOT / "book" / "privacy").glob("*.md"))


@pytest.fixture(scope="module")
def f():
    return {k: v for k, (v, _) in raw_figures().items()}


def test_every_substitution_in_the_pages_exists():
    subs = book_substitutions("en")
    used = set()
    for page in PAGES:
        used |= set(re.findall(r"\{\{\s*(\w+)\s*\}\}", page.read_text(encoding="utf-8")))
    assert used and used <= set(subs), used - set(subs)
    assert all(k.startswith("pv_") for k in used)


@pytest.mark.parametrize("lang,text", [("en", "2,400"), ("id", "2.400")])
def test_formatted_in_the_readers_language(lang, text):
    out = formatted_figures(lang)
    assert out["pv_n_residents"] == text
    assert ("," if lang == "id" else ".") in out["pv_attack_1_00"]


def test_names_removed_yet_most_unique_and_reidentified(f):
    # index.md: most rows unique; linkage.md: every unique match is the right person.
    assert f["pv_unique_full"] > 0.5 and f["pv_reid_full_share"] > 0.5
    assert (linkage.linkage_table()["wrong_guesses"] == 0).all()


def test_coarsening_alone_leaves_k_at_one(f):
    # "No amount of coarsening alone brings k above one while age, occupation or household size
    # is kept" and "with ten-year bands and the district, k is still ... and ... re-identified".
    t = linkage.linkage_table()
    kept = t[~t["suppress"] & ((t["age"] != "dropped") | t["occupation"] | t["household_size"])]
    assert (kept["k"] == 1).all()
    assert f["pv_k_coarse"] == 1 and f["pv_reid_coarse"] > 0


def test_withholding_stops_reidentification_at_a_cost(f):
    # "nobody is re-identified any more, but ... rows are withheld"; then k becomes ... with ...
    # row withheld (the page says "row": one).
    sup = setting("band10", "district", suppress=True)
    assert sup["reidentified"] == 0 and sup["withheld"] > 0
    best = setting("band10", "district", False, False, True)
    assert best["k"] >= linkage.SUPPRESS_BELOW and best["reidentified"] == 0
    assert f["pv_withheld_best"] == 1


def test_no_setting_keeps_elderly_counts_and_protects_everyone():
    t = linkage.linkage_table()
    useful = t[t["elderly_by_village"]]
    assert len(useful) > 0 and (useful["reidentified"] > 0).all()


def test_k_without_l(f):
    # "k is ..., yet ... of the rows sit in a group where everyone receives the same programme"
    assert f["pv_k_ldiv"] >= linkage.SUPPRESS_BELOW
    assert f["pv_disclosed_ldiv"] > 0 and f["pv_l_ldiv"] == 1


def test_noise_claims(f):
    # "at ε = 0.10 ... off by ... on average, as large as a small village's whole count, ...
    # hardly better than a coin toss"
    assert f["pv_error_0_10"] >= f["pv_count_min"]
    assert f["pv_attack_0_10"] < 0.55
    # "at ε = 5 the counts are nearly exact"
    assert f["pv_error_5_00"] < 0.5 and f["pv_off3_5_00"] < 0.001
    # "at every ε the attacker's success stays below the limit"
    t = noise.noise_table()
    noisy = t[t["scale"] > 0]
    assert (noisy["attack_success"] < noisy["attack_bound"]).all()
    # "the attacker guesses right ... of the time instead of always"
    assert f["pv_attack_1_00"] < 1.0 and t.iloc[-1]["attack_success"] == 1.0


def test_scale_is_one_over_epsilon():
    # "adds noise on the scale of one divided by ε"
    for eps in (e for e in noise.EPSILONS if e is not None):
        assert noise.laplace_scale(eps) == pytest.approx(1 / eps)
        assert noise.opendp_scale(eps) == pytest.approx(1 / eps, rel=1e-6)


def test_membership_claims(f):
    """membership.md, the demo's "try" line and index.md on the targeting model's leak."""
    t = membership.membership_table().set_index("depth")
    shallow = t.loc[f["pv_mi_shallow_depth"]]
    # The demo opens on the shallow tree the page describes first.
    assert membership.DEPTHS[views.MembershipView.START] == f["pv_mi_shallow_depth"]
    assert f["pv_mi_shallow_leaves"] == round(shallow["leaves"]) and f["pv_mi_full_leaves"] > 100
    # "a shallow tree is right about as often on residents it has never seen" / "hardly better
    # than a coin toss"
    assert shallow["train_accuracy"] - shallow["test_accuracy"] < 0.05
    assert 0.5 <= f["pv_mi_shallow_attack"] < 0.55
    # "right on almost every surveyed resident, ... but only on ... the others, worse than the
    # shallow tree; the attacker is now right ... far more often"
    assert f["pv_mi_full_train"] > 0.99
    assert f["pv_mi_full_test"] < f["pv_mi_shallow_test"] - 0.05
    assert f["pv_mi_full_attack"] > f["pv_mi_shallow_attack"] + 0.15
    # "who receives aid is hard to predict from these five columns": no depth beats always
    # saying "no aid" by more than a point or two on new residents.
    assert (t["test_accuracy"] - t["baseline_accuracy"]).max() < 0.02
    assert f["pv_mi_baseline"] == pytest.approx(t["baseline_accuracy"].mean())
    # "The leak grows with the gap between ... training data and ... new people" and the
    # simple model is also the better one on new people.
    assert t["gap"].is_monotonic_increasing and t["advantage"].is_monotonic_increasing
    assert t["test_accuracy"].idxmax() in (1, 2, 3)
