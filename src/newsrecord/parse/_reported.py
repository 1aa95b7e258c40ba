"""Reported speech: indirect and mixed quotes read from sentences with a cue.

"X said (that) CONTENT", "CONTENT, X said", the parenthetical "CONTENT, he said, MORE",
"..., saying that CONTENT", more of the same speaker ("X said A, adding that B", "X said A
and added that B"), a participle after a direct quote ("“...,” X said, adding that B") and
"He called the plan “dead on arrival”" (mixed); the attributions by a phrase ("according
to X") are :mod:`~newsrecord.parse._according`'s.  Reported speech that carries a direct
quote's fragments absorbs them; reported speech that runs into a direct quote ends before
it.  :func:`indirect_candidates` gives the quotes found.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Final

from newsrecord._model import (
    QuoteKind,
)
from newsrecord.parse._according import asked_question, phrase_attribution
from newsrecord.parse._clauses import (
    CLAUSE_START,
    MAX_CUES_PER_SENTENCE,
    THAT,
    THAT_CROSSES,
    THAT_NEXT,
    clause_end,
    content_after_cue,
    is_bare_clause,
    make_indirect,
    relative_end,
    subordinate_end,
)
from newsrecord.parse._cues import cue_phrase, cue_words
from newsrecord.parse._lexicon import (
    CUE_PARTICIPLES,
    TAIL_OPENERS,
)
from newsrecord.parse._marks import (
    MarkedSpan,
    covered,
    mention_inside,
    opens_mid_clause,
    spans_near,
)
from newsrecord.parse._mentions import (
    is_coordinated,
    sentence_subject,
    subject_after,
    subject_before,
)
from newsrecord.parse._spans import (
    QUOTE_MARKS,
    Candidate,
    Mention,
    core_of,
    paragraph_bounds,
    sentences,
    trim,
    word_count,
)
from newsrecord.parse._stances import labelled_statement, nominal_cue, passive_by, stance_clause
from newsrecord.parse._trailing import finding_after, reported_before

__all__ = ["indirect_candidates"]


#: A cue right before an opening mark ("said: “", "told the paper, “"): a direct quote's.
_DIRECT_AFTER_CUE: Final = re.compile(r"\s*(?:(?:[\w.]+\s*){1,3}[,:]|[,:])?\s*[“\"«„]")


#: "that" ending the words before a content: "told TV5 that “the driver ...”" is reported
#: speech with quoted words (a mixed quote), not a direct quote.
_THAT_END: Final = re.compile(r"\bthat\s*$")


def _opening_mark_in(text: str, start: int, end: int) -> bool:
    """Whether an opening mark of :data:`_DIRECT_AFTER_CUE` is in ``text[start:end]``: what
    the pattern, whose tries at words cost, needs before it is tried."""
    return any(text.find(mark, start, end) != -1 for mark in '“"«„')


def _indirect_in_sentence(
    text: str, start: int, end: int, spans: Sequence[MarkedSpan]
) -> list[Candidate]:
    found: list[Candidate] = []
    asked = asked_question(text, start, end)
    if asked is not None:  # "Asked whether QUESTION, X said ...": then the rest
        found.append(asked[0])
        start = asked[1]
    sourced = phrase_attribution(text, start, end, spans)
    if sourced is not None:
        found.append(sourced)
        return found
    named = _named_with_fragment(text, start, end, spans)
    if named is not None:
        # "She says she trusts the mayor and calls him “...”": the cue before it has its own
        verb = text.rfind(named.cue, start, named.start) if named.cue else -1
        if verb > start and word_count(text[start:verb], 4) >= 4:
            joint = _JOINT_BEFORE.search(text, start, verb)
            stop = joint.start() if joint else verb
            before = _indirect_in_sentence(text, start, stop, spans)
            found.extend(candidate for candidate in before if candidate.end <= stop)
        found.append(named)
        return found
    for tried, (cue_start, cue_end, word) in enumerate(cue_words(text, start, end)):
        if tried >= MAX_CUES_PER_SENTENCE:
            break
        if covered(cue_start, cue_end, spans):
            continue
        if _opening_mark_in(text, cue_end, end) and _DIRECT_AFTER_CUE.match(text, cue_end, end):
            continue  # the cue of a direct quote
        if word in CUE_PARTICIPLES:
            participle = _participle_clause(text, start, end, cue_start, cue_end, spans)
            if participle is not None:
                found.append(participle)
                return found
            continue
        # "CONTENT, X said." / "CONTENT, said X." / "CONTENT, X said, MORE CONTENT."
        subject = subject_before(text, cue_start, start)
        reported = reported_before(text, start, end, cue_start, cue_end, spans, subject)
        if reported:
            found.extend(reported)
            return found
        # "X said (that) CONTENT"
        if subject is None and is_coordinated(text, start, cue_start):
            subject = sentence_subject(text, start, cue_start)  # "She ... and told them that"
        if subject is None:
            continue
        cue, cue_stop = cue_phrase(text, cue_start, cue_end)
        content = content_after_cue(text, start, end, subject, word, cue_stop)
        if content is None:
            continue
        c_start, c_end = content
        c_end = clause_end(text, c_start, c_end)
        c_end = subordinate_end(text, start, cue_start, c_start, c_end)
        c_end = relative_end(text, start, cue_start, c_start, c_end)
        if (
            c_end - c_start < 1
            or (text[c_start] in QUOTE_MARKS and not _THAT_END.search(text, cue_stop, c_start))
            or word_count(text[c_start:c_end], 3) < 3
        ):
            continue  # a quote right after the cue is a direct quote's, unless after "that"
        found.append(
            make_indirect(text, c_start, c_end, subject, cue, spans, end, via_from=cue_start)
        )
        return found
    other = (
        nominal_cue(text, start, end, spans)
        or stance_clause(text, start, end, spans)
        or passive_by(text, start, end, spans)
        or finding_after(text, start, end, spans)
    )
    if other is not None:
        found.append(other)
    return found


def _with_following(
    text: str, start: int, end: int, spans: Sequence[MarkedSpan]
) -> list[Candidate]:
    """The reported speech of a sentence, and of what follows its content: "X said A, and
    Y said B" gives two quotes."""
    found = _indirect_in_sentence(text, start, end, spans)
    while found:
        last = max(c.end for c in found)
        if last >= end or word_count(text[last:end], 4) < 4:
            break
        more = _continued(text, last, end, spans, found[-1])
        if more is None:
            # (the attribution of "CONTENT, X announced at the ceremony." gives no more)
            used = {(c.mention.start, c.mention.end) for c in found if c.mention is not None}
            found.extend(
                candidate
                for candidate in _indirect_in_sentence(text, last, end, spans)
                if candidate.mention is None
                or (candidate.mention.start, candidate.mention.end) not in used
                or core_of(text[candidate.start : candidate.end].split()[0]) not in TAIL_OPENERS
            )
            break
        found.append(more)
    return found


