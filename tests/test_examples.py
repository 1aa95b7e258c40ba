"""The example posts in ``examples/`` parse into the records their prose implies.

Each post was written to exercise the attribution rules that the documentation describes
(a quote attributed after it and before it, an indirect quote, "according to", an
appositive, a pronoun, a role noun and a quote split by its attribution).  The expected
records below are what a reader of the post would write down, so a change in the parser
that loses one of them fails here.
"""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path
from typing import NamedTuple

import pytest

import newsrecord
from newsrecord import Affiliation, Article, QuoteKind, SpeakerKind

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

DIRECT = QuoteKind.DIRECT
INDIRECT = QuoteKind.INDIRECT
PERSON = SpeakerKind.PERSON
ORGANIZATION = SpeakerKind.ORGANIZATION


class S(NamedTuple):
    """An expected speaker: aliases must be among the speaker's, affiliations equal."""

    name: str
    kind: SpeakerKind
    aliases: tuple[str, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()


class Q(NamedTuple):
    """An expected quote; ``starts``/``ends`` are compared with the trimmed quote text."""

    kind: QuoteKind
    speaker: str
    mention: str
    cue: str
    starts: str
    ends: str
    via: str | None = None


class Post(NamedTuple):
    file: str
    title: str
    published: dt.datetime
    paragraphs: int
    speakers: tuple[S, ...]
    quotes: tuple[Q, ...]
    language: str = "en"


DRONE_PLANT_EN = Post(
    file="editions/drone_plant.txt",
    title="Expert: Lornia and Belarus to build a joint drone plant",
    published=dt.datetime(2024, 2, 14, 11, 20),
    paragraphs=5,
    speakers=(
        S(
            "Oleg Rakitin",
            PERSON,
            aliases=("Mr. Rakitin", "the expert"),
            affiliations=(
                Affiliation(organization="Institute of Regional Studies", role="expert"),
            ),
        ),
        S("Industry Ministry", ORGANIZATION),
        S(
            "Marina Orlova",
            PERSON,
            affiliations=(Affiliation(organization="Industry Ministry", role="head"),),
        ),
    ),
    quotes=(
        Q(
            INDIRECT,
            "Oleg Rakitin",
            "Oleg Rakitin, an expert at the Institute of Regional Studies",
            "noted",
            "Industrial co-operation between Belarus and Lornia",
            "after the Soviet era came to an end",
            via="Polesie Radio",
        ),
        Q(
            INDIRECT,
            "Industry Ministry",
            "the Industry Ministry",
            "reported",
            "Minsk and Varn will sign an agreement",
            "Lornian Deputy Prime Minister Ivo Tasic",
        ),
        Q(
            DIRECT,
            "Oleg Rakitin",
            "Mr. Rakitin",
            "noted",
            "Joint production means new jobs",
            "we are building together",
        ),
        Q(
            INDIRECT,
            "Oleg Rakitin",
            "The expert",
            "recalled",
            "in the 1990s foreign advisers",
            "to close its factories",
        ),
        Q(DIRECT, "Oleg Rakitin", "he", "stressed", "Those who listened", "and we kept ours"),
        Q(
            INDIRECT,
            "Marina Orlova",
            "Marina Orlova, head of the analytical department at the Industry Ministry",
            "said",
            "the first drones would leave the assembly line",
            "in 2025",
        ),
    ),
)

DRONE_PLANT_RU = Post(
    file="editions/drone_plant.ru.txt",
    title="Эксперт: Лорния и Беларусь построят совместный завод беспилотников",
    published=dt.datetime(2024, 2, 14, 11, 20),
    paragraphs=5,
    language="ru",
    speakers=(
        S(
            "Олег Ракитин",
            PERSON,
            aliases=("Ракитин", "эксперт"),
            affiliations=(
                Affiliation(organization="Институт региональных исследований", role="эксперт"),
            ),
        ),
        S("Министерство промышленности", ORGANIZATION),
        S(
            "Марина Орлова",
            PERSON,
            affiliations=(
                Affiliation(
                    organization="Министерство промышленности",
                    role="начальник аналитического управления",
                ),
            ),
        ),
    ),
    quotes=(
        Q(
            INDIRECT,
            "Олег Ракитин",
            "эксперт Института региональных исследований Олег Ракитин",
            "отметил",
            "промышленное сотрудничество Беларуси и Лорнии",
            "после распада Советского Союза",
            via="радио «Полесье»",
        ),
        Q(
            INDIRECT,
            "Министерство промышленности",
            "Министерство промышленности",
            "сообщило",
            "Минск и Варн подпишут соглашение",
            "вице-премьера Лорнии Иво Тасича",
        ),
        Q(
            DIRECT,
            "Олег Ракитин",
            "Ракитин",
            "отметил",
            "Совместное производство — это новые рабочие места",
            "мы строим вместе",
        ),
        Q(
            INDIRECT,
            "Олег Ракитин",
            "Эксперт",
            "напомнил",
            "в 1990-е годы иностранные советники",
            "закрыть свои заводы",
        ),
        Q(
            DIRECT,
            "Олег Ракитин",
            "он",
            "подчеркнул",
            "Те, кто их послушал",
            "а мы свою сохранили",
        ),
        Q(
            INDIRECT,
            "Марина Орлова",
            "Начальник аналитического управления Министерства промышленности Марина Орлова",
            "сказала",
            "первые беспилотники сойдут с конвейера",
            "в 2025 году",
        ),
    ),
)

POSTS = (
    DRONE_PLANT_EN,
    DRONE_PLANT_RU,
    Post(
        file="tram_line.txt",
        title="Lindgrove council approves tram line to the harbour district",
        published=dt.datetime(2024, 3, 14, 9, 15),
        paragraphs=9,
        speakers=(
            S("Lindgrove Transport Department", ORGANIZATION),
            S(
                "Jana Novak",
                PERSON,
                aliases=("Ms. Novak", "the economist"),
                affiliations=(
                    Affiliation(organization="Institute of Transport Studies", role="economist"),
                ),
            ),
            S("Tomas Brenner", PERSON, affiliations=(Affiliation(role="Deputy Mayor"),)),
            S(
                "Piotr Halas",
                PERSON,
                aliases=("the expert",),
                affiliations=(
                    Affiliation(organization="Lindgrove Chamber of Commerce", role="retail expert"),
                ),
            ),
        ),
        quotes=(
            Q(
                INDIRECT,
                "Lindgrove Transport Department",
                "the Lindgrove Transport Department",
                "according to",
                "The Lindgrove city council voted on Wednesday",
                "will cost about 310 million euros",
            ),
            Q(
                INDIRECT,
                "Jana Novak",
                "Jana Novak, an economist at the Institute of Transport Studies",
                "said",
                "the line would pay for itself",
                "if the ridership forecasts hold",
            ),
            Q(
                DIRECT,
                "Jana Novak",
                "Ms. Novak",
                "said",
                "The numbers are not a leap of faith.",
                "than it had planned for",
            ),
            Q(
                INDIRECT,
                "Jana Novak",
                "The economist",
                "recalled",
                "the council had turned down a similar plan in 2009",
                "a zone of warehouses and cranes",
            ),
            Q(
                DIRECT,
                "Jana Novak",
                "she",
                "said",
                "A tram is a promise",
                "that a street will stay a street",
            ),
            Q(
                DIRECT,
                "Jana Novak",
                "she",
                "said",
                "and shops open where people can see them",
                "from the window of a carriage",
            ),
            Q(
                DIRECT,
                "Tomas Brenner",
                "Deputy Mayor Tomas Brenner",
                "noted",
                "We have waited fifteen years for this vote.",
                "better than a bus every twenty minutes",
            ),
            Q(
                INDIRECT,
                "Tomas Brenner",
                "he",
                "said",
                "Construction will begin next spring",
                "before the end of 2027",
            ),
            Q(
                INDIRECT,
                "Piotr Halas",
                "Piotr Halas, a retail expert at the Lindgrove Chamber of Commerce",
                "warned",
                "two years of roadworks could drive customers away",
                "the shops on Mill Street",
            ),
            Q(
                DIRECT,
                "Piotr Halas",
                "the expert",
                "said",
                "Nobody has told the shopkeepers",
                "supposed to survive the building works",
            ),
        ),
    ),
    Post(
        file="river_fish.txt",
        title="Study finds grayling returning to the upper Varna river",
        published=dt.datetime(2024, 9, 2, 17, 40, 12),
        paragraphs=8,
        speakers=(
            S("Eastmoor University", ORGANIZATION),
            S(
                "Helena Marsh",
                PERSON,
                aliases=("Dr. Marsh",),
                affiliations=(Affiliation(organization="Eastmoor University", role="professor"),),
            ),
            S(
                "Colin Reeve",
                PERSON,
                aliases=("the expert",),
                affiliations=(
                    Affiliation(organization="Northern Angling Trust", role="fisheries expert"),
                ),
            ),
        ),
        quotes=(
            Q(
                INDIRECT,
                "Eastmoor University",
                "Eastmoor University",
                "according to",
                "Grayling and brown trout are breeding again",
                "for the first time in three decades",
            ),
            Q(
                INDIRECT,
                "Helena Marsh",
                "Helena Marsh, a professor of biology at Eastmoor University",
                "said",
                "the fish had come back within two years",
                "near the village of Orley",
            ),
            Q(
                DIRECT,
                "Helena Marsh",
                "Dr. Marsh",
                "said",
                "We counted young grayling",
                "In 2019 we found them at one",
                via="Valley Radio",
            ),
            Q(
                INDIRECT,
                "Helena Marsh",
                "She",
                "explained",
                "the weir had blocked the way",
                "where the fish lay their eggs",
            ),
            Q(DIRECT, "Helena Marsh", "she", "said", "The river did most", "of the work"),
            Q(
                DIRECT,
                "Helena Marsh",
                "she",
                "said",
                "and all we did was take a wall",
                "out of its way",
            ),
            Q(
                INDIRECT,
                "Colin Reeve",
                "Colin Reeve, a fisheries expert at the Northern Angling Trust",
                "said",
                "the recovery was welcome",
                "but fragile",
            ),
            Q(
                DIRECT,
                "Colin Reeve",
                "He",
                "noted",
                "One good year does not make a recovery.",
                "much of what we are seeing",
            ),
            Q(
                INDIRECT,
                "Colin Reeve",
                "The expert",
                "recalled",
                "the grayling population had also rebounded in 1998",
                "a chemical spill from a tannery upstream",
            ),
            Q(
                INDIRECT,
                "Helena Marsh",
                "Dr. Marsh",
                "according to",
                "The university plans to publish its full data set",
                "in the spring",
            ),
        ),
    ),
    Post(
        file="trade_fair.txt",
        title="Record crowds at the Brackwater furniture fair as exporters look east",
        published=dt.datetime(2025, 5, 21, 12, 5, 30),
        paragraphs=8,
        speakers=(
            S("Brackwater Trade Fair Company", ORGANIZATION),
            S(
                "Amara Okafor",
                PERSON,
                aliases=("Ms. Okafor",),
                affiliations=(Affiliation(role="director"),),
            ),
            S(
                "Bruno Keller",
                PERSON,
                aliases=("the analyst", "the expert"),
                affiliations=(
                    Affiliation(organization="Council of Timber Industries", role="analyst"),
                ),
            ),
        ),
        quotes=(
            Q(
                INDIRECT,
                "Brackwater Trade Fair Company",
                "the Brackwater Trade Fair Company",
                "according to",
                "More than 48,000 visitors passed through the halls",
                "a record for the event",
            ),
            Q(
                INDIRECT,
                "Amara Okafor",
                "Amara Okafor, the director of the fair",
                "said",
                "the number of exhibitors from abroad had doubled",
                "every stand had been sold by February",
            ),
            Q(
                DIRECT,
                "Amara Okafor",
                "Ms. Okafor",
                "said",
                "We had to turn away",
                "two hundred companies",
            ),
            Q(
                DIRECT,
                "Amara Okafor",
                "Ms. Okafor",
                "said",
                "Next year we will open",
                "a fourth hall",
            ),
            Q(
                DIRECT,
                "Amara Okafor",
                "Ms. Okafor",
                "noted",
                "Furniture is a slow business.",
                "order a hundred of them in December",
            ),
            Q(
                INDIRECT,
                "Bruno Keller",
                "Bruno Keller, an analyst at the Council of Timber Industries",
                "said",
                "most of the new exhibitors were small workshops",
                "to find buyers outside the country",
            ),
            Q(
                INDIRECT,
                "Bruno Keller",
                "The analyst",
                "recalled",
                "the fair nearly closed in 2016",
                "half the halls stood empty",
            ),
            Q(
                DIRECT,
                "Bruno Keller",
                "he",
                "said",
                "Prices for oak have gone up",
                "by a third",
            ),
            Q(
                DIRECT,
                "Bruno Keller",
                "he",
                "said",
                "and a small workshop cannot pass",
                "on to its customers",
            ),
            Q(
                INDIRECT,
                "Bruno Keller",
                "The expert",
                "added",
                "the government's new export credit scheme",
                "companies with more than fifty employees",
            ),
        ),
    ),
)

_EDGES = " \u00a0,.;:!?“”\"'‘’"


def _trim(text: str) -> str:
    """Text without edge spaces, punctuation and quotation marks."""
    return text.strip(_EDGES)


def _organization_name(name: str) -> str:
    # An organisation found after "according to the ..." may keep its article ("the X").
    return name[4:] if name.startswith("the ") else name


@pytest.fixture(scope="module", params=POSTS, ids=[post.file for post in POSTS])
def parsed(request: pytest.FixtureRequest) -> tuple[Post, Article]:
    post: Post = request.param
    with warnings.catch_warnings():
        warnings.simplefilter("error", newsrecord.ParseWarning)
        article = newsrecord.parse_file(EXAMPLES / post.file)
    return post, article


def test_every_example_is_listed() -> None:
    listed = sorted(p.relative_to(EXAMPLES).as_posix() for p in EXAMPLES.rglob("*.txt"))
    assert listed == sorted(p.file for p in POSTS)


def test_metadata(parsed: tuple[Post, Article]) -> None:
    post, article = parsed
    assert article.title == post.title
    assert article.published == post.published
    assert article.published is not None
    assert article.published.tzinfo is None
    assert article.published_raw == post.published.strftime("%d.%m.%Y %H:%M:%S")
    assert article.language == post.language
    assert len(article.paragraphs) == post.paragraphs
    assert article.id == newsrecord.article_id(article.title, article.paragraphs)


def test_speakers(parsed: tuple[Post, Article]) -> None:
    post, article = parsed
    names = [
        _organization_name(s.name) if s.kind is ORGANIZATION else s.name for s in article.speakers
    ]
    assert names == [s.name for s in post.speakers]
    assert [s.id for s in article.speakers] == [f"s{n}" for n in range(1, len(names) + 1)]
    for expected, speaker in zip(post.speakers, article.speakers, strict=True):
        assert speaker.kind is expected.kind, speaker.name
        assert set(expected.aliases) <= set(speaker.aliases), speaker.name
        assert speaker.affiliations == expected.affiliations, speaker.name


def test_quotes(parsed: tuple[Post, Article]) -> None:
    post, article = parsed
    assert len(article.quotes) == len(post.quotes)
    for expected, quote in zip(post.quotes, article.quotes, strict=True):
        where = f"{quote.id}: {quote.text[:40]!r}"
        assert article.text[quote.start : quote.end] == quote.text, where
        assert quote.kind is expected.kind, where
        speaker = article.speaker(quote.speaker_id)
        assert speaker is not None, where
        name = _organization_name(speaker.name) if speaker.kind is ORGANIZATION else speaker.name
        assert name == expected.speaker, where
        assert quote.mention == expected.mention, where
        assert quote.cue == expected.cue, where
        assert quote.via == expected.via, where
        assert _trim(quote.text).startswith(_trim(expected.starts)), where
        assert _trim(quote.text).endswith(_trim(expected.ends)), where


def test_quote_ids_follow_text_order(parsed: tuple[Post, Article]) -> None:
    _post, article = parsed
    assert [q.id for q in article.quotes] == [f"q{n}" for n in range(1, len(article.quotes) + 1)]
    assert [q.start for q in article.quotes] == sorted(q.start for q in article.quotes)


def test_csv_round_trip(parsed: tuple[Post, Article], tmp_path: Path) -> None:
    _post, article = parsed
    newsrecord.write_csv([article], tmp_path / "csv")
    assert list(newsrecord.read_csv(tmp_path / "csv")) == [article]


def test_json_round_trip(parsed: tuple[Post, Article]) -> None:
    _post, article = parsed
    text = newsrecord.to_json(article)
    assert text.startswith('{"schema":"newsrecord/1",')
    assert newsrecord.from_json(text) == article


# --------------------------------------------------------------------------- the pair

#: The Russian edition's words for the English edition's: names, organisations, media
#: and cue verbs (отметил is "noted", сказала "said"), aliases and roles.
EDITION: dict[str, str] = {
    "Олег Ракитин": "Oleg Rakitin",
    "Марина Орлова": "Marina Orlova",
    "Министерство промышленности": "Industry Ministry",
    "Институт региональных исследований": "Institute of Regional Studies",
    "радио «Полесье»": "Polesie Radio",
    "отметил": "noted",
    "сообщило": "reported",
    "напомнил": "recalled",
    "подчеркнул": "stressed",
    "сказала": "said",
}
ALIASES: dict[str, str] = {"Ракитин": "Mr. Rakitin", "эксперт": "the expert"}
ROLES: dict[str, str] = {"эксперт": "expert", "начальник аналитического управления": "head"}


def _records(article: Article, english: bool) -> tuple[object, ...]:
    """What the two editions share: speakers (name, kind, aliases, affiliations) and
    quotes (kind, speaker id, cue, via), the Russian in English words."""

    def word(table: dict[str, str], value: str | None) -> str | None:
        return value if value is None or english else table[value]

    speakers = tuple(
        (
            s.id,
            word(EDITION, s.name),
            s.kind,
            tuple(word(ALIASES, a) for a in s.aliases),
            tuple((word(EDITION, a.organization), word(ROLES, a.role)) for a in s.affiliations),
        )
        for s in article.speakers
    )
    quotes = tuple(
        (q.kind, q.speaker_id, word(EDITION, q.cue), word(EDITION, q.via)) for q in article.quotes
    )
    return speakers, quotes


def test_the_russian_edition_parses_into_the_english_records() -> None:
    english = newsrecord.parse_file(EXAMPLES / DRONE_PLANT_EN.file)
    russian = newsrecord.parse_file(EXAMPLES / DRONE_PLANT_RU.file)
    assert (english.language, russian.language) == ("en", "ru")
    assert english.published == russian.published
    assert len(english.paragraphs) == len(russian.paragraphs)
    assert _records(russian, english=False) == _records(english, english=True)

    # each quote comes from the same paragraph in both editions
    def paragraph(article: Article, offset: int) -> int:
        return article.text.count("\n\n", 0, offset)

    assert [paragraph(english, q.start) for q in english.quotes] == [
        paragraph(russian, q.start) for q in russian.quotes
    ]


def test_the_russian_edition_reads_the_same_from_cp1251() -> None:
    path = EXAMPLES / DRONE_PLANT_RU.file
    data = path.read_text(encoding="utf-8").encode("cp1251")
    assert newsrecord.parse_post(data, encoding="cp1251") == newsrecord.parse_file(path)
    with pytest.raises(newsrecord.DecodeError):
        newsrecord.parse_post(data)
