"""Loading: the only code that reads data files.

YAML is parsed event by event so that every value keeps its line and column, nothing is
guessed (every scalar stays text until the model parses it), and hostile files are refused
early: anchors and aliases, explicit tags, duplicate keys, deep nesting and huge files.
"""
from __future__ import annotations

import difflib
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from build_scripts.errors import Problem

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 20
Path_ = tuple[str | int, ...]  # a location inside a file: ('events', 3, 'date')

_Loader: type[yaml.CSafeLoader | yaml.SafeLoader]
try:  # libyaml is much faster; fall back to the pure-Python parser
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


@dataclass
class LoadedFile:
    """One data file: its top-level mapping and where each value stood in it."""

    name: str
    data: dict
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    digest: str = ""

    def where(self, path: Path_) -> tuple[int, int]:
        """Line and column of the value at path, or of its nearest enclosing value."""
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def problem(self, path: Path_, message: str, hint: str = "", severity: str = "error", code: str = "") -> Problem:
        """A problem with the value at path, located in this file (code: a warning's, coded('W101'))."""
        line, column = self.where(path)
        return Problem(self.name, line, column, format_path(path), message, hint, severity, code)


Positions = Mapping[int, tuple[LoadedFile, Path_]]  # id(a validated object) -> the file and the place it came from


def format_path(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _problem(name: str, mark, field: str, message: str, hint: str = "") -> Problem:
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return Problem(name, line, column, field, message, hint)


_NULLS = frozenset({"", "~", "null", "Null", "NULL"})  # a plain scalar written so is no value


class _Builder:
    """Builds plain dicts, lists and strings from parser events, recording positions."""

    def __init__(self, name: str):
        self.name = name
        self.positions: dict[Path_, tuple[int, int]] = {}
        self.stack: list[list] = []  # frames: [container, path, pending_key]
        self.root: object = None  # the top-level value, once parsed

    def _place(self, value, mark) -> Path_ | None:
        if not self.stack:
            self.root = value
            path: Path_ = ()
        else:
            frame = self.stack[-1]
            container, parent = frame[0], frame[1]
            if isinstance(container, list):
                path = parent + (len(container),)
                container.append(value)
            elif frame[2] is None:
                self._key(value, mark)
                return None
            else:
                path = parent + (frame[2],)
                container[frame[2]] = value
                frame[2] = None
        self.positions[path] = (mark.line + 1, mark.column + 1)
        return path

    def _key(self, key, mark) -> None:
        frame = self.stack[-1]
        if not isinstance(key, str):  # a list, a mapping or an empty key
            raise _Refused(_problem(self.name, mark, format_path(frame[1]) or "top level", "keys must be plain words"))
        if key in frame[0]:
            raise _Refused(_problem(self.name, mark, format_path(frame[1] + (key,)),
                                    f"the key '{key}' appears twice in one block",
                                    "delete or rename one of them"))
        frame[2] = key

    def feed(self, event) -> None:
        """One parser event (dispatched on its exact type: scalars are most of a file's events)."""
        kind = type(event)
        if kind is yaml.ScalarEvent:
            self._check(event)
            value = event.value
            self._place(None if event.style is None and value in _NULLS else value, event.start_mark)
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            self.stack.pop()
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            self._check(event)
            self._open({} if kind is yaml.MappingStartEvent else [], event.start_mark)
        elif kind is yaml.AliasEvent:
            raise _Refused(_problem(self.name, event.start_mark, "", "anchors and aliases (*name) are not allowed",
                                    "write the value out in full"))

    def _check(self, event) -> None:
        if event.anchor is not None:
            raise _Refused(_problem(self.name, event.start_mark, "", "anchors (&name) are not allowed",
                                    "write the value out in full"))
        if event.tag is not None and event.tag != "!":
            raise _Refused(_problem(self.name, event.start_mark, "", f"YAML tags such as '{event.tag}' are not allowed",
                                    "remove the tag; values are read as plain text"))

    def _open(self, container: dict[str, object] | list[object], mark) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise _Refused(_problem(self.name, mark, "", f"the data is nested more than {MAX_DEPTH} levels deep",
                                    "briefing data never needs this much nesting"))
        self.stack.append([container, self._place(container, mark), None])


class _Refused(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


def parse_yaml(name: str, raw: bytes) -> LoadedFile | Problem:
    """Parse one file's bytes into a LoadedFile, or say what is wrong with it."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return Problem(name, line, 1, "", "the file is not UTF-8 text",
                       "save it as UTF-8 in your editor")
    if text.startswith("\ufeff"):
        text = text[1:]
    builder = _Builder(name)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except _Refused as refused:
        return refused.problem
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        message = f"YAML syntax error: {err.problem or err.context}"
        if err.context and err.context_mark is not None and err.problem:
            message += f" ({err.context} that began at line {err.context_mark.line + 1})"
        hint = "indent with spaces, never tabs" if "tab" in str(err.problem) else \
            "check the indentation and quoting near this line"
        return _problem(name, mark, "", message, hint)
    except yaml.YAMLError as err:
        return Problem(name, 1, 1, "", f"YAML syntax error: {err}", "check the file's syntax")
    if builder.root is None:
        return Problem(name, 1, 1, "", "the file is empty",
                       "add data to it, or delete the file")
    if not isinstance(builder.root, dict):
        return Problem(name, 1, 1, "", "the top level must be a set of keys such as 'events:'",
                       "start the file with a collection name followed by a colon")
    return LoadedFile(name, builder.root, builder.positions)


def read_data_dir(data_dir: Path, label: str | None = None,
                  parsed: dict[str, tuple[str, LoadedFile | Problem]] | None = None,
                  ) -> tuple[list[LoadedFile], list[Problem]]:
    """Read every *.yaml file in data_dir (sorted, so order never depends on the disk)."""
    files: list[LoadedFile] = []
    problems: list[Problem] = []
    paths = sorted(data_dir.glob("*.yaml")) + sorted(data_dir.glob("*.yml"))
    if not paths:
        problems.append(Problem(str(data_dir), 1, 1, "", "no .yaml files found",
                                "is DATA pointing at the right folder?"))
    for path in paths:
        name = f"{label or data_dir.name}/{path.name}"
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(Problem(name, 1, 1, "", f"the file is {size // 1024 // 1024} MB, over the "
                                    f"{MAX_FILE_BYTES // 1024 // 1024} MB limit", "split it into several files"))
            continue
        result = _parse_cached(name, path.read_bytes(), {} if parsed is None else parsed)
        if isinstance(result, Problem):
            problems.append(result)
        else:
            files.append(result)
    return files, problems


def _parse_cached(name: str, raw: bytes, parsed: dict[str, tuple[str, LoadedFile | Problem]]) -> LoadedFile | Problem:
    """Parse a file, reusing the last result for the same name and bytes (parsed: name -> (digest,
    result), the session's, kept for `mkdocs serve` and re-runs)."""
    digest = hashlib.sha256(raw).hexdigest()
    cached = parsed.get(name)
    if cached and cached[0] == digest:
        return cached[1]
    result = parse_yaml(name, raw)
    if isinstance(result, LoadedFile):
        result.digest = digest
    parsed[name] = (digest, result)
    return result


def suggest(value: str, choices) -> str:
    """'did you mean `openai`?' for a near miss, else a short list of what exists."""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    if close:
        return f"did you mean `{close[0]}`?"
    return ""
