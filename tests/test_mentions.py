"""Tests of ``newsrecord.parse._mentions``: finding speaker mentions next to cues.

Every sentence here is made up, with invented people and organisations.  Tests marked
``xfail(strict=True)`` state the correct reading of a natural sentence that the rules get
wrong today (a documented limitation, or a bug to fix).
"""

from __future__ import annotations

import pytest

from newsrecord.parse._mentions import sentence_subject, subject_after, subject_before
from newsrecord.parse._spans import Mention

# ---------------------------------------------------------------------------------------
# HEADER


def _before(text: str, cue: str = " said") -> Mention | None:
    """The subject before the cue in ``text``, checked to point into ``text``."""
    end = text.index(cue) + 1 if cue in text else len(text)
    mention = subject_before(text, end)
    if mention is not None:
        assert text[mention.start : mention.end] == mention.text
        assert mention.end <= end
    return mention


def _after(text: str, cue: str = "said") -> Mention | None:
    """The subject right after the cue in ``text``, checked to point into ``text``."""
    start = text.index(cue) + len(cue)
    mention = subject_after(text, start, len(text))
    if mention is not None:
        assert text[mention.start : mention.end] == mention.text
        assert mention.start >= start
    return mention


# ---------------------------------------------------------------------------------------
# subject_before


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Jana Novak said", "Jana Novak"),
        ("she said", "she"),
        ("He said", "He"),
        ("The bridge is late, he said", "he"),
        ("Laurence H. Tribe said", "Laurence H. Tribe"),
        ("J. R. Okafor said", "J. R. Okafor"),
        ("Ms. Novak said", "Ms. Novak"),
        ("Transport Minister Ana Ruiz said", "Transport Minister Ana Ruiz"),
        ("campaign manager Tomas Brant said", "campaign manager Tomas Brant"),
        ("17-year-old Tomas Brant said", "17-year-old Tomas Brant"),
        ("the Harbour Authority said", "the Harbour Authority"),
        ("The expert said", "The expert"),
        ("federal officials said", "federal officials"),
        ("Ms. Novak’s spokesman said", "Ms. Novak’s spokesman"),
        ("Lornia’s transport minister said", "Lornia’s transport minister"),
        # adverbs and auxiliaries between the subject and the cue belong to neither
        ("Novak also said", "Novak"),
        ("Jana Novak has repeatedly said", "Jana Novak"),
        (
            "Jana Novak of the Institute of Transport Studies said",
            "Jana Novak of the Institute of Transport Studies",
        ),
        ("Sen. Piet Okafor (D-Ore.) said", "Sen. Piet Okafor (D-Ore.)"),
        # a conjunction opens the clause, it is no part of its subject
        ("the pilots agreed, while other captains said", "other captains"),
        # an aside between the subject and the cue
        ("Jana Novak, of course, said", "Jana Novak"),
        # a role noun "for" a person: the role speaks, not the person
        ("A spokesman for Ruiz said", "A spokesman for Ruiz"),
        # "who" after the people it stands for, before a verb of saying
        ("a protest by shop owners who said", "shop owners"),
    ],
)
def test_subject_before(text: str, mention: str) -> None:
    found = _before(text)
    assert found is not None
    assert found.text == mention
    assert found.appositive is None


def test_subject_before_party_tag_keeps_the_name_as_head() -> None:
    found = _before("Rep. Piet Okafor (D-Ore.) said")
    assert found is not None
    assert found.head == "Rep. Piet Okafor"


@pytest.mark.parametrize(
    ("text", "head", "appositive"),
    [
        ("Tomas Brant, 66, said", "Tomas Brant", "66"),
        ("Tomas Brant, a retired ferry captain, said", "Tomas Brant", "a retired ferry captain"),
        ("Tomas Brant, who runs the ferry, said", "Tomas Brant", "who runs the ferry"),
        (
            "Jana Novak, an economist at the Harwell Institute, said",
            "Jana Novak",
            "an economist at the Harwell Institute",
        ),
    ],
)
def test_subject_before_appositive(text: str, head: str, appositive: str) -> None:
    found = _before(text)
    assert found is not None
    assert (found.head, found.appositive) == (head, appositive)
    assert found.text == f"{head}, {appositive}"


def test_subject_before_description_name_appositive() -> None:
    # a description, the name, a second appositive: the name alone is the head
    found = _before("Lornia’s governor, Ivo Hart, a Republican, said")
    assert found is not None
    assert found.text == "Lornia’s governor, Ivo Hart, a Republican"
    assert (found.head, found.appositive) == ("Ivo Hart", "Lornia’s governor")


