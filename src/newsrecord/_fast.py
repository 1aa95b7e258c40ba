"""The fast paths of the converter: records built and written by code written for them.

cattrs' generated hooks and the attrs classes' ``__init__`` and validators are general:
every field goes through a hook call, every validator through a function call, and the
cross checks of an :class:`~newsrecord.Article` through a generator of problems.  The
functions here do the same checks for the six record classes, inline, and build the
instances by setting their slots directly; they write JSON text, or JSON-ready dicts,
straight from the instances.

Each of them either gives exactly what the general path gives, or *declines* (raises
:class:`Decline` or any other exception; the callers catch them all) and leaves the work
to the general path, which then says what is wrong.  So they are never the reason a
record is accepted or rejected, only the reason it is quick:

* :func:`build_article` accepts only a dict that the strict converter structures
  without a problem, and returns an equal :class:`~newsrecord.Article`.  It declines
  anything unusual (a tuple for a list, a subclass of ``str`` for a string, a float,
  an unknown key, a broken cross reference, ...).
* :func:`article_text` and :func:`article_dict` write an article as
  ``json.dumps(unstructure(article), ensure_ascii=False, separators=(",", ":"))`` and as
  ``unstructure(article)`` would, and decline any value whose exact type is not what a
  valid article holds (an article built with validators off can hold anything).

``tests/test_fast.py`` checks the agreement on generated records, valid and broken.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Callable
from json.encoder import encode_basestring
from typing import Any, Final

import attrs

from newsrecord._langtag import is_language_tag
from newsrecord._model import (
    PARAGRAPH_SEPARATOR,
    SCHEMA,
    Affiliation,
    Article,
    Entity,
    Quote,
    QuoteKind,
    Span,
    Speaker,
    SpeakerKind,
)

__all__ = [
    "Decline",
    "article_dict",
    "article_text",
    "build_article",
    "new_entity",
    "new_span",
    "parse_datetime",
]


class Decline(Exception):
    """The fast path leaves this one to the general path."""


def parse_datetime(value: str) -> dt.datetime:
    """An ISO 8601 date-time string as a datetime; a final ``Z`` means UTC.

    Raises :class:`ValueError` for text that is not one.  (The one definition, shared
    with the converter's hook.)
    """
    text = value[:-1] + "+00:00" if value.endswith(("Z", "z")) else value
    return dt.datetime.fromisoformat(text)


# --------------------------------------------------------------------------- building

_new: Final = object.__new__
_ONLY_STR: Final = frozenset({str})


def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(field.name for field in attrs.fields(cls))


def _setters(cls: type, *names: str) -> tuple[Callable[[Any, Any], None], ...]:
    """The setters of the slots ``names``, which a frozen class's ``__setattr__`` does not
    stand in front of.  ``names`` must be the class's fields in order: this module fails
    at import rather than fall behind the model."""
    if names != _field_names(cls):  # pragma: no cover - the model changed
        raise TypeError(f"the fields of {cls.__name__} are {_field_names(cls)}, not {names}")
    found = []
    for name in names:
        descriptor = cls.__dict__[name]
        if not isinstance(descriptor, types.MemberDescriptorType):  # pragma: no cover
            raise TypeError(f"{cls.__name__}.{name} is not a slot")
        found.append(descriptor.__set__)
    return tuple(found)


#: The keys a record's objects may have: their fields (and the article's ``"schema"``).
_AFFILIATION_KEYS: Final = frozenset(_field_names(Affiliation))
_SPEAKER_KEYS: Final = frozenset(_field_names(Speaker))
_QUOTE_KEYS: Final = frozenset(_field_names(Quote))
_SPAN_KEYS: Final = frozenset(_field_names(Span))
_ENTITY_KEYS: Final = frozenset(_field_names(Entity))
_ARTICLE_KEYS: Final = frozenset({"schema", *_field_names(Article)})

_set_organization, _set_role = _setters(Affiliation, "organization", "role")
(
    _set_speaker_id,
    _set_name,
    _set_speaker_kind,
    _set_aliases,
    _set_affiliations,
) = _setters(Speaker, "id", "name", "kind", "aliases", "affiliations")
(
    _set_quote_id,
    _set_quote_kind,
    _set_quote_text,
    _set_start,
    _set_end,
    _set_speaker_ref,
    _set_mention,
    _set_cue,
    _set_via,
) = _setters(Quote, "id", "kind", "text", "start", "end", "speaker_id", "mention", "cue", "via")
(
    _set_article_id,
    _set_title,
    _set_published,
    _set_published_raw,
    _set_language,
    _set_source,
    _set_url,
    _set_authors,
    _set_paragraphs,
    _set_speakers,
    _set_quotes,
    _set_entities,
    _set_title_quote,
) = _setters(
    Article,
    "id",
    "title",
    "published",
    "published_raw",
    "language",
    "source",
    "url",
    "authors",
    "paragraphs",
    "speakers",
    "quotes",
    "entities",
    "title_quote",
)
_set_span_start, _set_span_end, _set_span_text = _setters(Span, "start", "end", "text")
(
    _set_entity_id,
    _set_entity_name,
    _set_entity_kind,
    _set_entity_affiliations,
    _set_mentions,
    _set_entity_speaker,
) = _setters(Entity, "id", "name", "kind", "affiliations", "mentions", "speaker_id")
#: ``Article.text`` is a cached property, kept in a slot of its own by attrs; filling it
#: saves joining the paragraphs again.  (Left alone where attrs keeps it elsewhere.)
_text_slot = Article.__dict__.get("text")
_set_text: Callable[[Any, Any], None] | None = (
    _text_slot.__set__ if isinstance(_text_slot, types.MemberDescriptorType) else None
)

_SPEAKER_KINDS: Final = {member.value: member for member in SpeakerKind}
_QUOTE_KINDS: Final = {member.value: member for member in QuoteKind}

#: Language tags already checked (a dataset uses a handful); bounded all the same.
_good_languages: set[str] = set()
_LANGUAGE_CACHE_SIZE: Final = 256


def _blank(value: str) -> bool:
    return not value or value.isspace()


def _strings(value: object) -> tuple[str, ...]:
    """A JSON list of strings as a tuple."""
    if type(value) is not list or not set(map(type, value)) <= _ONLY_STR:
        raise Decline
    return tuple(value)


def _optional_text(value: object) -> bool:
    """Whether ``value`` is ``None`` or a string that is not blank."""
    return value is None or (type(value) is str and not _blank(value))


def _affiliation(data: object) -> Affiliation:
    if type(data) is not dict or not data.keys() <= _AFFILIATION_KEYS:
        raise Decline
    organization = data.get("organization")
    role = data.get("role")
    if (organization is None and role is None) or not (
        _optional_text(organization) and _optional_text(role)
    ):
        raise Decline
    affiliation = _new(Affiliation)
    _set_organization(affiliation, organization)
    _set_role(affiliation, role)
    return affiliation


def _speaker(data: object) -> Speaker:
    if type(data) is not dict or not data.keys() <= _SPEAKER_KEYS:
        raise Decline
    ident = data["id"]
    name = data["name"]
    if type(ident) is not str or type(name) is not str or _blank(ident) or _blank(name):
        raise Decline
    kind = data.get("kind", "person")
    if type(kind) is not str:
        raise Decline
    speaker = _new(Speaker)
    _set_speaker_id(speaker, ident)
    _set_name(speaker, name)
    _set_speaker_kind(speaker, _SPEAKER_KINDS[kind])
    _set_aliases(speaker, _strings(data["aliases"]) if "aliases" in data else ())
    affiliations = data.get("affiliations", _EMPTY_LIST)
    if type(affiliations) is not list:
        raise Decline
    _set_affiliations(speaker, tuple([_affiliation(item) for item in affiliations]))
    return speaker


_EMPTY_LIST: Final[list[Any]] = []


def _quote(data: object, text: str, speaker_ids: set[str]) -> Quote:
    """A quote, checked against the article's text (the title, for the headline's quote)
    and speakers too."""
    if type(data) is not dict or not data.keys() <= _QUOTE_KEYS:
        raise Decline
    ident = data["id"]
    said = data["text"]
    start = data["start"]
    end = data["end"]
    kind = data["kind"]
    if (
        type(ident) is not str
        or type(said) is not str
        or type(start) is not int
        or type(end) is not int
        or type(kind) is not str
        or _blank(ident)
        or _blank(said)
        or not 0 <= start < end <= len(text)
        or text[start:end] != said
    ):
        raise Decline
    speaker_id = data.get("speaker_id")
    mention = data.get("mention")
    cue = data.get("cue")
    via = data.get("via")
    if speaker_id is not None and speaker_id not in speaker_ids:
        raise Decline
    if not (
        _optional_text(speaker_id)
        and _optional_text(mention)
        and _optional_text(cue)
        and _optional_text(via)
    ):
        raise Decline
    quote = _new(Quote)
    _set_quote_id(quote, ident)
    _set_quote_kind(quote, _QUOTE_KINDS[kind])
    _set_quote_text(quote, said)
    _set_start(quote, start)
    _set_end(quote, end)
    _set_speaker_ref(quote, speaker_id)
    _set_mention(quote, mention)
    _set_cue(quote, cue)
    _set_via(quote, via)
    return quote


def _span(data: object, text: str) -> Span:
    """A mention's span, checked against the article's text."""
    if type(data) is not dict or not data.keys() <= _SPAN_KEYS:
        raise Decline
    start = data["start"]
    end = data["end"]
    said = data["text"]
    if (
        type(start) is not int
        or type(end) is not int
        or type(said) is not str
        or _blank(said)
        or not 0 <= start < end <= len(text)
        or text[start:end] != said
    ):
        raise Decline
    span = _new(Span)
    _set_span_start(span, start)
    _set_span_end(span, end)
    _set_span_text(span, said)
    return span


def _entity(data: object, text: str, speaker_ids: set[str], linked: set[str]) -> Entity:
    """An entity, checked against the article's text and speakers (each linked once)."""
    if type(data) is not dict or not data.keys() <= _ENTITY_KEYS:
        raise Decline
    ident = data["id"]
    name = data["name"]
    kind = data["kind"]
    if (
        type(ident) is not str
        or type(name) is not str
        or type(kind) is not str
        or _blank(ident)
        or _blank(name)
    ):
        raise Decline
    speaker_id = data.get("speaker_id")
    if speaker_id is not None:
        if speaker_id not in speaker_ids or speaker_id in linked or not _optional_text(speaker_id):
            raise Decline
        linked.add(speaker_id)
    affiliations = data.get("affiliations", _EMPTY_LIST)
    mentions = data.get("mentions", _EMPTY_LIST)
    if type(affiliations) is not list or type(mentions) is not list:
        raise Decline
    entity = _new(Entity)
    _set_entity_id(entity, ident)
    _set_entity_name(entity, name)
    _set_entity_kind(entity, _SPEAKER_KINDS[kind])
    _set_entity_affiliations(entity, tuple([_affiliation(item) for item in affiliations]))
    _set_mentions(entity, tuple([_span(item, text) for item in mentions]))
    _set_entity_speaker(entity, speaker_id)
    return entity


