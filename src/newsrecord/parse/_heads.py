"""Heads of mentions: how many tokens at the start or the end of a stretch name a speaker.

Over the tokens of :func:`~newsrecord.parse._spans.tokenize`: the run of a name with its
title read backwards from a cue ("campaign manager Kellyanne Conway said"), a description
ending at a cue ("the expert said", "a spokesman for the council said"), and forwards after
an inverted cue, a name ("said Sen. Ted Cruz") or a description ("said one former senior
agency official") with the nouns that end it.  :mod:`~newsrecord.parse._mentions` builds
the mentions from them.
"""

from __future__ import annotations

from typing import Final

from newsrecord.parse._lexicon import (
    ABBREVIATIONS,
    CUE_VERBS,
    DETERMINERS,
    FUNCTION_WORDS,
    PRONOUNS,
)
from newsrecord.parse._lexicon_names import (
    GROUP_NOUNS,
    NAME_PARTICLES,
    NOT_NAME_WORDS,
    ORGANIZATION_WORDS,
    ROLE_NOUNS,
    SOURCE_ADJECTIVES,
    TITLE_MODIFIERS,
    TITLES_WITH_TO,
)
from newsrecord.parse._roles import is_role_noun
from newsrecord.parse._spans import core_of, is_capitalised, is_namelike, is_punctuation

__all__ = [
    "MAX_NAME_TOKENS",
    "descriptive_backward",
    "head_length",
    "name_length",
    "name_run_backward",
    "noun_tail",
]


MAX_NAME_TOKENS: Final = 16

#: Lower-case words that are no title word the lists do not know ("Senate minority leader").
_NOT_TITLE_WORDS: Final = FUNCTION_WORDS | DETERMINERS | CUE_VERBS

#: The words a name does not end with.
_PARTICLES_AND_THE: Final = NAME_PARTICLES | {"the"}


def name_run_backward(tokens: list[tuple[int, int, str]]) -> int | None:
    """Index of the first token of the name-like run that ends the token list."""
    index = len(tokens) - 1
    first: int | None = None
    seen_name = False
    while index >= 0 and len(tokens) - index <= MAX_NAME_TOKENS:
        word = tokens[index][2]
        core = core_of(word)
        if is_punctuation(word):
            break
        if is_namelike(word):
            seen_name = True
            first = index
        elif (seen_name and (is_role_noun(core) or core in TITLE_MODIFIERS)) or (
            seen_name
            and core in NAME_PARTICLES
            and index > 0
            and (
                is_namelike(tokens[index - 1][2])
                or (  # "van der Berg"
                    index > 1
                    and core_of(tokens[index - 1][2]) in NAME_PARTICLES
                    and is_namelike(tokens[index - 2][2])
                )
            )
        ):
            first = index
        elif seen_name and "-year-old" in core:
            first = index  # "17-year-old Jared Potts"
        elif (
            seen_name
            and core.isalpha()
            and not is_capitalised(word)
            and core not in _NOT_TITLE_WORDS
            and index + 1 < len(tokens)
            and not is_capitalised(tokens[index + 1][2])
            and (
                is_role_noun(core_of(tokens[index + 1][2]))
                or core_of(tokens[index + 1][2]) in TITLE_MODIFIERS
            )
        ):
            first = index  # a title word the lists do not know: "Senate minority leader"
        elif (
            seen_name
            and core == "the"
            and index > 1
            and core_of(tokens[index - 1][2]) in NAME_PARTICLES
            and is_namelike(tokens[index - 2][2])
        ):
            first = index  # "Jana Novak of the Institute ..."
        elif seen_name and core == "on" and _on_after_organization(tokens, index):
            first = index  # "the Standing Commission on Agrarian Policy"
        elif seen_name and core == "and" and _and_after_of(tokens, index):
            first = index  # "the Ministry of Sports and Tourism", "Minister of Labour and ..."
        elif seen_name and _title_of_the(tokens, index):
            # "Director General of the company Ivo Hart": the title goes on, before "of"
            index -= 2 if core_of(tokens[index - 1][2]) == "the" else 3
            first = index
        elif seen_name and core == "to" and _title_to(tokens, index, len(tokens)):
            first = index  # "Ambassador to Norland Ivo Hart", "Aide to the President ..."
        elif (
            seen_name
            and core == "the"
            and index > 1
            and core_of(tokens[index - 1][2]) == "to"
            and _title_to(tokens, index - 1, len(tokens))
        ):
            first = index
        else:
            break
        index -= 1
    if first is None:
        return None
    while (
        first < len(tokens)
        and core_of(tokens[first][2]) in NAME_PARTICLES
        and not is_capitalised(tokens[first][2])  # "Le Pen", "Van Hollen" keep theirs
    ):
        first += 1
    if first >= len(tokens):
        return None
    lowercase_role = any(
        not is_capitalised(tokens[i][2]) and core_of(tokens[i][2]) in ROLE_NOUNS
        for i in range(first, len(tokens))
    )
    if lowercase_role and first > 0 and core_of(tokens[first - 1][2]) in DETERMINERS:
        first -= 1  # "the Florida senator", "a Fed governor"
    elif (
        first > 0
        and core_of(tokens[first - 1][2]) == "the"
        and any(
            core_of(tokens[i][2]) in ORGANIZATION_WORDS or tokens[i][2].endswith(("’s", "'s"))
            for i in range(first, len(tokens))
        )
    ):
        first -= 1  # "The New York Times", "the Washington Post’s Ishaan Tharoor"
    return first


