"""Collecting from folders, Moodle and Classroom zips, the exchange; hostile input is refused."""

from __future__ import annotations

import os
import zipfile

import fixturelib as F
import pytest
from grading_helpers import cli, release_nb, tree_digest

ROSTER = (
    "student_id,name,email,cohort,venue,lang\n"
    "s001,Siti Wulandari,siti@example.org,2026-A,Banjarmasin,id\n"
    "s002,Budi Santoso,budi@example.org,2026-A,Blitar,en\n"
    "s003,Dewi Lestari,,2026-B,Malang,id\n"
)


@pytest.fixture
def roster(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text(ROSTER)
    os.chmod(path, 0o600)
    return path


def nb_text(course, state="submitted-correct"):
    return F.student_notebook(release_nb(course), state)


def test_folder_collect_is_idempotent(course, tmp_path):
    usb = F.write_folder(
        tmp_path / "usb", release_nb(course), ["submitted-correct", "submitted-blank"]
    )
    rc, out, _ = cli("--course", course, "collect", F.AID, "--from", usb)
    assert rc == 0 and "collected 2" in out
    assert (course / "submitted" / "submitted-correct" / F.AID / "ps1.ipynb").is_file()
    assert (course / "submitted" / "submitted-correct" / F.AID / "timestamp.txt").is_file()
    before = tree_digest(course)
    rc, out, _ = cli("--course", course, "collect", F.AID, "--from", usb)
    assert rc == 0 and "collected 0" in out and "unchanged 2" in out
    assert tree_digest(course) == before


def test_existing_submission_not_overwritten_without_force(course, tmp_path):
    usb = F.write_folder(tmp_path / "usb", release_nb(course), ["submitted-correct"])
    assert cli("--course", course, "collect", F.AID, "--from", usb)[0] == 0
    target = usb / "submitted-correct" / "ps1.ipynb"
    target.write_text(nb_text(course, "submitted-blank"))
    before = tree_digest(course)
    rc, out, _ = cli("--course", course, "collect", F.AID, "--from", usb)
    assert rc == 0 and "--force" in out and tree_digest(course) == before
    rc, out, _ = cli("--course", course, "collect", F.AID, "--from", usb, "--force")
    assert rc == 0 and "replaced 1" in out
    got = (course / "submitted" / "submitted-correct" / F.AID / "ps1.ipynb").read_text()
    assert got == target.read_text()


def test_not_json_and_not_notebook_rejected_by_name(course, tmp_path):
    usb = F.write_folder(tmp_path / "usb", release_nb(course), ["submitted-correct"])
    (usb / "submitted-not-json").mkdir()
    (usb / "submitted-not-json" / "ps1.ipynb").write_text(F.not_json())
    (usb / "submitted-correct" / "notes.exe").write_bytes(b"MZ")
    rc, out, _ = cli("--course", course, "collect", F.AID, "--from", usb)
    assert rc == 1
    assert "submitted-not-json/ps1.ipynb: not valid notebook JSON" in out
    assert "notes.exe: not a notebook" in out
    assert not (course / "submitted" / "submitted-not-json").exists()
    assert (course / "submitted" / "submitted-correct").is_dir()


def test_oversized_notebook_rejected(course, tmp_path):
    usb = tmp_path / "usb"
    (usb / "big").mkdir(parents=True)
    nb = F.as_json(nb_text(course))
    nb["cells"][0]["source"] = "x" * 200_000
    import json

    (usb / "big" / "ps1.ipynb").write_text(json.dumps(nb))
    (usb / "small").mkdir()
    (usb / "small" / "ps1.ipynb").write_text(nb_text(course))
    rc, out, _ = cli("--course", course, "collect", F.AID, "--from", usb, "--max-mb", "0.1")
    assert rc == 1 and "larger than 0.1 MB" in out and "ps1.ipynb" in out


def test_moodle_zip_with_roster_and_duplicates(course, tmp_path, roster):
    z = tmp_path / "moodle.zip"
    entries = {
        "Siti Wulandari_1001_assignsubmission_file_/ps1.ipynb": nb_text(course),
        "Budi Santoso_1002_assignsubmission_file_/ps1.ipynb": nb_text(course, "submitted-blank"),
        "Orang Asing_1009_assignsubmission_file_/ps1.ipynb": nb_text(course),
    }
    data = F.zip_bytes(entries)
    # a later, second upload by Budi in another zip member with a newer timestamp
    newer = F.zip_bytes(
        {
            "Budi Santoso_1002_assignsubmission_file_/ps1 (1).ipynb": nb_text(
                course, "submitted-partial"
            )
        },
        date=(2026, 11, 21, 9, 0, 0),
    )
    with zipfile.ZipFile(z, "w") as out_zip:
        for blob in (data, newer):
            import io

            with zipfile.ZipFile(io.BytesIO(blob)) as src:
                for info in src.infolist():
                    out_zip.writestr(info, src.read(info))
    rc, out, err = cli("--course", course, "collect", F.AID, "--from", z, "--roster", roster)
    assert rc == 1, out + err  # one unknown student
    assert sorted(p.name for p in (course / "submitted").iterdir()) == ["s001", "s002"]
    assert "Moodle participant 1009" in out and "Orang" not in out + err
    assert "DUPLICATE s002/ps1.ipynb: kept the latest" in out
    got = (course / "submitted" / "s002" / F.AID / "ps1.ipynb").read_text()
    assert got == nb_text(course, "submitted-partial")


def test_classroom_zip_files_and_folders(course, tmp_path, roster):
    z = tmp_path / "classroom.zip"
    z.write_bytes(
        F.zip_bytes(
            {
                "ps1/Siti Wulandari - ps1.ipynb": nb_text(course),
                "ps1/Budi Santoso/ps1.ipynb": nb_text(course, "submitted-blank"),
                "__MACOSX/._junk": b"junk",
            }
        )
    )
    rc, out, err = cli("--course", course, "collect", F.AID, "--from", z, "--roster", roster)
    assert rc == 0, out + err
    assert sorted(p.name for p in (course / "submitted").iterdir()) == ["s001", "s002"]


def test_exchange(course, tmp_path):
    exchange = tmp_path / "exchange"
    inbound = exchange / "etika-test" / "inbound"
    sub = inbound / "s003+ps1+2026-11-20 10:00:00.000000 UTC+abc"
    sub.mkdir(parents=True)
    (sub / "ps1.ipynb").write_text(nb_text(course))
    (sub / "incomes.csv").write_text("released data file, ignored")
    (sub / "timestamp.txt").write_text("2026-11-20 10:00:00.000000 UTC")
    with open(course / "nbgrader_config.py", "a") as fh:
        fh.write(f"c.Exchange.root = {str(exchange)!r}\n")
    rc, out, err = cli("--course", course, "collect", F.AID, "--from", "exchange")
    assert rc == 0, out + err
    assert (course / "submitted" / "s003" / F.AID / "ps1.ipynb").read_text() == nb_text(course)


def _hostile(course, tmp_path, name, entries, **kw):
    z = tmp_path / name
    z.write_bytes(F.zip_bytes(entries, **kw))
    before = tree_digest(course)
    rc, out, err = cli("--course", course, "collect", F.AID, "--from", z)
    assert rc == 2 and out == ""
    assert tree_digest(course) == before
    assert "Traceback" not in err
    return err


def test_zip_slip_refused(course, tmp_path):
    err = _hostile(
        course,
        tmp_path,
        "zip-slip.zip",
        {"s001/ps1.ipynb": nb_text(course), "../../evil.ipynb": nb_text(course)},
    )
    assert "zip-slip.zip" in err and "'../../evil.ipynb'" in err and "zip slip" in err
    assert not (tmp_path.parent / "evil.ipynb").exists()


def test_absolute_path_refused(course, tmp_path):
    err = _hostile(course, tmp_path, "abs.zip", {"/etc/cron.d/x.ipynb": nb_text(course)})
    assert "/etc/cron.d/x.ipynb" in err


def test_symlink_in_zip_refused(course, tmp_path):
    err = _hostile(
        course,
        tmp_path,
        "link.zip",
        {"s001/ps1.ipynb": "/etc/passwd"},
        symlinks=("s001/ps1.ipynb",),
    )
    assert "symbolic link" in err and "s001/ps1.ipynb" in err


def test_symlink_in_folder_refused(course, tmp_path):
    usb = tmp_path / "usb" / "s001"
    usb.mkdir(parents=True)
    (usb / "ps1.ipynb").symlink_to("/etc/passwd")
    before = tree_digest(course)
    rc, _, err = cli("--course", course, "collect", F.AID, "--from", usb.parent)
    assert rc == 2 and "symbolic link" in err and "ps1.ipynb" in err
    assert tree_digest(course) == before


def test_zip_bomb_refused(course, tmp_path):
    err = _hostile(course, tmp_path, "bomb.zip", {"s001/ps1.ipynb": b"0" * (60 * 1024 * 1024)})
    assert "zip bomb" in err and "bomb.zip" in err


def test_zip_lying_about_size_refused(course, tmp_path):
    z = tmp_path / "liar.zip"
    z.write_bytes(F.zip_bytes({"s001/ps1.ipynb": nb_text(course)}))
    raw = bytearray(z.read_bytes())
    with zipfile.ZipFile(z) as zf:
        info = zf.infolist()[0]
    # shrink the declared size in the central directory
    cd = raw.rfind(b"PK\x01\x02")
    raw[cd + 24 : cd + 28] = (10).to_bytes(4, "little")
    z.write_bytes(bytes(raw))
    before = tree_digest(course)
    rc, _, err = cli("--course", course, "collect", F.AID, "--from", z)
    assert rc == 2 and tree_digest(course) == before and info.filename in err
