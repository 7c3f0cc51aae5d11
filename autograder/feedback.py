"""Per-learner HTML feedback with nbgrader's generate_feedback, minus hidden tests, in en/id.

nbgrader issue #917: autograded notebooks contain the hidden tests' source (nbgrader restores
the locked cells from the gradebook before running them), and generate_feedback renders that
source and the failing test's traceback. ``StripHiddenTests`` runs inside generate_feedback and
removes the ``BEGIN HIDDEN TESTS``..``END HIDDEN TESTS`` regions and any traceback of those
cells (the traceback quotes the failing line), keeping each cell's score (pass/fail).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from nbgrader.preprocessors import ClearHiddenTests

from .course import Course, grades_fingerprint
from .errors import UserError
from .roster import Roster

TEXT = {
    "en": {
        "summary": "Summary",
        "total": "Total score",
        "part": "Part",
        "points": "Points",
        "status": "Status",
        "ok": "full marks",
        "review": "review this",
        "pending": "waiting for a grader",
        "to_review": "What to review",
        "nothing": "Nothing: every automatically graded part got full marks.",
        "pending_note": "Some answers are graded by hand; their points are not in the total yet.",
        "hidden": "# (hidden tests were run here; their code is not shown)",
        "hidden_error": "A test failed here",
        "notebook": "Notebook",
        "inexact": "not checked automatically: a grader will check it",
        "inexact_head": "Parts the automatic grader could not check",
        "inexact_note": (
            "The grader could not check these parts exactly, so their points may be too low. "
            "This is a limit of the grader, not necessarily a mistake of yours: a trainer will "
            "check them by hand."
        ),
        "why_value": "your answer is a kind of value the grader cannot pass to its tests",
        "why_call": "the tests could not call your function the way they need to",
        "why_rebind": "the test replaces one of your functions to see how your code works",
        "why_figure": "the test looks at the chart your code drew",
    },
    "id": {
        "summary": "Ringkasan",
        "total": "Nilai total",
        "part": "Bagian",
        "points": "Poin",
        "status": "Status",
        "ok": "nilai penuh",
        "review": "pelajari lagi",
        "pending": "menunggu penilai",
        "to_review": "Yang perlu dipelajari lagi",
        "nothing": "Tidak ada: semua bagian yang dinilai otomatis mendapat nilai penuh.",
        "pending_note": (
            "Beberapa jawaban dinilai oleh penilai; poinnya belum masuk ke nilai total."
        ),
        "hidden": "# (tes tersembunyi dijalankan di sini; kodenya tidak ditampilkan)",
        "hidden_error": "Sebuah tes gagal di sini",
        "notebook": "Notebook",
        "inexact": "belum diperiksa otomatis: penilai akan memeriksanya",
        "inexact_head": "Bagian yang tidak dapat diperiksa oleh penilai otomatis",
        "inexact_note": (
            "Penilai otomatis tidak dapat memeriksa bagian ini dengan tepat, jadi poinnya mungkin "
            "terlalu rendah. Ini keterbatasan penilai, belum tentu kesalahanmu: pengajar akan "
            "memeriksanya secara manual."
        ),
        "why_value": "jawabanmu berupa jenis nilai yang tidak dapat diteruskan penilai ke tesnya",
        "why_call": "tes tidak dapat memanggil fungsimu dengan cara yang dibutuhkannya",
        "why_rebind": "tes mengganti salah satu fungsimu untuk melihat cara kerja kodemu",
        "why_figure": "tes memeriksa grafik yang digambar kodemu",
    },
}

# nbgrader's feedback template (server_extensions/formgrader/templates/feedback) is English.
TEMPLATE_ID = [
    ("(Score: ", "(Nilai: "),
    ("Score: ", "Nilai: "),
    (">Test cell<", ">Sel tes<"),
    (">Coding free-response<", ">Jawaban kode<"),
    (">Written response<", ">Jawaban tertulis<"),
    (">Task<", ">Tugas<"),
    (">Comment<", ">Komentar<"),
    ("Late submission penalty", "Penalti keterlambatan"),
    ("Student&#39;s answer", "Jawaban peserta"),
    ("Student's answer", "Jawaban peserta"),
    ("Student&#39;s task", "Tugas peserta"),
    ("Student's task", "Tugas peserta"),
    ("Grade cell: ", "Sel nilai: "),
    ("<b>Comments:</b>", "<b>Komentar:</b>"),
    ("(Top)", "(Ke atas)"),
]


class StripHiddenTests(ClearHiddenTests):
    """Remove hidden test source (and the tracebacks that quote it); keep scores."""

    enforce_metadata = False

    def preprocess_cell(self, cell, resources, cell_index):
        if cell.cell_type != "code" or self.begin_test_delimeter not in cell.source:
            return cell, resources
        self._remove_hidden_test_region(cell)
        cell.source = cell.source.rstrip("\n") + "\n" + TEXT["en"]["hidden"]
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                out["traceback"] = [f"{out.get('ename', 'Error')}: {TEXT['en']['hidden_error']}"]
                out["evalue"] = ""
        return cell, resources


# Section headings (## or ###) name parts; a single # is the notebook's title.
HEADING = re.compile(r"^#{2,3}\s+(.*?)\s*(\([^()]*\))?\s*$")


def part_titles(course: Course, aid: str) -> dict[tuple[str, str], dict[str, str]]:
    """(notebook, grade id) -> the part's title in each language, from the source notebook.

    A graded cell's title is the heading of the markdown cell before it; instruction cells give
    the English heading first and the Indonesian one second, and the trailing "(2 points)" is
    dropped. Learners see "Part 1: selection rates", not "part1_tests". A heading serves one
    graded cell only; a graded cell without a heading of its own keeps its grade id.
    """
    import nbformat

    titles: dict[tuple[str, str], dict[str, str]] = {}
    for path in sorted(course.source(aid).glob("*.ipynb")):
        headings: list[str] = []
        for cell in nbformat.read(path, as_version=4).cells:
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if meta.get("grade") and meta.get("grade_id"):
                if headings:
                    titles[(path.stem, meta["grade_id"])] = {
                        "en": headings[0],
                        "id": headings[1] if len(headings) > 1 else headings[0],
                    }
                headings = []
            elif cell.cell_type == "markdown":
                found = [m.group(1) for m in map(HEADING.match, cell.source.splitlines()) if m]
                if found and "SOLUTION" not in found[0]:
                    headings = found
    return titles


def plain_reason(reason: str, lang: str) -> str:
    """The grader's reason for a part it could not grade exactly, in plain words."""
    t = TEXT[lang]
    if "could not be carried" in reason:
        return t["why_value"]
    if "replaces or deletes" in reason:
        return t["why_rebind"]
    if "current figure" in reason:
        return t["why_figure"]
    return t["why_call"]


