"""Attributions by a phrase rather than a verb's clause: "according to X", "as X noted".

"according to X, CONTENT", "CONTENT, according to X", "CONTENT – as noted by X",
"CONTENT, as X noted on Monday." and "As X has pointed out, CONTENT".
:func:`phrase_attribution` gives the one quote such a sentence carries, or ``None``.
:func:`asked_question` gives the question of "Asked whether QUESTION, X said ...", put by
someone the text does not name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from newsrecord._model import QuoteKind
from newsrecord.parse._clauses import clause_end, make_indirect, phrase_stop, source_phrase
from newsrecord.parse._cues import cue_phrase, cue_words
from newsrecord.parse._lexicon import (
    AUXILIARY_VERBS,
    CUE_VERBS,
)
from newsrecord.parse._marks import MarkedSpan
from newsrecord.parse._mentions import subject_after, subject_before
from newsrecord.parse._roles import is_role_noun
from newsrecord.parse._spans import QUOTE_MARKS, Candidate, Mention, core_of, trim, word_count

__all__ = ["asked_question", "phrase_attribution"]


_ACCORDING: Final = re.compile(r"\b[Aa]ccording to\b")


#: "CONTENT – as noted by X": "as", a cue verb (checked), "by".  (The dash or comma
#: before "as" is the content's end, which trimming leaves out; the word boundary is a
#: look-behind after "as", so that the search skips to "as" instead of trying every
#: character.)
_AS_BY: Final = re.compile(r"as(?<=\bas)\s+(\w+)\s+by\b")


#: "CONTENT, as X noted on Monday.": "as" and a short clause ending the sentence.
_AS_SAID: Final = re.compile(r"[,—–-]\s*\bas\s+(?=[^,;]{3,120}$)")


#: "In his words, CONTENT", "In her opinion, CONTENT": the owner is the source.
_IN_HIS_WORDS: Final = re.compile(
    r"(?:(?:But|And|So),?\s+)?[Ii]n\s+(?P<owner>his|her|their)\s+(?:own\s+)?(?:words|opinion|view),\s*"
)
#: What a match of :data:`_IN_HIS_WORDS` can start with.
_IN_HIS_FIRST: Final = "BASIi"
#: The pronoun a possessive stands for ("In his words"), and an object pronoun ("according
#: to him"), to resolve the source.
_OWNER: Final = {"his": "he", "her": "she", "their": "they"}
_OBJECT: Final = {"him": "he", "her": "she", "them": "they"}


def _object_pronoun(text: str, start: int, stop: int) -> Mention | None:
    """ "according to him / her / them": the pronoun as written, resolved as he / she /
    they."""
    word = text[start:stop].strip()
    if word.lower() not in _OBJECT:
        return None
    at = text.index(word, start)
    return Mention(at, at + len(word), word, _OBJECT[word.lower()])


#: "As X noted, CONTENT", "But as the mayor has pointed out, CONTENT": "as" opening the
#: sentence, perhaps after a connective.
_AS_OPENING: Final = re.compile(r"(?:(?:But|And|So|Yet|Still|However|Indeed),?\s+)?[Aa]s\s+")


#: "by" after the cue of an opening "as": "As stated by X, CONTENT".
_BY: Final = re.compile(r"[\s\u00a0]+by[\s\u00a0]+")

#: How far into the sentence the cue of an opening "as" clause may be (characters).
_AS_OPENING_REACH: Final = 120


def _as_opening(text: str, start: int, end: int, spans: Sequence[MarkedSpan]) -> Candidate | None:
    """ "As X noted (on Monday), CONTENT", "As stated by X, CONTENT": the clause after the
    comma is X's."""
    lead = _AS_OPENING.match(text, start, end)
    if lead is None:
        return None
    after_as = lead.end()
    cue_at = next(iter(cue_words(text, after_as, min(end, after_as + _AS_OPENING_REACH))), None)
    if cue_at is None:
        return None
    cue, cue_stop = cue_phrase(text, cue_at[0], cue_at[1])
    by = _BY.match(text, cue_stop, end) if cue_at[0] == after_as else None
    if by is not None:  # "As stated by the director, CONTENT"
        comma = text.find(",", by.end(), end)
        mention = subject_after(text, by.end(), comma) if comma > 0 else None
        if mention is None or text[mention.end : comma].strip():
            return None
        mention, comma = _with_appositive(text, mention, comma, end)
        cue_stop = comma
    else:
        mention = subject_before(text, cue_at[0], after_as)
        if mention is None or mention.start != after_as:
            return None  # "As the storm neared, the mayor said ...": the cue is the sentence's
    comma = text.find(",", cue_stop, end)
    if comma < 0 or word_count(text[cue_stop:comma], 5) > 4:
        return None
    c_start, c_end = trim(text, comma + 1, end)
    c_end = clause_end(text, c_start, c_end)
    if c_end <= c_start or text[c_start] in QUOTE_MARKS or word_count(text[c_start:c_end], 4) < 4:
        return None
    return make_indirect(text, c_start, c_end, mention, cue, spans, end, via_from=cue_at[0])


