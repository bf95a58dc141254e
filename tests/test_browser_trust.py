"""The review notice in a real browser: decided from the review date and window the page carries, with the
browser's clock moved, and shown without script when the build date is already past the window."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from build_scripts.data.validation import load_briefing

from .browser_support import PageWatch, chromium, serve
from .conftest import FIXTURES, ROOT, build_site, free_port

pytestmark = [pytest.mark.browser, pytest.mark.slow]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
NOTICE = ".currency-notice"


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="module")
def site_url(built_site, site_port):
    with serve(built_site, site_port) as url:
        yield url


def reviewed_plus(days: int) -> datetime:
    reviewed = load_briefing(ROOT / "data").info.last_reviewed.end
    return datetime(reviewed.year, reviewed.month, reviewed.day, 12, tzinfo=timezone.utc) + timedelta(days=days)


def axe_violations(page) -> list[str]:
    page.evaluate(AXE.read_text())
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']}: {v['nodes'][0]['target']}" for v in result["violations"]
            if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_notice_appears_when_the_readers_clock_is_past_the_window(browser, site_url, scheme):
    window = load_briefing(ROOT / "data").info.review_window_days
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    watch = PageWatch(page, site_url)
    page.clock.set_fixed_time(reviewed_plus(window - 1))
    page.goto(site_url, wait_until="networkidle")
    assert page.locator(NOTICE).is_hidden(), "within the window, no notice"
    page.clock.set_fixed_time(reviewed_plus(window + 2))
    page.goto(site_url + "timeline/", wait_until="networkidle")
    notice = page.locator(NOTICE)
    assert notice.is_visible()
    reviewed = load_briefing(ROOT / "data").info.last_reviewed.label
    assert f"An editor last checked this briefing for news on {reviewed}, more than {window} days ago." in \
        notice.inner_text()
    page.click("a[href$='leverage/']")  # instant navigation: the notice is decided again on the new page
    page.wait_for_url("**/leverage/")
    assert page.locator(NOTICE).is_visible()
    page.goto(site_url + "leverage/", wait_until="networkidle")  # axe on a settled page, not mid-transition
    assert page.locator(NOTICE).is_visible()
    assert axe_violations(page) == []
    assert watch.problems == []
    context.close()


def test_the_notice_is_shown_without_script_when_the_build_date_is_past_the_window(browser, tmp_path):
    site = tmp_path / "webb"
    port = free_port()
    result = build_site(FIXTURES / "webb", site, {"SITE_URL": f"http://127.0.0.1:{port}/"})  # built 2023, reviewed 2022
    assert result.returncode == 0, result.stderr
    with serve(site, port) as url:
        for scripts in (False, True):
            context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=scripts)
            page = context.new_page()
            page.goto(url, wait_until="load")
            notice = page.locator(NOTICE)
            assert notice.is_visible(), f"notice visible with scripts {'on' if scripts else 'off'}"
            assert notice.get_attribute("role") == "note"
            assert "13 July 2022" in page.locator(".md-copyright").inner_text()
            if scripts:
                assert axe_violations(page) == []
            context.close()