def _title_of_the(tokens: list[tuple[int, int, str]], index: int) -> bool:
    """Whether ``tokens[index]`` is a lower-case organisation word in a title's "of the
    WORD" right before the name: "Chief physician of the centre Ana Ruiz"."""
    if not 3 <= index < len(tokens) - 1:
        return False
    core = core_of(tokens[index][2])
    if not (
        core in ORGANIZATION_WORDS
        and not is_capitalised(tokens[index][2])
        and is_namelike(tokens[index + 1][2])
    ):
        return False
    the = index - 1
    if core_of(tokens[the][2]) != "the" and not is_capitalised(tokens[the][2]):
        the -= 1  # "of the national team": one lower-case word before the organisation's
    return (
        the >= 2
        and core_of(tokens[the][2]) == "the"
        and core_of(tokens[the - 1][2]) == "of"
        and is_role_noun(core_of(tokens[the - 2][2]))
    )


def _on_after_organization(tokens: list[tuple[int, int, str]], index: int) -> bool:
    """Whether ``tokens[index]`` ("on") is inside an organisation's name, after its
    organisation word and before a capitalised word: "Commission on Agrarian Policy"."""
    return (
        0 < index < len(tokens) - 1
        and is_capitalised(tokens[index - 1][2])
        and core_of(tokens[index - 1][2]) in ORGANIZATION_WORDS
        and is_namelike(tokens[index + 1][2])
    )


def _and_after_of(tokens: list[tuple[int, int, str]], index: int) -> bool:
    """Whether ``tokens[index]`` ("and") joins what an organisation or a title is "of":
    "Ministry of Sports and Tourism", "Minister of Agriculture and Food" (capitalised words
    on both sides, at most three between "of" and "and")."""
    if index + 1 >= len(tokens) or not is_namelike(tokens[index + 1][2]):
        return False
    back = index - 1
    while back > index - 4 and back > 0 and is_namelike(tokens[back][2]):
        back -= 1
    if back == index - 1 or back < 1 or core_of(tokens[back][2]) != "of":
        return False
    owner = tokens[back - 1][2]
    return is_capitalised(owner) and (
        core_of(owner) in ORGANIZATION_WORDS or is_role_noun(core_of(owner))
    )


def _title_to(tokens: list[tuple[int, int, str]], index: int, stop: int) -> bool:
    """Whether ``tokens[index]`` ("to") follows a title that takes it, at most three words
    back ("Ambassador to", "Ambassador of Lornia to"), and three capitalised words or more
    (where it serves, then a name) follow it before ``stop``: "Ambassador to France" alone
    is a description, its last word no name."""
    after = [t[2] for t in tokens[index + 1 : stop] if core_of(t[2]) != "the"]
    if len(after) < 3 or not all(is_namelike(w) for w in after[:3]):
        return False
    for back in range(max(0, index - 3), index):
        if core_of(tokens[back][2]) in TITLES_WITH_TO:
            return not any(is_punctuation(t[2]) for t in tokens[back:index])
    return False


