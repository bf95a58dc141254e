"""What changed, from the git history of the data: the Updates page's entries and the Atom feed.

Each commit that touched the data folder is compared with its parent; the result for a commit never
changes, so it is cached in .cache/updates/. Only the pure parts live here and in diffing.py; git is
read by git_history.py.
"""
from __future__ import annotations

import json
from dataclasses import asdict, replace
from datetime import date
from pathlib import Path

from build_scripts.effects.cache_folders import UPDATES as CACHE_DIR
from build_scripts.effects.git_history import (
    data_commits,
    git_root,
    parent_of,
)
from build_scripts.effects.writing import write_file
from build_scripts.errors import DataError
from build_scripts.history.changes import Change, FieldChange, Recorded, Update, utc_day
from build_scripts.history.corrections import changed_fields, references, revision_loader, value_text
from build_scripts.history.diffing import compare, item_label
from build_scripts.history.update_days import LIMIT, net
from build_scripts.history.wording import EDITORS_ONLY, Names, earlier_text, entry_id

WHOLE_DAYS = 5  # how many more commits are read to complete the day of the LIMIT-th (bounded)
READ = LIMIT * WHOLE_DAYS  # the most commits the page is made from


SHORT = 60  # a value this long or shorter is shown before and after


def _short(name: str, value: object) -> str | None:
    """A value short enough to show, worded as on the site (None: too long, or a list or a mapping)."""
    if isinstance(value, (list, dict)) or value is None:
        return None
    text = earlier_text(name, value_text(value))
    return text if len(text) <= SHORT else None


def _absent(value: object) -> bool:
    return value is None or value == [] or value == ""


def field_change(name: str, old: object, new: object, names: Names, targets: tuple[str, ...] = ()) -> FieldChange:
    """One field's change: a list of items named by what they gained and lost, a flag as no → yes, a
    value given or taken away as added or removed, else before → after when both are short."""
    if targets and isinstance(old or new, list):
        ids = [dict.fromkeys(entry_id(e) for e in value) if isinstance(value, list) else {} for value in (old, new)]
        added = tuple((i, names.of(targets, i)) for i in ids[1] if i not in ids[0])
        removed = tuple((i, names.of(targets, i)) for i in ids[0] if i not in ids[1])
        return FieldChange(name, added=net(added, removed), removed=net(removed, added))
    if isinstance(old, bool) or isinstance(new, bool):  # a flag left out when false
        return FieldChange(name, value_text(bool(old)), value_text(bool(new)))
    if targets and isinstance(old, (str, dict)) and isinstance(new, (str, dict)) and entry_id(old) == entry_id(new):
        return FieldChange(name)  # the same item, cited with another passage
    before, after = ((names.of(targets, entry_id(v)) if targets and isinstance(v, (str, dict)) else _short(name, v))
                     for v in (old, new))
    state = "added" if _absent(old) else "removed" if _absent(new) else "changed"
    return FieldChange(name, before, after, state)


def field_changes(kind: str, old: dict, new: dict, names: Names) -> tuple[FieldChange, ...]:
    """What changed in an item, as the reader is told (an editor's acknowledgements left out)."""
    targets = references(kind)
    return tuple(field_change(name, old.get(name), new.get(name), names, targets.get(name, ()))
                 for name in changed_fields(old, new) if name not in EDITORS_ONLY)


def _recorded(old: dict, new: dict) -> tuple[Recorded, ...]:
    """The corrections this change recorded or reworded, each by its place on the item."""
    before = old.get("corrections", [])
    return tuple(Recorded(n, date.fromisoformat(c["date"]), c["note"]) for n, c in enumerate(new.get("corrections", []))
                 if n >= len(before) or before[n] != c)


def _changed(kind: str, item, before, after, names: Names) -> Change:
    old, new = (i.model_dump(mode="json", by_alias=True) for i in (before, after))
    recorded = _recorded(old, new)
    return Change(kind, "corrected" if recorded else "updated", item.id, item_label(item),
                  field_changes(kind, old, new, names), recorded)


def changes_between(old, new) -> tuple[Change, ...]:
    out = []
    names = Names((old, new))
    for kind, change in compare(old, new).items():
        before = {i.id: i for i in getattr(old, kind)}
        out += [Change(kind, "added", i.id, item_label(i)) for i in change.added]
        out += [_changed(kind, i, before[i.id], i, names) for i, _ in change.changed]
        out += [Change(kind, "removed", i.id, item_label(i)) for i in change.removed]
    return tuple(c for c in out if c.verb != "updated" or c.fields)  # an acknowledgement alone is no update


def _changes_for(repo: Path, data_dir: str, sha: str, load) -> tuple[tuple[Change, ...], bool] | None:
    """What the commit sha changed in the data (cached on disk), or None when its data did not
    validate. load(revision): the briefing at a revision, or None."""
    cache = CACHE_DIR / f"v4-{sha}-{data_dir.replace('/', '_')}.json"
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
    write_file(cache, json.dumps({"changes": [asdict(c) for c in changes], "first": first}, sort_keys=True,
                                 default=date.isoformat))
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
    last_day = utc_day(commits[limit - 1][1])
    return commits[:limit] + [c for c in commits[limit:] if utc_day(c[1]) == last_day]


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
    history = _history(data_dir, READ + 1)  # one more: are there older changes not listed?
    if history is None:
        return None
    repo, relative, read = history
    commits = whole_days(read[:READ], LIMIT)
    load = revision_loader(repo, relative)  # a commit's parent is often the next commit: each read once
    updates = []
    for sha, when, _subject in commits:
        found = _changes_for(repo, relative, sha, load)
        if found is not None and found[0]:
            updates.append(Update(sha, when, found[0], found[1]))
    if updates and len(read) > len(commits) and not updates[-1].first:  # older changes, not listed
        updates[-1] = replace(updates[-1], earlier=True)
    return updates
