"""A count released with calibrated noise: the reader's error against a differencing attack.

The NGO wants to publish, per village, how many women heading a household receive aid. A count
changes by at most 1 when one person is added or removed (its **sensitivity** is 1), so the
Laplace mechanism (Dwork, McSherry, Nissim & Smith 2006) adds noise drawn from Laplace(1/ε):
the release is ε-differentially private. :func:`laplace_scale` is that formula;
:func:`opendp_scale` asks OpenDP for the smallest scale whose privacy map gives ε for a change of
one person, and the tests hold the two equal. The demo's table does not import OpenDP itself:
loading the library takes seconds on a weak laptop, more than a page's notebook can spend.

:func:`noise_table` holds, for every ε of the grid and for "no noise":

* what a reader of the statistic sees: ``expected_error`` (the mean absolute error, equal to the
  scale for Laplace noise), ``simulated_error`` and ``off_by_3_share`` (releases of a village's
  count off by 3 or more) from seeded simulated releases of the eight villages;
* what a **differencing attack** achieves: the attacker knows every other woman on the list
  (for example from an earlier release, made before one more person joined) and guesses that
  Ibu Sumarni is in it when the released count exceeds the others by more than one half.
  ``attack_success`` is its exact probability of guessing right, ``1 - exp(-ε/2)/2`` (a coin toss
  is 0.5), ``attack_simulated`` the same from simulated releases, and ``attack_bound``
  ``e^ε/(1+e^ε)``, the most any attacker can reach against an ε-differentially private release;
* ``example_*``: one seeded release of the eight villages' counts, as a reader would see it.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from etika.privacy.beneficiaries import DISTRICTS, beneficiaries

__all__ = [
    "EPSILONS",
    "VILLAGES",
    "attack_success",
    "laplace_scale",
    "noise_table",
    "opendp_scale",
    "true_counts",
]

#: The ε grid of the demo (None: the exact count, no noise).
EPSILONS: tuple[float | None, ...] = (0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, None)
VILLAGES: tuple[str, ...] = tuple(v for vs in DISTRICTS.values() for v in vs)
_TRIALS = 4000


def true_counts(seed: int = 0) -> pd.Series:
    """Women heading a household who receive aid, per village (the statistic to publish)."""
    listed = beneficiaries(seed)
    counts = listed[listed["female_head"]].groupby("village").size()
    return counts.reindex(VILLAGES, fill_value=0)


@lru_cache(maxsize=16)
def opendp_scale(epsilon: float, sensitivity: float = 1.0) -> float:
    """The Laplace scale OpenDP calibrates for ``epsilon`` on a count of ``sensitivity``."""
    import opendp.prelude as dp

    dp.enable_features("contrib")
    space = dp.atom_domain(T=float, nan=False), dp.absolute_distance(T=float)
    return float(
        dp.binary_search_param(
            lambda s: dp.m.make_laplace(*space, scale=s), d_in=sensitivity, d_out=epsilon
        )
    )


def laplace_scale(epsilon: float, sensitivity: float = 1.0) -> float:
    """The Laplace mechanism's scale for ``epsilon``: sensitivity / ε (Dwork et al. 2006)."""
    return sensitivity / epsilon


def attack_success(epsilon: float | None) -> float:
    """Exact success of the differencing attack (threshold one half) against Laplace(1/ε)."""
    if epsilon is None:
        return 1.0
    return float(1 - 0.5 * np.exp(-epsilon / 2))


@lru_cache(maxsize=2)
def noise_table(seed: int = 0) -> pd.DataFrame:
    """The demo's table: one row per ε of :data:`EPSILONS`."""
    counts = true_counts(seed).to_numpy(dtype=float)
    rows = []
    for i, eps in enumerate(EPSILONS):
        rng = np.random.default_rng(1000 + i)
        scale = 0.0 if eps is None else laplace_scale(eps)
        releases = (
            counts + rng.laplace(0.0, scale, size=(_TRIALS, len(counts)))
            if scale
            else (np.tile(counts, (_TRIALS, 1)))
        )
        errors = np.abs(releases - counts)
        # The attack: half the trials with Ibu Sumarni in the list (true difference 1), half
        # without (0); the attacker says "in" when the difference exceeds one half.
        present = rng.random(_TRIALS) < 0.5
        diff = present.astype(float) + (rng.laplace(0.0, scale, _TRIALS) if scale else 0.0)
        example = np.round(releases[0])
        rows.append(
            {
                "epsilon": eps,
                "scale": scale,
                "expected_error": scale,
                "simulated_error": float(errors.mean()),
                "off_by_3_share": float((errors >= 3).mean()),
                "attack_success": attack_success(eps),
                "attack_simulated": float(((diff > 0.5) == present).mean()),
                "attack_bound": 1.0 if eps is None else float(np.exp(eps) / (1 + np.exp(eps))),
                **{f"true_{v}": int(c) for v, c in zip(VILLAGES, counts, strict=True)},
                **{f"example_{v}": int(x) for v, x in zip(VILLAGES, example, strict=True)},
            }
        )
    return pd.DataFrame(rows)