#: What joins a piece of reported speech to more of it by the same speaker: ", adding
#: that", " and also said", ", but warned".
_GOES_ON: Final = re.compile(r",?\s+(?:(?:and|but)\s+)?(?:also\s+|then\s+|later\s+)?")

#: "and" or "but" right before a verb: where reported speech before it ends.
_JOINT_BEFORE: Final = re.compile(r",?\s+(?:and|but)\s+(?:also\s+)?$")

#: A relative clause right after a speaker: "Ruiz, who said A, said B".
_WHO: Final = re.compile(r",\s*who\s")


def _continued(
    text: str, last: int, end: int, spans: Sequence[MarkedSpan], previous: Candidate
) -> Candidate | None:
    """More reported speech of the same speaker after a piece: "X said A, adding that B",
    "X said A and added that B"."""
    joint = _GOES_ON.match(text, last, end)
    if previous.mention is None or joint is None:
        return None
    cue_at = next(iter(cue_words(text, joint.end(), min(end, joint.end() + 25))), None)
    if cue_at is None or cue_at[0] != joint.end():
        return None
    cue_start, cue_end, word = cue_at
    joined = text[last:cue_start]
    if word in CUE_PARTICIPLES:
        if "," not in joined:
            return None
    elif not (" and " in f"{joined} " or " but " in f"{joined} ") and not (
        joined.strip() == "," and _WHO.match(text, previous.mention.end)
    ):
        return None  # (but "Ruiz, who said A, said B" goes on with the main verb)
    cue, cue_stop = cue_phrase(text, cue_start, cue_end)
    if _DIRECT_AFTER_CUE.match(text, cue_stop, end):
        return None  # "..., adding: “...”" is a direct quote's
    content = content_after_cue(
        text, last, end, previous.mention, word, cue_stop, bare=word in CUE_PARTICIPLES
    )
    if content is None:
        return None
    c_start, c_end = content[0], clause_end(text, *content)
    if c_end <= c_start or text[c_start] in QUOTE_MARKS or word_count(text[c_start:c_end], 3) < 3:
        return None
    return make_indirect(
        text, c_start, c_end, previous.mention, cue, spans, end, via_from=cue_start
    )


