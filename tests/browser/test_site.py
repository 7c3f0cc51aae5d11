"""Every built page, opened in headless Chromium as a learner's phone would open it."""

from __future__ import annotations

import pytest
import site_audit

# Bytes transferred (compressed) on a first load, per page: at 500 kbit/s, 100 KB is 1.6 s.
PAGE_BUDGET = 100 * 1024


def pages():
    return site_audit.built_pages()


@pytest.mark.browser
@pytest.mark.parametrize("path", pages())
def test_page_is_offline_clean_light_and_reflows(chromium, origin, path):
    report = site_audit.audit_page(chromium, origin, path, width=320)
    assert report.external == [], f"requests leave the site: {report.external}"
    assert report.console_errors == [], report.console_errors
    assert report.failed == [], report.failed
    assert report.scroll_width <= 320, f"page is {report.scroll_width}px wide at 320px"
    assert 0 < report.weight <= PAGE_BUDGET, f"first load {report.weight / 1024:.0f} KB"


@pytest.mark.browser
@pytest.mark.parametrize("path", [p for p in pages() if p.startswith("en/")])
def test_language_switcher_round_trips(chromium, origin, path):
    page = chromium.new_page()
    try:
        page.goto(f"{origin}/{path}")
        page.click("nav.etika-lang a[hreflang]")
        page.wait_for_load_state()
        assert page.url == f"{origin}/id/{path[3:]}"
        assert page.evaluate("document.documentElement.lang") == "id"
        page.click("nav.etika-lang a[hreflang]")
        page.wait_for_load_state()
        assert page.url == f"{origin}/{path}"
    finally:
        page.close()


@pytest.mark.browser
def test_root_page_leads_to_each_language(chromium, origin):
    page = chromium.new_page()
    try:
        page.goto(f"{origin}/index.html")
        page.click("text=Bahasa Indonesia")
        page.wait_for_load_state()
        assert "/id/" in page.url and page.evaluate("document.documentElement.lang") == "id"
    finally:
        page.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    "path", [p for p in pages() if ("/bias/" in p or "/data/" in p) and "index" not in p]
)
def test_notebook_pages_offer_the_notebook(chromium, origin, site, path):
    page = chromium.new_page()
    try:
        page.goto(f"{origin}/{path}")
        href = page.get_attribute("a.etika-ipynb", "href")
        response = page.request.get(f"{origin}/{path.rsplit('/', 1)[0]}/{href}")
        assert response.ok
        notebook = response.json()
        assert notebook["nbformat"] == 4 and notebook["cells"]
        assert not any(cell.get("outputs") for cell in notebook["cells"])
    finally:
        page.close()


@pytest.mark.build
def test_both_languages_share_the_static_files(site):
    """Switching language reuses what the browser has: the same file, at the same address."""
    import re
    import sys

    sys.path.insert(0, str(site.parent.parent / "book" / "_ext"))
    from etika_book import LANGUAGE_STATIC

    def assets(lang, page):
        html = (site / lang / page).read_text(encoding="utf-8")
        found = set()
        for ref in re.findall(r'(?:href|src)="([^"]*_static/[^"?]+)', html):
            path = ((site / lang / page).parent / ref).resolve()
            assert path.is_file(), f"{lang}/{page} refers to missing {ref}"
            if path.name not in LANGUAGE_STATIC:
                found.add(path)
        return found

    for page in ("book/bias/metrics.html", "book/intro.html", "search.html"):
        english, indonesian = assets("en", page), assets("id", page)
        assert english and english == indonesian, page
        assert all(p.parent.parts[-1] != "en" for p in english)
        assert all((site / "_static") in p.parents for p in english)
    assert not (site / "id" / "_static" / "styles").exists()


def test_every_chapter_page_is_audited():
    # Only each language's root redirect is left out; a chapter's index.html is content.
    listed = set(pages())
    for lang in ("en", "id"):
        assert f"{lang}/book/bias/index.html" in listed
        assert f"{lang}/book/intro.html" in listed
        assert f"{lang}/index.html" not in listed
