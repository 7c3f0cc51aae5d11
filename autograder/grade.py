"""Autograde submissions: one subprocess per submission, the parent is the only gradebook writer.

Per submission:
1. the parent builds a scratch course (``prepare_scratch``): the submission, the assignment's
   non-notebook files, and a gradebook copy without any learner in it;
2. a child process runs nbgrader's autograde on it (``build_worker_command`` returns the
   command line; a sandbox such as bubblewrap can be prefixed with ``wrapper``);
3. the parent copies the grades into the real gradebook and moves the autograded notebooks into
   place, and marks the submission done in the SAME transaction (``record``). A kill at any
   moment leaves either no mark (graded again next run) or grades + mark (skipped next run).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text

from .course import LEDGER_TABLE, Course, protect, submission_students
from .errors import UserError
from .progress import Progress

STARTUP_GRACE = 30  # seconds for process + kernel start, per submission


@dataclass
class Job:
    student: str
    assignment: str
    scratch: Path
    digest: str
    n_notebooks: int
    proc: subprocess.Popen | None = None
    started: float = 0.0
    deadline: float = 0.0
    killed_for: str = ""


@dataclass
class GradeReport:
    graded: dict[str, float] = field(default_factory=dict)  # student -> auto points
    failed: dict[str, str] = field(default_factory=dict)  # student -> reason
    skipped: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


def submission_digest(path: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(path.rglob("*")):
        if p.is_file() and p.name != "timestamp.txt":
            h.update(p.relative_to(path).as_posix().encode() + b"\0")
            h.update(p.read_bytes())
    ts = path / "timestamp.txt"
    if ts.exists():
        h.update(b"ts\0" + ts.read_bytes())
    return h.hexdigest()


def make_template(course: Course, dest: Path) -> None:
    """A copy of the gradebook with the answer structure only: no learner, no grade."""
    src = sqlite3.connect(course.db_path, timeout=30)
    out = sqlite3.connect(dest)
    with out:
        src.backup(out)
    src.close()
    with out:
        out.execute("PRAGMA foreign_keys = OFF")
        for table in (
            "comment",
            "grade",
            "submitted_notebook",
            "submitted_assignment",
            "student",
            LEDGER_TABLE,
        ):
            with contextlib.suppress(sqlite3.OperationalError):
                out.execute(f"DELETE FROM {table}")
        out.execute(f"DROP TABLE IF EXISTS {LEDGER_TABLE}")
    out.execute("VACUUM")
    out.close()
    os.chmod(dest, 0o600)


def prepare_scratch(course: Course, aid: str, sid: str, template: Path, base: Path) -> Path:
    scratch = Path(tempfile.mkdtemp(prefix=f"{sid}-", dir=base))
    shutil.copytree(course.submitted(sid, aid), scratch / "submitted" / sid / aid)
    # nbgrader copies the assignment's non-notebook files (data) over the submission;
    # the source notebooks (with solutions) are not given to the child.
    src = course.source(aid)
    dst = scratch / "source" / aid
    dst.mkdir(parents=True)
    for p in src.rglob("*"):
        rel = p.relative_to(src)
        if p.is_file() and p.suffix != ".ipynb" and ".ipynb_checkpoints" not in rel.parts:
            (dst / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(p, dst / rel)
    shutil.copy2(template, scratch / "gradebook.db")
    return scratch


def build_worker_command(
    job: Job, course: Course, timeout: int, wrapper: list[str] | None = None
) -> list[str]:
    """The command line grading one submission. Prefix a sandbox with ``wrapper``."""
    cmd = [
        sys.executable,
        "-m",
        "autograder.worker",
        "--scratch",
        str(job.scratch),
        "--assignment",
        job.assignment,
        "--student",
        job.student,
        "--course-id",
        course.course_id,
        "--config",
        str(course.root / "nbgrader_config.py"),
        "--timeout",
        str(timeout),
    ]
    return [*(wrapper or []), *cmd]


def _kill(job: Job) -> None:
    if job.proc and job.proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(job.proc.pid, signal.SIGKILL)
        job.proc.wait()


def _read_scratch_grades(course: Course, job: Job) -> dict | None:
    from nbgrader.api import Gradebook, MissingEntry

    db = job.scratch / "gradebook.db"
    with Gradebook(f"sqlite:///{db}", course.course_id) as gb:
        try:
            sub = gb.find_submission(job.assignment, job.student)
        except MissingEntry:
            return None
        return {
            "timestamp": sub.timestamp,
            "notebooks": {
                nb.name: {
                    "late": nb.late_submission_penalty,
                    "grades": {g.name: (g.auto_score, g.needs_manual_grade) for g in nb.grades},
                    "comments": {c.name: c.auto_comment for c in nb.comments},
                }
                for nb in sub.notebooks
            },
        }


def record(course: Course, job: Job, result: dict | None, reason: str, seconds: float) -> float:
    """Write one submission's grades and its done-mark in one transaction. Returns auto points."""
    from nbgrader.api import Gradebook, MissingEntry

    aid, sid = job.assignment, job.student
    with Gradebook(course.db_url, course.course_id) as gb:
        gb.update_or_create_student(sid)
        try:
            sub = gb.find_submission(aid, sid)
        except MissingEntry:
            with warnings.catch_warnings():
                # nbgrader's add_submission builds its objects before adding them to the
                # session (a known, harmless SQLAlchemy warning in nbgrader 0.9)
                warnings.filterwarnings("ignore", message="Object of type .* not in session")
                sub = gb.add_submission(aid, sid)
        if result is not None:
            sub.timestamp = result["timestamp"]
        total = 0.0
        for nb in sub.notebooks:
            got = (result or {}).get("notebooks", {}).get(nb.name)
            if got is not None:
                nb.late_submission_penalty = got["late"]
            for g in nb.grades:
                if got is not None and g.name in got["grades"]:
                    auto, needs = got["grades"][g.name]
                    g.auto_score = auto
                    g.needs_manual_grade = bool(needs) or g.manual_score is not None
                elif result is None or got is None:
                    # the child failed (crash/hang/flood): this submission's points only.
                    # Test cells score 0; answers graded by hand still wait for a grader.
                    is_test = g.name not in {c.name for c in nb.notebook.solution_cells}
                    g.auto_score = 0.0 if is_test else None
                    g.needs_manual_grade = (not is_test) or g.manual_score is not None
                total += g.auto_score or 0.0
            for c in nb.comments:
                if got is not None and c.name in got["comments"]:
                    c.auto_comment = got["comments"][c.name]
        # move the autograded notebooks into place before the commit; if we die in between,
        # there is no done-mark and the next run grades this submission again
        out = job.scratch / "autograded" / sid / aid
        dest = course.autograded(sid, aid)
        if out.is_dir():
            dest.parent.mkdir(parents=True, exist_ok=True)
            if dest.exists():
                trash = job.scratch / "old-autograded"
                os.rename(dest, trash)
            os.rename(out, dest)
        prior = gb.db.execute(
            text(f"SELECT attempts FROM {LEDGER_TABLE} WHERE assignment=:a AND student=:s"),
            {"a": aid, "s": sid},
        ).fetchone()
        gb.db.execute(
            text(
                f"INSERT OR REPLACE INTO {LEDGER_TABLE} (assignment, student, submission_hash, "
                "status, detail, graded_at, seconds, attempts) "
                "VALUES (:a, :s, :h, :st, :d, :t, :sec, :n)"
            ),
            {
                "a": aid,
                "s": sid,
                "h": job.digest,
                "st": "ok" if result is not None and not reason else "failed",
                "d": reason,
                "t": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "sec": round(seconds, 2),
                "n": (prior[0] if prior else 0) + 1,
            },
        )
        gb.db.commit()
    protect(course.db_path)
    return total


