"""Every statement the bias chapter's pages make about its numbers, asserted.

The pages glue these figures into the prose (etika.bias_chapter); here each sentence that
interprets them ("women repay more often", "removing gender keeps most of the gap") is checked,
so a change to the data or the models that falsifies the text fails the suite.
"""

from __future__ import annotations

import pytest

from etika.bias_chapter import MIN_SELECTION, best_all_round, formatted_figures, raw_figures
from etika.demos.threshold import threshold_table


@pytest.fixture(scope="module")
def f():
    return raw_figures()


def test_metrics_page_women_repay_more_often_yet_are_selected_less(f):
    assert f["base_rate_female"] > f["base_rate_male"] + 0.05
    assert f["shared_selection_rate_female"] < f["shared_selection_rate_male"]
    assert f["shared_selection_rate"] > 0.05  # "a gap of ... points against women"


def test_metrics_page_women_who_would_repay_are_approved_less(f):
    assert f["shared_tpr_female"] < f["shared_tpr_male"] - 0.05


def test_metrics_page_the_bar_is_higher_for_women(f):
    assert f["shared_precision_female"] > f["shared_precision_male"]


def test_metrics_page_equal_selection_closes_selection_gap_but_not_precision(f):
    assert f["equal_selection_threshold_female"] < f["equal_selection_threshold_male"]
    assert f["equal_selection_selection_rate_gap"] < 0.01  # "nearly equal"
    assert f["equal_selection_tpr_gap"] < f["shared_tpr"]  # "the TPR gap shrinks"
    assert f["equal_selection_precision_gap"] > 0.05  # "still ... points"


def test_metrics_page_equal_opportunity_reopens_selection_gap_the_other_way(f):
    assert f["equal_tpr_tpr_gap"] < 0.02
    assert f["equal_tpr_selection_rate_female"] > f["equal_tpr_selection_rate_male"]
    assert f["equal_tpr_precision_gap"] > 0.05


def test_metrics_page_no_threshold_pair_makes_every_gap_zero(f):
    assert f["best_max_gap"] > 0.03
    best = best_all_round(threshold_table())
    assert best["max_gap"] == pytest.approx(f["best_max_gap"])
    assert best["max_gap"] == pytest.approx(
        max(best["selection_rate_gap"], best["tpr_gap"], best["precision_gap"])
    )


def test_best_all_round_respects_the_lending_floor():
    table = threshold_table()
    best = best_all_round(table)
    sub = table[table["label"] == "approved_past"].set_index(["threshold", "group"])
    assert sub.loc[(best["threshold_female"], "female"), "selection_rate"] >= MIN_SELECTION
    assert sub.loc[(best["threshold_male"], "male"), "selection_rate"] >= MIN_SELECTION
    # Without the floor, refusing almost everyone makes the gaps small: the floor matters.
    assert best_all_round(table, min_selection=0.0)["max_gap"] <= best["max_gap"]


def test_proxy_page_the_proxy_predicts_gender_well(f):
    assert f["proxy_proxy_accuracy"] >= 0.8
    assert f["proxy_proxy_accuracy"] > f["proxy_majority_accuracy"] + 0.2
    assert f["proxy_proxy_auc"] >= 0.85


def test_proxy_page_dropping_gender_keeps_most_of_the_gap(f):
    assert f["proxy_gap_without_gender"] > 0.05
    assert f["proxy_gap_kept"] > 0.5
    assert (
        f["proxy_selection_rate_without_gender_female"]
        < f["proxy_selection_rate_without_gender_male"]
    )
    assert f["proxy_selection_rate_with_gender_female"] < f["proxy_selection_rate_with_gender_male"]


def test_representation_page_rural_error_falls_urban_stays_gap_remains(f):
    assert f["repr_rural_error_high"] < f["repr_rural_error_low"] - 0.03
    assert abs(f["repr_urban_error_high"] - f["repr_urban_error_low"]) < 0.03  # "about the same"
    assert f["repr_rural_error_low"] > f["repr_urban_error_low"]
    assert f["repr_rural_error_high"] > f["repr_urban_error_high"]  # "even at equal shares"


def test_figures_are_formatted_in_each_language():
    en, id_ = formatted_figures("en"), formatted_figures("id")
    assert en.keys() == id_.keys()
    assert en["base_rate_female"].endswith("%") and "." in en["base_rate_female"]
    assert "," in id_["base_rate_female"] and "." not in id_["base_rate_female"]
    # gaps are percentage points: no percent sign
    assert not en["shared_selection_rate"].endswith("%")


