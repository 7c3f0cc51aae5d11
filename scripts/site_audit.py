"""Open built pages in headless Chromium and record what a learner's browser would see.

    python scripts/site_audit.py [--width 360] [PAGE ...]   # default: every page of both languages

For each page it reports requests that leave the site, console errors, horizontal overflow at
the given width, and the first-load weight: the bytes of every response, counted gzip-compressed
for text (as a server with compression sends them) and as-is for images and fonts. The browser
tests use the same functions, so the figures in notes and the assertions in tests agree.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "_build" / "html"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Already compressed formats are sent as they are.
PRECOMPRESSED = (".woff2", ".woff", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serve(directory: Path = SITE) -> Iterator[str]:
    """Serve ``directory`` on a free loopback port for the duration of the block."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class PageReport:
    url: str
    external: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    weight: int = 0
    scroll_width: int = 0
    width: int = 0


def transfer_size(url: str, body: bytes, content_type: str) -> int:
    path = url.split("?", 1)[0].lower()
    if path.endswith(PRECOMPRESSED) or content_type.startswith(("image/", "font/")):
        return len(body)
    return len(gzip.compress(body, compresslevel=6))


def audit_page(chromium, origin: str, path: str, width: int = 360) -> PageReport:
    """Load ``origin/path`` in a fresh context (empty cache) and report on it."""
    report = PageReport(url=f"{origin}/{path}", width=width)
    context = chromium.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()

    def on_request(request):
        if not request.url.startswith((origin, "data:", "blob:", "about:")):
            report.external.append(request.url)

    def on_response(response):
        if not response.url.startswith(origin):
            return
        try:
            body = response.body()
        except Exception:  # a redirect or an aborted load has no body
            return
        report.weight += transfer_size(response.url, body, response.headers.get("content-type", ""))
        if response.status >= 400:
            report.failed.append(f"{response.status} {response.url}")

    page.on("request", on_request)
    page.on("response", on_response)
    page.on(
        "console",
        lambda msg: report.console_errors.append(msg.text) if msg.type == "error" else None,
    )
    page.on("pageerror", lambda exc: report.console_errors.append(str(exc)))
    page.goto(report.url, wait_until="networkidle")
    report.scroll_width = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    return report


def built_pages(site: Path = SITE) -> list[str]:
    """Every content page of both languages, relative to ``site``.

    Skipped: Sphinx's generated index and search pages, and each language's top ``index.html``,
    which only redirects to the start page. A chapter's own ``index.html`` is a content page.
    """
    skip = {"genindex.html", "search.html"}
    return sorted(
        str(p.relative_to(site))
        for lang in ("en", "id")
        for p in (site / lang).rglob("*.html")
        if p.name not in skip
        and p != site / lang / "index.html"
        and "_static" not in p.parts
        and "_sources" not in p.parts
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*")
    parser.add_argument("--width", type=int, default=360)
    args = parser.parse_args(argv)
    if not (SITE / "index.html").exists():
        print("No built site in _build/html: run `make book` first.", file=sys.stderr)
        return 2
    pages = args.pages or built_pages()
    worst = 0
    with serve() as origin, browser() as chromium:
        for path in pages:
            r = audit_page(chromium, origin, path, args.width)
            worst = max(worst, r.weight)
            flags = [f"{len(r.external)} external", f"{len(r.console_errors)} console errors"]
            if r.scroll_width > r.width:
                flags.append(f"overflows to {r.scroll_width}px")
            print(f"{r.weight / 1024:8.1f} KB  {path}  ({', '.join(flags)})")
            for line in r.external + r.console_errors + r.failed:
                print(f"            {line}")
    print(f"largest first load: {worst / 1024:.1f} KB compressed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