#: (Each word boundary is a look-behind after its word, so that the search skips to the
#: alternatives' first characters instead of trying every character.)
_PARTICIPLE_LEAD: Final = re.compile(
    r"(?:,|by(?<=\bby)|while(?<=\bwhile)|after(?<=\bafter)|and(?<=\band)|quoted(?<=\bquoted)\s+as)"
    r"\s*$"
)


def _after_direct(text: str, start: int, end: int, spans: Sequence[MarkedSpan]) -> Candidate | None:
    """Reported speech after the direct quote that opens a sentence: “...,” X said,
    adding that CONTENT, or “...,” X said, but he said CONTENT.  Only a participle's
    clause or a clause of its own is read there: the first cue is the direct quote's."""
    if word_count(text[start:end], 6) < 6:
        return None
    for cue_start, cue_end, word in cue_words(text, start, end):
        if word in CUE_PARTICIPLES and not covered(cue_start, cue_end, spans):
            return _participle_clause(text, start, end, cue_start, cue_end, spans)
    joint = _CLAUSE_JOINT.search(text, start, end)
    if joint is not None:  # “...,” X said on Monday, but he said CONTENT
        found = _indirect_in_sentence(text, joint.end(), end, spans)
        return found[0] if found else None
    return None


#: A clause of its own after the direct quote's attribution: ", but he said".
_CLAUSE_JOINT: Final = re.compile(r",\s+(?:but|and|while|although|though)\s+(?=\S)")


def _attribution_before(text: str, start: int, cue_start: int) -> Mention | None:
    """The speaker of "X said," or "said X," right before a participle: "“...,” Ellis said,
    adding that ..."."""
    before = text[start:cue_start].rstrip()
    if not before.endswith(","):
        return None
    previous = None
    for hit in cue_words(text, start, cue_start):
        previous = hit
    if previous is None:
        return None
    prev_start, prev_end, _word = previous
    between = text[prev_end : start + len(before) - 1]
    if not between.strip():
        return subject_before(text, prev_start, start)  # "Ellis said, adding"
    inverted = subject_after(text, prev_end, start + len(before) - 1)
    if inverted is not None and not text[inverted.end : start + len(before) - 1].strip():
        return inverted  # "said Ellis, adding"
    return None


def _participle_clause(
    text: str, start: int, end: int, cue_start: int, cue_end: int, spans: Sequence[MarkedSpan]
) -> Candidate | None:
    """``SUBJECT ..., saying (that) CONTENT``: the participle's subject is the sentence's."""
    if not _PARTICIPLE_LEAD.search(text[start:cue_start]):
        return None
    subject = sentence_subject(text, start, cue_start) or _attribution_before(
        text, start, cue_start
    )
    if subject is None:
        return None
    cue, cue_stop = cue_phrase(text, cue_start, cue_end)
    rest = text[cue_stop:end]
    that = THAT_NEXT.match(rest)
    if that is None and "that" in rest:  # "saying at a church in Cleveland that ..."
        that = THAT.match(rest)
        if that is not None and (
            THAT_CROSSES.search(rest[: that.end()])
            or " and " in rest[: that.end()]
            or any(True for _ in cue_words(text, cue_stop, cue_stop + that.end()))
        ):
            that = None
    c_start = cue_stop + (that.end() if that else 0)
    if not that and not (CLAUSE_START.match(rest) or is_bare_clause(rest)):
        return None
    c_start, c_end = trim(text, c_start, end)
    c_end = clause_end(text, c_start, c_end)
    if c_end <= c_start or text[c_start] in QUOTE_MARKS or word_count(text[c_start:c_end], 4) < 4:
        return None
    return make_indirect(text, c_start, c_end, subject, cue, spans, end, via_from=cue_start)


_NAMED: Final = re.compile(
    r"\b(?P<verb>called|calls|calling|described|describes|describing|dubbed|labeled|labelled|"
    r"termed)\s+(?!(?:on|for|upon)\s)(?P<object>[^“\"”.;]{1,80}?)\s+(?:as\s+)?[“\"]"
)


#: What every verb of :data:`_NAMED` starts with.
_NAMING_STEMS: Final = ("call", "describ", "dub", "label", "term")


