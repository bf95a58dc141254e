"""Any briefing, not just this one: a check that needs only the data, paths as the editor gave them."""
from __future__ import annotations

from pathlib import Path

from build_scripts import build
from build_scripts.cli import main

from .conftest import MINI, copy_data


def test_check_needs_only_the_data_and_names_paths_as_given(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(build, "PLOTLY_JS", tmp_path / "node_modules" / "missing.js")  # a fresh clone: no npm ci
    copy_data(MINI, tmp_path / "briefings" / "eu-ai-act")
    assert main(["--data", "briefings/eu-ai-act", "check"]) == 0
    assert capsys.readouterr().out.startswith("OK: ")
    broken = tmp_path / "briefings" / "eu-ai-act" / "briefing.yaml"
    broken.write_text(broken.read_text().replace("status: confirmed", "status: confimed"))
    assert main(["--data", "briefings/eu-ai-act/", "check"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("briefings/eu-ai-act/briefing.yaml:"), err
    broken.write_text(broken.read_text().replace("status: confimed", "status: confirmed"))
    assert main(["--data", "briefings/eu-ai-act", "build", "--out", "out"]) == 1  # the site itself needs plotly.js
    assert "plotly.js is not installed" in capsys.readouterr().err and not Path("out").exists()
