"""Charts: pure functions from the view to Plotly figure specs, text summaries and data tables.

Every number is read from the data. Figures carry no template (the palettes' themes are applied by
charts.js and chart_images.py, see chart_spec), status is shown by marker shape and legend as well as
colour, and the colours are Okabe-Ito hues (safe for the common forms of colour blindness). The
relationship view is in chart_relations.
"""
from __future__ import annotations

import math
from collections import Counter
from datetime import date, timedelta
from types import MappingProxyType

from build_scripts.data.dates import span_label, when
from build_scripts.data.model import STATUS_LABELS, Event, Status, Tone
from build_scripts.data.rules import RULES, capital, plural, series
from build_scripts.render.chart_spec import PALETTE, SPAN_COLOUR, Chart, base_layout, esc
from build_scripts.render.fragments import format_amount
from build_scripts.render.views import BriefingView

STATUS_STYLE = MappingProxyType({
    Status.confirmed: ("circle", PALETTE[0]),
    Status.single_source: ("diamond", PALETTE[1]),
    Status.anonymous: ("circle-open", PALETTE[4]),
    Status.disputed: ("x", PALETTE[3]),
})
NEAR = 1 / 24  # of a date axis: about a marker's width on a phone (the 360 px image, a 375 px screen)
LANE_PX, SLOT_PX = 34, 9  # a theme's lane, and the least step between markers moved apart in it
TONE_STYLE = MappingProxyType({Tone.cooperation: (PALETTE[2], ""), Tone.friction: (PALETTE[4], "/"),
                               Tone.neutral: (PALETTE[7], ".")})


def _target(view: BriefingView, event: Event) -> str:
    """Where a click on the event's mark leads, relative to the timeline's folder: '#id' or '2024/#id'."""
    page = view.event_pages[event.id]
    if page == "timeline.md":
        return f"#{event.id}"
    return f"{page.removeprefix('timeline/').removesuffix('.md')}/#{event.id}"


def _middle(event: Event) -> date:
    end = (event.until or event.date).end
    return event.date.start + (end - event.date.start) / 2


def _midpoint(event: Event) -> str:
    return _middle(event).isoformat()


def _slots(events: list[Event], axis_days: int) -> dict[str, int]:
    """Each event's place in its theme's lane: 0 on the line, then +1, -1, +2, ... for an event whose
    marker would otherwise cover another's (closer than NEAR of the date axis, in the same lane)."""
    near = axis_days * NEAR
    latest: dict[tuple[str, int], int] = {}  # events come in date order: a slot's latest is its nearest
    slots = {}
    for day, event_id, lane in sorted((_middle(e).toordinal(), e.id, e.themes[0]) for e in events):
        slot = 0
        while (last := latest.get((lane, slot))) is not None and day - last < near:
            slot = -slot if slot > 0 else 1 - slot  # 0, 1, -1, 2, -2, ...
        latest[lane, slot] = day
        slots[event_id] = slot
    return slots


def _lanes(events: list[Event], themes: list[str], axis: dict) -> tuple[dict[str, float], int]:
    """Each event's y (its theme's index, moved up or down within the lane so that no marker hides
    another), and the lane's height in pixels, enough for the busiest lane's markers to stay apart."""
    days = (date.fromisoformat(axis["range"][1]) - date.fromisoformat(axis["range"][0])).days
    slots = _slots(events, days)
    widest = max((abs(s) for s in slots.values()), default=0)
    step = 0.42 / widest if widest else 0
    ys = {e.id: round(themes.index(e.themes[0]) + step * slots[e.id], 3) for e in events}
    return ys, max(LANE_PX, round(SLOT_PX * widest / 0.42))


def timeline_chart(view: BriefingView, events: list[Event] | None = None, chart_id: str = "timeline",
                   title: str | None = None) -> Chart:
    title = title or view.briefing.info.wording.timeline_chart
    events = view.events if events is None else events
    main = {e.themes[0] for e in events}
    themes = [t for t in view.briefing.info.themes if t in main]
    xaxis = _date_axis(view, events[0].date.start if events else None)
    ys, lane = _lanes(events, themes, xaxis)
    traces = [_span_trace(events, ys)]
    for status in Status:
        chosen = [e for e in events if e.status == status]
        if not chosen:
            continue
        symbol, colour = STATUS_STYLE[status]
        traces.append({
            "type": "scatter", "mode": "markers", "name": STATUS_LABELS[status],
            "x": [_midpoint(e) for e in chosen], "y": [ys[e.id] for e in chosen],
            "customdata": [_target(view, e) for e in chosen],
            "hovertext": [_hover(view, e) for e in chosen], "hoverinfo": "text",
            "marker": {"symbol": symbol, "color": colour, "size": 11, "line": {"width": 2, "color": colour}},
        })
    layout = base_layout(
        max(260, 60 + lane * len(themes)), xaxis=xaxis,
        yaxis={"tickmode": "array", "tickvals": list(range(len(themes))), "zeroline": False,
               "ticktext": [esc(view.codes["themes"][t].label) for t in themes],
               "range": [-0.5, len(themes) - 0.5], "title": {"text": "Main theme"}},
    )
    summary = _timeline_summary(events)
    rows = [[span_label(e.date, e.until), e.title, view.codes["themes"][e.themes[0]].label, STATUS_LABELS[e.status],
             "; ".join(view.sources[s].outlet for s in e.sources)] for e in events]
    return Chart(chart_id, title, summary, {"data": traces, "layout": layout},
                 ["Date", "Event", "Main theme", "Status", "Sources"], rows, layout["height"],
                 links=[e.id for e in events])


