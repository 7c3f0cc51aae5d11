"""Each chapter notebook runs as a trainer runs it: in a real kernel, with the live widgets.

The book build already runs every notebook in static mode; this runs them the other way
(``ETIKA_STATIC`` unset, as in JupyterLab), in a fresh kernel each, and holds them to the
budget of a weak workshop laptop: 20 s and 1 GB.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]  # the repository (see CONTRIBUTING: Tests)


def is_notebook(path) -> bool:
    """A MyST notebook: front matter that declares a kernel."""
    text = path.read_text(encoding="utf-8")
    return text.startswith("---") and "kernelspec:" in text.split("---", 2)[1]


NOTEBOOKS = sorted(
    p.relative_to(ROOT).as_posix() for p in (ROOT / "book").rglob("*.md") if is_notebook(p)
)

RUNNER = r"""
import os, sys, time, resource
import jupytext
from nbclient import NotebookClient
nb = jupytext.read(sys.argv[1])
began = time.perf_counter()
NotebookClient(nb, timeout=60, kernel_name="python3",
               resources={"metadata": {"path": os.path.dirname(sys.argv[1])}}).execute()
elapsed = time.perf_counter() - began
# the kernel is a child of this process and has exited: its peak memory is in RUSAGE_CHILDREN
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"{elapsed:.2f} {peak_kb}")
"""


# Every notebook in English; the chapter notebooks, whose demos print UI strings, in Indonesian too.
CASES = [(nb, "en") for nb in NOTEBOOKS] + [
    (nb, "id") for nb in NOTEBOOKS if "/bias/" in nb or "/mitigation/" in nb
]


@pytest.mark.slow
@pytest.mark.parametrize(("notebook", "lang"), CASES)
def test_notebook_runs_in_a_kernel_within_budget(notebook, lang):
    env = {k: v for k, v in os.environ.items() if k != "ETIKA_STATIC"}
    env["ETIKA_LANG"] = lang
    began = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-c", RUNNER, str(ROOT / notebook)],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    elapsed, peak_kb = run.stdout.split()[-2:]
    assert float(elapsed) <= 20, f"{notebook} took {elapsed} s to execute"
    assert int(peak_kb) <= 1024 * 1024, f"{notebook} kernel peaked at {int(peak_kb) // 1024} MB"
    assert time.perf_counter() - began < 60
