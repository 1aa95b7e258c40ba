"""Roles and affiliations: what a mention says of who a speaker is.

:func:`classify` tells a pronoun, an honorific ("Mr. X"), a name or a description ("the
expert") apart; :func:`split_title` takes a title off a name ("Transport Minister Ivo
Hart"); :func:`affiliation_of` reads role and organisation from an appositive ("an
economist at the Institute of Transport Studies") or a title; :func:`read_name` gives a
mention's name, kind (person or organisation) and affiliation.
"""

from __future__ import annotations

import functools
import re
from typing import Final

from newsrecord._model import (
    Affiliation,
    SpeakerKind,
)
from newsrecord.parse._lexicon import (
    ABBREVIATIONS,
    APPOSITIVE_OPENERS,
    AUXILIARY_VERBS,
    DETERMINERS,
    HEADING_VERBS,
    PRONOUNS,
)
from newsrecord.parse._lexicon_names import (
    DEMONYMS,
    HONORIFICS,
    NAME_PARTICLES,
    ORGANIZATION_WORDS,
    ROLE_NOUNS,
    TITLE_MODIFIERS,
    TITLE_ORDINALS,
)
from newsrecord.parse._spans import core_of, is_capitalised, is_namelike

__all__ = [
    "affiliation_of",
    "classify",
    "cut_appositive",
    "is_description",
    "is_organization",
    "is_person_name",
    "is_role_noun",
    "read_name",
    "split_title",
    "strip_determiner",
]


def is_description(words: list[str]) -> bool:
    """Whether an appositive's words describe a speaker ("an economist at X", "30, a member")."""
    first = core_of(words[0])
    if (first.endswith(("ing", "ed")) and first not in ROLE_NOUNS) or first in AUXILIARY_VERBS:
        return False  # "referring to ...", "angered that ...", "would be clear since ..."
    if first.isdigit():  # an age, then where from or what: "30, a member of ...", "59, of Erie"
        return len(words) > 1 and (core_of(words[1]) in {"of", "from"} or is_description(words[1:]))
    if len(words) >= 3 and core_of(words[1]) in {"of", "at"} and is_namelike(words[2]):
        return True  # "publisher of SCOTUSblog"
    return (
        first in APPOSITIVE_OPENERS
        or is_role_noun(first)
        or first in TITLE_MODIFIERS
        or any(is_role_noun(core_of(w)) or core_of(w) in ORGANIZATION_WORDS for w in words[:8])
        or all(is_namelike(w) or core_of(w) in NAME_PARTICLES for w in words)
    )


def is_role_noun(core: str) -> bool:
    """A role noun, also hyphenated ("co-director") or plural ("researchers")."""
    last = core.rsplit("-", 1)[-1]
    return last in ROLE_NOUNS or (last.endswith("s") and last[:-1] in ROLE_NOUNS)


_APPOSITIVE_END: Final = re.compile(
    r",\s*(?:as|in|on|at|during|after|before|according|told|said|half|which|\w+ing|is|was|are|"
    r"were|has|had|will|would)\b"
    r"|[.;:!?](?=\s|$)|\s[—–-]\s|[“\"(]"
)


def cut_appositive(text: str) -> str:
    """The appositive at the start of ``text``: up to a participle clause or the sentence end.

    Relative clauses ("who ...") stay: they describe the speaker.  A full stop after an
    abbreviation ("Fla.", "Mrs.") does not end it.
    """
    text = " " + text.lstrip()
    cut = len(text)
    resume = 0  # where the search goes on: after a title in quotation marks
    for match in _APPOSITIVE_END.finditer(text):
        if match.start() < resume:
            continue
        if match.group() == ".":
            word = (
                text[: match.start()].rsplit(None, 1)[-1] if text[: match.start()].strip() else ""
            )
            if core_of(word) in ABBREVIATIONS or (word[:1].isupper() and len(word) <= 5):
                continue
        if match.group() in '“"' and _TITLE_LEAD.search(text, 0, match.start()):
            close = _TITLE_CLOSE.search(text, match.end(), match.end() + _TITLE_REACH)
            if close is not None:  # "the author of “The Long Road,”": a title, no quote
                resume = close.end()
                continue
        cut = match.start()
        break
    return text[:cut].strip().rstrip(".!?;:,").strip()


