"""Output formats: each fragment (render/fragments.py) is written once, against a format, and comes out
as HTML or as Markdown.

- `HtmlFormat`: the HTML the pipeline writes into a page (HTML blocks, badges); its addresses are the
  built site's, since MkDocs rewrites only Markdown links.
- `MarkdownFormat`: the Markdown a site page is written in, links to the other pages' .md files; it keeps
  the site's inline elements (a citation's <sup>, a badge's <span>) for styling.
- `MarkdownFormat(copy=True)`: a plain-Markdown copy of a page (under markdown/): no HTML, elements
  reduced to their words, links leading to the other copies.

Methods take text already formatted (by `text()` or another fragment) and addresses as they are
(from `url()` or `address()`): the format escapes what it writes into an attribute.
"""
from __future__ import annotations

from functools import lru_cache

from build_scripts.asset_paths import COPIES_DIR
from build_scripts.render import text as t
from build_scripts.render.reading import Made
from build_scripts.render.text import (
    Md,
    html_block,
    html_text,
    md_text,
    relative_href,
    relative_link,
    safe_url,
)

COPY_DIR = COPIES_DIR  # the plain-Markdown copies (asset_paths)


def element(tag: str, content: str, attrs: dict[str, str]) -> str:
    """<tag a="…">content</tag>: attributes given with Python names (class_, aria_hidden), their values
    escaped here, those that are empty left out."""
    if not attrs:
        return f"<{tag}>{content}</{tag}>"
    written = ""
    for name, value in attrs.items():  # a loop, not a generator: this runs for every element of every page
        if value:
            written += f' {_attribute_name(name)}="{html_text(value, True)}"'
    return f"<{tag}{written}>{content}</{tag}>"


@lru_cache(maxsize=None)
def _attribute_name(name: str) -> str:
    return name.rstrip("_").replace("_", "-")


class HtmlFormat:
    """HTML, with the built site's addresses."""

    name = "html"
    copy = False

    def __init__(self, page: str, made: Made | None = None):
        self.page = page
        self.made = Made() if made is None else made  # fragments made in this run, shared by its pages
        self._bases: dict[str, str] = {}  # page -> its address from this page

    text = staticmethod(html_text)  # text from data, escaped

    def url(self, url: str) -> str:
        return safe_url(url)  # escaped as an attribute's value where it is written (element)

    def address(self, to_page: str, anchor: str | None = None) -> str:
        """A page (and an anchor on it) from this page. Page paths and anchors are made of ids, which
        the model restricts to a-z, 0-9 and '-': nothing to escape."""
        base = self._bases.get(to_page)
        if base is None:
            base = self._bases[to_page] = relative_href(self.page, to_page)
        return f"{base}#{anchor}" if anchor else base

    def link(self, label: str, href: str, class_: str = "") -> str:
        css = f' class="{html_text(class_, True)}"' if class_ else ""  # element(), unrolled: links are many
        return f'<a{css} href="{html_text(href, True)}">{label}</a>'

    def element(self, tag: str, content: str, **attrs: str) -> str:
        return element(tag, content, attrs)

    def strong(self, content: str) -> str:
        return f"<strong>{content}</strong>"

    def em(self, content: str) -> str:
        return f"<em>{content}</em>"

    def paragraph(self, content: str, **attrs: str) -> str:
        return element("p", content, attrs)

    def items(self, items: list[str], ordered: bool = False, compact: bool = False, **attrs: str) -> str:
        """A list; compact: no line breaks between its items."""
        tag, sep = ("ol" if ordered else "ul"), ("" if compact else "\n")
        return element(tag, sep + sep.join(f"<li>{item}</li>" for item in items) + sep, attrs)

    def details(self, summary: str, content: str, **attrs: str) -> str:
        return element("details", f"<summary>{summary}</summary>{content}", attrs)

    def group(self, parts: list[str], **attrs: str) -> str:
        """Blocks kept together (a <div>, one block a line)."""
        return element("div", "\n" + "\n".join(parts) + "\n", attrs)

    def button(self, label: str, **attrs: str) -> str:
        return element("button", label, attrs)

    def blocks(self, parts: list[str]) -> Md:
        """Paragraphs and lists as one HTML block of the page (text.html_block)."""
        return html_block("\n".join(parts))


class MarkdownFormat:
    """Markdown with the site's .md links; copy: a plain-Markdown copy (no HTML, links to the copies)."""

    def __init__(self, page: str, copy: bool = False, made: Made | None = None):
        self.page = page
        self.made = Made() if made is None else made  # fragments made in this run, shared by its pages
        self.copy = copy
        self.name = "markdown-copy" if copy else "markdown"
        self._folder = f"{COPY_DIR}/{page}".rpartition("/")[0]  # the copy's folder
        self._bases: dict[str, str] = {}  # page -> its address from this page

    text = staticmethod(md_text)  # text from data, escaped

    def url(self, url: str) -> str:
        return safe_url(url)

    def address(self, to_page: str, anchor: str | None = None) -> str:
        """A generated page from this one: the copies sit in the same tree as the pages."""
        base = self._bases.get(to_page)
        if base is None:
            base = self._bases[to_page] = relative_link(self.page, to_page)
        return f"{base}#{anchor}" if anchor else base

    def site_page(self, path: str) -> str:
        """A hand-written page (it has no copy: a copy links the site's page)."""
        return (t.relative_path(self._folder, t.page_url(path)) or "./") if self.copy else self.address(path)

    def file(self, path: str) -> str:
        """A file of the site that is not a page (a download, the feed, chart data)."""
        return t.relative_path(self._folder, path) if self.copy else self.address(path)

    def link(self, label: str, href: str, class_: str = "") -> str:
        return f"[{label}]({href})"

    def element(self, tag: str, content: str, **attrs: str) -> str:
        """The site's Markdown keeps an element (for styling); a copy keeps its words, except those a
        screen reader would not say either (aria-hidden decoration, such as a badge's icon)."""
        if not self.copy:
            return element(tag, content, attrs)
        return "" if attrs.get("aria_hidden") == "true" else content

    def attributes(self, anchor: str, *classes: str, **data: str) -> str:
        """' { #anchor .class data-x="…" }' after a heading (attr_list) in the site's Markdown; nothing in a
        copy. Data values are ids and years (no quotes or braces), named with Python names (data_who)."""
        if self.copy:
            return ""
        named = [f'{_attribute_name(name)}="{value}"' for name, value in data.items()]
        return " { " + " ".join([f"#{anchor}", *(f".{c}" for c in classes), *named]) + " }"

    def strong(self, content: str) -> str:
        return f"**{content}**"

    def em(self, content: str) -> str:
        return f"*{content}*"

    def paragraph(self, content: str, **attrs: str) -> str:
        return content if self.copy else element("p", content, attrs)

    def items(self, items: list[str], ordered: bool = False, compact: bool = False, **attrs: str) -> str:
        return "\n".join(f"{n}. {item}" if ordered else f"- {item}" for n, item in enumerate(items, 1))

    def details(self, summary: str, content: str, **attrs: str) -> str:
        return f"{self.strong(summary)}\n\n{content}"

    def group(self, parts: list[str], **attrs: str) -> str:
        return "\n\n".join(parts)

    def button(self, label: str, **attrs: str) -> str:
        """Markdown has nothing to press."""
        return ""

    def blocks(self, parts: list[str]) -> Md:
        return Md("\n\n".join(part for part in parts if part))


Format = HtmlFormat | MarkdownFormat
