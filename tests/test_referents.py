"""Tests of ``newsrecord.parse._referents``: the records coreference resolves mentions to.

Every name here is made up.
"""

from __future__ import annotations

from newsrecord import Affiliation, SpeakerKind
from newsrecord.parse._referents import Referent, creation


def test_aliases_keep_neither_the_name_nor_a_pronoun_nor_a_repeat() -> None:
    person = Referent(name="Ivo Hart", kind=SpeakerKind.PERSON)
    for alias in ("Mr. Hart", " Ivo Hart ", "he", "She", "Mr. Hart", "", "the minister"):
        person.add_alias(alias)
    assert person.aliases == ["Mr. Hart", "the minister"]


def test_affiliations_are_kept_once_and_none_is_no_affiliation() -> None:
    person = Referent(name="Ana Ruiz", kind=SpeakerKind.PERSON)
    port = Affiliation(organization="Harbour Authority", role="spokeswoman")
    person.add_affiliation(port)
    person.add_affiliation(None)
    person.add_affiliation(Affiliation(organization="Harbour Authority", role="spokeswoman"))
    assert person.affiliations == [port]


def test_surname_is_the_last_word_in_lower_case() -> None:
    assert Referent(name="Ludwig van der Berg", kind=SpeakerKind.PERSON).surname == "berg"
    assert Referent(name="Mr. Hart.", kind=SpeakerKind.PERSON).surname == "hart"
    assert Referent(name="", kind=SpeakerKind.PERSON).surname == ""


def test_referents_are_equal_to_themselves_only() -> None:
    one = Referent(name="Ivo Hart", kind=SpeakerKind.PERSON, order=0)
    other = Referent(name="Ivo Hart", kind=SpeakerKind.PERSON, order=0)
    assert one == one
    assert one != other
    assert one in [one]
    assert one not in [other]


def test_creation_orders_by_when_a_referent_was_made() -> None:
    made = [Referent(name=n, kind=SpeakerKind.PERSON, order=i) for i, n in enumerate("ABC")]
    assert max(reversed(made), key=creation) is made[-1]
    assert sorted([made[2], made[0], made[1]], key=creation) == made


def test_a_referent_is_named_until_told_it_is_described() -> None:
    assert Referent(name="Ivo Hart", kind=SpeakerKind.PERSON).described is False
