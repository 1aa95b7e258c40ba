"""Entities: every person and organisation a post names, quoted or not.

The quoted ones come first: each :class:`~newsrecord.Speaker` is an entity linked to it
(``speaker_id``), with its name and affiliations.  Then the text is read for names: runs
of capitalised words ("Estonian Transport Minister Ivo Hart", "the Institute of
Transport Studies", "Mr. Hart"), split into title and name and classified by the
rules of ``_roles``.  A run is

* an organisation when an organisation word is in it or it is an acronym ("NATO");
* a person when it is a name of two to four words (or one after a title or an
  honorific), without role, title, place, day or event words;
* a mention of a person already found when it is a surname of one ("Mr. Hart",
  "Hart");
* nothing otherwise: a lone capitalised word (the first of a sentence, a place such as
  "Minsk"), and a role without a name ("the Lornian President").

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
stand.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence
from typing import Final

import attrs

from newsrecord._fast import new_entity, new_span
from newsrecord._model import Affiliation, Entity, Quote, Speaker, SpeakerKind
from newsrecord.parse._lexicon import (
    ABBREVIATIONS,
    CUE_VERBS,
    DEMONYMS,
    DETERMINERS,
    FUNCTION_WORDS,
    HONORIFICS,
    NON_PERSON_WORDS,
    NOT_NAME_WORDS,
    ORGANIZATION_WORDS,
    PRONOUNS,
    ROLE_NOUNS,
    SENTENCE_STARTERS,
    TITLE_MODIFIERS,
)
from newsrecord.parse._roles import (
    affiliation_of,
    cut_appositive,
    is_description,
    is_organization,
    is_person_name,
    is_role_noun,
    read_name,
)
from newsrecord.parse._spans import core_of, paragraph_bounds

__all__ = ["find_entities"]

#: Lower-case words that may stand inside a name between capitalised ones.
_CONNECTORS: Final = frozenset(
    {"of", "for", "the", "and", "de", "van", "von", "der", "bin", "al", "ibn"}
)
_POSSESSIVE: Final = ("’s", "'s", "’", "'")
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


def _keeps_its_stop(word: str) -> bool:
    """Whether a full stop at the end of ``word`` belongs to it ("Mr.", "U.S.", "H.")."""
    bare = word[:-1]
    if not bare:
        return False
    if len(bare) == 1 and bare.isupper():
        return True  # an initial
    lower = bare.lower()
    return lower in ABBREVIATIONS or lower in HONORIFICS or "." in bare


#: Capital letters: Latin (with the accented ones) and Cyrillic.
_UPPER: Final = "A-ZÀ-ÖØ-ÞА-ЯЁЂ-ЏҐЄІЇЎ"
#: A run of capitalised words, with lower-case particles between them ("Institute of
#: Transport Studies"), the words joined by one space or no-break space.  A full stop
#: that ends a sentence inside it is split off by :func:`_pieces`.
_RUN: Final = re.compile(
    rf"[{_UPPER}][\w’'.\-]*"
    rf"(?:[ \u00a0](?:(?:{'|'.join(sorted(_CONNECTORS))})[ \u00a0])*[{_UPPER}][\w’'.\-]*)*"
)
#: Capitalised words that are never a name, as they stand in the text.
_NEVER_NAMES: Final = frozenset(
    form
    for word in NOT_NAME_WORDS | DETERMINERS
    for form in (word.capitalize(), word.capitalize() + ".")
)
_PIECE: Final = re.compile(r"[^ \u00a0]+")
#: What may stand between the end of a sentence and the next one's first word.
_BEFORE_SENTENCE: Final = ' \u00a0\n“"‘«„(['


def _paragraph_start(text: str, at: int) -> int:
    """Where the paragraph of the text that ``at`` is in starts."""
    blank = text.rfind("\n\n", 0, at)
    return 0 if blank < 0 else blank + 2


def _opens_sentence(text: str, start: int, floor: int) -> bool:
    """Whether the word at ``start`` is the first of its sentence (``floor``: its paragraph's
    start), quotation marks and brackets before it aside."""
    at = start
    while at > floor and text[at - 1] in _BEFORE_SENTENCE:
        at -= 1
    if at <= floor:
        return True
    while at > floor and text[at - 1] in "”\"’'»)]":
        at -= 1
    return text[at - 1] in ".!?…:" if at > floor else True


@functools.lru_cache(maxsize=4096)
def _pieces(found: str) -> tuple[tuple[int, str], ...]:
    """The runs of names in one match of :data:`_RUN`: ``(where it starts in the match, the
    run as written)``.  A run ends at a full stop that ends its sentence ("Hart." but
    "Mr.", "U.S.", "H."), which is no part of it; the runs after the first open a
    sentence.
    """
    runs: list[tuple[int, str]] = []
    first = last = -1
    for piece in _PIECE.finditer(found):
        start, end, word = piece.start(), piece.end(), piece.group()
        stop = word.endswith(".") and not _keeps_its_stop(word)
        if stop:
            end = start + len(word.rstrip("."))
        if end > start:
            if first < 0:
                first = start
            last = end
        if stop:
            if first >= 0:
                runs.append((first, found[first:last]))
            first = -1
    if first >= 0:
        runs.append((first, found[first:last]))
    return tuple(runs)


def _inside_a_word(text: str, at: int, floor: int) -> bool:
    """Whether a capital at ``at`` stands inside a word ("iPhone", "d’Estaing")."""
    if at <= floor:
        return False
    before = text[at - 1]
    if before.isalnum():
        return True
    return before in "’'" and at - 1 > floor and text[at - 2].isalnum()


def _is_title_word(word: str) -> bool:
    core = core_of(word)
    return is_role_noun(core) or core in TITLE_MODIFIERS or core in HONORIFICS


def _no_person_word(words: Sequence[str]) -> bool:
    for word in words:
        core = core_of(word)
        if (
            core in ROLE_NOUNS
            or core in TITLE_MODIFIERS
            or core in HONORIFICS
            or core in ORGANIZATION_WORDS
            or core in NON_PERSON_WORDS
        ):
            return False
    return True


#: The last characters of a possessive.
_POSSESSIVE_ENDS: Final = "s’'"


def _not_a_first_word(word: str) -> bool:
    core = core_of(word)
    return core in NOT_NAME_WORDS or core in DETERMINERS


def _without_possessive(word: str) -> str:
    """``word`` without a final possessive ("Lind’s", "Sanders’"), or as it is."""
    if word.endswith(("’s", "'s")) and len(word) > 2:
        return word[:-2]
    if word.endswith(("s’", "s'")):
        return word[:-1]
    return word


def _possessor(word: str) -> str:
    for ending in _POSSESSIVE:
        if word.endswith(ending):
            return word[: -len(ending)]
    return word


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
            surname = core_of(form.split()[-1]) if form.split() else ""
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
        never = _NEVER_NAMES
        read_word = self._read_word
        read_run = self.read_run
        for match in _RUN.finditer(text):
            found = match.group()
            if found in never:  # "The", "But", "His": most runs are one such word
                continue
            first = match.start()
            if first and _inside_a_word(text, first, 0):
                continue
            if " " not in found and "\u00a0" not in found:
                read_word(first, found)
                continue
            opens = _opens_sentence(text, first, _paragraph_start(text, first))
            if "." not in found:  # no full stop to split it at
                read_run(first, found, opens)
                continue
            for at, run in _pieces(found):
                read_run(first + at, run, opens if at == 0 else True)

    def _read_word(self, first: int, word: str) -> None:
        """:meth:`read_run` of a run of one word, quicker: a name or alias found before, a
        surname of a person found before, or an organisation's one word ("NATO")."""
        word, core, may_name, never, starter = _word_facts(word)
        known = self._forms.get(word)
        if known is None and not may_name and core not in self._surnames:
            return  # the common case: nothing this word can name
        if never:
            return
        if starter and _opens_sentence(self.text, first, _paragraph_start(self.text, first)):
            return
        last = first + len(word)
        if known is not None:
            self.mention(known, first, last)
            return
        if not self.discover:
            surnamed = self._surnames.get(core)
            if surnamed is not None:
                self.mention(surnamed, first, last)
            return
        verdict, name, _at, _title, _affiliation = _reading(word)
        if verdict == "surname":
            self._surname_mention(name, first, last, titled=False)
        elif verdict == "organization" and (
            _acronym(name)
            or not _opens_sentence(self.text, first, _paragraph_start(self.text, first))
        ):
            entity = self._forms.get(name) or self._add(
                _Found(name=name, kind=SpeakerKind.ORGANIZATION)
            )
            self.mention(entity, first, last)

    def read_run(self, start: int, run: str, opens: bool) -> None:
        """Read the run of names ``run`` at ``start`` (``opens``: whether it opens a
        sentence); what it is without the entities found so far is :func:`_run_plan`."""
        known = self._forms.get(run)
        if known is not None:  # a name found before, as it stands: the quickest case
            self.mention(known, start, start + len(run))
            return
        plan = _run_plan(run, opens)
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
        plan = _body_plan(run)
        if plan is None:
            return
        name = plan.name
        known = self._forms.get(name)
        if known is not None:  # a name found before: the quickest case, and a common one
            self.mention(known, start, start + len(name))
            return
        if not self.discover:
            return
        if plan.rest is not None:  # "Deputy Chairman of the Port Authority": the title is someone's
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
        verdict, name, at, title, affiliation = _reading(head)
        if verdict == "surname":  # "Mr. Lind", "President Lind", "Mr. Lind of the Board"
            stop = start + at + len(name)
            self._surname_mention(name, start, stop, titled=bool(title), affiliation=affiliation)
            self._organization_after(affiliation, stop)
        elif verdict == "person":
            self._read_person(name, start, start + at + len(name), title, affiliation, owner)
        elif verdict == "organization" and not (lone and not _acronym(name)):
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
            country = owner or _country(title)
            if country is not None:
                affiliation = attrs.evolve(affiliation, organization=country)
        entity = self._person(name)
        self.mention(entity, start, end)
        entity.add_affiliation(affiliation)
        for described in self._descriptions(start, end):
            entity.add_affiliation(described)
        self._organization_after(affiliation, end)

    def _organization_after(self, affiliation: Affiliation | None, end: int) -> None:
        """The organisation of "X of the Y Institute", named after ``end``, as an entity."""
        organization = affiliation.organization if affiliation is not None else None
        if organization and is_organization(organization):
            at = self.text.find(organization, end, end + _DESCRIPTION_REACH)
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
            chunk, whole = _description_at_end(before[comma + 1 :])
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
            start, end = _paragraph_of(bounds, quote.start)
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
                found = _nearest(self.text, via, start, end, quote)
                if found is not None:
                    self.mention(medium, found, found + len(via))

    def entities(self) -> tuple[Entity, ...]:
        """The entities found, in the order of their first mention, numbered."""
        ordered = sorted(
            enumerate(self.found),
            key=lambda item: (min(item[1].spans) if item[1].spans else len(self.text), item[0]),
        )
        # Built without the validators of Span and Entity: spans are made by mention()
        # (start < end, not blank), ids here, names from the text or the speakers; the
        # article still checks that the spans lie in its text and match it.
        text = self.text
        result = []
        for number, (_index, found) in enumerate(ordered, start=1):
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


