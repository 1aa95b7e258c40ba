"""Tests of ``newsrecord.adapters._telegram``: a Telegram Desktop channel export to articles.

``data/adapters/telegram-result.json`` is written as Telegram Desktop's JSON writer
(``export_output_json.cpp``) writes the export of one channel: ``name``, ``type``, ``id``,
``messages``, one space of indentation a level, ``date`` in the exporting computer's
local time (here three hours ahead of UTC) beside ``date_unixtime``, and ``text`` as a
string or a list of strings and entity objects.  The channel and its posts are made up.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsrecord import FormatError
from newsrecord.adapters import from_telegram
from newsrecord.adapters._telegram import message_text

DATA = Path(__file__).parent / "data" / "adapters"
EXPORT = DATA / "telegram-result.json"


def test_one_article_per_post_with_text() -> None:
    articles = from_telegram(EXPORT)
    # the service message and the photo without a caption give nothing
    assert [a.id for a in articles] == ["telegram-1987654321-2", "telegram-1987654321-4"]
    first, second = articles
    assert first.title == "Bridge repairs start on Monday"
    assert first.paragraphs[-1] == "Detour map"
    assert first.published == dt.datetime(2024, 3, 14, 9, 15, tzinfo=dt.timezone.utc)
    assert first.published_raw == "2024-03-14T12:15:00"
    assert first.source == "Valley Morning"
    assert first.authors == ("Ana Petrova",)
    assert first.url is None
    assert {first.speaker(q.speaker_id).name for q in first.quotes} == {"Ivo Brandt"}  # type: ignore[union-attr]
    assert second.title == "Water will be off in the old town on Saturday"
    assert second.authors == ()


def test_a_post_of_one_line_is_its_own_body(tmp_path: Path) -> None:
    line = "The works will take six weeks, said Ivo Brandt, the head of the city roads office."
    path = tmp_path / "result.json"
    path.write_text(_export([{"id": 5, "type": "message", "text": line}]), encoding="utf-8")
    (post,) = from_telegram(path)
    assert (post.title, post.paragraphs) == (line, (line,))
    assert [post.speaker(q.speaker_id).name for q in post.quotes] == ["Ivo Brandt"]  # type: ignore[union-attr]


def test_channel_name_gives_links() -> None:
    for name in ("valley_morning", "@valley_morning", "https://t.me/valley_morning"):
        urls = [a.url for a in from_telegram(EXPORT, channel=name)]
        assert urls == ["https://t.me/valley_morning/2", "https://t.me/valley_morning/4"]
    with pytest.raises(ValueError, match="not a Telegram channel name"):
        from_telegram(EXPORT, channel="no spaces")


def test_without_date_unixtime_the_date_is_read_with_the_default_timezone(
    tmp_path: Path,
) -> None:
    data = json.loads(EXPORT.read_text(encoding="utf-8"))
    for message in data["messages"]:
        del message["date_unixtime"]
    path = tmp_path / "result.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    first = from_telegram(path, default_timezone="Europe/Minsk")[0]
    assert first.published is not None
    assert first.published.isoformat() == "2024-03-14T12:15:00+03:00"


@given(
    st.lists(
        st.one_of(
            st.text(),
            st.builds(
                lambda kind, text: {"type": kind, "text": text},
                st.sampled_from(["bold", "link", "text_link", "mention", "hashtag"]),
                st.text(),
            ),
        )
    )
)
def test_message_text_joins_the_parts(parts: list[Any]) -> None:
    expected = "".join(p if isinstance(p, str) else p["text"] for p in parts)
    assert message_text(parts, name="x", path="$") == expected


def _export(messages: Any, **chat: Any) -> str:
    return json.dumps(
        {"name": "C", "type": "public_channel", "id": 7, "messages": messages, **chat}
    )


@pytest.mark.parametrize(
    ("text", "line", "field", "words"),
    [
        ('{\n "name": "C",\n "messages": [\n', 3, None, "malformed JSON"),
        ("[]", None, "$", "expected an object"),
        ('{"name": "C"}', None, "$.messages", 'array "messages"'),
        ('{"about": "x", "chats": {"about": "y", "list": []}}', None, "$.chats", "whole-account"),
        (_export({"id": 1}), None, "$.messages", "not an object"),
        (_export([{"id": "1", "text": "a"}]), None, "$.messages[0].id", '"id"'),
        (_export([{"id": 1, "type": "message", "text": 5}]), None, "$.messages[0].text", "list"),
        (
            _export([{"id": 1, "type": "message", "text": ["a", {"type": "bold"}]}]),
            None,
            "$.messages[0].text[1]",
            'string "text"',
        ),
        (
            _export([{"id": 1, "type": "message", "text": "a", "date_unixtime": 17}]),
            None,
            "$.messages[0].date_unixtime",
            "digits",
        ),
    ],
)
def test_not_a_telegram_export(
    tmp_path: Path, text: str, line: int | None, field: str | None, words: str
) -> None:
    path = tmp_path / "result.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError) as raised:
        from_telegram(path)
    error = raised.value
    assert (error.file, error.line, error.field) == (str(path), line, field)
    assert words in error.message


def test_a_bad_message_after_good_ones_gives_no_articles(tmp_path: Path) -> None:
    data = json.loads(EXPORT.read_text(encoding="utf-8"))
    data["messages"].append({"id": 9, "type": "message", "text": {"a": 1}})
    path = tmp_path / "result.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(FormatError) as raised:
        from_telegram(path)
    assert raised.value.field == "$.messages[4].text"
