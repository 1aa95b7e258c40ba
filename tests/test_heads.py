"""Tests of ``newsrecord.parse._heads``: how many tokens of a stretch name a speaker.

Every phrase here is made up, with invented people and organisations.
"""

from __future__ import annotations

import pytest

from newsrecord.parse._heads import (
    descriptive_backward,
    head_length,
    name_length,
    name_run_backward,
    noun_tail,
)
from newsrecord.parse._spans import tokenize


def _words(phrase: str) -> list[str]:
    return [word for _start, _end, word in tokenize(phrase)]


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("yesterday Ana Ruiz", "Ana Ruiz"),
        ("on Monday campaign manager Ana Ruiz", "campaign manager Ana Ruiz"),
        # the titles of the region's officials: long, with "of the", "to" and "First"
        (
            "yesterday First Deputy Chairman of the State Border Committee Ivo Hart",
            "First Deputy Chairman of the State Border Committee Ivo Hart",
        ),
        ("and Chief physician of the centre Ana Ruiz", "Chief physician of the centre Ana Ruiz"),
        (
            "then Ambassador of Lornia to Norland Ivo Hart",
            "Ambassador of Lornia to Norland Ivo Hart",
        ),
        ("said Aide to the President Ivo Hart", "Aide to the President Ivo Hart"),
        # "and" in what an organisation or a title is "of"
        ("reported the Ministry of Sports and Tourism", "the Ministry of Sports and Tourism"),
        (
            "yesterday Minister of Labour and Welfare Ivo Hart",
            "Minister of Labour and Welfare Ivo Hart",
        ),
        # "on" inside an organisation's name, and a title of 15 words
        (
            "then Chairman of the Standing Commission on Harbour Policy of the House of "
            "Representatives Ana Ruiz",
            "Chairman of the Standing Commission on Harbour Policy of the House of "
            "Representatives Ana Ruiz",
        ),
        # "to" after a title with no name after where it serves is no part of a name
        ("envoy to France", None),
    ],
)
def test_name_run_backward(phrase: str, name: str | None) -> None:
    first = name_run_backward(tokenize(phrase))
    if name is None:
        assert first is None or "to" not in _words(phrase)[first:]
        return
    assert first is not None
    assert " ".join(_words(phrase)[first:]) == name


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        # an organisation, a lower-case title ending in a role noun, the person's name
        ("Harbour party boss Ivo Hart said", "Harbour party boss Ivo Hart"),
        ("Transport ranking Democrat Ana Ruiz said", "Transport ranking Democrat Ana Ruiz"),
        (
            "Lornia Times technology columnist Ana Ruiz",
            "Lornia Times technology columnist Ana Ruiz",
        ),
        (
            "Harwell nutritional-supplement executive Ivo Hart",
            "Harwell nutritional-supplement executive Ivo Hart",
        ),
        # a rank abbreviated with a full stop goes on to the name
        ("Navy Capt. Ivo Hart said", "Navy Capt. Ivo Hart"),
        # a verb ends the name, a role noun after it notwithstanding
        ("Ruiz met businessman Ivo Hart", "Ruiz"),
        ("Ruiz beat businessman Ivo Hart", "Ruiz"),
    ],
)
def test_name_length_through_a_title(phrase: str, name: str) -> None:
    tokens = tokenize(phrase)
    assert " ".join(_words(phrase)[: name_length(tokens, 0)]) == name


def test_no_name_run_at_the_end() -> None:
    assert name_run_backward(tokenize("the council said that")) is None


@pytest.mark.parametrize(
    ("phrase", "description"),
    [
        ("yesterday the harbour expert", "the harbour expert"),
        ("on Monday a spokesman for the council", "a spokesman for the council"),
        ("when the", None),
        # a hyphenated "-ed" adjective is no verb; a bare "-ed" word ends the description
        ("then the self-described harbour expert", "the self-described harbour expert"),
        ("the email reported expert", None),
        # a source "familiar with", "close to", "involved in" something
        ("and people familiar with her thinking", "people familiar with her thinking"),
        ("yesterday a source close to the mayor", "a source close to the mayor"),
    ],
)
def test_descriptive_backward(phrase: str, description: str | None) -> None:
    tokens = tokenize(phrase)
    first = descriptive_backward(tokens)
    found = None if first is None else " ".join(_words(phrase)[first:])
    assert found == description


@pytest.mark.parametrize(
    ("phrase", "head"),
    [
        ("Sen. Ana Ruiz of Valley said", "Sen. Ana Ruiz of Valley"),
        ("one former senior agency official.", "one former senior agency official."),
        ("a spokesman for the council, who", "a spokesman for the council"),
        ("federal officials said", "federal officials"),
        ("the deputy prime minister, most", "the deputy prime minister"),
        (
            "the press service of the Harbour Ministry, the",
            "the press service of the Harbour Ministry",
        ),
        (
            "Director General of the company Ivo Hart, the",
            "Director General of the company Ivo Hart",
        ),
        (
            "Ambassador of Lornia to Norland Ivo Hart said",
            "Ambassador of Lornia to Norland Ivo Hart",
        ),
        ("Aide to the President Ivo Hart said", "Aide to the President Ivo Hart"),
        # the object of "familiar with", "involved in", "close to", up to a comma
        (
            "a source involved in the harbour's creation.",
            "a source involved in the harbour's creation.",
        ),
        ("one Republican involved in the planning,", "one Republican involved in the planning"),
        ("a person familiar with the talks, who", "a person familiar with the talks"),
    ],
)
def test_head_length(phrase: str, head: str) -> None:
    tokens = tokenize(phrase)
    assert " ".join(_words(phrase)[: head_length(tokens)]) == head


def test_noun_tail_takes_at_most_two_lower_case_nouns() -> None:
    tokens = tokenize("GOP leadership aide spokesman said")
    assert noun_tail(tokens, 1) == 3
    assert noun_tail(tokens, 4) == 4  # "said" is no noun of a description
