"""Static view: HTML snippets with native controls and the demo table embedded as JSON.

Each function returns a ``<div class="etika-demo" data-demo="...">`` that
``etika/static/etika-demos.js`` brings to life in the browser, with no kernel, no server and
no network request: on a control change the script looks the row up in the embedded table
and updates the numbers (``data-metric`` / ``data-group`` cells), the confusion matrices and
an SVG chart. Without JavaScript the page still shows the "what to try" sentence and the
numbers at the default settings (rendered here, in Python, from the same table).

The book must serve ``etika-demos.js`` and ``etika-demos.css`` from its own ``_static``
folder (see :func:`asset_paths`); pass ``inline_assets=True`` to put them inside the snippet
instead (for a single standalone page).
"""

from __future__ import annotations

import itertools
import json
from html import escape
from pathlib import Path

import pandas as pd

from etika.demos import proxy as proxy_demo
from etika.demos import representation as rep_demo
from etika.demos import threshold as thr_demo
from etika.demos._model import THRESHOLDS
from etika.demos.charts import STATIC_WIDTH
from etika.demos.render import GROUP_KEYS, fmt_threshold, round_value
from etika.demos.widgets import (
    ProxyView,
    RepresentationView,
    ThresholdView,
    proxy_strength_text,
)
from etika.i18n import current_language, t

__all__ = [
    "PAYLOAD_COLUMNS",
    "asset_paths",
    "demo_html",
    "payload",
    "proxy_html",
    "representation_html",
    "threshold_html",
]

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"

#: The columns each demo's embedded table carries (only what the JavaScript view needs).
PAYLOAD_COLUMNS: dict[str, tuple[str, ...]] = {
    "threshold": (
        "label",
        "threshold",
        "group",
        "selection_rate",
        "tpr",
        "fpr",
        "precision",
        "tp",
        "fp",
        "tn",
        "fn",
    ),
    "proxy": ("model", "threshold", "group", "selection_rate"),
    "representation": ("rural_share", "group", "error_rate", "fpr", "fnr", "accuracy"),
}

_counter = itertools.count(1)


def asset_paths() -> dict[str, Path]:
    """Paths of the JavaScript and CSS files the static view needs (copy to ``_static``)."""
    return {"js": STATIC_DIR / "etika-demos.js", "css": STATIC_DIR / "etika-demos.css"}


_round = round_value


def payload(
    name: str,
    table: pd.DataFrame | None = None,
    lang: str | None = None,
    hist: dict | None = None,
) -> dict:
    """The JSON object embedded in demo ``name``'s snippet: columns, rows and labels.

    The threshold demo's payload also carries ``hist``: the score histograms from
    :func:`etika.demos.threshold.histogram_shares` (``hist`` overrides them).
    """
    lang = lang or current_language()
    if name not in PAYLOAD_COLUMNS:
        raise ValueError(f"unknown demo {name!r}; known demos: {', '.join(PAYLOAD_COLUMNS)}")
    if table is None:
        table = {
            "threshold": thr_demo.threshold_table,
            "proxy": proxy_demo.proxy_table,
            "representation": rep_demo.representation_table,
        }[name]()
    cols = list(PAYLOAD_COLUMNS[name])
    rows = [[_round(v) for v in row] for row in table[cols].itertuples(index=False, name=None)]
    metric_keys = ["selection_rate", "tpr", "fpr", "fnr", "precision", "error_rate", "accuracy"]
    labels = {f"metric.{m}": t(f"metric.{m}", lang) for m in metric_keys}
    labels |= {g: t(k, lang) for g, k in GROUP_KEYS.items()}
    labels |= {
        k: t(k, lang)
        for k in (
            "cm.approved",
            "cm.rejected",
            "cm.repaid",
            "cm.not_repaid",
            "common.group",
            "proxy.with_gender",
            "proxy.without_gender",
            "representation.share",
            "unit.pp",
            "threshold.hist.x",
            "threshold.hist.y",
            "threshold.hist.line",
            "threshold.hist.alt",
            "status.threshold.shared",
            "status.threshold.per_group",
            "status.proxy.both",
            "status.proxy.without",
            "status.representation",
        )
    }
    labels["cm.title"] = t("cm.title", lang, group="{group}")
    labels["alt"] = t(f"{name}.alt", lang)
    out = {"demo": name, "lang": lang, "columns": cols, "rows": rows, "labels": labels}
    if name == "threshold":
        out["hist"] = thr_demo.histogram_shares() if hist is None else hist
    return out


