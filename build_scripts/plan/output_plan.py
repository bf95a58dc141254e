"""The output plan: every file a build emits, each claimed once and by name, before anything is written.

Pages (Markdown the site engine renders) and assets (files published as they are: chart data and
images, the plotly.js bundle, downloads, Markdown copies, the feed, llms.txt) share one namespace.
A second claim on a path is a bug to report, not to hide: merged dictionaries would let the last
one silently win. The MkDocs hook and the `build` command both iterate this one plan.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from build_scripts.data.model import Briefing
from build_scripts.render.chart_spec import Chart
from build_scripts.render.views import BriefingView

Content = str | bytes


class OutputConflict(Exception):
    """Two parts of the build claimed the same output path."""


class OutputPlan(Mapping[str, Content]):
    """path -> content of every file of a build; each path names the part of the build that claimed it
    (a short claimant name: 'page: timeline', 'download', 'chart image')."""

    def __init__(self) -> None:
        self._claimants: dict[str, str] = {}
        self._pages: dict[str, str] = {}
        self._assets: dict[str, Content] = {}

    def add_page(self, path: str, content: str, claimant: str) -> None:
        """A Markdown page the site engine renders into HTML."""
        self._claim(path, claimant)
        self._pages[path] = content

    def add_asset(self, path: str, content: Content, claimant: str) -> None:
        """A file published as it is (a `.md` asset is a plain Markdown copy, not a page)."""
        self._claim(path, claimant)
        self._assets[path] = content

    def add_assets(self, files: Mapping[str, Content], claimant: str) -> None:
        for path, content in files.items():
            self.add_asset(path, content, claimant)

    def _claim(self, path: str, claimant: str) -> None:
        first = self._claimants.get(path)
        if first is not None:
            raise OutputConflict(f"{path} is claimed twice: by {first} and by {claimant}")
        self._claimants[path] = claimant

    def claimant(self, path: str) -> str:
        return self._claimants[path]

    def is_page(self, path: str) -> bool:
        return path in self._pages

    @property
    def pages(self) -> Mapping[str, str]:
        """The pages alone (a read-only view)."""
        return MappingProxyType(self._pages)

    @property
    def assets(self) -> Mapping[str, Content]:
        """The assets alone (a read-only view)."""
        return MappingProxyType(self._assets)

    def __getitem__(self, path: str) -> Content:
        return self._pages[path] if path in self._pages else self._assets[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._claimants)

    def __len__(self) -> int:
        return len(self._claimants)

    def __contains__(self, path: object) -> bool:
        return path in self._claimants


@dataclass
class BuildOutput:
    """What a build made: the plan of every file, the menu, the charts and their images, and what each
    page describes (for the structured data)."""

    briefing: Briefing
    plan: OutputPlan  # every file the build emits, pages and assets, each claimed once
    nav: list = field(default_factory=list)
    charts: dict[str, Chart] = field(default_factory=dict)
    svgs: dict[str, bytes] = field(default_factory=dict)
    described: dict[str, tuple[str, object]] = field(default_factory=dict)  # page -> (schema.org type, subject)
    view: BriefingView | None = None  # the view the pages were rendered from (the search index reads it too)

    @property
    def pages(self) -> Mapping[str, str]:
        """The generated Markdown pages (a read-only view of the plan)."""
        return self.plan.pages

    @property
    def assets(self) -> Mapping[str, bytes | str]:
        """The files published as they are (a read-only view of the plan)."""
        return self.plan.assets
