"""The search index made beside the build: the prose pages handed over as they are built give the same
index bytes as the same pages read back from the built site, the index is being written as soon as
the last of them is in, an error of the job's reaches the build, and a job let go stops Pagefind."""
from __future__ import annotations

import gc
import time
from pathlib import Path

import pytest

from build_scripts.data.validation import load_briefing
from build_scripts.site.search_job import IndexJob, write_index

from .conftest import MINI

ARTICLE = '<article class="md-content__inner md-typeset"><h1 id="t">{}</h1><p>{} words a reader searches.</p></article>'
PROSE = {"": "Briefing", "methodology/": "Methodology"}  # the home page and the methodology, by address


def built_site(folder: Path) -> Path:
    for url, title in PROSE.items():
        (folder / url).mkdir(parents=True, exist_ok=True)
        (folder / url / "index.html").write_text(f"<html><body>{ARTICLE.format(title, title)}</body></html>")
    return folder


def index_bytes(site: Path) -> dict[str, bytes]:
    folder = site / "pagefind"
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_prose_pages_handed_over_while_built_give_the_index_read_back_from_the_built_site(tmp_path):
    briefing = load_briefing(MINI)
    read_back = built_site(tmp_path / "read")
    write_index(read_back, briefing)
    handed = built_site(tmp_path / "handed")
    job = IndexJob(briefing)
    job.page_built("timeline/", "<html>not prose</html>", handed)
    job.page_built("", (handed / "index.html").read_text(), handed)
    assert not job.writing, "the methodology is not built yet"
    job.page_built("methodology/", (handed / "methodology" / "index.html").read_text(), handed)
    assert job.writing, "the index is written as soon as the last prose page is in, before the build ends"
    job.finish(handed)
    assert index_bytes(handed) == index_bytes(read_back)
    assert any(name.startswith("fragment/") for name in index_bytes(handed))


def test_an_error_of_the_job_reaches_the_build_at_its_end(tmp_path):
    job = IndexJob(load_briefing(MINI))
    job.steps[0].result()
    job.indexing.service.process.kill()
    with pytest.raises(RuntimeError, match="Pagefind"):
        job.finish(built_site(tmp_path))


def test_a_job_let_go_before_its_end_stops_pagefind():
    job = IndexJob(load_briefing(MINI))
    job.steps[0].result()
    process = job.indexing.service.process
    assert process.poll() is None
    del job
    gc.collect()
    deadline = time.monotonic() + 10
    while process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is not None, "a failed build leaves no Pagefind service running"
