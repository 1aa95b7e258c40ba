"""newspaper4k's article JSON (``Article.to_json()``, and the ``newspaper`` command's output).

``to_json`` writes one object with ``url``, ``language``, ``title``, ``authors`` (a list),
``publish_date`` (ISO 8601 or null), ``text`` (paragraphs separated by blank lines),
``meta_lang``, ``meta_site_name``, ``canonical_link`` and more; the command
(``newspaper --output-format json``) writes an array of them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from newsrecord._model import Article
from newsrecord.adapters._common import (
    Options,
    Source,
    build_article,
    decode_text,
    expect,
    json_type,
    load_json,
    optional_text,
    read_source,
    source_name,
)

__all__ = ["from_newspaper", "newspaper_article"]

WHAT: Final = "newspaper4k article JSON"


def _authors(data: dict[str, Any], *, name: str, path: str) -> list[str]:
    authors = data.get("authors")
    if authors is None:
        return []
    expect(
        isinstance(authors, list) and all(isinstance(a, str) for a in authors),
        f'not {WHAT}: "authors" is a list of strings, not {json_type(authors)}',
        name=name,
        path=f"{path}.authors",
    )
    return [a.strip() for a in authors]


def newspaper_article(data: Any, options: Options, *, name: str, path: str = "$") -> Article:
    """One article from one parsed newspaper4k article object."""
    expect(
        isinstance(data, dict),
        f"not {WHAT}: expected an object, got {json_type(data)}",
        name=name,
        path=path,
    )
    for key in ("title", "text"):
        expect(
            key in data,
            f'not {WHAT}: expected an article object with a "{key}" key',
            name=name,
            path=f"{path}.{key}",
        )
    expect(
        isinstance(data["text"], str),
        f'not {WHAT}: "text" is a string, not {json_type(data["text"])}',
        name=name,
        path=f"{path}.text",
    )
    fields = {
        key: optional_text(data, key, name=name, path=path)
        for key in (
            "title",
            "publish_date",
            "url",
            "canonical_link",
            "language",
            "meta_lang",
            "meta_site_name",
        )
    }
    return build_article(
        title=fields["title"],
        paragraphs=data["text"].split("\n"),
        options=options,
        name=name,
        path=path,
        date=fields["publish_date"],
        language=fields["language"] or fields["meta_lang"],
        source=fields["meta_site_name"],
        url=fields["url"] or fields["canonical_link"],
        authors=_authors(data, name=name, path=path),
    )


def from_newspaper(
    source: Source,
    *,
    language: str | None = None,
    dayfirst: bool = False,
    default_timezone: dt.tzinfo | str | None = None,
    strict: bool = False,
) -> list[Article]:
    """The articles of a newspaper4k JSON file: one article object, or an array of them.

    The headline is ``title``, the body ``text``, ``publish_date`` is read by the
    parser's date rules, ``authors`` are the authors, ``meta_site_name`` the source,
    ``url`` (else ``canonical_link``) the URL and ``language`` (else ``meta_lang``) the
    declared language.  Quotes and speakers are found by :func:`newsrecord.parse_post`,
    whose options these are.

    Raises :class:`~newsrecord.FormatError` with the file and the position (line, or the
    JSON path) for a file that is not newspaper4k JSON, before any article is returned.
    """
    name = source_name(source)
    options = Options(
        language=language, dayfirst=dayfirst, default_timezone=default_timezone, strict=strict
    )
    text = decode_text(read_source(source), name)
    expect(bool(text.strip()), f"not {WHAT}: the file is empty", name=name, path="$")
    data = load_json(text, name, what=WHAT)
    if isinstance(data, list):
        return [
            newspaper_article(item, options, name=name, path=f"$[{index}]")
            for index, item in enumerate(data)
        ]
    return [newspaper_article(data, options, name=name)]
