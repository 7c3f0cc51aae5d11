"""Course demos: one table per demo, computed once over its parameter grid, drawn by two views.

* kernel view (:mod:`etika.demos.widgets`): ipywidgets controls whose callbacks only look rows
  up in the table and redraw an inline SVG;
* static view (:mod:`etika.demos.static`): an HTML snippet with native controls and the table
  embedded as JSON, brought to life by ``etika/static/etika-demos.js`` with no kernel.

:func:`show` picks the static view when ``ETIKA_STATIC=1`` (the book build sets it) and the
kernel view otherwise.
"""

from __future__ import annotations

import os

DEMOS: tuple[str, ...] = ("threshold", "proxy", "representation")

__all__ = ["DEMOS", "show"]


def show(demo_name: str, lang: str | None = None) -> None:
    """Display demo ``demo_name`` in a notebook.

    With ``ETIKA_STATIC=1`` this is the static HTML (an ``IPython.display.HTML``); otherwise
    the ipywidgets view's widget. Both are drawn from the same table.
    """
    from IPython.display import HTML, display

    for chapter, names in CHAPTER_DEMOS.items():
        if demo_name in names:
            return _show_chapter(chapter, demo_name, lang)
    if demo_name not in DEMOS:
        raise ValueError(f"unknown demo {demo_name!r}; known demos: {', '.join(DEMOS)}")
    if os.environ.get("ETIKA_STATIC", "") == "1":
        from etika.demos.static import demo_html

        obj = HTML(demo_html(demo_name, lang=lang))
    else:
        from etika.demos.widgets import build_widget

        obj = build_widget(demo_name, lang=lang).widget
    # Returns nothing, so that a cell ending in show(...) does not display the demo twice.
    display(obj)


# --- the later chapters' demos live in their own package, etika.<chapter>.views ------------
CHAPTER_DEMOS: dict[str, tuple[str, ...]] = {
    "transparency": ("explain_local", "explain_global", "model_card"),  # issue 14
    "privacy": ("linkage", "dp_noise", "membership"),  # issue 15
    "mitigation": ("frontier", "who_gains", "which_label"),  # issue 16
}


def _show_chapter(chapter: str, demo_name: str, lang: str | None) -> None:
    import importlib

    from IPython.display import HTML, display

    views = importlib.import_module(f"etika.{chapter}.views")
    if os.environ.get("ETIKA_STATIC", "") == "1":
        display(HTML(views.demo_html(demo_name, lang=lang)))
    else:
        display(views.build_widget(demo_name, lang=lang).widget)
