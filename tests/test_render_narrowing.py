"""The narrowing controls: the button that leads past a page's charts to its form names every filter the
form has, in the form's order, is hidden without script (it would do nothing), and is written before the
first chart of a page that has one before its form, and nowhere else."""
from __future__ import annotations

import re

import pytest

from build_scripts.data.validation import load_briefing
from build_scripts.render import narrowing
from build_scripts.render.formats import HtmlFormat
from build_scripts.render.page_context import Flavour, PageContext
from build_scripts.render.views import build_view
from build_scripts.session import generate

from .conftest import MINI

VIEW = build_view(load_briefing(MINI))
LABEL = re.compile(r'<label for="narrow-([a-z]+)">([^<(]+?)(?: \([^<]*\))? <select')


def form_and_jump(choices, noun: str) -> tuple[str, str]:
    fmt = HtmlFormat("timeline.md")
    return narrowing.narrowing_form(fmt, choices, noun), narrowing.narrowing_jump(fmt, choices, noun)


def button_words(jump: str) -> str:
    found = re.search(r"<button [^>]*>([^<]*)</button>", jump)
    assert found, jump
    return found.group(1)


@pytest.mark.parametrize("noun", ["events", "sources"])
def test_the_buttons_words_name_every_filter_the_form_has_in_its_order(noun):
    choices = (narrowing.event_choices(VIEW, VIEW.events) if noun == "events"
               else narrowing.source_choices(list(VIEW.sources.values())))
    form, jump = form_and_jump(choices, noun)
    fields = LABEL.findall(form)
    assert len(fields) == len(choices) >= 2, form
    filters = [label.lower() for name, label in fields if name != "order"]
    newest = ", or read them newest first" if any(name == "order" for name, _ in fields) else ""
    assert button_words(jump) == f"Narrow the {noun} by {', '.join(filters)}{newest}"


def test_the_timelines_button_says_what_readers_read():
    _, jump = form_and_jump(narrowing.event_choices(VIEW, VIEW.events), "events")
    assert button_words(jump) == "Narrow the events by theme, status, who, year, or read them newest first"


def test_the_button_is_a_button_shown_from_the_first_paint():
    """Not hidden for the script to show (that pushed the chart down while the page loaded); without script
    a <noscript> style hides it (tests/test_browser_timeline.py)."""
    _, jump = form_and_jump(narrowing.event_choices(VIEW, VIEW.events), "events")
    assert re.search(r'<p class="narrow-jump"><button type="button" class="md-button '
                     r'narrow-jump__button">[^<]+</button></p>', jump), jump
    assert "<a " not in jump, "not a link: the theme's instant navigation takes over in-page links"


def test_a_page_with_a_chart_before_its_form_has_the_button_before_the_chart_and_others_none():
    pages = generate(MINI, static_charts=False, history=False).pages
    timeline = pages["timeline.md"]
    marks = ('class="narrow-jump"', "<!-- chart:", '<form class="narrow"')
    jump, chart, form = (timeline.index(mark) for mark in marks)
    assert jump < chart < form
    assert timeline.count('class="narrow-jump"') == 1
    assert [path for path, page in pages.items() if "narrow-jump" in page] == ["timeline.md"], "sources: no chart"
    assert PageContext(VIEW, "timeline.md", kind="timeline").narrowing_jump(VIEW.events)
    assert PageContext(VIEW, "timeline.md", Flavour.COPY, kind="timeline").narrowing_jump(VIEW.events) == ""
    assert PageContext(VIEW, "timeline/2024.md", kind="timeline-part").narrowing_jump(VIEW.events) == "", "no chart"
