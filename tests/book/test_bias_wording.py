"""What the bias chapter's pages say about their sources and terms (issue 11's corrections).

The figures are checked in tests/unit/test_bias_claims.py; this checks the wording that carries
a source or a definition, so that a corrected sentence cannot quietly come back.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the repository (see CONTRIBUTING: Tests)
BIAS = ROOT / "book" / "bias"


def page(name: str) -> str:
    return re.sub(r"\s+", " ", (BIAS / f"{name}.md").read_text(encoding="utf-8"))


def test_index_adapts_suresh_and_guttag_and_names_their_seven_sources():
    text = page("index")
    assert "adapted from theirs" in text
    for source in (
        "historical",
        "representation",
        "measurement",
        "aggregation",
        "learning",
        "evaluation",
        "deployment",
    ):
        assert source in text, source
    assert "\nEvaluation bias\n:" in (BIAS / "index.md").read_text(encoding="utf-8")
    assert "a kind of measurement bias" in text  # label bias, in their framework


def test_index_cites_the_fairlearn_user_guide_for_the_two_harms():
    text = page("index")
    assert "distinguishes two kinds of harm" not in text
    assert "most applicable to two of them" in text
    assert "{cite:p}`fairlearnguide`" in text
    bib = (ROOT / "book" / "references.bib").read_text(encoding="utf-8")
    assert "@misc{fairlearnguide," in bib and "user_guide" in bib


def test_index_no_longer_claims_more_wrong_approvals_for_rural_applicants():
    text = page("index")
    assert "in both directions" not in text
    assert "more approvals of loans" not in text
    assert "{{ area_fpr_rural }}" in text and "{{ area_fnr_rural }}" in text


def test_metrics_page_states_selective_labels_and_both_impossibility_results_separately():
    text = page("metrics")
    assert "the way many real credit models are" not in text
    assert "{cite:p}`lakkaraju2017selective`" in text and "selective labels" in text
    assert "or the groups' base rates are equal {cite:p}`kleinberg2017tradeoffs`" in text
    assert "{cite:p}`chouldechova2017fair`" in text
    assert "kleinberg2017tradeoffs,chouldechova2017fair" not in text  # one citation each
    assert "not a flaw of this model" not in text
    assert "depends on this minimum-approval rule" in text
    assert "underrates every woman" not in text and "underrates women more than men" in text
    assert "*actual repayment*" in text and "the gap reverses" in text


def test_metrics_page_defines_its_terms_and_works_an_example():
    text = page("metrics")
    assert "at or above" in text
    assert "**false-negative rate (FNR)**" in text
    assert "**Accuracy**" in text and "**error rate**" in text
    assert "*percentage point* is the unit of a difference" in text
    assert "A worked example" in text
    for key in ("count_female_tp", "count_female_fp", "count_female_fn", "count_female_tn"):
        assert "{{ " + key + " }}" in text, key


def test_other_pages_define_accuracy_error_rate_auc_and_roc_where_first_used():
    assert "*accuracy* (the share of all decisions that are right)" in page("index")
    proxy = page("proxy")
    assert "*AUC*" in proxy and "the area under the *ROC curve*" in proxy
    assert "ROC curve plots the true-positive rate against the false-positive rate" in proxy
    assert "the *error rate*: the share" in page("representation")


def test_proxy_page_says_which_data_the_personal_data_law_treats_how():
    text = page("proxy")
    assert "{cite:p}`uupdp2022`" in text
    assert re.search(r"Gender\*\* is \*general\* personal data \(Article 4 paragraph \(3\)\)", text)
    assert re.search(r"\*specific\* personal data \(Article 4 paragraph \(2\)\)", text)
    assert "credit history" in text and "impact assessment (Article 34)" in text


def test_kleinberg_et_al_is_cited_as_2017_everywhere():
    from etika.quiz import BIAS_QUIZ

    texts = [c.explanation[lang] for q in BIAS_QUIZ for c in q.choices for lang in ("en", "id")]
    assert not any("Kleinberg et al., 2016" in t or "Kleinberg dkk., 2016" in t for t in texts)
    assert any("Kleinberg et al., 2017" in t for t in texts)
    bib = (ROOT / "book" / "references.bib").read_text(encoding="utf-8")
    entry = bib[bib.index("@inproceedings{kleinberg2017tradeoffs") :].split("\n}\n")[0]
    assert "year      = {2017}" in entry


def test_quiz_impossibility_question_does_not_save_a_perfect_model():
    from etika.quiz import BIAS_QUIZ

    q = next(q for q in BIAS_QUIZ if q.key == "impossibility")
    text = " ".join(c.text["en"] + " " + c.explanation["en"] for c in q.choices)
    assert "unless the model becomes perfect" not in text
    assert "not even for a perfect model" in text
