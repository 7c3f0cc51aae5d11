"""Datasheet pages for the scenario generators, written from the generators' own records.

A datasheet (Gebru et al., 2021, "Datasheets for Datasets", *Communications of the ACM*
64(12)) says why a data set exists, what is in it, how it was made and what it should not be
used for. Here the text comes from each generator's ``DATASHEET`` and ``PLANTED_BIASES`` and the
figures are measured on freshly generated data, so the page cannot drift from the code.
"""

from __future__ import annotations

import pandas as pd

from etika.data import datasheet, load_scenario, planted_biases
from etika.demos.render import fixed, fmt_rate
from etika.i18n import current_language, t

#: Per scenario: the true outcome, the past decision (biased label), the feature carrying
#: historical bias, and the default sample size.
SCENARIO_COLUMNS = {
    "microcredit": {
        "outcome": "repaid",
        "decision": "approved_past",
        "history": "credit_history_years",
    },
    "training_selection": {
        "outcome": "completed",
        "decision": "selected_past",
        "history": "caregiving_gap_years",
    },
}
SECTIONS = ("motivation", "composition", "collection", "uses")


def group_summary(name: str, seed: int = 0) -> pd.DataFrame:
    """Measured evidence of the planted biases: one row per gender and per area."""
    cols = SCENARIO_COLUMNS[name]
    df = load_scenario(name, seed=seed)
    rows = []
    for column in ("gender", "area"):
        for group, part in df.groupby(column, observed=True):
            rows.append(
                {
                    "column": column,
                    "group": str(group),
                    "count": len(part),
                    "share": len(part) / len(df),
                    "outcome_rate": part[cols["outcome"]].mean(),
                    "decision_rate": part[cols["decision"]].mean(),
                    "history_mean": part[cols["history"]].mean(),
                }
            )
    return pd.DataFrame(rows)


def _group_name(group: str, lang: str) -> str:
    return t(f"data.group.{group}", lang)


def datasheet_markdown(name: str, lang: str | None = None, seed: int = 0) -> str:
    """The body of the datasheet page for scenario ``name`` in ``lang``, as Markdown."""
    lang = lang or current_language()
    cols = SCENARIO_COLUMNS[name]
    sheet = datasheet(name)
    parts = []
    for section in SECTIONS:
        parts.append(f"## {t(f'data.section.{section}', lang)}\n\n{sheet[section][lang]}\n")
    parts.append(f"## {t('data.section.biases', lang)}\n")
    # A caption names each table for screen readers; its anchor link also lets a keyboard
    # reach the table and scroll it when it is wider than a phone.
    parts.append(f":::{{table}} {t('data.caption.biases', lang)}\n:align: left\n")
    parts.append(
        f"| {t('data.bias.kind', lang)} | {t('data.bias.column', lang)} | "
        f"{t('data.bias.description', lang)} |\n|---|---|---|"
    )
    for bias in planted_biases(name):
        parts.append(
            f"| {t('data.kind.' + bias['kind'], lang)} | `{bias['column']}` | "
            f"{bias['description_' + lang]} |"
        )
    parts.append(":::")
    summary = group_summary(name, seed)
    parts.append(f"\n## {t('data.section.evidence', lang, seed=seed)}\n")
    header = [
        t("data.col.group", lang),
        t("data.col.count", lang),
        t("data.col.share", lang),
        # what the columns record, in words that wrap on a phone (their code names are in the
        # table of planted biases and in the first rows)
        t(f"data.meaning.{cols['outcome']}", lang),
        t(f"data.meaning.{cols['decision']}", lang),
        t(
            "data.col.history",
            lang,
            column=_lower_first(t(f"data.meaning.{cols['history']}", lang)),
        ),
    ]
    caption = t(
        "data.caption.evidence", lang, n=_thousands(len(load_scenario(name, seed=seed)), lang)
    )
    parts.append(f":::{{table}} {caption}\n:align: left\n")
    parts.append("| " + " | ".join(header) + " |\n|" + "---|" * len(header))
    for row in summary.itertuples():
        parts.append(
            f"| {_group_name(row.group, lang)} | {_thousands(int(row.count), lang)} "
            f"| {fmt_rate(row.share, lang)} "
            f"| {fmt_rate(row.outcome_rate, lang)} "
            f"| {fmt_rate(row.decision_rate, lang)} "
            f"| {fixed(row.history_mean, 2, lang)} |"
        )
    parts.append(":::")
    return "\n".join(parts) + "\n"


#: Columns whose 0/1 or True/False values mean yes/no.
_YES_NO = {
    "household_head",
    "has_marketplace",
    "repaid",
    "approved_past",
    "has_smartphone",
    "prior_online_course",
    "selected_past",
    "completed",
}
#: Columns whose values are codes with a name in the reader's language.
_CODED = {"gender", "area", "business_type", "education"}


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _thousands(value: int, lang: str) -> str:
    return f"{value:,}".replace(",", "." if lang == "id" else ",")


def cell_text(column: str, value, lang: str) -> str:
    """One value of a scenario table as a reader reads it: words, units, the decimal mark."""
    if column in _YES_NO:
        return t("data.value.yes" if bool(value) else "data.value.no", lang)
    if column in _CODED:
        return t(f"data.value.{value}", lang)
    if column == "monthly_revenue_idr":
        return t("data.value.rupiah", lang, amount=_thousands(int(value), lang))
    if column.endswith("_years") or column == "years_running":
        return t("data.value.years", lang, value=fixed(float(value), 1, lang))
    return str(value)


def first_rows_markdown(name: str, lang: str | None = None, seed: int = 0, n: int = 3) -> str:
    """The first ``n`` generated rows of scenario ``name``, one column per table row, in words.

    Each row says what the column records, with the column's name as the code names it (the
    pages refer to ``approved_past``); values are translated (``food_stall`` -> "warung
    makan"), yes/no instead of 1/0 or True/False, with units and the language's decimal mark.
    """
    lang = lang or current_language()
    rows = load_scenario(name, seed=seed).head(n)
    header = [t("data.first.column", lang)] + [
        t("data.first.row", lang, n=i) for i in range(1, n + 1)
    ]
    lines = [
        f":::{{table}} {t('data.first.caption', lang, n=n, seed=seed)}\n:align: left\n",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
    ]
    for column in rows.columns:
        cells = [cell_text(column, v, lang) for v in rows[column]]
        meaning = t(f"data.meaning.{column}", lang)
        lines.append(f"| {meaning} (`{column}`) | " + " | ".join(cells) + " |")
    lines.append(":::")
    return "\n".join(lines) + "\n"
