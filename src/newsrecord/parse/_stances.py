"""Attributions beyond verbs of saying: beliefs, stances, passives, nominal cues, labels.

"X believes (that) ...", "X declined to ...", "X accused Y of ..." (with a person or
body as subject), "it was reported by X that ...", "rejected X's claim that ...", and a
statement after its speaker's label ("Expert: ...", "Matthews: ...").  Each function
reads one sentence (or one paragraph, for labels) and gives one candidate or ``None``.
"""

from __future__ import annotations

import bisect
import functools
import re
import string
from collections.abc import Sequence
from typing import Final

from newsrecord._model import (
    QuoteKind,
)
from newsrecord.parse._clauses import (
    CLAUSE_START,
    MAX_CUES_PER_SENTENCE,
    THAT_NEXT,
    clause_end,
    is_bare_clause,
    make_indirect,
    source_phrase,
    subordinate_end,
)
from newsrecord.parse._lexicon import (
    BELIEF_PHRASES,
    BELIEF_VERBS,
    COMPLEMENT_PHRASES,
    COMPLEMENT_VERBS,
    INDEFINITES,
    INFINITIVE_VERBS,
    NOMINAL_CUES,
    NOT_SPEAKER_LABELS,
    THAT_CLAUSE_VERBS,
)
from newsrecord.parse._lexicon_names import (
    GROUP_NOUNS,
    ORGANIZATION_WORDS,
)
from newsrecord.parse._marks import (
    MarkedSpan,
    covered,
)
from newsrecord.parse._mentions import (
    subject_after,
    subject_before,
)
from newsrecord.parse._roles import classify, is_role_noun
from newsrecord.parse._spans import (
    QUOTE_MARKS,
    Candidate,
    Mention,
    core_of,
    is_capitalised,
    is_namelike,
    trim,
    whole_words,
    word_count,
    words_pattern,
)

__all__ = ["is_source", "labelled_statement", "nominal_cue", "passive_by", "stance_clause"]


#: "It was reported by X that ...", "it was announced by the ministry that ...".
_PASSIVE_BY: Final = re.compile(
    # (the word boundary a look-behind after "it", so that the search skips to "it")
    r"[iI]t(?<=\b[iI]t)\s+(?:was|has\s+been|is)\s+(?P<verb>reported|announced|said|stated|claimed|"
    r"confirmed|revealed)\s+by\s+"
)


def passive_by(text: str, start: int, end: int, spans: Sequence[MarkedSpan]) -> Candidate | None:
    """``It was reported by X that CONTENT``: the agent of a passive cue is the source."""
    if " by " not in text[start:end]:
        return None
    match = _PASSIVE_BY.search(text, start, end)
    if match is None:
        return None
    that = re.compile(r"\s+that\s+").search(text, match.end(), end)
    if that is None:
        return None
    mention = subject_after(text, match.end(), that.start()) or source_phrase(
        text, match.end(), that.start()
    )
    c_start, c_end = trim(text, that.end(), end)
    c_end = clause_end(text, c_start, c_end)
    if mention is None or word_count(text[c_start:c_end], 3) < 3:
        return None
    return make_indirect(
        text, c_start, c_end, mention, match.group("verb"), spans, end, via_from=match.start()
    )


#: "X's claim that ...": a possessive source, a noun of saying, "that".
_NOMINAL: Final = re.compile(r"(?:’s|'s)\s+(?P<noun>[a-z]+)\s+that\s+")


