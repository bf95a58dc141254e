"""Reading the data as it was at a git revision (for `diff`), without touching the work tree."""
from __future__ import annotations

import subprocess
from pathlib import Path

from .errors import DataError, Problem
from .loading import parse_yaml
from .model import Briefing
from .validation import validate


def _git(repo: Path, *args: str) -> bytes:
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True)
    if result.returncode != 0:
        raise DataError([Problem("git", 1, 1, "", result.stderr.decode(errors="replace").strip() or "git failed",
                                 "is the revision fetched? (a shallow clone may not have it)")])
    return result.stdout


def load_briefing_at(repo: Path, revision: str, data_dir: str = "data") -> Briefing:
    """The validated briefing of data_dir at revision; DataError if it did not validate then."""
    names = _git(repo, "ls-tree", "-r", "--name-only", revision, "--", data_dir).decode().split("\n")
    files, problems = [], []
    for name in sorted(n for n in names if n.endswith((".yaml", ".yml"))):
        result = parse_yaml(f"{revision[:10]}:{name}", _git(repo, "show", f"{revision}:{name}"))
        (problems if isinstance(result, Problem) else files).append(result)
    return validate(files, problems)
