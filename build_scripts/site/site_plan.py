"""The site plan: every generated page's path and text, and the menu, derived from the page
registry (page_registry.PAGE_KINDS) before anything is written."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from build_scripts.render import pages
from build_scripts.render.page_context import Flavour
from build_scripts.render.views import BriefingView
from build_scripts.reuse import same_inputs
from build_scripts.site.page_registry import PAGE_KINDS, PageKind, page_links


class PlanConflict(Exception):
    """Two things tried to produce the same output path: a bug to report, not to hide."""


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
        pattern = _pattern(kind.path)
        for path, subject in kind.pages(view):
            if path in planned:
                raise PlanConflict(f"two page kinds produced {path}: {planned[path].kind.name} and {kind.name}")
            if not pattern.fullmatch(path):
                raise PlanConflict(f"page kind {kind.name} produced {path}, which is not of the form {kind.path}")
            planned[path] = PlannedPage(path, kind, subject)
    return list(planned.values())


def _pattern(path: str) -> re.Pattern:
    return re.compile(re.sub(r"\\\{[a-z]+\\\}", "[^/]+", re.escape(path)))


def plan_pages(view: BriefingView, updates=None, planned: list[PlannedPage] | None = None,
               flavour: Flavour = Flavour.SITE, kinds: tuple[PageKind, ...] = PAGE_KINDS) -> dict[str, str]:
    """Every generated page, keyed by its path under the docs root, in a flavour: the site's Markdown,
    or its plain-Markdown copy (Flavour.COPY). updates: what changed, from the data's history (None:
    no history to read); planned: planned_pages(view, kinds)."""
    links = page_links(kinds)
    rendered: dict[str, str] = {}
    for page in planned if planned is not None else planned_pages(view, kinds):
        rendered[page.path] = _reused_or_rendered(view, page, updates, links, flavour)
    memo = view.reuse.rendered
    for path in [p for p in memo if p not in rendered]:
        del memo[path]
    return rendered


def _reused_or_rendered(view: BriefingView, page: PlannedPage, updates, links: dict[str, str],
                        flavour: Flavour) -> str:
    """The page's text, or the text it had last time when every input is the very same object as
    then (the loader hands back unchanged items as the same objects; each entry keeps its inputs
    alive, so a reused id cannot fool the test). Kinds without `depends` (pages that summarise the
    whole briefing; they are few) are always rendered."""
    kind = page.kind
    render = lambda: pages.render(kind.template, view, page.path, flavour, links=links,  # noqa: E731
                                  search=kind.search, **kind.context(view, page.subject, updates))
    if kind.depends is None:
        return render()
    texts = _texts_while_unchanged(view, page)
    if flavour not in texts:
        texts[flavour] = render()
    return texts[flavour]


def _texts_while_unchanged(view: BriefingView, page: PlannedPage) -> dict[Flavour, str]:
    """The page's texts by flavour, kept while its inputs are the same (checked once per generation,
    for both flavours); an empty record when any input changed."""
    checked = ("page inputs checked", page.path)
    entry = view.reuse.rendered.get(page.path)
    if checked in view.fragments and entry is not None:
        return entry[1]
    assert page.kind.depends is not None
    deps = (view.timeline_split, view.sources_split, *page.kind.depends(view, page.subject))
    if entry is None or not same_inputs(entry[0], deps):
        entry = view.reuse.rendered[page.path] = (deps, {})
    view.fragments[checked] = ""
    return entry[1]


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
