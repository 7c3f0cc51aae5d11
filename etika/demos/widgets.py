"""Kernel views (ipywidgets): controls whose callbacks only look rows up and redraw.

Each view builds its demo table once (in its constructor), indexes it in a dict, and on every
control change calls :meth:`update`, which looks two to four rows up and rebuilds an HTML
string with an inline SVG (see :mod:`etika.demos.render`). No model is trained and no metric
is computed in a callback.
"""

from __future__ import annotations

from html import escape
from typing import ClassVar

import ipywidgets as w
import pandas as pd

from etika.demos import proxy as proxy_demo
from etika.demos import representation as rep_demo
from etika.demos import threshold as thr_demo
from etika.demos._model import THRESHOLDS
from etika.demos.render import (
    bar_chart_svg,
    confusion_html,
    line_chart_svg,
    metrics_table_html,
)
from etika.i18n import current_language, t

__all__ = ["ProxyView", "RepresentationView", "ThresholdView", "build_widget"]

_STYLE = {"description_width": "initial"}
_LAYOUT = w.Layout(width="100%", max_width="420px")


def _index(table: pd.DataFrame, keys: list[str]) -> dict[tuple, dict]:
    return {tuple(row[k] for k in keys): row for row in table.to_dict(orient="records")}


def _slider(value: float, options, description: str) -> w.SelectionSlider:
    return w.SelectionSlider(
        options=[(f"{v:.2f}", v) for v in options],
        value=value,
        description=description,
        continuous_update=True,
        style=_STYLE,
        layout=_LAYOUT,
    )


class ThresholdView:
    """Threshold explorer: shared threshold, optional per-group thresholds, label dropdown."""

    metrics: ClassVar[list[str]] = ["selection_rate", "tpr", "fpr", "precision"]

    def __init__(self, lang: str | None = None, table: pd.DataFrame | None = None):
        self.lang = lang or current_language()
        self.table = thr_demo.threshold_table() if table is None else table
        self.rows = _index(self.table, ["label", "threshold", "group"])
        L = self.lang
        self.label = w.Dropdown(
            options=[(t(f"threshold.label.{x}", L), x) for x in thr_demo.LABELS],
            value="approved_past",
            description=t("threshold.label", L),
            style=_STYLE,
            layout=_LAYOUT,
        )
        self.shared = _slider(0.5, THRESHOLDS, t("threshold.shared", L))
        self.per_group = w.Checkbox(
            value=False, description=t("threshold.per_group", L), indent=False
        )
        self.women = _slider(0.5, THRESHOLDS, t("threshold.women", L))
        self.men = _slider(0.5, THRESHOLDS, t("threshold.men", L))
        self.output = w.HTML()
        self.hint = w.HTML(f"<p class='etika-try'>{escape(t('threshold.try', L))}</p>")
        for c in (self.label, self.shared, self.per_group, self.women, self.men):
            c.observe(self._on_change, names="value")
        self.widget = w.VBox(
            [
                w.HTML(f"<h4>{escape(t('threshold.title', L))}</h4>"),
                self.hint,
                self.label,
                self.shared,
                self.per_group,
                self.women,
                self.men,
                self.output,
            ]
        )
        self.update()

    def _on_change(self, _change=None) -> None:
        self.update()

    def update(self) -> str:
        per_group = self.per_group.value
        self.women.disabled = self.men.disabled = not per_group
        self.shared.disabled = per_group
        tf = self.women.value if per_group else self.shared.value
        tm = self.men.value if per_group else self.shared.value
        label = self.label.value
        rows = {"female": self.rows[(label, tf, "female")], "male": self.rows[(label, tm, "male")]}
        gap = {m: abs(rows["female"][m] - rows["male"][m]) for m in self.metrics}
        L = self.lang
        html = (
            metrics_table_html(self.metrics, {**rows, "gap": gap}, L)
            + "<div class='etika-cms'>"
            + "".join(
                confusion_html(g, r["tp"], r["fp"], r["tn"], r["fn"], L) for g, r in rows.items()
            )
            + "</div>"
            + bar_chart_svg(self.metrics, rows, t("threshold.alt", L), L)
        )
        self.output.value = f"<div class='etika-demo-body'>{html}</div>"
        return self.output.value


