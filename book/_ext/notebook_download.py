"""The notebook a reader downloads from a page: in the page's language, ready to run.

A chapter page is a MyST notebook (``book/<chapter>/<page>.md``). Its download is that
notebook as ``.ipynb``, beside the page, with no outputs, and with the markdown made readable
outside the book:

- each paragraph, heading, list item, table cell and admonition title is replaced by its
  translation from the page's gettext catalogue (the same catalogue the page is built from,
  looked up by the same message ids Sphinx extracts);
- ``{{ key }}`` substitutions become the figures the page shows (``myst_substitutions``);
- citation roles become "(Author, Year)" and a list of the works cited is added at the end;
  other roles (``{term}``, ``{doc}``, ``{ref}``) become their text; links to other pages
  point at those pages in the built site;
- the first code cell makes the course library print in the page's language.
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it import MarkdownIt
from mdit_py_plugins.colon_fence import colon_fence_plugin
from mdit_py_plugins.deflist import deflist_plugin
from sphinx.util import logging

logger = logging.getLogger(__name__)
_PARSER = MarkdownIt("commonmark").enable("table").use(colon_fence_plugin).use(deflist_plugin)
SUBSTITUTION = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
CITE = re.compile(r"\{cite:(p|t|ps|ts)\}`([^`]+)`")
ROLE = re.compile(r"\{(?:term|doc|ref|abbr)\}`([^`<]*?)(?:\s*<[^`>]*>)?`")
PAGE_LINK = re.compile(r"\]\(((?!https?:|mailto:|#)[^)\s]+?)\.md(#[^)]*)?\)")
DIRECTIVE_OPTION = re.compile(r"^:[\w-]+:.*$")
REFERENCES_TITLE = {"en": "References", "id": "Daftar pustaka"}
ET_AL = {"en": "et al.", "id": "dkk."}
AND = {"en": "&", "id": "&"}


class Translator:
    """Looks a message up in a page's catalogue; ``None`` when there is none (English)."""

    def __init__(self, catalogue=None):
        self.catalogue = catalogue
        self.missing: list[str] = []

    def __call__(self, text: str) -> str:
        msgid = text.replace("\n", " ").strip()
        if self.catalogue is None or not msgid:
            return msgid
        translated = self.catalogue.gettext(msgid)
        if translated == msgid and not self._listed(msgid):
            self.missing.append(msgid)
        return translated

    def _listed(self, msgid: str) -> bool:
        # A message may be translated as itself (a formula); only an absent one is missing.
        catalogue = self.catalogue
        while catalogue is not None:
            if msgid in getattr(catalogue, "_catalog", {}):
                return True
            catalogue = getattr(catalogue, "_fallback", None)
        return False


def _replacements(source: str, translate: Translator, offset: int = 0) -> list:
    """(first line, end line, new lines) for every translatable block of ``source``."""
    lines = source.split("\n")
    edits: list[tuple[int, int, list[str]]] = []
    tokens = _PARSER.parse(source)
    for index, token in enumerate(tokens):
        if token.type == "colon_fence":
            first = token.map[0]
            head = lines[first]
            info = token.info.strip()
            title = info.partition(" ")[2]
            if title:
                edits.append(
                    (offset + first, offset + first + 1, [head.replace(title, translate(title))])
                )
            body_lines = token.content.split("\n")
            skip = 0
            while skip < len(body_lines) and DIRECTIVE_OPTION.match(body_lines[skip].strip()):
                skip += 1
            body = "\n".join(body_lines[skip:])
            edits.extend(_replacements(body, translate, offset + first + 1 + skip))
        elif token.type == "tr_open":
            row = token.map[0]
            cells = []
            position = index + 1
            while tokens[position].type != "tr_close":
                if tokens[position].type == "inline":
                    cells.append(tokens[position].content)
                position += 1
            text = lines[row]
            for cell in cells:
                if cell.strip() and not set(cell.strip()) <= set("-:"):
                    text = text.replace(cell, translate(cell), 1)
            edits.append((offset + row, offset + row + 1, [text]))
        elif token.type == "inline" and tokens[index - 1].type in {
            "paragraph_open",
            "heading_open",
            "dt_open",
        }:
            first, end = token.map
            head = lines[first]
            start = head.find(token.content.split("\n", 1)[0])
            prefix = head[:start] if start >= 0 else ""
            edits.append(
                (offset + first, offset + max(end, first + 1), [prefix + translate(token.content)])
            )
    return edits


def translate_markdown(source: str, translate: Translator) -> str:
    lines = source.split("\n")
    for first, end, new in sorted(_replacements(source, translate), reverse=True):
        lines[first:end] = new
    return "\n".join(lines)


def _author_names(entry) -> list[str]:
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    if people:
        return [" ".join(person.last_names) for person in people]
    return [entry.fields.get("organization") or entry.fields.get("institution") or entry.key]


