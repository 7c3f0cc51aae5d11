"""Release an assignment: nbgrader generate_assignment, then a student bundle zip."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from .course import Course, protect
from .errors import UserError

FIXED_TIME = (2020, 1, 1, 0, 0, 0)  # same bundle bytes for the same release


def release(course: Course, aid: str, force: bool = False) -> Path:
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
