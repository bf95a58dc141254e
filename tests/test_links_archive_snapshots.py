"""`archive`: Save Page Now 2 against a local stand-in with the documented requests and answers;
snapshots written back into a copy of the shipped data with only the new lines added; an interrupted
run leaves valid files and a rerun completes."""
from __future__ import annotations

import difflib
import io
import json
import os
import signal
import subprocess
import sys
import time
from urllib.parse import parse_qs

import pytest

from build_scripts.data.loading import read_data_dir
from build_scripts.data.validation import load_report
from build_scripts.effects.writing import round_trip_yaml
from build_scripts.links.archive_snapshots import archive_targets, write_snapshots
from build_scripts.links.wayback import Snapshot

from .conftest import ROOT, copy_data
from .local_http import Recorder, serve

KEYS = {"IA_ACCESS_KEY": "test-access", "IA_SECRET_KEY": "test-secret"}
TIMESTAMP = "20261201093000"


class StandIn:
    """The archive's API: POST /save -> {url, job_id}; GET /save/status/<id> -> pending, then success or error."""

    def __init__(self, slow: float = 0.0, fail: str = "\0", busy_first: bool = False):
        self.slow, self.fail, self.busy_first = slow, fail, busy_first
        self.jobs: dict[str, list] = {}
        self.recorder = Recorder()

    def __call__(self, handler, method, path, body):
        headers = handler.headers
        if headers.get("Authorization") != "LOW test-access:test-secret" or headers.get("Accept") != "application/json":
            return 401, {}, b'{"message": "You need to be logged in to use Save Page Now."}'
        if method == "POST" and path == "/save":
            return self._submit(parse_qs(body.decode())["url"][0])
        job = self.jobs.get(path.removeprefix("/save/status/"))
        if method != "GET" or job is None:
            return 404, {}, b"{}"
        time.sleep(self.slow)
        job[1] += 1
        if job[1] == 1:
            return _json({"status": "pending", "job_id": path.rsplit("/", 1)[1]})
        if self.fail in job[0]:
            return _json({"status": "error", "status_ext": "error:not-found",
                          "message": "The server cannot find the requested resource."})
        return _json({"status": "success", "timestamp": TIMESTAMP, "original_url": job[0],
                      "job_id": path.rsplit("/", 1)[1]})

    def _submit(self, url: str):
        if self.busy_first and not self.jobs and not getattr(self, "was_busy", False):
            self.was_busy = True
            return 429, {"Retry-After": "1"}, b'{"message": "You have already reached the limit of active sessions."}'
        job_id = f"spn2-{len(self.jobs):04x}"
        self.jobs[job_id] = [url, 0]
        return _json({"url": url, "job_id": job_id})


def _json(data: dict):
    return 200, {"Content-Type": "application/json"}, json.dumps(data).encode()


@pytest.fixture
def stand_in(request):
    api = StandIn(**getattr(request, "param", {}))
    server = serve(api, api.recorder)
    api.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield api
    server.shutdown()


def archive_command(data_dir, base: str, *extra: str) -> list[str]:
    """Batches of 50: the shipped data's addresses in four batches, each written back (a YAML round trip of
    sources.yaml) before the next; batches of 8 made 25 round trips of the same file and half a minute."""
    return [sys.executable, "-m", "build_scripts", "--data", str(data_dir), "archive", "--archive-base", base,
            "--poll-interval", "0.01", "--parallel", "50", *extra]


def run_archive(data_dir, base: str, keys=KEYS):
    env = {k: v for k, v in os.environ.items() if k not in KEYS} | keys
    return subprocess.run(archive_command(data_dir, base), cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)


def changed_lines(before_dir, after_dir) -> tuple[list[str], list[str]]:
    """Lines removed and lines added between two copies of the data."""
    removed, added = [], []
    for path in sorted(before_dir.glob("*.yaml")):
        diff = difflib.ndiff(path.read_text().splitlines(), (after_dir / path.name).read_text().splitlines())
        for line in diff:
            (removed if line.startswith("- ") else added if line.startswith("+ ") else []).append(line[2:])
    return removed, added


def test_the_round_trip_keeps_every_shipped_file_byte_for_byte():
    yaml = round_trip_yaml()
    for path in sorted((ROOT / "data").glob("*.yaml")):
        out = io.StringIO()
        yaml.dump(yaml.load(path.read_text()), out)
        assert out.getvalue() == path.read_text(), path.name


