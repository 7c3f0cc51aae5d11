"""The privacy chapter's scenario and demo tables, checked against independent computations.

k-anonymity and l-diversity are recomputed here with plain Python counting and with pycanon
(the field's anonymity checker) over the whole grid; the Laplace mechanism's scale and its error
against OpenDP's own calibration and draws; the differencing attack's exact success against
simulation; the membership attack's advantage against a count by hand and the table against a
fresh fit.
"""

from __future__ import annotations

import json
import math
import re
import time
from collections import Counter, defaultdict

import numpy as np
import pytest

from etika.privacy import linkage, membership, noise, views
from etika.privacy.beneficiaries import QUASI_IDENTIFIERS, beneficiaries, make_roster, roster


def test_scenario_seeded_and_shared_columns():
    assert make_roster(seed=3).equals(make_roster(seed=3))
    assert not make_roster(seed=3).equals(make_roster(seed=4))
    listed, people = beneficiaries(), roster()
    assert "name" not in listed.columns and "name" in people.columns
    assert set(QUASI_IDENTIFIERS) <= set(listed.columns) & set(people.columns)
    # Every beneficiary is a resident, with the same quasi-identifiers.
    merged = listed.merge(people, on="resident_id", suffixes=("", "_r"))
    assert len(merged) == len(listed)
    for c in QUASI_IDENTIFIERS:
        assert (merged[c] == merged[f"{c}_r"]).all()
    assert people["age"].between(18, 85).all()


def _plain_k_l(frame, qi):
    groups = defaultdict(list)
    for row in frame[[*qi, "aid"]].itertuples(index=False):
        groups[tuple(row[:-1])].append(row[-1])
    return min(len(v) for v in groups.values()), min(len(set(v)) for v in groups.values())


def _plain_reidentified(pub, res, qi):
    counts = Counter(tuple(r) for r in res[qi].itertuples(index=False))
    owner = {tuple(r[:-1]): r[-1] for r in res[[*qi, "resident_id"]].itertuples(index=False)}
    right = 0
    for r in pub[[*qi, "resident_id"]].itertuples(index=False):
        key = tuple(r[:-1])
        if counts[key] == 1:
            right += owner[key] == r[-1]
    return right


@pytest.fixture(scope="module")
def table():
    return linkage.linkage_table()


def test_linkage_grid_complete(table):
    assert len(table) == 4 * 2 * 2 * 2 * 2
    assert not table.duplicated(list(linkage.GRID_COLUMNS)).any()


@pytest.mark.parametrize(
    "setting",
    [
        ("exact", "village", True, True, False),
        ("band10", "district", True, True, False),
        ("band5", "village", False, False, True),
        ("dropped", "village", True, True, True),
        ("band10", "district", False, False, True),
    ],
)
def test_linkage_against_plain_counting(table, setting):
    age, place, occ, hh, sup = setting
    row = table[
        (table["age"] == age) & (table["place"] == place) & (table["occupation"] == occ)
        & (table["household_size"] == hh) & (table["suppress"] == sup)
    ].iloc[0]  # fmt: skip
    pub, qi = linkage.generalise(beneficiaries(), age, place, occ, hh)
    res, _ = linkage.generalise(roster(), age, place, occ, hh)
    if sup:
        sizes = Counter(tuple(r) for r in pub[qi].itertuples(index=False))
        keep = [sizes[tuple(r)] >= linkage.SUPPRESS_BELOW for r in pub[qi].itertuples(index=False)]
        assert row["withheld"] == len(pub) - sum(keep)
        pub = pub[keep]
    k, l_ = _plain_k_l(pub, qi)
    assert (row["k"], row["l"]) == (k, l_)
    assert row["reidentified"] == _plain_reidentified(pub, res, qi)
    assert row["wrong_guesses"] == 0