#: The words of a run: ``(start, end, word)``, where they stand in it.
_Words = list[tuple[int, int, str]]


def _words(run: str) -> _Words:
    """The words of a run of names (one space or no-break space between two)."""
    words = []
    at = 0
    for word in run.split(" ") if "\u00a0" not in run else _PIECE.findall(run):
        words.append((at, at + len(word), word))
        at += len(word) + 1
    return words


@functools.lru_cache(maxsize=4096)
def _word_facts(word: str) -> tuple[str, str, bool, bool, bool]:
    """A run of one word as :meth:`_Collector._read_word` reads it: the word without a
    final full stop or possessive, its core, whether it may name an organisation by
    itself, whether it never names anything and whether it is a word sentences open
    with."""
    if word[-1] == "." and not _keeps_its_stop(word):
        word = word.rstrip(".")
    if word[-1] in _POSSESSIVE_ENDS:
        word = _without_possessive(word)
    core = core_of(word)
    may_name = core in ORGANIZATION_WORDS or ("." not in word and _acronym(word))
    never = not core or core in NOT_NAME_WORDS or core in DETERMINERS
    return word, core, may_name, never, word in SENTENCE_STARTERS


@attrs.frozen
class _Body:
    """A run without the words before its name (a verb, "The"); ``second``: where its
    second word starts when the first is no part of the name if the rest is a name found
    already ("Rival Ana Lind"), else 0."""

    at: int
    body: str
    opens: bool
    second: int


