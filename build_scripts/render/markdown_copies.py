"""For assistants and scripts (pure): llms.txt and a plain-Markdown copy of every generated page.

A copy is its page rendered again from the model, with the same template, in the copy flavour
(render/page_context.Flavour.COPY): plain Markdown, links leading to the other copies.
"""
from __future__ import annotations

import re
from collections.abc import Mapping

from build_scripts import asset_paths as assets
from build_scripts.data.model import Briefing
from build_scripts.render.formats import COPY_DIR, MarkdownFormat
from build_scripts.render.masthead import footer_parts
from build_scripts.render.text import md_text


def markdown_copies(copies: Mapping[str, str]) -> dict[str, str]:
    """markdown/<path> -> the page's copy, for each page's copy (site_plan.plan_pages in Flavour.COPY)."""
    return {f"{COPY_DIR}/{path}": text for path, text in sorted(copies.items())}


def _heading(markdown: str, fallback: str) -> str:
    match = re.search(r"^# (.+)$", markdown, re.M)
    return match.group(1) if match else fallback


def llms_txt(briefing: Briefing, nav: list, pages: Mapping[str, str]) -> str:
    info = briefing.info
    text = md_text  # text from data, in Markdown
    lines = [f"# {text(info.title)}", "", f"> {text(info.description)}", "",
             f"As of {info.as_of.label}. {text(info.summary)}", ""]
    masthead = footer_parts(MarkdownFormat(assets.LLMS_TXT, copy=True), info)
    lines += [" · ".join(masthead), ""] if masthead else []
    lines += ["## Pages", ""]
    for entry in nav:
        (title, target), = entry.items()
        for path in ([target] if isinstance(target, str) else target):
            label = text(title) if isinstance(target, str) else _heading(pages.get(path, ""), path)
            lines.append(f"- [{label}]({COPY_DIR}/{path})")
    lines += ["", "## Data", "", f"- [The whole briefing as JSON]({assets.BRIEFING_JSON})",
              f"- [Its JSON Schema]({assets.BRIEFING_SCHEMA})", f"- [Events as CSV]({assets.EVENTS_CSV})", ""]
    return "\n".join(lines)
