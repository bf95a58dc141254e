"""One fragment, many formats: each fragment's HTML and its plain Markdown say the same words, and text
from data (the hostile fixture) is escaped in every format."""
from __future__ import annotations

from html.parser import HTMLParser
from types import SimpleNamespace

import markdown
import pytest

from build_scripts.data.dates import parse_flex_date
from build_scripts.data.model import Status
from build_scripts.data.validation import load_briefing
from build_scripts.render import blocks, dated_figures
from build_scripts.render import fragments as f
from build_scripts.render.formats import HtmlFormat, MarkdownFormat
from build_scripts.render.text import unwrap_html_blocks
from build_scripts.render.views import build_view

from .conftest import FIXTURES, MINI, copy_data
from .test_data_sources import add_archived
from .test_render_text import CONFIG, normalised

PAGE = "people/ann-example.md"  # a page in a folder, so relative addresses are not trivial
OUR_TAGS = {"a", "span", "sup", "time", "p", "ul", "ol", "li", "strong", "em", "details", "summary", "div", "button"}
BLOCK_TAGS = {"p", "ul", "ol", "li", "div", "details", "summary", "h1", "h2", "h3"}


class Words(HTMLParser):
    """The words a reader of an HTML fragment reads: not the decoration a screen reader skips
    (aria-hidden), nor a button (and the separator before it), which a copy cannot press."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self._hidden: list[str] = []  # the open elements whose words are skipped

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if self._hidden or attrs.get("aria-hidden") == "true" or tag == "button":
            self._hidden.append(tag)
            if tag == "button" and self.text:
                self.text[-1] = self.text[-1].rstrip().removesuffix("·")
        if tag in BLOCK_TAGS:
            self.text.append(" ")

    def handle_endtag(self, tag):
        if self._hidden:
            self._hidden.pop()
        if tag in BLOCK_TAGS:
            self.text.append(" ")

    def handle_data(self, data):
        if not self._hidden:
            self.text.append(data)


def read_html(markup: str) -> Words:
    parser = Words()
    parser.feed(unwrap_html_blocks(markup))
    return parser


def read_markdown(text: str) -> Words:
    return read_html(markdown.markdown(text, extensions=CONFIG.markdown_extensions,
                                       extension_configs=CONFIG.mdx_configs))


@pytest.fixture(scope="module")
def mini_view(tmp_path_factory):
    """The mini briefing, with archived copies of its sources."""
    data = add_archived(copy_data(MINI, tmp_path_factory.mktemp("fragments") / "data"))
    return build_view(load_briefing(data))


@pytest.fixture(scope="module")
def hostile_view():
    return build_view(load_briefing(FIXTURES / "hostile"))


def fragments(view) -> dict[str, object]:
    """Every fragment, with arguments from the view: name -> render(format)."""
    info, events, sources = view.briefing.info, view.events, list(view.sources.values())
    ahead = events[-1].model_copy(update={"scheduled": True, "date": info.last_reviewed})
    stale = SimpleNamespace(last_reviewed=parse_flex_date("2000-01-01"))
    odd_url = SimpleNamespace(url='https://example.com/a"b<c>(d)&e', date=parse_flex_date("2024-06-02"))
    archived = [a for s in sources for a in (s.archived, s.read_via and s.read_via.archived) if a] + [odd_url]
    return {
        "source line": lambda fmt: [f.source_line(fmt, s) for s in sources],
        "source entry line": lambda fmt: [f.source_line(fmt, s, f.ENTRY) for s in sources],
        "archived copy": lambda fmt: [f.archived_link(fmt, a, dated) for a in archived for dated in (False, True)],
        "entity link": lambda fmt: [f.entity_link(fmt, view, i) for i in view.entities],
        "citation markers": lambda fmt: [f.citation_marks(fmt, view.source_pages, e.sources) for e in events],
        "status badge": lambda fmt: [f.status_badge(fmt, e.status, 2, "x", "a title") for e in events],
        "fact badge": lambda fmt: [f.fact_badge(fmt, view, e, short) for e in events for short in (False, True)],
        "basis": lambda fmt: [f.basis(fmt, view, [e.id for e in events])],
        "one event's basis": lambda fmt: [f.basis(fmt, view, [e.id]) for e in events],
        "related events": lambda fmt: [f.related_events(fmt, view, [e.id for e in events])],
        "status tally": lambda fmt: [f.status_tally(fmt, view, [e.id for e in events], "conflicts/x.md")],
        "listed event note": lambda fmt: [f.event_note(fmt, view, e.id, listed=True) for e in events],
        "event link": lambda fmt: [f.event_link(fmt, view, e.id) for e in events],
        "event item": lambda fmt: [f.event_item(fmt, view, e) for e in [*events, ahead]],
        "notes": lambda fmt: [dated_figures.figures_note(fmt, view, events[0].date, "Paid $5 million.", [events[0].id]),
                               f.review_note(fmt, view, stale)],
        "time": lambda fmt: [f.time(fmt, e.date, e.until) for e in events],
        "event body": lambda fmt: [blocks.event_body(fmt, view, e) for e in events],
        "event list": lambda fmt: [blocks.event_list(fmt, view, events, "none"),
                                   blocks.event_list(fmt, view, [], "No <b>")],
        "source entry": lambda fmt: [blocks.source_entry(fmt, view, s) for s in sources],
    }


NAMES = list(fragments(build_view(load_briefing(MINI))))  # the table's own names: no second list to keep


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("briefing", ["mini_view", "hostile_view"])
def test_html_and_markdown_say_the_same_words(name, briefing, request):
    view = request.getfixturevalue(briefing)
    render = fragments(view)[name]
    html = render(HtmlFormat(PAGE))
    copy = render(MarkdownFormat(PAGE, copy=True))
    assert any(html), name
    for html_part, copy_part in zip(html, copy, strict=True):
        said = normalised("".join(read_html(html_part).text))
        assert normalised("".join(read_markdown(copy_part).text)) == said, (html_part, copy_part)


@pytest.mark.parametrize("name", NAMES)
def test_hostile_text_is_escaped_in_every_format(name, hostile_view):
    render = fragments(hostile_view)[name]
    for fmt in (HtmlFormat(PAGE), MarkdownFormat(PAGE), MarkdownFormat(PAGE, copy=True)):
        for part in render(fmt):
            read = read_html(part) if isinstance(fmt, HtmlFormat) else read_markdown(part)
            assert {tag for tag, _ in read.tags} <= OUR_TAGS, (fmt.name, part)
            for _, attrs in read.tags:
                assert not any(attr.startswith("on") for attr in attrs), (fmt.name, part)
                assert not attrs.get("href", "").lower().startswith(("javascript:", "data:")), (fmt.name, part)
            if fmt.copy:
                assert "<" not in part, part  # a copy holds no HTML at all


def test_source_line_wordings_are_explicit_styles(mini_view):
    """The two wordings the pages have always used, kept as parameters of one fragment."""
    source = mini_view.sources["example-copy"]
    fmt = MarkdownFormat(PAGE, copy=True)
    assert f.source_line(fmt, source).startswith("Example Wire, Wire copy of the deal announcement, January 2024. "
                                                 "read via [Example Mirror](")
    assert f.source_line(fmt, source, f.ENTRY).startswith("Wire copy of the deal announcement (headline not recorded), "
                                                          "January 2024. Read via [Example Mirror](")
    assert "(a syndication partner's copy) ([archived copy](" in f.source_line(fmt, source, f.ENTRY)


def test_hostile_names_read_literally_in_every_format(hostile_view):
    for fmt in (HtmlFormat(PAGE), MarkdownFormat(PAGE), MarkdownFormat(PAGE, copy=True)):
        for entity_id, entity in hostile_view.entities.items():
            link = f.entity_link(fmt, hostile_view, entity_id)
            read = read_html(link) if isinstance(fmt, HtmlFormat) else read_markdown(link)
            assert normalised("".join(read.text)) == normalised(entity.name), (fmt.name, link)


def test_a_basis_names_each_event_unmistakably_whatever_its_title(mini_view):
    """Titles listed with a separator a title may hold ('A; B' beside 'C') read as more events than counted:
    each title is in quotation marks, and still links the event."""
    titles = ("A dispute; then a deal", "Alpha invests $1 billion; Beta grows")
    events = [e.model_copy(update={"title": title, "status": Status.confirmed})
              for e, title in zip(mini_view.briefing.events, titles, strict=True)]
    view = build_view(mini_view.briefing.model_copy(update={"events": events}))
    fmt = MarkdownFormat(PAGE, copy=True)
    assert f.basis(fmt, view, [e.id for e in events]) == (
        "Rests on 2 events: 2 confirmed (“[A dispute; then a deal](../timeline.md#2024-summer-dispute)”, "
        "“[Alpha invests $1 billion; Beta grows](../timeline.md#2024-01-deal)”). "
        "[What the labels mean](../methodology.md#statuses)")
    assert f.basis(fmt, view, [events[1].id]) == (
        "Rests on 1 event, confirmed: “[Alpha invests $1 billion; Beta grows](../timeline.md#2024-01-deal)”. "
        "[What the labels mean](../methodology.md#statuses)")


def test_the_figures_note_names_the_figures_and_dates_them_without_as_of(mini_view):
    """A text that also reports later news ('an April 2026 amendment') reads as dated as a whole by its note:
    the note names the figures the check found in it, each once, and says 'figures' only when it finds none.
    The data does not say whether a figure is a one-off (a payment) or a running figure (a stake), so the note
    never says 'as of', which fits only a running one: on the day of an event the text cites, the figures are
    that event's ('on 15 January 2024', right for a payment made and a stake held that day); on another date,
    'figures from'."""
    view = mini_view
    fmt = MarkdownFormat("index.md", copy=True)
    dated = parse_flex_date("2024-01-15")  # the mini deal's day
    text = "Alpha took a stake of about 27%, worth $1.5 billion, in 2024; the 27% was cut in June 2024."
    assert dated_figures.figures_note(fmt, view, dated, text, ["2024-01-deal"]) == \
        " (27% and $1.5 billion on 15 January 2024)"
    assert dated_figures.figures_note(fmt, view, dated, text, ["2024-summer-dispute"]) == \
        " (27% and $1.5 billion: figures from 15 January 2024)", "no event cited on that day"
    assert dated_figures.figures_note(fmt, view, dated, text) == " (27% and $1.5 billion: figures from 15 January 2024)"
    assert dated_figures.figures_note(fmt, view, parse_flex_date("2024-01"), "Alpha paid $650 million.",
                                      ["2024-01-deal"]) == " ($650 million: figure from January 2024)"
    assert dated_figures.figures_note(fmt, view, dated, "Alpha paid twice as much.", ["2024-01-deal"]) == \
        " (figures from 15 January 2024)"
    assert dated_figures.figures_note(fmt, view, parse_flex_date("2024-06-30"), text) == "", \
        "not older than the coverage"
    for when in (dated, parse_flex_date("2024-01")):
        for events in ([], ["2024-01-deal"]):
            assert "as of" not in dated_figures.figures_note(fmt, view, when, text, events)

