"""The site's search index (Pagefind), written from the model, one record per fact.

Every event, reported claim, quote, leverage item, person, organisation, source and point of conflict
is a record of its own, landing on its anchor, with what the results list shows (kind, date, status)
and the facets a reader narrows by (kind, status, theme, tone, year, people, organisations). Pages that
only repeat facts (the timeline and its parts, the lists, print, the plain-Markdown copies) add no
record of their own; the prose pages that are not facts (home, methodology, hand-written pages) are
indexed from their built HTML (search_prose.py). The page registry's search setting of the page a fact
lives on (boost, exclude) weighs its record.

Each record is a small HTML document handed to Pagefind's indexing service (search_service.py), beside
the site's build (search_job.py): HTML, not a bare custom record, because the title's weight
(data-pagefind-weight) is what puts "Satya Nadella"'s own page before the events that mention him.
The records are added in one fixed order, so the same data gives the same index bytes.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from build_scripts.data.model import Briefing, Person
from build_scripts.data.rules import RULES, Status
from build_scripts.render.page_paths import CLAIMS, LEVERAGE, ORGANISATION, PERSON, QUOTES, page_for
from build_scripts.render.text import page_url
from build_scripts.render.views import BriefingView, build_view, conflict_page
from build_scripts.plan.page_registry import PAGE_KINDS
from build_scripts.site.search_prose import clamp, search_setting
from build_scripts.site.search_shards import PRIMARY

OUTPUT = "pagefind"  # the index's folder in the site
# Pagefind writes its own UI bundles too; the site has its own search box (assets/search.js) and ships
# only what that loads: pagefind.js (the results are searched on the page: the worker's start-up costs
# more than it saves before the first results), its worker (which counts every facet afterwards, off the
# page's thread), the WebAssembly and the index's files.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
FACETS = ("kind", "status", "theme", "tone", "year", "person", "organisation")
TITLE_WEIGHT = 3.0  # a record's title, times its page's boost (Pagefind's weights run from 0 to 10)


@dataclass(frozen=True)
class Record:
    """One search result: where it lands, what it shows, what it is found by and filtered on."""

    url: str  # from the site's root, with its anchor: 'timeline/#2019-07-microsoft-invests-1b'
    kind: str
    title: str
    text: str
    boost: float = 1.0
    date: str = ""  # as the page writes it: '22 July 2019'
    sort_date: str = ""  # ISO, for sorting by date
    status: str = ""  # Status value: 'confirmed'; its badge's words are the meta status_label
    filters: dict[str, list[str]] = field(default_factory=dict)

    def html(self, shard: str = PRIMARY, split: bool = False) -> str:
        esc = html.escape
        title_weight = clamp(TITLE_WEIGHT * self.boost)
        hidden = [f'<span data-pagefind-meta="kind">{esc(self.kind)}</span>',
                  f'<span data-pagefind-filter="kind">{esc(self.kind)}</span>']
        if self.date:
            hidden.append(f'<span data-pagefind-meta="date">{esc(self.date)}</span>')
        if self.status:
            hidden.append(f'<span data-pagefind-meta="status">{esc(self.status)}</span>'
                          f'<span data-pagefind-meta="status_label">{esc(status_words(self.status))}</span>')
        if split:  # what the box narrows to when it sorts by date, one shard after the other
            hidden.append(f'<span data-pagefind-filter="shard">{esc(shard)}</span>')
        for name in FACETS[1:]:
            hidden += [f'<span data-pagefind-filter="{name}">{esc(v)}</span>' for v in self.filters.get(name, [])]
        sort = f' data-pagefind-sort="date:{esc(self.sort_date)}"' if self.sort_date else ""
        return (f'<html lang="{esc(shard)}"><head><title>{esc(self.title)}</title></head>'
                f'<body><main data-pagefind-body{sort}>'
                f'<h1 data-pagefind-meta="title" data-pagefind-weight="{title_weight:g}">{esc(self.title)}</h1>'
                f'<p data-pagefind-weight="{clamp(self.boost):g}">{esc(self.text)}</p>'
                f'<div data-pagefind-ignore>{"".join(hidden)}</div></main></body></html>')


def _boosts() -> dict[str, float]:
    return {kind.name: search_setting(kind.search).boost for kind in PAGE_KINDS}


def _anchor(page: str, anchor: str | None = None) -> str:
    return page_url(page) + (f"#{anchor}" if anchor else "")


def _status_label(status) -> str:
    return RULES[status].short


def status_words(value: str) -> str:
    """A status as a result's badge says it (assets/search.js shows it as it comes): '✔ Confirmed'."""
    rule = RULES[Status(value)]
    return f"{rule.icon} {rule.label}"


def records(briefing: Briefing, view: BriefingView | None = None) -> list[Record]:
    """Every fact of the briefing as a search record, in a fixed order."""
    facts = _Facts(view or build_view(briefing))
    return [*facts.events(), *facts.claims(), *facts.quotes(), *facts.leverage(), *facts.conflicts(),
            *facts.entities(), *facts.sources()]


