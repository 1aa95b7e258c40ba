"""Articles as IPTC ninjs 2.2 ("News in JSON") objects, one a line when written to a file.

ninjs describes a news item: its headline, body, language, dates, creators and the people
and organisations it is about.  It has no notion of a quote, so what a ninjs object keeps
of an article's attributions is who is quoted: speakers become ``people`` and
``organisations`` with ``rel`` ``"quoted"``, and the organisations of their affiliations
``organisations`` with ``rel`` ``"affiliated"``; the entities that are named without
being quoted are ``people`` and ``organisations`` with ``rel`` ``"mentioned"``.  The
quotes themselves, the headline's quote included, are in the newsrecord JSON, CSV and
JSON-LD outputs (the speaker of a headline's quote is a speaker like the others, so
``"quoted"``).

ninjs dates are RFC 3339 date-times, which have a UTC offset in whole minutes: a
``published`` date without one (naive) is left out rather than given a zone it may not
have, and one whose offset has seconds (a local mean time) is written in UTC.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from typing import IO, Any, Final

from newsrecord._atomic import atomic_write
from newsrecord._jsonio import dumps_record
from newsrecord._jsonld import article_iri
from newsrecord._model import Article, SpeakerKind

__all__ = ["NINJS_VERSION", "to_ninjs", "write_ninjs"]

#: The version of ninjs that :func:`to_ninjs` writes.
NINJS_VERSION: Final = "2.2"
_SCHEMA_URI: Final = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json"


def _rfc3339(published: dt.datetime | None) -> str | None:
    """An aware date as RFC 3339 wants it (an offset in whole minutes), else ``None``."""
    if published is None:
        return None
    offset = published.utcoffset()
    if offset is None:
        return None
    if offset % dt.timedelta(minutes=1):  # a local mean time, say: the same instant in UTC
        published = published.astimezone(dt.timezone.utc)
    return published.isoformat()


def _subjects(article: Article) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """``people`` and ``organisations``: the speakers, their affiliations' organisations,
    then the entities named without being quoted (each name once)."""
    people: list[dict[str, str]] = []
    organisations: list[dict[str, str]] = []
    for speaker in article.speakers:
        entry = {"name": speaker.name, "rel": "quoted"}
        (people if speaker.kind is SpeakerKind.PERSON else organisations).append(entry)
    named = {entry["name"] for entry in organisations}
    for speaker in article.speakers:
        for affiliation in speaker.affiliations:
            if affiliation.organization is not None and affiliation.organization not in named:
                named.add(affiliation.organization)
                organisations.append({"name": affiliation.organization, "rel": "affiliated"})
    named_people = {entry["name"] for entry in people}
    for entity in article.entities:
        if entity.speaker_id is not None:
            continue
        person = entity.kind is SpeakerKind.PERSON
        names = named_people if person else named
        if entity.name not in names:
            names.add(entity.name)
            (people if person else organisations).append({"name": entity.name, "rel": "mentioned"})
    return people, organisations


def to_ninjs(article: Article) -> dict[str, Any]:
    """An article as a ninjs 2.2 object (a dict), valid against the ninjs JSON Schema.

    ``uri`` is ``urn:newsrecord:article:ID``; ``headlines`` holds the title, ``bodies``
    the text (``text/plain``, with its character and word counts), ``language`` the tag,
    ``firstcreated`` and ``versioncreated`` the publication date when it has a UTC
    offset, ``by`` the authors, ``infosources`` the source, ``altids`` the id and the URL,
    and ``people`` and ``organisations`` the speakers (``rel`` ``"quoted"``), the
    organisations they are affiliated with (``rel`` ``"affiliated"``) and the people and
    organisations only named (``rel`` ``"mentioned"``).
    """
    item: dict[str, Any] = {
        "uri": article_iri(article.id),
        "standard": {"name": "ninjs", "version": NINJS_VERSION, "schema": _SCHEMA_URI},
        "type": "text",
        "representationtype": "full",
    }
    published = _rfc3339(article.published)
    if published is not None:
        item["firstcreated"] = item["versioncreated"] = published
    if article.language is not None:
        item["language"] = article.language
    item["headlines"] = [{"role": "main", "value": article.title}]
    text = article.text
    item["bodies"] = [
        {
            "role": "main",
            "contenttype": "text/plain",
            "charcount": len(text),
            "wordcount": len(text.split()),
            "value": text,
        }
    ]
    if article.authors:
        item["by"] = ", ".join(article.authors)
    if article.source:
        item["infosources"] = [{"name": article.source, "role": "publisher"}]
    altids = [{"role": "newsrecord-id", "value": article.id}]
    if article.url is not None:
        altids.append({"role": "url", "value": article.url})
    item["altids"] = altids
    people, organisations = _subjects(article)
    if people:
        item["people"] = people
    if organisations:
        item["organisations"] = organisations
    return item


def write_ninjs(
    articles: Iterable[Article],
    destination: str | os.PathLike[str] | IO[str],
    *,
    force: bool = False,
) -> int:
    """Write articles as ninjs objects, one a line (JSON Lines); return how many were written.

    A path is written atomically and an existing file is only replaced with
    ``force=True``; ``"-"`` is standard output; an open text file is written to as it is.
    """
    if isinstance(destination, str | os.PathLike):
        with atomic_write(destination, force=force) as handle:
            return _write_items(articles, handle)
    return _write_items(articles, destination)


def _write_items(articles: Iterable[Article], handle: IO[str]) -> int:
    count = 0
    for article in articles:
        handle.write(dumps_record(to_ninjs(article)) + "\n")
        count += 1
    return count
