"""Tests of ``newsrecord.parse._direct``: direct quotes and their attribution.

Every sentence here is made up, with invented people and organisations.  Tests marked
``xfail(strict=True)`` state the correct reading of a natural sentence that the rules get
wrong today (a documented limitation, or a bug to fix).
"""

from __future__ import annotations

import pytest

from newsrecord.parse._assemble import attribute
from parse_helpers import (
    DIRECT,
    MIXED,
    PERSON,
    core,
    one,
    run,
)

# ---------------------------------------------------------------------------------------
# attribute: direct quotes attributed after the quote


@pytest.mark.parametrize(
    ("paragraph", "mention"),
    [
        ("“The bridge will open in May,” Ms. Novak said.", "Ms. Novak"),
        ("“The bridge will open in May,” said Ms. Novak.", "Ms. Novak"),
        ("“The bridge will open in May,” Jana Novak said on Monday.", "Jana Novak"),
        ("“The bridge will open in May,” Jana Novak told reporters.", "Jana Novak"),
        ("''The bridge will open in May,'' Ms. Novak said.", "Ms. Novak"),
        ('"The bridge will open in May," Ms. Novak said.', "Ms. Novak"),
        ('“The bridge will open in May," Ms. Novak said.', "Ms. Novak"),
        ("«The bridge will open in May», Ms. Novak said.", "Ms. Novak"),
        ("“The bridge will open in May,”\u00a0Ms. Novak said.", "Ms. Novak"),
    ],
)
def test_after_attribution(paragraph: str, mention: str) -> None:
    result = run(paragraph)
    quote = one(result)
    assert quote.kind is DIRECT
    assert core(quote.text) == "The bridge will open in May"
    assert quote.mention == mention
    assert quote.speaker_id == "s1"
    assert result.speakers[0].kind is PERSON


@pytest.mark.parametrize(
    ("paragraph", "mention", "cue"),
    [
        # a lower-case title after an inverted cue
        (
            "“The bridge will open in May,” said former transport minister Jana Novak.",
            "former transport minister Jana Novak",
            "said",
        ),
        # lower-case words before the name or description the cue follows
        (
            "“The bridge will open in May,” port authority spokeswoman Jana Novak said.",
            "port authority spokeswoman Jana Novak",
            "said",
        ),
        (
            "“The bridge will open in May,” a spokesman for the port authority said.",
            "a spokesman for the port authority",
            "said",
        ),
        # an aside between the subject and the cue
        (
            "“The bridge will open in May,” Novak, after a long pause, said of the plan.",
            "Novak",
            "said",
        ),
        # a verb that is no cue word, closing the sentence after a comma in the quote
        (
            "“The bridge will open in May,” an angry Jana Novak retaliated.",
            "an angry Jana Novak",
            "retaliated",
        ),
        (
            "“The bridge will open in May,” according to the port authority.",
            "the port authority",
            "according to",
        ),
    ],
)
def test_after_attribution_more_forms(paragraph: str, mention: str, cue: str) -> None:
    quote = one(run(paragraph))
    assert quote.kind is DIRECT
    assert core(quote.text) == "The bridge will open in May"
    assert (quote.mention, quote.cue) == (mention, cue)


@pytest.mark.parametrize(("opening", "closing"), [("“", "”"), ("''", "''"), ('"', '"')])
def test_a_title_in_the_attribution_is_the_speakers(opening: str, closing: str) -> None:
    result = run(
        f"{opening}The harbour is safe,{closing} said Jana Novak, the author of "
        f"{opening}The Long Quay,{closing} a history of the port."
    )
    quote = one(result)
    assert core(quote.text) == "The harbour is safe"
    assert quote.mention == (
        f"Jana Novak, the author of {opening}The Long Quay,{closing} a history of the port"
    )


def test_a_quotation_after_of_that_is_no_title_stays_out_of_the_mention() -> None:
    # in lower case and long: quoted words, not the title of a work
    result = run(
        "“The harbour is safe,” said Jana Novak, who spoke of “a long and very difficult year "
        "for everyone who works on the quay.”"
    )
    mention = result.quotes[0].mention or ""
    assert mention.startswith("Jana Novak")
    assert "difficult" not in mention


def test_a_verb_after_a_quote_without_comma_names_no_speaker() -> None:
    result = run("Jana Novak spoke first. “The bridge will open in May.” The council adjourned.")
    assert [q.cue for q in result.quotes] != ["adjourned"]


def test_after_attribution_exact_fields() -> None:
    result = run("“The bridge will open in May,” Ms. Novak said.")
    quote = one(result)
    assert quote.text == "The bridge will open in May,"  # what stands inside the marks
    assert (quote.start, quote.end) == (1, 29)
    assert (quote.mention, quote.cue, quote.via) == ("Ms. Novak", "said", None)
    assert result.names() == ["Novak"]  # "Ms. Novak" is an alias


