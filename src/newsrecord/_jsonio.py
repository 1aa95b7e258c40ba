"""Articles as JSON and JSON Lines, read and written as streams.

One article is one JSON object (:func:`to_json`, :func:`from_json`); a dataset is a JSON
Lines file, one article a line (:func:`write_jsonl`, :func:`read_jsonl`).  Both readers
and writers hold one record at a time, so memory does not grow with the file.  Reading is
strict: duplicate keys, ``NaN`` and nesting deeper than Python can parse are errors.

When `orjson <https://pypi.org/project/orjson/>`_ can be imported (the ``fast`` extra),
it does the parsing and writing wherever it provably gives what the standard library
gives, and the standard library does the rest:

* Reading: orjson parses the text, and its result is kept only when orjson writes it back
  as exactly the same bytes (JSON white space around the value aside).  That proves the
  text has no duplicate key (orjson would have kept only the last one, and could not
  write the dropped one back), no integer beyond 64 bits (orjson reads those as floats)
  and nothing nested deeper than orjson writes (254 levels).  Text that orjson rejects,
  or writes back differently (other spacing or escapes, lone surrogates, ``NaN``), is
  parsed again by the strict standard-library decoder, which gives the same result or
  error as without orjson.  newsrecord's own output always takes the fast path, except
  a record that holds a lone surrogate.
* Writing: orjson writes the same bytes as ``json.dumps(data, ensure_ascii=False,
  separators=(",", ":"))`` for data made of dicts with string keys, lists, tuples,
  strings, integers, booleans and ``None``, which is what a record unstructures to; other
  data (a float, a lone surrogate, an integer beyond 64 bits, anything else) is written
  by the standard library.

``_orjson`` is the module in use, or ``None``; tests and benchmarks set it to ``None`` to
run the standard-library path.
"""

from __future__ import annotations

import importlib
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, Final

import attrs

from newsrecord._atomic import atomic_write
from newsrecord._converter import structure_article, unstructure_article
from newsrecord._errors import FormatError, NewsrecordError, RecordError
from newsrecord._fast import article_dict, article_text, build_article
from newsrecord._model import Article