def _json_script(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    text = text.replace("</", "<\\/")  # never close the script element early
    return f'<script type="application/json" class="etika-demo-data">{text}</script>'


def _range(
    uid: str,
    key: str,
    label: str,
    values,
    value,
    fmt=None,
    disabled: bool = False,
    lang: str | None = None,
) -> str:
    fmt = fmt or (lambda v: fmt_threshold(v, lang))
    idx = list(values).index(value)
    opts = escape(json.dumps([round(v, 4) for v in values]))
    dis = " disabled" if disabled else ""
    # The slider moves over the grid's indices; aria-valuetext makes a screen reader say the
    # value ("0,50"), not the index (etika-demos.js keeps it in step). The <output> shows the
    # same value to the eye; it is not live (the demo's status line speaks instead).
    return (
        f'<div class="etika-control"><label for="{uid}-{key}">{escape(label)}</label> '
        f'<input type="range" id="{uid}-{key}" name="{key}" data-control="{key}" min="0" '
        f'max="{len(values) - 1}" step="1" value="{idx}" aria-valuetext="{escape(fmt(value))}" '
        f'data-values="{opts}"{dis}> '
        f'<output for="{uid}-{key}" data-output="{key}" aria-live="off">{fmt(value)}</output>'
        "</div>"
    )


def _checkbox(uid: str, key: str, label: str, checked: bool = False) -> str:
    c = " checked" if checked else ""
    return (
        f'<div class="etika-control"><input type="checkbox" id="{uid}-{key}" data-control="{key}"'
        f'{c}> <label for="{uid}-{key}">{escape(label)}</label></div>'
    )


def _select(uid: str, key: str, label: str, options: list[tuple[str, str]]) -> str:
    opts = "".join(f'<option value="{escape(v)}">{escape(text)}</option>' for v, text in options)
    return (
        f'<div class="etika-control"><label for="{uid}-{key}">{escape(label)}</label> '
        f'<select id="{uid}-{key}" data-control="{key}">{opts}</select></div>'
    )


def _wrap(
    name: str, lang: str, controls: str, body: str, intro: str, data: dict, inline_assets: bool
) -> str:
    uid = f"etika-{name}-{next(_counter)}"
    controls = controls.replace("{uid}", uid)
    assets = ""
    if inline_assets:
        paths = asset_paths()
        assets = (
            f"<style>{paths['css'].read_text(encoding='utf-8')}</style>"
            f"<script>{paths['js'].read_text(encoding='utf-8')}</script>"
        )
    return (
        f'<div class="etika-demo" data-demo="{name}" id="{uid}" lang="{lang}">'
        f"<h3>{escape(t(name + '.title', lang))}</h3>"
        f'<p class="etika-try">{escape(t(name + ".try", lang))}</p>{intro}'
        f'<form class="etika-controls" onsubmit="return false">{controls}</form>'
        # Only this short sentence is announced when a control changes (not the whole body).
        '<p class="etika-sr etika-status" role="status" aria-live="polite" aria-atomic="true" '
        'data-status=""></p>'
        f'<div class="etika-demo-body">{body}</div>'
        f"{_json_script(data)}</div>{assets}"
    )


def threshold_html(lang: str | None = None, inline_assets: bool = False) -> str:
    """Static threshold explorer (label dropdown, shared and per-group thresholds)."""
    lang = lang or current_language()
    view = ThresholdView(lang=lang, widgets=False)  # no ipywidgets state in the page
    controls = (
        _select(
            "{uid}",
            "label",
            t("threshold.label", lang),
            [(x, t(f"threshold.label.{x}", lang)) for x in thr_demo.LABELS],
        )
        + _range("{uid}", "shared", t("threshold.shared", lang), THRESHOLDS, 0.5, lang=lang)
        + _checkbox("{uid}", "per_group", t("threshold.per_group", lang))
        + _range(
            "{uid}", "female", t("threshold.women", lang), THRESHOLDS, 0.5, disabled=True, lang=lang
        )
        + _range(
            "{uid}", "male", t("threshold.men", lang), THRESHOLDS, 0.5, disabled=True, lang=lang
        )
    )
    return _wrap(
        "threshold",
        lang,
        controls,
        view.render(width=STATIC_WIDTH),
        "",
        payload("threshold", view.table, lang, view.hist),
        inline_assets,
    )


def proxy_html(lang: str | None = None, inline_assets: bool = False) -> str:
    """Static with/without-gender comparison (threshold slider, checkbox)."""
    lang = lang or current_language()
    view = ProxyView(lang=lang, widgets=False)  # no ipywidgets state in the page
    intro = f"<p>{escape(proxy_strength_text(view.strength, lang))}</p>"
    controls = _range(
        "{uid}", "threshold", t("proxy.threshold", lang), THRESHOLDS, 0.5, lang=lang
    ) + (_checkbox("{uid}", "show_with", t("proxy.show_with", lang), checked=True))
    return _wrap(
        "proxy",
        lang,
        controls,
        view.render(width=STATIC_WIDTH),
        intro,
        payload("proxy", view.table, lang),
        inline_assets,
    )


def representation_html(lang: str | None = None, inline_assets: bool = False) -> str:
    """Static rural-share explorer (share slider, measure dropdown)."""
    lang = lang or current_language()
    view = RepresentationView(lang=lang, widgets=False)  # no ipywidgets state in the page
    controls = _range(
        "{uid}",
        "share",
        t("representation.share", lang),
        view.shares,
        view.shares[0],
        fmt=lambda v: f"{100 * v:.0f}%",
    ) + _select(
        "{uid}",
        "metric",
        t("representation.metric", lang),
        [(m, t("metric." + m, lang)) for m in view.metrics],
    )
    return _wrap(
        "representation",
        lang,
        controls,
        view.render(width=STATIC_WIDTH),
        "",
        payload("representation", view.table, lang),
        inline_assets,
    )


_BUILDERS = {
    "threshold": threshold_html,
    "proxy": proxy_html,
    "representation": representation_html,
}


def demo_html(name: str, lang: str | None = None, inline_assets: bool = False) -> str:
    """The static snippet of demo ``name``."""
    try:
        return _BUILDERS[name](lang=lang, inline_assets=inline_assets)
    except KeyError:
        raise ValueError(f"unknown demo {name!r}; known demos: {', '.join(_BUILDERS)}") from None
