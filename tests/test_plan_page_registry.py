"""The page registry: one table of page kinds, from which the plan, the menu, not_in_nav, the links
between pages and the structured data's types are derived; a new kind is a template and one entry."""
from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import sys

import pytest

from build_scripts.data.validation import load_briefing
from build_scripts.plan.page_registry import PAGE_KINDS, Menu, not_in_nav, page_links, single
from build_scripts.plan.site_plan import PlanConflict, plan_nav, plan_pages, planned_pages
from build_scripts.render.page_paths import conflict_page
from build_scripts.render.pages import TEMPLATES
from build_scripts.render.views import build_view

from .conftest import MINI, ROOT


@pytest.fixture(scope="module")
def view():
    return build_view(load_briefing(ROOT / "data"))


def test_each_kind_plans_its_subjects_pages_where_the_view_links_them(view):
    """Every kind's template exists; a person's or organisation's page is planned once per entity, about
    that entity, at the address every other page links it by (view.entity_page); each conflict likewise."""
    planned = planned_pages(view)
    assert all((TEMPLATES / kind.template).is_file() for kind in PAGE_KINDS)
    by_kind = {name: [p for p in planned if p.kind.name == name] for name in ("person", "organisation", "conflict")}
    for name, items, address in (("person", view.briefing.people, lambda i: view.entity_page(i.id)),
                                 ("organisation", view.briefing.organisations, lambda i: view.entity_page(i.id)),
                                 ("conflict", view.briefing.conflicts, lambda i: conflict_page(i.id))):
        assert [(p.path, p.subject) for p in by_kind[name]] == [(address(i), i) for i in items], name
    assert {p.kind.schema_type for p in by_kind["person"]} == {"Person"}


def test_a_second_kind_claiming_a_path_is_refused_with_both_names(view):
    twin = single("timeline-again", "timeline.md", "timeline.md.j2")
    with pytest.raises(PlanConflict, match="timeline.md: timeline and timeline-again"):
        planned_pages(view, (*PAGE_KINDS, twin))


def test_a_page_off_its_kinds_pattern_is_refused(view):
    person = next(k for k in PAGE_KINDS if k.name == "person")
    misplaced = dataclasses.replace(person, path="staff/{id}.md")
    with pytest.raises(PlanConflict, match="not of the form staff/{id}.md"):
        planned_pages(view, (misplaced,))


def test_menu_links_and_not_in_nav_come_from_the_table(view):
    """The menu's sections in the table's order, its pages in theirs (a page kind added to the table joins
    them without this test changing: it checks order and membership, not a closed list)."""
    nav = plan_nav(view)
    sections = [next(iter(section)) for section in nav]
    expected = ["Briefing", "Timeline", "The April 2025 report", "Points of conflict", "Leverage",
                "People", "Organisations", "Quotes", "Sources", "Updates", "About"]
    assert [name for name in sections if name in expected] == expected and len(set(sections)) == len(sections)
    about = nav[-1]["About"]
    assert about.index("methodology.md") < about.index("print.md")
    assert {"/organisations/*.md", "/people/*.md", "/sources/*.md", "/timeline/*.md"} <= set(not_in_nav())
    assert "/print/*.md" not in not_in_nav() and not {p for p in not_in_nav() if "methodology" in p}
    assert page_links()["timeline"] == "timeline.md" and "person" not in page_links()
    assert Menu("About", 100).section(view) == "About"


def readme_example() -> tuple[str, str]:
    """The template and the registry entry of the README's worked example."""
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("## Adding a page kind"):]
    template = re.search(r"```jinja\n(.*?)```", section, re.S).group(1)
    entry = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    return "\n".join(line.removeprefix("   ") for line in template.splitlines()) + "\n", entry


def test_the_readmes_new_page_kind_is_a_template_and_one_entry(tmp_path):
    """Build a site from a copy of the project with the README's two steps applied, nothing else."""
    for folder in ("build_scripts", "docs", "overrides", "data"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    template, entry = readme_example()
    (tmp_path / "build_scripts/render/templates/glossary.md.j2").write_text(template)
    registry = tmp_path / "build_scripts/plan/page_registry.py"
    text = registry.read_text()
    anchor = '    single("print",'
    assert text.count(anchor) == 1
    registry.write_text(text.replace(anchor, entry.rstrip("\n") + "\n" + anchor))
    env = {**os.environ, "BRIEFING_STATIC_CHARTS": "0", "SOURCE_DATE_EPOCH": "1700000000"}
    result = subprocess.run([sys.executable, "-m", "build_scripts", "--data", str(MINI), "site", "--site-dir",
                             str(tmp_path / "site")], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "site/glossary/index.html").read_text()
    assert "<h1" in page and "Glossary" in page and 'href="../timeline/"' in page
    home = (tmp_path / "site/index.html").read_text()
    assert 'href="glossary/"' in home, "the new page is not in the menu"


def test_search_settings_come_from_the_registry(view):
    pages = plan_pages(view)
    assert "\nsearch:\n  exclude: true\n" in pages["print.md"]
    assert "\nsearch:\n  boost: 3\n" in pages["people/sam-altman.md"]
    assert "search:" not in pages["methodology.md"].partition("\n---\n")[0]
    quiet = tuple(dataclasses.replace(k, search="") if k.name == "print" else k for k in PAGE_KINDS)
    assert "search:" not in plan_pages(build_view(view.briefing), kinds=quiet)["print.md"]


def test_a_single_page_out_of_the_menu_and_an_unknown_schema_type():
    assert not_in_nav((single("colophon", "colophon.md", "colophon.md.j2"),)) == ["/colophon.md"]
    person = next(k for k in PAGE_KINDS if k.name == "person")
    with pytest.raises(ValueError, match="schema_type must be one of NewsArticle, Person, Organization"):
        dataclasses.replace(person, schema_type="Event")
