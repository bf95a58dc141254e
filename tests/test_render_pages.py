"""Golden files for the generated Markdown of the mini briefing, plus a few focused checks."""
from __future__ import annotations

import re
import warnings

import pytest

from build_scripts.data.model import Amount, Status
from build_scripts.data.rules import as_reported
from build_scripts.render.fragments import format_amount
from build_scripts.render.page_paths import SPLIT_ABOVE
from build_scripts.session import generate
from build_scripts.tools.synthetic import write_synthetic

from .conftest import BUILD_DATE_EPOCH, MINI, UPDATE_GOLDEN, check_golden

GOLDEN = MINI.parent.parent / "golden" / "mini"
SPLIT_GOLDEN = GOLDEN.parent / "split"
# A few pages of a split timeline (one page per year) and split sources (one page per outlet).
SPLIT_PAGES = ["timeline.md", "timeline/2024.md", "sources.md", "sources/outlet-7.md"]


@pytest.fixture(scope="module")
def mini_output():
    return generate(MINI, static_charts=False, history=False)


def test_generated_pages_match_golden_files(mini_output):
    """Every golden file is a page the mini briefing generates, word for word, and every golden file has its
    page. A page with no golden file yet (a page kind just added to the registry) fails nothing: the test
    warns, naming it, and UPDATE_GOLDEN=1 writes its file to review and commit. So adding a page kind
    changes no test file (README, "Adding a page kind")."""
    written = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md")) if GOLDEN.exists() else []
    assert "index.md" in written or UPDATE_GOLDEN, "the golden pages are missing: run with UPDATE_GOLDEN=1"
    orphans = set(written) - set(mini_output.pages)
    assert not orphans, f"golden files with no page: {sorted(orphans)}"
    new = []
    for path, content in sorted(mini_output.pages.items()):
        if path in written or UPDATE_GOLDEN:
            check_golden(GOLDEN / path, content)
        else:
            new.append(path)
    if new:
        warnings.warn(f"no golden file yet for {', '.join(new)}: UPDATE_GOLDEN=1 writes them, to review and commit",
                      stacklevel=1)


@pytest.fixture(scope="module")
def split_output(tmp_path_factory):
    """A synthetic briefing (fixed seed) with more events and sources than SPLIT_ABOVE."""
    data = tmp_path_factory.mktemp("split") / "data"
    write_synthetic(data, events=2 * SPLIT_ABOVE + 10, entities=6)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE_EPOCH)
        return generate(data, static_charts=False, history=False)


def test_split_pages_match_golden_files(split_output):
    assert split_output.briefing.info.title == f"Synthetic briefing, {2 * SPLIT_ABOVE + 10} events"
    for path in SPLIT_PAGES:
        check_golden(SPLIT_GOLDEN / path, split_output.pages[path])
    assert sorted(p.relative_to(SPLIT_GOLDEN).as_posix() for p in SPLIT_GOLDEN.rglob("*.md")) == sorted(SPLIT_PAGES)


def heading_levels(markdown: str) -> list[int]:
    return [len(hashes) for hashes in re.findall(r"^(#{1,6}) ", markdown, flags=re.MULTILINE)]


@pytest.mark.parametrize("output", ["mini_output", "split_output"])
def test_headings_never_skip_a_level(output, request):
    for path, markdown in request.getfixturevalue(output).pages.items():
        levels = heading_levels(markdown)
        assert levels[:1] == [1], path
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), (path, levels)


def test_timeline_orders_events_by_date_and_gives_each_an_anchor(mini_output):
    timeline = mini_output.pages["timeline.md"]
    assert timeline.index("{ #2024-01-deal .event ") < timeline.index("{ #2024-summer-dispute .event ")
    assert "summer 2024" in timeline


def test_superseded_claim_says_when_it_was_reported_and_what_changed_it(mini_output):
    """The mini briefing's claim rests on anonymous sources: it was reported, never called true, and on the
    home page its badge stands beside it, as on the claims page."""
    claims, home = mini_output.pages["claims.md"], mini_output.pages["index.md"]
    changed = "since changed by [A dispute over the deal](timeline.md#2024-summer-dispute) (summer 2024)."
    assert f'<span class="claim-state">Since changed</span> Reported in June 2024; {changed}' in claims
    assert ("- **[Alpha could block Beta's plans.](claims.md#alpha-can-block-beta)** <span class=\"status "
            'status--anonymous"><span aria-hidden="true">?</span> <a href="methodology/#status-anonymous">Anonymous '
            f"sources</a></span> Reported in June 2024; {changed}") in home
    for path, page in mini_output.pages.items():
        assert "True as" not in page, path


@pytest.mark.parametrize("status, words", [
    (Status.confirmed, "True as reported in April 2025"), (Status.single_source, "Reported in April 2025"),
    (Status.anonymous, "Reported in April 2025"), (Status.disputed, "Reported in April 2025")])
def test_only_a_confirmed_claim_is_called_true_as_reported(status, words):
    assert as_reported(status, "in April 2025") == words


def test_backlinks_list_every_fact_citing_a_source(mini_output):
    sources = mini_output.pages["sources.md"]
    entry = sources[sources.index("{ #example-copy "):]
    assert 'Event: <a href="../timeline/#2024-01-deal">15 January 2024: Alpha invests in Beta</a>' in entry
    assert 'Point of conflict: <a href="../conflicts/terms/">Terms</a>' in entry


def test_person_page_lists_their_events_and_quotes(mini_output):
    page = mini_output.pages["people/ann-example.md"]
    assert "“a fine deal”" in page
    assert '<a href="../../timeline/#2024-summer-dispute">A dispute over the deal</a>' in page


@pytest.mark.parametrize(
    "value, approximate, expected",
    [(650e6, True, "about $650 million"), (1e9, False, "$1 billion"), (6.6e9, False, "$6.6 billion"),
     (5e11, False, "$500 billion"), (1234, False, "$1,234")],
)
def test_amounts_read_like_a_newspaper(value, approximate, expected):
    assert format_amount(Amount(value=value, currency="USD", label="x", approximate=approximate)) == expected


def test_the_methodology_says_how_many_sources_have_an_archived_copy_not_that_all_are_requested():
    """What the data holds, in words: no promise that every source's snapshot is requested (an editor's
    step that needs keys, not the build's)."""
    from build_scripts.data.sources import Source
    from build_scripts.render.page_variables import _snapshots

    def source(n: int, **fields) -> Source:
        return Source.model_validate({"id": f"s{n}", "outlet": "Example", "subject": "A report", **fields})

    snapshot = {"url": "https://web.archive.org/web/2024/https://example.com/", "date": "2024-07-01"}
    copy = {"name": "A mirror", "url": "https://mirror.example/", "kind": "mirror"}
    bare, unlocated = source(1, url="https://example.com/a"), source(2, unlocated=True)
    copied = source(3, url="https://example.com/c", read_via={**copy, "archived": snapshot})
    assert _snapshots([bare, bare, unlocated]) == "None of this briefing's 3 sources has one yet.", \
        "counted as the home page counts them"
    assert _snapshots([bare, copied, unlocated]) == "1 of the briefing's 3 sources has one so far."
    assert _snapshots([copied, source(4, url="https://example.com/d", archived=snapshot), unlocated]) == \
        "Every source with an address has one."
