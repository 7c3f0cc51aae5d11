"""The certificate verbs of the ``autograder`` command line: keys, certify, revoke, verify."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from ..course import Course
from ..errors import UserError
from ..untrusted import Refused, read_file, shown
from .strings import REASONS

VERBS = ("keys", "certify", "revoke", "verify")
MAX_FILE = 20 * 1024 * 1024
PDF_SUBJECT = re.compile(rb"/Subject \(etika-certificate:(EA1\.[A-Za-z0-9_.-]+)\)")
HTML_META = re.compile(rb'<meta name="etika-certificate" content="(EA1\.[A-Za-z0-9_.-]+)"')
ANY_CODE = re.compile(rb"EA1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")


def add_parsers(sub) -> None:
    k = sub.add_parser("keys", help="the programme's certificate signing key")
    k.add_argument("action", choices=["init"], help="init: make the Ed25519 key pair (once)")
    c = sub.add_parser("certify", help="issue certificates to learners who meet c.Programme")
    c.add_argument("--roster", help="CSV: student_id,name,cohort,venue,lang (+ rule columns)")
    r = sub.add_parser("revoke", help="withdraw a certificate (published by the next site build)")
    r.add_argument("certificate_id", metavar="ID")
    r.add_argument("--reason", required=True, help="shown publicly on the verify page")
    v = sub.add_parser("verify", help="check a certificate: a PDF/HTML/text file or the code")
    v.add_argument("target", metavar="FILE-or-CODE")


def code_from(target: str) -> str:
    """The code in a certificate's PDF or HTML, or in a text file; else the argument itself."""
    if target.lstrip().startswith("EA1.") or "#EA1." in target:
        return target
    path = Path(target)
    try:
        if not path.exists():
            return target
    except OSError:  # e.g. a long code that is not a file name
        return target
    try:
        data = read_file(path, MAX_FILE)
    except (Refused, OSError) as exc:
        raise UserError(
            f"cannot read {shown(str(path))}: {shown(str(exc))}",
            "pass a certificate's PDF or HTML file, or the code itself",
        ) from exc
    for pattern in (PDF_SUBJECT, HTML_META, ANY_CODE):
        match = pattern.search(data)
        if match:
            return (match.group(1) if pattern.groups else match.group(0)).decode("ascii")
    raise UserError(
        f"{shown(str(path))} holds no certificate code (EA1....)",
        "pass the PDF or HTML file autograder certify wrote, or type the printed code",
    )


def run(args: argparse.Namespace, course: Course, roster) -> int:
    from . import register
    from .programme import load

    if args.verb == "keys":
        from .keys import init, public_path

        path, kid = init(course, load(course).id)
        print(f"signing key {kid}: {path} (mode 600: readable by you only; never copy it out)")
        print(f"public key: {public_path(course)} (the site build publishes it)")
        return 0
    if args.verb == "certify":
        from .issue import certify

        programme = load(course)
        rep = certify(course, roster(course, args.roster), programme, register.today())
        for sid, cid in rep.issued:
            print(f"ISSUED {shown(cid)} to {shown(sid)}")
        for sid, old, new in rep.reissued:
            print(
                f"REISSUED {shown(new)} to {shown(sid)} (grades or details changed; "
                f"{shown(old)} marked superseded)"
            )
        for sid, cid in rep.no_longer:
            print(
                f"CHECK {shown(sid)}: no longer meets the rule but holds {shown(cid)}; "
                f"if it must be withdrawn: autograder revoke {shown(cid)} --reason '...'"
            )
        for sid, why in rep.not_yet.items():
            print(f"NOT ISSUED {shown(sid)}: {shown(why)}")
        print(
            f"certificates: {len(rep.issued)} issued, {len(rep.reissued)} reissued, "
            f"{len(rep.unchanged)} unchanged, {len(rep.not_yet)} not issued; "
            f"register {register.register_path(course)}"
        )
        if rep.reissued:
            print("rebuild the site (make book) to publish the superseded list")
        return 0
    if args.verb == "revoke":
        what = register.revoke(course, args.certificate_id, args.reason)
        if what == "already":
            print(f"{shown(args.certificate_id)} was already revoked; nothing changed")
        else:
            print(
                f"revoked {shown(args.certificate_id)}; rebuild the site (make book) to "
                "publish it on the verify page"
            )
        return 0
    if args.verb == "verify":
        from .keys import public_keys
        from .payload import verify

        keys = public_keys(course)
        if not keys:
            raise UserError(
                f"this course publishes no certificate key ({course.root}/certificates/published/"
                "public-keys.json is missing), so no certificate can be checked against it",
                "pass --course DIR of the programme that issued it, or run autograder keys init",
            )
        result = verify(code_from(args.target), keys, register.load_revocations(course))
        f = result.fields
        if result.valid:
            print(f"VALID {shown(f['i'])}")
            for label, key in (
                ("name", "n"),
                ("programme", "p"),
                ("cohort", "c"),
                ("venue", "v"),
                ("date", "d"),
            ):
                print(f"  {label}: {shown(str(f.get(key) or '—'))}")
            return 0
        why = REASONS[result.status]
        if result.revocation:
            r = result.revocation
            extra = f" {shown(r.get('by', ''))}" if result.status == "superseded" else ""
            why = f"{why}{extra} on {shown(r.get('on', ''))}: {shown(r.get('reason', ''))}"
        ident = f" {shown(str(f['i']))}" if f.get("i") else ""
        print(f"NOT VALID{ident}: {why}")
        return 1
    raise AssertionError(args.verb)  # pragma: no cover
