"""Tests of ``newsrecord._fast``: the fast paths give what the general path gives, or decline.

The general path is the strict cattrs converter (``_structure_article_fields`` and
``_unstructure_article_fields`` of ``newsrecord._converter``) and the standard library's
JSON encoder.  Every record here is generated or made up here.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import sys
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsrecord import (
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
from newsrecord._converter import (
    _structure_article_fields,
    _unstructure_article_fields,
)
from newsrecord._fast import (
    Decline,
    _blank,
    article_dict,
    article_text,
    build_article,
    parse_datetime,
)
from newsrecord._jsonio import _compact_encoder
from strategies import articles

_DECLINED = object()


def general_structure(data: Any) -> Any:
    """What the general path makes of ``data``: an article, or ``_DECLINED`` for an error."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        return _DECLINED
    fields = {key: value for key, value in data.items() if key != "schema"}
    try:
        return _structure_article_fields(fields, Article)
    except Exception:
        return _DECLINED


def general_unstructure(article: Any) -> Any:
    try:
        return {"schema": SCHEMA, **_unstructure_article_fields(article)}
    except Exception:
        return _DECLINED


def general_text(article: Any) -> Any:
    data = general_unstructure(article)
    if data is _DECLINED:
        return _DECLINED
    try:
        return _compact_encoder.encode(data)
    except Exception:
        return _DECLINED


def fast(function: Callable[[Any], Any], value: Any) -> Any:
    try:
        return function(value)
    except Exception:
        return _DECLINED


# --------------------------------------------------------------------------- valid records


@given(articles(surrogates=True))
def test_builds_what_the_converter_builds(article: Article) -> None:
    data = general_unstructure(article)
    built = build_article(data)
    assert built == article == general_structure(data)
    assert type(built) is Article
    assert built.text == "\n\n".join(article.paragraphs)


@given(articles(surrogates=True))
def test_dict_is_the_converter_dict(article: Article) -> None:
    expected = general_unstructure(article)
    written = article_dict(article)
    assert written == expected
    assert json.dumps(written, ensure_ascii=False) == json.dumps(expected, ensure_ascii=False)


@given(articles(surrogates=True))
def test_text_is_the_encoder_text(article: Article) -> None:
    assert article_text(article) == general_text(article)


def test_built_articles_are_complete_records() -> None:
    article = build_article(
        {
            "schema": SCHEMA,
            "id": "a1",
            "title": "Ferry service resumes",
            "paragraphs": ["“It runs again,” said Ana Lind."],
            "speakers": [{"id": "s1", "name": "Ana Lind"}],
            "quotes": [
                {"id": "q1", "kind": "direct", "text": "It runs again,", "start": 1, "end": 15}
            ],
        }
    )
    assert article == Article(
        id="a1",
        title="Ferry service resumes",
        paragraphs=("“It runs again,” said Ana Lind.",),
        speakers=(Speaker(id="s1", name="Ana Lind"),),
        quotes=(Quote(id="q1", kind=QuoteKind.DIRECT, text="It runs again,", start=1, end=15),),
    )
    assert article.speakers[0].kind is SpeakerKind.PERSON
    assert attrs.evolve(article, title="Ferry back").title == "Ferry back"
    assert hash(article) == hash(attrs.evolve(article))


# --------------------------------------------------------------------------- broken records

_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True)
    | st.sampled_from(["", " ", "\u2003", "x", "direct", "person", "en", "s1", "q1", "Z"])
    | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.sampled_from(["id", "kind", "x", "text"]), children, max_size=3)
    ),
    max_leaves=6,
)

#: Values that JSON never gives but Python callers may.
_python_values = st.sampled_from(
    [
        (),
        ("a",),
        QuoteKind.DIRECT,
        SpeakerKind.PERSON,
        True,
        1.0,
        dt.datetime(2024, 1, 1),
        type("Text", (str,), {})("s1"),
    ]
)


