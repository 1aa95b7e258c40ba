"""Who said it: speaker mentions, their roles and affiliations, and coreference.

A *mention* is the speaker as written next to a quote ("Ms. Novak", "he", "Jana
Novak, an economist at the Institute of Transport Studies", "the economist").
This module finds mentions in text (:func:`subject_before`, :func:`subject_after`),
reads a name, a role and an organisation out of them, and resolves every mention of an
article to its speaker (:func:`resolve`): pronouns to the last person quoted, "Mr. X"
and bare surnames to the speaker of that surname, role nouns to the speaker in that
role.  People who are only mentioned, never quoted, are not speakers.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from typing import Final

import attrs

from newsrecord._lexicon import (
    ABBREVIATIONS,
    CUE_ADVERBS,
    CUE_VERBS,
    DETERMINERS,
    FUNCTION_WORDS,
    GROUP_NOUNS,
    HONORIFICS,
    NOT_NAME_WORDS,
    ORGANIZATION_WORDS,
    PRONOUNS,
    ROLE_NOUNS,
    TITLE_MODIFIERS,
)
from newsrecord._model import Affiliation, Speaker, SpeakerKind

__all__ = ["Mention", "resolve", "subject_after", "subject_before"]

_TOKEN: Final = re.compile(r"[^\s,;:()\[\]]+|[,;:()\[\]]")
_APOSTROPHES: Final = "’'"
_NAME_PARTICLES: Final = frozenset(
    {
        "el",
        "abu",
        "ben",
        "bint",
        "de",
        "del",
        "della",
        "van",
        "von",
        "der",
        "bin",
        "al",
        "da",
        "di",
        "la",
        "le",
        "du",
        "ibn",
        "dos",
        "das",
        "of",
        "for",
    }
)
_APPOSITIVE_OPENERS: Final = frozenset(DETERMINERS | {"who", "which", "whose"})
_MAX_NAME_TOKENS: Final = 9
#: How far before a cue its subject may start (characters); subjects are short.
_SUBJECT_REACH: Final = 300
#: Words an appositive never holds: they mean the comma closed a clause, not a description.
_NOT_IN_APPOSITIVE: Final = frozenset({"said", "says", "told", "tells", "when", "if", "because"})


@attrs.frozen
class Mention:
    """A speaker mention located in the article text."""

    start: int
    end: int
    text: str
    #: The name part ("Jana Novak"), or the whole mention when it has no appositive.
    head: str
    #: The appositive ("an economist at the Institute ..."), if any.
    appositive: str | None = None


def _is_capitalised(token: str) -> bool:
    return token[:1].isupper() or (token[:1] in "“\"'’" and token[1:2].isupper())


def _is_punctuation(token: str) -> bool:
    return token in {",", ";", ":", "(", ")", "[", "]"}


def _core(token: str) -> str:
    return token.strip("“”\"'’‘.,;:!?").lower()


def _namelike(token: str) -> bool:
    core = _core(token)
    if not core:
        return False
    if len(core) == 1 and token[:1].isupper() and token.endswith("."):
        return True  # an initial: "Laurence H. Tribe"
    return _is_capitalised(token) and core not in NOT_NAME_WORDS and core not in PRONOUNS


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _name_run_backward(tokens: list[tuple[int, int, str]]) -> int | None:
    """Index of the first token of the name-like run that ends the token list."""
    index = len(tokens) - 1
    first: int | None = None
    seen_name = False
    while index >= 0 and len(tokens) - index <= _MAX_NAME_TOKENS:
        word = tokens[index][2]
        core = _core(word)
        if _is_punctuation(word):
            break
        if _namelike(word):
            seen_name = True
            first = index
        elif (seen_name and (_role_noun(core) or core in TITLE_MODIFIERS)) or (
            seen_name
            and core in _NAME_PARTICLES
            and index > 0
            and (
                _namelike(tokens[index - 1][2])
                or (  # "van der Berg"
                    index > 1
                    and _core(tokens[index - 1][2]) in _NAME_PARTICLES
                    and _namelike(tokens[index - 2][2])
                )
            )
        ):
            first = index
        elif seen_name and "-year-old" in core:
            first = index  # "17-year-old Jared Potts"
        elif (
            seen_name
            and core.isalpha()
            and not _is_capitalised(word)
            and core not in FUNCTION_WORDS | DETERMINERS | CUE_VERBS
            and index + 1 < len(tokens)
            and not _is_capitalised(tokens[index + 1][2])
            and (
                _role_noun(_core(tokens[index + 1][2]))
                or _core(tokens[index + 1][2]) in TITLE_MODIFIERS
            )
        ):
            first = index  # a title word the lists do not know: "Senate minority leader"
        elif (
            seen_name
            and core == "the"
            and index > 1
            and _core(tokens[index - 1][2]) in _NAME_PARTICLES
            and _namelike(tokens[index - 2][2])
        ):
            first = index  # "Jana Novak of the Institute ..."
        else:
            break
        index -= 1
    if first is None:
        return None
    while (
        first < len(tokens)
        and _core(tokens[first][2]) in _NAME_PARTICLES
        and not _is_capitalised(tokens[first][2])  # "Le Pen", "Van Hollen" keep theirs
    ):
        first += 1
    if first >= len(tokens):
        return None
    lowercase_role = any(
        not _is_capitalised(tokens[i][2]) and _core(tokens[i][2]) in ROLE_NOUNS
        for i in range(first, len(tokens))
    )
    if lowercase_role and first > 0 and _core(tokens[first - 1][2]) in DETERMINERS:
        first -= 1  # "the Florida senator", "a Fed governor"
    elif (
        first > 0
        and _core(tokens[first - 1][2]) == "the"
        and any(
            _core(tokens[i][2]) in ORGANIZATION_WORDS or tokens[i][2].endswith(("’s", "'s"))
            for i in range(first, len(tokens))
        )
    ):
        first -= 1  # "The New York Times", "the Washington Post’s Ishaan Tharoor"
    return first


def _descriptive_backward(tokens: list[tuple[int, int, str]]) -> int | None:
    """Index of the determiner of a descriptive subject ("the expert", "a source") at the end."""
    last = _core(tokens[-1][2])
    if not last.isalpha() or (_is_capitalised(tokens[-1][2]) and last not in ROLE_NOUNS):
        return None
    if last in FUNCTION_WORDS:
        return None
    earliest = len(tokens) - 1
    for back in range(1, 6):
        index = len(tokens) - 1 - back
        if index < 0:
            break
        if _is_punctuation(tokens[index][2]):
            break
        core = _core(tokens[index][2])
        if core in DETERMINERS:
            owner = index - 1  # "a spokesman for the council": the spokesman speaks
            if (
                owner >= 1
                and _core(tokens[owner][2]) in {"for", "of", "at", "to", "with", "from"}
                and _role_noun(_core(tokens[owner - 1][2]))
            ):
                outer = _descriptive_backward(tokens[:owner])
                if outer is not None:
                    return outer
            return index
        if core in FUNCTION_WORDS or (core.endswith("ed") and not _role_noun(core)):
            break
        if tokens[index][2].endswith(("’s", "'s")) and _namelike(tokens[index][2]):
            first = _name_run_backward(tokens[: index + 1])  # "Ms. Merkel's spokesman"
            return first if first is not None else index
        if core in PRONOUNS or core in {"and", "or", "but", "that", "which", "who"}:
            break
        if not core.replace("-", "").replace("’s", "").replace("'s", "").isalpha():
            break
        if not _is_capitalised(tokens[index][2]):
            earliest = index
    if last in ROLE_NOUNS and last.endswith("s"):
        return earliest  # "sources", "federal officials"
    return None


# Cached (the result is immutable): the direct and the indirect rules ask for the
# subject before the same cue, and nested readings for the same name, again and again.
@functools.lru_cache(maxsize=256)
def subject_before(text: str, end: int, floor: int = 0) -> Mention | None:
    """The subject that ends right before ``end`` (where a cue verb starts), if any.

    ``floor`` bounds the search (the start of the sentence).  Handles pronouns, names
    with titles ("campaign manager Kellyanne Conway"), descriptions ("the expert") and
    a name followed by an appositive ("X, an expert at Y,").
    """
    floor = max(floor, end - _SUBJECT_REACH)
    left = text[floor:end].rstrip()
    while True:  # "Trump also said", "she has repeatedly said"
        cut = left.rsplit(None, 1)
        if len(cut) == 2 and cut[1].lower() in CUE_ADVERBS:
            left = cut[0].rstrip()
        else:
            break
    if not left:
        return None
    if left.endswith(")"):  # "Rep. Jim McDermott (D-Wash.) said"
        opening = left.rfind("(")
        if opening > 0 and left.count(")", opening) == 1 and len(left) - opening <= 40:
            name = subject_before(text, floor + opening, floor)
            if name is not None and classify(name.head) == "name":
                stop = floor + len(left)
                return Mention(name.start, stop, text[name.start : stop], name.head)
        return None
    if left.endswith(","):
        appositive = _appositive_subject(text, floor, floor + len(left) - 1)
        if appositive is not None:
            return appositive
        return None
    tokens = _tokens(left)
    if not tokens:
        return None
    last = _core(tokens[-1][2])
    if last in PRONOUNS and last != "who":
        start, stop, word = tokens[-1]
        return Mention(floor + start, floor + stop, word, word)
    if last == "who" and len(tokens) > 2 and tokens[-2][2] == ",":
        return subject_before(text, floor + tokens[-2][0], floor)  # "Mike Lee, who declared"
    first = _name_run_backward(tokens)
    if first is None:
        first = _descriptive_backward(tokens)
    if first is None:
        return _relative_subject(text, floor, floor + len(left))
    start = floor + tokens[first][0]
    stop = floor + tokens[-1][1]
    words = text[start:stop]
    return Mention(start, stop, words, words)


_RELATIVE: Final = re.compile(r"\s(?:who|that)\s[^,;:“”\"]{1,100}$")


def _relative_subject(text: str, floor: int, end: int) -> Mention | None:
    """``NP who VERB ...`` right before the cue: "an official who spoke anonymously said"."""
    match = _RELATIVE.search(text, max(floor, end - 110), end)
    if match is None:
        return None
    head = subject_before(text, match.start(), floor)
    if head is None or classify(head.head) not in {"name", "honorific", "description"}:
        return None
    return Mention(head.start, end, text[head.start : end], head.head, head.appositive)


def _appositive_subject(text: str, floor: int, comma: int) -> Mention | None:
    """``NAME, APPOSITIVE,`` ending at the comma at ``comma``."""
    found: list[Mention] = []
    previous = comma
    for _commas in range(3):  # "X, now 81 and retired in Cambridge, Mass., said"
        previous = text.rfind(",", floor, previous)
        if previous < 0:
            break
        appositive = text[previous + 1 : comma].strip()
        words = appositive.split()
        if not words or len(words) > 22 or any(_core(w) in _NOT_IN_APPOSITIVE for w in words):
            break
        participle = _core(words[0]).endswith("ing") and _core(words[0]) not in ROLE_NOUNS
        if not (
            _describes(words)
            or participle  # "Sen. Durbin, noting the size of the list, said"
            or _core(words[0]) in {"who", "whose", "now", "then"}
            or (len(words) == 1 and words[0].isdigit())  # an age: "Khizr Khan, 66, said"
        ):
            continue
        if participle:
            name = subject_before(text, previous, floor)
            if name is not None and classify(name.head) in {"name", "honorific"}:
                found.append(name)
            continue
        name = subject_before(text, previous, floor)
        if name is None or classify(name.head) not in {"name", "honorific", "description"}:
            continue
        head, described = name.text, appositive
        if classify(name.head) == "description" and classify(appositive) == "name":
            head, described = appositive, name.text  # "the company's chief, Jeff Weiner,"
        found.append(Mention(name.start, comma, text[name.start : comma], head, described))
    if not found:
        return None
    # the shortest reading, unless a longer one starts the clause ("Mass." is no speaker)
    starting = [m for m in found if not text[floor : m.start].strip(" ,\u00a0")]
    return starting[-1] if starting else found[0]


def _name_length(tokens: list[tuple[int, int, str]], at: int) -> int:
    """How many tokens from ``at`` form a name with its title ("Sen. Ted Cruz")."""
    taken = at
    while taken < len(tokens) and taken - at < _MAX_NAME_TOKENS:
        word = tokens[taken][2]
        core = _core(word)
        if _is_punctuation(word):
            break
        following = _core(tokens[taken + 1][2]) if taken + 1 < len(tokens) else ""
        particle = (
            core in _NAME_PARTICLES
            and taken + 1 < len(tokens)
            and (
                _namelike(tokens[taken + 1][2])
                or following == "the"
                or (  # "van der Berg"
                    following in _NAME_PARTICLES
                    and taken + 2 < len(tokens)
                    and _namelike(tokens[taken + 2][2])
                )
            )
            and taken > at
        )
        if core == "the" and taken > at and _core(tokens[taken - 1][2]) in _NAME_PARTICLES:
            particle = taken + 1 < len(tokens) and _namelike(tokens[taken + 1][2])
        if _namelike(word) or core in ROLE_NOUNS or core in TITLE_MODIFIERS or particle:
            taken += 1
        elif (
            core.isalpha()
            and core not in FUNCTION_WORDS
            and core not in DETERMINERS
            and not any(_namelike(tokens[i][2]) for i in range(at, taken))
            and any(
                _namelike(w) or _core(w) in ROLE_NOUNS
                for _s, _e, w in tokens[taken + 1 : taken + 3]
            )
        ):
            taken += 1  # a title word the lists do not know: "former tech executive X"
        else:
            break
        if word.endswith((",", ".")) and not (word.endswith(".") and len(core) <= 3):
            break
    while taken > at and _core(tokens[taken - 1][2]) in _NAME_PARTICLES | {"the"}:
        taken -= 1
    if not any(_namelike(tokens[i][2]) for i in range(at, taken)):
        return 0
    return taken - at


def _head_length(tokens: list[tuple[int, int, str]]) -> int:
    """How many leading tokens name a speaker: a name, or a description ("a spokesman for X")."""
    first = _core(tokens[0][2])
    if first in DETERMINERS:
        if len(tokens) > 1 and "-year-old" in tokens[1][2]:
            return 2  # "the 46-year-old"
        taken = 0
        if len(tokens) > 1 and _namelike(tokens[1][2]):
            named = _name_length(tokens, 1)
            if named:
                taken = 1 + named  # "the Institute of Transport Studies", "a Trump adviser"
                if not _role_noun(_core(tokens[taken - 1][2])):
                    return taken
    if first in DETERMINERS and taken == 0:
        taken = 1
        while taken < len(tokens) and taken < 6:
            if _is_punctuation(tokens[taken][2]):
                return 0
            if _namelike(tokens[taken][2]):
                named = _name_length(tokens, taken)  # "the younger Mr. Trump"
                return taken + named if named else 0
            core = _core(tokens[taken][2])
            taken += 1
            if core in ROLE_NOUNS or core in GROUP_NOUNS or core[:-1] in GROUP_NOUNS:
                break
        else:
            return 0
    elif first in DETERMINERS:
        pass
    elif _role_noun(first) and first.endswith("s") and not _is_capitalised(tokens[0][2]):
        taken = 1  # "researchers at X", "officials"
    elif (
        len(tokens) > 1
        and first.isalpha()
        and not _is_capitalised(tokens[0][2])
        and first not in FUNCTION_WORDS
        and _role_noun(_core(tokens[1][2]))
        and _core(tokens[1][2]).endswith("s")
    ):
        taken = 2  # "federal officials", "senior aides"
    else:
        return _name_length(tokens, 0)
    # "a person close to the Clintons", "a source familiar with the plan"
    if taken + 2 < len(tokens) and _core(tokens[taken][2]) in {"close", "familiar", "involved"}:
        taken += 1
    # "a spokesman for the campaign", "researchers at Eastmoor University", "an adviser to X"
    if taken + 1 < len(tokens) and _core(tokens[taken][2]) in {
        "at",
        "for",
        "of",
        "from",
        "with",
        "to",
    }:
        at = taken + 1
        if _core(tokens[at][2]) == "the" and at + 1 < len(tokens):
            at += 1
        named = _name_length(tokens, at) if _namelike(tokens[at][2]) else 0
        if named:
            taken = at + named
        elif _core(tokens[at - 1][2]) == "the" and (
            _core(tokens[at][2]) in GROUP_NOUNS or _core(tokens[at][2]) in ORGANIZATION_WORDS
        ):
            taken = at + 1
        elif _core(tokens[at - 1][2]) in {"close", "familiar", "involved"}:
            taken -= 1  # "close" without its object belongs to no speaker
    return taken


_PARTY: Final = re.compile(r"\s\([^()]{1,30}\)")


def subject_after(text: str, start: int, stop: int) -> Mention | None:
    """The subject that starts at ``start`` (right after an inverted cue: "said X")."""
    stop = min(stop, start + _SUBJECT_REACH)
    window = text[start:stop]
    lead = len(window) - len(window.lstrip())
    tokens = _tokens(window)
    if not tokens:
        return None
    first_word = _core(tokens[0][2])
    if first_word in PRONOUNS and first_word != "who":
        s, _e, word = tokens[0]
        word = word.rstrip(".,;:!?")
        return Mention(start + s, start + s + len(word), word, word)
    taken = _head_length(tokens)
    if taken == 0:
        return None
    head_end = start + tokens[taken - 1][1]
    head_start = start + tokens[0][0] if tokens else start + lead
    head = text[head_start:head_end].rstrip(",.")
    head_end = head_start + len(head)
    rest = text[head_end:stop]
    party = _PARTY.match(rest)  # "Rep. Bobby Scott (D-Va.)"
    if party:
        head_end += party.end()
        head = text[head_start:head_end]
        rest = text[head_end:stop]
    if rest.startswith(",") and len(rest.strip(" ,.")) > 2:
        appositive = _cut_appositive(rest[1:])
        words = appositive.split()
        if words and (_core(words[0]) in {"who", "whose"} or _describes(words)):
            end = text.find(appositive, head_end) + len(appositive)
            return Mention(head_start, end, text[head_start:end], head, appositive)
    return Mention(head_start, head_end, head, head)


def _describes(words: list[str]) -> bool:
    """Whether an appositive's words describe a speaker ("an economist at X", "30, a member")."""
    first = _core(words[0])
    if first.endswith(("ing", "ed")) and first not in ROLE_NOUNS:
        return False  # "referring to ...", "angered that ..."
    if first.isdigit():  # an age, then where from or what: "30, a member of ...", "59, of Erie"
        return len(words) > 1 and (_core(words[1]) in {"of", "from"} or _describes(words[1:]))
    if len(words) >= 3 and _core(words[1]) in {"of", "at"} and _namelike(words[2]):
        return True  # "publisher of SCOTUSblog"
    return (
        first in _APPOSITIVE_OPENERS
        or _role_noun(first)
        or first in TITLE_MODIFIERS
        or any(_role_noun(_core(w)) or _core(w) in ORGANIZATION_WORDS for w in words[:8])
        or all(_namelike(w) or _core(w) in _NAME_PARTICLES for w in words)
    )


