"""Hypothesis strategies for valid newsrecord records.

``articles()`` builds :class:`~newsrecord.Article` instances that satisfy every validator
of the model: non-blank titles and ids, well-formed language tags, quotes whose
``start``/``end`` index into ``"\\n\\n".join(paragraphs)`` with ``text`` equal to that
slice, unique speaker, quote and entity ids, speaker references that resolve (each
speaker linked to one entity at most), entity mentions located like quotes, and now and
then a ``title_quote`` located in the title (its id none of the body quotes').  The text is
deliberately awkward: control characters, NUL, no-break and zero-width spaces, quotation
marks, right-to-left text, line and paragraph separators.

``articles(surrogates=True)`` also draws lone surrogates (``"\\ud800"``), which UTF-8
cannot carry and JSON must escape.  A high surrogate directly followed by a low one is
never produced: JSON reads the escapes ``\\ud83d\\ude00`` as the single character U+1F600,
so such a pair of code points cannot survive any JSON round trip.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from hypothesis import strategies as st

from newsrecord import Affiliation, Article, Entity, Quote, QuoteKind, Span, Speaker, SpeakerKind

__all__ = [
    "INVALID_LANGUAGE_TAGS",
    "LANGUAGE_TAGS",
    "OFFSETS",
    "TRICKY_STRINGS",
    "articles",
    "datetimes",
    "texts",
]

#: Strings that have broken text handling somewhere, at some time.
TRICKY_STRINGS: tuple[str, ...] = (
    "",
    " ",
    "\u00a0",  # no-break space (white space for str.strip)
    "\u200b",  # zero-width space (not white space for str.strip)
    "\u200d",
    "\ufeff",  # byte order mark / zero-width no-break space
    "\u200f",  # right-to-left mark
    "\u202e",  # right-to-left override
    "שלום, עולם",
    "مرحبا بالعالم",
    "e\u0301",  # e + combining acute
    "é",
    "😀",
    "\U0010ffff",
    '"',
    "'",
    "«»",
    "„Hallo“",
    "“quoted”",
    ",",
    ";",
    "\n",
    "\r",
    "\r\n",
    "\n\n",
    "\t",
    "\x00",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x85",
    "\u2028",
    "\u2029",
    "\\",
    "\\u0000",
    "\\n",
    "{}",
    "[]",
    '{"a": 1}',
    "null",
    "None",
    "NaN",
    "Infinity",
    "<b>bold</b>",
    "x" * 300,
)

#: Well-formed BCP 47 tags (in assorted case).
LANGUAGE_TAGS: tuple[str, ...] = (
    "en",
    "de",
    "ru",
    "fr-CA",
    "zh-CN",
    "zh-cn",
    "zh-Hant-TW",
    "sr-Latn-RS",
    "es-419",
    "de-CH-1901",
    "en-a-bbb-x-ccc",
    "und",
    "mul",
    "yue",
)

#: Strings that are not well-formed BCP 47 tags.
INVALID_LANGUAGE_TAGS: tuple[str, ...] = (
    "",
    "e",
    "en_US",
    " en",
    "en ",
    "en-",
    "english",
    "x-private",
    "i-klingon",
    "12",
)

#: UTC offsets, the odd ones included.
OFFSETS: tuple[dt.timezone, ...] = (
    dt.timezone.utc,
    dt.timezone(dt.timedelta(hours=5, minutes=45)),  # Nepal
    dt.timezone(dt.timedelta(hours=-3, minutes=-30)),  # Newfoundland
    dt.timezone(dt.timedelta(hours=5, minutes=30)),
    dt.timezone(dt.timedelta(hours=14)),
    dt.timezone(dt.timedelta(hours=-12)),
    dt.timezone(dt.timedelta(hours=23, minutes=59)),
    dt.timezone(dt.timedelta(hours=-1, seconds=-7)),  # seconds: isoformat writes them
    dt.timezone(dt.timedelta(hours=3), "MSK"),  # a name is not kept, the offset is
)

_PAIR = re.compile("([\ud800-\udbff])(?=[\udc00-\udfff])")


def _break_surrogate_pairs(text: str) -> str:
    return _PAIR.sub("\\1_", text)


def _ensure_visible(text: str) -> str:
    return text if text.strip() else text + "x"


@functools.cache
def texts(*, surrogates: bool = False, max_size: int = 12) -> st.SearchStrategy[str]:
    """Arbitrary text, mixed with :data:`TRICKY_STRINGS`; may be empty or blank."""
    alphabet = st.characters() if surrogates else st.characters(codec="utf-8")
    pieces = [st.text(alphabet, max_size=max_size), st.sampled_from(TRICKY_STRINGS)]
    if surrogates:  # st.characters() draws them too, but rarely
        pieces.append(st.characters(categories=["Cs"]))
    piece = st.one_of(pieces)
    joined = st.lists(piece, max_size=3).map("".join)
    if surrogates:
        joined = joined.map(_break_surrogate_pairs)
    return joined


@functools.cache
def _non_blank(*, surrogates: bool) -> st.SearchStrategy[str]:
    """Text with something else than white space in it (what ``_non_empty`` requires)."""
    return texts(surrogates=surrogates).map(_ensure_visible)


@functools.cache
def _optional_non_blank(*, surrogates: bool) -> st.SearchStrategy[str | None]:
    return st.none() | _non_blank(surrogates=surrogates)


@functools.cache
def datetimes() -> st.SearchStrategy[dt.datetime]:
    """Naive and aware date-times (fixed offsets), with and without microseconds."""
    naive = st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30))
    whole_seconds = naive.map(lambda value: value.replace(microsecond=0))
    zone = st.one_of(st.none(), st.sampled_from(OFFSETS))
    return st.builds(
        lambda value, zone: value.replace(tzinfo=zone),
        st.one_of(naive, whole_seconds),
        zone,
    )


@functools.cache
def _affiliations(*, surrogates: bool) -> st.SearchStrategy[Affiliation]:
    text = _non_blank(surrogates=surrogates)
    return st.one_of(
        st.builds(Affiliation, organization=text),
        st.builds(Affiliation, role=text),
        st.builds(Affiliation, organization=text, role=text),
    )


@functools.cache
def _speaker_parts(
    *, surrogates: bool
) -> st.SearchStrategy[tuple[str, SpeakerKind, tuple[str, ...], tuple[Affiliation, ...]]]:
    """Everything of a speaker but its id."""
    return st.tuples(
        _non_blank(surrogates=surrogates),
        st.sampled_from(SpeakerKind),
        st.lists(texts(surrogates=surrogates), max_size=2).map(tuple),
        st.lists(_affiliations(surrogates=surrogates), max_size=2).map(tuple),
    )


@functools.cache
def _ids(*, surrogates: bool) -> st.SearchStrategy[list[str]]:
    return st.lists(_non_blank(surrogates=surrogates), max_size=3, unique=True)


@st.composite
def _speakers(draw: st.DrawFn, *, surrogates: bool) -> tuple[Speaker, ...]:
    speakers = []
    for ident in draw(_ids(surrogates=surrogates)):
        name, kind, aliases, affiliations = draw(_speaker_parts(surrogates=surrogates))
        speakers.append(
            Speaker(id=ident, name=name, kind=kind, aliases=aliases, affiliations=affiliations)
        )
    return tuple(speakers)


@st.composite
def _quote(
    draw: st.DrawFn, ident: str, text: str, speaker_ids: tuple[str, ...], *, surrogates: bool
) -> Quote:
    """A quote of ``text`` (an article's text, or its title) with the id ``ident``."""
    start, end = draw(_span(text))
    speaker = st.none() | st.sampled_from(speaker_ids) if speaker_ids else st.none()
    optional = _optional_non_blank(surrogates=surrogates)
    return Quote(
        id=ident,
        kind=draw(st.sampled_from(QuoteKind)),
        text=text[start:end],
        start=start,
        end=end,
        speaker_id=draw(speaker),
        mention=draw(optional),
        cue=draw(optional),
        via=draw(optional),
    )


@st.composite
def _quotes(
    draw: st.DrawFn, text: str, speaker_ids: tuple[str, ...], *, surrogates: bool
) -> tuple[Quote, ...]:
    if not text.strip():
        return ()
    return tuple(
        draw(_quote(ident, text, speaker_ids, surrogates=surrogates))
        for ident in draw(_ids(surrogates=surrogates))
    )


@st.composite
def _span(draw: st.DrawFn, text: str) -> tuple[int, int]:
    """``(start, end)`` of a non-blank piece of ``text``, which must not be blank."""
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    if not text[start:end].strip():  # a blank span cannot be a quote or a mention: widen it
        start, end = 0, len(text)
    return start, end


@st.composite
def _entities(
    draw: st.DrawFn, text: str, speaker_ids: tuple[str, ...], *, surrogates: bool
) -> tuple[Entity, ...]:
    unlinked = list(speaker_ids)
    entities = []
    for ident in draw(_ids(surrogates=surrogates)):
        name, kind, _aliases, affiliations = draw(_speaker_parts(surrogates=surrogates))
        mentions: list[Span] = []
        if text.strip():
            for start, end in draw(st.lists(_span(text), max_size=2)):
                mentions.append(Span(start=start, end=end, text=text[start:end]))
        speaker_id = draw(st.none() | st.sampled_from(unlinked)) if unlinked else None
        if speaker_id is not None:
            unlinked.remove(speaker_id)
        entities.append(
            Entity(
                id=ident,
                name=name,
                kind=kind,
                affiliations=affiliations,
                mentions=tuple(mentions),
                speaker_id=speaker_id,
            )
        )
    return tuple(entities)


@st.composite
def _title_quote(
    draw: st.DrawFn,
    title: str,
    speaker_ids: tuple[str, ...],
    taken: frozenset[str],
    *,
    surrogates: bool,
) -> Quote | None:
    """None, or a quote of the title whose id is none of ``taken`` (the body's quotes)."""
    if not title.strip() or not draw(st.booleans()):
        return None
    ident = draw(_non_blank(surrogates=surrogates).filter(lambda ident: ident not in taken))
    quote: Quote = draw(_quote(ident, title, speaker_ids, surrogates=surrogates))
    return quote


@st.composite
def _articles(draw: st.DrawFn, *, surrogates: bool) -> Article:
    text = texts(surrogates=surrogates)
    optional_text = st.none() | text
    paragraphs = tuple(draw(st.lists(text, max_size=4)))
    speakers = draw(_speakers(surrogates=surrogates))
    body = "\n\n".join(paragraphs)
    speaker_ids = tuple(speaker.id for speaker in speakers)
    quotes = draw(_quotes(body, speaker_ids, surrogates=surrogates))
    entities = draw(_entities(body, speaker_ids, surrogates=surrogates))
    title = draw(_non_blank(surrogates=surrogates))
    taken = frozenset(quote.id for quote in quotes)
    return Article(
        id=draw(_non_blank(surrogates=surrogates)),
        title=title,
        published=draw(st.none() | datetimes()),
        published_raw=draw(optional_text),
        language=draw(st.none() | st.sampled_from(LANGUAGE_TAGS)),
        source=draw(optional_text),
        url=draw(optional_text),
        authors=tuple(draw(st.lists(text, max_size=3))),
        paragraphs=paragraphs,
        speakers=speakers,
        quotes=quotes,
        entities=entities,
        title_quote=draw(_title_quote(title, speaker_ids, taken, surrogates=surrogates)),
    )


@functools.cache
def articles(*, surrogates: bool = False) -> st.SearchStrategy[Article]:
    """Valid articles; with ``surrogates=True`` their strings may hold lone surrogates."""
    return _articles(surrogates=surrogates)
