"""Citation notes in a real browser: on the home page, a timeline event, a conflict page and the print view,
every citation mark opens what it cites (the source line and the passage, or the event's line and passages)
by mouse, keyboard and touch, in both palettes, on a desk and at 375 px; nothing on the page moves, the note
fits on screen, axe finds nothing serious, and nothing is asked of another site."""
from __future__ import annotations

from urllib.parse import unquote

import pytest

from build_scripts.data.validation import load_briefing
from build_scripts.render.citations import cited

from .browser_support import PageWatch, serve
from .conftest import MINI, ROOT, build_site, copy_data, free_port, with_passages
from .test_browser_trust import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.slow]
MARKS = "[data-under-test]"


def _briefing(data=ROOT / "data"):
    return load_briefing(data)


def _busiest_event():
    """The event citing the most sources (its marks open its own sources list's items)."""
    return max(_briefing().events, key=lambda e: (len(e.sources), e.id))


def _pages():
    conflict = _briefing().conflicts[0].id
    return {"home": ("", "sup.cite > a"),
            "event": ("timeline/", _busiest_event().id),
            "conflict": (f"conflicts/{conflict}/", "sup.cite > a")}


def _mark_marks(page, scope: str) -> int:
    """Tags the marks under test: every mark on the page, or (scope an event id) the event's own."""
    return page.evaluate("""scope => {
        let marks;
        if (scope.includes(' ')) { marks = Array.from(document.querySelectorAll(scope)); }
        else {
          marks = [];
          for (let el = document.getElementById(scope).nextElementSibling; el && !/^H\\d$/.test(el.tagName);
               el = el.nextElementSibling) marks.push(...el.querySelectorAll('sup.cite > a'));
        }
        marks.forEach(m => m.setAttribute('data-under-test', ''));
        return marks.length;
    }""", scope)


def _expected_passages() -> dict[str, set[str]]:
    """source id -> every passage the data records for a citation of it."""
    b = _briefing()
    sources = {s.id: s for s in b.sources}
    lists = [e.sources for e in b.events] + [p.sources for c in b.conflicts for p in c.positions]
    lists += [i.sources for i in b.leverage] + [c.sources + c.correction_sources for c in b.claims]
    found: dict[str, set[str]] = {}
    for entries in lists:
        for entry in entries:
            citation = cited(entry, sources)
            if citation.passage:
                found.setdefault(citation.source, set()).add(" ".join(citation.passage.split()))
    return found


def _layout(page) -> list:
    """Where the page's text blocks are: any shift shows as a changed box."""
    return page.evaluate("""() => Array.from(document.querySelectorAll('.md-content p, .md-content li, .md-content h2'))
        .slice(0, 400).map(el => { const r = el.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; })""")


def _note(page, mark):
    return page.locator("#" + mark.get_attribute("aria-controls"))


def _check_open(page, mark, passages, width: int) -> None:
    assert mark.get_attribute("aria-expanded") == "true"
    note = _note(page, mark)
    assert note.is_visible()
    box, view = note.bounding_box(), page.viewport_size
    assert box["x"] >= 0 and box["x"] + box["width"] <= view["width"], f"the note fits across at {width} px"
    assert box["y"] >= 0 and box["y"] + box["height"] <= view["height"], f"the note fits down at {width} px"
    page.wait_for_function("id => !document.getElementById(id).querySelector('.passage-loading')",
                           arg=mark.get_attribute("aria-controls"))  # an event's passages are fetched
    shown = note.locator(".passage, .no-passage")
    assert shown.count() >= 1, "a passage, or why there is none"
    href = mark.get_attribute("href")
    anchor = href.rpartition("#")[2]
    if "timeline/" not in href:  # a source: its passage is one the data records for it
        for text in note.locator(".passage").all_inner_texts():
            inner = text.strip()
            inner = inner[1:-1] if inner.startswith("“") and inner.endswith("”") else inner  # the note's quotes
            assert " ".join(inner.split()) in passages.get(anchor, set()), text
    else:  # an event: its line
        event = next(e for e in _briefing().events if e.id == anchor)
        assert event.title in note.inner_text()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("where", ["home", "event", "conflict"])