def _summary(course: Course, aid: str, sid: str, lang: str) -> tuple[str, dict]:
    t = TEXT[lang]
    titles = part_titles(course, aid)
    inexact = {
        (p["notebook"], p["part"]): p["reason"] for p in course.inexact(aid).get((aid, sid), [])
    }
    unchecked: list[str] = []
    rows, review, pending = [], [], False
    total = maximum = 0.0
    with course.gradebook() as gb:
        sub = gb.find_submission(aid, sid)
        for nb in sub.notebooks:
            for g in sorted(nb.grades, key=lambda g: g.name):
                maximum += g.max_score
                if g.needs_manual_grade:
                    pending = True
                    status = t["pending"]
                    pts = "–"
                elif (nb.name, g.name) in inexact and g.score < g.max_score:
                    total += g.score
                    pts = f"{g.score:g} / {g.max_score:g}"
                    status = t["inexact"]
                    title = titles.get((nb.name, g.name), {}).get(lang, f"{nb.name}: {g.name}")
                    why = plain_reason(inexact[(nb.name, g.name)], lang)
                    unchecked.append(f"{title}: {why}")
                else:
                    total += g.score
                    pts = f"{g.score:g} / {g.max_score:g}"
                    if g.score >= g.max_score:
                        status = t["ok"]
                    else:
                        status = t["review"]
                        review.append(f"{nb.name}: {g.name}")
                title = titles.get((nb.name, g.name), {}).get(lang, f"{nb.name}: {g.name}")
                if status == t["review"]:
                    review[-1] = title
                rows.append((title, pts, status))
    body = "".join(
        f"<tr><td>{html.escape(title)}</td><td>{pts}</td><td>{html.escape(s)}</td></tr>"
        for title, pts, s in rows
    )
    items = "".join(f"<li>{html.escape(r)}</li>" for r in review) or f"<li>{t['nothing']}</li>"
    block = (
        f'<section id="etika-summary" class="container" lang="{lang}" '
        'style="border:2px solid #0072B2;padding:0.8em;margin:1em auto;">'
        f"<h2>{t['summary']}: {html.escape(aid)}</h2>"
        f"<p><strong>{t['total']}: {total:g} / {maximum:g}</strong></p>"
        f"<table class='table'><thead><tr><th>{t['part']}</th><th>{t['points']}</th>"
        f"<th>{t['status']}</th></tr></thead><tbody>{body}</tbody></table>"
        f"<h3>{t['to_review']}</h3><ul>{items}</ul>"
        + (
            f"<h3>{t['inexact_head']}</h3><p>{t['inexact_note']}</p><ul>"
            + "".join(f"<li>{html.escape(u)}</li>" for u in unchecked)
            + "</ul>"
            if unchecked
            else ""
        )
        + (f"<p>{t['pending_note']}</p>" if pending else "")
        + "</section>"
    )
    return block, {"total": total, "max": maximum}


