"""Tests of ``newsrecord._errors``: the exception hierarchy and its messages."""

from __future__ import annotations

import pickle
import warnings

import pytest

import newsrecord
from newsrecord import (
    DecodeError,
    FormatError,
    NewsrecordError,
    OutputExistsError,
    ParseError,
    ParseWarning,
    Problem,
    RecordError,
)

VALUE_ERRORS = (FormatError, RecordError, DecodeError, ParseError)


@pytest.mark.parametrize("cls", VALUE_ERRORS)
def test_content_errors_are_value_errors(cls: type[NewsrecordError]) -> None:
    assert issubclass(cls, NewsrecordError)
    assert issubclass(cls, ValueError)
    assert issubclass(cls, Exception)


def test_output_exists_is_a_file_exists_error() -> None:
    assert issubclass(OutputExistsError, NewsrecordError)
    assert issubclass(OutputExistsError, FileExistsError)
    assert issubclass(OutputExistsError, OSError)
    assert not issubclass(OutputExistsError, ValueError)
    error = OutputExistsError("output exists already", file="out.jsonl")
    with pytest.raises(FileExistsError):
        raise error
    assert str(error) == "out.jsonl: output exists already"


def test_parse_warning_is_a_user_warning() -> None:
    assert issubclass(ParseWarning, UserWarning)
    assert not issubclass(ParseWarning, NewsrecordError)
    warning = ParseWarning("the date could not be read", code="bad-date", field="published")
    assert warning.code == "bad-date"
    assert warning.field == "published"
    assert warning.message == "the date could not be read"
    assert str(warning) == "bad-date: the date could not be read"
    with pytest.warns(ParseWarning) as record:
        warnings.warn(warning, stacklevel=1)
    caught = record[0].message
    assert isinstance(caught, ParseWarning)
    assert caught.code == "bad-date"


def test_parse_warning_field_defaults_to_none() -> None:
    assert ParseWarning("m", code="c").field is None


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, "bad thing"),
        ({"file": "data.jsonl"}, "data.jsonl: bad thing"),
        ({"file": "data.jsonl", "line": 7}, "data.jsonl:7: bad thing"),
        ({"file": "data.jsonl", "line": 7, "field": "$.title"}, "data.jsonl:7: $.title: bad thing"),
        ({"file": "data.jsonl", "field": "$.title"}, "data.jsonl: $.title: bad thing"),
        ({"line": 3}, "line 3: bad thing"),
        ({"line": 3, "field": "$.id"}, "line 3: $.id: bad thing"),
        ({"field": "$.quotes[2].start"}, "$.quotes[2].start: bad thing"),
        ({"file": "", "line": 1}, ":1: bad thing"),
        ({"file": "x", "line": 0}, "x:0: bad thing"),
    ],
)
def test_str_format(kwargs: dict[str, object], expected: str) -> None:
    for cls in (NewsrecordError, FormatError, RecordError, OutputExistsError):
        error = cls("bad thing", **kwargs)  # type: ignore[arg-type]
        assert str(error) == expected
        assert error.message == "bad thing"
    assert str(ParseError("bad thing", code="c", **kwargs)) == expected  # type: ignore[arg-type]


def test_attributes() -> None:
    error = NewsrecordError("m", file="f", line=2, field="$.x")
    assert (error.message, error.file, error.line, error.field) == ("m", "f", 2, "$.x")
    assert error.args == ("m",)
    bare = FormatError("m")
    assert (bare.file, bare.line, bare.field) == (None, None, None)


def test_attributes_can_be_set_later() -> None:
    # read_jsonl fills in file and line after the fact
    error = FormatError("malformed JSON")
    error.file, error.line = "in.jsonl", 4
    assert str(error) == "in.jsonl:4: malformed JSON"


def test_record_error_problems() -> None:
    problems = [
        Problem(code="empty-title", message="title must not be empty", path="$.title"),
        Problem(code="wrong-type", message="expected a list", path="$.authors"),
    ]
    error = RecordError("title must not be empty", problems=problems, field="$.title")
    assert error.problems == tuple(problems)
    assert isinstance(error.problems, tuple)
    assert RecordError("m").problems == ()


def test_decode_error_offset() -> None:
    error = DecodeError("byte 0xff is not UTF-8", offset=17, file="posts.txt", line=2)
    assert error.offset == 17
    assert error.file == "posts.txt"
    assert error.line == 2
    assert error.field is None
    assert str(error) == "posts.txt:2: byte 0xff is not UTF-8"
    with pytest.raises(TypeError):
        DecodeError("no offset")  # type: ignore[call-arg]


def test_parse_error_code() -> None:
    error = ParseError("no title", code="no-title", file="p.txt", line=1, field="title")
    assert error.code == "no-title"
    assert str(error) == "p.txt:1: title: no title"


def test_catching_by_base_class() -> None:
    for error in (
        FormatError("a"),
        RecordError("b"),
        DecodeError("c", offset=0),
        ParseError("d", code="x"),
        OutputExistsError("e"),
    ):
        with pytest.raises(NewsrecordError):
            raise error


def test_exported() -> None:
    for name in (
        "NewsrecordError",
        "FormatError",
        "RecordError",
        "DecodeError",
        "ParseError",
        "OutputExistsError",
        "ParseWarning",
    ):
        assert name in newsrecord.__all__
        assert getattr(newsrecord, name).__module__ == "newsrecord._errors"


@pytest.mark.parametrize(
    "error",
    [
        FormatError("m", file="f", line=1),
        RecordError("m", problems=[Problem(code="c", message="m")], line=2),
        OutputExistsError("m", file="f"),
    ],
)
def test_pickle(error: NewsrecordError) -> None:
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert str(again) == str(error)
    assert vars(again) == vars(error)


@pytest.mark.parametrize(
    "error",
    [
        DecodeError("m", offset=3, file="f"),
        ParseError("m", code="no-title"),
        ParseWarning("m", code="bad-date"),
    ],
)
def test_pickle_of_errors_with_required_keywords(error: Exception) -> None:
    again = pickle.loads(pickle.dumps(error))
    assert vars(again) == vars(error)
