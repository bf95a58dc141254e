"""The note that dates a text's figures (pure): after a text whose figures (a share, an amount) are older than
the briefing's coverage, the figures it states and the day they belong to.

The data says when a text's figures were true (`figures_as_of`), not whether each is a one-off (a payment, a
deal) or a running figure (a stake, a valuation, a total to a date). "As of" fits only a running figure, so
the note says neither: where the date is that of an event the text cites, the figures are that event's and
are given "on" its day ('$650 million on 21 March 2024'), which is true of a payment made and of a stake
held that day; otherwise they are "figures from" that date ('$40 billion: figures from March 2025').
"""
from __future__ import annotations

from collections.abc import Iterable

from build_scripts.data.dates import FlexDate, when
from build_scripts.data.rules import series
from build_scripts.data.trust import stated_figures
from build_scripts.render.formats import Format
from build_scripts.render.views import BriefingView


def figures_note(fmt: Format, view: BriefingView, dated: FlexDate | None, text: str = "",
                 events: Iterable[str] = ()) -> str:
    """' (27% and $135 billion on 28 October 2025)' when a text's figures are older than the briefing's
    coverage, naming the figures it states (it may report later news too); events: those the text cites."""
    if dated is None or dated.end >= view.briefing.info.as_of.start:
        return ""
    return " " + fmt.element("span", fmt.text(f"({figures_dated(stated_figures(text), dated, events, view)})"),
                             class_="figures-as-of")


def figures_dated(figures: list[str], dated: FlexDate, events: Iterable[str], view: BriefingView) -> str:
    """'$650 million on 21 March 2024' (the date of an event cited), '$40 billion: figure from March 2025'
    (any other date), 'figures from 28 October 2025' (no figure found in the text)."""
    if not figures:
        return f"figures from {dated.label}"
    if any(view.events_by_id[event_id].date == dated for event_id in events):
        return f"{series(figures)} {when(dated)}"
    return f"{series(figures)}: {'figure' if len(figures) == 1 else 'figures'} from {dated.label}"
