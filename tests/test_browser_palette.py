"""The palette toggle, which the site switches itself (overrides/partials/palette.html,
overrides/partials/javascripts/palette.html, assets/briefing.js) instead of Material's palette component:
the system's preference on a first visit, the reader's stored choice after it, by mouse, keyboard and
touch, across instant navigation and reloads; and, what it is for, no whole-page style recalculation
while a long page loads."""
from __future__ import annotations

import pytest

from .browser_support import PageWatch

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SCHEME = "document.body.getAttribute('data-md-color-scheme')"
META = "document.querySelector('meta[name=color-scheme]') && document.querySelector('meta[name=color-scheme]').content"
VISIBLE_TOGGLE = "form[data-briefing-palette] label:visible"


def open_page(browser, site_url, path="", **options):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **options)
    page = context.new_page()
    watch = PageWatch(page, site_url)
    page.goto(site_url + path, wait_until="load")
    return context, page, watch


@pytest.mark.parametrize("system, scheme, browser_scheme", [("light", "default", "light"), ("dark", "slate", "dark")])
def test_a_first_visit_follows_the_system_and_offers_the_other_palette(browser, site_url, system, scheme,
                                                                      browser_scheme):
    context, page, watch = open_page(browser, site_url, color_scheme=system)
    assert page.evaluate(SCHEME) == scheme
    assert page.evaluate(META) == browser_scheme
    toggle = page.locator(VISIBLE_TOGGLE)
    assert toggle.count() == 1
    assert toggle.get_attribute("title") == ("Switch to dark mode" if system == "light" else "Switch to light mode")
    assert watch.problems == []
    context.close()


def test_a_click_switches_and_the_choice_outlives_navigation_and_reload(browser, site_url):
    context, page, watch = open_page(browser, site_url, color_scheme="light")
    page.click(VISIBLE_TOGGLE)
    page.wait_for_function(f"{SCHEME} === 'slate'")
    page.wait_for_function(f"{META} === 'dark'")
    assert page.locator(VISIBLE_TOGGLE).get_attribute("title") == "Switch to light mode"
    page.click("nav.md-nav--primary a[href$='timeline/']")  # instant navigation: the header stays
    page.wait_for_url("**/timeline/")
    assert page.evaluate(SCHEME) == "slate"
    page.reload(wait_until="load")
    assert page.evaluate(SCHEME) == "slate"
    page.click(VISIBLE_TOGGLE)
    page.wait_for_function(f"{SCHEME} === 'default'")
    page.reload(wait_until="load")
    assert page.evaluate(SCHEME) == "default"
    assert page.evaluate("document.body.hasAttribute('data-md-color-switching')") is False
    assert watch.problems == []
    context.close()


def test_the_keyboard_switches_with_enter_and_the_arrow_keys(browser, site_url):
    context, page, watch = open_page(browser, site_url, color_scheme="light")
    page.focus("form[data-briefing-palette] input:checked")
    page.keyboard.press("Enter")
    page.wait_for_function(f"{SCHEME} === 'slate'")
    assert page.evaluate("document.activeElement.matches('form[data-briefing-palette] input:checked')")
    page.keyboard.press("ArrowRight")  # a radio group: the next (here, the first) palette
    page.wait_for_function(f"{SCHEME} === 'default'")
    assert watch.problems == []
    context.close()


def test_a_tap_switches_on_a_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 375, "height": 740}, color_scheme="dark", has_touch=True,
                                  is_mobile=True)
    page = context.new_page()
    page.goto(site_url, wait_until="load")
    assert page.evaluate(SCHEME) == "slate"
    page.tap(VISIBLE_TOGGLE)
    page.wait_for_function(f"{SCHEME} === 'default'")
    context.close()


def test_the_timeline_loads_without_recalculating_every_elements_style_again(browser, site_url):
    """Material's palette component restyled the whole page up to three times while it loaded (about
    half a second on a phone on the timeline): no script now touches the body's palette attributes during
    a load, which the page records from its first byte."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, color_scheme="dark")
    context.add_init_script("""
        window.__paletteWrites = [];
        new MutationObserver(records => records.forEach(r => window.__paletteWrites.push(
            [r.attributeName, document.getElementsByTagName('*').length])))
          .observe(document, {subtree: true, attributes: true,
                              attributeFilter: ['data-md-color-scheme', 'data-md-color-primary',
                                                'data-md-color-accent', 'data-md-color-switching']});
    """)
    page = context.new_page()
    page.goto(site_url + "timeline/", wait_until="load")
    page.wait_for_timeout(300)
    writes = page.evaluate("window.__paletteWrites")
    # The inline script sets the attributes once, while only the header is parsed; nothing after it.
    assert writes and all(name != "data-md-color-switching" for name, _ in writes), writes
    assert all(elements < 200 for _, elements in writes), writes
    assert page.evaluate("document.querySelectorAll('article *').length") > 1000
    assert page.evaluate(SCHEME) == "slate"
    context.close()
