"""Tests of ``newsrecord._model``: validators, immutability, helpers, hashing, pickling.

The texts are made up here.
"""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

from newsrecord import Affiliation, Article, Entity, Quote, QuoteKind, Span, Speaker, SpeakerKind
from newsrecord._model import PARAGRAPH_SEPARATOR, InvalidValue, iter_problems
from newsrecord._problems import CODES
from strategies import INVALID_LANGUAGE_TAGS, LANGUAGE_TAGS, articles

PARAGRAPHS = (
    "The ferry to Lindholm will run twice a day from June.",
    "\u201cWe finally have the boats,\u201d said Marta Holm of the island council.",
)
TEXT = "\n\n".join(PARAGRAPHS)
QUOTE = "We finally have the boats,"
START = TEXT.index(QUOTE)


def make_quote(**changes: Any) -> Quote:
    fields: dict[str, Any] = {
        "id": "q1",
        "kind": QuoteKind.DIRECT,
        "text": QUOTE,
        "start": START,
        "end": START + len(QUOTE),
        "speaker_id": "s1",
        "mention": "Marta Holm",
        "cue": "said",
    }
    fields.update(changes)
    return Quote(**fields)


def make_speaker(**changes: Any) -> Speaker:
    fields: dict[str, Any] = {
        "id": "s1",
        "name": "Marta Holm",
        "kind": SpeakerKind.PERSON,
        "aliases": ("Holm",),
        "affiliations": (Affiliation(organization="island council"),),
    }
    fields.update(changes)
    return Speaker(**fields)


def make_article(**changes: Any) -> Article:
    fields: dict[str, Any] = {
        "id": "a1",
        "title": "Ferry to Lindholm returns",
        "published": dt.datetime(2024, 5, 2, 9, 30, tzinfo=dt.timezone.utc),
        "published_raw": "2 May 2024, 09:30",
        "language": "en",
        "source": "Island Post",
        "url": "https://example.org/ferry",
        "authors": ("J. Doe",),
        "paragraphs": PARAGRAPHS,
        "speakers": (make_speaker(),),
        "quotes": (make_quote(),),
    }
    fields.update(changes)
    return Article(**fields)


HOLM = TEXT.index("Marta Holm")
COUNCIL = TEXT.index("the island council")


def make_entities() -> tuple[Entity, ...]:
    return (
        Entity(
            id="e1",
            name="Marta Holm",
            kind=SpeakerKind.PERSON,
            affiliations=(Affiliation(organization="island council"),),
            mentions=(Span(start=HOLM, end=HOLM + 10, text="Marta Holm"),),
            speaker_id="s1",
        ),
        Entity(
            id="e2",
            name="island council",
            kind=SpeakerKind.ORGANIZATION,
            mentions=(Span(start=COUNCIL, end=COUNCIL + 18, text="the island council"),),
        ),
    )


def test_valid_article_builds() -> None:
    article = make_article()
    assert article.text[START : START + len(QUOTE)] == QUOTE


# --- validators --------------------------------------------------------------------------


@pytest.mark.parametrize("title", ["", " ", "\t\n", "\u00a0", "\u2003\r\n"])
def test_blank_title_is_empty_title(title: str) -> None:
    with pytest.raises(InvalidValue) as info:
        make_article(title=title)
    assert info.value.code == "empty-title"
    assert isinstance(info.value, ValueError)


def test_zero_width_space_title_is_not_blank() -> None:
    # U+200B is not white space for str.strip(); the model accepts it as content.
    assert make_article(title="\u200b").title == "\u200b"


@pytest.mark.parametrize("language", INVALID_LANGUAGE_TAGS)
def test_bad_language_is_invalid_language(language: str) -> None:
    with pytest.raises(InvalidValue) as info:
        make_article(language=language)
    assert info.value.code == "invalid-language"
    assert repr(language) in info.value.message


@pytest.mark.parametrize("language", [*LANGUAGE_TAGS, None])
def test_good_language_is_accepted(language: str | None) -> None:
    assert make_article(language=language).language == language


@pytest.mark.parametrize("value", ["", "  ", "\n"])
def test_blank_article_id_is_invalid(value: str) -> None:
    with pytest.raises(InvalidValue) as info:
        make_article(id=value)
    assert info.value.code == "invalid-value"


