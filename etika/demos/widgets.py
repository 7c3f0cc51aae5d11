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
from etika.demos.charts import (
    KERNEL_WIDTH,
    bar_blocks_svg,
    bar_chart_svg,
    histogram_svg,
    line_chart_svg,
)
from etika.demos.render import (
    confusion_html,
    fmt_pp,
    fmt_rate,
    fmt_threshold,
    metrics_table_html,
    round_value,
)
from etika.i18n import current_language, t

__all__ = ["ProxyView", "RepresentationView", "ThresholdView", "build_widget"]

_STYLE = {"description_width": "initial"}
# A dict, not a w.Layout: a module-level widget would be created (and its state saved into
# every built page) on import, even where no widget is ever shown.
_LAYOUT = {"width": "100%", "max_width": "420px"}


def _index(table: pd.DataFrame, keys: list[str]) -> dict[tuple, dict]:
    """Rows by key, with values rounded as the static view embeds them (same numbers)."""
    return {
        tuple(row[k] for k in keys): {k: round_value(v) for k, v in row.items()}
        for row in table.to_dict(orient="records")
    }


def proxy_strength_text(strength: dict[str, float], lang: str | None) -> str:
    """The proxy-strength sentence with numbers in the language's style."""
    return t(
        "proxy.strength_text",
        lang,
        accuracy=fmt_rate(strength["accuracy"], lang, digits=0),
        auc=fmt_threshold(strength["auc"], lang),
        majority=fmt_rate(strength["majority_accuracy"], lang, digits=0),
    )


def _slider(value: float, options, description: str, lang: str) -> w.SelectionSlider:
    return w.SelectionSlider(
        options=[(fmt_threshold(v, lang), v) for v in options],
        value=value,
        description=description,
        continuous_update=True,
        style=_STYLE,
        layout=_LAYOUT,
    )


def _narrow(body: str) -> str:
    # JupyterLab gives outputs the full notebook width; a phone-sized figure reads better.
    return f"<div class='etika-kernel' style='max-width:520px'>{body}</div>"


def _style() -> w.HTML:
    """The demos' stylesheet, once per view: its colours follow JupyterLab's dark theme."""
    from etika.demos.static import asset_paths

    css = asset_paths()["css"].read_text(encoding="utf-8")
    return w.HTML(f"<style>{css}</style>")


