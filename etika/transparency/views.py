"""The transparency demos' two views: ipywidgets (live kernel) and static HTML (no kernel).

Both only look rows up in the demos' tables (:func:`etika.transparency.applicants.
applicant_table`, :func:`etika.transparency.global_explain.importance_table`,
:func:`etika.transparency.model_card.card_table`); ``etika/static/etika-demos-transparency.js``
draws the static view from the same rows, with the same layout as :func:`signed_bars_svg`.
"""

from __future__ import annotations

import math
from html import escape

import pandas as pd

from etika.demos.charts import (
    KERNEL_WIDTH,
    LINE,
    PAD,
    STATIC_WIDTH,
    _Svg,
    colour,
    text_width,
    wrap_text,
)
from etika.demos.render import fixed, fmt_rate, fmt_threshold, round_value
from etika.demos.static import _checkbox, _json_script, _range, _select, asset_paths
from etika.i18n import current_language, t
from etika.transparency import applicants as app_demo
from etika.transparency import global_explain as glob_demo
from etika.transparency import model_card as card_demo
from etika.transparency.lender import FAMILIES, INPUTS, SEEDS, THRESHOLD

__all__ = [
    "DEMOS",
    "CardView",
    "GlobalView",
    "LocalView",
    "build_widget",
    "demo_html",
    "signed_bars_svg",
]

DEMOS: tuple[str, ...] = ("explain_local", "explain_global", "model_card")
_STYLE = {"description_width": "initial"}
_LAYOUT = {"width": "100%", "max_width": "420px"}


