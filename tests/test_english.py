"""Tests of ``newsrecord.parse._english``: when a sample is English past doubt.

Every text below was written for these tests; ``tests/test_language.py`` checks that
langdetect agrees, on these and on real news.
"""

from __future__ import annotations

from newsrecord.parse._english import plainly_english


def test_plain_english_criteria() -> None:
    twelve = "the mayor said that the library would stay open until ten at night"
    assert plainly_english(twelve)
    assert not plainly_english("the mayor said that the library would stay open")
    assert not plainly_english(twelve.replace("the ", "a "))  # no "the"
    assert plainly_english(twelve.replace("at night", "la nuit"))  # one: English
    assert not plainly_english(twelve.replace("at night", "et la nuit"))  # two
    assert not plainly_english(twelve + " café")  # a letter with an accent
    foreign = "the mayor of la ville y el pueblo opened a new bridge across a river to a town"
    assert not plainly_english(foreign)
    # "the" and not one word in eight of the markers: a list of names, say
    names = "the Anna Berg Carl Dahl Eva Falk Gustav Holm Ida Jansson Karl Lind Maria Nilsson"
    assert not plainly_english(names)
