"""Helpers of the parser's tests: run the attribution stages on paragraphs, check the result."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from newsrecord import Article, Quote, QuoteKind, Speaker, SpeakerKind
from newsrecord._model import PARAGRAPH_SEPARATOR
from newsrecord.parse._assemble import attribute

DIRECT = QuoteKind.DIRECT
INDIRECT = QuoteKind.INDIRECT
MIXED = QuoteKind.MIXED
PERSON = SpeakerKind.PERSON
ORGANIZATION = SpeakerKind.ORGANIZATION

_EDGES = " ,.;:“”\"'‘’«»„"


def core(text: str) -> str:
    """A quote's text without its edge punctuation, for comparing reported speech."""
    return text.strip(_EDGES)


@attrs.frozen
class Result:
    text: str
    speakers: tuple[Speaker, ...]
    quotes: tuple[Quote, ...]

    def speaker(self, quote: Quote) -> Speaker | None:
        return next((s for s in self.speakers if s.id == quote.speaker_id), None)

    def name(self, quote: Quote) -> str | None:
        speaker = self.speaker(quote)
        return speaker.name if speaker is not None else None

    def names(self) -> list[str]:
        return [speaker.name for speaker in self.speakers]


def check(
    paragraphs: Sequence[str], speakers: tuple[Speaker, ...], quotes: tuple[Quote, ...]
) -> str:
    """The invariants every result of :func:`attribute` keeps."""
    text = PARAGRAPH_SEPARATOR.join(paragraphs)
    assert [q.id for q in quotes] == [f"q{n}" for n in range(1, len(quotes) + 1)]
    assert [s.id for s in speakers] == [f"s{n}" for n in range(1, len(speakers) + 1)]
    ids = {s.id for s in speakers}
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        assert quote.speaker_id is None or quote.speaker_id in ids
    starts = [(q.start, q.end) for q in quotes]
    assert starts == sorted(starts)
    # only people and organisations quoted are speakers
    assert {q.speaker_id for q in quotes if q.speaker_id is not None} == ids
    # and the record model accepts the result
    Article(id="a", title="t", paragraphs=tuple(paragraphs), speakers=speakers, quotes=quotes)
    return text


def run(*paragraphs: str) -> Result:
    speakers, quotes = attribute(list(paragraphs))
    text = check(paragraphs, speakers, quotes)
    return Result(text=text, speakers=speakers, quotes=quotes)


def one(result: Result) -> Quote:
    assert len(result.quotes) == 1, result.quotes
    return result.quotes[0]
