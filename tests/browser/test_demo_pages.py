"""The static demos and the quiz, driven in headless Chromium on the built site.

Every control of every demo is moved (each slider to several values, the checkbox both ways,
every option of each select), and the numbers the page shows (the cells with ``data-metric``
/ ``data-group``) must equal the Python table (:func:`etika.demos.threshold.threshold_table`,
:func:`~etika.demos.proxy.proxy_table`, :func:`~etika.demos.representation.representation_table`)
formatted as the views format them (:mod:`etika.demos.render`). Each page must also stay on
its own site, log no console error, and not overflow horizontally at 320 px. Reads the site as
built: rebuild (``scripts/build_book.py html``) after changing ``etika/demos`` or
``etika/static``.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from etika.demos import proxy as proxy_demo
from etika.demos import representation as rep_demo
from etika.demos import threshold as thr_demo
from etika.demos._model import THRESHOLDS
from etika.demos.render import fmt_pp, fmt_rate, fmt_threshold, round_value
from etika.i18n import t

pytestmark = pytest.mark.browser

LANGS = ("en", "id")
PAGES = {
    "threshold": "book/bias/metrics.html",
    "proxy": "book/bias/proxy.html",
    "representation": "book/bias/representation.html",
}
WIDTH = 320

READ_CELLS = """root => Array.from(
  root.querySelectorAll('.etika-demo-body [data-metric][data-group]')).map(e => [
    e.getAttribute('data-model') || '', e.getAttribute('data-group'),
    e.getAttribute('data-metric'), e.textContent.trim()])"""
# Each select's longest option, measured in the select's own font, against the room it has
# (less ~28 px for padding and the arrow): a narrow phone must show the whole choice.
CLIPPED_OPTIONS = """root => {
  const ctx = document.createElement('canvas').getContext('2d');
  const out = [];
  for (const sel of root.querySelectorAll('select')) {
    const style = getComputedStyle(sel);
    ctx.font = style.font;
    for (const opt of sel.options) {
      const need = ctx.measureText(opt.text).width + 28;
      if (need > sel.clientWidth) out.push([opt.text, Math.round(need), sel.clientWidth]);
    }
  }
  return out;
}"""
SET_CONTROL = """(root, [key, value]) => {
  const el = root.querySelector('[data-control="' + key + '"]');
  if (el.type === 'checkbox') el.checked = value; else el.value = String(value);
  el.dispatchEvent(new Event('input', {bubbles: true}));
  el.dispatchEvent(new Event('change', {bubbles: true}));
}"""


@pytest.fixture(scope="module")
def tables():
    return {
        "threshold": thr_demo.threshold_table(),
        "proxy": proxy_demo.proxy_table(),
        "representation": rep_demo.representation_table(),
    }


class DemoPage:
    """One page of the built site with one demo, and what it did while open."""

    def __init__(self, chromium, origin: str, path: str, demo: str):
        self.origin = origin
        self.context = chromium.new_context(viewport={"width": WIDTH, "height": 800})
        self.page = self.context.new_page()
        self.external: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", self._on_request)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(f"{origin}/{path}")
        self.root = self.page.locator(f'.etika-demo[data-demo="{demo}"]').first
        ready = f'.etika-demo[data-demo="{demo}"][data-etika-ready]'
        try:
            self.page.wait_for_selector(ready, timeout=5000)
        except PlaywrightTimeout:
            pytest.fail(
                f"{path}: etika-demos.js did not bring the {demo} demo to life "
                "(is the script loaded on the page? rebuild the book)",
                pytrace=False,
            )

    def _on_request(self, request):
        url = request.url
        if not url.startswith((self.origin, "data:", "blob:", "about:")):
            self.external.append(url)

    def set(self, key: str, value) -> None:
        self.root.evaluate(SET_CONTROL, [key, value])
        error = self.root.locator(".etika-demo-body").get_attribute("data-error")
        assert error is None, f"the demo failed to redraw after {key}={value}: {error}"

    def set_range(self, key: str, value: float) -> None:
        values = json.loads(
            self.root.locator(f'[data-control="{key}"]').get_attribute("data-values")
        )
        self.set(key, values.index(value))

    def cells(self) -> dict[tuple[str, str, str], str]:
        return {(m, g, k): text for m, g, k, text in self.root.evaluate(READ_CELLS)}

    def output(self, key: str) -> str:
        return self.root.locator(f'[data-output="{key}"]').text_content().strip()

    def check_clean(self) -> None:
        assert self.external == [], f"requests leave the site: {self.external}"
        assert self.errors == [], f"console errors: {self.errors}"
        widths = self.page.evaluate(
            """root => [document.documentElement.scrollWidth, root.scrollWidth,
                        root.clientWidth]""",
            self.root.element_handle(),
        )
        page_w, demo_scroll, demo_client = widths
        assert page_w <= WIDTH, f"page is {page_w}px wide at {WIDTH}px"
        assert demo_scroll <= demo_client + 1, (
            f"demo content is {demo_scroll}px wide in a {demo_client}px box at {WIDTH}px"
        )
        clipped = self.root.evaluate(CLIPPED_OPTIONS)
        assert clipped == [], f"option text cut off at {WIDTH}px [text, needs, has]: {clipped}"

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def open_demo(chromium, origin):
    pages = []

    def _open(lang: str, demo: str) -> DemoPage:
        page = DemoPage(chromium, origin, f"{lang}/{PAGES[demo]}", demo)
        pages.append(page)
        return page

    yield _open
    for page in pages:
        page.close()


def _rate(value, lang):
    return fmt_rate(round_value(value), lang)


def _gap(a, b, lang, absolute=True):
    a, b = round_value(a), round_value(b)
    if a is None or b is None:
        return fmt_pp(None, lang)
    return fmt_pp(abs(a - b) if absolute else a - b, lang)


def expected_threshold(table, lang, tf, tm, label):
    rows = thr_demo.lookup(table, tf, tm, label=label)
    want = {}
    for m in thr_demo.RATE_COLUMNS:
        f, male = rows.loc["female", m], rows.loc["male", m]
        want[("", "female", m)] = _rate(f, lang)
        want[("", "male", m)] = _rate(male, lang)
        want[("", "gap", m)] = _gap(f, male, lang)
    for g in ("female", "male"):
        for m in ("tp", "fp", "tn", "fn"):
            want[("", g, m)] = str(int(rows.loc[g, m]))
    return want


@pytest.mark.parametrize("lang", LANGS)
def test_threshold_demo_matches_table(open_demo, tables, lang):
    table = tables["threshold"]
    demo = open_demo(lang, "threshold")
    for label in thr_demo.LABELS:
        demo.set("label", label)
        demo.set("per_group", False)
        for thr in (0.05, 0.25, 0.4, 0.5, 0.65, 0.95):
            demo.set_range("shared", thr)
            assert demo.cells() == expected_threshold(table, lang, thr, thr, label), (
                lang,
                label,
                thr,
            )
            assert demo.output("shared") == fmt_threshold(thr, lang)
            line = demo.root.locator('[data-threshold-line="shared"]')
            assert float(line.get_attribute("data-value")) == thr
        demo.set("per_group", True)
        for tf, tm in ((0.05, 0.95), (0.3, 0.5), (0.95, 0.05), (0.45, 0.45), (0.35, 0.6)):
            demo.set_range("female", tf)
            demo.set_range("male", tm)
            assert demo.cells() == expected_threshold(table, lang, tf, tm, label), (
                lang,
                label,
                tf,
                tm,
            )
            assert demo.output("female") == fmt_threshold(tf, lang)
            assert demo.output("male") == fmt_threshold(tm, lang)
            for g, v in (("female", tf), ("male", tm)):
                line = demo.root.locator(f'[data-threshold-line="{g}"]')
                assert float(line.get_attribute("data-value")) == v
        # the score histogram is drawn, labelled in the page's language
        hist = demo.root.locator("svg.etika-hist")
        assert hist.count() == 1
        assert hist.get_attribute("aria-label") == t("threshold.hist.alt", lang)
        assert t("threshold.hist.x", lang) in hist.text_content()
    demo.check_clean()


@pytest.mark.parametrize("lang", LANGS)
def test_proxy_demo_matches_table(open_demo, tables, lang):
    rows = tables["proxy"].set_index(["model", "threshold", "group"])["selection_rate"]
    demo = open_demo(lang, "proxy")
    for show_with in (True, False):
        demo.set("show_with", show_with)
        models = proxy_demo.MODELS if show_with else ("without_gender",)
        for thr in THRESHOLDS:
            demo.set_range("threshold", thr)
            want = {}
            for m in models:
                f, male = rows[(m, thr, "female")], rows[(m, thr, "male")]
                want[(m, "female", "selection_rate")] = _rate(f, lang)
                want[(m, "male", "selection_rate")] = _rate(male, lang)
                want[(m, "gap", "selection_rate")] = _gap(male, f, lang, absolute=False)
            assert demo.cells() == want, (lang, show_with, thr)
            assert demo.output("threshold") == fmt_threshold(thr, lang)
    demo.check_clean()


@pytest.mark.parametrize("lang", LANGS)
def test_representation_demo_matches_table(open_demo, tables, lang):
    rows = tables["representation"].set_index(["rural_share", "group"])
    demo = open_demo(lang, "representation")
    metrics = ("error_rate", "fpr", "fnr", "accuracy")
    for metric in metrics:
        demo.set("metric", metric)
        for share in rep_demo.SHARES:
            demo.set_range("share", share)
            want = {
                ("", g, m): _rate(rows.loc[(share, g), m], lang)
                for g in rep_demo.AREAS
                for m in metrics
            }
            assert demo.cells() == want, (lang, metric, share)
            assert demo.output("share") == f"{100 * share:.0f}%"
        chart = demo.root.locator(".etika-demo-body svg").text_content()
        assert t("metric." + metric, lang) in chart
    demo.check_clean()


@pytest.mark.parametrize("lang", LANGS)
def test_quiz_gives_feedback_on_click(chromium, origin, lang):
    context = chromium.new_context(viewport={"width": WIDTH, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto(f"{origin}/{lang}/book/bias/quiz.html")
        question = page.locator(".etika-quiz fieldset").filter(
            has=page.locator('input[type="radio"]')
        )
        assert question.count() > 0, "no single-answer question on the quiz page"
        question = question.first
        wrong = question.locator(".etika-choice").filter(
            has=page.locator(".etika-feedback.is-incorrect")
        )
        right = question.locator(".etika-choice").filter(
            has=page.locator(".etika-feedback.is-correct")
        )
        wrong_fb = wrong.first.locator(".etika-feedback")
        right_fb = right.first.locator(".etika-feedback")
        assert not wrong_fb.is_visible() and not right_fb.is_visible()
        wrong.first.locator("label").click()
        assert wrong_fb.is_visible()
        assert t("quiz.incorrect", lang) in wrong_fb.text_content()
        right.first.locator("label").click()
        assert right_fb.is_visible()
        assert t("quiz.correct", lang) in right_fb.text_content()
        assert not wrong_fb.is_visible()  # one answer at a time
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= WIDTH, f"quiz page is {width}px wide at {WIDTH}px"
        assert errors == [], errors
    finally:
        context.close()
