"""The masthead (render/masthead.py): who publishes the briefing, its editors and where to send a correction,
shown only as the data names them, in the footer, the methodology, the structured data and the JSON download;
hostile names stay text; a masthead that names nothing shows nothing (the shipped briefing)."""
from __future__ import annotations

import json
import re

import pytest

from build_scripts.asset_paths import BRIEFING_JSON
from build_scripts.cli import main
from build_scripts.data.briefing_info import CorrectionsContact, Editor, Publisher
from build_scripts.data.validation import load_briefing
from build_scripts.history.feed import atom_feed
from build_scripts.render.formats import HtmlFormat, MarkdownFormat
from build_scripts.render.markdown_copies import llms_txt
from build_scripts.render.masthead import footer_parts, where_to_correct, who_publishes
from build_scripts.session import generate
from build_scripts.site.structured_data import json_ld, structured_index

from .conftest import MINI, ROOT, build_site, copy_data

HOSTILE = "<script>alert('x')</script> [y](javascript:alert(1)) *Ed* & Co"
FORMATS = {"html": HtmlFormat("index.md"), "markdown": MarkdownFormat("index.md"),
           "copy": MarkdownFormat("index.md", copy=True)}


@pytest.fixture(scope="module")
def mini():
    return load_briefing(MINI).info


def _with(info, **fields):
    return info.model_copy(update=fields)


def test_the_footer_line_names_what_the_data_names_in_each_format(mini):
    assert " · ".join(footer_parts(FORMATS["html"], mini)) == (
        'Published by <a href="https://news.example.org/">Example Newsroom</a> · Editors: <a '
        'href="https://news.example.org/staff/eve-editor">Eve Editor</a>, Sam Subeditor · Corrections: '
        'corrections@news.example.org, <a href="https://news.example.org/corrections">corrections page</a>')
    assert footer_parts(FORMATS["copy"], mini)[1] == ("Editors: [Eve Editor](https://news.example.org/staff/"
                                                     "eve-editor), Sam Subeditor")
    one = _with(mini, editors=[Editor(name="Sam Subeditor")], corrections_contact=CorrectionsContact(
        email="fixes@news.example.org"))
    assert footer_parts(FORMATS["html"], one)[1:] == ["Editor: Sam Subeditor", "Corrections: fixes@news.example.org"]
    assert footer_parts(FORMATS["html"], _with(mini, publisher=None, editors=[], corrections_contact=None)) == []


@pytest.mark.parametrize("name", FORMATS)
def test_hostile_names_and_addresses_stay_text(mini, name):
    fmt = FORMATS[name]
    hostile = _with(mini, publisher=Publisher(name=HOSTILE, url="https://news.example.org/?a=1&b=(2)"),
                    editors=[Editor(name=HOSTILE)])
    written = " ".join(footer_parts(fmt, hostile)) + who_publishes(fmt, hostile)
    assert "<script>" not in written
    if name == "html":  # HTML is not read as Markdown: the brackets and stars are plain text there
        assert "&lt;script&gt;alert('x')&lt;/script&gt; [y](javascript:alert(1)) *Ed* &amp; Co" in written
        assert 'href="https://news.example.org/?a=1&amp;b=%282%29"' in written
    else:
        assert not re.search(r"(?<!\\)\]\(javascript:", written)
        assert r"&lt;script&gt;alert('x')&lt;/script&gt; \[y\](javascript:alert(1)) \*Ed\* &amp; Co" in written
        assert "(https://news.example.org/?a=1&b=%282%29)" in written


def test_the_methodology_says_who_publishes_and_where_to_correct_in_plain_sentences(mini):
    md = FORMATS["markdown"]
    assert who_publishes(md, _with(mini, editors=[])) == ("This briefing is published by "
                                                          "[Example Newsroom](https://news.example.org/).")
    assert who_publishes(md, _with(mini, publisher=None, editors=[Editor(name="Sam Subeditor")])) == (
        "This briefing's editor, who writes and checks it, is Sam Subeditor.")
    assert who_publishes(md, _with(mini, publisher=None, editors=[])) == ""
    assert where_to_correct(md, _with(mini, corrections_contact=CorrectionsContact(email="fixes@news.example.org"))) \
        == "To report an error, write to fixes@news.example.org."
    nobody = _with(mini, corrections_contact=None)
    assert where_to_correct(md, nobody) == "This briefing names no contact for corrections."
    with_form = _with(nobody, repository={"url": "https://github.com/example/briefing"})
    assert where_to_correct(md, with_form) == "", "the page describes the repository's form itself"