def _lower_first(text: str) -> str:
    """A measure's name inside a sentence ("Error rate" -> "error rate"; "TPR" stays)."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


class ThresholdView:
    """Threshold explorer: shared threshold, optional per-group thresholds, label dropdown."""

    metrics: ClassVar[list[str]] = ["selection_rate", "tpr", "fpr", "precision"]

    def __init__(
        self, lang: str | None = None, table: pd.DataFrame | None = None, widgets: bool = True
    ):
        self.lang = lang or current_language()
        self.table = thr_demo.threshold_table() if table is None else table
        self.rows = _index(self.table, ["label", "threshold", "group"])
        self.hist = thr_demo.histogram_shares()
        if not widgets:  # the static view only renders; see etika.demos.static
            return
        L = self.lang
        self.label = w.Dropdown(
            options=[(t(f"threshold.label.{x}", L), x) for x in thr_demo.LABELS],
            value="approved_past",
            description=t("threshold.label", L),
            style=_STYLE,
            layout=_LAYOUT,
        )
        self.shared = _slider(0.5, THRESHOLDS, t("threshold.shared", L), L)
        self.per_group = w.Checkbox(
            value=False, description=t("threshold.per_group", L), indent=False
        )
        self.women = _slider(0.5, THRESHOLDS, t("threshold.women", L), L)
        self.men = _slider(0.5, THRESHOLDS, t("threshold.men", L), L)
        self.output = w.HTML()
        self.hint = w.HTML(f"<p class='etika-try'>{escape(t('threshold.try', L))}</p>")
        for c in (self.label, self.shared, self.per_group, self.women, self.men):
            c.observe(self._on_change, names="value")
        self.widget = w.VBox(
            [
                _style(),
                w.HTML(f"<h3>{escape(t('threshold.title', L))}</h3>"),
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
        self.output.value = _narrow(self.render(self.label.value, tf, tm, per_group))
        return self.output.value

    def _rows(self, label: str, tf: float, tm: float):
        rows = {"female": self.rows[(label, tf, "female")], "male": self.rows[(label, tm, "male")]}
        gap = {m: _abs_gap(rows["female"][m], rows["male"][m]) for m in self.metrics}
        return rows, gap

    def status(
        self, label: str = "approved_past", tf: float = 0.5, tm: float = 0.5, per_group=False
    ) -> str:
        """The short sentence the static view's live region speaks for these control values."""
        rows, gap = self._rows(label, tf, tm)
        L, m = self.lang, "selection_rate"
        values = {
            "f": fmt_rate(rows["female"][m], L),
            "m": fmt_rate(rows["male"][m], L),
            "gap": fmt_pp(gap[m], L),
        }
        if per_group:
            return t(
                "status.threshold.per_group",
                L,
                tf=fmt_threshold(tf, L),
                tm=fmt_threshold(tm, L),
                **values,
            )
        return t("status.threshold.shared", L, t=fmt_threshold(tf, L), **values)

    def render(
        self,
        label: str = "approved_past",
        tf: float = 0.5,
        tm: float = 0.5,
        per_group=False,
        width: float = KERNEL_WIDTH,
    ) -> str:
        """The demo body for these control values (pure: no widget is read or created)."""
        rows, gap = self._rows(label, tf, tm)
        L = self.lang
        lines = {"female": tf, "male": tm} if per_group else {"shared": tf}
        html = (
            histogram_svg(self.hist["shares"][label], lines, L, width=width)
            + metrics_table_html(self.metrics, {**rows, "gap": gap}, L)
            + "<div class='etika-cms'>"
            + "".join(
                confusion_html(g, r["tp"], r["fp"], r["tn"], r["fn"], L) for g, r in rows.items()
            )
            + "</div>"
            + bar_chart_svg(self.metrics, rows, t("threshold.alt", L), L, width)
        )
        return f"<div class='etika-demo-body'>{html}</div>"


def _diff(a, b):
    """``a - b``, or ``None`` when either is undefined (as in ``etika-demos.js``)."""
    return None if a is None or b is None else a - b


def _abs_gap(a, b):
    d = _diff(a, b)
    return None if d is None else abs(d)


class ProxyView:
    """With vs. without the gender column: threshold slider, checkbox to show both models."""

    def __init__(
        self, lang: str | None = None, table: pd.DataFrame | None = None, widgets: bool = True
    ):
        self.lang = lang or current_language()
        self.table = proxy_demo.proxy_table() if table is None else table
        self.rows = _index(self.table, ["model", "threshold", "group"])
        self.strength = proxy_demo.proxy_strength()
        if not widgets:
            return
        L = self.lang
        self.threshold = _slider(0.5, THRESHOLDS, t("proxy.threshold", L), L)
        self.show_with = w.Checkbox(value=True, description=t("proxy.show_with", L), indent=False)
        self.output = w.HTML()
        for c in (self.threshold, self.show_with):
            c.observe(lambda _c: self.update(), names="value")
        s = self.strength
        self.widget = w.VBox(
            [
                _style(),
                w.HTML(f"<h3>{escape(t('proxy.title', L))}</h3>"),
                w.HTML(f"<p class='etika-try'>{escape(t('proxy.try', L))}</p>"),
                w.HTML(f"<p>{escape(proxy_strength_text(s, L))}</p>"),
                self.threshold,
                self.show_with,
                self.output,
            ]
        )
        self.update()

    def update(self) -> str:
        self.output.value = _narrow(self.render(self.threshold.value, self.show_with.value))
        return self.output.value

    def status(self, thr: float = 0.5, show_with: bool = True) -> str:
        """The short sentence the static view's live region speaks for these control values."""
        L = self.lang
        gaps = {
            m: fmt_pp(
                _diff(
                    self.rows[(m, thr, "male")]["selection_rate"],
                    self.rows[(m, thr, "female")]["selection_rate"],
                ),
                L,
            )
            for m in proxy_demo.MODELS
        }
        key = "status.proxy.both" if show_with else "status.proxy.without"
        return t(key, L, t=fmt_threshold(thr, L), **gaps)

    def render(self, thr: float = 0.5, show_with: bool = True, width=KERNEL_WIDTH) -> str:
        """The demo body for these control values (pure: no widget is read or created)."""
        models = list(proxy_demo.MODELS) if show_with else ["without_gender"]
        L = self.lang
        tables, series = [], {}
        for m in models:
            f = self.rows[(m, thr, "female")]["selection_rate"]
            male = self.rows[(m, thr, "male")]["selection_rate"]
            vals = {
                "female": {"selection_rate": f},
                "male": {"selection_rate": male},
                "gap": {"selection_rate": _diff(male, f)},
            }
            tables.append(
                f"<h4>{escape(t('proxy.' + m, L))}</h4>"
                + metrics_table_html(["selection_rate"], vals, L, extra=f' data-model="{m}"')
            )
            series[m] = vals
        chart_series = {
            g: {f"proxy.{m}": series[m][g]["selection_rate"] for m in models}
            for g in ("female", "male")
        }
        chart = bar_chart_svg_models(models, chart_series, t("proxy.alt", L), L, width)
        return f"<div class='etika-demo-body'>{''.join(tables)}{chart}</div>"