def _why_failed(job: Job) -> str:
    if job.killed_for:
        return job.killed_for
    try:
        res = json.loads((job.scratch / "result.json").read_text())
        err = (res.get("error") or "").strip().splitlines()
        return "nbgrader could not grade it: " + (err[-1][:200] if err else "unknown error")
    except (OSError, ValueError):
        return f"grading process exited with status {job.proc.returncode if job.proc else '?'}"


def grade(
    course: Course,
    aid: str,
    students: list[str] | None = None,
    force: bool = False,
    timeout: int = 30,
    jobs: int | None = None,
    wrapper: list[str] | None = None,
    progress: bool = True,
) -> GradeReport:
    course.check_assignment(aid, released=True)
    available = submission_students(course, aid)
    if students:
        missing = [s for s in students if s not in available]
        if missing:
            raise UserError(
                f"no collected submission of '{aid}' for: {', '.join(missing)}",
                f"run: autograder collect {aid} --from ...  "
                "(or check the ids with: autograder status)",
            )
    todo_ids = students or available
    with course.lock():
        return _grade(course, aid, todo_ids, force, timeout, jobs, wrapper, progress)


def _grade(course, aid, todo_ids, force, timeout, jobs, wrapper, progress) -> GradeReport:
    course.ensure_ledger()
    ledger = course.ledger(aid)
    report = GradeReport()
    pending: list[Job] = []
    base = Path(tempfile.mkdtemp(prefix="grade-", dir=course.state))
    try:
        notebooks = course.release_notebooks(aid)
        for sid in todo_ids:
            digest = submission_digest(course.submitted(sid, aid))
            done = ledger.get((aid, sid))
            if done and done["submission_hash"] == digest and not force:
                report.skipped.append(sid)
                continue
            pending.append(Job(sid, aid, Path(), digest, max(1, len(notebooks))))
        if not pending:
            return report
        template = base / "template.db"
        make_template(course, template)
        jobs = max(1, jobs or os.cpu_count() or 1)
        bar = Progress(len(pending), f"grading {aid}", enabled=progress)
        running: list[Job] = []
        queue = list(pending)
        while queue or running:
            while queue and len(running) < jobs:
                job = queue.pop(0)
                job.scratch = prepare_scratch(course, aid, job.student, template, base)
                logf = open(job.scratch / "worker.out", "wb")  # noqa: SIM115
                job.proc = subprocess.Popen(
                    build_worker_command(job, course, timeout, wrapper),
                    stdin=subprocess.DEVNULL,
                    stdout=logf,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                    cwd=job.scratch,
                )
                logf.close()
                job.started = time.monotonic()
                job.deadline = job.started + STARTUP_GRACE + 2 * timeout * job.n_notebooks
                running.append(job)
            time.sleep(0.05)
            for job in list(running):
                now = time.monotonic()
                if job.proc.poll() is None:
                    if now > job.deadline:
                        job.killed_for = (
                            f"time limit: still running after {now - job.started:.0f} s "
                            f"(--timeout {timeout} s per cell/notebook); stopped"
                        )
                        _kill(job)
                    else:
                        continue
                running.remove(job)
                seconds = now - job.started
                ok = job.proc.returncode == 0 and not job.killed_for
                result = _read_scratch_grades(course, job) if ok else None
                reason = "" if result is not None else _why_failed(job)
                points = record(course, job, result, reason, seconds)
                report.seconds[job.student] = seconds
                if reason:
                    report.failed[job.student] = reason
                    note = f"{job.student}: FAILED ({reason})"
                else:
                    report.graded[job.student] = points
                    note = f"{job.student}: {points:g} auto points"
                bar.step(note)
                shutil.rmtree(job.scratch, ignore_errors=True)
    finally:
        for job in pending:
            _kill(job)
        shutil.rmtree(base, ignore_errors=True)
    return report
