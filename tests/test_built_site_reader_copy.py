"""What a reader reads: no builder's words on a reader's page, the editors' guide out of the reader's menu,
the data and the feed linked from every page's footer, the dates in plain words, and a local build said so."""
from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from build_scripts.asset_paths import BRIEFING_JSON, EVENTS_CSV, FEED

from .conftest import ROOT, build_site, site_env

# Words of the people who build the site, which mean nothing (or the wrong thing) to a reader.
FORBIDDEN = ("seed", "based_on", "coded", "coding", "coding_note", "apply_when", "YAML", "make", "not in the text read",
             "the build", "acknowledged warnings", "note on the status", "computed from the history", "flagged from",
             "No passage recorded", "holds the site back", "for an editor to review", "amounts in the data")


def reader_text(html: str) -> str:
    """The page's visible words: no scripts, no structured data, no tags, no attribute values."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", html))


def reader_pages(site):
    return [p for p in sorted(site.rglob("index.html")) if p.relative_to(site).parts[0] != "editors"]


def test_no_builder_words_on_a_reader_page(built_site):
    found = []
    for page in reader_pages(built_site):
        html = re.sub(r"<details><summary>What it said before</summary>.*?</details>", "", page.read_text(),
                      flags=re.S)  # a correction quotes the fact's earlier wording as it was
        html = re.sub(r'<span class="as-then">[^<]*</span>', "", html)  # the Updates page quotes the data as it was
        text = reader_text(html)
        for word in FORBIDDEN:
            for match in re.finditer(rf"\b{re.escape(word)}\b", text, flags=re.I):
                context = " ".join(text[max(0, match.start() - 40):match.end() + 40].split())
                found.append(f"{page.relative_to(built_site)}: {word!r} in …{context}…")
    assert not found, "\n".join(found[:20])


def test_the_forbidden_words_are_found_where_they_stand():
    assert re.search(r"\bcoded\b", reader_text("<p>Coded friction: x</p>"), flags=re.I)
    assert not re.search(r"\bmake\b", reader_text('<p data-x="make">the makers</p>'), flags=re.I)


def test_the_editors_guide_is_not_in_the_readers_menu_but_is_built_and_linked(built_site):
    home = (built_site / "index.html").read_text()
    menu = home[home.index('<nav class="md-nav md-nav--primary"'):]
    menu = menu[:menu.index("</nav>\n</div>")] if "</nav>\n</div>" in menu else menu
    assert "editors/" not in menu and "Editors' guide" not in menu and "Editors&#39; guide" not in menu
    assert (built_site / "editors" / "index.html").is_file()
    assert 'href="../editors/"' in (built_site / "methodology" / "index.html").read_text()


def test_every_page_footer_links_the_downloads_and_the_feed_and_states_the_dates_plainly(built_site):
    for page in (built_site / "index.html", built_site / "timeline" / "index.html", built_site / "404.html"):
        html = page.read_text()
        footer = html[html.index('<div class="md-copyright">'):]
        assert 'href="//' not in footer, f"{page}: an address from the site's root, not another host"
        for path in (BRIEFING_JSON, EVENTS_CSV, FEED):
            assert re.search(rf'href="[^"]*{re.escape(path)}"', footer), (page, path)
        assert "Covers events to" in footer and "Last checked for news on" in footer
        assert "·" not in reader_text(footer.split("briefing-files")[0]), "the dates read as sentences"
        assert "briefing-masthead" not in footer and "Published by" not in footer, "the data names no masthead"


POLICY_LINK = re.compile(r'<div class="briefing-corrections"><a href="([^"]+)">Corrections and errors</a>')


def corrections_heading(site: Path, page: Path) -> str:
    """The heading the footer's "Corrections and errors" link of a built page lands on (its text), or an
    assertion error saying what is missing."""
    footer = page.read_text().split('<div class="md-copyright">', 1)[1]
    link = POLICY_LINK.search(footer)
    assert link, f"{page}: no Corrections and errors link in the footer"
    url, _, anchor = link.group(1).partition("#")
    assert anchor and not url.startswith("//"), f"{page}: {link.group(1)}"
    target = (site / url.lstrip("/") if url.startswith("/") else page.parent / url).resolve() / "index.html"
    assert target.is_file(), f"{page}: {link.group(1)} leads nowhere"
    heading = re.search(rf'<h([1-6]) id="{re.escape(anchor)}">(.*?)<a class="headerlink"', target.read_text())
    assert heading, f"{page}: {link.group(1)} lands on no heading"
    return heading.group(2)


def test_every_page_footer_links_to_how_errors_are_corrected_and_reported(built_site):
    """From every page, the 404 page too, one step to the methodology's section, which says how to report an
    error (the shipped briefing names no way, and says so), after saying who publishes it (it names no one, and
    says so)."""
    pages = sorted(built_site.rglob("index.html")) + [built_site / "404.html"]
    assert len({p.parent.relative_to(built_site).parts[:1] for p in pages}) > 10, "every kind of page"
    for page in pages:
        assert corrections_heading(built_site, page) == "Corrections and errors", page
    methodology = (built_site / "methodology" / "index.html").read_text()
    masthead = methodology[methodology.index('<h2 id="masthead">'):]
    assert masthead.split("</h2>", 1)[1].lstrip().startswith(
        "<p>This briefing does not name its publisher or its editors.</p>")
    section = methodology[methodology.index('<h2 id="corrections">'):]
    assert section.split("</h2>", 1)[1].lstrip().startswith(
        "<p>This briefing names no contact for corrections, and offers no form for reporting an error.</p>")


@pytest.mark.slow
def test_a_build_without_a_site_address_says_once_that_its_links_are_local(tmp_path, site_port):
    env = site_env(site_port)
    env.pop("SITE_URL", None)
    result = build_site(ROOT / "tests" / "fixtures" / "webb", tmp_path / "site", env)
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("point to a local address") == 1
    env["SITE_URL"] = "https://example.org/briefing/"
    published = build_site(ROOT / "tests" / "fixtures" / "webb", tmp_path / "site2", env)
    assert published.returncode == 0 and "local address" not in published.stderr