def _all_quoted(text: str, start: int, end: int, spans: Sequence[MarkedSpan]) -> bool:
    """Whether ``text[start:end]`` is one quotation, marks included: a direct quote's."""
    return text[start] in QUOTE_MARKS and any(
        span.open_at == start and span.close_at is not None and span.close_at >= end - 2
        for span in spans
    )


#: The most words before "according to" in "LEAD, according to X, CONTENT".
_MIDDLE_LEAD_WORDS: Final = 6


def _according_in_the_middle(
    text: str, start: int, end: int, a_start: int, a_end: int, spans: Sequence[MarkedSpan]
) -> Candidate | None:
    """ "Now, according to the poll, CONTENT", "At the heart of it, according to X, an
    expert, was CONTENT": the content is what follows the source (the short lead before
    it is left out)."""
    lead = text[start:a_start].strip()
    if (
        not lead.endswith(",")
        or not lead[:1].isupper()  # the lead opens the sentence (not the rest after a quote)
        or word_count(lead, _MIDDLE_LEAD_WORDS + 1) > _MIDDLE_LEAD_WORDS
    ):
        return None
    comma = text.find(",", a_end, end)
    if comma == -1:
        return None
    mention = subject_after(text, a_end, end)
    if mention is not None and mention.appositive and text.startswith(",", mention.end):
        comma = mention.end  # "according to Dennis Ross, another former envoy, ..."
    else:
        mention = subject_after(text, a_end, comma) or source_phrase(text, a_end, comma)
    c_start, c_end = trim(text, comma + 1, end)
    if (
        mention is None
        or c_end <= c_start
        or word_count(text[c_start:c_end], 4) < 4
        or text[c_start] in QUOTE_MARKS
    ):
        return None
    return make_indirect(text, c_start, c_end, mention, "according to", spans, end)


def _with_appositive(text: str, mention: Mention, comma: int, end: int) -> tuple[Mention, int]:
    """The mention with the appositive that follows it ("X, an analyst at Y,") and the
    comma after that, or both as they are: the appositive opens with an article and
    names a role in its first four words ("the party is split" is content, not one)."""
    second = text.find(",", comma + 1, end)
    words = text[comma + 1 : second].split() if second > 0 else []
    if not (
        1 < len(words) <= 12
        and core_of(words[0]) in {"a", "an", "the"}
        and any(is_role_noun(core_of(w)) for w in words[1:4])
        and not any(core_of(w) in AUXILIARY_VERBS for w in words)
    ):
        return mention, comma
    appositive = " ".join(words)
    return Mention(
        mention.start, second, text[mention.start : second], mention.head, appositive
    ), second


