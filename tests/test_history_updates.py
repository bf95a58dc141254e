"""The Updates page and Atom feed reflect real data changes in a git repository, also a shallow one."""
from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from build_scripts.errors import DataError
from build_scripts.history import updates
from build_scripts.session import generate

from .conftest import FIXTURES, MINI, correct_deal_summary, new_event_yaml, repo_with_data_change


def add_event(data):
    (data / "new.yaml").write_text(new_event_yaml("example-report"))
    correct_deal_summary(data)


def make_repo(tmp_path):
    return repo_with_data_change(tmp_path, add_event)


@pytest.fixture(autouse=True)
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(updates, "CACHE_DIR", tmp_path / "cache")


def test_updates_page_and_feed_show_a_real_change(tmp_path):
    repo = make_repo(tmp_path)
    output = generate(repo / "data", static_charts=False, site_url="https://example.org/briefing/")
    page = output.pages["updates.md"]
    assert page.count("\n## ") == 1, "both commits were made today: one heading for the day"
    assert '- Event added: [<span class="as-then">A new event</span>](timeline.md#2024-03-new-event)' in page
    # first written and then reworded on the same day: one entry, 'added'
    assert '- Event added: [<span class="as-then">Alpha invests in Beta</span>](timeline.md#2024-01-deal)' in page
    assert page.count("(timeline.md#2024-01-deal)") == 1
    assert "The history available starts here" in page  # the first commit
    home = output.pages["index.md"]
    assert "## Latest changes" in home
    assert ': New event: [<span class="as-then">A new event</span>](timeline.md#2024-03-new-event)\n' in home
    assert "\n\n[All updates](updates.md)\n" in home, "the link must stand after the list, not inside its last item"
    assert "last updated" not in home, "the home page states coverage and review dates, never the commit date"
    feed = ET.fromstring(output.assets["feed.xml"])
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.findtext("a:title", namespaces=ns) for e in feed.findall("a:entry", ns)]
    assert titles[:2] == ["Event added: A new event", "Event added: Alpha invests in Beta"]
    links = [e.find("a:link", ns).get("href") for e in feed.findall("a:entry", ns)]
    assert links[0] == "https://example.org/briefing/timeline/#2024-03-new-event"


def test_a_shallow_clone_says_what_it_can(tmp_path):
    repo = make_repo(tmp_path)
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)], check=True)
    output = generate(shallow / "data", static_charts=False)
    page = output.pages["updates.md"]
    assert "The history available starts here" in page
    ET.fromstring(output.assets["feed.xml"])