def _role_noun(core: str) -> bool:
    """A role noun, also hyphenated ("co-director") or plural ("researchers")."""
    last = core.rsplit("-", 1)[-1]
    return last in ROLE_NOUNS or (last.endswith("s") and last[:-1] in ROLE_NOUNS)


_APPOSITIVE_END: Final = re.compile(
    r",\s*(?:as|in|on|at|during|after|before|according|told|said|half|which|\w+ing)\b"
    r"|[.;:!?](?=\s|$)|\s[—–-]\s|[“\"(]"
)


def _cut_appositive(text: str) -> str:
    """The appositive at the start of ``text``: up to a participle clause or the sentence end.

    Relative clauses ("who ...") stay: they describe the speaker.  A full stop after an
    abbreviation ("Fla.", "Mrs.") does not end it.
    """
    text = " " + text.lstrip()
    cut = len(text)
    for match in _APPOSITIVE_END.finditer(text):
        if match.group() == ".":
            word = (
                text[: match.start()].rsplit(None, 1)[-1] if text[: match.start()].strip() else ""
            )
            if _core(word) in ABBREVIATIONS or (word[:1].isupper() and len(word) <= 5):
                continue
        cut = match.start()
        break
    return text[:cut].strip().rstrip(".!?;:,").strip()


# ---------------------------------------------------------------------------------------
# Reading a mention: name, kind, role, organisation


