"""The mitigation tables against fairlearn's own metrics, and the grid's shape."""

from __future__ import annotations

import numpy as np
import pytest
from fairlearn.metrics import (
    MetricFrame,
    demographic_parity_difference,
    equalized_odds_difference,
    selection_rate,
    true_positive_rate,
)

from etika.mitigation import models as M
from etika.mitigation import tables as T


@pytest.fixture(scope="module")
def table():
    return T.metrics_table()


def test_grid_is_complete(table):
    dec = M.decisions()
    cols = [s.column for s in M.settings()]
    assert sorted(dec.columns) == sorted(cols) and len(set(cols)) == len(cols)
    assert len(dec) == len(M.held_out()) and set(np.unique(dec.to_numpy())) <= {0, 1}
    assert len(table) == len(M.settings()) * len(M.LABELS)
    assert set(table["method"]) == set(M.METHODS)


@pytest.mark.slow
def test_every_row_matches_fairlearn(table):
    test, dec = M.held_out(), M.decisions()
    a = test["gender"].astype(str).to_numpy()
    for r in table.itertuples():
        pred = dec[M.Setting(r.label, r.method, r.constraint, r.strength).column].to_numpy()
        y = test[r.evaluated_on].to_numpy()
        assert r.dp_gap == pytest.approx(
            demographic_parity_difference(y, pred, sensitive_features=a)
        )
        assert r.eo_gap == pytest.approx(equalized_odds_difference(y, pred, sensitive_features=a))
        if r.Index % 9:  # MetricFrame is slow: every ninth row is enough for its by-group values
            continue
        mf = MetricFrame(
            metrics={"sel": selection_rate, "tpr": true_positive_rate},
            y_true=y, y_pred=pred, sensitive_features=a,
        )  # fmt: skip
        assert r.tpr_gap == pytest.approx(mf.difference()["tpr"])
        assert r.sel_female == pytest.approx(mf.by_group.loc["female", "sel"])


def test_mitigations_change_decisions():
    dec = M.decisions()
    for s in M.settings():
        if s[1] != "none":
            base = dec[M.Setting(s[0], "none", "", 0.0).column]
            assert (dec[s.column] != base).any(), s


def test_flips_add_up():
    f = T.flips_table()
    dec, test = M.decisions(), M.held_out()
    for (label, method, cons, strength), g in f.groupby(
        ["label", "method", "constraint", "strength"]
    ):
        assert g["n"].sum() == len(test)
        before = dec[M.Setting(label, "none", "", 0.0).column]
        after = dec[M.Setting(label, method, cons, strength).column]
        assert g["approved_now"].sum() == int(((before == 0) & (after == 1)).sum())
        assert g["refused_now"].sum() == int(((before == 1) & (after == 0)).sum())
        if method == "none":
            assert g["approved_now"].sum() == 0 == g["refused_now"].sum()


def test_reweighing_makes_group_and_label_independent():
    train = M._data()[0]
    w = M.kamiran_calders_weights(train["gender"], train["approved_past"])
    g = train["gender"].astype(str).to_numpy()
    y = train["approved_past"].to_numpy()
    rates = [np.average(y[g == k], weights=w[g == k]) for k in ("female", "male")]
    assert rates[0] == pytest.approx(rates[1]) and rates[0] == pytest.approx(y.mean())
