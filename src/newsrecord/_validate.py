"""Validating datasets: every problem of every record of JSON Lines, JSON and CSV files.

:func:`validate` checks files and returns a :class:`ValidationReport`; a
:class:`Validator` does the same as a stream (``run()`` yields each
:class:`~newsrecord.Problem` as it is found, and its counters grow as it goes), which is
what ``newsrecord validate`` prints from.  Nothing stops at the first problem.

What is read, and how:

* a path ending in ``.json`` holds one article object, or a JSON array of them; it is
  read whole (records are still checked one at a time);
* a directory is a CSV dataset: it holds ``articles.csv`` (and the tables that go with
  it, see ``newsrecord._csvio``).  A problem of a cell that cannot be read carries the
  file and line of its row; any other problem of an article, the line of the article's
  row in ``articles.csv`` (its JSON path says which quote, speaker or entity it is about);
* any other path, and ``"-"`` (standard input), is JSON Lines, read a line at a time.

Memory stays flat however many records there are: one record is held at a time, plus,
for the duplicate check across the dataset, the article ids seen, as 8-byte BLAKE2b
digests in a fixed 8 MiB (``newsrecord._seen``): a table of the latest digests and a
Bloom filter over all of them.  Whenever the table fills (about 95,000 ids), it is
written as a sorted run to an anonymous temporary file (8 bytes an id on disk; runs are
merged as they accumulate), which is read only when the Bloom filter cannot tell that an
id is new.  The files are closed when a run ends or is abandoned.  The check is exact
for the digests: two different ids share a digest with a probability of about n² / 2⁶⁵
(3 in 100 million for a million ids), in which case the later one would be reported as a
duplicate.

Dates: ``published`` is compared with the reference time ``now`` (default: the current
time; a naive ``now`` is taken as UTC).  An aware ``published`` is compared as it is.  A
naive one is a local time in an unknown zone, so it is reported only when it lies after
``now`` everywhere on Earth, that is more than 14 hours (the largest UTC offset) after
``now`` read as UTC: a post from Kiribati published a minute ago is not in the future.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Generator, Iterable, Iterator
from pathlib import Path
from typing import Any, Final

import attrs

from newsrecord._converter import converter, detailed_problems
from newsrecord._csvio import ARTICLES, iter_csv_records
from newsrecord._errors import FormatError, NewsrecordError, RecordError
from newsrecord._fast import build_article
from newsrecord._jsonio import JSON_WHITESPACE, iter_json_lines, loads_record
from newsrecord._problems import Problem
from newsrecord._seen import SeenIds

__all__ = ["ValidationReport", "Validator", "iter_validate", "validate"]

PathArg = str | os.PathLike[str]

#: The name a problem read from standard input carries as its file.
STDIN_NAME: Final = "<stdin>"

#: The largest UTC offset in use (Kiribati, UTC+14): see the module documentation.
_LATEST_OFFSET: Final = dt.timedelta(hours=14)


_TYPE_NAMES: Final[dict[type, str]] = {
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
}


@attrs.frozen(kw_only=True)
class ValidationReport:
    """What :func:`validate` found.  Iterating over it gives the problems."""

    #: Every problem, in the order found (file by file, record by record).
    problems: tuple[Problem, ...]
    #: Records checked, including those that could not be read as records at all.
    records: int
    #: Records with at least one problem.
    invalid_records: int

    @property
    def ok(self) -> bool:
        """Whether no problem was found (an unreadable file is a problem)."""
        return not self.problems

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.problems)


def _as_paths(paths: Iterable[PathArg] | PathArg) -> tuple[str, ...]:
    if isinstance(paths, str | os.PathLike):
        return (os.fspath(paths),)
    return tuple(os.fspath(path) for path in paths)


def _reference_time(now: dt.datetime | None) -> dt.datetime:
    if now is None:
        return dt.datetime.now(dt.timezone.utc)
    if now.utcoffset() is None:
        return now.replace(tzinfo=dt.timezone.utc)
    return now


class Validator:
    """Validation of a dataset as a stream: :meth:`run` yields problems as it finds them.

    The counters (:attr:`records`, :attr:`invalid_records`, :attr:`problem_count`,
    :attr:`io_errors`) grow while :meth:`run` goes on, and are final once it is done.

    >>> validator = Validator([], now=dt.datetime(2024, 1, 1))
    >>> list(validator.run()), validator.records, validator.ok
    ([], 0, True)
    """

    def __init__(
        self,
        paths: Iterable[PathArg] | PathArg,
        *,
        now: dt.datetime | None = None,
        require_timezone: bool = False,
        spreadsheet_safe: bool = False,
    ) -> None:
        #: The paths to check, as strings.
        self.paths = _as_paths(paths)
        #: The reference time of the future-date check (aware).
        self.now = _reference_time(now)
        #: Whether a naive ``published`` is a problem (``missing-timezone``).
        self.require_timezone = require_timezone
        #: Whether CSV tables were written with ``spreadsheet_safe=True``.
        self.spreadsheet_safe = spreadsheet_safe
        self._reset()

    def _reset(self) -> None:
        #: Records checked so far.
        self.records = 0
        #: Records with at least one problem so far.
        self.invalid_records = 0
        #: Problems found so far.
        self.problem_count = 0
        #: Paths that could not be read (``io-error`` problems) so far.
        self.io_errors = 0
        self._seen_ids = SeenIds()
        try:
            self._naive_limit = self.now + _LATEST_OFFSET
        except OverflowError:
            self._naive_limit = dt.datetime.max.replace(tzinfo=dt.timezone.utc)

    @property
    def ok(self) -> bool:
        """Whether no problem has been found (so far)."""
        return self.problem_count == 0

    def run(self) -> Iterator[Problem]:
        """Check every path in turn; yield each problem as it is found.

        Each run starts afresh: counters and the ids seen are reset.
        """
        self._reset()
        seen_ids = self._seen_ids
        try:
            for path in self.paths:
                for problem in self._check_path(path):
                    self.problem_count += 1
                    if problem.code == "io-error":
                        self.io_errors += 1
                    yield problem
        finally:  # also when the run is abandoned: its temporary files go
            seen_ids.close()

    def _check_path(self, path: str) -> Iterator[Problem]:
        name = STDIN_NAME if path == "-" else path
        try:
            if path != "-" and os.path.isdir(path):
                yield from self._check_csv(path)
            elif path.lower().endswith(".json"):
                yield from self._check_records(name, json_file_records(path), "malformed-json")
            else:
                yield from self._check_records(name, iter_json_lines(path), "malformed-json")
        except _SeenIdsError as error:
            reason = error.cause.strerror or str(error.cause) or type(error.cause).__name__
            yield Problem(
                code="io-error",
                message=f"cannot keep the article ids seen in temporary files: {reason}",
                file=name,
            )
        except OSError as error:
            yield _io_problem(name, error)

    def _check_csv(self, path: str) -> Iterator[Problem]:
        if not os.path.isfile(os.path.join(path, ARTICLES)):
            yield Problem(
                code="io-error",
                message="a directory must be a CSV dataset, with an articles.csv in it",
                file=path,
            )
            return
        records = iter_csv_records(path, spreadsheet_safe=self.spreadsheet_safe)
        for file_name, line, data in records:
            if isinstance(data, FormatError):  # the tables do not fit together: no records
                yield Problem(
                    code="malformed-csv",
                    message=data.message,
                    path=data.field or "$",
                    file=file_name,
                    line=line or None,
                )
            else:
                yield from self._check_record(file_name, line, data, "malformed-csv")

    def _check_records(
        self, name: str, records: Iterator[tuple[int, object]], malformed: str
    ) -> Iterator[Problem]:
        for line, data in records:
            yield from self._check_record(name, line, data, malformed)

    def _check_record(
        self, name: str, line: int | None, data: object, malformed: str
    ) -> list[Problem]:
        self.records += 1
        problems = [
            # Problems of CSV cells come with the file and line of their row already.
            problem if problem.file else attrs.evolve(problem, file=name, line=line)
            for problem in self._record_problems(data, malformed)
        ]
        if problems:
            self.invalid_records += 1
        return problems

    def _record_problems(self, data: object, malformed: str) -> list[Problem]:
        if isinstance(data, RecordError) and data.problems:
            return list(data.problems)
        if isinstance(data, NewsrecordError):
            return [Problem(code=malformed, message=data.message, path=data.field or "$")]
        if not isinstance(data, dict):
            kind = _TYPE_NAMES.get(type(data), type(data).__name__)
            return [Problem(code=malformed, message=f"a record must be a JSON object, not {kind}")]
        try:  # a valid record: only the dataset's checks are left
            article = build_article(data)
        except Exception:  # invalid, or unusual: the detailed path says which
            problems = detailed_problems(data)
            problems.extend(self._dataset_problems(data))
            return problems
        return list(self._dataset_problems(data, article.published))

    def _dataset_problems(
        self, data: dict[str, Any], published: dt.datetime | None = None
    ) -> Iterator[Problem]:
        """Problems across records (a repeated article id), and of ``published`` against
        ``now``; ``published`` is the record's, when it was built."""
        ident = data.get("id")
        if isinstance(ident, str):
            try:
                new = self._seen_ids.add(ident)
            except OSError as error:
                raise _SeenIdsError(error) from error
            if not new:
                yield Problem(
                    code="duplicate-id",
                    message=f"article id {ident!r} is used by an earlier record",
                    path="$.id",
                )
        yield from self._date_problems(data.get("published"), published)

    def _date_problems(self, value: object, published: dt.datetime | None) -> Iterator[Problem]:
        if not isinstance(value, str):
            return
        if published is None:
            try:
                published = converter.structure(value, dt.datetime)
            except Exception:  # an unreadable date is already an invalid-value problem
                return
        if published.utcoffset() is not None:
            if published > self.now:
                yield _future(value, f"is after {self.now.isoformat()}")
            return
        if self.require_timezone:
            yield Problem(
                code="missing-timezone",
                message=f"published {value!r} has no UTC offset",
                path="$.published",
            )
        if published.replace(tzinfo=dt.timezone.utc) > self._naive_limit:
            yield _future(
                value, f"(no UTC offset) is after {self.now.isoformat()} in every time zone"
            )


