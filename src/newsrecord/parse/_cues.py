"""Cue matching: the verbs of saying in a stretch of text, the cue phrase as written, the medium.

A cue is a word of :data:`~newsrecord.parse._lexicon.CUE_VERBS` or
:data:`~newsrecord.parse._lexicon.CUE_PARTICIPLES`, extended by its particle ("pointed
out") or its listeners ("told reporters").  :func:`find_via` reads the medium a
statement was made in ("in her talk with Valley Radio", "told CNN", "on Twitter").
"""

from __future__ import annotations

import bisect
import functools
import re
import string
from collections.abc import Iterator
from typing import Final

from newsrecord.parse._lexicon import (
    CUE_PARTICIPLES,
    CUE_PARTICLES,
    CUE_VERBS,
)
from newsrecord.parse._lexicon_names import (
    MEDIUM_NOUNS,
    NEWS_OUTLETS,
    OUTLET_NOUNS,
)
from newsrecord.parse._roles import is_organization
from newsrecord.parse._spans import whole_words

__all__ = ["cue_phrase", "cue_words", "ends_with_cue", "find_via"]


_CUE_FORMS: Final = CUE_VERBS | CUE_PARTICIPLES


#: A run of letters that may be a cue word.  Runs shorter than the shortest cue word are
#: passed over inside the regular expression (a run is matched whole or not at all).
_CUE_TOKEN: Final = re.compile(rf"[A-Za-z]{{{min(map(len, _CUE_FORMS))},}}")


