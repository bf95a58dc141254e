"""Trust checks: what the methodology promises, enforced on a briefing whose items are each valid.

Independent origins: a source that is `based_on` another (a re-report, syndication or write-up; chains
are followed) counts as the source it rests on, and several pieces by one outlet count once. The status
rules (rules.py) are checked against that count; codes must be defined in the codebook; figures must be
dated; an item "still in force" must cite something recent; the briefing's review must be recent.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache

from build_scripts.data.acknowledgements import coded
from build_scripts.data.briefing_info import BriefingInfo
from build_scripts.data.loading import Positions
from build_scripts.data.rules import DEFAULT_TONES, REREPORT_NOTE, RULES, origins_phrase
from build_scripts.data.sources import Source
from build_scripts.errors import Problem

STATUSED = ("events", "claims", "leverage")
FIGURE = re.compile(r"[$€£]\s?\d[\d,.]*(?:\s?(?:billion|million|trillion)\b)?|"
                    r"\d[\d,.]*\s?(?:%|per ?cent\b|percent\b|billion\b|million\b|trillion\b)")


def stated_figures(text: str) -> list[str]:
    """The figures a text states ('27%', '$135 billion'), each once and in order: what its figures_as_of dates."""
    return list(dict.fromkeys(m.group(0).strip().rstrip(",.") for m in FIGURE.finditer(text)))


@lru_cache(maxsize=1 << 12)  # a pure function of a few hundred outlet names, called for every citation
def outlet_key(outlet: str) -> str:
    """One key per outlet however it is written: 'The Wall Street Journal' and 'Wall Street Journal'."""
    return re.sub(r"^the\s+", "", outlet.strip().casefold())


def _chain_end(source: Source, sources: Mapping[str, Source]) -> tuple[Source, bool]:
    """Where source's `based_on` chain ends, and whether it ended by coming back to a source it passed."""
    seen, current = {source.id}, source
    while current.based_on is not None and current.based_on in sources:
        if current.based_on in seen:
            return current, True
        seen.add(current.based_on)
        current = sources[current.based_on]
    return current, False


def origin(source_id: str, sources: Mapping[str, Source]) -> Source:
    """The source at the end of source_id's `based_on` chain (itself when it rests on nothing)."""
    return _chain_end(sources[source_id], sources)[0]


def independent_origins(source_ids: Iterable[str], sources: Mapping[str, Source]) -> tuple[str, ...]:
    """The distinct original outlets behind these sources, in alphabetical order."""
    outlets: dict[str, str] = {}
    for source_id in source_ids:
        if source_id in sources:
            root = origin(source_id, sources)
            outlets.setdefault(outlet_key(root.outlet), root.outlet)
    return tuple(outlets[key] for key in sorted(outlets))


def _where(positions: Positions, item, field: tuple, message: str, hint: str, severity: str, code: str = "") -> Problem:
    file, path = positions[id(item)]
    return file.problem(path + field, message, hint, severity, code)


def provenance_problems(items: dict[str, list], positions: Positions) -> list[Problem]:
    """based_on chains that loop (errors), re-reports without based_on, sources read only via mirrors."""
    sources = {s.id: s for s in items["sources"]}
    problems = []
    for source in items["sources"]:
        if source.based_on is not None and source.based_on in sources and _loops(source, sources):
            problems.append(_where(positions, source, ("based_on",), f"based_on leads back to {source.id}",
                                   "a source rests on an earlier one; break the loop", "error"))
        if source.based_on is None and not source.unlocated and source.note and REREPORT_NOTE.search(source.note):
            problems.append(_where(positions, source, ("note",), "the note says this re-reports another source, "
                                   "but based_on does not say which", "add based_on: <the original source's id>",
                                   "warning", coded("W102")))
        if source.url is None and source.read_via is not None and source.read_via.kind.value != "syndication":
            kind = source.read_via.kind.value
            problems.append(_where(positions, source, ("read_via", "kind"), f"read only through "
                                   f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} ({source.read_via.name})",
                                   "find the original's address or an established syndication partner's copy",
                                   "warning", coded("W101")))
    return problems + _unlocated_problems(items, positions, sources)


def _unlocated_problems(items: dict[str, list], positions: Positions, sources: dict) -> list[Problem]:
    """An unlocated original is never cited directly (nobody read it), and something rests on it."""
    problems: list[Problem] = []
    unlocated = {s.id for s in items["sources"] if s.unlocated}
    if not unlocated:
        return problems
    rested_on = {s.based_on for s in items["sources"]}
    for source_id in sorted(unlocated - rested_on):
        problems.append(_where(positions, sources[source_id], ("unlocated",), "no source is based_on this "
                               "unlocated original", "point the re-reports that were read at it, or remove it",
                               "warning", coded("W103")))
    for name in ("events", "claims", "leverage", "relationships", "people", "organisations"):
        for item in items[name]:
            for index, source_id in enumerate(item.sources):
                if source_id in unlocated:
                    problems.append(_where(positions, item, ("sources", index), f"{source_id} was not read (it "
                                           "is unlocated)", "cite the re-reports that were read instead", "error"))
    return problems


def _loops(source: Source, sources: Mapping[str, Source]) -> bool:
    return _chain_end(source, sources)[1]


