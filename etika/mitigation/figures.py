"""The figures the mitigation chapter quotes, computed from its demos' tables.

:func:`formatted_figures` is handed to MyST as substitutions by :mod:`etika.figures` (keys
start with ``mi_``), so every number in ``book/mitigation/*.md`` is the one its demos show, in
the reader's language. ``tests/unit/test_mitigation_claims.py`` asserts every statement the
pages make about them.
"""

from __future__ import annotations

from functools import lru_cache

from etika.demos.render import fixed, fmt_rate, round_value
from etika.mitigation import tables as T
from etika.mitigation.views import WHICH

__all__ = ["formatted_figures", "raw_figures"]

LENDER = "approved_past"


def _r(method: str, constraint: str = "", strength: float = 0.0, label=LENDER, ev=LENDER):
    return T.row(label, method, constraint, strength, ev)


def _flips(method: str, constraint: str, strength: float):
    f = T.flips_table()
    f = f[
        (f["label"] == LENDER)
        & (f["method"] == method)
        & (f["constraint"] == constraint)
        & (f["strength"] == strength)
    ]
    return f.set_index(["gender", "repaid"])


@lru_cache(maxsize=1)
def raw_figures() -> dict[str, tuple[float, str]]:
    """Every figure as ``(value, kind)``; kind is how it is printed (see :func:`_format`)."""
    out: dict[str, tuple[float, str]] = {}
    base = _r("none")
    out["mi_base_accuracy"] = (base["accuracy"], "rate")
    out["mi_base_dp"] = (base["dp_gap"], "gap")
    out["mi_base_eo"] = (base["eo_gap"], "gap")
    out["mi_base_sel_female"] = (base["sel_female"], "rate")
    out["mi_base_sel_male"] = (base["sel_male"], "rate")
    to = _r("threshold_optimizer", "demographic_parity", 0.0)
    eg = _r("exponentiated_gradient", "demographic_parity", 0.01)
    cr = _r("correlation_remover", "", 1.0)
    rw = _r("reweighing", "", 1.0)
    for key, r in (("to", to), ("eg", eg), ("cr", cr), ("rw", rw)):
        out[f"mi_{key}_dp"] = (r["dp_gap"], "gap")
        out[f"mi_{key}_eo"] = (r["eo_gap"], "gap")
        out[f"mi_{key}_accuracy"] = (r["accuracy"], "rate")
    out["mi_eg_eps"] = (0.01, "strength")
    f = _flips("exponentiated_gradient", "demographic_parity", 0.01)
    out["mi_eg_women_repay_approved"] = (f.loc[("female", 1), "approved_now"], "count")
    out["mi_eg_women_default_approved"] = (f.loc[("female", 0), "approved_now"], "count")
    out["mi_eg_women_repay_refused"] = (f.loc[("female", 1), "refused_now"], "count")
    out["mi_eg_men_repay_refused"] = (f.loc[("male", 1), "refused_now"], "count")
    out["mi_eg_men_default_refused"] = (f.loc[("male", 0), "refused_now"], "count")
    out["mi_held_out"] = (int(f["n"].sum()), "count")
    # Demo 3: every model judged against repayment.
    ref = T.row("repaid", "none", "", 0.0, "repaid")
    out["mi_repaid_accuracy"] = (ref["accuracy"], "rate")
    out["mi_repaid_tpr_gap"] = (ref["tpr_gap"], "gap")
    past = [T.row(LENDER, m, c, s, "repaid") for m, (c, s) in WHICH.items()]
    out["mi_past_accuracy_max"] = (max(r["accuracy"] for r in past), "rate")
    out["mi_past_tpr_gap_min"] = (min(r["tpr_gap"] for r in past), "gap")
    b = T.row(LENDER, "none", "", 0.0, "repaid")
    out["mi_past_tpr_female"] = (b["tpr_female"], "rate")
    out["mi_past_tpr_male"] = (b["tpr_male"], "rate")
    return out


def _format(value: float, kind: str, lang: str | None) -> str:
    value = round_value(float(value))
    if kind == "rate":
        return fmt_rate(value, lang)
    if kind == "gap":
        return fixed(value, 3, lang)
    if kind == "strength":
        return fixed(value, 2, lang)
    if kind == "count":
        return str(int(value))
    raise ValueError(f"unknown figure kind {kind!r}")


def formatted_figures(lang: str | None = None) -> dict[str, str]:
    """The figures as the pages print them, in ``lang``."""
    return {key: _format(v, kind, lang) for key, (v, kind) in raw_figures().items()}
