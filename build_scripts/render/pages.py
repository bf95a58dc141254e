"""Page rendering: pure functions from the view to a page's text, through Jinja2 templates.

Every `{{ value }}` in a template is escaped as literal text unless it is already `Md` (what `ctx`,
a render/page_context.PageContext, returns), so data can never inject markup. Each render_* function
renders its page in a flavour: the site's page (Flavour.SITE) or its plain-Markdown copy (Flavour.COPY).
"""
from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from pathlib import Path

import jinja2

from build_scripts.data.dates import when
from build_scripts.data.model import STATUS_LABELS, STATUS_MEANINGS, Organisation, Person, Status
from build_scripts.data.rules import STATUS_RULES, check_lines
from build_scripts.history.diffing import LABELS
from build_scripts.render import text as t
from build_scripts.render.fragments import METHODOLOGY
from build_scripts.render.page_context import Flavour, PageContext
from build_scripts.render.views import (
    CLAIMS,
    LEVERAGE,
    QUOTES,
    SOURCES,
    TIMELINE,
    BriefingView,
    conflict_page,
    part_label,
)

SITE, COPY = Flavour.SITE, Flavour.COPY
TEMPLATES = Path(__file__).parent / "templates"


def _finalize(value):
    if value is None:
        return ""
    return t.md_text(value)


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        when=lambda d: t.md_text(when(d)),
        raw_id=lambda value: t.Md(value),  # ids are validated as [a-z0-9-]
        md=t.Md,
        count=lambda n, noun: t.md_text(t.plural(n, noun)),
        lower_first=lambda value: t.md_text(value[:1].lower() + value[1:]),  # only for the output of our own macros, which escape their own data
        # Front matter: MkDocs and Material print page titles and descriptions into HTML unescaped,
        # so they are HTML-escaped here, then quoted as a YAML (JSON) string.
        tojson=lambda value: t.Md(json.dumps(t.html_text(value, attribute=True), ensure_ascii=False)),
    )
    return env


def render(template: str, view: BriefingView, page: str, flavour: Flavour = SITE, **extra) -> str:
    """A page in a flavour: the site's, or its plain-Markdown copy (without front matter)."""
    seed_id = view.briefing.info.seed_source
    text = _environment().get_template(template).render(
        ctx=PageContext(view, page, flavour), view=view, b=view.briefing, page=page, links=_links(), statuses=list(Status),
        seed=view.sources[seed_id] if seed_id else None, report_label=report_label(view), has=view.parts,
        words=view.briefing.info.wording,
        STATUS_LABELS=STATUS_LABELS, STATUS_MEANINGS=STATUS_MEANINGS, STATUS_RULES=STATUS_RULES,
        check_lines=check_lines(), **extra,
    )
    return as_copy(text) if flavour is COPY else text


def as_copy(text: str) -> str:
    """A page rendered as a copy, without its front matter (the site's metadata), trailing spaces, or
    more than one blank line between blocks (where the template left out parts a copy does not show)."""
    if text.startswith("---\n"):
        text = text[text.index("\n---\n", 3) + 5:]
    lines = "\n".join(line.rstrip() for line in text.split("\n"))
    return "\n\n".join(block.strip("\n") for block in lines.split("\n\n") if block.strip()) + "\n"


def report_label(view: BriefingView) -> str:
    """'The April 2025 report': how pages name the reporting the briefing started from (the briefing's
    own wording first; 'Reported claims' when it did not start from one report)."""
    info = view.briefing.info
    if info.wording.claims_page:
        return info.wording.claims_page
    if info.seed_source is None:
        return "Reported claims"
    seed = view.sources[info.seed_source]
    return f"The {seed.date.label} report" if seed.date else f"The {seed.outlet} report"


def _links() -> dict[str, str]:
    return {"timeline": TIMELINE, "sources": SOURCES, "claims": CLAIMS, "leverage": LEVERAGE, "quotes": QUOTES}


def render_home(view: BriefingView, updates=None, flavour: Flavour = SITE) -> str:
    latest = list(reversed(view.events[-5:]))
    recent = [(u, c) for u in (updates or []) for c in u.changes][:3]
    return render("home.md.j2", view, "index.md", flavour, latest=latest, updates=updates, recent=recent, labels=LABELS)


def render_updates(view: BriefingView, updates, flavour: Flavour = SITE) -> str:
    return render("updates.md.j2", view, "updates.md", flavour, updates=updates, labels=LABELS)


def events_by_year(view: BriefingView) -> dict[int, list]:
    years: dict[int, list] = {}
    for event in view.events:
        years.setdefault(event.date.start.year, []).append(event)
    return years


