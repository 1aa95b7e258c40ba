"""Tests of ``newsrecord.parse._russian``: which posts the Russian rules read, and that any
mix of their constructions gives a valid article.

Every sentence below is made up for these tests (people, institutes and outlets
included).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsrecord
from newsrecord import Article
from newsrecord.parse._russian import attribute_russian, uses_russian_rules
from ru_helpers import parse, rows


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


def test_detected_russian_uses_the_russian_rules() -> None:
    article = parse(
        "Министр культуры Алексей Гуща заявил, что реставрация театра начнется в следующем году.",
        language=None,
    )
    assert article.language == "ru"
    assert rows(article)[0][2:] == ("Министр культуры Алексей Гуща", "заявил", "Алексей Гуща")


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