def test_after_attribution_with_pronoun() -> None:
    result = run("Jana Novak runs the port.", "“The bridge will open in May,” she added.")
    quote = one(result)
    assert (quote.mention, quote.cue) == ("she", "added")
    assert result.name(quote) == "Jana Novak"


def test_cue_with_particle() -> None:
    quote = one(run("“The bridge will open in May,” Jana Novak pointed out."))
    assert quote.cue == "pointed out"


# ---------------------------------------------------------------------------------------
# attribute: direct quotes attributed before the quote


@pytest.mark.parametrize(
    "paragraph",
    [
        "Novak said: “The bridge will open in May.”",
        "Jana Novak said, “The bridge will open in May.”",
        "Jana Novak told reporters: “The bridge will open in May.”",
        "Jana Novak said: «The bridge will open in May.»",
    ],
)
def test_before_attribution(paragraph: str) -> None:
    result = run(paragraph)
    quote = one(result)
    assert quote.kind is DIRECT
    assert quote.text == "The bridge will open in May."
    assert result.name(quote) in {"Novak", "Jana Novak"}


def test_according_to_before_a_whole_quote() -> None:
    result = run("According to Jana Novak, “The bridge will open in May.”")
    quote = one(result)
    assert quote.kind is DIRECT
    assert quote.text == "The bridge will open in May."
    assert result.name(quote) == "Jana Novak"


def test_colon_ending_the_previous_paragraph() -> None:
    result = run(
        "Ana Ruiz spoke to reporters on Monday and said:",
        "“The ferry will stop running in the spring and nobody will miss it.”",
    )
    quote = one(result)
    assert result.name(quote) == "Ana Ruiz"


def test_colon_without_a_cue() -> None:
    result = run(
        "Tomas Brant put it this way:",
        "“The ferry is the heart of this town and it always will be.”",
    )
    quote = one(result)
    assert result.name(quote) == "Tomas Brant"


# ---------------------------------------------------------------------------------------
# attribute: quotes in several parts


def test_split_quote_has_one_speaker() -> None:
    result = run("“The bridge will open in May,” Ms. Novak said, “and the ferry will stop.”")
    assert [(q.kind, q.text) for q in result.quotes] == [
        (DIRECT, "The bridge will open in May,"),
        (DIRECT, "and the ferry will stop."),
    ]
    assert {q.speaker_id for q in result.quotes} == {"s1"}
    assert {q.mention for q in result.quotes} == {"Ms. Novak"}


def test_split_quote_with_pronoun() -> None:
    result = run("“The bridge will open in May,” she said, “and the ferry will stop.”")
    assert len(result.quotes) == 2
    assert {q.mention for q in result.quotes} == {"she"}
    assert result.quotes[0].speaker_id == result.quotes[1].speaker_id


def test_next_sentence_of_quotation_keeps_the_speaker() -> None:
    result = run("“The ferry is the heart of this town,” Tomas Brant said. “It always will be.”")
    assert [q.text for q in result.quotes] == [
        "The ferry is the heart of this town,",
        "It always will be.",
    ]
    assert {result.name(q) for q in result.quotes} == {"Tomas Brant"}


def test_paragraph_of_quotation_continues_its_speaker() -> None:
    result = run(
        "“The bridge will open in May and the ferry will stop running soon after,” "
        "Tomas Brant said.",
        "“We have waited for this crossing for a very long time, and the town is ready.”",
    )
    assert len(result.quotes) == 2
    assert {result.name(q) for q in result.quotes} == {"Tomas Brant"}


def test_quote_over_paragraphs_attributed_at_the_start() -> None:
    result = run(
        "Tomas Brant said: “The ferry has carried this town for a century.",
        "“It carried my father to work and my children to school.”",
    )
    assert [q.text for q in result.quotes] == [
        "The ferry has carried this town for a century.",
        "It carried my father to work and my children to school.",
    ]
    assert {result.name(q) for q in result.quotes} == {"Tomas Brant"}


MULTI = (
    "“The bridge will open in May and the ferry will stop running soon after.",
    "“We have waited for this crossing for a very long time, and the town is ready.",
    "“Nobody here will miss the old ferry at all,” Tomas Brant said.",
)


def test_quote_over_paragraphs_attributed_at_the_end_last_part() -> None:
    result = run(*MULTI)
    assert len(result.quotes) == 3
    assert [q.kind for q in result.quotes] == [DIRECT] * 3
    assert result.name(result.quotes[2]) == "Tomas Brant"


def test_quote_over_paragraphs_attributed_at_the_end_all_parts() -> None:
    result = run(*MULTI)
    assert [result.name(q) for q in result.quotes] == ["Tomas Brant"] * 3


