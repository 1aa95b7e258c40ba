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
    DIRECT,
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


def test_a_clause_of_its_own_after_a_direct_quotes_attribution() -> None:
    result = run(
        "“The audit is one thing,” Ana Ruiz said on Valley Radio, but she said the audit covers"
        " contracts signed two decades ago."
    )
    direct, indirect = result.quotes
    assert direct.kind is DIRECT
    assert indirect.kind is INDIRECT
    assert core(indirect.text) == "the audit covers contracts signed two decades ago"
    assert indirect.mention == "she"
    assert indirect.speaker_id == direct.speaker_id


def test_a_long_listener_before_that() -> None:
    quote = one(
        run(
            "Harbour master Ivo Hart told the members of the pilots' union at their annual"
            " meeting in Varnov that the pier would stay open."
        )
    )
    assert core(quote.text) == "the pier would stay open"
    assert quote.mention == "Ivo Hart"


def test_a_second_cue_after_and_is_a_quote_of_its_own() -> None:
    result = run(
        "Ana Ruiz insisted that the pier would close, and denied that the port had run out"
        " of money."
    )
    assert [core(q.text) for q in result.quotes] == [
        "the pier would close",
        "the port had run out of money",
    ]
    assert {q.speaker_id for q in result.quotes} == {"s1"}


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
            "Still, he said, the council must choose which bridges are mended first.",
            "the council must choose which bridges are mended first",
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


def test_a_cue_before_a_named_fragment_keeps_its_content() -> None:
    quotes = run(
        "Ana Ruiz says she respects the mayor and calls him “a man who keeps his word.”"
    ).quotes
    assert [(core(q.text), q.cue) for q in quotes] == [
        ("she respects the mayor", "says"),
        ("him “a man who keeps his word", "calls"),
    ]


def test_who_verbed_and_said_keeps_the_and_out_of_the_mention() -> None:
    quote = one(
        run(
            "Ana Ruiz, who backed the ferry plan in May and said she would campaign for it, "
            "ultimately stayed at home."
        )
    )
    assert core(quote.text) == "she would campaign for it"
    assert quote.mention == "Ana Ruiz, who backed the ferry plan in May"


def test_security_specialists_are_a_source() -> None:
    quote = one(run("But security specialists say the harbour gates are too old to close."))
    assert quote.mention == "security specialists"


def test_who_said_a_said_b_gives_both_to_the_speaker() -> None:
    quotes = run(
        "Ana Ruiz, who said the tunnel was vetted by the city's lawyers, said she was unaware "
        "of any complaint."
    ).quotes
    assert [(core(q.text), q.mention) for q in quotes] == [
        ("the tunnel was vetted by the city's lawyers", "Ana Ruiz"),
        ("she was unaware of any complaint", "Ana Ruiz"),
    ]


def test_a_weekday_is_no_part_of_a_group() -> None:
    quote = one(run("On Monday officials said the bill was dead."))
    assert quote.mention == "officials"


@pytest.mark.parametrize(
    ("paragraph", "content", "mention"),
    [
        (
            "Nearly three in five said they would rather take the tram to work.",
            "they would rather take the tram to work",
            "Nearly three in five",
        ),
        (
            "Mr. Hart, in a brief interview on Saturday, said his plane was a great aircraft.",
            "his plane was a great aircraft",
            "Mr. Hart",
        ),
        (
            "Sen. Ivo Hart, meanwhile, warned that the incident could lead to a war.",
            "the incident could lead to a war",
            "Sen. Ivo Hart",
        ),
        (
            "Hart told the Eastmoor Herald he had already received hundreds of emails.",
            "he had already received hundreds of emails",
            "Hart",
        ),
        (
            "(According to the city police, it does not keep statistics on such cases.)",
            "it does not keep statistics on such cases",
            "the city police",
        ),
        (
            "The rally made no mention of Ana Ruiz, who announced she is leaving the race.",
            "she is leaving the race",
            "Ana Ruiz",
        ),
    ],
)
def test_asides_shares_and_relative_subjects(paragraph: str, content: str, mention: str) -> None:
    quotes = run(paragraph).quotes
    quote = next(q for q in quotes if core(q.text) == content)
    assert quote.mention == mention


