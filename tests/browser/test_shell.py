"""The site's shell on a phone: menu, contents, language switch, theme; by touch and keyboard.

Widths from 320 px (the smallest phones) to 991 px (the widest at which the theme used to
hide its menu behind a dead button); both languages; light and dark colour schemes.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import site_audit

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "book" / "_ext"))

from site_strings import UI  # noqa: E402

PHONE_WIDTHS = [320, 360, 768, 991]
DEMO_PAGE = "book/bias/metrics.html"


def _open(chromium, origin, path, width, touch=False, scheme="light"):
    context = chromium.new_context(
        viewport={"width": width, "height": 740}, has_touch=touch, color_scheme=scheme
    )
    page = context.new_page()
    page.goto(f"{origin}/{path}", wait_until="load")
    return context, page


def _drawer_visible(page, selector):
    return page.evaluate(
        """sel => { const el = document.querySelector(sel); const box = el.getBoundingClientRect();
                    return getComputedStyle(el).visibility === 'visible' && box.right > 0
                           && box.left < window.innerWidth; }""",
        selector,
    )


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("width", PHONE_WIDTHS)
def test_menu_opens_by_touch_and_a_link_leads_to_its_page(chromium, origin, lang, width):
    context, page = _open(chromium, origin, f"{lang}/{DEMO_PAGE}", width, touch=True)
    try:
        toggle = page.locator("header.mobile-header label.nav-overlay-icon")
        assert toggle.is_visible()
        box = toggle.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, box
        page.wait_for_timeout(300)  # the drawer is closed and out of the way
        assert not _drawer_visible(page, "#etika-sidebar")
        toggle.tap()
        page.wait_for_timeout(400)
        assert _drawer_visible(page, "#etika-sidebar")
        assert toggle.get_attribute("aria-expanded") == "true"
        link = page.locator("#etika-sidebar .sidebar-tree a.reference[href*='glossary']")
        with page.expect_navigation():
            link.tap()
        assert page.url.endswith(f"/{lang}/book/glossary.html"), page.url
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("width", [320, 991])
def test_menu_works_by_keyboard_alone(chromium, origin, lang, width):
    context, page = _open(chromium, origin, f"{lang}/{DEMO_PAGE}", width)
    try:
        # Tab from the top of the page: the skip link first, then the menu button.
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className").startswith("skip-to-content")
        page.keyboard.press("Tab")
        assert "nav-overlay-icon" in page.evaluate("document.activeElement.className")
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline != "none", "the focused menu button shows no focus ring"
        page.keyboard.press("Enter")
        page.wait_for_timeout(400)
        assert _drawer_visible(page, "#etika-sidebar")
        focused = page.evaluate("document.activeElement.closest('#etika-sidebar') !== null")
        assert focused, "focus did not move into the open menu"
        page.keyboard.press("Escape")
        page.wait_for_timeout(400)
        assert not _drawer_visible(page, "#etika-sidebar")
        assert "nav-overlay-icon" in page.evaluate("document.activeElement.className")
        # Space opens it too; then follow a link with Enter.
        page.keyboard.press(" ")
        page.wait_for_timeout(400)
        page.locator("#etika-sidebar a.reference[href*='proxy']").focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.endswith(f"/{lang}/book/bias/proxy.html"), page.url
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 768])
def test_contents_drawer_by_touch_and_keyboard(chromium, origin, width):
    context, page = _open(chromium, origin, f"id/{DEMO_PAGE}", width, touch=True)
    try:
        toggle = page.locator("header.mobile-header label.toc-overlay-icon")
        toggle.tap()
        page.wait_for_timeout(400)
        assert _drawer_visible(page, "#etika-toc")
        assert page.locator("#etika-toc .toc-title").inner_text() == UI["contents"]["id"]
        entry = page.locator("#etika-toc .toc-tree a.reference").nth(1)
        target = entry.get_attribute("href")
        entry.tap()
        page.wait_for_timeout(400)
        assert page.url.endswith(target)
        assert not _drawer_visible(page, "#etika-toc"), "following a heading leaves the drawer open"
        toggle.focus()
        page.keyboard.press("Enter")
        page.wait_for_timeout(400)
        assert _drawer_visible(page, "#etika-toc")
        page.keyboard.press("Escape")
        page.wait_for_timeout(400)
        assert not _drawer_visible(page, "#etika-toc")
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [320, 991])
def test_header_language_switch_by_touch_and_keyboard(chromium, origin, width):
    context, page = _open(chromium, origin, f"en/{DEMO_PAGE}", width, touch=True)
    try:
        with page.expect_navigation():
            page.locator("header.mobile-header a.etika-lang-short").tap()
        assert page.url.endswith(f"/id/{DEMO_PAGE}")
        assert page.evaluate("document.documentElement.lang") == "id"
        page.locator("header.mobile-header a.etika-lang-short").focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url.endswith(f"/en/{DEMO_PAGE}")
    finally:
        context.close()


@pytest.mark.browser
def test_theme_button_says_which_theme_is_on(chromium, origin):
    context, page = _open(chromium, origin, f"id/{DEMO_PAGE}", 360)
    try:
        button = page.locator("header.mobile-header button.theme-toggle")
        words = {mode: UI[f"theme.{mode}"]["id"] for mode in ("auto", "light", "dark")}
        assert words["auto"] in button.get_attribute("aria-label")
        seen = set()
        for _ in range(3):
            button.click()
            page.wait_for_timeout(50)
            mode = page.evaluate("document.body.dataset.theme")
            assert words[mode] in button.get_attribute("aria-label")
            seen.add(mode)
        assert seen == {"auto", "light", "dark"}
        page.reload()
        assert page.evaluate("document.body.dataset.theme") == mode, "the choice is not kept"
    finally:
        context.close()


VIEWS = [(scheme, width) for scheme in ("light", "dark") for width in (360, 1280)]


@pytest.mark.browser
@pytest.mark.parametrize("path", [*site_audit.built_pages(), "en/search.html", "id/search.html"])
def test_no_accessibility_violation(chromium, origin, path):
    """axe-core 4.14 (WCAG 2.0 and 2.1, A and AA): no violation of any impact, in light and
    dark mode, on a phone (360 px) and a desktop (1280 px)."""
    context, page = _open(chromium, origin, path, 360)
    found = []
    try:
        page.wait_for_load_state("networkidle")
        for scheme, width in VIEWS:
            page.emulate_media(color_scheme=scheme)
            page.set_viewport_size({"width": width, "height": 740})
            page.wait_for_timeout(250)  # the drawers' transitions, the scroll-box marks
            found += [f"{scheme} {width}px: {v}" for v in site_audit.axe_violations(page)]
        assert not found, found
    finally:
        context.close()


def _english_theme_strings() -> set[str]:
    """Words the theme and the extensions jupyter-book loads print in English.

    Taken from furo's templates (text between tags, labels, placeholders) and from the
    settings of the code toggles, plus the English side of our own shell strings.
    """
    import furo

    templates = Path(furo.__file__).parent / "theme" / "furo"
    found: set[str] = set()
    for template in templates.rglob("*.html"):
        text = re.sub(r"\{#.*?#\}", "", template.read_text(encoding="utf-8"), flags=re.S)
        found.update(re.findall(r'_\(\s*["\']([^"\']{3,})["\']\s*\)', text))
        found.update(re.findall(r'(?:aria-label|placeholder|title)="([A-Za-z][^"{}]{3,})"', text))
        for block in re.findall(r"\{%-?\s*trans\s*-?%\}(.*?)\{%-?\s*endtrans", text, re.S):
            plain = re.sub(r"<[^>]+>|\{\{.*?\}\}", " ", block)
            found.update(p.strip() for p in re.split(r"\s{2,}|\n", plain) if len(p.strip()) > 3)
        found.update(m.strip() for m in re.findall(r">\s*([A-Z][a-z]+(?: [a-z]+)+)\s*<", text))
    found |= {"Click to show", "Click to hide", "Show code cell source", "Hide code cell source"}
    found |= {"Copy", "Copied!", "Toggle navigation of", "Back to top", "Skip to content"}
    found |= {
        entry["en"]
        for key, entry in UI.items()
        if entry["en"] != entry["id"] and not key.startswith("lang.")
    }
    # Names, not English: the footer says "Dibuat dengan Sphinx, Jupyter Book, dan Furo".
    return found - {"Furo", "Sphinx"}


def test_theme_strings_are_found():
    strings = _english_theme_strings()
    for expected in ("Skip to content", "Back to top", "On this page", "Next", "Previous"):
        assert expected in strings, expected


@pytest.mark.browser
@pytest.mark.parametrize(
    "path", [p for p in [*site_audit.built_pages(), "id/search.html"] if p.startswith("id/")]
)
def test_no_english_interface_string_on_an_indonesian_page(chromium, origin, path):
    english = _english_theme_strings()
    context, page = _open(chromium, origin, path, 360)
    try:
        shown = page.evaluate(
            """() => {
              const out = [];
              const outside = el => !el.closest('article');  // the shell, not the chapter
              document.querySelectorAll('body *').forEach(el => {
                for (const attr of ['aria-label', 'placeholder', 'title', 'alt']) {
                  if (el.hasAttribute(attr)) out.push(el.getAttribute(attr));
                }
                if (outside(el)) {
                  for (const node of el.childNodes) {
                    const text = node.nodeType === 3 ? node.textContent.trim() : '';
                    if (text) out.push(text);
                  }
                }
              });
              document.querySelectorAll('article summary, article .etika-lang a')
                .forEach(el => out.push(el.textContent.trim()));
              return out;
            }"""
        )
        leaks = sorted({text for text in shown for s in english if s in text and len(s) > 3})
        assert not leaks, f"English on an Indonesian page: {leaks}"
    finally:
        context.close()
