"""Markdown rendering: pure functions from the view to page text, through Jinja2 templates.

Every `{{ value }}` in a template is escaped as literal text unless it is already `Md`
(the Markdown-building helpers below return `Md`), so data can never inject markup.
"""
from __future__ import annotations

import html
import json
from pathlib import Path

import jinja2

from build_scripts.data.dates import FlexDate, span_label, when
from build_scripts.data.model import STATUS_LABELS, STATUS_MEANINGS, Amount, Status
from build_scripts.data.rules import RULES, STATUS_RULES, check_lines, origins_phrase
from build_scripts.render import text as t
from build_scripts.render.page_paths import METHODOLOGY
from build_scripts.render.views import BriefingView

TEMPLATES = Path(__file__).parent / "templates"
COPY_KINDS = {"syndication": "a syndication partner's copy", "mirror": "an unaffiliated mirror",
              "aggregator": "an aggregator's rewrite"}
CURRENCY_SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€"}


def format_amount(amount: Amount) -> str:
    value = amount.value
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= size:
            number = f"{value / size:.2f}".rstrip("0").rstrip(".")
            figure = f"{number} {word}"
            break
    else:
        figure = f"{value:,.0f}"
    symbol = CURRENCY_SYMBOLS.get(amount.currency)
    money = f"{symbol}{figure}" if symbol else f"{amount.currency} {figure}"
    return f"about {money}" if amount.approximate else money


def status_badge(status: Status, origins: int | None = None, href: str | None = None, title: str = "",
                 short: bool = False) -> t.Md:
    """A badge that says the status in words and with an icon, never by colour alone, with the number of
    independent outlets behind it; the label links to what the status means (href). short: the compact
    form for lists that repeat the timeline (its short label, no link), which keep pages light."""
    rule = RULES[status]
    words = rule.short if short else rule.label
    label = f'<a href="{href}">{words}</a>' if href else words
    count = f" · {origins_phrase(origins)}" if origins is not None else ""
    hover = f' title="{html.escape(title)}"' if title else ""
    return t.Md(f'<span class="status status--{status.value}"{hover}><span aria-hidden="true">{rule.icon}</span> '
                f"{label}{count}</span>")


def source_item_html(source) -> str:
    """'Outlet, “Title”, 22 July 2019. original · read via Copy' as escaped HTML (no site-internal links)."""
    def esc(text: str) -> str:
        return html.escape(text, quote=False)

    heading = f"“{esc(source.title)}”" if source.title else esc(source.subject)
    text = f"{esc(source.outlet)}, {heading}" + (f", {esc(source.date.label)}" if source.date else "") + ". "
    links = []
    original = f'<a href="{html.escape(t.md_url(source.url))}">original</a>' if source.url else ""
    links.append((original + archived_html(source.archived)).strip())
    if source.read_via:
        via = source.read_via
        links.append(f'read via <a href="{html.escape(t.md_url(via.url))}">{esc(via.name)}</a>' + archived_html(via.archived))
    return text + " · ".join(link for link in links if link)


def archived_html(archived, dated: bool = False) -> str:
    """' (archived copy)' linking a web archive's snapshot, or nothing when there is none."""
    if archived is None:
        return ""
    day = f", {html.escape(archived.date.label, quote=False)}" if dated else ""
    return f' (<a class="archived" href="{html.escape(t.md_url(archived.url))}">archived copy</a>{day})'


def archived_md(archived) -> str:
    """The same as archived_html, in Markdown."""
    return f" ([archived copy]({t.md_url(archived.url)}))" if archived is not None else ""


def _finalize(value):
    if value is None:
        return ""
    return t.md_text(value)


