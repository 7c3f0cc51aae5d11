"""What is released, collected, graded, and what needs manual grading."""

from __future__ import annotations

import datetime as dt

from .course import Course, grades_fingerprint, submission_students
from .untrusted import shown


def feedback_state(course: Course, aid: str, sid: str, graded_at: str, written, grades) -> str:
    """``missing``, ``stale`` or ``current``. Stale: the learner was graded again after it was
    written, or a score or comment changed since (formgrader), or we never recorded it."""
    if not any(course.feedback(sid, aid).glob("*.html")):
        return "missing"
    if written is None or written["grades"] != grades:
        return "stale"
    if dt.datetime.fromisoformat(written["written_at"]) < dt.datetime.fromisoformat(graded_at):
        return "stale"
    return "current"


def status(course: Course) -> list[dict]:
    ledger = course.ledger()
    inexact = course.inexact()
    manual: dict[str, list[str]] = {}
    fingerprints: dict[tuple[str, str], str] = {}
    if course.db_path.exists():
        with course.gradebook() as gb:
            for a in gb.assignments:
                manual[a.name] = sorted(s.student.id for s in a.submissions if s.needs_manual_grade)
                for sub in a.submissions:
                    fingerprints[(a.name, sub.student.id)] = grades_fingerprint(sub)
    out = []
    for aid in course.assignments():
        collected = submission_students(course, aid)
        ok = sorted(s for (a, s), r in ledger.items() if a == aid and r["status"] == "ok")
        failed = sorted(s for (a, s), r in ledger.items() if a == aid and r["status"] == "failed")
        graded = set(ok) | set(failed)
        written = course.feedback_written(aid)
        fb = {
            s: feedback_state(
                course,
                aid,
                s,
                ledger[(aid, s)]["graded_at"],
                written.get(s),
                fingerprints.get((aid, s)),
            )
            for s in ok
        }
        out.append(
            {
                "assignment": aid,
                "released": course.is_released(aid),
                "collected": collected,
                "graded": ok,
                "failed": {s: ledger[(aid, s)]["detail"] for s in failed},
                # parts the sealed path could not grade exactly: check them by hand
                "not_graded_exactly": {
                    s: [f"{p['notebook']}: {p['part']}: {p['reason']}" for p in inexact[(aid, s)]]
                    for s in ok
                    if (aid, s) in inexact
                },
                "not_graded": [s for s in collected if s not in graded],
                "needs_manual_grading": manual.get(aid, []),
                "feedback": [s for s in ok if fb[s] == "current"],
                "feedback_stale": [s for s in ok if fb[s] == "stale"],
            }
        )
    return out


def render(rows: list[dict]) -> str:
    if not rows:
        return "no assignments under source/ yet"
    lines = []
    for r in rows:
        lines.append(f"{r['assignment']}: {'released' if r['released'] else 'NOT released'}")
        lines.append(f"  collected: {len(r['collected'])}")
        lines.append(f"  graded:    {len(r['graded'])}")
        if r["not_graded"]:
            lines.append(f"  to grade:  {len(r['not_graded'])} ({', '.join(r['not_graded'][:10])})")
        for sid, why in r["failed"].items():
            lines.append(f"  FAILED {sid}: {why}")
        for sid, parts in r.get("not_graded_exactly", {}).items():
            for part in parts:
                lines.append(f"  NOT GRADED EXACTLY {sid}: {part} -> check it in formgrader")
        if r["needs_manual_grading"]:
            ids = r["needs_manual_grading"]
            lines.append(
                f"  needs manual grading: {len(ids)} ({', '.join(ids[:10])}"
                f"{', …' if len(ids) > 10 else ''}) -> nbgrader formgrader"
            )
        lines.append(f"  feedback:  {len(r['feedback'])}")
        if r["feedback_stale"]:
            ids = r["feedback_stale"]
            lines.append(
                f"  feedback out of date (grades changed since): {len(ids)} ({', '.join(ids[:10])}"
                f"{', …' if len(ids) > 10 else ''}) -> autograder feedback {r['assignment']}"
            )
    return "\n".join(shown(line) for line in lines)  # ids are folder names: one line each