# ---------------------------------------------------------------------------------------
# attribute: unattributed quotes


def test_long_unattributed_quote_is_kept_without_speaker() -> None:
    result = run("“The ferry has been running since 1950 and carries two hundred people a day.”")
    quote = one(result)
    assert quote.kind is DIRECT
    assert (quote.speaker_id, quote.mention, quote.cue) == (None, None, None)
    assert result.speakers == ()


def test_short_unattributed_quote_is_dropped() -> None:
    assert run("“Short one.”").quotes == ()


def test_no_quotes_in_plain_text() -> None:
    result = run(
        "The ferry has been running since 1950 and carries two hundred people a day.",
        "The bridge will replace it.",
    )
    assert (result.speakers, result.quotes) == ((), ())


def test_nothing_at_all() -> None:
    assert attribute([]) == ((), ())
    assert attribute([""]) == ((), ())


def test_quotation_paragraph_continues_the_reported_speaker() -> None:
    result = run(
        "Ana Ruiz said the harbour line would pay for itself within twenty years.",
        "“Every city of this size that opened a tram line carried more passengers than planned.”",
    )
    indirect, direct = result.quotes
    assert direct.kind is DIRECT
    assert direct.mention == "Ana Ruiz"
    assert direct.speaker_id == indirect.speaker_id
    assert result.name(direct) == "Ana Ruiz"


def test_quotation_paragraph_with_a_cue_of_its_own_is_not_continued() -> None:
    result = run(
        "Ana Ruiz said the harbour line would pay for itself within twenty years.",
        "“Every city of this size that opened a tram line carried more passengers,” "
        "the mayor said in reply.",
    )
    assert result.quotes[1].mention == "the mayor"


def test_quote_after_that_is_part_of_reported_speech() -> None:
    quote = one(run("Ana Ruiz told her supporters that “we are in this together.”"))
    assert quote.kind is MIXED
    assert quote.text == "“we are in this together.”"
    assert quote.mention == "Ana Ruiz"


def test_fragments_after_that_stay_with_the_reported_speech() -> None:
    result = run("Ana Ruiz said that the plan was “a mistake” and “too expensive” for the city.")
    (quote,) = [q for q in result.quotes if q.kind is not DIRECT]
    assert quote.text.startswith("the plan was “a mistake”")


def test_attribution_after_a_long_appositive() -> None:
    quote = one(
        run(
            "“The tunnel will open in May,” Ana Ruiz, the chief engineer of the harbour "
            "authority and a member of the city council since the last elections, said."
        )
    )
    assert (quote.mention or "").startswith("Ana Ruiz, the chief engineer")


@pytest.mark.parametrize("label", ["Transcript:", "Partial transcript:", "Update:"])
def test_a_label_of_the_post_is_no_speaker(label: str) -> None:
    result = run(label, "“We will build the tunnel before the winter, whatever it costs the city.”")
    assert all(q.mention is None for q in result.quotes)


def test_a_source_on_a_dash_line_after_the_quote() -> None:
    result = run(
        "“I went to the harbour before the storm. I was the one who warned the council.”",
        "- Jana Novak.",
        "Novak tends to overstate her role.",
    )
    quote = one(result)
    assert (quote.kind, quote.mention) == (DIRECT, "Jana Novak")


@pytest.mark.parametrize(
    ("paragraph", "mention"),
    [
        (
            "Jana Novak jokingly said, “I am becoming the establishment now, it seems.”",
            "Jana Novak",
        ),
        ("“The market has not failed the harbour workers,” she mocks.", "she"),
    ],
)
def test_adverbs_and_other_verbs_of_saying(paragraph: str, mention: str) -> None:
    assert one(run(paragraph)).mention == mention


@pytest.mark.parametrize(
    ("narrative", "speaker"),
    [
        ("Ana Ruiz praised the mayor’s leadership after the flood.", "Ana Ruiz"),
        ("Ms. Ruiz has high hopes for the tram, which will run at night.", "Ruiz"),
    ],
)
def test_quotation_paragraph_after_a_paragraph_about_a_person(narrative: str, speaker: str) -> None:
    result = run(narrative, "“The town needs a ferry that runs every hour, all year.”")
    quote = one(result)
    assert quote.kind is DIRECT
    assert result.name(quote) == speaker


@pytest.mark.parametrize(
    "narrative",
    [
        "Voices from the harbour rose all night.",  # a bare word nobody was named with
        "Ana Ruiz and the mayor toured the harbour on Monday.",  # two people
        "The tram will run at night from May.",  # no person
    ],
)
def test_quotation_paragraph_after_no_person_stays_unattributed(narrative: str) -> None:
    result = run(narrative, "“The town needs a ferry that runs every hour, all year.”")
    assert one(result).speaker_id is None
