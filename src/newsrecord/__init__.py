"""newsrecord: typed records of news articles and of who said what in them.

Parse raw posts into :class:`Article` records (:func:`parse_post`), or read them from
other tools' files (:mod:`newsrecord.adapters`); write and read them as JSON, JSON Lines
and CSV, export them as schema.org JSON-LD, IPTC ninjs, a Frictionless Data Package or
pandas DataFrames, validate datasets (:func:`validate`), and look at them as a person:
:func:`format_article` (a terminal table of who said what), :func:`stats` and
:func:`render_report` (an HTML report with the quotes marked in the text).
"""

from newsrecord._converter import structure_article as structure
from newsrecord._converter import unstructure_article as unstructure
from newsrecord._csvio import read_csv, write_csv
from newsrecord._datapackage import datapackage, write_datapackage
from newsrecord._errors import (
    DecodeError,
    FormatError,
    MissingExtraError,
    NewsrecordError,
    OutputExistsError,
    ParseError,
    ParseWarning,
    RecordError,
)
from newsrecord._jsonio import from_json, read_jsonl, to_json, write_jsonl
from newsrecord._jsonld import JSONLD_CONTEXT, to_jsonld, write_jsonld
from newsrecord._model import (
    SCHEMA,
    Affiliation,
    Article,
    Entity,
    Quote,
    QuoteKind,
    Span,
    Speaker,
    SpeakerKind,
)
from newsrecord._ninjs import NINJS_VERSION, to_ninjs, write_ninjs
from newsrecord._pandas import to_dataframes
from newsrecord._problems import CODES, Problem
from newsrecord._report import DEFAULT_PAGE_SIZE, render_report, write_report
from newsrecord._schema import json_schema
from newsrecord._show import filter_quotes, format_article
from newsrecord._stats import (
    DatasetStats,
    EntityTally,
    SpeakerTally,
    Tally,
    format_stats,
    stats,
)
from newsrecord._validate import ValidationReport, Validator, iter_validate, validate
from newsrecord.parse import article_id, parse_file, parse_post

__all__ = [
    "CODES",
    "DEFAULT_PAGE_SIZE",
    "JSONLD_CONTEXT",
    "NINJS_VERSION",
    "SCHEMA",
    "Affiliation",
    "Article",
    "DatasetStats",
    "DecodeError",
    "Entity",
    "EntityTally",
    "FormatError",
    "MissingExtraError",
    "NewsrecordError",
    "OutputExistsError",
    "ParseError",
    "ParseWarning",
    "Problem",
    "Quote",
    "QuoteKind",
    "RecordError",
    "Span",
    "Speaker",
    "SpeakerKind",
    "SpeakerTally",
    "Tally",
    "ValidationReport",
    "Validator",
    "article_id",
    "datapackage",
    "filter_quotes",
    "format_article",
    "format_stats",
    "from_json",
    "iter_validate",
    "json_schema",
    "parse_file",
    "parse_post",
    "read_csv",
    "read_jsonl",
    "render_report",
    "stats",
    "structure",
    "to_dataframes",
    "to_json",
    "to_jsonld",
    "to_ninjs",
    "unstructure",
    "validate",
    "write_csv",
    "write_datapackage",
    "write_jsonl",
    "write_jsonld",
    "write_ninjs",
    "write_report",
]

__version__ = "0.1.0.dev0"
