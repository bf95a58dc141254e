"""Corrections on the fact (what it said before, from the data's history), the Updates page and feed that
list them as such, and 'Suggest a correction' links that name each item's file and line."""
from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
import yaml

from build_scripts.data.loading import parse_yaml
from build_scripts.data.validation import load_report
from build_scripts.errors import DataError
from build_scripts.history import corrections, updates
from build_scripts.history.changes import Change, FieldChange, Recorded
from build_scripts.history.corrections import revisions_around
from build_scripts.history.update_days import merge
from build_scripts.session import generate

from .conftest import MINI, ROOT

REPOSITORY = "https://github.com/example/briefing"
NOTE = "Dated to the day of the report; the deal was signed a day later."
ITEM_KINDS = ("events", "sources", "claims", "conflicts", "leverage", "quotes", "people", "organisations")


def git(repo: Path, when: str, *args: str) -> None:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.com", "PATH": "/usr/bin:/bin", "HOME": str(repo),
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


def commit(repo: Path, when: str, message: str) -> None:
    git(repo, when, "add", ".")
    git(repo, when, "commit", "-qm", message)


def corrected_repo(root: Path, repository: bool = True) -> Path:
    """The mini briefing published on 1 July 2024, reworded later that day, and its deal's date corrected
    on 2 July (with `repository` set, unless told otherwise). Returns the data folder."""
    repo = root / "repo"
    (repo / "data").mkdir(parents=True)
    text = (MINI / "briefing.yaml").read_text()
    if repository:
        text = text.replace("  last_reviewed: 2024-07-01\n",
                            f"  last_reviewed: 2024-07-01\n  repository: {{url: {REPOSITORY}}}\n")
    (repo / "data" / "briefing.yaml").write_text(text)
    git(repo, "2024-07-01T09:00:00Z", "init", "-q")
    commit(repo, "2024-07-01T09:00:00Z", "first")
    text = text.replace("summary: Alpha invested in Beta.", "summary: Alpha invested in Beta, its first deal.")
    (repo / "data" / "briefing.yaml").write_text(text)
    commit(repo, "2024-07-01T15:00:00Z", "reworded")
    text = text.replace("    date: 2024-01-15\n    title: Alpha invests in Beta",
                        "    date: 2024-01-16\n    title: Alpha invests in Beta")
    text = text.replace("      - {value: 650000000, currency: USD, label: investment, approximate: true}\n",
                        "      - {value: 650000000, currency: USD, label: investment, approximate: true}\n"
                        f"    corrections:\n      - {{date: 2024-07-02, fields: [date], note: \"{NOTE}\"}}\n")
    (repo / "data" / "briefing.yaml").write_text(text)
    commit(repo, "2024-07-02T10:00:00Z", "correct the deal's date")
    return repo / "data"


@pytest.fixture(autouse=True)
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(updates, "CACHE_DIR", tmp_path / "cache")
    monkeypatch.setattr(corrections, "CACHE_DIR", tmp_path / "cache")


@pytest.fixture
def built(tmp_path):
    return generate(corrected_repo(tmp_path), static_charts=False, bundle=False,
                    site_url="https://example.org/briefing/")


def test_a_corrected_fact_shows_its_correction_and_what_it_said_before(built):
    page = built.pages["timeline.md"]
    assert (f'<p><strong>Correction of <time datetime="2024-07-02">2 July 2024</time></strong> to this event&#x27;s '
            f'date. What was wrong: {NOTE}</p>'.replace("'", "&#x27;") in page.replace("'", "&#x27;")), \
        "a dated correction note with its subject, not a bare 'Corrected on …:' that reads like the current state"
    assert "<details><summary>What it said before</summary><ul>\n<li><strong>Date:</strong> 15 January 2024</li>" \
        in page
    copy = built.assets["markdown/timeline.md"]
    assert f"**Correction of 2 July 2024** to this event's date. What was wrong: {NOTE}" in copy
    assert "**What it said before**" in copy
    assert "- **Date:** 15 January 2024" in copy


