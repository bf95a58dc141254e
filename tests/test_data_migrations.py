"""`make migrate` and `make check` on data written for each earlier schema (data/migrations.py, migrating.py)."""
from __future__ import annotations

import re
import shutil
from datetime import date

import pytest

from build_scripts.cli import main
from build_scripts.data import validation
from build_scripts.data.migrations import CURRENT, STEP_SECTIONS, Target, migrate, pending_problems
from build_scripts.data.validation import LoadCache, load_report
from build_scripts.errors import DataError

from .conftest import FIXTURES, ROOT

OLD = {"2026-11": FIXTURES / "schema-2026-11", "2026-12a": FIXTURES / "schema-2026-12a"}
# What an editor answers to each question `make check` asks (the question's start -> the answer).
ANSWERS = {"define the theme": "What the theme covers.", "define the relationship kind": "What the kind means.",
           "say when a coder applies": "When a reported step fits the definition.",
           "what is Example Mirror": "mirror", "the events this position rests on": "2024-01-deal"}
BUILD_DATE = date(2024, 7, 15)


def _copy(tmp_path, schema: str):
    folder = tmp_path / "old"
    shutil.copytree(OLD[schema], folder)
    return folder


def _answer(folder) -> int:
    """Replace every TODO as an editor would; how many were answered."""
    path = folder / "briefing.yaml"
    text, count = re.subn(r"""(["'])TODO: (.*?)\1""", lambda m: next(
        v for k, v in ANSWERS.items() if m.group(2).startswith(k)), path.read_text())
    path.write_text(text)
    return count


@pytest.mark.parametrize("schema", sorted(OLD))
def test_check_names_make_migrate_in_one_line(tmp_path, schema, capsys):
    folder = _copy(tmp_path, schema)
    assert main(["--data", str(folder), "check"]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 2 and lines[1] == "1 problem found in the data; nothing was written."
    assert "was written for an older schema" in lines[0] and f"make migrate DATA={folder}" in lines[0]


@pytest.mark.parametrize("schema", sorted(OLD))
def test_migrate_then_the_answers_check_asks_for_make_the_data_valid(tmp_path, schema, capsys):
    folder = _copy(tmp_path, schema)
    before = (folder / "briefing.yaml").read_text()
    assert main(["--data", str(folder), "migrate"]) == 0
    printed = capsys.readouterr().out
    assert re.search(rf"^{folder}/briefing.yaml:[45]: briefing.schema_version: added: {CURRENT} ", printed, re.M)
    after = (folder / "briefing.yaml").read_text()
    assert after.splitlines()[:2] == before.splitlines()[:2]  # comments kept
    kept = set(after.splitlines())
    unchanged = [line for line in before.splitlines() if line in kept]
    assert len(unchanged) >= len(before.splitlines()) - 3  # only the lines a step extends are rewritten
    with pytest.raises(DataError) as asked:
        load_report(folder, "old", build_date=BUILD_DATE)
    questions = [p for p in asked.value.problems if "waiting for an answer" in p.message]
    assert questions == asked.value.problems  # nothing but the questions, one located line each
    assert _answer(folder) == len(questions) > 0
    report = load_report(folder, "old", build_date=BUILD_DATE)
    assert report.briefing.info.schema_version == CURRENT


def test_the_november_briefing_migrates_what_the_history_reader_reads(tmp_path, capsys):
    folder = _copy(tmp_path, "2026-11")
    main(["--data", str(folder), "migrate"])
    printed = capsys.readouterr().out.splitlines()
    assert f"{folder}/briefing.yaml:24: sources[1].read_via.kind: a copy says what kind of copy it is" in printed
    assert printed[-1].startswith("7 changes in 1 files.")
    text = (folder / "briefing.yaml").read_text()
    assert "label: Investment" in text and "id: competes-with" not in text  # only the codes the data uses
    assert main(["--data", str(folder), "migrate"]) == 0  # a second run changes nothing
    assert "Nothing to migrate" in capsys.readouterr().out


@pytest.mark.parametrize("schema", sorted(OLD))
def test_the_steps_change_only_the_sections_a_probe_copies(schema):
    """pending_problems probes a copy of STEP_SECTIONS only: every step's change must land in one."""
    from build_scripts.data.loading import read_data_dir

    files, _ = read_data_dir(OLD[schema])
    changes = [change for f in files for change in migrate(f.data, Target()).changes]
    assert changes and {path[0] for path, _ in changes} <= set(STEP_SECTIONS)


def test_the_shipped_data_is_current():
    from build_scripts.data.loading import read_data_dir

    files, _ = read_data_dir(ROOT / "data")
    assert not pending_problems(files, "data")
    assert "schema_version: 3" in (ROOT / "data" / "briefing.yaml").read_text()


def test_data_from_a_newer_schema_is_refused(tmp_path):
    folder = tmp_path / "new"
    shutil.copytree(FIXTURES / "mini", folder)
    path = folder / "briefing.yaml"
    path.write_text(path.read_text().replace("briefing:\n", f"briefing:\n  schema_version: {CURRENT + 1}\n", 1))
    with pytest.raises(DataError, match="newer than this code"):
        load_report(folder, "new", build_date=BUILD_DATE)


def test_a_file_that_does_not_parse_stops_the_migration_before_anything_is_written(tmp_path, capsys):
    folder = _copy(tmp_path, "2026-11")
    (folder / "broken.yaml").write_text("events:\n  - [oops\n")
    before = (folder / "briefing.yaml").read_text()
    assert main(["--data", str(folder), "migrate"]) == 1
    assert "broken.yaml:3:1: the file cannot be read as YAML, so nothing was migrated" in capsys.readouterr().err
    assert (folder / "briefing.yaml").read_text() == before


def test_a_build_session_looks_for_placeholders_again_only_in_a_file_that_changed(tmp_path, monkeypatch, capsys):
    folder = _copy(tmp_path, "2026-12a")
    assert main(["--data", str(folder), "migrate"]) == 0
    capsys.readouterr()
    (folder / "more.yaml").write_text("quotes: []\n")  # a second file, which does not change
    looked: list[str] = []
    real = validation.placeholders
    monkeypatch.setattr(validation, "placeholders", lambda files: looked.extend(f.name for f in files) or real(files))
    cache = LoadCache()
    asked = []
    for _ in range(2):  # the same bytes: the questions again, from the session's cache
        with pytest.raises(DataError) as error:
            load_report(folder, "old", build_date=BUILD_DATE, cache=cache)
        asked.append([p for p in error.value.problems if "waiting for an answer" in p.message])
    assert asked[0] == asked[1] and asked[0]
    files = sorted(path.name for path in folder.glob("*.yaml"))
    assert looked == [f"old/{name}" for name in files]
    _answer(folder)
    assert load_report(folder, "old", build_date=BUILD_DATE, cache=cache).briefing.info.schema_version == CURRENT
    assert looked[len(files):] == ["old/briefing.yaml"]
