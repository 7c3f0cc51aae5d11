"""The book builds in both languages with no warning, and its structure is what readers need."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]  # the repository (see CONTRIBUTING: Tests)


def toc_pages() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]]

    def walk(entries):
        for entry in entries:
            if "file" in entry:
                pages.append(entry["file"])
            walk(entry.get("sections", []))

    walk(toc.get("chapters", []))
    for part in toc.get("parts", []):
        walk(part["chapters"])
    return pages


def test_build_has_no_warning_and_reuses_executed_notebooks():
    # Incremental after `make book`: only changed pages are read, cached notebooks not re-run.
    # Touching a notebook makes Sphinx read it again; jupyter-cache must answer, not a kernel.
    touched = ROOT / "book" / "bias" / "proxy.md"
    os.utime(touched)
    run = subprocess.run(
        [sys.executable, "scripts/build_book.py", "html"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-4000:]
    # Sphinx reports "path: WARNING: ..."; kernels log "[IPKernelApp] WARNING | ..." (not ours).
    assert not re.search(r"(^|: )(WARNING|ERROR): ", output, re.M), output[-4000:]
    assert f"{touched}: Using cached notebook" in output, output[-4000:]
    assert "Executing notebook" not in output


def test_every_toc_page_is_built_in_both_languages(site):
    for page in toc_pages():
        for lang in ("en", "id"):
            html = (site / lang / f"{page}.html").read_text(encoding="utf-8")
            assert re.search(f'<html[^>]* lang="{lang}"', html), page


def test_root_page_offers_both_languages(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    start = toc_pages()[0]
    assert f'href="id/{start}.html"' in html and f'href="en/{start}.html"' in html


def test_indonesian_pages_are_in_indonesian(site):
    intro = (site / "id" / "book" / "intro.html").read_text(encoding="utf-8")
    assert "Mulai di sini" in intro and "Start here</h1>" not in intro


def test_no_page_is_a_placeholder(site):
    for page in toc_pages():
        text = re.sub(r"<[^>]+>", " ", (site / "en" / f"{page}.html").read_text(encoding="utf-8"))
        assert not re.search(r"\b(TODO|TBD|lorem ipsum|coming soon)\b", text, re.I), page


def test_no_page_carries_widget_state(site):
    # The static site draws demos with etika's kernel-free views; ipywidgets state embedded
    # in a page would be dead weight (no widget manager is loaded) and means the build ran
    # the kernel view for nothing.
    for page in toc_pages():
        for lang in ("en", "id"):
            html = (site / lang / f"{page}.html").read_text(encoding="utf-8")
            assert "widget-state+json" not in html, f"{lang}/{page}"
