"""The search index made beside the build: the prose pages handed over as they are converted give the
same index bytes as the same pages read back from the built site, the index is being written as soon
as the last of them is in, an error of the job's reaches the build, and a job let go stops Pagefind."""
from __future__ import annotations

import gc
import time
from pathlib import Path

import pytest

from build_scripts.data.validation import load_briefing
from build_scripts.site.search_job import IndexJob, write_index

from .conftest import MINI

CONTENT = '<h1 id="t">{}</h1><p>{} words a reader searches.</p>'
# the frame the theme puts around a page's content: the review notice (overrides/main.html), here as it is
# when the briefing is past its review window, with words of its own that are not the page's
NOTICE = ('<div class="admonition warning currency-notice" role="note" aria-label="Review notice" '
          'data-reviewed="2026-01-01" data-window-days="30"><p class="admonition-title">Not reviewed recently</p>'
          '<p>An editor last checked this briefing for news on 1 January 2026.</p></div>')
PROSE = {"": "Briefing", "methodology/": "Methodology"}  # the home page and the methodology, by address


def built_site(folder: Path) -> Path:
    for url, title in PROSE.items():
        (folder / url).mkdir(parents=True, exist_ok=True)
        article = f'<article class="md-content__inner md-typeset">\n{NOTICE}\n{CONTENT.format(title, title)}</article>'
        (folder / url / "index.html").write_text(f"<html><body>{article}</body></html>")
    return folder


def index_bytes(site: Path) -> dict[str, bytes]:
    folder = site / "pagefind"
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_prose_pages_handed_over_while_converted_give_the_index_read_back_from_the_built_site(tmp_path):
    briefing = load_briefing(MINI)
    read_back = built_site(tmp_path / "read")
    write_index(read_back, briefing)
    handed = tmp_path / "handed"
    handed.mkdir()
    job = IndexJob(briefing)
    job.page_converted("timeline/", "<p>not prose</p>", "Timeline", handed)
    job.page_converted("", CONTENT.format("Briefing", "Briefing"), "Briefing", handed)
    assert not job.writing, "the methodology is not converted yet"
    job.page_converted("methodology/", CONTENT.format("Methodology", "Methodology"), "Methodology", handed)
    assert job.writing, "the index is written as soon as the last prose page is in, before the build ends"
    job.finish(handed)
    assert index_bytes(handed) == index_bytes(read_back)
    assert any(name.startswith("fragment/") for name in index_bytes(handed))


def test_a_prose_page_without_a_heading_is_indexed_under_its_title_as_the_theme_writes_it(tmp_path):
    briefing = load_briefing(MINI)
    read_back = tmp_path / "read"
    for url, title in PROSE.items():
        (read_back / url).mkdir(parents=True, exist_ok=True)
        article = f"{NOTICE}<h1>{title}</h1><p>{title} words.</p>"
        page = read_back / url / "index.html"
        page.write_text(f'<article class="md-content__inner md-typeset">{article}</article>\n')
    write_index(read_back, briefing)
    handed = tmp_path / "handed"
    handed.mkdir()
    job = IndexJob(briefing)
    for url, title in PROSE.items():
        job.page_converted(url, f"<p>{title} words.</p>", title, handed)
    job.finish(handed)
    assert index_bytes(handed) == index_bytes(read_back)


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