def test_every_mark_opens_its_note_by_mouse_and_keyboard(browser, site_url, scheme, where):
    path, scope = _pages()[where]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    watch = PageWatch(page, site_url)
    page.goto(site_url + path, wait_until="networkidle")
    count = _mark_marks(page, scope)
    assert count >= 2
    passages = _expected_passages()
    marks = page.locator(MARKS)
    for n in range(count if scheme == "light" else 2):  # how a note opens does not depend on the palette: in
        # the dark one, the first two marks and axe with a note open (its colours)
        mark = marks.nth(n)
        mark.scroll_into_view_if_needed()
        page.mouse.move(0, 0)
        before = _layout(page)
        mark.hover()  # mouse: opens on hover, closes on leaving
        page.wait_for_function("m => m.getAttribute('aria-expanded') === 'true'", arg=mark.element_handle())
        _check_open(page, mark, passages, 1280)
        assert _layout(page) == before, "opening a note moves nothing"
        page.mouse.move(0, 0)
        page.wait_for_function("m => m.getAttribute('aria-expanded') === 'false'", arg=mark.element_handle())
        mark.focus()  # keyboard: opens on focus; Enter keeps it open; Tab enters it; Esc closes it
        _check_open(page, mark, passages, 1280)
        page.keyboard.press("Enter")
        assert mark.get_attribute("aria-expanded") == "true", "Enter keeps it open, on the same page"
        assert page.url.split("#")[0] == site_url + path  # (the hash follows the section read)
        page.keyboard.press("Tab")
        assert page.evaluate("id => document.getElementById(id).contains(document.activeElement)",
                             mark.get_attribute("aria-controls")), "Tab moves into the note"
        page.keyboard.press("Escape")
        assert mark.get_attribute("aria-expanded") == "false"
        assert page.evaluate("m => document.activeElement === m", mark.element_handle()), "focus back on the mark"
        assert _layout(page) == before
    marks.nth(0).click()  # a click keeps it open: axe reads the page with a note open
    assert marks.nth(0).get_attribute("aria-expanded") == "true"
    assert axe_violations(page) == []
    assert watch.problems == []
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("where", ["home", "event", "conflict"])
def test_every_mark_opens_its_note_by_touch_on_a_phone(browser, site_url, scheme, where):
    path, scope = _pages()[where]
    context = browser.new_context(viewport={"width": 375, "height": 740}, color_scheme=scheme, has_touch=True,
                                  is_mobile=True)
    page = context.new_page()
    watch = PageWatch(page, site_url)
    page.goto(site_url + path, wait_until="networkidle")
    count = _mark_marks(page, scope)
    passages = _expected_passages()
    marks = page.locator(MARKS)
    for n in range(count if scheme == "light" else min(count, 2)):  # dark: two marks and axe (its colours)
        mark = marks.nth(n)
        mark.scroll_into_view_if_needed()
        before = _layout(page)
        mark.tap()
        _check_open(page, mark, passages, 375)
        assert _layout(page) == before, "opening a note moves nothing"
        assert page.url.split("#")[0] == site_url + path, "a tap opens the note, it does not leave the page"
        page.touchscreen.tap(4, 120)  # a tap outside (the page's margin) closes it
        assert mark.get_attribute("aria-expanded") == "false"
        assert _note(page, mark).is_hidden()
    marks.nth(0).tap()
    assert axe_violations(page) == []
    assert watch.problems == []
    context.close()


def test_without_script_a_mark_still_links_its_source(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + _pages()["conflict"][0], wait_until="load")
    mark = page.locator("sup.cite > a").first
    assert page.locator(".cite-note").first.is_hidden()
    href = mark.get_attribute("href")
    mark.click()
    page.wait_for_url("**/" + href.rpartition("/")[2])
    context.close()


