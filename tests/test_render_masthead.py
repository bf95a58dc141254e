"""The masthead (render/masthead.py): who publishes the briefing, its editors and where to send a correction,
shown only as the data names them, in the footer, the methodology, the structured data and the JSON download;
hostile names stay text; a masthead that names no one says so on the methodology, and shows nothing elsewhere (the
shipped briefing)."""
from __future__ import annotations

import json
import re

import pytest

from build_scripts.asset_paths import BRIEFING_JSON
from build_scripts.cli import main
from build_scripts.data.briefing_info import CorrectionsContact, Editor, Publisher, Repository
from build_scripts.data.validation import load_briefing
from build_scripts.history.feed import atom_feed
from build_scripts.render.formats import HtmlFormat, MarkdownFormat
from build_scripts.render.markdown_copies import llms_txt
from build_scripts.render.masthead import contact_ways, footer_parts, how_to_report, who_parts, who_publishes
from build_scripts.session import generate
from build_scripts.site.structured_data import json_ld, structured_index

from .conftest import MINI, ROOT, build_site, copy_data
from .test_built_site_reader_copy import corrections_heading

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


def test_the_methodology_says_who_publishes_in_plain_sentences(mini):
    md = FORMATS["markdown"]
    assert who_publishes(md, _with(mini, editors=[])) == ("This briefing is published by "
                                                          "[Example Newsroom](https://news.example.org/).")
    assert who_publishes(md, _with(mini, publisher=None, editors=[Editor(name="Sam Subeditor")])) == (
        "This briefing's editor, who writes and checks it, is Sam Subeditor.")
    assert who_publishes(md, _with(mini, publisher=None, editors=[])) == (
        "This briefing does not name its publisher or its editors."), "said plainly, not left out"


REPOSITORY = Repository(url="https://github.com/example/briefing")
FORM = "https://github.com/example/briefing/issues/new?template=correction.yml"
THE_LINKS = ('Every fact, source and page also has a "Suggest a correction" link: it opens the form, naming the fact '
             "and linking the line of the data it is written on. An editor reads every suggestion.")


def test_how_to_report_an_error_names_the_contact_the_data_names(mini):
    md = FORMATS["markdown"]
    assert how_to_report(md, _with(mini, corrections_contact=CorrectionsContact(email="fixes@news.example.org"))) \
        == "To report an error, write to fixes@news.example.org."
    assert how_to_report(md, mini) == ("To report an error, write to corrections@news.example.org or see the "
                                       "[corrections page](https://news.example.org/corrections).")
    assert how_to_report(FORMATS["html"], _with(mini, corrections_contact=CorrectionsContact(
        url="https://news.example.org/c"))) == ('To report an error, see the <a href="https://news.example.org/c">'
                                                 "corrections page</a>.")


def test_how_to_report_an_error_offers_the_repositorys_form(mini):
    md = FORMATS["markdown"]
    form_only = _with(mini, corrections_contact=None, repository=REPOSITORY)
    assert how_to_report(md, form_only) == (
        f"To report an error, use the [correction form]({FORM}) in the briefing's public repository. {THE_LINKS}")
    both = _with(mini, repository=REPOSITORY)
    assert how_to_report(md, both) == (
        "To report an error, write to corrections@news.example.org, see the [corrections page]"
        f"(https://news.example.org/corrections) or use the [correction form]({FORM}) in the briefing's public "
        f"repository. {THE_LINKS}")


def test_how_to_report_an_error_says_honestly_when_the_briefing_names_no_way(mini):
    for name, fmt in FORMATS.items():
        assert how_to_report(fmt, _with(mini, corrections_contact=None, repository=None)) == (
            "This briefing names no contact for corrections, and offers no form for reporting an error."), name


def test_the_footer_and_the_masthead_line_share_their_parts(mini):
    html = FORMATS["html"]
    assert footer_parts(html, mini) == [*who_parts(html, mini), "Corrections: " + contact_ways(html, mini)]
    assert contact_ways(html, _with(mini, corrections_contact=None)) == ""


def test_the_mini_briefings_pages_and_downloads_carry_the_masthead():
    output = generate(MINI, static_charts=False, history=False, bundle=False)
    methodology = output.pages["methodology.md"]
    assert "## Who publishes this briefing { #masthead }" in methodology
    assert "[Eve Editor](https://news.example.org/staff/eve-editor) and Sam Subeditor." in methodology
    assert ("## Corrections and errors { #corrections }\n\nTo report an error, write to "
            "corrections@news.example.org or see the [corrections page](") in methodology
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
    assert "## Who publishes this briefing { #masthead }\n\nThis briefing does not name its publisher or its " \
        "editors.\n" in methodology and "To report an error" not in methodology
    assert "## Corrections and errors { #corrections }\n\nThis briefing names no contact for corrections, " \
        "and offers no form for reporting an error.\n" in methodology
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
    """The real site build: the footer's masthead line, and its corrections line (the link to how errors are
    corrected and reported, the contact, the repository's correction form), on every page."""
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
        assert line.group(1) == ('Published by <a href="https://news.example.org/">Example Newsroom</a> · Editors: <a '
                                 'href="https://news.example.org/staff/eve-editor">Eve Editor</a>, Sam Subeditor'), page
        corrections = re.search(r'<div class="briefing-corrections">(.*?)</div>', footer)
        assert corrections, page
        assert re.sub(r'^<a href="[./]*methodology/#corrections">', "", corrections.group(1)).startswith(
            "Corrections and errors</a>: corrections@news.example.org, <a href=\"https://news.example.org/corrections\">"
            "corrections page</a> · <span class=\"briefing-suggest\"><a href=\"https://github.com/example/"
            "briefing/issues/new?template=correction.yml&amp;title="), page
        assert corrections_heading(tmp_path / "site", page) == "Corrections and errors", page
