"""The page registry: every kind of page the site can have, in one table.

Each kind says where its pages live (a path pattern), which template renders them and what the
template is given, which pages of that kind this briefing has, where they stand in the menu, its
schema.org type and how the site's search treats it (written into the page's front matter).
The site plan, the menu, MkDocs's `not_in_nav`, the links templates use between pages and
the structured data are all derived from this table: adding a page kind is a template in
render/templates/ plus one entry here (README: "Adding a page kind").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable

from build_scripts.render import page_paths as paths
from build_scripts.render import page_variables as variables
from build_scripts.render.page_paths import conflict_page
from build_scripts.render.page_variables import PageInputs
from build_scripts.render.pages import report_label
from build_scripts.render.views import BriefingView

Context = Callable[[PageInputs], dict]  # a page's own template variables (render/page_variables.py)
Pages = Callable[[BriefingView], Iterable[tuple[str, Any]]]  # (path, subject) of each page the briefing has


def no_context(page: PageInputs) -> dict:
    return {}


@dataclass(frozen=True)
class Menu:
    """A place in the menu: its section's title (or how to word it from the view) and the section's rank."""

    title: str | Callable[[BriefingView], str]
    rank: int

    def section(self, view: BriefingView) -> str:
        return self.title if isinstance(self.title, str) else self.title(view)


SCHEMA_TYPES = ("NewsArticle", "Person", "Organization")  # what site/structured_data.py can describe


@dataclass(frozen=True)
class PageKind:
    name: str  # also how templates link to a single page of this kind: links.<name>
    path: str  # a path, or a pattern with the varying part in braces ('people/{id}.md')
    template: str
    pages: Pages  # which pages of this kind the briefing has
    context: Context = no_context
    menu: Menu | None = None  # None: kept out of the menu (MkDocs's not_in_nav)
    schema_type: str = "NewsArticle"  # what the page's JSON-LD describes
    search: str = ""  # the search index's setting for its facts: 'boost: 2', 'exclude: true' (site/search_index.py)

    def __post_init__(self) -> None:
        if self.schema_type not in SCHEMA_TYPES:
            raise ValueError(f"page kind {self.name}: schema_type must be one of {', '.join(SCHEMA_TYPES)}")

    @property
    def single(self) -> bool:
        return "{" not in self.path


def single(name: str, path: str, template: str, context: Context = no_context, menu: Menu | None = None,
           part: str | None = None, when: Callable[[BriefingView], bool] | None = None, search: str = "") -> PageKind:
    """A kind with one page (path), shown always, or when the briefing has `part` (view.parts), or
    when `when` holds."""
    def pages(view: BriefingView) -> list[tuple[str, Any]]:
        shown = (part is None or part in view.parts) and (when is None or when(view))
        return [(path, None)] if shown else []
    return PageKind(name, path, template, pages, context, menu, search=search)


def _timeline_parts(view: BriefingView):
    return [(page, (page, events)) for page, events in view.events_by_page.items()] if view.timeline_split else []


def _source_parts(view: BriefingView):
    return [(page, (page, listed)) for page, listed in view.sources_by_page.items()] if view.sources_split else []


def _people(view: BriefingView):
    return [(view.entity_page(p.id), p) for p in view.briefing.people]


def _organisations(view: BriefingView):
    return [(view.entity_page(o.id), o) for o in view.briefing.organisations]


def _conflicts(view: BriefingView):
    return [(conflict_page(c.id), c) for c in view.briefing.conflicts]


def _conflicts_title(view: BriefingView) -> str:
    return view.briefing.info.wording.conflicts_page


def _leverage_title(view: BriefingView) -> str:
    return view.briefing.info.wording.leverage_page


PAGE_KINDS: tuple[PageKind, ...] = (  # in the order pages are planned
    single("home", paths.HOME, "home.md.j2", variables.home, Menu("Briefing", 0)),
    single("updates", paths.UPDATES, "updates.md.j2", variables.updates_page, Menu("Updates", 90)),
    single("timeline", paths.TIMELINE, "timeline.md.j2", variables.timeline, Menu("Timeline", 10), search="boost: 2"),
    PageKind("timeline-part", paths.TIMELINE_PART, "timeline_year.md.j2", _timeline_parts, variables.timeline_part,
             search="boost: 2"),
    single("claims", paths.CLAIMS, "claims.md.j2", menu=Menu(report_label, 20), part="claims"),
    single("conflicts", paths.CONFLICTS, "conflicts_index.md.j2", variables.conflicts_index,
           Menu(_conflicts_title, 30), part="conflicts"),
    PageKind("conflict", paths.CONFLICT, "conflict.md.j2", _conflicts, variables.conflict, Menu(_conflicts_title, 30),
             search="boost: 3"),
    single("leverage", paths.LEVERAGE, "leverage.md.j2", variables.leverage, Menu(_leverage_title, 40),
           when=lambda view: bool(view.parts & {"leverage", "relationships"})),
    single("people", paths.PEOPLE, "people_index.md.j2", variables.people_index, Menu("People", 50), part="people"),
    PageKind("person", paths.PERSON, "person.md.j2", _people, variables.person,
             schema_type="Person", search="boost: 3"),
    single("organisations", paths.ORGANISATIONS, "organisations_index.md.j2", variables.organisations_index,
           Menu("Organisations", 60), part="organisations"),
    PageKind("organisation", paths.ORGANISATION, "organisation.md.j2", _organisations, variables.organisation,
             schema_type="Organization", search="boost: 3"),
    single("sources", paths.SOURCES, "sources.md.j2", variables.sources, Menu("Sources", 80),
           when=lambda view: not view.sources_split, search="boost: 0.5"),
    single("sources-index", paths.SOURCES, "sources_index.md.j2", variables.sources_index, Menu("Sources", 80),
           when=lambda view: view.sources_split, search="boost: 0.5"),
    PageKind("sources-part", paths.SOURCES_PART, "sources.md.j2", _source_parts, variables.sources_part,
             search="boost: 0.5"),
    single("quotes", paths.QUOTES, "quotes.md.j2", variables.quotes, Menu("Quotes", 70), part="quotes"),
    single("methodology", paths.METHODOLOGY, "methodology.md.j2", variables.methodology, Menu("About", 100)),
    single("print", paths.PRINT, "print.md.j2", menu=Menu("About", 100), search="exclude: true"),
)


def page_links(kinds: Iterable[PageKind] = PAGE_KINDS) -> dict[str, str]:
    """How templates link to single pages: links.timeline -> 'timeline.md'."""
    return {kind.name: kind.path for kind in kinds if kind.single}


def not_in_nav(kinds: Iterable[PageKind] = PAGE_KINDS) -> list[str]:
    """MkDocs's not_in_nav patterns: the folders of page kinds kept out of the menu."""
    return sorted({"/" + (kind.path if kind.single else paths.pattern_folder(kind.path) + "*.md")
                   for kind in kinds if kind.menu is None})
