"""The Frictionless Data Package descriptor (``datapackage.json``) of a CSV dataset.

It describes the eight tables that :func:`newsrecord.write_csv` writes as tabular data
resources (Data Package and Table Schema, v1): each column with its type (``string``,
``integer``, ``array`` for the JSON-array cells, ``datetime``) and constraints (required,
enumerations, minimum), each table's primary key, and the foreign keys that tie quotes,
speakers, entities and headline quotes to their article, affiliations to their speaker,
and an entity's affiliations and mentions to their entity.  (An entity's ``speaker_id``, null for an
entity that is only mentioned, is not declared as a foreign key.)  Tools of the Frictionless
family (``frictionless validate datapackage.json``, the Data Package readers for R,
Julia, JavaScript, ...) then read and check the tables without knowing newsrecord.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

from newsrecord._atomic import atomic_write
from newsrecord._csvio import (
    AFFILIATIONS,
    ARTICLES,
    COLUMNS,
    ENTITIES,
    ENTITY_AFFILIATIONS,
    ENTITY_MENTIONS,
    QUOTES,
    SPEAKERS,
    TABLES,
    TITLE_QUOTES,
)

__all__ = ["DATAPACKAGE", "datapackage", "write_datapackage"]

#: The name of the descriptor file in a CSV dataset directory.
DATAPACKAGE: Final = "datapackage.json"

_NULLABLE: Final = frozenset(
    {"published", "published_raw", "language", "source", "url"}
    | {"speaker_id@quotes.csv", "mention", "cue", "via", "organization", "role"}
    | {"speaker_id@entities.csv", "speaker_id@title_quotes.csv"}
)

_FIELD_EXTRAS: Final[Mapping[str, Mapping[str, Any]]] = MappingProxyType(
    {
        "schema": {"constraints": {"required": True, "enum": ["newsrecord/1"]}},
        "published": {"type": "datetime", "format": "any"},
        "authors": {"type": "array"},
        "paragraphs": {"type": "array"},
        "aliases": {"type": "array"},
        "start": {"type": "integer", "constraints": {"required": True, "minimum": 0}},
        "end": {"type": "integer", "constraints": {"required": True, "minimum": 1}},
        "kind@quotes.csv": {
            "constraints": {"required": True, "enum": ["direct", "indirect", "mixed"]}
        },
        "kind@title_quotes.csv": {
            "constraints": {"required": True, "enum": ["direct", "indirect", "mixed"]}
        },
        "kind@speakers.csv": {
            "constraints": {"required": True, "enum": ["person", "organization"]}
        },
        "kind@entities.csv": {
            "constraints": {"required": True, "enum": ["person", "organization"]}
        },
    }
)

_DESCRIPTIONS: Final[Mapping[str, str]] = MappingProxyType(
    {
        ARTICLES: "One row per article.",
        QUOTES: "One row per quote; start and end index the article's paragraphs joined by "
        "blank lines.",
        SPEAKERS: "One row per speaker of an article.",
        AFFILIATIONS: "One row per affiliation of a speaker.",
        ENTITIES: "One row per person or organisation an article names, quoted or not; "
        "speaker_id is the speaker of a quoted one.",
        ENTITY_AFFILIATIONS: "One row per affiliation of an entity.",
        ENTITY_MENTIONS: "One row per mention of an entity; start and end index the "
        "article's paragraphs joined by blank lines.",
        TITLE_QUOTES: 'One row per article whose headline carries a quote ("Expert: ..."), '
        "none for the others; the columns of quotes, but start and end index the title.",
    }
)

_KEYS: Final[Mapping[str, Mapping[str, Any]]] = MappingProxyType(
    {
        ARTICLES: {"primaryKey": ["article_id"]},
        QUOTES: {
            "primaryKey": ["article_id", "quote_id"],
            "foreignKeys": [
                {
                    "fields": ["article_id"],
                    "reference": {"resource": "articles", "fields": ["article_id"]},
                },
            ],
        },
        TITLE_QUOTES: {
            "primaryKey": ["article_id"],
            "foreignKeys": [
                {
                    "fields": ["article_id"],
                    "reference": {"resource": "articles", "fields": ["article_id"]},
                },
            ],
        },
        SPEAKERS: {
            "primaryKey": ["article_id", "speaker_id"],
            "foreignKeys": [
                {
                    "fields": ["article_id"],
                    "reference": {"resource": "articles", "fields": ["article_id"]},
                },
            ],
        },
        AFFILIATIONS: {
            "foreignKeys": [
                {
                    "fields": ["article_id", "speaker_id"],
                    "reference": {"resource": "speakers", "fields": ["article_id", "speaker_id"]},
                },
            ],
        },
        ENTITIES: {
            "primaryKey": ["article_id", "entity_id"],
            "foreignKeys": [
                {
                    "fields": ["article_id"],
                    "reference": {"resource": "articles", "fields": ["article_id"]},
                },
            ],
        },
        **{
            table: {
                "foreignKeys": [
                    {
                        "fields": ["article_id", "entity_id"],
                        "reference": {
                            "resource": "entities",
                            "fields": ["article_id", "entity_id"],
                        },
                    },
                ],
            }
            for table in (ENTITY_AFFILIATIONS, ENTITY_MENTIONS)
        },
    }
)


def _field(table: str, column: str) -> dict[str, Any]:
    qualified = f"{column}@{table}"
    field: dict[str, Any] = {"name": column, "type": "string"}
    extras = _FIELD_EXTRAS.get(qualified, _FIELD_EXTRAS.get(column, {}))
    field.update({key: value for key, value in extras.items() if key != "constraints"})
    constraints = dict(extras.get("constraints", {}))
    if qualified not in _NULLABLE and column not in _NULLABLE:
        constraints["required"] = True
    if constraints:
        field["constraints"] = constraints
    return field


def datapackage(*, spreadsheet_safe: bool = False) -> dict[str, Any]:
    """The ``datapackage.json`` descriptor of a CSV dataset (a dict).

    With ``spreadsheet_safe=True`` (tables written so), the descriptor says that cells
    may start with an extra ``'``, and the enumerations are not checked.
    """
    resources = []
    for table in TABLES:
        fields = [_field(table, column) for column in COLUMNS[table]]
        if spreadsheet_safe:
            for field in fields:
                field.get("constraints", {}).pop("enum", None)
        resources.append(
            {
                "name": table.removesuffix(".csv"),
                "path": table,
                "profile": "tabular-data-resource",
                "description": _DESCRIPTIONS[table],
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {
                    "delimiter": ",",
                    "lineTerminator": "\r\n",
                    "quoteChar": '"',
                    "doubleQuote": True,
                    "header": True,
                },
                "schema": {"fields": fields, "missingValues": [""], **_KEYS[table]},
            }
        )
    description = (
        "Articles, the quotes in them, the speakers quoted and their affiliations, "
        "the people and organisations named in them (entities), and the quotes their "
        "headlines carry, "
        "written by newsrecord (record format newsrecord/1). An empty cell is null; "
        "list cells hold JSON arrays."
    )
    if spreadsheet_safe:
        description += (
            " Written spreadsheet-safe: a cell that starts with =, +, -, @, a tab, a CR "
            "or ' has one more ' in front."
        )
    return {
        "profile": "tabular-data-package",
        "name": "newsrecord-dataset",
        "title": "newsrecord dataset",
        "description": description,
        "resources": resources,
    }


def write_datapackage(
    directory: str | os.PathLike[str], *, force: bool = False, spreadsheet_safe: bool = False
) -> Path:
    """Write ``datapackage.json`` into a CSV dataset directory; return its path.

    The file is written atomically; an existing one is only replaced with ``force=True``.
    """
    path = Path(directory) / DATAPACKAGE
    with atomic_write(path, force=force) as handle:
        json.dump(datapackage(spreadsheet_safe=spreadsheet_safe), handle, indent=2)
        handle.write("\n")
    return path
