"""The privacy demos' two views: ipywidgets (live kernel) and static HTML (no kernel).

Both draw a control setting's body with the same function (:meth:`LinkageView.render`,
:meth:`NoiseView.render`), looking one row up in the demo's table. The static snippet embeds
the rendered body and status of every setting of the (small) grid, keyed by the controls'
values, so ``etika/static/etika-demos-privacy.js`` only picks the cell: the two views cannot
disagree.
"""

from __future__ import annotations

import itertools
from html import escape

from etika.demos.render import fixed, fmt_rate
from etika.demos.static import _checkbox, _json_script, _range, _select, asset_paths
from etika.i18n import current_language, t
from etika.privacy import linkage, membership, noise

__all__ = ["DEMOS", "LinkageView", "MembershipView", "NoiseView", "build_widget", "demo_html"]

DEMOS: tuple[str, ...] = ("linkage", "dp_noise", "membership")
_STYLE = {"description_width": "initial"}
_LAYOUT = {"width": "100%", "max_width": "420px"}


def bar_width(share: float) -> str:
    return f"{max(0.0, min(1.0, share)) * 100:.1f}"


def _bar(width: str) -> str:
    # A bar beside the number, for the eye only: the number is in the cell's text.
    return (
        "<span class='etika-privacy-bar' aria-hidden='true'>"
        f"<span style='width:{width}%'></span></span>"
    )


def _table(rows: list[tuple[str, str, str | None]], head: tuple[str, str]) -> str:
    body = "".join(
        f"<tr><th scope='row'>{escape(label)}</th><td data-field='{i}'>{escape(value)}"
        f"{_bar(share) if share is not None else ''}</td></tr>"  # share: the bar's width
        for i, (label, value, share) in enumerate(rows)
    )
    return (
        "<table class='etika-metrics etika-privacy'><thead><tr>"
        f"<th scope='col'>{escape(head[0])}</th><th scope='col'>{escape(head[1])}</th>"
        f"</tr></thead><tbody>{body}</tbody></table>"
    )


class LinkageView:
    """Age and place dropdowns; occupation, household-size and withholding checkboxes."""

    def __init__(self, lang: str | None = None, widgets: bool = True):
        self.lang = lang or current_language()
        self.table = linkage.linkage_table()
        self.rows = {
            tuple(r[c] for c in linkage.GRID_COLUMNS): r
            for r in self.table.to_dict(orient="records")
        }
        if not widgets:
            return
        import ipywidgets as w

        L = self.lang
        self.age = w.Dropdown(
            options=[(t(f"linkage.age.{a}", L), a) for a in linkage.AGE_LEVELS],
            description=t("linkage.age", L), style=_STYLE, layout=_LAYOUT,
        )  # fmt: skip
        self.place = w.Dropdown(
            options=[(t(f"linkage.place.{p}", L), p) for p in linkage.PLACE_LEVELS],
            description=t("linkage.place", L), style=_STYLE, layout=_LAYOUT,
        )  # fmt: skip
        self.occupation = w.Checkbox(
            value=True, description=t("linkage.occupation", L), indent=False
        )
        self.household = w.Checkbox(
            value=True, description=t("linkage.household_size", L), indent=False
        )
        self.suppress = w.Checkbox(value=False, description=t("linkage.suppress", L), indent=False)
        self.output = w.HTML()
        controls = (self.age, self.place, self.occupation, self.household, self.suppress)
        for c in controls:
            c.observe(lambda _c: self.update(), names="value")
        self.widget = w.VBox([_style_widget(), _heading("linkage", L), *controls, self.output])
        self.update()

    def update(self) -> str:
        self.output.value = self.render(
            self.age.value, self.place.value, self.occupation.value, self.household.value,
            self.suppress.value,
        )  # fmt: skip
        return self.output.value

    def row(self, age="exact", place="village", occupation=True, household=True, suppress=False):
        return self.rows[(age, place, bool(occupation), bool(household), bool(suppress))]

    def status(self, *args, **kwargs) -> str:
        r = self.row(*args, **kwargs)
        n = len(linkage.beneficiaries())
        return t("status.linkage", self.lang, k=r["k"], reid=r["reidentified"], n=n,
                 withheld=r["withheld"])  # fmt: skip

    def values(self, *args, **kwargs) -> list[str]:
        """The strings this setting fills into the body (numbers, bar widths)."""
        L, r = self.lang, self.row(*args, **kwargs)
        n = len(linkage.beneficiaries())
        if r["n"] == 0:
            return [f"{r['withheld']} / {n}"]
        return [
            str(r["k"]),
            f"{r['reidentified']} / {n} ({fmt_rate(r['reidentified_share'], L)})",
            bar_width(r["reidentified_share"]),
            fmt_rate(r["unique_share"], L),
            bar_width(r["unique_share"]),
            str(r["l"]),
            fmt_rate(r["disclosed_share"], L),
            bar_width(r["disclosed_share"]),
            f"{r['withheld']} / {n}",
            bar_width(r["withheld_share"]),
            fixed(r["mean_group"], 1, L),
            t("common.yes" if r["elderly_by_village"] else "common.no", L),
        ]

    def body(self, values: list[str]) -> str:
        """The body around ``values`` (one list per setting; a shorter one: nothing published)."""
        L = self.lang
        head = (t("linkage.col.measure", L), t("linkage.col.value", L))
        if len(values) == 1:
            rows = [(t("linkage.withheld", L), values[0], "100.0")]
            return (
                f"<div class='etika-demo-body'><p data-field='nothing'>"
                f"{escape(t('linkage.nothing', L))}</p>{_table(rows, head)}</div>"
            )
        v = values
        rows = [
            (t("linkage.k", L), v[0], None),
            (t("linkage.reidentified", L), v[1], v[2]),
            (t("linkage.unique", L), v[3], v[4]),
            (t("linkage.l", L), v[5], None),
            (t("linkage.disclosed", L), v[6], v[7]),
            (t("linkage.withheld", L), v[8], v[9]),
            (t("linkage.mean_group", L), v[10], None),
            (t("linkage.elderly", L), v[11], None),
        ]
        return f"<div class='etika-demo-body'>{_table(rows, head)}</div>"

    def render(self, *args, **kwargs) -> str:
        """The demo body for these control values (pure: looks one row up)."""
        return self.body(self.values(*args, **kwargs))


