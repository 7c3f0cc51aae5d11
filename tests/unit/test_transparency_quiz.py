"""The transparency quiz: understanding questions, feedback for every choice, and claims that
hold on the chapter's own models."""

from __future__ import annotations

import re

import ipywidgets
import pytest

from etika.demos.render import fmt_threshold
from etika.quiz import check_answer, quiz_html, quiz_widget
from etika.transparency import applicants as A
from etika.transparency.figures import formatted_figures, raw_figures
from etika.transparency.quiz import transparency_quiz
from etika.transparency.views import LocalView

LEGAL = re.compile(r"UU No\. \d+ Tahun (19|20)\d\d|Pasal \d+ ayat \(\d+\)")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*\s?%?")


@pytest.fixture(scope="module")
def quiz():
    return transparency_quiz()


def test_shape_and_feedback(quiz):
    assert len(quiz) >= 6
    assert len({q.key for q in quiz}) == len(quiz)
    for q in quiz:
        q.validate()  # every choice has text and an explanation in both languages
        assert sum(c.correct for c in q.choices) == 1
    positions = [[c.correct for c in q.choices].index(True) for q in quiz]
    assert len(set(positions)) == 3  # the right answer is not always in the same place


def test_reading_a_number_off_the_demo(quiz):
    q = next(q for q in quiz if q.key == "read-the-demo")
    right = next(c for c in q.choices if c.correct)
    for lang in ("en", "id"):
        row = LocalView(lang, widgets=False).row("sari", 0, True, 0, False)
        assert right.text[lang] == fmt_threshold(row["score"], lang)
        assert right.text[lang] == formatted_figures(lang)["tr_sari_fixed_score"]
    assert len({c.text["en"] for c in q.choices}) == len(q.choices)


def test_no_figure_typed_by_hand(quiz):
    allowed = {lang: set(formatted_figures(lang).values()) for lang in ("en", "id")}
    bad = []
    for q in quiz:
        for part in [q.prompt, *(c.text for c in q.choices), *(c.explanation for c in q.choices)]:
            for lang, text in part.items():
                stripped = LEGAL.sub("", text)
                bad += [
                    (q.key, lang, m.group(0))
                    for m in NUMBER.finditer(stripped)
                    if m.group(0).strip() not in allowed[lang]
                ]
    assert not bad


def test_claims_hold():
    f = {k: v for k, (v, _) in raw_figures().items()}
    table = A.applicant_table()
    # local-or-global: Sari's short credit history pushes her down the most
    row = A.present(table, "sari")
    assert min(A.INPUTS, key=lambda c: row[f"c_{c}"]) == "credit_history_years"
    # read-the-demo: a marketplace alone lifts her above the threshold
    assert f["tr_sari_score"] < f["tr_threshold"] <= f["tr_sari_fixed_score"]
    # immutable: a town alone would approve Yohanes
    assert A.immutable_flip(table, "yohanes")
    # importance-proxy: women repay more often, yet are approved less often
    assert f["tr_base_rate_female"] > f["tr_base_rate_male"]
    assert f["tr_selection_rate_female"] < f["tr_selection_rate_male"]
    assert f["tr_proxy_importance_max"] < 0.01
    # rashomon: accuracies hardly differ
    assert f["tr_auc_max"] - f["tr_auc_min"] < 0.03


@pytest.mark.parametrize("lang", ["en", "id"])
def test_both_views(quiz, lang):
    html = quiz_html(quiz, lang)
    assert html.count("<fieldset") == len(quiz) and 'class="etika-feedback' in html
    box = quiz_widget(quiz, lang)
    assert isinstance(box, ipywidgets.VBox) and len(box.children) == len(quiz) + 1
    assert "<strong>" in check_answer(quiz[0], [1], lang)
