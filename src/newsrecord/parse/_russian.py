"""Who said what in a Russian post: quotes, reported speech, speakers and their roles.

The English rules read English word order and English cue words; a post in Russian (or
Ukrainian or Belarusian, which the same outlets publish and which share its punctuation)
is read by these rules instead.  :func:`uses_russian_rules` decides from the article's
language, or from its script when the language is unknown; :func:`attribute_russian`
returns the speakers and quotes, as the English :func:`attribute` does.

* **Direct quotes** stand in « », „ “, “ ” or " " marks (nested «„…“» marks belong to the
  outer quote), or on a dialogue line opening with a dash.  They are attributed by the
  dash convention after them (``«…», — сказал он.``, ``«…», — отметил министр обороны X``),
  by a colon before them (``X заявил: «…»``, also at the end of the previous paragraph),
  by the author's words inside the marks (``«…, — отметил X. — …»``), and on a dialogue
  line by the dashes around the author's words (``— …, — сказала X. — …``).
* **Reported speech**: ``как отметил X, …``, ``…, как сообщает X``, ``по словам X, …``,
  ``по данным X, …``, ``по мнению X, …`` (and ``по его словам``), ``X сообщил, что …``,
  ``…, сообщил X.``, ``Об этом сообщила X.`` (the sentence before) and the parenthesis
  ``…, как отметил X, …`` (two quotes).  ``в эфире радио «…»`` and ``в интервью агентству
  «…»`` give ``via``.
* **Cue verbs** are known by their stems (:data:`newsrecord.parse._lexicon_ru.CUE_STEMS`)
  and a
  suffix rule for tense, gender, number and the reflexive ending, so ``заявил``,
  ``заявила``, ``заявляют`` and ``сообщается`` are all found.
* **Speakers**: a title before a name (``эксперт Белорусского института аграрной
  экономики Виктор Лозовский``) gives the role (``эксперт``) and the organisation in the
  nominative (``Белорусский институт аграрной экономики``: the organisation noun and the
  adjectives before it are put in the nominative, the words after it stay as written).
  Surnames are matched across case endings (Авдонин, Авдонина, Авдонину, Авдониным), a
  name read in the genitive (``по словам Светланы Жуковой``) is put in the nominative,
  ``он`` / ``она`` go to the latest person of that gender (quoted, or named with a title),
  ``эксперт`` to the latest person with that role, and ``в министерстве`` to the
  organisation it names.

Time grows about linearly with the post's length: people named with a title are looked
up by surname key and position, taken spans by bisection; only the speakers found so far
(a few dozen in a long post) are scanned for each mention.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Sequence
from typing import Final

import attrs

from newsrecord._model import (
    PARAGRAPH_SEPARATOR,
    Affiliation,
    Quote,
    QuoteKind,
    Speaker,
    SpeakerKind,
)
from newsrecord.parse._lexicon_ru import (
    ADJECTIVE_ENDINGS,
    ADVERBS,
    COMMON_ORGANIZATION_NOUNS,
    CUE_ADJECTIVES,
    CUE_STEMS,
    FIRST_NAME_GENITIVES,
    MEDIUM_OCCASIONS,
    NAME_ENDINGS,
    NOUN_ENDINGS,
    ORGANIZATION_NOUNS,
    PLACE_NOMINATIVES,
    PRONOUNS,
    ROLE_NOUNS,
    SENTENCE_OPENERS,
    SOURCE_PHRASES,
    VERB_ENDINGS,
)

__all__ = ["attribute_russian", "cue_form", "noun_lemma", "surname_key", "uses_russian_rules"]

#: Languages read by these rules (primary subtags).
RUSSIAN_RULE_LANGUAGES: Final = frozenset({"ru", "uk", "be"})

_CYRILLIC: Final = re.compile(r"[\u0400-\u04ff]")
_LETTER: Final = re.compile(r"[^\W\d_]")
#: Letters looked at when the language is unknown.
_SCRIPT_SAMPLE: Final = 400
_MIN_UNATTRIBUTED_WORDS: Final = 8
_MIN_CONTENT_WORDS: Final = 3


def uses_russian_rules(language: str | None, paragraphs: Sequence[str]) -> bool:
    """Whether an article is read by the Russian rules.

    Yes for Russian, Ukrainian and Belarusian (``ru``, ``uk``, ``be`` with any region) and
    for any tag with the ``Cyrl`` script subtag; when the language is unknown, yes when
    most letters of the opening paragraphs are Cyrillic.  Any other language: no.
    """
    if language is not None:
        subtags = language.lower().split("-")
        return subtags[0] in RUSSIAN_RULE_LANGUAGES or "cyrl" in subtags[1:]
    sample = "".join(paragraphs[:3])[:_SCRIPT_SAMPLE]
    if _CYRILLIC.search(sample) is None:
        return False  # the common case, found without counting letters
    letters = _LETTER.findall(sample)
    return bool(letters) and 2 * len(_CYRILLIC.findall(sample)) > len(letters)


# ---------------------------------------------------------------------------------------
# Words


def _fold(word: str) -> str:
    return word.lower().replace("ё", "е")


def _stem_index() -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for stem in CUE_STEMS:
        index.setdefault(stem[:3], []).append(stem)
    return index


_STEMS_BY_PREFIX: Final = _stem_index()


def cue_form(word: str) -> str | None:
    """The gender or number a cue word tells (``"m"``, ``"f"``, ``"n"``, ``"p"`` or ``""``
    when it does not tell), or ``None`` when the word is no cue.

    ``заявила`` is the stem ``заяви`` and the ending ``ла`` (feminine); ``уверены`` is
    the short adjective ``уверен`` in the plural.
    """
    folded = _fold(word)
    for stem in _STEMS_BY_PREFIX.get(folded[:3], ()):
        if folded.startswith(stem):
            ending = folded[len(stem) :]
            if ending in VERB_ENDINGS:
                return VERB_ENDINGS[ending]
    for adjective in CUE_ADJECTIVES:
        if folded.startswith(adjective) and folded[len(adjective) :] in ADJECTIVE_ENDINGS:
            return ADJECTIVE_ENDINGS[folded[len(adjective) :]]
    return None


def _declension(lemma: str, gender: str) -> tuple[str, tuple[str, ...]]:
    """A noun's stem and the endings of its cases (see :data:`NOUN_ENDINGS`)."""
    if gender == "-":
        return lemma, ("",)
    if lemma.endswith("ь"):
        return lemma[:-1], ("ь", "я", "ю", "ем", "е")
    if lemma.endswith("о"):
        return lemma[:-1], NOUN_ENDINGS["n-о"]
    if lemma.endswith("е"):
        return lemma[:-1], NOUN_ENDINGS["n-е"]
    if lemma.endswith("а"):
        return lemma[:-1], NOUN_ENDINGS["f-а"]
    if lemma.endswith("я"):
        return lemma[:-1], NOUN_ENDINGS["f-я"]
    return lemma, NOUN_ENDINGS["m"]


