"""Text from data is always text: property tests over the escaping, through the site's own Markdown."""
from __future__ import annotations

import posixpath
from html.parser import HTMLParser

import markdown
from hypothesis import example, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config

from build_scripts.render.text import (
    html_block,
    html_text,
    md_text,
    page_url,
    relative_href,
    relative_link,
    safe_url,
    unwrap_html_blocks,
)

from .conftest import ROOT

CONFIG = load_config(str(ROOT / "mkdocs.yml"))
CONTEXTS = ["{}", "- {}", "1. {}", "| a |\n| --- |\n| {} |", "**{}**", "### {}", "> {}"]
HOSTILE = [
    "<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "[click](javascript:alert(1))",
    "{{ config.site_name }}", "{% include 'x' %}", "&lt;b&gt;", "&amp;", "\u202eevil\u202c", "zero\u200bwidth",
    "emoji 🚀👩🏽‍💻", "*bold* _it_ `code`", "# heading", "1. list", "- item", "> quote", "| pipe |",
    "{: #id .class onclick=x }", "<!-- comment -->", "\\", "line\nbreak", "---", "===", ":smile:", "~~x~~",
    "[^1]", "*[HTML]: Hyper", "<http://example.com>", "https://example.com", "!!! note", "??? details",
]


class TextAndTags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.tags, self.attrs = [], [], []
        self.in_permalink = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)
        self.in_permalink = ("class", "headerlink") in attrs

    def handle_endtag(self, tag):
        self.in_permalink = False

    def handle_data(self, data):
        if not self.in_permalink:
            self.text.append(data)


def render(markdown_text: str) -> TextAndTags:
    html = markdown.markdown(markdown_text, extensions=CONFIG.markdown_extensions, extension_configs=CONFIG.mdx_configs)
    parser = TextAndTags()
    parser.feed(html)
    return parser


def normalised(text: str) -> str:
    return " ".join(text.split())


PLAIN_TAGS = {"p", "li", "ul", "ol", "table", "thead", "tbody", "tr", "th", "td", "strong", "h3", "blockquote", "a"}


def assert_renders_literally(text: str, context: str) -> None:
    parsed = render(context.format(md_text(text)))
    rendered = "".join(parsed.text)
    if context.startswith("|"):
        rendered = rendered.strip().removeprefix("a")  # the table's header cell
    assert normalised(rendered) == normalised(text)
    assert set(parsed.tags) <= PLAIN_TAGS, parsed.tags
    for name, value in parsed.attrs:
        assert not name.startswith("on")
        assert not (value or "").strip().lower().startswith(("javascript:", "data:", "vbscript:"))


def test_hostile_corpus_renders_as_literal_text_in_every_context():
    for text in HOSTILE:
        for context in CONTEXTS:
            assert_renders_literally(text, context)


printable = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60)
markdownish = st.text(alphabet="<>&\"'`*_{}[]()#+-.!|:\\=~^$@ /\n\tajs1", min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.one_of(printable, markdownish), st.sampled_from(CONTEXTS))
def test_any_text_renders_as_exactly_that_text(text, context):
    if not text.strip():
        return
    assert_renders_literally(text, context)


@settings(deadline=None)  # timing is not what is tested: on a shared machine one example took 657 ms (first Markdown)
@given(st.text(min_size=1, max_size=30))
@example("]:")  # found by hypothesis: Python-Markdown took "[\\]:](…)" for a reference definition
def test_links_only_ever_point_at_http_addresses(label):
    rendered = render(f"[{md_text(label)}]({safe_url('https://example.com/a b(c)')})")
    assert ("href", "https://example.com/a%20b%28c%29") in rendered.attrs
    assert rendered.tags.count("a") == 1


def test_non_http_addresses_are_refused():
    for url in ("javascript:alert(1)", "data:text/html,x", "//evil.example", "JAVASCRIPT:x"):
        try:
            safe_url(url)
        except ValueError:
            continue
        raise AssertionError(f"{url} was accepted")


def test_relative_links_between_generated_pages():
    assert relative_link("conflicts/agi.md", "timeline.md", "x") == "../timeline.md#x"
    assert relative_link("index.md", "people/a.md") == "people/a.md"
    assert relative_link("timeline.md", "timeline.md", "e") == "#e"


PAGE = st.lists(st.sampled_from(["a", "b", "index", "timeline", "2024-05"]), min_size=1, max_size=4).map(
    lambda parts: "/".join(parts) + ".md")


@settings(deadline=None)
@given(PAGE, PAGE)
def test_links_between_pages_agree_with_posixpath(from_page, to_page):
    """The string arithmetic behind every link gives what posixpath would, for Markdown links
    (between .md files) and for HTML links (between directory addresses)."""
    if from_page != to_page:
        expected = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
        assert relative_link(from_page, to_page) == expected
        href = relative_href(from_page, to_page)
        from_url = page_url(from_page)
        assert posixpath.normpath(posixpath.join(from_url, href)) == posixpath.normpath(page_url(to_page) or ".")
        assert href.endswith("/")


def test_html_links_between_pages():
    assert relative_href("timeline/2024-05.md", "sources/wsj.md", "s1") == "../../sources/wsj/#s1"
    assert relative_href("timeline/2024-05.md", "index.md") == "../../"
    assert relative_href("index.md", "timeline.md") == "timeline/"
    assert relative_href("conflicts/agi.md", "conflicts/index.md") == "../"
    assert relative_href("timeline.md", "timeline.md", "e") == "#e"


def test_text_inside_written_html_is_escaped_and_on_one_line():
    assert html_text("<b>A & B</b>\n\nnext") == "&lt;b&gt;A &amp; B&lt;/b&gt; next"


@settings(max_examples=300, deadline=None)
@given(st.one_of(printable, markdownish, st.sampled_from(["<!--html:", ":html-->", "-->", "<!--html:x"])))
def test_text_in_an_html_block_renders_as_exactly_that_text(text):
    """Through the site's own Markdown and the hook's unwrapping, as a generated page is built:
    text from data can neither end an HTML block early nor open one."""
    if not text.strip():
        return
    block = html_block(f"<p>{html_text(text)}</p>")
    converted = markdown.markdown(f"Before.\n\n{block}\n\nAfter.", extensions=CONFIG.markdown_extensions,
                                  extension_configs=CONFIG.mdx_configs)
    parsed = TextAndTags()
    parsed.feed(unwrap_html_blocks(converted))
    assert normalised("".join(parsed.text)) == normalised(f"Before. {text} After.")
    assert set(parsed.tags) <= PLAIN_TAGS, parsed.tags
