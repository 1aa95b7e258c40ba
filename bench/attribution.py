"""Accuracy evaluation of ``newsrecord.parse_post`` on the PolNeAR attribution corpus.

Run it from the repository root::

    python bench/attribution.py                  # dev split, table to the terminal
    python bench/attribution.py --split train --limit 200
    python bench/attribution.py --json           # machine-readable dict
    python bench/attribution.py --errors 5       # 5 examples of each kind of error
    python bench/attribution.py --corpus bench/corpora/ru --split ru   # the Russian set

The corpus (``train.jsonl`` / ``dev.jsonl``) is read at run time from ``--corpus DIR``, by
default ``../shared/corpora/polnear`` next to the repository root. Its texts are copyrighted:
nothing of them is stored in the repository, and ``--errors`` prints its examples to the
terminal only.

Scoring follows the corpus README's fair reading:

* A gold quote piece is one element of a gold quote's ``parts``.
* Every span (gold piece or predicted quote) is trimmed by moving its start and end inward
  past whitespace (including no-break and zero-width spaces), quotation marks
  (`` “ ” " ' ‘ ’ « » „ ``) and edge punctuation (``, . ; : ! ? — – -``, plus the horizontal
  bar ``―`` and the ellipsis ``…`` which this corpus uses like dashes and full stops).
* A prediction matches a gold piece when their trimmed character ranges have a Jaccard index
  (intersection length / union length) of at least 0.5. Matching is one-to-one, greedy by
  descending Jaccard (ties: earlier gold piece, then earlier prediction). With a 0.5 threshold
  on intervals a piece rarely has two candidates, so greedy and Hungarian agree in practice.
* Direct quotes: a gold piece is direct when its raw text (before trimming, after skipping
  leading whitespace) opens with a quotation mark, decided per piece by looking at
  ``text[piece_start]``; a prediction is direct when its ``kind`` is ``direct`` (``mixed`` is
  not direct). Direct predictions are matched against direct gold pieces only.
* All attributions: every gold piece against every predicted quote, whatever its kind.
* Speaker accuracy (strict): over matched direct pairs whose gold ``speaker`` is not null, the
  fraction where the predicted ``mention`` equals the gold speaker after case folding,
  whitespace normalisation and trimming edge ``, . ; :`` and quotation marks (so the gold
  ``X, a senator,`` equals the mention ``X, a senator``; an apposition is not dropped). The
  table adds a diagnostic line that also accepts the gold speaker cut before its first
  comma or parenthesis. The secondary, looser number also
  counts a pair as right when the gold speaker's words appear, as a contiguous run of whole
  words, in the name or one of the aliases of the predicted speaker (``speaker_id``), e.g.
  gold ``Trump`` against the speaker ``Donald Trump``.
* Predicted offsets index ``article.text`` (paragraphs joined by blank lines, no title); they
  are mapped back into the corpus text by locating each paragraph with a forward-moving cursor
  and, failing an exact match, by searching the quote text itself (whitespace, quotation mark
  and dash variants normalised) near the expected place. Quotes that cannot be mapped are
  counted (``unmapped``) and scored as false positives.
* An article whose parse raises is counted in ``crashes`` and scored with no predictions (its
  gold pieces are false negatives); the first traceback is printed to stderr.
* Gold pieces starting in the headline line are left out (and counted): ``article.text``
  excludes the title, so the library cannot report them. ``--include-headline`` keeps them.
* Resolved speaker: over all matched pairs whose gold source names a person or body, the
  fraction where the predicted speaker's ``name`` equals (after ``normalise_speaker``) the
  source's full name: the longest proper name in the text that ends in the source's last
  name word ("Mr. Avdonin" -> "Aleksei Avdonin"); "he"/"she"/"I" take the full name of the
  nearest earlier gold source that had one; descriptions ("the spokeswoman") are left out.
* A record may say its ``language``. In a Russian, Ukrainian or Belarusian record a piece
  that opens with a dash (``— Мы готовы, — сказал он.``, the dialogue convention) is
  direct too, and so is one that opens its paragraph without a mark and ends with ``»``
  (the rest of a quote the paragraph before left open). A record's quotes may carry
  ``speaker_name``, the speaker as the annotator resolved it (``он`` is ``Виктор
  Лозовский``, ``в министерстве`` the ministry); the resolved speaker is then scored
  against it instead of a name found in the text. PolNeAR has neither, and its scores
  are unaffected.
* Counts are micro-averaged over articles. P, R and F1 are 0 when undefined.
"""

