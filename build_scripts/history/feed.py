"""The Atom feed of the Updates page (pure): one entry per item changed on a day, corrections marked as
such (a 'Correction:' title and the category 'correction')."""
from __future__ import annotations

from datetime import datetime, timezone
from xml.sax.saxutils import escape, quoteattr

from build_scripts.asset_paths import FEED
from build_scripts.history.changes import Change
from build_scripts.history.diffing import LABELS
from build_scripts.history.update_days import UpdateDay


def entry_title(change: Change) -> str:
    """'Correction: Event: <title>' or 'Event added: <title>'."""
    if change.verb == "corrected":
        return f"Correction: {LABELS[change.kind]}: {change.label}"
    return f"{LABELS[change.kind]} {change.verb}: {change.label}"


def entry_summary(change: Change, day: UpdateDay | None = None) -> str:
    """The entry's title, with the corrections' notes (each with the day the fact was corrected, when one was
    made before the day its note was added) and what changed."""
    parts = [entry_title(change)]
    if day is not None:
        parts += [f"{lead}: {note}" if lead else note for lead, note in change.dated_notes(day.day)]
    elif change.correction:
        parts.append(change.correction)
    if change.detail:
        parts.append(change.detail)
    return " ".join(p if p.endswith(".") else p + "." for p in parts)


def _authors(info) -> list[str]:
    """The briefing's editors, who write and check it, as the feed's authors (none when it names none)."""
    return [f"<author><name>{escape(e.name)}</name>{f'<uri>{escape(e.url)}</uri>' if e.url else ''}</author>"
            for e in info.editors]


def atom_feed(info, site_url: str, days: list[UpdateDay], link_for) -> str:
    """An Atom feed of the updates by day (newest first); link_for(change) gives a change's page address.
    Its subtitle carries the coverage and review dates (the entries' dates are when the data changed); its
    authors are the masthead's editors."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    updated = (datetime.fromtimestamp(days[0].when, timezone.utc).isoformat() if days
               else "1970-01-01T00:00:00+00:00")
    lines = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom">',
             f"<title>{escape(info.title)}: updates</title>",
             f"<subtitle>Covers events to {escape(info.as_of.label)}. Last checked for news on "
             f"{escape(info.last_reviewed.label)}.</subtitle>", f'<link href="{escape(base)}"/>',
             f'<link rel="self" href="{escape(base)}{FEED}"/>', f"<id>{escape(base)}{FEED}</id>",
             f"<updated>{updated}</updated>", *_authors(info)]
    for day in days:
        stamp = datetime.fromtimestamp(day.when, timezone.utc).isoformat()
        for change in day.changes:
            category = "correction" if change.verb == "corrected" else "update"
            lines += ["<entry>", f"<title>{escape(entry_title(change))}</title>",
                      f"<id>{escape(base)}updates/#{day.anchor}-{escape(change.kind)}-{escape(change.item_id)}</id>",
                      f"<updated>{stamp}</updated>",
                      f'<link href="{escape(base + (link_for(change) or "updates/"))}"/>',
                      f"<category term={quoteattr(category)} label={quoteattr(category.capitalize())}/>",
                      f"<summary>{escape(entry_summary(change, day))}</summary>", "</entry>"]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