def _strip_determiner(text: str) -> str:
    words = text.split()
    if words and words[0].lower() in {"the", "a", "an"}:
        return " ".join(words[1:])
    return text


def classify(head: str) -> str:
    """``pronoun``, ``honorific``, ``name``, ``description`` or ``other`` for a mention's head."""
    words = head.split()
    if not words:
        return "other"
    first = _core(words[0])
    if len(words) == 1 and first in PRONOUNS:
        return "pronoun"
    if len(words) == 1 and _role_noun(first):
        return "description"  # "Officials", "Critics" at the start of a sentence
    if first in DETERMINERS:
        # the head noun is the last word before a preposition: "a longtime adviser to Trump"
        noun_phrase = words
        for index, word in enumerate(words[1:], start=1):
            if _core(word) in {"to", "of", "for", "at", "from", "with"}:
                noun_phrase = words[:index]
                break
        if not any(_is_capitalised(w) for w in noun_phrase[1:]) or _role_noun(
            _core(noun_phrase[-1])
        ):
            return "description"
    if any(_namelike(w) for w in words):
        if first in HONORIFICS and len(words) == 2:
            return "honorific"
        if words[0][:1].islower():
            # "early results of exit polls by Edison Research": the head is no name
            head_words = words
            for index, word in enumerate(words):
                if _core(word) in {"of", "by", "for", "at", "from", "with", "to", "in"}:
                    head_words = words[:index]
                    break
            if not head_words or not _namelike(head_words[-1]):
                return "description"
        return "name"
    if words[-1].lower() in ROLE_NOUNS:
        return "description"
    return "other"


