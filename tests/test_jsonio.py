"""Tests of ``newsrecord._jsonio``: JSON and JSON Lines, strict and streaming.

The records are made up here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import io
import json
import os
import sys
import types
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsrecord import (
    Article,
    FormatError,
    NewsrecordError,
    OutputExistsError,
    Quote,
    QuoteKind,
    RecordError,
    Speaker,
    _jsonio,
    from_json,
    read_jsonl,
    to_json,
    write_jsonl,
)
from newsrecord._converter import unstructure_article
from newsrecord._jsonio import dumps_record, iter_json_lines, loads_record
from strategies import articles


def make_article(number: int = 1, **changes: object) -> Article:
    paragraphs = (f"Crème brûlée sales rose {number}%.", "«Bon appétit», the baker said.")
    text = "\n\n".join(paragraphs)
    fields: dict[str, object] = {
        "id": f"a{number}",
        "title": f"Dessert report {number} – café edition",
        "published": dt.datetime(2024, 2, number % 28 + 1, 7, 0, tzinfo=dt.timezone.utc),
        "language": "en",
        "paragraphs": paragraphs,
        "speakers": (Speaker(id="s1", name="the baker"),),
        "quotes": (
            Quote(
                id="q1",
                kind=QuoteKind.DIRECT,
                text="Bon appétit",
                start=text.index("Bon"),
                end=text.index("Bon") + len("Bon appétit"),
                speaker_id="s1",
            ),
        ),
    }
    fields.update(changes)
    return Article(**fields)  # type: ignore[arg-type]


ARTICLES = [make_article(n) for n in range(1, 4)]


def jsonl(*articles: Article) -> str:
    return "".join(to_json(article) + "\n" for article in articles)


# --- to_json / from_json -----------------------------------------------------------------


@given(articles())
@settings(max_examples=50, deadline=None)
def test_json_round_trip(article: Article) -> None:
    text = to_json(article)
    assert from_json(text) == article
    assert from_json(text.encode("utf-8")) == article
    assert "\n" not in text
    assert from_json(to_json(article, indent=2)) == article


@given(articles(surrogates=True))
@settings(max_examples=50, deadline=None)
def test_json_round_trip_with_lone_surrogates(article: Article) -> None:
    text = to_json(article)
    text.encode("utf-8")  # always encodable: surrogates are escaped
    assert from_json(text) == article
    assert from_json(text.encode("utf-8")) == article
    indented = to_json(article, indent=1)
    indented.encode("utf-8")
    assert from_json(indented) == article


def test_to_json_is_compact_and_deterministic() -> None:
    text = to_json(make_article())
    assert text == to_json(make_article())
    assert text == to_json(from_json(text))
    assert text.startswith('{"schema":"newsrecord/1","id":"a1","title":')
    assert text == json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"))
    assert json.loads(text)["schema"] == "newsrecord/1"


def test_to_json_keeps_non_ascii_unescaped() -> None:
    text = to_json(make_article(title="Café «Zürich» – 東京 😀"))
    assert "Café «Zürich» – 東京 😀" in text
    assert "\\u" not in text


def test_to_json_escapes_lone_surrogates() -> None:
    text = to_json(make_article(title="broken \ud800 text \udfff"))
    assert "\\ud800" in text
    assert "\\udfff" in text
    assert "\ud800" not in text
    assert "\udfff" not in text
    text.encode("utf-8")
    assert from_json(text).title == "broken \ud800 text \udfff"


def test_lone_surrogate_does_not_escape_other_characters() -> None:
    text = to_json(make_article(title="café \ud800"))
    assert "\\ud800" in text
    assert "café" in text


def test_control_characters_are_escaped() -> None:
    article = make_article(title="a\nb\rc\td\x00e\x1fz\u2028")
    text = to_json(article)
    for raw in ("\n", "\r", "\t", "\x00", "\x1f"):
        assert raw not in text
    assert from_json(text) == article


def test_to_json_indent() -> None:
    text = to_json(make_article(), indent=2)
    assert text.startswith('{\n  "schema": "newsrecord/1",')
    assert "café" in text
    assert from_json(text) == make_article()


def test_from_json_errors() -> None:
    with pytest.raises(FormatError):
        from_json("{")
    with pytest.raises(FormatError):
        from_json(b"\xff\xfe{}")
    with pytest.raises(RecordError):
        from_json("[]")
    with pytest.raises(RecordError):
        from_json('{"schema": "newsrecord/1"}')


def test_dumps_record() -> None:
    assert dumps_record({"a": [1, "é"], "b": None}) == '{"a":[1,"é"],"b":null}'
    assert dumps_record({"a": "\udc80"}) == '{"a":"\\udc80"}'


# --- loads_record: strict JSON -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('{"a": 1, "a": 2}', "'a'"),
        ('{"x": {"title": 1, "title": 2}}', "'title'"),
        ('[{"k": 1, "k": 1}]', "'k'"),
    ],
)
def test_duplicate_keys_are_format_errors(text: str, fragment: str) -> None:
    with pytest.raises(FormatError) as info:
        loads_record(text)
    assert "duplicate key" in info.value.message
    assert fragment in info.value.message


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_format_errors(constant: str) -> None:
    with pytest.raises(FormatError) as info:
        loads_record(f'{{"a": {constant}}}')
    assert constant in info.value.message


@pytest.mark.parametrize("text", ["[" * 100_000, '{"a":' * 50_000, "[" * 100_000 + "]" * 100_000])
def test_deep_nesting_is_a_format_error(text: str) -> None:
    with pytest.raises(FormatError) as info:
        loads_record(text)
    assert not isinstance(info.value, RecursionError)


def test_huge_integer_is_a_format_error() -> None:
    with pytest.raises(FormatError):
        loads_record('{"a": ' + "7" * 5000 + "}")


@pytest.mark.parametrize("text", ["", " ", "{", "{'a': 1}", '{"a": 1} x', "[1,]", "\ufeff{}"])
def test_malformed_json(text: str) -> None:
    with pytest.raises(FormatError) as info:
        loads_record(text)
    assert info.value.file is None
    assert info.value.line is None


def test_non_utf8_bytes_are_a_format_error() -> None:
    with pytest.raises(FormatError) as info:
        loads_record(b'{"a": "\xe9"}')
    assert "UTF-8" in info.value.message
    assert not isinstance(info.value, UnicodeDecodeError)


# --- write_jsonl / read_jsonl ------------------------------------------------------------


@given(articles(surrogates=True))
@settings(max_examples=30, deadline=None)
def test_jsonl_round_trip_through_file_objects(article: Article) -> None:
    out = io.StringIO()
    assert write_jsonl([article, article], out) == 2
    text = out.getvalue()
    assert text.count("\n") == 2
    assert text.endswith("\n")
    assert list(read_jsonl(io.StringIO(text))) == [article, article]
    assert list(read_jsonl(io.BytesIO(text.encode("utf-8")))) == [article, article]


def test_jsonl_round_trip_through_a_file(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    assert write_jsonl(ARTICLES, path) == 3
    text = path.read_text(encoding="utf-8")
    assert text == jsonl(*ARTICLES)
    assert "crème" in text.lower()
    assert list(read_jsonl(path)) == ARTICLES
    assert list(read_jsonl(str(path))) == ARTICLES


@given(articles(surrogates=True))
@settings(max_examples=15, deadline=None)
def test_jsonl_round_trip_through_a_real_file(
    tmp_path_factory: pytest.TempPathFactory, article: Article
) -> None:
    path = tmp_path_factory.mktemp("rt") / "out.jsonl"
    write_jsonl([article, make_article()], path)
    assert list(read_jsonl(path)) == [article, make_article()]


def test_write_jsonl_takes_any_iterable(tmp_path: Path) -> None:
    def generate() -> Iterator[Article]:
        yield from ARTICLES

    assert write_jsonl(generate(), tmp_path / "g.jsonl") == 3
    assert write_jsonl([], tmp_path / "empty.jsonl") == 0
    assert (tmp_path / "empty.jsonl").read_bytes() == b""
    assert list(read_jsonl(tmp_path / "empty.jsonl")) == []


def test_write_jsonl_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert write_jsonl(ARTICLES[:1], "-") == 1
    assert capsys.readouterr().out == jsonl(ARTICLES[0])


def test_read_jsonl_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(jsonl(*ARTICLES)))
    assert list(read_jsonl("-")) == ARTICLES


def test_read_jsonl_from_stdin_reports_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(jsonl(ARTICLES[0]) + "{oops\n"))
    with pytest.raises(FormatError) as info:
        list(read_jsonl("-"))
    assert info.value.file == "<stdin>"
    assert info.value.line == 2


def test_record_error_from_stdin_names_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(jsonl(ARTICLES[0]) + '{"schema":"x"}\n'))
    with pytest.raises(RecordError) as info:
        list(read_jsonl("-"))
    assert info.value.file == "<stdin>"


def test_write_jsonl_refuses_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text("old\n", encoding="utf-8")
    with pytest.raises(OutputExistsError) as info:
        write_jsonl(ARTICLES, path)
    assert isinstance(info.value, FileExistsError)
    assert info.value.file == str(path)
    assert path.read_text(encoding="utf-8") == "old\n"
    assert sorted(os.listdir(tmp_path)) == ["out.jsonl"]
    assert write_jsonl(ARTICLES, path, force=True) == 3
    assert list(read_jsonl(path)) == ARTICLES
    assert sorted(os.listdir(tmp_path)) == ["out.jsonl"]


def test_write_jsonl_is_atomic(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text("old\n", encoding="utf-8")

    def failing() -> Iterator[Article]:
        yield ARTICLES[0]
        yield ARTICLES[1]
        raise RuntimeError("source broke")

    with pytest.raises(RuntimeError, match="source broke"):
        write_jsonl(failing(), path, force=True)
    assert path.read_text(encoding="utf-8") == "old\n"
    assert sorted(os.listdir(tmp_path)) == ["out.jsonl"]


def test_write_jsonl_new_file_is_not_created_on_failure(tmp_path: Path) -> None:
    def failing() -> Iterator[Article]:
        yield ARTICLES[0]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_jsonl(failing(), tmp_path / "new.jsonl")
    assert os.listdir(tmp_path) == []


def test_lines_end_with_lf_only(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    write_jsonl([make_article(title="line\r\nbreak")], path)
    data = path.read_bytes()
    assert data.count(b"\n") == 1
    assert b"\r" not in data


# --- read_jsonl errors -------------------------------------------------------------------


def write_bytes(tmp_path: Path, data: bytes, name: str = "in.jsonl") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_malformed_line_is_a_format_error_with_file_and_line(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, (jsonl(ARTICLES[0]) + "\n{not json}\n").encode())
    with pytest.raises(FormatError) as info:
        list(read_jsonl(path))
    assert info.value.file == str(path)
    assert info.value.line == 3
    assert str(info.value).startswith(f"{path}:3: ")
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, NewsrecordError)


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ('{"schema": "newsrecord/1", "id": "a", "id": "b", "title": "t"}', "'id'"),
        ('{"schema": "newsrecord/1", "id": "a", "title": NaN}', "NaN"),
        ("[" * 100_000, "nested"),
        ('{"schema": "newsrecord/1", "id": ' + "9" * 5000 + "}", ""),
        ("[1, 2", ""),
        ('"just a string', ""),
    ],
)
def test_bad_json_lines(tmp_path: Path, line: str, fragment: str) -> None:
    path = write_bytes(tmp_path, (jsonl(ARTICLES[0]) + line + "\n").encode())
    with pytest.raises(FormatError) as info:
        list(read_jsonl(path))
    assert info.value.line == 2
    assert info.value.file == str(path)
    assert fragment in info.value.message


def test_record_error_has_file_and_line(tmp_path: Path) -> None:
    bad = '{"schema": "newsrecord/1", "id": "a9", "title": ""}'
    path = write_bytes(tmp_path, (jsonl(ARTICLES[0]) + bad + "\n").encode())
    with pytest.raises(RecordError) as info:
        list(read_jsonl(str(path)))
    assert info.value.line == 2
    assert info.value.file == str(path)
    assert [p.code for p in info.value.problems] == ["empty-title"]
    assert str(info.value) == f"{path}:2: $.title: title must not be empty"


def test_record_error_from_a_path_object_has_the_full_path(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, b'{"schema": "newsrecord/1", "id": "a9", "title": ""}\n')
    with pytest.raises(RecordError) as info:
        list(read_jsonl(path))
    assert info.value.file == str(path)


def test_record_that_is_not_an_object(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, b"[1, 2]\n")
    with pytest.raises(RecordError) as info:
        list(read_jsonl(str(path)))
    assert info.value.line == 1
    assert info.value.problems[0].code == "wrong-type"


def test_stream_names(tmp_path: Path) -> None:
    with pytest.raises(FormatError) as info:
        list(read_jsonl(io.StringIO("{\n")))
    assert info.value.file == "<stream>"
    path = write_bytes(tmp_path, b"{\n")
    with path.open("rb") as handle, pytest.raises(FormatError) as info:
        list(read_jsonl(handle))
    assert info.value.file == str(path)


def test_last_line_without_newline(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, jsonl(*ARTICLES).rstrip("\n").encode())
    assert list(read_jsonl(path)) == ARTICLES


def test_blank_lines_are_skipped(tmp_path: Path) -> None:
    text = "\n" + jsonl(ARTICLES[0]) + "\n   \n\t\n" + jsonl(ARTICLES[1]) + "\n\n"
    path = write_bytes(tmp_path, text.encode())
    assert list(read_jsonl(path)) == ARTICLES[:2]
    assert [number for number, _ in iter_json_lines(path)] == [2, 6]


def test_crlf_line_ends(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, jsonl(*ARTICLES).replace("\n", "\r\n").encode())
    assert list(read_jsonl(path)) == ARTICLES


def test_unicode_line_separators_inside_strings_do_not_split_lines(tmp_path: Path) -> None:
    article = make_article(title="a\u2028b\u2029c\x85d\x1ce\x0bf\x0cg")
    path = tmp_path / "sep.jsonl"
    write_jsonl([article, ARTICLES[0]], path)
    assert list(read_jsonl(path)) == [article, ARTICLES[0]]
    assert list(read_jsonl(io.StringIO(path.read_text(encoding="utf-8")))) == [
        article,
        ARTICLES[0],
    ]


def test_non_utf8_file_is_a_format_error(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, jsonl(ARTICLES[0]).encode() + b'{"title": "caf\xe9"}\n')
    with pytest.raises(FormatError) as info:
        list(read_jsonl(path))
    assert not isinstance(info.value, UnicodeDecodeError)
    assert info.value.file == str(path)
    assert "UTF-8" in info.value.message


def test_non_utf8_bytes_from_a_binary_stream() -> None:
    with pytest.raises(FormatError):
        list(read_jsonl(io.BytesIO(b"\xff\xfe\x00{\n")))


# --- streaming ---------------------------------------------------------------------------


def test_read_jsonl_is_a_lazy_generator(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, jsonl(*ARTICLES).encode())
    result = read_jsonl(path)
    assert isinstance(result, types.GeneratorType)
    assert next(result) == ARTICLES[0]
    result.close()


def test_read_jsonl_opens_nothing_before_iteration(tmp_path: Path) -> None:
    result = read_jsonl(tmp_path / "does-not-exist.jsonl")  # no error yet
    with pytest.raises(FileNotFoundError):
        next(result)


def test_first_article_comes_before_a_later_error(tmp_path: Path) -> None:
    path = write_bytes(tmp_path, (jsonl(ARTICLES[0]) + "{broken\n" + jsonl(ARTICLES[1])).encode())
    result = read_jsonl(path)
    assert next(result) == ARTICLES[0]
    with pytest.raises(FormatError) as info:
        next(result)
    assert info.value.line == 2


def test_read_jsonl_does_not_read_ahead() -> None:
    class CountingLines(io.StringIO):
        lines_read = 0

        def __next__(self) -> str:  # type: ignore[override]
            CountingLines.lines_read += 1
            return super().__next__()

    stream = CountingLines(jsonl(*ARTICLES) * 10)
    result = read_jsonl(stream)
    assert next(result) == ARTICLES[0]
    assert CountingLines.lines_read == 1
    assert next(result) == ARTICLES[1]
    assert CountingLines.lines_read == 2


def test_read_jsonl_closes_the_file_it_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_bytes(tmp_path, jsonl(*ARTICLES).encode())
    opened: list[IO[str]] = []

    def recording_open(*args: Any, **kwargs: Any) -> IO[str]:
        handle: IO[str] = open(*args, **kwargs)  # noqa: SIM115
        opened.append(handle)
        return handle

    monkeypatch.setattr(_jsonio, "open", recording_open, raising=False)
    result = read_jsonl(path)
    assert isinstance(result, types.GeneratorType)
    next(result)
    assert len(opened) == 1
    assert not opened[0].closed
    result.close()  # abandoning the generator
    assert opened[0].closed
    assert list(read_jsonl(path)) == ARTICLES  # exhausting it
    assert len(opened) == 2
    assert opened[1].closed
    with pytest.raises(FormatError):  # failing on a bad line
        list(read_jsonl(write_bytes(tmp_path, b"{\n", "bad.jsonl")))
    assert opened[2].closed


def test_read_jsonl_leaves_a_given_stream_open() -> None:
    stream = io.StringIO(jsonl(*ARTICLES))
    assert list(read_jsonl(stream)) == ARTICLES
    assert not stream.closed


# --- the orjson fast path ----------------------------------------------------------------
#
# With orjson importable (the ``fast`` extra), reading and writing must give exactly what
# the standard library gives: the same values of the same types, the same errors with the
# same messages, the same bytes.  Each test below runs both paths and compares them.

ORJSON: Any = _jsonio._import_orjson()

needs_orjson = pytest.mark.skipif(ORJSON is None, reason="orjson is not installed")


@contextlib.contextmanager
def json_path(module: Any) -> Iterator[None]:
    """Run with ``module`` (orjson, or ``None`` for the standard library) as the fast path."""
    saved = _jsonio._orjson
    _jsonio._orjson = module
    try:
        yield
    finally:
        _jsonio._orjson = saved


def outcome(function: Any, *args: Any) -> tuple[str, str]:
    """``("ok", repr(result))`` or ``(error type, message)``: repr tells 1 from 1.0 and True."""
    try:
        return "ok", repr(function(*args))
    except FormatError as error:
        return "FormatError", error.message
    except (TypeError, ValueError) as error:
        return type(error).__name__, str(error)


def both_paths(function: Any, *args: Any) -> tuple[tuple[str, str], tuple[str, str]]:
    with json_path(None):
        stdlib = outcome(function, *args)
    with json_path(ORJSON):
        fast = outcome(function, *args)
    return stdlib, fast


def test_orjson_is_none_when_it_cannot_be_imported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "orjson", None)  # makes ``import orjson`` fail
    assert _jsonio._import_orjson() is None


@needs_orjson
def test_orjson_is_picked_up_when_installed() -> None:
    import orjson

    assert _jsonio._orjson is orjson


@needs_orjson
def test_fast_path_is_taken_for_newsrecord_output(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    class Spy:
        @staticmethod
        def loads(raw: bytes) -> Any:
            calls.append("loads")
            return ORJSON.loads(raw)

        @staticmethod
        def dumps(data: Any) -> bytes:
            calls.append("dumps")
            written: bytes = ORJSON.dumps(data)
            return written

    monkeypatch.setattr(_jsonio, "_orjson", Spy)
    text = to_json(make_article())
    assert calls == ["dumps"]
    assert from_json(text) == make_article()
    assert calls == ["dumps", "loads", "dumps"]  # parsed, then written back to compare
    # ... and the standard library's decoder was not needed:
    monkeypatch.setattr(_jsonio, "_decoder", None)
    assert from_json(text) == make_article()
    assert list(read_jsonl(io.StringIO(jsonl(*ARTICLES)))) == ARTICLES


@needs_orjson
@given(articles(surrogates=True))
@settings(max_examples=200, deadline=None)
def test_both_paths_write_the_same_bytes(article: Article) -> None:
    data = unstructure_article(article)
    stdlib, fast = both_paths(dumps_record, data)
    assert stdlib == fast
    stdlib, fast = both_paths(to_json, article)
    assert stdlib == fast
    outputs = []
    for module in (None, ORJSON):
        out = io.StringIO()
        with json_path(module):
            write_jsonl([article, make_article()], out)
        outputs.append(out.getvalue().encode("utf-8"))
    assert outputs[0] == outputs[1]


@needs_orjson
@given(articles(surrogates=True))
@settings(max_examples=200, deadline=None)
def test_both_paths_read_the_same_records(article: Article) -> None:
    with json_path(None):
        text = to_json(article)
    stdlib, fast = both_paths(loads_record, text)
    assert stdlib == fast
    assert both_paths(loads_record, text.encode("utf-8", "surrogatepass")) == (stdlib, fast)
    with json_path(ORJSON):
        assert from_json(text) == article
        assert list(read_jsonl(io.StringIO(text + "\n"))) == [article]


@needs_orjson
@pytest.mark.parametrize(
    "text",
    [
        '{"a":1,"a":1}',  # compact, as newsrecord writes: orjson would keep one
        '{"a":1,"b":{"c":2,"c":2}}',
        '[{"k":"v"},{"k":"v","k":"v"}]',
        '{"schema":"newsrecord/1","id":"a","id":"a","title":"t"}',
        '{"a":1, "a":1}',
        '{"a" :1,"a":1}',
        '{"\\u0061":1,"a":1}',  # the same key, escaped once
        '{"a":"\\":","a":1}',
    ],
)
def test_duplicate_keys_are_errors_on_the_fast_path(text: str) -> None:
    stdlib, fast = both_paths(loads_record, text)
    assert stdlib == fast
    assert fast[0] == "FormatError"
    assert "duplicate key" in fast[1]


@needs_orjson
@pytest.mark.parametrize(
    "text",
    [
        "18446744073709551615",  # the largest integer orjson reads as one
        "18446744073709551616",  # ... orjson reads this one as a float
        "-9223372036854775808",
        "-9223372036854775809",
        '{"start":123456789012345678901234567890}',
        "[1.0,1,-0,-0.0,1e2,1E400,0.00001,1e-05,1.5e+16]",
        "1.7976931348623157e309",
        "NaN",
        '{"a":Infinity}',
        '"\\ud800"',  # a lone surrogate, escaped: orjson refuses it
        '"\\udfff\\ud800"',
        '"\\ud83d\\ude00"',  # a pair: one character
        '"\\u00e9\\/\\u2028"',
        '"\u2028\u2029/\x7f"',
        '"\x01"',
        "\ufeff{}",
        " \t\r\n{}\n",
        '{"a":1}\n',
        "[1,]",
        "01",
        "",
        "[" * 254 + "]" * 254,
        "[" * 255 + "]" * 255,
        "[" * 1024 + "]" * 1024,
        "[" * 5000 + "]" * 5000,
        '{"a":' + "7" * 5000 + "}",
    ],
)
def test_edge_cases_read_alike_on_both_paths(text: str) -> None:
    stdlib, fast = both_paths(loads_record, text)
    assert stdlib == fast
    assert both_paths(loads_record, text.encode("utf-8", "surrogatepass")) == (stdlib, fast)


@needs_orjson
def test_bytes_that_are_not_utf8_read_alike_on_both_paths() -> None:
    for raw in (b'{"a":"\xe9"}', b"\xef\xbb\xbf{}", b'"\xed\xa0\x80"'):
        stdlib, fast = both_paths(loads_record, raw)
        assert stdlib == fast
        assert fast[0] == "FormatError"


_JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=2**63 - 3, max_value=2**64 + 3)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(), max_size=8)
)


def _json_text(draw: st.DrawFn, depth: int = 0) -> str:
    """JSON text with duplicate keys now and then, spaced or compact, escaped or not."""
    kind = draw(st.sampled_from(["scalar", "list", "object"] if depth < 3 else ["scalar"]))
    ascii_only = draw(st.booleans())
    if kind == "scalar":
        return json.dumps(draw(_JSON_SCALARS), ensure_ascii=ascii_only)
    colon, comma = draw(st.sampled_from([(":", ","), (": ", ", "), (" : ", " ,")]))
    if kind == "list":
        items = [_json_text(draw, depth + 1) for _item in range(draw(st.integers(0, 3)))]
        return "[" + comma.join(items) + "]"
    keys = draw(st.lists(st.sampled_from(["a", "b", "é", "\u2028", "a\ud800"]), max_size=4))
    members = [
        json.dumps(key, ensure_ascii=ascii_only) + colon + _json_text(draw, depth + 1)
        for key in keys
    ]
    return "{" + comma.join(members) + "}"


@needs_orjson
@given(st.composite(_json_text)())
@settings(max_examples=500, deadline=None)
def test_any_json_reads_alike_on_both_paths(text: str) -> None:
    stdlib, fast = both_paths(loads_record, text)
    assert stdlib == fast


class Colour(enum.Enum):
    RED = 1.5


class Tag(str, enum.Enum):
    A = "a"


class Number(enum.IntEnum):
    ONE = 1


@needs_orjson
@pytest.mark.parametrize(
    "data",
    [
        {"a": 1e-05, "b": 0.00001, "c": 1e16, "d": 1.0, "e": -0.0},  # orjson spells these its way
        {"a": float("nan"), "b": float("inf")},  # orjson writes null
        {"a": 2**64, "b": -(2**63) - 1, "c": 2**64 - 1},
        {"a": "\ud800", "\udfff": 1},  # lone surrogates, in a value and in a key
        {"a": '/\u2028\u2029\x7f\x00\x1f\t\n\r\x08\x0c"\\'},
        {2: "int key", False: "bool key", None: "null key", 1.5: "float key"},
        {"t": (1, "two", (3,)), "l": [[], {}]},
        {"tag": Tag.A, "number": Number.ONE},  # str and int subclasses
        {"colour": Colour.RED},  # orjson would write 1.5
        {"id": uuid.UUID(int=1)},  # orjson would write it, json refuses
        {"when": dt.datetime(2024, 1, 1)},  # orjson would write it, json refuses
        {"bytes": b"x"},
        {"set": {1}},
    ],
)
def test_data_writes_alike_on_both_paths(data: dict[str, Any]) -> None:
    stdlib, fast = both_paths(dumps_record, data)
    assert stdlib == fast


@needs_orjson
def test_cycles_and_deep_nesting_write_alike_on_both_paths() -> None:
    cycle: dict[str, Any] = {"a": []}
    cycle["a"].append(cycle)
    stdlib, fast = both_paths(dumps_record, cycle)
    assert stdlib == fast == ("ValueError", "Circular reference detected")
    for depth in (253, 254, 255, 600):
        deep: list[Any] = []
        for _level in range(depth):
            deep = [deep]
        stdlib, fast = both_paths(dumps_record, {"deep": deep})
        assert stdlib == fast


@pytest.mark.parametrize("end", [b"\n", b"\r\n", b""])
def test_an_error_at_the_end_of_a_line_has_its_column_on_the_line(end: bytes) -> None:
    source = io.BytesIO(b' \n{"id":' + end)  # a blank line, then the broken one
    with pytest.raises(FormatError, match=r"\(column 7\)") as caught:
        list(read_jsonl(source))
    assert caught.value.line == 2


# --------------------------------------------------------------------------- entities

#: Two lines exactly as ``write_jsonl`` wrote them before entities existed.
LINES_BEFORE_ENTITIES = (
    '{"schema":"newsrecord/1","id":"a1","title":"Quay closed","published":null,'
    '"published_raw":null,"language":"en","source":null,"url":null,"authors":[],'
    '"paragraphs":["The quay stays shut, the port office said."],'
    '"speakers":[{"id":"s1","name":"the port office","kind":"organization","aliases":[],'
    '"affiliations":[]}],"quotes":[{"id":"q1","kind":"indirect",'
    '"text":"The quay stays shut","start":0,"end":19,"speaker_id":"s1",'
    '"mention":"the port office","cue":"said","via":null}]}\n'
    '{"schema":"newsrecord/1","id":"a2","title":"Short","published":null,'
    '"published_raw":null,"language":null,"source":null,"url":null,"authors":[],'
    '"paragraphs":[],"speakers":[],"quotes":[]}\n'
)


@pytest.mark.parametrize("module", [None, ORJSON], ids=["stdlib", "orjson"])
def test_lines_written_before_entities_read_and_write_back_the_same(
    tmp_path: Path, module: Any
) -> None:
    source = tmp_path / "old.jsonl"
    source.write_text(LINES_BEFORE_ENTITIES, encoding="utf-8")
    with json_path(module):
        articles = list(read_jsonl(source))
        assert [article.entities for article in articles] == [(), ()]
        write_jsonl(articles, tmp_path / "again.jsonl")
    assert (tmp_path / "again.jsonl").read_text(encoding="utf-8") == LINES_BEFORE_ENTITIES


@settings(max_examples=60, deadline=None)
@given(articles(surrogates=True))
def test_entities_round_trip_on_both_paths(article: Article) -> None:
    for module in (None, ORJSON):
        with json_path(module):
            text = to_json(article)
            assert from_json(text) == article
            assert ('"entities":' in text) == bool(article.entities)


# --------------------------------------------------------------------------- title quotes


@settings(max_examples=60, deadline=None)
@given(articles(surrogates=True))
def test_title_quotes_round_trip_on_both_paths(article: Article) -> None:
    for module in (None, ORJSON):
        with json_path(module):
            text = to_json(article)
            assert from_json(text) == article
            assert ('"title_quote":' in text) == (article.title_quote is not None)
            if article.title_quote is not None:
                assert text.index('"title_quote":') > text.index('"quotes":')


@pytest.mark.parametrize("module", [None, ORJSON], ids=["stdlib", "orjson"])
def test_a_title_quote_survives_json_lines_on_both_paths(tmp_path: Path, module: Any) -> None:
    line = LINES_BEFORE_ENTITIES.splitlines()[0]
    headline = "Port office: the quay stays shut"
    quote = (
        '"title_quote":{"id":"t1","kind":"indirect","text":"the quay stays shut",'
        '"start":13,"end":32,"speaker_id":"s1","mention":"Port office","cue":null,"via":null}'
    )
    written = line.replace('"Quay closed"', f'"{headline}"')[:-1] + "," + quote + "}\n"
    source = tmp_path / "t.jsonl"
    source.write_text(written + LINES_BEFORE_ENTITIES.splitlines()[1] + "\n", encoding="utf-8")
    with json_path(module):
        first, second = read_jsonl(source)
        assert first.title_quote is not None
        assert first.title[first.title_quote.start : first.title_quote.end] == "the quay stays shut"
        assert len(first.quotes) == 1
        assert second.title_quote is None
        write_jsonl([first, second], tmp_path / "again.jsonl")
    assert (tmp_path / "again.jsonl").read_text(encoding="utf-8") == source.read_text(
        encoding="utf-8"
    )
