"""Text from data is always text: escaping for Markdown, safe URLs and relative links.

One escaping function per output: `md_text` turns any string into Markdown that renders as exactly
that string (no HTML, no links, no emphasis, no block syntax); `html_text` into HTML text; `safe_url`
checks and percent-encodes an address. The site enables pymdownx.escapeall, so any
backslash-escaped character is literal. `Md` marks strings that are already Markdown.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache
from types import MappingProxyType
from urllib.parse import quote

ENTITIES = MappingProxyType({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
ESCAPED = frozenset("\\`*_{}[]|#")  # inline syntax: code, emphasis, attributes, links, tables, heading ends
BLOCK_STARTS = frozenset("#+-=>!?:~")  # block syntax, only meaningful at the start of a line
_TABLE = MappingProxyType(str.maketrans({**{c: "\\" + c for c in ESCAPED}, **ENTITIES}))
_LIST_START = re.compile(r"^(\d+)([.)])")


class Md(str):
    """A string that is already Markdown and must not be escaped again."""


def md_text(value: object) -> Md:
    """Escape any text so it renders literally; whitespace runs (and newlines) become one space."""
    if type(value) is str:  # the common case first: text from data
        return _escape(value)
    if isinstance(value, Md):
        return value
    return _escape(str(value))


@lru_cache(maxsize=1 << 16)  # names, titles and outlets recur on many pages
def _escape(text: str) -> Md:
    escaped = " ".join(text.split()).translate(_TABLE)
    # Python-Markdown reads "[x]: y" as a reference definition whatever escapes the bracket: escape the colon too
    escaped = escaped.replace("\\]:", "\\]\\:")
    if escaped[:1] in BLOCK_STARTS:
        escaped = "\\" + escaped
    if escaped[:1].isdigit():
        escaped = _LIST_START.sub(r"\1\\\2", escaped)
    return Md(escaped)


def safe_url(url: str) -> Md:
    """A validated http(s) URL, percent-encoded where Markdown or HTML would trip over it (in an HTML
    attribute it is then escaped as text: html_text(url, attribute=True))."""
    if not re.match(r"^https?://", url):
        raise ValueError(f"refusing to link a non-http(s) address: {url!r}")
    return Md(quote(url, safe=":/?#[]@!$&*+,;=%~-._"))


def relative_link(from_page: str, to_page: str, anchor: str | None = None) -> Md:
    """Link from one generated .md page to another, as MkDocs expects (relative, to the .md file)."""
    target = "" if to_page == from_page else relative_path(from_page.rpartition("/")[0], to_page)
    return Md(target + "#" + anchor if anchor else target)


def page_url(md_path: str) -> str:
    """The address of a page (MkDocs directory URLs): 'timeline.md' -> 'timeline/', 'index.md' -> ''."""
    stem = md_path.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def relative_href(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """The href of a link from one page to another in the built site, for HTML written by the
    pipeline itself (MkDocs rewrites only Markdown links): 'timeline/2024.md' -> 'sources.md#s'
    gives '../../sources/#s'."""
    target = "" if to_page == from_page else (relative_path(page_url(from_page).rstrip("/"), page_url(to_page)) or "./")
    return target + "#" + anchor if anchor else target


def relative_path(from_dir: str, to_path: str) -> str:
    """to_path (from the site's root; a trailing '/' is a folder) relative to the folder from_dir.
    Plain string work rather than posixpath.relpath: it runs for every link on every page."""
    here = from_dir.split("/") if from_dir else []
    there = to_path.split("/")
    shared = 0
    while shared < len(here) and shared < len(there) - 1 and here[shared] == there[shared]:
        shared += 1
    return "../" * (len(here) - shared) + "/".join(there[shared:])


HTML_BLOCK = ("<!--html:", ":html-->")


def html_block(markup: str) -> Md:
    """HTML written by the pipeline, carried through Markdown inside a comment and unwrapped after
    conversion by the MkDocs hook. Python-Markdown passes a comment through with one scan, where
    raw HTML is parsed tag by tag, twice: at 10,000 events this more than halves the MkDocs build.
    Text from data is always escaped by html_text, so it can never open or close a block."""
    if "-->" in markup:
        raise ValueError("an HTML block cannot hold '-->'")
    return Md(f"{HTML_BLOCK[0]}{markup}{HTML_BLOCK[1]}")


def unwrap_html_blocks(converted: str) -> str:
    """A converted page with its HTML blocks in place."""
    return converted.replace(HTML_BLOCK[0], "").replace(HTML_BLOCK[1], "")


@lru_cache(maxsize=1 << 17, typed=True)  # names, titles, addresses and classes recur on many pages
def html_text(value: str | int, attribute: bool = False) -> str:
    """Text from data as the content of an element the pipeline writes (or, attribute, as the value of
    one of its attributes, quotes escaped too): escaped, and whitespace runs made one space (so a block
    of HTML never holds a blank line)."""
    return html.escape(" ".join(str(value).split()), quote=attribute)
