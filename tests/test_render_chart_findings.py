"""Charts' findings (render/chart_findings.py): each sentence checked against the model, on the shipped
briefing and on small fixtures for a tie, a group holding everything, and nothing to count; a finding an
editor wrote comes first, in the caption, the image's text and the plain-Markdown copy."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from build_scripts.data.model import Tone, Wording
from build_scripts.data.validation import load_briefing
from build_scripts.pipeline import place_charts
from build_scripts.render import chart_findings as findings
from build_scripts.render.chart_table import CHART_KINDS, build_charts, chart_finding
from build_scripts.render.charts import half_year_words
from build_scripts.render.page_context import Flavour, PageContext
from build_scripts.render.views import build_view
from build_scripts.session import generate

from .conftest import FIXTURES, MINI, ROOT, copy_data


def view_of(data: Path):
    return build_view(load_briefing(data))


def edited(tmp_path: Path, *changes: tuple[str, str]) -> Path:
    """The mini briefing with each (old, new) text change made once."""
    data = copy_data(MINI, tmp_path / "data")
    path = data / "briefing.yaml"
    text = path.read_text()
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text)
    return data


def on_the_conflict(finding: str) -> tuple[str, str]:
    """The text change that writes a chart finding on the mini briefing's point of conflict."""
    end = "    last_reviewed: 2024-06-30\nleverage:"
    return end, end.replace("leverage:", f"    chart_finding: {finding}\nleverage:")


def leading(counts: Counter) -> tuple[list, int]:
    """The model's own answer, computed here a second way: the groups with the most, and how many."""
    most = max(counts.values())
    return sorted(k for k, n in counts.items() if n == most), most


@pytest.fixture(scope="module")
def shipped():
    view = view_of(ROOT / "data")
    return view, build_charts(view)


def test_the_shipped_timelines_state_the_year_with_the_most_events(shipped):
    view, charts = shipped
    conflicts = {f"conflict-{c.id}": [view.events_by_id[e] for e in c.events] for c in view.briefing.conflicts}
    for chart_id, events in {"timeline": view.events, **conflicts}.items():
        (year,), n = leading(Counter(e.date.start.year for e in events))
        assert charts[chart_id].finding == f"{year} has the most events: {n} of the {len(events)}.", chart_id


def test_the_shipped_tone_chart_states_the_half_year_with_the_most_friction(shipped):
    view, charts = shipped
    friction = [e for e in view.events if e.tone == Tone.friction]
    (half,), n = leading(Counter((e.date.start.year, "first" if e.date.start.month <= 6 else "second")
                                 for e in friction))
    assert charts["friction"].finding == (f"The {half[1]} half of {half[0]} has the most friction events: "
                                          f"{n} of the {len(friction)}.")


def test_the_shipped_amounts_and_relationships_state_their_largest_group(shipped):
    view, charts = shipped
    amounts = [e.date.start.year for e in view.events for _ in e.amounts]
    (year,), n = leading(Counter(amounts))
    assert charts["money"].finding == f"{year} has the most amounts of money: {n} of the {len(amounts)}."
    assert charts["money"].summary.startswith(f"{len(amounts)} amounts of money, from "), "not 'in the data'"
    rels = view.briefing.relationships
    (party,), n = leading(Counter(p for r in rels for p in {r.source_party, r.target_party}))
    assert charts["relationships"].finding == (f"{view.entity_name(party)} is a party to the most relationships: "
                                               f"{n} of the {len(rels)}.")


def test_a_tie_names_every_group_tied_for_the_most(tmp_path):
    view = view_of(edited(tmp_path, ("    date: 2024-01-15\n", "    date: 2023-01-15\n")))
    charts = build_charts(view)
    assert charts["timeline"].finding == "2023 and 2024 have the most events: 1 of the 2 each."
    assert charts["conflict-terms"].finding == "2023 and 2024 have the most events: 1 of the 2 each."
    assert findings.most_in(Counter({"2021 H1": 2, "2021 H2": 1, "2022 H1": 2}), "friction event",
                            name=half_year_words) == \
        "The first half of 2021 and the first half of 2022 have the most friction events: 2 of the 5 each."


