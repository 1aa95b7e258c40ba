"""Tests of ``newsrecord.adapters._newspaper``: newspaper4k's article JSON to articles.

``data/adapters/newspaper.json`` is written as ``Article.to_json()`` writes it (the fields
of ``newspaper.settings.article_json_fields``, indented by four spaces), and
``newspaper-cli.json`` as the ``newspaper --output-format json`` command writes several
(an array of them); their articles are made up.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsrecord import FormatError
from newsrecord.adapters import from_newspaper

DATA = Path(__file__).parent / "data" / "adapters"


def test_one_article() -> None:
    (article,) = from_newspaper(DATA / "newspaper.json")
    assert article.title == "Salmon return to the river"
    assert article.published == dt.datetime(
        2024, 4, 9, 7, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )
    assert article.authors == ("Mara Lind",)
    assert article.source == "River Gazette"
    assert article.url == "https://river-gazette.example/fish"
    assert article.language == "en"
    assert len(article.paragraphs) == 2
    (quote,) = [q for q in article.quotes if q.kind.value == "direct"]
    speaker = article.speaker(quote.speaker_id)
    assert speaker is not None
    assert speaker.name == "Oskar Berg"
    assert [(a.organization, a.role) for a in speaker.affiliations] == [
        ("Northern Water Agency", "biologist")
    ]


def test_the_commands_array() -> None:
    articles = from_newspaper(DATA / "newspaper-cli.json")
    assert [a.title for a in articles] == [
        "Salmon return to the river",
        "Old bridge closes for repairs",
    ]
    assert articles[1].published is None
    assert articles[1].authors == ()
    assert articles[0] == from_newspaper(DATA / "newspaper.json")[0]


def test_canonical_link_and_meta_lang_when_url_and_language_are_empty(tmp_path: Path) -> None:
    data = json.loads((DATA / "newspaper.json").read_text(encoding="utf-8"))
    data.update(url="", language=None, meta_lang="en", canonical_link="https://r.example/c")
    path = tmp_path / "one.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    (article,) = from_newspaper(path)
    assert (article.url, article.language) == ("https://r.example/c", "en")


@pytest.mark.parametrize(
    ("text", "line", "field", "words"),
    [
        ("[\n{\n", 2, None, "malformed JSON"),
        ('"text"', None, "$", "expected an object"),
        ('{"text": "a"}', None, "$.title", '"title" key'),
        ('[{"title": "a", "text": "b"}, {"title": "c"}]', None, "$[1].text", '"text" key'),
        ('{"title": "a", "text": ["b"]}', None, "$.text", "not an array"),
        ('{"title": "a", "text": "b", "authors": "Ann"}', None, "$.authors", "list of strings"),
        ('{"title": "a", "text": "b", "publish_date": 2024}', None, "$.publish_date", "string"),
    ],
)
def test_not_newspaper_json(
    tmp_path: Path, text: str, line: int | None, field: str | None, words: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError) as raised:
        from_newspaper(path)
    error = raised.value
    assert (error.file, error.line, error.field) == (str(path), line, field)
    assert words in error.message
