"""Tests of ``newsrecord.parse._entities``: every person and organisation a post names, the
runs of names read against the entities found so far (how a run is read is in
``test_names``).

Every post here is made up; the people, organisations and towns in it are invented
(the countries are real only where a title names one).
"""

from __future__ import annotations

import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsrecord import (
    Affiliation,
    Article,
    Entity,
    ParseWarning,
    Quote,
    QuoteKind,
    SpeakerKind,
    parse_post,
)
from newsrecord.parse._entities import _nearest, find_entities

POST = """Posted: 12.05.2024 10:30:00

Harbour Board backs new ferry pier

The Harbour Board approved a new ferry pier on Friday, according to Marta Holm, an \
economist at the Institute of Coastal Studies, in her talk with Valley Radio.

Earlier, Estonian Transport Minister Ivo Hart met a member of the Chamber Council of \
Eastport, Deputy Chairman of the Port Authority, Emil Brandt. Mr. Hart did not comment, \
and Brandt left for Minsk.

“The pier will pay for itself,” Ms. Holm said. The economist added that she expected \
NATO ships to stay away.

New Harbour residents were not asked. The Lornian President did not speak either.
"""


@pytest.fixture(scope="module")
def article() -> Article:
    return parse_post(POST)


def by_name(article: Article, name: str) -> Entity:
    (entity,) = [entity for entity in article.entities if entity.name == name]
    return entity


def mention_texts(entity: Entity) -> list[str]:
    return [span.text for span in entity.mentions]


def test_every_person_and_organisation_named(article: Article) -> None:
    assert [(entity.id, entity.name, entity.kind) for entity in article.entities] == [
        ("e1", "Harbour Board", SpeakerKind.ORGANIZATION),
        ("e2", "Marta Holm", SpeakerKind.PERSON),
        ("e3", "Institute of Coastal Studies", SpeakerKind.ORGANIZATION),
        ("e4", "Valley Radio", SpeakerKind.ORGANIZATION),
        ("e5", "Ivo Hart", SpeakerKind.PERSON),
        ("e6", "Chamber Council of Eastport", SpeakerKind.ORGANIZATION),
        ("e7", "Port Authority", SpeakerKind.ORGANIZATION),
        ("e8", "Emil Brandt", SpeakerKind.PERSON),
        ("e9", "NATO", SpeakerKind.ORGANIZATION),
    ]


def test_the_quoted_entity_is_linked_to_its_speaker(article: Article) -> None:
    holm = by_name(article, "Marta Holm")
    (speaker,) = article.speakers
    assert holm.speaker_id == speaker.id
    assert holm.affiliations == speaker.affiliations
    assert [e for e in article.entities if e.speaker_id is not None] == [holm]


def test_mentions_are_names_and_descriptions_not_pronouns(article: Article) -> None:
    holm = by_name(article, "Marta Holm")
    assert mention_texts(holm) == ["Marta Holm", "Ms. Holm", "The economist"]
    for span in holm.mentions:
        assert article.text[span.start : span.end] == span.text
    assert [span.start for span in holm.mentions] == sorted(span.start for span in holm.mentions)
    assert all(span.text != "she" for entity in article.entities for span in entity.mentions)


def test_a_title_before_the_name(article: Article) -> None:
    hart = by_name(article, "Ivo Hart")
    assert mention_texts(hart) == ["Estonian Transport Minister Ivo Hart", "Mr. Hart"]
    # a country's adjective names the country
    assert hart.affiliations == (Affiliation(organization="Estonia", role="Transport Minister"),)
    assert hart.speaker_id is None


def test_descriptions_before_the_name_and_a_bare_surname(article: Article) -> None:
    brandt = by_name(article, "Emil Brandt")
    assert mention_texts(brandt) == ["Emil Brandt", "Brandt"]
    assert brandt.affiliations == (
        Affiliation(organization="Port Authority", role="Deputy Chairman"),
        Affiliation(organization="Chamber Council of Eastport", role="member"),
    )


def test_the_medium_is_an_organisation(article: Article) -> None:
    radio = by_name(article, "Valley Radio")
    assert radio.kind is SpeakerKind.ORGANIZATION
    assert article.quotes[0].via == "Valley Radio"


def test_what_is_no_entity(article: Article) -> None:
    names = {entity.name for entity in article.entities}
    # a town, a place-like name, a sentence's first word, a role without a name
    for name in ("Minsk", "New Harbour", "Earlier", "Lornian President", "President"):
        assert name not in names
    assert not any("Lornian" in name for name in names)


