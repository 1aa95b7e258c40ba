"""Articles as eight related pandas DataFrames (the optional extra ``newsrecord[pandas]``).

The tables and their columns are those of the CSV dataset (``docs/csv.md``): ``articles``,
``quotes``, ``speakers``, ``affiliations``, ``entities``, ``entity_affiliations``,
``entity_mentions`` and ``title_quotes``, tied together by ``article_id`` (and ``speaker_id``,
``entity_id``).  Values are Python values rather than CSV cells: ``None`` for null,
lists for ``authors``, ``paragraphs`` and ``aliases``, ints for ``start`` and ``end``,
and the ``datetime`` of each article in ``published``.  pandas is imported only when
:func:`to_dataframes` is called: it is not a dependency of newsrecord.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from newsrecord._csvio import (
    AFFILIATIONS,
    ARTICLES,
    COLUMNS,
    ENTITIES,
    ENTITY_AFFILIATIONS,
    ENTITY_MENTIONS,
    QUOTES,
    SPEAKERS,
    TITLE_QUOTES,
)
from newsrecord._errors import MissingExtraError
from newsrecord._model import Article

if TYPE_CHECKING:
    from pandas import DataFrame

__all__ = ["to_dataframes"]


def _pandas() -> Any:
    try:
        return importlib.import_module("pandas")
    except ImportError as error:
        raise MissingExtraError(
            f"to_dataframes needs pandas, which cannot be imported ({error}); "
            "install it with: pip install 'newsrecord[pandas]'"
        ) from None


def _rows(articles: Iterable[Article]) -> dict[str, list[tuple[Any, ...]]]:
    rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in COLUMNS}
    for a in articles:
        rows[ARTICLES].append(
            (a.id, "newsrecord/1", a.title, a.published, a.published_raw, a.language,
             a.source, a.url, list(a.authors), list(a.paragraphs))
        )  # fmt: skip
        for q in a.quotes:
            rows[QUOTES].append(
                (a.id, q.id, q.kind.value, q.text, q.start, q.end, q.speaker_id, q.mention,
                 q.cue, q.via)
            )  # fmt: skip
        for s in a.speakers:
            rows[SPEAKERS].append((a.id, s.id, s.name, s.kind.value, list(s.aliases)))
        for s in a.speakers:
            for f in s.affiliations:
                rows[AFFILIATIONS].append((a.id, s.id, f.organization, f.role))
        for e in a.entities:
            rows[ENTITIES].append((a.id, e.id, e.name, e.kind.value, e.speaker_id))
        for e in a.entities:
            for f in e.affiliations:
                rows[ENTITY_AFFILIATIONS].append((a.id, e.id, f.organization, f.role))
        for e in a.entities:
            for m in e.mentions:
                rows[ENTITY_MENTIONS].append((a.id, e.id, m.start, m.end, m.text))
        if (t := a.title_quote) is not None:
            rows[TITLE_QUOTES].append(
                (a.id, t.id, t.kind.value, t.text, t.start, t.end, t.speaker_id, t.mention,
                 t.cue, t.via)
            )  # fmt: skip
    return rows


def to_dataframes(articles: Iterable[Article]) -> dict[str, DataFrame]:
    """The articles as eight related DataFrames: ``articles``, ``quotes``, ``speakers``,
    ``affiliations``, ``entities``, ``entity_affiliations``, ``entity_mentions`` and
    ``title_quotes`` (the keys of the dict), with the columns of the CSV tables.

    ``published`` holds the ``datetime`` of each article (or ``None``), naive or aware as
    in the records; ``pandas.to_datetime(frame["published"], utc=True)`` makes it one
    column of UTC times when all are aware.  Needs pandas (``pip install
    'newsrecord[pandas]'``); raises :class:`~newsrecord.MissingExtraError`
    without it.
    """
    pandas = _pandas()
    frames: dict[str, DataFrame] = {}
    for table, rows in _rows(articles).items():
        columns = list(COLUMNS[table])
        frame = pandas.DataFrame.from_records(rows, columns=columns)
        if table == ARTICLES:  # never converted to datetime64: naive and aware may mix
            frame["published"] = pandas.Series(
                [row[3] for row in rows], index=frame.index, dtype=object
            )
        if table in (QUOTES, ENTITY_MENTIONS, TITLE_QUOTES):
            frame = frame.astype({"start": "int64", "end": "int64"})
        frames[table.removesuffix(".csv")] = frame
    return frames
