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
from etika.demos._model import features, logistic_model
from etika.demos.proxy import proxy_figures
from etika.demos.render import fixed, fmt_rate, fmt_threshold, round_value
from etika.demos.representation import (
    SEEDS,
    SHARES,
    TRAIN_SIZE,
    evaluation_set,
    representation_figures,
    representation_table,
)
from etika.demos.threshold import (
    RATE_COLUMNS,
    impossibility_figures,
    lookup,
    threshold_data,
    threshold_table,
)
from etika.fairness import calibration_by_group, group_metrics
from etika.i18n import current_language, t

#: The smallest share of each group a lender must approve for a threshold pair to count.
MIN_SELECTION = 0.5


def best_all_round(
    table: pd.DataFrame, label: str = "approved_past", min_selection: float = MIN_SELECTION
) -> dict[str, float]:
    """Over every pair of per-group thresholds, the pair whose largest gap is smallest.

    The largest gap is taken over selection rate, TPR and precision, among the pairs at which
    the lender still approves at least ``min_selection`` of each group (refusing nearly
    everyone would make the rates nearly equal). While anyone is approved and the groups' base
    rates differ, this cannot reach zero, whatever the model: in each group, selection rate ×
    precision = base rate × TPR. How far from zero it stays depends on the model, the data and
    ``min_selection``; the chapter quotes it with the floor and without.
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


def area_figures(label: str = "approved_past", threshold: float = 0.5) -> dict[str, float]:
    """The metrics page's model, rural against urban applicants, at one threshold.

    Keys ``{metric}_{area}`` for ``fpr`` (approved among those who would not repay), ``fnr``
    (refused among those who would repay) and ``error_rate`` (all wrong decisions). The index
    page's "who is harmed" paragraph quotes them: rural applicants get more wrong decisions,
    and they are wrong *refusals*; the rural FPR is lower, not higher.
    """
    test, scores = threshold_data()
    frame = group_metrics(test["repaid"], scores[label] >= threshold, test["area"].astype(str))
    out = {}
    for area in ("rural", "urban"):
        row = frame.loc[area]
        out[f"fpr_{area}"] = float(row["fpr"])
        out[f"fnr_{area}"] = float(1 - row["tpr"])
        out[f"error_rate_{area}"] = float((row["fp"] + row["fn"]) / row["count"])
    return out


@lru_cache(maxsize=1)
def separate_model_errors(
    rural_share: float = SHARES[-1], seeds: tuple[int, ...] = SEEDS
) -> dict[str, float]:
    """Error rates when rural and urban applicants each get their own model (mean over seeds).

    Same training samples and test set as :mod:`etika.demos.representation` at ``rural_share``,
    but each area's model learns only from that area's rows. The difference from the one shared
    model is the part of the rural error that is *aggregation bias*; what remains is that rural
    repayment is harder to predict from these columns.
    """
    test = evaluation_set()
    area = test["area"].astype(str).to_numpy()
    errors: dict[str, list[float]] = {"rural": [], "urban": []}
    for seed in seeds:
        train = make_microcredit(TRAIN_SIZE, seed=seed, rural_share=rural_share)
        for name, errs in errors.items():
            part, held = train[train["area"] == name], test[area == name]
            model = logistic_model().fit(features(part), part["repaid"])
            pred = model.predict(features(held))
            errs.append(float(np.mean(pred != held["repaid"].to_numpy())))
    return {name: float(np.mean(errs)) for name, errs in errors.items()}


def approve_all_figures() -> dict[str, float]:
    """The "no model" baseline for rural applicants: approve every one of them.

    ``approve_all_error``: its error rate on the test set (the rural applicants who would not
    repay). ``share_beats_approve_all``: the smallest rural share of the training data at
    which the shared model makes fewer rural errors than that rule.
    """
    test = evaluation_set()
    rural = test[test["area"] == "rural"]
    baseline = float(1 - rural["repaid"].mean())
    table = representation_table()
    rural_rows = table[table["group"] == "rural"].sort_values("rural_share")
    # compared as the page prints them (4 decimals): a tie is not "better"
    beats = rural_rows[rural_rows["error_rate"].round(4) < round(baseline, 4)]["rural_share"]
    return {
        "approve_all_error": baseline,
        "share_beats_approve_all": float(beats.min()) if len(beats) else float("nan"),
    }


def actual_repayment_figures(threshold: float = 0.5) -> dict[str, float]:
    """The demo's *actual repayment* model (label ``repaid``) at the shared threshold."""
    rows = lookup(threshold_table(), threshold, label="repaid")
    return {f"{m}_{g}": float(rows.loc[g, m]) for m in RATE_COLUMNS for g in ("female", "male")}


