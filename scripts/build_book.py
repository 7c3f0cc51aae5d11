"""Build the course site in every language, or extract the messages to translate.

    python scripts/build_book.py html [--lang en|id ...]   # _build/html/{en,id}/ + language chooser
    python scripts/build_book.py gettext                   # _build/gettext/*.pot, then sphinx-intl

It runs jupyter-book 1.x's own Sphinx build (``jupyter_book.sphinx.build_sphinx``, what
``jupyter-book build`` calls) with ``-W -n --keep-going``, once per language, because the
jupyter-book command line cannot set ``language``. Each language has its own execution cache,
so the Indonesian build runs the notebooks with ``ETIKA_LANG=id`` and keeps Indonesian output.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "_build"
LANGUAGES = ("en", "id")

CHOOSER = """<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Etika AI</title>
<link rel="icon" href="_static/favicon.svg" type="image/svg+xml">
<style>
body {{ font-family: system-ui, sans-serif; max-width: 34rem; margin: 3rem auto; padding: 0 1rem;
       line-height: 1.5; color: #1a1a1a; }}
a.lang {{ display: block; margin: 1rem 0; padding: 1rem; border: 2px solid #0072B2;
         border-radius: .5rem; text-decoration: none; color: #0a4a75; font-size: 1.2rem; }}
a.lang:focus, a.lang:hover {{ background: #e8f2fa; }}
</style>
</head>
<body>
<h1>Etika AI</h1>
<p>{tagline_id}<br><span lang="en">{tagline_en}</span></p>
<a class="lang" href="id/{start}.html" hreflang="id">Bahasa Indonesia</a>
<a class="lang" href="en/{start}.html" hreflang="en" lang="en">English</a>
</body>
</html>
"""


def _sphinx(builder: str, lang: str, outdir: Path, overrides: dict | None = None) -> int:
    from jupyter_book.sphinx import build_sphinx

    from etika.figures import book_substitutions

    os.environ["ETIKA_LANG"] = lang
    # Demo cells show the kernel-free view when the book is built (see etika.demos.show).
    os.environ["ETIKA_STATIC"] = "1"
    result = build_sphinx(
        ROOT,
        outdir,
        path_config=ROOT / "_config.yml",
        doctreedir=BUILD / "doctrees" / f"{builder}-{lang}",
        confoverrides={
            "language": lang,
            "nb_execution_cache_path": str(execution_cache(lang)),
            "nitpicky": True,
            "etika_library_digest": library_digest(),
            "myst_substitutions": book_substitutions(lang),
            "latex_individualpages": False,
            **shell_words(lang),
            **(overrides or {}),
        },
        builder=builder,
        noconfig=True,
        warningiserror=builder == "html",
        keep_going=True,
    )
    return result if isinstance(result, int) else 1


#: What pages depend on besides their own source: the course library and the book's Sphinx glue.
DEPENDENCIES = ("etika", "book/_ext", "book/_templates", "book/_static")


def library_digest() -> str:
    """A digest of what the pages depend on besides their source (see ``DEPENDENCIES``).

    Sphinx re-reads a page only when its source changes; passing this digest as a config value
    (``etika_library_digest``, declared by book/_ext/etika_book.py) makes a change in the
    library re-read and re-run every page, and an unchanged library re-run none.
    """
    digest = hashlib.sha256()
    for folder in DEPENDENCIES:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and path.suffix in {".py", ".js", ".css", ".json", ".html", ".svg"}:
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def execution_cache(lang: str) -> Path:
    """jupyter-cache folder for ``lang``, keyed by the library digest; older ones are removed.

    jupyter-cache re-executes a notebook only when its code changes; keying the folder by the
    library too means a change in ``etika`` re-runs the notebooks, and nothing else does.
    """
    parent = BUILD / ".jupyter_cache" / lang
    current = parent / library_digest()
    if parent.is_dir():
        for old in parent.iterdir():
            if old != current:
                shutil.rmtree(old, ignore_errors=True)
    return current


def start_page() -> str:
    import yaml

    return yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))["root"]


def shell_words(lang: str) -> dict:
    """Sphinx settings that print words on pages (code toggles), in ``lang``."""
    sys.path.insert(0, str(ROOT / "book" / "_ext"))
    from site_strings import ui

    words = ui(lang)
    return {
        "nb_code_prompt_show": words["toggle.show"],
        "nb_code_prompt_hide": words["toggle.hide"],
        "togglebutton_hint": words["toggle.show"],
        "togglebutton_hint_hide": words["toggle.hide"],
    }


def share_static(langs: list[str]) -> None:
    """Move the files both languages use from ``<lang>/_static`` to one ``_static`` folder.

    Pages already point there (``etika_book.shared_static_path``); a file that differs between
    the languages and is not in ``LANGUAGE_STATIC`` would be served wrongly to one of them, so
    it stops the build.
    """
    sys.path.insert(0, str(ROOT / "book" / "_ext"))
    from etika_book import LANGUAGE_STATIC

    shared = BUILD / "html" / "_static"
    moved: set[Path] = set()
    for lang in langs:
        own = BUILD / "html" / lang / "_static"
        for path in sorted(p for p in own.rglob("*") if p.is_file()):
            if path.name in LANGUAGE_STATIC:
                continue
            relative = path.relative_to(own)
            target = shared / relative
            if target.exists() and relative in moved and target.read_bytes() != path.read_bytes():
                raise SystemExit(
                    f"{path} differs between the languages: add its name to LANGUAGE_STATIC "
                    "in book/_ext/etika_book.py, or make the two builds write the same file"
                )
            target.parent.mkdir(parents=True, exist_ok=True)
            path.replace(target)
            moved.add(relative)
        for folder in sorted((p for p in own.rglob("*") if p.is_dir()), reverse=True):
            if not any(folder.iterdir()):
                folder.rmdir()


#: What a trainer or learner needs to run the chapter notebooks on their own computer. Never
#: the graded exercises' sources (solutions, hidden tests), the grader or its test fixtures.
COURSE_ZIP = "etika-ai-notebooks.zip"
COURSE_FILES = (
    "book/",
    "etika/",
    "scripts/",
    "_config.yml",
    "_toc.yml",
    "pyproject.toml",
    "requirements.lock",
    "Makefile",
    "README.md",
)


def course_files() -> list[str]:
    """The files of ``COURSE_FILES`` in this checkout (git's view when there is one)."""
    if (ROOT / ".git").exists():
        import subprocess

        listed = subprocess.run(
            ["git", "ls-files", "-co", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
    else:
        skip = {".venv", "_build", "__pycache__", "node_modules", ".git"}
        listed = [
            str(p.relative_to(ROOT))
            for p in ROOT.rglob("*")
            if p.is_file() and not skip & set(p.relative_to(ROOT).parts)
        ]
    return sorted(
        name
        for name in listed
        if name.startswith(COURSE_FILES) and (ROOT / name).is_file() and "__pycache__" not in name
    )


def write_course_zip(target: Path) -> Path:
    """The course's notebooks and library as one zip, served by the site itself.

    A room with no internet gets the course from the trainer's laptop (``make serve``); the
    archive is the same bytes for the same files (fixed dates), so a browser's cache holds.
    """
    import zipfile

    partial = target.with_suffix(".zip.partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in course_files():
            info = zipfile.ZipInfo(f"etika-ai/{name}", date_time=(2026, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, (ROOT / name).read_bytes())
    partial.replace(target)
    return target


def publish_certificates() -> Path:
    """The programme's public keys and revocation list, for the Verify a certificate page,
    from the course folder (``ETIKA_COURSE``, default ``exercises/``): ``autograder keys init``,
    ``certify`` and ``revoke`` write them in ``certificates/published/``. Without a key the page
    says it cannot check certificates yet."""
    from autograder.certificates.publish import write

    course = Path(os.environ.get("ETIKA_COURSE") or ROOT / "exercises")
    return write(course / "certificates" / "published", BUILD / "html" / "_static")


def build_html(langs: list[str]) -> int:
    for lang in langs:
        began = time.perf_counter()
        status = _sphinx("html", lang, BUILD / "html" / lang)
        print(f"[{lang}] built in {time.perf_counter() - began:.1f} s (status {status})")
        if status:
            print(f"[{lang}] the build failed: see the warnings above.", file=sys.stderr)
            return status
    share_static(langs)
    publish_certificates()
    write_course_zip(BUILD / "html" / COURSE_ZIP)
    from etika.strings import STRINGS

    (BUILD / "html" / "index.html").write_text(
        CHOOSER.format(
            start=start_page(),
            tagline_id=STRINGS["book.tagline"]["id"],
            tagline_en=STRINGS["book.tagline"]["en"],
        ),
        encoding="utf-8",
    )
    print(f"Open {BUILD / 'html' / 'index.html'} (or run `make serve`).")
    return 0


def build_gettext() -> int:
    # Only the pages' own text is translated through the catalogues: notebook output is
    # already in the reader's language (ETIKA_LANG), so notebooks are not run for gettext.
    return _sphinx("gettext", "en", BUILD / "gettext", {"nb_execution_mode": "off"})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("builder", choices=["html", "gettext"])
    parser.add_argument("--lang", action="append", choices=LANGUAGES)
    args = parser.parse_args(argv)
    os.chdir(ROOT)
    if args.builder == "gettext":
        return build_gettext()
    return build_html(args.lang or list(LANGUAGES))


if __name__ == "__main__":
    sys.exit(main())
