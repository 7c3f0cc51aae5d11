"""etika.cache: a result computed once is read back by the next process, never a stale one."""

from __future__ import annotations

import os
import subprocess
import sys

from etika import cache

# A module that counts how often its function really runs, in a file beside the cache.
COUNTING = r"""
import sys
from pathlib import Path
from etika.cache import on_disk

@on_disk("counted")
def value(n):
    runs = Path(sys.argv[1])
    runs.write_text(runs.read_text() + "x" if runs.exists() else "x")
    return {"n": n, "square": n * n}

print(value(int(sys.argv[2]))["square"], value(int(sys.argv[2]))["square"])
"""


def _run(tmp_path, n, **env):
    out = subprocess.run(
        [sys.executable, "-c", COUNTING, str(tmp_path / "runs"), str(n)],
        capture_output=True,
        text=True,
        env={**os.environ, "ETIKA_CACHE": str(tmp_path / "cache"), **env},
        check=True,
    )
    return out.stdout.split()


def test_second_process_reads_what_the_first_computed(tmp_path):
    assert _run(tmp_path, 7) == ["49", "49"]
    assert _run(tmp_path, 7) == ["49", "49"]
    assert (tmp_path / "runs").read_text() == "x"  # computed once across two processes
    assert _run(tmp_path, 8) == ["64", "64"]  # other arguments: their own file
    assert (tmp_path / "runs").read_text() == "xx"
    names = sorted(p.name for p in (tmp_path / "cache").iterdir())
    assert names == [f"counted-7-{cache.code_key()}.pickle", f"counted-8-{cache.code_key()}.pickle"]


def test_a_half_written_file_is_computed_again(tmp_path):
    _run(tmp_path, 3)
    (path,) = (tmp_path / "cache").iterdir()
    path.write_bytes(path.read_bytes()[:5])
    assert _run(tmp_path, 3) == ["9", "9"]
    assert (tmp_path / "runs").read_text() == "xx"


def test_unwritable_folder_still_gives_the_result(tmp_path):
    # The cache folder cannot be made (its parent is a file, even for root): no error, no file.
    (tmp_path / "blocked").write_text("")
    for _ in range(2):
        assert _run(tmp_path, 4, ETIKA_CACHE=str(tmp_path / "blocked" / "cache")) == ["16", "16"]
    assert (tmp_path / "runs").read_text() == "xx"  # computed each time: nothing was kept


def test_key_changes_with_the_package_source(tmp_path, monkeypatch):
    before = cache.code_key()
    fake = tmp_path / "etika"
    fake.mkdir()
    (fake / "a.py").write_text("x = 1\n")
    monkeypatch.setattr(cache, "PACKAGE", fake)
    cache.code_key.cache_clear()
    try:
        one = cache.code_key()
        (fake / "a.py").write_text("x = 2\n")
        cache.code_key.cache_clear()
        assert cache.code_key() != one != before
    finally:
        cache.code_key.cache_clear()
