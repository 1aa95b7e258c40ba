"""Russian names in the nominative: people, organisations and the titles before names.

A name read in the genitive (``по словам Светланы Жуковой``) is put in the nominative
(:func:`nominative_name`); an organisation's noun and the adjectives before it are put in
the nominative, the words after it stay as written (``Белорусского института аграрной
экономики``: ``Белорусский институт аграрной экономики``, :func:`organization_nominative`);
a title before a name gives the role and the organisation (:func:`title_affiliation`).
"""

from __future__ import annotations

from collections.abc import Sequence

from newsrecord._model import Affiliation
from newsrecord.parse._lexicon_ru import (
    COMMON_ORGANIZATION_NOUNS,
    FIRST_NAME_GENITIVES,
    ORGANIZATION_NOUNS,
    PLACE_NOMINATIVES,
)
from newsrecord.parse._ru_words import (
    STOP_WORDS,
    capitalised,
    fold,
    is_quoted_name,
    organization_lemma,
    role_lemma,
)

__all__ = [
    "adjective_nominative",
    "first_name_gender",
    "nominative_name",
    "organization_name",
    "organization_nominative",
    "prepositional_nominative",
    "title_affiliation",
]


def first_name_gender(first: str) -> str:
    """``"f"`` for a first name ending in а or я, else ``"m"``."""
    return "f" if fold(first).endswith(("а", "я")) else "m"


def nominative_name(words: list[str]) -> list[str]:
    """A person's name read in the genitive, put in the nominative (first name, surname)."""
    if not words:
        return words
    first, last = fold(words[0]), fold(words[-1])
    female = len(words) > 1 and (
        (first.endswith(("ы", "и")) and not first.endswith("ии")) or last.endswith(("ой", "ей"))
    )
    out: list[str] = []
    for index, word in enumerate(words):
        surname = index == len(words) - 1
        out.append(_nominative_word(word, female=female, surname=surname))
    return out


def _nominative_word(word: str, *, female: bool, surname: bool) -> str:
    folded = fold(word)
    if not surname and folded in FIRST_NAME_GENITIVES:
        return FIRST_NAME_GENITIVES[folded]
    rules: tuple[tuple[str, str], ...]
    if female:
        rules = (
            ("ской", "ская"),
            ("цкой", "цкая"),
            ("овой", "ова"),
            ("евой", "ева"),
            ("иной", "ина"),
            ("ыной", "ына"),
            ("ии", "ия"),
            ("ги", "га"),
            ("ки", "ка"),
            ("хи", "ха"),
            ("ы", "а"),
            ("и", "я"),
        )
    else:
        rules = (
            ("ского", "ский"),
            ("цкого", "цкий"),
            ("ова", "ов"),
            ("ева", "ев"),
            ("ина", "ин"),
            ("ына", "ын"),
            ("ича", "ич"),
            ("ея", "ей"),
            ("ия", "ий"),
            ("ая", "ай"),
            ("я", "ь"),
            ("а", ""),
        )
    if not surname and not female:
        rules = tuple(r for r in rules if r[0] not in {"ова", "ева", "ина", "ына"})
    for ending, nominative in rules:
        if folded.endswith(ending) and len(folded) > len(ending) + 1:
            return word[: len(word) - len(ending)] + nominative
    return word


def adjective_nominative(word: str, gender: str) -> str:
    """An adjective in the genitive agreeing with a noun of ``gender``, in the nominative."""
    folded = fold(word)
    if gender == "f":
        if folded.endswith("ой"):
            return word[:-2] + "ая"
        if folded.endswith("ей"):
            return word[:-2] + "яя"
        return word
    if folded.endswith(("ом", "ем")) and len(folded) > 4:  # "в Национальном институте"
        stem = word[:-2]
        if gender == "n":
            return stem + ("ее" if folded.endswith("ем") else "ое")
        soft = folded.endswith("ем") or fold(stem)[-1:] in "кгхжшчщ"
        return stem + ("ий" if soft else "ый")
    if folded.endswith(("ого", "его")):
        stem = word[:-3]
        if gender == "n":
            return stem + ("ее" if folded.endswith("его") else "ое")
        soft = folded.endswith("его") or fold(stem)[-1:] in "кгхжшчщ"
        return stem + ("ий" if soft else "ый")
    return word


