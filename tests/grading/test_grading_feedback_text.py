"""Feedback reads as learners need it: parts by their titles, and no request leaves the page."""

from __future__ import annotations

from pathlib import Path

from autograder.course import Course
from autograder.feedback import REMOTE_SCRIPT, localise, part_titles

EXERCISES = Path(__file__).resolve().parents[2] / "exercises"


def test_parts_are_named_by_their_headings_in_both_languages():
    titles = part_titles(Course.open(EXERCISES), "bias")
    assert titles[("bias", "part1_tests")] == {
        "en": "Part 1: selection rates",
        "id": "Bagian 1: tingkat seleksi",
    }
    graded = {key[1] for key in titles}
    assert {"part1_tests", "part4_tests", "reflection_answer"} <= graded
    assert all("points" not in t["en"] and "poin" not in t["id"] for t in titles.values())


def test_feedback_page_loads_nothing_from_outside():
    page = (
        "<html><head><script src='https://cdnjs.cloudflare.com/ajax/libs/mathjax/latest.js'>"
        "</script><script>var local = 1;</script></head><body><p>x</p></body></html>"
    )
    out = localise(page, "id", "<section>summary</section>")
    assert "cdnjs" not in out and "var local = 1" in out
    assert out.index("<section>summary</section>") > out.index("<body>")
    assert '<html lang="id">' in out
    assert REMOTE_SCRIPT.search('<script src="//cdn.example/x.js"></script>')