@functools.lru_cache(maxsize=4096)
def _run_plan(run: str, opens: bool) -> _Body | tuple[tuple[int, str, bool], ...] | None:
    """How a run of names is read, whatever entities were found before: its parts when
    "and" joins two names (``(where it starts, the part, whether it opens a sentence)``),
    or the run without the words that open it and are no part of the name, or ``None``
    when no word is left.  The possessive after the last word is no part of it."""
    words = _words(run)
    last_start, _last_end, last_word = words[-1]
    if last_word[-1] in _POSSESSIVE_ENDS:
        bare = _without_possessive(last_word)
        if bare != last_word:  # "Hillary Lind’s campaign": the name is "Hillary Lind"
            words[-1] = (last_start, last_start + len(bare), bare)
            run = run[: last_start + len(bare)]
    if " and " in run and _two_by_and(run, words):
        # "Ana Lind and Ivo Hart" are two; "Department of Health and Welfare" is one
        parts = []
        part: _Words = []
        for item in [*words, (0, 0, "and")]:
            if item[2] == "and":
                if part:
                    parts.append((part[0][0], run[part[0][0] : part[-1][1]], opens))
                part, opens = [], False
            else:
                part.append(item)
        return tuple(parts)
    while words and (
        words[0][2] in _NEVER_NAMES
        or _not_a_first_word(words[0][2])
        or (opens and words[0][2] in SENTENCE_STARTERS)
    ):
        words, opens = words[1:], False
    if not words:
        return None
    second = 0
    if opens and len(words) > 1:
        if _not_a_name_start(words[0][2]):
            words, opens = words[1:], False  # "Injecting Ana Lind ...", "Said Ana Lind"
        else:
            second = words[1][0] - words[0][0]
    at = words[0][0]
    return _Body(at, run[at : words[-1][1]], opens, second)


