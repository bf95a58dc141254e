"""One whole-site build of the shipped briefing (in a temporary folder), checked page by page."""
from __future__ import annotations

import gzip
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from build_scripts.data.model import Status
from build_scripts.data.validation import load_briefing
from build_scripts.render.views import build_view

from .conftest import ROOT

pytestmark = pytest.mark.slow
BRIEFING = load_briefing(ROOT / "data")


class PageText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chunks, self.hrefs, self.ids, self.external = [], [], set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])
        loads = tag in ("script", "img", "iframe", "source", "video", "audio") or (
            tag == "link" and attrs.get("rel") in ("stylesheet", "preload", "icon", "modulepreload", "manifest"))
        for name in ("src", "href") if loads else ():
            if re.match(r"^(https?:)?//", attrs.get(name) or ""):
                self.external.append(attrs[name])

    def handle_data(self, data):
        self.chunks.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.chunks).split())


def page(site: Path, path: str) -> PageText:
    parser = PageText()
    parser.feed((site / path).read_text(encoding="utf-8"))
    return parser


def test_every_seed_claim_is_on_the_claims_page_with_its_source(built_site):
    claims = page(built_site, "claims/index.html")
    sources = page(built_site, "sources/index.html")
    for claim in BRIEFING.claims:
        assert claim.text in claims.text, claim.id
        assert claim.id in claims.ids
        assert f"../sources/#{claim.reported_by}" in claims.hrefs
    seed = next(s for s in BRIEFING.sources if s.id == BRIEFING.info.seed_source)
    assert seed.url in sources.hrefs and seed.read_via.url in sources.hrefs


def test_claims_appear_on_their_conflict_and_leverage_pages(built_site):
    by_id = {c.id: c for c in BRIEFING.claims}
    for conflict in BRIEFING.conflicts:
        text = page(built_site, f"conflicts/{conflict.id}/index.html").text
        for claim_id in conflict.claims:
            assert by_id[claim_id].text in text
    leverage = page(built_site, "leverage/index.html").text
    for item in BRIEFING.leverage:
        for claim_id in item.claims:
            assert by_id[claim_id].text in leverage


def test_overtaken_claims_say_so_and_link_the_event_that_changed_them(built_site):
    claims = page(built_site, "claims/index.html")
    superseded = [c for c in BRIEFING.claims if c.superseded_by]
    assert len(superseded) >= 2
    for claim in superseded:
        assert f"../timeline/#{claim.superseded_by}" in claims.hrefs
    confirmed = [c for c in superseded if c.status is Status.confirmed]
    assert 0 < len(confirmed) < len(superseded), "both kinds: a confirmed claim and one that rests on less"
    for text in (claims.text, page(built_site, "index.html").text):  # only a confirmed claim is called true
        assert text.count("True as reported in April 2025; since changed by") == len(confirmed)
        assert text.count("Reported in April 2025; since changed by") == len(superseded) - len(confirmed)


def test_the_inflection_deal_shows_both_accounts(built_site):
    text = page(built_site, "claims/index.html").text
    assert "It was not an acquisition." in text
    assert "$650 million deal for Mustafa Suleyman's team" in text


def test_every_event_has_an_anchor_and_every_source_link_is_on_the_timeline(built_site):
    timeline = page(built_site, "timeline/index.html")
    for event in BRIEFING.events:
        assert event.id in timeline.ids
        for source_id in event.sources:
            assert f"../sources/#{source_id}" in timeline.hrefs


def test_every_source_has_an_entry_and_backlinks(built_site):
    sources = page(built_site, "sources/index.html")
    uses = build_view(BRIEFING).uses_by_source
    for source in BRIEFING.sources:
        assert source.id in sources.ids
        assert uses.get(source.id), f"{source.id} is cited by nothing"


def test_entity_pages_exist_but_stay_out_of_the_menu(built_site):
    home = page(built_site, "index.html")
    assert any(h.startswith("timeline/") for h in home.hrefs), "the menu links the sections"
    for person in BRIEFING.people:
        assert (built_site / "people" / person.id / "index.html").exists()
        assert f"people/{person.id}/" not in home.hrefs


