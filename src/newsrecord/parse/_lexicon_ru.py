"""The Russian word lists of the parser, kept as data in one place.

Each list is what the Russian rules (``_russian`` and its ``_ru_*`` stages) look words
up in.  Words are given in one form (a verb's stems, a noun's nominative) and the rules
find their inflected forms by a small suffix rule (:data:`VERB_ENDINGS`,
:data:`NOUN_ENDINGS`), so a list never spells out every form.  An entry belongs here
only when a sentence of the Russian set (``bench/corpora/ru``) or of
``examples/editions/drone_plant.ru.txt`` uses it in that role.
All entries are lower case; look-ups fold case (``ё`` is read as ``е``).
"""

from __future__ import annotations

from typing import Final

#: Verbs of saying: each stem with the dictionary form it stands for.  A word is a cue
#: when it is a stem followed by one of :data:`VERB_ENDINGS` ("заяви" + "ла",
#: "заявля" + "ют", "сообща" + "ется").
CUE_STEMS: Final[dict[str, str]] = {
    "заяви": "заявить",
    "заявля": "заявить",
    "отмети": "отметить",
    "отмеча": "отметить",
    "сообщи": "сообщить",
    "сообща": "сообщить",
    "подчеркну": "подчеркнуть",
    "сказа": "сказать",
    "рассказа": "рассказать",
    "добави": "добавить",
    "поясни": "пояснить",
    "счита": "считать",
    "напомни": "напомнить",
    "призна": "признаться",
    "предупреди": "предупредить",
    "объясни": "объяснить",
    "пообеща": "пообещать",
    "подели": "поделиться",
    "уточни": "уточнить",  # "..., уточнили в пресс-службе."
    "высказа": "высказать",  # "Такое мнение высказал экономист ..."
    "вырази": "выразить",  # "X выразил уверенность, что ..."
    "исключи": "исключить",  # "Эксперт не исключил, что ..." (with "не", see ADVERBS)
}

#: Verb endings after a stem of :data:`CUE_STEMS`: past (by gender and number), present
#: third person, each also reflexive.
VERB_ENDINGS: Final[dict[str, str]] = {
    "л": "m",
    "ла": "f",
    "ло": "n",
    "ли": "p",
    "лся": "m",
    "лась": "f",
    "лось": "n",
    "лись": "p",
    "ет": "",
    "ют": "p",
    "ит": "",
    "ят": "p",
    "ется": "",
    "ются": "p",
    "ится": "",
    "ятся": "p",
}

#: Short adjectives that attribute like a verb ("он уверен, что ..."), with their
#: endings by gender and number.
CUE_ADJECTIVES: Final = frozenset({"уверен"})
ADJECTIVE_ENDINGS: Final[dict[str, str]] = {"": "m", "а": "f", "о": "n", "ы": "p"}

#: Prepositional phrases that attribute what follows or precedes them, with the word
#: that names the source after them ("по словам X", "по данным X").
SOURCE_PHRASES: Final = frozenset({"по словам", "по данным", "по мнению", "по информации"})

#: Impersonal verbs of a statement in a document, and the documents (prepositional case)
#: whose author in the genitive is the source: "…, говорится в сообщении Нацбанка",
#: "Как отмечается в заявлении министерства, …", "Об этом говорится в докладе комиссии."
DOCUMENT_VERBS: Final = frozenset(
    "говорится отмечается подчеркивается подчёркивается сообщается указывается".split()
)
DOCUMENT_NOUNS: Final = frozenset(
    """
    сообщении заявлении документе пресс-релизе релизе докладе отчете отчёте обращении
    письме публикации постановлении ответе комментарии
    """.split()
)


#: Short adjectives that are a sentence's predicate, never part of a title before a name:
#: "С экспертом согласен экономист Петр Лавров" (the title is "экономист").
SHORT_ADJECTIVES: Final = frozenset(
    """
    согласен согласна согласны уверен уверена уверены убежден убеждена убеждены намерен
    намерена намерены
    """.split()
)


#: Pronouns that can name a speaker, with the gender or number they tell.  The genitive
#: forms stand in "по его словам".
PRONOUNS: Final[dict[str, str]] = {
    "он": "m",
    "она": "f",
    "они": "p",
    "его": "m",
    "ее": "f",
    "их": "p",
}

#: Nouns for a person's role, in the nominative ("эксперт", "министр").
ROLE_NOUNS: Final = frozenset(
    """
    эксперт министр заместитель директор председатель глава начальник представитель
    политолог экономист агроном артистка руководитель посол дипломат певица педагог
    аналитик инженер тренер президент премьер-министр врач
    """.split()
)