def _two_by_and(run: str, words: _Words) -> bool:
    """Whether a run with "and" in it names two ("Ana Lind and Ivo Hart", "the FBI and
    the Justice Department") rather than one ("Securities and Exchange Commission",
    "Department of Health and Welfare")."""
    index = next(i for i, (_start, _end, word) in enumerate(words) if word == "and")
    whole = run[words[0][0] : words[-1][1]]
    if not _names_organization(whole):
        return True
    if index == 0 or index == len(words) - 1:
        return False
    before = run[words[0][0] : words[index - 1][1]]
    after = run[words[index + 1][0] : words[-1][1]]
    after = after[4:] if after.startswith("the ") else after
    return (
        _names_organization(before)
        and _names_organization(after)
        and not any(word in {"of", "for"} for _start, _end, word in words[:index])
    )


def _not_a_name_start(word: str) -> bool:
    """Whether the first word of a run that opens a sentence is no part of the name, a
    verb or a function word, whatever the rest is."""
    core = core_of(word)
    if core in FUNCTION_WORDS or core in CUE_VERBS:
        return True
    return core.endswith(("ing", "ed", "ly")) and core not in ROLE_NOUNS


@attrs.frozen
class _Name:
    """A run read for its name, whatever entities were found before.

    ``name``: the run without the connectors that end it; ``rest``: for a title before
    "of" or "for" ("Deputy Chairman of the Port Authority"), what follows it (at
    ``rest_at``), to be read instead; else ``head``, the run to classify (at ``head_at``),
    ``one_word``, whether it is one word, and ``owner``, the country or organisation of a
    possessive before it ("Lornia’s President Ivo Hart").
    """

    name: str
    rest: str | None = None
    rest_at: int = 0
    head: str = ""
    head_at: int = 0
    one_word: bool = False
    owner: str | None = None


