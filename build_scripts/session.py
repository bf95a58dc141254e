"""One build session: what to build (config.BuildConfig) and what this process may reuse
(caches.SessionCaches).

A session is made once per process (the CLI command, the MkDocs hook of `mkdocs serve`, the
benchmark) and handed to the stages explicitly; nothing is kept at module level. Regenerating
with the same session reuses what is unchanged: files with the same bytes, items with the same
text, pages whose reads are unchanged, as long as the templates and code are those that made them
(reuse.code_fingerprint).
"""
from __future__ import annotations

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
        """Run the pipeline (pipeline.generate_output); what is unchanged since the last run is reused."""
        return generate_output(self.config, self.caches)


def generate(data_dir: Path, **options: Any) -> BuildOutput:
    """A one-off build in a fresh session (tests, scripts): generate(data_dir, static_charts=False, …)."""
    return BuildSession(BuildConfig(data_dir=data_dir, **options)).generate()
