"""HTML pages, read through trafilatura (the optional extra ``pip install 'newsrecord[html]'``).

trafilatura finds the article in the page (title, date, authors, site name, language and
the main text without menus, adverts and comments) and writes it as its JSON output,
which :func:`~newsrecord.adapters.from_trafilatura`'s mapping turns into an article.
trafilatura is imported only when a page is read: it is not a dependency of newsrecord.
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
from typing import Any, Final

from newsrecord._errors import FormatError, MissingExtraError
from newsrecord._model import Article
from newsrecord.adapters._common import (
    Options,
    Source,
    decode_text,
    load_json,
    read_source,
    source_name,
)
from newsrecord.adapters._trafilatura import trafilatura_article

__all__ = ["from_html"]

_ELEMENT: Final = re.compile(rb"<\s*(?:!doctype\s+html|html|head|body|article|main|p|div)\b", re.I)


def _trafilatura() -> Any:
    try:
        return importlib.import_module("trafilatura")
    except ImportError as error:
        raise MissingExtraError(
            f"reading HTML needs trafilatura, which cannot be imported ({error}); "
            "install it with: pip install 'newsrecord[html]'"
        ) from None


def from_html(
    source: Source,
    *,
    url: str | None = None,
    language: str | None = None,
    dayfirst: bool = False,
    default_timezone: dt.tzinfo | str | None = None,
    strict: bool = False,
) -> list[Article]:
    """The article of an HTML page, found by trafilatura: a list of one article.

    ``url`` is the page's address, when the page does not give it.  The other options
    are those of :func:`newsrecord.parse_post`.  Raises
    :class:`~newsrecord.MissingExtraError` when trafilatura is not installed, and
    :class:`~newsrecord.FormatError` naming the file for a file that is not HTML or that
    holds no article text.
    """
    name = source_name(source)
    data = read_source(source)
    raw = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
    if _ELEMENT.search(raw[: 1 << 16]) is None:
        raise FormatError(
            "not HTML: no <html>, <body>, <p> or other HTML element in the first 64 KiB",
            file=name,
        )
    trafilatura = _trafilatura()
    content = data if isinstance(data, bytes) else decode_text(data, name)
    extracted = trafilatura.extract(
        content,
        url=url,
        output_format="json",
        with_metadata=True,
        include_comments=False,
        include_tables=False,
    )
    if extracted is None:
        raise FormatError("trafilatura found no article text in this HTML page", file=name)
    document = load_json(extracted, name, what="trafilatura JSON")
    if url is not None and isinstance(document, dict) and not document.get("source"):
        document["source"] = url
    options = Options(
        language=language, dayfirst=dayfirst, default_timezone=default_timezone, strict=strict
    )
    return [trafilatura_article(document, options, name=name)]
