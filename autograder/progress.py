"""A tiny progress line (no extra dependency)."""

from __future__ import annotations

import sys
import time

from .untrusted import shown


class Progress:
    def __init__(self, total: int, label: str, stream=None, enabled: bool = True) -> None:
        self.total, self.label, self.done = total, label, 0
        self.stream = stream or sys.stderr
        self.enabled = enabled and total > 0
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.start = time.monotonic()

    def step(self, note: str = "") -> None:
        self.done += 1
        note = shown(note)  # it names a learner: one line, whatever the name holds
        if not self.enabled:
            return
        elapsed = time.monotonic() - self.start
        eta = elapsed / self.done * (self.total - self.done)
        width = 24
        filled = int(width * self.done / self.total)
        bar = "#" * filled + "." * (width - filled)
        line = f"{self.label} [{bar}] {self.done}/{self.total}  {elapsed:.0f}s, ~{eta:.0f}s left"
        if self.tty:
            self.stream.write("\r" + line + (f"  {note}" if note else "") + "\033[K")
            if self.done == self.total:
                self.stream.write("\n")
        else:
            self.stream.write(line + (f"  {note}" if note else "") + "\n")
        self.stream.flush()
