"""Direct quotes: attributing each quoted piece to the words around it.

A quoted piece is attributed from the words after it ("...,” he said") or before it ("X
noted: “...") (both read by :mod:`~newsrecord.parse._attribution`), from the other parts
of the same quote, from a colon ending the previous paragraph, or from the quote it
continues over several paragraphs.  Fragments embedded in running text ("was “not quite
there yet” on it") are not quotes; a fragment right after a verb of naming ("called it “a
disgrace”") is.  :func:`direct_candidates` gives the direct quotes as
:class:`~newsrecord.parse._spans.Candidate`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Final

from newsrecord._model import (
    QuoteKind,
)
from newsrecord.parse._attribution import (
    LOOKBACK,
    after_attribution,
    before_attribution,
    dash_line_after,
)
from newsrecord.parse._cues import cue_words, ends_with_cue, find_via
from newsrecord.parse._lexicon import (
    AUXILIARY_VERBS,
    CUE_VERBS,
    FUNCTION_WORDS,
    NAMING_VERBS,
    TITLE_MINOR_WORDS,
)
from newsrecord.parse._marks import MarkedSpan
from newsrecord.parse._mentions import (
    sentence_subject,
    subject_after,
    subject_before,
)
from newsrecord.parse._roles import classify
from newsrecord.parse._spans import (
    QUOTE_MARKS,
    WORD,
    Candidate,
    Mention,
    core_of,
    paragraph_bounds,
    sentence_stop,
    sentences,
    word_count,
)

__all__ = ["continue_previous_speaker", "direct_candidates"]


_MIN_UNATTRIBUTED_WORDS: Final = 8


#: How many neighbouring parts of a quote share their attribution.
_NEIGHBOURS: Final = 6


#: "that" (and at most a few words of the clause) right before an opening mark.
#: (The word boundary is a look-behind after "that": a pattern that opens with a word is
#: searched for by skipping to the word, one that opens with ``\b`` is tried everywhere.)
_THAT_BEFORE: Final = re.compile(r"that(?<=\bthat)\s+(?=(?:[\w’'-]+\s+){0,4}[“\"'„«]*$)")
#: How far before an opening mark :data:`_THAT_BEFORE` is looked for (characters): "that"
#: and four words are far shorter, and a paragraph may be very long.
_THAT_REACH: Final = 200


#: What stands before a title in quotation marks in an attribution: "the author of".
_TITLE_LEAD: Final = re.compile(r"\s(?:of|for)\s*$")

#: The most words a title in quotation marks has.
_TITLE_WORDS: Final = 8


def _title_in_attribution(text: str, after_start: int, following: MarkedSpan) -> bool:
    """Whether ``following`` is the title of a work in the attribution after a quote (“...,”
    said X, the author of “The Long Road”), not the next quote."""
    return (
        following.close_at is not None
        and _TITLE_LEAD.search(text, after_start, following.open_at) is not None
        and word_count(text[following.open_at : following.close_at], _TITLE_WORDS + 1)
        <= _TITLE_WORDS
        and text[following.open_at : following.close_at].lstrip("'‘“\" ")[:1].isupper()
    )


def direct_candidates(
    text: str, paragraphs: Sequence[str], spans: list[MarkedSpan]
) -> list[Candidate]:
    bounds = paragraph_bounds(paragraphs)
    found: list[Candidate | None] = []
    attributed: list[tuple[Mention, str, int] | None] = []
    by_paragraph: dict[int, list[int]] = {}
    for index, span in enumerate(spans):
        by_paragraph.setdefault(span.paragraph, []).append(index)
    for index, span in enumerate(spans):
        p_start, p_end = bounds[span.paragraph]
        members = by_paragraph[span.paragraph]
        at = members.index(index) if len(members) < 50 else bisect.bisect_left(members, index)
        same = [spans[j] for j in members[max(0, at - 1) : at + 2]]
        position = min(at, 1)
        after_start = (span.close_at + 1) if span.close_at is not None else span.end
        if span.close_at is not None and text.startswith("''", span.close_at):
            after_start += 1
        after_stop = same[position + 1].open_at if position + 1 < len(same) else p_end
        if after_stop < p_end and _title_in_attribution(text, after_start, same[position + 1]):
            # “...,” said X, the author of “The Long Road.”: the title is the speaker's
            after_stop = spans[members[at + 2]].open_at if at + 2 < len(members) else p_end
        before_start = (same[position - 1].close_at or p_start) + 1 if position > 0 else p_start
        result = None
        if span.close_at is not None:
            result = after_attribution(text, after_start, after_stop)
        if result is None:
            result = before_attribution(text, before_start, span.open_at)
        if result is None and after_stop == p_end and span.paragraph + 1 < len(bounds):
            result = dash_line_after(text, after_start, p_end, bounds[span.paragraph + 1])
        attributed.append(result)
        found.append(None)
        del index
    # share attributions between the parts of one quote and along multi-paragraph quotes
    for index, span in enumerate(spans):
        result = attributed[index]
        if result is None:
            result = _shared_attribution(spans, attributed, index, text, bounds, by_paragraph)
        # (counted up to _MIN_UNATTRIBUTED_WORDS: only compared with it and with 2)
        words = word_count(text[span.start : span.end], _MIN_UNATTRIBUTED_WORDS)
        embedded = _is_embedded(text, span, bounds)
        if embedded:
            # a fragment right after a verb of saying or naming is that verb's quote:
            # "which Mr. Trump called ''a disgrace''", "21 percent said “not too likely”"
            naming = _naming_attribution(text, span, bounds[span.paragraph][0])
            if naming is not None:
                result, embedded = naming, False
        if result is None:
            if embedded or words < _MIN_UNATTRIBUTED_WORDS:
                continue
            found[index] = Candidate(QuoteKind.DIRECT, span.start, span.end)
            continue
        mention, cue, cue_end = result
        own = attributed[index] is not None  # attributed by its own words, not shared
        if embedded or (words < 2 and not own and cue not in NAMING_VERBS):
            continue
        kind, start, end = QuoteKind.DIRECT, span.start, span.end
        complement = _THAT_BEFORE.search(
            text, max(bounds[span.paragraph][0], span.open_at - _THAT_REACH), span.open_at
        )
        if (
            complement is not None
            and span.close_at is not None
            and own
            and _ends_sentence(text, span, bounds[span.paragraph][1])
        ):
            # "X told supporters that “we are in this together”", "X wrote that Y “has
            # built ...”": the quoted words are part of reported speech, a mixed quote
            # from after "that" to the closing mark
            kind, start = QuoteKind.MIXED, complement.end()
            end = span.close_at + (2 if text.startswith("''", span.close_at) else 1)
        found[index] = Candidate(
            kind,
            start,
            end,
            mention=mention,
            cue=cue,
            via=find_via(
                text,
                max(0, cue_end - len(cue)),
                sentence_stop(text, cue_end, bounds[span.paragraph][1]),
            ),
        )
        attributed[index] = result
    return [c for c in found if c is not None]


def _naming_attribution(
    text: str, span: MarkedSpan, paragraph_start: int
) -> tuple[Mention, str, int] | None:
    """``X called “...”`` / ``X said “...”`` with the fragment right after the verb."""
    before = text[max(paragraph_start, span.open_at - LOOKBACK) : span.open_at].rstrip(" ,:")
    last = before.rsplit(None, 1)[-1] if before.split() else ""
    verb = last.lower()
    if verb not in NAMING_VERBS and verb not in CUE_VERBS:
        return None
    if verb not in NAMING_VERBS and _title_case(text[span.start : span.end]):
        return None  # 'wrote “Tides of Lornia”': the title of a work, not a quote
    cue_end = span.open_at - (len(text[: span.open_at]) - len(text[: span.open_at].rstrip(" ,:")))
    cue_start = cue_end - len(last)
    sentence_start = paragraph_start
    for begin, _end in sentences(text, max(paragraph_start, cue_start - LOOKBACK), cue_start):
        sentence_start = begin
    mention = subject_before(text, cue_start, sentence_start)
    if mention is None:
        mention = sentence_subject(text, sentence_start, cue_start)
    if mention is None:
        return None
    return mention, last, cue_end


def _title_case(fragment: str) -> bool:
    """Whether a short quoted fragment is written as a title ("Tides of Lornia")."""
    words = WORD.findall(fragment)
    return (
        1 <= len(words) <= 8
        and all(w[:1].isupper() or w.lower() in TITLE_MINOR_WORDS for w in words)
        and words[0][:1].isupper()
    )


def _is_embedded(text: str, span: MarkedSpan, bounds: list[tuple[int, int]]) -> bool:
    """A fragment inside running text ("he was “not quite there yet” on it"), not a quote.

    A quote that starts in lower case after running text continues that text; a short
    quote right after a word is a scare quote or a title.  After a colon, a cue ("said,")
    or at a sentence start it is a quote.
    """
    p_start = max(bounds[span.paragraph][0], span.open_at - LOOKBACK)
    before = text[p_start : span.open_at].rstrip()
    if not before or before[-1] in '.!?:…"”':
        return False
    lower = not text[span.start].isupper() and not text[span.start].isdigit()
    if before[-1] == "," and not lower:
        return False
    if lower:
        return (
            before_attribution(text, p_start, span.open_at) is None
            or not _LAST_WORD.search(before)
            or not ends_with_cue(before)
        )
    return word_count(text[span.start : span.end]) < 6


_LAST_WORD: Final = re.compile(r"\b\w+[,:]?\s*$")


def _shared_attribution(
    spans: list[MarkedSpan],
    attributed: list[tuple[Mention, str, int] | None],
    index: int,
    text: str,
    bounds: list[tuple[int, int]],
    by_paragraph: dict[int, list[int]],
) -> tuple[Mention, str, int] | None:
    span = spans[index]
    # another part of the same quote in the same paragraph
    for distance in range(1, _NEIGHBOURS + 1):
        for other in (index - distance, index + distance):
            if (
                0 <= other < len(spans)
                and spans[other].paragraph == span.paragraph
                and attributed[other] is not None
            ):
                return attributed[other]
    p_start, _p_end = bounds[span.paragraph]
    if span.open_at != p_start:
        return None
    # one quote over several paragraphs (each opens with a mark, only the last closes):
    # the attribution of any of its paragraphs
    back = index - 1
    while (
        back >= 0
        and spans[back].paragraph == spans[back + 1].paragraph - 1
        and spans[back].close_at is None
    ):
        if attributed[back] is not None:
            return attributed[back]
        if spans[back].open_at != bounds[spans[back].paragraph][0]:
            break
        back -= 1
    # ... or attributed only in its last paragraph: look ahead along the open quote
    ahead = index
    while (
        span.close_at is None
        and ahead + 1 < len(spans)
        and spans[ahead + 1].paragraph == spans[ahead].paragraph + 1
        and spans[ahead + 1].open_at == bounds[spans[ahead + 1].paragraph][0]
        and spans[ahead].close_at is None
    ):
        ahead += 1
        if attributed[ahead] is not None:
            return attributed[ahead]
    # "X said:" ending the previous paragraph
    if span.paragraph > 0:
        prev_start, prev_end = bounds[span.paragraph - 1]
        if text[prev_start:prev_end].rstrip().endswith(":"):
            result = before_attribution(text, prev_start, prev_end)
            if result is not None:
                return result
        # a paragraph of quotation right after a quoted paragraph continues its speaker,
        # unless it names a speaker of its own that the rules could not read
        previous = by_paragraph.get(span.paragraph - 1, [])
        if (
            previous
            and attributed[previous[-1]] is not None
            and not _has_own_cue(text, spans, by_paragraph[span.paragraph], bounds[span.paragraph])
        ):
            return attributed[previous[-1]]
    return None


def _has_own_cue(
    text: str, spans: Sequence[MarkedSpan], members: Sequence[int], bounds: tuple[int, int]
) -> bool:
    """Whether a paragraph has a cue word outside its quotation marks."""
    cursor = bounds[0]
    for index in members[:_NEIGHBOURS]:
        span = spans[index]
        if any(True for _ in cue_words(text, cursor, span.open_at)):
            return True
        cursor = (span.close_at if span.close_at is not None else span.end) + 1
    if len(members) > _NEIGHBOURS:
        return False
    return any(True for _ in cue_words(text, min(cursor, bounds[1]), bounds[1]))


def _ends_sentence(text: str, span: MarkedSpan, paragraph_end: int) -> bool:
    """Whether a closed quote ends its sentence: “... together.” or “... together”."""
    if text[span.end - 1] in ".!?…":
        return True
    close = span.close_at if span.close_at is not None else span.end
    rest = text[close + 1 : paragraph_end].lstrip("'’”\"» \u00a0")
    return not rest or rest[0] in ".!?…"


def continue_previous_speaker(
    text: str, paragraphs: Sequence[str], candidates: list[Candidate]
) -> list[Candidate]:
    """Unattributed quotes that fill a paragraph take the speaker of the paragraph before.

    A paragraph that is all quotation, with no cue of its own, right after a paragraph
    that reports what someone said (directly or not) goes on with that speaker: the
    convention of news prose that the rules for direct quotes alone miss when the
    previous paragraph's quote was reported speech ("X said the plan ... ¶ “We ...”").
    After a paragraph with no quote, it is the person that paragraph opens with as the
    subject of its first sentence, if a name or a pronoun ("Ruiz praised the mayor's
    leadership ... ¶ “The town needs a ferry ...”"); else it stays unattributed.
    ``candidates`` are in text order; the result too.
    """
    bounds = paragraph_bounds(paragraphs)
    starts = [b[0] for b in bounds]
    last_in: dict[int, Candidate] = {}
    result: list[Candidate] = []
    for candidate in candidates:
        number = bisect.bisect_right(starts, candidate.start) - 1
        if candidate.kind is QuoteKind.DIRECT and candidate.mention is None and number > 0:
            previous = last_in.get(number - 1)
            p_start, p_end = bounds[number]
            opens = text[p_start : candidate.start].strip(QUOTE_MARKS + " \u00a0") == ""
            alone = opens and not any(True for _ in cue_words(text, candidate.end, p_end))
            if alone and previous is not None and previous.mention is not None:
                candidate.mention = previous.mention
            elif alone and previous is None:
                # "X praised the mayor's leadership. ¶ “We need ...”": the person the
                # paragraph before is about
                candidate.mention = _paragraph_subject(text, *bounds[number - 1])
        if candidate.mention is not None:
            last_in[number] = candidate
        result.append(candidate)
    return result


def _paragraph_subject(text: str, start: int, end: int) -> Mention | None:
    """The name, honorific or pronoun a paragraph opens with as its first sentence's
    subject, its verb right after it: "Ivo Hart praised ...", "He distanced himself ..."."""
    first = next(iter(sentences(text, start, end)), None)
    if first is None or text[start] in QUOTE_MARKS:
        return None
    subject = subject_after(text, start, first[1])
    if subject is None or subject.start != start:
        return None
    verb = text[subject.end : first[1]].split(None, 1)
    word = core_of(verb[0]) if verb else ""
    if (
        not verb
        or not verb[0][:1].islower()
        or (word in FUNCTION_WORDS and word not in AUXILIARY_VERBS)
    ):
        return None  # "Ivo Hart and the mayor ...", "Ivo Hart of the port ..."
    kind = classify(subject.head)
    words = subject.head.split()
    if kind in {"honorific", "pronoun"}:
        return subject
    if kind != "name" or not all(w[:1].isupper() for w in words):
        return None  # "Absent Sanders' campaign health"
    if len(words) == 1 and not re.search(
        rf"[A-Z][\w.’'-]*\s+{re.escape(words[0])}\b", text[:start]
    ):
        return None  # a bare word is a surname only after its full name ("Voices")
    return subject
