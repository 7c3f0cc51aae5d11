"""Agreement and speed: stock `nbgrader autograde` against `autograder grade`, per grade cell.

    .venv/bin/python benchmarks/agreement.py [--only ps1_v40,errors] [--jobs 2] [--cold]
    .venv/bin/python benchmarks/agreement.py --speed 40 [--only bias-like,...]

Builds the corpus of ``tests/grading/corpus`` (eleven small assignments of the kinds trainers
write, each with six state-named submissions) in a temporary course, grades identical copies
with stock nbgrader and with ``autograder grade``, and prints the agreement table: assignment x
answer kind x state, stock's points against ours. A forging submission must get no more than
an honest one would ("<= honest"). ``--speed N`` grades N submissions of each assignment (the
six states, repeated) with both, and prints wall time and throughput, with the ratio.
``tests/grading/test_grading_agreement.py`` asserts the same table.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path[:0] = [str(TESTS / "grading" / "corpus")]

import assignments as A  # noqa: E402
import builder as B  # noqa: E402
import harness as H  # noqa: E402


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--only", help="comma-separated assignment names (default: all)")
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--cold", action="store_true")
    p.add_argument("--speed", type=int, default=0, help="submissions per assignment to time")
    p.add_argument(
        "--write-known",
        action="store_true",
        help="rewrite tests/grading/corpus/known.py from this run's disagreements "
        "(with --only: those assignments' entries)",
    )
    args = p.parse_args(argv)
    chosen = A.ALL if not args.only else [A.BY_NAME[n] for n in args.only.split(",")]
    copies = max(1, -(-args.speed // len(B.STATES))) if args.speed else 1
    who = H.learners(copies=copies)
    if args.speed:
        who = dict(list(who.items())[: args.speed])
    with tempfile.TemporaryDirectory() as tmp:
        root = H.prepare(Path(tmp) / "ours", chosen, who)
        stock = H.stock_copy(root, Path(tmp) / "stock", chosen)
        rows = []
        print(f"{'assignment':12s} {'n':>4s} {'stock s':>8s} {'ours s':>8s} {'speed-up':>8s}")
        total_stock = total_ours = 0.0
        for a in chosen:
            t_stock = H.grade_stock(stock, [a])
            t_ours, _ = H.grade_ours(root, [a], jobs=args.jobs, cold=args.cold)
            total_stock += t_stock
            total_ours += t_ours
            print(
                f"{a.name:12s} {len(who):4d} {t_stock:8.1f} {t_ours:8.1f} {t_stock / t_ours:7.1f}x"
            )
            rows += H.compare(stock, root, [a], who)
        print(
            f"{'all':12s} {len(who) * len(chosen):4d} {total_stock:8.1f} {total_ours:8.1f} "
            f"{total_stock / total_ours:7.1f}x  (--jobs {args.jobs}{', cold' if args.cold else ''})"
        )
        if not args.speed:
            print()
            print(H.render(rows))
        if args.write_known and not args.speed:
            known = TESTS / "grading" / "corpus" / "known.py"
            entries = {}
            if args.only:  # the other assignments keep their measured entries
                from known import KNOWN

                names = {a.name for a in chosen}
                entries = {k: v for k, v in KNOWN.items() if k[0] not in names}
            entries.update(H.known_entries(rows))
            known.write_text(H.known_source(entries))
            ruff = Path(sys.executable).parent / "ruff"
            if ruff.exists():  # as `ruff format --check .` wants it
                subprocess.run([str(ruff), "format", "-q", str(known)], check=False)
            print("wrote tests/grading/corpus/known.py")
        return 1 if any(not r.ok for r in rows if r.state == "submitted-forging") else 0


if __name__ == "__main__":
    sys.exit(main())
