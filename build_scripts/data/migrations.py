"""Schema versions and the steps that bring data written for an older one forward. Pure; no I/O.

The steps are declared once and serve two readers (each hands them a `Target`):
- the Updates page and `diff` (effects/git_history.py) read old revisions as plain dicts, in memory, and
  fill what only a person knows with a neutral stand-in ("Not defined in this revision of the data.");
- `make migrate` (migrating.py) rewrites the files in place as ruamel.yaml round-trip nodes, and leaves
  what only a person knows as a placeholder, `TODO: …`, that `make check` lists until it is answered.

Every step is guarded (it changes only what it finds in the older form), so it can run on any revision.
"""
from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from build_scripts.data.loading import LoadedFile
from build_scripts.errors import Problem

CURRENT = 3
VERSIONS = MappingProxyType({
    1: "November 2026, the first schema",
    2: "1 December 2026: the codebook's themes, review dates, copy kinds, positions' events",
    3: "1 December 2026: relationship kinds defined in the codebook"})
PLACEHOLDER = "TODO:"
# The themes the code supplied before briefings defined their own codebook (December 2026).
THEMES_BEFORE_CODEBOOK = ("investment", "compute", "model-access", "agi", "governance", "restructuring", "talent",
                          "competition", "regulation", "litigation", "relationship")
KINDS_BEFORE_CODEBOOK = ("invested-in", "supplies", "competes-with", "can-block", "can-restrict", "partners-with",
                         "sued", "reviewed")
UNDEFINED = "Not defined in this revision of the data."


@dataclass
class Target:
    """How the steps change the data. ask: leave placeholders for a person (migrate) rather than the
    history's stand-ins; used: the codes the folder uses ({'themes': …, 'relations': …}), so migrate asks
    only about those (None: every code, as a single old file cannot tell); changes: what was done."""

    ask: bool = False
    used: Mapping[str, set[str]] | None = None
    changes: list[tuple[tuple, str]] = field(default_factory=list)
    new: Callable[[list], object] = dict  # how a new mapping is made (ruamel: CommentedMap)

    def answer(self, question: str, stand_in: object) -> object:
        """A placeholder asking the question, or the stand-in when nobody is there to answer."""
        return f"{PLACEHOLDER} {question}" if self.ask else stand_in

    def add(self, owner: dict, path: tuple, key: str, value: object, after: str | None, why: str) -> None:
        """Add key to owner (right after the key `after` when it is there), recording the change."""
        keys = list(owner)
        if after in keys and hasattr(owner, "insert"):
            owner.insert(keys.index(after) + 1, key, value)
        else:
            owner[key] = value
        self.changes.append((path + (key,), why))

    def keep(self, kind: str, codes: tuple[str, ...]) -> tuple[str, ...]:
        if self.used is None:
            return codes
        return tuple(code for code in codes if code in self.used.get(kind, set()))


def _items(data: Mapping, name: str) -> list[tuple[int, dict]]:
    return [(index, item) for index, item in enumerate(data.get(name) or []) if isinstance(item, dict)]


def _code(to: Target, kind: str, code_id: str, label: str) -> object:
    what = "theme" if kind == "themes" else "relationship kind"
    return to.new([("id", code_id), ("label", label),
                   ("definition", to.answer(f"define the {what} '{code_id}' in one sentence", UNDEFINED)),
                   ("apply_when", to.answer(f"say when a coder applies '{code_id}'", UNDEFINED))])


def codebook_themes(data: dict, to: Target) -> None:
    """Before the codebook: a `themes:` list of ids, or none (the code's own list)."""
    briefing = data.get("briefing")
    if not isinstance(briefing, dict) or "codebook" in briefing:
        return
    themes = briefing.pop("themes", None) or to.keep("themes", THEMES_BEFORE_CODEBOOK)
    codes = [_code(to, "themes", t, t.replace("-", " ").capitalize()) for t in themes if isinstance(t, str)]
    to.add(briefing, ("briefing",), "codebook", to.new([("themes", codes)]), None,
           "the themes became the codebook's, each with a label, a definition and when to apply it")


def last_reviewed(data: dict, to: Target) -> None:
    briefing = data.get("briefing")
    if isinstance(briefing, dict) and "last_reviewed" not in briefing and "as_of" in briefing:
        to.add(briefing, ("briefing",), "last_reviewed", copy.copy(briefing["as_of"]), "as_of",
               "set to the as-of date; change it to the day an editor last checked for news")


def copy_kinds(data: dict, to: Target) -> None:
    for index, source in _items(data, "sources"):
        copy = source.get("read_via")
        if isinstance(copy, dict) and "kind" not in copy:
            question = (f"what is {copy.get('name')}: syndication (an established partner), mirror (an "
                        "unaffiliated copy) or aggregator (rewrites others' stories)?")
            to.add(copy, ("sources", index, "read_via"), "kind", to.answer(question, "mirror"), "url",
                   "a copy says what kind of copy it is")


