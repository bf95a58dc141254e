"""The chart table (render/chart_table.py) is what the charts stage, the templates and the images read:
an id the table lacks is refused where it is placed, and each entry's wording and pages are true."""
from __future__ import annotations

import dataclasses
import re

import pytest

from build_scripts.data.validation import load_briefing
from build_scripts.plan.page_registry import PAGE_KINDS
from build_scripts.render.chart_images import image_figures
from build_scripts.render.chart_table import CHART_KINDS, ChartKind, build_charts, chart_kind
from build_scripts.render.page_context import Flavour, PageContext
from build_scripts.render.pages import TEMPLATES
from build_scripts.render.views import build_view

from .conftest import FIXTURES

PLACED = re.compile(r'ctx\.chart\("([a-z0-9-]*[a-z0-9])"\)')


@pytest.fixture(scope="module")
def webb():
    return build_view(load_briefing(FIXTURES / "webb"))


def test_each_chart_is_titled_by_its_wording_field(webb):
    charts = build_charts(webb)
    for kind in CHART_KINDS:
        drawn = [chart for cid, chart in charts.items() if kind.matches(cid)]
        assert drawn or kind.part not in webb.parts, f"{kind.id}: drawn by no briefing of the test"
        for chart in drawn if kind.wording else ():
            assert chart.title == getattr(webb.briefing.info.wording, kind.wording), kind.id


def test_every_chart_a_template_places_is_in_the_table_on_the_pages_it_names():
    """Each id placed in a template is one of the table's, and each entry names exactly the page kinds
    whose templates place it."""
    placed_by_kind = {kind.name: set(PLACED.findall((TEMPLATES / kind.template).read_text()))
                      | ({"conflict-{id}"} if 'ctx.chart("conflict-" ~' in (TEMPLATES / kind.template).read_text()
                         else set()) for kind in PAGE_KINDS}
    for name, ids in placed_by_kind.items():
        for chart_id in ids:
            assert chart_kind(chart_id.replace("{id}", "x")), (name, chart_id)
    for kind in CHART_KINDS:
        showing = {name for name, ids in placed_by_kind.items()
                   if any(kind.matches(i.replace("{id}", "x")) for i in ids)}
        assert showing == set(kind.shown_on), kind.id


@pytest.mark.parametrize("flavour", list(Flavour))
def test_a_chart_id_the_table_lacks_is_refused_in_both_flavours(webb, flavour):
    ctx = PageContext(webb, "index.md", flavour)
    assert "money" in ctx.chart("money")
    with pytest.raises(ValueError, match="unknown chart 'mony'.*timeline, friction, money"):
        ctx.chart("mony")


def test_a_new_chart_is_a_function_and_an_entry(webb):
    """A kind added to the table is drawn by the charts stage, after the others, when its part is there."""
    def tones_again(view):
        return [dataclasses.replace(chart_kind("friction").draw(view)[0], id="tones-again")]

    extra = ChartKind("tones-again", tones_again, "tone_chart", ("home",), sizes=("wide",))
    assert list(build_charts(webb, (*CHART_KINDS, extra)))[-1] == "tones-again"
    assert "tones-again" not in build_charts(webb, (*CHART_KINDS, dataclasses.replace(extra, part="no-such-part")))


def test_static_images_come_in_the_sizes_of_the_charts_kind(webb):
    charts = build_charts(webb)
    names = set(image_figures({"friction": charts["friction"]}))
    assert names == {"friction", "friction.phone", "friction.dark", "friction.dark.phone"}
