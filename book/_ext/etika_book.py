"""Sphinx glue for the Etika AI book.

- The page shell (``book/_templates/page.html``, on furo) gets its words in the page's
  language from ``site_strings.py``, and a link to the same page in the other language
  (the two builds sit side by side in ``_build/html/en`` and ``_build/html/id``).
- Each page loads only the scripts and stylesheets its content uses: the demo assets only
  where there is a demo, the code-toggle and tab scripts only where there is a toggle or a tab,
  and never the launch-button, comment or book-theme scripts jupyter-book adds by default.
- Files in ``_static`` are shared by both languages (``SHARED_STATIC``): pages point one folder
  up for them, and ``scripts/build_book.py`` moves them there, so switching language reuses
  what the browser already has.
- Notebook pages link to the page as a Jupyter notebook in the page's language
  (``notebook_download.py``).
"""

from __future__ import annotations

import re
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import Directive

import etika

from notebook_download import page_catalogue, write_notebooks
from site_strings import ui

LANG_NAMES = {"en": "English", "id": "Bahasa Indonesia"}
DEMO_MARKER = 'class="etika-demo'
#: The Verify a certificate form (issue 18): its script, and the keys the build publishes.
VERIFY_MARKER = 'class="etika-verify"'
#: The transparency chapter's demos need their own script too.
TRANSPARENCY_MARKERS = tuple(
    f'data-demo="{n}"' for n in ("explain_local", "explain_global", "model_card")
)
#: ... and so do the privacy chapter's (issue 15).
PRIVACY_MARKERS = tuple(f'data-demo="{n}"' for n in ("linkage", "dp_noise", "membership"))
#: And the mitigation chapter's (issue 16).
MITIGATION_MARKERS = tuple(f'data-demo="{n}"' for n in ("frontier", "who_gains", "which_label"))
ETIKA_STATIC = Path(etika.__file__).parent / "static"
TEMPLATES = Path(__file__).resolve().parent.parent / "_templates"

#: Static files that differ between the languages and so stay in ``<lang>/_static``.
LANGUAGE_STATIC = {"documentation_options.js", "translations.js", "language_data.js"}

#: Assets jupyter-book's extensions add to every page that no page of this book uses: the
#: launch buttons and comments are off, the book theme is not the theme, copying code is a
#: notebook affair (the page's code is folded away for readers who do not code).
UNUSED_ASSETS = (
    "thebe",
    "sphinx-book-theme",
    "clipboard.min.js",
    "copybutton",
    "sphinx-comments",
)
#: Assets needed only when the page body contains one of the markers.
CONDITIONAL_ASSETS = {
    "togglebutton": ("toggle", "dropdown"),
    "design-tabs.js": ("sd-tab",),
    "sphinx-design": ('class="sd-',),
    "etika-demos": (DEMO_MARKER,),
    "etika-verify": (VERIFY_MARKER,),
    "etika-certificate-keys": (VERIFY_MARKER,),
}


def _other(lang: str) -> str:
    return "id" if lang == "en" else "en"


def other_language_href(pagename: str, lang: str) -> str:
    """The same page in the other language, relative so the site works from any path."""
    up = "../" * (pagename.count("/") + 1)
    return f"{up}{_other(lang)}/{pagename}.html"


def page_links_html(pagename: str, lang: str, notebook: bool = False) -> str:
    """The links at the top of each page: the other language, and the page as a notebook."""
    other, words = _other(lang), ui(lang)
    links = (
        f'<a href="{other_language_href(pagename, lang)}" hreflang="{other}" lang="{other}">'
        f"{words['lang.switch']}</a>"
    )
    if notebook:
        name = pagename.rsplit("/", 1)[-1]
        links = (
            f'<a class="etika-ipynb" href="{name}.ipynb" download>{words["download.ipynb"]}</a>'
            + links
        )
    return f'<nav class="etika-lang" aria-label="{words["lang.nav"]}">{links}</nav>'


def _is_notebook(app, docname: str) -> bool:
    return "kernelspec" in app.env.metadata.get(docname, {})


