"""Every page on a slow phone link, beside a stock jupyter-book 1.x page on the same profile.

    .venv/bin/python benchmarks/slow_link.py [--runs 3] [--no-stock] [PAGE ...]

Profile (scripts/site_audit.py ``SLOW_PHONE``): 500 kbit/s both ways, 400 ms round trip,
CPU slowed 4x, a 360 px viewport, applied through a DevTools (CDP) session in Debian's
Chromium. For each page it prints the median over ``--runs`` fresh browser contexts of:
first contentful paint with an empty cache; "interactive", when the page's deferred scripts
(the demos) have run; first paint when the page is opened again; first paint of the same
page in the other language after this one (shared static files come from the cache); and the
bytes each visit took off the network. Two servers: ``make serve`` (compressed, cache headers)
and Python's plain ``http.server`` (neither).

The stock page is ``jupyter-book create``'s sample book, built by this script with the
locked jupyter-book into a temporary folder (sphinx-book-theme, its defaults), served the
same way. Nothing is fetched from outside the machine.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import site_audit  # noqa: E402


def build_stock_book(folder: Path) -> Path:
    """jupyter-book's own sample book, built with its defaults; returns the HTML folder."""
    jb = Path(sys.executable).parent / "jupyter-book"
    subprocess.run([str(jb), "create", str(folder / "book")], check=True, capture_output=True)
    subprocess.run(
        [str(jb), "build", str(folder / "book")], check=True, capture_output=True, timeout=600
    )
    return folder / "book" / "_build" / "html"


def other_language(path: str) -> str | None:
    lang, _, rest = path.partition("/")
    return {"en": "id", "id": "en"}.get(lang) and f"{'id' if lang == 'en' else 'en'}/{rest}"


def measure(chromium, origin: str, path: str, runs: int) -> dict:
    reports = [site_audit.slow_link(chromium, origin, path) for _ in range(runs)]
    row = {
        "first paint": statistics.median(r.first_paint for r in reports),
        "interactive": statistics.median(r.interactive for r in reports),
        "repeat paint": statistics.median(r.repeat_paint for r in reports),
        "first KB": reports[0].first_bytes / 1024,
        "repeat KB": reports[0].repeat_bytes / 1024,
    }
    other = other_language(path)
    if other:
        switches = [site_audit.slow_link(chromium, origin, path, then=other) for _ in range(runs)]
        row["switch paint"] = statistics.median(r.repeat_paint for r in switches)
        row["switch KB"] = switches[0].repeat_bytes / 1024
    return row


COLUMNS = (
    "first paint",
    "interactive",
    "repeat paint",
    "switch paint",
    "first KB",
    "repeat KB",
    "switch KB",
)


def _cell(row: dict, column: str) -> str:
    if column not in row:
        return f"{'-':>13s}"
    if column.endswith("paint") or column == "interactive":
        return f"{row[column]:>11.0f}ms"
    return f"{row[column]:>13.1f}"


def print_table(title: str, rows: dict[str, dict]) -> None:
    print(f"\n{title}")
    print(f"{'page':42s}" + "".join(f"{c:>13s}" for c in COLUMNS))
    for path, row in rows.items():
        cells = "".join(_cell(row, column) for column in COLUMNS)
        print(f"{path:42s}{cells}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-stock", action="store_true")
    args = parser.parse_args(argv)
    pages = args.pages or site_audit.built_pages()
    profile = site_audit.SLOW_PHONE
    print(
        f"profile: {profile.kbit_per_s} kbit/s, {profile.round_trip_ms} ms round trip, "
        f"CPU /{profile.cpu_slowdown}, 360 px; median of {args.runs} runs"
    )
    with site_audit.browser() as chromium:
        for room, label in (
            (True, "make serve (gzip, cache headers)"),
            (False, "python -m http.server (no compression)"),
        ):
            with site_audit.serve(room=room) as origin:
                rows = {p: measure(chromium, origin, p, args.runs) for p in pages}
            print_table(f"Etika AI, {label}", rows)
        if not args.no_stock:
            with tempfile.TemporaryDirectory() as tmp:
                html = build_stock_book(Path(tmp))
                stock_pages = ["intro.html", "markdown.html", "notebooks.html"]
                for room, label in ((True, "gzip, cache headers"), (False, "no compression")):
                    with site_audit.serve(html, room=room) as origin:
                        rows = {p: measure(chromium, origin, p, args.runs) for p in stock_pages}
                    print_table(f"stock jupyter-book 1.x sample book, {label}", rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