#: What stands before a title in quotation marks inside an appositive: "the author of",
#: "the host of", "a columnist for".
_TITLE_LEAD: Final = re.compile(r"\s(?:of|for|on)\s*$")
_TITLE_CLOSE: Final = re.compile(r"[”\"]")
_TITLE_REACH: Final = 80


def strip_determiner(text: str) -> str:
    words = text.split()
    if words and words[0].lower() in {"the", "a", "an"}:
        return " ".join(words[1:])
    return text


# Cached (a pure function of the head): the stages ask what the same heads are again and
# again (a subject's, a mention's, a name's being resolved).
@functools.lru_cache(maxsize=1024)
def classify(head: str) -> str:
    """``pronoun``, ``honorific``, ``name``, ``description`` or ``other`` for a mention's head."""
    words = head.split()
    if not words:
        return "other"
    first = core_of(words[0])
    if len(words) == 1 and first in PRONOUNS:
        return "pronoun"
    if (
        len(words) > 1
        and any(w.endswith(("’s", "'s")) and is_capitalised(w) for w in words[:-1])
        and is_role_noun(core_of(words[-1]))
        and not is_capitalised(words[-1])
    ):
        return "description"  # "Trump's campaign manager", "Ivo Hart's spokeswoman"
    if len(words) == 1 and is_role_noun(first):
        return "description"  # "Officials", "Critics" at the start of a sentence
    if first in DETERMINERS:
        # the head noun is the last word before a preposition: "a longtime adviser to Trump"
        noun_phrase = words
        for index, word in enumerate(words[1:], start=1):
            if core_of(word) in {"to", "of", "for", "at", "from", "with"}:
                noun_phrase = words[:index]
                break
        if not any(is_capitalised(w) for w in noun_phrase[1:]) or is_role_noun(
            core_of(noun_phrase[-1])
        ):
            return "description"
    if any(is_namelike(w) for w in words):
        if first in HONORIFICS and len(words) == 2:
            return "honorific"
        if (
            words[0][:1].islower()
            and is_role_noun(first)
            and len(words) > 3
            and is_namelike(words[-1])
            and is_namelike(words[-2])
        ):
            return "name"  # "director of the enterprise Ana Ruiz": a title, then her name
        if words[0][:1].islower():
            # "early results of exit polls by Edison Research": the head is no name
            head_words = words
            for index, word in enumerate(words):
                if core_of(word) in {"of", "by", "for", "at", "from", "with", "to", "in"}:
                    head_words = words[:index]
                    break
            if not head_words or not is_namelike(head_words[-1]):
                return "description"
        return "name"
    if words[-1].lower() in ROLE_NOUNS:
        return "description"
    return "other"


#: The particles that stay inside a name when its title is split off ("van der Berg").
_NAME_PARTICLES_IN_NAMES: Final = NAME_PARTICLES - {"of", "for", "and"}


def split_title(head: str) -> tuple[str, str | None]:
    """``("Piet Okafor", "Transport Minister")`` from ``"Transport Minister Piet Okafor"``.

    The name is the trailing run of capitalised words that are not role words; what
    stands before it is the title.
    """
    words = head.split()
    index = len(words)
    while index > 0:
        word = words[index - 1]
        core = core_of(word)
        if (
            is_namelike(word)
            and not (index < len(words) and word.endswith(("’s", "'s", "’")))  # "CNN’s"
            and core not in ROLE_NOUNS
            and core not in TITLE_MODIFIERS
            and core not in HONORIFICS
            and core not in ORGANIZATION_WORDS
        ) or (core in _NAME_PARTICLES_IN_NAMES and index < len(words)):
            index -= 1
        else:
            break
    if index == len(words) or index == 0:
        return head, None
    return " ".join(words[index:]), " ".join(words[:index])


