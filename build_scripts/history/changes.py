"""What changed in the briefing, as values (pure): a field's change, an item's change, and an update
(one commit's changes). Read from the data's git history by history/updates.py; shown by the Updates
page and the feed.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from types import MappingProxyType

from build_scripts.data.dates import day_label


@dataclass(frozen=True)
class FieldChange:
    """A changed field, with its value before and after when both are short enough to show in a line."""

    name: str
    before: str | None = None
    after: str | None = None


# A field's name as a reader reads it on the Updates page (others: the name with spaces).
FIELD_WORDS = MappingProxyType({
    "coding_note": "note on the tone", "status_note": "note on the status", "read_via": "copy read",
    "based_on": "original reported", "figures_as_of": "date of the figures", "superseded_by": "changed by",
    "superseded_note": "note on the change", "reported_by": "reported by", "reported_on": "reported on",
    "correction_sources": "sources of the correction", "last_reviewed": "last checked", "summary_events":
    "events the summary cites", "acknowledge": "acknowledged warnings"})


def field_words(name: str) -> str:
    return FIELD_WORDS.get(name, name.replace("_", " "))


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
        return datetime.fromtimestamp(self.when, timezone.utc).date()