@pytest.mark.parametrize(
    "text",
    [
        "Harbour Law School who argued",  # a name: the school argues nothing
        "Ana Ruiz, a professor at Eastmoor University who predicted",  # no verb of saying
    ],
)
def test_no_relative_subject_without_people_and_saying(text: str) -> None:
    end = text.rindex(" ") + 1
    found = subject_before(text, end)
    assert found is None or found.text not in {"Harbour Law School", "Eastmoor University"}


def test_subject_before_a_name_with_two_appositives() -> None:
    found = _before("But Ivo Hart, the president of Lornia Ports, a state company, said")
    assert found is not None
    assert found.head == "Ivo Hart"
    assert found.appositive == "the president of Lornia Ports, a state company"


def test_subject_before_respects_the_floor() -> None:
    text = "Tomas Brant left. Jana Novak said"
    found = subject_before(text, text.index(" said") + 1, text.index("Jana"))
    assert found is not None
    assert found.text == "Jana Novak"


@pytest.mark.parametrize(
    "text",
    [
        "The bridge is late said",
        "and then said",
        "",
        "   ",
        "(something odd) said",
    ],
)
def test_subject_before_none(text: str) -> None:
    assert _before(text) is None


def test_subject_before_two_particles() -> None:
    found = _before("Ludwig van der Berg said")
    assert found is not None
    assert found.text == "Ludwig van der Berg"


def test_subject_before_description_with_for() -> None:
    found = _before("a spokesman for the council said")
    assert found is not None
    assert found.text == "a spokesman for the council"


# ---------------------------------------------------------------------------------------
# subject_after


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        (", said Ms. Novak.", "Ms. Novak"),
        (", said Jana Novak.", "Jana Novak"),
        (", said a spokesman for the council.", "a spokesman for the council"),
        (", said the Institute of Transport Studies.", "the Institute of Transport Studies"),
        (", said the economist.", "the economist"),
        (", said officials.", "officials"),
        (", said Laurence H. Tribe.", "Laurence H. Tribe"),
        (", said Sen. Piet Okafor (D-Ore.).", "Sen. Piet Okafor (D-Ore.)"),
        (", said Harbour party boss Ivo Hart.", "Harbour party boss Ivo Hart"),
        # a relative clause of saying is an attribution of its own, not a description
        (", said Ivo Hart, who said the pier was late.", "Ivo Hart"),
        (", said Ms. Novak, who thinks the ferry will run.", "Ms. Novak"),
    ],
)
def test_subject_after(text: str, mention: str) -> None:
    found = _after(text)
    assert found is not None
    assert found.text == mention


@pytest.mark.parametrize(
    ("text", "head", "appositive"),
    [
        (
            ", said Jana Novak, an economist at the Harwell Institute.",
            "Jana Novak",
            "an economist at the Harwell Institute",
        ),
        (
            ", said Laurence H. Tribe, a professor at Harwell University.",
            "Laurence H. Tribe",
            "a professor at Harwell University",
        ),
        (
            ", said Tomas Brant, 66, a retired ferry captain.",
            "Tomas Brant",
            "66, a retired ferry captain",
        ),
        (
            ", said Sen. Piet Okafor (D-Ore.), who chairs the panel.",
            "Sen. Piet Okafor (D-Ore.)",
            "who chairs the panel",
        ),
        (
            # the appositive stops at a participle clause
            ", said Ana Ruiz, the port director, adding that the pier was safe.",
            "Ana Ruiz",
            "the port director",
        ),
    ],
)
def test_subject_after_appositive(text: str, head: str, appositive: str) -> None:
    found = _after(text)
    assert found is not None
    assert (found.head, found.appositive) == (head, appositive)


def test_subject_after_pronoun() -> None:
    found = _after(", said she")
    assert found is not None
    assert found.text == "she"


@pytest.mark.parametrize("text", [", said", ", said that the pier was safe.", ", said 42 times."])
def test_subject_after_none(text: str) -> None:
    assert _after(text) is None


def test_subject_after_pronoun_at_sentence_end() -> None:
    found = _after(", said he.")
    assert found is not None
    assert found.text == "he"


def test_subject_after_two_particles() -> None:
    found = _after(", said Ludwig van der Berg.")
    assert found is not None
    assert found.text == "Ludwig van der Berg"


def test_subject_after_description_without_determiner() -> None:
    found = _after(", said federal officials.")
    assert found is not None
    assert found.text == "federal officials"


def test_subject_after_plural_role_with_organization() -> None:
    found = _after(", said researchers at Harwell University.")
    assert found is not None
    assert found.text == "researchers at Harwell University"


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("52 percent said", "52 percent"),
        ("Among city voters, 74 percent said", "74 percent"),
        ("74 percent backed it, while 22 percent said", "22 percent"),
        ("Almost half of respondents said", "Almost half of respondents"),
        ("Nearly nine out of 10 said", "Nearly nine out of 10"),
        ("More than 40 percent of voters said", "More than 40 percent of voters"),
        ("Half of the residents said", "Half of the residents"),
    ],
)
def test_subject_before_a_share_of_a_poll(text: str, share: str) -> None:
    found = _before(text)
    assert found is not None
    assert found.text == share


