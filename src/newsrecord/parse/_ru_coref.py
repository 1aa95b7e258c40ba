"""Speakers of a Russian post: every mention resolved to a person or an organisation.

Surnames are matched across case endings (Авдонин, Авдонина, Авдонину, Авдониным);
``он`` / ``она`` go to the latest person of that gender (quoted, or named with a title),
``эксперт`` to the latest person with that role, and ``в министерстве`` to the
organisation it names.  People named with a title are looked up by surname key and
position, and only the speakers found so far are scanned for each mention, so a
:class:`Resolver` takes about linear time in the post's length.
"""

from __future__ import annotations

import bisect
import re
from typing import Final

import attrs

from newsrecord._model import Affiliation, SpeakerKind
from newsrecord.parse._lexicon_ru import (
    ORGANIZATION_STAND_INS,
    PRONOUNS,
    ROLE_PHRASES,
    SHORT_ADJECTIVES,
)
from newsrecord.parse._ru_mentions import Mention, token_spans
from newsrecord.parse._ru_names import (
    first_name_gender,
    nominative_name,
    organization_name,
    prepositional_nominative,
    title_affiliation,
)
from newsrecord.parse._ru_words import (
    STOP_WORDS,
    capitalised,
    cue_form,
    fold,
    is_acronym,
    is_quoted_name,
    organization_lemma,
    role_lemma,
    surname_key,
)

__all__ = ["Entity", "Resolver", "titled_people"]


@attrs.define(eq=False)  # entities are compared by identity
class Entity:
    """A person or organisation the mentions of an article resolve to."""

    name: str
    kind: SpeakerKind
    gender: str = ""
    aliases: list[str] = attrs.Factory(list)
    affiliations: list[Affiliation] = attrs.Factory(list)
    roles: set[str] = attrs.Factory(set)
    position: int = 0

    @property
    def key(self) -> str:
        return surname_key(self.name.split()[-1]) if self.kind is SpeakerKind.PERSON else ""

    def add_alias(self, alias: str) -> None:
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)

    def add_affiliation(self, affiliation: Affiliation | None) -> None:
        if affiliation is None:
            return
        for word in (affiliation.role or "").split():
            lemma = role_lemma(word)
            if lemma is not None:
                self.roles.add(lemma)
        if affiliation not in self.affiliations:
            self.affiliations.append(affiliation)


@attrs.frozen
class _Reading:
    """What a mention says: a pronoun, a description, an organisation or a person."""

    kind: str  # "pronoun", "description", "organization-noun", "organization", "person"
    name: str = ""
    gender: str = ""
    title: tuple[str, ...] = ()


def _person_run(tokens: list[str]) -> int:
    """How many tokens at the end of a phrase are a person's name (0, 1 or 2)."""
    run = 0
    for token in reversed(tokens):
        if capitalised(token) and not is_quoted_name(token) and token.replace("-", "").isalpha():
            run += 1
        else:
            break
    return min(run, 2)


