"""Charts: pure functions from the view to Plotly figure specs, text summaries and data tables.

Every number is read from the data. Figures carry no template (our script applies one
shared theme), status is shown by marker shape and legend as well as colour, and the palette
is Okabe-Ito (safe for the common forms of colour blindness).
"""
from __future__ import annotations

import html
import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from .dates import span_label
from .model import STATUS_LABELS, Event, Status, Tone
from .pages import format_amount
from .views import BriefingView

PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#999999"]
STATUS_STYLE = {
    Status.confirmed: ("circle", PALETTE[0]),
    Status.single_source: ("diamond", PALETTE[1]),
    Status.anonymous: ("circle-open", PALETTE[4]),
    Status.disputed: ("x", PALETTE[3]),
}
TONE_STYLE = {Tone.cooperation: (PALETTE[2], ""), Tone.friction: (PALETTE[4], "/"), Tone.neutral: (PALETTE[7], ".")}
DASHES = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot", "solid", "dash"]


@dataclass
class Chart:
    id: str
    title: str
    summary: str
    figure: dict
    headers: list[str]
    rows: list[list[str]]
    height: int = 420
    links: list[str | None] = field(default_factory=list)  # per row: an anchor on the timeline


def _esc(text: str) -> str:
    """Plotly draws hover text as a small HTML subset: data is escaped so it stays text."""
    return html.escape(text, quote=False)


def _target(view: BriefingView, event: Event) -> str:
    """Where a click on the event's mark leads, relative to the timeline's folder: '#id' or '2024/#id'."""
    page = view.event_pages[event.id]
    return f"#{event.id}" if page == "timeline.md" else f"{page.removeprefix('timeline/').removesuffix('.md')}/#{event.id}"


def _midpoint(event: Event) -> str:
    end = (event.until or event.date).end
    return (event.date.start + (end - event.date.start) / 2).isoformat()


def _base_layout(height: int, **extra) -> dict:
    layout = {
        "height": height,
        "margin": {"l": 110, "r": 20, "t": 10, "b": 40},
        "legend": {"orientation": "h", "y": -0.15},
        "hovermode": "closest",
        "showlegend": True,
    }
    layout.update(extra)
    return layout


def timeline_chart(view: BriefingView, events: list[Event] | None = None, chart_id: str = "timeline",
                   title: str = "The relationship over time") -> Chart:
    events = view.events if events is None else events
    main = {e.themes[0] for e in events}
    themes = [t for t in view.briefing.info.themes if t in main]
    spans_x, spans_y = [], []
    for event in events:
        end = (event.until or event.date).end
        if end > event.date.start:
            spans_x += [event.date.start.isoformat(), end.isoformat(), None]
            spans_y += [event.themes[0]] * 2 + [None]
    traces = [{
        "type": "scatter", "mode": "lines", "name": "Span of an imprecise date",
        "x": spans_x, "y": spans_y, "hoverinfo": "skip",
        "line": {"width": 10, "color": "rgba(128,128,128,0.35)"},
    }]
    for status in Status:
        chosen = [e for e in events if e.status == status]
        if not chosen:
            continue
        symbol, colour = STATUS_STYLE[status]
        traces.append({
            "type": "scatter", "mode": "markers", "name": STATUS_LABELS[status],
            "x": [_midpoint(e) for e in chosen], "y": [e.themes[0] for e in chosen],
            "customdata": [_target(view, e) for e in chosen],
            "hovertext": [_hover(view, e) for e in chosen], "hoverinfo": "text",
            "marker": {"symbol": symbol, "color": colour, "size": 11, "line": {"width": 2, "color": colour}},
        })
    start = date(events[0].date.start.year, 1, 1) if events else view.briefing.info.as_of.start
    layout = _base_layout(
        max(260, 60 + 34 * len(themes)),
        xaxis={"type": "date", "range": [start.isoformat(), (view.briefing.info.as_of.end + timedelta(days=45)).isoformat()]},
        yaxis={"type": "category", "categoryorder": "array", "categoryarray": themes, "title": {"text": "Main theme"}},
    )
    counts = Counter(e.status for e in events)
    parts = [f"{counts[s]} {STATUS_LABELS[s].lower()}" for s in Status if counts[s]]
    summary = (f"{len(events)} events from {events[0].date.label} to {events[-1].date.label}, by main theme: "
               + ", ".join(parts) + ".") if events else "No events."
    rows = [[span_label(e.date, e.until), e.title, e.themes[0], STATUS_LABELS[e.status],
             "; ".join(view.sources[s].outlet for s in e.sources)] for e in events]
    return Chart(chart_id, title, summary, {"data": traces, "layout": layout},
                 ["Date", "Event", "Main theme", "Status", "Sources"], rows, layout["height"],
                 links=[e.id for e in events])


