"""Tests of ``newsrecord.parse._names``: runs of capitalised words read into names, titles
and organisations, whatever entities were found before.

Every name here is made up (the countries are real only where a title names one).
"""

from __future__ import annotations

import pytest

from newsrecord import Affiliation, SpeakerKind
from newsrecord.parse._entities import find_entities
from newsrecord.parse._names import (
    NEVER_NAMES,
    RUN,
    acronym,
    body_plan,
    description_at_end,
    inside_a_word,
    opens_sentence,
    paragraph_start,
    pieces,
    reading,
    run_plan,
    title_country,
    word_facts,
)


def test_a_run_is_capitalised_words_with_particles_between_them() -> None:
    text = "officials at the Institute of Transport Studies met Mr. Hart and Ana\u00a0Lind."
    assert [match.group() for match in RUN.finditer(text)] == [
        "Institute of Transport Studies",
        "Mr. Hart and Ana\u00a0Lind.",  # one space or no-break space between two words
    ]
    assert "The" in NEVER_NAMES
    assert "But." in NEVER_NAMES
    assert "Hart" not in NEVER_NAMES


def test_pieces_end_at_the_full_stops_that_end_sentences() -> None:
    assert pieces("Ana Varga. Tomas Berg") == ((0, "Ana Varga"), (11, "Tomas Berg"))
    assert pieces("Dr. Ivo Hart") == ((0, "Dr. Ivo Hart"),)
    assert pieces("H. G. Lind.") == ((0, "H. G. Lind"),)
    assert pieces("U.S. Army") == ((0, "U.S. Army"),)


def test_where_sentences_and_paragraphs_open() -> None:
    text = "He left. “Ana spoke to Ivo"
    assert opens_sentence(text, text.index("Ana"), 0)
    assert not opens_sentence(text, text.index("Ivo"), 0)
    assert opens_sentence(text, 0, 0)
    assert paragraph_start("ab\n\ncd", 5) == 4
    assert paragraph_start("abc", 2) == 0


def test_capitals_inside_words() -> None:
    assert inside_a_word("eBoard", 1, 0)
    assert inside_a_word("d’Estaing", 2, 0)
    assert not inside_a_word("x Ana", 2, 0)
    assert not inside_a_word("Ana", 0, 0)


def test_word_facts() -> None:
    assert word_facts("Hart.") == ("Hart", "hart", False, False, False)
    assert word_facts("Lind’s") == ("Lind", "lind", False, False, False)
    assert word_facts("Mr.") == ("Mr.", "mr", False, False, False)
    assert word_facts("NATO") == ("NATO", "nato", True, False, False)
    assert word_facts("Ministry") == ("Ministry", "ministry", True, False, False)
    assert word_facts("The") == ("The", "the", False, True, True)


def test_run_plan_splits_two_names_joined_by_and() -> None:
    assert run_plan("Ana Lind and Ivo Hart", True) == (
        (0, "Ana Lind", True),
        (13, "Ivo Hart", False),
    )
    plan = run_plan("Department of Roads and Bridges", False)
    assert not isinstance(plan, tuple)
    assert plan is not None
    assert (plan.at, plan.body, plan.opens) == (0, "Department of Roads and Bridges", False)


@pytest.mark.parametrize(
    ("run", "opens", "at", "body", "body_opens", "second"),
    [
        ("The Harbour Board", True, 4, "Harbour Board", False, 0),
        ("Praising Ivo Hart", True, 9, "Ivo Hart", False, 0),  # a verb
        ("Rival Ana Lind", True, 0, "Rival Ana Lind", True, 6),  # "Rival" only if "Ana Lind"
        ("Rival Ana Lind", False, 0, "Rival Ana Lind", False, 0),
        ("Ana Lind’s", False, 0, "Ana Lind", False, 0),  # the possessive is no part of it
    ],
)
def test_run_plan_drops_the_words_before_the_name(
    run: str, opens: bool, at: int, body: str, body_opens: bool, second: int
) -> None:
    plan = run_plan(run, opens)
    assert not isinstance(plan, tuple)
    assert plan is not None
    assert (plan.at, plan.body, plan.opens, plan.second) == (at, body, body_opens, second)


def test_run_plan_of_no_name() -> None:
    assert run_plan("The", True) is None
    assert run_plan("But The", False) is None


def test_body_plan() -> None:
    title = body_plan("Deputy Chairman of the Port Authority")
    assert title is not None
    assert (title.rest, title.rest_at) == ("Port Authority", 23)
    owned = body_plan("Lornia’s President Ana Varga")
    assert owned is not None
    assert owned.rest is None
    assert (owned.head, owned.head_at, owned.owner) == ("President Ana Varga", 9, "Lornia")
    ministry = body_plan("Lornia’s Transport Ministry")
    assert ministry is not None
    assert (ministry.head, ministry.owner, ministry.one_word) == (
        "Lornia’s Transport Ministry",
        None,
        False,
    )
    one = body_plan("Hart")
    assert one is not None
    assert one.one_word


