"""Tests of ``newsrecord.parse._coref``: resolving mentions to speakers.

Every sentence here is made up, with invented people and organisations.  Tests marked
``xfail(strict=True)`` state the correct reading of a natural sentence that the rules get
wrong today (a documented limitation, or a bug to fix).
"""

from __future__ import annotations

import pytest

from newsrecord import Affiliation
from newsrecord.parse import _coref
from newsrecord.parse._coref import resolve
from newsrecord.parse._spans import Mention
from parse_helpers import (
    ORGANIZATION,
    PERSON,
    one,
    run,
)

# ---------------------------------------------------------------------------------------
# attribute: organisations


@pytest.mark.parametrize(
    "paragraph",
    [
        "The Harbour Authority said that the new pier would be finished by the end of the year.",
        "“The pier will be finished by December,” the Harbour Authority said in a statement.",
    ],
)
def test_organization_speaks(paragraph: str) -> None:
    result = run(paragraph)
    quote = one(result)
    (speaker,) = result.speakers
    assert quote.speaker_id == speaker.id
    assert (speaker.name, speaker.kind) == ("Harbour Authority", ORGANIZATION)


def test_organization_then_it() -> None:
    result = run(
        "The Harbour Authority said on Monday that the pier would reopen in June.",
        "It added that repairs would cost less than expected this year.",
    )
    assert len(result.quotes) == 2
    assert result.quotes[1].mention == "It"
    assert {result.name(q) for q in result.quotes} == {"Harbour Authority"}
    assert [s.kind for s in result.speakers] == [ORGANIZATION]


def test_common_noun_organization() -> None:
    result = run("The ministry said that the new pier would be finished by the end of the year.")
    (speaker,) = result.speakers
    assert speaker.kind is ORGANIZATION
    assert speaker.name.lower() == "the ministry"


def test_named_organization() -> None:
    result = run("The Institute of Transport Studies said the toll was too high for most families.")
    (speaker,) = result.speakers
    assert (speaker.name, speaker.kind) == ("Institute of Transport Studies", ORGANIZATION)


# ---------------------------------------------------------------------------------------
# attribute: resolving mentions to speakers


def test_pronouns_follow_gender() -> None:
    result = run(
        "“The pier will be finished by December,” Mr. Brant said.",
        "“The costs are falling,” Ms. Novak said.",
        "“We are ready,” he added.",
        "“So are we,” she added.",
    )
    assert [q.speaker_id for q in result.quotes] == ["s1", "s2", "s1", "s2"]
    # the name is the surname; the honorific's form is an alias
    assert result.names() == ["Brant", "Novak"]
    assert [speaker.aliases for speaker in result.speakers] == [("Mr. Brant",), ("Ms. Novak",)]


def test_a_title_is_no_part_of_a_name() -> None:
    result = run(
        "“The pier will be finished by December,” President Lorne said.",
        "“The costs are falling,” Mr. Lorne added.",
        "“The ferry runs,” Jana Novak said. “It will run,” Ms. Novak added.",
    )
    assert result.names() == ["Lorne", "Jana Novak"]
    assert set(result.speakers[0].aliases) == {"President Lorne", "Mr. Lorne"}


def test_object_pronouns_after_according_to() -> None:
    result = run(
        "“The pier will be finished by December,” Mr. Brant said.",
        "“The costs are falling,” Ms. Novak said.",
        "According to him, the ferry will keep running until the pier is finished.",
        "According to her, the ferry will stop running once the pier is finished.",
    )
    assert [q.speaker_id for q in result.quotes] == ["s1", "s2", "s1", "s2"]
    assert [q.mention for q in result.quotes][2:] == ["him", "her"]


def test_the_president_and_the_head_of_state_are_the_president() -> None:
    result = run(
        "The country will build new ferries, President Ana Ruiz said on Monday.",
        "“We owe it to the islands,” the head of state stressed.",
        "The President noted that the first ferry would sail in May.",
        "Prime Minister Ivo Hart said the yards were ready.",
        "“The money is there,” the head of government added.",
    )
    assert [result.name(q) for q in result.quotes] == [
        "Ana Ruiz",
        "Ana Ruiz",
        "Ana Ruiz",
        "Ivo Hart",
        "Ivo Hart",
    ]


def test_a_title_nobody_was_given_is_not_the_person_last_quoted() -> None:
    result = run(
        "Fares on the harbour line will rise in May, said Ana Ruiz, an analyst at the Harbour"
        " Institute.",
        "The expert drew attention to the fact that fares rose by a third last year.",
        "The head of state underlined that the harbour must stay public.",
    )
    assert [result.name(q) for q in result.quotes] == ["Ana Ruiz", "Ana Ruiz", None]


