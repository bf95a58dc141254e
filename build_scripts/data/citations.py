"""The citation form, said once: wherever data cites a source, an entry is either a bare source id or
a mapping that also records the passage behind the citation (or why none could be recorded).

    sources:
      - openai-2019-03-11-openai-lp                 # bare id: valid, no passage recorded
      - source: geekwire-2019-07-unprecedented-scale
        passage: "Microsoft will invest $1 billion in OpenAI …"   # the source's own words, verbatim
        read_in: original                           # original | copy | archive
      - source: wsj-2025-04-drifting-apart
        no_passage: paywall                         # paywall | print | video | audio | unavailable
        note: "The page is paywalled."

A validated entry is a `Citation`: a `str` (the source id, so every part of the pipeline that works with
ids keeps working) that also carries the passage, where it was read, and the reason when there is none.
It is written back the way it was given: a bare id stays a bare id. Pydantic types, no I/O.
"""
from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    StringConstraints,
    model_validator,
)
from pydantic_core import core_schema

from build_scripts.data.fields import Id, ShortText, Strict, no_control_characters


class ReadIn(str, Enum):
    """Where the passage was read: the source's `url`, its `read_via` copy, or its `archived` snapshot."""

    original = "original"
    copy = "copy"
    archive = "archive"


class NoPassage(str, Enum):
    """Why a citation records no passage."""

    paywall = "paywall"
    print = "print"
    video = "video"
    audio = "audio"
    unavailable = "unavailable"


def _no_brackets(value: str) -> str:
    if "[" in value or "]" in value:
        raise ValueError("a passage is the source's own words: square brackets are not allowed (cut with … instead)")
    return value


PassageText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000),
                        AfterValidator(no_control_characters), AfterValidator(_no_brackets)]


class CitationEntry(Strict):
    """A citation written as a mapping: the source, and the passage behind it or why there is none."""

    source: Id
    passage: PassageText | None = Field(None, description="The source's own words, copied character for "
                                        "character from the page as read (… marks a cut); at most the briefing's "
                                        "passage_max_words (default 60) words")
    read_in: ReadIn | None = Field(None, description="Where the passage was read: original (the source's url), "
                                   "copy (its read_via page) or archive (its archived snapshot). Default: copy "
                                   "when the source has read_via, else original")
    no_passage: NoPassage | None = Field(None, description="Why no passage is recorded")
    note: ShortText | None = Field(None, description="A plain-words reason or remark shown to readers")

    @model_validator(mode="after")
    def _one_or_other(self) -> "CitationEntry":
        if self.passage is not None and self.no_passage is not None:
            raise ValueError("a citation has a passage or a no_passage reason, not both")
        if self.read_in is not None and self.passage is None:
            raise ValueError("read_in says where a passage was read: add the passage, or remove read_in")
        return self


class Citation(str):
    """A cited source id (it is the id, as a string) with what was recorded about the citation."""

    passage: str | None
    read_in: ReadIn | None
    no_passage: NoPassage | None
    note: str | None
    written_as_mapping: bool

    def __new__(cls, source: str, passage: str | None = None, read_in: ReadIn | None = None,
                no_passage: NoPassage | None = None, note: str | None = None) -> "Citation":
        self = super().__new__(cls, source)
        self.passage, self.read_in, self.no_passage, self.note = passage, read_in, no_passage, note
        self.written_as_mapping = any(v is not None for v in (passage, read_in, no_passage, note))
        return self

    def __reduce__(self):  # copies and pickles keep what was recorded
        return (Citation, (str(self), self.passage, self.read_in, self.no_passage, self.note))

    @property
    def id(self) -> str:
        """The source id as a plain string."""
        return str(self)

    def read_where(self, has_copy: bool) -> ReadIn:
        """Where the passage was read, with the default filled in (has_copy: the source has read_via)."""
        return self.read_in or (ReadIn.copy if has_copy else ReadIn.original)

    def as_data(self) -> str | dict[str, str]:
        """The citation as written in data: a bare id, or a mapping of what was recorded."""
        if not self.written_as_mapping:
            return str(self)
        out = {"source": str(self)}
        for key in ("passage", "read_in", "no_passage", "note"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value.value if isinstance(value, Enum) else value
        return out

    @classmethod
    def _from_entry(cls, entry: CitationEntry) -> "Citation":
        return cls(entry.source, entry.passage, entry.read_in, entry.no_passage, entry.note)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema,
                                     handler: GetJsonSchemaHandler) -> dict:
        json_schema = handler(schema)
        handler.resolve_ref_schema(json_schema)["description"] = (
            "A cited source: its id, or a mapping with the id (source) and the passage behind the citation, or "
            "why none is recorded (no_passage)")
        return json_schema

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        # The tags hold a hyphen early on, so error locations leave them out (item_validation._clean_loc):
        # an error in a mapping reads sources[1].passage, one in a bare id sources[1].
        bare = core_schema.no_info_after_validator_function(cls, handler.generate_schema(Id))
        mapping = core_schema.no_info_after_validator_function(cls._from_entry,
                                                               handler.generate_schema(CitationEntry))
        return core_schema.tagged_union_schema(
            {"bare-id": bare, "as-mapping": mapping},
            discriminator=lambda value: "as-mapping" if isinstance(value, dict) else "bare-id", ref="Citation",
            serialization=core_schema.plain_serializer_function_ser_schema(lambda c: c.as_data()))


def ids(citations: Iterable[str]) -> list[str]:
    """The cited source ids, as plain strings."""
    return [str(c) for c in citations]


def with_passages(citations: Iterable[str]) -> list[Citation]:
    """The citations that record a passage."""
    return [c for c in citations if isinstance(c, Citation) and c.passage is not None]