def test_a_share_inside_a_phrase_is_no_subject() -> None:
    found = _before("The rent rose by 5 percent said")
    assert found is None or found.text != "5 percent"


@pytest.mark.parametrize(
    "text",
    [
        "The ministry initially said",
        "The ministry now says",
        "The ministry has long said",
        "The ministry first said",
    ],
)
def test_subject_before_skips_adverbs_of_time(text: str) -> None:
    cue = " says" if text.endswith("says") else " said"
    found = _before(text, cue)
    assert found is not None
    assert found.text == "The ministry"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("said one former senior agency official.", "one former senior agency official"),
        ("said one former party leadership aide.", "one former party leadership aide"),
        ("said Lee Park of the Valley delegation.", "Lee Park of the Valley delegation"),
        ("said Lee Park on Monday.", "Lee Park"),
    ],
)
def test_subject_after_keeps_the_nouns_ending_a_description(text: str, mention: str) -> None:
    found = _after(text)
    assert found is not None
    assert found.text == mention


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("The President noted", "The President"),
        ("The head of state stressed", "The head of state"),
        ("the Belarusian head of state said", "the Belarusian head of state"),
        ("President Ana Ruiz said", "President Ana Ruiz"),
    ],
)
def test_subject_before_a_title_used_as_a_description(text: str, mention: str) -> None:
    found = _before(text, " " + text.rsplit(None, 1)[1])
    assert found is not None
    assert found.text == mention


def test_subject_before_passes_over_a_reflexive() -> None:
    found = _before("Mr. Hart himself said")
    assert found is not None
    assert found.text == "Mr. Hart"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("the Wisconsin Republican said", "the Wisconsin Republican"),
        ("the Belarusian President said", "the Belarusian President"),
        ("the White House said", "the White House"),
    ],
)
def test_subject_before_capitalised_description(text: str, mention: str) -> None:
    found = _before(text)
    assert found is not None
    assert found.text == mention


def test_sentence_subject_ends_before_the_sentences_own_verb() -> None:
    text = (
        "The Harbour Association, which represents the pilots, called the strike illegal and"
        " said it would go to court."
    )
    found = sentence_subject(text, 0, text.index(" said") + 1)
    assert found is not None
    assert found.text == "The Harbour Association, which represents the pilots"
    assert found.appositive == "which represents the pilots"


@pytest.mark.parametrize(
    "text",
    ["Ana Ruiz, exasperated, said", "Ana Ruiz, smiling, said", "Ana Ruiz, for her part, said"],
)
def test_an_aside_between_subject_and_cue(text: str) -> None:
    found = _before(text)
    assert found is not None
    assert found.text == "Ana Ruiz"


def test_an_aside_led_by_someone_is_passed_over() -> None:
    found = _before("The pilots, led by harbour master Ivo Hart, said")
    assert found is not None
    assert found.text == "The pilots"


def test_a_name_in_ing_opens_a_sentence_as_its_subject() -> None:
    # "Boreing" reads like a participle ("Speaking to reporters, X said"); with no subject
    # after its clause, it is the subject
    text = "Boreing said the club will meet, but said the rules will change."
    found = sentence_subject(text, 0, text.index("said the rules"))
    assert found is not None
    assert found.text == "Boreing"
    text = "Speaking to reporters, Ana Ruiz said the rules will change."
    found = sentence_subject(text, 0, text.index("said"))
    assert found is not None
    assert found.text == "Ana Ruiz"


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # an adverbial lead-in ends at its comma, before the subject
        ("Back in 1999, Mr. Hart praised the mayor, telling the radio:", "Mr. Hart"),
        ("Ever since Ruiz announced her bid, Ms. Ruiz has said:", "Ms. Ruiz"),
        ("Outside the arena, Ivo Hart told the crowd:", "Ivo Hart"),
        # a pronoun written with its auxiliary is the pronoun
        ("Since the vote, he's said the same thing at every stop:", "he"),
    ],
)
def test_sentence_subject_after_a_lead_in(text: str, subject: str) -> None:
    found = sentence_subject(text, 0, len(text) - 1)
    assert found is not None
    assert found.text == subject


def test_subject_before_head_of_the_state() -> None:
    found = _before("the head of the Lornian state said")
    assert found is not None
    assert found.text == "the head of the Lornian state"


def test_went_on_to_stands_between_the_subject_and_its_cue() -> None:
    text = "Ivo Hart went on to say that the pier would reopen."
    mention = subject_before(text, text.index("say"))
    assert mention is not None
    assert mention.text == "Ivo Hart"
