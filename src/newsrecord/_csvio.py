"""Articles as CSV: eight related tables in one directory, written and read as streams.

A dataset is a directory holding ``articles.csv``, ``quotes.csv``, ``speakers.csv`` and
``affiliations.csv``, the three tables of the entities, ``entities.csv``,
``entity_affiliations.csv`` and ``entity_mentions.csv``, and ``title_quotes.csv``, the
quotes headlines carry (the columns of ``quotes.csv``; one row at most an article, its
``start`` and ``end`` indexing the title).  Each is UTF-8 without a byte
order mark and RFC 4180 (comma, ``"`` quotes doubled inside quoted cells, CRLF line ends,
a cell quoted only when it must be), with a header row.  Every row carries the
``article_id`` of its article, an affiliation row also the ``speaker_id`` of its speaker,
an entity's affiliation or mention row the ``entity_id`` of its entity, and the rows of
all the tables follow the order of the records, so the files are read in lockstep holding
one article's rows at a time.  The three entity tables are written always and read when
they are there: a dataset without them (as written before entities existed) has none.
So is ``title_quotes.csv``: without it (as written before it existed) no article has a
headline quote.

Cells follow three rules, documented in ``docs/csv.md``:

* list columns (``authors``, ``paragraphs``, ``aliases``) hold a compact JSON array;
* in the nullable text columns an empty cell is null, and a cell made only of ``"``
  stands for two ``"`` fewer (``""`` is the empty string);
* with ``spreadsheet_safe=True`` a cell that a spreadsheet would run as a formula (and a
  cell that already starts with ``'``) is written with one more leading ``'``.

Lone surrogates, which UTF-8 cannot encode, are refused on writing; NUL characters are
kept (on Python 3.10, whose ``csv`` module refuses them, through a private escape that
never reaches the file).
"""

from __future__ import annotations

import contextlib
import csv
import io
import itertools
import json
import os
import re
import sys
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import IO, Any, Final, NamedTuple, Protocol

import attrs

from newsrecord._atomic import check_writable, create_temporary
from newsrecord._converter import structure_article, unstructure_article
from newsrecord._errors import FormatError, NewsrecordError, RecordError
from newsrecord._jsonio import loads_record
from newsrecord._model import Article
from newsrecord._problems import Problem
from newsrecord._seen import SeenIds

__all__ = [
    "AFFILIATIONS",
    "ARTICLES",
    "COLUMNS",
    "ENTITIES",
    "ENTITY_AFFILIATIONS",
    "ENTITY_MENTIONS",
    "QUOTES",
    "SPEAKERS",
    "TABLES",
    "TITLE_QUOTES",
    "iter_csv_records",
    "read_csv",
    "write_csv",
]

ARTICLES: Final = "articles.csv"
QUOTES: Final = "quotes.csv"
SPEAKERS: Final = "speakers.csv"
AFFILIATIONS: Final = "affiliations.csv"
ENTITIES: Final = "entities.csv"
ENTITY_AFFILIATIONS: Final = "entity_affiliations.csv"
ENTITY_MENTIONS: Final = "entity_mentions.csv"
TITLE_QUOTES: Final = "title_quotes.csv"

# How a cell holds a value.  Key columns hold an id of a parent record as plain text.
_TEXT: Final = "text"
_NULLABLE: Final = "nullable"
_INTEGER: Final = "integer"
_LIST: Final = "list"
_KEY: Final = "key"


class _Column(NamedTuple):
    name: str  # in the header
    key: str  # in the JSON-ready record ("" for a key column: the parent's id)
    kind: str


def _key(name: str) -> _Column:
    return _Column(name, "", _KEY)


_QUOTE_COLUMNS: Final = (
    _key("article_id"),
    _Column("quote_id", "id", _TEXT),
    _Column("kind", "kind", _TEXT),
    _Column("text", "text", _TEXT),
    _Column("start", "start", _INTEGER),
    _Column("end", "end", _INTEGER),
    _Column("speaker_id", "speaker_id", _NULLABLE),
    _Column("mention", "mention", _NULLABLE),
    _Column("cue", "cue", _NULLABLE),
    _Column("via", "via", _NULLABLE),
)


