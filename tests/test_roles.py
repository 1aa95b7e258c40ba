"""Tests of ``newsrecord.parse._roles``: names, roles and affiliations read from mentions.

Every sentence here is made up, with invented people and organisations.  Tests marked
``xfail(strict=True)`` state the correct reading of a natural sentence that the rules get
wrong today (a documented limitation, or a bug to fix).
"""

from __future__ import annotations

import pytest

from newsrecord import Affiliation, SpeakerKind
from newsrecord.parse import _roles
from newsrecord.parse._roles import (
    affiliation_of,
    classify,
    is_description,
    is_organization,
    read_name,
    split_title,
)
from parse_helpers import (
    ORGANIZATION,
    PERSON,
    one,
    run,
)

# ---------------------------------------------------------------------------------------
# attribute: affiliations and titles


@pytest.mark.parametrize(
    "paragraph",
    [
        "Jana Novak, an economist at the Harwell Institute, said the bridge would open in May.",
        "Jana Novak, an economist at the Harwell Institute, said: “The bridge will open in May.”",
        "“The bridge will open in May,” said Jana Novak, an economist at the Harwell Institute.",
        "“The bridge will open in May,” Jana Novak, an economist at the Harwell Institute, said.",
    ],
)
def test_appositive_gives_affiliation(paragraph: str) -> None:
    result = run(paragraph)
    quote = one(result)
    (speaker,) = result.speakers
    assert quote.speaker_id == speaker.id
    assert speaker.name == "Jana Novak"
    assert speaker.kind is PERSON
    assert [(a.organization, a.role) for a in speaker.affiliations] == [
        ("Harwell Institute", "economist")
    ]
    assert quote.mention == "Jana Novak, an economist at the Harwell Institute"


def test_a_title_in_quotation_marks_stays_in_the_appositive() -> None:
    assert (
        _roles.cut_appositive(' a columnist for "The Harbour Times", said the plan was dead.')
        == 'a columnist for "The Harbour Times"'
    )
    assert _roles.cut_appositive(" the expert, “The plan is dead.”") == "the expert"


def test_appositive_with_of_organization() -> None:
    result = run(
        "Jana Novak, an economist at the Institute of Transport Studies, said the toll was "
        "too high."
    )
    (speaker,) = result.speakers
    assert [(a.organization, a.role) for a in speaker.affiliations] == [
        ("Institute of Transport Studies", "economist")
    ]


def test_name_of_organization() -> None:
    result = run(
        "Jana Novak of the Institute of Transport Studies said the toll was too high for families."
    )
    (speaker,) = result.speakers
    assert speaker.name == "Jana Novak"
    assert [a.organization for a in speaker.affiliations] == ["Institute of Transport Studies"]


def test_title_before_name_gives_role() -> None:
    result = run("Defence Minister Piet Okafor said the navy would buy two new ships.")
    quote = one(result)
    (speaker,) = result.speakers
    assert speaker.name == "Piet Okafor"
    assert quote.mention == "Defence Minister Piet Okafor"
    assert [(a.organization, a.role) for a in speaker.affiliations] == [(None, "Defence Minister")]


def test_title_with_unknown_word_gives_full_role() -> None:
    result = run("Transport Minister Ana Ruiz said the bridge would open in May.")
    (speaker,) = result.speakers
    assert speaker.name == "Ana Ruiz"
    assert [(a.role or "").lower() for a in speaker.affiliations] == ["transport minister"]


# ---------------------------------------------------------------------------------------
# classify


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        ("he", "pronoun"),
        ("She", "pronoun"),
        ("I", "pronoun"),
        ("we", "pronoun"),
        ("they", "pronoun"),
        ("it", "pronoun"),
        ("Ms. Novak", "honorific"),
        ("Mr. Brant", "honorific"),
        ("Dr. Okafor", "honorific"),
        ("Jana Novak", "name"),
        ("Sen. Piet Okafor", "name"),
        ("Transport Minister Ana Ruiz", "name"),
        ("Harbour Authority", "name"),
        ("the Harbour Authority", "name"),
        ("the expert", "description"),
        ("The ministry", "description"),
        ("a spokesman for the council", "description"),
        ("officials", "description"),
        ("federal officials", "description"),
        ("the Florida senator", "description"),
        ("The officials", "description"),
        ("", "other"),
        ("   ", "other"),
    ],
)
def test_classify(head: str, kind: str) -> None:
    assert classify(head) == kind


