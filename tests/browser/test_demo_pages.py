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
#: Colour modes: (the browser's prefers-color-scheme, script run on DOMContentLoaded).
MODES = {
    "light": ("light", ""),
    # the site's convention (furo-style): <body data-theme="light|dark|auto">
    "dark": ("light", "document.body.dataset.theme = 'dark'"),
    "auto-dark": ("dark", "document.body.dataset.theme = 'auto'"),
    "auto-light": ("light", "document.body.dataset.theme = 'auto'"),
    # pydata-sphinx-theme's own switch, and JupyterLab's dark themes
    "pydata-dark": ("light", "document.documentElement.dataset.theme = 'dark'"),
    "jupyterlab-dark": ("light", "document.body.dataset.jpThemeLight = 'false'"),
}
DARK_MODES = ("dark", "auto-dark", "pydata-dark", "jupyterlab-dark")

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

    def __init__(
        self, chromium, origin: str, path: str, demo: str, width: int = WIDTH, mode: str = "light"
    ):
        self.origin, self.width = origin, width
        scheme, script = MODES[mode]
        self.context = chromium.new_context(
            viewport={"width": width, "height": 800}, color_scheme=scheme
        )
        self.page = self.context.new_page()
        self.external: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", self._on_request)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        if script:
            self.page.add_init_script(
                f"document.addEventListener('DOMContentLoaded', () => {{ {script}; }});"
            )
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
        width = self.width
        assert page_w <= width, f"page is {page_w}px wide at {width}px"
        assert demo_scroll <= demo_client + 1, (
            f"demo content is {demo_scroll}px wide in a {demo_client}px box at {width}px"
        )
        clipped = self.root.evaluate(CLIPPED_OPTIONS)
        assert clipped == [], f"option text cut off at {width}px [text, needs, has]: {clipped}"

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def open_demo(chromium, origin):
    pages = []

    def _open(lang: str, demo: str, width: int = WIDTH, mode: str = "light") -> DemoPage:
        page = DemoPage(chromium, origin, f"{lang}/{PAGES[demo]}", demo, width, mode)
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


# --- charts legible on a phone ------------------------------------------------------------

#: Control settings each chart is checked in: every control at its extremes (and close
#: per-group thresholds, whose labels must not collide).
CHART_STATES = {
    "threshold": [
        [("label", label), ("per_group", False), ("shared", v)]
        for label in thr_demo.LABELS
        for v in (0.05, 0.5, 0.95)
    ]
    + [
        [("label", label), ("per_group", True), ("female", tf), ("male", tm)]
        for label in thr_demo.LABELS
        for tf, tm in ((0.05, 0.95), (0.95, 0.05), (0.5, 0.5), (0.05, 0.05), (0.95, 0.95))
    ],
    "proxy": [
        [("show_with", show), ("threshold", v)] for show in (True, False) for v in (0.05, 0.95)
    ],
    "representation": [
        [("metric", m), ("share", v)]
        for m in ("error_rate", "fpr", "fnr", "accuracy")
        for v in (rep_demo.SHARES[0], rep_demo.SHARES[-1])
    ],
}
RANGES = {"shared", "female", "male", "threshold", "share"}
MIN_FONT = 12

CHART_TEXT = """root => {
  const rect = e => { const r = e.getBoundingClientRect();
    return {l: r.left, t: r.top, r: r.right, b: r.bottom}; };
  return {
    page: {l: 0, t: -1e9, r: document.documentElement.clientWidth, b: 1e9},
    demo: rect(root),
    charts: Array.from(root.querySelectorAll('svg.etika-chart')).map(svg => {
      // the size a reader sees: the computed font size times the SVG's scale (viewBox)
      const vb = svg.viewBox.baseVal, shown = svg.getBoundingClientRect().width;
      const scale = vb && vb.width ? shown / vb.width : 1;
      return {
        name: svg.getAttribute('class'), box: rect(svg),
        texts: Array.from(svg.querySelectorAll('text')).map(t => ({text: t.textContent,
          size: Math.round(100 * scale * parseFloat(getComputedStyle(t).fontSize)) / 100,
          ...rect(t)}))
      };
    })
  };
}"""


