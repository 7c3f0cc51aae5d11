"""HTML and inline-SVG fragments for the kernel (ipywidgets) views.

Plain strings, no plotting library: building one takes well under a millisecond, so a slider
callback stays instant. ``etika/static/etika-demos.js`` draws the same structures in the
browser for the static site (same class names, same ``data-metric`` / ``data-group``
attributes, same colours), from the same table.
"""

from __future__ import annotations

import math
from html import escape

from etika.i18n import t

#: Okabe–Ito colour-blind-safe colours: one per group.
COLOURS: dict[str, str] = {
    "female": "#E69F00",
    "male": "#0072B2",
    "rural": "#D55E00",
    "urban": "#009E73",
    "gap": "#555555",
}

GROUP_KEYS: dict[str, str] = {
    "female": "common.women",
    "male": "common.men",
    "urban": "common.urban",
    "rural": "common.rural",
    "gap": "common.gap",
}


def group_label(group: str, lang: str | None = None) -> str:
    return t(GROUP_KEYS[group], lang)


def fmt(value: float | None, percent: bool = True) -> str:
    """``0.6789 -> "67.9%"``; undefined (None/NaN) -> an em dash."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return f"{100 * value:.1f}%" if percent else f"{value:g}"


def bar_chart_svg(
    metrics: list[str],
    series: dict[str, dict[str, float]],
    aria_label: str,
    lang: str | None = None,
) -> str:
    """Grouped horizontal bars: one block per metric, one bar per series (0–100 %)."""
    width, label_w, bar_h, gap = 320, 110, 12, 10
    names = list(series)
    block = len(names) * bar_h + gap
    height = len(metrics) * block + 24
    plot_w = width - label_w - 40
    parts = [
        f'<svg class="etika-chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(aria_label)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(aria_label)}</title>",
    ]
    for i, m in enumerate(metrics):
        y0 = i * block
        parts.append(
            f'<text x="0" y="{y0 + bar_h}" font-size="10">{escape(t("metric." + m, lang))}</text>'
        )
        for j, name in enumerate(names):
            v = series[name].get(m)
            ok = v is not None and not (isinstance(v, float) and math.isnan(v))
            w = max(0.0, min(1.0, v)) * plot_w if ok else 0.0
            y = y0 + j * bar_h
            colour = COLOURS.get(name, "#777777")
            parts.append(
                f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h - 2}" '
                f'fill="{colour}"/>'
                f'<text x="{label_w + w + 3:.1f}" y="{y + bar_h - 3}" font-size="9">'
                f"{fmt(v if ok else None)}</text>"
            )
    ly = height - 8
    for j, name in enumerate(names):
        x = label_w + j * 90
        colour = COLOURS.get(name, "#777")
        parts.append(
            f'<rect x="{x}" y="{ly - 8}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{x + 14}" y="{ly + 1}" font-size="10">{escape(_series_label(name, lang))}'
            "</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _series_label(name: str, lang: str | None) -> str:
    return group_label(name, lang) if name in GROUP_KEYS else t(name, lang)


def line_chart_svg(
    xs: list[float],
    series: dict[str, list[float]],
    marker_x: float,
    aria_label: str,
    y_label: str,
    x_label: str,
    lang: str | None = None,
) -> str:
    """Lines of y (0–max) against x, one per series, with a vertical marker at ``marker_x``."""
    width, height, left, bottom, top, right = 320, 200, 40, 40, 10, 10
    ymax = max(0.05, max(v for vals in series.values() for v in vals if not math.isnan(v)))
    ymax = math.ceil(ymax * 10) / 10
    x0, x1 = min(xs), max(xs)

    def sx(x: float) -> float:
        return left + (x - x0) / ((x1 - x0) or 1) * (width - left - right)

    def sy(y: float) -> float:
        return top + (1 - y / ymax) * (height - top - bottom)

    parts = [
        f'<svg class="etika-chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(aria_label)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(aria_label)}</title>",
        f'<line x1="{left}" y1="{sy(0):.1f}" x2="{width - right}" y2="{sy(0):.1f}" stroke="#333"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{sy(0):.1f}" stroke="#333"/>',
    ]
    for k in range(0, 5):
        v = ymax * k / 4
        parts.append(
            f'<text x="{left - 4}" y="{sy(v) + 3:.1f}" font-size="9" text-anchor="end">'
            f"{fmt(v)}</text>"
        )
    for x in (x0, (x0 + x1) / 2, x1):
        parts.append(
            f'<text x="{sx(x):.1f}" y="{height - bottom + 12}" font-size="9" '
            f'text-anchor="middle">{fmt(x)}</text>'
        )
    parts.append(
        f'<text x="{(left + width - right) / 2}" y="{height - 14}" font-size="10" '
        f'text-anchor="middle">{escape(x_label)}</text>'
        f'<text x="{left}" y="{height - 2}" font-size="10">{escape(y_label)}</text>'
    )
    mx = sx(marker_x)
    parts.append(
        f'<line x1="{mx:.1f}" y1="{top}" x2="{mx:.1f}" y2="{sy(0):.1f}" stroke="#888" '
        'stroke-dasharray="3,3"/>'
    )
    for name, vals in series.items():
        pts = " ".join(f"{sx(x):.1f},{sy(v):.1f}" for x, v in zip(xs, vals, strict=True))
        colour = COLOURS.get(name, "#777")
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{pts}"/>')
        last = vals[-1]
        parts.append(
            f'<text x="{sx(xs[-1]) - 2:.1f}" y="{sy(last) - 4:.1f}" font-size="10" '
            f'text-anchor="end" fill="{colour}">{escape(group_label(name, lang))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def metrics_table_html(
    metrics: list[str], rows: dict[str, dict[str, float]], lang: str | None = None, extra: str = ""
) -> str:
    """A small table: one row per metric, one column per group/series.

    Every value cell carries ``data-metric`` and ``data-group`` attributes (and
    ``data-model`` when ``extra`` is given), exactly like the static view's cells.
    """
    head = "".join(f"<th scope='col'>{escape(_series_label(g, lang))}</th>" for g in rows)
    body = []
    for m in metrics:
        cells = "".join(
            f'<td data-metric="{m}" data-group="{g}"{extra}>{fmt(rows[g].get(m))}</td>'
            for g in rows
        )
        body.append(f"<tr><th scope='row'>{escape(t('metric.' + m, lang))}</th>{cells}</tr>")
    return (
        f"<table class='etika-metrics'><thead><tr><th scope='col'>{escape(t('common.group', lang))}"
        f"</th>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def confusion_html(group: str, tp: int, fp: int, tn: int, fn: int, lang: str | None = None) -> str:
    """A 2×2 confusion matrix (rows: true outcome, columns: decision) for one group."""
    return (
        f"<table class='etika-cm' data-group='{group}'>"
        f"<caption>{escape(t('cm.title', lang, group=group_label(group, lang)))}</caption>"
        f"<tr><td></td><th scope='col'>{escape(t('cm.approved', lang))}</th>"
        f"<th scope='col'>{escape(t('cm.rejected', lang))}</th></tr>"
        f"<tr><th scope='row'>{escape(t('cm.repaid', lang))}</th>"
        f'<td data-metric="tp" data-group="{group}">{tp}</td>'
        f'<td data-metric="fn" data-group="{group}">{fn}</td></tr>'
        f"<tr><th scope='row'>{escape(t('cm.not_repaid', lang))}</th>"
        f'<td data-metric="fp" data-group="{group}">{fp}</td>'
        f'<td data-metric="tn" data-group="{group}">{tn}</td></tr></table>'
    )
