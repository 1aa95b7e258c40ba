"""Tests of ``newsrecord.parse._subjects``: people named as subjects before a pronoun.

Every sentence here is made up, with invented people.
"""

from __future__ import annotations

from newsrecord.parse._subjects import clause_subjects, own_sentence_start, subject_names


def _names(found: list[tuple[int, str, str]]) -> list[str]:
    return [name for _end, name, _honorific in found]


def test_subject_names_open_sentences() -> None:
    text = "Ivo Hart spoke first. But Ms. Novak added a point. The Hart plan won."
    assert subject_names(text, 0, len(text)) == [
        (text.index(" spoke"), "Ivo Hart", ""),
        (text.index(" added"), "Novak", "ms"),
    ]


def test_clause_subjects_stand_before_a_verb() -> None:
    text = "Ana Ruiz met voters. After Ruiz lost the vote, Ivo Hart praised Ruiz for it"
    assert _names(clause_subjects(text, 21, len(text))) == ["Ruiz", "Ivo Hart"]


def test_clause_subject_is_no_name_before_and() -> None:
    text = "Ana Ruiz spoke. She hopes Ruiz and others will stay"
    assert _names(clause_subjects(text, 16, len(text))) == []


def test_own_sentence_starts_after_the_last_full_stop_or_quotation_mark() -> None:
    text = "Ivo Hart spoke. After Mr. Hart lost, he said"
    assert own_sentence_start(text, 0, text.index("he said")) == text.index("After")
    quoted = "“Ruiz lost,” he said"
    assert own_sentence_start(quoted, 0, quoted.index("he")) == quoted.index(",”") + 2
    abbreviation = "She lives in the U.S. He said"
    assert own_sentence_start(abbreviation, 0, abbreviation.index("He")) == abbreviation.index("He")


def test_clause_subject_is_no_name_before_a_determiner() -> None:
    text = "Ana Ruiz spoke. She gave Ruiz some credit"
    assert _names(clause_subjects(text, 16, len(text))) == []
