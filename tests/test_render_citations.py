"""Citation notes (render/citations.py, fragments.source_note and event_note): what a mark opens on the
site, what the print view and the plain-Markdown copies list as notes, and what they cost a page."""
from __future__ import annotations

import json
import re

from build_scripts.data.validation import load_briefing
from build_scripts.render.citations import Cited, cited, no_passage_words, read_in_words
from build_scripts.session import generate

from .conftest import MINI, copy_data
from .test_data_sources import add_archived


def _pages(data):
    return generate(data, static_charts=False, history=False, bundle=False)


def test_a_bare_id_and_a_mapping_read_alike():
    sources = {s.id: s for s in load_briefing(MINI).sources}
    assert cited("example-report", sources) == Cited("example-report", read_in="original")
    assert cited("example-copy", sources).read_in == "copy"  # read through a copy: the default
    entry = {"source": "example-copy", "no_passage": "paywall", "note": "Asks for a subscription."}
    assert no_passage_words(cited(entry, sources)) == \
        "No passage quoted: the page is behind a paywall. Asks for a subscription."
    assert read_in_words(cited("example-copy", sources), sources["example-copy"]) == \
        "Quoted from a copy: Example Mirror"


def test_where_a_passage_was_read_is_said_not_asked(tmp_path):
    """'Read in the original.' under a passage read as an instruction or a link: each wording says what the
    passage was quoted from, in every case the data can give."""
    sources = {s.id: s for s in load_briefing(add_archived(copy_data(MINI, tmp_path / "data"))).sources}
    report, copy = sources["example-report"], sources["example-copy"]
    said = {read_in: read_in_words(cited({"source": source.id, "read_in": read_in}, sources), source)
            for source, read_in in ((report, "original"), (copy, "copy"), (report, "archive"))}
    assert said == {"original": "Quoted from the original publication", "copy": "Quoted from a copy: Example Mirror",
                    "archive": "Quoted from an archived copy (2 June 2024)"}
    bare = sources["example-report"].model_copy(update={"archived": None})
    assert read_in_words(cited({"source": bare.id, "read_in": "archive"}, sources), bare) == \
        "Quoted from an archived copy"


def test_a_prose_mark_carries_its_source_line_and_passage_hidden_beside_it(mini_passages):
    page = _pages(mini_passages).pages["conflicts/terms.md"]
    beta = page[page.index("### Beta Labs"):]
    note = re.search(r'<small class="cite-note" hidden>(.*?)</small></sup>', beta).group(1)
    assert note.startswith("Example Wire, Wire copy of the deal announcement, January 2024. read via")
    assert "No passage quoted: the page is behind a paywall. The wire's page asks for a subscription." in note


def test_a_mark_citing_an_event_carries_its_line_status_and_passages_with_their_sources(mini_passages):
    page = _pages(mini_passages).pages["index.md"]
    note = re.search(r'<small class="cite-note cite-note--event" hidden>(.*?)</small>', page)[1]
    assert note.startswith('<span class="note-event">15 January 2024: **Alpha invests in Beta** <span class="status '
                           'status--confirmed">')
    assert ('<span class="note-source">Example Wire, [Wire copy of the deal announcement]'
            '(https://mirror.example.org/deal?id=1&x=%282%29), January 2024: <span class="passage">“Alpha Corp said on '
            'Monday it had invested about $650 million in Beta Labs.”</span> <span class="read-in">Quoted from a copy: '
            'Example Mirror.</span></span>') in note, "outlet, title linking the copy the passage was read in, date"
    assert ('<span class="note-source">Example Times, [“Alpha and Beta fall out”](https://example.com/report), 1 June '
            '2024: <span class="passage">') in note, "read in the original: the title links the original"


def test_a_timeline_pages_passages_are_published_beside_it_for_its_marks_to_fetch(mini_passages):
    output = _pages(mini_passages)
    deal = output.pages["timeline.md"]
    deal = deal[deal.index("Alpha invests in Beta"):deal.index("A dispute over the deal")]
    marks = '<a href="../sources/#example-copy">[1]</a><a href="../sources/#example-report">[2]</a>'
    assert f'<sup class="cite">{marks}</sup>' in deal  # no hidden note: marks open the list's items
    assert "class=\"passage\"" not in deal and "data-passages" in deal, "not carried: to fetch"
    assert json.loads(output.assets["assets/passages/timeline.json"]) == {"2024-01-deal": [
        {"passage": "Alpha Corp said on Monday it had invested about $650 million in Beta Labs.",
         "read": "Quoted from a copy: Example Mirror."},
        {"passage": "Alpha's investment in Beta, announced in January, …",
         "read": "Quoted from the original publication."}]}
    printed = output.pages["print.md"]  # the print view carries them under each event
    assert ('<li>Example Times, “Alpha and Beta fall out”, 1 June 2024. <a href="https://example.com/report">original'
            '</a>. <span class="passage">“Alpha\'s investment in Beta, announced in January, …”</span> '
            '<span class="read-in">Quoted from the original publication.</span></li>') in printed


def test_the_print_view_and_the_copies_list_the_notes_at_the_end(mini_passages):
    output = _pages(mini_passages)
    for text in (output.pages["print.md"], output.assets["markdown/conflicts/terms.md"]):
        marks = [int(n) for n in re.findall(r"\[\\\[(\d+)\\\]\]", text)]
        firsts = list(dict.fromkeys(marks))
        assert firsts == list(range(1, len(firsts) + 1)), "numbered across the page, a note by its first mark"
        assert len(firsts) < len(marks), "a note cited again takes the number it was first listed under"
        notes = re.sub(r"<[^>]+>", "", text[text.index("## Passages cited"):])  # the print view keeps its spans
        items = re.findall(r"^\d+\. (.*)$", notes, re.M)
        assert len(items) == len(firsts) and len(set(items)) == len(items), "each note listed once"
        assert "“Alpha Corp said on Monday it had invested about $650 million in Beta Labs.” Quoted from a copy: " \
               "Example Mirror." in notes
        assert "cite-note" not in text, "no hidden notes: they are listed"


def test_the_home_pages_structured_data_cites_the_summarys_passages(mini_passages):
    from build_scripts.site.structured_data import json_ld, structured_index

    article = json_ld(structured_index(load_briefing(mini_passages)), "index.md", "T", "D", "https://x.example/")
    assert article["citation"][0] == {
        "@type": "Quotation", "text": "Alpha Corp said on Monday it had invested about $650 million in Beta Labs.",
        "isPartOf": {"@type": "CreativeWork", "name": "Wire copy of the deal announcement",
                     "publisher": {"@type": "Organization", "name": "Example Wire"},
                     "url": "https://mirror.example.org/deal?id=1&x=(2)"}}
    assert len(article["citation"]) == 2
