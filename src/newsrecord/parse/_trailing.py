"""Reported speech whose attribution follows it: "CONTENT, X said (on Monday).".

Also "CONTENT, said X." and the parenthetical "CONTENT, X said, MORE.", which gives two
pieces with one speaker.  The subject may take the words before it that name what it is
("..., state news agency Belta reported", "..., Agriculture and Food Minister X said"),
and what follows the cue may only say when or where ("told reporters on 14 September").
:func:`reported_before` is called by :mod:`~newsrecord.parse._reported` for each cue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from newsrecord.parse._clauses import make_indirect
from newsrecord.parse._cues import cue_phrase
from newsrecord.parse._lexicon import (
    AUXILIARY_VERBS,
    FUNCTION_WORDS,
    LISTENER_DETERMINERS,
    TAIL_OPENERS,
)
from newsrecord.parse._lexicon_names import (
    ORGANIZATION_WORDS,
    OUTLET_NOUNS,
)
from newsrecord.parse._marks import MarkedSpan
from newsrecord.parse._mentions import subject_after
from newsrecord.parse._roles import is_role_noun
from newsrecord.parse._spans import (
    QUOTE_MARKS,
    Candidate,
    Mention,
    core_of,
    is_capitalised,
    trim,
    word_count,
)

__all__ = ["finding_after", "reported_before"]


def _with_title(text: str, comma: int, subject: Mention) -> Mention:
    """The subject with the words that name what it is, after the content's comma: "...,
    the Daily Courier reports", "..., state news agency Belta reported", "..., foreign
    affairs ministry spokesman X said"."""
    if comma < 0:
        return subject
    words = text[comma + 1 : subject.start].split()
    if (
        not 1 <= len(words) <= 4
        or not (
            core_of(words[0]) == "the"
            or core_of(words[-1]) in OUTLET_NOUNS
            or core_of(words[-1]) in ORGANIZATION_WORDS
            or (  # "..., Agriculture and Food Minister X said": one title
                core_of(words[-1]) == "and"
                and len(words) > 1
                and all(is_capitalised(w) and w.isalpha() for w in words[:-1])
                and any(is_role_noun(core_of(w)) for w in subject.text.split()[:-1])
            )
            or (  # "..., Algerian foreign affairs ministry spokesman X said"
                core_of(subject.text.split()[0]) in ORGANIZATION_WORDS
                and all(w.isalpha() and core_of(w) not in FUNCTION_WORDS for w in words)
            )
        )
    ):
        return subject
    begin = trim(text, comma + 1, subject.start)[0]
    return Mention(begin, subject.end, text[begin : subject.end], subject.head, subject.appositive)


#: A phrase that opens a sentence before a parenthetical cue, no content of its own: "At
#: times last year, her aides said, ...", "In May, he said, ...".
_OPENING_PHRASE: Final = re.compile(
    r"\s*(?:At|In|On|During|After|Before|Rather|Still|Instead|However|Now|Then|Later|Earlier|"
    r"Meanwhile|Overall|Ultimately|Last|This|Since|Until|For)(?:\s+[\w’'-]+){0,6}\s*,"
)
#: "With her deputy, Ivo Hart, beside her on the stage, X told the crowd": an
#: absolute phrase is no content when the attribution ends the sentence (with more after
#: it, "With A, they said, B", it opens the content).
_ABSOLUTE_PHRASE: Final = re.compile(r"\s*(?:With|Without|Amid|Despite|Alongside)\s[^.;:!?“”\"]*,")


def _absolute_phrase(lead: str) -> bool:
    """Whether the words before an attribution are an absolute phrase alone, with no
    clause of their own (no auxiliary verb): "With her deputy beside her on the stage,"."""
    return _ABSOLUTE_PHRASE.fullmatch(lead) is not None and not any(
        core_of(word) in AUXILIARY_VERBS for word in lead.split()
    )


def _ends_with_comma(lead: str) -> bool:
    """Whether the words before an attribution end with a comma, perhaps inside a quoted
    fragment's closing mark: "The plan is “dead on arrival,” Ruiz said"."""
    return lead.rstrip().rstrip("”\"'’").endswith(",")


def _circumstance(tail: str, lead: str) -> bool:
    """Whether ``tail`` (after "told reporters") only says when or where, in five words
    at most with no clause ("on 14 September"), after a lead that is no circumstance
    itself ("During a meeting in Varnov, X told reporters on Monday that ...")."""
    words = tail.split()
    return (
        0 < len(words) <= 5
        and core_of(words[0]) in TAIL_OPENERS
        and "that" not in words
        and bool(lead.split())
        and core_of(lead.split(None, 1)[0]) not in TAIL_OPENERS
    )


