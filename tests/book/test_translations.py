"""The Indonesian catalogues are complete, current and free of fuzzy entries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]  # the repository (see CONTRIBUTING: Tests)

LOCALE = ROOT / "book" / "locales" / "id" / "LC_MESSAGES"


def catalogues():
    return sorted(LOCALE.rglob("*.po"))


def read(path):
    with path.open("rb") as handle:
        return read_po(handle)


@pytest.mark.parametrize("po", catalogues(), ids=lambda p: str(p.relative_to(LOCALE)))
def test_catalogue_is_fully_translated(po):
    problems = []
    for message in read(po):
        if not message.id:
            continue
        if "fuzzy" in message.flags:
            problems.append(f"fuzzy: {message.id!r}")
        elif not message.string or (isinstance(message.string, tuple) and not all(message.string)):
            problems.append(f"untranslated: {message.id!r}")
    assert not problems, f"{po}: " + "; ".join(problems[:10])


def test_catalogues_match_the_english_sources(tmp_path):
    """Every message in the sources has a catalogue entry, and no entry is stale."""
    run = subprocess.run(
        [sys.executable, "scripts/build_book.py", "gettext"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert run.returncode == 0, (run.stdout + run.stderr)[-3000:]
    pots = sorted((ROOT / "_build" / "gettext").rglob("*.pot"))
    assert pots
    for pot in pots:
        name = pot.relative_to(ROOT / "_build" / "gettext").with_suffix(".po")
        po = LOCALE / name
        assert po.exists(), f"{po} is missing: run `make translations` and translate it"
        wanted = {m.id for m in read(pot) if m.id}
        have = {m.id for m in read(po) if m.id}  # obsolete (#~) entries are not iterated
        assert wanted <= have, f"{po}: not yet in the catalogue (run `make translations`): " + (
            repr(sorted(wanted - have)[:3])
        )
        stale = have - wanted
        assert not stale, f"{po}: entries no longer in the source: {sorted(stale)[:3]!r}"