@pytest.mark.parametrize("lang", ["en", "id"])
def test_prose_and_demos_show_the_same_digits(lang):
    from etika.demos.widgets import ProxyView, ThresholdView

    figures = formatted_figures(lang)
    shown = ThresholdView(lang=lang, widgets=False).render("approved_past", 0.5, 0.5)
    for key in ("shared_selection_rate_female", "shared_tpr_male", "shared_precision_female"):
        assert f">{figures[key]}<" in shown, key
    assert f">{figures['shared_selection_rate']} " in shown  # the gap, in points
    proxy = ProxyView(lang=lang, widgets=False).render(0.5, True)
    assert f">{figures['proxy_selection_rate_without_gender_female']}<" in proxy


def test_index_page_rural_applicants_are_under_sampled(f):
    # "roughly {{ population_rural_share }} of the population ... only {{ sample_rural_share }}"
    assert f["sample_rural_share"] < f["population_rural_share"]


def test_metrics_page_identity_links_the_three_measures_to_the_base_rate():
    # "the share approved times the precision equals the share who would repay times the TPR"
    table = threshold_table()
    for row in table.itertuples():
        if row.count and row.tp + row.fp:
            lhs = row.selection_rate * row.precision
            rhs = row.base_rate * row.tpr
            assert lhs == pytest.approx(rhs, abs=1e-9), row


def test_metrics_page_women_repay_more_than_men_with_the_same_score():
    # "In every band, women repay more often than men with the same score"
    from etika.demos.threshold import threshold_data
    from etika.fairness import calibration_by_group

    test, scores = threshold_data()
    table = calibration_by_group(
        test["repaid"],
        scores["approved_past"],
        test["gender"].astype(str),
        bins=[0, 0.25, 0.5, 0.75, 1],
    ).pivot(index="bin", columns="group", values="observed_rate")
    assert len(table) == 4
    assert (table["female"] > table["male"]).all(), table


# --- Corrections of issue 11: each sentence the pages now say, checked on the models -------


def test_index_page_rural_harm_is_wrong_refusals_not_wrong_approvals(f):
    # "wrong about {{ area_error_rate_rural }} of rural applicants, against ... urban ones"
    assert f["area_error_rate_rural"] > f["area_error_rate_urban"] + 0.05
    # "its mistakes for them are wrong refusals": more refusals of rural applicants who repay
    assert f["area_fnr_rural"] > f["area_fnr_urban"] + 0.1
    # "It does not make more of the other mistake for them": the rural FPR is lower
    assert f["area_fpr_rural"] < f["area_fpr_urban"]


def test_index_page_most_rural_mistakes_are_refusals():
    from etika.demos.threshold import threshold_data
    from etika.fairness import group_metrics

    test, scores = threshold_data()
    rural = group_metrics(test["repaid"], scores["approved_past"] >= 0.5, test["area"]).loc["rural"]
    assert rural["fn"] > rural["fp"]  # "most of its mistakes for them are wrong refusals"


def test_area_figures_agree_with_fairlearn_counts():
    from etika.bias_chapter import area_figures
    from etika.demos.threshold import threshold_data
    from etika.fairness import group_metrics

    test, scores = threshold_data()
    frame = group_metrics(test["repaid"], scores["approved_past"] >= 0.5, test["area"])
    figures = area_figures()
    for area in ("rural", "urban"):
        row = frame.loc[area]
        assert figures[f"fnr_{area}"] == pytest.approx(row["fn"] / (row["fn"] + row["tp"]))
        assert figures[f"fpr_{area}"] == pytest.approx(row["fp"] / (row["fp"] + row["tn"]))


def test_representation_page_at_the_smallest_share_the_model_is_worse_than_approving_all(f):
    # "worse for rural applicants than no model at all: a rule that approved every rural
    # applicant would be wrong only about the ones who would not repay"
    from etika.demos.representation import evaluation_set

    test = evaluation_set()
    rural = test[test["area"] == "rural"]
    assert f["repr_rural_approve_all_error"] == pytest.approx(1 - rural["repaid"].mean())
    assert f["repr_rural_error_low"] > f["repr_rural_approve_all_error"] + 0.01