def test_k_and_l_are_pycanons_over_the_whole_grid(table):
    from pycanon import anonymity

    listed = beneficiaries()
    for row in table.itertuples(index=False):
        pub, qi = linkage.generalise(listed, row.age, row.place, row.occupation, row.household_size)
        if row.suppress:
            pub = pub[linkage.group_sizes(pub, qi) >= linkage.SUPPRESS_BELOW]
        if pub.empty:
            assert row.n == 0
            continue
        # pycanon indexes rows by position: a fresh index after suppression
        pub = pub[[*qi, "aid"]].astype(str).reset_index(drop=True)
        assert row.k == anonymity.k_anonymity(pub, qi), row
        assert row.l == anonymity.l_diversity(pub, qi, ["aid"]), row


def test_generalised_bands_and_errors():
    out, qi = linkage.generalise(beneficiaries().head(50), "band10", "district", False, False)
    assert qi == ["district", "age", "sex"]
    assert all(re.fullmatch(r"\d0-\d9", a) for a in out["age"])
    with pytest.raises(ValueError, match="age"):
        linkage.generalise(beneficiaries(), "band3")
    with pytest.raises(ValueError, match="place"):
        linkage.generalise(beneficiaries(), place="province")


def test_suppression_always_reaches_k5_and_stops_reidentification(table):
    sup = table[table["suppress"] & (table["n"] > 0)]
    assert (sup["k"] >= linkage.SUPPRESS_BELOW).all()
    assert (sup["reidentified"] == 0).all()


@pytest.mark.parametrize("eps", [e for e in noise.EPSILONS if e is not None])
def test_scale_is_opendps_calibration(eps):
    import opendp.prelude as dp

    dp.enable_features("contrib")
    scale = noise.opendp_scale(eps)
    assert scale == pytest.approx(noise.laplace_scale(eps), rel=1e-6)
    assert noise.noise_table().iloc[noise.EPSILONS.index(eps)]["scale"] == noise.laplace_scale(eps)
    meas = dp.m.make_laplace(dp.atom_domain(T=float, nan=False), dp.absolute_distance(T=float),
                             scale=scale)  # fmt: skip
    assert meas.map(1.0) <= eps * (1 + 1e-9)


@pytest.mark.parametrize("eps", [0.5, 2.0])
def test_error_matches_opendp_draws(eps):
    """The table's expected error is what OpenDP's own releases show (mean |noise| = scale)."""
    import opendp.prelude as dp

    dp.enable_features("contrib")
    meas = dp.m.make_laplace(dp.atom_domain(T=float, nan=False), dp.absolute_distance(T=float),
                             scale=noise.opendp_scale(eps))  # fmt: skip
    draws = np.array([meas(10.0) - 10.0 for _ in range(4000)])
    row = noise.noise_table().iloc[noise.EPSILONS.index(eps)]
    # standard error of the mean of |Laplace(b)| is b / sqrt(n): allow five of them
    assert abs(np.abs(draws).mean() - row["expected_error"]) < 5 * row["scale"] / math.sqrt(4000)
    assert abs(row["simulated_error"] - row["expected_error"]) < 5 * row["scale"] / math.sqrt(
        4000 * len(noise.VILLAGES)
    )


def test_attack_exact_simulated_and_bounded():
    t = noise.noise_table()
    assert (abs(t["attack_simulated"] - t["attack_success"]) < 0.03).all()
    assert (t["attack_success"] <= t["attack_bound"] + 1e-12).all()
    assert t["attack_success"].is_monotonic_increasing
    assert t["expected_error"].iloc[:-1].is_monotonic_decreasing
    assert t.iloc[-1]["attack_success"] == 1.0 and t.iloc[-1]["expected_error"] == 0.0


def test_true_counts_are_the_list():
    listed = beneficiaries()
    counts = noise.true_counts()
    for v in noise.VILLAGES:
        assert counts[v] == int((listed["female_head"] & (listed["village"] == v)).sum())