def _timeline_summary(events: list[Event]) -> str:
    """'63 events from 11 March 2019 to 8 June 2026, one row per main theme. Of these, 36 are confirmed, 15 from
    a single source and 12 from anonymous sources.' (each status counted as a basis counts it)."""
    if not events:
        return "No events."
    counts = Counter(e.status for e in events)
    span = (f"from {events[0].date.label} to {events[-1].date.label}" if len({e.date for e in events}) > 1
            else when(events[0].date))
    if len(events) == 1:
        return f"1 event {span}, in the row of its main theme. It is {RULES[events[0].status].tally}."
    (first, tally), *rest = [(counts[s], RULES[s].tally) for s in Status if counts[s]]
    if not rest:
        return f"{len(events)} events {span}, one row per main theme. {'Both' if first == 2 else 'All'} are {tally}."
    parts = [f"{first} {'is' if first == 1 else 'are'} {tally}"] + [f"{n} {t}" for n, t in rest]
    return f"{len(events)} events {span}, one row per main theme. Of these, {series(parts)}."


def _span_trace(events: list[Event], ys: dict[str, float]) -> dict:
    """The span an imprecise date covers, drawn as a bar behind the event's marker, at its height."""
    spans_x, spans_y = [], []
    for event in events:
        end = (event.until or event.date).end
        if end > event.date.start:
            spans_x += [event.date.start.isoformat(), end.isoformat(), None]
            spans_y += [ys[event.id]] * 2 + [None]
    return {"type": "scatter", "mode": "lines", "name": "Span of an imprecise date",
            "x": spans_x, "y": spans_y, "hoverinfo": "skip", "line": {"width": 5, "color": SPAN_COLOUR}}