def nominal_cue(text: str, start: int, end: int, spans: Sequence[MarkedSpan]) -> Candidate | None:
    """``X's claim that CONTENT``: reported speech carried by a noun of saying."""
    sentence = text[start:end]
    if "that" not in sentence or ("’s" not in sentence and "'s" not in sentence):
        return None
    for match in _NOMINAL.finditer(text, start, end):
        if match.group("noun") not in NOMINAL_CUES:
            continue
        mention = subject_before(text, match.start(), start)
        if mention is None or not is_source(mention):
            continue
        if not text[start : mention.start].strip():
            # the noun phrase is the sentence's subject ("X's claim that ... drew criticism"):
            # where its clause ends cannot be told without parsing the sentence
            continue
        c_start, c_end = trim(text, match.end(), end)
        c_end = clause_end(text, c_start, c_end)
        if word_count(text[c_start:c_end], 3) < 3 or text[c_start] in QUOTE_MARKS:
            continue
        return make_indirect(
            text, c_start, c_end, mention, match.group("noun"), spans, end, via_from=match.start()
        )
    return None


_BELIEFS: Final = BELIEF_VERBS | BELIEF_PHRASES
_COMPLEMENTS: Final = COMPLEMENT_VERBS | COMPLEMENT_PHRASES | INFINITIVE_VERBS
_STANCE_VERBS: Final = BELIEF_VERBS | COMPLEMENT_VERBS | INFINITIVE_VERBS
#: "to" and a verb after a verb of :data:`INFINITIVE_VERBS`: "plans to visit".
_INFINITIVE: Final = re.compile(r"\s+to\s+[a-z]")
_STANCE_BYTES: Final = frozenset(word.encode("ascii") for word in _STANCE_VERBS)
_LETTERS: Final = frozenset(string.ascii_letters)


def stance_words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of each verb of belief or stance in ``text[start:end]``.

    A verb is a run of ASCII letters of its own, in lower case; a run that ``start`` cuts
    is none, one that ``end`` cuts is read as cut (as a regular expression with letters
    looked for around the verb reads the stretch).  The verbs of the whole text are found
    once (:func:`_text_stances`, cached) and the stretch's looked up among them.
    """
    starts, verbs = _text_stances(text)
    start = max(start, 0)
    end = min(end, len(text))
    tail = end  # where a run cut by end starts
    if 0 < end < len(text) and text[end - 1] in _LETTERS and text[end] in _LETTERS:
        while tail > 0 and text[tail - 1] in _LETTERS:
            tail -= 1
    found = list(verbs[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, tail)])
    if start <= tail < end and text[tail:end] in _STANCE_VERBS:
        found.append((tail, end, text[tail:end]))
    return found


# Cached (the result is immutable and depends on the text alone): every sentence of an
# article without a cue of saying is read for one.
@functools.lru_cache(maxsize=16)
def _text_stances(text: str) -> tuple[tuple[int, ...], tuple[tuple[int, int, str], ...]]:
    verbs = tuple(whole_words(text, _STANCE_BYTES, lower=False))
    return tuple(verb[0] for verb in verbs), verbs


#: A phrase of belief or stance ("is convinced", "called for"): found by a regular
#: expression, only where a word it needs is there.
_PHRASE_TOKEN: Final = re.compile(
    r"(?<![A-Za-z])(?:" + words_pattern(BELIEF_PHRASES | COMPLEMENT_PHRASES) + r")(?![A-Za-z])"
)
_PHRASE_HINTS: Final = tuple(
    sorted(
        {
            "call" if phrase.split()[-1] in {"for", "on"} else phrase.split()[-1]
            for phrase in BELIEF_PHRASES | COMPLEMENT_PHRASES
        }
    )
)


# Cached (the result is immutable and depends on the text alone): every sentence of an
# article without a cue of saying is asked for the hints.
@functools.lru_cache(maxsize=4)
def _hint_places(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where each occurrence of a word of :data:`_PHRASE_HINTS` starts in ``text``, in
    order, and where it ends."""
    places = sorted(
        (at, at + len(hint)) for hint in _PHRASE_HINTS for at in _occurrences(text, hint)
    )
    return tuple(at for at, _stop in places), tuple(stop for _at, stop in places)