def _hover(view: BriefingView, event: Event) -> str:
    outlets = "; ".join(dict.fromkeys(view.sources[s].outlet for s in event.sources))
    return (f"<b>{_esc(event.title)}</b><br>{_esc(span_label(event.date, event.until))}"
            f"<br>{STATUS_LABELS[event.status]}<br>Sources: {_esc(outlets)}")


def money_chart(view: BriefingView) -> Chart:
    points = [(e, a) for e in view.events for a in e.amounts]
    currencies = Counter(a.currency for _, a in points)
    currency = currencies.most_common(1)[0][0] if currencies else "USD"
    traces = []
    for reported, name, symbol in ((False, "Disclosed or announced", "circle"), (True, "Reported, not disclosed", "circle-open")):
        chosen = [(e, a) for e, a in points if a.reported == reported and a.currency == currency]
        if not chosen:
            continue
        traces.append({
            "type": "scatter", "mode": "markers", "name": name,
            "x": [_midpoint(e) for e, _ in chosen], "y": [a.value for _, a in chosen],
            "customdata": [_target(view, e) for e, _ in chosen],
            "hovertext": [f"<b>{_esc(format_amount(a))}</b>: {_esc(a.label)}<br>{_esc(e.title)}<br>{_esc(e.date.label)}"
                          for e, a in chosen],
            "hoverinfo": "text",
            "marker": {"symbol": symbol, "size": 12, "color": PALETTE[0] if not reported else PALETTE[4],
                       "line": {"width": 2, "color": PALETTE[0] if not reported else PALETTE[4]}},
        })
    values = [a.value for _, a in points if a.currency == currency]
    low, high = (min(values), max(values)) if values else (1, 10)
    layout = _base_layout(420, yaxis={
        "type": "log", "title": {"text": f"{currency}, log scale"},
        "range": [math.floor(math.log10(low)) - 0.2, math.ceil(math.log10(high)) + 0.2],
    }, xaxis={"type": "date"})
    smallest = min(points, key=lambda p: p[1].value, default=None)
    largest = max(points, key=lambda p: p[1].value, default=None)
    summary = (f"{len(points)} amounts in the data, from {format_amount(smallest[1])} ({smallest[1].label}) "
               f"to {format_amount(largest[1])} ({largest[1].label}), on a log scale.") if points else "No amounts."
    rows = [[e.date.label, e.title, format_amount(a), a.label, "reported" if a.reported else "disclosed or announced"]
            for e, a in points]
    return Chart("money", "Money and commitments", summary, {"data": traces, "layout": layout},
                 ["Date", "Event", "Amount", "What", "Basis"], rows, 420, links=[e.id for e, _ in points])


def _half_year(day: date) -> str:
    return f"{day.year} H{1 if day.month <= 6 else 2}"


def friction_chart(view: BriefingView) -> Chart:
    events = view.events
    if events:
        first, last = events[0].date.start.year, view.briefing.info.as_of.start
        halves = [f"{y} H{h}" for y in range(first, last.year + 1) for h in (1, 2)]
        halves = halves[: halves.index(_half_year(last)) + 1]
    else:
        halves = []
    counts = {tone: Counter(_half_year(e.date.start) for e in events if e.tone == tone) for tone in Tone}
    traces = []
    for tone in Tone:
        colour, pattern = TONE_STYLE[tone]
        traces.append({
            "type": "bar", "name": tone.value.capitalize(), "x": halves, "y": [counts[tone][h] for h in halves],
            "marker": {"color": colour, "pattern": {"shape": pattern}},
            "hovertemplate": f"%{{x}}: %{{y}} {tone.value} events<extra></extra>",
        })
    layout = _base_layout(360, barmode="stack", xaxis={"type": "category"},
                          yaxis={"title": {"text": "Events"}, "rangemode": "tozero"})
    total = Counter(_half_year(e.date.start) for e in events)
    busiest = max(halves, key=lambda h: (total[h], h), default=None)
    friction = sum(counts[Tone.friction].values())
    summary = (f"Events per half-year, by tone: {friction} of {len(events)} events are marked as friction, "
               f"and the busiest half-year was {busiest} with {total[busiest]} events.") if events else "No events."
    rows = [[h, *(str(counts[t][h]) for t in Tone), str(total[h])] for h in halves]
    return Chart("friction", "Cooperation and friction, by half-year", summary, {"data": traces, "layout": layout},
                 ["Half-year", *(t.value.capitalize() for t in Tone), "Total"], rows, 360)


