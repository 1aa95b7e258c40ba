"""Tests of ``newsrecord._termwidth``: terminal columns of Latin, Cyrillic, CJK and marks."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsrecord._termwidth import char_width, fit, pad, printable, text_width, truncate

# Decomposed "й" (и + combining breve) and a Vietnamese letter with two combining marks.
DECOMPOSED = unicodedata.normalize("NFD", "Сергей Ngọc")


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("Jana Novak", 10),
        ("Олег Петров", 11),  # Cyrillic is "ambiguous" in Unicode, one column in terminals
        ("Ελένη", 5),
        ("東京都庁", 8),  # wide ideographs
        ("ｶﾀｶﾅ", 4),  # halfwidth katakana
        ("ＡＢ", 4),  # fullwidth Latin
        ("한국", 4),
        (DECOMPOSED, 11),
        ("a\u200bb", 2),  # zero-width space
        ("soft\u00adhyphen", 10),
        ("", 0),
    ],
)
def test_text_width(text: str, width: int) -> None:
    assert text_width(text) == width


def test_char_width_of_combining_mark_is_zero() -> None:
    assert char_width("\u0301") == 0
    assert char_width("\u20dd") == 0  # enclosing circle (Me)


def test_truncate_keeps_short_text() -> None:
    assert truncate("Ms. Novak", 9) == "Ms. Novak"


def test_truncate_adds_an_ellipsis() -> None:
    assert truncate("Helena Marsh", 8) == "Helena…"
    assert text_width(truncate("Helena Marsh", 8)) <= 8


def test_truncate_never_halves_a_wide_character() -> None:
    cut = truncate("東京都庁の発表", 6)
    assert cut == "東京…"
    assert text_width(cut) == 5
    assert text_width(fit("東京都庁の発表", 6)) == 6


def test_truncate_keeps_combining_marks_with_their_letter() -> None:
    cut = truncate(DECOMPOSED, 7)  # "Сергей" and the ellipsis
    assert cut == unicodedata.normalize("NFD", "Сергей") + "…"


def test_truncate_to_nothing() -> None:
    assert truncate("anything", 0) == ""
    assert truncate("anything", 1) == "…"


def test_pad_counts_columns() -> None:
    assert pad("東京", 6) == "東京  "
    assert pad("Олег", 6) == "Олег  "
    assert pad("too wide", 3) == "too wide"


def test_printable_removes_escape_sequences_and_line_ends() -> None:
    hostile = "clear\x1b[2J the screen\r\nand\tring\x07 the bell\x9b"
    shown = printable(hostile)
    assert "\x1b" not in shown
    assert "\x07" not in shown
    assert "\x9b" not in shown
    assert shown == "clear\ufffd[2J the screen and ring\ufffd the bell\ufffd"


def test_printable_keeps_ordinary_text() -> None:
    assert printable("  “Это плохой план,” he said.  ") == "“Это плохой план,” he said."


@given(st.text(max_size=60), st.integers(min_value=0, max_value=40))
def test_fit_is_exactly_as_wide_as_asked(text: str, width: int) -> None:
    line = printable(text)
    fitted = fit(line, width)
    assert text_width(fitted) == width or (width == 0 and fitted == "")
    assert text_width(truncate(line, width)) <= width


@given(st.text(max_size=60), st.integers(min_value=1, max_value=40))
def test_truncate_is_a_prefix(text: str, width: int) -> None:
    line = printable(text)
    cut = truncate(line, width)
    assert cut == line or (cut.endswith("…") and line.startswith(cut[:-1]))
