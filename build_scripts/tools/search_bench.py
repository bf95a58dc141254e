"""What search costs a reader: measured in Chromium against a local server (`make bench`), and
weighed on disk (`make weigh`).

Alone, without the rest of `make bench`: `python -m build_scripts.tools.search_bench [SITE]` measures a
built site (the synthetic briefing's, or any), or first builds the synthetic briefing at 10,000 events
(BENCH_EVENTS to change) into a temporary folder, which takes minutes; it prints one line per query and
the medians.

In the browser, each query is entered into the header's search box of a fresh page (an empty cache: the
first search a reader makes), and measured from the query entered to the first results on screen:
milliseconds (including the box's own 30 ms pause for more typing), and the bytes transferred
meanwhile (pagefind.js, its WebAssembly, the index chunks and the results' fragments). The box loads
nothing before the reader reaches for it.
"""
from __future__ import annotations

import gzip
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from build_scripts.config import EPOCH_ENV, STATIC_CHARTS_ENV, bench_events, child_environment, chromium_path
from build_scripts.site.search_index import OUTPUT

# (label, query, facet to choose or None): three breadths on the synthetic briefing, and one with a facet
SYNTHETIC_QUERIES = (("narrow", "Person 17", None), ("medium", "exclusive rights clause", None),
                     ("broad", "cloud", None), ("broad + facet", "cloud", ("status", "Confirmed")))


def first_results(site: Path, queries=SYNTHETIC_QUERIES, page_path: str = "methodology/") -> list[dict]:
    """Each query twice, each time in a fresh browser context (an empty cache): 'cold', the query entered
    at once into a box nothing was loaded for (loading Pagefind is on the clock); and 'typed', the reader
    having clicked into the box a moment before (the box starts loading Pagefind on focus, as a reader
    types)."""
    from playwright.sync_api import sync_playwright

    from build_scripts.tools.serving import serve

    rows = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(),
                                             args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                                   "--disable-component-update", "--no-first-run", "--disable-sync"])
        for label, query, facet in queries:
            row = {"query": label, "text": query, "facet": "=".join(facet) if facet else ""}
            for mode in ("cold", "typed"):
                row.update(_measure(browser, base + page_path, query, facet, mode))
            rows.append(row)
        browser.close()
    return rows


def _measure(browser, address: str, query: str, facet, mode: str) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    if facet:
        address += f"?{facet[0]}={facet[1].replace(' ', '+')}"
    page.goto(address)
    page.wait_for_load_state("load")
    if facet:  # the facet is chosen (from the address): its results first, then the query is measured
        page.wait_for_function("() => document.querySelector('.briefing-search__list').dataset.query === ''",
                               timeout=60000)
    if mode == "typed":
        page.focus("#briefing-search-input")
        page.wait_for_timeout(1000)  # a reader's pause between clicking into the box and the query typed
    # The clock and the bytes stop when the first results are on screen (the list says which query it
    # shows): what loads after them (every facet's counts) is not on the way to them.
    since = page.evaluate("""q => {
        const list = document.querySelector('.briefing-search__list');
        new MutationObserver(() => {
            if (list.dataset.query === q && !window.__shownAt) window.__shownAt = performance.now();
        }).observe(list, {attributes: true, attributeFilter: ['data-query']});
        return performance.now(); }""", query)
    started = time.perf_counter()
    page.fill("#briefing-search-input", query)  # at once: the typing's own pace is not measured
    page.wait_for_function("() => window.__shownAt !== undefined", timeout=60000, polling=10)
    elapsed = time.perf_counter() - started
    shown_at, transferred = page.evaluate("""since => [window.__shownAt, performance.getEntriesByType('resource')
        .filter(e => e.startTime >= since && e.responseEnd <= window.__shownAt)
        .reduce((sum, e) => sum + e.transferSize, 0)]""", since)
    found = page.locator("#briefing-search-status").inner_text()
    context.close()
    return {f"{mode}_ms": round(shown_at - since), f"{mode}_wall_ms": round(elapsed * 1000),
            f"{mode}_bytes": transferred, "results": found}


def summary(rows: list[dict]) -> dict:
    plain = [r for r in rows if not r["facet"]]
    return {"search_first_results_ms_median": statistics.median(r["cold_ms"] for r in plain),
            "search_first_results_bytes_median": statistics.median(r["cold_bytes"] for r in plain),
            "search_typed_ms_median": statistics.median(r["typed_ms"] for r in plain),
            "search_first_results_bytes_max": max(r["cold_bytes"] for r in rows),
            "search_queries": rows}


def on_disk(site: Path) -> dict:
    """The index's size on disk, and what any first search loads before its query's own chunks."""
    folder = site / OUTPUT
    files = [p for p in folder.rglob("*") if p.is_file()]
    runtime = [p for p in files if p.parent == folder and p.suffix in (".js", ".json", ".pagefind", ".pf_meta")
               and "worker" not in p.name and "unknown" not in p.name]
    gz = sum(len(gzip.compress(p.read_bytes(), 9)) if p.suffix == ".js" else p.stat().st_size for p in runtime)
    return {"search_index_bytes": sum(p.stat().st_size for p in files), "search_files": len(files),
            "search_runtime_bytes": gz}


def _synthetic_site(scratch: Path, events: int) -> Path:
    """The synthetic briefing (build_scripts/tools/synthetic.py) built as `make bench` builds it."""
    from build_scripts.tools.synthetic import write_synthetic

    data, site = scratch / "data", scratch / "site"
    write_synthetic(data, events, max(1, events // 10))
    env = child_environment({STATIC_CHARTS_ENV: "0", EPOCH_ENV: "1700000000"})
    subprocess.run([sys.executable, "-m", "build_scripts", "--data", str(data), "site", "--site-dir", str(site)],
                   check=True, env=env, stdout=subprocess.DEVNULL)
    return site


def main(args: list[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="briefing-search-bench-") as scratch:
        site = Path(args[0]) if args else _synthetic_site(Path(scratch), bench_events(10000))
        rows = first_results(site)
        for row in rows:
            print(json.dumps(row))
        print(json.dumps({k: v for k, v in summary(rows).items() if k != "search_queries"}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
