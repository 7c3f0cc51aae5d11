"""ruff is clean over the whole repository (library, grader, scripts, tests, notebooks)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_ruff_check_is_clean():
    ruff = Path(sys.executable).with_name("ruff")
    run = subprocess.run([ruff, "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_ruff_format_is_clean():
    ruff = Path(sys.executable).with_name("ruff")
    run = subprocess.run([ruff, "format", "--check", "."], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_no_test_module_imports_conftest():
    """Several folders have a conftest.py; which one `import conftest` finds depends on the
    order of collection, so `pytest tests/browser tests/book` broke (see CONTRIBUTING)."""
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "tests").rglob("*.py")
        if any(
            line.startswith(("from conftest import", "import conftest"))
            for line in p.read_text(encoding="utf-8").splitlines()
        )
    ]
    assert offenders == []


def test_test_modules_have_unique_names():
    """The test folders are not packages: pytest imports each test module by its file name, so
    two test files with one name make the whole run stop at collection."""
    names: dict[str, list[str]] = {}
    for path in (ROOT / "tests").rglob("test_*.py"):
        if "node_modules" not in path.parts:
            names.setdefault(path.name, []).append(str(path.relative_to(ROOT)))
    assert {n: p for n, p in names.items() if len(p) > 1} == {}
