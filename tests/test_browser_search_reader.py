"""Search as reader test 3 used it, in Chromium on the shipped briefing: a reader's question lands on the
reader's page (the methodology's corrections section), never on the editors' guide; and the keyboard
leaves the search as it came, the panel closing once focus is past the box, its filters and results."""
from __future__ import annotations

import re

import pytest

from .browser_support import PageWatch
from .test_browser_search import links, search, type_query, wait_results

pytestmark = [pytest.mark.browser, pytest.mark.slow]
IN_SEARCH = "document.querySelector('.briefing-search').contains(document.activeElement)"
OPEN = "document.getElementById('__search').checked"


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    yield context
    context.close()


@pytest.mark.parametrize("query", ["report an error", "contact"])
def test_a_readers_question_lands_on_the_corrections_section_not_the_editors_guide(context, site_url, query):
    page, watch = search(context, site_url, query)
    found = links(page)
    assert found[0].endswith("/methodology/#corrections"), found
    assert not any("/editors/" in link for link in found), found
    assert page.locator(".briefing-search__item h3").first.inner_text() == "Methodology › Corrections and errors"
    assert page.locator(".briefing-search__item .briefing-search__excerpt mark").count() >= 1
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/methodology/#corrections$"))
    assert watch.problems == []


@pytest.mark.parametrize("query", ["make check", "acknowledge", "Editors guide"])
def test_the_editors_guide_is_never_a_result(context, site_url, query):
    page, watch = search(context, site_url, query)
    assert not any("/editors/" in link for link in links(page)), links(page)
    assert watch.problems == []


def covering(page, box) -> list[str]:
    """What of the search lies over the header and over where its panel was open."""
    return page.evaluate("""(box) => {
      const header = document.querySelector('.md-header').getBoundingClientRect();
      const points = [];
      for (let x = 10; x < innerWidth; x += 40) points.push([x, header.top + header.height / 2]);
      for (let x = box.x + 5; x < box.x + box.width; x += 40)
        for (let y = box.y + 5; y < box.y + box.height && y < innerHeight; y += 20) points.push([x, y]);
      return points.map(([x, y]) => document.elementFromPoint(x, y))
        .filter(e => e && e.closest('.md-search__output, .md-search__overlay'))
        .map(e => e.tagName + '.' + e.className);
    }""", box)


@pytest.mark.parametrize("query", ["", "OpenAI"])
def test_tab_past_the_search_closes_it_and_nothing_covers_the_header(context, site_url, query):
    page = context.new_page()
    watch = PageWatch(page, site_url)
    page.goto(site_url, wait_until="networkidle")
    if query:
        type_query(page, query)
        wait_results(page)
    else:
        page.keyboard.press("/")
    page.wait_for_timeout(300)  # the panel opens
    assert page.evaluate(OPEN)
    panel = page.locator(".md-search__output").bounding_box()
    assert panel and panel["height"] > 20, "the open panel, over the header's edge and the page"
    for _ in range(40):
        page.keyboard.press("Tab")
        if not page.evaluate(IN_SEARCH):
            break
        assert page.evaluate(OPEN), "focus within the search keeps it open"
    assert not page.evaluate(IN_SEARCH), "focus left the search"
    assert not page.evaluate(OPEN), "and the search closed, as Esc closes it"
    assert page.evaluate("document.activeElement !== document.body"), "focus stays where Tab took it"
    page.wait_for_timeout(400)  # the theme's transitions
    assert page.evaluate("getComputedStyle(document.querySelector('.md-search__output')).visibility") == "hidden"
    assert covering(page, panel) == []
    assert "q=" not in page.url
    page.keyboard.press("Shift+Tab")  # back: the closed panel holds nothing to focus, so the field, and it opens
    assert page.evaluate("document.activeElement.id") == "briefing-search-input" and page.evaluate(OPEN)
    page.keyboard.press("Escape")
    assert not page.evaluate(OPEN)
    assert watch.problems == []


def test_tab_from_the_field_into_the_results_and_the_filters_keeps_the_search_open(context, site_url):
    page, watch = search(context, site_url, "OpenAI")
    first = links(page)[0]
    for _ in range(6):
        page.keyboard.press("Tab")
        assert page.evaluate(OPEN) and page.evaluate(IN_SEARCH)
        if page.evaluate("document.activeElement.classList.contains('briefing-search__link')"):
            break
    assert page.evaluate("document.activeElement.getAttribute('href')") == first, "Tab reaches the first result"
    page.keyboard.press("ArrowDown")  # the arrows still move through the results
    assert page.evaluate("document.activeElement.getAttribute('href')") == links(page)[1]
    page.locator(".briefing-search__facets-toggle").focus()
    page.keyboard.press("Enter")  # the filters open
    page.keyboard.press("Tab")
    facet = page.evaluate("document.activeElement.dataset.facet")
    assert facet and page.evaluate(OPEN)
    page.keyboard.press("Space")  # a filter chosen: the results and the filters are drawn again
    wait_results(page)
    assert page.evaluate(OPEN) and page.evaluate("document.activeElement.dataset.facet") == facet
    page.focus("#briefing-search-input")
    page.keyboard.press("Escape")
    assert not page.evaluate(OPEN)
    assert watch.problems == []
