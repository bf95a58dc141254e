"""Editorial care: drafts stay off the site but are listed, and cross-fact warnings do not stop it."""
from __future__ import annotations

import pytest

from build_scripts.cli import main
from build_scripts.session import generate

from .conftest import MINI, copy_data

DRAFT = """events:
  - id: 2024-03-draft-event
    date: 2024-03
    title: Not ready yet
    summary: Still being checked.
    actors: [alpha]
    themes: [investment]
    status: single-source
    sources: [example-report]
    review: draft
"""

WARNINGS = """organisations:
  - {id: gamma, name: Gamma Ltd, kind: company, description: Named by no event., sources: [example-report]}
events:
  - id: 2024-02-early-source
    date: 2024-02-10
    title: Reported before it happened
    summary: The only source predates the event.
    actors: [alpha]
    themes: [investment]
    status: single-source
    sources: [example-copy]
    amounts:
      - {value: 5, currency: EUR, label: euros}
conflicts:
  - id: stale
    title: Stale
    summary: Not looked at for years.
    positions:
      - {party: alpha, position: One., sources: [example-report], events: [2024-01-deal]}
      - {party: beta, position: Two., sources: [example-report], events: [2024-01-deal]}
    events: [2024-01-deal]
    last_reviewed: 2020-01
"""



@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path, monkeypatch):
    """`check` names files as the path was given: run from tmp_path and give `data`, as an editor would."""
    monkeypatch.chdir(tmp_path)

def test_draft_events_stay_off_the_site_but_check_lists_them(tmp_path, capsys):
    data = copy_data(MINI, tmp_path / "data")
    (data / "draft.yaml").write_text(DRAFT)
    assert main(["--data", "data", "check"]) == 0
    out = capsys.readouterr()
    assert ("data/draft.yaml:10:13: events[0].review: draft, not published: Not ready yet "
            "(hint: set review: published when it is ready)") in out.err
    assert "1 drafts" in out.out
    output = generate(data, static_charts=False)
    assert "Not ready yet" not in "".join(output.pages.values())
    assert "2024-03-draft-event" not in output.assets["downloads/briefing.json"]


def test_cross_fact_warnings_name_file_and_line_but_do_not_stop_the_build(tmp_path, capsys):
    data = copy_data(MINI, tmp_path / "data")
    (data / "warnings.yaml").write_text(WARNINGS)
    assert main(["--data", "data", "check"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "warning: data/warnings.yaml:2:10: W402 profile-no-event-names: organisations[0].id: no event names gamma "
        "(hint: add it to an event's actors, or remove the profile) [docs/editors.md#w402-profile-no-event-names]",
        "warning: data/warnings.yaml:11:15: W104 source-before-event: events[0].sources[0]: example-copy is dated "
        "2024-01 but the event is dated 2024-02-10 (hint: a source cannot report an event before it happens: check "
        "both dates) [docs/editors.md#w104-source-before-event]",
        "warning: data/warnings.yaml:13:30: W401 odd-currency: events[0].amounts[0].currency: EUR differs from the "
        "other amounts (USD) (hint: the money chart shows USD only; convert it or say so in the label) "
        "[docs/editors.md#w401-odd-currency]",
        "warning: data/warnings.yaml:22:20: W302 item-review-overdue: conflicts[0].last_reviewed: last reviewed 1612 "
        "days before the briefing's as-of date (hint: review it against new reporting (limit: 365 days)) "
        "[docs/editors.md#w302-item-review-overdue]",
    ]
    page = generate(data, static_charts=False).pages["conflicts/stale.md"]
    assert "Not reviewed for 1612 days before this briefing's as-of date" in page


def test_a_draft_source_stays_off_the_site_with_the_drafts_that_cite_it(tmp_path, capsys):
    data = copy_data(MINI, tmp_path / "data")
    lead = "https://lead.example/not-yet-read"
    (data / "draft.yaml").write_text(DRAFT.replace("sources: [example-report]", "sources: [unread-lead]") + f"""sources:
  - id: unread-lead
    outlet: Lead Wire
    subject: A lead not yet read
    date: 2024-09-01
    url: {lead}
    review: draft
""")
    assert main(["--data", "data", "check"]) == 0, "a draft may be dated after the coverage date"
    assert "sources[0].review: draft, not published: A lead not yet read" in capsys.readouterr().err
    output = generate(data, static_charts=False)
    assert lead not in "".join(output.pages.values()) and lead not in output.assets["downloads/briefing.json"]
    (data / "cite.yaml").write_text(DRAFT.replace("2024-03-draft-event", "2024-03-published").replace(
        "    review: draft\n", "").replace("sources: [example-report]", "sources: [unread-lead]"))
    assert main(["--data", "data", "check"]) == 1
    assert "'unread-lead' is a draft, so it is not on the site" in capsys.readouterr().err
