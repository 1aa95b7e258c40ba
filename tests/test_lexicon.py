"""Tests of ``newsrecord.parse._lexicon``: the word lists are well-formed data.

The checks of form run over ``_lexicon_names`` too (the words of names, roles and
organisations); what is particular to those lists is ``tests/test_lexicon_names.py``'s.
"""

from __future__ import annotations

import ast
import inspect
from collections import Counter

import pytest

from newsrecord.parse import _lexicon, _lexicon_names
from newsrecord.parse._lexicon import (
    ABBREVIATIONS,
    BARE_CLAUSE_CUES,
    CUE_PARTICIPLES,
    CUE_VERBS,
    DETERMINERS,
    PRONOUNS,
)

#: The English lexicon's modules.
MODULES = (_lexicon, _lexicon_names)
#: Every word list of the modules (the upper-case frozensets).
LISTS: dict[str, frozenset[str]] = {
    name: value
    for module in MODULES
    for name, value in vars(module).items()
    if name.isupper() and isinstance(value, frozenset)
}


def test_the_lists_are_found() -> None:
    for name in (
        "CUE_VERBS",
        "CUE_PARTICIPLES",
        "BARE_CLAUSE_CUES",
        "CUE_PARTICLES",
        "HONORIFICS",
        "ROLE_NOUNS",
        "ORGANIZATION_WORDS",
        "GROUP_NOUNS",
        "DETERMINERS",
        "MEDIUM_NOUNS",
        "NOT_NAME_WORDS",
        "TITLE_MODIFIERS",
        "ABBREVIATIONS",
        "CUE_ADVERBS",
        "FUNCTION_WORDS",
    ):
        assert name in LISTS, name


@pytest.mark.parametrize("module", MODULES)
def test_every_upper_case_name_is_a_frozenset_or_the_pronoun_table(module: object) -> None:
    for name, value in vars(module).items():
        if name.isupper():
            assert isinstance(value, frozenset) or name in {
                "PRONOUNS",
                "HONORIFIC_GENDER",
                "DEMONYMS",
                "HEADING_VERBS",
                "GENDERED_NOUNS",
                "GENDERED_PRONOUNS",
                "ROLE_PHRASES",
            }, name


@pytest.mark.parametrize("name", sorted(LISTS))
def test_list_entries(name: str) -> None:
    words = LISTS[name]
    assert words, f"{name} is empty"
    for word in words:
        assert isinstance(word, str), (name, word)
        assert word, f"{name} holds an empty string"
        # compared as written, capitalised
        if name in {"SENTENCE_STARTERS", "NEWS_OUTLETS", "ADVERBIAL_OPENERS"}:
            assert word[:1].isupper(), (name, word)
        else:
            assert word == word.lower(), (name, word)
        if name.endswith("_PHRASES"):  # words joined by single spaces
            assert word == " ".join(word.split()), (name, word)
            assert " " in word, (name, word)
        else:
            assert not any(c.isspace() for c in word), (name, word)


def _written_words() -> dict[str, list[str]]:
    """The words of each list as written in the source, duplicates included."""
    written: dict[str, list[str]] = {}
    for node in (n for m in MODULES for n in ast.parse(inspect.getsource(m)).body):
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            name, value = node.target.id, node.value
        elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            name, value = node.targets[0].id, node.value
        else:
            continue
        if name in LISTS and value is not None:
            written[name] = [
                word
                for constant in ast.walk(value)
                if isinstance(constant, ast.Constant) and isinstance(constant.value, str)
                # a phrase list holds phrases, each one entry
                for word in (
                    [constant.value] if name.endswith("_PHRASES") else constant.value.split()
                )
            ]
    return written


def test_no_word_is_written_twice_in_a_list() -> None:
    written = _written_words()
    assert set(written) == set(LISTS)
    for name, words in written.items():
        twice = sorted(word for word, count in Counter(words).items() if count > 1)
        assert not twice, f"{name} lists {twice} more than once"


def test_cue_verbs_and_participles_do_not_overlap() -> None:
    assert not CUE_VERBS & CUE_PARTICIPLES


def test_participles_end_in_ing() -> None:
    assert all(word.endswith("ing") for word in CUE_PARTICIPLES)


def test_bare_clause_cues_are_cue_verbs() -> None:
    assert BARE_CLAUSE_CUES <= CUE_VERBS


def test_common_cues_are_known() -> None:
    assert {"said", "says", "told", "added", "noted", "stressed", "recalled"} <= CUE_VERBS
    assert {"said", "says", "told", "added"} <= BARE_CLAUSE_CUES
    assert {"saying", "adding", "noting"} <= CUE_PARTICIPLES


def test_pronouns() -> None:
    assert isinstance(PRONOUNS, dict)
    assert set(PRONOUNS.values()) <= {"person", "group", "organization", "relative"}
    for word in PRONOUNS:
        assert word
        assert word == word.lower()
        assert not any(c.isspace() for c in word)
    assert PRONOUNS["he"] == PRONOUNS["she"] == "person"
    assert PRONOUNS["it"] == "organization"


def test_abbreviations_are_written_without_their_final_stop() -> None:
    # the sentence splitter looks up the word before the full stop
    assert not [word for word in ABBREVIATIONS if word.endswith(".")]
    assert {"mr", "mrs", "ms", "dr", "u.s"} <= ABBREVIATIONS


def test_determiners_are_not_pronouns() -> None:
    assert not DETERMINERS & set(PRONOUNS)
