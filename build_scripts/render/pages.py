"""Page rendering: pure functions from the view to a page's text, through Jinja2 templates.

Every `{{ value }}` in a template is escaped as literal text unless it is already `Md` (what `ctx`,
a render/page_context.PageContext, returns), so data can never inject markup. Each
page (one per entry of the page registry, plan/page_registry.py) is rendered in a flavour: the site's
page (Flavour.SITE) or its plain-Markdown copy (Flavour.COPY).
"""
from __future__ import annotations

import json
from pathlib import Path

import jinja2

from build_scripts import asset_paths as assets
from build_scripts.data.dates import when
from build_scripts.data.model import STATUS_LABELS, STATUS_MEANINGS, Status
from build_scripts.data.rules import STATUS_RULES, check_lines, plural
from build_scripts.render import text as t
from build_scripts.render.masthead import CORRECTIONS_ANCHOR
from build_scripts.render.page_context import Flavour, PageContext
from build_scripts.render.reading import Made
from build_scripts.render.views import BriefingView

SITE, COPY = Flavour.SITE, Flavour.COPY
TEMPLATES = Path(__file__).parent / "templates"
LISTED_NOTES = frozenset({"print.md.j2"})  # pages made to be printed: citation notes listed at the end


def _finalize(value):
    if value is None:
        return ""
    return t.md_text(value)


def template_environment() -> jinja2.Environment:
    """The pages' Jinja environment (one per build session: site_plan.PageCache.templates)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # a template edit makes a new environment (the session's code fingerprint)
    )
    env.filters.update(
        when=lambda d: t.md_text(when(d)),
        raw_id=lambda value: t.Md(value),  # ids are validated as [a-z0-9-]
        md=t.Md,
        count=lambda n, noun: t.md_text(plural(n, noun)),
        # only for the output of our own macros, which escape their own data
        lower_first=lambda value: t.md_text(value[:1].lower() + value[1:]),
        # Front matter: MkDocs and Material print page titles and descriptions into HTML unescaped,
        # so they are HTML-escaped here, then quoted as a YAML (JSON) string.
        tojson=lambda value: t.Md(json.dumps(t.html_text(value, attribute=True), ensure_ascii=False)),
    )
    return env


def render(template: str, view: BriefingView, page: str, flavour: Flavour = SITE, search: str = "",
           env: jinja2.Environment | None = None, made: Made | None = None, kind: str = "", subject=None,
           **extra) -> str:
    """A page in a flavour: the site's, or its plain-Markdown copy (without front matter). search: the
    page kind's setting for the site's search ('boost: 2'), added to its front matter. env: the session's
    template environment (a fresh one when not given); made: the fragments this run made already, shared by
    its pages (formats' `made`). kind, subject: the page's kind and what it is about (the charts the chart
    table shows on it). extra: the page kind's own variables and `links`, the paths of single pages
    (plan/page_registry.py)."""
    seed_id = view.briefing.info.seed_source
    env = env if env is not None else template_environment()
    ctx = PageContext(view, page, flavour, listed_notes=template in LISTED_NOTES, made=made, kind=kind,
                      subject=subject)
    text = env.get_template(template).render(
        ctx=ctx, view=view, b=view.briefing, page=page, statuses=list(Status),
        seed=view.sources[seed_id] if seed_id else None, report_label=report_label(view), has=view.parts,
        words=view.briefing.info.wording,
        STATUS_LABELS=STATUS_LABELS, STATUS_MEANINGS=STATUS_MEANINGS, STATUS_RULES=STATUS_RULES,
        check_lines=check_lines(), assets=assets, CORRECTIONS_ANCHOR=CORRECTIONS_ANCHOR, **extra,
    ) + ctx.notes()
    if flavour is COPY:
        return as_copy(text)
    return with_search(text, search) if search else text


def with_search(text: str, setting: str) -> str:
    """The page's front matter with the search setting as its last entry."""
    end = text.index("\n---\n", text.index("---\n")) + 1
    return f"{text[:end]}search:\n  {setting}\n{text[end:]}"


def as_copy(text: str) -> str:
    """A page rendered as a copy, without its front matter (the site's metadata), trailing spaces, or
    more than one blank line between blocks (where the template left out parts a copy does not show)."""
    if text.startswith("---\n"):
        text = text[text.index("\n---\n", 3) + 5:]
    lines = "\n".join(line.rstrip() for line in text.split("\n"))
    return "\n\n".join(block.strip("\n") for block in lines.split("\n\n") if block.strip()) + "\n"


def report_label(view: BriefingView) -> str:
    """'The April 2025 report': how pages name the reporting the briefing started from (the briefing's
    own wording first; 'Reported claims' when it did not start from one report)."""
    info = view.briefing.info
    if info.wording.claims_page:
        return info.wording.claims_page
    if info.seed_source is None:
        return "Reported claims"
    seed = view.sources[info.seed_source]
    return f"The {seed.date.label} report" if seed.date else f"The {seed.outlet} report"