def cue_words(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """``(start, end, word in lower case)`` of each cue word in ``text[start:end]``.

    A word is a run of ASCII letters; a run cut by ``start`` or ``end`` is read as cut
    ("unsaid" from its third letter is "said").  A word right after a possessive is a
    noun, not a cue: "Ginsburg's comments", "Trump's proposed tax cuts", "CNN's show"
    ("he's said" is no possessive).

    The stages ask for the cues of many stretches of one article: the cue words of the
    whole text are found once (:func:`_text_cues`) and the stretch's looked up among
    them; only a run cut by a bound is read on its own.
    """
    start = max(start, 0)
    end = min(end, len(text))
    if start >= end:
        return iter(())
    head = start  # where a run cut by start ends
    if start > 0 and text[start - 1] in _LETTERS and text[start] in _LETTERS:
        while head < end and text[head] in _LETTERS:
            head += 1
        if head == end:
            return iter(_read_cues(text, start, end))
    tail = end  # where a run cut by end starts
    if end < len(text) and text[end - 1] in _LETTERS and text[end] in _LETTERS:
        while tail > head and text[tail - 1] in _LETTERS:
            tail -= 1
    starts, cues = _text_cues(text)
    found = _read_cues(text, start, head) if head > start else []
    found += cues[bisect.bisect_left(starts, head) : bisect.bisect_left(starts, tail)]
    if tail < end:
        found += _read_cues(text, tail, end)
    return iter(found)


_LETTERS: Final = frozenset(string.ascii_letters)


def _read_cues(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The cue words of ``text[start:end]``, read run by run."""
    return [
        (match.start(), match.end(), word)
        for match in _CUE_TOKEN.finditer(text, start, end)
        if (word := match.group().lower()) in _CUE_FORMS
        and not _after_possessive(text, match.start())
    ]


_CUE_BYTES: Final = frozenset(form.encode("ascii") for form in _CUE_FORMS)


# Cached (the result is immutable and depends on the text alone): the direct and the
# reported-speech rules ask for the cues of one article's stretches again and again.
@functools.lru_cache(maxsize=16)
def _text_cues(text: str) -> tuple[tuple[int, ...], tuple[tuple[int, int, str], ...]]:
    """The cue words of the whole text (as :func:`_read_cues` reads them), and their starts."""
    found = tuple(
        cue
        for cue in whole_words(text, _CUE_BYTES, lower=True)
        if not _after_possessive(text, cue[0])
    )
    return tuple(cue[0] for cue in found), found


#: Contractions that end like a possessive: "he's said" is "he has said".
_NOT_POSSESSIVES: Final = frozenset(
    f"{word}{mark}s"
    for word in ("he", "she", "it", "that", "who", "what", "there", "here", "where", "let")
    for mark in "’'"
)


def _after_possessive(text: str, at: int) -> bool:
    """Whether the word before ``at`` is a possessive ("Trump's", "CNN’s")."""
    before = text[max(0, at - 40) : at]
    if not before.endswith((" ", "\u00a0")):
        return False
    words = before.split()
    if not words:
        return False
    last = words[-1]
    return last.endswith(("’s", "'s")) and last.lower() not in _NOT_POSSESSIVES


_FOLLOWING_WORD: Final = re.compile(r"\s+(\w+)")


def cue_phrase(text: str, start: int, end: int) -> tuple[str, int]:
    """The cue as written ("pointed out", "told reporters") and where it ends."""
    stop = end
    follow = _FOLLOWING_WORD.match(text[end : end + 20])
    if follow:
        word = follow.group(1).lower()
        if (
            word in CUE_PARTICLES
            and (word != "in" or text[start:end].lower() in {"chimed", "weighed"})
        ) or (
            text[start:end].lower() in {"told", "tells", "telling"}
            and word in {"reporters", "journalists"}
        ):
            stop = end + follow.end()
    return text[start:stop], stop


_VIA: Final = re.compile(
    # (each word boundary a look-behind after its word, so that the search skips to the
    # words' first letters: a pattern that opens with \b is tried at every character)
    r"(?:in(?<=\bin)|during(?<=\bduring)|on(?<=\bon))"
    r"\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+)?(?P<noun>\w+)\s+"
    r"(?:with|to|on|for)\s+(?P<via>(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,5})"
)


_PLATFORMS: Final = (
    *("Twitter", "Facebook", "Instagram", "YouTube", "TikTok", "Telegram", "LinkedIn"),
    *("Truth Social", "X"),
)
#: "on Twitter", "on Facebook": platforms named as the medium.
_VIA_PLATFORM: Final = re.compile(r"\b(?:on|via)\s+(?P<via>" + "|".join(_PLATFORMS) + r")\b")


# Cached (the result depends on the text alone): the medium is looked for in a stretch of
# each quote's sentence, and most articles name no platform at all.
@functools.lru_cache(maxsize=4)
def _platforms_in(text: str) -> tuple[str, ...]:
    """The names of :data:`_PLATFORMS` that occur anywhere in ``text``: the only ones a
    stretch of it can hold."""
    return tuple(name for name in _PLATFORMS if name in text)


#: "told CNN", "told The New York Times": an outlet that was told.
_VIA_TOLD: Final = re.compile(
    r"told(?<=\btold)\s+(?:the\s+)?(?P<via>(?:The\s+)?[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,4})"
    r"(?P<outlet>\s+(?:" + "|".join(sorted(OUTLET_NOUNS)) + r")\b)?"
)


def find_via(text: str, start: int, end: int) -> str | None:
    """The medium named in ``text[start:end]``: "in her talk with Valley Radio", "told CNN"."""
    for match in _VIA.finditer(text, start, end):
        if match.group("noun").lower() in MEDIUM_NOUNS:
            return _clean_via(match.group("via"))
    # (the platform's name and "told" are looked for first: most stretches have neither)
    platform = (
        _VIA_PLATFORM.search(text, start, end)
        if any(text.find(name, start, end) != -1 for name in _platforms_in(text))
        else None
    )
    if platform is not None:
        return platform.group("via")
    told = _VIA_TOLD.search(text, start, end) if text.find("told", start, end) != -1 else None
    if told is not None:
        outlet = _clean_via(told.group("via"))
        if is_organization(outlet) or outlet.split()[0] in NEWS_OUTLETS or told.group("outlet"):
            return outlet  # (with "outlet": "told the Valley Courier newspaper")
    return None


def _clean_via(via: str) -> str:
    """A medium's name without the sentence's punctuation ("Valley Radio." -> "Valley Radio")."""
    via = via.strip().rstrip(".,;:").removeprefix("the ")  # ("The Times" keeps its "The")
    return via[:-2] if via.endswith(("’s", "'s")) else via


def ends_with_cue(before: str) -> bool:
    words = before.rstrip(" ,:").split()
    tail = [w.lower().strip(",:") for w in words[-4:]]
    return any(w in CUE_VERBS or w in CUE_PARTICIPLES for w in tail)
