"""What a citation says about its source, read the same way whatever form the data gives it.

A citation in the data is either a bare source id or a mapping with the passage behind it (the agreed
form of issue 20: `source`, and `passage` with `read_in`, or `no_passage` with an optional `note`).
`cited()` turns either into one `Cited` value, so the fragments never ask which form they were given.
Pure functions of the model.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from types import MappingProxyType

from build_scripts.asset_paths import PASSAGES_DIR

READ_IN = ("original", "copy", "archive")
NO_PASSAGE_REASONS = MappingProxyType({
    "paywall": "the page is behind a paywall",
    "print": "it appeared in print only",
    "video": "it is a video",
    "audio": "it is audio only",
    "unavailable": "the page could not be read",
})


@dataclass(frozen=True)
class Cited:
    """One citation: the source cited, and the passage behind it or why none was recorded."""

    source: str
    passage: str | None = None
    read_in: str = "original"  # original | copy | archive: where the passage was read
    no_passage: str | None = None  # paywall | print | video | audio | unavailable
    note: str | None = None

    @property
    def recorded(self) -> bool:
        """A passage, or a reason there is none: something to show beside the source line."""
        return bool(self.passage or self.no_passage)


def _value(value) -> str | None:
    """An enum's value, a string as it is, None as None."""
    return None if value is None else str(getattr(value, "value", value))


def cited(entry, sources) -> Cited:
    """A bare source id or a citation mapping (object or dict) as a `Cited`; sources: id -> Source, to
    default `read_in` (a copy when the source was read through one, else the original)."""
    if isinstance(entry, dict):
        source_id: str = entry["source"]
        fields: dict = entry
    else:  # a bare id, or the model's Citation (an id that carries what was recorded about the citation)
        source_id = str(entry) if isinstance(entry, str) else entry.source
        fields = {name: getattr(entry, name, None) for name in ("passage", "read_in", "no_passage", "note")}
    get = fields.get
    source = sources.get(source_id)
    default = "copy" if source is not None and source.read_via is not None else "original"
    return Cited(source=source_id, passage=get("passage"), read_in=_value(get("read_in")) or default,
                 no_passage=_value(get("no_passage")), note=get("note"))


def source_id(entry) -> str:
    """The source id of a citation in either form."""
    if isinstance(entry, str):
        return str(entry)
    return str(entry["source"] if isinstance(entry, dict) else entry.source)


def read_in_words(citation: Cited, source) -> str:
    """'Quoted from the original publication', 'Quoted from a copy: Yahoo Finance', 'Quoted from an archived
    copy (1 December 2026)': where the passage was read, said as a fact about the passage (plain text; 'Read in
    the original.' under a passage read as an instruction, or as a link)."""
    if citation.read_in == "copy" and source.read_via is not None:
        return f"Quoted from a copy: {source.read_via.name}"
    if citation.read_in == "archive":
        archived = source.snapshot
        return f"Quoted from an archived copy ({archived.date.label})" if archived else "Quoted from an archived copy"
    return "Quoted from the original publication"


def no_passage_words(citation: Cited) -> str:
    """'No passage quoted: the page is behind a paywall. <note>' (plain text)."""
    reason = NO_PASSAGE_REASONS.get(citation.no_passage or "", citation.no_passage or "")
    words = f"No passage quoted: {reason}." if reason else "No passage quoted."
    return f"{words} {citation.note}" if citation.note else words




def passages_path(page: str) -> str:
    """Where the passages of a timeline page's events are published: 'timeline/2019.md' ->
    'assets/passages/timeline/2019.json' (assets/briefing.js finds it from the page's own address)."""
    return f"{PASSAGES_DIR}/{page.removesuffix('.md')}.json"


def event_passages(view) -> dict[str, str]:
    """For each timeline page, the passages behind its events' citations, as JSON: {event id: [one entry
    per source, in order: null (nothing recorded), {"passage", "read"} or {"none"}]}. A timeline page
    does not carry them, so that ten thousand events' passages do not weigh on every page: a mark
    fetches them (from the site itself) when it first opens."""
    files = {}
    for page, events in view.events_by_page.items():
        found = {}
        for event in events:
            entries = [_passage_entry(cited(entry, view.sources), view.sources) for entry in event.sources]
            if any(entries):
                found[event.id] = entries
        if found:
            files[passages_path(page)] = json.dumps(found, ensure_ascii=False, separators=(",", ":"))
    return files


def _passage_entry(citation: Cited, sources) -> dict | None:
    if citation.passage:
        return {"passage": citation.passage, "read": read_in_words(citation, sources[citation.source]) + "."}
    return {"none": no_passage_words(citation)} if citation.no_passage else None
