"""Sentence and token spans: the units every later stage of the parser works on.

Offsets are into the article text (the paragraphs joined by blank lines).  This module
splits a paragraph into sentences without mistaking "Mr." or "U.S." for a sentence end,
splits a phrase into tokens, and holds the small records passed between stages: a
:class:`Mention` (a speaker as written) and a :class:`Candidate` (a quote found, before
its speaker is resolved).
"""

from __future__ import annotations

import bisect
import functools
import re
import string
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final

import attrs

from newsrecord._model import (
    PARAGRAPH_SEPARATOR,
    QuoteKind,
)
from newsrecord.parse._lexicon import (
    ABBREVIATIONS,
    PRONOUNS,
    SENTENCE_STARTERS,
)
from newsrecord.parse._lexicon_names import (
    HONORIFICS,
    NOT_NAME_WORDS,
)

__all__ = [
    "QUOTE_MARKS",
    "WORD",
    "Candidate",
    "Mention",
    "core_of",
    "is_capitalised",
    "is_namelike",
    "is_punctuation",
    "paragraph_at",
    "paragraph_bounds",
    "sentence_stop",
    "sentences",
    "tokenize",
    "trim",
    "whole_words",
    "word_count",
]


QUOTE_MARKS: Final = "“”\"„«»‹›‘’‚'"


WORD: Final = re.compile(r"[\w’'-]+")


@attrs.define
class Candidate:
    kind: QuoteKind
    start: int
    end: int
    mention: Mention | None = None
    cue: str | None = None
    via: str | None = None


