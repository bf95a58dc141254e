"""Hostile data (data/loading.py, data/validation.py): every category of editor mistake gets exact, located
errors, and nothing is lost.

Each folder in tests/cases/ holds files laid over a copy of the mini briefing, and expected.txt:
the exact output of `check` (golden: UPDATE_GOLDEN=1 rewrites it).
"""
from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

import pytest

from build_scripts.cli import main
from build_scripts.data.loading import MAX_FILE_BYTES

from .conftest import MINI, check_golden, copy_data

CASES = sorted(p for p in (Path(__file__).parent / "cases").iterdir() if p.is_dir())



@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path, monkeypatch):
    """`check` names files as the path was given: run from tmp_path and give `data`, as an editor would."""
    monkeypatch.chdir(tmp_path)

def tree_digest(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        p.relative_to(folder).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def overlay(case: Path, data: Path) -> None:
    for path in case.iterdir():
        if path.name != "expected.txt":
            shutil.copy(path, data / path.name)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_reports_exact_errors_and_leaves_site_untouched(case, tmp_path, capsys):
    data = copy_data(MINI, tmp_path / "data")
    overlay(case, data)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous good site")
    generated = tmp_path / "generated"
    generated.mkdir()
    (generated / "index.md").write_text("previous pages")
    before = {**tree_digest(site), **{"gen/" + k: v for k, v in tree_digest(generated).items()}}

    assert main(["--data", "data", "check"]) == 1
    errors = capsys.readouterr().err
    assert main(["--data", "data", "site", "--site-dir", str(site)]) == 1
    assert main(["--data", "data", "build", "--out", str(generated)]) == 1
    capsys.readouterr()

    after = {**tree_digest(site), **{"gen/" + k: v for k, v in tree_digest(generated).items()}}
    assert after == before, "a failed check must leave site/ and generated pages exactly as they were"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "generated", "site"], "no temp dirs left behind"
    check_golden(case / "expected.txt", errors)
    for line in errors.splitlines()[:-1]:
        assert line.startswith("data/"), f"every problem names its file: {line}"


def test_every_problem_is_reported_at_once(tmp_path, capsys):
    data = copy_data(MINI, tmp_path / "data")
    for name in ("unknown-field", "unknown-reference", "impossible-dates"):
        shutil.copy(Path(__file__).parent / "cases" / name / "extra.yaml", data / f"{name}.yaml")
    assert main(["--data", "data", "check"]) == 1
    err = capsys.readouterr().err
    files = {line.split(":")[0] for line in err.splitlines()[:-1]}
    assert files == {"data/unknown-field.yaml", "data/unknown-reference.yaml", "data/impossible-dates.yaml"}


def test_an_absurdly_large_file_is_refused_quickly_without_reading_it(tmp_path, capsys):
    data = copy_data(MINI, tmp_path / "data")
    with open(data / "huge.yaml", "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    started = time.perf_counter()
    assert main(["--data", "data", "check"]) == 1
    assert time.perf_counter() - started < 2
    assert ("data/huge.yaml:1:1: the file is 20 MB, over the 20 MB limit (hint: split it into several files)"
            in capsys.readouterr().err)


def test_the_alias_bomb_is_refused_before_any_expansion(tmp_path):
    data = copy_data(MINI, tmp_path / "data")
    levels = ['a: &a ["lol"' + ',"lol"' * 9 + "]"]
    for level in range(1, 12):
        alias = f"*{'a' if level == 1 else 'l' + str(level - 1)}"
        levels.append(f"l{level}: &l{level} [" + ",".join([alias] * 10) + "]")
    (data / "bomb.yaml").write_text("\n".join(levels) + "\n")
    started = time.perf_counter()
    assert main(["--data", "data", "check"]) == 1
    assert time.perf_counter() - started < 2