def new_span(start: int, end: int, text: str) -> Span:
    """``Span(start=start, end=end, text=text)`` without running its validators.

    For callers that hold its invariants by construction (the parser: ``0 <= start <
    end`` and a ``text`` that is not blank); the article that holds the span still
    checks that it lies in its text and matches it.
    """
    span = _new(Span)
    _set_span_start(span, start)
    _set_span_end(span, end)
    _set_span_text(span, text)
    return span


def new_entity(
    ident: str,
    name: str,
    kind: SpeakerKind,
    affiliations: tuple[Affiliation, ...],
    mentions: tuple[Span, ...],
    speaker_id: str | None,
) -> Entity:
    """An :class:`~newsrecord.Entity` without running its validators, as :func:`new_span`
    (id and name not blank, ``speaker_id`` ``None`` or not blank)."""
    entity = _new(Entity)
    _set_entity_id(entity, ident)
    _set_entity_name(entity, name)
    _set_entity_kind(entity, kind)
    _set_entity_affiliations(entity, affiliations)
    _set_mentions(entity, mentions)
    _set_entity_speaker(entity, speaker_id)
    return entity


def _language(value: object) -> str | None:
    if value is None:
        return None
    if type(value) is not str:
        raise Decline
    if value not in _good_languages:
        if not is_language_tag(value):
            raise Decline
        if len(_good_languages) >= _LANGUAGE_CACHE_SIZE:
            _good_languages.clear()
        _good_languages.add(value)
    return value


