"""Articles as JSON and JSON Lines, read and written as streams.

One article is one JSON object (:func:`to_json`, :func:`from_json`); a dataset is a JSON
Lines file, one article a line (:func:`write_jsonl`, :func:`read_jsonl`).  Both readers
and writers hold one record at a time, so memory does not grow with the file.  Reading is
strict: duplicate keys, ``NaN`` and nesting deeper than Python can parse are errors.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from typing import IO, Any, Final

import attrs

from newsrecord._atomic import atomic_write
from newsrecord._converter import structure_article, unstructure_article
from newsrecord._errors import FormatError, NewsrecordError, RecordError
from newsrecord._model import Article

__all__ = [
    "dumps_record",
    "from_json",
    "iter_json_lines",
    "loads_record",
    "open_text",
    "read_jsonl",
    "to_json",
    "write_jsonl",
]

Source = str | os.PathLike[str] | IO[str] | IO[bytes]


class _NotJson(ValueError):
    pass


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise _NotJson(f"duplicate key {key!r} in a JSON object")
            seen.add(key)
    return result


def _no_constants(name: str) -> Any:
    raise _NotJson(f"{name} is not a JSON value")


_decoder: Final = json.JSONDecoder(
    object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constants
)


def loads_record(text: str | bytes) -> Any:
    """Parse JSON text strictly: duplicate keys, ``NaN`` and absurd nesting are errors.

    Raises :class:`FormatError` (without file or line; callers add them).
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as error:
            raise FormatError(f"not UTF-8: byte {error.start} cannot be decoded") from None
    try:
        return _decoder.decode(text)
    except _NotJson as error:
        raise FormatError(str(error)) from None
    except json.JSONDecodeError as error:
        raise FormatError(f"malformed JSON: {error.msg} (column {error.colno})") from None
    except RecursionError:
        raise FormatError("malformed JSON: nested too deeply") from None
    except ValueError as error:  # e.g. integers with more digits than Python allows
        raise FormatError(f"malformed JSON: {error}") from None


_SURROGATE: Final = re.compile("[\ud800-\udfff]")


def _escape_surrogates(text: str) -> str:
    """Write lone surrogates, which UTF-8 cannot carry, as ``\\uXXXX`` escapes.

    Surrogates only ever stand inside JSON strings, where an escape means the same.
    """
    if not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def dumps_record(data: dict[str, Any]) -> str:
    """Compact JSON text of a JSON-ready record, UTF-8 characters kept as they are.

    A lone surrogate (which UTF-8 cannot carry) is written as a ``\\uXXXX`` escape.
    """
    return _escape_surrogates(json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def to_json(article: Article, *, indent: int | None = None) -> str:
    """The JSON text of one article (compact unless ``indent`` is given)."""
    data = unstructure_article(article)
    if indent is None:
        return dumps_record(data)
    return _escape_surrogates(json.dumps(data, ensure_ascii=False, indent=indent))


def from_json(text: str | bytes) -> Article:
    """One article from its JSON text.

    Raises :class:`FormatError` for text that is not JSON and :class:`RecordError`
    (listing every problem) for JSON that is not a valid record.
    """
    return structure_article(loads_record(text))


def source_name(source: Source) -> str:
    """How errors name a source: its path, ``<stdin>`` for ``"-"``, or the file's name."""
    if isinstance(source, str | os.PathLike):
        name = os.fspath(source)
        return "<stdin>" if name == "-" else name
    return str(getattr(source, "name", "<stream>"))


def open_text(source: Source) -> tuple[IO[str], str, bool]:
    """``(handle, name, should_close)`` for a path, ``"-"`` (standard input) or a file object."""
    import sys

    if isinstance(source, str | os.PathLike):
        name = os.fspath(source)
        if name == "-":
            return sys.stdin, "<stdin>", False
        return open(name, encoding="utf-8", newline=""), name, True
    name = str(getattr(source, "name", "<stream>"))
    if hasattr(source, "encoding"):
        return source, name, False  # type: ignore[return-value]
    import io

    binary: IO[bytes] = source  # type: ignore[assignment]
    return io.TextIOWrapper(binary, encoding="utf-8", newline=""), name, False


def iter_json_lines(source: Source) -> Iterator[tuple[int, Any]]:
    """``(line number, parsed JSON or FormatError)`` for each non-blank line of a JSON Lines source.

    Errors are yielded, not raised, so that a validator can go on past them.
    """
    handle, name, should_close = open_text(source)
    try:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield number, loads_record(line)
            except FormatError as error:
                error.file, error.line = name, number
                yield number, error
    except UnicodeDecodeError as error:
        raise FormatError(
            f"not UTF-8: byte {error.start} of a read block cannot be decoded", file=name
        ) from None
    finally:
        if should_close:
            handle.close()


def read_jsonl(source: Source) -> Iterator[Article]:
    """The articles of a JSON Lines file, one at a time.

    ``source`` is a path, ``"-"`` for standard input, or an open file.  Raises
    :class:`FormatError` or :class:`RecordError`, with the file and line, at the first
    bad line; use :func:`newsrecord.validate` to list every problem instead.
    """
    name = source_name(source)
    for number, data in iter_json_lines(source):
        if isinstance(data, NewsrecordError):
            raise data
        try:
            yield structure_article(data)
        except RecordError as error:
            error.file, error.line = name, number
            error.problems = tuple(
                attrs.evolve(problem, file=name, line=number) for problem in error.problems
            )
            raise


def write_jsonl(
    articles: Iterable[Article],
    destination: str | os.PathLike[str] | IO[str],
    *,
    force: bool = False,
) -> int:
    """Write articles as JSON Lines; return how many were written.

    A path is written atomically (see :func:`newsrecord.atomic_write`) and an existing
    file is only replaced with ``force=True``; ``"-"`` is standard output; an open text
    file is written to as it is.
    """
    if isinstance(destination, str | os.PathLike):
        with atomic_write(destination, force=force) as handle:
            return _write_lines(articles, handle)
    return _write_lines(articles, destination)


def _write_lines(articles: Iterable[Article], handle: IO[str]) -> int:
    count = 0
    for article in articles:
        handle.write(dumps_record(unstructure_article(article)))
        handle.write("\n")
        count += 1
    return count
