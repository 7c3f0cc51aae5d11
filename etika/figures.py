"""Numbers quoted in the book's prose, computed by code and handed to MyST as substitutions.

Why substitutions and not ``myst_nb.glue``: the Indonesian pages are the English pages
translated through gettext, and Sphinx parses a translated paragraph as a new, separate
document, in which glue keys of the notebook cannot be found. Substitutions live in the build
configuration, so ``{{ key }}`` resolves in the translated paragraph too, in the reader's
language. ``scripts/build_book.py`` calls :func:`book_substitutions` once per language.
"""

from __future__ import annotations

from etika import bias_chapter
from etika.mitigation import figures as mitigation_figures
from etika.privacy import figures as privacy_figures
from etika.transparency import figures as transparency_figures


def book_substitutions(lang: str) -> dict[str, str]:
    """Every figure any page quotes, formatted for ``lang``; keys are unique across chapters."""
    figures: dict[str, str] = {}
    for chapter in (bias_chapter, transparency_figures, privacy_figures, mitigation_figures):
        for key, value in chapter.formatted_figures(lang).items():
            if key in figures:
                raise ValueError(f"figure {key!r} is defined by two chapters")
            figures[key] = value
    return figures
