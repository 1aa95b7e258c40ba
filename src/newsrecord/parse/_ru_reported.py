"""Reported speech in a Russian sentence: по словам, как отметил, сообщил, что ...

``как отметил X, …``, ``…, как сообщает X``, ``по словам X, …``, ``по данным X, …``,
``по мнению X, …`` (and ``по его словам``), ``X сообщил, что …``, ``…, сообщил X.`` and
the parenthesis ``…, как отметил X, …`` (two quotes) are read by
:func:`reported_candidates`; ``Об этом сообщила X.`` and ``Такое мнение высказал X.``
attribute the sentence before it (:func:`about_this`).
"""

from __future__ import annotations

import re
from typing import Final

from newsrecord._model import QuoteKind
from newsrecord.parse._lexicon_ru import ASSESSMENT_VERBS, SENTENCE_OPENERS, SOURCE_PHRASES
from newsrecord.parse._ru_mentions import (
    Candidate,
    Mention,
    document_source,
    subject_mention,
    token_spans,
    via_phrase,
)
from newsrecord.parse._ru_words import STOP_WORDS, cue_form, fold, word_count

__all__ = ["about_this", "reported_candidates"]

_MIN_CONTENT_WORDS: Final = 3


_AS_CUE: Final = re.compile(r"(?:(?:Ранее|Также)\s+)?[Кк]ак\s+(?P<cue>\w+)\s+")
_SOURCE_NOUNS: Final = "|".join(sorted(phrase.split()[1] for phrase in SOURCE_PHRASES))
_SOURCE_LEAD: Final = re.compile(
    rf"[Пп]о\s+(?:(?P<pronoun>его|ее|её|их)\s+)?(?P<noun>{_SOURCE_NOUNS})(?P<space>\s+|,)"
)
#: ", что" after a cue, past up to two words of whom it was told ("сообщил журналистам").
_THAT: Final = re.compile(r"(?:\s+[а-яё]+){0,2}?,?\s+что\s+")


def _depth0_comma(text: str, start: int, end: int) -> int | None:
    depth = 0
    for index in range(start, end):
        char = text[index]
        if char in "«„“":
            depth += 1
        elif char in "»”" and depth:
            depth -= 1
        elif char == "," and depth == 0:
            return index
    return None


def _content(
    text: str, start: int, end: int, *, words: int = _MIN_CONTENT_WORDS
) -> tuple[int, int] | None:
    while start < end and text[start] in " \u00a0,—–":
        start += 1
    while end > start and text[end - 1] in " \u00a0.,;:!?…":
        end -= 1
    if word_count(text[start:end]) < words:
        return None
    return start, end


def _opener_end(text: str, start: int, end: int) -> int:
    """Where a sentence starts past an opening ``Однако,`` or ``При этом,``."""
    opener = _OPENER.match(text, start, end)
    return opener.end() if opener is not None else start


def reported_candidates(text: str, start: int, end: int) -> list[Candidate]:
    """The reported speech of one sentence (one quote, or two around a parenthesis)."""
    start = _opener_end(text, start, end)
    single = _reported_single(text, start, end)
    if single is not None:
        return [single]
    return _parenthetical(text, start, end)


