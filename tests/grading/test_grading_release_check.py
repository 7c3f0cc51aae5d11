"""`autograder release` grades the source's solutions and the blank release first (issue 12,
goal 3): it refuses, naming the notebook, the part and the reason, unless the solutions get full
marks and the blank gets 0; `--release-anyway` releases all the same, loudly."""

from __future__ import annotations

import assignments as A
import builder as B
import harness as H
import pytest

pytestmark = pytest.mark.slow


def _course(tmp_path, a):
    return B.make_course(tmp_path / "course", [a])


def test_release_refuses_when_the_solutions_do_not_get_full_marks(tmp_path):
    root = _course(tmp_path, A.BY_NAME["records"])
    rc, out, err = H.cli("--course", root, "release", "records")
    assert rc == 2, out + err
    assert "records.ipynb, part point_equal: the solutions get 0 of 1 points" in err
    assert "a Point object was compared" in err  # the reason: == is not asked of the learner
    assert "--release-anyway" in err
    assert not (root / "bundles" / "records.zip").exists()
    rc, out, err = H.cli("--course", root, "release", "records", "--release-anyway")
    assert rc == 0, out + err
    assert "WARNING (released anyway): records.ipynb, part point_equal" in out
    assert (root / "bundles" / "records.zip").exists()


def test_release_accepts_a_learners_class_graded_through_references(tmp_path):
    root = _course(tmp_path, A.BY_NAME["objects"])
    rc, out, err = H.cli("--course", root, "release", "objects")
    assert rc == 0, out + err
    assert (root / "bundles" / "objects.zip").exists()


def test_release_refuses_a_test_that_the_blank_release_passes(tmp_path):
    a = A.ps1(5)
    a.parts[0].tests[0].source = "assert True  # forgot the real test"
    root = _course(tmp_path, a)
    rc, out, err = H.cli("--course", root, "release", a.name)
    assert rc == 2, out + err
    assert f"{a.name}.ipynb, part correct_squares: the blank release gets 1 points" in err
