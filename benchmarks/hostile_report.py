"""The hostile corpus as a table: each case, its expected and actual points, the grader's note.

    .venv/bin/python benchmarks/hostile_report.py

Grades the cases of ``tests/grading/hostile.py`` in one run, with the limits the test uses,
in a temporary course; listens on a 127.0.0.1 port the cases try to reach. The test
(``tests/grading/test_grading_hostile.py``) asserts the same outcomes; this prints them.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path[:0] = [str(TESTS / "grading"), str(TESTS)]

import fixturelib as F  # noqa: E402
import hostile as H  # noqa: E402
from grading_helpers import cli, release_nb, scores  # noqa: E402

LIMITS = H.LIMITS


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        root = F.make_source_course(Path(tmp) / "course")
        assert cli("--course", root, "release", F.AID)[0] == 0
        with socket.socket() as listener:
            listener.bind(("127.0.0.1", 0))
            listener.listen(8)
            listener.setblocking(False)
            ctx = H.Ctx(str(root), listener.getsockname()[1], os.getpid())
            H.write_submissions(root, release_nb(root), ctx)
            began = time.monotonic()
            rc, out, _ = cli("--course", root, "-q", "grade", F.AID, *LIMITS)
            print(f"exit {rc}, {time.monotonic() - began:.0f} s: {out.strip().splitlines()[-1]}")
            try:
                listener.accept()
                print("a submission CONNECTED to the listener")
            except BlockingIOError:
                print("no connection reached the listener")
        got = scores(root)
        con = sqlite3.connect(root / "gradebook.db")
        notes = dict(con.execute("SELECT student, detail FROM etika_autograde"))
        con.close()
        wrong = 0
        for name, (_, want) in H.CASES.items():
            points = sum(v for k, v in got[name].items() if k != "reflection" and v is not None)
            wrong += points != want
            print(
                f"{name:32s} {want:g} {points:g} {'ok' if points == want else 'WRONG'}  "
                f"{(notes.get(name) or '')[:110]}"
            )
        return 1 if wrong or rc else 0


if __name__ == "__main__":
    sys.exit(main())