def test_the_home_pages_latest_changes_name_what_was_corrected(built):
    """Each line of 'Latest changes' says what happened to which item, linked as the other lines are, never a
    bare 'event corrected:' without its subject."""
    home = built.pages["index.md"]
    latest = home[home.index("## Latest changes"):home.index("[All updates]")]
    assert ('- 2 July 2024: Correction to the event [<span class="as-then">Alpha invests in Beta</span>]'
            "(timeline.md#2024-01-deal)\n") in latest
    assert "event corrected" not in latest and "event added" not in latest


def test_the_updates_page_has_one_heading_a_day_and_marks_the_correction(built):
    page = built.pages["updates.md"]
    assert re.findall(r"^## (.+?) \{", page, re.M) == ["2 July 2024", "1 July 2024"]
    assert (f'- **Correction:** Event [<span class="as-then">Alpha invests in Beta</span>](timeline.md#2024-01-deal): '
            f'{NOTE} (Date changed from <span class="as-then">15 January 2024</span> to <span class="as-then">16 '
            'January 2024</span>.)') in page
    first_day = page[page.index("## 1 July 2024"):]
    assert first_day.count("(timeline.md#2024-01-deal)") == 1, "added and reworded the same day: one entry"


def test_the_feed_marks_the_correction(built):
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = ET.fromstring(built.assets["feed.xml"]).findall("a:entry", ns)
    first = entries[0]
    assert first.findtext("a:title", namespaces=ns) == "Correction: Event: Alpha invests in Beta"
    assert first.find("a:category", ns).get("term") == "correction"
    assert NOTE in first.findtext("a:summary", namespaces=ns)
    assert {e.find("a:category", ns).get("term") for e in entries[1:]} == {"update"}


def test_the_json_downloads_carry_the_correction(built):
    import json

    events = json.loads(built.assets["downloads/briefing.json"])["events"]
    deal = next(e for e in events if e["id"] == "2024-01-deal")
    assert deal["corrections"] == [{"date": "2024-07-02", "note": NOTE, "fields": ["date"]}]
    assert all("corrections" not in e for e in events if e["id"] != "2024-01-deal")
    record = json.loads(built.assets["downloads/provenance.json"])["corrections"]
    assert record == [{"collection": "events", "id": "2024-01-deal", "date": "2024-07-02", "note": NOTE,
                       "before": {"date": "2024-01-15"}}]


def expected_lines(data: Path) -> dict[str, int]:
    """collection/id -> the line of the item, read from the loader's positions directly."""
    loaded = parse_yaml("briefing.yaml", (data / "briefing.yaml").read_bytes())
    return {f"{name}/{item['id']}": loaded.positions[(name, index)][0]
            for name in ITEM_KINDS for index, item in enumerate(loaded.data.get(name) or [])}


def test_every_facts_suggest_link_names_its_file_and_line(tmp_path):
    data = corrected_repo(tmp_path)
    output = generate(data, static_charts=False, bundle=False, site_url="https://example.org/briefing/")
    found = {}
    pattern = (r'<span class="suggest"><a href="' + re.escape(REPOSITORY) + r'/issues/new\?template=correction\.yml'
               r'&amp;title=[^"]*&amp;item=([a-z]+)%2F([a-z0-9-]+)&amp;page=([^"]+)">Suggest a correction</a> '
               r'\(<a href="' + re.escape(REPOSITORY) + r'/blob/main/data/briefing\.yaml#L(\d+)">'
               r'briefing\.yaml, line (\d+)</a>\)</span>')
    for path, text in output.pages.items():
        for kind, item_id, page, line, shown in re.findall(pattern, text):
            assert line == shown
            found[f"{kind}/{item_id}"] = int(line)
            assert page.startswith("https%3A%2F%2Fexample.org%2Fbriefing%2F"), page
    expected = expected_lines(data)
    assert found == expected
    lines = (data / "briefing.yaml").read_text().split("\n")
    for item, line in expected.items():
        assert f"id: {item.split('/')[1]}" in lines[line - 1], (item, lines[line - 1])


def test_the_loader_positions_are_the_reports_places(tmp_path):
    data = corrected_repo(tmp_path)
    places = load_report(data).places
    assert {f"{k[0]}/{k[1]}": p.line for k, p in places.items()} == expected_lines(data)


