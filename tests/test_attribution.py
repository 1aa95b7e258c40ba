"""Tests of ``newsrecord.parse._attribution``: the words that name a direct quote's speaker.

Every sentence here is made up, with invented people and organisations.
"""

from __future__ import annotations

import pytest

from newsrecord.parse._attribution import after_attribution, before_attribution, dash_line_after


def _after(text: str) -> tuple[str, str] | None:
    """Mention and cue of the attribution after the first closing mark of ``text``."""
    start = text.index("”") + 1
    found = after_attribution(text, start, len(text))
    return None if found is None else (found[0].text, found[1])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“The pier is late,” Ana Ruiz said.", ("Ana Ruiz", "said")),
        ("“The pier is late,” said Ana Ruiz.", ("Ana Ruiz", "said")),
        ("“The pier is late,” she told reporters.", ("she", "told reporters")),
        (
            "“The pier is late,” said former harbour master Ana Ruiz.",
            ("former harbour master Ana Ruiz", "said"),
        ),
        (
            "“The pier is late,” a spokesman for the port said.",
            ("a spokesman for the port", "said"),
        ),
        ("“The pier is late,” an angry Ana Ruiz retaliated.", ("an angry Ana Ruiz", "retaliated")),
        (
            "“The pier is late,” according to the port authority.",
            ("the port authority", "according to"),
        ),
        ("“The pier is late” ― Ana Ruiz", ("Ana Ruiz", "―")),
    ],
)
def test_after_attribution(text: str, expected: tuple[str, str]) -> None:
    assert _after(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "“The pier is late.” The council adjourned.",  # no comma in the quote, no cue
        "“The pier is late,” and the council knew it.",  # a clause, no speaker
        "“The pier is late,” said on Monday.",  # a circumstance, no name
    ],
)
def test_no_attribution_after(text: str) -> None:
    assert _after(text) is None


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Ana Ruiz said: “The pier is late.”", "Ana Ruiz"),
        ("According to the port authority, “the pier is late.”", "the port authority"),
        ("As the harbour master put it: “The pier is late.”", "the harbour master"),
        # "as X observed" names the source of the sentence it opens and of its quote
        (
            "Indeed, as Ana Ruiz of the Lornia Times observed, the real news was the pier:",
            "Ana Ruiz of the Lornia Times",
        ),
        ("As Ivo Hart reported after the council met:", "Ivo Hart"),
        # a verb and "by" before the participle: its subject speaks
        ("When he returned he began by saying, “I am ready.”", "he"),
        ("At the debate, Ana Ruiz cracked, “The pier is late.”", "Ana Ruiz"),
        ("Smiling, she shrugged, “The pier is late.”", "she"),
    ],
)
def test_before_attribution(text: str, mention: str) -> None:
    found = before_attribution(text, 0, text.index("“") if "“" in text else len(text))
    assert found is not None
    assert found[0].text == mention


@pytest.mark.parametrize(
    "text",
    [
        "In May the harbour board approved, “a pier for the ferries.”",  # no name, no pronoun
        "At the debate, Ana Ruiz cracked “The pier is late.”",  # no comma before the mark
    ],
)
def test_no_verb_before_attribution(text: str) -> None:
    assert before_attribution(text, 0, text.index("“")) is None


def test_a_dash_line_after_the_paragraph() -> None:
    text = "“The pier is late.”\n\n- Ana Ruiz."
    quote_end = text.index("”") + 1
    following = (text.index("-"), len(text))
    found = dash_line_after(text, quote_end, quote_end, following)
    assert found is not None
    assert found[0].text == "Ana Ruiz"
    # words after the quote in its own paragraph: the dash line is not the quote's
    text = "“The pier is late,” she said.\n\n- Ana Ruiz."
    quote_end = text.index("”") + 1
    following = (text.index("-"), len(text))
    assert dash_line_after(text, quote_end, text.index("\n"), following) is None
