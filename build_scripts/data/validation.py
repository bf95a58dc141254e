"""Validation: from loaded files to a Briefing, reporting every problem at once.

Per-item checks are the model's (types, required and unknown fields, vocabularies); this
module adds what needs the whole picture: unique ids across files, every reference resolves,
and nothing is dated after the briefing's as-of date.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from pydantic import BaseModel

from build_scripts.collector import collector_paused
from build_scripts.config import build_date_from_env
from build_scripts.data.acknowledgements import Sorted, sort_warnings
from build_scripts.data.corrections import correction_problems
from build_scripts.data.editorial import cross_fact_warnings, masthead_warnings, review_warnings, split_drafts
from build_scripts.data.evidence import passage_problems
from build_scripts.data.fields import INFO_REFERENCES, NESTED, REFERENCES
from build_scripts.data.item_validation import ItemCache, prune_items, reserve_unchanged, start_run, validate_file
from build_scripts.data.loading import LoadedFile, Positions, suggest
from build_scripts.data.migrations import pending_problems, placeholders
from build_scripts.data.model import COLLECTIONS, Briefing, BriefingInfo, Review
from build_scripts.data.places import Place, item_places
from build_scripts.data.trust import (
    codebook_problems,
    currency_problems,
    figure_problems,
    in_force_problems,
    provenance_problems,
    status_problems,
)
from build_scripts.errors import DataError, Problem


def _collect(files: list[LoadedFile], problems: list[Problem], cache: ItemCache | None):
    """Validate every item of every collection, remembering where each item came from."""
    items: dict[str, list] = {name: [] for name in COLLECTIONS}
    positions: dict[int, tuple[LoadedFile, tuple]] = {}
    info = None
    broken: list[tuple[str, dict, tuple]] = []  # items that failed validation, still checked for references
    for file in files:
        result = validate_file(file, cache)
        problems.extend(result.problems)
        for name, values in result.items.items():
            items[name].extend(values)
        positions.update(result.positions)
        broken.extend(result.broken)
        for candidate in result.infos:
            if info is not None:
                problems.append(file.problem(("briefing",), "the briefing is described twice",
                                             "keep one 'briefing:' block across all files"))
            else:
                info = candidate
    return info, items, positions, broken


TARGET_NAMES = MappingProxyType({"themes": "the codebook's themes (briefing.codebook.themes)",
                "relations": "the codebook's relations (briefing.codebook.relations)"})


class KnownIds(dict[str, set[str]]):
    """Collection name -> its ids, and the union of several collections' ids, each made once
    (references are checked only after every id is known; a union per item would be quadratic)."""

    def among(self, targets: tuple[str, ...]) -> set[str]:
        unions: dict[tuple[str, ...], set[str]] = self.__dict__.setdefault("unions", {})
        if targets not in unions:
            unions[targets] = set().union(*(self[t] for t in targets))
        return unions[targets]


def _report_unknown(value, name: str, targets, ids, origin, problems, base: tuple = ()) -> None:
    """Report each id in value (one id or a list) that is not among the target collections' ids."""
    file, path = origin
    values = value if isinstance(value, (list, tuple)) else [value]
    known = ids.among(targets)
    for index, ref in enumerate(values):
        if not isinstance(ref, str) or ref in known:
            continue
        loc = path + base + (name,) + ((index,) if isinstance(value, (list, tuple)) else ())
        where = " or ".join(TARGET_NAMES.get(t, t) for t in targets)
        hint = suggest(ref, known) or f"add it to {where}, or fix the id"
        problems.append(file.problem(loc, f"'{ref}' is not a known id in {where}", hint))


def _check_refs(obj: BaseModel, fields, ids, origin, problems, base: tuple = ()) -> None:
    for attr, targets in fields:
        name = type(obj).model_fields[attr].alias or attr
        _report_unknown(getattr(obj, attr), name, targets, ids, origin, problems, base)

def _check_raw_refs(model, raw: dict, fields, ids, origin, problems) -> None:
    """References inside an item that failed validation, so one run reports everything."""
    for attr, targets in fields:
        name = model.model_fields[attr].alias or attr
        _report_unknown(raw.get(name), name, targets, ids, origin, problems)