def test_one_group_holding_everything_is_said_as_such():
    view = view_of(MINI)
    charts = build_charts(view)
    assert charts["timeline"].finding == "Both events fall in 2024."
    assert charts["friction"].finding == "The one friction event falls in the first half of 2024."
    assert charts["friction"].summary == ("Events per half-year, by tone: 1 of the 2 events is marked as friction, "
                                          "and all fall in the first half of 2024.")
    assert charts["money"].finding == "The one amount of money dates from 2024."
    assert charts["money"].summary == "One amount of money: about $650 million (investment)."
    assert charts["timeline"].summary == ("2 events from 15 January 2024 to summer 2024, one row per main theme. "
                                          "Of these, 1 is confirmed and 1 from anonymous sources."), \
        "a status counted as the basis counts it, not '1 anonymous sources'"
    assert build_charts(view_of(FIXTURES / "webb"))["conflict-the-name"].summary == \
        "3 events from spring 2021 to October 2021, one row per main theme. All are confirmed."
    assert charts["relationships"].summary == "1 relationship among 2 parties, by kind: invested in (1)."
    assert charts["relationships"].finding == "Alpha Corp and Beta Labs are parties to the one relationship."
    assert build_charts(view_of(FIXTURES / "webb"))["relationships"].finding == "NASA is a party to both relationships."


def test_nothing_to_count_is_said_plainly():
    view = view_of(FIXTURES / "events-only")
    assert build_charts(view)["friction"].finding == "No event is marked as friction."
    assert findings.amounts_by_year(view) == "No amounts of money."
    assert findings.relationships_by_party(view) == "No relationships."
    assert findings.events_by_year([]) == "No events."


def test_a_finding_an_editor_wrote_comes_first(tmp_path):
    written = "Friction came before the deal was done."
    data = edited(tmp_path, ("  codebook:\n", f"  wording:\n    tone_finding: {written}\n  codebook:\n"),
                  on_the_conflict("The terms were argued over twice."))
    view = view_of(data)
    charts = build_charts(view)
    assert charts["friction"].finding == written == chart_finding(view, "friction")
    assert charts["conflict-terms"].finding == "The terms were argued over twice."
    assert charts["timeline"].finding == "Both events fall in 2024.", "only the chart it was written for"


def test_the_caption_leads_with_the_finding_in_both_flavours():
    output = generate(MINI, static_charts=False)
    chart = output.charts["friction"]
    html = place_charts("<!-- chart: friction -->", output, "")
    caption = html[html.index("<figcaption"):html.index("</figcaption>")]
    assert caption.index(chart.finding) < caption.index(chart.title) < caption.index(chart.summary)
    assert html.count(chart.finding) == 1, "without images, the caption alone says it"
    copy = PageContext(view_of(MINI), "index.md", Flavour.COPY).chart("friction")
    assert copy == f"{chart.finding} [Chart data (JSON)](../assets/charts/friction.json)"


def test_the_static_images_text_carries_the_finding():
    from build_scripts.render.chart_html import render_chart

    chart = generate(MINI, static_charts=False).charts["money"]
    images = {"light": {"wide": "a.svg", "phone": "a.phone.svg"}}
    html = render_chart(chart, "money.json", images, "timeline/")
    assert f'alt="{chart.title}: {chart.finding} {chart.summary}"' in html


def test_each_written_finding_field_leads_the_chart_its_title_field_names(tmp_path):
    """wording.<x>_finding leads the chart titled by wording.<x>_chart, and no other."""
    fields = [name for name in Wording.model_fields if name.endswith("_finding")]
    lines = "".join(f"    {name}: Written as {name}.\n" for name in fields)
    charts = build_charts(view_of(edited(tmp_path, ("  codebook:\n", f"  wording:\n{lines}  codebook:\n"))))
    titled = {kind.wording.removesuffix("_chart"): kind.id for kind in CHART_KINDS if kind.wording}
    assert sorted(f"{stem}_finding" for stem in titled) == sorted(fields)
    for stem, chart_id in titled.items():
        assert charts[chart_id].finding == f"Written as {stem}_finding.", chart_id
    assert charts["conflict-terms"].finding == "Both events fall in 2024."


def test_a_finding_written_later_reaches_the_copy_in_the_same_session(tmp_path):
    """A page's copy states a chart's finding from what it read: editing the finding renders it again."""
    from build_scripts.session import BuildConfig, BuildSession

    data = copy_data(MINI, tmp_path / "data")
    session = BuildSession(BuildConfig(data_dir=data, static_charts=False, history=False))
    first = session.generate().assets["markdown/conflicts/terms.md"]
    assert "Both events fall in 2024. [Chart data (JSON)]" in first
    path = data / "briefing.yaml"
    path.write_text(path.read_text().replace(*on_the_conflict("Written later.")))
    second = session.generate()
    assert "Written later. [Chart data (JSON)]" in second.assets["markdown/conflicts/terms.md"]
    assert second.charts["conflict-terms"].finding == "Written later."