@functools.lru_cache(maxsize=4096)
def _body_plan(run: str) -> _Name | None:
    """How a run without words before its name (see :func:`_run_plan`) is read."""
    words = _words(run)
    while words and words[-1][2] in _CONNECTORS:
        words = words[:-1]
    if not words:
        return None
    name = run[: words[-1][1]]
    texts = [word for _start, _end, word in words]
    for index, word in enumerate(texts):
        if word in {"of", "for"}:
            if index and all(_is_title_word(w) for w in texts[:index]):
                rest = words[index + 1 :]
                while rest and rest[0][2] == "the":
                    rest = rest[1:]
                return _Name(name, rest=run[rest[0][0] : rest[-1][1]], rest_at=rest[0][0])
            break
    # "Lornia’s Transport Ministry" is one organisation; "Lornia’s President Ivo Hart" a
    # person whose title tells the country
    owner: str | None = None
    for index, word in enumerate(texts[:-1]):
        if word.endswith(_POSSESSIVE):
            rest_words = texts[index + 1 :]
            if not is_organization(" ".join(rest_words)):
                owner = _possessor(" ".join(texts[: index + 1]))
                words, texts = words[index + 1 :], rest_words
            break
    head_at = words[0][0]
    return _Name(
        name,
        head=run[head_at : words[-1][1]],
        head_at=head_at,
        one_word=len(texts) == 1,
        owner=owner,
    )


#: What a run of names is: ``(verdict, name, where the name starts in the run, the
#: title before it, the affiliation the run states)``; the verdict is ``"person"``,
#: ``"surname"`` (one word: a person only when known, or after a title),
#: ``"organization"`` or ``None``.
_Reading = tuple[str | None, str, int, str, Affiliation | None]


@functools.lru_cache(maxsize=4096)  # names recur, within an article and across them
def _reading(head: str) -> _Reading:
    """What a run of capitalised words names, by the rules of ``_roles``."""
    letters = head.replace(" ", "").replace(".", "")
    if letters.isupper() and not _acronym(head):
        return None, head, 0, "", None  # a heading or a dateline ("FULL TEXT", "WASHINGTON")
    name, kind, affiliation = read_name(head, None)
    if kind is SpeakerKind.PERSON:
        name_words = name.split()
        at = head.find(name)
        title = head[:at].strip() if at > 0 else ""
        # a title ends in a role or an honorific ("Senate Majority Leader", "Mr."): not
        # "Presidential" ("Presidential Debates"), nor "Institute for" ("... Studies")
        if (
            at >= 0
            and is_person_name(name)
            and _no_person_word(name_words)
            and (not title or _is_role_or_honorific(title.split()[-1]))
        ):
            tail = at + len(name) == len(head)
            if len(name_words) == 1 and (
                tail or (title and affiliation is not None and affiliation.organization)
            ):
                return "surname", name, at, title, affiliation
            # "Jana Novak of the Institute ...": a person only when what follows the name
            # is an organisation ("Lindgrove Chamber of Commerce" is none)
            if len(name_words) > 1 and (tail or (affiliation and affiliation.organization)):
                return "person", name, at, title, affiliation
    if not _names_organization(head):
        return None, head, 0, "", None
    return "organization", name if kind is SpeakerKind.ORGANIZATION else head, 0, "", None