__all__ = [
    "STRICT_DECODER",
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


#: The strict JSON decoder: duplicate keys and ``NaN``/``Infinity`` raise ``ValueError``.
STRICT_DECODER: Final = json.JSONDecoder(
    object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constants
)
_decoder: Final = STRICT_DECODER


def _import_orjson() -> Any:
    try:
        return importlib.import_module("orjson")
    except ImportError:
        return None


#: orjson when it can be imported (``pip install 'newsrecord[fast]'``), else ``None``.
_orjson: Any = _import_orjson()

_JSON_SPACE: Final = b" \t\n\r"
JSON_WHITESPACE: Final = " \t\n\r"


class _Unsure:
    """The mark of text that the orjson fast path leaves to the standard library."""


_UNSURE: Final = _Unsure()


def _loads_orjson(text: str | bytes) -> Any:
    """orjson's parse of ``text`` when it is provably the strict decoder's, else ``_UNSURE``.

    orjson keeps the last of duplicate keys and reads integers beyond 64 bits as floats.
    Either would make the parsed value write back differently from ``text``: the dropped
    key would be missing, the integer spelt as a float.  So the value is kept only when
    orjson writes it back as exactly the bytes it was read from.
    """
    if isinstance(text, str):
        try:
            raw = text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: orjson cannot take it
            return _UNSURE
    elif isinstance(text, bytes):
        raw = text
    else:  # not what this function takes: the standard library says what it says
        return _UNSURE
    try:
        data = _orjson.loads(raw)
        written: bytes = _orjson.dumps(data)
    except (ValueError, TypeError):  # not UTF-8, not JSON, nested too deeply (loads, dumps)
        return _UNSURE
    if written != raw and written != raw.strip(_JSON_SPACE):
        return _UNSURE
    return data


#: Longer texts skip the orjson path, whose write-back check costs several times the text's
#: size in memory; the standard decoder needs about once its size.
_ORJSON_MAX: Final = 1 << 20


def loads_record(text: str | bytes) -> Any:
    """Parse JSON text strictly: duplicate keys, ``NaN`` and absurd nesting are errors.

    Raises :class:`FormatError` (without file or line; callers add them).
    """
    if _orjson is not None and len(text) <= _ORJSON_MAX:
        data = _loads_orjson(text)
        if data is not _UNSURE:
            return data
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
    """Write lone surrogates, which UTF-8 cannot carry, as ``\\u`` escapes of four hex digits.

    Surrogates only ever stand inside JSON strings, where an escape means the same.
    """
    if text.isascii():
        return text
    try:  # much faster than searching for them; fails exactly when there is one
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    return text


_compact_encoder: Final = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _is_plain(value: object) -> bool:
    """Whether ``value`` is JSON data that orjson writes as the standard library does.

    Dicts, lists and tuples of such data, strings, integers, booleans and ``None``, by
    exact type: no float (orjson spells some differently, and writes ``NaN`` as ``null``)
    and nothing that orjson would write in its own way (enums, UUIDs, dataclasses, ...).
    Keys are left to orjson, which refuses any but strings.
    """
    stack: list[Any] = [value]
    pop, push = stack.pop, stack.append
    while stack:
        container = pop()
        kind = type(container)
        if kind is dict:
            items = container.values()
        elif kind is list or kind is tuple:
            items = container
        else:
            return kind is str or kind is int or kind is bool or container is None
        for item in items:
            kind = type(item)
            if kind is str or kind is int or item is None:
                continue
            if kind is dict or kind is list or kind is tuple:
                push(item)
            elif kind is not bool:
                return False
    return True


def _dumps_orjson(data: dict[str, Any]) -> str | None:
    """orjson's compact text of plain JSON data, or ``None`` to leave it to the stdlib.

    orjson refuses lone surrogates, integers beyond 64 bits, keys that are not strings
    and nesting beyond 254 levels (so cycles too): those go to the standard library too.
    It writes first, so that :func:`_is_plain` only ever walks data without a cycle.
    """
    try:
        written: bytes = _orjson.dumps(data)
    except TypeError:
        return None
    if not _is_plain(data):
        return None
    return written.decode("utf-8")


def dumps_record(data: dict[str, Any]) -> str:
    """Compact JSON text of a JSON-ready record, UTF-8 characters kept as they are.

    A lone surrogate (which UTF-8 cannot carry) is written as a ``\\u`` escape of four hex digits.
    """
    if _orjson is not None:
        text = _dumps_orjson(data)
        if text is not None:
            return text
    return _escape_surrogates(_compact_encoder.encode(data))


def _article_json(article: Article) -> str:
    """The compact JSON text of an article: ``dumps_record(unstructure_article(article))``.

    Written by ``newsrecord._fast`` (through orjson when it is there), which gives the
    same text or declines; then by the general path.
    """
    try:
        if _orjson is not None:
            written: bytes = _orjson.dumps(article_dict(article))
            return written.decode("utf-8")
        return _escape_surrogates(article_text(article))
    except Exception:  # something unusual in it: the general path says what
        return dumps_record(unstructure_article(article))


def to_json(article: Article, *, indent: int | None = None) -> str:
    """The JSON text of one article (compact unless ``indent`` is given)."""
    if indent is None:
        return _article_json(article)
    data = unstructure_article(article)
    return _escape_surrogates(json.dumps(data, ensure_ascii=False, indent=indent))


#: The strict decoder's C scanner, without ``decode``'s white-space handling around it.
_scan_strictly: Final[Callable[[str, int], tuple[Any, int]]] = _decoder.scan_once  # type: ignore[attr-defined]


def _quick_article(text: str | bytes) -> Article | None:
    """The article of the JSON text of a valid record, by the fast paths; else ``None``.

    Parsed by orjson (see :func:`_loads_orjson`) or by the strict decoder's scanner,
    built by :func:`newsrecord._fast.build_article`; ``None`` whenever either declines,
    for the strict path to give the same article or say what is wrong.
    """
    try:
        if _orjson is not None and len(text) <= _ORJSON_MAX:
            data = _loads_orjson(text)
            if data is _UNSURE:
                return None
        else:
            if isinstance(text, bytes):
                text = text.decode("utf-8")
            if not text.startswith("{"):
                return None
            data, end = _scan_strictly(text, 0)
            if end != len(text) and text[end:].strip(JSON_WHITESPACE):
                return None
        return build_article(data)
    except Exception:  # not UTF-8, not JSON, not a valid record: the strict path says
        return None


def from_json(text: str | bytes) -> Article:
    """One article from its JSON text.

    Raises :class:`FormatError` for text that is not JSON and :class:`RecordError`
    (listing every problem) for JSON that is not a valid record.
    """
    article = _quick_article(text)
    if article is not None:
        return article
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
        return open(name, encoding="utf-8", newline="\n"), name, True
    name = str(getattr(source, "name", "<stream>"))
    if hasattr(source, "encoding"):
        return source, name, False  # type: ignore[return-value]
    import io

    binary: IO[bytes] = source  # type: ignore[assignment]
    return io.TextIOWrapper(binary, encoding="utf-8", newline="\n"), name, False


def iter_json_lines(source: Source) -> Iterator[tuple[int, Any]]:
    """``(line number, parsed JSON or FormatError)`` for each non-blank line of a JSON Lines source.

    Errors are yielded, not raised, so that a validator can go on past them.  Lines end at
    LF only (a CR alone is JSON white space), and a line is blank only when it holds
    nothing but JSON white space (space, tab, CR).  Bytes are decoded line by line, so
    that a line that is not UTF-8 is an error of that line alone; a stream opened in text
    mode without a binary buffer is read as the text it gives.
    """
    name = source_name(source)
    for number, raw in _numbered_lines(source):
        yield number, _parse_line(raw, name, number)


def _numbered_lines(source: Source) -> Iterator[tuple[int, bytes | str]]:
    """``(line number, line)`` for each line of a JSON Lines source that is not blank.

    Lines are bytes, except from a stream opened in text mode without a binary buffer.
    """
    import sys

    lines: Iterable[bytes] | Iterable[str]
    if isinstance(source, str | os.PathLike):
        name = os.fspath(source)
        if name == "-":
            stdin_bytes = getattr(sys.stdin, "buffer", None)
            lines = stdin_bytes if stdin_bytes is not None else sys.stdin
        else:
            with open(name, "rb") as handle:
                yield from _non_blank(handle)
            return
    else:
        binary = getattr(source, "buffer", None) if hasattr(source, "encoding") else source
        lines = binary if binary is not None else source
    yield from _non_blank(lines)


def _non_blank(lines: Iterable[bytes] | Iterable[str]) -> Iterator[tuple[int, bytes | str]]:
    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            if raw.strip(_JSON_SPACE):
                yield number, raw
        else:
            line = str(raw)
            if line.strip(JSON_WHITESPACE):
                yield number, line


def _parse_line(raw: bytes | str, name: str, number: int) -> Any:
    """The JSON value of one line, or the :class:`FormatError` (with file and line).

    The line is parsed without its line end, so that an error's column is on the line.
    """
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            return FormatError(
                f"not UTF-8: byte 0x{raw[error.start]:02x} at column {error.start + 1} "
                "cannot be decoded",
                file=name,
                line=number,
            )
    try:
        return loads_record(raw.rstrip("\r\n"))
    except FormatError as error:
        error.file, error.line = name, number
        return error


def read_jsonl(source: Source) -> Iterator[Article]:
    """The articles of a JSON Lines file, one at a time.

    ``source`` is a path, ``"-"`` for standard input, or an open file.  Raises
    :class:`FormatError` or :class:`RecordError`, with the file and line, at the first
    bad line; use :func:`newsrecord.validate` to list every problem instead.
    """
    name = source_name(source)
    for number, raw in _numbered_lines(source):
        article = _quick_article(raw)
        if article is not None:
            yield article
            continue
        data = _parse_line(raw, name, number)
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
    write = handle.write
    for article in articles:
        write(_article_json(article))
        write("\n")
        count += 1
    return count
