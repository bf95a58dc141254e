"""The variables each kind of page's template is given besides the view (pure): one function per page kind,
named in the page registry (plan/page_registry.py). Each takes one PageInputs: the view, the page's
subject and the data's history."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from build_scripts.data.model import Organisation, Person, Status
from build_scripts.data.rules import STATUS_RULES, evidence_lines, in_force_line, plural, series, status_cell
from build_scripts.history.diffing import LABELS
from build_scripts.history.update_days import LIMIT, by_day
from build_scripts.render.page_paths import SOURCES, conflict_page, part_label
from build_scripts.render.views import BriefingView


@dataclass(frozen=True)
class PageInputs:
    """What a page's context is made from: the view (as the page reads it), the page's subject (the
    conflict, person or period it is about; None for a page about the whole briefing) and the updates
    read from the data's history (None when it is not read)."""

    view: BriefingView
    subject: Any = None
    updates: Any = None


# How the home page's "Latest changes" starts a line, by what happened to the item ('Correction to the event')
CHANGE_LEADS = MappingProxyType({"corrected": "Correction to the {}", "updated": "Update to the {}",
                                 "added": "New {}:", "removed": "Removed from the briefing: the {}"})


def home(page: PageInputs) -> dict:
    latest = list(reversed(page.view.events[-5:]))
    recent = [(d, CHANGE_LEADS[c.verb].format(LABELS[c.kind].lower()), c)
              for d in by_day(page.updates or []) for c in d.changes][:3]
    return {"latest": latest, "updates": page.updates, "recent": recent}


def updates_page(page: PageInputs) -> dict:
    """The updates by day (None when there is no history to read)."""
    updates = page.updates
    return {"updates": updates, "days": by_day(updates) if updates is not None else None, "labels": LABELS,
            "listed": plural(LIMIT, "revision")}


def events_by_year(view: BriefingView) -> dict[int, list]:
    years: dict[int, list] = {}
    for event in view.events:
        years.setdefault(event.date.start.year, []).append(event)
    return years


def timeline(page: PageInputs) -> dict:
    """The whole timeline by year, or, when it is split, a table of its parts (each listed once)."""
    split = page.view.timeline_split
    parts = [(path, part_label(path, events[0]), len(events)) for path, events in page.view.events_by_page.items()]
    return {"years": {} if split else events_by_year(page.view), "split": split, "parts": parts if split else []}


def timeline_part(page: PageInputs) -> dict:
    path, events = page.subject  # a part of the timeline: its path and its events
    return {"label": part_label(path, events[0]), "events": events}


def conflicts_index(page: PageInputs) -> dict:
    return {"conflict_page": conflict_page}


def conflict(page: PageInputs) -> dict:
    claims = {c.id: c for c in page.view.briefing.claims}
    return {"conflict": page.subject, "claims": [claims[c] for c in page.subject.claims]}


def leverage(page: PageInputs) -> dict:
    return {"claims": {c.id: c for c in page.view.briefing.claims}}


def person(page: PageInputs) -> dict:
    return {"person": page.subject}


def organisation(page: PageInputs) -> dict:
    return {"org": page.subject}


def people_index(page: PageInputs) -> dict:
    return {"people": [e for e in page.view.entities.values() if isinstance(e, Person)]}


def organisations_index(page: PageInputs) -> dict:
    return {"orgs": [e for e in page.view.entities.values() if isinstance(e, Organisation)]}


def sources_index(page: PageInputs) -> dict:
    """The sources split into pages per outlet: a table of them."""
    return {"parts": [(path, part_label(path, sources[0]), len(sources))
                      for path, sources in page.view.sources_by_page.items()]}


def sources(page: PageInputs) -> dict:
    return {"ordered": page.view.sources_by_page.get(SOURCES, []), "heading": "Sources"}


def sources_part(page: PageInputs) -> dict:
    path, listed = page.subject  # one outlet's page of the sources: its path and its sources
    return {"ordered": listed, "heading": f"Sources: {part_label(path, listed[0])}"}


def quotes(page: PageInputs) -> dict:
    return {"ordered": sorted(page.view.briefing.quotes, key=lambda q: (q.date.start, q.id))}


def methodology(page: PageInputs) -> dict:
    has = page.view.parts
    facts = ["event", *(kind for part, kind in (("claims", "claim"), ("conflicts", "position"),
                                               ("leverage", "leverage item"), ("quotes", "quote")) if part in has)]
    facts += ["profile"] if has & {"people", "organisations"} else []
    prose = ["The summary", *(["the key takeaways"] if "takeaways" in has else [])]
    related = [text for part, text in (("claims", "a reported claim"), ("conflicts", "a side's position in a conflict"),
                                       ("leverage", "a leverage item")) if part in has]
    return {"counts": {s: sum(1 for e in page.view.events if e.status == s) for s in Status},
            "tone_counts": Counter(e.tone.value for e in page.view.events),
            "theme_counts": Counter(theme for e in page.view.events for theme in e.themes),
            "contested": [e for e in page.view.events if e.coding_note], "fact_kinds": series(facts),
            "prose_kinds": series(prose) + (" rest" if len(prose) > 1 else " rests"),
            "related_kinds": series(related).replace(" and ", " or ") if related else "",
            "passage_checks": _passage_checks(page.view.briefing.info),
            "needed": {rule.status: status_cell(rule) for rule in STATUS_RULES},
            "in_force_check": in_force_line(page.view.briefing.info.still_in_force_max_age_days),
            "snapshots": _snapshots(page.view.briefing.sources)}


def _snapshots(sources) -> str:
    """How many of the sources have an archived snapshot (of the original or the copy read), in words, counted
    as the home page counts the sources: the methodology says what the data holds, not what is meant to
    happen. A source whose original was not found has no address to archive."""
    archived = sum(1 for s in sources if s.snapshot)
    if not archived:
        return f"None of this briefing's {plural(len(sources), 'source')} has one yet."
    if archived == sum(1 for s in sources if not s.unlocated):
        return "Every source with an address has one."
    verb = "has" if archived == 1 else "have"
    return f"{archived} of the briefing's {plural(len(sources), 'source')} {verb} one so far."


def _passage_checks(info) -> list[str]:
    """What the build checks from the passages, in the words rules.py keeps for the methodology page."""
    required = info.passages_required_from
    return evidence_lines(info.passage_max_words, required.label if required else None)
