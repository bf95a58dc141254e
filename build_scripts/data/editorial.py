"""Editorial care (cross-fact checks on a valid briefing): draft facts kept out of the site, and
warnings that do not stop the build: stale reviews, sources dated before the events they report,
amounts in an odd currency, people and organisations no event names, a masthead that names no publisher,
editors or corrections contact."""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from build_scripts.data.acknowledgements import coded
from build_scripts.data.briefing_info import BriefingInfo
from build_scripts.data.loading import Positions
from build_scripts.data.model import Review
from build_scripts.errors import Problem

DRAFTABLE = ("events", "claims", "quotes", "sources")


def _problem(positions: Positions, item, field: tuple, message: str, hint: str, severity: str = "warning",
             code: str = "") -> Problem:
    file, path = positions[id(item)]
    return file.problem(path + field, message, hint, severity, code)


def _name(item) -> str:
    """A draft as the list of drafts names it: its title, else its subject, else its id."""
    name: str = getattr(item, "title", None) or getattr(item, "subject", None) or item.id
    return name


def split_drafts(items: dict[str, list], positions: Positions,
                 references: Mapping[str, tuple[tuple[str, tuple[str, ...]], ...]],
                 problems: list[Problem]) -> list[Problem]:
    """Take draft facts out of items; a published fact that refers to a draft is an error.
    Returns one line per draft, for `make check` to list."""
    drafts = {name: [i for i in items[name] if i.review == Review.draft] for name in DRAFTABLE}
    draft_ids = {i.id for values in drafts.values() for i in values}
    listed = [_problem(positions, i, ("review",), f"draft, not published: {_name(i)}",
                       "set review: published when it is ready", "draft") for values in drafts.values() for i in values]
    for name in DRAFTABLE:
        items[name] = [i for i in items[name] if i.review != Review.draft]
    for name, fields in references.items():
        for item in items[name]:
            for attr, _ in fields:
                value = getattr(item, attr)
                values = value if isinstance(value, (list, tuple)) else [value]
                for index, ref in enumerate(values):
                    if ref in draft_ids:
                        alias = type(item).model_fields[attr].alias or attr
                        loc = (alias, index) if isinstance(value, (list, tuple)) else (alias,)
                        problems.append(_problem(positions, item, loc, f"'{ref}' is a draft, so it is not on the site",
                                                 "publish it (review: published) or remove this reference", "error"))
    return listed


def review_warnings(info: BriefingInfo, items: dict[str, list], positions: Positions) -> list[Problem]:
    warnings = []
    for name in ("conflicts", "leverage"):
        for item in items[name]:
            age = (info.as_of.start - item.last_reviewed.end).days
            if age > info.review_max_age_days:
                warnings.append(_problem(positions, item, ("last_reviewed",),
                                         f"last reviewed {age} days before the briefing's as-of date",
                                         f"review it against new reporting (limit: {info.review_max_age_days} days)",
                                         code=coded("W302")))
    return warnings


def cross_fact_warnings(items: dict[str, list], positions: Positions) -> list[Problem]:
    warnings = []
    sources = {s.id: s for s in items["sources"]}
    for event in (e for e in items["events"] if not e.scheduled):  # a schedule is reported before the day
        for index, source_id in enumerate(event.sources):
            source = sources.get(source_id)
            if source and source.date and source.date.end < event.date.start:
                warnings.append(_problem(positions, event, ("sources", index),
                                         f"{source_id} is dated {source.date} but the event is dated {event.date}",
                                         "a source cannot report an event before it happens: check both dates",
                                         code=coded("W104")))
    currencies = Counter(a.currency for e in items["events"] for a in e.amounts)
    if currencies:
        main = currencies.most_common(1)[0][0]
        for event in items["events"]:
            for index, amount in enumerate(event.amounts):
                if amount.currency != main:
                    warnings.append(_problem(positions, event, ("amounts", index, "currency"),
                                             f"{amount.currency} differs from the other amounts ({main})",
                                             f"the money chart shows {main} only; convert it or say so in the label",
                                             code=coded("W401")))
    named = {a for e in items["events"] for a in e.actors}
    for name in ("people", "organisations"):
        for entity in items[name]:
            if entity.id not in named:
                warnings.append(_problem(positions, entity, ("id",), f"no event names {entity.id}",
                                         "add it to an event's actors, or remove the profile", code=coded("W402")))
    return warnings


def masthead_warnings(info: BriefingInfo, positions: Positions) -> list[Problem]:
    """The masthead (who answers for the briefing): one warning naming what it leaves out. Never filled in:
    the site shows only what the data names."""
    missing = [words for words, given in (("no publisher", info.publisher), ("no editors", info.editors),
                                          ("no corrections contact", info.corrections_contact)) if not given]
    if not missing:
        return []
    named = ", ".join(missing[:-1]) + (" and " if len(missing) > 1 else "") + missing[-1]
    return [_problem(positions, info, (), f"names {named}", "add publisher, editors and corrections_contact "
                     "as they really are (readers see them in the footer and the methodology); while they are not "
                     "known, acknowledge this warning and say so", code=coded("W403"))]
