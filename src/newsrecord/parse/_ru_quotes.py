"""Direct quotes of a Russian post and their attribution by the dash conventions.

A quote in marks is attributed by the dash after it (``«…», — сказал он.``, ``«…», —
отметил министр обороны X``), by the author's words inside the marks (``«…, — отметил X.
— …»``, two quotes, one speaker) or by a colon before it (``X заявил: «…»``, also at the
end of the previous paragraph, and ``X не скрывала восторга: «…»`` after a named
person).  A dialogue line opening with a dash is a direct quote too, split by the dashes
around the author's words (``— …, — сказала X. — …``).  A quote left open at the end of a
paragraph goes on in the next one up to its closing mark (``«…`` then ``…», — сказала
X.``), both parts X's.  :func:`direct_candidates` gives them all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from newsrecord._model import QuoteKind
from newsrecord.parse._ru_marks import Marked, scan_marks, start_of_sentence
from newsrecord.parse._ru_mentions import (
    Candidate,
    Mention,
    document_source,
    subject_mention,
    token_spans,
)
from newsrecord.parse._ru_words import capitalised, cue_form, fold, is_quoted_name, word_count

__all__ = ["DIALOGUE_START", "direct_candidates"]

_MIN_UNATTRIBUTED_WORDS: Final = 8


_AFTER: Final = re.compile(r"[,.!?…]?[\s\u00a0]*[—–][\s\u00a0]+")
_CLAUSE_END: Final = re.compile(r"[.!?…]|,[\s\u00a0]+[—–][\s\u00a0]")


def _attribution_clause(text: str, start: int, end: int) -> tuple[Mention, str, int] | None:
    """``сказал он`` or ``он сказал`` from ``start``: the mention, the cue and where the
    clause ends."""
    stop = _CLAUSE_END.search(text, start, end)
    clause_end = stop.start() if stop else end
    document = document_source(text, start, clause_end)  # "— говорится в сообщении X"
    if document is not None:
        return document[0], document[1], clause_end
    tokens = token_spans(text, start, clause_end)
    if not tokens:
        return None
    for index, (t_start, t_end, word) in enumerate(tokens[:6]):
        gender = cue_form(word)
        if gender is None:
            continue
        if index == 0 or (index == 1 and fold(tokens[0][2]) == "не"):  # "— не исключил он"
            mention = subject_mention(text, t_end, clause_end, gender=gender, after_cue=True)
        else:
            mention = subject_mention(text, start, t_start, gender=gender, after_cue=False)
        if mention is None:
            return None
        return mention, word, clause_end
    return None


def _after_quote(text: str, close_at: int, end: int) -> tuple[Mention, str, int] | None:
    dash = _AFTER.match(text, close_at + 1, end)
    if dash is None:
        return None
    return _attribution_clause(text, dash.end(), end)


def _before_colon(text: str, start: int, colon: int) -> tuple[Mention, str] | None:
    """``X заявил:`` ending at ``colon``: the mention and the cue.

    Without a cue verb, a person named first and the words after the name are the
    mention and the cue (``певица Мария Сантос не скрывала восторга:``).
    """
    tokens = token_spans(text, start, colon)
    for t_start, _t_end, word in reversed(tokens[-8:]):
        gender = cue_form(word)
        if gender is not None:
            mention = subject_mention(text, start, t_start, gender=gender, after_cue=False)
            return (mention, word) if mention is not None else None
    for index in range(1, min(len(tokens) - 1, 10)):
        first, last = tokens[index - 1][2], tokens[index][2]
        after = tokens[index + 1][2]
        if (
            capitalised(first)
            and capitalised(last)
            and not is_quoted_name(last)
            and (after == "," or after.islower())
        ):
            cue_start = tokens[index + 1][1] if after == "," else tokens[index + 1][0]
            cue = text[cue_start:colon].strip()
            if cue and word_count(cue) <= 4 and not _CLAUSE_MARK.search(cue):
                mention_start = tokens[0][0]
                mention_end = tokens[index][1]
                return Mention(mention_start, mention_end, text[mention_start:mention_end]), cue
            break
    return None


_CLAUSE_MARK: Final = re.compile(r"[,;«»„“\"]")


def _colon_before(
    text: str, marked: Marked, bounds: Sequence[tuple[int, int]]
) -> tuple[Mention, str] | None:
    p_start, _p_end = bounds[marked.paragraph]
    before = text[p_start : marked.open_at].rstrip()
    if before.endswith(":"):
        colon = p_start + len(before) - 1
        sentence_start = start_of_sentence(text, p_start, colon)
        return _before_colon(text, sentence_start, colon)
    if not before and marked.paragraph > 0:
        q_start, q_end = bounds[marked.paragraph - 1]
        previous = text[q_start:q_end].rstrip()
        if previous.endswith(":"):
            colon = q_start + len(previous) - 1
            return _before_colon(text, start_of_sentence(text, q_start, colon), colon)
    return None


DIALOGUE_START: Final = re.compile(r"[—–][\s\u00a0]+")
_DIALOGUE_BREAK: Final = re.compile(r"(?<=[,!?…])[\s\u00a0]+[—–][\s\u00a0]+(?=[а-яё])")
_DIALOGUE_GOES_ON: Final = re.compile(r"[.,][\s\u00a0]+[—–][\s\u00a0]+")


def _dialogue(text: str, start: int, end: int) -> list[Candidate]:
    """The pieces of a dialogue line (``— …, — сказала X. — …``) and their attribution."""
    opening = DIALOGUE_START.match(text, start, end)
    if opening is None:
        return []
    pieces: list[tuple[int, int]] = []
    attribution: tuple[Mention, str, int] | None = None
    at = opening.end()
    while at < end:
        found = _DIALOGUE_BREAK.search(text, at, end) if attribution is None else None
        if found is None:
            pieces.append((at, end))
            break
        clause = _attribution_clause(text, found.end(), end)
        if clause is None:
            pieces.append((at, end))
            break
        pieces.append((at, found.start()))
        attribution = clause
        goes_on = _DIALOGUE_GOES_ON.match(text, clause[2], end)
        if goes_on is None:
            break
        at = goes_on.end()
    if attribution is None and word_count(text[start:end]) < _MIN_UNATTRIBUTED_WORDS:
        return []
    mention, cue = (attribution[0], attribution[1]) if attribution else (None, None)
    return [Candidate(QuoteKind.DIRECT, s, e, mention=mention, cue=cue) for s, e in pieces if e > s]


def _inside_attribution(text: str, piece: Marked) -> list[Candidate]:
    """``«…, — отметил X. — …»``: the author's words inside the marks split the quote."""
    found = _DIALOGUE_BREAK.search(text, piece.start, piece.end)
    if found is None:
        return []
    clause = _attribution_clause(text, found.end(), piece.end)
    if clause is None:
        return []
    goes_on = _DIALOGUE_GOES_ON.match(text, clause[2], piece.end)
    pieces = [(piece.start, found.start())]
    if goes_on is not None:
        pieces.append((goes_on.end(), piece.end))
    return [
        Candidate(QuoteKind.DIRECT, s, e, mention=clause[0], cue=clause[1])
        for s, e in pieces
        if e > s
    ]