def _on_config_inited(app, config) -> None:
    # Themes append their own template folders; ours must come first to override them.
    config.templates_path.insert(0, str(TEMPLATES))


#: Code colours with WCAG AA contrast on furo's dark background.
DARK_CODE_STYLE = "a11y-high-contrast-dark"


def _set_dark_code_style(app) -> None:
    # furo declares pygments_dark_style when the theme loads, after the configuration is read,
    # and reads it in its own builder-inited handler, which runs after this one.
    if hasattr(app.config, "pygments_dark_style"):
        app.config.pygments_dark_style = DARK_CODE_STYLE


SVG_TITLE = re.compile(r"\s*<title>.*?</title>", re.S)


def _on_builder_inited(app) -> None:
    templates = getattr(app.builder, "templates", None)
    if templates is not None and hasattr(templates, "environment"):
        templates.environment.filters["without_titles"] = lambda html: SVG_TITLE.sub("", html)
    if ETIKA_STATIC.is_dir():
        app.config.html_static_path.append(str(ETIKA_STATIC))
    app.add_css_file("etika-book.css")
    app.add_js_file("etika-site.js", defer="defer")


def _asset_name(asset) -> str:
    return str(getattr(asset, "filename", asset) or "")


def keep_asset(asset, body: str) -> bool:
    """Whether a page whose HTML body is ``body`` needs ``asset`` (a script or stylesheet)."""
    name = _asset_name(asset)
    inline = str(getattr(asset, "attributes", {}).get("body", ""))
    if not name:  # an inline script: keep only what a kept script reads
        if "kernelName" in inline or "THEBE" in inline or "thebe" in inline:
            return False
        if "toggle" in inline:
            return any(marker in body for marker in CONDITIONAL_ASSETS["togglebutton"])
        return True
    if any(unused in name for unused in UNUSED_ASSETS):
        return False
    for key, markers in CONDITIONAL_ASSETS.items():
        if key in name:
            return any(marker in body for marker in markers)
    return True


def shared_static_path(pathto):
    """Wrap Sphinx's ``pathto`` so that files in ``_static`` are found in the shared folder."""

    def wrapped(target: str, resource: bool = False, baseuri: str | None = None) -> str:
        if baseuri is not None:
            return pathto(target, resource, baseuri)
        path = pathto(target, resource)
        if resource and target.startswith("_static/"):
            name = target.split("?", 1)[0].rsplit("/", 1)[-1]
            if name not in LANGUAGE_STATIC:
                return "../" + path
        return path

    return wrapped


def _tag_rewriter(tag, pathto):
    # css_tag and js_tag call Sphinx's own pathto, not the context's: mend their output.
    def wrapped(asset, *args, **kwargs):
        html = str(tag(asset, *args, **kwargs))
        name = _asset_name(asset)
        if name.startswith("_static/") and name.rsplit("/", 1)[-1] not in LANGUAGE_STATIC:
            own = pathto(name.split("?", 1)[0], 1)
            html = html.replace(f'="{own}', f'="../{own}', 1)
        return html

    return wrapped


#: Inline scripts sphinx-thebe writes into page bodies for launch buttons, which are off.
THEBE_BODY = re.compile(
    r'\s*<script type="text/x-thebe-config">.*?</script>|\s*<script>kernelName = [^<]*</script>',
    re.S,
)
NAV_TOGGLE = re.compile(r"Toggle navigation of ([^<]*)")
CAPTION = re.compile(r'(<(?:p|span) class="caption(?:-text)?"[^>]*>)([^<]+)(</)')


def translate_captions(app, html: str) -> str:
    """The menu's part captions (from ``_toc.yml``) in the page's language.

    sphinx-external-toc inserts the toctrees after Sphinx has translated the root page, so
    their captions stay English; the root page's catalogue has them (``make translations``).
    """
    # Sphinx writes the captions as role="heading" without the level ARIA requires.
    html = html.replace(
        'class="caption" role="heading">', 'class="caption" role="heading" aria-level="2">'
    )
    catalogue = page_catalogue(app, app.config.root_doc)
    if catalogue is None:
        return html
    return CAPTION.sub(lambda m: m.group(1) + catalogue.gettext(m.group(2)) + m.group(3), html)


