"""The newsrecord record model written with pydantic v2 and with msgspec, for benchmarks only.

These classes exist so that ``bench/serialization.py`` can time the same work through three
libraries; nothing in ``src/`` imports them, and pydantic and msgspec are benchmark-only
dependencies (``pip install -e '.[bench]'``).

They carry the constraints of ``newsrecord._model`` as far as each library can express them:

* strict types: a JSON value of the wrong type is an error, never coerced (pydantic
  ``strict=True``; msgspec decodes strictly by default);
* unknown keys are errors (pydantic ``extra="forbid"``, msgspec ``forbid_unknown_fields``);
* the ``"schema"`` key is required and must be ``"newsrecord/1"`` (a ``Literal``);
* ids, names, quote texts and titles must hold something else than white space, and the
  optional strings must be null or non-blank (a ``\\S`` pattern; pydantic's default regex
  engine is Rust's, whose ``\\s`` differs from ``str.isspace`` for a few control
  characters such as U+001C..U+001F);
* offsets are integers ``>= 0`` and ``end > start``; an affiliation has an organisation or
  a role; ``language`` is a well-formed BCP 47 tag (the pattern of
  ``newsrecord._langtag``, spelled out without the case-insensitive flag);
* the cross checks of an article (duplicate speaker and quote ids, spans inside the text
  and equal to the quote's text, speaker references that resolve) run in a pydantic
  ``model_validator`` and a msgspec ``__post_init__``.

What neither does: newsrecord rejects duplicate keys in a JSON object; pydantic (jiter) and
msgspec keep the last value.  They are not expected to report every problem of a record
either (pydantic does list several; msgspec stops at the first).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Iterator
from typing import Annotated, Literal, Protocol

import msgspec
import pydantic

__all__ = [
    "MsgspecAffiliation",
    "MsgspecArticle",
    "MsgspecQuote",
    "MsgspecSpeaker",
    "PydanticAffiliation",
    "PydanticArticle",
    "PydanticQuote",
    "PydanticSpeaker",
    "QuoteKind",
    "SpeakerKind",
]

SCHEMA = "newsrecord/1"
PARAGRAPH_SEPARATOR = "\n\n"

#: Something else than white space somewhere (``str.strip()`` leaves something).
NON_BLANK = r"\S"

_ALNUM = "[A-Za-z0-9]"
#: ``newsrecord._langtag._LANGTAG_RE`` anchored, with explicit cases instead of
#: ``re.IGNORECASE | re.ASCII`` (Rust's case folding would let in the Kelvin sign).
LANGUAGE_TAG = (
    r"^[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}"
    r"(?:-[A-Za-z]{4})?"
    r"(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
    rf"(?:-(?:{_ALNUM}{{5,8}}|[0-9]{_ALNUM}{{3}}))*"
    rf"(?:-[0-9A-WYZa-wyz](?:-{_ALNUM}{{2,8}})+)*"
    rf"(?:-[xX](?:-{_ALNUM}{{1,8}})+)?$"
)
#: The same for Python's ``re`` (msgspec), where ``$`` would also match before a final ``\n``.
LANGUAGE_TAG_PY = LANGUAGE_TAG[:-1] + r"\Z"


class QuoteKind(str, enum.Enum):
    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class SpeakerKind(str, enum.Enum):
    PERSON = "person"
    ORGANIZATION = "organization"


class _Span(Protocol):
    """The parts of a quote that the article's cross checks read."""

    @property
    def id(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def speaker_id(self) -> str | None: ...


def _duplicates(ids: Iterable[str]) -> Iterator[str]:
    seen: set[str] = set()
    for ident in ids:
        if ident in seen:
            yield ident
        seen.add(ident)


def _check_article(
    paragraphs: tuple[str, ...], speaker_ids: list[str], quotes: tuple[_Span, ...]
) -> None:
    """The cross checks of ``newsrecord._model._cross_problems``; raises at the first problem."""
    for ident in _duplicates(speaker_ids):
        raise ValueError(f"speaker id {ident!r} is used twice")
    for ident in _duplicates(quote.id for quote in quotes):
        raise ValueError(f"quote id {ident!r} is used twice")
    text = PARAGRAPH_SEPARATOR.join(paragraphs)
    known = set(speaker_ids)
    for quote in quotes:
        if quote.end > len(text) or quote.start > len(text):
            raise ValueError(f"span {quote.start}..{quote.end} lies outside the text")
        if text[quote.start : quote.end] != quote.text:
            raise ValueError(f"the text at {quote.start}..{quote.end} is not the quote's text")
        if quote.speaker_id is not None and quote.speaker_id not in known:
            raise ValueError(f"speaker_id {quote.speaker_id!r} names no speaker")


# --------------------------------------------------------------------------- pydantic v2

_PydanticText = Annotated[str, pydantic.StringConstraints(pattern=NON_BLANK)]
_PydanticOffset = Annotated[int, pydantic.Field(ge=0)]
_PYDANTIC_CONFIG = pydantic.ConfigDict(strict=True, extra="forbid", frozen=True)


class PydanticAffiliation(pydantic.BaseModel):
    model_config = _PYDANTIC_CONFIG

    organization: _PydanticText | None = None
    role: _PydanticText | None = None

    @pydantic.model_validator(mode="after")
    def _not_empty(self) -> PydanticAffiliation:
        if self.organization is None and self.role is None:
            raise ValueError("an affiliation needs an organization or a role")
        return self


class PydanticSpeaker(pydantic.BaseModel):
    model_config = _PYDANTIC_CONFIG

    id: _PydanticText
    name: _PydanticText
    kind: SpeakerKind = SpeakerKind.PERSON
    aliases: tuple[str, ...] = ()
    affiliations: tuple[PydanticAffiliation, ...] = ()


class PydanticQuote(pydantic.BaseModel):
    model_config = _PYDANTIC_CONFIG

    id: _PydanticText
    kind: QuoteKind
    text: _PydanticText
    start: _PydanticOffset
    end: _PydanticOffset
    speaker_id: _PydanticText | None = None
    mention: _PydanticText | None = None
    cue: _PydanticText | None = None
    via: _PydanticText | None = None

    @pydantic.model_validator(mode="after")
    def _end_after_start(self) -> PydanticQuote:
        if self.end <= self.start:
            raise ValueError(f"end ({self.end}) must be greater than start ({self.start})")
        return self


class PydanticArticle(pydantic.BaseModel):
    model_config = _PYDANTIC_CONFIG

    schema_: Literal["newsrecord/1"] = pydantic.Field(alias="schema")
    id: _PydanticText
    title: _PydanticText
    published: dt.datetime | None = None
    published_raw: str | None = None
    language: Annotated[str, pydantic.StringConstraints(pattern=LANGUAGE_TAG)] | None = None
    source: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    paragraphs: tuple[str, ...] = ()
    speakers: tuple[PydanticSpeaker, ...] = ()
    quotes: tuple[PydanticQuote, ...] = ()

    @pydantic.model_validator(mode="after")
    def _cross_references(self) -> PydanticArticle:
        _check_article(
            self.paragraphs,
            [speaker.id for speaker in self.speakers],
            self.quotes,
        )
        return self


# --------------------------------------------------------------------------- msgspec

_MsgspecText = Annotated[str, msgspec.Meta(pattern=NON_BLANK)]
_MsgspecOffset = Annotated[int, msgspec.Meta(ge=0)]


class MsgspecAffiliation(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    organization: _MsgspecText | None = None
    role: _MsgspecText | None = None

    def __post_init__(self) -> None:
        if self.organization is None and self.role is None:
            raise ValueError("an affiliation needs an organization or a role")


class MsgspecSpeaker(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    id: _MsgspecText
    name: _MsgspecText
    kind: SpeakerKind = SpeakerKind.PERSON
    aliases: tuple[str, ...] = ()
    affiliations: tuple[MsgspecAffiliation, ...] = ()


class MsgspecQuote(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    id: _MsgspecText
    kind: QuoteKind
    text: _MsgspecText
    start: _MsgspecOffset
    end: _MsgspecOffset
    speaker_id: _MsgspecText | None = None
    mention: _MsgspecText | None = None
    cue: _MsgspecText | None = None
    via: _MsgspecText | None = None

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError(f"end ({self.end}) must be greater than start ({self.start})")


class MsgspecArticle(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    schema_: Literal["newsrecord/1"] = msgspec.field(name="schema")
    id: _MsgspecText
    title: _MsgspecText
    published: dt.datetime | None = None
    published_raw: str | None = None
    language: Annotated[str, msgspec.Meta(pattern=LANGUAGE_TAG_PY)] | None = None
    source: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    paragraphs: tuple[str, ...] = ()
    speakers: tuple[MsgspecSpeaker, ...] = ()
    quotes: tuple[MsgspecQuote, ...] = ()

    def __post_init__(self) -> None:
        _check_article(
            self.paragraphs,
            [speaker.id for speaker in self.speakers],
            self.quotes,
        )