def is_organization(name: str) -> bool:
    """Whether a name reads as an organisation's ("Defence Ministry", "CNN")."""
    words = [core_of(w) for w in name.split()]
    if any(w in ORGANIZATION_WORDS for w in words):
        return True
    bare = name.strip()
    return len(bare) >= 2 and bare.replace(".", "").isupper() and bare.replace(".", "").isalpha()


_AFFILIATION: Final = re.compile(
    r"^(?:(?:an?|the|its|his|her|their)\s+)?(?P<role>[^,]*?)\s+(?:at|of|with|from|for|in)\s+(?:the\s+)?(?P<org>[A-Z][^,]*)$"
)


def _role_words(text: str) -> str | None:
    """A role phrase up to its last role noun ("Democratic pollster"), or None."""
    words = strip_determiner(text.strip()).split()
    if words and words[0].lower() in {"its", "his", "her", "their", "our"}:
        words = words[1:]  # "its director general, Paul Brandt": the role is "director general"
    last = max((i for i, w in enumerate(words) if core_of(w) in ROLE_NOUNS), default=None)
    if last is None or len(words) > 8:
        return None
    return " ".join(words[: last + 1]) + ("".join(words[last + 1 :]) and "")


#: "who heads the X", "who chairs the X": a relative clause naming the speaker's post.
_HEADS: Final = re.compile(
    r"(?:who|which)\s+(?:now\s+|also\s+)?(?P<verb>"
    + "|".join(sorted(HEADING_VERBS, key=len, reverse=True))
    + r")\s+(?:the\s+)?(?P<org>[A-Z][\w’'&.-]*(?:\s+(?:of|for|and|the|[A-Z][\w’'&.-]*))*)"
)
#: "who heads the laboratory of soil ecology at the National Academy": a unit of the
#: organisation, named in lower case, then the organisation.
_HEADS_UNIT: Final = re.compile(
    r"(?:who|which)\s+(?:now\s+|also\s+)?(?P<verb>"
    + "|".join(sorted(HEADING_VERBS, key=len, reverse=True))
    + r")\s+the\s+(?P<unit>[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,5}?)\s+(?:at|of)\s+(?:the\s+)?"
    r"(?P<org>[A-Z][\w’'&.-]*(?:\s+(?:of|for|and|the|[A-Z][\w’'&.-]*))*)"
)
#: "the Harbour Authority's chief": a possessive organisation and a role noun.
_POSSESSIVE_ROLE: Final = re.compile(
    r"(?:[Tt]he\s+)?(?P<org>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,5})(?:’s|'s)"
    r"\s+(?P<role>[a-z][\w -]{1,40})$"
)


#: The words a role opens with: "the", "a", a role noun or a title modifier.
_ROLE_OPENERS: Final = DETERMINERS | ROLE_NOUNS | TITLE_MODIFIERS


