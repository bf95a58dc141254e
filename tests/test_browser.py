"""The built site in a real browser: headless Debian Chromium driven by Playwright."""
from __future__ import annotations

import json
import re
from pathlib import Path

import material
import pytest

from build_scripts.data.validation import load_briefing

from .browser_support import PageWatch, type_in_search
from .conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BRIEFING = load_briefing(ROOT / "data")
ICONS = Path(material.__file__).parent / "templates" / ".icons"


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    yield context
    context.close()


def all_pages(built_site: Path) -> list[str]:
    return sorted(p.relative_to(built_site).parent.as_posix().replace(".", "") + "/"
                  for p in built_site.rglob("index.html"))


def open_page(context, site_url, path):
    page = context.new_page()
    watch = PageWatch(page, site_url)
    page.goto(site_url + path.lstrip("/"), wait_until="networkidle")
    return page, watch


def test_every_page_loads_cleanly_and_only_from_this_server(context, site_url, built_site):
    pages = all_pages(built_site)
    assert len(pages) > 40
    page = context.new_page()
    watch = PageWatch(page, site_url)
    for path in pages:
        page.goto(site_url + path.lstrip("/"), wait_until="networkidle")
        assert page.title(), path
    assert watch.problems == []


@pytest.mark.parametrize("width", [1280, 375])
def test_the_frames_icons_are_materials_own_drawings_at_materials_size(browser, site_url, width):
    """Material's icons in the page's frame (logo, menu, palette toggle, search, back to top) are empty svg
    elements that assets/briefing.css draws (overrides/partials/icon.html): each is drawn with Material's own
    file of the icon it names, in the element's colour, and each one shown is square, as Material's are."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    watch = PageWatch(page, site_url)
    page.goto(site_url, wait_until="load")
    drawn = page.eval_on_selector_all("svg[data-icon]", """icons => icons.map(i => {
        const s = getComputedStyle(i), box = i.getBoundingClientRect();
        return [i.dataset.icon, s.maskImage || s.webkitMaskImage, s.backgroundColor, s.color,
                box.width, box.height]; })""")
    assert len(drawn) == 10
    for name, mask, background, colour, wide, high in drawn:
        svg = (ICONS / f"{name}.svg").read_text(encoding="utf-8").strip().replace('"', "'")
        assert mask == f'url("data:image/svg+xml;charset=utf-8,{svg}")', name
        assert background == colour and wide == high, (name, background, colour, wide, high)
    assert len([name for name, *_, wide, _ in drawn if wide]) >= 4, drawn
    assert watch.problems == []
    context.close()


def chart_ready(page, chart_id: str) -> dict:
    page.hover(f"#chart-{chart_id}")
    page.wait_for_selector(f"#chart-{chart_id}[data-state=ready]", timeout=15000)
    return page.evaluate(f"""() => {{
        const plot = document.querySelector('#chart-{chart_id} .chart__plot');
        return {{traces: plot.querySelectorAll('.scatterlayer .trace, .barlayer .trace').length,
                 points: plot.querySelectorAll('.scatterlayer .point').length,
                 bars: plot.querySelectorAll('.barlayer .point').length,
                 font: plot._fullLayout.font.color}};
    }}""")


def test_charts_render_with_as_many_marks_as_the_data(context, site_url):
    page, watch = open_page(context, site_url, "timeline/")
    assert page.is_visible("#chart-timeline .chart__static img"), "the static SVG is shown first"
    assert not page.evaluate("!!window.Plotly"), "plotly.js waits for the reader"
    chart = chart_ready(page, "timeline")
    assert chart["points"] == len(BRIEFING.events)
    page, watch2 = open_page(context, site_url, "")
    money = chart_ready(page, "money")
    assert money["points"] == sum(len(e.amounts) for e in BRIEFING.events)
    friction = chart_ready(page, "friction")
    assert friction["traces"] == 3
    page, watch3 = open_page(context, site_url, "leverage/")
    relationships = chart_ready(page, "relationships")
    assert relationships["points"] == len(BRIEFING.relationships)
    assert watch.problems == watch2.problems == watch3.problems == []


def test_pages_without_charts_load_no_plotly(context, site_url):
    page, watch = open_page(context, site_url, "sources/")
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.reload(wait_until="networkidle")
    assert not any("plotly" in url for url in requests)
    assert watch.problems == []


def test_charts_render_after_instant_navigation_and_follow_the_palette(context, site_url):
    page, watch = open_page(context, site_url, "")
    page.evaluate("window.__stayed = true")
    page.click("nav.md-nav--primary >> text=Leverage")
    page.wait_for_url(re.compile(r"/leverage/$"))
    assert page.evaluate("window.__stayed === true"), "navigation was instant (no full reload)"
    light = chart_ready(page, "relationships")
    page.click("form[data-briefing-palette] label:visible")
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.wait_for_function(
        "document.querySelector('#chart-relationships .chart__plot')._fullLayout.font.color !== %s"
        % json.dumps(light["font"]))
    page.click("nav.md-nav--primary >> text=Timeline")
    page.wait_for_url(re.compile(r"/timeline/$"))
    dark = chart_ready(page, "timeline")
    assert dark["font"] != light["font"] and dark["points"] == len(BRIEFING.events)
    assert watch.problems == []


@pytest.mark.parametrize("query, expected", [
    ("Stargate", "timeline/#2025-01-stargate-announced"),
    ("Suleyman", "people/mustafa-suleyman/"),
    ("SoftBank", "organisations/softbank/"),
    ("benchmark hacking", "quotes/"),
])
def test_search_finds_people_organisations_events_and_quotes(context, site_url, query, expected):
    page, watch = open_page(context, site_url, "")
    page.focus("#briefing-search-input")
    type_in_search(page, query, reach=lambda: page.focus("#briefing-search-input"))
    path, _, anchor = expected.partition("#")
    selector = f".briefing-search__link[href*='{path}']" + (f"[href$='#{anchor}']" if anchor else "")
    page.locator(selector).first.click(timeout=15000)
    page.wait_for_url(re.compile(re.escape(expected.split("#")[0])))
    assert watch.problems == []


def test_the_search_index_is_downloaded_only_when_the_reader_reaches_for_search(context, site_url):
    page = context.new_page()
    watch = PageWatch(page, site_url)
    requested = []
    page.on("request", lambda r: requested.append(r.url) if "/pagefind/" in r.url else None)
    page.goto(site_url + "timeline/", wait_until="networkidle")
    page.mouse.wheel(0, 2000)
    page.wait_for_timeout(500)
    assert requested == [], "a page that is only read downloads nothing of the index"
    with page.expect_response(re.compile(r"pagefind/pagefind\.js$")) as response:
        page.keyboard.press("/")  # opens search and focuses the box
    assert response.value.ok
    type_in_search(page, "Stargate", reach=lambda: page.keyboard.press("/"))
    page.locator(".briefing-search__link[href$='#2025-01-stargate-announced']").first.wait_for(timeout=15000)
    assert watch.problems == []


def test_an_event_permalink_opens_the_timeline_at_that_event(context, site_url):
    event_id = "2024-03-inflection-650m"
    page, watch = open_page(context, site_url, f"timeline/#{event_id}")
    box = page.evaluate(f"document.getElementById('{event_id}').getBoundingClientRect().top")
    assert 0 <= box < 300
    assert watch.problems == []


def test_no_page_scrolls_sideways_on_a_phone(browser, site_url, built_site):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    wide = []
    for path in all_pages(built_site):
        page.goto(site_url + path.lstrip("/"), wait_until="load")
        width = page.evaluate("document.scrollingElement.scrollWidth")
        if width > 375:
            wide.append((path, width))
    context.close()
    assert wide == []


def test_no_serious_accessibility_violations(context, site_url, built_site):
    axe = AXE.read_text()
    page = context.new_page()
    found = {}
    for path in all_pages(built_site):
        page.goto(site_url + path.lstrip("/"), wait_until="load")
        page.evaluate(axe)
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        bad = [f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}" for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
        if bad:
            found[path] = bad
    assert found == {}


def test_copy_citation_puts_title_date_briefing_and_permalink_on_the_clipboard(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    watch = PageWatch(page, site_url)
    page.goto(site_url + "timeline/", wait_until="networkidle")
    page.click("button.cite-copy[data-event='2024-03-inflection-650m']")
    page.wait_for_selector("button.cite-copy[data-event='2024-03-inflection-650m'][data-copied]")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == ("“Microsoft to pay Inflection about $650 million”, 21 March 2024. In: Microsoft and OpenAI: "
                      f"a partnership under strain (as of {BRIEFING.info.as_of.label}). "
                      + site_url + "timeline/#2024-03-inflection-650m")
    assert watch.problems == []
    context.close()


def test_print_view_has_the_whole_briefing_without_menus(context, site_url):
    page, watch = open_page(context, site_url, "print/")
    text = page.inner_text("article")
    for claim in BRIEFING.claims:
        assert claim.text in text
    assert page.locator("article h3.event").count() == len(BRIEFING.events)
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).display") == "none"
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate("document.querySelectorAll('details:not([open])').length") == 0
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF") and len(pdf) > 100_000
    assert watch.problems == []


def test_no_serious_accessibility_violations_in_the_dark_palette(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page = context.new_page()
    found = {}
    for path in ("", "timeline/", "conflicts/computing-power/", "leverage/"):
        page.goto(site_url + path, wait_until="load")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        page.evaluate(AXE.read_text())
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        bad = [f"{v['id']}: {v['nodes'][0]['target']}" for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
        if bad:
            found[path] = bad
    context.close()
    assert found == {}
