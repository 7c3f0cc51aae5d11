"""The mitigation demos' static view in Chromium: every control operated by keyboard and by
selection, the body shown is the Python view's state for the controls, spoken values, axe-core
in light and dark, no horizontal scroll at 360 px.

Served as a standalone page of the three demos (their snippets, etika-demos.css,
etika-demos.js and etika-demos-mitigation.js: what a built page holds).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import site_audit

from etika.demos.static import asset_paths
from etika.mitigation import views as V

STATIC = Path(asset_paths()["js"]).parent
ASSETS = ("etika-demos.js", "etika-demos-mitigation.js", "etika-demos.css")


@pytest.fixture(scope="module")
def demo_origin(tmp_path_factory):
    root = tmp_path_factory.mktemp("mitigation-site")
    for name in ASSETS:
        shutil.copy(STATIC / name, root / name)
    for lang in ("en", "id"):
        body = "".join(f"<h2>{n}</h2>{V.demo_html(n, lang)}" for n in V.DEMOS)
        (root / f"{lang}.html").write_text(
            f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<link rel="icon" href="data:,">'
            f'<title>Etika AI</title><link rel="stylesheet" href="etika-demos.css"></head>'
            f"<body><main><h1>Etika AI</h1>{body}</main>"
            '<script defer src="etika-demos.js"></script>'
            '<script defer src="etika-demos-mitigation.js"></script></body></html>',
            encoding="utf-8",
        )
    with site_audit.serve(root, room=False) as url:
        yield url


@pytest.fixture
def open_page(chromium, demo_origin):
    contexts = []

    def _open(lang, scheme="light"):
        context = chromium.new_context(viewport={"width": 360, "height": 800}, color_scheme=scheme)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
        page.goto(f"{demo_origin}/{lang}.html")
        page.wait_for_function(
            "document.querySelectorAll('.etika-demo[data-etika-ready]').length === 3"
        )
        contexts.append(context)
        return page

    yield _open
    for c in contexts:
        c.close()


def _body(page, name):
    return page.locator(f"[data-demo={name}] .etika-demo-body").inner_html()


_PAGE = {}


def _normal(html):
    # Markup as the browser serialises it (quotes, entities, SVG): parsed by the same page.
    return _PAGE["page"].evaluate(
        "h => { const d = document.createElement('div'); d.innerHTML = h; return d.innerHTML; }",
        html,
    )


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "id"])
def test_every_control_shows_the_python_state(open_page, lang):
    page = open_page(lang)
    _PAGE["page"] = page
    states = V.states("frontier", lang)
    root = "[data-demo=frontier]"
    for measure in V.MEASURES:
        page.select_option(f"{root} [data-control=measure]", measure)
        for method in ("none", "correlation_remover", "threshold_optimizer"):
            page.select_option(f"{root} [data-control=method]", method)
            slider = page.locator(f"{root} [data-control=level]")
            slider.focus()
            page.keyboard.press("Home")
            for level in range(V.LEVELS):
                if level:
                    page.keyboard.press("ArrowRight")
                body, status = states[f"{measure}|{method}|{level}"]
                assert _normal(_body(page, "frontier")) == _normal(body)
                assert page.locator(f"{root} [data-status]").text_content() == status
                assert slider.get_attribute("aria-valuetext") == V.strength_text(
                    method, measure, level, lang
                )
    who = V.states("who_gains", lang)
    page.select_option("[data-demo=who_gains] [data-control=method]", "reweighing")
    assert _normal(_body(page, "who_gains")) == _normal(who["dp_gap|reweighing|3"][0])
    which = V.states("which_label", lang)
    page.select_option("[data-demo=which_label] [data-control=label]", "repaid")
    page.select_option("[data-demo=which_label] [data-control=method]", "threshold_optimizer")
    assert _normal(_body(page, "which_label")) == _normal(which["repaid|threshold_optimizer"][0])
    assert page.errors == []


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["en", "id"])
def test_accessible_and_fits_a_phone(open_page, lang, scheme):
    page = open_page(lang, scheme)
    assert site_audit.axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    for control in page.locator(".etika-demo select, .etika-demo input").all():
        name = control.evaluate("e => e.labels && e.labels.length ? e.labels[0].textContent : ''")
        assert name.strip()
    assert page.errors == []
