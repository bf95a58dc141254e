"""Incremental regeneration within one build session (reuse.py, and the caches the session holds): after one
event changes, only the files whose bytes changed are rewritten, and what reuse gives is exactly what a fresh
process would build; after a template changes, the pages show it (as `mkdocs serve` must)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_scripts.effects.writing import write_tree
from build_scripts.render.page_paths import SPLIT_ABOVE
from build_scripts.session import BuildConfig, BuildSession, SessionCaches, generate
from build_scripts.tools.synthetic import write_synthetic

from .conftest import FIXTURES, ROOT

FRESH = """
import sys
from pathlib import Path
from build_scripts.session import generate
from build_scripts.effects.writing import write_tree
output = generate(Path(sys.argv[1]), static_charts=False, history=False)
write_tree(output.plan, Path(sys.argv[2]))
"""


def tree(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def synthetic(tmp_path) -> Path:
    """A hundred events more than SPLIT_ABOVE: a timeline split into parts, of which one event changes one."""
    data = tmp_path / "data"
    write_synthetic(data, SPLIT_ABOVE + 100, 100)
    return data


def test_one_changed_event_rewrites_only_the_files_it_changes(synthetic, tmp_path):
    out = tmp_path / "out"
    session = BuildSession(BuildConfig(data_dir=synthetic, static_charts=False, history=False))
    first = session.generate()
    write_tree(first.plan, out, session.caches.written)
    before = tree(out)
    events = synthetic / "events-00.yaml"
    events.write_text(events.read_text().replace("summary: ", "summary: Changed. ", 1))

    second = session.generate()
    report = write_tree(second.plan, out, session.caches.written)
    after = tree(out)

    changed = {path for path in after if after[path][0] != before[path][0]}
    assert set(report.written) == changed
    assert 0 < len(changed) < 10, changed
    reused = [p for p in first.pages if p in second.pages and second.pages[p] is first.pages[p]]
    assert len(reused) > len(first.pages) // 2, "unchanged pages were rendered again, not reused"
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


EDIT_TEMPLATE = """
import sys
from pathlib import Path
from build_scripts.session import BuildConfig, BuildSession, generate
session = BuildSession(BuildConfig(data_dir=Path(sys.argv[1]), static_charts=False, history=False, bundle=False))
before = session.generate().pages
template = Path("build_scripts/render/templates/person.md.j2")
template.write_text(template.read_text() + "\\nEdited in this process.\\n")
after = session.generate().pages
people = [p for p in after if p.startswith("people/") and p != "people/index.md"]
assert people and all("Edited in this process." not in before[p] for p in people)
assert all("Edited in this process." in after[p] for p in people), "a person page missed the template edit"
assert all(after[p] == before[p] for p in after if not p.startswith("people/")), "other pages changed"
print(len(people))
"""


def test_a_template_edit_shows_on_the_next_generation_in_the_same_process(tmp_path):
    """What `mkdocs serve` does on a template edit: the same session generates again. The project's
    code is copied, so the edit touches only the copy."""
    shutil.copytree(ROOT / "build_scripts", tmp_path / "build_scripts",
                    ignore=shutil.ignore_patterns("__pycache__"))
    result = subprocess.run([sys.executable, "-c", EDIT_TEMPLATE, str(FIXTURES / "mini")], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 0


@pytest.mark.parametrize("edit", [
    ("label: invested in", "label: put money into"),  # a relationship kind's label, shown on entity pages
    ("label: Investment", "label: Funding"),  # a theme's label, shown on every event
    ("as_of: 2024-06-30\n  last_reviewed: 2024-07-01",  # the coverage date, which decides "(scheduled)"
     "as_of: 2024-07-15\n  last_reviewed: 2024-07-16"),
], ids=["relation-label", "theme-label", "as-of"])
def test_an_edit_to_the_briefing_block_reaches_every_reused_page(tmp_path, edit):
    """Reused pages keep their text only while everything they show is unchanged: the briefing block
    (codebook labels, dates) included. What one session regenerates equals a fresh build."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "mini", data)
    options = {"static_charts": False, "history": False, "bundle": False}
    session = BuildSession(BuildConfig(data_dir=data, **options))
    session.generate()
    briefing = data / "briefing.yaml"
    assert edit[0] in briefing.read_text()
    briefing.write_text(briefing.read_text().replace(*edit))
    again = dict(session.generate().plan.items())
    fresh = dict(generate(data, **options).plan.items())
    assert again.keys() == fresh.keys()
    assert [p for p in fresh if again[p] != fresh[p]] == []


def test_a_code_change_is_said_a_template_change_simply_shows(caplog):
    """Python does not reload changed code: the caches are forgotten either way, and a code change is said."""
    caches = SessionCaches()
    caches.check_code("code1:templates1")
    caches.pages.rendered["index.md"] = ((), {})
    caches.check_code("code1:templates2")
    assert not caches.pages.rendered and not caplog.records
    caches.check_code("code2:templates2")
    assert [r.levelname for r in caplog.records] == ["WARNING"] and "restart `make serve`" in caplog.text
