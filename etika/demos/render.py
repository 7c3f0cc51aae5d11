"""HTML and inline-SVG fragments for the kernel (ipywidgets) views.

Plain strings, no plotting library: building one takes well under a millisecond, so a slider
callback stays instant. ``etika/static/etika-demos.js`` draws the same structures in the
browser for the static site (same class names, same ``data-metric`` / ``data-group``
attributes, same colours), from the same table.
"""

from __future__ import annotations

import itertools
import math
from html import escape

from etika.i18n import current_language, t

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


MINUS = "\u2212"
DASH = "\u2014"


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def round_value(value):
    """A table value as both views use it: floats rounded to 4 decimals, NaN -> ``None``.

    The static view embeds these values as JSON; the kernel view looks up the same rounded
    values, so both compute gaps from identical numbers and print identical text.
    """
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, 4)
    if hasattr(value, "item"):
        return round_value(value.item())
    return value


def fixed(value: float | None, digits: int = 1, lang: str | None = None, scale: int = 1) -> str:
    """``value * scale`` with ``digits`` decimals in the language's style ("60.8" / "60,8").

    This is the one number formatter of the demos; ``etika-demos.js`` has the same algorithm
    (``fixed``): ``floor(value * scale * 10**digits + 0.5)`` on the same double, so Python and
    JavaScript print the same digits for the same value. Negative numbers use a true minus
    sign; undefined values (None/NaN) an em dash.
    """
    if _missing(value):
        return DASH
    n = math.floor(value * (scale * 10**digits) + 0.5)
    sign = MINUS if n < 0 else ""
    n = abs(n)
    whole, frac = divmod(n, 10**digits)
    sep = "," if (lang or current_language()) == "id" else "."
    return f"{sign}{whole}{sep}{frac:0{digits}d}" if digits else f"{sign}{whole}"


def fmt_rate(value: float | None, lang: str | None = None, digits: int = 1) -> str:
    """A rate as a percentage: ``0.6085 -> "60.9%"`` (en) / ``"60,9%"`` (id)."""
    text = fixed(value, digits, lang, scale=100)
    return text if text == DASH else text + "%"


def fmt_pp(value: float | None, lang: str | None = None) -> str:
    """A gap between two rates in percentage points: ``0.085 -> "8.5 pp"`` / ``"8,5 poin"``."""
    text = fixed(value, 1, lang, scale=100)
    return text if text == DASH else f"{text} {t('unit.pp', lang)}"


def fmt_threshold(value: float | None, lang: str | None = None) -> str:
    """A score threshold with two decimals: ``0.5 -> "0.50"`` / ``"0,50"``."""
    return fixed(value, 2, lang)


def fmt(value: float | None, percent: bool = True, lang: str | None = None) -> str:
    """Backwards-compatible shorthand: a rate (``percent``) or a plain number."""
    return fmt_rate(value, lang) if percent else fixed(value, 2, lang)


