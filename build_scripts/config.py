"""What to build (`BuildConfig`), with every environment variable the build reads, read here once.

The variables: BRIEFING_DATA (the data folder), SOURCE_DATE_EPOCH (the build date: the same commit
builds the same bytes) and BRIEFING_STATIC_CHARTS (0 turns the charts' static images off). Stages
never read the environment: they are handed these values.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

DATA_ENV = "BRIEFING_DATA"
EPOCH_ENV = "SOURCE_DATE_EPOCH"
STATIC_CHARTS_ENV = "BRIEFING_STATIC_CHARTS"
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


def build_date_from_env() -> date:
    """The build date: SOURCE_DATE_EPOCH when set (the same commit builds the same bytes), else today."""
    return date_of_epoch(os.environ.get(EPOCH_ENV))


def date_of_epoch(epoch: str | None) -> date:
    """The day (UTC) of a SOURCE_DATE_EPOCH value; today when there is none."""
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return datetime.now(tz=timezone.utc).date()


def data_dir_from_env(root: Path) -> Path:
    """The data folder: $BRIEFING_DATA (absolute or relative to the project root), else data/."""
    return (root / os.environ.get(DATA_ENV, "data")).resolve()


def charts_turned_off_in_env() -> bool:
    """BRIEFING_STATIC_CHARTS=0: no static chart images, not even cached ones."""
    return os.environ.get(STATIC_CHARTS_ENV, "1") == "0"


@dataclass(frozen=True)
class BuildConfig:
    """What to build. label: how problems name the data folder (the path as the editor gave it).
    history: read the data folder's git history for the Updates page and feed. bundle: publish the
    plotly.js bundle (`check` needs no npm install). build_date: the day the review is judged against.
    static_charts: draw the charts' static images when they can be (False: not asked for);
    charts_turned_off: the environment turned them off (BRIEFING_STATIC_CHARTS=0), which is said."""

    data_dir: Path
    label: str = ""
    site_url: str = DEFAULT_SITE_URL
    static_charts: bool = True
    history: bool = True
    bundle: bool = True
    build_date: date = field(default_factory=build_date_from_env)
    charts_turned_off: bool = field(default_factory=charts_turned_off_in_env)

    @property
    def name(self) -> str:
        return self.label or self.data_dir.name
