"""One build session: what to build (config.BuildConfig) and what this process may reuse
(caches.SessionCaches).

A session is made once per process (the CLI command, the MkDocs hook of `mkdocs serve`, the
benchmark) and handed to the stages explicitly; nothing is kept at module level. Regenerating
with the same session reuses what is unchanged: files with the same bytes, items with the same
text, pages whose reads are unchanged, as long as the templates and code are those that made them
(reuse.code_fingerprint).
"""
from __future__ import annotations

import gc
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from build_scripts.caches import SessionCaches
from build_scripts.config import BuildConfig
from build_scripts.data.validation import Report
from build_scripts.pipeline import generate_output, load
from build_scripts.plan.output_plan import BuildOutput

SESSION_KEY = "briefing_session"  # where the `site` command hands its session to the MkDocs hook (MkDocs's config)


@dataclass
class BuildSession:
    config: BuildConfig
    caches: SessionCaches = field(default_factory=SessionCaches)

    def report(self) -> Report:
        """The validated briefing with its warnings and drafts (raises DataError with every problem)."""
        return load(self.config, self.caches)

    def generate(self) -> BuildOutput:
        """Run the pipeline (pipeline.generate_output); what is unchanged since the last run is reused.

        What a run made (the model, the view, every page's text and reads: millions of objects at
        10,000 events) lives on in the caches and the output, and Python's cycle collector would walk
        all of it again each time the site engine, or the next run, allocates enough: so it is frozen,
        left out of those walks (README, "Scale" gives what it saves). The next run thaws it first, so
        that what it lets go is collected, and a long `mkdocs serve` does not keep every run's garbage."""
        gc.unfreeze()
        output = generate_output(self.config, self.caches)
        gc.freeze()
        return output


def generate(data_dir: Path, **options: Any) -> BuildOutput:
    """A one-off build in a fresh session (tests, scripts): generate(data_dir, static_charts=False, …)."""
    return BuildSession(BuildConfig(data_dir=data_dir, **options)).generate()
