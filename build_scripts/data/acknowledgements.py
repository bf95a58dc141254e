"""Warnings worth reading: every data warning's stable code, and the acknowledgements editors write on
the item a warning concerns (`acknowledge: [{warning: W101, reason: "…", until: 2027-03-01}]`).

A code is one line of WARNINGS (code -> name); the editors' guide explains each under a heading
`### W101 mirror-only-source` (tests/test_data_acknowledgements.py checks both ways). A check gives its
warning a code with `coded("W101")`. An acknowledged warning is counted, not printed; one whose `until`
has passed comes back; an acknowledgement that matches no warning is itself a warning (W001), so none
outlives the problem it excused.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from types import MappingProxyType

from build_scripts.data.loading import Positions, format_path
from build_scripts.errors import Problem

# code -> name; the editors' guide has a heading `### W101 mirror-only-source` for each. W0xx: the
# acknowledgements themselves; W1xx provenance; W2xx status, figures and force; W3xx review dates; W4xx
# editorial care; W5xx the checks of cited passages.
WARNINGS = MappingProxyType({
    "W001": "unused-acknowledgement",
    "W101": "mirror-only-source",
    "W102": "re-report-without-based-on",
    "W103": "unlocated-original-unused",
    "W104": "source-before-event",
    "W201": "status-below-its-origins",
    "W202": "figure-without-its-date",
    "W203": "in-force-without-recent-sources",
    "W301": "review-window-passed",
    "W302": "item-review-overdue",
    "W401": "odd-currency",
    "W402": "profile-no-event-names",
    "W403": "masthead-incomplete",
    "W501": "quotation-without-passage",
    "W502": "figure-in-no-passage",
    "W503": "confirmed-passages-short",
    "W504": "confirmed-without-standing",
    "W505": "passage-recorded-elsewhere",
})


def coded(code: str) -> str:
    """The label a warning carries: 'W101 mirror-only-source' (KeyError for a code not in WARNINGS)."""
    return f"{code} {WARNINGS[code]}"


@dataclass(frozen=True)
class Sorted:
    """A report's warnings: those to print in full, and those an editor acknowledged (with the reason)."""

    shown: list[Problem]
    acknowledged: list[tuple[Problem, str]]


def _concerns(warning: Problem, file_name: str, prefix: str) -> bool:
    """Whether the warning is located inside the item at prefix (`sources[4]`) of the file."""
    return warning.file == file_name and (warning.field == prefix or warning.field.startswith((f"{prefix}.",
                                                                                             f"{prefix}[")))


def sort_warnings(warnings: list[Problem], owners: Iterable[object], positions: Positions,
                  build_date: date | None) -> Sorted:
    """Split warnings into shown and acknowledged, by the acknowledgements on the items they concern."""
    shown, acknowledged = list(warnings), []
    for owner in owners:
        file, path = positions[id(owner)]
        prefix = format_path(path)
        for index, ack in enumerate(getattr(owner, "acknowledge", None) or ()):
            matches = [w for w in shown if w.code.split(" ")[0] == ack.warning and _concerns(w, file.name, prefix)]
            if not matches:
                shown.append(file.problem(path + ("acknowledge", index, "warning"), f"acknowledges {ack.warning}, "
                                          "but the item has no such warning", "remove the acknowledgement",
                                          "warning", coded("W001")))
                continue
            expired = build_date is not None and ack.until is not None and ack.until.end < build_date
            for warning in matches:
                shown.remove(warning)
                if expired:
                    shown.append(replace(warning, message=f"{warning.message} (acknowledged until {ack.until}, "
                                         "which has passed)"))
                else:
                    acknowledged.append((warning, ack.reason))
    return Sorted(sorted(shown), sorted(acknowledged))


def acknowledged_line(acknowledged: list[tuple[Problem, str]]) -> str:
    """One line for the acknowledged warnings: '18 acknowledged warnings not shown (W101 ×17, W201 ×1)'."""
    counts: dict[str, int] = {}
    for warning, _ in acknowledged:
        code = warning.code.split(" ")[0]
        counts[code] = counts.get(code, 0) + 1
    each = ", ".join(f"{code} ×{count}" for code, count in sorted(counts.items()))
    n = len(acknowledged)
    return f"{n} acknowledged warning{'s' if n != 1 else ''} not shown ({each})"


def _entry(problem: Problem, reason: str | None = None) -> dict:
    entry = {"code": problem.code.split(" ")[0], "name": problem.code.partition(" ")[2], "file": problem.file,
             "line": problem.line, "column": problem.column, "field": problem.field, "message": problem.message,
             "hint": problem.hint, "guide": problem.guide}
    return {**entry, "reason": reason} if reason is not None else entry


def report_json(errors: list[Problem], warnings: list[Problem], acknowledged: list[tuple[Problem, str]]) -> dict:
    """`check --format json`: what a machine compares (CI lists the warnings new since the base commit)."""
    return {"errors": [_entry(p) for p in errors], "warnings": [_entry(p) for p in warnings],
            "acknowledged": [_entry(p, reason) for p, reason in acknowledged]}
