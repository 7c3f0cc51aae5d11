import string

import pytest

from etika import t
from etika.strings import STRINGS


def _fields(text):
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_both_languages_present_and_consistent(key):
    entry = STRINGS[key]
    assert set(entry) == {"en", "id"}
    assert entry["en"].strip() and entry["id"].strip()
    assert _fields(entry["en"]) == _fields(entry["id"])


def test_demo_strings_translated():
    for key in STRINGS:
        prefix = key.split(".")[0]
        if prefix in {"threshold", "proxy", "representation", "quiz", "metric", "cm"}:
            assert STRINGS[key]["en"] != STRINGS[key]["id"], key


def test_glossary_terms():
    assert t("metric.selection_rate", "id") == "Tingkat seleksi"
    assert "ambang batas" in t("threshold.shared", "id").lower()
    assert "TPR" in t("metric.tpr", "id") and "positif benar" in t("metric.tpr", "id")
    assert t("proxy.strength", "id", accuracy=0.85, auc=0.93, majority=0.53).startswith("Jenis")
