"""Warnings worth reading (data/acknowledgements.py): codes, the guide's anchors, acknowledging, STRICT, and the
list of warnings new since a base commit (tools/new_warnings.py)."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from build_scripts.cli import main
from build_scripts.data.acknowledgements import WARNINGS
from build_scripts.tools.new_warnings import format_markdown, new_warnings

from .conftest import MINI, ROOT, copy_data

GUIDE = (ROOT / "docs" / "editors.md").read_text()
MIRRORED = """sources:
  - id: mirrored-report
    outlet: Example Daily
    subject: A report read only through a mirror
    date: 2024-06-03
    read_via: {name: Some Mirror, url: "https://mirror.example.net/copy", kind: mirror}
"""
ACK = """    acknowledge:
      - warning: W101
        reason: The daily's site and archives were searched; only the mirror carries the text.
"""


@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1720000000")  # 2024-07-03: the mini briefing's review is recent


def _data(tmp_path, extra: str) -> Path:
    data = copy_data(MINI, tmp_path / "data")
    (data / "extra.yaml").write_text(extra)
    return data


def test_every_code_has_its_heading_in_the_editors_guide_and_every_heading_a_code():
    headings = re.findall(r"^### (W\d{3}) ([a-z-]+)$", GUIDE, re.MULTILINE)
    assert dict(headings) == dict(WARNINGS)
    assert "### Acknowledging a warning" in GUIDE


def test_every_warning_case_prints_its_code_and_the_guides_anchor():
    for expected in (ROOT / "tests" / "warning_cases").glob("*/expected.txt"):
        for line in expected.read_text().splitlines():
            code = re.search(r": (W\d{3}) ([a-z-]+): ", line)
            assert code and code.group(2) == WARNINGS[code.group(1)], line
            assert line.endswith(f"[docs/editors.md#{code.group(1).lower()}-{code.group(2)}]"), line


def test_a_new_warning_is_printed_in_full_and_strict_fails_on_it(tmp_path, capsys):
    _data(tmp_path, MIRRORED)
    assert main(["--data", "data", "check"]) == 0
    err = capsys.readouterr().err
    assert "W101 mirror-only-source: sources[0].read_via.kind: read only through a mirror (Some Mirror)" in err
    assert main(["--data", "data", "check", "--strict"]) == 1
    assert "Strict: 1 unacknowledged warning; fix it or acknowledge" in capsys.readouterr().err


def test_an_acknowledged_warning_is_counted_in_one_line_and_strict_passes(tmp_path, capsys):
    _data(tmp_path, MIRRORED + ACK)
    assert main(["--data", "data", "check", "--strict"]) == 0
    out = capsys.readouterr()
    assert "W101" not in out.err.replace("(W101 ×1)", "")
    assert "1 acknowledged warning not shown (W101 ×1)" in out.err
    assert "0 warnings (1 more acknowledged)" in out.out


def test_an_acknowledgement_past_its_date_lets_the_warning_come_back(tmp_path, capsys):
    _data(tmp_path, MIRRORED + ACK + "        until: 2024-07-01\n")
    assert main(["--data", "data", "check", "--strict"]) == 1
    assert "(acknowledged until 2024-07-01, which has passed)" in capsys.readouterr().err


def test_an_acknowledgement_with_no_warning_to_match_is_a_warning(tmp_path, capsys):
    _data(tmp_path, MIRRORED.replace("kind: mirror", "kind: syndication") + ACK)
    assert main(["--data", "data", "check"]) == 0
    assert ("W001 unused-acknowledgement: sources[0].acknowledge[0].warning: acknowledges W101, but the item has "
            "no such warning") in capsys.readouterr().err


def test_check_gives_json_and_ci_lists_only_the_new_warnings(tmp_path, capsys):
    _data(tmp_path, MIRRORED)
    assert main(["--data", "data", "check", "--format", "json"]) == 0
    head = json.loads(capsys.readouterr().out)
    assert [(w["code"], w["field"]) for w in head["warnings"]] == [("W101", "sources[0].read_via.kind")]
    moved = [{**head["warnings"][0], "line": 99, "field": "sources[3].read_via.kind"}]  # moved, not new
    assert new_warnings(moved, head["warnings"]) == []
    assert new_warnings([], head["warnings"]) == head["warnings"]
    summary = format_markdown([], head["warnings"])
    assert "**W101 mirror-only-source** `data/extra.yaml:6`" in summary
    assert "None: no unacknowledged warning is new." in format_markdown(head["warnings"], head["warnings"])
    assert "could not list its warnings" in format_markdown(None, head["warnings"])


def test_the_shipped_data_shows_no_unacknowledged_warning(monkeypatch, capsys):
    """The issue's bar: the shipped data checks with no error and no open warning; every warning is acknowledged
    on its item with a reason that says what was checked."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764633600")  # 2026-12-02, the day after the last review
    assert main(["--data", str(ROOT / "data"), "check", "--format", "json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["errors"] == []
    assert found["warnings"] == []
    assert found["acknowledged"]
    assert all(len(w["reason"]) > 80 for w in found["acknowledged"])


def test_make_passes_strict_to_check_and_site():
    dry = subprocess.run(["make", "-n", "-o", ".venv/.installed-requirements", "-o", "node_modules/.installed-lock",
                          "check", "site", "STRICT=1"], cwd=ROOT, capture_output=True, text=True).stdout
    assert dry.count("--strict") == 2
    dry = subprocess.run(["make", "-n", "-o", ".venv/.installed-requirements", "check", "STRICT=0"], cwd=ROOT,
                         capture_output=True, text=True).stdout
    assert "--strict" not in dry