def split_title(head: str) -> tuple[str, str | None]:
    """``("Piet Okafor", "Transport Minister")`` from ``"Transport Minister Piet Okafor"``.

    The name is the trailing run of capitalised words that are not role words; what
    stands before it is the title.
    """
    words = head.split()
    index = len(words)
    while index > 0:
        word = words[index - 1]
        core = _core(word)
        if (
            _namelike(word)
            and core not in ROLE_NOUNS
            and core not in TITLE_MODIFIERS
            and core not in HONORIFICS
            and core not in ORGANIZATION_WORDS
        ) or (core in _NAME_PARTICLES - {"of", "for", "and"} and index < len(words)):
            index -= 1
        else:
            break
    if index == len(words) or index == 0:
        return head, None
    return " ".join(words[index:]), " ".join(words[:index])


def is_organization(name: str) -> bool:
    """Whether a name reads as an organisation's ("Defence Ministry", "CNN")."""
    words = [_core(w) for w in name.split()]
    if any(w in ORGANIZATION_WORDS for w in words):
        return True
    bare = name.strip()
    return len(bare) >= 2 and bare.replace(".", "").isupper() and bare.replace(".", "").isalpha()


_AFFILIATION: Final = re.compile(
    r"^(?:(?:an?|the|its|his|her|their)\s+)?(?P<role>[^,]*?)\s+(?:at|of|with|from|for|in)\s+(?:the\s+)?(?P<org>[A-Z][^,]*)$"
)


