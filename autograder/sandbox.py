"""Run one untrusted (or untrusting) process inside a bubblewrap sandbox with hard limits.

The sandbox sees a read-only system (``/usr``, ``/etc``, the Python installation, the venv and
the two course packages), a private ``/tmp``, no network, no other process, and exactly the
directories the caller binds. It runs as an unprivileged uid (no capabilities), so the process
limits hold: address space, processes, file size, CPU time. Where bubblewrap is missing, grading
refuses unless ``--unsafe-no-sandbox`` is given: then the same limits apply, nothing else.
"""

from __future__ import annotations

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


@dataclass(frozen=True)
class Limits:
    memory_mb: int = 1024  # address space per process (RLIMIT_AS)
    processes: int = 64  # per sandbox uid (RLIMIT_NPROC)
    file_mb: int = 64  # largest file written (RLIMIT_FSIZE)
    output_kb: int = 256  # captured output kept per cell (the rest is dropped)
    cpu_seconds: int = 600  # hard CPU cap per process (RLIMIT_CPU)


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


def _package_dirs() -> list[str]:
    out = []
    for name in ("autograder", "etika"):
        spec = importlib.util.find_spec(name)
        if spec and spec.submodule_search_locations:
            out.extend(str(Path(p).resolve()) for p in spec.submodule_search_locations)
    return out


def _system_ro() -> list[str]:
    paths = ["/usr", "/etc", sys.prefix, sys.base_prefix, *_package_dirs()]
    real = os.path.realpath(sys.executable)
    paths.append(str(Path(real).parent.parent))
    out: list[str] = []
    for p in paths:
        p = os.path.realpath(p)
        if os.path.exists(p) and p not in out:
            out.append(p)
    # parents first, so a nested bind is not hidden by its parent's bind
    return sorted(out, key=lambda s: s.count("/"))


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


def env_for(home: str) -> dict[str, str]:
    bindir = os.path.dirname(PYTHON)
    return {
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


def command(
    argv: list[str],
    *,
    bwrap: str | None,
    limits: Limits,
    uid: int,
    rw: list[str],
    ro: list[str] = (),
    tmpfs: list[tuple[str, int]] = (),
    cwd: str,
    home: str,
    as_pid1: bool = False,
) -> tuple[list[str], dict[str, str] | None]:
    """The full command line (and environment) running ``argv`` sandboxed and limited."""
    env = env_for(home)
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
    cmd += ["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--chmod", "1777", "/tmp"]
    cmd += ["--perms", "1777", "--size", str(64 * 1024 * 1024), "--tmpfs", "/dev/shm"]
    for p in _system_ro():
        cmd += [*parents(p), "--ro-bind", p, p]
    for link, target in (("/bin", "usr/bin"), ("/lib", "usr/lib"), ("/lib64", "usr/lib64")):
        if os.path.islink(link):
            cmd += ["--symlink", target, link]
        elif os.path.isdir(link):
            cmd += ["--ro-bind", link, link]
    for p in ro:
        cmd += [*parents(p), "--ro-bind", p, p]
    for p in rw:
        cmd += [*parents(p), "--bind", p, p]
    for p, size in tmpfs:
        cmd += [*parents(p), "--perms", "1777", "--size", str(size), "--tmpfs", p]
    for k, v in env.items():
        cmd += ["--setenv", k, v]
    cmd += ["--chdir", cwd, "--", *limit_prefix(limits, uid if root else None), *argv]
    return cmd, None
