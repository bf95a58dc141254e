"""What changed in the briefing, as values (pure): a field's change, an item's change, and an update
(one commit's changes). Read from the data's git history by history/updates.py; shown by the Updates
page and the feed.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone

from build_scripts.data.dates import day_label
from build_scripts.data.fields import field_words


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
        return utc_day(self.when)


def utc_day(when: int) -> date:
    """The day (UTC) of a commit time: the Updates page's days."""
    return datetime.fromtimestamp(when, timezone.utc).date()
