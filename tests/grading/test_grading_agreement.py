"""Per grade cell, `autograder grade` gives what stock `nbgrader autograde` gives (issue 12).

The corpus (``corpus/assignments.py``: eleven assignments, six state-named submissions each) is
graded once per session by both on identical copies (``corpus/harness.py``). Each grade cell of
each honest submission is one test: equal to stock, or, where the sealed boundary cannot yet
carry what the test uses, a strict xfail naming why (``corpus/known.py``), so each fix flips
one. A forging submission never gets more than an honest one would: that one has no xfail.
``benchmarks/agreement.py`` prints the same table.
"""

from __future__ import annotations

import assignments as A
import builder as B
import harness as H
import pytest
from known import KNOWN

pytestmark = pytest.mark.slow


def _cells(a: A.Assignment) -> list[str]:
    out = []
    for p in a.parts:
        if p.manual_points:
            out.append(p.answer_id)
        out += [t.grade_id for t in p.tests]
    return out


def _cases():
    for a in A.ALL:
        for state in B.STATES:
            for cell in _cells(a):
                why = KNOWN.get((a.name, state, cell))
                marks = [pytest.mark.xfail(strict=True, reason=why)] if why else []
                yield pytest.param(
                    a.name, state, cell, marks=marks, id=f"{a.name}-{state[10:]}-{cell}"
                )


HONEST = [s for s in B.STATES if s != "submitted-forging"]


@pytest.mark.parametrize("aid,state,cell", [c for c in _cases() if c.values[1] in HONEST])
def test_cell_agrees_with_stock(agreement, aid, state, cell):
    row = agreement["rows"][(aid, state, cell)]
    assert row.ours == row.stock, f"stock {row.stock}, ours {row.ours} ({row.kind})"


@pytest.mark.parametrize(
    "aid,cell",
    [(a.name, c) for a in A.ALL for c in _cells(a)],
    ids=lambda v: str(v),
)
def test_forging_never_beats_honest(agreement, aid, cell):
    row = agreement["rows"][(aid, "submitted-forging", cell)]
    assert (row.ours or 0.0) <= row.cap, f"forged {row.ours} > honest {row.cap} ({row.kind})"


def test_the_corpus_means_what_it_says(agreement):
    """Stock nbgrader, the reference: solutions get full marks, blanks get 0."""
    for a in A.ALL:
        got = H.scores(agreement["stock"], a.name)
        tests = {t.grade_id: t.points for t in a.tests()}
        for state in ("submitted-correct", "submitted-alternative-correct"):
            assert {g: got[state][g] for g in tests} == tests, (a.name, state)
        assert all(v == 0 for v in got["submitted-blank"].values()), a.name
        partial = sum(got["submitted-partial"][g] for g in tests)
        assert 0 < partial < sum(tests.values()), a.name
        assert sum(got["submitted-erroring"][g] for g in tests) < sum(tests.values()), a.name


def test_no_stale_known_disagreement():
    names = {(a.name, s, c) for a in A.ALL for s in B.STATES for c in _cells(a)}
    assert set(KNOWN) <= names


@pytest.fixture(scope="session")
def cold_one_job(agreement, tmp_path_factory):
    """A part of the corpus again with --jobs 1 --cold: the same points as warm --jobs 2."""
    chosen = [A.BY_NAME["ps1_v40"], A.BY_NAME["effects"]]
    root = H.prepare(tmp_path_factory.mktemp("cold") / "ours", chosen)
    H.grade_ours(root, chosen, jobs=1, cold=True)
    return root, chosen


def test_cold_single_job_grades_as_warm(agreement, cold_one_job):
    root, chosen = cold_one_job
    for a in chosen:
        assert H.scores(root, a.name) == H.scores(agreement["root"], a.name), a.name
