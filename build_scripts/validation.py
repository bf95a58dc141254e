"""Validation: from loaded files to a Briefing, reporting every problem at once.

Per-item checks are the model's (types, required and unknown fields, vocabularies); this
module adds what needs the whole picture: unique ids across files, every reference resolves,
and nothing is dated after the briefing's as-of date.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from pydantic import BaseModel, ValidationError

from .errors import DataError, Problem
from .loading import LoadedFile, format_path, suggest
from .dates import EXAMPLES
from .editorial import cross_fact_warnings, review_warnings, split_drafts
from .model import COLLECTIONS, Briefing, BriefingInfo

FIELD_HINTS = {
    "currency": "an ISO 4217 code such as USD",
    "date": f"write it like {EXAMPLES}",
    "until": f"write it like {EXAMPLES}",
    "reported_on": f"write it like {EXAMPLES}",
    "last_reviewed": f"write it like {EXAMPLES}",
    "as_of": f"write it like {EXAMPLES}",
    "id": "choose another id",
}
ID_HINT = "ids use lowercase letters, digits and single hyphens, like `openai` or `2019-07-first-investment`"


def _field_names(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def _clean_loc(loc: tuple) -> tuple:
    return tuple(p for p in loc if isinstance(p, int) or (isinstance(p, str) and "[" not in p and "-" not in p[:9]))


def _describe(err: dict, model: type[BaseModel]) -> tuple[str, str]:
    kind, ctx = err["type"], err.get("ctx", {})
    field = next((p for p in reversed(err["loc"]) if isinstance(p, str)), "")
    if kind == "missing":
        return "is required but missing", "add it" + (f": {FIELD_HINTS[field]}" if field in FIELD_HINTS else "")
    if kind == "extra_forbidden":
        name = str(err["loc"][-1])
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
        return f"'{err['input']}' does not have the expected form", f"it must match {ctx.get('pattern')}"
    if kind == "greater_than":
        return f"must be greater than {ctx.get('gt'):g}, but received {err['input']!r}", \
            "amounts are positive; say what the money is for in the label"
    message = err["msg"].removeprefix("Value error, ")
    if kind == "value_error":
        return message, FIELD_HINTS.get(field, "see the editors' guide for this field")
    if kind in ("string_type", "list_type", "dict_type", "model_type", "float_parsing", "bool_parsing"):
        return f"{message}, but received {err['input']!r}", "check the value's form"
    return message, ""


_ITEMS: dict[tuple[str, str], BaseModel] = {}  # (model, item as JSON) -> the model object built from it


def _validate_item(file: LoadedFile, path: tuple, model: type[BaseModel], raw, problems: list[Problem]):
    """Validate one item. An item whose text did not change since the last run (in this process)
    gives back the very same object, so later stages can tell what is unchanged (`mkdocs serve`)."""
    if not _REUSE[0]:
        return _validate_fresh(file, path, model, raw, problems)
    key = (model.__name__, json.dumps(raw, sort_keys=True))
    cached = _ITEMS.get(key)
    if cached is not None and id(cached) not in _IN_USE:
        _IN_USE.add(id(cached))
        return cached
    item = _validate_fresh(file, path, model, raw, problems)
    if item is not None:
        _ITEMS[key] = item
        _IN_USE.add(id(item))
    return item


_IN_USE: set[int] = set()  # objects handed out in the current run (two identical items get two objects)


def _validate_fresh(file: LoadedFile, path: tuple, model: type[BaseModel], raw, problems: list[Problem]):
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        for err in exc.errors():
            full = path + _clean_loc(err["loc"])
            line, column = file.where(full)
            message, hint = _describe(err, model)
            problems.append(Problem(file.name, line, column, format_path(full), message, hint))
        return None


@dataclass
class FileItems:
    """What one file holds once each item is validated on its own (cached by the file's bytes)."""

    infos: list = field(default_factory=list)
    items: dict[str, list] = field(default_factory=dict)
    origins: dict[int, tuple[LoadedFile, tuple]] = field(default_factory=dict)
    broken: list[tuple[str, dict, tuple]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


_VALIDATED: dict[str, tuple[str, FileItems]] = {}


def _collect(files: list[LoadedFile], problems: list[Problem]):
    """Validate every item of every collection, remembering where each item came from."""
    items: dict[str, list] = {name: [] for name in COLLECTIONS}
    origins: dict[int, tuple[LoadedFile, tuple]] = {}
    info = None
    broken: list[tuple[str, dict, tuple]] = []  # items that failed validation, still checked for references
    for file in files:
        cached = _VALIDATED.get(file.name) if _REUSE[0] else None
        if cached and file.digest and cached[0] == file.digest:
            result = cached[1]
        else:
            result = _validate_file(file)
            if _REUSE[0]:
                _VALIDATED[file.name] = (file.digest, result)
        problems.extend(result.problems)
        for name, values in result.items.items():
            items[name].extend(values)
        origins.update(result.origins)
        broken.extend(result.broken)
        for candidate in result.infos:
            if info is not None:
                line, column = file.where(("briefing",))
                problems.append(Problem(file.name, line, column, "briefing", "the briefing is described twice",
                                        "keep one 'briefing:' block across all files"))
            else:
                info = candidate
    return info, items, origins, broken


def _validate_file(file: LoadedFile) -> FileItems:
    out = FileItems(items={name: [] for name in COLLECTIONS})
    problems = out.problems
    for key, value in file.data.items():
        line, column = file.where((key,))
        if key == "briefing":
            info = _validate_item(file, ("briefing",), BriefingInfo, value, problems)
            if info is not None:
                out.infos.append(info)
                out.origins[id(info)] = (file, ("briefing",))
            continue
        if key not in COLLECTIONS:
            hint = suggest(key, [*COLLECTIONS, "briefing"]) or "allowed: briefing, " + ", ".join(COLLECTIONS)
            problems.append(Problem(file.name, line, column, key, f"unknown collection '{key}'", hint))
            continue
        if not isinstance(value, list):
            problems.append(Problem(file.name, line, column, key, "expected a list of items (each starting with '- ')",
                                    "indent the items under the key, each beginning with '- '"))
            continue
        for index, raw in enumerate(value):
            item = _validate_item(file, (key, index), COLLECTIONS[key], raw, problems)
            if item is None and isinstance(raw, dict):
                out.broken.append((key, raw, (file, (key, index))))
            if item is not None:
                out.items[key].append(item)
                out.origins[id(item)] = (file, (key, index))
    return out


TARGET_NAMES = {"themes": "briefing.themes"}
REFERENCES = {  # collection -> [(field, target collections)]
    "organisations": [("sources", ("sources",))],
    "people": [("organisations", ("organisations",)), ("sources", ("sources",))],
    "events": [("actors", ("people", "organisations")), ("sources", ("sources",)), ("themes", ("themes",))],
    "claims": [("reported_by", ("sources",)), ("sources", ("sources",)), ("events", ("events",)),
               ("superseded_by", ("events",)), ("correction_sources", ("sources",))],
    "conflicts": [("events", ("events",)), ("claims", ("claims",))],
    "leverage": [("holder", ("people", "organisations")), ("over", ("people", "organisations")),
                 ("sources", ("sources",)), ("claims", ("claims",)), ("events", ("events",)),
                 ("superseded_by", ("events",))],
    "quotes": [("speaker", ("people", "organisations")), ("source", ("sources",)), ("event", ("events",))],
    "relationships": [("source_party", ("people", "organisations")), ("target_party", ("people", "organisations")),
                      ("sources", ("sources",))],
}
NESTED = {"conflicts": [("positions", [("party", ("people", "organisations")), ("sources", ("sources",))])]}
INFO_REFERENCES = [("summary_events", ("events",)), ("seed_source", ("sources",))]


def _known(ids: dict[str, set[str]], targets: tuple[str, ...]) -> set[str]:
    """The ids of the target collections, united once per set of targets (ids never change after
    _check_ids, and a per-item union would make validation quadratic)."""
    key = ("__union__",) + targets
    if key not in ids:
        ids[key] = set().union(*(ids[t] for t in targets)) if len(targets) > 1 else ids[targets[0]]
    return ids[key]


def _report_unknown(value, name: str, targets, ids, origin, problems, base: tuple = ()) -> None:
    """Report each id in value (one id or a list) that is not among the target collections' ids."""
    file, path = origin
    values = value if isinstance(value, (list, tuple)) else [value]
    known = _known(ids, targets)
    for index, ref in enumerate(values):
        if not isinstance(ref, str) or ref in known:
            continue
        loc = path + base + (name,) + ((index,) if isinstance(value, (list, tuple)) else ())
        line, column = file.where(loc)
        where = " or ".join(TARGET_NAMES.get(t, t) for t in targets)
        hint = suggest(ref, known) or f"add it to {where}, or fix the id"
        problems.append(Problem(file.name, line, column, format_path(loc), f"'{ref}' is not a known id in {where}", hint))


def _check_refs(obj: BaseModel, fields, ids, origin, problems, base: tuple = ()) -> None:
    for attr, targets in fields:
        name = type(obj).model_fields[attr].alias or attr
        _report_unknown(getattr(obj, attr), name, targets, ids, origin, problems, base)


def _prune_items(items: dict[str, list], info) -> None:
    """Keep only the objects of this run in the item cache, so it never outgrows the data."""
    live = {id(i) for values in items.values() for i in values} | {id(info)}
    for key in [k for k, v in _ITEMS.items() if id(v) not in live]:
        del _ITEMS[key]


def _check_raw_refs(model, raw: dict, fields, ids, origin, problems) -> None:
    """References inside an item that failed validation, so one run reports everything."""
    for attr, targets in fields:
        name = model.model_fields[attr].alias or attr
        _report_unknown(raw.get(name), name, targets, ids, origin, problems)


def _check_ids(items, origins, problems) -> dict[str, set[str]]:
    seen: dict[str, tuple] = {}
    ids: dict[str, set[str]] = {name: set() for name in COLLECTIONS}
    for name, collection in items.items():
        if name == "relationships":
            continue
        for item in collection:
            file, path = origins[id(item)]
            if item.id in seen:
                other_file, other_path = seen[item.id]
                line, column = file.where(path + ("id",))
                other_line = other_file.where(other_path + ("id",))[0]
                problems.append(Problem(file.name, line, column, format_path(path + ("id",)),
                                        f"the id '{item.id}' is already used at {other_file.name}:{other_line}",
                                        "every id must be unique across all data files"))
                continue
            seen[item.id] = (file, path)
            ids[name].add(item.id)
    return ids


def _check_dates(info: BriefingInfo, items, origins, problems) -> None:
    limit = info.as_of.end
    for name in ("events", "quotes", "sources", "claims"):
        for item in items[name]:
            for attr in ("date", "until", "reported_on"):
                value = getattr(item, attr, None)
                if value is not None and value.start > limit:
                    file, path = origins[id(item)]
                    line, column = file.where(path + (attr,))
                    problems.append(Problem(file.name, line, column, format_path(path + (attr,)),
                                            f"{value} is after the briefing's as-of date {info.as_of}",
                                            "correct the date, or move briefing.as_of forward"))


@dataclass
class Report:
    """A valid briefing, with what an editor should still look at."""

    briefing: Briefing
    warnings: list[Problem] = field(default_factory=list)
    drafts: list[Problem] = field(default_factory=list)


def validate(files: list[LoadedFile], problems: list[Problem], reuse: bool = True) -> Briefing:
    """Turn loaded files into a Briefing, or raise DataError listing every problem.
    reuse=False validates from scratch and leaves the caches of the current data alone (history)."""
    return validate_report(files, problems, reuse).briefing


def validate_report(files: list[LoadedFile], problems: list[Problem], reuse: bool = True) -> Report:
    _REUSE[0] = reuse
    try:
        return _validate_report(files, problems)
    finally:
        _REUSE[0] = True


_REUSE = [True]


def _validate_report(files: list[LoadedFile], problems: list[Problem]) -> Report:
    if _REUSE[0]:
        _IN_USE.clear()
    info, items, origins, broken = _collect(files, problems)
    if _REUSE[0]:
        _prune_items(items, info)
    if info is None and not any(p.field.startswith("briefing") for p in problems):
        first = files[0].name if files else "data"
        problems.append(Problem(first, 1, 1, "briefing", "no 'briefing:' block was found",
                                "add one with title, description, as_of, summary and takeaways"))
    ids = _check_ids(items, origins, problems)
    ids["themes"] = set(info.themes) if info is not None else set()
    for name, raw, _ in broken:  # a broken item still exists: references to it are not errors too
        if isinstance(raw.get("id"), str):
            ids[name].add(raw["id"])
    for name, raw, origin in broken:
        _check_raw_refs(COLLECTIONS[name], raw, REFERENCES.get(name, []), ids, origin, problems)
    for name, fields in REFERENCES.items():
        for item in items[name]:
            _check_refs(item, fields, ids, origins[id(item)], problems)
    for name, nested in NESTED.items():
        for item in items[name]:
            for attr, fields in nested:
                for index, part in enumerate(getattr(item, attr)):
                    _check_refs(part, fields, ids, origins[id(item)], problems, (attr, index))
    if info is not None:
        _check_refs(info, INFO_REFERENCES, ids, origins[id(info)], problems)
        for index, takeaway in enumerate(info.takeaways):
            _check_refs(takeaway, [("events", ("events",))], ids, origins[id(info)], problems, ("takeaways", index))
        _check_dates(info, items, origins, problems)
    drafts = split_drafts(items, origins, REFERENCES, problems)
    if problems:
        raise DataError(problems)
    warnings = sorted(review_warnings(info, items, origins) + cross_fact_warnings(items, origins))
    return Report(Briefing(info=info, **{name: tuple(values) for name, values in items.items()}), warnings, drafts)


def load_briefing(data_dir, label: str | None = None) -> Briefing:
    """Read and validate a data folder: the pipeline's single entry point for data."""
    return load_report(data_dir, label).briefing


def load_report(data_dir, label: str | None = None) -> Report:
    """The briefing with its warnings and drafts (raises DataError with every problem)."""
    from .loading import read_data_dir

    files, problems = read_data_dir(data_dir, label)
    key = (str(data_dir), tuple((f.name, f.digest) for f in files))
    if not problems and _LAST.get("key") == key:
        return _LAST["report"]  # the same bytes: the very same Briefing (lets later stages reuse work)
    report = validate_report(files, problems)
    _LAST.update(key=key, report=report)
    return report


_LAST: dict = {}

