"""Who said what in a Russian post: the entry point of the Russian rules.

The English rules read English word order and English cue words; a post in Russian (or
Ukrainian or Belarusian, which the same outlets publish and which share its punctuation)
is read by these rules instead.  :func:`uses_russian_rules` decides from the article's
language, or from its script when the language is unknown; :func:`attribute_russian`
returns the speakers and quotes, as the English :func:`attribute` does, from the stages
of the private modules ``_ru_*``:

* ``_ru_words``: folding, cue verbs by stem and ending, noun lemmas, surname keys;
* ``_ru_marks``: quotation marks and sentences;
* ``_ru_mentions``: the speaker as written next to a cue, and quote candidates;
* ``_ru_quotes``: direct quotes and the dash conventions that attribute them;
* ``_ru_reported``: reported speech (``по словам``, ``как отметил``, ``сообщил, что``);
* ``_ru_names``: names, organisations and titles put in the nominative;
* ``_ru_coref``: mentions resolved to speakers (surnames, ``он``/``она``, ``эксперт``).

Here the direct quotes are found first, then the reported speech of every sentence
outside them (spans already taken are looked up by bisection), then the mentions are
resolved in text order and the records made.  Time grows about linearly with the post's
length.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Final

from newsrecord._model import (
    PARAGRAPH_SEPARATOR,
    Quote,
    QuoteKind,
    Speaker,
)
from newsrecord.parse._ru_coref import Entity, Resolver
from newsrecord.parse._ru_marks import Marked, sentences
from newsrecord.parse._ru_mentions import Candidate
from newsrecord.parse._ru_quotes import DIALOGUE_START, direct_candidates
from newsrecord.parse._ru_reported import about_this, reported_candidates

__all__ = ["attribute_russian", "uses_russian_rules"]


#: Languages read by these rules (primary subtags).
RUSSIAN_RULE_LANGUAGES: Final = frozenset({"ru", "uk", "be"})

_CYRILLIC: Final = re.compile(r"[\u0400-\u04ff]")
_LETTER: Final = re.compile(r"[^\W\d_]")
#: Letters looked at when the language is unknown.
_SCRIPT_SAMPLE: Final = 400


def uses_russian_rules(language: str | None, paragraphs: Sequence[str]) -> bool:
    """Whether an article is read by the Russian rules.

    Yes for Russian, Ukrainian and Belarusian (``ru``, ``uk``, ``be`` with any region) and
    for any tag with the ``Cyrl`` script subtag; when the language is unknown, yes when
    most letters of the opening paragraphs are Cyrillic.  Any other language: no.
    """
    if language is not None:
        subtags = language.lower().split("-")
        return subtags[0] in RUSSIAN_RULE_LANGUAGES or "cyrl" in subtags[1:]
    sample = "".join(paragraphs[:3])[:_SCRIPT_SAMPLE]
    if _CYRILLIC.search(sample) is None:
        return False  # the common case, found without counting letters
    letters = _LETTER.findall(sample)
    return bool(letters) and 2 * len(_CYRILLIC.findall(sample)) > len(letters)


def _paragraph_bounds(paragraphs: Sequence[str]) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    at = 0
    for paragraph in paragraphs:
        bounds.append((at, at + len(paragraph)))
        at += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    return bounds


class _Taken:
    """The spans already taken by quotes, which do not overlap each other."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        # spans that do not overlap, sorted by start, are sorted by end too
        index = bisect.bisect_left(self._starts, end)
        return index > 0 and self._ends[index - 1] > start

    def add(self, start: int, end: int) -> None:
        index = bisect.bisect_left(self._starts, start)
        self._starts.insert(index, start)
        self._ends.insert(index, end)


def attribute_russian(
    paragraphs: Sequence[str],
) -> tuple[tuple[Speaker, ...], tuple[Quote, ...]]:
    """The speakers and quotes of an article in Russian (or Ukrainian, Belarusian)."""
    text = PARAGRAPH_SEPARATOR.join(paragraphs)
    bounds = _paragraph_bounds(paragraphs)
    direct, marked = direct_candidates(text, bounds)
    taken = _Taken()
    for quote in direct:
        taken.add(quote.start, quote.end)
    by_paragraph: dict[int, list[Marked]] = {}
    for piece in marked:
        by_paragraph.setdefault(piece.paragraph, []).append(piece)
    reported: list[Candidate] = []
    previous: tuple[int, int] | None = None  # the sentence before, for "Об этом ..."
    for index, (p_start, p_end) in enumerate(bounds):
        if DIALOGUE_START.match(text, p_start, p_end):
            previous = None
            continue
        local = by_paragraph.get(index, [])
        for s_start, s_end in sentences(text, p_start, p_end, local):
            if text[s_start] in '«„“"':
                previous = None
                continue
            about = about_this(text, s_start, s_end, previous)
            previous = (s_start, s_end)
            found = [about] if about is not None else reported_candidates(text, s_start, s_end)
            for candidate in found:
                if taken.overlaps(candidate.start, candidate.end):
                    continue
                if any(
                    candidate.start <= m.open_at < candidate.end
                    and text[m.start : m.start + 1].islower()
                    for m in local
                ):
                    candidate.kind = QuoteKind.MIXED
                reported.append(candidate)
                taken.add(candidate.start, candidate.end)
    candidates = sorted(
        (c for c in direct + reported if text[c.start : c.end].strip()),  # ("« »" is none)
        key=lambda c: (c.start, c.end),
    )
    return _records(text, candidates)


def _records(
    text: str, candidates: list[Candidate]
) -> tuple[tuple[Speaker, ...], tuple[Quote, ...]]:
    resolver = Resolver(text)
    order = sorted(
        range(len(candidates)),
        key=lambda i: m.start if (m := candidates[i].mention) is not None else -1,
    )
    resolved: list[Entity | None] = [None] * len(candidates)
    for index in order:
        mention = candidates[index].mention
        if mention is not None:
            resolved[index] = resolver.resolve(mention)
    ids: dict[int, str] = {}
    for index in order:
        entity = resolved[index]
        if entity is not None and id(entity) not in ids:
            ids[id(entity)] = f"s{len(ids) + 1}"
    speakers = sorted(
        (
            Speaker(
                id=ids[id(entity)],
                name=entity.name,
                kind=entity.kind,
                aliases=tuple(entity.aliases),
                affiliations=tuple(entity.affiliations),
            )
            for entity in resolver.entities
            if id(entity) in ids
        ),
        key=lambda s: int(s.id[1:]),
    )
    quotes = tuple(
        Quote(
            id=f"q{number}",
            kind=candidate.kind,
            text=text[candidate.start : candidate.end],
            start=candidate.start,
            end=candidate.end,
            speaker_id=ids[id(entity)] if entity is not None else None,
            mention=candidate.mention.text if candidate.mention is not None else None,
            cue=candidate.cue,
            via=candidate.via,
        )
        for number, (candidate, entity) in enumerate(zip(candidates, resolved, strict=True), 1)
    )
    return tuple(speakers), quotes
