"""The site plan: every generated page's path and text, and the menu, derived from the page
registry (page_registry.PAGE_KINDS) before anything is written."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import jinja2

from build_scripts.plan.page_registry import PAGE_KINDS, PageKind, page_links
from build_scripts.render import pages
from build_scripts.render.page_context import Flavour
from build_scripts.render.page_paths import pattern_regex
from build_scripts.render.page_variables import PageInputs
from build_scripts.render.reading import Followed, Made, Reads, reading, same_value
from build_scripts.render.views import BriefingView


class PlanConflict(Exception):
    """Two things tried to produce the same output path: a bug to report, not to hide."""


@dataclass
class Rendered:
    """A page's texts by flavour, and what they were rendered from: its subject, the updates and every
    value it read from the view."""

    subject: Any
    updates: Any
    reads: Reads
    texts: dict[Flavour, str]


@dataclass
class PageCache:
    """What page rendering keeps for the next run of a build session: the template environment and
    each page's texts by flavour, with the inputs they were rendered from."""

    templates: jinja2.Environment = field(default_factory=pages.template_environment)
    rendered: dict[str, Rendered] = field(default_factory=dict)  # page path -> its record


@dataclass(frozen=True)
class PlannedPage:
    path: str
    kind: PageKind
    subject: Any  # what the page is about (a conflict, a person, a period); None for a whole-briefing page


def planned_pages(view: BriefingView, kinds: tuple[PageKind, ...] = PAGE_KINDS) -> list[PlannedPage]:
    """Every page this briefing has, in the registry's order; a path planned twice, or one that does
    not match its kind's pattern, is refused."""
    planned: dict[str, PlannedPage] = {}
    for kind in kinds:
        pattern = pattern_regex(kind.path)
        for path, subject in kind.pages(view):
            if path in planned:
                raise PlanConflict(f"two page kinds produced {path}: {planned[path].kind.name} and {kind.name}")
            if not pattern.fullmatch(path):
                raise PlanConflict(f"page kind {kind.name} produced {path}, which is not of the form {kind.path}")
            planned[path] = PlannedPage(path, kind, subject)
    return list(planned.values())


def plan_pages(view: BriefingView, updates=None, planned: list[PlannedPage] | None = None,
               flavour: Flavour = Flavour.SITE, kinds: tuple[PageKind, ...] = PAGE_KINDS) -> dict[str, str]:
    """Every generated page, keyed by its path under the docs root, in one flavour: the site's
    Markdown, or its plain-Markdown copy (Flavour.COPY). updates: what changed, from the data's
    history (None: no history to read); planned: planned_pages(view, kinds)."""
    return plan_flavours(view, updates, planned, (flavour,), kinds)[flavour]


def plan_flavours(view: BriefingView, updates, planned: list[PlannedPage] | None, flavours: tuple[Flavour, ...],
                  kinds: tuple[PageKind, ...] = PAGE_KINDS,
                  cache: PageCache | None = None) -> dict[Flavour, dict[str, str]]:
    """Every page in each flavour. A page keeps its texts from the last generation while everything it
    read then is unchanged (render/reading.py: each value it read from the view, its subject and the
    updates); its reads are checked once for all flavours."""
    cache = cache if cache is not None else PageCache()
    run = _Run(page_links(kinds), cache.templates, {}, updates)
    out: dict[Flavour, dict[str, str]] = {flavour: {} for flavour in flavours}
    followed = Followed({}, {})  # where each path read last time leads on this view, shared by the pages' checks
    for page in planned if planned is not None else planned_pages(view, kinds):
        record = _record_while_unchanged(view, page, updates, cache.rendered, followed)
        for flavour in flavours:
            if flavour not in record.texts:
                record.texts[flavour] = _render(view, page, flavour, record.reads, run)
            out[flavour][page.path] = record.texts[flavour]
    for path in [p for p in cache.rendered if p not in out[flavours[0]]]:
        del cache.rendered[path]
    return out


@dataclass(frozen=True)
class _Run:
    """What every page of one generation is rendered with: the links to single pages, the template
    environment, the fragments made so far (render/reading.Made) and the updates."""

    links: dict[str, str]
    templates: jinja2.Environment
    made: dict[tuple, tuple[str, Reads]]
    updates: Any


def _render(view: BriefingView, page: PlannedPage, flavour: Flavour, reads: Reads, run: _Run) -> str:
    """The page in a flavour, rendered from the view as it reads it: each read is added to reads."""
    seen = reading(view, reads)
    return pages.render(page.kind.template, seen, page.path, flavour, links=run.links, search=page.kind.search,
                        env=run.templates, made=Made(run.made, reads), kind=page.kind.name, subject=page.subject,
                        **page.kind.context(PageInputs(seen, page.subject, run.updates)))


def _record_while_unchanged(view: BriefingView, page: PlannedPage, updates, rendered: dict,
                            followed: Followed) -> Rendered:
    """The page's record from the last generation while its subject, the updates and every value it
    read are unchanged; else a new, empty one. followed: the paths followed on this view so far."""
    record = rendered.get(page.path)
    if record is None or not (same_value(record.subject, page.subject) and same_value(record.updates, updates)
                              and record.reads.unchanged(view, followed)):
        record = rendered[page.path] = Rendered(page.subject, updates, Reads(), {})
    return record


def plan_nav(view: BriefingView, planned: list[PlannedPage] | None = None,
             kinds: tuple[PageKind, ...] = PAGE_KINDS) -> list[dict]:
    """The site menu: one section per menu place of the registry, by rank; a section with one page
    links it, one with several lists them. Kinds without a menu place (entity pages, split parts)
    stay out of it, so every page's HTML does not grow with the number of people and organisations."""
    sections: dict[tuple[int, str], list[str]] = {}
    for page in planned if planned is not None else planned_pages(view, kinds):
        if page.kind.menu is not None:
            sections.setdefault((page.kind.menu.rank, page.kind.menu.section(view)), []).append(page.path)
    return [{title: paths[0] if len(paths) == 1 else paths} for (_, title), paths in sorted(sections.items(),
                                                                                          key=lambda s: s[0][0])]
