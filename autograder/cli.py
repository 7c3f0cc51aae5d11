"""``autograder``: release, collect, grade, feedback, export, status (built on nbgrader), and
certificates: keys, certify, revoke, verify (``autograder/certificates/``)."""

from __future__ import annotations

import argparse
import json
import logging
import os
import shlex
import sys

from .errors import UserError
from .untrusted import shown

EXIT_OK, EXIT_PARTIAL, EXIT_USER = 0, 1, 2
CERTIFICATE_VERBS = ("keys", "certify", "revoke", "verify")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="autograder",
        description="Etika AI grading pipeline on nbgrader. Exit status: 0 ok; 1 done, but some "
        "files were rejected or submissions failed; 2 bad input, nothing changed.",
    )
    p.add_argument("--course", help="course root (holds nbgrader_config.py); default exercises/")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress line")
    sub = p.add_subparsers(dest="verb", required=True, metavar="VERB")

    r = sub.add_parser("release", help="generate the student version and a bundle zip")
    r.add_argument("assignment")
    r.add_argument("--force", action="store_true", help="release again although collected")
    r.add_argument(
        "--release-anyway",
        action="store_true",
        help="make the bundle although the source's solutions do not get full marks or the "
        "blank release gets points (each problem is printed as a WARNING)",
    )
    r.add_argument(
        "--no-check",
        action="store_true",
        help="do not grade the solutions and the blank release before releasing (faster; "
        "for a course you have just checked)",
    )

    c = sub.add_parser("collect", help="collect submissions (exchange, LMS zip, folder)")
    c.add_argument("assignment")
    c.add_argument(
        "--from",
        dest="source",
        required=True,
        help="'exchange', a Moodle/Google Classroom zip, or a folder",
    )
    c.add_argument("--roster", help="CSV: student_id,name,email,cohort,venue,lang")
    c.add_argument("--force", action="store_true", help="replace submissions already collected")
    c.add_argument("--max-mb", type=float, default=5.0, help="largest notebook accepted (MB)")

    g = sub.add_parser(
        "grade", help="autograde, each submission in bubblewrap sandboxes (see autograder/grade.py)"
    )
    g.add_argument("assignment")
    g.add_argument("students", nargs="*", metavar="STUDENT")
    g.add_argument("--force", action="store_true", help="grade again what is already graded")
    g.add_argument(
        "--timeout",
        type=int,
        default=30,
        help="seconds per cell; a learner's notebook is stopped after 10x this + 30 s",
    )
    g.add_argument("--jobs", type=int, default=None, help="parallel submissions (default: CPUs)")
    g.add_argument(
        "--unsafe-no-sandbox",
        action="store_true",
        help="grade without bubblewrap (limits only): learners' code can then read the "
        "answer key, the gradebook and other submissions. Never for real cohorts",
    )
    g.add_argument(
        "--cold",
        action="store_true",
        help="start a fresh sandbox for every process instead of forking it from a warm one "
        "per slot (slower; for diagnosis; also: ETIKA_WARM_ZYGOTE=0)",
    )
    g.add_argument("--memory-mb", type=int, default=1024, help="memory per learner process")
    g.add_argument("--max-processes", type=int, default=64, help="processes per learner")
    g.add_argument("--max-file-mb", type=int, default=64, help="largest file a learner writes")
    g.add_argument(
        "--max-disk-mb",
        type=int,
        default=256,
        help="total a learner writes in its working folder, and in its exchange folder",
    )
    g.add_argument("--max-tmp-mb", type=int, default=128, help="total a learner writes in /tmp")
    g.add_argument(
        "--wrapper",
        default="",
        help="command prefixed to each sandboxed process (e.g. nice -n 10)",
    )

    f = sub.add_parser("feedback", help="per-learner HTML feedback without hidden tests")
    f.add_argument("assignment")
    f.add_argument("students", nargs="*", metavar="STUDENT")
    f.add_argument("--roster", help="CSV with a lang column (en/id)")

    e = sub.add_parser("export", help="grades CSV and an HTML report")
    e.add_argument("assignments", nargs="*", metavar="ASSIGNMENT")
    e.add_argument("--roster", help="CSV with cohort and venue columns")
    e.add_argument(
        "--pseudonymise",
        "--pseudonymize",
        action="store_true",
        help="replace student ids by stable salted hashes",
    )
    e.add_argument("--pass-mark", type=float, default=0.5, help="fraction of the maximum")
    e.add_argument("--out", help="output folder (default: <course>/exports)")

    s = sub.add_parser("status", help="released / collected / graded / manual grading")
    s.add_argument("--json", action="store_true")

    from .certificates.commands import add_parsers

    add_parsers(sub)
    return p


