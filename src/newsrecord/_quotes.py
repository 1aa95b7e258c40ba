"""Finding quotes: direct ones between quotation marks, indirect ones in reported speech.

Direct quotes are read from the quotation marks of each paragraph (“ ” " " « » „ “ ‘ ’
and the doubled apostrophes some outlets use), tolerating mixed pairs, quotes that run
over several paragraphs and stray marks: an unclosed mark never reaches past its
paragraph.  A direct quote is attributed from the words around it ("...,” he said",
"X noted: “...”"), from the other parts of the same quote, from a colon at the end of
the previous paragraph, or from the quote it continues.  Indirect quotes come from
sentences with a verb of saying ("X said that ...", "..., X said", "according to X").
:func:`attribute` returns the article's speakers and quotes.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence
from typing import Final

import attrs

from newsrecord._lexicon import (
    ABBREVIATIONS,
    BARE_CLAUSE_CUES,
    CUE_PARTICIPLES,
    CUE_PARTICLES,
    CUE_VERBS,
    HONORIFICS,
    MEDIUM_NOUNS,
    PRONOUNS,
)
from newsrecord._model import PARAGRAPH_SEPARATOR, Quote, QuoteKind, Speaker
from newsrecord._speakers import (
    Mention,
    classify,
    is_organization,
    resolve,
    subject_after,
    subject_before,
)

__all__ = ["attribute", "find_marked_spans", "sentences"]

#: Opening marks and the marks that may close them.
_CLOSERS: Final[dict[str, str]] = {
    "“": '”"“',
    "„": '“”"',
    "«": "»",
    "‹": "›",
    '"': '"”',
    "''": "''”",
    "‘": "’",
    "‚": "‘’",
}
_MARKS: Final = "“”\"„«»‹›‘’‚'"
_WORD: Final = re.compile(r"[\w’'-]+")
_MIN_UNATTRIBUTED_WORDS: Final = 8
#: How far back from a quote its attribution is looked for (characters).
_LOOKBACK: Final = 400
#: How many neighbouring parts of a quote share their attribution.
_NEIGHBOURS: Final = 6
#: Cue words tried in one sentence; a real sentence has few.
_MAX_CUES_PER_SENTENCE: Final = 12
_MAX_SUBJECT_WORDS: Final = 14


@attrs.frozen
class Span:
    """A quoted piece: content from ``start`` to ``end`` (marks excluded), article offsets."""

    start: int
    end: int
    open_at: int
    close_at: int | None  # None: the quote goes on in the next paragraph, or never closes
    paragraph: int


@attrs.define
class _Candidate:
    kind: QuoteKind
    start: int
    end: int
    mention: Mention | None = None
    cue: str | None = None
    via: str | None = None


def _is_word_char(char: str) -> bool:
    return char.isalnum()


def _opener_at(text: str, index: int) -> str | None:
    char = text[index]
    prev = text[index - 1] if index > 0 else " "
    nxt = text[index + 1] if index + 1 < len(text) else " "
    if char in "“„«‹":
        return char
    if char == "'" and nxt == "'" and not _is_word_char(prev):
        return "''"
    if char == '"' and not _is_word_char(prev) and not nxt.isspace():
        return '"'
    if char in "‘‚" and not _is_word_char(prev) and nxt.isalnum():
        return char
    return None


def _closes(text: str, index: int, opener: str) -> int:
    """Length of the closing mark for ``opener`` at ``index`` (0 when none)."""
    char = text[index]
    if opener == "''":
        if text.startswith("'''", index):
            return 0  # a nested quote closes first: 'a special case,'''
        if text.startswith("''", index):
            return 2
        return 1 if char == "”" else 0
    if char not in _CLOSERS[opener]:
        return 0
    nxt = text[index + 1] if index + 1 < len(text) else " "
    if opener in "‘‚" and _is_word_char(nxt):
        return 0  # an apostrophe inside a word: people’s
    if opener == "“" and char == "“" and not (nxt.isspace() or nxt in ",.;:!?)—–-"):
        return 0
    if opener in "“„" and char == '"' and not _is_word_char(text[index - 1]) and nxt.isalnum():
        return 0  # a nested straight quote opens here: “She said "never" and left,”
    if (
        opener == '"'
        and char == '"'
        and _is_word_char(text[index - 1] if index else " ") is False
        and _is_word_char(nxt)
    ):
        return 0  # a new opening mark: the previous quote was never closed
    return 1


_OPENER_CANDIDATE: Final = re.compile("[“„«‹\"'‘‚]")
_CLOSER_CANDIDATES: Final[dict[str, re.Pattern[str]]] = {
    opener: re.compile("[" + re.escape("".join(sorted(set(closers)))) + "]")
    for opener, closers in _CLOSERS.items()
}


def _scan_paragraph(paragraph: str) -> Iterator[tuple[int, int, int | None, int]]:
    """``(open_at, content_start, close_at, close_len)`` for each quoted piece.

    Only the positions of quotation marks are visited, found by regular expressions.
    """
    index = 0
    while True:
        candidate = _OPENER_CANDIDATE.search(paragraph, index)
        if candidate is None:
            return
        at = candidate.start()
        opener = _opener_at(paragraph, at)
        if opener is None:
            index = at + 1
            continue
        start = at + len(opener)
        closers = _CLOSER_CANDIDATES[opener]
        cursor = start
        while True:
            found = closers.search(paragraph, cursor)
            if found is None:
                yield at, start, None, 0
                return
            width = _closes(paragraph, found.start(), opener)
            if width:
                yield at, start, found.start(), width
                index = found.start() + width
                break
            cursor = found.start() + 1
            if opener in "“„" and paragraph[found.start()] == '"':
                inner = paragraph.find('"', cursor)  # skip a nested "..." quotation
                if inner >= 0:
                    cursor = inner + 1


def find_marked_spans(paragraphs: Sequence[str]) -> list[Span]:
    """Every quoted piece of the paragraphs, with offsets into the joined text."""
    spans: list[Span] = []
    offset = 0
    pending: list[Span] = []
    for number, paragraph in enumerate(paragraphs):
        pieces = list(_scan_paragraph(paragraph))
        if pending and not (pieces and pieces[0][0] == 0):
            # the previous paragraph's open quote was not continued: keep it only when it
            # opened its paragraph (a block quote that lost its closing mark)
            spans.extend(span for span in pending if _opens_paragraph(span, paragraphs, offset))
        elif pending:
            spans.extend(pending)
        pending = []
        for open_at, start, close_at, _width in pieces:
            stop = close_at if close_at is not None else len(paragraph)
            content = paragraph[start:stop]
            lead = len(content) - len(content.lstrip())
            trail = len(content.rstrip())
            if trail <= lead:
                continue
            span = Span(
                start=offset + start + lead,
                end=offset + start + trail,
                open_at=offset + open_at,
                close_at=offset + close_at if close_at is not None else None,
                paragraph=number,
            )
            if close_at is None:
                pending.append(span)
            else:
                spans.append(span)
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    spans.extend(pending)
    return spans


def _opens_paragraph(span: Span, paragraphs: Sequence[str], next_offset: int) -> bool:
    paragraph = paragraphs[span.paragraph]
    start_of_paragraph = next_offset - len(PARAGRAPH_SEPARATOR) - len(paragraph)
    return span.open_at == start_of_paragraph and len(paragraph) > 80


# ---------------------------------------------------------------------------------------
# Sentences


_SENTENCE_END: Final = re.compile(r"[.!?…]+[\"”’»)']*(?=\s+[\"“‘«('„]*[A-Z0-9])")


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` (a paragraph), abbreviation-aware."""
    result: list[tuple[int, int]] = []
    begin = start
    for match in _SENTENCE_END.finditer(text, start, end):
        if _abbreviation_before(text, begin, match):
            continue
        result.append((begin, match.end()))
        begin = match.end()
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end:
        result.append((begin, end))
    return result


