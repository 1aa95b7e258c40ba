"""Speaker mentions: the subject of a cue as written next to it.

A mention is "Ms. Novak", "he", "Jana Novak, an economist at the Institute of Transport
Studies", "the economist" or "Transport Minister Ivo Hart".  :func:`subject_before` reads
the mention that ends right before a cue ("..., Jana Novak said"), :func:`subject_after`
the one that starts after it ("said Jana Novak, an economist ..."), and
:func:`sentence_subject` the subject at the start of a sentence whose cue comes late.
"""

from __future__ import annotations

import functools
import re
from typing import Final

from newsrecord.parse._heads import (
    descriptive_backward,
    head_length,
    name_run_backward,
)
from newsrecord.parse._lexicon import (
    ADVERBIAL_OPENERS,
    BELIEF_VERBS,
    CUE_ADVERBS,
    CUE_VERBS,
    DETERMINERS,
    NOT_ADVERBS,
    NOT_IN_APPOSITIVE,
    PRONOUNS,
    RELATIVE_SAYING_VERBS,
)
from newsrecord.parse._lexicon_names import (
    ROLE_NOUNS,
    ROLE_PHRASES,
)
from newsrecord.parse._roles import classify, cut_appositive, is_description, is_role_noun
from newsrecord.parse._spans import (
    Mention,
    core_of,
    is_capitalised,
    tokenize,
)

__all__ = ["is_coordinated", "sentence_subject", "subject_after", "subject_before"]


_SUBORDINATE: Final = re.compile(
    rf"(?:{'|'.join(sorted(ADVERBIAL_OPENERS))}|(?P<participle>[A-Z][a-z]+ing))\b[^,]{{0,80}},\s*"
)


def is_coordinated(text: str, sentence_start: int, cue_start: int) -> bool:
    """Whether the cue is the second of two verbs of one subject ("smiled and said")."""
    words = text[sentence_start:cue_start].split()
    return len(words) >= 3 and words[-1].lower().strip(",") in {"and", "but", "then"}


def sentence_subject(text: str, sentence_start: int, cue_start: int) -> Mention | None:
    """The subject at the start of a sentence, for cues far from it ("X ..., saying").

    A subordinate clause at the start is passed over ("When asked, X ..."); but a name that
    reads like one ("Fleming said A, but said, “...”") is the subject when no subject
    follows the clause.
    """
    lead = _SUBORDINATE.match(text, sentence_start, cue_start)
    if lead:
        subject = _subject_at(text, lead.end(), cue_start)
        if subject is not None or lead.group("participle") is None:
            return subject
    return _subject_at(text, sentence_start, cue_start)


def _subject_at(text: str, position: int, cue_start: int) -> Mention | None:
    """The subject that starts at ``position``, ending before ``cue_start``."""
    subject = subject_after(text, position, cue_start)
    if subject is None or subject.end >= cue_start:
        return None
    verb = _VERB_AFTER_APPOSITIVE.search(subject.text, len(subject.head))
    if verb is not None:  # "The association, which represents them, called the strike ..."
        end = subject.start + verb.start()
        appositive = text[subject.start + len(subject.head) : end].strip(" ,") or None
        return Mention(subject.start, end, text[subject.start : end], subject.head, appositive)
    return subject


#: The sentence's own verb after an appositive: ", called the strike illegal and said".
_VERB_AFTER_APPOSITIVE: Final = re.compile(r",\s*[a-z]+ed\s")


#: How far before a cue its subject may start (characters); subjects are short.
_SUBJECT_REACH: Final = 300


