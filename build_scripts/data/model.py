"""The briefing's data model: pydantic types, no I/O.

Every collection item forbids unknown keys, ids are safe as file and URL names,
controlled vocabularies are allow-lists, and dates carry an explicit precision.
"""
from __future__ import annotations

import re
from enum import Enum
from typing import Annotated

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from build_scripts.data.dates import EXAMPLES, FlexDate, parse_flex_date
from build_scripts.data.rules import STATUS_LABELS, STATUS_MEANINGS, Status  # noqa: F401 (re-exported)

RESERVED_IDS = {
    "con", "prn", "aux", "nul", "index", "assets", "search", "sitemap",
    *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10)),
}
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


def _no_control_characters(value: str) -> str:
    bad = _CONTROL.search(value)
    if bad is not None:
        raise ValueError(f"contains the invisible control character U+{ord(bad.group()):04X}; delete it")
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000),
                 AfterValidator(_no_control_characters)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300),
                      AfterValidator(_no_control_characters)]
HttpUrl = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^https?://[^\s<>\"']+$", max_length=2000),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": r"^https?://"}),
]


class Review(str, Enum):
    """Draft facts stay out of the site; `make check` lists them."""

    draft = "draft"
    published = "published"


class Tone(str, Enum):
    """Whether an event drew the parties closer together or further apart (an editorial reading, defined
    in the briefing's codebook)."""

    cooperation = "cooperation"
    friction = "friction"
    neutral = "neutral"


class OrgKind(str, Enum):
    company = "company"
    nonprofit = "nonprofit"
    regulator = "regulator"
    court = "court"
    government = "government"
    media = "media"
    fund = "fund"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


class Amount(Strict):
    value: float = Field(gt=0, description="The number, in units of the currency: 650000000 for $650 million")
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] = Field(
        description="ISO 4217 code such as USD")
    label: ShortText = Field(description="What the amount is, e.g. 'investment' or 'licence and waiver fees'")
    approximate: bool = False
    reported: bool = Field(False, description="True when the figure was reported, not disclosed by the parties")
    as_of: Date | None = Field(None, description="When the figure was true, if not on the event's date (a stake "
                               "valued later, a total to a date)")


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


class Archived(Strict):
    """A snapshot of a page in a public web archive (`make archive` asks the Wayback Machine for one)."""

    url: HttpUrl = Field(description="The snapshot's address, like https://web.archive.org/web/<timestamp>/<address>")
    date: Day = Field(description="The day the snapshot was captured")


class CopyKind(str, Enum):
    """What a copy of a source's text is: how far a reader can rely on it being the original text."""

    syndication = "syndication"
    mirror = "mirror"
    aggregator = "aggregator"


class Copy(Strict):
    """A syndicated copy or mirror through which a source's text was read."""

    name: ShortText
    url: HttpUrl
    kind: CopyKind = Field(description="syndication: an established partner carrying the original text; mirror: an "
                           "unaffiliated copy of the text; aggregator: a site that rewrites or summarises others' stories")
    archived: Archived | None = Field(None, description="An archived snapshot of the copy")


class Source(Strict):
    id: Id
    outlet: ShortText
    title: ShortText | None = Field(None, description="The headline exactly as published; leave out if not known")
    subject: ShortText | None = Field(None, description="Our description of the piece, when its headline is not known")
    date: Date | None = None
    url: HttpUrl | None = Field(None, description="The original publication's address, when known")
    read_via: Copy | None = Field(None, description="The syndicated copy or mirror the text was read through")
    based_on: Id | None = Field(None, description="The source this one re-reports, syndicates or writes up: "
                                "it adds reach, not an independent origin")
    unlocated: bool = Field(False, description="An original whose own text was not found, known only through "
                            "the sources based_on it: it has no address, and facts cite those sources instead")
    archived: Archived | None = Field(None, description="An archived snapshot of the original publication")
    note: Text | None = None
    review: Review = Field(Review.published, description="draft: a lead not yet read or not yet citable, kept "
                           "off the site with the drafts that cite it")

    @model_validator(mode="after")
    def _needs_an_address(self) -> "Source":
        if self.unlocated and (self.url is not None or self.read_via is not None or self.archived is not None):
            raise ValueError("an unlocated source has no address: remove url, read_via and archived, or unlocated")
        if self.url is None and self.read_via is None and not self.unlocated:
            raise ValueError("a source needs a url, a read_via copy, or both (or unlocated: true for an original "
                             "known only through the sources based_on it)")
        if self.title is None and self.subject is None:
            raise ValueError("a source needs its title or, when the headline is not known, a subject")
        return self


