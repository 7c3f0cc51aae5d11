import math

import numpy as np
import pandas as pd
import pytest
from fairlearn.metrics import MetricFrame, selection_rate

from etika.fairness import calibration_by_group, gaps, group_metrics

Y_TRUE = [1, 0, 1, 1, 0, 0, 1, 0, 1]
Y_PRED = [1, 1, 0, 1, 0, 0, 0, 0, 1]
GROUP = ["a", "a", "a", "a", "b", "b", "b", "b", "b"]


def test_group_metrics_against_hand_counts():
    f = group_metrics(Y_TRUE, Y_PRED, GROUP)
    # group a: y=[1,0,1,1] p=[1,1,0,1] -> tp=2 fp=1 tn=0 fn=1
    a = f.loc["a"]
    assert (a["tp"], a["fp"], a["tn"], a["fn"], a["count"]) == (2, 1, 0, 1, 4)
    assert a["selection_rate"] == pytest.approx(3 / 4)
    assert a["tpr"] == pytest.approx(2 / 3)
    assert a["fpr"] == pytest.approx(1.0)
    assert a["precision"] == pytest.approx(2 / 3)
    assert a["base_rate"] == pytest.approx(3 / 4)
    # group b: y=[0,0,1,0,1] p=[0,0,0,0,1] -> tp=1 fp=0 tn=3 fn=1
    b = f.loc["b"]
    assert (b["tp"], b["fp"], b["tn"], b["fn"]) == (1, 0, 3, 1)
    assert b["tpr"] == pytest.approx(0.5) and b["fpr"] == 0.0 and b["precision"] == 1.0


def test_matches_fairlearn_selection_rate():
    mf = MetricFrame(metrics=selection_rate, y_true=Y_TRUE, y_pred=Y_PRED, sensitive_features=GROUP)
    f = group_metrics(Y_TRUE, Y_PRED, GROUP)
    assert np.allclose(f["selection_rate"].to_numpy(), mf.by_group.to_numpy())


def test_degenerate_groups_are_nan_without_warnings():
    # group c: no positives, nobody selected; group d: no negatives
    f = group_metrics([0, 0, 1, 1], [0, 0, 1, 0], ["c", "c", "d", "d"])
    assert math.isnan(f.loc["c", "tpr"]) and math.isnan(f.loc["c", "precision"])
    assert f.loc["c", "fpr"] == 0.0
    assert math.isnan(f.loc["d", "fpr"]) and f.loc["d", "tpr"] == 0.5
    assert group_metrics([], [], []).empty


def test_gaps():
    f = group_metrics(Y_TRUE, Y_PRED, GROUP)
    g = gaps(f)
    assert g["selection_rate"] == pytest.approx(3 / 4 - 1 / 5)
    assert g["tpr"] == pytest.approx(2 / 3 - 1 / 2)
    assert "count" not in g.index
    one = gaps(group_metrics([0, 0, 1], [0, 0, 1], ["c", "c", "d"]))
    assert math.isnan(one["tpr"])  # defined for one group only


def test_control_feature():
    f = group_metrics(Y_TRUE * 2, Y_PRED + [1] * 9, GROUP * 2, control=[0.5] * 9 + [0.1] * 9)
    assert f.loc[(0.1, "a"), "selection_rate"] == 1.0
    assert f.loc[(0.5, "a"), "tp"] == 2


def test_input_validation():
    with pytest.raises(ValueError, match="same length"):
        group_metrics([1, 0], [1], ["a", "a"])
    with pytest.raises(ValueError, match="only 0 and 1"):
        group_metrics([2, 0], [1, 0], ["a", "a"])


def test_calibration_by_group():
    y = [0, 1, 1, 0, 1, 1]
    s = [0.1, 0.15, 0.9, 0.2, 0.95, 1.0]
    g = ["a", "a", "a", "b", "b", "b"]
    c = calibration_by_group(y, s, g, bins=2)
    assert isinstance(c, pd.DataFrame)
    row = c[(c["group"] == "a") & (c["bin"] == 0)].iloc[0]
    assert row["count"] == 2 and row["observed_rate"] == 0.5
    assert row["mean_score"] == pytest.approx(0.125)
    last = c[(c["group"] == "b") & (c["bin"] == 1)].iloc[0]
    assert last["count"] == 2 and last["observed_rate"] == 1.0  # score 1.0 in the last bin
    with pytest.raises(ValueError):
        calibration_by_group([1], [1.5], ["a"])
