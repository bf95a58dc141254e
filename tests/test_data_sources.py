"""Sources' archived copies (data/sources.py): validated in the data, shown beside each source, carried by the
downloads and the structured data. The shipped data has none, so a copy of the mini briefing gets some."""
from __future__ import annotations

import html
import json

import pytest

from build_scripts.asset_paths import BRIEFING_JSON
from build_scripts.data.validation import load_briefing
from build_scripts.errors import DataError
from build_scripts.render.text import safe_url
from build_scripts.session import generate
from build_scripts.site.structured_data import json_ld, structured_index

from .conftest import ROOT, build_site

REPORT_SNAPSHOT = "https://web.archive.org/web/20240602101500/https://example.com/report"
MIRROR_SNAPSHOT = "https://web.archive.org/web/20240105080000/https://mirror.example.org/deal?id=1&x=(2)"


def add_archived(data_dir, report_day="2024-06-02"):
    path = data_dir / "briefing.yaml"
    text = path.read_text()
    text = text.replace("    url: https://example.com/report\n", "    url: https://example.com/report\n"
                        f"    archived:\n      url: {REPORT_SNAPSHOT}\n      date: {report_day}\n", 1)
    text = text.replace('url: "https://mirror.example.org/deal?id=1&x=(2)", kind: syndication}',
                        f'url: "https://mirror.example.org/deal?id=1&x=(2)", kind: syndication, '
                        f'archived: {{url: "{MIRROR_SNAPSHOT}", date: 2024-01-05}}}}', 1)
    path.write_text(text)
    return data_dir


@pytest.fixture
def archived_data(mini_copy):
    return add_archived(mini_copy)


def test_archived_copies_are_read_into_the_model(archived_data):
    sources = {s.id: s for s in load_briefing(archived_data).sources}
    assert sources["example-report"].archived.url == REPORT_SNAPSHOT
    assert sources["example-report"].archived.date.text == "2024-06-02"
    assert sources["example-copy"].read_via.archived.url == MIRROR_SNAPSHOT


def test_an_archived_date_must_be_a_day(mini_copy):
    add_archived(mini_copy, report_day="2024-06")
    with pytest.raises(DataError) as err:
        load_briefing(mini_copy)
    assert "sources[0].archived.date: expected a day like 2026-12-01 but received '2024-06'" in str(err.value)


def test_pages_show_the_archived_copy_beside_the_source(archived_data):
    pages = generate(archived_data, static_charts=False, history=False).pages
    escaped = html.escape(safe_url(MIRROR_SNAPSHOT))  # parentheses percent-encoded, & as &amp;
    sources = pages["sources.md"]
    assert f'<a class="archived" href="{REPORT_SNAPSHOT}">archived copy</a>, 2 June 2024)' in sources
    assert f'<a class="archived" href="{escaped}">archived copy</a>, 5 January 2024)' in sources
    timeline = pages["timeline.md"]  # each event's source list
    assert f'original</a> (<a class="archived" href="{REPORT_SNAPSHOT}">archived copy</a>)' in timeline
    assert f'Example Mirror</a> (<a class="archived" href="{escaped}">archived copy</a>)' in timeline
    assert f"[original](https://example.com/report) ([archived copy]({REPORT_SNAPSHOT}))" in pages["claims.md"]


def test_downloads_and_structured_data_carry_the_archived_copies(archived_data):
    output = generate(archived_data, static_charts=False, history=False)
    document = json.loads(output.assets[BRIEFING_JSON])
    report = next(s for s in document["sources"] if s["id"] == "example-report")
    assert report["archived"] == {"url": REPORT_SNAPSHOT, "date": "2024-06-02"}
    index = structured_index(output.briefing)
    ld = json_ld(index, "sources.md", "Sources", "All sources", "https://example.org/sources/")
    assert [c["archivedAt"] for c in ld["citation"]] == [[REPORT_SNAPSHOT], [MIRROR_SNAPSHOT]]
    assert "citation" not in json_ld(index, "timeline.md", "Timeline", "", "https://example.org/")


def test_the_built_site_links_the_archived_copy(archived_data, tmp_path):
    result = build_site(archived_data, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "site" / "sources" / "index.html").read_text()
    assert f'<a class="archived" href="{REPORT_SNAPSHOT}">archived copy</a>' in page
    assert '"archivedAt":["' + REPORT_SNAPSHOT in page
    downloaded = json.loads((tmp_path / "site" / "downloads" / "briefing.json").read_text())
    assert downloaded["sources"][0]["archived"]["url"] == REPORT_SNAPSHOT


def test_the_editors_guide_documents_the_archived_field():
    guide = (ROOT / "docs" / "editors.md").read_text()
    assert "archived:" in guide and "make archive" in guide and "make links" in guide
