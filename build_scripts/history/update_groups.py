"""A day of the Updates page, read by kind of change (pure): its corrections first, as they matter most to a
reader, then what was added, removed or updated, then the changes to sources. Each group is headed by what
it holds and how many; a long one is folded away behind its count. Every entry of the day is in exactly one
group, in the day's order.
"""
from __future__ import annotations

from dataclasses import dataclass

from build_scripts.history.changes import Change

FOLD_ABOVE = 10  # a group with more entries than this is shown folded, behind its count


@dataclass(frozen=True)
class GroupKind:
    """One kind of change: its key (for anchors), its heading's words, and what its entries are called (a
    group is folded only above FOLD_ABOVE entries, so only the plural is ever shown)."""

    key: str
    title: str
    many: str


# The groups' order on the page. Which group a change is in: group_key().
KINDS = (
    GroupKind("corrections", "Corrections", "corrections"),
    GroupKind("added", "Added", "additions"),
    GroupKind("removed", "Removed", "removals"),
    GroupKind("updated", "Updated", "updates"),
    GroupKind("sources", "Changes to sources", "changes to sources"),
)


def group_key(change: Change) -> str:
    """A correction is a correction whatever it corrects; the sources' other changes are together; the rest
    go by what happened to the item: added, removed or updated."""
    if change.verb == "corrected":
        return "corrections"
    if change.kind == "sources":
        return "sources"
    return change.verb if change.verb in ("added", "removed") else "updated"


@dataclass(frozen=True)
class ChangeGroup:
    kind: GroupKind
    changes: tuple[Change, ...]

    @property
    def key(self) -> str:
        return self.kind.key

    @property
    def heading(self) -> str:
        """'Corrections (3)'."""
        return f"{self.kind.title} ({len(self.changes)})"

    @property
    def folded(self) -> bool:
        return len(self.changes) > FOLD_ABOVE

    @property
    def summary(self) -> str:
        """What a folded group's summary says: 'Show the 12 corrections'."""
        return f"Show the {len(self.changes)} {self.kind.many}"


def group_changes(changes: tuple[Change, ...]) -> tuple[ChangeGroup, ...]:
    """The day's changes by kind, in KINDS' order, each group in the day's order; no empty group."""
    found: dict[str, list[Change]] = {kind.key: [] for kind in KINDS}
    for change in changes:
        found[group_key(change)].append(change)
    return tuple(ChangeGroup(kind, tuple(found[kind.key])) for kind in KINDS if found[kind.key])
