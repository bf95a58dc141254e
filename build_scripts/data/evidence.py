"""Evidence checks: what the build can verify from the passages recorded behind citations, from the
dates in sources' addresses, and from the standing of a confirmed item's origins (rules.py says each
rule in words; the methodology page prints them from there).

Existing and new items: a briefing adopts the passage rules by naming the day they took effect,
`passages_required_from`. An item is new when its own date (an event's date, a claim's reported_on, a
quote's date, a relationship's since) or the date of any source it cites, or that the events it rests on
cite, falls on or after that day: it reports news from then on, and is held to the rules in full (errors).
Any other item gets warnings, so data written before passages existed keeps building while it is brought
up to the rule. Only the data decides (no git history); an old event added late is held to the warnings.
A briefing that names no such day (one written before passages existed) is not held to the rules that need
passages recorded (two origins with passages, words in quotation marks in an item with none, standing);
what is recorded is always checked.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from datetime import date

from build_scripts.data.acknowledgements import coded
from build_scripts.data.briefing_info import BriefingInfo
from build_scripts.data.citations import ReadIn
from build_scripts.data.dates import FlexDate
from build_scripts.data.loading import Positions
from build_scripts.data.passages import Cited, cited_items, figures, newest, quotation_found, quotations
from build_scripts.data.rules import PASSAGE_ORIGINS, on_record, origins_phrase
from build_scripts.data.sources import Source
from build_scripts.data.trust import independent_origins, origin, outlet_key
from build_scripts.errors import Problem

_ADDRESS_DATES = (re.compile(r"/((?:19|20)\d\d)/([01]\d)/([0-3]\d)(?=/|$|[?#.-])"),
                  re.compile(r"(?<!\d)((?:19|20)\d\d)-([01]\d)-([0-3]\d)(?!\d)"),
                  re.compile(r"[/_-]((?:19|20)\d\d)([01]\d)([0-3]\d)(?=[/_.?#-]|$)"),
                  re.compile(r"/((?:19|20)\d\d)/([01]\d)(?=/)()"))
_WORD = re.compile(r"\w")


def _where(positions: Positions, owner, path: tuple, message: str, hint: str, severity: str, code: str = "") -> Problem:
    """A problem at the owner's field; a warning carries its stable code (acknowledgements.WARNINGS)."""
    file, base = positions[id(owner)]
    return file.problem(base + path, message, hint, severity, coded(code) if code and severity == "warning" else "")


def _graded(item: Cited, info: BriefingInfo, sources: Mapping[str, Source]) -> str | None:
    """How a shortfall is reported: an error for a new item, a warning for an older one, not at all when the
    briefing has not adopted the passage rules."""
    cutoff = info.passages_required_from
    if cutoff is None:
        return None
    day = newest(item, sources)
    return "error" if day is not None and day >= cutoff.start else "warning"


def _over(passage: str, limit: int) -> int | None:
    """How many words a passage has when that is more than limit (a lone … or dash is not a word)."""
    tokens = passage.split()
    if len(tokens) <= limit:
        return None
    words = sum(1 for word in tokens if _WORD.search(word))
    return words if words > limit else None


def _form_problems(item: Cited, info: BriefingInfo, sources: Mapping[str, Source], positions: Positions) -> list:
    """A passage longer than the limit; a passage read in a place the source does not have."""
    problems = []
    for path, citation in item.citations:
        if citation.passage is None:  # most citations: no passage recorded
            continue
        words = _over(citation.passage, info.passage_max_words)
        if words is not None:
            problems.append(_where(positions, item.owner, path + ("passage",), f"the passage has "
                                   f"{words} words (limit: {info.passage_max_words})",
                                   "cut it to the words that support the item, marking cuts with …", "error"))
        source = sources.get(citation)
        if source is None:
            continue
        place = citation.read_where(source.read_via is not None)
        has = source.url if place is ReadIn.original else source.read_via if place is ReadIn.copy else source.archived
        if has is None:
            problems.append(_where(positions, item.owner, path + ("read_in",), f"the passage was read in the "
                                   f"source's {place.value}, but {citation} has none",
                                   "read_in: original (url), copy (read_via) or archive (archived)", "error"))
    return problems


def _quotation_problems(item: Cited, info: BriefingInfo, sources: Mapping[str, Source], quote_texts: list[str],
                        positions: Positions) -> list:
    """Words in quotation marks that stand in no passage the item rests on, and in no quote item."""
    quoted = [(path, q) for path, text in item.prose for q in quotations(text)]
    if not quoted:
        return []
    passages = item.passages()
    unfound = [(path, q) for path, q in quoted
               if not quotation_found(q, passages) and not quotation_found(q, quote_texts)]
    severity = ("error" if passages else _graded(item, info, sources)) if unfound else None
    if severity is None:
        return []
    said = "none of the passages it cites" if passages else "no passage (none is recorded for it)"
    return [_where(positions, item.owner, path, f"the words in quotation marks (“{q}”) stand in {said}",
                   "record the passage of a cited source that has these exact words, or drop the quotation marks "
                   "and say it in the briefing's words", severity, "W501") for path, q in unfound]


