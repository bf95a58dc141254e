"""The pipeline, independent of the site engine: data folder -> validated model -> files.

    1. load + validate   session.report             (every problem at once, or nothing)
    2. pages             site_plan.plan_flavours     (pure Markdown strings, one per page_registry entry)
    3. charts            chart_table.build_charts    (figure JSON, summaries, tables; one table entry per chart)
    4. static images     chart_images.image_figures, drawn by effects/chart_drawing (Chromium, cached; optional)
    5. assets            chart JSON, SVGs and the plotly.js bundle served by the site
Writing happens elsewhere (writing.py), driven by the CLI or by MkDocs.
"""
from __future__ import annotations

import json
from pathlib import Path
from types import MappingProxyType

from build_scripts import asset_paths as assets
from build_scripts.caches import SessionCaches
from build_scripts.collector import collector_paused
from build_scripts.config import BuildConfig
from build_scripts.data.model import Briefing
from build_scripts.data.validation import Report, load_report
from build_scripts.effects.cache_folders import CHART_IMAGES
from build_scripts.effects.chart_drawing import draw_svgs
from build_scripts.errors import DataError, Problem
from build_scripts.history.corrections import corrections_before
from build_scripts.history.feed import atom_feed
from build_scripts.history.update_days import by_day
from build_scripts.history.updates import data_updates, history_head
from build_scripts.plan.output_plan import BuildOutput, OutputPlan
from build_scripts.plan.site_plan import plan_flavours, plan_nav, planned_pages
from build_scripts.render.chart_html import MARKER, render_chart
from build_scripts.render.chart_images import image_figures, image_name
from build_scripts.render.chart_spec import THEMES, Chart, published
from build_scripts.render.chart_table import build_charts, chart_kind
from build_scripts.render.citations import event_passages
from build_scripts.render.downloads import download_files
from build_scripts.render.markdown_copies import llms_txt, markdown_copies
from build_scripts.render.page_context import Flavour
from build_scripts.render.page_paths import METHODOLOGY, TIMELINE
from build_scripts.render.text import page_url, relative_path
from build_scripts.render.views import Editing, build_view, change_target
from build_scripts.reuse import code_fingerprint

ROOT = Path(__file__).resolve().parent.parent
PLOTLY_JS = ROOT / "node_modules" / "plotly.js-basic-dist-min" / "plotly-basic.min.js"


def chart_json(chart: Chart) -> str:
    return json.dumps(published(chart), ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def load(config: BuildConfig, caches: SessionCaches) -> Report:
    """The validated briefing with its warnings and drafts (raises DataError with every problem); the
    caches are forgotten first when the code or templates are not those that filled them."""
    caches.check_code(code_fingerprint())
    return load_report(config.data_dir, config.name, config.build_date, cache=caches.loading)


@collector_paused
def generate_output(config: BuildConfig, caches: SessionCaches) -> BuildOutput:
    """Run the pipeline for a session; when nothing it reads changed since the session's last run (the
    data: the very same briefing object; the configuration, the code and the data's latest commit for the
    Updates page), that output is handed back, so the `site` command and the MkDocs hook share one
    generation."""
    report = load(config, caches)
    briefing = report.briefing
    head = history_head(config.data_dir) if config.history else None
    key = (config, caches.fingerprint, head)
    if caches.output is not None and caches.output[0] == key and caches.output[1].briefing is briefing:
        return caches.output[1]
    caches.output = None
    caches.new_run()
    updates = data_updates(config.data_dir) if config.history else None
    editing = Editing(earlier=MappingProxyType(corrections_before(config.data_dir, briefing) if config.history else {}),
                      places=MappingProxyType(report.places if briefing.info.repository else {}),
                      site_url=config.site_url)
    output = _generate(briefing, config, updates, editing, caches)
    caches.output = (key, output)
    return output


def _generate(briefing: Briefing, config: BuildConfig, updates, editing: Editing, caches: SessionCaches) -> BuildOutput:
    view = build_view(briefing, editing)
    site_url = editing.site_url
    charts = build_charts(view)
    figures = {cid: chart_json(c) for cid, c in charts.items()}
    images = {} if config.charts_turned_off else image_figures(charts)  # turned off: draw_svgs only says so
    svgs = draw_svgs(images, CHART_IMAGES, caches.chart_notes, config.charts_turned_off) if config.static_charts else {}
    plan = OutputPlan()  # every file, claimed once: a second claim on a path raises
    plan.add_assets({assets.chart_data(cid): text for cid, text in figures.items()}, "chart data")
    plan.add_assets({assets.chart_image(name): svg for name, svg in svgs.items()}, "chart image")
    if config.bundle:
        plan.add_asset(assets.PLOTLY_BUNDLE, plotly_bundle(), "plotly.js bundle")
    plan.add_assets(download_files(briefing, view, caches.downloads), "download")
    plan.add_assets(event_passages(view), "passages")
    planned = planned_pages(view)
    texts = plan_flavours(view, updates, planned, (Flavour.SITE, Flavour.COPY), cache=caches.pages)
    for page in planned:
        plan.add_page(page.path, texts[Flavour.SITE][page.path], f"page: {page.kind.name}")
    nav = plan_nav(view, planned)
    days = by_day(updates or [])
    plan.add_asset(assets.FEED, atom_feed(briefing.info, site_url, days, lambda c: change_url(view, c)), "feed")
    plan.add_assets(markdown_copies(texts[Flavour.COPY]), "markdown copy")
    plan.add_asset(assets.LLMS_TXT, llms_txt(briefing, nav, plan.pages), "llms.txt")
    described = {page.path: (page.kind.schema_type, page.subject) for page in planned}
    return BuildOutput(briefing=briefing, plan=plan, nav=nav, charts=charts, svgs=svgs, described=described,
                       view=view)


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
    return f"{page_url(target[0])}" + (f"#{target[1]}" if target[1] else "") if target else None


def place_charts(markdown: str, output: BuildOutput, address: str) -> str:
    """Replace each `<!-- chart: id -->` marker with the chart's HTML, linked relative to the page."""
    here = address.rstrip("/")  # the page's address (MkDocs directory URLs): 'timeline/', '' for the home page

    def replace(match) -> str:
        chart_id = match.group(1)
        if chart_id not in output.charts:
            known = ", ".join(sorted(output.charts))
            raise DataError([Problem(address or "index", 1, 1, "", f"unknown chart '{chart_id}'",
                                     f"known charts: {known}")])
        sizes = chart_kind(chart_id).sizes
        images = {palette: {size: relative_path(here, assets.chart_image(image_name(chart_id, palette, size)))
                            for size in sizes} for palette in THEMES} if chart_id in output.svgs else {}
        codebook = relative_path(here, page_url(METHODOLOGY)) or "./"
        return render_chart(
            output.charts[chart_id],
            json_url=relative_path(here, assets.chart_data(chart_id)),
            images=images,
            timeline_url=relative_path(here, page_url(TIMELINE)) or "./",
        ) + (f'<p class="chart__codes"><a href="{codebook}#codebook">'
             'How statuses, tones and themes are defined</a></p>\n')

    return MARKER.sub(replace, markdown)
