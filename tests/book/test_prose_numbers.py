"""Numbers in the pages' prose come from code: a figure typed by hand fails this test.

Prose is the Markdown outside code cells. A number there must be a MyST substitution
(``{{ key }}``, filled from etika by the build), or one of the few kinds that are not data:
list markers, years and legal citations, version and port numbers in instructions, and
illustrative values listed below with the reason they are not measurements.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]  # the repository (see CONTRIBUTING: Tests)

NOT_DATA = [
    r"\{\{[^}]*\}\}",  # substitutions: computed by etika
    r"\{[a-z:]+\}`[^`]*`",  # roles such as {cite:p}`key2021`
    r"`[^`]*`",  # inline code
    r"\]\([^)]*\)",  # link targets
    r"^\s*\d+\.\s",  # ordered-list markers
    r"\b(19|20)\d\d\b",  # years
    r"\bNo\. \d+\b|\bArticle \d+( point \d+| paragraph \(\d+\))?",  # legal citations
    r"\bPython 3\.11\b|\bport \d+\b",  # instructions
    # transparency chapter: legal citations with paragraphs and ranges, dates of legal texts
    r"\bArticles?\s+\d+(\s+to\s+\d+)?|\bparagraph\s+\(\d+\)",
    r"\b\d{1,2}\s+(January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b",
    # privacy chapter: the law's own Indonesian title, "Nomor 27 Tahun 2022"
    r"\bNomor \d+ Tahun\b",
]
ILLUSTRATIONS = {
    # the definition of a score and of calibration, not figures about the data
    "book/bias/metrics.md": ["between 0 and 1", "0.7", "70%"],
    # the scale of a score, not a figure about the data
    "book/transparency/explain-local.md": ["between 0 and 1"],
}


def prose(path):
    text = path.read_text(encoding="utf-8")
    if text.startswith("---"):
        text = text.split("---", 2)[2]
    text = re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)  # code cells and directives
    return text


@pytest.mark.parametrize(
    "path",
    sorted(p for p in (ROOT / "book").rglob("*.md") if ".ipynb_checkpoints" not in p.parts),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_numbers_in_prose_come_from_code(path):
    text = prose(path)
    for phrase in ILLUSTRATIONS.get(str(path.relative_to(ROOT)), []):
        text = text.replace(phrase, "")
    for pattern in NOT_DATA:
        text = re.sub(pattern, " ", text, flags=re.M)
    typed = [line.strip() for line in text.splitlines() if re.search(r"\d", line)]
    assert not typed, f"numbers typed by hand (use a substitution from etika): {typed}"