def test_negative_start_is_invalid() -> None:
    with pytest.raises(InvalidValue) as info:
        make_quote(start=-1, end=3)
    assert info.value.code == "invalid-value"
    assert "start" in info.value.message


def test_negative_end_is_invalid() -> None:
    with pytest.raises(InvalidValue) as info:
        make_quote(start=0, end=-1)
    assert info.value.code == "invalid-value"


@pytest.mark.parametrize(("start", "end"), [(5, 5), (5, 4), (0, 0)])
def test_end_not_after_start_is_invalid(start: int, end: int) -> None:
    with pytest.raises(InvalidValue) as info:
        make_quote(start=start, end=end)
    assert info.value.code == "invalid-value"
    assert "greater than start" in info.value.message


@pytest.mark.parametrize("field", ["id", "text"])
def test_blank_quote_fields_are_invalid(field: str) -> None:
    with pytest.raises(InvalidValue) as info:
        make_quote(**{field: " \u00a0"})
    assert info.value.code == "invalid-value"


@pytest.mark.parametrize("field", ["speaker_id", "mention", "cue", "via"])
def test_optional_quote_fields_are_null_or_non_blank(field: str) -> None:
    assert getattr(make_quote(**{field: None}), field) is None
    with pytest.raises(InvalidValue) as info:
        make_quote(**{field: "  "})
    assert info.value.code == "invalid-value"


@pytest.mark.parametrize("field", ["id", "name"])
def test_blank_speaker_fields_are_invalid(field: str) -> None:
    with pytest.raises(InvalidValue) as info:
        make_speaker(**{field: ""})
    assert info.value.code == "invalid-value"


def test_span_mismatch() -> None:
    quote = make_quote(start=START + 1, end=START + 1 + len(QUOTE))
    with pytest.raises(InvalidValue) as info:
        make_article(quotes=(quote,))
    assert info.value.code == "span-mismatch"
    assert "$.quotes[0].text" in info.value.message


def test_span_out_of_range() -> None:
    quote = make_quote(text="x", start=len(TEXT), end=len(TEXT) + 1)
    with pytest.raises(InvalidValue) as info:
        make_article(quotes=(quote,))
    assert info.value.code == "span-out-of-range"


def test_quote_needs_text_to_point_into() -> None:
    with pytest.raises(InvalidValue) as info:
        make_article(paragraphs=(), quotes=(make_quote(),))
    assert info.value.code == "span-out-of-range"


def test_unknown_speaker() -> None:
    with pytest.raises(InvalidValue) as info:
        make_article(quotes=(make_quote(speaker_id="s2"),))
    assert info.value.code == "unknown-speaker"
    assert "'s2'" in info.value.message


def test_quote_without_speaker_is_fine() -> None:
    assert make_article(quotes=(make_quote(speaker_id=None),)).quotes[0].speaker_id is None


def test_duplicate_speaker_ids() -> None:
    speakers = (make_speaker(), make_speaker(name="Someone Else"))
    with pytest.raises(InvalidValue) as info:
        make_article(speakers=speakers)
    assert info.value.code == "duplicate-id"
    assert "$.speakers[1].id" in info.value.message


def test_duplicate_quote_ids() -> None:
    with pytest.raises(InvalidValue) as info:
        make_article(quotes=(make_quote(), make_quote()))
    assert info.value.code == "duplicate-id"
    assert "$.quotes[1].id" in info.value.message


def test_affiliation_needs_organization_or_role() -> None:
    with pytest.raises(InvalidValue) as info:
        Affiliation()
    assert info.value.code == "invalid-value"
    with pytest.raises(InvalidValue):
        Affiliation(organization=None, role=None)
    assert Affiliation(organization="council").role is None
    assert Affiliation(role="skipper").organization is None


@pytest.mark.parametrize(("organization", "role"), [(" ", None), (None, "\t"), (" ", " ")])
def test_affiliation_blank_parts_are_invalid(organization: str | None, role: str | None) -> None:
    with pytest.raises(InvalidValue) as info:
        Affiliation(organization=organization, role=role)
    assert info.value.code == "invalid-value"


def test_every_model_code_is_documented() -> None:
    for code in (
        "empty-title",
        "invalid-language",
        "invalid-value",
        "span-mismatch",
        "span-out-of-range",
        "unknown-speaker",
        "duplicate-id",
    ):
        assert code in CODES


