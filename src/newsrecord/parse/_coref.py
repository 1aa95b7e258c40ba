"""Coreference: resolving every mention of an article to the speaker it points at.

Mentions are resolved in text order: pronouns to the latest person quoted (or a person
named as a sentence's subject since), never to a person of the other gender where the
text tells it (``_gender``: an honorific, a gendered noun, a pronoun used of the name;
else what an earlier pronoun guessed) nor to a "name" that is a possessive; "Mr. X"
and bare surnames to the speaker of that surname, or to the full name the text gives
earlier; role nouns ("the expert") to the speaker in that role;
organisation words ("the ministry") to the organisation quoted.  Only entities that
some quote's mention resolves to become speakers.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Final

from newsrecord._model import (
    Affiliation,
    Speaker,
    SpeakerKind,
)
from newsrecord.parse._descriptions import (
    MADE_BY,
    OF_THE,
    is_demonym,
    lower_first,
    names_one,
    post_of,
    titled_before,
    without_title,
)
from newsrecord.parse._fullnames import (
    POSSESSIVES,
    completed_name,
    find_full_name,
    last_person_named,
    titled_person,
)
from newsrecord.parse._gender import gender_of
from newsrecord.parse._lexicon import PRONOUNS
from newsrecord.parse._lexicon_names import (
    GENDERED_NOUNS,
    GROUP_NOUNS,
    HONORIFIC_GENDER,
    HONORIFICS,
    ORGANIZATION_WORDS,
    ROLE_NOUNS,
    ROLE_PHRASES,
    TITLE_MODIFIERS,
)
from newsrecord.parse._referents import Referent, creation
from newsrecord.parse._roles import (
    affiliation_of,
    classify,
    is_organization,
    is_person_name,
    is_role_noun,
    read_name,
    strip_determiner,
)
from newsrecord.parse._spans import Mention, core_of
from newsrecord.parse._subjects import clause_subjects, own_sentence_start, subject_names

__all__ = ["Resolver", "resolve"]


#: How far back a pronoun looks for a person named as a sentence's subject (characters).
_PRONOUN_REACH: Final = 600


class Resolver:
    """Resolves the mentions of one article, in text order, to entities."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.entities: list[Referent] = []
        # look-up tables, so that resolving stays linear in the number of mentions
        self._forms: dict[str, list[Referent]] = {}  # a name or alias -> entities
        self._surnames: dict[str, list[Referent]] = {}  # a last word -> entities
        self._recent: list[Referent] = []  # entities in the order they were last seen

    def _index(self, entity: Referent) -> None:
        """Make an entity's name and aliases findable (again, after they changed)."""
        for form in (entity.name, *entity.aliases):
            listed = self._forms.setdefault(form, [])
            if entity not in listed[-3:]:
                listed.append(entity)
            words = form.split()
            if words:
                same = self._surnames.setdefault(core_of(words[-1]), [])
                if entity not in same[-3:]:
                    same.append(entity)

    def _by_recency(self) -> Iterator[Referent]:
        """Entities from the one seen last backwards, each once."""
        seen: set[int] = set()
        for entity in reversed(self._recent):
            if id(entity) not in seen:
                seen.add(id(entity))
                yield entity

    def _by_surname(self, surname: str, told: str | None = None) -> Referent | None:
        """The latest entity of that surname, not one of the other gender than ``told``
        ("Mrs. Hart" is not the "Mr. Hart" quoted before)."""
        found = [
            e
            for e in self._surnames.get(surname.lower(), [])
            if told is None or e.told in {None, "", told}
        ]
        return max(found, key=creation) if found else None

    def _gender(self, entity: Referent) -> str | None:
        """What the text tells of an entity's gender, else what a pronoun guessed."""
        if entity.told is None:
            entity.told = gender_of(self.text, entity.name) or ""
        return entity.told or entity.gender

    def _pronoun_fits(self, entity: Referent, gender: str | None) -> bool:
        """Whether a pronoun of ``gender`` can stand for the entity: a person with a name
        ("Trump's" or "Clinton's record" are no persons), of that gender or unknown."""
        return (
            entity.kind is SpeakerKind.PERSON
            and not entity.name.endswith(POSSESSIVES)
            and (entity.described or is_person_name(entity.name))
            and (gender is None or self._gender(entity) in {None, gender})
        )

    def _person_for_pronoun(self, pronoun: str, position: int) -> Referent | None:
        """The person "he", "she" or "I" at ``position`` points at.

        The latest person quoted, or a person named as the subject of a sentence after
        that (who becomes a speaker now), skipping people of the other gender when an
        honorific or an earlier pronoun has told it.
        """
        gender = {"he": "m", "she": "f"}.get(pronoun)
        latest = next((e for e in self._by_recency() if self._pronoun_fits(e, gender)), None)
        floor = latest.last_seen if latest is not None else 0
        entity = latest
        for _end, name, honorific in reversed(self._named_subjects(floor, position)):
            known = self._match_name(name, SpeakerKind.PERSON)
            told = HONORIFIC_GENDER.get(honorific) or (
                self._gender(known) if known else gender_of(self.text, name)
            )
            if gender is not None and told not in {None, gender}:
                continue  # "Ms. Novak said ... he added": not her
            if gender is not None and told is None and latest is not None and latest.told == gender:
                break  # the person last quoted is known to be "she": keep her
            entity = known or self._new(name, SpeakerKind.PERSON)
            entity.told = entity.told or told
            break
        if entity is None:
            # nobody quoted or named as a subject yet: the person named last before the
            # pronoun ("Attorney General Ana Ruiz is reaffirming ... She told ...")
            named = last_person_named(self.text, max(0, position - _PRONOUN_REACH), position)
            if named is not None and gender not in {None, gender_of(self.text, named) or gender}:
                named = None  # "Ivo Lemke, who leads his party, ... she said": not him
            if named is not None:
                entity = self._match_name(named, SpeakerKind.PERSON) or self._new(
                    named, SpeakerKind.PERSON
                )
        if entity is not None and gender is not None and entity.gender is None:
            entity.gender = gender
        return entity

    def _named_subjects(self, floor: int, position: int) -> list[tuple[int, str, str]]:
        """The people named as subjects since ``floor`` (and within reach) of a pronoun at
        ``position``: those opening a sentence, and people quoted before who stand before a
        verb in the pronoun's own sentence ("After Ruiz lost the vote, she said"), in
        text order."""
        start = max(floor, position - _PRONOUN_REACH)
        named = subject_names(self.text, start, position)
        ends = {end for end, _name, _honorific in named}
        own = own_sentence_start(self.text, start, position)
        named += [
            subject
            for subject in clause_subjects(self.text, own, position)
            if subject[0] not in ends and self._quoted(subject[1])
        ]
        return sorted(named)

    def _quoted(self, name: str) -> bool:
        """Whether ``name`` is of a person some mention resolved to before."""
        known = self._match_name(name, SpeakerKind.PERSON)
        return known is not None and known in self._recent

    def _latest(self, kinds: set[SpeakerKind]) -> Referent | None:
        return next((e for e in self._by_recency() if e.kind in kinds), None)

    def _latest_fitting(self, gender: str | None) -> Referent | None:
        """The latest person, of ``gender`` or of none the text tells ("the businessman"
        is not the woman quoted last)."""
        return next(
            (
                e
                for e in self._by_recency()
                if e.kind is SpeakerKind.PERSON
                and (gender is None or self._gender(e) in {None, gender})
            ),
            None,
        )

    def resolve(self, mention: Mention) -> Referent | None:
        """The entity a mention points at, created when it is a new name."""
        head = mention.head.strip().strip("“”\"'’‘")
        kind = classify(head)
        entity: Referent | None = None
        if kind == "pronoun":
            what = PRONOUNS.get(head.lower())
            if what == "person":
                entity = self._person_for_pronoun(head.lower(), mention.start)
            elif what in {"group", "organization"}:
                entity = self._latest({SpeakerKind.ORGANIZATION})
        elif kind == "honorific":
            surname = head.split()[-1]
            told = HONORIFIC_GENDER.get(core_of(head.split()[0]))
            entity = self._by_surname(core_of(surname), told)
            if entity is None:
                full = find_full_name(self.text, surname.strip(".,"), mention.start)
                entity = self._new(full or head, SpeakerKind.PERSON)
            entity.add_alias(head)
            entity.told = entity.told or told
            entity.add_affiliation(affiliation_of(mention.appositive, None))
        elif kind == "name":
            name, speaker_kind, affiliation = read_name(head, mention.appositive)
            entity = self._match_name(name, speaker_kind)
            if entity is None:
                full = None
                if len(name.split()) == 1 and speaker_kind is SpeakerKind.PERSON:
                    full = find_full_name(self.text, name, mention.start)
                entity = self._new(full or name, speaker_kind)
                if full:
                    entity.add_alias(name)
            elif len(name.split()) > len(entity.name.split()) and speaker_kind is entity.kind:
                entity.add_alias(entity.name)
                entity.aliases = [a for a in entity.aliases if a != name]
                entity.name = name
            else:
                entity.add_alias(name)
            entity.add_affiliation(affiliation)
        elif kind == "description":
            entity = self._by_description(head, mention.start)
            if entity is not None:
                entity.add_alias(
                    head[:1].lower() + head[1:] if head.split()[0].lower() == "the" else head
                )
        if entity is not None:
            entity.last_seen = mention.start
            self._recent.append(entity)
            self._index(entity)
        return entity

    def _match_name(self, name: str, kind: SpeakerKind) -> Referent | None:
        exact = [e for e in self._forms.get(name, []) if e.name == name or name in e.aliases]
        if exact:
            return max(exact, key=creation)
        if kind is SpeakerKind.PERSON:
            surname = core_of(name.split()[-1])
            same = {id(e): e for e in self._surnames.get(surname, [])}
            for entity in sorted(same.values(), key=creation, reverse=True):
                if entity.kind is SpeakerKind.PERSON and entity.surname == surname:
                    first = name.split()[0]
                    if (
                        len(name.split()) == 1
                        or entity.name.split()[0] == first
                        or len(entity.name.split()) == 1
                    ):
                        return entity
        return None

    def _by_description(self, head: str, position: int) -> Referent | None:
        words = head.split()
        unit = self._by_unit(words)
        if unit is not None:
            return unit
        if (
            len(words) > 1
            and any(w.endswith(("’s", "'s")) for w in words[:-1])
            and is_role_noun(core_of(words[-1]))
        ):
            return self._by_possessive(head)
        post = post_of(head)  # "the president of the Harbour Authority", "a spokeswoman for X"
        if not words or words[0].lower() not in {"the", "this", "that"}:
            return self._by_post(head, *post) if post is not None else None
        of = next((i for i, w in enumerate(words) if i > 1 and w.lower() in {"of", "for"}), None)
        # "the press service of the leader": the service speaks, not the leader
        noun_at = of - 1 if of is not None else len(words) - 1
        noun = core_of(words[noun_at])
        plain = OF_THE.sub("of ", head.lower())  # "head of the Lornian state"
        phrase = next((p for p in ROLE_PHRASES if plain.endswith(p)), None)
        if phrase is not None:  # "the head of state": the president
            noun = ROLE_PHRASES[phrase].split()[-1].lower()
            noun_at = len(words) - len(phrase.split())
        # "the Lornia Republican": a capitalised word before the noun must fit too
        # ("the Belarusian President" is the President: a demonym need not fit)
        told = [core_of(w) for w in words[1:noun_at] if w[:1].isupper() and not is_demonym(w)]
        for entity in self._by_recency():
            said = [(a.role or "").lower().split() for a in entity.affiliations]
            if any(noun in role and all(w in role for w in told) for role in said):
                # (unless the text has given the title to someone else since)
                return self._titled_since(noun, position, entity) or entity
            named = entity.name.lower().split()
            if noun in named and all(w in named for w in told):
                return entity
            if (
                entity.kind is SpeakerKind.PERSON
                and not told
                and noun.isalpha()
                and noun not in ROLE_NOUNS  # (those the rules above and below read)
                and noun not in GROUP_NOUNS
                and noun not in ORGANIZATION_WORDS
                and titled_before(self.text, noun, entity.name, position)
            ):
                return entity  # "the ballerina" after "Prima ballerina Ana Ruiz said"
        if post is not None:  # no other President than the one of that body
            return self._by_post(head, *post)
        if noun in HONORIFICS or (noun == "leader" and len(words) > 2 and is_demonym(words[1])):
            # "the President", "the Belarusian leader": the person the text introduced
            # with that title, quoted or not ("President X met ...")
            titled = titled_person(self.text, "president" if noun == "leader" else noun, position)
            if titled is not None:
                name, role = titled
                entity = self._match_name(name, SpeakerKind.PERSON) or self._new(
                    name, SpeakerKind.PERSON
                )
                entity.add_affiliation(Affiliation(role=role))
                return entity
        if noun in ROLE_NOUNS and noun not in GROUP_NOUNS:
            # the latest person ("the expert" after "X, an analyst, said"), but a title
            # ("the President") never goes to one the article gave another role
            given = next(  # "the businessman" after "shipping businessman X"
                (
                    e
                    for e in self._by_recency()
                    if e.kind is SpeakerKind.PERSON
                    and titled_before(self.text, noun, e.name, position)
                ),
                None,
            )
            if given is not None:
                return given
            latest = self._latest_fitting(GENDERED_NOUNS.get(noun))
            if (
                noun in HONORIFICS
                and latest is not None
                and any(a.role for a in latest.affiliations)
            ):
                return None  # a title nobody was given: not the person last quoted
            return latest
        if noun in GROUP_NOUNS or noun in ORGANIZATION_WORDS:
            # "the ministry said": the organisation quoted so far, else a new one
            # named by the description ("the ministry"), which "it said" can point at
            latest = self._latest({SpeakerKind.ORGANIZATION})
            if of is None and (
                latest is not None or noun in {"report", "statement", "study", "survey", "poll"}
            ):
                return latest  # ("the press service of X" is an organisation of its own)
            return self._new(lower_first(strip_determiner(head), "the "), SpeakerKind.ORGANIZATION)
        return None

    def _by_unit(self, words: list[str]) -> Referent | None:
        """ "the centre's press service", "the ministry's press office": a unit of an
        organisation speaks for it, the organisation quoted last whose name has the word;
        "the press service of the X Ministry" is the X Ministry."""
        if (
            len(words) > 4
            and [w.lower() for w in words[:2]] == ["the", "press"]
            and words[3].lower() == "of"
        ):
            owner = strip_determiner(" ".join(words[4:]))
            if is_organization(owner) and owner[:1].isupper():
                return self._match_name(owner, SpeakerKind.ORGANIZATION) or self._new(
                    owner, SpeakerKind.ORGANIZATION
                )
        made = MADE_BY.match(" ".join(words))
        if made is not None:  # "a study by the Harbour Institute": the institute's finding
            name, kind, _affiliation = read_name(made.group("maker"), None)
            if name[:1].isupper():
                return self._match_name(name, kind) or self._new(name, kind)
        if len(words) < 3 or words[0].lower() != "the" or not words[1].endswith(("’s", "'s")):
            return None
        owner = words[1][:-2].lower()
        if owner not in ORGANIZATION_WORDS or core_of(words[-1]) not in ORGANIZATION_WORDS:
            return None
        return next(
            (
                entity
                for entity in self._by_recency()
                if entity.kind is SpeakerKind.ORGANIZATION and owner in entity.name.lower().split()
            ),
            None,
        )

    def _titled_since(self, noun: str, position: int, entity: Referent) -> Referent | None:
        """The person the text named with the title ``noun`` after ``entity`` was last
        seen and before ``position``, if another: "the minister" after "Deputy Prime
        Minister X said ..." and "Minister of Industry Y, who co-chaired ..." is Y."""
        if noun in GROUP_NOUNS or entity.kind is not SpeakerKind.PERSON:
            return None
        titled = titled_person(self.text, noun, position)
        if titled is None:
            return None
        name, role = titled
        if core_of(name.split()[-1]) == entity.surname or any(
            is_role_noun(core_of(w)) or core_of(w) in TITLE_MODIFIERS for w in name.split()
        ):
            return None  # the same person, or a title read as a name ("Prime Minister X")
        at = self.text.rfind(name, 0, position)
        if at <= entity.last_seen:
            return None
        person = self._match_name(name, SpeakerKind.PERSON) or self._new(name, SpeakerKind.PERSON)
        person.add_affiliation(Affiliation(role=role))
        return person

    def _by_post(self, head: str, noun: str, owner: str) -> Referent:
        """The person seen in that post at that body, else one named by the description."""
        for entity in self._by_recency():
            if any(
                a.organization == owner and noun in (a.role or "").lower().split()
                for a in entity.affiliations
            ):
                return entity
        entity = self._new(head[:1].lower() + head[1:], SpeakerKind.PERSON)
        entity.add_affiliation(Affiliation(organization=owner, role=noun))
        entity.described = names_one(noun)
        return entity

    def _by_possessive(self, head: str) -> Referent:
        """ "Ivo Hart's spokeswoman": the person in that role for that organisation or
        person, seen before or new (named by the description, as nothing names her)."""
        affiliation = affiliation_of(head, None)
        if affiliation is not None:
            for entity in self._by_recency():
                if affiliation in entity.affiliations:
                    return entity
        entity = self._new(head, SpeakerKind.PERSON)
        entity.add_affiliation(affiliation)
        entity.described = names_one(head.split()[-1])  # not "Ruiz's representatives"
        return entity

    def _new(self, name: str, kind: SpeakerKind) -> Referent:
        entity = Referent(name=name, kind=kind, order=len(self.entities))
        self.entities.append(entity)
        self._index(entity)
        return entity


