"""A corrected fact in a real browser: its correction shown on the fact, what it said before behind a
disclosure that opens by mouse and by keyboard, axe clean; and the footer's 'Suggest a correction'."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from .browser_support import PageWatch, chromium, serve
from .conftest import build_site, free_port
from .test_browser_trust import axe_violations
from .test_history_corrections import NOTE, REPOSITORY, corrected_repo

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("corrected")
    port = free_port()
    result = build_site(corrected_repo(root), root / "site", {"SITE_URL": f"http://127.0.0.1:{port}/"})
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(root / "site", port) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_correction_and_the_earlier_wording_open_by_mouse_and_keyboard(browser, site, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    watch = PageWatch(page, site)
    page.goto(site + "timeline/", wait_until="networkidle")
    correction = page.locator(".correction")
    assert correction.count() == 1
    assert correction.locator("p").first.inner_text() == \
        f"Correction of 2 July 2024 to this event's date. What was wrong: {NOTE}"
    details, summary = correction.locator("details"), correction.locator("summary")
    earlier = correction.locator("li", has_text="Date:")
    assert summary.inner_text().strip() == "What it said before"
    assert earlier.is_hidden(), "closed until the reader asks"
    summary.click()
    assert details.get_attribute("open") is not None and earlier.is_visible()
    assert earlier.inner_text() == "Date: 15 January 2024"
    assert axe_violations(page) == [], "axe, with the disclosure open"
    summary.click()
    assert earlier.is_hidden()
    summary.focus()
    page.keyboard.press("Enter")
    assert earlier.is_visible(), "Enter opens it"
    page.keyboard.press("Space")
    assert earlier.is_hidden(), "Space closes it"
    assert axe_violations(page) == []
    assert watch.problems == []
    context.close()


PSEUDO = ("(el, which) => { const s = getComputedStyle(el, which); "
          "return [s.content, s.maskImage || s.webkitMaskImage]; }")


def test_no_fold_out_carries_a_pencil(browser, site):
    """Material draws its note icon, a pencil (which reads as 'edit'), before every fold-out's summary: what a
    fact said before, an event's sources, a chart's data. None is editable, so none has an icon before it; the
    arrow after it, which says it opens, stays."""
    page = browser.new_page(viewport={"width": 375, "height": 800})
    page.goto(site + "timeline/", wait_until="networkidle")
    summaries = page.locator(".md-typeset summary")
    assert summaries.count() >= 3
    for n in range(summaries.count()):
        summary = summaries.nth(n)
        before, after = summary.evaluate(PSEUDO, "::before"), summary.evaluate(PSEUDO, "::after")
        assert before[0] == "none", (summary.inner_text(), before)
        assert after[0] != "none" and "svg" in after[1], (summary.inner_text(), after)
    page.close()


def test_every_page_offers_a_correction_form_naming_it(browser, site):
    page = browser.new_page()
    page.goto(site + "timeline/", wait_until="networkidle")
    footer = page.locator(".briefing-suggest a")
    query = parse_qs(urlsplit(footer.get_attribute("href")).query)
    assert footer.get_attribute("href").startswith(f"{REPOSITORY}/issues/new?template=correction.yml")
    assert query["page"] == [site + "timeline/"]
    fact = page.locator("[id='2024-01-deal'] ~ p .suggest a").first
    assert parse_qs(urlsplit(fact.get_attribute("href")).query)["item"] == ["events/2024-01-deal"]
    page.close()
