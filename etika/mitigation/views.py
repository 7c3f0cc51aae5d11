"""The mitigation demos' two views: ipywidgets (live kernel) and static HTML (no kernel).

Every state a demo's controls can reach is rendered here, once, from the demos' tables
(:mod:`etika.mitigation.tables`). The kernel view's callbacks look the rendered state up in a
dict; the static snippet embeds the same rendered states as JSON and
``etika/static/etika-demos-mitigation.js`` shows the one the controls name. The two views show
the same markup by construction.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

from etika.demos.charts import FONT, LINE, PAD, STATIC_WIDTH, _Svg, colour, wrap_text
from etika.demos.render import fixed, fmt_rate
from etika.demos.static import _json_script, _range, _select, asset_paths
from etika.i18n import current_language, t
from etika.mitigation import models as M
from etika.mitigation import tables as T

__all__ = ["DEMOS", "build_widget", "demo_html", "states"]

DEMOS: tuple[str, ...] = ("frontier", "who_gains", "which_label")
#: Methods of the frontier and who-gains demos, and the default setting.
DEFAULT = {"measure": "dp_gap", "method": "exponentiated_gradient", "level": 3}
MEASURES: tuple[str, ...] = ("dp_gap", "eo_gap", "tpr_gap")
_CONSTRAINT = {v: k for k, v in T.GAPS.items()}
LEVELS = 4


def setting(method: str, measure: str, level: int) -> tuple[str, float]:
    """``(constraint, strength)`` of ``method`` at slider ``level`` (0 weakest) for ``measure``.

    Methods with fewer strengths than levels stay at their strongest.
    """
    constraint = (
        _CONSTRAINT[measure] if method in ("exponentiated_gradient", "threshold_optimizer") else ""
    )
    values = M.strengths(method, constraint)
    return constraint, values[min(level, len(values) - 1)]


def strength_text(method: str, measure: str, level: int, lang: str | None) -> str:
    _constraint, s = setting(method, measure, level)
    if method in ("none", "reweighing"):
        return t("mit.strength.none", lang)
    if method == "threshold_optimizer" and s == 0:
        return t("mit.strength.exact", lang)
    return t(f"mit.strength.{method}", lang, v=fixed(s, 2, lang))


def _svg_scatter(points, chosen, base, measure: str, lang: str | None, width: float) -> str:
    """Accuracy (y) against the gap (x) for every setting; ``chosen`` and ``base`` marked."""
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    x_top = max(0.05, max(xs) * 1.1)
    y_lo, y_hi = min(ys) - 0.005, max(ys) + 0.005
    svg = _Svg(width, t("frontier.alt", lang), lang)
    left, right, top = 44.0, width - PAD - 8, 8.0
    bottom = top + 150
    sx = lambda v: left + (right - left) * v / x_top  # noqa: E731
    sy = lambda v: bottom - (bottom - top) * (v - y_lo) / (y_hi - y_lo)  # noqa: E731
    ax = colour("axis")
    svg.parts.append(
        f'<path d="M{left:.1f},{top:.1f}V{bottom:.1f}H{right:.1f}" style="fill:none;stroke:{ax}"/>'
    )
    for v in (y_lo + 0.005, y_hi - 0.005):
        svg.text(left - 4, sy(v) + 4, fixed(v, 0, lang, scale=100) + "%", anchor="end")
    for v, anchor in ((0.0, "middle"), (x_top / 2, "middle"), (x_top, "end")):
        # The last tick ends at the axis' end: nothing is cut at a phone's width.
        svg.text(sx(v), bottom + 15, fixed(v, 2, lang), anchor=anchor)
    for x, y in points:
        svg.parts.append(
            f'<circle cx="{sx(x):.1f}" cy="{sy(y):.1f}" r="3.5" '
            f'style="fill:none;stroke:{colour("marker")}"/>'
        )
    bx, by = base
    svg.parts.append(
        f'<rect x="{sx(bx) - 5:.1f}" y="{sy(by) - 5:.1f}" width="10" height="10" '
        f'style="fill:{colour("male")}"/>'
    )
    cx, cy = chosen
    svg.parts.append(
        f'<circle cx="{sx(cx):.1f}" cy="{sy(cy):.1f}" r="7" style="fill:{colour("female")}"/>'
    )
    y = bottom + 20
    for line in wrap_text(
        f"{t('mit.gap', lang)}: {t('mit.measure.' + measure, lang)}", width - 2 * PAD
    ):
        svg.text(PAD, y + 12, line)
        y += LINE
    items = [
        (f'<circle cx="7" cy="7" r="7" style="fill:{colour("female")}"/>', t("mit.here", lang)),
        (
            f'<rect x="2" y="2" width="10" height="10" style="fill:{colour("male")}"/>',
            t("mit.unmitigated", lang),
        ),
        (
            f'<circle cx="7" cy="7" r="3.5" style="fill:none;stroke:{colour("marker")}"/>',
            t("mit.other", lang),
        ),
    ]
    from etika.demos.charts import text_width

    y = svg.legend(y + 2, items, lambda s: text_width(s, FONT))
    return svg.render(y + 4)


def _frontier_state(measure: str, method: str, level: int, lang: str) -> tuple[str, str]:
    label = "approved_past"
    tab = T.metrics_table()
    tab = tab[(tab["label"] == label) & (tab["evaluated_on"] == label)]
    cons = _CONSTRAINT[measure]
    shown = tab[(tab["constraint"] == "") | (tab["constraint"] == cons)]
    points = list(zip(shown[measure], shown["accuracy"], strict=True))
    constraint, s = setting(method, measure, level)
    r = T.row(label, method, constraint, s, label)
    r0 = T.row(label, "none", "", 0.0, label)
    mname, stext = t(f"mit.method.{method}", lang), strength_text(method, measure, level, lang)
    text = t(
        "frontier.summary",
        lang,
        method=mname,
        strength=stext,
        acc=fmt_rate(r["accuracy"], lang),
        acc0=fmt_rate(r0["accuracy"], lang),
        measure=t(f"mit.measure.{measure}", lang).lower(),
        gap=fixed(r[measure], 3, lang),
        gap0=fixed(r0[measure], 3, lang),
        sel_f=fmt_rate(r["sel_female"], lang),
        sel_m=fmt_rate(r["sel_male"], lang),
    )
    svg = _svg_scatter(
        points,
        (r[measure], r["accuracy"]),
        (r0[measure], r0["accuracy"]),
        measure,
        lang,
        STATIC_WIDTH + 40,
    )
    body = (
        f"<p data-field='summary'>{escape(text)}</p>"
        f"<p class='etika-axis-note'>{escape(t('mit.accuracy', lang))} ↑</p>{svg}"
        f"<p class='etika-note'>{escape(t('frontier.note', lang))}</p>"
    )
    status = t(
        "status.frontier",
        lang,
        method=mname,
        strength=stext,
        acc=fmt_rate(r["accuracy"], lang),
        gap=fixed(r[measure], 3, lang),
    )
    return body, status


def _squares(n: int, name: str) -> str:
    """``n`` small squares (one per person), wrapped by the browser."""
    return "".join(
        f"<i class='etika-person' style='background:{colour(name)}'></i>" for _ in range(n)
    )


def _who_state(measure: str, method: str, level: int, lang: str) -> tuple[str, str]:
    constraint, s = setting(method, measure, level)
    f = T.flips_table()
    f = f[
        (f["label"] == "approved_past")
        & (f["method"] == method)
        & (f["constraint"] == constraint)
        & (f["strength"] == s)
    ]
    mname, stext = t(f"mit.method.{method}", lang), strength_text(method, measure, level, lang)
    rows = []
    for r in f.itertuples():
        key = f"who.{r.gender}.{r.repaid}"
        rows.append(
            f"<tr data-cell='{r.gender}-{r.repaid}'><th scope='row'>{escape(t(key, lang))}</th>"
            f"<td data-field='approved_now'>{r.approved_now}<br>"
            f"{_squares(r.approved_now, 'urban')}</td>"
            f"<td data-field='refused_now'>{r.refused_now}<br>"
            f"{_squares(r.refused_now, 'rural')}</td></tr>"
        )
    n = int(f["n"].sum())
    head = (
        f"<tr><th scope='col'>{escape(t('who.col.group', lang))}</th>"
        f"<th scope='col'>{escape(t('who.col.approved_now', lang))}</th>"
        f"<th scope='col'>{escape(t('who.col.refused_now', lang))}</th></tr>"
    )
    body = (
        f"<p><strong>{escape(mname)}</strong> ({escape(stext)})</p>"
        f"<table class='etika-table etika-who' aria-label='{escape(t('who.alt', lang))}'>"
        f"<caption>{escape(t('who.caption', lang, n=n))}</caption>{head}{''.join(rows)}</table>"
    )
    if method == "none":
        body += f"<p>{escape(t('who.none', lang))}</p>"
    status = t(
        "status.who_gains",
        lang,
        method=mname,
        strength=stext,
        approved=int(f["approved_now"].sum()),
        refused=int(f["refused_now"].sum()),
    )
    return body, status


#: The methods of the which-label demo, each at its strongest setting.
WHICH = {
    "none": ("", 0.0),
    "reweighing": ("", 1.0),
    "correlation_remover": ("", 1.0),
    "exponentiated_gradient": ("demographic_parity", 0.01),
    "threshold_optimizer": ("demographic_parity", 0.0),
}


def _which_state(label: str, method: str, lang: str) -> tuple[str, str]:
    # One row of numbers under each method's name (spanning the table): long method names
    # never squeeze the numbers at a phone's width.
    rows = []
    for m, (c, s) in WHICH.items():
        r = T.row(label, m, c, s, "repaid")
        mark = " class='etika-chosen' aria-current='true'" if m == method else ""
        rows.append(
            f"<tbody{mark} data-method='{m}'><tr><th scope='colgroup' colspan='3'>"
            f"{escape(t('mit.method.' + m, lang))}</th></tr>"
            f"<tr><td>{fmt_rate(r['accuracy'], lang)}</td>"
            f"<td>{fmt_rate(r['tpr_female'], lang)}</td>"
            f"<td>{fmt_rate(r['tpr_male'], lang)}</td></tr></tbody>"
        )
    head = "".join(
        f"<th scope='col'>{escape(t('which.col.' + k, lang))}</th>"
        for k in ("accuracy", "tpr_female", "tpr_male")
    )
    body = (
        f"<table class='etika-table etika-which'><caption>"
        f"{escape(t('mit.label.' + label, lang))}</caption>"
        f"<thead><tr>{head}</tr></thead>{''.join(rows)}</table>"
        f"<p class='etika-note'>{escape(t('which.note', lang))}</p>"
    )
    c, s = WHICH[method]
    r = T.row(label, method, c, s, "repaid")
    status = t(
        "status.which_label",
        lang,
        label=t(f"mit.label.{label}", lang).lower(),
        method=t(f"mit.method.{method}", lang),
        acc=fmt_rate(r["accuracy"], lang),
    )
    return body, status


def _key(*parts) -> str:
    return "|".join(str(p) for p in parts)


@lru_cache(maxsize=8)
def states(name: str, lang: str) -> dict[str, list[str]]:
    """Every reachable state of demo ``name``: ``key -> [body HTML, status sentence]``."""
    out: dict[str, list[str]] = {}
    if name in ("frontier", "who_gains"):
        fn = _frontier_state if name == "frontier" else _who_state
        for measure in MEASURES:
            for method in M.METHODS:
                for level in range(LEVELS):
                    out[_key(measure, method, level)] = list(fn(measure, method, level, lang))
        return out
    if name == "which_label":
        for label in M.LABELS:
            for method in WHICH:
                out[_key(label, method)] = list(_which_state(label, method, lang))
        return out
    raise ValueError(f"unknown demo {name!r}; known demos: {', '.join(DEMOS)}")


def _controls(name: str, lang: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """``(key, label, options)`` of each dropdown; the level slider is added separately."""
    methods = [(m, t(f"mit.method.{m}", lang)) for m in M.METHODS]
    measures = [(m, t(f"mit.measure.{m}", lang)) for m in MEASURES]
    if name == "frontier" or name == "who_gains":
        return [
            ("measure", t("mit.measure", lang), measures),
            ("method", t("mit.method", lang), methods),
        ]
    return [
        ("label", t("mit.label", lang), [(lb, t(f"mit.label.{lb}", lang)) for lb in M.LABELS]),
        ("method", t("mit.method", lang), [(m, t(f"mit.method.{m}", lang)) for m in WHICH]),
    ]


def _default_key(name: str) -> str:
    if name == "which_label":
        return _key("approved_past", "none")
    return _key(DEFAULT["measure"], DEFAULT["method"], DEFAULT["level"])


def _level_texts(name: str, lang: str) -> dict[str, list[str]]:
    return {
        _key(measure, method): [strength_text(method, measure, lv, lang) for lv in range(LEVELS)]
        for measure in MEASURES
        for method in M.METHODS
    }


class DemoView:
    """Dropdowns (and a strength slider) whose callbacks only look a rendered state up."""

    def __init__(self, name: str, lang: str | None = None):
        import ipywidgets as w

        self.name, self.lang = name, lang or current_language()
        L = self.lang
        self.states = states(name, L)
        self.controls = {}
        defaults = (
            dict(zip(("label", "method"), _default_key(name).split("|"), strict=True))
            if name == "which_label"
            else DEFAULT
        )
        for key, label, options in _controls(name, L):
            self.controls[key] = w.Dropdown(
                options=[(text, v) for v, text in options],
                value=defaults[key],
                description=label,
                style={"description_width": "initial"},
                layout={"width": "100%", "max_width": "420px"},
            )
        if name != "which_label":
            self.controls["level"] = w.IntSlider(
                value=DEFAULT["level"], min=0, max=LEVELS - 1, description=t("mit.strength", L),
                readout=False, style={"description_width": "initial"},
            )  # fmt: skip
            self.level_text = w.Label()
        self.output = w.HTML()
        for c in self.controls.values():
            c.observe(lambda _c: self.update(), names="value")
        css = asset_paths()["css"].read_text(encoding="utf-8")
        parts = [
            w.HTML(f"<style>{css}</style>"),
            w.HTML(f"<h3>{escape(t(name + '.title', L))}</h3>"),
            w.HTML(f"<p class='etika-try'>{escape(t(name + '.try', L))}</p>"),
            *self.controls.values(),
        ]
        if name != "which_label":
            parts.append(self.level_text)
        self.widget = w.VBox([*parts, self.output])
        self.update()

    def key(self) -> str:
        c = self.controls
        if self.name == "which_label":
            return _key(c["label"].value, c["method"].value)
        return _key(c["measure"].value, c["method"].value, c["level"].value)

    def update(self) -> str:
        if self.name != "which_label":
            c = self.controls
            self.level_text.value = strength_text(
                c["method"].value, c["measure"].value, c["level"].value, self.lang
            )
        body, _status = self.states[self.key()]
        self.output.value = f"<div class='etika-demo-body'>{body}</div>"
        return self.output.value


def build_widget(name: str, lang: str | None = None) -> DemoView:
    """The kernel view of demo ``name`` (its ``.widget`` is what a notebook displays)."""
    if name not in DEMOS:
        raise ValueError(f"unknown demo {name!r}; known demos: {', '.join(DEMOS)}")
    return DemoView(name, lang)


def demo_html(name: str, lang: str | None = None) -> str:
    """The static snippet of mitigation demo ``name`` (all its states embedded)."""
    from etika.demos import static

    if name not in DEMOS:
        raise ValueError(f"unknown demo {name!r}; known demos: {', '.join(DEMOS)}")
    lang = lang or current_language()
    uid = f"etika-{name}-{next(static._counter)}"
    controls = "".join(_select(uid, k, label, opts) for k, label, opts in _controls(name, lang))
    # Many states look the same (a method without strengths at every level): each distinct
    # body is embedded once, and states point at it.
    bodies: list[str] = []
    index: dict[str, int] = {}
    keys: dict[str, list] = {}
    for k, (b, st) in states(name, lang).items():
        if b not in index:
            index[b] = len(bodies)
            bodies.append(b)
        keys[k] = [index[b], st]
    data: dict = {
        "demo": name,
        "lang": lang,
        "columns": [],
        "rows": [],
        "labels": {},
        "bodies": bodies,
        "states": keys,
    }
    if name != "which_label":
        # Default selections: the selects start at their first option, so mark the defaults.
        for k in ("measure", "method"):
            controls = controls.replace(
                f'<option value="{DEFAULT[k]}">', f'<option value="{DEFAULT[k]}" selected>'
            )
        texts = _level_texts(name, lang)
        data["levels"] = texts
        first = texts[_key(DEFAULT["measure"], DEFAULT["method"])]
        controls += _range(
            uid, "level", t("mit.strength", lang), list(range(LEVELS)), DEFAULT["level"],
            fmt=lambda v: first[int(v)],
        )  # fmt: skip
    body = states(name, lang)[_default_key(name)][0]
    return (
        f'<div class="etika-demo" data-demo="{name}" id="{uid}" lang="{lang}">'
        f"<h3>{escape(t(name + '.title', lang))}</h3>"
        f'<p class="etika-try">{escape(t(name + ".try", lang))}</p>'
        f'<form class="etika-controls" onsubmit="return false">{controls}</form>'
        '<p class="etika-sr etika-status" role="status" aria-live="polite" aria-atomic="true" '
        'data-status=""></p>'
        f'<div class="etika-demo-body">{body}</div>{_json_script(data)}</div>'
    )
