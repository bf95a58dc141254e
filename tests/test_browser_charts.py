"""Every chart as a reader meets it, in headless Chromium: its tools work under the site's
Content-Security-Policy, its labels overlap nothing, every data item has a visible mark, and text
and marks keep their contrast, in the static images and the live charts, light and dark, at phone
width and at full width. The static image is one SVG drawn at 800 px and scaled as a whole by the
page, so its geometry is checked once at its own size; the live chart is laid out again by Plotly at
each width, so it is checked at 375 px and 1280 px."""
from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest

from .browser_support import PageWatch
from .contrast import contrast

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PROBE = (Path(__file__).parent / "chart_probe.js").read_text()
TOOLS = ["Download plot as a PNG", "Zoom", "Pan", "Zoom in", "Zoom out", "Reset axes"]


@pytest.fixture(scope="module")
def chart_pages(built_site) -> dict[str, list[str]]:
    """Each page that places charts (but the print page, which repeats them), with its charts' ids."""
    pages = {}
    for path in sorted(built_site.rglob("index.html")):
        address = path.relative_to(built_site).parent.as_posix().replace(".", "") + "/"
        html = path.read_text()
        ids = [part.split('"')[0] for part in html.split('id="chart-')[1:]]
        if ids and address != "print/":
            pages[address.lstrip("/")] = ids
    assert sum(len(ids) for ids in pages.values()) == len(list(built_site.glob("assets/charts/*.json")))
    return pages


def figure(built_site: Path, chart_id: str) -> dict:
    return json.loads((built_site / "assets" / "charts" / f"{chart_id}.json").read_text())


def expected_marks(spec: dict) -> tuple[int, int]:
    """(markers, bars) the data asks for: every point of a marker trace, every bar taller than zero."""
    points = sum(sum(1 for x in t["x"] if x is not None) for t in spec["data"] if "markers" in t.get("mode", ""))
    bars = sum(sum(1 for y in t["y"] if y) for t in spec["data"] if t["type"] == "bar")
    return points, bars


def overlap(a, b, slack: float = 1.0) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) > slack and min(a[3], b[3]) - max(a[1], b[1]) > slack


def problems_in(drawing: dict, spec: dict) -> list[str]:
    """What a graphics editor would send back: overlapping labels, labels on marks, missing marks,
    marks outside the plot, text under 4.5:1 or marks under 3:1 against the background."""
    texts, marks, plot, background = drawing["texts"], drawing["marks"], drawing["plot"], drawing["background"]
    found = [f"label {a['text']!r} overlaps label {b['text']!r}"
             for i, a in enumerate(texts) for b in texts[i + 1:] if overlap(a["box"], b["box"])]
    points = [m for m in marks if m["kind"] == "point"]
    found += [f"label {t['text']!r} overlaps a mark" for t in texts for m in points if overlap(t["box"], m["box"])]
    shown = [m for m in points if plot[0] - 1 <= (m["box"][0] + m["box"][2]) / 2 <= plot[2] + 1
             and plot[1] - 1 <= (m["box"][1] + m["box"][3]) / 2 <= plot[3] + 1]
    centre = [((m["box"][0] + m["box"][2]) / 2, (m["box"][1] + m["box"][3]) / 2) for m in points]
    found += [f"two marks on one spot at {a}" for i, a in enumerate(centre) for b in centre[i + 1:]
              if abs(a[0] - b[0]) < 3 and abs(a[1] - b[1]) < 3]
    want_points, want_bars = expected_marks(spec)
    if len(shown) != want_points + want_bars:
        found.append(f"{len(shown)} visible marks in the plot for {want_points} points and {want_bars} bars")
    found += [f"text {t['text']!r} {t['colour']} at {contrast(t['colour'], background, t['alpha']):.2f}:1"
              for t in texts if contrast(t["colour"], background, t["alpha"]) < 4.5]
    found += [f"{m['kind']} {m['colour']} at {contrast(m['colour'], background, m['alpha']):.2f}:1"
              for m in marks if contrast(m["colour"], background, m["alpha"]) < 3]
    return sorted(set(found))


