"""Chart specs: golden files for the mini briefing, and every number checked against the model."""
from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from build_scripts.data.model import Status, Tone
from build_scripts.data.validation import load_briefing
from build_scripts.effects.chart_drawing import make_deterministic
from build_scripts.pipeline import chart_json, place_charts
from build_scripts.render.chart_table import build_charts
from build_scripts.render.views import build_view
from build_scripts.session import generate

from .conftest import MINI, ROOT, check_golden

GOLDEN = MINI.parent.parent / "golden" / "charts"


@pytest.fixture(scope="module")
def shipped():
    view = build_view(load_briefing(ROOT / "data"))
    return view, build_charts(view)


def test_mini_chart_specs_match_golden_files():
    charts = build_charts(build_view(load_briefing(MINI)))
    for chart_id, chart in charts.items():
        check_golden(GOLDEN / f"{chart_id}.json",
                     json.dumps(json.loads(chart_json(chart)), indent=1, sort_keys=True) + "\n")
    assert sorted(p.stem for p in GOLDEN.glob("*.json")) == sorted(charts), "a golden file whose chart no longer exists"


def test_timeline_plots_every_event_once_by_status(shipped):
    view, charts = shipped
    data = charts["timeline"].figure["data"]
    markers = [t for t in data if t["mode"] == "markers"]
    assert sum(len(t["x"]) for t in markers) == len(view.events)
    assert sorted(i for t in markers for i in t["customdata"]) == sorted(f"#{e.id}" for e in view.events)
    counts = Counter(e.status for e in view.events)
    from build_scripts.data.model import STATUS_LABELS
    for trace in markers:
        status = next(s for s in Status if STATUS_LABELS[s] == trace["name"])
        assert len(trace["x"]) == counts[status]
    assert len({t["marker"]["symbol"] for t in markers}) == len(markers), "status is shown by shape too"


def test_no_timeline_marker_hides_another(shipped):
    from datetime import date

    from build_scripts.render.charts import NEAR

    view, charts = shipped
    for chart in (c for c in charts.values() if c.id == "timeline" or c.id.startswith("conflict-")):
        axis = chart.figure["layout"]["xaxis"]["range"]
        near = (date.fromisoformat(axis[1]) - date.fromisoformat(axis[0])).days * NEAR
        marks = sorted((y, date.fromisoformat(x)) for t in chart.figure["data"] if t["mode"] == "markers"
                       for x, y in zip(t["x"], t["y"]))
        clashes = [(a, b) for i, a in enumerate(marks) for b in marks[i + 1:]
                   if a[0] == b[0] and abs((a[1] - b[1]).days) < near]
        assert clashes == [], chart.id
        assert len({round(y) for y, _ in marks}) == len(chart.figure["layout"]["yaxis"]["ticktext"])


def test_imprecise_dates_are_drawn_as_spans(shipped):
    view, charts = shipped
    spans = charts["timeline"].figure["data"][0]
    imprecise = [e for e in view.events if (e.until or e.date).end > e.date.start]
    assert spans["x"].count(None) == len(imprecise)
    summer = next(e for e in view.events if e.id == "2024-o1-sharing-dispute")
    assert summer.date.start.isoformat() in spans["x"] and "2024-11-30" in spans["x"]


def test_money_chart_holds_every_amount(shipped):
    view, charts = shipped
    amounts = sorted(a.value for e in view.events for a in e.amounts)
    plotted = sorted(v for t in charts["money"].figure["data"] for v in t["y"])
    assert plotted == amounts
    assert 650e6 in plotted and 500e9 in plotted
    assert charts["money"].figure["layout"]["yaxis"]["type"] == "log"
    assert len(charts["money"].rows) == len(amounts)


