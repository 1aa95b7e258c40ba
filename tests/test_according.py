"""Tests of ``newsrecord.parse._according``: attributions by a phrase ("according to X").

Every sentence here is made up, with invented people and organisations.
"""

from __future__ import annotations

import pytest

from newsrecord.parse._according import asked_question, phrase_attribution
from newsrecord.parse._marks import find_marked_spans
from parse_helpers import core, run


def _read(sentence: str) -> tuple[str, str, str | None] | None:
    found = phrase_attribution(sentence, 0, len(sentence), find_marked_spans(sentence))
    if found is None:
        return None
    assert found.mention is not None
    return core(sentence[found.start : found.end]), found.mention.text, found.cue


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "According to Ana Ruiz, the bridge will open in May next year.",
            ("the bridge will open in May next year", "Ana Ruiz", "according to"),
        ),
        (
            "The bridge will open in May next year, according to the city council.",
            ("The bridge will open in May next year", "the city council", "according to"),
        ),
        (
            "The bridge will open in May next year – as noted by Ana Ruiz.",
            ("The bridge will open in May next year", "Ana Ruiz", "noted"),
        ),
        (
            "The bridge will open in May next year, as Ana Ruiz noted on Monday.",
            ("The bridge will open in May next year", "Ana Ruiz", "noted"),
        ),
        (
            "In her words, the bridge will not open before next summer.",
            ("the bridge will not open before next summer", "her", "In her words"),
        ),
        (
            "As Ana Ruiz noted, the bridge will not open before next summer.",
            ("the bridge will not open before next summer", "Ana Ruiz", "noted"),
        ),
        (
            "But as the mayor has pointed out on Monday, the ferry is cheaper than a bridge.",
            ("the ferry is cheaper than a bridge", "the mayor", "pointed out"),
        ),
        # "according to" in the middle: the content is what follows the source
        (
            "Now, according to the harbour survey, most of the piers are unsafe.",
            ("most of the piers are unsafe", "the harbour survey", "according to"),
        ),
        (
            "At the heart of it, according to Ana Ruiz, a former pilot, was a row over money.",
            ("was a row over money", "Ana Ruiz, a former pilot", "according to"),
        ),
        # the source's appositive is the source's, not the start of the content
        (
            "According to Ivo Hart, an analyst at the Harbour Institute, the port will grow.",
            (
                "the port will grow",
                "Ivo Hart, an analyst at the Harbour Institute",
                "according to",
            ),
        ),
        # "As VERBed by X, CONTENT"
        (
            "As stated by the port director, the pier will reopen in the spring.",
            ("the pier will reopen in the spring", "the port director", "stated"),
        ),
        (
            "As noted by Ivo Hart, an expert at the Harbour Institute, the pier will reopen.",
            ("the pier will reopen", "Ivo Hart, an expert at the Harbour Institute", "noted"),
        ),
        # ... but a clause after the source is content ("the port" names no role)
        (
            "According to Ivo Hart, the port is small, and the ferry will stop in May.",
            ("the port is small, and the ferry will stop in May", "Ivo Hart", "according to"),
        ),
    ],
)
def test_phrase_attribution(sentence: str, expected: tuple[str, str, str]) -> None:
    assert _read(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # the cue after "as" belongs to the sentence, not to the "as" clause
        "As the storm neared, the mayor said the city would close its schools.",
        "As mayor, Ana Ruiz said the city would close its schools.",
        # "as" and no cue
        "As expected, the bridge will not open before next summer.",
        # the content after the comma is a direct quote's
        "As Ana Ruiz noted, “the bridge will not open before next summer.”",
        # too short to be a statement
        "According to Ana Ruiz, yes.",
    ],
)
def test_no_phrase_attribution(sentence: str) -> None:
    assert _read(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "question"),
    [
        ("Asked whether the pier would open, Ana Ruiz shrugged.", "whether the pier would open"),
        ("Asked on Monday if the ferry was late, she said no.", "if the ferry was late"),
        (
            "When asked why the bridge was closed, Hart blamed the wind.",
            "why the bridge was closed",
        ),
        ("But asked how the port would pay, he said taxes.", "how the port would pay"),
    ],
)
def test_asked_question(sentence: str, question: str) -> None:
    found = asked_question(sentence, 0, len(sentence))
    assert found is not None
    candidate, rest = found
    assert sentence[candidate.start : candidate.end] == question
    assert candidate.mention is None
    assert candidate.cue == "asked"
    assert sentence[rest:].startswith(" ")


@pytest.mark.parametrize(
    "sentence",
    [
        "Asked about the pier, Ana Ruiz shrugged.",  # no question
        "Ana Ruiz asked whether the pier would open.",  # a source: a quote of hers
        "Asked whether “the pier” would open, Ana Ruiz shrugged.",  # quoted words
        "Asked whether the pier would open and whether the ferry would run again soon.",
        "Asked if so, he nodded.",  # too short
    ],
)
def test_no_asked_question(sentence: str) -> None:
    assert asked_question(sentence, 0, len(sentence)) is None


def test_the_rest_of_an_asked_sentence_is_read_too() -> None:
    quotes = run("Asked whether the pier would open, Ana Ruiz said the council had not decided.")
    assert [(core(q.text), q.mention) for q in quotes.quotes] == [
        ("whether the pier would open", None),
        ("the council had not decided", "Ana Ruiz"),
    ]
