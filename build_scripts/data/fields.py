"""The field types every part of the model shares: ids safe as file and URL names, dates with their
precision, text without control characters, web addresses; the strict base model; review states.
Pydantic types, no I/O."""
from __future__ import annotations

import re
from enum import Enum
from types import MappingProxyType
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    WithJsonSchema,
)

from build_scripts.data.dates import EXAMPLES, FlexDate, parse_flex_date
from build_scripts.data.rules import capital

RESERVED_IDS = frozenset({
    "con", "prn", "aux", "nul", "index", "assets", "search", "sitemap",
    *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10)),
})
ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def _check_id(value: str) -> str:
    if value in RESERVED_IDS:
        raise ValueError(f"'{value}' is a reserved name and cannot be used as an id")
    return value


def _parse_date(value: object) -> FlexDate:
    if isinstance(value, FlexDate):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected a date like {EXAMPLES}")
    return parse_flex_date(value)


Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, min_length=1, max_length=80),
    AfterValidator(_check_id),
    WithJsonSchema({"type": "string", "pattern": ID_PATTERN, "maxLength": 80}),
]
Date = Annotated[
    FlexDate,
    BeforeValidator(_parse_date),
    PlainSerializer(lambda d: d.text, return_type=str),
    WithJsonSchema({"type": "string", "description": f"A date with its precision, like {EXAMPLES}"}),
]
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")  # Unicode Cc and Cs, less tab/newline


def no_control_characters(value: str) -> str:
    bad = _CONTROL.search(value)
    if bad is not None:
        raise ValueError(f"contains the invisible control character U+{ord(bad.group()):04X}; delete it")
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000),
                 AfterValidator(no_control_characters)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300),
                      AfterValidator(no_control_characters)]
HttpUrl = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^https?://[^\s<>\"']+$", max_length=2000),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": r"^https?://"}),
]

# An e-mail address as a reader would type it: one @, a domain with a dot, nothing a link or page could
# trip over (spaces, quotes, angle brackets, commas). Shown as text, never as a link.
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"  # one part of a domain name
EMAIL_PATTERN = rf"^[A-Za-z0-9.!#$%*+/=?^_`{{|}}~-]+@{_LABEL}(?:\.{_LABEL})+$"


def _check_email(value: str) -> str:
    if len(value) > 254 or not re.match(EMAIL_PATTERN, value):
        raise ValueError(f"'{value}' is not an e-mail address")
    return value


Email = Annotated[
    str,
    StringConstraints(strip_whitespace=True),
    AfterValidator(_check_email),
    WithJsonSchema({"type": "string", "format": "email", "pattern": EMAIL_PATTERN, "maxLength": 254}),
]


def _parse_day(value: object) -> FlexDate:
    day = _parse_date(value)
    if day.precision != "day":
        raise ValueError(f"expected a day like 2026-12-01 but received '{day.text}'")
    return day


Day = Annotated[
    FlexDate,
    BeforeValidator(_parse_day),
    PlainSerializer(lambda d: d.text, return_type=str),
    WithJsonSchema({"type": "string", "format": "date", "description": "A day, like 2026-12-01"}),
]


class Review(str, Enum):
    """Draft facts stay out of the site; `make check` lists them."""

    draft = "draft"
    published = "published"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class Acknowledgement(Strict):
    """An editor's answer to a warning on this item: checked, and why it stands (editors' guide, Warnings)."""

    warning: Annotated[str, StringConstraints(pattern=r"^W[0-9]{3}$")] = Field(description="The warning's code, "
                                                                               "like W101")
    reason: Text = Field(description="What was checked, and why the warning stands: a reason another editor "
                         "would accept")
    until: Day | None = Field(None, description="The warning comes back after this day (optional)")


class Acknowledgeable(Strict):
    """An item an editor can acknowledge a warning on (sources, facts, profiles, the briefing block)."""

    acknowledge: list[Acknowledgement] | None = Field(None, description="Warnings checked and accepted on this "
                                                      "item, each with its reason: they are counted, not printed")


FiguresAsOf = Field(None, description="When the text states a figure (a share, an amount): the date it was true")

