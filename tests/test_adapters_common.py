"""Tests of ``newsrecord.adapters._common``: strict JSON with positions, records from fields."""

from __future__ import annotations

import io
import json
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsrecord import Article, FormatError, NewsrecordError, ParseError, ParseWarning
from newsrecord.adapters import FORMATS
from newsrecord.adapters._common import Options, build_article, decode_text, load_json


def test_load_json_positions() -> None:
    with pytest.raises(FormatError) as raised:
        load_json('{\n  "a": 1,\n  "b" 2\n}', "f.json", what="X")
    assert (raised.value.file, raised.value.line) == ("f.json", 3)
    assert raised.value.message.startswith("not X: malformed JSON: Expecting ':'")
    # cut short: the position is the end of the text, on its last line, not the line after
    with pytest.raises(FormatError) as raised:
        load_json('{\n  "a": [1,\n\n', "f.json", what="X")
    assert raised.value.line == 2
    assert "ends inside a JSON value" in raised.value.message
    assert "(column 11)" in raised.value.message
    with pytest.raises(FormatError, match="duplicate key 'a'"):
        load_json('{"a": 1, "a": 2}', "f.json", what="X")
    with pytest.raises(FormatError, match="NaN is not a JSON value"):
        load_json("[NaN]", "f.json", what="X")
    assert load_json("[1]", "f.json", line_offset=4, what="X") == [1]


def test_decode_text() -> None:
    assert decode_text("\ufeffabc", "f") == "abc"
    assert decode_text(b"\xef\xbb\xbfabc", "f") == "abc"
    with pytest.raises(FormatError) as raised:
        decode_text(b"a\nb\n\xff", "f")
    assert raised.value.line == 3


def build(**fields: object) -> object:
    base: dict[str, object] = {
        "options": Options(language="en"),
        "name": "f.json",
        "path": "$[2]",
        "title": None,
        "paragraphs": (),
    }
    base.update(fields)
    return build_article(**base)  # type: ignore[arg-type]


def test_headline_rules() -> None:
    article = build(title="  Two\n lines  ", paragraphs=["Two lines", "Body."])
    assert article.title == "Two lines"  # type: ignore[attr-defined]
    assert article.paragraphs == ("Body.",)  # type: ignore[attr-defined]
    article = build(paragraphs=["", " First line ", "Source: not a header", "By no means"])
    assert article.title == "First line"  # type: ignore[attr-defined]
    assert article.paragraphs == ("Source: not a header", "By no means")  # type: ignore[attr-defined]
    assert article.source is None  # type: ignore[attr-defined]
    with pytest.raises(FormatError) as raised:
        build(paragraphs=[" ", ""])
    assert (raised.value.file, raised.value.field) == ("f.json", "$[2]")


def test_warnings_and_errors_name_the_record() -> None:
    with pytest.warns(ParseWarning, match=r"^ambiguous-date: \$\[2\]: ambiguous date"):
        build(title="T", date="03/04/2024")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ParseWarning)
        article = build(title="T", date="03/04/2024", options=Options(language="en", dayfirst=True))
    assert article.published.month == 4  # type: ignore[attr-defined]
    with pytest.raises(ParseError) as raised:
        build(title="T", date="03/04/2024", options=Options(language="en", strict=True), line=7)
    assert (raised.value.file, raised.value.line) == ("f.json", 7)
    assert raised.value.field == "$[2] (published)"


# Any JSON value, with the keys the adapters look for more often than chance would give.
KEYS = st.sampled_from(
    ["title", "text", "date", "author", "authors", "language", "source", "source-hostname",
     "publish_date", "url", "messages", "id", "type", "date_unixtime", "name", "chats"]
)  # fmt: skip
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(KEYS | st.text(max_size=5), inner, max_size=5)
    ),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(JSON, st.sampled_from(sorted(FORMATS)))
def test_any_json_gives_articles_or_a_newsrecord_error(value: object, name: str) -> None:
    """No reader raises anything but a NewsrecordError, whatever JSON it is given."""
    data = json.dumps(value).encode()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ParseWarning)
        try:
            result: object = FORMATS[name](io.BytesIO(data))
        except NewsrecordError as error:
            result = error
    if isinstance(result, NewsrecordError):
        assert result.file == "<stream>"
    else:
        assert isinstance(result, list)
        assert all(isinstance(article, Article) for article in result)
