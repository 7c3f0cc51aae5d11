"""The glossary: both languages complete, each page sorted by its own headwords, terms defined."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from etika.glossary import GLOSSARY, glossary_markdown, sort_key

ROOT = Path(__file__).resolve().parents[2]  # the repository (see CONTRIBUTING: Tests)

#: Terms the bias chapter uses and must define (issue 11, item 12), per language.
REQUIRED = {
    "en": [
        "False-negative rate (FNR)",
        "Accuracy",
        "Error rate",
        "AUC (area under the ROC curve)",
        "ROC curve",
        "Percentage point",
        "Evaluation bias",
        "Selective labels",
    ],
    "id": [
        "Tingkat negatif palsu (FNR)",
        "Akurasi",
        "Tingkat kesalahan",
        "AUC (luas di bawah kurva ROC)",
        "Kurva ROC",
        "Poin persentase",
        "Bias evaluasi",
        "Label selektif",
    ],
}


def test_every_entry_is_complete_and_unique_in_both_languages():
    for lang in ("en", "id"):
        terms = [e.term(lang) for e in GLOSSARY]
        assert len(terms) == len(set(terms)), lang
    for e in GLOSSARY:
        assert e.term_en and e.term_id and e.definition_en and e.definition_id
        assert e.definition_en != e.definition_id


def test_definitions_do_not_repeat_the_corrected_claims():
    by_term = {e.term_en: e for e in GLOSSARY}
    assert "as fair as" not in by_term["Training data"].definition_en
    assert "largest group best" not in by_term["Aggregation bias"].definition_en
    assert "none of the groups" in by_term["Aggregation bias"].definition_en
    assert "at or above" in by_term["Threshold"].definition_en
    assert "measurement bias" in by_term["Label bias"].definition_en


def headwords(site, lang):
    html = (site / lang / "book" / "glossary.html").read_text(encoding="utf-8")
    terms = re.findall(r'<dt id="term-[^"]*">(.*?)<a class="headerlink"', html, re.S)
    return [re.sub(r"<[^>]+>", "", t).strip() for t in terms]


@pytest.mark.parametrize("lang", ["en", "id"])
def test_each_page_lists_its_own_headwords_in_its_own_order(site, lang):
    shown = headwords(site, lang)
    assert shown == sorted((e.term(lang) for e in GLOSSARY), key=sort_key)
    for term in REQUIRED[lang]:
        assert term in shown, term


def test_the_indonesian_page_gives_the_english_term_and_the_english_page_the_indonesian():
    md_en, md_id = glossary_markdown("en"), glossary_markdown("id")
    assert "Base rate\n  *Tingkat dasar.*" in md_en
    assert "Tingkat dasar\n  *Base rate.*" in md_id
