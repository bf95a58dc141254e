"""Where each published file that is not a page lives under the site root: each path written once, here
(pages' paths: render/page_paths.py). Python, the templates (`assets.…`) and the tests name them from here.
"""
from __future__ import annotations

BRIEFING_JSON = "downloads/briefing.json"  # the validated briefing, in the shape of the data files
BRIEFING_SCHEMA = "downloads/briefing.schema.json"
EVENTS_CSV = "downloads/events.csv"
PROVENANCE_JSON = "downloads/provenance.json"
FEED = "feed.xml"  # the Atom feed of updates
LLMS_TXT = "llms.txt"
PLOTLY_BUNDLE = "assets/vendor/plotly-basic.min.js"
CHARTS_DIR = "assets/charts"
PASSAGES_DIR = "assets/passages"
COPIES_DIR = "markdown"  # the pages' plain-Markdown copies


def chart_data(chart_id: str) -> str:
    """A chart's figure JSON: 'assets/charts/money.json'."""
    return f"{CHARTS_DIR}/{chart_id}.json"


def chart_image(image_name: str) -> str:
    """A chart's static image (render/chart_images.image_name): 'assets/charts/money.dark.svg'."""
    return f"{CHARTS_DIR}/{image_name}.svg"
