"""Text from data is always text: escaping for Markdown, safe URLs and relative links.

`md_text` turns any string into Markdown that renders as exactly that string: no HTML,
no links, no emphasis, no block syntax. The site enables pymdownx.escapeall, so any
backslash-escaped character is literal. `Md` marks strings that are already Markdown.
"""
from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from urllib.parse import quote

ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
ESCAPED = set("\\`*_{}[]|#")  # inline syntax: code, emphasis, attributes, links, tables, heading ends
BLOCK_STARTS = set("#+-=>!?:~")  # block syntax, only meaningful at the start of a line
_TABLE = str.maketrans({**{c: "\\" + c for c in ESCAPED}, **ENTITIES})
_LIST_START = re.compile(r"^(\d+)([.)])")


class Md(str):
    """A string that is already Markdown and must not be escaped again."""


def md_text(value: object) -> Md:
    """Escape any text so it renders literally; whitespace runs (and newlines) become one space."""
    if isinstance(value, Md):
        return value
    return _escape(value if type(value) is str else str(value))


@lru_cache(maxsize=1 << 16)  # names, titles and outlets recur on many pages
def _escape(text: str) -> Md:
    escaped = " ".join(text.split()).translate(_TABLE)
    if escaped[:1] in BLOCK_STARTS:
        escaped = "\\" + escaped
    if escaped[:1].isdigit():
        escaped = _LIST_START.sub(r"\1\\\2", escaped)
    return Md(escaped)


def md_url(url: str) -> Md:
    """A validated http(s) URL, percent-encoded where Markdown or HTML would trip over it."""
    if not re.match(r"^https?://", url):
        raise ValueError(f"refusing to link a non-http(s) address: {url!r}")
    return Md(quote(url, safe=":/?#[]@!$&*+,;=%~-._"))


def relative_link(from_page: str, to_page: str, anchor: str | None = None) -> Md:
    """Link from one generated .md page to another, as MkDocs expects (relative, to the .md file)."""
    target = _relative_path(from_page, to_page)
    return Md(target + "#" + anchor if anchor else target)


@lru_cache(maxsize=1 << 14)
def _relative_path(from_page: str, to_page: str) -> str:
    return "" if to_page == from_page else posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
