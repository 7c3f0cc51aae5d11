"""Sphinx glue for the Etika AI book.

- Every page gets a language switcher that leads to the same page in the other language
  (the two builds sit side by side in ``_build/html/en`` and ``_build/html/id``).
- The kernel-free demo assets shipped in ``etika/static`` are copied into the site and loaded
  only by pages that contain a demo, so reading pages stay light.
"""

from __future__ import annotations

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
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if not _is_thebe(asset)]
    if "body" in context:
        if DEMO_MARKER in context["body"]:
            app.add_js_file("etika-demos.js", defer="defer")
            app.add_css_file("etika-demos.css")
        notebook = _is_notebook(app, pagename)
        context["body"] = switcher_html(pagename, lang, notebook) + context["body"]


def setup(app):
    app.connect("config-inited", _on_config_inited)
    app.connect("builder-inited", _on_builder_inited)
    app.connect("html-page-context", _on_page_context)
    app.connect("build-finished", _write_notebooks)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
