"""`links`: the real checker (httpx) against a local server that answers every case, reported
against the data's file:line:column; a rerun within a day asks nothing again."""
from __future__ import annotations

import subprocess
import sys
import time

import pytest

from build_scripts.links.link_check import classify, retry_after

from .conftest import ROOT
from .local_http import Recorder, page, serve

pytestmark = pytest.mark.waits  # real timeouts and Retry-After waits; the tests share one recorder

CASES = {  # path -> (source id, expected message) ; None: not reported
    "/fine": None,
    "/temporary-302": None,
    "/temporary-307": None,
    "/busy-once": None,
    "/gone": "404 Not Found (hint: the page is gone",
    "/removed": "410 Gone (hint: the page is gone",
    "/paywalled": "403 Forbidden (hint: a paywall",
    "/members": "401 Unauthorized (hint: a paywall",
    "/moved-301": "301 Moved Permanently to {base}/fine (hint: the page moved for good",
    "/moved-308": "308 Permanent Redirect to {base}/fine (hint: the page moved for good",
    "/always-busy": "429 Too Many Requests (hint: the site asked us to slow down",
    "/slow": "no answer within 1 s (hint: the site is slow or down",
    "/soft-title": "200 OK but the page's title is 'Sorry, page not found' "
                   "(hint: the address answers with an error page",
    "/soft-redirect": "200 OK but it ended at an error page ({base}/errors/404.html) (hint: the address answers",
}
ARTICLES = {  # pages a passage was read on: one still carries it (across tags and entities), one changed
    "/article": "<html><head><title>Deal</title><script>var x = 'Alpha will invest';</script></head><body>"
                "<p>Alpha will <em>invest</em> &ldquo;$1&nbsp;billion&rdquo; in Beta, the companies said, "
                "over five&nbsp;years.</p></body></html>",
    "/changed": "<html><head><title>Deal</title></head><body><p>Alpha will invest $2 billion in Beta.</p>"
                "</body></html>",
}


def routes(handler, method, path, body):
    seen = sum(1 for p in RECORDER.paths() if p == path)
    moves = {"/moved-301": 301, "/moved-308": 308, "/temporary-302": 302, "/temporary-307": 307,
             "/soft-redirect": 302}
    if path in moves:
        return moves[path], {"Location": "/errors/404.html" if path == "/soft-redirect" else "/fine"}, b""
    if path == "/slow":
        time.sleep(3)
    if path == "/busy-once" and seen == 1 or path == "/always-busy":
        return 429, {"Retry-After": "1"}, b""
    if path in ARTICLES:
        return 200, {"Content-Type": "text/html; charset=utf-8"}, ARTICLES[path].encode()
    statuses = {"/gone": 404, "/removed": 410, "/paywalled": 403, "/members": 401}
    if path in statuses:
        return statuses[path], {}, b"no"
    return page("Sorry, page not found" if path == "/soft-title" else "A fine page")


RECORDER = Recorder()


@pytest.fixture(scope="module")
def server():
    server = serve(routes, RECORDER)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def write_sources(data_dir, base: str) -> dict[str, int]:
    """A data file with one source per case (the mini briefing around it); path -> line of its url."""
    lines, where = ["sources:"], {}
    for n, path in enumerate(CASES):
        lines += [f"  - id: case-{n}", "    outlet: Local", f"    subject: case {path}"]
        where[path] = len(lines) + 1
        lines.append(f"    url: {base}{path}")
    (data_dir / "links.yaml").write_text("\n".join(lines) + "\n")
    return where


