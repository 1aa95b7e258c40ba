"""The ``newsrecord`` command: parse posts, validate and convert datasets, print the schema.

A thin layer over the library: each command reads its options, calls the public
functions and turns what they return or raise into lines, files and an exit status:

* ``0``: done, and the data was valid;
* ``1``: bad data (a post that could not be parsed, an invalid dataset, a record that
  cannot be converted), or standard output closed early (a broken pipe);
* ``2``: a usage error, an input that cannot be read or an output that may not be
  written (it exists and ``--force`` was not given, or it is one of the inputs);
* ``130``: interrupted (Ctrl-C).

No traceback reaches the user for bad data or I/O errors.  See ``docs/cli.md``.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import datetime as dt
import functools
import glob
import io
import itertools
import json
import os
import shutil
import sys
import warnings
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import IO, Any, Final

import attrs

from newsrecord._atomic import atomic_write, check_writable, same_file
from newsrecord._converter import structure_article
from newsrecord._csvio import TABLES, read_csv, write_csv
from newsrecord._datapackage import DATAPACKAGE, write_datapackage
from newsrecord._errors import (
    DecodeError,
    MissingExtraError,
    NewsrecordError,
    OutputExistsError,
    ParseError,
    ParseWarning,
    RecordError,
)
from newsrecord._jsonio import read_jsonl, to_json, write_jsonl
from newsrecord._jsonld import write_jsonld
from newsrecord._langtag import normalize_language_tag
from newsrecord._model import Article, QuoteKind
from newsrecord._ninjs import write_ninjs
from newsrecord._parallel import Done, Progress, default_jobs, ordered_map
from newsrecord._problems import Problem
from newsrecord._schema import json_schema
from newsrecord._validate import STDIN_NAME, Validator, json_file_records
from newsrecord.adapters import FORMATS
from newsrecord.adapters._telegram import channel_name
from newsrecord.parse import parse_post
from newsrecord.parse._dates import resolve_timezone
from newsrecord.parse._langprofiles import get_factory as get_language_factory

__all__ = ["main"]

PROG: Final = "newsrecord"

_TABLES: Final = frozenset(TABLES)

EXIT_OK: Final = 0
EXIT_INVALID: Final = 1
EXIT_USAGE: Final = 2
EXIT_INTERRUPTED: Final = 130


class UsageError(Exception):
    """A command line that cannot be carried out as given (exit status 2)."""


# --------------------------------------------------------------------------- parse


@attrs.frozen(kw_only=True)
class ParseOptions:
    """The options of ``newsrecord parse`` that :func:`parse_post` takes (picklable)."""

    language: str | None = None
    dayfirst: bool = False
    timezone: str | None = None
    encoding: str | None = None
    strict: bool = False


@attrs.frozen
class ParseFailure:
    """Why a file gave no article: ``io`` for a file that could not be read."""

    message: str
    io: bool = False


def _display_name(path: str) -> str:
    return STDIN_NAME if path == "-" else path


def _read_input(path: str) -> bytes:
    return sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()


def _decode_message(error: DecodeError, data: bytes, encoding: str | None) -> str:
    byte = f"byte 0x{data[error.offset]:02x} " if error.offset < len(data) else ""
    return (
        f"{byte}at offset {error.offset} is not valid {encoding or 'UTF-8'}; "
        "pass --encoding (for example cp1251 or latin-1) to read another encoding"
    )


def _os_message(error: OSError) -> str:
    return f"cannot read the file: {error.strerror or error}"


def _parse_bytes(data: bytes, options: ParseOptions) -> tuple[str, int] | ParseFailure:
    """The JSON line of a post and its number of quotes, or why it could not be parsed."""
    try:
        article = parse_post(
            data,
            encoding=options.encoding,
            language=options.language,
            dayfirst=options.dayfirst,
            default_timezone=options.timezone,
            strict=options.strict,
        )
    except DecodeError as error:
        return ParseFailure(_decode_message(error, data, options.encoding))
    except ParseError as error:
        return ParseFailure(f"{error.code}: {error.message}")
    except NewsrecordError as error:
        return ParseFailure(error.message)
    return to_json(article), len(article.quotes)


@attrs.frozen
class Parsed:
    """What parsing one file gave: a JSON line (or why not), the warnings, the quotes."""

    result: str | ParseFailure
    notes: tuple[str, ...] = ()
    quotes: int = 0


def _parse_path(path: str, options: ParseOptions) -> Parsed:
    """Parse one file (``"-"``: standard input) into a JSON line, or say why not.

    The parser's warnings are given as ``"code: message"`` notes.  Everything in and out
    is picklable, so that worker processes can call this.  Other warnings than
    :class:`ParseWarning` are issued again as they were.
    """
    quotes = 0
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            parsed = _parse_bytes(_read_input(path), options)
        except OSError as error:
            parsed = ParseFailure(_os_message(error), io=True)
    if isinstance(parsed, ParseFailure):
        result: str | ParseFailure = parsed
    else:
        result, quotes = parsed
    notes = []
    for warning in caught:
        if isinstance(warning.message, ParseWarning):
            notes.append(str(warning.message))
        else:
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    return Parsed(result, tuple(notes), quotes)


def _parse_one(path: str, options: ParseOptions) -> tuple[str | ParseFailure, tuple[str, ...]]:
    """Parse one file (``"-"``: standard input): the line (or why not) and the warnings.

    See :func:`_parse_path`, which also counts the quotes.
    """
    parsed = _parse_path(path, options)
    return parsed.result, parsed.notes


def _warm_up(options: ParseOptions) -> None:
    """Set up a worker: load the language profiles (about 0.15 s) before the first file."""
    if options.language is None:
        with contextlib.suppress(Exception):  # the first file would report it
            get_language_factory()


def _has_glob_magic(pattern: str) -> bool:
    return any(char in pattern for char in "*?[")


def _expand(patterns: Sequence[str]) -> list[str]:
    """The files named: patterns the shell did not expand are expanded here, sorted.

    A name that exists is taken as it is, even if it has ``*``, ``?`` or ``[`` in it; a
    pattern that matches nothing is kept (and fails as a missing file).
    """
    paths: list[str] = []
    for pattern in patterns:
        if pattern == "-" or os.path.lexists(pattern) or not _has_glob_magic(pattern):
            paths.append(pattern)
        else:
            paths.extend(sorted(glob.glob(pattern, recursive=True)) or [pattern])
    return paths


def _check_output(output: str, inputs: Sequence[str], *, force: bool) -> None:
    """Refuse an output that is one of the inputs, or that exists without ``force``."""
    if output == "-":
        return
    for path in inputs:
        if path != "-" and same_file(path, output):
            raise UsageError(f"{output}: the output is also an input; refusing to write over it")
    check_writable(output, force=force)


@contextlib.contextmanager
def _output(path: str | None, *, force: bool) -> Iterator[IO[str]]:
    if path is None:
        yield sys.stdout
    else:
        with atomic_write(path, force=force) as handle:
            yield handle


def _run_parse(args: argparse.Namespace) -> int:
    paths = _expand(args.files)
    if args.channel is not None and args.from_format != "telegram":
        raise UsageError("--channel applies to --from telegram only")
    if args.encoding is not None and args.from_format != "post":
        raise UsageError("--encoding applies to posts only: the files of --from are UTF-8")
    if args.output is not None:
        _check_output(args.output, paths, force=args.force)
    if args.from_format != "post":
        return _run_adapter(args, paths)
    options = ParseOptions(
        language=args.language,
        dayfirst=args.dayfirst,
        timezone=args.timezone,
        encoding=args.encoding,
        strict=args.strict,
    )
    jobs = default_jobs() if args.jobs is None else args.jobs
    progress = None
    if _shows_progress(args):
        progress = Progress(sys.stderr, len(paths))
    try:
        with _output(args.output, force=args.force) as handle:
            return _parse_into(handle, paths, options, jobs=jobs, progress=progress)
    except _NothingParsed as nothing:
        return nothing.status
    except BrokenProcessPool:
        _stderr(
            f"{PROG}: error: a worker process ended abruptly (killed, or out of memory?); "
            "--jobs 1 parses without workers"
        )
        return EXIT_INVALID


def _is_terminal(stream: IO[str] | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or closed
        return False


def _shows_progress(args: argparse.Namespace) -> bool:
    """A progress line: on a terminal, unless the records are printed on that terminal."""
    if not args.progress or not _is_terminal(sys.stderr):
        return False
    return args.output not in (None, "-") or not _is_terminal(sys.stdout)


class _NothingParsed(Exception):
    """Raised inside an atomic write to keep the old output: every file failed."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


def _parsed(
    paths: Sequence[str], options: ParseOptions, jobs: int
) -> Generator[Done[Parsed], None, None]:
    """What each file gives, in the order of ``paths``; in ``jobs`` worker processes."""
    jobs = min(jobs, len(paths))
    return ordered_map(
        functools.partial(_parse_path, options=options),
        paths,
        jobs=jobs,
        # Batches small enough to keep every worker busy to the end and the progress
        # line moving, large enough to make the cost of sending them negligible.
        chunksize=max(1, min(16, len(paths) // (8 * max(1, jobs)))),
        initializer=_warm_up,
        initargs=(options,),
        local=lambda path: path == "-",  # standard input is read by this process
    )


def _parse_into(
    handle: IO[str],
    paths: Sequence[str],
    options: ParseOptions,
    *,
    jobs: int = 1,
    progress: Progress | None = None,
) -> int:
    """Write the JSON line of each file; return the exit status.

    With ``jobs`` above 1 the files are parsed in worker processes; lines, warnings and
    errors still come in the order of the files, as with one.  When every file fails,
    :class:`_NothingParsed` is raised, so that an output file is not replaced by an
    empty one.
    """
    status = EXIT_OK
    written = 0
    try:
        with contextlib.closing(_parsed(paths, options, jobs)) as results:
            for path, done in zip(paths, results, strict=True):
                parsed = done.result
                failed = isinstance(parsed.result, ParseFailure)
                if progress is not None and (done.warnings or parsed.notes or failed):
                    progress.clear()
                done.reissue()
                name = _display_name(path)
                for note in parsed.notes:
                    _stderr(f"{name}: warning: {note}")
                if isinstance(parsed.result, ParseFailure):
                    _stderr(f"{name}: error: {parsed.result.message}")
                    status = max(status, EXIT_USAGE if parsed.result.io else EXIT_INVALID)
                else:
                    handle.write(parsed.result + "\n")
                    written += 1
                if progress is not None:
                    progress.advance(articles=int(not failed), quotes=parsed.quotes)
    finally:
        if progress is not None:
            progress.clear()
    if written == 0 and status != EXIT_OK:
        raise _NothingParsed(status)
    return status


def _adapted(path: str, args: argparse.Namespace) -> tuple[list[Article], list[str], int]:
    """The articles of one file of another tool (``--from``), the notes, the exit status."""
    read = FORMATS[args.from_format]
    options: dict[str, Any] = {
        "language": args.language,
        "dayfirst": args.dayfirst,
        "default_timezone": args.timezone,
        "strict": args.strict,
    }
    if args.channel is not None:
        options["channel"] = args.channel
    name = _display_name(path)
    notes: list[str] = []
    articles: list[Article] = []
    status = EXIT_OK
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            articles = read(sys.stdin.buffer if path == "-" else path, **options)
        except MissingExtraError as error:
            raise UsageError(error.message) from None
        except NewsrecordError as error:
            if path == "-":
                error.file = name
            notes.extend(_error_lines(error))
            status = EXIT_INVALID
        except OSError as error:
            notes.append(f"{name}: error: {_os_message(error)}")
            status = EXIT_USAGE
    warned = [
        f"{name}: warning: {w.message}" for w in caught if isinstance(w.message, ParseWarning)
    ]
    for warning in caught:
        if not isinstance(warning.message, ParseWarning):
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    return articles, warned + notes, status


def _run_adapter(args: argparse.Namespace, paths: Sequence[str]) -> int:
    """``parse --from FORMAT``: each file read whole by its adapter, in this process.

    A file that is not of the format gives an error and no records; the other files are
    still written.  When every file fails, an existing output is left as it was.
    """
    status = EXIT_OK
    written = 0
    try:
        with _output(args.output, force=args.force) as handle:
            for path in paths:
                articles, notes, file_status = _adapted(path, args)
                for note in notes:
                    _stderr(note)
                status = max(status, file_status)
                for article in articles:
                    handle.write(to_json(article) + "\n")
                written += len(articles)
            if written == 0 and status != EXIT_OK:
                raise _NothingParsed(status)
    except _NothingParsed as nothing:
        return nothing.status
    return status


# ------------------------------------------------------------------------ validate


def _escape_data(text: str) -> str:
    """Escape the message of a GitHub Actions workflow command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """Escape a property value (``file=``, ``title=``) of a GitHub Actions workflow command."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_text(problem: Problem) -> str:
    """``path:line: $.json.path: code: message`` (``path: ...`` when there is no line)."""
    where = problem.file or STDIN_NAME
    if problem.line is not None:
        where += f":{problem.line}"
    return f"{where}: {problem.path}: {problem.code}: {problem.message}"


def format_github(problem: Problem) -> str:
    """A GitHub Actions ``::error`` workflow command: an annotation on the file and line."""
    properties = f"file={_escape_property(problem.file or STDIN_NAME)}"
    if problem.line is not None:
        properties += f",line={problem.line}"
    properties += f",title={_escape_property(problem.code)}"
    return f"::error {properties}::{_escape_data(f'{problem.path}: {problem.message}')}"


def _problem_json(problem: Problem) -> str:
    data = {
        "file": problem.file,
        "line": problem.line,
        "path": problem.path,
        "code": problem.code,
        "message": problem.message,
    }
    return json.dumps(data, ensure_ascii=False)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _summary(validator: Validator) -> str:
    text = (
        f"checked {_plural(validator.records, 'record')}: "
        f"{_plural(validator.problem_count, 'error')} in "
        f"{_plural(validator.invalid_records, 'record')}"
    )
    if validator.io_errors:
        text += f" ({_plural(validator.io_errors, 'path')} could not be read)"
    return text


def _write_json_report(validator: Validator, out: IO[str]) -> None:
    """One JSON document, written as the problems are found (memory stays flat)."""
    out.write('{"problems": [')
    separator = "\n  "
    for problem in validator.run():
        out.write(separator + _problem_json(problem))
        separator = ",\n  "
    out.write("\n]" if separator != "\n  " else "]")
    counts = {
        "ok": validator.ok,
        "records": validator.records,
        "invalid_records": validator.invalid_records,
    }
    out.write(", " + json.dumps(counts)[1:] + "\n")


def _run_validate(args: argparse.Namespace) -> int:
    validator = Validator(
        _expand(args.paths),
        now=args.now,
        require_timezone=args.require_timezone,
        spreadsheet_safe=args.spreadsheet_safe,
    )
    if args.format == "json":
        _write_json_report(validator, sys.stdout)
    else:
        line_of = format_github if args.format == "github" else format_text
        for problem in validator.run():
            sys.stdout.write(line_of(problem) + "\n")
        sys.stdout.flush()
        _stderr(_summary(validator))
    if validator.io_errors:
        return EXIT_USAGE
    return EXIT_OK if validator.ok else EXIT_INVALID


# ------------------------------------------------------------------------- convert


def _read_json_file(path: str) -> Iterator[Article]:
    """The article, or the array of articles, of a ``.json`` file; errors name the line."""
    for line, data in json_file_records(path):
        if isinstance(data, NewsrecordError):
            data.file, data.line = path, line
            raise data
        try:
            yield structure_article(data)
        except RecordError as error:
            error.file, error.line = path, line
            raise


def _read_articles(path: str, *, spreadsheet_safe: bool) -> Iterator[Article]:
    if path != "-" and os.path.isdir(path):
        return read_csv(path, spreadsheet_safe=spreadsheet_safe)
    if path != "-":
        with open(path, "rb"):  # fail now, with exit status 2, if it cannot be read
            pass
    if path.lower().endswith(".json"):
        return _read_json_file(path)
    return read_jsonl(path)


def _overwrites_input(source: str, target: str, to: str) -> bool:
    """Whether writing ``target`` would replace ``source`` (or one of its tables)."""
    if source == "-":
        return False
    if same_file(source, target):
        return True
    if os.path.isdir(source):  # a table of the input dataset, as the --to jsonl output
        return any(same_file(os.path.join(source, table), target) for table in _TABLES)
    location = Path(source)
    return to == "csv" and location.name in _TABLES and same_file(location.parent, target)


def _run_convert(args: argparse.Namespace) -> int:
    source, target = args.input, args.output
    if args.to == "csv" and target == "-":
        raise UsageError("--to csv writes a directory; standard output (-) cannot be one")
    if args.to == "csv":  # before any table is written
        check_writable(os.path.join(target, DATAPACKAGE), force=args.force)
    if args.spreadsheet_safe and args.to != "csv" and not os.path.isdir(source):
        raise UsageError("--spreadsheet-safe applies to CSV input or output only")
    if _overwrites_input(source, target, args.to):
        raise UsageError(f"{target}: the output is the input {source}; refusing to write over it")
    reading_safe = args.spreadsheet_safe and os.path.isdir(source)
    articles = _read_articles(source, spreadsheet_safe=reading_safe)
    if args.to == "jsonl":
        write_jsonl(articles, target, force=args.force)
    elif args.to == "jsonld":
        write_jsonld(articles, target, force=args.force)
    elif args.to == "ninjs":
        write_ninjs(articles, target, force=args.force)
    else:
        write_csv(articles, target, force=args.force, spreadsheet_safe=args.spreadsheet_safe)
        write_datapackage(target, force=True, spreadsheet_safe=args.spreadsheet_safe)
    return EXIT_OK


# -------------------------------------------------------------------------- schema


def _run_schema(_args: argparse.Namespace) -> int:
    sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


# ------------------------------------------------------------- show, stats, report

_RECORD_SUFFIXES: Final = (".jsonl", ".json", ".ndjson")


def _is_records(path: str) -> bool:
    """Records (JSON Lines, JSON, a CSV directory, ``-``) rather than a post to parse."""
    return path == "-" or os.path.isdir(path) or path.lower().endswith(_RECORD_SUFFIXES)


class _Inputs:
    """The articles of posts and record files, in order; :attr:`status` says how it went.

    A post that cannot be parsed is reported (``FILE: error: ...``) and skipped, as by
    ``parse``; a bad record stops the command, as in ``convert``.
    """

    def __init__(self, patterns: Sequence[str], options: ParseOptions) -> None:
        self.paths = _expand(patterns)
        self.options = options
        self.status = EXIT_OK

    def __iter__(self) -> Iterator[Article]:
        for _name, article in self.named():
            yield article

    def named(self) -> Iterator[tuple[str, Article]]:
        """``(file name, article)`` pairs."""
        for path in self.paths:
            name = _display_name(path)
            if _is_records(path):
                for record in _read_articles(path, spreadsheet_safe=False):
                    yield name, record
            else:
                post = self._post(path)
                if post is not None:
                    yield name, post

    def _post(self, path: str) -> Article | None:
        import newsrecord  # the public parser

        name = _display_name(path)
        options = self.options
        try:
            data = _read_input(path)
        except OSError as error:
            _stderr(f"{name}: error: {_os_message(error)}")
            self.status = max(self.status, EXIT_USAGE)
            return None
        article: Article | None = None
        failure: str | None = None
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ParseWarning)
            try:
                article = newsrecord.parse_post(
                    data,
                    encoding=options.encoding,
                    language=options.language,
                    dayfirst=options.dayfirst,
                    default_timezone=options.timezone,
                )
            except DecodeError as error:
                failure = _decode_message(error, data, options.encoding)
            except ParseError as error:
                failure = f"{error.code}: {error.message}"
        for warning in caught:
            if isinstance(warning.message, ParseWarning):
                _stderr(f"{name}: warning: {warning.message}")
            else:
                warnings.warn_explicit(
                    warning.message, warning.category, warning.filename, warning.lineno
                )
        if failure is not None:
            _stderr(f"{name}: error: {failure}")
            self.status = max(self.status, EXIT_INVALID)
        return article


def _inputs(args: argparse.Namespace) -> _Inputs:
    options = ParseOptions(
        language=args.language,
        dayfirst=args.dayfirst,
        timezone=args.timezone,
        encoding=args.encoding,
    )
    return _Inputs(args.files, options)


def _uses_color(choice: str, stream: IO[str]) -> bool:
    """``always``, ``never``, or (``auto``) on a terminal when ``NO_COLOR`` is not set."""
    if choice != "auto":
        return choice == "always"
    return not os.environ.get("NO_COLOR") and _is_terminal(stream)


def _run_show(args: argparse.Namespace) -> int:
    import newsrecord

    inputs = _inputs(args)
    width = args.width or shutil.get_terminal_size((100, 24)).columns
    color = _uses_color(args.color, sys.stdout)
    kinds = None if args.kind is None else {QuoteKind(kind) for kind in args.kind}
    filtered = args.speaker is not None or kinds is not None
    separator = ""
    for name, article in inputs.named():
        if filtered and not newsrecord.filter_quotes(article, speaker=args.speaker, kinds=kinds):
            continue
        text = newsrecord.format_article(
            article, width=width, color=color, speaker=args.speaker, kinds=kinds, source=name
        )
        sys.stdout.write(separator + text)
        separator = "\n"
    return inputs.status


def _run_stats(args: argparse.Namespace) -> int:
    import newsrecord

    inputs = _inputs(args)
    result = newsrecord.stats(inputs, top=args.top)
    sys.stdout.write(newsrecord.format_stats(result, args.format))
    return inputs.status


def _run_report(args: argparse.Namespace) -> int:
    import newsrecord

    inputs = _inputs(args)
    _check_output(args.output, inputs.paths, force=args.force)
    articles = iter(inputs)
    first = next(articles, None)
    if first is None and inputs.status != EXIT_OK:
        return inputs.status  # every file failed: an existing report stays as it was
    newsrecord.write_report(
        itertools.chain([first] if first is not None else [], articles),
        args.output,
        title=args.title,
        page_size=args.page_size,
        force=args.force,
    )
    return inputs.status


# ------------------------------------------------------------------------- options


def _option_type(check: Callable[[str], Any], what: str) -> Callable[[str], str]:
    def convert(value: str) -> str:
        try:
            check(value)
        except (ValueError, LookupError) as error:
            raise argparse.ArgumentTypeError(str(error) or f"invalid {what}: {value!r}") from None
        return value

    convert.__name__ = what  # argparse names the type in its messages
    return convert


def _iso_datetime(value: str) -> dt.datetime:
    text = value[:-1] + "+00:00" if value.endswith(("Z", "z")) else value
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not an ISO 8601 date and time: {value!r} (for example 2024-05-01T12:00:00Z)"
        ) from None


def _add_reading_options(target: Any, *, encoding_of: str) -> None:
    """``--language``, ``--dayfirst``, ``--timezone`` and ``--encoding``: how posts are read,
    for ``parse`` and for the posts given to ``show``, ``stats`` and ``report``."""
    target.add_argument(
        "--language",
        metavar="TAG",
        type=_option_type(normalize_language_tag, "BCP 47 language tag"),
        help="the posts' language (a BCP 47 tag); skips detection",
    )
    target.add_argument(
        "--dayfirst", action="store_true", help="read 03/04/2023 as 3 April, not March 4"
    )
    target.add_argument(
        "--timezone",
        metavar="ZONE",
        type=_option_type(resolve_timezone, "time zone"),
        help="IANA zone of dates written without one (e.g. Europe/Minsk)",
    )
    target.add_argument(
        "--encoding",
        metavar="ENC",
        type=_option_type(codecs.lookup, "encoding"),
        help=f"the {encoding_of}' encoding (default: UTF-8)",
    )


def _add_parse(commands: Any) -> None:
    parser = commands.add_parser(
        "parse",
        help="parse raw posts into JSON Lines",
        description="Parse raw posts (text files) into articles, one JSON line each.",
    )
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="a post file, a glob pattern, or - (stdin)"
    )
    parser.add_argument(
        "--from",
        dest="from_format",
        choices=("post", *FORMATS),
        default="post",
        help="the files' format: plain-text posts (default), trafilatura JSON, newspaper4k "
        "JSON, a Telegram Desktop export, or HTML pages (needs newsrecord[html])",
    )
    parser.add_argument(
        "--channel",
        metavar="NAME",
        type=_option_type(channel_name, "channel name"),
        help="--from telegram: the channel's public name, for each post's t.me link",
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT.jsonl", help="write here (atomically), not to stdout"
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing output")
    _add_reading_options(parser, encoding_of="files")
    parser.add_argument(
        "--strict", action="store_true", help="fail a post on what would be a warning"
    )
    parser.add_argument(
        "-j",
        "--jobs",
        metavar="N",
        type=_positive_int,
        help="parse in N worker processes (default: one per CPU; 1: no workers)",
    )
    parser.add_argument(
        "--no-progress",
        dest="progress",
        action="store_false",
        help="no progress line on standard error (shown only when it is a terminal)",
    )
    parser.set_defaults(run=_run_parse)


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {value!r}")
    return number


def _add_validate(commands: Any) -> None:
    parser = commands.add_parser(
        "validate",
        help="check datasets and list every problem",
        description=(
            "Check JSON Lines files, .json files and CSV dataset directories; print every "
            "problem as it is found."
        ),
    )
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a .jsonl or .json file, a CSV directory, a glob pattern, or - (stdin)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="text lines (default), one JSON document, or GitHub Actions annotations",
    )
    parser.add_argument(
        "--now",
        metavar="ISO",
        type=_iso_datetime,
        help="the reference time of the future-date check (default: now; naive = UTC)",
    )
    parser.add_argument(
        "--require-timezone",
        action="store_true",
        help="report a published date without a UTC offset (missing-timezone)",
    )
    parser.add_argument(
        "--spreadsheet-safe",
        action="store_true",
        help="CSV tables were written with --spreadsheet-safe",
    )
    parser.set_defaults(run=_run_validate)