REMOTE_SCRIPT = re.compile(r"<script[^>]*\bsrc=[\"']?(?:https?:)?//[^>]*>\s*</script>", re.I)


def localise(page: str, lang: str, summary: str) -> str:
    if lang == "id":
        for en, ind in TEMPLATE_ID:
            page = page.replace(en, ind)
        page = page.replace(html.escape(TEXT["en"]["hidden"]), html.escape(TEXT["id"]["hidden"]))
        page = page.replace(TEXT["en"]["hidden_error"], TEXT["id"]["hidden_error"])
        page = page.replace("<html>", '<html lang="id">', 1)
    else:
        page = page.replace("<html>", '<html lang="en">', 1)
    page = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + summary, page, count=1)
    # nbgrader's template loads MathJax from a CDN; a learner reading feedback on a phone
    # offline gets no maths either way, and the page must make no outside request.
    return REMOTE_SCRIPT.sub("", page)


def generate(course: Course, aid: str, roster: Roster, students: list[str] | None = None) -> dict:
    from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
    from nbgrader.converters import GenerateFeedback
    from nbgrader.converters.base import NbGraderException
    from nbgrader.preprocessors import GetGrades
    from traitlets.config import Config

    course.check_assignment(aid, released=True)
    ledger = course.ledger(aid)
    graded = sorted(s for (a, s) in ledger if a == aid)
    if students:
        missing = [s for s in students if s not in graded]
        if missing:
            raise UserError(
                f"not graded yet for '{aid}': {', '.join(missing)}", f"run: autograder grade {aid}"
            )
        graded = students
    if not graded:
        raise UserError(f"no graded submissions of '{aid}'", f"run: autograder grade {aid}")
    cfg = Config(course.config)
    cfg.GenerateFeedback.preprocessors = [GetGrades, StripHiddenTests, CSSHTMLHeaderPreprocessor]
    cfg.HTMLExporter.template_name = "feedback"
    done: dict[str, list[Path]] = {}
    for sid in graded:
        if not course.autograded(sid, aid).is_dir():
            continue  # the grading process failed: nothing to show but the score
        cd = course.coursedir(assignment_id=aid, student_id=sid)
        conv = GenerateFeedback(coursedir=cd, config=cfg)
        conv.force = True
        try:
            conv.start()
        except NbGraderException as exc:
            raise UserError(
                f"nbgrader generate_feedback failed for {sid}: {exc}", "see above"
            ) from exc
        lang = roster.lang(sid)
        summary, _ = _summary(course, aid, sid, lang)
        files = sorted(course.feedback(sid, aid).glob("*.html"))
        for f in files:
            f.chmod(0o600)
            f.write_text(localise(f.read_text(encoding="utf-8"), lang, summary), encoding="utf-8")
        done[sid] = files
    with course.gradebook() as gb:
        course.record_feedback(
            aid, {sid: grades_fingerprint(gb.find_submission(aid, sid)) for sid in done}
        )
    return done
