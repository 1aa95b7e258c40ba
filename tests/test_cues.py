"""Tests of ``newsrecord.parse._cues``: finding verbs of saying.

Every sentence here is made up, with invented people and organisations.  Tests marked
``xfail(strict=True)`` state the correct reading of a natural sentence that the rules get
wrong today (a documented limitation, or a bug to fix).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsrecord.parse import _cues
from newsrecord.parse._cues import cue_words
from newsrecord.parse._lexicon import (
    CUE_PARTICIPLES,
    CUE_VERBS,
)

# ---------------------------------------------------------------------------------------
# cue words
_CUE_PIECES = [
    *["said", "Said", "SAID", "says", "unsaid", "saidx", "say", "saying", "told", "put"],
    *["he", "a", "x", "is", "on", " ", "  ", ",", "-", "’", "é", "1", "\n", "ſaid"],
    *["Hart’s", "he’s"],
]


def _cue_words_plainly(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Every run of letters in ``text[start:end]`` that is a cue word, read one by one."""
    found = []
    for match in re.finditer(r"[A-Za-z]+", text[max(start, 0) : max(end, 0)]):
        word = match.group().lower()
        offset = max(start, 0)
        possessive = _cues._after_possessive(text, offset + match.start())
        if (word in CUE_VERBS or word in CUE_PARTICIPLES) and not possessive:
            offset = max(start, 0)
            found.append((offset + match.start(), offset + match.end(), word))
    return found


@settings(max_examples=300)
@given(
    st.lists(st.sampled_from(_CUE_PIECES), max_size=30).map("".join),
    st.integers(-2, 60),
    st.integers(-2, 80),
)
def test_cue_words_are_whole_runs_of_letters(text: str, start: int, end: int) -> None:
    # Runs shorter than any cue word are skipped inside the regular expression; a run cut
    # by the bounds is read as cut.
    assert list(cue_words(text, start, end)) == _cue_words_plainly(text, start, end)


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        ("Ana Ruiz's comments drew criticism.", []),  # a noun after a possessive
        ("CNN’s show ran late.", []),
        ("He’s said so before.", ["said"]),  # "he has said"
        ("Ana Ruiz comments on it daily.", ["comments"]),
    ],
)
def test_a_word_after_a_possessive_is_no_cue(text: str, cues: list[str]) -> None:
    assert [word for _s, _e, word in cue_words(text, 0, len(text))] == cues


@pytest.mark.parametrize(
    ("stretch", "via"),
    [
        ("Ivo Hart said in his talk with Valley Radio", "Valley Radio"),
        ("Ivo Hart told Valley Radio", "Valley Radio"),
        # "the" before the medium's name is no part of it, its outlet noun neither
        ("Ivo Hart told the Lornia Telegraph Agency", "Lornia Telegraph Agency"),
        ("Ivo Hart told the Valley Courier newspaper", "Valley Courier"),
        ("Ivo Hart told the Valley Today portal", "Valley Today"),
        ("Ivo Hart said in an interview with the Valley Courier newspaper", "Valley Courier"),
        # ... but "The" written as part of the name stays
        ("Ivo Hart told The Valley Times", "The Valley Times"),
        # whom "told" names is no medium unless it reads as one
        ("Ivo Hart told Ana Ruiz", None),
    ],
)
def test_find_via(stretch: str, via: str | None) -> None:
    assert _cues.find_via(stretch, 0, len(stretch)) == via