def eps_text(i: int, lang: str | None) -> str:
    eps = noise.EPSILONS[i]
    return t("dp_noise.none", lang) if eps is None else fixed(eps, 2, lang)


class NoiseView:
    """One ε slider over the noise table."""

    def __init__(self, lang: str | None = None, widgets: bool = True):
        self.lang = lang or current_language()
        self.table = noise.noise_table()
        self.rows = self.table.to_dict(orient="records")
        if not widgets:
            return
        import ipywidgets as w

        L = self.lang
        self.epsilon = w.SelectionSlider(
            options=[(eps_text(i, L), i) for i in range(len(noise.EPSILONS))],
            value=noise.EPSILONS.index(1.0),
            description=t("dp_noise.epsilon", L), style=_STYLE, layout=_LAYOUT,
        )  # fmt: skip
        self.output = w.HTML()
        self.epsilon.observe(lambda _c: self.update(), names="value")
        self.widget = w.VBox([_style_widget(), _heading("dp_noise", L), self.epsilon, self.output])
        self.update()

    def update(self) -> str:
        self.output.value = self.render(self.epsilon.value)
        return self.output.value

    def status(self, i: int) -> str:
        r, L = self.rows[i], self.lang
        return t("status.dp_noise", L, eps=eps_text(i, L), error=fixed(r["expected_error"], 1, L),
                 attack=fmt_rate(r["attack_success"], L))  # fmt: skip

    def values(self, i: int) -> list[str]:
        r, L = self.rows[i], self.lang
        out = [
            fixed(r["expected_error"], 1, L),
            fmt_rate(r["off_by_3_share"], L),
            bar_width(r["off_by_3_share"]),
            fmt_rate(r["attack_success"], L),
            bar_width(r["attack_success"]),
            fmt_rate(r["attack_bound"], L),
            bar_width(r["attack_bound"]),
        ]
        return out + [str(max(0, r["example_" + v])) for v in noise.VILLAGES]

    def body(self, v: list[str]) -> str:
        L = self.lang
        rows = [
            (t("dp_noise.error", L), v[0], None),
            (t("dp_noise.off3", L), v[1], v[2]),
            (t("dp_noise.attack", L), v[3], v[4]),
            (t("dp_noise.bound", L), v[5], v[6]),
        ]
        head = (t("linkage.col.measure", L), t("linkage.col.value", L))
        true = noise.true_counts()
        villages = "".join(
            f"<tr><th scope='row'>{escape(name)}</th><td>{int(true[name])}</td>"
            f"<td>{v[7 + j]}</td></tr>"
            for j, name in enumerate(noise.VILLAGES)
        )
        example = (
            f"<table class='etika-metrics etika-privacy'><caption>"
            f"{escape(t('dp_noise.table_caption', L))}</caption><thead><tr>"
            f"<th scope='col'>{escape(t('dp_noise.village', L))}</th>"
            f"<th scope='col'>{escape(t('dp_noise.true', L))}</th>"
            f"<th scope='col'>{escape(t('dp_noise.published', L))}</th></tr></thead>"
            f"<tbody>{villages}</tbody></table>"
        )
        return f"<div class='etika-demo-body'>{_table(rows, head)}{example}</div>"

    def render(self, i: int) -> str:
        """The demo body for the ``i``-th ε of the grid (pure: looks one row up)."""
        return self.body(self.values(i))


