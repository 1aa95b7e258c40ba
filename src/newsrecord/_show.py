"""Who said what, for a person at a terminal: an article's header and a table of its quotes.

:func:`format_article` turns one :class:`~newsrecord.Article` into lines of text — its
title, date and language, the quote its headline carries (when it has one), then one row
per quote: kind, speaker, role and affiliation,
cue, medium (``via``) and the quote itself, shortened to fit the width.  Widths are
counted in terminal columns (see ``_termwidth``), so that Cyrillic, CJK and combining
marks line up; with ``color=True`` the lines carry ANSI colours.  Pure functions: the
command line decides the width and whether to colour.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from typing import Final

from newsrecord._model import (
    Affiliation,
    Article,
    Entity,
    Quote,
    QuoteKind,
    Speaker,
    SpeakerKind,
)
from newsrecord._termwidth import fit, printable, text_width, truncate

__all__ = ["affiliation_text", "filter_quotes", "format_article", "format_published"]

NONE: Final = "—"
GAP: Final = "  "

_RESET: Final = "\x1b[0m"
_BOLD: Final = "\x1b[1m"
_DIM: Final = "\x1b[2m"
_KIND_COLOURS: Final = {
    QuoteKind.DIRECT: "\x1b[32m",  # green
    QuoteKind.INDIRECT: "\x1b[34m",  # blue
    QuoteKind.MIXED: "\x1b[35m",  # magenta
}
_UNATTRIBUTED: Final = "\x1b[33m"  # yellow

#: The widest each column may grow before the quote gets the rest of the line, and the
#: narrowest it may be squeezed to on a narrow terminal.
_KIND: Final = 8
_COLUMNS: Final = (("speaker", 22, 10), ("affiliation", 30, 10), ("cue", 12, 4), ("via", 14, 3))
#: The quote gets at least this share of the width (and never fewer than 16 columns).
_QUOTE_SHARE: Final = 0.4
_MIN_QUOTE: Final = 16
_DROPPED_FIRST: Final = ("affiliation", "via", "cue")
_HEADER: Final = {
    "kind": "kind",
    "speaker": "speaker",
    "affiliation": "role, affiliation",
    "cue": "cue",
    "via": "via",
    "quote": "quote",
}


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _paint(text: str, style: str, color: bool) -> str:
    return f"{style}{text}{_RESET}" if color and style else text


def format_published(published: dt.datetime | None) -> str:
    """``2024-03-14 09:15`` (seconds when not zero, the offset when known) or ``undated``."""
    if published is None:
        return "undated"
    pattern = "%Y-%m-%d %H:%M:%S" if published.second else "%Y-%m-%d %H:%M"
    text = published.strftime(pattern)
    offset = published.utcoffset()
    if offset is not None:
        minutes = round(offset.total_seconds() / 60)
        sign = "-" if minutes < 0 else "+"
        text += f" {sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return text


def affiliation_text(affiliation: Affiliation) -> str:
    """``economist, Institute of Transport Studies``; just the role or the organisation
    when only one is known."""
    return ", ".join(part for part in (affiliation.role, affiliation.organization) if part)


def _speaker_affiliations(speaker: Speaker | None) -> str:
    if speaker is None:
        return ""
    if speaker.kind is SpeakerKind.ORGANIZATION and not speaker.affiliations:
        return "organisation"
    return "; ".join(affiliation_text(a) for a in speaker.affiliations)


def _matches(speaker: Speaker | None, name: str) -> bool:
    if speaker is None:
        return False
    wanted = name.casefold().strip()
    return wanted in speaker.name.casefold() or any(
        alias.casefold() == wanted for alias in speaker.aliases
    )


def filter_quotes(
    article: Article,
    *,
    speaker: str | None = None,
    kinds: Collection[QuoteKind] | None = None,
) -> tuple[Quote, ...]:
    """The quotes of ``article`` whose kind is one of ``kinds`` (default: any) and whose
    speaker's name contains ``speaker``, or one of whose aliases is ``speaker`` (case
    does not matter)."""
    return tuple(
        quote
        for quote in article.quotes
        if (kinds is None or quote.kind in kinds)
        and (speaker is None or _matches(article.speaker(quote.speaker_id), speaker))
    )


def _cells(article: Article, quote: Quote) -> dict[str, str]:
    speaker = article.speaker(quote.speaker_id)
    return {
        "kind": quote.kind.value,
        "speaker": printable(speaker.name) if speaker is not None else NONE,
        "affiliation": printable(_speaker_affiliations(speaker)) or NONE,
        "cue": printable(quote.cue or "") or NONE,
        "via": printable(quote.via or "") or NONE,
        "quote": printable(quote.text),
    }


def _widths(rows: Iterable[dict[str, str]], width: int) -> dict[str, int]:
    """Column widths: each as wide as its widest cell (up to a cap), the quote the rest.

    On a narrow terminal the columns give up width down to a floor, and then the
    affiliation, via and cue columns are left out, in that order.
    """
    rows = list(rows)
    widths = {"kind": _KIND}
    for name, cap, _least in _COLUMNS:
        widest = max([text_width(_HEADER[name]), *(text_width(row[name]) for row in rows)])
        widths[name] = min(cap, widest)
    least = {name: min(floor, widths[name]) for name, _cap, floor in _COLUMNS}
    least_quote = max(_MIN_QUOTE, int(width * _QUOTE_SHARE))

    def excess() -> int:
        return sum(widths.values()) + len(GAP) * len(widths) + least_quote - width

    while excess() > 0:  # take a column at a time from the widest that can give one
        name = max(least, key=lambda column: widths[column] - least[column])
        if widths[name] <= least[name]:
            break
        widths[name] -= 1
    for name in _DROPPED_FIRST:
        if excess() <= 0:
            break
        del widths[name], least[name]
    fixed = sum(widths.values()) + len(GAP) * len(widths)
    widths["quote"] = max(1, width - fixed)
    return widths


def _row(cells: dict[str, str], widths: dict[str, int], styles: dict[str, str], color: bool) -> str:
    parts = []
    for name, columns in widths.items():
        text = truncate(cells[name], columns) if name == "quote" else fit(cells[name], columns)
        parts.append(_paint(text, styles.get(name, ""), color))
    return GAP.join(parts).rstrip()


def format_article(
    article: Article,
    *,
    width: int = 100,
    color: bool = False,
    speaker: str | None = None,
    kinds: Collection[QuoteKind] | None = None,
    source: str | None = None,
) -> str:
    """The article as a person reads it at a terminal: a header and a table of quotes.

    ``width`` is the terminal's width in columns; each quote is shortened to fit it.
    ``color`` adds ANSI colours.  ``speaker`` and ``kinds`` keep only some quotes (see
    :func:`filter_quotes`).  ``source`` (a file name) is shown in the header.  The text
    ends with a newline; control characters of the data are shown as U+FFFD.
    """
    quotes = filter_quotes(article, speaker=speaker, kinds=kinds)
    filtered = speaker is not None or kinds is not None
    total = len(article.quotes)
    count = f"{len(quotes)} of {total} quotes" if filtered else _plural(total, "quote")
    details = [
        format_published(article.published),
        printable(article.language or "language unknown"),
        count,
    ]
    if source is not None:
        details.append(printable(source))
    lines = [
        _paint(truncate(printable(article.title), width), _BOLD, color),
        _paint(truncate(" · ".join(details), width), _DIM, color),
    ]
    if article.title_quote is not None and not filtered:
        lines.append(_paint(truncate(_headline(article, article.title_quote), width), "", color))
    if quotes:
        rows = [_cells(article, quote) for quote in quotes]
        widths = _widths(rows, width)
        lines.append("")
        lines.append(_row(_HEADER, widths, dict.fromkeys(widths, _DIM), color))
        for quote, cells in zip(quotes, rows, strict=True):
            styles = {"kind": _KIND_COLOURS[quote.kind], "speaker": _BOLD}
            if quote.speaker_id is None:
                styles["speaker"] = _UNATTRIBUTED
            lines.append(_row(cells, widths, styles, color))
    named = [entity for entity in article.entities if entity.speaker_id is None]
    if named and not filtered:
        lines.append("")
        lines.extend(
            _paint(line, _DIM, color) for line in _wrap(_NAMED_LABEL, map(_named, named), width)
        )
    return "\n".join(lines) + "\n"


_NAMED_LABEL: Final = "also named: "


def _headline(article: Article, quote: Quote) -> str:
    """``headline, indirect: Ivo Hart (minister, Lornia): the bridge stays shut``."""
    speaker = article.speaker(quote.speaker_id)
    who = NONE if speaker is None else speaker.name
    roles = _speaker_affiliations(speaker)
    if roles:
        who += f" ({roles})"
    return printable(f"headline, {quote.kind.value}: {who}: {quote.text}")


def _named(entity: Entity) -> str:
    """``Ivo Hart (Transport Minister, Lornia)``: an entity with its affiliations."""
    roles = "; ".join(affiliation_text(a) for a in entity.affiliations)
    return printable(f"{entity.name} ({roles})" if roles else entity.name)


def _wrap(label: str, items: Iterable[str], width: int) -> list[str]:
    """``label`` and the items joined by " · ", in lines of at most ``width`` columns."""
    lines: list[str] = []
    line = label
    indent = " " * text_width(label)
    for item in items:
        piece = item if line in (label, indent) else " · " + item
        if text_width(line + piece) > width and line not in (label, indent):
            lines.append(line)
            line, piece = indent, item
        line += piece
    lines.append(line)
    return [truncate(text, width) for text in lines]
