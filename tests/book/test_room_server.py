"""`make serve` (scripts/serve.py) serves a room: compressed, cacheable, reachable by others."""

from __future__ import annotations

import gzip
import http.client
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import serve  # noqa: E402


@pytest.fixture(scope="module")
def room(tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    (site / "index.html").write_text("<!doctype html><p>" + "Etika AI " * 500, encoding="utf-8")
    (site / "_static").mkdir()
    (site / "_static" / "app.js").write_text("console.log('x');" * 200, encoding="utf-8")
    (site / "_static" / "font.woff2").write_bytes(b"\x00" * 4000)
    server = serve.make_server(site, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def _get(port, path, **headers):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def test_text_is_sent_compressed_and_pages_are_revalidated(room):
    response, body = _get(room, "/index.html", **{"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert gzip.decompress(body).startswith(b"<!doctype html>")
    assert len(body) < 200  # 4.5 KB of text
    assert response.getheader("Cache-Control") == serve.PAGE_CACHE
    etag = response.getheader("ETag")
    again, body = _get(room, "/index.html", **{"Accept-Encoding": "gzip", "If-None-Match": etag})
    assert again.status == 304 and body == b""


def test_versioned_and_static_files_are_cached(room):
    response, _ = _get(room, "/_static/app.js?v=1234", **{"Accept-Encoding": "gzip"})
    assert "immutable" in response.getheader("Cache-Control")
    response, _ = _get(room, "/_static/app.js", **{"Accept-Encoding": "gzip"})
    assert response.getheader("Cache-Control") == f"public, max-age={serve.STATIC_MAX_AGE}"
    response, body = _get(room, "/_static/font.woff2", **{"Accept-Encoding": "gzip"})
    assert response.getheader("Content-Encoding") is None and len(body) == 4000
    assert "max-age" in response.getheader("Cache-Control")


def test_a_browser_without_gzip_gets_plain_text(room):
    response, body = _get(room, "/index.html")
    assert response.getheader("Content-Encoding") is None
    assert body.startswith(b"<!doctype html>")


def test_nothing_outside_the_site_is_served(room):
    response, _ = _get(room, "/../../etc/passwd")
    assert response.status == 404


def test_make_serve_listens_on_every_interface_and_says_where(tmp_path):
    (tmp_path / "index.html").write_text("<p>hi</p>", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "serve.py"), "--port", "0", "--dir", str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        first = process.stdout.readline()
        assert "localhost:" in first
        port = int(first.rsplit("localhost:", 1)[1].strip().rstrip("/"))
        lines = []
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            lines.append(line)
            if "Ctrl-C" in line:
                break
        text = "".join(lines)
        assert ("same network" in text and f":{port}/" in text) or "No network address" in text
        response, body = _get(port, "/index.html")
        assert response.status == 200 and b"hi" in body
    finally:
        process.terminate()
        process.wait(timeout=10)
        process.stdout.close()


def test_a_busy_port_gets_a_clear_message(room, tmp_path):
    (tmp_path / "index.html").write_text("<p>hi</p>", encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "serve.py"),
            "--port",
            str(room),
            "--bind",
            "127.0.0.1",
            "--dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert f"PORT={room + 1}" in result.stderr
