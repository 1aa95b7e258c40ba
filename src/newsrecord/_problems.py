"""Problems found in records, and their stable codes.

A :class:`Problem` is one thing wrong with one record: what (``code``, ``message``),
where in the record (``path``, a JSON path such as ``$.quotes[2].start``) and, when
the record came from a file, where in the file (``file``, ``line``).  The codes are
part of the public contract: they never change meaning and are documented in
``docs/validation.md``.
"""

from __future__ import annotations

from typing import Final

import attrs

__all__ = ["CODES", "Problem"]

#: Every problem code, with a one-line description.  Stable: codes are only ever added.
CODES: Final[dict[str, str]] = {
    "malformed-json": "the line or file is not valid JSON, or not a JSON object",
    "malformed-csv": "a CSV table is not well-formed, or its rows do not fit together",
    "wrong-type": "a value has the wrong JSON type (a string where a list is expected, ...)",
    "unknown-field": "a key the record format does not define (often a typo)",
    "missing-field": "a required key is absent",
    "schema-version": "the 'schema' key is absent or names another version than newsrecord/1",
    "invalid-value": "a value of the right type that can never be valid (negative offset, ...)",
    "empty-title": "the title is empty or only white space",
    "invalid-language": "the language is not a well-formed BCP 47 tag",
    "span-out-of-range": (
        "a quote's or a mention's start/end lie outside the article text (the title, for "
        "title_quote)"
    ),
    "span-mismatch": (
        "the article text (the title, for title_quote) between a quote's or a mention's "
        "start and end is not its text"
    ),
    "unknown-speaker": "a quote's or an entity's speaker_id names no speaker of the article",
    "duplicate-id": (
        "two quotes, speakers or entities of an article, or two articles, share an id; "
        "or two entities link the same speaker"
    ),
    "future-date": "published lies after the reference time (--now, default: now)",
    "missing-timezone": "published has no UTC offset (only with --require-timezone)",
    "io-error": "the file could not be read",
}


@attrs.frozen(kw_only=True)
class Problem:
    """One problem with one record."""

    #: A stable code from :data:`CODES`.
    code: str
    #: A sentence for people.
    message: str
    #: Where in the record, as a JSON path (``$`` is the record itself).
    path: str = "$"
    #: The file the record came from, when known.
    file: str | None = None
    #: The 1-based line of the file (for CSV: of the row) the record came from, when known.
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file or '<input>'}:{self.line if self.line is not None else 0}"
        return f"{where}: {self.path}: {self.code}: {self.message}"
