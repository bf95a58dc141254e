"""Where each kind of page lives under the docs root: each path written once, here.

Patterns name the part that varies in braces ({id}); the page registry (site/page_registry.py)
checks every planned page against its kind's pattern, and turns the patterns of pages kept out of
the menu into MkDocs's `not_in_nav`.
"""
from __future__ import annotations

import re

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
