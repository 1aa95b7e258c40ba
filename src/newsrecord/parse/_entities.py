"""Entities: every person and organisation a post names, quoted or not.

The quoted ones come first: each :class:`~newsrecord.Speaker` is an entity linked to it
(``speaker_id``), with its name and affiliations.  Then the text is read for names: the
runs of capitalised words of ``_names``, each read against the entities found so far.
A run is a new entity when ``_names`` reads it as a person or an organisation, and a
mention of an entity found before when it is its name or alias as written, or the
surname of a person ("Mr. Hart", "Hart").

A person's affiliations come from the title before the name (a country's adjective
names the country: "Estonian Transport Minister" is a minister of Estonia), and from a
description next to the name: "X, an expert at Y" after it, "a member of Y, Deputy
Chairman of Z, X" before it.  The medium of a quote (``via``, "Valley Radio") is an
organisation.

Mentions are names and descriptions as written: every place a name or a capitalised
alias of the entity stands, and, for a quoted entity, the descriptions its quotes were
attributed with ("The expert recalled").  Pronouns are no mentions.  Entities are
numbered ``e1``, ``e2``, ... in the order of their first mention.

The rules for names nobody is quoted under are English ones: in an article in another
language, the entities are the speakers and the media, with every place their names
stand, and in a post the Russian rules read also the people named with a title before
the name (``_ru_coref.titled_people``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Final

import attrs

from newsrecord._fast import new_entity, new_span
from newsrecord._model import Affiliation, Entity, Quote, Speaker, SpeakerKind
from newsrecord.parse._lexicon import (
    DETERMINERS,
    PRONOUNS,
)
from newsrecord.parse._lexicon_names import (
    HONORIFICS,
)
from newsrecord.parse._names import (
    NEVER_NAMES,
    RUN,
    acronym,
    body_plan,
    description_at_end,
    inside_a_word,
    opens_sentence,
    paragraph_start,
    pieces,
    reading,
    run_plan,
    title_country,
    word_facts,
)
from newsrecord.parse._roles import (
    affiliation_of,
    cut_appositive,
    is_description,
    is_organization,
    is_role_noun,
)
from newsrecord.parse._ru_coref import titled_people
from newsrecord.parse._ru_words import surname_key
from newsrecord.parse._russian import RUSSIAN_RULE_LANGUAGES
from newsrecord.parse._spans import core_of, paragraph_at, paragraph_bounds

__all__ = ["find_entities"]

#: How far before a name a description of it is looked for (characters).
_DESCRIPTION_REACH: Final = 300


@attrs.define
class _Found:
    """An entity being collected."""

    name: str
    kind: SpeakerKind
    speaker_id: str | None = None
    forms: set[str] = attrs.Factory(set)  # name and capitalised aliases
    affiliations: list[Affiliation] = attrs.Factory(list)
    spans: dict[int, int] = attrs.Factory(dict)  # start -> end

    def add_affiliation(self, affiliation: Affiliation | None) -> None:
        if affiliation is not None and affiliation not in self.affiliations:
            self.affiliations.append(affiliation)


class _Collector:
    """Collects the entities of one article."""

    def __init__(self, text: str, speakers: Sequence[Speaker], *, discover: bool = True) -> None:
        self.text = text
        #: Whether names not found before make new entities (the rules are English ones).
        self.discover = discover
        self.found: list[_Found] = []
        self._forms: dict[str, _Found] = {}
        self._surnames: dict[str, _Found] = {}
        for speaker in speakers:
            entity = _Found(name=speaker.name, kind=speaker.kind, speaker_id=speaker.id)
            entity.affiliations.extend(speaker.affiliations)
            self._add(entity)
            for alias in speaker.aliases:
                if alias[:1].isupper():
                    self._index(entity, alias)

    def _add(self, entity: _Found) -> _Found:
        self.found.append(entity)
        self._index(entity, entity.name)
        return entity

    def _index(self, entity: _Found, form: str) -> None:
        entity.forms.add(form)
        self._forms.setdefault(form, entity)
        if entity.kind is SpeakerKind.PERSON:
            words = form.split()
            surname = core_of(words[-1]) if words else ""
            if surname and surname not in HONORIFICS:
                self._surnames.setdefault(surname, entity)

    def mention(self, entity: _Found, start: int, end: int) -> None:
        if start < end and self.text[start:end].strip():
            entity.spans.setdefault(start, end)

    # ------------------------------------------------------------------ runs of names

    def read_text(self) -> None:
        """Read the names in the text, paragraph after paragraph (no run of names crosses
        the blank line between two)."""
        text = self.text
        never = NEVER_NAMES
        forms, surnames = self._forms, self._surnames
        read_word = self._read_word
        read_run = self.read_run
        for match in RUN.finditer(text):
            found = match.group()
            if found in never:  # "The", "But", "His": most runs are one such word
                continue
            first = match.start()
            if first and (
                text[first - 1].isalnum()
                or (text[first - 1] in "’'" and inside_a_word(text, first, 0))
            ):
                continue  # "iPhone", "d’Estaing"
            if " " not in found and "\u00a0" not in found:
                facts = word_facts(found)
                if facts[2] or facts[0] in forms or facts[1] in surnames:
                    read_word(first, facts)
                # else the common case: nothing this word can name
                continue
            opens = opens_sentence(text, first, paragraph_start(text, first))
            if "." not in found:  # no full stop to split it at
                read_run(first, found, opens)
                continue
            for at, run in pieces(found):
                read_run(first + at, run, opens if at == 0 else True)

    def _read_word(self, first: int, facts: tuple[str, str, bool, bool, bool]) -> None:
        """:meth:`read_run` of a run of one word (its :func:`word_facts`), quicker: a name
        or alias found before, a surname of a person found before, or an organisation's one
        word ("NATO")."""
        word, core, _may_name, never, starter = facts
        known = self._forms.get(word)
        if never:
            return
        if starter and opens_sentence(self.text, first, paragraph_start(self.text, first)):
            return
        last = first + len(word)
        if known is not None:
            known.spans.setdefault(first, last)  # (a word: no blank to leave out)
            return
        if not self.discover:
            surnamed = self._surnames.get(core)
            if surnamed is not None:
                self.mention(surnamed, first, last)
            return
        verdict, name, _at, _title, _affiliation = reading(word)
        if verdict == "surname":
            self._surname_mention(name, first, last, titled=False)
        elif verdict == "organization" and (
            acronym(name) or not opens_sentence(self.text, first, paragraph_start(self.text, first))
        ):
            entity = self._forms.get(name) or self._add(
                _Found(name=name, kind=SpeakerKind.ORGANIZATION)
            )
            self.mention(entity, first, last)

    def read_run(self, start: int, run: str, opens: bool) -> None:
        """Read the run of names ``run`` at ``start`` (``opens``: whether it opens a
        sentence); what it is without the entities found so far is :func:`run_plan`."""
        known = self._forms.get(run)
        if known is not None:  # a name found before, as it stands: the quickest case
            known.spans.setdefault(start, start + len(run))  # (as mention(): words)
            return
        plan = run_plan(run, opens)
        if plan is None:
            return
        if isinstance(plan, tuple):  # "Ana Lind and Ivo Hart": each read by itself
            for at, part, part_opens in plan:
                self.read_run(start + at, part, part_opens)
            return
        at, body = plan.at, plan.body
        if plan.second and body[plan.second :] in self._forms:
            at, body, opens = at + plan.second, body[plan.second :], False  # "Rival Ana Lind"
        else:
            opens = plan.opens
        self._read_body(start + at, body, opens)

    def _read_body(self, start: int, run: str, opens: bool) -> None:
        """:meth:`read_run` of a run without words before or after the name."""
        plan = body_plan(run)
        if plan is None:
            return
        name = plan.name
        known = self._forms.get(name)
        if known is not None:  # a name found before: the quickest case, and a common one
            known.spans.setdefault(start, start + len(name))
            return
        if not self.discover:
            return
        if plan.rest is not None:  # "Deputy Chairman of the Port Authority": the title is someone's
            verdict, name, at, title, affiliation = reading(run)
            if verdict == "person" and affiliation is not None and affiliation.organization:
                # "Chairman of the Port Authority Ivo Hart": the person, and where he works
                self._read_person(name, start, start + at + len(name), title, affiliation, None)
                return
            self.read_run(start + plan.rest_at, plan.rest, False)
            return
        self._classify(start + plan.head_at, plan.head, plan.one_word and opens, plan.owner)

    def _classify(self, start: int, head: str, lone: bool, owner: str | None) -> None:
        """What the run ``head`` at ``start`` names (``lone``: it is one word opening a
        sentence), ``owner`` the country or organisation a possessive before it named."""
        end = start + len(head)
        known = self._forms.get(head)
        if known is not None:
            self.mention(known, start, end)
            return
        verdict, name, at, title, affiliation = reading(head)
        if verdict == "surname":  # "Mr. Lind", "President Lind", "Mr. Lind of the Board"
            stop = start + at + len(name)
            self._surname_mention(name, start, stop, titled=bool(title), affiliation=affiliation)
            self._organization_after(affiliation, start, stop)
        elif verdict == "person":
            self._read_person(name, start, start + at + len(name), title, affiliation, owner)
        elif verdict == "organization" and not (lone and not acronym(name)):
            # (a lone capitalised word opening a sentence is no evidence of a name)
            entity = self._forms.get(name) or self._add(
                _Found(name=name, kind=SpeakerKind.ORGANIZATION)
            )
            self.mention(entity, start, end)

    def _read_person(
        self,
        name: str,
        start: int,
        end: int,
        title: str,
        affiliation: Affiliation | None,
        owner: str | None,
    ) -> None:
        """A person named at ``start:end`` (title included), with what the text says of them."""
        if affiliation is not None and affiliation.organization is None:
            country = owner or title_country(title)
            if country is not None:
                affiliation = attrs.evolve(affiliation, organization=country)
        entity = self._person(name)
        self.mention(entity, start, end)
        entity.add_affiliation(affiliation)
        for described in self._descriptions(start, end):
            entity.add_affiliation(described)
        self._organization_after(affiliation, start, end)

    def _organization_after(self, affiliation: Affiliation | None, start: int, end: int) -> None:
        """The organisation of "X of the Y Institute" (or of "Chairman of the Y Board X"),
        named after ``start``, as an entity."""
        organization = affiliation.organization if affiliation is not None else None
        if organization and is_organization(organization):
            at = self.text.find(organization, start, end + _DESCRIPTION_REACH)
            if at >= 0:
                found = self._forms.get(organization) or self._add(
                    _Found(name=organization, kind=SpeakerKind.ORGANIZATION)
                )
                self.mention(found, at, at + len(organization))

    def _person(self, name: str) -> _Found:
        """The person of this name: one found already, or a new one."""
        known = self._forms.get(name)
        if known is not None and known.kind is SpeakerKind.PERSON:
            return known
        same = self._surnames.get(core_of(name.split()[-1]))
        if same is not None:
            # "Mr. Lind" and "Lind" are the Ivo Lind named now; "Ana Lind" is someone else
            known_words = [w for w in same.name.split() if core_of(w) not in HONORIFICS]
            if len(known_words) <= 1 or known_words[0] == name.split()[0]:
                if len(name.split()) > len(known_words) and same.speaker_id is None:
                    same.name = name
                self._index(same, name)
                return same
        return self._add(_Found(name=name, kind=SpeakerKind.PERSON))

    def _surname_mention(
        self,
        surname: str,
        start: int,
        end: int,
        *,
        titled: bool,
        affiliation: Affiliation | None = None,
    ) -> None:
        """A surname alone or after a title: of the person of that surname found before;
        after a title, a new person ("Mr. Lind", or "Lind" in the role of "President Lind")."""
        entity = self._surnames.get(core_of(surname))
        if entity is None:
            if not titled:
                return  # a lone capitalised word: no evidence it is a person
            name = surname if affiliation is not None else self.text[start:end]
            entity = self._add(_Found(name=name, kind=SpeakerKind.PERSON))
        self.mention(entity, start, end)
        entity.add_affiliation(affiliation)

    def _descriptions(self, start: int, end: int) -> Iterator[Affiliation]:
        """Affiliations from descriptions next to a name: ", an expert at X" after it, and
        "a member of X, Deputy Chairman of Y, " before it (up to two)."""
        text = self.text
        if text.startswith(", ", end):
            rest = cut_appositive(text[end + 2 : end + 2 + _DESCRIPTION_REACH])
            words = rest.split()
            if words and is_description(words) and core_of(words[0]) not in PRONOUNS:
                affiliation = affiliation_of(rest, None)
                if affiliation is not None:
                    yield affiliation
        if start < 2 or not text.startswith(", ", start - 2):
            return
        before = text[max(0, start - _DESCRIPTION_REACH) : start]
        stop = max(before.rfind(". "), before.rfind("\n"), before.rfind(": "))
        before = before[stop + 1 :]
        for _count in range(2):
            if not before.endswith(", "):
                return
            before = before[:-2]
            comma = before.rfind(",")
            chunk, whole = description_at_end(before[comma + 1 :])
            affiliation = affiliation_of(chunk, None) if chunk else None
            if affiliation is None:
                return
            yield affiliation
            if comma < 0 or not whole:
                return
            before = before[: comma + 1] + " "

    # ------------------------------------------------------------------ quotes

    def read_quotes(self, quotes: Sequence[Quote], bounds: list[tuple[int, int]]) -> None:
        by_speaker = {entity.speaker_id: entity for entity in self.found if entity.speaker_id}
        for quote in quotes:
            start, end = paragraph_at(bounds, quote.start)
            entity = by_speaker.get(quote.speaker_id) if quote.speaker_id else None
            mention = quote.mention
            if (
                entity is not None
                and mention is not None
                and mention.lower() not in PRONOUNS
                and mention not in entity.forms
            ):
                found = _nearest(self.text, mention, start, end, quote)
                if found is not None and _is_description(mention):
                    self.mention(entity, found, found + len(mention))
            via = quote.via
            if via is not None:
                medium = self._forms.get(via)
                if medium is None:
                    medium = self._add(_Found(name=via, kind=SpeakerKind.ORGANIZATION))
                elif medium.speaker_id is None and not medium.affiliations:
                    medium.kind = SpeakerKind.ORGANIZATION  # "the Valley Courier newspaper"
                found = _nearest(self.text, via, start, end, quote)
                if found is not None:
                    self.mention(medium, found, found + len(via))

    def read_titled_russian(self) -> None:
        """The people a Russian post names with a title ("министр обороны Беларуси Виктор
        Хренин"), nobody's speaker: each person once (by surname key), with the role and
        organisation of the title, at every place the title names them."""
        speakers = {surname_key(f.name.split()[-1]) for f in self.found if f.speaker_id}
        people: dict[str, _Found] = {}
        for person, start, end in titled_people(self.text):
            key = person.key
            if key in speakers:
                continue
            found = people.get(key)
            if found is None:
                found = people[key] = self._add(_Found(name=person.name, kind=SpeakerKind.PERSON))
            for affiliation in person.affiliations:
                found.add_affiliation(affiliation)
            self.mention(found, start, end)

    def entities(self) -> tuple[Entity, ...]:
        """The entities found, in the order of their first mention, numbered."""
        end = len(self.text)
        firsts = [min(found.spans) if found.spans else end for found in self.found]
        # (a stable sort: entities first mentioned at the same place stay in their order)
        ordered = [
            self.found[index] for index in sorted(range(len(firsts)), key=firsts.__getitem__)
        ]
        # Built without the validators of Span and Entity: spans are made by mention()
        # (start < end, not blank), ids here, names from the text or the speakers; the
        # article still checks that the spans lie in its text and match it.
        text = self.text
        result = []
        for number, found in enumerate(ordered, start=1):
            spans = tuple(
                [
                    new_span(start, end, text[start:end])
                    for start, end in sorted(found.spans.items())
                ]
            )
            result.append(
                new_entity(
                    f"e{number}",
                    found.name,
                    found.kind,
                    tuple(found.affiliations),
                    spans,
                    found.speaker_id,
                )
            )
        return tuple(result)


def _is_description(mention: str) -> bool:
    """Whether a quote's mention is a description ("The expert"), not a name."""
    words = mention.split()
    return (
        1 < len(words) <= 4
        and core_of(words[0]) in DETERMINERS
        and is_role_noun(core_of(words[-1]))
    )


def _nearest(text: str, words: str, start: int, end: int, quote: Quote) -> int | None:
    """Where ``words`` stand in the paragraph nearest to the quote, whole words only.

    The distance is from the quote's start back to where the words end, or from the
    quote's end on to where they start (0 when they overlap the quote); of equal
    distances the first in the text.  Looked for outwards from the quote, so a long
    paragraph with many quotes costs no more than a short one.
    """

    def whole(at: int) -> bool:
        after = at + len(words)
        return (at == start or not text[at - 1].isalnum()) and (
            after == end or not text[after].isalnum()
        )

    candidates: list[tuple[int, int]] = []  # (distance, position)
    at = text.rfind(words, start, quote.start)  # ending at or before the quote's start
    while at >= 0 and not whole(at):
        at = text.rfind(words, start, at + len(words) - 1)
    if at >= 0:
        candidates.append((quote.start - (at + len(words)), at))
    at = text.find(words, max(start, quote.start - len(words) + 1), end)  # overlapping or after
    while at >= 0 and not whole(at):
        at = text.find(words, at + 1, end)
    if at >= 0:
        candidates.append((max(0, at - quote.end), at))
        if at <= quote.end:  # overlapping: distance 0; the first one after the quote too
            after_quote = text.find(words, quote.end + 1, end)
            while after_quote >= 0 and not whole(after_quote):
                after_quote = text.find(words, after_quote + 1, end)
            if after_quote >= 0:
                candidates.append((after_quote - quote.end, after_quote))
    return min(candidates)[1] if candidates else None


def find_entities(
    paragraphs: Sequence[str],
    speakers: Sequence[Speaker],
    quotes: Sequence[Quote],
    language: str | None = None,
) -> tuple[Entity, ...]:
    """Every person and organisation the paragraphs name, the speakers among them linked.

    The rules for names nobody is quoted under are English ones: in an article of another
    ``language`` (a BCP 47 tag) the entities are the speakers and the media of quotes,
    with every place their names stand, and in a Russian, Ukrainian or Belarusian one
    also the people named with a title before the name.
    """
    text = "\n\n".join(paragraphs)
    english = language is None or language.lower() == "en" or language.lower().startswith("en-")
    collector = _Collector(text, speakers, discover=english)
    collector.read_text()
    collector.read_quotes(quotes, paragraph_bounds(paragraphs))
    if language is not None and language.split("-")[0].lower() in RUSSIAN_RULE_LANGUAGES:
        collector.read_titled_russian()
    return collector.entities()
