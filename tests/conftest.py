"""Shared fixtures: the mini briefing, hostile-case folders, and one whole-site build per session."""
from __future__ import annotations

import inspect
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini"
UPDATE_GOLDEN = os.environ.get("UPDATE_GOLDEN") == "1"


def copy_data(source: Path, target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for path in source.iterdir():
        if path.is_file():
            shutil.copy(path, target / path.name)
    return target


def build_site(data_dir: Path, site_dir: Path, env_extra: dict | None = None,
               python: str = sys.executable, engine: str = "mkdocs") -> subprocess.CompletedProcess:
    """Run the real `site` command in a subprocess, as `make site` (or `make site ENGINE=...`) does."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", **(env_extra or {})}
    return subprocess.run(
        [python, "-m", "build_scripts", "--data", str(data_dir), "site", "--site-dir", str(site_dir),
         "--engine", engine],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )


BUILD_DATE_EPOCH = "1719878400"  # 2 July 2024, the day after the mini briefing's last review


@pytest.fixture(autouse=True)
def fixed_build_date(monkeypatch):
    """In-process builds judge the review date against a fixed build date, as `make` fixes it per commit."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_DATE_EPOCH)


@pytest.fixture
def mini_copy(tmp_path) -> Path:
    return copy_data(MINI, tmp_path / "data")


def with_passages(data: Path) -> Path:
    """The mini briefing (copied to data) with invented passages: two behind its confirmed deal, and a
    position whose source could not be read (a paywall). Invented, as the whole mini briefing is."""
    path = data / "briefing.yaml"
    text = path.read_text()
    for old, new in (
        ("    status: confirmed\n    sources: [example-copy, example-report]\n",
         "    status: confirmed\n    sources:\n"
         "      - source: example-copy\n"
         "        passage: \"Alpha Corp said on Monday it had invested about $650 million in Beta Labs.\"\n"
         "      - source: example-report\n"
         "        passage: \"Alpha's investment in Beta, announced in January, …\"\n"
         "        read_in: original\n"),
        ("      - {party: beta, position: Wants less., sources: [example-copy], events: [2024-01-deal]}\n",
         "      - party: beta\n        position: Wants less.\n"
         "        sources:\n"
         "          - {source: example-copy, no_passage: paywall, note: \"The wire's page asks for a subscription.\"}\n"
         "        events: [2024-01-deal]\n")):
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text)
    return data


@pytest.fixture
def mini_passages(tmp_path) -> Path:
    return with_passages(copy_data(MINI, tmp_path / "data"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def site_port() -> int:
    """The port the browser tests serve on; the site is built for that address (sitemap, canonical)."""
    return free_port()


def site_env(port: int) -> dict:
    """What the session's whole-site build is built with, besides the build date."""
    return {"SITE_URL": f"http://127.0.0.1:{port}/"}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_port) -> Path:
    """The shipped briefing, built once for the whole session."""
    site = tmp_path_factory.mktemp("site") / "site"
    result = build_site(ROOT / "data", site, site_env(site_port))
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def site_url(built_site, site_port):
    """The built site, served on loopback for one test module's browser."""
    from .browser_support import serve

    with serve(built_site, site_port) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright, one per test module."""
    from .browser_support import chromium

    with chromium() as browser:
        yield browser


def check_golden(path: Path, actual: str) -> None:
    """Compare with a golden file; UPDATE_GOLDEN=1 rewrites it (review the diff like code)."""
    if UPDATE_GOLDEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run with UPDATE_GOLDEN=1 and review it"
    assert actual == path.read_text(encoding="utf-8")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.com", "PATH": "/usr/bin:/bin", "HOME": str(repo)})


def repo_with_data_change(tmp_path: Path, change) -> Path:
    """A git repository whose data/ is the mini briefing, then change(data_dir) in a second commit."""
    repo = tmp_path / "repo"
    (repo / "data").mkdir(parents=True)
    shutil.copy(MINI / "briefing.yaml", repo / "data" / "briefing.yaml")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "first")
    change(repo / "data")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "second")
    return repo


def new_event_yaml(source_id: str) -> str:
    """A data file adding one event, 2024-03-new-event, citing source_id."""
    return f"""events:
  - id: 2024-03-new-event
    date: 2024-03
    title: A new event
    summary: Something happened.
    actors: [alpha]
    themes: [investment]
    status: single-source
    sources: [{source_id}]
"""


def correct_deal_summary(data: Path) -> None:
    """Correct one existing event of the mini briefing (2024-01-deal)."""
    text = (data / "briefing.yaml").read_text()
    (data / "briefing.yaml").write_text(text.replace("summary: Alpha invested in Beta.",
                                                     "summary: Alpha invested heavily in Beta."))


def run_on_terminal(args: list[str], timeout: float = 180, **kwargs) -> str:
    """Run a command with a pseudo-terminal as its stdout and stderr (as an editor at a terminal would):
    everything it wrote there, carriage returns and all."""
    import fcntl
    import pty
    import select
    import struct
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # 24 rows, 100 columns
    process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, **kwargs)
    os.close(slave)
    out = b""
    try:
        while True:
            ready, _, _ = select.select([master], [], [], timeout)
            if not ready:
                raise TimeoutError(out.decode(errors="replace"))
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the terminal closes when the process ends
                break
            if not chunk:
                break
            out += chunk
    finally:
        os.close(master)
        process.wait(timeout)
    return out.decode(errors="replace")


# what in a test's source builds a whole site: the helper, the command reporting success, a subprocess of it
SITE_BUILDS = re.compile(r'\bbuild_site\(|"site", "--site-dir"[^\n]*\) == 0|\bengine_build\(|'
                         r'"build_scripts", "--data", [^\n]*"site", "--site-dir"')


def pytest_collection_modifyitems(items) -> None:
    """Mark `site` every test that builds a whole site (through the site engine, or the session's
    whole-site fixture), so `make test-fast` leaves them out: it builds no site and opens no browser."""
    for item in items:
        function = getattr(item, "function", None)
        source = inspect.getsource(function) if function is not None else ""
        if item.get_closest_marker("slow") or "built_site" in getattr(item, "fixturenames", ()) \
                or SITE_BUILDS.search(source):
            item.add_marker(pytest.mark.site)
