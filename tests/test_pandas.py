"""Tests of ``newsrecord._pandas``: ``to_dataframes``, with pandas (the ``pandas`` extra)."""

from __future__ import annotations

import datetime as dt
import importlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

from newsrecord import Article, MissingExtraError, read_csv, to_dataframes, write_csv
from newsrecord._csvio import COLUMNS
from newsrecord.adapters import from_telegram, from_trafilatura
from strategies import articles

pandas = pytest.importorskip("pandas")

DATA = Path(__file__).parent / "data" / "adapters"


def sample() -> list[Article]:
    return [
        *from_trafilatura(DATA / "trafilatura.json"),
        *from_telegram(DATA / "telegram-result.json"),
    ]


def test_eight_tables_with_the_csv_columns() -> None:
    frames = to_dataframes(sample())
    assert sorted(frames) == [
        "affiliations",
        "articles",
        "entities",
        "entity_affiliations",
        "entity_mentions",
        "quotes",
        "speakers",
        "title_quotes",
    ]
    for name, frame in frames.items():
        assert list(frame.columns) == list(COLUMNS[name + ".csv"])
    assert len(frames["articles"]) == 3
    assert frames["quotes"]["start"].dtype == "int64"
    published = list(frames["articles"]["published"])
    assert published[0] == dt.datetime(2024, 3, 14)
    assert published[1] == dt.datetime(2024, 3, 14, 9, 15, tzinfo=dt.timezone.utc)
    assert frames["articles"]["authors"][0] == ["Lea Marsh", "Tom Reed"]


def test_who_said_what_in_three_lines() -> None:
    tables = to_dataframes(sample())
    said = tables["quotes"].merge(tables["speakers"], on=["article_id", "speaker_id"])
    rows = sorted(zip(said["name"], said["kind_x"], said["text"], strict=True))
    assert rows[0] == ("Ivo Brandt", "direct", "We will keep one lane open at all times,")
    assert {name for name, _kind, _text in rows} == {"Ivo Brandt", "Jana Novak", "the water office"}


@settings(max_examples=30, deadline=None)
@given(articles())
def test_the_rows_are_those_of_the_csv_tables(article: Article) -> None:
    frames = to_dataframes([article])
    assert len(frames["articles"]) == 1
    assert len(frames["quotes"]) == len(article.quotes)
    assert len(frames["speakers"]) == len(article.speakers)
    assert len(frames["affiliations"]) == sum(len(s.affiliations) for s in article.speakers)
    assert list(frames["quotes"]["quote_id"]) == [q.id for q in article.quotes]
    assert list(frames["speakers"]["aliases"]) == [list(s.aliases) for s in article.speakers]
    assert list(frames["entities"]["entity_id"]) == [e.id for e in article.entities]
    linked = [None if pandas.isna(value) else value for value in frames["entities"]["speaker_id"]]
    assert linked == [e.speaker_id for e in article.entities]
    assert len(frames["entity_affiliations"]) == sum(len(e.affiliations) for e in article.entities)
    mentions = [m for e in article.entities for m in e.mentions]
    assert list(frames["entity_mentions"]["text"]) == [m.text for m in mentions]
    assert list(frames["entity_mentions"]["start"]) == [m.start for m in mentions]
    headline = [article.title_quote] if article.title_quote is not None else []
    assert list(frames["title_quotes"]["quote_id"]) == [q.id for q in headline]
    assert list(frames["title_quotes"]["end"]) == [q.end for q in headline]
    assert frames["title_quotes"]["start"].dtype == "int64"


def test_the_same_tables_as_read_csv_gives(tmp_path: Path) -> None:
    write_csv(sample(), tmp_path / "d")
    again = to_dataframes(read_csv(tmp_path / "d"))
    first = to_dataframes(sample())
    for name in first:
        pandas.testing.assert_frame_equal(first[name], again[name])


def test_empty() -> None:
    frames = to_dataframes([])
    assert all(frame.empty for frame in frames.values())
    assert list(frames["quotes"].columns) == list(COLUMNS["quotes.csv"])


def test_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.import_module

    def refuse(name: str, *args: Any) -> Any:
        if name == "pandas":
            raise ImportError("No module named 'pandas'")
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", refuse)
    with pytest.raises(MissingExtraError, match=r"pip install 'newsrecord\[pandas\]'"):
        to_dataframes(sample())
