"""Articles as schema.org JSON-LD: a ``NewsArticle`` each, its quotes as ``Quotation``\\ s.

The context is inline (:data:`JSONLD_CONTEXT`): ``@vocab`` is ``https://schema.org/``, so
every plain term is a schema.org term, and the ``nr:`` terms (``urn:newsrecord:vocab:``)
carry what schema.org has no property for (a quote's kind, offsets, mention, cue and
medium).  The properties with several values in order (authors, speakers, quotes,
aliases, roles, affiliations) are JSON-LD lists, so that their order and repeated values
survive.  No JSON-LD processor has to fetch a context to read the output.

Each article, speaker and quote has an ``@id``: ``urn:newsrecord:article:ID`` and, below
it, ``...:speaker:ID`` and ``...:quote:ID`` (ids percent-encoded).  The speakers are the
article's ``mentions``, and so are the entities named without being quoted
(``...:entity:ID``); each quote, one of its ``hasPart``, points at its speaker by
``@id`` from ``spokenByCharacter`` and ``creator``.  The quote a headline carries is a
``Quotation`` of the same shape under ``nr:titleQuote`` (not in ``hasPart``: it is part of
the headline, and its ``nr:start`` and ``nr:end`` index ``headline``).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import IO, Any, Final
from urllib.parse import quote as percent_encode

from newsrecord._atomic import atomic_write
from newsrecord._jsonio import dumps_record
from newsrecord._model import Article, Entity, Quote, Speaker, SpeakerKind

__all__ = ["JSONLD_CONTEXT", "to_jsonld", "write_jsonld"]

_SCHEMA_ORG: Final = "https://schema.org/"
_NR: Final = "urn:newsrecord:vocab:"

#: Properties whose values are ordered lists (JSON-LD arrays are otherwise sets, which
#: would lose the order of authors, quotes, ... and merge repeated aliases or roles).
_LISTS: Final = (
    "author", "mentions", "hasPart", "alternateName", "jobTitle", "affiliation", "memberOf"
)  # fmt: skip

#: The ``@context`` of every document :func:`to_jsonld` and :func:`write_jsonld` write.
JSONLD_CONTEXT: Final[Mapping[str, Any]] = MappingProxyType(
    {
        "@vocab": _SCHEMA_ORG,
        "nr": _NR,
        **{term: {"@id": _SCHEMA_ORG + term, "@container": "@list"} for term in _LISTS},
        "nr:role": {"@id": _NR + "role", "@container": "@list"},
    }
)


def article_iri(article_id: str) -> str:
    """The ``@id`` of an article: ``urn:newsrecord:article:`` and the percent-encoded id."""
    return "urn:newsrecord:article:" + percent_encode(article_id, safe="")


def _speaker_node(speaker: Speaker | Entity, iri: str) -> dict[str, Any]:
    """A speaker, or an entity named without being quoted, as a ``Person`` or an
    ``Organization``."""
    person = speaker.kind is SpeakerKind.PERSON
    node: dict[str, Any] = {
        "@id": iri,
        "@type": "Person" if person else "Organization",
        "name": speaker.name,
    }
    if isinstance(speaker, Speaker) and speaker.aliases:
        node["alternateName"] = list(speaker.aliases)
    roles = [a.role for a in speaker.affiliations if a.role is not None]
    organizations = [
        {"@type": "Organization", "name": a.organization}
        for a in speaker.affiliations
        if a.organization is not None
    ]
    if roles:
        # schema.org gives a job title to people only; an organisation's role is ours
        node["jobTitle" if person else "nr:role"] = roles
    if organizations:
        node["affiliation" if person else "memberOf"] = organizations
    return node


def _quote_node(quote: Quote, iri: str, speaker_iri: str | None) -> dict[str, Any]:
    node: dict[str, Any] = {"@id": iri, "@type": "Quotation", "text": quote.text}
    if speaker_iri is not None:
        node["spokenByCharacter"] = {"@id": speaker_iri}
        node["creator"] = {"@id": speaker_iri}
    node["nr:kind"] = quote.kind.value
    node["nr:start"] = quote.start
    node["nr:end"] = quote.end
    for key in ("mention", "cue", "via"):
        value = getattr(quote, key)
        if value is not None:
            node[f"nr:{key}"] = value
    return node


def jsonld_node(article: Article) -> dict[str, Any]:
    """The ``NewsArticle`` node of an article, without ``@context``."""
    iri = article_iri(article.id)
    node: dict[str, Any] = {
        "@id": iri,
        "@type": "NewsArticle",
        "identifier": article.id,
        "headline": article.title,
    }
    if article.published is not None:
        node["datePublished"] = article.published.isoformat()
    if article.language is not None:
        node["inLanguage"] = article.language
    if article.url is not None:
        node["url"] = article.url
    if article.source:
        node["publisher"] = {"@type": "Organization", "name": article.source}
    if article.authors:
        node["author"] = [{"@type": "Person", "name": name} for name in article.authors]
    node["articleBody"] = article.text
    speakers = {
        speaker.id: f"{iri}:speaker:{percent_encode(speaker.id, safe='')}"
        for speaker in article.speakers
    }
    mentioned = [
        _speaker_node(e, f"{iri}:entity:{percent_encode(e.id, safe='')}")
        for e in article.entities
        if e.speaker_id is None
    ]
    if article.speakers or mentioned:
        node["mentions"] = [_speaker_node(s, speakers[s.id]) for s in article.speakers]
        node["mentions"].extend(mentioned)
    if article.quotes:
        node["hasPart"] = [
            _quote_node(
                q,
                f"{iri}:quote:{percent_encode(q.id, safe='')}",
                None if q.speaker_id is None else speakers[q.speaker_id],
            )
            for q in article.quotes
        ]
    headline = article.title_quote
    if headline is not None:
        node["nr:titleQuote"] = _quote_node(
            headline,
            f"{iri}:quote:{percent_encode(headline.id, safe='')}",
            None if headline.speaker_id is None else speakers[headline.speaker_id],
        )
    return node


def to_jsonld(article: Article) -> dict[str, Any]:
    """An article as a JSON-LD document (a dict): a schema.org ``NewsArticle``.

    ``headline``, ``datePublished``, ``inLanguage``, ``url``, ``publisher`` (an
    ``Organization``), ``author`` (``Person``\\ s) and ``articleBody`` come from the
    article; its speakers are its ``mentions`` (``Person`` or ``Organization``, with
    ``alternateName``, ``jobTitle`` and ``affiliation``), followed by the entities named
    without being quoted (``@id`` ``...:entity:ID``), its quotes are ``hasPart``,
    each a ``Quotation`` whose ``spokenByCharacter`` and ``creator`` are its speaker, and
    the quote its headline carries, if any, is ``nr:titleQuote``, a ``Quotation`` too.
    """
    return {"@context": dict(JSONLD_CONTEXT), **jsonld_node(article)}


def write_jsonld(
    articles: Iterable[Article],
    destination: str | os.PathLike[str] | IO[str],
    *,
    force: bool = False,
) -> int:
    """Write articles as one JSON-LD document, ``{"@context": ..., "@graph": [...]}``.

    Returns how many were written.  A path is written atomically and an existing file
    is only replaced with ``force=True``; ``"-"`` is standard output; an open text file
    is written to as it is.  The articles are written as they come (memory stays flat).
    """
    if isinstance(destination, str | os.PathLike):
        with atomic_write(destination, force=force) as handle:
            return _write_graph(articles, handle)
    return _write_graph(articles, destination)


def _write_graph(articles: Iterable[Article], handle: IO[str]) -> int:
    context = dumps_record({"@context": dict(JSONLD_CONTEXT)})[1:-1]
    handle.write("{" + context + ',"@graph":[')
    count = 0
    for count, article in enumerate(articles, start=1):
        handle.write(("\n" if count == 1 else ",\n") + dumps_record(jsonld_node(article)))
    handle.write("\n]}\n" if count else "]}\n")
    return count
