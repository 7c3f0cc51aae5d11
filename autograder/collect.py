"""Collect submissions from the nbgrader exchange, an LMS zip, or a plain folder.

Every source is turned into a list of candidate files, each checked (type, size, valid notebook
JSON), mapped to a student id and de-duplicated; then each learner's submission is staged in a
temporary folder inside the course and moved into ``submitted/<id>/<assignment>`` with one
atomic rename. A crash leaves either the old submission or the new one, never half of one.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import shutil
import stat
import tempfile
import warnings
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .course import Course
from .errors import UserError
from .roster import Roster, initials, valid_student_id
from .untrusted import shown

MB = 1024 * 1024
JUNK = re.compile(
    r"(^|/)(__MACOSX|\.ipynb_checkpoints)(/|$)|(^|/)(\.DS_Store|Thumbs\.db|desktop\.ini)$"
)
ZIP_LAYOUT_HINT = (
    "expected one of: Moodle 'Full Name_12345_assignsubmission_file_/nb.ipynb', "
    "Google Classroom 'Full Name - nb.ipynb' or 'Full Name/nb.ipynb', "
    "one folder per student id 'S001/nb.ipynb', or files named by student id 'S001.ipynb'"
)

# Layouts, tried in order on each file's path inside the zip/folder. They are given to
# nbgrader's FileNameCollectorPlugin (the ZipCollectApp's file-name parser).
LAYOUTS = [
    (
        "moodle",
        r"^(?:.*/)?(?P<student_id>[^/]+?)_(?P<moodle_id>\d+)_assignsubmission_file_?/"
        r"(?:.*/)?(?P<file_id>[^/]+)$",
    ),
    ("classroom", r"^(?:.*/)?(?P<student_id>[^/]+?) - (?P<file_id>[^/]+)$"),
    ("folder", r"^(?:.*/)?(?P<student_id>[^/]+)/(?P<file_id>[^/]+)$"),
    ("flat", r"^(?P<student_id>[^/]+?)(?P<file_id>\.[^/.]+)$"),
]


@dataclass
class Candidate:
    label: str  # the file, as the grader knows it (zip entry or path)
    relpath: str
    data: bytes
    timestamp: dt.datetime
    key: str = ""  # whose it is: id, e-mail or name, before the roster lookup
    student: str | None = None
    notebook: str | None = None
    layout: str = ""
    moodle_id: str | None = None


@dataclass
class Report:
    collected: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # existing, not overwritten (no --force)
    replaced: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)  # messages naming the file
    unknown: list[str] = field(default_factory=list)  # messages without names
    duplicates: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)

    @property
    def problems(self) -> bool:
        return bool(self.rejected or self.unknown)


@dataclass
class Limits:
    max_notebook_bytes: int = 5 * MB
    max_total_bytes: int = 500 * MB
    max_ratio: int = 200  # uncompressed / compressed, for members over 1 MB
    max_members: int = 20000


def _utc(ts: dt.datetime) -> dt.datetime:
    return ts if ts.tzinfo else ts.replace(tzinfo=dt.UTC)


# ---- reading sources ------------------------------------------------------------------------
def read_zip(path: Path, limits: Limits) -> list[Candidate]:
    """Read a zip without extracting it to disk, refusing hostile archives as a whole."""
    hint_bad = "ask for a fresh download from the LMS; do not unpack and re-zip by hand"
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise UserError(f"{path} is not a readable zip file ({exc})", hint_bad) from exc
    out: list[Candidate] = []
    with zf:
        infos = zf.infolist()
        if len(infos) > limits.max_members:
            raise UserError(
                f"{path}: {len(infos)} entries, more than {limits.max_members}", hint_bad
            )
        declared = sum(i.file_size for i in infos)
        if declared > limits.max_total_bytes:
            raise UserError(
                f"{path} looks like a zip bomb: it would unpack to {declared / MB:.0f} MB "
                f"(limit {limits.max_total_bytes / MB:.0f} MB); nothing was collected",
                hint_bad,
            )
        for info in infos:
            posix = info.filename.replace("\\", "/")
            name = shown(info.filename)  # as printed: an entry name is the LMS's or a learner's
            parts = PurePosixPath(posix).parts
            if posix.startswith("/") or re.match(r"^[A-Za-z]:", posix) or ".." in parts:
                raise UserError(
                    f"{path}: entry '{name}' points outside the archive (zip slip: absolute path "
                    "or '..'); nothing was collected",
                    hint_bad,
                )
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise UserError(
                    f"{path}: entry '{name}' is a symbolic link; nothing was collected", hint_bad
                )
            if info.is_dir() or JUNK.search(posix):
                continue
            if (
                info.file_size > MB
                and info.compress_size
                and info.file_size / info.compress_size > limits.max_ratio
            ):
                raise UserError(
                    f"{path}: entry '{name}' looks like a zip bomb (compressed "
                    f"{info.compress_size} bytes, unpacks to {info.file_size}); "
                    "nothing was collected",
                    hint_bad,
                )
            cap = limits.max_notebook_bytes
            try:
                with zf.open(info) as fh:
                    data = fh.read(cap + 1)
            except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
                raise UserError(
                    f"{path}: entry '{name}' is corrupt or does not match its declared size "
                    f"({exc}); nothing was collected",
                    hint_bad,
                ) from exc
            if len(data) > info.file_size:
                raise UserError(
                    f"{path}: entry '{name}' unpacks to more than its declared size "
                    f"({info.file_size} bytes): a zip bomb; nothing was collected",
                    hint_bad,
                )
            ts = dt.datetime(*info.date_time, tzinfo=dt.UTC)
            out.append(
                Candidate(
                    label=shown(f"{path.name}:{info.filename}"),
                    relpath=posix,
                    data=data,
                    timestamp=ts,
                )
            )
    return out


def read_folder(path: Path, limits: Limits) -> list[Candidate]:
    out: list[Candidate] = []
    for dirpath, dirnames, filenames in os.walk(path, followlinks=False):
        for d in list(dirnames):
            full = Path(dirpath, d)
            if full.is_symlink():
                raise UserError(
                    f"{shown(full)} is a symbolic link; nothing was collected",
                    "copy the real files into the folder instead of linking them",
                )
        for fname in sorted(filenames):
            full = Path(dirpath, fname)
            rel = full.relative_to(path).as_posix()
            if JUNK.search(rel):
                continue
            if full.is_symlink():
                raise UserError(
                    f"{shown(full)} is a symbolic link; nothing was collected",
                    "copy the real files into the folder instead of linking them",
                )
            with open(full, "rb") as fh:
                data = fh.read(limits.max_notebook_bytes + 1)
            ts = dt.datetime.fromtimestamp(full.stat().st_mtime, tz=dt.UTC)
            out.append(Candidate(label=shown(full), relpath=rel, data=data, timestamp=ts))
    return out


def read_exchange(course: Course, aid: str, staging: Path, limits: Limits) -> list[Candidate]:
    """nbgrader's own ExchangeCollect, pointed at a staging course root."""
    from nbgrader.auth import Authenticator
    from nbgrader.exchange import ExchangeError
    from nbgrader.exchange.default.collect import ExchangeCollect

    cd = course.coursedir(root=str(staging), db_url=course.db_url, assignment_id=aid)
    cd.course_id = course.course_id
    if not course.db_path.exists():
        raise UserError(f"{course.db_path} does not exist", f"run: autograder release {aid}")
    collector = ExchangeCollect(
        coursedir=cd, authenticator=Authenticator(config=course.config), config=course.config
    )
    collector.log = logging.getLogger("autograder.nbgrader")
    try:
        collector.start()
    except ExchangeError as exc:
        raise UserError(
            f"nbgrader exchange: {exc}",
            "check Exchange.root and course_id in nbgrader_config.py",
        ) from exc
    out: list[Candidate] = []
    base = staging / "submitted"
    for sub in sorted(base.glob(f"*/{aid}")) if base.is_dir() else []:
        sid = sub.parent.name
        ts = cd.get_existing_timestamp(str(sub)) or dt.datetime.now(dt.UTC)
        for cand in read_folder(sub, limits):
            if cand.relpath == "timestamp.txt":
                continue
            cand.relpath = f"{sid}/{cand.relpath}"
            cand.label = shown(f"exchange:{sid}+{aid}/{cand.relpath.split('/', 1)[1]}")
            cand.timestamp = _utc(ts)
            out.append(cand)
    return out