# ---------------------------------------------------------------------------------------
# Cues


_CUE_FORMS: Final = CUE_VERBS | CUE_PARTICIPLES
#: A run of letters that may be a cue word.  Runs shorter than the shortest cue word are
#: passed over inside the regular expression (a run is matched whole or not at all).
_CUE_TOKEN: Final = re.compile(rf"[A-Za-z]{{{min(map(len, _CUE_FORMS))},}}")


def _cue_words(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """``(start, end, word in lower case)`` of each cue word in ``text[start:end]``."""
    for match in _CUE_TOKEN.finditer(text, start, end):
        word = match.group().lower()
        if word in _CUE_FORMS:
            yield match.start(), match.end(), word


_FOLLOWING_WORD: Final = re.compile(r"\s+(\w+)")


def _cue_phrase(text: str, start: int, end: int) -> tuple[str, int]:
    """The cue as written ("pointed out", "told reporters") and where it ends."""
    stop = end
    follow = _FOLLOWING_WORD.match(text[end : end + 20])
    if follow:
        word = follow.group(1).lower()
        if (
            word in CUE_PARTICLES
            and (word != "in" or text[start:end].lower() in {"chimed", "weighed"})
        ) or (
            text[start:end].lower() in {"told", "tells", "telling"}
            and word in {"reporters", "journalists"}
        ):
            stop = end + follow.end()
    return text[start:stop], stop


_VIA: Final = re.compile(
    r"\b(?:in|during|on)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+)?(?P<noun>\w+)\s+"
    r"(?:with|to|on|for)\s+(?P<via>(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,5})"
)
#: "on Twitter", "on Facebook": platforms named as the medium.
_VIA_PLATFORM: Final = re.compile(
    r"\b(?:on|via)\s+(?P<via>Twitter|Facebook|Instagram|YouTube|TikTok|Telegram|LinkedIn|"
    r"Truth Social|X)\b"
)
#: "told CNN", "told The New York Times": an outlet that was told.
_VIA_TOLD: Final = re.compile(
    r"\btold\s+(?P<via>(?:The\s+)?[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,4})"
)


def _via(text: str, start: int, end: int) -> str | None:
    """The medium named in ``text[start:end]``: "in her talk with Valley Radio", "told CNN"."""
    for match in _VIA.finditer(text, start, end):
        if match.group("noun").lower() in MEDIUM_NOUNS:
            return _clean_via(match.group("via"))
    platform = _VIA_PLATFORM.search(text, start, end)
    if platform is not None:
        return platform.group("via")
    told = _VIA_TOLD.search(text, start, end)
    if told is not None and is_organization(_clean_via(told.group("via"))):
        return _clean_via(told.group("via"))
    return None


def _clean_via(via: str) -> str:
    """A medium's name without the sentence's punctuation ("Valley Radio." -> "Valley Radio")."""
    via = via.strip().rstrip(".,;:")
    return via[:-2] if via.endswith(("’s", "'s")) else via


# ---------------------------------------------------------------------------------------
# Direct quotes


#: A dash that names the source after a quotation: "“...” ― Jorge Falcon".
_DASH_SOURCE: Final = re.compile(r"[\s\u00a0]*[―—–-]{1,2}[\s\u00a0]*")


def _after_attribution(text: str, start: int, stop: int) -> tuple[Mention, str, int] | None:
    """``,” he said`` / ``,” said X`` right after a closing mark (``start``)."""
    lead = start
    while lead < stop and text[lead] in " ,.!?;—–-…\u00a0'’\"”":
        lead += 1
    bound = min(stop, _sentence_stop(text, lead, stop))
    dashed = _DASH_SOURCE.match(text, start, stop)
    if dashed is not None:  # "“...” ― Jorge Falcon" closing the paragraph
        name = subject_after(text, dashed.end(), stop)
        if name is not None and not text[name.end : stop].strip(" .\u00a0"):
            return name, dashed.group().strip(), dashed.end()
    cues = list(_cue_words(text, lead, bound))
    if not cues:
        return None
    cue_start, cue_end, _word = cues[0]
    if text[lead:cue_start].count(" ") > _MAX_SUBJECT_WORDS:
        return None
    if cue_start == lead or not text[lead:cue_start].strip():
        mention = subject_after(text, cue_end, bound)
        if mention is None:
            return None
        return mention, _cue_phrase(text, cue_start, cue_end)[0], cue_end
    mention = subject_before(text, cue_start, lead)
    if mention is None and _word in CUE_PARTICIPLES:
        mention = subject_after(text, lead, cue_start)  # "X is quoted as saying"
    if mention is None or (mention.start != lead and not _only_filler(text[lead : mention.start])):
        return None
    return mention, _cue_phrase(text, cue_start, cue_end)[0], cue_end


def _only_filler(text: str) -> bool:
    return not text.strip(" ,\u00a0") or text.strip(" ,\u00a0").lower() in {"and", "but", "so"}


def _sentence_stop(text: str, start: int, stop: int) -> int:
    """Where the sentence that starts at ``start`` ends (at most ``stop``)."""
    for match in _SENTENCE_END.finditer(text, start, stop):
        if not _abbreviation_before(text, start, match):
            return match.end()
    return stop


def _abbreviation_before(text: str, begin: int, match: re.Match[str]) -> bool:
    """Whether the full stop of ``match`` ends an abbreviation ("Mr.", "U.S.") not a sentence.

    An abbreviation that is no title ("U.S.", "Inc.") followed by a word that starts
    sentences ("He", "The") ends the sentence all the same.
    """
    word = text[max(begin, match.start() - 12) : match.start()].split()
    last = word[-1].lower().lstrip('("“') if word else ""
    abbreviation = match.group().startswith(".") and (
        last in ABBREVIATIONS
        or (len(last) == 1 and last.isalpha())
        or ("." in last and len(last) <= 5)
    )
    if not abbreviation or last in HONORIFICS or len(last) == 1:
        return abbreviation
    following = _NEXT_WORD.match(text[match.end() : match.end() + 20])
    return not (following and following.group(1) in _SENTENCE_STARTERS)


_NEXT_WORD: Final = re.compile(r"\s+[\"“‘]?(\w+)")


#: Words that start sentences and hardly ever follow an abbreviation inside one.
_SENTENCE_STARTERS: Final = frozenset(
    """
    He She They It We I The This That These There But And In On At A An His Her Their Its
    Our When While After Before If Then Now Later Meanwhile So Still Yet However Earlier
    """.split()
)


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
    cues = list(_cue_words(text, sentence_start, start + len(tail)))
    if not cues:
        return _colon_subject(text, sentence_start, start + len(tail), window)
    cue_start, cue_end, _word = cues[-1]
    phrase, phrase_end = _cue_phrase(text, cue_start, cue_end)
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
        _word in CUE_PARTICIPLES or _coordinated(text, sentence_start, cue_start)
    ):
        mention = sentence_subject(text, sentence_start, cue_start)
    if mention is None:
        inverted = subject_after(text, phrase_end, start + len(tail))
        if inverted is not None and not trailing.startswith(("in ", "on ", "to ", "that")):
            return inverted, phrase, cue_end
        return None
    return mention, phrase, cue_end


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
    named = subject_before(text, stop, max(sentence_start, stop - 60))
    if named is not None and classify(named.head) in {"name", "honorific"}:
        before = text[sentence_start : named.start].strip()
        if not before or before.endswith(("-", "—", "–")):
            return named, ":", stop
    subject = sentence_subject(text, sentence_start, stop)
    if subject is None:
        return None
    return subject, ":", stop


