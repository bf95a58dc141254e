"""The chart table: every kind of chart, in one place. Each entry says its id (or 'conflict-{id}' for one
per item), the function that draws it, the field of the briefing's wording that titles it, where it is
shown (a page kind, or a named spot in a page kind's template: 'print:timeline'), its finding
(render/chart_findings.py: the sentence that leads its caption) and the sizes of its static images.

The charts stage (build_charts), the pages (a template's `ctx.charts()` shows, at its spot, the charts
the table shows there, in the table's order), the static images and the tests all read this table:
adding a chart is a function and one entry (README: "Adding a chart: a worked example").
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

from build_scripts.render import chart_findings as findings
from build_scripts.render.chart_relations import relationships_chart
from build_scripts.render.chart_spec import IMAGE_WIDTHS, Chart
from build_scripts.render.charts import friction_chart, money_chart, timeline_chart
from build_scripts.render.views import BriefingView, event_sort_key


@dataclass(frozen=True)
class ChartKind:
    id: str  # the chart's id, or a pattern with the varying part in braces ('conflict-{id}')
    draw: Callable[[BriefingView], list[Chart]]  # the charts of this kind the briefing has
    wording: str  # the field of briefing.wording that titles it ('' when its title comes from the data)
    shown_on: tuple[str, ...]  # where: page kinds (plan/page_registry) and their templates' spots ('print:timeline')
    finding: findings.Finding  # (view, chart id) -> what the chart shows, the sentence that leads its caption
    sizes: tuple[str, ...] = tuple(IMAGE_WIDTHS)  # its static images' sizes (chart_spec.IMAGE_WIDTHS)
    part: str | None = None  # drawn only when the briefing has this part (view.parts)

    def matches(self, chart_id: str) -> bool:
        return re.fullmatch(re.sub(r"\\\{[a-z]+\\\}", "[a-z0-9-]+", re.escape(self.id)), chart_id) is not None


def _conflict_charts(view: BriefingView) -> list[Chart]:
    """Each point of conflict's events on a timeline of their own."""
    charts = []
    for conflict in view.briefing.conflicts:
        events = sorted((view.events_by_id[e] for e in conflict.events), key=event_sort_key)
        charts.append(timeline_chart(view, events, f"conflict-{conflict.id}", f"{conflict.title}: the events"))
    return charts


CHART_KINDS: tuple[ChartKind, ...] = (  # in the order they are drawn
    ChartKind("timeline", lambda view: [timeline_chart(view)], "timeline_chart", ("timeline", "print:timeline"),
              finding=findings.written_first("timeline_finding", lambda view: findings.events_by_year(view.events))),
    ChartKind("friction", lambda view: [friction_chart(view)], "tone_chart", ("home", "print"),
              finding=findings.written_first("tone_finding", findings.tone_by_half_year)),
    ChartKind("money", lambda view: [money_chart(view)], "money_chart", ("home", "print"),
              finding=findings.written_first("money_finding", findings.amounts_by_year), part="amounts"),
    ChartKind("relationships", lambda view: [relationships_chart(view)], "relationships_chart",
              ("leverage", "print:relationships"),
              finding=findings.written_first("relationships_finding", findings.relationships_by_party),
              part="relationships"),
    ChartKind("conflict-{id}", _conflict_charts, "", ("conflict",), finding=findings.conflict_finding),
)


def chart_kind(chart_id: str, kinds: tuple[ChartKind, ...] = CHART_KINDS) -> ChartKind:
    """The table's entry for a chart id; an id no entry has is refused, naming the ids there are."""
    for kind in kinds:
        if kind.matches(chart_id):
            return kind
    raise ValueError(f"unknown chart '{chart_id}': the chart table (render/chart_table.py) has "
                     f"{', '.join(kind.id for kind in kinds)}")


def build_charts(view: BriefingView, kinds: tuple[ChartKind, ...] = CHART_KINDS) -> dict[str, Chart]:
    """Every chart of the briefing, by id, in the table's order, each with its finding (a kind whose part
    the briefing lacks draws nothing: no chart without data)."""
    return {chart.id: dataclasses.replace(chart, finding=kind.finding(view, chart.id))
            for kind in kinds if kind.part is None or kind.part in view.parts for chart in kind.draw(view)}


def chart_finding(view: BriefingView, chart_id: str, kinds: tuple[ChartKind, ...] = CHART_KINDS) -> str:
    """The chart's finding, without drawing it (a page's plain-Markdown copy states it)."""
    return chart_kind(chart_id, kinds).finding(view, chart_id)


def shown_at(view: BriefingView, page_kind: str, spot: str = "", subject=None,
             kinds: tuple[ChartKind, ...] = CHART_KINDS) -> list[str]:
    """The ids of the charts the table shows on a page of this kind, at this spot of its template ('' for
    the page kind's own), in the table's order: those the briefing draws (its part there), a kind drawn
    per item once, for the page's subject ('conflict-{id}' on a conflict's page)."""
    where = f"{page_kind}:{spot}" if spot else page_kind
    return [kind.id.replace("{id}", subject.id) if "{" in kind.id else kind.id for kind in kinds
            if where in kind.shown_on and (kind.part is None or kind.part in view.parts)]
