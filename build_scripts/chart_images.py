"""Static SVG images of the charts, made at build time with kaleido and the system's Chromium.

One image per chart and palette (light and dark: text, grid and background from chart_spec's
themes). Cached by content hash in .cache/charts/, so an unchanged chart costs nothing on rebuild.
Plotly's SVG export carries random ids; they are replaced with ones derived from the chart id
so that builds stay byte-identical. Without Chromium the build goes on with interactive-only
charts and says so once.
"""
from __future__ import annotations

import asyncio
import copy
import hashlib
import json
import os
import re
import shutil
import sys
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from .chart_spec import IMAGE_WIDTH, THEMES, Chart, theme_layout
from .writing import write_file

_RANDOM_ID = re.compile(rb'id="defs-([0-9a-z]+)"')
_said_unavailable = False


def image_name(chart_id: str, palette: str) -> str:
    """The file name (without .svg) of a chart's static image in a palette: 'money', 'money.dark'."""
    return chart_id if palette == "light" else f"{chart_id}.{palette}"


def static_figure(chart: Chart, palette: str = "light") -> dict:
    """The chart's figure with the palette's theme merged in, at the static images' size."""
    figure = copy.deepcopy(chart.figure)
    layout = figure["layout"]
    for key, value in theme_layout(palette).items():
        layout[key] = {**layout.get(key, {}), **value} if isinstance(value, dict) else value
    layout.update({"width": IMAGE_WIDTH, "height": chart.height})
    return figure


@lru_cache(maxsize=1)
def _tools() -> str:
    return json.dumps([{p: theme_layout(p) for p in THEMES}, IMAGE_WIDTH, version("kaleido"), version("plotly")], sort_keys=True)


def _key(chart: Chart, figure_json: str, palette: str) -> str:
    """The cache key of a chart's image: its figure as published, its height, the palette, the themes
    and the drawing tools' versions (the figure is serialised once, for the site, and reused here)."""
    blob = f"{figure_json}|{chart.height}|{palette}|{_tools()}"
    return hashlib.sha256(blob.encode()).hexdigest()[:32]


def make_deterministic(svg: bytes, chart_id: str) -> bytes:
    for token in set(_RANDOM_ID.findall(svg)):
        svg = svg.replace(token, f"c{chart_id}".encode())
    return svg


def chromium_available() -> bool:
    return os.environ.get("BRIEFING_STATIC_CHARTS", "1") != "0" and any(
        shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome"))


async def _render_all(figures: dict[str, dict]) -> dict[str, bytes]:
    import kaleido

    out = {}
    async with kaleido.Kaleido(n=1) as k:
        for chart_id, figure in figures.items():
            out[chart_id] = await k.calc_fig(figure, opts={"format": "svg"})
    return out


def chart_svgs(charts: dict[str, Chart], figure_json: dict[str, str], cache_dir: Path) -> dict[str, bytes]:
    """SVG per image name (image_name: one per chart and palette): from the cache, or rendered now;
    empty when no Chromium is available. figure_json: each chart's figure as published (build.chart_json)."""
    global _said_unavailable
    cached = {image_name(cid, p): cache_dir / f"{_key(chart, figure_json[cid], p)}.svg"
              for cid, chart in charts.items() for p in THEMES}
    figures = {image_name(cid, p): (chart, p) for cid, chart in charts.items() for p in THEMES}
    missing = {name: static_figure(*figures[name]) for name, path in cached.items() if not path.exists()}
    if missing:
        if not chromium_available():
            if not _said_unavailable:
                print("Charts are interactive only: no Chromium was found to draw their static images "
                      "(apt-get install chromium).", file=sys.stderr)
                _said_unavailable = True
            return {}
        try:
            rendered = asyncio.run(_render_all(missing))
        except Exception as err:  # kaleido or the browser failed: the site is still built
            print(f"Charts are interactive only: drawing static images failed ({err}).", file=sys.stderr)
            return {}
        for name, svg in rendered.items():
            write_file(cached[name], make_deterministic(svg, name.replace(".", "-")))
    return {name: path.read_bytes() for name, path in cached.items()}
