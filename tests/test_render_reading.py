"""Page reuse keyed by what a page read (render/reading.py): no list of a page's inputs is kept by
hand, so a template that starts reading a field is rendered again when that field changes."""
from __future__ import annotations

import shutil

import jinja2
import pytest

from build_scripts.data.validation import LoadCache, load_briefing
from build_scripts.plan.page_registry import PageKind
from build_scripts.plan.site_plan import PageCache, plan_flavours
from build_scripts.render.page_context import Flavour
from build_scripts.render.pages import template_environment
from build_scripts.render.reading import Followed, Made, Reads, reading, same_value
from build_scripts.render.views import build_view

from .conftest import FIXTURES

FRONT = "---\ntitle: Probe\n---\n"
PROBES = {  # what no page of the site reads this way: a method's answer, an index's entry, the briefing
    "names.md.j2": FRONT + "{{ view.entity_name('ann-example') }}\n",
    "titles.md.j2": FRONT + "{{ view.events_by_id['2024-01-deal'].title }} ({{ b.info.title }})\n",
    "link-a.md.j2": FRONT + "{{ ctx.entity('beta') }}\n",  # a fragment made for one page ...
    "link-b.md.j2": FRONT + "{{ ctx.entity('beta') }}\n",  # ... and taken by another from the run's store
}


def probe_kinds() -> tuple[PageKind, ...]:
    return tuple(PageKind(name.removesuffix(".md.j2"), f"{name.removesuffix('.j2')}", name,
                          lambda view, path=f"{name.removesuffix('.j2')}": [(path, None)]) for name in PROBES)


def generations(tmp_path, *edits: tuple[str, str]) -> list[dict[str, str]]:
    """The probe pages after each edit of the data, regenerated with one loading and one page cache."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "mini", data)
    env = template_environment()
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader(PROBES), env.loader])  # type: ignore[list-item]
    loading, pages = LoadCache(), PageCache(templates=env)
    results = []
    for old, new in (("", ""), *edits):
        text = (data / "briefing.yaml").read_text()
        assert old in text
        (data / "briefing.yaml").write_text(text.replace(old, new, 1))
        view = build_view(load_briefing(data, cache=loading))
        results.append(plan_flavours(view, None, None, (Flavour.SITE,), probe_kinds(), pages)[Flavour.SITE])
    return results


def test_a_page_is_rendered_again_exactly_when_a_field_it_reads_changes(tmp_path):
    first, unrelated, renamed, retitled = generations(
        tmp_path,
        ("summary: Alpha and Beta disagreed", "summary: Alpha and Beta argued"),  # read by no probe
        ("name: Ann Example", "name: Ann Changed"),
        ("title: Alpha invests in Beta", "title: Alpha funds Beta"))
    assert all(unrelated[p] is first[p] for p in first), "a page was rendered again though nothing it read changed"
    assert "Ann Changed" in renamed["names.md"] and renamed["titles.md"] is first["titles.md"]
    assert "Alpha funds Beta" in retitled["titles.md"] and retitled["names.md"] is renamed["names.md"]


def test_a_page_that_takes_a_shared_fragment_rests_on_what_made_it(tmp_path):
    """link-b takes Beta's link from the run's fragments, made while link-a rendered; renaming Beta
    still renders both again."""
    first, renamed = generations(tmp_path, ("name: Beta Labs", "name: Beta Systems"))
    assert "Beta Labs" in first["link-b.md"]
    assert "Beta Systems" in renamed["link-a.md"] and "Beta Systems" in renamed["link-b.md"]


def test_reads_are_followed_again_on_the_next_view(tmp_path):
    view = build_view(load_briefing(FIXTURES / "mini"))
    again = build_view(load_briefing(FIXTURES / "mini").model_copy(update={"events": ()}))
    reads = Reads()
    seen = reading(view, reads)
    assert seen.sources_split is False and seen.entity_page("beta") == "organisations/beta.md"
    assert list(reads.log) == [((".", "sources_split"),), ((".", "entity_page"), ("()", ("beta",)))]
    assert reads.unchanged(again)
    reads.record(((".", "events"),), view.events)
    assert reads.unchanged(view) and not reads.unchanged(again)
    assert same_value({"a": [1, 2]}, {"a": [1, 2]}) and not same_value({"a": 1, "b": 2}, {"b": 2, "a": 1})


def test_a_fragment_rests_on_a_path_its_page_had_read_before_making_it():
    """A page reads an entity's name, then makes a fragment that reads it again: the page that takes the
    fragment next rests on the name too, though the first page's reads hold it once."""
    name = ((".", "entity_name"), ("()", ("beta",)))
    first, second, store = Reads(), Reads(), {}
    first.record(name, "Beta")

    def make() -> str:
        first.record(name, "Beta")
        return "<a>Beta</a>"

    assert Made(store, first).get(("link", "beta"), make) == "<a>Beta</a>"
    assert Made(store, second).get(("link", "beta"), lambda: pytest.fail("a fragment is made once a run")) \
        == "<a>Beta</a>"
    assert list(first.log) == [name] and list(second.log) == [name]


def test_a_read_that_cannot_be_hashed_is_kept_and_followed_too():
    view = build_view(load_briefing(FIXTURES / "mini"))
    reads = Reads()
    reads.record(((".", "origins_of"), ("()", ([],))), ())
    assert reads.unhashable and not reads.log
    assert reads.unchanged(view)
    reads.record(((".", "origins_of"), ("()", (["not-a-source"],))), ("Somewhere",))
    assert not reads.unchanged(view)


def test_pages_checked_against_one_view_follow_a_path_once_and_still_see_each_ones_value():
    """The pages of one generation share where each path leads now: a path is followed once, and a page
    that read another value there than the page checked before it is still found changed."""
    followed_calls = []

    class View:
        def name(self, key):
            followed_calls.append(key)
            return {"beta": "Beta Systems"}[key]

    path = ((".", "name"), ("()", ("beta",)))
    current, stale, followed = Reads(), Reads(), Followed({}, {})
    current.record(path, "Beta Systems")
    stale.record(path, "Beta Labs")
    assert current.unchanged(View(), followed) and current.unchanged(View(), followed)
    assert not stale.unchanged(View(), followed)
    assert current.unchanged(View(), followed)
    assert followed_calls == ["beta"]
