"""House rules checked with the tests, so one pytest run is the verdict: lint and types."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = BIN / name
    if found.exists():
        return str(found)
    located = shutil.which(name)
    assert located, f"{name} is part of the test extra: pip install -e '.[test]'"
    return located


def test_the_code_is_ruff_clean() -> None:
    done = subprocess.run([_tool("ruff"), "check", "game", "tests", "benchmarks", "main.py"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_code_type_checks() -> None:
    done = subprocess.run([_tool("mypy"), "game"], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr


def _pinned(name: str) -> str:
    """The version of `name` pinned in pyproject.toml's test extra."""
    import re

    # Read as text: tomllib is not in Python 3.10.
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    found = re.search(rf'^\s*"{name}==([^"]+)"', text, re.MULTILINE)
    assert found, f"{name} is not pinned with == in the test extra"
    return found.group(1)


def test_the_linters_that_run_are_the_pinned_ones() -> None:
    # A new ruff or mypy release brings new rules: the suite must judge the code, not the
    # day it runs. Install the pins with: pip install -e '.[test]'
    for name in ("ruff", "mypy"):
        done = subprocess.run([_tool(name), "--version"], capture_output=True, text=True,
                              timeout=60)
        assert _pinned(name) in done.stdout.split(), (name, done.stdout)
