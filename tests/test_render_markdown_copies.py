"""llms.txt and the plain-Markdown copies are readable without the site's HTML."""
from __future__ import annotations

import posixpath
import re

import pytest

from build_scripts.plan.site_plan import plan_pages
from build_scripts.render.page_context import Flavour
from build_scripts.render.views import build_view
from build_scripts.session import generate

from .conftest import FIXTURES, MINI, ROOT, check_golden

GOLDEN = ROOT / "tests" / "golden" / "mini-markdown"
GOLDEN_COPIES = ["index.md", "timeline.md", "claims.md", "leverage.md", "sources.md", "people/ann-example.md"]


def test_llms_txt_lists_every_section_with_its_markdown_copy():
    output = generate(ROOT / "data", static_charts=False)
    text = output.assets["llms.txt"]
    assert text.startswith("# Microsoft and OpenAI: a partnership under strain\n")
    assert "- [Timeline](markdown/timeline.md)" in text
    assert "- [Computing power](markdown/conflicts/computing-power.md)" in text
    assert "(downloads/events.csv)" in text
    for line in text.splitlines():
        if line.startswith("- [") and "markdown/" in line:
            assert line.split("(")[-1].rstrip(")") in output.assets


@pytest.mark.parametrize("data", [MINI, ROOT / "data", FIXTURES / "hostile"], ids=["mini", "shipped", "hostile"])
def test_markdown_copies_carry_no_html_or_attribute_syntax(data):
    output = generate(data, static_charts=False, history=False, bundle=False)
    for path in output.pages:
        copy = output.assets[f"markdown/{path}"]
        assert "<" not in copy, path  # no tag, no comment: text from data has its '<' escaped as &lt;
        assert not re.search(r"(?<!\\)\{:?\s*[#.]", copy) and not copy.startswith("---\n"), path  # attr lists
        assert copy.startswith("# ") and "\n\n\n" not in copy, path


def test_markdown_copies_are_the_pages_rendered_again_as_plain_markdown():
    output = generate(MINI, static_charts=False)
    timeline = output.assets["markdown/timeline.md"]
    assert timeline == plan_pages(build_view(output.briefing), flavour=Flavour.COPY)["timeline.md"]
    assert "### Alpha invests in Beta\n" in timeline
    assert "[Confirmed](methodology.md#status-confirmed) · 2 independent sources" in timeline
    assert "\nBoth events fall in 2024. [Chart data (JSON)](../assets/charts/timeline.json)\n" in timeline
    assert ("\n**Sources (2)**\n\n1. Example Wire, Wire copy of the deal announcement, January 2024. read via "
            in timeline)
    assert "**Since changed:** Reported in June 2024" in output.assets["markdown/claims.md"]
    assert ("- **[Alpha could block Beta's plans.](claims.md#alpha-can-block-beta)** [Anonymous sources]"
            "(methodology.md#status-anonymous). Reported in June 2024; since changed by") in output.assets[
        "markdown/index.md"], "with its badge, as a copy writes it"
    person = output.assets["markdown/people/ann-example.md"]
    assert ("\n- summer 2024: [A dispute over the deal](../timeline.md#2024-summer-dispute) "
            "Anonymous sources\n") in person  # a list's compact badge


def test_links_in_markdown_copies_lead_to_other_copies_or_site_files():
    output = generate(ROOT / "data", static_charts=False)
    checked = 0
    for path in output.pages:
        copy_path = f"markdown/{path}"
        for target in re.findall(r"\]\(([^)\s]+)\)", output.assets[copy_path]):
            if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(copy_path), target.partition("#")[0]))
            hand_written = (ROOT / "docs" / f"{resolved}.md").exists() and target.partition("#")[0].endswith("/")
            assert resolved in output.assets or hand_written, f"{copy_path}: {target} leads nowhere"
            checked += 1
    assert checked > 500


def test_markdown_copies_match_golden_files():
    output = generate(MINI, static_charts=False, history=False)
    for path in GOLDEN_COPIES:
        check_golden(GOLDEN / path, output.assets[f"markdown/{path}"])
