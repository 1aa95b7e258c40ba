"""What a dataset holds: counts of articles, quotes, speakers, organisations, cues, languages
and of the people and organisations named.

:func:`stats` reads articles once (any iterable: a whole dataset streams through it, and
memory grows only with the number of distinct speakers, organisations and cues) into a
:class:`DatasetStats`; :func:`format_stats` writes it as text for a person, or as JSON or
CSV for other tools.

Speakers are counted by their resolved name (:attr:`Speaker.name`, the fullest form the
article gives, with white space collapsed), so the same person quoted in several articles
is one row.  A quote counts for an organisation when its speaker is that organisation or
is affiliated with it.  The people and organisations named (:attr:`Article.entities`,
quoted or not) are counted the same way, by name: in how many articles, how many times.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import Counter
from collections.abc import Iterable
from typing import Any, Final, Literal

import attrs

from newsrecord._model import Article, QuoteKind, SpeakerKind
from newsrecord._show import affiliation_text
from newsrecord._termwidth import printable

__all__ = ["DatasetStats", "EntityTally", "SpeakerTally", "Tally", "format_stats", "stats"]

#: The language of an article whose language is not known (BCP 47 "undetermined").
UNDETERMINED: Final = "und"

StatsFormat = Literal["text", "json", "csv"]


@attrs.frozen
class Tally:
    """A name and how often it occurs."""

    name: str
    count: int


@attrs.frozen(kw_only=True)
class SpeakerTally:
    """A speaker of the dataset: quotes attributed to them, articles quoting them, and
    every affiliation they were given (``"economist, Institute of Transport Studies"``)."""

    name: str
    kind: SpeakerKind
    quotes: int
    articles: int
    affiliations: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class EntityTally:
    """A person or organisation the dataset names: in how many articles, how many times
    (its mentions), and in how many of those articles it is also quoted."""

    name: str
    kind: SpeakerKind
    articles: int
    mentions: int
    quoted_in: int = 0


@attrs.frozen(kw_only=True)
class DatasetStats:
    """The counts :func:`stats` makes over a dataset.

    Lists are sorted by count, most first, then by name; ``speakers``, ``organizations``,
    ``cues`` and ``named`` (by articles, then mentions) hold at most the ``top`` rows asked
    for.  ``first_published`` and
    ``last_published`` are the earliest and latest dates (dates without a zone are
    compared as if in UTC); ``undated`` counts the articles without a date.
    """

    articles: int
    quotes: int
    quotes_by_kind: tuple[Tally, ...]
    unattributed: int
    speakers: tuple[SpeakerTally, ...]
    distinct_speakers: int
    organizations: tuple[Tally, ...]
    cues: tuple[Tally, ...]
    languages: tuple[Tally, ...]
    first_published: dt.datetime | None
    last_published: dt.datetime | None
    undated: int
    named: tuple[EntityTally, ...] = ()
    distinct_named: int = 0

    @property
    def unattributed_share(self) -> float:
        """The share of quotes without a speaker (0.0 when there are no quotes)."""
        return self.unattributed / self.quotes if self.quotes else 0.0

    def as_dict(self) -> dict[str, Any]:
        """The counts as JSON-ready data (dates in ISO 8601)."""

        def tallies(rows: tuple[Tally, ...]) -> list[dict[str, Any]]:
            return [{"name": row.name, "count": row.count} for row in rows]

        return {
            "articles": self.articles,
            "quotes": self.quotes,
            "quotes_by_kind": {row.name: row.count for row in self.quotes_by_kind},
            "unattributed": self.unattributed,
            "unattributed_share": round(self.unattributed_share, 4),
            "distinct_speakers": self.distinct_speakers,
            "speakers": [
                {
                    "name": row.name,
                    "kind": row.kind.value,
                    "quotes": row.quotes,
                    "articles": row.articles,
                    "affiliations": list(row.affiliations),
                }
                for row in self.speakers
            ],
            "organizations": tallies(self.organizations),
            "cues": tallies(self.cues),
            "languages": tallies(self.languages),
            "first_published": _iso(self.first_published),
            "last_published": _iso(self.last_published),
            "undated": self.undated,
            "distinct_named": self.distinct_named,
            "named": [
                {
                    "name": row.name,
                    "kind": row.kind.value,
                    "articles": row.articles,
                    "mentions": row.mentions,
                    "quoted_in": row.quoted_in,
                }
                for row in self.named
            ],
        }


def _iso(value: dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _order_key(value: dt.datetime) -> dt.datetime:
    """A naive UTC datetime for comparing aware and naive dates (naive ones as UTC)."""
    if value.utcoffset() is None:
        return value
    return value.astimezone(dt.timezone.utc).replace(tzinfo=None)


def _normal(name: str) -> str:
    return " ".join(name.split())


def _ranked(counter: Counter[str], top: int | None) -> tuple[Tally, ...]:
    rows = sorted(counter.items(), key=lambda item: (-item[1], item[0]))
    return tuple(Tally(name, count) for name, count in rows[:top])


class _Named:
    """What :func:`stats` gathers about one person or organisation named."""

    __slots__ = ("articles", "kind", "mentions", "quoted_in")

    def __init__(self, kind: SpeakerKind) -> None:
        self.kind = kind
        self.articles = 0
        self.mentions = 0
        self.quoted_in = 0


class _Speaker:
    """What :func:`stats` gathers about one speaker."""

    __slots__ = ("affiliations", "articles", "kind", "quotes")

    def __init__(self, kind: SpeakerKind) -> None:
        self.kind = kind
        self.quotes = 0
        self.articles = 0
        self.affiliations: dict[str, None] = {}


def stats(articles: Iterable[Article], *, top: int | None = 10) -> DatasetStats:
    """Count what ``articles`` hold (see :class:`DatasetStats`); ``top`` rows at most of
    speakers, organisations and cues (``None``: all of them)."""
    count = quotes = unattributed = undated = 0
    kinds: Counter[str] = Counter({kind.value: 0 for kind in QuoteKind})
    organizations: Counter[str] = Counter()
    cues: Counter[str] = Counter()
    languages: Counter[str] = Counter()
    speakers: dict[str, _Speaker] = {}
    named: dict[str, _Named] = {}
    first: dt.datetime | None = None
    last: dt.datetime | None = None
    for article in articles:
        count += 1
        languages[article.language or UNDETERMINED] += 1
        if article.published is None:
            undated += 1
        else:
            key = _order_key(article.published)
            if first is None or key < _order_key(first):
                first = article.published
            if last is None or key > _order_key(last):
                last = article.published
        quoted: set[str] = set()
        for quote in article.quotes:
            quotes += 1
            kinds[quote.kind.value] += 1
            if quote.cue:
                cues[_normal(quote.cue).casefold()] += 1
            speaker = article.speaker(quote.speaker_id)
            if speaker is None:
                unattributed += 1
                continue
            name = _normal(speaker.name)
            entry = speakers.setdefault(name, _Speaker(speaker.kind))
            entry.quotes += 1
            for affiliation in speaker.affiliations:
                entry.affiliations.setdefault(affiliation_text(affiliation), None)
            if name not in quoted:
                quoted.add(name)
                entry.articles += 1
            names = {_normal(a.organization) for a in speaker.affiliations if a.organization}
            if speaker.kind is SpeakerKind.ORGANIZATION:
                names.add(name)
            organizations.update(names)
        counted: set[str] = set()
        for entity in article.entities:
            name = _normal(entity.name)
            tally = named.setdefault(name, _Named(entity.kind))
            tally.mentions += len(entity.mentions)
            if name not in counted:
                counted.add(name)
                tally.articles += 1
                tally.quoted_in += entity.speaker_id is not None
    ranked = sorted(speakers.items(), key=lambda item: (-item[1].quotes, item[0]))
    most_named = sorted(
        named.items(), key=lambda item: (-item[1].articles, -item[1].mentions, item[0])
    )
    return DatasetStats(
        articles=count,
        quotes=quotes,
        quotes_by_kind=tuple(Tally(name, number) for name, number in kinds.items()),
        unattributed=unattributed,
        speakers=tuple(
            SpeakerTally(
                name=name,
                kind=entry.kind,
                quotes=entry.quotes,
                articles=entry.articles,
                affiliations=tuple(entry.affiliations),
            )
            for name, entry in ranked[:top]
        ),
        distinct_speakers=len(speakers),
        organizations=_ranked(organizations, top),
        cues=_ranked(cues, top),
        languages=_ranked(languages, None),
        first_published=first,
        last_published=last,
        undated=undated,
        named=tuple(
            EntityTally(
                name=name,
                kind=entry.kind,
                articles=entry.articles,
                mentions=entry.mentions,
                quoted_in=entry.quoted_in,
            )
            for name, entry in most_named[:top]
        ),
        distinct_named=len(named),
    )


# ------------------------------------------------------------------------ formats


def _text(result: DatasetStats) -> str:
    def table(rows: list[tuple[str, str]]) -> list[str]:
        width = max((len(number) for number, _ in rows), default=0)
        return [f"  {number.rjust(width)}  {label}" for number, label in rows]

    share = f"{result.unattributed_share:.1%}"
    lines = [
        f"articles: {result.articles}",
        f"quotes:   {result.quotes}"
        + "".join(f", {row.count} {row.name}" for row in result.quotes_by_kind),
        f"without a speaker: {result.unattributed} ({share})",
    ]
    if result.first_published is not None and result.last_published is not None:
        dates = f"{_iso(result.first_published)} to {_iso(result.last_published)}"
    else:
        dates = "none"
    lines.append(f"dates:    {dates}" + (f" ({result.undated} undated)" if result.undated else ""))
    lines.append("languages: " + ", ".join(f"{row.name} {row.count}" for row in result.languages))
    lines.append("")
    lines.append(f"speakers quoted most ({result.distinct_speakers} speakers):")
    lines.extend(
        table(
            [
                (
                    str(row.quotes),
                    printable(
                        row.name + (f" ({'; '.join(row.affiliations)})" if row.affiliations else "")
                    ),
                )
                for row in result.speakers
            ]
        )
    )
    for title, rows in (("organisations", result.organizations), ("cues", result.cues)):
        lines.append("")
        lines.append(f"{title}:")
        lines.extend(table([(str(row.count), printable(row.name)) for row in rows]))
    if result.distinct_named:
        lines.append("")
        lines.append(
            f"named in most articles ({result.distinct_named} people and organisations; "
            "articles, mentions):"
        )
        lines.extend(
            table(
                [
                    (
                        f"{row.articles} {row.mentions}",
                        printable(row.name) + ("" if row.quoted_in else " (never quoted)"),
                    )
                    for row in result.named
                ]
            )
        )
    return "\n".join(lines) + "\n"


def _csv(result: DatasetStats) -> str:
    """One row a number: ``section,name,count,detail``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["section", "name", "count", "detail"])
    writer.writerow(["articles", "", result.articles, ""])
    writer.writerow(["quotes", "", result.quotes, ""])
    for row in result.quotes_by_kind:
        writer.writerow(["kind", row.name, row.count, ""])
    writer.writerow(["unattributed", "", result.unattributed, f"{result.unattributed_share:.4f}"])
    writer.writerow(["distinct_speakers", "", result.distinct_speakers, ""])
    for speaker in result.speakers:
        writer.writerow(["speaker", speaker.name, speaker.quotes, "; ".join(speaker.affiliations)])
    for section, rows in (
        ("organization", result.organizations),
        ("cue", result.cues),
        ("language", result.languages),
    ):
        for row in rows:
            writer.writerow([section, row.name, row.count, ""])
    writer.writerow(["first_published", "", "", _iso(result.first_published) or ""])
    writer.writerow(["last_published", "", "", _iso(result.last_published) or ""])
    writer.writerow(["undated", "", result.undated, ""])
    writer.writerow(["distinct_named", "", result.distinct_named, ""])
    for entity in result.named:
        detail = f"{entity.mentions} mentions; quoted in {entity.quoted_in}"
        writer.writerow(["named", entity.name, entity.articles, detail])
    return out.getvalue()


def format_stats(result: DatasetStats, format: StatsFormat = "text") -> str:
    """``result`` as ``text`` (for a person), ``json`` (one object, see
    :meth:`DatasetStats.as_dict`) or ``csv`` (``section,name,count,detail`` rows)."""
    if format == "json":
        return json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n"
    if format == "csv":
        return _csv(result)
    if format == "text":
        return _text(result)
    raise ValueError(f"unknown format {format!r}; expected text, json or csv")
