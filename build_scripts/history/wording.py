"""A changed field's value as a reader reads it on the site (pure): a date in words, a status by its label,
a source by its outlet and title, an event by its title, a person or organisation by name; never an id, an
ISO date or a code. The Updates page, its feed and a correction's "What it said before" word values here.
"""
from __future__ import annotations

from collections.abc import Iterable

from build_scripts.data.dates import parse_flex_date
from build_scripts.data.rules import RULES, Status

DATE_FIELDS = frozenset({"date", "until", "reported_on", "since", "figures_as_of", "last_reviewed"})
EDITORS_ONLY = frozenset({"acknowledge"})  # an editor's answer to a warning: no change a reader is told of
LABELLED = ("sources", "events", "people", "organisations", "claims", "conflicts")


def earlier_text(name: str, value: str) -> str:
    """A value as a reader reads it: a date in words ('15 January 2024'), a status by its label."""
    if name in DATE_FIELDS:
        try:
            return parse_flex_date(value).label
        except ValueError:
            return value
    if name == "status" and value in {status.value for status in Status}:
        return RULES[Status(value)].label
    return value


def entry_id(entry: object) -> str:
    """The id a list entry names: an id, or a citation written with its passage ({source: …, passage: …})."""
    return str(entry["source"]) if isinstance(entry, dict) else str(entry)


def source_label(source) -> str:
    """'Reuters, “Microsoft and OpenAI reach a deal”' (or the subject, when the headline is not known)."""
    return f"{source.outlet}, “{source.title}”" if source.title else f"{source.outlet}, {source.subject}"


class Names:
    """What a reader calls the items of one or more versions of a briefing (the newest name wins), by
    collection and id: the label of a removed source is still known from the version that had it."""

    def __init__(self, briefings: Iterable) -> None:
        self._names: dict[str, dict[str, str]] = {kind: {} for kind in LABELLED}
        for briefing in briefings:
            for kind in LABELLED:
                for item in getattr(briefing, kind):
                    self._names[kind][item.id] = _label(kind, item)

    def of(self, targets: tuple[str, ...], item_id: str) -> str:
        """The item's name among the target collections (its id, if none knows it)."""
        return next((self._names[t][item_id] for t in targets if item_id in self._names[t]), item_id)


def _label(kind: str, item) -> str:
    if kind == "sources":
        return source_label(item)
    return str(getattr(item, "title", None) or getattr(item, "name", None) or getattr(item, "text", None) or item.id)

