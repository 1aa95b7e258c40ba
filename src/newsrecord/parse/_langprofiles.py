"""langdetect's language profiles, loaded once, lazily, in sorted order, into a factory of our own.

:mod:`~newsrecord.parse._language` never uses langdetect's module-level ``detect()`` and
its one global ``DetectorFactory``, whose seed is unset and whose profiles are loaded in
whatever order ``os.listdir`` gives.  It detects with the factory :func:`get_factory`
returns, which is:

* **Deterministic.**  The factory is seeded (:data:`_SEED`, ``0``), and its profiles are
  loaded in sorted file-name order: the order of the profiles fixes the order in which
  langdetect adds up probabilities, hence the floating-point results, and the order of
  ``os.listdir`` depends on the file system.
* **langdetect's, to the last bit.**  :func:`_build_factory` makes of the profiles the
  factory langdetect's own loader makes (the same languages, n-grams and probabilities,
  and the same errors for bad profiles), in well under half the time, each n-gram's
  probabilities an array of doubles.
* **Thread-safe and fork-safe.**  The profiles (about 0.15 s to read) are loaded once,
  lazily, on the first call of :func:`get_factory`, under a lock; a forked child gets a
  fresh lock.  After that the factory's tables are only read.  A spawned worker simply
  loads the profiles again on its first call.

The few names taken from langdetect, which has no type hints, are given a type here
through the Protocols :class:`Factory`, :class:`Detector` and :class:`Language`.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from array import array
from collections import deque
from collections.abc import Iterable, Sequence
from itertools import filterfalse, repeat
from operator import mul, setitem, truediv
from typing import Final, Protocol

# langdetect has no type hints.  Everything taken from it is Any; it is confined to the
# few lines below and given a type through the Protocols that follow.  The ignore stays
# quiet whether or not the mypy configuration already ignores langdetect's missing stubs.
from langdetect.detector_factory import (  # type: ignore[import-untyped, unused-ignore]
    PROFILES_DIRECTORY,
    DetectorFactory,
)
from langdetect.lang_detect_exception import (  # type: ignore[import-untyped, unused-ignore]
    ErrorCode,
    LangDetectException,
)
from langdetect.utils.lang_profile import (  # type: ignore[import-untyped, unused-ignore]
    LangProfile,
)

__all__ = ["Detector", "Factory", "Language", "get_factory"]

_SEED: Final = 0
"""Seed of langdetect's random walks; any fixed value makes detection deterministic."""


class Language(Protocol):
    """langdetect's ``Language``: one language a detector found, and its probability."""

    lang: str
    prob: float


class Detector(Protocol):
    """langdetect's ``Detector``, as far as it is used: one detection, of one text."""

    n_trial: int

    def set_max_text_length(self, max_text_length: int) -> None: ...

    def append(self, text: str) -> None: ...

    def get_probabilities(self) -> list[Language]: ...


class Factory(Protocol):
    """langdetect's ``DetectorFactory``: the profiles' n-gram probabilities, and detectors."""

    word_lang_prob_map: dict[str, Sequence[float]]

    def create(self, alpha: float | None = None) -> Detector: ...

    def set_seed(self, seed: int) -> None: ...

    def __hash__(self) -> int: ...


_factory: Factory | None = None
_lock = threading.Lock()


def _new_lock_after_fork() -> None:
    # A fork taken while another thread held the lock (loading the profiles) would leave
    # the child with a lock nobody will release.  The child gets a new one; it also has
    # no factory then (it is published only once loaded), so it loads its own.
    global _lock
    _lock = threading.Lock()


if sys.platform != "win32":
    os.register_at_fork(after_in_child=_new_lock_after_fork)


