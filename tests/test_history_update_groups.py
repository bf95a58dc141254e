"""A day of the Updates page by kind of change (history/update_groups.py): corrections first, then what was
added, removed or updated, then the changes to sources; each group headed by its count, a long one folded;
every entry of the day once, in its words, in the day's order; the feed unchanged."""
from __future__ import annotations

import re
from collections import Counter
from datetime import date

import pytest

from build_scripts.data.validation import load_briefing
from build_scripts.history.changes import Change, FieldChange, Recorded, Update
from build_scripts.history.feed import atom_feed
from build_scripts.history.update_days import by_day
from build_scripts.history.update_groups import FOLD_ABOVE, KINDS, group_changes
from build_scripts.plan.site_plan import plan_flavours, planned_pages
from build_scripts.render.page_context import Flavour
from build_scripts.render.views import build_view

from .conftest import MINI

DAY = date(2024, 7, 2)
WHEN = 1719921600  # 2 July 2024, 12:00 UTC


def _correction(n: int) -> Change:
    return Change("events", "corrected", f"fixed-{n}", f"Fixed event {n}", (FieldChange("summary"),),
                  (Recorded(0, DAY, f"Said {n} wrongly."),))


def _mixed_day() -> tuple[Change, ...]:
    """The day's changes, kinds interleaved as commits make them: 12 corrections (one of a source), 3 events
    added, a claim removed, 2 events updated, 14 sources added, updated or removed."""
    sources = [Change("sources", ("added", "updated", "removed")[n % 3], f"src-{n}", f"Source {n}",
                      (FieldChange("title"),) if n % 3 == 1 else ()) for n in range(14)]
    others = [*(Change("events", "added", f"new-{n}", f"New event {n}") for n in range(3)),
              Change("claims", "removed", "gone", "Gone claim"),
              *(Change("events", "updated", f"upd-{n}", f"Updated event {n}", (FieldChange("summary"),))
                for n in range(2))]
    fixes = [_correction(n) for n in range(11)] + [
        Change("sources", "corrected", "src-fixed", "Fixed source", (FieldChange("date", "2024", "2023"),),
               (Recorded(0, DAY, "Misdated."),))]
    mixed: list[Change] = []
    while sources or others or fixes:  # a source, another change, a correction, in turn
        mixed += [group.pop(0) for group in (sources, others, fixes) if group]
    return tuple(mixed)


def test_the_groups_come_corrections_first_each_in_the_days_order():
    changes = _mixed_day()
    groups = group_changes(changes)
    assert [g.key for g in groups] == ["corrections", "added", "removed", "updated", "sources"]
    assert [g.heading for g in groups] == ["Corrections (12)", "Added (3)", "Removed (1)", "Updated (2)",
                                           "Changes to sources (14)"]
    assert all(list(g.changes) == [c for c in changes if c in g.changes] for g in groups), "the day's order kept"
    assert groups[0].changes[-1].label == "Fixed source", "a correction to a source is a correction first"
    assert {c.verb for c in groups[-1].changes} == {"added", "updated", "removed"}


def test_nothing_is_lost_and_nothing_is_shown_twice():
    changes = _mixed_day()
    grouped = [c for g in group_changes(changes) for c in g.changes]
    assert Counter(map(id, grouped)) == Counter(map(id, changes))
    assert group_changes(()) == (), "no empty group"
    one = group_changes((Change("people", "added", "p", "Pat"),))
    assert [(g.key, g.heading, g.folded) for g in one] == [("added", "Added (1)", False)]


def test_a_long_group_is_folded_behind_its_count():
    fixes = group_changes(tuple(_correction(n) for n in range(FOLD_ABOVE + 1)))[0]
    assert fixes.folded and fixes.summary == f"Show the {FOLD_ABOVE + 1} corrections"
    assert not group_changes(tuple(_correction(n) for n in range(FOLD_ABOVE)))[0].folded
    assert [k.many for k in KINDS] == ["corrections", "additions", "removals", "updates", "changes to sources"]


