"""Tests of ``newsrecord.parse._headline``: the quote a "WHO: SAID" headline carries.

Every post, name and sentence here is made up.
"""

from __future__ import annotations

import pytest

from newsrecord import (
    Affiliation,
    Entity,
    QuoteKind,
    Span,
    Speaker,
    SpeakerKind,
    parse_post,
)
from newsrecord.parse._headline import (
    by_entity,
    by_name,
    by_organization,
    by_role,
    headline_quote,
    role_noun,
    said_quote,
    split_headline,
)
from newsrecord.parse._lexicon_headline import HEADLINE_LABELS

RUIZ = Speaker(
    id="s1",
    name="Ana Ruiz",
    aliases=("Ms. Ruiz", "the political scientist"),
    affiliations=(Affiliation(organization="Lornia Institute", role="political scientist"),),
)
HART = Speaker(
    id="s2",
    name="Ivo Hart",
    affiliations=(Affiliation(organization="Lornia", role="Transport Minister"),),
)
MINISTRY = Speaker(id="s3", name="Lornia’s Defence Ministry", kind=SpeakerKind.ORGANIZATION)
FOREIGN = Speaker(id="s4", name="Ministry of Foreign Affairs", kind=SpeakerKind.ORGANIZATION)
SPEAKERS = (RUIZ, HART, MINISTRY, FOREIGN)


# ----------------------------------------------------------------------- the headline's form


@pytest.mark.parametrize(
    ("title", "who", "said"),
    [
        ("Expert: prices will fall", "Expert", "prices will fall"),
        ("Political scientist:  the talks will resume ", "Political scientist", "the talks"),
        ("Dr. Ana Ruiz: the vote was fair", "Dr. Ana Ruiz", "the vote was fair"),
        ("Лукашенко: мост откроют к осени", "Лукашенко", "мост откроют к осени"),
        ("Expert: a: b", "Expert", "a: b"),  # the first colon
    ],
)
def test_split_headline(title: str, who: str, said: str) -> None:
    split = split_headline(title)
    assert split is not None
    assert split[0] == who
    assert title[split[1] : split[2]].startswith(said)
    assert not title[split[1]].isspace()
    assert not title[split[2] - 1].isspace()


@pytest.mark.parametrize(
    "title",
    [
        "Tram line to the river port approved",  # no colon
        "Expert:prices will fall",  # no space after it
        ": prices will fall",  # no WHO
        "Expert: ",  # no SAID
        "expert: prices will fall",  # no capital
        "One Two Three Four Five Six: prices will fall",  # six words
        "Ruiz, Hart: the vote was fair",  # a list
        "Yes. Ruiz: the vote was fair",  # a sentence before it
        "EXCLUSIVE – Ana Ruiz: the vote was fair",  # a dash
        "“We stay”: the crew of the ferry",  # a quote before the colon
        "Video: the new bridge at dawn",  # labels
        "Опрос: большинство за новый парк",
        "The Latest: the count goes on",
        "Q&A: how the ballot works",
    ],
)
def test_not_a_statement_of_a_speaker(title: str) -> None:
    assert split_headline(title) is None


def test_every_label_is_lower_case_and_some_are_russian() -> None:
    assert all(label == label.lower() for label in HEADLINE_LABELS)
    assert {"video", "photo", "update", "poll", "q&a", "видео", "фото", "опрос", "итоги"} <= (
        HEADLINE_LABELS
    )