def direct_candidates(
    text: str, bounds: Sequence[tuple[int, int]]
) -> tuple[list[Candidate], list[Marked]]:
    """The direct quotes of an article (paragraph ``bounds`` in ``text``) and every quoted
    piece outside dialogue lines."""
    found: list[Candidate] = []
    all_marked: list[Marked] = []
    open_piece: int | None = None  # the candidate of a quote left open by the paragraph
    for index, (p_start, p_end) in enumerate(bounds):
        if DIALOGUE_START.match(text, p_start, p_end):
            found.extend(_dialogue(text, p_start, p_end))
            open_piece = None
            continue
        marked = scan_marks(text, p_start, p_end, index)
        if open_piece is not None:
            marked = _continued(text, p_start, p_end, index, marked)
            if marked and marked[0].open_at == p_start and not text.startswith("«", p_start):
                found[open_piece] = _shared(found[open_piece], marked[0], text, p_end)
        open_piece = None
        all_marked.extend(marked)
        for piece in marked:
            inside = _inside_attribution(text, piece)
            if inside:
                found.extend(inside)
                continue
            attribution = (
                _after_quote(text, piece.close_at, p_end) if piece.close_at is not None else None
            )
            mention: Mention | None = None
            cue: str | None = None
            if attribution is not None:
                mention, cue = attribution[0], attribution[1]
            else:
                colon = _colon_before(text, piece, bounds)
                if colon is not None:
                    mention, cue = colon
            if mention is None and (
                word_count(text[piece.start : piece.end]) < _MIN_UNATTRIBUTED_WORDS
            ):
                continue
            found.append(Candidate(QuoteKind.DIRECT, piece.start, piece.end, mention, cue))
            if piece.close_at is None:
                open_piece = len(found) - 1
    return found, all_marked


def _continued(
    text: str, p_start: int, p_end: int, paragraph: int, marked: list[Marked]
) -> list[Marked]:
    """The paragraph's pieces, the first of them the rest of the quote the paragraph before
    left open, when the paragraph has its closing mark and no opening one before it
    ("«… лет.", then "Теперь … в Минск», — сказала Шумская.")."""
    close = text.find("»", p_start, p_end)
    if close <= p_start or "«" in text[p_start:close]:
        return marked
    rest = [m for m in marked if m.open_at > close]
    return [Marked(p_start, close, p_start, close, paragraph), *rest]


def _shared(opened: Candidate, rest: Marked, text: str, p_end: int) -> Candidate:
    """The open quote's candidate with the attribution after the rest of it, if it had none."""
    if opened.mention is not None or rest.close_at is None:
        return opened
    attribution = _after_quote(text, rest.close_at, p_end)
    if attribution is None:
        return opened
    return Candidate(QuoteKind.DIRECT, opened.start, opened.end, attribution[0], attribution[1])