def worked_example_counts(group: str = "female", threshold: float = 0.5) -> dict[str, int]:
    """The four counts of one group at the shared threshold, for the metrics page's example."""
    row = lookup(threshold_table(), threshold).loc[group]
    return {k: int(row[k]) for k in ("tp", "fp", "fn", "tn", "count")}


CALIBRATION_BINS = (0.0, 0.25, 0.5, 0.75, 1.0)


def calibration_table(label: str = "approved_past") -> pd.DataFrame:
    """The metrics page's reliability table: per band and group, mean score and repayment.

    ``underrating`` is the share who repay minus the mean score: positive where the score
    underrates the group, negative where it overrates it.
    """
    test, scores = threshold_data()
    table = calibration_by_group(
        test["repaid"], scores[label], test["gender"].astype(str), bins=list(CALIBRATION_BINS)
    )
    table["underrating"] = table["observed_rate"] - table["mean_score"]
    return table


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
    for key, value in separate_model_errors().items():
        out[f"repr_{key}_separate_error"] = value
    for key, value in approve_all_figures().items():
        out[f"repr_rural_{key}" if key.endswith("error") else f"repr_{key}"] = value
    for key, value in area_figures().items():
        out[f"area_{key}"] = value
    for key, value in actual_repayment_figures().items():
        out[f"repaid_{key}"] = value
    out["best_nofloor_max_gap"] = best_all_round(table, min_selection=0.0)["max_gap"]
    for key, value in worked_example_counts().items():
        out[f"count_female_{key}"] = value
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
        if key.startswith("count_"):
            out[key] = f"{int(value):,}".replace(",", "." if lang == "id" else ",")
        elif "threshold" in key:
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


def _markdown_table(header: list[str], rows: list[list[str]], caption: str) -> str:
    """A MyST table with a caption (the page cell renders it with ``markdown_format: myst``)."""

    def line(cells):
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    body = [line(header), "|" + "---|" * len(header), *(line(r) for r in rows)]
    return f":::{{table}} {caption}\n:align: left\n\n" + "\n".join(body) + "\n:::\n"


def _group_label(group: str, lang: str) -> str:
    return t({"female": "common.women", "male": "common.men"}[group], lang)


def calibration_markdown(lang: str | None = None) -> str:
    """The metrics page's calibration table in the reader's language, as plain figures.

    Bands as "0.25–0.50" (with the language's decimal mark), scores with two decimals, shares
    as percentages, groups by name: nothing a reader who skips the code has to decode.
    """
    lang = lang or current_language()
    table = calibration_table()
    rows = []
    for r in table.itertuples():
        # word joiners: the band never breaks at its dash on a narrow screen
        band = f"{fmt_threshold(r.bin_low, lang)}\u2060–\u2060{fmt_threshold(r.bin_high, lang)}"
        rows.append(
            [
                _group_label(r.group, lang),
                band,
                fixed(round_value(r.mean_score), 2, lang),
                fmt_rate(round_value(r.observed_rate), lang),
                f"{int(r.count):,}".replace(",", "." if lang == "id" else ","),
            ]
        )
    header = [
        t("table.group", lang),
        t("table.score_band", lang),
        t("table.mean_score", lang),
        t("table.repay_share", lang),
        t("metric.count", lang),
    ]
    return _markdown_table(header, rows, t("table.caption.calibration", lang))


def rates_markdown(lang: str | None = None, threshold: float = 0.5) -> str:
    """The four rates per group at ``threshold`` and their gap, in the reader's language."""
    lang = lang or current_language()
    shown = lookup(threshold_table(), threshold)
    rows = []
    for metric in RATE_COLUMNS:
        women = round_value(float(shown.loc["female", metric]))
        men = round_value(float(shown.loc["male", metric]))
        rows.append(
            [
                t(f"metric.{metric}", lang),
                fmt_rate(women, lang),
                fmt_rate(men, lang),
                fixed(abs(women - men), 1, lang, scale=100),
            ]
        )
    header = [
        t("table.measure", lang),
        t("common.women", lang),
        t("common.men", lang),
        t("table.gap_pp", lang),
    ]
    caption = t("table.caption.rates", lang, threshold=fmt_threshold(threshold, lang))
    return _markdown_table(header, rows, caption)