# ---- checking and mapping -------------------------------------------------------------------
def _quiet_plugin(regexp: str):
    from nbgrader.plugins import FileNameCollectorPlugin

    log = logging.getLogger("autograder.quiet")
    log.setLevel(logging.CRITICAL)
    return FileNameCollectorPlugin(named_regexp=regexp, valid_ext=[".ipynb"], log=log)


def check_notebook(data: bytes, limits: Limits) -> str | None:
    """Return why this is not an acceptable notebook, or None."""
    if len(data) > limits.max_notebook_bytes:
        return f"larger than {limits.max_notebook_bytes / MB:.3g} MB"
    try:
        nb = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        return f"not valid notebook JSON ({type(exc).__name__}: {str(exc)[:80]})"
    if not isinstance(nb, dict) or nb.get("nbformat") != 4 or not isinstance(nb.get("cells"), list):
        return "JSON, but not a Jupyter notebook (nbformat 4)"
    import nbformat

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nbformat.reads(data.decode("utf-8"), as_version=4)
    except Exception as exc:
        return f"not a readable notebook ({type(exc).__name__})"
    return None


def classify(
    cands: list[Candidate], course: Course, aid: str, roster: Roster, limits: Limits, report: Report
) -> list[Candidate]:
    notebooks = course.release_notebooks(aid)
    release_files = (
        {p.name for p in course.release(aid).rglob("*") if p.is_file() and p.suffix != ".ipynb"}
        if course.release(aid).is_dir()
        else set()
    )
    plugins = [(name, _quiet_plugin(rx)) for name, rx in LAYOUTS]
    good: list[Candidate] = []
    for cand in cands:
        base = PurePosixPath(cand.relpath).name
        if not base.endswith(".ipynb"):
            if base in release_files or base == "timestamp.txt":
                report.ignored.append(cand.label)
                continue
            report.rejected.append(f"{cand.label}: not a notebook (.ipynb); not collected")
            continue
        why = check_notebook(cand.data, limits)
        if why:
            report.rejected.append(f"{cand.label}: {why}; not collected")
            continue
        for name, plugin in plugins:
            gd = plugin.collect(cand.relpath)
            if gd:
                cand.layout, cand.key = name, gd["student_id"]
                cand.moodle_id = gd.get("moodle_id")
                file_id = gd["file_id"] if name != "flat" else cand.relpath
                break
        else:
            report.rejected.append(
                f"{cand.label}: cannot tell whose submission this is; {ZIP_LAYOUT_HINT}"
            )
            continue
        if cand.layout == "flat":
            if len(notebooks) != 1:
                report.rejected.append(
                    f"{cand.label}: a file named by student id only works for single-notebook "
                    f"assignments; '{aid}' has {len(notebooks)}: use one folder per student"
                )
                continue
            cand.notebook = notebooks[0]
        else:
            stem = re.sub(r"\s*\(\d+\)$", "", PurePosixPath(file_id).stem)
            if stem in notebooks:
                cand.notebook = stem
            elif len(notebooks) == 1:
                cand.notebook = notebooks[0]
            else:
                report.rejected.append(
                    f"{cand.label}: notebook name not one of {', '.join(notebooks)}; not collected"
                )
                continue
        # whose?
        if roster:
            cand.student = roster.resolve(cand.key)
        elif valid_student_id(cand.key) and cand.layout in ("folder", "flat"):
            cand.student = cand.key
        if cand.student is None:
            who = f"Moodle participant {cand.moodle_id}" if cand.moodle_id else initials(cand.key)
            where = "not in the roster" if roster else "no --roster given to map it to an id"
            report.unknown.append(
                f"unknown student ({who}, {cand.layout} layout): {where}; not collected"
            )
            continue
        good.append(cand)
    return good