def _inside(inner, outer, tol=0.5):
    return (
        inner["l"] >= outer["l"] - tol
        and inner["r"] <= outer["r"] + tol
        and inner["t"] >= outer["t"] - tol
        and inner["b"] <= outer["b"] + tol
    )


def _overlap(a, b, tol=0.5):
    return (
        min(a["r"], b["r"]) - max(a["l"], b["l"]) > tol
        and min(a["b"], b["b"]) - max(a["t"], b["t"]) > tol
    )


def chart_problems(found: dict) -> tuple[list[str], float, int]:
    """(problems, smallest font size, number of texts) of the charts CHART_TEXT found."""
    problems, smallest, count = [], 1e9, 0
    for chart in found["charts"]:
        name = chart["name"]
        if not _inside(chart["box"], found["demo"]) or not _inside(chart["box"], found["page"]):
            problems.append(f"{name} is cut by the demo box or the page: {chart['box']}")
        texts = chart["texts"]
        for i, a in enumerate(texts):
            count += 1
            smallest = min(smallest, a["size"])
            if a["size"] < MIN_FONT:
                problems.append(f"{name}: {a['text']!r} is {a['size']}px")
            if not _inside(a, chart["box"]):
                problems.append(f"{name}: {a['text']!r} is cut by the chart's edge")
            if not _inside(a, found["page"]) or not _inside(a, found["demo"]):
                problems.append(f"{name}: {a['text']!r} is outside the page or the demo box")
            for b in texts[i + 1 :]:
                if _overlap(a, b):
                    problems.append(f"{name}: {a['text']!r} overlaps {b['text']!r}")
    return problems, smallest, count


def apply_state(demo: DemoPage, state) -> None:
    for key, value in state:
        if key in RANGES:
            demo.set_range(key, value)
        else:
            demo.set(key, value)


@pytest.mark.parametrize("width", [320, 360])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(PAGES))
def test_chart_text_legible_unclipped_and_apart(open_demo, name, lang, width):
    """Every chart text >= 12 px, inside its chart, the demo and the page, and overlapping no
    other text, in every state of CHART_STATES (each control at its extremes)."""
    demo = open_demo(lang, name, width)
    problems, smallest, count, charts = [], 1e9, 0, 0
    for state in CHART_STATES[name]:
        apply_state(demo, state)
        found = demo.root.evaluate(CHART_TEXT)
        assert found["charts"], f"{name}: no chart drawn after {state}"
        charts += len(found["charts"])
        p, s, c = chart_problems(found)
        problems += [f"{state}: {x}" for x in p]
        smallest, count = min(smallest, s), count + c
    print(f"{name} {lang} {width}px: {charts} charts, {count} texts, smallest {smallest}px")
    assert not problems, f"{len(problems)} problems, first: {problems[:8]}"
    demo.check_clean()


def test_charts_redraw_for_a_new_width(open_demo):
    """Turning the phone (or resizing the window) lays the charts out again for the new width."""
    demo = open_demo("id", "threshold", 320)
    before = demo.root.locator("svg.etika-chart").first.get_attribute("width")
    demo.page.set_viewport_size({"width": 700, "height": 800})
    demo.page.wait_for_function(
        f"""() => document.querySelector('.etika-demo svg.etika-chart')
              .getAttribute('width') !== {json.dumps(before)}"""
    )
    found = demo.root.evaluate(CHART_TEXT)
    problems, _, _ = chart_problems(found)
    assert not problems, problems[:5]
    assert max(c["box"]["r"] - c["box"]["l"] for c in found["charts"]) > int(before)


