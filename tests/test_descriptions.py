"""Tests of ``newsrecord.parse._descriptions``: what a description of a speaker tells.

Every phrase here is made up, with invented people and organisations.
"""

from __future__ import annotations

import pytest

from newsrecord.parse._descriptions import (
    MADE_BY,
    is_demonym,
    lower_first,
    names_one,
    post_of,
    titled_before,
    without_title,
)


def test_titled_before() -> None:
    text = "Prima ballerina Ana Ruiz said she was ready. Later the ballerina left."
    end = text.index("Later")
    assert titled_before(text, "ballerina", "Ana Ruiz", end)
    assert not titled_before(text, "dancer", "Ana Ruiz", end)
    assert not titled_before(text, "ballerina", "Ana Ruiz", 5)  # not before the position
    assert not titled_before(text, "ballerina", "Ruiz", end)  # a full name only
    # whole words only: "ex-ballerina" is another title
    assert not titled_before("The ex-ballerina Ana Ruiz spoke.", "ballerina", "Ana Ruiz", 30)


@pytest.mark.parametrize(
    ("description", "maker"),
    [
        ("a study by the Valley Institute", "the Valley Institute"),
        ("the new survey of Harbour Polls", "Harbour Polls"),
        ("a poll", None),
        ("a study by researchers", None),  # who made it is no name
    ],
)
def test_made_by(description: str, maker: str | None) -> None:
    found = MADE_BY.match(description)
    assert (found.group("maker") if found else None) == maker


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Ministry", "the ministry"),
        ("High Technologies Park administration", "High Technologies Park"),
        ("city's culture department", "the city's culture department"),
    ],
)
def test_lower_first(text: str, named: str) -> None:
    assert lower_first(text, "the ") == named


def test_is_demonym_and_without_title() -> None:
    assert is_demonym("Belarusian")
    assert is_demonym("Chinese")
    assert not is_demonym("Ministry")
    assert without_title("Mr. Lorne") == "Lorne"
    assert without_title("President Lorne") == "Lorne"
    assert without_title("Ana Ruiz") == "Ana Ruiz"


@pytest.mark.parametrize(
    ("description", "post"),
    [
        ("the president of the Harbour Authority", ("president", "Harbour Authority")),
        ("A spokeswoman for Valley Radio", ("spokeswoman", "Valley Radio")),
        ("the director of Lornia Ports, a state company", ("director", "Lornia Ports")),
        ("a former adviser at the Eastmoor Institute", ("adviser", "Eastmoor Institute")),
        # no named body, no role noun, or more than an apposition after the name
        ("the head of state", None),
        ("a friend of mine", None),
        ("a dozen members of Congress", None),
        ("the president of the port and his deputy", None),
    ],
)
def test_post_of(description: str, post: tuple[str, str] | None) -> None:
    assert post_of(description) == post


@pytest.mark.parametrize(
    ("noun", "one"),
    [("spokeswoman", True), ("boss", True), ("representatives", False), ("Officials,", False)],
)
def test_names_one(noun: str, one: bool) -> None:
    assert names_one(noun) is one
