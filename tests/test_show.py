"""Tests of ``newsrecord._show``: the terminal view of an article and its quotes.

The articles here are made up for these tests.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsrecord
from newsrecord import Affiliation, Article, Quote, QuoteKind, Speaker, SpeakerKind
from newsrecord._show import filter_quotes, format_article, format_published
from newsrecord._termwidth import BIDI_CONTROLS, text_width
from strategies import articles

PARAGRAPHS = (
    "Олег Петров, экономист Института города, сказал, что план слишком дорог.",
    "“東京の計画は違う,” said Aiko Mori of the Harbour Office.",
    "“Nobody asked us,” a resident said.",
)
TEXT = "\n\n".join(PARAGRAPHS)


def _span(fragment: str) -> tuple[int, int]:
    start = TEXT.index(fragment)
    return start, start + len(fragment)


def _quote(ident: str, kind: QuoteKind, fragment: str, speaker: str | None, **more: str) -> Quote:
    start, end = _span(fragment)
    return Quote(
        id=ident, kind=kind, text=fragment, start=start, end=end, speaker_id=speaker, **more
    )


ARTICLE = Article(
    id="a1",
    title="Городской совет спорит о плане",
    published=dt.datetime(2024, 5, 6, 7, 8, tzinfo=dt.timezone(dt.timedelta(hours=3))),
    language="ru",
    paragraphs=PARAGRAPHS,
    speakers=(
        Speaker(
            id="s1",
            name="Олег Петров",
            affiliations=(Affiliation(organization="Институт города", role="экономист"),),
        ),
        Speaker(
            id="s2",
            name="Aiko Mori",
            aliases=("Ms. Mori",),
            affiliations=(Affiliation(organization="Harbour Office"),),
        ),
        Speaker(id="s3", name="Harbour Office", kind=SpeakerKind.ORGANIZATION),
    ),
    quotes=(
        _quote("q1", QuoteKind.INDIRECT, "план слишком дорог", "s1", cue="сказал"),
        _quote("q2", QuoteKind.DIRECT, "東京の計画は違う,", "s2", cue="said", via="Radio 7"),
        _quote("q3", QuoteKind.DIRECT, "Nobody asked us,", None, cue="said"),
    ),
)


def test_header_and_one_row_a_quote() -> None:
    text = format_article(ARTICLE, width=120, source="council.jsonl")
    lines = text.splitlines()
    assert lines[0] == "Городской совет спорит о плане"
    assert lines[1] == "2024-05-06 07:08 +03:00 · ru · 3 quotes · council.jsonl"
    assert lines[2] == ""
    assert lines[3].split() == ["kind", "speaker", "role,", "affiliation", "cue", "via", "quote"]
    assert lines[4].split()[:3] == ["indirect", "Олег", "Петров"]
    assert "экономист, Институт города" in lines[4]
    assert lines[4].endswith("план слишком дорог")
    assert "Radio 7" in lines[5]
    assert lines[5].endswith("東京の計画は違う,")
    assert lines[6].split()[:2] == ["direct", "—"]  # no speaker
    assert len(lines) == 7
    assert text.endswith("\n")


def test_columns_line_up_in_terminal_columns() -> None:
    header, *rows = format_article(ARTICLE, width=100).splitlines()[3:]
    quote_column = text_width(header[: header.index("quote")])
    via_column = text_width(header[: header.index("via")])
    for row, quote in zip(rows, ARTICLE.quotes, strict=True):
        # The quote and the via cell start at the same terminal column in every row,
        # whether the cells before them are Cyrillic, Japanese or Latin.
        assert text_width(row[: row.index(quote.text)]) == quote_column
        via = quote.via or "—"
        assert text_width(row[: row.rindex(via, 0, row.index(quote.text))]) == via_column


@pytest.mark.parametrize("width", [40, 60, 80, 120, 200])
def test_no_line_is_wider_than_the_width(width: int) -> None:
    for line in format_article(ARTICLE, width=width).splitlines():
        assert text_width(line) <= width


def test_long_quotes_are_shortened_with_an_ellipsis() -> None:
    long = Article(
        id="a2",
        title="Long",
        paragraphs=("x " * 200,),
        quotes=(Quote(id="q1", kind=QuoteKind.INDIRECT, text="x " * 199 + "x", start=0, end=399),),
    )
    (row,) = format_article(long, width=60).splitlines()[4:]
    assert row.endswith("…")
    assert text_width(row) <= 60


def test_colour_only_when_asked() -> None:
    assert "\x1b[" not in format_article(ARTICLE)
    coloured = format_article(ARTICLE, color=True)
    assert "\x1b[32mdirect  \x1b[0m" in coloured  # direct in green
    assert "\x1b[1mОлег Петров" in coloured  # the speaker in bold


def test_control_characters_of_the_data_do_not_reach_the_terminal() -> None:
    hostile = Article(
        id="a3",
        title="Title\x1b]0;owned\x07",
        paragraphs=("He said \x1b[2Jclear.",),
        speakers=(Speaker(id="s1", name="Evil\x1b[31m Name"),),
        quotes=(
            Quote(
                id="q1",
                kind=QuoteKind.INDIRECT,
                text="\x1b[2Jclear",
                start=8,
                end=17,
                speaker_id="s1",
            ),
        ),
    )
    text = format_article(hostile, color=True)
    assert "\x1b]" not in text
    assert "\x1b[2J" not in text
    assert "\x1b[31m" not in text
    assert "\x07" not in text


def test_filter_by_speaker_name_alias_and_kind() -> None:
    assert [q.id for q in filter_quotes(ARTICLE, speaker="петров")] == ["q1"]
    assert [q.id for q in filter_quotes(ARTICLE, speaker="ms. mori")] == ["q2"]
    assert [q.id for q in filter_quotes(ARTICLE, speaker="Mori")] == ["q2"]
    assert [q.id for q in filter_quotes(ARTICLE, kinds={QuoteKind.DIRECT})] == ["q2", "q3"]
    assert filter_quotes(ARTICLE, speaker="Mori", kinds={QuoteKind.INDIRECT}) == ()
    assert len(filter_quotes(ARTICLE)) == 3


def test_filtered_header_says_how_many_of_how_many() -> None:
    text = format_article(ARTICLE, kinds={QuoteKind.DIRECT})
    assert "2 of 3 quotes" in text.splitlines()[1]
    assert len(text.splitlines()) == 6


def test_article_without_quotes_is_a_header() -> None:
    empty = Article(id="a4", title="Nothing said", paragraphs=("Quiet day.",))
    assert format_article(empty) == "Nothing said\nundated · language unknown · 0 quotes\n"


@pytest.mark.parametrize(
    ("published", "shown"),
    [
        (None, "undated"),
        (dt.datetime(2024, 3, 14, 9, 15), "2024-03-14 09:15"),
        (dt.datetime(2024, 3, 14, 9, 15, 7), "2024-03-14 09:15:07"),
        (dt.datetime(2024, 3, 14, 9, 15, tzinfo=dt.timezone.utc), "2024-03-14 09:15 +00:00"),
        (
            dt.datetime(2024, 3, 14, 9, 15, tzinfo=dt.timezone(-dt.timedelta(hours=5, minutes=30))),
            "2024-03-14 09:15 -05:30",
        ),
    ],
)
def test_format_published(published: dt.datetime | None, shown: str) -> None:
    assert format_published(published) == shown


@settings(max_examples=60, deadline=None)
@given(articles(), st.integers(min_value=30, max_value=160))
def test_any_article_fits_the_width(article: Article, width: int) -> None:
    text = format_article(article, width=width)
    named = any(entity.speaker_id is None for entity in article.entities)
    table, _, also = text.removesuffix("\n").partition("\n\nalso named: ")
    assert bool(also) == named
    # title, details, the headline's quote if any, then a blank line, the header and a
    # row a quote
    headline = article.title_quote is not None
    assert (table + "\n").count("\n") == headline + (
        4 + len(article.quotes) if article.quotes else 2
    )
    for line in text.splitlines():
        assert text_width(line) <= width
        assert not any(unicodedata.category(char) in ("Cc", "Cs") for char in line)
        assert not BIDI_CONTROLS & set(line)


def test_entities_nobody_quotes_are_listed_after_the_table() -> None:
    post = (
        "Posted: 01.02.2024 10:00:00\n\nTram vote\n\n"
        "Transport Minister Ivo Hart opened the line. “It will carry everyone,” said Ana Ruiz, "
        "an economist at the Institute of Transport Studies."
    )
    text = format_article(newsrecord.parse_post(post), width=100)
    also = text.split("also named: ", 1)[1]
    assert "Ivo Hart (Transport Minister)" in also
    assert "Ana Ruiz" not in also  # quoted: in the table


def test_the_headline_quote_is_shown_under_the_header() -> None:
    title = "Петров: план слишком дорог"
    headlined = attrs.evolve(
        ARTICLE,
        title=title,
        title_quote=Quote(
            id="t1",
            kind=QuoteKind.INDIRECT,
            text="план слишком дорог",
            start=8,
            end=len(title),
            speaker_id="s1",
            mention="Петров",
        ),
    )
    lines = format_article(headlined, width=120).splitlines()
    assert lines[0] == title
    assert lines[2] == (
        "headline, indirect: Олег Петров (экономист, Институт города): план слишком дорог"
    )
    assert lines[3] == ""
    assert lines[1].endswith("3 quotes")  # the body's, as before
    assert len(lines) == 8
    assert format_article(headlined, width=30).splitlines()[2].endswith("…")
    assert "headline" not in format_article(ARTICLE, width=120)
    # a filtered table is of body quotes only
    assert "headline" not in format_article(headlined, width=120, speaker="Петров")