from __future__ import annotations

import argparse
import importlib
import json
import random
import re
import statistics
import sys
import time
import traceback
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, cast

sys.path.insert(0, str(Path(__file__).resolve().parent))  # when loaded from a file path
from pronoun_gold import pronoun_gold_name

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpora" / "polnear"

QUOTE_MARKS = "“”\"'‘’«»„"
#: Languages whose dialogue lines open with a dash instead of a quotation mark.
DASH_DIALOGUE_LANGUAGES = frozenset({"ru", "uk", "be"})
DIALOGUE_DASH = "—"
EDGE_PUNCTUATION = ",.;:!?—–-―…"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
JACCARD_THRESHOLD = 0.5

Span = tuple[int, int]


# --------------------------------------------------------------------------- library types


class QuoteLike(Protocol):
    """The parts of ``newsrecord.Quote`` the evaluation reads."""

    @property
    def kind(self) -> object: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def speaker_id(self) -> str | None: ...
    @property
    def mention(self) -> str | None: ...


class SpeakerLike(Protocol):
    """The parts of ``newsrecord.Speaker`` the evaluation reads."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def aliases(self) -> Iterable[str]: ...


class ArticleLike(Protocol):
    """The parts of the object returned by ``newsrecord.parse_post`` the evaluation reads."""

    @property
    def paragraphs(self) -> Sequence[str]: ...
    @property
    def text(self) -> str: ...
    @property
    def quotes(self) -> Sequence[QuoteLike]: ...
    @property
    def speakers(self) -> Sequence[SpeakerLike]: ...


ParseFn = Callable[[str], ArticleLike]


def load_parse_post() -> ParseFn:
    """Import ``newsrecord.parse_post``, falling back to the repository's ``src`` directory."""
    try:
        module = importlib.import_module("newsrecord")
    except ModuleNotFoundError as exc:
        src = REPO_ROOT / "src"
        if exc.name != "newsrecord" or not (src / "newsrecord").is_dir():
            raise
        sys.path.insert(0, str(src))
        module = importlib.import_module("newsrecord")
    return cast(ParseFn, module.parse_post)


# --------------------------------------------------------------------------- span arithmetic


def _trimmable(ch: str) -> bool:
    return ch.isspace() or ch in QUOTE_MARKS or ch in EDGE_PUNCTUATION or ch in _INVISIBLE


def trim_span(text: str, start: int, end: int) -> Span:
    """Move ``start``/``end`` inward past spaces, quotation marks and edge punctuation.

    A span with nothing left collapses to the empty span ``(s, s)``.
    """
    start = max(0, start)
    end = min(len(text), end)
    while start < end and _trimmable(text[start]):
        start += 1
    while end > start and _trimmable(text[end - 1]):
        end -= 1
    if end < start:
        end = start
    return start, end


def jaccard(a: Span, b: Span) -> float:
    """Intersection over union of two character ranges; 0 when either is empty."""
    if a[1] <= a[0] or b[1] <= b[0]:
        return 0.0
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = (a[1] - a[0]) + (b[1] - b[0]) - inter
    return inter / union if union > 0 else 0.0


def match_spans(
    gold: Sequence[Span], pred: Sequence[Span], threshold: float = JACCARD_THRESHOLD
) -> list[tuple[int, int]]:
    """One-to-one matching of gold and predicted spans, greedy by descending Jaccard.

    Returns ``(gold_index, pred_index)`` pairs whose Jaccard is at least ``threshold``.
    Ties are broken by the earlier gold span, then the earlier prediction.
    """
    candidates: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            score = jaccard(g, p)
            if score >= threshold:
                candidates.append((score, gi, pi))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    pairs.sort()
    return pairs


