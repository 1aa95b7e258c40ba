"""The gender the text tells of a person, as evidence for resolving "he" and "she".

Only what the article itself says counts, never a list of given names: an honorific before
the name ("Ms. Novak"), a gendered noun next to it ("Jana Novak, a spokeswoman", "his
wife, Jana,", "spokeswoman Jana Novak"), and the pronoun a sentence uses of the person
it opens with ("Jana Novak, 64, drove to her office").
"""

from __future__ import annotations

import functools
import re
from typing import Final

from newsrecord.parse._lexicon_names import (
    GENDERED_NOUNS,
    GENDERED_PRONOUNS,
    HONORIFIC_GENDER,
)

__all__ = ["gender_of", "pronoun_gender"]

#: What one piece of evidence weighs: an honorific says most, a nearby pronoun least.
_HONORIFIC_WEIGHT: Final = 3
_NOUN_WEIGHT: Final = 2
_PRONOUN_WEIGHT: Final = 1
#: How far after a name its sentence is read for a pronoun (characters).
_PRONOUN_REACH: Final = 90
_WORD: Final = re.compile(r"[A-Za-z][\w’'-]*")
_CLAUSE_END: Final = re.compile(r"[.!?;“”\"]|\n")


def pronoun_gender(pronoun: str) -> str | None:
    """``"m"`` for he/his/him, ``"f"`` for she/her, else None."""
    return GENDERED_PRONOUNS.get(pronoun.lower())


def _honorific_votes(text: str, surname: str) -> tuple[int, int]:
    """Honorifics before the surname anywhere: ("Mr. Hart", "Mrs. Hart") counts."""
    male = female = 0
    pattern = r"\b(\w+)\.?\s+" + re.escape(surname) + r"\b"
    for match in re.finditer(pattern, text):
        told = HONORIFIC_GENDER.get(match.group(1).lower())
        male += told == "m"
        female += told == "f"
    return male, female


def _noun_votes(text: str, name: str) -> tuple[int, int]:
    """Gendered nouns right before the name or heading its apposition ("Jana Novak, a
    spokeswoman for the city,": the words up to the first preposition end in the noun)."""
    male = female = 0
    escaped = re.escape(name)
    nouns: list[str] = [m.group(1) for m in re.finditer(r"\b(\w+),?\s+" + escaped + r"\b", text)]
    for match in re.finditer(escaped + r",\s+([^,.;()“”\"]{1,60})", text):
        head = re.split(
            r"\s(?:of|for|to|at|in|with|from|on|by|and|who|whose|said|says)\s", match.group(1)
        )
        words = head[0].split()
        if words:
            nouns.append(words[-1])
    for noun in nouns:
        low = noun.lower()
        told = GENDERED_NOUNS.get(low)
        if told is not None and low not in HONORIFIC_GENDER:
            male += told == "m"
            female += told == "f"
    return male, female


def _pronoun_votes(text: str, name: str) -> tuple[int, int]:
    """The first gendered pronoun after each mention of the name, in its clause, when no
    other capitalised word (another person it could stand for) comes between."""
    male = female = 0
    for match in re.finditer(r"\b" + re.escape(name) + r"\b(?![’'])", text):
        window = text[match.end() : match.end() + _PRONOUN_REACH]
        stop = _CLAUSE_END.search(window)
        window = window[: stop.start()] if stop else window
        for word in _WORD.finditer(window):
            told = GENDERED_PRONOUNS.get(word.group().lower())
            if told is not None:
                male += told == "m"
                female += told == "f"
                break
            if word.group()[:1].isupper():  # another name the pronoun may stand for
                break
    return male, female


@functools.lru_cache(maxsize=512)  # asked about the same names for every pronoun
def gender_of(text: str, name: str) -> str | None:
    """``"m"`` or ``"f"`` when the text tells a person's gender clearly, else None.

    The evidence of honorifics, gendered nouns and pronouns is weighed; a tie (say
    "Mr. Hart" and "Mrs. Hart", a couple) tells nothing.
    """
    words = name.split()
    if not words:
        return None
    surname = words[-1]
    male = female = 0
    for weight, (m, f) in (
        (_HONORIFIC_WEIGHT, _honorific_votes(text, surname)),
        (_NOUN_WEIGHT, _noun_votes(text, name)),
        (_PRONOUN_WEIGHT, _pronoun_votes(text, name)),
    ):
        male += weight * m
        female += weight * f
    if male > female:
        return "m"
    if female > male:
        return "f"
    return None
