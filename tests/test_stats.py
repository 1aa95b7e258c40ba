"""Tests of ``newsrecord._stats``: counts over a dataset and their text, JSON and CSV.

The articles here are made up for these tests.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsrecord import Affiliation, Article, Quote, QuoteKind, Speaker, SpeakerKind
from newsrecord._stats import DatasetStats, Tally, format_stats, stats
from strategies import articles

UTC = dt.timezone.utc


def article(
    ident: str,
    quotes: list[tuple[QuoteKind, str | None, str | None]],
    *,
    speakers: tuple[Speaker, ...] = (),
    published: dt.datetime | None = None,
    language: str | None = "en",
) -> Article:
    """An article with one paragraph a quote: ``(kind, speaker id, cue)`` each."""
    paragraphs = tuple(f"Words number {index}." for index in range(len(quotes))) or ("Quiet.",)
    built = []
    start = 0
    for index, (kind, speaker, cue) in enumerate(quotes):
        text = paragraphs[index]
        built.append(
            Quote(
                id=f"q{index}",
                kind=kind,
                text=text,
                start=start,
                end=start + len(text),
                speaker_id=speaker,
                cue=cue,
            )
        )
        start += len(text) + 2
    return Article(
        id=ident,
        title=f"Article {ident}",
        published=published,
        language=language,
        paragraphs=paragraphs,
        speakers=speakers,
        quotes=tuple(built),
    )


NOVAK = Speaker(
    id="s1",
    name="Jana  Novak",  # white space is collapsed in the counts
    affiliations=(Affiliation(organization="Institute of Transport Studies", role="economist"),),
)
NOVAK_AGAIN = Speaker(
    id="x9",
    name="Jana Novak",
    affiliations=(Affiliation(organization="Lindgrove University", role="lecturer"),),
)
COUNCIL = Speaker(id="s2", name="City Council", kind=SpeakerKind.ORGANIZATION)
DIRECT, INDIRECT, MIXED = QuoteKind.DIRECT, QuoteKind.INDIRECT, QuoteKind.MIXED

DATASET = [
    article(
        "a1",
        [(DIRECT, "s1", "said"), (INDIRECT, "s1", "Said"), (INDIRECT, "s2", "according to")],
        speakers=(NOVAK, COUNCIL),
        published=dt.datetime(2024, 3, 14, 9, 15),
    ),
    article(
        "a2",
        [(MIXED, "x9", "called"), (DIRECT, None, None)],
        speakers=(NOVAK_AGAIN,),
        published=dt.datetime(2024, 3, 14, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=5))),
        language="sl",
    ),
    article("a3", [], published=None, language=None),
]


def test_counts() -> None:
    result = stats(DATASET)
    assert result.articles == 3
    assert result.quotes == 5
    assert result.quotes_by_kind == (Tally("direct", 2), Tally("indirect", 2), Tally("mixed", 1))
    assert result.unattributed == 1
    assert result.unattributed_share == pytest.approx(0.2)
    assert result.cues == (Tally("said", 2), Tally("according to", 1), Tally("called", 1))
    assert result.languages == (Tally("en", 1), Tally("sl", 1), Tally("und", 1))
    assert result.undated == 1


def test_speakers_by_resolved_name_with_every_affiliation() -> None:
    (novak, council) = stats(DATASET).speakers
    assert novak.name == "Jana Novak"
    assert (novak.quotes, novak.articles) == (3, 2)
    assert novak.affiliations == (
        "economist, Institute of Transport Studies",
        "lecturer, Lindgrove University",
    )
    assert (council.name, council.kind, council.quotes) == (
        "City Council",
        SpeakerKind.ORGANIZATION,
        1,
    )
    assert stats(DATASET).distinct_speakers == 2


def test_organisations_count_quotes_of_their_people_and_their_own() -> None:
    assert stats(DATASET).organizations == (
        Tally("Institute of Transport Studies", 2),
        Tally("City Council", 1),
        Tally("Lindgrove University", 1),
    )


def test_date_range_compares_aware_and_naive_dates() -> None:
    result = stats(DATASET)
    # 12:00 at UTC+5 is 07:00 UTC, before the naive 09:15 (taken as UTC).
    assert result.first_published == dt.datetime(
        2024, 3, 14, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=5))
    )
    assert result.last_published == dt.datetime(2024, 3, 14, 9, 15)


def test_top_limits_the_lists() -> None:
    result = stats(DATASET, top=1)
    assert [row.name for row in result.speakers] == ["Jana Novak"]
    assert result.cues == (Tally("said", 2),)
    assert len(result.organizations) == 1
    assert len(result.languages) == 3  # languages are never cut
    assert len(stats(DATASET, top=None).cues) == 3


def test_empty_dataset() -> None:
    result = stats([])
    assert (result.articles, result.quotes, result.unattributed_share) == (0, 0, 0.0)
    assert result.first_published is None
    assert "dates:    none" in format_stats(result)


def test_stats_reads_an_iterator_once() -> None:
    assert stats(iter(DATASET)).articles == 3


def test_text_format() -> None:
    text = format_stats(stats(DATASET))
    assert text.splitlines()[:5] == [
        "articles: 3",
        "quotes:   5, 2 direct, 2 indirect, 1 mixed",
        "without a speaker: 1 (20.0%)",
        "dates:    2024-03-14T12:00:00+05:00 to 2024-03-14T09:15:00 (1 undated)",
        "languages: en 1, sl 1, und 1",
    ]
    assert (
        "  3  Jana Novak (economist, Institute of Transport Studies; "
        "lecturer, Lindgrove University)"
    ) in text.splitlines()


def test_json_format_is_the_dict() -> None:
    result = stats(DATASET)
    data = json.loads(format_stats(result, "json"))
    assert data == result.as_dict()
    assert data["quotes_by_kind"] == {"direct": 2, "indirect": 2, "mixed": 1}
    assert data["speakers"][0] == {
        "name": "Jana Novak",
        "kind": "person",
        "quotes": 3,
        "articles": 2,
        "affiliations": [
            "economist, Institute of Transport Studies",
            "lecturer, Lindgrove University",
        ],
    }
    assert data["first_published"] == "2024-03-14T12:00:00+05:00"


def test_csv_format_rows() -> None:
    rows = list(csv.reader(io.StringIO(format_stats(stats(DATASET), "csv"))))
    assert rows[0] == ["section", "name", "count", "detail"]
    assert ["articles", "", "3", ""] in rows
    assert ["kind", "mixed", "1", ""] in rows
    assert ["unattributed", "", "1", "0.2000"] in rows
    assert [
        "speaker",
        "Jana Novak",
        "3",
        "economist, Institute of Transport Studies; lecturer, Lindgrove University",
    ] in rows
    assert ["language", "und", "1", ""] in rows
    assert ["first_published", "", "", "2024-03-14T12:00:00+05:00"] in rows


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        format_stats(stats([]), "xml")  # type: ignore[arg-type]


@settings(max_examples=40, deadline=None)
@given(st.lists(articles(), max_size=5))
def test_counts_add_up(dataset: list[Article]) -> None:
    result = stats(dataset, top=None)
    assert isinstance(result, DatasetStats)
    assert result.articles == len(dataset)
    assert result.quotes == sum(len(a.quotes) for a in dataset)
    assert sum(row.count for row in result.quotes_by_kind) == result.quotes
    attributed = sum(row.quotes for row in result.speakers)
    assert attributed + result.unattributed == result.quotes
    assert sum(row.count for row in result.languages) == result.articles
    assert result.undated == sum(a.published is None for a in dataset)
    assert json.loads(format_stats(result, "json"))["quotes"] == result.quotes


def test_people_and_organisations_named_by_articles_and_mentions() -> None:
    from newsrecord import Entity, EntityTally, Span

    text = "Ana Lind met Ivo Hart. Lind left."
    lind = Entity(
        id="e1",
        name="Ana  Lind",
        kind=SpeakerKind.PERSON,
        speaker_id="s1",
        mentions=(Span(start=0, end=8, text="Ana Lind"), Span(start=23, end=27, text="Lind")),
    )
    hart = Entity(
        id="e2",
        name="Ivo Hart",
        kind=SpeakerKind.PERSON,
        mentions=(Span(start=13, end=21, text="Ivo Hart"),),
    )
    first = Article(
        id="n1",
        title="Met",
        paragraphs=(text,),
        speakers=(Speaker(id="s1", name="Ana Lind"),),
        entities=(lind, hart),
    )
    second = Article(
        id="n2",
        title="Again",
        paragraphs=(text,),
        entities=(Entity(id="e1", name="Ana Lind", kind=SpeakerKind.PERSON),),
    )
    result = stats([first, second, *DATASET])
    assert result.distinct_named == 2
    assert result.named == (
        EntityTally(name="Ana Lind", kind=SpeakerKind.PERSON, articles=2, mentions=2, quoted_in=1),
        EntityTally(name="Ivo Hart", kind=SpeakerKind.PERSON, articles=1, mentions=1, quoted_in=0),
    )
    text_lines = format_stats(result).splitlines()
    assert "named in most articles (2 people and organisations; articles, mentions):" in text_lines
    assert "  2 2  Ana Lind" in text_lines
    assert "  1 1  Ivo Hart (never quoted)" in text_lines
    assert json.loads(format_stats(result, "json"))["named"][1] == {
        "name": "Ivo Hart",
        "kind": "person",
        "articles": 1,
        "mentions": 1,
        "quoted_in": 0,
    }
    rows = list(csv.reader(io.StringIO(format_stats(result, "csv"))))
    assert ["named", "Ana Lind", "2", "2 mentions; quoted in 1"] in rows
    assert stats(DATASET).named == ()
    assert "named in most" not in format_stats(stats(DATASET))
