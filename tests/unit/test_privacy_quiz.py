"""The privacy quiz: enough questions, feedback everywhere, a number read off the demo."""

from __future__ import annotations

from etika.privacy.figures import formatted_figures, setting
from etika.privacy.quiz import privacy_quiz
from etika.quiz import quiz_html


def test_shape_and_feedback():
    qs = privacy_quiz()
    assert len(qs) >= 6
    assert len({q.key for q in qs}) == len(qs)
    for q in qs:
        q.validate()  # every choice has text and an explanation in both languages
        assert sum(c.correct for c in q.choices) == 1
    places = {[c.correct for c in q.choices].index(True) for q in qs}
    assert len(places) == 3  # the right answer is not always in the same place


def test_the_demo_number_is_the_demos():
    q = {q.key: q for q in privacy_quiz()}["read-the-demo"]
    right = next(c for c in q.choices if c.correct)
    row = setting("band10", "district")
    assert right.text["en"] == f"{row['reidentified']}."
    assert formatted_figures("id")["pv_reid_coarse"] in right.text["id"]
    # the distractors are wrong on the demo: not zero, not everyone
    assert 0 < row["reidentified"] < row["n"]


def test_renders_in_both_languages():
    for lang in ("en", "id"):
        html = quiz_html(privacy_quiz(), lang)
        assert html.count('type="radio"') == 3 * len(privacy_quiz())
