"""Tests of ``newsrecord._langtag``: well-formed BCP 47 tags and their canonical case."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsrecord import _langtag
from newsrecord._langtag import is_language_tag, normalize_language_tag


@pytest.mark.parametrize(
    ("tag", "canonical"),
    [
        ("en", "en"),
        ("EN", "en"),
        ("zh-cn", "zh-CN"),
        ("ZH-tw", "zh-TW"),
        ("sr-latn-rs", "sr-Latn-RS"),
        ("SR-LATN-RS", "sr-Latn-RS"),
        ("es-419", "es-419"),
        ("zh-yue-hk", "zh-yue-HK"),
        ("zh-cmn-hans-cn", "zh-cmn-Hans-CN"),
        ("de-CH-1996", "de-CH-1996"),
        ("sl-rozaj-biske", "sl-rozaj-biske"),
        ("en-US-u-CA-gregory", "en-US-u-ca-gregory"),
        ("en-a-bbb-x-a-ccc", "en-a-bbb-x-a-ccc"),
        ("en-CA-X-CA", "en-CA-x-ca"),
        ("az-latn-x-LATN", "az-Latn-x-latn"),
        ("und", "und"),
        ("iw", "iw"),
    ],
)
def test_normalize_language_tag(tag: str, canonical: str) -> None:
    assert is_language_tag(tag)
    assert normalize_language_tag(tag) == canonical
    assert normalize_language_tag(canonical) == canonical


@pytest.mark.parametrize(
    "tag",
    [
        "",
        "e",
        "english",
        "en_US",
        "en--us",
        "en-",
        "-en",
        "123",
        "en-u",
        "en-x",
        "en-u-",
        "en-abcdefghi",
        "x-private",
        "i-klingon",
        "en-US-x-",
        " en",
        "en\n",
        "ſr",  # Unicode folds this to "sr"; BCP 47 is ASCII
        "e\u0301n",
        "en-ſcript",
    ],
)
def test_malformed_tags(tag: str) -> None:
    assert not is_language_tag(tag)
    with pytest.raises(ValueError, match="not a well-formed BCP 47 language tag"):
        normalize_language_tag(tag)


@given(st.text(max_size=20))
def test_normalize_is_idempotent_and_agrees_with_is_language_tag(tag: str) -> None:
    if is_language_tag(tag):
        canonical = normalize_language_tag(tag)
        assert canonical.lower() == tag.lower()
        assert normalize_language_tag(canonical) == canonical
    else:
        with pytest.raises(ValueError, match="BCP 47"):
            normalize_language_tag(tag)


def test_docstring_examples() -> None:
    failures, tried = doctest.testmod(_langtag)
    assert tried > 0
    assert failures == 0


def test_public_names() -> None:
    assert sorted(_langtag.__all__) == ["is_language_tag", "normalize_language_tag"]