@pytest.fixture(scope="module")
def passages_site(tmp_path_factory):
    """The mini briefing with invented passages (the shipped briefing may not record them all), built and
    served once for this module's tests of what a note holds and how it closes."""
    folder = tmp_path_factory.mktemp("passages")
    data = with_passages(copy_data(MINI, folder / "data"))
    port = free_port()
    result = build_site(data, folder / "site", {"SITE_URL": f"http://127.0.0.1:{port}/"})
    assert result.returncode == 0, result.stderr
    with serve(folder / "site", port) as url:
        yield url, data


def test_recorded_passages_open_in_their_notes(browser, passages_site):
    """The shipped briefing may not record passages yet: the mini briefing with invented ones shows an
    event's passages (fetched from the site), a prose mark's reason for none, and an event's passages
    opened from a prose mark, each with its source's outlet, title linking where it was read, and date."""
    url, data = passages_site
    context = browser.new_context(viewport={"width": 375, "height": 740}, has_touch=True, is_mobile=True)
    page = context.new_page()
    watch = PageWatch(page, url)
    page.goto(url + "timeline/", wait_until="networkidle")
    page.locator("sup.cite > a").first.tap()
    note = page.locator(".cite-note:visible")
    expect_text = "“Alpha Corp said on Monday it had invested about $650 million in Beta Labs.”"
    page.wait_for_function("t => document.querySelector('.cite-note:not([hidden]) .passage')?.textContent === t",
                           arg=expect_text)
    assert "Quoted from a copy: Example Mirror." in note.inner_text()
    page.goto(url + "conflicts/terms/", wait_until="networkidle")
    page.locator("sup.cite > a[href$='#example-copy']").first.tap()  # Beta's position: its source is paywalled
    assert "No passage quoted: the page is behind a paywall. The wire's page asks for a subscription." in \
        page.locator(".cite-note:visible").inner_text()
    page.goto(url, wait_until="networkidle")
    page.locator("sup.cite > a").first.tap()  # the summary cites the deal: its line, status and passages
    note = page.locator(".cite-note:visible")
    text = note.inner_text()
    assert "15 January 2024: Alpha invests in Beta" in text and expect_text in text
    assert "Example Wire, Wire copy of the deal announcement, January 2024:" in text
    assert "Example Times, “Alpha and Beta fall out”, 1 June 2024:" in text
    sources = {s.id: s for s in load_briefing(data).sources}
    links = note.locator(".note-source a")
    assert [unquote(links.nth(n).get_attribute("href")) for n in range(links.count())] == [
        unquote(str(sources["example-copy"].read_via.url)), unquote(str(sources["example-report"].url))], \
        "each title links, off the site, where its passage was read: the copy, the original"
    assert axe_violations(page) == []
    assert watch.problems == []
    context.close()


def _open_by_click(page, url: str):
    page.goto(url, wait_until="networkidle")
    mark = page.locator("sup.cite > a").first
    mark.click()
    assert mark.get_attribute("aria-expanded") == "true"
    return mark, _note(page, mark)


def _closed_on_the_mark(page, mark) -> None:
    assert mark.get_attribute("aria-expanded") == "false" and _note(page, mark).is_hidden()
    assert page.evaluate("m => document.activeElement === m", mark.element_handle()), "focus back on the mark"


def test_esc_closes_a_note_kept_open_and_returns_to_its_mark(browser, passages_site):
    url, _ = passages_site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = PageWatch(page, url)
    mark, note = _open_by_click(page, url)
    page.keyboard.press("Escape")
    _closed_on_the_mark(page, mark)
    mark.click()
    box = note.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] - 4)  # a click on the note's text
    assert mark.get_attribute("aria-expanded") == "true", "a click inside the note keeps it open"
    page.keyboard.press("Escape")
    _closed_on_the_mark(page, mark)
    assert watch.problems == []
    context.close()


