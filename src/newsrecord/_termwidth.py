"""How many terminal columns text takes, and how to cut and pad it to a width.

A terminal shows most characters in one column, East Asian wide and fullwidth characters
(CJK ideographs, kana, Hangul, most emoji) in two, and combining marks and other
zero-width characters in none.  Cyrillic, Greek and the other letters that Unicode calls
"ambiguous" take one column, as they do in every terminal outside East Asian locales.

Text from records may hold control characters (an escape sequence in a quote could
recolour or clear the reader's terminal), so :func:`printable` replaces them first.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Final

__all__ = ["char_width", "fit", "pad", "printable", "text_width", "truncate"]

ELLIPSIS: Final = "…"

_SPACES: Final = re.compile(r"\s+")
#: Bidirectional controls, which can make a terminal show text in another order than
#: it has ("Trojan Source"); replaced as control characters are.
BIDI_CONTROLS: Final = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


@functools.lru_cache(maxsize=4096)
def char_width(char: str) -> int:
    """The columns one character takes: 0, 1 or 2."""
    if unicodedata.combining(char):
        return 0
    category = unicodedata.category(char)
    if category in ("Mn", "Me", "Cf") or char == "\u200b":
        return 0
    if category == "Cc":
        return 0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 2
    return 1


def text_width(text: str) -> int:
    """The columns a line of text takes."""
    return sum(char_width(char) for char in text)


def _shown(char: str) -> str:
    if char in BIDI_CONTROLS or unicodedata.category(char) in ("Cc", "Cs"):
        return "\ufffd"
    return char


def printable(text: str) -> str:
    """One line: runs of white space become one space; control characters (and
    bidirectional controls) become U+FFFD, so that no escape sequence of the data
    reaches the terminal."""
    text = _SPACES.sub(" ", text).strip()
    if text.isprintable():
        return text
    return "".join(_shown(char) for char in text)


def truncate(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` columns, ending in "…" when it was cut.

    A character is never split from its combining marks, nor a wide one cut in half.
    """
    if width <= 0:
        return ""
    if text_width(text) <= width:
        return text
    room = width - 1  # the ellipsis takes one column
    used = 0
    end = 0
    for index, char in enumerate(text):
        columns = char_width(char)
        if columns and used + columns > room:
            break
        used += columns
        end = index + 1
    return text[:end].rstrip() + ELLIPSIS


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` columns (unchanged when wider)."""
    return text + " " * max(0, width - text_width(text))


def fit(text: str, width: int) -> str:
    """``text`` truncated and padded to exactly ``width`` columns."""
    return pad(truncate(text, width), width)
