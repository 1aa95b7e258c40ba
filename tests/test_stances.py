"""Tests of ``newsrecord.parse._stances``: beliefs, stances, passives, nominal cues, labels.

Every sentence here is made up, with invented people and organisations.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsrecord.parse._lexicon import (
    BELIEF_VERBS,
    COMPLEMENT_VERBS,
    INFINITIVE_VERBS,
)
from newsrecord.parse._stances import stance_words
from parse_helpers import (
    INDIRECT,
    MIXED,
    core,
    one,
    run,
)

# ---------------------------------------------------------------------------------------
# beliefs and stances

_STANCE_PIECES = [
    *["believes", "Believes", "thinks", "think", "wants", "want", "un", "s", "x", "argued"],
    *[" ", ",", "-", "’", "é", "1", "_", "\n"],
]


@settings(max_examples=300)
@given(
    st.lists(st.sampled_from(_STANCE_PIECES), max_size=30).map("".join),
    st.integers(-2, 60),
    st.integers(-2, 80),
)
def test_stance_words_read_a_stretch_as_a_regular_expression_does(
    text: str, start: int, end: int
) -> None:
    # A verb is a run of letters of its own: one cut by start is none, one cut by end is
    # read as cut (the lookbehind sees before the stretch, the lookahead not after it).
    stances = BELIEF_VERBS | COMPLEMENT_VERBS | INFINITIVE_VERBS
    verbs = "|".join(sorted(stances, key=len, reverse=True))
    pattern = re.compile(rf"(?<![A-Za-z])(?:{verbs})(?![A-Za-z])")
    plainly = [(m.start(), m.end(), m.group()) for m in pattern.finditer(text, start, end)]
    assert stance_words(text, start, end) == plainly


@pytest.mark.parametrize(
    ("paragraph", "content", "cue", "mention"),
    [
        (
            "Ana Ruiz believes the harbour line will pay for itself.",
            "the harbour line will pay for itself",
            "believes",
            "Ana Ruiz",
        ),
        (
            "The economist has long argued that trams carry more people than buses.",
            "trams carry more people than buses",
            "argued",
            "The economist",
        ),
        (
            "Ana Ruiz declined to say whether the council had broken its own rules.",
            "to say whether the council had broken its own rules",
            "declined",
            "Ana Ruiz",
        ),
        (
            "She accused the mayor of hiding the cost of the tunnel.",
            "the mayor of hiding the cost of the tunnel",
            "accused",
            "She",
        ),
        (
            "The ministry intends to open the line in 2027.",
            "to open the line in 2027",
            "intends",
            "The ministry",
        ),
        (
            "A new survey found that most riders want a night service.",
            "most riders want a night service",
            "found",
            "A new survey",
        ),
        (
            "The analyst is convinced that the harbour line will pay for itself.",
            "the harbour line will pay for itself",
            "is convinced",
            "The analyst",
        ),
        (
            "The expert drew attention to the fact that fares rose by a third.",
            "fares rose by a third",
            "drew attention to the fact",
            "The expert",
        ),
        (
            "Ana Ruiz, for her part, dismissed the warnings as scaremongering.",
            "the warnings as scaremongering",
            "dismissed",
            "Ana Ruiz",
        ),
        (
            "The tenants' union has called for a new vote on the harbour line.",
            "a new vote on the harbour line",
            "called for",
            "The tenants' union",
        ),
        (
            "The tenants' union called on the council to stop the harbour line.",
            "the council to stop the harbour line",
            "called on",
            "The tenants' union",
        ),
        # a verb of stance in an opening subordinate clause: its complement ends there
        (
            "Since Ivo Hart announced his bid for the council in May, the party has grown.",
            "his bid for the council in May",
            "announced",
            "Ivo Hart",
        ),
        # a verb of intention and its infinitive
        (
            "Ivo Hart plans to visit the harbour in May.",
            "to visit the harbour in May",
            "plans",
            "Ivo Hart",
        ),
        (
            "The mayor refused to comment on the pier.",
            "to comment on the pier",
            "refused",
            "The mayor",
        ),
        # state media's phrases and "shared that"
        (
            "Ivo Hart expressed hope that the bridge would be finished in three years.",
            "the bridge would be finished in three years",
            "expressed hope",
            "Ivo Hart",
        ),
        (
            "The deputy also shared that the commission had received 200 letters.",
            "the commission had received 200 letters",
            "shared",
            "The deputy",
        ),
    ],
)
def test_belief_and_stance(paragraph: str, content: str, cue: str, mention: str) -> None:
    quote = one(run(paragraph))
    assert quote.kind is INDIRECT
    assert core(quote.text) == content
    assert quote.cue == cue
    assert quote.mention == mention


@pytest.mark.parametrize(
    "paragraph",
    [
        # a verb of belief with no clause after it
        "Ana Ruiz believes in trams.",
        # a noun, not a verb: "plans" after a determiner and an adjective
        "The committee spent months drafting a bipartisan plan to widen the road.",
        # a passive: "are expected" attributes nothing to the subject
        "Two new trams are expected to arrive in the spring.",
        # no source before the verb
        "Critics of the line aside, rising fares suggest little.",
        # "found" without "that" is no finding of a source
        "Ana Ruiz found a receptive audience for her plan in the harbour towns.",
        # "called" alone is a naming, not a call for something
        "Ana Ruiz called the council on Monday morning about the harbour line.",
        # "shared" without "that" is no statement
        "Ana Ruiz shared a video of the new harbour line with her followers.",
        # a verb of intention with no infinitive, and no source of one
        "Ivo Hart wants a recount of the harbour vote.",
        "Everyone wants to be treated equally by the council.",
    ],
)
def test_no_belief_or_stance(paragraph: str) -> None:
    assert run(paragraph).quotes == ()


# ---------------------------------------------------------------------------------------
# passive cues, nominal cues, labelled statements


def test_passive_with_its_agent() -> None:
    quote = one(run("It was reported by the Eastmoor Herald that the mayor had resigned."))
    assert core(quote.text) == "the mayor had resigned"
    assert quote.mention == "the Eastmoor Herald"
    assert quote.cue == "reported"


def test_quoted_as_saying() -> None:
    quote = one(run("Ivo Hart was quoted as saying that the vote had been rigged."))
    assert core(quote.text) == "the vote had been rigged"
    assert quote.mention == "Ivo Hart"


def test_nominal_cue_in_object_position() -> None:
    quote = one(run("The council rejected Ivo Hart's claim that the vote had been rigged."))
    assert core(quote.text) == "the vote had been rigged"
    assert quote.mention == "Ivo Hart"
    assert quote.cue == "claim"


def test_nominal_cue_as_subject_is_left_alone() -> None:
    # where "that ..." ends ("... rigged" or "... rigged drew criticism") needs a parser
    assert run("Ivo Hart's claim that the vote had been rigged drew criticism.").quotes == ()


@pytest.mark.parametrize(
    ("paragraph", "mention"),
    [
        ("Expert: Eastmoor and Lornia see each other as equal partners in trade", "Expert"),
        ("Ivo Hart: the harbour tunnel will be finished before the winter", "Ivo Hart"),
    ],
)
def test_labelled_statement(paragraph: str, mention: str) -> None:
    quote = one(run(paragraph))
    assert quote.kind is INDIRECT
    assert quote.text == paragraph.split(": ", 1)[1]
    assert quote.mention == mention
    assert quote.cue == ":"


@pytest.mark.parametrize(
    "paragraph",
    [
        "Update: the harbour tunnel will be finished before the winter",
        "Photo: the harbour tunnel seen from the western bank last week",
        "Q: Will the harbour tunnel be finished before the winter?",
        "Ivo Hart: too late",  # too short to be a statement
        "7:30 a.m. The council meets again to vote on the harbour tunnel.",
    ],
)
def test_no_labelled_statement(paragraph: str) -> None:
    assert all(q.cue != ":" for q in run(paragraph).quotes)


def test_called_on_with_quoted_words_is_mixed() -> None:
    quote = one(run("The tenants' union called on the council to “stop the harbour line now.”"))
    assert quote.kind is MIXED
    assert quote.cue == "called on"
    assert core(quote.text) == "the council to “stop the harbour line now"