def phrase_attribution(
    text: str, start: int, end: int, spans: Sequence[MarkedSpan]
) -> Candidate | None:
    """The quote of the sentence ``text[start:end]`` when a phrase attributes it."""
    sentence = text[start:end]
    # (the pattern opens with "But", "And", "So" or "in": no other first letter can match)
    words = _IN_HIS_WORDS.match(text, start, end) if sentence[:1] in _IN_HIS_FIRST else None
    if words is not None:  # "In her words, CONTENT": "according to her"
        c_start, c_end = trim(text, words.end(), end)
        if word_count(text[c_start:c_end], 4) >= 4 and text[c_start] not in QUOTE_MARKS:
            owner = words.group("owner")
            owner_mention = Mention(
                words.start("owner"), words.end("owner"), owner, _OWNER[owner.lower()]
            )
            cue = text[words.start("owner") - 3 : words.end()].strip(" ,")  # "In her words"
            return make_indirect(text, c_start, c_end, owner_mention, cue, spans, end)
    if "as" in sentence[:12].lower():
        opening = _as_opening(text, start, end, spans)
        if opening is not None:
            return opening
    # "according to X, CONTENT" / "CONTENT, according to X"
    according = _ACCORDING.search(sentence) if "ccording to" in sentence else None
    if according:
        a_start = start + according.start()
        a_end = start + according.end()
        comma = text.find(",", a_end, end)
        if according.start() == 0 or sentence[: according.start()].strip() in {
            "But",
            "And",
            "Yet",
            "(",
        }:
            if comma > 0:
                mention = (
                    _object_pronoun(text, a_end, comma)
                    or subject_after(text, a_end, comma)
                    or source_phrase(text, a_end, comma)
                )
                if mention is not None:  # "According to X, an analyst at Y, CONTENT"
                    mention, comma = _with_appositive(text, mention, comma, end)
                c_start, c_end = trim(text, comma + 1, end)
                if sentence.startswith("(") and text[c_end - 1] == ")":
                    c_end = trim(text, c_start, c_end - 1)[1]  # "(According to X, ...)"
                if (
                    mention is not None
                    and word_count(text[c_start:c_end], 4) >= 4
                    and text[c_start] not in QUOTE_MARKS  # "According to X, “...”" is direct
                ):
                    return make_indirect(text, c_start, c_end, mention, "according to", spans, end)
        else:
            middle = _according_in_the_middle(text, start, end, a_start, a_end, spans)
            if middle is not None:
                return middle
            stop = phrase_stop(text, a_end, end)
            mention = subject_after(text, a_end, stop) or source_phrase(text, a_end, stop)
            c_start, c_end = trim(text, start, a_start)
            if (
                mention is not None
                and word_count(text[c_start:c_end], 4) >= 4
                and not _all_quoted(text, c_start, c_end, spans)  # "“...,” according to X"
            ):
                return make_indirect(text, c_start, c_end, mention, "according to", spans, end)
    # "CONTENT – as noted by X"
    as_by = _AS_BY.search(sentence) if "by" in sentence and "as" in sentence else None
    if as_by and as_by.group(1).lower() in CUE_VERBS:
        mention = subject_after(text, start + as_by.end(), end)
        c_start, c_end = trim(text, start, start + as_by.start())
        if mention is not None and word_count(text[c_start:c_end], 4) >= 4:
            return make_indirect(
                text,
                c_start,
                c_end,
                mention,
                as_by.group(1),
                spans,
                end,
                via_from=start + as_by.end(),
            )
    # "CONTENT, as X noted on Monday."
    # (the words after "as" hold no comma or semicolon: the match starts at the last one,
    # or after it, where the search starts)
    as_said = (
        _AS_SAID.search(sentence, max(sentence.rfind(","), sentence.rfind(";"), 0))
        if "as" in sentence
        else None
    )
    if as_said is not None:
        after_as = start + as_said.end()
        cue_at = next(iter(cue_words(text, after_as, end)), None)
        mention = subject_before(text, cue_at[0], after_as) if cue_at else None
        c_start, c_end = trim(text, start, start + as_said.start())
        if (
            cue_at is not None
            and mention is not None
            and mention.start == after_as
            and word_count(text[c_start:c_end], 4) >= 4
        ):
            return make_indirect(
                text, c_start, c_end, mention, cue_at[2], spans, end, via_from=cue_at[0]
            )
    return None


#: "Asked whether ..., X said": a sentence opening with a question put to the speaker by
#: someone unnamed (a reporter); "Asked on Monday if ...", "When asked why ...".
_ASKED: Final = re.compile(
    r"[\s“\"]*(?:(?:But|And|When|Later),?\s+)?(?:[Ww]hen\s+)?[Aa]sked\s+"
    r"(?:(?:on|at|in|during|later|again|repeatedly|by)\b[^,;:“”\"]{0,40}?\s+)?"
    r"(?=(?:whether|if|why|how|what|who|when|where|which)\s)"
)

#: The longest question read (characters).
_QUESTION_REACH: Final = 240


def asked_question(text: str, start: int, end: int) -> tuple[Candidate, int] | None:
    """The question of a sentence opening "Asked whether QUESTION, ...", and where the rest
    of the sentence starts.

    The question is an indirect quote without a source: PolNeAR's annotators mark it so
    (48 of the 53 in its train split), and its asker goes unnamed.  A question with a
    quotation mark in it, or no comma to end it within reach, is none.
    """
    if text.find("sked", start, end) == -1:
        return None  # no "asked": the pattern cannot match
    asked = _ASKED.match(text, start, end)
    if asked is None:
        return None
    comma = text.find(",", asked.end(), min(end, asked.end() + _QUESTION_REACH))
    if comma == -1 or any(mark in text[asked.end() : comma] for mark in QUOTE_MARKS):
        return None
    q_start, q_end = trim(text, asked.end(), comma)
    if word_count(text[q_start:q_end], 3) < 3:
        return None
    return Candidate(QuoteKind.INDIRECT, q_start, q_end, cue="asked"), comma + 1
