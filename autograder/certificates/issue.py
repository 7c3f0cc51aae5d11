"""``autograder certify``: one certificate per learner who meets the programme rule.

Run it again and nothing changes for a learner whose grades and certificate details are the
same; when they changed (a regrade, a corrected name), a new certificate is issued and the old
one is marked superseded, which the next site build publishes. A revoked certificate is not
issued again by this command: a person decided that, and a person undoes it.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from ..course import Course
from ..errors import UserError
from ..roster import Roster
from . import register
from .keys import key_id, load_private, raw_public
from .payload import sign
from .programme import Programme, roster_number

ID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U to misread


@dataclass
class Report:
    issued: list[tuple[str, str]] = field(default_factory=list)  # (student, certificate id)
    reissued: list[tuple[str, str, str]] = field(default_factory=list)  # (student, old, new)
    unchanged: list[tuple[str, str]] = field(default_factory=list)
    not_yet: dict[str, str] = field(default_factory=dict)  # student -> why not (yet)
    no_longer: list[tuple[str, str]] = field(default_factory=list)  # valid cert, rule not met


def new_id() -> str:
    return "ETK-" + "".join(secrets.choice(ID_ALPHABET) for _ in range(10))


def fingerprint(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()[:32]


def results(course: Course, roster: Roster, programme: Programme) -> dict[str, dict[str, dict]]:
    """student -> assignment -> its export row (total, max, pending, failed)."""
    from ..export import gather

    data = gather(course, roster, list(programme.assignments), programme.pass_mark)
    out: dict[str, dict[str, dict]] = {}
    for aid, info in data.items():
        for row in info["rows"]:
            out.setdefault(row["student"], {})[aid] = row
    return out


def why_not(programme: Programme, roster: Roster, sid: str, rows: dict[str, dict]) -> str:
    """Empty when the learner meets the rule; otherwise the first reason, for the grader."""
    for aid in programme.assignments:
        row = rows.get(aid)
        if row is None:
            return f"no graded submission of {aid}"
        if row["failed"]:
            return f"grading of {aid} failed: grade it again"
        if row["pending"]:
            return f"{aid}: {row['pending']} part(s) wait for manual grading"
        if row["total"] / row["max"] < programme.pass_mark:
            return f"{aid}: {row['total']:g}/{row['max']:g} is below the pass mark"
    for column, minimum in programme.roster_minimums.items():
        value = roster_number(roster.get(sid, column))
        if value is None:
            return f"no number in the roster's {column} column"
        if value < minimum:
            return f"{column} {value:g} is below {minimum:g}"
    if not roster.get(sid, "name"):
        return "no name in the roster (a certificate carries the learner's name)"
    return ""


def details(programme: Programme, roster: Roster, sid: str, rows: dict[str, dict]) -> dict:
    """Exactly what the certificate shows, and nothing else personal."""
    lang = roster.lang(sid)
    fields = {
        "n": " ".join(roster.get(sid, "name").split()),
        "p": programme.name[lang],
        "c": roster.get(sid, "cohort"),
        "v": roster.get(sid, "venue"),
        "l": lang,
    }
    if programme.show_scores:
        fields["s"] = {
            aid: round(100 * rows[aid]["total"] / rows[aid]["max"]) for aid in programme.assignments
        }
    return fields


def certify(course: Course, roster: Roster, programme: Programme, today: str) -> Report:
    if not roster:
        raise UserError(
            f"certificates need the roster (names, cohort, venue, lang): none given and "
            f"{course.root / 'roster.csv'} is missing",
            "pass --roster FILE (CSV: student_id,name,email,cohort,venue,lang)",
        )
    private = load_private(course)
    kid = key_id(raw_public(private))
    rows = register.load(course)
    by_student: dict[str, dict] = {}
    for row in rows:  # the newest row of each learner for this programme
        if row["programme"] == programme.id:
            by_student[row["student_id"]] = row
    report = Report()
    for sid, graded in sorted(results(course, roster, programme).items()):
        current = by_student.get(sid)
        reason = why_not(programme, roster, sid, graded)
        if reason:
            if current and current["status"] == "valid":
                report.no_longer.append((sid, current["certificate_id"]))
            else:
                report.not_yet[sid] = reason
            continue
        grades = fingerprint(
            [[a, graded[a]["total"], graded[a]["max"]] for a in programme.assignments]
            + [[c, roster.get(sid, c)] for c in sorted(programme.roster_minimums)]
        )
        shown = details(programme, roster, sid, graded)
        facts = fingerprint(shown)
        if current and current["status"] == "revoked":
            report.not_yet[sid] = (
                f"certificate {current['certificate_id']} was revoked; not issued again"
            )
            continue
        if (
            current
            and current["grades_fingerprint"] == grades
            and current["details_fingerprint"] == facts
            and current["key_id"] == kid
        ):
            report.unchanged.append((sid, current["certificate_id"]))
            continue
        cid = new_id()
        code = sign(private, {**shown, "i": cid, "d": today})
        rows.append(
            {
                "certificate_id": cid,
                "student_id": sid,
                "programme": programme.id,
                "name": shown["n"],
                "cohort": shown["c"],
                "venue": shown["v"],
                "lang": shown["l"],
                "issued": today,
                "key_id": kid,
                "grades_fingerprint": grades,
                "details_fingerprint": facts,
                "status": "valid",
                "superseded_by": "",
                "changed_on": "",
                "reason": "",
                "code": code,
            }
        )
        if current and current["status"] == "valid":
            current.update(
                status="superseded",
                superseded_by=cid,
                changed_on=today,
                reason="grades changed"
                if current["grades_fingerprint"] != grades
                else "details changed",
            )
            report.reissued.append((sid, current["certificate_id"], cid))
        else:
            report.issued.append((sid, cid))
    register.save(course, rows)
    write_documents(course, programme, [r for r in rows if r["programme"] == programme.id])
    return report


def documents(course: Course, row: dict) -> tuple[Path, Path]:
    folder = course.root / "certificates" / "issued" / row["student_id"]
    return folder / f"{row['certificate_id']}.pdf", folder / f"{row['certificate_id']}.html"


def write_documents(course: Course, programme: Programme, rows: list[dict]) -> None:
    """The PDF and HTML of every valid certificate that lacks them (both drawn from the code)."""
    from .page import certificate_html
    from .pdf import certificate_pdf

    for row in rows:
        if row["status"] != "valid":
            continue
        pdf, page = documents(course, row)
        pdf.parent.mkdir(parents=True, exist_ok=True)
        if not pdf.exists():
            certificate_pdf(row["code"], programme, pdf)
        if not page.exists():
            page.write_text(certificate_html(row["code"], programme), encoding="utf-8")
