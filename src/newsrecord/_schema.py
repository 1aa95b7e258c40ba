"""The JSON Schema (draft 2020-12) of one article record, derived from the record model.

Types, required keys, nullability, enums and nesting come from the attrs classes of
``_model`` (their fields and type hints); the constraints come from the field validators,
each of which is either translated (non-empty strings, offsets ``>= 0``, language tags,
"an affiliation needs an organization or a role") or listed as a check the schema cannot
express (quote spans, speaker references, ``end > start``, duplicate ids).  A validator
the schema knows nothing of is an error, so a new rule in the model cannot be forgotten
here silently.

The schema describes records as newsrecord writes them.  What it cannot say is checked
by :func:`newsrecord.validate` (and ``newsrecord validate``) only:

* a quote's or a mention's ``end`` must be greater than its ``start``, and its span must
  lie in the article text (the title, for the headline's ``title_quote``) and match its
  ``text``;
* a ``speaker_id`` (of a quote or an entity) must name a speaker of the same article,
  and no two entities may name the same speaker;
* ids of quotes (``title_quote`` included), of speakers, of entities (within an article)
  and of articles (across a dataset) must be unique;
* integers must be JSON integers: JSON Schema's ``integer`` also accepts ``3.0``;
* ``published`` is read with :meth:`datetime.datetime.fromisoformat`, which on Python
  3.11 and later reads more ISO 8601 forms than the schema's pattern accepts.  The
  pattern accepts what newsrecord writes (``isoformat()``) and what every supported
  Python reads: a date, ``T``, a time to the minute, second, millisecond or microsecond,
  and an optional UTC offset or ``Z``.  It does not know the lengths of months
  (February 30 passes it).  It is a pattern rather than ``"format": "date-time"``
  because a date and time without a UTC offset, which a record may hold, is not an
  RFC 3339 date-time.
"""

from __future__ import annotations

import copy
import datetime as dt
import enum
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any, Final

import attrs

from newsrecord import _model
from newsrecord._model import SCHEMA, Article

__all__ = ["SCHEMA_ID", "json_schema"]

#: The ``$id`` of the schema: a URN, because the schema is not published at any URL.
SCHEMA_ID: Final = "urn:newsrecord:schema:1"

_DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"

#: End of a pattern: ``$`` alone also matches before a final newline in Python's ``re``
#: (which the ``jsonschema`` package uses); the lookahead makes it mean the end, there
#: and in ECMA 262 alike.
_END: Final = "$(?!\\n)"

#: A string that is not empty and not only white space (``str.strip()`` leaves something).
_NON_BLANK: Final[dict[str, Any]] = {"minLength": 1, "pattern": "\\S"}

#: A well-formed BCP 47 tag, in any case: the syntax of ``_langtag.is_language_tag``.
_LANGUAGE_TAG: Final = (
    "^[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}"
    "(?:-[A-Za-z]{4})?"
    "(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
    "(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
    "(?:-[0-9A-WYZa-wyz](?:-[A-Za-z0-9]{2,8})+)*"
    "(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?" + _END
)

#: An ISO 8601 date and time as newsrecord writes it (``datetime.isoformat()``), with or
#: without a UTC offset or ``Z``; also minutes without seconds and milliseconds, which
#: every supported Python reads.  (Impossible dates such as February 30 pass the pattern.)
_DATE_TIME: Final = (
    "^(?!0000)[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
    "T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{3}(?:[0-9]{3})?)?)?"
    "(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{6})?)?)?" + _END
)

_Validator = Callable[..., None]


def _is_non_empty_check(validator: _Validator) -> bool:
    # ``_model._non_empty(code)`` returns a new closure for each field that uses it.
    return getattr(validator, "__qualname__", "").startswith("_non_empty.")


#: Validators that translate into keywords of the field's schema.
_FIELD_KEYWORDS: Final[dict[_Validator, dict[str, Any]]] = {
    _model._optional_non_empty: _NON_BLANK,
    _model._non_negative: {"minimum": 0},
    _model._language_tag: {"pattern": _LANGUAGE_TAG},
}

#: Validators that translate into keywords of the whole object (see ``_CLASS_KEYWORDS``).
_CLASS_LEVEL: Final[frozenset[_Validator]] = frozenset({_model._affiliation_not_empty})

#: Validators JSON Schema cannot express; ``newsrecord validate`` checks them.
_NOT_EXPRESSIBLE: Final[frozenset[_Validator]] = frozenset(
    {_model._end_after_start, _model._cross_references}
)

_CLASS_KEYWORDS: Final[dict[type, dict[str, Any]]] = {
    _model.Affiliation: {
        "anyOf": [
            {"required": ["organization"], "properties": {"organization": {"type": "string"}}},
            {"required": ["role"], "properties": {"role": {"type": "string"}}},
        ],
    },
}

