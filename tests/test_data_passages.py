"""The citation form and the text rules of the passage checks (the checks themselves have golden cases in
tests/cases and tests/warning_cases): a bare id stays a bare id, a mapping keeps its passage, and what
counts as a quotation, a figure and a dated address."""
from __future__ import annotations

import copy
import json
import pickle

from build_scripts.data.citations import Citation, ReadIn
from build_scripts.data.evidence import _address_dates
from build_scripts.data.model import Event
from build_scripts.data.passages import figures, normalise, quotation_found, quotations
from build_scripts.data.validation import load_briefing
from build_scripts.render.downloads import briefing_json

from .conftest import MINI

EVENT = {"id": "2024-01-x", "date": "2024-01", "title": "T", "summary": "S.", "themes": ["investment"],
         "status": "confirmed"}


def test_a_citation_is_its_source_id_and_keeps_what_was_recorded():
    event = Event.model_validate({**EVENT, "sources": [
        "example-report", {"source": "example-copy", "passage": "Alpha put $1 billion into Beta.", "read_in": "copy"},
        {"source": "example-wire", "no_passage": "paywall", "note": "Paywalled."}]})
    bare, read, paywalled = event.sources
    assert event.sources == ["example-report", "example-copy", "example-wire"]
    assert isinstance(bare, Citation) and bare.passage is None and not bare.written_as_mapping
    assert read.passage == "Alpha put $1 billion into Beta." and read.read_in is ReadIn.copy
    assert paywalled.no_passage.value == "paywall" and paywalled.note == "Paywalled."
    assert bare.read_where(has_copy=True) is ReadIn.copy and bare.read_where(has_copy=False) is ReadIn.original
    dumped = json.loads(event.model_dump_json())["sources"]
    assert dumped == ["example-report", {"source": "example-copy", "passage": "Alpha put $1 billion into Beta.",
                                         "read_in": "copy"},
                      {"source": "example-wire", "no_passage": "paywall", "note": "Paywalled."}]
    for twin in (copy.deepcopy(event), pickle.loads(pickle.dumps(event))):
        assert twin.sources[1].passage == read.passage and twin == event


def test_data_without_passages_downloads_exactly_as_before():
    text = briefing_json(load_briefing(MINI))
    assert '"sources":["example-copy","example-report"]' in text and "passage" not in text


def test_quotations_are_found_with_quotes_dashes_ellipses_and_spaces_normalised_but_not_case():
    assert quotations('A "capped-profit" company and “multiyear, multibillion dollar” deal; it’s "1"') == [
        "capped-profit", "multiyear, multibillion dollar"]
    passage = "Microsoft announced a “multiyear,  multibillion dollar” investment — the third phase."
    assert quotation_found("multiyear, multibillion dollar", [passage])
    assert quotation_found("announced a … investment - the third phase", [passage])
    assert not quotation_found("Multiyear, multibillion dollar", [passage])
    assert not quotation_found("announced a … fourth phase", [passage])
    assert normalise("a\u00a0“b” – c…") == 'a "b" - c...'


def test_figures_are_compared_by_value():
    def values(text: str) -> list[float]:
        return [value for _, value in figures(text)]

    assert values("$1 billion") == values("1 billion dollars") == values("$1bn") == [1e9]
    assert values("27% or 27 per cent") == [27.0, 27.0]
    assert values("1,000,000 users and 743 employees") == [1e6, 743.0]
    assert values("In 2019, 12 of them met on 3 March") == []


def test_dates_in_addresses_at_their_precision():
    def found(url: str) -> list[str]:
        return [f"{start}/{end}" for _, start, end in _address_dates(url)][:1]  # the first is checked

    assert found("https://example.com/2026/04/27/story/") == ["2026-04-27/2026-04-27"]
    assert found("https://example.com/news/2026-04-27-story") == ["2026-04-27/2026-04-27"]
    assert found("https://example.com/paper/20260427/123") == ["2026-04-27/2026-04-27"]
    assert found("https://example.com/2026/04/story") == ["2026-04-01/2026-04-30"]
    assert found("https://example.com/story-11700902916013.html") == []