class Organisation(Strict):
    id: Id
    name: ShortText
    kind: OrgKind
    description: Text
    sources: list[Id] = Field(min_length=1)


class Person(Strict):
    id: Id
    name: ShortText
    role: ShortText
    organisations: list[Id] = Field(default_factory=list)
    sources: list[Id] = Field(min_length=1)


class Event(Strict):
    id: Id
    date: Date
    until: Date | None = Field(None, description="End of the span, for events over several days or months")
    scheduled: bool = Field(False, description="The date was announced ahead (a law's application date, a launch "
                            "date): sources may report it before it happens, it may lie after the as-of date, and "
                            "the site says 'scheduled' until the as-of date has passed it")
    title: ShortText
    summary: Text
    actors: list[Id] = Field(default_factory=list, description="Ids of the people and organisations involved")
    themes: list[Id] = Field(min_length=1, description="Ids from the codebook's themes; the first is the main theme")
    tone: Tone = Tone.neutral
    status: Status
    status_note: Text | None = None
    coding_note: Text | None = Field(None, description="Why the tone or theme was coded as it is, where the call "
                                     "is contested")
    sources: list[Id] = Field(min_length=1)
    amounts: list[Amount] = Field(default_factory=list)
    review: Review = Review.published

    @model_validator(mode="after")
    def _until_after_date(self) -> "Event":
        if self.until is not None and self.until.start < self.date.start:
            raise ValueError(f"until ({self.until}) is before date ({self.date})")
        return self


class Claim(Strict):
    """Something the seed reporting said, with when it was reported and what became of it."""

    id: Id
    text: Text = Field(description="The briefing's own neutral sentence of what was reported")
    reported_by: Id
    reported_on: Date
    attribution: ShortText = Field(description="How the source attributes it, e.g. 'citing people familiar'")
    status: Status
    sources: list[Id] = Field(min_length=1)
    events: list[Id] = Field(default_factory=list, description="Events that bear this claim out")
    superseded_by: Id | None = Field(None, description="The event that later changed this claim")
    superseded_also: list[Id] = Field(default_factory=list, description="Later events that changed it further")
    superseded_note: Text | None = None
    correction: Text | None = Field(None, description="What other reporting says where sources disagree")
    correction_sources: list[Id] = Field(default_factory=list)
    review: Review = Review.published

    @model_validator(mode="after")
    def _pairs(self) -> "Claim":
        if (self.superseded_by is None) != (self.superseded_note is None):
            raise ValueError("superseded_by and superseded_note go together")
        if (self.correction is None) != (not self.correction_sources):
            raise ValueError("correction and correction_sources go together")
        return self


FiguresAsOf = Field(None, description="When the text states a figure (a share, an amount): the date it was true")


class Position(Strict):
    party: Id
    position: Text
    sources: list[Id] = Field(min_length=1)
    events: list[Id] = Field(min_length=1, description="The events the position rests on")
    figures_as_of: Date | None = FiguresAsOf


class Conflict(Strict):
    id: Id
    title: ShortText
    summary: Text
    positions: list[Position] = Field(min_length=2)
    events: list[Id] = Field(min_length=1)
    claims: list[Id] = Field(default_factory=list)
    last_reviewed: Date


class Leverage(Strict):
    id: Id
    holder: Id
    over: Id
    title: ShortText
    summary: Text
    status: Status
    sources: list[Id] = Field(min_length=1)
    claims: list[Id] = Field(default_factory=list)
    events: list[Id] = Field(default_factory=list)
    superseded_by: Id | None = None
    superseded_also: list[Id] = Field(default_factory=list, description="Later events that changed it further")
    superseded_note: Text | None = None
    figures_as_of: Date | None = FiguresAsOf
    last_reviewed: Date


class Quote(Strict):
    id: Id
    speaker: Id
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=400),
                    AfterValidator(_no_control_characters)]
    date: Date
    context: ShortText
    source: Id
    event: Id | None = None
    review: Review = Review.published


