"""The command line (cli.py) on any briefing, not just this one: a check that needs only the data, paths as the
editor gave them, `new`, the README's example, and each optional part of a briefing on its own."""
from __future__ import annotations

from pathlib import Path

from build_scripts import pipeline as build
from build_scripts.cli import main
from build_scripts.session import generate

from .conftest import MINI, ROOT, copy_data


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


EVENTS_ONLY = Path(__file__).parent / "fixtures" / "events-only"
ORGS = """organisations:
  - {id: harbour-board, name: Harbour Board, kind: government, description: Runs the harbour.,
     sources: [city-notice-closure]}
  - {id: bridge-builders, name: Bridge Builders Ltd, kind: company, description: Repairs the bridge.,
     sources: [harbour-gazette-closure]}
"""
PARTS = {  # each optional part as a data file of its own, with the parts it needs
    "organisations": ((), ORGS),
    "people": ((), "people:\n  - {id: pat-engineer, name: Pat Engineer, role: Chief engineer, "
                   "sources: [harbour-gazette-closure]}\n"),
    "claims": ((), """claims:
  - id: closure-for-months
    text: The bridge would be closed for months.
    reported_by: harbour-gazette-closure
    reported_on: 2024-03
    attribution: Harbour Gazette, citing the council
    status: single-source
    sources: [harbour-gazette-closure]
"""),
    "conflicts": (("organisations",), """conflicts:
  - id: who-pays
    title: Who pays for the repairs
    summary: The board and the builders disagree on the cost.
    positions:
      - {party: harbour-board, position: The builders should pay., sources: [city-notice-closure],
         events: [2024-03-bridge-closes]}
      - {party: bridge-builders, position: The board should pay., sources: [harbour-gazette-closure],
         events: [2024-03-bridge-closes]}
    events: [2024-03-bridge-closes]
    last_reviewed: 2024-06-30
"""),
    "leverage": (("organisations",), """leverage:
  - id: board-can-close
    holder: harbour-board
    over: bridge-builders
    title: The board can close the bridge
    summary: The board decides when the bridge closes.
    status: single-source
    sources: [city-notice-closure]
    events: [2024-03-bridge-closes]
    last_reviewed: 2024-06-30
"""),
    "relationships": (("organisations",), "relationships:\n  - {from: harbour-board, to: bridge-builders, "
                      "kind: partners-with, note: Contracted for the repairs, sources: [city-notice-closure]}\n"),
    "quotes": (("people",), """quotes:
  - {id: engineer-on-deck, speaker: pat-engineer, text: The deck needs new plates., date: 2024-03-01,
     context: On the closure, source: harbour-gazette-closure}
"""),
}
RELATIONS = """    relations:
      - {id: partners-with, label: works with, definition: A contract between the two.,
         apply_when: A contract is signed.}
"""
PAGES = {"claims": "claims.md", "conflicts": "conflicts/index.md", "leverage": "leverage.md",
         "relationships": "leverage.md", "quotes": "quotes.md", "people": "people/index.md",
         "organisations": "organisations/index.md"}


def with_parts(tmp_path: Path, parts: set[str]) -> Path:
    data = copy_data(EVENTS_ONLY, tmp_path / "-".join(sorted(parts)) if parts else tmp_path / "none")
    for part in parts:
        needs, text = PARTS[part]
        for name in (part, *needs):
            (data / f"{name}.yaml").write_text(PARTS[name][1])
    if "relationships" in parts:  # its kinds are defined in the codebook
        briefing = data / "briefing.yaml"
        briefing.write_text(briefing.read_text().replace("\nsources:\n", "\n" + RELATIONS + "sources:\n", 1))
    return data


