"""Clauses of reported speech: where the content after a cue starts, and where it ends.

"said that ...", "said (on Monday) that ...", a bare clause ("said the plan would ..."),
the end of a clause before a new one of its own ("..., and when asked, he said"), the
source named by a phrase ("according to exit polls"), and the indirect or mixed
:class:`~newsrecord.parse._spans.Candidate` built from a content span.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from newsrecord._model import (
    QuoteKind,
)
from newsrecord.parse._cues import cue_words, find_via
from newsrecord.parse._lexicon import (
    BARE_CLAUSE_CUES,
    CUE_PARTICIPLES,
    CUE_VERBS,
    LISTENER_CUES,
    NOT_CLAUSE_STARTS,
    QUESTION_CUES,
)
from newsrecord.parse._marks import (
    MarkedSpan,
)
from newsrecord.parse._spans import (
    QUOTE_MARKS,
    Candidate,
    Mention,
    core_of,
    trim,
    word_count,
)

__all__ = [
    "CLAUSE_START",
    "MAX_CUES_PER_SENTENCE",
    "THAT",
    "THAT_CROSSES",
    "THAT_NEXT",
    "clause_end",
    "content_after_cue",
    "is_bare_clause",
    "make_indirect",
    "phrase_stop",
    "relative_end",
    "source_phrase",
    "subordinate_end",
]


#: Cue words tried in one sentence; a real sentence has few.
MAX_CUES_PER_SENTENCE: Final = 12


#: "said (on Monday) that": up to eight words between a cue and "that".
THAT: Final = re.compile(r"(?:\s+[^\s“\"”]+){0,8}?\s+that\b")
#: "told the members of the harbour pilots' union in Varnov on Friday that": a listener
#: takes more words.
_TOLD_THAT: Final = re.compile(r"(?:\s+[^\s“\"”]+){0,14}?\s+that\b")


THAT_CROSSES: Final = re.compile(r"[.;“\"”]")

#: A subject pronoun right after a cue: the clause starts there ("said he had heard that").
_SUBJECT_PRONOUN: Final = re.compile(r"\s+(?:he|she|they|we|I|it)\s+(?!that\b)")


#: Where reported speech stops: a new clause of its own ("..., and when asked, he said"):
#: a semicolon or colon, or one of the patterns after a comma (:data:`_COMMA_STOPS`, and
#: :data:`_JOINT_STOPS` also after a quoted fragment's closing mark) or after a blank or
#: dash (:data:`_SPACE_STOPS`).  Each of them opens with the character it follows, so that
#: the search skips to such characters (one pattern of all of them would be tried in full
#: at every letter).
#:
#: A new clause after "and" or "but", which ends the content after a comma and after a
#: comma inside a quoted fragment's closing mark alike ("...,” and he reiterated").
_JOINT_STOPS: Final = (
    r"\s+(?:and|but)\s+(?:when|while|as|if|then|he|she|they|it|I|we|added|said)\b",
    r"\s+(?:and|but)\s+(?:[A-Z][\w.’'-]+\s+){1,3}(?:is|was|are|were|has|had|will|would|said|says)\b",
    # "..., and Ivo Hart, the harbour master, said": a new subject with its apposition
    r"\s+(?:and|but)\s+[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){1,2},\s+(?:a|an|the|who)\s",
    # "..., and Prime Minister Ivo Hart instructed the government ...": a named subject
    # and its own verb in the past
    r"\s+(?:and|but)\s+(?:[A-Z][\w.’'-]+\s+){2,5}(?:also\s+)?[a-z]{3,}ed\b",
)
#: The other stops after a comma (after a closing mark they go on: ",” a “liar”").
_COMMA_STOPS: Final = (
    r"\s+(?:he|she|they|it|I|we)\s+(?:said|added|says)\b",
    r"\s+and\s+(?:[\w’'-]+\s+){1,5}(?:said|says?|told|added|argued|believes?|think)\b",
    r"\s+which\b",
    r"\s+(?:a|an)\s+(?:swipe|reference|nod|jab|dig|apparent\s+reference)\b",
    # the writer's own apposition after the content: ", a higher level of uncertainty than",
    # ", whose son was killed"
    r"\s+(?:a|an|whose)\s",
    # "Asked if she believed A, Clinton said B": a new subject and cue
    r"\s+(?:[A-Z][\w.’'-]+\s+){1,3}(?:said|says|told|tells|added|adds)\b",
    # "Ruiz, who said A, said B": the relative clause ends before the main verb
    r"\s+(?:said|says|told|tells|added|adds)\s+(?!(?:to|by)\b)",
    r"\s+(?:while|whereas)\s+(?:[\w.’'-]+\s+){1,4}(?:said|say|says|told|added)\b",
)
#: "..., adding that ...": the same speaker goes on (after a comma, not after a quoted
#: fragment's closing mark: ",” adding, “..." goes on into the next quote).
_PARTICIPLE_STOP: Final = rf"\s+(?:{'|'.join(sorted(CUE_PARTICIPLES))})\b"
#: The stops that may follow a comma or not: "she wants a park and has expressed support
#: for ...": the speaker's own next verb; "... and added that ...": the same speaker goes
#: on.  Each opens with a blank.
_EITHER_STOPS: Final = (
    r"\s+(?:and|but)\s+(?:has|have|had)\s+(?:also\s+|not\s+|since\s+|repeatedly\s+)?"
    r"(?!been\b)[a-z]+(?:ed|en|wn|ld|ne)\b",
    r"\s+(?:and|but)\s+(?:also\s+|then\s+|later\s+)?(?:added|adds|said|says|noted|notes|calls|"
    r"told|tells|argued|argues|warned|warns|insisted|insists|stressed|stresses|"
    r"acknowledged|acknowledges|predicted|predicts|suggested|suggests|denied|denies|"
    r"admitted|admits|conceded|concedes|vowed|vows|promised|promises)\b",
)
#: The stops after a blank (the blank left out): a dash and a new clause.
_SPACE_STOPS: Final = (
    r"[—–-]\s+(?:even\s+though|although|though|while|but)\b",
    # "... since the pier closed — the mayor also warned": a new clause after a dash
    r"[—–]\s+(?:the|he|she|they|we|I)\s+(?:[a-z]+\s+)?(?:also\s+)?[a-z]+(?:ed|s)\b",
    r"[—–-]\s+(?:and|but)\s+(?!the\b|a\b|an\b|he\b|she\b|they\b|it\b)[a-z]+s\b",
    *(r"\s*" + stop.removeprefix(r"\s+") for stop in _EITHER_STOPS),  # \s+ is \s and \s*
)
_CLAUSE_STOPS: Final = (
    re.compile(r"[;:]"),
    re.compile(
        ",(?:" + "|".join((*_JOINT_STOPS, *_COMMA_STOPS, _PARTICIPLE_STOP, *_EITHER_STOPS)) + ")"
    ),
    re.compile(",[”\"'’]+(?:" + "|".join((*_JOINT_STOPS, *_EITHER_STOPS)) + ")"),
    re.compile(r"\s(?:" + "|".join(_SPACE_STOPS) + ")"),
)


#: A number opening a clause: "10", "31,000", "2.5".
_NUMBER: Final = re.compile(r"\d[\d,.]*")


def is_bare_clause(rest: str) -> bool:
    """Whether the words after a cue read as a clause: "said allies were rattled"."""
    words = rest.split()
    return (
        len(words) >= 3
        and (words[0][:1].isalpha() or _NUMBER.fullmatch(words[0]) is not None)  # "said 10 people"
        and core_of(words[0]) not in NOT_CLAUSE_STARTS
        # another cue, but "said comments from X were ...": a plural noun
        and (core_of(words[0]) not in CUE_VERBS or core_of(words[0]).endswith("ts"))
        and core_of(words[0]) not in CUE_PARTICIPLES
    )


def clause_end(text: str, start: int, end: int) -> int:
    """The end of reported speech that may run into a clause of its own."""
    stops = [
        stop.start() for pattern in _CLAUSE_STOPS if (stop := pattern.search(text, start, end))
    ]
    return trim(text, start, min(stops))[1] if stops else end


#: A sentence that opens with a subordinate clause: "When Ruiz suggested that ...,".
_SUBORDINATE_OPENING: Final = re.compile(
    r"\s*(?:When|After|As|Before|While|Although|Though|Because|Since|Ever since|If|Once|"
    r"Until)\s"
)

#: The main clause after a subordinate one: a comma, then a subject (a name, a pronoun,
#: "the party") and its verb ("Hart hit back", "he's said", "the party has grown").
_MAIN_CLAUSE: Final = re.compile(
    r",\s+(?:(?:[A-Z][\w.’'-]+\s+){1,3}|(?:he|she|they|we|I)(?:[’'](?:s|ve|d))?\s+|"
    r"(?:the|his|her|their|its)\s+(?:[a-z][\w’'-]*\s+){1,2})"
    r"(?:also\s+|then\s+|quickly\s+)?(?:[a-z]+(?:ed|s)|said|told|been|has|had|have|is|was|are|"
    r"were|will|would)\b"
)


def subordinate_end(text: str, sentence_start: int, cue_start: int, start: int, end: int) -> int:
    """The end of a content in a sentence's opening subordinate clause: "When Ruiz
    suggested that the port would sue, Hart hit back" ends the content at "sue"."""
    opening = _SUBORDINATE_OPENING.match(text, sentence_start, cue_start)
    if opening is None or "," in text[opening.end() : cue_start]:
        return end
    return _end_before(_MAIN_CLAUSE, text, start, end)


