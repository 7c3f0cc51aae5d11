"""Locate the nbgrader course and build nbgrader's own configuration objects for it."""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UserError

CONFIG_NAME = "nbgrader_config.py"
STATE_DIR = ".autograder"  # our scratch/state directory inside the course root
LEDGER_TABLE = "etika_autograde"
FEEDBACK_TABLE = "etika_feedback"  # what each learner's feedback was written from
# parts of a graded submission that the sealed path could not grade exactly, and why
INEXACT_TABLE = "etika_inexact"


def find_course_root(course: str | os.PathLike | None) -> Path:
    """Return the course root: ``--course DIR`` or ``exercises/`` found from the cwd upwards."""
    if course is not None:
        root = Path(course).resolve()
        if not root.is_dir():
            raise UserError(
                f"course directory not found: {root}",
                "pass --course DIR pointing at the folder that holds nbgrader_config.py",
            )
        if not (root / CONFIG_NAME).is_file():
            raise UserError(
                f"{root} is not an nbgrader course: {root / CONFIG_NAME} is missing",
                "pass --course DIR pointing at the folder that holds nbgrader_config.py",
            )
        return root
    here = Path.cwd().resolve()
    for candidate in [here, *here.parents]:
        if (candidate / CONFIG_NAME).is_file():
            return candidate
        if (candidate / "exercises" / CONFIG_NAME).is_file():
            return candidate / "exercises"
    raise UserError(
        f"no nbgrader course found from {here}: expected exercises/{CONFIG_NAME}",
        "run inside the repository or pass --course DIR",
    )