def relationships_chart(view: BriefingView) -> Chart:
    rels = view.briefing.relationships
    degree = Counter(p for r in rels for p in (r.source_party, r.target_party))
    parties = sorted(degree, key=lambda p: (-degree[p], view.entity_name(p)))
    position = {}
    for index, party in enumerate(parties):
        angle = math.pi / 2 - 2 * math.pi * index / max(len(parties), 1)
        position[party] = (round(math.cos(angle), 4), round(math.sin(angle), 4))
    kinds = sorted({r.kind for r in rels}, key=lambda k: k.value)
    traces = []
    for index, kind in enumerate(kinds):
        chosen = [r for r in rels if r.kind == kind]
        xs, ys, mx, my, hover = [], [], [], [], []
        for r in chosen:
            (x0, y0), (x1, y1) = position[r.source_party], position[r.target_party]
            xs += [x0, x1, None]
            ys += [y0, y1, None]
            mx.append(round(x0 + (x1 - x0) * 0.6, 4))
            my.append(round(y0 + (y1 - y0) * 0.6, 4))
            hover.append(f"<b>{_esc(view.entity_name(r.source_party))} {kind.value.replace('-', ' ')} "
                         f"{_esc(view.entity_name(r.target_party))}</b><br>{_esc(r.note)}")
        colour, label = PALETTE[index % len(PALETTE)], kind.value.replace("-", " ")
        traces.append({"type": "scatter", "mode": "lines", "name": label, "legendgroup": kind.value,
                       "x": xs, "y": ys, "hoverinfo": "skip",
                       "line": {"color": colour, "width": 2, "dash": DASHES[index % len(DASHES)]}})
        traces.append({"type": "scatter", "mode": "markers", "name": label, "legendgroup": kind.value,
                       "showlegend": False, "x": mx, "y": my, "hovertext": hover, "hoverinfo": "text",
                       "marker": {"symbol": "triangle-up", "size": 9, "color": colour}})
    traces.append({
        "type": "scatter", "mode": "markers+text", "name": "Party", "showlegend": False,
        "x": [position[p][0] for p in parties], "y": [position[p][1] for p in parties],
        "text": [_esc(view.entity_name(p)) for p in parties], "textposition": "top center",
        "hovertext": [_esc(view.entity_name(p)) for p in parties], "hoverinfo": "text",
        "marker": {"size": [10 + 2 * degree[p] for p in parties], "color": PALETTE[7]},
    })
    hidden = {"visible": False, "range": [-1.35, 1.35]}
    layout = _base_layout(520, xaxis=hidden, yaxis={**hidden, "scaleanchor": "x"}, margin={"l": 10, "r": 10, "t": 10, "b": 10})
    by_kind = Counter(r.kind.value.replace("-", " ") for r in rels)
    summary = (f"{len(rels)} relationships among {len(parties)} parties: "
               + ", ".join(f"{n} {k}" for k, n in sorted(by_kind.items())) + ".") if rels else "No relationships."
    rows = [[view.entity_name(r.source_party), r.kind.value.replace("-", " "), view.entity_name(r.target_party),
             " ".join(x for x in (f"from {r.since.label}" if r.since else "", f"until {r.until.label}" if r.until else "") if x),
             r.note] for r in rels]
    return Chart("relationships", "Who invests in, supplies, rivals or can block whom", summary,
                 {"data": traces, "layout": layout}, ["From", "Relationship", "To", "Period", "Note"], rows, 520)


def build_charts(view: BriefingView) -> dict[str, Chart]:
    """Every chart of the briefing, by id: the editor places one with `<!-- chart: id -->`."""
    charts = [timeline_chart(view), money_chart(view), friction_chart(view), relationships_chart(view)]
    for conflict in view.briefing.conflicts:
        events = [view.events_by_id[e] for e in conflict.events]
        events.sort(key=lambda e: (e.date.start, e.date.end, e.id))
        charts.append(timeline_chart(view, events, f"conflict-{conflict.id}", f"{conflict.title}: the events"))
    return {chart.id: chart for chart in charts}
