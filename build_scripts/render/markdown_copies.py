"""For assistants and scripts (pure): llms.txt and a plain-Markdown copy of every generated page."""
from __future__ import annotations

import html
import re

from build_scripts.data.model import Briefing
from build_scripts.render.text import page_url, relative_path, resolve, unwrap_html_blocks

COPY_DIR = "markdown"
_RULES = [
    (re.compile(r'<button[^>]*>[^<]*</button>'), ""),
    (re.compile(r"<ul[^>]*>(.*?)</ul>", re.S), lambda m: m.group(1).replace("\n<li>", "\n- ").replace("<li>", "\n- ")),
    (re.compile(r"<li>"), "\n1. "),
    (re.compile(r"</?strong>"), "**"),
    (re.compile(r"</?em>"), "*"),
    (re.compile(r"<ol>"), "\n"),
    (re.compile(r'<span aria-hidden="true">.</span> '), ""),  # a status badge's icon: its words follow
    (re.compile(r"<summary>"), "\n**"),
    (re.compile(r"</summary>"), "**\n"),
    (re.compile(r" \{ #[a-z0-9-]+(?: \.[a-z-]+)* \}"), ""),  # attribute lists (always after a space)
    (re.compile(r"</?[a-z][^>\n]*>"), ""),  # every other tag is ours (text from data never holds a raw <)
    (re.compile(r"\n\n\n+"), "\n\n"),
]
_CHART = re.compile(r"<!-- chart: ([a-z0-9-]+) -->")


def plain_markdown(markdown: str, path: str, pages=(), seen: dict | None = None) -> str:
    """The generated page without the site's HTML and attribute syntax: headings, text, links
    (pages: the paths of every page, so links between pages lead to their copies; seen: where
    addresses lead, shared between calls: the same pages are linked again and again)."""
    if markdown.startswith("---\n"):
        markdown = markdown[markdown.index("\n---\n", 3) + 5:]
    markdown = unwrap_html_blocks(markdown)
    up = "../" * (path.count("/") + 1)
    markdown = _CHART.sub(lambda m: f"(Chart data: {up}assets/charts/{m.group(1)}.json)", markdown)
    seen = {} if seen is None else seen
    # Pages in one folder (and alike in being a folder's index or not) see every address alike.
    folder = (path.rpartition("/")[0], path == "index.md" or path.endswith("/index.md"))

    def target(kind: str, address: str) -> str:
        file, hashed, anchor = address.partition("#")
        key = (kind, folder, file)
        if key not in seen:
            seen[key] = (_copy_href if kind == "html" else _copy_target)(file, path, pages)
        return seen[key] + hashed + anchor

    def html_link(match: re.Match) -> str:
        label = match.group(2).replace("[", r"\[").replace("]", r"\]")
        return f"[{label}]({target('html', html.unescape(match.group(1)))})"

    def md_link(match: re.Match) -> str:
        if match.start() and markdown[match.start() - 1] == "\\":  # an escaped bracket in text, not a link
            return match.group(0)
        return f"]({target('md', match.group(1))})"

    markdown = _MD_LINK.sub(md_link, markdown)  # first: the HTML links become Markdown links already in place
    markdown = _LINK.sub(html_link, markdown)
    for pattern, replacement in _RULES:
        markdown = pattern.sub(replacement, markdown)
    return markdown.strip() + "\n"


_LINK = re.compile(r'<a href="([^"]+)">([^<]*)</a>')
_MD_LINK = re.compile(r"\]\((?![a-z][a-z0-9+.-]*:|#)([^)\s]+)\)")  # a relative Markdown link


def _copy_target(file: str, path: str, pages) -> str:
    """A Markdown link's file (relative to the page at path) as seen from the page's copy: another
    generated page's copy, or else the site's own page or file."""
    if not file:
        return file
    site_path = resolve(path.rpartition("/")[0], file)
    if site_path in pages:
        return file
    if site_path.endswith(".md"):  # a hand-written page: it has no copy
        return _from_copy(page_url(site_path), path)
    return _from_copy(site_path, path)


def _from_copy(target: str, path: str) -> str:
    """A site file (path from the site's root) as linked from the copy of the page at path."""
    return relative_path(f"{COPY_DIR}/{path}".rpartition("/")[0], target) or "./"


def _copy_href(url: str, path: str, pages) -> str:
    """Where an HTML link's address (without its anchor) on the page at path leads from the page's
    copy: another page's copy, or else the site's own file."""
    if not url or re.match(r"^[a-z][a-z0-9+.-]*:", url):
        return url
    target = resolve(page_url(path).rstrip("/"), url).rstrip("/")
    for md in (f"{target}.md", f"{target}/index.md" if target else "index.md"):
        if md in pages:
            return relative_path(path.rpartition("/")[0], md)  # never '' for the page itself: see `folder`
    return _from_copy(target, path)


_COPIES: dict[str, tuple[str, str]] = {}  # path -> (page text, its copy): unchanged pages are not redone


def markdown_copies(pages: dict[str, str]) -> dict[str, str]:
    copies, seen = {}, {}
    for path, text in sorted(pages.items()):
        cached = _COPIES.get(path)
        if cached is None or not (cached[0] is text or cached[0] == text):
            cached = _COPIES[path] = (text, plain_markdown(text, path, pages, seen))
        copies[f"{COPY_DIR}/{path}"] = cached[1]
    for path in [p for p in _COPIES if p not in pages]:
        del _COPIES[path]
    return copies


def _heading(markdown: str, fallback: str) -> str:
    match = re.search(r"^# (.+)$", markdown, re.M)
    return match.group(1) if match else fallback


def llms_txt(briefing: Briefing, nav: list, pages: dict[str, str]) -> str:
    info = briefing.info
    lines = [f"# {info.title}", "", f"> {info.description}", "", f"As of {info.as_of.label}. {info.summary}", "",
             "## Pages", ""]
    for entry in nav:
        (title, target), = entry.items()
        for path in ([target] if isinstance(target, str) else target):
            label = title if isinstance(target, str) else _heading(pages.get(path, ""), path)
            lines.append(f"- [{label}]({COPY_DIR}/{path})")
    lines += ["", "## Data", "", "- [The whole briefing as JSON](downloads/briefing.json)",
              "- [Its JSON Schema](downloads/briefing.schema.json)", "- [Events as CSV](downloads/events.csv)", ""]
    return "\n".join(lines)