def reported_before(
    text: str,
    start: int,
    end: int,
    cue_start: int,
    cue_end: int,
    spans: Sequence[MarkedSpan],
    subject: Mention | None,
) -> list[Candidate]:
    """Reported speech whose attribution follows it: "CONTENT, X said (on Monday)."

    Also "CONTENT, said X." and the parenthetical "CONTENT, X said, MORE.", which gives
    two pieces with one speaker.  ``subject`` is ``subject_before(text, cue_start, start)``.
    """
    cue, cue_stop = cue_phrase(text, cue_start, cue_end)
    tail = text[cue_end:end]
    if cue_stop > cue_end and _circumstance(text[cue_stop:end], text[start:cue_start]):
        tail = text[cue_stop:end]  # "told reporters on 14 September": a circumstance
    inverted = False
    if subject is None and _ends_with_comma(text[start:cue_start]):
        subject = subject_after(text, cue_end, end)
        inverted = subject is not None
    if subject is None:
        return []
    lead_end = cue_start if inverted else subject.start
    lead = text[start:lead_end].rstrip()
    if not inverted and not _ends_with_comma(lead):
        subject = _with_title(text, start + lead.rfind(","), subject)
        lead = text[start : subject.start].rstrip()
    if not _ends_with_comma(lead) or word_count(lead, 4) < 2 or _OPENING_PHRASE.fullmatch(lead):
        return []
    after = text[subject.end : end] if inverted else tail
    words = after.strip(' .!?"”’').split()
    more: tuple[int, int] | None = None
    if inverted and subject.text.endswith(","):
        after = "," + after  # "..., says X, historian at Y, is that ...": the comma is X's
    if after.lstrip().startswith(",") and word_count(after, 4) >= 3:
        more = trim(text, end - len(after.lstrip()[1:]), end)  # "..., he said, was even more"
        if text[more[0]].isupper() or core_of(words[0]) in TAIL_OPENERS:
            more = None
    told_whom = (
        cue.lower() in {"told", "tells"}
        and bool(words)
        and (  # "told Valley Radio", "told the Valley Courier newspaper", "told the judge"
            words[0][:1].isupper() or (core_of(words[0]) in LISTENER_DETERMINERS and len(words) > 1)
        )
    )
    if (
        more is None
        and words
        and len(words) > 3
        and core_of(words[0]) not in TAIL_OPENERS
        and not (told_whom and len(words) <= 8)
    ):
        return []
    if more is None and (word_count(lead, 4) < 4 or _absolute_phrase(lead)):
        return []
    c_start, c_end = trim(text, start, start + len(lead))
    if c_end <= c_start or text[c_start] in QUOTE_MARKS:
        return []
    found = [make_indirect(text, c_start, c_end, subject, cue, spans, end)]
    if more is not None and more[1] > more[0] and text[more[0]] not in QUOTE_MARKS:
        found.append(make_indirect(text, more[0], more[1], subject, cue, spans, end))
    return found


#: ", a study by the X Institute shows.": a study, survey, poll or report (and who made
#: it) that ends the sentence with a verb of finding.
_FINDING_AFTER: Final = re.compile(
    r",[\s\u00a0]+(?P<source>(?:(?:a|an|the|this|that|its|their)[\s\u00a0]+)?"
    r"(?:[\w’'-]+[\s\u00a0]+){0,3}?(?:study|survey|poll|report|analysis|research|data|figures)"
    r"(?:[\s\u00a0]+(?:by|of|from)[\s\u00a0]+[^,;:.!?“”\"]{1,80}?)?)"
    r"[\s\u00a0]+(?P<verb>shows|showed|found|finds|suggests|suggested|indicates|indicated)"
    r"[\s\u00a0]*[.!]?[\s\u00a0]*$"
)


#: The verbs of :data:`_FINDING_AFTER`, for the cheap test before it.
_FINDING_VERBS: Final = (
    "shows",
    "showed",
    "found",
    "finds",
    "suggests",
    "suggested",
    "indicates",
    "indicated",
)


def finding_after(text: str, start: int, end: int, spans: Sequence[MarkedSpan]) -> Candidate | None:
    """ "CONTENT, a study by X shows.": what the study found, its source the study."""
    if not text[max(start, end - 16) : end].rstrip(" .!\u00a0").endswith(_FINDING_VERBS):
        return None  # (the verb ends the sentence: most sentences are passed over here)
    if "," not in text[start:end]:
        return None
    found = _FINDING_AFTER.search(text, start, end)
    if found is None:
        return None
    c_start, c_end = trim(text, start, found.start())
    if c_end <= c_start or text[c_start] in QUOTE_MARKS or word_count(text[c_start:c_end], 4) < 4:
        return None
    source = found.group("source")
    mention = Mention(found.start("source"), found.end("source"), source, source)
    return make_indirect(text, c_start, c_end, mention, found.group("verb"), spans, end)
