"""View building: the whole model's derived indexes (backlinks, ordering, page paths).

Built once from a complete Briefing, then read by every renderer; no I/O.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType

from build_scripts.data.dates import MONTHS
from build_scripts.data.model import Briefing, Code, Event, Organisation, Person, RelationCode, Source
from build_scripts.data.rules import DEFAULT_TONES, STRENGTH
from build_scripts.data.trust import independent_origins
from build_scripts.render.page_paths import (
    CLAIMS,
    CONFLICT,
    LEVERAGE,
    ORGANISATION,
    PERSON,
    QUOTES,
    SOURCES,
    SOURCES_PART,
    TIMELINE,
    TIMELINE_PART,
    page_for,
    pattern_folder,
)


def event_sort_key(event: Event) -> tuple:
    return (event.date.start, event.date.end, event.id)


@dataclass(frozen=True)
class SourceUse:
    """One place a source is cited: what kind of fact, its id, a readable label and where it lives."""

    kind: str
    label: str
    page: str
    anchor: str | None


@dataclass(frozen=True)
class Editing:
    """What pages say about the data behind them, from outside the model: each correction's earlier values
    (history/corrections.py: (collection, id, index) -> Earlier values), where each item is written
    ((collection, id) -> validation.Place; kept only when the briefing sets a repository) and the site's
    address (for the correction form's page field)."""

    earlier: Mapping[tuple[str, str, int], tuple] = field(default_factory=lambda: MappingProxyType({}))
    places: Mapping[tuple[str, str], object] = field(default_factory=lambda: MappingProxyType({}))
    site_url: str = ""


@dataclass
class BriefingView:
    briefing: Briefing
    events: list[Event]
    sources: dict[str, Source]
    entities: dict[str, Person | Organisation]
    events_by_id: dict[str, Event]
    events_by_actor: dict[str, list[Event]] = field(default_factory=dict)
    quotes_by_speaker: dict[str, list] = field(default_factory=dict)
    uses_by_source: dict[str, list[SourceUse]] = field(default_factory=dict)
    relationships_by_party: dict[str, list] = field(default_factory=dict)
    people_by_organisation: dict[str, list[Person]] = field(default_factory=dict)
    event_pages: dict[str, str] = field(default_factory=dict)
    source_pages: dict[str, str] = field(default_factory=dict)
    events_by_page: dict[str, list[Event]] = field(default_factory=dict)  # in reading order
    sources_by_page: dict[str, list[Source]] = field(default_factory=dict)  # by outlet, then date
    editing: Editing = field(default_factory=Editing)
    # Fragments rendered once per format and shared by every page (a source's line, a badge)
    fragments: dict[tuple, str] = field(default_factory=dict, repr=False, compare=False)
    # the independent origins of each list of sources cited, worked out once (origins_of)
    origins_found: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict, repr=False, compare=False)

    @property
    def timeline_split(self) -> bool:
        """The timeline is split into parts (decided once, by _timeline_pages)."""
        return bool(self.events_by_page) and TIMELINE not in self.events_by_page

    @property
    def sources_split(self) -> bool:
        """The sources are split into pages per outlet (decided once, by _source_pages)."""
        return bool(self.sources_by_page) and SOURCES not in self.sources_by_page

    def origins_of(self, source_ids) -> tuple[str, ...]:
        """The independent origins (distinct original outlets) behind these sources, worked out once."""
        key = tuple(source_ids)
        found = self.origins_found.get(key)
        if found is None:
            found = self.origins_found[key] = independent_origins(key, self.sources)
        return found

    def weakest_event(self, event_ids) -> Event:
        """The cited event with the weakest status (then the fewest independent origins): what prose
        resting on these events can claim."""
        events = [self.events_by_id[i] for i in event_ids]
        return max(events, key=lambda e: (STRENGTH[e.status], -len(self.origins_of(e.sources))))

    @property
    def parts(self) -> frozenset[str]:
        """The optional parts this briefing has data for: each page, menu entry, home section and
        methodology paragraph about a part appears only when the part is here."""
        b = self.briefing
        present = {name for name in ("claims", "conflicts", "leverage", "relationships", "quotes", "people",
                                     "organisations") if getattr(b, name)}
        present |= {"seed"} if b.info.seed_source else set()
        present |= {"takeaways"} if b.info.takeaways else set()
        present |= {"amounts"} if any(e.amounts for e in b.events) else set()
        present |= {"changed"} if any(c.superseded_by for c in b.claims) else set()
        return frozenset(present)

    @cached_property
    def codes(self) -> dict[str, Mapping[str, Code]]:
        """The codebook: tones (the briefing's wording, else the neutral defaults), themes and the kinds
        of relationship (relation_codes), by id (worked out once)."""
        book = self.briefing.info.codebook
        tones = {i: Code(id=i, label=label, definition=d, apply_when=a) for i, (label, d, a) in DEFAULT_TONES.items()}
        tones.update({c.id: c for c in book.tones})
        return {"tones": tones, "themes": {c.id: c for c in book.themes}, "relations": self.relation_codes}

    @cached_property
    def relation_codes(self) -> dict[str, RelationCode]:
        """The codebook's kinds of relationship by id, in its order (the relationship chart's)."""
        return {c.id: c for c in self.briefing.info.codebook.relations}

    def entity_page(self, entity_id: str) -> str:
        return page_for(PERSON if isinstance(self.entities[entity_id], Person) else ORGANISATION, entity_id)

    def entity_name(self, entity_id: str) -> str:
        return self.entities[entity_id].name