#: Descriptions that stand for a role: "— подчеркнул глава государства" is the
#: president.
ROLE_PHRASES: Final[dict[str, str]] = {
    "глава государства": "президент",  # "— подчеркнул глава государства"
    "главы государства": "президент",  # "по словам главы государства"
}

#: Nouns that head an organisation's name, in the nominative, with their gender
#: ("m", "f", "n"; "-" when they do not decline).
ORGANIZATION_NOUNS: Final[dict[str, str]] = {
    "институт": "m",
    "министерство": "n",
    "комитет": "m",
    "инспекция": "f",
    "кооператив": "m",
    "университет": "m",
    "облисполком": "m",
    "холдинг": "m",
    "компания": "f",
    "пресс-служба": "f",
    "управление": "n",
    "газета": "f",
    "портал": "m",
    "агентство": "n",
    "телеканал": "m",
    "радио": "-",
    "горисполком": "m",
    "банк": "m",
    "центр": "m",
    "нацбанк": "m",  # "говорится в сообщении Нацбанка"
    "регулятор": "m",  # "говорится в сообщении регулятора" (the central bank)
}

#: Common nouns that stand in for an organisation named before, and the organisation
#: nouns that organisation's name has: "Национальный банк сохранил ставку … , говорится в
#: сообщении регулятора" (the regulator is the bank).
ORGANIZATION_STAND_INS: Final[dict[str, frozenset[str]]] = {
    "регулятор": frozenset({"банк", "нацбанк"}),
}

#: Organisation nouns that are common nouns, written in lower case inside a sentence
#: ("газета «Экономический вестник»", "пресс-служба облисполкома").
COMMON_ORGANIZATION_NOUNS: Final = frozenset(
    {"газета", "портал", "агентство", "телеканал", "радио", "пресс-служба", "холдинг"}
    | {"компания", "кооператив", "регулятор"}
)

#: The media a statement was made in ("в эфире радио «Полесье»", "в интервью агентству
#: «Белновости»"): the noun of the occasion, in the prepositional case or indeclinable.
MEDIUM_OCCASIONS: Final = frozenset({"эфире", "интервью"})

#: Case endings of nouns, by the nominative's gender and ending class (see
#: :func:`newsrecord.parse._ru_words.noun_lemma`).
NOUN_ENDINGS: Final[dict[str, tuple[str, ...]]] = {
    "m": ("", "а", "у", "ом", "е"),  # институт, института, институту, институтом
    "n-о": ("о", "а", "у", "ом", "е"),  # министерство, министерства
    "n-е": ("е", "я", "ю", "ем", "и"),  # управление, управления, управлении
    "f-а": ("а", "ы", "и", "е", "у", "ой"),  # газета, газеты; пресс-служба
    "f-я": ("я", "и", "ю", "ей", "ии"),  # компания, компании, инспекция
}

#: Case endings of surnames and first names (longest first when stripped), so that
#: "Авдонин", "Авдонина", "Авдонину" and "Авдониным" share the key "авдонин".
NAME_ENDINGS: Final = (
    "ыми ими ого его ому ему ой ей ою ую юю ая яя ий ый ым им ом ем а я у ю е ы и"
).split()

#: Words that start a sentence or stand between a subject and its verb without being
#: part of either ("Ранее Министерство сообщило", "Синявский отдельно предупредил",
#: "Эксперт не исключил").
ADVERBS: Final = frozenset({"ранее", "также", "отдельно", "не"})

#: Words that open a sentence, followed by a comma, before its attribution ("Однако, по
#: информации источника, ...", "При этом, по данным ...").
SENTENCE_OPENERS: Final = frozenset({"однако", "при этом", "кроме того"})

#: Genitive place names whose nominative no suffix rule gives.
PLACE_NOMINATIVES: Final[dict[str, str]] = {"беларуси": "Беларусь"}

#: First names whose genitive drops a vowel of the nominative ("Павла" is "Павел").
FIRST_NAME_GENITIVES: Final[dict[str, str]] = {"павла": "Павел"}

#: Whom a cue says it was told to, between the cue and the speaker ("сообщил журналистам
#: министр ...", "рассказал корреспонденту агентства «…» заместитель министра ...").
LISTENERS: Final = frozenset({"журналистам", "корреспонденту"})

#: Verbs that give an assessment attributed like a cue after "Такой прогноз", "Такую
#: оценку" ("Такой прогноз дали в Белгидромете."), with the gender or number they tell.
ASSESSMENT_VERBS: Final[dict[str, str]] = {"дал": "m", "дала": "f", "дали": "p"}