@pytest.mark.parametrize("lang", LANGS)
def test_kernel_view_charts_legible(chromium, lang):
    """The ipywidgets view's charts (laid out in Python, text widths estimated) pass the same
    checks in a notebook-wide output."""
    from etika.demos import static as static_view
    from etika.demos import widgets

    css = static_view.asset_paths()["css"].read_text(encoding="utf-8")
    views = [
        (widgets.ThresholdView(lang=lang, widgets=False), {"per_group": True, "tf": 0.45}),
        (widgets.ThresholdView(lang=lang, widgets=False), {"label": "repaid", "tf": 0.95}),
        (widgets.ProxyView(lang=lang, widgets=False), {"thr": 0.05}),
        (widgets.RepresentationView(lang=lang, widgets=False), {"metric": "fnr"}),
        (widgets.RepresentationView(lang=lang, widgets=False), {"share": 0.5}),
    ]
    context = chromium.new_context(viewport={"width": 480, "height": 800})
    page = context.new_page()
    try:
        for view, kwargs in views:
            page.set_content(
                f"<html lang='{lang}'><head><style>{css}</style></head><body>"
                f"<div class='etika-demo'>{view.render(**kwargs)}</div></body></html>"
            )
            found = page.locator(".etika-demo").evaluate(CHART_TEXT)
            assert found["charts"]
            problems, smallest, _ = chart_problems(found)
            assert not problems, (type(view).__name__, kwargs, problems[:5])
            assert smallest >= MIN_FONT
    finally:
        context.close()


# --- screen readers and keyboards ---------------------------------------------------------

LIVE = """root => Array.from(root.querySelectorAll('[aria-live], [role=status], output'))
  .filter(e => (e.getAttribute('aria-live') || 'polite') !== 'off')
  .map(e => e.className)"""
UNNAMED = """root => Array.from(root.querySelectorAll('input, select, button, [tabindex]'))
  .filter(e => !((e.labels && Array.from(e.labels).some(l => l.textContent.trim()))
                 || (e.getAttribute('aria-label') || '').trim()
                 || e.getAttribute('aria-labelledby')))
  .map(e => e.outerHTML.slice(0, 80))"""


def _slider_text(key: str, value: float, lang: str) -> str:
    return f"{100 * value:.0f}%" if key == "share" else fmt_threshold(value, lang)


def _views(lang):
    from etika.demos import widgets

    return {
        "threshold": widgets.ThresholdView(lang=lang, widgets=False),
        "proxy": widgets.ProxyView(lang=lang, widgets=False),
        "representation": widgets.RepresentationView(lang=lang, widgets=False),
    }