def test_an_organisation_of_someone_is_an_organisation_of_its_own() -> None:
    result = run(
        "The Ministry of Transport said the line would open in May.",
        "Earlier, the press service of the harbour board reported that the pier was finished.",
    )
    assert [result.name(q) for q in result.quotes] == [
        "Ministry of Transport",
        "the press service of the harbour board",
    ]
    assert [s.kind for s in result.speakers] == [ORGANIZATION, ORGANIZATION]


def test_the_belarusian_president_is_the_president() -> None:
    result = run(
        "The plant will open in May, President Ana Ruiz said on Monday.",
        "“It will give the region 2,000 jobs,” the Lornian President added.",
    )
    assert [result.name(q) for q in result.quotes] == ["Ana Ruiz", "Ana Ruiz"]
    assert [s.name for s in result.speakers] == ["Ana Ruiz"]


def test_a_title_goes_to_the_person_introduced_with_it_quoted_or_not() -> None:
    result = run(
        "Lornian President Ana Ruiz met Governor of the Harbour Oblast Ivo Hart on Monday.",
        "According to the head of state, the two regions have built a good base for trade.",
        "“We are ready to go further,” the Lornian leader said.",
        "In her opinion, new warehouses near the border would cut delivery times.",
        "The governor noted that trade between the regions grew by a fifth last year.",
    )
    assert [result.name(q) for q in result.quotes] == [
        "Ana Ruiz",
        "Ana Ruiz",
        "Ana Ruiz",
        "Ivo Hart",
    ]
    assert [q.mention for q in result.quotes] == [
        "the head of state",
        "the Lornian leader",
        "her",
        "The governor",
    ]


def test_honorific_joins_the_full_name() -> None:
    result = run(
        "“The ferry stays,” Ana Ruiz said.",
        "“The bridge goes,” Tomas Brant said.",
        "“Both are wrong,” Piet Okafor said.",
        "“I agree,” Ms. Ruiz said.",
    )
    assert [q.speaker_id for q in result.quotes] == ["s1", "s2", "s3", "s1"]
    assert result.names() == ["Ana Ruiz", "Tomas Brant", "Piet Okafor"]
    assert result.speakers[0].aliases == ("Ms. Ruiz",)


def test_honorific_finds_a_full_name_mentioned_earlier() -> None:
    result = run(
        "Tomas Brant met Jana Novak and Piet Okafor on Monday.",
        "“The bridge will open in May,” Ms. Novak said.",
    )
    (speaker,) = result.speakers
    assert speaker.name == "Jana Novak"
    assert speaker.aliases == ("Ms. Novak",)


@pytest.mark.parametrize("noun", ["expert", "economist"])
def test_role_noun_alias(noun: str) -> None:
    result = run(
        f"Jana Novak, an {noun} at the Harwell Institute, said the toll was too high for most "
        "families.",
        f"“Nobody asked the people who use the ferry every day,” the {noun} said.",
        f"The {noun} added that the ferry was cheaper to run over ten years.",
    )
    assert len(result.quotes) == 3
    assert {result.name(q) for q in result.quotes} == {"Jana Novak"}
    (speaker,) = result.speakers
    assert speaker.aliases == (f"the {noun}",)
    assert result.quotes[1].mention == f"the {noun}"
    assert result.quotes[2].mention == f"The {noun}"


def test_people_only_mentioned_are_not_speakers() -> None:
    result = run(
        "Ana Ruiz said that Tomas Brant would lead the new port board from next year.",
        "“Piet Okafor agrees with me,” Ms. Ruiz said.",
        "Jana Novak, the harbour master, was not available for comment.",
    )
    assert result.names() == ["Ana Ruiz"]
    assert {q.speaker_id for q in result.quotes} == {"s1"}


def test_ids_in_order() -> None:
    result = run(
        "Ana Ruiz said the bridge would open in May.",
        "“The ferry will stay until then,” Tomas Brant said.",
        "The tolls will be low, the Harbour Authority said.",
        "“We are ready,” Ms. Ruiz said.",
    )
    assert [q.id for q in result.quotes] == ["q1", "q2", "q3", "q4"]
    assert [(s.id, s.name) for s in result.speakers] == [
        ("s1", "Ana Ruiz"),
        ("s2", "Tomas Brant"),
        ("s3", "Harbour Authority"),
    ]
    assert [q.speaker_id for q in result.quotes] == ["s1", "s2", "s3", "s1"]