def dedupe(cands: list[Candidate], report: Report) -> dict[str, dict[str, Candidate]]:
    plan: dict[str, dict[str, Candidate]] = {}
    for cand in sorted(cands, key=lambda c: (c.student, c.notebook, c.timestamp, c.label)):
        slot = plan.setdefault(cand.student, {})
        prev = slot.get(cand.notebook)
        if prev is not None:
            report.duplicates.append(
                f"{cand.student}/{cand.notebook}.ipynb: kept the latest {cand.label} "
                f"({cand.timestamp:%Y-%m-%d %H:%M}), ignored {prev.label} "
                f"({prev.timestamp:%Y-%m-%d %H:%M})"
            )
        slot[cand.notebook] = cand
    return plan


# ---- committing -----------------------------------------------------------------------------
def _same(dest: Path, files: dict[str, Candidate]) -> bool:
    existing = {p.name for p in dest.iterdir() if p.name != "timestamp.txt"}
    if existing != {f"{nb}.ipynb" for nb in files}:
        return False
    return all((dest / f"{nb}.ipynb").read_bytes() == c.data for nb, c in files.items())


def commit(course: Course, aid: str, plan: dict, force: bool, report: Report) -> None:
    work = Path(tempfile.mkdtemp(prefix="collect-", dir=course.state))
    try:
        for sid in sorted(plan):
            files = plan[sid]
            dest = course.submitted(sid, aid)
            if dest.is_dir():
                if _same(dest, files):
                    report.unchanged.append(sid)
                    continue
                if not force:
                    report.kept.append(sid)
                    continue
            stage = work / sid / aid
            stage.mkdir(parents=True)
            for nb, cand in files.items():
                (stage / f"{nb}.ipynb").write_bytes(cand.data)
            newest = max(c.timestamp for c in files.values())
            (stage / "timestamp.txt").write_text(newest.strftime("%Y-%m-%d %H:%M:%S.%f UTC"))
            dest.parent.mkdir(parents=True, exist_ok=True)
            if dest.is_dir():
                old = work / f"{sid}.old"
                os.rename(dest, old)
                os.rename(stage, dest)
                report.replaced.append(sid)
            else:
                os.rename(stage, dest)
                report.collected.append(sid)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def collect(
    course: Course,
    aid: str,
    source: str,
    roster: Roster,
    force: bool = False,
    limits: Limits | None = None,
) -> Report:
    limits = limits or Limits()
    course.check_assignment(aid, released=True)
    with course.lock():
        return _collect(course, aid, source, roster, force, limits)


