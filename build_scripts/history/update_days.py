"""The Updates page reads by day: the revisions of one day merged, one line per item (pure).

An item changed by several commits of a day is one entry: added that day stays 'added', a correction
recorded that day makes it 'corrected', and each field shows its value before the day's first change
and after its last.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from types import MappingProxyType

from build_scripts.data.dates import day_label
from build_scripts.history.changes import Change, FieldChange, Update
from build_scripts.history.update_groups import ChangeGroup, group_changes

Items = tuple[tuple[str, str], ...]  # a list's items as (id, name)
# What a merged entry says: the strongest of the day's verbs
RANK = MappingProxyType({"removed": 0, "updated": 1, "corrected": 2, "added": 3})


LIMIT = 20  # the Updates page lists the latest LIMIT commits that changed the data, and the rest of their days


@dataclass(frozen=True)
class UpdateDay:
    day: date
    when: int      # the day's latest commit time
    changes: tuple[Change, ...]
    first: bool = False  # the history available starts on this day
    earlier: bool = False  # older changes exist that are not listed (more than LIMIT commits changed the data)

    @property
    def label(self) -> str:
        return day_label(self.day)

    @property
    def anchor(self) -> str:
        return f"updates-{self.day.isoformat()}"

    @property
    def corrections(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.verb == "corrected")

    @property
    def groups(self) -> tuple[ChangeGroup, ...]:
        """The day's changes by kind, corrections first (history/update_groups.py)."""
        return group_changes(self.changes)


def _merge_field(was: FieldChange, then: FieldChange) -> FieldChange | None:
    """A field changed twice in a day as one change (None: back where it started)."""
    if was.state == "added" and then.state == "removed":
        return None
    if was.added or was.removed or then.added or then.removed:  # a list: what it gained and lost, net
        added = _once(net(was.added, then.removed) + net(then.added, was.removed))
        removed = _once(net(was.removed, then.added) + net(then.removed, was.added))
        if added or removed:
            return FieldChange(was.name, added=added, removed=removed)
        return None if _lists_only(was, then) else FieldChange(was.name)
    state = "added" if was.state == "added" else "removed" if then.state == "removed" else "changed"
    both = was.before is not None and then.after is not None
    if state == "changed" and both and was.before == then.after:
        return None
    return FieldChange(was.name, was.before if both else None, then.after if both or state == "added" else None, state)


def net(items: Items, undone: Items) -> Items:
    """The items of a list's change that another change did not undo (the same id or the same name)."""
    gone = {part for item in undone for part in item}  # by id, or by name (one source's entry replaced)
    return tuple(item for item in items if item[0] not in gone and item[1] not in gone)


def _once(items: Items) -> Items:
    return tuple({item_id: (item_id, name) for item_id, name in items}.values())


def _lists_only(was: FieldChange, then: FieldChange) -> bool:
    """Both changes only added or removed items (no other change to the list, like a passage recorded)."""
    return all(f.added or f.removed for f in (was, then))


def _merge_fields(older: tuple[FieldChange, ...], newer: tuple[FieldChange, ...]) -> tuple[FieldChange, ...]:
    merged: dict[str, FieldChange | None] = {f.name: f for f in older}
    for f in newer:
        was = merged.get(f.name)
        merged[f.name] = f if f.name not in merged else (_merge_field(was, f) if was is not None else f)
    return tuple(f for f in merged.values() if f is not None)


def merge(older: Change, newer: Change) -> Change:
    """One entry for an item changed twice in a day (older first): a correction recorded and then
    reworded is one correction, in its last wording."""
    if newer.verb == "removed":
        return newer
    if older.verb == "added":
        return replace(newer, verb="added", fields=(), recorded=())
    verb = max(older.verb, newer.verb, key=RANK.__getitem__)
    recorded = {r.index: r for r in older.recorded} | {r.index: r for r in newer.recorded}
    return replace(newer, verb=verb, fields=_merge_fields(older.fields, newer.fields),
                   recorded=tuple(recorded[i] for i in sorted(recorded)))


def by_day(updates: list[Update]) -> list[UpdateDay]:
    """Updates (newest first) grouped by their day (newest first); within a day, items in the order of
    the day's newest change to them."""
    days: dict[date, list[Update]] = {}
    for update in updates:
        days.setdefault(update.day, []).append(update)
    return [_day(day, found) for day, found in days.items()]


def _day(day: date, updates: list[Update]) -> UpdateDay:
    entries: dict[tuple[str, str], Change] = {}
    for update in reversed(updates):  # oldest first
        for change in update.changes:
            key = (change.kind, change.item_id)
            entries[key] = merge(entries[key], change) if key in entries else change
    order: dict[tuple[str, str], int] = {}
    for change in (c for u in updates for c in u.changes):  # newest first: an item's newest change places it
        order.setdefault((change.kind, change.item_id), len(order))
    kept = [c for c in entries.values() if c.verb != "updated" or c.fields]  # changed, then changed back
    changes = tuple(sorted(kept, key=lambda c: order[(c.kind, c.item_id)]))
    return UpdateDay(day, updates[0].when, changes, any(u.first for u in updates), any(u.earlier for u in updates))
