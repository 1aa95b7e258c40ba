"""Tests of ``newsrecord.parse._fullnames``: the full name an article gives a person.

Every sentence here is made up, with invented people.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsrecord.parse._fullnames import (
    completed_name,
    ends_in_of,
    find_full_name,
    full_name_word,
    name_part,
    titled_person,
)


def _full_name_plainly(text: str, surname: str, before: int) -> str | None:
    """``find_full_name`` read plainly: at each whole-word occurrence of the surname, in
    text order, the one to three capitalised words that end right before it, looked for in
    all of the text before it (no window)."""
    if not surname:
        return None  # no surname, no name
    for found in re.finditer(r"\b" + re.escape(surname) + r"\b", text[:before]):
        match = re.search(r"\b((?:[A-Z][\w’'.-]+\s+){1,3})\Z", text[: found.start()])
        if match is None:
            continue
        words = match.group(1).split()
        valid = len(words)
        while valid > 0 and full_name_word(words[valid - 1]):
            valid -= 1
        words = name_part(words[valid:], valid == 0 and ends_in_of(text, match.start()))
        if words:
            return " ".join([*words, surname])
    return None


_NAME_PIECES = [
    *["Jana", "Novak", "Novakova", "Blacknovak", "J.", "Mr.", "Senator", "the", "said", "Le"],
    *["Pen", "O'Neil", "Ann-Marie", "Van", "x", " ", " ", "  ", "\n", "\u00a0", ", ", ". "],
]


@settings(max_examples=1000)
@given(
    st.lists(st.sampled_from(_NAME_PIECES), max_size=30).map("".join),
    st.sampled_from(["Novak", "Pen", "O'Neil", "J.", "Le", ""]),
    st.integers(0, 200),
)
def test_full_name_search_skips_only_text_that_cannot_match(
    text: str, surname: str, before: int
) -> None:
    assert find_full_name(text, surname, before) == _full_name_plainly(text, surname, before)


def test_full_name_found_before_the_mention() -> None:
    text = "Earlier, the economist Jana Novak spoke. " * 3 + "Novak said it would open."
    before = text.rindex("Novak said")
    assert find_full_name(text, "Novak", before) == "Jana Novak"
    assert find_full_name(text, "Okafor", before) is None


def test_completed_name_of_a_surname_and_of_an_honorific() -> None:
    text = "Hart spoke first. Ivo Hart, the engineer, spoke again. Mr. Hart left."
    assert completed_name(text, "Hart") == "Ivo Hart"
    assert completed_name(text, "Mr. Hart") == "Ivo Hart"
    assert completed_name(text, "Ivo Hart") is None
    assert completed_name(text, "Okafor") is None


@pytest.mark.parametrize(
    ("text", "full"),
    [
        ("Labor Secretary Ana Ruiz spoke. Ruiz left.", "Ana Ruiz"),
        ("Majority Leader Ivo Hart spoke. Hart left.", "Ivo Hart"),
        ("Lornia’s Ivo Hart spoke. Hart left.", "Ivo Hart"),
        ("The Chief of Staff Ivo Hart spoke. Hart left.", "Ivo Hart"),
        ("With the support of Ana Maria Ruiz, Ruiz won.", "Ana Maria Ruiz"),
        ("The Secretary of the Navy Ana Ruiz spoke. Ruiz left.", "Ana Ruiz"),
        ("Ana Maria Ruiz spoke. Ruiz left.", "Ana Maria Ruiz"),
        ("Jana A. Novak spoke. Novak left.", "Jana A. Novak"),
        ("I. Jana Novak spoke. Novak left.", "I. Jana Novak"),
    ],
)
def test_full_name_leaves_out_the_title(text: str, full: str) -> None:
    surname = full.split()[-1]
    assert find_full_name(text, surname, text.rindex(surname)) == full


def test_name_part() -> None:
    assert name_part(["House", "Speaker", "Ivo"]) == ["Ivo"]
    assert name_part(["Staff", "Ivo"], after_of=True) == ["Ivo"]
    assert name_part(["Jana", "Maria"]) == ["Jana", "Maria"]
    assert ends_in_of("the Chief of ", 13)
    assert ends_in_of("the Secretary of the ", 21)
    assert not ends_in_of("the support of ", 15)
    assert not ends_in_of("the Prof ", 9)


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        (
            "Lornian President Ana Ruiz met the governor on Monday. The President noted",
            "president",
            ("Ana Ruiz", "Lornian President"),
        ),
        (
            "Ruiz met Governor of the Harbour Oblast Ivo Hart on Monday. The governor noted",
            "governor",
            ("Ivo Hart", "Governor of the Harbour Oblast"),
        ),
        ("The president of the club was not there. The President noted", "president", None),
    ],
)
def test_titled_person(text: str, title: str, expected: tuple[str, str] | None) -> None:
    assert titled_person(text, title, text.rindex("The ")) == expected
