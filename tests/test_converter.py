"""Tests of ``newsrecord._converter``: the strict converter between records and JSON data.

The records are made up here.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

from newsrecord import (
    SCHEMA,
    Affiliation,
    Article,
    Entity,
    NewsrecordError,
    Quote,
    QuoteKind,
    RecordError,
    Span,
    Speaker,
    SpeakerKind,
    from_json,
    structure,
    unstructure,
)
from newsrecord._converter import problems_of, structure_article, unstructure_article
from newsrecord._problems import CODES
from strategies import articles

PARAGRAPHS = ["Rain closed the mountain pass on Tuesday.", "It will reopen soon, a warden said."]
TEXT = "\n\n".join(PARAGRAPHS)
QUOTE = "It will reopen soon"
START = TEXT.index(QUOTE)


def record() -> dict[str, Any]:
    """A valid JSON-ready record (a fresh copy each call)."""
    return {
        "schema": SCHEMA,
        "id": "a1",
        "title": "Pass closed",
        "published": "2024-03-05T08:15:00+01:00",
        "published_raw": "5.3.2024 8:15",
        "language": "en",
        "source": "Valley News",
        "url": None,
        "authors": ["K. Lee"],
        "paragraphs": list(PARAGRAPHS),
        "speakers": [
            {
                "id": "s1",
                "name": "a warden",
                "kind": "person",
                "aliases": [],
                "affiliations": [{"organization": "Park Service", "role": "warden"}],
            }
        ],
        "quotes": [
            {
                "id": "q1",
                "kind": "indirect",
                "text": QUOTE,
                "start": START,
                "end": START + len(QUOTE),
                "speaker_id": "s1",
                "mention": "a warden",
                "cue": "said",
                "via": None,
            }
        ],
    }


WARDEN = TEXT.index("a warden")
PASS = TEXT.index("the mountain pass")


def entity_record() -> dict[str, Any]:
    """:func:`record` with two entities: the quoted warden and an unquoted place."""
    data = record()
    data["entities"] = [
        {
            "id": "e1",
            "name": "a warden",
            "kind": "person",
            "affiliations": [{"organization": "Park Service", "role": "warden"}],
            "mentions": [{"start": WARDEN, "end": WARDEN + 8, "text": "a warden"}],
            "speaker_id": "s1",
        },
        {
            "id": "e2",
            "name": "Park Service",
            "kind": "organization",
            "affiliations": [],
            "mentions": [],
            "speaker_id": None,
        },
    ]
    return data


def json_path(path: tuple[str | int, ...]) -> str:
    return "$" + "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in path)


def pairs(data: dict[str, Any]) -> set[tuple[str, str]]:
    return {(problem.path, problem.code) for problem in problems_of(data)}


def with_change(path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    data = record()
    target: Any = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return data


def without(path: tuple[str | int, ...]) -> dict[str, Any]:
    data = record()
    target: Any = data
    for step in path[:-1]:
        target = target[step]
    del target[path[-1]]
    return data


def test_the_fixture_is_valid() -> None:
    assert problems_of(record()) == []
    article = structure_article(record())
    assert article.quotes[0].kind is QuoteKind.INDIRECT
    assert article.speakers[0].kind is SpeakerKind.PERSON
    assert article.authors == ("K. Lee",)
    assert isinstance(article.paragraphs, tuple)


def test_public_aliases() -> None:
    assert structure(record()) == structure_article(record())
    assert unstructure(structure(record())) == record()


# --- unstructure -------------------------------------------------------------------------


def test_unstructure_has_schema_first_and_every_field() -> None:
    data = unstructure_article(structure_article(record()))
    fields = [field.name for field in attrs.fields(Article)]
    assert fields[-2:] == ["entities", "title_quote"]
    assert list(data) == ["schema", *fields[:-2]]  # no entities, no title quote: no keys
    assert list(unstructure_article(structure_article(entity_record()))) == [
        "schema",
        *fields[:-1],
    ]
    both = entity_record()
    both["title"] = title_quote_record()["title"]
    both["title_quote"] = title_quote_record()["title_quote"]
    assert list(unstructure_article(structure_article(both))) == ["schema", *fields]
    assert data["schema"] == SCHEMA == "newsrecord/1"
    assert list(data["quotes"][0]) == [field.name for field in attrs.fields(Quote)]
    assert list(data["speakers"][0]) == [field.name for field in attrs.fields(Speaker)]
    affiliation = data["speakers"][0]["affiliations"][0]
    assert list(affiliation) == [field.name for field in attrs.fields(Affiliation)]


def test_unstructure_of_defaults_keeps_every_key() -> None:
    data = unstructure_article(Article(id="a", title="T"))
    assert data == {
        "schema": SCHEMA,
        "id": "a",
        "title": "T",
        "published": None,
        "published_raw": None,
        "language": None,
        "source": None,
        "url": None,
        "authors": [],
        "paragraphs": [],
        "speakers": [],
        "quotes": [],
    }


def _only_json_types(value: object) -> bool:
    if value is None or type(value) in (str, int, bool):
        return True
    if type(value) is list:
        return all(_only_json_types(item) for item in value)
    if type(value) is dict:
        return all(type(k) is str and _only_json_types(v) for k, v in value.items())
    return False


@given(articles())
@settings(max_examples=40, deadline=None)
def test_unstructure_gives_plain_json_types(article: Article) -> None:
    # Enums become their plain string values, tuples lists, datetimes strings.
    assert _only_json_types(unstructure_article(article))


@given(articles())
@settings(max_examples=60, deadline=None)
def test_round_trip(article: Article) -> None:
    data = unstructure_article(article)
    assert structure_article(data) == article
    assert problems_of(data) == []
    # and through JSON text (standard library, no newsrecord code involved)
    assert structure_article(json.loads(json.dumps(data))) == article


@given(articles())
@settings(max_examples=30, deadline=None)
def test_unstructure_does_not_share_mutable_state(article: Article) -> None:
    data = unstructure_article(article)
    snapshot = copy.deepcopy(data)
    data["authors"].append("mutated")
    assert unstructure_article(article) == snapshot


# --- datetimes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        dt.datetime(2024, 3, 5, 8, 15),
        dt.datetime(2024, 3, 5, 8, 15, 0, 120),
        dt.datetime(2024, 3, 5, 8, 15, tzinfo=dt.timezone.utc),
        dt.datetime(2024, 3, 5, 8, 15, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=45))),
        dt.datetime(2024, 3, 5, 8, 15, tzinfo=dt.timezone(-dt.timedelta(hours=3, minutes=30))),
        dt.datetime(1, 1, 1, 0, 0),
        dt.datetime(9999, 12, 31, 23, 59, 59, 999999),
    ],
)
def test_datetimes_round_trip_with_their_offset(value: dt.datetime) -> None:
    article = Article(id="a", title="T", published=value)
    data = unstructure_article(article)
    assert data["published"] == value.isoformat()
    again = structure_article(data).published
    assert again == value
    assert again is not None
    assert (again.tzinfo is None) == (value.tzinfo is None)
    assert again.utcoffset() == value.utcoffset()
    assert again.microsecond == value.microsecond


@pytest.mark.parametrize("suffix", ["Z", "z", "+00:00"])
def test_utc_suffixes(suffix: str) -> None:
    article = structure_article(with_change(("published",), "2024-03-05T08:15:00" + suffix))
    assert article.published == dt.datetime(2024, 3, 5, 8, 15, tzinfo=dt.timezone.utc)
    assert article.published is not None
    assert article.published.utcoffset() == dt.timedelta(0)


@pytest.mark.parametrize(
    "value", ["yesterday", "", "2024-13-01T00:00:00", "2024-03-05T25:00", "5.3.2024", "Z"]
)
def test_bad_iso_datetime_is_invalid_value(value: str) -> None:
    data = with_change(("published",), value)
    assert pairs(data) == {("$.published", "invalid-value")}
    with pytest.raises(RecordError) as info:
        structure_article(data)
    assert repr(value) in info.value.problems[0].message


# --- strictness --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        # None never becomes "None"
        (("title",), None, "$.title"),
        (("id",), None, "$.id"),
        (("speakers", 0, "name"), None, "$.speakers[0].name"),
        (("paragraphs",), None, "$.paragraphs"),
        (("authors",), [None], "$.authors[0]"),
        # 3.9 never becomes 3, "3" is not an int, True is not an int
        (("quotes", 0, "start"), 3.9, "$.quotes[0].start"),
        (("quotes", 0, "start"), float(START), "$.quotes[0].start"),
        (("quotes", 0, "end"), "3", "$.quotes[0].end"),
        (("quotes", 0, "start"), True, "$.quotes[0].start"),
        (("quotes", 0, "end"), False, "$.quotes[0].end"),
        # numbers and booleans are not strings
        (("title",), 3, "$.title"),
        (("url",), 3.9, "$.url"),
        (("source",), True, "$.source"),
        (("authors",), [1], "$.authors[0]"),
        # a string or an object where a list is expected
        (("authors",), "abc", "$.authors"),
        (("paragraphs",), "abc", "$.paragraphs"),
        (("authors",), {"name": "K. Lee"}, "$.authors"),
        (("speakers",), {"id": "s1"}, "$.speakers"),
        (("quotes",), {}, "$.quotes"),
        (("speakers", 0, "aliases"), "a warden", "$.speakers[0].aliases"),
        # a list where a string is expected
        (("title",), ["Pass closed"], "$.title"),
        # enums and dates take strings only
        (("quotes", 0, "kind"), 1, "$.quotes[0].kind"),
        (("speakers", 0, "kind"), None, "$.speakers[0].kind"),
        (("published",), 1709622900, "$.published"),
    ],
)
def test_wrong_json_type_is_never_coerced(
    path: tuple[str | int, ...], value: Any, where: str
) -> None:
    data = with_change(path, value)
    assert pairs(data) == {(where, "wrong-type")}
    with pytest.raises(RecordError) as info:
        structure_article(data)
    assert [(p.path, p.code) for p in info.value.problems] == [(where, "wrong-type")]
    assert info.value.field == where


def test_wrong_type_messages_name_both_types() -> None:
    (problem,) = problems_of(with_change(("quotes", 0, "start"), 3.9))
    assert problem.message == "expected an integer, got a number"
    (problem,) = problems_of(with_change(("title",), None))
    assert problem.message == "expected a string, got null"
    (problem,) = problems_of(with_change(("authors",), "abc"))
    assert problem.message == "expected a list, got a string"
    (problem,) = problems_of(with_change(("quotes", 0, "end"), True))
    assert problem.message == "expected an integer, got a boolean"


@pytest.mark.parametrize(
    ("path", "code"),
    [
        (("id",), "missing-field"),
        (("title",), "missing-field"),
        (("quotes", 0, "kind"), "missing-field"),
        (("speakers", 0, "name"), "missing-field"),
    ],
)
def test_missing_required_key(path: tuple[str | int, ...], code: str) -> None:
    assert pairs(without(path)) == {(json_path(path), code)}


@pytest.mark.parametrize(
    "key", ["published", "language", "url", "authors", "paragraphs", "speakers", "quotes"]
)
def test_optional_keys_may_be_absent(key: str) -> None:
    data = record()
    del data[key]
    if key in ("paragraphs", "speakers"):
        del data["quotes"]  # the quote points into the paragraphs, at the speaker
    assert problems_of(data) == []
    structure_article(data)


def test_unknown_key_is_unknown_field() -> None:
    data = record()
    data["tilte"] = data.pop("title")
    assert pairs(data) == {("$.tilte", "unknown-field"), ("$.title", "missing-field")}
    unknown = [p for p in problems_of(data) if p.code == "unknown-field"]
    assert "'tilte'" in unknown[0].message


def test_unknown_keys_of_nested_records() -> None:
    data = record()
    data["quotes"][0]["speaker"] = "s1"
    data["speakers"][0]["affiliations"][0]["title"] = "Dr"
    data["extra"] = 1
    assert pairs(data) == {
        ("$.extra", "unknown-field"),
        ("$.quotes[0].speaker", "unknown-field"),
        ("$.speakers[0].affiliations[0].title", "unknown-field"),
    }


def test_missing_schema() -> None:
    data = record()
    del data["schema"]
    assert pairs(data) == {("$", "schema-version")}
    with pytest.raises(RecordError) as info:
        structure_article(data)
    assert info.value.problems[0].code == "schema-version"
    assert "schema" in info.value.problems[0].message


@pytest.mark.parametrize("schema", ["newsrecord/2", "newsrecord/0", "", None, 1, "NEWSRECORD/1"])
def test_wrong_schema_version(schema: object) -> None:
    data = with_change(("schema",), schema)
    assert pairs(data) == {("$.schema", "schema-version")}
    with pytest.raises(RecordError):
        structure_article(data)


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        (("quotes", 0, "kind"), ("'direct'", "'indirect'", "'mixed'")),
        (("speakers", 0, "kind"), ("'person'", "'organization'")),
    ],
)
@pytest.mark.parametrize("value", ["robot", "DIRECT", "Person", ""])
def test_bad_enum_value_lists_the_allowed_values(
    path: tuple[str | int, ...], allowed: tuple[str, ...], value: str
) -> None:
    data = with_change(path, value)
    (problem,) = problems_of(data)
    assert problem.code == "invalid-value"
    assert problem.path == json_path(path)
    for name in allowed:
        assert name in problem.message
    assert repr(value) in problem.message


SPAN = ("$.quotes[0].text", "span-mismatch")


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (("title",), "  ", {("$.title", "empty-title")}),
        (("language",), "en_US", {("$.language", "invalid-language")}),
        (("id",), "", {("$.id", "invalid-value")}),
        # the span no longer matches either
        (("quotes", 0, "start"), -1, {("$.quotes[0].start", "invalid-value"), SPAN}),
        (("quotes", 0, "end"), START, {("$.quotes[0].end", "invalid-value"), SPAN}),
        (("quotes", 0, "text"), "It will", {SPAN}),
        (("quotes", 0, "speaker_id"), "s9", {("$.quotes[0].speaker_id", "unknown-speaker")}),
        (("quotes", 0, "end"), 10_000, {("$.quotes[0].end", "span-out-of-range")}),
        (
            ("speakers", 0, "affiliations", 0),
            {},
            {("$.speakers[0].affiliations[0].role", "invalid-value")},
        ),
    ],
)
def test_value_problems(
    path: tuple[str | int, ...], value: Any, expected: set[tuple[str, str]]
) -> None:
    data = with_change(path, value)
    assert pairs(data) == expected
    with pytest.raises(RecordError) as info:
        structure_article(data)
    assert info.value.problems == tuple(problems_of(data))


def test_problems_of_collects_every_problem() -> None:
    data = record()
    data["schema"] = "newsrecord/9"
    data["tilte"] = data.pop("title")
    data["authors"] = "K. Lee"
    data["url"] = None
    data["published"] = 20240305
    data["quotes"][0]["start"] = 3.9
    data["quotes"][0]["kind"] = "verbatim"
    data["speakers"][0]["aliases"] = [None, "ok"]
    del data["speakers"][0]["name"]
    assert pairs(data) == {
        ("$.schema", "schema-version"),
        ("$.tilte", "unknown-field"),
        ("$.title", "missing-field"),
        ("$.authors", "wrong-type"),
        ("$.published", "wrong-type"),
        ("$.quotes[0].start", "wrong-type"),
        ("$.quotes[0].kind", "invalid-value"),
        ("$.speakers[0].aliases[0]", "wrong-type"),
        ("$.speakers[0].name", "missing-field"),
    }
    assert len(problems_of(data)) == len(pairs(data))


def test_problems_of_collects_every_value_problem() -> None:
    data = record()
    data["title"] = ""
    data["language"] = "english"
    data["quotes"][0]["speaker_id"] = "nobody"
    data["quotes"].append(dict(data["quotes"][0], start=-2))
    data["speakers"].append(dict(data["speakers"][0], affiliations=[{"organization": " "}]))
    assert pairs(data) == {
        ("$.title", "empty-title"),
        ("$.language", "invalid-language"),
        ("$.quotes[1].start", "invalid-value"),
        ("$.speakers[1].affiliations[0].organization", "invalid-value"),
        ("$.speakers[1].affiliations[0].role", "invalid-value"),  # neither is given
        ("$.speakers[1].id", "duplicate-id"),
        ("$.quotes[1].id", "duplicate-id"),
        ("$.quotes[0].speaker_id", "unknown-speaker"),
        ("$.quotes[1].speaker_id", "unknown-speaker"),
        ("$.quotes[1].text", "span-mismatch"),
    }


def test_problems_of_reports_value_problems_next_to_type_problems() -> None:
    data = record()
    data["authors"] = "K. Lee"  # wrong-type
    data["language"] = "en_US"  # invalid-language
    data["title"] = " "  # empty-title
    assert pairs(data) == {
        ("$.authors", "wrong-type"),
        ("$.language", "invalid-language"),
        ("$.title", "empty-title"),
    }


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        (("quotes", 0), 5, "$.quotes[0]"),
        (("quotes", 0), "q1", "$.quotes[0]"),
        (("speakers", 0), ["s1"], "$.speakers[0]"),
        (("speakers", 0, "affiliations", 0), "Park Service", "$.speakers[0].affiliations[0]"),
    ],
)
def test_non_object_in_place_of_a_nested_record_is_wrong_type(
    path: tuple[str | int, ...], value: Any, where: str
) -> None:
    (problem,) = problems_of(with_change(path, value))
    assert (problem.path, problem.code) == (where, "wrong-type")
    assert "object" in problem.message


def test_non_object_in_place_of_a_nested_record_is_still_an_error() -> None:
    # It is one problem at the right path.
    data = with_change(("quotes", 0), 5)
    assert [p.path for p in problems_of(data)] == ["$.quotes[0]"]
    with pytest.raises(RecordError):
        structure_article(data)


# --- structure_article errors ------------------------------------------------------------


def test_record_error_lists_the_same_problems_as_problems_of() -> None:
    data = record()
    data["title"] = None
    data["quotes"][0]["end"] = "12"
    data["extra"] = True
    with pytest.raises(RecordError) as info:
        structure_article(data)
    error = info.value
    assert isinstance(error, ValueError)
    assert isinstance(error, NewsrecordError)
    assert error.problems == tuple(problems_of(data))
    assert len(error.problems) == 3
    assert error.field == error.problems[0].path
    assert error.message.startswith(error.problems[0].message)
    assert "(and 2 more problems)" in error.message
    assert error.file is None
    assert error.line is None


def test_record_error_with_one_problem() -> None:
    with pytest.raises(RecordError) as info:
        structure_article(with_change(("title",), ""))
    assert info.value.message == "title must not be empty"
    assert info.value.field == "$.title"
    assert str(info.value) == "$.title: title must not be empty"


@pytest.mark.parametrize("data", [[], ["a"], "a record", 1, None, True, 1.5])
def test_a_record_that_is_not_an_object_is_wrong_type(data: object) -> None:
    with pytest.raises(RecordError) as info:
        structure_article(data)
    assert [(p.path, p.code) for p in info.value.problems] == [("$", "wrong-type")]
    assert "JSON object" in info.value.message


def test_structure_does_not_modify_its_input() -> None:
    data = record()
    data["extra"] = 1
    snapshot = copy.deepcopy(data)
    with pytest.raises(RecordError):
        structure_article(data)
    problems_of(data)
    assert data == snapshot
    good = record()
    structure_article(good)
    assert good == record()


def test_every_converter_code_is_documented() -> None:
    data = record()
    data["schema"] = "x"
    data["tilte"] = 1
    data["authors"] = 1
    del data["id"]
    data["quotes"][0]["kind"] = "?"
    codes = {p.code for p in problems_of(data)}
    assert codes == {
        "schema-version",
        "unknown-field",
        "wrong-type",
        "missing-field",
        "invalid-value",
    }
    assert codes <= set(CODES)


# --- entities ----------------------------------------------------------------------------

#: A record exactly as newsrecord wrote it before entities existed (compact JSON).
WRITTEN_BEFORE_ENTITIES = (
    '{"schema":"newsrecord/1","id":"a1","title":"Pass closed",'
    '"published":"2024-03-05T08:15:00+01:00","published_raw":"5.3.2024 8:15","language":"en",'
    '"source":"Valley News","url":null,"authors":["K. Lee"],'
    '"paragraphs":["Rain closed the mountain pass on Tuesday.",'
    '"It will reopen soon, a warden said."],'
    '"speakers":[{"id":"s1","name":"a warden","kind":"person","aliases":[],'
    '"affiliations":[{"organization":"Park Service","role":"warden"}]}],'
    '"quotes":[{"id":"q1","kind":"indirect","text":"It will reopen soon","start":43,"end":62,'
    '"speaker_id":"s1","mention":"a warden","cue":"said","via":null}]}'
)


def test_a_record_written_before_entities_reads_and_is_written_the_same() -> None:
    assert json.loads(WRITTEN_BEFORE_ENTITIES) == record()
    assert problems_of(record()) == []
    article = from_json(WRITTEN_BEFORE_ENTITIES)
    assert article.entities == ()
    assert unstructure_article(article) == record()
    assert json.dumps(unstructure_article(article), separators=(",", ":")) == (
        WRITTEN_BEFORE_ENTITIES
    )


def test_entities_structure_into_entities_and_spans() -> None:
    article = structure_article(entity_record())
    warden, service = article.entities
    assert warden == Entity(
        id="e1",
        name="a warden",
        kind=SpeakerKind.PERSON,
        affiliations=(Affiliation(organization="Park Service", role="warden"),),
        mentions=(Span(start=WARDEN, end=WARDEN + 8, text="a warden"),),
        speaker_id="s1",
    )
    assert service.kind is SpeakerKind.ORGANIZATION
    assert article.entity("e2") is service
    assert article.entity("e9") is None
    assert article.entity(None) is None
    assert unstructure_article(article) == entity_record()
    entity = unstructure_article(article)["entities"][0]
    assert list(entity) == [field.name for field in attrs.fields(Entity)]
    assert list(entity["mentions"][0]) == [field.name for field in attrs.fields(Span)]


def test_empty_entities_may_be_written_out_and_are_left_out_again() -> None:
    data = record()
    data["entities"] = []
    assert problems_of(data) == []
    assert unstructure_article(structure_article(data)) == record()


def test_entity_defaults() -> None:
    data = record()
    data["entities"] = [{"id": "e1", "name": "Park Service", "kind": "organization"}]
    (entity,) = structure_article(data).entities
    assert (entity.affiliations, entity.mentions, entity.speaker_id) == ((), (), None)


def _entity_change(path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    data = entity_record()
    target: Any = data["entities"]
    for step in path[:-1]:
        target = target[step]
    if value is _ABSENT:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


_ABSENT = object()


@pytest.mark.parametrize(
    ("path", "value", "where", "code"),
    [
        ((1, "id"), "e1", "$.entities[1].id", "duplicate-id"),
        ((1, "speaker_id"), "s1", "$.entities[1].speaker_id", "duplicate-id"),
        ((0, "speaker_id"), "s9", "$.entities[0].speaker_id", "unknown-speaker"),
        ((0, "mentions", 0, "end"), 10_000, "$.entities[0].mentions[0].end", "span-out-of-range"),
        ((0, "mentions", 0, "text"), "a ranger", "$.entities[0].mentions[0].text", "span-mismatch"),
        ((0, "mentions", 0, "start"), 3.0, "$.entities[0].mentions[0].start", "wrong-type"),
        ((0, "mentions", 0, "text"), None, "$.entities[0].mentions[0].text", "wrong-type"),
        ((0, "mentions", 0, "text"), _ABSENT, "$.entities[0].mentions[0].text", "missing-field"),
        ((0, "mentions", 0, "length"), 8, "$.entities[0].mentions[0].length", "unknown-field"),
        ((0, "mentions"), "a warden", "$.entities[0].mentions", "wrong-type"),
        ((0, "kind"), _ABSENT, "$.entities[0].kind", "missing-field"),
        ((0, "kind"), "place", "$.entities[0].kind", "invalid-value"),
        ((0, "name"), "\t", "$.entities[0].name", "invalid-value"),
        ((0, "aliases"), [], "$.entities[0].aliases", "unknown-field"),
        ((1, "affiliations"), [{}], "$.entities[1].affiliations[0].role", "invalid-value"),
        ((1,), "Park Service", "$.entities[1]", "wrong-type"),
    ],
)
def test_entity_problems(path: tuple[str | int, ...], value: Any, where: str, code: str) -> None:
    data = _entity_change(path, value)
    assert pairs(data) == {(where, code)}
    with pytest.raises(RecordError) as info:
        structure_article(data)
    assert info.value.field == where


def test_bad_mention_offsets_are_invalid_and_mismatch() -> None:
    # as for a quote: the offsets are wrong, so the text at them is not the mention's
    mention = "$.entities[0].mentions[0]"
    assert pairs(_entity_change((0, "mentions", 0, "start"), -1)) == {
        (f"{mention}.start", "invalid-value"),
        (f"{mention}.text", "span-mismatch"),
    }
    assert pairs(_entity_change((0, "mentions", 0, "end"), WARDEN)) == {
        (f"{mention}.end", "invalid-value"),
        (f"{mention}.text", "span-mismatch"),
    }


def test_a_blank_entity_speaker_id_is_invalid_and_names_no_speaker() -> None:
    # as for a quote's speaker_id
    assert pairs(_entity_change((0, "speaker_id"), " ")) == {
        ("$.entities[0].speaker_id", "invalid-value"),
        ("$.entities[0].speaker_id", "unknown-speaker"),
    }


def test_entities_must_be_a_list() -> None:
    data = record()
    data["entities"] = {"id": "e1"}
    assert pairs(data) == {("$.entities", "wrong-type")}


def test_entity_problems_are_reported_beside_broken_speakers() -> None:
    data = entity_record()
    data["title"] = 5
    data["entities"][1]["id"] = "e1"
    assert pairs(data) == {("$.title", "wrong-type"), ("$.entities[1].id", "duplicate-id")}
    data["speakers"] = "the warden"  # the entities' links cannot be checked without them
    assert pairs(data) == {("$.title", "wrong-type"), ("$.speakers", "wrong-type")}


# --- the headline's quote ------------------------------------------------------------------

HEADLINE = "Warden: the pass will reopen soon"


def title_quote_record() -> dict[str, Any]:
    """:func:`record` whose headline carries the warden's statement."""
    data = record()
    data["title"] = HEADLINE
    data["title_quote"] = {
        "id": "t1",
        "kind": "indirect",
        "text": "the pass will reopen soon",
        "start": 8,
        "end": len(HEADLINE),
        "speaker_id": "s1",
        "mention": "Warden",
        "cue": None,
        "via": None,
    }
    return data