def build_article(data: object) -> Article:
    """The article of a JSON-ready record that is valid in every respect; else declines.

    The result equals what the strict converter builds from ``data``.
    """
    if type(data) is not dict or not data.keys() <= _ARTICLE_KEYS or data["schema"] != SCHEMA:
        raise Decline
    get = data.get
    ident = data["id"]
    title = data["title"]
    if type(ident) is not str or type(title) is not str or _blank(ident) or _blank(title):
        raise Decline
    published = get("published")
    if published is not None:
        if type(published) is not str:
            raise Decline
        published = parse_datetime(published)
    published_raw = get("published_raw")
    source = get("source")
    url = get("url")
    for value in (published_raw, source, url):
        if value is not None and type(value) is not str:
            raise Decline
    paragraphs = _strings(data["paragraphs"]) if "paragraphs" in data else ()
    text = PARAGRAPH_SEPARATOR.join(paragraphs)
    speaker_list = get("speakers", _EMPTY_LIST)
    if type(speaker_list) is not list:
        raise Decline
    speakers = tuple([_speaker(item) for item in speaker_list])
    speaker_ids = {speaker.id for speaker in speakers}
    quote_list = get("quotes", _EMPTY_LIST)
    if len(speaker_ids) != len(speakers) or type(quote_list) is not list:
        raise Decline
    quotes = tuple([_quote(item, text, speaker_ids) for item in quote_list])
    if len({quote.id for quote in quotes}) != len(quotes):
        raise Decline
    entity_list = get("entities", _EMPTY_LIST)
    if type(entity_list) is not list:
        raise Decline
    entities: tuple[Entity, ...] = ()
    if entity_list:
        linked: set[str] = set()
        entities = tuple([_entity(item, text, speaker_ids, linked) for item in entity_list])
        if len({entity.id for entity in entities}) != len(entities):
            raise Decline
    title_quote = get("title_quote")
    if title_quote is not None:
        title_quote = _quote(title_quote, title, speaker_ids)
        if any(quote.id == title_quote.id for quote in quotes):
            raise Decline
    article = _new(Article)
    _set_article_id(article, ident)
    _set_title(article, title)
    _set_published(article, published)
    _set_published_raw(article, published_raw)
    _set_language(article, _language(get("language")))
    _set_source(article, source)
    _set_url(article, url)
    _set_authors(article, _strings(data["authors"]) if "authors" in data else ())
    _set_paragraphs(article, paragraphs)
    _set_speakers(article, speakers)
    _set_quotes(article, quotes)
    _set_entities(article, entities)
    _set_title_quote(article, title_quote)
    if _set_text is not None:
        _set_text(article, text)
    return article


