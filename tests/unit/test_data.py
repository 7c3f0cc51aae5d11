import numpy as np
import pandas as pd
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score

from etika.data import (
    datasheet,
    load_scenario,
    make_microcredit,
    make_training_selection,
    planted_biases,
)
from etika.data.microcredit import PROVINCES


@pytest.fixture(scope="module")
def mc():
    return make_microcredit(4000, seed=0)


def test_microcredit_deterministic():
    pd.testing.assert_frame_equal(make_microcredit(500, seed=3), make_microcredit(500, seed=3))
    assert not make_microcredit(500, seed=3).equals(make_microcredit(500, seed=4))


def test_training_selection_deterministic():
    a, b = make_training_selection(300, seed=1), make_training_selection(300, seed=1)
    pd.testing.assert_frame_equal(a, b)
    assert not a.equals(make_training_selection(300, seed=2))


def test_microcredit_columns_types_ranges(mc):
    assert list(mc.columns) == [
        "applicant_id", "gender", "age", "province", "area", "household_head", "business_type",
        "years_running", "monthly_revenue_idr", "credit_history_years", "has_marketplace",
        "repaid", "approved_past",
    ]  # fmt: skip
    assert len(mc) == 4000 and mc["applicant_id"].is_unique
    assert set(mc["gender"]) == {"female", "male"}
    assert set(mc["area"]) == {"urban", "rural"}
    assert set(mc["province"]) <= set(PROVINCES["urban"]) | set(PROVINCES["rural"])
    assert mc["age"].between(18, 70).all()
    assert (mc["years_running"] >= 0).all() and (mc["years_running"] <= mc["age"] - 17).all()
    assert (mc["credit_history_years"] >= 0).all()
    assert (mc["credit_history_years"] <= mc["years_running"]).all()
    rev = mc["monthly_revenue_idr"]
    assert rev.dtype == np.int64 and (rev > 0).all()
    assert 2_000_000 <= rev.median() <= 8_000_000
    assert mc["has_marketplace"].dtype == bool
    for col in ("repaid", "approved_past"):
        assert set(mc[col].unique()) == {0, 1}


def test_historical_bias_credit_history(mc):
    repaid = mc[mc["repaid"] == 1]
    by = repaid.groupby("gender", observed=True)["credit_history_years"].mean()
    assert by["male"] - by["female"] >= 0.5  # years, at equal (successful) repayment


def test_representation_bias_rural_share():
    for share in (0.1, 0.25, 0.5):
        d = make_microcredit(4000, seed=1, rural_share=share)
        assert abs((d["area"] == "rural").mean() - share) < 0.03


def test_label_bias_and_base_rates(mc):
    rate = mc.groupby("gender", observed=True)[["repaid", "approved_past"]].mean()
    repaid_gap = rate.loc["male", "repaid"] - rate.loc["female", "repaid"]
    approved_gap = rate.loc["male", "approved_past"] - rate.loc["female", "approved_past"]
    assert abs(repaid_gap) >= 0.05  # base rates differ (impossibility needs this)
    assert approved_gap - repaid_gap >= 0.1
    area = mc.groupby("area", observed=True)[["repaid", "approved_past"]].mean()
    assert (area.loc["urban", "approved_past"] - area.loc["rural", "approved_past"]) > (
        area.loc["urban", "repaid"] - area.loc["rural", "repaid"]
    ) + 0.1


def test_proxy_predicts_gender(mc):
    x = pd.get_dummies(mc["business_type"], dtype=float)
    x["household_head"] = mc["household_head"].astype(float)
    acc = cross_val_score(LogisticRegression(max_iter=1000), x, mc["gender"], cv=5).mean()
    assert acc >= 0.8


def test_training_selection_biases():
    d = make_training_selection(3000, seed=0)
    assert {"gender", "education", "has_smartphone", "caregiving_gap_years"} <= set(d.columns)
    r = d.groupby("gender", observed=True)[["selected_past", "completed"]].mean()
    assert (r.loc["male", "selected_past"] - r.loc["female", "selected_past"]) > (
        r.loc["male", "completed"] - r.loc["female", "completed"]
    ) + 0.1
    x = d[["caregiving_gap_years"]]
    acc = cross_val_score(LogisticRegression(), x, d["gender"], cv=5).mean()
    assert acc >= 0.75
    assert abs((d["area"] == "rural").mean() - 0.2) < 0.03


def test_load_scenario_and_docs():
    assert len(load_scenario("microcredit", n=10)) == 10
    assert len(load_scenario("training_selection", n=10)) == 10
    with pytest.raises(ValueError, match="known scenarios: microcredit, training_selection"):
        load_scenario("credit")
    for name in ("microcredit", "training_selection"):
        kinds = {b["kind"] for b in planted_biases(name)}
        assert kinds == {"historical", "representation", "label", "proxy"}
        for b in planted_biases(name):
            assert b["description_en"] and b["description_id"] and b["column"]
        sheet = datasheet(name)
        assert {"motivation", "composition", "collection"} <= set(sheet)
        assert all(v["en"] and v["id"] for v in sheet.values())
