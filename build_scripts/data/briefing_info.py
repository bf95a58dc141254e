"""The briefing block: its title, summary and takeaways, its codebook (tones, themes, kinds of
relationship), the words that belong to its topic, and its review settings. Pydantic types, no I/O."""
from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints, model_validator

from build_scripts.data.fields import (
    Acknowledgeable,
    ChartFinding,
    Date,
    Email,
    FiguresAsOf,
    Finding,
    HttpUrl,
    Id,
    OneLine,
    ShortText,
    Strict,
    Text,
)


class Takeaway(Strict):
    text: Text
    events: list[Id] = Field(min_length=1)
    figures_as_of: Date | None = FiguresAsOf


class EstablishedOutlet(Strict):
    """An outlet the briefing treats as established (a list an editor keeps, like the codebook)."""

    outlet: ShortText = Field(description="Exactly a sources' outlet string")
    why: ShortText = Field(description="One plain sentence: why the outlet counts as established")


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
    timeline_finding: Finding | None = ChartFinding  # each chart's finding, when an editor writes it
    money_finding: Finding | None = ChartFinding
    tone_finding: Finding | None = ChartFinding
    relationships_finding: Finding | None = ChartFinding


class Repository(Strict):
    """Where the briefing's data is kept in public (GitHub's web view): every fact, source and page then
    links to its file and line and to a prefilled correction form (.github/ISSUE_TEMPLATE/correction.yml)."""

    url: Annotated[HttpUrl, StringConstraints(pattern=r"^https://[^/\s]+/[^/\s]+/[^/\s]+$")] = Field(
        description="The repository's address, like https://github.com/OWNER/REPO (no trailing slash)")
    branch: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._/-]+$", max_length=200)] = Field(
        "main", description="The branch the site is built from")
    data_path: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._/-]+$", max_length=200)] = Field(
        "data", description="The data folder's path inside the repository")


class Publisher(Strict):
    """Who publishes the briefing (the masthead): named in every page's footer, the methodology and the
    structured data (schema.org publisher)."""

    name: OneLine = Field(description="The publisher's name, as readers know it")
    url: HttpUrl = Field(description="The publisher's own web address")


class Editor(Strict):
    """A person who writes and checks the briefing: named in the footer, the methodology and the
    structured data (schema.org author and editor)."""

    name: OneLine = Field(description="The editor's name, as bylined")
    url: HttpUrl | None = Field(None, description="Optional: a page about the editor (a staff page, a profile)")


class CorrectionsContact(Strict):
    """Where a reader sends a correction: an e-mail address, a web page, or both (with `repository`, the
    footer's 'Suggest a correction' form is offered beside it)."""

    email: Email | None = Field(None, description="An address for corrections, like corrections@example.org "
                                "(shown as text)")
    url: HttpUrl | None = Field(None, description="A page that says how to ask for a correction")

    @model_validator(mode="after")
    def _needs_a_way(self) -> "CorrectionsContact":
        if self.email is None and self.url is None:
            raise ValueError("a corrections contact needs an email, a url, or both")
        return self


class BriefingInfo(Acknowledgeable):
    schema_version: int | None = Field(None, ge=1, description="The data schema the files were written for "
                                       "(make migrate brings older data forward and sets it)")
    title: ShortText
    description: ShortText
    bottom_line: Takeaway | None = Field(None, description="The point in one or two sentences, citing events: the "
                                         "first thing the home page says (a dek)")
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
    repository: Repository | None = Field(None, description="Where the data is kept in public, for readers' "
                                          "'Suggest a correction' links (none: no such links)")
    publisher: Publisher | None = Field(None, description="Who publishes the briefing (none: not named, a "
                                       "warning)")
    editors: list[Editor] = Field(default_factory=list, exclude_if=lambda v: not v, description="The people "
                                  "who write and check the briefing (none: not named, a warning)")
    corrections_contact: CorrectionsContact | None = Field(None, description="Where readers send corrections "
                                                           "(none: not named, a warning)")
    review_max_age_days: int = Field(365, ge=1, description="Warn when a conflict or leverage item was last "
                                                                  "reviewed longer than this before the as-of date")
    # Left out of the downloads when not set, so a briefing without passages downloads as before.
    established_outlets: list[EstablishedOutlet] = Field(default_factory=list, exclude_if=lambda v: not v,
                                                         description="The outlets the "
                                                         "briefing treats as established, each with why: a "
                                                         "confirmed item needs one of them or a primary source")
    passage_max_words: int = Field(60, ge=1, exclude_if=lambda v: v == 60,
                                   description="The longest passage a citation may record, in words")
    passages_required_from: Date | None = Field(None, description="The day the passage rules took effect: an "
                                                "item reporting news from then on (dated then or later, or citing "
                                                "a source dated then or later) that falls short is refused; older "
                                                "items are warned. Without it, only recorded passages are checked")

    @property
    def themes(self) -> list[str]:
        """The theme ids, in chart order."""
        return [code.id for code in self.codebook.themes]
