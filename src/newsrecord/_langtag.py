"""BCP 47 language tags: whether a tag is well-formed, and its canonical case.

The record model checks :attr:`~newsrecord.Article.language` with :func:`is_language_tag`;
the parser gives detected and declared languages in the case :func:`normalize_language_tag`
returns (``zh-cn`` becomes ``zh-CN``).
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["is_language_tag", "normalize_language_tag"]


_ALNUM: Final = "[a-z0-9]"
_LANGTAG_RE: Final = re.compile(
    r"[a-z]{2,3}(?:-[a-z]{3}){0,3}"  # language, up to three extended language subtags
    r"(?:-[a-z]{4})?"  # script
    r"(?:-(?:[a-z]{2}|[0-9]{3}))?"  # region
    rf"(?:-(?:{_ALNUM}{{5,8}}|[0-9]{_ALNUM}{{3}}))*"  # variants
    rf"(?:-[0-9a-wyz](?:-{_ALNUM}{{2,8}})+)*"  # extensions
    rf"(?:-x(?:-{_ALNUM}{{1,8}})+)?",  # private use
    re.ASCII | re.IGNORECASE,
)


def is_language_tag(tag: str) -> bool:
    """Return whether ``tag`` is a well-formed BCP 47 (RFC 5646) language tag.

    The syntax checked is RFC 5646's ``langtag``, in any case: a language of 2 or 3
    letters with up to three 3-letter extended language subtags, then optionally a script
    (4 letters), a region (2 letters or 3 digits), variants (5 to 8 letters or digits, or
    a digit and 3 letters or digits), extensions (a singleton other than ``x`` and
    subtags of 2 to 8) and a private-use part (``x`` and subtags of 1 to 8).  So
    ``'und'`` (undetermined), ``'mul'`` and ``'zxx'`` are accepted: they are well-formed.

    Not accepted: tags that are private use only (``'x-whatever'``), grandfathered tags
    (``'i-klingon'``), the reserved 4-letter and registered 5-to-8-letter language
    subtags, underscores (``'en_US'``), empty subtags and surrounding white space.  Only
    the form is checked, not the registry: ``'qq-ZZ'`` is well-formed.

    >>> is_language_tag("sr-latn-rs"), is_language_tag("en_US")
    (True, False)
    """
    return _LANGTAG_RE.fullmatch(tag) is not None


def normalize_language_tag(tag: str) -> str:
    """Return ``tag`` in BCP 47 canonical case, or raise :class:`ValueError` if malformed.

    Subtags are lowercase, except a region, which is uppercase, and a script, which is
    titlecase; after a singleton (extensions, private use) everything is lowercase.  Only
    the case changes: deprecated subtags are not replaced (``'iw'`` stays ``'iw'``).

    >>> normalize_language_tag("sr-latn-rs"), normalize_language_tag("zh-cn")
    ('sr-Latn-RS', 'zh-CN')
    """
    if not is_language_tag(tag):
        raise ValueError(f"not a well-formed BCP 47 language tag: {tag!r}")
    language, *rest = tag.lower().split("-")
    subtags = [language]
    after_singleton = False
    for subtag in rest:
        if len(subtag) == 1:
            after_singleton = True
        elif not after_singleton and subtag.isalpha():
            # Before any singleton, 2 letters can only be a region, 4 only a script.
            if len(subtag) == 2:
                subtag = subtag.upper()
            elif len(subtag) == 4:
                subtag = subtag.title()
        subtags.append(subtag)
    return "-".join(subtags)