def test_the_mini_briefings_pages_and_downloads_carry_the_masthead():
    output = generate(MINI, static_charts=False, history=False, bundle=False)
    methodology = output.pages["methodology.md"]
    assert "## Who publishes this briefing { #masthead }" in methodology
    assert "[Eve Editor](https://news.example.org/staff/eve-editor) and Sam Subeditor." in methodology
    assert "To report an error, write to corrections@news.example.org or see the [corrections page](" in methodology
    assert '<p class="masthead">Published by <a href="https://news.example.org/">Example Newsroom</a> · ' in (
        output.pages["print.md"]), "the printed briefing says who publishes it"
    info = json.loads(output.assets[BRIEFING_JSON])["briefing"]
    assert info["publisher"] == {"name": "Example Newsroom", "url": "https://news.example.org/"}
    assert info["editors"][1] == {"name": "Sam Subeditor"}
    assert info["corrections_contact"]["email"] == "corrections@news.example.org"
    index = structured_index(output.briefing, output.described)
    for path in ("index.md", "timeline.md"):
        article = json_ld(index, path, "Title", "Description", "https://example.org/")
        assert article["publisher"] == {"@type": "Organization", "name": "Example Newsroom",
                                        "url": "https://news.example.org/"}
        assert [p["name"] for p in article["author"]] == ["Eve Editor", "Sam Subeditor"] == [
            p["name"] for p in article["editor"]]
    person = json_ld(index, "people/ann-example.md", "Ann", "", "https://example.org/", output.briefing.people[0])
    assert "publisher" not in person, "a profile describes its subject, not the briefing"


def test_the_feed_names_the_editors_as_its_authors_and_llms_txt_carries_the_line(mini):
    hostile = _with(mini, editors=[Editor(name=HOSTILE, url="https://news.example.org/?a=1&b=2")])
    feed = atom_feed(hostile, "https://example.org/", [], lambda change: None)
    assert ("<author><name>&lt;script&gt;alert('x')&lt;/script&gt; [y](javascript:alert(1)) *Ed* &amp; Co</name>"
            "<uri>https://news.example.org/?a=1&amp;b=2</uri></author>") in feed
    assert "<author>" not in atom_feed(_with(mini, editors=[]), "https://example.org/", [], lambda change: None)
    text = llms_txt(load_briefing(MINI), [], {})
    assert "\nPublished by [Example Newsroom](https://news.example.org/) · Editors: " in text


def test_the_shipped_briefing_names_no_masthead_and_shows_none():
    output = generate(ROOT / "data", static_charts=False, history=False, bundle=False)
    methodology = output.pages["methodology.md"]
    assert "Who publishes" not in methodology and "To report an error" not in methodology
    assert "This briefing names no contact for corrections." in methodology
    assert 'class="masthead"' not in output.pages["print.md"]
    info = json.loads(output.assets[BRIEFING_JSON])["briefing"]
    assert not {"publisher", "editors", "corrections_contact"} & set(info)
    article = json_ld(structured_index(output.briefing, output.described), "index.md", "T", "D", "https://e.org/")
    assert not {"publisher", "author", "editor"} & set(article)
    assert footer_parts(HtmlFormat(""), output.briefing.info) == []
    assert "<author>" not in output.assets["feed.xml"] and "Published by" not in output.assets["llms.txt"]


def test_a_corrections_contact_needs_a_way_to_reach_it(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    data = copy_data(MINI, tmp_path / "data")
    text = (data / "briefing.yaml").read_text()
    (data / "briefing.yaml").write_text(re.sub(r"  corrections_contact: \{.*\}\n", "  corrections_contact: {}\n", text))
    assert main(["--data", "data", "check"]) == 1
    assert capsys.readouterr().err.startswith(
        "data/briefing.yaml:9:24: briefing.corrections_contact: a corrections contact needs an email, a url, or both "
        "(hint: give an email, a url, or both: where readers send corrections)\n")


@pytest.mark.slow
def test_every_page_of_the_built_site_carries_the_masthead_in_its_footer(tmp_path):
    """The real site build: the footer's line (joined by the repository's correction form), on every page."""
    data = copy_data(MINI, tmp_path / "data")
    text = (data / "briefing.yaml").read_text()
    (data / "briefing.yaml").write_text(text.replace("  last_reviewed: 2024-07-01\n", "  last_reviewed: 2024-07-01\n"
                                                     "  repository: {url: https://github.com/example/briefing}\n"))
    result = build_site(data, tmp_path / "site", {"SITE_URL": "https://example.org/b/"})
    assert result.returncode == 0, result.stderr
    pages = sorted((tmp_path / "site").rglob("index.html"))
    assert len(pages) > 10
    for page in pages:
        footer = page.read_text().split('<div class="md-copyright">', 1)[1]
        line = re.search(r'<div class="briefing-masthead">(.*?)</div>', footer)
        assert line, page
        assert line.group(1).startswith('Published by <a href="https://news.example.org/">Example Newsroom</a> · '
                                        "Editors: "), page
        assert ("Corrections: corrections@news.example.org, <a href=\"https://news.example.org/corrections\">"
                "corrections page</a> · <span class=\"briefing-suggest\"><a href=\"https://github.com/example/"
                "briefing/issues/new?template=correction.yml&amp;title=") in line.group(1), page
