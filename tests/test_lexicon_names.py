"""Tests of ``newsrecord.parse._lexicon_names``: what the words of names, roles and
organisations must be (their form is checked with the other lists' in
``tests/test_lexicon.py``)."""

from __future__ import annotations

from newsrecord.parse._lexicon_names import (
    DEMONYMS,
    GENDERED_NOUNS,
    GENDERED_PRONOUNS,
    HONORIFIC_GENDER,
    HONORIFICS,
    ORGANIZATION_WORDS,
    ROLE_NOUNS,
    TITLE_MODIFIERS,
    TITLE_ORDINALS,
    TITLES_WITH_TO,
)


def test_gendered_words_tell_m_or_f() -> None:
    for table in (GENDERED_NOUNS, GENDERED_PRONOUNS):
        assert set(table.values()) == {"m", "f"}
        assert all(word == word.lower() for word in table)


def test_honorific_genders_are_of_honorifics() -> None:
    assert set(HONORIFIC_GENDER) <= HONORIFICS
    assert set(HONORIFIC_GENDER.values()) == {"m", "f"}


def test_demonyms_are_lower_case_words_naming_countries() -> None:
    for adjective, country in DEMONYMS.items():
        assert adjective == adjective.lower(), adjective
        assert adjective.isalpha(), adjective
        assert country[:1].isupper(), country


def test_honorifics_with_and_without_stop() -> None:
    for word in ("mr", "mrs", "ms", "dr"):
        assert word in HONORIFICS
        assert word + "." in HONORIFICS


def test_titles_with_to_and_ordinals_are_title_words() -> None:
    assert TITLES_WITH_TO <= ROLE_NOUNS  # "Ambassador ... to", "Aide to"
    assert not TITLE_ORDINALS & (ROLE_NOUNS | TITLE_MODIFIERS)  # only capitalised: "First"


def test_role_nouns_are_no_organisation_words() -> None:
    assert not ROLE_NOUNS & ORGANIZATION_WORDS
