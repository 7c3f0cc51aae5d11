import json
import re
import time

import numpy as np
import pytest

from etika.demos import proxy, representation, static, threshold, widgets
from etika.demos._model import THRESHOLDS
from etika.fairness import group_metrics


@pytest.fixture(scope="module")
def thr_table():
    return threshold.threshold_table()


def test_threshold_table_shape(thr_table):
    assert list(thr_table.columns) == list(threshold.TABLE_COLUMNS)
    assert len(thr_table) == len(threshold.LABELS) * len(THRESHOLDS) * 2
    assert thr_table["threshold"].min() == 0.05 and thr_table["threshold"].max() == 0.95
    hist = threshold.threshold_histogram()
    assert (
        hist.groupby(["label", "group"])["count"]
        .sum()
        .eq(thr_table.groupby(["label", "group"])["count"].first())
        .all()
    )


@pytest.mark.parametrize(
    "label,thr",
    [("approved_past", 0.3), ("approved_past", 0.65), ("repaid", 0.5), ("repaid", 0.95)],
)
def test_threshold_rows_match_fairlearn(thr_table, label, thr):
    test, scores = threshold.threshold_data()
    ref = group_metrics(
        test["repaid"], (scores[label] >= thr).astype(int), test["gender"].astype(str)
    )
    for group in ("female", "male"):
        row = thr_table[
            (thr_table["label"] == label)
            & (thr_table["threshold"] == thr)
            & (thr_table["group"] == group)
        ].iloc[0]
        for col in ("selection_rate", "tpr", "fpr", "precision", "base_rate"):
            assert row[col] == pytest.approx(ref.loc[group, col])
        for col in ("tp", "fp", "tn", "fn", "count"):
            assert row[col] == ref.loc[group, col]


def test_impossibility_claims(thr_table):
    f = threshold.impossibility_figures(thr_table)
    assert f["base_rate_female"] - f["base_rate_male"] > 0.05
    # shared threshold: the biased label makes the model select fewer women
    assert f["shared"]["selection_rate_male"] - f["shared"]["selection_rate_female"] > 0.05
    es = f["equal_selection"]
    assert es["selection_rate_gap"] < 0.01
    assert es["tpr_gap"] > 0.03 and es["precision_gap"] > 0.05
    et = f["equal_tpr"]
    assert et["tpr_gap"] < 0.02
    assert et["selection_rate_gap"] > 0.02 and et["precision_gap"] > 0.05


def test_threshold_lookup(thr_table):
    rows = threshold.lookup(thr_table, 0.35, 0.5)
    assert rows.loc["female", "threshold"] == 0.35 and rows.loc["male", "threshold"] == 0.5
    assert rows.loc["gap", "tpr"] == pytest.approx(
        abs(rows.loc["female", "tpr"] - rows.loc["male", "tpr"])
    )


def test_proxy_claims():
    tab = proxy.proxy_table()
    assert len(tab) == 2 * len(THRESHOLDS) * 2
    f = proxy.proxy_figures(0.5)
    assert f["gap_with_gender"] > 0.05
    assert f["gap_without_gender"] > 0.05  # dropping gender does not close the gap
    assert f["gap_kept"] > 0.5
    assert f["proxy_accuracy"] >= 0.8 and f["proxy_auc"] >= 0.85
    assert f["proxy_accuracy"] > f["majority_accuracy"] + 0.2
    test, scores = proxy.proxy_scores()
    ref = group_metrics(
        test["repaid"], (scores["without_gender"] >= 0.5).astype(int), test["gender"].astype(str)
    )
    row = tab[(tab["model"] == "without_gender") & (tab["threshold"] == 0.5)].set_index("group")
    assert row.loc["female", "selection_rate"] == pytest.approx(ref.loc["female", "selection_rate"])


def test_representation_claims():
    tab = representation.representation_table()
    assert len(tab) == len(representation.SHARES) * 2
    rural = tab[tab["group"] == "rural"].sort_values("rural_share")["error_rate"].to_numpy()
    assert rural[0] - rural[-1] > 0.05
    assert (np.diff(rural) < 0.005).all()  # falls (allowing tiny noise) as the share grows
    f = representation.representation_figures()
    assert f["rural_error_low"] > f["urban_error_low"]
    # a sampled row against fairlearn
    test = representation.evaluation_set()
    preds = [representation.predictions(0.05, s) for s in representation.SEEDS]
    errs = []
    for p in preds:
        m = group_metrics(test["repaid"], p, test["area"].astype(str))
        errs.append(1 - (m.loc["rural", "tp"] + m.loc["rural", "tn"]) / m.loc["rural", "count"])
    assert np.mean(errs) == pytest.approx(f["rural_error_low"])


