"""The record model: immutable, typed attrs classes for articles and who said what in them.

The classes hold data and check it: each field's validator rejects a value that can never
be valid, and :class:`Article` checks that its quotes, and its entities' mentions, point
into its own text and at its own speakers (and that the quote its headline carries, if
any, points into its title).  They know nothing of JSON, CSV or parsing;
see ``_converter`` for the former and ``_parse`` for the latter.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterator
from functools import cached_property
from typing import Any, Final, TypeVar

import attrs

from newsrecord._langtag import is_language_tag
from newsrecord._problems import Problem

__all__ = [
    "SCHEMA",
    "Affiliation",
    "Article",
    "Entity",
    "Quote",
    "QuoteKind",
    "Span",
    "Speaker",
    "SpeakerKind",
    "iter_problems",
]

#: The version tag every JSON record carries under the key ``"schema"``.
SCHEMA: Final = "newsrecord/1"

#: The separator of paragraphs in :attr:`Article.text`.
PARAGRAPH_SEPARATOR: Final = "\n\n"


class QuoteKind(str, enum.Enum):
    """How a quote renders what was said."""

    #: The speaker's own words, inside quotation marks.
    DIRECT = "direct"
    #: Reported speech: "the minister said that ...".
    INDIRECT = "indirect"
    #: Reported speech that carries a quoted fragment: he called it "dead on arrival".
    MIXED = "mixed"

    def __str__(self) -> str:
        return self.value


class SpeakerKind(str, enum.Enum):
    """Who a speaker is."""

    PERSON = "person"
    ORGANIZATION = "organization"

    def __str__(self) -> str:
        return self.value


class InvalidValue(ValueError):
    """Raised by the field validators; :attr:`code` is a code of :data:`~newsrecord.CODES`."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


_T = TypeVar("_T")
_Validator = Callable[[Any, "attrs.Attribute[_T]", _T], None]


def _non_empty(code: str = "invalid-value") -> _Validator[str]:
    def check(_inst: Any, attribute: attrs.Attribute[str], value: str) -> None:
        if not value.strip():
            raise InvalidValue(code, f"{attribute.name} must not be empty")

    return check


