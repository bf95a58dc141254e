"""Blocks that repeat once per event or per source, built from the fragments, in one format.

On the site's pages they are HTML (formats.HtmlFormat), carried through Markdown in an HTML block
(text.html_block): a page of hundreds of events then costs Python-Markdown almost nothing. Links in
them are final site addresses (MkDocs rewrites only Markdown links); tests/test_built_site.py checks every
one of them resolves. In a plain-Markdown copy they are Markdown paragraphs and lists.
"""
from __future__ import annotations

from build_scripts.render import editing
from build_scripts.render.citations import cited, source_id
from build_scripts.render.formats import Format
from build_scripts.render.fragments import (
    ENTRY,
    NOTE_BREAK,
    citation_marks,
    entity_link,
    event_item,
    evidence,
    fact_badge,
    format_amount,
    scheduled_note,
    source_line,
    time,
)
from build_scripts.render.text import Md
from build_scripts.render.views import BriefingView


def event_body(fmt: Format, view: BriefingView, event, passages: bool = True) -> Md:
    """An event below its heading: its date and status, summary with numbered citations, who and what,
    amounts; then its sources, each with the
    passage behind its citation (passages; a timeline page leaves them to citations.event_passages)."""
    cited_ids = [source_id(entry) for entry in event.sources]
    meta = f"{time(fmt, event.date, event.until)}{scheduled_note(fmt, view, event)} {fact_badge(fmt, view, event)}"
    parts = [fmt.paragraph(meta, class_="event-meta"),
             fmt.paragraph(f"{fmt.text(event.summary)} {citation_marks(fmt, view.source_pages, cited_ids)}")]
    if event.status_note:
        parts.append(fmt.paragraph(fmt.em(fmt.text(event.status_note))))
    parts.append(fmt.paragraph(_event_codes(fmt, view, event)))
    if event.coding_note:
        note = f"{fmt.strong('Note on the tone:')} {fmt.text(event.coding_note)}"
        parts.append(fmt.paragraph(note, class_="coding-note"))
    if event.amounts:
        parts.append(fmt.paragraph(f"{fmt.strong('Amounts:')} {_amounts(fmt, event.amounts)}"))
    parts += editing.corrections(fmt, view, "events", event)
    items = fmt.items([cited_item(fmt, view, entry) if passages else source_item(fmt, view, source_id(entry))
                       for entry in event.sources], ordered=True, compact=True)
    fetched = not passages and any(cited(entry, view.sources).recorded for entry in event.sources)
    listed = [fmt.details(f"Sources ({len(event.sources)})", items, class_="sources",
                          data_passages="1" if fetched else "")]  # assets/briefing.js fetches them
    suggest = editing.suggest(fmt, view, "events", event.id, view.event_pages[event.id], event.id)
    listed += [fmt.paragraph(suggest)] if suggest else []
    return Md(f"{fmt.blocks(parts)}\n\n{fmt.blocks(listed)}")


def _event_codes(fmt: Format, view: BriefingView, event) -> str:
    """'Who: … · Themes: … · Tone: … · [Copy citation]'."""
    codes = view.codes
    who = ", ".join(entity_link(fmt, view, i) for i in event.actors)
    themes = ", ".join(fmt.text(codes["themes"][i].label) for i in event.themes)
    parts = [f"{fmt.strong('Who:')} {who}" if who else "", f"{fmt.strong('Themes:')} {themes}",
             f"{fmt.strong('Tone:')} {fmt.text(codes['tones'][event.tone.value].label)}", cite_button(fmt, event)]
    return " · ".join(part for part in parts if part)


def cite_button(fmt: Format, event) -> str:
    """A button that copies a plain-text citation. assets/briefing.js composes it from the page itself
    (the event's heading and date, the briefing's title and as-of date, the permalink), so the
    citation costs no extra bytes per event."""
    return fmt.button("Copy citation", type="button", class_="cite-copy", data_event=event.id)


def _amounts(fmt: Format, amounts) -> str:
    return "; ".join(f"{fmt.text(format_amount(a))} ({fmt.text(a.label)}"
                     + (f", as of {fmt.text(a.as_of.label)})" if a.as_of else ")") for a in amounts)


def cited_item(fmt: Format, view: BriefingView, entry) -> str:
    """A source under an event with the passage behind the citation, or why there is none (the
    citation's mark opens this item beside it: assets/briefing.js)."""
    citation = cited(entry, view.sources)
    line = source_item(fmt, view, citation.source)
    return f"{line}{NOTE_BREAK}{evidence(fmt, view, citation)}" if citation.recorded else line


def source_item(fmt: Format, view: BriefingView, source_id: str) -> str:
    """A source's line under an event, rendered once per format and shared by every page."""
    key = ("source_item", fmt.name, source_id)
    return fmt.made.get(key, lambda: source_line(fmt, view.sources[source_id]))


def event_list(fmt: Format, view: BriefingView, events, empty: str) -> Md:
    """A list of events (date, link, status), kept out of search: it repeats what the timeline says."""
    if not events:
        return fmt.blocks([fmt.paragraph(fmt.text(empty))])
    items = fmt.items([event_item(fmt, view, event) for event in events], class_="event-list")
    return fmt.blocks([items])


def source_entry(fmt: Format, view: BriefingView, source) -> Md:
    """A source's entry on a sources page, below its heading: what it is, where to read it, the
    editor's note, and what cites it."""
    parts = [fmt.paragraph(source_line(fmt, source, ENTRY)), *_source_warnings(fmt, view, source)]
    if source.note:
        parts.append(fmt.paragraph(fmt.em(fmt.text(source.note))))
    parts += editing.corrections(fmt, view, "sources", source)
    cited_by = [_cited_by(fmt, view, source)]
    suggest = editing.suggest(fmt, view, "sources", source.id, view.source_pages[source.id], source.id)
    cited_by += [fmt.paragraph(suggest)] if suggest else []
    return Md(f"{fmt.blocks(parts)}\n\n{fmt.blocks(cited_by)}")


def _source_warnings(fmt: Format, view: BriefingView, source) -> list[str]:
    """What a reader should know about how far the source could be checked."""
    warnings = []
    if source.unlocated:
        warnings.append(fmt.paragraph(f"{fmt.strong('Original not located:')} its own text was not found; the "
                                      "briefing knows it only through the re-reports that rest on it.",
                                      class_="copy-warning"))
    if source.url is None and source.read_via and source.read_via.kind.value != "syndication":
        warnings.append(fmt.paragraph(f"{fmt.strong('Read only through an unaffiliated copy:')} the original's "
                                      "text could not be checked against it.", class_="copy-warning"))
    if source.based_on and source.based_on in view.sources:
        base = view.sources[source.based_on]
        label = f"{fmt.text(base.outlet)}: {fmt.text(base.title or base.subject)}"
        warnings.append(fmt.paragraph(f"Re-reports {fmt.link(label, fmt.address(view.source_pages[base.id], base.id))}"
                                      ", so it adds no independent origin.", class_="based-on"))
    return warnings


def _cited_by(fmt: Format, view: BriefingView, source) -> str:
    uses = view.uses_by_source.get(source.id, [])
    items = [f"{fmt.text(use.kind)}: {fmt.link(fmt.text(use.label), fmt.address(use.page, use.anchor))}"
             for use in uses] or ["Nothing on the site cites this source yet."]
    return fmt.group([fmt.paragraph("Cited by:"), fmt.items(items)], class_="cited-by")
