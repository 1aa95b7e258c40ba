"""Tests of ``newsrecord.parse._structure``: the layout of a raw post and the decoding of its bytes.

Every post here is made up; only the layout (header lines, blank line, headline, body)
follows the real posts.
"""

from __future__ import annotations

import pytest

from newsrecord import DecodeError
from newsrecord.parse._structure import (
    HEADER_KEYS,
    Layout,
    decode_post,
    normalize_newlines,
    split_paragraphs,
    split_post,
)

POST = (
    "Posted: 14.03.2024 09:05:00\n"
    "\n"
    "Tram line to the river port approved\n"
    "\n"
    "The council voted for the tram line on Thursday.\n"
    "\n"
    "Work starts in the autumn, the council said.\n"
)


# ---------------------------------------------------------------------------------------
# split_post: the header


def test_plain_post() -> None:
    layout = split_post(POST)
    assert layout == Layout(
        title="Tram line to the river port approved",
        paragraphs=(
            "The council voted for the tram line on Thursday.",
            "Work starts in the autumn, the council said.",
        ),
        date_raw="14.03.2024 09:05:00",
    )


@pytest.mark.parametrize("key", ["Posted", "POSTED", "posted", "pOsTeD"])
def test_header_keys_in_any_case(key: str) -> None:
    layout = split_post(f"{key}: 01.02.2024 10:00\n\nHeadline\n\nBody.")
    assert layout.date_raw == "01.02.2024 10:00"
    assert layout.title == "Headline"
    assert layout.paragraphs == ("Body.",)


def test_every_header_key_fills_its_field() -> None:
    fields = {"date": "date_raw", "updated": "updated_raw"}
    for key, field in HEADER_KEYS.items():
        value = "Jana Novak" if field == "authors" else "v1"
        layout = split_post(f"{key.title()}: {value}\n\nHeadline\n\nBody.")
        attribute = fields.get(field, field)
        got = getattr(layout, attribute)
        if field == "authors":
            assert got == ("Jana Novak",), key
        elif field == "title":
            # a Title header is the headline; the first body line stays a paragraph
            assert got == "v1", key
            assert layout.paragraphs == ("Headline", "Body."), key
        else:
            assert got == "v1", key
            assert layout.title == "Headline", key


def test_header_keys_are_lower_case() -> None:
    assert all(key == key.lower() for key in HEADER_KEYS)
    assert set(HEADER_KEYS.values()) == {
        "date",
        "updated",
        "title",
        "source",
        "url",
        "authors",
        "language",
    }


def test_full_header() -> None:
    layout = split_post(
        "TITLE: Ferry timetable changes\n"
        "source: The Daily Gull\n"
        "Url: https://gull.example/ferry?id=7\n"
        "Published: 01.02.2024\n"
        "Updated: 02.02.2024\n"
        "Language: en\n"
        "\n"
        "The first ferry now leaves at six.\n"
        "The last one leaves at ten.\n"
    )
    assert layout.title == "Ferry timetable changes"
    assert layout.source == "The Daily Gull"
    assert layout.url == "https://gull.example/ferry?id=7"  # the value may hold colons
    assert layout.date_raw == "01.02.2024"
    assert layout.updated_raw == "02.02.2024"
    assert layout.language == "en"
    assert layout.paragraphs == (
        "The first ferry now leaves at six.",
        "The last one leaves at ten.",
    )


def test_first_header_value_wins() -> None:
    layout = split_post("Posted: 01.02.2024\nDate: 05.05.2025\n\nHeadline\n\nBody.")
    assert layout.date_raw == "01.02.2024"


def test_space_before_colon_and_empty_value() -> None:
    layout = split_post("posted : 01.02.2024\nSource:\n\nHeadline\n\nBody.")
    assert layout.date_raw == "01.02.2024"
    assert layout.source is None
    assert layout.title == "Headline"


def test_by_line_after_a_header_line() -> None:
    layout = split_post("Posted: 01.02.2024\nBy Jana Novak and Tomas Brant\n\nHeadline\n\nBody.")
    assert layout.authors == ("Jana Novak", "Tomas Brant")
    assert layout.title == "Headline"
    assert layout.date_raw == "01.02.2024"


def test_lower_case_by_line() -> None:
    layout = split_post("Posted: 01.02.2024\nby Jana Novak & Tomas Brant\n\nHeadline\n\nBody.")
    assert layout.authors == ("Jana Novak", "Tomas Brant")


def test_by_key_with_colon_may_open_the_header() -> None:
    layout = split_post("By: Jana Novak\n\nHeadline\n\nBody.")
    assert layout.authors == ("Jana Novak",)
    assert layout.title == "Headline"


