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

# What a merged entry says: the strongest of the day's verbs
RANK = MappingProxyType({"removed": 0, "updated": 1, "corrected": 2, "added": 3})


@dataclass(frozen=True)
class UpdateDay:
    day: date
    when: int      # the day's latest commit time
    changes: tuple[Change, ...]
    first: bool = False  # the history available starts on this day

    @property
    def label(self) -> str:
        return day_label(self.day)

    @property
    def anchor(self) -> str:
        return f"updates-{self.day.isoformat()}"

    @property
    def corrections(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.verb == "corrected")


def _merge_fields(older: tuple[FieldChange, ...], newer: tuple[FieldChange, ...]) -> tuple[FieldChange, ...]:
    merged = {f.name: f for f in older}
    for f in newer:
        was = merged.get(f.name)
        if was is None:
            merged[f.name] = f
        elif was.before is not None and f.after is not None:
            merged[f.name] = FieldChange(f.name, was.before, f.after)
        else:
            merged[f.name] = FieldChange(f.name)
    return tuple(f for f in merged.values() if f.before is None or f.before != f.after)


def merge(older: Change, newer: Change) -> Change:
    """One entry for an item changed twice in a day (older first)."""
    if newer.verb == "removed":
        return newer
    if older.verb == "added":
        return replace(newer, verb="added", fields=(), correction="")
    verb = max(older.verb, newer.verb, key=RANK.__getitem__)
    notes = " ".join(n for n in (older.correction, newer.correction) if n)
    return replace(newer, verb=verb, fields=_merge_fields(older.fields, newer.fields), correction=notes)


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
    return UpdateDay(day, updates[0].when, changes, any(u.first for u in updates))