def test_one_snapshot_adds_only_its_lines_and_nothing_to_write_changes_no_byte(tmp_path):
    data = copy_data(ROOT / "data", tmp_path / "data")
    targets = archive_targets(read_data_dir(data)[0], data)
    before = (data / "sources.yaml").read_bytes()
    assert write_snapshots(data / "sources.yaml", []) == 0
    assert (data / "sources.yaml").read_bytes() == before
    last_of_section = next(t for t in targets if t.source_id == "xataka-2024-10-trouble")  # a comment follows it
    copy = next(t for t in targets if t.keys == ("read_via",))
    snapshot = Snapshot(f"https://web.archive.org/web/{TIMESTAMP}/https://example.org/a", TIMESTAMP)
    assert write_snapshots(data / "sources.yaml", [(last_of_section, snapshot), (copy, snapshot)]) == 2
    removed, added = changed_lines(ROOT / "data", data)
    assert removed == []
    assert added == ["      archived:", f"        url: {snapshot.url}", "        date: 2026-12-01",  # the copy
                     "    archived:", f"      url: {snapshot.url}", "      date: 2026-12-01"]
    text = (data / "sources.yaml").read_text()
    assert "      date: 2026-12-01\n\n  # --- 2019 to 2022 ---\n" in text  # the comment stays before its section
    assert write_snapshots(data / "sources.yaml", [(copy, snapshot)]) == 0  # already there: nothing written
    load_report(data)


@pytest.mark.waits  # the stand-in's pauses between answers, for every address of the shipped data
def test_make_archive_adds_a_snapshot_for_every_address_and_only_those_lines(stand_in, tmp_path):
    data = copy_data(ROOT / "data", tmp_path / "data")
    expected = archive_targets(read_data_dir(data)[0], data)
    result = run_archive(data, stand_in.base)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(expected)} snapshot(s) written; 0 capture(s) failed." in result.stdout
    removed, added = changed_lines(ROOT / "data", data)
    assert removed == [] and len(added) == 3 * len(expected)
    sources = {s.id: s for s in load_report(data).briefing.sources}
    drafts = [t for t in expected if t.source_id not in sources]  # leads held as drafts are archived too
    assert drafts and all(f"{stand_in.base}/web/{TIMESTAMP}/{t.link.url}" in t.path.read_text() for t in drafts)
    for target in (t for t in expected if t.source_id in sources):
        owner = sources[target.source_id].read_via if target.keys else sources[target.source_id]
        assert owner.archived.url == f"{stand_in.base}/web/{TIMESTAMP}/{owner.url}"
        assert owner.archived.date.text == "2026-12-01"
    assert archive_targets(read_data_dir(data)[0], data) == []
    posts = [r for r in stand_in.recorder.requests if r[0] == "POST"]
    assert len(posts) == len({t.link.url for t in expected})
    assert all(r[2]["Accept"] == "application/json" and r[2]["Authorization"] == "LOW test-access:test-secret"
               for r in stand_in.recorder.requests)


@pytest.mark.parametrize("stand_in", [{"fail": "mirror.example.org", "busy_first": True}], indirect=True)
def test_a_failed_capture_writes_nothing_and_is_reported(stand_in, mini_copy):
    started = time.monotonic()
    result = run_archive(mini_copy, stand_in.base)
    assert result.returncode == 1
    assert time.monotonic() - started >= 1.0  # the first request's Retry-After: 1 was waited out
    assert ("data/briefing.yaml:41:43: sources[example-copy].read_via.url: no snapshot: error:not-found: "
            "The server cannot find the requested resource. (hint: nothing was written for it") in result.stdout
    sources = {s.id: s for s in load_report(mini_copy).briefing.sources}
    assert sources["example-report"].archived.url.endswith("/https://example.com/report")
    assert sources["example-copy"].read_via.archived is None


def test_without_keys_it_says_so_and_asks_nothing(stand_in, mini_copy):
    before = (mini_copy / "briefing.yaml").read_bytes()
    result = run_archive(mini_copy, stand_in.base, keys={})
    assert result.returncode == 2
    assert "make archive needs Internet Archive keys: set IA_ACCESS_KEY and IA_SECRET_KEY" in result.stderr
    assert stand_in.recorder.requests == [] and (mini_copy / "briefing.yaml").read_bytes() == before


@pytest.mark.waits
@pytest.mark.parametrize("stand_in", [{"slow": 0.01}], indirect=True)  # a second between two writes
def test_killed_after_the_first_write_leaves_valid_files_and_a_rerun_completes(stand_in, tmp_path):
    data = copy_data(ROOT / "data", tmp_path / "data")
    expected = archive_targets(read_data_dir(data)[0], data)
    env = {**os.environ, **KEYS}
    process = subprocess.Popen(archive_command(data, stand_in.base), cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while "/web/" not in (data / "sources.yaml").read_text() and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    remaining = archive_targets(read_data_dir(data)[0], data)
    assert 0 < len(remaining) < len(expected), "killed before the first write or after the last"
    load_report(data)  # every file parses and validates
    stand_in.slow = 0
    result = run_archive(data, stand_in.base)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(remaining)} snapshot(s) written" in result.stdout
    assert archive_targets(read_data_dir(data)[0], data) == []
    removed, added = changed_lines(ROOT / "data", data)
    assert removed == [] and len(added) == 3 * len(expected)
