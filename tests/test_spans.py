"""Tests of ``newsrecord.parse._spans``: sentences, tokens and word counts.

Every sentence here is made up, with invented people and organisations.  Tests marked
``xfail(strict=True)`` state the correct reading of a natural sentence that the rules get
wrong today (a documented limitation, or a bug to fix).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsrecord.parse._spans import (
    paragraph_at,
    paragraph_bounds,
    sentences,
    whole_words,
    word_count,
    words_pattern,
)

# ---------------------------------------------------------------------------------------
# sentences


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Brant arrived. Dr. Novak left.", ["Mr. Brant arrived.", "Dr. Novak left."]),
        ("The U.S. team won. The U.K. team lost.", ["The U.S. team won.", "The U.K. team lost."]),
        (
            "J. R. Brant spoke first. Then Novak spoke.",
            ["J. R. Brant spoke first.", "Then Novak spoke."],
        ),
        (
            "Laurence H. Tribe spoke. So did Sen. Okafor.",
            ["Laurence H. Tribe spoke.", "So did Sen. Okafor."],
        ),
        ("The St. Paul office opened. It is big.", ["The St. Paul office opened.", "It is big."]),
        ("Prices rose 3.5 percent. Wages did not.", ["Prices rose 3.5 percent.", "Wages did not."]),
        ("“It is over.” Then she left.", ["“It is over.”", "Then she left."]),
        ("He said it was over.” Then she left.", ["He said it was over.”", "Then she left."]),
        ("She left (quietly.) Then he left.", ["She left (quietly.)", "Then he left."]),
        (
            "It rained. “Really?” Yes! Fine… Done",
            ["It rained.", "“Really?”", "Yes!", "Fine…", "Done"],
        ),
        ("It rained. 2024 was wet.", ["It rained.", "2024 was wet."]),
        ("no capital after. this stays one", ["no capital after. this stays one"]),
        ("One sentence", ["One sentence"]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_sentences_within_bounds() -> None:
    text = "Skip this. Mr. Brant arrived. Dr. Novak left. Skip that."
    start, end = text.index("Mr."), text.index(" Skip that")
    assert [text[a:b] for a, b in sentences(text, start, end)] == [
        "Mr. Brant arrived.",
        "Dr. Novak left.",
    ]


def test_sentences_of_nothing() -> None:
    assert sentences("", 0, 0) == []


def test_sentence_ending_in_an_abbreviation() -> None:
    assert _sentences("The talks ended at 9 a.m. Then he left.") == [
        "The talks ended at 9 a.m.",
        "Then he left.",
    ]


# ---------------------------------------------------------------------------------------
# word counts
@pytest.mark.parametrize(
    ("text", "enough", "expected"),
    [
        ("", 1_000_000, 0),
        ("one two, three-four five’s", 1_000_000, 4),
        ("one two three", 2, 2),
        ("one two three", 3, 3),
        ("a b", 4, 2),  # fewer characters than ``enough``: counted whole
        ("ab", 2, 1),
        ("a b c d e", 3, 3),
    ],
)
def test_word_count(text: str, enough: int, expected: int) -> None:
    assert word_count(text, enough) == expected


@given(st.sets(st.text(alphabet="abcde", min_size=1, max_size=5), min_size=1, max_size=12))
def test_words_pattern_matches_exactly_its_words(words: set[str]) -> None:
    pattern = re.compile("(?:" + words_pattern(words) + r")\Z")
    for word in words:
        assert pattern.match(word)
    for other in ("", "f", "abcdea", "eeeeee"):
        assert (pattern.match(other) is not None) == (other in words)


_WORD_PIECES = ["ab", "Ab", "AB", "abc", "b", "ba", " ", ",", "-", "’", "é", "1", "_", "\n", "ſb"]


@settings(max_examples=300)
@given(
    st.lists(st.sampled_from(_WORD_PIECES), max_size=30).map("".join),
    st.sets(st.sampled_from(["ab", "abc", "ba", "b", "bab"])),
    st.booleans(),
)
def test_whole_words_are_the_runs_of_letters_that_are_words(
    text: str, words: set[str], lower: bool
) -> None:
    plainly = [
        (match.start(), match.end(), match.group().lower() if lower else match.group())
        for match in re.finditer("[A-Za-z]+", text)
        if (match.group().lower() if lower else match.group()) in words
    ]
    found = whole_words(text, frozenset(word.encode("ascii") for word in words), lower=lower)
    assert found == plainly


def test_paragraph_at() -> None:
    bounds = paragraph_bounds(["One two.", "Three."])
    assert paragraph_at(bounds, 3) == bounds[0]
    assert paragraph_at(bounds, bounds[1][0] + 1) == bounds[1]
    assert paragraph_at([], 3) == (0, 0)
