"""The headline stage: the statement a headline of the form "WHO: SAID" carries.

State and regional outlets headline a statement with its speaker before a colon
("Expert: exports will grow", "Лукашенко: ..."). :func:`headline_quote` reads such a
headline once the body's speakers, quotes and entities are known, and gives the
:class:`~newsrecord.Quote` of :attr:`~newsrecord.Article.title_quote` (offsets into the
title) or ``None``. WHO (before the first ": ") is one to five words, starts with a
capital, holds no sentence punctuation and is no label (``_lexicon_headline``). It
names, in this order: a speaker by name, alias or a person's surname (for Russian in any
case); the one speaker whose role (else aliases) holds WHO's role noun ("Political
scientist", "Глава МЧС"), else the one person the post quotes; an organisation by the
end of its name, its initials ("Defence Ministry", "MFA"), all its words ("Foreign
Ministry" for the "Ministry of Foreign Affairs") or a ministry's short name ("Минздрав",
else its minister); a person the body names without quoting, who becomes a speaker. Else
(a country, two speakers that fit, nobody) there is no quote: no speaker is made up from
WHO alone. The quote is direct when quotation marks enclose all of SAID (its text what
stands inside), indirect otherwise (without a final full stop). Pure functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

import attrs

from newsrecord._model import Entity, Quote, QuoteKind, Speaker, SpeakerKind
from newsrecord.parse._lexicon import (
    ABBREVIATIONS,
    TITLE_MINOR_WORDS,
)
from newsrecord.parse._lexicon_headline import (
    HEADLINE_LABELS,
    HEADLINE_QUOTE_PAIRS,
    MINISTRY_SHORT_NAMES,
    PLURAL_ROLE_NOUNS,
)
from newsrecord.parse._lexicon_names import (
    DEMONYMS,
    HONORIFICS,
    ORGANIZATION_WORDS,
    ROLE_NOUNS,
)
from newsrecord.parse._lexicon_ru import PLACE_NOMINATIVES
from newsrecord.parse._ru_words import fold, organization_lemma, role_lemma, surname_key
from newsrecord.parse._russian import RUSSIAN_RULE_LANGUAGES

__all__ = ["Headline", "headline_quote", "split_headline"]

#: The id of the headline's quote (the body's are q1, q2, ...).
QUOTE_ID = "t1"
_MAX_WORDS = 5
_PUNCTUATION = frozenset(".!?;,:…\"“”«»„‘’'‹›()[]–—")
_COUNTRIES = frozenset(fold(name) for name in (*DEMONYMS.values(), *PLACE_NOMINATIVES.values()))


class Headline(NamedTuple):
    """What the stage gives: the quote (or ``None``), and the speakers and entities, with
    the speaker it added and the entity linked to it when WHO was only named."""

    quote: Quote | None
    speakers: tuple[Speaker, ...]
    entities: tuple[Entity, ...]


def _norm(text: str) -> str:
    return " ".join(fold(text).split())


def split_headline(title: str) -> tuple[str, int, int] | None:
    """``(WHO, start, end)`` of a "WHO: SAID" title, SAID being ``title[start:end]``
    trimmed of white space; ``None`` when the title is not of that form."""
    colon = title.find(": ")
    if colon <= 0:
        return None
    who = title[:colon].strip()
    start = colon + 2
    while start < len(title) and title[start].isspace():
        start += 1
    end = len(title.rstrip())
    if start >= end or not _is_who(who):
        return None
    return who, start, end


def _is_who(who: str) -> bool:
    words = who.split()
    if not 1 <= len(words) <= _MAX_WORDS or not who[0].isupper():
        return False
    for word in words:
        bare = word.rstrip(".") if fold(word.rstrip(".")) in _TITLED else word
        if any(char in _PUNCTUATION for char in bare):
            return False
    return _norm(who) not in HEADLINE_LABELS


_TITLED = frozenset(word.rstrip(".") for word in HONORIFICS | ABBREVIATIONS)


def said_quote(title: str, start: int, end: int) -> tuple[QuoteKind, int, int] | None:
    """The kind and span of the statement ``title[start:end]``: direct, inside the marks
    that enclose all of it; else indirect, without a final full stop."""
    if title[end - 1] == "." and end - 1 > start and title[end - 2] in _CLOSERS:
        end -= 1  # 'We will win.'. : the stop after the marks
    inner = _enclosed(title, start, end)
    if inner is not None:
        return QuoteKind.DIRECT, inner[0], inner[1]
    if title[end - 1] == "." and title[end - 2 : end] != "..":
        end -= 1
    end = len(title[:end].rstrip())
    if end <= start:
        return None
    return QuoteKind.INDIRECT, start, end


_CLOSERS = frozenset("".join(HEADLINE_QUOTE_PAIRS.values()))


def _enclosed(title: str, start: int, end: int) -> tuple[int, int] | None:
    """The inside of the quotation marks around all of ``title[start:end]``, or ``None``."""
    opener = title[start]
    closers = HEADLINE_QUOTE_PAIRS.get(opener)
    if closers is None or end - start < 3 or title[end - 1] not in closers:
        return None
    inside = title[start + 1 : end - 1]
    if opener in "‘'":  # a single mark inside is an apostrophe only between letters
        for index, char in enumerate(inside):
            apostrophe = 0 < index < len(inside) - 1 and inside[index - 1].isalpha()
            if (char == opener or char in closers) and not (
                apostrophe and inside[index + 1].isalpha()
            ):
                return None
    elif opener in inside or any(char in inside for char in closers):
        return None
    if not inside.strip():
        return None
    return start + 1, end - 1


def _one(found: Iterable[Speaker]) -> Speaker | None:
    """The one speaker found, or ``None`` for none or several."""
    unique = {speaker.id: speaker for speaker in found}
    return next(iter(unique.values())) if len(unique) == 1 else None


def _surname(name: str, russian: bool) -> str | None:
    """The key of a person's surname, the last word of a name of two words or more that
    starts with a capital ("Democratic insiders" has none)."""
    words = name.split()
    if len(words) < 2 or not words[-1][:1].isupper():
        return None
    return surname_key(words[-1]) if russian else fold(words[-1])


def _without_honorific(who: str) -> str:
    words = who.split()
    while len(words) > 1 and fold(words[0]).rstrip(".") in _TITLED:
        words = words[1:]
    return " ".join(words)


def by_name(who: str, speakers: Sequence[Speaker], russian: bool) -> Speaker | None:
    """The speaker WHO names by its name or an alias, else a person by its surname."""
    wanted = {_norm(who), _norm(_without_honorific(who))}
    named = _one(
        s for s in speakers if _norm(s.name) in wanted or any(_norm(a) in wanted for a in s.aliases)
    )
    if named is not None or len(who.split()) > 1:
        return named
    key = surname_key(who) if russian else fold(who)
    return _one(
        s for s in speakers if s.kind is SpeakerKind.PERSON and _surname(s.name, russian) == key
    )


def role_noun(who: str, russian: bool) -> str | None:
    """The singular role noun WHO is headed by ("expert" of "Belarusian expert",
    "глава" of "Глава МЧС"), or ``None``."""
    words = [fold(word) for word in who.split()]
    if russian:  # the nominative, anywhere: "Белорусский эксперт", "Глава МЧС"
        return next((word for word in words if role_lemma(word) == word), None)
    head = words[-1]
    return head if head in ROLE_NOUNS and head not in PLURAL_ROLE_NOUNS else None


def _holds(text: str, noun: str, russian: bool) -> bool:
    """Whether ``noun`` is one of the words of ``text`` (in any case, for Russian)."""
    words = [fold(word.strip(",.()")) for word in text.split()]
    return any(word == noun or (russian and role_lemma(word) == noun) for word in words)


def by_role(who: str, speakers: Sequence[Speaker], russian: bool) -> Speaker | None:
    """The one speaker whose role holds WHO's role noun (narrowed by the whole of WHO when
    several do), else the one whose aliases hold it."""
    noun = role_noun(who, russian)
    if noun is None:
        return None
    roles = [(s, fold(a.role)) for s in speakers for a in s.affiliations if a.role is not None]
    holding = [(s, role) for s, role in roles if _holds(role, noun, russian)]
    if holding:
        found = _one(s for s, _role in holding)
        if found is None:
            found = _one(s for s, role in holding if _norm(who) in role)
        return found
    aliased = _one(s for s in speakers if any(_holds(a, noun, russian) for a in s.aliases))
    if aliased is not None:
        return aliased
    # "Economist: ..." over a post that quotes one person, "a senior researcher": the
    # headline's role is that person's, in other words
    people = [s for s in speakers if s.kind is SpeakerKind.PERSON]
    return people[0] if len(people) == 1 else None


def _initials(name: str) -> str:
    words = [w for w in name.split() if len(w) > 2 and fold(w) not in TITLE_MINOR_WORDS]
    return "".join(word[0] for word in words).upper()


def by_organization(who: str, speakers: Sequence[Speaker], russian: bool) -> Speaker | None:
    """The organisation speaker whose name ends with WHO (holding an organisation word)
    or whose initials WHO is."""
    wanted = _norm(who)
    organizations = [s for s in speakers if s.kind is SpeakerKind.ORGANIZATION]
    words = [fold(word) for word in who.split()]
    if any(w in ORGANIZATION_WORDS or (russian and organization_lemma(w)) for w in words):
        found = _one(s for s in organizations if _norm(s.name).endswith(" " + wanted))
        if found is not None:
            return found
    if len(who) >= 2 and who.isupper() and " " not in who:
        found = _one(s for s in organizations if _initials(s.name) == who)
        if found is not None:
            return found
    if russian and fold(who) in MINISTRY_SHORT_NAMES:
        return by_ministry(MINISTRY_SHORT_NAMES[fold(who)], speakers)
    if len(words) > 1 and any(w in ORGANIZATION_WORDS for w in words):
        # "Foreign Ministry" is the "Ministry of Foreign Affairs": its words all in the name
        content = {w for w in words if w != "the"}
        return _one(s for s in organizations if content <= set(_norm(s.name).split()))
    return None


def by_ministry(stem: str, speakers: Sequence[Speaker]) -> Speaker | None:
    """The ministry of ``stem`` ("здравоохранения") among the speakers, else the one
    minister of it: "Минздрав:" headlines what the minister of health said."""
    ministries = [
        s
        for s in speakers
        if s.kind is SpeakerKind.ORGANIZATION
        and "министерств" in fold(s.name)
        and stem in fold(s.name).split()
    ]
    if ministries:
        return _one(ministries)
    return _one(
        s
        for s in speakers
        if s.kind is SpeakerKind.PERSON
        and any(
            "министр" in fold(a.role or "") and stem in fold(a.role or "").split()
            for a in s.affiliations
        )
    )


def by_entity(who: str, entities: Sequence[Entity], russian: bool) -> Entity | None:
    """The one person the body names without quoting whom WHO names (by name, or by
    surname for a one-word WHO); never a country."""
    if _norm(who) in _COUNTRIES:
        return None
    wanted = {_norm(who), _norm(_without_honorific(who))}
    people = [e for e in entities if e.kind is SpeakerKind.PERSON and e.speaker_id is None]
    found = [e for e in people if _norm(e.name) in wanted]
    if not found and len(who.split()) == 1:
        key = surname_key(who) if russian else fold(who)
        found = [e for e in people if _surname(e.name, russian) == key]
    return found[0] if len(found) == 1 else None


def _next_id(speakers: Sequence[Speaker]) -> str:
    taken = {speaker.id for speaker in speakers}
    numbers = [int(i[1:]) for i in taken if i[:1] == "s" and i[1:].isdigit()]
    return f"s{max(numbers, default=0) + 1}"  # none of them: it is past the largest


def _adopt(
    entity: Entity, speakers: tuple[Speaker, ...], entities: tuple[Entity, ...]
) -> tuple[Speaker, tuple[Speaker, ...], tuple[Entity, ...]]:
    """A speaker made of an entity, as the others are (its other mentions its aliases),
    appended, and the entity linked to it."""
    aliases = dict.fromkeys(m.text for m in entity.mentions if m.text != entity.name)
    speaker = Speaker(
        id=_next_id(speakers),
        name=entity.name,
        kind=entity.kind,
        aliases=tuple(aliases),
        affiliations=entity.affiliations,
    )
    linked = tuple(attrs.evolve(e, speaker_id=speaker.id) if e is entity else e for e in entities)
    return speaker, (*speakers, speaker), linked


def headline_quote(
    title: str,
    speakers: tuple[Speaker, ...],
    entities: tuple[Entity, ...],
    language: str | None,
) -> Headline:
    """The quote a "WHO: SAID" headline carries, with the article's speakers and entities
    (one speaker more, and its entity linked, when WHO is a person only named)."""
    none = Headline(None, speakers, entities)
    split = split_headline(title)
    if split is None:
        return none
    who, start, end = split
    said = said_quote(title, start, end)
    if said is None:
        return none
    kind, start, end = said
    russian = language is not None and language.split("-")[0].lower() in RUSSIAN_RULE_LANGUAGES
    speaker = (
        by_name(who, speakers, russian)
        or by_role(who, speakers, russian)
        or by_organization(who, speakers, russian)
    )
    if speaker is None and fold(who.split()[-1]) in HEADLINE_LABELS:
        return none  # "AP-GfK Poll", "Delegate Update": a label, unless a speaker's name
    if speaker is None:
        entity = by_entity(who, entities, russian)
        if entity is None:
            return none
        speaker, speakers, entities = _adopt(entity, speakers, entities)
    quote = Quote(
        id=QUOTE_ID,
        kind=kind,
        text=title[start:end],
        start=start,
        end=end,
        speaker_id=speaker.id,
        mention=who,
    )
    return Headline(quote, speakers, entities)