def _check_references(info: BriefingInfo | None, items: dict[str, list], positions: Positions, broken: list,
                      ids: KnownIds, problems: list[Problem]) -> None:
    """Every reference names a known id, in the items that failed validation too (one run reports everything)."""
    for name, raw, origin in broken:
        _check_raw_refs(COLLECTIONS[name], raw, REFERENCES.get(name, []), ids, origin, problems)
    for name, fields in REFERENCES.items():
        for item in items[name]:
            _check_refs(item, fields, ids, positions[id(item)], problems)
    for name, nested in NESTED.items():
        for item in items[name]:
            for attr, fields in nested:
                for index, part in enumerate(getattr(item, attr)):
                    _check_refs(part, fields, ids, positions[id(item)], problems, (attr, index))
    if info is not None:
        _check_refs(info, INFO_REFERENCES, ids, positions[id(info)], problems)
        for index, takeaway in enumerate(info.takeaways):
            _check_refs(takeaway, [("events", ("events",))], ids, positions[id(info)], problems, ("takeaways", index))


def _check_ids(items, positions, problems) -> KnownIds:
    seen: dict[str, tuple] = {}
    ids = KnownIds({name: set() for name in COLLECTIONS})
    for name, collection in items.items():
        if name == "relationships":
            continue
        for item in collection:
            file, path = positions[id(item)]
            if item.id in seen:
                other_file, other_path = seen[item.id]
                other_line = other_file.where(other_path + ("id",))[0]
                problems.append(file.problem(path + ("id",),
                                             f"the id '{item.id}' is already used at {other_file.name}:{other_line}",
                                             "every id must be unique across all data files"))
                continue
            seen[item.id] = (file, path)
            ids[name].add(item.id)
    return ids


def _check_dates(info: BriefingInfo, items, positions, problems) -> None:
    limit = info.as_of.end
    for name in ("events", "quotes", "sources", "claims"):
        for item in items[name]:
            if getattr(item, "review", None) == Review.draft or getattr(item, "scheduled", False):
                continue  # a draft may hold a lead from after the coverage date; a scheduled event lies ahead
            for attr in ("date", "until", "reported_on"):
                value = getattr(item, attr, None)
                if value is not None and value.start > limit:
                    file, path = positions[id(item)]
                    problems.append(file.problem(path + (attr,),
                                                 f"{value} is after the briefing's as-of date {info.as_of}",
                                                 "correct the date, or move briefing.as_of forward"))


def _answers_first(problems: list[Problem], asked: list[Problem]) -> list[Problem]:
    """A placeholder left by `make migrate` is listed once, as a question: not also as the invalid value
    it stands in for (an unknown copy kind, an unknown event id)."""
    where = {(p.file, p.line, p.column) for p in asked}
    return [p for p in problems if p in asked or (p.file, p.line, p.column) not in where]


@dataclass
class Report:
    """A valid briefing, with what an editor should still look at."""

    briefing: Briefing
    warnings: list[Problem] = field(default_factory=list)  # to print in full (not acknowledged)
    drafts: list[Problem] = field(default_factory=list)
    acknowledged: list[tuple[Problem, str]] = field(default_factory=list)  # (warning, the editor's reason)
    places: dict[tuple[str, str], Place] = field(default_factory=dict)  # (collection, id) -> where it is written


def validate(files: list[LoadedFile], problems: list[Problem], cache: ItemCache | None = None,
             trust: bool = True) -> Briefing:
    """Turn loaded files into a Briefing, or raise DataError listing every problem.
    cache: the session's item cache (none: every item validated from scratch, as history does);
    trust=False leaves out the methodology's checks (an old revision is read for what it held)."""
    return validate_report(files, problems, cache, trust=trust).briefing


def _trust_checks(info, items, positions, build_date) -> tuple[list[Problem], list[Problem]]:
    """The methodology's promises (trust.py): errors that stop the build, and warnings."""
    found = (provenance_problems(items, positions) + status_problems(items, positions)
             + codebook_problems(info, items, positions) + figure_problems(info, items, positions)
             + in_force_problems(info, items, positions) + passage_problems(info, items, positions))
    if build_date is not None:
        found += currency_problems(info, positions, build_date)
    return [p for p in found if p.severity == "error"], [p for p in found if p.severity != "error"]


