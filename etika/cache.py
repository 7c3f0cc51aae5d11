"""Results the chapters compute once and keep on disk between processes.

A chapter's figures are computed at build time (MyST substitutions) and again in every kernel
that opens one of its notebooks; some of them fit many models (the transparency chapter's nine
models' permutation importance takes about ten seconds on a workshop laptop). :func:`on_disk`
keeps such a result in the user's cache folder, so the notebook a trainer opens after
``make book`` reads it in milliseconds.

The key is the source of the whole ``etika`` package and the versions of the numerical
libraries: any change to the code or the lock file recomputes everything, so a stale result is
never shown. The folder is ``$ETIKA_CACHE`` or ``~/.cache/etika``; it holds only what this
package wrote there (pickles of our own tables, read back by the same user), and deleting it
is always safe.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

__all__ = ["cache_root", "code_key", "on_disk"]

T = TypeVar("T")
PACKAGE = Path(__file__).resolve().parent
LIBRARIES = ("numpy", "pandas", "scikit-learn", "fairlearn", "opendp")


def cache_root() -> Path:
    """The folder results are kept in (created on first write)."""
    return Path(os.environ.get("ETIKA_CACHE", Path.home() / ".cache" / "etika"))


@functools.lru_cache(maxsize=1)
def code_key() -> str:
    """A short hash of every source file of the package and of the libraries' versions."""
    h = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*.py")):
        h.update(path.relative_to(PACKAGE).as_posix().encode())
        h.update(path.read_bytes())
    for lib in LIBRARIES:
        try:
            h.update(f"{lib}=={importlib.metadata.version(lib)}".encode())
        except importlib.metadata.PackageNotFoundError:
            h.update(f"{lib} absent".encode())
    return h.hexdigest()[:16]


def on_disk(name: str) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Keep a function's result on disk, one file per call's arguments (which must be reprs of
    plain values: strings, numbers). The result is kept in memory too."""

    def wrap(fn: Callable[..., T]) -> Callable[..., T]:
        @functools.lru_cache(maxsize=16)
        @functools.wraps(fn)
        def cached(*args):
            suffix = "-".join(str(a) for a in args)
            path = cache_root() / f"{name}{'-' + suffix if suffix else ''}-{code_key()}.pickle"
            try:
                with path.open("rb") as f:
                    return pickle.load(f)
            except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
                pass  # absent, or half-written by a process that was killed: compute it again
            value = fn(*args)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                # A unique temporary name, then an atomic rename: the build and a kernel may
                # compute the same result at once, and neither may read the other's half file.
                fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-")
            except OSError:
                return value  # a read-only home: the result is still right, only not kept
            try:
                with os.fdopen(fd, "wb") as f:
                    pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
            except OSError:
                Path(tmp).unlink(missing_ok=True)
            return value

        return cached

    return wrap
