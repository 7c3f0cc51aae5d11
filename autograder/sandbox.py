"""Run one untrusted (or untrusting) process inside a bubblewrap sandbox with hard limits.

The sandbox sees a read-only system (``/usr``, ``/etc``, the Python installation), the venv at
``/opt/etika/venv`` and the two course packages at ``/opt/etika/src``, a private ``/tmp``, no
network, no other process, and exactly the folders the caller binds, each at a NEUTRAL path
under ``/etika`` (``View``): nothing inside names where the course or the grader's folders
are, in the process list, the working directory, ``sys.argv``, a traceback or a file. It runs
as an unprivileged uid (no capabilities), so the process limits hold: address space,
processes, file size, CPU time. Every folder a sandbox can write has a total size (and, as
root, a number of files): a tmpfs of its own (``mount_tmpfs`` on the grader's side, or
bubblewrap's ``--size``). Where bubblewrap is missing, grading refuses unless
``--unsafe-no-sandbox`` is given: then the same limits apply, nothing else.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib.util
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import UserError

BWRAP = "/usr/bin/bwrap"
PYTHON = os.path.abspath(sys.executable)  # the venv's python (symlinks kept: venv site-packages)
INSTALL_HINT = "install bubblewrap: sudo apt-get install bubblewrap  (or, knowing the risk, "
INSTALL_HINT += "pass --unsafe-no-sandbox to grade with resource limits only)"
INSIDE = "/etika"  # the folders bound for one sandbox appear under here
VENV_INSIDE = "/opt/etika/venv"
SRC_INSIDE = "/opt/etika/src"  # the course packages (autograder, etika)
MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    memory_mb: int = 1024  # address space per process (RLIMIT_AS)
    processes: int = 64  # per sandbox uid (RLIMIT_NPROC)
    file_mb: int = 64  # largest file written (RLIMIT_FSIZE)
    output_kb: int = 256  # captured output kept per cell (the rest is dropped)
    cpu_seconds: int = 600  # hard CPU cap per process (RLIMIT_CPU)
    disk_mb: int = 256  # total, each: the working folder and the exchange folder
    tmp_mb: int = 128  # total in /tmp (and, at most 64 MB, in /dev/shm)
    files: int = 10_000  # files and folders in each of them (as root: tmpfs nr_inodes)

    @property
    def shm_mb(self) -> int:
        return min(64, self.tmp_mb)


@dataclass(frozen=True)
class Mount:
    """``host`` seen at ``inside``: ``ro``, ``rw``, or ``tmpfs`` (a private tmpfs of ``size``
    bytes made by bubblewrap; without bubblewrap the process uses ``host`` itself)."""

    inside: str
    host: str
    mode: str = "ro"
    size: int = 0


class View:
    """Where a sandbox sees the host paths bound for it (the host path itself when unsandboxed:
    ``--unsafe-no-sandbox`` has no namespace to move them in)."""

    def __init__(self, mounts: list[Mount], sandboxed: bool):
        self.mounts, self.sandboxed = list(mounts), sandboxed

    def __call__(self, host: str | os.PathLike) -> str:
        host = os.fspath(host)
        if not self.sandboxed:
            return host
        for m in sorted(self.mounts, key=lambda m: -len(m.host)):
            if host == m.host or host.startswith(m.host.rstrip("/") + "/"):
                return m.inside + host[len(m.host.rstrip("/")) :]
        raise ValueError(f"{host} is not bound into this sandbox")


def bwrap_path() -> str | None:
    path = shutil.which("bwrap") or (BWRAP if os.access(BWRAP, os.X_OK) else None)
    return path


def require(unsafe: bool) -> str | None:
    """The bwrap binary, or None in unsafe mode; a UserError when neither is possible."""
    path = bwrap_path()
    if path:
        return path
    if unsafe:
        return None
    raise UserError(
        "bubblewrap (bwrap) is not installed: submissions cannot be isolated", INSTALL_HINT
    )


def _package_dirs() -> list[tuple[str, str]]:
    out = []
    for name in ("autograder", "etika"):
        spec = importlib.util.find_spec(name)
        if spec and spec.submodule_search_locations:
            for p in spec.submodule_search_locations:
                out.append((str(Path(p).resolve()), f"{SRC_INSIDE}/{name}"))
    return out


def _venv() -> str | None:
    """The venv the grader runs in (seen at VENV_INSIDE), or None for a bare interpreter."""
    return os.path.abspath(sys.prefix) if sys.prefix != sys.base_prefix else None


def python_inside(sandboxed: bool = True) -> str:
    """The grader's interpreter as a sandbox runs it (the venv's, at its neutral path)."""
    venv = _venv()
    if sandboxed and venv and PYTHON.startswith(venv + "/"):
        return VENV_INSIDE + PYTHON[len(venv) :]
    return PYTHON


def _system_ro() -> list[tuple[str, str]]:
    """(host, inside) read-only binds: the system at its own path, the venv and the course's
    packages at neutral ones (their paths name where the course is)."""
    venv = _venv()
    real = os.path.realpath(sys.executable)
    system = ["/usr", "/etc", sys.base_prefix, str(Path(real).parent.parent)]
    pairs = [(os.path.realpath(p), os.path.realpath(p)) for p in system]
    if venv:
        pairs.append((os.path.realpath(venv), VENV_INSIDE))
    pairs += _package_dirs()
    out: list[tuple[str, str]] = []
    for host, inside in pairs:
        if os.path.exists(host) and inside not in [i for _, i in out]:
            out.append((host, inside))
    # parents first, so a nested bind is not hidden by its parent's bind
    return sorted(out, key=lambda hi: hi[1].count("/"))


def limit_prefix(limits: Limits, uid: int | None) -> list[str]:
    """setpriv (drop to ``uid``) + prlimit: the limits bind the unprivileged process."""
    cmd: list[str] = []
    if uid is not None:
        cmd += ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups"]
        cmd += ["--inh-caps=-all", "--bounding-set=-all", "--pdeathsig=KILL", "--"]
    cmd += [
        "prlimit",
        f"--as={limits.memory_mb * 1024 * 1024}",
        f"--nproc={limits.processes}",
        f"--fsize={limits.file_mb * 1024 * 1024}",
        f"--cpu={limits.cpu_seconds}",
        "--core=0",
        "--msgqueue=0",  # no POSIX message queue could outlive a submission in a slot
        "--",
    ]
    return cmd


def env_for(home: str, sandboxed: bool = True) -> dict[str, str]:
    bindir = os.path.dirname(python_inside(sandboxed))
    env = {
        "PATH": f"{bindir}:/usr/local/bin:/usr/bin:/bin",
        "HOME": home,
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONHASHSEED": "0",
        "MPLBACKEND": "Agg",
        "MPLCONFIGDIR": f"{home}/.mpl",
        "JUPYTER_RUNTIME_DIR": f"{home}/.jupyter-runtime",
        "IPYTHONDIR": f"{home}/.ipython",
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    }
    if sandboxed and _venv():
        env["PYTHONPATH"] = SRC_INSIDE  # the packages' neutral copy, before any editable finder
    return env


def command(
    argv: list[str],
    *,
    bwrap: str | None,
    limits: Limits,
    uid: int,
    mounts: list[Mount] = (),
    cwd: str,
    home: str,
    as_pid1: bool = False,
) -> tuple[list[str], dict[str, str] | None]:
    """The full command line (and environment) running ``argv`` sandboxed and limited.

    ``argv``, ``cwd`` and ``home`` are paths as the process sees them (``View``). Unless
    ``mounts`` binds its own, ``/tmp`` and ``/dev/shm`` are private tmpfs of ``limits.tmp_mb``
    and ``limits.shm_mb``.
    """
    env = env_for(home, sandboxed=bwrap is not None)
    root = os.geteuid() == 0
    if bwrap is None:  # --unsafe-no-sandbox: limits (and an unprivileged uid) only
        return [*limit_prefix(limits, uid if root else None), *argv], env
    cmd = [
        bwrap,
        "--die-with-parent",
        "--new-session",
        "--unshare-net",
        "--unshare-pid",
        *(["--as-pid-1"] if as_pid1 else []),
        "--unshare-ipc",
        "--unshare-uts",
        "--unshare-cgroup-try",
        "--clearenv",
    ]
    # as root, capabilities are kept only until setpriv switches to the sandbox uid: the uid
    # change clears them, and setpriv empties the inheritable and bounding sets too
    cmd += [] if root else ["--unshare-user", "--cap-drop", "ALL"]
    made: set[str] = set()

    def parents(path: str) -> list[str]:
        # bubblewrap would copy a parent's mode (e.g. /root is 0700): make them traversable
        out = []
        for parent in reversed(Path(path).parents):
            s = str(parent)
            if s != "/" and s not in made and s not in ("/tmp", "/proc", "/dev"):
                made.add(s)
                out += ["--perms", "0755", "--dir", s]
        return out

    # The private /tmp first: a venv or course that lives under /tmp (a clone in /tmp, as CI
    # may make) is bound on top of it below, instead of being hidden by it.
    own = {m.inside for m in mounts}
    cmd += ["--proc", "/proc", "--dev", "/dev"]
    if "/tmp" not in own:
        cmd += ["--perms", "1777", "--size", str(limits.tmp_mb * MB), "--tmpfs", "/tmp"]
    if "/dev/shm" not in own:
        cmd += ["--perms", "1777", "--size", str(limits.shm_mb * MB), "--tmpfs", "/dev/shm"]
    for host, inside in _system_ro():
        cmd += [*parents(inside), "--ro-bind", host, inside]
    for link, target in (("/bin", "usr/bin"), ("/lib", "usr/lib"), ("/lib64", "usr/lib64")):
        if os.path.islink(link):
            cmd += ["--symlink", target, link]
        elif os.path.isdir(link):
            cmd += ["--ro-bind", link, link]
    order = {"ro": 0, "rw": 1, "tmpfs": 2}
    for m in sorted(mounts, key=lambda m: (m.inside.count("/"), order[m.mode])):
        if m.mode == "tmpfs":
            cmd += [*parents(m.inside), "--perms", "1777", "--size", str(m.size)]
            cmd += ["--tmpfs", m.inside]
        else:
            cmd += [*parents(m.inside), "--ro-bind" if m.mode == "ro" else "--bind"]
            cmd += [m.host, m.inside]
    for k, v in env.items():
        cmd += ["--setenv", k, v]
    cmd += ["--chdir", cwd, "--", *limit_prefix(limits, uid if root else None), *argv]
    return cmd, None


# ---- size-limited folders on the grader's side (root only) ---------------------------------
_libc = ctypes.CDLL(None, use_errno=True)
MNT_DETACH = 2


def mount_tmpfs(path: Path, *, size: int, inodes: int, uid: int, mode: int) -> bool:
    """Mount a tmpfs of ``size`` bytes and ``inodes`` files on the empty folder ``path``,
    owned by ``uid``: a total limit the sandbox cannot exceed, emptied in bounded time, gone
    at once when unmounted. False where the grader may not mount (not root): the caller then
    falls back to a plain folder or to bubblewrap's ``--size``."""
    if os.geteuid() != 0:
        return False
    opts = f"size={size},nr_inodes={inodes},mode={mode:o},uid={uid},gid={uid}"
    flags = 0x2 | 0x4  # MS_NOSUID | MS_NODEV
    return _libc.mount(b"tmpfs", os.fsencode(path), b"tmpfs", flags, opts.encode()) == 0


def unmount_under(root: Path) -> None:
    """Detach every mount at or under ``root`` (deepest first), e.g. before removing it."""
    root_s = os.path.realpath(root)
    points = []
    with contextlib.suppress(OSError), open("/proc/self/mountinfo", "rb") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) > 4:
                point = parts[4].decode("unicode_escape", "replace")
                if point == root_s or point.startswith(root_s + "/"):
                    points.append(point)
    for point in sorted(set(points), key=len, reverse=True):
        _libc.umount2(os.fsencode(point), MNT_DETACH)
