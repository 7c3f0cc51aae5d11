"""User-interface strings in the course's two languages.

Notebooks print labels, titles and messages through :func:`t`, so that the Indonesian build of
the book (which runs the notebooks with ``ETIKA_LANG=id``) shows Indonesian output from the same
source. The strings themselves live in :mod:`etika.strings`, one entry per key with every
language side by side, which keeps a missing translation visible in review and in tests.
"""

from __future__ import annotations

import os

from etika.strings import STRINGS

LANGUAGES = ("en", "id")
DEFAULT_LANGUAGE = "en"

_override: str | None = None


def _check(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(
            f"unknown course language {lang!r}; use one of {', '.join(LANGUAGES)} "
            "(set ETIKA_LANG or call etika.set_language)"
        )
    return lang


def current_language() -> str:
    """The language notebooks print in: ``set_language`` first, else ``ETIKA_LANG``, else en."""
    if _override is not None:
        return _override
    return _check(os.environ.get("ETIKA_LANG", DEFAULT_LANGUAGE) or DEFAULT_LANGUAGE)


def set_language(lang: str | None) -> None:
    """Choose the output language for this process; ``None`` returns to ``ETIKA_LANG``."""
    global _override
    _override = None if lang is None else _check(lang)


def t(key: str, lang: str | None = None, **fields: object) -> str:
    """The string ``key`` in ``lang`` (default: the current language), formatted with ``fields``.

    An unknown key raises ``KeyError`` naming it, so a typo fails a test instead of printing
    a raw key to a learner.
    """
    try:
        entry = STRINGS[key]
    except KeyError:
        raise KeyError(f"no UI string {key!r} in etika/strings.py") from None
    text = entry[_check(lang) if lang else current_language()]
    return text.format(**fields) if fields else text