class Relationship(Strict):
    source_party: Id = Field(alias="from")
    target_party: Id = Field(alias="to")
    kind: Id = Field(description="An id from the codebook's relations, such as invested-in or sued")
    since: Date | None = None
    until: Date | None = None
    note: ShortText
    sources: list[Id] = Field(min_length=1)


class Takeaway(Strict):
    text: Text
    events: list[Id] = Field(min_length=1)
    figures_as_of: Date | None = FiguresAsOf


class Code(Strict):
    """One code of the codebook: what it means and when a coder applies it."""

    id: Id
    label: ShortText
    definition: Text
    apply_when: Text


class RelationCode(Code):
    """A kind of relationship: its label reads between two names ('Alpha invested in Beta')."""

    heading: ShortText | None = Field(None, description="A short column heading for the relationship chart "
                                      "(default: the label)")


class Codebook(Strict):
    """The briefing's codes: tones (defaults from the code when left out), themes (chart order) and the
    kinds of relationship (chart order)."""

    tones: list[Code] = Field(default_factory=list, description="Overrides the neutral default definitions")
    themes: list[Code] = Field(min_length=1)
    relations: list[RelationCode] = Field(default_factory=list, description="Every kind a relationship uses")


class Wording(Strict):
    """Words a reader sees that belong to a briefing's topic: each has a neutral default."""

    leverage_page: ShortText = Field("Leverage", description="The name of the page of leverage items")
    leverage_intro: ShortText = Field("Who can block or restrict whom.", description="The leverage page's first line")
    conflicts_page: ShortText = Field("Points of conflict", description="The name of the conflicts section")
    claims_page: ShortText | None = Field(None, description="The name of the claims page (default: 'The <date> "
                                          "report' from the seed source, else 'Reported claims')")
    timeline_chart: ShortText = Field("Events over time", description="The timeline chart's title")
    money_chart: ShortText = Field("Amounts over time", description="The amounts chart's title")
    tone_chart: ShortText = Field("Events by tone, per half-year", description="The tone chart's title")
    relationships_chart: ShortText = Field("Relationships, by kind", description="The relationship chart's title")


class BriefingInfo(Strict):
    title: ShortText
    description: ShortText
    as_of: Date
    summary: Text
    summary_events: list[Id] = Field(min_length=1)
    summary_figures_as_of: Date | None = FiguresAsOf
    takeaways: list[Takeaway] = Field(default_factory=list)
    seed_source: Id | None = Field(None, description="The report this briefing started from, if it started from one")
    wording: Wording = Field(default_factory=Wording)
    codebook: Codebook
    last_reviewed: Date = Field(description="The day an editor last checked for news (not the commit date)")
    review_note: Text | None = Field(None, description="What the last review found, notably when it found nothing "
                                     "new after the as-of date")
    review_window_days: int = Field(30, ge=1, description="After this many days without a review, the site "
                                    "shows readers a notice and `make check` warns")
    still_in_force_max_age_days: int = Field(180, ge=1, description="Warn when an item still in force cites "
                                             "nothing newer than this before the as-of date")
    review_max_age_days: int = Field(365, ge=1, description="Warn when a conflict or leverage item was last "
                                                                  "reviewed longer than this before the as-of date")

    @property
    def themes(self) -> list[str]:
        """The theme ids, in chart order."""
        return [code.id for code in self.codebook.themes]


COLLECTIONS: dict[str, type[BaseModel]] = {
    "sources": Source,
    "organisations": Organisation,
    "people": Person,
    "events": Event,
    "claims": Claim,
    "conflicts": Conflict,
    "leverage": Leverage,
    "quotes": Quote,
    "relationships": Relationship,
}


class Briefing(Strict):
    """The whole validated briefing: what every renderer reads."""

    info: BriefingInfo
    sources: tuple[Source, ...]
    organisations: tuple[Organisation, ...]
    people: tuple[Person, ...]
    events: tuple[Event, ...]
    claims: tuple[Claim, ...]
    conflicts: tuple[Conflict, ...]
    leverage: tuple[Leverage, ...]
    quotes: tuple[Quote, ...]
    relationships: tuple[Relationship, ...]