def test_a_title_quote_structures_into_a_quote_of_the_title() -> None:
    article = structure_article(title_quote_record())
    quote = article.title_quote
    assert quote == Quote(
        id="t1",
        kind=QuoteKind.INDIRECT,
        text="the pass will reopen soon",
        start=8,
        end=len(HEADLINE),
        speaker_id="s1",
        mention="Warden",
    )
    assert article.title[quote.start : quote.end] == quote.text
    assert len(article.quotes) == 1  # the body's quotes are as they were
    data = unstructure_article(article)
    assert data == title_quote_record()
    assert list(data)[-1] == "title_quote"
    assert list(data["title_quote"]) == [field.name for field in attrs.fields(Quote)]


def test_a_null_title_quote_reads_as_none_and_is_left_out_again() -> None:
    data = record()
    data["title_quote"] = None
    assert problems_of(data) == []
    assert structure_article(data).title_quote is None
    assert unstructure_article(structure_article(data)) == record()
    assert unstructure_article(structure_article(record())) == record()


def _title_quote_change(key: str, value: Any) -> dict[str, Any]:
    data = title_quote_record()
    if value is _ABSENT:
        del data["title_quote"][key]
    else:
        data["title_quote"][key] = value
    return data


@pytest.mark.parametrize(
    ("key", "value", "where", "code"),
    [
        ("id", "q1", "$.title_quote.id", "duplicate-id"),
        ("speaker_id", "s9", "$.title_quote.speaker_id", "unknown-speaker"),
        ("end", 10_000, "$.title_quote.end", "span-out-of-range"),
        ("text", "the pass", "$.title_quote.text", "span-mismatch"),
        ("start", 8.0, "$.title_quote.start", "wrong-type"),
        ("text", _ABSENT, "$.title_quote.text", "missing-field"),
        ("page", 1, "$.title_quote.page", "unknown-field"),
        ("kind", "rumour", "$.title_quote.kind", "invalid-value"),
        ("id", " ", "$.title_quote.id", "invalid-value"),
    ],
)
def test_title_quote_problems(key: str, value: Any, where: str, code: str) -> None:
    data = _title_quote_change(key, value)
    assert pairs(data) == {(where, code)}
    with pytest.raises(RecordError) as info:
        structure_article(data)
    assert info.value.field == where


def test_a_title_quote_indexes_the_title_not_the_text() -> None:
    data = title_quote_record()
    quote = data["title_quote"]
    quote["start"], quote["end"], quote["text"] = START, START + len(QUOTE), QUOTE
    assert pairs(data) == {
        ("$.title_quote.end", "span-out-of-range"),
    }
    data["title"] = TEXT  # the same offsets in a title that holds them are right
    assert pairs(data) == set()


def test_a_title_quote_must_be_an_object() -> None:
    data = record()
    data["title_quote"] = ["t1"]
    assert pairs(data) == {("$.title_quote", "wrong-type")}


def test_title_quote_problems_are_reported_beside_broken_fields() -> None:
    data = title_quote_record()
    data["title_quote"]["speaker_id"] = "s9"
    data["published"] = 5
    assert pairs(data) == {
        ("$.published", "wrong-type"),
        ("$.title_quote.speaker_id", "unknown-speaker"),
    }
    data["speakers"] = "the warden"  # its speaker cannot be checked without them
    assert pairs(data) == {("$.published", "wrong-type"), ("$.speakers", "wrong-type")}
    data = title_quote_record()
    data["title"] = 5  # nor its span without the title
    assert pairs(data) == {("$.title", "wrong-type")}
