"""Fuzz reading CSV datasets: any tables give records or a documented error.

Run (see fuzz/README.md)::

    python fuzz/make_seeds.py && nice python fuzz/read_csv.py fuzz/corpus/read_csv \
        -dict=fuzz/read_csv.dict -max_total_time=600 -timeout=20 -rss_limit_mb=2048

An input is the eight tables of a dataset, ``articles.csv``, ``quotes.csv``,
``speakers.csv``, ``affiliations.csv``, ``entities.csv``, ``entity_affiliations.csv``,
``entity_mentions.csv`` and ``title_quotes.csv`` in that order, separated by the line
``--8<--`` (see :data:`SEPARATOR`); a table that is not there is left out of the
directory (so an input of four tables is a dataset as written before entities existed,
one of seven a dataset written before headline quotes).  The first byte is a
flag: bit 0 reads with ``spreadsheet_safe=True``.
What is checked besides "no unexpected exception":

* ``read_csv`` and ``validate`` agree: the reader fails exactly when the validator finds
  a problem (not counting the dataset-level ``future-date`` and ``duplicate-id`` of an
  article id);
* the articles read survive ``write_csv`` and ``read_csv`` unchanged.
"""

from __future__ import annotations

import datetime as dt
import shutil

from _common import EXPECTED, run, scratch_directory

from newsrecord import read_csv, validate, write_csv
from newsrecord._problems import Problem

SEPARATOR = b"\n--8<--\n"
TABLES = (
    "articles.csv",
    "quotes.csv",
    "speakers.csv",
    "affiliations.csv",
    "entities.csv",
    "entity_affiliations.csv",
    "entity_mentions.csv",
    "title_quotes.csv",
)

_SCRATCH = scratch_directory()
_IN = _SCRATCH / "in"
_OUT = _SCRATCH / "out"
_NOW = dt.datetime(2100, 1, 1, tzinfo=dt.timezone.utc)


def _dataset_level(problem: Problem) -> bool:
    """A problem of the dataset, which a reader of records does not check."""
    return problem.code == "future-date" or (
        problem.code == "duplicate-id" and problem.path == "$.id"
    )


def test_one_input(data: bytes) -> None:
    flags, body = (data[0], data[1:]) if data else (0, b"")
    safe = bool(flags & 1)
    shutil.rmtree(_IN, ignore_errors=True)
    _IN.mkdir()
    for table, content in zip(TABLES, body.split(SEPARATOR), strict=False):
        (_IN / table).write_bytes(content)
    try:
        articles = list(read_csv(_IN, spreadsheet_safe=safe))
    except EXPECTED as error:
        articles = None
        failure: BaseException | None = error
    else:
        failure = None
    report = validate(str(_IN), now=_NOW, spreadsheet_safe=safe)
    record_problems = [p for p in report.problems if not _dataset_level(p)]
    if articles is None:
        assert record_problems, f"read_csv failed ({failure!r}) but validate found nothing"
        return
    assert not record_problems, f"read_csv read it but validate found {record_problems}"
    assert len(articles) == report.records, (len(articles), report.records)
    shutil.rmtree(_OUT, ignore_errors=True)
    try:
        write_csv(articles, _OUT, spreadsheet_safe=safe)
    except EXPECTED:  # a lone surrogate from a JSON escape in a list cell: documented
        return
    again = list(read_csv(_OUT, spreadsheet_safe=safe))
    assert again == articles, "write_csv + read_csv changed the articles"


if __name__ == "__main__":
    run(test_one_input)