def _role_words(text: str) -> str | None:
    """A role phrase up to its last role noun ("Democratic pollster"), or None."""
    words = _strip_determiner(text.strip()).split()
    last = max((i for i, w in enumerate(words) if _core(w) in ROLE_NOUNS), default=None)
    if last is None or len(words) > 8:
        return None
    return " ".join(words[: last + 1]) + ("".join(words[last + 1 :]) and "")


def affiliation_of(appositive: str | None, title: str | None) -> Affiliation | None:
    """An affiliation from an appositive ("an expert at X") or a title ("Defence Minister")."""
    if appositive:
        text = appositive.split(",")[0].strip().rstrip(".")
        match = _AFFILIATION.match(text)
        if match and match.group("role").strip():
            role = _role_words(match.group("role"))
            if role:
                return Affiliation(organization=match.group("org").strip(), role=role)
        words = text.split()
        if (
            words
            and len(words) <= 6
            and _core(words[0]) in (DETERMINERS | ROLE_NOUNS | TITLE_MODIFIERS)
        ):
            role = _role_words(_strip_determiner(text))
            if role:
                return Affiliation(role=role)
    if title:
        words = title.split()
        # "China's Central Military Commission Deputy Chairman": organisation first
        role_words: list[str] = []
        while words and (
            _role_noun(_core(words[-1]))
            or _core(words[-1]) in TITLE_MODIFIERS
            or (role_words and words[-1].isalpha() and words[-1].islower())
        ):
            role_words.insert(0, words.pop())
        if (
            len(role_words) == 1
            and role_words[0][:1].isupper()
            and words
            and _namelike(words[-1])
            and not words[-1].endswith(("’s", "'s", "’"))
            and not is_organization(words[-1])
            and _core(words[-1]) not in HONORIFICS
        ):
            role_words.insert(0, words.pop())  # "Transport Minister", "Foreign Secretary"
        if role_words:
            organization = _strip_determiner(" ".join(words).strip()) or None
            if organization and not (
                is_organization(organization) or organization.endswith(("’s", "'s", "’"))
            ):
                organization = None
            if organization and organization.endswith(("’s", "'s", "’")):
                organization = organization.rstrip("s").rstrip("’'")  # "Lornia’s" -> "Lornia"
            return Affiliation(organization=organization, role=" ".join(role_words))
    return None


