"""Incremental regeneration: after one event changes, only the files whose bytes changed are
rewritten, and what reuse gives is exactly what a fresh process would build."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts.pipeline import generate
from build_scripts.site.writing import write_tree
from build_scripts.tools.synthetic import write_synthetic

from .conftest import ROOT

FRESH = """
import sys
from pathlib import Path
from build_scripts.pipeline import generate
from build_scripts.site.writing import write_tree
output = generate(Path(sys.argv[1]), static_charts=False, history=False)
write_tree(output.plan, Path(sys.argv[2]))
"""


def tree(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def synthetic(tmp_path) -> Path:
    data = tmp_path / "data"
    write_synthetic(data, 1000, 100)
    return data


def test_one_changed_event_rewrites_only_the_files_it_changes(synthetic, tmp_path):
    out = tmp_path / "out"
    first = generate(synthetic, static_charts=False, history=False)
    write_tree(first.plan, out)
    before = tree(out)
    events = synthetic / "events-00.yaml"
    events.write_text(events.read_text().replace("summary: ", "summary: Changed. ", 1))

    second = generate(synthetic, static_charts=False, history=False)
    report = write_tree(second.plan, out)
    after = tree(out)

    changed = {path for path in after if after[path][0] != before[path][0]}
    assert set(report.written) == changed
    assert 0 < len(changed) < 10, changed
    assert any(path.startswith("timeline/") for path in changed)
    for path in set(after) - changed:
        assert after[path][1] == before[path][1], f"{path} was rewritten with the same bytes"

    fresh = tmp_path / "fresh"
    subprocess.run([sys.executable, "-c", FRESH, str(synthetic), str(fresh)], cwd=ROOT, check=True)
    assert {p: b for p, (b, _) in tree(fresh).items()} == {p: b for p, (b, _) in after.items()}


def test_files_no_longer_planned_are_removed_with_their_empty_folders(tmp_path):
    out = tmp_path / "out"
    write_tree({"a.md": "a", "people/b.md": "b", "people/deep/c.md": "c"}, out)
    mtime = (out / "a.md").stat().st_mtime_ns
    report = write_tree({"a.md": "".join(["a"])}, out)  # equal text, another object: read and kept
    assert report.written == [] and report.removed == ["people/b.md", "people/deep/c.md"]
    assert not (out / "people").exists()
    assert (out / "a.md").stat().st_mtime_ns == mtime