# --- immutability, keyword-only ----------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "field", "value"),
    [
        (make_article(), "title", "Other"),
        (make_article(), "quotes", ()),
        (make_quote(), "start", 0),
        (make_speaker(), "name", "X"),
        (Affiliation(role="r"), "role", "s"),
    ],
)
def test_records_are_frozen(record: object, field: str, value: object) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(record, field, value)


def test_records_are_keyword_only() -> None:
    with pytest.raises(TypeError):
        Article("a1", "Title")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Speaker("s1", "Name")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Affiliation("org")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Quote("q1", QuoteKind.DIRECT, "x", 0, 1)  # type: ignore[call-arg]


def test_defaults() -> None:
    article = Article(id="a", title="T")
    assert article.published is None
    assert article.language is None
    assert article.paragraphs == ()
    assert article.speakers == ()
    assert article.quotes == ()
    assert article.text == ""
    assert Speaker(id="s", name="N").kind is SpeakerKind.PERSON


def test_enums_are_strings() -> None:
    assert QuoteKind("mixed") is QuoteKind.MIXED
    assert str(QuoteKind.INDIRECT) == "indirect"
    assert str(SpeakerKind.ORGANIZATION) == "organization"
    assert isinstance(QuoteKind.DIRECT, str)
    assert QuoteKind.DIRECT.value == "direct"


# --- text and speaker() ------------------------------------------------------------------


def test_text_joins_paragraphs_with_blank_lines() -> None:
    assert PARAGRAPH_SEPARATOR == "\n\n"
    assert make_article().text == PARAGRAPHS[0] + "\n\n" + PARAGRAPHS[1]
    assert make_article(paragraphs=("", "b", ""), quotes=()).text == "\n\nb\n\n"
    assert make_article(paragraphs=("only",), quotes=()).text == "only"


@given(articles())
@settings(max_examples=40, deadline=None)
def test_text_and_quotes_agree(article: Article) -> None:
    assert article.text == "\n\n".join(article.paragraphs)
    for quote in article.quotes:
        assert article.text[quote.start : quote.end] == quote.text
        assert quote.speaker_id is None or article.speaker(quote.speaker_id) is not None


def test_speaker_lookup() -> None:
    other = make_speaker(id="s2", name="Port Authority", kind=SpeakerKind.ORGANIZATION)
    article = make_article(speakers=(make_speaker(), other))
    assert article.speaker("s1") is article.speakers[0]
    assert article.speaker("s2") is other
    assert article.speaker("s3") is None
    assert article.speaker(None) is None
    assert make_article(speakers=(), quotes=()).speaker("s1") is None


# --- iter_problems -----------------------------------------------------------------------


def test_iter_problems_of_a_valid_article_is_empty() -> None:
    assert list(iter_problems(make_article())) == []


def test_iter_problems_lists_every_problem_with_its_path() -> None:
    with attrs.validators.disabled():
        article = Article(
            id=" ",
            title="",
            language="en_GB",
            paragraphs=("Hello there",),
            speakers=(
                Speaker(id="s", name=""),
                Speaker(id="s", name="B", affiliations=(Affiliation(),)),
            ),
            quotes=(
                Quote(id="q", kind=QuoteKind.DIRECT, text="Hello", start=0, end=5, speaker_id="s"),
                Quote(id="q", kind=QuoteKind.DIRECT, text="x", start=-1, end=-1, speaker_id="z"),
                Quote(id="q3", kind=QuoteKind.INDIRECT, text="there", start=3, end=2),
                Quote(id="q4", kind=QuoteKind.MIXED, text="far", start=50, end=60),
            ),
        )
    problems = list(iter_problems(article))
    assert [(p.path, p.code) for p in problems] == [
        ("$.id", "invalid-value"),
        ("$.title", "empty-title"),
        ("$.language", "invalid-language"),
        ("$.speakers[0].name", "invalid-value"),
        ("$.speakers[1].affiliations[0].role", "invalid-value"),
        ("$.quotes[1].start", "invalid-value"),
        ("$.quotes[1].end", "invalid-value"),
        ("$.quotes[2].end", "invalid-value"),
        ("$.speakers[1].id", "duplicate-id"),
        ("$.quotes[1].id", "duplicate-id"),
        ("$.quotes[1].text", "span-mismatch"),
        ("$.quotes[1].speaker_id", "unknown-speaker"),
        ("$.quotes[2].text", "span-mismatch"),
        ("$.quotes[3].end", "span-out-of-range"),
    ]
    for problem in problems:
        assert problem.code in CODES
        assert problem.message
        assert problem.file is None
        assert problem.line is None