# --------------------------------------------------------------------------- writing

_NULL: Final = "null"
_QUOTE_KIND_TEXT: Final = {member: encode_basestring(member.value) for member in QuoteKind}
_SPEAKER_KIND_TEXT: Final = {member: encode_basestring(member.value) for member in SpeakerKind}


def _text_or_null(value: object) -> str:
    return _NULL if value is None else encode_basestring(value)  # type: ignore[arg-type]


def _strings_text(value: object) -> str:
    if type(value) is not tuple:
        raise Decline
    return ",".join(map(encode_basestring, value))


def _affiliation_text(affiliation: object) -> str:
    if type(affiliation) is not Affiliation:
        raise Decline
    return (
        f'{{"organization":{_text_or_null(affiliation.organization)},'
        f'"role":{_text_or_null(affiliation.role)}}}'
    )


def _speaker_text(speaker: object) -> str:
    if type(speaker) is not Speaker:
        raise Decline
    affiliations = speaker.affiliations
    if type(affiliations) is not tuple:
        raise Decline
    return (
        f'{{"id":{encode_basestring(speaker.id)},"name":{encode_basestring(speaker.name)},'
        f'"kind":{_SPEAKER_KIND_TEXT[speaker.kind]},'
        f'"aliases":[{_strings_text(speaker.aliases)}],'
        f'"affiliations":[{",".join(map(_affiliation_text, affiliations))}]}}'
    )