def _figure_problems(item: Cited, positions: Positions) -> list:
    """A figure in the item's text that no passage recorded for it states (only once one is recorded)."""
    stated = [(path, written, value) for path, text in item.prose for written, value in figures(text)]
    passages = item.passages() if stated else []
    if not passages:
        return []
    found = {value for passage in passages for _, value in figures(passage)}
    return [_where(positions, item.owner, path, f"states a figure ('{written}') that none of its passages gives",
                   "record the passage that gives the figure, or check the figure", "warning", "W502")
            for path, written, value in stated if value not in found]


def _evidence_problems(item: Cited, info: BriefingInfo, sources: Mapping[str, Source], positions: Positions) -> list:
    """A confirmed item: passages from two independent origins, and an origin that is primary or established."""
    if item.status != "confirmed" or info.passages_required_from is None:
        return []
    cited = item.cited
    if any(c not in sources for c in cited):
        return []
    problems = []
    severity = _graded(item, info, sources) or "warning"
    with_passage = independent_origins((c for c in cited if on_record(c.passage)), sources)
    if len(with_passage) < PASSAGE_ORIGINS:
        listed = ", ".join(with_passage) or "none"
        problems.append(_where(positions, item.owner, ("status",), f"'confirmed' needs passages from "
                               f"{origins_phrase(PASSAGE_ORIGINS)} that do not rest on unnamed people, but has them "
                               f"from {len(with_passage)} ({listed})", "record the supporting passage of another "
                               "independent source it cites, or lower the status (a report citing people familiar "
                               "with the matter is anonymous)", severity, "W503"))
    established = {outlet_key(e.outlet) for e in info.established_outlets}
    roots = [origin(c, sources) for c in cited]
    if not any(root.primary or outlet_key(root.outlet) in established for root in roots):
        problems.append(_where(positions, item.owner, ("status",), "'confirmed' rests on no primary document and "
                               "no established outlet", "cite the parties' own statement, a filing or court "
                               "record (primary: true), or an outlet in established_outlets; or lower the status",
                               severity, "W504"))
    return problems


def _overlap(first: FlexDate, start: date, end: date) -> bool:
    return first.start <= end and start <= first.end


def _address_dates(url: str) -> list[tuple[str, date, date]]:
    """The dates an address carries: (as written, first day, last day)."""
    out = []
    for pattern in _ADDRESS_DATES:
        for match in pattern.finditer(url):
            year, month, day = (int(g) if g else 0 for g in match.groups())
            try:
                start = date(year, month, day or 1)
            except ValueError:
                continue
            end = start if day else start.replace(day=calendar.monthrange(year, month)[1])
            out.append((match.group(0).strip("/_-"), start, end))
    return out


def address_date_problems(items: dict[str, list], positions: Positions) -> list[Problem]:
    """A source whose address carries a date its own date contradicts, unless date_note says why."""
    problems = []
    for source in items["sources"]:
        if source.date is None or source.date_note is not None:
            continue
        for field, url in (("url",), source.url), (("read_via", "url"), source.read_via and source.read_via.url):
            for written, start, end in _address_dates(url or "")[:1]:
                if not _overlap(source.date, start, end):
                    problems.append(_where(positions, source, field, f"the address is dated {written}, but the "
                                           f"source's date is {source.date}", "correct date, or say why they "
                                           "differ in date_note (an update, a time zone)", "error"))
    return problems


def outlet_list_problems(info: BriefingInfo, items: dict[str, list], positions: Positions) -> list[Problem]:
    """Each established outlet is exactly the outlet string of a source."""
    outlets = {s.outlet for s in items["sources"]}
    return [_where(positions, info, ("established_outlets", i, "outlet"), f"'{e.outlet}' is the outlet of no "
                   "source", "write it exactly as the sources' outlet is written", "error")
            for i, e in enumerate(info.established_outlets) if e.outlet not in outlets]


def _said_unreadable(cited: list[Cited], positions: Positions) -> list[Problem]:
    """A citation that tells the reader, with no note to explain, that no passage could be recorded
    (no_passage) from a source another item records a passage from: one source described two ways. A note
    says why this item's part of the page could not be read (the stored copy ends before it, say)."""
    read = {str(c) for item in cited for _, c in item.citations if c.passage}
    return [_where(positions, item.owner, path + ("no_passage",), f"says no passage could be recorded from {c} "
                   f"({c.no_passage.value}), but another item records one from it",
                   "record that passage here too (or the one that supports this item)", "warning", "W505")
            for item in cited for path, c in item.citations if c.no_passage and not c.note and str(c) in read]


def passage_problems(info: BriefingInfo, items: dict[str, list], positions: Positions) -> list[Problem]:
    """Every passage check, over every item that cites or writes (evidence rules in rules.py)."""
    sources = {s.id: s for s in items["sources"]}
    quote_texts = [q.text for q in items["quotes"]]
    problems = address_date_problems(items, positions) + outlet_list_problems(info, items, positions)
    cited = list(cited_items(info, items))
    problems += _said_unreadable(cited, positions)
    for item in cited:
        problems += _form_problems(item, info, sources, positions)
        problems += _quotation_problems(item, info, sources, quote_texts, positions)
        problems += _figure_problems(item, positions)
        problems += _evidence_problems(item, info, sources, positions)
    return problems