def _forms(lemmas: dict[str, str]) -> dict[str, str]:
    table: dict[str, str] = {}
    for lemma, gender in lemmas.items():
        stem, endings = _declension(lemma, gender)
        for ending in endings:
            table.setdefault(stem + ending, lemma)
    return table


_ROLE_FORMS: Final = _forms(dict.fromkeys(ROLE_NOUNS, ""))
_ORGANIZATION_FORMS: Final = _forms(ORGANIZATION_NOUNS)


def noun_lemma(word: str) -> str | None:
    """The nominative of a role or organisation noun in any case, or ``None``.

    ``института`` is ``институт``, ``министерстве`` ``министерство``, ``агронома``
    ``агроном``; a compound keeps its first part (``пресс-службе``: ``пресс-служба``).
    """
    folded = _fold(word)
    return _ROLE_FORMS.get(folded) or _ORGANIZATION_FORMS.get(folded)


def _role_lemma(word: str) -> str | None:
    return _ROLE_FORMS.get(_fold(word))


def _organization_lemma(word: str) -> str | None:
    return _ORGANIZATION_FORMS.get(_fold(word))


@functools.lru_cache(maxsize=4096)
def surname_key(word: str) -> str:
    """A surname without its case ending: Авдонин, Авдонина, Авдониным give ``авдонин``.

    The longest ending of :data:`NAME_ENDINGS` that leaves at least three letters is cut;
    a surname that does not decline (Лысенко, Сечко) is its own key.
    """
    folded = _fold(word)
    for ending in NAME_ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= 3:
            return folded[: -len(ending)]
    return folded


def _is_acronym(token: str) -> bool:
    return len(token) >= 2 and token.isalpha() and token.isupper()


def _capitalised(token: str) -> bool:
    return token[:1].isupper()


def _is_quoted_name(token: str) -> bool:
    return token[:1] in '«„“"'


def _first_name_gender(first: str) -> str:
    return "f" if _fold(first).endswith(("а", "я")) else "m"


def _nominative_name(words: list[str]) -> list[str]:
    """A person's name read in the genitive, put in the nominative (first name, surname)."""
    if not words:
        return words
    first, last = _fold(words[0]), _fold(words[-1])
    female = len(words) > 1 and (
        (first.endswith(("ы", "и")) and not first.endswith("ии")) or last.endswith(("ой", "ей"))
    )
    out: list[str] = []
    for index, word in enumerate(words):
        surname = index == len(words) - 1
        out.append(_nominative_word(word, female=female, surname=surname))
    return out


def _nominative_word(word: str, *, female: bool, surname: bool) -> str:
    folded = _fold(word)
    if not surname and folded in FIRST_NAME_GENITIVES:
        return FIRST_NAME_GENITIVES[folded]
    rules: tuple[tuple[str, str], ...]
    if female:
        rules = (
            ("ской", "ская"),
            ("цкой", "цкая"),
            ("овой", "ова"),
            ("евой", "ева"),
            ("иной", "ина"),
            ("ыной", "ына"),
            ("ии", "ия"),
            ("ги", "га"),
            ("ки", "ка"),
            ("хи", "ха"),
            ("ы", "а"),
            ("и", "я"),
        )
    else:
        rules = (
            ("ского", "ский"),
            ("цкого", "цкий"),
            ("ова", "ов"),
            ("ева", "ев"),
            ("ина", "ин"),
            ("ына", "ын"),
            ("ича", "ич"),
            ("ея", "ей"),
            ("ия", "ий"),
            ("ая", "ай"),
            ("я", "ь"),
            ("а", ""),
        )
    if not surname and not female:
        rules = tuple(r for r in rules if r[0] not in {"ова", "ева", "ина", "ына"})
    for ending, nominative in rules:
        if folded.endswith(ending) and len(folded) > len(ending) + 1:
            return word[: len(word) - len(ending)] + nominative
    return word


def _adjective_nominative(word: str, gender: str) -> str:
    """An adjective in the genitive agreeing with a noun of ``gender``, in the nominative."""
    folded = _fold(word)
    if gender == "f":
        if folded.endswith("ой"):
            return word[:-2] + "ая"
        if folded.endswith("ей"):
            return word[:-2] + "яя"
        return word
    if folded.endswith(("ом", "ем")) and len(folded) > 4:  # "в Национальном институте"
        stem = word[:-2]
        if gender == "n":
            return stem + ("ее" if folded.endswith("ем") else "ое")
        soft = folded.endswith("ем") or _fold(stem)[-1:] in "кгхжшчщ"
        return stem + ("ий" if soft else "ый")
    if folded.endswith(("ого", "его")):
        stem = word[:-3]
        if gender == "n":
            return stem + ("ее" if folded.endswith("его") else "ое")
        soft = folded.endswith("его") or _fold(stem)[-1:] in "кгхжшчщ"
        return stem + ("ий" if soft else "ый")
    return word


def _place_nominative(word: str) -> str:
    folded = _fold(word)
    if folded in PLACE_NOMINATIVES:
        return PLACE_NOMINATIVES[folded]
    if folded.endswith("ии"):
        return word[:-1] + "я"
    return word