class ProxyView:
    """With vs. without the gender column: threshold slider, checkbox to show both models."""

    def __init__(self, lang: str | None = None, table: pd.DataFrame | None = None):
        self.lang = lang or current_language()
        self.table = proxy_demo.proxy_table() if table is None else table
        self.rows = _index(self.table, ["model", "threshold", "group"])
        self.strength = proxy_demo.proxy_strength()
        L = self.lang
        self.threshold = _slider(0.5, THRESHOLDS, t("proxy.threshold", L))
        self.show_with = w.Checkbox(value=True, description=t("proxy.show_with", L), indent=False)
        self.output = w.HTML()
        for c in (self.threshold, self.show_with):
            c.observe(lambda _c: self.update(), names="value")
        s = self.strength
        self.widget = w.VBox(
            [
                w.HTML(f"<h4>{escape(t('proxy.title', L))}</h4>"),
                w.HTML(f"<p class='etika-try'>{escape(t('proxy.try', L))}</p>"),
                w.HTML(
                    "<p>"
                    + escape(
                        t(
                            "proxy.strength",
                            L,
                            accuracy=s["accuracy"],
                            auc=s["auc"],
                            majority=s["majority_accuracy"],
                        )
                    )
                    + "</p>"
                ),
                self.threshold,
                self.show_with,
                self.output,
            ]
        )
        self.update()

    def update(self) -> str:
        thr = self.threshold.value
        models = list(proxy_demo.MODELS) if self.show_with.value else ["without_gender"]
        L = self.lang
        tables, series = [], {}
        for m in models:
            f = self.rows[(m, thr, "female")]["selection_rate"]
            male = self.rows[(m, thr, "male")]["selection_rate"]
            vals = {
                "female": {"selection_rate": f},
                "male": {"selection_rate": male},
                "gap": {"selection_rate": male - f},
            }
            tables.append(
                f"<h5>{escape(t('proxy.' + m, L))}</h5>"
                + metrics_table_html(["selection_rate"], vals, L, extra=f' data-model="{m}"')
            )
            series[m] = vals
        chart_series = {
            g: {f"proxy.{m}": series[m][g]["selection_rate"] for m in models}
            for g in ("female", "male")
        }
        chart = bar_chart_svg_models(models, chart_series, t("proxy.alt", L), L)
        self.output.value = f"<div class='etika-demo-body'>{''.join(tables)}{chart}</div>"
        return self.output.value


def bar_chart_svg_models(models, chart_series, aria, lang):
    """Selection rate bars: one block per model, one bar per group."""
    from etika.demos import render

    metrics = [f"proxy.{m}" for m in models]
    # reuse the grouped-bar drawing with model names as the "metric" labels
    width, label_w, bar_h, gap = 320, 130, 12, 10
    height = len(metrics) * (2 * bar_h + gap) + 24
    plot_w = width - label_w - 40
    parts = [
        f'<svg class="etika-chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="{escape(aria)}" xmlns="http://www.w3.org/2000/svg"><title>{escape(aria)}'
        "</title>"
    ]
    for i, m in enumerate(metrics):
        y0 = i * (2 * bar_h + gap)
        parts.append(f'<text x="0" y="{y0 + bar_h}" font-size="10">{escape(t(m, lang))}</text>')
        for j, g in enumerate(("female", "male")):
            v = chart_series[g][m]
            y = y0 + j * bar_h
            parts.append(
                f'<rect x="{label_w}" y="{y}" width="{v * plot_w:.1f}" height="{bar_h - 2}" '
                f'fill="{render.COLOURS[g]}"/><text x="{label_w + v * plot_w + 3:.1f}" '
                f'y="{y + bar_h - 3}" font-size="9">{render.fmt(v)}</text>'
            )
    ly = height - 8
    for j, g in enumerate(("female", "male")):
        x = label_w + j * 90
        parts.append(
            f'<rect x="{x}" y="{ly - 8}" width="10" height="10" fill="{render.COLOURS[g]}"/>'
            f'<text x="{x + 14}" y="{ly + 1}" font-size="10">'
            f"{escape(render.group_label(g, lang))}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


class RepresentationView:
    """Rural share in training data: share slider and a measure dropdown."""

    metrics: ClassVar[list[str]] = ["error_rate", "fpr", "fnr", "accuracy"]

    def __init__(self, lang: str | None = None, table: pd.DataFrame | None = None):
        self.lang = lang or current_language()
        self.table = rep_demo.representation_table() if table is None else table
        self.rows = _index(self.table, ["rural_share", "group"])
        self.shares = sorted(self.table["rural_share"].unique().tolist())
        L = self.lang
        self.share = w.SelectionSlider(
            options=[(f"{100 * s:.0f}%", s) for s in self.shares],
            value=self.shares[0],
            description=t("representation.share", L),
            style=_STYLE,
            layout=_LAYOUT,
        )
        self.metric = w.Dropdown(
            options=[(t("metric." + m, L), m) for m in self.metrics],
            value="error_rate",
            description=t("representation.metric", L),
            style=_STYLE,
            layout=_LAYOUT,
        )
        self.output = w.HTML()
        for c in (self.share, self.metric):
            c.observe(lambda _c: self.update(), names="value")
        self.widget = w.VBox(
            [
                w.HTML(f"<h4>{escape(t('representation.title', L))}</h4>"),
                w.HTML(f"<p class='etika-try'>{escape(t('representation.try', L))}</p>"),
                self.share,
                self.metric,
                self.output,
            ]
        )
        self.update()

    def update(self) -> str:
        share, metric = self.share.value, self.metric.value
        L = self.lang
        rows = {g: self.rows[(share, g)] for g in ("urban", "rural")}
        table = metrics_table_html(self.metrics, rows, L)
        series = {g: [self.rows[(s, g)][metric] for s in self.shares] for g in ("urban", "rural")}
        chart = line_chart_svg(
            self.shares,
            series,
            share,
            t("representation.alt", L),
            t("metric." + metric, L),
            t("representation.share", L),
            L,
        )
        self.output.value = f"<div class='etika-demo-body'>{table}{chart}</div>"
        return self.output.value


_VIEWS = {"threshold": ThresholdView, "proxy": ProxyView, "representation": RepresentationView}


def build_widget(name: str, lang: str | None = None):
    """The view object for demo ``name`` (its ``.widget`` is what a notebook displays)."""
    try:
        view = _VIEWS[name]
    except KeyError:
        raise ValueError(f"unknown demo {name!r}; known demos: {', '.join(_VIEWS)}") from None
    return view(lang=lang)
