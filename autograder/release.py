"""Release an assignment: nbgrader generate_assignment, then a student bundle zip."""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from pathlib import Path

from .course import Course, protect
from .errors import UserError

FIXED_TIME = (2020, 1, 1, 0, 0, 0)  # same bundle bytes for the same release


SOLUTIONS, BLANK = "etika-check-solutions", "etika-check-blank"


def self_check(course: Course, aid: str, timeout: int = 30) -> list[str]:
    """Grade the source's own solutions and the blank release through the pipeline.

    Returns one line per problem, naming the notebook, the part and the reason: a test cell
    that does not give the solutions full marks (or that the sealed path cannot grade
    exactly), or one that gives the blank release points. Runs in a temporary course (a copy
    of the assignment and a gradebook without learners) under this course's state folder.
    """
    from nbgrader.api import Gradebook

    from . import sandbox
    from .course import Course as _Course
    from .grade import grade, make_template

    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="release-check-", dir=course.state) as tmp:
        root = Path(tmp) / "course"
        (root / "source").mkdir(parents=True)
        shutil.copyfile(course.root / "nbgrader_config.py", root / "nbgrader_config.py")
        shutil.copytree(course.source(aid), root / "source" / aid)
        shutil.copytree(course.release(aid), root / "release" / aid)
        make_template(course, root / "gradebook.db")
        for who, folder in ((SOLUTIONS, course.source(aid)), (BLANK, course.release(aid))):
            dest = root / "submitted" / who / aid
            dest.mkdir(parents=True)
            for nb in folder.glob("*.ipynb"):
                shutil.copyfile(nb, dest / nb.name)
        check = _Course.open(root)
        rep = grade(
            check,
            aid,
            None,
            force=True,
            timeout=timeout,
            progress=False,
            # the trainer's own code: without bubblewrap it still runs (with the limits)
            unsafe_no_sandbox=sandbox.bwrap_path() is None,
        )
        for who, why in rep.failed.items():
            what = "the solutions" if who == SOLUTIONS else "the blank release"
            problems.append(f"{aid}: grading {what} failed: {why}")
        inexact = check.inexact(aid)
        with Gradebook(check.db_url, check.course_id) as gb:
            for who in (SOLUTIONS, BLANK):
                if who in rep.failed:
                    continue
                unsure = {
                    (p["notebook"], p["part"]): p["reason"] for p in inexact.get((aid, who), [])
                }
                for nb in gb.find_submission(aid, who).notebooks:
                    for g in nb.grades:
                        if g.needs_manual_grade or g.auto_score is None:
                            continue
                        where = f"{nb.name}.ipynb, part {g.name}"
                        if who == SOLUTIONS and g.auto_score < g.max_score:
                            why = unsure.get((nb.name, g.name)) or "the test fails"
                            problems.append(
                                f"{where}: the solutions get {g.auto_score:g} of "
                                f"{g.max_score:g} points ({why})"
                            )
                        elif who == BLANK and g.auto_score > 0:
                            problems.append(
                                f"{where}: the blank release gets {g.auto_score:g} points "
                                "(a test that passes without an answer)"
                            )
    return problems


def release(
    course: Course, aid: str, force: bool = False, check: bool = True, anyway: bool = False
) -> Path:
    course.check_assignment(aid)
    if not list(course.source(aid).glob("*.ipynb")):
        raise UserError(
            f"{course.source(aid)} holds no notebook (.ipynb)",
            "put the assignment's source notebook there (with solutions and tests)",
        )
    if course.release(aid).is_dir() and course.submitted_any(aid) and not force:
        raise UserError(
            f"'{aid}' already has collected submissions; releasing it again could change the "
            "tests under them",
            f"run: autograder release {aid} --force  (only if you mean it)",
        )
    (course.state / "lock").touch()  # our state folder exists from the first release on
    result = course.api().generate_assignment(aid, force=True, create=True)
    protect(course.db_path)
    if not result.get("success"):
        log = (result.get("log") or "") + (result.get("error") or "")
        lines = [
            ln for ln in log.splitlines() if "ERROR" in ln or "Error" in ln
        ] or log.splitlines()
        raise UserError(
            f"nbgrader generate_assignment failed for '{aid}': " + " | ".join(lines[-3:]),
            f"fix the notebook(s) in {course.source(aid)} (cell metadata, solution/test markers)",
        )
    if check:
        problems = self_check(course, aid)
        if problems and not anyway:
            raise UserError(
                f"'{aid}' does not grade as it should, so it was not handed out "
                "(the student version is in release/, no bundle was made):\n  "
                + "\n  ".join(problems),
                f"fix the tests or solutions in {course.source(aid)}, or run: "
                f"autograder release {aid} --release-anyway  (learners will be graded wrongly)",
            )
        for line in problems:
            print(f"WARNING (released anyway): {line}")
    return bundle(course, aid)


def bundle(course: Course, aid: str) -> Path:
    src = course.release(aid)
    out_dir = course.root / "bundles"
    out_dir.mkdir(exist_ok=True)
    dest = out_dir / f"{aid}.zip"
    tmp = dest.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for p in sorted(src.rglob("*")):
            rel = p.relative_to(src)
            if not p.is_file() or ".ipynb_checkpoints" in rel.parts or p.name.startswith("."):
                continue
            info = zipfile.ZipInfo(f"{aid}/{rel.as_posix()}", FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, p.read_bytes())
    os.replace(tmp, dest)
    return dest