def _organization_nominative(tokens: list[str]) -> str:
    """An organisation's name as written, its noun and the adjectives before it in the
    nominative ("Белорусского института аграрной экономики" -> "Белорусский институт
    аграрной экономики"); a lone place name is put in the nominative too."""
    head = next((i for i, t in enumerate(tokens) if _organization_lemma(t)), None)
    if head is None:
        if len(tokens) == 1 and not _is_quoted_name(tokens[0]):
            return _place_nominative(tokens[0])
        return " ".join(tokens)
    lemma = _organization_lemma(tokens[head]) or tokens[head]
    out = list(tokens)
    if _fold(tokens[head]) != lemma:
        gender = ORGANIZATION_NOUNS[lemma]
        for index in range(head):
            out[index] = _adjective_nominative(tokens[index], gender)
        out[head] = lemma[:1].upper() + lemma[1:] if _capitalised(tokens[head]) else lemma
    return " ".join(out)


# ---------------------------------------------------------------------------------------
# Quotation marks and sentences


_CLOSERS: Final[dict[str, str]] = {"«": "»", "„": "“”", "“": "”", '"': '"'}


@attrs.frozen
class _Marked:
    """A quoted piece: content ``start``-``end``, marks at ``open_at`` and ``close_at``."""

    start: int
    end: int
    open_at: int
    close_at: int | None
    paragraph: int


def _scan_marks(text: str, start: int, end: int, paragraph: int) -> list[_Marked]:
    """The outermost quoted pieces of one paragraph; inner marks belong to them."""
    found: list[_Marked] = []
    at = start
    while at < end:
        char = text[at]
        if char not in _CLOSERS or (char == '"' and at > start and text[at - 1].isalnum()):
            at += 1
            continue
        close = _closing(text, at, end)
        if close is None:
            if end - at > 1:
                found.append(_Marked(at + 1, end, at, None, paragraph))
            break
        if close > at + 1:
            found.append(_Marked(at + 1, close, at, close, paragraph))
        at = close + 1
    return found


def _closing(text: str, open_at: int, end: int) -> int | None:
    opener = text[open_at]
    if opener == "«":
        depth = 0
        for index in range(open_at, end):
            if text[index] == "«":
                depth += 1
            elif text[index] == "»":
                depth -= 1
                if depth == 0:
                    return index
        return None
    closers = _CLOSERS[opener]
    for index in range(open_at + 1, end):
        if text[index] in closers:
            return index
    return None


_BOUNDARY: Final = re.compile(r"(?<=[.!?…])[»“”\"]*\s+(?=[«„“\"(]*[A-ZА-ЯЁІЎЇЄҐ0-9])")


def _sentences(
    text: str, start: int, end: int, marked: Sequence[_Marked]
) -> Iterator[tuple[int, int]]:
    """Sentences of ``text[start:end]``; a full stop inside quotation marks ends none."""
    at = start
    for match in _BOUNDARY.finditer(text, start, end):
        if any(m.open_at < match.start() < (m.close_at or end) for m in marked):
            continue
        yield at, match.start()
        at = match.end()
    if at < end:
        yield at, end


# ---------------------------------------------------------------------------------------
# Mentions


_TOKEN: Final = re.compile(r"«[^«»]*»|„[^„“]*[“”]|“[^“”]*”|\"[^\"]*\"|[\w’'-]+|[^\s\w]")


@attrs.frozen
class _Mention:
    """A speaker as written: ``text[start:end]``; ``case`` is how it was read."""

    start: int
    end: int
    text: str
    case: str = "nom"  # "nom", "gen" (по словам X) or "prep" (в министерстве)
    gender: str = ""  # from the cue verb: "m", "f", "n", "p" or ""


@attrs.define
class _Candidate:
    kind: QuoteKind
    start: int
    end: int
    mention: _Mention | None = None
    cue: str | None = None
    via: str | None = None


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


_VIA: Final = re.compile(r"\b[вВ]\s+(?P<occasion>\w+)\s+(?:(?P<owner>\w+)\s+)?(?P<name>«[^«»]+»)")


