"""The site on a phone, as a reader's thumb meets it (headless Chromium, 375 px, touch): a swipe over any
chart scrolls the page, before and after the chart is made live, until the reader turns zoom and pan on; a tap
on a live chart's point shows its label and, under the chart, a link to its event; a table wider than the
screen shows at its edge that it goes on."""
from __future__ import annotations

import base64
import html
import math
import re

import pytest

from build_scripts.data.validation import load_briefing

from .browser_support import PageWatch
from .conftest import ROOT
from .test_browser_trust import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PHONE = {"viewport": {"width": 375, "height": 740}, "has_touch": True, "is_mobile": True}


def swipe_up(cdp, x: float, y: float, distance: float = 260) -> None:
    """A finger's swipe upwards (the page should scroll down), as the Input domain sends it."""
    steps = 8
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, steps + 1):
        cdp.send("Input.dispatchTouchEvent",
                 {"type": "touchMove", "touchPoints": [{"x": x, "y": y - distance * step / steps}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def chart_ids(built_site) -> list[tuple[str, str]]:
    found = []
    for path in sorted(built_site.rglob("index.html")):
        address = path.relative_to(built_site).parent.as_posix().replace(".", "") + "/"
        if address == "print/":
            continue
        found += [(address.lstrip("/"), part.split('"')[0]) for part in path.read_text().split('id="chart-')[1:]]
    return found


def swipe_scrolls(page, cdp, chart_id: str) -> bool:
    page.evaluate(f"document.getElementById('chart-{chart_id}').scrollIntoView({{block: 'center'}})")
    page.wait_for_timeout(150)
    box = page.locator(f"#chart-{chart_id} .chart__plot").bounding_box()
    before = page.evaluate("window.scrollY")
    swipe_up(cdp, box["x"] + box["width"] / 2, box["y"] + min(box["height"], 300) / 2 + 20)
    settle(page)
    return page.evaluate("window.scrollY") > before + 50


def settle(page) -> None:
    """Wait for the page's fling to end: a finger that lands while it still moves only stops it."""
    last = None
    for _ in range(40):
        page.wait_for_timeout(100)
        now = page.evaluate("window.scrollY")
        if now == last:
            return
        last = now


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_a_swipe_over_every_chart_scrolls_the_page_before_and_after_it_is_live(browser, site_url, built_site,
                                                                                palette):
    charts = chart_ids(built_site)
    assert charts, "the shipped briefing has charts"
    context = browser.new_context(color_scheme=palette, **PHONE)
    page = context.new_page()
    watch = PageWatch(page, site_url)
    cdp = context.new_cdp_session(page)
    problems = []
    for address, chart_id in charts:
        page.goto(site_url + address)
        if not swipe_scrolls(page, cdp, chart_id):
            problems.append(f"{address} {chart_id}: a swipe over the static chart did not scroll")
        if page.evaluate(f"document.getElementById('chart-{chart_id}').dataset.state || ''"):
            problems.append(f"{address} {chart_id}: a swipe made the chart live")
        button = page.locator(f"#chart-{chart_id} .chart__activate")
        if button.count():
            button.tap()
            page.wait_for_selector(f"#chart-{chart_id}[data-state=ready]", timeout=15000)
            if not swipe_scrolls(page, cdp, chart_id):
                problems.append(f"{address} {chart_id}: a swipe over the live chart did not scroll")
            assert button.get_attribute("aria-pressed") == "false"
            button.tap()
            assert button.get_attribute("aria-pressed") == "true", "the button turns zoom and pan on"
            layout = page.evaluate("(id) => { const p = document.querySelector(`#chart-${id} .chart__plot`);"
                                   " return [p._fullLayout.dragmode, p._fullLayout.xaxis.fixedrange]; }", chart_id)
            assert layout == ["pan", False], f"{chart_id}: zoom and pan are on once asked for"
    context.close()
    assert not problems, "\n".join(problems)
    assert not watch.problems, watch.problems


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_the_home_pages_first_screen_gives_the_title_the_bottom_line_and_both_dates(browser, site_url, palette):
    info = load_briefing(ROOT / "data").info
    context = browser.new_context(color_scheme=palette, **PHONE)
    page = context.new_page()
    page.goto(site_url)
    first_screen = page.evaluate("""() => [...document.querySelectorAll('article h1, article p')]
        .filter(e => e.getBoundingClientRect().bottom <= window.innerHeight).map(e => e.textContent).join(' ')""")
    words = " ".join(first_screen.split())
    assert info.title in words
    assert " ".join(info.bottom_line.text.split()) in words
    assert f"Covers events to {info.as_of.label}." in words
    assert f"Last checked for news on {info.last_reviewed.label}." in words
    sizes = page.evaluate("() => ['h1', 'p.dek']"
                          ".map(s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize))")
    assert sizes[0] > sizes[1], "the title is the strongest text"
    assert not axe_violations(page)
    context.close()


TEXT = "article p, article li, article h1, article h2, article h3, article td, .md-nav__link"


@pytest.mark.parametrize("width", [1280, 375])
def test_back_to_top_is_a_small_button_that_never_covers_text(browser, site_url, width):
    """Material shows 'Back to top' when the reader scrolls back up, and pins it under the header with an
    inline style: it must stay a button in the margin, clear of any text (left out on a phone)."""
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(site_url + "leverage/")
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -600)
    page.wait_for_timeout(600)
    button = page.evaluate("""() => { const t = document.querySelector('.md-top'), r = t.getBoundingClientRect();
        return {shown: getComputedStyle(t).display !== 'none' && !t.hidden && r.height > 0,
                box: [r.left, r.top, r.right, r.bottom]}; }""")
    if width < 1220:
        assert not button["shown"], "on a narrow screen Back to top would sit on the text"
    else:
        assert button["shown"], "the reader scrolled up: Back to top is offered"
        left, top, right, bottom = button["box"]
        assert bottom - top <= 48 and right - left <= 160, button
        covered = page.evaluate("""([sel, l, t, r, b]) => [...document.querySelectorAll(sel)].filter(e => {
            const x = e.getBoundingClientRect(); return getComputedStyle(e).visibility !== 'hidden'
              && x.width > 0 && x.left < r && x.right > l && x.top < b && x.bottom > t;
          }).map(e => e.textContent.trim().slice(0, 60))""", [TEXT, left, top, right, bottom])
        assert covered == [], covered
    context.close()


POINTS = """id => [...document.querySelectorAll(`#chart-${id} .scatterlayer .point`)].map(p => {
    const box = p.getBoundingClientRect(), trace = p.closest('.trace').__data__[0].trace, i = p.__data__.i;
    return {x: box.x + box.width / 2, y: box.y + box.height / 2, target: trace.customdata && trace.customdata[i],
            label: (trace.hovertext && trace.hovertext[i]) || ''}; })
    .filter(p => p.y > 60 && p.y < window.innerHeight - 10)"""


def label_words(text: str) -> str:
    """A hover label's words as the page shows them: its lines joined by a space, Plotly's tags gone."""
    return " ".join(re.sub(r"<[^>]+>", "", re.sub(r"<br\s*/?>", " ", html.unescape(text))).split())


def shown_label(page, chart_id: str) -> str:
    """The words of the chart's hover label on screen ('' when none is shown), its lines joined by a space."""
    return " ".join(page.evaluate("""id => {
        const text = document.querySelector(`#chart-${id} .hoverlayer .hovertext text`);
        if (!text) return '';
        const lines = [...text.querySelectorAll('tspan.line')];
        return lines.length ? lines.map(l => l.textContent).join(' ') : text.textContent; }""", chart_id).split())


def apart(points: list[dict], count: int) -> list[dict]:
    """The points furthest from any other (a tap lands on them and no neighbour)."""
    def room(p):
        return min(math.dist((p["x"], p["y"]), (q["x"], q["y"])) for q in points if q is not p)
    return sorted((p for p in points if p["target"]), key=room, reverse=True)[:count]


@pytest.mark.parametrize("palette, address, chart_id", [("light", "", "money"), ("dark", "timeline/", "timeline")])
def test_a_tap_on_a_point_shows_its_label_and_a_link_to_its_event(browser, site_url, palette, address, chart_id):
    """A reader reads a point's label before going anywhere: a tap shows it, on the screen, and, under the
    chart, a link to that point's event named as the label names it; a tap on another point offers that one
    instead; the link opens the event on the timeline."""
    context = browser.new_context(color_scheme=palette, **PHONE)
    page = context.new_page()
    watch = PageWatch(page, site_url)
    page.goto(site_url + address, wait_until="networkidle")
    page.evaluate(f"document.getElementById('chart-{chart_id}').scrollIntoView({{block: 'center'}})")
    page.locator(f"#chart-{chart_id} .chart__activate").tap()
    page.wait_for_selector(f"#chart-{chart_id}[data-state=ready]", timeout=15000)
    page.evaluate(f"document.querySelector('#chart-{chart_id} .chart__plot').scrollIntoView({{block: 'center'}})")
    first, second = apart(page.evaluate(POINTS, chart_id), 2)
    where = page.evaluate("window.scrollY")
    link = page.locator(f"#chart-{chart_id} .chart__chosen a")
    for point in (first, second):
        page.touchscreen.tap(point["x"], point["y"])
        page.wait_for_function("""([id, href]) => {
            const a = document.querySelector(`#chart-${id} .chart__chosen a`);
            return a && a.getAttribute('href').endsWith(href); }""", arg=[chart_id, point["target"]], timeout=10000)
        page.wait_for_timeout(300)  # time enough to have left the page, had the tap followed the point
        assert page.url.split("#")[0] == site_url + address and page.evaluate("window.scrollY") == where, \
            "a tap stays where the reader is"
        assert shown_label(page, chart_id) == label_words(point["label"]), "the tapped point's label"
        box = page.locator(f"#chart-{chart_id} .hoverlayer .hovertext").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375, "the label's long lines are broken to fit the screen"
        assert " ".join(link.inner_text().replace(" · ", " ").split()) == label_words(point["label"]), \
            "the link names the event as the label does"
    assert page.locator(f"#chart-{chart_id} .chart__chosen").inner_text().startswith("Open the event: ")
    assert link.bounding_box()["height"] >= 24, "a target a finger can hit"
    assert axe_violations(page) == []
    link.tap()
    page.wait_for_url(site_url + "timeline/" + second["target"])
    assert watch.problems == []
    context.close()


SHADES = """async png => {  // how far each edge of a screenshot is from its middle column's colour
    const img = new Image();
    img.src = 'data:image/png;base64,' + png;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width; canvas.height = img.height;
    const g = canvas.getContext('2d');
    g.drawImage(img, 0, 0);
    const mean = x => { const d = g.getImageData(x, 0, 4, img.height).data; let sum = 0;
      for (let i = 0; i < d.length; i += 4) sum += (d[i] + d[i + 1] + d[i + 2]) / 3;
      return sum / (d.length / 4); };
    const ground = mean(Math.floor(img.width / 2));
    return [Math.abs(mean(0) - ground), Math.abs(mean(img.width - 4) - ground)]; }"""


def edge_shades(page, reader, box) -> tuple[float, float]:
    """How far the table's scrolling box's left and right edges stand out from the page where nothing is
    drawn (the table itself hidden): 0 at an edge without a cue."""
    area = box.evaluate("""b => { const r = b.getBoundingClientRect(), top = Math.max(r.top, 60);
        return {x: r.left, y: top, width: r.width, height: Math.min(80, r.bottom - top)}; }""")
    png = page.screenshot(clip=area)
    return tuple(reader.evaluate(SHADES, base64.b64encode(png).decode()))


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_a_table_wider_than_a_phone_shows_that_it_goes_on(browser, site_url, palette):
    """The methodology's tables of statuses and tones scroll sideways at 375 px: a shadow at the edge where
    the table goes on says so (at the right as it opens, at the left once read to its end); a table that fits
    its column shows none."""
    context = browser.new_context(color_scheme=palette, **PHONE)
    page, reader = context.new_page(), context.new_page()
    page.goto(site_url + "methodology/", wait_until="networkidle")
    page.add_style_tag(content=".md-typeset__table table { visibility: hidden; }")  # what is drawn around it
    for heading in ("statuses", "tones"):
        box = page.locator(f"#{heading} ~ .md-typeset__scrollwrap .md-typeset__table").first
        assert box.evaluate("b => b.scrollWidth > b.clientWidth + 1"), f"the {heading} table is wider than a phone"
        box.evaluate("b => { b.scrollLeft = 0; b.scrollIntoView({block: 'center'}); }")
        left, right = edge_shades(page, reader, box)
        assert right > 8 and left < 2, f"{heading}, as it opens: the cue at the right only ({left:.1f}, {right:.1f})"
        box.evaluate("b => { b.scrollLeft = b.scrollWidth; }")
        left, right = edge_shades(page, reader, box)
        assert left > 8 and right < 2, f"{heading}, read to its end: the cue at the left only ({left:.1f}, {right:.1f})"
    page.set_viewport_size({"width": 1280, "height": 900})
    box = page.locator("#statuses ~ .md-typeset__scrollwrap .md-typeset__table").first
    assert box.evaluate("b => b.scrollWidth <= b.clientWidth + 1")
    box.evaluate("b => b.scrollIntoView({block: 'center'})")
    assert max(edge_shades(page, reader, box)) < 2, "a table that fits shows no cue"
    context.close()
