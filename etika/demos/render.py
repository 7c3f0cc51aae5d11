"""Number formats and HTML tables for the demos' views (the charts are in ``charts.py``).

Plain strings, no plotting library: building one takes well under a millisecond, so a slider
callback stays instant. ``etika/static/etika-demos.js`` draws the same structures in the
browser for the static site (same class names, same ``data-metric`` / ``data-group``
attributes), from the same table.
"""

from __future__ import annotations

import math
from html import escape

from etika.i18n import current_language, t

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


def _series_label(name: str, lang: str | None) -> str:
    return group_label(name, lang) if name in GROUP_KEYS else t(name, lang)


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