_OF: Final = re.compile(r"\s(?:of|at|from|with)\s(?:the\s)?")
_FINAL_PARENTHESIS: Final = re.compile(r"\s*\([^()]*\)$")


def read_name(head: str, appositive: str | None) -> tuple[str, SpeakerKind, Affiliation | None]:
    """The name, kind and affiliation in a named mention.

    "Jana Novak of the Institute of Transport Studies" is the person Jana Novak at that
    institute; "the Institute of Transport Studies" is an organisation; "Transport Minister
    Piet Okafor" is Piet Okafor in the role of transport minister.
    """
    bare = _FINAL_PARENTHESIS.sub("", _strip_determiner(head.strip()))
    of = _OF.search(bare)
    if of is not None:
        left, right = bare[: of.start()], bare[of.end() :]
        name, title = split_title(left)
        if _person_name(name) and not is_organization(left):
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
        if title is not None and _person_name(name):
            return name, SpeakerKind.PERSON, affiliation_of(appositive, title)
        return bare, SpeakerKind.ORGANIZATION, affiliation_of(appositive, None)
    name, title = split_title(bare)
    return name, SpeakerKind.PERSON, affiliation_of(appositive, title)


# ---------------------------------------------------------------------------------------
# Coreference


@attrs.define
class _Entity:
    name: str
    kind: SpeakerKind
    aliases: list[str] = attrs.Factory(list)
    affiliations: list[Affiliation] = attrs.Factory(list)
    last_seen: int = 0
    #: "m" or "f" once an honorific or a resolved pronoun has told, else None.
    gender: str | None = None
    #: Creation order within the article.
    order: int = 0

    @property
    def surname(self) -> str:
        return _core(self.name.split()[-1]) if self.name.split() else ""

    def add_alias(self, alias: str) -> None:
        alias = alias.strip()
        if (
            alias
            and alias != self.name
            and alias.lower() not in PRONOUNS
            and alias not in self.aliases
        ):
            self.aliases.append(alias)

    def add_affiliation(self, affiliation: Affiliation | None) -> None:
        if affiliation is not None and affiliation not in self.affiliations:
            self.affiliations.append(affiliation)


def _find_full_name(text: str, surname: str, before: int) -> str | None:
    first = text.find(surname, 0, before)
    if first < 0:
        return None  # what is looked for ends in the surname
    pattern = re.compile(r"\b((?:[A-Z][\w’'.-]+\s+){1,3})" + re.escape(surname) + r"\b")
    best: str | None = None
    # A match ends in an occurrence of the surname after at most three words, so none
    # starts before the fourth run of non-space characters back from the first one (three
    # words, and the word that occurrence may sit in): the text before it is not read.
    for match in pattern.finditer(text, _words_back(text, first, 4), before):
        words = match.group(1).split()
        valid = len(words)
        while valid > 0 and _full_name_word(words[valid - 1]):
            valid -= 1
        words = words[valid:]
        while words and (
            _core(words[0]) in NOT_NAME_WORDS
            or _core(words[0]) in HONORIFICS
            or _core(words[0]) in ROLE_NOUNS
            or _core(words[0]) in TITLE_MODIFIERS
            or not _namelike(words[0])
        ):
            words = words[1:]
        if words:
            best = " ".join([*words, surname])
            break
    return best