def _read_mention(mention: Mention) -> _Reading:
    tokens = [t for _s, _e, t in token_spans(mention.text, 0, len(mention.text))]
    folded = [fold(t) for t in tokens]
    if len(tokens) == 1 and folded[0] in PRONOUNS:
        return _Reading("pronoun", gender=PRONOUNS[folded[0]])
    if (
        folded[0] in {"в", "во"}
        and len(tokens) == 2
        and capitalised(tokens[1])
        and not organization_lemma(tokens[1])
        and not is_quoted_name(tokens[1])
    ):  # "в Белгидромете": one name, in the prepositional
        return _Reading("organization", name=prepositional_nominative(tokens[1]))
    if folded[0] in {"в", "во"} and len(tokens) > 1 and capitalised(tokens[1]):
        # "в Министерстве сельского хозяйства": the organisation, named
        return _Reading("organization", name=organization_name(tokens[1:]))
    if folded[0] in {"в", "во"}:
        lemma = next(
            (lm for t in reversed(tokens[1:]) if (lm := organization_lemma(t))), folded[-1]
        )
        return _Reading("organization-noun", name=lemma)
    if len(tokens) == 1 and not capitalised(tokens[0]) and not organization_lemma(tokens[0]):
        # "— сказал эксперт", "— считает дипломат": a person described by a noun
        return _Reading("description", name=role_lemma(tokens[0]) or folded[0])
    if len(tokens) == 1 and role_lemma(tokens[0]):
        return _Reading("description", name=role_lemma(tokens[0]) or folded[0])
    if len(tokens) == 1 and is_acronym(tokens[0]):
        return _Reading("organization", name=tokens[0])  # "по данным МЧС"
    if organization_lemma(tokens[0]) == "пресс-служба" and len(tokens) > 1:
        # "пресс-служба Брестского облисполкома": the organisation speaks through it
        return _Reading("organization", name=organization_name(tokens[1:]), title=("пресс-служба",))
    phrase = ROLE_PHRASES.get(" ".join(folded))
    if phrase is not None:  # "глава государства": the president
        return _Reading("description", name=phrase)
    if role_lemma(tokens[0]) and not any(capitalised(t) for t in tokens[1:]):
        # "глава аграрного ведомства": a person described by a role
        return _Reading("description", name=role_lemma(tokens[0]) or folded[0])
    if "," in tokens and _person_run(tokens) == 0:
        # "Иван Крупко, присутствовавший на открытии": the name is before the comma
        before = tokens[: tokens.index(",")]
        if before and _person_run(before):
            tokens, folded = before, folded[: len(before)]
    run = _person_run(tokens)
    if run == 2 and len(tokens) > 2 and not organization_lemma(tokens[0]):
        return _person_reading(tokens, run, mention)
    head_index = next(
        (i for i, t in enumerate(tokens) if organization_lemma(t) or role_lemma(t)),
        None,
    )
    if (
        head_index is not None
        and organization_lemma(tokens[head_index])
        and all(not role_lemma(t) for t in tokens[:head_index])
    ):
        return _Reading("organization", name=organization_name(tokens))
    if run == 0:
        return _Reading("organization", name=organization_name(tokens))
    return _person_reading(tokens, run, mention)


def _person_reading(tokens: list[str], run: int, mention: Mention) -> _Reading:
    """A person named by the last ``run`` tokens, with the title before them."""
    name_words = tokens[len(tokens) - run :]
    if mention.case == "gen":
        name_words = nominative_name(name_words)
    gender = mention.gender if mention.gender in {"m", "f"} else ""
    if run == 2:
        gender = first_name_gender(name_words[0])
    title = [t for t in tokens[: len(tokens) - run] if t != ","]
    return _Reading("person", name=" ".join(name_words), gender=gender, title=tuple(title))


#: How far back (characters) a person named with a title, and not quoted yet, is a
#: candidate for a pronoun or a description.
_NAMED_REACH: Final = 3000


