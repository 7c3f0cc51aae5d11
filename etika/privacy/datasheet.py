"""The datasheet page of the privacy chapter's two tables (``book/data/beneficiaries.md``)."""

from __future__ import annotations

from etika.datasheets import SECTIONS
from etika.demos.render import fmt_rate
from etika.i18n import current_language, t
from etika.privacy.beneficiaries import DATASHEET, DISTRICTS, beneficiaries, roster

__all__ = ["datasheet_markdown", "village_summary"]


def village_summary(seed: int = 0) -> list[dict]:
    """Per village: residents, beneficiaries, their share, women heading a household on the list."""
    people, listed = roster(seed), beneficiaries(seed)
    out = []
    for district, villages in DISTRICTS.items():
        for v in villages:
            n = int((people["village"] == v).sum())
            b = listed[listed["village"] == v]
            out.append(
                {"district": district, "village": v, "residents": n, "listed": len(b),
                 "share": len(b) / n, "female_head": int(b["female_head"].sum())}
            )  # fmt: skip
    return out


def datasheet_markdown(lang: str | None = None, seed: int = 0) -> str:
    """The body of the datasheet page in ``lang``, as Markdown."""
    lang = lang or current_language()
    parts = [f"## {t(f'data.section.{s}', lang)}\n\n{DATASHEET[s][lang]}\n" for s in SECTIONS]
    parts.append(f"## {t('privacy.data.evidence', lang, seed=seed)}\n")
    header = [t(f"privacy.data.col.{c}", lang) for c in
              ("district", "village", "residents", "listed", "share", "female_head")]  # fmt: skip
    parts.append(f":::{{table}} {t('privacy.data.caption', lang)}\n:align: left\n")
    parts.append("| " + " | ".join(header) + " |\n|" + "---|" * len(header))
    for r in village_summary(seed):
        parts.append(
            f"| {r['district']} | {r['village']} | {r['residents']} | {r['listed']} "
            f"| {fmt_rate(r['share'], lang)} | {r['female_head']} |"
        )
    parts.append(":::")
    return "\n".join(parts) + "\n"