def test_data_outside_git_has_no_history(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    output = generate(data, static_charts=False)
    assert "No history is available" in output.pages["updates.md"]


def test_a_revision_written_for_an_older_schema_is_read_through_the_migrations():
    import copy

    from build_scripts.data.loading import parse_yaml
    from build_scripts.data.migrations import migrate
    from build_scripts.data.validation import validate

    old = FIXTURES / "schema-2026-11" / "briefing.yaml"
    loaded = parse_yaml("old/briefing.yaml", old.read_bytes())
    with pytest.raises(DataError):  # today's schema refuses it as it stands
        validate([copy.deepcopy(loaded)], [])
    migrate(loaded.data)
    briefing = validate([loaded], [], trust=False)
    assert {e.id for e in briefing.events} == {"2024-01-deal", "2024-summer-dispute"}
    assert briefing.info.last_reviewed == briefing.info.as_of
    assert [c.id for c in briefing.info.codebook.themes][:2] == ["investment", "compute"]


def _day_of_edits(root):
    """The mini briefing published on 1 July 2024; on 2 July, three commits change one event (a source
    added, its status explained, a correction made on 30 June recorded and then reworded twice) and give
    a source an editor's acknowledgement of a warning, and nothing else."""
    from .test_history_corrections import commit, git

    repo = root / "repo"
    (repo / "data").mkdir(parents=True)
    path = repo / "data" / "briefing.yaml"
    text = (MINI / "briefing.yaml").read_text()
    path.write_text(text)
    git(repo, "2024-07-01T09:00:00Z", "init", "-q")
    commit(repo, "2024-07-01T09:00:00Z", "first")
    dispute = "    status: anonymous\n    sources: [example-report]\n  - id: 2024-01-deal"
    for n, note in enumerate(("Said the dispute was public.", "Said the dispute was public; it was not.",
                              "Called the dispute public; the report says it was private.")):
        edited = text.replace(dispute, "    status: anonymous\n    status_note: Only the dispute is confirmed.\n"
                              "    sources: [example-report, example-copy]\n"
                              f"    corrections:\n      - {{date: 2024-06-30, note: \"{note}\"}}\n  - id: 2024-01-deal")
        if n == 2:
            edited = edited.replace("    url: https://example.com/report\n", "    url: https://example.com/report\n"
                                    "    acknowledge: [{warning: W101, reason: Checked by the desk.}]\n")
        path.write_text(edited)
        commit(repo, f"2024-07-02T{9 + n:02d}:00:00Z", f"edit {n}")
    return repo / "data"


def test_a_day_of_edits_to_one_item_is_one_entry_worded_for_a_reader(tmp_path):
    output = generate(_day_of_edits(tmp_path), static_charts=False, bundle=False,
                      site_url="https://example.org/briefing/")
    page = output.pages["updates.md"]
    day = page[page.index("## 2 July 2024"):page.index("## 1 July 2024")]
    assert day.count("(timeline.md#2024-summer-dispute)") == 1, "three commits, one entry"
    assert day.count("Called the dispute public; the report says it was private.") == 1, "the correction once"
    assert "Said the dispute was public" not in day, "in its last wording"
    assert ('**Correction:** Event [<span class="as-then">A dispute over the deal</span>]'
            "(timeline.md#2024-summer-dispute): Corrected on 30 June 2024, its note added on 2 July 2024: Called the "
            "dispute public; the report says it was private.") in day, \
        "a correction made before the day its note was added gives the day the fact shows, and says what each is"
    assert 'Added to the sources: <span class="as-then">Example Wire, Wire copy of the deal announcement</span>.' in day
    assert "example-copy" not in day, "a source by its outlet and title, not its id"
    assert 'Note on what is confirmed added: “<span class="as-then">Only the dispute is confirmed.</span>” Added' in day
    for words in ("acknowledge", "not given", "note on the status", "warning"):
        assert words not in page.lower(), words
    assert "example-report" not in day and "Alpha and Beta fall out" not in day, \
        "a source whose only change is an editor's acknowledgement is no update"
    feed = output.assets["feed.xml"]
    assert feed.count("Called the dispute public") == 1 and "acknowledge" not in feed
    assert ("Corrected on 30 June 2024, its note added on 2 July 2024: Called the dispute public; the report says "
            "it was private.") in feed


def test_a_changed_reference_names_its_item_and_a_flag_reads_no_or_yes():
    from build_scripts.data.validation import load_briefing
    from build_scripts.history.updates import field_change
    from build_scripts.history.wording import Names

    names = Names([load_briefing(MINI)])
    later = field_change("superseded_by", None, "2024-01-deal", names, ("events",))
    assert later.shown() == "Event that changed it added: Alpha invests in Beta."
    actors = field_change("actors", ["alpha"], ["alpha", "ann-example"], names, ("people", "organisations"))
    assert actors.shown() == "Added to the people and organisations: Ann Example."
    quoted = field_change("source", {"source": "example-copy", "passage": "x"}, "example-report", names, ("sources",))
    assert quoted.shown() == "Source changed from Example Wire, Wire copy of the deal announcement to Example " \
        "Times, “Alpha and Beta fall out”.", "a citation with its passage names its source too"
    assert field_change("primary", None, True, names).shown() == "Primary document changed from no to yes."
    assert field_change("date", "2024-01-15", "2024-01-16", names).shown() == \
        "Date changed from 15 January 2024 to 16 January 2024."
    assert field_change("status", "confirmed", "single-source", names).shown() == \
        "Status changed from Confirmed to Single source.", "a field by the name a reader knows, in a sentence"
    assert field_change("title", "Alpha deal", "Report: Alpha deal", names).shown() == \
        "Title changed from “Alpha deal” to “Report: Alpha deal”.", "the briefing's own words quoted"
    assert field_change("status_note", None, "Only the terms.", names).shown() == \
        "Note on what is confirmed added: “Only the terms.”", "one full stop"
    gone = field_change("status_note", "Only the terms.", None, names)
    assert gone.shown() == "Note on what is confirmed removed."
