"""The editorial rules, written once: what each status means, what evidence it needs, and how strong it
is. `make check` enforces them (trust.py) and the methodology page prints them from here."""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from types import MappingProxyType


def plural(n: int, noun: str) -> str:
    """'1 event', '2 events': the one way the site counts things in words (the rules' wording and every page)."""
    return f"{n} {noun}" + ("" if n == 1 else "s")


def capital(text: str) -> str:
    """The text with its first letter a capital ('status note' -> 'Status note'), the rest as written."""
    return text[:1].upper() + text[1:]


def series(words: list[str], last: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (or, with last='or', 'a, b or c'): the one way the site lists in words."""
    return ", ".join(words[:-1]) + (f" {last} " if len(words) > 1 else "") + words[-1]


class Status(str, Enum):
    """How well a fact is established. The methodology page explains each one."""

    confirmed = "confirmed"
    single_source = "single-source"
    anonymous = "anonymous"
    disputed = "disputed"


@dataclass(frozen=True)
class StatusRule:
    """A status: its words, its icon, and the independent origins it needs (checked by the build)."""

    status: Status
    label: str
    short: str  # in lists that repeat the timeline
    icon: str
    meaning: str
    brief: str = ""  # the meaning in a few words, for the home page's legend
    tally: str = ""  # how a number of events with this status reads: '2 confirmed', '1 from a single source'
    min_origins: int = 1  # fewer independent origins than this is an error
    warn_from_origins: int | None = None  # this many or more is a warning: the status probably understates


STATUS_RULES: tuple[StatusRule, ...] = (  # strongest first: the order in which statuses are ranked
    StatusRule(Status.confirmed, "Confirmed", "Confirmed", "✔",
               "Two or more independent sources: official statements, on-record quotes or separate news "
               "organisations. A syndicated copy, a re-report or a second piece by the same outlet adds reach, "
               "not independence.", "two or more independent sources agree (a party's own statement counts as one)",
               min_origins=2, tally="confirmed"),
    StatusRule(Status.single_source, "Single source", "Single source", "•",
               "One independent source, which does not rest on anonymous sources: one outlet's reporting, or a "
               "party's own words (an announcement, a post, an interview). When smaller outlets each report the same "
               "remark but neither the remark's own record nor an established outlet's report could be read, the "
               "status stays here and its note names them.", "one source, on the record",
               warn_from_origins=2, tally="from a single source"),
    StatusRule(Status.anonymous, "Anonymous sources", "Anonymous sources", "?",
               "Rests on people familiar with the matter, leaked documents or similar, however many outlets "
               "repeated it. It is reporting, not established fact, and the briefing's own sentences attribute it.",
               "reporting that rests on people who are not named", tally="from anonymous sources"),
    StatusRule(Status.disputed, "Disputed", "Disputed", "⚠", "Sources disagree; the page shows each account.",
               "sources disagree; each account is shown", tally="disputed"),
)
PASSAGE_ORIGINS = 2  # a confirmed item records passages from this many of its independent origins
RULES = MappingProxyType({rule.status: rule for rule in STATUS_RULES})
STATUS_LABELS = MappingProxyType({rule.status: rule.label for rule in STATUS_RULES})
STATUS_MEANINGS = MappingProxyType({rule.status: rule.meaning for rule in STATUS_RULES})
STRENGTH = MappingProxyType({rule.status: rank for rank, rule in enumerate(STATUS_RULES)})  # 0 is the strongest

# A source whose note says this re-reports another source and should say which (`based_on`).
REREPORT_NOTE = re.compile(r"\b(re-?report|syndicat|republish|write-?up of|rewrite|"
                           r"(?:cites|citing|reports|summari[sz]es) [^.;]*?(?:'s|’s)? (?:report|story|article)\b|"
                           r"^(?:cites|citing) )", re.IGNORECASE)

# A passage that attributes what it says to people it does not name: it does not count towards
# "confirmed" (a report citing people familiar with the matter is anonymous however well placed its outlet).
UNNAMED_ATTRIBUTION = re.compile(
    r"\b(?:people|persons?|sources?|officials?)\s+(?:familiar|close to|briefed|with knowledge)\b|"
    r"\bcondition of anonymity\b|\bunnamed (?:people|persons?|sources?|officials?)\b|\bciting unnamed\b|"
    r"\b(?:the|a) person said\b|\baccording to (?:a |one |two |three |four |several |multiple )?"
    r"(?:people|person|sources)\b", re.IGNORECASE)


def on_record(passage: str | None) -> bool:
    """Whether a recorded passage says what it says on its own authority or a named source's."""
    return bool(passage) and not UNNAMED_ATTRIBUTION.search(passage or "")


def weakest(statuses) -> Status | None:
    """The weakest of several statuses (what prose resting on them can claim), or None for none."""
    return max(statuses, key=STRENGTH.__getitem__, default=None)


def origins_phrase(count: int) -> str:
    """'1 independent source', '2 independent sources': what is counted is independent origins, each
    original outlet and each party's own statement once (trust.independent_origins)."""
    return plural(count, "independent source")


# What a badge's count means, in a reader's words (the legend, the methodology and each badge's title).
COUNT_MEANING = ("“Independent sources” counts each original outlet and each party's own statement (a "
                 "company's announcement, a filing) once; a re-report, a syndicated copy or a page that rests on "
                 "another counts as the source it repeats.")


def badge_count(status: Status, count: int) -> str:
    """What a badge says of the sources behind a fact, in words that cannot contradict its status: the
    independent sources of a confirmed fact, and nothing for the other statuses (how many outlets repeated
    anonymous reporting is not evidence, and several sources beside 'Single source' read as a
    contradiction; the sources list under the fact names them all)."""
    return origins_phrase(count) if status is Status.confirmed else ""


def as_reported(status: Status, when: str) -> str:
    """How a claim that later events changed stood when it was reported (when: 'in April 2025'), in words its
    status allows: only a confirmed claim is called true ('True as reported in April 2025'); any other was
    reported ('Reported in April 2025'), and its badge beside the words says how."""
    return f"True as reported {when}" if status is Status.confirmed else f"Reported {when}"


# What happens to an item that fails a check, in a reader's words: an error stops the site's update (the site
# as published stays as it was), a warning is printed for the editors and the item is published.
REFUSED = "the site is not updated until it is fixed"


EDITORS_WARNED = "the editors are warned"


def warned(about: str = "") -> str:
    """'the editors are warned, and it is published all the same' (about: what they are warned of)."""
    return f"{EDITORS_WARNED}{about}, and it is published all the same"


WARNED = warned()


def status_cell(rule: StatusRule) -> str:
    """The independent sources a status needs, for the methodology's table: '2', '1 (with 2 or more, the
    editors are warned)'."""
    above = f" (with {rule.warn_from_origins} or more, {EDITORS_WARNED})" if rule.warn_from_origins else ""
    return f"{rule.min_origins}{above}"


def check_lines() -> list[str]:
    """What the build checks, one sentence each, for the methodology page: each says what happens to an
    item that fails it (an error: REFUSED; a warning: WARNED)."""
    lines = []
    for rule in STATUS_RULES:
        if rule.min_origins > 1:
            lines.append(f"“{rule.label}” needs at least {origins_phrase(rule.min_origins)}; with fewer, {REFUSED}.")
        if rule.warn_from_origins:
            lines.append(f"If an item marked “{rule.label}” has {origins_phrase(rule.warn_from_origins)} or more, "
                         f"{warned(' that the status may understate them')}.")
    lines.append("A source whose note says it re-reports or syndicates another must name the source it rests on; "
                 f"if it does not, {WARNED}.")
    lines.append(f"If a source could be read only through an unaffiliated mirror or aggregator, {WARNED}, marked "
                 "as such on the sources page.")
    return lines


def in_force_line(max_age_days: int) -> str:
    """The check on a leverage item shown as current, for the methodology page (trust.in_force_problems)."""
    return (f"If a leverage item shown as current cites nothing (no source and no event) dated within the last "
            f"{max_age_days} days of the coverage, {WARNED}.")


def evidence_lines(max_words: int, required_from: str | None) -> list[str]:
    """What the build checks from the passages behind citations, one sentence each, for the methodology
    page (max_words: the briefing's passage_max_words; required_from: the label of the day the briefing
    adopted the passage rules, None when it has not, and then only what is recorded is checked)."""
    confirmed = RULES[Status.confirmed].label
    lines = [
        f"A passage is the source's own words, copied from the page as read, at most {max_words} words long; "
        f"with a longer one, {REFUSED}.",
        "Words the briefing's own prose puts in quotation marks (titles included) must stand verbatim in a "
        "passage of a source the item cites (or of the events it rests on), or be the text of a quote; where they "
        f"do not and the item records any passage, {REFUSED}.",
        "If a source's address carries a date that its own date contradicts, "
        f"{REFUSED}, unless a note says why they differ (an update, a time zone).",
        f"If a figure in an item's text is stated by none of the passages recorded for it, {WARNED}.",
        f"“{confirmed}” needs passages from at least {origins_phrase(PASSAGE_ORIGINS)} that do not rest on "
        "unnamed people (“according to people familiar with the matter”), and at least one of its sources to be "
        "a primary document (the parties' own statement, a filing, a court record) or an "
        "outlet the briefing lists as established.",
    ]
    if required_from is None:
        return lines[:4]
    return lines + [
        f"An item that reports news from {required_from} on (dated then or later, or citing a source dated "
        f"then or later) must meet the rule on “{confirmed}” above and have a passage recorded for any words it "
        f"quotes; if it does not, {REFUSED}. If an earlier item does not, {WARNED}.",
    ]


# Tones an event can have, with neutral default definitions a briefing's codebook may replace.
DEFAULT_TONES = MappingProxyType({
    "cooperation": ("Cooperation", "The parties acted together or moved closer: an agreement, an investment, a "
                    "joint launch, public support.",
                    "Used when the event itself binds the parties more closely or shows them working together."),
    "friction": ("Friction", "The parties moved apart or came into conflict: a dispute, a reduced commitment, a "
                 "rival move, a legal or regulatory challenge.",
                 "Used when the event loosens ties or sets one party against another; a negotiated settlement of a "
                 "dispute is classified by what it changed, with a note on the call."),
    "neutral": ("Neutral", "Neither: background, a step by one party that does not change the relationship.",
                "Used when the event does not, on its own, bring the parties closer or push them apart."),
})