def _non_negative(_inst: Any, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        raise InvalidValue("invalid-value", f"{attribute.name} must be >= 0, not {value}")


def _end_after_start(inst: Quote | Span, _attribute: attrs.Attribute[int], value: int) -> None:
    if value <= inst.start:
        raise InvalidValue(
            "invalid-value", f"end ({value}) must be greater than start ({inst.start})"
        )


def _language_tag(_inst: Any, _attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None and not is_language_tag(value):
        raise InvalidValue("invalid-language", f"{value!r} is not a well-formed BCP 47 tag")


def _affiliation_not_empty(
    inst: Affiliation, _attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if not (inst.organization or "").strip() and not (value or "").strip():
        raise InvalidValue("invalid-value", "an affiliation needs an organization or a role")


def _optional_non_empty(
    _inst: Any, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is not None and not value.strip():
        raise InvalidValue("invalid-value", f"{attribute.name} must be null or non-empty")


def _cross_references(inst: Article, _attribute: attrs.Attribute[Any], _value: Any) -> None:
    for problem in _cross_problems(inst):
        raise InvalidValue(problem.code, f"{problem.path}: {problem.message}")


@attrs.frozen(kw_only=True)
class Affiliation:
    """A speaker's tie to an organisation, in a role ("expert" at "Institute X")."""

    organization: str | None = attrs.field(default=None, validator=_optional_non_empty)
    role: str | None = attrs.field(
        default=None, validator=[_optional_non_empty, _affiliation_not_empty]
    )


@attrs.frozen(kw_only=True)
class Speaker:
    """A person or organisation quoted in an article.

    ``name`` is the fullest form the article gives; ``aliases`` are the other forms used
    for the same speaker ("Ms. Novak", "the economist"), pronouns excluded.
    """

    id: str = attrs.field(validator=_non_empty())
    name: str = attrs.field(validator=_non_empty())
    kind: SpeakerKind = SpeakerKind.PERSON
    aliases: tuple[str, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()


@attrs.frozen(kw_only=True)
class Quote:
    """Something a speaker said, located in :attr:`Article.text`.

    ``article.text[start:end] == text`` always holds; for a direct quote ``text`` is what
    stands inside the quotation marks.  (The one exception is :attr:`Article.title_quote`,
    whose ``start`` and ``end`` index :attr:`Article.title` instead.)  ``mention`` is the
    speaker as written next to the quote ("he", "Ms. Novak"), ``cue`` the attributing words
    ("noted", "according to"), ``via`` the medium when the article names one ("Valley
    Radio").
    """

    id: str = attrs.field(validator=_non_empty())
    kind: QuoteKind
    text: str = attrs.field(validator=_non_empty())
    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=[_non_negative, _end_after_start])
    speaker_id: str | None = attrs.field(default=None, validator=_optional_non_empty)
    mention: str | None = attrs.field(default=None, validator=_optional_non_empty)
    cue: str | None = attrs.field(default=None, validator=_optional_non_empty)
    via: str | None = attrs.field(default=None, validator=_optional_non_empty)


@attrs.frozen(kw_only=True)
class Span:
    """A located piece of :attr:`Article.text`: ``article.text[start:end] == text``."""

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=[_non_negative, _end_after_start])
    text: str = attrs.field(validator=_non_empty())


@attrs.frozen(kw_only=True)
class Entity:
    """A person or organisation the article names, whether it is quoted or not.

    ``name`` is the fullest form the article gives; ``mentions`` are the places where
    the article names it (names and descriptions, pronouns excluded), in text order.
    ``speaker_id`` is the id of its :class:`Speaker` when the entity is also quoted.
    """

    id: str = attrs.field(validator=_non_empty())
    name: str = attrs.field(validator=_non_empty())
    kind: SpeakerKind
    affiliations: tuple[Affiliation, ...] = ()
    mentions: tuple[Span, ...] = ()
    speaker_id: str | None = attrs.field(default=None, validator=_optional_non_empty)


@attrs.frozen(kw_only=True)
class Article:
    """One news article: its metadata, its paragraphs, and who said what in it.

    ``published`` is aware when the post gave a zone or offset, naive otherwise;
    ``published_raw`` keeps the date exactly as written.  ``language`` is a BCP 47 tag
    (``"en"``, ``"zh-CN"``) or ``None`` when it could not be told.  ``speakers`` are
    the people and organisations quoted; ``entities`` every person and organisation
    named, quoted or not (empty when nobody looked for them).  ``title_quote`` is the
    statement a headline such as "Expert: prices will fall" carries, a :class:`Quote`
    whose ``start`` and ``end`` index :attr:`title` (``title[start:end] == text``), or
    ``None``; it is not one of :attr:`quotes`, which are all in the body, and its id is
    none of theirs.
    """

    id: str = attrs.field(validator=_non_empty())
    title: str = attrs.field(validator=_non_empty("empty-title"))
    published: dt.datetime | None = None
    published_raw: str | None = None
    language: str | None = attrs.field(default=None, validator=_language_tag)
    source: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    paragraphs: tuple[str, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    quotes: tuple[Quote, ...] = attrs.field(default=(), validator=_cross_references)
    entities: tuple[Entity, ...] = ()
    title_quote: Quote | None = None

    @cached_property
    def text(self) -> str:
        """The body: the paragraphs joined by blank lines.  Quote offsets index into it."""
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)

    def speaker(self, speaker_id: str | None) -> Speaker | None:
        """The speaker with this id, or ``None``."""
        if speaker_id is None:
            return None
        for speaker in self.speakers:
            if speaker.id == speaker_id:
                return speaker
        return None

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or ``None``."""
        if entity_id is None:
            return None
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        return None


def _duplicates(ids: Iterator[str]) -> Iterator[tuple[int, str]]:
    seen: set[str] = set()
    for index, ident in enumerate(ids):
        if ident in seen:
            yield index, ident
        seen.add(ident)


def _cross_problems(article: Article) -> Iterator[Problem]:
    """Problems between an article's fields: spans, speaker references, duplicate ids."""
    text = article.text
    speaker_ids = {speaker.id for speaker in article.speakers}
    for index, ident in _duplicates(s.id for s in article.speakers):
        yield Problem(
            code="duplicate-id",
            message=f"speaker id {ident!r} is used twice",
            path=f"$.speakers[{index}].id",
        )
    for index, ident in _duplicates(q.id for q in article.quotes):
        yield Problem(
            code="duplicate-id",
            message=f"quote id {ident!r} is used twice",
            path=f"$.quotes[{index}].id",
        )
    for index, quote in enumerate(article.quotes):
        yield from _span_problems(text, quote, f"$.quotes[{index}]")
        if quote.speaker_id is not None and quote.speaker_id not in speaker_ids:
            yield Problem(
                code="unknown-speaker",
                message=f"speaker_id {quote.speaker_id!r} names no speaker of this article",
                path=f"$.quotes[{index}].speaker_id",
            )
    if article.entities:
        yield from _entity_problems(article.entities, text, speaker_ids)
    if article.title_quote is not None:
        yield from _title_quote_problems(article, speaker_ids)


def _title_quote_problems(article: Article, speaker_ids: set[str]) -> Iterator[Problem]:
    """The headline's quote: a span of the title, a known speaker, an id of its own."""
    quote = article.title_quote
    assert quote is not None
    yield from _span_problems(article.title, quote, "$.title_quote", what="title")
    if quote.speaker_id is not None and quote.speaker_id not in speaker_ids:
        yield Problem(
            code="unknown-speaker",
            message=f"speaker_id {quote.speaker_id!r} names no speaker of this article",
            path="$.title_quote.speaker_id",
        )
    if any(body.id == quote.id for body in article.quotes):
        yield Problem(
            code="duplicate-id",
            message=f"quote id {quote.id!r} is the id of a quote of the body too",
            path="$.title_quote.id",
        )


def _entity_problems(
    entities: tuple[Entity, ...], text: str, speaker_ids: set[str]
) -> Iterator[Problem]:
    for index, ident in _duplicates(e.id for e in entities):
        yield Problem(
            code="duplicate-id",
            message=f"entity id {ident!r} is used twice",
            path=f"$.entities[{index}].id",
        )
    linked: set[str] = set()
    size = len(text)
    for index, entity in enumerate(entities):
        for position, span in enumerate(entity.mentions):
            start, end = span.start, span.end
            if end <= size and start <= size and text[start:end] == span.text:
                continue  # the common case, checked without the generator
            yield from _span_problems(text, span, f"$.entities[{index}].mentions[{position}]")
        speaker_id = entity.speaker_id
        if speaker_id is None:
            continue
        if speaker_id not in speaker_ids:
            yield Problem(
                code="unknown-speaker",
                message=f"speaker_id {speaker_id!r} names no speaker of this article",
                path=f"$.entities[{index}].speaker_id",
            )
        elif speaker_id in linked:
            yield Problem(
                code="duplicate-id",
                message=f"speaker {speaker_id!r} is linked to an earlier entity already",
                path=f"$.entities[{index}].speaker_id",
            )
        linked.add(speaker_id)


def _span_problems(
    text: str, span: Quote | Span, path: str, what: str = "text"
) -> Iterator[Problem]:
    """Whether a quote's or a mention's span lies in the text (or the title, ``what``)
    and holds its text."""
    if span.end > len(text) or span.start > len(text):
        yield Problem(
            code="span-out-of-range",
            message=(
                f"span {span.start}..{span.end} lies outside the {what} ({len(text)} characters)"
            ),
            path=f"{path}.end",
        )
    elif text[span.start : span.end] != span.text:
        yield Problem(
            code="span-mismatch",
            message=(
                f"the {what} at {span.start}..{span.end} is "
                f"{_preview(text[span.start : span.end])}, not {_preview(span.text)}"
            ),
            path=f"{path}.text",
        )


def _preview(text: str, width: int = 40) -> str:
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def _field_problems(instance: Any, path: str) -> Iterator[Problem]:
    """Run every field validator of an attrs instance, recursing into nested records."""
    for attribute in attrs.fields(type(instance)):
        value = getattr(instance, attribute.name)
        here = f"{path}.{attribute.name}"
        validator = attribute.validator
        if validator is not None and attribute.name != "quotes":
            try:
                validator(instance, attribute, value)
            except InvalidValue as error:
                yield Problem(code=error.code, message=error.message, path=here)
        if isinstance(value, tuple):
            for index, item in enumerate(value):
                if attrs.has(type(item)):
                    yield from _field_problems(item, f"{here}[{index}]")
        elif attrs.has(type(value)):
            yield from _field_problems(value, here)


def iter_problems(article: Article) -> Iterator[Problem]:
    """Every problem of an article, field by field, then between fields.

    Useful on an article built with validators disabled (see :func:`attrs.validators.disabled`),
    which is how :func:`newsrecord.validate` reports all problems rather than the first.
    """
    yield from _field_problems(article, "$")
    yield from _cross_problems(article)