def opens_with_quote_mark(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` opens (after leading whitespace) with a quotation mark."""
    while start < end and text[start].isspace():
        start += 1
    return start < end and text[start] in QUOTE_MARKS


# --------------------------------------------------------------------------- offset mapping

_MARK_FOLD = {ord(c): '"' for c in QUOTE_MARKS}
_MARK_FOLD.update({ord(c): "-" for c in "—–―‐‑‒−"})


def normalise_with_map(text: str) -> tuple[str, list[int]]:
    """Fold whitespace runs to one space, drop invisible characters, unify quote marks/dashes.

    Returns the folded string and, for each of its characters, the index in ``text`` it
    comes from.
    """
    out: list[str] = []
    index: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch in _INVISIBLE or ch == "\u00ad":
            continue
        if ch.isspace():
            if not in_space:
                out.append(" ")
                index.append(i)
            in_space = True
            continue
        in_space = False
        out.append(ch.translate(_MARK_FOLD))
        index.append(i)
    return "".join(out), index


def _fold(text: str) -> str:
    return normalise_with_map(text)[0].strip()


def _find_nearest(
    folded: str, index: list[int], needle: str, lo: int, hi: int, expected: int
) -> Span | None:
    """Occurrence of folded ``needle`` inside original range [lo, hi) nearest ``expected``."""
    if not needle:
        return None
    f_lo = bisect_right(index, lo - 1)
    best: Span | None = None
    pos = folded.find(needle, f_lo)
    while pos >= 0:
        start = index[pos]
        end = index[pos + len(needle) - 1] + 1
        if end > hi:
            break
        if best is None or abs(start - expected) < abs(best[0] - expected):
            best = (start, end)
        pos = folded.find(needle, pos + 1)
    return best


def _find_paragraph(text: str, para: str, cursor: int) -> int:
    """First exact occurrence of ``para`` from ``cursor``, preferring one at a line start.

    A short paragraph (a dash, a one-word line) can also occur inside a later paragraph;
    taking that occurrence would push the cursor past the paragraphs in between.
    """
    first = pos = text.find(para, cursor)
    while pos >= 0:
        if pos == 0 or text[pos - 1] == "\n":
            return pos
        pos = text.find(para, pos + 1)
    return first


@dataclass(frozen=True)
class _Located:
    start: int
    end: int
    exact: bool


def map_offsets(
    corpus_text: str,
    article_text: str,
    paragraphs: Sequence[str],
    spans: Sequence[Span],
) -> list[Span | None]:
    """Map ``[start, end)`` spans over ``article_text`` to spans over ``corpus_text``.

    ``article_text`` is the parsed body (``paragraphs`` joined by blank lines, title excluded);
    ``corpus_text`` is the raw corpus article whose first line is the headline. Paragraphs are
    located with a cursor moving forward through the corpus text (exact match first, then a
    whitespace/quote-mark/dash-insensitive match). A span whose paragraphs were found exactly
    is shifted; otherwise its text is searched near the expected place. ``None`` means the
    span could not be mapped.
    """
    paras = list(paragraphs) if paragraphs else [article_text]
    # where each paragraph sits in article_text
    a_starts: list[int] = []
    cursor = 0
    for para in paras:
        pos = article_text.find(para, cursor)
        if pos < 0:
            pos = min(cursor, len(article_text))
        a_starts.append(pos)
        cursor = pos + len(para)

    # where each paragraph sits in corpus_text (after the headline line)
    newline = corpus_text.find("\n")
    body_start = newline + 1 if newline >= 0 else 0
    folded, index = normalise_with_map(corpus_text)
    located: list[_Located | None] = []
    cursor = body_start
    for para in paras:
        found: _Located | None = None
        if para:
            pos = _find_paragraph(corpus_text, para, cursor)
            if pos >= 0:
                found = _Located(pos, pos + len(para), True)
            else:
                hit = _find_nearest(folded, index, _fold(para), cursor, len(corpus_text), cursor)
                if hit is not None:
                    found = _Located(hit[0], hit[1], False)
        if found is not None:
            cursor = found.end
        located.append(found)

    def paragraph_of(offset: int, is_end: bool) -> int:
        probe = offset - 1 if is_end and offset > 0 else offset
        return max(0, bisect_right(a_starts, probe) - 1)

    result: list[Span | None] = []
    for start, end in spans:
        i = paragraph_of(start, False)
        j = max(i, paragraph_of(end, True))
        li, lj = located[i], located[j]
        if li is not None and lj is not None and li.exact and lj.exact:
            c_start = li.start + min(max(start - a_starts[i], 0), li.end - li.start)
            c_end = lj.start + min(max(end - a_starts[j], 0), lj.end - lj.start)
            if i != j or corpus_text[c_start:c_end] == article_text[start:end]:
                result.append((c_start, max(c_start, c_end)))
                continue
        # fall back: search the quote text between the neighbouring located paragraphs
        lo, hi = body_start, len(corpus_text)
        for k in range(i - 1, -1, -1):
            prev = located[k]
            if prev is not None:
                lo = prev.end
                break
        for k in range(j + 1, len(located)):
            nxt = located[k]
            if nxt is not None:
                hi = nxt.start
                break
        expected = lo if li is None else li.start + max(0, start - a_starts[i])
        needle = _fold(article_text[start:end])
        result.append(_find_nearest(folded, index, needle, lo, hi, expected))
    return result


# --------------------------------------------------------------------------- speakers


def normalise_speaker(value: str | None) -> str:
    """Case-fold, collapse whitespace (no-break spaces included) and trim edge punctuation.

    The edge punctuation is what the seed post's comparison rule trims too (``, . ; :``
    and quotation marks): the gold source "X, a senator," and the mention "X, a senator"
    are the same words.
    """
    return " ".join((value or "").split()).strip(" ,.;:\"'“”‘’«»").casefold()


def gold_speaker_head(gold: str) -> str:
    """The gold speaker without an apposition or parenthesis: ``'X, a senator,'`` -> ``'X'``.

    Used only for a diagnostic line of the table, not for the reported accuracies.
    """
    return re.split(r",|\s\(", gold, maxsplit=1)[0].strip()


def _contains_words(haystack: str, needle: str) -> bool:
    words, target = haystack.split(), needle.split()
    if not target:
        return False
    n = len(target)
    return any(words[k : k + n] == target for k in range(len(words) - n + 1))


def speaker_right(gold: str, mention: str | None, names: Sequence[str] = ()) -> tuple[bool, bool]:
    """``(strict, loose)`` correctness of a predicted speaker against the gold string.

    Strict: the mention equals the gold speaker after ``normalise_speaker`` (case folding,
    whitespace normalisation, edge ``, . ; :`` and quotation marks trimmed). Loose: strict,
    or the gold speaker occurs as a run of whole words in one of ``names`` (the predicted
    speaker's name and aliases).
    """
    g = normalise_speaker(gold)
    strict = bool(g) and normalise_speaker(mention) == g
    loose = strict or any(_contains_words(normalise_speaker(n), g) for n in names)
    return strict, loose


#: Words that stand before a name without being part of it ("Sen. Ted Cruz").
_TITLE_WORDS = frozenset(
    """
    mr mrs ms miss dr sen senator rep representative gov governor president vice former
    secretary gen general adm lt col sgt judge justice mayor prof professor rev the prime
    minister ambassador pastor republican republicans democrat democrats democratic
    candidate chairman chairwoman chief leader speaker spokesman spokeswoman nominee host
    anchor billionaire businessman attorney u.s. us un uk gop team house committee labor
    defence defense foreign journalist actress actor staff state agriculture commerce
    treasury homeland security interior energy education health transportation majority
    minority whip admiral lieutenant captain officer commissioner counsel director manager
    adviser advisor strategist pollster economist analyst chair co-chair founder ceo editor
    columnist writer author commentator correspondent reporter activist executive deputy
    assistant associate senior chief congressman congresswoman councilman councilwoman
    chancellor inspector ranking rear navy army marine sergeant corporal political
    """.split()
)


def _title_like(word: str, remaining: int) -> bool:
    """Whether a word before a name is a title or an adjective of origin, not a given name.

    "Prime", "Minister", "U.S.", "Mexican President", "National Review’s": dropped when at
    least two words of the name remain; an approximation, written for this evaluation.
    """
    low = word.lower()
    return (
        low.rstrip(".") in _TITLE_WORDS
        or low in _TITLE_WORDS
        or low in _NOT_NAME
        or word.endswith(("’s", "'s"))
        or (len(word) > 1 and word.isupper())
        or (remaining > 2 and low.endswith(("ian", "can", "ese", "ish")))
    )


_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "me"})
#: A word of a name: an initial ("J.") or a capitalised word without a full stop.
_NAME_WORD = r"(?:[A-Z]\.|[A-Z][\w’'-]+)"
#: Capitalised words that start sentences or stand before names without being part of them.
_NOT_NAME = frozenset(
    """
    a an and as at but by for from if in is it of on or so the then to when while with
    experts says said told according also after before during since yet not no more most
    now despite however meanwhile still even only like although though because instead
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december
    """.split()
)


def _name_words(head: str) -> list[str]:
    """The capitalised words of a gold source head, titles and determiners dropped."""
    words = [
        w.strip(",.;:()\"“”’'") if not w.endswith(".") or len(w) > 3 else w for w in head.split()
    ]
    while words and _title_like(words[0], len(words)):
        words = words[1:]
    if not words or not all(w[:1].isupper() for w in words) or len(words) > 4:
        return []
    return words


def gold_full_name(text: str, head: str) -> str | None:
    """The proper name in ``text`` that the gold source's last name word stands for.

    ``"Mr. Avdonin"`` and ``"Avdonin"`` give ``"Aleksei Avdonin"`` when the text names him
    so anywhere; a source that is no proper name ("the spokeswoman", "he") gives ``None``.
    Of the longer forms the text has (titles and sentence openers dropped), the most
    frequent one wins, then the longest: "Ohio Gov. John Kasich" once and "John Kasich"
    twice give "John Kasich".
    """
    words = _name_words(head)
    if not words:
        return None
    surname = words[-1].rstrip(".")
    counts: dict[tuple[str, ...], int] = {}
    pattern = re.compile(rf"((?:{_NAME_WORD}[ \u00a0]+){{1,3}}){re.escape(surname)}\b")
    for match in pattern.finditer(text, headline_end(text)):
        found = match.group(1).split()
        while found and _title_like(found[0], len(found) + 1):
            found = found[1:]
        candidate = (*found, surname)
        if len(candidate) > 1 and all(w[:1].isupper() for w in candidate):
            counts[candidate] = counts.get(candidate, 0) + 1
    if not counts:
        return " ".join(words)
    best = max(counts, key=lambda c: (counts[c], len(c)))
    if len(words) > len(best):
        return " ".join(words)
    return " ".join(best)


#: How a gold pronoun source gets its full name: ``"agree"`` (see ``pronoun_gold``: the
#: person opening the sentence or the one before, else the nearest earlier source, of a
#: gender the text does not contradict) or ``"nearest"`` (the nearest earlier source's
#: name, the first approximation, kept to compare).
PRONOUN_GOLD_MODES = ("agree", "nearest")
pronoun_gold_mode = "nearest"


def resolved_gold_names(
    text: str, record: dict[str, Any], mode: str | None = None
) -> dict[int, str]:
    """The full name each gold quote's source refers to, by quote index, where one is found.

    A proper-name source ("Mr. Avdonin", "Avdonin", "Aleksei Avdonin, an expert at ...") is
    completed by :func:`gold_full_name`; "he"/"she"/"I" take a full name as ``mode`` (by
    default ``pronoun_gold_mode``) says (PolNeAR has no coreference: this approximates it
    the way a reader would).  Descriptions ("the spokeswoman") are not scored.
    """
    mode = mode or pronoun_gold_mode
    names: dict[int, str] = {}
    ordered = sorted(
        (q.get("source_start") or 0, k, q) for k, q in enumerate(record.get("quotes", []))
    )
    earlier: list[str] = []
    sources = {
        gold_full_name(text, gold_speaker_head(q["speaker"]))
        for q in record.get("quotes", [])
        if q.get("speaker") and gold_speaker_head(q["speaker"]).lower() not in _PERSON_PRONOUNS
    }
    sources.discard(None)
    by_pronoun: dict[str, str] = {}
    for start, k, quote in ordered:
        speaker = quote.get("speaker")
        if not speaker:
            continue
        head = gold_speaker_head(speaker)
        if head.lower() in _PERSON_PRONOUNS:
            if mode == "agree":
                found = pronoun_gold_name(
                    text,
                    start,
                    head,
                    earlier,
                    gold_full_name,
                    headline_end(text),
                    sources,
                    by_pronoun,
                )
            else:
                found = earlier[-1] if earlier else None
            if found is not None:
                names[k] = found
                by_pronoun[head.lower()] = found
            continue
        full = gold_full_name(text, head)
        if full is not None:
            names[k] = full
            earlier.append(full)
    return names


# --------------------------------------------------------------------------- scoring


@dataclass
class Counts:
    """True positives, false positives and false negatives with derived P, R, F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, n_gold: int, n_pred: int, n_matched: int) -> None:
        self.tp += n_matched
        self.fp += n_pred - n_matched
        self.fn += n_gold - n_matched

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "p": self.precision,
            "r": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(frozen=True)
class GoldPiece:
    """One element of a gold quote's ``parts``, in corpus-text coordinates."""

    raw: Span
    span: Span
    direct: bool
    speaker: str | None
    #: The full name of the person the source refers to (see :func:`resolved_gold_names`),
    #: or the quote's ``speaker_name`` when the record gives one.
    full_name: str | None = None


@dataclass(frozen=True)
class Prediction:
    """One predicted quote mapped into corpus-text coordinates (``raw`` None if unmapped)."""

    raw: Span | None
    span: Span
    direct: bool
    mention: str | None
    names: tuple[str, ...]


@dataclass(frozen=True)
class ErrorExample:
    """A scoring error kept for ``--errors`` (printed to the terminal only)."""

    category: str
    article_id: str
    text: str
    span: Span
    note: str


@dataclass
class Report:
    """Everything one evaluation run accumulates."""

    articles: int = 0
    direct: Counts = field(default_factory=Counts)
    all: Counts = field(default_factory=Counts)
    speaker_pairs: int = 0
    speaker_strict: int = 0
    speaker_loose: int = 0
    speaker_head: int = 0
    resolved_pairs: int = 0
    resolved_right: int = 0
    timings_ms: list[float] = field(default_factory=list)
    crashes: int = 0
    first_traceback: str | None = None
    unmapped: int = 0
    headline_pieces: int = 0
    errors: list[ErrorExample] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        pairs = self.speaker_pairs
        return {
            "articles": self.articles,
            "direct": self.direct.as_dict(),
            "all": self.all.as_dict(),
            "speaker_accuracy": self.speaker_strict / pairs if pairs else 0.0,
            "speaker_accuracy_loose": self.speaker_loose / pairs if pairs else 0.0,
            "resolved_speaker_accuracy": (
                self.resolved_right / self.resolved_pairs if self.resolved_pairs else 0.0
            ),
            "resolved_speaker_pairs": self.resolved_pairs,
            "ms_per_article_median": (
                statistics.median(self.timings_ms) if self.timings_ms else 0.0
            ),
            "ms_per_article_mean": statistics.fmean(self.timings_ms) if self.timings_ms else 0.0,
            "crashes": self.crashes,
            "unmapped": self.unmapped,
        }


def headline_end(text: str) -> int:
    """End of the corpus article's first line (the headline)."""
    newline = text.find("\n")
    return newline if newline >= 0 else 0


def continues_a_quote(text: str, start: int, end: int) -> bool:
    """Whether a piece is the rest of a quote the paragraph before left open, as Russian
    typography writes it: it opens its paragraph without a mark and ends with the
    closing « »'s mark (``«… лет.`` then ``Теперь … в Минск»``)."""
    return text[max(0, start - 1) : start] == "\n" and text[start:end].rstrip().endswith("»")


def gold_pieces(record: dict[str, Any], include_headline: bool = False) -> list[GoldPiece]:
    """The gold pieces of one corpus article.

    Pieces starting in the headline line are left out unless ``include_headline``: the
    library's quotes index ``article.text``, which excludes the title, so they could never
    be matched.
    """
    text: str = record["text"]
    body = 0 if include_headline else headline_end(text)
    language = str(record.get("language") or "").split("-")[0].lower()
    dash_dialogue = language in DASH_DIALOGUE_LANGUAGES
    pieces: list[GoldPiece] = []
    full_names = resolved_gold_names(text, record)
    for index, quote in enumerate(record.get("quotes", [])):
        for start, end in quote["parts"]:
            if start < body:
                continue
            pieces.append(
                GoldPiece(
                    raw=(start, end),
                    span=trim_span(text, start, end),
                    direct=opens_with_quote_mark(text, start, end)
                    or (dash_dialogue and text[start:end].lstrip().startswith(DIALOGUE_DASH))
                    or (dash_dialogue and continues_a_quote(text, start, end)),
                    speaker=quote.get("speaker"),
                    full_name=quote.get("speaker_name") or full_names.get(index),
                )
            )
    return pieces


def predictions(corpus_text: str, article: ArticleLike) -> list[Prediction]:
    """The article's quotes mapped into ``corpus_text`` and trimmed."""
    quotes = list(article.quotes)
    spans = map_offsets(
        corpus_text, article.text, tuple(article.paragraphs), [(q.start, q.end) for q in quotes]
    )
    by_id: dict[str, SpeakerLike] = {s.id: s for s in article.speakers}
    out: list[Prediction] = []
    for quote, raw in zip(quotes, spans, strict=True):
        kind = getattr(quote.kind, "value", quote.kind)
        speaker = by_id.get(quote.speaker_id) if quote.speaker_id is not None else None
        names: tuple[str, ...] = ()
        if speaker is not None:
            aliases = speaker.aliases
            alias_list = [aliases] if isinstance(aliases, str) else list(aliases or ())
            names = tuple(n for n in [speaker.name, *alias_list] if n)
        out.append(
            Prediction(
                raw=raw,
                span=trim_span(corpus_text, *raw) if raw is not None else (0, 0),
                direct=kind == "direct",
                mention=quote.mention,
                names=names,
            )
        )
    return out


def score_article(
    report: Report, article_id: str, text: str, gold: list[GoldPiece], preds: list[Prediction]
) -> None:
    """Add one article's counts (and error examples) to ``report``."""
    report.unmapped += sum(1 for p in preds if p.raw is None)

    def examples(category: str, spans: Iterable[Span | None], note: str = "") -> None:
        for span in spans:
            report.errors.append(
                ErrorExample(category, article_id, text, span or (0, 0), note or "unmapped")
            )

    # all attributions
    pairs = match_spans([g.span for g in gold], [p.span for p in preds])
    report.all.add(len(gold), len(preds), len(pairs))
    # the resolved speaker: the predicted speaker's name against the source's full name
    for gi, pi in pairs:
        g, p = gold[gi], preds[pi]
        if g.full_name is None:
            continue
        report.resolved_pairs += 1
        predicted = p.names[0] if p.names else None
        if normalise_speaker(predicted) == normalise_speaker(g.full_name):
            report.resolved_right += 1
        else:
            examples("resolved", [g.raw], f"gold {g.full_name!r}, speaker {predicted!r}")
    hit_g = {gi for gi, _ in pairs}
    hit_p = {pi for _, pi in pairs}
    examples("all FN", (g.raw for k, g in enumerate(gold) if k not in hit_g), "missed")
    for k, p in enumerate(preds):
        if k not in hit_p:
            examples("all FP", [p.raw], "spurious" if p.raw is not None else "")

    # direct quotes
    d_gold = [g for g in gold if g.direct]
    d_pred = [p for p in preds if p.direct]
    pairs = match_spans([g.span for g in d_gold], [p.span for p in d_pred])
    report.direct.add(len(d_gold), len(d_pred), len(pairs))
    hit_g = {gi for gi, _ in pairs}
    hit_p = {pi for _, pi in pairs}
    examples("direct FN", (g.raw for k, g in enumerate(d_gold) if k not in hit_g), "missed")
    for k, p in enumerate(d_pred):
        if k not in hit_p:
            examples("direct FP", [p.raw], "spurious" if p.raw is not None else "")

    # speakers of matched direct quotes
    for gi, pi in pairs:
        g, p = d_gold[gi], d_pred[pi]
        if g.speaker is None:
            continue
        strict, loose = speaker_right(g.speaker, p.mention, p.names)
        report.speaker_pairs += 1
        report.speaker_strict += strict
        report.speaker_loose += loose
        report.speaker_head += strict or speaker_right(gold_speaker_head(g.speaker), p.mention)[0]
        if not strict:
            note = f"gold {g.speaker!r}, mention {p.mention!r}, speaker {p.names[:1]!r}"
            examples("speaker", [g.raw], note)


def load_split(corpus_dir: Path, split: str, limit: int | None = None) -> list[dict[str, Any]]:
    """Read ``<split>.jsonl`` (one article a line), keeping the first ``limit`` articles."""
    records: list[dict[str, Any]] = []
    with (Path(corpus_dir) / f"{split}.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if limit is not None and len(records) >= limit:
                break
            if line.strip():
                records.append(json.loads(line))
    return records


def run(
    corpus_dir: Path,
    split: str,
    limit: int | None = None,
    *,
    parse: ParseFn | None = None,
    include_headline: bool = False,
) -> Report:
    """Parse every article of the split and score it; the full ``Report``."""
    parse_post = parse if parse is not None else load_parse_post()
    report = Report()
    for record in load_split(corpus_dir, split, limit):
        report.articles += 1
        text: str = record["text"]
        gold = gold_pieces(record, include_headline)
        report.headline_pieces += sum(len(q["parts"]) for q in record["quotes"]) - len(gold)
        try:
            t0 = time.perf_counter()
            article = parse_post(text)
            report.timings_ms.append((time.perf_counter() - t0) * 1000.0)
        except Exception:  # counted and reported, not hidden
            report.crashes += 1
            if report.first_traceback is None:
                report.first_traceback = f"article {record.get('id')}:\n{traceback.format_exc()}"
            preds: list[Prediction] = []
        else:
            preds = predictions(text, article)
        score_article(report, str(record.get("id", report.articles)), text, gold, preds)
    return report


def evaluate(
    corpus_dir: Path,
    split: str,
    limit: int | None = None,
    *,
    parse: ParseFn | None = None,
    include_headline: bool = False,
) -> dict[str, Any]:
    """Scores of ``newsrecord.parse_post`` (or ``parse``) on a corpus split, as a dict.

    Keys: articles, direct {p, r, f1, tp, fp, fn}, all {p, r, f1, tp, fp, fn},
    speaker_accuracy, speaker_accuracy_loose, ms_per_article_median, ms_per_article_mean,
    crashes, unmapped.
    """
    report = run(corpus_dir, split, limit, parse=parse, include_headline=include_headline)
    return report.as_dict()


# --------------------------------------------------------------------------- command line


def format_table(report: Report, split: str, corpus: str = "PolNeAR") -> str:
    """The human-readable summary (``corpus`` names the corpus in its first line)."""
    d = report.as_dict()
    lines = [
        f"{corpus} {split}: {d['articles']} articles, {d['crashes']} crashes, "
        f"{d['unmapped']} unmapped quotes",
        f"gold pieces left out because they start in the headline: {report.headline_pieces}",
        "",
        f"{'':<18}{'P':>7}{'R':>7}{'F1':>7}{'tp':>7}{'fp':>7}{'fn':>7}",
    ]
    for label, key in (("direct quotes", "direct"), ("all attributions", "all")):
        c = d[key]
        lines.append(
            f"{label:<18}{c['p']:>7.3f}{c['r']:>7.3f}{c['f1']:>7.3f}"
            f"{c['tp']:>7}{c['fp']:>7}{c['fn']:>7}"
        )
    lines += [
        "",
        f"speaker on matched direct quotes (n={report.speaker_pairs}):",
        f"  strict  mention == gold speaker         {d['speaker_accuracy']:.3f}",
        f"  (secondary) loose  + name/alias match   {d['speaker_accuracy_loose']:.3f}",
        f"  (diagnostic) strict, or mention == gold name without apposition   "
        f"{report.speaker_head / max(report.speaker_pairs, 1):.3f}",
        "",
        f"resolved speaker on matched attributions (n={report.resolved_pairs}, "
        f"pronoun gold: {pronoun_gold_mode}):",
        f"  speaker name == full name of the gold source   {d['resolved_speaker_accuracy']:.3f}",
        "",
        f"parse_post: median {d['ms_per_article_median']:.2f} ms, "
        f"mean {d['ms_per_article_mean']:.2f} ms per article",
    ]
    return "\n".join(lines)


def _context(example: ErrorExample, width: int = 60) -> str:
    start, end = example.span
    text = example.text
    snippet = (
        text[max(0, start - width) : start]
        + "[["
        + text[start:end]
        + "]]"
        + text[end : end + width]
    )
    return " ".join(snippet.split())


def format_errors(report: Report, k: int, seed: int = 0) -> str:
    """Up to ``k`` examples of each error category, sampled reproducibly."""
    rng = random.Random(seed)
    lines: list[str] = []
    for category in ("direct FN", "direct FP", "speaker", "resolved", "all FN", "all FP"):
        pool = [e for e in report.errors if e.category == category]
        chosen = rng.sample(pool, min(k, len(pool)))
        lines.append(f"--- {category}: {len(chosen)} of {len(pool)}")
        for e in chosen:
            lines.append(f"[{e.article_id}] {e.note}")
            lines.append(f"    {_context(e)}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus directory")
    parser.add_argument(
        "--split",
        default="dev",
        help="the corpus file <split>.jsonl: dev, train; ru, heldout, heldout2 in bench/corpora/ru",
    )
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--errors", type=int, default=0, metavar="K", help="print K examples of each error kind"
    )
    parser.add_argument(
        "--include-headline",
        action="store_true",
        help="also score gold pieces in the headline line (unreachable: the title is not "
        "part of article.text)",
    )
    parser.add_argument(
        "--pronoun-gold",
        choices=PRONOUN_GOLD_MODES,
        default="nearest",
        help="how a gold he/she/I gets a full name for the resolved speaker: the person "
        "opening the sentence or the one before, else the nearest earlier source, of a "
        "gender the text allows (agree); or the nearest earlier source (nearest, the first "
        "approximation)",
    )
    args = parser.parse_args(argv)
    global pronoun_gold_mode
    pronoun_gold_mode = args.pronoun_gold
    if not (args.corpus / f"{args.split}.jsonl").is_file():
        parser.error(f"no {args.split}.jsonl in {args.corpus}")

    report = run(args.corpus, args.split, args.limit, include_headline=args.include_headline)
    if report.first_traceback is not None:
        print(f"first crash ({report.crashes} in all) {report.first_traceback}", file=sys.stderr)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        corpus = "PolNeAR" if args.corpus == DEFAULT_CORPUS else args.corpus.name
        print(format_table(report, args.split, corpus))
    if args.errors > 0:
        print(format_errors(report, args.errors), file=sys.stderr if args.json else sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