def _read_profiles() -> list[str]:
    """Return the text of every profile langdetect ships, in sorted file-name order."""
    profiles = []
    for name in sorted(os.listdir(PROFILES_DIRECTORY)):
        path = os.path.join(PROFILES_DIRECTORY, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as file:
            profiles.append(file.read())
    return profiles


def _build_factory(json_profiles: Sequence[str]) -> Factory:
    """Return a new, unseeded factory of ``json_profiles``, each n-gram's probabilities an array.

    The factory is the one langdetect's ``DetectorFactory.load_json_profile`` makes of the
    same profiles, with each n-gram's list of probabilities (one a language) then made an
    ``array("d")``: the same languages in the same order, the same n-grams in the same
    order, the same probabilities to the last bit (each computed as langdetect does,
    ``1.0 * count / n_words[length - 1]``, for n-grams of 1 to 3 characters; any other
    n-gram gets zeros), and the same errors (``NeedLoadProfileError`` for fewer than two
    profiles, ``FormatError`` for a malformed profile or a language given twice).
    ``tests/test_langprofiles.py`` compares the two.  Only the work is less: langdetect goes
    through the profiles' 184,000 n-grams one at a time in Python, whereas here each
    profile's n-grams go through chains of ``map`` run by the interpreter's C code, and
    each n-gram's array is a copy of one of zeros.  This takes well under half the time.

    Arrays, not lists: every step of a random walk reads all of an n-gram's
    probabilities, which as a list of floats lie scattered through memory; the same
    values as one array of doubles are read in about 30 % less time (and take less
    memory), and langdetect indexes them as it did the lists.
    """
    langsize = len(json_profiles)
    if langsize < 2:
        raise LangDetectException(ErrorCode.NeedLoadProfileError, "Need more than 2 profiles.")
    factory = DetectorFactory()
    langlist: list[str] = factory.langlist
    try:
        profiles = [LangProfile(**json.loads(text)) for text in json_profiles]
        for profile in profiles:
            if profile.name in langlist:
                raise ValueError(f"language {profile.name!r} given twice")
            langlist.append(profile.name)
        zeros = array("d", bytes(8 * langsize))
        word_probs: dict[str, array[float]] = {}
        for index, profile in enumerate(profiles):
            freq = profile.freq
            # The n-grams met for the first time, in the profile's order, as langdetect
            # adds them, each with its own array of zeros (zip stops when they run out,
            # before copying another).
            new_words = filterfalse(word_probs.__contains__, freq)
            word_probs.update(zip(new_words, map(array.__copy__, repeat(zeros)), strict=False))
            _set_probabilities(word_probs, index, freq, profile.n_words)
    except Exception as error:
        raise LangDetectException(ErrorCode.FormatError, "Profile format error.") from error
    factory.word_lang_prob_map = word_probs
    built: Factory = factory
    return built


def _set_probabilities(
    word_probs: dict[str, array[float]],
    index: int,
    freq: dict[str, int],
    n_words: Sequence[int],
) -> None:
    """Set the probabilities of language ``index`` of each n-gram in its profile's ``freq``.

    As langdetect's ``DetectorFactory.add_profile``: ``1.0 * count / n_words[length - 1]``
    for an n-gram of ``length`` 1 to 3, nothing for any other.  The loop over the n-grams
    is ``map`` calling C functions, consumed by a ``deque`` that keeps nothing.
    """
    lengths = list(map(len, freq))
    words: Iterable[str] = freq.keys()
    counts: Iterable[int] = freq.values()
    if lengths and (min(lengths) < 1 or max(lengths) > 3):
        words = [word for word, length in zip(freq, lengths, strict=True) if 1 <= length <= 3]
        counts = [freq[word] for word in words]
        lengths = [length for length in lengths if 1 <= length <= 3]
    divisors = {length: n_words[length - 1] for length in set(lengths)}
    probabilities = map(truediv, map(mul, repeat(1.0), counts), map(divisors.__getitem__, lengths))
    deque(
        map(setitem, map(word_probs.__getitem__, words), repeat(index), probabilities),
        maxlen=0,
    )


def _load_factory() -> Factory:
    """Return a new seeded factory with every profile langdetect ships, in sorted order."""
    # Profile order fixes the order in which langdetect adds up probabilities, hence
    # the floating-point results; os.listdir order depends on the file system.
    factory = _build_factory(_read_profiles())
    factory.set_seed(_SEED)
    return factory


def get_factory() -> Factory:
    """Return the module's factory, loading it on first use (once, whatever the threads)."""
    global _factory
    factory = _factory
    if factory is None:
        with _lock:
            factory = _factory
            if factory is None:
                factory = _load_factory()
                _factory = factory
    return factory