def _names_organization(head: str) -> bool:
    """An organisation word in it ("Harbour Board"), or an acronym without full stops
    ("NATO"; "U.S." and "N.C." are places), and not a common word in capitals ("NO")."""
    if any(core_of(word) in ORGANIZATION_WORDS for word in head.split()):
        return True
    if "." in head or not _acronym(head):
        return False
    lower = head.lower()
    return lower not in NON_PERSON_WORDS and lower not in FUNCTION_WORDS and lower not in PRONOUNS


def _is_role_or_honorific(word: str) -> bool:
    core = core_of(word)
    return is_role_noun(core) or core in HONORIFICS


def _description_at_end(text: str) -> tuple[str, bool]:
    """The description that ends ``text`` ("a member of X" of "Hart met a member of X"), and
    whether it is all of ``text``."""
    words = text.split()
    if not words:
        return "", True
    if (core_of(words[0]) in DETERMINERS or _is_title_word(words[0])) and "and" not in words:
        return " ".join(words), True
    for index in range(len(words) - 2, -1, -1):  # the last "a", "an", "the" opening a phrase
        if words[index] in {"a", "an", "the"} and (
            index == 0 or words[index - 1] not in _PREPOSITIONS
        ):
            return " ".join(words[index:]), False
    return "", False


_PREPOSITIONS: Final = frozenset({"of", "at", "for", "from", "in", "to", "with", "by", "on"})


def _is_description(mention: str) -> bool:
    """Whether a quote's mention is a description ("The expert"), not a name."""
    words = mention.split()
    return (
        1 < len(words) <= 4
        and core_of(words[0]) in DETERMINERS
        and is_role_noun(core_of(words[-1]))
    )


def _acronym(name: str) -> bool:
    """An acronym ("NATO", "U.N."): two to six capitals; longer runs of capitals are
    headings or datelines."""
    bare = name.replace(".", "")
    return 2 <= len(bare) <= 6 and bare.isupper() and bare.isalpha()


def _country(title: str) -> str | None:
    """The country a title's first word names ("Estonian Transport Minister")."""
    words = title.split()
    return DEMONYMS.get(core_of(words[0])) if words else None


def _paragraph_of(bounds: list[tuple[int, int]], position: int) -> tuple[int, int]:
    """The bounds of the paragraph ``position`` is in."""
    index = bisect.bisect_right(bounds, (position, len(bounds) and bounds[-1][1] + 1)) - 1
    if index >= 0 and bounds[index][0] <= position <= bounds[index][1]:
        return bounds[index]
    return 0, 0


def _nearest(text: str, words: str, start: int, end: int, quote: Quote) -> int | None:
    """Where ``words`` stand in the paragraph nearest to the quote, whole words only."""
    best: int | None = None
    distance = len(text) + 1
    at = text.find(words, start, end)
    while at >= 0:
        after = at + len(words)
        if (at == start or not text[at - 1].isalnum()) and (
            after == end or not text[after].isalnum()
        ):
            away = quote.start - after if after <= quote.start else max(0, at - quote.end)
            if away < distance:
                best, distance = at, away
        at = text.find(words, at + 1, end)
    return best


def find_entities(
    paragraphs: Sequence[str],
    speakers: Sequence[Speaker],
    quotes: Sequence[Quote],
    language: str | None = None,
) -> tuple[Entity, ...]:
    """Every person and organisation the paragraphs name, the speakers among them linked.

    The rules for names nobody is quoted under are English ones: in an article of another
    ``language`` (a BCP 47 tag) the entities are the speakers and the media of quotes,
    with every place their names stand.
    """
    text = "\n\n".join(paragraphs)
    english = language is None or language.lower() == "en" or language.lower().startswith("en-")
    collector = _Collector(text, speakers, discover=english)
    collector.read_text()
    collector.read_quotes(quotes, paragraph_bounds(paragraphs))
    return collector.entities()