def depth_text(i: int, lang: str | None) -> str:
    depth = membership.DEPTHS[i]
    return t("membership.no_limit", lang) if depth is None else str(depth)


class MembershipView:
    """One slider over the tree's depth limit."""

    START = membership.DEPTHS.index(2)

    def __init__(self, lang: str | None = None, widgets: bool = True):
        self.lang = lang or current_language()
        self.rows = membership.membership_table().to_dict(orient="records")
        if not widgets:
            return
        import ipywidgets as w

        L = self.lang
        self.depth = w.SelectionSlider(
            options=[(depth_text(i, L), i) for i in range(len(membership.DEPTHS))],
            value=self.START, description=t("membership.depth", L), style=_STYLE, layout=_LAYOUT,
        )  # fmt: skip
        self.output = w.HTML()
        self.depth.observe(lambda _c: self.update(), names="value")
        self.widget = w.VBox([_style_widget(), _heading("membership", L), self.depth, self.output])
        self.update()

    def update(self) -> str:
        self.output.value = self.render(self.depth.value)
        return self.output.value

    def status(self, i: int) -> str:
        r, L = self.rows[i], self.lang
        return t(
            "status.membership",
            L,
            depth=depth_text(i, L),
            test=fmt_rate(r["test_accuracy"], L),
            attack=fmt_rate(r["attack_accuracy"], L),
        )

    def values(self, i: int) -> list[str]:
        r, L = self.rows[i], self.lang
        out = []
        for col in ("train_accuracy", "test_accuracy", "baseline_accuracy", "attack_accuracy"):
            out += [fmt_rate(r[col], L), bar_width(r[col])]
        return [*out, str(round(r["leaves"]))]

    def body(self, v: list[str]) -> str:
        L = self.lang
        rows = [
            (t("membership.train", L), v[0], v[1]),
            (t("membership.test", L), v[2], v[3]),
            (t("membership.baseline", L), v[4], v[5]),
            (t("membership.attack", L), v[6], v[7]),
            (t("membership.leaves", L), v[8], None),
        ]
        head = (t("linkage.col.measure", L), t("linkage.col.value", L))
        return f"<div class='etika-demo-body'>{_table(rows, head)}</div>"

    def render(self, i: int) -> str:
        """The demo body for the ``i``-th depth of the grid (pure: looks one row up)."""
        return self.body(self.values(i))


def _heading(name: str, lang: str):
    import ipywidgets as w

    return w.HTML(
        f"<h3>{escape(t(name + '.title', lang))}</h3>"
        f"<p class='etika-try'>{escape(t(name + '.try', lang))}</p>"
    )


def _style_widget():
    import ipywidgets as w

    css = asset_paths()["css"].read_text(encoding="utf-8")
    return w.HTML(f"<style>{css}</style>")


_VIEWS = {"linkage": LinkageView, "dp_noise": NoiseView, "membership": MembershipView}


def build_widget(name: str, lang: str | None = None):
    """The kernel view of demo ``name`` (its ``.widget`` is what a notebook displays)."""
    try:
        return _VIEWS[name](lang=lang)
    except KeyError:
        raise ValueError(f"unknown demo {name!r}; known demos: {', '.join(_VIEWS)}") from None


def _inner(html: str) -> str:
    start, end = "<div class='etika-demo-body'>", "</div>"
    assert html.startswith(start) and html.endswith(end)
    return html[len(start) : -len(end)]


def _wrap(name: str, lang: str, controls: str, body: str, data: dict) -> str:
    from etika.demos import static

    uid = f"etika-{name}-{next(static._counter)}"
    return (
        f'<div class="etika-demo" data-demo="{name}" id="{uid}" lang="{lang}">'
        f"<h3>{escape(t(name + '.title', lang))}</h3>"
        f'<p class="etika-try">{escape(t(name + ".try", lang))}</p>'
        f'<form class="etika-controls" onsubmit="return false">{controls.replace("{uid}", uid)}'
        "</form>"
        '<p class="etika-sr etika-status" role="status" aria-live="polite" aria-atomic="true" '
        'data-status=""></p>'
        f'<div class="etika-demo-body">{body}</div>{_json_script(data)}</div>'
    )


