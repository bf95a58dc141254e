"""What each kind of page's template is given besides the view (pure): one function per page kind,
named in the page registry (plan/page_registry.py). Each takes the view, the page's subject (the
conflict, person or period it is about; None for a page about the whole briefing) and the data's
history (None when it is not read)."""
from __future__ import annotations

from collections import Counter

from build_scripts.data.model import Organisation, Person, Status
from build_scripts.data.rules import evidence_lines
from build_scripts.history.diffing import LABELS
from build_scripts.history.update_days import by_day
from build_scripts.render.page_paths import SOURCES, conflict_page, part_label
from build_scripts.render.views import BriefingView


def home(view: BriefingView, subject, updates) -> dict:
    latest = list(reversed(view.events[-5:]))
    recent = [(d, c) for d in by_day(updates or []) for c in d.changes][:3]
    return {"latest": latest, "updates": updates, "recent": recent, "labels": LABELS}


def updates_page(view: BriefingView, subject, updates) -> dict:
    """The updates by day (None when there is no history to read)."""
    return {"updates": updates, "days": by_day(updates) if updates is not None else None, "labels": LABELS}


def events_by_year(view: BriefingView) -> dict[int, list]:
    years: dict[int, list] = {}
    for event in view.events:
        years.setdefault(event.date.start.year, []).append(event)
    return years


def timeline(view: BriefingView, subject, updates) -> dict:
    """The whole timeline by year, or, when it is split, a table of its parts (each listed once)."""
    split = view.timeline_split
    parts = [(page, part_label(page, events[0]), len(events)) for page, events in view.events_by_page.items()]
    return {"years": {} if split else events_by_year(view), "split": split, "parts": parts if split else []}


def timeline_part(view: BriefingView, subject: tuple[str, list], updates) -> dict:
    page, events = subject
    return {"label": part_label(page, events[0]), "events": events}


def conflicts_index(view: BriefingView, subject, updates) -> dict:
    return {"conflict_page": conflict_page}


def conflict(view: BriefingView, subject, updates) -> dict:
    claims = {c.id: c for c in view.briefing.claims}
    return {"conflict": subject, "claims": [claims[c] for c in subject.claims]}


def leverage(view: BriefingView, subject, updates) -> dict:
    return {"claims": {c.id: c for c in view.briefing.claims}}


def person(view: BriefingView, subject, updates) -> dict:
    return {"person": subject}


def organisation(view: BriefingView, subject, updates) -> dict:
    return {"org": subject}


def people_index(view: BriefingView, subject, updates) -> dict:
    return {"people": [e for e in view.entities.values() if isinstance(e, Person)]}


def organisations_index(view: BriefingView, subject, updates) -> dict:
    return {"orgs": [e for e in view.entities.values() if isinstance(e, Organisation)]}


def sources_index(view: BriefingView, subject, updates) -> dict:
    """The sources split into pages per outlet: a table of them."""
    return {"parts": [(page, part_label(page, sources[0]), len(sources))
                      for page, sources in view.sources_by_page.items()]}


def sources(view: BriefingView, subject, updates) -> dict:
    return {"ordered": view.sources_by_page.get(SOURCES, []), "heading": "Sources"}


def sources_part(view: BriefingView, subject: tuple[str, list], updates) -> dict:
    page, listed = subject
    return {"ordered": listed, "heading": f"Sources: {part_label(page, listed[0])}"}


def quotes(view: BriefingView, subject, updates) -> dict:
    return {"ordered": sorted(view.briefing.quotes, key=lambda q: (q.date.start, q.id))}


def methodology(view: BriefingView, subject, updates) -> dict:
    has = view.parts
    facts = ["event", *(kind for part, kind in (("claims", "claim"), ("conflicts", "position"),
                                               ("leverage", "leverage item"), ("quotes", "quote")) if part in has)]
    facts += ["profile"] if has & {"people", "organisations"} else []
    prose = ["The summary", *(text for part, text in (("takeaways", "the key takeaways"),
                                                      ("conflicts", "each side's position in a conflict"),
                                                      ("leverage", "each leverage item")) if part in has)]
    return {"counts": {s: sum(1 for e in view.events if e.status == s) for s in Status},
            "tone_counts": Counter(e.tone.value for e in view.events),
            "theme_counts": Counter(theme for e in view.events for theme in e.themes),
            "contested": [e for e in view.events if e.coding_note], "fact_kinds": series(facts),
            "prose_kinds": series(prose) + (" rest" if len(prose) > 1 else " rests"),
            "passage_checks": _passage_checks(view.briefing.info)}


def _passage_checks(info) -> list[str]:
    """What the build checks from the passages, in the words rules.py keeps for the methodology page."""
    required = info.passages_required_from
    return evidence_lines(info.passage_max_words, required.label if required else None)


def series(words: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return ", ".join(words[:-1]) + (" and " if len(words) > 1 else "") + words[-1]
