"""The Nu HTML Checker (npm's vnu-jar, on Java) over every page of the built briefing: no error and no
warning, except the few that a plain Material for MkDocs site produces too (checked below on such a
site, built in a temporary folder without our hook), and two that come from checking files rather
than a served site. Every exception is listed here with its reason, matched exactly."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

pytestmark = pytest.mark.slow
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class Allowed:
    """A checker message that is not ours to fix: the exact message (or a precise regex), and, where
    the message alone would be too broad, the exact markup it must point at."""
    reason: str
    message: str | re.Pattern
    markup: tuple[str, ...] = ()

    def matches(self, found: dict) -> bool:
        text = found.get("message", "")
        same = self.message.fullmatch(text) if isinstance(self.message, re.Pattern) else self.message == text
        return bool(same) and (not self.markup or highlighted(found).strip() in self.markup)


PLAIN_MATERIAL = [
    Allowed("Material's drawer and search toggles are checkboxes with autocomplete=off (keeps them unticked "
            "after going back in Firefox)",
            "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, "
            "“email”, “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, "
            "or “week”."),
    Allowed("navigation.sections: Material writes a section's label with an empty tabindex",
            "Bad value “” for attribute “tabindex” on element “label”: The empty string is not a valid integer."),
    Allowed("a page outside the menu: Material's table of contents has a label for the __toc toggle that only "
            "the menu entry of the current page writes",
            "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
            ('<label class="md-nav__title" for="__toc">',)),
]

CHECKER_ARTEFACTS = [
    Allowed("the checker reads pages as file: addresses, whose origin is opaque, so the policy's 'self' never "
            "matches our own relative or root-relative files (no colon: not another host or scheme)",
            re.compile(r"Resource violates Content Security Policy \(meta tag\): (external script|external stylesheet"
                       r"|image) “[^”:]+” blocked by “(script|style|img)-src” directive\.")),
    Allowed("data blocks (Material's page configuration, our JSON-LD) are never executed, so script-src does "
            "not apply to them; the checker treats them as inline scripts",
            "Inline script violates Content Security Policy (meta tag): blocked by “script-src” directive "
            "(missing “‘unsafe-inline’” or nonce/hash).",
            ('<script id="__config" type="application/json">', '<script type="application/ld+json">')),
]


def highlighted(found: dict) -> str:
    start = found.get("hiliteStart", 0)
    return found.get("extract", "")[start:start + found.get("hiliteLength", 0)]


def is_problem(found: dict) -> bool:
    """Errors, I/O errors and warnings; plain information ("info" without a warning subtype) is not."""
    return found["type"] != "info" or found.get("subType") == "warning"


def plain_material_config(folder: Path) -> dict:
    """Our theme settings (features, palette, language, fonts) without our templates, hook or CSS."""
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_constructor("!ENV", lambda loader, node: None)
    ours = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=loader)
    theme = {key: value for key, value in ours["theme"].items() if key != "custom_dir"}
    return {"site_name": "Plain", "site_url": "http://127.0.0.1:8000/", "theme": theme, "plugins": ["search"],
            "markdown_extensions": [{"toc": {"permalink": True}}], "docs_dir": str(folder / "docs"),
            "site_dir": str(folder / "site"), "use_directory_urls": True,
            "nav": ["index.md", {"A section": ["a.md", "b.md"]}], "not_in_nav": "/outside.md"}


def build_plain_material(folder: Path) -> Path:
    """A plain Material site like ours: a home page, a menu section of two pages, a page outside the menu."""
    (folder / "docs").mkdir(parents=True)
    for name in ("index", "a", "b", "outside"):
        (folder / "docs" / f"{name}.md").write_text(f"# Page {name}\n\nA paragraph.\n\n## Part\n\nText.\n")
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(plain_material_config(folder)))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(folder / "mkdocs.yml")],
                            capture_output=True, text=True, timeout=120, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    return folder / "site"


def run_checker(pages: list[Path]) -> list[dict]:
    """One Java start for every page (the checker is slow to start)."""
    java = shutil.which("java")
    assert java, ("the Nu HTML Checker needs Java: run `make java` (make test does), "
                  "or apt-get install default-jre-headless")
    assert VNU_JAR.exists(), "vnu-jar is not installed: run `npm ci` (make test does)"
    result = subprocess.run([java, "-jar", str(VNU_JAR), "--format", "json", *map(str, pages)],
                            capture_output=True, text=True, timeout=600)
    return json.loads(result.stderr)["messages"]


def page_of(found: dict, site: Path) -> str | None:
    """The page of the site a message is about (None: another site's page)."""
    url, prefix = found.get("url", ""), f"file:{site}/"
    return url.removeprefix(prefix) if url.startswith(prefix) else None


@pytest.fixture(scope="module")
def checked(built_site, tmp_path_factory) -> dict[str, list[dict]]:
    """The checker's problems on our site and on the plain Material site, from one run."""
    plain = build_plain_material(tmp_path_factory.mktemp("plain-material"))
    ours, theirs = sorted(built_site.rglob("*.html")), sorted(plain.rglob("*.html"))
    assert len(ours) > 40 and len(theirs) == 5
    messages = [m for m in run_checker(ours + theirs) if is_problem(m)]
    assert all(page_of(m, built_site) or page_of(m, plain) for m in messages), messages
    return {"ours": [m for m in messages if page_of(m, built_site)],
            "plain": [m for m in messages if page_of(m, plain)]}


def test_every_page_passes_the_html_checker(checked, built_site):
    allowed = PLAIN_MATERIAL + CHECKER_ARTEFACTS
    left = [f"{page_of(m, built_site)}:{m.get('lastLine')}: {m['type']}: {m['message']} {m.get('extract', '')!r}"
            for m in checked["ours"] if not any(rule.matches(m) for rule in allowed)]
    assert left == [], "\n".join(left)


def test_each_plain_material_exception_is_produced_by_a_plain_material_site(checked):
    assert [rule.reason for rule in PLAIN_MATERIAL if not any(rule.matches(m) for m in checked["plain"])] == []


def test_the_policy_allows_our_own_files_which_the_checker_cannot_see(built_site):
    """The first checker artefact rests on this: scripts, styles and images from the site itself are allowed."""
    for page in sorted(built_site.rglob("*.html")):
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page.read_text()).group(1)
        for directive in ("script-src", "style-src", "img-src"):
            assert f"{directive} 'self'" in policy, (page, directive)