def dangling(page: str) -> list[str]:
    """Headings with nothing under them, and sentences ending in a colon with nothing after them."""
    body = page.split("\n---\n", 1)[1] if page.startswith("---\n") else page  # past the front matter
    lines = [line for line in body.split("\n") if line.strip() and not line.startswith("<!-- chart")]
    found = []
    for line, following in zip(lines, lines[1:] + ["# end"]):
        level = len(line) - len(line.lstrip("#"))
        if level and following.startswith("#") and len(following) - len(following.lstrip("#")) <= level:
            found.append(f"empty section: {line}")
        if line.rstrip().endswith(":") and not following.lstrip().startswith(("-", "|", "1.", "<")):
            found.append(f"dangling: {line}")
    return found


def test_each_optional_part_appears_only_with_its_data(tmp_path):
    for chosen in [set(), *({part} for part in PARTS), set(PARTS)]:
        present = set(chosen).union(*(PARTS[p][0] for p in chosen))
        output = generate(with_parts(tmp_path, chosen), static_charts=False, history=False, bundle=False)
        for part, path in PAGES.items():
            wanted = part in present or (path == "leverage.md" and present & {"leverage", "relationships"})
            assert (path in output.pages) == bool(wanted), (chosen, part)
        nav_pages = {p for entry in output.nav for target in entry.values()
                     for p in ([target] if isinstance(target, str) else target)}
        assert nav_pages <= set(output.pages), chosen
        for path, page in output.pages.items():
            assert dangling(page) == [], (chosen, path)
            assert "Microsoft" not in page and "Example Times" not in page, (chosen, path)


def test_a_briefing_of_events_and_sources_alone_builds_clean(tmp_path):
    from .conftest import build_site

    result = build_site(EVENTS_ONLY, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    built = {p.relative_to(tmp_path / "site").as_posix() for p in (tmp_path / "site").rglob("index.html")}
    assert {"index.html", "timeline/index.html", "sources/index.html", "updates/index.html",
            "methodology/index.html", "print/index.html", "editors/index.html"} <= built
    # No page of a part the briefing does not have (a page kind shown always may join the set above).
    assert not {p for p in built if p.split("/")[0] in {"claims", "conflicts", "leverage", "people", "organisations",
                                                        "quotes"}}, built
    timeline = (tmp_path / "site" / "timeline" / "index.html").read_text()
    assert '<span class="scheduled">(scheduled)</span>' in timeline  # the toll's end lies after the as-of date
    assert timeline.count('class="scheduled"') == 1  # the closure, announced ahead, has happened


def test_make_new_writes_a_briefing_that_passes_check_unchanged(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["new", "briefings/eu-ai-act"]) == 0
    assert main(["--data", "briefings/eu-ai-act", "check"]) == 0
    out = capsys.readouterr()
    # One warning, on purpose: a new briefing names no publisher, editors or corrections contact until an editor does.
    assert "1 warnings" in out.out and out.err.startswith("warning: briefings/eu-ai-act/briefing.yaml:6:3: W403 "
                                                          "masthead-incomplete: briefing: names no publisher, no "
                                                          "editors and no corrections contact (hint: ")
    assert len(out.err.splitlines()) == 1
    first = (tmp_path / "briefings" / "eu-ai-act" / "events.yaml").read_text().splitlines()[0]
    schema = first.split("$schema=")[1]
    assert (tmp_path / "briefings" / "eu-ai-act" / schema).resolve() == (ROOT / "schema" / "briefing.schema.json")
    assert main(["new", "briefings/eu-ai-act"]) == 1, "an existing briefing is never overwritten"


def test_the_readmes_complete_example_is_a_valid_briefing(tmp_path, monkeypatch, capsys):
    """The README's 'every file and field' example is checked like any briefing (one file may hold all)."""
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("## Starting a new briefing"):readme.index("## Beyond a documentation site")]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "example").mkdir()
    (tmp_path / "example" / "briefing.yaml").write_text(example)
    monkeypatch.chdir(tmp_path)
    assert main(["--data", "example", "check"]) == 0, capsys.readouterr().err
