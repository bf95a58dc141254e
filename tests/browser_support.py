"""Driving Debian's Chromium with Playwright, and watching what a reader's browser would complain about."""
from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import contextmanager

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from build_scripts.tools.serving import serve  # noqa: F401  (re-exported for the tests)

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]


@contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def type_in_search(page, query: str, reach: Callable[[], object] | None = None, tries: int = 5) -> None:
    """Type the query once the search box has opened and focused its field: a tap on the phone's search
    button, `/` or a click focus it a moment later, and keys typed before that are lost. reach: how the test
    opened the search (a key, a click), done again, focus first taken from the field, while the search is
    not open with its field focused: in the full suite, on a loaded machine, a first `/` or focus sometimes
    went unanswered (the search tests timed out waiting), where a reader would press it again."""
    opened = ("() => document.activeElement && document.activeElement.id === 'briefing-search-input'"
              " && document.getElementById('__search').checked")
    for attempt in range(tries):
        try:
            page.wait_for_function(opened, timeout=5000)
            break
        except PlaywrightTimeout:
            if reach is None or attempt == tries - 1:
                raise
            page.evaluate("() => document.activeElement && document.activeElement.blur()")
            reach()
    page.keyboard.type(query, delay=10)
    assert page.input_value("#briefing-search-input") == query


class PageWatch:
    """Records what a reader's browser would complain about: console errors, failed or foreign
    requests, and Content-Security-Policy violations."""

    def __init__(self, page, base_url: str):
        self.problems: list[str] = []
        self.base_url = base_url
        page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("requestfailed", self._failed)
        page.on("request", self._request)
        page.add_init_script(
            "document.addEventListener('securitypolicyviolation', "
            "e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));")

    def _failed(self, request):
        # ERR_ABORTED is the browser cancelling a request because the page moved on (the next goto
        # while the search worker still loads): not something a reader sees fail.
        if request.failure != "net::ERR_ABORTED":
            self.problems.append(f"failed: {request.url} {request.failure}")

    def _request(self, request):
        url = request.url
        if not (url.startswith(self.base_url) or url.startswith(("data:", "blob:", "about:"))):
            self.problems.append(f"foreign request: {url}")
