"""newsrecord: typed records of news articles and of who said what in them.

Parse raw posts into :class:`Article` records (:func:`parse_post`), write and read them
as JSON, JSON Lines and CSV, and validate datasets (:func:`validate`).
"""

from newsrecord._converter import structure_article as structure
from newsrecord._converter import unstructure_article as unstructure
from newsrecord._csvio import read_csv, write_csv
from newsrecord._errors import (
    DecodeError,
    FormatError,
    NewsrecordError,
    OutputExistsError,
    ParseError,
    ParseWarning,
    RecordError,
)
from newsrecord._jsonio import from_json, read_jsonl, to_json, write_jsonl
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
from newsrecord._problems import CODES, Problem
from newsrecord._schema import json_schema
from newsrecord._validate import ValidationReport, Validator, iter_validate, validate
from newsrecord.parse import article_id, parse_file, parse_post

__all__ = [
    "CODES",
    "SCHEMA",
    "Affiliation",
    "Article",
    "DecodeError",
    "Entity",
    "FormatError",
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
    "ValidationReport",
    "Validator",
    "article_id",
    "from_json",
    "iter_validate",
    "json_schema",
    "parse_file",
    "parse_post",
    "read_csv",
    "read_jsonl",
    "structure",
    "to_json",
    "unstructure",
    "validate",
    "write_csv",
    "write_jsonl",
]

__version__ = "0.1.0.dev0"
