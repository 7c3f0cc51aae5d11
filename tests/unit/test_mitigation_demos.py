"""The mitigation demos' views: every state rendered from the tables, both views alike."""

from __future__ import annotations

import json
import re
import time

import pytest

from etika.demos.render import fixed, fmt_rate
from etika.mitigation import tables as T
from etika.mitigation import views as V


def _payload(html: str) -> dict:
    m = re.search(r'<script type="application/json" class="etika-demo-data">(.*?)</script>', html)
    return json.loads(m.group(1).replace("<\\/", "</"))


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("name", V.DEMOS)
def test_static_snippet_holds_every_state(name, lang):
    html = V.demo_html(name, lang)
    d = _payload(html)
    assert d["demo"] == name and d["lang"] == lang
    assert set(d["states"]) == set(V.states(name, lang))
    for key, (i, status) in d["states"].items():
        body, st = V.states(name, lang)[key]
        assert d["bodies"][i] == body and status == st and st
    # Without JavaScript the page shows the default state.
    default = V.states(name, lang)[V._default_key(name)][0]
    assert f'<div class="etika-demo-body">{default}</div>' in html
    # Every control has an accessible name.
    for control in re.findall(r'id="([^"]+)" (?:data-control|name)', html):
        assert f'for="{control}"' in html


@pytest.mark.parametrize("name", V.DEMOS)
def test_widget_callbacks_fast_and_same_as_static(name):
    view = V.build_widget(name, "en")
    method = view.controls["method"]
    for value in [v for _, v in method.options]:
        t0 = time.perf_counter()
        method.value = value
        assert time.perf_counter() - t0 < 0.1
        assert (
            view.output.value
            == f"<div class='etika-demo-body'>{V.states(name, 'en')[view.key()][0]}</div>"
        )


def test_frontier_state_numbers():
    body, _ = V.states("frontier", "en")["dp_gap|threshold_optimizer|3"]
    r = T.row("approved_past", "threshold_optimizer", "demographic_parity", 0.0, "approved_past")
    assert fmt_rate(r["accuracy"], "en") in body and fixed(r["dp_gap"], 3, "en") in body
    body_id, _ = V.states("frontier", "id")["dp_gap|threshold_optimizer|3"]
    assert fixed(r["dp_gap"], 3, "id") in body_id and "," in fixed(r["dp_gap"], 3, "id")
    # Methods without a strength look the same at every level.
    states = V.states("frontier", "en")
    assert states["dp_gap|reweighing|0"] == states["dp_gap|reweighing|3"]
    assert states["dp_gap|correlation_remover|0"] != states["dp_gap|correlation_remover|3"]


def test_who_gains_picture_counts_people():
    body, status = V.states("who_gains", "en")["dp_gap|exponentiated_gradient|3"]
    f = T.flips_table()
    f = f[(f["label"] == "approved_past") & (f["method"] == "exponentiated_gradient")]
    f = f[(f["constraint"] == "demographic_parity") & (f["strength"] == 0.01)]
    assert body.count("etika-person") == int(f["approved_now"].sum() + f["refused_now"].sum())
    assert str(int(f["approved_now"].sum())) in status
    none, _ = V.states("who_gains", "en")["dp_gap|none|0"]
    assert "etika-person" not in none


def test_strength_texts():
    assert V.strength_text("exponentiated_gradient", "dp_gap", 0, "id") == "eps 0,10"
    assert V.strength_text("threshold_optimizer", "eo_gap", 0, "en") == "exact"
    assert V.setting("threshold_optimizer", "eo_gap", 2) == ("equalized_odds", 0.0)
    assert V.setting("correlation_remover", "tpr_gap", 3) == ("", 1.0)