@pytest.mark.parametrize("how", ["mouse", "keyboard", "touch"])
def test_the_notes_close_button_closes_it(browser, passages_site, how):
    url, _ = passages_site
    phone = how == "touch"
    size = {"width": 375, "height": 740} if phone else {"width": 1280, "height": 900}
    context = browser.new_context(viewport=size, has_touch=phone, is_mobile=phone)
    page = context.new_page()
    watch = PageWatch(page, url)
    page.goto(url, wait_until="networkidle")
    mark = page.locator("sup.cite > a").first
    mark.tap() if phone else mark.click()
    button = _note(page, mark).get_by_role("button", name="Close this note")
    box = button.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24, "a target of at least 24 × 24 px"
    if how == "keyboard":
        page.keyboard.press("Tab")  # the first thing in the note
        assert page.evaluate("() => document.activeElement.classList.contains('note-close')")
        page.keyboard.press("Enter")
    else:
        button.tap() if phone else button.click()
    _closed_on_the_mark(page, mark)
    assert page.url == url, "closing leaves the reader where they were"
    assert axe_violations(page) == []
    assert watch.problems == []
    context.close()


def test_a_long_note_scrolls_within_itself_not_the_page(browser, site_url):
    """The home page's note with the most passages: at most 60% of a phone's screen, and a swipe or the
    wheel over it scrolls the note, not the page."""
    for size, phone in (({"width": 375, "height": 740}, True), ({"width": 1280, "height": 900}, False)):
        context = browser.new_context(viewport=size, has_touch=phone, is_mobile=phone)
        page = context.new_page()
        page.goto(site_url, wait_until="networkidle")
        index = page.evaluate("""() => { const marks = Array.from(document.querySelectorAll('sup.cite > a'));
            const size = m => m.nextElementSibling ? m.nextElementSibling.querySelectorAll('.note-source').length : 0;
            return marks.reduce((best, m, i) => size(m) > size(marks[best]) ? i : best, 0); }""")
        mark = page.locator("sup.cite > a").nth(index)
        mark.scroll_into_view_if_needed()
        mark.tap() if phone else mark.click()
        note = _note(page, mark)
        assert note.locator(".note-source").count() >= 8
        box = note.bounding_box()
        assert box["height"] <= 0.6 * size["height"] + 1, "a long note is capped"
        assert note.evaluate("n => n.scrollHeight > n.clientHeight"), "and scrolls"
        before = page.evaluate("() => window.scrollY")
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.wheel(0, 4000)
        page.wait_for_function("id => document.getElementById(id).scrollTop > 0",
                               arg=mark.get_attribute("aria-controls"))
        assert page.evaluate("() => window.scrollY") == before, "the page stays where it was"
        assert note.get_by_role("button", name="Close this note").is_visible(), "the way out stays in view"
        context.close()


def test_citation_marks_in_a_table_are_12_px_text(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + "leverage/", wait_until="networkidle")
    sizes = page.evaluate("() => Array.from(document.querySelectorAll('table sup.cite > a'))"
                          ".map(a => parseFloat(getComputedStyle(a).fontSize))")
    assert sizes and min(sizes) >= 12
    context.close()


def _print_marks(page) -> list[dict]:
    """Every mark of the print page, once the page's script has run: its address, the page's section it is in
    (its h2's id; '' for the lead), its text ('[3]'), whether it is one of the marks numbered across the page
    (not an event's own, in the Timeline section), and whether it opens a note."""
    page.wait_for_function("() => document.querySelector('sup.cite > a[aria-controls]')")
    return page.evaluate("""() => { const article = document.querySelector('article');
        const timeline = document.getElementById('timeline');
        return [...document.querySelectorAll('sup.cite > a')].map(m => {
          let el = m;
          while (el.parentElement !== article) el = el.parentElement;
          while (el && el.tagName !== 'H2') el = el.previousElementSibling;
          return {href: m.getAttribute('href'), section: el ? el.id : '', text: m.textContent.trim(),
                  listed: !!(timeline.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_PRECEDING),
                  opens: !!document.getElementById(m.getAttribute('aria-controls') || '-')}; }); }""")


def _open_print_mark(page, n: int) -> str:
    """Opens the n-th mark of the print page as a click would (script: 150 and more marks), and gives its
    note's text; the reader stays on the page."""
    return page.evaluate("""n => { const mark = document.querySelectorAll('sup.cite > a')[n];
        mark.click();
        if (mark.getAttribute('aria-expanded') !== 'true') return null;
        const note = document.getElementById(mark.getAttribute('aria-controls'));
        return note.checkVisibility() ? note.innerText : null; }""", n)