_SPECS: Final[Mapping[str, tuple[_Column, ...]]] = MappingProxyType(
    {
        ARTICLES: (
            _Column("article_id", "id", _TEXT),
            _Column("schema", "schema", _TEXT),
            _Column("title", "title", _TEXT),
            _Column("published", "published", _NULLABLE),
            _Column("published_raw", "published_raw", _NULLABLE),
            _Column("language", "language", _NULLABLE),
            _Column("source", "source", _NULLABLE),
            _Column("url", "url", _NULLABLE),
            _Column("authors", "authors", _LIST),
            _Column("paragraphs", "paragraphs", _LIST),
        ),
        QUOTES: _QUOTE_COLUMNS,
        SPEAKERS: (
            _key("article_id"),
            _Column("speaker_id", "id", _TEXT),
            _Column("name", "name", _TEXT),
            _Column("kind", "kind", _TEXT),
            _Column("aliases", "aliases", _LIST),
        ),
        AFFILIATIONS: (
            _key("article_id"),
            _key("speaker_id"),
            _Column("organization", "organization", _NULLABLE),
            _Column("role", "role", _NULLABLE),
        ),
        ENTITIES: (
            _key("article_id"),
            _Column("entity_id", "id", _TEXT),
            _Column("name", "name", _TEXT),
            _Column("kind", "kind", _TEXT),
            _Column("speaker_id", "speaker_id", _NULLABLE),
        ),
        ENTITY_AFFILIATIONS: (
            _key("article_id"),
            _key("entity_id"),
            _Column("organization", "organization", _NULLABLE),
            _Column("role", "role", _NULLABLE),
        ),
        ENTITY_MENTIONS: (
            _key("article_id"),
            _key("entity_id"),
            _Column("start", "start", _INTEGER),
            _Column("end", "end", _INTEGER),
            _Column("text", "text", _TEXT),
        ),
        TITLE_QUOTES: _QUOTE_COLUMNS,
    }
)

#: The tables of a CSV dataset, each with its columns in the order they are written.
COLUMNS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {table: tuple(column.name for column in spec) for table, spec in _SPECS.items()}
)

#: The tables every dataset has.
_REQUIRED: Final = (ARTICLES, QUOTES, SPEAKERS, AFFILIATIONS)
#: The tables of the entities: written always, and read when all three are there.
_ENTITY_TABLES: Final = (ENTITIES, ENTITY_AFFILIATIONS, ENTITY_MENTIONS)
#: Every table of a dataset, in the order of :data:`COLUMNS` (``title_quotes.csv``, written
#: always, is read when it is there).
TABLES: Final = (*_REQUIRED, *_ENTITY_TABLES, TITLE_QUOTES)


class _Dialect(csv.Dialect):
    """RFC 4180, and strict: a stray quotation mark is an error, not data."""

    delimiter = ","
    quotechar = '"'
    escapechar = None
    doublequote = True
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = csv.QUOTE_MINIMAL
    strict = True


#: First characters that make Excel or LibreOffice read a cell as a formula.
_FORMULA_STARTS: Final = frozenset("=+-@\t\r")
_APOSTROPHE: Final = "'"
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_INTEGER_CELL: Final = re.compile("0|-?[1-9][0-9]*")
#: Large enough for any cell; the csv module's default (128 KiB) is not.
_FIELD_SIZE_LIMIT: Final = 2**31 - 1

# Python 3.10's csv module can neither write nor read NUL.  There, NUL goes through the
# csv module as "\x01" "0" (and "\x01" as "\x01\x01"), undone on each side of it, so the
# file holds the same bytes on every version.
_csv_handles_nul = sys.version_info >= (3, 11)
_HIDE: Final = "\x01"
_HIDDEN: Final = re.compile("\x01(.)", re.DOTALL)


def _hide_nul(text: str) -> str:
    if "\0" not in text and _HIDE not in text:
        return text
    return text.replace(_HIDE, _HIDE + _HIDE).replace("\0", _HIDE + "0")


def _show_nul(text: str) -> str:
    if _HIDE not in text:
        return text
    return _HIDDEN.sub(lambda match: "\0" if match[1] == "0" else _HIDE, text)


# --------------------------------------------------------------------------- cells