@pytest.mark.parametrize("head", ["Officials", "Critics"])
def test_classify_capitalised_plural_role_noun(head: str) -> None:
    assert classify(head) == "description"


# ---------------------------------------------------------------------------------------
# split_title


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("Transport Minister Ana Ruiz", ("Ana Ruiz", "Transport Minister")),
        ("Defence Minister Piet Okafor", ("Piet Okafor", "Defence Minister")),
        ("former Prime Minister Ana Ruiz", ("Ana Ruiz", "former Prime Minister")),
        ("campaign manager Tomas Brant", ("Tomas Brant", "campaign manager")),
        ("Senator Piet Okafor", ("Piet Okafor", "Senator")),
        ("Dr. Jana Novak", ("Jana Novak", "Dr.")),
        ("Jana Novak", ("Jana Novak", None)),
        ("Ludwig van der Berg", ("Ludwig van der Berg", None)),
        ("Harwell Institute", ("Harwell Institute", None)),
        ("Novak", ("Novak", None)),
        ("Lornia’s Jana Novak", ("Jana Novak", "Lornia’s")),
        ("the Gull Herald's Ivo Hart", ("Ivo Hart", "the Gull Herald's")),
    ],
)
def test_split_title(head: str, expected: tuple[str, str | None]) -> None:
    assert split_title(head) == expected


# ---------------------------------------------------------------------------------------
# is_organization


@pytest.mark.parametrize(
    "name",
    [
        "NATO",
        "U.N.",
        "LBC",
        "Harbour Authority",
        "Harwell Institute",
        "Institute of Transport Studies",
        "Lornia Transport Ministry",
        "Bank of Lornia",
        "the Daily Gull Herald",
        "Eastmoor University",
    ],
)
def test_is_organization(name: str) -> None:
    assert is_organization(name)


@pytest.mark.parametrize(
    "name", ["Jana Novak", "Ms. Novak", "Piet Okafor", "Ludwig van der Berg", "A", "I", "x"]
)
def test_is_not_organization(name: str) -> None:
    assert not is_organization(name)


# ---------------------------------------------------------------------------------------
# read_name


@pytest.mark.parametrize(
    ("head", "appositive", "expected"),
    [
        (
            "Jana Novak of the Institute of Transport Studies",
            None,
            (
                "Jana Novak",
                PERSON,
                Affiliation(organization="Institute of Transport Studies"),
            ),
        ),
        (
            "Piet Okafor of Harwell University",
            None,
            ("Piet Okafor", PERSON, Affiliation(organization="Harwell University")),
        ),
        (
            "the Institute of Transport Studies",
            None,
            ("Institute of Transport Studies", ORGANIZATION, None),
        ),
        ("the Harbour Authority", None, ("Harbour Authority", ORGANIZATION, None)),
        ("NATO", None, ("NATO", ORGANIZATION, None)),
        ("Jana Novak", None, ("Jana Novak", PERSON, None)),
        ("Ms. Novak", None, ("Novak", PERSON, None)),
        ("Ludwig van der Berg", None, ("Ludwig van der Berg", PERSON, None)),
        ("Sen. Piet Okafor (D-Ore.)", None, ("Piet Okafor", PERSON, None)),
        (
            "Jana Novak",
            "an economist at the Harwell Institute",
            (
                "Jana Novak",
                PERSON,
                Affiliation(organization="Harwell Institute", role="economist"),
            ),
        ),
        (
            "Piet Okafor",
            "chief economist at Lornia Bank",
            (
                "Piet Okafor",
                PERSON,
                Affiliation(organization="Lornia Bank", role="chief economist"),
            ),
        ),
        (
            "Jana Novak",
            "the port director",
            ("Jana Novak", PERSON, Affiliation(role="port director")),
        ),
        ("Jana Novak", "66", ("Jana Novak", PERSON, None)),
        (
            "Defence Minister Piet Okafor",
            None,
            ("Piet Okafor", PERSON, Affiliation(role="Defence Minister")),
        ),
    ],
)
def test_read_name(
    head: str, appositive: str | None, expected: tuple[str, SpeakerKind, Affiliation | None]
) -> None:
    assert read_name(head, appositive) == expected


@pytest.mark.parametrize(
    "head",
    [
        "Secretary of State Ana Ruiz",
        "former Secretary of State Ana Ruiz",
        "Speaker of the House Rep. Ana Ruiz",
    ],
)
def test_read_name_title_with_of(head: str) -> None:
    name, kind, affiliation = read_name(head, None)
    assert (name, kind) == ("Ana Ruiz", PERSON)
    assert affiliation is not None
    assert affiliation.role is not None
    assert affiliation.role.endswith(("Secretary", "Speaker"))


