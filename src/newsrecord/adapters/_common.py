"""What the input adapters share: strict JSON with positions, and a record from known fields.

Every adapter reads a whole file before it returns anything, so that a file that turns
out not to be of its format gives an error and no records.  Errors are
:class:`~newsrecord.FormatError`\\ s naming the file and the position: the line (and column)
of a JSON syntax error, or the JSON path (``$.messages[3].date``) of a value of the wrong
shape.

A record is built by the parser itself (:func:`newsrecord.parse_post`): the adapter writes
the fields it has as a post with a ``Posted:`` and a ``Title:`` header, so that dates,
languages, quotes and speakers follow the same rules, and with the same warnings, as for a
plain-text post.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any, Final

import attrs

import newsrecord
from newsrecord._errors import FormatError, NewsrecordError, ParseError, ParseWarning
from newsrecord._jsonio import STRICT_DECODER

__all__ = [
    "Options",
    "Source",
    "build_article",
    "expect",
    "load_json",
    "read_source",
    "source_name",
]

#: A file to read: a path, or an open binary or text file.
Source = str | os.PathLike[str] | IO[bytes] | IO[str]

_SPACE_RUN: Final = re.compile(r"\s+")


@attrs.frozen(kw_only=True)
class Options:
    """The options of :func:`newsrecord.parse_post` that an adapter passes on."""

    language: str | None = None
    dayfirst: bool = False
    default_timezone: dt.tzinfo | str | None = None
    strict: bool = False


def source_name(source: Source) -> str:
    """The name of a source in messages: its path, or the name of an open file."""
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else "<stream>"


def read_source(source: Source) -> bytes | str:
    """The whole content of a source."""
    if isinstance(source, (str, os.PathLike)):
        return Path(source).read_bytes()
    data: bytes | str = source.read()
    return data


_DECODER: Final = STRICT_DECODER


def decode_text(data: bytes | str, name: str) -> str:
    """UTF-8 text of a file (a byte order mark is dropped); errors give the byte offset."""
    if isinstance(data, str):
        return data[1:] if data.startswith("\ufeff") else data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise FormatError(
            f"byte 0x{data[error.start]:02x} at offset {error.start} is not UTF-8",
            file=name,
            line=line,
        ) from None


def load_json(text: str, name: str, *, line_offset: int = 0, what: str) -> Any:
    """Parse JSON strictly (duplicate keys and ``NaN`` are errors); errors give line and column.

    ``what`` names the format expected, for the message.
    """
    try:
        return _DECODER.decode(text)
    except json.JSONDecodeError as error:
        line, column, message = error.lineno, error.colno, error.msg
        if not text[error.pos :].strip():  # cut short: say where the text ends, not after it
            end = len(text.rstrip())
            line = text.count("\n", 0, end) + 1
            column = end - text.rfind("\n", 0, end)
            message = f"the text ends inside a JSON value ({message})"
        raise FormatError(
            f"not {what}: malformed JSON: {message} (column {column})",
            file=name,
            line=line + line_offset,
        ) from None
    except RecursionError:
        raise FormatError(f"not {what}: JSON nested too deeply", file=name) from None
    except ValueError as error:
        raise FormatError(f"not {what}: {error}", file=name) from None


def expect(condition: bool, message: str, *, name: str, path: str, line: int | None = None) -> None:
    """Raise a :class:`FormatError` at ``path`` (a JSON path) unless ``condition`` holds."""
    if not condition:
        raise FormatError(message, file=name, line=line, field=path)


def optional_text(
    data: Mapping[str, Any], key: str, *, name: str, path: str, line: int | None = None
) -> str | None:
    """``data[key]`` as stripped text, ``None`` when absent, null or blank; else an error."""
    value = data.get(key)
    if value is None:
        return None
    expect(
        isinstance(value, str),
        f"expected a string or null, got {_json_type(value)}",
        name=name,
        path=f"{path}.{key}",
        line=line,
    )
    stripped: str = value.strip()
    return stripped or None


def _json_type(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "null"


json_type = _json_type


def one_line(text: str) -> str:
    """A headline on one line: runs of white space (line ends included) become one space."""
    return _SPACE_RUN.sub(" ", text).strip()


def _language(declared: str | None, options: Options) -> str | None:
    """The language to pass to the parser: the option, else the file's tag when it is one."""
    if options.language is not None:
        return options.language
    if declared is None:
        return None
    tag = declared.replace("_", "-")  # en_US, as some tools write it
    try:  # the record model's own check of a tag; the parser normalises its case
        newsrecord.Article(id="x", title="x", language=tag)
    except ValueError:
        message = f"language {declared!r} of the input is not a BCP 47 tag"
        if options.strict:
            raise ParseError(message, code="invalid-language", field="language") from None
        message += "; detecting"
        warnings.warn(
            ParseWarning(message, code="invalid-language", field="language"), stacklevel=4
        )
        return None
    return tag


def _reissue(caught: list[warnings.WarningMessage], where: str) -> None:
    """Issue the parser's warnings again, each :class:`ParseWarning` saying which record."""
    for warning in caught:
        message = warning.message
        if isinstance(message, ParseWarning):
            text = message.message if where == "$" else f"{where}: {message.message}"
            warnings.warn(ParseWarning(text, code=message.code, field=message.field), stacklevel=4)
        else:
            warnings.warn_explicit(message, warning.category, warning.filename, warning.lineno)


def build_article(
    *,
    title: str | None,
    paragraphs: Sequence[str],
    options: Options,
    name: str,
    path: str,
    line: int | None = None,
    date: str | None = None,
    published: dt.datetime | None = None,
    language: str | None = None,
    source: str | None = None,
    url: str | None = None,
    authors: Sequence[str] = (),
    id: str | None = None,
) -> newsrecord.Article:
    """An article from fields an adapter read, its quotes and speakers found by the parser.

    ``title`` ``None`` takes the first paragraph as the headline; a first paragraph that
    is the headline itself is dropped when other paragraphs follow.  ``date`` is read by the
    parser's date rules; ``published`` (an exact instant the input gives, such as a Unix
    time) replaces the value read, and ``date`` is kept as ``published_raw``.  Errors
    name the file, the ``line`` and the JSON ``path`` of the input record.
    """
    body = [text for paragraph in paragraphs if (text := paragraph.strip())]
    headline = one_line(title) if title else ""
    if not headline and body:
        headline, body = one_line(body[0]), body[1:]
    elif len(body) > 1 and one_line(body[0]) == headline:  # a page's headline, with its text
        body = body[1:]
    if not headline:
        raise FormatError(
            "the record has no headline and no text", file=name, line=line, field=path
        )
    header = f"Title: {headline}\n"
    if date is not None and published is None:
        header = f"Posted: {one_line(date)}\n" + header
    post = header + "\n" + "\n\n".join(body) + "\n"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            article = newsrecord.parse_post(
                post,
                id=id,
                language=_language(language, options),
                dayfirst=options.dayfirst,
                default_timezone=options.default_timezone,
                source=source,
                url=url,
                strict=options.strict,
            )
        except NewsrecordError as error:
            error.file, error.line = name, line
            error.field = f"{path} ({error.field})" if error.field else path
            raise
    _reissue(caught, path if line is None else f"line {line}")
    changes: dict[str, Any] = {"authors": tuple(a for a in authors if a.strip())}
    if published is not None:
        changes["published"] = published
        changes["published_raw"] = date
    return attrs.evolve(article, **changes)
