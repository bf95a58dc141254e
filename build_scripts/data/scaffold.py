"""`python -m build_scripts new PATH`: a minimal, valid briefing to start from (briefing, sources, events),
each file with comments on its fields and a schema reference that is right for the folder's depth."""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path

TEMPLATES = Path(__file__).parent / "scaffold"
SCHEMA = Path(__file__).resolve().parents[2] / "schema" / "briefing.schema.json"


class ScaffoldRefused(Exception):
    """The folder already holds data: nothing is overwritten."""


def scaffold_files(folder: Path, today: date) -> dict[str, str]:
    """The new briefing's files, by name (pure)."""
    schema = Path(os.path.relpath(SCHEMA, folder.resolve())).as_posix()
    values = {"schema": schema, "today": today.isoformat(), "month": today.isoformat()[:7], "year": str(today.year)}
    return {path.name: path.read_text(encoding="utf-8").format(**values) for path in sorted(TEMPLATES.glob("*.yaml"))}


def write_scaffold(folder: Path, today: date) -> list[Path]:
    """Write the files into a new (or empty) folder; refuse to touch one that holds anything."""
    if folder.exists() and any(folder.iterdir()):
        raise ScaffoldRefused(f"{folder} is not empty: choose a new folder for the new briefing")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in scaffold_files(folder, today).items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written