@pytest.fixture(scope="module")
def pages():
    """The mini briefing's Updates page (its site Markdown and its plain copy) for one day of _mixed_day(),
    and its feed."""
    view = build_view(load_briefing(MINI))
    updates = [Update("abc", WHEN, _mixed_day())]
    planned = [p for p in planned_pages(view) if p.path == "updates.md"]
    texts = plan_flavours(view, updates, planned, (Flavour.SITE, Flavour.COPY))
    feed = atom_feed(view.briefing.info, "https://example.org/", by_day(updates), lambda change: None)
    return texts[Flavour.SITE]["updates.md"], texts[Flavour.COPY]["updates.md"], feed


def _sections(page: str) -> dict[str, str]:
    """The day's groups: each heading's text and what stands under it."""
    day = page[page.index("## 2 July 2024"):]
    parts = re.split(r"^### (.+?)(?: \{ #[a-z0-9-]+ \})?$", day, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2]))


@pytest.mark.parametrize("flavour", [0, 1], ids=["site", "copy"])
def test_the_page_heads_each_group_with_the_count_of_its_entries(pages, flavour):
    sections = _sections(pages[flavour])
    assert list(sections) == ["Corrections (12)", "Added (3)", "Removed (1)", "Updated (2)",
                              "Changes to sources (14)"]
    for heading, text in sections.items():
        count = int(heading.rsplit("(", 1)[1].rstrip(")"))
        assert len(re.findall(r"^(?:    )?- ", text, flags=re.M)) == count, heading
    labels = [c.label for c in _mixed_day()]
    day = pages[flavour][pages[flavour].index("## 2 July 2024"):]
    assert all(len(re.findall(rf"{re.escape(label)}(?!\d)", day)) == 1 for label in labels), "each entry once"


def test_long_groups_are_folded_on_the_site_and_listed_in_the_copy(pages):
    site, copy, _ = pages
    assert re.findall(r'^\?\?\? changes "(.+)"$', site, flags=re.M) == ["Show the 12 corrections",
                                                                       "Show the 14 changes to sources"]
    assert "### Corrections (12) { #updates-2024-07-02-corrections }" in site
    assert "???" not in copy and "### Corrections (12)\n" in copy
    sections = _sections(site)
    assert sections["Added (3)"].lstrip().startswith(
        '- Event added: <span class="as-then">New event 0</span>\n'), "a short group stands unfolded, as before"
    entry = '- **Correction:** Event <span class="as-then">Fixed event 0</span>: Said 0 wrongly. (Summary changed.)'
    assert f"\n    {entry}\n" in sections["Corrections (12)"], "an entry in its own words, indented under its fold"


def test_the_feed_lists_the_day_as_before_in_the_days_order(pages):
    titles = re.findall(r"<title>([^<]*)</title>", pages[2])[1:]
    assert len(titles) == len(_mixed_day())
    assert titles[:4] == ["Source added: Source 0", "Event added: New event 0", "Correction: Event: Fixed event 0",
                          "Source updated: Source 1"]


def test_a_correction_to_a_claim_that_ends_its_sentence_takes_no_colon_after_it():
    """A claim is a sentence: 'Claim Alpha could block Beta.: Said …' would end it twice."""
    view = build_view(load_briefing(MINI))
    claim = Change("claims", "corrected", "block", "Alpha could block Beta.", (FieldChange("status"),),
                   (Recorded(0, DAY, "Marked confirmed on one anonymous account."),))
    updates = [Update("abc", WHEN, (claim, _correction(0)))]
    planned = [p for p in planned_pages(view) if p.path == "updates.md"]
    page = plan_flavours(view, updates, planned, (Flavour.SITE,))[Flavour.SITE]["updates.md"]
    assert '<span class="as-then">Alpha could block Beta.</span> Marked confirmed on one anonymous account.' in page
    assert '<span class="as-then">Fixed event 0</span>: Said 0 wrongly.' in page, "a title still takes its colon"