def _add_convert(commands: Any) -> None:
    parser = commands.add_parser(
        "convert",
        help="convert between JSON Lines and CSV, or export as JSON-LD or ninjs",
        description="Convert a .jsonl/.json file or a CSV directory to JSON Lines, CSV (with "
        "its datapackage.json), schema.org JSON-LD or IPTC ninjs.",
    )
    parser.add_argument("input", metavar="IN", help="a .jsonl or .json file, a CSV directory, or -")
    parser.add_argument("output", metavar="OUT", help="a file (or -), or a directory for --to csv")
    parser.add_argument(
        "--to",
        required=True,
        choices=("jsonl", "csv", "jsonld", "ninjs"),
        help="the output format: JSON Lines, CSV tables and datapackage.json, one JSON-LD "
        "document, or ninjs objects one a line",
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing output")
    parser.add_argument(
        "--spreadsheet-safe",
        action="store_true",
        help="CSV: guard cells that a spreadsheet would run as formulas (on writing), or "
        "undo that guard (on reading)",
    )
    parser.set_defaults(run=_run_convert)


def _add_schema(commands: Any) -> None:
    parser = commands.add_parser(
        "schema",
        help="print the JSON Schema of a record",
        description="Print the JSON Schema (draft 2020-12) of one article record.",
    )
    parser.set_defaults(run=_run_schema)


def _add_post_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``parse`` that apply to posts given to ``show``, ``stats``, ``report``."""
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="a post (text file), a .jsonl or .json file, a CSV directory, a glob pattern, "
        "or - (JSON Lines on stdin)",
    )
    group = parser.add_argument_group("posts", "how posts (text files) are parsed")
    _add_reading_options(group, encoding_of="posts")


def _add_show(commands: Any) -> None:
    parser = commands.add_parser(
        "show",
        help="print each article and a table of its quotes",
        description="Print each article's title, date and language and a table of its quotes.",
    )
    _add_post_options(parser)
    parser.add_argument(
        "--speaker", metavar="NAME", help="only quotes whose speaker's name contains NAME"
    )
    parser.add_argument(
        "--kind",
        action="append",
        choices=[kind.value for kind in QuoteKind],
        help="only quotes of this kind (may be given more than once)",
    )
    parser.add_argument(
        "--color",
        "--colour",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the output: auto (default: on a terminal, unless NO_COLOR is set)",
    )
    parser.add_argument(
        "--width",
        metavar="N",
        type=_positive_int,
        help="the width in columns (default: the terminal's, or $COLUMNS, or 100)",
    )
    parser.set_defaults(run=_run_show)


def _add_stats(commands: Any) -> None:
    parser = commands.add_parser(
        "stats",
        help="count articles, quotes, speakers, organisations, cues, languages",
        description="Count what a dataset holds: articles, quotes by kind, the speakers "
        "quoted most, organisations, cues, languages, dates.",
    )
    _add_post_options(parser)
    parser.add_argument(
        "--format",
        choices=("text", "json", "csv"),
        default="text",
        help="text (default), one JSON document, or CSV rows (section,name,count,detail)",
    )
    parser.add_argument(
        "--top",
        metavar="N",
        type=_positive_int,
        default=10,
        help="list the N speakers, organisations and cues met most (default: 10)",
    )
    parser.set_defaults(run=_run_stats)


def _add_report(commands: Any) -> None:
    import newsrecord

    parser = commands.add_parser(
        "report",
        help="write an HTML report with the quotes marked in the text",
        description="Write a self-contained HTML report: every article's text with its "
        "quotes marked, a sidebar of speakers and a chart of the speakers quoted most.",
    )
    _add_post_options(parser)
    parser.add_argument(
        "-o", "--output", metavar="REPORT.html", required=True, help="the report to write"
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing report")
    parser.add_argument("--title", default="newsrecord report", help="the report's title")
    parser.add_argument(
        "--page-size",
        metavar="N",
        type=_positive_int,
        default=newsrecord.DEFAULT_PAGE_SIZE,
        help="more articles than N: an index page and pages of N articles in a folder "
        "REPORT_pages/ (default: %(default)s)",
    )
    parser.set_defaults(run=_run_report)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``newsrecord`` command."""
    from newsrecord import __version__

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Parse news posts into typed records; validate and convert datasets.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in (
        _add_parse,
        _add_validate,
        _add_convert,
        _add_schema,
        _add_show,
        _add_stats,
        _add_report,
    ):
        add(commands)
    return parser


# ---------------------------------------------------------------------------- main


def _stderr(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def _utf8_streams() -> None:
    """Make stdout UTF-8 (JSON Lines are UTF-8 whatever the locale) and never fail on a
    character it cannot encode (file names with undecodable bytes)."""
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):
            continue
        encoding = codecs.lookup(stream.encoding or "ascii").name
        with contextlib.suppress(ValueError, io.UnsupportedOperation):
            if stream is sys.stdout and encoding != "utf-8":
                stream.reconfigure(encoding="utf-8")
            if stream.errors == "strict":
                stream.reconfigure(errors="backslashreplace")


def _error_lines(error: NewsrecordError) -> list[str]:
    """``FILE:LINE: error: ...`` lines for an error; one per problem of a RecordError."""
    where = error.file or PROG
    if error.line is not None:
        where += f":{error.line}"
    if isinstance(error, RecordError) and error.problems:
        return [
            f"{where}: error: {problem.path}: {problem.code}: {problem.message}"
            for problem in error.problems
        ]
    field = f"{error.field}: " if error.field else ""
    return [f"{where}: error: {field}{error.message}"]


def _os_error_line(error: OSError) -> str:
    where = f"{error.filename}: " if error.filename is not None else ""
    return f"{PROG}: error: {where}{error.strerror or error}"


def _quiet_broken_pipe() -> None:
    # The recipe of the Python documentation (signal module, "Note on SIGPIPE"): point
    # stdout at devnull so that the flush at exit does not fail again.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        descriptor = sys.stdout.fileno()
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, descriptor)
        os.close(devnull)


def _run(args: argparse.Namespace) -> int:
    status: int = args.run(args)
    sys.stdout.flush()
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``newsrecord`` command with ``argv`` (default: ``sys.argv[1:]``).

    Returns the exit status; never raises for bad data, I/O errors or Ctrl-C.
    """
    _utf8_streams()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version, usage errors
        if stop.code is None or isinstance(stop.code, int):
            return stop.code or EXIT_OK
        return EXIT_USAGE
    try:
        return _run(args)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _quiet_broken_pipe()
        return EXIT_INVALID
    except UsageError as error:
        _stderr(f"{PROG}: error: {error}")
        return EXIT_USAGE
    except OutputExistsError as error:
        _stderr(f"{error.file}: error: the output exists already; pass --force to overwrite it")
        return EXIT_USAGE
    except NewsrecordError as error:
        for line in _error_lines(error):
            _stderr(line)
        return EXIT_INVALID
    except OSError as error:
        _stderr(_os_error_line(error))
        return EXIT_USAGE
