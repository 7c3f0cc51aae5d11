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
A's exchange folder lives in the slot (``slot-N/a-NB/xchg``, owned by A's uid, mode 0755); B's
zygote sees it read-only at ``/etika/learner/NB``, and its own job folder (``slot-N/b-job``,
moved into the job's scratch folder once B is done) at ``/etika/grading``: nothing of another
slot or another job. Every path inside a sandbox is neutral (``sandbox.View``); each folder a
sandbox writes is a size- and file-limited tmpfs (as root), emptied after each submission
within ``CLEAN_SECONDS`` or the slot is replaced (``clean_slot``). Every file the grader reads
from a sandbox goes through ``untrusted.read_file`` (no link, no FIFO, bounded). A failure of
the grader's own machinery (``GraderFault``, ``zygote.SlotError``) is retried on a fresh
slot, then reported and left ungraded: never recorded as the learner's result.
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
import stat
import subprocess
import tempfile
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text

from . import sandbox, untrusted, zygote
from .course import INEXACT_TABLE, LEDGER_TABLE, Course, protect, submission_students
from .errors import UserError
from .progress import Progress
from .sandbox import INSIDE, Limits

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
    fault: str = ""  # the grader's machinery failed (each attempt): reported, not graded


@dataclass
class GradeReport:
    graded: dict[str, float] = field(default_factory=dict)  # student -> auto points
    failed: dict[str, str] = field(default_factory=dict)  # student -> reason
    skipped: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    notes: dict[str, list[str]] = field(default_factory=dict)  # student -> limits hit etc.
    errors: dict[str, str] = field(default_factory=dict)  # student -> grader fault: not graded
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
    replaced: int = 0  # times this slot was replaced by a fresh one

    def close(self) -> None:
        for z in [*self.a.values(), self.b]:
            if z is not None:
                z.close()
        self.a.clear()
        self.b = None

    def replace(self) -> None:
        """A fresh slot in the same place: its sandboxes closed, its size-limited folders
        unmounted (gone at once, whatever they hold), the rest moved aside and removed with
        the grading folder at the end of the run, not in any learner's time."""
        self.close()
        sandbox.unmount_under(self.root)
        self.replaced += 1
        os.rename(self.root, self.root.with_name(f"old-{self.root.name}-{self.replaced}"))
        self.root.mkdir()
        os.chmod(self.root, 0o711)


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


A_IN, A_XCHG, A_WORK = f"{INSIDE}/in", f"{INSIDE}/xchg", f"{INSIDE}/work"
A_PRELUDE = f"{INSIDE}/prelude"
B_DIR, B_HOME = f"{INSIDE}/grading", f"{INSIDE}/home"


def b_learner(name: str) -> str:
    """Where kernel B sees kernel A's exchange folder of notebook ``name``."""
    return f"{INSIDE}/learner/{name}"


# A's writable folders: (name, path inside, size limit, mode, owned by A's uid)
A_SPACES = (
    ("xchg", A_XCHG, "disk_mb", 0o755, True),
    ("work", A_WORK, "disk_mb", 0o700, True),
    ("tmp", "/tmp", "tmp_mb", 0o1777, False),
    ("shm", "/dev/shm", "shm_mb", 0o1777, False),
)
SPACE_LABELS = {
    "xchg": "the folder where the grader collects your answers",
    "work": "the working folder",
    "tmp": "/tmp",
    "shm": "/dev/shm",
}


def _learner_mounts(base: Path, st: Settings, uid) -> list[sandbox.Mount]:
    """Kernel A's folders at neutral paths: its input (read-only), and each writable one a
    tmpfs of its own with a total size and number of files (mounted by the grader as root;
    else bubblewrap's ``--size``, and the exchange folder a plain folder)."""
    mounts = [sandbox.Mount(A_IN, str(base / "in"), "ro")]
    _own_tmpfs(base / "in", st)
    for name, inside, limit, mode, owned in A_SPACES:
        where = base / name
        where.mkdir(exist_ok=True)
        size = getattr(st.limits, limit) * sandbox.MB
        mounted = os.path.ismount(where) or (
            st.bwrap is not None
            and uid is not None
            and sandbox.mount_tmpfs(
                where, size=size, inodes=st.limits.files, uid=uid if owned else 0, mode=mode
            )
        )
        if mounted or name == "xchg":
            if not mounted and uid is not None:
                os.chown(where, uid, uid)
                os.chmod(where, mode)
            mounts.append(sandbox.Mount(inside, str(where), "rw"))
        elif name == "work":
            mounts.append(sandbox.Mount(inside, str(where), "tmpfs", size))
        # /tmp and /dev/shm otherwise: bubblewrap's own, sized by the limits (sandbox.command)
    return mounts


def _own_tmpfs(where: Path, st: Settings) -> None:
    """A read-only input folder of a learner's sandbox: a tmpfs of its own where the grader may
    mount one, so that even the kernel's list of mounts (``/proc/self/mountinfo``, which names
    the folder a bind comes from) does not say where the course is."""
    where.mkdir(parents=True, exist_ok=True)
    if st.bwrap is not None and not os.path.ismount(where):
        size = st.limits.disk_mb * sandbox.MB
        sandbox.mount_tmpfs(where, size=size, inodes=st.limits.files, uid=0, mode=0o755)


def _full_spaces(base: Path, st: Settings) -> list[str]:
    """Notes for the size-limited folders a run filled (read from the kernel, not the run)."""
    out = []
    for name, _inside, limit, _mode, _owned in A_SPACES:
        where = base / name
        if not os.path.ismount(where):
            continue
        with contextlib.suppress(OSError):
            fs = os.statvfs(where)
            if fs.f_bavail * fs.f_frsize < 256 * 1024 or fs.f_favail == 0:
                out.append(
                    f"your code filled {SPACE_LABELS[name]}: each submission may write at most "
                    f"{getattr(st.limits, limit)} MB and {st.limits.files:,} files and folders "
                    "there, and writing more failed"
                )
    return out


def _a_zygote(slot: Slot, rel: ReleaseNb, st: Settings, uid) -> tuple[zygote.Zygote, Path]:
    base = slot.root / f"a-{rel.name}"
    z = slot.a.get(rel.name)
    if z is not None and z.alive():
        return z, base
    if z is not None:
        z.close()
    base.mkdir(exist_ok=True)
    mounts = _learner_mounts(base, st, uid)  # a restart mid-job keeps the job's input
    # the CLI's umask is 077: kernel B (another uid) must reach A's exchange folder, as it
    # does in cold mode through _chown_tree's 0755
    os.chmod(base, 0o711)
    os.chmod(base / "in", 0o755)
    prelude = _a_prelude(slot, rel, st, base)
    mounts.append(sandbox.Mount(A_PRELUDE, str(prelude), "ro"))
    cmd, env = sandbox.command(
        [
            sandbox.python_inside(),
            "-m",
            "autograder.zygote",
            *slot.imports,
            f"--prepare=autograder.learner_run:{A_PRELUDE}/plan.json",
        ],
        bwrap=st.bwrap,
        limits=st.limits,
        uid=uid,
        mounts=mounts,
        cwd="/",
        home=A_WORK,
        as_pid1=True,
    )
    z = zygote.Zygote([*(st.wrapper or []), *cmd], env, str(slot.root / f"a-{rel.name}.log"))
    slot.a[rel.name] = z
    return z, base


def _a_prelude(slot: Slot, rel: ReleaseNb, st: Settings, base: Path) -> Path:
    """The release's leading locked cells and the assignment's files, for A's zygote to run
    once (``learner_run.prepare``); root-owned and read-only in the sandbox."""
    where = base / "prelude"
    if not (where / "plan.json").exists():
        _own_tmpfs(where, st)
        (where / "files").mkdir()
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
            "cwd": f"{A_PRELUDE}/files",
            "timeout": st.timeout,
            "output_bytes": st.limits.output_kb * 1024,
        }
        (where / "plan.json").write_text(json.dumps(plan), encoding="utf-8")
        for p in [where, *where.rglob("*")]:  # readable by the slot's uid (umask is 077)
            os.chmod(p, 0o755 if p.is_dir() else 0o644)
    return where