def _date_axis(view: BriefingView, first: date | None) -> dict:
    """Years from the first one of the data to the as-of date, with room for the first and last markers
    also on a phone; an explicit range, so that "Reset axes" brings back exactly this view."""
    start = date(first.year, 1, 1) if first else view.briefing.info.as_of.start
    end = max([view.briefing.info.as_of.end, *((e.until or e.date).end for e in view.events if e.scheduled)])
    room = timedelta(days=max(45, (end - start).days // 20))
    end += room
    if first and first - start < room:  # the first marker clear of the theme labels, also on a phone
        start = first - room
    return {"type": "date", "range": [start.isoformat(), end.isoformat()], "dtick": "M12", "tickformat": "%Y"}


def _hover(view: BriefingView, event: Event) -> str:
    outlets = "; ".join(dict.fromkeys(view.sources[s].outlet for s in event.sources))
    return (f"<b>{esc(event.title)}</b><br>{esc(span_label(event.date, event.until))}"
            f"<br>{STATUS_LABELS[event.status]}<br>Sources: {esc(outlets)}")


def money_chart(view: BriefingView) -> Chart:
    points = [(e, a) for e in view.events for a in e.amounts]
    currencies = Counter(a.currency for _, a in points)
    currency = currencies.most_common(1)[0][0] if currencies else "USD"
    traces = []
    for reported, name, symbol in ((False, "Disclosed or announced", "circle"),
                                   (True, "Reported, not disclosed", "circle-open")):
        chosen = [(e, a) for e, a in points if a.reported == reported and a.currency == currency]
        if not chosen:
            continue
        traces.append({
            "type": "scatter", "mode": "markers", "name": name,
            "x": [_midpoint(e) for e, _ in chosen], "y": [a.value for _, a in chosen],
            "customdata": [_target(view, e) for e, _ in chosen],
            "hovertext": [f"<b>{esc(format_amount(a))}</b>: {esc(a.label)}<br>{esc(e.title)}<br>{esc(e.date.label)}"
                          for e, a in chosen],
            "hoverinfo": "text",
            "marker": {"symbol": symbol, "size": 12, "color": PALETTE[0] if not reported else PALETTE[4],
                       "line": {"width": 2, "color": PALETTE[0] if not reported else PALETTE[4]}},
        })
    values = [a.value for _, a in points if a.currency == currency]
    low, high = (min(values), max(values)) if values else (1, 10)
    layout = base_layout(420, yaxis={
        "type": "log", "title": {"text": f"{currency}, log scale"},
        "range": [math.floor(math.log10(low)) - 0.2, math.ceil(math.log10(high)) + 0.2],
    }, xaxis=_date_axis(view, min((e.date.start for e, _ in points), default=None)))
    summary = _money_summary(points)
    rows = [[e.date.label, e.title, format_amount(a), a.label, "reported" if a.reported else "disclosed or announced"]
            for e, a in points]
    return Chart("money", view.briefing.info.wording.money_chart, summary, {"data": traces, "layout": layout},
                 ["Date", "Event", "Amount", "What", "Basis"], rows, 420, links=[e.id for e, _ in points])


AMOUNTS = "amounts of money"  # what the amounts chart counts, in a reader's words (its finding says it too)


def _money_summary(points) -> str:
    """'One amount of money: €35 million (fine).', or '20 amounts of money, from … to …, on a log scale.'"""
    if not points:
        return f"No {AMOUNTS}."
    if len(points) == 1:
        return f"One amount of money: {format_amount(points[0][1])} ({points[0][1].label})."
    smallest = min(points, key=lambda p: p[1].value)
    largest = max(points, key=lambda p: p[1].value)
    return (f"{len(points)} {AMOUNTS}, from {format_amount(smallest[1])} ({smallest[1].label}) "
            f"to {format_amount(largest[1])} ({largest[1].label}), on a log scale.")


HALF_BAR_MS = 150 * 86_400_000  # a half-year's bar: five of its six months wide


def half_year(day: date) -> str:
    """'2025 H1': a half-year as the tone chart counts by (its hover and table say 'First half of 2025')."""
    return f"{day.year} H{1 if day.month <= 6 else 2}"


def half_year_words(half: str, article: str = "the ") -> str:
    """'2025 H1' -> 'the first half of 2025': a half-year in a sentence (a caption's finding or summary);
    article='': as a label names it ('first half of 2025')."""
    return f"{article}{'first' if half.endswith('H1') else 'second'} half of {half[:4]}"


def _half_label(half: str) -> str:
    """'2025 H1' -> 'First half of 2025': a half-year as the tone chart's hover and table name it."""
    return capital(half_year_words(half, article=""))


def _half_middle(half: str) -> str:
    """Where a half-year's bar stands on the date axis: '2025 H1' → '2025-04-01'."""
    return f"{half[:4]}-{'04' if half.endswith('H1') else '10'}-01"


def _years_axis(halves: list[str]) -> dict:
    """A date axis labelled once per year, under the middle of that year's bars (no grid line
    between a year's two halves)."""
    years = sorted({h[:4] for h in halves})
    ticks = [_half_middle(f"{y} H1") if f"{y} H2" not in halves else f"{y}-07-01" for y in years]
    end = (f"{years[-1]}-07-01" if halves and halves[-1].endswith("H1")
           else f"{int(years[-1]) + 1}-01-01" if years else None)
    return {"type": "date", "tickmode": "array", "tickvals": ticks, "ticktext": years, "showgrid": False,
            "range": [f"{years[0]}-01-01", end] if years else None}


def friction_chart(view: BriefingView) -> Chart:
    events = view.events
    if events:
        first = events[0].date.start.year
        last = max([view.briefing.info.as_of.start, *(e.date.start for e in events if e.scheduled)])
        halves = [f"{y} H{h}" for y in range(first, last.year + 1) for h in (1, 2)]
        halves = halves[: halves.index(half_year(last)) + 1]
    else:
        halves = []
    counts = {tone: Counter(half_year(e.date.start) for e in events if e.tone == tone) for tone in Tone}
    tones = view.codes["tones"]
    traces = []
    for tone in Tone:
        colour, pattern = TONE_STYLE[tone]
        traces.append({
            "type": "bar", "name": esc(tones[tone.value].label), "x": [_half_middle(h) for h in halves],
            "y": [counts[tone][h] for h in halves], "width": HALF_BAR_MS,
            "customdata": [f"{_half_label(h)}: "  # the hover's words, a count in words
                           f"{plural(counts[tone][h], esc(tones[tone.value].label.lower()) + ' event')}"
                           for h in halves],
            "marker": {"color": colour,
                       "pattern": {"shape": pattern, "fillmode": "overlay", "fgcolor": "rgba(255,255,255,0.55)"}},
            "hovertemplate": "%{customdata}<extra></extra>",
        })
    layout = base_layout(360, barmode="stack", yaxis={"title": {"text": "Events"}, "rangemode": "tozero"},
                         xaxis=_years_axis(halves))
    total = Counter(half_year(e.date.start) for e in events)
    summary = _tone_summary(events, total, sum(counts[Tone.friction].values()), tones["friction"].label.lower())
    rows = [[_half_label(h), *(str(counts[t][h]) for t in Tone), str(total[h])] for h in halves]
    return Chart("friction", view.briefing.info.wording.tone_chart, summary, {"data": traces, "layout": layout},
                 ["Half-year", *(tones[t.value].label for t in Tone), "Total"], rows, 360)


def _tone_summary(events: list[Event], total: Counter, friction: int, label: str) -> str:
    if not events:
        return "No events."
    busiest = max(total, key=lambda h: (total[h], h))
    when = (f"the busiest half-year was {half_year_words(busiest)}, with {plural(total[busiest], 'event')}"
            if len(total) > 1 else f"all fall in {half_year_words(busiest)}")
    return (f"Events per half-year, by tone: {friction} of the {plural(len(events), 'event')} "
            f"{'is' if friction == 1 else 'are'} marked as {label}, and {when}.")