def bar_blocks_svg(
    blocks: list[tuple[str, dict[str, float | None]]],
    series: list[str],
    aria_label: str,
    lang: str | None = None,
) -> str:
    """Horizontal bars (0–100 %): per block, its label on a line of its own, one bar per series.

    Labels sit above their bars so that long names ("Tingkat positif benar (TPR)") fit a
    320 px phone; ``etika-demos.js`` (``bars``) draws the same figure.
    """
    width, bar_h, gap, label_h = 320, 12, 8, 14
    block = label_h + len(series) * bar_h + gap
    height = len(blocks) * block + 24
    plot_w = width - 50
    parts = [
        f'<svg class="etika-chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(aria_label)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(aria_label)}</title>",
    ]
    for i, (label, values) in enumerate(blocks):
        y0 = i * block
        parts.append(f'<text x="0" y="{y0 + 10}" font-size="10">{escape(label)}</text>')
        for j, name in enumerate(series):
            v = values.get(name)
            ok = v is not None and not (isinstance(v, float) and math.isnan(v))
            w = max(0.0, min(1.0, v)) * plot_w if ok else 0.0
            y = y0 + label_h + j * bar_h
            parts.append(
                f'<rect x="0" y="{y}" width="{w:.1f}" height="{bar_h - 2}" '
                f'fill="{COLOURS.get(name, "#777777")}"/>'
                f'<text x="{w + 3:.1f}" y="{y + bar_h - 3}" font-size="9">'
                f"{fmt_rate(v if ok else None, lang)}</text>"
            )
    ly = height - 8
    for j, name in enumerate(series):
        x = j * 90
        parts.append(
            f'<rect x="{x}" y="{ly - 8}" width="10" height="10" '
            f'fill="{COLOURS.get(name, "#777777")}"/>'
            f'<text x="{x + 14}" y="{ly + 1}" font-size="10">{escape(_series_label(name, lang))}'
            "</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def bar_chart_svg(
    metrics: list[str],
    series: dict[str, dict[str, float]],
    aria_label: str,
    lang: str | None = None,
) -> str:
    """Grouped bars of rates: one block per metric, one bar per series (e.g. women, men)."""
    names = list(series)
    blocks = [(t("metric." + m, lang), {n: series[n].get(m) for n in names}) for m in metrics]
    return bar_blocks_svg(blocks, names, aria_label, lang)


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
    ymax = max([0.05] + [v for vals in series.values() for v in vals if not _missing(v)])
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
            f"{fmt_rate(v, lang)}</text>"
        )
    for x in (x0, (x0 + x1) / 2, x1):
        parts.append(
            f'<text x="{sx(x):.1f}" y="{height - bottom + 12}" font-size="9" '
            f'text-anchor="middle">{fmt_rate(x, lang)}</text>'
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


def _cell(group: str, value, lang: str | None) -> str:
    return fmt_pp(value, lang) if group == "gap" else fmt_rate(value, lang)


def metrics_table_html(
    metrics: list[str], rows: dict[str, dict[str, float]], lang: str | None = None, extra: str = ""
) -> str:
    """A small table: one row per metric, one column per group/series.

    Every value cell carries ``data-metric`` and ``data-group`` attributes (and
    ``data-model`` when ``extra`` is given), exactly like the static view's cells. Rates are
    shown as percentages, the ``gap`` column in percentage points (:func:`fmt_pp`).
    """
    head = "".join(f"<th scope='col'>{escape(_series_label(g, lang))}</th>" for g in rows)
    body = []
    for m in metrics:
        cells = "".join(
            f'<td data-metric="{m}" data-group="{g}"{extra}>{_cell(g, rows[g].get(m), lang)}</td>'
            for g in rows
        )
        body.append(f"<tr><th scope='row'>{escape(t('metric.' + m, lang))}</th>{cells}</tr>")
    return (
        f"<table class='etika-metrics'><thead><tr><th scope='col'><span class='etika-sr'>"
        f"{escape(t('common.group', lang))}</span></th>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
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


_hist_counter = itertools.count(1)


def histogram_svg(
    shares: dict[str, list[float]],
    thresholds: dict[str, float],
    lang: str | None = None,
    uid: str | None = None,
) -> str:
    """Score distributions of women and men with a vertical line at each threshold.

    ``shares[group]`` is the share of the group in each of ``n`` equal score bins on [0, 1]
    (see :func:`etika.demos.threshold.histogram_shares`); ``thresholds`` is ``{"shared": t}``
    or ``{"female": t_f, "male": t_m}``. Women's bars are solid, men's hatched, and the two
    threshold lines are dashed differently, so the chart also reads in grayscale. Same
    drawing as ``histogram`` in ``etika-demos.js``.
    """
    uid = uid or f"etika-hist-{next(_hist_counter)}"
    n = len(shares["female"])
    width, left, right, top, plot_h = 320, 42, 10, 24, 110
    height = top + plot_h + 50
    plot_w = width - left - right
    bottom = top + plot_h
    peak = max([v for vals in shares.values() for v in vals if v is not None] + [0.05])
    ymax = math.ceil(peak * 20 - 1e-9) / 20
    bw = plot_w / n

    def sy(v: float) -> float:
        return bottom - v / ymax * plot_h

    alt = t("threshold.hist.alt", lang)
    parts = [
        f'<svg class="etika-chart etika-hist" viewBox="0 0 {width} {height}" width="100%" '
        f'role="img" aria-label="{escape(alt)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(alt)}</title>",
        f'<defs><pattern id="{uid}-hatch" patternUnits="userSpaceOnUse" width="4" height="4" '
        'patternTransform="rotate(45)"><rect width="4" height="4" fill="#fff"/>'
        f'<line x1="0" y1="0" x2="0" y2="4" stroke="{COLOURS["male"]}" stroke-width="2.5"/>'
        "</pattern></defs>",
    ]
    fills = {"female": COLOURS["female"], "male": f"url(#{uid}-hatch)"}
    for j, g in enumerate(("female", "male")):
        for i, v in enumerate(shares[g]):
            if not v:
                continue
            x = left + i * bw + j * bw / 2
            parts.append(
                f'<rect x="{x:.1f}" y="{sy(v):.1f}" width="{bw / 2:.1f}" '
                f'height="{bottom - sy(v):.1f}" fill="{fills[g]}" stroke="{COLOURS[g]}" '
                'stroke-width="0.5"/>'
            )
    parts.append(
        f'<line x1="{left}" y1="{bottom}" x2="{width - right}" y2="{bottom}" stroke="#333"/>'
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{bottom}" stroke="#333"/>'
    )
    for v in (0.0, ymax / 2, ymax):
        parts.append(
            f'<text x="{left - 4}" y="{sy(v) + 3:.1f}" font-size="9" text-anchor="end">'
            f"{fmt_rate(v, lang)}</text>"
        )
    for x in (0.0, 0.25, 0.5, 0.75, 1.0):
        parts.append(
            f'<text x="{left + x * plot_w:.1f}" y="{bottom + 12}" font-size="9" '
            f'text-anchor="middle">{fmt_threshold(x, lang)}</text>'
        )
    parts.append(
        f'<text x="{(left + width - right) / 2}" y="{bottom + 26}" font-size="10" '
        f'text-anchor="middle">{escape(t("threshold.hist.x", lang))}</text>'
        f'<text x="2" y="{top - 5}" font-size="10">{escape(t("threshold.hist.y", lang))}</text>'
    )
    styles = {
        "shared": ("#333333", "5,3"),
        "female": (COLOURS["female"], "7,3"),
        "male": (COLOURS["male"], "2,2"),
    }
    for k, (key, value) in enumerate(thresholds.items()):
        colour, dash = styles[key]
        x = left + value * plot_w
        anchor, tx = ("end", x - 3) if value > 0.8 else ("start", x + 3)
        parts.append(
            f'<line class="etika-threshold-line" data-threshold-line="{key}" '
            f'data-value="{value}" x1="{x:.1f}" y1="{top - 2}" x2="{x:.1f}" y2="{bottom}" '
            f'stroke="{colour}" stroke-width="2" stroke-dasharray="{dash}"/>'
            f'<text x="{tx:.1f}" y="{top + 8 + 10 * k}" font-size="9" text-anchor="{anchor}">'
            f"{fmt_threshold(value, lang)}</text>"
        )
    ly = height - 6
    for j, g in enumerate(("female", "male")):
        x = left + j * 80
        parts.append(
            f'<rect x="{x}" y="{ly - 9}" width="10" height="10" fill="{fills[g]}" '
            f'stroke="{COLOURS[g]}"/><text x="{x + 14}" y="{ly}" font-size="10">'
            f"{escape(group_label(g, lang))}</text>"
        )
    x = left + 150
    parts.append(
        f'<line x1="{x}" y1="{ly - 4}" x2="{x + 14}" y2="{ly - 4}" stroke="#333333" '
        f'stroke-width="2" stroke-dasharray="5,3"/><text x="{x + 18}" y="{ly}" font-size="10">'
        f"{escape(t('threshold.hist.line', lang))}</text>"
    )
    parts.append("</svg>")
    return "".join(parts)