FAULT_ATTEMPTS = 3  # a job the grader's machinery failed is run again on a fresh slot
CLEAN_SECONDS = 10.0  # to empty a slot after a submission; past it, the slot is replaced
WIPE_SECONDS = 10.0  # for a zygote to empty its private folders before a run


def _wipe_dir(path: Path, deadline: float | None = None) -> bool:
    """Empty a directory a sandbox can write to (as root: never follow a link, never leave the
    mount). False if it could not be done by ``deadline`` (monotonic), so that no one waits on
    a tree a submission made as large as it could."""
    try:
        dev = os.lstat(path).st_dev
    except OSError:
        return True
    ok = True
    for top, dirs, files, topfd in os.fwalk(path, topdown=False):
        if deadline is not None and time.monotonic() > deadline:
            return False
        for name in files:
            with contextlib.suppress(OSError):
                os.unlink(name, dir_fd=topfd)
        for name in dirs:
            try:
                st = os.lstat(name, dir_fd=topfd)
                if stat.S_ISLNK(st.st_mode):
                    os.unlink(name, dir_fd=topfd)
                elif st.st_dev == dev:  # a mount point (no sandbox can make one) is left alone
                    os.rmdir(name, dir_fd=topfd)
            except OSError:
                ok = ok and not os.path.lexists(os.path.join(top, name))
    return ok


