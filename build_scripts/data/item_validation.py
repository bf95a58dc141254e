"""Validating items one at a time, with the editor-facing wording of pydantic's errors.

Within one process (`mkdocs serve`, the `site` command and its hook), a file whose bytes did not
change gives back its earlier result, and an item whose text did not change gives back the very
same model object, so later stages can tell what is unchanged. The cache is the build session's
(ItemCache, held by the session's LoadCache); without one (reading old versions of the data for history) every item is
validated from scratch.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from build_scripts.data.dates import EXAMPLES
from build_scripts.data.fields import ONE_LINE
from build_scripts.data.loading import LoadedFile, suggest
from build_scripts.data.model import COLLECTIONS, BriefingInfo, CitationEntry
from build_scripts.errors import Problem


@dataclass
class ItemCache:
    """Validated items by their text, so an unchanged item comes back as the very same object."""

    items: dict[tuple[str, str], BaseModel] = field(default_factory=dict)  # (model, repr of the item) -> object
    in_use: set[int] = field(default_factory=set)  # handed out this run (two identical items get two objects)
    files: dict[str, tuple[str, FileItems]] = field(default_factory=dict)  # file name -> (digest, its validated items)
    asked: dict[str, tuple[str, list[Problem]]] = field(default_factory=dict)  # file name -> (digest, its placeholders)


FIELD_HINTS = MappingProxyType({
    "currency": "an ISO 4217 code such as USD",
    "date": f"write it like {EXAMPLES}",
    "until": f"write it like {EXAMPLES}",
    "reported_on": f"write it like {EXAMPLES}",
    "last_reviewed": f"write it like {EXAMPLES}",
    "as_of": f"write it like {EXAMPLES}",
    "id": "choose another id",
    "email": "write the address like corrections@example.org",
    "corrections_contact": "give an email, a url, or both: where readers send corrections",
})
ID_HINT = "ids use lowercase letters, digits and single hyphens, like `alpha-corp` or `2019-07-first-investment`"


def _field_names(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def _clean_loc(loc: tuple) -> tuple:
    return tuple(p for p in loc if isinstance(p, int) or (isinstance(p, str) and "[" not in p and "-" not in p[:9]))


def _describe(err: ErrorDetails, model: type[BaseModel]) -> tuple[str, str]:
    kind, ctx = err["type"], err.get("ctx", {})
    field = next((p for p in reversed(err["loc"]) if isinstance(p, str)), "")
    if kind == "missing":
        return "is required but missing", "add it" + (f": {FIELD_HINTS[field]}" if field in FIELD_HINTS else "")
    if kind == "extra_forbidden":
        name = str(err["loc"][-1])
        model = CitationEntry if "as-mapping" in err["loc"] else model
        hint = suggest(name, _field_names(model)) or "allowed: " + ", ".join(_field_names(model))
        return f"unknown field '{name}'", hint
    if kind == "enum":
        return f"expected one of {ctx.get('expected')} but received {err['input']!r}", "use one of the listed values"
    if kind == "string_pattern_mismatch":
        if "a-z0-9" in str(ctx.get("pattern")):
            return f"'{err['input']}' is not a safe id", ID_HINT
        if "https?" in str(ctx.get("pattern")):
            if str(err["input"]).startswith(("http://", "https://")):
                return f"'{err['input']}' contains spaces, quotes or angle brackets", \
                    "copy the address from the browser's address bar, where they are encoded"
            return f"'{err['input']}' is not an http(s) address", "links must start with https:// or http://"
        if ctx.get("pattern") == ONE_LINE:
            return "is written on more than one line", "write it on one line"
        return f"'{err['input']}' does not have the expected form", f"it must match {ctx.get('pattern')}"
    if kind == "string_too_short" and ctx.get("min_length") == 1:
        return "is empty", "write it, or leave out a field that is optional"
    if kind == "greater_than":
        return f"must be greater than {ctx.get('gt'):g}, but received {err['input']!r}", \
            "amounts are positive; say what the money is for in the label"
    message = err["msg"].removeprefix("Value error, ")
    if kind == "value_error":
        return message, FIELD_HINTS.get(field, "see the editors' guide for this field")
    if kind in ("string_type", "list_type", "dict_type", "model_type", "float_parsing", "bool_parsing"):
        return f"{message}, but received {err['input']!r}", "check the value's form"
    return message, ""


def validate_item(file: LoadedFile, path: tuple, model: type[BaseModel], raw, problems: list[Problem],
                  cache: ItemCache | None = None):
    """Validate one item. With a cache, an item whose text did not change since the last run gives
    back the very same object."""
    if cache is None:
        return _validate_fresh(file, path, model, raw, problems)
    key = (model.__name__, repr(raw))  # plain dicts, lists and strings: repr is exact and fast
    cached = cache.items.get(key)
    if cached is not None and id(cached) not in cache.in_use:
        cache.in_use.add(id(cached))
        return cached
    item = _validate_fresh(file, path, model, raw, problems)
    if item is not None:
        cache.items[key] = item
        cache.in_use.add(id(item))
    return item


def _validate_fresh(file: LoadedFile, path: tuple, model: type[BaseModel], raw, problems: list[Problem]):
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        for err in exc.errors():
            message, hint = _describe(err, model)
            problems.append(file.problem(path + _clean_loc(err["loc"]), message, hint))
        return None


@dataclass
class FileItems:
    """What one file holds once each item is validated on its own (cached by the file's bytes)."""

    infos: list = field(default_factory=list)
    items: dict[str, list] = field(default_factory=dict)
    positions: dict[int, tuple[LoadedFile, tuple]] = field(default_factory=dict)
    broken: list[tuple[str, dict, tuple]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def start_run(cache: ItemCache) -> None:
    """A new validation of the current data begins: no object has been handed out yet."""
    cache.in_use.clear()


def reserve_unchanged(files: list[LoadedFile], cache: ItemCache) -> None:
    """The objects of files whose bytes did not change are theirs again this run: an identical item in
    a changed file (an item with no id, say) must get an object of its own, not one of theirs."""
    for file in files:
        cached = cache.files.get(file.name)
        if cached and file.digest and cached[0] == file.digest:
            held = cached[1]
            cache.in_use.update(id(item) for values in (*held.items.values(), held.infos) for item in values)


def validate_file(file: LoadedFile, cache: ItemCache | None = None) -> FileItems:
    """Every item of one file, validated on its own; with a cache, unchanged bytes give the last result."""
    cached = cache.files.get(file.name) if cache is not None else None
    if cached and file.digest and cached[0] == file.digest:
        return cached[1]
    result = _validate_file(file, cache)
    if cache is not None:
        cache.files[file.name] = (file.digest, result)
    return result


def _validate_file(file: LoadedFile, cache: ItemCache | None) -> FileItems:
    out = FileItems(items={name: [] for name in COLLECTIONS})
    problems = out.problems
    for key, value in file.data.items():
        if key == "briefing":
            info = validate_item(file, ("briefing",), BriefingInfo, value, problems, cache)
            if info is not None:
                out.infos.append(info)
                out.positions[id(info)] = (file, ("briefing",))
            continue
        if key not in COLLECTIONS:
            hint = suggest(key, [*COLLECTIONS, "briefing"]) or "allowed: briefing, " + ", ".join(COLLECTIONS)
            problems.append(file.problem((key,), f"unknown collection '{key}'", hint))
            continue
        if not isinstance(value, list):
            problems.append(file.problem((key,), "expected a list of items (each starting with '- ')",
                                         "indent the items under the key, each beginning with '- '"))
            continue
        for index, raw in enumerate(value):
            item = validate_item(file, (key, index), COLLECTIONS[key], raw, problems, cache)
            if item is None and isinstance(raw, dict):
                out.broken.append((key, raw, (file, (key, index))))
            if item is not None:
                out.items[key].append(item)
                out.positions[id(item)] = (file, (key, index))
    return out


def prune_items(cache: ItemCache, items: dict[str, list], info) -> None:
    """Keep only the objects of this run in the item cache, so it never outgrows the data."""
    live = {id(i) for values in items.values() for i in values} | {id(info)}
    for key in [k for k, v in cache.items.items() if id(v) not in live]:
        del cache.items[key]