def test_two_reported_clauses_in_one_sentence() -> None:
    result = run(
        "Ivo Hart said the mayor is honest, and Ana Ruiz said the tunnel is far too expensive."
    )
    contents = [(core(q.text), q.mention) for q in result.quotes]
    assert contents == [
        ("the mayor is honest", "Ivo Hart"),
        ("the tunnel is far too expensive", "Ana Ruiz"),
    ]


def test_a_naming_runs_over_its_fragments() -> None:
    result = run(
        "Ana Ruiz called the remarks a “new low” and a “bizarre attempt” to change the subject."
    )
    (quote,) = [q for q in result.quotes if q.kind is MIXED]
    assert quote.text == "the remarks a “new low” and a “bizarre attempt”"
    assert quote.cue == "called"


def test_reported_speech_ends_before_a_which_clause() -> None:
    quote = one(run("Ana Ruiz said the tunnel would open in May, which surprised the council."))
    assert core(quote.text) == "the tunnel would open in May"


# ---------------------------------------------------------------------------------------
# the same speaker goes on: ", adding that ...", "... and added that ..."


@pytest.mark.parametrize(
    "paragraph",
    [
        "Ana Ruiz said the bridge would open in May, adding that the ferry would keep running.",
        "Ana Ruiz said the bridge would open in May and added that the ferry would keep running.",
        "Ana Ruiz said that the bridge would open in May, but warned that the ferry would keep"
        " running.",
        "Ana Ruiz told reporters the bridge would open in May, noting that the ferry would keep"
        " running.",
    ],
)
def test_more_reported_speech_of_the_same_speaker(paragraph: str) -> None:
    result = run(paragraph)
    assert [core(q.text) for q in result.quotes] == [
        "the bridge would open in May",
        "the ferry would keep running",
    ]
    assert [result.name(q) for q in result.quotes] == ["Ana Ruiz", "Ana Ruiz"]
    assert all(q.kind is INDIRECT for q in result.quotes)


def test_a_participle_after_a_direct_quote() -> None:
    result = run("“We are not done,” Ana Ruiz said, adding that the ferry would keep running.")
    direct, indirect = result.quotes
    assert core(direct.text) == "We are not done"
    assert core(indirect.text) == "the ferry would keep running"
    assert (indirect.kind, indirect.cue) == (INDIRECT, "adding")
    assert result.name(indirect) == "Ana Ruiz"


@pytest.mark.parametrize(
    "paragraph",
    [
        "“We are not done,” Ana Ruiz said on Monday at the town hall meeting.",
        "“We are not done,” Ana Ruiz said and quickly left the town hall.",
    ],
)
def test_the_direct_quotes_own_cue_takes_no_content(paragraph: str) -> None:
    result = run(paragraph)
    assert [q.kind for q in result.quotes] == [DIRECT]


@pytest.mark.parametrize(
    ("paragraph", "mention"),
    [
        (
            "The talks will resume next week in Geneva, state news agency Belta reported.",
            "state news agency Belta",
        ),
        (
            "The talks will resume next week in Geneva, the Valley Courier reports.",
            "the Valley Courier",
        ),
    ],
)
def test_an_outlet_named_with_what_it_is(paragraph: str, mention: str) -> None:
    quote = one(run(paragraph))
    assert core(quote.text) == "The talks will resume next week in Geneva"
    assert quote.mention == mention


def test_an_inverted_parenthetical_cue() -> None:
    result = run(
        "The contrast with the old plan, said Ana Ruiz, would be clear to every voter in May."
    )
    assert [core(q.text) for q in result.quotes] == [
        "The contrast with the old plan",
        "would be clear to every voter in May",
    ]
    assert {q.mention for q in result.quotes} == {"Ana Ruiz"}