def _placeholders(files: list[LoadedFile], cache: ItemCache | None) -> list[Problem]:
    """Every placeholder `make migrate` left (migrations.placeholders); with a cache, a file's are looked for
    again only when its bytes change (the walk visits every value of the folder)."""
    if cache is None:
        return placeholders(files)
    kept = cache.asked
    cache.asked = {}
    for file in files:
        found = kept.get(file.name)
        if found is None or not file.digest or found[0] != file.digest:
            found = (file.digest, placeholders([file]))
        cache.asked[file.name] = found
    return [problem for _, found in cache.asked.values() for problem in found]


def validate_report(files: list[LoadedFile], problems: list[Problem], cache: ItemCache | None = None,
                    build_date=None, trust: bool = True) -> Report:
    """build_date: the day to judge the review date against (None: not judged, as for history)."""
    if cache is not None:
        start_run(cache)
        reserve_unchanged(files, cache)
    asked = _placeholders(files, cache)
    problems.extend(asked)
    info, items, positions, broken = _collect(files, problems, cache)
    if cache is not None:
        prune_items(cache, items, info)
    if info is None and not any(p.field.startswith("briefing") for p in problems):
        first = files[0].name if files else "data"
        problems.append(Problem(first, 1, 1, "briefing", "no 'briefing:' block was found",
                                "add one with title, description, as_of, last_reviewed, summary, summary_events "
                                "and codebook (make new writes one)"))
    ids = _check_ids(items, positions, problems)
    ids["themes"] = set(info.themes) if info is not None else set()
    ids["relations"] = {c.id for c in info.codebook.relations} if info is not None else set()
    for name, raw, _ in broken:  # a broken item still exists: references to it are not errors too
        if isinstance(raw.get("id"), str):
            ids[name].add(raw["id"])
    _check_references(info, items, positions, broken, ids, problems)
    if info is not None:
        _check_dates(info, items, positions, problems)
    problems.extend(correction_problems(items, positions))
    drafts = split_drafts(items, positions, REFERENCES, problems)
    trust_errors, trust_warnings = (_trust_checks(info, items, positions, build_date) if info is not None and trust
                                    else ([], []))
    problems.extend(trust_errors)
    if problems:
        raise DataError(_answers_first(problems, asked))
    warnings = sorted(review_warnings(info, items, positions) + cross_fact_warnings(items, positions)
                      + masthead_warnings(info, positions) + trust_warnings)
    found = sort_warnings(warnings, [info, *(i for values in items.values() for i in values)], positions, build_date) \
        if trust else Sorted(warnings, [])
    return Report(Briefing(info=info, **{name: tuple(values) for name, values in items.items()}), found.shown,
                  drafts, found.acknowledged, item_places(items, positions))


@dataclass
class LoadCache:
    """What loading keeps for the next run of a build session: parsed files and validated items by their
    bytes and text, and the last report with the data it was made from."""

    parsed: dict[str, tuple[str, LoadedFile | Problem]] = field(default_factory=dict)  # file name -> (digest, parsed)
    items: ItemCache = field(default_factory=ItemCache)
    report: tuple[tuple, Report] | None = None  # (data digests, validation report)


def load_briefing(data_dir, label: str | None = None, cache: LoadCache | None = None) -> Briefing:
    """Read and validate a data folder: the pipeline's single entry point for data."""
    return load_report(data_dir, label, cache=cache).briefing


@collector_paused
def load_report(data_dir, label: str | None = None, build_date=None, cache: LoadCache | None = None) -> Report:
    """The briefing with its warnings and drafts (raises DataError with every problem).
    build_date: the day the review date is judged against (default: SOURCE_DATE_EPOCH, else today).
    cache: the build session's loading cache: the same bytes give back the very same Briefing (and unchanged
    items the same objects), which lets later stages reuse their work."""
    from build_scripts.data.loading import read_data_dir

    build_date = build_date or build_date_from_env()
    files, problems = read_data_dir(data_dir, label, cache.parsed if cache is not None else None)
    pending = pending_problems(files, label or Path(data_dir).name)
    if pending:  # one line naming `make migrate`, not every consequence of the older schema
        raise DataError(pending + problems)
    key = (str(data_dir), tuple((f.name, f.digest) for f in files), build_date)
    if not problems and cache is not None and cache.report is not None and cache.report[0] == key:
        return cache.report[1]
    report = validate_report(files, problems, cache.items if cache is not None else None, build_date=build_date)
    if cache is not None:
        cache.report = (key, report)
    return report
