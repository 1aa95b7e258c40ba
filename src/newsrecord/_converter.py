"""The one cattrs converter between records and JSON-ready data, configured strictly.

Strict means a value of the wrong JSON type is an error, never coerced: ``None`` never
becomes ``"None"``, ``3.9`` never becomes ``3``, a string is never taken for a list, and
an unknown key is an error rather than dropped.  Structuring errors become
:class:`~newsrecord.Problem` lists with JSON paths (``$.quotes[2].start``), as cattrs'
``transform_error`` does, plus a stable code each.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Final, TypeVar, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.fns import identity
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from newsrecord._errors import RecordError
from newsrecord._fast import article_dict, build_article, parse_datetime
from newsrecord._model import (
    SCHEMA,
    Article,
    InvalidValue,
    QuoteKind,
    SpeakerKind,
    iter_problems,
)
from newsrecord._problems import Problem

__all__ = [
    "converter",
    "detailed_problems",
    "problems_of",
    "structure_article",
    "unstructure_article",
]

_T = TypeVar("_T")

_JSON_TYPE_NAMES: Final[dict[type, str]] = {
    str: "a string",
    int: "an integer",
    float: "a number",
    bool: "a boolean",
    list: "a list",
    tuple: "a list",
    dict: "an object",
    type(None): "null",
}


def _json_type(value: object) -> str:
    return _JSON_TYPE_NAMES.get(type(value), type(value).__name__)


class WrongType(TypeError):
    """A value of the wrong JSON type."""


def _structure_str(value: object, _type: object) -> str:
    if type(value) is not str:
        raise WrongType(f"expected a string, got {_json_type(value)}")
    return value


def _structure_int(value: object, _type: object) -> int:
    if type(value) is not int:
        raise WrongType(f"expected an integer, got {_json_type(value)}")
    return value


def _structure_optional_str(value: object, _type: object) -> str | None:
    if value is None:
        return None
    if type(value) is not str:
        raise WrongType(f"expected a string, got {_json_type(value)}")
    return value


def _structure_datetime(value: object, _type: object) -> dt.datetime:
    if type(value) is not str:
        raise WrongType(f"expected an ISO 8601 date-time string, got {_json_type(value)}")
    try:
        return parse_datetime(value)
    except ValueError:
        raise InvalidValue("invalid-value", f"{value!r} is not an ISO 8601 date-time") from None


def _enum_hook(enum_type: type[enum.Enum]) -> Callable[[object, object], enum.Enum]:
    allowed = ", ".join(repr(member.value) for member in enum_type)
    members = {member.value: member for member in enum_type}

    def structure(value: object, _type: object) -> enum.Enum:
        if type(value) is str and value in members:  # a dict look-up: enum_type(value) is slow
            return members[value]
        if isinstance(value, enum_type):
            return value
        if type(value) is not str:
            raise WrongType(f"expected a string, got {_json_type(value)}")
        try:
            return enum_type(value)
        except ValueError:
            raise InvalidValue("invalid-value", f"{value!r} is not one of {allowed}") from None

    return structure


def _object_hook(cls: type[_T], conv: cattrs.Converter) -> Callable[[object, object], _T]:
    """cattrs' generated hook for an attrs class, behind a check that the value is an object."""
    generated = make_dict_structure_fn(
        cls, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )

    def structure(value: object, type_: object) -> _T:
        if not isinstance(value, dict):
            raise WrongType(f"expected an object, got {_json_type(value)}")
        return generated(value, type_)

    return structure


def _enum_value(member: enum.Enum) -> Any:
    return member._value_  # what ``member.value`` returns, without its descriptor


