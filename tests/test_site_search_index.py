"""The search index's records: each fact's result carries its status badge's words, as rules.py words the
status, so the search box (docs/assets/search.js, which names results in the reader's browser) keeps no
words of its own for the statuses."""
from __future__ import annotations

import re

from build_scripts.data.rules import STATUS_RULES
from build_scripts.data.validation import load_briefing
from build_scripts.site.search_index import Record, records

from .conftest import MINI, ROOT


def meta(document: str, name: str) -> list[str]:
    return re.findall(rf'<span data-pagefind-meta="{name}">([^<]*)</span>', document)


def test_a_result_carries_its_status_badges_words_from_the_rules():
    for rule in STATUS_RULES:
        document = Record("timeline/#x", "Event", "Title", "Text", status=rule.status.value).html()
        assert meta(document, "status") == [rule.status.value]
        assert meta(document, "status_label") == [f"{rule.icon} {rule.label}"]
    assert meta(Record("quotes/#q", "Quote", "Title", "Text").html(), "status_label") == [], "no status, no badge"


def test_every_fact_with_a_status_carries_its_badge_and_the_others_none():
    briefing = load_briefing(MINI)
    words = {rule.status.value: f"{rule.icon} {rule.label}" for rule in STATUS_RULES}
    found = [(r.kind, r.status, meta(r.html(), "status_label")) for r in records(briefing)]
    assert {kind for kind, status, _ in found if status} >= {"Event", "Claim"}
    assert all(label == ([words[status]] if status else []) for _, status, label in found), found


def test_the_search_box_keeps_no_words_of_its_own_for_the_statuses():
    script = (ROOT / "docs" / "assets" / "search.js").read_text()
    assert "meta.status_label" in script, "the badge's words come with the result"
    for rule in STATUS_RULES:
        assert rule.label not in script and f'"{rule.status.value}"' not in script, rule.status.value
