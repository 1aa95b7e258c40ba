"""Descriptions of a speaker: what the words of "the minister", "a study by X" or "Mr.
Lorne" tell the coreference stage (``_coref``).

Pure functions over text: whether the text gave a person a title right before the name
(:func:`titled_before`, "Prima ballerina Ana Ruiz" for "the ballerina"), who made a study
(:data:`MADE_BY`), the post and organisation of "the president of X" (:func:`post_of`),
whether a role noun names one person (:func:`names_one`), the name a description opens
with (:func:`lower_first`), a country's adjective (:func:`is_demonym`) and a surname
without its title (:func:`without_title`).
"""

from __future__ import annotations

import re
from typing import Final

from newsrecord.parse._lexicon_names import DEMONYMS, HONORIFICS, ROLE_NOUNS
from newsrecord.parse._spans import core_of

__all__ = [
    "MADE_BY",
    "OF_THE",
    "is_demonym",
    "lower_first",
    "names_one",
    "post_of",
    "titled_before",
    "without_title",
]


def titled_before(text: str, noun: str, name: str, position: int) -> bool:
    """Whether the text, before ``position``, gives ``name`` the title ``noun`` right
    before it ("Prima ballerina Ana Ruiz", "head coach Ivo Hart"): a noun no list has
    then names that person ("the ballerina")."""
    if len(name.split()) < 2:
        return False
    at = text.find(f"{noun} {name}", 0, position)
    while at >= 0:
        end = at + len(noun) + 1 + len(name)
        if (at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "-")) and (
            end >= len(text) or not (text[end].isalnum() or text[end] == "-")
        ):
            return True
        at = text.find(f"{noun} {name}", at + 1, position)
    return False


#: "a study by X", "the survey of the X Institute": a finding and who made it.
MADE_BY: Final = re.compile(
    r"(?:a|an|the|this|its)\s+(?:[\w-]+\s+){0,2}?(?:study|survey|poll|report|analysis)\s+"
    r"(?:by|of|from)\s+(?P<maker>(?:the\s+)?[A-Z].*)$"
)


def lower_first(text: str, prefix: str = "") -> str:
    """``prefix`` plus ``text`` with its first letter in lower case ("the ministry"); a
    description that opens with a capitalised name ("High Technologies Park
    administration") is that name ("High Technologies Park")."""
    words = text.split()
    named = 0
    while named < len(words) and words[named][:1].isupper():
        named += 1
    if 1 < named < len(words) and all(w[:1].islower() for w in words[named:]):
        return " ".join(words[:named])
    return prefix + text[:1].lower() + text[1:]


#: "of the" and an adjective inside a role phrase: "head of the Lornian state".
OF_THE: Final = re.compile(r"\bof the (?:[\w-]+ )?(?=state\b|government\b)")


def is_demonym(word: str) -> bool:
    """A word for the people of a country: "Belarusian", "Chinese", "German"."""
    core = core_of(word)
    return core in DEMONYMS or core.endswith(("ian", "ese"))


def without_title(name: str) -> str:
    """A surname without the honorific or title before it ("Mr. Lorne", "President
    Lorne" give "Lorne"); any other name as it is."""
    words = name.split()
    if len(words) != 2 or not words[1][:1].isupper():
        return name
    first = core_of(words[0])
    return words[1] if first in HONORIFICS or first in ROLE_NOUNS else name


#: "the president of the Harbour Authority", "a spokeswoman for Valley Radio".
_POST_OF: Final = re.compile(
    r"(?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<noun>[a-z][\w-]*)\s+(?:of|for|at)\s+"
    r"(?P<owner>(?:the\s+)?[A-Z][^,;:]*)",
    re.IGNORECASE,
)


def post_of(head: str) -> tuple[str, str] | None:
    """``(role noun, organisation)`` of a description of someone's post at a named body:
    "the president of the Harbour Authority" is ``("president", "Harbour Authority")``, "a
    spokeswoman for YouTube" ``("spokeswoman", "YouTube")``; ``None`` for anything else
    ("the head of state", "a friend of mine")."""
    head = head.strip()
    found = _POST_OF.match(head)
    if found is None or core_of(found.group("noun")) not in ROLE_NOUNS:
        return None
    rest = head[found.end() :]
    if rest.strip() and not rest.startswith(","):
        return None  # (the description ends there, or at an apposition's comma)
    owner = found.group("owner").strip()
    owner = owner[4:] if owner.lower().startswith("the ") else owner
    return (core_of(found.group("noun")), owner) if owner[:1].isupper() else None


def names_one(noun: str) -> bool:
    """Whether a role noun names one person ("spokeswoman", "boss"), not several
    ("representatives", "officials"): a person so described is one "he" or "she" can
    stand for."""
    noun = core_of(noun)
    return not noun.endswith("s") or noun.endswith("ss")
