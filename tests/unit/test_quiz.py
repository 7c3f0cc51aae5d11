import re

import pytest

from etika.quiz import (
    BIAS_QUIZ,
    Choice,
    Question,
    check_answer,
    quiz_html,
    quiz_widget,
    show_quiz,
)

BANNED = ("debias", "unbiased model", "solves fairness", "fair model")


def test_bias_quiz_content():
    assert len(BIAS_QUIZ) >= 6
    assert len({q.key for q in BIAS_QUIZ}) == len(BIAS_QUIZ)
    for q in BIAS_QUIZ:
        q.validate()
        assert len(q.choices) >= 3
        assert any(c.correct for c in q.choices)
        for c in q.choices:
            for lang in ("en", "id"):
                assert c.text[lang].strip() and c.explanation[lang].strip()
                assert q.prompt[lang].strip()
            assert c.text["en"] != c.text["id"] or c.text["en"].isidentifier()


def test_vocabulary():
    for q in BIAS_QUIZ:
        for c in q.choices:
            if c.correct:
                text = (c.text["en"] + " " + c.explanation["en"]).lower()
                assert not any(b in text for b in BANNED), c.text["en"]


def test_validate_rejects_bad_questions():
    two = Question(
        "x",
        {"en": "a", "id": "b"},
        tuple(Choice({"en": "a", "id": "b"}, True, {"en": "a", "id": "b"}) for _ in range(2)),
    )
    with pytest.raises(ValueError, match="3 choices"):
        two.validate()
    none = Question(
        "y",
        {"en": "a", "id": "b"},
        tuple(Choice({"en": "a", "id": "b"}, False, {"en": "a", "id": "b"}) for _ in range(3)),
    )
    with pytest.raises(ValueError, match="correct"):
        none.validate()
    missing = Question(
        "z",
        {"en": "a", "id": ""},
        tuple(Choice({"en": "a", "id": "b"}, True, {"en": "a", "id": "b"}) for _ in range(3)),
    )
    with pytest.raises(ValueError, match="'id'"):
        missing.validate()


def test_html_feedback_without_js():
    html = quiz_html(BIAS_QUIZ, lang="en")
    assert "<script" not in html
    assert "input:checked~.etika-feedback" in html
    assert html.count("<fieldset") == len(BIAS_QUIZ)
    n_choices = sum(len(q.choices) for q in BIAS_QUIZ)
    assert html.count('class="etika-feedback') == n_choices
    assert html.count('type="checkbox"') == sum(len(q.choices) for q in BIAS_QUIZ if q.multiple)
    for cid in re.findall(r'<input[^>]* id="([^"]+)"', html):
        assert f'<label for="{cid}"' in html
    assert "Uji pemahaman" in quiz_html(BIAS_QUIZ, lang="id")


def test_two_quizzes_on_one_page_do_not_clash():
    page = quiz_html(BIAS_QUIZ, lang="en") + quiz_html(BIAS_QUIZ[:3], lang="id")
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    names = re.findall(r' name="([^"]+)"', page)
    assert len(set(names)) == len(BIAS_QUIZ) + 3


def test_check_answer_and_widget():
    q = BIAS_QUIZ[0]
    right = [i for i, c in enumerate(q.choices) if c.correct]
    assert "Correct." in check_answer(q, right, "en")
    wrong = [i for i, c in enumerate(q.choices) if not c.correct][:1]
    assert "Belum tepat." in check_answer(q, wrong, "id")
    assert "Choose an answer" in check_answer(q, [], "en")
    w = quiz_widget(BIAS_QUIZ, lang="en")
    assert len(w.children) == len(BIAS_QUIZ) + 1
    box = w.children[1]
    box.children[1].value = right[0]
    box.children[2].click()
    assert "Correct." in box.children[3].value


def test_show_quiz_switches_on_env(monkeypatch):
    import ipywidgets
    from IPython.display import HTML

    monkeypatch.setenv("ETIKA_STATIC", "1")
    assert isinstance(show_quiz(BIAS_QUIZ, lang="en"), HTML)
    monkeypatch.delenv("ETIKA_STATIC")
    assert isinstance(show_quiz(BIAS_QUIZ, lang="id"), ipywidgets.VBox)
