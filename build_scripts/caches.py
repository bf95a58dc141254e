"""What one process may reuse from its previous regeneration (`mkdocs serve`, the benchmark): one cache
per stage that reuses work, each of that stage's own type, held together by the build session.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from build_scripts.data.validation import LoadCache
from build_scripts.effects.writing import Written
from build_scripts.logs import site_log
from build_scripts.plan.output_plan import BuildOutput
from build_scripts.plan.site_plan import PageCache
from build_scripts.render.downloads import DownloadCache


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
