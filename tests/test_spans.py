"""Tests of ``newsrecord.parse._spans``: sentences, tokens and word counts.

Every sentence here is made up, with invented people and organisations.  Tests marked
``xfail(strict=True)`` state the correct reading of a natural sentence that the rules get
wrong today (a documented limitation, or a bug to fix).
"""

from __future__ import annotations

import pytest

from newsrecord.parse._spans import sentences, word_count

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