def test_every_mark_on_the_print_page_opens_its_note_and_the_print_lists_them(browser, site_url):
    """The print view numbers the marks of its lead, takeaways, claims, conflicts and leverage across the page
    and lists their notes at its end ("Passages cited"); on screen each of them opens its note beside it, as
    every mark on the site does (and as its Timeline's events' marks do), by click, keyboard and touch; the
    reader stays on the page. Printed, no note is open over the text, and the list carries them all."""
    briefing = _briefing()
    titles = {e.id: e.title for e in briefing.events}
    sources = {s.id: s for s in briefing.sources}
    passages = _expected_passages()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = PageWatch(page, site_url)
    page.goto(site_url + "print/", wait_until="networkidle")
    marks = _print_marks(page)
    listed = [n for n, m in enumerate(marks) if m["listed"]]
    assert len(listed) >= 100, "the shipped briefing's print view numbers its prose marks across the page"
    assert [m["href"] for m in marks if not m["opens"]] == [], "every mark opens a note"
    for n, mark in enumerate(marks):
        text = _open_print_mark(page, n)
        assert text is not None, f"mark {n + 1} ({mark['href']}) opens a note"
        anchor = mark["href"].rpartition("#")[2]
        if "timeline/" in mark["href"]:
            assert titles[anchor] in text, f"mark {n + 1}: its event's line"
        else:
            assert sources[anchor].outlet in text, f"mark {n + 1}: its source's line"
            found = [" ".join(p.split()) for p in passages.get(anchor, set())]
            assert any(p in " ".join(text.split()) for p in found) or "No passage" in text, f"mark {n + 1}"
    assert page.url == site_url + "print/", "no mark left the page"
    first = page.locator("sup.cite > a").nth(listed[0])  # by mouse, keyboard and touch, as on every page
    page.keyboard.press("Escape")
    first.scroll_into_view_if_needed()
    first.hover()
    page.wait_for_function("m => m.getAttribute('aria-expanded') === 'true'", arg=first.element_handle())
    _check_open(page, first, passages, 1280)
    page.mouse.move(0, 0)
    first.focus()
    page.keyboard.press("Enter")
    assert first.get_attribute("aria-expanded") == "true" and page.url == site_url + "print/"
    page.emulate_media(media="print")
    assert _note(page, first).is_hidden(), "printed, a note open on screen is left out"
    notes = page.locator("#passages-cited + ol > li")
    numbers = {marks[n]["text"] for n in listed}  # a note cited again takes its first number
    assert notes.count() == len(numbers), "printed, the list under Passages cited carries every numbered mark's note"
    assert len(set(notes.all_inner_texts())) == notes.count(), "each note is listed once"
    assert notes.first.is_visible()
    assert axe_violations(page) == []
    assert watch.problems == []
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_tap_on_a_print_page_mark_opens_its_note_on_a_phone(browser, site_url, scheme):
    context = browser.new_context(viewport={"width": 375, "height": 740}, color_scheme=scheme, has_touch=True,
                                  is_mobile=True)
    page = context.new_page()
    watch = PageWatch(page, site_url)
    page.goto(site_url + "print/", wait_until="networkidle")
    marks = _print_marks(page)
    passages = _expected_passages()
    firsts: dict[str, int] = {}  # the first mark of each section: the lead, takeaways, claims, conflicts, leverage
    for n, mark in enumerate(marks):
        if mark["listed"]:
            firsts.setdefault(mark["section"], n)
    assert len(firsts) == 5, sorted(firsts)
    for n in firsts.values():
        mark = page.locator("sup.cite > a").nth(n)
        mark.scroll_into_view_if_needed()
        mark.tap()
        _check_open(page, mark, passages, 375)
        assert page.url.split("#")[0] == site_url + "print/", "a tap opens the note, it does not leave the page"
        _note(page, mark).get_by_role("button", name="Close this note").tap()
        assert mark.get_attribute("aria-expanded") == "false"
    assert axe_violations(page) == []
    assert watch.problems == []
    context.close()
