"""Text from data is always text: escaping for Markdown, safe URLs and relative links.

`md_text` turns any string into Markdown that renders as exactly that string: no HTML,
no links, no emphasis, no block syntax. The site enables pymdownx.escapeall, so any
backslash-escaped character is literal. `Md` marks strings that are already Markdown.
"""
from __future__ import annotations

import posixpath
import re
from urllib.parse import quote

ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
ESCAPED = set("\\`*_{}[]|#")  # inline syntax: code, emphasis, attributes, links, tables, heading ends
BLOCK_STARTS = set("#+-=>!?:~")  # block syntax, only meaningful at the start of a line
_LIST_START = re.compile(r"^(\d+)([.)])")


class Md(str):
    """A string that is already Markdown and must not be escaped again."""


def md_text(value: object) -> Md:
    """Escape any text so it renders literally; whitespace runs (and newlines) become one space."""
    if isinstance(value, Md):
        return value
    text = " ".join(str(value).split())
    out = []
    for char in text:
        if char in ENTITIES:
            out.append(ENTITIES[char])
        elif char in ESCAPED:
            out.append("\\" + char)
        else:
            out.append(char)
    escaped = "".join(out)
    if escaped[:1] in BLOCK_STARTS:
        escaped = "\\" + escaped
    return Md(_LIST_START.sub(r"\1\\\2", escaped))


def md_url(url: str) -> Md:
    """A validated http(s) URL, percent-encoded where Markdown or HTML would trip over it."""
    if not re.match(r"^https?://", url):
        raise ValueError(f"refusing to link a non-http(s) address: {url!r}")
    return Md(quote(url, safe=":/?#[]@!$&*+,;=%~-._"))


def md_link(label: object, url: str) -> Md:
    return Md(f"[{md_text(label)}]({md_url(url)})")


def relative_link(from_page: str, to_page: str, anchor: str | None = None) -> Md:
    """Link from one generated .md page to another, as MkDocs expects (relative, to the .md file)."""
    if to_page == from_page:
        target = ""
    else:
        target = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return Md(target + (f"#{anchor}" if anchor else ""))


def md_join(parts, sep: str = ", ") -> Md:
    return Md(sep.join(md_text(p) for p in parts))