_SUBORDINATE: Final = re.compile(
    r"(?:When|After|Before|As|While|In|On|At|During|Asked|Later|Earlier|Then|But|And|Still|"
    r"Meanwhile|Instead|Afterward|Afterwards|[A-Z][a-z]+ing)\b[^,]{0,80},\s*"
)


def _coordinated(text: str, sentence_start: int, cue_start: int) -> bool:
    """Whether the cue is the second of two verbs of one subject ("smiled and said")."""
    words = text[sentence_start:cue_start].split()
    return len(words) >= 3 and words[-1].lower().strip(",") in {"and", "but", "then"}


def sentence_subject(text: str, sentence_start: int, cue_start: int) -> Mention | None:
    """The subject at the start of a sentence, for cues far from it ("X ..., saying")."""
    position = sentence_start
    lead = _SUBORDINATE.match(text, position, cue_start)
    if lead:
        position = lead.end()
    subject = subject_after(text, position, cue_start)
    if subject is None or subject.end >= cue_start:
        return None
    return subject


def _paragraph_bounds(paragraphs: Sequence[str]) -> list[tuple[int, int]]:
    bounds = []
    offset = 0
    for paragraph in paragraphs:
        bounds.append((offset, offset + len(paragraph)))
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    return bounds


def _word_count(text: str, enough: int = 1_000_000) -> int:
    """The number of words in ``text``, counting no further than ``enough``."""
    if enough > len(text):  # there are fewer words than characters
        return len(_WORD.findall(text))
    count = 0
    for _match in _WORD.finditer(text):
        count += 1
        if count >= enough:
            break
    return count