_DESCRIPTIONS: Final[dict[type, str]] = {
    Article: (
        "One news article: metadata, paragraphs, speakers, quotes, the entities it "
        "names and the quote its headline carries (newsrecord/1; entities and "
        "title_quote may be absent). "
        "Not expressed here and checked by `newsrecord validate`: each quote's and each "
        "mention's end is greater than its start and its span lies in the text (the "
        "paragraphs joined by blank lines; the title for title_quote) and equals its "
        "text; each speaker_id names a speaker of the article, and no two entities name "
        "the same speaker; quote (title_quote included), speaker, entity and article ids "
        "are unique; integers are not written with a fraction (3.0)."
    ),
    _model.Speaker: "A person or organisation quoted in the article.",
    _model.Quote: (
        "Something a speaker said; text is article text [start, end) (title text "
        "[start, end) for the article's title_quote)."
    ),
    _model.Affiliation: (
        "A tie of a speaker or an entity to an organisation: an organization, a role, or both."
    ),
    _model.Entity: (
        "A person or organisation the article names, quoted or not; speaker_id links it to "
        "its speaker when it is quoted."
    ),
    _model.Span: "A mention of an entity; text is article text [start, end).",
}


def _validators(attribute: attrs.Attribute[Any]) -> Iterator[_Validator]:
    validator = attribute.validator
    if validator is None:
        return
    yield from getattr(validator, "_validators", (validator,))


def _constraints(cls: type, attribute: attrs.Attribute[Any]) -> dict[str, Any]:
    """The keywords the validators of one field translate into."""
    keywords: dict[str, Any] = {}
    for validator in _validators(attribute):
        if _is_non_empty_check(validator):
            keywords.update(_NON_BLANK)
        elif validator in _FIELD_KEYWORDS:
            keywords.update(_FIELD_KEYWORDS[validator])
        elif validator not in _CLASS_LEVEL and validator not in _NOT_EXPRESSIBLE:
            raise TypeError(
                f"{cls.__name__}.{attribute.name}: validator {validator!r} has no JSON Schema "
                "translation; add it to newsrecord._schema"
            )
    return keywords


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if isinstance(schema.get("type"), str) and "enum" not in schema:
        return {**schema, "type": [schema["type"], "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


def _type_schema(hint: Any) -> dict[str, Any]:
    """The schema of a value of one (resolved) type hint of the model."""
    args = typing.get_args(hint)
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        others = [arg for arg in args if arg is not type(None)]
        if len(others) != 1 or len(args) != 2:
            raise TypeError(f"unsupported union {hint!r}")
        return _nullable(_type_schema(others[0]))
    if typing.get_origin(hint) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return {"type": "array", "items": _type_schema(args[0])}
    if hint is str:
        return {"type": "string"}
    if hint is int:
        return {"type": "integer"}
    if hint is dt.datetime:
        return {"type": "string", "pattern": _DATE_TIME}
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return {"type": "string", "enum": [member.value for member in hint]}
    if isinstance(hint, type) and attrs.has(hint):
        return {"$ref": f"#/$defs/{hint.__name__}"}
    raise TypeError(f"unsupported type {hint!r}")


def _field_schema(cls: type, attribute: attrs.Attribute[Any], hint: Any) -> dict[str, Any]:
    schema = _type_schema(hint)
    keywords = _constraints(cls, attribute)
    if "anyOf" in schema:  # a nullable reference: constraints apply to the non-null branch
        if keywords:
            schema["anyOf"][0] = {**schema["anyOf"][0], **keywords}
        return schema
    return {**schema, **keywords}


def _object_schema(cls: type) -> dict[str, Any]:
    """The schema of one attrs class: its fields, required keys, no other keys."""
    hints = typing.get_type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for attribute in attrs.fields(cls):
        properties[attribute.name] = _field_schema(cls, attribute, hints[attribute.name])
        if attribute.default is attrs.NOTHING:
            required.append(attribute.name)
    schema: dict[str, Any] = {"type": "object", "description": _DESCRIPTIONS[cls]}
    schema["properties"] = properties
    schema["required"] = required
    schema["additionalProperties"] = False
    schema.update(copy.deepcopy(_CLASS_KEYWORDS.get(cls, {})))
    return schema


def _nested_classes(cls: type) -> Iterator[type]:
    """The attrs classes the fields of ``cls`` refer to, depth first, each once."""
    seen: set[type] = set()

    def walk(hint: Any) -> Iterator[type]:
        for arg in typing.get_args(hint):
            yield from walk(arg)
        if isinstance(hint, type) and attrs.has(hint) and hint not in seen:
            seen.add(hint)
            yield hint
            for field_hint in typing.get_type_hints(hint).values():
                yield from walk(field_hint)

    for hint in typing.get_type_hints(cls).values():
        yield from walk(hint)


def _build() -> dict[str, Any]:
    article = _object_schema(Article)
    schema: dict[str, Any] = {
        "$schema": _DRAFT,
        "$id": SCHEMA_ID,
        "title": "newsrecord article",
        "description": article.pop("description"),
        "type": "object",
        "properties": {"schema": {"const": SCHEMA}, **article["properties"]},
        "required": ["schema", *article["required"]],
        "additionalProperties": False,
        "$defs": {cls.__name__: _object_schema(cls) for cls in _nested_classes(Article)},
    }
    return schema


_SCHEMA: Final = _build()


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one article record, as a new dict.

    ``$id`` is ``urn:newsrecord:schema:1``.  Records that :func:`newsrecord.to_json` and
    :func:`newsrecord.write_jsonl` write are valid against it; the checks it cannot
    express (quote spans, speaker references, unique ids) are listed in its description.

    >>> schema = json_schema()
    >>> schema["properties"]["schema"]
    {'const': 'newsrecord/1'}
    >>> schema["required"][:3], schema["additionalProperties"]
    (['schema', 'id', 'title'], False)
    """
    return copy.deepcopy(_SCHEMA)
