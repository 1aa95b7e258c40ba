"""Tests of ``newsrecord.parse._ru_quotes``: direct quotes of Russian posts and the dash
conventions that attribute them.

Every sentence below is made up for these tests (people, institutes and outlets
included).
"""

from __future__ import annotations

from newsrecord import Affiliation
from ru_helpers import DIRECT, parse, rows


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


def test_a_quote_left_open_goes_on_in_the_next_paragraph() -> None:
    article = parse(
        "«Мы перевели в электронный вид более ста тысяч изданий. Самым старым из них больше "
        "трехсот лет.",
        "Теперь с ними может работать любой исследователь», — сказала Анна Жук.",
    )
    assert [(q.kind.value, q.text, q.mention) for q in article.quotes] == [
        (
            "direct",
            "Мы перевели в электронный вид более ста тысяч изданий. Самым старым из них "
            "больше трехсот лет.",
            "Анна Жук",
        ),
        ("direct", "Теперь с ними может работать любой исследователь", "Анна Жук"),
    ]


def test_a_cue_with_not_after_the_dash() -> None:
    article = parse("«Поводов для повышения цен пока нет», — не исключил аналитик Иван Сорока.")
    assert [(q.text, q.mention) for q in article.quotes] == [
        ("Поводов для повышения цен пока нет", "аналитик Иван Сорока")
    ]


def test_quote_then_dash_and_a_document() -> None:
    article = parse("«Ставка останется на уровне 9,5 процента», — говорится в сообщении Нацбанка.")
    assert rows(article) == [
        (
            "direct",
            "Ставка останется на уровне 9,5 процента",
            "Нацбанка",
            "говорится в сообщении",
            "Нацбанк",
        )
    ]
