"""One glossary everywhere: Indonesian text never uses a rival term for a glossary concept.

The glossary (book/glossary.md) fixes the Indonesian term for each concept. These are the
rival renderings a translator reaches for; any of them in the catalogues, the UI strings, the
quiz or the datasheets means two words for one idea, which confuses a learner.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]  # the repository (see CONTRIBUTING: Tests)

RIVALS = {
    "kecerdasan buatan": "kecerdasan artifisial",
    "jenis kelamin": "gender",
    "matriks kebingungan": "matriks konfusi",
    "nilai ambang": "ambang batas",
    "tingkat pemilihan": "tingkat seleksi",
    "kesetaraan kesempatan": "kesempatan yang setara",
    "keadilan dengan tidak melihat": "keadilan melalui ketidaktahuan",
    "bebas dari bias": "(never claim a model is free of bias)",
    "data personal": "data pribadi",
}
#: Rival words that are also parts of other words ("porsi" in "proporsi"): whole words only.
RIVAL_WORDS = {
    r"\bporsi(nya)?\b": "proporsi",
    r"\bgalat\b": "kesalahan",
    r"\bmeremehkan\b": "menilai terlalu rendah",
    r"\bkesenjangan\b": "selisih (gap)",
    # "harga" is the word for a product's price (allowed); as the price of a choice it is "biaya"
    r"\bharga(nya)? (yang )?(harus )?(di)?bayar|\bharganya\b|\bongkos\b|\bkonsekuensi(nya)?\b": (
        "biaya (cost)"
    ),
    r"\bkursi pelatihan\b": "tempat dalam pelatihan",
    r"\bmenutup selisih\b": "menghilangkan selisih",
    r"\bpenilaian (petugas|penyeleksi)\b": "keputusan (penilaian is for assessment only)",
}
SOURCES = sorted(
    [*(ROOT / "book" / "locales" / "id").rglob("*.po"), *(ROOT / "etika").rglob("*.py")]
)


def joined_text(path) -> str:
    # gettext and Python both wrap long strings as "..." "..."; join them back up first
    return re.sub(r'"\s*\n\s*"', "", path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_rival_terms(path):
    text = re.sub(r"\s+", " ", joined_text(path).lower())
    found = {rival: use for rival, use in RIVALS.items() if rival in text}
    found |= {rival: use for rival, use in RIVAL_WORDS.items() if re.search(rival, text)}
    assert not found, f"{path}: use the glossary's term: {found}"
