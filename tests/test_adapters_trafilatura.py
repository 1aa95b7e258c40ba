"""Tests of ``newsrecord.adapters._trafilatura``: trafilatura's JSON output to articles.

The files in ``data/adapters/`` are written in the shape trafilatura's
``build_json_output`` gives them (its ``Document`` fields, then ``source``,
``source-hostname``, ``excerpt``, ``categories``, ``tags``, ``text`` and ``comments``);
their articles are made up.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from newsrecord import FormatError, ParseError, ParseWarning
from newsrecord.adapters import from_trafilatura

DATA = Path(__file__).parent / "data" / "adapters"


def test_one_document() -> None:
    (article,) = from_trafilatura(DATA / "trafilatura.json")
    assert article.title == "Council approves harbour tram"
    assert article.published_raw == "2024-03-14"
    assert article.published is not None
    assert article.published.date().isoformat() == "2024-03-14"
    assert article.authors == ("Lea Marsh", "Tom Reed")
    assert article.source == "The Harbour Courier"
    assert article.url == "https://harbour-courier.example/2024/03/tram"
    assert article.language == "en"
    # the headline that trafilatura extracted with the text is not a paragraph too
    assert article.paragraphs[0] == "The city council approved the harbour tram line on Thursday."
    assert len(article.paragraphs) == 3
    speakers = {s.name: s for s in article.speakers}
    assert "Jana Novak" in speakers
    (affiliation,) = speakers["Jana Novak"].affiliations
    assert (affiliation.organization, affiliation.role) == (
        "Institute of Transport Studies",
        "economist",
    )
    kinds = {(q.kind.value, article.speaker(q.speaker_id).name) for q in article.quotes}  # type: ignore[union-attr]
    assert kinds == {("indirect", "Jana Novak"), ("direct", "Jana Novak")}


def test_json_lines_of_documents() -> None:
    with pytest.warns(ParseWarning) as caught:
        articles = from_trafilatura(DATA / "trafilatura.jsonl")
    assert [a.title for a in articles] == [
        "Council approves harbour tram",
        "Library opens on Sundays",
        "Night ferry returns",  # no title: the first line of the text
    ]
    assert articles[1].id == "vp-0042"  # trafilatura's record id, when it has one
    assert articles[1].source == "Valley Post"
    assert articles[2].paragraphs == ("The night ferry to the island runs again from Friday.",)
    messages = sorted(str(w.message) for w in caught)
    # the third line's language is not a tag (detected instead) and its date is ambiguous
    assert any(m.startswith("ambiguous-date: line 3:") for m in messages), messages
    assert any(m.startswith("invalid-language:") for m in messages), messages


def test_options_reach_the_parser() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ParseWarning)
        articles = from_trafilatura(DATA / "trafilatura.jsonl", dayfirst=True, language="de")
    assert articles[2].published is not None
    assert articles[2].published.month == 4
    assert {a.language for a in articles} == {"de"}
    with pytest.raises(ParseError) as raised:
        from_trafilatura(DATA / "trafilatura.jsonl", strict=True)
    assert raised.value.line == 3
    assert str(raised.value.file).endswith("trafilatura.jsonl")


def test_an_open_file() -> None:
    data = (DATA / "trafilatura.json").read_bytes()
    (article,) = from_trafilatura(io.BytesIO(data))
    assert article.title == "Council approves harbour tram"


@pytest.mark.parametrize(
    ("text", "line", "field", "words"),
    [
        ("", None, "$", "empty"),
        ('{"title": "x", "text": "a"\n', 1, None, "malformed JSON"),
        ('{"title": "x", "text": "a"}\n{"title": \n', 2, None, "malformed JSON"),
        ('[{"text": "a"}]', None, "$", "expected an object"),
        ('{"title": "x", "raw_text": "a"}', None, "$.text", 'string "text"'),
        ('{"title": "x", "text": 3}', None, "$.text", "not a number"),
        ('{"title": ["x"], "text": "a"}', None, "$.title", "expected a string"),
        ('{"title": "x", "text": "a", "text": "b"}', None, None, "duplicate key"),
        ('{"title": null, "text": " \\n "}', None, "$", "no headline"),
    ],
)
def test_not_trafilatura_json(
    tmp_path: Path, text: str, line: int | None, field: str | None, words: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FormatError) as raised:
        from_trafilatura(path)
    error = raised.value
    assert error.file == str(path)
    assert error.line == line
    assert error.field == field
    assert words in error.message


def test_a_bad_line_among_good_ones_gives_no_articles(tmp_path: Path) -> None:
    good = (DATA / "trafilatura.jsonl").read_text(encoding="utf-8").splitlines()[0]
    path = tmp_path / "mixed.jsonl"
    path.write_text(good + "\n" + json.dumps({"title": "x"}) + "\n", encoding="utf-8")
    with pytest.raises(FormatError) as raised:
        from_trafilatura(path)
    assert (raised.value.line, raised.value.field) == (2, "$.text")


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.json"
    path.write_bytes(b'{"title": "caf\xe9", "text": "a"}')
    with pytest.raises(FormatError, match="offset 14 is not UTF-8"):
        from_trafilatura(path)


def test_the_output_of_the_trafilatura_command(tmp_path: Path) -> None:
    """What ``trafilatura --json`` writes for a page reads as the page's article."""
    command = shutil.which("trafilatura") or str(Path(sys.executable).with_name("trafilatura"))
    if not Path(command).exists():
        pytest.skip("needs trafilatura (newsrecord[html])")
    page = (DATA / "page.html").read_bytes()
    done = subprocess.run(
        [command, "--json", "--with-metadata"],
        input=page,
        capture_output=True,
        check=True,
        timeout=120,
    )
    path = tmp_path / "page.json"
    path.write_bytes(done.stdout)
    real = json.loads(done.stdout)
    # the files of these tests have the keys trafilatura writes, in its order
    written = json.loads((DATA / "trafilatura.json").read_text(encoding="utf-8"))
    assert list(written) == list(real)
    (article,) = from_trafilatura(path)
    assert article.title == "Harbour tram approved"
    assert article.source == "The Harbour Courier"
    assert article.url == "https://harbour-courier.example/2024/03/tram"
    assert article.paragraphs[0].startswith("The city council approved")
    assert {article.speaker(q.speaker_id).name for q in article.quotes} == {"Jana Novak"}  # type: ignore[union-attr]
