"""The search index, made beside the site's build (search_index.py says what is in it).

The facts are handed to Pagefind as soon as the build starts, from the model: Pagefind indexes them
in its own process, on the other core, while MkDocs renders the pages. The prose pages are handed over
as soon as each is converted from its Markdown (the hook converts them first), and the index is then
written into the site being built, beside the rest of the build; the hook's last step waits for it.
"""
from __future__ import annotations

import logging
import shutil
import time
import weakref
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Sequence

from build_scripts.data.model import Briefing
from build_scripts.render.views import BriefingView
from build_scripts.site.search_index import OUTPUT, UNUSED, Record, records
from build_scripts.site.search_prose import Setting, content_article, prose_html, prose_pages, prose_targets
from build_scripts.site.search_service import Indexing
from build_scripts.site.search_shards import PRIMARY, shards
from build_scripts.site.search_stable import stabilise


class IndexJob:
    """The index, made while the site is built: the facts go to Pagefind as soon as the job starts (in a
    thread of its own; Pagefind indexes them in its own process, on the other core, while the pages are
    rendered), the prose pages as each is converted (page_converted), and the index is written once the
    last of them is in, still beside the build; finish waits for it. One worker runs these steps in order, so
    the records reach Pagefind in one fixed order and the same data gives the same index bytes."""

    def __init__(self, briefing: Briefing, hand_written: Sequence[tuple[str, Setting]] = (),
                 view: BriefingView | None = None) -> None:
        """hand_written: the hand-written pages in docs/ and their search settings (search_prose.hand_written);
        view: the briefing's view, when the build has it already (else the job builds it)."""
        self.started = time.perf_counter()
        self.hand_written, self.targets = hand_written, prose_targets(hand_written)
        self.waiting = {url for url, _ in self.targets}  # the prose pages not built yet
        self.articles: dict[str, str] = {}
        self.facts: list[Record] = []
        self.indexing = Indexing()
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-index")
        self.steps = [self.worker.submit(self._add_facts, briefing, view)]
        self.writing = False
        # a build that fails before finish leaves no service running once its job is let go
        weakref.finalize(self, self.indexing.stop)

    def _add_facts(self, briefing: Briefing, view: BriefingView | None) -> None:
        self.facts = records(briefing, view)
        shard_of = shards(self.facts)
        split = len(set(shard_of)) > 1
        self.indexing.add([("/" + r.url, r.html(shard, split)) for r, shard in zip(self.facts, shard_of)])

    def page_converted(self, url: str, content: str, title: str, site_dir: Path) -> None:
        """A page's Markdown is converted (url from the site's root: 'methodology/'; content: its HTML, title:
        its title): if it is a prose page, it is indexed; after the last of them the index is written into
        site_dir, while the rest of the site is built."""
        if self.writing or url not in self.waiting:
            return
        self.waiting.discard(url)
        self.articles[url] = content_article(content, title)
        if not self.waiting:
            self._write(site_dir)

    def _write(self, site_dir: Path) -> None:
        prose = [(url, self.articles[url], boost) for url, boost in self.targets if url in self.articles]
        self.writing = True
        self.steps.append(self.worker.submit(self._add_prose_and_write, prose, site_dir))

    def _add_prose_and_write(self, prose: list[tuple[str, str, float]], site_dir: Path) -> None:
        shard_of = shards(self.facts, len(prose))
        split = len(set(shard_of)) > 1
        self.indexing.add([("/" + url, prose_html(article, boost, shard, split))
                           for (url, article, boost), shard in zip(prose, shard_of[len(self.facts):])])
        target = site_dir / OUTPUT
        shutil.rmtree(target, ignore_errors=True)
        # every shard runs on the primary shard's WebAssembly (the same English one)
        copies = tuple(f"wasm.{shard}.pagefind" for shard in sorted(set(shard_of) - {PRIMARY}))
        self.indexing.write(target, skip=UNUSED + copies)
        stabilise(target)  # the same data, the same bytes
        # `make bench` reads this line for the index's build time
        logging.getLogger("mkdocs.briefing.search").info(
            "search index: %d facts (%d shards) in %.3f s", len(self.facts), len(set(shard_of)),
            time.perf_counter() - self.started)

    def finish(self, site_dir: Path) -> None:
        """Wait for the index to be written into site_dir (writing it now, from the built pages, if the
        build did not hand over every prose page); an error of the job's is raised here."""
        try:
            if not self.writing:  # not every prose page was handed over: read them from the built site
                for url, article, _ in prose_pages(site_dir, self.hand_written):
                    self.articles.setdefault(url, article)
                self._write(site_dir)
            for step in self.steps:
                step.result()
        finally:
            self.worker.shutdown(wait=False, cancel_futures=True)
            self.indexing.stop()


def write_index(site_dir: Path, briefing: Briefing, hand_written: Sequence[tuple[str, Setting]] = ()) -> None:
    """Write the index of an already built site into its pagefind/ folder, its prose read from the built pages."""
    IndexJob(briefing, hand_written).finish(site_dir)
