"""Fragments: one function per concept shown on many pages (a source line, an entity link, citation
markers, a status badge, an event link, an archived-copy link), written once against an output format
(render/formats.py: HTML, the site's Markdown, or a plain-Markdown copy). Pure functions of the model."""
from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from build_scripts.data.dates import FlexDate, span_label
from build_scripts.data.model import Amount, Source, Status
from build_scripts.data.rules import COUNT_MEANING, RULES, STATUS_RULES, badge_count, plural
from build_scripts.render.citations import Cited, cited, no_passage_words, read_in_words
from build_scripts.render.formats import Format
from build_scripts.render.page_paths import METHODOLOGY
from build_scripts.render.views import BriefingView

COPY_KINDS = MappingProxyType({"syndication": "a syndication partner's copy", "mirror": "an unaffiliated mirror",
                               "aggregator": "an aggregator's rewrite"})
CURRENCY_SYMBOLS = MappingProxyType({"USD": "$", "GBP": "£", "EUR": "€"})


def format_amount(amount: Amount) -> str:
    """'about $1.5 billion', 'CHF 20,000' (plain text)."""
    value = amount.value
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= size:
            number = f"{value / size:.2f}".rstrip("0").rstrip(".")
            figure = f"{number} {word}"
            break
    else:
        figure = f"{value:,.0f}"
    symbol = CURRENCY_SYMBOLS.get(amount.currency)
    money = f"{symbol}{figure}" if symbol else f"{amount.currency} {figure}"
    return f"about {money}" if amount.approximate else money


def status_badge(fmt: Format, status: Status, origins: int | None = None, href: str | None = None,
                 title: str = "", short: bool = False) -> str:
    """A status in words and with an icon, never by colour alone, with the number of independent sources
    behind it; the words link to what the status means (href). short: the compact form of lists that
    repeat the timeline (the short label, no link), which keeps pages light."""
    rule = RULES[status]
    words = fmt.text(rule.short if short else rule.label)
    label = fmt.link(words, href) if href else words
    said = badge_count(status, origins) if origins is not None else ""
    count = f" · {fmt.text(said)}" if said else ""
    icon = fmt.element("span", rule.icon, aria_hidden="true")  # decoration: the words say it
    return fmt.element("span", f"{icon} {label}{count}" if icon else f"{label}{count}",
                       class_=f"status status--{status.value}", title=title)


def status_legend(fmt: Format) -> str:
    """What the badges mean, one line each, linking to the methodology's definitions."""
    lines = [f"{status_badge(fmt, rule.status)}: {fmt.text(rule.brief)}" for rule in STATUS_RULES]
    more = fmt.link("How statuses are decided", fmt.address(METHODOLOGY, "statuses"))
    return fmt.paragraph(f"{fmt.strong('What the labels mean:')} " + "; ".join(lines)
                         + f". {fmt.text(COUNT_MEANING)} {more}", class_="status-legend")


def fact_badge(fmt: Format, view: BriefingView, fact, short: bool = False, title: str = "") -> str:
    """A fact's status badge (event, claim, leverage item) with its independent origins (rendered once
    per format and address: thousands of facts share a handful of badges)."""
    href = None if short else fmt.address(METHODOLOGY, f"status-{fact.status.value}")
    key = ("badge", fmt.name, fact.status, len(view.origins_of(fact.sources)), href, title, short)
    return fmt.made.get(key, lambda: status_badge(fmt, *key[2:]))