@pytest.mark.parametrize(
    ("head", "name", "role", "organization"),
    [
        # "TITLE of the ORGANISATION NAME", the way the region's outlets write officials
        (
            "Chairman of the Varnov Regional Executive Committee Ivo Hart",
            "Ivo Hart",
            "Chairman",
            "Varnov Regional Executive Committee",
        ),
        (
            "First Deputy Chairman of the State Border Committee Ivo Hart",
            "Ivo Hart",
            "First Deputy Chairman",
            "State Border Committee",
        ),
        ("Rector of the Stanograd State University Ana Ruiz", "Ana Ruiz", "Rector", None),
        # a name of more than two words right after "of" or "to" keeps its last two
        (
            "Speaker of the House of Representatives Ana Ruiz",
            "Ana Ruiz",
            "Speaker",
            "House of Representatives",
        ),
        (
            "Deputy Head of the Ministry of Emergency Situations Ana Ruiz",
            "Ana Ruiz",
            "Deputy Head",
            "Ministry of Emergency Situations",
        ),
        ("Ambassador of Lornia to Norland Ivo Hart", "Ivo Hart", "Ambassador", None),
        ("Minister of Agriculture and Food Ana Ruiz", "Ana Ruiz", "Minister", None),
        # a capitalised title of words no list has, ending in a role noun: all of it
        (
            "Chief Freelance Infectious Disease Specialist of the Ministry of Health Ivo Hart",
            "Ivo Hart",
            "Chief Freelance Infectious Disease Specialist",
            "Ministry of Health",
        ),
        (
            "Chairman of the Standing Commission on Harbour Policy of the Council Ana Ruiz",
            "Ana Ruiz",
            "Chairman",
            "Standing Commission on Harbour Policy of the Council",
        ),
        (
            "Agriculture and Food Minister Ana Ruiz",
            "Ana Ruiz",
            "Agriculture and Food Minister",
            None,
        ),
        ("Head coach of the national team Ivo Hart", "Ivo Hart", "Head coach", None),
        ("Chief of the General Staff Ivo Hart", "Ivo Hart", "Chief", "General Staff"),
        ("Chief physician of the centre Ana Ruiz", "Ana Ruiz", "Chief physician", None),
        # ... and the initials before them
        ("Director of the Harbour Authority Ana B. Ruiz", "Ana B. Ruiz", "Director", None),
        # a country's adjective before a title names the country
        ("Belarusian President Ivo Hart", "Ivo Hart", "President", "Belarus"),
    ],
)
def test_read_name_title_and_organization(
    head: str, name: str, role: str, organization: str | None
) -> None:
    found, kind, affiliation = read_name(head, None)
    assert (found, kind) == (name, PERSON)
    assert affiliation is not None
    assert affiliation.role == role
    if organization is not None:
        assert affiliation.organization == organization


def test_a_lower_case_organisation_word_names_no_organisation() -> None:
    affiliation = read_name("Director General of the company Ivo Hart", None)[2]
    assert affiliation == Affiliation(role="Director General")


def test_heading_a_unit_of_an_organisation() -> None:
    affiliation = affiliation_of(
        "who heads the laboratory of soil ecology at the National Academy of Sciences", None
    )
    assert affiliation == Affiliation(
        organization="National Academy of Sciences", role="head of the laboratory of soil ecology"
    )


def test_read_name_of_after_a_name_is_no_title() -> None:
    assert read_name("Ana Ruiz of Lornia Bank", None)[0] == "Ana Ruiz"


def test_read_name_title_gives_role() -> None:
    name, kind, affiliation = read_name("Transport Minister Ana Ruiz", None)
    assert (name, kind) == ("Ana Ruiz", PERSON)
    assert affiliation is not None
    assert affiliation.role is not None
    assert affiliation.role.lower().endswith("minister")


def test_read_name_title_keeps_every_title_word() -> None:
    _name, _kind, affiliation = read_name("Transport Minister Ana Ruiz", None)
    assert affiliation is not None
    assert affiliation.role is not None
    assert affiliation.role.lower() == "transport minister"


def test_read_name_of_organization_and_appositive_role() -> None:
    assert read_name("Jana Novak of Lornia Bank", "a senior analyst") == (
        "Jana Novak",
        PERSON,
        Affiliation(organization="Lornia Bank", role="senior analyst"),
    )


# ---------------------------------------------------------------------------------------
# affiliation_of