def test_pronoun_after_irregular_verb() -> None:
    result = run(
        "Jana Novak met the mayor on Monday.",
        "“The bridge will open in May,” she said.",
    )
    assert result.name(one(result)) == "Jana Novak"


def test_pronoun_after_honorific_subject() -> None:
    result = run(
        "Ms. Ruiz said the ferry would stop. Mr. Brant disagreed.",
        "“The ferry is the only link we have,” he said.",
    )
    quote = result.quotes[-1]
    name = result.name(quote)
    assert name is not None
    assert name.endswith("Brant")


def test_pronoun_after_subject_with_appositive() -> None:
    result = run(
        "Ana Ruiz, the port director, visited the pier on Monday.",
        "“The ferry will stop running in the spring,” she said.",
    )
    assert result.name(one(result)) == "Ana Ruiz"


def test_inverted_pronoun_at_sentence_end() -> None:
    result = run("Tomas Brant runs the ferry.", "“The pier is safe,” said he.")
    quote = one(result)
    assert quote.mention == "he"
    assert result.name(quote) == "Tomas Brant"


def test_one_word_quote() -> None:
    result = run("“We will not sell the ferry,” Ms. Ruiz said.", "“Never,” she added.")
    assert [q.text for q in result.quotes] == ["We will not sell the ferry,", "Never,"]
    assert result.quotes[1].speaker_id == "s1"


def test_description_with_for_before_cue() -> None:
    quote = one(run("A spokesman for the council said that the pier would reopen in June."))
    assert quote.mention == "A spokesman for the council"


@pytest.mark.parametrize(
    ("paragraph", "mention"),
    [
        ("“The pier will reopen in June,” said federal officials.", "federal officials"),
        (
            "“The pier will reopen in June,” said researchers at Harwell University.",
            "researchers at Harwell University",
        ),
        ("“The pier will reopen in June,” Ludwig van der Berg said.", "Ludwig van der Berg"),
        ("“The pier will reopen in June,” said Ludwig van der Berg.", "Ludwig van der Berg"),
    ],
)
def test_unread_subjects(paragraph: str, mention: str) -> None:
    assert one(run(paragraph)).mention == mention


@pytest.mark.parametrize(
    "paragraph",
    [
        "Officials said the toll would stay the same for the rest of the year.",
        "Critics say the “reform” changes nothing for the town.",
    ],
)
def test_capitalised_plural_role_noun_is_no_name(paragraph: str) -> None:
    result = run(paragraph)
    assert len(result.quotes) == 1
    assert not [s for s in result.speakers if s.name in {"Officials", "Critics"}]


# ---------------------------------------------------------------------------------------
# resolve


def test_resolve_names_honorifics_and_pronouns() -> None:
    text = "Jana Novak spoke. Ms. Novak said it. Tomas Brant left. She said it."
    mentions = [
        Mention(0, 10, "Jana Novak", "Jana Novak"),
        Mention(18, 27, "Ms. Novak", "Ms. Novak"),
        None,
        Mention(text.index("She"), text.index("She") + 3, "She", "She"),
    ]
    speakers, ids = resolve(text, mentions)
    assert ids == ["s1", "s1", None, "s1"]
    assert len(speakers) == 1
    assert speakers[0].name == "Jana Novak"
    assert speakers[0].kind is PERSON
    assert speakers[0].aliases == ("Ms. Novak",)


def test_resolve_nothing() -> None:
    assert resolve("", []) == ((), [])
    assert resolve("No one spoke.", [None]) == ((), [None])


def test_resolve_numbers_speakers_in_text_order() -> None:
    text = "Ana Ruiz spoke first. Tomas Brant spoke next."
    late = Mention(22, 33, "Tomas Brant", "Tomas Brant")
    early = Mention(0, 8, "Ana Ruiz", "Ana Ruiz")
    speakers, ids = resolve(text, [late, early])  # not in text order
    assert ids == ["s2", "s1"]
    assert [(s.id, s.name) for s in speakers] == [("s1", "Ana Ruiz"), ("s2", "Tomas Brant")]


def test_resolve_organization_and_it() -> None:
    text = "The Harbour Authority spoke. It said more."
    mentions = [
        Mention(0, 21, "The Harbour Authority", "The Harbour Authority"),
        Mention(29, 31, "It", "It"),
    ]
    speakers, ids = resolve(text, mentions)
    assert ids == ["s1", "s1"]
    assert [(s.name, s.kind) for s in speakers] == [("Harbour Authority", ORGANIZATION)]