#: How much of the end of a subject's text the patterns anchored at its end look at: more
#: than any of them can match.
_TAIL_CHARS: Final = 160
#: The words a time before a cue ends with: "last week", "on Monday".
_TIME_WORDS: Final = (
    *("week", "month", "year", "night", "weekend", "yesterday", "today"),
    *("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
)
#: A time between a subject and its cue: "X last week said", "X on Monday said".
_TIME_BEFORE_CUE: Final = re.compile(
    r"\s+(?:(?:last|this|on|early|late)\s+)?(?:" + "|".join(_TIME_WORDS) + ")$"
)
#: An aside between a subject and its cue: "X, meanwhile, warned", "X, for her part, said".
_ASIDE_BEFORE_CUE: Final = re.compile(
    r",\s*(?:meanwhile|however|too|though|in\s+turn|for\s+(?:his|her|their|its)\s+part|"
    r"in\s+contrast|by\s+contrast|instead|likewise|again|in\s+response|for\s+example|"
    r"for\s+instance|of\s+course|in\s+fact|indeed|(?:in|during|at|after|before)\s+(?:a|an|the|his|her|their|its)\s+[^,]{1,50}|"
    r"when\s+(?:contacted|asked|reached|pressed)\b[^,]{0,50}"
    # "Ruiz, exasperated, responded", "Hart, smiling, said": one word of manner
    r"|[a-z]{4,}(?:ed|ing))"
    r"\s*,$"
)
#: A share of those polled as a subject: "52 percent", "Twenty-four percent of voters",
#: "half of Republicans", "Almost half of the residents", "Nearly eight out of 10".
_SHARE: Final = re.compile(
    r"(?:\b(?:[Aa]lmost|[Nn]early|[Aa]bout|[Rr]oughly|[Oo]nly|[Jj]ust|[Oo]ver|[Uu]nder|"
    r"(?:[Mm]ore|[Ff]ewer|[Ll]ess)\s+than)\s+)?"
    r"(?:(?:\b\d[\d.,]*|\b[A-Z]?[a-z]+(?:-[a-z]+)?)\s+(?:percent|per\s+cent|%)"
    r"(?:\s+of\s+[\w’' -]{1,40})?$|\b(?:[Hh]alf|[Mm]ost|[Mm]any)\s+of\s+[\w’' -]{1,40}$"
    r"|\b(?:\d+|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|"
    r"[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine)\s+(?:in|out\s+of)\s+(?:\d+|two|three|four|five|ten)"
    r"(?:\s+[\w’' -]{1,40})?$)"
)
#: What a share ends with, "percent" and "%" aside: "of" and words, "in" and a number
#: (patterns that start with a literal, which is found fast).
_SHARE_OF: Final = re.compile(r"of\s+[\w’' -]{1,40}$")
_SHARE_IN: Final = re.compile(
    r"(?:in|out\s+of)\s+(?:\d+|two|three|four|five|ten)(?:\s+[\w’' -]{1,40})?$"
)


def _phrase_pattern(phrase: str) -> str:
    """A role phrase as a pattern: "head of state" also as "head of the Lornian state"."""
    return r"\s+".join(phrase.split()).replace(r"of\s+", r"of\s+(?:the\s+(?:[A-Z][\w-]+\s+)?)?")


#: A role named by a phrase, as a subject: "the head of state stressed" (`ROLE_PHRASES`).
_ROLE_PHRASE: Final = re.compile(
    r"(?<![\w-])(?:[Tt]he|[Aa])\s+(?:[A-Za-z-]+\s+)?(?:"
    + "|".join(_phrase_pattern(p) for p in sorted(ROLE_PHRASES))
    + r")$"
)


#: The same after an inverted cue or "according to": "according to the head of state".
_ROLE_PHRASE_AFTER: Final = re.compile(
    r"\s*((?:[Tt]he|[Aa])\s+(?:[A-Za-z-]+\s+)?(?:"
    + "|".join(_phrase_pattern(p) for p in sorted(ROLE_PHRASES))
    + r"))\b"
)


def _is_manner_adverb(word: str) -> bool:
    """An adverb of manner between a subject and its cue: "Trump jokingly said"."""
    return (
        len(word) > 5
        and word.endswith("ly")
        and word.isalpha()
        and word.islower()
        and word not in NOT_ADVERBS
    )


#: What may come before a share as a subject: nothing, an opening phrase ("Among Trump
#: voters, 74 percent said"), or a conjunction ("while 22 percent said").
_SHARE_LEAD: Final = re.compile(r"(?:^|,|\b(?:while|and|but|whereas))[\s,(—–-]*$")


#: "went on to" between a subject and its cue: "He went on to say that ...".
_WENT_ON_TO: Final = re.compile(r"\s(?:went|goes|go)\s+on\s+to$")


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
    while True:  # "Trump also said", "she has repeatedly said", "X on Monday said"
        cut = left.rsplit(None, 1)
        if len(cut) == 2 and (cut[1].lower() in CUE_ADVERBS or _is_manner_adverb(cut[1])):
            left = cut[0].rstrip()
            continue
        went = _WENT_ON_TO.search(left) if left.endswith(" to") else None
        if went is not None:  # "He went on to say that"
            left = left[: went.start()].rstrip()
            continue
        tail = max(0, len(left) - _TAIL_CHARS)
        # (both patterns are anchored at the end: what they end with is checked first)
        when = _TIME_BEFORE_CUE.search(left, tail) if left.endswith(_TIME_WORDS) else None
        if when is None and left.endswith(","):
            when = _ASIDE_BEFORE_CUE.search(left, tail)
        if when is not None and when.start() > 0:
            left = left[: when.start()].rstrip()
            continue
        break
    tail = max(0, len(left) - _TAIL_CHARS)
    maybe = "cent" in left[tail:] or "%" in left[tail:] or _SHARE_OF.search(left, tail)
    share = _SHARE.search(left, tail) if maybe or _SHARE_IN.search(left, tail) else None
    if share is not None and _SHARE_LEAD.search(left, 0, share.start()):
        # "52 percent said", "Twenty-four percent of voters said": a share of a poll
        return Mention(floor + share.start(), floor + share.end(), share.group(), share.group())
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
    tokens = tokenize(left)
    if not tokens:
        return None
    last = core_of(tokens[-1][2])
    if last in PRONOUNS and last != "who":
        start, stop, word = tokens[-1]
        return Mention(floor + start, floor + stop, word, word)
    if last == "who" and len(tokens) > 2 and tokens[-2][2] == ",":
        return subject_before(text, floor + tokens[-2][0], floor)  # "Mike Lee, who declared"
    if last == "who" and len(tokens) > 1:  # "shop owners who say", "voters who said"
        verb = (
            core_of(text[end : end + 16].split(None, 1)[0]) if text[end : end + 1].strip() else ""
        )
        antecedent = subject_before(text, floor + tokens[-1][0], floor)
        if (
            verb in RELATIVE_SAYING_VERBS
            and antecedent is not None
            and classify(antecedent.head) in {"description", "other"}
            and is_role_noun(core_of(antecedent.head.split()[-1]))
        ):
            return antecedent
        return None
    phrase = _ROLE_PHRASE.search(left) if "head of" in left else None
    if phrase is not None:  # "the head of state stressed"
        return Mention(floor + phrase.start(), floor + phrase.end(), phrase.group(), phrase.group())
    first = name_run_backward(tokens)
    if (
        first is not None
        and first >= 3
        and core_of(tokens[first - 1][2]) in {"for", "of", "to"}
        and is_role_noun(core_of(tokens[first - 2][2]))
        and not is_capitalised(tokens[first - 2][2])
    ):
        owner = descriptive_backward(tokens[: first - 1])  # "a spokesman for Ruiz said"
        if owner is not None:
            first = owner
    if (
        first is not None
        and len(tokens) - first <= 3
        and first > 0
        and is_role_noun(core_of(tokens[-1][2]))
        and core_of(tokens[first - 1][2]) in {"the", "a", "an"}
    ):
        # "The President noted", "the Wisconsin Republican said": a description
        first -= 1
    if first is None:
        first = descriptive_backward(tokens)
    if first is None:
        return _relative_subject(text, floor, floor + len(left))
    if (
        first > 0
        and core_of(tokens[first - 1][2]) in DETERMINERS
        and is_role_noun(core_of(tokens[-1][2]))
        and core_of(tokens[-1][2]).endswith("s")
    ):
        first -= 1  # "some Democrats", "many Republicans": the quantifier belongs to them
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
    joint = _AND_AT_END.search(text, match.start(), end)  # "X, who VERBed ... and said"
    stop = joint.start() if joint else end
    return Mention(head.start, stop, text[head.start : stop], head.head, head.appositive)


_AND_AT_END: Final = re.compile(r"\s+(?:and|but)\s*$")


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
        if not words or len(words) > 22 or any(core_of(w) in NOT_IN_APPOSITIVE for w in words):
            break
        participle = core_of(words[0]).endswith("ing") and core_of(words[0]) not in ROLE_NOUNS
        # "The pilots, led by harbour master Ivo Hart, told": an aside of the subject
        passive = len(words) >= 3 and core_of(words[0]).endswith("ed") and words[1] == "by"
        if passive:
            name = subject_before(text, previous, floor)
            if name is not None and classify(name.head) in {"name", "honorific", "description"}:
                found.append(name)
            continue
        if not (
            is_description(words)
            or participle  # "Sen. Durbin, noting the size of the list, said"
            or core_of(words[0]) in {"who", "whose", "now", "then"}
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
        # "the company's chief, Jeff Weiner,", "the state's governor, Ivo Hart, a Republican,"
        lead = appositive.split(",", 1)[0].strip()
        if classify(name.head) == "description" and classify(lead) == "name":
            head, described = lead, name.text
        found.append(Mention(name.start, comma, text[name.start : comma], head, described))
    if not found:
        return None
    # the shortest reading, unless a longer one starts the clause ("Mass." is no speaker)
    starting = [m for m in found if not text[floor : m.start].strip(" ,\u00a0")]
    if starting:
        return starting[-1]
    # "But Ivo Hart, the president of X, a group that ..., said": the person whose
    # post the shorter reading describes
    named = [m for m in found if classify(m.head) in {"name", "honorific"}]
    if named and classify(found[0].head) == "description":
        return named[0]
    return found[0]


_PARTY: Final = re.compile(r"\s\([^()]{1,30}\)")


#: A pronoun and the auxiliary it is written with: "he's", "they've", "she'd".
_CONTRACTED: Final = re.compile(r"(\w+)[’'](?:s|ve|d|ll)$")


def _says_something(words: list[str]) -> bool:
    """Whether an appositive is a relative clause of saying or believing ("who said
    there were ...", "who thinks the mayor ..."): an attribution of its own, not part of
    the speaker's description."""
    return (
        len(words) > 1
        and core_of(words[0]) == "who"
        and (core_of(words[1]) in CUE_VERBS or core_of(words[1]) in BELIEF_VERBS)
    )


def subject_after(text: str, start: int, stop: int) -> Mention | None:
    """The subject that starts at ``start`` (right after an inverted cue: "said X")."""
    stop = min(stop, start + _SUBJECT_REACH)
    window = text[start:stop]
    phrase = _ROLE_PHRASE_AFTER.match(window) if "head of" in window else None
    if phrase is not None:  # "according to the head of state, ..."
        begin, end = start + phrase.start(1), start + phrase.end(1)
        return Mention(begin, end, text[begin:end], text[begin:end])
    lead = len(window) - len(window.lstrip())
    tokens = tokenize(window)
    if not tokens:
        return None
    first_word = core_of(tokens[0][2])
    contracted = _CONTRACTED.match(first_word)  # "he's said", "they've argued"
    if contracted is not None and contracted.group(1) in PRONOUNS and tokens[0][2][:1].isalpha():
        s, _e, word = tokens[0]
        word = word[: len(contracted.group(1))]
        return Mention(start + s, start + s + len(word), word, word)
    if first_word in PRONOUNS and first_word != "who":
        s, _e, word = tokens[0]
        word = word.rstrip(".,;:!?")
        return Mention(start + s, start + s + len(word), word, word)
    taken = head_length(tokens)
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
        appositive = cut_appositive(rest[1:])
        joint = _AND_AT_END.search(appositive)  # "X, who VERBed ... and said"
        if joint is not None:
            appositive = appositive[: joint.start()]
        words = appositive.split()
        if words and (core_of(words[0]) in {"who", "whose"} or is_description(words)):
            if _says_something(words):  # "Hart, who said the pier was late, ..."
                return Mention(head_start, head_end, head, head)
            end = text.find(appositive, head_end) + len(appositive)
            return Mention(head_start, end, text[head_start:end], head, appositive)
    return Mention(head_start, head_end, head, head)