def _quote_text(quote: object) -> str:
    if type(quote) is not Quote:
        raise Decline
    start = quote.start
    end = quote.end
    if type(start) is not int or type(end) is not int:
        raise Decline
    return (
        f'{{"id":{encode_basestring(quote.id)},"kind":{_QUOTE_KIND_TEXT[quote.kind]},'
        f'"text":{encode_basestring(quote.text)},"start":{start},"end":{end},'
        f'"speaker_id":{_text_or_null(quote.speaker_id)},'
        f'"mention":{_text_or_null(quote.mention)},'
        f'"cue":{_text_or_null(quote.cue)},"via":{_text_or_null(quote.via)}}}'
    )


def _span_text(span: object) -> str:
    if type(span) is not Span:
        raise Decline
    start = span.start
    end = span.end
    if type(start) is not int or type(end) is not int:
        raise Decline
    return f'{{"start":{start},"end":{end},"text":{encode_basestring(span.text)}}}'


def _entity_text(entity: object) -> str:
    if type(entity) is not Entity:
        raise Decline
    affiliations = entity.affiliations
    mentions = entity.mentions
    if type(affiliations) is not tuple or type(mentions) is not tuple:
        raise Decline
    return (
        f'{{"id":{encode_basestring(entity.id)},"name":{encode_basestring(entity.name)},'
        f'"kind":{_SPEAKER_KIND_TEXT[entity.kind]},'
        f'"affiliations":[{",".join(map(_affiliation_text, affiliations))}],'
        f'"mentions":[{",".join(map(_span_text, mentions))}],'
        f'"speaker_id":{_text_or_null(entity.speaker_id)}}}'
    )


def _entities_text(entities: object) -> str:
    """The ``"entities"`` member with a leading comma, or nothing when there are none."""
    if type(entities) is not tuple:
        raise Decline
    if not entities:
        return ""
    return f',"entities":[{",".join(map(_entity_text, entities))}]'


def _title_quote_text(quote: object) -> str:
    """The ``"title_quote"`` member with a leading comma, or nothing when there is none."""
    if quote is None:
        return ""
    return f',"title_quote":{_quote_text(quote)}'


def _published_text(value: object) -> str:
    if value is None:
        return _NULL
    if type(value) is not dt.datetime:
        raise Decline
    return encode_basestring(value.isoformat())


def article_text(article: Article) -> str:
    """Compact JSON text of an article, as the general path writes it (lone surrogates
    left as they are, for the caller to escape as it does); else declines."""
    if type(article) is not Article:
        raise Decline
    speakers = article.speakers
    quotes = article.quotes
    if type(speakers) is not tuple or type(quotes) is not tuple:
        raise Decline
    return (
        f'{{"schema":"{SCHEMA}","id":{encode_basestring(article.id)},'
        f'"title":{encode_basestring(article.title)},'
        f'"published":{_published_text(article.published)},'
        f'"published_raw":{_text_or_null(article.published_raw)},'
        f'"language":{_text_or_null(article.language)},'
        f'"source":{_text_or_null(article.source)},"url":{_text_or_null(article.url)},'
        f'"authors":[{_strings_text(article.authors)}],'
        f'"paragraphs":[{_strings_text(article.paragraphs)}],'
        f'"speakers":[{",".join(map(_speaker_text, speakers))}],'
        f'"quotes":[{",".join(map(_quote_text, quotes))}]'
        f"{_entities_text(article.entities)}{_title_quote_text(article.title_quote)}}}"
    )


def _check_optional(*values: object) -> None:
    for value in values:
        if value is not None and type(value) is not str:
            raise Decline


def _string_list(value: object) -> list[str]:
    if type(value) is not tuple or not set(map(type, value)) <= _ONLY_STR:
        raise Decline
    return list(value)


