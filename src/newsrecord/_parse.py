"""From a raw post to an :class:`~newsrecord.Article`: the parser's entry points.

This module only orchestrates: the layout comes from ``_structure``, the date from
``_dates``, the language from ``_language``, quotes from ``_quotes`` and speakers from
``_speakers``.  Problems the parser works around are issued as
:class:`~newsrecord.ParseWarning` (or raised as :class:`~newsrecord.ParseError` with
``strict=True``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import warnings
from pathlib import Path

from newsrecord._dates import DateResult, parse_date, resolve_timezone
from newsrecord._errors import NewsrecordError, ParseError, ParseWarning
from newsrecord._language import detect_language, normalize_language_tag
from newsrecord._model import PARAGRAPH_SEPARATOR, Article
from newsrecord._quotes import attribute
from newsrecord._structure import decode_post, split_post

__all__ = ["article_id", "parse_file", "parse_post"]


def article_id(title: str, paragraphs: tuple[str, ...]) -> str:
    """A deterministic id from an article's content: 16 hex digits of its SHA-256."""
    digest = hashlib.sha256(title.encode("utf-8", "surrogatepass"))
    digest.update(b"\n\n")
    digest.update(PARAGRAPH_SEPARATOR.join(paragraphs).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]


def _date_warning_code(result: DateResult) -> str:
    if result.value is None:
        return "unreadable-date"
    return "ambiguous-date" if result.ambiguous else "unknown-timezone"


def _warn(message: str, *, code: str, field: str | None, strict: bool) -> None:
    if strict:
        raise ParseError(message, code=code, field=field)
    warnings.warn(ParseWarning(message, code=code, field=field), stacklevel=3)


def parse_post(
    post: str | bytes,
    *,
    id: str | None = None,
    encoding: str | None = None,
    language: str | None = None,
    dayfirst: bool = False,
    default_timezone: dt.tzinfo | str | None = None,
    source: str | None = None,
    url: str | None = None,
    strict: bool = False,
) -> Article:
    """Parse one raw post into an :class:`Article`.

    ``post`` is the text, or bytes decoded as UTF-8 (or ``encoding``).  ``language``
    declares the language (a BCP 47 tag) and skips detection.  ``dayfirst`` decides
    ambiguous slashed dates (``03/04/2023``); dotted dates are always day first.
    ``default_timezone`` (a tzinfo or a name such as ``"Europe/Minsk"``) makes dates
    without a zone aware.  ``source`` and ``url`` fill those fields when the post's
    header does not.

    Raises :class:`DecodeError` for undecodable bytes and :class:`ParseError` for a post
    with no headline; with ``strict=True`` also for anything that would otherwise be a
    :class:`ParseWarning`.
    """
    text = decode_post(post, encoding) if isinstance(post, bytes) else post
    if default_timezone is not None:
        default_timezone = resolve_timezone(default_timezone)
    if language is not None:
        language = normalize_language_tag(language)
    layout = split_post(text)
    if not layout.title:
        raise ParseError(
            "the post has no headline" if text.strip() else "the post is empty",
            code="no-title" if text.strip() else "empty-post",
            field="title",
        )
    published = None
    if layout.date_raw is not None:
        result = parse_date(layout.date_raw, dayfirst=dayfirst, default_timezone=default_timezone)
        published = result.value
        if result.warning is not None:
            _warn(
                result.warning,
                code=_date_warning_code(result),
                field="published",
                strict=strict,
            )
    if language is None and layout.language is not None:
        try:
            language = normalize_language_tag(layout.language)
        except ValueError:
            _warn(
                f"language {layout.language!r} in the header is not a BCP 47 tag; detecting",
                code="invalid-language",
                field="language",
                strict=strict,
            )
    if language is None:
        language = detect_language(
            layout.title + "\n\n" + PARAGRAPH_SEPARATOR.join(layout.paragraphs)
        )
    speakers, quotes = attribute(layout.paragraphs)
    return Article(
        id=id if id is not None else article_id(layout.title, layout.paragraphs),
        title=layout.title,
        published=published,
        published_raw=layout.date_raw,
        language=language,
        source=layout.source if layout.source is not None else source,
        url=layout.url if layout.url is not None else url,
        authors=layout.authors,
        paragraphs=layout.paragraphs,
        speakers=speakers,
        quotes=quotes,
    )


def parse_file(
    path: str | os.PathLike[str],
    **options: object,
) -> Article:
    """Parse the post in a file (see :func:`parse_post` for the options).

    Errors name the file.
    """
    data = Path(path).read_bytes()
    try:
        return parse_post(data, **options)  # type: ignore[arg-type]
    except NewsrecordError as error:
        error.file = os.fspath(path)
        raise
