"""Tests of ``newsrecord.parse._ru_reported``: reported speech in Russian posts.

Every sentence below is made up for these tests (people, institutes and outlets
included).
"""

from __future__ import annotations

import pytest

from newsrecord import Affiliation, SpeakerKind
from ru_helpers import INDIRECT, parse, rows


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
            "Министерство культуры",  # the ministry speaks through its press service
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


def test_whom_it_was_told_and_a_title_with_and_after_the_cue() -> None:
    article = parse(
        "Аграрии района убрали зерновые на половине площадей, сообщил журналистам министр "
        "сельского хозяйства и продовольствия Олег Рудак."
    )
    assert rows(article) == [
        (
            "indirect",
            "Аграрии района убрали зерновые на половине площадей",
            "министр сельского хозяйства и продовольствия Олег Рудак",
            "сообщил",
            "Олег Рудак",
        )
    ]


def test_the_press_service_after_the_content_and_a_press_service_named_before() -> None:
    article = parse(
        "Новая школа в Лиде примет 900 учеников. Об этом сообщила пресс-служба Гродненского "
        "облисполкома.",
        "В школе откроются бассейн и два спортивных зала, уточнили в пресс-службе.",
    )
    assert [(q.cue, article.speaker(q.speaker_id).name) for q in article.quotes] == [  # type: ignore[union-attr]
        ("сообщила", "Гродненский облисполком"),
        ("уточнили", "Гродненский облисполком"),
    ]


def test_such_an_opinion_attributes_the_sentence_before() -> None:
    article = parse(
        "Цены на жилье в Гродно в этом году не вырастут. Такое мнение в интервью агентству "
        "«Неман-Инфо» высказал аналитик Иван Сорока."
    )
    quote = article.quotes[0]
    assert (quote.text, quote.cue, quote.via) == (
        "Цены на жилье в Гродно в этом году не вырастут",
        "высказал",
        "агентство «Неман-Инфо»",
    )
    assert article.speaker(quote.speaker_id).name == "Иван Сорока"  # type: ignore[union-attr]


def test_expressed_confidence_that() -> None:
    article = parse("Иван Сорока выразил уверенность, что мост откроют до конца года.")
    assert [(q.text, q.cue) for q in article.quotes] == [("мост откроют до конца года", "выразил")]


def test_where_it_was_said_between_the_cue_and_the_speaker() -> None:
    article = parse(
        "В этом году в районе отремонтируют сто километров дорог. Об этом заявил на "
        "пресс-конференции начальник дорожного управления Олег Рудак."
    )
    quote = article.quotes[0]
    assert quote.mention == "начальник дорожного управления Олег Рудак"
    assert article.speaker(quote.speaker_id).name == "Олег Рудак"  # type: ignore[union-attr]


def test_such_a_forecast_was_given_by_an_organisation() -> None:
    article = parse(
        "В новогоднюю ночь в большинстве районов ожидается снег. Такой прогноз дали в "
        "Гидрометцентре."
    )
    quote = article.quotes[0]
    assert (quote.text, quote.cue, quote.mention) == (
        "В новогоднюю ночь в большинстве районов ожидается снег",
        "дали",
        "в Гидрометцентре",
    )
    assert article.speaker(quote.speaker_id).name == "Гидрометцентр"  # type: ignore[union-attr]


def test_did_not_rule_out_that() -> None:
    article = parse("Аналитик Иван Сорока не исключил, что летом топливо подорожает.")
    quote = article.quotes[0]
    assert (quote.text, quote.mention) == ("летом топливо подорожает", "Аналитик Иван Сорока")


@pytest.mark.parametrize(
    "paragraph",
    [
        # after the content, before it, and as the sentence after it
        "Ставка останется на уровне 9,5 процента, говорится в сообщении Национального банка.",
        "Как говорится в сообщении Национального банка, ставка останется на уровне 9,5 процента.",
    ],
)
def test_a_statement_in_a_document(paragraph: str) -> None:
    ((kind, text, mention, cue, speaker),) = rows(parse(paragraph))
    assert (kind, mention, cue, speaker) == (
        "indirect",
        "Национального банка",
        "говорится в сообщении",
        "Национальный банк",
    )
    assert text.lower() == "ставка останется на уровне 9,5 процента"


def test_about_this_in_a_document() -> None:
    article = parse(
        "Ставка останется на уровне 9,5 процента до конца года. Об этом говорится в докладе"
        " Министерства экономики."
    )
    assert rows(article) == [
        (
            "indirect",
            "Ставка останется на уровне 9,5 процента до конца года",
            "Министерства экономики",
            "говорится в докладе",
            "Министерство экономики",
        )
    ]


def test_the_regulator_is_the_bank_named_before() -> None:
    article = parse(
        "Национальный банк сохранил ставку рефинансирования.",
        "Решение будет пересмотрено в марте, отмечается в заявлении регулятора.",
    )
    assert rows(article) == [
        (
            "indirect",
            "Решение будет пересмотрено в марте",
            "регулятора",
            "отмечается в заявлении",
            "Национальный банк",
        )
    ]
