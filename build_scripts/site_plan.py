"""Assembling the site plan: every generated file's path and content, before anything is written."""
from __future__ import annotations

from . import pages
from .model import Briefing
from .views import (CLAIMS, LEVERAGE, QUOTES, SOURCES, TIMELINE, build_view, conflict_page, sources_bucket_page,
                    timeline_year_page)


class PlanConflict(Exception):
    """Two things tried to produce the same output path: a bug to report, not to hide."""


class SitePlan(dict):
    """path -> content, refusing to plan the same path twice."""

    def add(self, path: str, content: str | bytes) -> None:
        if path in self:
            raise PlanConflict(f"two generators produced {path}")
        self[path] = content


def plan_pages(briefing: Briefing) -> SitePlan:
    """Every generated Markdown page of the briefing, keyed by its path under the docs root."""
    view = build_view(briefing)
    plan = SitePlan()
    plan.add("index.md", pages.render_home(view))
    plan.add(TIMELINE, pages.render_timeline(view))
    if view.timeline_split:
        for year, events in pages.events_by_year(view).items():
            plan.add(timeline_year_page(year), pages.render_timeline_year(view, year, events))
    plan.add(CLAIMS, pages.render_claims(view))
    plan.add("conflicts/index.md", pages.render_conflicts_index(view))
    for conflict in briefing.conflicts:
        plan.add(conflict_page(conflict.id), pages.render_conflict(view, conflict))
    plan.add(LEVERAGE, pages.render_leverage(view))
    plan.add("people/index.md", pages.render_people_index(view))
    for person in briefing.people:
        plan.add(view.entity_page(person.id), pages.render_person(view, person))
    plan.add("organisations/index.md", pages.render_organisations_index(view))
    for org in briefing.organisations:
        plan.add(view.entity_page(org.id), pages.render_organisation(view, org))
    plan.add(SOURCES, pages.render_sources(view))
    if view.sources_split:
        for bucket, sources in pages.sources_by_bucket(view).items():
            plan.add(sources_bucket_page(bucket), pages.render_sources_bucket(view, bucket, sources))
    plan.add(QUOTES, pages.render_quotes(view))
    plan.add("methodology.md", pages.render_methodology(view))
    return plan


def plan_nav(briefing: Briefing) -> list:
    """The site menu: a fixed, small set of sections. Entity pages stay out of it, so every
    page's HTML does not grow with the number of people and organisations."""
    view = build_view(briefing)
    conflicts = [conflict_page(c.id) for c in briefing.conflicts]
    return [
        {"Briefing": "index.md"},
        {"Timeline": TIMELINE},
        {pages.report_label(view): CLAIMS},
        {"Points of conflict": ["conflicts/index.md", *conflicts]},
        {"Leverage": LEVERAGE},
        {"People": "people/index.md"},
        {"Organisations": "organisations/index.md"},
        {"Quotes": QUOTES},
        {"Sources": SOURCES},
        {"About": ["methodology.md"]},
    ]
