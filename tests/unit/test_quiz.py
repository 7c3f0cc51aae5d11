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

    shown = []
    monkeypatch.setattr("IPython.display.display", shown.append)
    monkeypatch.setenv("ETIKA_STATIC", "1")
    assert show_quiz(BIAS_QUIZ, lang="en") is None  # displayed once, not echoed again
    monkeypatch.delenv("ETIKA_STATIC")
    show_quiz(BIAS_QUIZ, lang="id")
    assert isinstance(shown[0], HTML) and isinstance(shown[1], ipywidgets.VBox)


# --- Figures in the quiz -------------------------------------------------------------------
# A quiz tests concepts, not memorised figures: numbers typed into quiz text go stale when the
# data or the model changes. A number may appear only if it is one the chapter computes
# (etika.bias_chapter.formatted_figures), or a year inside a citation ("Chouldechova, 2017").

CITATION = re.compile(r"[A-Z][\w-]+(?: (?:et al\.|dkk\.))?, (?:19|20)\d\d\b")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*\s?%?")
# Spelled-out figures ("three quarters", "sepertiga") are figures too. Each phrase allowed
# here is a claim checked against the data below (test_quiz_claims_hold).
NUMBER_WORDS = re.compile(
    r"\b(quarters?|thirds?|half|halves|twice|percent|"
    r"perempat|sepertiga|separuh|setengah|dua kali|persen)\b",
    re.IGNORECASE,
)
CHECKED_PHRASES = {"more than half of the applicants", "lebih dari separuh pemohon"}


def _quiz_texts():
    for q in BIAS_QUIZ:
        parts = [q.prompt] + [c.text for c in q.choices] + [c.explanation for c in q.choices]
        for part in parts:
            for lang, text in part.items():
                yield q.key, lang, text


def _undeclared_figures(text: str, allowed: set[str]) -> list[str]:
    stripped = CITATION.sub("", text)
    found = [m.group(0).strip() for m in NUMBER.finditer(stripped)]
    found = [f for f in found if f not in allowed]
    for phrase in CHECKED_PHRASES:
        stripped = stripped.replace(phrase, "")
    found += [m.group(0) for m in NUMBER_WORDS.finditer(stripped)]
    return found


def test_figure_detector_catches_typed_figures():
    allowed = {"12.5%"}
    assert _undeclared_figures("falls from about 36% to 28%", allowed) == ["36%", "28%"]
    assert _undeclared_figures("turun dari 36,2 %", allowed) == ["36,2 %"]
    assert _undeclared_figures("about three quarters of the gap", allowed) == ["quarters"]
    assert _undeclared_figures("sekitar tiga perempat selisih", allowed) == ["perempat"]
    assert _undeclared_figures("the gap is 12.5%", allowed) == []
    assert _undeclared_figures("(Kleinberg et al., 2016; Chouldechova, 2017)", allowed) == []
    assert _undeclared_figures("(Kleinberg dkk., 2016)", allowed) == []
    assert _undeclared_figures("in 2016 the rate was", allowed) == ["2016"]


def test_quiz_has_no_figures_that_do_not_come_from_code():
    from etika.bias_chapter import formatted_figures

    allowed = {lang: set(formatted_figures(lang).values()) for lang in ("en", "id")}
    bad = [
        (key, lang, fig)
        for key, lang, text in _quiz_texts()
        for fig in _undeclared_figures(text, allowed[lang])
    ]
    assert not bad, f"figures typed by hand in the quiz (derive or remove them): {bad}"


def test_quiz_claims_hold():
    """The qualitative statements the quiz makes about the course data are true."""
    from etika.bias_chapter import raw_figures
    from etika.data import make_microcredit

    f = raw_figures()
    data = make_microcredit(4000, seed=0)
    # label-bias: "women are more than half of the applicants"; "women repay more often"
    assert (data["gender"] == "female").mean() > 0.5
    assert f["base_rate_female"] > f["base_rate_male"]
    # label-bias: past officers approved women less often
    by_gender = data.groupby("gender", observed=True)["approved_past"].mean()
    assert by_gender["female"] < by_gender["male"]
    # tpr/harm: among those who would repay, a smaller share of women is approved
    assert f["shared_tpr_female"] < f["shared_tpr_male"]
    # unawareness: most of the gap remains without the gender column
    assert f["proxy_gap_kept"] > 0.5
    # representation: rural errors fall as their share in the training data grows
    assert f["repr_rural_error_high"] < f["repr_rural_error_low"]
    assert f["repr_rural_error_low"] > f["repr_urban_error_low"]
