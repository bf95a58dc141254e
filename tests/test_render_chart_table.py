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
from build_scripts.render.chart_table import CHART_KINDS, ChartKind, build_charts, chart_kind
from build_scripts.render.page_context import Flavour, PageContext
from build_scripts.render.pages import TEMPLATES
from build_scripts.render.views import build_view

from .conftest import FIXTURES, ROOT

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


def readme_chart_example() -> tuple[str, str, str]:
    """The function, the table entry and the template line of the README's worked example."""
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("## Adding a chart: a worked example"):readme.index("## Charts\n")]
    blocks = re.findall(r"```(?:python|jinja)\n(.*?)```", section, re.S)
    function, entry, placed = ("\n".join(line.removeprefix("   ") for line in b.splitlines()) + "\n" for b in blocks)
    return function, entry, placed


ADDED_CHART = """
import sys
from pathlib import Path
from build_scripts.pipeline import place_charts
from build_scripts.session import generate
output = generate(Path(sys.argv[1]), static_charts=False, history=False, bundle=False)
assert "events-per-year" in output.charts and "assets/charts/events-per-year.json" in output.assets
html = place_charts(output.pages["index.md"], output, "")
assert "Events per year" in html and "events-per-year.json" in html, html
print("placed")
"""


def test_the_readmes_new_chart_is_a_function_an_entry_and_its_place(tmp_path):
    """The README's steps, applied to a copy of the code and nothing else, give a drawn, published and
    placed chart (the generation only: no site is built)."""
    shutil.copytree(ROOT / "build_scripts", tmp_path / "build_scripts", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    function, entry, placed = readme_chart_example()
    table = tmp_path / "build_scripts/render/chart_table.py"
    text = table.read_text().replace("import re\n", "import re\nfrom collections import Counter\n", 1)
    anchor = '    ChartKind("conflict-{id}",'
    assert text.count(anchor) == 1
    text = text.replace("\n\nCHART_KINDS", f"\n\n{function}\n\nCHART_KINDS", 1)
    table.write_text(text.replace(anchor, entry.rstrip("\n") + "\n" + anchor))
    home = tmp_path / "build_scripts/render/templates/home.md.j2"
    home.write_text(home.read_text().replace('{{ ctx.chart("money") }}\n', '{{ ctx.chart("money") }}\n' + placed, 1))
    result = subprocess.run([sys.executable, "-c", ADDED_CHART, str(FIXTURES / "webb")], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stdout == "placed\n", result.stderr
