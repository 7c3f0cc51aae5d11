"""The programme rule, read from ``c.Programme`` in the course's ``nbgrader_config.py``.

Example::

    c.Programme.id = "etika-ai-2027"
    c.Programme.name = {"en": "Etika AI", "id": "Etika AI"}
    c.Programme.issuer = {"en": "Etika AI trainers", "id": "Tim pelatih Etika AI"}
    c.Programme.assignments = ["bias", "transparency"]  # each must be passed
    c.Programme.pass_mark = 0.6         # fraction of each assignment's maximum
    c.Programme.roster_minimums = {"attendance": 75}  # roster columns, numbers (75 or 75%)
    c.Programme.show_scores = False     # scores on the certificate only if True
    c.Programme.verify_url = ""         # e.g. "https://example.org/en/verify.html"
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..course import CONFIG_NAME, Course
from ..errors import UserError

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
EXAMPLE = (
    "add to nbgrader_config.py: c.Programme.id = 'etika-ai-2027'; "
    "c.Programme.name = {'en': '...', 'id': '...'}; c.Programme.assignments = ['bias']; "
    "c.Programme.pass_mark = 0.6 (see autograder/certificates/programme.py)"
)


@dataclass(frozen=True)
class Programme:
    id: str
    name: dict[str, str]
    issuer: dict[str, str]
    assignments: tuple[str, ...]
    pass_mark: float
    roster_minimums: dict[str, float] = field(default_factory=dict)
    show_scores: bool = False
    verify_url: str = ""


def _both(value, key: str, where: str) -> dict[str, str]:
    if isinstance(value, str) and value.strip():
        return {"en": value.strip(), "id": value.strip()}
    if isinstance(value, dict) and all(isinstance(value.get(k), str) for k in ("en", "id")):
        return {k: value[k].strip() for k in ("en", "id")}
    raise UserError(
        f"{where}: c.Programme.{key} must be a text or {{'en': ..., 'id': ...}}, not {value!r}",
        EXAMPLE,
    )


def roster_number(text: str) -> float | None:
    """A roster cell as a number: ``75``, ``75%``, ``0,75`` (Indonesian decimal comma)."""
    cleaned = text.strip().rstrip("%").strip().replace(",", ".")
    try:
        return float(cleaned)
    except ValueError:
        return None


def load(course: Course) -> Programme:
    where = str(course.root / CONFIG_NAME)
    section = course.config.get("Programme") if "Programme" in course.config else None
    if not section:
        raise UserError(f"{where} has no programme rule (c.Programme)", EXAMPLE)
    pid = section.get("id", "")
    if not isinstance(pid, str) or not ID_RE.match(pid):
        raise UserError(
            f"{where}: c.Programme.id must be lower-case letters, digits and '-' "
            f"(at most 40), not {pid!r}",
            "e.g. c.Programme.id = 'etika-ai-2027'",
        )
    assignments = section.get("assignments", [])
    if (
        not isinstance(assignments, list | tuple)
        or not assignments
        or not all(isinstance(a, str) for a in assignments)
    ):
        raise UserError(
            f"{where}: c.Programme.assignments must be a list of assignment names, "
            f"not {assignments!r}",
            f"e.g. c.Programme.assignments = {course.assignments() or ['bias']!r}",
        )
    known = course.assignments()
    unknown = [a for a in assignments if a not in known]
    if unknown:
        raise UserError(
            f"{where}: c.Programme.assignments names {', '.join(unknown)}, not in this course "
            f"(assignments: {', '.join(known) or 'none'})",
            "check the spelling, or add the assignment under source/",
        )
    mark = section.get("pass_mark", 0.5)
    if isinstance(mark, bool) or not isinstance(mark, int | float) or not 0 < mark <= 1:
        raise UserError(
            f"{where}: c.Programme.pass_mark must be a fraction in (0, 1], not {mark!r}",
            "e.g. c.Programme.pass_mark = 0.6 (60% of each assignment's points)",
        )
    minimums = section.get("roster_minimums", {})
    if not isinstance(minimums, dict) or not all(
        isinstance(k, str) and isinstance(v, int | float) and not isinstance(v, bool)
        for k, v in minimums.items()
    ):
        raise UserError(
            f"{where}: c.Programme.roster_minimums must map roster columns to numbers, "
            f"not {minimums!r}",
            "e.g. c.Programme.roster_minimums = {'attendance': 75}",
        )
    show = section.get("show_scores", False)
    if not isinstance(show, bool):
        raise UserError(f"{where}: c.Programme.show_scores must be True or False", EXAMPLE)
    url = section.get("verify_url", "")
    if not isinstance(url, str) or (url and not re.match(r"^https?://[^\s#]+$", url)):
        raise UserError(
            f"{where}: c.Programme.verify_url must be an http(s) address without '#', not {url!r}",
            "e.g. c.Programme.verify_url = 'https://example.org/en/verify.html', or leave it out",
        )
    return Programme(
        id=pid,
        name=_both(section.get("name"), "name", where),
        issuer=_both(section.get("issuer", section.get("name")), "issuer", where),
        assignments=tuple(assignments),
        pass_mark=float(mark),
        roster_minimums={k.strip().lower(): float(v) for k, v in minimums.items()},
        show_scores=show,
        verify_url=url,
    )
