"""Argument checks shared by the scenario generators."""

from __future__ import annotations

import numpy as np


def check_generator_args(n, rural_share: float) -> None:
    """Raise ``ValueError`` naming the argument when ``n`` or ``rural_share`` is unusable."""
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"n must be a positive integer, got {n!r}")
    if not 0.0 <= rural_share <= 1.0:
        raise ValueError(f"rural_share must be between 0 and 1, got {rural_share!r}")
