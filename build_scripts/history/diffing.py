"""What changed in a briefing between two versions of its data (pure; the CLI reads git)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from types import MappingProxyType

from build_scripts.data.fields import Strict
from build_scripts.data.model import Briefing, Claim, Conflict, Event, Leverage, Organisation, Person, Quote, Source

LABELS = MappingProxyType({"events": "Event", "sources": "Source", "claims": "Claim", "conflicts": "Point of conflict",
          "leverage": "Leverage item", "people": "Person", "organisations": "Organisation", "quotes": "Quote"})
TRACKED = ("events", "sources", "claims", "conflicts", "leverage", "people", "organisations", "quotes")
# an item of a TRACKED collection
Tracked = Event | Source | Claim | Conflict | Leverage | Person | Organisation | Quote


@dataclass
class CollectionChanges:
    added: list[Tracked] = field(default_factory=list)
    removed: list[Tracked] = field(default_factory=list)
    changed: list[tuple[Tracked, list[str]]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


def _dump(item: Strict) -> dict:
    return item.model_dump(mode="json", by_alias=True)


def compare_collection(old: Iterable[Tracked], new: Iterable[Tracked]) -> CollectionChanges:
    before, after = {i.id: i for i in old}, {i.id: i for i in new}
    changes = CollectionChanges(
        added=[after[k] for k in sorted(after.keys() - before.keys())],
        removed=[before[k] for k in sorted(before.keys() - after.keys())],
    )
    for key in sorted(before.keys() & after.keys()):
        a, b = _dump(before[key]), _dump(after[key])
        fields = [name for name in b if a.get(name) != b.get(name)]
        if fields:
            changes.changed.append((after[key], fields))
    return changes


def compare(old: Briefing, new: Briefing) -> dict[str, CollectionChanges]:
    return {name: compare_collection(getattr(old, name), getattr(new, name)) for name in TRACKED}


def item_label(item: Tracked) -> str:
    """How a change names an item: its title, name, text or (a source without a known headline) subject,
    else its id."""
    for attr in ("title", "name", "text", "subject"):
        value = getattr(item, attr, None)
        if value:
            return str(value)
    return item.id


def _date(item: Tracked) -> str:
    date = getattr(item, "date", None)
    return f"{date.label}: " if date else ""


def format_markdown(changes: dict[str, CollectionChanges], old: Briefing, new: Briefing, title: str) -> str:
    lines = [f"## {title}", ""]
    counts = [f"{name}: {len(c.added)} added, {len(c.changed)} changed, {len(c.removed)} removed"
              for name, c in changes.items() if c]
    if old.info != new.info:
        fields = [k for k, v in _dump(new.info).items() if _dump(old.info).get(k) != v]
        counts.insert(0, f"briefing: {', '.join(fields)} changed")
    if not counts:
        return "\n".join(lines + ["No change to the briefing's data.", ""])
    lines += [f"- {line}" for line in counts] + [""]
    for name, change in changes.items():
        for verb, items in (("added", change.added), ("removed", change.removed)):
            if items:
                lines += [f"### {name.capitalize()} {verb}", ""]
                lines += [f"- {_date(i)}{item_label(i)} (`{i.id}`)" for i in items] + [""]
        if change.changed:
            lines += [f"### {name.capitalize()} changed", ""]
            lines += [f"- {item_label(i)} (`{i.id}`): {', '.join(fields)}" for i, fields in change.changed] + [""]
    return "\n".join(lines)
