"""The search index's shards (build_scripts/site/search_shards.py): pure, no site built."""
from __future__ import annotations

from unittest import mock

from build_scripts.site import search_shards
from build_scripts.site.search_index import Record
from build_scripts.site.search_shards import shards


def record(number: int, dated: bool = True) -> Record:
    return Record(f"timeline/#e{number}", "Event", f"Event {number}", "text",
                  sort_date=f"2020-01-{number % 28 + 1:02d}" if dated else "")


def test_a_small_briefing_is_one_shard():
    assert set(shards([record(n) for n in range(50)], prose=3)) == {"en"}


def test_dated_facts_split_by_date_and_undated_ones_are_dealt_in_turn():
    facts = [record(n) for n in range(10)] + [record(n, dated=False) for n in range(5)]
    with mock.patch.object(search_shards, "SHARD_SIZE", 4):
        shard_of = shards(facts, prose=1)
    names = ["en", "en-x-s2", "en-x-s3"]
    assert sorted(set(shard_of)) == names
    by_shard = {name: sorted(f.sort_date for f, s in zip(facts, shard_of) if s == name and f.sort_date)
                for name in names}
    assert all(len(dates) <= 4 for dates in by_shard.values())
    assert by_shard["en"][-1] <= by_shard["en-x-s2"][0] and by_shard["en-x-s2"][-1] <= by_shard["en-x-s3"][0]
    assert shard_of[10:] == ["en", "en-x-s2", "en-x-s3", "en", "en-x-s2", "en-x-s3"]  # 5 undated facts, 1 prose page


def test_a_record_in_a_split_index_names_its_shard_as_its_language_and_a_filter():
    html = record(1).html("en-x-s2", split=True)
    assert html.startswith('<html lang="en-x-s2">') and '<span data-pagefind-filter="shard">en-x-s2</span>' in html
    assert 'data-pagefind-filter="shard"' not in record(1).html()
