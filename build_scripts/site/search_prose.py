"""The search index's prose pages (search_job.py hands them to Pagefind), and what a page's search setting says.

The pages that are not facts are indexed whole from their built HTML: the home page and the
methodology (PROSE_KINDS, by page kind), and the hand-written pages in docs/. A page kind's search
setting is the page registry's (`boost: 2`, `exclude: true`); a hand-written page's is its front
matter's, in the same words (the theme's convention, which the generated pages' front matter also
carries):

    ---
    search:
      exclude: true
    ---

The editors' guide (docs/editors.md) says so: it is for editors, out of the reader's menu (the
methodology links to it), and out of the reader's search, so that no query puts it before a reader's page.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple, Sequence

from mkdocs.utils.meta import get_data

from build_scripts.plan.page_registry import PAGE_KINDS
from build_scripts.render.text import html_text, page_url
from build_scripts.site.search_shards import PRIMARY

# Pages indexed as a whole (prose, not facts): by page kind. Every other kind's pages list facts that
# are records of their own, so indexing the page too would only add duplicates.
PROSE_KINDS = frozenset({"home", "methodology"})
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_NOTICE = re.compile(r'<div class="admonition warning currency-notice".*?</div>', re.S)  # overrides/main.html


def clamp(weight: float) -> float:
    """A weight as Pagefind takes it (from 0 to 10), to two places."""
    return round(min(10.0, max(0.1, weight)), 2)


class Setting(NamedTuple):
    """What a page's search setting says: its weight, and whether it is kept out of the index."""

    boost: float = 1.0
    excluded: bool = False


def search_setting(setting: str) -> Setting:
    """A page kind's search setting in the registry's words ('boost: 2', 'exclude: true', or none)."""
    key, _, value = setting.partition(":")
    key, value = key.strip(), value.strip()
    if key == "boost":
        return Setting(boost=float(value))
    return Setting(excluded=key == "exclude" and value == "true")


def front_matter_setting(markdown: str) -> Setting:
    """A hand-written page's search setting, from its front matter's `search:` (the theme's words)."""
    search = get_data(markdown)[1].get("search")
    if not isinstance(search, dict):
        return Setting()
    return Setting(boost=float(search.get("boost", 1.0)), excluded=search.get("exclude") is True)


def hand_written(docs_dir: Path) -> list[tuple[str, Setting]]:
    """The hand-written pages in docs/ (path from docs/, search setting), in order of path."""
    return [(path.relative_to(docs_dir).as_posix(), front_matter_setting(path.read_text(encoding="utf-8")))
            for path in sorted(docs_dir.rglob("*.md"))]


def prose_kind_pages() -> list[tuple[str, Setting]]:
    """The generated pages indexed whole: (path, search setting), in the registry's order."""
    return [(kind.path, search_setting(kind.search)) for kind in PAGE_KINDS if kind.name in PROSE_KINDS and kind.single]


def prose_targets(hand_written: Sequence[tuple[str, Setting]]) -> list[tuple[str, float]]:
    """The prose pages indexed whole, in order: (url, boost), without the excluded. hand_written: the
    hand-written pages and their search settings (hand_written())."""
    return [(page_url(path), setting.boost) for path, setting in [*prose_kind_pages(), *hand_written]
            if not setting.excluded]


def content_article(content: str, title: str) -> str:
    """What a prose page's record holds, from its content as converted from its Markdown (handed over while
    the site is built): the content under its title, as the theme writes the article (partials/content.html
    adds an <h1> of the title when the content has none); not the frame the templates put around it (the
    review notice of overrides/main.html)."""
    return content if "<h1" in content else f"<h1>{html_text(title)}</h1>{content}"


def article_of(page_html: str) -> str | None:
    """What a prose page's record holds, read back from the built page: its article, without the review
    notice (content_article, from the built page)."""
    article = _ARTICLE.search(page_html)
    return _NOTICE.sub("", article.group(1), count=1) if article else None


def prose_pages(site_dir: Path, hand_written: Sequence[tuple[str, Setting]]) -> list[tuple[str, str, float]]:
    """The prose pages indexed whole, read from the built site: (url, their article's HTML, boost),
    without the excluded."""
    found = []
    for url, boost in prose_targets(hand_written):
        built = site_dir / url / "index.html"
        article = article_of(built.read_text(encoding="utf-8")) if built.is_file() else None
        if article:
            found.append((url, article, boost))
    return found


def prose_html(article: str, boost: float, shard: str = PRIMARY, split: bool = False) -> str:
    """A prose page as the document Pagefind indexes: its article, a kind of "Page"."""
    # the permalink marks (¶) and the charts' fallbacks are not words a reader searches for
    article = re.sub(r'<a class="headerlink"[^>]*>.*?</a>', "", article, flags=re.S)
    tag = f'<span data-pagefind-filter="shard">{shard}</span>' if split else ""
    return (f'<html lang="{shard}"><body><main data-pagefind-body data-pagefind-weight="{clamp(boost):g}">{article}'
            f'<div data-pagefind-ignore><span data-pagefind-meta="kind">Page</span>{tag}'
            '<span data-pagefind-filter="kind">Page</span></div></main></body></html>')
