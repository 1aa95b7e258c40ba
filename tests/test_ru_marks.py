"""Tests of ``newsrecord.parse._ru_marks``: quotation marks and sentences of Russian posts.

Every sentence below is made up for these tests (people, institutes and outlets
included).
"""

from __future__ import annotations

import pytest

from newsrecord.parse._ru_marks import scan_marks, sentences, start_of_sentence
from ru_helpers import parse, rows


@pytest.mark.parametrize(("opener", "closer"), [("«", "»"), ("„", "“"), ("“", "”"), ('"', '"')])
def test_every_mark_style(opener: str, closer: str) -> None:
    article = parse(f"Петр Савчук заявил: {opener}Работы закончатся к лету{closer}.")
    assert rows(article) == [
        ("direct", "Работы закончатся к лету", "Петр Савчук", "заявил", "Петр Савчук")
    ]


def test_nested_marks_belong_to_the_outer_quote() -> None:
    article = parse("«Я прочитала вывеску „Вход свободный“ и вошла», — рассказала Анна Гринь.")
    assert [q.text for q in article.quotes] == ["Я прочитала вывеску „Вход свободный“ и вошла"]


def test_marks_scanned_in_one_paragraph() -> None:
    text = "Он сказал: «Первое „вложенное“ слово», а потом: «второе"
    pieces = scan_marks(text, 0, len(text), 0)
    assert [text[m.start : m.end] for m in pieces] == ["Первое „вложенное“ слово", "второе"]
    assert pieces[0].close_at is not None
    assert text[pieces[0].close_at] == "»"
    assert pieces[1].close_at is None  # not closed in the paragraph: it runs to its end


def test_a_full_stop_inside_marks_ends_no_sentence() -> None:
    text = "«Мы готовы. Начинаем», — сказал он. Работы идут."
    marked = scan_marks(text, 0, len(text), 0)
    assert [text[s:e] for s, e in sentences(text, 0, len(text), marked)] == [
        "«Мы готовы. Начинаем», — сказал он.",
        "Работы идут.",
    ]
    assert text[start_of_sentence(text, 0, len(text)) :] == "Работы идут."


def test_marks_around_nothing_but_space_quote_nothing() -> None:
    text = "« », — сказал он. «Мы готовы»"
    assert [text[m.start : m.end] for m in scan_marks(text, 0, len(text), 0)] == ["Мы готовы"]
