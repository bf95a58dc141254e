"""Where each kind of page lives under the docs root: each path written once, here.

Patterns name the part that varies in braces ({id}); the page registry (plan/page_registry.py)
checks every planned page against its kind's pattern, and turns the patterns of pages kept out of
the menu into MkDocs's `not_in_nav`.
"""
from __future__ import annotations

import re
from collections import Counter

from build_scripts.data.dates import MONTHS
from build_scripts.data.model import Event, Source

HOME = "index.md"
UPDATES = "updates.md"
TIMELINE = "timeline.md"
TIMELINE_PART = "timeline/{period}.md"  # a split timeline: a year (2024) or a busy year's month (2024-03)
CLAIMS = "claims.md"
CONFLICTS = "conflicts/index.md"
CONFLICT = "conflicts/{id}.md"
LEVERAGE = "leverage.md"
PEOPLE = "people/index.md"
PERSON = "people/{id}.md"
ORGANISATIONS = "organisations/index.md"
ORGANISATION = "organisations/{id}.md"
SOURCES = "sources.md"
SOURCES_PART = "sources/{outlet}.md"  # split sources: one page per outlet
QUOTES = "quotes.md"
METHODOLOGY = "methodology.md"
PRINT = "print.md"


def pattern_folder(pattern: str) -> str:
    """What every page of a pattern starts with: pattern_folder('timeline/{period}.md') -> 'timeline/'."""
    return pattern.partition("{")[0]


def pattern_regex(pattern: str) -> re.Pattern:
    """The paths a pattern stands for: one path segment for each part in braces."""
    return re.compile(re.sub(r"\\\{[a-z]+\\\}", "[^/]+", re.escape(pattern)))


def page_for(pattern: str, value: str) -> str:
    """The page a pattern gives for one value: page_for(PERSON, 'sam-altman') -> 'people/sam-altman.md'."""
    head, _, rest = pattern.partition("{")
    return head + value + rest.partition("}")[2]


SPLIT_ABOVE = 300  # more events (or sources) than this, and their list is split into one page per year (letter)


def conflict_page(conflict_id: str) -> str:
    return page_for(CONFLICT, conflict_id)


def pages_by_event(events: list[Event]) -> dict[str, str]:
    """Each event's page: the one timeline page, or one page per year (per month in a busy year)."""
    if len(events) <= SPLIT_ABOVE:
        return {e.id: TIMELINE for e in events}
    per_year = Counter(e.date.start.year for e in events)
    pages = {}
    for e in events:
        year, month = e.date.start.year, e.date.start.month
        pages[e.id] = page_for(TIMELINE_PART, f"{year}-{month:02d}" if per_year[year] > SPLIT_ABOVE else str(year))
    return pages


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "other"


def pages_by_source(sources) -> dict[str, str]:
    """Each source's entry: the one sources page, or one page per outlet."""
    if len(sources) <= SPLIT_ABOVE:
        return {s.id: SOURCES for s in sources}
    return {s.id: page_for(SOURCES_PART, _slug(s.outlet)) for s in sources}


def part_label(page: str, first_item: Event | Source) -> str:
    """The heading of a split page: '2024', 'March 2024', or the outlet's name (first_item: the first
    event or source listed on it)."""
    if isinstance(first_item, Source):  # a page of the sources (SOURCES_PART), one outlet's
        return first_item.outlet
    stem = page.removeprefix(pattern_folder(TIMELINE_PART)).removesuffix(".md")
    if "-" in stem:
        year, month = stem.split("-")
        return f"{MONTHS[int(month)]} {year}"
    return stem
