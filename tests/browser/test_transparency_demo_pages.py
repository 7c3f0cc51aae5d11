"""The transparency demos' static view in Chromium: the JavaScript draws what the Python views
draw, from the same rows; keyboard and spoken values; axe-core in light and dark; print.

The chapter's pages are not in the table of contents yet, so these tests serve a standalone
page of the three demos (their snippets, etika-demos.css, etika-demos.js and
etika-demos-transparency.js: what a built page holds) from a temporary folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import site_audit

from etika.demos.static import asset_paths
from etika.transparency import views as V

STATIC = Path(asset_paths()["js"]).parent
ASSETS = ("etika-demos.js", "etika-demos-transparency.js", "etika-demos.css")


@pytest.fixture(scope="module")
def demo_origin(tmp_path_factory):
    root = tmp_path_factory.mktemp("transparency-site")
    for name in ASSETS:
        shutil.copy(STATIC / name, root / name)
    for lang in ("en", "id"):
        # As on a chapter page: each demo under a section heading (h1 > h2 > the demo's h3).
        body = "".join(f"<h2>{n}</h2>{V.demo_html(n, lang)}" for n in V.DEMOS)
        (root / f"{lang}.html").write_text(
            f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<link rel="icon" href="data:,">'
            f'<title>Etika AI</title><link rel="stylesheet" href="etika-demos.css"></head>'
            f"<body><main><h1>Etika AI</h1>{body}</main>"
            '<script defer src="etika-demos.js"></script>'
            '<script defer src="etika-demos-transparency.js"></script></body></html>',
            encoding="utf-8",
        )
    with site_audit.serve(root, room=False) as url:
        yield url


@pytest.fixture
def open_page(chromium, demo_origin):
    pages = []

    def _open(lang, width=360, scheme="light"):
        context = chromium.new_context(
            viewport={"width": width, "height": 800}, color_scheme=scheme
        )
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on(
            "console",
            lambda m: (
                page.errors.append(m.text)
                if m.type == "error" and "favicon" not in m.text
                else None
            ),
        )
        page.add_init_script("window.print = function () { window.printed = true; };")
        page.goto(f"{demo_origin}/{lang}.html")
        page.wait_for_function(
            "document.querySelectorAll('.etika-demo[data-etika-ready]').length === 3"
        )
        pages.append(context)
        return page

    yield _open
    for c in pages:
        c.close()


def _set_range(locator, index):
    locator.evaluate(
        f"e => {{ e.value = {index}; e.dispatchEvent(new Event('input', {{bubbles: true}})); }}"
    )


def _status(demo):
    return demo.locator("[data-status]").text_content()


@pytest.mark.parametrize("lang", ["en", "id"])
def test_local_demo_matches_python(open_page, lang):
    page = open_page(lang)
    view = V.LocalView(lang, widgets=False)
    demo = page.locator('[data-demo="explain_local"]')
    states = [
        ("yohanes", 0, False, 0, True),
        ("sari", 0, True, 0, False),
        ("dewi", 2, True, 2, False),
        ("rina", 4, False, 1, True),
    ]
    for key, step, market, wait, urban in states:
        demo.locator('[data-control="applicant"]').select_option(key)
        slider = demo.locator('[data-control="revenue_step"]')
        slider.evaluate(
            f"e => {{ e.value = {step}; e.dispatchEvent(new Event('input', {{bubbles: true}})); }}"
        )
        demo.locator('[data-control="wait_years"]').evaluate(
            f"e => {{ e.value = {wait}; e.dispatchEvent(new Event('input', {{bubbles: true}})); }}"
        )
        for name, on in (("marketplace", market), ("urban", urban)):
            box = demo.locator(f'[data-control="{name}"]')
            box.check() if on else box.uncheck()
        assert _status(demo) == view.status(key, step, market, wait, urban)
        py = view.row(key, step, market, wait, urban)
        assert demo.locator("[data-field=score]").text_content() == V.fmt_threshold(
            py["score"], lang
        )
        assert demo.locator("[data-field=verdict]").text_content() == view.verdicts[key]
    assert not page.errors


@pytest.mark.parametrize("lang", ["en", "id"])
def test_global_and_card_match_python(open_page, lang):
    page = open_page(lang)
    glob, card = V.GlobalView(lang, False), V.CardView(lang, False)
    demo = page.locator('[data-demo="explain_global"]')
    for family in ("boosting", "forest", "logistic"):
        for seed in (2, 0):
            demo.locator('[data-control="family"]').select_option(family)
            _set_range(demo.locator('[data-control="seed"]'), seed)
            assert _status(demo) == glob.status(family, seed)
            order = demo.locator("tr[data-feature]").evaluate_all(
                "rows => rows.map(r => r.dataset.feature)"
            )
            assert order == [r["feature"] for r in glob.ranked(family, seed)]
    demo = page.locator('[data-demo="model_card"]')
    for audience in ("regulator", "officer", "applicant"):
        demo.locator('[data-control="audience"]').select_option(audience)
        assert _status(demo) == card.status(audience)
        shown = demo.locator("section[data-section]").evaluate_all(
            "s => s.map(e => e.dataset.section)"
        )
        assert shown == card.sections(audience)
    demo.locator("[data-print]").click()
    assert page.evaluate("window.printed === true")
    assert page.evaluate(
        "document.querySelector('.etika-card').classList.contains('etika-print-me')"
    )
    assert not page.errors


def test_keyboard_sliders_speak_their_value(open_page):
    page = open_page("id")
    demo = page.locator('[data-demo="explain_local"]')
    slider = demo.locator('[data-control="revenue_step"]')
    slider.focus()
    page.keyboard.press("ArrowRight")
    assert slider.get_attribute("aria-valuetext") == "+10%"
    assert demo.locator('[data-output="revenue_step"]').text_content() == "+10%"
    assert _status(demo).startswith("Sari: skor")
    wait = demo.locator('[data-control="wait_years"]')
    wait.focus()
    page.keyboard.press("ArrowRight")
    assert wait.get_attribute("aria-valuetext") == "1"
    seed = page.locator('[data-demo="explain_global"] [data-control="seed"]')
    seed.focus()
    page.keyboard.press("End")
    assert seed.get_attribute("aria-valuetext") == "2"
    box = demo.locator('[data-control="urban"]')
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("width", [320, 360])
def test_chart_text_legible_and_inside(open_page, lang, width):
    page = open_page(lang, width)
    found = page.evaluate(
        """() => {
          const out = [];
          for (const svg of document.querySelectorAll('.etika-demo svg')) {
            const box = svg.getBoundingClientRect();
            for (const t of svg.querySelectorAll('text')) {
              const r = t.getBoundingClientRect();
              const size = parseFloat(getComputedStyle(t).fontSize);
              if (size < 12 || r.left < box.left - 0.5 || r.right > box.right + 0.5)
                out.push([t.textContent, size, r.left - box.left, box.right - r.right]);
            }
            const page = document.documentElement.clientWidth;
            if (box.right > page + 0.5) out.push(['svg', box.right]);
          }
          return out;
        }"""
    )
    assert not found


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["en", "id"])
def test_axe_clean(open_page, lang, scheme):
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(lang, 360, scheme)
    page.locator('[data-demo="model_card"] [data-control="audience"]').select_option("regulator")
    axe = Axe()
    for name in V.DEMOS:
        found = axe.run(page, context=f'.etika-demo[data-demo="{name}"]').response["violations"]
        assert not found, (name, [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in found])


@pytest.mark.parametrize("lang", ["en", "id"])
def test_quiz_page_gives_feedback_for_every_choice(chromium, origin, lang):
    """On the built quiz page, every choice of every question shows its own feedback."""
    from etika.i18n import t
    from etika.transparency.quiz import transparency_quiz

    context = chromium.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto(f"{origin}/{lang}/book/transparency/quiz.html")
        questions = page.locator(".etika-quiz fieldset")
        quiz = transparency_quiz()
        assert questions.count() == len(quiz)
        for qi, q in enumerate(quiz):
            choices = questions.nth(qi).locator(".etika-choice")
            for ci, c in enumerate(q.choices):
                choices.nth(ci).locator("label").click()
                fb = choices.nth(ci).locator(".etika-feedback")
                assert fb.is_visible()
                verdict = t("quiz.correct" if c.correct else "quiz.incorrect", lang)
                assert verdict in fb.text_content() and c.explanation[lang] in fb.text_content()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        assert errors == [], errors
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("name", ["explain_local", "explain_global"])
def test_js_chart_says_what_the_python_chart_says(open_page, lang, name):
    """The static chart and the kernel chart hold the same words, values and bars (their line
    breaks may differ: the browser measures text with the page's font)."""
    import re as _re

    page = open_page(lang)
    svg = page.locator(f'[data-demo="{name}"] svg').first
    js_words = svg.evaluate(
        "s => [...s.querySelectorAll('text')].map(t => t.textContent).join(' ')"
    )
    js_bars = svg.evaluate("s => s.querySelectorAll('rect').length")
    view = V.LocalView(lang, False) if name == "explain_local" else V.GlobalView(lang, False)
    html = view.render()
    py_svg = html[html.index("<svg") : html.index("</svg>")]
    py_words = " ".join(_re.findall(r"<text[^>]*>([^<]*)</text>", py_svg))
    from html import unescape

    assert js_words.split() == unescape(py_words).split()
    assert js_bars == py_svg.count("<rect")
