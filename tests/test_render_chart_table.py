"""The chart table (render/chart_table.py) is what the charts stage, the templates and the images read:
an id the table lacks is refused where it is placed, and each entry's wording and pages are true."""
from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import sys

import pytest

from build_scripts.data.validation import load_briefing
from build_scripts.plan.page_registry import PAGE_KINDS
from build_scripts.render.chart_images import image_figures
from build_scripts.render.chart_table import CHART_KINDS, ChartKind, build_charts, chart_kind, shown_at
from build_scripts.render.page_context import Flavour, PageContext
from build_scripts.render.pages import TEMPLATES
from build_scripts.render.views import build_view

from .conftest import FIXTURES, ROOT

SPOT = re.compile(r'\{\{ ctx\.charts\((?:"([a-z-]+)")?\) -\}\}')


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


def template_spots() -> dict[str, set[str]]:
    """Where each page kind's template shows charts: its spots as the table names them ('home',
    'print:timeline')."""
    return {kind.name: {f"{kind.name}:{spot}" if spot else kind.name
                        for spot in SPOT.findall((TEMPLATES / kind.template).read_text())} for kind in PAGE_KINDS}


def test_templates_show_charts_only_where_the_table_says():
    """No template names a chart: each shows, at its spots, what the table shows there; every spot the
    table names is in its page kind's template, and every spot in a template shows a chart."""
    spots = template_spots()
    for kind in PAGE_KINDS:
        assert not re.search(r"ctx\.chart\(", (TEMPLATES / kind.template).read_text()), kind.name
    named = {where for kind in CHART_KINDS for where in kind.shown_on}
    assert named == set().union(*spots.values())
    for kind in CHART_KINDS:
        for where in kind.shown_on:
            assert where in spots[where.split(":")[0]], (kind.id, where)


def test_a_spot_shows_the_tables_charts_in_its_order_with_the_pages_subject(webb):
    assert shown_at(webb, "home") == ["friction", "money"]
    assert shown_at(webb, "print") == ["friction", "money"] and shown_at(webb, "print", "timeline") == ["timeline"]
    conflict = webb.briefing.conflicts[0]
    assert shown_at(webb, "conflict", subject=conflict) == [f"conflict-{conflict.id}"]
    events_only = build_view(load_briefing(FIXTURES / "events-only"))
    assert shown_at(events_only, "home") == ["friction"], "a kind whose part the briefing lacks is shown nowhere"
    assert shown_at(events_only, "leverage") == shown_at(events_only, "print", "relationships") == []
    extra = ChartKind("tones-again", chart_kind("friction").draw, "tone_chart", ("home",), finding=lambda v, _: ".")
    assert shown_at(webb, "home", kinds=(extra, *CHART_KINDS)) == ["tones-again", "friction", "money"]


def test_a_chart_id_the_table_lacks_is_refused_in_both_flavours(webb):
    for flavour in Flavour:
        ctx = PageContext(webb, "index.md", flavour, kind="home")
        assert "money" in ctx.charts()
        with pytest.raises(ValueError, match="unknown chart 'mony'.*timeline, friction, money"):
            ctx.chart("mony")


def test_a_new_chart_is_a_function_and_an_entry(webb):
    """A kind added to the table is drawn by the charts stage, after the others, when its part is there."""
    def tones_again(view):
        return [dataclasses.replace(chart_kind("friction").draw(view)[0], id="tones-again")]

    extra = ChartKind("tones-again", tones_again, "tone_chart", ("home",), finding=lambda view, _: "Tones again.",
                      sizes=("wide",))
    charts = build_charts(webb, (*CHART_KINDS, extra))
    assert list(charts)[-1] == "tones-again" and charts["tones-again"].finding == "Tones again."
    assert "tones-again" not in build_charts(webb, (*CHART_KINDS, dataclasses.replace(extra, part="no-such-part")))


def test_static_images_come_in_the_sizes_of_the_charts_kind(webb):
    charts = build_charts(webb)
    names = set(image_figures({"friction": charts["friction"]}))
    assert names == {"friction", "friction.phone", "friction.dark", "friction.dark.phone"}


def readme_chart_example() -> tuple[str, str]:
    """The function and the table entry of the README's worked example, and nothing else."""
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("## Adding a chart: a worked example"):readme.index("## Charts\n")]
    blocks = re.findall(r"```(?:\w+)\n(.*?)```", section, re.S)
    assert len(blocks) == 2, "the worked example is a function and an entry"
    function, entry = ("\n".join(line.removeprefix("   ") for line in b.splitlines()) + "\n" for b in blocks)
    return function, entry


ADDED_CHART = """
import sys
from pathlib import Path
from build_scripts.pipeline import place_charts
from build_scripts.session import generate
output = generate(Path(sys.argv[1]), static_charts=False, history=False, bundle=False)
assert "events-per-year" in output.charts and "assets/charts/events-per-year.json" in output.assets
home = output.pages["index.md"]
assert home.index("<!-- chart: money -->") < home.index("<!-- chart: events-per-year -->"), "in the table's order"
html = place_charts(home, output, "")
assert "Events per year" in html and "events-per-year.json" in html, html
assert '<strong class="chart__finding">2021 has the most events: 6 of the 7.</strong>' in html, html
assert "2021 has the most events: 6 of the 7. [Chart data (JSON)]" in output.assets["markdown/index.md"]
print("placed")
"""


def test_the_readmes_new_chart_is_a_function_and_an_entry(tmp_path):
    """The README's two steps, applied to a copy of the code and nothing else (no template is touched),
    give a drawn, published chart, shown with its finding where its entry says (the generation only: no
    site is built)."""
    shutil.copytree(ROOT / "build_scripts", tmp_path / "build_scripts", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    function, entry = readme_chart_example()
    table = tmp_path / "build_scripts/render/chart_table.py"
    text = table.read_text().replace("import re\n", "import re\nfrom collections import Counter\n", 1)
    anchor = '    ChartKind("conflict-{id}",'
    assert text.count(anchor) == 1
    text = text.replace("\n\nCHART_KINDS", f"\n\n{function}\n\nCHART_KINDS", 1)
    table.write_text(text.replace(anchor, entry.rstrip("\n") + "\n" + anchor))
    result = subprocess.run([sys.executable, "-c", ADDED_CHART, str(FIXTURES / "webb")], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stdout == "placed\n", result.stderr
