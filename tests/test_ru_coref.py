"""Tests of ``newsrecord.parse._ru_coref``: mentions in Russian posts resolved to speakers.

Every sentence below is made up for these tests (people, institutes and outlets
included).
"""

from __future__ import annotations

from newsrecord import Affiliation, SpeakerKind
from ru_helpers import parse


def test_description_by_a_noun_the_lists_do_not_know() -> None:
    article = parse(
        "Посол Лорнии Марко Петрович заявил, что проект выгоден обеим странам.",
        "«Это хорошая основа для партнерства», — считает дипломат.",
    )
    assert [q.speaker_id for q in article.quotes] == ["s1", "s1"]


def test_organisation_described_by_its_noun() -> None:
    article = parse(
        "Министерство экономики сообщило, что рост обеспечило машиностроение.",
        "В министерстве подчеркнули, что прогноз остается прежним.",
    )
    assert [q.speaker_id for q in article.quotes] == ["s1", "s1"]
    assert article.speakers[0].name == "Министерство экономики"


def test_a_lone_capitalised_word_that_ends_no_full_name_is_nobody() -> None:
    article = parse("Президент подчеркнул, что страна готова к диалогу.")
    assert [(q.mention, q.speaker_id) for q in article.quotes] == [("Президент", None)]
    assert article.speakers == ()


def test_surname_in_other_cases_and_pronouns_resolve_to_the_speaker() -> None:
    article = parse(
        "Эксперт Института стратегий Алексей Авдонин заявил, что сотрудничество растет.",
        "По словам Авдонина, партнеры видят в стране равного.",
        "«Это равное сотрудничество», — подчеркнул он.",
        "«Мы должны модернизировать технику», — добавил эксперт.",
    )
    assert {q.speaker_id for q in article.quotes} == {"s1"}
    (speaker,) = article.speakers
    assert speaker.name == "Алексей Авдонин"
    assert set(speaker.aliases) == {"Авдонин", "эксперт"}


def test_pronoun_gender_picks_the_person() -> None:
    article = parse(
        "«Режим себя оправдал», — сказал Павел Ярошевич.",
        "Директор компании «Вежа» Татьяна Лысенко с ним согласна. "
        "«К нам едут из Литвы», — рассказала она.",
        "«Это только начало», — добавил он.",
    )
    assert [article.speaker(q.speaker_id).name for q in article.quotes] == [  # type: ignore[union-attr]
        "Павел Ярошевич",
        "Татьяна Лысенко",
        "Павел Ярошевич",
    ]


def test_description_goes_to_the_person_with_that_role() -> None:
    article = parse(
        "На вечере выступила народная артистка Беларуси Галина Шершень. "
        "«Эта сцена — мой дом», — сказала артистка."
    )
    speaker = article.speakers[0]
    assert speaker.name == "Галина Шершень"
    assert speaker.affiliations == (Affiliation(organization="Беларусь", role="народная артистка"),)


def test_an_acronym_is_an_organisation() -> None:
    article = parse("По данным МЧС, с начала месяца произошло 40 лесных пожаров.")
    assert [(s.name, s.kind) for s in article.speakers] == [("МЧС", SpeakerKind.ORGANIZATION)]


def test_a_role_with_its_genitive_describes_the_latest_person() -> None:
    article = parse(
        "Министр сельского хозяйства Сергей Бартош заявил, что экспорт вырос на треть.",
        "«Мы выходим на новые рынки», — добавил глава аграрного ведомства.",
    )
    assert [q.speaker_id for q in article.quotes] == ["s1", "s1"]


def test_a_participle_after_the_name_is_not_part_of_it() -> None:
    article = parse(
        "Председатель Гомельского облисполкома Иван Крупко, присутствовавший на открытии, "
        "отметил, что в области откроют еще две школы."
    )
    speaker = article.speakers[0]
    assert speaker.name == "Иван Крупко"
    assert speaker.affiliations == (
        Affiliation(organization="Гомельский облисполком", role="председатель"),
    )


def test_the_head_of_state_is_the_president_named_before() -> None:
    article = parse(
        "Президент Лорнии Виктор Долган и премьер-министр Беларуси Андрей Ковальчук провели "
        "переговоры в Бресте.",
        "«Граница должна соединять людей, а не разделять их», — подчеркнул глава государства.",
    )
    assert article.speaker(article.quotes[0].speaker_id).name == "Виктор Долган"  # type: ignore[union-attr]


def test_a_title_starts_after_the_predicate_before_it() -> None:
    # "С экспертом согласен экономист X": X is an economist, not "эксперт согласен экономист"
    article = parse(
        "Цены на жилье остановились, считает аналитик Елена Гордеева.",
        "С экспертом согласен экономист Петр Лавров. Он отметил, что спрос поддерживают"
        " льготные кредиты для молодых семей.",
    )
    lavrov = next(s for s in article.speakers if s.name == "Петр Лавров")
    assert lavrov.affiliations == (Affiliation(role="экономист"),)