def _read_tail(path: Path) -> str:
    """The end of a log a sandbox writes (read without blocking or following a link)."""
    try:
        fd = os.open(path, untrusted.FLAGS)
    except OSError:
        return ""
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return ""
        fh.seek(max(0, st.st_size - 300))
        return fh.read(300).decode("utf-8", "replace").strip()


def run_learner(course, job, rel, st: Settings, uid, slot: Slot | None = None) -> LearnerRun:
    """Kernel A for one notebook: run, restart without the cell that broke it, serve calls."""
    warm = slot is not None and st.bwrap is not None
    if warm:
        zyg, base = _a_zygote(slot, rel, st, uid)
        zyg.reset()  # nothing of the last submission runs while its folders are emptied
        if not zyg.alive():
            zyg, base = _a_zygote(slot, rel, st, uid)
        in_dir, xchg = base / "in", base / "xchg"
        _wipe_dir(in_dir)
        log_path = xchg / "a.log"
    else:
        base = job.scratch / "a" / rel.name
        base.mkdir(parents=True)
        in_dir, xchg = base / "in", base / "xchg"
        log_path = base / "a.log"
    mounts = _learner_mounts(base, st, uid)  # made by _a_zygote already in a warm slot
    view = sandbox.View(mounts, st.bwrap is not None)
    (in_dir / "files").mkdir()
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
    files = [view(in_dir / "files" / p.name) for p in (in_dir / "files").iterdir()]
    run = LearnerRun(rel.name, None, xchg, [], notes, {}, answers)
    run.sources = {c["snapshot"]: c["source"] for c in code if c["snapshot"]}
    skip: set[int] = set()
    nb_limit = STARTUP_GRACE + 10 * st.timeout + 0.05 * len(code)
    full: list[str] = []

    def filled() -> None:  # before the folders are emptied: which limit did this run hit?
        for line in _full_spaces(base, st):
            if line not in full:
                full.append(line)
                run.notes.append(line)

    for attempt in range(1, MAX_ATTEMPTS + 1):
        if warm:
            if not zyg.alive():
                zyg, base = _a_zygote(slot, rel, st, uid)
            zyg.reset()  # also when the last child is gone: what it left behind is not
            if not zyg.alive():
                zyg, base = _a_zygote(slot, rel, st, uid)
        if attempt > 1:
            filled()
        if not _wipe_dir(xchg, time.monotonic() + WIPE_SECONDS):
            run.notes.append(
                f"the learner's kernel left more in {SPACE_LABELS['xchg']} than can be removed "
                f"in {WIPE_SECONDS:g} s; the notebook was not run again"
            )
            return run
        if warm:
            os.chmod(xchg, 0o755)  # its owner (the last learner) may have changed it
            log_path.touch()  # made here, so that only kernel A's own writes change the folder
            if uid is not None:
                os.chown(log_path, uid, uid)
        plan = {
            "cells": code,
            "skip": sorted(skip),
            "xchg": view(xchg),
            "work": view(base / "work"),
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
            args = ("autograder.learner_run", [f"{A_IN}/plan.json"], sandbox.env_for(A_WORK))
            args += (A_WORK, f"{A_XCHG}/a.log", ["/tmp", "/dev/shm", A_WORK], WIPE_SECONDS)
            try:
                proc = zyg.run(*args)
            except zygote.Unclean:  # this submission's own traces: a fresh sandbox is clean
                zyg, base = _a_zygote(slot, rel, st, uid)
                proc = zyg.run(*args)
        else:
            _chown_tree(in_dir, uid)
            proc = _spawn_learner(st, uid, mounts, view, log_path)
        # the folder's change time: kernel A names each cell there before running it, and no
        # process can set a change time back, so a learner that replaces or removes that name
        # before the grader has read it cannot pass its own cell off as the grader's failure
        mark = os.stat(xchg).st_ctime_ns
        started = time.monotonic()
        cur, since, why, unread = None, started, "", ""
        while True:
            if untrusted.is_regular(xchg / "ready"):
                run.proc = proc
                run.outputs = _read_json(xchg / "outputs.json")
                run.outputs = run.outputs if isinstance(run.outputs, list) else []
                filled()
                return run
            rc = proc.poll()
            now = time.monotonic()
            # a progress file the sandbox replaced (a FIFO, a link) tells nothing: the cell
            # last seen keeps running, and its limit, and the notebook's, still apply
            idx = _progress(xchg, cur)
            if idx is None and os.stat(xchg).st_ctime_ns != mark:
                # a cell was named, but what named it is gone: the first that can have run
                idx = _first_runnable(code, skip)
                unread = " (which cell could not be read: the file naming it was replaced)"
            elif idx != cur:
                unread = ""
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
            filled()
            return run
        if cur is None:
            # no learner code has run yet (the first cell names itself before it starts): the
            # grader's own sandbox failed, and that must not cost this learner any points
            tail = _read_tail(log_path)
            tail = untrusted.shown(tail.splitlines()[-1] if tail else "")
            raise GraderFault(f"the learner's kernel {why} before its first cell ({tail[:200]})")
        label = untrusted.shown(code[cur]["grade_id"] or "(no id)")
        run.notes.append(
            f"code cell {cur + 1} [{label}] {why}{unread}; it was skipped and the notebook run "
            "again without it: points earned by the other cells are kept"
        )
        skip.add(cur)
        if attempt == MAX_ATTEMPTS - 1 or now - started > nb_limit:
            skip.update(range(cur, len(code)))  # last try: nothing from here on
    filled()
    return run


def _first_runnable(code: list[dict], skip: set[int]) -> int | None:
    """The first cell kernel A runs itself (the release's setup cells may be run already)."""
    left = [i for i in range(len(code)) if i not in skip]
    return next((i for i in left if not code[i]["locked"]), left[0] if left else None)


class GraderFault(Exception):
    """The grader's own machinery failed on a submission (not the submission's doing): the job
    is run again on a fresh slot (``FAULT_ATTEMPTS`` tries), then reported, never graded."""


def _spawn_learner(st: Settings, uid, mounts, view, log_path: Path):
    """Kernel A as a fresh process in a fresh sandbox (without bubblewrap: limits only)."""
    in_dir = next(m.host for m in mounts if m.inside == A_IN)
    work = view(next(m.host for m in mounts if m.inside == A_WORK))
    cmd, env = sandbox.command(
        [
            sandbox.python_inside(st.bwrap is not None),
            "-m",
            "autograder.learner_run",
            view(Path(in_dir) / "plan.json"),
        ],
        bwrap=st.bwrap,
        limits=st.limits,
        uid=uid,
        mounts=mounts,
        cwd=work,
        home=work,
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


def _progress(xchg: Path, last=None):
    """The cell kernel A says it is running; ``last`` if the file is absent or not plain."""
    text = untrusted.read_text(xchg / "progress", 20)
    try:
        return last if text is None else int(text)
    except ValueError:
        return last


def _read_json(path: Path, limit: int = 50 * 1024 * 1024):
    """A JSON document a sandbox wrote (``untrusted.read_file``); None if absent or refused."""
    text = untrusted.read_text(path, limit)
    try:
        return None if text is None else json.loads(text)
    except (ValueError, RecursionError):
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


def _boot_source(xchg: str, timeout: int) -> str:
    return (
        "from autograder.bside import Loader as _EtikaLoader\n"
        f"_etika_load = _EtikaLoader({xchg!r}, {max(1, timeout - 1)})\n"
        "del _EtikaLoader"
    )


def prelude_sources(rel: ReleaseNb, xchg: str, timeout: int) -> list[str]:
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


def inexact_parts(nb, rel: ReleaseNb) -> dict[str, str]:
    """grade id -> why: the test cells of B's graded notebook that failed where the sealed path
    may have made them fail (a value not carried, a learner's function whose raised exception,
    result or changes did not cross, a learner's object a test compared with ``==``). A passing
    test is exact: the boundary can make a test fail, and a forging value cannot cross it."""
    uncarried: dict[str, str] = {}
    out: dict[str, str] = {}
    for cell in nb.cells:
        notes = _grader_notes(cell)
        for n in notes:
            if n["kind"] == "not-carried" and isinstance(n["name"], str):
                uncarried[n["name"]] = str(n["text"] or "")[:200]
        gid = _meta(cell).get("grade_id")
        if cell.get("cell_type") != "code" or gid not in rel.tests or _meta(cell).get("solution"):
            continue
        failures = _failures(cell)
        if not failures:
            continue
        reasons = [
            f"{n['name']}{'' if n['kind'] == 'compare' else '()'} {n['text']}"
            for n in notes
            if n["kind"] in ("call", "effects", "raised", "compare") and isinstance(n["name"], str)
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
        if reasons:
            out[str(gid)] = "; ".join(dict.fromkeys(reasons))[:600]
    return out


def build_grading_notebook(rel: ReleaseNb, run: LearnerRun, timeout: int, xchg: str):
    """The notebook kernel B runs: the RELEASE notebook, answers replaced by exported values
    (read by B from ``xchg``, where it sees this run's exchange folder)."""
    import copy

    from nbformat.v4 import new_code_cell, new_markdown_cell

    nb = copy.deepcopy(rel.node)
    boot = new_code_cell(_boot_source(xchg, timeout), metadata={"tags": [BOOT_TAG]})
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
        text = untrusted.read_text(nbfile, 200 * 1024 * 1024)  # written by kernel B's sandbox
        if text is None:
            nbfile.unlink(missing_ok=True)
            continue
        nb = nbformat.reads(text, as_version=4)
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
    """Grade one submission (in a worker thread). Returns (result, reason, notes).

    Raises ``GraderFault`` when the grader's machinery failed, not the submission."""
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
    except zygote.SlotError as exc:
        raise GraderFault(str(exc)) from exc
    finally:
        for run in runs.values():
            _killpg(run.proc)
        sandbox.unmount_under(job.scratch / "a")  # a cold run's size-limited folders


def clean_slot(slot: Slot) -> float:
    """After a submission and before the next: every sandbox of the slot reset and emptied,
    within ``CLEAN_SECONDS`` (the time is the submission's that left the traces). A slot that
    cannot be emptied in time is replaced by a fresh one. Returns the seconds it took."""
    t0 = time.monotonic()
    deadline = t0 + CLEAN_SECONDS
    ok = True
    for z in slot.a.values():
        ok = z.reset(["/tmp", "/dev/shm", A_WORK], max(0.1, deadline - time.monotonic())) and ok
    if slot.b is not None:
        ok = slot.b.reset(["/tmp", "/dev/shm"], max(0.1, deadline - time.monotonic())) and ok
    for base in sorted(slot.root.glob("a-*")):
        for name in ("in", *(space[0] for space in A_SPACES)):
            ok = ok and _wipe_dir(base / name, deadline)
    ok = ok and _wipe_dir(slot.root / "b-job", deadline)
    if not ok:
        slot.replace()
    return time.monotonic() - t0


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
                "cells": prelude_sources(rel, b_learner(rel.name), st.timeout),
                "cwd": f"{INSIDE}/prelude/{rel.name}/files",
                "timeout": st.timeout,
            }
            (where / "plan.json").write_text(json.dumps(plan), encoding="utf-8")
            # readable by B's uid (the CLI's umask is 077), writable by nobody in a sandbox
            _chown_tree(where, None if uid is None else os.getuid())
        args.append(f"--prepare=autograder.inprocess:{INSIDE}/prelude/{rel.name}/plan.json")
    return args


def _b_zygote(slot: Slot, st: Settings, uid, limits: Limits) -> zygote.Zygote:
    """Kernel B's warm sandbox: it sees its slot's job folder, this slot's learner exchange
    folders (read-only) and its preludes, each at a neutral path; no other slot, no other
    job, not the grading folder."""
    if slot.b is not None and slot.b.alive():
        return slot.b
    if slot.b is not None:
        slot.b.close()
    home, bdir = slot.root / "b-home", slot.root / "b-job"
    for d in (home, bdir):
        d.mkdir(exist_ok=True)
        if uid is not None:
            os.chown(d, uid, uid)
    preludes = _b_preludes(slot, st, uid)
    mounts = [sandbox.Mount(B_HOME, str(home), "rw"), sandbox.Mount(B_DIR, str(bdir), "rw")]
    for rel in slot.releases:
        xchg = slot.root / f"a-{rel.name}" / "xchg"
        xchg.mkdir(parents=True, exist_ok=True)
        mounts.append(sandbox.Mount(b_learner(rel.name), str(xchg), "ro"))
        where = slot.root / f"b-prelude-{rel.name}"
        mounts.append(sandbox.Mount(f"{INSIDE}/prelude/{rel.name}", str(where), "ro"))
    cmd, env = sandbox.command(
        # the setup cells' libraries too: the tests run in a fork of this process (inprocess.py)
        [
            sandbox.python_inside(),
            "-m",
            "autograder.zygote",
            *B_IMPORTS,
            *slot.imports,
            *preludes,
        ],
        bwrap=st.bwrap,
        limits=limits,
        uid=uid,
        mounts=mounts,
        cwd="/",
        home=B_HOME,
        as_pid1=True,
    )
    slot.b = zygote.Zygote([*(st.wrapper or []), *cmd], env, str(slot.root / "b.log"))
    return slot.b


def _run_grader(course, job, releases, runs, st, uid, template, slot: Slot | None = None):
    import nbformat

    aid, sid = job.assignment, job.student
    limits = dataclasses.replace(st.limits, memory_mb=max(st.limits.memory_mb, 2048), processes=256)
    if slot is not None:  # B's warm sandbox sees its slot's job folder only (see _b_zygote)
        zyg = _b_zygote(slot, st, uid, limits)
        bdir = slot.root / "b-job"
        _wipe_dir(bdir)
        mounts = [sandbox.Mount(B_DIR, str(bdir), "rw")]
    else:
        bdir = job.scratch / "b"
        bdir.mkdir()
        mounts = [sandbox.Mount(B_DIR, str(bdir), "rw")]
        mounts += [sandbox.Mount(b_learner(n), str(r.xchg), "ro") for n, r in runs.items()]
    view = sandbox.View(mounts, st.bwrap is not None)
    subdir = bdir / "submitted" / sid / aid
    subdir.mkdir(parents=True)
    for rel in releases:
        xchg = b_learner(rel.name) if slot is not None else view(runs[rel.name].xchg)
        nbformat.write(
            build_grading_notebook(rel, runs[rel.name], st.timeout, xchg),
            subdir / f"{rel.name}.ipynb",
        )
    ts = course.submitted(sid, aid) / "timestamp.txt"
    if ts.is_file() and not ts.is_symlink():
        shutil.copyfile(ts, subdir / "timestamp.txt")
    _copy_files(course.source(aid), bdir / "source" / aid, skip_notebooks=True)
    shutil.copyfile(template, bdir / "gradebook.db")
    shutil.copyfile(course.root / "nbgrader_config.py", bdir / "nbgrader_config.py")
    (bdir / "home").mkdir()
    if st.bwrap is not None and slot is None:
        # the venv's own kernel spec names the venv's real path: B's kernel (cold mode) starts
        # from the neutral one, found first in the user's data folder
        spec = bdir / "home" / ".local" / "share" / "jupyter" / "kernels" / "python3"
        spec.mkdir(parents=True)
        argv = [sandbox.python_inside(), "-Xfrozen_modules=off", "-m", "ipykernel_launcher"]
        argv += ["-f", "{connection_file}"]
        doc = {"argv": argv, "display_name": "Python 3 (ipykernel)", "language": "python"}
        (spec / "kernel.json").write_text(json.dumps(doc))
    _chown_tree(bdir, uid)
    argv = [
        sandbox.python_inside(st.bwrap is not None),
        "-m",
        "autograder.worker",
        "--scratch",
        view(bdir),
        "--assignment",
        aid,
        "--student",
        sid,
        "--course-id",
        course.course_id,
        "--config",
        view(bdir / "nbgrader_config.py"),
        "--timeout",
        str(st.timeout),
    ]
    if slot is not None:
        argv.append("--in-process")  # forked from a warm zygote: no kernel to start
    n_cells = sum(len(r.node.cells) for r in releases)
    deadline = time.monotonic() + STARTUP_GRACE + 2 * st.timeout * max(1, n_cells)
    if slot is not None:
        proc = zyg.run(
            "autograder.worker",
            argv[3:],
            sandbox.env_for(B_HOME),
            B_DIR,
            f"{B_DIR}/worker.out",
            ["/tmp", "/dev/shm"],
            WIPE_SECONDS,
        )
    else:
        cmd, env = sandbox.command(
            argv,
            bwrap=st.bwrap,
            limits=limits,
            uid=uid,
            mounts=mounts,
            cwd=view(bdir),
            home=view(bdir / "home"),
        )
        proc = _spawn_grader(job, cmd, env, bdir, st)
    job.proc = proc
    while proc.poll() is None:
        if time.monotonic() > deadline:
            job.killed_for = "time limit: the grader's kernel did not finish; stopped"
            _killpg(proc)
            break
        time.sleep(0.01)
    if slot is not None:
        zyg.reset()  # nothing of B writes there any more: the job's files go to the job
        _move_contents(bdir, job.scratch / "b")
        bdir = job.scratch / "b"
    notes = [f"{name}: {n}" for name, r in runs.items() for n in r.notes]
    if proc.returncode != 0 or job.killed_for:
        return None, _why_failed(job, bdir), notes
    result = _read_scratch_grades(course, job, bdir)
    if result is None:
        return None, _why_failed(job, bdir), notes
    out = _graded_folder(job)
    if out is not None:
        result["inexact"] = restore_learner_view(out, runs, releases)
    return result, "", notes


def _move_contents(src: Path, dst: Path) -> None:
    dst.mkdir(exist_ok=True)
    for name in os.listdir(src):
        os.rename(src / name, dst / name)


def _graded_folder(job: Job) -> Path | None:
    """The autograded notebooks kernel B wrote for this job: a real folder inside its scratch
    folder (never a link B made to somewhere else), or None."""
    bdir = job.scratch / "b"
    out = bdir / "autograded" / job.student / job.assignment
    real = os.path.realpath(out)
    inside = real.startswith(os.path.realpath(bdir) + os.sep)
    if not (inside and out.is_dir() and not out.is_symlink()):
        return None
    for top, dirs, files in os.walk(out):  # what goes into the course: plain files only
        for name in files + dirs:
            path = os.path.join(top, name)
            mode = os.lstat(path).st_mode
            if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                os.unlink(path)
    return out


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
        out = _graded_folder(job)
        dest = course.autograded(sid, aid)
        if out is not None:
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


def record_fault(course: Course, job: Job, seconds: float) -> None:
    """The grader failed on this submission: its grades are left as they were, and the ledger
    says so without the submission's fingerprint, so that the next run grades it again."""
    key = {"a": job.assignment, "s": job.student}
    with course.sqlite() as con:
        prior = con.execute(
            f"SELECT attempts FROM {LEDGER_TABLE} WHERE assignment=:a AND student=:s", key
        ).fetchone()
        con.execute(
            f"INSERT OR REPLACE INTO {LEDGER_TABLE} (assignment, student, submission_hash, "
            "status, detail, graded_at, seconds, attempts) "
            "VALUES (:a, :s, '', 'error', :d, :t, :sec, :n)",
            {
                **key,
                "d": job.fault[:2000],
                "t": dt.datetime.now(dt.UTC).isoformat(timespec="microseconds"),
                "sec": round(seconds, 2),
                "n": (prior[0] if prior else 0) + 1,
            },
        )
    con.close()
    protect(course.db_path)


def _kill(job: Job) -> None:
    _killpg(job.proc)


def _why_failed(job: Job, bdir: Path) -> str:
    if job.killed_for:
        return job.killed_for
    res = _read_json(bdir / "result.json", limit=10 * 1024 * 1024)
    if isinstance(res, dict):
        err = str(res.get("error") or "").strip().splitlines()
        err = untrusted.shown(err[-1][:200]) if err else "unknown error"
        return "nbgrader could not grade it: " + err
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
            job.started = time.monotonic()
            try:
                for attempt in range(1, FAULT_ATTEMPTS + 1):
                    job.scratch = Path(tempfile.mkdtemp(prefix="job-", dir=base))
                    os.chmod(job.scratch, 0o711)
                    job.proc, job.killed_for, job.fault = None, "", ""
                    try:
                        return run_job(course, job, releases, st, slot, template)
                    except Exception as exc:  # the grader's fault, never the learner's result
                        why = f"{type(exc).__name__}: {untrusted.shown(exc)}"[:300]
                        fault = f"grader error ({why})"
                        _kill(job)
                        slot.replace()  # a fresh slot for the retry and for the next learner
                        if attempt < FAULT_ATTEMPTS:
                            shutil.rmtree(job.scratch, ignore_errors=True)
                job.fault = fault  # every time: reported, not graded
                return None, fault, []
            finally:
                # the submission's traces are removed in its own time, before the next one
                try:
                    clean_slot(slot)
                except Exception:  # the slot cannot be trusted clean: a fresh one, or none
                    with contextlib.suppress(Exception):
                        slot.replace()
                finally:
                    slots.put(slot)

        with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
            futures = {pool.submit(work, job): job for job in pending}
            for fut in concurrent.futures.as_completed(futures):
                job = futures[fut]
                result, reason, notes = fut.result()
                seconds = time.monotonic() - job.started
                if job.fault:
                    record_fault(course, job, seconds)
                    report.errors[job.student] = job.fault
                    bar.step(f"{job.student}: NOT GRADED (grader error)")
                    shutil.rmtree(job.scratch, ignore_errors=True)
                    continue
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
        sandbox.unmount_under(base)
        shutil.rmtree(base, ignore_errors=True)
    return report
