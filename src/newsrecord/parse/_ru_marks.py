"""Quotation marks and sentences of a Russian post.

Quoted pieces stand in « », „ “, “ ” or " " marks; marks nested inside (``«… „…“ …»``)
belong to the outer piece (:func:`scan_marks`).  A sentence ends at a full stop, question
or exclamation mark before a capital, but not inside quotation marks (:func:`sentences`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Final

import attrs

__all__ = ["Marked", "scan_marks", "sentences", "start_of_sentence"]


_CLOSERS: Final[dict[str, str]] = {"«": "»", "„": "“”", "“": "”", '"': '"'}


@attrs.frozen
class Marked:
    """A quoted piece: content ``start``-``end``, marks at ``open_at`` and ``close_at``."""

    start: int
    end: int
    open_at: int
    close_at: int | None
    paragraph: int


def scan_marks(text: str, start: int, end: int, paragraph: int) -> list[Marked]:
    """The outermost quoted pieces of one paragraph; inner marks belong to them."""
    found: list[Marked] = []
    at = start
    while at < end:
        char = text[at]
        if char not in _CLOSERS or (char == '"' and at > start and text[at - 1].isalnum()):
            at += 1
            continue
        close = _closing(text, at, end)
        if close is None:
            if end - at > 1:
                found.append(Marked(at + 1, end, at, None, paragraph))
            break
        if close > at + 1 and text[at + 1 : close].strip():  # ("« »" quotes nothing)
            found.append(Marked(at + 1, close, at, close, paragraph))
        at = close + 1
    return found


def _closing(text: str, open_at: int, end: int) -> int | None:
    opener = text[open_at]
    if opener == "«":
        depth = 0
        for index in range(open_at, end):
            if text[index] == "«":
                depth += 1
            elif text[index] == "»":
                depth -= 1
                if depth == 0:
                    return index
        return None
    closers = _CLOSERS[opener]
    for index in range(open_at + 1, end):
        if text[index] in closers:
            return index
    return None


_BOUNDARY: Final = re.compile(r"(?<=[.!?…])[»“”\"]*\s+(?=[«„“\"(]*[A-ZА-ЯЁІЎЇЄҐ0-9])")


def sentences(
    text: str, start: int, end: int, marked: Sequence[Marked]
) -> Iterator[tuple[int, int]]:
    """Sentences of ``text[start:end]``; a full stop inside quotation marks ends none."""
    at = start
    for match in _BOUNDARY.finditer(text, start, end):
        if any(m.open_at < match.start() < (m.close_at or end) for m in marked):
            continue
        yield at, match.start()
        at = match.end()
    if at < end:
        yield at, end


def start_of_sentence(text: str, floor: int, at: int) -> int:
    """Where the sentence holding ``at`` starts, at ``floor`` or after it."""
    start = floor
    for match in _BOUNDARY.finditer(text, floor, at):
        start = match.end()
    return start