def _reported_single(text: str, start: int, end: int) -> Candidate | None:
    document = document_source(text, start, end)  # "Как говорится в сообщении X, …"
    comma = _depth0_comma(text, document[2], end) if document is not None else None
    if document is not None and comma is not None:
        stated = _from_document(document, _content(text, comma + 1, end))
        if stated is not None:
            return stated
    lead = _AS_CUE.match(text, start, end)
    if lead is not None and cue_form(lead.group("cue")) is not None:
        comma = _depth0_comma(text, lead.end(), end)
        if comma is not None:
            gender = cue_form(lead.group("cue")) or ""
            mention = subject_mention(text, lead.end(), comma, gender=gender, after_cue=False)
            content = _content(text, comma + 1, end)
            if mention is not None and content is not None:
                via = via_phrase(text, lead.end(), comma)
                return _candidate(content, mention, lead.group("cue"), via)
    source = _SOURCE_LEAD.match(text, start, end)
    if source is not None:
        cue = f"по {source.group('noun')}"
        if source.group("pronoun"):
            p_start, p_end = source.span("pronoun")
            mention = Mention(p_start, p_end, source.group("pronoun"), case="gen")
            content = _content(text, source.end(), end)
        else:
            comma = _depth0_comma(text, source.end(), end)
            if comma is None:
                return None
            mention = subject_mention(text, source.end(), comma, case="gen", after_cue=False)
            content = _content(text, comma + 1, end)
        if mention is not None and fold(mention.text.split()[0]) in STOP_WORDS:
            return None  # "По данным на 1 января, ...": a date, not a source
        if mention is not None and content is not None:
            return _candidate(content, mention, cue, None)
        return None
    tail = _tail(text, start, end)
    if tail is not None:
        return tail
    for t_start, t_end, word in token_spans(text, start, min(end, start + 400)):
        told = cue_form(word)
        that = _THAT.match(text, t_end, end) if told is not None else None
        if told is None or that is None:
            continue
        subject = subject_mention(text, start, t_start, gender=told, after_cue=False)
        said = _content(text, that.end(), end)
        if subject is not None and said is not None:
            return _candidate(said, subject, word, via_phrase(text, start, t_start))
        return None
    return None


_OPENER: Final = re.compile(
    "(?:" + "|".join(sorted(SENTENCE_OPENERS)) + r")[\s\u00a0]*,[\s\u00a0]*", re.IGNORECASE
)
_PARENTHESIS: Final = re.compile(
    rf",[\s\u00a0]+(?:как\s+(?P<cue>\w+)|(?P<source>по\s+(?:(?P<pronoun>его|ее|её|их)\s+)?"
    rf"(?P<noun>{_SOURCE_NOUNS})))(?:\s+|(?=,))"
)


def _parenthetical(text: str, start: int, end: int) -> list[Candidate]:
    """``Работы, как отметил X, обошлись дешевле``: two quotes, one speaker."""
    for match in _PARENTHESIS.finditer(text, start, end):
        cue = match.group("cue")
        if cue is not None and cue_form(cue) is None:
            continue
        if match.group("pronoun"):
            p_start, p_end = match.span("pronoun")
            mention: Mention | None = Mention(p_start, p_end, match.group("pronoun"), case="gen")
            comma: int | None = match.start("noun") + len(match.group("noun"))
            comma = comma if text.startswith(",", comma) else None
        else:
            comma = _depth0_comma(text, match.end(), end)
            if comma is None:
                return []
            case = "gen" if match.group("source") else "nom"
            mention = subject_mention(text, match.end(), comma, case=case, after_cue=False)
        if comma is None or mention is None:
            return []
        before = _content(text, start, match.start(), words=1)
        after = _content(text, comma + 1, end, words=1)
        if before is None or after is None:
            return []
        if word_count(text[before[0] : before[1]] + " " + text[after[0] : after[1]]) < 3:
            return []
        said = f"по {match.group('noun')}" if match.group("source") else cue or ""
        return [_candidate(before, mention, said, None), _candidate(after, mention, said, None)]
    return []


#: What opens a sentence attributing the one before it: "Об этом сообщила X.", "Такое
#: мнение в интервью агентству «…» высказал X.", "Такой прогноз дал X."
_ABOUT_THIS: Final = re.compile(
    r"(?:Об\s+этом|Так(?:ое|ую|ой)\s+(?:мнение|точку\s+зрения|оценку|прогноз))\s+"
)