def basis(fmt: Format, view: BriefingView, event_ids) -> str:
    """What prose resting on events (and nothing else) rests on, counted by status, computed, not typed, each
    title quoted (it may hold a semicolon) and linking the event: 'Rests on 3 events: 2 confirmed (“A”, “B”), 1
    from anonymous sources (“C”). What the labels mean' (the last words link the statuses' definitions)."""
    events = [view.events_by_id[i] for i in dict.fromkeys(event_ids)]
    groups = [(rule, [e for e in events if e.status is rule.status]) for rule in STATUS_RULES]
    links = {rule.status: ", ".join(f"“{event_link(fmt, view, e.id)}”" for e in group) for rule, group in groups}
    if len(events) == 1:
        rule = RULES[events[0].status]
        said = f"{fmt.text(f'Rests on 1 event, {rule.tally}')}: {links[rule.status]}"
    else:
        parts = ", ".join(f"{fmt.text(f'{len(group)} {rule.tally}')} ({links[rule.status]})"
                          for rule, group in groups if group)
        said = f"{fmt.text('Rests on ' + plural(len(events), 'event'))}: {parts}"
    weakest = view.weakest_event(event_ids).status.value
    legend = fmt.link("What the labels mean", fmt.address(METHODOLOGY, "statuses"))
    return fmt.element("span", f"{said}. {legend}", class_=f"basis basis--{weakest}")


def status_tally(fmt: Format, view: BriefingView, event_ids, page: str) -> str:
    """A list of events in a line, counted by status, linking the page that lists them with their
    badges: '14 events: 9 confirmed, 3 from anonymous sources, 2 from a single source'."""
    events = [view.events_by_id[i] for i in dict.fromkeys(event_ids)]
    parts = ", ".join(f"{n} {rule.tally}" for rule in STATUS_RULES
                      if (n := sum(1 for e in events if e.status is rule.status)))
    weakest = view.weakest_event(event_ids).status.value
    counted = fmt.link(fmt.text(plural(len(events), "event")), fmt.address(page, "events"))
    return fmt.element("span", f"{counted}: {fmt.text(parts)}", class_=f"basis basis--{weakest}")


def related_events(fmt: Format, view: BriefingView, event_ids) -> str:
    """The events an item with sources of its own relates to (not what it rests on: its own sources and
    status say that), each linked on the timeline with its own compact badge: 'Related events: A ✔
    Confirmed; B ? Anonymous sources.'"""
    items = [f"{event_link(fmt, view, i)} {fact_badge(fmt, view, view.events_by_id[i], short=True)}"
             for i in dict.fromkeys(event_ids)]
    return fmt.element("span", f"{fmt.text('Related events:')} " + "; ".join(items) + ".", class_="related-events")


@dataclass(frozen=True)
class SourceStyle:
    """How a source line is worded where it stands: under an event (ITEM) or as the entry on a sources
    page, below a heading that names the outlet (ENTRY)."""

    outlet: bool  # begin with the outlet's name
    untitled: str  # after the subject of a source whose headline was not recorded
    original: str  # the words linking the original publication
    via: str  # the words before the copy it was read through
    copy_kind: bool  # say what kind of copy that is
    dated_archives: bool  # give the day each archived copy was taken


ITEM = SourceStyle(outlet=True, untitled="", original="original", via="read via", copy_kind=False,
                   dated_archives=False)
ENTRY = SourceStyle(outlet=False, untitled=" (headline not recorded)", original="Original publication",
                    via="Read via", copy_kind=True, dated_archives=True)


def source_line(fmt: Format, source, style: SourceStyle = ITEM) -> str:
    """'Outlet, “Title”, 22 July 2019. original (archived copy) · read via Copy': what a source is and
    where to read it (no site-internal links, so one line serves every page)."""
    about = f"“{fmt.text(source.title)}”" if source.title else fmt.text(source.subject) + style.untitled
    outlet = f"{fmt.text(source.outlet)}, " if style.outlet else ""
    dated = f", {fmt.text(source.date.label)}" if source.date else ""
    return f"{outlet}{about}{dated}. " + " · ".join(_source_links(fmt, source, style))


