"""`make bench`: how the build grows with the data, from 10 to 10,000 events.

For each size a synthetic briefing (fixed seed, build_scripts/tools/synthetic.py) is built in a fresh
process, measuring: load + validate, page and chart generation, the MkDocs build, the total, peak
memory, pages, site size, average HTML per page and the search index (its size on disk and build
time). Then one event is changed and the Markdown regenerated into a folder, counting rewritten files
and seconds. From 1,000 events on, the reader's side of search is measured in Chromium against a local
server (build_scripts/tools/search_bench.py): ms and bytes from typing a query to its first results,
for three queries of different breadth and one with a facet chosen.
Prints a table and writes bench-results/bench.json. Static chart images are off (they are cached
by content, so they cost nothing once drawn); set BENCH_SIZES=10,1000 to run fewer sizes.
"""
from __future__ import annotations

import json
import logging
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

from build_scripts.config import DATA_ENV, EPOCH_ENV, STATIC_CHARTS_ENV, bench_sizes, use_environment
from build_scripts.logs import progress

if TYPE_CHECKING:  # imported by the worker process only, when it starts measuring
    from build_scripts.pipeline import BuildOutput
    from build_scripts.session import BuildSession

ROOT = Path(__file__).resolve().parents[2]
SIZES = MappingProxyType({10: 10, 1000: 100, 10000: 1000})
OUT = ROOT / "bench-results" / "bench.json"


def _site_figures(site: Path) -> dict:
    from build_scripts.tools.search_bench import on_disk

    html = [p for p in site.rglob("*.html")]
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return {"pages": len(html), "site_bytes": total,
            "avg_html_bytes": round(sum(p.stat().st_size for p in html) / len(html)), **on_disk(site)}


class _IndexTime(logging.Handler):
    """Catches the hook's 'search index: N facts in S s' line."""

    seconds = 0.0

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().startswith("search index:"):
            self.seconds = float(record.getMessage().rsplit(" in ", 1)[1].split()[0])


def worker(data_dir: Path, site_dir: Path, events: int) -> dict:
    """One size, measured in this (fresh) process."""
    use_environment({DATA_ENV: str(data_dir), STATIC_CHARTS_ENV: "0", EPOCH_ENV: "1700000000"})
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from build_scripts.config import BuildConfig
    from build_scripts.session import SESSION_KEY, BuildSession

    # The configuration the MkDocs hook builds with, so the hook reuses this generation as in `make site`
    # (with another configuration the hook would generate a second time, which `make site` never does).
    site_url = load_config(str(ROOT / "mkdocs.yml")).site_url or ""
    session = BuildSession(BuildConfig(data_dir=data_dir, site_url=site_url))
    started = time.perf_counter()
    session.report()
    loaded = time.perf_counter()
    output = session.generate()
    generated = time.perf_counter()
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    config[SESSION_KEY] = session  # as the `site` command does
    index_time = _IndexTime()
    logging.getLogger("mkdocs.briefing.search").addHandler(index_time)
    logging.getLogger("mkdocs.briefing.search").setLevel(logging.INFO)
    mkdocs_build(config)
    built = time.perf_counter()
    figures = {
        "events": events,
        "load_validate_s": round(loaded - started, 3),
        "generate_s": round(generated - loaded, 3),
        "mkdocs_build_s": round(built - generated, 3),
        "total_s": round(built - started, 3),
        "search_index_build_s": round(index_time.seconds, 3),
        **_site_figures(site_dir),
    }
    figures["search_index_bytes_per_event"] = round(figures["search_index_bytes"] / events)
    figures.update(_one_event_changed(session, output, data_dir, site_dir.parent / "generated"))
    figures["peak_memory_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    figures.update(_reader_search(site_dir) if events >= 1000 else {})
    return figures


def _reader_search(site_dir: Path) -> dict:
    """The reader's side: first results in Chromium (build_scripts/tools/search_bench.py)."""
    from build_scripts.tools.search_bench import first_results, summary

    return summary(first_results(site_dir))


def _one_event_changed(session: BuildSession, output: BuildOutput, data_dir: Path, out: Path) -> dict:
    """Incremental: write the Markdown, change one event, regenerate and rewrite."""
    from build_scripts.effects.writing import write_tree

    write_tree(output.plan, out, session.caches.written)
    target = next(iter(sorted(data_dir.glob("events*.yaml")) or sorted(data_dir.glob("*.yaml"))))
    text = target.read_text()
    target.write_text(text.replace("summary: ", "summary: Changed. ", 1))
    again = time.perf_counter()
    report = write_tree(session.generate().plan, out, session.caches.written)
    return {"one_event_changed_rewritten_files": len(report.written),
            "one_event_changed_regenerate_s": round(time.perf_counter() - again, 3)}


def run_size(events: int, entities: int, scratch: Path) -> dict:
    from build_scripts.tools.synthetic import write_synthetic

    data = scratch / f"data-{events}"
    write_synthetic(data, events, entities)
    result = subprocess.run([sys.executable, "-m", "build_scripts.tools.bench", "--worker", str(data),
                             str(scratch / f"site-{events}" / "site"), str(events)],
                            cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    figures: dict = json.loads(result.stdout.strip().splitlines()[-1])
    figures["entities"] = entities
    return figures


def main() -> int:
    sizes = bench_sizes(SIZES)
    scratch = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    rows = []
    try:
        with progress(len(sizes), "Benchmark sizes") as shown:
            for events in sizes:
                rows.append(run_size(events, SIZES.get(events, max(1, events // 10)), scratch))
                shown.write(json.dumps(rows[-1]), file=sys.stderr)
                shown.advance()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    columns = ["events", "entities", "load_validate_s", "generate_s", "mkdocs_build_s", "total_s", "peak_memory_mb",
               "pages", "site_bytes", "avg_html_bytes", "search_index_bytes", "search_index_bytes_per_event",
               "search_index_build_s", "search_first_results_ms_median", "search_first_results_bytes_median",
               "search_typed_ms_median",
               "one_event_changed_rewritten_files", "one_event_changed_regenerate_s"]
    print(" | ".join(columns))
    for row in rows:
        print(" | ".join(str(row.get(c, "")) for c in columns))
        for query in row.get("search_queries", []):
            print(f"  search {query['query']:<14} {query['text']!r:<26} {query['facet']:<17} cold "
                  f"{query['cold_ms']:>5} ms {query['cold_bytes'] / 1024:>6.1f} KB, typed {query['typed_ms']:>5} ms "
                  f"{query['typed_bytes'] / 1024:>6.1f} KB  {query['results']}")
    if len(rows) > 1:
        big, mid = rows[-1], rows[-2]
        print(f"average HTML per page, largest vs the one before: {big['avg_html_bytes'] / mid['avg_html_bytes']:.2f}x")
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(rows, indent=2) + "\n")
    print(f"written to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--worker"]:
        print(json.dumps(worker(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))))
    else:
        sys.exit(main())