@pytest.mark.parametrize(
    ("appositive", "title", "expected"),
    [
        (
            "an economist at the Harwell Institute",
            None,
            Affiliation(organization="Harwell Institute", role="economist"),
        ),
        (
            "an economist at the Institute of Transport Studies",
            None,
            Affiliation(organization="Institute of Transport Studies", role="economist"),
        ),
        (
            "a senior analyst with the Bank of Lornia",
            None,
            Affiliation(organization="Bank of Lornia", role="senior analyst"),
        ),
        (
            "a spokeswoman for the Harbour Authority",
            None,
            Affiliation(organization="Harbour Authority", role="spokeswoman"),
        ),
        (
            # only the first part of an appositive counts
            "an economist at the Harwell Institute, who studies ferries",
            None,
            Affiliation(organization="Harwell Institute", role="economist"),
        ),
        ("the port director", None, Affiliation(role="port director")),
        (None, "Defence Minister", Affiliation(role="Defence Minister")),
        (None, "campaign manager", Affiliation(role="campaign manager")),
        (
            None,
            "Harwell Institute director",
            Affiliation(organization="Harwell Institute", role="director"),
        ),
        (None, None, None),
        ("", None, None),
        ("66", None, None),
        ("who runs the port", None, None),
        (None, "Jana", None),
        (None, "Dr.", None),
    ],
)
def test_affiliation_of(
    appositive: str | None, title: str | None, expected: Affiliation | None
) -> None:
    assert affiliation_of(appositive, title) == expected


def test_affiliation_of_prefers_the_appositive() -> None:
    assert affiliation_of("an economist at the Harwell Institute", "Defence Minister") == (
        Affiliation(organization="Harwell Institute", role="economist")
    )


def test_affiliation_of_unknown_title_word() -> None:
    assert affiliation_of(None, "Transport Minister") == Affiliation(role="Transport Minister")


def test_affiliation_of_possessive_title() -> None:
    affiliation = affiliation_of(None, "Lornia’s Defence Minister")
    assert affiliation is not None
    assert affiliation.role == "Defence Minister"
    assert affiliation.organization in {None, "Lornia"}


@pytest.mark.parametrize(
    ("appositive", "expected"),
    [
        (
            "who heads the Eastmoor Transport Institute",
            Affiliation(organization="Eastmoor Transport Institute", role="head"),
        ),
        (
            "who chairs the Eastmoor Rowing Club",
            Affiliation(organization="Eastmoor Rowing Club", role="chair"),
        ),
        (
            "the Harbour Authority's chief",
            Affiliation(organization="Harbour Authority", role="chief"),
        ),
    ],
)
def test_affiliation_of_relative_clause_and_possessive(
    appositive: str, expected: Affiliation
) -> None:
    assert affiliation_of(appositive, None) == expected


@pytest.mark.parametrize(
    ("appositive", "expected"),
    [
        ("an economist at the Valley Institute", True),
        ("the council's chief", True),
        ("30, a member of the council", True),
        ("referring to the council", False),
        ("would be clear since the council has no money", False),  # the sentence's verb
        ("has told the council", False),
    ],
)
def test_is_description(appositive: str, expected: bool) -> None:
    assert is_description(appositive.split()) is expected


def test_a_possessive_before_a_role_is_no_part_of_it() -> None:
    result = run("“The union is holding us hostage,” its director general, Ivo Hart, said.")
    (speaker,) = result.speakers
    assert speaker.name == "Ivo Hart"
    assert speaker.affiliations == (Affiliation(role="director general"),)


@pytest.mark.parametrize(
    ("head", "name"),
    [
        ("President of Lornia Ana Ruiz", "Ana Ruiz"),
        ("Governor of the Harbour Oblast Ivo Hart", "Ivo Hart"),
        ("Secretary of State Ana Ruiz", "Ana Ruiz"),
    ],
)
def test_a_title_with_the_place_it_is_of(head: str, name: str) -> None:
    read, kind, _affiliation = read_name(head, None)
    assert (read, kind) == (name, SpeakerKind.PERSON)


def test_a_lower_case_title_before_a_full_name_is_a_name() -> None:
    # (the paragraph's first word written lower case after a comma: "..., director of the
    # enterprise Ana Ruiz told ...")
    assert classify("director of the enterprise Ana Ruiz") == "name"
    assert read_name("director of the enterprise Ana Ruiz", None)[0] == "Ana Ruiz"
    # "early results of exit polls by Edison Research" stays no name
    assert classify("early results of exit polls by Valley Research") == "description"
