"""Nothing injected, same bytes every time, no network: whole-site builds checked from the outside."""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import pytest

from .conftest import FIXTURES, ROOT, build_site

pytestmark = pytest.mark.slow
HOSTILE = FIXTURES / "hostile"
MARKERS = ("alert(", "evil.example", "document.write")


class Inspector(HTMLParser):
    """Collects everything that could execute or load: script elements, event attributes, links."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.inline_scripts: list[str] = []
        self.data_scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False
        self._script_type = ""

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        self._script_type = dict(attrs).get("type") or ""

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if not self._in_script:
            self.text.append(data)
        elif self._script_type in ("application/json", "application/ld+json"):
            self.data_scripts.append(data)
        else:
            self.inline_scripts.append(data)


def inspect(path: Path) -> Inspector:
    parser = Inspector()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("hostile") / "site"
    result = build_site(HOSTILE, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_hostile_text_never_becomes_markup(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        parsed = inspect(page)
        for tag, attrs in parsed.tags:
            assert tag not in ("iframe", "marquee", "object", "embed", "base", "input") or (
                tag == "input" and attrs.get("class", "").startswith(("md-", "md-toggle"))), (page, tag, attrs)
            assert not (tag == "form" and urlparse(attrs.get("action") or "").netloc), (page, attrs)
            for name, value in attrs.items():
                assert not name.startswith("on"), (page, tag, name)
                if name in ("href", "src", "action", "formaction"):
                    scheme = urlparse((value or "").strip()).scheme.lower()
                    assert scheme in ("", "http", "https"), (page, tag, value)
            if tag in ("script", "img", "link") and (attrs.get("src") or attrs.get("href")):
                if tag == "link" and attrs.get("rel") not in ("stylesheet", "icon", "preload"):
                    continue
                assert not urlparse(attrs.get("src") or attrs.get("href")).netloc, (page, tag, attrs)
        for script in parsed.inline_scripts:
            assert not any(marker in script for marker in MARKERS), (page, script[:80])
        for data in parsed.data_scripts:  # data, never run: it must parse and cannot close its element
            json.loads(data)
            assert "<" not in data, (page, data[:80])


def test_hostile_text_appears_literally(hostile_site):
    timeline = " ".join(inspect(hostile_site / "timeline" / "index.html").text)
    assert "<img src=x onerror=alert('event')> 1. Not a list" in timeline
    assert "{{ page.title }} and {% if x %}" in timeline
    claims = " ".join(inspect(hostile_site / "claims" / "index.html").text)
    assert "<script>document.write('claim')</script>" in claims
    home = inspect(hostile_site / "index.html")
    assert "[click me](javascript:alert(1))" in " ".join(home.text)
    assert "\u202eevil\u202c" in " ".join(home.text) and "🚀" in " ".join(home.text)
    assert any(t == "title" for t, _ in home.tags)
    person = " ".join(inspect(hostile_site / "people" / "mallory" / "index.html").text)
    assert "Mallory <script src=https://evil.example/x.js></script>" in person
    for page in (hostile_site / "index.html", hostile_site / "methodology" / "index.html"):  # the masthead
        text = " ".join(inspect(page).text)
        assert "<script>alert('publisher')</script> & Co" in text, page
        assert "[Ed](javascript:alert(1)) <img src=x onerror=alert('editor')>" in text, page
        assert "fix+it@example.com" in text, page


def test_chart_data_and_search_index_hold_no_markup(hostile_site):
    for path in (hostile_site / "assets" / "charts").glob("*.json"):
        spec = path.read_text()
        assert "<script" not in spec and "<img" not in spec and "<b>label" not in spec, path
        json.loads(spec)
    # The search index holds a fact's words as data (Pagefind's fragments, JSON); the search box shows them
    # as text: the excerpt is rebuilt from text and <mark> only, titles are set as textContent.
    fragments = [gzip.decompress(p.read_bytes()).decode() for p in (hostile_site / "pagefind" / "fragment").iterdir()]
    assert any("Mallory" in f for f in fragments)
    for f in fragments:
        json.loads(f[f.index("{"):])
    script = (hostile_site / "assets" / "search.js").read_text()
    assert "DOMParser" in script and "item.excerpt" in script
    assert script.count("innerHTML") == 1 and "facetsBox.innerHTML = html" in script  # facets: built with esc()


def digest_tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path):
    first = build_site(ROOT / "data", tmp_path / "one" / "site")
    time.sleep(1.1)
    second = build_site(ROOT / "data", tmp_path / "elsewhere" / "deeper" / "site")
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    one, two = digest_tree(tmp_path / "one" / "site"), digest_tree(tmp_path / "elsewhere" / "deeper" / "site")
    assert len(one) > 40
    assert one == two


def _offline_command(command: list[str]) -> list[str] | None:
    """Run in a new network namespace with only loopback up: nothing can leave the machine."""
    if not shutil.which("unshare") or not shutil.which("ip"):
        return None
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    if probe.returncode != 0:
        return None
    return ["unshare", "-n", "sh", "-c", 'ip link set lo up && exec "$@"', "offline", *command]


def test_the_build_needs_no_network(tmp_path):
    command = [sys.executable, "-m", "build_scripts", "site", "--site-dir", str(tmp_path / "site")]
    offline = _offline_command(command)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    if offline is None:  # not allowed to make namespaces: block Python's own sockets instead
        guard = tmp_path / "guard"
        guard.mkdir()
        (guard / "sitecustomize.py").write_text(
            "import socket\n_connect = socket.socket.connect\n"
            "def connect(self, address):\n"
            "    if isinstance(address, tuple) and address[0] not in ('127.0.0.1', '::1', 'localhost'):\n"
            "        raise OSError('network is forbidden during the build')\n"
            "    return _connect(self, address)\n"
            "socket.socket.connect = connect\n")
        env["PYTHONPATH"] = str(guard)
        offline = command
    result = subprocess.run(offline, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "index.html").exists()
    assert (tmp_path / "site" / "assets" / "vendor" / "plotly-basic.min.js").exists()


def test_an_interrupted_build_leaves_the_previous_site(tmp_path):
    site = tmp_path / "site"
    assert build_site(ROOT / "data", site).returncode == 0
    before = digest_tree(site)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    process = subprocess.Popen([sys.executable, "-m", "build_scripts", "site", "--site-dir", str(site)],
                               cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    written = 0
    deadline = time.monotonic() + 60
    while written < 20 and process.poll() is None and time.monotonic() < deadline:  # until MkDocs is writing
        written = sum(1 for staging in tmp_path.glob(".site.*") for p in staging.rglob("*") if p.is_file())
        time.sleep(0.02)
    process.kill()
    process.wait()
    assert process.returncode == -9, "the build was still running when it was killed"
    assert written >= 20, "killed mid-way: the new site was partly written into its staging folder"
    assert digest_tree(site) == before
    assert build_site(ROOT / "data", site).returncode == 0
    assert list(tmp_path.glob(".site.*")) == [], "the next build removes what the killed one left"


def test_squeezing_whitespace_keeps_verbatim_blocks_and_entities():
    from build_scripts.site.postprocess import squeeze

    html = "<div>\n    <p>a &lt;b&gt;\n      c</p>\n\n  <pre>  keep\n    this</pre>\n  <script>x\n   y</script></div>"
    assert squeeze(html) == "<div>\n<p>a &lt;b&gt;\nc</p>\n<pre>  keep\n    this</pre>\n<script>x\n   y</script></div>"


def test_a_bug_in_the_site_build_keeps_its_traceback_and_the_previous_site(tmp_path, monkeypatch, capsys):
    from build_scripts import pipeline as build
    from build_scripts.cli import main

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous good site")

    def broken(*args, **kwargs):
        raise RuntimeError("a bug, not a data error")

    monkeypatch.setattr(build, "_generate", broken)
    assert main(["--data", str(ROOT / "tests" / "fixtures" / "mini"), "site", "--site-dir", str(site)]) == 1
    err = capsys.readouterr().err
    assert "Traceback (most recent call last)" in err and "RuntimeError: a bug, not a data error" in err
    assert (site / "index.html").read_text() == "previous good site"