@dataclass
class Course:
    root: Path
    config: object = field(repr=False)

    @classmethod
    def open(cls, course: str | os.PathLike | None) -> Course:
        from traitlets.config.loader import ConfigFileNotFound, PyFileConfigLoader

        root = find_course_root(course)
        try:
            cfg = PyFileConfigLoader(CONFIG_NAME, path=str(root)).load_config()
        except ConfigFileNotFound as exc:  # pragma: no cover - checked above
            raise UserError(f"cannot read {root / CONFIG_NAME}", "create it") from exc
        except Exception as exc:
            raise UserError(
                f"{root / CONFIG_NAME} is not a valid nbgrader config: {type(exc).__name__}: {exc}",
                "fix the Python syntax in that file (see nbgrader's documentation)",
            ) from exc
        cfg.CourseDirectory.root = str(root)
        return cls(root=root, config=cfg)

    # ---- paths ---------------------------------------------------------------------------
    @property
    def course_id(self) -> str:
        cid = self.config.CourseDirectory.get("course_id", "")
        return cid or "default_course"

    @property
    def db_path(self) -> Path:
        return self.root / "gradebook.db"

    @property
    def db_url(self) -> str:
        return f"sqlite:///{self.db_path}"

    @property
    def state(self) -> Path:
        path = self.root / STATE_DIR
        path.mkdir(mode=0o700, exist_ok=True)
        return path

    @contextlib.contextmanager
    def lock(self):
        """One collect/grade at a time per course; leftovers of a killed run are removed."""
        fh = open(self.state / "lock", "w")  # noqa: SIM115
        try:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                raise UserError(
                    f"another autograder command is working on {self.root}",
                    "wait for it to finish (or stop it), then run this command again",
                ) from exc
            for stale in self.state.glob("*-*"):
                if stale.is_dir() and stale.name.split("-")[0] in ("grade", "collect", "exchange"):
                    from .sandbox import unmount_under

                    unmount_under(stale)  # a killed run's size-limited sandbox folders
                    shutil.rmtree(stale, ignore_errors=True)
            yield
        finally:
            fh.close()

    def source(self, aid: str) -> Path:
        return self.root / "source" / aid

    def release(self, aid: str) -> Path:
        return self.root / "release" / aid

    def submitted(self, sid: str, aid: str) -> Path:
        return self.root / "submitted" / sid / aid

    def autograded(self, sid: str, aid: str) -> Path:
        return self.root / "autograded" / sid / aid

    def feedback(self, sid: str, aid: str) -> Path:
        return self.root / "feedback" / sid / aid

    def assignments(self) -> list[str]:
        src = self.root / "source"
        return sorted(p.name for p in src.iterdir() if p.is_dir()) if src.is_dir() else []

    def check_assignment(self, aid: str, *, released: bool = False) -> None:
        if not self.source(aid).is_dir():
            known = ", ".join(self.assignments()) or "none"
            raise UserError(
                f"unknown assignment '{aid}': {self.source(aid)} does not exist "
                f"(assignments in this course: {known})",
                "check the spelling, or add the assignment under source/",
            )
        if released and not self.is_released(aid):
            raise UserError(
                f"assignment '{aid}' has not been released yet ({self.release(aid)} is missing)",
                f"run: autograder release {aid}",
            )

    def is_released(self, aid: str) -> bool:
        if not self.release(aid).is_dir() or not self.db_path.exists():
            return False
        with self.sqlite() as con:
            try:
                row = con.execute("SELECT 1 FROM assignment WHERE name = ?", (aid,)).fetchone()
            except sqlite3.DatabaseError:
                return False
        return row is not None

    def submitted_any(self, aid: str) -> bool:
        return any((self.root / "submitted").glob(f"*/{aid}"))

    def release_notebooks(self, aid: str) -> list[str]:
        """Notebook names (without .ipynb) a learner hands in for this assignment."""
        base = self.release(aid) if self.release(aid).is_dir() else self.source(aid)
        return sorted(p.stem for p in base.glob("*.ipynb"))

    # ---- nbgrader objects ----------------------------------------------------------------
    def coursedir(self, **traits):
        from nbgrader.coursedir import CourseDirectory

        cd = CourseDirectory(config=self.config)
        for key, value in traits.items():
            setattr(cd, key, value)
        return cd

    def api(self):
        from nbgrader.apps import NbGraderAPI

        return NbGraderAPI(coursedir=self.coursedir(), config=self.config)

    def gradebook(self):
        from nbgrader.api import Gradebook

        gb = Gradebook(self.db_url, self.course_id)
        protect(self.db_path)
        return gb

    def sqlite(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.db_path, timeout=30)
        return con

    def ensure_ledger(self) -> None:
        with self.sqlite() as con:
            con.execute(
                f"CREATE TABLE IF NOT EXISTS {LEDGER_TABLE} ("
                " assignment TEXT NOT NULL, student TEXT NOT NULL,"
                " submission_hash TEXT NOT NULL, status TEXT NOT NULL, detail TEXT,"
                " graded_at TEXT NOT NULL, seconds REAL, attempts INTEGER NOT NULL,"
                " PRIMARY KEY (assignment, student))"
            )
            con.execute(
                f"CREATE TABLE IF NOT EXISTS {FEEDBACK_TABLE} ("
                " assignment TEXT NOT NULL, student TEXT NOT NULL,"
                " grades TEXT NOT NULL, written_at TEXT NOT NULL,"
                " PRIMARY KEY (assignment, student))"
            )
            con.execute(
                f"CREATE TABLE IF NOT EXISTS {INEXACT_TABLE} ("
                " assignment TEXT NOT NULL, student TEXT NOT NULL, notebook TEXT NOT NULL,"
                " part TEXT NOT NULL, reason TEXT NOT NULL,"
                " PRIMARY KEY (assignment, student, notebook, part))"
            )
        con.close()
        protect(self.db_path)

    def inexact(self, aid: str | None = None) -> dict[tuple[str, str], list[dict]]:
        """(assignment, student) -> the parts not graded exactly: notebook, part, reason."""
        if not self.db_path.exists():
            return {}
        con = self.sqlite()
        try:
            rows = con.execute(
                f"SELECT assignment, student, notebook, part, reason FROM {INEXACT_TABLE}"
                + (" WHERE assignment = ?" if aid else "")
                + " ORDER BY assignment, student, notebook, part",
                (aid,) if aid else (),
            ).fetchall()
        except sqlite3.OperationalError:
            return {}
        finally:
            con.close()
        out: dict[tuple[str, str], list[dict]] = {}
        for a, sid, nb, part, why in rows:
            out.setdefault((a, sid), []).append({"notebook": nb, "part": part, "reason": why})
        return out

    def feedback_written(self, aid: str) -> dict[str, dict]:
        """Per learner: the grades fingerprint and time their feedback was written from."""
        if not self.db_path.exists():
            return {}
        con = self.sqlite()
        try:
            rows = con.execute(
                f"SELECT student, grades, written_at FROM {FEEDBACK_TABLE} WHERE assignment = ?",
                (aid,),
            ).fetchall()
            return {sid: {"grades": g, "written_at": at} for sid, g, at in rows}
        except sqlite3.OperationalError:
            return {}
        finally:
            con.close()

    def record_feedback(self, aid: str, fingerprints: dict[str, str]) -> None:
        self.ensure_ledger()
        now = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
        with self.sqlite() as con:
            con.executemany(
                f"INSERT OR REPLACE INTO {FEEDBACK_TABLE} VALUES (?, ?, ?, ?)",
                [(aid, sid, fp, now) for sid, fp in fingerprints.items()],
            )
        con.close()

    def ledger(self, aid: str | None = None) -> dict[tuple[str, str], dict]:
        if not self.db_path.exists():
            return {}
        con = self.sqlite()
        con.row_factory = sqlite3.Row
        try:
            sql = f"SELECT * FROM {LEDGER_TABLE}"
            rows = con.execute(
                sql + (" WHERE assignment = ?" if aid else ""), (aid,) if aid else ()
            )
            return {(r["assignment"], r["student"]): dict(r) for r in rows}
        except sqlite3.OperationalError:
            return {}
        finally:
            con.close()


def protect(path: Path) -> None:
    """Personal data (gradebook, rosters, exports) is readable by its owner only."""
    try:
        if path.exists():
            os.chmod(path, 0o600)
    except OSError:  # pragma: no cover - e.g. a file owned by someone else
        pass


def grades_fingerprint(submission) -> str:
    """What a learner's feedback shows, as one hash: every score (automatic or by hand), every
    part still waiting for a grader, every comment. Changes when formgrader changes them."""
    parts = []
    for nb in sorted(submission.notebooks, key=lambda n: n.name):
        for g in sorted(nb.grades, key=lambda g: g.name):
            parts.append(["grade", nb.name, g.name, g.score, bool(g.needs_manual_grade)])
        for c in sorted(nb.comments, key=lambda c: c.name):
            parts.append(["comment", nb.name, c.name, c.comment or ""])
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def submission_students(course: Course, aid: str) -> list[str]:
    base = course.root / "submitted"
    if not base.is_dir():
        return []
    return sorted(p.name for p in base.iterdir() if (p / aid).is_dir())