def test_an_appositive_after_the_name() -> None:
    article = parse_post(
        "Mill reopens\n\nThe old mill reopened, and Petra Lind, the site manager at Valley "
        "Mills Company, was there. Nobody else came."
    )
    lind = by_name(article, "Petra Lind")
    assert lind.affiliations == (
        Affiliation(organization="Valley Mills Company", role="site manager"),
    )
    assert lind.speaker_id is None
    assert by_name(article, "Valley Mills Company").kind is SpeakerKind.ORGANIZATION


def test_a_person_of_an_organisation() -> None:
    text = "The report came from Ana Varga of the Institute of Coastal Studies last week."
    varga, institute = find_entities([text], (), ())
    assert (varga.name, institute.name) == ("Ana Varga", "Institute of Coastal Studies")
    assert varga.affiliations == (Affiliation(organization="Institute of Coastal Studies"),)
    assert [span.text for span in varga.mentions] == ["Ana Varga"]


def test_a_surname_needs_a_person_found_first_or_a_title() -> None:
    assert find_entities(["Then Hart spoke."], (), ()) == ()
    (hart,) = find_entities(["Then Mr. Hart spoke."], (), ())
    assert (hart.name, [span.text for span in hart.mentions]) == ("Mr. Hart", ["Mr. Hart"])


def test_names_over_paragraphs_and_no_break_spaces() -> None:
    paragraphs = ["Ana\u00a0Varga wrote first.", "Later Varga wrote again."]
    (varga,) = find_entities(paragraphs, (), ())
    assert varga.name == "Ana\u00a0Varga"
    text = "\n\n".join(paragraphs)
    assert [text[span.start : span.end] for span in varga.mentions] == ["Ana\u00a0Varga", "Varga"]


def test_no_names_no_entities() -> None:
    assert find_entities([], (), ()) == ()
    assert find_entities(["", "nothing capitalised here."], (), ()) == ()
    assert parse_post("Headline\n\nno names at all.").entities == ()


def test_entities_are_the_same_on_every_parse(article: Article) -> None:
    assert parse_post(POST).entities == article.entities


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("Ab Cd Ef, .’'s of the Mr. Dr. Ministry NATO\n“”\u00a0")),
        max_size=300,
    )
)
def test_any_text_gives_located_unique_entities(text: str) -> None:
    paragraphs = text.split("\n\n")
    entities = find_entities(paragraphs, (), ())
    joined = "\n\n".join(paragraphs)
    assert [entity.id for entity in entities] == [f"e{n}" for n in range(1, len(entities) + 1)]
    for entity in entities:
        assert entity.speaker_id is None
        for span in entity.mentions:
            assert joined[span.start : span.end] == span.text
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ParseWarning)
        Article(id="a", title="t", paragraphs=tuple(paragraphs), entities=entities)


def test_a_role_title_before_a_surname_is_an_affiliation() -> None:
    (hart,) = find_entities(["The visit of President Hart ended, and Mr. Hart flew home."], (), ())
    assert hart.name == "Hart"
    assert hart.affiliations == (Affiliation(role="President"),)
    assert [span.text for span in hart.mentions] == ["President Hart", "Mr. Hart"]
    (board,) = [
        e
        for e in find_entities(["It was Mr. Lind of the Harbour Board."], (), ())
        if e.kind is SpeakerKind.ORGANIZATION
    ]
    assert board.name == "Harbour Board"


def test_in_another_language_only_speakers_and_media_are_entities() -> None:
    from newsrecord import Quote, QuoteKind, Speaker

    paragraph = (
        "Марта Холм сказала Радио Долины, что пирс окупится. Холм добавила: Иван Петров согласен."
    )
    start = paragraph.index("пирс окупится")
    speaker = Speaker(id="s1", name="Марта Холм")
    quote = Quote(
        id="q1",
        kind=QuoteKind.INDIRECT,
        text="пирс окупится",
        start=start,
        end=start + len("пирс окупится"),
        speaker_id="s1",
        mention="Марта Холм",
        via="Радио Долины",
    )
    entities = find_entities([paragraph], [speaker], [quote], "ru")
    assert [(e.name, e.speaker_id, [m.text for m in e.mentions]) for e in entities] == [
        ("Марта Холм", "s1", ["Марта Холм", "Холм"]),
        ("Радио Долины", None, ["Радио Долины"]),
    ]
    # the English rules would find the unquoted person too
    english = find_entities([paragraph], [speaker], [quote], "en")
    assert "Иван Петров" in [e.name for e in english]


