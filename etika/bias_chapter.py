"""The figures the bias chapter quotes, computed from the demo tables.

The book build passes :func:`formatted_figures` to MyST as substitutions (see
:mod:`etika.figures`), so every number in the prose, ``{{ base_rate_female }}`` and the like, is
the one the demos show, formatted in the reader's language (12.5% / 12,5%), in the English
pages and in their Indonesian translations alike. ``tests/unit/test_bias_claims.py`` asserts
every statement the prose makes about these numbers.
"""

from __future__ import annotations

import inspect
from functools import lru_cache

import numpy as np
import pandas as pd

from etika.data import make_microcredit
from etika.data.microcredit import POPULATION_RURAL_SHARE
from etika.demos.proxy import proxy_figures
from etika.demos.render import fixed, fmt_rate, fmt_threshold, round_value
from etika.demos.representation import representation_figures
from etika.demos.threshold import RATE_COLUMNS, impossibility_figures, threshold_table

#: The smallest share of each group a lender must approve for a threshold pair to count.
MIN_SELECTION = 0.5


def best_all_round(
    table: pd.DataFrame, label: str = "approved_past", min_selection: float = MIN_SELECTION
) -> dict[str, float]:
    """Over every pair of per-group thresholds, the pair whose largest gap is smallest.

    The largest gap is taken over selection rate, TPR and precision, among the pairs at which
    the lender still approves at least ``min_selection`` of each group (refusing nearly
    everyone would make every rate trivially equal). If the groups' base rates differ and the
    model is imperfect, this cannot reach zero (Kleinberg et al. 2017; Chouldechova 2017):
    the chapter quotes how far from zero it stays on its own data.
    """
    sub = table[table["label"] == label]
    wide = {
        metric: sub.pivot(index="threshold", columns="group", values=metric)
        for metric in ("selection_rate", "tpr", "precision")
    }
    thresholds = wide["tpr"].index.to_numpy()
    women = {m: w["female"].to_numpy()[:, None] for m, w in wide.items()}
    men = {m: w["male"].to_numpy()[None, :] for m, w in wide.items()}
    gaps = np.stack([np.abs(women[m] - men[m]) for m in wide])  # metric × women thr × men thr
    worst = np.nanmax(gaps, axis=0)
    lends = (women["selection_rate"] >= min_selection) & (men["selection_rate"] >= min_selection)
    worst = np.where(lends, worst, np.inf)
    i, j = np.unravel_index(np.nanargmin(worst), worst.shape)
    return {
        "threshold_female": float(thresholds[i]),
        "threshold_male": float(thresholds[j]),
        "max_gap": float(worst[i, j]),
        **{f"{m}_gap": float(gaps[k, i, j]) for k, m in enumerate(wide)},
    }


@lru_cache(maxsize=1)
def raw_figures() -> dict[str, float]:
    """Every figure the chapter uses, as plain floats, flat keys."""
    table = threshold_table()
    imp = impossibility_figures(table)
    out: dict[str, float] = {
        "base_rate_female": imp["base_rate_female"],
        "base_rate_male": imp["base_rate_male"],
    }
    for scenario in ("shared", "equal_selection", "equal_tpr"):
        for key, value in imp[scenario].items():
            out[f"{scenario}_{key}"] = value
    for key, value in best_all_round(table).items():
        out[f"best_{key}"] = value
    for key, value in proxy_figures().items():
        out[f"proxy_{key}"] = value
    for key, value in representation_figures().items():
        out[f"repr_{key}"] = value
    out["threshold_shared"] = 0.5
    out["min_selection"] = MIN_SELECTION
    out["population_rural_share"] = POPULATION_RURAL_SHARE
    out["sample_rural_share"] = (
        inspect.signature(make_microcredit).parameters["rural_share"].default
    )
    return out


def _gap_pair(key: str, figures: dict[str, float]) -> tuple[str, str] | None:
    """The women's and men's keys whose difference is the gap ``key``, when both are there."""
    stems = [key[: -len("_gap")]] if key.endswith("_gap") else [key]
    if key.startswith("proxy_gap_"):
        stems = ["proxy_selection_rate_" + key[len("proxy_gap_") :]]
    for stem in stems:
        pair = (f"{stem}_female", f"{stem}_male")
        if all(k in figures for k in pair):
            return pair
    return None


def _is_gap(key: str) -> bool:
    return ("gap" in key and not key.endswith("gap_kept")) or key in {
        "shared_" + m for m in RATE_COLUMNS
    }


def formatted_figures(lang: str | None = None) -> dict[str, str]:
    """The figures as the prose shows them: rates as percentages, gaps in percentage points.

    Numbers are rounded to 4 decimals and printed by the demos' own formatter, and a gap is the
    difference of the two rounded rates, exactly as the demos compute it: the text beside a demo
    and the demo itself always show the same digits.
    """
    raw = {key: round_value(value) for key, value in raw_figures().items()}
    out = {}
    for key, value in raw.items():
        if "threshold" in key:
            out[key] = fmt_threshold(value, lang)
        elif key.endswith("_auc"):
            out[key] = fixed(value, 2, lang)
        elif key.endswith(("gap_kept", "rural_share", "min_selection")) or key.startswith(
            "repr_share"
        ):
            out[key] = fixed(value, 0, lang, scale=100) + "%"
        elif _is_gap(key):
            pair = _gap_pair(key, raw)
            gap = abs(raw[pair[0]] - raw[pair[1]]) if pair else value
            out[key] = fixed(gap, 1, lang, scale=100)
        else:
            out[key] = fmt_rate(value, lang)
    return out