def test_validators_are_enabled_again_after_disabled_block() -> None:
    with attrs.validators.disabled():
        Article(id="a", title="")
    with pytest.raises(InvalidValue):
        Article(id="a", title="")


# --- hashing, equality, pickling ---------------------------------------------------------


def test_equality_and_hash() -> None:
    a, b = make_article(), make_article()
    assert a == b
    assert a is not b
    assert hash(a) == hash(b)
    assert len({a, b}) == 1
    assert a != make_article(title="Another title")
    assert a != make_article(speakers=(make_speaker(), make_speaker(id="s2")))
    assert hash(make_quote()) == hash(make_quote())
    assert hash(Affiliation(role="r")) == hash(Affiliation(role="r"))


def test_cached_text_does_not_affect_equality() -> None:
    a, b = make_article(), make_article()
    _ = a.text
    assert a == b
    assert hash(a) == hash(b)


@given(articles())
@settings(max_examples=30, deadline=None)
def test_hash_is_consistent_with_equality(article: Article) -> None:
    twin = copy.deepcopy(article)
    assert twin == article
    assert hash(twin) == hash(article)


@given(articles(surrogates=True))
@settings(max_examples=40, deadline=None)
def test_pickle_round_trip(article: Article) -> None:
    again = pickle.loads(pickle.dumps(article))
    assert again == article
    assert again.text == article.text
    for quote in again.quotes:
        assert again.text[quote.start : quote.end] == quote.text


def test_pickle_does_not_carry_the_cached_text() -> None:
    article = make_article(paragraphs=("word " * 2000,), quotes=())
    before = len(pickle.dumps(article))
    assert len(article.text) == 10_000
    after = len(pickle.dumps(article))
    assert after == before
    assert before < 2 * 10_000


def test_pickle_keeps_enums_and_datetimes() -> None:
    zone = dt.timezone(dt.timedelta(hours=5, minutes=45))
    article = make_article(published=dt.datetime(2024, 1, 2, 3, 4, 5, 6, tzinfo=zone))
    again = pickle.loads(pickle.dumps(article))
    assert again.published is not None
    assert again.published.utcoffset() == dt.timedelta(hours=5, minutes=45)
    assert again.quotes[0].kind is QuoteKind.DIRECT
    assert again.speakers[0].kind is SpeakerKind.PERSON


# --- entities ----------------------------------------------------------------------------


def test_article_with_entities_builds() -> None:
    article = make_article(entities=make_entities())
    assert article.entity("e1") is article.entities[0]
    assert article.entity("e3") is None
    assert article.entity(None) is None
    assert list(iter_problems(article)) == []
    assert Article(id="a", title="T").entities == ()
    for entity in article.entities:
        for span in entity.mentions:
            assert article.text[span.start : span.end] == span.text


def _problem(**changes: Any) -> tuple[str, str]:
    """The one problem of the article with the entities changed, as (path, code)."""
    entities = changes.pop("entities", make_entities())
    with pytest.raises(ValueError, match=r"\$\.entities") as caught:
        make_article(entities=entities)
    with attrs.validators.disabled():
        article = make_article(entities=entities)
    (problem,) = iter_problems(article)
    assert problem.path in str(caught.value)
    return problem.path, problem.code