def _direct_candidates(text: str, paragraphs: Sequence[str], spans: list[Span]) -> list[_Candidate]:
    bounds = _paragraph_bounds(paragraphs)
    found: list[_Candidate | None] = []
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
        attributed.append(result)
        found.append(None)
        del index
    # share attributions between the parts of one quote and along multi-paragraph quotes
    for index, span in enumerate(spans):
        result = attributed[index]
        if result is None:
            result = _shared_attribution(spans, attributed, index, text, bounds, by_paragraph)
        words = _word_count(text[span.start : span.end])
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
            found[index] = _Candidate(QuoteKind.DIRECT, span.start, span.end)
            continue
        mention, cue, cue_end = result
        own = attributed[index] is not None  # attributed by its own words, not shared
        if embedded or (words < 2 and not own and cue not in _NAMING_VERBS):
            continue
        found[index] = _Candidate(
            QuoteKind.DIRECT,
            span.start,
            span.end,
            mention=mention,
            cue=cue,
            via=_via(
                text,
                max(0, cue_end - len(cue)),
                _sentence_stop(text, cue_end, bounds[span.paragraph][1]),
            ),
        )
        attributed[index] = result
    return [c for c in found if c is not None]


#: Verbs that name or chant what follows in quotation marks ("called it “a disgrace”").
_NAMING_VERBS: Final = frozenset(
    """
    called calls calling dubbed dubs labeled labelled labels termed terms chanting chanted
    chant mouthing mouthed offered declared
    """.split()
)


def _naming_attribution(
    text: str, span: Span, paragraph_start: int
) -> tuple[Mention, str, int] | None:
    """``X called “...”`` / ``X said “...”`` with the fragment right after the verb."""
    before = text[max(paragraph_start, span.open_at - _LOOKBACK) : span.open_at].rstrip(" ,:")
    last = before.rsplit(None, 1)[-1] if before.split() else ""
    verb = last.lower()
    if verb not in _NAMING_VERBS and verb not in CUE_VERBS:
        return None
    if verb not in _NAMING_VERBS and _title_case(text[span.start : span.end]):
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


_MINOR_WORDS: Final = frozenset("a an the of in on at to for and or but with by from".split())


def _title_case(fragment: str) -> bool:
    """Whether a short quoted fragment is written as a title ("Tides of Lornia")."""
    words = _WORD.findall(fragment)
    return (
        1 <= len(words) <= 8
        and all(w[:1].isupper() or w.lower() in _MINOR_WORDS for w in words)
        and words[0][:1].isupper()
    )


