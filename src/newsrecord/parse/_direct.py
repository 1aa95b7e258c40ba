"""Direct quotes: attributing each quoted piece to the words around it.

A quoted piece is attributed from the words after it ("...,” he said"), before it ("X
noted: “..."), from the other parts of the same quote, from a colon ending the previous
paragraph, or from the quote it continues over several paragraphs.  Fragments embedded
in running text ("was “not quite there yet” on it") are not quotes; a fragment right
after a verb of naming ("called it “a disgrace”") is.  :func:`direct_candidates` gives
the direct quotes as :class:`~newsrecord.parse._spans.Candidate`.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from typing import Final

from newsrecord._model import (
    QuoteKind,
)
from newsrecord.parse._cues import cue_phrase, cue_words, ends_with_cue, find_via
from newsrecord.parse._lexicon import (
    CUE_PARTICIPLES,
    CUE_VERBS,
    DETERMINERS,
    NAMING_VERBS,
    NOT_SPEAKER_LABELS,
    TITLE_MINOR_WORDS,
)
from newsrecord.parse._marks import MarkedSpan
from newsrecord.parse._mentions import (
    is_coordinated,
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


#: How far back from a quote its attribution is looked for (characters).
_LOOKBACK: Final = 400


#: How many neighbouring parts of a quote share their attribution.
_NEIGHBOURS: Final = 6


_MAX_SUBJECT_WORDS: Final = 30


#: A dash that names the source after a quotation: "“...” ― Jorge Falcon".
_DASH_SOURCE: Final = re.compile(r"[\s\u00a0]*[―—–-]{1,2}[\s\u00a0]*")


def _dash_line_after(
    text: str, after_start: int, p_end: int, following: tuple[int, int]
) -> tuple[Mention, str, int] | None:
    """The source named on a line of its own after a quote that ends its paragraph: "“...”"
    then "- Clinton." (fact-check and transcript style)."""
    if text[after_start:p_end].strip(" .,\u00a0"):
        return None  # words after the quote in its own paragraph
    f_start, f_end = following
    dashed = _DASH_SOURCE.match(text, f_start, f_end)
    if dashed is None:
        return None
    name = subject_after(text, dashed.end(), f_end)
    if name is None or text[name.end : f_end].strip(" .\u00a0") or classify(name.head) != "name":
        return None
    return name, dashed.group().strip(), dashed.end()


def _after_attribution(text: str, start: int, stop: int) -> tuple[Mention, str, int] | None:
    """``,” he said`` / ``,” said X`` right after a closing mark (``start``)."""
    lead = start
    while lead < stop and text[lead] in " ,.!?;—–-…\u00a0'’\"”":
        lead += 1
    bound = min(stop, sentence_stop(text, lead, stop))
    dashed = _DASH_SOURCE.match(text, start, stop)
    if dashed is not None:  # "“...” ― Jorge Falcon" closing the paragraph
        name = subject_after(text, dashed.end(), stop)
        if name is not None and not text[name.end : stop].strip(" .\u00a0"):
            return name, dashed.group().strip(), dashed.end()
    according = _ACCORDING_AFTER.match(text, start, bound)
    if according is not None:  # "“...”, according to CNN."
        source = subject_after(text, according.end(), bound)
        if source is not None:
            return source, "according to", according.end()
    cues = list(cue_words(text, lead, bound))
    if not cues:
        return _any_verb_after(text, start, lead, bound)
    cue_start, cue_end, _word = cues[0]
    if text[lead:cue_start].count(" ") > _MAX_SUBJECT_WORDS:
        return None
    if cue_start == lead or not text[lead:cue_start].strip():
        mention = subject_after(text, cue_end, bound) or _titled_after(text, cue_end, bound)
        if mention is None:
            return None
        return mention, cue_phrase(text, cue_start, cue_end)[0], cue_end
    mention = subject_before(text, cue_start, lead)
    if mention is None and _word in CUE_PARTICIPLES:
        mention = subject_after(text, lead, cue_start)  # "X is quoted as saying"
    if mention is None or (mention.start != lead and not _only_filler(text[lead : mention.start])):
        mention = _whole_subject(text, lead, cue_start, mention)
        if mention is None:
            return None
    return mention, cue_phrase(text, cue_start, cue_end)[0], cue_end


#: "according to" right after a closing mark: "“...”, according to CNN."
_ACCORDING_AFTER: Final = re.compile(r"[\s\u00a0]*,?[\s\u00a0]*according to\b")


#: "SUBJECT VERBed." (or "VERBs.") closing the sentence after a quote that ends with a
#: comma: "“France will always be France,” an angry Hollande retaliated.", "..., he mocks."
_VERB_AFTER: Final = re.compile(
    r"(?P<subject>[^.!?;:,“”\"]{1,80}?)\s+(?P<verb>[a-z]{3,}(?:ed|[^s]s))[\s\u00a0]*[.!]"
)


def _any_verb_after(
    text: str, start: int, lead: int, bound: int
) -> tuple[Mention, str, int] | None:
    """The speaker of ``,” SUBJECT VERBed.``: a verb that is no cue word still names the
    speaker when the quote ends with a comma and the sentence with the verb."""
    if "," not in text[max(0, start - 2) : lead]:
        return None
    match = _VERB_AFTER.match(text, lead, bound)
    if match is None:
        return None
    mention = subject_before(text, match.start("verb"), lead)
    if mention is None or classify(mention.head) not in {"name", "pronoun", "honorific"}:
        return None
    if mention.start != lead:  # "an angry Hollande retaliated"
        mention = _whole_subject(text, lead, match.start("verb"), mention)
        if mention is None:
            return None
    return mention, match.group("verb"), match.end("verb")


#: The words between a closing mark and its cue that make one subject: "super PAC
#: spokeswoman Ana Ruiz", "a spokesman for committee Democrats" (no punctuation, no
#: clause of their own).
_WHOLE_SUBJECT: Final = re.compile(
    r"(?!(?:and|but|as|while|when|if|so|then|which|who|that|he|she|they|it|we|I)\b)"
    r"[\w’'.&-]+(?:\s+[\w’'.&-]+){0,7}\s*"
)


def _whole_subject(text: str, lead: int, cue_start: int, found: Mention | None) -> Mention | None:
    """The subject of ",” SUBJECT said" when :func:`subject_before` read only its end."""
    if not _WHOLE_SUBJECT.fullmatch(text, lead, cue_start):
        return None
    if any(True for _ in cue_words(text, lead, cue_start)):
        return None
    words = text[lead:cue_start].strip()
    if found is None and core_of(words.split()[0]) not in DETERMINERS:
        return None  # a subject that is no name needs its article: "a spokesman for ..."
    head = found.head if found is not None else words
    return Mention(lead, lead + len(words), words, head)


#: Lower-case words of a title after an inverted cue, before the name: "said former
#: secretary of state Ana Ruiz"; not a circumstance ("said on Monday").
_TITLE_AFTER_CUE: Final = re.compile(
    r"\s+(?!(?:on|in|at|during|after|before|to|of|with|by|from|for|that|this|last|when|"
    r"while|as|and|but|about|over|through)\b)((?:[a-z][\w’'.-]*\s+){1,6})(?=[A-Z])"
)


def _titled_after(text: str, cue_end: int, bound: int) -> Mention | None:
    """ ",” said former secretary of state Ana Ruiz": a name after its lower-case title."""
    title = _TITLE_AFTER_CUE.match(text, cue_end, bound)
    if title is None:
        return None
    name = subject_after(text, title.end(), bound)
    if name is None or name.start != title.end() or classify(name.head) != "name":
        return None
    begin = title.start(1)
    return Mention(begin, name.end, text[begin : name.end], name.head, name.appositive)


def _only_filler(text: str) -> bool:
    return not text.strip(" ,\u00a0") or text.strip(" ,\u00a0").lower() in {"and", "but", "so"}


# Cached (the result is immutable): a quote's lead-in is read again to tell whether the
# quote is embedded in running text.
@functools.lru_cache(maxsize=64)
def _before_attribution(text: str, start: int, stop: int) -> tuple[Mention, str, int] | None:
    """``X said: “`` / ``X noted, “`` / ``According to X, “`` right before an opening mark."""
    start = max(start, stop - _LOOKBACK)
    window = text[start:stop].rstrip()
    if not window:
        return None
    tail = window.rstrip(" ,:—–-\u00a0")
    sentence_start = start
    for begin, _end in sentences(text, start, start + len(tail)):
        sentence_start = begin
    lead_in = text[sentence_start : start + len(tail)]
    according = _ACCORDING_LEAD.search(lead_in + ",") if "ccording to" in lead_in else None
    if according:
        mention = subject_after(text, sentence_start + according.start(1), start + len(tail))
        if mention is not None:
            return mention, "according to", sentence_start + according.start(1)
    cues = list(cue_words(text, sentence_start, start + len(tail)))
    if not cues:
        return _colon_subject(text, sentence_start, start + len(tail), window)
    cue_start, cue_end, _word = cues[-1]
    phrase, phrase_end = cue_phrase(text, cue_start, cue_end)
    trailing = text[phrase_end : start + len(tail)].strip()
    mention = subject_before(text, cue_start, sentence_start)
    if mention is None and _only_filler(text[sentence_start:cue_start]):
        inverted = subject_after(text, phrase_end, start + len(tail))  # "Stated Stone:"
        if inverted is not None and inverted.end >= start + len(tail) - 1:
            return inverted, phrase, cue_end
    telling = _word in {"told", "tells", "telling", "tell", "asked", "asks", "asking", "informed"}
    if (
        trailing
        and not _CIRCUMSTANCE.fullmatch(trailing)
        and not (telling and len(trailing.split()) <= 9)
    ):
        return _colon_subject(text, sentence_start, start + len(tail), window)
    if mention is None and (
        _word in CUE_PARTICIPLES
        or is_coordinated(text, sentence_start, cue_start)
        or _INFINITIVE_BEFORE.search(text, sentence_start, cue_start) is not None
    ):
        # "X smiled and said:", "X, asked about it, went on to say:", "X was prompted to say,"
        mention = sentence_subject(text, sentence_start, cue_start)
    if mention is None:
        inverted = subject_after(text, phrase_end, start + len(tail))
        if inverted is not None and not trailing.startswith(("in ", "on ", "to ", "that")):
            return inverted, phrase, cue_end
        return None
    return mention, phrase, cue_end


#: "that" (and at most a few words of the clause) right before an opening mark.
_THAT_BEFORE: Final = re.compile(r"\bthat\s+(?=(?:[\w’'-]+\s+){0,4}[“\"'„«]*$)")
#: "to" right before a cue: the cue's subject is the sentence's ("X went on to say:").
_INFINITIVE_BEFORE: Final = re.compile(r"\bto\s+$")
#: "According to X," ending the words before an opening mark.
_ACCORDING_LEAD: Final = re.compile(r"\b[Aa]ccording to\s+(.+?),?\s*$")


#: What may stand between a cue and an opening mark: "said in a statement", "told it".
_CIRCUMSTANCE: Final = re.compile(
    r"(?:(?:in|on|at|during|to|with|that|of|about|last|this|earlier|later|yesterday|"
    r"today|recently|once|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r".{0,60}|that|it(?:\s+(?:in|on|at|to|during)\b.{0,80})?)",
    re.IGNORECASE,
)


def _colon_subject(
    text: str, sentence_start: int, stop: int, window: str
) -> tuple[Mention, str, int] | None:
    """The speaker of a sentence that introduces a quote with a colon and no verb of saying.

    "As Professor Foner put it:", "Jared Potts echoed:", "Pollsters agree - Carl Bialik:":
    the name right before the colon, or the subject of the sentence.
    """
    if not window.endswith(":"):
        return None
    label = text[sentence_start:stop].split()
    if len(label) <= 3 and any(core_of(word) in NOT_SPEAKER_LABELS for word in label):
        return None  # "Partial transcript:", "Update:", "Read more:" name no speaker
    named = subject_before(text, stop, max(sentence_start, stop - 60))
    if named is not None and classify(named.head) in {"name", "honorific"}:
        before = text[sentence_start : named.start].strip()
        if not before or before.endswith(("-", "—", "–")):
            return named, ":", stop
    subject = sentence_subject(text, sentence_start, stop)
    if subject is None:
        return None
    return subject, ":", stop


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
        position = members.index(index) if len(members) < 50 else bisect.bisect_left(members, index)
        same = [spans[j] for j in members[max(0, position - 1) : position + 2]]
        position = min(position, 1)
        after_start = (span.close_at + 1) if span.close_at is not None else span.end
        if span.close_at is not None and text.startswith("''", span.close_at):
            after_start += 1
        after_stop = same[position + 1].open_at if position + 1 < len(same) else p_end
        before_start = (same[position - 1].close_at or p_start) + 1 if position > 0 else p_start
        result = None
        if span.close_at is not None:
            result = _after_attribution(text, after_start, after_stop)
        if result is None:
            result = _before_attribution(text, before_start, span.open_at)
        if result is None and after_stop == p_end and span.paragraph + 1 < len(bounds):
            result = _dash_line_after(text, after_start, p_end, bounds[span.paragraph + 1])
        attributed.append(result)
        found.append(None)
        del index
    # share attributions between the parts of one quote and along multi-paragraph quotes
    for index, span in enumerate(spans):
        result = attributed[index]
        if result is None:
            result = _shared_attribution(spans, attributed, index, text, bounds, by_paragraph)
        words = word_count(text[span.start : span.end])
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
        complement = _THAT_BEFORE.search(text, bounds[span.paragraph][0], span.open_at)
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
    before = text[max(paragraph_start, span.open_at - _LOOKBACK) : span.open_at].rstrip(" ,:")
    last = before.rsplit(None, 1)[-1] if before.split() else ""
    verb = last.lower()
    if verb not in NAMING_VERBS and verb not in CUE_VERBS:
        return None
    if verb not in NAMING_VERBS and _title_case(text[span.start : span.end]):
        return None  # 'wrote “Tides of Lornia”': the title of a work, not a quote
    cue_end = span.open_at - (len(text[: span.open_at]) - len(text[: span.open_at].rstrip(" ,:")))
    cue_start = cue_end - len(last)
    sentence_start = paragraph_start
    for begin, _end in sentences(text, max(paragraph_start, cue_start - _LOOKBACK), cue_start):
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
    p_start = max(bounds[span.paragraph][0], span.open_at - _LOOKBACK)
    before = text[p_start : span.open_at].rstrip()
    if not before or before[-1] in '.!?:…"”':
        return False
    lower = not text[span.start].isupper() and not text[span.start].isdigit()
    if before[-1] == "," and not lower:
        return False
    if lower:
        return (
            _before_attribution(text, p_start, span.open_at) is None
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
            result = _before_attribution(text, prev_start, prev_end)
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
            if (
                previous is not None
                and previous.mention is not None
                and opens
                and not any(True for _ in cue_words(text, candidate.end, p_end))
            ):
                candidate.mention = previous.mention
        if candidate.mention is not None:
            last_in[number] = candidate
        result.append(candidate)
    return result