def test_entity_cross_problems() -> None:
    first, second = make_entities()
    assert _problem(entities=(first, attrs.evolve(second, id="e1"))) == (
        "$.entities[1].id",
        "duplicate-id",
    )
    assert _problem(entities=(first, attrs.evolve(second, speaker_id="s1"))) == (
        "$.entities[1].speaker_id",
        "duplicate-id",
    )
    assert _problem(entities=(attrs.evolve(first, speaker_id="s9"), second)) == (
        "$.entities[0].speaker_id",
        "unknown-speaker",
    )
    far = Span(start=HOLM, end=len(TEXT) + 1, text="Marta Holm")
    assert _problem(entities=(attrs.evolve(first, mentions=(far,)), second)) == (
        "$.entities[0].mentions[0].end",
        "span-out-of-range",
    )
    other = Span(start=HOLM, end=HOLM + 10, text="Marta Hol ")
    assert _problem(entities=(first, attrs.evolve(second, mentions=(other,)))) == (
        "$.entities[1].mentions[0].text",
        "span-mismatch",
    )


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"start": -1, "end": 3, "text": "x"}, "start"),
        ({"start": 3, "end": 3, "text": "x"}, "end"),
        ({"start": 0, "end": 3, "text": " \n"}, "text"),
    ],
)
def test_span_values(fields: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidValue, match=field):
        Span(**fields)


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"id": " "}, "id"), ({"name": ""}, "name"), ({"speaker_id": ""}, "speaker_id")],
)
def test_entity_values(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(InvalidValue, match=field):
        attrs.evolve(make_entities()[0], **changes)


def test_entities_are_frozen_keyword_only_and_need_a_kind() -> None:
    entity = make_entities()[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        entity.name = "X"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        entity.mentions[0].start = 1  # type: ignore[misc]
    with pytest.raises(TypeError):
        Entity(id="e", name="N")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Span(0, 1, "x")  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(entity)) == entity
    assert hash(entity) == hash(copy.deepcopy(entity))


# --- the headline's quote ------------------------------------------------------------------

HEADLINE = "Marta Holm: the boats are here at last"


def make_title_quote(**changes: Any) -> Quote:
    said = "the boats are here at last"
    fields: dict[str, Any] = {
        "id": "t1",
        "kind": QuoteKind.INDIRECT,
        "text": said,
        "start": HEADLINE.index(said),
        "end": len(HEADLINE),
        "speaker_id": "s1",
        "mention": "Marta Holm",
    }
    fields.update(changes)
    return Quote(**fields)


def test_article_with_a_title_quote_builds() -> None:
    article = make_article(title=HEADLINE, title_quote=make_title_quote())
    quote = article.title_quote
    assert quote is not None
    assert article.title[quote.start : quote.end] == quote.text
    assert article.speaker(quote.speaker_id) == make_speaker()
    assert article.quotes == (make_quote(),)  # the body's quotes are apart from it
    assert list(iter_problems(article)) == []
    assert make_article().title_quote is None
    assert attrs.fields(Article)[-1].name == "title_quote"


def _title_problem(quote: Quote, **changes: Any) -> tuple[str, str]:
    """The one problem of an article whose headline carries ``quote``, as raised and listed."""
    fields = {"title": HEADLINE, "title_quote": quote, **changes}
    with pytest.raises(InvalidValue) as caught:
        make_article(**fields)
    with attrs.validators.disabled():
        article = make_article(**fields)
    (problem,) = iter_problems(article)
    assert problem.path in caught.value.message
    assert caught.value.code == problem.code
    return problem.path, problem.code


def test_title_quote_cross_problems() -> None:
    assert _title_problem(make_title_quote(end=len(HEADLINE) + 1)) == (
        "$.title_quote.end",
        "span-out-of-range",
    )
    assert _title_problem(make_title_quote(text="the boats")) == (
        "$.title_quote.text",
        "span-mismatch",
    )
    assert _title_problem(make_title_quote(speaker_id="s2")) == (
        "$.title_quote.speaker_id",
        "unknown-speaker",
    )
    assert _title_problem(make_title_quote(id="q1")) == ("$.title_quote.id", "duplicate-id")
    # the offsets index the title: the same quote against the body's text is out of place
    assert _title_problem(make_title_quote(), title="Ferry") == (
        "$.title_quote.end",
        "span-out-of-range",
    )


def test_title_quote_may_have_no_speaker_and_the_id_of_no_body_quote() -> None:
    article = make_article(
        title=HEADLINE, quotes=(), title_quote=make_title_quote(id="q1", speaker_id=None)
    )
    assert article.title_quote is not None
    assert article.title_quote.speaker_id is None


def test_title_quote_field_problems_are_listed_with_their_path() -> None:
    with attrs.validators.disabled():
        article = make_article(title=HEADLINE, title_quote=make_title_quote(id=" "))
    assert [(p.path, p.code) for p in iter_problems(article)] == [
        ("$.title_quote.id", "invalid-value")
    ]
