"""Tests of ``newsrecord.parse._ru_names``: names, organisations and titles put in the
nominative.

Every sentence below is made up for these tests (people, institutes and outlets
included).
"""

from __future__ import annotations

import pytest

from newsrecord import Affiliation
from newsrecord.parse._ru_names import nominative_name, organization_nominative, title_affiliation
from ru_helpers import parse


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


@pytest.mark.parametrize(
    ("genitive", "nominative"),
    [
        (["Светланы", "Жуковой"], ["Светлана", "Жукова"]),
        (["Виктора", "Лозовского"], ["Виктор", "Лозовский"]),
        (["Павла", "Гурко"], ["Павел", "Гурко"]),
    ],
)
def test_names_in_the_genitive(genitive: list[str], nominative: list[str]) -> None:
    assert nominative_name(genitive) == nominative


def test_organisation_noun_and_adjectives_before_it_in_the_nominative() -> None:
    words = "Белорусского института аграрной экономики".split()
    assert organization_nominative(words) == "Белорусский институт аграрной экономики"
    assert organization_nominative(["Лорнии"]) == "Лорния"


def test_title_affiliation_reads_role_and_organisation() -> None:
    assert title_affiliation(["эксперт", "Института", "стратегий"]) == Affiliation(
        organization="Институт стратегий", role="эксперт"
    )
    assert title_affiliation(["Политолог"]) == Affiliation(role="политолог")
    assert title_affiliation(["Вчера", "в", "Минске"]) is None  # no role noun: no affiliation
