"""Tests of ``newsrecord.parse._assemble``: the entry points, on the seed and made-up posts."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsrecord
from newsrecord import (
    Article,
    DecodeError,
    ParseError,
    ParseWarning,
    QuoteKind,
    SpeakerKind,
    parse_file,
    parse_post,
)
from newsrecord._converter import problems_of

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "000_2cf97c1524368b3e.txt"
SEED_EXPECTED = SHARED / "seed" / "000_2cf97c1524368b3e.expected.json"

POST = (
    "Posted: 14.03.2024 09:05:00\n"
    "\n"
    "Council backs new tram line to the river port\n"
    "\n"
    "The city council approved a tram line to the river port on Thursday, "
    "according to Jana Novak, an economist at the Institute of Transport Studies.\n"
    "\n"
    "\u201cThe line will pay for itself within twelve years,\u201d Ms. Novak said. "
    "\u201cEvery study we ran points the same way.\u201d\n"
    "\n"
    "The expert recalled that the last tram in the district stopped running in 1961.\n"
)

_MARKS = " ,.;:\u201c\u201d\"'\u2018\u2019\u00ab\u00bb"


def _trimmed(text: str) -> str:
    return text.strip(_MARKS)


def test_parse_made_up_post() -> None:
    article = parse_post(POST)
    assert article.title == "Council backs new tram line to the river port"
    assert article.published is not None
    assert article.published.isoformat() == "2024-03-14T09:05:00"
    assert article.published_raw == "14.03.2024 09:05:00"
    assert article.language == "en"
    assert len(article.paragraphs) == 3
    names = {s.name for s in article.speakers}
    assert names == {"Jana Novak"}
    (novak,) = article.speakers
    assert novak.kind is SpeakerKind.PERSON
    assert "Ms. Novak" in novak.aliases
    assert novak.affiliations[0].organization == "Institute of Transport Studies"
    assert novak.affiliations[0].role == "economist"
    kinds = [q.kind for q in article.quotes]
    assert kinds.count(QuoteKind.DIRECT) == 2
    assert kinds.count(QuoteKind.INDIRECT) == 2
    for quote in article.quotes:
        assert article.text[quote.start : quote.end] == quote.text
        assert quote.speaker_id == novak.id
    expert = [q for q in article.quotes if q.mention == "The expert"]
    assert len(expert) == 1
    assert expert[0].cue == "recalled"
    assert expert[0].text.startswith("the last tram")


def test_ids_are_deterministic_and_content_derived() -> None:
    first = parse_post(POST)
    assert first.id == parse_post(POST).id
    assert len(first.id) == 16
    assert parse_post(POST.replace("twelve", "ten")).id != first.id
    assert parse_post(POST, id="my-id").id == "my-id"


def test_ids_are_the_same_in_another_process() -> None:
    code = (
        "import sys, newsrecord; "
        "a = newsrecord.parse_post(sys.stdin.read()); print(newsrecord.to_json(a))"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], input=POST, capture_output=True, text=True, check=True
        ).stdout
        for _ in range(2)
    ]
    assert runs[0] == runs[1] == newsrecord.to_json(parse_post(POST)) + "\n"


def test_declared_language_skips_detection() -> None:
    assert parse_post(POST, language="EN-gb").language == "en-GB"
    with pytest.raises(ValueError, match=r"BCP 47|tag"):
        parse_post(POST, language="english")


def test_source_and_url_from_header_or_options() -> None:
    post = "Source: Harbour Herald\nURL: https://herald.example/tram\n\nHeadline\n\nBody text here."
    article = parse_post(post, source="ignored", url="ignored")
    assert article.source == "Harbour Herald"
    assert article.url == "https://herald.example/tram"
    bare = parse_post("Headline\n\nBody.", source="Herald", url="https://x.example")
    assert (bare.source, bare.url) == ("Herald", "https://x.example")


def test_bytes_utf8_bom_and_other_encodings() -> None:
    assert parse_post(b"\xef\xbb\xbf" + POST.encode()).title == parse_post(POST).title
    cyrillic = "Заголовок\n\nПервый абзац текста."
    with pytest.raises(DecodeError) as caught:
        parse_post(cyrillic.encode("cp1251"))
    assert caught.value.offset == 0
    assert "offset 0" in str(caught.value)
    assert parse_post(cyrillic.encode("cp1251"), encoding="cp1251").title == "Заголовок"


def test_crlf_and_single_newline_paragraphs() -> None:
    crlf = POST.replace("\n", "\r\n")
    assert parse_post(crlf).paragraphs == parse_post(POST).paragraphs
    single = "Headline\nFirst paragraph.\nSecond paragraph."
    assert parse_post(single).paragraphs == ("First paragraph.", "Second paragraph.")


def test_empty_and_headless_posts_raise_parse_error() -> None:
    with pytest.raises(ParseError) as caught:
        parse_post("")
    assert caught.value.code == "empty-post"
    with pytest.raises(ParseError) as caught:
        parse_post("   \n\n  ")
    assert caught.value.code == "empty-post"
    with pytest.raises(ParseError) as caught:
        parse_post("Posted: 08.11.2023 16:38:00\n")
    assert caught.value.code == "no-title"


def test_unreadable_date_warns_and_keeps_raw() -> None:
    post = "Posted: 31.02.2023\n\nHeadline\n\nBody."
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        article = parse_post(post)
    assert article.published is None
    assert article.published_raw == "31.02.2023"
    codes = [w.message.code for w in caught if isinstance(w.message, ParseWarning)]
    assert codes == ["unreadable-date"]
    with pytest.raises(ParseError) as strict:
        parse_post(post, strict=True)
    assert strict.value.code == "unreadable-date"


def test_ambiguous_date_follows_dayfirst() -> None:
    post = "Date: 03/04/2023\n\nHeadline\n\nBody."
    with pytest.warns(ParseWarning, match="ambiguous"):
        month_first = parse_post(post)
    with pytest.warns(ParseWarning):
        day_first = parse_post(post, dayfirst=True)
    assert month_first.published is not None
    assert month_first.published.month == 3
    assert day_first.published is not None
    assert day_first.published.month == 4


def test_default_timezone_makes_dates_aware() -> None:
    article = parse_post(POST, default_timezone="Europe/Minsk")
    assert article.published is not None
    assert article.published.utcoffset() is not None
    assert article.published.isoformat() == "2024-03-14T09:05:00+03:00"


def test_parse_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "post.txt"
    path.write_bytes(b"Headline\n\nBody \xff text")
    with pytest.raises(DecodeError) as caught:
        parse_file(path)
    assert caught.value.file == str(path)
    path.write_text(POST, encoding="utf-8")
    assert parse_file(path) == parse_post(POST)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=600))
def test_any_text_parses_to_a_valid_article_or_a_documented_error(text: str) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ParseWarning)
            article = parse_post(text)
    except ParseError:
        return
    _check_valid(article)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_parse_or_raise_documented_errors(data: bytes) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ParseWarning)
            article = parse_post(data)
    except (ParseError, DecodeError):
        return
    _check_valid(article)


_QUOTEY = st.text(alphabet=st.sampled_from(list("ab ,.\n“”\"'‘’«»„Mr. said he”“")), max_size=300)


@settings(max_examples=200, deadline=None)
@given(_QUOTEY)
def test_quote_heavy_text_gives_consistent_spans(text: str) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ParseWarning)
            article = parse_post("Headline\n\n" + text)
    except ParseError:
        return
    _check_valid(article)


def _check_valid(article: Article) -> None:
    data = newsrecord.unstructure(article)
    assert problems_of(data) == []
    assert newsrecord.from_json(newsrecord.to_json(article)) == article
    speaker_ids = [entity.speaker_id for entity in article.entities if entity.speaker_id]
    assert sorted(speaker_ids) == sorted(speaker.id for speaker in article.speakers)
    for entity in article.entities:
        for span in entity.mentions:
            assert article.text[span.start : span.end] == span.text
    for quote in article.quotes:
        assert article.text[quote.start : quote.end] == quote.text
        assert quote.speaker_id is None or article.speaker(quote.speaker_id) is not None


def test_ten_thousand_quotation_marks() -> None:
    article = parse_post("Headline\n\n" + "\u201c" * 10_000 + " end " + '"' * 10_000)
    _check_valid(article)


def test_long_single_line_and_control_characters() -> None:
    body = ("word, \u201cquoted words here\u201d he said. " * 20_000) + "\x00\x01\x1f"
    article = parse_post("Headline\n\n" + body)
    _check_valid(article)


# --------------------------------------------------------------------------- the seed post


def _seed() -> tuple[Article, dict[str, Any]]:
    if not SEED.exists():
        pytest.skip("../shared/seed is not present")
    expected = json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))
    return parse_file(SEED), expected


def test_seed_article_fields() -> None:
    article, expected = _seed()
    want = expected["article"]
    assert article.published is not None
    assert article.published.isoformat() == want["published"]
    assert article.published_raw == want["published_raw"]
    assert article.title == want["title"]
    assert article.language == want["language"]
    assert len(article.paragraphs) == want["paragraphs"]
    assert _trimmed(article.paragraphs[0]).startswith(want["lead_starts"])


def test_seed_speakers() -> None:
    article, expected = _seed()
    for want in expected["speakers"]:
        if "name" in want:
            matches = [s for s in article.speakers if s.name == want["name"]]
        else:
            matches = [s for s in article.speakers if want["name_contains"] in s.name]
        assert len(matches) == 1, want
        speaker = matches[0]
        assert speaker.kind.value == want["kind"]
        for alias in want.get("aliases_include", []):
            assert alias in speaker.aliases
        for affiliation in want.get("affiliations", []):
            assert any(
                a.organization == affiliation["organization"] and a.role == affiliation["role"]
                for a in speaker.affiliations
            )
    names = " | ".join(s.name for s in article.speakers)
    for name in expected["not_speakers"]:
        assert all(s.name != name for s in article.speakers), names
    assert len(article.speakers) == len(expected["speakers"])


def test_seed_quotes() -> None:
    article, expected = _seed()
    assert len(article.quotes) == len(expected["quotes"])
    for want in expected["quotes"]:
        candidates = [
            q for q in article.quotes if _trimmed(q.text).startswith(_trimmed(want["starts"]))
        ]
        assert len(candidates) == 1, want["starts"]
        quote = candidates[0]
        assert _trimmed(quote.text).endswith(_trimmed(want["ends"]))
        assert quote.kind.value == want["kind"]
        assert quote.cue == want["cue"]
        if "via" in want:
            assert quote.via == want["via"]
        if "mention" in want:
            assert quote.mention == want["mention"]
        speaker = article.speaker(quote.speaker_id)
        assert speaker is not None
        if "speaker" in want:
            assert speaker.name == want["speaker"]
        else:
            assert want["speaker_contains"] in speaker.name
        assert article.text[quote.start : quote.end] == quote.text


def test_seed_title_quote() -> None:
    """The seed's headline is "Expert: ...": the statement of its one expert, apart from
    the body's quotes (whose count the expected results fix)."""
    article, expected = _seed()
    (expert,) = [
        want["name"]
        for want in expected["speakers"]
        if any(a["role"] == "expert" for a in want.get("affiliations", []))
    ]
    quote = article.title_quote
    assert quote is not None
    assert quote.kind is QuoteKind.INDIRECT
    speaker = article.speaker(quote.speaker_id)
    assert speaker is not None
    assert speaker.name == expert
    assert quote.mention == "Expert"
    assert article.title.startswith("Expert: ")
    assert quote.text == article.title.removeprefix("Expert: ").rstrip(". ")
    assert article.title[quote.start : quote.end] == quote.text
    assert (quote.cue, quote.via) == (None, None)
    assert len(article.quotes) == len(expected["quotes"]) == 6


def test_seed_mentioned() -> None:
    """People and organisations the seed post names without quoting them."""
    article, expected = _seed()
    for want in expected["mentioned"]:
        if "name" in want:
            matches = [e for e in article.entities if e.name == want["name"]]
        else:
            matches = [e for e in article.entities if want["name_contains"] in e.name]
        assert len(matches) == 1, (want, [e.name for e in article.entities])
        entity = matches[0]
        assert entity.kind.value == want["kind"]
        assert entity.speaker_id is None  # mentioned, not quoted
        assert entity.mentions
        role, organization = want.get("role_contains"), want.get("organization_contains")
        if role or organization:
            assert any(
                (role is None or role in (a.role or ""))
                and (organization is None or organization in (a.organization or ""))
                for a in entity.affiliations
            ), entity.affiliations
    speakers = {speaker.id: speaker for speaker in article.speakers}
    linked = {e.speaker_id: e for e in article.entities if e.speaker_id is not None}
    assert set(linked) == set(speakers)  # every speaker is an entity too
    for speaker_id, entity in linked.items():
        assert entity.name == speakers[speaker_id].name
    names = [e.name for e in article.entities]
    assert len(names) == len(set(names))
