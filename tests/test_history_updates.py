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
    assert "- Event added: [A new event](timeline.md#2024-03-new-event)" in page
    # first written and then reworded on the same day: one entry, 'added'
    assert "- Event added: [Alpha invests in Beta](timeline.md#2024-01-deal)" in page
    assert page.count("(timeline.md#2024-01-deal)") == 1
    assert "The history available starts here" in page  # the first commit
    home = output.pages["index.md"]
    assert "## Latest changes" in home
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
