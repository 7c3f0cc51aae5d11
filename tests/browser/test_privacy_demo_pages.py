"""The privacy chapter's built pages in Chromium: the static demos show what the Python views
show, every control is operated (touch and keyboard) and speaks its value, axe-core finds
nothing in light and dark, the quiz gives feedback for every choice, and the pages stay within
budget with no request outside the site. Screenshots at 360 px go to ``_build/screenshots``.
"""

from __future__ import annotations

import pytest
import site_audit

from etika.privacy import membership, noise
from etika.privacy import views as V

PAGES = ("index", "linkage", "noise", "membership", "quiz")
PAGE_BUDGET = 100_000
SHOTS = site_audit.SITE.parent / "screenshots"


@pytest.fixture
def open_page(chromium, origin):
    contexts = []

    def _open(lang, path, width=360, scheme="light"):
        context = chromium.new_context(
            viewport={"width": width, "height": 800}, color_scheme=scheme
        )
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
        page.goto(f"{origin}/{lang}/book/privacy/{path}.html")
        if path in ("linkage", "noise", "membership"):
            page.wait_for_selector(".etika-demo[data-etika-ready]")
        contexts.append(context)
        return page

    yield _open
    for c in contexts:
        c.close()


def _body(demo):
    return demo.locator(".etika-demo-body").evaluate("e => e.innerHTML")


def _same_html(page_html, python_html):
    # The browser serialises attributes with double quotes; compare the text and the structure.
    norm = lambda s: s.replace("'", '"')  # noqa: E731
    return norm(page_html) == norm(python_html[len("<div class='etika-demo-body'>") : -6])


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "id"])
def test_linkage_demo_matches_python(open_page, lang):
    page = open_page(lang, "linkage")
    view = V.LinkageView(lang, widgets=False)
    demo = page.locator('[data-demo="linkage"]')
    states = [
        ("band10", "district", True, True, False),
        ("band10", "district", True, True, True),
        ("exact", "village", True, True, True),  # every row withheld
        ("dropped", "village", True, True, True),
        ("band10", "district", False, False, True),
    ]
    for age, place, occ, hh, sup in states:
        demo.locator('[data-control="age"]').select_option(age)
        demo.locator('[data-control="place"]').select_option(place)
        for key, on in (("occupation", occ), ("household_size", hh), ("suppress", sup)):
            box = demo.locator(f'[data-control="{key}"]')
            box.check() if on else box.uncheck()
        assert demo.locator("[data-status]").text_content() == view.status(age, place, occ, hh, sup)
        assert _same_html(_body(demo), view.render(age, place, occ, hh, sup))
    # Keyboard: Space toggles a checkbox, arrows move through a select.
    box = demo.locator('[data-control="suppress"]')
    box.focus()
    page.keyboard.press("Space")
    assert demo.locator("[data-status]").text_content() == view.status(
        "band10", "district", False, False, False
    )
    assert not page.errors, page.errors


def _step_slider_by_keyboard(page, demo, control, texts, view):
    """Home, then ArrowRight through every position: spoken value, output, status and body."""
    slider = demo.locator(f'[data-control="{control}"]')
    slider.focus()
    page.keyboard.press("Home")
    for i, text in enumerate(texts):
        if i:
            page.keyboard.press("ArrowRight")
        assert slider.get_attribute("aria-valuetext") == text
        assert demo.locator(f"[data-output={control}]").text_content() == text
        assert demo.locator("[data-status]").text_content() == view.status(i)
        assert _same_html(_body(demo), view.render(i))
    assert demo.locator("label[for]").first.text_content().strip()
    assert not page.errors, page.errors


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "id"])
def test_noise_slider_by_keyboard_speaks_epsilon(open_page, lang):
    page = open_page(lang, "noise")
    texts = [V.eps_text(i, lang) for i in range(len(noise.EPSILONS))]
    view = V.NoiseView(lang, widgets=False)
    _step_slider_by_keyboard(page, page.locator('[data-demo="dp_noise"]'), "epsilon", texts, view)


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "id"])
def test_membership_slider_by_keyboard_speaks_depth(open_page, lang):
    page = open_page(lang, "membership")
    view = V.MembershipView(lang, widgets=False)
    demo = page.locator('[data-demo="membership"]')
    # The page opens on the shallow tree its text describes first.
    assert demo.locator("[data-output=depth]").text_content() == V.depth_text(view.START, lang)
    assert _same_html(_body(demo), view.render(view.START))
    texts = [V.depth_text(i, lang) for i in range(len(membership.DEPTHS))]
    _step_slider_by_keyboard(page, demo, "depth", texts, view)


@pytest.mark.slow
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("path", PAGES)
def test_axe_clean_and_screenshots(open_page, lang, scheme, path):
    page = open_page(lang, path, 360, scheme)
    if path == "linkage":
        page.locator('[data-control="suppress"]').check()
    found = site_audit.axe_violations(page)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"privacy-{path}-{lang}-{scheme}.png"), full_page=True)
    assert not found, found
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert not page.errors, page.errors


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "id"])
def test_quiz_page_gives_feedback_for_every_choice(open_page, lang):
    from etika.i18n import t
    from etika.privacy.quiz import privacy_quiz

    page = open_page(lang, "quiz")
    questions = page.locator(".etika-quiz fieldset")
    quiz = privacy_quiz()
    assert questions.count() == len(quiz)
    for qi, q in enumerate(quiz):
        choices = questions.nth(qi).locator(".etika-choice")
        for ci, c in enumerate(q.choices):
            choices.nth(ci).locator("label").click()
            fb = choices.nth(ci).locator(".etika-feedback")
            assert fb.is_visible()
            verdict = t("quiz.correct" if c.correct else "quiz.incorrect", lang)
            assert verdict in fb.text_content() and c.explanation[lang] in fb.text_content()
    assert not page.errors, page.errors


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("path", [*PAGES, "../data/beneficiaries"])
def test_pages_within_budget_and_offline(chromium, origin, lang, path):
    report = site_audit.audit_page(chromium, origin, f"{lang}/book/privacy/{path}.html")
    assert report.external == [] and report.failed == [] and report.console_errors == []
    assert report.weight <= PAGE_BUDGET, report.weight
    assert report.scroll_width <= 360
