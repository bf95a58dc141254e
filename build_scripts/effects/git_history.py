"""Git, the one place the build runs it: the data as it was at a revision (for `diff` and the Updates
page), without touching the work tree, and the latest commit's time (the build date)."""
from __future__ import annotations

import subprocess
from pathlib import Path

from build_scripts.data.loading import LoadedFile, parse_yaml
from build_scripts.data.migrations import migrate
from build_scripts.data.model import Briefing
from build_scripts.data.validation import validate
from build_scripts.errors import DataError, Problem


def _git(repo: Path, *args: str) -> bytes:
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True)
    if result.returncode != 0:
        raise DataError([Problem("git", 1, 1, "", result.stderr.decode(errors="replace").strip() or "git failed",
                                 "is the revision fetched? (a shallow clone may not have it)")])
    return result.stdout


def load_briefing_at(repo: Path, revision: str, data_dir: str = "data") -> Briefing:
    """The briefing of data_dir at revision, brought forward to today's schema (migrations.py) and read
    for what it held (the methodology's checks are today's, not the revision's); DataError if it did not
    validate then."""
    names = _git(repo, "ls-tree", "-r", "--name-only", revision, "--", data_dir).decode().split("\n")
    files: list[LoadedFile] = []
    problems: list[Problem] = []
    for name in sorted(n for n in names if n.endswith((".yaml", ".yml"))):
        result = parse_yaml(f"{revision[:10]}:{name}", _git(repo, "show", f"{revision}:{name}"))
        if isinstance(result, Problem):
            problems.append(result)
        else:
            files.append(result)
    for file in files:
        migrate(file.data)
    return validate(files, problems, trust=False)


def git_root(folder: Path) -> Path | None:
    """The repository holding folder, or None (asked of git only when a .git is there to find)."""
    if not any((parent / ".git").exists() for parent in (folder.resolve(), *folder.resolve().parents)):
        return None
    result = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=folder, capture_output=True, text=True)
    return Path(result.stdout.strip()) if result.returncode == 0 else None


def data_commits(repo: Path, data_dir: str, limit: int) -> list[tuple[str, int, str]]:
    """The latest commits that changed data_dir: (sha, commit time, subject), newest first."""
    out = _git(repo, "log", f"-n{limit}", "--format=%H%x09%ct%x09%s", "--", data_dir).decode()
    return [(sha, int(when), subject) for sha, when, subject in (line.split("\t", 2) for line in out.splitlines())]


def parent_of(repo: Path, sha: str) -> str | None:
    """The first parent, or None at the root of the history or of a shallow clone."""
    result = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{sha}^"], cwd=repo, capture_output=True,
                            text=True)
    return result.stdout.strip() or None


def commit_time(root: Path) -> str:
    """The latest commit's time (seconds since the epoch), or '0': one build date per commit (for the
    sitemap), so the same commit builds the same bytes."""
    result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True)
    return result.stdout.strip() or "0"