def _lower_first(text: str) -> str:
    """A name inside a sentence ("Formal credit history" -> "formal credit history")."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def signed(value: float, lang: str | None, digits: int = 2) -> str:
    """A signed number: ``+0.21`` / ``−1.61`` (``+0,21`` in Indonesian)."""
    text = fixed(value, digits, lang)
    return text if text.startswith("\u2212") else "+" + text


def rupiah(value: int, lang: str | None) -> str:
    """``Rp4.500.000`` in both languages (Indonesian digit grouping)."""
    return "Rp" + f"{int(value):,}".replace(",", ".")


def signed_bars_svg(
    items: list[tuple[str, float, str]],
    aria_label: str,
    lang: str | None = None,
    width: float = KERNEL_WIDTH,
    title: str = "",
) -> str:
    """Diverging horizontal bars: per item its label on a line of its own, then a bar from a
    centre line (right = positive, ``urban`` colour; left = negative, ``rural`` colour) with
    the value text beside it. Same layout as ``signedBars`` in the JavaScript view."""
    svg = _Svg(width, aria_label, lang)
    y = svg.lines(0.0, wrap_text(title, width - 2 * PAD)) if title else 0.0
    peak = max([abs(v) for _, v, _ in items] + [1e-9])
    value_w = max(text_width(txt) for _, _, txt in items) + 6
    half = max(30.0, (width - 2 * value_w - 2 * PAD) / 2)
    mid = width / 2
    for label, value, txt in items:
        y = svg.lines(y, wrap_text(label, width - 2 * PAD))
        w = abs(value) / peak * half
        x = mid if value >= 0 else mid - w
        name = "urban" if value >= 0 else "rural"
        svg.parts.append(
            f'<rect x="{x:.1f}" y="{y + 2:.1f}" width="{w:.1f}" height="13" '
            f'style="fill:{colour(name)}"/>'
        )
        if value >= 0:
            svg.text(mid + w + 4, y + 12, txt)
        else:
            svg.text(mid - w - 4, y + 12, txt, "end")
        # The zero line, beside the bar only: it never crosses a label.
        svg.parts.append(
            f'<line x1="{mid:.1f}" y1="{y:.1f}" x2="{mid:.1f}" y2="{y + LINE:.1f}" '
            f'style="stroke:{colour("axis")}"/>'
        )
        y += LINE + 6
    return svg.render(y + 2)


def pd_value_text(feature: str, value: float, lang: str | None) -> str:
    """A partial-dependence grid value as a reader knows it (revenue in rupiah, not its log)."""
    if feature == "log_revenue":
        return rupiah(round(math.exp(value) / 10_000) * 10_000, lang)
    return fixed(value, 1, lang)


def _index(table: pd.DataFrame, keys: list[str]) -> dict[tuple, dict]:
    return {
        tuple(row[k] for k in keys): {k: round_value(v) for k, v in row.items()}
        for row in table.to_dict(orient="records")
    }


def _narrow(body: str) -> str:
    return f"<div class='etika-kernel' style='max-width:520px'>{body}</div>"


# --- demo 1: why was this application refused? ------------------------------------------


def change_text(row, applicant: app_demo.Applicant, lang: str | None) -> str:
    """The changes of a table row in words ("selling on a marketplace and waiting 1 year")."""
    parts = []
    if row["revenue_step"]:
        parts.append(
            t("explain_local.change.revenue", lang, amount=rupiah(row["revenue_idr"], lang))
        )
    if row["marketplace"] and not applicant.has_marketplace:
        parts.append(t("explain_local.change.marketplace", lang))
    if row["wait_years"] == 1:
        parts.append(t("explain_local.change.wait1", lang))
    elif row["wait_years"]:
        parts.append(t("explain_local.change.wait", lang, years=int(row["wait_years"])))
    joiner = " dan " if lang == "id" else " and "
    return ", ".join(parts[:-1]) + joiner + parts[-1] if len(parts) > 1 else parts[0]


def verdicts(table: pd.DataFrame, lang: str | None) -> dict[str, str]:
    """Per applicant, the sentence on the smallest change and on the immutable flip."""
    out = {}
    for a in app_demo.APPLICANTS:
        best = app_demo.smallest_change(table, a.key)
        if app_demo.present(table, a.key)["approved"]:
            text = t("explain_local.none_needed", lang, name=a.name)
        elif best is None:
            text = t("explain_local.none_found", lang, name=a.name)
        else:
            text = t("explain_local.smallest", lang, name=a.name, change=change_text(best, a, lang))
        if app_demo.immutable_flip(table, a.key):
            text += " " + t("explain_local.immutable_flip", lang, name=a.name)
        out[a.key] = text
    return out


class LocalView:
    """Applicant dropdown, revenue slider, marketplace and town checkboxes, waiting slider."""

    def __init__(self, lang: str | None = None, widgets: bool = True):
        self.lang = lang or current_language()
        self.table = app_demo.applicant_table()
        self.rows = _index(self.table, list(("applicant", *app_demo.CHANGE_COLUMNS)))
        self.verdicts = verdicts(self.table, self.lang)
        self.people = {a.key: a for a in app_demo.APPLICANTS}
        if not widgets:
            return
        import ipywidgets as w

        L = self.lang
        self.applicant = w.Dropdown(
            options=[(a.name, a.key) for a in app_demo.APPLICANTS],
            value="sari",
            description=t("explain_local.applicant", L),
            style=_STYLE,
            layout=_LAYOUT,
        )
        self.revenue = w.SelectionSlider(
            options=[
                (f"+{round(100 * (s - 1))}%", i) for i, s in enumerate(app_demo.REVENUE_STEPS)
            ],
            value=0,
            description=t("explain_local.revenue", L),
            style=_STYLE,
            layout=_LAYOUT,
        )
        self.marketplace = w.Checkbox(description=t("explain_local.marketplace", L), indent=False)
        self.wait = w.SelectionSlider(
            options=[(str(y), y) for y in app_demo.WAIT_YEARS],
            value=0,
            description=t("explain_local.wait", L),
            style=_STYLE,
            layout=_LAYOUT,
        )
        self.urban = w.Checkbox(description=t("explain_local.urban", L), indent=False)
        self.output = w.HTML()
        controls = (self.applicant, self.revenue, self.marketplace, self.wait, self.urban)
        for c in controls:
            c.observe(lambda _c: self.update(), names="value")
        self.widget = w.VBox(
            [
                _style_widget(),
                w.HTML(f"<h3>{escape(t('explain_local.title', L))}</h3>"),
                w.HTML(f"<p class='etika-try'>{escape(t('explain_local.try', L))}</p>"),
                *controls,
                self.output,
            ]
        )
        self.update()

    def update(self) -> str:
        self.output.value = _narrow(
            self.render(
                self.applicant.value,
                self.revenue.value,
                self.marketplace.value,
                self.wait.value,
                self.urban.value,
            )
        )
        return self.output.value

    def row(self, key="sari", step=0, marketplace=False, wait=0, urban=False) -> dict:
        return self.rows[(key, step, bool(marketplace), wait, bool(urban))]

    def status(self, key="sari", step=0, marketplace=False, wait=0, urban=False) -> str:
        r, L = self.row(key, step, marketplace, wait, urban), self.lang
        decision = t("explain_local.approved" if r["approved"] else "explain_local.refused", L)
        return t(
            "status.explain_local",
            L,
            name=self.people[key].name,
            score=fmt_threshold(r["score"], L),
            decision=decision.lower(),
        )

    def render(
        self, key="sari", step=0, marketplace=False, wait=0, urban=False, width=KERNEL_WIDTH
    ) -> str:
        """The demo body for these control values (pure: looks one row up)."""
        L, a = self.lang, self.people[key]
        r = self.row(key, step, marketplace, wait, urban)
        story = a.story_id if L == "id" else a.story_en
        decision = t("explain_local.approved" if r["approved"] else "explain_local.refused", L)
        items = []
        for col in INPUTS:
            label = t(f"feature.{col}", L)
            if col in app_demo.IMMUTABLE:
                label += f" ({t('explain_local.cannot', L)})"
            items.append((label, r[f"c_{col}"], signed(r[f"c_{col}"], L)))
        chart = signed_bars_svg(
            items, t("explain_local.alt", L), L, width, t("explain_local.contrib_title", L)
        )
        return (
            "<div class='etika-demo-body'>"
            f"<p class='etika-story'>{escape(story)}</p>"
            f"<p><strong>{escape(t('explain_local.score', L))}: "
            f"<span data-field='score'>{fmt_threshold(r['score'], L)}</span></strong>. "
            f"{escape(t('explain_local.decision', L))}: "
            f"<strong data-field='decision'>{escape(decision)}</strong>. "
            f"{escape(t('explain_local.threshold_note', L, t=fmt_threshold(THRESHOLD, L)))} "
            f"{escape(t('explain_local.revenue', L))}: {rupiah(r['revenue_idr'], L)}.</p>"
            f"<p data-field='verdict'>{escape(self.verdicts[key])}</p>"
            f"{chart}</div>"
        )


# --- demo 2: what does the model rely on? -------------------------------------------------


class GlobalView:
    """Model-family dropdown and seed slider over the importance table."""

    def __init__(self, lang: str | None = None, widgets: bool = True):
        self.lang = lang or current_language()
        self.table = glob_demo.importance_table()
        self.rows = _index(self.table, ["family", "seed", "feature"])
        self.pd = glob_demo.dependence_table()
        if not widgets:
            return
        import ipywidgets as w

        L = self.lang
        self.family = w.Dropdown(
            options=[(t(f"explain_global.family.{f}", L), f) for f in FAMILIES],
            value="logistic",
            description=t("explain_global.family", L),
            style=_STYLE,
            layout=_LAYOUT,
        )
        self.seed = w.SelectionSlider(
            options=[(str(s), s) for s in SEEDS],
            value=0,
            description=t("explain_global.seed", L),
            style=_STYLE,
            layout=_LAYOUT,
        )
        self.output = w.HTML()
        for c in (self.family, self.seed):
            c.observe(lambda _c: self.update(), names="value")
        self.widget = w.VBox(
            [
                _style_widget(),
                w.HTML(f"<h3>{escape(t('explain_global.title', L))}</h3>"),
                w.HTML(f"<p class='etika-try'>{escape(t('explain_global.try', L))}</p>"),
                self.family,
                self.seed,
                self.output,
            ]
        )
        self.update()

    def update(self) -> str:
        self.output.value = _narrow(self.render(self.family.value, self.seed.value))
        return self.output.value

    def ranked(self, family="logistic", seed=0) -> list[dict]:
        rows = [self.rows[(family, seed, f)] for f in INPUTS]
        return sorted(rows, key=lambda r: r["rank"])

    def status(self, family="logistic", seed=0) -> str:
        L, rows = self.lang, self.ranked(family, seed)
        names = [_lower_first(t(f"feature.{r['feature']}", L)) for r in rows[:3]]
        return t(
            "status.explain_global",
            L,
            family=t(f"explain_global.family.{family}", L),
            seed=seed,
            auc=fmt_threshold(rows[0]["auc"], L),
            first=names[0],
            second=names[1],
            third=names[2],
        )

    def render(self, family="logistic", seed=0, width=KERNEL_WIDTH) -> str:
        L, rows = self.lang, self.ranked(family, seed)
        acc = t(
            "explain_global.accuracy",
            L,
            accuracy=fmt_rate(rows[0]["accuracy"], L),
            auc=fmt_threshold(rows[0]["auc"], L),
        )
        head = "".join(
            f"<th scope='col'>{escape(t('explain_global.col.' + c, L))}</th>"
            for c in ("rank", "feature", "importance", "gender_auc")
        )
        body = "".join(
            f"<tr data-feature='{r['feature']}'><td>{r['rank']}</td>"
            f"<th scope='row'>{escape(t('feature.' + r['feature'], L))}</th>"
            f"<td>{fixed(r['importance'], 3, L)}</td><td>{fixed(r['gender_auc'], 2, L)}</td></tr>"
            for r in rows
        )
        table = (
            f"<table class='etika-metrics'><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>"
        )
        items = [
            (t("feature." + r["feature"], L), r["importance"], fixed(r["importance"], 3, L))
            for r in rows
        ]
        chart = signed_bars_svg(
            items, t("explain_global.alt", L), L, width, t("explain_global.chart_title", L)
        )
        top = rows[0]["feature"]
        pd_rows = self.pd[
            (self.pd["family"] == family) & (self.pd["seed"] == seed) & (self.pd["feature"] == top)
        ]
        pd_body = "".join(
            f"<tr><td>{pd_value_text(top, float(v), L)}</td><td>{fmt_threshold(s, L)}</td></tr>"
            for v, s in zip(pd_rows["value"], pd_rows["average_score"], strict=True)
        )
        pd_table = (
            f"<table class='etika-metrics'><caption>"
            f"{escape(t('explain_global.pd_title', L, feature=t('feature.' + top, L).lower()))}"
            f"</caption><thead><tr><th scope='col'>{escape(t('explain_global.pd.value', L))}</th>"
            f"<th scope='col'>{escape(t('explain_global.pd.score', L))}</th></tr></thead>"
            f"<tbody>{pd_body}</tbody></table>"
        )
        return (
            f"<div class='etika-demo-body'><p data-field='accuracy'>{escape(acc)}</p>"
            f"{table}{chart}{pd_table}</div>"
        )


# --- demo 3: a model card you can read ----------------------------------------------------


def card_texts(lang: str | None) -> dict[str, str]:
    """Each section's text with the chapter's numbers, in ``lang``."""
    f = card_demo.card_figures()
    L = lang
    fields = {
        "first": t(f"feature.{f['first']}", L).lower(),
        "second": t(f"feature.{f['second']}", L).lower(),
        "t": fmt_threshold(f["t"], L),
        "accuracy": fmt_rate(f["accuracy"], L),
        "auc": fmt_threshold(f["auc"], L),
        "history_female": fixed(f["history_female"], 1, L),
        "history_male": fixed(f["history_male"], 1, L),
        "n_train": f["n_train"],
        "n_test": f["n_test"],
    }
    out = {}
    for sec in card_demo.SECTIONS:
        text = t(f"model_card.text.{sec}", L)
        out[sec] = text.format(**{k: v for k, v in fields.items() if "{" + k + "}" in text})
    return out


def groups_table(lang: str | None) -> str:
    res = card_demo.group_results()
    L = lang
    keys = {
        "female": "common.women",
        "male": "common.men",
        "urban": "common.urban",
        "rural": "common.rural",
    }
    head = "".join(
        f"<th scope='col'>{escape(t('metric.' + m, L))}</th>"
        for m in ("selection_rate", "tpr", "base_rate")
    )
    body = "".join(
        f"<tr><th scope='row'>{escape(t(keys[g], L))}</th>"
        + "".join(
            f"<td>{fmt_rate(round_value(float(res.loc[g, m])), L)}</td>"
            for m in ("selection_rate", "tpr", "base_rate")
        )
        + "</tr>"
        for g in res.index
    )
    return (
        f"<table class='etika-metrics'><thead><tr><th scope='col'>"
        f"<span class='etika-sr'>{escape(t('common.group', L))}</span></th>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


class CardView:
    """Audience dropdown over the card table; a print button in the static view."""

    def __init__(self, lang: str | None = None, widgets: bool = True):
        self.lang = lang or current_language()
        self.table = card_demo.card_table()
        self.texts = card_texts(self.lang)
        if not widgets:
            return
        import ipywidgets as w

        L = self.lang
        self.audience = w.Dropdown(
            options=[(t(f"model_card.audience.{a}", L), a) for a in card_demo.AUDIENCES],
            value="applicant",
            description=t("model_card.audience", L),
            style=_STYLE,
            layout=_LAYOUT,
        )
        self.output = w.HTML()
        self.audience.observe(lambda _c: self.update(), names="value")
        self.widget = w.VBox(
            [
                _style_widget(),
                w.HTML(f"<h3>{escape(t('model_card.title', L))}</h3>"),
                w.HTML(f"<p class='etika-try'>{escape(t('model_card.try', L))}</p>"),
                self.audience,
                self.output,
            ]
        )
        self.update()

    def update(self) -> str:
        self.output.value = _narrow(self.render(self.audience.value))
        return self.output.value

    def sections(self, audience="applicant") -> list[str]:
        sub = self.table[(self.table["audience"] == audience) & self.table["shown"]]
        return sub.sort_values("order")["section"].tolist()

    def status(self, audience="applicant") -> str:
        L = self.lang
        return t(
            "status.model_card",
            L,
            audience=t(f"model_card.audience.{audience}", L),
            n=len(self.sections(audience)),
        )

    def render(self, audience="applicant", width=KERNEL_WIDTH) -> str:
        L = self.lang
        parts = []
        for sec in self.sections(audience):
            extra = groups_table(L) if sec == "groups" else ""
            parts.append(
                f"<section data-section='{sec}'>"
                f"<h4>{escape(t('model_card.section.' + sec, L))}</h4>"
                f"<p>{escape(self.texts[sec])}</p>{extra}</section>"
            )
        return (
            f"<div class='etika-demo-body'><article class='etika-card'>"
            f"<h4>{escape(t('model_card.heading', L))}</h4>{''.join(parts)}</article></div>"
        )


# --- both views ---------------------------------------------------------------------------


def _style_widget():
    import ipywidgets as w

    css = asset_paths()["css"].read_text(encoding="utf-8")
    return w.HTML(f"<style>{css}</style>")


_VIEWS = {"explain_local": LocalView, "explain_global": GlobalView, "model_card": CardView}


def build_widget(name: str, lang: str | None = None):
    """The kernel view of demo ``name`` (its ``.widget`` is what a notebook displays)."""
    try:
        return _VIEWS[name](lang=lang)
    except KeyError:
        raise ValueError(f"unknown demo {name!r}; known demos: {', '.join(_VIEWS)}") from None


def payload(name: str, lang: str | None = None) -> dict:
    """The JSON embedded in the static snippet: the demo's rows and every label it shows."""
    lang = lang or current_language()
    L = lang
    labels = {f"feature.{c}": t(f"feature.{c}", L) for c in INPUTS}
    if name == "explain_local":
        view = LocalView(L, widgets=False)
        cols = ["applicant", *app_demo.CHANGE_COLUMNS, "revenue_idr", "score", "approved"]
        cols += [f"c_{c}" for c in INPUTS]
        rows = [
            [round_value(v) for v in r] for r in view.table[cols].itertuples(index=False, name=None)
        ]
        labels |= {
            k: t(k, L)
            for k in (
                "explain_local.alt",
                "explain_local.contrib_title",
                "explain_local.cannot",
                "explain_local.score",
                "explain_local.decision",
                "explain_local.approved",
                "explain_local.refused",
                "explain_local.revenue",
            )
        }
        labels["threshold_note"] = t(
            "explain_local.threshold_note", L, t=fmt_threshold(THRESHOLD, L)
        )
        labels["status"] = t(
            "status.explain_local", L, name="{name}", score="{score}", decision="{decision}"
        )
        people = {
            a.key: {
                "name": a.name,
                "story": a.story_id if L == "id" else a.story_en,
                "verdict": view.verdicts[a.key],
            }
            for a in app_demo.APPLICANTS
        }
        return {
            "demo": name, "lang": L, "columns": cols, "rows": rows, "labels": labels,
            "people": people, "immutable": list(app_demo.IMMUTABLE), "inputs": list(INPUTS),
            "steps": list(app_demo.REVENUE_STEPS), "threshold": THRESHOLD,
        }  # fmt: skip
    if name == "explain_global":
        view = GlobalView(L, widgets=False)
        cols = ["family", "seed", "feature", "importance", "rank", "gender_auc", "accuracy", "auc"]
        rows = [
            [round_value(v) for v in r] for r in view.table[cols].itertuples(index=False, name=None)
        ]
        pd_cols = ["family", "seed", "feature", "value", "average_score"]
        pd_rows = [
            [round_value(float(v)) if i == 3 else round_value(v) for i, v in enumerate(r)]
            for r in view.pd[pd_cols].itertuples(index=False, name=None)
        ]
        for k in (
            "alt",
            "chart_title",
            "col.rank",
            "col.feature",
            "col.importance",
            "col.gender_auc",
            "pd.value",
            "pd.score",
        ):
            labels[k] = t(f"explain_global.{k}", L)
        for f in FAMILIES:
            labels[f"family.{f}"] = t(f"explain_global.family.{f}", L)
        labels["accuracy"] = t("explain_global.accuracy", L, accuracy="{accuracy}", auc="{auc}")
        labels["pd_title"] = t("explain_global.pd_title", L, feature="{feature}")
        labels["status"] = t(
            "status.explain_global",
            L,
            family="{family}",
            seed="{seed}",
            auc="{auc}",
            first="{first}",
            second="{second}",
            third="{third}",
        )
        return {
            "demo": name,
            "lang": L,
            "columns": cols,
            "rows": rows,
            "labels": labels,
            "pd_columns": pd_cols,
            "pd": pd_rows,
        }
    if name == "model_card":
        view = CardView(L, widgets=False)
        cols = ["audience", "section", "shown", "order"]
        rows = [list(r) for r in view.table[cols].itertuples(index=False, name=None)]
        for a in card_demo.AUDIENCES:
            labels[f"audience.{a}"] = t(f"model_card.audience.{a}", L)
        for s in card_demo.SECTIONS:
            labels[f"section.{s}"] = t(f"model_card.section.{s}", L)
        labels["heading"] = t("model_card.heading", L)
        labels["status"] = t("status.model_card", L, audience="{audience}", n="{n}")
        return {
            "demo": name,
            "lang": L,
            "columns": cols,
            "rows": rows,
            "labels": labels,
            "texts": view.texts,
            "groups": groups_table(L),
        }
    raise ValueError(f"unknown demo {name!r}; known demos: {', '.join(DEMOS)}")