def about_this(
    text: str, start: int, end: int, previous: tuple[int, int] | None
) -> Candidate | None:
    """``Об этом сообщила X.``: what the sentence before says, attributed to X."""
    lead = _ABOUT_THIS.match(text, start, end)
    if lead is None or previous is None:
        return None
    document = document_source(text, lead.end(), end)  # "Об этом говорится в докладе X."
    if document is not None:
        return _from_document(document, _content(text, _opener_end(text, *previous), previous[1]))
    tokens = token_spans(text, lead.end(), end)
    assessment = not lead.group().startswith("Об")  # "Такой прогноз дали в X."
    for index, (t_start, t_end, word) in enumerate(tokens[:8]):  # (past "в интервью …")
        told = cue_form(word)
        if told is None and assessment and fold(word) in ASSESSMENT_VERBS:
            told = ASSESSMENT_VERBS[fold(word)]
        if told is None:
            continue
        mention = subject_mention(text, t_end, end, gender=told, after_cue=True)
        if mention is None:  # "Об этом заявил на пресс-конференции начальник …"
            mention = _after_place(text, t_end, end, told)
        if mention is None and index:
            mention = subject_mention(text, lead.end(), t_start, gender=told, after_cue=False)
        content = _content(text, _opener_end(text, *previous), previous[1])
        if mention is None or content is None:
            return None
        return _candidate(content, mention, word, via_phrase(text, lead.end(), end))
    return None


#: Where something was said, between the cue and the speaker: "заявил на
#: пресс-конференции начальник …", "сказал на встрече с журналистами министр …".
_PLACE_AFTER_CUE: Final = re.compile(r"\s+(?:на|в|во)\s+[а-яё-]+(?:\s+с\s+[а-яё-]+)?")


def _after_place(text: str, cue_end: int, end: int, told: str) -> Mention | None:
    """The speaker after where it was said (``на пресс-конференции``), if one follows."""
    place = _PLACE_AFTER_CUE.match(text, cue_end, end)
    if place is None:
        return None
    return subject_mention(text, place.end(), end, gender=told, after_cue=True)


_COMMA: Final = re.compile(r",(?=[\s\u00a0]+(?:[Кк]ак[\s\u00a0]+)?[а-яё]+ся[\s\u00a0]+в[\s\u00a0])")
_TAIL: Final = re.compile(
    rf",[\s\u00a0]+(?:(?P<as>как)\s+(?P<cue>\w+)|(?P<source>по\s+(?:{_SOURCE_NOUNS}))"
    r"|(?P<verb>\w+))\s+"
)


def _tail(text: str, start: int, end: int) -> Candidate | None:
    """``…, сообщил X.``, ``…, как сообщает X.``, ``…, по словам X.``, ``…, говорится в
    сообщении X.``."""
    for comma in reversed([m.start() for m in _COMMA.finditer(text, start, end)]):
        document = document_source(text, comma + 1, end)
        if document is not None:
            return _from_document(document, _content(text, start, comma))
    last: re.Match[str] | None = None
    for match in _TAIL.finditer(text, start, end):
        cue = match.group("cue") or match.group("verb")
        if match.group("source") or (cue is not None and cue_form(cue) is not None):
            last = match
    if last is None:
        return None
    cue_word = last.group("source") or last.group("cue") or last.group("verb")
    case = "gen" if last.group("source") else "nom"
    gender = "" if last.group("source") else cue_form(cue_word) or ""
    if _depth0_comma(text, last.end(), end) is not None:
        return None
    mention = subject_mention(text, last.end(), end, case=case, gender=gender, after_cue=True)
    content = _content(text, start, last.start())
    if mention is None or content is None:
        return None
    return _candidate(content, mention, cue_word, via_phrase(text, last.end(), end))


def _from_document(
    document: tuple[Mention, str, int], content: tuple[int, int] | None
) -> Candidate | None:
    """The quote of a statement in a document (:func:`document_source`), if it has content."""
    return _candidate(content, document[0], document[1], None) if content is not None else None


def _candidate(
    content: tuple[int, int], mention: Mention, cue: str, via: tuple[str, int, int] | None
) -> Candidate:
    return Candidate(
        QuoteKind.INDIRECT,
        content[0],
        content[1],
        mention=mention,
        cue=cue,
        via=via[0] if via else None,
    )
