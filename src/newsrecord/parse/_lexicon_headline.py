"""The word lists of the headline stage (``_headline``), kept as data in one place.

A headline of the form "WHO: SAID" carries a statement of WHO, unless WHO is a label of
the outlet's furniture ("Video:", "Опрос:").  The labels are here, English and Russian
together (a headline is read with both), with the quotation marks that make SAID a direct
quote and the plural role nouns that never name one speaker.  All entries are lower case;
look-ups fold case (and read ``ё`` as ``е``).
"""

from __future__ import annotations

from typing import Final

#: Labels before a headline's colon that name a kind of item, not a speaker.  Each entry
#: with the kind of headline it opens.
HEADLINE_LABELS: Final = frozenset(
    {
        "video",  # "Video: floods close the coast road"
        "photo",  # "Photo: the new bridge at dawn"
        "photos",  # "Photos: a week of protests"
        "gallery",  # "Gallery: the harvest festival"
        "update",  # "Update: the road is open again"
        "updated",  # "Updated: three ministers resign"
        "breaking",  # "Breaking: the vote is postponed"
        "breaking news",  # "Breaking News: a fire at the port"
        "just in",  # "Just in: the court has ruled"
        "opinion",  # "Opinion: the tram line is worth it"
        "analysis",  # "Analysis: why the talks stalled"
        "commentary",  # "Commentary: a budget of half measures"
        "comment",  # "Comment: the city deserves better"
        "editorial",  # "Editorial: fund the libraries"
        "exclusive",  # "Exclusive: the memo the council hid"
        "live",  # "Live: election night results"
        "watch",  # "Watch: the mayor's speech in full"
        "listen",  # "Listen: this week's podcast"
        "look",  # "Look: the crowd outside the hall"
        "explainer",  # "Explainer: what the new tax means"
        "timeline",  # "Timeline: ten years of the dispute"
        "interview",  # "Interview: a day with the harbour pilot"
        "poll",  # "Poll: the mayor leads by four points"
        "survey",  # "Survey: most commuters want trams"
        "q&a",  # "Q&A: how the ballot works"
        "faq",  # "FAQ: the new parking rules"
        "report",  # "Report: the ministry overspent"
        "latest",  # "Latest: polls close at eight"
        "the latest",  # "The Latest: the count goes on"
        "factbox",  # "Factbox: who is running"
        "fact check",  # "Fact Check: the claim about the budget"
        "fact-check",  # "Fact-check: the claim about the budget"
        "review",  # "Review: a stark new staging"
        "recap",  # "Recap: the debate in five minutes"
        "podcast",  # "Podcast: the week in politics"
        "quiz",  # "Quiz: how well do you know the city?"
        "correction",  # "Correction: an earlier headline misnamed the minister"
        "obituary",  # "Obituary: a composer of the river songs"
        "revealed",  # "Revealed: the cost of the new stadium"
        "bombshell",  # "Bombshell: the deal was never signed"
        "wow",  # "Wow: a record crowd at the rally"
        "boom",  # "BOOM: the senator hits back"
        "busted",  # "BUSTED: the emails the aide deleted"
        "just leaked",  # "Just Leaked: the draft of the plan"
        "news guide",  # "News Guide: where the candidates stand"
        "read more",  # "Read more: the full ruling"
        "in pictures",  # "In pictures: the storm's aftermath"
        "видео",  # "Видео: как строили новый мост"
        "фото",  # "Фото: первый снег в столице"
        "фоторепортаж",  # "Фоторепортаж: ярмарка в Бресте"
        "опрос",  # "Опрос: большинство за новый парк"
        "итоги",  # "Итоги: что решила сессия"
        "интервью",  # "Интервью: день из жизни лесника"
        "мнение",  # "Мнение: зачем городу трамвай"
        "комментарий",  # "Комментарий: бюджет без сюрпризов"
        "срочно",  # "Срочно: трасса закрыта"
        "молния",  # "Молния: сессия переносится"
        "онлайн",  # "Онлайн: ход голосования"
        "трансляция",  # "Трансляция: матч сборной"
        "обзор",  # "Обзор: цены на овощи за неделю"
        "репортаж",  # "Репортаж: как живет деревня у границы"
        "инфографика",  # "Инфографика: урожай по областям"
        "эксклюзив",  # "Эксклюзив: план реконструкции вокзала"
        "хроника",  # "Хроника: неделя паводков"
        "важно",  # "Важно: изменилось расписание поездов"
    }
)

#: Role nouns that are plural or collective, so never name the one speaker a headline
#: quotes ("Experts: ...", "Officials: ...").
PLURAL_ROLE_NOUNS: Final = frozenset(
    """
    spokesmen spokespeople officials experts analysts sources voters supporters critics
    aides allies backers donors staffers democrats republicans conservatives liberals
    people men women insiders historians
    """.split()
)

#: The quotation marks that enclose a headline's whole statement, making it a direct
#: quote: each opening mark with the marks that may close it (those the body's rules read,
#: and the straight single quotes of headline style, 'We will win').
HEADLINE_QUOTE_PAIRS: Final[dict[str, str]] = {
    "“": "”",
    '"': '"',
    "«": "»",
    "„": "“”",
    "‘": "’",
    "'": "'",
    "‹": "›",
}

#: The short names the region's outlets give ministries in headlines ("Минздрав:
#: вакцинация идет по плану"), each with the word its full name has in the genitive
#: ("Министерство здравоохранения", "министр здравоохранения"); folded keys (ё as е).
MINISTRY_SHORT_NAMES: Final[dict[str, str]] = {
    "минздрав": "здравоохранения",  # "Минздрав: вакцинация от гриппа идет по плану"
    "минтранс": "транспорта",  # "Минтранс: новый вокзал откроют к лету"
    "минобразования": "образования",  # "Минобразования: учебники обновят к сентябрю"
    "минобороны": "обороны",  # "Минобороны: учения пройдут в сентябре"
    "минфин": "финансов",  # "Минфин: дефицит бюджета сократился"
    "минэкономики": "экономики",  # "Минэкономики: рост ВВП составит 4 процента"
    "минэнерго": "энергетики",  # "Минэнерго: тарифы не изменятся"
    "минпром": "промышленности",  # "Минпром: выпуск тракторов вырос"
    "минюст": "юстиции",  # "Минюст: закон вступит в силу в июле"
    "минсельхозпрод": "сельского",  # "Минсельхозпрод: сев завершат к маю"
    "минкультуры": "культуры",  # "Минкультуры: театр откроется после ремонта"
    "минспорта": "спорта",  # "Минспорта: сборная поедет на чемпионат"
    "мид": "иностранных",  # "МИД: посол вызван для консультаций"
    "мвд": "внутренних",  # "МВД: число ДТП снизилось"
}