_SENTENCE_END: Final = re.compile(r"[.!?…]+[\"”’»)']*(?=\s+[\"“‘«('„]*[A-Z0-9])")


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` (a paragraph), abbreviation-aware."""
    result: list[tuple[int, int]] = []
    begin = start
    for match in _sentence_ends(text, start, end):
        if _abbreviation_before(text, begin, match):
            continue
        result.append((begin, match.end()))
        begin = match.end()
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end:
        result.append((begin, end))
    return result


def sentence_stop(text: str, start: int, stop: int) -> int:
    """Where the sentence that starts at ``start`` ends (at most ``stop``)."""
    for match in _sentence_ends(text, start, stop):
        if not _abbreviation_before(text, start, match):
            return match.end()
    return stop


def _sentence_ends(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches of ``_SENTENCE_END.finditer(text, start, end)``, found quicker.

    A match starts with one of :data:`_STOP_MARKS`; the search tries every character of
    the stretch against them, slowly.  Instead the pattern is matched only where such a
    mark is (:func:`_stop_marks`, found once in the text), in order, each time past the
    last match: the same matches.
    """
    marks = _stop_marks(text)
    index = bisect.bisect_left(marks, start)
    count = len(marks)
    match_at = _SENTENCE_END.match
    while index < count:
        at = marks[index]
        if at >= end:
            return
        match = match_at(text, at, end)
        if match is None:
            index += 1
            continue
        yield match
        index = bisect.bisect_left(marks, match.end(), index)


#: The characters a match of :data:`_SENTENCE_END` starts with.
_STOP_MARKS: Final = ".!?…"


# Cached (the result is immutable and depends on the text alone): the sentences of each
# paragraph and of the words before and after each quote are read.
@functools.lru_cache(maxsize=4)
def _stop_marks(text: str) -> tuple[int, ...]:
    """Where each character of :data:`_STOP_MARKS` is in ``text``, in order."""
    found = []
    for mark in _STOP_MARKS:
        at = text.find(mark)
        while at != -1:
            found.append(at)
            at = text.find(mark, at + 1)
    found.sort()
    return tuple(found)


def _abbreviation_before(text: str, begin: int, match: re.Match[str]) -> bool:
    """Whether the full stop of ``match`` ends an abbreviation ("Mr.", "U.S.") not a sentence.

    An abbreviation that is no title ("U.S.", "Inc.") followed by a word that starts
    sentences ("He", "The") ends the sentence all the same.
    """
    word = text[max(begin, match.start() - 12) : match.start()].split()
    last = word[-1].lower().lstrip('("“') if word else ""
    abbreviation = match.group().startswith(".") and (
        last in ABBREVIATIONS
        or (len(last) == 1 and last.isalpha())
        or ("." in last and len(last) <= 5)
    )
    if not abbreviation or last in HONORIFICS or len(last) == 1:
        return abbreviation
    following = _NEXT_WORD.match(text[match.end() : match.end() + 20])
    return not (following and following.group(1) in SENTENCE_STARTERS)


_NEXT_WORD: Final = re.compile(r"\s+[\"“‘]?(\w+)")


def paragraph_bounds(paragraphs: Sequence[str]) -> list[tuple[int, int]]:
    bounds = []
    offset = 0
    for paragraph in paragraphs:
        bounds.append((offset, offset + len(paragraph)))
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    return bounds


def paragraph_at(bounds: list[tuple[int, int]], position: int) -> tuple[int, int]:
    """The bounds (of :func:`paragraph_bounds`) of the paragraph ``position`` is in, or
    ``(0, 0)``."""
    index = bisect.bisect_right(bounds, (position, len(bounds) and bounds[-1][1] + 1)) - 1
    if index >= 0 and bounds[index][0] <= position <= bounds[index][1]:
        return bounds[index]
    return 0, 0


def word_count(text: str, enough: int = 1_000_000) -> int:
    """The number of words in ``text``, counting no further than ``enough``."""
    if enough > len(text):  # there are fewer words than characters
        return len(WORD.findall(text))
    count = 0
    for _match in WORD.finditer(text):
        count += 1
        if count >= enough:
            break
    return count


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.—–-"):
        end -= 1
    return start, end


_TOKEN: Final = re.compile(r"[^\s,;:()\[\]]+|[,;:()\[\]]")


@attrs.frozen
class Mention:
    """A speaker mention located in the article text."""

    start: int
    end: int
    text: str
    #: The name part ("Jana Novak"), or the whole mention when it has no appositive.
    head: str
    #: The appositive ("an economist at the Institute ..."), if any.
    appositive: str | None = None


def is_capitalised(token: str) -> bool:
    return token[:1].isupper() or (token[:1] in "“\"'’" and token[1:2].isupper())


def is_punctuation(token: str) -> bool:
    return token in {",", ";", ":", "(", ")", "[", "]"}


def core_of(token: str) -> str:
    return token.strip("“”\"'’‘.,;:!?").lower()


def is_namelike(token: str) -> bool:
    core = core_of(token)
    if not core:
        return False
    if len(core) == 1 and token[:1].isupper() and token.endswith("."):
        return True  # an initial: "Laurence H. Tribe"
    return is_capitalised(token) and core not in NOT_NAME_WORDS and core not in PRONOUNS


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, token)`` of each token of ``text``.

    The tokens as :data:`_TOKEN` finds them, each located by ``find`` from where the one
    before ends (only blanks, which no token starts with, lie between two): quicker than
    a match object for each.
    """
    found = []
    at = 0
    find = text.find
    for token in _TOKEN.findall(text):
        at = find(token, at)
        stop = at + len(token)
        found.append((at, stop, token))
        at = stop
    return found


def words_pattern(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, factored as a trie.

    The regular expression engine tries an alternation of a hundred words one by one at
    every position; factored by common prefixes ("believ(?:e(?:s|d)?)"), it rejects most
    positions after a character or two.  The words are matched as written (letters only).
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict[str, Any]) -> str:
    ends = "" in node
    branches = [
        re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
    return body + "?" if ends else body


_LETTER_BYTES: Final = frozenset(string.ascii_letters.encode("ascii"))
_NOT_LETTERS: Final = bytes(range(256)).translate(None, string.ascii_letters.encode("ascii"))
_SPACE_FOR_NOT_LETTERS: Final = bytes.maketrans(_NOT_LETTERS, b" " * len(_NOT_LETTERS))


def whole_words(text: str, words: frozenset[bytes], *, lower: bool) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of each run of ASCII letters in ``text`` that is one of ``words``.

    ``words`` are ASCII bytes; with ``lower`` a run is put in lower case first.  In text
    order.  Found without a regular expression, whose every match costs more than all of
    this: the text as ASCII bytes (every other character one ``?``, so offsets stay),
    its runs of letters in lower case (:func:`_ascii_runs`) to see which of the words
    may occur at all, and each of those found where it is a whole run.
    """
    original, lowered, runs = _ascii_runs(text)
    data = lowered if lower else original
    length = len(data)
    found = []
    # (a word that is a whole run of ``data`` is one in lower case too: the runs in lower
    # case hold every word that can be found, and the search below checks the case)
    for word in words.intersection(runs) if lower else _in_lower_case(words, runs):
        size = len(word)
        at = data.find(word)
        while at != -1:
            stop = at + size
            if (at == 0 or data[at - 1] not in _LETTER_BYTES) and (
                stop == length or data[stop] not in _LETTER_BYTES
            ):
                found.append((at, stop, word.decode("ascii")))
            at = data.find(word, stop)
    found.sort()
    return found


def _in_lower_case(words: frozenset[bytes], runs: frozenset[bytes]) -> list[bytes]:
    """The words whose lower case is one of ``runs``."""
    return [word for word, low in _with_lower_case(words) if low in runs]


# Cached (the result is immutable and depends on the words alone, a lexicon's): the
# words are put in lower case once, not for every article.
@functools.lru_cache(maxsize=8)
def _with_lower_case(words: frozenset[bytes]) -> tuple[tuple[bytes, bytes], ...]:
    """Each of ``words`` with its lower case, in the order of iterating ``words``."""
    return tuple((word, word.lower()) for word in words)


# Cached (the result is immutable and depends on the text alone): the cue words and the
# verbs of stance of one article are looked for in the same runs of letters.
@functools.lru_cache(maxsize=4)
def _ascii_runs(text: str) -> tuple[bytes, bytes, frozenset[bytes]]:
    """``text`` as ASCII bytes (every other character one ``?``), the same in lower case,
    and the set of its runs of ASCII letters in lower case."""
    original = text.encode("ascii", "replace")
    lowered = original.lower()
    return original, lowered, frozenset(lowered.translate(_SPACE_FOR_NOT_LETTERS).split())
