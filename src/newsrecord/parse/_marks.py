"""Quotation marks: where each quoted piece of an article opens and closes.

Marks are read per paragraph (“ ” " " « » „ “ ‘ ’ and the doubled apostrophes some
outlets use), tolerating mixed pairs, nested quotations and stray marks: an unclosed
mark never reaches past its paragraph, except as a quote that goes on in the next one.
:func:`find_marked_spans` gives every piece as a :class:`MarkedSpan`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from typing import Final

import attrs

from newsrecord._model import (
    PARAGRAPH_SEPARATOR,
)
from newsrecord.parse._spans import QUOTE_MARKS, Mention

__all__ = [
    "MarkedSpan",
    "covered",
    "find_marked_spans",
    "mention_inside",
    "opens_mid_clause",
    "spans_near",
]


#: Opening marks and the marks that may close them.
_CLOSERS: Final[dict[str, str]] = {
    "“": '”"“',
    "„": '“”"',
    "«": "»",
    "‹": "›",
    '"': '"”',
    "''": "''”",
    "‘": "’",
    "‚": "‘’",
}


@attrs.frozen
class MarkedSpan:
    """A quoted piece: content from ``start`` to ``end`` (marks excluded), article offsets."""

    start: int
    end: int
    open_at: int
    close_at: int | None  # None: the quote goes on in the next paragraph, or never closes
    paragraph: int


def _is_word_char(char: str) -> bool:
    return char.isalnum()


def _opener_at(text: str, index: int) -> str | None:
    char = text[index]
    prev = text[index - 1] if index > 0 else " "
    nxt = text[index + 1] if index + 1 < len(text) else " "
    if char in "“„«‹":
        return char
    if char == "'" and nxt == "'" and not _is_word_char(prev):
        return "''"
    if char == '"' and not _is_word_char(prev) and not nxt.isspace():
        return '"'
    if char in "‘‚" and not _is_word_char(prev) and nxt.isalnum():
        return char
    return None


def _closes(text: str, index: int, opener: str) -> int:
    """Length of the closing mark for ``opener`` at ``index`` (0 when none)."""
    char = text[index]
    if opener == "''":
        if text.startswith("'''", index):
            return 0  # a nested quote closes first: 'a special case,'''
        if text.startswith("''", index):
            return 2
        return 1 if char == "”" else 0
    if char not in _CLOSERS[opener]:
        return 0
    nxt = text[index + 1] if index + 1 < len(text) else " "
    if opener in "‘‚" and _is_word_char(nxt):
        return 0  # an apostrophe inside a word: people’s
    if opener == "“" and char == "“" and not (nxt.isspace() or nxt in ",.;:!?)—–-"):
        return 0
    if opener in "“„" and char == '"' and not _is_word_char(text[index - 1]) and nxt.isalnum():
        return 0  # a nested straight quote opens here: “She said "never" and left,”
    if (
        opener == '"'
        and char == '"'
        and _is_word_char(text[index - 1] if index else " ") is False
        and _is_word_char(nxt)
    ):
        return 0  # a new opening mark: the previous quote was never closed
    return 1


_OPENER_CANDIDATE: Final = re.compile("[“„«‹\"'‘‚]")


_CLOSER_CANDIDATES: Final[dict[str, re.Pattern[str]]] = {
    opener: re.compile("[" + re.escape("".join(sorted(set(closers)))) + "]")
    for opener, closers in _CLOSERS.items()
}


def _scan_paragraph(paragraph: str) -> Iterator[tuple[int, int, int | None, int]]:
    """``(open_at, content_start, close_at, close_len)`` for each quoted piece.

    Only the positions of quotation marks are visited, found by regular expressions.
    """
    index = 0
    while True:
        candidate = _OPENER_CANDIDATE.search(paragraph, index)
        if candidate is None:
            return
        at = candidate.start()
        opener = _opener_at(paragraph, at)
        if opener is None:
            index = at + 1
            continue
        start = at + len(opener)
        closers = _CLOSER_CANDIDATES[opener]
        cursor = start
        while True:
            found = closers.search(paragraph, cursor)
            if found is None:
                yield at, start, None, 0
                return
            width = _closes(paragraph, found.start(), opener)
            if width:
                yield at, start, found.start(), width
                index = found.start() + width
                break
            cursor = found.start() + 1
            if opener in "“„" and paragraph[found.start()] == '"':
                inner = paragraph.find('"', cursor)  # skip a nested "..." quotation
                if inner >= 0:
                    cursor = inner + 1


def find_marked_spans(paragraphs: Sequence[str]) -> list[MarkedSpan]:
    """Every quoted piece of the paragraphs, with offsets into the joined text."""
    spans: list[MarkedSpan] = []
    offset = 0
    pending: list[MarkedSpan] = []
    for number, paragraph in enumerate(paragraphs):
        pieces = list(_scan_paragraph(paragraph))
        if pending and not (pieces and pieces[0][0] == 0):
            # the previous paragraph's open quote was not continued: keep it only when it
            # opened its paragraph (a block quote that lost its closing mark)
            spans.extend(span for span in pending if _opens_paragraph(span, paragraphs, offset))
        elif pending:
            spans.extend(pending)
        pending = []
        for open_at, start, close_at, _width in pieces:
            stop = close_at if close_at is not None else len(paragraph)
            content = paragraph[start:stop]
            lead = len(content) - len(content.lstrip())
            trail = len(content.rstrip())
            if trail <= lead:
                continue
            span = MarkedSpan(
                start=offset + start + lead,
                end=offset + start + trail,
                open_at=offset + open_at,
                close_at=offset + close_at if close_at is not None else None,
                paragraph=number,
            )
            if close_at is None:
                pending.append(span)
            else:
                spans.append(span)
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    spans.extend(pending)
    return spans


def _opens_paragraph(span: MarkedSpan, paragraphs: Sequence[str], next_offset: int) -> bool:
    paragraph = paragraphs[span.paragraph]
    start_of_paragraph = next_offset - len(PARAGRAPH_SEPARATOR) - len(paragraph)
    return span.open_at == start_of_paragraph and len(paragraph) > 80


def spans_near(
    spans: Sequence[MarkedSpan], starts: Sequence[int], start: int, end: int
) -> Sequence[MarkedSpan]:
    """The spans that may overlap ``start..end`` (``starts``: their sorted ``open_at``)."""
    low = max(0, bisect.bisect_left(starts, start) - 1)
    high = bisect.bisect_right(starts, end)
    return spans[low:high]


def covered(start: int, end: int, spans: Sequence[MarkedSpan]) -> bool:
    return any(
        s.open_at <= start < (s.close_at if s.close_at is not None else s.end) + 1 for s in spans
    )


def opens_mid_clause(text: str, content_start: int) -> bool:
    """Whether the quotation mark before ``content_start`` opens inside a running clause."""
    before = text[max(0, content_start - 40) : content_start].rstrip(QUOTE_MARKS + " \u00a0")
    return bool(before) and (before[-1].isalnum() or before[-1] == ",")


def mention_inside(mention: Mention, spans: Sequence[MarkedSpan]) -> bool:
    return any(s.start <= mention.start and mention.end <= s.end for s in spans)
