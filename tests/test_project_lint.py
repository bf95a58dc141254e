"""The code passes the checkers the project chose: ruff (pyproject.toml: ruff's defaults, lines of at most 120
characters, whitespace, sorted imports) and mypy (pyproject.toml's [tool.mypy])."""
from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import ROOT


def test_ruff_finds_nothing():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "build_scripts", "tests", "tools"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.lint  # the slowest test outside a site build: `make test` runs it, `make test-fast` does not
def test_mypy_finds_nothing():
    """The files and the settings are pyproject's; no cache, so the answer never depends on an earlier run."""
    result = subprocess.run([sys.executable, "-m", "mypy", "--no-incremental", "--cache-dir", "/dev/null"],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