def _affiliation_dict(affiliation: object) -> dict[str, Any]:
    if type(affiliation) is not Affiliation:
        raise Decline
    organization = affiliation.organization
    role = affiliation.role
    _check_optional(organization, role)
    return {"organization": organization, "role": role}


def _speaker_dict(speaker: object) -> dict[str, Any]:
    if type(speaker) is not Speaker:
        raise Decline
    ident = speaker.id
    name = speaker.name
    affiliations = speaker.affiliations
    if type(ident) is not str or type(name) is not str or type(affiliations) is not tuple:
        raise Decline
    return {
        "id": ident,
        "name": name,
        "kind": speaker.kind._value_,
        "aliases": _string_list(speaker.aliases),
        "affiliations": [_affiliation_dict(item) for item in affiliations],
    }


def _quote_dict(quote: object) -> dict[str, Any]:
    if type(quote) is not Quote:
        raise Decline
    ident = quote.id
    said = quote.text
    start = quote.start
    end = quote.end
    speaker_id = quote.speaker_id
    mention = quote.mention
    cue = quote.cue
    via = quote.via
    if (
        type(ident) is not str
        or type(said) is not str
        or type(start) is not int
        or type(end) is not int
        or type(quote.kind) is not QuoteKind
    ):
        raise Decline
    _check_optional(speaker_id, mention, cue, via)
    return {
        "id": ident,
        "kind": quote.kind._value_,
        "text": said,
        "start": start,
        "end": end,
        "speaker_id": speaker_id,
        "mention": mention,
        "cue": cue,
        "via": via,
    }


def _span_dict(span: object) -> dict[str, Any]:
    if type(span) is not Span:
        raise Decline
    start = span.start
    end = span.end
    said = span.text
    if type(start) is not int or type(end) is not int or type(said) is not str:
        raise Decline
    return {"start": start, "end": end, "text": said}


def _entity_dict(entity: object) -> dict[str, Any]:
    if type(entity) is not Entity:
        raise Decline
    ident = entity.id
    name = entity.name
    affiliations = entity.affiliations
    mentions = entity.mentions
    speaker_id = entity.speaker_id
    if (
        type(ident) is not str
        or type(name) is not str
        or type(affiliations) is not tuple
        or type(mentions) is not tuple
    ):
        raise Decline
    _check_optional(speaker_id)
    return {
        "id": ident,
        "name": name,
        "kind": entity.kind._value_,
        "affiliations": [_affiliation_dict(item) for item in affiliations],
        "mentions": [_span_dict(item) for item in mentions],
        "speaker_id": speaker_id,
    }


def article_dict(article: Article) -> dict[str, Any]:
    """The JSON-ready dict of an article, as the general path builds it; else declines.

    Every value is of an exact JSON type (``str``, ``int``, ``None``, ``list``, ``dict``),
    so any JSON writer writes it as the standard library does.
    """
    if type(article) is not Article:
        raise Decline
    ident = article.id
    title = article.title
    published = article.published
    published_raw = article.published_raw
    language = article.language
    source = article.source
    url = article.url
    speakers = article.speakers
    quotes = article.quotes
    entities = article.entities
    if (
        type(ident) is not str
        or type(title) is not str
        or type(speakers) is not tuple
        or type(quotes) is not tuple
        or type(entities) is not tuple
    ):
        raise Decline
    _check_optional(published_raw, language, source, url)
    if published is not None and type(published) is not dt.datetime:
        raise Decline
    data: dict[str, Any] = {
        "schema": SCHEMA,
        "id": ident,
        "title": title,
        "published": None if published is None else published.isoformat(),
        "published_raw": published_raw,
        "language": language,
        "source": source,
        "url": url,
        "authors": _string_list(article.authors),
        "paragraphs": _string_list(article.paragraphs),
        "speakers": [_speaker_dict(item) for item in speakers],
        "quotes": [_quote_dict(item) for item in quotes],
    }
    if entities:
        data["entities"] = [_entity_dict(item) for item in entities]
    title_quote = article.title_quote
    if title_quote is not None:
        data["title_quote"] = _quote_dict(title_quote)
    return data