# --- static snippets ----------------------------------------------------------------------


def _wrap(name: str, lang: str, controls: str, body: str, data: dict, extra: str = "") -> str:
    from etika.demos import static

    uid = f"etika-{name}-{next(static._counter)}"
    controls = controls.replace("{uid}", uid)
    return (
        f'<div class="etika-demo" data-demo="{name}" id="{uid}" lang="{lang}">'
        f"<h3>{escape(t(name + '.title', lang))}</h3>"
        f'<p class="etika-try">{escape(t(name + ".try", lang))}</p>'
        f'<form class="etika-controls" onsubmit="return false">{controls}</form>{extra}'
        '<p class="etika-sr etika-status" role="status" aria-live="polite" aria-atomic="true" '
        'data-status=""></p>'
        f'<div class="etika-demo-body">{body}</div>'
        f"{_json_script(data)}</div>"
    )


def _inner(html: str) -> str:
    """A view's body without its outer ``etika-demo-body`` div (the snippet has its own)."""
    start, end = "<div class='etika-demo-body'>", "</div>"
    assert html.startswith(start) and html.endswith(end)
    return html[len(start) : -len(end)]


def local_html(lang: str | None = None) -> str:
    """Static view of demo 1 (applicant, revenue, marketplace, waiting, town)."""
    lang = lang or current_language()
    view = LocalView(lang, widgets=False)
    steps = list(range(len(app_demo.REVENUE_STEPS)))
    step_text = {i: f"+{round(100 * (s - 1))}%" for i, s in enumerate(app_demo.REVENUE_STEPS)}
    controls = (
        _select(
            "{uid}",
            "applicant",
            t("explain_local.applicant", lang),
            [(a.key, a.name) for a in app_demo.APPLICANTS],
        )
        + _range(
            "{uid}",
            "revenue_step",
            t("explain_local.revenue", lang),
            steps,
            0,
            fmt=lambda i: step_text[int(i)],
        )
        + _checkbox("{uid}", "marketplace", t("explain_local.marketplace", lang))
        + _range(
            "{uid}",
            "wait_years",
            t("explain_local.wait", lang),
            list(app_demo.WAIT_YEARS),
            0,
            fmt=lambda y: str(int(y)),
        )
        + _checkbox("{uid}", "urban", t("explain_local.urban", lang))
    )
    data = payload("explain_local", lang)
    data["step_text"] = [step_text[i] for i in steps]
    return _wrap("explain_local", lang, controls, _inner(view.render(width=STATIC_WIDTH)), data)