def test_representation_page_the_model_beats_approving_all_only_from_the_quoted_share(f):
    from etika.demos.representation import representation_table

    table = representation_table()
    rural = table[table["group"] == "rural"].set_index("rural_share")["error_rate"].round(4)
    baseline = round(f["repr_rural_approve_all_error"], 4)
    share = f["repr_share_beats_approve_all"]
    assert (rural[rural.index >= share] < baseline).all()
    assert (rural[rural.index < share] >= baseline).all()
    assert f["repr_share_low"] < share < f["repr_share_high"]


def test_representation_page_separate_models_close_only_part_of_the_gap(f):
    # "brings the rural error rate down from ... to ..."; "the rest of the gap remains"
    assert f["repr_rural_separate_error"] < f["repr_rural_error_high"] - 0.02
    assert f["repr_rural_separate_error"] > f["repr_urban_separate_error"] + 0.02
    # the urban error hardly changes with its own model
    assert abs(f["repr_urban_separate_error"] - f["repr_urban_error_high"]) < 0.02


def test_metrics_page_actual_repayment_label_reverses_the_gap(f):
    # "With that label the gap reverses ... Women now come out ahead"
    assert f["repaid_selection_rate_female"] > f["repaid_selection_rate_male"]
    assert f["repaid_tpr_female"] > f["repaid_tpr_male"]
    # while the officers' label puts them behind (the page's first paragraph)
    assert f["shared_selection_rate_female"] < f["shared_selection_rate_male"]
    # and the demo offers that model: same table, label "repaid"
    table = threshold_table()
    assert set(table["label"]) == {"approved_past", "repaid"}


def test_metrics_page_remaining_gap_depends_on_the_minimum_approval_rule(f):
    table = threshold_table()
    floors = [0.0, 0.3, 0.4, MIN_SELECTION, 0.6]
    worst = [best_all_round(table, min_selection=m)["max_gap"] for m in floors]
    assert worst == sorted(worst)  # a stricter rule never leaves a smaller gap
    assert f["best_nofloor_max_gap"] == pytest.approx(worst[0])
    assert f["best_nofloor_max_gap"] < f["best_max_gap"] - 0.01
    # "a lender that approved nobody ... would make the selection rates and the TPRs equal"
    from etika.demos.threshold import threshold_data
    from etika.fairness import group_metrics

    test, scores = threshold_data()
    nobody = group_metrics(test["repaid"], scores["approved_past"] > 1, test["gender"])
    assert (nobody["selection_rate"] == 0).all() and (nobody["tpr"] == 0).all()
    assert nobody["precision"].isna().all()  # precision is undefined: nobody was approved


def test_metrics_page_worked_example_counts_give_the_quoted_rates(f):
    tp, fp, fn, tn, n = (f[f"count_female_{k}"] for k in ("tp", "fp", "fn", "tn", "count"))
    assert tp + fp + fn + tn == n
    shown = formatted_figures("en")
    from etika.demos.render import fmt_rate, round_value

    for key, value in {
        "shared_selection_rate_female": (tp + fp) / n,
        "shared_tpr_female": tp / (tp + fn),
        "shared_fpr_female": fp / (fp + tn),
        "shared_precision_female": tp / (tp + fp),
    }.items():
        assert shown[key] == fmt_rate(round_value(value), "en"), key
    assert formatted_figures("id")["count_female_count"] == f"{n:,}".replace(",", ".")


def test_metrics_page_score_underrates_women_more_than_men_in_every_band():
    from etika.bias_chapter import calibration_table

    table = calibration_table().pivot(index="bin", columns="group", values="underrating")
    assert len(table) == 4
    # "women repay more often than their average score says ... in every band"
    assert (table["female"] > 0).all()
    # "underrates women more than men, in every band"
    assert (table["female"] > table["male"]).all()
    # "in the three lower bands men also repay more often ..., and in the top band less often"
    assert (table["male"].iloc[:3] > 0).all() and table["male"].iloc[3] < 0


def test_metrics_page_tables_are_plain_and_translated():
    from etika.bias_chapter import calibration_markdown, rates_markdown

    for lang in ("en", "id"):
        for text in (calibration_markdown(lang), rates_markdown(lang)):
            assert "bin_low" not in text and "observed_rate" not in text
            assert "female" not in text and "0.085" not in text
            assert text.startswith(":::{table}")
    assert "8,5" in rates_markdown("id") and "60,9%" in rates_markdown("id")
    assert "Proporsi yang akan melunasi" in calibration_markdown("id")
    assert "0,25\u2060–\u20600,50" in calibration_markdown("id")
    # the gap column is in percentage points, as the prose says
    assert formatted_figures("en")["shared_selection_rate"] in rates_markdown("en")
