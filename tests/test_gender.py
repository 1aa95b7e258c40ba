"""Tests of ``newsrecord.parse._gender``: the gender the text tells of a person.

Every sentence here is made up, with invented people.
"""

from __future__ import annotations

import pytest

from newsrecord.parse._gender import gender_of, pronoun_gender


@pytest.mark.parametrize(
    ("text", "name", "gender"),
    [
        # an honorific anywhere before the surname
        ("Ms. Varga spoke first. Later the council voted.", "Lena Varga", "f"),
        ("The motion failed, Mr. Okafor said.", "Okafor", "m"),
        # a gendered noun heading the apposition, or right before the name
        ("Tomas Brel, a spokeswoman for the port, declined.", "Tomas Brel", "f"),
        ("Port spokesman Ari Sollen declined to comment.", "Ari Sollen", "m"),
        ("His wife, Mira, asked for a recount.", "Mira", "f"),
        # the pronoun the sentence uses of the person it opens with
        ("Edda Quist, 81, walked to her polling station at noon.", "Edda Quist", "f"),
        ("Rolf Ambe said he would appeal the ruling.", "Rolf Ambe", "m"),
    ],
)
def test_the_text_tells_the_gender(text: str, name: str, gender: str) -> None:
    assert gender_of(text, name) == gender


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # nothing said
        ("Kai Doran voted against the plan on Monday.", "Kai Doran"),
        # a couple: Mr. and Mrs. of one surname tell nothing of the surname alone
        ("Mr. Vell and Mrs. Vell arrived together.", "Vell"),
        # another name stands between the person and the pronoun
        ("Kai Doran praised Ana Ruiz for her work.", "Kai Doran"),
        # a noun after a preposition in the apposition is someone else
        ("Kai Doran, an adviser to the mother of the mayor, spoke.", "Kai Doran"),
    ],
)
def test_no_evidence_no_gender(text: str, name: str) -> None:
    assert gender_of(text, name) is None


def test_an_honorific_outweighs_a_pronoun() -> None:
    text = "Ms. Tarn arrived. Tarn said he had left early; Ms. Tarn denied it."
    assert gender_of(text, "Tarn") == "f"


@pytest.mark.parametrize(
    ("pronoun", "gender"), [("he", "m"), ("His", "m"), ("she", "f"), ("her", "f"), ("I", None)]
)
def test_pronoun_gender(pronoun: str, gender: str | None) -> None:
    assert pronoun_gender(pronoun) == gender