# ---------------------------------------------------------------------------------------
# Shortcuts


def test_surname_takes_the_full_name_given_later() -> None:
    result = run(
        "“The tunnel will be late,” Hart said.",
        "Ivo Hart, the city's chief engineer, has led the project since 2019.",
    )
    quote = one(result)
    assert result.name(quote) == "Ivo Hart"
    assert "Hart" in result.speakers[0].aliases


def test_honorific_takes_the_full_name_given_later() -> None:
    result = run("“The tunnel will be late,” Mr. Hart said.", "Ivo Hart has led it since 2019.")
    assert result.name(one(result)) == "Ivo Hart"


def test_possessive_description_is_a_person_with_that_role() -> None:
    result = run(
        "“We will win,” Ivo Hart's spokeswoman said.",
        "“We will not stop,” the spokeswoman added.",
    )
    first, second = result.quotes
    assert first.speaker_id == second.speaker_id
    (speaker,) = result.speakers
    assert speaker.kind is PERSON
    assert speaker.name == "Ivo Hart's spokeswoman"
    assert speaker.affiliations == (Affiliation(organization="Ivo Hart", role="spokeswoman"),)


def test_possessive_title_before_a_name_gives_the_affiliation() -> None:
    result = run("Eastmoor's chief engineer, Ana Ruiz, said the ferry would resume on Monday.")
    (speaker,) = result.speakers
    assert speaker.name == "Ana Ruiz"
    assert speaker.affiliations == (Affiliation(organization="Eastmoor", role="chief engineer"),)


def test_she_is_not_a_man_the_text_does_not_call_one() -> None:
    # "his wife" tells Mira Lemke is a woman; Ivo Lemke, quoted last, is "he" in the text
    result = run(
        "“The rules are fair,” said Ivo Lemke, who leads his party in the region.",
        "Mira Lemke, his wife, voted against the rules at the meeting.",
        "“Every member should have a say,” she said.",
    )
    assert [result.name(q) for q in result.quotes] == ["Ivo Lemke", "Mira Lemke"]


def test_she_finds_no_man_named_before() -> None:
    result = run(
        "Ivo Lemke, who leads his party in the region, was not at the meeting.",
        "“Every member should have a say,” she said.",
    )
    assert result.name(one(result)) is None


def test_an_honorific_corrects_a_pronoun_guess() -> None:
    # an early "he" is guessed to be Tove Sand; "Ms. Sand" later tells otherwise
    result = run(
        "“We will lower the rate,” he said, speaking of the bank.",
        "Tove Sand, the bank's governor, agreed.",
        "“The world has changed,” Ms. Sand said at a conference in May.",
        "“Prices will follow,” she added.",
    )
    assert result.name(result.quotes[-1]) == "Tove Sand"


def test_mrs_is_not_the_mr_of_the_same_surname() -> None:
    result = run(
        "“We met in 1990,” Mr. Kessel said of the campaign.",
        "“He was the better speaker,” Mrs. Kessel said with a smile.",
    )
    first, second = (result.speaker(q) for q in result.quotes)
    assert first is not None
    assert second is not None
    assert first.id != second.id


def test_a_pronoun_skips_a_possessive_that_was_taken_for_a_name() -> None:
    resolver = _coref.Resolver("Ivo Lemke spoke. Lemke’s plan was praised. He said so.")
    lemke = resolver.resolve(Mention(0, 9, "Ivo Lemke", "Ivo Lemke"))
    resolver.resolve(Mention(17, 24, "Lemke’s", "Lemke’s"))
    he = resolver.resolve(Mention(43, 45, "He", "He"))
    assert he is lemke


def test_pronoun_takes_the_person_named_in_its_own_sentence() -> None:
    result = run(
        "“We lost,” Ana Ruiz said on Sunday.",
        "Ivo Hart met voters on Monday.",
        "After Ruiz lost her temper at a rally, she said the race was over.",
    )
    assert [result.name(q) for q in result.quotes] == ["Ana Ruiz", "Ana Ruiz"]


def test_a_description_with_a_place_needs_the_place() -> None:
    # Ivo Hart is "a Republican" from Eastmoor; "the Lornia Republican" is not him but
    # the person quoted last
    resolver = _coref.Resolver("x" * 200)
    hart = resolver.resolve(Mention(0, 9, "Ivo Hart", "Ivo Hart", "a Republican from Eastmoor"))
    ruiz = resolver.resolve(Mention(50, 58, "Ana Ruiz", "Ana Ruiz"))
    described = resolver.resolve(
        Mention(100, 124, "the Lornia Republican", "the Lornia Republican")
    )
    assert hart is not None
    assert ruiz is not None
    assert described is ruiz
    # without the place, the role is enough
    assert resolver.resolve(Mention(150, 166, "the Republican", "the Republican")) is hart