def test_build_speed():
    threshold._scored.cache_clear()
    proxy._fitted.cache_clear()
    representation._table.cache_clear()
    for build, limit in (
        (threshold.threshold_table, 2),
        (proxy.proxy_table, 3),
        (representation.representation_table, 5),
    ):
        t0 = time.perf_counter()
        build()
        assert time.perf_counter() - t0 < limit, build.__name__


def test_widget_updates_fast():
    v = widgets.ThresholdView(lang="en")
    v.per_group.value = True
    t0 = time.perf_counter()
    v.women.value = 0.35
    assert time.perf_counter() - t0 < 0.1
    assert 'data-metric="selection_rate" data-group="female"' in v.output.value
    for view in (widgets.ThresholdView(), widgets.ProxyView(), widgets.RepresentationView()):
        t0 = time.perf_counter()
        html = view.update()
        assert time.perf_counter() - t0 < 0.1
        assert "<svg" in html and "aria-label" in html


def _embedded(html):
    m = re.search(
        r'<script type="application/json" class="etika-demo-data">(.*?)</script>', html, re.S
    )
    return json.loads(m.group(1))


@pytest.mark.parametrize("name", ["threshold", "proxy", "representation"])
def test_static_embeds_table(name):
    html = static.demo_html(name, lang="en")
    assert f'data-demo="{name}"' in html
    data = _embedded(html)
    assert len(m_bytes := re.search(r'etika-demo-data">(.*?)</script>', html).group(1)) < 40_000
    assert m_bytes
    table = {
        "threshold": threshold.threshold_table,
        "proxy": proxy.proxy_table,
        "representation": representation.representation_table,
    }[name]()
    cols = list(static.PAYLOAD_COLUMNS[name])
    assert data["columns"] == cols
    assert len(data["rows"]) == len(table)
    for got, (_, want) in zip(data["rows"], table[cols].iterrows(), strict=True):
        for g, w in zip(got, want, strict=True):
            if isinstance(w, float | np.floating):
                assert (g is None and np.isnan(w)) or g == pytest.approx(w, abs=6e-5)
            else:
                assert g == w
    # every control has a label
    for cid in re.findall(r'<(?:input|select)[^>]* id="([^"]+)"', html):
        assert f'<label for="{cid}"' in html
    assert "aria-label" in html and "etika-try" in html


def test_static_ids_unique_and_language():
    a, b = static.demo_html("threshold", lang="en"), static.demo_html("threshold", lang="en")
    ids_a = set(re.findall(r' id="([^"]+)"', a))
    assert ids_a and ids_a.isdisjoint(re.findall(r' id="([^"]+)"', b))
    idn = static.demo_html("threshold", lang="id")
    assert "Tingkat seleksi" in idn and "Ambang batas" in idn and "Selection rate" not in idn
    assert _embedded(idn)["labels"]["female"] == "Perempuan"
    assert "Selection rate" in a


def test_widget_language_switch():
    en = widgets.ThresholdView(lang="en")
    idn = widgets.ThresholdView(lang="id")
    assert en.shared.description != idn.shared.description
    assert "Perempuan" in idn.output.value and "Women" in en.output.value


def test_js_asset_small_and_offline():
    js = static.asset_paths()["js"].read_text(encoding="utf-8")
    assert len(js.encode()) < 20_000
    for banned in ("fetch(", "XMLHttpRequest", "http://", "https://", "import("):
        assert banned not in js.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert static.asset_paths()["css"].exists()


def test_show_switches_on_env(monkeypatch):
    import ipywidgets
    from IPython.display import HTML

    from etika.demos import show

    monkeypatch.setenv("ETIKA_STATIC", "1")
    assert isinstance(show("proxy", lang="en"), HTML)
    monkeypatch.setenv("ETIKA_STATIC", "0")
    assert isinstance(show("proxy", lang="en"), ipywidgets.VBox)
    with pytest.raises(ValueError):
        show("nope")
