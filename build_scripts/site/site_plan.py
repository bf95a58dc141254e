"""Assembling the site plan: every generated file's path and content, before anything is written."""
from __future__ import annotations

from collections.abc import Callable
from functools import partial

from build_scripts.render import pages
from build_scripts.render.page_context import Flavour
from build_scripts.reuse import same_inputs
from build_scripts.data.model import Briefing
from build_scripts.render.views import CLAIMS, LEVERAGE, QUOTES, SOURCES, TIMELINE, BriefingView, build_view, conflict_page


class PlanConflict(Exception):
    """Two things tried to produce the same output path: a bug to report, not to hide."""


class SitePlan(dict):
    """path -> content, refusing to plan the same path twice. renderers: path -> render(flavour) for
    each page, to render it again in another flavour (its plain-Markdown copy)."""

    def __init__(self):
        super().__init__()
        self.renderers: dict[str, Callable[[Flavour], str]] = {}

    def add(self, path: str, content: str | bytes) -> None:
        if path in self:
            raise PlanConflict(f"two generators produced {path}")
        self[path] = content

    def add_page(self, path: str, render: Callable[[Flavour], str]) -> None:
        """A page, rendered for the site now."""
        self.add(path, render(Flavour.SITE))
        self.renderers[path] = render


def plan_pages(briefing: Briefing, view: BriefingView | None = None, updates=None) -> SitePlan:
    """Every generated Markdown page of the briefing, keyed by its path under the docs root.
    updates: what changed, from the data's history (None: no history to read)."""
    view = view or build_view(briefing)
    plan = SitePlan()
    plan.add_page("index.md", partial(pages.render_home, view, updates))
    plan.add_page("updates.md", partial(pages.render_updates, view, updates))
    plan.add_page(TIMELINE, partial(pages.render_timeline, view))
    if view.timeline_split:
        for page, events in view.events_by_page.items():
            deps = (*events, *_sources_and_actors(view, events))
            plan.add_page(page, _reuse(page, deps, view, partial(pages.render_timeline_part, view, page, events)))
    has = view.parts
    if "claims" in has:
        plan.add_page(CLAIMS, partial(pages.render_claims, view))
    if "conflicts" in has:
        plan.add_page("conflicts/index.md", partial(pages.render_conflicts_index, view))
    for conflict in briefing.conflicts:
        plan.add_page(conflict_page(conflict.id), partial(pages.render_conflict, view, conflict))
    if has & {"leverage", "relationships"}:
        plan.add_page(LEVERAGE, partial(pages.render_leverage, view))
    if "people" in has:
        plan.add_page("people/index.md", partial(pages.render_people_index, view))
    for person in briefing.people:
        plan.add_page(*_entity_page(view, person, pages.render_person))
    if "organisations" in has:
        plan.add_page("organisations/index.md", partial(pages.render_organisations_index, view))
    for org in briefing.organisations:
        plan.add_page(*_entity_page(view, org, pages.render_organisation))
    plan.add_page(SOURCES, partial(pages.render_sources, view))
    if view.sources_split:
        for page, sources in view.sources_by_page.items():
            deps = (*sources, *(use for s in sources for use in view.uses_by_source.get(s.id, ())))
            plan.add_page(page, _reuse(page, deps, view, partial(pages.render_sources_part, view, page, sources)))
    if "quotes" in has:
        plan.add_page(QUOTES, partial(pages.render_quotes, view))
    plan.add_page("methodology.md", partial(pages.render_methodology, view))
    plan.add_page("print.md", partial(pages.render_print, view))
    return _prune(plan)


# Incremental regeneration. The loader hands back the very same model objects for files whose
# bytes did not change, so a page whose inputs are all the same objects as last time renders to
# the same text: it is reused instead of rendered again, in each flavour (the site's page and its
# plain-Markdown copy). Each entry keeps its inputs alive, so an identity test can never be fooled by
# a reused id. Pages that summarise the whole briefing (home, indexes) are always rendered; they are few.
_RENDERED: dict[tuple[str, Flavour], tuple[tuple, str]] = {}


def _reuse(page: str, deps: tuple, view, render: Callable[[Flavour], str]) -> Callable[[Flavour], str]:
    """render, giving the text it gave last time in a flavour when every input is the same object as then."""
    deps = (view.timeline_split, view.sources_split, *deps)

    def reused(flavour: Flavour) -> str:
        cached = _RENDERED.get((page, flavour))
        if cached is not None and same_inputs(cached[0], deps):
            return cached[1]
        content = render(flavour=flavour)
        _RENDERED[page, flavour] = (deps, content)
        return content
    return reused


def _prune(plan: SitePlan) -> SitePlan:
    """The plan, once the cache has forgotten pages it no longer has."""
    for key in [key for key in _RENDERED if key[0] not in plan]:
        del _RENDERED[key]
    return plan


def _sources_and_actors(view, events) -> list:
    seen = {}
    for event in events:
        for source_id in event.sources:
            seen[source_id] = view.sources[source_id]
        for actor in event.actors:
            seen[actor] = view.entities[actor]
    return list(seen.values())


def _entity_page(view, entity, render) -> tuple[str, Callable[[Flavour], str]]:
    """A person's or organisation's page: its path, and its rendering, reused while its inputs are."""
    page = view.entity_page(entity.id)
    return page, _reuse(page, _entity_deps(view, entity), view, partial(render, view, entity))


def _entity_deps(view, entity) -> tuple:
    events = view.events_by_actor.get(entity.id, [])
    quotes = view.quotes_by_speaker.get(entity.id, [])
    rels = view.relationships_by_party.get(entity.id, [])
    parties = [view.entities[p] for r in rels for p in (r.source_party, r.target_party)]
    people = view.people_by_organisation.get(entity.id, [])
    orgs = [view.entities[o] for o in getattr(entity, "organisations", [])]
    sources = [view.sources[s] for s in entity.sources] + [view.sources[q.source] for q in quotes]
    return (entity, *events, *quotes, *rels, *parties, *people, *orgs, *sources,
            *(q.event for q in quotes), *(view.event_pages[e.id] for e in events))


def plan_nav(briefing: Briefing, view: BriefingView | None = None) -> list:
    """The site menu: a fixed, small set of sections. Entity pages stay out of it, so every
    page's HTML does not grow with the number of people and organisations."""
    view = view or build_view(briefing)
    has, words = view.parts, briefing.info.wording
    conflicts = [conflict_page(c.id) for c in briefing.conflicts]
    optional = [
        ("claims", {pages.report_label(view): CLAIMS}),
        ("conflicts", {words.conflicts_page: ["conflicts/index.md", *conflicts]}),
        ("leverage" if "leverage" in has else "relationships", {words.leverage_page: LEVERAGE}),
        ("people", {"People": "people/index.md"}),
        ("organisations", {"Organisations": "organisations/index.md"}),
        ("quotes", {"Quotes": QUOTES}),
    ]
    return [
        {"Briefing": "index.md"},
        {"Timeline": TIMELINE},
        *(entry for part, entry in optional if part in has),
        {"Sources": SOURCES},
        {"Updates": "updates.md"},
        {"About": ["methodology.md", "print.md"]},
    ]
