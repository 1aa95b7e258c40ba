"""Tests of ``newsrecord._ninjs``: IPTC ninjs 2.2, validated against the official schema.

``data/ninjs/ninjs-schema_2.2.json`` is the IPTC's JSON Schema, shipped with its licence
(see ``data/ninjs/README.md``).  Formats (``uri``, ``date-time``) are checked too.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given, settings

from newsrecord import (
    NINJS_VERSION,
    Affiliation,
    Article,
    Quote,
    QuoteKind,
    Speaker,
    SpeakerKind,
    to_ninjs,
    write_ninjs,
)
from newsrecord.adapters import from_telegram, from_trafilatura
from strategies import articles

DATA = Path(__file__).parent / "data"
SCHEMA = json.loads((DATA / "ninjs" / "ninjs-schema_2.2.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(
    SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def errors(item: dict[str, Any]) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in VALIDATOR.iter_errors(item)]


def test_the_schema_is_the_one_written() -> None:
    assert SCHEMA["title"] == f"IPTC ninjs - News in JSON - version {NINJS_VERSION}"
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_the_validator_checks_formats() -> None:
    item = to_ninjs(Article(id="a", title="T"))
    assert errors(item) == []
    assert errors({**item, "versioncreated": "yesterday"})  # a date-time format error
    assert errors({**item, "unknown": 1})  # no unknown properties
    assert errors({**item, "uri": "not a uri"})


def test_a_parsed_article() -> None:
    (article,) = from_trafilatura(DATA / "adapters" / "trafilatura.json")
    item = to_ninjs(article)
    assert errors(item) == []
    assert item["uri"] == f"urn:newsrecord:article:{article.id}"
    assert item["headlines"] == [{"role": "main", "value": article.title}]
    (body,) = item["bodies"]
    assert body["value"] == article.text
    assert body["contenttype"] == "text/plain"
    assert item["by"] == "Lea Marsh, Tom Reed"
    assert item["language"] == "en"
    assert "firstcreated" not in item  # a date without a UTC offset is not an RFC 3339 one
    assert item["people"] == [{"name": "Jana Novak", "rel": "quoted"}]
    assert item["organisations"] == [
        {"name": "Institute of Transport Studies", "rel": "affiliated"}
    ]
    assert {"role": "url", "value": article.url} in item["altids"]


def test_aware_dates_and_organisations() -> None:
    article = Article(
        id="a b/c",
        title="T",
        published=dt.datetime(2024, 3, 14, 9, 15, tzinfo=dt.timezone.utc),
        source="Valley Morning",
        speakers=(
            Speaker(id="s1", name="The Water Office", kind=SpeakerKind.ORGANIZATION),
            Speaker(
                id="s2",
                name="Ann Lee",
                affiliations=(Affiliation(organization="The Water Office"),),
            ),
        ),
    )
    item = to_ninjs(article)
    assert errors(item) == []
    assert item["uri"] == "urn:newsrecord:article:a%20b%2Fc"
    assert item["versioncreated"] == item["firstcreated"] == "2024-03-14T09:15:00+00:00"
    assert item["infosources"] == [{"name": "Valley Morning", "role": "publisher"}]
    # an organisation quoted and affiliated with is listed once
    assert item["organisations"] == [{"name": "The Water Office", "rel": "quoted"}]


def test_an_offset_with_seconds_is_written_in_utc() -> None:
    zone = dt.timezone(dt.timedelta(hours=1, minutes=24, seconds=7))  # Warsaw's mean time
    published = dt.datetime(1900, 5, 1, 12, 0, tzinfo=zone)
    item = to_ninjs(Article(id="a", title="T", published=published))
    assert errors(item) == []
    assert item["versioncreated"] == "1900-05-01T10:35:53+00:00"


@settings(max_examples=60, deadline=None)
@given(articles())
def test_every_article_is_valid_ninjs(article: Article) -> None:
    assert errors(to_ninjs(article)) == []


def test_write_ninjs_one_object_a_line(tmp_path: Path) -> None:
    posts = from_telegram(DATA / "adapters" / "telegram-result.json", channel="valley_morning")
    path = tmp_path / "items.jsonl"
    assert write_ninjs(posts, path) == 2
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [errors(item) for item in items] == [[], []]
    assert [item["versioncreated"] for item in items] == [
        "2024-03-14T09:15:00+00:00",
        "2024-03-15T05:05:00+00:00",
    ]
    with pytest.raises(FileExistsError):
        write_ninjs(posts, path)
    buffer = io.StringIO()
    assert write_ninjs([attrs.evolve(posts[0], url=None)], buffer) == 1
    assert {"role": "url", "value": "https://t.me/valley_morning/2"} not in json.loads(
        buffer.getvalue()
    )["altids"]


def test_people_and_organisations_only_named_are_mentioned() -> None:
    from newsrecord import Entity, Speaker, SpeakerKind

    article = Article(
        id="a1",
        title="Pier approved",
        paragraphs=("Ana Lind of the Harbour Board met Ivo Hart.",),
        speakers=(Speaker(id="s1", name="Ana Lind"),),
        entities=(
            Entity(id="e1", name="Ana Lind", kind=SpeakerKind.PERSON, speaker_id="s1"),
            Entity(id="e2", name="Harbour Board", kind=SpeakerKind.ORGANIZATION),
            Entity(id="e3", name="Ivo Hart", kind=SpeakerKind.PERSON),
        ),
    )
    item = to_ninjs(article)
    assert errors(item) == []
    assert item["people"] == [
        {"name": "Ana Lind", "rel": "quoted"},
        {"name": "Ivo Hart", "rel": "mentioned"},
    ]
    assert item["organisations"] == [{"name": "Harbour Board", "rel": "mentioned"}]


def test_a_headline_quote_has_no_place_in_ninjs() -> None:
    title = "Ivo Hart: the bridge stays shut"
    plain = Article(id="b1", title=title, speakers=(Speaker(id="s1", name="Ivo Hart"),))
    headlined = attrs.evolve(
        plain,
        title_quote=Quote(
            id="t1",
            kind=QuoteKind.INDIRECT,
            text="the bridge stays shut",
            start=10,
            end=len(title),
            speaker_id="s1",
        ),
    )
    item = to_ninjs(headlined)
    assert errors(item) == []
    assert item == to_ninjs(plain)  # left out: ninjs knows no quotes
    assert item["headlines"] == [{"role": "main", "value": title}]
    assert item["people"] == [{"name": "Ivo Hart", "rel": "quoted"}]
