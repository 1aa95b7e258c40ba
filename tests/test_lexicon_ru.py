"""Tests of ``newsrecord.parse._lexicon_ru``: the Russian word lists are well-formed data,
and every entry is used by a sentence of the Russian set or of the Russian example post."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsrecord.parse import _lexicon_ru
from newsrecord.parse._lexicon_ru import (
    ADVERBS,
    ASSESSMENT_VERBS,
    COMMON_ORGANIZATION_NOUNS,
    CUE_ADJECTIVES,
    CUE_STEMS,
    FIRST_NAME_GENITIVES,
    LISTENERS,
    MEDIUM_OCCASIONS,
    ORGANIZATION_NOUNS,
    PLACE_NOMINATIVES,
    PRONOUNS,
    ROLE_NOUNS,
    ROLE_PHRASES,
    SOURCE_PHRASES,
)
from newsrecord.parse._ru_words import cue_form, noun_lemma

REPO = Path(__file__).resolve().parents[1]
SOURCES = [
    *sorted((REPO / "bench" / "corpora" / "ru" / "posts").glob("*.txt")),
    *sorted((REPO / "bench" / "corpora" / "ru" / "heldout").glob("*.txt")),
    *sorted((REPO / "bench" / "corpora" / "ru" / "heldout2").glob("*.txt")),
    *sorted((REPO / "bench" / "corpora" / "ru" / "heldout3").glob("*.txt")),
    *sorted((REPO / "bench" / "corpora" / "ru" / "heldout4").glob("*.txt")),
    *sorted((REPO / "bench" / "corpora" / "ru" / "heldout5").glob("*.txt")),
    REPO / "examples" / "editions" / "drone_plant.ru.txt",
]
TEXT = "\n".join(path.read_text(encoding="utf-8") for path in SOURCES)
WORDS = {w.lower().replace("ё", "е") for w in re.findall(r"[\w-]+", TEXT)}


def test_the_sources_are_there() -> None:
    assert len(SOURCES) >= 11
    assert all(path.is_file() for path in SOURCES)


WORD_LISTS = (
    "CUE_STEMS",
    "VERB_ENDINGS",
    "CUE_ADJECTIVES",
    "SOURCE_PHRASES",
    "PRONOUNS",
    "ROLE_NOUNS",
    "ORGANIZATION_NOUNS",
    "COMMON_ORGANIZATION_NOUNS",
    "MEDIUM_OCCASIONS",
    "NAME_ENDINGS",
    "ADVERBS",
    "PLACE_NOMINATIVES",
    "FIRST_NAME_GENITIVES",
    "LISTENERS",
    "ROLE_PHRASES",
    "ASSESSMENT_VERBS",
)


@pytest.mark.parametrize("name", WORD_LISTS)
def test_entries_are_lower_case_cyrillic(name: str) -> None:
    entries = list(getattr(_lexicon_ru, name))
    assert entries
    for entry in entries:
        assert re.fullmatch(r"[а-я -]+", entry), (name, entry)


def test_common_organisation_nouns_are_organisation_nouns() -> None:
    assert set(COMMON_ORGANIZATION_NOUNS) <= set(ORGANIZATION_NOUNS)


@pytest.mark.parametrize("stem", sorted(CUE_STEMS))
def test_every_cue_stem_is_used(stem: str) -> None:
    assert any(w.startswith(stem) and cue_form(w) is not None for w in WORDS), stem


@pytest.mark.parametrize("adjective", sorted(CUE_ADJECTIVES))
def test_every_cue_adjective_is_used(adjective: str) -> None:
    assert any(w.startswith(adjective) and cue_form(w) is not None for w in WORDS)


@pytest.mark.parametrize("noun", sorted(ROLE_NOUNS | set(ORGANIZATION_NOUNS)))
def test_every_noun_is_used_in_some_case(noun: str) -> None:
    assert any(noun_lemma(w) == noun for w in WORDS), noun


@pytest.mark.parametrize(
    "word",
    sorted(
        ADVERBS
        | MEDIUM_OCCASIONS
        | set(PRONOUNS) - {"ее", "их", "они"}
        | set(PLACE_NOMINATIVES)
        | set(FIRST_NAME_GENITIVES)
        | LISTENERS
        | set(ASSESSMENT_VERBS) - {"дал", "дала"}  # (one of the forms is enough)
    ),
)
def test_every_word_is_used(word: str) -> None:
    assert word in WORDS, word


@pytest.mark.parametrize("phrase", sorted(SOURCE_PHRASES))
def test_every_source_phrase_is_used(phrase: str) -> None:
    assert phrase in TEXT.lower(), phrase


def test_role_phrases_stand_for_role_nouns_and_one_of_each_is_used() -> None:
    assert set(ROLE_PHRASES.values()) <= ROLE_NOUNS
    for role in set(ROLE_PHRASES.values()):
        assert any(p in TEXT.lower() for p, r in ROLE_PHRASES.items() if r == role), role


def test_organisation_genders_are_known() -> None:
    assert set(ORGANIZATION_NOUNS.values()) <= {"m", "f", "n", "-"}