#: A cue in a relative clause after its subject: "Ana Ruiz, who said".
_IN_RELATIVE: Final = re.compile(r",\s*who\s[^,;:“”\"]{0,80}$")

#: The subject's own verb after the relative clause: ", recounted", ", ultimately did".
_MAIN_VERB: Final = re.compile(
    r",\s+(?:[a-z]+ly\s+)?(?:[a-z]{3,}ed|did|does|has|had|is|was|will|would|went)\b"
)


def relative_end(text: str, sentence_start: int, cue_start: int, start: int, end: int) -> int:
    """The end of a content in a relative clause: "X, who said A, recounted B" ends the
    content at "A"."""
    if _IN_RELATIVE.search(text, sentence_start, cue_start) is None:
        return end
    return _end_before(_MAIN_VERB, text, start, end)


def _end_before(pattern: re.Pattern[str], text: str, start: int, end: int) -> int:
    """Where the content ``text[start:end]`` ends, cut before ``pattern``'s first match."""
    found = pattern.search(text, start, end)
    return trim(text, start, found.start())[1] if found else end


THAT_NEXT: Final = re.compile(r"\s+that\b")


#: How a bare clause after a cue begins: "said the plan ...", "said he ...".
CLAUSE_START: Final = re.compile(
    r"\s+(?:the|a|an|he|she|they|it|we|his|her|their|its|there|this|[A-Z]\w+)\b"
)


