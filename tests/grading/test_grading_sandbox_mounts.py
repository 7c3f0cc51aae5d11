"""What a sandbox is given: private, size-limited /tmp; binds at neutral paths only."""

from __future__ import annotations

from autograder import sandbox


def _cmd(monkeypatch, mounts=(), limits=None):
    monkeypatch.setattr(
        sandbox, "_system_ro", lambda: [("/usr", "/usr"), ("/tmp/clone/.venv", "/opt/etika/venv")]
    )
    cmd, _ = sandbox.command(
        ["python", "-c", "pass"],
        bwrap="/usr/bin/bwrap",
        limits=limits or sandbox.Limits(),
        uid=65534,
        mounts=list(mounts),
        cwd="/etika/work",
        home="/etika/work",
    )
    return cmd


def test_private_tmp_is_mounted_before_the_read_only_system(monkeypatch):
    cmd = _cmd(monkeypatch, [sandbox.Mount("/etika/work", "/tmp/clone/work", "rw")])
    tmpfs_at = [i for i, arg in enumerate(cmd) if arg == "--tmpfs" and cmd[i + 1] == "/tmp"]
    venv_at = [
        i for i, arg in enumerate(cmd) if arg == "--ro-bind" and cmd[i + 1].startswith("/tmp/")
    ]
    assert tmpfs_at and venv_at
    assert tmpfs_at[0] < min(venv_at), "a bind under /tmp would be hidden by the tmpfs"


def test_tmp_and_shm_have_a_total_size(monkeypatch):
    cmd = _cmd(monkeypatch, limits=sandbox.Limits(tmp_mb=32))
    for where, mb in (("/tmp", 32), ("/dev/shm", 32)):
        at = next(i for i, arg in enumerate(cmd) if arg == "--tmpfs" and cmd[i + 1] == where)
        assert cmd[at - 2 : at] == ["--size", str(mb * sandbox.MB)], where


def test_binds_appear_at_neutral_paths_only(monkeypatch):
    host = "/srv/course/.autograder/grade-x/slot-1/a-ps1/xchg"
    cmd = _cmd(monkeypatch, [sandbox.Mount("/etika/xchg", host, "rw")])
    at = cmd.index(host)
    assert cmd[at - 1 : at + 2] == ["--bind", host, "/etika/xchg"]
    assert "/tmp/clone/.venv" in cmd and cmd[cmd.index("/tmp/clone/.venv") + 1] == "/opt/etika/venv"
    # a host path appears only as the source of a bind, never as what the process is told
    after = cmd[cmd.index("--chdir") :]
    assert not any("/srv/course" in arg or "/tmp/clone" in arg for arg in after)


def test_view_maps_host_paths_inside_and_refuses_others():
    view = sandbox.View([sandbox.Mount("/etika/in", "/srv/c/slot-0/in")], sandboxed=True)
    assert view("/srv/c/slot-0/in/plan.json") == "/etika/in/plan.json"
    assert view("/srv/c/slot-0/in") == "/etika/in"
    try:
        view("/srv/c/slot-0/input")
    except ValueError:
        pass
    else:
        raise AssertionError("a path outside every bind must not be given to a sandbox")
    assert sandbox.View([], sandboxed=False)("/srv/c/x") == "/srv/c/x"
