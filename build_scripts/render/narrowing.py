"""Narrowing a long list on its page (the timeline's events, the sources): the form above the list, the
button that leads to it past the page's charts, and the codes each item's heading carries, as data
attributes, for assets/briefing.js to match (pure). Without script the form and the button stay hidden
and the whole list is there. A field's name is the data attribute it matches (`theme` matches
`data-theme="compute agi"`); `order` turns a list of events newest first."""
from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from build_scripts.data.rules import STATUS_RULES
from build_scripts.render.formats import Format
from build_scripts.render.text import Md
from build_scripts.render.views import BriefingView

ORDER = "order"  # the field that turns the list newest first, not a filter


class Choice(NamedTuple):
    """One control of the form: a select."""

    name: str  # the field, and the data attribute it matches
    label: str  # what it narrows by: 'Status'
    anyone: str  # the words of the option that leaves it open: 'Any status'
    options: list[tuple[str, str]]  # (value, words)
    note: str = ""  # after the label, in brackets: 'those found here'
    named_in_list: bool = False  # the list's items name each value: the page carries only the values (below)

SOURCE_KINDS = (("primary", "Primary documents"), ("original", "Read at the original"),
                ("syndication", "Read through a partner's copy"), ("mirror", "Read through a mirror"),
                ("aggregator", "Read through an aggregator"), ("unlocated", "Original not located"))


def narrowing_form(fmt: Format, choices: list[Choice], noun: str) -> Md:
    """The form: one labelled select per choice, a reset button, and a count read out as it changes. A choice
    whose values the list's items name (who: each event's people and organisations, linked by name) carries
    only its values, in order, and assets/briefing.js writes their options with the items' words: the form
    is hidden until the script has run, and a month of the timeline named some hundred people (5 KB)."""
    fields = []
    for name, label, anyone, options, note, named_in_list in choices:
        written = [] if named_in_list else options
        listed = f'<option value="">{fmt.text(anyone)}</option>' + "".join(  # element() leaves out empty values
            fmt.element("option", fmt.text(words), value=value) for value, words in written)
        values = " ".join(value for value, _ in options) if named_in_list else ""
        field = fmt.element("select", listed, name=name, id=f"narrow-{name}", data_values=values)
        words = f"{label} ({note})" if note else label
        fields.append(fmt.element("label", f"{fmt.text(words)} {field}", for_=f"narrow-{name}"))
    reset = fmt.button("Show all", type="reset", class_="narrow-reset")
    count = fmt.element("p", "", class_="narrow-count", role="status", aria_live="polite")
    form = fmt.element("form", "".join(fields) + reset, class_="narrow", hidden="hidden",
                       aria_label=_narrow(noun), data_noun=noun)
    return fmt.blocks([form + count])


def _narrow(noun: str) -> str:
    return f"Narrow the {noun}"


def jump_words(choices: list[Choice], noun: str) -> str:
    """The button's words, naming what the form narrows by: 'Narrow the events by theme, status, who, year,
    or read them newest first'."""
    names = ", ".join(choice.label.lower() for choice in choices if choice.name != ORDER)
    words = f"{_narrow(noun)} by {names}" if names else _narrow(noun)
    return words + (", or read them newest first" if any(c.name == ORDER for c in choices) else "")


def narrowing_jump(fmt: Format, choices: list[Choice], noun: str) -> Md:
    """A button that leads to the form past the charts before it (a phone screen or two on the timeline),
    where the page's script makes it scroll to the form. Shown from the first paint (shown by the script, it
    pushed the chart down as the page loaded: a layout shift); without script, where it would do nothing, a
    <noscript> style hides it (overrides/main.html). A button, not a link: the theme's instant navigation
    takes over in-page links."""
    button = fmt.button(fmt.text(jump_words(choices, noun)), type="button", class_="md-button narrow-jump__button")
    return fmt.blocks([fmt.paragraph(button, class_="narrow-jump")])


def event_choices(view: BriefingView, events) -> list[Choice]:
    """Theme, status, person or organisation and year: only the choices these events offer (a status
    with how many of them have it)."""
    themes = {t for e in events for t in e.themes}
    statuses = Counter(e.status for e in events)
    who = {a for e in events for a in e.actors}
    return [
        Choice(ORDER, "Order", "Oldest first", [("newest", "Newest first")]),
        Choice("theme", "Theme", "Any theme", [(c.id, c.label) for c in view.briefing.info.codebook.themes
                                               if c.id in themes]),
        # only the statuses these events have, each with its count; the label says so (no empty choices)
        Choice("status", "Status", "Any status",
               [(r.status.value, f"{r.short} ({statuses[r.status]})") for r in STATUS_RULES if statuses[r.status]],
               note="those found here"),
        # named in each event's Who line, in the order of its heading's data-who (blocks.py, event_codes)
        Choice("who", "Who", "Anyone", [(i, view.entity_name(i)) for i in view.entities if i in who],
               named_in_list=True),
        Choice("year", "Year", "Any year", [(str(y), str(y)) for y in sorted({e.date.start.year for e in events})]),
    ]


def event_codes(event) -> dict[str, str]:
    """An event heading's data attributes, as formats.attributes takes them."""
    return {"data_status": event.status.value, "data_theme": " ".join(event.themes),
            "data_who": " ".join(event.actors), "data_year": str(event.date.start.year)}


def outlet_value(outlet: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", outlet.casefold()).strip("-")


def source_kinds(source) -> list[str]:
    """What kind of source it is, as the sources page narrows them: a primary document or not, and how
    its text was read."""
    kinds = ["primary"] if source.primary else []
    if source.unlocated:
        return [*kinds, "unlocated"]
    return [*kinds, source.read_via.kind.value if source.read_via and not source.url else "original"]


def source_choices(sources) -> list[Choice]:
    outlets = {outlet_value(s.outlet): s.outlet for s in sources}
    present = {k for s in sources for k in source_kinds(s)}
    return [Choice("outlet", "Outlet", "Any outlet", sorted(outlets.items(), key=lambda kv: kv[1].casefold())),
            Choice("kind", "Kind", "Any kind", [(k, words) for k, words in SOURCE_KINDS if k in present])]


def source_codes(source) -> dict[str, str]:
    return {"data_outlet": outlet_value(source.outlet), "data_kind": " ".join(source_kinds(source))}
