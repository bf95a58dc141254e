"""Search on the shipped briefing, in Chromium: facts as results at their anchors, facets with counts
checked against the model, ranking, the keyboard, a phone, both palettes, axe, and the address."""
from __future__ import annotations

import re
import shutil
from collections import Counter
from unittest import mock

import pytest

from build_scripts.data.model import Person
from build_scripts.data.rules import RULES
from build_scripts.data.validation import load_briefing
from build_scripts.render.views import build_view
from build_scripts.site import search_job, search_prose, search_shards

from .browser_support import PageWatch, type_in_search
from .conftest import ROOT, free_port

pytestmark = [pytest.mark.browser, pytest.mark.slow]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BRIEFING = load_briefing(ROOT / "data")
VIEW = build_view(BRIEFING)


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    yield context
    context.close()


def search(context, site_url, query: str, path: str = "", width: int = 1280):
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    watch = PageWatch(page, site_url)
    page.goto(site_url + path, wait_until="networkidle")
    if query:  # else the address carries the search, and the page opens with it
        type_query(page, query)
    wait_results(page)
    return page, watch


def type_query(page, query: str) -> None:
    """`/` opens the search with the field focused; the query is typed there."""
    page.keyboard.press("/")
    type_in_search(page, query, reach=lambda: page.keyboard.press("/"))


def wait_results(page):
    # the list names the query it shows once its first results are in place, the facets once every
    # facet is counted (by the second Pagefind, in its worker)
    page.wait_for_function("() => { const q = document.querySelector('#briefing-search-input').value.trim();"
                           " return (document.querySelector('.briefing-search__list').dataset.query === q || "
                           "/No matching/.test(document.querySelector('#briefing-search-status').textContent)) && "
                           "document.querySelector('.briefing-search__facets').dataset.query === q; }",
                           timeout=30000)
    page.wait_for_timeout(200)


def links(page) -> list[str]:
    return page.eval_on_selector_all(".briefing-search__link", "els => els.map(e => e.getAttribute('href'))")


def result_count(page) -> int:
    text = page.locator("#briefing-search-status").inner_text()
    return 0 if text.startswith("No") else int(text.split()[0])


def test_a_query_returns_the_event_as_its_own_result_at_its_anchor(context, site_url):
    event = VIEW.events_by_id["2025-01-stargate-announced"]
    page, watch = search(context, site_url, "Stargate White House")
    first = page.locator(".briefing-search__item").first
    assert links(page)[0].endswith("/timeline/#2025-01-stargate-announced")
    assert event.title in first.inner_text() and event.date.label in first.inner_text()
    badge = first.locator(f"span.status.status--{event.status.value}")
    rule = RULES[event.status]
    assert badge.count() == 1 and badge.inner_text() == f"{rule.icon} {rule.label}", "the badge as rules.py words it"
    assert first.locator(".briefing-search__excerpt mark").count() >= 1
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/timeline/#2025-01-stargate-announced$"))
    assert watch.problems == []


@pytest.mark.parametrize("query, first", [
    ("AGI", "/conflicts/agi/"),  # the topic's own page
    ("exclusive cloud", ("exclusiv", "cloud")),  # no topic is named: a fact with both words (stemmed)
    ("Satya Nadella", "/people/satya-nadella/"),
])
def test_the_topic_or_a_matching_fact_comes_first_with_a_short_snippet(context, site_url, query, first):
    page, watch = search(context, site_url, query)
    top = page.locator(".briefing-search__item").first
    if isinstance(first, str):
        assert links(page)[0].endswith(first)
    else:
        text = top.inner_text().lower()
        assert all(word in text for word in first) and "Point of conflict" not in top.inner_text(), text
    snippet = top.locator(".briefing-search__excerpt").bounding_box()
    assert snippet["height"] < 60, "a line or two"
    assert watch.problems == []


def test_each_facet_narrows_to_what_the_model_says(context, site_url):
    page, watch = search(context, site_url, "", path="?kind=Event")
    assert result_count(page) == len(VIEW.events)
    statuses = Counter(RULES[e.status].short for e in VIEW.events)
    for label, count in statuses.items():
        shown = page.locator(f"input[data-facet='status:{label}']").locator("xpath=..").inner_text()
        assert shown.endswith(str(count)), (label, shown)
    year = str(VIEW.events[-1].date.start.year)
    page.locator(f"input[data-facet='year:{year}']").check()
    wait_results(page)
    assert result_count(page) == sum(1 for e in VIEW.events if e.date.start.year == year or
                                     str(e.date.start.year) == year)
    assert f"year={year}" in page.url and "kind=Event" in page.url
    nadella = next(p for p in BRIEFING.people if p.name == "Satya Nadella")
    page.goto(page.url.split("?")[0] + "?kind=Event&person=Satya+Nadella", wait_until="networkidle")
    wait_results(page)
    assert result_count(page) == sum(1 for e in VIEW.events if nadella.id in e.actors)
    assert isinstance(VIEW.entities[nadella.id], Person)
    assert watch.problems == []