def slots(n: int) -> list[str]:
    """Placeholders ``@@0@@``, ``@@1@@``, ...: the static view fills a setting's values in."""
    return [f"@@{i}@@" for i in range(n)]


def fill(template: str, values: list[str]) -> str:
    """What the static view's script does with a template and one setting's values."""
    import re

    return re.sub(r"@@(\d+)@@", lambda m: values[int(m.group(1))], template)


def _bit(v: bool) -> str:
    return "1" if v else "0"


def linkage_html(lang: str | None = None) -> str:
    """Static view of demo 1: every setting's body and status, keyed by the controls."""
    L = lang or current_language()
    view = LinkageView(L, widgets=False)
    controls = (
        _select("{uid}", "age", t("linkage.age", L),
                [(a, t(f"linkage.age.{a}", L)) for a in linkage.AGE_LEVELS])
        + _select("{uid}", "place", t("linkage.place", L),
                  [(p, t(f"linkage.place.{p}", L)) for p in linkage.PLACE_LEVELS])
        + _checkbox("{uid}", "occupation", t("linkage.occupation", L), checked=True)
        + _checkbox("{uid}", "household_size", t("linkage.household_size", L), checked=True)
        + _checkbox("{uid}", "suppress", t("linkage.suppress", L))
    )  # fmt: skip
    cells = {}
    for a, p, o, h, s in itertools.product(
        linkage.AGE_LEVELS, linkage.PLACE_LEVELS, (True, False), (True, False), (True, False)
    ):
        key = "|".join((a, p, _bit(o), _bit(h), _bit(s)))
        cells[key] = [view.values(a, p, o, h, s), view.status(a, p, o, h, s)]
    data = {
        # etika-demos.js reads "columns" and "rows" for every demo; these pick whole cells.
        "demo": "linkage", "lang": L, "keys": list(linkage.GRID_COLUMNS), "cells": cells,
        "columns": [], "rows": [], "labels": {},
        "templates": {n: _inner(view.body(slots(n))) for n in (1, 12)},
    }  # fmt: skip
    return _wrap("linkage", L, controls, _inner(view.render()), data)


def noise_html(lang: str | None = None) -> str:
    """Static view of demo 2: every ε's body and status."""
    L = lang or current_language()
    view = NoiseView(L, widgets=False)
    idx = list(range(len(noise.EPSILONS)))
    start = noise.EPSILONS.index(1.0)
    controls = _range("{uid}", "epsilon", t("dp_noise.epsilon", L), idx, start,
                      fmt=lambda i: eps_text(int(i), L))  # fmt: skip
    texts = [eps_text(i, L) for i in idx]
    cells = {str(i): [view.values(i), view.status(i)] for i in idx}
    n = len(view.values(0))
    data = {
        "demo": "dp_noise", "lang": L, "keys": ["epsilon"], "cells": cells, "texts": texts,
        "columns": [], "rows": [], "labels": {},
        "templates": {n: _inner(view.body(slots(n)))},
    }  # fmt: skip
    return _wrap("dp_noise", L, controls, _inner(view.render(start)), data)


def membership_html(lang: str | None = None) -> str:
    """Static view of demo 3: every depth's body and status."""
    L = lang or current_language()
    view = MembershipView(L, widgets=False)
    idx = list(range(len(membership.DEPTHS)))
    controls = _range("{uid}", "depth", t("membership.depth", L), idx, view.START,
                      fmt=lambda i: depth_text(int(i), L))  # fmt: skip
    n = len(view.values(0))
    data = {
        "demo": "membership", "lang": L, "keys": ["depth"],
        "cells": {str(i): [view.values(i), view.status(i)] for i in idx},
        "texts": [depth_text(i, L) for i in idx], "columns": [], "rows": [], "labels": {},
        "templates": {n: _inner(view.body(slots(n)))},
    }  # fmt: skip
    return _wrap("membership", L, controls, _inner(view.render(view.START)), data)


_BUILDERS = {"linkage": linkage_html, "dp_noise": noise_html, "membership": membership_html}


def demo_html(name: str, lang: str | None = None) -> str:
    """The static snippet of privacy demo ``name``."""
    try:
        return _BUILDERS[name](lang=lang)
    except KeyError:
        raise ValueError(f"unknown demo {name!r}; known demos: {', '.join(_BUILDERS)}") from None
