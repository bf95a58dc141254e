"""The pipeline, independent of the site engine: data folder -> validated model -> files.

    1. load + validate   validation.load_briefing   (every problem at once, or nothing)
    2. pages             site_plan.plan_pages        (pure Markdown strings)
    3. charts            charts.build_charts         (figure JSON, summaries, tables)
    4. static images     chart_images.chart_svgs     (kaleido + Chromium, cached; optional)
    5. assets            chart JSON, SVGs and the plotly.js bundle served by the site
Writing happens elsewhere (writing.py), driven by the CLI or by MkDocs.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from build_scripts import reuse as memo
from build_scripts.collector import collector_paused
from build_scripts.data.model import Briefing
from build_scripts.data.validation import load_briefing
from build_scripts.errors import DataError, Problem
from build_scripts.history.updates import atom_feed, data_updates
from build_scripts.render.chart_html import MARKER, render_chart
from build_scripts.render.chart_images import chart_svgs, image_name
from build_scripts.render.chart_spec import IMAGE_WIDTHS, THEMES, published
from build_scripts.render.charts import Chart, build_charts
from build_scripts.render.downloads import download_files
from build_scripts.render.markdown_copies import llms_txt, markdown_copies
from build_scripts.render.text import page_url, relative_path
from build_scripts.render.views import TIMELINE, build_view, change_target
from build_scripts.site.site_plan import plan_nav, plan_pages

DATA_ENV = "BRIEFING_DATA"
ROOT = Path(__file__).resolve().parent.parent
PLOTLY_JS = ROOT / "node_modules" / "plotly.js-basic-dist-min" / "plotly-basic.min.js"
PLOTLY_URL = "assets/vendor/plotly-basic.min.js"
CACHE_DIR = ROOT / ".cache" / "charts"


@dataclass
class BuildOutput:
    briefing: Briefing
    pages: dict[str, str]
    nav: list = field(default_factory=list)
    charts: dict[str, Chart] = field(default_factory=dict)
    svgs: dict[str, bytes] = field(default_factory=dict)
    assets: dict[str, bytes | str] = field(default_factory=dict)


def data_dir_from_env(root: Path) -> Path:
    """The data folder: $BRIEFING_DATA (absolute or relative to the project root), else data/."""
    return (root / os.environ.get(DATA_ENV, "data")).resolve()


def chart_json(chart: Chart) -> str:
    return json.dumps(published(chart), ensure_ascii=False, separators=(",", ":"), sort_keys=True)


_MEMO: dict[tuple, BuildOutput] = {}


@collector_paused
def generate(data_dir: Path, static_charts: bool = True, history: bool = True,
             site_url: str = "http://127.0.0.1:8000/", label: str | None = None, bundle: bool = True) -> BuildOutput:
    """Run the pipeline; the same data (same briefing objects) in the same process is not redone,
    so the `site` command and the MkDocs hook share one generation. history: read the git history
    of the data folder for the Updates page and feed. label: how problems name the data folder (the
    path as the editor gave it). bundle: publish the plotly.js bundle (`check` needs no npm install)."""
    briefing = load_briefing(data_dir, label=label or data_dir.name)
    key = (str(data_dir), static_charts, history, site_url, bundle)
    cached = _MEMO.get(key)
    if cached is not None and cached.briefing is briefing:
        return cached
    _MEMO.clear()
    memo.new_run()
    updates = data_updates(data_dir) if history else None
    _MEMO[key] = output = _generate(briefing, static_charts, updates, site_url, bundle)
    return output


def _generate(briefing: Briefing, static_charts: bool, updates, site_url: str, bundle: bool = True) -> BuildOutput:
    view = build_view(briefing)
    charts = build_charts(view)
    figures = {cid: chart_json(c) for cid, c in charts.items()}
    svgs = chart_svgs(charts, CACHE_DIR) if static_charts else {}
    assets: dict[str, bytes | str] = {f"assets/charts/{cid}.json": text for cid, text in figures.items()}
    assets.update({f"assets/charts/{name}.svg": svg for name, svg in svgs.items()})
    if bundle:
        assets[PLOTLY_URL] = plotly_bundle()
    assets.update(download_files(briefing, view))
    plan, nav = plan_pages(briefing, view, updates), plan_nav(briefing, view)
    pages = dict(plan)
    assets["feed.xml"] = atom_feed(briefing.info, site_url, updates or [], lambda c: change_url(view, c))
    assets.update(markdown_copies(plan.renderers))  # each page rendered again, as plain Markdown
    assets["llms.txt"] = llms_txt(briefing, nav, pages)
    return BuildOutput(briefing=briefing, pages=pages, nav=nav,
                       charts=charts, svgs=svgs, assets=assets)


class MissingTool(Exception):
    """A tool the site build needs is not installed (not a data problem: the message says what to run)."""


def plotly_bundle() -> bytes:
    """The plotly.js bundle the site serves itself; only the site build needs it, not `check`."""
    if not PLOTLY_JS.exists():
        raise MissingTool(f"plotly.js is not installed ({PLOTLY_JS} is missing): "
                          "run `make site` (it runs `npm ci`), or `npm ci` yourself")
    return PLOTLY_JS.read_bytes()


def change_url(view, change) -> str | None:
    """Where a change can be seen now, relative to the site root (None once it is gone)."""
    target = change_target(view, change)
    return f"{page_url(target[0])}#{target[1]}" if target else None


def place_charts(markdown: str, output: BuildOutput, address: str) -> str:
    """Replace each `<!-- chart: id -->` marker with the chart's HTML, linked relative to the page."""
    here = address.rstrip("/")  # the page's address (MkDocs directory URLs): 'timeline/', '' for the home page

    def replace(match) -> str:
        chart_id = match.group(1)
        if chart_id not in output.charts:
            known = ", ".join(sorted(output.charts))
            raise DataError([Problem(address or "index", 1, 1, "", f"unknown chart '{chart_id}'", f"known charts: {known}")])
        images = {palette: {size: relative_path(here, f"assets/charts/{image_name(chart_id, palette, size)}.svg")
                            for size in IMAGE_WIDTHS} for palette in THEMES} if chart_id in output.svgs else {}
        codebook = relative_path(here, page_url("methodology.md")) or "./"
        return render_chart(
            output.charts[chart_id],
            json_url=relative_path(here, f"assets/charts/{chart_id}.json"),
            images=images,
            timeline_url=relative_path(here, page_url(TIMELINE)) or "./",
        ) + f'<p class="chart__codes"><a href="{codebook}#codebook">How statuses, tones and themes are defined</a></p>\n'

    return MARKER.sub(replace, markdown)
