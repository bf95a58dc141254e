"""Narrowing the timeline and the sources, as a reader does it (headless Chromium): each choice of each
control shows exactly the items the data says, the choice is kept in the address and reopens the same
list, newest first turns the order, and the page stays accessible in both palettes and at phone width."""
from __future__ import annotations

import pytest

from build_scripts.render.narrowing import event_choices, outlet_value, source_kinds
from build_scripts.render.views import build_view
from build_scripts.session import BuildConfig, BuildSession

from .browser_support import PageWatch
from .conftest import ROOT
from .test_browser_trust import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.slow]
VISIBLE = "[...document.querySelectorAll('h3.event')].filter(h => h.offsetParent !== null).map(h => h.id)"


@pytest.fixture(scope="module")
def events():
    session = BuildSession(BuildConfig(data_dir=ROOT / "data", static_charts=False, history=False))
    return build_view(session.report().briefing).events


def expected(events, field: str, value: str) -> list[str]:
    test = {"theme": lambda e: value in e.themes, "status": lambda e: e.status.value == value,
            "who": lambda e: value in e.actors, "year": lambda e: str(e.date.start.year) == value}[field]
    return [e.id for e in events if test(e)]


def test_each_choice_narrows_the_timeline_to_exactly_the_datas_events(browser, site_url, events):
    page = browser.new_page()
    watch = PageWatch(page, site_url)
    page.goto(site_url + "timeline/")
    assert page.evaluate(VISIBLE) == [e.id for e in events], "without a choice, every event, oldest first"
    problems = []
    for field in ("theme", "status", "who", "year"):
        values = page.eval_on_selector_all(f"#narrow-{field} option", "os => os.map(o => o.value)")[1:]
        assert values, field
        for value in values:
            page.select_option(f"#narrow-{field}", value)
            shown = page.evaluate(VISIBLE)
            if shown != expected(events, field, value):
                problems.append(f"{field}={value}: shown {shown}")
            count = page.text_content(".narrow-count")
            if f"{len(shown)} of {len(events)}" not in count and f"all {len(events)}" not in count:
                problems.append(f"{field}={value}: the count says {count!r}")
        page.select_option(f"#narrow-{field}", "")
    assert not problems, "\n".join(problems[:10])
    assert not watch.problems, watch.problems


def test_every_controls_options_are_the_datas_in_order_with_the_same_words(browser, site_url):
    """What the form offers, option by option: the Who options, which the page's script writes from the
    events' own links (render/narrowing.py), as much as those the page carries."""
    session = BuildSession(BuildConfig(data_dir=ROOT / "data", static_charts=False, history=False))
    view = build_view(session.report().briefing)
    page = browser.new_page()
    watch = PageWatch(page, site_url)
    page.goto(site_url + "timeline/")
    for choice in event_choices(view, view.events):
        shown = page.eval_on_selector_all(f"#narrow-{choice.name} option", "os => os.map(o => [o.value, o.text])")
        assert shown == [["", choice.anyone], *map(list, choice.options)], choice.name
    assert not watch.problems, watch.problems


