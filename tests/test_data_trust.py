"""What the methodology promises, checked by the build: independent origins, the status rules (one golden
case per rule, in tests/cases for errors and tests/warning_cases for warnings), the codebook, dated
figures, and honest currency."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from build_scripts.cli import main
from build_scripts.data.rules import STATUS_RULES, Status
from build_scripts.data.trust import independent_origins
from build_scripts.data.validation import load_briefing
from build_scripts.render.views import build_view
from build_scripts.session import generate

from .conftest import MINI, ROOT, check_golden, copy_data

WARNING_CASES = sorted(p for p in (Path(__file__).parent / "warning_cases").iterdir() if p.is_dir())



@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path, monkeypatch):
    """`check` names files as the path was given: run from tmp_path and give `data`, as an editor would."""
    monkeypatch.chdir(tmp_path)

@pytest.mark.parametrize("case", WARNING_CASES, ids=[c.name for c in WARNING_CASES])
def test_warning_case_names_file_line_and_hint_but_builds(case, tmp_path, capsys, monkeypatch):
    data = copy_data(MINI, tmp_path / "data")
    for path in case.glob("*.yaml"):  # laid over the mini briefing (review-window-passed adds nothing)
        (data / path.name).write_text(path.read_text())
    if (case / "build-date.txt").exists():
        monkeypatch.setenv("SOURCE_DATE_EPOCH", (case / "build-date.txt").read_text().strip())
    assert main(["--data", "data", "check"]) == 0
    warnings = "".join(line + "\n" for line in capsys.readouterr().err.splitlines() if line.startswith("warning:"))
    assert warnings, "each warning case must produce its warning"
    check_golden(case / "expected.txt", warnings)


def test_independent_origins_follow_based_on_chains_and_merge_one_outlet():
    briefing = load_briefing(MINI)
    sources = {s.id: s for s in briefing.sources}
    wire = sources["example-copy"]
    chained = {
        **sources,
        "rewrite": wire.model_copy(update={"id": "rewrite", "outlet": "Rewrite Daily", "based_on": "example-copy"}),
        "rewrite-of-rewrite": wire.model_copy(update={"id": "rewrite-of-rewrite", "outlet": "Third",
                                                     "based_on": "rewrite"}),
        "same-outlet": wire.model_copy(update={"id": "same-outlet", "outlet": "The Example Wire"}),
    }
    assert independent_origins(["rewrite-of-rewrite", "rewrite", "same-outlet"], chained) == ("Example Wire",)
    assert independent_origins(["example-report", "rewrite"], chained) == ("Example Times", "Example Wire")


def test_shipped_briefing_meets_its_own_rules():
    """The audit the issue asks for: no confirmed item with fewer than two independent origins, and
    no source whose note says it re-reports another without based_on."""
    briefing = load_briefing(ROOT / "data")
    view = build_view(briefing)
    minimum = {rule.status: rule.min_origins for rule in STATUS_RULES}
    for item in (*briefing.events, *briefing.claims, *briefing.leverage):
        assert len(view.origins_of(item.sources)) >= minimum[item.status], item.id
    for source in briefing.sources:
        if source.note and source.note.lower().startswith(("re-report", "syndicat")) and not source.unlocated:
            assert source.based_on, source.id


def test_no_badge_contradicts_its_fact_and_prose_says_what_it_rests_on():
    """A confirmed badge gives its independent outlets; a single source or a dispute gives no count (two
    outlets beside 'Single source' read as a contradiction); anonymous reporting says how many outlets
    repeated it. Prose counts the events it rests on by status, checked against the model."""
    output = generate(ROOT / "data", static_charts=False, history=False)
    view = build_view(output.briefing)
    for path, page in output.pages.items():
        page = re.sub(r'<p class="status-legend">.*?</p>', "", page)  # the legend shows the bare badges
        for badge in page.split('<span class="status status--')[1:]:
            status, head = badge.split('"', 1)[0], badge.split("</span>", 2)[1]
            if status == "confirmed" and path != "methodology.md":
                assert re.search(r"· \d+ independent outlets?", head), (path, head)
            elif status in ("single-source", "disputed"):
                assert "outlet" not in head, (path, head)
            elif status == "anonymous":
                assert "independent" not in head, (path, head)
    home = output.pages["index.md"]
    info = output.briefing.info
    for events in (info.summary_events, *(t.events for t in info.takeaways)):
        cited = [view.events_by_id[i] for i in dict.fromkeys(events)]
        counts = [(rule.short.lower(), sum(1 for e in cited if e.status is rule.status)) for rule in STATUS_RULES]
        said = ", ".join(f"{n} {words}" for words, n in counts if n) if len(cited) > 1 else \
            next(words for words, n in counts if n)
        assert f"Rests on {len(cited)} event{'s' if len(cited) > 1 else ''}: {said}</a>" in home
    assert home.count('<span class="basis basis--') == 1 + len(info.takeaways)
    assert home.count('class="status-legend"') == 1
    assert "Covers events to" in home and "Last checked for news on" in home


def test_methodology_renders_rules_and_every_code_from_the_data():
    output = generate(ROOT / "data", static_charts=False, history=False)
    page = output.pages["methodology.md"]
    for rule in STATUS_RULES:
        assert rule.meaning in page and f'id="status-{rule.status.value}"' in page
    info = output.briefing.info
    for code in info.codebook.themes:
        assert f'id="theme-{code.id}"' in page and code.definition in page
    for tone in ("cooperation", "friction", "neutral"):
        assert f'id="tone-{tone}"' in page


def test_downloads_and_feed_carry_both_dates_and_the_origins(mini_passages):
    output = generate(mini_passages, static_charts=False, history=False)
    provenance = json.loads(output.assets["downloads/provenance.json"])
    assert provenance["covers_events_to"] == "2024-06-30" and provenance["last_reviewed"] == "2024-07-01"
    deal = next(i for i in provenance["items"] if i.get("id") == "2024-01-deal")
    assert deal == {"collection": "events", "id": "2024-01-deal", "status": Status.confirmed.value,
                    "independent_origins": ["Example Times", "Example Wire"],
                    "citations": [{"source": "example-copy", "read_in": "copy",  # the default: it has read_via
                                   "passage": "Alpha Corp said on Monday it had invested about $650 million "
                                              "in Beta Labs."},
                                  {"source": "example-report", "read_in": "original",
                                   "passage": "Alpha's investment in Beta, announced in January, …"}]}
    position = next(i for i in provenance["items"] if i.get("position") == 1)
    assert position["citations"] == [{"source": "example-copy", "no_passage": "paywall",
                                      "note": "The wire's page asks for a subscription."}]
    raw = json.loads(output.assets["downloads/briefing.json"])
    deal = next(e for e in raw["events"] if e["id"] == "2024-01-deal")
    assert deal["sources"][1] == {"source": "example-report", "read_in": "original",
                                 "passage": "Alpha's investment in Beta, announced in January, …"}
    assert json.loads(output.assets["downloads/briefing.json"])["briefing"]["last_reviewed"] == "2024-07-01"
    assert "<subtitle>Covers events to 30 June 2024. Last checked for news on 1 July 2024.</subtitle>" in \
        output.assets["feed.xml"]
    assert "Example Times;Example Wire" in output.assets["downloads/events.csv"]


def test_figures_older_than_the_coverage_say_as_of(tmp_path):
    data = copy_data(MINI, tmp_path / "data")
    text = (data / "briefing.yaml").read_text().replace(
        "    - text: The deal came first.\n      events: [2024-01-deal]\n",
        "    - text: Alpha paid $650 million.\n      events: [2024-01-deal]\n      figures_as_of: 2024-01-15\n")
    (data / "briefing.yaml").write_text(text)
    home = generate(data, static_charts=False, history=False).pages["index.md"]
    assert "Alpha paid $650 million. <span class=\"figures-as-of\">(figures as of 15 January 2024)</span>" in home


def test_a_review_older_than_the_window_shows_the_notice_without_script(tmp_path):
    from .conftest import build_site
    stale = build_site(MINI, tmp_path / "stale", {"SOURCE_DATE_EPOCH": "1725148800"})  # 1 September 2024
    fresh = build_site(MINI, tmp_path / "fresh", {"SOURCE_DATE_EPOCH": "1719878400"})  # 2 July 2024
    assert stale.returncode == 0 and fresh.returncode == 0, stale.stderr + fresh.stderr
    notice = 'class="admonition warning currency-notice" role="note" aria-label="Review notice" ' \
             'data-reviewed="2024-07-01" data-window-days="30"'
    for page in ("index.html", "timeline/index.html"):
        assert notice + ">" in (tmp_path / "stale" / page).read_text()
        assert notice + ' data-reviewed-label="1 July 2024" data-as-of-label="30 June 2024" hidden></div>' in \
            (tmp_path / "fresh" / page).read_text()  # the reader's browser writes it when the time comes
        assert "Covers events to <time datetime=\"2024-06-30\">30 June 2024</time>" in \
            (tmp_path / "fresh" / page).read_text()