@pytest.mark.parametrize("lang", ["en", "id"])
def test_widget_callbacks_fast(lang):
    lv = views.build_widget("linkage", lang)
    for age in linkage.AGE_LEVELS:
        start = time.perf_counter()
        lv.age.value = age
        assert time.perf_counter() - start < 0.1
    lv.suppress.value = True
    assert "data-field" in lv.output.value
    # The one-slider demos: every position within 100 ms, drawn as the pure render draws it.
    for name, control, n in (("dp_noise", "epsilon", len(noise.EPSILONS)),
                             ("membership", "depth", len(membership.DEPTHS))):  # fmt: skip
        view = views.build_widget(name, lang)
        for i in range(n):
            start = time.perf_counter()
            getattr(view, control).value = i
            assert time.perf_counter() - start < 0.1
            assert view.output.value == view.render(i)


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("name", views.DEMOS)
def test_static_cells_fill_to_the_kernel_body(name, lang):
    """The static view's template and values give exactly the kernel view's body, every cell."""
    html = views.demo_html(name, lang)
    data = json.loads(re.search(r'class="etika-demo-data">(.*?)</script>', html, re.S)[1])
    view = {
        "linkage": views.LinkageView,
        "dp_noise": views.NoiseView,
        "membership": views.MembershipView,
    }[name](lang, widgets=False)
    n_cells = {
        "linkage": len(linkage.linkage_table()),
        "dp_noise": len(noise.EPSILONS),
        "membership": len(membership.DEPTHS),
    }[name]
    assert len(data["cells"]) == n_cells
    for key, (values, status) in data["cells"].items():
        args = key.split("|")
        if name == "linkage":
            args = [args[0], args[1], *(a == "1" for a in args[2:])]
        else:
            args = [int(args[0])]
        filled = views.fill(data["templates"][str(len(values))], values)
        assert "<div class='etika-demo-body'>" + filled + "</div>" == view.render(*args)
        assert status == view.status(*args)
    assert len(html.encode()) < 25_000  # the page budget is 100 KB for everything


def test_status_in_the_readers_language():
    assert "dari" in views.LinkageView("id", widgets=False).status()
    assert "," in views.NoiseView("id", widgets=False).status(3)
    assert (
        views.MembershipView("id", widgets=False)
        .status(7)
        .startswith("Batas kedalaman: tanpa batas; benar pada warga baru 57,")
    )


def test_membership_attack_against_a_plain_count():
    # The best threshold rule, counted by hand on a tiny case: members 0.9, 0.8, 0.4; others
    # 0.7, 0.5, 0.5. At c = 0.8 the rule flags 2/3 members and no other: advantage 2/3.
    adv, c = membership.attack_advantage(np.array([0.9, 0.8, 0.4]), np.array([0.7, 0.5, 0.5]))
    assert adv == pytest.approx(2 / 3) and c == 0.8
    assert membership.attack_advantage(np.array([0.5]), np.array([0.9])) == (0.0, float("inf"))


def test_membership_table_from_a_fresh_tree():
    """One split refitted here gives the same numbers the table averages (no cache in between)."""
    x, y = membership.labelled_roster()
    assert x.shape == (2400, 20) and 0.25 < y.mean() < 0.4
    row = membership._one_split(x, y, None, 0)
    assert row["train_accuracy"] > 0.98  # an unlimited tree fits its survey almost exactly
    table = membership.membership_table()
    assert list(table["depth"]) == [0 if d is None else d for d in membership.DEPTHS]
    runs = [membership._one_split(x, y, None, s) for s in range(membership.SPLITS)]
    full = table.set_index("depth").loc[0]
    for col in ("train_accuracy", "test_accuracy", "advantage", "leaves"):
        assert full[col] == pytest.approx(np.mean([r[col] for r in runs]))
    assert full["attack_accuracy"] == pytest.approx((1 + full["advantage"]) / 2)
    # Deeper trees fit their survey better and leak more: both rise with every step of depth.
    assert table["train_accuracy"].is_monotonic_increasing
    assert table["advantage"].is_monotonic_increasing