@pytest.mark.parametrize(
    ("said", "kind", "text"),
    [
        ("prices will fall", QuoteKind.INDIRECT, "prices will fall"),
        ("prices will fall.", QuoteKind.INDIRECT, "prices will fall"),
        ("prices will fall...", QuoteKind.INDIRECT, "prices will fall..."),
        ("prices will fall?", QuoteKind.INDIRECT, "prices will fall?"),
        (
            "“The harvest will be a record one”",
            QuoteKind.DIRECT,
            "The harvest will be a record one",
        ),
        (
            '"The harvest will be a record one"',
            QuoteKind.DIRECT,
            "The harvest will be a record one",
        ),
        ("«Урожай будет рекордным»", QuoteKind.DIRECT, "Урожай будет рекордным"),
        ("„Урожай будет рекордным“", QuoteKind.DIRECT, "Урожай будет рекордным"),
        ("‘We’re not done yet.’", QuoteKind.DIRECT, "We’re not done yet."),
        ("'Hart's plan is dead.'", QuoteKind.DIRECT, "Hart's plan is dead."),
        ("“We stay”.", QuoteKind.DIRECT, "We stay"),
        ("“Yes” and “no”", QuoteKind.INDIRECT, "“Yes” and “no”"),  # two quotes, not one
        ("‘Yes’ means ‘no’", QuoteKind.INDIRECT, "‘Yes’ means ‘no’"),
        ("Hart plan ‘dead on arrival’", QuoteKind.INDIRECT, "Hart plan ‘dead on arrival’"),
        ("“unclosed", QuoteKind.INDIRECT, "“unclosed"),
    ],
)
def test_said_quote(said: str, kind: QuoteKind, text: str) -> None:
    title = "Expert: " + said
    found = said_quote(title, 8, len(title))
    assert found is not None
    assert (found[0], title[found[1] : found[2]]) == (kind, text)


# ----------------------------------------------------------------------- who is WHO


def test_by_name_alias_and_surname() -> None:
    assert by_name("Ana Ruiz", SPEAKERS, False) is RUIZ
    assert by_name("ana ruiz", SPEAKERS, False) is RUIZ
    assert by_name("Ms. Ruiz", SPEAKERS, False) is RUIZ  # an alias
    assert by_name("Dr. Ana Ruiz", SPEAKERS, False) is RUIZ  # the honorific aside
    assert by_name("Hart", SPEAKERS, False) is HART
    assert by_name("Ana", SPEAKERS, False) is None  # a first name is no surname
    assert by_name("Ministry", SPEAKERS, False) is None  # an organisation has no surname
    twins = (RUIZ, Speaker(id="s9", name="Eva Ruiz"))
    assert by_name("Ruiz", twins, False) is None  # two speakers fit: neither
    assert by_name("Eva Ruiz", twins, False) is twins[1]
    group = Speaker(id="s8", name="Democratic insiders")
    assert by_name("Insiders", (group,), False) is None  # no surname


def test_by_name_russian_surname_in_any_case() -> None:
    lavra = Speaker(id="s1", name="Олег Лаврин")
    assert by_name("Лаврин", (lavra,), True) is lavra
    assert by_name("Лаврина", (lavra,), True) is lavra  # the surname in another case
    assert by_name("Лаврина", (lavra,), False) is None


def test_role_nouns() -> None:
    assert role_noun("Expert", False) == "expert"
    assert role_noun("Political scientist", False) == "scientist"
    assert role_noun("Belarusian expert", False) == "expert"
    assert role_noun("Experts", False) is None  # plural
    assert role_noun("Officials", False) is None
    assert role_noun("Belarus", False) is None
    assert role_noun("Политолог", True) == "политолог"
    assert role_noun("Глава МЧС", True) == "глава"
    assert role_noun("Эксперты", True) is None


def test_by_role() -> None:
    assert by_role("Political scientist", SPEAKERS, False) is RUIZ
    assert by_role("Scientist", SPEAKERS, False) is RUIZ
    assert by_role("Minister", SPEAKERS, False) is HART
    assert by_role("Expert", SPEAKERS, False) is None  # nobody's role
    other = Speaker(id="s5", name="Jana Novak", affiliations=(Affiliation(role="minister"),))
    assert by_role("Minister", (HART, other), False) is None  # two ministers
    assert by_role("Transport Minister", (HART, other), False) is HART  # the whole of WHO
    aliased = Speaker(id="s6", name="Jana Novak", aliases=("the expert",))
    assert by_role("Expert", (HART, aliased), False) is aliased  # failing roles, aliases