class _SeenIdsError(Exception):
    """The ids seen could not be written to their temporary files (a full disk, say)."""

    def __init__(self, cause: OSError) -> None:
        super().__init__(str(cause))
        self.cause = cause


def _future(value: str, why: str) -> Problem:
    return Problem(code="future-date", message=f"published {value!r} {why}", path="$.published")


def _io_problem(name: str, error: OSError) -> Problem:
    reason = error.strerror or str(error) or type(error).__name__
    return Problem(code="io-error", message=f"cannot read the file: {reason}", file=name)


def _loads(text: str) -> object:
    try:
        return loads_record(text)
    except FormatError as error:
        return error


class _Lines:
    """Line numbers of positions in a text, for positions that only ever grow."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._index = 0
        self._line = 1

    def at(self, index: int) -> int:
        self._line += self._text.count("\n", self._index, index)
        self._index = index
        return self._line


def _skip_whitespace(text: str, index: int) -> int:
    while index < len(text) and text[index] in JSON_WHITESPACE:
        index += 1
    return index


def json_file_records(path: str) -> Iterator[tuple[int, object]]:
    """``(line, parsed JSON or FormatError)`` for the article, or each article, of a file."""
    data = Path(path).read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        yield (
            line,
            FormatError(
                f"not UTF-8: byte 0x{data[error.start]:02x} at offset {error.start} cannot be "
                "decoded"
            ),
        )
        return
    lines = _Lines(text)
    start = _skip_whitespace(text, 0)
    if text.startswith("[", start):
        yield from _json_array(text, start + 1, lines)
        return
    end = yield from _json_value(text, start, lines)
    if end is not None:
        yield from _expect_end(text, end, lines)


def _json_value(
    text: str, index: int, lines: _Lines
) -> Generator[tuple[int, object], None, int | None]:
    """Yield the value at ``index`` (or an error), and return where it ends (or ``None``).

    The value's extent is found with the standard decoder, and the value is then read
    again strictly (duplicate keys, ``NaN``) by :func:`newsrecord._jsonio.loads_record`.
    """
    line = lines.at(index)
    try:
        _value, end = _plain_decoder.raw_decode(text, index)
    except json.JSONDecodeError as error:
        yield error.lineno, FormatError(f"malformed JSON: {error.msg} (column {error.colno})")
        return None
    except RecursionError:
        yield line, FormatError("malformed JSON: nested too deeply")
        return None
    except ValueError as error:  # e.g. integers with more digits than Python allows
        yield line, FormatError(f"malformed JSON: {error}")
        return None
    yield line, _loads(text[index:end])
    return end


_plain_decoder: Final = json.JSONDecoder()


def _json_array(text: str, index: int, lines: _Lines) -> Iterator[tuple[int, object]]:
    index = _skip_whitespace(text, index)
    if text.startswith("]", index):
        yield from _expect_end(text, index + 1, lines)
        return
    while True:
        end = yield from _json_value(text, index, lines)
        if end is None:
            return
        index = _skip_whitespace(text, end)
        if text.startswith(",", index):
            index = _skip_whitespace(text, index + 1)
        elif text.startswith("]", index):
            yield from _expect_end(text, index + 1, lines)
            return
        else:
            message = "malformed JSON: expected ',' or ']' after an array element"
            yield lines.at(index), FormatError(message)
            return


def _expect_end(text: str, index: int, lines: _Lines) -> Iterator[tuple[int, object]]:
    index = _skip_whitespace(text, index)
    if index < len(text):
        yield (
            lines.at(index),
            FormatError(
                "malformed JSON: more data after the first value (a .json file holds one "
                "article or an array of them; JSON Lines files are named .jsonl)"
            ),
        )


def iter_validate(
    paths: Iterable[PathArg] | PathArg,
    *,
    now: dt.datetime | None = None,
    require_timezone: bool = False,
    spreadsheet_safe: bool = False,
) -> Iterator[Problem]:
    """Each problem of the files as it is found (see :func:`validate`).

    For the counts as well, use a :class:`Validator` (this is ``Validator(...).run()``).
    """
    return Validator(
        paths, now=now, require_timezone=require_timezone, spreadsheet_safe=spreadsheet_safe
    ).run()


def validate(
    paths: Iterable[PathArg] | PathArg,
    *,
    now: dt.datetime | None = None,
    require_timezone: bool = False,
    spreadsheet_safe: bool = False,
) -> ValidationReport:
    """Check every record of one or more datasets; report every problem, with its place.

    ``paths`` is a path or several: ``.jsonl`` files (and ``"-"``, standard input),
    ``.json`` files holding one article or an array of them, and CSV dataset
    directories.  Each problem has a stable code (:data:`~newsrecord.CODES`), a JSON path
    into its record, the file and the line (for CSV, the line in the table that has the
    offending row).  Besides each record's own problems, it reports article ids used
    twice in the whole dataset, a ``published`` after ``now`` (``future-date``), a naive
    ``published`` when ``require_timezone`` is true (``missing-timezone``) and paths that
    cannot be read (``io-error``).  See the module documentation for how dates compare.
    ``spreadsheet_safe`` says that CSV tables were written with ``spreadsheet_safe=True``.

    >>> report = validate([])
    >>> report.ok, report.records, report.invalid_records, report.problems
    (True, 0, 0, ())
    """
    validator = Validator(
        paths, now=now, require_timezone=require_timezone, spreadsheet_safe=spreadsheet_safe
    )
    problems = tuple(validator.run())
    return ValidationReport(
        problems=problems, records=validator.records, invalid_records=validator.invalid_records
    )
