"""Tests of ``newsrecord.parse._ru_mentions``: the speaker as written next to a Russian cue.

Every sentence below is made up for these tests (people, institutes and outlets
included).
"""

from __future__ import annotations

from newsrecord import SpeakerKind
from newsrecord.parse._ru_mentions import document_source, subject_mention, via_phrase
from ru_helpers import parse


def test_interview_with_an_agency_is_via() -> None:
    article = parse(
        "Политолог Петр Савчук в интервью агентству «Белновости» заявил, "
        "что санкции бьют по Европе."
    )
    assert article.quotes[0].via == "агентство «Белновости»"
    assert article.quotes[0].mention == "Политолог Петр Савчук"


def test_organisation_in_the_prepositional_after_the_cue() -> None:
    article = parse("Мост через Днепр начнут строить весной, сообщили в Могилевском горисполкоме.")
    assert article.quotes[0].mention == "в Могилевском горисполкоме"
    assert article.speakers[0].name == "Могилевский горисполком"
    assert article.speakers[0].kind is SpeakerKind.ORGANIZATION


def test_the_subject_after_a_cue_ends_at_a_preposition() -> None:
    text = "сказал он в интервью журналистам"
    mention = subject_mention(text, 0, len(text), gender="m", after_cue=True)
    assert mention is not None
    assert (mention.text, mention.case, mention.gender) == ("сказал он", "nom", "m")


def test_the_v_of_an_organisation_is_part_of_the_subject() -> None:
    text = "в пресс-службе министерства"
    mention = subject_mention(text, 0, len(text), after_cue=True)
    assert mention is not None
    assert (mention.text, mention.case) == ("в пресс-службе министерства", "prep")


def test_via_phrase_names_the_medium() -> None:
    text = "Как отметил в эфире радио «Полесье» эксперт"
    assert via_phrase(text, 0, len(text)) == ("радио «Полесье»", 12, 35)
    text = "в интервью агентству «Белновости»"
    assert via_phrase(text, 0, len(text)) == ("агентство «Белновости»", 0, len(text))


def test_the_correspondent_of_an_agency_is_whom_it_was_told_and_the_medium() -> None:
    article = parse(
        "Поставки начнутся уже в апреле, рассказал корреспонденту агентства «Неман-Инфо» "
        "заместитель министра Олег Рудак."
    )
    quote = article.quotes[0]
    assert (quote.mention, quote.via) == (
        "заместитель министра Олег Рудак",
        "агентство «Неман-Инфо»",
    )


def test_document_source() -> None:
    text = "…, как отмечается в заявлении пресс-службы Министерства энергетики."
    found = document_source(text, 2, len(text))
    assert found is not None
    mention, cue, cue_end = found
    assert (mention.text, mention.case, cue) == (
        "пресс-службы Министерства энергетики",
        "gen",
        "отмечается в заявлении",
    )
    assert text[cue_end - len(cue) : cue_end] == cue
    # no document, no source
    assert document_source("…, говорится в городе Минске.", 2, 29) is None
    assert document_source("…, сообщил Игорь Пашкевич.", 2, 26) is None