def _named_with_fragment(
    text: str, start: int, end: int, spans: Sequence[MarkedSpan]
) -> Candidate | None:
    """Reported speech that carries a quoted fragment: He called the plan “dead on arrival”."""
    if not any(start <= s.open_at < end and s.close_at is not None for s in spans):
        return None  # no closed quotation opens in the sentence: nothing to search for
    sentence = text[start:end]
    if not any(stem in sentence for stem in _NAMING_STEMS):
        return None  # none of the verbs: the regular expression would search in vain
    match = _NAMED.search(text, start, end)
    if match is None:
        return None
    opening = match.end() - 1
    closing = next(
        (s.close_at for s in spans if s.open_at == opening and s.close_at is not None), None
    )
    if closing is None:
        return None
    verb_start = match.start("verb")
    mention = subject_before(text, verb_start, start) or sentence_subject(text, start, verb_start)
    if mention is None:
        return None
    width = 2 if text.startswith("''", closing) else 1
    c_start, c_end = match.start("object"), closing + width
    for span in spans:  # more fragments of the same naming: a “new low” and a “bizarre ...”
        if (
            span.open_at >= c_end
            and span.close_at is not None
            and span.open_at < end
            and span.open_at - c_end <= _FRAGMENT_GAP
            and _FRAGMENT_JOIN.fullmatch(text, c_end, span.open_at)
        ):
            c_end = span.close_at + (2 if text.startswith("''", span.close_at) else 1)
    return Candidate(QuoteKind.MIXED, c_start, c_end, mention=mention, cue=match.group("verb"))


#: What may join two quoted fragments of one naming: "a “new low” and a “bizarre ...”",
#: "a “petulant child” who's acting “as if ...”".
_FRAGMENT_JOIN: Final = re.compile(r"[^.;:!?“”\"]{0,40}")
_FRAGMENT_GAP: Final = 40


def indirect_candidates(
    text: str, paragraphs: Sequence[str], spans: list[MarkedSpan], direct: list[Candidate]
) -> tuple[list[Candidate], set[int]]:
    """Indirect and mixed quotes, and the starts of direct quotes that turned out to be
    fragments of a mixed quote ("Ryan told CNN that the comments “show bias.”")."""
    found: list[Candidate] = []
    absorbed: set[int] = set()
    starts = [s.open_at for s in spans]
    taken = sorted((c.start, c.end) for c in direct)
    taken_starts = [t[0] for t in taken]
    for p_start, p_end in paragraph_bounds(paragraphs):
        labelled = labelled_statement(text, p_start, p_end)
        if labelled is not None and not any(
            labelled.start < b and a < labelled.end for a, b in taken
        ):
            found.append(labelled)
            continue
        for s_start, s_end in sentences(text, p_start, p_end):
            local = spans_near(spans, starts, s_start, s_end)
            nearby = taken[
                max(0, bisect.bisect_left(taken_starts, s_start) - 1) : bisect.bisect_right(
                    taken_starts, s_end
                )
            ]
            if text[s_start] in QUOTE_MARKS:
                opening = [b for a, b in nearby if a <= s_start + 1 < b]
                if opening:
                    # what follows the direct quote that opens the sentence: “...,” X
                    # said, adding that ...
                    after = _after_direct(text, max(opening), s_end, local)
                    if after is not None:
                        found.append(after)
                    continue
            for candidate in _with_following(text, s_start, s_end, local):
                clash = [a for a, b in nearby if candidate.start < b and a < candidate.end]
                inside = [
                    a
                    for a, b in nearby
                    if candidate.start < a and b <= candidate.end + 1 and opens_mid_clause(text, a)
                ]
                if clash and len(inside) == len(clash):
                    absorbed.update(inside)  # the direct parts are fragments of this quote
                    candidate.kind = QuoteKind.MIXED
                elif clash:
                    # reported speech that runs into a direct quote ends before it
                    first = min(clash)
                    mark = text.rfind(" ", candidate.start, first)
                    trimmed = trim(text, candidate.start, mark if mark > 0 else first)
                    if first <= candidate.start or word_count(text[trimmed[0] : trimmed[1]], 4) < 4:
                        continue
                    candidate.end = trimmed[1]
                    if any(candidate.start < b and a < candidate.end for a, b in nearby):
                        continue
                if candidate.mention is not None and mention_inside(candidate.mention, local):
                    continue
                found.append(candidate)
    return found, absorbed