SPLIT_ABOVE = 300  # more events (or sources) than this, and their list is split into one page per year (letter)


def conflict_page(conflict_id: str) -> str:
    return page_for(CONFLICT, conflict_id)


def _timeline_pages(events: list[Event]) -> dict[str, str]:
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


def _source_pages(sources) -> dict[str, str]:
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


def build_view(briefing: Briefing, editing: Editing | None = None) -> BriefingView:
    people_and_organisations: tuple[Person | Organisation, ...] = (*briefing.people, *briefing.organisations)
    entities = {e.id: e for e in people_and_organisations}
    entities = dict(sorted(entities.items(), key=lambda kv: kv[1].name.casefold()))
    events = sorted(briefing.events, key=event_sort_key)
    view = BriefingView(
        briefing=briefing,
        events=events,
        sources={s.id: s for s in briefing.sources},
        entities=entities,
        events_by_id={e.id: e for e in events},
        editing=editing or Editing(),
    )
    view.event_pages = _timeline_pages(events)
    view.source_pages = _source_pages(briefing.sources)
    view.events_by_page = _group_by_page(events, view.event_pages)
    view.sources_by_page = _group_by_page(sorted(briefing.sources, key=_source_order), view.source_pages)
    view.events_by_actor = _events_by_actor(events)
    view.quotes_by_speaker = _group(sorted(briefing.quotes, key=lambda q: (q.date.start, q.id)), "speaker")
    view.relationships_by_party = _relationships_by_party(briefing)
    view.people_by_organisation = _people_by_organisation(briefing)
    view.uses_by_source = _uses_by_source(view)
    return view


def _source_order(source: Source) -> tuple:
    return (source.outlet.casefold(), source.date.start.isoformat() if source.date else "", source.id)


def _group_by_page(items, pages_by_id: dict[str, str]) -> dict[str, list]:
    """Items (already in reading order) grouped by the page they are listed on."""
    groups: dict[str, list] = {}
    for item in items:
        groups.setdefault(pages_by_id[item.id], []).append(item)
    return groups


def _group(items, attr: str) -> dict[str, list]:
    out: dict[str, list] = defaultdict(list)
    for item in items:
        out[getattr(item, attr)].append(item)
    return dict(out)


def _events_by_actor(events: list[Event]) -> dict[str, list[Event]]:
    out: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        for actor in event.actors:
            out[actor].append(event)
    return dict(out)


def _relationships_by_party(briefing: Briefing) -> dict[str, list]:
    out: dict[str, list] = defaultdict(list)
    for rel in briefing.relationships:
        out[rel.source_party].append(rel)
        out[rel.target_party].append(rel)
    return dict(out)


def _people_by_organisation(briefing: Briefing) -> dict[str, list[Person]]:
    out: dict[str, list[Person]] = defaultdict(list)
    for person in sorted(briefing.people, key=lambda p: p.name.casefold()):
        for org in person.organisations:
            out[org].append(person)
    return dict(out)


def _uses_by_source(view: BriefingView) -> dict[str, list[SourceUse]]:
    """Backlinks: for each source, every fact on the site that cites it."""
    b = view.briefing
    uses: dict[str, list[SourceUse]] = defaultdict(list)

    def add(source_ids, use: SourceUse) -> None:
        for source_id in dict.fromkeys(source_ids):
            uses[source_id].append(use)

    for event in view.events:
        add(event.sources,
            SourceUse("Event", f"{event.date.label}: {event.title}", view.event_pages[event.id], event.id))
    for claim in b.claims:
        add([*claim.sources, claim.reported_by, *claim.correction_sources],
            SourceUse("Reported claim", claim.text, CLAIMS, claim.id))
    for conflict in b.conflicts:
        add([s for p in conflict.positions for s in p.sources],
            SourceUse("Point of conflict", conflict.title, conflict_page(conflict.id), None))
    for item in b.leverage:
        add(item.sources, SourceUse("Leverage", item.title, LEVERAGE, item.id))
    for quote in b.quotes:
        add([quote.source], SourceUse("Quote", f"{view.entity_name(quote.speaker)}: “{quote.text}”", QUOTES, quote.id))
    for source in b.sources:
        if source.based_on is not None:
            add([source.based_on], SourceUse("Re-reported by", f"{source.outlet}: {source.title or source.subject}",
                                             view.source_pages[source.id], source.id))
    for entity_id, entity in view.entities.items():
        add(entity.sources, SourceUse("Profile", entity.name, view.entity_page(entity_id), None))
    for rel in b.relationships:
        kind = view.codes["relations"][rel.kind].label
        label = f"{view.entity_name(rel.source_party)} {kind} {view.entity_name(rel.target_party)}"
        add(rel.sources, SourceUse("Relationship", label, LEVERAGE, "relationships"))
    return dict(uses)


def change_target(view: BriefingView, change) -> tuple[str, str] | None:
    """Where a change can be seen now, if it still exists: (page, anchor; '' for a whole page)."""
    pages = {"events": view.event_pages, "sources": view.source_pages}.get(change.kind)
    if pages is not None:
        return (pages[change.item_id], change.item_id) if change.item_id in pages else None
    if change.kind in ("people", "organisations"):
        return (view.entity_page(change.item_id), "") if change.item_id in view.entities else None
    if not any(i.id == change.item_id for i in getattr(view.briefing, change.kind, ())):
        return None
    return (conflict_page(change.item_id), "") if change.kind == "conflicts" else \
        ({"claims": CLAIMS, "leverage": LEVERAGE, "quotes": QUOTES}[change.kind], change.item_id)
