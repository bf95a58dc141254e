"""Charts' findings: what each chart shows, as the one sentence that leads its caption.

A finding an editor wrote in the data comes first (written_first); otherwise it is computed here from the
view, by pure functions that name no topic: the group with the most items, counted exactly, with every
group tied for the most named ("2024 H1 and 2025 H1 have the most friction events: 3 of 9 each."), and
a sentence of its own when one group holds everything or there is nothing to count.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Callable

from build_scripts.data.model import Event, Tone
from build_scripts.render.charts import half_year
from build_scripts.render.views import BriefingView

Finding = Callable[[BriefingView, str], str]  # (view, chart id) -> the chart's finding


def leaders(counts: Counter[str]) -> tuple[list[str], int]:
    """The groups with the most items, in the counter's order, and how many each holds."""
    most = max(counts.values(), default=0)
    return [name for name, n in counts.items() if n == most], most


def joined(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def every(n: int, noun: str) -> str:
    """'the one event', 'both events', 'all 3 events'."""
    return f"the one {noun}" if n == 1 else f"both {noun}s" if n == 2 else f"all {n} {noun}s"


def most_in(counts: Counter[str], noun: str, verb: tuple[str, str] = ("falls in", "fall in")) -> str:
    """'2025 has the most events: 24 of 63.', tied groups named together, 'All 3 events fall in 2021.'
    when one group holds them all; counts: the groups (a year, a half-year) in the order to name them."""
    total = sum(counts.values())
    names, n = leaders(counts)
    if not total:
        return f"No {noun}s."
    if n == total:
        return f"{capital(every(n, noun))} {verb[n != 1]} {names[0]}."
    if len(names) == 1:
        return f"{names[0]} has the most {noun}s: {n} of {total}."
    return f"{joined(names)} have the most {noun}s: {n} of {total} each."


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _chronological(keys: Iterable[str]) -> Counter[str]:
    return Counter(sorted(keys))


def events_by_year(events: list[Event]) -> str:
    """'2025 has the most events: 24 of 63.'"""
    return most_in(_chronological(str(e.date.start.year) for e in events), "event")


def tone_by_half_year(view: BriefingView, tone: Tone = Tone.friction) -> str:
    """'2025 H1 has the most friction events: 8 of 21.' (the tone's label from the codebook)."""
    label = view.codes["tones"][tone.value].label.lower()
    chosen = [e for e in view.events if e.tone == tone]
    if not chosen:
        return f"No event is marked as {label}."
    return most_in(_chronological(half_year(e.date.start) for e in chosen), f"{label} event")


def amounts_by_year(view: BriefingView) -> str:
    """'2025 has the most amounts: 10 of 20.' (every amount, dated by its event)."""
    return most_in(_chronological(str(e.date.start.year) for e in view.events for _ in e.amounts), "amount",
                   ("dates from", "date from"))


def relationships_by_party(view: BriefingView) -> str:
    """'OpenAI is a party to the most relationships: 14 of 19.' (ties named in alphabetical order)."""
    rels = view.briefing.relationships
    if not rels:
        return "No relationships."
    parties = Counter(p for r in rels for p in {r.source_party, r.target_party})
    ids, n = leaders(Counter(dict(sorted(parties.items(), key=lambda item: view.entity_name(item[0])))))
    who, be = joined([view.entity_name(i) for i in ids]), "is a party" if len(ids) == 1 else "are parties"
    if n == len(rels):
        return f"{who} {be} to {every(n, 'relationship')}."
    return f"{who} {be} to the most relationships: {n} of {len(rels)}" + (" each." if len(ids) > 1 else ".")


def written_first(field: str, computed: Callable[[BriefingView], str]) -> Finding:
    """The finding an editor wrote under briefing.wording.<field>, else the computed one."""
    def finding(view: BriefingView, chart_id: str) -> str:
        return getattr(view.briefing.info.wording, field) or computed(view)
    return finding


def conflict_finding(view: BriefingView, chart_id: str) -> str:
    """A point of conflict's own chart: the finding written on the conflict, else its events by year."""
    conflict = next(c for c in view.briefing.conflicts if f"conflict-{c.id}" == chart_id)
    return conflict.chart_finding or events_by_year([view.events_by_id[e] for e in conflict.events])