def _occurrences(text: str, word: str) -> list[int]:
    """Where each occurrence of ``word`` in ``text`` starts."""
    found = []
    at = text.find(word)
    while at != -1:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def _has_hint(text: str, start: int, end: int) -> bool:
    """Whether a word of :data:`_PHRASE_HINTS` occurs in ``text[start:end]`` (``start`` not
    negative): as ``text.find(hint, start, end) != -1`` for any of them, looked up among
    the places of all of them in the text."""
    starts, stops = _hint_places(text)
    index = bisect.bisect_left(starts, start)
    while index < len(starts) and starts[index] < end:
        if stops[index] <= end:
            return True
        index += 1
    return False


def _stance_hits(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The verbs and phrases of belief or stance in ``text[start:end]``, in text order."""
    hits = stance_words(text, start, end)
    if _has_hint(text, start, end):
        phrases = [
            (m.start(), m.end(), m.group()) for m in _PHRASE_TOKEN.finditer(text, start, end)
        ]
        if phrases:
            hits = sorted(hits + phrases)
    return hits


#: How far before a verb its auxiliaries and adverbs are looked for (characters).
_AUXILIARY_REACH: Final = 80


#: What may stand between a subject and its verb of belief: "has long", "also", "did not"
#: (each followed by blanks).  None of them ends another.
_AUXILIARIES: Final = (
    *("has", "have", "had", "does", "do", "did", "also", "still", "long", "never", "not"),
    *("n’t", "n't", "repeatedly", "clearly", "reportedly", "apparently", "now", "already"),
    *("often", "always"),
)
#: The words of :data:`_AUXILIARIES` by their last character.
_AUXILIARIES_BY_END: Final = {
    end: tuple(word for word in _AUXILIARIES if word.endswith(end))
    for end in {word[-1] for word in _AUXILIARIES}
}


def _auxiliaries_start(text: str, floor: int, end: int) -> int:
    """Where the auxiliaries and adverbs before ``end`` start (not before ``floor``): the
    earliest place from which ``text`` up to ``end`` is blanks, then words of
    :data:`_AUXILIARIES` each followed by blanks, as the first match of
    ``\\s*(?:(?:has|have|...)\\s+)*$`` would start; ``end`` when there are none.

    Read backwards, blanks and a word at a time: a regular expression anchored at the end
    would be tried from every character of the stretch.
    """
    start = end
    while True:
        blank = start
        while blank > floor and text[blank - 1].isspace():
            blank -= 1
        if blank == start:
            return start  # no blank before: what follows is all there is
        endings = _AUXILIARIES_BY_END.get(text[blank - 1], ())
        word = next((w for w in endings if text.endswith(w, floor, blank)), None)
        if word is None:
            return blank  # the blanks alone
        start = blank - len(word)


#: What may stand between a name and its verb: ", who" ("Jeb Bush, who announced he is
#: suspending ...") or a short aside ("Silva, for her part, dismissed ...").
_SUBJECT_GAP: Final = re.compile(r",?\s*who\s*|,[^,;:“”\"]{1,40},\s*")


def is_source(mention: Mention) -> bool:
    """Whether a mention can hold a belief or a stance: a name, a pronoun, a person or body
    named by a role or group noun ("the senator", "party officials") -- not "a bipartisan"
    before "plan" or "The Daily" before "Show"."""
    kind = classify(mention.head)
    if kind in {"pronoun", "honorific"}:
        return True
    last = core_of(mention.head.split()[-1]) if mention.head.split() else ""
    if last in INDEFINITES or mention.head.endswith(("’s", "'s")):
        return False  # "Everyone wants ...", "Trump’s plans ..."
    if is_role_noun(last) and not is_capitalised(mention.head.split()[-1]):
        return True  # "Trump fans", "Chinese military commentators", "the senator"
    if kind == "name":
        return is_namelike(mention.head.split()[-1]) and last not in _NOUN_TAILS
    return kind == "description" and (
        is_role_noun(last) or last in GROUP_NOUNS or last in ORGANIZATION_WORDS
    )


#: Capitalised words that end names of works and shows, not of people or bodies.
_NOUN_TAILS: Final = frozenset({"daily", "show", "times", "post", "news"})


def stance_clause(text: str, start: int, end: int, spans: Sequence[MarkedSpan]) -> Candidate | None:
    """Attributed belief or stance: "X thinks (that) CONTENT", "X wants to CONTENT".

    The subject must end right before the verb (an auxiliary or adverb may stand between:
    "X has long argued that"); a verb of belief needs a clause after it, a verb of stance
    takes its whole complement.
    """
    tried = 0
    for cue_start, cue_end, word in _stance_hits(text, start, end):
        belief = word in _BELIEFS
        if not belief and word not in _COMPLEMENTS:
            continue
        tried += 1
        if tried > MAX_CUES_PER_SENTENCE:
            return None
        if covered(cue_start, cue_end, spans):
            continue
        subject_end = _auxiliaries_start(text, max(start, cue_start - _AUXILIARY_REACH), cue_start)
        subject = subject_before(text, subject_end, start)
        if (
            subject is None
            or (
                subject.end < subject_end - 1
                and not _SUBJECT_GAP.fullmatch(text, subject.end, subject_end)
            )
            or not is_source(subject)
        ):
            continue
        rest = text[cue_end:end]
        if word in INFINITIVE_VERBS and not _INFINITIVE.match(rest):
            continue  # "wants a recount"
        that = THAT_NEXT.match(rest)
        if (
            belief
            and not that
            and (
                word in THAT_CLAUSE_VERBS or not (CLAUSE_START.match(rest) or is_bare_clause(rest))
            )
        ):
            continue
        c_start, c_end = trim(text, cue_end + (that.end() if that else 0), end)
        c_end = clause_end(text, c_start, c_end)
        c_end = subordinate_end(text, start, cue_start, c_start, c_end)
        if c_end <= c_start or word_count(text[c_start:c_end], 2) < 2:
            continue
        if text[c_start] in QUOTE_MARKS and not that:
            continue  # the cue of a direct quote
        return make_indirect(text, c_start, c_end, subject, word, spans, end, via_from=cue_start)
    return None


#: "Expert: China sees ...", "Matthews: Well, ...": a speaker's label, a colon, a statement.
_MAX_LABEL_CHARS: Final = 51
_LABEL: Final = re.compile(
    rf"(?P<label>[^\s:][^:\n]{{0,{_MAX_LABEL_CHARS - 1}}}?):[ \u00a0]+(?=\S)"
)


_MAX_LABELLED_WORDS: Final = 60


def labelled_statement(text: str, start: int, end: int) -> Candidate | None:
    """A paragraph that is a statement after its speaker's label, as in sub-headlines of
    state media ("Expert: Belarus and China ...") and transcripts ("Matthews: Well, ...").

    The label must name a person (a name of up to four words, with or without a title) or
    be a role noun ("Expert", "Minister"); labels of a post's furniture ("Update:",
    "Photo:", "Read more:") and clock times are not speakers.
    """
    if ":" not in text[start : start + _MAX_LABEL_CHARS + 2]:
        return None
    match = _LABEL.match(text, start, end)
    if match is None:
        return None
    label = match.group("label").strip()
    words = label.split()
    if (
        not words
        or len(words) > 4
        or len(label) < 2  # "Q:" and "A:" of an interview are no one in particular
        or any(core_of(w) in NOT_SPEAKER_LABELS for w in words)
    ):
        return None
    if not (
        (len(words) == 1 and is_role_noun(core_of(words[0])) and words[0][:1].isupper())
        or (classify(label) in {"name", "honorific"} and all(is_namelike(w) for w in words))
    ):
        return None
    c_start, c_end = trim(text, match.end(), end)
    if (
        c_end <= c_start
        or text[c_start] in QUOTE_MARKS
        or not 5 <= word_count(text[c_start:c_end], _MAX_LABELLED_WORDS + 1) <= _MAX_LABELLED_WORDS
    ):
        return None
    mention = Mention(start + match.start("label") - start, match.end("label"), label, label)
    return Candidate(QuoteKind.INDIRECT, c_start, c_end, mention=mention, cue=":")