def _words_back(text: str, end: int, count: int) -> int:
    """Where the ``count``-th run of non-space characters before ``end`` starts (or 0)."""
    at = end
    for _run in range(count):
        while at > 0 and text[at - 1].isspace():
            at -= 1
        while at > 0 and not text[at - 1].isspace():
            at -= 1
    return at


def _full_name_word(word: str) -> bool:
    if len(word) == 2 and word[0].isupper() and word[1] == ".":
        return True  # an initial
    return word[:1].isupper() and not word.endswith(".") and not (len(word) > 2 and word.isupper())


#: How far back a pronoun looks for a person named as a sentence's subject (characters).
_PRONOUN_REACH: Final = 600
_SUBJECT_NAME: Final = re.compile(
    r"(?:^|(?<=[.!?”\"]\s)|(?<=\n))(?:(?:But|And|Then|Later|Meanwhile|Still|So)\s+)?"
    r"(?P<honorific>(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.?\s+)?"
    r"(?P<name>[A-Z][\w’'-]+(?:\s+(?:[A-Z]\.|[A-Z][\w’'-]+)){0,3})"
    r"(?=(?:,[^,.;]{1,60},)?\s+[a-z]+\b)"
)


def _subject_names(text: str, start: int, stop: int) -> list[tuple[str, str]]:
    """The people named as subjects of sentences in ``text[start:stop]``, in order.

    Each as ``(name, honorific in lower case or "")``.
    """
    found: list[tuple[str, str]] = []
    for match in _SUBJECT_NAME.finditer(text, start, stop):
        name = match.group("name")
        words = name.split()
        if (
            _core(words[0]) in NOT_NAME_WORDS
            or is_organization(name)
            or not _person_name(name)
            or any(_core(w) in ROLE_NOUNS | TITLE_MODIFIERS for w in words)
        ):
            continue
        if len(words) == 1 and not match.group("honorific") and not _ends_a_name(text, name):
            continue  # a lone capitalised word is a name only if a full name ends in it
        found.append((name, (match.group("honorific") or "").strip(" .").lower()))
    return found


@functools.lru_cache(maxsize=256)  # asked for each pronoun about the names before it
def _ends_a_name(text: str, word: str) -> bool:
    """Whether ``word`` follows a capitalised word somewhere in ``text`` ("Jana Novak")."""
    return re.search(r"[A-Z][\w’'-]+\s+" + re.escape(word) + r"\b", text) is not None


_HONORIFIC_GENDER: Final = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f"}


def _creation(entity: _Entity) -> int:
    return entity.order