def test_no_repository_no_suggestion(tmp_path):
    output = generate(corrected_repo(tmp_path, repository=False), static_charts=False, bundle=False)
    assert not any("Suggest a correction" in text for text in output.pages.values())
    assert "Correction of" in output.pages["timeline.md"], "corrections do not need a repository"


def test_the_issue_form_has_the_fields_the_links_fill_in():
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "correction.yml").read_text())
    ids = {field.get("id") for field in form["body"]}
    assert {"item", "page", "problem", "source"} <= ids


def _refused_correction(tmp_path, correction: str) -> DataError:
    """The mini briefing with one correction written on its first item: the error it is refused with."""
    data = tmp_path / "data"
    data.mkdir()
    text = (MINI / "briefing.yaml").read_text().replace(
        "    sources: [example-report]\n  - id: 2024-01-deal",
        f"    sources: [example-report]\n    corrections:\n      - {correction}\n  - id: 2024-01-deal")
    (data / "briefing.yaml").write_text(text)
    with pytest.raises(DataError) as raised:
        load_report(data)
    return raised.value


def test_a_correction_names_only_the_items_own_fields(tmp_path):
    error = _refused_correction(tmp_path, "{date: 2024-07-01, fields: [dates], note: x}")
    assert "corrections[0].fields: a correction names 'dates', not a field of this item" in str(error)


def test_a_correction_note_is_one_line(tmp_path):
    _refused_correction(tmp_path, '{date: 2024-07-01, note: "one\\ntwo"}')


def test_the_revisions_around_a_correction_day():
    day = 86400
    commits = [("a", 0), ("b", 3600), ("c", day + 10), ("d", day + 20), ("e", 3 * day)]
    assert revisions_around(commits, date(1970, 1, 2)) == ("b", "d"), "before the day, and the day's last"
    assert revisions_around(commits, date(1970, 1, 1)) == ("a", "b"), "first written that day: its first commit"
    assert revisions_around(commits, date(1970, 1, 3)) == ("d", "e"), "no commit that day: the next one"
    assert revisions_around(commits, date(1970, 1, 5)) is None, "nothing after it"


def test_changes_of_one_day_merge_per_item():
    older = Change("events", "updated", "x", "X", (FieldChange("date", "2024-01", "2024-02"),))
    newer = Change("events", "corrected", "x", "X", (FieldChange("date", "2024-02", "2024-03"),
                                                      FieldChange("summary")),
                   (Recorded(0, date(2024, 3, 1), "Wrong month."),))
    merged = merge(older, newer)
    assert (merged.verb, merged.correction) == ("corrected", "Wrong month.")
    assert merged.detail == "Date changed from 2024-01 to 2024-03. Summary changed."
    assert merge(Change("events", "added", "x", "X"), newer).verb == "added"
    back = merge(older, Change("events", "updated", "x", "X", (FieldChange("date", "2024-02", "2024-01"),)))
    assert back.fields == ()


def test_each_correction_says_its_own_day_when_one_was_made_before_its_note_was_added():
    """Two corrections listed on 2 December, one made on 1 December: each note says the day the fact shows
    ('Correction of 1 December 2026' on the fact), and which day its note was added, so the note of the
    later one is not read as made on the earlier day; all made that day, the day's heading says it."""
    day = date(2026, 12, 2)
    both = Change("claims", "corrected", "x", "X", (), (Recorded(0, date(2026, 12, 1), "Marked confirmed."),
                                                       Recorded(1, day, "Said as fact.")))
    assert both.dated_notes(day) == (
        ("Corrected on 1 December 2026, its note added on 2 December 2026", "Marked confirmed."),
        ("Corrected on 2 December 2026", "Said as fact."))
    same = Change("claims", "corrected", "x", "X", (), (Recorded(1, day, "Said as fact."),))
    assert same.dated_notes(day) == (("", "Said as fact."),)


def shallow() -> bool:
    found = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=ROOT, capture_output=True, text=True)
    return found.returncode != 0 or found.stdout.strip() != "false"


@pytest.mark.skipif(shutil.which("git") is None or shallow(), reason="needs the repository's whole history")
def test_every_correction_recorded_in_the_shipped_data_finds_what_it_said_before():
    report = load_report(ROOT / "data")
    recorded = [(name, item.id, n) for name in ITEM_KINDS for item in getattr(report.briefing, name)
                for n, _ in enumerate(getattr(item, "corrections", ()))]
    assert len(recorded) >= 10
    earlier = corrections.corrections_before(ROOT / "data", report.briefing)
    assert sorted(earlier) == sorted(recorded)
    assert all(values for values in earlier.values())