def template_environment() -> jinja2.Environment:
    """The pages' Jinja environment (one per build session: reuse.Reuse.templates)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        amount=lambda a: t.md_text(format_amount(a)),
        when=lambda d: t.md_text(when(d)),
        legend=lambda status: status_badge(status),
        url=t.md_url,
        raw_id=lambda value: t.Md(value),  # ids are validated as [a-z0-9-]
        md=t.Md,
        count=lambda n, noun: t.md_text(t.plural(n, noun)),
        lower_first=lambda value: t.md_text(value[:1].lower() + value[1:]),  # only for the output of our own macros, which escape their own data
        # Front matter: MkDocs and Material print page titles and descriptions into HTML unescaped,
        # so they are HTML-escaped here, then quoted as a YAML (JSON) string.
        tojson=lambda value: t.Md(json.dumps(html.escape(str(value), quote=True), ensure_ascii=False)),
    )
    return env


class PageContext:
    """What a template can call: link helpers bound to the page being rendered."""

    def __init__(self, view: BriefingView, page: str):
        self.view = view
        self.page = page
        self.b = view.briefing
        self._hrefs: dict[str, str] = {}  # page -> its address from this page

    def link(self, to_page: str, anchor: str | None = None) -> t.Md:
        return t.relative_link(self.page, to_page, anchor)

    def entity(self, entity_id: str) -> t.Md:
        return t.Md(f"[{t.md_text(self.view.entity_name(entity_id))}]({self.link(self.view.entity_page(entity_id))})")

    def entities(self, ids) -> t.Md:
        return t.Md(", ".join(self.entity(i) for i in ids))

    def event_link(self, event_id: str) -> t.Md:
        event = self.view.events_by_id[event_id]
        return t.Md(f"[{t.md_text(event.title)}]({self.link(self.view.event_pages[event.id], event.id)})")

    def cite(self, source_ids) -> t.Md:
        """Numbered citation markers, each linking to the exact entry on the sources page."""
        return self._marks(self.view.source_pages, source_ids)

    def cite_events(self, event_ids) -> t.Md:
        """Numbered markers linking to events on the timeline."""
        return self._marks(self.view.event_pages, event_ids)

    def _marks(self, pages_by_id: dict[str, str], ids) -> t.Md:
        marks = [f"[\\[{n}\\]]({self.link(pages_by_id[i], i)})" for n, i in enumerate(ids, 1)]
        return t.Md('<sup class="cite">' + "".join(marks) + "</sup>")

    def source_line(self, source_id: str) -> t.Md:
        """'Outlet, “Title”, 22 July 2019. original · read via Copy' (the citation marker links the entry)."""
        s = self.view.sources[source_id]
        heading = f"“{t.md_text(s.title)}”" if s.title else t.md_text(s.subject)
        parts = [f"{t.md_text(s.outlet)}, {heading}" + (f", {t.md_text(s.date.label)}" if s.date else "")]
        links = []
        original = f"[original]({t.md_url(s.url)})" if s.url else ""
        links.append((original + archived_md(s.archived)).strip())
        if s.read_via:
            via = s.read_via
            links.append(f"read via [{t.md_text(via.name)}]({t.md_url(via.url)})" + archived_md(via.archived))
        return t.Md(parts[0] + ". " + " · ".join(link for link in links if link))

    def badge(self, item) -> t.Md:
        """An item's status badge (event, claim, leverage) with its independent origins."""
        return status_badge(item.status, len(self.view.origins_of(item.sources)),
                            self.href(METHODOLOGY, f"status-{item.status.value}"))

    def list_badge(self, item) -> t.Md:
        """The compact badge of an event in a list that repeats the timeline (where the full one is)."""
        return status_badge(item.status, len(self.view.origins_of(item.sources)), short=True)

    def basis(self, event_ids) -> t.Md:
        """Prose resting on events shows the weakest status among them, computed, not typed."""
        weakest = self.view.weakest_event(event_ids)
        cited = len(dict.fromkeys(event_ids))
        title = f"The weakest status among the {cited} events this rests on" if cited > 1 else \
            "The status of the event this rests on"
        badge = status_badge(weakest.status, len(self.view.origins_of(weakest.sources)),
                             self.href(METHODOLOGY, f"status-{weakest.status.value}"), title)
        return t.Md(f'<span class="basis">Rests on: {badge}</span>')

    def scheduled(self, event) -> str:
        """' (scheduled)' for an event announced ahead whose date the briefing's coverage has not reached."""
        if event.scheduled and event.date.end > self.b.info.as_of.start:
            return ' <span class="scheduled">(scheduled)</span>'
        return ""

    def figures(self, dated: FlexDate | None) -> t.Md:
        """' (figures as of October 2025)' when the text's figures are older than the briefing's as-of date
        (with its leading space; nothing otherwise)."""
        if dated is None or dated.end >= self.b.info.as_of.start:
            return t.Md("")
        return t.Md(f' <span class="figures-as-of">(figures as of {t.html_text(dated.label)})</span>')

    def code_label(self, kind: str, code_id: str) -> str:
        """A tone or theme by its codebook label (HTML text)."""
        return t.html_text(self.view.codes[kind][code_id].label)

    def date(self, start: FlexDate, until: FlexDate | None = None) -> t.Md:
        return t.md_text(span_label(start, until))

    def review_note(self, item) -> t.Md:
        """A visible note when a conflict or leverage item has not been reviewed for too long."""
        info = self.b.info
        age = (info.as_of.start - item.last_reviewed.end).days
        if age <= info.review_max_age_days:
            return t.Md("")
        return t.Md(f'<span class="review-note">Not reviewed for {age} days before this briefing\'s as-of date; '
                    f"parts may be out of date.</span>")

    def change(self, change) -> t.Md:
        """A change's label, linked to where it can be seen now (plain text once it is gone)."""
        target = change_target(self.view, change)
        label = t.md_text(change.label)
        return t.Md(f"[{label}]({self.link(*target)})") if target else label

    def cite_button(self, event) -> t.Md:
        """A button that copies a plain-text citation. assets/briefing.js composes it from the page itself
        (the event's heading and date, the briefing's title and as-of date, the permalink), so the
        citation costs no extra bytes per event."""
        return t.Md(f'<button type="button" class="cite-copy" data-event="{event.id}">Copy citation</button>')

    # What repeats once per event or per source is written as HTML here, carried through Markdown
    # in an HTML block (text.html_block): a page of hundreds of events then costs Python-Markdown
    # almost nothing. Links in it are final site addresses (MkDocs rewrites only Markdown links);
    # tests/test_site.py checks every one of them resolves.

    def href(self, to_page: str, anchor: str | None = None) -> str:
        """The address of a page (and an anchor on it) from this page, for an href attribute. Page paths
        and anchors are made of ids, which the model restricts to a-z, 0-9 and '-': nothing to escape."""
        base = self._hrefs.get(to_page)
        if base is None:
            base = self._hrefs[to_page] = t.relative_href(self.page, to_page)
        return f"{base}#{anchor}" if anchor else base

    def source_item(self, source_id: str) -> str:
        key = ("source_item", source_id)
        fragment = self.view.fragments.get(key)
        if fragment is None:
            fragment = self.view.fragments[key] = source_item_html(self.view.sources[source_id])
        return fragment

    def entity_html(self, entity_id: str) -> str:
        name = t.html_text(self.view.entity_name(entity_id))
        return f'<a href="{self.href(self.view.entity_page(entity_id))}">{name}</a>'

    def cite_html(self, source_ids) -> str:
        marks = "".join(f'<a href="{self.href(self.view.source_pages[sid], sid)}">[{n}]</a>'
                        for n, sid in enumerate(source_ids, 1))
        return f'<sup class="cite">{marks}</sup>'

    def event_block(self, event, level: int = 3) -> t.Md:
        """One event on a timeline page: heading (at `level`, one below the section it is in) with
        permalink (Markdown, so it is in the page's table of contents and search sections), then in HTML its date and status, summary with
        numbered citations, who and what, amounts, and its sources."""
        text = t.html_text
        parts = [
            f'<p class="event-meta"><time datetime="{event.date.start.isoformat()}">'
            f"{text(span_label(event.date, event.until))}</time>{self.scheduled(event)} {self.badge(event)}</p>",
            f"<p>{text(event.summary)} {self.cite_html(event.sources)}</p>",
        ]
        if event.status_note:
            parts.append(f"<p><em>{text(event.status_note)}</em></p>")
        who = ", ".join(self.entity_html(i) for i in event.actors)
        themes = ", ".join(self.code_label("themes", i) for i in event.themes)
        who = f"<strong>Who:</strong> {who} · " if who else ""
        parts.append(f"<p>{who}<strong>Themes:</strong> {themes} · "
                     f"<strong>Tone:</strong> {self.code_label('tones', event.tone.value)} · {self.cite_button(event)}</p>")
        if event.coding_note:
            parts.append(f'<p class="coding-note"><strong>Coding note:</strong> {text(event.coding_note)}</p>')
        if event.amounts:
            amounts = "; ".join(f"{text(format_amount(a))} ({text(a.label)}"
                                + (f", as of {text(a.as_of.label)})" if a.as_of else ")") for a in event.amounts)
            parts.append(f"<p><strong>Amounts:</strong> {amounts}</p>")
        sources = "".join(f"<li>{self.source_item(sid)}</li>" for sid in event.sources)
        listed = t.html_block(f'<details class="sources"><summary>Sources ({len(event.sources)})</summary>'
                              f"<ol>{sources}</ol></details>", searched=False)  # the sources pages are searched
        return t.Md(f"{'#' * level} {t.md_text(event.title)} {{ #{event.id} .event }}\n\n"
                    f"{t.html_block(chr(10).join(parts))}\n\n{listed}\n\n")

    def event_list(self, events, empty: str) -> t.Md:
        """A list of events (date, link, status), kept out of search: it repeats what the timeline says."""
        if not events:
            return t.html_block(f"<p>{t.html_text(empty)}</p>")
        items = "\n".join(
            f'<li>{t.html_text(span_label(e.date, e.until))}: '
            f'<a href="{self.href(self.view.event_pages[e.id], e.id)}">{t.html_text(e.title)}</a>'
            f"{self.scheduled(e)} {self.list_badge(e)}</li>"
            for e in events)
        return t.html_block(f'<ul class="event-list">\n{items}\n</ul>', searched=False)

    def source_entry(self, source) -> t.Md:
        """A source's entry on a sources page, below its heading: what it is, where to read it,
        the editor's note, and what cites it."""
        text = t.html_text
        about = f"“{text(source.title)}”" if source.title else f"{text(source.subject)} (headline not recorded)"
        links = []
        original = f'<a href="{html.escape(t.md_url(source.url))}">Original publication</a>' if source.url else ""
        if original or source.archived:
            links.append((original + archived_html(source.archived, dated=True)).strip())
        if source.read_via:
            via = source.read_via
            links.append(f'Read via <a href="{html.escape(t.md_url(via.url))}">{text(via.name)}</a> '
                         f"({COPY_KINDS[via.kind.value]})" + archived_html(via.archived, dated=True))
        dated = f", {text(source.date.label)}" if source.date else ""
        parts = [f"<p>{about}{dated}. " + " · ".join(links) + "</p>"]
        if source.unlocated:
            parts.append('<p class="copy-warning"><strong>Original not located:</strong> its own text was not '
                         "found; the briefing knows it only through the re-reports that rest on it.</p>")
        if source.url is None and source.read_via and source.read_via.kind.value != "syndication":
            parts.append('<p class="copy-warning"><strong>Read only through an unaffiliated copy:</strong> the '
                         "original's text could not be checked against it.</p>")
        if source.based_on and source.based_on in self.view.sources:
            base = self.view.sources[source.based_on]
            parts.append(f'<p class="based-on">Re-reports <a href="{self.href(self.view.source_pages[base.id], base.id)}">'
                         f"{text(base.outlet)}: {text(base.title or base.subject)}</a>, so it adds no independent "
                         "origin.</p>")
        if source.note:
            parts.append(f"<p><em>{text(source.note)}</em></p>")
        uses = self.view.uses_by_source.get(source.id, [])
        items = [f'<li>{text(use.kind)}: <a href="{self.href(use.page, use.anchor)}">{text(use.label)}</a></li>'
                 for use in uses] or ["<li>Nothing on the site cites this source yet.</li>"]
        cited_by = '<div class="cited-by">\n<p>Cited by:</p>\n<ul>\n' + "\n".join(items) + "\n</ul>\n</div>"
        return t.Md(f"{t.html_block(chr(10).join(parts))}\n\n{t.html_block(cited_by, searched=False)}")


def render(template: str, view: BriefingView, page: str, **extra) -> str:
    """The page's Markdown from its template; extra: the page kind's own variables and `links`, the
    paths of single pages (site/page_registry.py)."""
    ctx = PageContext(view, page)
    seed_id = view.briefing.info.seed_source
    if view.reuse.templates is None:
        view.reuse.templates = template_environment()
    return view.reuse.templates.get_template(template).render(
        ctx=ctx, view=view, b=view.briefing, page=page, statuses=list(Status),
        seed=view.sources[seed_id] if seed_id else None, report_label=report_label(view), has=view.parts,
        words=view.briefing.info.wording,
        STATUS_LABELS=STATUS_LABELS, STATUS_MEANINGS=STATUS_MEANINGS, STATUS_RULES=STATUS_RULES,
        check_lines=check_lines(), **extra,
    )


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


def change_target(view: BriefingView, change) -> tuple[str, str] | None:
    """Where a change can be seen now, if it still exists: (page, anchor)."""
    if change.kind == "events" and change.item_id in view.event_pages:
        return view.event_pages[change.item_id], change.item_id
    if change.kind == "sources" and change.item_id in view.source_pages:
        return view.source_pages[change.item_id], change.item_id
    return None


