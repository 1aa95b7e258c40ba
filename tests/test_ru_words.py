"""Tests of ``newsrecord.parse._ru_words``: cue forms, noun lemmas and surname keys.

Every sentence below is made up for these tests (people, institutes and outlets
included).
"""

from __future__ import annotations

import pytest

from newsrecord.parse._ru_words import cue_form, noun_lemma, surname_key


@pytest.mark.parametrize(
    ("word", "told"),
    [
        ("заявил", "m"),
        ("заявила", "f"),
        ("заявило", "n"),
        ("заявили", "p"),
        ("заявляет", ""),
        ("заявляют", "p"),
        ("заявлял", "m"),
        ("заявляла", "f"),
        ("Отметил", "m"),
        ("отметила", "f"),
        ("отмечает", ""),
        ("сообщил", "m"),
        ("сообщила", "f"),
        ("сообщается", ""),
        ("сообщают", "p"),
        ("подчеркнул", "m"),
        ("подчеркнула", "f"),
        ("рассказал", "m"),
        ("добавил", "m"),
        ("пояснил", "m"),
        ("пояснила", "f"),
        ("считает", ""),
        ("считают", "p"),
        ("призналась", "f"),
        ("уверен", "m"),
        ("уверена", "f"),
        ("уверены", "p"),
    ],
)
def test_cue_forms_by_the_suffix_rule(word: str, told: str) -> None:
    assert cue_form(word) == told


@pytest.mark.parametrize(
    "word", ["заявка", "заявление", "сообщение", "доказал", "отметка", "сказка", "уверенность"]
)
def test_words_that_are_no_cue(word: str) -> None:
    assert cue_form(word) is None


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("института", "институт"),
        ("институтом", "институт"),
        ("министерства", "министерство"),
        ("министерстве", "министерство"),
        ("инспекции", "инспекция"),
        ("пресс-службе", "пресс-служба"),
        ("управления", "управление"),
        ("агронома", "агроном"),
        ("председателя", "председатель"),
        ("радио", "радио"),
        ("Эксперт", "эксперт"),
        ("столом", None),
    ],
)
def test_noun_lemma(word: str, lemma: str | None) -> None:
    assert noun_lemma(word) == lemma


@pytest.mark.parametrize(
    "forms",
    [
        ("Авдонин", "Авдонина", "Авдонину", "Авдониным", "Авдонине"),
        ("Лозовский", "Лозовского", "Лозовскому", "Лозовским"),
        ("Богданова", "Богдановой", "Богданову"),
        ("Лысенко",),
        ("Драгич", "Драгича", "Драгичу", "Драгичем"),
    ],
)
def test_surname_forms_share_a_key(forms: tuple[str, ...]) -> None:
    assert len({surname_key(form) for form in forms}) == 1


def test_different_surnames_keep_different_keys() -> None:
    assert surname_key("Авдонин") != surname_key("Авдеев")
