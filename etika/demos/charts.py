"""The demos' inline-SVG charts, laid out in real CSS pixels for a given width.

A chart is drawn for the width it will be shown at (``width``, CSS px) with ``width`` and
``height`` attributes equal to its ``viewBox``: it is never scaled, so its text is always
:data:`FONT` px (the design rule is no chart text under 12 CSS px on a 360 px phone). Narrow
widths get fewer axis ticks and wrapped titles; every label has a place of its own, so no two
overlap and none is cut at the edge. ``etika/static/etika-demos.js`` has the same layout
functions (``wrapText``, ``niceTop``, ``fitTicks``, ``bars``, ``line``, ``histogram``) and
calls them with the width it measures in the page, again whenever that width changes.

The only difference between the two: the browser measures text with the page's own font
(canvas ``measureText``); here :func:`text_width` estimates it, on the wide side.

Colours are CSS custom properties with the light colour as fallback (``fill:var(--etika-male,
#0072B2)``): ``etika-demos.css`` sets a light and a dark set, so the charts follow the site's
and JupyterLab's dark mode, and still draw in colour with no stylesheet at all.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from html import escape

from etika.demos.render import _series_label, fmt_rate, fmt_threshold, group_label, t

__all__ = [
    "FONT",
    "KERNEL_WIDTH",
    "bar_blocks_svg",
    "histogram_svg",
    "line_chart_svg",
    "nice_top",
    "text_width",
    "wrap_text",
]

#: Font size of every chart text, CSS px.
FONT = 13
#: Distance between two lines of chart text (a 13 px line box is about 15 px tall).
LINE = 17
#: A text line's baseline below the top of its line.
ASCENT = 12
#: Room kept between text and the chart's left and right edges (glyphs overhang a little).
PAD = 2
#: Width the kernel (ipywidgets) view lays its charts out for; the static view measures.
KERNEL_WIDTH = 420
#: Width of the static view's first drawing (before etika-demos.js measures the page).
STATIC_WIDTH = 260

#: Light colours (the CSS custom properties' fallbacks); etika-demos.css has the dark set.
#: Okabe–Ito hues; women's orange is darkened to keep 3:1 against white.
COLOURS: dict[str, str] = {
    "female": "#C27400",
    "male": "#0072B2",
    "rural": "#D55E00",
    "urban": "#009E73",
    "gap": "#555555",
    "axis": "#333333",
    "threshold": "#333333",
    "marker": "#595959",
    "bg": "#ffffff",
}

# Rough advance widths (in em) of a wide sans-serif such as DejaVu Sans, so the estimate errs
# on the wide side; the browser measures instead.
_NARROW = set("iljtfrI.,:;'!|()[] ")
_WIDE = set("mwMW%")


def text_width(text: str, size: float = FONT) -> float:
    """Estimated width of ``text`` at ``size`` px (wide side; see the module docstring)."""
    em = 0.0
    for ch in text:
        if ch in _NARROW:
            em += 0.36
        elif ch in _WIDE:
            em += 0.96
        elif ch.isupper() or ch.isdigit():
            em += 0.7
        else:
            em += 0.62
    return em * size


Measure = Callable[[str], float]


def wrap_text(text: str, width: float, measure: Measure = text_width) -> list[str]:
    """``text`` broken between words into lines no wider than ``width`` (a longer word alone)."""
    lines: list[str] = []
    for word in text.split():
        if lines and measure(lines[-1] + " " + word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def nice_top(peak: float, max_ticks: int, steps: Sequence[float]) -> tuple[float, list[float]]:
    """The first step of ``steps`` whose ticks 0, step, … up to ``peak`` are ``<= max_ticks``."""
    peak = max(peak, 1e-9)
    for step in steps:
        n = max(1, math.ceil(peak / step - 1e-9))
        if n + 1 <= max_ticks or step == steps[-1]:
            return n * step, [round(k * step, 6) for k in range(n + 1)]
    raise AssertionError("unreachable")


def fit_ticks(
    top: float, steps: Sequence[float], label: Callable[[float], str], room: float, measure: Measure
) -> list[float]:
    """Ticks 0, step, …, ``top``: the finest of ``steps`` whose labels fit ``room`` px."""
    for step in steps:
        n = round(top / step)
        ticks = [round(k * step, 6) for k in range(n + 1)]
        if room / n >= max(measure(label(v)) for v in ticks) + 10:
            return ticks
    return [0.0, top]


class _Svg:
    """An SVG under construction: text lines, shapes, and the ``<svg>`` element around them."""

    def __init__(self, width: float, label: str, lang: str | None, css_class: str = "etika-chart"):
        self.width, self.label, self.lang, self.css_class = width, label, lang, css_class
        self.right = 0.0  # the plot's right margin, where an axis has one
        self.parts: list[str] = []

    def text(self, x: float, baseline: float, text: str, anchor: str = "start", extra=""):
        a = "" if anchor == "start" else f' text-anchor="{anchor}"'
        self.parts.append(
            f'<text x="{x:.1f}" y="{baseline:.1f}" font-size="{FONT}"{a}{extra}>'
            f"{escape(text)}</text>"
        )

    def lines(self, y: float, lines: list[str], x: float = PAD) -> float:
        """Left-aligned lines from top ``y``; returns the y below them."""
        for line in lines:
            self.text(x, y + ASCENT, line)
            y += LINE
        return y

    def legend(self, y: float, items: list[tuple[str, str]], measure: Measure) -> float:
        """``(swatch SVG at (0, 0) within 14×14, label)`` items flowed in rows; y below them."""
        x = PAD
        for swatch, label in items:
            w = 18 + measure(label)
            if x > PAD and x + w > self.width - PAD:
                x, y = PAD, y + LINE
            self.parts.append(f'<g transform="translate({x:.1f},{y + 2:.1f})">{swatch}</g>')
            self.text(x + 18, y + ASCENT, label)
            x += w + 14
        return y + LINE

    def render(self, height: float, defs: str = "") -> str:
        w, h = round(self.width), math.ceil(height)
        return (
            f'<svg class="{self.css_class}" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
            f'role="img" aria-label="{escape(self.label)}" xmlns="http://www.w3.org/2000/svg">'
            f"<title>{escape(self.label)}</title>{defs}{''.join(self.parts)}</svg>"
        )


def colour(name: str) -> str:
    """``var(--etika-<name>, <light colour>)``: the chart colour of a series or part."""
    return f"var(--etika-{name},{COLOURS.get(name, '#777777')})"


def _fill(name: str) -> str:
    return f' style="fill:{colour(name)}"'


def bar_blocks_svg(
    blocks: list[tuple[str, dict[str, float | None]]],
    series: list[str],
    aria_label: str,
    lang: str | None = None,
    width: float = KERNEL_WIDTH,
    measure: Measure = text_width,
) -> str:
    """Horizontal bars (0–100 %): per block, its label on lines of its own, one bar per series.

    Each bar has its own row with its value after it; ``etika-demos.js`` (``bars``) draws the
    same figure.
    """
    svg = _Svg(width, aria_label, lang)
    value_w = measure(fmt_rate(1.0, lang)) + 4 + PAD
    plot_w = max(40.0, width - value_w)
    y = 0.0
    for label, values in blocks:
        y = svg.lines(y, wrap_text(label, width - 2 * PAD, measure))
        for name in series:
            v = values.get(name)
            ok = v is not None and not (isinstance(v, float) and math.isnan(v))
            w = max(0.0, min(1.0, v)) * plot_w if ok else 0.0
            svg.parts.append(
                f'<rect x="0" y="{y + 2:.1f}" width="{w:.1f}" height="13"{_fill(name)}/>'
            )
            svg.text(w + 4, y + ASCENT, fmt_rate(v if ok else None, lang))
            y += LINE
        y += 6
    items = [(f'<rect width="12" height="12"{_fill(n)}/>', _series_label(n, lang)) for n in series]
    y = svg.legend(y, items, measure)
    return svg.render(y + 2)


def bar_chart_svg(
    metrics: list[str],
    series: dict[str, dict[str, float]],
    aria_label: str,
    lang: str | None = None,
    width: float = KERNEL_WIDTH,
) -> str:
    """Grouped bars of rates: one block per metric, one bar per series (e.g. women, men)."""
    names = list(series)
    blocks = [(t("metric." + m, lang), {n: series[n].get(m) for n in names}) for m in metrics]
    return bar_blocks_svg(blocks, names, aria_label, lang, width)


RATE_STEPS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1.0)
SHARE_STEPS = (0.05, 0.1, 0.25, 0.5)
SCORE_STEPS = (0.1, 0.2, 0.25, 0.5, 1.0)
#: Dash patterns, so lines also read in grayscale.
DASHES = {"rural": "7,4", "female": "7,3", "male": "2,2", "shared": "5,3"}


def _y_axis(svg: _Svg, ticks: list[float], top_value: float, sy, left: float, bottom: float):
    for v in ticks:
        svg.text(left - 6, sy(v) + 4.5, fmt_rate(v, svg.lang, digits=0), "end")
    axis = colour("axis")
    svg.parts.append(
        f'<path d="M{left:.1f},{sy(top_value):.1f}V{bottom:.1f}H{svg.width - svg.right:.1f}" '
        f'fill="none" style="stroke:{axis}"/>'
    )


def line_chart_svg(
    xs: list[float],
    series: dict[str, list[float]],
    marker_x: float,
    aria_label: str,
    y_label: str,
    x_label: str,
    lang: str | None = None,
    width: float = KERNEL_WIDTH,
    measure: Measure = text_width,
) -> str:
    """Lines of y (0–max) against x (0–max x), one per series, with a marker at ``marker_x``.

    Top to bottom: the y title, the plot (y ticks on its left), the x ticks, the x title, the
    legend. The x axis starts at 0, so the marker at the smallest x stands clear of the axis.
    """
    svg = _Svg(width, aria_label, lang)
    y = svg.lines(0.0, wrap_text(y_label, width - 2 * PAD, measure))
    plot_top, plot_h = y + 10, 150.0
    bottom = plot_top + plot_h
    peak = max([0.01] + [v for vals in series.values() for v in vals if v is not None])
    ytop, yticks = nice_top(peak, 6, RATE_STEPS)
    left = max(measure(fmt_rate(v, lang, digits=0)) for v in yticks) + 10
    x1 = max(xs)
    last = fmt_rate(x1, lang, digits=0)
    svg.right = right = measure(last) / 2 + PAD
    plot_w = width - left - right

    def sx(x: float) -> float:
        return left + x / x1 * plot_w

    def sy(v: float) -> float:
        return bottom - v / ytop * plot_h

    grid = "".join(
        f'<line x1="{left:.1f}" y1="{sy(v):.1f}" x2="{width - right:.1f}" y2="{sy(v):.1f}" '
        'class="etika-grid"/>'
        for v in yticks[1:]
    )
    svg.parts.append(grid)
    _y_axis(svg, yticks, ytop, sy, left, bottom)
    xticks = fit_ticks(x1, SHARE_STEPS, lambda v: fmt_rate(v, lang, digits=0), plot_w, measure)
    for v in xticks:
        svg.text(sx(v), bottom + 22, fmt_rate(v, lang, digits=0), "middle")
    mx = sx(marker_x)
    svg.parts.append(
        f'<line x1="{mx:.1f}" y1="{plot_top:.1f}" x2="{mx:.1f}" y2="{bottom:.1f}" '
        f'stroke-width="1.5" stroke-dasharray="3,3" style="stroke:{colour("marker")}"/>'
    )
    dots = []
    for name, vals in series.items():
        pts = " ".join(
            f"{sx(x):.1f},{sy(v):.1f}" for x, v in zip(xs, vals, strict=True) if v is not None
        )
        dash = f' stroke-dasharray="{DASHES[name]}"' if name in DASHES else ""
        svg.parts.append(
            f'<polyline fill="none" stroke-width="2.5"{dash} style="stroke:{colour(name)}" '
            f'points="{pts}"/>'
        )
        v = dict(zip(xs, vals, strict=True)).get(marker_x)
        if v is not None:
            dots.append(
                f'<circle cx="{mx:.1f}" cy="{sy(v):.1f}" r="4.5" stroke-width="1.5" '
                f'style="fill:{colour(name)};stroke:{colour("bg")}"/>'
            )
    svg.parts.extend(dots)
    y = svg.lines(bottom + 30, wrap_text(x_label, width - 2 * PAD, measure))
    items = []
    for name in series:
        dash = f' stroke-dasharray="{DASHES[name]}"' if name in DASHES else ""
        items.append(
            (
                f'<line x1="0" y1="6" x2="14" y2="6" stroke-width="2.5"{dash} '
                f'style="stroke:{colour(name)}"/>',
                group_label(name, lang),
            )
        )
    y = svg.legend(y + 4, items, measure)
    return svg.render(y + 2)


_hist_counter = itertools.count(1)


def histogram_svg(
    shares: dict[str, list[float]],
    thresholds: dict[str, float],
    lang: str | None = None,
    uid: str | None = None,
    width: float = KERNEL_WIDTH,
    measure: Measure = text_width,
) -> str:
    """Score distributions of women and men with a vertical line at each threshold.

    ``shares[group]`` is the share of the group in each of ``n`` equal score bins on [0, 1]
    (see :func:`etika.demos.threshold.histogram_shares`); ``thresholds`` is ``{"shared": t}``
    or ``{"female": t_f, "male": t_m}``. Women's bars are solid, men's hatched, and the
    threshold lines are dashed differently, so the chart also reads in grayscale. Top to
    bottom: the y title, one row per threshold label, the plot, x ticks, x title, legend.
    Same drawing as ``histogram`` in ``etika-demos.js``.
    """
    uid = uid or f"etika-hist-{next(_hist_counter)}"
    n = len(shares["female"])
    alt = t("threshold.hist.alt", lang)
    svg = _Svg(width, alt, lang, "etika-chart etika-hist")
    y = svg.lines(0.0, wrap_text(t("threshold.hist.y", lang), width - 2 * PAD, measure))
    label_top = y + 4
    plot_top = label_top + len(thresholds) * LINE + 6
    plot_h = 120.0
    bottom = plot_top + plot_h
    peak = max([v for vals in shares.values() for v in vals if v is not None] + [0.01])
    ytop, yticks = nice_top(peak, 5, RATE_STEPS)
    left = max(measure(fmt_rate(v, lang, digits=0)) for v in yticks) + 10
    svg.right = right = measure(fmt_threshold(1.0, lang)) / 2 + PAD
    plot_w = width - left - right
    bw = plot_w / n

    def sy(v: float) -> float:
        return bottom - v / ytop * plot_h

    male = colour("male")
    defs = (
        f'<defs><pattern id="{uid}-hatch" patternUnits="userSpaceOnUse" width="4" height="4" '
        f'patternTransform="rotate(45)"><rect width="4" height="4" style="fill:{colour("bg")}"/>'
        f'<line x1="0" y1="0" x2="0" y2="4" stroke-width="2.5" style="stroke:{male}"/>'
        "</pattern></defs>"
    )
    fills = {"female": colour("female"), "male": f"url(#{uid}-hatch)"}
    for j, g in enumerate(("female", "male")):
        for i, v in enumerate(shares[g]):
            if not v:
                continue
            x = left + i * bw + j * bw / 2
            svg.parts.append(
                f'<rect x="{x:.1f}" y="{sy(v):.1f}" width="{bw / 2:.1f}" '
                f'height="{bottom - sy(v):.1f}" stroke-width="0.75" '
                f'style="fill:{fills[g]};stroke:{colour(g)}"/>'
            )
    _y_axis(svg, yticks, ytop, sy, left, bottom)
    for v in fit_ticks(1.0, SCORE_STEPS, lambda v: fmt_threshold(v, lang), plot_w, measure):
        svg.text(left + v * plot_w, bottom + 22, fmt_threshold(v, lang), "middle")
    for k, (key, value) in enumerate(thresholds.items()):
        x = left + value * plot_w
        text = fmt_threshold(value, lang)
        if key != "shared":
            text = f"{group_label(key, lang)} {text}"
        tw = measure(text)
        tx = max(PAD, min(x + 4, width - tw - PAD))
        stroke = colour("threshold" if key == "shared" else key)
        svg.parts.append(
            f'<line class="etika-threshold-line" data-threshold-line="{key}" '
            f'data-value="{value}" x1="{x:.1f}" y1="{plot_top - 4:.1f}" x2="{x:.1f}" '
            f'y2="{bottom:.1f}" stroke-width="2.5" stroke-dasharray="{DASHES[key]}" '
            f'style="stroke:{stroke}"/>'
        )
        svg.text(tx, label_top + k * LINE + ASCENT, text)
    y = svg.lines(bottom + 30, wrap_text(t("threshold.hist.x", lang), width - 2 * PAD, measure))
    items = [
        (
            f'<rect x="0.5" y="0.5" width="12" height="12" stroke-width="1" '
            f'style="fill:{fills[g]};stroke:{colour(g)}"/>',
            group_label(g, lang),
        )
        for g in ("female", "male")
    ]
    items.append(
        (
            f'<line x1="0" y1="6" x2="14" y2="6" stroke-width="2.5" stroke-dasharray="5,3" '
            f'style="stroke:{colour("threshold")}"/>',
            t("threshold.hist.line", lang),
        )
    )
    y = svg.legend(y + 4, items, measure)
    return svg.render(y + 2, defs)
