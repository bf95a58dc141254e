"""Checks on the corrections recorded on items: the fields a correction names are the item's own. Pure."""
from __future__ import annotations

from build_scripts.data.loading import Positions
from build_scripts.errors import Problem


def correction_problems(items: dict[str, list], positions: Positions) -> list[Problem]:
    """An error, located, for each field a correction names that its item does not have."""
    problems = []
    for collection in items.values():
        for item in collection:
            known = {f.alias or n for n, f in type(item).model_fields.items()} - {"corrections"}
            for index, correction in enumerate(getattr(item, "corrections", ())):
                for name in (n for n in correction.fields if n not in known):
                    file, path = positions[id(item)]
                    problems.append(file.problem(path + ("corrections", index, "fields"),
                                                 f"a correction names '{name}', not a field of this item",
                                                 f"name the fields it corrected: {', '.join(sorted(known))}"))
    return problems