def source_phrase(text: str, start: int, stop: int) -> Mention | None:
    """Whatever names the source after "according to", when it is no name: "exit polls"."""
    begin, end = trim(text, start, stop)
    phrase = text[begin:end]
    if not phrase or word_count(phrase, 25) > 24 or phrase[0] in QUOTE_MARKS:
        return None
    return Mention(begin, end, phrase, phrase)


_PHRASE_STOP: Final = re.compile(r"\s[—–-]\s|;|,\s(?:and|but|which|who)\b")


def phrase_stop(text: str, start: int, stop: int) -> int:
    """Where a phrase that starts at ``start`` ends: a dash, a semicolon or the sentence end."""
    match = _PHRASE_STOP.search(text[start:stop])
    return start + match.start() if match else stop


def make_indirect(
    text: str,
    start: int,
    end: int,
    mention: Mention,
    cue: str,
    spans: Sequence[MarkedSpan],
    sentence_end: int,
    via_from: int | None = None,
) -> Candidate:
    kind = QuoteKind.MIXED if any(start <= s.open_at < end for s in spans) else QuoteKind.INDIRECT
    via = find_via(text, via_from if via_from is not None else mention.end, sentence_end)
    return Candidate(kind, start, end, mention=mention, cue=cue, via=via)


#: Whom someone told, before a bare clause: "told Reuters the talks were ...", "told host
#: Ana Park a loss is ...", "told a news conference they are ...".
_TOLD_WHOM: Final = re.compile(
    r"\s+(?:him|her|them|us|me|reporters|journalists"
    r"|(?:the\s+|[a-z]+\s+)?(?:[A-Z][\w’'.&-]*\s+){0,3}[A-Z][\w’'.&-]*"  # "host Ana Park"
    r"|(?:a|an|the)\s+(?:(?!(?:of|for|to|about|with|in|on|at)\b)[a-z-]+\s+){0,2}"
    r"(?!(?:of|for|to|about|with|in|on|at)\b)[a-z-]+)"  # "a news conference", "the group"
    r"(?:\s+(?:on|last)\s+\w+)?(?=\s+(?:the|a|an|he|she|they|it|we|his|her|their|its|there|this)\b)"
)


