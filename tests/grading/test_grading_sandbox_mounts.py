"""The sandbox's private /tmp never hides the Python it runs (a clone under /tmp, as in CI)."""

from __future__ import annotations

from autograder import sandbox


def test_private_tmp_is_mounted_before_the_read_only_system(monkeypatch):
    monkeypatch.setattr(sandbox, "_system_ro", lambda: ["/usr", "/tmp/clone/.venv"])
    cmd, _ = sandbox.command(
        ["python", "-c", "pass"],
        bwrap="/usr/bin/bwrap",
        limits=sandbox.Limits(),
        uid=65534,
        rw=["/tmp/clone/work"],
        cwd="/tmp/clone/work",
        home="/tmp/clone/work",
    )
    tmpfs_at = [i for i, arg in enumerate(cmd) if arg == "--tmpfs" and cmd[i + 1] == "/tmp"]
    venv_at = [
        i for i, arg in enumerate(cmd) if arg == "--ro-bind" and cmd[i + 1].startswith("/tmp/")
    ]
    assert tmpfs_at and venv_at
    assert tmpfs_at[0] < min(venv_at), "a bind under /tmp would be hidden by the tmpfs"
