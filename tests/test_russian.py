"""Tests of ``newsrecord.parse._russian``: quotes and speakers of Russian posts.

Every sentence below is made up for these tests (people, institutes and outlets
included).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsrecord
from newsrecord import Affiliation, Article, QuoteKind, SpeakerKind
from newsrecord.parse._russian import (
    attribute_russian,
    cue_form,
    noun_lemma,
    surname_key,
    uses_russian_rules,
)

DIRECT = QuoteKind.DIRECT
INDIRECT = QuoteKind.INDIRECT


def parse(*paragraphs: str, language: str | None = "ru") -> Article:
    return newsrecord.parse_post("Заголовок\n\n" + "\n\n".join(paragraphs), language=language)


def rows(article: Article) -> list[tuple[str, str, str | None, str | None, str | None]]:
    """Each quote as (kind, text, mention, cue, speaker name)."""
    out = []
    for quote in article.quotes:
        speaker = article.speaker(quote.speaker_id)
        out.append(
            (
                quote.kind.value,
                quote.text,
                quote.mention,
                quote.cue,
                speaker.name if speaker is not None else None,
            )
        )
    return out


# --------------------------------------------------------------------------- dispatch


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ru", True),
        ("ru-BY", True),
        ("uk", True),
        ("be", True),
        ("sr-Cyrl", True),
        ("en", False),
        ("bg", False),
        ("de", False),
    ],
)
def test_languages_read_by_the_russian_rules(language: str, expected: bool) -> None:
    assert uses_russian_rules(language, ("Министр заявил, что всё готово.",)) is expected


def test_unknown_language_is_told_by_the_script() -> None:
    assert uses_russian_rules(None, ("Министр заявил, что всё готово к зиме.",))
    assert not uses_russian_rules(None, ("The minister said the city was ready.",))
    assert not uses_russian_rules(None, ("The minister (министр) said it was ready.",))
    assert not uses_russian_rules(None, ("2024",))


def test_english_posts_keep_the_english_rules() -> None:
    body = "“The depot will be ready in April,” Tomas Brenner said."
    article = newsrecord.parse_post("Headline\n\n" + body)
    assert rows(article) == [
        ("direct", "The depot will be ready in April,", "Tomas Brenner", "said", "Tomas Brenner")
    ]


def test_english_posts_never_reach_the_russian_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsrecord.parse import _assemble

    def refuse(_paragraphs: object) -> None:
        raise AssertionError("an English post went to the Russian rules")

    monkeypatch.setattr(_assemble, "attribute_russian", refuse)
    article = newsrecord.parse_post(
        "Tram vote\n\nThe city council voted on Wednesday to build a tram line, Ana Ruiz said."
    )
    assert article.language == "en"
    assert article.quotes
    with pytest.raises(AssertionError, match="Russian rules"):
        parse("Министр заявил, что работы идут по графику.")


# --------------------------------------------------------------------------- words


@pytest.mark.parametrize(
    ("word", "told"),
    [
        ("заявил", "m"),
        ("заявила", "f"),
        ("заявило", "n"),
        ("заявили", "p"),
        ("заявляет", ""),
        ("заявляют", "p"),
        ("заявлял", "m"),
        ("заявляла", "f"),
        ("Отметил", "m"),
        ("отметила", "f"),
        ("отмечает", ""),
        ("сообщил", "m"),
        ("сообщила", "f"),
        ("сообщается", ""),
        ("сообщают", "p"),
        ("подчеркнул", "m"),
        ("подчеркнула", "f"),
        ("рассказал", "m"),
        ("добавил", "m"),
        ("пояснил", "m"),
        ("пояснила", "f"),
        ("считает", ""),
        ("считают", "p"),
        ("призналась", "f"),
        ("уверен", "m"),
        ("уверена", "f"),
        ("уверены", "p"),
    ],
)
def test_cue_forms_by_the_suffix_rule(word: str, told: str) -> None:
    assert cue_form(word) == told


@pytest.mark.parametrize(
    "word", ["заявка", "заявление", "сообщение", "доказал", "отметка", "сказка", "уверенность"]
)
def test_words_that_are_no_cue(word: str) -> None:
    assert cue_form(word) is None


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("института", "институт"),
        ("институтом", "институт"),
        ("министерства", "министерство"),
        ("министерстве", "министерство"),
        ("инспекции", "инспекция"),
        ("пресс-службе", "пресс-служба"),
        ("управления", "управление"),
        ("агронома", "агроном"),
        ("председателя", "председатель"),
        ("радио", "радио"),
        ("Эксперт", "эксперт"),
        ("столом", None),
    ],
)
def test_noun_lemma(word: str, lemma: str | None) -> None:
    assert noun_lemma(word) == lemma


@pytest.mark.parametrize(
    "forms",
    [
        ("Авдонин", "Авдонина", "Авдонину", "Авдониным", "Авдонине"),
        ("Лозовский", "Лозовского", "Лозовскому", "Лозовским"),
        ("Богданова", "Богдановой", "Богданову"),
        ("Лысенко",),
        ("Драгич", "Драгича", "Драгичу", "Драгичем"),
    ],
)
def test_surname_forms_share_a_key(forms: tuple[str, ...]) -> None:
    assert len({surname_key(form) for form in forms}) == 1


def test_different_surnames_keep_different_keys() -> None:
    assert surname_key("Авдонин") != surname_key("Авдеев")


# --------------------------------------------------------------------------- direct quotes


def test_quote_then_dash_and_cue() -> None:
    article = parse("«Мы готовы начать работу», — сказал Петр Савчук.")
    assert rows(article) == [
        ("direct", "Мы готовы начать работу", "Петр Савчук", "сказал", "Петр Савчук")
    ]


def test_quote_then_dash_and_a_title_with_a_name() -> None:
    article = parse("«Граница надежно защищена», — отметил министр обороны Лорнии Стефан Драгич.")
    assert rows(article)[0][2:] == (
        "министр обороны Лорнии Стефан Драгич",
        "отметил",
        "Стефан Драгич",
    )
    assert article.speakers[0].affiliations == (
        Affiliation(organization="Лорния", role="министр обороны"),
    )


@pytest.mark.parametrize(("opener", "closer"), [("«", "»"), ("„", "“"), ("“", "”"), ('"', '"')])
def test_every_mark_style(opener: str, closer: str) -> None:
    article = parse(f"Петр Савчук заявил: {opener}Работы закончатся к лету{closer}.")
    assert rows(article) == [
        ("direct", "Работы закончатся к лету", "Петр Савчук", "заявил", "Петр Савчук")
    ]


def test_nested_marks_belong_to_the_outer_quote() -> None:
    article = parse("«Я прочитала вывеску „Вход свободный“ и вошла», — рассказала Анна Гринь.")
    assert [q.text for q in article.quotes] == ["Я прочитала вывеску „Вход свободный“ и вошла"]


def test_colon_at_the_end_of_the_previous_paragraph() -> None:
    article = parse(
        "Петр Савчук обратился к водителям и отдельно предупредил:", "«Трасса закрыта до утра»."
    )
    assert rows(article) == [
        ("direct", "Трасса закрыта до утра", "Петр Савчук", "предупредил", "Петр Савчук")
    ]


def test_dialogue_line_pieces_share_their_attribution() -> None:
    article = parse(
        "— Урожай хороший, но главное — новые сорта, — пояснил Петр Савчук. "
        "— Их испытывали три года."
    )
    assert rows(article) == [
        (
            "direct",
            "Урожай хороший, но главное — новые сорта,",
            "Петр Савчук",
            "пояснил",
            "Петр Савчук",
        ),
        ("direct", "Их испытывали три года.", "Петр Савчук", "пояснил", "Петр Савчук"),
    ]


def test_short_unattributed_marks_are_names_not_quotes() -> None:
    assert parse("Завод «Белтранс» выпустил новый автобус «Зубр».").quotes == ()


def test_long_unattributed_quote_is_kept_without_a_speaker() -> None:
    article = parse("«Каждый город такого размера получил больше пассажиров, чем планировал».")
    assert [(q.kind, q.speaker_id) for q in article.quotes] == [(DIRECT, None)]


def test_author_words_inside_the_marks_split_the_quote() -> None:
    article = parse(
        "«Мы учли прошлые ошибки, — отметил Денис Карпенко. — Теперь ремонт пройдет быстрее»."
    )
    assert rows(article) == [
        ("direct", "Мы учли прошлые ошибки,", "Денис Карпенко", "отметил", "Денис Карпенко"),
        ("direct", "Теперь ремонт пройдет быстрее", "Денис Карпенко", "отметил", "Денис Карпенко"),
    ]


def test_colon_after_a_named_person_without_a_cue_verb() -> None:
    article = parse("Певица Мария Сантос не скрывала восторга: «Здесь так любят джаз!»")
    assert rows(article) == [
        (
            "direct",
            "Здесь так любят джаз!",
            "Певица Мария Сантос",
            "не скрывала восторга",
            "Мария Сантос",
        )
    ]


def test_description_by_a_noun_the_lists_do_not_know() -> None:
    article = parse(
        "Посол Лорнии Марко Петрович заявил, что проект выгоден обеим странам.",
        "«Это хорошая основа для партнерства», — считает дипломат.",
    )
    assert [q.speaker_id for q in article.quotes] == ["s1", "s1"]


# --------------------------------------------------------------------------- reported speech


def test_as_noted_by_with_via() -> None:
    article = parse(
        "Как отметил в эфире радио «Полесье» эксперт Института региональных исследований "
        "Олег Ракитин, промышленность выходит на новый этап."
    )
    quote = article.quotes[0]
    assert (quote.kind, quote.text, quote.cue, quote.via) == (
        INDIRECT,
        "промышленность выходит на новый этап",
        "отметил",
        "радио «Полесье»",
    )
    assert quote.mention == "эксперт Института региональных исследований Олег Ракитин"
    assert article.speakers[0].affiliations == (
        Affiliation(organization="Институт региональных исследований", role="эксперт"),
    )


def test_according_to_forms() -> None:
    article = parse(
        "Политолог Петр Савчук заявил, что переговоры продолжатся весной.",
        "По словам Савчука, стороны близки к соглашению.",
        "По его словам, документ будет подписан в мае.",
        "По данным Национального статистического комитета, экспорт вырос на пять процентов.",
    )
    assert [(q.cue, q.mention, article.speaker(q.speaker_id).name) for q in article.quotes] == [  # type: ignore[union-attr]
        ("заявил", "Политолог Петр Савчук", "Петр Савчук"),
        ("по словам", "Савчука", "Петр Савчук"),
        ("по словам", "его", "Петр Савчук"),
        (
            "по данным",
            "Национального статистического комитета",
            "Национальный статистический комитет",
        ),
    ]
    assert article.speakers[1].kind is SpeakerKind.ORGANIZATION


def test_interview_with_an_agency_is_via() -> None:
    article = parse(
        "Политолог Петр Савчук в интервью агентству «Белновости» заявил, "
        "что санкции бьют по Европе."
    )
    assert article.quotes[0].via == "агентство «Белновости»"
    assert article.quotes[0].mention == "Политолог Петр Савчук"


def test_content_then_cue_and_speaker() -> None:
    article = parse("Новая модель проедет без подзарядки 300 километров, сообщил Игорь Пашкевич.")
    assert rows(article) == [
        (
            "indirect",
            "Новая модель проедет без подзарядки 300 километров",
            "Игорь Пашкевич",
            "сообщил",
            "Игорь Пашкевич",
        )
    ]


def test_content_then_as_reports() -> None:
    article = parse("Вокзал откроют к лету, как сообщает портал «Гомель сегодня».")
    assert rows(article) == [
        (
            "indirect",
            "Вокзал откроют к лету",
            "портал «Гомель сегодня»",
            "сообщает",
            "портал «Гомель сегодня»",
        )
    ]


def test_organisation_described_by_its_noun() -> None:
    article = parse(
        "Министерство экономики сообщило, что рост обеспечило машиностроение.",
        "В министерстве подчеркнули, что прогноз остается прежним.",
    )
    assert [q.speaker_id for q in article.quotes] == ["s1", "s1"]
    assert article.speakers[0].name == "Министерство экономики"


def test_cue_then_whom_it_was_told_then_that() -> None:
    article = parse("Министр Андрей Иванец сообщил журналистам, что учебники прошли экспертизу.")
    assert rows(article) == [
        (
            "indirect",
            "учебники прошли экспертизу",
            "Министр Андрей Иванец",
            "сообщил",
            "Андрей Иванец",
        )
    ]


def test_organisation_in_the_prepositional_after_the_cue() -> None:
    article = parse("Мост через Днепр начнут строить весной, сообщили в Могилевском горисполкоме.")
    assert article.quotes[0].mention == "в Могилевском горисполкоме"
    assert article.speakers[0].name == "Могилевский горисполком"
    assert article.speakers[0].kind is SpeakerKind.ORGANIZATION


def test_about_this_attributes_the_sentence_before() -> None:
    article = parse(
        "Реставрация собора завершена на год раньше срока. "
        "Об этом сообщила пресс-служба Министерства культуры.",
        "Кроме того, в соборе возобновятся концерты.",
        "Об этом журналистам рассказала директор музея Ирина Котова.",
    )
    assert rows(article) == [
        (
            "indirect",
            "Реставрация собора завершена на год раньше срока",
            "пресс-служба Министерства культуры",
            "сообщила",
            "пресс-служба Министерства культуры",
        ),
        (
            "indirect",
            "в соборе возобновятся концерты",
            "директор музея Ирина Котова",
            "рассказала",
            "Ирина Котова",
        ),
    ]


def test_about_this_needs_a_sentence_before() -> None:
    assert parse("Об этом сообщила пресс-служба Министерства культуры.").quotes == ()


@pytest.mark.parametrize(
    ("sentence", "mention", "cue"),
    [
        (
            "Работы, как отметил архитектор Станислав Бурак, обошлись дешевле плана.",
            "архитектор Станислав Бурак",
            "отметил",
        ),
        (
            "Работы, по словам Станислава Бурака, обошлись дешевле плана.",
            "Станислава Бурака",
            "по словам",
        ),
        ("Работы, по его словам, обошлись дешевле плана.", "его", "по словам"),
    ],
)
def test_attribution_in_a_parenthesis_gives_two_quotes(
    sentence: str, mention: str, cue: str
) -> None:
    article = parse("Архитектор Станислав Бурак заявил, что собор готов к открытию.", sentence)
    assert [(q.text, q.mention, q.cue, q.speaker_id) for q in article.quotes[1:]] == [
        ("Работы", mention, cue, "s1"),
        ("обошлись дешевле плана", mention, cue, "s1"),
    ]


def test_an_opening_word_before_the_attribution() -> None:
    article = parse("Однако, по информации источника в министерстве, переговоры начнутся в январе.")
    assert [(q.text, q.cue) for q in article.quotes] == [
        ("переговоры начнутся в январе", "по информации")
    ]


def test_a_date_after_po_dannym_is_no_source() -> None:
    assert parse("По данным на 1 января, население города составило два миллиона.").quotes == ()


def test_a_lone_capitalised_word_that_ends_no_full_name_is_nobody() -> None:
    article = parse("Президент подчеркнул, что страна готова к диалогу.")
    assert [(q.mention, q.speaker_id) for q in article.quotes] == [("Президент", None)]
    assert article.speakers == ()


# --------------------------------------------------------------------------- speakers


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


def test_genitive_name_is_put_in_the_nominative() -> None:
    article = parse("По словам агронома кооператива Светланы Жуковой, урожайность выросла вдвое.")
    assert article.speakers[0].name == "Светлана Жукова"
    article = parse("По словам директора завода Виктора Лозовского, план выполнен досрочно.")
    assert article.speakers[0].name == "Виктор Лозовский"
    assert article.speakers[0].affiliations == (Affiliation(role="директор завода"),)


def test_a_modifier_of_a_role_in_the_genitive_is_put_in_the_nominative() -> None:
    article = parse(
        "По словам главного инженера проекта Дениса Карпенко, мост будет шестиполосным.",
        "«Мы учли ошибки прошлых лет», — отметил Карпенко.",
    )
    (speaker,) = article.speakers
    assert speaker.name == "Денис Карпенко"
    assert speaker.affiliations == (Affiliation(role="главный инженер проекта"),)


def test_description_goes_to_the_person_with_that_role() -> None:
    article = parse(
        "На вечере выступила народная артистка Беларуси Галина Шершень. "
        "«Эта сцена — мой дом», — сказала артистка."
    )
    speaker = article.speakers[0]
    assert speaker.name == "Галина Шершень"
    assert speaker.affiliations == (Affiliation(organization="Беларусь", role="народная артистка"),)


@pytest.mark.parametrize(
    ("title", "affiliation"),
    [
        ("Министр здравоохранения", Affiliation(role="министр здравоохранения")),
        (
            "Глава Министерства по чрезвычайным ситуациям",
            Affiliation(organization="Министерство по чрезвычайным ситуациям", role="глава"),
        ),
        (
            "Председатель сельскохозяйственного кооператива «Заречье»",
            Affiliation(
                organization="сельскохозяйственный кооператив «Заречье»", role="председатель"
            ),
        ),
        (
            "Начальник управления спорта Брестского облисполкома",
            Affiliation(organization="Брестский облисполком", role="начальник управления спорта"),
        ),
        (
            "Эксперт Белорусского национального технического университета",
            Affiliation(
                organization="Белорусский национальный технический университет", role="эксперт"
            ),
        ),
        (
            "Директор туристической компании «Вежа»",
            Affiliation(organization="туристическая компания «Вежа»", role="директор"),
        ),
        ("Посол Лорнии в Беларуси", Affiliation(organization="Лорния", role="посол")),
        (
            "Руководитель аналитического отдела агентства недвижимости «Квадрат»",
            Affiliation(
                organization="агентство недвижимости «Квадрат»",
                role="руководитель аналитического отдела",
            ),
        ),
    ],
)
def test_titles_give_roles_and_organisations(title: str, affiliation: Affiliation) -> None:
    article = parse(f"{title} Петр Савчук сообщил, что работы идут по графику.")
    assert article.speakers[0].name == "Петр Савчук"
    assert article.speakers[0].affiliations == (affiliation,)


def test_organisation_in_the_genitive_is_put_in_the_nominative() -> None:
    article = parse(
        "По данным Государственной автомобильной инспекции, аварий стало меньше на треть."
    )
    assert article.speakers[0].name == "Государственная автомобильная инспекция"


def test_detected_russian_uses_the_russian_rules() -> None:
    article = parse(
        "Министр культуры Алексей Гуща заявил, что реставрация театра начнется в следующем году.",
        language=None,
    )
    assert article.language == "ru"
    assert rows(article)[0][2:] == ("Министр культуры Алексей Гуща", "заявил", "Алексей Гуща")


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


# --------------------------------------------------------------------------- properties

_PIECES = st.sampled_from(
    [
        "«",
        "»",
        "„",
        "“",
        "”",
        '"',
        "— ",
        ", — ",
        ". — ",
        "сказал",
        "заявила",
        "он",
        "она",
        "эксперт",
        "по словам",
        "Как отметил",
        "в интервью агентству",
        "Петр Савчук",
        "Савчука",
        "Министерства обороны",
        ", что ",
        ": ",
        ", ",
        ". ",
        "\n",
        "работы идут",
        " ",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=40))
def test_any_mix_of_constructions_gives_a_valid_article(pieces: list[str]) -> None:
    body = "".join(pieces)
    paragraphs = tuple(p.strip() for p in body.split("\n") if p.strip())
    speakers, quotes = attribute_russian(paragraphs)
    # the model checks that every quote's span and speaker id is right
    article = Article(
        id="a", title="Заголовок", paragraphs=paragraphs, speakers=speakers, quotes=quotes
    )
    assert all(q.text.strip() for q in article.quotes)