def render_timeline(view: BriefingView, flavour: Flavour = SITE) -> str:
    """The whole timeline by year, or, when it is split, a table of its parts (each listed once)."""
    split = view.timeline_split
    parts = [(page, part_label(page, events[0]), len(events)) for page, events in view.events_by_page.items()]
    return render("timeline.md.j2", view, TIMELINE, flavour, years={} if split else events_by_year(view), split=split,
                  parts=parts if split else [])


def render_timeline_part(view: BriefingView, page: str, events: list, flavour: Flavour = SITE) -> str:
    return render("timeline_year.md.j2", view, page, flavour, label=part_label(page, events[0]), events=events)


def render_claims(view: BriefingView, flavour: Flavour = SITE) -> str:
    return render("claims.md.j2", view, CLAIMS, flavour)


def render_conflicts_index(view: BriefingView, flavour: Flavour = SITE) -> str:
    return render("conflicts_index.md.j2", view, "conflicts/index.md", flavour, conflict_page=conflict_page)


def render_conflict(view: BriefingView, conflict, flavour: Flavour = SITE) -> str:
    claims = {c.id: c for c in view.briefing.claims}
    return render("conflict.md.j2", view, conflict_page(conflict.id), flavour, conflict=conflict,
                  claims=[claims[c] for c in conflict.claims])


def render_leverage(view: BriefingView, flavour: Flavour = SITE) -> str:
    claims = {c.id: c for c in view.briefing.claims}
    return render("leverage.md.j2", view, LEVERAGE, flavour, claims=claims)


def render_person(view: BriefingView, person, flavour: Flavour = SITE) -> str:
    return render("person.md.j2", view, view.entity_page(person.id), flavour, person=person)


def render_organisation(view: BriefingView, org, flavour: Flavour = SITE) -> str:
    return render("organisation.md.j2", view, view.entity_page(org.id), flavour, org=org)


def render_people_index(view: BriefingView, flavour: Flavour = SITE) -> str:
    people = [e for e in view.entities.values() if isinstance(e, Person)]
    return render("people_index.md.j2", view, "people/index.md", flavour, people=people)


def render_organisations_index(view: BriefingView, flavour: Flavour = SITE) -> str:
    orgs = [e for e in view.entities.values() if isinstance(e, Organisation)]
    return render("organisations_index.md.j2", view, "organisations/index.md", flavour, orgs=orgs)


def render_sources(view: BriefingView, flavour: Flavour = SITE) -> str:
    if view.sources_split:
        parts = [(page, part_label(page, sources[0]), len(sources))
                 for page, sources in view.sources_by_page.items()]
        return render("sources_index.md.j2", view, SOURCES, flavour, parts=parts)
    return render("sources.md.j2", view, SOURCES, flavour, ordered=view.sources_by_page.get(SOURCES, []), heading="Sources")


def render_sources_part(view: BriefingView, page: str, sources: list, flavour: Flavour = SITE) -> str:
    return render("sources.md.j2", view, page, flavour, ordered=sources, heading=f"Sources: {part_label(page, sources[0])}")


def render_quotes(view: BriefingView, flavour: Flavour = SITE) -> str:
    ordered = sorted(view.briefing.quotes, key=lambda q: (q.date.start, q.id))
    return render("quotes.md.j2", view, QUOTES, flavour, ordered=ordered)


def render_print(view: BriefingView, flavour: Flavour = SITE) -> str:
    return render("print.md.j2", view, "print.md", flavour)


def render_methodology(view: BriefingView, flavour: Flavour = SITE) -> str:
    counts = {s: sum(1 for e in view.events if e.status == s) for s in Status}
    tone_counts = Counter(e.tone.value for e in view.events)
    theme_counts = Counter(theme for e in view.events for theme in e.themes)
    contested = [e for e in view.events if e.coding_note]
    has = view.parts
    facts = ["event", *(kind for part, kind in (("claims", "claim"), ("conflicts", "position"),
                                               ("leverage", "leverage item"), ("quotes", "quote")) if part in has)]
    facts += ["profile"] if has & {"people", "organisations"} else []
    prose = ["The summary", *(text for part, text in (("takeaways", "the key takeaways"),
                                                      ("conflicts", "each side's position in a conflict"),
                                                      ("leverage", "each leverage item")) if part in has)]
    return render("methodology.md.j2", view, METHODOLOGY, flavour, counts=counts, tone_counts=tone_counts,
                  theme_counts=theme_counts, contested=contested, fact_kinds=series(facts),
                  prose_kinds=series(prose) + (" rest" if len(prose) > 1 else " rests"))


def series(words: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return ", ".join(words[:-1]) + (" and " if len(words) > 1 else "") + words[-1]
