"""Tests of ``newsrecord.parse._langprofiles``: langdetect's profiles, loaded into a factory.

The factory built is langdetect's to the last bit, with langdetect's errors for bad
profiles; the one loaded has every profile langdetect ships and is seeded; a process
forked while another thread is loading it loads its own.  Every profile below, other than
langdetect's, was written for these tests.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from array import array
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from langdetect.detector_factory import (  # type: ignore[import-untyped, unused-ignore]
    PROFILES_DIRECTORY,
    DetectorFactory,
)
from langdetect.lang_detect_exception import (  # type: ignore[import-untyped, unused-ignore]
    ErrorCode,
    LangDetectException,
)

from newsrecord.parse import _langprofiles
from newsrecord.parse._language import detect_language
from test_language import DE

# --- the fast profile loader builds what langdetect builds ----------------------------


def _langdetect_factory(json_profiles: list[str], seed: int | None = None) -> object:
    """A factory made the plain langdetect way, its lists of probabilities then made arrays."""
    factory = DetectorFactory()
    factory.load_json_profile(json_profiles)
    if seed is not None:
        factory.set_seed(seed)
    word_probs = factory.word_lang_prob_map
    for word, probabilities in word_probs.items():
        word_probs[word] = array("d", probabilities)
    return factory


def _assert_same_factory(factory: object, expected: object) -> None:
    """Assert that two factories are alike to the last bit of every probability."""
    assert type(factory) is type(expected)
    attributes, expected_attributes = vars(factory), vars(expected)
    assert list(attributes) == list(expected_attributes)  # set in the same order
    others = {name: value for name, value in attributes.items() if name != "word_lang_prob_map"}
    expected_others = {
        name: value for name, value in expected_attributes.items() if name != "word_lang_prob_map"
    }
    assert others == expected_others  # langlist (in order), seed
    word_probs = attributes["word_lang_prob_map"]
    expected_word_probs = expected_attributes["word_lang_prob_map"]
    assert list(word_probs) == list(expected_word_probs)  # the same n-grams in the same order
    assert all(type(probabilities) is array for probabilities in word_probs.values())
    assert {probabilities.typecode for probabilities in word_probs.values()} <= {"d"}
    assert all(word_probs[word] == expected for word, expected in expected_word_probs.items())
    assert b"".join(probabilities.tobytes() for probabilities in word_probs.values()) == b"".join(
        probabilities.tobytes() for probabilities in expected_word_probs.values()
    )


def _langdetect_profile_texts() -> list[str]:
    names = sorted(os.listdir(PROFILES_DIRECTORY))
    return [
        Path(PROFILES_DIRECTORY, name).read_text(encoding="utf-8")
        for name in names
        if not name.startswith(".") and Path(PROFILES_DIRECTORY, name).is_file()
    ]


def test_loaded_factory_is_langdetects_bit_for_bit() -> None:
    texts = _langdetect_profile_texts()
    assert _langprofiles._read_profiles() == texts
    expected = _langdetect_factory(texts, seed=_langprofiles._SEED)
    factory = _langprofiles._load_factory()
    _assert_same_factory(factory, expected)
    assert len(vars(factory)["langlist"]) == 55
    assert vars(factory)["seed"] == 0


def _profile(name: str, freq: dict[str, int], n_words: list[int]) -> str:
    return json.dumps({"name": name, "freq": freq, "n_words": n_words})


def test_built_factory_is_langdetects_on_odd_profiles() -> None:
    texts = [
        # N-grams of no length and of more than 3 characters get zeros only; counts and
        # totals past 2**53 are rounded as langdetect rounds them (to a float first).
        _profile("aa", {"b": 3, "": 4, "abcd": 5, "ab": 7, "abc": 1}, [10, 21, 3]),
        _profile("bb", {"xyz": 2**60 + 1, "ab": 1, "q": 1, "abcd": 9}, [7, 3, 2**61 - 1, 5]),
        _profile("cc", {"abc": 2**53 + 1}, [0, 0, 3]),  # 3002399751580330.5, not ...331.0
        _profile("dd", {"é": 1, "中文": 2}, [3, 7]),  # no 3-grams: no third total needed
        _profile("ee", {}, []),
    ]
    _assert_same_factory(_langprofiles._build_factory(texts), _langdetect_factory(texts))


def _error_of(build: Callable[[list[str]], object], texts: list[str]) -> tuple[object, str]:
    with pytest.raises(LangDetectException) as caught:
        build(texts)
    return caught.value.code, str(caught.value)


@pytest.mark.parametrize(
    ("texts", "code"),
    [
        ([], ErrorCode.NeedLoadProfileError),
        ([_profile("aa", {"a": 1}, [1, 1, 1])], ErrorCode.NeedLoadProfileError),
        ([_profile("aa", {"a": 1}, [1, 1, 1])] * 2, ErrorCode.FormatError),  # duplicate
        ([_profile("aa", {"a": 1}, [1, 1, 1]), "{not json"], ErrorCode.FormatError),
        ([_profile("aa", {"a": 1}, [1, 1, 1]), '{"name": "bb", "x": 1}'], ErrorCode.FormatError),
        ([_profile("aa", {"a": 1}, [0, 1, 1]), _profile("bb", {}, [])], ErrorCode.FormatError),
        ([_profile("aa", {"ab": 1}, [1]), _profile("bb", {}, [])], ErrorCode.FormatError),
    ],
)
def test_built_factory_raises_what_langdetect_raises(texts: list[str], code: object) -> None:
    error = _error_of(_langprofiles._build_factory, texts)
    assert error == _error_of(_langdetect_factory, texts)
    assert error[0] == code


_freqs = st.dictionaries(st.text(max_size=5), st.integers(0, 2**64), max_size=12)
_totals = st.lists(st.integers(1, 2**64), min_size=3, max_size=4) | st.lists(
    st.integers(-2, 2**64), max_size=4
)
_profiles = st.lists(st.tuples(st.sampled_from(["aa", "bb"]), _freqs, _totals), max_size=5).map(
    # Mostly names of their own; sometimes one name given twice.
    lambda profiles: [
        _profile(name if name == "aa" and index % 3 == 2 else f"{name}{index}", freq, totals)
        for index, (name, freq, totals) in enumerate(profiles)
    ]
)


@settings(max_examples=200)
@given(_profiles)
def test_built_factory_is_langdetects_on_any_profiles(texts: list[str]) -> None:
    try:
        expected = _langdetect_factory(texts)
    except LangDetectException:
        assert _error_of(_langprofiles._build_factory, texts) == _error_of(
            _langdetect_factory, texts
        )
    else:
        _assert_same_factory(_langprofiles._build_factory(texts), expected)


# --- fork safety ----------------------------------------------------------------------


def _detect_and_send(connection: Connection, text: str) -> None:
    connection.send(detect_language(text))
    connection.close()


@pytest.mark.skipif(not hasattr(os, "register_at_fork"), reason="no fork on this platform")
def test_fork_while_profiles_are_being_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    # As if another thread were loading the profiles (holding the lock) at the fork.
    monkeypatch.setattr(_langprofiles, "_factory", None)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    with _langprofiles._lock:
        process = context.Process(target=_detect_and_send, args=(sender, DE))
        process.start()
        try:
            assert receiver.poll(30), "the forked child is stuck on the inherited lock"
            assert receiver.recv() == "de"
        finally:
            process.join(timeout=10)
            if process.is_alive():
                process.kill()
