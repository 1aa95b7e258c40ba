"""The layout of a raw post: header lines, headline, paragraphs.

A post is plain text: optional header lines (``Posted: 08.11.2023 16:38``, ``Title:``,
``Source:``, ``URL:``, ``Author:``, ``By ...``), a blank line, the headline, then the
body.  Paragraphs are separated by blank lines; a body with no blank line at all has one
paragraph a line.  Line ends (CRLF, CR), a byte order mark and trailing spaces are
normalised; every other character, no-break spaces included, is kept.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from newsrecord._errors import DecodeError

__all__ = ["HEADER_KEYS", "Layout", "decode_post", "split_post"]

#: Header keys (lower case) and the field each fills.
HEADER_KEYS: Final[dict[str, str]] = {
    "posted": "date",
    "published": "date",
    "date": "date",
    "dated": "date",
    "updated": "updated",
    "modified": "updated",
    "title": "title",
    "headline": "title",
    "source": "source",
    "outlet": "source",
    "publisher": "source",
    "url": "url",
    "link": "url",
    "author": "authors",
    "authors": "authors",
    "by": "authors",
    "byline": "authors",
    "language": "language",
    "lang": "language",
}

_HEADER_LINE: Final = re.compile(
    r"(?P<key>[A-Za-z][A-Za-z ]{0,15}?)[ \t]*:[ \t]*(?P<value>\S.*)?\Z"
)
_BY_LINE: Final = re.compile(r"(?i:by)[ \t]+(?P<value>\S.{0,150})\Z")
_AUTHOR_SPLIT: Final = re.compile(r"\s*(?:,|;|\band\b|&)\s*")
_BLANK_RUN: Final = re.compile(r"\n[ \t\u00a0\u3000]*\n\s*")


@attrs.frozen(kw_only=True)
class Layout:
    """What :func:`split_post` found."""

    title: str | None
    paragraphs: tuple[str, ...]
    date_raw: str | None = None
    updated_raw: str | None = None
    source: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    language: str | None = None


def decode_post(data: bytes, encoding: str | None = None) -> str:
    """Text of a post given as bytes: UTF-8 (a byte order mark is dropped) unless ``encoding``.

    Raises :class:`DecodeError` naming the offset of the first byte that is not UTF-8.
    """
    if encoding is not None:
        try:
            return data.decode(encoding)
        except LookupError:
            raise ValueError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as error:
            raise DecodeError(
                f"byte 0x{data[error.start]:02x} at offset {error.start} is not valid {encoding}",
                offset=error.start,
            ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        offset = error.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        raise DecodeError(
            f"byte 0x{data[offset]:02x} at offset {offset} is not UTF-8; "
            "pass encoding= (for example 'cp1251' or 'latin-1') to read another encoding",
            offset=offset,
        ) from None


def normalize_newlines(text: str) -> str:
    """LF line ends, no byte order mark, no spaces at line ends."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if " \n" in text or "\t\n" in text:
        text = re.sub(r"[ \t]+\n", "\n", text)
    return text


def _header(lines: list[str]) -> tuple[dict[str, str], int]:
    """The header fields of the leading lines, and the index of the first line after them.

    A header is a run of ``Key: value`` lines (keys from :data:`HEADER_KEYS`, or a
    ``By ...`` line after the first) ended by a blank line or the end of the post.
    Anything else means there is no header, and nothing is taken from those lines.
    """
    fields: dict[str, str] = {}
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    index = start
    while index < len(lines) and lines[index].strip():
        line = lines[index].strip()
        match = _HEADER_LINE.match(line)
        key = match.group("key").strip().lower() if match else ""
        if match and key in HEADER_KEYS:
            value = (match.group("value") or "").strip()
            if value:
                fields.setdefault(HEADER_KEYS[key], value)
        elif index > start and (by := _BY_LINE.match(line)):
            fields.setdefault("authors", by.group("value").strip())
        else:
            return {}, start
        index += 1
    return fields, index


def split_paragraphs(body: str) -> tuple[str, ...]:
    """Paragraphs of a body: every line that is not blank, stripped of surrounding spaces.

    Posts separate paragraphs by blank lines or by single line ends, often both in one
    post; either way a line is a paragraph.  (Text hard-wrapped inside paragraphs is not
    rejoined: news posts are not written that way.)
    """
    return tuple(stripped for line in body.split("\n") if (stripped := line.strip()))


def split_post(text: str) -> Layout:
    """Header fields, headline and paragraphs of a post's text."""
    text = normalize_newlines(text)
    lines = text.split("\n")
    fields, index = _header(lines)
    rest = lines[index:]
    title = fields.get("title")
    if title is None:
        while rest and not rest[0].strip():
            rest = rest[1:]
        if rest:
            title = rest[0].strip()
            rest = rest[1:]
    authors = fields.get("authors")
    return Layout(
        title=title,
        paragraphs=split_paragraphs("\n".join(rest)),
        date_raw=fields.get("date"),
        updated_raw=fields.get("updated"),
        source=fields.get("source"),
        url=fields.get("url"),
        authors=tuple(a for a in _AUTHOR_SPLIT.split(authors) if a) if authors else (),
        language=fields.get("language"),
    )
