"""Bad input: non-zero exit, a message naming the file and the fix, nothing changed."""

from __future__ import annotations

import fixturelib as F
import pytest
from grading_helpers import cli, tree_digest


def check(course, *args, expect):
    before = tree_digest(course)
    rc, out, err = cli(*args)
    assert rc == 2, out + err
    assert "Traceback" not in err
    assert "how to fix" in err
    for text in expect:
        assert text in err, err
    assert tree_digest(course) == before
    return err


def test_missing_course(tmp_path, course):
    check(course, "--course", tmp_path / "nowhere", "status", expect=["nowhere", "--course"])


def test_course_without_config(tmp_path, course):
    (tmp_path / "empty").mkdir()
    check(course, "--course", tmp_path / "empty", "status", expect=["nbgrader_config.py"])


def test_broken_config(graded):
    (graded / "nbgrader_config.py").write_text("c = get_config(\n")
    check(graded, "--course", graded, "status", expect=["nbgrader_config.py", "syntax"])


@pytest.mark.parametrize("verb", ["release", "grade", "feedback"])
def test_unknown_assignment(graded, verb):
    check(graded, "--course", graded, verb, "ps9", expect=["unknown assignment 'ps9'", "ps1"])


def test_unknown_assignment_collect(graded, tmp_path):
    check(
        graded,
        "--course",
        graded,
        "collect",
        "ps9",
        "--from",
        tmp_path,
        expect=["unknown assignment 'ps9'"],
    )


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        ("id,name\n1,A\n", "no student_id column"),
        ("student_id,name\ns1,A\ns1,B\n", "duplicate student_id 's1'"),
        ("student_id,name\ns 1,A\n", "invalid student_id"),
        ("student_id,lang\ns1,fr\n", "lang must be"),
        ("student_id,name\ns1,A,extra\n", "more fields than the header"),
    ],
)
def test_broken_roster(graded, tmp_path, text, expect):
    roster = tmp_path / "roster.csv"
    roster.write_text(text)
    check(
        graded,
        "--course",
        graded,
        "collect",
        F.AID,
        "--from",
        tmp_path,
        "--roster",
        roster,
        expect=[str(roster), expect],
    )


def test_roster_not_utf8(graded, tmp_path):
    roster = tmp_path / "roster.csv"
    roster.write_bytes(b"student_id,name\ns1,\xff\xfe\n")
    check(graded, "--course", graded, "export", "--roster", roster, expect=[str(roster), "UTF-8"])


def test_wrong_zip_layout(graded, tmp_path):
    z = tmp_path / "wrong.zip"
    z.write_bytes(F.zip_bytes({"a/b/c/d.txt": "x", "readme.md": "y"}))
    check(graded, "--course", graded, "collect", F.AID, "--from", z, expect=["wrong.zip", "Moodle"])


def test_not_a_zip(graded, tmp_path):
    bad = tmp_path / "download.zip"
    bad.write_text("not a zip")
    check(graded, "--course", graded, "collect", F.AID, "--from", bad, expect=["download.zip"])


def test_missing_source(graded, tmp_path):
    check(
        graded,
        "--course",
        graded,
        "collect",
        F.AID,
        "--from",
        tmp_path / "nope.zip",
        expect=["nope.zip"],
    )


def test_grade_unknown_student(graded):
    check(graded, "--course", graded, "grade", F.AID, "nobody", expect=["nobody", "collect"])


def test_collect_before_release(released_template, tmp_path):
    import shutil

    course = tmp_path / "c"
    shutil.copytree(released_template, course)
    shutil.rmtree(course / "release")
    check(
        course,
        "--course",
        course,
        "collect",
        F.AID,
        "--from",
        tmp_path,
        expect=["has not been released", "autograder release ps1"],
    )


@pytest.mark.parametrize(
    ("argv", "students", "force"),
    [
        (["grade", "bias", "S1", "S2"], ["S1", "S2"], False),
        (["grade", "bias", "--force", "S1", "S2"], ["S1", "S2"], True),
        (["grade", "bias", "S1", "--force", "S2"], ["S1", "S2"], True),
    ],
)
def test_student_ids_may_follow_options(argv, students, force):
    from autograder.cli import parse

    args = parse(argv)
    assert (args.assignment, args.students, args.force) == ("bias", students, force)
    args = parse(["feedback", "bias", "--roster", "r.csv", "S1"])
    assert (args.students, args.roster) == (["S1"], "r.csv")
    args = parse(["export", "--roster", "r.csv", "bias", "--pseudonymise", "ps1"])
    assert (args.assignments, args.pseudonymise) == (["bias", "ps1"], True)


def test_unknown_option_is_still_an_error(capsys):
    from autograder.cli import parse

    with pytest.raises(SystemExit) as exc:
        parse(["grade", "bias", "S1", "--forse"])
    assert exc.value.code == 2
    assert "unrecognized arguments: --forse" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        parse(["status", "extra"])  # a verb without students takes no ids