def test_a_filtered_search_address_reopens_the_same_results_and_back_works(context, site_url):
    page, watch = search(context, site_url, "Microsoft")
    page.locator(".briefing-search__facets-toggle").click()
    page.locator("input[data-facet='status:Confirmed']").check()
    wait_results(page)
    filtered, address = links(page), page.url
    assert "q=Microsoft" in address and "status=Confirmed" in address
    again = context.new_page()
    again.goto(address, wait_until="networkidle")
    wait_results(again)
    assert links(again) == filtered
    page.go_back()
    page.wait_for_function("() => !location.search.includes('status=')")
    wait_results(page)
    assert "status=Confirmed" not in page.url and len(links(page)) >= len(filtered)
    page.locator("#briefing-search-sort").select_option("date")
    wait_results(page)
    assert "sort=date" in page.url
    assert watch.problems == []


def test_keyboard_only(context, site_url):
    page, watch = search(context, site_url, "OpenAI", path="timeline/")
    page.keyboard.press("ArrowDown")
    first = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("ArrowDown")
    second = page.evaluate("document.activeElement.getAttribute('href')")
    assert first and second and first != second
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "briefing-search-input"
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("s")
    assert page.evaluate("document.activeElement.id") == "briefing-search-input"
    assert watch.problems == []


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("width", [375, 1280])
def test_phone_and_palettes_are_axe_clean(context, site_url, scheme, width):
    page, watch = search(context, site_url, "Altman", width=width)
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    page.locator(".briefing-search__facets-toggle").click()
    assert page.locator(".briefing-search__item").first.is_visible()
    box = page.locator(".briefing-search__item").first.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1
    page.evaluate(AXE.read_text())
    found = page.evaluate("axe.run(document.querySelector('.briefing-search'), {resultTypes: ['violations']})"
                          ".then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target).join(' ')))")
    assert found == []
    assert page.locator("#briefing-search-status[aria-live=polite]").count() == 1
    assert watch.problems == []


def test_without_javascript_the_box_says_search_needs_it(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url)
    assert page.get_attribute("#briefing-search-input", "placeholder") == "Needs JavaScript"
    assert page.locator("#briefing-search-input").is_visible()  # the theme hides its search without JavaScript
    context.close()


def test_on_a_phone_a_result_navigates_instantly_and_back_reopens_the_search(context, site_url):
    page = context.new_page()
    page.set_viewport_size({"width": 375, "height": 760})
    watch = PageWatch(page, site_url)
    page.goto(site_url + "timeline/", wait_until="networkidle")
    page.click("label.md-header__button[for=__search]")  # the header's search button
    type_in_search(page, "SoftBank", reach=lambda: page.click("label.md-header__button[for=__search]"))
    wait_results(page)
    page.locator(".briefing-search__link").first.click()
    page.wait_for_url(re.compile(r"/organisations/softbank/$"))
    assert page.evaluate("typeof document$") == "object", "the theme's instant navigation is on"
    assert not page.evaluate("document.getElementById('__search').checked")
    page.go_back()
    page.wait_for_function("() => document.getElementById('__search').checked")
    wait_results(page)
    assert "q=SoftBank" in page.url and links(page)[0].endswith("/organisations/softbank/")
    page.keyboard.press("Escape")
    page.wait_for_function("() => !location.search.includes('q=')")
    assert watch.problems == []


@pytest.fixture(scope="module")
def sharded_url(built_site, tmp_path_factory):
    """The shipped site with its search index in shards of 60 dated facts, as a large briefing's is."""
    from .browser_support import serve

    site = tmp_path_factory.mktemp("sharded") / "site"
    shutil.copytree(built_site, site)
    with mock.patch.object(search_shards, "SHARD_SIZE", 60):
        search_job.write_index(site, BRIEFING, search_prose.hand_written(ROOT / "docs"))
    assert len(list((site / "pagefind").glob("pagefind.*.pf_meta"))) > 2
    with serve(site, free_port()) as url:
        yield url


def dates(page) -> list[str]:
    kickers = page.eval_on_selector_all(".briefing-search__kicker", "els => els.map(e => e.textContent)")
    return [re.search(r"· (.*?\d{4})", k).group(1) for k in kickers]


def facet_counts(page) -> str:
    return page.locator(".briefing-search__facets").text_content()


@pytest.mark.parametrize("address", ["?q=Microsoft", "?q=Microsoft&sort=date",
                                     "?q=OpenAI&sort=date-asc&status=Confirmed"])
def test_an_index_in_shards_finds_counts_and_sorts_as_one_and_more_results_follow(context, site_url, sharded_url,
                                                                                  address):
    whole, watch = search(context, site_url, "", path=address)
    sharded, sharded_watch = search(context, sharded_url, "", path=address)
    assert result_count(sharded) == result_count(whole) > 20
    assert facet_counts(sharded) == facet_counts(whole)
    if "sort=" in address:  # by date, the shards follow each other: the same dates in the same order
        assert dates(sharded) == dates(whole)
    else:  # by relevance, each shard's scores weigh a word in its own shard: the same kinds of fact first
        assert len(links(sharded)) == 10
    for page in (whole, sharded):
        page.locator(".briefing-search__more").click()
        page.wait_for_function("() => document.querySelectorAll('.briefing-search__item').length === 20")
    if "sort=" in address:
        assert dates(sharded) == dates(whole)
    assert len(set(links(sharded))) == 20
    assert watch.problems == [] and sharded_watch.problems == []
