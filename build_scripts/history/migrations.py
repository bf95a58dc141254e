"""Reading data written for an older schema: each step brings one file's raw data forward, so the Updates
page and `diff` can compare revisions from before a schema change with today's. Pure; no I/O."""
from __future__ import annotations

# The themes the code supplied before briefings defined their own codebook (December 2026).
THEMES_BEFORE_CODEBOOK = ("investment", "compute", "model-access", "agi", "governance", "restructuring", "talent",
                          "competition", "regulation", "litigation", "relationship")
KINDS_BEFORE_CODEBOOK = ("invested-in", "supplies", "competes-with", "can-block", "can-restrict", "partners-with",
                         "sued", "reviewed")
UNDEFINED = "Not defined in this revision of the data."


def migrate(data: dict) -> None:
    """Bring one file's top-level mapping forward in place (a no-op for current data)."""
    briefing = data.get("briefing")
    if isinstance(briefing, dict):
        _codebook(briefing)
        briefing.setdefault("last_reviewed", briefing.get("as_of"))
    for source in _items(data, "sources"):
        if isinstance(source.get("read_via"), dict):
            source["read_via"].setdefault("kind", "mirror")
    for conflict in _items(data, "conflicts"):
        for position in conflict.get("positions") or []:
            if isinstance(position, dict) and conflict.get("events"):
                position.setdefault("events", list(conflict["events"])[:1])


def _items(data: dict, name: str) -> list[dict]:
    return [item for item in data.get(name) or [] if isinstance(item, dict)]


def _code(code_id: str) -> dict:
    return {"id": code_id, "label": code_id.replace("-", " ").capitalize(), "definition": UNDEFINED,
            "apply_when": UNDEFINED}


def _codebook(briefing: dict) -> None:
    """Before the codebook: a `themes:` list of ids (or the code's own list). Before relationship kinds
    were the briefing's own: the code's fixed list (all of it, as relationships may sit in another file)."""
    if "codebook" not in briefing:
        themes = briefing.pop("themes", None) or THEMES_BEFORE_CODEBOOK
        briefing["codebook"] = {"themes": [_code(t) for t in themes if isinstance(t, str)]}
    book = briefing["codebook"]
    if isinstance(book, dict) and "relations" not in book:
        book["relations"] = [{**_code(kind), "label": kind.replace("-", " ")} for kind in KINDS_BEFORE_CODEBOOK]
