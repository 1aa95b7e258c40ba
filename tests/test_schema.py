"""Tests of ``newsrecord._schema``: the JSON Schema accepts what the model accepts.

Valid records come from :func:`articles`, a Hypothesis strategy that builds valid
:class:`~newsrecord.Article` objects (also used by ``test_cli``); every text is made up.
``jsonschema`` is a test-only dependency: the tests that need it skip without it.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import strategies
from newsrecord._converter import converter, problems_of, unstructure_article
from newsrecord._langtag import _LANGTAG_RE, is_language_tag
from newsrecord._model import (
    Affiliation,
    Article,
    Entity,
    Quote,
    QuoteKind,
    Span,
    Speaker,
    SpeakerKind,
)
from newsrecord._schema import _DATE_TIME, _LANGUAGE_TAG, SCHEMA_ID, _object_schema, json_schema

# ------------------------------------------------------------------- strategy

#: Any text, including quotes, commas, line breaks, leading '=' and non-ASCII letters.
texts = st.text(
    st.characters(codec="utf-8")
    | st.sampled_from(['"', ",", "\n", "\r", "=", "+", "-", "@", "\t", " ", "\u00a0"]),
    max_size=30,
)
non_blank = texts.filter(str.strip)
optional_text = st.none() | texts
optional_non_blank = st.none() | non_blank

language_tags = st.sampled_from(["en", "zh-CN", "sr-Latn-RS", "de-CH-1996", "und"]) | st.from_regex(
    _LANGTAG_RE, fullmatch=True
)

offsets = st.timedeltas(
    min_value=dt.timedelta(hours=-23, minutes=-59), max_value=dt.timedelta(hours=23, minutes=59)
)
published = st.none() | st.datetimes(timezones=st.none() | st.builds(dt.timezone, offsets))

affiliations = st.builds(Affiliation, organization=non_blank, role=optional_non_blank) | st.builds(
    Affiliation, organization=st.none(), role=non_blank
)


@st.composite
def speakers(draw: st.DrawFn) -> tuple[Speaker, ...]:
    ids = draw(st.lists(non_blank, max_size=3, unique=True))
    return tuple(
        Speaker(
            id=ident,
            name=draw(non_blank),
            kind=draw(st.sampled_from(SpeakerKind)),
            aliases=tuple(draw(st.lists(texts, max_size=2))),
            affiliations=tuple(draw(st.lists(affiliations, max_size=2))),
        )
        for ident in ids
    )


@st.composite
def quote_in(draw: st.DrawFn, text: str, ident: str, speaker_ids: list[str]) -> Quote | None:
    """A quote on a non-blank span of ``text``, or ``None`` when there is none."""
    starts = [index for index, char in enumerate(text) if not char.isspace()]
    if not starts:
        return None
    start = draw(st.sampled_from(starts))
    end = draw(st.integers(start + 1, len(text)))
    return Quote(
        id=ident,
        kind=draw(st.sampled_from(QuoteKind)),
        text=text[start:end],
        start=start,
        end=end,
        speaker_id=draw(st.none() | st.sampled_from(speaker_ids)) if speaker_ids else None,
        mention=draw(optional_non_blank),
        cue=draw(optional_non_blank),
        via=draw(optional_non_blank),
    )


@st.composite
def articles(draw: st.DrawFn, ident: st.SearchStrategy[str] = non_blank) -> Article:
    """A valid article: every field drawn, quotes pointing into the text, at speakers."""
    paragraphs = tuple(draw(st.lists(texts, max_size=3)))
    people = draw(speakers())
    text = "\n\n".join(paragraphs)
    quote_ids = draw(st.lists(non_blank, max_size=3, unique=True))
    quotes = [draw(quote_in(text, qid, [s.id for s in people])) for qid in quote_ids]
    return Article(
        id=draw(ident),
        title=draw(non_blank),
        published=draw(published),
        published_raw=draw(optional_text),
        language=draw(st.none() | language_tags),
        source=draw(optional_text),
        url=draw(optional_text),
        authors=tuple(draw(st.lists(texts, max_size=2))),
        paragraphs=paragraphs,
        speakers=people,
        quotes=tuple(quote for quote in quotes if quote is not None),
    )


# ---------------------------------------------------------------------- tests


@pytest.fixture(scope="module")
def validator() -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


_FERRY = "Ferries will leave every forty minutes, the operator said, and Ola Dahl agreed."
_OPERATOR = _FERRY.index("the operator")
_DAHL = _FERRY.index("Ola Dahl")
_HEADLINE = "Ola Dahl: ferries will leave more often"


def valid_record() -> dict[str, Any]:
    article = Article(
        id="a1",
        title=_HEADLINE,
        published=dt.datetime(2023, 11, 8, 16, 38),
        language="en",
        paragraphs=(_FERRY,),
        speakers=(
            Speaker(id="s1", name="Coastline Ferries", kind=SpeakerKind.ORGANIZATION),
            Speaker(id="s2", name="Ola Dahl", affiliations=(Affiliation(role="captain"),)),
        ),
        quotes=(
            Quote(
                id="q1",
                kind=QuoteKind.INDIRECT,
                text="Ferries will leave every forty minutes",
                start=0,
                end=38,
                speaker_id="s1",
            ),
        ),
        entities=(
            Entity(
                id="e1",
                name="Coastline Ferries",
                kind=SpeakerKind.ORGANIZATION,
                mentions=(Span(start=_OPERATOR, end=_OPERATOR + 12, text="the operator"),),
                speaker_id="s1",
            ),
            Entity(
                id="e2",
                name="Ola Dahl",
                kind=SpeakerKind.PERSON,
                affiliations=(Affiliation(role="captain"),),
                mentions=(Span(start=_DAHL, end=_DAHL + 8, text="Ola Dahl"),),
            ),
        ),
        title_quote=Quote(
            id="t1",
            kind=QuoteKind.INDIRECT,
            text="ferries will leave more often",
            start=10,
            end=len(_HEADLINE),
            speaker_id="s2",
            mention="Ola Dahl",
        ),
    )
    return unstructure_article(article)


def test_schema_header() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == SCHEMA_ID == "urn:newsrecord:schema:1"
    assert schema["properties"]["schema"] == {"const": "newsrecord/1"}
    assert schema["required"] == ["schema", "id", "title"]
    assert set(schema["$defs"]) == {"Speaker", "Quote", "Affiliation", "Entity", "Span"}
    assert "entities" not in schema["required"]
    assert "title_quote" not in schema["required"]
    assert schema["properties"]["title_quote"] == {
        "anyOf": [{"$ref": "#/$defs/Quote"}, {"type": "null"}]
    }
    assert list(schema["properties"])[-1] == "title_quote"
    assert schema["$defs"]["Entity"]["required"] == ["id", "name", "kind"]
    assert schema["$defs"]["Span"]["required"] == ["start", "end", "text"]
    assert schema["$defs"]["Quote"]["required"] == ["id", "kind", "text", "start", "end"]
    assert schema["$defs"]["Quote"]["properties"]["kind"]["enum"] == [
        "direct",
        "indirect",
        "mixed",
    ]
    for definition in [schema, *schema["$defs"].values()]:
        assert definition["additionalProperties"] is False


def test_json_schema_returns_a_new_dict() -> None:
    first = json_schema()
    first["properties"].clear()
    assert json_schema()["properties"]


def test_valid_record(validator: Any) -> None:
    data = valid_record()
    assert problems_of(data) == []
    assert validator.is_valid(data)


def test_records_written_before_entities_are_valid(validator: Any) -> None:
    """A record as newsrecord wrote it before the field existed: no "entities" key."""
    data = valid_record()
    del data["entities"]
    assert problems_of(data) == []
    assert validator.is_valid(data)


def test_records_without_a_title_quote_are_valid(validator: Any) -> None:
    """A record as newsrecord writes one whose headline carries no quote: no key."""
    data = valid_record()
    del data["title_quote"]
    assert problems_of(data) == []
    assert validator.is_valid(data)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_generated_articles_are_valid(validator: Any, article: Article) -> None:
    data = unstructure_article(article)
    errors = [error.message for error in validator.iter_errors(data)]
    assert errors == []


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(strategies.articles(surrogates=True))
def test_awkward_articles_are_valid(validator: Any, article: Article) -> None:
    # The shared strategy of tests/strategies.py: control characters, lone surrogates, ...
    assert validator.is_valid(unstructure_article(article))


def _set(path: tuple[Any, ...], value: Any) -> Any:
    def change(data: dict[str, Any]) -> dict[str, Any]:
        data = copy.deepcopy(data)
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        if value is _DELETE:
            del target[path[-1]]
        else:
            target[path[-1]] = value
        return data

    return change


_DELETE = object()

# (change, valid?): the schema and the model must agree on each.
CHANGES = [
    (("id",), _DELETE, False),
    (("title",), _DELETE, False),
    (("schema",), _DELETE, False),
    (("schema",), "newsrecord/2", False),
    (("speakers",), _DELETE, False),  # the quote's speaker_id then names no speaker
    (("authors",), _DELETE, True),
    (("published",), _DELETE, True),
    (("titel",), "typo", False),
    (("speakers", 0, "nickname"), "x", False),
    (("speakers", 1, "affiliations", 0, "since"), "2020", False),
    (("title",), 5, False),
    (("title",), None, False),
    (("id",), "", False),
    (("id",), " \n", False),
    (("title",), "\u3000", False),
    (("paragraphs",), "one paragraph", False),
    (("paragraphs", 0), 1, False),
    (("authors",), ["A. Writer", None], False),
    (("source",), None, True),
    (("source",), "", True),
    (("url",), 3, False),
    (("language",), "en_US", False),
    (("language",), "EN-us", True),
    (("language",), "en\n", False),
    (("language",), None, True),
    (("published",), "2023-11-08T16:38:00+03:00", True),
    (("published",), "2023-11-08T16:38:00.123456Z", True),
    (("published",), "2023-11-08T16:38", True),
    (("published",), "2023-13-08T16:38:00", False),
    (("published",), "08.11.2023 16:38", False),
    (("published",), "2023-11-08T16:38:00\n", False),
    (("published",), 20231108, False),
    (("quotes", 0, "start"), -1, False),
    (("quotes", 0, "start"), "0", False),
    (("quotes", 0, "start"), True, False),
    (("quotes", 0, "kind"), "shouted", False),
    (("quotes", 0, "kind"), _DELETE, False),
    (("quotes", 0, "speaker_id"), None, True),
    (("quotes", 0, "speaker_id"), "", False),
    (("quotes", 0, "cue"), " ", False),
    (("speakers", 0, "kind"), "robot", False),
    (("speakers", 0, "aliases"), [""], True),
    (("speakers", 1, "affiliations", 0), {}, False),
    (("speakers", 1, "affiliations", 0), {"organization": None, "role": None}, False),
    (("speakers", 1, "affiliations", 0), {"organization": "Port"}, True),
    (("speakers", 1, "affiliations", 0), {"organization": " ", "role": "pilot"}, False),
    (("entities",), [], True),
    (("entities",), None, False),
    (("entities",), {}, False),
    (("entities", 0, "kind"), _DELETE, False),
    (("entities", 0, "kind"), "robot", False),
    (("entities", 0, "id"), _DELETE, False),
    (("entities", 0, "name"), " ", False),
    (("entities", 0, "alias"), "x", False),
    (("entities", 0, "speaker_id"), None, True),
    (("entities", 0, "speaker_id"), _DELETE, True),
    (("entities", 0, "speaker_id"), "", False),
    (("entities", 0, "mentions"), _DELETE, True),
    (("entities", 0, "mentions"), "the operator", False),
    (("entities", 0, "mentions", 0, "start"), -1, False),
    (("entities", 0, "mentions", 0, "start"), "0", False),
    (("entities", 0, "mentions", 0, "text"), _DELETE, False),
    (("entities", 0, "mentions", 0, "where"), 1, False),
    (("entities", 1, "affiliations", 0), {}, False),
    (("entities", 1, "affiliations"), _DELETE, True),
    (("title_quote",), None, True),
    (("title_quote",), [], False),
    (("title_quote",), "ferries will leave more often", False),
    (("title_quote", "kind"), "rumour", False),
    (("title_quote", "kind"), _DELETE, False),
    (("title_quote", "start"), -1, False),
    (("title_quote", "start"), "10", False),
    (("title_quote", "speaker_id"), None, True),
    (("title_quote", "speaker_id"), "", False),
    (("title_quote", "mention"), _DELETE, True),
    (("title_quote", "mention"), " ", False),
    (("title_quote", "page"), 1, False),
]


@pytest.mark.parametrize(("path", "value", "valid"), CHANGES)
def test_schema_and_model_agree(validator: Any, path: Any, value: Any, valid: bool) -> None:
    data = _set(path, value)(valid_record())
    model_valid = not problems_of(data)
    if path == ("speakers",):  # a cross-field rule: the schema cannot see it
        assert (model_valid, validator.is_valid(data)) == (False, True)
        return
    assert model_valid is valid
    assert validator.is_valid(data) is valid


def test_checks_the_schema_cannot_express(validator: Any) -> None:
    for path, value in [
        (("quotes", 0, "end"), 10_000),  # span out of range
        (("quotes", 0, "text"), "Ferries"),  # span mismatch
        (("quotes", 0, "end"), 0),  # end before start
        (("quotes", 0, "speaker_id"), "s9"),  # no such speaker
        (("speakers", 1, "id"), "s1"),  # duplicate id
        (("entities", 0, "mentions", 0, "end"), 10_000),  # mention out of range
        (("entities", 0, "mentions", 0, "text"), "the ferry"),  # mention mismatch
        (("entities", 0, "mentions", 0, "end"), 0),  # end before start
        (("entities", 0, "speaker_id"), "s9"),  # no such speaker
        (("entities", 1, "speaker_id"), "s1"),  # a speaker linked twice
        (("entities", 1, "id"), "e1"),  # duplicate entity id
        (("title_quote", "end"), 10_000),  # headline quote out of the title
        (("title_quote", "text"), "ferries"),  # headline quote mismatch
        (("title_quote", "speaker_id"), "s9"),  # no such speaker
        (("title_quote", "id"), "q1"),  # the id of a body quote
    ]:
        data = _set(path, value)(valid_record())
        assert problems_of(data)
        assert validator.is_valid(data)


def _schema_match(pattern: str, text: str) -> bool:
    # What JSON Schema's "pattern" means, and what the jsonschema package does.
    return re.search(pattern, text) is not None


@given(
    st.from_regex(_LANGTAG_RE, fullmatch=True)
    | st.text(st.sampled_from("aAbZxX0159-\n_ "), max_size=24)
)
def test_language_pattern_is_is_language_tag(tag: str) -> None:
    assert _schema_match(_LANGUAGE_TAG, tag) is is_language_tag(tag)


@given(published.filter(lambda value: value is not None))
def test_written_dates_match_the_pattern(value: dt.datetime) -> None:
    assert _schema_match(_DATE_TIME, value.isoformat())


@given(st.from_regex(_DATE_TIME))
def test_dates_matching_the_pattern_are_read(text: str) -> None:
    try:
        converter.structure(text, dt.datetime)
    except Exception:  # only an impossible day of the month (February 30) may fail
        iso = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
        with pytest.raises(ValueError, match="day is out of range for month"):
            dt.datetime.fromisoformat(iso)


def test_a_validator_without_translation_is_an_error() -> None:
    def odd(_instance: Any, _attribute: Any, _value: Any) -> None:
        pass

    @attrs.frozen
    class Odd:
        name: str = attrs.field(validator=odd)

    with pytest.raises(TypeError, match="no JSON Schema translation"):
        _object_schema(Odd)
