"""What a corrected item said before: for each correction an editor recorded on an item (its `corrections:`),
the earlier value of the fields it changed, read from the data's git history.

The earlier value is the item as readers saw it before the correction's day: at the latest commit that
changed the data before that day (or, for an item first written that same day, at the day's first
commit), compared with the item at the day's last commit (or, with none that day, the next commit). A
correction that names its `fields` shows those; otherwise every field that changed (its corrections and
review state aside). Pure but for git, which git_history.py reads; results are cached on disk, as they
never change for a pair of commits.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from build_scripts.data.fields import NESTED, REFERENCES, field_words
from build_scripts.data.model import Briefing
from build_scripts.effects.cache_folders import UPDATES as CACHE_DIR
from build_scripts.effects.git_history import data_commits, git_root, load_briefing_at
from build_scripts.effects.writing import write_file
from build_scripts.errors import DataError
from build_scripts.history.diffing import TRACKED
from build_scripts.history.wording import EDITORS_ONLY, LABELLED, Names, entry_id

ALL_COMMITS = 10_000
NOT_COMPARED = frozenset({"corrections", "review"}) | EDITORS_ONLY  # the record of edits, not what it said


@dataclass(frozen=True)
class Earlier:
    """One field's value before a correction, as text."""

    field: str
    value: str


Key = tuple[str, str, int]  # (collection, item id, the correction's index on the item)


def value_text(value: object) -> str:
    """A field's value as a reader reads it: text as it is, lists joined, mappings as 'key: value'."""
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return f"{value:,.0f}"
    if isinstance(value, list):
        return "; ".join(value_text(v) for v in value) if value else "(none)"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {value_text(v)}" for k, v in value.items() if v not in (None, False, []))
    return str(value)


def references(kind: str) -> dict[str, tuple[str, ...]]:
    """The fields of an item of this collection that name other items: field -> the collections named."""
    return {name: targets for name, targets in REFERENCES.get(kind, ()) if set(targets) <= set(LABELLED)}


def nested_references(kind: str) -> dict[str, dict[str, tuple[str, ...]]]:
    """The fields of an item that hold entries naming other items (a conflict's positions): field ->
    the entry's field -> the collections named."""
    return {name: {key: targets for key, targets in inner if set(targets) <= set(LABELLED)}
            for name, inner in NESTED.get(kind, ())}


def changed_fields(old: dict, new: dict) -> list[str]:
    return [name for name in new if old.get(name) != new.get(name) and name not in NOT_COMPARED]


def earlier_values(old: dict, new: dict, fields: list[str], names: Names | None = None,
                   kind: str = "") -> tuple[Earlier, ...]:
    """The earlier value of each field named (or of every changed field) that did change, the items it
    names called as a reader knows them (names: of the briefing's versions around the change)."""
    targets, nested = references(kind), nested_references(kind)
    return tuple(Earlier(name, value_words(old.get(name), names, targets.get(name, ()), nested.get(name, {})))
                 for name in fields or changed_fields(old, new) if old.get(name) != new.get(name))


def value_words(value: object, names: Names | None, targets: tuple[str, ...] = (),
                inner: dict[str, tuple[str, ...]] | None = None) -> str:
    """A value as a reader reads it, an item it names by its name ('Reuters, “…”'), never its id; the
    entries of a list of mappings (a conflict's positions) one after another, each field by its words."""
    if names is not None and targets and isinstance(value, list):
        return "; ".join(names.of(targets, entry_id(v)) for v in value) if value else "(none)"
    if names is not None and targets and isinstance(value, (str, dict)):
        return names.of(targets, entry_id(value))
    if names is not None and inner is not None and isinstance(value, list) and value:
        return " | ".join(value_words(v, names, (), inner) for v in value)
    if names is not None and inner is not None and isinstance(value, dict):
        return ", ".join(f"{field_words(k)}: {value_words(v, names, inner.get(k, ()))}"
                         for k, v in value.items() if v not in (None, False, []))
    return value_text(value)


def revisions_around(commits: list[tuple[str, int]], day: date) -> tuple[str, str] | None:
    """(the revision before the day, the revision at its end) among commits (sha, time), oldest first. With
    no commit that day (the fix committed after midnight UTC), the day's first commit after it is the fix."""
    def day_of(when: int) -> date:
        return datetime.fromtimestamp(when, timezone.utc).date()

    before = [sha for sha, when in commits if day_of(when) < day]
    that_day = [sha for sha, when in commits if day_of(when) == day]
    if not that_day:
        later = [sha for sha, when in commits if day_of(when) > day]
        return (before[-1], later[0]) if before and later else None
    start = before[-1] if before else that_day[0]
    return (start, that_day[-1]) if start != that_day[-1] else None


def corrected_items(briefing: Briefing) -> Iterator[tuple[str, Any, int]]:
    for name in TRACKED:
        for item in getattr(briefing, name):
            for index, _ in enumerate(getattr(item, "corrections", ())):
                yield name, item, index


def _item(briefing: Briefing | None, collection: str, item_id: str) -> dict | None:
    if briefing is None:
        return None
    found = next((i for i in getattr(briefing, collection) if i.id == item_id), None)
    return found.model_dump(mode="json", by_alias=True) if found is not None else None


def corrections_before(data_dir: Path, briefing: Briefing) -> dict[Key, tuple[Earlier, ...]]:
    """For each correction in the briefing, what the item said before it (empty when the data is not in
    git, or the history does not reach back far enough: a shallow clone)."""
    wanted = list(corrected_items(briefing))
    repo = git_root(data_dir) if wanted else None
    if repo is None:
        return {}
    relative = data_dir.resolve().relative_to(repo.resolve()).as_posix()
    try:
        commits = [(sha, when) for sha, when, _ in reversed(data_commits(repo, relative, ALL_COMMITS))]
    except DataError:
        return {}
    load = revision_loader(repo, relative)
    found: dict[Key, tuple[Earlier, ...]] = {}
    for collection, item, index in wanted:
        correction = item.corrections[index]
        around = revisions_around(commits, correction.date.start)
        if around is not None:
            earlier = _cached(around, (collection, item.id, tuple(correction.fields)), load)
            if earlier:
                found[(collection, item.id, index)] = earlier
    return found


def revision_loader(repo: Path, relative: str) -> Callable[[str], Briefing | None]:
    """load(revision): the briefing at that revision, or None when its data did not validate (each read once)."""
    loaded: dict[str, Briefing | None] = {}

    def load(revision: str) -> Briefing | None:
        if revision not in loaded:
            try:
                loaded[revision] = load_briefing_at(repo, revision, relative)
            except DataError:
                loaded[revision] = None
        return loaded[revision]
    return load


def _cached(around: tuple[str, str], what: tuple[str, str, tuple[str, ...]], load) -> tuple[Earlier, ...]:
    """The earlier values of one item's corrected fields between two revisions (cached on disk)."""
    cache = CACHE_DIR / f"earlier-v3-{around[0][:16]}-{around[1][:16]}.json"
    stored = json.loads(cache.read_text()) if cache.exists() else {}
    key = "/".join((what[0], what[1], *what[2]))
    if key not in stored:
        collection, item_id, fields = what
        before, after = load(around[0]), load(around[1])
        old, new = _item(before, collection, item_id), _item(after, collection, item_id)
        names = Names(b for b in (before, after) if b is not None)
        values = () if old is None or new is None else earlier_values(old, new, list(fields), names, collection)
        stored[key] = [[e.field, e.value] for e in values]
        write_file(cache, json.dumps(stored, sort_keys=True, ensure_ascii=False))
    return tuple(Earlier(field, value) for field, value in stored[key])
