"""trafilatura's JSON output (``trafilatura --json``, ``extract(output_format="json")``).

trafilatura writes one JSON object per document: ``title``, ``author`` (names joined by
``"; "``), ``hostname``, ``date`` (``2024-03-14`` by default), ``text`` (one paragraph a
line), ``language``, ``source`` (the page's URL), ``source-hostname`` (the site's name)
and more.  A file holds one such object, or several, one a line (as the command writes
them for several inputs).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from newsrecord._errors import FormatError
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

__all__ = ["from_trafilatura", "trafilatura_article"]

WHAT: Final = "trafilatura JSON"
_FIELDS: Final = (
    "title",
    "author",
    "date",
    "language",
    "source",
    "source-hostname",
    "hostname",
    "id",
)


def _documents(text: str, name: str) -> list[tuple[int, Any]]:
    """The JSON values of a file of one document, or of one document a line: (line, value)."""
    try:
        return [(1, load_json(text, name, what=WHAT))]
    except FormatError as error:
        if "Extra data" not in error.message:
            raise
    values = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            values.append((number, load_json(line, name, line_offset=number - 1, what=WHAT)))
    return values


def trafilatura_article(
    data: Any, options: Options, *, name: str, path: str = "$", line: int | None = None
) -> Article:
    """One article from one parsed trafilatura JSON document."""
    expect(
        isinstance(data, dict),
        f"not {WHAT}: expected an object, got {json_type(data)}",
        name=name,
        path=path,
        line=line,
    )
    expect(
        isinstance(data.get("text"), str),
        f'not {WHAT}: a document has a string "text"'
        + ("" if "text" not in data else f", not {json_type(data['text'])}"),
        name=name,
        path=f"{path}.text",
        line=line,
    )
    fields = {key: optional_text(data, key, name=name, path=path, line=line) for key in _FIELDS}
    authors = [a.strip() for a in (fields["author"] or "").split(";")]
    return build_article(
        title=fields["title"],
        paragraphs=data["text"].split("\n"),
        options=options,
        name=name,
        path=path,
        line=line,
        date=fields["date"],
        language=fields["language"],
        source=fields["source-hostname"] or fields["hostname"],
        url=fields["source"],
        authors=authors,
        id=fields["id"],
    )


def from_trafilatura(
    source: Source,
    *,
    language: str | None = None,
    dayfirst: bool = False,
    default_timezone: dt.tzinfo | str | None = None,
    strict: bool = False,
) -> list[Article]:
    """The articles of a file of trafilatura JSON output (one document, or one a line).

    The headline is ``title`` (or the first line of ``text``), the body is ``text``,
    ``date`` is read by the parser's date rules, ``author`` gives the authors,
    ``source-hostname`` (else ``hostname``) the source and ``source`` the URL; a
    ``language`` in the document is declared, so not detected (``language=`` overrides
    it).  Quotes and speakers are found in the body by :func:`newsrecord.parse_post`,
    whose other options are the same.

    Raises :class:`~newsrecord.FormatError` with the file and line for a file that is
    not trafilatura JSON, before any article is returned.
    """
    name = source_name(source)
    options = Options(
        language=language, dayfirst=dayfirst, default_timezone=default_timezone, strict=strict
    )
    text = decode_text(read_source(source), name)
    expect(bool(text.strip()), f"not {WHAT}: the file is empty", name=name, path="$")
    documents = _documents(text, name)
    single = len(documents) == 1
    return [
        trafilatura_article(data, options, name=name, line=None if single else line)
        for line, data in documents
    ]