class _Facts:
    """The records of each kind of fact, and the facets they share (themes, people, organisations)."""

    def __init__(self, view: BriefingView) -> None:
        self.view, self.briefing, self.boost = view, view.briefing, _boosts()
        self.themes, self.tones = view.codes["themes"], view.codes["tones"]

    def who(self, ids) -> dict[str, list[str]]:
        view = self.view
        ids = [i for i in dict.fromkeys(ids) if i in view.entities]
        people = sorted(view.entity_name(i) for i in ids if isinstance(view.entities[i], Person))
        orgs = sorted(view.entity_name(i) for i in ids if not isinstance(view.entities[i], Person))
        return {"person": people, "organisation": orgs}

    def event_facets(self, event_ids) -> dict[str, list[str]]:
        events = [self.view.events_by_id[i] for i in event_ids if i in self.view.events_by_id]
        return {"theme": sorted({self.themes[t].label for e in events for t in e.themes if t in self.themes}),
                **self.who(a for e in events for a in e.actors)}

    def events(self) -> list[Record]:
        out = []
        for e in self.view.events:
            page = self.view.event_pages[e.id]
            out.append(Record(
                _anchor(page, e.id), "Event", e.title, e.summary,
                self.boost["timeline" if page == "timeline.md" else "timeline-part"],
                e.date.label, e.date.start.isoformat(), e.status.value,
                {"status": [_status_label(e.status)],
                 "theme": sorted({self.themes[t].label for t in e.themes if t in self.themes}),
                 "tone": [self.tones[e.tone.value].label] if e.tone.value in self.tones else [],
                 "year": [str(e.date.start.year)], **self.who(e.actors)}))
        return out

    def claims(self) -> list[Record]:
        out = []
        for c in sorted(self.briefing.claims, key=lambda c: (c.reported_on.start, c.id)):
            reporter = self.view.sources.get(c.reported_by)
            by = f"Reported by {reporter.outlet}, {c.attribution}." if reporter else c.attribution
            out.append(Record(
                _anchor(CLAIMS, c.id), "Claim", _short(c.text), f"{c.text} {by}", self.boost["claims"],
                c.reported_on.label, c.reported_on.start.isoformat(), c.status.value,
                {"status": [_status_label(c.status)], "year": [str(c.reported_on.start.year)],
                 **self.event_facets([*c.events, *([c.superseded_by] if c.superseded_by else [])])}))
        return out

    def quotes(self) -> list[Record]:
        out = []
        for q in sorted(self.briefing.quotes, key=lambda q: (q.date.start, q.id)):
            speaker = self.view.entity_name(q.speaker)
            facets = self.event_facets([q.event] if q.event else [])
            facets.update(self.who([q.speaker]))
            out.append(Record(
                _anchor(QUOTES, q.id), "Quote", f"{speaker}: “{_short(q.text, 90)}”", f"“{q.text}” {q.context}",
                self.boost["quotes"], q.date.label, q.date.start.isoformat(), "",
                {"year": [str(q.date.start.year)], **facets}))
        return out

    def leverage(self) -> list[Record]:
        out = []
        for item in self.briefing.leverage:
            facets = self.event_facets(item.events)
            facets.update(self.who([item.holder, item.over]))
            out.append(Record(_anchor(LEVERAGE, item.id), "Leverage", item.title, item.summary,
                              self.boost["leverage"], "", "", item.status.value,
                              {"status": [_status_label(item.status)], **facets}))
        return out

    def conflicts(self) -> list[Record]:
        out = []
        events = self.view.events_by_id
        for conflict in self.briefing.conflicts:
            facets = self.event_facets(conflict.events)
            actors = [a for i in conflict.events if i in events for a in events[i].actors]
            facets.update(self.who([*(p.party for p in conflict.positions), *actors]))
            out.append(Record(_anchor(conflict_page(conflict.id)), "Point of conflict", conflict.title,
                              conflict.summary, self.boost["conflict"], filters=facets))
        return out

    def entities(self) -> list[Record]:
        out = []
        view = self.view
        for entity_id, entity in view.entities.items():
            if isinstance(entity, Person):
                orgs = [view.entity_name(o) for o in entity.organisations if o in view.entities]
                text = f"{entity.role}. {', '.join(orgs)}" if orgs else entity.role
                out.append(Record(_anchor(page_for(PERSON, entity_id)), "Person", entity.name, text,
                                  self.boost["person"], filters={"person": [entity.name], "organisation": sorted(orgs)}))
            else:
                out.append(Record(_anchor(page_for(ORGANISATION, entity_id)), "Organisation", entity.name,
                                  entity.description, self.boost["organisation"],
                                  filters={"organisation": [entity.name]}))
        return out

    def sources(self) -> list[Record]:
        out = []
        boost = self.boost["sources-part" if self.view.sources_split else "sources"]
        for page, listed in self.view.sources_by_page.items():
            for s in listed:
                text = " ".join(part for part in (s.outlet, s.note or "") if part)
                out.append(Record(
                    _anchor(page, s.id), "Source", s.title or s.subject or s.outlet, text, boost,
                    s.date.label if s.date else "", s.date.start.isoformat() if s.date else "", "",
                    {"year": [str(s.date.start.year)] if s.date else []}))
        return out


def _short(text: str, limit: int = 140) -> str:
    """A title from a long sentence: cut at a word, with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