@pytest.mark.parametrize("palette, width", [("light", 1280), ("dark", 1280), ("light", 375), ("dark", 375)])
def test_each_page_shows_the_static_images_of_its_palette_and_size(browser, site_url, chart_pages, palette, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=palette)
    page = context.new_page()
    fetched = []
    page.on("request", lambda r: fetched.append(r.url.rsplit("/", 1)[-1]) if r.url.endswith(".svg") else None)
    suffix = (".dark" if palette == "dark" else "") + (".phone" if width < 480 else "") + ".svg"
    for address, ids in chart_pages.items():
        page.goto(site_url + address, wait_until="networkidle")
        for chart_id in ids:
            page.locator(f"#chart-{chart_id}").scroll_into_view_if_needed()
            page.wait_for_function("(id) => [...document.querySelectorAll(`#chart-${id} .chart__static img`)]"
                                   ".some(i => i.offsetParent && i.complete && i.currentSrc)", arg=chart_id)
            shown = page.eval_on_selector_all(f"#chart-{chart_id} .chart__static img",
                                              "imgs => imgs.filter(i => i.offsetParent)"
                                              ".map(i => i.currentSrc.split('/').pop())")
            assert shown == [chart_id + suffix]
    context.close()
    # The other images are lazy and hidden, so normally not fetched; but with no palette stored yet,
    # Material applies the dark palette only once its script runs, and a first layout may have asked for one.
    assert set(fetched) >= {c + suffix for ids in chart_pages.values() for c in ids}


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_static_images_have_no_overlaps_every_mark_and_enough_contrast(browser, site_url, built_site, chart_pages,
                                                                       palette):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    found = {}
    for chart_id, size in ((c, size) for ids in chart_pages.values() for c in ids for size in ("", ".phone")):
        name = (chart_id if palette == "light" else f"{chart_id}.dark") + size
        page.goto(f"{site_url}assets/charts/{name}.svg")
        drawing = page.evaluate(f"({PROBE})(document.documentElement)")
        assert drawing["background"] == rgb(figure(built_site, chart_id)["themes"][palette]["paper_bgcolor"])
        if problems := problems_in(drawing, figure(built_site, chart_id)):
            found[name] = problems
    page.close()
    assert found == {}


def rgb(hex_colour: str) -> str:
    return "rgb({}, {}, {})".format(*(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)))


def activate(page, chart_id: str) -> None:
    page.hover(f"#chart-{chart_id} .chart__plot")
    page.wait_for_selector(f"#chart-{chart_id}[data-state=ready]", timeout=15000)


def probe_live(page, chart_id: str) -> dict:
    return page.evaluate(f"({PROBE})(document.querySelector('#chart-{chart_id} .chart__plot'))")


@pytest.mark.parametrize("width", [375, 1280])
def test_live_charts_have_no_overlaps_every_mark_and_enough_contrast(browser, site_url, built_site, chart_pages, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme="light")
    page = context.new_page()
    watch = PageWatch(page, site_url)
    found = {}
    for address, ids in chart_pages.items():
        page.goto(site_url + address, wait_until="networkidle")
        for palette in ("light", "dark"):
            if palette == "dark":
                page.click("form[data-briefing-palette] label:visible")
                page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
            page_background = page.evaluate("getComputedStyle(document.body).backgroundColor")
            for chart_id in ids:
                activate(page, chart_id)
                page.wait_for_function("([id, bg]) => "
                                       "getComputedStyle(document.querySelector(`#chart-${id} .main-svg`))"
                                       ".backgroundColor === bg", arg=[chart_id, page_background])
                page.mouse.move(0, 0)
                found.update({f"{address} {chart_id} {palette}": p for p in [problems_in(probe_live(page, chart_id),
                              figure(built_site, chart_id))] if p})
        page.click("form[data-briefing-palette] label:visible")  # back to light for the next page
    context.close()
    assert found == {} and watch.problems == []


def axes(page, chart_id: str) -> list:
    return page.evaluate("(id) => { const l = document.querySelector(`#chart-${id} .chart__plot`)._fullLayout;"
                         " return [l.xaxis.range.slice(), l.yaxis.range.slice()]; }", chart_id)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", "a PNG file"
    return struct.unpack(">II", data[16:24])


