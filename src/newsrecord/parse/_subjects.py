"""Subjects: the people a stretch of text names as the subject of a sentence or clause.

A pronoun that speaks ("..., he said") stands for the person quoted last or for one
named as a subject since: :func:`subject_names` finds the names that open a sentence
("Ivo Hart said ...", "But Ms. Novak added ..."); :func:`clause_subjects` the names before
a verb inside the pronoun's own sentence ("After Hart lost the vote, he said ...");
:func:`own_sentence_start` is where that sentence starts, outside quotation marks.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from typing import Final

from newsrecord.parse._fullnames import POSSESSIVES
from newsrecord.parse._lexicon import (
    ABBREVIATIONS,
    AUXILIARY_VERBS,
    DETERMINERS,
    FUNCTION_WORDS,
)
from newsrecord.parse._lexicon_names import (
    HONORIFICS,
    NOT_NAME_WORDS,
    ROLE_NOUNS,
    TITLE_MODIFIERS,
)
from newsrecord.parse._roles import is_organization, is_person_name
from newsrecord.parse._spans import core_of

__all__ = ["clause_subjects", "own_sentence_start", "subject_names"]

#: A name (an honorific before it or not), then a lower-case word: a verb it is the
#: subject of, an apposition between commas allowed.
_NAME_THEN_VERB: Final = (
    r"(?P<honorific>(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.?\s+)?"
    r"(?P<name>[A-Z][\w’'-]+(?:\s+(?:[A-Z]\.|[A-Z][\w’'-]+)){0,3})"
    r"(?=(?:,[^,.;]{1,60},)?\s+[a-z]+\b)"
)
_SUBJECT_NAME: Final = re.compile(
    r"(?:^|(?<=[.!?”\"]\s)|(?<=\n))(?:(?:But|And|Then|Later|Meanwhile|Still|So)\s+)?"
    + _NAME_THEN_VERB
)
_CLAUSE_SUBJECT: Final = re.compile(r"(?<![\w’'.-])" + _NAME_THEN_VERB)

#: Subject names: ``(where the name ends, the name, its honorific in lower case or "")``.
Subjects = list[tuple[int, str, str]]


#: Where :data:`_SUBJECT_NAME` can match: a capital after a sentence's end and a blank, or
#: after a line break (the pattern is matched only there, not tried at every character).
_OPENING: Final = re.compile(r"[.!?”\"]\s(?=[A-Z])|\n(?=[A-Z])")
#: The characters a match of :data:`_OPENING` starts with.
_OPENING_CHARS: Final = '.!?”"\n'


def subject_names(text: str, start: int, stop: int) -> Subjects:
    """The people named as subjects of sentences in ``text[start:stop]``, in order."""
    return _names(text, _subject_matches(text, start, stop))


def _subject_matches(text: str, start: int, stop: int) -> Iterator[re.Match[str]]:
    """``_SUBJECT_NAME.finditer(text, start, stop)``: the pattern matched only where it
    can, at the start of the text or after what :data:`_OPENING` finds (every match
    opens with a capital after "^", a sentence's end and a blank, or a line break)."""
    resume = start  # where the last match ended: matches do not overlap
    if start == 0:
        first = _SUBJECT_NAME.match(text, 0, stop)
        if first is not None:
            resume = first.end()
            yield first
    for opening in _OPENING.finditer(text, max(0, start - 2), stop):
        at = opening.end()
        if at < resume:
            continue
        match = _SUBJECT_NAME.match(text, at, stop)
        if match is not None:
            resume = match.end()
            yield match


def clause_subjects(text: str, start: int, stop: int) -> Subjects:
    """The people named before a verb anywhere in ``text[start:stop]``, in order ("after
    Hart lost the vote"), as :func:`subject_names` gives them; not before a preposition
    or a conjunction ("praised Hart for ...", "Hart and others")."""
    found: Subjects = []
    for subject in _names(text, _CLAUSE_SUBJECT.finditer(text, start, stop)):
        after = _NEXT_WORD.match(text, subject[0])
        if after is None or after.group(1) not in _NOT_VERBS:
            found.append(subject)
    return found


#: Lower-case words after a name that show it is no subject: prepositions,
#: conjunctions and determiners ("Hart and others", "praised Hart for ...", "gave Hart
#: some credit").
_NOT_VERBS: Final = (FUNCTION_WORDS - AUXILIARY_VERBS) | DETERMINERS
#: The lower-case word after a name (an apposition between commas skipped).
_NEXT_WORD: Final = re.compile(r"(?:,[^,.;]{1,60},)?\s+([a-z]+)\b")


#: Words that open no name, but a determiner may ("The Ruiz plan").
_NOT_NAME_NOR_DETERMINER: Final = NOT_NAME_WORDS - DETERMINERS
#: The words of a title before a name ("Attorney General").
_TITLE_WORDS: Final = ROLE_NOUNS | TITLE_MODIFIERS


def _names(text: str, matches: Iterable[re.Match[str]]) -> Subjects:
    """The subjects named by ``matches`` (of :data:`_SUBJECT_NAME` or
    :data:`_CLAUSE_SUBJECT`), in order."""
    found: Subjects = []
    for match in matches:
        words = match.group("name").split()
        while len(words) > 1 and core_of(words[0]) in _NOT_NAME_NOR_DETERMINER:
            words = words[1:]  # "After Ruiz lost", "However Ruiz said"; not "The Ruiz plan"
        while len(words) > 1 and (
            core_of(words[0]) in _TITLE_WORDS or core_of(words[0]) in HONORIFICS
        ):
            words = words[1:]  # "Attorney General Loretta Lynch said"
        name = " ".join(words)
        if (
            core_of(words[0]) in NOT_NAME_WORDS
            or words[-1].endswith(POSSESSIVES)  # "Trump's campaign said": not Trump
            or is_organization(name)
            or not is_person_name(name)
            or any(core_of(w) in _TITLE_WORDS for w in words)
        ):
            continue
        if len(words) == 1 and not match.group("honorific") and not _ends_a_name(text, name):
            continue  # a lone capitalised word is a name only if a full name ends in it
        honorific = (match.group("honorific") or "").strip(" .").lower()
        found.append((match.end("name"), name, honorific))
    return found


@functools.lru_cache(maxsize=256)  # asked for each pronoun about the names before it
def _ends_a_name(text: str, word: str) -> bool:
    """Whether ``word`` follows a capitalised word somewhere in ``text`` ("Jana Novak")."""
    return re.search(r"[A-Z][\w’'-]+\s+" + re.escape(word) + r"\b", text) is not None


#: What ends a sentence or a quotation before a pronoun: a full stop (or "!", "?") and a
#: space, a line break, a quotation mark.  (One character class first and the look-behinds
#: after it tell which: a pattern that opens with a class is searched for by skipping to
#: its characters, one that opens with alternatives is tried at every character.)
_BREAK: Final = re.compile(r"[.!?…\n“”\"](?:(?<=[.!?…])[”\"’)]*\s+|(?<=[\n“”\"]))")
#: The characters a match of :data:`_BREAK` starts with.
_BREAK_CHARS: Final = '.!?…\n“”"'
#: The characters of the word a full stop may end ("U.S", "Mr", "J").
_WORD_CHARS: Final = frozenset("_’'.-")


def own_sentence_start(text: str, floor: int, at: int) -> int:
    """Where the sentence that ``at`` is in starts (not before ``floor``), after the last
    quotation mark before ``at``: the stretch where a pronoun's own sentence names
    people outside quotations.  A full stop after an abbreviation, an honorific or an
    initial ("Mr.", "Sen.", "U.S.", "J.") ends no sentence."""
    start = floor
    for match in _BREAK.finditer(text, floor, at):
        stop = match.start()
        if text[stop] in ".!?…":
            # the word before the stop: the run of word characters, dots, apostrophes and
            # hyphens that ends there (read backwards rather than by the regular expression,
            # which would try every letter of the text as the start of a word)
            begin = stop
            while begin > floor and (text[begin - 1].isalnum() or text[begin - 1] in _WORD_CHARS):
                begin -= 1
            if _keeps_stop(text[begin:stop], text[match.end() : match.end() + 12]):
                continue
        start = match.end()
    return start


def _keeps_stop(word: str, after: str) -> bool:
    """Whether the full stop after ``word`` ends no sentence: after an honorific or an
    initial; after an abbreviation unless a word that opens sentences follows ("in the
    U.S. He said")."""
    core = word.lower().rstrip(".")
    if core in HONORIFICS or (len(word) == 1 and word.isupper()):
        return True
    if core in ABBREVIATIONS or "." in core:
        following = after.split()[:1]
        return not (following and core_of(following[0]) in NOT_NAME_WORDS)
    return False
