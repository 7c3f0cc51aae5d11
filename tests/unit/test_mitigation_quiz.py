"""The mitigation quiz: shape, feedback, the number read off a demo, the claims it makes."""

from __future__ import annotations

import pytest

from etika.mitigation import tables as T
from etika.mitigation.figures import raw_figures
from etika.mitigation.quiz import mitigation_quiz
from etika.quiz import quiz_html


@pytest.fixture(scope="module")
def quiz():
    return mitigation_quiz()


def test_shape_and_feedback(quiz):
    assert len(quiz) >= 6
    positions = set()
    for q in quiz:
        q.validate()
        positions.add([c.correct for c in q.choices].index(True))
        for c in q.choices:
            assert c.explanation["en"] and c.explanation["id"]
    assert len(positions) >= 3


def test_reading_a_number_off_the_demo(quiz):
    q = next(q for q in quiz if q.key == "read-the-demo")
    right = next(c for c in q.choices if c.correct)
    n = int(raw_figures()["mi_eg_men_repay_refused"][0])
    assert right.text["en"] == str(n)
    assert all(c.text["en"] != str(n) for c in q.choices if not c.correct)
    body = __import__("etika.mitigation.views", fromlist=["states"]).states("who_gains", "en")
    assert f"<td data-field='refused_now'>{n}<br>" in body["dp_gap|exponentiated_gradient|3"][0]


def test_claims_hold():
    # "the equalized odds gap widened" after ExponentiatedGradient (fair-model feedback).
    f = {k: v for k, (v, _) in raw_figures().items()}
    assert f["mi_eg_eo"] > f["mi_base_eo"] and f["mi_eg_dp"] < 0.25 * f["mi_base_dp"]
    # label question: less accurate, women who would repay less often approved.
    t = T.metrics_table()
    past = t[(t["label"] == "approved_past") & (t["evaluated_on"] == "repaid")]
    ref = T.row("repaid", "none", "", 0.0, "repaid")
    assert (past["accuracy"] < ref["accuracy"]).all()
    assert (past["tpr_female"] < past["tpr_male"]).all()


@pytest.mark.parametrize("lang", ["en", "id"])
def test_both_views(quiz, lang):
    html = quiz_html(quiz, lang)
    for q in quiz:
        assert q.prompt[lang].split()[0] in html