def test_reading() -> None:
    assert reading("Estonian Transport Minister Ivo Hart") == (
        "person",
        "Ivo Hart",
        28,
        "Estonian Transport Minister",
        Affiliation(organization="Estonia", role="Transport Minister"),
    )
    assert reading("Mr. Hart") == ("surname", "Hart", 4, "Mr.", None)
    assert reading("NATO")[:2] == ("organization", "NATO")
    assert reading("Harbour Board")[:2] == ("organization", "Harbour Board")
    assert reading("FULL TEXT")[0] is None  # a heading
    assert reading("Lornian President")[0] is None  # a role without a name


def test_acronyms_countries_and_descriptions() -> None:
    assert acronym("NATO")
    assert acronym("U.N.")
    assert not acronym("EASTPORTERS")
    assert not acronym("A")
    assert title_country("Estonian Transport Minister") == "Estonia"
    assert title_country("") is None
    assert description_at_end("Hart met a member of the Chamber Council") == (
        "a member of the Chamber Council",
        False,
    )
    assert description_at_end("Deputy Chairman of the Port Authority") == (
        "Deputy Chairman of the Port Authority",
        True,
    )
    assert description_at_end("") == ("", True)


# How runs read in whole texts (through find_entities)


def test_a_possessive_names_an_organisation_or_a_country() -> None:
    text = (
        "Lornia’s Transport Ministry wrote to Lornia’s President Ana Varga on Monday. "
        "The letter came back."
    )
    entities = find_entities([text], (), ())
    assert [(e.name, e.kind) for e in entities] == [
        ("Lornia’s Transport Ministry", SpeakerKind.ORGANIZATION),
        ("Ana Varga", SpeakerKind.PERSON),
    ]
    assert entities[1].affiliations == (Affiliation(organization="Lornia", role="President"),)
    assert entities[1].mentions[0].text == "President Ana Varga"


def test_sentence_ends_split_runs_of_names() -> None:
    text = (
        "The prize went to Ana Varga. Tomas Berg came second. Dr. Ivo Hart and H. G. Lind judged."
    )
    entities = find_entities([text], (), ())
    assert [entity.name for entity in entities] == [
        "Ana Varga",
        "Tomas Berg",
        "Ivo Hart",
        "H. G. Lind",
    ]
    assert [span.text for span in entities[2].mentions] == ["Dr. Ivo Hart"]


def test_words_inside_other_words_and_lone_words_are_no_names() -> None:
    text = "Sales of the eBoard fell. Analysts blamed Brackwater, and so did Ivo."
    assert find_entities([text], (), ()) == ()


def names(text: str) -> list[tuple[str, SpeakerKind]]:
    return [(entity.name, entity.kind) for entity in find_entities([text], (), ())]


PERSON, ORGANIZATION = SpeakerKind.PERSON, SpeakerKind.ORGANIZATION


def test_a_possessive_after_a_name_is_not_part_of_it() -> None:
    (lind,) = find_entities(["The plan was Ana Lind’s idea, and Lind’s team agreed."], (), ())
    assert lind.name == "Ana Lind"
    assert [span.text for span in lind.mentions] == ["Ana Lind", "Lind"]


def test_and_joins_one_organisation_or_separates_two_names() -> None:
    assert names("Ana Lind and Ivo Hart met the Harbour Board and the Port Authority.") == [
        ("Ana Lind", PERSON),
        ("Ivo Hart", PERSON),
        ("Harbour Board", ORGANIZATION),
        ("Port Authority", ORGANIZATION),
    ]
    assert names("It wrote to the Department of Roads and Bridges in May.") == [
        ("Department of Roads and Bridges", ORGANIZATION)
    ]


def test_headings_countries_places_days_and_laws_are_no_entities() -> None:
    text = (
        "FULL TEXT OF THE SPEECH. EASTPORT (Wire) The U.S. and N.C. officials met on "
        "Election Day in New Harbour about the Clean Harbour Act. NO deal came, said US "
        "sources at 9 EDT. Presidential Debates were held."
    )
    assert names(text) == []


def test_a_verb_opening_a_sentence_is_not_part_of_the_name() -> None:
    text = "Ana Lind spoke first. Praising Ivo Hart, she left. Rival Ana Lind stayed."
    assert names(text) == [("Ana Lind", PERSON), ("Ivo Hart", PERSON)]
    lind = find_entities([text], (), ())[0]
    assert [span.text for span in lind.mentions] == ["Ana Lind", "Ana Lind"]


def test_acronyms_are_organisations_and_long_capitals_are_not() -> None:
    assert names("Officials of the HBA and NATO met; EASTPORTERS cheered.") == [
        ("HBA", ORGANIZATION),
        ("NATO", ORGANIZATION),
    ]


def test_a_role_in_capitals_is_no_organisation() -> None:
    assert reading("MP")[0] is None  # "the MP said": a role, not an acronym
    assert reading("NATO")[0] == "organization"
