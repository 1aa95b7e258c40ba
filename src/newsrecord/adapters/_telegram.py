"""A Telegram Desktop channel export (``result.json``, "Export chat history" as JSON).

The export of one chat is an object with the chat's ``name``, ``type``
(``public_channel``, ``private_channel``, ...), ``id`` and ``messages``.  A message has an
``id``, a ``type`` (``message``, or ``service`` for joins, pins, ...), a ``date`` in the
exporting computer's local time without a zone (``2024-03-14T09:15:00``), the same
instant as ``date_unixtime`` (seconds since 1970, as a string), an optional ``author``
(the signature of a channel post), and its ``text``: a string, or a list of strings and
entity objects (``{"type": "bold", "text": "..."}``) whose texts, joined, are the message.
``text_entities`` is the same text as a list of entity objects only.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Final

from newsrecord._model import Article
from newsrecord.adapters._common import (
    Options,
    Source,
    build_article,
    decode_text,
    expect,
    json_type,
    load_json,
    optional_text,
    read_source,
    source_name,
)

__all__ = ["channel_name", "from_telegram", "message_text"]

WHAT: Final = "a Telegram Desktop chat export"
_CHANNEL_NAME: Final = re.compile(r"[A-Za-z][A-Za-z0-9_]{4,31}")
_UNIX_TIME: Final = re.compile(r"[0-9]{1,12}")


def channel_name(value: str) -> str:
    """A channel's public name from ``name``, ``@name`` or ``https://t.me/name``.

    Raises :class:`ValueError` for anything that is not a channel name.
    """
    name = value.strip().removeprefix("@").removeprefix("https://t.me/").strip("/")
    if not _CHANNEL_NAME.fullmatch(name):
        raise ValueError(f"not a Telegram channel name: {value!r} (5 to 32 letters, digits and _)")
    return name


def message_text(text: Any, *, name: str, path: str) -> str:
    """The text of a message: the string, or the texts of a list of parts joined."""
    if isinstance(text, str):
        return text
    expect(
        isinstance(text, list),
        f'not {WHAT}: a message\'s "text" is a string or a list, not {json_type(text)}',
        name=name,
        path=path,
    )
    parts = []
    for index, part in enumerate(text):
        if isinstance(part, str):
            parts.append(part)
            continue
        expect(
            isinstance(part, dict) and isinstance(part.get("text"), str),
            f'not {WHAT}: a text part is a string or an object with a string "text"',
            name=name,
            path=f"{path}[{index}]",
        )
        parts.append(part["text"])
    return "".join(parts)


def _published(message: dict[str, Any], *, name: str, path: str) -> dt.datetime | None:
    """The instant of ``date_unixtime``, in UTC (``date`` has no zone), if the export has it."""
    raw = message.get("date_unixtime")
    if raw is None:
        return None
    expect(
        isinstance(raw, str) and _UNIX_TIME.fullmatch(raw) is not None,
        f'not {WHAT}: "date_unixtime" is a string of digits, not {raw!r}',
        name=name,
        path=f"{path}.date_unixtime",
    )
    return dt.datetime.fromtimestamp(int(raw), tz=dt.timezone.utc)


def _post(
    message: Any,
    chat: dict[str, Any],
    channel: str | None,
    options: Options,
    *,
    name: str,
    path: str,
) -> Article | None:
    expect(
        isinstance(message, dict),
        f"not {WHAT}: a message is an object, not {json_type(message)}",
        name=name,
        path=path,
    )
    ident = message.get("id")
    expect(
        isinstance(ident, int) and not isinstance(ident, bool),
        f'not {WHAT}: a message has a whole-number "id"',
        name=name,
        path=f"{path}.id",
    )
    if message.get("type", "message") != "message":  # service messages: joins, pins, ...
        return None
    text = message_text(message.get("text", ""), name=name, path=f"{path}.text")
    if not text.strip():  # a photo or a file without a caption
        return None
    lines = [line for line in text.split("\n") if line.strip()]
    # the first line is the headline; a post of one line is its body as well, so that
    # what it quotes is found
    title = lines[0]
    date = optional_text(message, "date", name=name, path=path)
    author = optional_text(message, "author", name=name, path=path)
    chat_id = chat.get("id")
    prefix = f"telegram-{chat_id}" if isinstance(chat_id, int) else "telegram"
    return build_article(
        title=title,
        paragraphs=lines if len(lines) == 1 else lines[1:],
        options=options,
        name=name,
        path=path,
        date=date,
        published=_published(message, name=name, path=path),
        source=optional_text(chat, "name", name=name, path="$"),
        url=f"https://t.me/{channel}/{ident}" if channel is not None else None,
        authors=[author] if author else [],
        id=f"{prefix}-{ident}",
    )


def from_telegram(
    source: Source,
    *,
    channel: str | None = None,
    language: str | None = None,
    dayfirst: bool = False,
    default_timezone: dt.tzinfo | str | None = None,
    strict: bool = False,
) -> list[Article]:
    """The posts of a Telegram Desktop chat export (``result.json``), one article each.

    The headline is the first line of the post, the body the other lines (a post of one
    line is its own body too, so that its quotes are found).  ``published``
    is the instant of ``date_unixtime`` in UTC when the export has it (``date`` is the
    exporting computer's local time, kept as ``published_raw``); otherwise ``date`` is
    read by the parser's rules (``default_timezone`` gives it a zone).  The source is the
    chat's name, the author the post's signature, and the id ``telegram-CHAT-MESSAGE``.
    ``channel``, the channel's public name (``@name`` or ``name``), gives each post its
    link, ``https://t.me/name/MESSAGE``, as the URL.  Service messages and posts without
    text (a photo without a caption) are left out.

    Raises :class:`~newsrecord.FormatError` with the file and the position for a file
    that is not a chat export, and :class:`ValueError` for a ``channel`` that is not a
    channel name, before any article is returned.
    """
    if channel is not None:
        channel = channel_name(channel)
    name = source_name(source)
    options = Options(
        language=language, dayfirst=dayfirst, default_timezone=default_timezone, strict=strict
    )
    text = decode_text(read_source(source), name)
    expect(bool(text.strip()), f"not {WHAT}: the file is empty", name=name, path="$")
    data = load_json(text, name, what=WHAT)
    expect(
        isinstance(data, dict),
        f"not {WHAT}: expected an object, got {json_type(data)}",
        name=name,
        path="$",
    )
    if "messages" not in data and isinstance(data.get("chats"), dict):
        expect(
            False,
            f"not {WHAT}: this is a whole-account export; export the channel alone "
            "(the channel's menu, Export chat history, format JSON)",
            name=name,
            path="$.chats",
        )
    messages = data.get("messages")
    expect(
        isinstance(messages, list),
        f'not {WHAT}: expected an object with an array "messages"'
        + ("" if messages is None else f", not {json_type(messages)}"),
        name=name,
        path="$.messages",
    )
    posts = (
        _post(message, data, channel, options, name=name, path=f"$.messages[{index}]")
        for index, message in enumerate(messages)
    )
    return [post for post in posts if post is not None]
