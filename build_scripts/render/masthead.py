"""The masthead: who publishes the briefing, who writes and checks it, and where a reader sends a
correction (briefing.yaml's publisher, editors and corrections_contact, and the repository's correction
form). One fragment per use, written against a format: the lines every page's footer carries, and the
methodology's sentences. Only what the data names is shown: nothing is filled in, and where it names no one
the methodology says so. An e-mail address is text, never a link. Pure."""
from __future__ import annotations

from build_scripts.data.briefing_info import BriefingInfo, CorrectionsContact
from build_scripts.data.rules import series
from build_scripts.render.editing import correction_form
from build_scripts.render.formats import Format

# The methodology's section on corrections and how to report an error, which every page's footer links to.
CORRECTIONS_ANCHOR = "corrections"


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


def who_parts(fmt: Format, info: BriefingInfo) -> list[str]:
    """'Published by X', 'Editors: A, B'; each only when the data names it."""
    parts = []
    if info.publisher is not None:
        parts.append("Published by " + _named(fmt, info.publisher.name, info.publisher.url))
    if info.editors:
        parts.append(("Editors: " if len(info.editors) > 1 else "Editor: ") + ", ".join(_editors(fmt, info)))
    return parts


def contact_ways(fmt: Format, info: BriefingInfo) -> str:
    """'address, corrections page': the corrections contact the data names, or ''."""
    contact = info.corrections_contact
    return ", ".join(_ways(fmt, contact)) if contact is not None else ""


def footer_parts(fmt: Format, info: BriefingInfo) -> list[str]:
    """The masthead as one line, in parts (joined with ' · '): 'Published by X', 'Editors: A, B',
    'Corrections: address, corrections page'; each only when the data names it."""
    ways = contact_ways(fmt, info)
    return who_parts(fmt, info) + (["Corrections: " + ways] if ways else [])


def who_publishes(fmt: Format, info: BriefingInfo) -> str:
    """The methodology's sentences on who publishes the briefing and edits it; when it names neither, that it
    does not (a reader told of 'an editor' elsewhere may ask who)."""
    sentences = []
    if info.publisher is not None:
        sentences.append(f"This briefing is published by {_named(fmt, info.publisher.name, info.publisher.url)}.")
    if info.editors:
        whose = "Its" if info.publisher is not None else "This briefing's"
        many = len(info.editors) > 1
        sentences.append(f"{whose} {'editors' if many else 'editor'}, who write{'' if many else 's'} and "
                         f"check{'' if many else 's'} it, {'are' if many else 'is'} {series(_editors(fmt, info))}.")
    return " ".join(sentences) or "This briefing does not name its publisher or its editors."


def how_to_report(fmt: Format, info: BriefingInfo) -> str:
    """The methodology's sentences on how to report an error: the contact the data names and the
    repository's correction form, whichever the briefing has; without either, that it names none."""
    contact, form = info.corrections_contact, correction_form(info)
    ways = ([f"write to {fmt.text(contact.email)}"] if contact and contact.email else []) + (
        [f"see the {fmt.link('corrections page', fmt.url(contact.url))}"] if contact and contact.url else []) + (
        [f"use the {fmt.link('correction form', fmt.url(form))} in the briefing's public repository"] if form else [])
    if not ways:
        return "This briefing names no contact for corrections, and offers no form for reporting an error."
    sentences = [f"To report an error, {series(ways, 'or')}."]
    if form:
        sentences.append('Every fact, source and page also has a "Suggest a correction" link: it opens the form, '
                         "naming the fact and linking the line of the data it is written on. "
                         "An editor reads every suggestion.")
    return " ".join(sentences)
