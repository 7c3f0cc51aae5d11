"""Sphinx glue for the Etika AI book.

- Every page gets a language switcher that leads to the same page in the other language
  (the two builds sit side by side in ``_build/html/en`` and ``_build/html/id``).
- The kernel-free demo assets shipped in ``etika/static`` are copied into the site and loaded
  only by pages that contain a demo, so reading pages stay light.
- Notebook pages link to the page as a Jupyter notebook (.ipynb), written beside the page.
- The theme's 150 KB icon font is cut down to the few icons the pages use.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import etika

LANG_NAMES = {"en": "English", "id": "Bahasa Indonesia"}
SWITCH_LABEL = {"en": "Baca dalam Bahasa Indonesia", "id": "Read in English"}
NOTEBOOK_LABEL = {"en": "Download notebook (.ipynb)", "id": "Unduh notebook (.ipynb)"}
DEMO_MARKER = 'class="etika-demo'
ETIKA_STATIC = Path(etika.__file__).parent / "static"
TEMPLATES = Path(__file__).resolve().parent.parent / "_templates"


def _other(lang: str) -> str:
    return "id" if lang == "en" else "en"


def switcher_html(pagename: str, lang: str, notebook: bool = False) -> str:
    """A link to ``pagename`` in the other language, relative so the site works from any path.

    Notebook pages also get a link to the page as a Jupyter notebook (see ``_write_notebooks``).
    """
    other = _other(lang)
    up = "../" * (pagename.count("/") + 1)
    href = f"{up}{other}/{pagename}.html"
    links = f'<a href="{href}" hreflang="{other}" lang="{other}">{SWITCH_LABEL[lang]}</a>'
    if notebook:
        name = pagename.rsplit("/", 1)[-1]
        links = (
            f'<a class="etika-ipynb" href="{name}.ipynb" download>{NOTEBOOK_LABEL[lang]}</a>'
            + links
        )
    return (
        f'<nav class="etika-lang" aria-label="{LANG_NAMES[lang]} / {LANG_NAMES[other]}">'
        f"{links}</nav>"
    )


def _is_notebook(app, docname: str) -> bool:
    return "kernelspec" in app.env.metadata.get(docname, {})


def _write_notebooks(app, exception) -> None:
    """Put each MyST notebook beside its page as .ipynb, without outputs, for trainers."""
    if exception is not None or app.builder.format != "html":
        return
    import jupytext

    for docname in app.env.found_docs:
        if not _is_notebook(app, docname):
            continue
        notebook = jupytext.read(app.env.doc2path(docname))
        target = Path(app.outdir) / f"{docname}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        jupytext.write(notebook, target, fmt="ipynb")


def _on_config_inited(app, config) -> None:
    # Themes append their own template folders; ours must come first to override them.
    config.templates_path.insert(0, str(TEMPLATES))


def _on_builder_inited(app) -> None:
    if ETIKA_STATIC.is_dir():
        app.config.html_static_path.append(str(ETIKA_STATIC))
    app.add_css_file("etika-book.css")


def _is_thebe(asset) -> bool:
    # Launch buttons are off; thebe's loader would only declare a CDN address twice.
    return "thebe" in str(asset) or "THEBE" in str(getattr(asset, "attributes", {}).get("body", ""))


def _on_page_context(app, pagename, templatename, context, doctree) -> None:
    lang = app.config.language or "en"
    if "body" in context:
        if DEMO_MARKER in context["body"]:
            app.add_js_file("etika-demos.js", defer="defer")
            app.add_css_file("etika-demos.css")
        notebook = _is_notebook(app, pagename)
        context["body"] = switcher_html(pagename, lang, notebook) + context["body"]
    # Last: add_js_file/add_css_file above append to the page's own lists, which this replaces.
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if not _is_thebe(asset)]


ICON_FONT = "vendor/fontawesome/webfonts/fa-solid-900.woff2"
ICON_CLASS = re.compile(r"\bfa-([a-z0-9-]+)")
# ".fa-bars:before,.fa-navicon:before{content:"\f0c9"" -> (selectors, code point)
ICON_RULES = re.compile(
    r"((?:\.fa-[a-z0-9-]+:(?:before|after),?)+)\{content:\"\\?([0-9a-f]{4,5})\""
)


def subset_icon_font(outdir: Path) -> tuple[int, int]:
    """Replace the solid icon font by one holding only the icons used in ``outdir``'s pages.

    The icons come from ``fa-NAME`` classes in the HTML and in the theme's scripts (which add
    a few at run time); their code points come from the theme's own stylesheet. Returns the
    font's size before and after.
    """
    from fontTools import subset

    logging.getLogger("fontTools").setLevel(logging.WARNING)  # it logs every table at INFO
    static = outdir / "_static"
    font = static / ICON_FONT
    if not font.exists():
        return (0, 0)
    names: set[str] = set()
    for path in [*outdir.rglob("*.html"), *(static / "scripts").glob("*.js")]:
        names.update(ICON_CLASS.findall(path.read_text(encoding="utf-8", errors="replace")))
    css = (static / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8")
    codepoints = set()
    for selectors, code in ICON_RULES.findall(css):
        if any(name in names for name in re.findall(r"\.fa-([a-z0-9-]+):", selectors)):
            codepoints.add(int(code, 16))
    before = font.stat().st_size
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    loaded = subset.load_font(str(font), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(loaded)
    subset.save_font(loaded, str(font), options)
    return before, font.stat().st_size


TOGGLE = '<summary><span class="toctree-toggle" role="presentation">'
TOGGLE_LABEL = {"en": "Show or hide the sections", "id": "Tampilkan atau sembunyikan subbagian"}


def repair_accessibility(outdir: Path, lang: str) -> None:
    """Mend two things in the generated HTML that screen readers trip on (found by axe-core).

    - pydata-sphinx-theme writes the sidebar's expand/collapse ``<summary>`` with only an icon
      in it, so it has no name (axe: summary-name); the theme has no setting for it.
    - Sphinx marks each reference as ``role="doc-biblioentry"`` inside ``role="list"``, a role
      ARIA 1.2 deprecated and a list without list items (axe: aria-required-children).
    """
    fixes = {
        TOGGLE: TOGGLE.replace("<summary>", f'<summary aria-label="{TOGGLE_LABEL[lang]}">'),
        'role="doc-biblioentry"': 'role="listitem"',
    }
    for page in outdir.rglob("*.html"):
        text = original = page.read_text(encoding="utf-8")
        for old, new in fixes.items():
            text = text.replace(old, new)
        if text != original:
            page.write_text(text, encoding="utf-8")


def _on_build_finished(app, exception) -> None:
    if exception is None and app.builder.format == "html":
        subset_icon_font(Path(app.outdir))
        repair_accessibility(Path(app.outdir), app.config.language or "en")


def setup(app):
    # Set by scripts/build_book.py; a new value makes Sphinx re-read (and re-run) every page.
    app.add_config_value("etika_library_digest", "", "env")
    app.connect("config-inited", _on_config_inited)
    app.connect("builder-inited", _on_builder_inited)
    app.connect("html-page-context", _on_page_context)
    app.connect("build-finished", _write_notebooks)
    app.connect("build-finished", _on_build_finished)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