# Cached (a pure function; an Affiliation is frozen): asked for every mention of a name.
@functools.lru_cache(maxsize=1024)
def affiliation_of(appositive: str | None, title: str | None) -> Affiliation | None:
    """An affiliation from an appositive ("an expert at X") or a title ("Defence Minister")."""
    if appositive:
        text = appositive.split(",")[0].strip().rstrip(".")
        heads = _HEADS.match(text)
        if heads is not None:  # "who heads the Eastmoor Transport Institute"
            return Affiliation(
                organization=heads.group("org").strip(), role=HEADING_VERBS[heads.group("verb")]
            )
        unit = _HEADS_UNIT.match(text)
        if unit is not None:  # "who heads the laboratory of soil ecology at the X Academy"
            head = f"{HEADING_VERBS[unit.group('verb')]} of the {unit.group('unit')}"
            return Affiliation(organization=unit.group("org").strip(), role=head)
        possessive = _POSSESSIVE_ROLE.match(text)
        if possessive is not None and is_role_noun(core_of(possessive.group("role").split()[-1])):
            # "the Harbour Authority's chief": the organisation before the possessive
            return Affiliation(
                organization=possessive.group("org"), role=possessive.group("role").strip()
            )
        match = _AFFILIATION.match(text)
        if match and match.group("role").strip():
            role = _role_words(match.group("role"))
            if role:
                return Affiliation(organization=match.group("org").strip(), role=role)
        words = text.split()
        if words and len(words) <= 6 and core_of(words[0]) in _ROLE_OPENERS:
            role = _role_words(strip_determiner(text))
            if role:
                return Affiliation(role=role)
    if title:
        words = title.split()
        # "China's Central Military Commission Deputy Chairman": organisation first
        role_words: list[str] = []
        while words and (
            is_role_noun(core_of(words[-1]))
            or core_of(words[-1]) in TITLE_MODIFIERS
            or (core_of(words[-1]) in TITLE_ORDINALS and role_words)  # "First Deputy ..."
            or (role_words and words[-1].isalpha() and words[-1].islower())
        ):
            role_words.insert(0, words.pop())
        if (
            len(role_words) == 1
            and role_words[0][:1].isupper()
            and words
            and is_namelike(words[-1])
            and not words[-1].endswith(("’s", "'s", "’"))
            and not is_organization(words[-1])
            and core_of(words[-1]) not in HONORIFICS
            and core_of(words[-1]) not in DEMONYMS
        ):
            role_words.insert(0, words.pop())  # "Transport Minister", "Foreign Secretary"
            while len(words) >= 2 and words[-1] == "and" and is_namelike(words[-2]):
                role_words[:0] = words[-2:]  # "Agriculture and Food Minister"
                del words[-2:]
        if role_words and len(words) == 1 and core_of(words[0]) in DEMONYMS:
            # "Belarusian President": the president of Belarus
            return Affiliation(organization=DEMONYMS[core_of(words[0])], role=" ".join(role_words))
        if role_words:
            organization = strip_determiner(" ".join(words).strip()) or None
            if organization and not (
                is_organization(organization) or organization.endswith(("’s", "'s", "’"))
            ):
                organization = None
            if organization and organization.endswith(("’s", "'s", "’")):
                organization = organization.rstrip("s").rstrip("’'")  # "Lornia’s" -> "Lornia"
            return Affiliation(organization=organization, role=" ".join(role_words))
    return None


_OF: Final = re.compile(r"\s(?:of|at|from|with)\s(?:the\s)?")
#: Lower-case words that join an organisation's name and are never the end of a title.
_CONNECTORS: Final = frozenset({"for", "of", "and", "on", "to", "the", "in"})


_FINAL_PARENTHESIS: Final = re.compile(r"\s*\([^()]*\)$")


def read_name(head: str, appositive: str | None) -> tuple[str, SpeakerKind, Affiliation | None]:
    """The name, kind and affiliation in a named mention.

    "Jana Novak of the Institute of Transport Studies" is the person Jana Novak at that
    institute; "the Institute of Transport Studies" is an organisation; "Transport Minister
    Piet Okafor" is Piet Okafor in the role of transport minister.
    """
    bare = _FINAL_PARENTHESIS.sub("", strip_determiner(head.strip()))
    of = _OF.search(bare)
    if of is not None:
        left, right = bare[: of.start()], bare[of.end() :]
        name, title = split_title(left)
        after = _name_after_title_of(left, right)
        if after is not None:  # "Secretary of State Ana Ruiz": the title has "of" in it
            person, organization = after
            affiliation = affiliation_of(appositive, left)
            if affiliation is not None and not appositive:
                # "Chief Freelance Infectious Disease Specialist of the X Ministry": a title
                # all in capitals is the role, whole; the organisation is the one named
                capitalised = all(is_capitalised(w) for w in left.split())
                affiliation = Affiliation(
                    organization=organization or affiliation.organization,
                    role=left if capitalised else affiliation.role,
                )
            return person, SpeakerKind.PERSON, affiliation
        if is_person_name(name) and not is_organization(left):
            organization = right if is_organization(right) else None
            affiliation = affiliation_of(appositive, title)
            if organization is not None and (affiliation is None or not affiliation.organization):
                role = affiliation or affiliation_of(None, title)
                affiliation = Affiliation(
                    organization=organization, role=role.role if role is not None else None
                )
            return name, SpeakerKind.PERSON, affiliation
        if is_organization(bare):
            return bare, SpeakerKind.ORGANIZATION, affiliation_of(appositive, None)
    if is_organization(bare):
        name, title = split_title(bare)
        if (
            title is not None
            and is_person_name(name)
            # ("Centre for Hydrometeorology" names no person "Hydrometeorology")
            and title.split()[-1] not in _CONNECTORS
        ):
            return name, SpeakerKind.PERSON, affiliation_of(appositive, title)
        return bare, SpeakerKind.ORGANIZATION, affiliation_of(appositive, None)
    name, title = split_title(bare)
    return name, SpeakerKind.PERSON, affiliation_of(appositive, title)


