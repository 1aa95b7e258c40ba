"""Tests of ``newsrecord.parse._reported``: reported speech: indirect and mixed quotes.

Every sentence here is made up, with invented people and organisations.  Tests marked
``xfail(strict=True)`` state the correct reading of a natural sentence that the rules get
wrong today (a documented limitation, or a bug to fix).
"""

from __future__ import annotations

import pytest

from newsrecord.parse import _reported
from newsrecord.parse._marks import find_marked_spans
from parse_helpers import (
    INDIRECT,
    MIXED,
    core,
    one,
    run,
)

# ---------------------------------------------------------------------------------------
# attribute: reported speech


@pytest.mark.parametrize(
    ("paragraph", "content", "cue"),
    [
        (
            "According to Ana Ruiz, the bridge will open in May next year.",
            "the bridge will open in May next year",
            "according to",
        ),
        (
            "But according to Ana Ruiz, the ferry will keep running until the bridge opens.",
            "the ferry will keep running until the bridge opens",
            "according to",
        ),
        (
            "The bridge will open in May next year, according to Ana Ruiz.",
            "The bridge will open in May next year",
            "according to",
        ),
        (
            "The bridge will open in May next year, as noted by Ana Ruiz.",
            "The bridge will open in May next year",
            "noted",
        ),
        (
            "Ana Ruiz said that the bridge would open in May next year.",
            "the bridge would open in May next year",
            "said",
        ),
        (
            "Ana Ruiz said the bridge would open in May next year.",
            "the bridge would open in May next year",
            "said",
        ),
        (
            "Ana Ruiz told reporters that the ferry would stop running in the spring.",
            "the ferry would stop running in the spring",
            "told reporters",
        ),
        (
            "The ferry will stop running in the spring, Ana Ruiz said.",
            "The ferry will stop running in the spring",
            "said",
        ),
        (
            "The ferry will stop running in the spring, Ana Ruiz said on Monday.",
            "The ferry will stop running in the spring",
            "said",
        ),
        (
            "The ferry will stop running in the spring, said Ana Ruiz.",
            "The ferry will stop running in the spring",
            "said",
        ),
    ],
)
def test_indirect(paragraph: str, content: str, cue: str) -> None:
    result = run(paragraph)
    quote = one(result)
    assert quote.kind is INDIRECT
    assert core(quote.text) == content
    assert quote.cue == cue
    assert quote.mention == "Ana Ruiz"
    assert result.names() == ["Ana Ruiz"]


def test_as_noted_by_with_appositive() -> None:
    result = run(
        "The bridge will open in May next year, as noted by Ana Ruiz, the transport minister."
    )
    quote = one(result)
    assert quote.kind is INDIRECT
    assert quote.cue == "noted"
    (speaker,) = result.speakers
    assert speaker.name == "Ana Ruiz"
    assert [a.role for a in speaker.affiliations] == ["transport minister"]


def test_parenthetical_attribution_gives_two_pieces() -> None:
    result = run(
        "The bridge will open in May, Ana Ruiz said, but the tolls will stay high for years."
    )
    assert [(q.kind, core(q.text)) for q in result.quotes] == [
        (INDIRECT, "The bridge will open in May"),
        (INDIRECT, "but the tolls will stay high for years"),
    ]
    assert {result.name(q) for q in result.quotes} == {"Ana Ruiz"}


def test_parenthetical_pronoun_attribution() -> None:
    result = run(
        "Ana Ruiz said the bridge would open in May.",
        "The bridge is late, he said, and the ferry will keep running until the summer.",
    )
    assert len(result.quotes) == 3
    assert core(result.quotes[1].text) == "The bridge is late"
    assert core(result.quotes[2].text) == "and the ferry will keep running until the summer"
    assert {result.name(q) for q in result.quotes} == {"Ana Ruiz"}


def test_via_medium() -> None:
    quote = one(
        run("Ana Ruiz said in an interview with Radio Lornia that the pier would reopen in June.")
    )
    assert quote.kind is INDIRECT
    assert quote.via == "Radio Lornia"
    assert core(quote.text) == "the pier would reopen in June"


@pytest.mark.parametrize(
    "paragraph",
    [
        "“The pier is safe,” Ana Ruiz said in an interview with Radio Lornia.",
        "The pier is safe and will reopen in June, as noted by Ana Ruiz in an interview "
        "with Radio Lornia.",
    ],
)
def test_via_medium_at_sentence_end(paragraph: str) -> None:
    assert one(run(paragraph)).via == "Radio Lornia"


