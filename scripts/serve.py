"""Serve the built site to a room: every device on the trainer's network can open it.

    python scripts/serve.py [--port 8000] [--bind 0.0.0.0] [--dir _build/html]

Made for one laptop and a room of phones on one weak access point:
- it listens on every interface and prints the addresses other devices can open;
- text (HTML, CSS, JavaScript, JSON, SVG) is sent gzip-compressed when the browser accepts it
  (compressed once per file and kept in memory);
- versioned assets (``?v=``, ``_static/``) may be cached by the phone for long, pages for a
  minute and then shown from the cache while the phone checks with ``ETag`` (a ``304 Not
  Modified`` costs a few bytes), so a second visit or the other language downloads almost
  nothing and waits for nothing.
It serves files under the site folder only, and nothing else.
"""

from __future__ import annotations

import argparse
import email.utils
import gzip
import hashlib
import http.server
import io
import socket
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "_build" / "html"
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".txt", ".ipynb", ".xml", ".map")
#: Files under ``_static`` change name (or ``?v=``) when they change: a week is safe.
STATIC_MAX_AGE = 7 * 24 * 3600
PAGE_CACHE = "public, max-age=60, stale-while-revalidate=86400"


def cache_control(path: str, query: str) -> str:
    """The Cache-Control header for a request path (see the module docstring)."""
    if "v=" in query or "digest=" in query:
        return f"public, max-age={365 * 24 * 3600}, immutable"
    if "/_static/" in path or path.startswith("_static/"):
        return f"public, max-age={STATIC_MAX_AGE}"
    # Pages: a phone reopening one within a minute asks nothing; later it shows its copy at
    # once and asks the server in the background (a rebuilt page is seen on the next visit).
    return PAGE_CACHE


class _Compressed:
    """gzip bodies kept in memory, keyed by file and modification time."""

    def __init__(self):
        self._lock = threading.Lock()
        self._bodies: dict[tuple[str, int], bytes] = {}

    def get(self, path: Path, mtime_ns: int) -> bytes:
        key = (str(path), mtime_ns)
        with self._lock:
            body = self._bodies.get(key)
        if body is None:
            body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            with self._lock:
                self._bodies[key] = body
        return body


class RoomHandler(http.server.SimpleHTTPRequestHandler):
    compressed = _Compressed()
    protocol_version = "HTTP/1.1"  # keep-alive: a phone reuses one connection per page

    def log_message(self, format, *args):
        pass

    def _file(self) -> Path | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        return path if path.is_file() else None

    def send_head(self):
        parts = urlsplit(self.path)
        path = self._file()
        if path is None or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return self._plain_head(parts)
        if path.suffix.lower() not in COMPRESSIBLE:
            return self._plain_head(parts)
        stat = path.stat()
        etag = (
            f'"{hashlib.sha1(f"{stat.st_mtime_ns}-{stat.st_size}".encode()).hexdigest()[:16]}-gz"'
        )
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", cache_control(unquote(parts.path), parts.query))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        body = self.compressed.get(path, stat.st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        self.send_header("Cache-Control", cache_control(unquote(parts.path), parts.query))
        self.end_headers()
        return io.BytesIO(body)

    def _plain_head(self, parts):
        self._cache_header = cache_control(unquote(parts.path), parts.query)
        return super().send_head()

    def end_headers(self):
        header = getattr(self, "_cache_header", None)
        if header:
            self.send_header("Cache-Control", header)
            self._cache_header = None
        super().end_headers()


def lan_addresses() -> list[str]:
    """This machine's IPv4 addresses other devices could reach (not loopback)."""
    found: set[str] = set()
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.add(info[4][0])
    except OSError:
        pass
    try:  # the address of the interface a default route would use; sends nothing
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed, no packet leaves
            found.add(probe.getsockname()[0])
    except OSError:
        pass
    return sorted(a for a in found if not a.startswith("127."))


def make_server(directory: Path, bind: str, port: int) -> http.server.ThreadingHTTPServer:
    handler = lambda *args, **kwargs: RoomHandler(*args, directory=str(directory), **kwargs)  # noqa: E731
    server = http.server.ThreadingHTTPServer((bind, port), handler)
    server.daemon_threads = True
    return server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--bind", default="0.0.0.0", help="127.0.0.1 to serve this machine only")
    parser.add_argument("--dir", type=Path, default=SITE)
    args = parser.parse_args(argv)
    if not (args.dir / "index.html").is_file():
        print(f"No built site in {args.dir}: run `make book` first.", file=sys.stderr)
        return 2
    try:
        server = make_server(args.dir, args.bind, args.port)
    except OSError as error:
        print(
            f"Cannot listen on {args.bind}:{args.port} ({error.strerror}): another program uses "
            f"the port; try `make serve PORT={args.port + 1}`.",
            file=sys.stderr,
        )
        return 2
    port = server.server_address[1]
    print(f"Serving {args.dir} on port {port}. Open on this machine: http://localhost:{port}/")
    if args.bind in {"0.0.0.0", ""}:
        addresses = lan_addresses()
        if addresses:
            print("On phones and laptops on the same network (Wi-Fi), open:")
            for address in addresses:
                print(f"    http://{address}:{port}/")
        else:
            print("No network address found: connect this machine to the room's Wi-Fi.")
    print("Press Ctrl-C to stop.", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