def position_events(data: dict, to: Target) -> None:
    for index, conflict in _items(data, "conflicts"):
        events = list(conflict.get("events") or [])
        for number, position in enumerate(conflict.get("positions") or []):
            if isinstance(position, dict) and events and "events" not in position:
                question = f"the events this position rests on (the conflict cites {', '.join(events)})"
                value = [to.answer(question, events[0])]
                to.add(position, ("conflicts", index, "positions", number), "events", value, "position",
                       "a position names the events it rests on")


def relation_kinds(data: dict, to: Target) -> None:
    """Before relationship kinds were the briefing's own: the code's fixed list."""
    briefing = data.get("briefing")
    book = briefing.get("codebook") if isinstance(briefing, dict) else None
    if isinstance(book, dict) and "relations" not in book:
        kinds = to.keep("relations", KINDS_BEFORE_CODEBOOK)
        if not kinds and to.used is not None:  # no relationship uses a kind: today's data may leave them out
            return
        to.add(book, ("briefing", "codebook"), "relations",
               [_code(to, "relations", k, k.replace("-", " ")) for k in kinds], None,
               "relationship kinds became the codebook's own")


STEPS: tuple[tuple[int, Callable[[dict, Target], None]], ...] = (  # (the version a step brings data to, step)
    (2, codebook_themes), (2, last_reviewed), (2, copy_kinds), (2, position_events), (3, relation_kinds))
# The top-level sections the steps read and change (tests/test_migrations.py checks every change lands in
# one): probing a folder copies only these, not its events and their passages.
STEP_SECTIONS = ("briefing", "sources", "conflicts")


def migrate(data: dict, to: Target | None = None) -> Target:
    """Bring one file's top-level mapping forward in place (a no-op for current data)."""
    to = to if to is not None else Target()
    for _, step in STEPS:
        step(data, to)
    return to


def schema_version(data: Mapping) -> int | None:
    """The version a file's briefing block declares (None: not said)."""
    briefing = data.get("briefing")
    value = briefing.get("schema_version") if isinstance(briefing, Mapping) else None
    return int(value) if isinstance(value, (int, str)) and str(value).isdigit() else None


def used_codes(documents: Iterable[dict]) -> dict[str, set[str]]:
    """The themes the folder's events use and the kinds its relationships use."""
    used: dict[str, set[str]] = {"themes": set(), "relations": set()}
    for data in documents:
        for event in data.get("events") or []:
            if isinstance(event, dict):
                used["themes"].update(str(t) for t in event.get("themes") or [])
        for relation in data.get("relationships") or []:
            if isinstance(relation, dict) and relation.get("kind"):
                used["relations"].add(str(relation["kind"]))
    return used


def pending_problems(files: list[LoadedFile], label: str) -> list[Problem]:
    """One line when the folder was written for an older schema (or a newer one), else none."""
    declared = [v for v in (schema_version(f.data) for f in files) if v is not None]
    version = declared[0] if declared else None
    first = next((f for f in files if "briefing" in f.data), files[0] if files else None)
    if first is None:
        return []
    if version is not None and version > CURRENT:
        return [first.problem(("briefing", "schema_version"), f"the data was written for schema {version}, newer "
                              f"than this code's ({CURRENT})", "update the code (git pull) before editing")]
    if version == CURRENT:
        return []
    probe = Target(used=used_codes(f.data for f in files))
    for file in files:
        migrate({key: copy.deepcopy(file.data[key]) for key in STEP_SECTIONS if key in file.data}, probe)
    if version is None and not probe.changes:
        return []
    was = version or 1
    return [first.problem(("briefing",), f"the data was written for an older schema (version {was}: "
                          f"{VERSIONS.get(was, 'unknown')}; today's is {CURRENT})",
                          f"run `make migrate DATA={label}` to bring it forward, then `make check`")]


def placeholders(files: list[LoadedFile]) -> list[Problem]:
    """Every `TODO: …` value `make migrate` left for a person to answer, one located line each."""
    found = []
    for file in files:
        for path, value in _placeholders_in(file.data, (), []):
            found.append(file.problem(path, f"waiting for an answer: {value[len(PLACEHOLDER):].strip()}",
                                      "replace the TODO with the answer"))
    return found


def _placeholders_in(value: dict | list, path: tuple, found: list[tuple[tuple, str]]) -> list[tuple[tuple, str]]:
    """The (path, text) of every placeholder under value, in the file's order (a path is made only for
    what is found: the walk visits every value of the folder)."""
    for key, inner in value.items() if isinstance(value, dict) else enumerate(value):
        if isinstance(inner, str):
            if inner.startswith(PLACEHOLDER):
                found.append((path + (key,), inner))
        elif isinstance(inner, (dict, list)):
            _placeholders_in(inner, path + (key,), found)
    return found