def test_a_known_full_name_opening_a_sentence_is_kept_whole() -> None:
    from newsrecord import Speaker

    speaker = Speaker(id="s1", name="Ivo Hart", aliases=("Hart",))
    (hart,) = find_entities(["Ivo Hart spoke. Ivo Hart left, and Hart came back."], [speaker], ())
    assert [span.text for span in hart.mentions] == ["Ivo Hart", "Ivo Hart", "Hart"]


def _nearest_plainly(text: str, words: str, start: int, end: int, quote: Quote) -> int | None:
    """``_nearest`` read plainly: every whole-word occurrence in the paragraph, in text
    order, the first of the smallest distance to the quote."""
    best: int | None = None
    distance = len(text) + 1
    at = text.find(words, start, end)
    while at >= 0:
        after = at + len(words)
        if (at == start or not text[at - 1].isalnum()) and (
            after == end or not text[after].isalnum()
        ):
            away = quote.start - after if after <= quote.start else max(0, at - quote.end)
            if away < distance:
                best, distance = at, away
        at = text.find(words, at + 1, end)
    return best


@settings(max_examples=500)
@given(
    st.lists(st.sampled_from(["Ruiz", "Ruizova", "xRuiz", " ", "  ", ".", "a", "Ru"]), max_size=40),
    st.integers(0, 200),
    st.integers(1, 30),
)
def test_nearest_is_the_plain_reading(pieces: list[str], at: int, width: int) -> None:
    text = "".join(pieces)
    q_start = min(at, max(0, len(text) - 1))
    q_end = min(len(text), q_start + width)
    if q_end <= q_start:
        return
    # only where the quote stands is read: its text is a stand-in
    quote = Quote(id="q1", kind=QuoteKind.DIRECT, text="q", start=q_start, end=q_end)
    for start, end in ((0, len(text)), (0, q_end), (q_start, len(text))):
        assert _nearest(text, "Ruiz", start, end, quote) == _nearest_plainly(
            text, "Ruiz", start, end, quote
        )


def test_a_title_of_an_organisation_before_the_name() -> None:
    # "TITLE of the ORGANISATION NAME", the way the region's outlets write officials: the
    # person and the organisation, not one organisation named by the whole run
    text = (
        "The talks were opened by First Deputy Chairman of the Harbour Board Ivo Hart "
        "and Rector of the Varnov State University Ana Ruiz on Friday."
    )
    names = [(e.name, e.kind) for e in find_entities([text], (), ())]
    assert names == [
        ("Ivo Hart", SpeakerKind.PERSON),
        ("Harbour Board", SpeakerKind.ORGANIZATION),
        ("Ana Ruiz", SpeakerKind.PERSON),
        ("Varnov State University", SpeakerKind.ORGANIZATION),
    ]
    alone = "The talks were opened by First Deputy Chairman of the Harbour Board Ivo Hart."
    hart = find_entities([alone], (), ())[0]
    assert hart.affiliations == (
        Affiliation(organization="Harbour Board", role="First Deputy Chairman"),
    )


def test_places_and_works_are_no_people() -> None:
    text = "Exports to Latin America and Central Asia grew, and the Varnov Tractor Works hired."
    kinds = {e.name: e.kind for e in find_entities([text], (), ())}
    assert "Latin America" not in kinds
    assert kinds.get("Varnov Tractor Works") is SpeakerKind.ORGANIZATION


def test_a_medium_named_with_its_outlet_noun_is_an_organisation() -> None:
    article = parse_post(
        "Opera tours Asia\n\nThe opera will tour Asia next year, Ivo Hart told the "
        "Valley Courier newspaper."
    )
    assert article.quotes[0].via == "Valley Courier"
    assert by_name(article, "Valley Courier").kind is SpeakerKind.ORGANIZATION


def test_a_russian_post_names_the_people_it_gives_a_title() -> None:
    article = parse_post(
        "Заголовок\n\nМинистр обороны Лорнии Виктор Долган провел встречу с делегацией. "
        "Переговоры прошли успешно, сообщил журналистам посол Лорнии Иван Сорока.",
        language="ru",
    )
    people = {e.name: (e.affiliations, e.speaker_id is not None) for e in article.entities}
    assert people["Виктор Долган"] == (
        (Affiliation(organization="Лорния", role="министр обороны"),),
        False,
    )
    assert people["Иван Сорока"][1]  # the speaker, once
    assert [e.name for e in article.entities].count("Иван Сорока") == 1
