"""Assembly: from a raw post to an :class:`~newsrecord.Article`, stage after stage.

This module only orchestrates the stages of the ``newsrecord.parse`` package: the layout
(``_structure``), the date (``_dates``), the language (``_language``), quotation marks
(``_marks``), direct quotes (``_direct``), reported speech (``_reported``) and the
speakers their mentions resolve to (``_coref``); a Russian, Ukrainian or Belarusian post
goes to ``_russian`` for its quotes and speakers instead.  Every person and organisation
the post names comes from ``_entities`` (its names read by ``_names``), and the quote a
"WHO: SAID" headline carries from ``_headline``, once all of those are known.  Problems the
parser works around are issued as :class:`~newsrecord.ParseWarning` (or raised as
:class:`~newsrecord.ParseError` with ``strict=True``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import warnings
from collections.abc import Sequence
from pathlib import Path

from newsrecord._errors import NewsrecordError, ParseError, ParseWarning
from newsrecord._langtag import normalize_language_tag
from newsrecord._model import PARAGRAPH_SEPARATOR, Article, Quote, Speaker
from newsrecord.parse._coref import resolve
from newsrecord.parse._dates import DateResult, parse_date, resolve_timezone
from newsrecord.parse._direct import continue_previous_speaker, direct_candidates
from newsrecord.parse._entities import find_entities
from newsrecord.parse._headline import headline_quote
from newsrecord.parse._language import detect_language
from newsrecord.parse._marks import find_marked_spans
from newsrecord.parse._reported import indirect_candidates
from newsrecord.parse._russian import attribute_russian, uses_russian_rules
from newsrecord.parse._structure import decode_post, split_post

__all__ = ["article_id", "attribute", "parse_file", "parse_post"]


def article_id(title: str, paragraphs: tuple[str, ...]) -> str:
    """A deterministic id from an article's content: 16 hex digits of its SHA-256."""
    digest = hashlib.sha256(title.encode("utf-8", "surrogatepass"))
    digest.update(b"\n\n")
    digest.update(PARAGRAPH_SEPARATOR.join(paragraphs).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]


def attribute(paragraphs: Sequence[str]) -> tuple[tuple[Speaker, ...], tuple[Quote, ...]]:
    """The speakers and quotes of an article's paragraphs."""
    text = PARAGRAPH_SEPARATOR.join(paragraphs)
    spans = find_marked_spans(paragraphs)
    direct = direct_candidates(text, paragraphs, spans)
    indirect, absorbed = indirect_candidates(text, paragraphs, spans, direct)
    direct = [c for c in direct if c.start not in absorbed]
    candidates = continue_previous_speaker(
        text, paragraphs, sorted(direct + indirect, key=lambda c: (c.start, c.end))
    )
    mentions = [c.mention for c in candidates]
    speakers, speaker_ids = resolve(text, mentions)
    quotes = tuple(
        Quote(
            id=f"q{number}",
            kind=candidate.kind,
            text=text[candidate.start : candidate.end],
            start=candidate.start,
            end=candidate.end,
            speaker_id=speaker_id,
            mention=candidate.mention.text.strip() or None if candidate.mention else None,
            cue=candidate.cue,
            via=candidate.via,
        )
        for number, (candidate, speaker_id) in enumerate(
            zip(candidates, speaker_ids, strict=True), start=1
        )
    )
    return speakers, quotes


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
    russian = uses_russian_rules(language, layout.paragraphs)
    if russian:  # ru, uk, be: see _russian
        speakers, quotes = attribute_russian(layout.paragraphs)
    else:
        speakers, quotes = attribute(layout.paragraphs)
    # (an article read by the Russian rules is not English, whatever its tag says)
    rules = (language or "ru") if russian else language
    entities = find_entities(layout.paragraphs, speakers, quotes, rules)
    headline = headline_quote(layout.title, speakers, entities, rules)
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
        speakers=headline.speakers,
        quotes=quotes,
        entities=headline.entities,
        title_quote=headline.quote,
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