def run_links(data_dir, cache):
    return subprocess.run([sys.executable, "-m", "build_scripts", "--data", str(data_dir), "links", "--timeout", "1",
                           "--backoff", "0.2", "--cache", str(cache), "--contact", "https://example.org/briefing"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_every_case_is_classified_against_the_data_and_a_rerun_asks_nothing(server, mini_copy, tmp_path):
    where = write_sources(mini_copy, server)
    result = run_links(mini_copy, tmp_path / "links.json")
    assert result.returncode == 1, result.stdout + result.stderr  # dead links fail the run
    out = result.stdout.splitlines()
    for n, (path, expected) in enumerate(CASES.items()):
        prefix = f"data/links.yaml:{where[path]}:10: sources[case-{n}].url: "
        found = [line for line in out if line.startswith(prefix)]
        if expected is None:
            assert not found, found
        else:
            assert len(found) == 1 and found[0].startswith(prefix + expected.format(base=server)), (found, out)
    asked = len(RECORDER.requests)
    again = run_links(mini_copy, tmp_path / "links.json")
    assert len(RECORDER.requests) == asked, "a rerun within a day asked the server again"
    assert again.stdout.splitlines()[:-1] == out[:-1] and again.returncode == 1
    assert "from the last day's cache" in again.stdout


def test_the_checker_is_polite(server):
    agents = {r[2].get("User-Agent") for r in RECORDER.requests}
    assert agents == {"briefing-link-check/1 (+https://example.org/briefing)"}
    busy = [r[4] for r in RECORDER.requests if r[1] == "/busy-once"]
    assert len(busy) == 2 and busy[1] - busy[0] >= 1.0, "Retry-After: 1 was not honoured"
    assert sum(1 for r in RECORDER.requests if r[1] == "/slow") == 3  # one try and two retries


def test_retry_after_takes_seconds_or_a_date_and_is_capped():
    assert retry_after("1", 60) == 1.0
    assert retry_after("600", 60) == 60.0
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", 60) == 0.0
    assert retry_after(None, 60) is None and retry_after("soon", 60) is None


def test_a_deep_link_sent_to_the_home_page_is_a_soft_404():
    result = classify(200, [302], "https://example.org/news/story", "https://example.org/", b"<title>Home</title>")
    assert result.kind == "soft-404"
    assert classify(200, [], "https://example.org/", "https://example.org/", b"<title>Home</title>").kind == "ok"


def test_every_address_of_a_source_is_checked_with_its_place(mini_copy):
    from build_scripts.data.loading import read_data_dir
    from build_scripts.links.link_report import link_targets

    from .test_data_sources import add_archived

    add_archived(mini_copy)
    found = [(t.line, t.column, t.field) for t in link_targets(read_data_dir(mini_copy)[0])]
    assert found == [(36, 10, "sources[example-report].url"), (38, 12, "sources[example-report].archived.url"),
                     (44, 43, "sources[example-copy].read_via.url"),
                     (44, 124, "sources[example-copy].read_via.archived.url")]


def test_links_shows_progress_on_a_terminal_and_one_summary_line_in_a_log(server, mini_copy, tmp_path):
    import re

    from .conftest import run_on_terminal

    write_sources(mini_copy, server)
    args = [sys.executable, "-m", "build_scripts", "--data", str(mini_copy), "links", "--timeout", "1", "--retries",
            "0", "--contact", "https://example.org/briefing"]
    shown = run_on_terminal(args + ["--cache", str(tmp_path / "a.json")], cwd=ROOT)
    total = re.search(r"Checking links: [^\r\n]*?(\d+)/\1 \[\d\d:\d\d<00:00\]", shown)
    assert total and "\r" in shown, shown  # a bar redrawn in place, ending at done/total with its estimate
    logged = subprocess.run(args + ["--cache", str(tmp_path / "b.json")], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    lines = [line for line in logged.stderr.splitlines() if line.startswith("Checking links")]
    assert re.fullmatch(rf"Checking links: {total.group(1)}/{total.group(1)} in \d+\.\d s", lines[0]) and \
        len(lines) == 1 and "\r" not in logged.stderr, logged.stderr


PASSAGES = """sources:
  - {{id: article, outlet: Local, subject: an article, url: "{base}/article"}}
  - {{id: changed, outlet: Local, subject: a changed article, url: "{base}/changed"}}
events:
  - id: 2024-02-passages
    date: 2024-02-01
    title: Alpha invests in Beta
    summary: Alpha invests in Beta.
    themes: [investment]
    status: single-source
    sources:
      - source: article
        passage: "Alpha will invest “$1 billion” in Beta … over five years"
      - source: changed
        passage: "Alpha will invest $1 billion in Beta."
"""


def test_a_passage_no_longer_on_its_page_is_reported_and_cached(server, mini_copy, tmp_path):
    (mini_copy / "passages.yaml").write_text(PASSAGES.format(base=server))
    result = run_links(mini_copy, tmp_path / "links.json")
    out = [line for line in result.stdout.splitlines() if line.startswith("data/passages.yaml")]
    assert out == [f"data/passages.yaml:15:18: events[0].sources[1].passage: the passage is no longer found on "
                   f"{server}/changed (hint: the page changed, or the passage was not copied exactly: read the page "
                   "again and correct the passage, or record where it was read (read_in: archive for an archived "
                   "copy))"], result.stdout + result.stderr
    assert result.returncode == 0, "a missing passage is reported for an editor, it does not fail the run"
    asked = len(RECORDER.requests)
    again = run_links(mini_copy, tmp_path / "links.json")
    assert len(RECORDER.requests) == asked, "a rerun within a day fetched a page again"
    assert [line for line in again.stdout.splitlines() if line.startswith("data/passages.yaml")] == out