def test_friction_counts_events_per_half_year(shipped):
    view, charts = shipped
    bars = {t["name"].lower(): {said.partition(":")[0]: n for said, n in zip(t["customdata"], t["y"])}
            for t in charts["friction"].figure["data"]}
    said = {said for t in charts["friction"].figure["data"] for said in t["customdata"]}
    assert all(re.fullmatch(r"(First|Second) half of \d{4}: (1 [a-z ]+ event|(0|[2-9]|\d\d+) [a-z ]+ events)", s)
               for s in said), "a bar's hover names its half-year in words and counts in words"
    assert [row[0] for row in charts["friction"].rows[:2]] == ["First half of 2019", "Second half of 2019"], \
        "the data table names a half-year as the hover does"
    for tone in Tone:
        assert sum(bars[tone.value].values()) == sum(1 for e in view.events if e.tone == tone)
    assert bars["friction"]["First half of 2025"] == sum(
        1 for e in view.events if e.tone == Tone.friction and e.date.start.year == 2025 and e.date.start.month <= 6)


def test_relationship_grid_has_one_mark_per_relationship_in_its_row_and_column(shipped):
    view, charts = shipped
    layout = charts["relationships"].figure["layout"]
    rows = [t.replace("<br>", " ") for t in layout["yaxis"]["ticktext"]]
    columns = layout["xaxis"]["ticktext"]
    marks = [(t["name"], x, y) for t in charts["relationships"].figure["data"] for x, y in zip(t["x"], t["y"])]
    assert len(marks) == len(view.briefing.relationships)
    assert len(set(marks)) == len(marks), "no two marks on one spot"
    for rel in view.briefing.relationships:
        row = rows.index(f"{view.entity_name(rel.source_party)} → {view.entity_name(rel.target_party)}")
        name = view.codes["relations"][rel.kind].label
        assert sum(1 for n, x, y in marks if n == name and y == row and columns[round(x)] in name) == 1
    assert rows[0] == "Microsoft → OpenAI" and "OpenAI → Microsoft" in rows, \
        "the principals first, each way on its own row"


def test_relationship_kinds_differ_by_shape_not_only_colour(shipped):
    from build_scripts.render.chart_relations import KIND_STYLES

    assert len({symbol for symbol, _ in KIND_STYLES}) == len(KIND_STYLES)
    view, charts = shipped
    ended = {t["name"]: t["marker"]["symbol"] for t in charts["relationships"].figure["data"]}
    assert ended["can block"] == ["x-open"], "Microsoft's power to block ended in October 2025"
    invested = [r for r in view.briefing.relationships if r.kind == "invested-in"]
    assert ended["invested in"] == ["circle"] * len(invested), "none of the investments has ended"


def test_kind_colours_keep_three_to_one_on_both_palettes():
    from build_scripts.render.chart_spec import PALETTE, SPAN_COLOUR, THEMES

    from .contrast import contrast
    for colour in [*PALETTE, SPAN_COLOUR]:
        for theme in THEMES.values():
            assert contrast(colour, theme["background"]) >= 3, (colour, theme["background"])

def test_figures_carry_no_template_and_escape_hover_text(shipped):
    _, charts = shipped
    for chart in charts.values():
        assert "template" not in chart.figure["layout"]
        assert chart.summary and chart.rows
        assert len(chart_json(chart)) < 20_000


def test_marker_becomes_figure_with_summary_and_table():
    output = generate(MINI, static_charts=False)
    html = place_charts("intro\n\n<!-- chart: friction -->\n\nend", output, "conflicts/terms/")
    assert 'data-chart-src="../../assets/charts/friction.json"' in html
    assert "<table>" in html and output.charts["friction"].summary in html
    assert 'data-chart-auto="1"' in html, "without a static image the chart loads by itself"


def test_unknown_chart_marker_is_an_error():
    from build_scripts.errors import DataError

    output = generate(MINI, static_charts=False)
    with pytest.raises(DataError, match="unknown chart 'nope'"):
        place_charts("<!-- chart: nope -->", output, "")


def test_svg_random_ids_are_replaced():
    svg = (b'<defs id="defs-881046"><clipPath id="clip881046xy"/></defs><g clip-path="url(#clip881046xy)"/>'
           b'<g id="topdefs-881046"/>')
    fixed = make_deterministic(svg, "timeline")
    assert b"881046" not in fixed and fixed.count(b"ctimeline") == 4
