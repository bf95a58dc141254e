"""llms.txt and the plain-Markdown copies are readable without the site's HTML."""
from __future__ import annotations

import posixpath
import re

from build_scripts.session import generate

from .conftest import MINI, ROOT


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


def test_markdown_copies_carry_no_html_or_attribute_syntax():
    output = generate(MINI, static_charts=False)
    for path in output.pages:
        copy = output.assets[f"markdown/{path}"]
        assert "<span" not in copy and "<details" not in copy and "{ #" not in copy and "---\n" not in copy[:4]
    timeline = output.assets["markdown/timeline.md"]
    assert "### Alpha invests in Beta\n" in timeline
    assert "[Confirmed by several sources](methodology.md#status-confirmed) · 2 independent outlets" in timeline
    assert "(Chart data: ../assets/charts/timeline.json)" in timeline
    person = output.assets["markdown/people/ann-example.md"]
    assert ("\n- summer 2024: [A dispute over the deal](../timeline.md#2024-summer-dispute) "
            "Anonymous sources · 1 independent outlet\n") in person  # a list's compact badge


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
