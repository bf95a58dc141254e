"""Where each item is written: its file and line, from the loader's positions (for readers' links to the
data behind a fact). Pure."""
from __future__ import annotations

from dataclasses import dataclass

from build_scripts.data.loading import Positions


@dataclass(frozen=True)
class Place:
    """An item's file (its name in the data folder) and the line of its first key."""

    file: str
    line: int


def item_places(items: dict[str, list], positions: Positions) -> dict[tuple[str, str], Place]:
    """(collection, id) -> Place, for every item with an id."""
    places = {}
    for name, collection in items.items():
        for item in collection:
            if getattr(item, "id", None) is None or id(item) not in positions:
                continue
            file, path = positions[id(item)]
            places[(name, item.id)] = Place(file.name.rsplit("/", 1)[-1], file.where(path)[0])
    return places