def citation_text(entry, lang: str) -> str:
    """ "Suresh & Guttag, 2021" or "Kleinberg dkk., 2017", from a pybtex entry."""
    names = _author_names(entry)
    if len(names) == 1:
        who = names[0]
    elif len(names) == 2:
        who = f"{names[0]} {AND[lang]} {names[1]}"
    else:
        who = f"{names[0]} {ET_AL[lang]}"
    return f"{who}, {entry.fields.get('year', 'n.d.')}"


def reference_text(entry) -> str:
    """One line of the reference list: authors, year, title, where, and the address."""
    people = entry.persons.get("author") or []
    authors = "; ".join(str(person) for person in people) or _author_names(entry)[0]
    where = next(
        (
            entry.fields[key]
            for key in ("journal", "booktitle", "publisher", "howpublished")
            if key in entry.fields
        ),
        "",
    )
    parts = [f"{authors} ({entry.fields.get('year', 'n.d.')}). {entry.fields.get('title', '')}."]
    if where:
        parts.append(f"*{where}*.")
    if "url" in entry.fields:
        parts.append(f"<{entry.fields['url']}>")
    elif "doi" in entry.fields:
        parts.append(f"<https://doi.org/{entry.fields['doi']}>")
    return " ".join(_plain(part) for part in parts)


def _plain(latex: str) -> str:
    """BibTeX's LaTeX (``Dud\\'ik``, ``{NeurIPS}``) as plain text (Dudík, NeurIPS)."""
    import codecs

    import latexcodec  # registers the "ulatex" codec

    return codecs.decode(latex, "ulatex").replace("{", "").replace("}", "")


def render_roles(text: str, substitutions: dict, bibliography, lang: str, cited: list) -> str:
    def substitute(match):
        key = match.group(1)
        if key not in substitutions:
            raise KeyError(f"no substitution {key!r} for the notebook download")
        return str(substitutions[key])

    def cite(match):
        kind, keys = match.groups()
        texts = []
        for key in (k.strip() for k in keys.split(",")):
            entry = bibliography.entries[key]
            if key not in cited:
                cited.append(key)
            texts.append(citation_text(entry, lang))
        if kind.startswith("t"):
            return "; ".join(texts)
        return "(" + "; ".join(texts) + ")"

    text = SUBSTITUTION.sub(substitute, text)
    text = CITE.sub(cite, text)
    text = ROLE.sub(lambda m: m.group(1), text)
    return PAGE_LINK.sub(lambda m: f"]({m.group(1)}.html{m.group(2) or ''})", text)


LANGUAGE_CELL = {
    "en": 'import etika\n\netika.set_language("en")  # the course library prints in English',
    "id": 'import etika\n\netika.set_language("id")  # keluaran dalam Bahasa Indonesia',
}


def localise_notebook(notebook, lang: str, translate: Translator, substitutions, bibliography):
    """Turn the MyST notebook ``notebook`` (nbformat) into the reader's download, in place."""
    cited: list[str] = []
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = render_roles(
                translate_markdown(cell.source, translate), substitutions, bibliography, lang, cited
            )
    from nbformat.v4 import new_code_cell, new_markdown_cell

    first_code = next((i for i, c in enumerate(notebook.cells) if c.cell_type == "code"), None)
    if first_code is not None:
        notebook.cells.insert(first_code, new_code_cell(LANGUAGE_CELL[lang]))
    if cited:
        lines = [f"## {REFERENCES_TITLE[lang]}", ""]
        lines += [f"- {reference_text(bibliography.entries[key])}" for key in cited]
        notebook.cells.append(new_markdown_cell("\n".join(lines)))
    return notebook


def page_catalogue(app, docname: str):
    """The gettext catalogue ``docname`` is translated from, or ``None`` in English."""
    if (app.config.language or "en") == "en":
        return None
    from sphinx.locale import init as init_locale
    from sphinx.util.i18n import docname_to_domain

    dirs = [str(Path(app.srcdir) / folder) for folder in app.config.locale_dirs]
    domain = docname_to_domain(docname, app.config.gettext_compact)
    catalogue, found = init_locale(dirs, app.config.language, domain)
    return catalogue if found else None


def write_notebooks(app, exception) -> None:
    """Put each MyST notebook beside its page as .ipynb in the page's language (see above)."""
    if exception is not None or app.builder.format != "html":
        return
    import jupytext
    import nbformat
    from pybtex.database import parse_file

    lang = app.config.language or "en"
    bibliography = parse_file(str(Path(app.srcdir) / app.config.bibtex_bibfiles[0]))
    substitutions = app.config.myst_substitutions
    for docname in sorted(app.env.found_docs):
        if "kernelspec" not in app.env.metadata.get(docname, {}):
            continue
        notebook = jupytext.read(app.env.doc2path(docname))
        translate = Translator(page_catalogue(app, docname))
        localise_notebook(notebook, lang, translate, substitutions, bibliography)
        for msgid in translate.missing:
            logger.warning(
                "%s: no %s translation for the notebook download: %r", docname, lang, msgid
            )
        notebook.metadata.pop("jupytext", None)
        notebook.metadata["language_info"] = {"name": "python"}
        notebook.metadata["etika"] = {"language": lang, "page": docname}
        target = Path(app.outdir) / f"{docname}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, target)
