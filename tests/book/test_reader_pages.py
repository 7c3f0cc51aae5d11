"""The bias chapter and its datasheets, as a reader who never runs code sees them.

Checked on the built site (``make book``), in both languages: real tables instead of raw
Markdown pipes, no code cells and no raw pandas output on the page, values and column names in
the reader's language with the reader's decimal mark, and a quiz that a phone user can tap and
a screen-reader user hears.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]  # the repository (see CONTRIBUTING: Tests)
LANGS = ("en", "id")
DATASHEETS = ("book/data/microcredit", "book/data/training-selection")
CHAPTER = ("book/bias/index", "book/bias/metrics", "book/bias/proxy", "book/bias/representation")


def main_html(site, lang, page) -> str:
    html = (site / lang / f"{page}.html").read_text(encoding="utf-8")
    # The page's main landmark: the article the shell marks role="main" (not the menu, footer).
    main = html[html.find('role="main"') : html.rfind("</article>")]
    return re.sub(r"<script.*?</script>|<style.*?</style>", "", main, flags=re.S)


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", DATASHEETS)
def test_datasheet_tables_are_tables_not_pipes(site, lang, page):
    main = main_html(site, lang, page)
    text = text_of(main)
    assert "|---" not in text and "| ---" not in text, "raw Markdown table on the page"
    # planted biases, measured evidence, first rows: three real tables
    assert main.count("<table") >= 3
    assert not re.search(r"\|\s*\w[^|]*\|\s*\w", text), "a row of pipes left on the page"


@pytest.mark.parametrize("page", DATASHEETS)
def test_datasheet_tables_are_in_the_readers_language(site, page):
    en, id_ = text_of(main_html(site, "en", page)), text_of(main_html(site, "id", page))
    assert "Women" in en and "Perempuan" in id_
    for raw in ("female", "urban", "food_stall", "True", "False", "primary"):
        assert not re.search(rf"(?<![`\w_]){raw}(?![\w_])", id_), raw
    assert "ya" in id_.split() and "tidak" in id_.split()


def test_microcredit_first_rows_use_words_units_and_the_decimal_comma(site):
    id_ = text_of(main_html(site, "id", "book/data/microcredit"))
    en = text_of(main_html(site, "en", "book/data/microcredit"))
    assert "warung makan" in id_ and "food stall (warung)" in en
    assert re.search(r"Rp\d{1,3}(\.\d{3})+", id_) and re.search(r"Rp\d{1,3}(,\d{3})+", en)
    assert re.search(r"\d,\d tahun", id_) and re.search(r"\d\.\d years", en)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", CHAPTER + DATASHEETS)
def test_no_code_cell_or_raw_frame_on_a_reader_page(site, lang, page):
    main = main_html(site, lang, page)
    assert "cell_input" not in main and "highlight-ipython3" not in main, "code on the page"
    assert "dataframe" not in main, "a raw pandas table on the page"
    text = text_of(main)
    for raw in ("bin_low", "bin_high", "observed_rate", "mean_score", "selection_rate"):
        assert raw not in text, raw


def test_metrics_tables_show_percentages_with_the_readers_decimal_mark(site):
    en = text_of(main_html(site, "en", "book/bias/metrics"))
    id_ = text_of(main_html(site, "id", "book/bias/metrics"))
    # the gap the prose quotes in points, never as a fraction (0.085)
    assert not re.search(r"\b0[.,]0\d\d\b", en + id_)
    assert "Share who would repay" in en and "Proporsi yang akan melunasi" in id_
    assert "Gap (percentage points)" in en and "Selisih (poin persentase)" in id_
    assert re.search(r"\b\d+,\d%", id_) and not re.search(r"\b\d+\.\d%", id_)
    assert re.search(r"0,25\u2060?–\u2060?0,50", id_)
    assert re.search(r"0\.25\u2060?–\u2060?0\.50", en)


def test_indonesian_pages_print_no_decimal_point(site):
    for page in CHAPTER + DATASHEETS + ("book/glossary",):
        text = text_of(main_html(site, "id", page))
        # 1.060 (thousands) is right in Indonesian; 60.8 or 0.50 is not
        assert not re.search(r"\b\d+\.\d{1,2}\b(?!\.\d)", text), page


def test_prose_figures_are_filled_in_both_languages(site):
    for lang in LANGS:
        for page in CHAPTER:
            assert "{{" not in text_of(main_html(site, lang, page)), (lang, page)


@pytest.mark.parametrize("lang", LANGS)
def test_quiz_page_has_a_live_region_per_question_and_no_doubled_text(site, lang):
    html = (site / lang / "book" / "bias" / "quiz.html").read_text(encoding="utf-8")
    quiz = html[html.find('<div class="etika-quiz"') :]
    n = quiz.count("<fieldset")
    assert n >= 6
    assert quiz.count('aria-live="polite"') == n
    text = text_of(re.sub(r"<script.*?</script>|<style.*?</style>", "", quiz, flags=re.S))
    for doubled in (r"Benar\.\s+Benar", r"Correct\.\s+Right", r"Choose all that apply\."):
        assert not re.search(doubled, text)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", (*DATASHEETS, "book/bias/metrics"))
def test_every_page_table_has_a_caption_with_an_anchor(site, lang, page):
    # the caption names the table for screen readers, and its anchor link is what a keyboard
    # reaches when a wide table scrolls sideways on a phone
    main = main_html(site, lang, page)
    for table in re.findall(r'<table class="table".*?</table>', main, re.S):
        caption = re.search(r"<caption>(.*?)</caption>", table, re.S)
        assert caption and 'class="headerlink"' in caption.group(1), table[:200]
