"""Tests of ``newsrecord.parse._clauses``: where reported content starts and ends."""

from __future__ import annotations

import pytest

from newsrecord.parse._clauses import THAT, clause_end, is_bare_clause, source_phrase


@pytest.mark.parametrize(
    ("rest", "expected"),
    [
        (" the plan would pay for itself", True),
        (" allies were rattled by the vote", True),
        (" in a statement on Monday", False),  # a circumstance, not a clause
        (" so", False),
        (" said it again", False),  # another cue
    ],
)
def test_is_bare_clause(rest: str, expected: bool) -> None:
    assert is_bare_clause(rest) is expected


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("the plan is dead; the council meets again", "the plan is dead"),
        ("the plan is dead, and when asked, he said no", "the plan is dead"),
        ("the plan is dead – even though he voted for it", "the plan is dead"),
        ("the plan is dead, and Ana Ruiz said the opposite", "the plan is dead"),
        ("the plan is dead and buried", "the plan is dead and buried"),
    ],
)
def test_clause_end(text: str, end: str) -> None:
    assert text[: clause_end(text, 0, len(text))] == end


def test_that_after_a_few_words() -> None:
    assert THAT.match(" on Monday that") is not None
    assert THAT.match(" " + "word " * 12 + "that") is None


def test_source_phrase_is_no_quotation() -> None:
    text = "exit polls, the results showed"
    phrase = source_phrase(text, 0, text.index(","))
    assert phrase is not None
    assert phrase.text == "exit polls"
    assert source_phrase("“a quote”", 0, 9) is None
