"""Fixtures of the browser tests: the built site on a loopback port, and one Chromium."""

from __future__ import annotations

import pytest
import site_audit


@pytest.fixture(scope="module")
def origin(site):
    with site_audit.serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def chromium():
    with site_audit.browser() as browser:
        yield browser