def _via(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The medium named in ``text[start:end]`` and where its phrase stands."""
    for match in _VIA.finditer(text, start, end):
        if _fold(match.group("occasion")) not in MEDIUM_OCCASIONS:
            continue
        owner = match.group("owner")
        name = match.group("name")
        if owner is None:
            return name, match.start(), match.end()
        lemma = _organization_lemma(owner)
        return f"{lemma or owner} {name}", match.start(), match.end()
    return None


_STOP_WORDS: Final = frozenset(
    {"в", "во", "на", "с", "со", "к", "по", "для", "о", "об", "при", "после", "журналистам"}
)


def _subject(
    text: str, start: int, end: int, *, case: str = "nom", gender: str = "", after_cue: bool
) -> _Mention | None:
    """The speaker in ``text[start:end]``: the via phrase and adverbs left out.

    After a cue (``— сказал он в интервью``) the subject ends at a preposition, unless it
    is the ``в`` of an organisation (``— подчеркнули в пресс-службе министерства``).
    """
    via = _via(text, start, end)
    if via is not None:
        before, after = (start, via[1]), (via[2], end)
        start, end = after if text[after[0] : after[1]].strip(" ,") else before
    tokens = _tokens(text, start, end)
    while tokens and _fold(tokens[0][2]) in ADVERBS | {",", "—", "–"}:
        tokens = tokens[1:]
    if after_cue and tokens:
        keep: list[tuple[int, int, str]] = []
        for index, token in enumerate(tokens):
            word = _fold(token[2])
            if token[2] in ",.;:!?…—–()":
                break
            if word in _STOP_WORDS and not (
                index == 0
                and word in {"в", "во"}
                and len(tokens) > 1
                and (noun_lemma(tokens[1][2]) or _capitalised(tokens[1][2]))
            ):
                break
            keep.append(token)
        tokens = keep
    while tokens and (_fold(tokens[-1][2]) in ADVERBS or tokens[-1][2] in ",.;:—–"):
        tokens = tokens[:-1]
    if not tokens:
        return None
    if not after_cue and not any(_organization_lemma(t[2]) for t in tokens):
        # "Петр Савчук обратился к водителям и предупредил": the subject ends at the name
        last_name = max((i for i, t in enumerate(tokens) if _capitalised(t[2])), default=0)
        if last_name and _capitalised(tokens[last_name - 1][2]):
            tokens = tokens[: last_name + 1]
    if _fold(tokens[0][2]) in {"в", "во"}:
        case = "prep"
    first, last = tokens[0][0], tokens[-1][1]
    return _Mention(first, last, text[first:last], case=case, gender=gender)


# ---------------------------------------------------------------------------------------
# Attributions of direct quotes


_AFTER: Final = re.compile(r"[,.!?…]?[\s\u00a0]*[—–][\s\u00a0]+")
_CLAUSE_END: Final = re.compile(r"[.!?…]|,[\s\u00a0]+[—–][\s\u00a0]")


def _attribution_clause(text: str, start: int, end: int) -> tuple[_Mention, str, int] | None:
    """``сказал он`` or ``он сказал`` from ``start``: the mention, the cue and where the
    clause ends."""
    stop = _CLAUSE_END.search(text, start, end)
    clause_end = stop.start() if stop else end
    tokens = _tokens(text, start, clause_end)
    if not tokens:
        return None
    for index, (t_start, t_end, word) in enumerate(tokens[:6]):
        gender = cue_form(word)
        if gender is None:
            continue
        if index == 0:
            mention = _subject(text, t_end, clause_end, gender=gender, after_cue=True)
        else:
            mention = _subject(text, start, t_start, gender=gender, after_cue=False)
        if mention is None:
            return None
        return mention, word, clause_end
    return None


def _after_quote(text: str, close_at: int, end: int) -> tuple[_Mention, str, int] | None:
    dash = _AFTER.match(text, close_at + 1, end)
    if dash is None:
        return None
    return _attribution_clause(text, dash.end(), end)


def _before_colon(text: str, start: int, colon: int) -> tuple[_Mention, str] | None:
    """``X заявил:`` ending at ``colon``: the mention and the cue.

    Without a cue verb, a person named first and the words after the name are the
    mention and the cue (``певица Мария Сантос не скрывала восторга:``).
    """
    tokens = _tokens(text, start, colon)
    for t_start, _t_end, word in reversed(tokens[-8:]):
        gender = cue_form(word)
        if gender is not None:
            mention = _subject(text, start, t_start, gender=gender, after_cue=False)
            return (mention, word) if mention is not None else None
    for index in range(1, min(len(tokens) - 1, 10)):
        first, last = tokens[index - 1][2], tokens[index][2]
        after = tokens[index + 1][2]
        if (
            _capitalised(first)
            and _capitalised(last)
            and not _is_quoted_name(last)
            and (after == "," or after.islower())
        ):
            cue_start = tokens[index + 1][1] if after == "," else tokens[index + 1][0]
            cue = text[cue_start:colon].strip()
            if cue and _word_count(cue) <= 4 and not _CLAUSE_MARK.search(cue):
                mention_start = tokens[0][0]
                mention_end = tokens[index][1]
                return _Mention(mention_start, mention_end, text[mention_start:mention_end]), cue
            break
    return None


_CLAUSE_MARK: Final = re.compile(r"[,;«»„“\"]")


def _colon_before(
    text: str, marked: _Marked, bounds: Sequence[tuple[int, int]]
) -> tuple[_Mention, str] | None:
    p_start, _p_end = bounds[marked.paragraph]
    before = text[p_start : marked.open_at].rstrip()
    if before.endswith(":"):
        colon = p_start + len(before) - 1
        sentence_start = _sentence_start(text, p_start, colon)
        return _before_colon(text, sentence_start, colon)
    if not before and marked.paragraph > 0:
        q_start, q_end = bounds[marked.paragraph - 1]
        previous = text[q_start:q_end].rstrip()
        if previous.endswith(":"):
            colon = q_start + len(previous) - 1
            return _before_colon(text, _sentence_start(text, q_start, colon), colon)
    return None


def _sentence_start(text: str, floor: int, at: int) -> int:
    start = floor
    for match in _BOUNDARY.finditer(text, floor, at):
        start = match.end()
    return start


_DIALOGUE_START: Final = re.compile(r"[—–][\s\u00a0]+")
_DIALOGUE_BREAK: Final = re.compile(r"(?<=[,!?…])[\s\u00a0]+[—–][\s\u00a0]+(?=[а-яё])")
_DIALOGUE_GOES_ON: Final = re.compile(r"[.,][\s\u00a0]+[—–][\s\u00a0]+")


def _dialogue(text: str, start: int, end: int) -> list[_Candidate]:
    """The pieces of a dialogue line (``— …, — сказала X. — …``) and their attribution."""
    opening = _DIALOGUE_START.match(text, start, end)
    if opening is None:
        return []
    pieces: list[tuple[int, int]] = []
    attribution: tuple[_Mention, str, int] | None = None
    at = opening.end()
    while at < end:
        found = _DIALOGUE_BREAK.search(text, at, end) if attribution is None else None
        if found is None:
            pieces.append((at, end))
            break
        clause = _attribution_clause(text, found.end(), end)
        if clause is None:
            pieces.append((at, end))
            break
        pieces.append((at, found.start()))
        attribution = clause
        goes_on = _DIALOGUE_GOES_ON.match(text, clause[2], end)
        if goes_on is None:
            break
        at = goes_on.end()
    if attribution is None and _word_count(text[start:end]) < _MIN_UNATTRIBUTED_WORDS:
        return []
    mention, cue = (attribution[0], attribution[1]) if attribution else (None, None)
    return [
        _Candidate(QuoteKind.DIRECT, s, e, mention=mention, cue=cue) for s, e in pieces if e > s
    ]


def _word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


# ---------------------------------------------------------------------------------------
# Reported speech


_AS_CUE: Final = re.compile(r"(?:(?:Ранее|Также)\s+)?[Кк]ак\s+(?P<cue>\w+)\s+")
_SOURCE_NOUNS: Final = "|".join(sorted(phrase.split()[1] for phrase in SOURCE_PHRASES))
_SOURCE_LEAD: Final = re.compile(
    rf"[Пп]о\s+(?:(?P<pronoun>его|ее|её|их)\s+)?(?P<noun>{_SOURCE_NOUNS})(?P<space>\s+|,)"
)
#: ", что" after a cue, past up to two words of whom it was told ("сообщил журналистам").
_THAT: Final = re.compile(r"(?:\s+[а-яё]+){0,2}?,?\s+что\s+")


def _depth0_comma(text: str, start: int, end: int) -> int | None:
    depth = 0
    for index in range(start, end):
        char = text[index]
        if char in "«„“":
            depth += 1
        elif char in "»”" and depth:
            depth -= 1
        elif char == "," and depth == 0:
            return index
    return None


def _content(
    text: str, start: int, end: int, *, words: int = _MIN_CONTENT_WORDS
) -> tuple[int, int] | None:
    while start < end and text[start] in " \u00a0,—–":
        start += 1
    while end > start and text[end - 1] in " \u00a0.,;:!?…":
        end -= 1
    if _word_count(text[start:end]) < words:
        return None
    return start, end


def _opener_end(text: str, start: int, end: int) -> int:
    """Where a sentence starts past an opening ``Однако,`` or ``При этом,``."""
    opener = _OPENER.match(text, start, end)
    return opener.end() if opener is not None else start


def _reported(text: str, start: int, end: int) -> list[_Candidate]:
    """The reported speech of one sentence (one quote, or two around a parenthesis)."""
    start = _opener_end(text, start, end)
    single = _reported_single(text, start, end)
    if single is not None:
        return [single]
    return _parenthetical(text, start, end)


def _reported_single(text: str, start: int, end: int) -> _Candidate | None:
    lead = _AS_CUE.match(text, start, end)
    if lead is not None and cue_form(lead.group("cue")) is not None:
        comma = _depth0_comma(text, lead.end(), end)
        if comma is not None:
            gender = cue_form(lead.group("cue")) or ""
            mention = _subject(text, lead.end(), comma, gender=gender, after_cue=False)
            content = _content(text, comma + 1, end)
            if mention is not None and content is not None:
                via = _via(text, lead.end(), comma)
                return _candidate(content, mention, lead.group("cue"), via)
    source = _SOURCE_LEAD.match(text, start, end)
    if source is not None:
        cue = f"по {source.group('noun')}"
        if source.group("pronoun"):
            p_start, p_end = source.span("pronoun")
            mention = _Mention(p_start, p_end, source.group("pronoun"), case="gen")
            content = _content(text, source.end(), end)
        else:
            comma = _depth0_comma(text, source.end(), end)
            if comma is None:
                return None
            mention = _subject(text, source.end(), comma, case="gen", after_cue=False)
            content = _content(text, comma + 1, end)
        if mention is not None and _fold(mention.text.split()[0]) in _STOP_WORDS:
            return None  # "По данным на 1 января, ...": a date, not a source
        if mention is not None and content is not None:
            return _candidate(content, mention, cue, None)
        return None
    tail = _tail(text, start, end)
    if tail is not None:
        return tail
    for t_start, t_end, word in _tokens(text, start, min(end, start + 400)):
        told = cue_form(word)
        that = _THAT.match(text, t_end, end) if told is not None else None
        if told is None or that is None:
            continue
        subject = _subject(text, start, t_start, gender=told, after_cue=False)
        said = _content(text, that.end(), end)
        if subject is not None and said is not None:
            return _candidate(said, subject, word, _via(text, start, t_start))
        return None
    return None


_OPENER: Final = re.compile(
    "(?:" + "|".join(sorted(SENTENCE_OPENERS)) + r")[\s\u00a0]*,[\s\u00a0]*", re.IGNORECASE
)
_PARENTHESIS: Final = re.compile(
    rf",[\s\u00a0]+(?:как\s+(?P<cue>\w+)|(?P<source>по\s+(?:(?P<pronoun>его|ее|её|их)\s+)?"
    rf"(?P<noun>{_SOURCE_NOUNS})))(?:\s+|(?=,))"
)


def _parenthetical(text: str, start: int, end: int) -> list[_Candidate]:
    """``Работы, как отметил X, обошлись дешевле``: two quotes, one speaker."""
    for match in _PARENTHESIS.finditer(text, start, end):
        cue = match.group("cue")
        if cue is not None and cue_form(cue) is None:
            continue
        if match.group("pronoun"):
            p_start, p_end = match.span("pronoun")
            mention: _Mention | None = _Mention(p_start, p_end, match.group("pronoun"), case="gen")
            comma: int | None = match.start("noun") + len(match.group("noun"))
            comma = comma if text.startswith(",", comma) else None
        else:
            comma = _depth0_comma(text, match.end(), end)
            if comma is None:
                return []
            case = "gen" if match.group("source") else "nom"
            mention = _subject(text, match.end(), comma, case=case, after_cue=False)
        if comma is None or mention is None:
            return []
        before = _content(text, start, match.start(), words=1)
        after = _content(text, comma + 1, end, words=1)
        if before is None or after is None:
            return []
        if _word_count(text[before[0] : before[1]] + " " + text[after[0] : after[1]]) < 3:
            return []
        said = f"по {match.group('noun')}" if match.group("source") else cue or ""
        return [_candidate(before, mention, said, None), _candidate(after, mention, said, None)]
    return []


_ABOUT_THIS: Final = re.compile(r"Об\s+этом\s+")


def _about_this(
    text: str, start: int, end: int, previous: tuple[int, int] | None
) -> _Candidate | None:
    """``Об этом сообщила X.``: what the sentence before says, attributed to X."""
    lead = _ABOUT_THIS.match(text, start, end)
    if lead is None or previous is None:
        return None
    tokens = _tokens(text, lead.end(), end)
    for index, (t_start, t_end, word) in enumerate(tokens[:4]):
        told = cue_form(word)
        if told is None:
            continue
        mention = _subject(text, t_end, end, gender=told, after_cue=True)
        if mention is None and index:
            mention = _subject(text, lead.end(), t_start, gender=told, after_cue=False)
        content = _content(text, _opener_end(text, *previous), previous[1])
        if mention is None or content is None:
            return None
        return _candidate(content, mention, word, _via(text, lead.end(), end))
    return None


_TAIL: Final = re.compile(
    rf",[\s\u00a0]+(?:(?P<as>как)\s+(?P<cue>\w+)|(?P<source>по\s+(?:{_SOURCE_NOUNS}))"
    r"|(?P<verb>\w+))\s+"
)


def _tail(text: str, start: int, end: int) -> _Candidate | None:
    """``…, сообщил X.``, ``…, как сообщает X.``, ``…, по словам X.``."""
    last: re.Match[str] | None = None
    for match in _TAIL.finditer(text, start, end):
        cue = match.group("cue") or match.group("verb")
        if match.group("source") or (cue is not None and cue_form(cue) is not None):
            last = match
    if last is None:
        return None
    cue_word = last.group("source") or last.group("cue") or last.group("verb")
    case = "gen" if last.group("source") else "nom"
    gender = "" if last.group("source") else cue_form(cue_word) or ""
    if _depth0_comma(text, last.end(), end) is not None:
        return None
    mention = _subject(text, last.end(), end, case=case, gender=gender, after_cue=True)
    content = _content(text, start, last.start())
    if mention is None or content is None:
        return None
    return _candidate(content, mention, cue_word, _via(text, last.end(), end))


def _candidate(
    content: tuple[int, int], mention: _Mention, cue: str, via: tuple[str, int, int] | None
) -> _Candidate:
    return _Candidate(
        QuoteKind.INDIRECT,
        content[0],
        content[1],
        mention=mention,
        cue=cue,
        via=via[0] if via else None,
    )


# ---------------------------------------------------------------------------------------
# Speakers


@attrs.define(eq=False)  # entities are compared by identity
class _Entity:
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
            lemma = _role_lemma(word)
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
        if _capitalised(token) and not _is_quoted_name(token) and token.replace("-", "").isalpha():
            run += 1
        else:
            break
    return min(run, 2)


def _read_mention(mention: _Mention) -> _Reading:
    tokens = [t for _s, _e, t in _tokens(mention.text, 0, len(mention.text))]
    folded = [_fold(t) for t in tokens]
    if len(tokens) == 1 and folded[0] in PRONOUNS:
        return _Reading("pronoun", gender=PRONOUNS[folded[0]])
    if folded[0] in {"в", "во"} and len(tokens) > 1 and _capitalised(tokens[1]):
        # "в Министерстве сельского хозяйства": the organisation, named
        return _Reading("organization", name=_organization_name(tokens[1:]))
    if folded[0] in {"в", "во"}:
        lemma = next(
            (lm for t in reversed(tokens[1:]) if (lm := _organization_lemma(t))), folded[-1]
        )
        return _Reading("organization-noun", name=lemma)
    if len(tokens) == 1 and not _capitalised(tokens[0]) and not _organization_lemma(tokens[0]):
        # "— сказал эксперт", "— считает дипломат": a person described by a noun
        return _Reading("description", name=_role_lemma(tokens[0]) or folded[0])
    if len(tokens) == 1 and _role_lemma(tokens[0]):
        return _Reading("description", name=_role_lemma(tokens[0]) or folded[0])
    if len(tokens) == 1 and _is_acronym(tokens[0]):
        return _Reading("organization", name=tokens[0])  # "по данным МЧС"
    if _role_lemma(tokens[0]) and not any(_capitalised(t) for t in tokens[1:]):
        # "глава аграрного ведомства": a person described by a role
        return _Reading("description", name=_role_lemma(tokens[0]) or folded[0])
    if "," in tokens and _person_run(tokens) == 0:
        # "Иван Крупко, присутствовавший на открытии": the name is before the comma
        before = tokens[: tokens.index(",")]
        if before and _person_run(before):
            tokens, folded = before, folded[: len(before)]
    run = _person_run(tokens)
    if run == 2 and len(tokens) > 2 and not _organization_lemma(tokens[0]):
        return _person_reading(tokens, run, mention)
    head_index = next(
        (i for i, t in enumerate(tokens) if _organization_lemma(t) or _role_lemma(t)),
        None,
    )
    if (
        head_index is not None
        and _organization_lemma(tokens[head_index])
        and all(not _role_lemma(t) for t in tokens[:head_index])
    ):
        return _Reading("organization", name=_organization_name(tokens))
    if run == 0:
        return _Reading("organization", name=_organization_name(tokens))
    return _person_reading(tokens, run, mention)


def _person_reading(tokens: list[str], run: int, mention: _Mention) -> _Reading:
    """A person named by the last ``run`` tokens, with the title before them."""
    name_words = tokens[len(tokens) - run :]
    if mention.case == "gen":
        name_words = _nominative_name(name_words)
    gender = mention.gender if mention.gender in {"m", "f"} else ""
    if run == 2:
        gender = _first_name_gender(name_words[0])
    title = [t for t in tokens[: len(tokens) - run] if t != ","]
    return _Reading("person", name=" ".join(name_words), gender=gender, title=tuple(title))


def _organization_name(tokens: list[str]) -> str:
    name = _organization_nominative(tokens)
    first = name.split()[0]
    if _fold(first) in COMMON_ORGANIZATION_NOUNS and _capitalised(first):
        name = first[:1].lower() + name[1:]
    return name


def _affiliation(title: Sequence[str]) -> Affiliation | None:
    """The role and organisation in a title before a name."""
    tokens = list(title)
    role_at = next((i for i, t in enumerate(tokens) if _role_lemma(t)), None)
    if role_at is None:
        return None
    lemma = _role_lemma(tokens[role_at]) or ""
    modifiers = [_fold(t) for t in tokens[:role_at]]
    if _fold(tokens[role_at]) != lemma:  # "главного инженера": the modifier agrees
        modifiers = [_adjective_nominative(m, "m") for m in modifiers]
    rest = tokens[role_at + 1 :]
    org_at = next((i for i, t in enumerate(rest) if _capitalised(t)), len(rest))
    quoted = next((i for i, t in enumerate(rest) if _is_quoted_name(t)), None)
    if quoted is not None and quoted <= org_at:
        org_at = quoted
        while org_at > 0 and _genitive_of_name(rest[org_at - 1]):
            org_at -= 1  # "сельскохозяйственного кооператива «Заречье»"
        noun = next(
            (i for i in range(org_at - 1, max(org_at - 4, -1), -1) if _organization_lemma(rest[i])),
            None,
        )
        if noun is not None:  # "агентства недвижимости «Квадрат»"
            org_at = noun
            while org_at > 0 and _genitive_of_name(rest[org_at - 1]):
                org_at -= 1
    organization_words = rest[org_at:]
    if not any(_organization_lemma(t) for t in organization_words):
        # "Посол Лорнии в Беларуси": the country, not where the post is
        stop = next((i for i, t in enumerate(organization_words) if _fold(t) in _STOP_WORDS), None)
        organization_words = organization_words[:stop]
    role = " ".join([*modifiers, lemma, *rest[:org_at]])
    organization = _organization_nominative(organization_words) if organization_words else None
    return Affiliation(organization=organization or None, role=role or None)


def _genitive_of_name(word: str) -> bool:
    """Whether a lower-case word can open the organisation before a «name»."""
    return not _capitalised(word) and bool(
        _organization_lemma(word) or _fold(word).endswith(("ого", "ой", "ей", "его"))
    )


#: How far back (characters) a person named with a title, and not quoted yet, is a
#: candidate for a pronoun or a description.
_NAMED_REACH: Final = 3000


class _Resolver:
    """Resolves the mentions of one article, in text order, to entities."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.entities: list[_Entity] = []
        self._adopted: set[int] = set()  # ids of the entities in self.entities
        #: People named with a title, in text order, and where each is named.
        self.named = _titled_people(text)
        self._named_at = [e.position for e in self.named]
        self._named_by_key: dict[str, list[_Entity]] = {}
        for person in self.named:
            self._named_by_key.setdefault(person.key, []).append(person)
        #: Keys of the words that end a full name somewhere in the text ("Андрей Сечко").
        self.surnames = {surname_key(m.group(1)) for m in _FULL_NAME.finditer(text)}

    def _new(self, name: str, kind: SpeakerKind, position: int) -> _Entity:
        return self._adopt(_Entity(name=name, kind=kind, position=position))

    def _recent(self, position: int) -> list[_Entity]:
        """Entities, and people named with a title in the :data:`_NAMED_REACH` characters
        before ``position``, latest first."""
        low = bisect.bisect_left(self._named_at, position - _NAMED_REACH)
        high = bisect.bisect_left(self._named_at, position)
        pending = [e for e in self.named[low:high] if id(e) not in self._adopted]
        return sorted([*self.entities, *pending], key=lambda e: e.position, reverse=True)

    def _adopt(self, entity: _Entity) -> _Entity:
        if id(entity) not in self._adopted:
            self._adopted.add(id(entity))
            self.entities.append(entity)
        return entity

    def resolve(self, mention: _Mention) -> _Entity | None:
        reading = _read_mention(mention)
        entity: _Entity | None = None
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
        elif reading.kind == "organization-noun":
            entity = self._organization_by_noun(reading.name, mention.start)
        elif reading.kind == "organization":
            entity = next(
                (
                    e
                    for e in self.entities
                    if e.kind is SpeakerKind.ORGANIZATION and _fold(e.name) == _fold(reading.name)
                ),
                None,
            ) or self._new(reading.name, SpeakerKind.ORGANIZATION, mention.start)
        else:
            entity = self._person(reading, mention)
        if entity is not None:
            entity.position = mention.start
        return entity

    def _person(self, reading: _Reading, mention: _Mention) -> _Entity | None:
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
            entity.add_affiliation(_affiliation(reading.title))
        return entity

    def _organization_by_noun(self, noun: str, position: int) -> _Entity:
        for candidate in self._recent(position):
            if candidate.kind is SpeakerKind.ORGANIZATION and any(
                _organization_lemma(w) == noun for w in candidate.name.split()
            ):
                return candidate
        for candidate in self._recent(position):
            for affiliation in candidate.affiliations:
                organization = affiliation.organization or ""
                if any(_organization_lemma(w) == noun for w in organization.split()[:3]):
                    return next(
                        (e for e in self.entities if e.name == organization),
                        None,
                    ) or self._new(organization, SpeakerKind.ORGANIZATION, position)
        return self._new(noun, SpeakerKind.ORGANIZATION, position)


_FULL_NAME: Final = re.compile(r"[А-ЯЁ][а-яё]+\s+([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)(?![\w-])")
_TITLED: Final = re.compile(
    r"(?<![\w-])(?P<title>(?:[\w-]+|«[^«»]*»)(?:\s+(?:[\w-]+|«[^«»]*»)){0,7}?)\s+"
    r"(?P<first>[А-ЯЁ][а-яё]+)\s+(?P<last>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)(?![\w-])"
    r"(?!\s+[А-ЯЁ][а-яё])"
)
_ADJECTIVE_ENDINGS: Final = ("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ого", "его", "ей")


def _titled_people(text: str) -> list[_Entity]:
    """People named with a role before the name anywhere in the text, as candidates for
    pronouns and descriptions ("народная артистка Беларуси Галина Шершень")."""
    people: list[_Entity] = []
    for match in _TITLED.finditer(text):
        title = match.group("title").split()
        role_at = next((i for i, t in enumerate(title) if _role_lemma(t)), None)
        if role_at is None:
            continue
        genitive = _fold(title[role_at]) != _role_lemma(title[role_at])
        if role_at and _fold(title[role_at - 1]).endswith(_ADJECTIVE_ENDINGS):
            role_at -= 1  # "народная артистка"
        title = title[role_at:]
        first, last = match.group("first"), match.group("last")
        if genitive:
            first, last = _nominative_name([first, last])  # "министра Павла Гурко"
        entity = _Entity(
            name=f"{first} {last}",
            kind=SpeakerKind.PERSON,
            gender=_first_name_gender(first),
            position=match.start("first"),
        )
        entity.add_affiliation(_affiliation(title))
        people.append(entity)
    return people


# ---------------------------------------------------------------------------------------
# The whole article


def _paragraph_bounds(paragraphs: Sequence[str]) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    at = 0
    for paragraph in paragraphs:
        bounds.append((at, at + len(paragraph)))
        at += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    return bounds


def _inside_attribution(text: str, piece: _Marked) -> list[_Candidate]:
    """``«…, — отметил X. — …»``: the author's words inside the marks split the quote."""
    found = _DIALOGUE_BREAK.search(text, piece.start, piece.end)
    if found is None:
        return []
    clause = _attribution_clause(text, found.end(), piece.end)
    if clause is None:
        return []
    goes_on = _DIALOGUE_GOES_ON.match(text, clause[2], piece.end)
    pieces = [(piece.start, found.start())]
    if goes_on is not None:
        pieces.append((goes_on.end(), piece.end))
    return [
        _Candidate(QuoteKind.DIRECT, s, e, mention=clause[0], cue=clause[1])
        for s, e in pieces
        if e > s
    ]


def _direct(text: str, bounds: Sequence[tuple[int, int]]) -> tuple[list[_Candidate], list[_Marked]]:
    found: list[_Candidate] = []
    all_marked: list[_Marked] = []
    for index, (p_start, p_end) in enumerate(bounds):
        if _DIALOGUE_START.match(text, p_start, p_end):
            found.extend(_dialogue(text, p_start, p_end))
            continue
        marked = _scan_marks(text, p_start, p_end, index)
        all_marked.extend(marked)
        for piece in marked:
            inside = _inside_attribution(text, piece)
            if inside:
                found.extend(inside)
                continue
            attribution = (
                _after_quote(text, piece.close_at, p_end) if piece.close_at is not None else None
            )
            mention: _Mention | None = None
            cue: str | None = None
            if attribution is not None:
                mention, cue = attribution[0], attribution[1]
            else:
                colon = _colon_before(text, piece, bounds)
                if colon is not None:
                    mention, cue = colon
            if mention is None and (
                _word_count(text[piece.start : piece.end]) < _MIN_UNATTRIBUTED_WORDS
            ):
                continue
            found.append(_Candidate(QuoteKind.DIRECT, piece.start, piece.end, mention, cue))
    return found, all_marked


class _Taken:
    """The spans already taken by quotes, which do not overlap each other."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        # spans that do not overlap, sorted by start, are sorted by end too
        index = bisect.bisect_left(self._starts, end)
        return index > 0 and self._ends[index - 1] > start

    def add(self, start: int, end: int) -> None:
        index = bisect.bisect_left(self._starts, start)
        self._starts.insert(index, start)
        self._ends.insert(index, end)


def attribute_russian(
    paragraphs: Sequence[str],
) -> tuple[tuple[Speaker, ...], tuple[Quote, ...]]:
    """The speakers and quotes of an article in Russian (or Ukrainian, Belarusian)."""
    text = PARAGRAPH_SEPARATOR.join(paragraphs)
    bounds = _paragraph_bounds(paragraphs)
    direct, marked = _direct(text, bounds)
    taken = _Taken()
    for quote in direct:
        taken.add(quote.start, quote.end)
    by_paragraph: dict[int, list[_Marked]] = {}
    for piece in marked:
        by_paragraph.setdefault(piece.paragraph, []).append(piece)
    reported: list[_Candidate] = []
    previous: tuple[int, int] | None = None  # the sentence before, for "Об этом ..."
    for index, (p_start, p_end) in enumerate(bounds):
        if _DIALOGUE_START.match(text, p_start, p_end):
            previous = None
            continue
        local = by_paragraph.get(index, [])
        for s_start, s_end in _sentences(text, p_start, p_end, local):
            if text[s_start] in '«„“"':
                previous = None
                continue
            about = _about_this(text, s_start, s_end, previous)
            previous = (s_start, s_end)
            found = [about] if about is not None else _reported(text, s_start, s_end)
            for candidate in found:
                if taken.overlaps(candidate.start, candidate.end):
                    continue
                if any(
                    candidate.start <= m.open_at < candidate.end
                    and text[m.start : m.start + 1].islower()
                    for m in local
                ):
                    candidate.kind = QuoteKind.MIXED
                reported.append(candidate)
                taken.add(candidate.start, candidate.end)
    candidates = sorted(direct + reported, key=lambda c: (c.start, c.end))
    return _records(text, candidates)


def _records(
    text: str, candidates: list[_Candidate]
) -> tuple[tuple[Speaker, ...], tuple[Quote, ...]]:
    resolver = _Resolver(text)
    order = sorted(
        range(len(candidates)),
        key=lambda i: m.start if (m := candidates[i].mention) is not None else -1,
    )
    resolved: list[_Entity | None] = [None] * len(candidates)
    for index in order:
        mention = candidates[index].mention
        if mention is not None:
            resolved[index] = resolver.resolve(mention)
    ids: dict[int, str] = {}
    for index in order:
        entity = resolved[index]
        if entity is not None and id(entity) not in ids:
            ids[id(entity)] = f"s{len(ids) + 1}"
    speakers = sorted(
        (
            Speaker(
                id=ids[id(entity)],
                name=entity.name,
                kind=entity.kind,
                aliases=tuple(entity.aliases),
                affiliations=tuple(entity.affiliations),
            )
            for entity in resolver.entities
            if id(entity) in ids
        ),
        key=lambda s: int(s.id[1:]),
    )
    quotes = tuple(
        Quote(
            id=f"q{number}",
            kind=candidate.kind,
            text=text[candidate.start : candidate.end],
            start=candidate.start,
            end=candidate.end,
            speaker_id=ids[id(entity)] if entity is not None else None,
            mention=candidate.mention.text if candidate.mention is not None else None,
            cue=candidate.cue,
            via=candidate.via,
        )
        for number, (candidate, entity) in enumerate(zip(candidates, resolved, strict=True), 1)
    )
    return tuple(speakers), quotes
