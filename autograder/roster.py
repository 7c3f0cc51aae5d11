"""The course roster: student_id,name,email,cohort,venue,lang (only student_id is required)."""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UserError

ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$")
LANGS = {"en", "id"}
HINT = (
    "the roster must be a UTF-8 CSV file with a header row containing at least "
    "student_id (optional: name,email,cohort,venue,lang); one row per learner, ids unique"
)


def valid_student_id(sid: str) -> bool:
    """nbgrader uses the id in paths and in exchange file names (split on '+')."""
    return bool(ID_RE.match(sid))


def normalise_name(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def initials(name: str) -> str:
    """Enough for a grader to find the row, without writing a learner's name to the console."""
    parts = name.split()
    return " ".join(p[0] + "." for p in parts if p) or "?"


@dataclass
class Roster:
    path: Path | None
    rows: dict[str, dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: str | Path | None) -> Roster:
        if path is None:
            return cls(path=None)
        path = Path(path)
        if not path.is_file():
            raise UserError(f"roster file not found: {path}", HINT)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (UnicodeDecodeError, OSError) as exc:
            raise UserError(f"cannot read roster {path}: {exc}", HINT) from exc
        try:
            reader = csv.DictReader(text.splitlines())
            header = [h.strip().lower() for h in (reader.fieldnames or [])]
            if "student_id" not in header:
                raise UserError(
                    f"roster {path} has no student_id column "
                    f"(header: {','.join(header) or 'empty'})",
                    HINT,
                )
            rows: dict[str, dict[str, str]] = {}
            for lineno, raw in enumerate(reader, start=2):
                if None in raw:
                    raise UserError(
                        f"roster {path}, line {lineno}: more fields than the header", HINT
                    )
                row = {k.strip().lower(): (v or "").strip() for k, v in raw.items() if k}
                sid = row.get("student_id", "")
                if not sid and not any(row.values()):
                    continue
                if not valid_student_id(sid):
                    raise UserError(
                        f"roster {path}, line {lineno}: invalid student_id '{sid}'",
                        "ids may contain letters, digits and _ . @ - (no spaces, no '+' or '/')",
                    )
                if sid in rows:
                    raise UserError(
                        f"roster {path}, line {lineno}: duplicate student_id '{sid}'", HINT
                    )
                lang = row.get("lang", "") or "en"
                if lang.lower() not in LANGS:
                    raise UserError(
                        f"roster {path}, line {lineno}: lang must be 'en' or 'id', not '{lang}'",
                        HINT,
                    )
                row["lang"] = lang.lower()
                rows[sid] = row
        except csv.Error as exc:
            raise UserError(f"roster {path} is not valid CSV: {exc}", HINT) from exc
        return cls(path=path, rows=rows)

    def __bool__(self) -> bool:
        return self.path is not None

    def lang(self, sid: str) -> str:
        return self.rows.get(sid, {}).get("lang", "en")

    def get(self, sid: str, column: str, default: str = "") -> str:
        return self.rows.get(sid, {}).get(column, default) or default

    def resolve(self, key: str) -> str | None:
        """Map a folder/file label (student id, e-mail or full name) to a student id."""
        if key in self.rows:
            return key
        low = key.strip().casefold()
        norm = normalise_name(key)
        matches = [
            sid
            for sid, row in self.rows.items()
            if (row.get("email") and row["email"].casefold() == low)
            or (row.get("name") and normalise_name(row["name"]) == norm)
        ]
        return matches[0] if len(matches) == 1 else None
