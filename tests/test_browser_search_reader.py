"""Search as reader test 3 used it, in Chromium on the shipped briefing: a reader's question lands on the
reader's page (the methodology's corrections section), never on the editors' guide."""
from __future__ import annotations

import re

import pytest

from .test_browser_search import links, search

pytestmark = [pytest.mark.browser, pytest.mark.slow]


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

