"""For assistants and scripts (pure): llms.txt and a plain-Markdown copy of every generated page."""
from __future__ import annotations

import html
import re

from .model import Briefing

COPY_DIR = "markdown"
_RULES = [
    (re.compile(r'<button[^>]*>[^<]*</button>'), ""),
    (re.compile(r'<a href="([^"]+)">([^<]*)</a>'), lambda m: f"[{m.group(2)}]({html.unescape(m.group(1))})"),
    (re.compile(r"<li>"), "\n1. "),
    (re.compile(r"<ol>"), "\n"),
    (re.compile(r'<span class="status status--[a-z-]+"><span aria-hidden="true">.</span> ([^<]+)</span>'), r"[\1]"),
    (re.compile(r"<summary>"), "\n**"),
    (re.compile(r"</summary>"), "**\n"),
    (re.compile(r" ?\{ #[a-z0-9-]+(?: \.[a-z-]+)* \}"), ""),  # attribute lists
    (re.compile(r"</?[a-z][^>\n]*>"), ""),  # every other tag is ours (text from data never holds a raw <)
    (re.compile(r"\n{3,}"), "\n\n"),
]
_CHART = re.compile(r"<!-- chart: ([a-z0-9-]+) -->")


def plain_markdown(markdown: str, path: str) -> str:
    """The generated page without the site's HTML and attribute syntax: headings, text, links."""
    if markdown.startswith("---\n"):
        markdown = markdown[markdown.index("\n---\n", 3) + 5:]
    up = "../" * (path.count("/") + 1)
    markdown = _CHART.sub(lambda m: f"(Chart data: {up}assets/charts/{m.group(1)}.json)", markdown)
    for pattern, replacement in _RULES:
        markdown = pattern.sub(replacement, markdown)
    return markdown.strip() + "\n"


_COPIES: dict[str, tuple[str, str]] = {}  # path -> (page text, its copy): unchanged pages are not redone


def markdown_copies(pages: dict[str, str]) -> dict[str, str]:
    copies = {}
    for path, text in sorted(pages.items()):
        cached = _COPIES.get(path)
        if cached is None or not (cached[0] is text or cached[0] == text):
            cached = _COPIES[path] = (text, plain_markdown(text, path))
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
