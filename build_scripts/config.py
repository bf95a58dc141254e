"""What to build (`BuildConfig`), with every environment variable the build reads, read here once.

The build's variables: BRIEFING_DATA (the data folder), SOURCE_DATE_EPOCH (the build date: the same
commit builds the same bytes) and BRIEFING_STATIC_CHARTS (0 turns the charts' static images off). Stages
never read the environment: they are handed these values. The commands beside the build read theirs here
too: the network commands' contact and Internet Archive keys, the tools' Chromium and benchmark sizes.
No other module touches os.environ (tests/test_project_layout.py).
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

DATA_ENV = "BRIEFING_DATA"
EPOCH_ENV = "SOURCE_DATE_EPOCH"
STATIC_CHARTS_ENV = "BRIEFING_STATIC_CHARTS"
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"
CHROMIUM_ENV = "CHROMIUM_PATH"
CONTACT_ENV, REPOSITORY_ENV = "LINK_CHECK_CONTACT", "GITHUB_REPOSITORY"
ARCHIVE_BASE_ENV, ARCHIVE_ACCESS_ENV, ARCHIVE_SECRET_ENV = "WAYBACK_BASE_URL", "IA_ACCESS_KEY", "IA_SECRET_KEY"
BENCH_SIZES_ENV, BENCH_EVENTS_ENV = "BENCH_SIZES", "BENCH_EVENTS"


def build_date_from_env() -> date:
    """The build date: SOURCE_DATE_EPOCH when set (the same commit builds the same bytes), else today."""
    return date_of_epoch(os.environ.get(EPOCH_ENV))


def date_of_epoch(epoch: str | None) -> date:
    """The day (UTC) of a SOURCE_DATE_EPOCH value; today when there is none."""
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return datetime.now(tz=timezone.utc).date()


def epoch_for_engine(default: str) -> str:
    """SOURCE_DATE_EPOCH, set to `default` (the commit's time) when absent: the engine dates the sitemap
    from the environment itself, so the value is left there for it."""
    return os.environ.setdefault(EPOCH_ENV, default)


def use_environment(values: dict[str, str]) -> None:
    """Set build variables for this process (the benchmark's worker builds as `make site` would)."""
    os.environ.update(values)


def chromium_path() -> str:
    """The Chromium the tools drive: $CHROMIUM_PATH, else Debian's."""
    return os.environ.get(CHROMIUM_ENV, "/usr/bin/chromium")


def child_environment(extra: dict[str, str]) -> dict[str, str]:
    """This process's environment with `extra` added, for a program the tools start."""
    return {**os.environ, **extra}


def link_check_contact() -> str:
    """Who the link check names in its User-Agent: $LINK_CHECK_CONTACT, else the GitHub repository CI runs
    in, else nobody."""
    repository = os.environ.get(REPOSITORY_ENV)
    return os.environ.get(CONTACT_ENV) or (f"https://github.com/{repository}" if repository else "")


def archive_settings_from_env() -> tuple[str | None, str | None, str | None]:
    """The Internet Archive's keys and an optional other Wayback base: (access, secret, base)."""
    return os.environ.get(ARCHIVE_ACCESS_ENV), os.environ.get(ARCHIVE_SECRET_ENV), os.environ.get(ARCHIVE_BASE_ENV)


def bench_sizes(default: Iterable[int]) -> list[int]:
    """The benchmark's sizes in events: $BENCH_SIZES (comma-separated), else `default`."""
    return [int(s) for s in os.environ.get(BENCH_SIZES_ENV, ",".join(map(str, default))).split(",")]


def bench_events(default: int) -> int:
    """The search benchmark's size in events: $BENCH_EVENTS, else `default`."""
    return int(os.environ.get(BENCH_EVENTS_ENV, str(default)))


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
