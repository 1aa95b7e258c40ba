"""Names: runs of capitalised words read into names, titles and organisations.

A run of names is a run of capitalised words, with lower-case particles between them
("Estonian Transport Minister Ivo Hart", "the Institute of Transport Studies", "Mr.
Hart"), found by :data:`RUN` and cut at the full stops that end sentences
(:func:`pieces`).  What a run is, whatever entities were found before it, is computed
once per run as written and cached: :func:`word_facts` for a run of one word,
:func:`run_plan` for the words before the name ("The", a verb opening the sentence) and
"and" between two names, :func:`body_plan` for the connectors after it, a title before
"of" and a possessive owner ("Lornia’s President"), and :func:`reading` for the verdict
by the rules of ``_roles``: a person (a name of two to four words, or one after a title
or an honorific, without role, title, place, day or event words), a surname, an
organisation (an organisation word in it, or an acronym: "NATO") or nothing (a heading,
a lone capitalised word, a role without a name).  ``_entities`` reads the runs against
the entities found so far.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Final

import attrs

from newsrecord._model import Affiliation, SpeakerKind
from newsrecord.parse._lexicon import (
    ABBREVIATIONS,
    CUE_VERBS,
    DETERMINERS,
    FUNCTION_WORDS,
    PRONOUNS,
    SENTENCE_STARTERS,
)
from newsrecord.parse._lexicon_names import (
    DEMONYMS,
    HONORIFICS,
    NON_PERSON_WORDS,
    NOT_NAME_WORDS,
    ORGANIZATION_WORDS,
    ROLE_NOUNS,
    TITLE_MODIFIERS,
    TITLE_ORDINALS,
)
from newsrecord.parse._roles import is_organization, is_person_name, is_role_noun, read_name
from newsrecord.parse._spans import core_of

__all__ = [
    "NEVER_NAMES",
    "RUN",
    "acronym",
    "body_plan",
    "description_at_end",
    "inside_a_word",
    "opens_sentence",
    "paragraph_start",
    "pieces",
    "reading",
    "run_plan",
    "title_country",
    "word_facts",
]

#: Lower-case words that may stand inside a name between capitalised ones.
_CONNECTORS: Final = frozenset(
    {"of", "for", "the", "and", "de", "van", "von", "der", "bin", "al", "ibn"}
)
_POSSESSIVE: Final = ("’s", "'s", "’", "'")


def _keeps_its_stop(word: str) -> bool:
    """Whether a full stop at the end of ``word`` belongs to it ("Mr.", "U.S.", "H.")."""
    bare = word[:-1]
    if not bare:
        return False
    if len(bare) == 1 and bare.isupper():
        return True  # an initial
    lower = bare.lower()
    return lower in ABBREVIATIONS or lower in HONORIFICS or "." in bare


#: Capital letters: Latin (with the accented ones) and Cyrillic.
_UPPER: Final = "A-ZÀ-ÖØ-ÞА-ЯЁЂ-ЏҐЄІЇЎ"
#: A run of capitalised words, with lower-case particles between them ("Institute of
#: Transport Studies"), the words joined by one space or no-break space.  A full stop
#: that ends a sentence inside it is split off by :func:`pieces`.
RUN: Final = re.compile(
    rf"[{_UPPER}][\w’'.\-]*"
    rf"(?:[ \u00a0](?:(?:{'|'.join(sorted(_CONNECTORS))})[ \u00a0])*[{_UPPER}][\w’'.\-]*)*"
)
#: Capitalised words that are never a name, as they stand in the text.
NEVER_NAMES: Final = frozenset(
    form
    for word in NOT_NAME_WORDS | DETERMINERS
    for form in (word.capitalize(), word.capitalize() + ".")
)
_PIECE: Final = re.compile(r"[^ \u00a0]+")
#: What may stand between the end of a sentence and the next one's first word.
_BEFORE_SENTENCE: Final = ' \u00a0\n“"‘«„(['


def paragraph_start(text: str, at: int) -> int:
    """Where the paragraph of the text that ``at`` is in starts."""
    blank = text.rfind("\n\n", 0, at)
    return 0 if blank < 0 else blank + 2


def opens_sentence(text: str, start: int, floor: int) -> bool:
    """Whether the word at ``start`` is the first of its sentence (``floor``: its paragraph's
    start), quotation marks and brackets before it aside."""
    at = start
    while at > floor and text[at - 1] in _BEFORE_SENTENCE:
        at -= 1
    if at <= floor:
        return True
    while at > floor and text[at - 1] in "”\"’'»)]":
        at -= 1
    return text[at - 1] in ".!?…:" if at > floor else True


@functools.lru_cache(maxsize=4096)
def pieces(found: str) -> tuple[tuple[int, str], ...]:
    """The runs of names in one match of :data:`RUN`: ``(where it starts in the match, the
    run as written)``.  A run ends at a full stop that ends its sentence ("Hart." but
    "Mr.", "U.S.", "H."), which is no part of it; the runs after the first open a
    sentence.
    """
    runs: list[tuple[int, str]] = []
    first = last = -1
    for piece in _PIECE.finditer(found):
        start, end, word = piece.start(), piece.end(), piece.group()
        stop = word.endswith(".") and not _keeps_its_stop(word)
        if stop:
            end = start + len(word.rstrip("."))
        if end > start:
            if first < 0:
                first = start
            last = end
        if stop:
            if first >= 0:
                runs.append((first, found[first:last]))
            first = -1
    if first >= 0:
        runs.append((first, found[first:last]))
    return tuple(runs)


def inside_a_word(text: str, at: int, floor: int) -> bool:
    """Whether a capital at ``at`` stands inside a word ("iPhone", "d’Estaing")."""
    if at <= floor:
        return False
    before = text[at - 1]
    if before.isalnum():
        return True
    return before in "’'" and at - 1 > floor and text[at - 2].isalnum()


def _is_title_word(word: str) -> bool:
    core = core_of(word)
    return (
        is_role_noun(core)
        or core in TITLE_MODIFIERS
        or core in HONORIFICS
        or (core in TITLE_ORDINALS and word[:1].isupper())  # "First Deputy Chairman"
    )


def _no_person_word(words: Sequence[str]) -> bool:
    for word in words:
        core = core_of(word)
        if (
            core in ROLE_NOUNS
            or core in TITLE_MODIFIERS
            or core in HONORIFICS
            or core in ORGANIZATION_WORDS
            or core in NON_PERSON_WORDS
        ):
            return False
    return True


#: The last characters of a possessive.
_POSSESSIVE_ENDS: Final = "s’'"


def _not_a_first_word(word: str) -> bool:
    core = core_of(word)
    return core in NOT_NAME_WORDS or core in DETERMINERS


def _without_possessive(word: str) -> str:
    """``word`` without a final possessive ("Lind’s", "Sanders’"), or as it is."""
    if word.endswith(("’s", "'s")) and len(word) > 2:
        return word[:-2]
    if word.endswith(("s’", "s'")):
        return word[:-1]
    return word


def _possessor(word: str) -> str:
    for ending in _POSSESSIVE:
        if word.endswith(ending):
            return word[: -len(ending)]
    return word


#: The words of a run: ``(start, end, word)``, where they stand in it.
_Words = list[tuple[int, int, str]]


def _words(run: str) -> _Words:
    """The words of a run of names (one space or no-break space between two)."""
    words = []
    at = 0
    for word in run.split(" ") if "\u00a0" not in run else _PIECE.findall(run):
        words.append((at, at + len(word), word))
        at += len(word) + 1
    return words


@functools.lru_cache(maxsize=4096)
def word_facts(word: str) -> tuple[str, str, bool, bool, bool]:
    """A run of one word as the entity collector reads it: the word without a
    final full stop or possessive, its core, whether it may name an organisation by
    itself, whether it never names anything and whether it is a word sentences open
    with."""
    if word[-1] == "." and not _keeps_its_stop(word):
        word = word.rstrip(".")
    if word[-1] in _POSSESSIVE_ENDS:
        word = _without_possessive(word)
    core = core_of(word)
    may_name = core in ORGANIZATION_WORDS or ("." not in word and acronym(word))
    never = not core or core in NOT_NAME_WORDS or core in DETERMINERS
    return word, core, may_name, never, word in SENTENCE_STARTERS


@attrs.frozen
class _Body:
    """A run without the words before its name (a verb, "The"); ``second``: where its
    second word starts when the first is no part of the name if the rest is a name found
    already ("Rival Ana Lind"), else 0."""

    at: int
    body: str
    opens: bool
    second: int


@functools.lru_cache(maxsize=4096)
def run_plan(run: str, opens: bool) -> _Body | tuple[tuple[int, str, bool], ...] | None:
    """How a run of names is read, whatever entities were found before: its parts when
    "and" joins two names (``(where it starts, the part, whether it opens a sentence)``),
    or the run without the words that open it and are no part of the name, or ``None``
    when no word is left.  The possessive after the last word is no part of it."""
    words = _words(run)
    last_start, _last_end, last_word = words[-1]
    if last_word[-1] in _POSSESSIVE_ENDS:
        bare = _without_possessive(last_word)
        if bare != last_word:  # "Hillary Lind’s campaign": the name is "Hillary Lind"
            words[-1] = (last_start, last_start + len(bare), bare)
            run = run[: last_start + len(bare)]
    if " and " in run and _two_by_and(run, words):
        # "Ana Lind and Ivo Hart" are two; "Department of Health and Welfare" is one
        parts = []
        part: _Words = []
        for item in [*words, (0, 0, "and")]:
            if item[2] == "and":
                if part:
                    parts.append((part[0][0], run[part[0][0] : part[-1][1]], opens))
                part, opens = [], False
            else:
                part.append(item)
        return tuple(parts)
    while words and (
        words[0][2] in NEVER_NAMES
        or _not_a_first_word(words[0][2])
        or (opens and words[0][2] in SENTENCE_STARTERS)
    ):
        words, opens = words[1:], False
    if not words:
        return None
    second = 0
    if opens and len(words) > 1:
        if _not_a_name_start(words[0][2]):
            words, opens = words[1:], False  # "Injecting Ana Lind ...", "Said Ana Lind"
        else:
            second = words[1][0] - words[0][0]
    at = words[0][0]
    return _Body(at, run[at : words[-1][1]], opens, second)


def _two_by_and(run: str, words: _Words) -> bool:
    """Whether a run with "and" in it names two ("Ana Lind and Ivo Hart", "the FBI and
    the Justice Department") rather than one ("Securities and Exchange Commission",
    "Department of Health and Welfare")."""
    index = next(i for i, (_start, _end, word) in enumerate(words) if word == "and")
    whole = run[words[0][0] : words[-1][1]]
    if not _names_organization(whole):
        return True
    if index == 0 or index == len(words) - 1:
        return False
    before = run[words[0][0] : words[index - 1][1]]
    after = run[words[index + 1][0] : words[-1][1]]
    after = after[4:] if after.startswith("the ") else after
    return (
        _names_organization(before)
        and _names_organization(after)
        and not any(word in {"of", "for"} for _start, _end, word in words[:index])
    )


def _not_a_name_start(word: str) -> bool:
    """Whether the first word of a run that opens a sentence is no part of the name, a
    verb or a function word, whatever the rest is."""
    core = core_of(word)
    if core in FUNCTION_WORDS or core in CUE_VERBS:
        return True
    return core.endswith(("ing", "ed", "ly")) and core not in ROLE_NOUNS


@attrs.frozen
class _Name:
    """A run read for its name, whatever entities were found before.

    ``name``: the run without the connectors that end it; ``rest``: for a title before
    "of" or "for" ("Deputy Chairman of the Port Authority"), what follows it (at
    ``rest_at``), to be read instead; else ``head``, the run to classify (at ``head_at``),
    ``one_word``, whether it is one word, and ``owner``, the country or organisation of a
    possessive before it ("Lornia’s President Ivo Hart").
    """

    name: str
    rest: str | None = None
    rest_at: int = 0
    head: str = ""
    head_at: int = 0
    one_word: bool = False
    owner: str | None = None


@functools.lru_cache(maxsize=4096)
def body_plan(run: str) -> _Name | None:
    """How a run without words before its name (see :func:`run_plan`) is read."""
    words = _words(run)
    while words and words[-1][2] in _CONNECTORS:
        words = words[:-1]
    if not words:
        return None
    name = run[: words[-1][1]]
    texts = [word for _start, _end, word in words]
    for index, word in enumerate(texts):
        if word in {"of", "for"}:
            if index and all(_is_title_word(w) for w in texts[:index]):
                rest = words[index + 1 :]
                while rest and rest[0][2] == "the":
                    rest = rest[1:]
                return _Name(name, rest=run[rest[0][0] : rest[-1][1]], rest_at=rest[0][0])
            break
    # "Lornia’s Transport Ministry" is one organisation; "Lornia’s President Ivo Hart" a
    # person whose title tells the country
    owner: str | None = None
    for index, word in enumerate(texts[:-1]):
        if word.endswith(_POSSESSIVE):
            rest_words = texts[index + 1 :]
            if not is_organization(" ".join(rest_words)):
                owner = _possessor(" ".join(texts[: index + 1]))
                words, texts = words[index + 1 :], rest_words
            break
    head_at = words[0][0]
    return _Name(
        name,
        head=run[head_at : words[-1][1]],
        head_at=head_at,
        one_word=len(texts) == 1,
        owner=owner,
    )


#: What a run of names is: ``(verdict, name, where the name starts in the run, the
#: title before it, the affiliation the run states)``; the verdict is ``"person"``,
#: ``"surname"`` (one word: a person only when known, or after a title),
#: ``"organization"`` or ``None``.
_Reading = tuple[str | None, str, int, str, Affiliation | None]


@functools.lru_cache(maxsize=4096)  # names recur, within an article and across them
def reading(head: str) -> _Reading:
    """What a run of capitalised words names, by the rules of ``_roles``."""
    letters = head.replace(" ", "").replace(".", "")
    if letters.isupper() and not acronym(head):
        return None, head, 0, "", None  # a heading or a dateline ("FULL TEXT", "WASHINGTON")
    name, kind, affiliation = read_name(head, None)
    if kind is SpeakerKind.PERSON:
        name_words = name.split()
        at = head.find(name)
        title = head[:at].strip() if at > 0 else ""
        # a title ends in a role or an honorific ("Senate Majority Leader", "Mr."): not
        # "Presidential" ("Presidential Debates"), nor "Institute for" ("... Studies")
        if (
            at >= 0
            and is_person_name(name)
            and _no_person_word(name_words)
            and (
                not title
                or _is_role_or_honorific(title.split()[-1])
                # "Chairman of the Harbour Board Ivo Hart": the title ends in where he works
                or (affiliation is not None and title.endswith(affiliation.organization or "_"))
            )
        ):
            tail = at + len(name) == len(head)
            if len(name_words) == 1 and (
                tail or (title and affiliation is not None and affiliation.organization)
            ):
                return "surname", name, at, title, affiliation
            # "Jana Novak of the Institute ...": a person only when what follows the name
            # is an organisation ("Lindgrove Chamber of Commerce" is none)
            if len(name_words) > 1 and (tail or (affiliation and affiliation.organization)):
                return "person", name, at, title, affiliation
        if (
            at > 0
            and at + len(name) == len(head)
            and len(name_words) > 1
            and is_organization(title)
            and is_person_name(name)
            and _no_person_word(name_words)
        ):  # "Harbour Board Ivo Hart" (what "Chairman of the" leaves): he works there
            return "person", name, at, title, Affiliation(organization=title)
    if not _names_organization(head):
        return None, head, 0, "", None
    return "organization", name if kind is SpeakerKind.ORGANIZATION else head, 0, "", None


def _names_organization(head: str) -> bool:
    """An organisation word in it ("Harbour Board"), or an acronym without full stops
    ("NATO"; "U.S." and "N.C." are places), and not a common word in capitals ("NO")."""
    if any(core_of(word) in ORGANIZATION_WORDS for word in head.split()):
        return True
    if "." in head or not acronym(head):
        return False
    lower = head.lower()
    return (
        lower not in NON_PERSON_WORDS
        and lower not in FUNCTION_WORDS
        and lower not in PRONOUNS
        and lower not in ROLE_NOUNS  # "the MP said": a person's role, not an organisation
    )


def _is_role_or_honorific(word: str) -> bool:
    core = core_of(word)
    return is_role_noun(core) or core in HONORIFICS


def description_at_end(text: str) -> tuple[str, bool]:
    """The description that ends ``text`` ("a member of X" of "Hart met a member of X"), and
    whether it is all of ``text``."""
    words = text.split()
    if not words:
        return "", True
    if (core_of(words[0]) in DETERMINERS or _is_title_word(words[0])) and "and" not in words:
        return " ".join(words), True
    for index in range(len(words) - 2, -1, -1):  # the last "a", "an", "the" opening a phrase
        if words[index] in {"a", "an", "the"} and (
            index == 0 or words[index - 1] not in _PREPOSITIONS
        ):
            return " ".join(words[index:]), False
    return "", False


_PREPOSITIONS: Final = frozenset({"of", "at", "for", "from", "in", "to", "with", "by", "on"})


def acronym(name: str) -> bool:
    """An acronym ("NATO", "U.N."): two to six capitals; longer runs of capitals are
    headings or datelines."""
    bare = name.replace(".", "")
    return 2 <= len(bare) <= 6 and bare.isupper() and bare.isalpha()


def title_country(title: str) -> str | None:
    """The country a title's first word names ("Estonian Transport Minister")."""
    words = title.split()
    return DEMONYMS.get(core_of(words[0])) if words else None
