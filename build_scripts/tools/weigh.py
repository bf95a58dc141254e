"""Page weight: `python -m build_scripts.tools.weigh site/` prints what each page costs on first load.

For each HTML page: the page itself plus every same-site stylesheet, script and image it
references, gzipped (as a server would send them), and what the interactive charts add when a
reader first touches one (plotly.js and the chart's JSON).
"""
from __future__ import annotations

import gzip
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

from build_scripts.asset_paths import PLOTLY_BUNDLE
from build_scripts.site.search_index import OUTPUT
from build_scripts.tools.search_bench import on_disk

PLOTLY = PLOTLY_BUNDLE


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[str] = []
        self.charts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img") and attrs.get("src"):
            self.refs.append(attrs["src"])
        if tag == "link" and attrs.get("rel") in ("stylesheet", "icon") and attrs.get("href"):
            self.refs.append(attrs["href"])
        if attrs.get("data-chart-src"):
            self.charts.append(attrs["data-chart-src"])


def gzipped_size(path: Path, sizes: dict[Path, int] | None = None) -> int:
    """The file's gzipped size (sizes: those already worked out in this weighing, by path)."""
    if sizes is not None and path in sizes:
        return sizes[path]
    size = len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))
    if sizes is not None:
        sizes[path] = size
    return size


def _local(site: Path, page: Path, ref: str) -> Path | None:
    page_url = "/" + page.relative_to(site).as_posix()
    url = urlparse(urljoin(page_url, ref))
    if url.scheme or url.netloc:
        return None
    target = site / url.path.lstrip("/")
    return target / "index.html" if target.is_dir() else target


def weigh_page(site: Path, page: Path, sizes: dict[Path, int] | None = None) -> dict:
    """sizes: gzipped sizes already known in this weighing (the shared stylesheets and scripts)."""
    sizes = {} if sizes is None else sizes
    parser = _Refs()
    parser.feed(page.read_text(encoding="utf-8"))
    files = {page, *filter(None, (_local(site, page, r) for r in parser.refs))}
    first_load = sum(gzipped_size(f, sizes) for f in files if f.exists())
    interactive = sum(gzipped_size(f, sizes) for f in filter(None, (_local(site, page, c) for c in parser.charts)))
    if parser.charts:
        interactive += gzipped_size(site / PLOTLY, sizes)
    return {"page": page.relative_to(site).as_posix(), "html_bytes": page.stat().st_size,
            "first_load_gzip": first_load, "charts": len(parser.charts), "on_interaction_gzip": interactive,
            "loads_plotly": any(re.search(r"plotly", r) for r in parser.refs)}


def weigh_site(site: Path) -> list[dict]:
    sizes: dict[Path, int] = {}
    return [weigh_page(site, p, sizes) for p in sorted(site.rglob("*.html"))]


def main(argv: list[str]) -> int:
    site = Path(argv[0] if argv else "site")
    rows = weigh_site(site)
    print(f"{'page':<48} {'HTML':>9} {'first load (gz)':>16} {'charts':>7} {'+ on interaction (gz)':>22}")
    for row in rows:
        print(f"{row['page']:<48} {row['html_bytes']:>9,} {row['first_load_gzip']:>16,} {row['charts']:>7} "
              f"{row['on_interaction_gzip']:>22,}")
    heaviest = max(rows, key=lambda r: r["first_load_gzip"] + r["on_interaction_gzip"])
    print(f"\n{len(rows)} pages; heaviest with charts touched: {heaviest['page']} "
          f"{(heaviest['first_load_gzip'] + heaviest['on_interaction_gzip']) / 1024:.0f} KB gzipped")
    if (site / OUTPUT).is_dir():
        cost = on_disk(site)
        print(f"search: nothing until the reader reaches for it; then {cost['search_runtime_bytes'] / 1024:.0f} KB "
              f"(pagefind.js gzipped, its WebAssembly and index entry), plus the index chunks and result fragments "
              f"a query needs; the whole index: {cost['search_files']} files, "
              f"{cost['search_index_bytes'] / 1024:.0f} KB on disk")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
