"""What a page's template can call (`ctx`): the fragments, bound to the page and to its flavour.

A page is rendered in one of two flavours. `SITE`: the page MkDocs builds, written in Markdown
(`self.md`: Markdown links to the other pages' .md files) that carries HTML (`self.html`: badges, event
bodies, source entries, with the built site's addresses). `COPY`: its plain-Markdown copy under
markdown/, for assistants and scripts, where both are plain Markdown and links lead to the other copies.
"""
from __future__ import annotations

from enum import Enum
from typing import Any

from build_scripts import asset_paths as assets
from build_scripts.data.dates import FlexDate, span_label, when
from build_scripts.data.rules import as_reported
from build_scripts.render import blocks, editing, masthead, narrowing
from build_scripts.render import fragments as f
from build_scripts.render.chart_table import chart_finding, chart_kind, shown_at
from build_scripts.render.citations import source_id
from build_scripts.render.dated_figures import figures_note
from build_scripts.render.formats import HtmlFormat, MarkdownFormat
from build_scripts.render.reading import Made
from build_scripts.render.text import Md, md_text
from build_scripts.render.views import BriefingView, change_target


class Flavour(Enum):
    SITE = "site"
    COPY = "copy"


class PageContext:
    """Every method returns Markdown (`Md`) ready for the page, already escaped."""

    def __init__(self, view: BriefingView, page: str, flavour: Flavour = Flavour.SITE, listed_notes: bool = False,
                 made: Made | None = None, kind: str = "", subject: Any = None):
        made = Made() if made is None else made  # fragments made in this run, shared by its pages
        self.view = view
        self.page = page
        self.kind, self.subject = kind, subject  # the page's kind (plan/page_registry) and what it is about
        self.b = view.briefing
        self.copy = flavour is Flavour.COPY
        self.md = MarkdownFormat(page, copy=self.copy, made=made)
        self.html = self.md if self.copy else HtmlFormat(page, made=made)
        # A copy and the print view number their marks across the page and list the notes at its end
        # (notes()); the site's other pages carry each note hidden beside its mark, to open in place.
        self.listed_notes: dict[str, int] | None = {} if self.copy or listed_notes else None  # note -> its number

    # Links and text the template writes in Markdown

    def link(self, to_page: str, anchor: str | None = None) -> Md:
        """Another generated page (and an anchor on it)."""
        return Md(self.md.address(to_page, anchor))

    def site_page(self, path: str) -> Md:
        """A hand-written page of the site (it has no plain-Markdown copy)."""
        return Md(self.md.site_page(path))

    def file(self, path: str) -> Md:
        """A file of the site that is not a page: a download, the feed."""
        return Md(self.md.file(path))

    def entity(self, entity_id: str) -> Md:
        return Md(f.entity_link(self.md, self.view, entity_id))

    def entities(self, ids) -> Md:
        return Md(", ".join(self.entity(i) for i in ids))

    def event_link(self, event_id: str) -> Md:
        return Md(f.event_link(self.md, self.view, event_id))

    def event_item(self, event) -> Md:
        """'date: title (scheduled) badge', for a list that repeats the timeline."""
        return Md(f.event_item(self.md, self.view, event))

    def cite(self, entries) -> Md:
        """Numbered citation markers, each linking to the exact entry on the sources page; on the site
        each carries its note (the source line and the passage), which the mark opens beside it."""
        ids = [source_id(entry) for entry in entries]
        if self.listed_notes is not None:
            return self._listed(self.view.source_pages, ids,
                                [f.source_note(self.md, self.view, entry) for entry in entries])
        notes = [f.hidden_note(self.md, f.source_note(self.md, self.view, entry)) for entry in entries]
        return Md(f.citation_marks(self.md, self.view.source_pages, ids, notes))

    def cite_events(self, event_ids) -> Md:
        """Numbered markers linking to events on the timeline; each carries the event's note (its line,
        status and the passages of its sources)."""
        notes = [f.event_note(self.md, self.view, i, self.listed_notes is not None) for i in event_ids]
        if self.listed_notes is not None:
            return self._listed(self.view.event_pages, event_ids, notes)
        return Md(f.citation_marks(self.md, self.view.event_pages, event_ids,
                                   [f.hidden_note(self.md, note, "event") for note in notes]))

    def _listed(self, pages_by_id: dict[str, str], ids, notes: list[str]) -> Md:
        """Marks numbered across the page, their notes listed at its end (a copy, the print view). A note
        the page has listed already is not listed again: its mark takes that note's number."""
        listed = self.listed_notes
        assert listed is not None  # only pages that list their notes come here
        numbers = [listed.setdefault(note, len(listed) + 1) for note in notes]
        return Md(f.citation_marks(self.md, pages_by_id, ids, numbers=numbers))

    def notes(self) -> Md:
        """The notes of a page whose marks are numbered across it: '## Passages cited' and the list. On the
        site, mark [n] opens the list's n-th note (assets/briefing.js finds the list by the heading's id)."""
        if not self.listed_notes:
            return Md("")
        items = "\n".join(f"{n}. {note}" for n, note in enumerate(self.listed_notes, 1))
        return Md(f"\n## Passages cited{self.md.attributes('passages-cited')}\n\n{items}\n")

    def source_line(self, source_id: str) -> Md:
        return Md(f.source_line(self.md, self.view.sources[source_id]))

    def as_reported(self, claim) -> Md:
        """'True as reported in April 2025' for a confirmed claim that later events changed, 'Reported in April
        2025' for any other (rules.as_reported)."""
        return md_text(as_reported(claim.status, when(claim.reported_on)))

    def date(self, start: FlexDate, until: FlexDate | None = None) -> Md:
        return md_text(span_label(start, until))

    def change(self, change) -> Md:
        """A change's label, linked to where it can be seen now (plain text once it is gone)."""
        target = change_target(self.view, change)
        label = self.as_then(change.label)
        return Md(self.md.link(label, self.md.address(*target)) if target else label)

    def change_detail(self, change) -> Md:
        """What a change changed: the page's words, and the data's values as they were then."""
        return Md(change.describe(self.as_then, self.md.text))

    def as_then(self, text: str) -> str:
        """Words quoted from the data as it stood at a change (a label, a value, a source's name), marked as
        such: they may have been reworded since."""
        return self.md.element("span", self.md.text(text), class_="as-then")

    # HTML the page carries (plain Markdown in a copy)

    def badge(self, item) -> Md:
        """An item's status badge (event, claim, leverage) with its independent origins."""
        return Md(f.fact_badge(self.html, self.view, item))

    def legend(self, status) -> Md:
        """A status's badge on its own (the methodology's table)."""
        return Md(f.status_badge(self.html, status))

    def status_legend(self) -> Md:
        """The home page's legend: each status's badge and what it means, in a few words."""
        return Md(f.status_legend(self.html))

    def basis(self, event_ids) -> Md:
        """What prose citing only events rests on (the summary, the takeaways)."""
        return Md(f.basis(self.html, self.view, event_ids))

    def tally(self, event_ids, page: str) -> Md:
        """Events counted by status, linking the page (its Events section) that lists them."""
        return Md(f.status_tally(self.html, self.view, event_ids, page))

    def related_events(self, event_ids) -> Md:
        """The events an item with sources of its own relates to, each with its own badge."""
        return Md(f.related_events(self.html, self.view, event_ids))

    def figures(self, dated: FlexDate | None, text: str, events=()) -> Md:
        """' (27% on 28 October 2025)': the figures the text states and their date (dated_figures), with its
        leading space, or nothing; events: those the text cites."""
        return Md(figures_note(self.html, self.view, dated, text, events))

    def review_note(self, item) -> Md:
        return Md(f.review_note(self.html, self.view, item))

    def time(self, date: FlexDate) -> Md:
        return Md(f.time(self.html, date))

    def paragraph(self, class_: str, id: str = "", caller=None) -> Md:
        """`{% call ctx.paragraph("as-of") %}…{% endcall %}`: a paragraph with a class (plain in a copy)."""
        return Md(self.html.paragraph(caller(), class_=class_, id=id))

    def state(self, words: str, modifier: str = "") -> Md:
        """A claim's or leverage item's state ('Since changed', 'Current') as a label."""
        if self.copy:
            return Md(self.md.strong(self.md.text(words + ":")))
        css = "claim-state" + (f" claim-state--{modifier}" if modifier else "")
        return Md(self.html.element("span", self.html.text(words), class_=css))

    def event_block(self, event, level: int = 3) -> Md:
        """One event on a timeline page: its heading (at `level`, one below the section it is in) with
        its permalink, in Markdown so that it is in the table of contents and search; then its body."""
        codes = narrowing.event_codes(event)
        heading = f"{'#' * level} {md_text(event.title)}{self.md.attributes(event.id, 'event', **codes)}"
        passages = self.listed_notes is not None  # a timeline page's marks fetch them (citations.event_passages)
        return Md(f"{heading}\n\n{blocks.event_body(self.html, self.view, event, passages)}\n\n")

    def narrowing_form(self, events) -> Md:
        """The controls that narrow a list of events (hidden until the page's script shows them)."""
        return Md("" if self.copy else narrowing.narrowing_form(self.html, narrowing.event_choices(self.view, events),
                                                                 "events"))

    def narrowing_jump(self, events) -> Md:
        """Written before this page's charts, with a blank line after it: the button that leads past them to
        the controls that narrow its events (nothing when the page has no chart, or in a copy)."""
        if self.copy or not shown_at(self.view, self.kind, "", self.subject):
            return Md("")
        return Md(f"{narrowing.narrowing_jump(self.html, narrowing.event_choices(self.view, events), 'events')}\n\n")

    def narrowing_sources(self, sources) -> Md:
        """The controls that narrow a list of sources by outlet and kind."""
        return Md("" if self.copy else narrowing.narrowing_form(self.html, narrowing.source_choices(sources),
                                                                 "sources"))

    def source_heading_id(self, source) -> Md:
        """' { #id .source data-outlet=… data-kind=… }' after a source's heading (nothing in a copy)."""
        return Md(self.md.attributes(source.id, "source", **narrowing.source_codes(source)))

    def event_list(self, events, empty: str) -> Md:
        return blocks.event_list(self.html, self.view, events, empty)

    def source_entry(self, source) -> Md:
        return blocks.source_entry(self.html, self.view, source)

    def corrections(self, collection: str, item) -> Md:
        """The item's corrections ('Correction of …', what it said before), as a block; nothing if none."""
        parts = editing.corrections(self.html, self.view, collection, item)
        return self.html.blocks(parts) if parts else Md("")

    def suggest(self, collection: str | None = None, item_id: str | None = None, anchor: str | None = None) -> Md:
        """'Suggest a correction' for an item on this page (or the page), when the briefing sets a repository."""
        return Md(editing.suggest(self.html, self.view, collection, item_id, self.page, anchor))

    def masthead_line(self) -> Md:
        """The footer's masthead line ('Published by X · Editors: A, B · Corrections: …'), or ''."""
        return Md(" · ".join(masthead.footer_parts(self.html, self.b.info)))

    def who_publishes(self) -> Md:
        """The masthead's publisher and editors, as sentences (or that the briefing names neither)."""
        return Md(masthead.who_publishes(self.md, self.b.info))

    def how_to_report(self) -> Md:
        """How a reader reports an error: the contact and the correction form, or that none is named."""
        return Md(masthead.how_to_report(self.md, self.b.info))

    # Page structure

    def heading_id(self, anchor: str) -> Md:
        """' { #anchor }' after a heading (nothing in a copy, which has no attribute lists)."""
        return Md(self.md.attributes(anchor))

    def target(self, anchor: str) -> Md:
        """An empty element to link to, in a table cell (nothing in a copy)."""
        return Md(self.html.element("span", "", id=anchor))

    def charts(self, spot: str = "") -> Md:
        """The charts the chart table shows on this page's kind at this spot of its template ('' for the
        kind's own), in the table's order, each followed by a blank line (nothing when there is none):
        written on a line of its own as `{{ ctx.charts() -}}`, which takes the line's end away."""
        return Md("".join(f"{self.chart(i)}\n\n" for i in shown_at(self.view, self.kind, spot, self.subject)))

    def chart(self, chart_id: str) -> Md:
        """Where a chart goes (the pipeline puts it there); a copy states the chart's finding and links its
        data. An id the chart table does not have is refused, in both flavours. Templates show charts with
        charts(), where the table says."""
        chart_kind(chart_id)
        if self.copy:
            return Md(f"{self.md.text(chart_finding(self.view, chart_id))} "
                      + self.md.link("Chart data (JSON)", self.md.file(assets.chart_data(chart_id))))
        return Md(f"<!-- chart: {chart_id} -->")
