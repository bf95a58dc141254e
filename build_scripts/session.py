"""One build session: what to build (the configuration) and what this process may reuse.

A session is made once per process (the CLI command, the MkDocs hook of `mkdocs serve`, the
benchmark) and handed to the stages explicitly; nothing is kept at module level. Regenerating
with the same session reuses what is unchanged: files with the same bytes, items with the same
text, pages whose inputs are the very same objects, as long as the templates and code are those
that made them (reuse.code_fingerprint).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from build_scripts.data.trust import build_date_from_env
from build_scripts.data.validation import LoadCache, Report, load_report
from build_scripts.logs import site_log
from build_scripts.plan.site_plan import PageCache
from build_scripts.render.downloads import DownloadCache
from build_scripts.reuse import code_fingerprint
from build_scripts.site.writing import Written

if TYPE_CHECKING:  # the pipeline imports this module
    from build_scripts.pipeline import BuildOutput

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"
SESSION_KEY = "briefing_session"  # where the `site` command hands its session to the MkDocs hook (MkDocs's config)


@dataclass(frozen=True)
class BuildConfig:
    """What to build. label: how problems name the data folder (the path as the editor gave it).
    history: read the data folder's git history for the Updates page and feed. bundle: publish the
    plotly.js bundle (`check` needs no npm install). build_date: the day the review is judged against."""

    data_dir: Path
    label: str = ""
    site_url: str = DEFAULT_SITE_URL
    static_charts: bool = True
    history: bool = True
    bundle: bool = True
    build_date: date = field(default_factory=build_date_from_env)

    @property
    def name(self) -> str:
        return self.label or self.data_dir.name


@dataclass
class SessionCaches:
    """What a process may reuse from its previous regeneration: one cache per stage that reuses work,
    and the fingerprint of the code and templates that filled them."""

    fingerprint: str = ""
    loading: LoadCache = field(default_factory=LoadCache)
    pages: PageCache = field(default_factory=PageCache)
    downloads: DownloadCache = field(default_factory=DownloadCache)
    chart_notes: set[str] = field(default_factory=set)  # notes given once per process (chart_images.chart_svgs)
    written: Written = field(default_factory=dict)  # path -> content, size, mtime (writing.write_tree)
    output: tuple[tuple, BuildOutput] | None = None  # (inputs, build output)

    def new_run(self) -> None:
        """A regeneration begins: what the last one did not use is forgotten after this one."""
        self.downloads.new_run()

    def check_code(self, fingerprint: str) -> None:
        """Forget everything when the templates or the pipeline's code are not what made it. Python does
        not load changed code into a running process, so a code change is also said (`make serve` must
        be restarted to run it); a template change simply shows."""
        if fingerprint == self.fingerprint:
            return
        if self.fingerprint and fingerprint.partition(":")[0] != self.fingerprint.partition(":")[0]:
            site_log().warning("The pipeline's Python code changed while this process ran; the old code is still "
                               "running: restart `make serve` to use the new code")
        self.__dict__.update(SessionCaches(fingerprint=fingerprint).__dict__)


@dataclass
class BuildSession:
    config: BuildConfig
    caches: SessionCaches = field(default_factory=SessionCaches)

    def report(self) -> Report:
        """The validated briefing with its warnings and drafts (raises DataError with every problem)."""
        self.caches.check_code(code_fingerprint())
        return load_report(self.config.data_dir, self.config.name, self.config.build_date, cache=self.caches.loading)

    def generate(self) -> BuildOutput:
        """Run the pipeline (pipeline.generate_output); what is unchanged since the last run is reused."""
        from build_scripts.pipeline import generate_output

        return generate_output(self)


def generate(data_dir: Path, **options: Any) -> BuildOutput:
    """A one-off build in a fresh session (tests, scripts): generate(data_dir, static_charts=False, …)."""
    return BuildSession(BuildConfig(data_dir=data_dir, **options)).generate()