def test_bare_clause_with_plural_noun() -> None:
    quote = one(run("Ana Ruiz said costs would rise sharply next year."))
    assert quote.kind is INDIRECT
    assert core(quote.text) == "costs would rise sharply next year"


def test_as_x_noted() -> None:
    result = run("The pier is safe and will reopen in June, as Ana Ruiz noted on Monday.")
    quote = one(result)
    assert quote.kind is INDIRECT
    assert result.name(quote) == "Ana Ruiz"


# ---------------------------------------------------------------------------------------
# attribute: mixed quotes, scare quotes and titles


def test_mixed_quote() -> None:
    result = run("Senator Piet Okafor called the plan “dead on arrival” in a speech on Friday.")
    quote = one(result)
    assert quote.kind is MIXED
    assert quote.text == "the plan “dead on arrival”"
    assert quote.cue == "called"
    assert result.name(quote) == "Piet Okafor"


def test_mixed_quote_with_pronoun() -> None:
    quote = one(run("He called the plan “dead on arrival” in a speech on Friday."))
    assert quote.kind is MIXED
    assert quote.mention == "He"


def test_reported_speech_with_quoted_fragment_is_mixed() -> None:
    result = run("Ana Ruiz told reporters that the ferry would “never come back” after the storm.")
    quote = one(result)
    assert quote.kind is MIXED
    assert quote.text == "the ferry would “never come back” after the storm"
    assert result.name(quote) == "Ana Ruiz"


@pytest.mark.parametrize(
    "paragraph",
    [
        "The word “resilience” appears four times in the council report.",
        "The council published its plan, “Harbour 2030”, on Monday.",
        "Residents call the square “the Oven” in summer.",
        "The band played “Harbour Lights” twice on Friday.",
        "The so-called “harbour tax” was dropped in 2019.",
        "Jana Novak published “Tides of Lornia” in 1990.",
    ],
)
def test_scare_quotes_and_titles_are_no_quotes(paragraph: str) -> None:
    result = run(paragraph)
    assert result.quotes == ()
    assert result.speakers == ()


def test_title_of_a_work_after_wrote() -> None:
    assert run("Jana Novak wrote “Tides of Lornia” in 1990.").quotes == ()


# ---------------------------------------------------------------------------------------
# named fragments
def test_named_fragment_needs_a_closed_quotation_in_the_sentence() -> None:
    text = "Ms. Rivera called the plan “dead on arrival” on Monday."
    spans = find_marked_spans([text])
    named = _reported._named_with_fragment(text, 0, len(text), spans)
    assert named is not None
    assert text[named.start : named.end] == "the plan “dead on arrival”"
    assert _reported._named_with_fragment(text, 0, len(text), []) is None


# ---------------------------------------------------------------------------------------
# beliefs and stances


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


def test_told_a_news_agency_is_the_medium() -> None:
    quote = one(run("Analysts told Reuters that the deal was unlikely to survive."))
    assert quote.via == "Reuters"
    assert quote.mention == "Analysts"


@pytest.mark.parametrize(
    ("paragraph", "content", "mention"),
    [
        ("The senator last week said the bill was dead.", "the bill was dead", "The senator"),
        ("Twenty-four percent said she did nothing wrong.", "she did nothing wrong", None),
        (
            "But there is a risk, some Democrats said, that the party would split.",
            "that the party would split",
            "some Democrats",
        ),
        (
            "Chinese military commentators have said the shoal will become a fortress.",
            "the shoal will become a fortress",
            "Chinese military commentators",
        ),
        (
            "He ducked the question, pointing to his record and saying that most senators are "
            "overrated.",
            "most senators are overrated",
            "He",
        ),
        (
            "Ana Ruiz answered the mayor, saying at a rally in Eastmoor that the tunnel had "
            "been a mistake.",
            "the tunnel had been a mistake",
            "Ana Ruiz",
        ),
        (
            "Still, he said, officials have to decide who gets extra scrutiny.",
            "officials have to decide who gets extra scrutiny",
            "he",
        ),
        (
            "Trump fans insist delegates must heed the party.",
            "delegates must heed the party",
            "Trump fans",
        ),
    ],
)
def test_more_subjects_and_clauses(paragraph: str, content: str, mention: str | None) -> None:
    quotes = run(paragraph).quotes
    assert content in [core(q.text) for q in quotes]
    quote = next(q for q in quotes if core(q.text) == content)
    if mention is not None:
        assert quote.mention == mention
    else:
        assert "percent" in (quote.mention or "")


def test_a_weekday_is_no_part_of_a_group() -> None:
    quote = one(run("On Monday officials said the bill was dead."))
    assert quote.mention == "officials"
