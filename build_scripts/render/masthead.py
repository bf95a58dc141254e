"""The masthead: who publishes the briefing, who writes and checks it, and where a reader sends a
correction (briefing.yaml's publisher, editors and corrections_contact). One fragment per use, written
against a format: the line every page's footer carries, and the methodology's sentences. Only what the
data names is shown: nothing is filled in. An e-mail address is text, never a link. Pure."""
from __future__ import annotations

from build_scripts.data.briefing_info import BriefingInfo, CorrectionsContact
from build_scripts.render.formats import Format
from build_scripts.render.page_variables import series


def _named(fmt: Format, name: str, url: str | None) -> str:
    """A name, linked to its page when the data gives one."""
    label = fmt.text(name)
    return fmt.link(label, fmt.url(url)) if url else label


def _editors(fmt: Format, info: BriefingInfo) -> list[str]:
    return [_named(fmt, editor.name, editor.url) for editor in info.editors]


def _ways(fmt: Format, contact: CorrectionsContact) -> list[str]:
    """The corrections contact: its address (as text) and its page (a link)."""
    ways = [fmt.text(contact.email)] if contact.email else []
    return ways + ([fmt.link("corrections page", fmt.url(contact.url))] if contact.url else [])


def footer_parts(fmt: Format, info: BriefingInfo) -> list[str]:
    """The footer's line, in parts (the footer joins them with ' · '): 'Published by X', 'Editors: A, B',
    'Corrections: address, corrections page'; each only when the data names it."""
    parts = []
    if info.publisher is not None:
        parts.append("Published by " + _named(fmt, info.publisher.name, info.publisher.url))
    if info.editors:
        parts.append(("Editors: " if len(info.editors) > 1 else "Editor: ") + ", ".join(_editors(fmt, info)))
    if info.corrections_contact is not None:
        parts.append("Corrections: " + ", ".join(_ways(fmt, info.corrections_contact)))
    return parts


def who_publishes(fmt: Format, info: BriefingInfo) -> str:
    """The methodology's sentences on who publishes the briefing and edits it ('' when it names neither)."""
    sentences = []
    if info.publisher is not None:
        sentences.append(f"This briefing is published by {_named(fmt, info.publisher.name, info.publisher.url)}.")
    if info.editors:
        whose = "Its" if info.publisher is not None else "This briefing's"
        many = len(info.editors) > 1
        sentences.append(f"{whose} {'editors' if many else 'editor'}, who write{'' if many else 's'} and "
                         f"check{'' if many else 's'} it, {'are' if many else 'is'} {series(_editors(fmt, info))}.")
    return " ".join(sentences)


def where_to_correct(fmt: Format, info: BriefingInfo) -> str:
    """The methodology's sentence on where to send a correction: the contact the data names; without one,
    that none is named (unless the repository's form is offered, which the page describes itself)."""
    contact = info.corrections_contact
    if contact is None:
        return "" if info.repository is not None else "This briefing names no contact for corrections."
    ways = ([f"write to {fmt.text(contact.email)}"] if contact.email else []) + (
        [f"see the {fmt.link('corrections page', fmt.url(contact.url))}"] if contact.url else [])
    return f"To report an error, {' or '.join(ways)}."
