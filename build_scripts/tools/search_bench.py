"""What search costs a reader: measured in Chromium against a local server (`make bench`), and
weighed on disk (`make weigh`).

In the browser, each query is typed into the header's search box of a fresh page (an empty cache: the
first search a reader makes), and measured from the first keystroke to the first result on screen:
milliseconds, and the bytes transferred meanwhile (pagefind.js, its WebAssembly, the index chunks and
the results' fragments). The box loads nothing before the reader reaches for it.
"""
from __future__ import annotations

import gzip
import statistics
import time
from pathlib import Path

from build_scripts.site.search_index import OUTPUT

# (label, query, facet to choose or None): three breadths on the synthetic briefing, and one with a facet
SYNTHETIC_QUERIES = (("narrow", "Person 17", None), ("medium", "exclusive rights clause", None),
                     ("broad", "cloud", None), ("broad + facet", "cloud", ("status", "Confirmed")))


def first_results(site: Path, queries=SYNTHETIC_QUERIES, page_path: str = "methodology/") -> list[dict]:
    from build_scripts.tools.serving import serve
    from tests.browser_support import chromium

    rows = []
    with serve(site) as base, chromium() as browser:
        for label, query, facet in queries:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            address = base + page_path
            if facet:
                address += f"?{facet[0]}={facet[1].replace(' ', '+')}"
            page.goto(address)
            page.wait_for_load_state("load")
            if facet:  # the facet is chosen (from the address): wait for its results, then measure the query
                page.locator(".briefing-search__item").first.wait_for(timeout=60000)
            transferred: list[int] = []
            page.on("requestfinished", lambda r: transferred.append(_size(r)))
            started = time.perf_counter()
            page.focus("#briefing-search-input")
            page.keyboard.type(query, delay=0)
            page.wait_for_function(
                "q => document.querySelector('#briefing-search-input').value === q"
                " && /result|No matching/.test(document.querySelector('#briefing-search-status').textContent)"
                " && document.querySelector('.briefing-search__item') !== null", arg=query, timeout=60000)
            elapsed = time.perf_counter() - started
            rows.append({"query": label, "text": query, "facet": "=".join(facet) if facet else "",
                         "ms": round(elapsed * 1000), "bytes": sum(transferred),
                         "results": page.locator("#briefing-search-status").inner_text()})
            context.close()
    return rows


def _size(request) -> int:
    try:
        sizes = request.sizes()
    except Exception:  # a request the page abandoned
        return 0
    return sizes.get("responseBodySize", 0) + sizes.get("responseHeadersSize", 0)


def summary(rows: list[dict]) -> dict:
    plain = [r for r in rows if not r["facet"]]
    return {"search_first_results_ms_median": statistics.median(r["ms"] for r in plain),
            "search_first_results_bytes_median": statistics.median(r["bytes"] for r in plain),
            "search_first_results_bytes_max": max(r["bytes"] for r in rows),
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
