"""Full names: the name an article gives a person it also calls by a shorter form.

:func:`find_full_name` looks for the capitalised words standing right before a surname
("Ivo " in "Ivo Hart"), titles dropped; :func:`completed_name` gives a person known by a
surname or an honorific only ("Hart", "Mr. Hart") the full name the article gives
anywhere; :func:`last_person_named` is the last full name of a person in a stretch of
text, for a pronoun that nobody quoted before stands for.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Final

from newsrecord.parse._lexicon_names import (
    HONORIFICS,
    NOT_NAME_WORDS,
    ROLE_NOUNS,
    TITLE_MODIFIERS,
)
from newsrecord.parse._roles import is_person_name, is_role_noun
from newsrecord.parse._spans import core_of, is_namelike

__all__ = [
    "POSSESSIVES",
    "completed_name",
    "ends_in_of",
    "find_full_name",
    "full_name_word",
    "last_person_named",
    "name_part",
    "titled_person",
]

#: The endings of a possessive: "Trump's campaign" names the campaign, not Trump.
POSSESSIVES: Final = ("’s", "'s", "’", "'")
#: How far before a surname the words of its name are looked for (characters): three
#: words of a name are far shorter.
_NAME_WINDOW: Final = 400
#: One to three capitalised words ending where a surname starts: "Ivo " in "Ivo Hart".
#: (The first letter comes first and the word boundary before it is a look-behind: a
#: pattern that opens with a letter class is searched for by skipping to such letters.)
_WORDS_BEFORE_NAME: Final = re.compile(
    r"([A-Z](?<!\w[A-Z])[\w’'.-]+\s+(?:[A-Z][\w’'.-]+\s+){0,2})\Z"
)


def find_full_name(text: str, surname: str, before: int) -> str | None:
    """The first full name in ``text[:before]`` that ends in ``surname``, or None."""
    first = text.find(surname, 0, before) if surname else -1
    if first < 0:
        return None  # what is looked for ends in the surname (and an empty one is none)
    # (r"\bSURNAME\b", the first word boundary a look-behind after the surname: a pattern
    # that opens with the surname is searched for by skipping to it)
    word = re.escape(surname)
    occurrence = re.compile(word + r"(?<=\b" + word + r")\b")
    # Each occurrence of the surname is looked at with the (at most three) capitalised
    # words right before it; the text between occurrences is not read.
    for found in occurrence.finditer(text, first, before):
        match = _WORDS_BEFORE_NAME.search(text, max(0, found.start() - _NAME_WINDOW), found.start())
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


def name_part(words: list[str], after_of: bool = False) -> list[str]:
    """The words of a name among the capitalised ones before a surname: those after the
    last title, role, honorific, possessive or other word no name has ("Labor Secretary
    Ana", "Majority Leader Ivo", "CNN’s Ivo"); ``after_of``: the words follow a title and
    "of" or "for", so the first one ends the title ("Chief of Staff Ivo")."""
    if after_of:
        words = words[1:]
    cut = max((index for index, word in enumerate(words) if _no_name_word(word)), default=-1)
    return words[cut + 1 :]


def _no_name_word(word: str) -> bool:
    core = core_of(word)
    if len(word) == 2 and word[0].isupper() and word[1] == ".":
        return False  # an initial ("A." is no article)
    return (
        core in NOT_NAME_WORDS
        or core in HONORIFICS
        or is_role_noun(core)
        or core in TITLE_MODIFIERS
        or word.endswith(POSSESSIVES)
        or not is_namelike(word)
    )


#: A capitalised word, then "of" or "for" (and "the"), right before where a run of
#: capitalised words starts: "Chief of " before "Staff Ivo Hart".
_TITLE_OF_BEFORE: Final = re.compile(r"(?<![\w’'.-])([A-Z][\w’'.-]*)\s+(?:of|for)(?:\s+the)?\s+\Z")


def ends_in_of(text: str, at: int) -> bool:
    """Whether ``text[:at]`` ends in a title and "of" or "for" ("Chief of ", "Secretary of
    the "), so that the word at ``at`` ends the title ("Staff", "Navy")."""
    match = _TITLE_OF_BEFORE.search(text, max(0, at - 40), at)
    if match is None:
        return False
    core = core_of(match.group(1))
    return is_role_noun(core) or core in TITLE_MODIFIERS or core in HONORIFICS


def full_name_word(word: str) -> bool:
    """Whether ``word`` may stand in a full name before the surname: an initial or a
    capitalised word without a full stop, not an acronym."""
    if len(word) == 2 and word[0].isupper() and word[1] == ".":
        return True  # an initial
    return word[:1].isupper() and not word.endswith(".") and not (len(word) > 2 and word.isupper())


#: A run of two to four capitalised words: a candidate full name.
#: (The word boundary before it is a look-behind after its first capital, so that the
#: search skips to capitals.)
_FULL_NAME: Final = re.compile(r"[A-Z](?<=\b[A-Z])[\w’'-]+(?:\s+(?:[A-Z]\.|[A-Z][\w’'-]+)){1,3}\b")


#: The words of a title or an honorific before a name.
_TITLES: Final = ROLE_NOUNS | TITLE_MODIFIERS | HONORIFICS


def last_person_named(text: str, start: int, stop: int) -> str | None:
    """The last full name of a person in ``text[start:stop]``, titles dropped."""
    found: str | None = None
    for match in _FULL_NAME.finditer(text, start, stop):
        words = match.group().split()
        while len(words) > 1 and (
            core_of(words[0]) in _TITLES or core_of(words[0]) in NOT_NAME_WORDS
        ):
            words = words[1:]
        name = " ".join(words)
        if (
            len(words) >= 2
            and not words[-1].endswith(POSSESSIVES)
            and is_person_name(name)
            and not text.startswith(POSSESSIVES, match.end())
        ):
            found = name
    return found


def completed_name(text: str, name: str) -> str | None:
    """The full name ``text`` gives a person known as ``name`` by surname or honorific
    only ("Clinton", "Mr. Avdonin"), anywhere in it ("... said Clinton. ... Hillary
    Clinton, the nominee, ..."); None when ``name`` is longer or nothing longer is found."""
    words = name.split()
    if not words:
        return None
    honorific = len(words) == 2 and core_of(words[0]) in HONORIFICS
    if len(words) != 1 and not honorific:
        return None
    full = find_full_name(text, words[-1].strip(".,"), len(text))
    if full is not None and len(full.split()) > 1 and full != name:
        return full
    return None


#: A title's word and what follows it: an optional "of the Kaluga Oblast", then a name.
_AFTER_TITLE: Final = re.compile(
    r"(?P<of>\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w’'-]+\s+){1,4})?"
    r"\s*(?P<name>[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'-]+){1,2})\b"
)
#: Capitalised words right before a title: "Belarusian" in "Belarusian President X".
_BEFORE_TITLE: Final = re.compile(r"((?:[A-Z][\w’'-]+\s+){0,2})\Z")


def titled_person(text: str, title: str, before: int) -> tuple[str, str] | None:
    """``(name, role)`` of the last person the text before ``before`` names with a title:
    "Belarusian President Aleksandr Lukashenko" for "president", "Governor of the Kaluga
    Oblast Vladislav Shapsha" for "governor" (the role keeps the words of the title).

    For a description ("the President noted") when nobody quoted before has the title.
    """
    starts, found = _titled_people(text, title[:1].upper() + title[1:])
    at = bisect.bisect_left(starts, before)
    while at > 0:
        at -= 1
        end, name, role = found[at]
        if end <= before:
            return name, role
    return None


# Cached (the result is immutable and depends on the text alone): every description of
# an article with a title looks for the person, and a text is read once a title.
@functools.lru_cache(maxsize=16)
def _titled_people(text: str, word: str) -> tuple[list[int], list[tuple[int, str, str]]]:
    """Where the text names a person with the title ``word``: the starts, and for each the
    end of the name, the name and the role."""
    starts: list[int] = []
    found: list[tuple[int, str, str]] = []
    for title in re.finditer(rf"\b{re.escape(word)}\b", text):
        after = _AFTER_TITLE.match(text, title.end())
        if after is None:
            continue
        name = after.group("name")
        if not is_person_name(name) or any(not is_namelike(w) for w in name.split()):
            continue
        lead = _BEFORE_TITLE.search(text, max(0, title.start() - 80), title.start())
        role = " ".join(
            part
            for part in (
                (lead.group(1).strip() if lead else ""),
                word,
                (after.group("of") or "").strip(),
            )
            if part
        )
        starts.append(title.start())
        found.append((after.end(), name, role))
    return starts, found
