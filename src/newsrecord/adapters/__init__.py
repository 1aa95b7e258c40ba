"""Input adapters: articles from the files of other tools.

Each reader takes a file (a path, or an open file) and returns the list of its
articles, their quotes and speakers found by :func:`newsrecord.parse_post`:

* :func:`from_trafilatura`: trafilatura's JSON output;
* :func:`from_newspaper`: newspaper4k's article JSON;
* :func:`from_telegram`: a Telegram Desktop chat export (``result.json``);
* :func:`from_html`: an HTML page, through trafilatura (``pip install 'newsrecord[html]'``).

A reader reads the whole file before it returns: a file that is not of its format raises
:class:`~newsrecord.FormatError` naming the file and the position, and gives no articles.
:data:`FORMATS` maps the names that ``newsrecord parse --from`` takes to the readers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Final

from newsrecord._errors import MissingExtraError
from newsrecord._model import Article
from newsrecord.adapters._html import from_html
from newsrecord.adapters._newspaper import from_newspaper
from newsrecord.adapters._telegram import from_telegram
from newsrecord.adapters._trafilatura import from_trafilatura

__all__ = [
    "FORMATS",
    "MissingExtraError",
    "from_html",
    "from_newspaper",
    "from_telegram",
    "from_trafilatura",
]

#: The readers by the names that ``newsrecord parse --from`` takes: ``trafilatura``,
#: ``newspaper``, ``telegram`` and ``html``.
FORMATS: Final[Mapping[str, Callable[..., list[Article]]]] = MappingProxyType(
    {
        "trafilatura": from_trafilatura,
        "newspaper": from_newspaper,
        "telegram": from_telegram,
        "html": from_html,
    }
)
