"""A model that remembers: membership inference against a targeting model, by its complexity.

The NGO surveys some residents of the eight villages and trains a model to flag who is likely
to need aid (the label: whether the resident receives aid, known from its list). The inputs are
the quasi-identifiers the roster shows (village, age, sex, household size, occupation). The
model is a decision tree; the demo's control is how deep the tree may grow (``max_depth``):
shallow trees are the regularised end, an unlimited tree the overfit one.

The attacker holds the roster (everyone's inputs and, from the published list, who receives
aid) and may query the model. For one resident the attacker asks how confident the model is in
that resident's true label, and says "was in the training data" when the confidence is at least
some ``c``. Members and as many residents who were not surveyed are tested; the attack's
**advantage** is its true-positive rate minus its false-positive rate (Yeom et al. 2018), here
at the best ``c`` for the attacker (so an upper bound for this rule), and the attacker's
accuracy on the balanced test is ``(1 + advantage) / 2``: 0.5 is a coin toss.

Every figure is the mean over :data:`SPLITS` seeded surveys (who is surveyed is drawn again),
so no single lucky draw makes the demo's story. :func:`membership_table` is fitted once and kept
on disk (:func:`etika.cache.on_disk`); the demo and the chapter's figures read it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.tree import DecisionTreeClassifier

from etika.cache import on_disk
from etika.privacy.beneficiaries import QUASI_IDENTIFIERS, beneficiaries, roster

__all__ = [
    "DEPTHS",
    "N_SURVEYED",
    "SPLITS",
    "attack_advantage",
    "labelled_roster",
    "membership_table",
]

#: The tree depths of the demo's control (None: the tree grows until every leaf is pure).
DEPTHS: tuple[int | None, ...] = (1, 2, 3, 4, 6, 8, 12, None)
#: Residents in the NGO's survey (the training data); as many others are the attack's "outs".
N_SURVEYED = 600
SPLITS = 5
_CATEGORICAL = ("village", "sex", "occupation")


def labelled_roster(seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The roster's inputs (one-hot) and, per resident, 1 if they receive aid."""
    people = roster(seed)
    y = people["resident_id"].isin(beneficiaries(seed)["resident_id"]).to_numpy().astype(int)
    x = pd.get_dummies(
        people[list(QUASI_IDENTIFIERS)], columns=list(_CATEGORICAL), dtype=float
    ).to_numpy()
    return x, y


def attack_advantage(conf_in: np.ndarray, conf_out: np.ndarray) -> tuple[float, float]:
    """The best threshold rule's advantage (TPR - FPR) and its threshold.

    ``conf_in`` and ``conf_out`` are the model's confidence in the true label for members and
    for non-members; the rule says "member" when the confidence is at least the threshold.
    """
    best, best_c = 0.0, float("inf")  # "never say member": advantage 0
    for c in np.unique(np.concatenate([conf_in, conf_out])):
        adv = float(np.mean(conf_in >= c) - np.mean(conf_out >= c))
        if adv > best:
            best, best_c = adv, float(c)
    return best, best_c


def _one_split(x: np.ndarray, y: np.ndarray, depth: int | None, split: int) -> dict[str, float]:
    rng = np.random.default_rng(100 + split)
    order = rng.permutation(len(y))
    member, other = order[:N_SURVEYED], order[N_SURVEYED : 2 * N_SURVEYED]
    rest = order[N_SURVEYED:]
    tree = DecisionTreeClassifier(max_depth=depth, random_state=split).fit(x[member], y[member])
    conf = tree.predict_proba(x)[np.arange(len(y)), y]
    adv, _ = attack_advantage(conf[member], conf[other])
    return {
        "train_accuracy": float((tree.predict(x[member]) == y[member]).mean()),
        "test_accuracy": float((tree.predict(x[rest]) == y[rest]).mean()),
        "baseline_accuracy": float(max(y[rest].mean(), 1 - y[rest].mean())),
        "advantage": adv,
        "leaves": float(tree.get_n_leaves()),
    }


@on_disk("privacy-membership")
def membership_table(seed: int = 0) -> pd.DataFrame:
    """One row per depth of :data:`DEPTHS` (``depth`` 0 stands for "no limit").

    Columns: ``train_accuracy`` (on the surveyed residents), ``test_accuracy`` (on everyone
    else), ``baseline_accuracy`` (always guessing the commoner answer, on everyone else),
    ``gap`` (train minus test), ``advantage``, ``attack_accuracy`` ((1 + advantage) / 2) and
    ``leaves`` (the tree's size), each the mean over :data:`SPLITS` surveys.
    """
    x, y = labelled_roster(seed)
    rows = []
    for depth in DEPTHS:
        runs = pd.DataFrame([_one_split(x, y, depth, s) for s in range(SPLITS)])
        row = {"depth": 0 if depth is None else depth, **runs.mean().to_dict()}
        row["gap"] = row["train_accuracy"] - row["test_accuracy"]
        row["attack_accuracy"] = (1 + row["advantage"]) / 2
        rows.append(row)
    return pd.DataFrame(rows)
