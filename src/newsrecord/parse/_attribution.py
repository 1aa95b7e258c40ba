"""A direct quote's attribution: the words that name its speaker next to the quote.

After the quote: ",” he said", ",” said X", ",” super PAC spokeswoman X said", "...,” an
angry X retaliated.", ",” according to X", "“...” ― X" and a line "- X." of its own after
the quote's paragraph.  Before it: "X said: “", "X noted, “", "According to X, “", a
colon after a name or a sentence ("As Professor Foner put it:").  Each function gives the
speaker's mention, the cue as written and where the cue ends, or ``None``.
"""

from __future__ import annotations

import functools
import re
from typing import Final

from newsrecord.parse._cues import cue_phrase, cue_words
from newsrecord.parse._lexicon import (
    CUE_PARTICIPLES,
    DETERMINERS,
    NOT_SPEAKER_LABELS,
)
from newsrecord.parse._mentions import (
    is_coordinated,
    sentence_subject,
    subject_after,
    subject_before,
)
from newsrecord.parse._roles import classify
from newsrecord.parse._spans import (
    Mention,
    core_of,
    sentence_stop,
    sentences,
)

__all__ = ["LOOKBACK", "after_attribution", "before_attribution", "dash_line_after"]


#: How far back from a quote its attribution is looked for (characters).
LOOKBACK: Final = 400


_MAX_SUBJECT_WORDS: Final = 30


#: A dash that names the source after a quotation: "“...” ― Jorge Falcon".
_DASH_SOURCE: Final = re.compile(r"[\s\u00a0]*[―—–-]{1,2}[\s\u00a0]*")


def dash_line_after(
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


def after_attribution(text: str, start: int, stop: int) -> tuple[Mention, str, int] | None:
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
    mention = _named_subject(text, match.start("verb"), lead)
    if mention is None:
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
def before_attribution(text: str, start: int, stop: int) -> tuple[Mention, str, int] | None:
    """``X said: “`` / ``X noted, “`` / ``According to X, “`` right before an opening mark."""
    start = max(start, stop - LOOKBACK)
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
        return _colon_subject(text, sentence_start, start + len(tail), window) or (
            _verb_before(text, sentence_start, start + len(tail), window)
        )
    cue_start, cue_end, _word = cues[-1]
    phrase, phrase_end = cue_phrase(text, cue_start, cue_end)
    trailing = text[phrase_end : start + len(tail)].strip()
    mention = subject_before(text, cue_start, sentence_start)
    if mention is None and _only_filler(text[sentence_start:cue_start]):
        inverted = subject_after(text, phrase_end, start + len(tail))  # "Stated Stone:"
        if inverted is not None and inverted.end >= start + len(tail) - 1:
            return inverted, phrase, cue_end
    if mention is not None and trailing and _AS_BEFORE.search(text, sentence_start, mention.start):
        return mention, phrase, cue_end  # "As Ana Ruiz observed, the winner was ...: “"
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
    if mention is None and _word in CUE_PARTICIPLES:
        by = _BY_BEFORE.search(text, sentence_start, cue_start)
        if by is not None:  # "When he returned he began by saying, “"
            mention = _named_subject(text, by.start("verb"), sentence_start)
    if mention is None:
        inverted = subject_after(text, phrase_end, start + len(tail))
        if inverted is not None and not trailing.startswith(("in ", "on ", "to ", "that")):
            return inverted, phrase, cue_end
        return None
    return mention, phrase, cue_end


#: "as" right before a cue's subject: the clause "as X observed" names the source of
#: the rest of the sentence and of the quote it introduces.
_AS_BEFORE: Final = re.compile(r"\b[Aa]s\s+$")
#: A verb and "by" right before a participle: "he began by saying", "she responded by
#: noting"; the verb's subject is the speaker.
_BY_BEFORE: Final = re.compile(r"\s(?P<verb>[a-z]{3,})\s+by\s+$")
#: "to" right before a cue: the cue's subject is the sentence's ("X went on to say:").
_INFINITIVE_BEFORE: Final = re.compile(r"to(?<=\bto)\s+$")  # (\b after "to": skips to "to")
#: "According to X," ending the words before an opening mark.
_ACCORDING_LEAD: Final = re.compile(r"\b[Aa]ccording to\s+(.+?),?\s*$")


#: What may stand between a cue and an opening mark: "said in a statement", "told it".
_CIRCUMSTANCE: Final = re.compile(
    r"(?:(?:in|on|at|during|to|with|that|of|about|last|this|earlier|later|yesterday|"
    r"today|recently|once|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r".{0,60}|that|it(?:\s+(?:in|on|at|to|during)\b.{0,80})?)",
    re.IGNORECASE,
)


#: A verb in the past right before the comma that opens a quote: "X cracked, “".
_VERB_BEFORE: Final = re.compile(r"\s(?P<verb>[a-z]{3,}ed)$")


def _verb_before(
    text: str, sentence_start: int, stop: int, window: str
) -> tuple[Mention, str, int] | None:
    """The speaker of ``NAME VERBed, “...”`` with a verb that is no cue word ("Ana Ruiz
    cracked, “..."): a name or a pronoun right before the verb."""
    if not window.endswith(","):
        return None
    verb = _VERB_BEFORE.search(text, sentence_start, stop)
    if verb is None:
        return None
    subject = _named_subject(text, verb.start("verb"), sentence_start)
    if subject is None:
        return None
    return subject, verb.group("verb"), verb.end("verb")


def _named_subject(text: str, verb_start: int, floor: int) -> Mention | None:
    """The name, honorific or pronoun right before a verb that is no cue word."""
    subject = subject_before(text, verb_start, floor)
    if subject is None or classify(subject.head) not in {"name", "honorific", "pronoun"}:
        return None
    return subject


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
