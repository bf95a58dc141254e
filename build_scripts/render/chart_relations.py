"""The relationship view: who can do what to whom, as a grid of marks.

One row per pair of parties ("From → To"), one column per kind of relationship, one mark per
relationship of the data. Rows are grouped by the party acted upon, the most connected first, so the
two principals sit at the top on rows of their own. Each kind has its own marker shape as well as its
colour (a kind's style never depends on which other kinds are present), and a relationship that
ended before the briefing's as-of date is drawn open. Every label is an axis label outside the plot,
so labels can neither overlap a mark nor each other.
"""
from __future__ import annotations

import textwrap
from collections import Counter, defaultdict

from build_scripts.data.model import Relationship
from build_scripts.render.chart_spec import PALETTE, Chart, base_layout, esc
from build_scripts.render.views import BriefingView

# A kind's style is its position in the briefing's codebook (never which other kinds are present):
# a shape and a colour each, so that kinds differ by more than colour.
KIND_STYLES = (("circle", PALETTE[0]), ("square", PALETTE[2]), ("diamond", PALETTE[1]), ("x", PALETTE[4]),
               ("triangle-down", PALETTE[3]), ("star", PALETTE[6]), ("pentagon", PALETTE[5]), ("cross", PALETTE[7]),
               ("triangle-up", PALETTE[0]), ("hexagon", PALETTE[2]), ("hourglass", PALETTE[1]), ("bowtie", PALETTE[4]))


def kind_style(view: BriefingView, kind: str) -> tuple[str, str]:
    order = list(view.codes["relations"])
    return KIND_STYLES[order.index(kind) % len(KIND_STYLES)]
LABEL_WIDTH = 26  # characters per line of a row label: the labels stay narrow enough for a phone
ROW_LINE = 16  # pixels per line of a row label


def kind_label(view: BriefingView, kind: str) -> str:
    """The kind as it reads between two names ('invested in'), from the briefing's codebook."""
    return view.codes["relations"][kind].label


def column_label(view: BriefingView, kind: str) -> str:
    """A column's heading: the codebook's short heading, else the label without its preposition
    ('partners with' → 'partners'), one short line, so that Plotly can turn the headings upright when
    a phone makes the columns narrow."""
    code = view.relation_codes[kind]
    return esc(code.heading or code.label.removesuffix(" with").removesuffix(" in"))


def pair_label(view: BriefingView, pair: tuple[str, str]) -> str:
    text = f"{view.entity_name(pair[0])} → {view.entity_name(pair[1])}"
    return "<br>".join(esc(line) for line in textwrap.wrap(text, LABEL_WIDTH, break_on_hyphens=False))


def ordered_pairs(rels: list[Relationship]) -> list[tuple[str, str]]:
    """Pairs grouped by the party acted upon, the most connected first, and within a group by the
    acting party, the most connected first (ties by id)."""
    degree = Counter(p for r in rels for p in (r.source_party, r.target_party))
    pairs = {(r.source_party, r.target_party) for r in rels}
    return sorted(pairs, key=lambda p: (-degree[p[1]], p[1], -degree[p[0]], p[0]))


def has_ended(view: BriefingView, rel: Relationship) -> bool:
    return rel.until is not None and rel.until.end < view.briefing.info.as_of.start


def period(rel: Relationship) -> str:
    parts = (f"from {rel.since.label}" if rel.since else "", f"until {rel.until.label}" if rel.until else "")
    return " ".join(x for x in parts if x)


def _positions(rels, pairs, kinds) -> list[tuple[float, int]]:
    """(column, row) of each relationship; two of the same kind for one pair sit side by side."""
    cells = defaultdict(list)
    for index, r in enumerate(rels):
        cells[(r.source_party, r.target_party), r.kind].append(index)
    out: list[tuple[float, int]] = [(0.0, 0)] * len(rels)
    for (pair, kind), members in cells.items():
        for k, index in enumerate(members):
            out[index] = (kinds.index(kind) + 0.3 * (k - (len(members) - 1) / 2), pairs.index(pair))
    return out


def _hover(view: BriefingView, rel: Relationship) -> str:
    when = period(rel)
    return (f"<b>{esc(view.entity_name(rel.source_party))} {esc(kind_label(view, rel.kind))} "
            f"{esc(view.entity_name(rel.target_party))}</b>" + (f"<br>{esc(when)}" if when else "")
            + f"<br>{esc(rel.note)}")


def _traces(view: BriefingView, rels, pairs, kinds) -> list[dict]:
    where = _positions(rels, pairs, kinds)
    traces = []
    for kind in kinds:
        chosen = [i for i, r in enumerate(rels) if r.kind == kind]
        symbol, colour = kind_style(view, kind)
        traces.append({
            "type": "scatter", "mode": "markers", "name": esc(kind_label(view, kind)),
            "x": [round(where[i][0], 2) for i in chosen], "y": [where[i][1] for i in chosen],
            "hovertext": [_hover(view, rels[i]) for i in chosen], "hoverinfo": "text",
            "marker": {"symbol": [symbol + ("-open" if has_ended(view, rels[i]) else "") for i in chosen],
                       "size": 14, "color": colour, "line": {"width": 2, "color": colour}},
        })
    return traces


def _layout(view: BriefingView, pairs, kinds) -> dict:
    labels = [pair_label(view, p) for p in pairs]
    lines = max((label.count("<br>") + 1 for label in labels), default=1)
    height = 120 + (ROW_LINE * lines + 10) * len(pairs)
    return base_layout(
        height, showlegend=False,
        xaxis={"side": "top", "tickmode": "array", "tickvals": list(range(len(kinds))),
               "ticktext": [column_label(view, k) for k in kinds], "range": [-0.5, len(kinds) - 0.5],
               "showgrid": True, "zeroline": False, "fixedrange": False,
               "title": {"text": "Open mark: no longer in force"}},
        yaxis={"tickmode": "array", "tickvals": list(range(len(pairs))), "ticktext": labels,
               "range": [len(pairs) - 0.5, -0.5], "showgrid": True, "zeroline": False},
    )


def relationships_chart(view: BriefingView, chart_id: str = "relationships", title: str | None = None) -> Chart:
    title = title or view.briefing.info.wording.relationships_chart
    rels = list(view.briefing.relationships)
    pairs = ordered_pairs(rels)
    kinds = [k for k in view.codes["relations"] if any(r.kind == k for r in rels)]
    layout = _layout(view, pairs, kinds)
    parties = {p for pair in pairs for p in pair}
    by_kind = Counter(kind_label(view, r.kind) for r in rels)
    ended = sum(has_ended(view, r) for r in rels)
    summary = (f"{len(rels)} relationship{'s' * (len(rels) != 1)} among {len(parties)} parties, by kind: "
               + ", ".join(f"{k} ({n})" for k, n in sorted(by_kind.items()))
               + (f"; {ended} {'is' if ended == 1 else 'are'} no longer in force." if ended else ".")) \
        if rels else "No relationships."
    rows = [[view.entity_name(r.source_party), kind_label(view, r.kind), view.entity_name(r.target_party), period(r),
             r.note] for r in rels]
    return Chart(chart_id, title, summary, {"data": _traces(view, rels, pairs, kinds), "layout": layout},
                 ["From", "Relationship", "To", "Period", "Note"], rows, layout["height"])