def test_by_line_without_colon_first_is_a_headline() -> None:
    # "By ..." counts as a header line only after another header line: a headline may
    # well start with "By"
    layout = split_post("By the river, a new tram line\n\nBody.")
    assert layout.title == "By the river, a new tram line"
    assert layout.authors == ()
    assert layout.paragraphs == ("Body.",)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Author: Jana Novak", ("Jana Novak",)),
        ("Authors: Jana Novak, Tomas Brant", ("Jana Novak", "Tomas Brant")),
        ("Authors: Jana Novak and Tomas Brant", ("Jana Novak", "Tomas Brant")),
        ("Authors: Jana Novak & Tomas Brant", ("Jana Novak", "Tomas Brant")),
        ("Authors: Jana Novak; Tomas Brant", ("Jana Novak", "Tomas Brant")),
        (
            "Authors: Jana Novak, Tomas Brant and Piet Okafor",
            ("Jana Novak", "Tomas Brant", "Piet Okafor"),
        ),
        (
            "Byline: Jana Novak, Tomas Brant & Piet Okafor; Ana Ruiz",
            ("Jana Novak", "Tomas Brant", "Piet Okafor", "Ana Ruiz"),
        ),
        # "and" only as a word: names that contain it stay whole
        ("Authors: Sandra Anderson and Andy Brandt", ("Sandra Anderson", "Andy Brandt")),
    ],
)
def test_authors_are_split(line: str, authors: tuple[str, ...]) -> None:
    assert split_post(f"{line}\n\nHeadline\n\nBody.").authors == authors


def test_header_ends_at_end_of_post() -> None:
    layout = split_post("Posted: 01.02.2024\nTitle: Only a header\n")
    assert layout.title == "Only a header"
    assert layout.date_raw == "01.02.2024"
    assert layout.paragraphs == ()


def test_header_and_headline_without_body() -> None:
    layout = split_post("Posted: 01.02.2024\n\nOnly a headline\n")
    assert layout.title == "Only a headline"
    assert layout.paragraphs == ()


def test_header_only_without_title() -> None:
    layout = split_post("Posted: 01.02.2024\n")
    assert layout.title is None
    assert layout.date_raw == "01.02.2024"
    assert layout.paragraphs == ()


def test_header_like_line_without_blank_line_is_the_headline() -> None:
    # a header must be followed by a blank line: otherwise nothing is taken from it
    layout = split_post("Posted: 01.02.2024\nThe tram line is approved.\n\nBody.")
    assert layout.title == "Posted: 01.02.2024"
    assert layout.date_raw is None
    assert layout.paragraphs == ("The tram line is approved.", "Body.")


@pytest.mark.parametrize(
    "headline",
    ["Breaking: storms ahead for the coast", "Expert: the ferry will run until May"],
)
def test_unknown_key_is_a_headline(headline: str) -> None:
    layout = split_post(f"{headline}\n\nThe first ferry leaves at six.")
    assert layout.title == headline
    assert layout.date_raw is None
    assert layout.paragraphs == ("The first ferry leaves at six.",)


def test_unknown_key_inside_a_header_means_no_header() -> None:
    layout = split_post("Posted: 01.02.2024\nSummary: a short one\n\nHeadline\n\nBody.")
    assert layout.date_raw is None
    assert layout.title == "Posted: 01.02.2024"
    assert layout.paragraphs == ("Summary: a short one", "Headline", "Body.")


def test_headline_with_colon_after_header() -> None:
    layout = split_post("Posted: 01.02.2024\n\nExpert: the ferry will stay\n\nBody.")
    assert layout.date_raw == "01.02.2024"
    assert layout.title == "Expert: the ferry will stay"


def test_no_header_at_all() -> None:
    layout = split_post("Tram line approved\n\nThe council voted on Thursday.")
    assert layout.title == "Tram line approved"
    assert layout.date_raw is None
    assert layout.paragraphs == ("The council voted on Thursday.",)


def test_leading_blank_lines() -> None:
    layout = split_post("\n\n  \nTram line approved\n\n\nBody.")
    assert layout.title == "Tram line approved"
    assert layout.paragraphs == ("Body.",)


# ---------------------------------------------------------------------------------------
# split_post: normalisation and paragraphs


def test_empty_post() -> None:
    assert split_post("") == Layout(title=None, paragraphs=())
    assert split_post("\n \n\t\n") == Layout(title=None, paragraphs=())


