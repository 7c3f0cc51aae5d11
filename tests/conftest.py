"""Shared fixtures: paths of the repository and of the built site."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "_build" / "html"
sys.path.insert(0, str(ROOT / "scripts"))


@pytest.fixture(scope="session")
def site() -> Path:
    """The built site; `make test` builds it before running pytest."""
    if not (SITE / "en").is_dir() or not (SITE / "id").is_dir():
        pytest.fail("no built site in _build/html: run `make book` (or `make test`) first")
    return SITE