def _title_between_names(tokens: list[tuple[int, int, str]], index: int) -> bool:
    """Whether the lower-case words from ``index`` are a title that ends in a role noun
    before a name, after the name of an organisation: "Harbour party boss Ivo Hart",
    "Transport ranking Democrat Ana Ruiz", "Valley Courier bureau chief Ana Ruiz".  Only
    title words, organisation and group nouns and hyphenated compounds stand in it, so that
    a verb ("Ruiz beat businessman X") ends the name."""
    stop = min(len(tokens) - 1, index + 3)
    k = index
    while k < stop:
        word = tokens[k][2]
        core = core_of(word)
        if is_capitalised(word) or word[-1:] in ",.;:!?":
            return False
        following = tokens[k + 1][2]
        if is_role_noun(core) and is_namelike(following):
            return True
        if core in TITLE_MODIFIERS and is_namelike(following):
            return is_role_noun(core_of(following))  # "ranking Democrat Ana Ruiz"
        if not (
            core in TITLE_MODIFIERS
            or core in ORGANIZATION_WORDS
            or core in GROUP_NOUNS
            or ("-" in core and core.replace("-", "").isalpha())
        ):
            return False
        k += 1
    return False


def descriptive_backward(tokens: list[tuple[int, int, str]]) -> int | None:
    """Index of the determiner of a descriptive subject ("the expert", "a source") at the end."""
    last = core_of(tokens[-1][2])
    if not last.isalpha() or (is_capitalised(tokens[-1][2]) and not is_role_noun(last)):
        return None
    if last in FUNCTION_WORDS:
        return None
    earliest = len(tokens) - 1
    for back in range(1, 6):
        index = len(tokens) - 1 - back
        if index < 0:
            break
        if is_punctuation(tokens[index][2]):
            break
        core = core_of(tokens[index][2])
        if core in DETERMINERS:
            owner = index - 1  # "a spokesman for the council": the spokesman speaks
            if (
                owner >= 1
                and core_of(tokens[owner][2]) in {"for", "of", "at", "to", "with", "from"}
                and (
                    is_role_noun(core_of(tokens[owner - 1][2]))
                    or core_of(tokens[owner - 1][2]) in ORGANIZATION_WORDS  # "the press
                )  # service of the Belarusian leader"
            ):
                outer = descriptive_backward(tokens[:owner])
                if outer is not None:
                    return outer
            if (  # "people familiar with her thinking", "a source close to the mayor"
                owner >= 2
                and core_of(tokens[owner][2]) in {"with", "to", "in"}
                and core_of(tokens[owner - 1][2]) in SOURCE_ADJECTIVES
            ):
                outer = descriptive_backward(tokens[: owner - 1])
                if outer is not None:
                    return outer
                if is_role_noun(core_of(tokens[owner - 2][2])):  # "people familiar with"
                    return owner - 2
            return index
        if core in FUNCTION_WORDS or (
            core.endswith("ed") and "-" not in core and not is_role_noun(core)
        ):
            break
        if tokens[index][2].endswith(("’s", "'s")) and is_namelike(tokens[index][2]):
            first = name_run_backward(tokens[: index + 1])  # "Ms. Merkel's spokesman"
            return first if first is not None else index
        if core in PRONOUNS or core in {"and", "or", "but", "that", "which", "who"}:
            break
        if not core.replace("-", "").replace("’s", "").replace("'s", "").isalpha():
            break
        if not is_capitalised(tokens[index][2]) or (
            earliest == index + 1 and core not in NOT_NAME_WORDS
        ):
            # a capitalised modifier right before the group: "Chinese military
            # commentators", "Trump fans"
            earliest = index
    if is_role_noun(last) and last.endswith("s"):
        return earliest  # "sources", "federal officials", "Chinese military commentators"
    return None