#: What an indirect question opens with, after its cue and up to four words (whom was
#: asked, when): "asked Clinton on Friday whether ...", "wondered aloud how ...".
_QUESTION: Final = re.compile(
    r"(?:\s+[^\s,.;:“”\"]+){0,4}?\s+(?=(?:whether|if|why|how|what|who|whom|when|where|which)\s)"
)


#: "about" or "around" before a number: a clause ("said about 4,000 workers had ...").
_ABOUT_A_NUMBER: Final = re.compile(r"\s+(?:about|around)\s+\d")


#: A day right after a cue, before its bare clause: "said Thursday his biggest worry".
_TIME_AFTER_CUE: Final = re.compile(
    r"\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|"
    r"tonight|(?:this|last)\s+week)"
    r"(?:\s+(?:morning|afternoon|evening|night))?(?=\s+(?:the|a|an|he|she|they|it|we|his|her|"
    r"their|its|there|this|that)\b)"
)


#: Words after a cue that open no clause ("said Sunday on NBC"), "this" aside.
_NOT_CLAUSE_STARTS_BUT_THIS: Final = NOT_CLAUSE_STARTS - {"this"}


#: What may open a sentence before a parenthetical "X said,": nothing, or up to four words
#: and a comma ("Still, he said, the council must choose ...", "At times last year, people
#: close to her said, ...").
_OPENING_ADVERB: Final = re.compile(r"\s*(?:[A-Za-z]+(?:\s+[A-Za-z]+){0,3},\s*)?")


def content_after_cue(
    text: str,
    start: int,
    end: int,
    subject: Mention,
    word: str,
    cue_stop: int,
    *,
    bare: bool = False,
) -> tuple[int, int] | None:
    """Where the content of "SUBJECT CUE ..." lies in the sentence ``text[start:end]``.

    "said (on Monday) that CONTENT", a bare clause after the cues of
    :data:`~newsrecord.parse._lexicon.BARE_CLAUSE_CUES` ("said the plan would ..."), "told
    Reuters the talks ...", and the parenthetical "Still, he said, CONTENT"; ``None``
    when the words after the cue are no content.  ``word`` is the cue in lower case and
    ``cue_stop`` where its phrase ends; ``bare`` lets any cue take a bare clause (a
    participle: "..., saying the plan would ...").
    """
    rest = text[cue_stop:end]
    that = (_TOLD_THAT if word in LISTENER_CUES else THAT).match(rest)
    if (
        that
        and not THAT_CROSSES.search(rest[: that.end()])
        # "said he had read that report": a clause of its own, "that" is inside it
        and not _SUBJECT_PRONOUN.match(rest)
        # "said A, adding that B": the "that" is another cue's
        and not any(True for _ in cue_words(text, cue_stop, cue_stop + that.end()))
    ):
        return trim(text, cue_stop + that.end(), end)
    if word in QUESTION_CUES:
        question = _QUESTION.match(rest)  # "asked Clinton on Friday whether she would ..."
        return trim(text, cue_stop + question.end(), end) if question else None
    when = _TIME_AFTER_CUE.match(rest)
    if when is not None:  # "said Thursday his biggest worry is ..."
        cue_stop += when.end()
        rest = rest[when.end() :]
    if (
        (bare or word in BARE_CLAUSE_CUES)
        # "told" takes a bare clause once its listener is read: "told reporters the ..."
        and (
            word not in {"told", "tells"}
            or text.endswith(("reporters", "journalists"), 0, cue_stop)
        )
        # "said about 4,000 workers had ..." is a clause
        and (
            _ABOUT_A_NUMBER.match(rest) is not None
            or (
                (CLAUSE_START.match(rest) or is_bare_clause(rest))
                # "said Sunday on NBC", "said over breakfast" ("said this was ..." is one)
                and core_of(rest.split(None, 1)[0]) not in _NOT_CLAUSE_STARTS_BUT_THIS
            )
        )
    ):
        return trim(text, cue_stop, end)
    if word in {"told", "tells"} and (whom := _TOLD_WHOM.match(rest)) is not None:
        return trim(text, cue_stop + whom.end(), end)  # "told Reuters the talks"
    if (
        word in BARE_CLAUSE_CUES
        and rest.startswith(",")
        and _OPENING_ADVERB.fullmatch(text[start : subject.start])
        and is_bare_clause(rest[1:])
    ):
        return trim(text, cue_stop + 1, end)  # "Still, he said, the council ..."
    return None
