"""The register of issued certificates (CSV, personal data, mode 0600) and the public
revocation list derived from it (``published/revocations.json``: ids and reasons only).

A row's status is ``valid``, ``superseded`` (grades or details changed, a newer certificate
replaced it: ``superseded_by``) or ``revoked`` (``autograder revoke``: ``reason``). Rows are
never deleted: the register is the history of what was handed out.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

from ..course import Course
from ..errors import UserError
from ..untrusted import shown
from .keys import atomic_write, published_dir

COLUMNS = [
    "certificate_id",
    "student_id",
    "programme",
    "name",
    "cohort",
    "venue",
    "lang",
    "issued",
    "key_id",
    "grades_fingerprint",
    "details_fingerprint",
    "status",
    "superseded_by",
    "changed_on",
    "reason",
    "code",
]
STATUSES = {"valid", "superseded", "revoked"}


def register_path(course: Course) -> Path:
    return course.root / "certificates" / "register.csv"


def revocations_path(course: Course) -> Path:
    return published_dir(course) / "revocations.json"


def today() -> str:
    return dt.datetime.now(dt.UTC).date().isoformat()


def load(course: Course) -> list[dict[str, str]]:
    path = register_path(course)
    if not path.exists():
        return []
    hint = (
        f"restore {path} from your backup; it must be the CSV autograder certify wrote "
        f"(header: {','.join(COLUMNS)})"
    )
    try:
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise UserError(f"cannot read the register {path}: {exc}", hint) from exc
    for n, row in enumerate(rows, start=2):
        if None in row or set(row) != set(COLUMNS) or row["status"] not in STATUSES:
            raise UserError(f"the register {path}, line {n}, is not a register row", hint)
    return rows


def save(course: Course, rows: list[dict[str, str]]) -> None:
    path = register_path(course)
    path.parent.mkdir(parents=True, exist_ok=True)
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    atomic_write(path, out.getvalue(), mode=0o600)
    publish_revocations(course, rows)


def revocations(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """What the site publishes about withdrawn certificates: no names, no learners' ids."""
    return [
        {
            "id": r["certificate_id"],
            "status": r["status"],
            "on": r["changed_on"],
            "reason": r["reason"],
            "by": r["superseded_by"],
        }
        for r in rows
        if r["status"] != "valid"
    ]


def publish_revocations(course: Course, rows: list[dict[str, str]]) -> None:
    path = revocations_path(course)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"revocations": revocations(rows)}, ensure_ascii=False, indent=2) + "\n"
    atomic_write(path, text, mode=0o644)


def load_revocations(course: Course) -> list[dict]:
    path = revocations_path(course)
    if not path.exists():
        return []
    try:
        return json.loads(path.read_text(encoding="utf-8"))["revocations"]
    except (ValueError, KeyError) as exc:
        raise UserError(
            f"{path} is not a revocation list",
            "run any autograder certify or revoke command: it is written again from the register",
        ) from exc


def revoke(course: Course, certificate_id: str, reason: str) -> str:
    """Mark a certificate revoked; returns what happened (``revoked`` or ``already``)."""
    reason = " ".join(reason.split())
    if not reason:
        raise UserError("a revocation needs a reason", "e.g. --reason 'issued to the wrong person'")
    rows = load(course)
    row = next((r for r in rows if r["certificate_id"] == certificate_id), None)
    if row is None:
        raise UserError(
            f"no certificate {shown(certificate_id)} in the register {register_path(course)}",
            "copy the id from the certificate (ETK-...) or from the register",
        )
    if row["status"] == "revoked":
        return "already"
    row.update(status="revoked", changed_on=today(), reason=reason)
    save(course, rows)
    return "revoked"
