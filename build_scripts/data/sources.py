"""Sources: where each fact comes from, the copies a text was read through, and archived snapshots.
Pydantic types, no I/O."""
from __future__ import annotations

from enum import Enum

from pydantic import Field, model_validator

from build_scripts.data.fields import (
    Acknowledgeable,
    Correction,
    Corrections,
    Date,
    Day,
    HttpUrl,
    Id,
    Review,
    ShortText,
    Strict,
    Text,
)


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
                           "unaffiliated copy of the text; aggregator: a site that rewrites or summarises others' "
                           "stories")
    archived: Archived | None = Field(None, description="An archived snapshot of the copy")


class Source(Acknowledgeable):
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
    primary: bool = Field(False, exclude_if=lambda v: not v,  # left out of downloads when false, as before
                          description="A primary document: a company's own statement or blog post, a "
                          "regulatory filing, a court record")
    date_note: Text | None = Field(None, description="Why the date in the address differs from date (an update, "
                                   "a time zone)")
    note: Text | None = None
    review: Review = Field(Review.published, description="draft: a lead not yet read or not yet citable, kept "
                           "off the site with the drafts that cite it")
    corrections: list[Correction] = Corrections

    @property
    def snapshot(self) -> Archived | None:
        """The archived snapshot a passage read in the archive was read in: the original's, else the copy's."""
        return self.archived or (self.read_via.archived if self.read_via else None)

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