def status_problems(items: dict[str, list], positions: Positions) -> list[Problem]:
    """Each status checked against the independent origins of what the item cites (rules.py)."""
    sources = {s.id: s for s in items["sources"]}
    problems = []
    for name in STATUSED:
        for item in items[name]:
            if any(s not in sources for s in item.sources):
                continue  # an unknown source is reported as such; counting without it would mislead
            found = independent_origins(item.sources, sources)
            rule = RULES[item.status]
            listed = ", ".join(found) or "none"
            if len(found) < rule.min_origins:
                problems.append(_where(
                    positions, item, ("status",),
                    f"'{item.status.value}' needs {origins_phrase(rule.min_origins)}, but the sources give "
                    f"{origins_phrase(len(found))} ({listed})",
                    "cite another outlet that reported it independently, or lower the status "
                    "(a re-report or a second piece by the same outlet is not independent)", "error"))
            elif rule.warn_from_origins and len(found) >= rule.warn_from_origins:
                problems.append(_where(
                    positions, item, ("status",),
                    f"'{item.status.value}' but the sources give {origins_phrase(len(found))} ({listed})",
                    "if they report it independently and on the record, it is confirmed", "warning", coded("W201")))
    return problems


def codebook_problems(info: BriefingInfo, items: dict[str, list], positions: Positions) -> list[Problem]:
    """Every code used is defined once; tones are the known ones (the briefing may reword them)."""
    problems = []
    book = info.codebook
    for kind, codes in (("tones", book.tones), ("themes", book.themes), ("relations", book.relations)):
        seen: set[str] = set()
        for index, code in enumerate(codes):
            field = ("codebook", kind, index, "id")
            if code.id in seen:
                problems.append(_where(positions, info, field, f"'{code.id}' is defined twice",
                                       "keep one definition per code", "error"))
            if kind == "tones" and code.id not in DEFAULT_TONES:
                problems.append(_where(positions, info, field, f"'{code.id}' is not a tone",
                                       "tones are " + ", ".join(DEFAULT_TONES), "error"))
            seen.add(code.id)
    return problems


def figure_problems(info: BriefingInfo, items: dict[str, list], positions: Positions) -> list[Problem]:
    """Prose that states a figure (a share, an amount) says when the figure was true."""
    problems = []
    texts: list[tuple[object, tuple[str | int, ...], str, object]]
    texts = [(info, ("summary",), info.summary, info.summary_figures_as_of)]
    texts += [(info, ("takeaways", i, "text"), t.text, t.figures_as_of) for i, t in enumerate(info.takeaways)]
    texts += [(item, (attr,), getattr(item, attr), item.figures_as_of)
              for item in items["leverage"] for attr in ("title", "summary")]
    texts += [(c, ("positions", i, "position"), p.position, p.figures_as_of)
              for c in items["conflicts"] for i, p in enumerate(c.positions)]
    for owner, field, text, dated in texts:
        figures = stated_figures(text)
        if figures and dated is None:
            problems.append(_where(positions, owner, field, f"states a figure ('{figures[0]}') "
                                   "without the date it was true",
                                   "add figures_as_of: the date of the source that gives the figure", "warning",
                                   coded("W202")))
    return problems


def in_force_problems(info: BriefingInfo, items: dict[str, list], positions: Positions) -> list[Problem]:
    """A leverage item still in force whose newest source or event is older than the configured age."""
    sources = {s.id: s for s in items["sources"]}
    events = {e.id: e for e in items["events"]}
    problems = []
    for item in items["leverage"]:
        if item.superseded_by is not None:
            continue
        dates = [sources[s].date.end for s in item.sources if s in sources and sources[s].date]
        dates += [events[e].date.end for e in item.events if e in events]
        newest = max(dates, default=None)
        age = (info.as_of.start - newest).days if newest else None
        if age is None or age > info.still_in_force_max_age_days:
            said = f"its newest source or event is {age} days older than the as-of date" if age is not None \
                else "it cites nothing dated"
            problems.append(_where(positions, item, ("sources",), f"shown as still in force, but {said}",
                                   "cite recent reporting that it still holds, or mark what changed it "
                                   f"(limit: still_in_force_max_age_days, {info.still_in_force_max_age_days})",
                                   "warning", coded("W203")))
    return problems


def currency_problems(info: BriefingInfo, positions: Positions, build_date: date) -> list[Problem]:
    """The review date: not before the coverage date, and not older than the review window."""
    problems = []
    if info.last_reviewed.end < info.as_of.start:
        problems.append(_where(positions, info, ("last_reviewed",), f"{info.last_reviewed} is before the as-of "
                               f"date {info.as_of}", "the review date is when an editor last checked for news, "
                               "so it cannot come before the coverage date", "error"))
    age = (build_date - info.last_reviewed.end).days
    if age > info.review_window_days:
        problems.append(_where(positions, info, ("last_reviewed",), f"last reviewed {age} days before the build "
                               f"date {build_date.isoformat()} (window: {info.review_window_days} days)",
                               "check for news, update the briefing, then set last_reviewed to today",
                               "warning", coded("W301")))
    return problems


def is_stale(info: BriefingInfo, today: date) -> bool:
    """Whether the review window has passed on this day (the site's notice; the browser decides again)."""
    return (today - info.last_reviewed.end).days > info.review_window_days


def currency_facts(info: BriefingInfo, build_date: date) -> dict:
    """What every page says about the briefing's currency (footer and notice): plain strings."""
    return {"as_of_label": info.as_of.label, "as_of_iso": info.as_of.start.isoformat(),
            "reviewed_label": info.last_reviewed.label, "reviewed_iso": info.last_reviewed.end.isoformat(),
            "window_days": info.review_window_days, "stale_at_build": is_stale(info, build_date)}