def _locations(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found.extend(_locations(value, (*path, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.extend(_locations(value, (*path, index)))
    return found


def _mutate(data: Any, path: tuple[Any, ...], action: str, value: Any) -> Any:
    data = copy.deepcopy(data)
    if not path:
        return value
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if action == "delete":
        del parent[last]
    elif action == "add" and isinstance(parent, dict):
        parent["extra"] = value
    elif action == "tuple" and isinstance(parent[last], list):
        parent[last] = tuple(parent[last])
    else:
        parent[last] = value
    return data


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=300)
@given(
    articles(),
    st.data(),
    st.sampled_from(["replace", "delete", "add", "tuple"]),
    _json_values | _python_values,
)
def test_broken_records_are_declined(
    article: Article, data: st.DataObject, action: str, value: Any
) -> None:
    record = general_unstructure(article)
    path = data.draw(st.sampled_from(_locations(record)))
    broken = _mutate(record, path, action, value)
    expected = general_structure(broken)
    built = fast(build_article, broken)
    if expected is _DECLINED:
        assert built is _DECLINED
    else:  # still valid (or valid in a way the fast path leaves alone)
        assert built is _DECLINED or built == expected


@pytest.mark.parametrize(
    "change",
    [
        lambda r: r.update(schema="newsrecord/2"),
        lambda r: r.pop("schema"),
        lambda r: r.update(title=" \t"),
        lambda r: r.update(language="en_US"),
        lambda r: r.update(published="yesterday"),
        lambda r: r["quotes"][0].update(end=10_000),
        lambda r: r["quotes"][0].update(start=-1),
        lambda r: r["quotes"][0].update(speaker_id="nobody"),
        lambda r: r["quotes"][0].update(text="other words"),
        lambda r: r["quotes"].append(dict(r["quotes"][0])),
        lambda r: r["speakers"].append(dict(r["speakers"][0])),
        lambda r: r["speakers"][0].update(affiliations=[{"organization": None}]),
        lambda r: r["speakers"][0].update(kind="robot"),
        lambda r: r["quotes"][0].update(cue=""),
        lambda r: r["quotes"][0].update(start=True),
        lambda r: r.update(extra=None),
        lambda r: r["quotes"][0].update(extra=None),
        lambda r: r["speakers"][0].update(extra=None),
        lambda r: r["speakers"][0]["affiliations"][0].update(extra=None),
        lambda r: r["quotes"][0].update(kind=QuoteKind.DIRECT, id=("q", 1)),
        lambda r: r.update(entities=None),
        lambda r: r.update(entities=[{"id": "e9", "name": "X"}]),
        lambda r: r["entities"].append(dict(r["entities"][0])),
        lambda r: r["entities"].append({**r["entities"][0], "id": "e9"}),  # s1 linked twice
        lambda r: r["entities"][0].update(speaker_id="nobody"),
        lambda r: r["entities"][0].update(speaker_id=""),
        lambda r: r["entities"][0].update(kind="robot"),
        lambda r: r["entities"][0].pop("kind"),
        lambda r: r["entities"][0].update(name=" "),
        lambda r: r["entities"][0].update(extra=None),
        lambda r: r["entities"][0].update(affiliations=[{}]),
        lambda r: r["entities"][0].update(mentions=[{"start": 0, "end": 1, "text": "x"}]),
        lambda r: r["entities"][0]["mentions"][0].update(end=10_000),
        lambda r: r["entities"][0]["mentions"][0].update(start=-1),
        lambda r: r["entities"][0]["mentions"][0].update(start=1.0),
        lambda r: r["entities"][0]["mentions"][0].update(text="Ana"),
        lambda r: r["entities"][0]["mentions"][0].update(extra=None),
        lambda r: r["entities"][1]["mentions"][0].pop("text"),
    ],
)
def test_each_kind_of_problem_is_declined(change: Callable[[dict[str, Any]], Any]) -> None:
    record = general_unstructure(_sample())
    assert build_article(record) == _sample()
    change(record)
    assert general_structure(record) is _DECLINED
    assert fast(build_article, record) is _DECLINED


def test_a_span_past_the_end_is_declined() -> None:
    """A quote at the very end of the text whose ``end`` lies beyond it."""
    record = general_unstructure(_sample())
    quote = record["quotes"][0]
    quote["text"] = "North Ferries."
    quote["start"] = record["paragraphs"][0].index(quote["text"])
    quote["end"] = quote["start"] + len(quote["text"])
    assert build_article(record) == general_structure(record)
    quote["end"] += 1
    assert general_structure(record) is _DECLINED
    with pytest.raises(Decline):
        build_article(record)


def _sample() -> Article:
    paragraph = "“The ferry runs again,” said Ana Lind, a captain at North Ferries."
    lind = paragraph.index("Ana Lind")
    ferries = paragraph.index("North Ferries")
    return Article(
        id="ferry-1",
        title="Ferry service resumes",
        published=dt.datetime(2024, 5, 2, 8, 30, tzinfo=dt.timezone.utc),
        language="en",
        paragraphs=(paragraph,),
        speakers=(
            Speaker(
                id="s1",
                name="Ana Lind",
                affiliations=(Affiliation(organization="North Ferries", role="captain"),),
            ),
        ),
        quotes=(
            Quote(
                id="q1",
                kind=QuoteKind.DIRECT,
                text="The ferry runs again,",
                start=1,
                end=22,
                speaker_id="s1",
                cue="said",
            ),
        ),
        entities=(
            Entity(
                id="e1",
                name="Ana Lind",
                kind=SpeakerKind.PERSON,
                affiliations=(Affiliation(organization="North Ferries", role="captain"),),
                mentions=(Span(start=lind, end=lind + 8, text="Ana Lind"),),
                speaker_id="s1",
            ),
            Entity(
                id="e2",
                name="North Ferries",
                kind=SpeakerKind.ORGANIZATION,
                mentions=(Span(start=ferries, end=ferries + 13, text="North Ferries"),),
            ),
        ),
    )


def test_a_record_without_entities_is_written_without_the_key() -> None:
    article = attrs.evolve(_sample(), entities=())
    assert "entities" not in article_dict(article)
    assert article_text(article).endswith('"via":null}]}')
    assert article_text(article) == general_text(article)
    assert build_article(article_dict(article)) == article
    assert '"entities":[{"id":"e1"' in article_text(_sample())
    assert article_text(_sample()) == general_text(_sample())


def _headlined() -> Article:
    """:func:`_sample` whose headline carries a statement of Ana Lind."""
    title = "Ana Lind: the ferry runs again"
    return attrs.evolve(
        _sample(),
        title=title,
        title_quote=Quote(
            id="t1",
            kind=QuoteKind.INDIRECT,
            text="the ferry runs again",
            start=10,
            end=len(title),
            speaker_id="s1",
            mention="Ana Lind",
        ),
    )


def test_a_title_quote_is_written_last_and_read_back() -> None:
    article = _headlined()
    text = article_text(article)
    assert text == general_text(article)
    assert text.endswith(
        ',"title_quote":{"id":"t1","kind":"indirect","text":"the ferry runs again",'
        '"start":10,"end":30,"speaker_id":"s1","mention":"Ana Lind","cue":null,"via":null}}'
    )
    assert article_dict(article) == general_unstructure(article)
    assert list(article_dict(article))[-1] == "title_quote"
    assert build_article(article_dict(article)) == article
    assert build_article(json.loads(text)) == article
    assert "title_quote" not in article_dict(_sample())
    assert "title_quote" not in article_text(_sample())


@pytest.mark.parametrize(
    "change",
    [
        lambda r: r["title_quote"].update(id="q1"),  # the id of a body quote
        lambda r: r["title_quote"].update(end=10_000),
        lambda r: r["title_quote"].update(start=0),  # the text is not at these offsets
        lambda r: r["title_quote"].update(speaker_id="nobody"),
        lambda r: r["title_quote"].update(mention=" "),
        lambda r: r["title_quote"].update(kind="rumour"),
        lambda r: r["title_quote"].update(extra=None),
        lambda r: r["title_quote"].pop("text"),
        lambda r: r.update(title_quote=[]),
        lambda r: r.update(title_quote="the ferry runs again"),
        lambda r: r.update(title="Ana Lind"),  # the span lies past the title
    ],
)
def test_each_kind_of_title_quote_problem_is_declined(
    change: Callable[[dict[str, Any]], Any],
) -> None:
    record = general_unstructure(_headlined())
    assert build_article(record) == _headlined()
    change(record)
    assert general_structure(record) is _DECLINED
    assert fast(build_article, record) is _DECLINED


def test_a_null_title_quote_is_built_as_the_general_path_builds_it() -> None:
    record = general_unstructure(_sample())
    record["title_quote"] = None
    assert build_article(record) == general_structure(record) == _sample()


# --------------------------------------------------------------------------- odd articles

_odd_values = st.sampled_from(
    [
        None,
        1.5,
        2**80,
        True,
        "x",
        "",
        "\ud800",
        type("Text", (str,), {})("s1"),
        ["a"],
        ("a",),
        ("a", 1),
        QuoteKind.MIXED,
        dt.datetime(2024, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=5, seconds=3))),
        dt.date(2024, 1, 1),
    ]
)


@settings(max_examples=300)
@given(articles(), st.data(), _odd_values)
def test_articles_with_odd_values_are_written_as_the_general_path_writes_them(
    article: Article, data: st.DataObject, value: Any
) -> None:
    """An article built with validators off can hold anything: agree, or decline."""
    targets: list[tuple[Any, str]] = [(article, field.name) for field in attrs.fields(Article)]
    for quote in article.quotes:
        targets.extend((quote, field.name) for field in attrs.fields(Quote))
    for speaker in article.speakers:
        targets.extend((speaker, field.name) for field in attrs.fields(Speaker))
        for affiliation in speaker.affiliations:
            targets.extend((affiliation, field.name) for field in attrs.fields(Affiliation))
    for entity in article.entities:
        targets.extend((entity, field.name) for field in attrs.fields(Entity))
        for affiliation in entity.affiliations:
            targets.extend((affiliation, field.name) for field in attrs.fields(Affiliation))
        for span in entity.mentions:
            targets.extend((span, field.name) for field in attrs.fields(Span))
    instance, name = data.draw(st.sampled_from(targets))
    object.__setattr__(instance, name, value)
    expected_dict = general_unstructure(article)
    written_dict = fast(article_dict, article)
    assert written_dict is _DECLINED or written_dict == expected_dict
    if written_dict is not _DECLINED:
        assert json.dumps(written_dict) == json.dumps(expected_dict)
    written_text = fast(article_text, article)
    assert written_text is _DECLINED or written_text == general_text(article)


def test_subclasses_are_left_to_the_general_path() -> None:
    class Story(Article):
        pass

    story = Story(id="a", title="b")
    with pytest.raises(Decline):
        article_dict(story)
    with pytest.raises(Decline):
        article_text(story)


# --------------------------------------------------------------------------- pieces


def test_blank_is_what_strip_leaves_empty() -> None:
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert _blank(char) == (not char.strip()), hex(code)
    assert _blank("")
    assert _blank(" \u3000\n")
    assert not _blank(" a ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-14T09:15:00Z", dt.datetime(2024, 3, 14, 9, 15, tzinfo=dt.timezone.utc)),
        ("2024-03-14T09:15:00z", dt.datetime(2024, 3, 14, 9, 15, tzinfo=dt.timezone.utc)),
        ("2024-03-14T09:15:00+01:00", dt.datetime.fromisoformat("2024-03-14T09:15:00+01:00")),
        ("2024-03-14T09:15:00", dt.datetime(2024, 3, 14, 9, 15)),
    ],
)
def test_parse_datetime(text: str, expected: dt.datetime) -> None:
    assert parse_datetime(text) == expected
    assert parse_datetime(text).utcoffset() == expected.utcoffset()


def test_parse_datetime_rejects_what_is_not_a_date() -> None:
    with pytest.raises(ValueError, match="isoformat"):
        parse_datetime("Z")


def test_new_span_and_new_entity_are_the_records_the_classes_make() -> None:
    from newsrecord._fast import new_entity, new_span

    span = new_span(3, 8, "Lind.")
    assert span == Span(start=3, end=8, text="Lind.")
    assert type(span) is Span
    assert hash(span) == hash(Span(start=3, end=8, text="Lind."))
    affiliation = (Affiliation(role="captain"),)
    entity = new_entity("e1", "Ana Lind", SpeakerKind.PERSON, affiliation, (span,), "s1")
    assert entity == Entity(
        id="e1",
        name="Ana Lind",
        kind=SpeakerKind.PERSON,
        affiliations=affiliation,
        mentions=(span,),
        speaker_id="s1",
    )
    assert attrs.evolve(entity, speaker_id=None).speaker_id is None
