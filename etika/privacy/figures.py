"""The figures the privacy chapter quotes, computed from its scenario and demos' tables.

:func:`formatted_figures` is handed to MyST as substitutions by :mod:`etika.figures` (keys start
with ``pv_``), so every number in ``book/privacy/*.md`` is the one its demos show, in the
reader's language. ``tests/unit/test_privacy_claims.py`` asserts every statement the pages make.
"""

from __future__ import annotations

from functools import lru_cache

from etika.demos.render import fixed, fmt_rate, round_value
from etika.privacy import linkage, membership, noise
from etika.privacy.beneficiaries import beneficiaries, roster

__all__ = ["formatted_figures", "raw_figures", "setting"]


def setting(age="exact", place="village", occupation=True, household=True, suppress=False):
    """One row of the linkage table."""
    t = linkage.linkage_table()
    sel = (
        (t["age"] == age) & (t["place"] == place) & (t["occupation"] == occupation)
        & (t["household_size"] == household) & (t["suppress"] == suppress)
    )  # fmt: skip
    return t[sel].iloc[0]


@lru_cache(maxsize=1)
def raw_figures() -> dict[str, tuple[float, str]]:
    """Every figure as ``(value, kind)``."""
    listed = beneficiaries()
    out: dict[str, tuple[float, str]] = {
        "pv_n_residents": (len(roster()), "int"),
        "pv_n_listed": (len(listed), "int"),
        "pv_suppress_below": (linkage.SUPPRESS_BELOW, "int"),
    }
    full = setting()
    out["pv_unique_full"] = (full["unique_share"], "rate")
    out["pv_reid_full"] = (full["reidentified"], "int")
    out["pv_reid_full_share"] = (full["reidentified_share"], "rate")
    coarse = setting("band10", "district")
    out["pv_reid_coarse"] = (coarse["reidentified"], "int")
    out["pv_reid_coarse_share"] = (coarse["reidentified_share"], "rate")
    out["pv_k_coarse"] = (coarse["k"], "int")
    sup = setting("band10", "district", suppress=True)
    out["pv_withheld_coarse"] = (sup["withheld"], "int")
    out["pv_withheld_coarse_share"] = (sup["withheld_share"], "rate")
    best = setting("band10", "district", False, False, True)
    out["pv_k_best"] = (best["k"], "int")
    out["pv_withheld_best"] = (best["withheld"], "int")
    ldiv = setting("dropped", "village", True, True, True)
    out["pv_k_ldiv"] = (ldiv["k"], "int")
    out["pv_disclosed_ldiv"] = (ldiv["disclosed_share"], "rate")
    out["pv_l_ldiv"] = (ldiv["l"], "int")
    nt = noise.noise_table()
    for i, eps in enumerate(noise.EPSILONS):
        if eps is None:
            continue
        tag = fixed(eps, 2, "en").replace(".", "_")
        r = nt.iloc[i]
        out[f"pv_eps_{tag}"] = (eps, "eps")
        out[f"pv_error_{tag}"] = (r["expected_error"], "error")
        out[f"pv_attack_{tag}"] = (r["attack_success"], "rate")
        out[f"pv_bound_{tag}"] = (r["attack_bound"], "rate")
        out[f"pv_off3_{tag}"] = (r["off_by_3_share"], "rate")
    counts = noise.true_counts()
    out["pv_count_min"] = (int(counts.min()), "int")
    out["pv_count_max"] = (int(counts.max()), "int")
    out |= membership_figures()
    return out


def membership_figures() -> dict[str, tuple[float, str]]:
    """The membership demo's figures: the shallow tree the demo starts at, and no limit."""
    mt = membership.membership_table().set_index("depth")
    out: dict[str, tuple[float, str]] = {
        "pv_mi_surveyed": (membership.N_SURVEYED, "int"),
        "pv_mi_splits": (membership.SPLITS, "int"),
        "pv_mi_baseline": (float(mt["baseline_accuracy"].mean()), "rate"),
    }
    for depth, tag in ((2, "shallow"), (0, "full")):
        r = mt.loc[depth]
        for col in ("train_accuracy", "test_accuracy", "attack_accuracy"):
            out[f"pv_mi_{tag}_{col.split('_')[0]}"] = (float(r[col]), "rate")
        out[f"pv_mi_{tag}_leaves"] = (round(float(r["leaves"])), "int")
    out["pv_mi_shallow_depth"] = (2, "int")
    return out


def _format(value: float, kind: str, lang: str | None) -> str:
    value = round_value(float(value))
    if kind == "int":
        return f"{int(value):,}".replace(",", "." if lang == "id" else ",")
    if kind == "rate":
        return fmt_rate(value, lang)
    if kind == "eps":
        return fixed(value, 2, lang)
    if kind == "error":
        return fixed(value, 1, lang)
    raise ValueError(f"unknown figure kind {kind!r}")


def formatted_figures(lang: str | None = None) -> dict[str, str]:
    """The figures as the pages print them, in ``lang``."""
    return {key: _format(v, kind, lang) for key, (v, kind) in raw_figures().items()}
