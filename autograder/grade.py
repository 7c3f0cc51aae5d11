"""Autograde submissions in two sandboxes each; the parent is the only gradebook writer.

Per submission (one worker thread each, ``--jobs`` at a time), per notebook:

1. **Kernel A** (``learner_run``, bubblewrap sandbox, uid of its slot, limits) runs the
   learner's code cells, read from the submission as plain JSON whatever state it is in; test
   cells in the submission are never run. A cell that ignores its time limit or kills the
   process is skipped and the notebook run again (each incident is a line in the learner's
   feedback). After each answer cell A writes a snapshot of its global names as tagged JSON,
   then answers function calls on a unix socket.
2. **Kernel B** (``worker`` = stock nbgrader autograde, another sandbox and uid) grades a
   notebook the parent builds from the RELEASE notebook: the learner's answer cells are replaced
   by ``_etika_load`` calls that rebuild A's values with ``safevalues.decode`` (exact types from a
   whitelist, never pickle) and turn the learner's functions into by-value calls to A; locked
   and test cells, hidden tests included, come from the gradebook as nbgrader restores them. No
   learner code runs in B, so nothing the learner does in A can change how a test is run.
3. The parent copies B's grades into the real gradebook, moves the autograded notebook (with the
   learner's own code and output put back into the answer cells) into place, and marks the
   submission done in the SAME transaction (``record``). A kill at any moment leaves either no
   mark (graded again next run) or grades + mark (skipped next run).

Warm slots (default; ``--cold`` or ``ETIKA_WARM_ZYGOTE=0`` turn them off): each worker slot
keeps one long-lived sandbox per kernel side whose init is a zygote (``zygote.py``) that has
done the heavy imports and run the release's setup cells once; each run is a child forked from
it, after the zygote has reset the sandbox (no process, file, IPC object or keyring left). In
a warm slot, B's worker runs its cells in its own process (``inprocess.py``, nbgrader's Execute
step without a kernel: B runs no learner code, so a separate kernel protects nothing there).
A's exchange folder lives in the slot (``slot-N/a-NB/xchg``, owned by A's uid, mode 0755) and
B's zygote sees the whole grading folder, so B reads A's snapshots and reaches its socket at the
same path.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import math
import os
import queue
import re
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text

from . import sandbox, zygote
from .course import INEXACT_TABLE, LEDGER_TABLE, Course, protect, submission_students
from .errors import UserError
from .progress import Progress
from .sandbox import Limits

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
    notes: dict[str, list[str]] = field(default_factory=dict)  # student -> limits hit etc.
    # student -> "notebook: part: why" for each part the sealed path could not grade exactly
    inexact: dict[str, list[str]] = field(default_factory=dict)


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
        ):
            with contextlib.suppress(sqlite3.OperationalError):
                out.execute(f"DELETE FROM {table}")
        # our own tables (ledger, feedback record) name learners: none goes to a sandbox
        ours = out.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name GLOB 'etika_*'"
        )
        for (name,) in ours.fetchall():
            out.execute(f'DROP TABLE IF EXISTS "{name}"')
    out.execute("VACUUM")
    out.close()
    os.chmod(dest, 0o600)


MAX_CELLS = 1000  # code cells run per notebook; a notebook with more is cut (with a note)
MAX_ATTEMPTS = 4  # runs of kernel A per notebook (each run skips the cell that broke the last)
KILL_GRACE = 2.0  # seconds past the per-cell limit before a cell is stopped hard
UID_BASE = 61000  # sandbox uids: 2 per parallel slot (learner, grader), never root
BOOT_TAG = "etika-bootstrap"


@dataclass
class Settings:
    timeout: int
    limits: Limits
    bwrap: str | None  # None: --unsafe-no-sandbox
    wrapper: list[str] | None = None
    cold: bool = False  # --cold: a fresh sandbox per process (no warm zygote), for diagnosis


@dataclass
class ReleaseNb:
    name: str
    node: object  # nbformat NotebookNode of the RELEASE version (trusted)
    solution_code: list[str]
    solution_md: list[str]
    tests: set[str]
    locked: set[str] = dataclasses.field(default_factory=set)  # setup code cells


def _meta(cell) -> dict:
    m = cell.get("metadata") if isinstance(cell, dict) else None
    m = m.get("nbgrader") if isinstance(m, dict) else None
    return m if isinstance(m, dict) else {}


def _source(cell) -> str:
    src = cell.get("source", "")
    if isinstance(src, list):
        src = "".join(x for x in src if isinstance(x, str))
    return src if isinstance(src, str) else ""


CELL_ID = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")  # nbformat 4.5's schema for a cell id


def upgrade_notebook(nb):
    """Any nbformat 4.x notebook as 4.5, whose cells all have valid, unique ids.

    Jupyter wrote 4.0 to 4.4 without cell ids (nbgrader's own user guide is 4.0), and an id is
    invalid before 4.5: the grading notebook adds cells, so it must be 4.5 throughout.
    ``nbformat.v4.upgrade`` gives random ids; here they are stable (the nbgrader grade id where
    there is one), so that a notebook graded twice is the same notebook.
    """
    import nbformat

    if nb.get("nbformat_minor", 0) < 5:
        nbformat.v4.upgrade(nb, from_version=4, from_minor=nb.get("nbformat_minor", 0))
        seen: set[str] = set()
        for i, cell in enumerate(nb.cells):
            gid = _meta(cell).get("grade_id")
            cid = gid if isinstance(gid, str) and CELL_ID.match(gid) else f"cell-{i}"
            cell["id"] = cid if cid not in seen else f"cell-{i}"
            seen.add(cell["id"])
    else:
        seen = set()
        for i, cell in enumerate(nb.cells):
            cid = cell.get("id")
            if not isinstance(cid, str) or not CELL_ID.match(cid) or cid in seen:
                cell["id"] = f"cell-{i}"
            seen.add(cell["id"])
    return nb


def load_release(course: Course, aid: str) -> list[ReleaseNb]:
    import nbformat

    out = []
    for name in course.release_notebooks(aid):
        node = upgrade_notebook(nbformat.read(course.release(aid) / f"{name}.ipynb", as_version=4))
        sol_code, sol_md, tests, locked = [], [], set(), set()
        for cell in node.cells:
            m = _meta(cell)
            gid = m.get("grade_id")
            if m.get("solution") and cell.cell_type == "code":
                sol_code.append(gid)
            elif m.get("solution"):
                sol_md.append(gid)
            elif m.get("grade"):
                tests.add(gid)
            elif m.get("locked") and cell.cell_type == "code":
                locked.add(gid)
        out.append(ReleaseNb(name, node, sol_code, sol_md, tests, locked))
    return out


def read_learner_cells(path: Path) -> tuple[list[dict], str]:
    """A submitted notebook's cells, read as plain JSON whatever state it is in."""
    if not path.is_file():
        return [], "notebook not handed in: every part is scored as blank"
    try:
        doc = json.loads(path.read_bytes().decode("utf-8", errors="replace"))
    except (ValueError, RecursionError):
        return [], "the notebook is not valid JSON: every part is scored as blank"
    cells = doc.get("cells") if isinstance(doc, dict) else None
    if not isinstance(cells, list):
        return [], "the file is not a notebook (no list of cells): every part is scored as blank"
    return [c for c in cells if isinstance(c, dict)], ""


def plan_cells(cells: list[dict], rel: ReleaseNb) -> tuple[list[dict], dict[str, str], str]:
    """Code cells kernel A runs (tests excluded), and the learner's written answers by id."""
    code, answers, note, seen = [], {}, "", set()
    for cell in cells:
        gid = _meta(cell).get("grade_id")
        gid = gid if isinstance(gid, str) else None
        if cell.get("cell_type") == "markdown" and gid in rel.solution_md and gid not in answers:
            answers[gid] = _source(cell)[:100_000]
        if cell.get("cell_type") != "code" or gid in rel.tests:
            continue  # tests come from the gradebook, never from the submission
        if len(code) >= MAX_CELLS:
            note = f"only the first {MAX_CELLS} code cells were run"
            break
        snap = gid if gid in rel.solution_code and gid not in seen else None
        if snap:
            seen.add(snap)
        code.append(
            {
                "source": _source(cell)[:1_000_000],
                "snapshot": snap,
                "grade_id": gid,
                "locked": gid in rel.locked,
            }
        )
    return code, answers, note


def _chown_tree(path: Path, uid: int | None) -> None:
    if uid is None:
        return
    for p in [path, *path.rglob("*")]:
        os.lchown(p, uid, uid)
        if not p.is_symlink():
            os.chmod(p, 0o755 if p.is_dir() else 0o644)


def _copy_files(src: Path, dst: Path, *, skip_notebooks: bool) -> None:
    for p in src.rglob("*"):
        rel = p.relative_to(src)
        if ".ipynb_checkpoints" in rel.parts or p.is_symlink() or not p.is_file():
            continue
        if skip_notebooks and p.suffix == ".ipynb":
            continue
        (dst / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(p, dst / rel)


@dataclass
class LearnerRun:
    nb: str
    proc: subprocess.Popen | None
    xchg: Path
    outputs: list
    notes: list[str]
    sources: dict[str, str]  # grade_id -> learner source (feedback shows it)
    answers: dict[str, str]


def _describe_death(rc: int | None) -> str:
    if rc is None:
        return "was stopped"
    if rc < 0 or rc > 128:  # killed by a signal (bubblewrap reports 128 + signal)
        sig = -rc if rc < 0 else rc - 128
        names = {
            signal.SIGSEGV: "crashed (segmentation fault)",
            signal.SIGKILL: "was killed (memory or process limit)",
            signal.SIGXFSZ: "was stopped for writing too large a file",
            signal.SIGXCPU: "was stopped for using too much CPU time",
            signal.SIGABRT: "aborted",
        }
        return names.get(sig, f"died from signal {sig}")
    return f"stopped the kernel (exit status {rc})"


def _sandbox_uids(slot: int, sandboxed: bool) -> tuple[int | None, int | None]:
    # without bubblewrap the interpreter may live where another uid cannot reach (/root)
    if os.geteuid() != 0 or not sandboxed:
        return None, None
    return UID_BASE + 2 * slot, UID_BASE + 2 * slot + 1


@dataclass
class Slot:
    """One worker slot: its uids and its warm zygote sandboxes (kernel A per notebook, B)."""

    index: int
    root: Path  # <grading dir>/slot-N (root-owned; fixed paths bound into the zygotes)
    imports: list[str]
    releases: list = field(default_factory=list)  # ReleaseNb, for B's preludes
    files: Path | None = None  # the assignment's source folder (its data files)
    a: dict = field(default_factory=dict)  # notebook name -> zygote.Zygote
    b: zygote.Zygote | None = None

    def close(self) -> None:
        for z in [*self.a.values(), self.b]:
            if z is not None:
                z.close()
        self.a.clear()
        self.b = None


def setup_imports(releases: list[ReleaseNb]) -> list[str]:
    """Top-level modules imported by the release notebooks' locked setup cells (trusted)."""
    import ast

    names: list[str] = []
    for rel in releases:
        for cell in rel.node.cells:
            if cell.cell_type != "code" or _meta(cell).get("grade_id") not in rel.locked:
                continue
            try:
                tree = ast.parse(_source(cell))
            except SyntaxError:
                continue
            for node in tree.body:
                if isinstance(node, ast.Import):
                    names += [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    names.append(node.module)
    return list(dict.fromkeys(n for n in names if sandbox_safe_module(n)))


def sandbox_safe_module(name: str) -> bool:
    return all(part.isidentifier() for part in name.split("."))


def _a_zygote(slot: Slot, rel: ReleaseNb, st: Settings, uid) -> tuple[zygote.Zygote, Path]:
    base = slot.root / f"a-{rel.name}"
    z = slot.a.get(rel.name)
    if z is not None and z.alive():
        return z, base
    if z is not None:
        z.close()
    for d in (base / "in", base / "xchg", base / "work"):
        d.mkdir(parents=True, exist_ok=True)  # a restart mid-job keeps the job's input
    # the CLI's umask is 077: kernel B (another uid) must reach A's exchange folder, as it
    # does in cold mode through _chown_tree's 0755
    os.chmod(base, 0o711)
    os.chmod(base / "in", 0o755)
    os.chmod(base / "xchg", 0o755)
    if uid is not None:
        os.chown(base / "xchg", uid, uid)
    prelude = _a_prelude(slot, rel, st, base)
    cmd, env = sandbox.command(
        [
            sandbox.PYTHON,
            "-m",
            "autograder.zygote",
            *slot.imports,
            f"--prepare=autograder.learner_run:{prelude / 'plan.json'}",
        ],
        bwrap=st.bwrap,
        limits=st.limits,
        uid=uid,
        rw=[str(base / "xchg")],
        ro=[str(base / "in"), str(prelude)],
        tmpfs=[(str(base / "work"), st.limits.file_mb * 4 * 1024 * 1024)],
        cwd="/",
        home=str(base / "work"),
        as_pid1=True,
    )
    z = zygote.Zygote([*(st.wrapper or []), *cmd], env, str(slot.root / f"a-{rel.name}.log"))
    slot.a[rel.name] = z
    return z, base


def _a_prelude(slot: Slot, rel: ReleaseNb, st: Settings, base: Path) -> Path:
    """The release's leading locked cells and the assignment's files, for A's zygote to run
    once (``learner_run.prepare``); root-owned and read-only in the sandbox."""
    where = base / "prelude"
    if not where.exists():
        (where / "files").mkdir(parents=True)
        if slot.files is not None:
            _copy_files(slot.files, where / "files", skip_notebooks=True)
        cells = []
        for cell in rel.node.cells:
            if cell.cell_type != "code":
                continue
            if _meta(cell).get("grade_id") not in rel.locked or _meta(cell).get("grade"):
                break
            cells.append(_source(cell))
        plan = {
            "cells": cells,
            "cwd": str(where / "files"),
            "timeout": st.timeout,
            "output_bytes": st.limits.output_kb * 1024,
        }
        (where / "plan.json").write_text(json.dumps(plan), encoding="utf-8")
        for p in [where, *where.rglob("*")]:  # readable by the slot's uid (umask is 077)
            os.chmod(p, 0o755 if p.is_dir() else 0o644)
    return where


def _wipe_dir(path: Path) -> None:
    """Empty a directory a sandbox can write to (as root: never follow a link)."""
    for p in path.iterdir():
        if p.is_dir() and not p.is_symlink():
            shutil.rmtree(p, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                p.unlink()


def _read_tail(path: Path) -> str:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return ""
    with os.fdopen(fd, "rb") as fh:
        import stat

        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return ""
        size = os.fstat(fd).st_size
        fh.seek(max(0, size - 300))
        return fh.read(300).decode("utf-8", "replace").strip()


def run_learner(course, job, rel, st: Settings, uid, slot: Slot | None = None) -> LearnerRun:
    """Kernel A for one notebook: run, restart without the cell that broke it, serve calls."""
    warm = slot is not None and st.bwrap is not None
    if warm:
        zyg, base = _a_zygote(slot, rel, st, uid)
        in_dir, work, xchg = base / "in", base / "work", base / "xchg"
        zyg.reset()  # nothing of the last submission runs while its folders are emptied
        _wipe_dir(in_dir)
        _wipe_dir(xchg)
        (in_dir / "files").mkdir()
        log_path = xchg / "a.log"
    else:
        base = job.scratch / "a" / rel.name
        in_dir, work, xchg = base / "in", base / "work", base / "xchg"
        for d in (in_dir / "files", work, xchg):
            d.mkdir(parents=True)
        log_path = base / "a.log"
    sub = course.submitted(job.student, job.assignment)
    cells, note = read_learner_cells(sub / f"{rel.name}.ipynb")
    code, answers, cut = plan_cells(cells, rel)
    notes = [n for n in (note, cut) if n]
    # the learner's own files (helper modules...), then the assignment's data on top
    for p in sub.iterdir():
        if (
            p.is_file()
            and not p.is_symlink()
            and p.suffix != ".ipynb"
            and p.name != "timestamp.txt"
        ):
            shutil.copyfile(p, in_dir / "files" / p.name)
    _copy_files(course.source(job.assignment), in_dir / "files", skip_notebooks=True)
    files = [str(in_dir / "files" / p.name) for p in (in_dir / "files").iterdir()]
    run = LearnerRun(rel.name, None, xchg, [], notes, {}, answers)
    run.sources = {c["snapshot"]: c["source"] for c in code if c["snapshot"]}
    skip: set[int] = set()
    nb_limit = STARTUP_GRACE + 10 * st.timeout + 0.05 * len(code)
    for attempt in range(1, MAX_ATTEMPTS + 1):
        if warm:
            if not zyg.alive():
                zyg, base = _a_zygote(slot, rel, st, uid)
            zyg.reset()  # also when the last child is gone: what it left behind is not
            if not zyg.alive():
                zyg, base = _a_zygote(slot, rel, st, uid)
        _wipe_dir(xchg)
        if warm:
            os.chmod(xchg, 0o755)  # its owner (the last learner) may have changed it
        plan = {
            "cells": code,
            "skip": sorted(skip),
            "xchg": str(xchg),
            "work": str(work),
            "files": files,
            "cell_timeout": st.timeout,
            "call_timeout": max(0.5, st.timeout - 1.5),
            "output_bytes": st.limits.output_kb * 1024,
            "kill_strays": st.bwrap is not None,
        }
        (in_dir / "plan.json").write_text(json.dumps(plan))
        if warm:
            _chown_tree(in_dir, uid)
            os.chmod(in_dir, 0o755)
            proc = zyg.run(
                "autograder.learner_run",
                [str(in_dir / "plan.json")],
                sandbox.env_for(str(work)),
                str(work),
                str(log_path),
                ["/tmp", "/dev/shm", str(work)],
            )
        else:
            _chown_tree(base, uid)
            proc = _spawn_learner(st, uid, in_dir, xchg, work, log_path)
        started = time.monotonic()
        cur, since, why = None, started, ""
        while True:
            if (xchg / "ready").exists():
                run.proc = proc
                run.outputs = _read_json(xchg / "outputs.json") or []
                return run
            rc = proc.poll()
            now = time.monotonic()
            idx = _progress(xchg)
            if idx != cur:
                cur, since = idx, now
            if rc is not None:
                why = _describe_death(rc)
            elif cur is not None and now - since > st.timeout + KILL_GRACE:
                why = f"ran past the time limit ({st.timeout} s per cell) and was stopped"
            elif now - started > nb_limit:
                why = f"the notebook ran past its time limit ({nb_limit:.0f} s) and was stopped"
            if why:
                _killpg(proc)
                break
            time.sleep(0.01)  # polls a file; a submission takes ~0.5 s in all
        if cur is not None and cur >= len(code):
            run.notes.append(f"the learner's kernel {why} while exporting its values")
            return run
        if cur is None:
            tail = _read_tail(log_path)
            tail = tail.splitlines()[-1] if tail else ""
            run.notes.append(f"the learner's kernel {why} before its first cell ({tail[:200]})")
            return run
        label = code[cur]["grade_id"] or "(no id)"
        run.notes.append(
            f"code cell {cur + 1} [{label}] {why}; it was skipped and the notebook run again "
            "without it: points earned by the other cells are kept"
        )
        skip.add(cur)
        if attempt == MAX_ATTEMPTS - 1 or now - started > nb_limit:
            skip.update(range(cur, len(code)))  # last try: nothing from here on
    return run


def _spawn_learner(st: Settings, uid, in_dir: Path, xchg: Path, work: Path, log_path: Path):
    """Kernel A as a fresh process in a fresh sandbox (without bubblewrap: limits only)."""
    cmd, env = sandbox.command(
        [sandbox.PYTHON, "-m", "autograder.learner_run", str(in_dir / "plan.json")],
        bwrap=st.bwrap,
        limits=st.limits,
        uid=uid,
        rw=[str(xchg)],
        ro=[str(in_dir)],
        tmpfs=[(str(work), st.limits.file_mb * 4 * 1024 * 1024)],
        cwd=str(work),
        home=str(work),
    )
    with open(log_path, "ab") as log:
        return subprocess.Popen(
            [*(st.wrapper or []), *cmd],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env=env,
        )


def _progress(xchg: Path):
    try:
        with open(xchg / "progress", "rb") as fh:
            return int(fh.read(20).decode())
    except (OSError, ValueError):
        return None


def _read_json(path: Path, limit: int = 50 * 1024 * 1024):
    try:
        if path.stat().st_size > limit:
            return None
        return json.loads(path.read_text(encoding="utf-8", errors="replace"))
    except (OSError, ValueError, RecursionError):
        return None


def _killpg(proc) -> None:
    if isinstance(proc, zygote.Child):
        proc.kill()
        return
    if proc and proc.poll() is None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError):
            proc.kill()
        proc.wait()


def _boot_source(xchg: Path, timeout: int) -> str:
    return (
        "from autograder.bside import Loader as _EtikaLoader\n"
        f"_etika_load = _EtikaLoader({str(xchg)!r}, {max(1, timeout - 1)})\n"
        "del _EtikaLoader"
    )


def prelude_sources(rel: ReleaseNb, xchg: Path, timeout: int) -> list[str]:
    """The code cells every grading notebook of ``rel`` starts with (for ``inprocess.prepare``):
    the loader cell, then the release's cells up to the first answer or test cell."""
    out = [_boot_source(xchg, timeout)]
    for cell in rel.node.cells:
        if cell.cell_type != "code":
            continue
        m = _meta(cell)
        if m.get("solution") or m.get("grade"):
            break
        out.append(_source(cell))
    return out


NOTE_MIME = "application/vnd.etika.note+json"  # bside's notes in B's cell outputs
CURRENT_FIGURE = re.compile(r"\b(plt|pyplot)\s*\.\s*(gca|gcf|get_fignums)\s*\(")
NOT_DEFINED = re.compile(r"name '([A-Za-z_][A-Za-z0-9_]*)' is not defined")


def _grader_notes(cell) -> list[dict]:
    """The notes ``bside`` left in a cell's outputs (read as data: B quotes learners' names)."""
    out = []
    for o in cell.get("outputs", []) if isinstance(cell, dict) else []:
        data = o.get("data") if isinstance(o, dict) else None
        note = data.get(NOTE_MIME) if isinstance(data, dict) else None
        if isinstance(note, dict):
            out.append({k: note.get(k) for k in ("kind", "name", "text", "names")})
    return out


def _failures(cell) -> list[tuple[str, str]]:
    """(name, value) of what makes nbgrader score a test cell 0: an error or stderr output."""
    out = []
    for o in cell.get("outputs", []):
        if o.get("output_type") == "error":
            out.append((str(o.get("ename", "")), str(o.get("evalue", ""))))
        elif o.get("output_type") == "stream" and o.get("name") == "stderr":
            out.append(("stderr", str(o.get("text", ""))[:200]))
    return out


def _rebound(source: str, names: set[str]) -> list[str]:
    """Learner names (functions) that a test cell assigns or deletes."""
    import ast

    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    found = [
        n.id
        for n in ast.walk(tree)
        if isinstance(n, ast.Name) and isinstance(n.ctx, (ast.Store, ast.Del)) and n.id in names
    ]
    return sorted(set(found))


def inexact_parts(nb, rel: ReleaseNb) -> dict[str, str]:
    """grade id -> why: the test cells of B's graded notebook that failed where the sealed path
    may have made them fail (a value not carried, a learner's function whose raised exception,
    result, printed output, changes or state did not cross, a test that rebinds a learner's
    function or reads matplotlib's current figure). A passing test is exact: the boundary can
    make a test fail, and a forging value cannot cross it."""
    uncarried: dict[str, str] = {}
    functions: set[str] = set()
    out: dict[str, str] = {}
    for cell in nb.cells:
        notes = _grader_notes(cell)
        for n in notes:
            if n["kind"] == "not-carried" and isinstance(n["name"], str):
                uncarried[n["name"]] = str(n["text"] or "")[:200]
            elif n["kind"] == "functions" and isinstance(n["names"], list):
                functions |= {x for x in n["names"] if isinstance(x, str)}
        gid = _meta(cell).get("grade_id")
        if cell.get("cell_type") != "code" or gid not in rel.tests or _meta(cell).get("solution"):
            continue
        failures = _failures(cell)
        if not failures:
            continue
        reasons = [
            f"{n['name']}() {n['text']}"
            for n in notes
            if n["kind"] in ("call", "effects", "raised") and isinstance(n["name"], str)
        ]
        for ename, evalue in failures:
            m = NOT_DEFINED.search(evalue) if ename == "NameError" else None
            if m and m.group(1) in uncarried:
                reasons.append(
                    f"uses {m.group(1)}, which could not be carried to the tests "
                    f"({uncarried[m.group(1)]})"
                )
            elif "learner function" in evalue or ename == "LearnerError":
                reasons.append(f"the learner's function failed at the boundary ({evalue[:150]})")
        source = _source(cell)
        for name in _rebound(source, functions):
            reasons.append(
                f"the test replaces or deletes {name}, a learner's function: the learner's own "
                "code still calls its own"
            )
        if CURRENT_FIGURE.search(source):
            reasons.append(
                "the test reads matplotlib's current figure, which the learner's code drew in "
                "its own sandbox"
            )
        if reasons:
            out[str(gid)] = "; ".join(dict.fromkeys(reasons))[:600]
    return out


def build_grading_notebook(rel: ReleaseNb, run: LearnerRun, timeout: int):
    """The notebook kernel B runs: the RELEASE notebook, answers replaced by exported values."""
    import copy

    from nbformat.v4 import new_code_cell, new_markdown_cell

    nb = copy.deepcopy(rel.node)
    boot = new_code_cell(_boot_source(run.xchg, timeout), metadata={"tags": [BOOT_TAG]})
    cells = [boot]
    if run.notes:
        text = "**Grader notes / Catatan penilai:**\n\n" + "\n".join(f"- {n}" for n in run.notes)
        cells.append(new_markdown_cell(text, metadata={"tags": [BOOT_TAG + "-notes"]}))
    for cell in nb.cells:
        m = _meta(cell)
        gid = m.get("grade_id")
        if m.get("solution") and cell.cell_type == "code":
            cell.outputs = []
            if m.get("grade") and run.sources.get(gid, _source(cell)) == _source(cell):
                # a blank answer graded by hand: stock nbgrader scores it 0 (its checksum is
                # the release's); B keeps the release's own placeholder (trusted code)
                cells.append(cell)
                continue
            cell.source = f"_etika_load(globals(), {gid!r})"
        elif m.get("solution") and gid in run.answers:
            cell.source = run.answers[gid]
        cells.append(cell)
    nb.cells = cells
    return nb


def restore_learner_view(
    path: Path, runs: dict[str, LearnerRun], releases: list[ReleaseNb] = ()
) -> dict[str, dict[str, str]]:
    """In the autograded notebook, show the learner's own code and output in answer cells,
    keep the grader's own notes beside them, and mark each test cell the sealed path could not
    grade exactly (formgrader shows this notebook). Returns notebook -> grade id -> why."""
    import nbformat
    from nbformat.v4 import new_output

    by_name = {rel.name: rel for rel in releases}
    found: dict[str, dict[str, str]] = {}
    for nbfile in path.glob("*.ipynb"):
        run = runs.get(nbfile.stem)
        if run is None:
            continue
        nb = nbformat.read(nbfile, as_version=4)
        rel = by_name.get(nbfile.stem)
        inexact = inexact_parts(nb, rel) if rel is not None else {}
        if inexact:
            found[nbfile.stem] = inexact
        outputs = {}
        for res, cell in zip(run.outputs, [c for c in _plan_cells(run)], strict=False):
            if isinstance(res, dict) and cell.get("snapshot"):
                outputs[cell["snapshot"]] = res
        keep = []
        for cell in nb.cells:
            if BOOT_TAG in cell.get("metadata", {}).get("tags", []):
                continue
            gid = _meta(cell).get("grade_id")
            if cell.cell_type == "code" and _meta(cell).get("solution"):
                ours = _grader_lines(cell)
                cell.source = run.sources.get(gid, cell.source)
                res = outputs.get(gid) or {}
                text = str(res.get("output") or "")
                if res.get("error"):
                    text += f"\n{res['error']}"
                cell.outputs = [new_output("stream", name="stdout", text=text)] if text else []
                if ours:
                    cell.outputs.append(new_output("stream", name="stdout", text=ours))
            elif gid in inexact:
                cell.outputs = [o for o in cell.outputs if not _is_note(o)]
                cell.outputs.append(
                    new_output(
                        "stream",
                        name="stdout",
                        text=f"[{GRADER}] {NOT_EXACT}: {inexact[gid]}\n",
                    )
                )
            else:
                cell.outputs = [o for o in cell.get("outputs", []) if not _is_note(o)]
            keep.append(cell)
        nb.cells = keep
        nbformat.write(nb, nbfile)
    return found


GRADER = "autograder"
NOT_EXACT = "not graded exactly on the sealed path; please check this part by hand"


def _is_note(output) -> bool:
    return isinstance(output.get("data"), dict) and NOTE_MIME in output["data"]


def _grader_lines(cell) -> str:
    """What the grader's side said in an answer cell (values it could not carry), as text."""
    lines = [
        f"[{GRADER}] {n['name']} was not carried to the tests: {n['text']}"
        for n in _grader_notes(cell)
        if n["kind"] == "not-carried"
    ]
    return "\n".join(lines) + "\n" if lines else ""


def _plan_cells(run: LearnerRun) -> list[dict]:
    plan = _read_json(run.xchg.parent / "in" / "plan.json") or {}
    return plan.get("cells", [])


def run_job(
    course: Course,
    job: Job,
    releases: list[ReleaseNb],
    st: Settings,
    slot: int | Slot,
    template: Path,
):
    """Grade one submission (in a worker thread). Returns (result, reason, notes)."""
    # warm zygotes (zygote.py) by default; --cold or ETIKA_WARM_ZYGOTE=0 turns them off
    warm_on = not st.cold and os.environ.get("ETIKA_WARM_ZYGOTE", "1") != "0"
    warm = slot if warm_on and isinstance(slot, Slot) and st.bwrap is not None else None
    index = slot.index if isinstance(slot, Slot) else slot
    uid_a, uid_b = _sandbox_uids(index, st.bwrap is not None)
    runs: dict[str, LearnerRun] = {}
    try:
        for rel in releases:
            runs[rel.name] = run_learner(course, job, rel, st, uid_a, warm)
        return _run_grader(course, job, releases, runs, st, uid_b, template, warm)
    finally:
        for run in runs.values():
            _killpg(run.proc)


B_IMPORTS = [
    "--block-rfc3987",
    "nbgrader.apps",
    "nbgrader.api",
    "nbgrader.converters.autograde",
    "nbformat",
    "nbclient",
    "jupyter_client",
    "autograder.worker",
    "autograder.inprocess",
]


def _b_preludes(slot: Slot, st: Settings, uid) -> list[str]:
    """Zygote arguments that run each notebook's setup cells once (``inprocess.prepare``)."""
    args = []
    for rel in slot.releases:
        where = slot.root / f"b-prelude-{rel.name}"
        if not where.exists():
            (where / "files").mkdir(parents=True)
            if slot.files is not None:
                _copy_files(slot.files, where / "files", skip_notebooks=True)
            plan = {
                "name": rel.name,
                "cells": prelude_sources(rel, slot.root / f"a-{rel.name}" / "xchg", st.timeout),
                "cwd": str(where / "files"),
                "timeout": st.timeout,
            }
            (where / "plan.json").write_text(json.dumps(plan), encoding="utf-8")
            # readable by B's uid (the CLI's umask is 077), writable by nobody in a sandbox
            _chown_tree(where, None if uid is None else os.getuid())
        args.append(f"--prepare=autograder.inprocess:{where / 'plan.json'}")
    return args


def _b_zygote(slot: Slot, st: Settings, uid, limits: Limits) -> zygote.Zygote:
    if slot.b is not None and slot.b.alive():
        return slot.b
    if slot.b is not None:
        slot.b.close()
    home = slot.root / "b-home"
    home.mkdir(exist_ok=True)
    if uid is not None:
        os.chown(home, uid, uid)
    cmd, env = sandbox.command(
        # the setup cells' libraries too: the tests run in a fork of this process (inprocess.py)
        [
            sandbox.PYTHON,
            "-m",
            "autograder.zygote",
            *B_IMPORTS,
            *slot.imports,
            *_b_preludes(slot, st, uid),
        ],
        bwrap=st.bwrap,
        limits=limits,
        uid=uid,
        rw=[str(slot.root.parent)],  # the grading dir: each job's B folder appears inside
        tmpfs=[],
        cwd="/",
        home=str(home),
        as_pid1=True,
    )
    slot.b = zygote.Zygote([*(st.wrapper or []), *cmd], env, str(slot.root / "b.log"))
    return slot.b


def _run_grader(course, job, releases, runs, st, uid, template, slot: Slot | None = None):
    import nbformat

    aid, sid = job.assignment, job.student
    bdir = job.scratch / "b"
    subdir = bdir / "submitted" / sid / aid
    subdir.mkdir(parents=True)
    for rel in releases:
        nbformat.write(
            build_grading_notebook(rel, runs[rel.name], st.timeout), subdir / f"{rel.name}.ipynb"
        )
    ts = course.submitted(sid, aid) / "timestamp.txt"
    if ts.is_file() and not ts.is_symlink():
        shutil.copyfile(ts, subdir / "timestamp.txt")
    _copy_files(course.source(aid), bdir / "source" / aid, skip_notebooks=True)
    shutil.copyfile(template, bdir / "gradebook.db")
    shutil.copyfile(course.root / "nbgrader_config.py", bdir / "nbgrader_config.py")
    (bdir / "home").mkdir()
    _chown_tree(bdir, uid)
    argv = [
        sandbox.PYTHON,
        "-m",
        "autograder.worker",
        "--scratch",
        str(bdir),
        "--assignment",
        aid,
        "--student",
        sid,
        "--course-id",
        course.course_id,
        "--config",
        str(bdir / "nbgrader_config.py"),
        "--timeout",
        str(st.timeout),
    ]
    if slot is not None:
        argv.append("--in-process")  # forked from a warm zygote: no kernel to start
    limits = dataclasses.replace(st.limits, memory_mb=max(st.limits.memory_mb, 2048), processes=256)
    cmd, env = sandbox.command(
        argv,
        bwrap=st.bwrap,
        limits=limits,
        uid=uid,
        rw=[str(bdir)],
        ro=[str(r.xchg) for r in runs.values()],
        tmpfs=[],
        cwd=str(bdir),
        home=str(bdir / "home"),
    )
    n_cells = sum(len(r.node.cells) for r in releases)
    deadline = time.monotonic() + STARTUP_GRACE + 2 * st.timeout * max(1, n_cells)
    if slot is not None:
        proc = _b_zygote(slot, st, uid, limits).run(
            "autograder.worker",
            argv[3:],
            sandbox.env_for(str(bdir / "home")),
            str(bdir),
            str(bdir / "worker.out"),
            ["/tmp", "/dev/shm"],
        )
    else:
        proc = _spawn_grader(job, cmd, env, bdir, st)
    job.proc = proc
    while proc.poll() is None:
        if time.monotonic() > deadline:
            job.killed_for = "time limit: the grader's kernel did not finish; stopped"
            _killpg(proc)
            break
        time.sleep(0.01)
    notes = [f"{name}: {n}" for name, r in runs.items() for n in r.notes]
    if proc.returncode != 0 or job.killed_for:
        return None, _why_failed(job, bdir), notes
    result = _read_scratch_grades(course, job, bdir)
    if result is None:
        return None, _why_failed(job, bdir), notes
    out = bdir / "autograded" / sid / aid
    if out.is_dir():
        result["inexact"] = restore_learner_view(out, runs, releases)
    return result, "", notes


def _spawn_grader(job, cmd, env, bdir: Path, st: Settings) -> subprocess.Popen:
    with open(job.scratch / "worker.out", "wb") as log:
        return subprocess.Popen(
            [*(st.wrapper or []), *cmd],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            cwd=bdir,
            env=env,
        )


def _read_scratch_grades(course: Course, job: Job, bdir: Path) -> dict | None:
    """The grades B's worker recorded (``worker.scratch_grades``), checked field by field: B
    runs no learner code, but what crosses a sandbox wall is read as data, never trusted."""
    doc = _read_json(bdir / "result.json", limit=10 * 1024 * 1024)
    got = doc.get("grades") if isinstance(doc, dict) and doc.get("success") is True else None
    if not isinstance(got, dict) or not isinstance(got.get("notebooks"), dict):
        return None

    def number(x):
        if x is None or (type(x) in (int, float) and math.isfinite(x)):
            return None if x is None else float(x)
        raise ValueError("not a score")

    try:
        stamp = got.get("timestamp")
        out = {
            "timestamp": None if stamp is None else dt.datetime.fromisoformat(str(stamp)),
            "notebooks": {},
        }
        for name, nb in got["notebooks"].items():
            grades = {str(k): (number(v[0]), v[1] is True) for k, v in dict(nb["grades"]).items()}
            comments = {
                str(k): None if v is None else str(v) for k, v in dict(nb["comments"]).items()
            }
            out["notebooks"][str(name)] = {
                "late": number(nb.get("late")),
                "grades": grades,
                "comments": comments,
            }
    except (TypeError, ValueError, KeyError, IndexError, AttributeError):
        return None
    return out


def record(
    course: Course,
    job: Job,
    result: dict | None,
    reason: str,
    seconds: float,
    notes: list[str] = (),
) -> float:
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
        out = job.scratch / "b" / "autograded" / sid / aid
        dest = course.autograded(sid, aid)
        if out.is_dir():
            dest.parent.mkdir(parents=True, exist_ok=True)
            if dest.exists():
                trash = job.scratch / "old-autograded"
                os.rename(dest, trash)
            os.rename(out, dest)
        gb.db.execute(
            text(f"DELETE FROM {INEXACT_TABLE} WHERE assignment=:a AND student=:s"),
            {"a": aid, "s": sid},
        )
        for nb_name, parts in ((result or {}).get("inexact") or {}).items():
            for part, why in parts.items():
                gb.db.execute(
                    text(f"INSERT INTO {INEXACT_TABLE} VALUES (:a, :s, :nb, :p, :r)"),
                    {"a": aid, "s": sid, "nb": nb_name, "p": part, "r": why},
                )
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
                "d": "; ".join([reason, *notes] if reason else notes)[:2000],
                # to the microsecond: `status` compares it with when feedback was written
                "t": dt.datetime.now(dt.UTC).isoformat(timespec="microseconds"),
                "sec": round(seconds, 2),
                "n": (prior[0] if prior else 0) + 1,
            },
        )
        gb.db.commit()
    protect(course.db_path)
    return total


def _kill(job: Job) -> None:
    _killpg(job.proc)


def _why_failed(job: Job, bdir: Path) -> str:
    if job.killed_for:
        return job.killed_for
    res = _read_json(bdir / "result.json")
    if isinstance(res, dict):
        err = str(res.get("error") or "").strip().splitlines()
        return "nbgrader could not grade it: " + (err[-1][:200] if err else "unknown error")
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
    *,
    unsafe_no_sandbox: bool = False,
    limits: Limits | None = None,
    cold: bool = False,
) -> GradeReport:
    course.check_assignment(aid, released=True)
    bwrap = sandbox.require(unsafe_no_sandbox)
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
    st = Settings(timeout, limits or Limits(), bwrap, wrapper, cold)
    with course.lock():
        return _grade(course, aid, todo_ids, force, jobs, st, progress)