def test_every_link_between_pages_leads_to_a_page_and_anchor_that_exist(built_site):
    """MkDocs checks Markdown links; this also checks the links the pipeline writes as HTML."""
    parsed: dict[Path, PageText] = {}

    def target_page(path: Path) -> PageText:
        if path not in parsed:
            parsed[path] = page(built_site, str(path.relative_to(built_site)))
        return parsed[path]

    checked = 0
    for path in sorted(built_site.rglob("*.html")):
        for href in target_page(path).hrefs:
            if re.match(r"^[a-z][a-z0-9+.-]*:", href) or href.startswith("//"):
                continue
            url, _, anchor = href.partition("#")
            base = built_site if url.startswith("/") else path.parent  # the 404 page links from the site's root
            target = (base / url.lstrip("/")).resolve() if url else path
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{path.relative_to(built_site)}: {href} leads nowhere"
            if anchor and target.suffix == ".html":
                assert anchor in target_page(target).ids, f"{path.relative_to(built_site)}: {href} has no such anchor"
            checked += 1
    assert checked > 1000


def test_no_page_loads_anything_from_another_host(built_site):
    for path in built_site.rglob("*.html"):
        assert page(built_site, str(path.relative_to(built_site))).external == [], path
    css = " ".join(p.read_text() for p in built_site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "@import url(http" not in css


def search_fragments(site: Path) -> list[dict]:
    """The search index's records (Pagefind's fragments: gzipped JSON after a signature)."""
    out = []
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes()).decode()
        out.append(json.loads(data[data.index("{"):]))
    return out


def test_search_index_holds_people_events_quotes_and_sources(built_site):
    records = search_fragments(built_site)
    titles = {r["meta"]["title"]: r["url"] for r in records}
    assert titles["Mustafa Suleyman"] == "/people/mustafa-suleyman/"
    assert titles["Stargate announced at the White House"] == "/timeline/#2025-01-stargate-announced"
    assert any("benchmark hacking" in r["content"] and r["meta"]["kind"] == "Quote" for r in records)
    assert any(r["meta"]["kind"] == "Source" and "Fast Company" in r["content"] for r in records)


def test_lists_that_repeat_other_pages_are_shown_but_not_indexed(built_site):
    records = search_fragments(built_site)
    assert "Cited by:" in page(built_site, "sources/index.html").text
    assert not any("Cited by" in r["content"] for r in records)
    urls = [r["url"] for r in records]
    assert len(urls) == len(set(urls)), "one record per fact"
    assert not any(u.startswith(("/print/", "/markdown/", "/timeline/20")) or u.endswith(".md") for u in urls)
    assert not any(u in ("/timeline/", "/sources/", "/claims/", "/quotes/", "/people/") for u in urls)


def json_ld(site: Path, path: str) -> dict:
    text = (site / path).read_text(encoding="utf-8")
    start = text.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
    return json.loads(text[start:text.index("</script>", start)])


def test_json_ld_parses_and_names_the_right_entities(built_site):
    home = json_ld(built_site, "index.html")
    assert home["@type"] == "NewsArticle" and home["headline"] == BRIEFING.info.title
    assert {o["name"] for o in home["about"][:2]} == {"Microsoft", "OpenAI"}
    person = json_ld(built_site, "people/mustafa-suleyman/index.html")
    assert person == {**person, "@type": "Person", "name": "Mustafa Suleyman"}
    assert {"@type": "Organization", "name": "Microsoft"} in person["affiliation"]
    org = json_ld(built_site, "organisations/softbank/index.html")
    assert org["@type"] == "Organization" and org["name"] == "SoftBank"
    for path in built_site.rglob("index.html"):
        json_ld(built_site, str(path.relative_to(built_site)))  # every page has valid JSON-LD


def test_sharing_metadata_on_every_page(built_site):
    for path in built_site.rglob("index.html"):
        text = path.read_text(encoding="utf-8")
        for tag in ('property="og:title"', 'property="og:description"', 'name="twitter:card"', 'name="description"'):
            assert tag in text, (path, tag)


def test_a_second_briefing_on_another_topic_builds_with_no_code_change(tmp_path):
    from .conftest import FIXTURES, build_site

    site = tmp_path / "site"
    result = build_site(FIXTURES / "webb", site)
    assert result.returncode == 0, result.stderr
    home = page(site, "index.html")
    assert "The James Webb Space Telescope: from launch to first light" in home.text
    assert "Microsoft" not in home.text
    timeline = page(site, "timeline/index.html")
    assert "2021-12-webb-launch" in timeline.ids
