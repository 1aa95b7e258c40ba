"""Tests of ``newsrecord.parse._marks``: quotation marks and the quoted pieces they delimit.

Every sentence here is made up, with invented people and organisations.  Tests marked
``xfail(strict=True)`` state the correct reading of a natural sentence that the rules get
wrong today (a documented limitation, or a bug to fix).
"""

from __future__ import annotations

import pytest

from newsrecord._model import PARAGRAPH_SEPARATOR
from newsrecord.parse._assemble import attribute
from newsrecord.parse._marks import MarkedSpan, find_marked_spans

# ---------------------------------------------------------------------------------------
# find_marked_spans


def _contents(*paragraphs: str) -> list[str]:
    text = PARAGRAPH_SEPARATOR.join(paragraphs)
    spans = find_marked_spans(list(paragraphs))
    for span in spans:
        _check_span(text, span)
    return [text[span.start : span.end] for span in spans]


def _check_span(text: str, span: MarkedSpan) -> None:
    """A span's content lies strictly inside its marks and has no edge spaces."""
    assert span.open_at < span.start < span.end
    assert text[span.open_at] in "“”\"„«‹‘‚'"
    if span.close_at is not None:
        assert span.end <= span.close_at
        assert text[span.close_at] in "“”\"»›’'"
    content = text[span.start : span.end]
    assert content == content.strip()
    assert "\n\n" not in content  # never reaches past its paragraph


@pytest.mark.parametrize(
    ("paragraph", "content"),
    [
        ("He said “the tide is high” and left.", "the tide is high"),
        ('He said "the tide is high" and left.', "the tide is high"),
        ("Il a dit « la marée est haute » hier.", "la marée est haute"),
        ("Er sagte „die Flut ist hoch“ gestern.", "die Flut ist hoch"),
        ("Er sagte „die Flut ist hoch” gestern.", "die Flut ist hoch"),
        ("Il a dit ‹ la marée › hier.", "la marée"),
        ('He said “the tide is high" and left.', "the tide is high"),  # mixed pair
        ("He said ''the tide is high'' and left.", "the tide is high"),
        ("He said ''the tide is high” and left.", "the tide is high"),
        ("He said ‘the tide is high’ and left.", "the tide is high"),
        ("He said ‘the people’s park is open’ today.", "the people’s park is open"),
        ("“ spaced out ”", "spaced out"),
    ],
)
def test_marked_span(paragraph: str, content: str) -> None:
    assert _contents(paragraph) == [content]


def test_offsets_point_inside_the_marks() -> None:
    paragraph = "Ana Ruiz said “the tide is high” on Monday."
    (span,) = find_marked_spans([paragraph])
    assert paragraph[span.open_at] == "“"
    assert span.close_at is not None
    assert paragraph[span.close_at] == "”"
    assert (span.start, span.end) == (span.open_at + 1, span.close_at)
    assert span.paragraph == 0


def test_offsets_count_the_paragraph_separator() -> None:
    paragraphs = ["No quote here.", "Second: “one”.", "Third: «two»."]
    text = PARAGRAPH_SEPARATOR.join(paragraphs)
    spans = find_marked_spans(paragraphs)
    assert [text[s.start : s.end] for s in spans] == ["one", "two"]
    assert [s.paragraph for s in spans] == [1, 2]


@pytest.mark.parametrize(
    "paragraph",
    [
        "The people’s park and the town’s pier are open.",
        "It's the ferry's last week, isn't it?",
        "Rock ’n’ roll came back in the ’90s.",
        'The screen is 12" wide.',
        "“”",
        "No marks at all.",
        "",
    ],
)
def test_apostrophes_and_empty_quotes_are_no_spans(paragraph: str) -> None:
    assert _contents(paragraph) == []


def test_several_spans_in_one_paragraph() -> None:
    assert _contents("“One,” she said, “two.” Then: «three» and ‘four’.") == [
        "One,",
        "two.",
        "three",
        "four",
    ]


def test_nested_single_quotes() -> None:
    assert _contents("“She told me ‘never again’ and meant it,” he said.") == [
        "She told me ‘never again’ and meant it,"
    ]


def test_nested_quote_in_doubled_apostrophes() -> None:
    assert _contents("''He called it 'a special case,''' she said.") == [
        "He called it 'a special case,'"
    ]


def test_nested_straight_quotes_in_curly_quotes() -> None:
    assert _contents('“She told me "never again" and meant it,” he said.') == [
        'She told me "never again" and meant it,'
    ]


def test_quote_over_three_paragraphs() -> None:
    paragraphs = (
        "“The first paragraph of the long quote goes on here.",
        "“The second paragraph goes on as well.",
        "“The third one closes it,” he said.",
    )
    text = PARAGRAPH_SEPARATOR.join(paragraphs)
    spans = find_marked_spans(list(paragraphs))
    assert [text[s.start : s.end] for s in spans] == [
        "The first paragraph of the long quote goes on here.",
        "The second paragraph goes on as well.",
        "The third one closes it,",
    ]
    assert [s.paragraph for s in spans] == [0, 1, 2]
    assert [s.close_at is None for s in spans] == [True, True, False]


def test_unclosed_mark_does_not_swallow_the_next_paragraph() -> None:
    contents = _contents(
        "He said “the tide is high and left.", "“A new quote starts here,” she said."
    )
    assert contents[-1] == "A new quote starts here,"
    assert all("\n" not in c for c in contents)


def test_unclosed_mark_mid_paragraph_is_dropped() -> None:
    assert _contents("He said “the tide is high and left.", "Nothing is quoted here at all.") == []


def test_unclosed_mark_opening_a_long_paragraph_is_kept() -> None:
    paragraph = "“" + "The ferry will run every hour from the spring, and more often in summer " * 2
    contents = _contents(paragraph.rstrip(), "Nothing is quoted here at all.")
    assert contents == [paragraph[1:].rstrip()]


@pytest.mark.parametrize(
    "paragraph",
    [
        "“" * 10_000,
        "”" * 10_000,
        '"' * 10_000,
        "'" * 10_000,
        "‘" * 10_000,
        "„" * 10_000,
        "« " * 10_000,
        "“a” " * 10_000,
        '"a ' * 10_000,
        "“a " * 10_000,
        "''" * 5_000,
    ],
)
def test_many_marks_do_not_hang(paragraph: str) -> None:
    spans = find_marked_spans([paragraph])
    for span in spans:
        _check_span(paragraph, span)
    _speakers, quotes = attribute([paragraph])
    for quote in quotes:
        assert paragraph[quote.start : quote.end] == quote.text


def test_many_marks_over_many_paragraphs() -> None:
    paragraphs = ["“an open quote"] * 2_000
    spans = find_marked_spans(paragraphs)
    assert len(spans) == 2_000
    attribute(paragraphs)
