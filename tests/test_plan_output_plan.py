"""The output plan: one namespace for every file a build emits, each path claimed once."""
from __future__ import annotations

from collections import Counter

import pytest

from build_scripts import asset_paths as assets
from build_scripts.plan.output_plan import OutputConflict, OutputPlan
from build_scripts.session import generate

from .conftest import FIXTURES


def test_a_second_claim_on_a_path_names_the_path_and_both_claimants():
    plan = OutputPlan()
    plan.add_page("timeline.md", "# Timeline\n", "page: timeline")
    with pytest.raises(OutputConflict) as raised:
        plan.add_asset("timeline.md", "a copy", "markdown copy")
    assert str(raised.value) == "timeline.md is claimed twice: by page: timeline and by markdown copy"
    assert plan["timeline.md"] == "# Timeline\n" and plan.claimant("timeline.md") == "page: timeline"


def test_assets_claimed_together_cannot_overwrite_one_another_either():
    plan = OutputPlan()
    plan.add_assets({"downloads/briefing.json": "{}"}, "download")
    with pytest.raises(OutputConflict, match="downloads/briefing.json is claimed twice: by download and by chart data"):
        plan.add_assets({"downloads/briefing.json": "[]"}, "chart data")


def test_pages_and_assets_are_read_only_views_of_the_one_plan():
    plan = OutputPlan()
    plan.add_page("index.md", "home", "page: index")
    plan.add_asset("feed.xml", "<feed/>", "feed")
    assert dict(plan) == {"index.md": "home", "feed.xml": "<feed/>"} and len(plan) == 2
    assert dict(plan.pages) == {"index.md": "home"} and dict(plan.assets) == {"feed.xml": "<feed/>"}
    assert plan.is_page("index.md") and not plan.is_page("feed.xml")
    with pytest.raises(TypeError):
        plan.pages["other.md"] = "sneaked in"  # type: ignore[index]


def test_a_build_claims_each_file_where_the_asset_paths_say_and_says_who_claimed_it():
    output = generate(FIXTURES / "webb", static_charts=False, history=False)
    plan = output.plan
    assert {path for path in plan if plan.claimant(path) == "chart data"} == {
        assets.chart_data(chart_id) for chart_id in output.charts}
    assert {path for path in plan if plan.claimant(path) == "download"} == {
        assets.BRIEFING_JSON, assets.BRIEFING_SCHEMA, assets.EVENTS_CSV, assets.PROVENANCE_JSON}
    kinds = Counter(plan.claimant(path).split(":")[0] for path in plan)
    assert kinds["page"] == len(output.pages) == kinds["markdown copy"]
    assert kinds["chart data"] == len(output.charts)
    assert kinds["download"] == 4 and kinds["feed"] == kinds["llms.txt"] == kinds["plotly.js bundle"] == 1
    assert plan.claimant("timeline.md") == "page: timeline"
    assert plan.claimant("markdown/timeline.md") == "markdown copy"
