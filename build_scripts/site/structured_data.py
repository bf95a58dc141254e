"""Sharing and structured data (pure): Open Graph and Twitter card tags, and schema.org JSON-LD
(NewsArticle for briefing pages, with the masthead's publisher, authors and editors; Person and
Organization for entity pages), built from the data."""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from build_scripts.data.model import Briefing, Organisation, Person
from build_scripts.data.trust import independent_origins
from build_scripts.render.citations import cited
from build_scripts.render.page_paths import HOME, SOURCES
from build_scripts.render.text import html_text

@dataclass(frozen=True)
class StructuredIndex:
    """What every page's structured data looks up, worked out once per build (structured_index)."""

    briefing: Briefing
    entities: dict[str, Person | Organisation]
    main_organisations: list[dict]
    described: dict  # page -> (schema.org type, subject): from the page registry (pipeline.BuildOutput)


def structured_index(briefing: Briefing, described: dict | None = None) -> StructuredIndex:
    people_and_organisations: tuple[Person | Organisation, ...] = (*briefing.people, *briefing.organisations)
    entities = {e.id: e for e in people_and_organisations}
    return StructuredIndex(briefing, entities, _count_main_organisations(briefing, entities), described or {})


def _entity_for(index: StructuredIndex, path: str):
    """The person or organisation a page is about (its kind's schema.org type says so), if any."""
    schema_type, subject = index.described.get(path, ("NewsArticle", None))
    return subject if schema_type in ("Person", "Organization") else None


def _org_names(entities: dict, ids) -> list[dict]:
    return [{"@type": "Organization", "name": entities[i].name} for i in ids
            if isinstance(entities.get(i), Organisation)]


def json_ld(index: StructuredIndex, path: str, title: str, description: str, url: str, entity=None) -> dict:
    """entity: the person or organisation the page is about (see _entity_for), if any."""
    briefing = index.briefing
    if isinstance(entity, Person):
        return {"@context": "https://schema.org", "@type": "Person", "name": entity.name, "jobTitle": entity.role,
                "affiliation": _org_names(index.entities, entity.organisations), "url": url}
    if isinstance(entity, Organisation):
        return {"@context": "https://schema.org", "@type": "Organization", "name": entity.name,
                "description": entity.description, "url": url}
    info = briefing.info
    article = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title[:110],
               "description": description, "dateModified": info.last_reviewed.end.isoformat(),
               "temporalCoverage": f"../{info.as_of.end.isoformat()}",
               "isPartOf": {"@type": "CreativeWork", "name": info.title}, "about": index.main_organisations,
               "url": url}
    article.update(_masthead(info))
    if path == HOME:  # the summary's evidence: the independent origins behind the events it rests on
        article["isBasedOn"] = [{"@type": "CreativeWork", "publisher": {"@type": "Organization", "name": outlet}}
                                for outlet in _summary_origins(briefing)]
        if passages := _summary_passages(briefing):
            article["citation"] = passages
    if path == SOURCES and (citations := _archived_citations(briefing)):
        article["citation"] = citations
    return article


def _masthead(info) -> dict:
    """Who answers for the briefing, as the data names it (nothing when it names no one): the publisher
    (an Organization), and the editors, who write and check it, as its authors and editors (Persons)."""
    found: dict = {}
    if info.publisher is not None:
        found["publisher"] = {"@type": "Organization", "name": info.publisher.name, "url": info.publisher.url}
    if info.editors:
        people = [{"@type": "Person", "name": e.name, **({"url": e.url} if e.url else {})} for e in info.editors]
        found["author"] = found["editor"] = people
    return found


def _summary_origins(briefing: Briefing) -> tuple[str, ...]:
    events = {e.id: e for e in briefing.events}
    cited = [s for eid in briefing.info.summary_events if eid in events for s in events[eid].sources]
    return independent_origins(cited, {s.id: s for s in briefing.sources})


def _summary_passages(briefing: Briefing) -> list[dict]:
    """The passages behind the events the summary cites, each a schema.org Quotation (its text) that is
    part of the source it was read in (the cited work: title, outlet, date, address)."""
    events, sources = {e.id: e for e in briefing.events}, {s.id: s for s in briefing.sources}
    quotations, seen = [], set()
    for entry in (c for eid in briefing.info.summary_events if eid in events for c in events[eid].sources):
        citation = cited(entry, sources)
        if citation.passage and (citation.source, citation.passage) not in seen:
            seen.add((citation.source, citation.passage))
            quotations.append({"@type": "Quotation", "text": citation.passage,
                               "isPartOf": _cited_work(sources[citation.source])})
    return quotations


def _cited_work(source) -> dict:
    work = {"@type": "CreativeWork", "name": source.title or source.subject,
            "publisher": {"@type": "Organization", "name": source.outlet}}
    if source.date is not None and source.date.precision == "day":
        work["datePublished"] = source.date.start.isoformat()
    if source.url or source.read_via:
        work["url"] = source.url or source.read_via.url
    return work


def _archived_citations(briefing: Briefing) -> list[dict]:
    """The sources that have archived copies, each with its snapshots as schema.org `archivedAt`."""
    citations = []
    for source in briefing.sources:
        copy = source.read_via
        snapshots = [a.url for a in (source.archived, copy and copy.archived) if a]
        if snapshots:  # an archived source has an address: its own, else its copy's
            citations.append({"@type": "CreativeWork", "name": source.title or source.subject,
                              "publisher": {"@type": "Organization", "name": source.outlet},
                              "url": source.url or (copy.url if copy else None), "archivedAt": snapshots})
    return citations


def _count_main_organisations(briefing: Briefing, entities: dict) -> list[dict]:
    """The three organisations most events name."""
    org_ids = {o.id for o in briefing.organisations}
    counts = Counter(a for e in briefing.events for a in e.actors if a in org_ids)
    top = [org for org, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))][:3]
    return _org_names(entities, top)


def script_json(data: dict) -> str:
    """JSON that cannot close its <script> element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def head_tags(index: StructuredIndex, path: str, title: str, description: str, url: str) -> str:
    briefing = index.briefing
    entity = _entity_for(index, path)
    kind = "profile" if isinstance(entity, Person) else "article" if path != HOME else "website"
    attr = lambda value: html_text(value, attribute=True)  # noqa: E731
    tags = [
        ("property", "og:title", title), ("property", "og:description", description), ("property", "og:type", kind),
        ("property", "og:url", url), ("property", "og:site_name", briefing.info.title),
        ("name", "twitter:card", "summary"),  # Twitter falls back to the og: title and description
    ]
    tags.append(("name", "briefing-as-of", briefing.info.as_of.label))
    tags.append(("name", "briefing-last-reviewed", briefing.info.last_reviewed.label))
    meta = "".join(f'<meta {k}="{attr(n)}" content="{attr(v)}">' for k, n, v in tags)
    data = script_json(json_ld(index, path, title, description, url, entity))
    return meta + f'<script type="application/ld+json">{data}</script>'