class _CellError(ValueError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _encode_nullable(value: str | None) -> str:
    if value is None:
        return ""
    if not value.strip('"'):  # "", '"', '""', ...: two more, so that "" is not null
        return value + '""'
    return value


def _decode_nullable(cell: str) -> str | None:
    if not cell:
        return None
    if cell.strip('"'):
        return cell
    if len(cell) == 1:
        raise _CellError(
            "malformed-csv",
            'a cell of one " stands for nothing: write "" for the empty string, """ for one "',
        )
    return cell[2:]


def _encode_list(value: list[Any]) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _decode_list(cell: str) -> Any:
    if not cell:
        raise _CellError("wrong-type", "expected a JSON array ([] when empty), got an empty cell")
    try:
        return loads_record(cell)
    except FormatError as error:
        raise _CellError(
            "wrong-type", f"expected a JSON array, but the cell is not JSON ({error.message})"
        ) from None


def _decode_integer(cell: str) -> int:
    if not _INTEGER_CELL.fullmatch(cell):
        raise _CellError("wrong-type", f"expected an integer in decimal digits, got {cell!r}")
    try:
        return int(cell)
    except ValueError:  # more digits than Python converts
        raise _CellError("wrong-type", f"the integer has too many digits ({len(cell)})") from None


_ENCODERS: Final[Mapping[str, Callable[[Any], str]]] = MappingProxyType(
    {_TEXT: str, _NULLABLE: _encode_nullable, _INTEGER: str, _LIST: _encode_list}
)
_DECODERS: Final[Mapping[str, Callable[[str], Any]]] = MappingProxyType(
    {_TEXT: str, _NULLABLE: _decode_nullable, _INTEGER: _decode_integer, _LIST: _decode_list}
)


def _defuse(cell: str) -> str:
    """The spreadsheet-safe form of a cell: reversible by dropping one leading ``'``."""
    if cell and (cell[0] in _FORMULA_STARTS or cell[0] == _APOSTROPHE):
        return _APOSTROPHE + cell
    return cell


def _undefuse(cell: str) -> str:
    return cell[1:] if cell.startswith(_APOSTROPHE) else cell


# --------------------------------------------------------------------------- writing


def write_csv(
    articles: Iterable[Article],
    directory: str | os.PathLike[str],
    *,
    force: bool = False,
    spreadsheet_safe: bool = False,
) -> int:
    """Write articles as the eight CSV tables of ``directory``; return how many were written.

    The directory is created if missing.  If it holds any of the eight tables already,
    :class:`~newsrecord.OutputExistsError` is raised unless ``force`` is true.  The
    tables are written in one pass over ``articles`` to temporary files, which replace
    the tables only once all of them are complete: after an error nothing has changed.

    Raises :class:`~newsrecord.FormatError` for a text holding a lone surrogate (CSV is
    UTF-8, which cannot encode one) and :class:`~newsrecord.RecordError` (code
    ``duplicate-id``) for an article id used twice, since ids are the tables' key.
    ``spreadsheet_safe=True`` defuses cells that a spreadsheet would run as formulas.
    """
    target = Path(directory)
    created = _make_directory(target)
    try:
        for table in TABLES:
            check_writable(target / table, force=force)
        with _table_files(target) as handles:
            writers = {table: _row_writer(handles[table], spreadsheet_safe) for table in TABLES}
            for table, write in writers.items():
                write(list(COLUMNS[table]), None)
            return _write_articles(articles, writers)
    except BaseException:
        if created:
            with contextlib.suppress(OSError):
                target.rmdir()
        raise


def _make_directory(target: Path) -> bool:
    """Create the directory if missing; whether it was created."""
    if target.is_dir():
        return False
    if target.exists():
        raise NotADirectoryError(f"{os.fspath(target)} is not a directory")
    target.mkdir(parents=True)
    return True


@contextlib.contextmanager
def _table_files(target: Path) -> Iterator[dict[str, IO[str]]]:
    """Temporary files, one a table, that replace the tables only when the block ends cleanly."""
    temporaries: dict[str, str] = {}
    handles: dict[str, IO[str]] = {}
    try:
        for table in TABLES:
            descriptor, temporaries[table] = create_temporary(target / table)
            handles[table] = os.fdopen(descriptor, "w", encoding="utf-8", newline="")
        yield handles
        for handle in handles.values():
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
        for table in TABLES:
            os.replace(temporaries.pop(table), target / table)
    finally:
        for handle in handles.values():
            handle.close()
        for temporary in temporaries.values():
            with contextlib.suppress(OSError):
                os.unlink(temporary)


class _Where(NamedTuple):
    """Which record a row comes from, for error messages."""

    number: int  # of the article, from 1
    article_id: str
    table: str
    path: str  # JSON path of the row's record


_RowWriter = Callable[[list[str], _Where | None], None]


def _row_writer(handle: IO[str], spreadsheet_safe: bool) -> _RowWriter:
    writer = csv.writer(handle, dialect=_Dialect)
    write_row = writer.writerow

    def write(cells: list[str], where: _Where | None) -> None:
        if where is not None:
            _check_encodable(cells, where)
            if spreadsheet_safe:
                cells = [_defuse(cell) for cell in cells]
        if not _csv_handles_nul and any("\0" in cell for cell in cells):
            _write_hiding_nul(handle, cells)
        else:
            write_row(cells)

    return write


def _write_hiding_nul(handle: IO[str], cells: list[str]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, dialect=_Dialect).writerow([_hide_nul(cell) for cell in cells])
    handle.write(_show_nul(buffer.getvalue()))


def _check_encodable(cells: list[str], where: _Where) -> None:
    for column, cell in zip(_SPECS[where.table], cells, strict=True):
        found = None if cell.isascii() else _SURROGATE.search(cell)
        if found is not None:
            key = column.key or column.name
            raise FormatError(
                f"article {where.number} ({where.article_id!r}): the {where.table} column "
                f"{column.name!r} holds a lone surrogate U+{ord(found[0]):04X}, which UTF-8 "
                "cannot encode, so it cannot be written as CSV (JSON Lines escapes it)",
                field=f"{where.path}.{key}",
            )


def _write_articles(articles: Iterable[Article], writers: Mapping[str, _RowWriter]) -> int:
    count = 0
    with SeenIds() as seen:  # ids as digests, in a fixed budget (see newsrecord._seen)
        for count, article in enumerate(articles, start=1):
            if not seen.add(article.id):
                raise RecordError(
                    f"article {count}: the id {article.id!r} is used by an earlier article; "
                    "it is the key of the CSV tables, so it must be unique",
                    problems=[
                        Problem(
                            code="duplicate-id",
                            message=f"article id {article.id!r} is used twice",
                            path="$.id",
                        )
                    ],
                    field="$.id",
                )
            _write_article(count, unstructure_article(article), writers)
    return count


def _row(table: str, record: Mapping[str, Any], keys: tuple[str, ...]) -> list[str]:
    cells = list(keys)
    for column in _SPECS[table][len(keys) :]:
        cells.append(_ENCODERS[column.kind](record[column.key]))
    return cells


def _write_article(number: int, data: dict[str, Any], writers: Mapping[str, _RowWriter]) -> None:
    ident = data["id"]
    writers[ARTICLES](_row(ARTICLES, data, ()), _Where(number, ident, ARTICLES, "$"))
    for index, quote in enumerate(data["quotes"]):
        where = _Where(number, ident, QUOTES, f"$.quotes[{index}]")
        writers[QUOTES](_row(QUOTES, quote, (ident,)), where)
    for index, speaker in enumerate(data["speakers"]):
        where = _Where(number, ident, SPEAKERS, f"$.speakers[{index}]")
        writers[SPEAKERS](_row(SPEAKERS, speaker, (ident,)), where)
    for index, speaker in enumerate(data["speakers"]):
        for position, affiliation in enumerate(speaker["affiliations"]):
            path = f"$.speakers[{index}].affiliations[{position}]"
            row = _row(AFFILIATIONS, affiliation, (ident, speaker["id"]))
            writers[AFFILIATIONS](row, _Where(number, ident, AFFILIATIONS, path))
    entities = data.get("entities", ())
    for index, entity in enumerate(entities):
        where = _Where(number, ident, ENTITIES, f"$.entities[{index}]")
        writers[ENTITIES](_row(ENTITIES, entity, (ident,)), where)
    for table, key in ((ENTITY_AFFILIATIONS, "affiliations"), (ENTITY_MENTIONS, "mentions")):
        for index, entity in enumerate(entities):
            for position, item in enumerate(entity[key]):
                path = f"$.entities[{index}].{key}[{position}]"
                row = _row(table, item, (ident, entity["id"]))
                writers[table](row, _Where(number, ident, table, path))
    title_quote = data.get("title_quote")
    if title_quote is not None:
        where = _Where(number, ident, TITLE_QUOTES, "$.title_quote")
        writers[TITLE_QUOTES](_row(TITLE_QUOTES, title_quote, (ident,)), where)


# --------------------------------------------------------------------------- reading


class _Row(NamedTuple):
    line: int  # where the row starts, from 1
    cells: list[str]  # in the order of COLUMNS, spreadsheet escapes undone


def read_csv(
    directory: str | os.PathLike[str], *, spreadsheet_safe: bool = False
) -> Iterator[Article]:
    """The articles of a CSV dataset directory, one at a time.

    The tables' structure (well-formed CSV, headers, rows that fit together) is checked
    in a first pass, so :class:`~newsrecord.FormatError` comes before any article; then
    articles are read holding one article's rows at a time.  A record that is not valid
    raises :class:`~newsrecord.RecordError` whose problems carry the file and line of
    the row they are about.  Use ``spreadsheet_safe=True`` for tables written with it.
    """
    for built in _iter_built(directory, spreadsheet_safe):
        if isinstance(built, NewsrecordError):
            raise built
        if isinstance(built.data, NewsrecordError):
            raise built.data
        try:
            yield structure_article(built.data)
        except RecordError as error:
            raise _located(error, built) from None


def iter_csv_records(
    directory: str | os.PathLike[str], *, spreadsheet_safe: bool = False
) -> Iterator[tuple[str, int, dict[str, Any] | NewsrecordError]]:
    """``(file, line, record or error)`` for each article of a CSV dataset, for validators.

    ``file`` is the path of ``articles.csv`` and ``line`` that of the article's row;
    the record is JSON-ready, shaped as :func:`~newsrecord.unstructure` makes it, and
    is left to :func:`~newsrecord.structure` to check.  Cells that cannot be read (an
    integer that is not one, a list that is not JSON, ...) give a
    :class:`~newsrecord.RecordError` listing them, and iteration goes on.  A structural
    :class:`~newsrecord.FormatError` (missing table or column, malformed CSV, rows that do
    not fit together) is found before any record, yielded alone, and ends iteration.
    """
    for built in _iter_built(directory, spreadsheet_safe):
        if isinstance(built, NewsrecordError):
            yield built.file or os.fspath(directory), built.line or 0, built
        else:
            yield built.file, built.line, built.data


class _Built(NamedTuple):
    """One article's JSON-ready record (or the problems of its cells), and where it is."""

    file: str
    line: int
    data: dict[str, Any] | RecordError
    rows: Mapping[str, tuple[str, int]]  # JSON path of a sub-record -> (file, line)


def _iter_built(
    directory: str | os.PathLike[str], spreadsheet_safe: bool
) -> Iterator[_Built | FormatError]:
    base = Path(directory)
    if not base.is_dir():
        if base.exists():
            raise NotADirectoryError(f"{os.fspath(base)} is not a directory")
        raise FileNotFoundError(f"no such directory: {os.fspath(base)}")
    csv.field_size_limit(max(csv.field_size_limit(), _FIELD_SIZE_LIMIT))
    paths = _table_paths(base)
    try:
        with _open_groups(paths, spreadsheet_safe) as groups:
            for _ in groups:  # the structure pass: nothing is kept
                pass
    except FormatError as error:
        yield error
        return
    with _open_groups(paths, spreadsheet_safe) as groups:
        for group in groups:
            yield _build(group, paths)


# ------------------------------------------------------------------ tables and rows


def _table_paths(base: Path) -> dict[str, str]:
    """The path of each table to read, as used in errors: the entity tables only when one
    of them is there (and then all three must be), ``title_quotes.csv`` when it is there."""
    tables = [*_REQUIRED]
    if any((base / name).exists() for name in _ENTITY_TABLES):
        tables.extend(_ENTITY_TABLES)
    if (base / TITLE_QUOTES).exists():
        tables.append(TITLE_QUOTES)
    return {table: os.fspath(base / table) for table in tables}


def _table_rows(path: str, table: str, spreadsheet_safe: bool) -> Generator[_Row, None, None]:
    """The rows of one table after its header, checked for shape, in column order."""
    try:
        raw = open(path, "rb")  # noqa: SIM115 - closed by the with block below
    except FileNotFoundError:
        if table in _ENTITY_TABLES:
            message = (
                f"the table {table} is missing: the entity tables go together "
                f"({', '.join(_ENTITY_TABLES)}), all three or none"
            )
        else:
            message = f"the table {table} is missing (a CSV dataset has {', '.join(_REQUIRED)})"
        raise FormatError(message, file=path) from None
    with raw:
        reader = csv.reader(_text_lines(raw, path), dialect=_Dialect)
        header = _next_row(reader, path, 1)
        if header is None:
            raise FormatError("the file is empty: it has no header row", file=path, line=1)
        order = _column_order(header, table, path)
        width = len(header)
        start = reader.line_num + 1
        while (cells := _next_row(reader, path, start)) is not None:
            _check_width(cells, width, path, start)
            if order is not None:
                cells = [cells[index] for index in order]
            if not _csv_handles_nul:
                cells = [_show_nul(cell) for cell in cells]
            if spreadsheet_safe:
                cells = [_undefuse(cell) for cell in cells]
            yield _Row(start, cells)
            start = reader.line_num + 1


def _text_lines(raw: IO[bytes], path: str) -> Iterator[str]:
    """Decoded lines, split at LF only, so that a CR inside a cell does not count as one."""
    for number, data in enumerate(raw, start=1):
        try:
            line = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise FormatError(
                f"not UTF-8: byte {error.start + 1} of the line (0x{data[error.start]:02X}) "
                "cannot be decoded",
                file=path,
                line=number,
            ) from None
        if number == 1 and line.startswith("\ufeff"):
            raise FormatError(
                "the file starts with a byte order mark; CSV tables are UTF-8 without one",
                file=path,
                line=1,
            )
        yield line if _csv_handles_nul else _hide_nul(line)


#: The csv module's messages (by how they start), in words that fit this format.
_CSV_MESSAGES: Final = (
    ("unexpected end of data", "a quoted cell is not closed before the end of the file"),
    ("',' expected after '\"'", 'a quoted cell goes on after its closing " (write "" for a ")'),
    ("new-line character seen in unquoted field", "a CR that ends no line is outside quotes"),
)


class _Reader(Protocol):
    line_num: int

    def __next__(self) -> list[str]: ...


def _next_row(reader: _Reader, path: str, start: int) -> list[str] | None:
    """The next row, ``None`` at the end; a row that is not well-formed CSV raises."""
    try:
        return next(reader)
    except StopIteration:
        return None
    except csv.Error as error:
        text = str(error)
        message = next((mine for theirs, mine in _CSV_MESSAGES if text.startswith(theirs)), "")
        message = message or f"malformed CSV: {text}"
        if reader.line_num > start and not text.startswith("unexpected end"):
            message += f" (on line {reader.line_num})"
        raise FormatError(message, file=path, line=start) from None


def _check_width(cells: list[str], width: int, path: str, start: int) -> None:
    if len(cells) == width:
        return
    if not cells:
        raise FormatError("a blank line is not a row", file=path, line=start)
    raise FormatError(f"the row has {len(cells)} cells, the header {width}", file=path, line=start)


def _column_order(header: list[str], table: str, path: str) -> list[int] | None:
    """Where each column of the table stands in ``header``; ``None`` if in the usual order."""
    columns = COLUMNS[table]
    if tuple(header) == columns:
        return None
    faults: list[str] = []
    seen: set[str] = set()
    for name in header:
        if name in seen:
            faults.append(f"the column {name!r} appears twice")
        elif name not in columns:
            faults.append(f"unknown column {name!r}")
        seen.add(name)
    faults.extend(f"the column {name!r} is missing" for name in columns if name not in seen)
    if faults:
        raise FormatError(
            f"header of {table}: {'; '.join(faults)} (the columns are {', '.join(columns)})",
            file=path,
            line=1,
        )
    return [header.index(name) for name in columns]


# ------------------------------------------------------------------ lockstep groups


class _Group(NamedTuple):
    """The rows of one article in each table."""

    article: _Row
    children: dict[str, list[_Row]]  # by table; the optional tables only when they are read


class _Children:
    """A child table read ahead by one row, handing out the run of rows of one article."""

    def __init__(self, rows: Iterator[_Row], path: str) -> None:
        self._rows = rows
        self.path = path
        self.head = next(rows, None)

    def take(self, article_id: str) -> list[_Row]:
        run: list[_Row] = []
        while self.head is not None and self.head.cells[0] == article_id:
            run.append(self.head)
            self.head = next(self._rows, None)
        return run

    def check_finished(self) -> None:
        if self.head is not None:
            raise FormatError(
                f"the row names article {self.head.cells[0]!r}, which is not in "
                f"{ARTICLES}, or not at this place: the rows of an article must be together "
                f"and in the order of {ARTICLES}",
                file=self.path,
                line=self.head.line,
                field="article_id",
            )


@contextlib.contextmanager
def _open_groups(paths: Mapping[str, str], spreadsheet_safe: bool) -> Iterator[Iterator[_Group]]:
    with contextlib.ExitStack() as stack:
        tables = [
            stack.enter_context(
                contextlib.closing(_table_rows(paths[table], table, spreadsheet_safe))
            )
            for table in paths
        ]
        yield _groups(tables, list(paths), paths)


def _groups(
    tables: Sequence[Iterator[_Row]], names: Sequence[str], paths: Mapping[str, str]
) -> Iterator[_Group]:
    first = next(tables[0], None)  # so that a fault of articles.csv is reported first
    articles = itertools.chain([] if first is None else [first], tables[0])
    children = {
        table: _Children(rows, paths[table])
        for rows, table in zip(tables[1:], names[1:], strict=True)
    }
    previous: str | None = None
    for row in articles:
        ident = row.cells[0]
        if ident == previous:
            raise FormatError(
                f"the article id {ident!r} is the same as on the row before: the rows of "
                "the two articles in the other tables could not be told apart",
                file=paths[ARTICLES],
                line=row.line,
                field="article_id",
            )
        yield _Group(row, {table: rows.take(ident) for table, rows in children.items()})
        previous = ident
    for rows in children.values():
        rows.check_finished()


# ------------------------------------------------------------------ records


class _Builder:
    """Turns one article's rows into its JSON-ready record, collecting cell problems."""

    def __init__(self, paths: Mapping[str, str]) -> None:
        self.paths = paths
        self.problems: list[Problem] = []
        self.rows: dict[str, tuple[str, int]] = {}

    def record(self, table: str, row: _Row, path: str) -> dict[str, Any]:
        file = self.paths[table]
        self.rows[path] = (file, row.line)
        record: dict[str, Any] = {}
        for column, cell in zip(_SPECS[table], row.cells, strict=True):
            if column.kind == _KEY:
                continue
            try:
                record[column.key] = _DECODERS[column.kind](cell)
            except _CellError as error:
                record[column.key] = None
                self.problems.append(
                    Problem(
                        code=error.code,
                        message=f"{table}, column {column.name}: {error.message}",
                        path=f"{path}.{column.key}",
                        file=file,
                        line=row.line,
                    )
                )
        return record

    def unknown_parent(self, table: str, row: _Row, article_id: str) -> None:
        """A row of ``table`` whose speaker or entity is not among its article's."""
        column, parent, parents = _PARENTS[table]
        self.problems.append(
            Problem(
                code="malformed-csv",
                message=(
                    f"{table}: {column} {row.cells[1]!r} names no {parent} of article "
                    f"{article_id!r} in {parents}"
                ),
                path=f"$.{'speakers' if parents == SPEAKERS else 'entities'}",
                file=self.paths[table],
                line=row.line,
            )
        )

    def second_title_quote(self, row: _Row, article_id: str) -> None:
        """A row of ``title_quotes.csv`` after the first of its article: a headline has one."""
        self.problems.append(
            Problem(
                code="malformed-csv",
                message=(
                    f"{TITLE_QUOTES}: article {article_id!r} has a headline quote on an "
                    "earlier row already (a headline carries one quote at most)"
                ),
                path="$.title_quote",
                file=self.paths[TITLE_QUOTES],
                line=row.line,
            )
        )


#: The tables whose rows belong to a row of another: (key column, what it names, table).
_PARENTS: Final = {
    AFFILIATIONS: ("speaker_id", "speaker", SPEAKERS),
    ENTITY_AFFILIATIONS: ("entity_id", "entity", ENTITIES),
    ENTITY_MENTIONS: ("entity_id", "entity", ENTITIES),
}


def _build(group: _Group, paths: Mapping[str, str]) -> _Built:
    builder = _Builder(paths)
    article = builder.record(ARTICLES, group.article, "$")
    data: dict[str, Any] = {"schema": article.pop("schema"), **article}
    speakers: list[dict[str, Any]] = []
    by_id: dict[str, int] = {}
    children = group.children
    for index, row in enumerate(children[SPEAKERS]):
        speaker = builder.record(SPEAKERS, row, f"$.speakers[{index}]")
        speaker["affiliations"] = []
        speakers.append(speaker)
        by_id.setdefault(row.cells[1], index)
    for row in children[AFFILIATIONS]:
        index = by_id.get(row.cells[1], -1)
        if index < 0:
            builder.unknown_parent(AFFILIATIONS, row, group.article.cells[0])
            continue
        affiliations = speakers[index]["affiliations"]
        path = f"$.speakers[{index}].affiliations[{len(affiliations)}]"
        affiliations.append(builder.record(AFFILIATIONS, row, path))
    data["speakers"] = speakers
    data["quotes"] = [
        builder.record(QUOTES, row, f"$.quotes[{index}]")
        for index, row in enumerate(children[QUOTES])
    ]
    if ENTITIES in children:  # the tables are there; rows of unknown entities are problems
        entities = _entities(builder, group)
        if entities:
            data["entities"] = entities
    title_quotes = children.get(TITLE_QUOTES, ())
    if title_quotes:
        data["title_quote"] = builder.record(TITLE_QUOTES, title_quotes[0], "$.title_quote")
        for row in title_quotes[1:]:
            builder.second_title_quote(row, group.article.cells[0])
    file = paths[ARTICLES]
    if builder.problems:
        return _Built(file, group.article.line, _cell_error(builder.problems), builder.rows)
    return _Built(file, group.article.line, data, builder.rows)


def _entities(builder: _Builder, group: _Group) -> list[dict[str, Any]]:
    """The JSON-ready entities of one article, with their affiliations and mentions."""
    entities: list[dict[str, Any]] = []
    by_id: dict[str, int] = {}
    for index, row in enumerate(group.children[ENTITIES]):
        entity = builder.record(ENTITIES, row, f"$.entities[{index}]")
        entity["affiliations"] = []
        entity["mentions"] = []
        entities.append(entity)
        by_id.setdefault(row.cells[1], index)
    for table, key in ((ENTITY_AFFILIATIONS, "affiliations"), (ENTITY_MENTIONS, "mentions")):
        for row in group.children[table]:
            index = by_id.get(row.cells[1], -1)
            if index < 0:
                builder.unknown_parent(table, row, group.article.cells[0])
                continue
            items = entities[index][key]
            items.append(builder.record(table, row, f"$.entities[{index}].{key}[{len(items)}]"))
    for entity in entities:  # the order of the JSON record's keys
        entity["speaker_id"] = entity.pop("speaker_id")
    return entities


def _cell_error(problems: list[Problem]) -> RecordError:
    first = problems[0]
    more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
    return RecordError(
        first.message + more, problems=problems, file=first.file, line=first.line, field=first.path
    )


_SUB_RECORD: Final = re.compile(
    r"\$\.(?:(?:quotes|speakers|entities)\[\d+\](?:\.(?:affiliations|mentions)\[\d+\])?"
    r"|title_quote(?![\w\[]))"
)


def _located(error: RecordError, built: _Built) -> RecordError:
    """The error with each problem's file and line: those of the row it is about."""

    def where(path: str) -> tuple[str, int]:
        match = _SUB_RECORD.match(path)
        if match is not None and match[0] in built.rows:
            return built.rows[match[0]]
        return built.file, built.line

    error.problems = tuple(
        attrs.evolve(problem, file=file, line=line)
        for problem in error.problems
        for file, line in [where(problem.path)]
    )
    error.file, error.line = where(error.field or "$")
    return error