def test_a_narrowed_timeline_is_in_the_address_and_reopens_newest_first(browser, site_url, events):
    page = browser.new_page()
    page.goto(site_url + "timeline/")
    page.select_option("#narrow-who", "satya-nadella")
    page.select_option("#narrow-order", "newest")
    address = page.url
    assert "who=satya-nadella" in address and "order=newest" in address
    again = browser.new_page()
    again.goto(address)
    want = list(reversed(expected(events, "who", "satya-nadella")))
    assert again.evaluate(VISIBLE) == want
    assert again.input_value("#narrow-who") == "satya-nadella"
    again.click("button.narrow-reset")
    again.wait_for_function("() => !location.search.includes('who=')")
    assert again.evaluate(VISIBLE) == [e.id for e in events]


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_the_controls_are_labelled_and_reachable_by_keyboard_at_phone_width(browser, site_url, palette, events):
    context = browser.new_context(viewport={"width": 375, "height": 740}, color_scheme=palette,
                                  has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(site_url + "timeline/")
    page.focus("#narrow-status")
    page.keyboard.press("ArrowDown")  # a native select: the arrow picks the next status
    assert page.input_value("#narrow-status") != ""
    for field in ("order", "theme", "status", "who", "year"):
        box = page.locator(f"#narrow-{field}").bounding_box()
        assert box["height"] >= 24 and box["x"] + box["width"] <= 375, field
        assert page.locator(f"label[for=narrow-{field}]").count() == 1
    assert page.get_attribute(".narrow-count", "role") == "status"
    page.select_option("#narrow-year", page.eval_on_selector_all("#narrow-year option", "os => os[1].value"))
    assert not axe_violations(page)
    context.close()


def test_the_sources_narrow_by_outlet_and_kind_to_exactly_the_datas_sources(browser, site_url):
    session = BuildSession(BuildConfig(data_dir=ROOT / "data", static_charts=False, history=False))
    view = build_view(session.report().briefing)
    page = browser.new_page()
    watch = PageWatch(page, site_url)
    page.goto(site_url + "sources/")
    shown = "[...document.querySelectorAll('h2.source')].filter(h => h.offsetParent !== null).map(h => h.id)"
    everything = page.evaluate(shown)
    assert sorted(everything) == sorted(s.id for s in view.sources.values() if s.id in everything) and everything
    kinds = page.eval_on_selector_all("#narrow-kind option", "os => os.map(o => o.value)")[1:]
    outlets = page.eval_on_selector_all("#narrow-outlet option", "os => os.map(o => o.value)")[1:]
    assert kinds and outlets
    for field, values, test in (("kind", kinds, lambda s, v: v in source_kinds(s)),
                                ("outlet", outlets[:8], lambda s, v: outlet_value(s.outlet) == v)):
        for value in values:
            page.select_option(f"#narrow-{field}", value)
            want = [i for i in everything if test(view.sources[i], value)]
            assert page.evaluate(shown) == want, (field, value)
            assert f"{len(want)} of {len(everything)} sources" in page.text_content(".narrow-count") or \
                len(want) == len(everything)
        page.select_option(f"#narrow-{field}", "")
    assert "kind=" not in page.url and not watch.problems, watch.problems


def test_a_button_before_the_chart_leads_a_phone_reader_to_the_controls(browser, site_url):
    """On a phone the timeline's chart is a screen or two tall: a button above it goes to the controls. The
    page carries it from the first paint (render/narrowing.py), so nothing moves when the script wires it."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, has_touch=True, is_mobile=True)
    page = context.new_page()
    watch = PageWatch(page, site_url)
    page.goto(site_url + "timeline/")
    jump = page.locator("p.narrow-jump button")
    assert jump.count() == 1
    assert jump.text_content() == "Narrow the events by theme, status, who, year, or read them newest first"
    assert jump.is_visible()
    box = jump.bounding_box()
    assert box["height"] >= 24 and box["x"] >= 0 and box["x"] + box["width"] <= 375, box
    assert page.evaluate("document.querySelector('form.narrow').getBoundingClientRect().top") > 740, \
        "the controls start below the first screen, past the chart"
    assert page.evaluate("""() => { const j = document.querySelector('p.narrow-jump'),
        c = document.querySelector('article figure.chart');
        return !!(j.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING); }"""), "the link comes first"
    jump.tap()
    page.wait_for_timeout(600)
    box = page.locator("form.narrow").bounding_box()
    assert 48 <= box["y"] < 740, "the controls are on screen, under the header"
    page.goto(site_url + "sources/")
    assert page.locator("p.narrow-jump").count() == 0, "no chart before the sources' controls: no button"
    context.close()
    desk = browser.new_page()
    desk.goto(site_url + "timeline/")
    desk.wait_for_load_state("load")
    desk.focus("p.narrow-jump button")
    desk.keyboard.press("Enter")
    desk.wait_for_timeout(1000)
    focused = desk.evaluate("[document.activeElement.id, document.activeElement.tagName, location.href]")
    assert focused[0] == "narrow-order", f"the keyboard lands on the first control, not {focused}"
    desk.close()
    assert not watch.problems, watch.problems


def test_without_script_the_button_that_would_do_nothing_is_hidden(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "timeline/")
    jump = page.locator("p.narrow-jump")
    assert jump.count() == 1 and not jump.is_visible()
    context.close()


def test_nothing_moves_while_the_timeline_loads_on_a_phone(browser, site_url):
    """The button past the chart is in the page from the first paint: shown by the script instead, it pushed
    the chart 69 px down as the page loaded (a layout shift of 0.049, Lighthouse's mobile timeline)."""
    context = browser.new_context(viewport={"width": 412, "height": 823}, has_touch=True, is_mobile=True)
    context.add_init_script("""window.__shifts = [];
        new PerformanceObserver(list => list.getEntries().forEach(e => window.__shifts.push([e.value,
            e.sources.map(s => s.node ? s.node.nodeName + '.' + s.node.className : '?').join(' ')])))
          .observe({type: 'layout-shift', buffered: true});""")
    page = context.new_page()
    page.goto(site_url + "timeline/", wait_until="load")
    page.wait_for_timeout(800)
    shifts = page.evaluate("window.__shifts")
    assert sum(value for value, _ in shifts) < 0.005, shifts
    context.close()
