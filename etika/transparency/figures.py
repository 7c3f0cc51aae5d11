"""The figures the transparency chapter quotes, computed from its demos' tables.

:func:`formatted_figures` is handed to MyST as substitutions by :mod:`etika.figures` (keys
start with ``tr_``), so every number in ``book/transparency/*.md`` is the one its demos show,
in the reader's language. ``tests/unit/test_transparency_claims.py`` asserts every statement
the pages make about them.
"""

from __future__ import annotations

from functools import lru_cache

from etika.demos.render import fixed, fmt_rate, fmt_threshold, round_value
from etika.transparency import applicants as A
from etika.transparency import global_explain as G
from etika.transparency import model_card as C
from etika.transparency.lender import FAMILIES, THRESHOLD

__all__ = ["formatted_figures", "raw_figures"]


@lru_cache(maxsize=1)
def raw_figures() -> dict[str, tuple[float, str]]:
    """Every figure as ``(value, kind)``; kind is how it is printed (see :func:`_format`)."""
    table = A.applicant_table()
    out: dict[str, tuple[float, str]] = {"tr_threshold": (THRESHOLD, "score")}
    for a in A.APPLICANTS:
        row = A.present(table, a.key)
        out[f"tr_{a.key}_score"] = (row["score"], "score")
    sari = A.present(table, "sari")
    out["tr_sari_credit_push"] = (sari["c_credit_history_years"], "signed")
    out["tr_sari_credit_years"] = (
        A.applicant_frame().set_index("key").loc["sari", "credit_history_years"],
        "years",
    )
    out["tr_sari_fixed_score"] = (A.smallest_change(table, "sari")["score"], "score")
    out["tr_dewi_fixed_score"] = (A.smallest_change(table, "dewi")["score"], "score")
    moved = table[
        (table["applicant"] == "yohanes")
        & (table["revenue_step"] == 0)
        & ~table["marketplace"]
        & (table["wait_years"] == 0)
        & table["urban"]
    ].iloc[0]
    out["tr_yohanes_town_score"] = (moved["score"], "score")
    out["tr_yohanes_rural_push"] = (A.present(table, "yohanes")["c_rural"], "signed")

    g = G.global_figures()
    imp = G.importance_table()
    out["tr_auc_min"] = (g["auc_min"], "score")
    out["tr_auc_max"] = (g["auc_max"], "score")
    out["tr_top1_importance"] = (g["top1_importance"], "importance")
    out["tr_top2_importance"] = (g["top2_importance"], "importance")
    for feature in ("credit_history_years", "household_head", "business_type", "log_revenue"):
        out[f"tr_gender_auc_{feature}"] = (g[f"gender_auc_{feature}"], "score")
    proxies = imp[imp["feature"].isin(["household_head", "business_type"])]
    out["tr_proxy_importance_max"] = (float(proxies["importance"].max()), "importance")
    for family in FAMILIES:
        out[f"tr_auc_{family}"] = (g[f"auc_{family}"], "score")
        out[f"tr_share_top1_{family}"] = (g[f"share_top1_{family}"], "share")
    seed0 = imp[(imp["seed"] == 0) & (imp["feature"] == "years_running")].set_index("family")
    for family in FAMILIES:
        out[f"tr_years_importance_{family}"] = (
            float(seed0.loc[family, "importance"]),
            "importance",
        )

    f = C.card_figures()
    out["tr_accuracy"] = (f["accuracy"], "rate")
    out["tr_auc"] = (f["auc"], "score")
    out["tr_history_female"] = (f["history_female"], "years")
    out["tr_history_male"] = (f["history_male"], "years")
    res = C.group_results()
    for group in res.index:
        for metric in ("selection_rate", "tpr", "base_rate"):
            out[f"tr_{metric}_{group}"] = (float(res.loc[group, metric]), "rate")
    return out


def _format(value: float, kind: str, lang: str | None) -> str:
    value = round_value(float(value))
    if kind == "score":
        return fmt_threshold(value, lang)
    if kind == "rate":
        return fmt_rate(value, lang)
    if kind == "share":
        return fixed(value, 0, lang, scale=100) + "%"
    if kind == "importance":
        return fixed(value, 3, lang)
    if kind == "years":
        return fixed(value, 1, lang)
    if kind == "signed":
        text = fixed(value, 2, lang)
        return text if text.startswith("\u2212") else "+" + text
    raise ValueError(f"unknown figure kind {kind!r}")


def formatted_figures(lang: str | None = None) -> dict[str, str]:
    """The figures as the pages print them, in ``lang``."""
    return {key: _format(v, kind, lang) for key, (v, kind) in raw_figures().items()}
