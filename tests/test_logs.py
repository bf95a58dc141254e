"""Where messages go: a degraded site warns on the site engine's plugin logger (a strict build counts
it), the data's editorial warnings on the project's own logger (a site build goes on), and charts
turned off on purpose say so."""
from __future__ import annotations

import logging

import pytest

from build_scripts import pipeline as build
from build_scripts.cli import main
from build_scripts.effects import chart_drawing
from build_scripts.render.chart_images import image_figures
from build_scripts.session import generate

from .conftest import MINI, copy_data
from .test_data_editorial import WARNINGS

TURNED_OFF = "Charts are interactive only: static chart images were turned off (BRIEFING_STATIC_CHARTS=0)."


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """An empty image cache (each build session says its notes afresh)."""
    monkeypatch.setattr(build, "CHART_IMAGES", tmp_path / "chart-cache")


def mini_charts():
    return generate(MINI, static_charts=False, history=False, bundle=False).charts


@pytest.mark.site  # MkDocs builds the site, then the strict check stops it
def test_a_failed_drawing_warns_on_the_plugin_logger_and_a_strict_site_build_stops(fresh, monkeypatch, tmp_path,
                                                                                  capsys, caplog):
    async def crash(figures, shown):
        raise RuntimeError("the browser crashed")

    monkeypatch.setattr(chart_drawing, "why_not_drawn", lambda turned_off=False: None)
    monkeypatch.setattr(chart_drawing, "_render_all", crash)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous good site")
    assert main(["--data", str(MINI), "site", "--site-dir", str(site)]) == 1
    warning = "Charts are interactive only: drawing static images failed (the browser crashed)."
    assert [(r.name, r.levelno) for r in caplog.records if r.getMessage() == warning] == [
        ("mkdocs.plugins.briefing", logging.WARNING)]
    err = capsys.readouterr().err
    assert f"WARNING -  {warning}\n" in err and "Aborted with 1 warnings in strict mode!" in err
    assert (site / "index.html").read_text() == "previous good site"


def test_data_warnings_go_to_the_projects_logger_and_a_strict_site_build_goes_on(fresh, monkeypatch, tmp_path,
                                                                                  capsys, caplog):
    monkeypatch.setenv("BRIEFING_STATIC_CHARTS", "0")
    data = copy_data(MINI, tmp_path / "data")
    (data / "warnings.yaml").write_text(WARNINGS)
    assert main(["--data", str(data), "site", "--site-dir", str(tmp_path / "site")]) == 0
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 4 and {r.name for r in warnings} == {"build_scripts.data"}
    err = capsys.readouterr().err.splitlines()
    assert [line for line in err if line.startswith("warning: ")] == [f"warning: {r.getMessage()}" for r in warnings]
    assert TURNED_OFF in err and not any(line.startswith("WARNING") for line in err)


def test_charts_turned_off_on_purpose_say_so_once_not_that_chromium_is_missing(fresh, monkeypatch, tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.briefing")
    said: set[str] = set()
    assert chart_drawing.draw_svgs(image_figures(mini_charts()), tmp_path, said, turned_off=True) == {}
    assert chart_drawing.draw_svgs(image_figures(mini_charts()), tmp_path, said, turned_off=True) == {}
    assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == [
        ("mkdocs.plugins.briefing", logging.INFO, TURNED_OFF)]


def test_without_chromium_the_note_says_what_to_install(fresh, monkeypatch, tmp_path, caplog):
    monkeypatch.setattr(chart_drawing.shutil, "which", lambda name: None)
    caplog.set_level(logging.INFO, logger="mkdocs.plugins.briefing")
    assert chart_drawing.draw_svgs(image_figures(mini_charts()), tmp_path) == {}
    assert caplog.messages == ["Charts are interactive only: no Chromium was found to draw their static images "
                               "(apt-get install chromium)."]


def test_the_build_command_prints_the_note_on_stderr(fresh, monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("BRIEFING_STATIC_CHARTS", "0")
    assert main(["--data", str(MINI), "build", "--out", str(tmp_path / "out")]) == 0
    assert capsys.readouterr().err == TURNED_OFF + "\n"


PROGRESS = """
import time
from build_scripts.logs import progress
with progress(4, "Drawing chart images") as shown:
    for _ in range(4):
        time.sleep(0.05)
        shown.advance()
        shown.write("a line above the bar") if shown.done == 2 else None
"""


def test_progress_is_a_bar_on_a_terminal_and_one_line_in_a_log():
    import re
    import subprocess
    import sys

    from .conftest import ROOT, run_on_terminal

    shown = run_on_terminal([sys.executable, "-c", PROGRESS], cwd=ROOT)
    assert re.search(r"Drawing chart images: █[^\r\n]* 4/4 \[00:0\d<00:00\]", shown), shown
    assert "\r" in shown and "a line above the bar" in shown  # redrawn in place; a message above it
    logged = subprocess.run([sys.executable, "-c", PROGRESS], cwd=ROOT, capture_output=True, text=True)
    assert re.fullmatch(r"Drawing chart images: 4/4 in 0\.\d s\n", logged.stderr), logged.stderr
    assert logged.stdout == "a line above the bar\n"


CHARTS = """
import sys
from pathlib import Path
from build_scripts.effects.chart_drawing import draw_svgs
from build_scripts.render.chart_images import image_figures
from build_scripts.session import generate
charts = generate(Path(sys.argv[1]), static_charts=False, history=False, bundle=False).charts
print(len(draw_svgs(image_figures({"money": charts["money"]}), Path(sys.argv[2]))), "images")
"""


@pytest.mark.browser  # kaleido starts Chromium in each of two processes, to draw the images afresh
@pytest.mark.skipif(chart_drawing.why_not_drawn() is not None, reason="no Chromium to draw the images")
def test_drawing_chart_images_shows_progress_on_a_terminal_and_one_line_in_a_log(tmp_path):
    import re
    import subprocess
    import sys

    from .conftest import ROOT, run_on_terminal

    shown = run_on_terminal([sys.executable, "-c", CHARTS, str(MINI), str(tmp_path / "a")], cwd=ROOT)
    assert re.search(r"Drawing chart images: .*4/4 \[", shown) and "4 images" in shown, shown
    logged = subprocess.run([sys.executable, "-c", CHARTS, str(MINI), str(tmp_path / "b")], cwd=ROOT,
                            capture_output=True, text=True, timeout=180)
    assert re.fullmatch(r"Drawing chart images: 4/4 in \d+\.\d s\n", logged.stderr), logged.stderr
    again = subprocess.run([sys.executable, "-c", CHARTS, str(MINI), str(tmp_path / "b")], cwd=ROOT,
                           capture_output=True, text=True, timeout=180)
    assert again.stderr == "" and again.stdout == "4 images\n"  # from the cache: nothing to show
