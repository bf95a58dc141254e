"""View building: the whole model's derived indexes (backlinks, ordering, page paths).

Built once from a complete Briefing, then read by every renderer; no I/O. The view is frozen and keeps
no memo: what a stage reuses lives in that stage's cache, held by the build session.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from build_scripts.data.model import Briefing, Code, Event, Organisation, Person, RelationCode, Source
from build_scripts.data.rules import DEFAULT_TONES, STRENGTH
from build_scripts.data.trust import origin, outlet_key
from build_scripts.render.page_paths import (
    CLAIMS,
    LEVERAGE,
    ORGANISATION,
    PERSON,
    QUOTES,
    SOURCES,
    TIMELINE,
    conflict_page,
    page_for,
    pages_by_event,
    pages_by_source,
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


@dataclass(frozen=True)
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
    # each source's original outlet (following based_on): (its outlet_key, its name), for origins_of
    original_outlets: dict[str, tuple[str, str]] = field(default_factory=dict, repr=False)
    # the codebook: tones (the briefing's wording, else the neutral defaults), themes and the kinds of
    # relationship (relation_codes), by id
    codes: dict[str, Mapping[str, Code]] = field(default_factory=dict)
    relation_codes: dict[str, RelationCode] = field(default_factory=dict)  # in the codebook's order

    @property
    def timeline_split(self) -> bool:
        """The timeline is split into parts (decided once, by page_paths.pages_by_event)."""
        return bool(self.events_by_page) and TIMELINE not in self.events_by_page

    @property
    def sources_split(self) -> bool:
        """The sources are split into pages per outlet (decided once, by page_paths.pages_by_source)."""
        return bool(self.sources_by_page) and SOURCES not in self.sources_by_page

    def origins_of(self, source_ids) -> tuple[str, ...]:
        """The independent origins (distinct original outlets) behind these sources, in alphabetical
        order (trust.independent_origins, from each source's original outlet worked out once)."""
        outlets: dict[str, str] = {}
        for source_id in source_ids:
            found = self.original_outlets.get(source_id)
            if found is not None:
                outlets.setdefault(*found)
        return tuple(outlets[key] for key in sorted(outlets))

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

    def entity_page(self, entity_id: str) -> str:
        return page_for(PERSON if isinstance(self.entities[entity_id], Person) else ORGANISATION, entity_id)

    def entity_name(self, entity_id: str) -> str:
        return self.entities[entity_id].name


def build_view(briefing: Briefing, editing: Editing | None = None) -> BriefingView:
    people_and_organisations: tuple[Person | Organisation, ...] = (*briefing.people, *briefing.organisations)
    entities = {e.id: e for e in people_and_organisations}
    entities = dict(sorted(entities.items(), key=lambda kv: kv[1].name.casefold()))
    events = sorted(briefing.events, key=event_sort_key)
    sources = {s.id: s for s in briefing.sources}
    event_pages, source_pages = pages_by_event(events), pages_by_source(briefing.sources)
    relation_codes = {c.id: c for c in briefing.info.codebook.relations}
    view = BriefingView(
        briefing=briefing,
        events=events,
        sources=sources,
        entities=entities,
        events_by_id={e.id: e for e in events},
        events_by_actor=_events_by_actor(events),
        quotes_by_speaker=_group(sorted(briefing.quotes, key=lambda q: (q.date.start, q.id)), "speaker"),
        relationships_by_party=_relationships_by_party(briefing),
        people_by_organisation=_people_by_organisation(briefing),
        event_pages=event_pages,
        source_pages=source_pages,
        events_by_page=_group_by_page(events, event_pages),
        sources_by_page=_group_by_page(sorted(briefing.sources, key=_source_order), source_pages),
        editing=editing or Editing(),
        original_outlets=_original_outlets(sources),
        codes=_codebook(briefing, relation_codes),
        relation_codes=relation_codes,
    )
    return replace(view, uses_by_source=_uses_by_source(view))


def _original_outlets(sources: dict[str, Source]) -> dict[str, tuple[str, str]]:
    """Each source's original outlet (trust.origin follows based_on), keyed as trust.outlet_key counts it."""
    roots = {source_id: origin(source_id, sources).outlet for source_id in sources}
    return {source_id: (outlet_key(outlet), outlet) for source_id, outlet in roots.items()}


def _codebook(briefing: Briefing, relation_codes: dict[str, RelationCode]) -> dict[str, Mapping[str, Code]]:
    """Tones (the briefing's wording, else the neutral defaults), themes and kinds of relationship, by id."""
    book = briefing.info.codebook
    tones = {i: Code(id=i, label=label, definition=d, apply_when=a) for i, (label, d, a) in DEFAULT_TONES.items()}
    tones.update({c.id: c for c in book.tones})
    return {"tones": tones, "themes": {c.id: c for c in book.themes}, "relations": relation_codes}


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
