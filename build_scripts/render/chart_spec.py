"""What every chart shares: the Chart record, the mark colours, the palettes' themes and the base layout.

Mark colours are Okabe-Ito hues darkened or lightened until each keeps 3:1 against both the light
and the dark page (WCAG's non-text contrast), so one figure reads on either palette; kinds and
statuses also differ by marker shape, never by colour alone. The two themes (text, grid, background)
are published with every chart: charts.js applies them to the live chart, chart_images.py to the
static images, so both follow the same colours.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

# blue, ochre, green, reddish purple, vermillion, violet, teal, grey: each at least 3:1 on #ffffff and #1e2129
PALETTE = ("#2F8FCC", "#B07A00", "#009E73", "#C0619A", "#D55E00", "#8F6FC0", "#1A9A9A", "#808080")
SPAN_COLOUR = "#8a8f98"
FONT = "Helvetica, Arial, sans-serif"
IMAGE_WIDTH = 800  # the static images' width, and the downloaded PNG's (at twice the scale)
PHONE_WIDTH = 360  # the static images drawn for phones: laid out at their size, not shrunk from 800 px
PHONE_MEDIA = "(max-width: 480px)"  # where the page shows the phone images
IMAGE_WIDTHS = MappingProxyType({"wide": IMAGE_WIDTH, "phone": PHONE_WIDTH})
IMAGE_SCALE = 2
TOOLS_MARGIN = 40  # the right margin, where the live chart's tools stand
THEMES = MappingProxyType({
    "light": MappingProxyType({"background": "#ffffff", "text": "#1f2329", "grid": "rgba(31,35,41,0.12)",
                               "hover": "#ffffff", "tool": "#5b616b"}),
    "dark": MappingProxyType({"background": "#1e2129", "text": "#e2e4e9", "grid": "rgba(226,228,233,0.15)",
                              "hover": "#2e303e", "tool": "#b4b8c2"}),
})


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
    finding: str = ""  # what it shows, in one sentence that leads its caption (chart_table.build_charts sets it)


def esc(text: str) -> str:
    """Plotly draws hover text and labels as a small HTML subset: data is escaped so it stays text."""
    return html.escape(text, quote=False)


def theme_layout(palette: str) -> dict:
    """The layout keys a palette sets: an opaque background (so a downloaded image keeps its
    contrast), text and grid colours, and the hover label."""
    colours = THEMES[palette]
    axis = {"gridcolor": colours["grid"], "zerolinecolor": colours["grid"], "linecolor": colours["grid"]}
    return {
        "paper_bgcolor": colours["background"], "plot_bgcolor": colours["background"],
        "font": {"color": colours["text"], "family": FONT, "size": 12},
        "xaxis": axis, "yaxis": dict(axis),
        "hoverlabel": {"bgcolor": colours["hover"], "font": {"color": colours["text"]}},
        "modebar": {"bgcolor": "rgba(0,0,0,0)", "color": colours["tool"], "activecolor": colours["text"]},
    }


def base_layout(height: int, **extra) -> dict:
    """Legend above the plot (x-axis labels are below it), margins that grow to fit the labels, and
    the live chart's tools upright in the right margin, clear of the legend and of every label."""
    layout: dict[str, Any] = {
        "height": height,
        "margin": {"l": 10, "r": TOOLS_MARGIN, "t": 10, "b": 10},
        "modebar": {"orientation": "v"},
        "legend": {"orientation": "h", "x": 0, "xanchor": "left", "y": 1.02, "yanchor": "bottom"},
        "hovermode": "closest",
        "showlegend": True,
    }
    layout.update(extra)
    for axis in ("xaxis", "yaxis"):
        layout.setdefault(axis, {})["automargin"] = True
    return layout


def published(chart: Chart) -> dict:
    """The chart's JSON as the site serves it: the figure, both themes, and the downloaded image's size."""
    return {**chart.figure, "themes": {name: theme_layout(name) for name in THEMES},
            "image": {"width": IMAGE_WIDTH, "height": chart.height, "scale": IMAGE_SCALE, "filename": chart.id}}