def test_bom_crlf_cr_and_trailing_spaces() -> None:
    layout = split_post(
        "\ufeffPosted: 01.02.2024\r\n\r\nTram line approved  \r\n\r\n"
        "First\u00a0paragraph.  \rSecond paragraph.\t\r\n"
    )
    assert layout.date_raw == "01.02.2024"
    assert layout.title == "Tram line approved"
    assert layout.paragraphs == ("First\u00a0paragraph.", "Second paragraph.")


def test_crlf_and_lf_give_the_same_layout() -> None:
    assert split_post(POST.replace("\n", "\r\n")) == split_post(POST)
    assert split_post(POST.replace("\n", "\r")) == split_post(POST)
    assert split_post("\ufeff" + POST) == split_post(POST)


def test_no_break_spaces_inside_text_are_kept() -> None:
    layout = split_post("Tram\u00a0line\n\nIt runs to the port\u00a0district, she said.")
    assert layout.title == "Tram\u00a0line"
    assert layout.paragraphs == ("It runs to the port\u00a0district, she said.",)


def test_every_non_blank_line_is_a_paragraph() -> None:
    layout = split_post("Headline\nOne.\nTwo.\n\nThree.\n\n\n\nFour.\n   \nFive.")
    assert layout.title == "Headline"
    assert layout.paragraphs == ("One.", "Two.", "Three.", "Four.", "Five.")


def test_paragraphs_are_stripped() -> None:
    layout = split_post("Headline\n\n   Indented paragraph.   \n\t\tTabbed paragraph.")
    assert layout.paragraphs == ("Indented paragraph.", "Tabbed paragraph.")


def test_split_paragraphs() -> None:
    assert split_paragraphs("") == ()
    assert split_paragraphs("\n\n") == ()
    assert split_paragraphs("a\nb\n\n\nc") == ("a", "b", "c")
    assert split_paragraphs("  a  \n\u00a0\n b") == ("a", "b")
    assert split_paragraphs("x\u00a0y") == ("x\u00a0y",)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("a\r\n\r\nb", "a\n\nb"),
        ("\ufeffa", "a"),
        ("a  \nb\t\n", "a\nb\n"),
        ("a \t \r\nb", "a\nb"),
        ("a\u00a0b", "a\u00a0b"),
        ("a\u00a0\nb", "a\u00a0\nb"),  # only spaces and tabs are trailing spaces
        ("x\ufeffy", "x\ufeffy"),  # a BOM is dropped only at the start
    ],
)
def test_normalize_newlines(raw: str, expected: str) -> None:
    assert normalize_newlines(raw) == expected


# ---------------------------------------------------------------------------------------
# decode_post


def test_decode_utf8() -> None:
    assert decode_post("Tram line — “new”".encode()) == "Tram line — “new”"


def test_decode_drops_the_bom() -> None:
    assert decode_post(b"\xef\xbb\xbfHeadline") == "Headline"


@pytest.mark.parametrize(
    ("data", "offset"),
    [
        (b"ab\xffc", 2),
        (b"\xff", 0),
        (b"abc\xe2\x80", 3),  # a truncated sequence at the end
        (b"ok \xc3( bad", 3),
        (b"\xef\xbb", 0),  # half a BOM is no BOM
        # with a BOM the offset still counts from the first byte of the data
        (b"\xef\xbb\xbfab\xffc", 5),
        (b"\xef\xbb\xbf\xff", 3),
        (b"\xef\xbb\xbf" + b"x" * 5000 + b"\xfe", 5003),
    ],
)
def test_decode_error_offset(data: bytes, offset: int) -> None:
    with pytest.raises(DecodeError) as info:
        decode_post(data)
    assert info.value.offset == offset
    assert f"offset {offset}" in str(info.value)
    assert f"0x{data[offset]:02x}" in str(info.value)
    assert "encoding=" in str(info.value)  # tells how to read another encoding


def test_decode_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="not UTF-8"):
        decode_post(b"\x80")


def test_decode_cp1251() -> None:
    text = "Паром отменён"
    assert decode_post(text.encode("cp1251"), encoding="cp1251") == text


def test_decode_latin1_never_fails() -> None:
    assert decode_post(b"caf\xe9", encoding="latin-1") == "café"


def test_decode_error_in_a_named_encoding() -> None:
    with pytest.raises(DecodeError) as info:
        decode_post(b"ab\x98", encoding="cp1251")  # 0x98 is undefined in cp1251
    assert info.value.offset == 2
    assert "cp1251" in str(info.value)


def test_unknown_encoding() -> None:
    with pytest.raises(ValueError, match="unknown encoding 'no-such-codec'") as info:
        decode_post(b"abc", encoding="no-such-codec")
    assert not isinstance(info.value, DecodeError)