@pytest.mark.skipif(shutil.which("git") is None or shallow(), reason="needs the repository's whole history")
@pytest.mark.history  # every revision of the shipped data, read and validated afresh
def test_the_shipped_updates_page_has_one_heading_a_day_and_lists_the_recorded_corrections():
    from build_scripts.history.update_days import by_day

    days = by_day(updates.data_updates(ROOT / "data"))
    labels = [day.label for day in days]
    assert labels and len(labels) == len(set(labels))
    corrected = {(c.kind, c.item_id) for day in days for c in day.corrections}
    report = load_report(ROOT / "data")
    shown = set(labels)
    recorded = {(name, item.id) for name in ITEM_KINDS for item in getattr(report.briefing, name)
                for fix in getattr(item, "corrections", ()) if fix.date.label in shown}
    assert recorded <= corrected, "a correction the data records on a day the page shows is listed as one"
    assert all(c.correction for day in days for c in day.corrections), "each correction says what was wrong"
    for day in days:  # read by kind of change, corrections first: every entry of the day once
        grouped = [(c.kind, c.item_id) for group in day.groups for c in group.changes]
        assert sorted(grouped) == sorted((c.kind, c.item_id) for c in day.changes), day.label
        assert len(grouped) == len(set(grouped)), day.label
        assert not day.corrections or day.groups[0].key == "corrections", day.label


def test_what_it_said_before_names_items_as_a_reader_knows_them_never_by_id():
    """A corrected list of sources, a source cited with its passage and a conflict's positions read as the
    site names their items (outlet and title, event titles, names), and an empty value as '(none)'."""
    from build_scripts.data.validation import load_briefing
    from build_scripts.history.wording import Names

    briefing = load_briefing(MINI)
    names = Names([briefing])
    conflict = briefing.conflicts[0].model_dump(mode="json", by_alias=True)
    event = {"sources": ["example-report", {"source": "example-copy", "passage": "x"}], "status_note": None}
    earlier = {e.field: e.value for e in corrections.earlier_values(
        event, {"sources": [], "status_note": "Now said."}, [], names, "events")}
    earlier |= {e.field: e.value for e in corrections.earlier_values(
        {"positions": conflict["positions"]}, {"positions": []}, [], names, "conflicts")}
    ids = {"example-report", "example-copy", "alpha", "beta", "2024-summer-dispute", "2024-01-deal"}
    assert not [i for i in ids for value in earlier.values() if re.search(rf"\b{re.escape(i)}\b", value)], earlier
    report = briefing.sources[0]
    assert f"{report.outlet}, “{report.title}”" in earlier["positions"] or report.subject in earlier["positions"]
    assert earlier["status_note"] == "(none)"
    assert "party: " in earlier["positions"] and "position: Wants more." in earlier["positions"]
    assert len(earlier["sources"].split("; ")) == 2


def test_the_updates_page_says_when_earlier_updates_are_not_listed(tmp_path, monkeypatch):
    """The page lists the latest LIMIT commits that changed the data (whole days): when older ones exist, its
    last day says so, rather than reading as the whole history."""
    from build_scripts.history import update_days
    from build_scripts.render import page_variables

    data = corrected_repo(tmp_path)
    whole = generate(data, static_charts=False, bundle=False).pages["updates.md"]
    assert "The history available starts here" in whole and "Earlier updates are not listed" not in whole
    monkeypatch.setattr(updates, "LIMIT", 1)
    monkeypatch.setattr(page_variables, "LIMIT", 1)
    assert update_days.LIMIT == 20
    page = generate(data, static_charts=False, bundle=False).pages["updates.md"]
    assert re.findall(r"^## (.+?) \{", page, re.M) == ["2 July 2024"], "the latest commit, and the rest of its day"
    assert page.rstrip().endswith("*Earlier updates are not listed here: this page covers the latest 1 revision of "
                                  "the briefing's data, and the whole of each day they fall on.*")
    assert "The history available starts here" not in page