def _source_links(fmt: Format, source, style: SourceStyle) -> list[str]:
    links = []
    original = fmt.link(style.original, fmt.url(source.url)) if source.url else ""
    if original or source.archived:
        links.append((original + archived_link(fmt, source.archived, style.dated_archives)).strip())
    via = source.read_via
    if via:
        kind = f" ({COPY_KINDS[via.kind.value]})" if style.copy_kind else ""
        links.append(f"{style.via} {fmt.link(fmt.text(via.name), fmt.url(via.url))}{kind}"
                     + archived_link(fmt, via.archived, style.dated_archives))
    return links


def archived_link(fmt: Format, archived, dated: bool = False) -> str:
    """' (archived copy)' linking a web archive's snapshot (with its day, if dated), or nothing."""
    if archived is None:
        return ""
    day = f", {fmt.text(archived.date.label)}" if dated else ""
    return f" ({fmt.link('archived copy', fmt.url(archived.url), class_='archived')}{day})"


def entity_link(fmt: Format, view: BriefingView, entity_id: str) -> str:
    """A person's or organisation's name, linking their page (made once per format and address: pages
    in one folder link an entity alike)."""
    href = fmt.address(view.entity_page(entity_id))
    key = ("entity", fmt.name, entity_id, href)
    return fmt.made.get(key, lambda: fmt.link(fmt.text(view.entity_name(entity_id)), href))


def citation_marks(fmt: Format, pages_by_id: dict[str, str], ids, notes=(), numbers=None) -> str:
    """Numbered markers [1][2], each linking the exact entry it cites (a source, or an event); notes: for
    each mark, the hidden note written after it (what assets/briefing.js opens beside the mark), if any;
    numbers: each mark's number (a page that lists its notes numbers them across it), else 1, 2, …"""
    marks = ""
    for n, target in enumerate(ids):
        number = numbers[n] if numbers is not None else n + 1
        marks += fmt.link(fmt.text(f"[{number}]"), fmt.address(pages_by_id[target], target))
        if n < len(notes):
            marks += notes[n]
    return fmt.element("sup", marks, class_="cite")


NOTE_BREAK = ". "  # between a note's parts (on the site each also starts a line of its own: CSS)


def hidden_note(fmt: Format, content: str, kind: str = "") -> str:
    """A citation's note, hidden until its mark opens it; nothing in a plain-Markdown copy, whose notes
    are listed at the end of the page (page_context.PageContext.notes)."""
    if fmt.copy:
        return ""
    # <small>: a side comment (the search is built from the model, so it never reads the notes).
    css = f"cite-note cite-note--{kind}" if kind else "cite-note"
    return f'<small class="{css}" hidden>{content}</small>'


def evidence(fmt: Format, view: BriefingView, citation: Cited, unrecorded: str = "") -> str:
    """What a citation rests on: '“passage” Quoted from a copy: Name.', or why no passage was recorded
    (unrecorded: the words for a bare source id, nothing by default)."""
    if citation.passage:
        read = read_in_words(citation, view.sources[citation.source])
        return (fmt.element("span", f"“{fmt.text(citation.passage)}”", class_="passage") + " "
                + fmt.element("span", fmt.text(read + "."), class_="read-in"))
    if citation.no_passage or unrecorded:
        words = no_passage_words(citation) if citation.no_passage else unrecorded
        return fmt.element("span", fmt.text(words), class_="no-passage")
    return ""


def source_note(fmt: Format, view: BriefingView, entry) -> str:
    """The note of a citation of a source: its line (outlet, title, date, where to read it) and the
    passage behind the citation, or why there is none."""
    citation = cited(entry, view.sources)
    line = source_line(fmt, view.sources[citation.source])
    return f"{line}{NOTE_BREAK}{evidence(fmt, view, citation, 'No passage quoted.')}"


def event_note(fmt: Format, view: BriefingView, event_id: str, listed: bool = False) -> str:
    """The note of a citation of an event (made once per format and address): its line (date, title,
    status) and the passages of its sources, each with its outlet, linked title and date. listed: a note
    in a list at the end of the page (a copy, the print view), far from its mark, whose title links the
    event on the timeline."""
    key = ("event note", fmt.name, event_id, fmt.address(view.event_pages[event_id]), listed)
    return fmt.made.get(key, lambda: _event_note(fmt, view, event_id, listed))


