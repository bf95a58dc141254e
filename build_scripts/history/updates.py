"""What changed, from the git history of the data: the Updates page's entries and the Atom feed.

Each commit that touched the data folder is compared with its parent; the result for a commit never
changes, so it is cached in .cache/updates/. Only the pure parts live here and in diffing.py; git is
read by git_history.py.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from build_scripts.data.dates import day_label
from build_scripts.data.fields import field_words
from build_scripts.errors import DataError
from build_scripts.history.corrections import changed_fields, revision_loader, value_text
from build_scripts.history.diffing import compare, item_label
from build_scripts.history.git_history import (
    data_commits,
    git_root,
    parent_of,
)
from build_scripts.site.writing import write_file

CACHE_DIR = Path(__file__).resolve().parents[2] / ".cache" / "updates"
LIMIT = 20
WHOLE_DAYS = 5  # how many more commits are read to complete the day of the LIMIT-th (bounded)


@dataclass(frozen=True)
class FieldChange:
    """A changed field, with its value before and after when both are short enough to show in a line."""

    name: str
    before: str | None = None
    after: str | None = None


@dataclass(frozen=True)
class Change:
    kind: str      # "events", "sources", ...
    verb: str      # "added", "updated", "corrected" (a correction was recorded on it), "removed"
    item_id: str
    label: str
    fields: tuple[FieldChange, ...] = ()  # what changed, for "updated" and "corrected"
    correction: str = ""                   # the note of the correction recorded, for "corrected"

    @property
    def detail(self) -> str:
        """'status: confirmed → single-source; summary, sources changed' (or '')."""
        shown = [f"{field_words(f.name)}: {f.before} → {f.after}" for f in self.fields
                 if f.before is not None and f.after is not None]
        others = [field_words(f.name) for f in self.fields if f.before is None or f.after is None]
        return "; ".join(shown + ([f"{', '.join(others)} changed"] if others else []))

    @classmethod
    def from_json(cls, stored: dict) -> "Change":
        fields = tuple(FieldChange(*f) if isinstance(f, list) else FieldChange(**f) for f in stored.pop("fields", ()))
        return cls(**stored, fields=fields)


@dataclass(frozen=True)
class Update:
    sha: str
    when: int      # commit time, seconds since the epoch
    changes: tuple[Change, ...]
    first: bool = False  # the start of the history that is available (the initial data, or a shallow clone)

    @property
    def label(self) -> str:
        """'24 November 2026'."""
        return day_label(self.day)

    @property
    def day(self) -> date:
        return _utc_day(self.when)


SHORT = 60  # a value this long or shorter is shown before and after


def _short(value: object) -> str | None:
    if isinstance(value, (list, dict)) or value is None:
        return value_text(value) if not value else None
    text = value_text(value)
    return text if len(text) <= SHORT else None


def field_changes(old: dict, new: dict) -> tuple[FieldChange, ...]:
    out = []
    for name in changed_fields(old, new):
        before, after = _short(old.get(name)), _short(new.get(name))
        out.append(FieldChange(name, before, after) if before is not None and after is not None
                   else FieldChange(name))
    return tuple(out)


def _changed(kind: str, item, before, after) -> Change:
    old, new = (i.model_dump(mode="json", by_alias=True) for i in (before, after))
    notes = [c["note"] for c in new.get("corrections", []) if c not in old.get("corrections", [])]
    return Change(kind, "corrected" if notes else "updated", item.id, item_label(item), field_changes(old, new),
                  " ".join(notes))


def changes_between(old, new) -> tuple[Change, ...]:
    out = []
    for kind, change in compare(old, new).items():
        before = {i.id: i for i in getattr(old, kind)}
        out += [Change(kind, "added", i.id, item_label(i)) for i in change.added]
        out += [_changed(kind, i, before[i.id], i) for i, _ in change.changed]
        out += [Change(kind, "removed", i.id, item_label(i)) for i in change.removed]
    return tuple(out)


def _changes_for(repo: Path, data_dir: str, sha: str, load) -> tuple[tuple[Change, ...], bool] | None:
    """What the commit sha changed in the data (cached on disk), or None when its data did not
    validate. load(revision): the briefing at a revision, or None."""
    cache = CACHE_DIR / f"v3-{sha}-{data_dir.replace('/', '_')}.json"
    if cache.exists():
        stored = json.loads(cache.read_text())
        return tuple(Change.from_json(c) for c in stored["changes"]), stored["first"]
    new = load(sha)
    if new is None:
        return None  # the data did not validate at that commit: nothing published from it
    old = _last_valid_before(repo, sha, load)
    changes = changes_between(old, new) if old is not None else tuple(
        Change("events", "added", e.id, e.title) for e in new.events)
    first = old is None
    write_file(cache, json.dumps({"changes": [asdict(c) for c in changes], "first": first}, sort_keys=True))
    return changes, first


def _last_valid_before(repo: Path, sha: str, load):
    """The briefing as last published before sha: the nearest earlier commit whose data validated (a commit
    whose data did not validate published nothing, so what came after it is compared with what came
    before it), or None at the start of the history."""
    revision = parent_of(repo, sha)
    for _ in range(LIMIT):
        if revision is None:
            return None
        found = load(revision)
        if found is not None:
            return found
        revision = parent_of(repo, revision)
    return None


def whole_days(commits: list[tuple[str, int, str]], limit: int) -> list[tuple[str, int, str]]:
    """The latest `limit` commits, and the rest of the day the oldest of them was made on: the Updates page
    shows whole days, one heading each, so a busy day is never cut in two."""
    if len(commits) <= limit:
        return commits
    last_day = _utc_day(commits[limit - 1][1])
    return commits[:limit] + [c for c in commits[limit:] if _utc_day(c[1]) == last_day]


def _utc_day(when: int) -> date:
    return datetime.fromtimestamp(when, timezone.utc).date()


def _history(data_dir: Path, limit: int) -> tuple[Path, str, list[tuple[str, int, str]]] | None:
    """(repository, the data folder within it, its latest commits), or None when the data is not in
    a git repository (or git cannot read it)."""
    repo = git_root(data_dir)
    if repo is None:
        return None
    relative = data_dir.resolve().relative_to(repo.resolve()).as_posix()
    try:
        return repo, relative, data_commits(repo, relative, limit)
    except DataError:
        return None


def history_head(data_dir: Path) -> str | None:
    """The latest commit that changed the data folder (what the Updates page and feed start from), or
    None when the data is not in a git repository."""
    found = _history(data_dir, 1)
    return found[2][0][0] if found and found[2] else None


def data_updates(data_dir: Path) -> list[Update] | None:
    """Updates, newest first, or None when the data is not in a git repository."""
    history = _history(data_dir, LIMIT * WHOLE_DAYS)
    if history is None:
        return None
    repo, relative, commits = history
    commits = whole_days(commits, LIMIT)
    load = revision_loader(repo, relative)  # a commit's parent is often the next commit: each read once
    updates = []
    for sha, when, _subject in commits:
        found = _changes_for(repo, relative, sha, load)
        if found is not None and found[0]:
            updates.append(Update(sha, when, found[0], found[1]))
    return updates