def resolve(
    text: str, mentions: Sequence[Mention | None]
) -> tuple[tuple[Speaker, ...], list[str | None]]:
    """Speakers for the mentions (in text order) and each mention's speaker id (or None).

    Only entities that some mention resolves to become speakers, numbered ``s1``,
    ``s2``, ... in order of first mention.
    """
    resolver = Resolver(text)

    def position(index: int) -> int:
        mention = mentions[index]
        return mention.start if mention is not None else -1

    order = sorted(range(len(mentions)), key=position)
    resolved: list[Referent | None] = [None] * len(mentions)
    for index in order:
        mention = mentions[index]
        if mention is not None:
            resolved[index] = resolver.resolve(mention)
    for known in resolver.entities:
        full = completed_name(text, known.name) if known.kind is SpeakerKind.PERSON else None
        if full is not None:
            # the short form stays an alias
            short, known.name = known.name, full
            known.aliases = [a for a in known.aliases if a != full]
            known.add_alias(short)
        elif known.kind is SpeakerKind.PERSON:
            bare = without_title(known.name)
            if bare != known.name:  # "Mr. Lorne", "President Lorne": the name is "Lorne"
                titled, known.name = known.name, bare
                known.aliases = [a for a in known.aliases if a != bare]
                known.add_alias(titled)
    ids: dict[int, str] = {}
    speakers: list[Speaker] = []
    for index in order:
        entity = resolved[index]
        if entity is not None and id(entity) not in ids:
            ids[id(entity)] = f"s{len(ids) + 1}"
    for entity in resolver.entities:
        if id(entity) in ids:
            speakers.append(
                Speaker(
                    id=ids[id(entity)],
                    name=entity.name,
                    kind=entity.kind,
                    aliases=tuple(entity.aliases),
                    affiliations=tuple(entity.affiliations),
                )
            )
    speakers.sort(key=lambda s: int(s.id[1:]))
    return tuple(speakers), [ids[id(e)] if e is not None else None for e in resolved]