@pytest.mark.parametrize(
    "paragraph",
    [
        "The plan, which the council passed in May, is “dead on arrival,” Ana Ruiz said.",
        "The plan, which the council passed in May, is “dead on arrival,” said Ana Ruiz.",
    ],
)
def test_attribution_after_a_quoted_fragment(paragraph: str) -> None:
    quote = one(run(paragraph))
    assert quote.kind is MIXED
    assert core(quote.text).startswith("The plan, which the council passed in May")
    assert quote.mention == "Ana Ruiz"


def test_a_parenthetical_cue_after_an_opening_phrase() -> None:
    quote = one(run("At times last year, her closest aides said, the bridge was all she spoke of."))
    assert core(quote.text) == "the bridge was all she spoke of"
    assert quote.mention == "her closest aides"


def test_a_bare_clause_may_open_with_a_number() -> None:
    quote = one(run("Officials said 10 people were hurt in the fire on Main Street."))
    assert core(quote.text) == "10 people were hurt in the fire on Main Street"


@pytest.mark.parametrize(
    ("paragraph", "content"),
    [
        (
            "Lee Park of the Valley Courier asked the mayor on Friday whether she would release"
            " the report.",
            "whether she would release the report",
        ),
        (
            "The tenants' group asked how the council would pay for the new bridge.",
            "how the council would pay for the new bridge",
        ),
    ],
)
def test_an_indirect_question(paragraph: str, content: str) -> None:
    quote = one(run(paragraph))
    assert (quote.kind, core(quote.text)) == (INDIRECT, content)
    assert quote.cue == "asked"


def test_a_request_is_no_question() -> None:
    assert run("Ana Ruiz asked him to resign from the council before the vote.").quotes == ()


def test_quoted_words_after_told_that_are_a_mixed_quote() -> None:
    quote = one(run("Ana Ruiz told the local radio station KVLT that “the driver fired first.”"))
    assert quote.kind is MIXED
    assert core(quote.text) == "the driver fired first"
    assert quote.mention == "Ana Ruiz"


@pytest.mark.parametrize(
    ("paragraph", "content"),
    [
        (
            "Ana Ruiz told a news conference they are planting the seeds.",
            "they are planting the seeds",
        ),
        (
            "Ana Ruiz told host Lee Park a loss is increasingly likely.",
            "a loss is increasingly likely",
        ),
    ],
)
def test_whom_someone_told_before_a_bare_clause(paragraph: str, content: str) -> None:
    assert core(one(run(paragraph)).text) == content


def test_told_the_story_of_is_no_reported_speech() -> None:
    assert run("Ana Ruiz told the story of a man who lost his home in the flood.").quotes == ()


def test_an_inverted_cue_with_an_appositive_between_two_pieces() -> None:
    result = run(
        "The paradox of the plan, says Lee Park, historian at the Valley Library, is that it"
        " was popular and still failed."
    )
    assert [core(q.text) for q in result.quotes] == [
        "The paradox of the plan",
        "is that it was popular and still failed",
    ]
    assert {q.mention for q in result.quotes} == {"Lee Park, historian at the Valley Library"}


@pytest.mark.parametrize(
    ("paragraph", "mention"),
    [
        (
            "Two children were also among the passengers, Lornian foreign affairs ministry"
            " spokesman Ivo Hart said Thursday.",
            "Lornian foreign affairs ministry spokesman Ivo Hart",
        ),
        (
            "The harbour office, when contacted by the Courier, said the pier was not finished.",
            "The harbour office",
        ),
        (
            "A council aide said comments from Ruiz and Hart were consistent with the plan.",
            "A council aide",
        ),
    ],
)
def test_more_subjects_of_reported_speech(paragraph: str, mention: str) -> None:
    assert one(run(paragraph)).mention == mention