def bar_chart_svg_models(models, chart_series, aria, lang, width=KERNEL_WIDTH):
    """Selection-rate bars: one block per model (with / without gender), one bar per group."""
    blocks = [
        (t(f"proxy.{m}", lang), {g: chart_series[g][f"proxy.{m}"] for g in ("female", "male")})
        for m in models
    ]
    return bar_blocks_svg(blocks, ["female", "male"], aria, lang, width)


class RepresentationView:
    """Rural share in training data: share slider and a measure dropdown."""

    metrics: ClassVar[list[str]] = ["error_rate", "fpr", "fnr", "accuracy"]

    def __init__(
        self, lang: str | None = None, table: pd.DataFrame | None = None, widgets: bool = True
    ):
        self.lang = lang or current_language()
        self.table = rep_demo.representation_table() if table is None else table
        self.rows = _index(self.table, ["rural_share", "group"])
        self.shares = sorted(self.table["rural_share"].unique().tolist())
        if not widgets:
            return
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
                _style(),
                w.HTML(f"<h3>{escape(t('representation.title', L))}</h3>"),
                w.HTML(f"<p class='etika-try'>{escape(t('representation.try', L))}</p>"),
                self.share,
                self.metric,
                self.output,
            ]
        )
        self.update()

    def update(self) -> str:
        self.output.value = _narrow(self.render(self.share.value, self.metric.value))
        return self.output.value

    def status(self, share: float | None = None, metric: str = "error_rate") -> str:
        """The short sentence the static view's live region speaks for these control values."""
        share = self.shares[0] if share is None else share
        L = self.lang
        return t(
            "status.representation",
            L,
            share=f"{100 * share:.0f}%",
            metric=_lower_first(t("metric." + metric, L)),
            rural=fmt_rate(self.rows[(share, "rural")][metric], L),
            urban=fmt_rate(self.rows[(share, "urban")][metric], L),
        )

    def render(
        self, share: float | None = None, metric: str = "error_rate", width=KERNEL_WIDTH
    ) -> str:
        """The demo body for these control values (pure: no widget is read or created)."""
        share = self.shares[0] if share is None else share
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
            width,
        )
        return f"<div class='etika-demo-body'>{table}{chart}</div>"


_VIEWS = {"threshold": ThresholdView, "proxy": ProxyView, "representation": RepresentationView}


def build_widget(name: str, lang: str | None = None):
    """The view object for demo ``name`` (its ``.widget`` is what a notebook displays)."""
    try:
        view = _VIEWS[name]
    except KeyError:
        raise ValueError(f"unknown demo {name!r}; known demos: {', '.join(_VIEWS)}") from None
    return view(lang=lang)
