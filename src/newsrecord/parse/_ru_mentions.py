"""The speaker as written next to a Russian cue, and the quote candidates that carry it.

:func:`subject_mention` cuts the speaker out of the words before or after a cue (the via
phrase and adverbs left out; after the cue it ends at a preposition unless that is the
``в`` of an organisation); :func:`via_phrase` finds ``в эфире радио «…»`` and ``в
интервью агентству «…»``.  A :class:`Candidate` is a quote found by the direct or the
reported rules, with its :class:`Mention`, before the speakers are resolved.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from newsrecord._model import QuoteKind
from newsrecord.parse._lexicon_ru import (
    ADVERBS,
    DOCUMENT_NOUNS,
    DOCUMENT_VERBS,
    LISTENERS,
    MEDIUM_OCCASIONS,
)
from newsrecord.parse._ru_words import (
    STOP_WORDS,
    capitalised,
    fold,
    noun_lemma,
    organization_lemma,
)

__all__ = [
    "Candidate",
    "Mention",
    "document_source",
    "subject_mention",
    "token_spans",
    "via_phrase",
]


_TOKEN: Final = re.compile(r"«[^«»]*»|„[^„“]*[“”]|“[^“”]*”|\"[^\"]*\"|[\w’'-]+|[^\s\w]")


@attrs.frozen
class Mention:
    """A speaker as written: ``text[start:end]``; ``case`` is how it was read."""

    start: int
    end: int
    text: str
    case: str = "nom"  # "nom", "gen" (по словам X) or "prep" (в министерстве)
    gender: str = ""  # from the cue verb: "m", "f", "n", "p" or ""


@attrs.define
class Candidate:
    """A quote found before its speaker is resolved: kind, span, mention, cue and via."""

    kind: QuoteKind
    start: int
    end: int
    mention: Mention | None = None
    cue: str | None = None
    via: str | None = None


def token_spans(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The tokens of ``text[start:end]`` (a name in marks is one token) with their spans."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


_VIA: Final = re.compile(r"\b[вВ]\s+(?P<occasion>\w+)\s+(?:(?P<owner>\w+)\s+)?(?P<name>«[^«»]+»)")


#: "корреспонденту агентства «…»": the medium whose correspondent was told.
_VIA_LISTENER: Final = re.compile(r"\b[кК]орреспонденту\s+(?P<owner>\w+)\s+(?P<name>«[^«»]+»)")


def via_phrase(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The medium named in ``text[start:end]`` and where its phrase stands."""
    told = _VIA_LISTENER.search(text, start, end)
    if told is not None and organization_lemma(told.group("owner")):
        lemma = organization_lemma(told.group("owner"))
        return f"{lemma} {told.group('name')}", told.start(), told.end()
    for match in _VIA.finditer(text, start, end):
        if fold(match.group("occasion")) not in MEDIUM_OCCASIONS:
            continue
        owner = match.group("owner")
        name = match.group("name")
        if owner is None:
            return name, match.start(), match.end()
        lemma = organization_lemma(owner)
        return f"{lemma or owner} {name}", match.start(), match.end()
    return None


def _joins_a_title(tokens: list[tuple[int, int, str]], index: int) -> bool:
    """Whether "и" at ``index`` joins two lower-case words of one title, a name after it
    ("министр сельского хозяйства и продовольствия Сергей Бородич"), not two people or a
    second verb ("сказал министр и добавил")."""
    after = [t[2] for t in tokens[index + 1 : index + 4]]
    return (
        index > 1
        and bool(after)
        and after[0].islower()
        and any(capitalised(word) for word in after[1:])
    )


def subject_mention(
    text: str, start: int, end: int, *, case: str = "nom", gender: str = "", after_cue: bool
) -> Mention | None:
    """The speaker in ``text[start:end]``: the via phrase and adverbs left out.

    After a cue (``— сказал он в интервью``) the subject ends at a preposition, unless it
    is the ``в`` of an organisation (``— подчеркнули в пресс-службе министерства``).
    """
    via = via_phrase(text, start, end)
    if via is not None:
        before, after = (start, via[1]), (via[2], end)
        start, end = after if text[after[0] : after[1]].strip(" ,") else before
    tokens = token_spans(text, start, end)
    while tokens and fold(tokens[0][2]) in ADVERBS | {",", "—", "–"}:
        tokens = tokens[1:]
    if after_cue and tokens:
        while len(tokens) > 1 and fold(tokens[0][2]) in LISTENERS:
            tokens = tokens[1:]  # "сообщил журналистам министр ...": whom he told it
            if len(tokens) > 2 and organization_lemma(tokens[0][2]) and tokens[1][2][:1] in '«„“"':
                tokens = tokens[2:]  # "корреспонденту агентства «Минск-Новости»"
        keep: list[tuple[int, int, str]] = []
        for index, token in enumerate(tokens):
            word = fold(token[2])
            if token[2] in ",.;:!?…—–()":
                break
            if word == "и" and _joins_a_title(tokens, index):
                keep.append(token)  # "министр сельского хозяйства и продовольствия X"
                continue
            if word in STOP_WORDS and not (
                index == 0
                and word in {"в", "во"}
                and len(tokens) > 1
                and (noun_lemma(tokens[1][2]) or capitalised(tokens[1][2]))
            ):
                break
            keep.append(token)
        tokens = keep
    while tokens and (fold(tokens[-1][2]) in ADVERBS or tokens[-1][2] in ",.;:—–"):
        tokens = tokens[:-1]
    if not tokens:
        return None
    if not after_cue and not any(organization_lemma(t[2]) for t in tokens):
        # "Петр Савчук обратился к водителям и предупредил": the subject ends at the name
        last_name = max((i for i, t in enumerate(tokens) if capitalised(t[2])), default=0)
        if last_name and capitalised(tokens[last_name - 1][2]):
            tokens = tokens[: last_name + 1]
    if fold(tokens[0][2]) in {"в", "во"}:
        case = "prep"
    first, last = tokens[0][0], tokens[-1][1]
    return Mention(first, last, text[first:last], case=case, gender=gender)


#: "говорится в сообщении", "отмечается в заявлении": a statement in a document.
_DOCUMENT: Final = re.compile(
    rf"[\s\u00a0]*(?:[Кк]ак[\s\u00a0]+)?(?P<cue>(?:{'|'.join(sorted(DOCUMENT_VERBS))})"
    rf"[\s\u00a0]+в[\s\u00a0]+(?:{'|'.join(sorted(DOCUMENT_NOUNS))}))[\s\u00a0]+",
    re.IGNORECASE,
)


def document_source(text: str, start: int, end: int) -> tuple[Mention, str, int] | None:
    """``говорится в сообщении Нацбанка`` at ``start``: the author of the document (read
    in the genitive), the cue (``говорится в сообщении``) and where the cue ends."""
    found = _DOCUMENT.match(text, start, end)
    if found is None:
        return None
    mention = subject_mention(text, found.end(), end, case="gen", after_cue=True)
    return (mention, found.group("cue"), found.end("cue")) if mention is not None else None