def _name_after_title_of(left: str, right: str) -> tuple[str, str | None] | None:
    """The name, and the organisation if one stands between, after a title with "of" in
    it: ``("Ana Ruiz", None)`` of "Secretary of State Ana Ruiz", ``("Ivo Hart", "State
    Border Committee")`` of "Chairman of the State Border Committee Ivo Hart"; None when
    what stands before "of" is no title or what follows has no name after a title."""
    words = left.split()
    if not words or not (
        all(_title_word(w) for w in words)
        # "Chief Freelance Infectious Disease Specialist of the Ministry of Health X"
        or (_title_word(words[-1]) and all(is_capitalised(w) and w.isalpha() for w in words))
    ):
        return None
    name, title = split_title(right)
    if title is not None and is_person_name(name):
        return _name_after_organization(right, name)  # (None: more than one person)
    # "President of Belarus Aleksandr Lukashenko", "Governor of the Kaluga Oblast Vladislav
    # Shapsha": the place, then a name of two words
    words = strip_determiner(right).split()
    if len(words) >= 3 and all(is_namelike(w) for w in words):
        name = " ".join(words[-2:])
        return _name_after_organization(right, name) if is_person_name(name) else None
    return None


def _name_after_organization(right: str, name: str) -> tuple[str, str | None] | None:
    """``name`` at the end of ``right`` and the organisation before it.

    A name of more than two words that starts right after "of", "to" or "and", or has four
    words, keeps its last two (and the initials before them): "Faculty of Law Ivo Hart",
    "House of Representatives Ivo Hart", "Ministry of Emergency Situations Ivo Hart".
    """
    bare = strip_determiner(right)
    words = name.split()
    before = bare[: len(bare) - len(name)].split()
    joint = before.index("and") if "and" in before else len(before)
    if any(is_role_noun(core_of(w)) and is_capitalised(w) for w in before[joint:]):
        return None  # "Chairman of the Board Ivo Hart and Rector of ... Ana Ruiz": two people
    if len(words) > 2 and (len(words) >= 4 or (before and before[-1] in {"of", "to", "and"})):
        take = 2
        while take < len(words) and _is_initial(words[-take]):
            take += 1
        before += words[:-take]
        words = words[-take:]
    while before and core_of(before[-1]) in HONORIFICS:
        before.pop()  # "the House Rep. Ivo Hart": the title is no part of the organisation
    organization = " ".join(before) or None
    if organization is not None and (
        not is_organization(organization) or not any(is_capitalised(w) for w in before)
    ):  # ("Director of the company Ivo Hart": "company" is no name of one)
        organization = None
    return " ".join(words), organization


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def _title_word(word: str) -> bool:
    core = core_of(word)
    return (
        is_role_noun(core)
        or core in TITLE_MODIFIERS
        or core in HONORIFICS
        or (core in TITLE_ORDINALS and is_capitalised(word))
    )


def is_person_name(name: str) -> bool:
    words = name.split()
    return 1 <= len(words) <= 4 and all(is_namelike(w) for w in words) and not is_organization(name)
