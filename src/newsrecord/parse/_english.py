"""English told without langdetect: a sample whose words leave no doubt.

:func:`plainly_english` is the check ``_language`` makes before it asks langdetect: a
sample in Latin letters without accents, with "the" and enough of English's commonest
words that no other language shares (:data:`~newsrecord.parse._lexicon.ENGLISH_MARKERS`)
and hardly any of the commonest words of other languages in Latin letters
(:data:`~newsrecord.parse._lexicon.OTHER_LATIN_MARKERS`), is English.  It only saves
langdetect's random walks: on every sample of the PolNeAR news it passes, langdetect
answers English too.
"""

from __future__ import annotations

import re
from typing import Final

from newsrecord.parse._lexicon import (
    ENGLISH_MARKERS,
    OTHER_LATIN_MARKERS,
)

__all__ = ["plainly_english"]


#: A word in Latin letters, with apostrophes inside ("didn't").
_ASCII_WORD: Final = re.compile(r"[a-z]+(?:['’][a-z]+)*")

#: Words a sample needs, and the share of them of :data:`ENGLISH_MARKERS` (in percent), to
#: be told English without langdetect.
_ENGLISH_MIN_WORDS: Final = 12
_ENGLISH_MIN_SHARE: Final = 8


def plainly_english(sample: str) -> bool:
    """Whether ``sample`` is English past doubt, so that langdetect need not be asked.

    Its letters are all Latin without accents, it has at least :data:`_ENGLISH_MIN_WORDS`
    words, "the" among them, at least :data:`_ENGLISH_MIN_SHARE` % of them are
    :data:`~newsrecord.parse._lexicon.ENGLISH_MARKERS`, and at most one is one of
    :data:`~newsrecord.parse._lexicon.OTHER_LATIN_MARKERS`.  On every such sample of the
    PolNeAR news (87 % of its articles) langdetect answers English too
    (``tests/test_language.py`` checks it): this only saves its random walks.
    """
    if not sample.isascii() and any(ch.isalpha() and not ch.isascii() for ch in sample):
        return False
    words = _ASCII_WORD.findall(sample.lower())
    if len(words) < _ENGLISH_MIN_WORDS or "the" not in words:
        return False
    if sum(1 for word in words if word in OTHER_LATIN_MARKERS) > 1:
        return False
    english = sum(1 for word in words if word in ENGLISH_MARKERS)
    return english * 100 >= _ENGLISH_MIN_SHARE * len(words)
