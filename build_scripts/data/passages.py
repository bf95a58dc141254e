"""What each item cites and says, gathered once for the passage checks (evidence.py), and the text
rules they share: how prose and passages are normalised, what counts as a quotation and as a figure.

Normalising keeps case: curly and straight quotes are one, dashes are one hyphen, an ellipsis is three
dots, and runs of white space are one space. A figure is an amount with a currency or a scale word
($1 billion, 1 billion dollars, $13bn, 650 million), a percentage (27%, 27 per cent), a number with
thousands separators (1,000,000) or a count of people or things (743 employees); figures are compared by
value, so "$1 billion" and "1 billion dollars" are the same figure.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from types import MappingProxyType

from build_scripts.data.briefing_info import BriefingInfo
from build_scripts.data.citations import Citation

_TRANSLATE = MappingProxyType(str.maketrans({
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"',
    "–": "-", "—": "-", "‒": "-", "―": "-", "−": "-", "‑": "-", "‐": "-", "\u00a0": " ", "\u202f": " "}))
_SPACE = re.compile(r"\s+")
QUOTATION = re.compile(r"“([^“”]+)”|\"([^\"]+)\"")
_TRIM = " ,.;:!?'\""
_SCALES = MappingProxyType({"thousand": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
                            "b": 1e9, "trillion": 1e12, "tn": 1e12})
_UNITS = ("employees|staff|people|workers|users|customers|researchers|members|jobs|shares|seats|GPUs|chips|"
          "servers|engineers|subscribers|companies|signatures|votes")
FIGURE = re.compile(  # found from its digits (a search that starts at a digit is quick); the currency is looked
    # up just before the number
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|tn|m|b)\b)?"
    rf"(?:\s?(?P<unit>%|per ?cent\b|percent\b|dollars\b|euros\b|pounds\b|(?:{_UNITS})\b))?")
_DIGIT = re.compile(r"\d")
_CURRENCY = re.compile(r"[$€£]\s?$")


@lru_cache(maxsize=1 << 14)  # a pure function of text; prose and passages are normalised many times
def normalise(text: str) -> str:
    """Quotes, dashes, ellipses and white space made uniform; case kept."""
    return _SPACE.sub(" ", text.translate(_TRANSLATE).replace("…", "...")).strip()


def quotations(text: str) -> list[str]:
    """The words the text puts in quotation marks (straight or curly), as written."""
    found = (m.group(1) or m.group(2) for m in QUOTATION.finditer(text))
    return [q for q in found if re.search(r"[^\W\d_]", q)]


def quotation_found(quoted: str, passages: Iterable[str]) -> bool:
    """Whether every piece of the quoted words (cut at ellipses) stands verbatim in one passage."""
    pieces = [p.strip(_TRIM) for p in normalise(quoted).split("...")]
    pieces = [p for p in pieces if p]
    return not pieces or any(all(p in normalise(passage) for p in pieces) for passage in passages)


def figures(text: str) -> tuple[tuple[str, float], ...]:
    """The figures a text states, each as written and by value (years and bare small numbers are not figures)."""
    out: list[tuple[str, float]] = []
    if not _DIGIT.search(text):
        return ()
    for match in FIGURE.finditer(text):
        number, scale, unit = match.group("number", "scale", "unit")
        currency = _CURRENCY.search(text, max(0, match.start() - 2), match.start())
        if not (currency or scale or unit or "," in number):
            continue
        value = float(number.replace(",", "")) * _SCALES.get(scale or "", 1.0)
        written = text[currency.start() if currency else match.start():match.end()]
        out.append((written.strip(), value))
    return tuple(out)


@dataclass(frozen=True)
class Cited:
    """One item that cites sources and says something: where it stands, what it cites, what it says.

    owner: the validated object whose place in the files is known; base: the path from it to the item
    (a conflict's position); cites: (path from owner to a list of citations, or to one, and the list or the
    one); prose: (path from owner, text);
    by_events: citations of the events the prose rests on (their passages support it too)."""

    owner: object
    base: tuple
    cites: tuple[tuple[tuple, Sequence[Citation] | Citation], ...]
    prose: tuple[tuple[tuple, str], ...]
    by_events: tuple[Citation, ...] = ()
    status: str | None = None
    dated: date | None = None

    @property
    def citations(self) -> Iterator[tuple[tuple, Citation]]:
        """Each citation with its path from the owner (made only when asked for)."""
        for path, values in self.cites:
            if isinstance(values, Citation):
                yield path, values
            else:
                yield from ((path + (i,), c) for i, c in enumerate(values))

    @property
    def cited(self) -> list[Citation]:
        """The citations, without their paths."""
        return [c for _, values in self.cites for c in ((values,) if isinstance(values, Citation) else values)]

    def passages(self) -> list[str]:
        """Every passage that may support the item's prose: its own, and its events'."""
        own = [c.passage for c in self.cited if c.passage]
        return own + [c.passage for c in self.by_events if c.passage]


def _cites(base: tuple, field: str, values) -> tuple[tuple[tuple, Sequence[Citation] | Citation], ...]:
    return ((base + (field,), values),) if values else ()


def _prose(owner, base: tuple, fields: tuple[str, ...]) -> tuple[tuple[tuple, str], ...]:
    return tuple((base + (f,), getattr(owner, f)) for f in fields if getattr(owner, f, None))


def _by_events(event_ids, events: dict) -> tuple[Citation, ...]:
    return tuple(c for e in event_ids if e in events for c in events[e].sources if isinstance(c, Citation))


def _statused(items: dict[str, list], events: dict) -> list[Cited]:
    out = [Cited(e, (), _cites((), "sources", e.sources),
                 _prose(e, (), ("title", "summary", "status_note", "coding_note")), (), e.status.value,
                 e.date.start) for e in items["events"]]
    out += [Cited(c, (), _cites((), "sources", c.sources) + _cites((), "correction_sources", c.correction_sources),
                  _prose(c, (), ("text", "superseded_note", "correction")), _by_events(c.events, events),
                  c.status.value, c.reported_on.start) for c in items["claims"]]
    out += [Cited(x, (), _cites((), "sources", x.sources), _prose(x, (), ("title", "summary", "superseded_note")),
                  _by_events(x.events, events), x.status.value) for x in items["leverage"]]
    return out


def _others(info: BriefingInfo | None, items: dict[str, list], events: dict) -> list[Cited]:
    out = [Cited(q, (), _cites((), "source", q.source), _prose(q, (), ("context",)), (), None, q.date.start)
           for q in items["quotes"]]
    out += [Cited(r, (), _cites((), "sources", r.sources), _prose(r, (), ("note",)), (), None,
                  r.since.start if r.since else None) for r in items["relationships"]]
    out += [Cited(o, (), _cites((), "sources", o.sources), _prose(o, (), ("description",)))
            for o in items["organisations"]]
    out += [Cited(p, (), _cites((), "sources", p.sources), ()) for p in items["people"]]
    for conflict in items["conflicts"]:
        out.append(Cited(conflict, (), (), _prose(conflict, (), ("title", "summary")),
                         _by_events(conflict.events, events)))
        out += [Cited(conflict, ("positions", i), _cites(("positions", i), "sources", p.sources),
                      _prose(p, ("positions", i), ("position",)), _by_events(p.events, events))
                for i, p in enumerate(conflict.positions)]
    if info is not None:
        out.append(Cited(info, (), (), _prose(info, (), ("summary",)), _by_events(info.summary_events, events)))
        out += [Cited(info, ("takeaways", i), (), _prose(t, ("takeaways", i), ("text",)),
                      _by_events(t.events, events)) for i, t in enumerate(info.takeaways)]
    return out


def newest(item: Cited, sources: Mapping) -> date | None:
    """The day that makes an item new or old: its own date, or the newest source it cites or that the
    events it rests on cite."""
    days = [sources[c].date.start for c in (*item.cited, *item.by_events)
            if c in sources and sources[c].date is not None]
    if item.dated is not None:
        days.append(item.dated)
    return max(days, default=None)


def cited_items(info: BriefingInfo | None, items: dict[str, list]) -> list[Cited]:
    """Every item that cites sources or writes prose, in a fixed order (`newest` dates one)."""
    events = {e.id: e for e in items["events"]}
    return _statused(items, events) + _others(info, items, events)