def _roster(course, arg):

    from .roster import Roster

    if arg:
        return Roster.load(arg)
    default = course.root / "roster.csv"
    return Roster.load(default) if default.exists() else Roster(path=None)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .course import Course, protect

    course = Course.open(args.course)
    if args.verb == "release":
        from .release import release

        path = release(
            course,
            args.assignment,
            force=args.force,
            check=not args.no_check,
            anyway=args.release_anyway,
        )
        print(f"released {args.assignment}: {course.release(args.assignment)}")
        print(f"student bundle (workshop / LMS upload): {path}")
        return EXIT_OK
    if args.verb == "collect":
        from .collect import MB, Limits, collect

        roster = _roster(course, args.roster)
        if roster.path:
            protect(roster.path) if roster.path.resolve().is_relative_to(course.root) else None
        limits = Limits(max_notebook_bytes=int(args.max_mb * MB))
        rep = collect(course, args.assignment, args.source, roster, args.force, limits)
        # every message names files and learners from outside: one escaped line each
        for msg in rep.rejected:
            print(f"REJECTED {shown(msg)}")
        for msg in rep.unknown:
            print(f"UNKNOWN  {shown(msg)}")
        for msg in rep.duplicates:
            print(f"DUPLICATE {shown(msg)}")
        if rep.kept:
            print(
                f"kept {len(rep.kept)} already collected (different) submission(s): "
                f"{shown(', '.join(rep.kept))}; use --force to replace them"
            )
        print(
            f"collected {len(rep.collected)}, replaced {len(rep.replaced)}, "
            f"unchanged {len(rep.unchanged)}, rejected files {len(rep.rejected)}, "
            f"unknown students {len(rep.unknown)}"
        )
        if rep.unknown:
            print(
                "  how to fix: add the missing learners to the roster CSV "
                "(student_id,name,email,...) and run collect again"
            )
        return EXIT_PARTIAL if rep.problems else EXIT_OK
    if args.verb == "grade":
        from .grade import grade

        if args.timeout <= 0:
            raise UserError(f"--timeout {args.timeout} must be positive", "e.g. --timeout 30")
        from .sandbox import Limits

        wrapper = shlex.split(args.wrapper) if args.wrapper else None
        if args.unsafe_no_sandbox:
            print(
                "WARNING: --unsafe-no-sandbox: submissions run WITHOUT isolation (resource "
                "limits only). Their code can read the answer key, the gradebook and other "
                "learners' work and reach the network. Install bubblewrap: "
                "sudo apt-get install bubblewrap",
                file=sys.stderr,
            )
        limits = Limits(
            memory_mb=args.memory_mb,
            processes=args.max_processes,
            file_mb=args.max_file_mb,
            disk_mb=args.max_disk_mb,
            tmp_mb=args.max_tmp_mb,
        )
        rep = grade(
            course,
            args.assignment,
            args.students or None,
            args.force,
            args.timeout,
            args.jobs,
            wrapper,
            progress=not args.quiet,
            unsafe_no_sandbox=args.unsafe_no_sandbox,
            limits=limits,
            cold=args.cold,
        )
        for sid, notes in rep.notes.items():
            for note in notes:
                print(f"NOTE {shown(sid)}: {shown(note)}")
        for sid, parts in rep.inexact.items():
            for part in parts:
                print(f"NOT GRADED EXACTLY {shown(sid)}: {shown(part)}")
        for sid, why in rep.failed.items():
            print(f"FAILED {shown(sid)}: {shown(why)} (autograded parts scored 0)")
        for sid, why in rep.errors.items():
            print(
                f"ERROR {shown(sid)}: {shown(why)} (not graded: the grader failed, not the "
                "submission; run the same command again)"
            )
        secs = list(rep.seconds.values())
        avg = f", {sum(secs) / len(secs):.1f} s per submission" if secs else ""
        errors = f", not graded (grader error) {len(rep.errors)}" if rep.errors else ""
        print(
            f"graded {len(rep.graded)}, failed {len(rep.failed)}{errors}, "
            f"already graded (skipped) {len(rep.skipped)}{avg}"
            + (
                f"; {sum(map(len, rep.inexact.values()))} part(s) of {len(rep.inexact)} "
                "submission(s) not graded exactly (see above; `autograder status` lists them)"
                if rep.inexact
                else ""
            )
        )
        return EXIT_PARTIAL if rep.failed or rep.errors else EXIT_OK
    if args.verb == "feedback":
        from .feedback import generate

        done = generate(course, args.assignment, _roster(course, args.roster), args.students)
        n = sum(len(v) for v in done.values())
        print(f"feedback: {n} file(s) for {len(done)} learner(s) in {course.root / 'feedback'}")
        return EXIT_OK
    if args.verb == "export":
        from .export import export

        out = Path(args.out).resolve() if args.out else None
        paths = export(
            course,
            _roster(course, args.roster),
            args.pseudonymise,
            args.assignments or None,
            args.pass_mark,
            out,
        )
        for p in paths:
            print(f"wrote {p}")
        return EXIT_OK
    if args.verb in CERTIFICATE_VERBS:
        from .certificates.commands import run as certificates

        return certificates(args, course, _roster)
    if args.verb == "status":
        from .status import render, status

        rows = status(course)
        print(json.dumps(rows, indent=2) if args.json else render(rows))
        return EXIT_OK
    raise AssertionError(args.verb)  # pragma: no cover


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line, with a verb's list of names also accepted after options
    (``grade bias --force S1``, ``export --roster r.csv bias``).

    argparse takes a verb's positionals in one run, so names after an option come back unparsed.
    """
    parser = _parser()
    args, extra = parser.parse_known_args(argv)
    names = next((a for a in ("students", "assignments") if hasattr(args, a)), None)
    if extra and names and not any(x.startswith("-") for x in extra):
        setattr(args, names, [*getattr(args, names), *extra])
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def main(argv: list[str] | None = None) -> int:
    os.umask(0o077)  # gradebook, exports, feedback: readable by the owner only
    # nbgrader runs the `alembic` command from PATH; make the venv's bin dir visible to it
    bindir = os.path.dirname(sys.executable)
    if bindir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bindir + os.pathsep + os.environ.get("PATH", "")
    # nbgrader's own log goes to the error messages we print, not to the console
    quiet = logging.getLogger("traitlets")
    quiet.addHandler(logging.NullHandler())
    quiet.propagate = False
    args = parse(argv)
    try:
        return run(args)
    except UserError as exc:
        # a message is lines the grader wrote; what it quotes from outside is escaped there
        print(f"autograder: error: {exc}", file=sys.stderr)
        return EXIT_USER
    except KeyboardInterrupt:
        print("autograder: interrupted; run the same command again to resume", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
