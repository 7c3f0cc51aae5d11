"""The quiz page in Chromium at phone width: tap-sized boxes, answers beside them, spoken feedback.

Runs the built page from disk (the quiz needs no server); Debian's Chromium, as the browser
tests use.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]  # the repository (see CONTRIBUTING: Tests)
CHROMIUM = "/usr/bin/chromium"

pytestmark = pytest.mark.skipif(not shutil.which(CHROMIUM), reason="needs Debian's chromium")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-background-networking"]
        )
        yield chromium
        chromium.close()


def open_quiz(browser, site, lang, width=360, theme=None):
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto((site / lang / "book" / "bias" / "quiz.html").as_uri())
    if theme:
        page.evaluate(f"document.body.dataset.theme = {theme!r}")
    return page


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("width", [320, 360])
def test_boxes_are_tap_sized_and_answers_sit_beside_them(browser, site, lang, width):
    page = open_quiz(browser, site, lang, width)
    choices = page.locator(".etika-quiz .etika-choice")
    assert choices.count() >= 18
    for i in range(choices.count()):
        box = choices.nth(i).locator("input").bounding_box()
        label = choices.nth(i).locator("label").bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24, (i, box)
        assert label["x"] >= box["x"] + box["width"], "the answer wraps below its box"
        assert abs(label["y"] - box["y"]) < 8, "the answer does not start beside its box"
        assert label["x"] + label["width"] <= width, "the answer is cut at the edge"
    page.close()


def test_choosing_an_answer_is_announced_in_the_questions_live_region(browser, site):
    page = open_quiz(browser, site, "en")
    question = page.locator(".etika-quiz fieldset").first
    live = question.locator(".etika-live")
    assert live.get_attribute("aria-live") == "polite"
    choice = question.locator(".etika-choice").nth(1)
    choice.locator("label").click()
    feedback = choice.locator(".etika-feedback")
    assert feedback.is_visible()
    page.wait_for_function(
        "el => el.textContent.length > 0", arg=live.element_handle(), timeout=2000
    )
    assert feedback.inner_text().strip()[:40] in live.inner_text()
    page.close()


def test_a_missed_right_answer_is_said_and_each_box_has_its_verdict(browser, site):
    page = open_quiz(browser, site, "id")
    multi = page.locator(".etika-quiz fieldset:has(input[type=checkbox])").first
    missed = multi.locator(".etika-missed")
    complete = multi.locator(".etika-complete")
    assert not missed.is_visible() and not complete.is_visible()
    right = multi.locator(".etika-choice:has(input[data-correct])")
    wrong = multi.locator(".etika-choice:has(input:not([data-correct]))")
    right.nth(0).locator("label").click()
    assert missed.is_visible()
    assert "Ya, jawaban ini benar." in right.nth(0).locator(".etika-feedback").inner_text()
    live = multi.locator(".etika-live")
    page.wait_for_function("el => el.textContent.includes('Masih ada')", arg=live.element_handle())
    for i in range(1, right.count()):
        right.nth(i).locator("label").click()
    assert complete.is_visible() and not missed.is_visible()
    wrong.nth(0).locator("label").click()
    assert "tidak tepat" in wrong.nth(0).locator(".etika-feedback").inner_text()
    assert not complete.is_visible()
    page.close()


def _contrast(page, selector):
    return page.evaluate(
        """sel => {
          const el = document.querySelector(sel);
          const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
          const lum = c => { const v = c.map(x => { x /= 255;
            return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
            return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
          let bg = null, e = el;
          while (e && !bg) { const c = getComputedStyle(e).backgroundColor;
            if (!c.startsWith('rgba(0, 0, 0, 0)') && c !== 'transparent') bg = c;
            e = e.parentElement; }
          const a = lum(rgb(getComputedStyle(el).color)), b = lum(rgb(bg || 'rgb(255,255,255)'));
          return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        }""",
        selector,
    )


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_quiz_text_keeps_its_contrast_in_light_and_dark_mode(browser, site, theme):
    page = open_quiz(browser, site, "en", theme=theme)
    page.locator(".etika-quiz .etika-choice label").first.click()
    for selector in (
        ".etika-quiz legend",
        ".etika-quiz .etika-prompt",
        ".etika-quiz .etika-choice label",
        ".etika-quiz input:checked ~ .etika-feedback",
    ):
        assert _contrast(page, selector) >= 4.5, (theme, selector)
    page.close()