def _is_homogeneous_tuple(type_: object) -> bool:
    args = get_args(type_)
    return get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook_factory(
    conv: cattrs.Converter,
) -> Callable[[Any], Callable[[object, object], tuple[Any, ...]]]:
    """Lists to tuples, strictly, every bad item collected with its index (as cattrs' own
    iterable hooks do)."""

    def factory(type_: Any) -> Callable[[object, object], tuple[Any, ...]]:
        item_type = get_args(type_)[0]
        item_hook = conv.get_structure_hook(item_type)

        def structure(value: object, _type: object) -> tuple[Any, ...]:
            if not isinstance(value, list | tuple):
                raise WrongType(f"expected a list, got {_json_type(value)}")
            items = []
            errors: list[Exception] = []
            for index, item in enumerate(value):
                try:
                    items.append(item_hook(item, item_type))
                except Exception as error:  # collected and re-raised as a group below
                    note = IterableValidationNote(
                        f"Structuring {type_} @ index {index}", index, item_type
                    )
                    error.__notes__ = [*getattr(error, "__notes__", []), note]  # type: ignore[attr-defined]
                    errors.append(error)
            if errors:
                raise IterableValidationError(f"While structuring {type_}", errors, type_)
            return tuple(items)

        return structure

    return factory


def _unstructure_tuple_hook_factory(
    conv: cattrs.Converter,
) -> Callable[[Any], Callable[[tuple[Any, ...]], list[Any]]]:
    def factory(type_: Any) -> Callable[[tuple[Any, ...]], list[Any]]:
        item_hook = conv.get_unstructure_hook(get_args(type_)[0])
        if item_hook is identity:
            return list
        return lambda value: [item_hook(item) for item in value]

    return factory


def _unstructure_hook(cls: type, conv: cattrs.Converter) -> Callable[[Any], dict[str, Any]]:
    """cattrs' generated hook; an article's ``entities`` are left out when there are none,
    and its ``title_quote`` when it has none, so that a record without them is written as
    it was before the fields existed."""
    if cls is Article:
        return make_dict_unstructure_fn(
            cls,
            conv,
            entities=override(omit_if_default=True),
            title_quote=override(omit_if_default=True),
        )
    return make_dict_unstructure_fn(cls, conv)


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(str | None, _structure_optional_str)
    conv.register_unstructure_hook(str | None, identity)  # lets cattrs inline the field
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(dt.datetime, _structure_datetime)
    conv.register_unstructure_hook(dt.datetime, dt.datetime.isoformat)
    for enum_type in (QuoteKind, SpeakerKind):
        conv.register_structure_hook(enum_type, _enum_hook(enum_type))
        conv.register_unstructure_hook(enum_type, _enum_value)
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook_factory(conv))
    conv.register_unstructure_hook_factory(
        _is_homogeneous_tuple, _unstructure_tuple_hook_factory(conv)
    )
    conv.register_unstructure_hook_factory(attrs.has, lambda cls: _unstructure_hook(cls, conv))
    conv.register_structure_hook_factory(attrs.has, lambda cls: _object_hook(cls, conv))
    return conv


#: The converter.  Public through :func:`newsrecord.structure` / :func:`newsrecord.unstructure`.
#: Whole records go through :func:`structure_article` and :func:`unstructure_article`,
#: which try the fast paths of ``newsrecord._fast`` first.
converter: Final = _make_converter()

_structure_article_fields = converter.get_structure_hook(Article)
_unstructure_article_fields = converter.get_unstructure_hook(Article)


def unstructure_article(article: Article) -> dict[str, Any]:
    """The JSON-ready dict of an article, ``"schema"`` first."""
    try:
        return article_dict(article)
    except Exception:  # something unusual in it: the converter's general hooks say what
        pass
    data: dict[str, Any] = {"schema": SCHEMA}
    data.update(_unstructure_article_fields(article))
    return data


def _schema_problem(data: Mapping[str, Any]) -> Problem | None:
    if "schema" not in data:
        return Problem(
            code="schema-version", message=f"the key 'schema' is missing (expected {SCHEMA!r})"
        )
    if data["schema"] != SCHEMA:
        return Problem(
            code="schema-version",
            message=f"schema {data['schema']!r} is not supported (expected {SCHEMA!r})",
            path="$.schema",
        )
    return None