ONE_LINE = r"^[^\n]*$"
OneLine = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300, pattern=ONE_LINE),
                    AfterValidator(no_control_characters)]


def one_sentence(value: str) -> str:
    """A chart's finding as an editor writes it: one line that ends as a sentence does."""
    if "\n" in value or not value.endswith((".", "?", "!")):
        raise ValueError("a finding is one sentence on one line, ending with a full stop, like "
                         "'2025 has the most events: 24 of the 63.'")
    return value


Finding = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
                    AfterValidator(no_control_characters), AfterValidator(one_sentence)]
ChartFinding: Any = Field(None, description="What the chart shows, in one sentence that leads its caption (default: "
                          "computed from the data)")


class Correction(Strict):
    """A change that fixed a wrong fact (a date, a figure, an attribution, a status), as readers see it: the
    fact says 'Correction of <date> to this <item>'s <fields>. What was wrong: <note>', and what it said before
    comes from the data's git history."""

    date: Day = Field(description="The day the correction was made (published), like 2026-12-01")
    note: OneLine = Field(description="One line: what was wrong")
    fields: list[Annotated[str, StringConstraints(pattern=r"^[a-z_]+$")]] = Field(
        default_factory=list, description="The fields the correction changed, e.g. [date]; shown with their earlier "
        "value (default: every field the history shows changed that day)")


Corrections: Any = Field(default_factory=list, description="Corrections made to this item since it was published, each "
                    "with its day and a one-line note of what was wrong: {date: 2026-12-02, note: ...}")


# The fields that name other items, checked by validation.py and named by their items' names on the Updates page
REFERENCES = MappingProxyType({  # collection -> ((field, target collections), …)
    "sources": (("based_on", ("sources",)),),
    "organisations": (("sources", ("sources",)),),
    "people": (("organisations", ("organisations",)), ("sources", ("sources",))),
    "events": (("actors", ("people", "organisations")), ("sources", ("sources",)), ("themes", ("themes",))),
    "claims": (("reported_by", ("sources",)), ("sources", ("sources",)), ("events", ("events",)),
               ("superseded_by", ("events",)), ("superseded_also", ("events",)),
               ("correction_sources", ("sources",))),
    "conflicts": (("events", ("events",)), ("claims", ("claims",))),
    "leverage": (("holder", ("people", "organisations")), ("over", ("people", "organisations")),
                 ("sources", ("sources",)), ("claims", ("claims",)), ("events", ("events",)),
                 ("superseded_by", ("events",)), ("superseded_also", ("events",))),
    "quotes": (("speaker", ("people", "organisations")), ("source", ("sources",)), ("event", ("events",))),
    "relationships": (("source_party", ("people", "organisations")), ("target_party", ("people", "organisations")),
                      ("sources", ("sources",)), ("kind", ("relations",))),
})
NESTED = MappingProxyType({"conflicts": (("positions", (("party", ("people", "organisations")),
                                                     ("sources", ("sources",)), ("events", ("events",)))),)})
INFO_REFERENCES = (("summary_events", ("events",)), ("seed_source", ("sources",)))


# A field's name as a reader reads it (the Updates page, a correction's earlier wording), as the page labels it
# where it has a label (a claim's `correction` is shown as "Other reporting"); others: the name with spaces.
FIELD_WORDS = MappingProxyType({
    "coding_note": "note on the tone", "status_note": "note on what is confirmed", "read_via": "copy read",
    "based_on": "original it rests on", "figures_as_of": "date of the figures",
    "superseded_by": "event that changed it",
    "superseded_note": "note on the change", "reported_by": "reported by", "reported_on": "reported on",
    "correction": "other reporting", "correction_sources": "sources of the other reporting",
    "last_reviewed": "last checked", "summary_events": "events the summary cites", "url": "address",
    "archived": "archived copy", "primary": "primary document", "date_note": "note on the date",
    "unlocated": "original not located", "actors": "people and organisations"})


def field_words(name: str) -> str:
    return FIELD_WORDS.get(name, name.replace("_", " "))


def field_label(name: str) -> str:
    """A field's words starting a sentence or a label: 'status_note' -> 'Note on what is confirmed'."""
    return capital(field_words(name))
