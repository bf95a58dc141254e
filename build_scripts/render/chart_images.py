"""The charts' static images as figures (pure): one per chart, palette and size (light and dark, 800 px
and a phone's 360 px), with the palette's theme merged in. Drawing them into SVG, with Chromium and a
cache folder, is a side effect: effects/chart_drawing.py.
"""
from __future__ import annotations

import copy

from build_scripts.render.chart_spec import IMAGE_WIDTHS, THEMES, Chart, theme_layout
from build_scripts.render.chart_table import chart_kind


def image_name(chart_id: str, palette: str, size: str = "wide") -> str:
    """The file name (without .svg) of a chart's static image in a palette and size:
    'money', 'money.dark', 'money.phone', 'money.dark.phone'."""
    return ".".join([chart_id] + [palette] * (palette != "light") + [size] * (size != "wide"))


def static_figure(chart: Chart, palette: str = "light", size: str = "wide") -> dict:
    """The chart's figure with the palette's theme merged in, at the static image's size. Each trace
    gets a fixed uid: Plotly would draw a random one into the SVG's class names."""
    figure = copy.deepcopy(chart.figure)
    for index, trace in enumerate(figure.get("data", [])):
        trace.setdefault("uid", f"{chart.id}-{index}")
    layout = figure["layout"]
    for key, value in theme_layout(palette).items():
        layout[key] = {**layout.get(key, {}), **value} if isinstance(value, dict) else value
    layout.update({"width": IMAGE_WIDTHS[size], "height": chart.height})
    if size == "phone":
        _fit_phone(layout.get("xaxis", {}))
    return figure


def _fit_phone(xaxis: dict) -> None:
    """On a phone's width, years every other tick where the ticks are computed, and upright where
    they are given (one per year, as under the half-year bars): labels stay apart. In the live
    chart, charts.js measures the labels and turns crowded ones upright."""
    if xaxis.get("dtick") == "M12":
        xaxis["dtick"] = "M24"
    elif xaxis.get("type") == "date" and "tickvals" in xaxis:
        xaxis["tickangle"] = 90


def image_figures(charts: dict[str, Chart]) -> dict[str, dict]:
    """Every static image's figure, by image name (image_name): each chart in each palette and in the
    sizes the chart table gives its kind (chart_table.ChartKind.sizes)."""
    return {image_name(cid, palette, size): static_figure(chart, palette, size)
            for cid, chart in charts.items() for palette in THEMES for size in chart_kind(cid).sizes}
