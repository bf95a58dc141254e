"""Static SVG images of the charts, made at build time with kaleido and the system's Chromium.

Cached by content hash in .cache/charts/, so an unchanged chart costs nothing on rebuild.
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

from .charts import Chart
from .writing import write_file

STATIC_THEME = {
    "paper_bgcolor": "rgba(0,0,0,0)",
    "plot_bgcolor": "rgba(0,0,0,0)",
    "font": {"color": "#7a7f8a", "family": "Helvetica, Arial, sans-serif", "size": 12},
    "width": 800,
}
_RANDOM_ID = re.compile(rb'id="defs-([0-9a-z]+)"')
_said_unavailable = False


def static_figure(chart: Chart) -> dict:
    figure = copy.deepcopy(chart.figure)
    figure["layout"].update(STATIC_THEME)
    figure["layout"]["height"] = chart.height
    for axis in ("xaxis", "yaxis"):
        figure["layout"].setdefault(axis, {}).update({"gridcolor": "rgba(128,128,128,0.25)",
                                                      "zerolinecolor": "rgba(128,128,128,0.4)"})
    return figure


@lru_cache(maxsize=1)
def _tools() -> str:
    return json.dumps([STATIC_THEME, version("kaleido"), version("plotly")], sort_keys=True)


def _key(chart: Chart, figure_json: str) -> str:
    """The cache key of a chart's image: its figure as published, its height, the static theme and
    the drawing tools' versions (the figure is serialised once, for the site, and reused here)."""
    blob = f"{figure_json}|{chart.height}|{_tools()}"
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
    """SVG per chart id: from the cache, or rendered now; empty when no Chromium is available.
    figure_json: each chart's figure as published (build.chart_json)."""
    global _said_unavailable
    cached = {cid: cache_dir / f"{_key(chart, figure_json[cid])}.svg" for cid, chart in charts.items()}
    missing = {cid: static_figure(charts[cid]) for cid, path in cached.items() if not path.exists()}
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
        for cid, svg in rendered.items():
            write_file(cached[cid], make_deterministic(svg, cid))
    return {cid: path.read_bytes() for cid, path in cached.items()}