def _on_page_context(app, pagename, templatename, context, doctree) -> None:
    lang = app.config.language or "en"
    words = ui(lang)
    if "body" in context:
        context["body"] = THEBE_BODY.sub("", context["body"])
    body = context.get("body", "")
    context["ui"] = words
    context["etika_other"] = _other(lang)
    context["etika_other_page"] = other_language_href(pagename, lang)
    context["etika_page_links"] = (
        page_links_html(pagename, lang, _is_notebook(app, pagename)) if "body" in context else ""
    )
    if DEMO_MARKER in body:
        app.add_js_file("etika-demos.js", defer="defer")
        app.add_css_file("etika-demos.css")
        if any(m in body for m in TRANSPARENCY_MARKERS):  # transparency chapter (issue 14)
            app.add_js_file("etika-demos-transparency.js", defer="defer")
        if any(m in body for m in PRIVACY_MARKERS):  # privacy chapter (issue 15)
            app.add_js_file("etika-demos-privacy.js", defer="defer")
        if any(m in body for m in MITIGATION_MARKERS):  # mitigation chapter (issue 16)
            app.add_js_file("etika-demos-mitigation.js", defer="defer")
    if VERIFY_MARKER in body:
        app.add_js_file("etika-certificate-keys.js", defer="defer")
        app.add_js_file("etika-verify.js", defer="defer")
        app.add_css_file("etika-verify.css")
    if "furo_navigation_tree" in context:
        context["furo_navigation_tree"] = translate_captions(
            app,
            NAV_TOGGLE.sub(
                lambda m: f"{words['nav.sections']} {m.group(1)}", context["furo_navigation_tree"]
            ),
        )
    # Last: add_js_file/add_css_file above append to the page's own lists, which this replaces.
    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if keep_asset(asset, body)]
    pathto = context["pathto"]
    context["pathto"] = shared_static_path(pathto)
    for key in ("favicon_url", "logo_url"):  # computed before this handler, with Sphinx's pathto
        url = context.get(key) or ""
        own = pathto("_static/", 1)
        if url.startswith(own):
            context[key] = "../" + url
    for key in ("css_tag", "js_tag"):
        if key in context:
            context[key] = _tag_rewriter(context[key], pathto)


def repair_accessibility(outdir: Path) -> None:
    """Mend what screen readers trip on in Sphinx's own HTML (found by axe-core).

    Sphinx marks each reference as ``role="doc-biblioentry"`` inside ``role="list"``, a role
    ARIA 1.2 deprecated and a list without list items (axe: aria-required-children).
    """
    for page in outdir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if 'role="doc-biblioentry"' in text:
            page.write_text(text.replace('role="doc-biblioentry"', 'role="listitem"'), "utf-8")


def _on_build_finished(app, exception) -> None:
    if exception is None and app.builder.format == "html":
        repair_accessibility(Path(app.outdir))


class VerifyForm(Directive):
    """``{etika-verify}``: the Verify a certificate form, in the page's language."""

    def run(self):
        from etika.certificate_page import verify_html

        lang = self.state.document.settings.env.config.language or "en"
        return [nodes.raw("", verify_html(lang), format="html")]


def setup(app):
    app.add_directive("etika-verify", VerifyForm)
    # Set by scripts/build_book.py; a new value makes Sphinx re-read (and re-run) every page.
    app.add_config_value("etika_library_digest", "", "env")
    app.connect("config-inited", _on_config_inited)
    app.connect("builder-inited", _set_dark_code_style, priority=100)
    app.connect("builder-inited", _on_builder_inited)
    # After furo's own handler (priority 500), whose navigation tree and assets this mends.
    app.connect("html-page-context", _on_page_context, priority=600)
    app.connect("build-finished", write_notebooks)
    app.connect("build-finished", _on_build_finished)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