class Resolver:
    """Resolves the mentions of one article, in text order, to entities."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.entities: list[_Entity] = []
        # look-up tables, so that resolving stays linear in the number of mentions
        self._forms: dict[str, list[_Entity]] = {}  # a name or alias -> entities
        self._surnames: dict[str, list[_Entity]] = {}  # a last word -> entities
        self._recent: list[_Entity] = []  # entities in the order they were last seen

    def _index(self, entity: _Entity) -> None:
        """Make an entity's name and aliases findable (again, after they changed)."""
        for form in (entity.name, *entity.aliases):
            listed = self._forms.setdefault(form, [])
            if entity not in listed[-3:]:
                listed.append(entity)
            words = form.split()
            if words:
                same = self._surnames.setdefault(_core(words[-1]), [])
                if entity not in same[-3:]:
                    same.append(entity)

    def _by_recency(self) -> Iterator[_Entity]:
        """Entities from the one seen last backwards, each once."""
        seen: set[int] = set()
        for entity in reversed(self._recent):
            if id(entity) not in seen:
                seen.add(id(entity))
                yield entity

    def _by_surname(self, surname: str) -> _Entity | None:
        found = self._surnames.get(surname.lower())
        return max(found, key=_creation) if found else None

    def _person_for_pronoun(self, pronoun: str, position: int) -> _Entity | None:
        """The person "he", "she" or "I" at ``position`` points at.

        The latest person quoted, or a person named as the subject of a sentence after
        that (who becomes a speaker now), skipping people of the other gender when an
        honorific or an earlier pronoun has told it.
        """
        gender = {"he": "m", "she": "f"}.get(pronoun)
        latest = next(
            (
                e
                for e in self._by_recency()
                if e.kind is SpeakerKind.PERSON and (gender is None or e.gender in {None, gender})
            ),
            None,
        )
        floor = latest.last_seen if latest is not None else 0
        entity = latest
        for name, honorific in reversed(
            _subject_names(self.text, max(floor, position - _PRONOUN_REACH), position)
        ):
            known = self._match_name(name, SpeakerKind.PERSON)
            told = _HONORIFIC_GENDER.get(honorific) or (known.gender if known else None)
            if gender is not None and told not in {None, gender}:
                continue  # "Ms. Novak said ... he added": not her
            if (
                gender is not None
                and told is None
                and latest is not None
                and latest.gender == gender
            ):
                break  # the person last quoted is known to be "she": keep her
            entity = known or self._new(name, SpeakerKind.PERSON)
            entity.gender = entity.gender or told
            break
        if entity is not None and gender is not None and entity.gender is None:
            entity.gender = gender
        return entity

    def _latest(self, kinds: set[SpeakerKind]) -> _Entity | None:
        return next((e for e in self._by_recency() if e.kind in kinds), None)

    def resolve(self, mention: Mention) -> _Entity | None:
        """The entity a mention points at, created when it is a new name."""
        head = mention.head.strip().strip("“”\"'’‘")
        kind = classify(head)
        entity: _Entity | None = None
        if kind == "pronoun":
            what = PRONOUNS.get(head.lower())
            if what == "person":
                entity = self._person_for_pronoun(head.lower(), mention.start)
            elif what in {"group", "organization"}:
                entity = self._latest({SpeakerKind.ORGANIZATION})
        elif kind == "honorific":
            surname = head.split()[-1]
            entity = self._by_surname(_core(surname))
            if entity is None:
                full = _find_full_name(self.text, surname.strip(".,"), mention.start)
                entity = self._new(full or head, SpeakerKind.PERSON)
            entity.add_alias(head)
            entity.gender = entity.gender or _HONORIFIC_GENDER.get(_core(head.split()[0]))
            entity.add_affiliation(affiliation_of(mention.appositive, None))
        elif kind == "name":
            name, speaker_kind, affiliation = read_name(head, mention.appositive)
            entity = self._match_name(name, speaker_kind)
            if entity is None:
                full = None
                if len(name.split()) == 1 and speaker_kind is SpeakerKind.PERSON:
                    full = _find_full_name(self.text, name, mention.start)
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
            entity = self._by_description(head)
            if entity is not None:
                entity.add_alias(
                    head[:1].lower() + head[1:] if head.split()[0].lower() == "the" else head
                )
        if entity is not None:
            entity.last_seen = mention.start
            self._recent.append(entity)
            self._index(entity)
        return entity

    def _match_name(self, name: str, kind: SpeakerKind) -> _Entity | None:
        exact = [e for e in self._forms.get(name, []) if e.name == name or name in e.aliases]
        if exact:
            return max(exact, key=_creation)
        if kind is SpeakerKind.PERSON:
            surname = _core(name.split()[-1])
            same = {id(e): e for e in self._surnames.get(surname, [])}
            for entity in sorted(same.values(), key=_creation, reverse=True):
                if entity.kind is SpeakerKind.PERSON and entity.surname == surname:
                    first = name.split()[0]
                    if (
                        len(name.split()) == 1
                        or entity.name.split()[0] == first
                        or len(entity.name.split()) == 1
                    ):
                        return entity
        return None

    def _by_description(self, head: str) -> _Entity | None:
        words = head.split()
        if not words or words[0].lower() not in {"the", "this", "that"}:
            return None
        noun = _core(words[-1])
        for entity in self._by_recency():
            if any(noun in (a.role or "").lower().split() for a in entity.affiliations):
                return entity
            if noun in entity.name.lower().split():
                return entity
        if noun in ROLE_NOUNS and noun not in GROUP_NOUNS:
            return self._latest({SpeakerKind.PERSON})
        if noun in GROUP_NOUNS or noun in ORGANIZATION_WORDS:
            # "the ministry said": the organisation quoted so far, else a new one
            # named by the description ("the ministry"), which "it said" can point at
            latest = self._latest({SpeakerKind.ORGANIZATION})
            if latest is not None or noun in {"report", "statement", "study", "survey", "poll"}:
                return latest
            return self._new(
                _lower_first(_strip_determiner(head), "the "), SpeakerKind.ORGANIZATION
            )
        return None

    def _new(self, name: str, kind: SpeakerKind) -> _Entity:
        entity = _Entity(name=name, kind=kind, order=len(self.entities))
        self.entities.append(entity)
        self._index(entity)
        return entity


def _lower_first(text: str, prefix: str = "") -> str:
    """``prefix`` plus ``text`` with its first letter in lower case ("the ministry")."""
    return prefix + text[:1].lower() + text[1:]


def _person_name(name: str) -> bool:
    words = name.split()
    return 1 <= len(words) <= 4 and all(_namelike(w) for w in words) and not is_organization(name)


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
    resolved: list[_Entity | None] = [None] * len(mentions)
    for index in order:
        mention = mentions[index]
        if mention is not None:
            resolved[index] = resolver.resolve(mention)
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