def _place_nominative(word: str) -> str:
    folded = fold(word)
    if folded in PLACE_NOMINATIVES:
        return PLACE_NOMINATIVES[folded]
    if folded.endswith("ии"):
        return word[:-1] + "я"
    return word


def prepositional_nominative(word: str) -> str:
    """A one-word name after "в" in the nominative: "в Белгидромете" is Белгидромет,
    "в Минздраве" Минздрав (the prepositional "-е" of a noun ending in a consonant)."""
    folded = fold(word)
    if folded in PLACE_NOMINATIVES or folded.endswith("ии"):
        return _place_nominative(word)
    if len(folded) > 4 and folded.endswith("е") and folded[-2] not in "аеёиоуыэюяйь":
        return word[:-1]
    return word


def organization_nominative(tokens: list[str]) -> str:
    """An organisation's name as written, its noun and the adjectives before it in the
    nominative ("Белорусского института аграрной экономики" -> "Белорусский институт
    аграрной экономики"); a lone place name is put in the nominative too."""
    head = next((i for i, t in enumerate(tokens) if organization_lemma(t)), None)
    if head is None:
        if len(tokens) == 1 and not is_quoted_name(tokens[0]):
            return _place_nominative(tokens[0])
        return " ".join(tokens)
    lemma = organization_lemma(tokens[head]) or tokens[head]
    out = list(tokens)
    if fold(tokens[head]) != lemma:
        gender = ORGANIZATION_NOUNS[lemma]
        for index in range(head):
            out[index] = adjective_nominative(tokens[index], gender)
        out[head] = lemma[:1].upper() + lemma[1:] if capitalised(tokens[head]) else lemma
    return " ".join(out)


def organization_name(tokens: list[str]) -> str:
    """An organisation's name in the nominative; a common noun opening it is lower-cased."""
    name = organization_nominative(tokens)
    first = name.split()[0]
    if fold(first) in COMMON_ORGANIZATION_NOUNS and capitalised(first):
        name = first[:1].lower() + name[1:]
    return name


def title_affiliation(title: Sequence[str]) -> Affiliation | None:
    """The role and organisation in a title before a name."""
    tokens = list(title)
    role_at = next((i for i, t in enumerate(tokens) if role_lemma(t)), None)
    if role_at is None:
        return None
    lemma = role_lemma(tokens[role_at]) or ""
    modifiers = [fold(t) for t in tokens[:role_at]]
    if fold(tokens[role_at]) != lemma:  # "главного инженера": the modifier agrees
        modifiers = [adjective_nominative(m, "m") for m in modifiers]
    rest = tokens[role_at + 1 :]
    org_at = next((i for i, t in enumerate(rest) if capitalised(t)), len(rest))
    quoted = next((i for i, t in enumerate(rest) if is_quoted_name(t)), None)
    if quoted is not None and quoted <= org_at:
        org_at = quoted
        while org_at > 0 and _genitive_of_name(rest[org_at - 1]):
            org_at -= 1  # "сельскохозяйственного кооператива «Заречье»"
        noun = next(
            (i for i in range(org_at - 1, max(org_at - 4, -1), -1) if organization_lemma(rest[i])),
            None,
        )
        if noun is not None:  # "агентства недвижимости «Квадрат»"
            org_at = noun
            while org_at > 0 and _genitive_of_name(rest[org_at - 1]):
                org_at -= 1
    organization_words = rest[org_at:]
    if not any(organization_lemma(t) for t in organization_words):
        # "Посол Лорнии в Беларуси": the country, not where the post is
        stop = next((i for i, t in enumerate(organization_words) if fold(t) in STOP_WORDS), None)
        organization_words = organization_words[:stop]
    role = " ".join([*modifiers, lemma, *rest[:org_at]])
    organization = organization_nominative(organization_words) if organization_words else None
    return Affiliation(organization=organization or None, role=role or None)


def _genitive_of_name(word: str) -> bool:
    """Whether a lower-case word can open the organisation before a «name»."""
    return not capitalised(word) and bool(
        organization_lemma(word) or fold(word).endswith(("ого", "ой", "ей", "его"))
    )
