"""Russian words: folding, cue verbs by stem and ending, noun lemmas and surname keys.

The word lists are data in :mod:`newsrecord.parse._lexicon_ru`; this module reads words
with them.  Cue verbs are known by their stems (:data:`~newsrecord.parse._lexicon_ru.CUE_STEMS`)
and a suffix rule for tense, gender, number and the reflexive ending, so ``заявил``,
``заявила``, ``заявляют`` and ``сообщается`` are all found (:func:`cue_form`).  Role and
organisation nouns are known in every case (:func:`noun_lemma`), surnames across their
case endings (:func:`surname_key`).
"""

from __future__ import annotations

import functools
import re
from typing import Final

from newsrecord.parse._lexicon_ru import (
    ADJECTIVE_ENDINGS,
    CUE_ADJECTIVES,
    CUE_STEMS,
    NAME_ENDINGS,
    NOUN_ENDINGS,
    ORGANIZATION_NOUNS,
    ROLE_NOUNS,
    VERB_ENDINGS,
)

__all__ = [
    "STOP_WORDS",
    "capitalised",
    "cue_form",
    "fold",
    "is_acronym",
    "is_quoted_name",
    "noun_lemma",
    "organization_lemma",
    "role_lemma",
    "surname_key",
    "word_count",
]


def fold(word: str) -> str:
    """A word in lower case with ``ё`` read as ``е``, as the word lists spell it."""
    return word.lower().replace("ё", "е")


def _stem_index() -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for stem in CUE_STEMS:
        index.setdefault(stem[:3], []).append(stem)
    return index


_STEMS_BY_PREFIX: Final = _stem_index()


def cue_form(word: str) -> str | None:
    """The gender or number a cue word tells (``"m"``, ``"f"``, ``"n"``, ``"p"`` or ``""``
    when it does not tell), or ``None`` when the word is no cue.

    ``заявила`` is the stem ``заяви`` and the ending ``ла`` (feminine); ``уверены`` is
    the short adjective ``уверен`` in the plural.
    """
    folded = fold(word)
    for stem in _STEMS_BY_PREFIX.get(folded[:3], ()):
        if folded.startswith(stem):
            ending = folded[len(stem) :]
            if ending in VERB_ENDINGS:
                return VERB_ENDINGS[ending]
    for adjective in CUE_ADJECTIVES:
        if folded.startswith(adjective) and folded[len(adjective) :] in ADJECTIVE_ENDINGS:
            return ADJECTIVE_ENDINGS[folded[len(adjective) :]]
    return None


def _declension(lemma: str, gender: str) -> tuple[str, tuple[str, ...]]:
    """A noun's stem and the endings of its cases (see :data:`NOUN_ENDINGS`)."""
    if gender == "-":
        return lemma, ("",)
    if lemma.endswith("ь"):
        return lemma[:-1], ("ь", "я", "ю", "ем", "е")
    if lemma.endswith("о"):
        return lemma[:-1], NOUN_ENDINGS["n-о"]
    if lemma.endswith("е"):
        return lemma[:-1], NOUN_ENDINGS["n-е"]
    if lemma.endswith("а"):
        return lemma[:-1], NOUN_ENDINGS["f-а"]
    if lemma.endswith("я"):
        return lemma[:-1], NOUN_ENDINGS["f-я"]
    return lemma, NOUN_ENDINGS["m"]


def _forms(lemmas: dict[str, str]) -> dict[str, str]:
    table: dict[str, str] = {}
    for lemma, gender in lemmas.items():
        stem, endings = _declension(lemma, gender)
        for ending in endings:
            table.setdefault(stem + ending, lemma)
    return table


_ROLE_FORMS: Final = _forms(dict.fromkeys(ROLE_NOUNS, ""))
_ORGANIZATION_FORMS: Final = _forms(ORGANIZATION_NOUNS)


def noun_lemma(word: str) -> str | None:
    """The nominative of a role or organisation noun in any case, or ``None``.

    ``института`` is ``институт``, ``министерстве`` ``министерство``, ``агронома``
    ``агроном``; a compound keeps its first part (``пресс-службе``: ``пресс-служба``).
    """
    folded = fold(word)
    return _ROLE_FORMS.get(folded) or _ORGANIZATION_FORMS.get(folded)


def role_lemma(word: str) -> str | None:
    """The nominative of a role noun in any case, or ``None``."""
    return _ROLE_FORMS.get(fold(word))


def organization_lemma(word: str) -> str | None:
    """The nominative of an organisation noun in any case, or ``None``."""
    return _ORGANIZATION_FORMS.get(fold(word))


@functools.lru_cache(maxsize=4096)
def surname_key(word: str) -> str:
    """A surname without its case ending: Авдонин, Авдонина, Авдониным give ``авдонин``.

    The longest ending of :data:`NAME_ENDINGS` that leaves at least three letters is cut;
    a surname that does not decline (Лысенко, Сечко) is its own key.
    """
    folded = fold(word)
    for ending in NAME_ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= 3:
            return folded[: -len(ending)]
    return folded


def is_acronym(token: str) -> bool:
    """Whether a token is an acronym (``МЧС``)."""
    return len(token) >= 2 and token.isalpha() and token.isupper()


def capitalised(token: str) -> bool:
    """Whether a token starts with a capital."""
    return token[:1].isupper()


def is_quoted_name(token: str) -> bool:
    """Whether a token is a name in quotation marks (``«Полесье»``)."""
    return token[:1] in '«„“"'


def word_count(text: str) -> int:
    """How many words ``text`` has."""
    return len(re.findall(r"\w+", text))


#: Prepositions (and ``журналистам``) that end a speaker's mention after a cue.
STOP_WORDS: Final = frozenset(
    {"в", "во", "на", "с", "со", "к", "по", "для", "о", "об", "при", "после", "журналистам"}
)
