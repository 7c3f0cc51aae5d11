"""Every string that course code shows to a learner, in English and Bahasa Indonesia.

Keys are grouped by the module that uses them (``common.``, ``threshold.``, ``proxy.`` …).
Indonesian follows the course glossary (``book/glossary.md``): e.g. *fairness* is
*keadilan*, *selection rate* is *tingkat seleksi*, *threshold* is *ambang batas*.
"""

STRINGS: dict[str, dict[str, str]] = {
    "common.group": {"en": "Group", "id": "Kelompok"},
    "common.women": {"en": "Women", "id": "Perempuan"},
    "common.men": {"en": "Men", "id": "Laki-laki"},
    "common.urban": {"en": "Urban", "id": "Perkotaan"},
    "common.rural": {"en": "Rural", "id": "Perdesaan"},
    "common.gap": {"en": "Gap", "id": "Selisih"},
    "book.tagline": {
        "en": "An open, hands-on course on responsible AI.",
        "id": "Kursus terbuka dan praktis tentang AI yang bertanggung jawab.",
    },
}