def name_length(tokens: list[tuple[int, int, str]], at: int) -> int:
    """How many tokens from ``at`` form a name with its title ("Sen. Ted Cruz")."""
    taken = at
    while taken < len(tokens) and taken - at < MAX_NAME_TOKENS:
        word = tokens[taken][2]
        core = core_of(word)
        if is_punctuation(word):
            break
        following = core_of(tokens[taken + 1][2]) if taken + 1 < len(tokens) else ""
        particle = (
            core in NAME_PARTICLES
            and taken + 1 < len(tokens)
            and (
                is_namelike(tokens[taken + 1][2])
                or following == "the"
                or (  # "van der Berg"
                    following in NAME_PARTICLES
                    and taken + 2 < len(tokens)
                    and is_namelike(tokens[taken + 2][2])
                )
            )
            and taken > at
        )
        if core == "the" and taken > at and core_of(tokens[taken - 1][2]) in NAME_PARTICLES:
            particle = taken + 1 < len(tokens) and is_namelike(tokens[taken + 1][2])
            if not particle and (
                _title_of_the(tokens, taken + 1) or _title_of_the(tokens, taken + 2)
            ):
                particle = True  # "Chief physician of the centre Ana Ruiz"
        elif (
            taken > at + 2
            and not is_capitalised(word)
            and (_title_of_the(tokens, taken) or _title_of_the(tokens, taken + 1))
        ):
            particle = True  # "... of the (national) team Ana Ruiz"
        elif core == "the" and taken > at + 1 and _title_to(tokens, taken - 1, len(tokens)):
            particle = taken + 1 < len(tokens) and is_namelike(tokens[taken + 1][2])
        elif core == "on" and taken > at and _on_after_organization(tokens, taken):
            particle = True  # "the Standing Commission on Agrarian Policy of ..."
        elif core == "to" and taken > at and _title_to(tokens, taken, len(tokens)):
            particle = taken + 1 < len(tokens) and (  # "Aide to the President Ana Ruiz"
                is_namelike(tokens[taken + 1][2]) or following == "the"
            )
        if is_namelike(word) or core in ROLE_NOUNS or core in TITLE_MODIFIERS or particle:
            taken += 1
        elif (
            core.isalpha()
            and core not in FUNCTION_WORDS
            and core not in DETERMINERS
            and not any(is_namelike(tokens[i][2]) for i in range(at, taken))
            and any(
                is_namelike(w) or core_of(w) in ROLE_NOUNS
                for _s, _e, w in tokens[taken + 1 : taken + 3]
            )
        ):
            taken += 1  # a title word the lists do not know: "former tech executive X"
        elif taken > at and _title_between_names(tokens, taken):
            taken += 1  # "Harbour party boss Ivo Hart"
        else:
            break
        if word.endswith((",", ".")) and not (
            word.endswith(".") and (len(core) <= 3 or core in ABBREVIATIONS)
        ):
            break  # "Navy Capt. Ivo Hart" goes on
    while taken > at and core_of(tokens[taken - 1][2]) in _PARTICLES_AND_THE:
        taken -= 1
    if not any(is_namelike(tokens[i][2]) for i in range(at, taken)):
        return 0
    return taken - at