def _grade(course, aid, todo_ids, force, jobs, st: Settings, progress) -> GradeReport:
    course.ensure_ledger()
    ledger = course.ledger(aid)
    report = GradeReport()
    pending: list[Job] = []
    all_slots: list[Slot] = []
    base = Path(tempfile.mkdtemp(prefix="grade-", dir=course.state))
    os.chmod(base, 0o711)  # sandbox uids reach only the directories bound for them
    try:
        releases = load_release(course, aid)
        for sid in todo_ids:
            digest = submission_digest(course.submitted(sid, aid))
            done = ledger.get((aid, sid))
            if done and done["submission_hash"] == digest and not force:
                report.skipped.append(sid)
                continue
            pending.append(Job(sid, aid, Path(), digest, max(1, len(releases))))
        if not pending:
            return report
        template = base / "template.db"
        make_template(course, template)
        jobs = max(1, min(jobs or os.cpu_count() or 1, len(pending)))
        bar = Progress(len(pending), f"grading {aid}", enabled=progress)
        slots: queue.Queue[Slot] = queue.Queue()
        imports = ["IPython.core.interactiveshell", "autograder.learner_run"]
        imports += setup_imports(releases)
        for i in range(jobs):
            (base / f"slot-{i}").mkdir()
            os.chmod(base / f"slot-{i}", 0o711)
            all_slots.append(Slot(i, base / f"slot-{i}", imports, releases, course.source(aid)))
            slots.put(all_slots[-1])

        def work(job: Job):
            slot = slots.get()
            try:
                job.scratch = Path(tempfile.mkdtemp(prefix=f"{job.student}-", dir=base))
                os.chmod(job.scratch, 0o711)
                job.started = time.monotonic()
                try:
                    return run_job(course, job, releases, st, slot, template)
                except Exception as exc:
                    return None, f"grading error: {type(exc).__name__}: {exc}"[:300], []
            finally:
                slots.put(slot)

        with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
            futures = {pool.submit(work, job): job for job in pending}
            for fut in concurrent.futures.as_completed(futures):
                job = futures[fut]
                result, reason, notes = fut.result()
                seconds = time.monotonic() - job.started
                points = record(course, job, result, reason, seconds, notes)
                report.seconds[job.student] = seconds
                if notes:
                    report.notes[job.student] = notes
                for nb_name, parts in ((result or {}).get("inexact") or {}).items():
                    report.inexact.setdefault(job.student, []).extend(
                        f"{nb_name}: {part}: {why}" for part, why in parts.items()
                    )
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
        for slot in all_slots:
            slot.close()
        shutil.rmtree(base, ignore_errors=True)
    return report
