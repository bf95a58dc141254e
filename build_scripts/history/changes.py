"""What changed in the briefing, as values (pure): a field's change, an item's change, and an update
(one commit's changes). Read from the data's git history by history/updates.py; shown by the Updates
page and the feed.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timezone

from build_scripts.data.dates import day_label
from build_scripts.data.fields import INFO_REFERENCES, REFERENCES, field_label, field_words
from build_scripts.data.rules import capital, series
from build_scripts.history.wording import DATE_FIELDS


def plain(text: str) -> str:
    return text


@dataclass(frozen=True)
class FieldChange:
    """A changed field, as a reader reads it: its value before and after when both are short enough to show
    in a line; for a list of items (sources, events, people), those it gained and lost, by name."""

    name: str
    before: str | None = None
    after: str | None = None
    state: str = "changed"  # "changed", "added" (the field is given now, not before) or "removed"
    added: tuple[tuple[str, str], ...] = ()  # (id, name) of each item the list gained
    removed: tuple[tuple[str, str], ...] = ()

    def shown(self, value: Callable[[str], str] = plain, words: Callable[[str], str] = plain) -> str:
        """What changed in the field, in sentences naming it as the site does (data/fields.field_label):
        'Status changed from Confirmed to Single source.', 'Added to the sources: Reuters, “…”.', 'Note on
        the date added: … .', 'Note removed.', or '' (then only its name is said: 'Summary changed.').
        value(text) writes a value from the data, as it was then; words(text) the page's own words."""
        label = field_label(self.name)
        if self.added or self.removed:
            return " ".join(f"{words(f'{verb} the {field_words(self.name)}:')} {_names(items, value, words)}"
                            f"{_stop(_last(items))}"
                            for verb, items in (("Added to", self.added), ("Removed from", self.removed)) if items)
        if self.state == "added":
            return (f"{words(f'{label} added:')} {self._value(self.after, value)}{_stop(self.after)}"
                    if self.after is not None else words(f"{label} added."))
        if self.state == "removed":
            return words(f"{label} removed.")
        if self.before is not None and self.after is not None:
            return (f"{words(f'{label} changed from')} {self._value(self.before, value)} {words('to')} "
                    f"{self._value(self.after, value)}{_stop(self.after)}")
        return ""

    def _value(self, text: str, value: Callable[[str], str]) -> str:
        """A value as the sentence quotes it: the briefing's own words in quotation marks ('Title changed from
        “A” to “B”'); a date, a status, a flag, a number or the name of an item it refers to as it reads."""
        plain_value = (self.name in UNQUOTED or text in ("yes", "no")
                       or text.replace(",", "").replace(".", "").isdigit())
        return value(text) if plain_value else f"“{value(text)}”"


NAMED = 3  # a list's items named in a line; the rest are counted
# Fields whose value reads as it is: a date, a status, or a reference to another item, named as the site names it
UNQUOTED = DATE_FIELDS | {"status"} | {name for fields in REFERENCES.values() for name, _ in fields} | {
    name for name, _ in INFO_REFERENCES}


def _names(items: tuple[tuple[str, str], ...], value: Callable[[str], str], words: Callable[[str], str]) -> str:
    """'Reuters, “…”; AP, “…”' ('… and 2 more' past NAMED)."""
    names = [value(name) for _, name in items]
    more = words(f" and {len(names) - NAMED} more") if len(names) > NAMED else ""
    return "; ".join(names[:NAMED]) + more


def _last(items: tuple[tuple[str, str], ...]) -> str:
    """The words a list's sentence ends with, as _names writes it."""
    return items[-1][1] if len(items) <= NAMED else "more"


def _stop(ending: str) -> str:
    """The full stop after a sentence that ends with these words ('' when they end one already)."""
    return "" if ending.rstrip().endswith((".", "?", "!")) else "."


@dataclass(frozen=True)
class Recorded:
    """A correction recorded on an item: its place in the item's corrections, the day it was made, its note."""

    index: int
    day: date
    note: str


@dataclass(frozen=True)
class Change:
    kind: str      # "events", "sources", ...
    verb: str      # "added", "updated", "corrected" (a correction was recorded on it), "removed"
    item_id: str
    label: str
    fields: tuple[FieldChange, ...] = ()  # what changed, for "updated" and "corrected"
    recorded: tuple[Recorded, ...] = ()   # the corrections recorded, for "corrected": each once

    @property
    def correction(self) -> str:
        """The notes of the corrections recorded (each once)."""
        return " ".join(r.note for r in self.recorded)

    def dated_notes(self, day: date) -> tuple[tuple[str, str], ...]:
        """The notes of the corrections recorded on `day` (the Updates page's day: when a note was added to the
        data), each with what the fact itself says of its date when one of them was made on another day:
        ('Corrected on 1 December 2026, its note added on 2 December 2026', note), ('Corrected on 2 December
        2026', note). When every one was made that day, the day's heading says it: ('', note)."""
        if all(r.day == day for r in self.recorded):
            return tuple(("", r.note) for r in self.recorded)
        return tuple((f"Corrected on {day_label(r.day)}"
                      + (f", its note added on {day_label(day)}" if r.day != day else ""), r.note)
                     for r in self.recorded)

    @property
    def detail(self) -> str:
        """'Status changed from Confirmed to Single source. Summary and sources changed.' (or ''), as plain
        text."""
        return self.describe()

    def describe(self, value: Callable[[str], str] = plain, words: Callable[[str], str] = plain) -> str:
        """What changed, in sentences (FieldChange.shown: value and words write the data's values and the
        page's words); the fields changed with no value to show are named together, at the end."""
        shown = [text for text in (f.shown(value, words) for f in self.fields) if text]
        others = [field_words(f.name) for f in self.fields if not f.shown()]
        return " ".join(shown + ([words(f"{capital(series(others))} changed.")] if others else []))

    @classmethod
    def from_json(cls, stored: dict) -> "Change":
        fields = tuple(FieldChange(f["name"], f["before"], f["after"], f["state"], _pairs(f["added"]),
                                   _pairs(f["removed"])) for f in stored.pop("fields", ()))
        recorded = tuple(Recorded(r["index"], date.fromisoformat(r["day"]), r["note"])
                         for r in stored.pop("recorded", ()))
        return cls(**stored, fields=fields, recorded=recorded)


def _pairs(stored: list) -> tuple[tuple[str, str], ...]:
    return tuple((str(item_id), str(name)) for item_id, name in stored)


@dataclass(frozen=True)
class Update:
    sha: str
    when: int      # commit time, seconds since the epoch
    changes: tuple[Change, ...]
    first: bool = False  # the start of the history that is available (the initial data, or a shallow clone)
    earlier: bool = False  # older changes to the data exist that the Updates page does not list

    @property
    def label(self) -> str:
        """'24 November 2026'."""
        return day_label(self.day)

    @property
    def day(self) -> date:
        return utc_day(self.when)


def utc_day(when: int) -> date:
    """The day (UTC) of a commit time: the Updates page's days."""
    return datetime.fromtimestamp(when, timezone.utc).date()