def _event_note(fmt: Format, view: BriefingView, event_id: str, listed: bool) -> str:
    event = view.events_by_id[event_id]
    title = event_link(fmt, view, event_id) if listed else fmt.text(event.title)
    line = (f"{fmt.text(span_label(event.date, event.until))}: {fmt.strong(title)} "
            f"{fact_badge(fmt, view, event, short=True)}")
    parts = [fmt.element("span", line + ".", class_="note-event")]  # its full stop on its line
    for entry in event.sources:
        citation = cited(entry, view.sources)
        if citation.recorded:
            named = cited_source(fmt, view.sources[citation.source], citation)
            parts.append(fmt.element("span", f"{named}: {evidence(fmt, view, citation)}", class_="note-source"))
    if len(parts) == 1:
        parts.append(fmt.element("span", "No passage quoted for its sources.", class_="no-passage"))
    return " ".join(parts)


def cited_source(fmt: Format, source: Source, citation: Cited) -> str:
    """'Outlet, “Title”, 22 July 2019' with the title linking where the passage was read (the original, the
    copy or the archived copy that the words beside it name), or the source's address."""
    about = f"“{fmt.text(source.title)}”" if source.title else fmt.text(source.subject)
    address = _read_at(source, citation)
    titled = fmt.link(about, fmt.url(address)) if address else about
    dated = f", {fmt.text(source.date.label)}" if source.date else ""
    return f"{fmt.text(source.outlet)}, {titled}{dated}"


def _read_at(source: Source, citation: Cited) -> str | None:
    via = source.read_via
    if citation.read_in == "copy" and via is not None:
        return via.url
    if citation.read_in == "archive" and source.snapshot is not None:
        return source.snapshot.url
    return source.url or (via.url if via is not None else None)


def event_link(fmt: Format, view: BriefingView, event_id: str) -> str:
    """An event's title, linking it on the timeline."""
    event = view.events_by_id[event_id]
    return fmt.link(fmt.text(event.title), fmt.address(view.event_pages[event.id], event.id))


def event_item(fmt: Format, view: BriefingView, event) -> str:
    """An event in a list that repeats the timeline: 'date: title (scheduled) compact badge' (made once
    per format and address: every person and organisation page lists events alike)."""
    key = ("event item", fmt.name, event.id, fmt.address(view.event_pages[event.id]))
    return fmt.made.get(key, lambda: f"{fmt.text(span_label(event.date, event.until))}: "
                        f"{event_link(fmt, view, event.id)}{scheduled_note(fmt, view, event)} "
                        f"{fact_badge(fmt, view, event, short=True)}")


def scheduled_note(fmt: Format, view: BriefingView, event) -> str:
    """' (scheduled)' for an event announced ahead whose date the briefing's coverage has not reached."""
    if event.scheduled and event.date.end > view.briefing.info.as_of.start:
        return " " + fmt.element("span", "(scheduled)", class_="scheduled")
    return ""


def review_note(fmt: Format, view: BriefingView, item) -> str:
    """A visible note when a conflict or leverage item has not been reviewed for too long."""
    info = view.briefing.info
    age = (info.as_of.start - item.last_reviewed.end).days
    if age <= info.review_max_age_days:
        return ""
    return fmt.element("span", fmt.text(f"Not reviewed for {age} days before this briefing's as-of date; "
                                        "parts may be out of date."), class_="review-note")


def time(fmt: Format, start: FlexDate, until: FlexDate | None = None) -> str:
    """A date as written ('summer 2024'), machine-readable in HTML."""
    return fmt.element("time", fmt.text(span_label(start, until)), datetime=start.start.isoformat())