def _collect(course, aid, source, roster, force, limits) -> Report:
    report = Report()
    staging = None
    try:
        if source == "exchange":
            staging = Path(tempfile.mkdtemp(prefix="exchange-", dir=course.state))
            cands = read_exchange(course, aid, staging, limits)
        else:
            src = Path(source)
            if src.is_symlink():
                raise UserError(f"{src} is a symbolic link", "pass the real file or folder")
            if src.is_file() and zipfile.is_zipfile(src):
                cands = read_zip(src, limits)
            elif src.is_dir():
                cands = read_folder(src, limits)
            elif src.is_file():
                raise UserError(
                    f"{src} is neither a zip file nor a folder",
                    "pass --from exchange, an LMS 'download all submissions' zip, or a folder",
                )
            else:
                raise UserError(
                    f"submission source not found: {src}",
                    "pass --from exchange, an LMS 'download all submissions' zip, or a folder",
                )
        if not cands:
            if source == "exchange":
                return report
            raise UserError(f"{source} holds no files", "check that you picked the right download")
        good = classify(cands, course, aid, roster, limits, report)
        if not good and not report.unknown:
            first = report.rejected[0] if report.rejected else cands[0].label
            raise UserError(
                f"{source}: nothing to collect, no file is a usable submission "
                f"({len(report.rejected)} rejected; first: {first})",
                ZIP_LAYOUT_HINT,
            )
        plan = dedupe(good, report)
        commit(course, aid, plan, force, report)
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    return report
