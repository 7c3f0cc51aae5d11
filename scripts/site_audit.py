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
def serve(directory: Path = SITE, room: bool = True) -> Iterator[str]:
    """Serve ``directory`` on a free loopback port for the duration of the block.

    ``room=True`` serves it as ``make serve`` does (compressed, with cache headers);
    ``room=False`` as Python's plain ``http.server`` (neither).
    """
    if room:
        from serve import make_server

        server = make_server(directory, "127.0.0.1", 0)
    else:
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


@dataclass(frozen=True)
class LinkProfile:
    """A slow link and a slow phone, as DevTools emulates them."""

    kbit_per_s: int = 500
    round_trip_ms: int = 400
    cpu_slowdown: int = 4


SLOW_PHONE = LinkProfile()


def throttle(context, page, profile: LinkProfile = SLOW_PHONE) -> None:
    """Apply ``profile`` to ``page`` through a Chrome DevTools Protocol session."""
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    bytes_per_s = profile.kbit_per_s * 1000 / 8
    session.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": profile.round_trip_ms,
            "downloadThroughput": bytes_per_s,
            "uploadThroughput": bytes_per_s,
        },
    )
    session.send("Emulation.setCPUThrottlingRate", {"rate": profile.cpu_slowdown})


PAINTED = "performance.getEntriesByName('first-contentful-paint').length > 0"
TIMINGS = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  return {fcp: fcp ? fcp.startTime : null, ready: nav ? nav.domContentLoadedEventEnd : null,
          load: nav ? nav.loadEventEnd : null};
}"""


@dataclass
class SlowLinkReport:
    path: str
    first_paint: float  # ms, first contentful paint, first visit with an empty cache
    interactive: float  # ms, deferred scripts (the demos) have run: DOMContentLoaded ends
    repeat_paint: float  # ms, first contentful paint when the page is opened again
    first_bytes: int  # bytes over the network on the first visit
    repeat_bytes: int  # bytes over the network on the repeat visit


def slow_link(
    chromium,
    origin: str,
    path: str,
    width: int = 360,
    profile: LinkProfile = SLOW_PHONE,
    then: str | None = None,
) -> SlowLinkReport:
    """Open ``path`` on ``profile`` with an empty cache, then again (or open ``then``)."""
    context = chromium.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    throttle(context, page, profile)
    received = {"bytes": 0}

    def on_finished(request):
        sizes = request.sizes()
        received["bytes"] += sizes.get("responseBodySize", 0) + sizes.get("responseHeadersSize", 0)

    try:
        page.on("requestfinished", on_finished)
        # A stock jupyter-book page waits on CDN scripts that cannot load here: allow for it.
        page.goto(f"{origin}/{path}", wait_until="load", timeout=180_000)
        page.wait_for_function(PAINTED, timeout=30_000)
        first = page.evaluate(TIMINGS)
        first_bytes, received["bytes"] = received["bytes"], 0
        page.goto(f"{origin}/{then or path}", wait_until="load", timeout=180_000)
        page.wait_for_function(PAINTED, timeout=30_000)
        again = page.evaluate(TIMINGS)
        return SlowLinkReport(
            path, first["fcp"], first["ready"], again["fcp"], first_bytes, received["bytes"]
        )
    finally:
        context.close()


AXE_SCRIPT = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
#: The rules the issue's audit ran: WCAG 2.0 and 2.1, levels A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page, tags: list[str] = AXE_TAGS) -> list[str]:
    """axe-core's violations on ``page`` as "rule (impact): first targets" lines.

    axe-core comes from the npm registry at the version tests/browser/package-lock.json pins
    (`make test` installs it); it is injected from disk, so nothing is fetched.
    """
    if not AXE_SCRIPT.exists():
        raise FileNotFoundError(f"{AXE_SCRIPT} is missing: run `make browser` (npm ci)")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate(
        "tags => axe.run(document, "
        "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        tags,
    )
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]


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
