"""The pipeline, independent of the site engine: data folder -> validated model -> files.

    load + validate   (validation.load_briefing: all problems at once)
    build pages       (site_plan.plan_pages: pure Markdown strings)
    build charts      (charts: figure JSON, tables, summaries)
Writing happens elsewhere (writing.py), driven by the CLI or by MkDocs.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .model import Briefing
from .site_plan import plan_nav, plan_pages
from .validation import load_briefing

DATA_ENV = "BRIEFING_DATA"


@dataclass
class BuildOutput:
    briefing: Briefing
    pages: dict[str, str]
    nav: list = field(default_factory=list)
    assets: dict[str, bytes | str] = field(default_factory=dict)
    charts: dict = field(default_factory=dict)


def data_dir_from_env(root: Path) -> Path:
    """The data folder: $BRIEFING_DATA (absolute or relative to the project root), else data/."""
    return (root / os.environ.get(DATA_ENV, "data")).resolve()


def generate(data_dir: Path) -> BuildOutput:
    briefing = load_briefing(data_dir, label=data_dir.name)
    return BuildOutput(briefing=briefing, pages=dict(plan_pages(briefing)), nav=plan_nav(briefing))


def place_charts(markdown: str, output: BuildOutput, page: str) -> str:
    """Replace `<!-- chart: name -->` markers with the chart's HTML (charts stage fills this in)."""
    return markdown