def global_html(lang: str | None = None) -> str:
    """Static view of demo 2 (model family, seed)."""
    lang = lang or current_language()
    view = GlobalView(lang, widgets=False)
    controls = _select(
        "{uid}",
        "family",
        t("explain_global.family", lang),
        [(f, t(f"explain_global.family.{f}", lang)) for f in FAMILIES],
    ) + _range(
        "{uid}", "seed", t("explain_global.seed", lang), list(SEEDS), 0, fmt=lambda s: str(int(s))
    )
    return _wrap(
        "explain_global",
        lang,
        controls,
        _inner(view.render(width=STATIC_WIDTH)),
        payload("explain_global", lang),
    )


def card_html(lang: str | None = None) -> str:
    """Static view of demo 3 (audience) with a print button."""
    lang = lang or current_language()
    view = CardView(lang, widgets=False)
    controls = _select(
        "{uid}",
        "audience",
        t("model_card.audience", lang),
        [(a, t(f"model_card.audience.{a}", lang)) for a in card_demo.AUDIENCES],
    )
    button = (
        '<p><button type="button" class="etika-print" data-print="">'
        f"{escape(t('model_card.print', lang))}</button></p>"
    )
    return _wrap(
        "model_card",
        lang,
        controls,
        _inner(view.render()),
        payload("model_card", lang),
        extra=button,
    )


_BUILDERS = {"explain_local": local_html, "explain_global": global_html, "model_card": card_html}


def demo_html(name: str, lang: str | None = None) -> str:
    """The static snippet of transparency demo ``name``."""
    try:
        return _BUILDERS[name](lang=lang)
    except KeyError:
        raise ValueError(f"unknown demo {name!r}; known demos: {', '.join(_BUILDERS)}") from None
