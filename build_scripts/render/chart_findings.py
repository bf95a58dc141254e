"""Charts' findings: what each chart shows, as the one sentence that leads its caption.

A finding an editor wrote in the data comes first (written_first); otherwise it is computed here from the
view, by pure functions that name no topic: the group with the most items, counted exactly, with every
group tied for the most named ("The first half of 2024 and the first half of 2025 have the most friction
events: 3 of the 9 each."), and a sentence of its own when one group holds everything or there is nothing
to count. Each says what it counts in a reader's words ("amounts of money", a half-year as "the first half
of 2025"), never the data's ("amounts", "2025 H1").
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Callable

from build_scripts.data.model import Event, Tone
from build_scripts.data.rules import capital, series
from build_scripts.render.charts import AMOUNTS, half_year, half_year_words
from build_scripts.render.views import BriefingView

Finding = Callable[[BriefingView, str], str]  # (view, chart id) -> the chart's finding


def leaders(counts: Counter[str]) -> tuple[list[str], int]:
    """The groups with the most items, in the counter's order, and how many each holds."""
    most = max(counts.values(), default=0)
    return [name for name, n in counts.items() if n == most], most


def every(n: int, noun: str, nouns: str = "") -> str:
    """'the one event', 'both events', 'all 3 events' (nouns: the plural, when it is not noun + 's')."""
    nouns = nouns or f"{noun}s"
    return f"the one {noun}" if n == 1 else f"both {nouns}" if n == 2 else f"all {n} {nouns}"


def most_in(counts: Counter[str], noun: str, verb: tuple[str, str] = ("falls in", "fall in"), nouns: str = "",
            name: Callable[[str], str] = str) -> str:
    """'2025 has the most events: 24 of the 63.', tied groups named together, 'All 3 events fall in 2021.'
    when one group holds them all; counts: the groups (a year, a half-year) in the order to name them;
    nouns: the plural, when it is not noun + 's'; name(group): the group in words."""
    nouns = nouns or f"{noun}s"
    total = sum(counts.values())
    groups, n = leaders(counts)
    names = [name(group) for group in groups]
    if not total:
        return f"No {nouns}."
    if n == total:
        return f"{capital(every(n, noun, nouns))} {verb[n != 1]} {names[0]}."
    if len(names) == 1:
        return capital(f"{names[0]} has the most {nouns}: {n} of the {total}.")
    return capital(f"{series(names)} have the most {nouns}: {n} of the {total} each.")


def _chronological(keys: Iterable[str]) -> Counter[str]:
    return Counter(sorted(keys))


def events_by_year(events: list[Event]) -> str:
    """'2025 has the most events: 24 of the 63.'"""
    return most_in(_chronological(str(e.date.start.year) for e in events), "event")


def tone_by_half_year(view: BriefingView, tone: Tone = Tone.friction) -> str:
    """'The first half of 2025 has the most friction events: 8 of the 21.' (the tone's label from the
    codebook)."""
    label = view.codes["tones"][tone.value].label.lower()
    chosen = [e for e in view.events if e.tone == tone]
    if not chosen:
        return f"No event is marked as {label}."
    return most_in(_chronological(half_year(e.date.start) for e in chosen), f"{label} event", name=half_year_words)


def amounts_by_year(view: BriefingView) -> str:
    """'2025 has the most amounts of money: 10 of the 20.' (every amount, dated by its event)."""
    return most_in(_chronological(str(e.date.start.year) for e in view.events for _ in e.amounts),
                   "amount of money", ("dates from", "date from"), AMOUNTS)


def relationships_by_party(view: BriefingView) -> str:
    """'OpenAI is a party to the most relationships: 14 of the 19.' (ties named in alphabetical order)."""
    rels = view.briefing.relationships
    if not rels:
        return "No relationships."
    parties = Counter(p for r in rels for p in {r.source_party, r.target_party})
    ids, n = leaders(Counter(dict(sorted(parties.items(), key=lambda item: view.entity_name(item[0])))))
    who, be = series([view.entity_name(i) for i in ids]), "is a party" if len(ids) == 1 else "are parties"
    if n == len(rels):
        return f"{who} {be} to {every(n, 'relationship')}."
    return f"{who} {be} to the most relationships: {n} of the {len(rels)}" + (" each." if len(ids) > 1 else ".")


def written_first(field: str, computed: Callable[[BriefingView], str]) -> Finding:
    """The finding an editor wrote under briefing.wording.<field>, else the computed one."""
    def finding(view: BriefingView, chart_id: str) -> str:
        return getattr(view.briefing.info.wording, field) or computed(view)
    return finding


def conflict_finding(view: BriefingView, chart_id: str) -> str:
    """A point of conflict's own chart: the finding written on the conflict, else its events by year."""
    conflict = next(c for c in view.briefing.conflicts if f"conflict-{c.id}" == chart_id)
    return conflict.chart_finding or events_by_year([view.events_by_id[e] for e in conflict.events])