def _is_embedded(text: str, span: Span, bounds: list[tuple[int, int]]) -> bool:
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
            or not _ends_with_cue(before)
        )
    return _word_count(text[span.start : span.end]) < 6


_LAST_WORD: Final = re.compile(r"\b\w+[,:]?\s*$")


def _ends_with_cue(before: str) -> bool:
    words = before.rstrip(" ,:").split()
    tail = [w.lower().strip(",:") for w in words[-4:]]
    return any(w in CUE_VERBS or w in CUE_PARTICIPLES for w in tail)


def _shared_attribution(
    spans: list[Span],
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


# ---------------------------------------------------------------------------------------
# Indirect quotes


def _has_own_cue(
    text: str, spans: Sequence[Span], members: Sequence[int], bounds: tuple[int, int]
) -> bool:
    """Whether a paragraph has a cue word outside its quotation marks."""
    cursor = bounds[0]
    for index in members[:_NEIGHBOURS]:
        span = spans[index]
        if any(True for _ in _cue_words(text, cursor, span.open_at)):
            return True
        cursor = (span.close_at if span.close_at is not None else span.end) + 1
    if len(members) > _NEIGHBOURS:
        return False
    return any(True for _ in _cue_words(text, min(cursor, bounds[1]), bounds[1]))


def _spans_near(
    spans: Sequence[Span], starts: Sequence[int], start: int, end: int
) -> Sequence[Span]:
    """The spans that may overlap ``start..end`` (``starts``: their sorted ``open_at``)."""
    low = max(0, bisect.bisect_left(starts, start) - 1)
    high = bisect.bisect_right(starts, end)
    return spans[low:high]


def _covered(start: int, end: int, spans: Sequence[Span]) -> bool:
    return any(
        s.open_at <= start < (s.close_at if s.close_at is not None else s.end) + 1 for s in spans
    )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.—–-"):
        end -= 1
    return start, end


_ACCORDING: Final = re.compile(r"\b[Aa]ccording to\b")
#: "CONTENT – as noted by X": a dash or comma, "as", a cue verb (checked), "by".
_AS_BY: Final = re.compile(r"[,—–-]?\s*\bas\s+(\w+)\s+by\b")
#: "CONTENT, as X noted on Monday.": "as" and a short clause ending the sentence.
_AS_SAID: Final = re.compile(r"[,—–-]\s*\bas\s+(?=[^,;]{3,120}$)")
#: A cue right before an opening mark ("said: “", "told the paper, “"): a direct quote's.
_DIRECT_AFTER_CUE: Final = re.compile(r"\s*(?:(?:[\w.]+\s*){1,3}[,:]|[,:])?\s*[“\"«„]")
#: "said (on Monday) that": up to eight words between a cue and "that".
_THAT: Final = re.compile(r"(?:\s+[^\s“\"”]+){0,8}?\s+that\b")
_THAT_CROSSES: Final = re.compile(r"[.;“\"”]")


def _indirect_in_sentence(
    text: str, start: int, end: int, spans: Sequence[Span]
) -> list[_Candidate]:
    sentence = text[start:end]
    found: list[_Candidate] = []
    # "according to X, CONTENT" / "CONTENT, according to X"
    according = _ACCORDING.search(sentence) if "ccording to" in sentence else None
    if according:
        a_start = start + according.start()
        a_end = start + according.end()
        comma = text.find(",", a_end, end)
        if according.start() == 0 or sentence[: according.start()].strip() in {"But", "And", "Yet"}:
            if comma > 0:
                mention = subject_after(text, a_end, comma) or _source_phrase(text, a_end, comma)
                c_start, c_end = _trim(text, comma + 1, end)
                if (
                    mention is not None
                    and _word_count(text[c_start:c_end], 4) >= 4
                    and text[c_start] not in _MARKS  # "According to X, “...”" is direct
                ):
                    found.append(
                        _make_indirect(text, c_start, c_end, mention, "according to", spans, end)
                    )
                    return found
        else:
            stop = _phrase_stop(text, a_end, end)
            mention = subject_after(text, a_end, stop) or _source_phrase(text, a_end, stop)
            c_start, c_end = _trim(text, start, a_start)
            if mention is not None and _word_count(text[c_start:c_end], 4) >= 4:
                found.append(
                    _make_indirect(text, c_start, c_end, mention, "according to", spans, end)
                )
                return found
    # "CONTENT – as noted by X"
    as_by = _AS_BY.search(sentence) if "by" in sentence and "as" in sentence else None
    if as_by and as_by.group(1).lower() in CUE_VERBS:
        mention = subject_after(text, start + as_by.end(), end)
        c_start, c_end = _trim(text, start, start + as_by.start())
        if mention is not None and _word_count(text[c_start:c_end], 4) >= 4:
            found.append(
                _make_indirect(
                    text,
                    c_start,
                    c_end,
                    mention,
                    as_by.group(1),
                    spans,
                    end,
                    via_from=start + as_by.end(),
                )
            )
            return found
    # "CONTENT, as X noted on Monday."
    as_said = _AS_SAID.search(sentence) if "as" in sentence else None
    if as_said is not None:
        after_as = start + as_said.end()
        cue_at = next(iter(_cue_words(text, after_as, end)), None)
        mention = subject_before(text, cue_at[0], after_as) if cue_at else None
        c_start, c_end = _trim(text, start, start + as_said.start())
        if (
            cue_at is not None
            and mention is not None
            and mention.start == after_as
            and _word_count(text[c_start:c_end], 4) >= 4
        ):
            found.append(
                _make_indirect(
                    text, c_start, c_end, mention, cue_at[2], spans, end, via_from=cue_at[0]
                )
            )
            return found
    named = _named_with_fragment(text, start, end, spans)
    if named is not None:
        found.append(named)
        return found
    for tried, (cue_start, cue_end, word) in enumerate(_cue_words(text, start, end)):
        if tried >= _MAX_CUES_PER_SENTENCE:
            break
        if _covered(cue_start, cue_end, spans):
            continue
        if _DIRECT_AFTER_CUE.match(text, cue_end, end):
            continue  # the cue of a direct quote
        if word in CUE_PARTICIPLES:
            participle = _participle_clause(text, start, end, cue_start, cue_end, spans)
            if participle is not None:
                found.append(participle)
                return found
            continue
        # "CONTENT, X said." / "CONTENT, said X." / "CONTENT, X said, MORE CONTENT."
        subject = subject_before(text, cue_start, start)
        reported = _reported_before(text, start, end, cue_start, cue_end, spans, subject)
        if reported:
            found.extend(reported)
            return found
        # "X said (that) CONTENT"
        if subject is None and _coordinated(text, start, cue_start):
            subject = sentence_subject(text, start, cue_start)  # "She ... and told them that"
        if subject is None:
            continue
        cue, cue_stop = _cue_phrase(text, cue_start, cue_end)
        rest = text[cue_stop:end]
        that = _THAT.match(rest)
        if that and not _THAT_CROSSES.search(rest[: that.end()]):
            c_start, c_end = _trim(text, cue_stop + that.end(), end)
        elif (
            word in BARE_CLAUSE_CUES
            and word not in {"told", "tells"}
            and (_CLAUSE_START.match(rest) or _bare_clause(rest))
        ):
            c_start, c_end = _trim(text, cue_stop, end)
        elif word in {"told", "tells"} and (whom := _TOLD_WHOM.match(rest)) is not None:
            c_start, c_end = _trim(text, cue_stop + whom.end(), end)  # "told Reuters the talks"
        else:
            continue
        c_end = _clause_end(text, c_start, c_end)
        if (
            c_end - c_start < 1
            or text[c_start] in _MARKS
            or _word_count(text[c_start:c_end], 3) < 3
        ):
            continue
        found.append(
            _make_indirect(text, c_start, c_end, subject, cue, spans, end, via_from=cue_start)
        )
        return found
    return found


#: Words after "said" that begin no reported clause ("said in a statement", "said so").
_NOT_CLAUSE: Final = frozenset(
    """
    in on at to for from with by about after before during of as so yes no nothing goodbye
    thanks hello last this next earlier later today yesterday tonight recently repeatedly
    monday tuesday wednesday thursday friday saturday sunday
    """.split()
)
#: Where reported speech stops: a new clause of its own ("..., and when asked, he said").
_CLAUSE_STOP: Final = re.compile(
    r"[;:]|,\s+(?:and|but)\s+(?:when|while|as|if|then|he|she|they|it|I|we|added|said)\b"
    r"|,\s+(?:he|she|they|it|I|we)\s+(?:said|added|says)\b"
)


def _bare_clause(rest: str) -> bool:
    """Whether the words after a cue read as a clause: "said allies were rattled"."""
    words = rest.split()
    return (
        len(words) >= 3
        and words[0][:1].isalpha()
        and _core_word(words[0]) not in _NOT_CLAUSE
        and _core_word(words[0]) not in CUE_VERBS
    )


def _clause_end(text: str, start: int, end: int) -> int:
    """The end of reported speech that may run into a clause of its own."""
    stop = _CLAUSE_STOP.search(text, start, end)
    return _trim(text, start, stop.start())[1] if stop else end


_PARTICIPLE_LEAD: Final = re.compile(r"(?:,|\bby|\bwhile|\bafter)\s*$")
_THAT_NEXT: Final = re.compile(r"\s+that\b")


def _participle_clause(
    text: str, start: int, end: int, cue_start: int, cue_end: int, spans: Sequence[Span]
) -> _Candidate | None:
    """``SUBJECT ..., saying (that) CONTENT``: the participle's subject is the sentence's."""
    if not _PARTICIPLE_LEAD.search(text[start:cue_start]):
        return None
    subject = sentence_subject(text, start, cue_start)
    if subject is None:
        return None
    cue, cue_stop = _cue_phrase(text, cue_start, cue_end)
    rest = text[cue_stop:end]
    that = _THAT_NEXT.match(rest)
    c_start = cue_stop + (that.end() if that else 0)
    if not that and not (_CLAUSE_START.match(rest) or _bare_clause(rest)):
        return None
    c_start, c_end = _trim(text, c_start, end)
    c_end = _clause_end(text, c_start, c_end)
    if c_end <= c_start or text[c_start] in _MARKS or _word_count(text[c_start:c_end], 4) < 4:
        return None
    return _make_indirect(text, c_start, c_end, subject, cue, spans, end, via_from=cue_start)


_TAIL_OPENERS: Final = frozenset(
    """
    on in at during after before when while last this yesterday today earlier later
    monday tuesday wednesday thursday friday saturday sunday recently previously
    """.split()
)


#: How a bare clause after a cue begins: "said the plan ...", "said he ...".
_CLAUSE_START: Final = re.compile(
    r"\s+(?:the|a|an|he|she|they|it|we|his|her|their|its|there|this|[A-Z]\w+)\b"
)
#: Whom someone told, before a bare clause: "told Reuters the talks were ...".
_TOLD_WHOM: Final = re.compile(
    r"\s+(?:him|her|them|us|me|reporters|journalists|(?:[A-Z][\w’'.&-]*\s+){0,3}[A-Z][\w’'.&-]*)"
    r"(?:\s+(?:on|last)\s+\w+)?(?=\s+(?:the|a|an|he|she|they|it|we|his|her|their|its|there|this)\b)"
)


def _reported_before(
    text: str,
    start: int,
    end: int,
    cue_start: int,
    cue_end: int,
    spans: Sequence[Span],
    subject: Mention | None,
) -> list[_Candidate]:
    """Reported speech whose attribution follows it: "CONTENT, X said (on Monday)."

    Also "CONTENT, said X." and the parenthetical "CONTENT, X said, MORE.", which gives
    two pieces with one speaker.  ``subject`` is ``subject_before(text, cue_start, start)``.
    """
    cue = _cue_phrase(text, cue_start, cue_end)[0]
    tail = text[cue_end:end]
    inverted = False
    if subject is None and text[start:cue_start].rstrip().endswith(","):
        subject = subject_after(text, cue_end, end)
        inverted = subject is not None
    if subject is None:
        return []
    lead_end = cue_start if inverted else subject.start
    lead = text[start:lead_end].rstrip()
    if not lead.endswith(",") or _word_count(lead, 4) < 2:
        return []
    after = text[subject.end : end] if inverted else tail
    words = after.strip(' .!?"”’').split()
    more: tuple[int, int] | None = None
    if after.lstrip().startswith(",") and _word_count(after, 4) >= 3:
        more = _trim(text, end - len(after.lstrip()[1:]), end)  # "..., he said, was even more"
        if text[more[0]].isupper() or _core_word(words[0]) in _TAIL_OPENERS:
            more = None
    told_whom = cue.lower() in {"told", "tells"} and words and words[0][:1].isupper()
    if (
        more is None
        and words
        and len(words) > 3
        and _core_word(words[0]) not in _TAIL_OPENERS
        and not (told_whom and len(words) <= 8)
    ):
        return []
    if more is None and _word_count(lead, 4) < 4:
        return []
    c_start, c_end = _trim(text, start, start + len(lead))
    if c_end <= c_start or text[c_start] in _MARKS:
        return []
    found = [_make_indirect(text, c_start, c_end, subject, cue, spans, end)]
    if more is not None and more[1] > more[0] and text[more[0]] not in _MARKS:
        found.append(_make_indirect(text, more[0], more[1], subject, cue, spans, end))
    return found


def _source_phrase(text: str, start: int, stop: int) -> Mention | None:
    """Whatever names the source after "according to", when it is no name: "exit polls"."""
    begin, end = _trim(text, start, stop)
    phrase = text[begin:end]
    if not phrase or _word_count(phrase, 25) > 24 or phrase[0] in _MARKS:
        return None
    return Mention(begin, end, phrase, phrase)


_PHRASE_STOP: Final = re.compile(r"\s[—–-]\s|;|,\s(?:and|but|which|who)\b")


def _phrase_stop(text: str, start: int, stop: int) -> int:
    """Where a phrase that starts at ``start`` ends: a dash, a semicolon or the sentence end."""
    match = _PHRASE_STOP.search(text[start:stop])
    return start + match.start() if match else stop


def _core_word(word: str) -> str:
    return word.strip(",.;:!?\"“”’'").lower()


_NAMED: Final = re.compile(
    r"\b(?P<verb>called|calls|calling|described|describes|describing|dubbed|labeled|labelled|"
    r"termed)\s+(?P<object>[^“\"”.;]{1,80}?)\s+(?:as\s+)?[“\"]"
)


def _named_with_fragment(
    text: str, start: int, end: int, spans: Sequence[Span]
) -> _Candidate | None:
    """Reported speech that carries a quoted fragment: He called the plan “dead on arrival”."""
    if not any(start <= s.open_at < end and s.close_at is not None for s in spans):
        return None  # no closed quotation opens in the sentence: nothing to search for
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
    return _Candidate(QuoteKind.MIXED, c_start, c_end, mention=mention, cue=match.group("verb"))


def _make_indirect(
    text: str,
    start: int,
    end: int,
    mention: Mention,
    cue: str,
    spans: Sequence[Span],
    sentence_end: int,
    via_from: int | None = None,
) -> _Candidate:
    kind = QuoteKind.MIXED if any(start <= s.open_at < end for s in spans) else QuoteKind.INDIRECT
    via = _via(text, via_from if via_from is not None else mention.end, sentence_end)
    return _Candidate(kind, start, end, mention=mention, cue=cue, via=via)


def _indirect_candidates(
    text: str, paragraphs: Sequence[str], spans: list[Span], direct: list[_Candidate]
) -> tuple[list[_Candidate], set[int]]:
    """Indirect and mixed quotes, and the starts of direct quotes that turned out to be
    fragments of a mixed quote ("Ryan told CNN that the comments “show bias.”")."""
    found: list[_Candidate] = []
    absorbed: set[int] = set()
    starts = [s.open_at for s in spans]
    taken = sorted((c.start, c.end) for c in direct)
    taken_starts = [t[0] for t in taken]
    for p_start, p_end in _paragraph_bounds(paragraphs):
        for s_start, s_end in sentences(text, p_start, p_end):
            local = _spans_near(spans, starts, s_start, s_end)
            nearby = taken[
                max(0, bisect.bisect_left(taken_starts, s_start) - 1) : bisect.bisect_right(
                    taken_starts, s_end
                )
            ]
            if text[s_start] in _MARKS and any(a <= s_start + 1 < b for a, b in nearby):
                continue
            for candidate in _indirect_in_sentence(text, s_start, s_end, local):
                clash = [a for a, b in nearby if candidate.start < b and a < candidate.end]
                inside = [
                    a
                    for a, b in nearby
                    if candidate.start < a and b <= candidate.end + 1 and _mid_clause(text, a)
                ]
                if clash and len(inside) == len(clash):
                    absorbed.update(inside)  # the direct parts are fragments of this quote
                    candidate.kind = QuoteKind.MIXED
                elif clash:
                    # reported speech that runs into a direct quote ends before it
                    first = min(clash)
                    mark = text.rfind(" ", candidate.start, first)
                    trimmed = _trim(text, candidate.start, mark if mark > 0 else first)
                    if (
                        first <= candidate.start
                        or _word_count(text[trimmed[0] : trimmed[1]], 4) < 4
                    ):
                        continue
                    candidate.end = trimmed[1]
                    if any(candidate.start < b and a < candidate.end for a, b in nearby):
                        continue
                if candidate.mention is not None and _mention_inside_quote(
                    candidate.mention, local
                ):
                    continue
                found.append(candidate)
    return found, absorbed


def _mid_clause(text: str, content_start: int) -> bool:
    """Whether the quotation mark before ``content_start`` opens inside a running clause."""
    before = text[max(0, content_start - 40) : content_start].rstrip(_MARKS + " \u00a0")
    return bool(before) and (before[-1].isalnum() or before[-1] == ",")


def _mention_inside_quote(mention: Mention, spans: Sequence[Span]) -> bool:
    return any(s.start <= mention.start and mention.end <= s.end for s in spans)


def attribute(paragraphs: Sequence[str]) -> tuple[tuple[Speaker, ...], tuple[Quote, ...]]:
    """The speakers and quotes of an article's paragraphs."""
    text = PARAGRAPH_SEPARATOR.join(paragraphs)
    spans = find_marked_spans(paragraphs)
    direct = _direct_candidates(text, paragraphs, spans)
    indirect, absorbed = _indirect_candidates(text, paragraphs, spans, direct)
    direct = [c for c in direct if c.start not in absorbed]
    candidates = sorted(direct + indirect, key=lambda c: (c.start, c.end))
    mentions = [c.mention for c in candidates]
    speakers, speaker_ids = resolve(text, mentions)
    quotes = tuple(
        Quote(
            id=f"q{number}",
            kind=candidate.kind,
            text=text[candidate.start : candidate.end],
            start=candidate.start,
            end=candidate.end,
            speaker_id=speaker_id,
            mention=candidate.mention.text.strip() or None if candidate.mention else None,
            cue=candidate.cue,
            via=candidate.via,
        )
        for number, (candidate, speaker_id) in enumerate(
            zip(candidates, speaker_ids, strict=True), start=1
        )
    )
    return speakers, quotes


__all__ += ["PRONOUNS"]
