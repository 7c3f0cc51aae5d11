"""What comes from outside the grader: files a sandbox wrote, names a learner or an LMS chose.

Two rules, one helper each, used by every module that crosses the line:

- ``read_file`` reads a file that a sandbox could have written (or replaced): opened without
  following a link and without blocking (a FIFO, a socket or a device is refused at once, not
  waited on), only a regular file, never more than ``limit`` bytes. It runs on both sides: the
  grader (progress, outputs, grades, logs) and kernel B (a learner's exported values).
- ``shown`` is how a name from outside (a zip entry, a file or folder name, a student id, a line
  of a learner's output) is printed: control characters, and the Unicode marks that reorder or
  break lines, become visible escapes, so that a name cannot add a line, move the cursor or
  forge the grader's own output.
"""

from __future__ import annotations

import os
import re
import stat

FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC | getattr(os, "O_NOCTTY", 0)


class Refused(OSError):
    """Not a plain regular file of an acceptable size (a link, a FIFO, a device, too large)."""


def read_file(
    path: str | os.PathLike, limit: int, *, single_link: bool = False, dir_fd: int | None = None
) -> bytes:
    """The whole content of a regular file of at most ``limit`` bytes; ``Refused`` otherwise.

    ``single_link`` also refuses a file with another name (a hard link to a file elsewhere).
    The size is checked before reading and again while reading (the file may grow).
    """
    fd = os.open(path, FLAGS, dir_fd=dir_fd)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise Refused(f"{os.fspath(path)!r} is not a regular file")
        if single_link and st.st_nlink != 1:
            raise Refused(f"{os.fspath(path)!r} has other names (hard links)")
        if st.st_size > limit:
            raise Refused(f"{os.fspath(path)!r} is larger than {limit} bytes")
        chunks, size = [], 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise Refused(f"{os.fspath(path)!r} is larger than {limit} bytes")
    finally:
        os.close(fd)


def read_text(path: str | os.PathLike, limit: int, **kwargs) -> str | None:
    """``read_file`` decoded as UTF-8 (bad bytes replaced); None if absent or refused."""
    try:
        return read_file(path, limit, **kwargs).decode("utf-8", errors="replace")
    except OSError:
        return None


def is_regular(path: str | os.PathLike) -> bool:
    """True for a regular file that is not a link (never blocks, never follows)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


# C0 and C1 controls, DEL, and the format marks that can reorder text or break a line in a
# terminal or a viewer (bidirectional overrides and isolates, line and paragraph separators)
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]")


def _escape(m: re.Match) -> str:
    c = m.group()
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(c) or (
        f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"
    )


def shown(value: object) -> str:
    """``value`` as one printable line: every control or reordering character escaped."""
    return _UNSAFE.sub(_escape, str(value))