def structure_article(data: object) -> Article:
    """An :class:`Article` from JSON-ready data; :class:`RecordError` lists every problem."""
    if not isinstance(data, dict):
        raise RecordError(
            f"a record must be a JSON object, not {_json_type(data)}",
            problems=[Problem(code="wrong-type", message="a record must be a JSON object")],
        )
    try:
        return build_article(data)
    except Exception:  # invalid, or unusual: the converter below says which
        pass
    fields = {key: value for key, value in data.items() if key != "schema"}
    try:
        if _schema_problem(data) is not None:
            raise _Invalid
        article: Article = _structure_article_fields(fields, Article)
        return article
    except (_Invalid, ClassValidationError, InvalidValue, WrongType):
        problems = detailed_problems(data)
        if not problems:  # pragma: no cover - a cattrs error that maps to no problem
            raise
        raise RecordError(
            problems[0].message
            + (f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""),
            problems=problems,
            field=problems[0].path,
        ) from None


class _Invalid(Exception):
    pass


def problems_of(data: Mapping[str, Any]) -> list[Problem]:
    """Every problem of one JSON-ready record (type, field and cross-field problems)."""
    try:  # a valid record: nothing to report
        build_article(data)
        return []
    except Exception:  # invalid, or unusual: the detailed path says which
        return detailed_problems(data)


def detailed_problems(data: Mapping[str, Any]) -> list[Problem]:
    """:func:`problems_of` without trying the fast path first, for callers that just did."""
    fields = {key: value for key, value in data.items() if key != "schema"}
    problems: list[Problem] = []
    schema = _schema_problem(data)
    if schema is not None:
        problems.append(schema)
    try:
        with attrs.validators.disabled():
            article = _structure_article_fields(fields, Article)
    except Exception as error:  # the walker turns every cattrs error into problems
        structural = list(_walk(error, "$", None))
        problems.extend(structural)
        problems.extend(_value_problems_beside(fields, structural))
        return problems
    problems.extend(iter_problems(article))
    return problems


#: Stand-ins for required fields that failed to structure, so that the others can be checked.
_STAND_INS: Final[dict[str, Any]] = {"id": "?", "title": "?"}


def _value_problems_beside(fields: dict[str, Any], structural: list[Problem]) -> list[Problem]:
    """Value problems of the fields that did structure, next to those that did not.

    The fields with structural problems are replaced by stand-ins (or left out) and the
    record is structured again; problems that involve a replaced field are dropped.
    """
    broken = {problem.path[2:].split(".")[0].split("[")[0] for problem in structural}
    broken.discard("")
    patched = {key: value for key, value in fields.items() if key not in broken}
    for key in broken & _STAND_INS.keys():
        patched[key] = _STAND_INS[key]
    if "quotes" in broken or "speakers" in broken or "paragraphs" in broken:
        patched.pop("quotes", None)
        patched.pop("entities", None)
    if "title" in broken or "speakers" in broken or "quotes" in broken:
        patched.pop("title_quote", None)
    try:
        with attrs.validators.disabled():
            article = _structure_article_fields(patched, Article)
    except Exception:  # still broken in another way: the structural problems say enough
        return []
    return [
        problem
        for problem in iter_problems(article)
        if problem.path[2:].split(".")[0].split("[")[0] not in broken
    ]


def _walk(error: BaseException, path: str, type_: object) -> Iterator[Problem]:
    if isinstance(error, ClassValidationError | IterableValidationError):
        with_notes, without = error.group_exceptions()
        for sub, note in with_notes:
            if isinstance(note, AttributeValidationNote):
                yield from _walk(sub, f"{path}.{note.name}", note.type)
            else:
                assert isinstance(note, IterableValidationNote)
                yield from _walk(sub, f"{path}[{note.index!r}]", note.type)
        for sub in without:
            yield from _walk(sub, path, None)
    elif isinstance(error, ForbiddenExtraKeysError):
        for key in sorted(error.extra_fields):
            yield Problem(
                code="unknown-field",
                message=f"unknown field {key!r}",
                path=f"{path}.{key}",
            )
    elif isinstance(error, KeyError):
        yield Problem(code="missing-field", message="required field missing", path=path)
    elif isinstance(error, WrongType):
        yield Problem(code="wrong-type", message=str(error), path=path)
    elif isinstance(error, InvalidValue):
        yield Problem(code=error.code, message=error.message, path=path)
    else:
        yield Problem(code="invalid-value", message=str(error) or type(error).__name__, path=path)