def use_tool(page, chart_id: str, title: str) -> None:
    page.hover(f"#chart-{chart_id} .chart__plot")
    page.click(f"#chart-{chart_id} .modebar-btn[data-title='{title}']")


def drag(page, chart_id: str, start: tuple, end: tuple) -> None:
    box = page.locator(f"#chart-{chart_id} .nsewdrag").bounding_box()
    page.mouse.move(box["x"] + box["width"] * start[0], box["y"] + box["height"] * start[1])
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * end[0], box["y"] + box["height"] * end[1], steps=6)
    page.mouse.up()


def check_tools(page, chart_id: str, spec: dict) -> None:
    titles = page.eval_on_selector_all(f"#chart-{chart_id} .modebar-btn", "bs => bs.map(b => b.dataset.title)")
    assert sorted(titles) == sorted(TOOLS), "a reader's tools only: nothing uploads the chart"
    start = axes(page, chart_id)
    moves = {"Zoom": lambda: drag(page, chart_id, (0.3, 0.3), (0.6, 0.6)),
             "Pan": lambda: drag(page, chart_id, (0.5, 0.5), (0.3, 0.4)), "Zoom in": None, "Zoom out": None}
    for title, move in moves.items():
        use_tool(page, chart_id, title)
        if move:
            move()
        assert axes(page, chart_id) != start, title
        use_tool(page, chart_id, "Reset axes")
        assert axes(page, chart_id) == start, f"Reset axes after {title}"
    with page.expect_download() as download:
        use_tool(page, chart_id, "Download plot as a PNG")
    image = spec["image"]
    assert download.value.suggested_filename == f"{chart_id}.png"
    size = png_size(Path(download.value.path()).read_bytes())
    assert size == (image["width"] * image["scale"], image["height"] * image["scale"])


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_every_tool_of_every_chart_works_with_nothing_logged_or_sent_off_site(browser, site_url, built_site,
                                                                              chart_pages, palette):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=palette, accept_downloads=True)
    page = context.new_page()
    watch = PageWatch(page, site_url)
    for address, ids in chart_pages.items():
        page.goto(site_url + address, wait_until="networkidle")
        for chart_id in ids:
            activate(page, chart_id)
            check_tools(page, chart_id, figure(built_site, chart_id))
    context.close()
    assert watch.problems == []


def test_a_click_on_an_events_point_opens_it_at_once_and_a_bar_leads_nowhere(browser, site_url):
    """With a mouse a point's label shows on hover, with nothing about tapping, and a click opens its event on
    the timeline at once; a half-year's bar of the tone chart stands for no one event, so a click on it stays
    on the page (it led to an address that does not exist)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = PageWatch(page, site_url)
    page.goto(site_url, wait_until="networkidle")
    activate(page, "friction")
    page.evaluate("document.getElementById('chart-friction').scrollIntoView({block: 'center'})")
    bar = page.evaluate("""() => [...document.querySelectorAll('#chart-friction .barlayer .point')]
        .map(b => b.getBoundingClientRect()).find(b => b.height > 4)""")
    page.mouse.click(bar["x"] + bar["width"] / 2, bar["y"] + bar["height"] / 2)
    page.wait_for_timeout(500)
    assert page.url.split("#")[0] == site_url  # (the hash follows the section read)
    activate(page, "money")
    page.evaluate("document.getElementById('chart-money').scrollIntoView({block: 'center'})")
    point = page.evaluate("""() => { const p = document.querySelector('#chart-money .scatterlayer .point');
        const box = p.getBoundingClientRect(), trace = p.closest('.trace').__data__[0].trace;
        return {x: box.x + box.width / 2, y: box.y + box.height / 2, target: trace.customdata[p.__data__.i]}; }""")
    page.mouse.move(point["x"], point["y"])
    page.wait_for_selector("#chart-money .hoverlayer .hovertext")
    label = page.evaluate("document.querySelector('#chart-money .hoverlayer').textContent")
    assert label and "Tap again" not in label
    page.mouse.click(point["x"], point["y"])
    page.wait_for_url(site_url + "timeline/" + point["target"])
    assert watch.problems == []
    context.close()
