"""Drawing the charts' static SVG images at build time, with kaleido and the system's Chromium.

One image per chart, palette and size (light and dark, 800 px and a phone's 360 px: text, grid and background
from chart_spec's themes). Cached by content hash in .cache/charts/, so an unchanged chart costs nothing on rebuild.
Plotly's SVG export carries random ids; they are replaced with ones derived from the chart id
so that builds stay byte-identical. Without Chromium (or with BRIEFING_STATIC_CHARTS=0) the build
goes on with interactive-only charts and says so once; if drawing fails, the site is degraded: a
warning on the site engine's plugin logger, which a strict build counts (see logs.py).
"""
from __future__ import annotations

import asyncio
import hashlib
import json
import re
import shutil
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from build_scripts.effects.writing import write_file
from build_scripts.logs import Progress, progress, site_log

STATIC_CHARTS_ENV = "BRIEFING_STATIC_CHARTS"  # read once, into config.BuildConfig.charts_turned_off
_RANDOM_ID = re.compile(rb'id="defs-([0-9a-z]+)"')


@lru_cache(maxsize=1)
def _tools() -> str:
    return json.dumps([version("kaleido"), version("plotly")])


def _key(figure: dict) -> str:
    """The cache key of a chart's image: the very figure drawn (data, layout, theme, size) and the
    drawing tools' versions."""
    blob = f"{json.dumps(figure, sort_keys=True, ensure_ascii=False)}|{_tools()}"
    return hashlib.sha256(blob.encode()).hexdigest()[:32]


def make_deterministic(svg: bytes, chart_id: str) -> bytes:
    for token in set(_RANDOM_ID.findall(svg)):
        svg = svg.replace(token, f"c{chart_id}".encode())
    return svg


def why_not_drawn(turned_off: bool = False) -> str | None:
    """Why static images cannot be drawn now (turned off in the environment, config.BuildConfig's
    charts_turned_off, or no browser to draw them), or None."""
    if turned_off:
        return f"static chart images were turned off ({STATIC_CHARTS_ENV}=0)"
    if not any(shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")):
        return "no Chromium was found to draw their static images (apt-get install chromium)"
    return None


async def _render_all(figures: dict[str, dict], shown: Progress) -> dict[str, bytes]:
    import kaleido

    out = {}
    async with kaleido.Kaleido(n=1) as k:
        for chart_id, figure in figures.items():
            out[chart_id] = await k.calc_fig(figure, opts={"format": "svg"})
            shown.advance()
    return out


def _interactive_only(reason: str, said: set[str]) -> dict[str, bytes]:
    """No static images; the reason said once per build session (a note, not a warning: the build goes
    on, as documented)."""
    if reason not in said:
        site_log().info(f"Charts are interactive only: {reason}.")
        said.add(reason)
    return {}


def draw_svgs(figures: dict[str, dict], cache_dir: Path, said: set[str] | None = None,
              turned_off: bool = False) -> dict[str, bytes]:
    """SVG per image name, from its figure (render/chart_images.image_figures): from the cache, or drawn
    now; empty when they cannot be drawn (turned off, no Chromium, or drawing failed). said: the notes
    this build session has given already (caches.SessionCaches.chart_notes), so `mkdocs serve` gives
    each once."""
    said = set() if said is None else said
    if turned_off:  # not even the cached images are used
        return _interactive_only(why_not_drawn(turned_off) or "", said)
    cached = {name: cache_dir / f"{_key(figure)}.svg" for name, figure in figures.items()}
    missing = {name: figures[name] for name, path in cached.items() if not path.exists()}
    if missing:
        reason = why_not_drawn()
        if reason is not None:
            return _interactive_only(reason, said)
        try:
            with progress(len(missing), "Drawing chart images") as shown:
                rendered = asyncio.run(_render_all(missing, shown))
        except Exception as err:  # kaleido or the browser failed: a degraded site, which a strict build refuses
            site_log().warning(f"Charts are interactive only: drawing static images failed ({err}).", exc_info=True)
            return {}
        for name, svg in rendered.items():
            write_file(cached[name], make_deterministic(svg, name.replace(".", "-")))
    return {name: path.read_bytes() for name, path in cached.items()}
