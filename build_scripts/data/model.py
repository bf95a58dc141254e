"""The briefing's data model: pydantic types, no I/O.

Every collection item forbids unknown keys, ids are safe as file and URL names,
controlled vocabularies are allow-lists, and dates carry an explicit precision.
The shared field types live in fields.py, sources in sources.py, the briefing block (codebook,
wording, review settings) in briefing_info.py; every name is importable from here too.
"""
from __future__ import annotations

from enum import Enum
from types import MappingProxyType
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints, model_validator

from build_scripts.data.briefing_info import (  # noqa: F401 (re-exported)
    BriefingInfo,
    Code,
    Codebook,
    RelationCode,
    Repository,
    Takeaway,
    Wording,
)
from build_scripts.data.citations import Citation, CitationEntry, NoPassage, ReadIn  # noqa: F401 (re-exported)
from build_scripts.data.fields import (  # noqa: F401 (re-exported)
    ID_PATTERN,
    RESERVED_IDS,
    Acknowledgeable,
    Acknowledgement,
    ChartFinding,
    Correction,
    Corrections,
    Date,
    Day,
    FiguresAsOf,
    Finding,
    HttpUrl,
    Id,
    Review,
    ShortText,
    Strict,
    Text,
    no_control_characters,
)
from build_scripts.data.rules import STATUS_LABELS, STATUS_MEANINGS, Status  # noqa: F401 (re-exported)
from build_scripts.data.sources import Archived, Copy, CopyKind, Source  # noqa: F401 (re-exported)


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


class Amount(Strict):
    value: float = Field(gt=0, description="The number, in units of the currency: 650000000 for $650 million")
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] = Field(
        description="ISO 4217 code such as USD")
    label: ShortText = Field(description="What the amount is, e.g. 'investment' or 'licence and waiver fees'")
    approximate: bool = False
    reported: bool = Field(False, description="True when the figure was reported, not disclosed by the parties")
    as_of: Date | None = Field(None, description="When the figure was true, if not on the event's date (a stake "
                               "valued later, a total to a date)")


class Organisation(Acknowledgeable):
    id: Id
    name: ShortText
    kind: OrgKind
    description: Text
    sources: list[Citation] = Field(min_length=1)
    corrections: list[Correction] = Corrections


class Person(Acknowledgeable):
    id: Id
    name: ShortText
    role: ShortText
    organisations: list[Id] = Field(default_factory=list)
    sources: list[Citation] = Field(min_length=1)
    corrections: list[Correction] = Corrections


class Event(Acknowledgeable):
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
    sources: list[Citation] = Field(min_length=1)
    amounts: list[Amount] = Field(default_factory=list)
    review: Review = Review.published
    corrections: list[Correction] = Corrections

    @model_validator(mode="after")
    def _until_after_date(self) -> "Event":
        if self.until is not None and self.until.start < self.date.start:
            raise ValueError(f"until ({self.until}) is before date ({self.date})")
        return self


class Claim(Acknowledgeable):
    """Something the seed reporting said, with when it was reported and what became of it."""

    id: Id
    text: Text = Field(description="The briefing's own neutral sentence of what was reported")
    reported_by: Id
    reported_on: Date
    attribution: ShortText = Field(description="How the source attributes it, e.g. 'citing people familiar'")
    status: Status
    sources: list[Citation] = Field(min_length=1)
    events: list[Id] = Field(default_factory=list, description="Events that bear this claim out")
    superseded_by: Id | None = Field(None, description="The event that later changed this claim")
    superseded_also: list[Id] = Field(default_factory=list, description="Later events that changed it further")
    superseded_note: Text | None = None
    correction: Text | None = Field(None, description="What other reporting says where sources disagree")
    correction_sources: list[Citation] = Field(default_factory=list)
    review: Review = Review.published
    corrections: list[Correction] = Corrections

    @model_validator(mode="after")
    def _pairs(self) -> "Claim":
        if (self.superseded_by is None) != (self.superseded_note is None):
            raise ValueError("superseded_by and superseded_note go together")
        if (self.correction is None) != (not self.correction_sources):
            raise ValueError("correction and correction_sources go together")
        return self


class Position(Strict):
    party: Id
    position: Text
    sources: list[Citation] = Field(min_length=1)
    events: list[Id] = Field(min_length=1, description="The events the position rests on")
    figures_as_of: Date | None = FiguresAsOf


class Conflict(Acknowledgeable):
    id: Id
    title: ShortText
    summary: Text
    positions: list[Position] = Field(min_length=2)
    events: list[Id] = Field(min_length=1)
    claims: list[Id] = Field(default_factory=list)
    last_reviewed: Date
    chart_finding: Finding | None = ChartFinding
    corrections: list[Correction] = Corrections


class Leverage(Acknowledgeable):
    id: Id
    holder: Id
    over: Id
    title: ShortText
    summary: Text
    status: Status
    sources: list[Citation] = Field(min_length=1)
    claims: list[Id] = Field(default_factory=list)
    events: list[Id] = Field(default_factory=list)
    superseded_by: Id | None = None
    superseded_also: list[Id] = Field(default_factory=list, description="Later events that changed it further")
    superseded_note: Text | None = None
    figures_as_of: Date | None = FiguresAsOf
    last_reviewed: Date
    corrections: list[Correction] = Corrections


class Quote(Acknowledgeable):
    id: Id
    speaker: Id
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=400),
                    AfterValidator(no_control_characters)]
    date: Date
    context: ShortText
    source: Citation
    event: Id | None = None
    review: Review = Review.published
    corrections: list[Correction] = Corrections


class Relationship(Acknowledgeable):
    source_party: Id = Field(alias="from")
    target_party: Id = Field(alias="to")
    kind: Id = Field(description="An id from the codebook's relations, such as invested-in or sued")
    since: Date | None = None
    until: Date | None = None
    note: ShortText
    sources: list[Citation] = Field(min_length=1)


COLLECTIONS: MappingProxyType[str, type[Strict]] = MappingProxyType({
    "sources": Source,
    "organisations": Organisation,
    "people": Person,
    "events": Event,
    "claims": Claim,
    "conflicts": Conflict,
    "leverage": Leverage,
    "quotes": Quote,
    "relationships": Relationship,
})


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
