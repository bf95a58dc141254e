"""Fragments about the data behind a fact: its corrections ("Correction of <day> to this claim's status. What
was wrong: …", with what it said before a click away) and, when the briefing sets a repository, "Suggest a
correction" (a prefilled issue form that names the item, and the file and line it is written on). Pure
functions of the view, in a format."""
from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from build_scripts.data.fields import field_label, field_words
from build_scripts.data.rules import series
from build_scripts.history.diffing import LABELS
from build_scripts.history.wording import earlier_text
from build_scripts.render.formats import Format
from build_scripts.render.text import page_url
from build_scripts.render.views import BriefingView

ISSUE_TEMPLATE = "correction.yml"  # .github/ISSUE_TEMPLATE/correction.yml: its field ids are the query's keys


def corrections(fmt: Format, view: BriefingView, collection: str, item) -> list[str]:
    """One block per correction of the item, a dated note with its subject: 'Correction of <day> to this
    claim's status. What was wrong: <note>', and, where the data's history has it, a disclosure with what the
    corrected fields said before."""
    out = []
    for index, correction in enumerate(getattr(item, "corrections", ())):
        line = fmt.paragraph(correction_line(fmt, collection, correction))
        earlier = view.editing.earlier.get((collection, item.id, index), ())
        before = [f"{fmt.strong(fmt.text(field_label(e.field)) + ':')} {fmt.text(earlier_text(e.field, e.value))}"
                  for e in earlier]
        parts = [line] + ([fmt.details("What it said before", fmt.items(before))] if before else [])
        out.append(fmt.group(parts, class_="correction"))
    return out


def correction_line(fmt: Format, collection: str, correction) -> str:
    """'**Correction of 1 December 2026** to this claim's status. What was wrong: Marked confirmed, …': the day
    the fact was corrected (the correction's own date, which the Updates page gives too), what it corrected
    (the item, and the fields the correction names), then its note as the data writes it, which says what was
    wrong."""
    day = fmt.element("time", fmt.text(correction.date.label), datetime=correction.date.start.isoformat())
    this = f"this {LABELS[collection].lower()}"
    what = f"{this}'s {series([field_words(name) for name in correction.fields])}" if correction.fields else this
    return f"{fmt.strong(f'Correction of {day}')} {fmt.text(f'to {what}. What was wrong:')} {fmt.text(correction.note)}"


def suggest(fmt: Format, view: BriefingView, collection: str | None, item_id: str | None, page: str,
            anchor: str | None = None) -> str:
    """'Suggest a correction (events.yaml, line 42)': the issue form, prefilled with the item and its page
    address, and the line in the repository's web view; nothing when the briefing sets no repository."""
    repository = view.briefing.info.repository
    if repository is None:
        return ""
    item = f"{collection}/{item_id}" if collection and item_id else ""
    address = view.editing.site_url.rstrip("/") + "/" + page_url(page) + (f"#{anchor}" if anchor else "")
    query = {"template": ISSUE_TEMPLATE, "title": f"Correction: {item or page_url(page) or 'home page'}",
             "item": item, "page": address}
    form = f"{repository.url}/issues/new?{urlencode({k: v for k, v in query.items() if v}, quote_via=quote)}"
    links = fmt.link("Suggest a correction", fmt.url(form))
    place: Any = view.editing.places.get((collection, item_id)) if collection and item_id else None
    if place is not None:
        path = f"{repository.data_path.strip('/')}/{place.file}"
        blob = f"{repository.url}/blob/{quote(repository.branch)}/{quote(path)}#L{place.line}"
        links += f" ({fmt.link(fmt.text(f'{place.file}, line {place.line}'), fmt.url(blob))})"
    return fmt.element("span", links, class_="suggest")


def correction_form(info) -> str:
    """The correction form's address without its page field (every page's footer adds its own address),
    or '' when the briefing sets no repository."""
    if info.repository is None:
        return ""
    return f"{info.repository.url}/issues/new?{urlencode({'template': ISSUE_TEMPLATE}, quote_via=quote)}"
