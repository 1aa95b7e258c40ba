"""Tests of ``newsrecord.parse._trailing``: reported speech whose attribution follows it.

Every sentence here is made up, with invented people and organisations.
"""

from __future__ import annotations

import pytest

from newsrecord.parse._cues import cue_words
from newsrecord.parse._mentions import subject_before
from newsrecord.parse._trailing import finding_after, reported_before
from parse_helpers import core, one, run


def _read(sentence: str) -> list[tuple[str, str, str | None]]:
    """(content, mention, cue) of each piece :func:`reported_before` reads at the first cue."""
    cue_start, cue_end, _word = next(iter(cue_words(sentence, 0, len(sentence))))
    subject = subject_before(sentence, cue_start, 0)
    found = reported_before(sentence, 0, len(sentence), cue_start, cue_end, [], subject)
    return [
        (core(sentence[c.start : c.end]), c.mention.text if c.mention else "", c.cue) for c in found
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The bridge will open in May, Ana Ruiz said.",
            [("The bridge will open in May", "Ana Ruiz", "said")],
        ),
        (
            "The bridge will open in May, Ana Ruiz said on Monday.",
            [("The bridge will open in May", "Ana Ruiz", "said")],
        ),
        # a circumstance after "told reporters", the date written day first
        (
            "The bridge will open in May, Ana Ruiz told reporters on 14 September.",
            [("The bridge will open in May", "Ana Ruiz", "told reporters")],
        ),
        # whom "told" names: an outlet with "the"
        (
            "The opera will tour Asia next year, Ivo Hart told the Valley Courier newspaper.",
            [("The opera will tour Asia next year", "Ivo Hart", "told")],
        ),
        # whom "told" names: a listener in lower case, and where it was said
        (
            "The port was only doing what other ports do, she told the judge in a written reply.",
            [("The port was only doing what other ports do", "she", "told")],
        ),
        # the parenthetical attribution: two pieces, one speaker
        (
            "The bridge, Ana Ruiz said, will open in May next year.",
            [
                ("The bridge", "Ana Ruiz", "said"),
                ("will open in May next year", "Ana Ruiz", "said"),
            ],
        ),
        # the words before the name that say what the source is
        (
            "The port will close, state news agency Valley Wire reported.",
            [("The port will close", "state news agency Valley Wire", "reported")],
        ),
    ],
)
def test_reported_before(sentence: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _read(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # a clause after the cue is the content, not a circumstance
        "The bridge is old, Ana Ruiz told reporters on Monday that the port will close.",
        # an opening circumstance is no content
        "During a visit to Varnov, Ana Ruiz told reporters on Monday.",
        "In May, Ana Ruiz said.",
    ],
)
def test_nothing_reported_before(sentence: str) -> None:
    assert _read(sentence) == []


def test_an_absolute_phrase_before_the_attribution_is_no_quote() -> None:
    sentence = "With her deputy, Ivo Hart, beside her on the stage, Ana Ruiz told the crowd."
    assert _read(sentence) == []
    # with a clause of its own it is reported speech
    sentence = "With the vote delayed, the council has not met, officials said."
    assert _read(sentence) == [
        ("With the vote delayed, the council has not met", "officials", "said")
    ]


def test_a_circumstance_after_the_attribution_is_no_quote() -> None:
    # "announced" takes an object, but "at the opening ceremony" only says where
    result = run(
        "A new clinic has opened in Varnov, Health Minister Ana Ruiz announced at the "
        "opening ceremony."
    )
    assert core(one(result).text) == "A new clinic has opened in Varnov"
    assert result.name(one(result)) == "Ana Ruiz"


def test_a_list_before_and_is_no_title() -> None:
    # "Brunei and Taiwan" is no "Agriculture and Food Minister": no role in the subject
    result = run("Besides Lornia, Norland, Brunei and Taiwan claim the reef as their own.")
    assert all(result.name(q) != "Taiwan" for q in result.quotes)


def test_a_title_with_and_in_it_is_one_subject() -> None:
    result = run("The harvest will be a record one, Agriculture and Food Minister Ivo Hart said.")
    quote = one(result)
    assert core(quote.text) == "The harvest will be a record one"
    assert quote.mention == "Agriculture and Food Minister Ivo Hart"
    assert result.name(quote) == "Ivo Hart"


@pytest.mark.parametrize(
    ("sentence", "content", "mention", "cue"),
    [
        (
            "The water in most lakes is cleaner than ten years ago, a study by the Valley "
            "Institute shows.",
            "The water in most lakes is cleaner than ten years ago",
            "a study by the Valley Institute",
            "shows",
        ),
        (
            "Most voters in the harbour towns back the new tram line, a new poll found.",
            "Most voters in the harbour towns back the new tram line",
            "a new poll",
            "found",
        ),
    ],
)
def test_finding_after(sentence: str, content: str, mention: str, cue: str) -> None:
    found = finding_after(sentence, 0, len(sentence), [])
    assert found is not None
    assert found.mention is not None
    assert (core(sentence[found.start : found.end]), found.mention.text, found.cue) == (
        content,
        mention,
        cue,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        # no finding: the study is the subject of a clause of its own
        "The lakes are cleaner, and a study shows it.",
        # too short to be what was found
        "Prices fell, the data show.",
    ],
)
def test_no_finding_after(sentence: str) -> None:
    assert finding_after(sentence, 0, len(sentence), []) is None
