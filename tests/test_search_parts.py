"""The search index's parts (build_scripts/site/search_parts.py): pure, no site built."""
from __future__ import annotations

from unittest import mock

from build_scripts.site import search_parts
from build_scripts.site.search_index import Record
from build_scripts.site.search_parts import parts


def record(number: int, dated: bool = True) -> Record:
    return Record(f"timeline/#e{number}", "Event", f"Event {number}", "text",
                  sort_date=f"2020-01-{number % 28 + 1:02d}" if dated else "")


def test_a_small_briefing_is_one_part():
    assert set(parts([record(n) for n in range(50)], prose=3)) == {"en"}


def test_dated_facts_split_by_date_and_undated_ones_are_dealt_in_turn():
    facts = [record(n) for n in range(10)] + [record(n, dated=False) for n in range(5)]
    with mock.patch.object(search_parts, "PART_SIZE", 4):
        part_of = parts(facts, prose=1)
    names = ["en", "en-x-p2", "en-x-p3"]
    assert sorted(set(part_of)) == names
    by_part = {name: sorted(f.sort_date for f, p in zip(facts, part_of) if p == name and f.sort_date) for name in names}
    assert all(len(dates) <= 4 for dates in by_part.values())
    assert by_part["en"][-1] <= by_part["en-x-p2"][0] and by_part["en-x-p2"][-1] <= by_part["en-x-p3"][0]
    assert part_of[10:] == ["en", "en-x-p2", "en-x-p3", "en", "en-x-p2", "en-x-p3"]  # 5 undated facts, 1 prose page


def test_a_record_in_a_split_index_names_its_part_as_its_language_and_a_filter():
    html = record(1).html("en-x-p2", split=True)
    assert html.startswith('<html lang="en-x-p2">') and '<span data-pagefind-filter="part">en-x-p2</span>' in html
    assert 'data-pagefind-filter="part"' not in record(1).html()
