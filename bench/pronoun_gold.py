"""Who a gold "he" or "she" of PolNeAR stands for: an approximation for the evaluation.

PolNeAR has no coreference, so the resolved-speaker figure needs a full name for a source
that is a pronoun. The first approximation (``nearest``) took the nearest earlier gold
source's name, which is often someone else: "Ana Ruiz, 78, arrived ... She said" got the
man quoted before her. This one (``agree``) reads the text the way a reader does:

1. the person who opens the pronoun's sentence or the sentence before it ("Ana Ruiz,
   78, arrived ...", "Ms. Ruiz has argued ...", "... said Ana Ruiz, a professor."),
2. else the nearest earlier gold source,

in both cases only a person the pronoun can stand for: not of the other gender where
the text tells it ("Mr. Hart", "Hart ... his", "Hart, a spokeswoman"), and not named
after the pronoun in its own clause ("he told Hart": not Hart). Checked by hand on a
sample of train pronouns; it is written for this evaluation and shares no code with the
library's resolver.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence

#: Gender told by an honorific before a surname.
_HONORIFICS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
#: Gender told by a noun next to a name (apposition or title).
_NOUNS = {
    **dict.fromkeys(
        "spokeswoman chairwoman congresswoman businesswoman woman wife mother daughter "
        "sister grandmother widow actress girl".split(),
        "f",
    ),
    **dict.fromkeys(
        "spokesman chairman congressman businessman man husband father son brother "
        "grandfather widower actor boy".split(),
        "m",
    ),
}
_PRONOUNS = {
    **dict.fromkeys("he his him himself".split(), "m"),
    **dict.fromkeys("she her hers herself".split(), "f"),
}
_NAME = r"(?:[A-Z]\.|[A-Z][\w’'-]+)(?:\s+(?:[A-Z]\.|[A-Z][\w’'-]+|de|van|von|bin)){0,4}"
#: A name opening a sentence (after an optional connective or time phrase and titles),
#: followed by an optional apposition and a word in lower case (its verb).
_OPENING = re.compile(
    r"^(?:[A-Z][\w ]{0,30},\s+)?(?:(?:But|And|Then|Later|Meanwhile|Still|So|Now|Yet|Also)\s+)?"
    rf"(?P<name>{_NAME})"
    r"(?:,[^,.;“”\"]{1,80},)?\s+[a-z]"
)
#: "..., said Ana Ruiz" in the sentence before the pronoun.
_INVERTED = re.compile(
    rf"\b(?:said|says|added|adds|wrote|writes|explained|noted|argued|told)\s+(?P<name>{_NAME})"
)
_SENTENCE_END = re.compile(r"[.!?][”\"’']?\s+(?=[“\"‘']?[A-Z])|\n+")


def _text_gender(text: str, name: str) -> str | None:
    """ "m"/"f" when the text tells a name's gender by honorific, noun or pronoun."""
    words = name.split()
    if not words:
        return None
    votes = {"m": 0, "f": 0}
    surname = re.escape(words[-1])
    for match in re.finditer(rf"\b(\w+)\.?\s+{surname}\b", text):
        low = match.group(1).lower()
        if low in _HONORIFICS:
            votes[_HONORIFICS[low]] += 3
        elif low in _NOUNS:
            votes[_NOUNS[low]] += 2
    for match in re.finditer(rf"\b{re.escape(name)},\s+(?:a|an|the|his|her)?\s*(\w+)", text):
        if match.group(1).lower() in _NOUNS:
            votes[_NOUNS[match.group(1).lower()]] += 2
    for match in re.finditer(rf"\b{surname}\b(?![’'])", text):
        clause = re.split(r"[.;!?“”\"]", text[match.end() : match.end() + 90])[0]
        for word in re.findall(r"[A-Za-z][\w’'-]*", clause):
            if word.lower() in _PRONOUNS:
                votes[_PRONOUNS[word.lower()]] += 1
                break
            if word[0].isupper():
                break
    if votes["m"] == votes["f"]:
        return None
    return "m" if votes["m"] > votes["f"] else "f"


def _sentences_before(text: str, position: int, floor: int) -> list[tuple[int, int]]:
    """Spans of the pronoun's sentence (up to the pronoun) and of the sentence before."""
    starts = [floor] + [m.end() for m in _SENTENCE_END.finditer(text, floor, position)]
    current = starts[-1]
    previous = starts[-2] if len(starts) > 1 else None
    spans = [(current, position)]
    if previous is not None:
        spans.append((previous, current))
    return spans


_QUOTED = re.compile(r"“[^“”]*”|\"[^\"\n]*\"|''(?:(?!'').)*''")


def _masked(text: str) -> str:
    """``text`` with what is inside quotation marks blanked out (same length): the words of
    a quote open no sentence of the narrative."""
    return _QUOTED.sub(lambda m: "_" * len(m.group()), text)


def _subjects(text: str, position: int, floor: int) -> list[str]:
    """Names opening the pronoun's sentence or the one before ("... said X" too), nearest
    sentence first."""
    found: list[str] = []
    text = _masked(text)
    for start, end in _sentences_before(text, position, floor):
        sentence = text[start:end].lstrip("_,‘' ")
        opening = _OPENING.match(sentence)
        if opening is not None:
            found.append(opening.group("name"))
        found.extend(m.group("name") for m in _INVERTED.finditer(sentence))
    return [name for name in found if not name.endswith(("’s", "'s", "’", "'"))]


def _objects(text: str, position: int) -> str:
    """The rest of the pronoun's clause: the people named there are not the pronoun."""
    return re.split(r"[.;!?“”\"]", text[position : position + 80])[0]


def pronoun_gold_name(
    text: str,
    position: int,
    pronoun: str,
    earlier: Sequence[str],
    full_name: Callable[[str, str], str | None],
    floor: int = 0,
    sources: Collection[str] = (),
    previous: Mapping[str, str] | None = None,
) -> str | None:
    """The full name the gold pronoun at ``position`` stands for, or None.

    ``earlier`` holds the full names of the earlier gold sources, nearest last, and
    ``sources`` those of all the article's sources; ``full_name(text, head)`` completes a
    name as the rest of the evaluation does.  A name opening a sentence counts only if it
    is a source somewhere in the article ("Asked about it, ..." and "South Carolina voted
    ..." open sentences without naming people); one opening with the same pronoun
    ("He said ... . “...,” he added.") stands for the name ``previous`` gives that
    pronoun (what the last gold source that was that pronoun got).
    """
    gender = _PRONOUNS.get(pronoun.lower())
    clause = _objects(text, position + len(pronoun))

    def fits(name: str) -> bool:
        if name.split()[-1] in clause:
            return False
        told = _text_gender(text, name)
        return gender is None or told in {None, gender}

    for head in _subjects(text, position, floor):
        if previous and head.lower() == pronoun.lower() and head.lower() in previous:
            return previous[head.lower()]
        name = full_name(text, head)
        if name is None or name not in sources:
            continue
        if fits(name):
            return name
    for name in reversed(earlier):
        if fits(name):
            return name
    return earlier[-1] if earlier else None