class Keys:
    """A demo driven by the keyboard only, reading what a screen reader would announce."""

    def __init__(self, demo: DemoPage, lang: str):
        self.demo, self.lang = demo, lang

    def values(self, key):
        el = self.demo.root.locator(f'[data-control="{key}"]')
        return json.loads(el.get_attribute("data-values"))

    def press(self, key: str, keyname: str) -> None:
        el = self.demo.root.locator(f'[data-control="{key}"]')
        el.focus()
        self.demo.page.keyboard.press(keyname)

    def valuetext(self, key: str) -> str:
        el = self.demo.root.locator(f'[data-control="{key}"]')
        return el.get_attribute("aria-valuetext")

    def value(self, key: str) -> float:
        el = self.demo.root.locator(f'[data-control="{key}"]')
        return self.values(key)[int(el.input_value())]

    def status(self) -> str:
        return self.demo.root.locator("[data-status]").text_content()

    def check_sliders(self) -> None:
        for key in ("shared", "female", "male", "threshold", "share"):
            el = self.demo.root.locator(f'[data-control="{key}"]')
            if el.count():
                want = _slider_text(key, self.value(key), self.lang)
                assert self.valuetext(key) == want, key
                assert self.demo.output(key) == want, key


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(PAGES))
def test_keyboard_sliders_speak_their_value_and_status_is_short(open_demo, name, lang):
    demo = open_demo(lang, name, 360)
    keys, view = Keys(demo, lang), _views(lang)[name]
    assert demo.root.evaluate(UNNAMED) == [], "controls without an accessible name"
    # one polite live region, the short status line; the demo body is not live
    assert demo.root.evaluate(LIVE) == ["etika-sr etika-status"]
    assert keys.status() == ""  # nothing is announced on load
    keys.check_sliders()  # aria-valuetext right on load
    slider = {"threshold": "shared", "proxy": "threshold", "representation": "share"}[name]
    values = keys.values(slider)
    start = values.index(keys.value(slider))
    statuses = []
    for keyname, index in (
        ("ArrowRight", start + 1),
        ("ArrowRight", start + 2),
        ("ArrowLeft", start + 1),
        ("End", len(values) - 1),
        ("Home", 0),
    ):
        keys.press(slider, keyname)
        assert keys.value(slider) == values[index]
        assert keys.valuetext(slider) == _slider_text(slider, values[index], lang), keyname
        keys.check_sliders()
        if name == "threshold":
            want = view.status(tf=values[index], tm=values[index])
        elif name == "proxy":
            want = view.status(thr=values[index])
        else:
            want = view.status(share=values[index])
        assert keys.status() == want, keyname
        statuses.append(keys.status())
    if name == "threshold":  # tick the box by keyboard, then move the women's threshold
        keys.press("per_group", "Space")
        keys.press("female", "ArrowLeft")
        tf = keys.value("female")
        assert tf == 0.45 and keys.valuetext("female") == fmt_threshold(0.45, lang)
        assert keys.status() == view.status(tf=tf, tm=0.5, per_group=True)
        statuses.append(keys.status())
    longest = max(len(s) for s in statuses)
    print(f"{name} {lang}: longest status {longest} characters")
    assert longest <= 160, statuses
    demo.check_clean()


# --- colours: light and dark -----------------------------------------------------------------


def shoot(demo: DemoPage, path) -> None:
    """A screenshot of the demo alone (from a full-page capture: no sticky header over it)."""
    path.parent.mkdir(exist_ok=True)
    box = demo.root.evaluate(
        "e => { const r = e.getBoundingClientRect(); "
        "return {x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height}; }"
    )
    demo.page.screenshot(path=str(path), full_page=True, clip=box)


@pytest.mark.parametrize("mode", list(MODES))
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(PAGES))
def test_demo_axe_clean_light_and_dark(open_demo, site, name, lang, mode):
    """axe-core finds nothing in the demo, in every colour mode (colour contrast included);
    screenshots at 360 px land in _build/screenshots (look at them)."""
    from axe_playwright_python.sync_playwright import Axe

    demo = open_demo(lang, name, 360, mode)
    bg = demo.root.evaluate("e => getComputedStyle(e).getPropertyValue('--etika-bg').trim()")
    assert bg == ("#16181d" if mode in DARK_MODES else "#ffffff"), (mode, bg)
    shots = site.parent / "screenshots"
    if mode in ("light", "dark"):
        shoot(demo, shots / f"{name}-{lang}-{mode}-360-start.png")
    apply_state(demo, CHART_STATES[name][-1])
    # Before axe: axe itself re-reads the theme's stylesheets (a 404 on an @import it resolves
    # against the page), which is no error of the page.
    demo.check_clean()
    axe = Axe()
    found = axe.run(demo.page, context=f'.etika-demo[data-demo="{name}"]').response["violations"]
    # Page-wide, for the record only: the rest of the page is the chapter's and the theme's.
    page_wide = axe.run(demo.page).response["violations"]
    print(
        f"axe {name} {lang} {mode}: {len(found)} in the demo; page-wide: "
        f"{[(v['id'], len(v['nodes'])) for v in page_wide]}"
    )
    if mode in ("light", "dark"):
        shoot(demo, shots / f"{name}-{lang}-{mode}-360-end.png")
    assert not found, [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in found]
