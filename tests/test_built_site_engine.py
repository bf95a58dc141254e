"""The escape hatch from MkDocs: ProperDocs (the maintained MkDocs 1.x fork, from .venv-properdocs)
builds the shipped briefing with the same mkdocs.yml, theme and hook, and only the generator tag differs."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import ROOT, build_site, site_env

pytestmark = pytest.mark.slow
PROPERDOCS_PYTHON = ROOT / ".venv-properdocs" / "bin" / "python"
# Material's <meta name="generator">: "mkdocs-1.6.1, ..." under MkDocs, "mkdocs-ProperDocs 1.6.7, ..." under ProperDocs.
GENERATOR = re.compile(rb'<meta name="generator" content="mkdocs-[^"\n]*, mkdocs-material-[0-9.]+">')


def pins(path: Path) -> dict[str, str]:
    """{normalised name: version} of a requirements file's `name==version` lines."""
    lines = (line.split("#")[0].strip() for line in path.read_text().splitlines())
    pairs = (line.split("==") for line in lines if line)
    return {name.lower().replace("_", "-"): version for name, version in pairs}


def site_files(site: Path) -> dict[str, bytes]:
    """Every file of a built site, the generator tag of each HTML page replaced by a placeholder."""
    files = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.suffix == ".html":
            data, count = GENERATOR.subn(b"<!-- generator -->", data)
            assert count == 1, f"{path.relative_to(site)}: {count} generator tags"
        files[path.relative_to(site).as_posix()] = data
    return files


def test_properdocs_pins_equal_the_main_pins():
    main, properdocs = pins(ROOT / "requirements.txt"), pins(ROOT / "requirements-properdocs.txt")
    assert "mkdocs" not in properdocs, "ProperDocs replaces MkDocs: mkdocs is not installed next to it"
    assert {name: version for name, version in properdocs.items() if name != "properdocs"} == {
        name: main[name] for name in properdocs if name != "properdocs"}


def test_properdocs_builds_the_same_site(built_site, site_port, tmp_path):
    assert PROPERDOCS_PYTHON.exists(), "ProperDocs is not installed: run `make properdocs-venv` (make test does)"
    site = tmp_path / "site"
    result = build_site(ROOT / "data", site, site_env(site_port), python=str(PROPERDOCS_PYTHON), engine="properdocs")
    assert result.returncode == 0, result.stdout + result.stderr
    expected, actual = site_files(built_site), site_files(site)
    assert sorted(actual) == sorted(expected)
    assert "sitemap.xml.gz" in actual and "pagefind/pagefind.js" in actual
    assert [path for path in expected if actual[path] != expected[path]] == []
