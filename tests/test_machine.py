"""llms.txt and the plain-Markdown copies are readable without the site's HTML."""
from __future__ import annotations

from build_scripts.build import generate

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
    assert "[Confirmed by several sources]" in timeline
    assert "(Chart data: ../assets/charts/timeline.json)" in timeline