def test_by_role_russian() -> None:
    kovel = Speaker(id="s1", name="Дарья Ковель", affiliations=(Affiliation(role="политолог"),))
    head = Speaker(
        id="s2",
        name="Павел Сомов",
        affiliations=(
            Affiliation(organization="Министерство по чрезвычайным ситуациям", role="глава"),
        ),
    )
    assert by_role("Политолог", (kovel, head), True) is kovel
    assert by_role("Глава МЧС", (kovel, head), True) is head
    assert by_role("Эксперт", (kovel, head), True) is None


def test_by_organization() -> None:
    assert by_organization("Defence Ministry", SPEAKERS, False) is MINISTRY
    assert by_organization("MFA", SPEAKERS, False) is FOREIGN  # its initials
    assert by_organization("Ministry", SPEAKERS, False) is MINISTRY  # the one ending so
    assert by_organization("Lornia", SPEAKERS, False) is None
    emergencies = Speaker(
        id="s1", name="Министерство по чрезвычайным ситуациям", kind=SpeakerKind.ORGANIZATION
    )
    assert by_organization("МЧС", (emergencies,), True) is emergencies
    # all of WHO's words in the name, in another order
    assert by_organization("Foreign Ministry", SPEAKERS, False) is FOREIGN
    assert by_organization("Trade Ministry", SPEAKERS, False) is None


def test_a_ministry_by_its_short_name() -> None:
    ministry = Speaker(
        id="s1", name="Министерство транспорта и коммуникаций", kind=SpeakerKind.ORGANIZATION
    )
    minister = Speaker(
        id="s2", name="Анна Лис", affiliations=(Affiliation(role="министр образования"),)
    )
    # an institute "of education" is no ministry of it
    institute = Speaker(
        id="s3", name="Национальный институт образования", kind=SpeakerKind.ORGANIZATION
    )
    speakers = (ministry, minister, institute)
    assert by_organization("Минтранс", speakers, True) is ministry
    assert by_organization("Минобразования", speakers, True) is minister  # its minister
    assert by_organization("Минздрав", speakers, True) is None


NOVAK = Entity(
    id="e1",
    name="Jana Novak",
    kind=SpeakerKind.PERSON,
    affiliations=(Affiliation(role="economist"),),
    mentions=(Span(start=0, end=10, text="Jana Novak"), Span(start=30, end=38, text="Ms. Novak")),
)
LORNIA = Entity(id="e2", name="Lornia", kind=SpeakerKind.ORGANIZATION)


def test_by_entity() -> None:
    assert by_entity("Jana Novak", (NOVAK, LORNIA), False) is NOVAK
    assert by_entity("Novak", (NOVAK, LORNIA), False) is NOVAK
    assert by_entity("Lornia", (NOVAK, LORNIA), False) is None  # not a person
    assert by_entity("Belarus", (NOVAK, LORNIA), False) is None
    linked = Entity(id="e3", name="Ivo Hart", kind=SpeakerKind.PERSON, speaker_id="s2")
    assert by_entity("Hart", (linked,), False) is None  # a speaker already


def test_a_person_only_named_becomes_a_speaker() -> None:
    title = "Novak: the budget is balanced"
    headline = headline_quote(title, (RUIZ, HART), (NOVAK, LORNIA), "en")
    quote = headline.quote
    assert quote is not None
    assert quote.speaker_id == "s3"
    assert [s.id for s in headline.speakers] == ["s1", "s2", "s3"]
    novak = headline.speakers[-1]
    assert novak == Speaker(
        id="s3",
        name="Jana Novak",
        aliases=("Ms. Novak",),
        affiliations=(Affiliation(role="economist"),),
    )
    assert headline.entities[0].speaker_id == "s3"
    assert headline.entities[1] is LORNIA