def head_length(tokens: list[tuple[int, int, str]]) -> int:
    """How many leading tokens name a speaker: a name, or a description ("a spokesman for X")."""
    first = core_of(tokens[0][2])
    if first in DETERMINERS:
        if len(tokens) > 1 and "-year-old" in tokens[1][2]:
            return 2  # "the 46-year-old"
        taken = 0
        if len(tokens) > 1 and is_namelike(tokens[1][2]):
            named = name_length(tokens, 1)
            if named:
                taken = 1 + named  # "the Institute of Transport Studies", "a Trump adviser"
                if not is_role_noun(core_of(tokens[taken - 1][2])):
                    return noun_tail(tokens, taken)
    if first in DETERMINERS and taken == 0:
        taken = 1
        while taken < len(tokens) and taken < 6:
            if is_punctuation(tokens[taken][2]):
                return 0
            if is_namelike(tokens[taken][2]):
                named = name_length(tokens, taken)  # "the younger Mr. Trump"
                return noun_tail(tokens, taken + named) if named else 0  # "one GOP aide"
            core = core_of(tokens[taken][2])
            taken += 1
            if (
                core in ROLE_NOUNS
                or core in GROUP_NOUNS
                or core[:-1] in GROUP_NOUNS
                or core in ORGANIZATION_WORDS  # "the port authority"
            ):
                taken = noun_tail(tokens, taken)  # "one former senior agency official"
                break
        else:
            return 0
    elif first in DETERMINERS:
        pass
    elif is_role_noun(first) and first.endswith("s") and not is_capitalised(tokens[0][2]):
        taken = 1  # "researchers at X", "officials"
    elif (
        len(tokens) > 1
        and first.isalpha()
        and not is_capitalised(tokens[0][2])
        and first not in FUNCTION_WORDS
        and is_role_noun(core_of(tokens[1][2]))
        and core_of(tokens[1][2]).endswith("s")
    ):
        taken = 2  # "federal officials", "senior aides"
    else:
        return noun_tail(tokens, name_length(tokens, 0))  # "X of the New York delegation"
    # "a person close to the Clintons", "a source familiar with the plan"
    if taken + 2 < len(tokens) and core_of(tokens[taken][2]) in SOURCE_ADJECTIVES:
        taken += 1
    # "a spokesman for the campaign", "researchers at Eastmoor University", "an adviser to X"
    if taken + 1 < len(tokens) and (
        core_of(tokens[taken][2]) in {"at", "for", "of", "from", "with", "to"}
        # "a source involved in the talks"
        or (core_of(tokens[taken][2]) == "in" and core_of(tokens[taken - 1][2]) == "involved")
    ):
        at = taken + 1
        if core_of(tokens[at][2]) == "the" and at + 1 < len(tokens):
            at += 1
        named = name_length(tokens, at) if is_namelike(tokens[at][2]) else 0
        if named:
            taken = noun_tail(tokens, at + named)  # "of the New York delegation"
        elif core_of(tokens[at - 1][2]) == "the" and (
            core_of(tokens[at][2]) in GROUP_NOUNS or core_of(tokens[at][2]) in ORGANIZATION_WORDS
        ):
            taken = at + 1
        elif core_of(tokens[taken - 1][2]) in SOURCE_ADJECTIVES:
            # "a source familiar with the plan", "one Republican involved in the planning":
            # the object's words, to a comma or a word that opens no noun phrase
            stop = at
            while (
                stop < len(tokens)
                and stop - at < 4
                and not is_punctuation(tokens[stop][2])
                and core_of(tokens[stop][2]) not in FUNCTION_WORDS
                and core_of(tokens[stop][2]) not in CUE_VERBS
            ):
                stop += 1
                if tokens[stop - 1][2][-1:] in ",.;:":
                    break
            taken = stop if stop > at else taken - 1  # ("close" with no object: no speaker)
    return taken


def noun_tail(tokens: list[tuple[int, int, str]], taken: int) -> int:
    """``taken`` and the lower-case role or group nouns right after it, which end the same
    description: "one former GOP leadership aide", "one former campaign staffer"."""
    stop = min(len(tokens), taken + 2)
    while taken < stop:
        word = tokens[taken][2]
        core = core_of(word)
        modifier = (  # "the deputy prime minister": a title word, then its role noun
            core in TITLE_MODIFIERS
            and taken > 0
            and is_role_noun(core_of(tokens[taken - 1][2]))
            and taken + 1 < len(tokens)
            and not is_capitalised(tokens[taken + 1][2])
            and is_role_noun(core_of(tokens[taken + 1][2]))
        )
        unit = (  # "the press service of ...": an organisation's unit, in two words
            core in ORGANIZATION_WORDS
            and taken > 0
            and core_of(tokens[taken - 1][2]) in ORGANIZATION_WORDS
            and not is_capitalised(tokens[taken - 1][2])
        )
        if (
            is_punctuation(word)
            or is_capitalised(word)
            or not (is_role_noun(core) or core in GROUP_NOUNS or modifier or unit)
        ):
            break
        taken += 1
        if word[-1:] in ",.;:":
            break
    return taken
