"""What a reader downloads from the site: notebooks in the page's language, and the course zip."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "_build" / "html"
sys.path.insert(0, str(ROOT / "book" / "_ext"))

from notebook_download import Translator, citation_text, translate_markdown  # noqa: E402

RAW_MARKUP = re.compile(r"\{\{|\{cite:|\{term\}|\{doc\}|\{ref\}|\]\([^)]*\.md[)#]")


def downloads(lang: str) -> list[Path]:
    return sorted((SITE / lang / "book").rglob("*.ipynb"))


def markdown(notebook: dict) -> list[str]:
    return ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "markdown"]


@pytest.mark.build
def test_every_notebook_page_has_a_download_in_both_languages():
    english = {p.relative_to(SITE / "en") for p in downloads("en")}
    indonesian = {p.relative_to(SITE / "id") for p in downloads("id")}
    assert english and english == indonesian
    assert Path("book/bias/metrics.ipynb") in english


@pytest.mark.build
@pytest.mark.parametrize("lang", ["en", "id"])
def test_downloads_are_readable_outside_the_book(lang):
    for path in downloads(lang):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        assert notebook["metadata"]["etika"]["language"] == lang
        for text in markdown(notebook):
            assert not RAW_MARKUP.search(text), f"{path}: raw book markup in {text[:200]!r}"
        code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
        assert f'etika.set_language("{lang}")' in "".join(code[0]["source"])
        assert not any(c.get("outputs") for c in code)


@pytest.mark.build
def test_indonesian_downloads_are_in_indonesian():
    for path in downloads("id"):
        english = json.loads((SITE / "en" / path.relative_to(SITE / "id")).read_text("utf-8"))
        indonesian = json.loads(path.read_text(encoding="utf-8"))
        pairs = list(zip(markdown(english), markdown(indonesian), strict=True))
        # Every markdown cell with prose is translated (a cell of code-like text may match).
        same = [en for en, id_ in pairs if en == id_ and len(re.findall(r"[a-z]{4,}", en)) > 3]
        assert not same, f"{path}: untranslated cells {[s[:80] for s in same]}"


@pytest.mark.build
def test_figures_and_citations_are_written_in():
    metrics = json.loads((SITE / "id" / "book" / "bias" / "metrics.ipynb").read_text("utf-8"))
    text = "\n".join(markdown(metrics))
    from etika.figures import book_substitutions

    figures = book_substitutions("id")
    assert figures["base_rate_female"] in text and figures["base_rate_male"] in text
    assert "(Hardt dkk., 2016)" in text
    assert "## Daftar pustaka" in text and "Equality of Opportunity" in text


def test_translation_keeps_the_markdown_structure():
    table = {
        "Title": "Judul",
        "First item that wraps onto a second line": "Butir pertama",
        "Note": "Catatan",
        "Inside the note.": "Di dalam catatan.",
        "cell": "sel",
    }

    class Catalogue:
        def gettext(self, text):
            return table.get(text, text)

    source = (
        "# Title\n\n1. First item that wraps\n   onto a second line\n\n"
        ":::{admonition} Note\n:class: tip\n\nInside the note.\n:::\n\n| cell |\n|---|\n| cell |"
    )
    translate = Translator(Catalogue())
    result = translate_markdown(source, translate)
    assert result.startswith("# Judul\n\n1. Butir pertama\n")
    assert ":::{admonition} Catatan\n:class: tip\n\nDi dalam catatan.\n:::" in result
    assert "| sel |\n|---|\n| sel |" in result
    assert translate.missing == []


def test_citations_name_authors_as_a_reader_expects():
    from pybtex.database import parse_string

    bib = parse_string(
        "@article{a, author={Suresh, Harini and Guttag, John}, year={2021}, title={T}}"
        "@article{b, author={Kleinberg, Jon and Mullainathan, S. and Raghavan, M.}, year={2017}}",
        "bibtex",
    )
    assert citation_text(bib.entries["a"], "en") == "Suresh & Guttag, 2021"
    assert citation_text(bib.entries["b"], "id") == "Kleinberg dkk., 2017"


@pytest.mark.slow
@pytest.mark.build
def test_an_indonesian_download_runs_and_prints_indonesian(tmp_path):
    notebook = SITE / "id" / "book" / "bias" / "proxy.ipynb"
    runner = (
        "import sys, nbformat\nfrom nbclient import NotebookClient\n"
        "nb = nbformat.read(sys.argv[1], as_version=4)\n"
        "nb.cells.append(nbformat.v4.new_code_cell('print(etika.t(\"common.women\"))'))\n"
        "NotebookClient(nb, timeout=60, kernel_name='python3').execute()\n"
        "nbformat.write(nb, sys.argv[2])\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"ETIKA_STATIC", "ETIKA_LANG"}}
    out = tmp_path / "ran.ipynb"
    run = subprocess.run(
        [sys.executable, "-c", runner, str(notebook), str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    last = json.loads(out.read_text("utf-8"))["cells"][-1]
    assert "".join(last["outputs"][0]["text"]).strip() == "Perempuan", last["outputs"]


@pytest.mark.build
def test_the_course_zip_holds_the_notebooks_and_no_exercise_source():
    archive = zipfile.ZipFile(SITE / "etika-ai-notebooks.zip")
    names = archive.namelist()
    for needed in (
        "etika-ai/book/bias/metrics.md",
        "etika-ai/etika/__init__.py",
        "etika-ai/requirements.lock",
        "etika-ai/pyproject.toml",
        "etika-ai/Makefile",
    ):
        assert needed in names
    assert not [n for n in names if n.startswith(("etika-ai/exercises", "etika-ai/tests"))]
    for name in names:
        text = archive.read(name).decode("utf-8", errors="replace")
        assert "BEGIN SOLUTION" not in text and "BEGIN HIDDEN TESTS" not in text, name
    page = (SITE / "en" / "book" / "how-to-run.html").read_text(encoding="utf-8")
    assert 'href="../../etika-ai-notebooks.zip"' in page