def test_a_description_by_a_title_no_list_has() -> None:
    # "ballerina" is in no list, but the text gave Ana Ruiz that title
    result = run(
        "Prima ballerina Ana Ruiz said she was looking forward to the tour.",
        "“I have never danced in Asia. The audience there is very attentive,” the ballerina noted.",
    )
    assert [result.name(q) for q in result.quotes] == ["Ana Ruiz", "Ana Ruiz"]


def test_a_title_no_list_has_given_to_nobody_names_nobody() -> None:
    result = run(
        "Ana Ruiz said she was looking forward to the tour.",
        "“I have never danced in Asia. The audience there is very attentive,” the ballerina noted.",
    )
    assert result.name(result.quotes[-1]) is None


def test_a_title_given_since_names_the_person_it_was_given_to() -> None:
    # "the minister" is the minister named last, not an earlier speaker with "Minister"
    # in his title ("Deputy Prime Minister")
    result = run(
        "The two countries signed 14 agreements, Deputy Prime Minister Ivo Hart said.",
        "Minister of Industry Ana Ruiz, who co-chaired the talks, called them useful.",
        "“We have agreed on a road map until 2030,” the minister told journalists.",
    )
    assert [result.name(q) for q in result.quotes] == ["Ivo Hart", "Ana Ruiz"]


def test_a_unit_of_an_organisation_speaks_for_it() -> None:
    result = run(
        "Heavy snow is expected in the north on Friday, the Valley Weather Centre warned.",
        "The centre's press service said that up to 25 centimetres could fall in places.",
    )
    assert [result.name(q) for q in result.quotes] == ["Valley Weather Centre"] * 2


def test_an_organisation_named_with_for_is_no_person() -> None:
    result = run("Snow is expected in the north, the Republican Centre for Meteorology warned.")
    quote = one(result)
    speaker = result.speaker(quote)
    assert speaker is not None
    assert (speaker.name, speaker.kind) == ("Republican Centre for Meteorology", ORGANIZATION)


def test_the_press_service_of_an_organisation_speaks_for_it() -> None:
    result = run(
        "According to the press service of the Harbour Ministry, the pier will reopen in May."
    )
    assert result.name(one(result)) == "Harbour Ministry"


def test_a_description_that_opens_with_a_name_is_that_name() -> None:
    result = run("Exports of software grew by a fifth, the Valley Tech Park administration said.")
    assert result.name(one(result)) == "Valley Tech Park"


def test_a_study_speaks_for_whoever_made_it() -> None:
    result = run(
        "Most lakes are cleaner than ten years ago, a study by the Valley Institute shows."
    )
    assert result.name(one(result)) == "Valley Institute"


def test_a_gendered_role_noun_skips_a_person_of_the_other_gender() -> None:
    result = run(
        "“The pier will be finished by December,” Ivo Hart said.",
        "“The costs are falling,” said Ana Ruiz, a spokeswoman for the port.",
        "“We are ready,” the businessman added.",
    )
    assert result.names() == ["Ivo Hart", "Ana Ruiz"]
    assert [q.speaker_id for q in result.quotes] == ["s1", "s2", "s1"]


def test_a_post_at_a_named_body_is_a_person_of_its_own() -> None:
    # "the president of the Harbour Authority" is not the President the post names
    result = run(
        "President Ivo Hart opened the harbour on Monday.",
        "“We are ready,” said the president of the Harbour Authority.",
        "“The ferries will run,” she added.",
    )
    first, second = result.quotes
    assert result.name(first) == "the president of the Harbour Authority"
    assert second.speaker_id == first.speaker_id
    (speaker,) = result.speakers
    assert speaker.affiliations == (
        Affiliation(organization="Harbour Authority", role="president"),
    )


def test_a_pronoun_never_stands_for_several_people_in_a_post() -> None:
    result = run(
        "“The pier will be finished by December,” Ivo Hart said.",
        "“We are ready,” said the officials of the Harbour Authority.",
        "“The ferries will run,” he added.",
    )
    first, second, third = result.quotes
    assert third.speaker_id == first.speaker_id
    assert second.speaker_id != first.speaker_id