@pytest.mark.parametrize(
    "title",
    [
        "Belarus: the border stays open",  # a country is no speaker
        "Russia: the border stays open",
        "Lornia: the border stays open",  # an organisation only named
        "Mira Stone: the border stays open",  # named nowhere
        "Delegate Update: the count goes on",  # a label at the end
        "Experts: the border stays open",
    ],
)
def test_no_speaker_is_made_up(title: str) -> None:
    headline = headline_quote(title, (RUIZ, HART), (NOVAK, LORNIA), "en")
    assert headline.quote is None
    assert headline.speakers == (RUIZ, HART)
    assert headline.entities == (NOVAK, LORNIA)


# ----------------------------------------------------------------------- whole posts

POST = (
    "Expert: tram fares will stay the same next year\n"
    "\n"
    "Fares will not rise in 2025, said Ana Ruiz, an expert at the Lornia Institute.\n"
    "\n"
    "“The city has the money,” Ms. Ruiz said.\n"
)


def test_a_parsed_post_with_a_headline_quote() -> None:
    article = parse_post(POST)
    quote = article.title_quote
    assert quote is not None
    assert quote.kind is QuoteKind.INDIRECT
    assert quote.text == "tram fares will stay the same next year"
    assert article.title[quote.start : quote.end] == quote.text
    assert (quote.id, quote.mention, quote.cue, quote.via) == ("t1", "Expert", None, None)
    speaker = article.speaker(quote.speaker_id)
    assert speaker is not None
    assert speaker.name == "Ana Ruiz"
    assert all(q.id != "t1" for q in article.quotes)
    bare = parse_post(POST.replace("Expert: tram", "Tram", 1))
    assert bare.title_quote is None
    assert bare.quotes == article.quotes  # the body's quotes do not change


def test_a_direct_headline_quote_of_a_named_speaker() -> None:
    post = POST.replace("Expert: tram fares will stay the same next year", "Ruiz: “No rise”")
    quote = parse_post(post).title_quote
    assert quote is not None
    assert (quote.kind, quote.text, quote.mention) == (QuoteKind.DIRECT, "No rise", "Ruiz")


def test_a_russian_post_with_a_headline_quote() -> None:
    post = (
        "Политолог: переговоры продолжатся весной\n"
        "\n"
        "Переговоры продолжатся весной, заявил политолог Минского института "
        "международных отношений Олег Лаврин.\n"
        "\n"
        "«Стороны готовы к диалогу», — подчеркнул Лаврин.\n"
    )
    article = parse_post(post)
    quote = article.title_quote
    assert quote is not None
    speaker = article.speaker(quote.speaker_id)
    assert speaker is not None
    assert speaker.name == "Олег Лаврин"
    assert (quote.kind, quote.text) == (QuoteKind.INDIRECT, "переговоры продолжатся весной")


def test_a_headline_that_names_nobody_of_the_body() -> None:
    post = POST.replace("Expert: tram fares", "Lornia: tram fares", 1)
    article = parse_post(post)
    assert article.title_quote is None
    assert article.speakers == parse_post(POST).speakers


def test_a_role_noun_over_a_post_that_quotes_one_person() -> None:
    article = parse_post(
        "Economist: exports to Asia will grow\n\n"
        "Exports to Asia will grow by a quarter, Ana Ruiz, a senior researcher at the "
        "Lornia Institute, said."
    )
    assert article.title_quote is not None
    assert article.speaker(article.title_quote.speaker_id).name == "Ana Ruiz"  # type: ignore[union-attr]


def test_a_role_noun_over_a_post_that_quotes_two_people_names_nobody() -> None:
    article = parse_post(
        "Economist: exports to Asia will grow\n\n"
        "Exports to Asia will grow by a quarter, Ana Ruiz, a senior researcher at the "
        "Lornia Institute, said. Imports from the west will fall this year, Ivo Hart, a "
        "banker, said."
    )
    assert article.title_quote is None
