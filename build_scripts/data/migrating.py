"""`make migrate`: a data folder brought forward to today's schema in place, and how `make check` knows
that it needs to be. The files are read and written as ruamel.yaml round-trip nodes (comments, order and
layout kept; only what a step adds or moves changes), every file is migrated before any is written, and
each is written atomically. What only a person can supply is left as a `TODO: …` placeholder."""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from build_scripts.data.loading import format_path
from build_scripts.data.migrations import CURRENT, VERSIONS, Target, migrate, schema_version, used_codes
from build_scripts.effects.writing import round_trip_yaml, write_file
from build_scripts.errors import DataError, Problem


def _declare_version(data: CommentedMap, to: Target) -> None:
    briefing = data.get("briefing")
    if isinstance(briefing, CommentedMap) and schema_version(data) != CURRENT:
        if "schema_version" in briefing:
            briefing["schema_version"] = CURRENT
            to.changes.append((("briefing", "schema_version"), f"set to {CURRENT}"))
        else:
            briefing.insert(0, "schema_version", CURRENT)
            to.changes.append((("briefing", "schema_version"), f"added: {CURRENT} ({VERSIONS[CURRENT]})"))


def _line(document: CommentedMap, path: tuple) -> int:
    """The line (from 1) of the deepest node on path that is in the file (read before a step moves it)."""
    node, line = document, 1
    for part in ((), *path):
        try:
            node = node[part] if part != () else node
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, (CommentedMap, CommentedSeq)) and getattr(node.lc, "line", None) is not None:
            line = node.lc.line + 1
    return line


def _new_mapping(pairs: list) -> CommentedMap:
    return CommentedMap(pairs)


@dataclass
class Migrated:
    path: Path
    text: str
    changes: list[str]


def _load(yaml: YAML, path: Path, label: str) -> object:
    """A file's round-trip nodes; a file that does not parse stops the migration before anything is written."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"))
    except (YAMLError, UnicodeDecodeError) as err:
        mark = getattr(err, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        raise DataError([Problem(f"{label}/{path.name}", line, column, "", "the file cannot be read as YAML, so "
                                 "nothing was migrated", "fix it first (make check says what is wrong)")]) from err


def migrate_folder(data_dir: Path, label: str) -> list[Migrated]:
    """Every YAML file of the folder brought forward (nothing written): the files that changed."""
    yaml = round_trip_yaml()
    paths = sorted(data_dir.glob("*.yaml")) + sorted(data_dir.glob("*.yml"))
    documents = {path: _load(yaml, path, label) for path in paths}
    used = used_codes(d for d in documents.values() if isinstance(d, dict))
    out = []
    for path, document in documents.items():
        if not isinstance(document, CommentedMap):
            continue
        lines = {p: _line(document, p) for p in _paths(document)}
        to = migrate(document, Target(ask=True, used=used, new=_new_mapping))
        _declare_version(document, to)
        if to.changes:
            text = io.StringIO()
            yaml.dump(document, text)
            name = f"{label}/{path.name}"
            located = sorted(((lines.get(p[:-1]) or _line(document, p[:-1]), format_path(p), why)
                              for p, why in to.changes), key=lambda change: change[0])
            out.append(Migrated(path, text.getvalue(), [f"{name}:{line}: {field}: {why}"
                                                        for line, field, why in located]))
    return out


def _paths(document: CommentedMap) -> list[tuple]:
    """The parents of what a step may add (their lines are read before the step moves anything)."""
    found: list[tuple] = [("briefing",), ("briefing", "codebook")]
    for index, source in enumerate(document.get("sources") or []):
        found.append(("sources", index, "read_via"))
    for index, conflict in enumerate(document.get("conflicts") or []):
        found += [("conflicts", index, "positions", n) for n in range(len(conflict.get("positions") or []))]
    return found


def write_migrated(migrated: list[Migrated]) -> None:
    for item in migrated:
        write_file(item.path, item.text)