class Resolver:
    """Resolves the mentions of one article, in text order, to entities."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.entities: list[Entity] = []
        self._adopted: set[int] = set()  # ids of the entities in self.entities
        #: People named with a title, in text order, and where each is named.
        self.named = _titled_people(text)
        self._named_at = [e.position for e in self.named]
        self._named_by_key: dict[str, list[Entity]] = {}
        for person in self.named:
            self._named_by_key.setdefault(person.key, []).append(person)
        #: Keys of the words that end a full name somewhere in the text ("Андрей Сечко").
        self.surnames = {surname_key(m.group(1)) for m in _FULL_NAME.finditer(text)}

    def _new(self, name: str, kind: SpeakerKind, position: int) -> Entity:
        return self._adopt(Entity(name=name, kind=kind, position=position))

    def _recent(self, position: int) -> list[Entity]:
        """Entities, and people named with a title in the :data:`_NAMED_REACH` characters
        before ``position``, latest first."""
        low = bisect.bisect_left(self._named_at, position - _NAMED_REACH)
        high = bisect.bisect_left(self._named_at, position)
        pending = [e for e in self.named[low:high] if id(e) not in self._adopted]
        return sorted([*self.entities, *pending], key=lambda e: e.position, reverse=True)

    def _adopt(self, entity: Entity) -> Entity:
        if id(entity) not in self._adopted:
            self._adopted.add(id(entity))
            self.entities.append(entity)
        return entity

    def resolve(self, mention: Mention) -> Entity | None:
        reading = _read_mention(mention)
        entity: Entity | None = None
        if reading.kind == "pronoun":
            wanted = reading.gender
            for candidate in self._recent(mention.start):
                if candidate.kind is SpeakerKind.PERSON and (
                    wanted == "p" or candidate.gender in {"", wanted}
                ):
                    entity = self._adopt(candidate)
                    break
            if entity is not None and not entity.gender and wanted in {"m", "f"}:
                entity.gender = wanted
        elif reading.kind == "description":
            recent = [e for e in self._recent(mention.start) if e.kind is SpeakerKind.PERSON]
            entity = next((e for e in recent if reading.name in e.roles), None)
            entity = entity or (recent[0] if recent else None)
            if entity is not None:
                self._adopt(entity)
                entity.add_alias(reading.name)
        elif reading.kind == "organization-noun" or fold(reading.name) in ORGANIZATION_STAND_INS:
            entity = self._organization_by_noun(fold(reading.name), mention.start)
        elif reading.kind == "organization":
            entity = next(
                (
                    e
                    for e in self.entities
                    if e.kind is SpeakerKind.ORGANIZATION and fold(e.name) == fold(reading.name)
                ),
                None,
            ) or self._new(reading.name, SpeakerKind.ORGANIZATION, mention.start)
            for noun in reading.title:  # ("в пресс-службе" later is the same organisation)
                entity.add_alias(f"{noun} {entity.name}")
        else:
            entity = self._person(reading, mention)
        if entity is not None:
            entity.position = mention.start
        return entity

    def _person(self, reading: _Reading, mention: Mention) -> Entity | None:
        """The person a named mention is: a known one with that surname (in any case), or a
        new one.  A lone capitalised word that no full name in the text ends in is no name
        ("Президент подчеркнул"): it resolves to nobody."""
        words = reading.name.split()
        key = surname_key(words[-1])
        first = surname_key(words[0]) if len(words) > 1 else None
        known = [
            *(e for e in self.entities if e.kind is SpeakerKind.PERSON and e.key == key),
            *(e for e in self._named_by_key.get(key, ()) if id(e) not in self._adopted),
        ]
        entity = None
        for candidate in known:
            if candidate.kind is not SpeakerKind.PERSON or candidate.key != key:
                continue
            names = candidate.name.split()
            if first is None or len(names) == 1 or surname_key(names[0]) == first:
                entity = self._adopt(candidate)
                break
        if entity is None and len(words) == 1 and key not in self.surnames:
            return None
        if entity is None:
            entity = self._new(reading.name, SpeakerKind.PERSON, mention.start)
        elif len(words) > len(entity.name.split()):
            entity.name = reading.name
        if len(words) == 1 and len(entity.name.split()) > 1:
            entity.add_alias(entity.name.split()[-1])
        entity.gender = entity.gender or reading.gender
        if reading.title:
            entity.add_affiliation(title_affiliation(reading.title))
        return entity

    def _organization_by_noun(self, noun: str, position: int) -> Entity:
        targets = ORGANIZATION_STAND_INS.get(noun)
        named = self._named_organization(targets, position) if targets else None
        if named is not None:  # "регулятора" after "Национальный банк …"
            return named
        for candidate in self._recent(position):
            if candidate.kind is SpeakerKind.ORGANIZATION and any(
                organization_lemma(w) == noun
                for name in (candidate.name, *candidate.aliases)
                for w in name.split()
            ):
                return candidate
        for candidate in self._recent(position):
            for affiliation in candidate.affiliations:
                organization = affiliation.organization or ""
                if any(organization_lemma(w) == noun for w in organization.split()[:3]):
                    return next(
                        (e for e in self.entities if e.name == organization),
                        None,
                    ) or self._new(organization, SpeakerKind.ORGANIZATION, position)
        return self._new(noun, SpeakerKind.ORGANIZATION, position)

    def _named_organization(self, nouns: frozenset[str], position: int) -> Entity | None:
        """The organisation named last before ``position`` (in the 2,000 characters before
        it) whose name has one of ``nouns``: "Национальный банк", "Нацбанка"."""
        tokens = [t for _s, _e, t in token_spans(self.text, max(0, position - 2000), position)]
        for index in range(len(tokens) - 1, -1, -1):
            if organization_lemma(tokens[index]) not in nouns:
                continue
            first = index
            while first > 0 and capitalised(tokens[first - 1]):
                first -= 1
            if not capitalised(tokens[first]):
                continue  # "банк" in lower case names no organisation
            name = organization_name(tokens[first : index + 1])
            known = (e for e in self.entities if e.kind is SpeakerKind.ORGANIZATION)
            return next((e for e in known if fold(e.name) == fold(name)), None) or self._new(
                name, SpeakerKind.ORGANIZATION, position
            )
        return None


_FULL_NAME: Final = re.compile(r"[А-ЯЁ][а-яё]+\s+([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)(?![\w-])")
_TITLED: Final = re.compile(
    r"(?<![\w-])(?P<title>(?:[\w-]+|«[^«»]*»)(?:\s+(?:[\w-]+|«[^«»]*»)){0,7}?)\s+"
    r"(?P<first>[А-ЯЁ][а-яё]+)\s+(?P<last>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)(?![\w-])"
    r"(?!\s+[А-ЯЁ][а-яё])"
)
_ADJECTIVE_ENDINGS: Final = ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ого", "его", "ей")


_WRITTEN_NAME: Final = re.compile(r"[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?")


def titled_people(text: str) -> list[tuple[Entity, int, int]]:
    """The people the text names with a role before the name (see :func:`_titled_people`),
    each with where its name is written: the people a Russian post mentions."""
    found: list[tuple[Entity, int, int]] = []
    for person in _titled_people(text):
        written = _WRITTEN_NAME.match(text, person.position)
        if written is not None:
            found.append((person, written.start(), written.end()))
    return found


def _is_predicate(word: str) -> bool:
    """A verb of saying or a short adjective ("согласен", "уверена"): no part of a title."""
    return cue_form(word) is not None or fold(word) in SHORT_ADJECTIVES


def _titled_people(text: str) -> list[Entity]:
    """People named with a role before the name anywhere in the text, as candidates for
    pronouns and descriptions ("народная артистка Беларуси Галина Шершень")."""
    people: list[Entity] = []
    for match in _TITLED.finditer(text):
        title = match.group("title").split()
        # the title starts after a preposition or a verb in the words before the name:
        # "С экспертом согласен экономист Петр Лавров" is the economist
        after = max(
            (i + 1 for i, t in enumerate(title) if fold(t) in STOP_WORDS or _is_predicate(t)),
            default=0,
        )
        role_at = next((i for i, t in enumerate(title) if i >= after and role_lemma(t)), None)
        if role_at is None:
            continue
        genitive = fold(title[role_at]) != role_lemma(title[role_at])
        if role_at and fold(title[role_at - 1]).endswith(_ADJECTIVE_ENDINGS):
            role_at -= 1  # "народная артистка"
        title = title[role_at:]
        first, last = match.group("first"), match.group("last")
        if genitive:
            first, last = nominative_name([first, last])  # "министра Павла Гурко"
        entity = Entity(
            name=f"{first} {last}",
            kind=SpeakerKind.PERSON,
            gender=first_name_gender(first),
            position=match.start("first"),
        )
        entity.add_affiliation(title_affiliation(title))
        people.append(entity)
    return people
