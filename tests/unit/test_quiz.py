import re

import pytest

from etika.i18n import t
from etika.quiz import (
    BIAS_QUIZ,
    CHOICE_ORDER,
    Choice,
    Question,
    check_answer,
    quiz_css,
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
    # feedback is CSS-driven; the script only feeds the live regions
    assert "input:checked ~ .etika-feedback" in html
    assert html.count("<fieldset") == len(BIAS_QUIZ)
    n_choices = sum(len(q.choices) for q in BIAS_QUIZ)
    assert html.count('class="etika-feedback') == n_choices
    assert html.count('type="checkbox"') == sum(len(q.choices) for q in BIAS_QUIZ if q.multiple)
    for cid in re.findall(r'<input[^>]* id="([^"]+)"', html):
        assert f'<label for="{cid}"' in html
    assert "Uji pemahaman" in quiz_html(BIAS_QUIZ, lang="id")


def test_every_question_has_a_polite_live_region_fed_by_the_quiz_script():
    html = quiz_html(BIAS_QUIZ, lang="en", id_prefix="etq-test")
    assert html.count('aria-live="polite"') == len(BIAS_QUIZ)
    for block in html.split("<fieldset")[1:]:
        assert block.count('aria-live="polite"') == 1
    # one script per quiz, bound to this quiz's own element, filling .etika-live
    assert html.count("<script>") == 1
    assert 'document.getElementById("etq-test")' in html
    assert ".etika-live" in html and "__QUIZ_ID__" not in html


def test_multi_answer_boxes_each_have_their_own_verdict_and_a_missed_note():
    for lang in ("en", "id"):
        html = quiz_html(BIAS_QUIZ, lang=lang, id_prefix="m")
        blocks = html.split("<fieldset")[1:]
        for q, block in zip(BIAS_QUIZ, blocks, strict=True):
            verdicts = re.findall(r'class="etika-feedback[^"]*"><strong>([^<]+)</strong>', block)
            if q.multiple:
                expected = [
                    t("quiz.applies" if c.correct else "quiz.does_not_apply", lang)
                    for c in q.choices
                ]
                assert verdicts == expected
                assert t("quiz.missed", lang) in block and t("quiz.all_found", lang) in block
                # the right answers are marked for the CSS that shows the missed note
                assert block.count("data-correct") == sum(c.correct for c in q.choices)
            else:
                assert set(verdicts) <= {t("quiz.correct", lang), t("quiz.incorrect", lang)}
                assert 'class="etika-missed"' not in block
    css = quiz_css()
    assert ":has(input[data-correct]:not(:checked)) .etika-missed" in css


def test_check_answer_says_when_a_right_answer_was_missed():
    q = next(q for q in BIAS_QUIZ if q.multiple)
    right = [i for i, c in enumerate(q.choices) if c.correct]
    partial = check_answer(q, right[:1], "en")
    assert t("quiz.missed", "en") in partial and "Not quite." in partial
    assert partial.count(t("quiz.applies", "en")) == 1
    full = check_answer(q, right, "en")
    assert "Correct." in full and t("quiz.missed", "en") not in full
    assert full.count(t("quiz.applies", "en")) == len(right)
    wrong = [i for i, c in enumerate(q.choices) if not c.correct]
    assert t("quiz.does_not_apply", "id") in check_answer(q, right + wrong, "id")


def test_right_answers_are_not_always_in_the_same_place():
    single = [q for q in BIAS_QUIZ if not q.multiple]
    positions = [next(i for i, c in enumerate(q.choices) if c.correct) for q in single]
    assert len(set(positions)) >= 3, positions
    assert positions.count(0) <= len(single) // 2, positions
    assert any(p == len(q.choices) - 1 for p, q in zip(positions, single, strict=True))
    for q in BIAS_QUIZ:
        if q.multiple:  # a wrong option is not simply the last one
            wrong = [i for i, c in enumerate(q.choices) if not c.correct]
            assert wrong != [len(q.choices) - 1], q.key
    assert set(CHOICE_ORDER) == {q.key for q in BIAS_QUIZ}


VERDICT_WORDS = re.compile(
    r"^(right|correct|yes|no|wrong|benar|tepat|ya|tidak|bukan|salah)\b", re.IGNORECASE
)


def test_no_text_is_said_twice():
    for q in BIAS_QUIZ:
        for lang in ("en", "id"):
            # the hint under the prompt says how many answers to choose; the prompt does not
            assert not re.search(r"choose all|choose every|pilih semua", q.prompt[lang], re.I)
            for c in q.choices:
                # the verdict ("Correct.", "Benar.") is printed before the explanation
                assert not VERDICT_WORDS.match(c.explanation[lang]), (q.key, c.explanation[lang])
    html = quiz_html(BIAS_QUIZ, lang="id") + quiz_html(BIAS_QUIZ, lang="en")
    text = re.sub(r"<[^>]+>", " ", html)
    for doubled in (r"Benar\.\s+Benar", r"Correct\.\s+Right", r"Choose all that apply\."):
        assert not re.search(doubled, text), doubled


def test_quiz_style_has_tap_sized_boxes_and_a_dark_set():
    css = quiz_css()
    box = re.search(r"\.etika-choice input \{([^}]*)\}", css).group(1)
    assert "width: 1.5rem" in box and "height: 1.5rem" in box  # 24 px
    assert "grid-template-columns: 1.5rem" in css  # the answer sits beside its box
    assert 'body[data-theme="dark"] .etika-quiz' in css
    assert re.search(
        r'@media \(prefers-color-scheme: dark\) \{\s*body\[data-theme="auto"\] \.etika-quiz', css
    )
    assert "--etq-ok" in css and "var(--etq-ok)" in css
    assert quiz_css() in quiz_html(BIAS_QUIZ[:1], lang="en")


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
    assert _undeclared_figures("(Kleinberg et al., 2017; Chouldechova, 2017)", allowed) == []
    assert _undeclared_figures("(Kleinberg dkk., 2017)", allowed) == []
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
    # impossibility: "equalising selection rates still leaves gaps in TPR, FPR and precision"
    for m in ("tpr", "fpr", "precision"):
        assert f[f"equal_selection_{m}_gap"] > 0.02, m
    # impossibility: a perfect model approves exactly those who would repay, so its
    # selection rates are the base rates, which differ
    assert abs(f["base_rate_female"] - f["base_rate_male"]) > 0.05
    # representation: rural errors fall as their share in the training data grows
    assert f["repr_rural_error_high"] < f["repr_rural_error_low"]
    assert f["repr_rural_error_low"] > f["repr_urban_error_low"]
