"""CSV datasets: exact round trips, strict reading, atomic writing, spreadsheet safety.

The Hypothesis strategy ``articles()`` builds valid :class:`~newsrecord.Article` records
whose texts are biased towards what is hard for CSV: quotation marks, commas, CR, LF,
tabs, NUL, no-break spaces, emoji, right-to-left text and formula-like starts.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import tempfile
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsrecord import (
    Affiliation,
    Article,
    Entity,
    FormatError,
    NewsrecordError,
    OutputExistsError,
    Quote,
    QuoteKind,
    RecordError,
    Span,
    Speaker,
    SpeakerKind,
    _csvio,
    structure,
    unstructure,
)
from newsrecord._csvio import COLUMNS, iter_csv_records, read_csv, write_csv

OLD_TABLES = ("articles.csv", "quotes.csv", "speakers.csv", "affiliations.csv")
ENTITY_TABLES = ("entities.csv", "entity_affiliations.csv", "entity_mentions.csv")
TITLE_QUOTES = "title_quotes.csv"
TABLES = (*OLD_TABLES, *ENTITY_TABLES, TITLE_QUOTES)

# --------------------------------------------------------------------------- strategies

_HARD = list("\",\r\n\t\x00\x01'=+-@ \u00a0\u200f\u05d0\u0627\U0001f600\ufeff\\[]{}")
_CHARS = st.one_of(st.sampled_from(_HARD), st.characters(codec="utf-8"))  # no surrogates
TEXTS = st.text(alphabet=_CHARS, max_size=12)
NON_EMPTY = TEXTS.filter(lambda text: bool(text.strip()))
OPTIONAL = st.none() | NON_EMPTY
#: For the nullable columns where "" is a legal value, and the values next to it.
FREE = st.none() | st.sampled_from(["", '"', '""', '"""', "'", "=1+1"]) | TEXTS
OFFSETS = st.integers(-23 * 60 - 59, 23 * 60 + 59).map(
    lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
)
DATES = st.none() | st.datetimes(timezones=st.none() | OFFSETS)
LANGUAGES = st.sampled_from([None, "en", "ru", "zh-CN", "de-AT", "sr-Latn-RS"])


@st.composite
def affiliations(draw: st.DrawFn) -> Affiliation:
    organization, role = draw(OPTIONAL), draw(OPTIONAL)
    if organization is None and role is None:
        role = draw(NON_EMPTY)
    return Affiliation(organization=organization, role=role)


@st.composite
def speakers(draw: st.DrawFn, ident: str) -> Speaker:
    return Speaker(
        id=ident,
        name=draw(NON_EMPTY),
        kind=draw(st.sampled_from(SpeakerKind)),
        aliases=tuple(draw(st.lists(TEXTS, max_size=3))),
        affiliations=tuple(draw(st.lists(affiliations(), max_size=2))),
    )


@st.composite
def quotes(draw: st.DrawFn, text: str, speaker_ids: list[str]) -> tuple[Quote, ...]:
    if not text.strip():
        return ()
    count = draw(st.integers(0, 3))
    idents = draw(st.lists(NON_EMPTY, min_size=count, max_size=count, unique=True))
    found: list[Quote] = []
    for ident in idents:
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        if not text[start:end].strip():
            continue
        found.append(
            Quote(
                id=ident,
                kind=draw(st.sampled_from(QuoteKind)),
                text=text[start:end],
                start=start,
                end=end,
                speaker_id=draw(st.none() | st.sampled_from(speaker_ids)) if speaker_ids else None,
                mention=draw(OPTIONAL),
                cue=draw(OPTIONAL),
                via=draw(OPTIONAL),
            )
        )
    return tuple(found)


@st.composite
def entities(draw: st.DrawFn, text: str, speaker_ids: list[str]) -> tuple[Entity, ...]:
    """Entities with mentions in ``text``, each speaker linked to one of them at most."""
    idents = draw(st.lists(NON_EMPTY, max_size=3, unique=True))
    unlinked = list(speaker_ids)
    found: list[Entity] = []
    for ident in idents:
        mentions: list[Span] = []
        for _ in range(draw(st.integers(0, 2)) if text.strip() else 0):
            start = draw(st.integers(0, len(text) - 1))
            end = draw(st.integers(start + 1, len(text)))
            if text[start:end].strip():
                mentions.append(Span(start=start, end=end, text=text[start:end]))
        speaker_id = draw(st.none() | st.sampled_from(unlinked)) if unlinked else None
        if speaker_id is not None:
            unlinked.remove(speaker_id)
        found.append(
            Entity(
                id=ident,
                name=draw(NON_EMPTY),
                kind=draw(st.sampled_from(SpeakerKind)),
                affiliations=tuple(draw(st.lists(affiliations(), max_size=2))),
                mentions=tuple(mentions),
                speaker_id=speaker_id,
            )
        )
    return tuple(found)


@st.composite
def articles(draw: st.DrawFn) -> Article:
    """A valid article: quotes and mentions index into its text and name its own speakers
    (or none)."""
    paragraphs = tuple(draw(st.lists(TEXTS, max_size=4)))
    speaker_ids = draw(st.lists(NON_EMPTY, max_size=3, unique=True))
    return Article(
        id=draw(NON_EMPTY),
        title=draw(NON_EMPTY),
        published=draw(DATES),
        published_raw=draw(FREE),
        language=draw(LANGUAGES),
        source=draw(FREE),
        url=draw(FREE),
        authors=tuple(draw(st.lists(TEXTS, max_size=3))),
        paragraphs=paragraphs,
        speakers=tuple(draw(speakers(ident)) for ident in speaker_ids),
        quotes=draw(quotes("\n\n".join(paragraphs), speaker_ids)),
        entities=draw(entities("\n\n".join(paragraphs), speaker_ids)),
    )


DATASETS = st.lists(articles(), max_size=4, unique_by=lambda article: article.id)

ROUND_TRIP = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --------------------------------------------------------------------------- helpers


def read_tables(directory: str | os.PathLike[str]) -> dict[str, bytes]:
    return {table: (Path(directory) / table).read_bytes() for table in TABLES}


def write_tables(directory: Path, tables: dict[str, str]) -> Path:
    """Write CSV tables given as text with "\\n" line ends (turned into CRLF)."""
    directory.mkdir(exist_ok=True)
    for table, text in tables.items():
        (directory / table).write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    return directory


def cells(directory: str | os.PathLike[str]) -> Iterator[str]:
    """Every cell of the tables, as in the file (through the module's reader, which also
    reads NUL on Python 3.10)."""
    for table in TABLES:
        for row in _csvio._table_rows(str(Path(directory) / table), table, False):
            yield from row.cells


SAMPLE = Article(
    id="a1",
    title="Minister: “No cuts”",
    published=dt.datetime(2023, 11, 8, 16, 38, tzinfo=dt.timezone(dt.timedelta(hours=3))),
    published_raw="8 Nov 2023, 16:38",
    language="en",
    source="",
    url=None,
    authors=("Ann Lee", ""),
    paragraphs=('"No cuts," the minister said.', "Critics disagreed,\nloudly."),
    speakers=(
        Speaker(
            id="s1",
            name="Jane Doe",
            aliases=("the minister",),
            affiliations=(Affiliation(organization="Ministry of Finance", role="minister"),),
        ),
        Speaker(id="s2", name="Critics", kind=SpeakerKind.ORGANIZATION),
    ),
    quotes=(
        Quote(id="q1", kind=QuoteKind.DIRECT, text="No cuts,", start=1, end=9, speaker_id="s1"),
        Quote(id="q2", kind=QuoteKind.INDIRECT, text="Critics disagreed", start=31, end=48),
    ),
    entities=(
        Entity(
            id="e1",
            name="Jane Doe",
            kind=SpeakerKind.PERSON,
            affiliations=(Affiliation(organization="Ministry of Finance", role="minister"),),
            mentions=(Span(start=11, end=23, text="the minister"),),
            speaker_id="s1",
        ),
        Entity(
            id="e2",
            name="Critics",
            kind=SpeakerKind.ORGANIZATION,
            mentions=(Span(start=31, end=38, text="Critics"),),
            speaker_id="s2",
        ),
        Entity(id="e3", name="Ministry of Finance", kind=SpeakerKind.ORGANIZATION),
    ),
)
OTHER = Article(id="a2", title="Short news", paragraphs=("Nothing said.",))


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    write_csv([SAMPLE, OTHER], tmp_path / "data")
    return tmp_path / "data"


def table_text(directory: str | os.PathLike[str], table: str) -> str:
    return (Path(directory) / table).read_bytes().decode("utf-8").replace("\r\n", "\n")


# --------------------------------------------------------------------------- round trips


@ROUND_TRIP
@given(DATASETS)
def test_records_to_csv_to_records_is_exact(records: list[Article]) -> None:
    with _tmp() as directory:
        assert write_csv(records, directory) == len(records)
        assert list(read_csv(directory)) == records


@ROUND_TRIP
@given(DATASETS)
def test_csv_to_records_to_csv_is_byte_identical(records: list[Article]) -> None:
    with _tmp() as first, _tmp() as second:
        write_csv(records, first)
        write_csv(read_csv(first), second)
        assert read_tables(first) == read_tables(second)


@ROUND_TRIP
@given(DATASETS)
def test_records_are_shaped_as_unstructure_makes_them(records: list[Article]) -> None:
    with _tmp() as directory:
        write_csv(records, directory)
        found = list(iter_csv_records(directory))
        assert [json.dumps(data) for _file, _line, data in found] == [
            json.dumps(unstructure(article)) for article in records
        ]
        assert [structure(data) for _file, _line, data in found] == records
        assert {file for file, _line, _data in found} <= {str(Path(directory) / "articles.csv")}


@ROUND_TRIP
@given(DATASETS)
def test_spreadsheet_safe_is_reversible_and_defuses(records: list[Article]) -> None:
    with _tmp() as safe, _tmp() as again:
        write_csv(records, safe, spreadsheet_safe=True)
        assert list(read_csv(safe, spreadsheet_safe=True)) == records
        write_csv(read_csv(safe, spreadsheet_safe=True), again, spreadsheet_safe=True)
        assert read_tables(safe) == read_tables(again)
        assert not [cell for cell in cells(safe) if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


@ROUND_TRIP
@given(st.text(alphabet=_CHARS))
def test_spreadsheet_rule_is_a_bijection(text: str) -> None:
    defused = _csvio._defuse(text)
    assert _csvio._undefuse(defused) == text
    assert defused[:1] not in ("=", "+", "-", "@", "\t", "\r")


@ROUND_TRIP
@given(st.none() | st.text(alphabet=st.sampled_from(['"', "a", " "])) | TEXTS)
def test_nullable_rule_is_a_bijection(value: str | None) -> None:
    cell = _csvio._encode_nullable(value)
    assert _csvio._decode_nullable(cell) == value
    assert (cell == "") == (value is None)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DATASETS)
def test_nul_escape_for_python_3_10_writes_and_reads_the_same_bytes(
    records: list[Article],
) -> None:
    with _tmp() as native, _tmp() as escaped:
        write_csv(records, native)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(_csvio, "_csv_handles_nul", False)
            write_csv(records, escaped)
            assert list(read_csv(native)) == records
        assert read_tables(native) == read_tables(escaped)


@given(st.text(alphabet=st.sampled_from(["\x00", "\x01", "0", "a"])))
def test_nul_hiding_is_reversible(text: str) -> None:
    hidden = _csvio._hide_nul(text)
    assert "\x00" not in hidden
    assert _csvio._show_nul(hidden) == text


class _tmp:  # a class, not a fixture: Hypothesis runs many examples per test call
    """A temporary directory path (not created), removed with what is in it.

    Inside it ``os.fsync`` does nothing: durability is not what these tests test, and
    syncing four files per write would make them several times slower.
    """

    def __enter__(self) -> str:
        import tempfile

        self._holder = tempfile.TemporaryDirectory()
        self._patch = pytest.MonkeyPatch()
        self._patch.setattr(os, "fsync", lambda _descriptor: None)
        return os.path.join(self._holder.name, "data")

    def __exit__(self, *_exc: object) -> None:
        self._patch.undo()
        self._holder.cleanup()


# --------------------------------------------------------------------------- the format


def test_layout_of_the_eight_tables(dataset: Path) -> None:
    assert sorted(os.listdir(dataset)) == sorted(TABLES)
    assert table_text(dataset, "articles.csv") == (
        "article_id,schema,title,published,published_raw,language,source,url,authors,"
        "paragraphs\n"
        "a1,newsrecord/1,Minister: “No cuts”,2023-11-08T16:38:00+03:00,"
        '"8 Nov 2023, 16:38",en,"""""",,"[""Ann Lee"",""""]",'
        '"[""\\""No cuts,\\"" the minister said."",""Critics disagreed,\\nloudly.""]"\n'
        "a2,newsrecord/1,Short news,,,,,,[],"
        '"[""Nothing said.""]"\n'
    )
    assert table_text(dataset, "quotes.csv") == (
        "article_id,quote_id,kind,text,start,end,speaker_id,mention,cue,via\n"
        'a1,q1,direct,"No cuts,",1,9,s1,,,\n'
        "a1,q2,indirect,Critics disagreed,31,48,,,,\n"
    )
    assert table_text(dataset, "speakers.csv") == (
        "article_id,speaker_id,name,kind,aliases\n"
        'a1,s1,Jane Doe,person,"[""the minister""]"\n'
        "a1,s2,Critics,organization,[]\n"
    )
    assert table_text(dataset, "affiliations.csv") == (
        "article_id,speaker_id,organization,role\na1,s1,Ministry of Finance,minister\n"
    )
    assert table_text(dataset, "entities.csv") == (
        "article_id,entity_id,name,kind,speaker_id\n"
        "a1,e1,Jane Doe,person,s1\n"
        "a1,e2,Critics,organization,s2\n"
        "a1,e3,Ministry of Finance,organization,\n"
    )
    assert table_text(dataset, "entity_affiliations.csv") == (
        "article_id,entity_id,organization,role\na1,e1,Ministry of Finance,minister\n"
    )
    assert table_text(dataset, "entity_mentions.csv") == (
        "article_id,entity_id,start,end,text\na1,e1,11,23,the minister\na1,e2,31,38,Critics\n"
    )
    assert table_text(dataset, TITLE_QUOTES) == (  # no headline quote: the header alone
        "article_id,quote_id,kind,text,start,end,speaker_id,mention,cue,via\n"
    )
    assert list(read_csv(dataset)) == [SAMPLE, OTHER]


def test_columns_constant_matches_the_header() -> None:
    assert COLUMNS["articles.csv"][0] == "article_id"
    assert list(COLUMNS) == list(TABLES)


def test_file_is_utf8_without_bom_and_crlf(dataset: Path) -> None:
    data = (dataset / "articles.csv").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert "“No cuts”".encode() in data
    assert data.count(b"\n") == data.count(b"\r\n")


def test_empty_dataset_has_headers_only(tmp_path: Path) -> None:
    assert write_csv([], tmp_path / "empty") == 0
    for table in TABLES:
        assert table_text(tmp_path / "empty", table) == ",".join(COLUMNS[table]) + "\n"
    assert list(read_csv(tmp_path / "empty")) == []


@pytest.mark.parametrize(
    ("value", "cell"),
    [(None, ""), ("", '""'), ('"', '"""'), ('""', '""""'), ("a", "a"), ('"a"', '"a"')],
)
def test_nullable_cells(value: str | None, cell: str) -> None:
    assert _csvio._encode_nullable(value) == cell
    assert _csvio._decode_nullable(cell) == value


def test_texts_that_are_hard_for_csv_survive(tmp_path: Path) -> None:
    hard = 'a "b", c\r\nd\re\nf\tg\x00h\u00a0i \U0001f600 \u05e9\u05dc\u05d5\u05dd =1 \''
    article = Article(
        id=hard,
        title=hard,
        published_raw=hard,
        source=hard,
        url=hard,
        authors=(hard, ""),
        paragraphs=(hard,),
        speakers=(Speaker(id=hard, name=hard, aliases=(hard,)),),
        quotes=(Quote(id=hard, kind=QuoteKind.MIXED, text=hard, start=0, end=len(hard), via=hard),),
    )
    for safe in (False, True):
        write_csv([article], tmp_path / "hard", force=True, spreadsheet_safe=safe)
        assert list(read_csv(tmp_path / "hard", spreadsheet_safe=safe)) == [article]


def test_spreadsheet_safe_cells(tmp_path: Path) -> None:
    article = Article(id="=HYPERLINK(1)", title="'quoted", source="+1", url="@x", authors=("-2",))
    write_csv([article], tmp_path / "safe", spreadsheet_safe=True)
    text = table_text(tmp_path / "safe", "articles.csv")
    assert "'=HYPERLINK(1),newsrecord/1,''quoted,,,,'+1,'@x," in text
    assert list(read_csv(tmp_path / "safe", spreadsheet_safe=True)) == [article]
    # the default is lossless: the same file read without the option keeps the apostrophes
    assert next(read_csv(tmp_path / "safe")).title == "''quoted"


# --------------------------------------------------------------------------- writing


def test_existing_tables_are_kept_without_force(dataset: Path) -> None:
    before = read_tables(dataset)
    with pytest.raises(OutputExistsError):
        write_csv([OTHER], dataset)
    assert read_tables(dataset) == before
    assert write_csv([OTHER], dataset, force=True) == 1
    assert list(read_csv(dataset)) == [OTHER]


def test_one_existing_table_is_enough_to_refuse(tmp_path: Path) -> None:
    (tmp_path / "quotes.csv").write_text("x")
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(OutputExistsError) as raised:
        write_csv([OTHER], tmp_path)
    assert raised.value.file == str(tmp_path / "quotes.csv")


def test_directory_is_created(tmp_path: Path) -> None:
    write_csv([OTHER], tmp_path / "a" / "b")
    assert sorted(os.listdir(tmp_path / "a" / "b")) == sorted(TABLES)


def test_a_file_is_not_a_directory(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(NotADirectoryError):
        write_csv([OTHER], tmp_path / "file")
    with pytest.raises(NotADirectoryError):
        list(read_csv(tmp_path / "file"))


def test_failure_midway_changes_nothing(dataset: Path) -> None:
    before = read_tables(dataset)

    def failing() -> Iterator[Article]:
        yield OTHER
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_csv(failing(), dataset, force=True)
    assert read_tables(dataset) == before
    assert sorted(os.listdir(dataset)) == sorted(TABLES)  # no temporary file left


def test_failure_in_a_new_directory_removes_it(tmp_path: Path) -> None:
    bad = Article(id="a", title="lone \udc80 surrogate")
    with pytest.raises(FormatError) as raised:
        write_csv([OTHER, bad], tmp_path / "new")
    assert not (tmp_path / "new").exists()
    assert raised.value.field == "$.title"
    assert "U+DC80" in str(raised.value)


@pytest.mark.parametrize(
    "article",
    [
        Article(id="a", title="t", authors=("\ud800",)),
        Article(id="a", title="t", speakers=(Speaker(id="s", name="\udfff"),)),
        Article(
            id="a",
            title="t",
            speakers=(Speaker(id="s", name="n", affiliations=(Affiliation(role="\udfff"),)),),
        ),
    ],
)
def test_lone_surrogates_are_refused(tmp_path: Path, article: Article) -> None:
    with pytest.raises(FormatError, match="lone surrogate"):
        write_csv([article], tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_article_ids_must_be_unique(tmp_path: Path) -> None:
    with pytest.raises(RecordError) as raised:
        write_csv([OTHER, SAMPLE, OTHER], tmp_path / "dup")
    assert [problem.code for problem in raised.value.problems] == ["duplicate-id"]
    assert not (tmp_path / "dup").exists()


def test_writing_streams_a_generator_once(tmp_path: Path) -> None:
    consumed: list[int] = []

    def generate() -> Iterator[Article]:
        for number in range(3):
            consumed.append(number)
            yield Article(id=f"id{number}", title="t")

    assert write_csv(generate(), tmp_path / "gen") == 3
    assert consumed == [0, 1, 2]


# --------------------------------------------------------------------------- strict reading


def _error(directory: Path, error: type[NewsrecordError] = FormatError) -> Any:
    with pytest.raises(error) as raised:
        list(read_csv(directory))
    if error is FormatError:  # structural: found first, alone, and the end of iteration
        [(file, line, found)] = iter_csv_records(directory)
        expected = (raised.value.file, raised.value.line or 0, str(raised.value))
        assert (file, line, str(found)) == expected
    return raised.value


def test_header_in_another_order_is_accepted(dataset: Path) -> None:
    rows = list(csv.reader(io.StringIO(table_text(dataset, "quotes.csv"))))
    order = [5, 0, 3, 1, 2, 4, 9, 8, 7, 6]
    text = "".join(",".join(_quote(row[i]) for i in order) + "\n" for row in rows)
    (dataset / "quotes.csv").write_bytes(text.replace("\n", "\r\n").encode())
    assert list(read_csv(dataset)) == [SAMPLE, OTHER]


def _quote(cell: str) -> str:
    return f'"{cell}"' if "," in cell else cell


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("article_id,speaker_id,organization", "the column 'role' is missing"),
        ("article_id,speaker_id,organization,role,extra", "unknown column 'extra'"),
        ("article_id,speaker_id,organization,organization", "appears twice"),
    ],
)
def test_header_faults(dataset: Path, header: str, message: str) -> None:
    (dataset / "affiliations.csv").write_bytes(header.encode() + b"\r\n")
    error = _error(dataset)
    assert message in error.message
    assert (error.file, error.line) == (str(dataset / "affiliations.csv"), 1)


def test_missing_table(dataset: Path) -> None:
    (dataset / "speakers.csv").unlink()
    error = _error(dataset)
    assert "speakers.csv is missing" in error.message


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        list(read_csv(tmp_path / "nothing"))


def test_empty_table(dataset: Path) -> None:
    (dataset / "quotes.csv").write_bytes(b"")
    error = _error(dataset)
    assert (error.line, "no header row" in error.message) == (1, True)


def test_quoted_cell_that_never_closes(dataset: Path) -> None:
    text = table_text(dataset, "quotes.csv").replace('"No cuts,"', '"No cuts,')
    write_tables(dataset, {"quotes.csv": text})
    error = _error(dataset)
    assert (error.file, error.line) == (str(dataset / "quotes.csv"), 2)
    assert "not closed" in error.message


def test_text_after_a_closing_quote(dataset: Path) -> None:
    text = table_text(dataset, "quotes.csv").replace('"No cuts,"', '"No" cuts,')
    write_tables(dataset, {"quotes.csv": text})
    error = _error(dataset)
    assert error.line == 2


def test_cr_outside_quotes(dataset: Path) -> None:
    text = table_text(dataset, "speakers.csv").replace("a1,s2,Critics", "a1,s2,Cri\rtics")
    write_tables(dataset, {"speakers.csv": text})
    error = _error(dataset)
    assert (error.line, "CR" in error.message) == (3, True)


def test_fault_on_a_later_line_of_a_row_names_that_line(tmp_path: Path) -> None:
    write_csv([Article(id="a", title="one\ntwo\nthree")], tmp_path / "d")
    text = table_text(tmp_path / "d", "articles.csv").replace("three", 'th"ree')
    write_tables(tmp_path / "d", {"articles.csv": text})
    error = _error(tmp_path / "d")
    assert error.line == 2
    assert error.message.endswith("(on line 4)")


@pytest.mark.parametrize(("extra", "count"), [(",x", "11"), ("", "9")])
def test_wrong_number_of_cells(dataset: Path, extra: str, count: str) -> None:
    text = table_text(dataset, "quotes.csv").replace(",s1,,,", ",s1,,," + extra)
    if not extra:
        text = text.replace(",s1,,,", ",s1,,")
    write_tables(dataset, {"quotes.csv": text})
    error = _error(dataset)
    assert error.line == 2
    assert f"has {count} cells" in error.message


def test_blank_line(dataset: Path) -> None:
    write_tables(dataset, {"speakers.csv": table_text(dataset, "speakers.csv") + "\n"})
    error = _error(dataset)
    assert (error.line, error.message) == (4, "a blank line is not a row")


def test_byte_order_mark(dataset: Path) -> None:
    data = (dataset / "articles.csv").read_bytes()
    (dataset / "articles.csv").write_bytes(b"\xef\xbb\xbf" + data)
    error = _error(dataset)
    assert (error.line, "byte order mark" in error.message) == (1, True)


def test_not_utf8(dataset: Path) -> None:
    data = (dataset / "speakers.csv").read_bytes().replace(b"Critics", b"Cr\xffitics")
    (dataset / "speakers.csv").write_bytes(data)
    error = _error(dataset)
    assert (error.line, "not UTF-8" in error.message) == (3, True)


def test_line_numbers_count_lf_only(tmp_path: Path) -> None:
    first = Article(id="a", title="one\r\ntwo\nthree\rfour", paragraphs=("x",))
    second = Article(id="b", title="t")
    write_csv([first, second], tmp_path / "d")
    text = table_text(tmp_path / "d", "articles.csv")
    write_tables(tmp_path / "d", {"articles.csv": text.replace("b,newsrecord/1", "b,wrong/9")})
    found = list(iter_csv_records(tmp_path / "d"))
    assert [line for _file, line, _data in found] == [2, 5]
    with pytest.raises(RecordError) as raised:
        list(read_csv(tmp_path / "d"))
    assert (raised.value.line, raised.value.problems[0].line) == (5, 5)


def test_orphan_child_row(dataset: Path) -> None:
    text = table_text(dataset, "speakers.csv") + "zz,s9,Nobody,person,[]\n"
    write_tables(dataset, {"speakers.csv": text})
    error = _error(dataset)
    assert (error.file, error.line, error.field) == (
        str(dataset / "speakers.csv"),
        4,
        "article_id",
    )


def test_child_rows_out_of_order(tmp_path: Path) -> None:
    third = Article(id="a3", title="t", speakers=(Speaker(id="s", name="n"),))
    write_csv([SAMPLE, OTHER, third], tmp_path / "d")
    lines = table_text(tmp_path / "d", "speakers.csv").splitlines(keepends=True)
    write_tables(tmp_path / "d", {"speakers.csv": lines[0] + lines[3] + lines[1] + lines[2]})
    error = _error(tmp_path / "d")  # nothing comes before it, not even the first article
    assert (error.line, error.field) == (3, "article_id")


def test_adjacent_duplicate_article_ids(dataset: Path) -> None:
    text = table_text(dataset, "articles.csv").replace("\na2,", "\na1,")
    write_tables(dataset, {"articles.csv": text})
    error = _error(dataset)
    assert (error.line, error.field) == (3, "article_id")


@pytest.mark.parametrize(
    ("old", "new", "path", "code"),
    [
        (",1,9,", ",3.9,9,", "$.quotes[0].start", "wrong-type"),
        (",1,9,", ",,9,", "$.quotes[0].start", "wrong-type"),
        (",1,9,", ",01,9,", "$.quotes[0].start", "wrong-type"),
        (",1,9,", ", 1,9,", "$.quotes[0].start", "wrong-type"),
        (",31,48,", ",31,٤٨,", "$.quotes[1].end", "wrong-type"),
        (",s1,,,", ',s1,",,', "$.quotes[0].mention", "malformed-csv"),
    ],
)
def test_bad_cells_are_record_errors_with_row_and_field(
    dataset: Path, old: str, new: str, path: str, code: str
) -> None:
    text = table_text(dataset, "quotes.csv").replace(old, new)
    if new.count('"') % 2:
        text = text.replace(',",,', ',"""",,')
    write_tables(dataset, {"quotes.csv": text})
    error = _error(dataset, RecordError)
    line = 2 if "[0]" in path else 3
    assert (error.file, error.line, error.field) == (str(dataset / "quotes.csv"), line, path)
    assert [(p.code, p.path, p.line) for p in error.problems] == [(code, path, line)]
    # the validator's view: an error for this article, and the next article still comes
    found = list(iter_csv_records(dataset))
    assert isinstance(found[0][2], RecordError)
    assert found[0][:2] == (str(dataset / "articles.csv"), 2)
    assert found[1][2] == unstructure(OTHER)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('"[""Ann Lee"",""""]"', "Ann Lee", "not JSON"),
        ('"[""Ann Lee"",""""]"', "", "empty cell"),
    ],
)
def test_list_cells_must_be_json_arrays(dataset: Path, old: str, new: str, message: str) -> None:
    write_tables(dataset, {"articles.csv": table_text(dataset, "articles.csv").replace(old, new)})
    error = _error(dataset, RecordError)
    assert (error.line, error.field) == (2, "$.authors")
    assert message in error.message


def test_list_cell_of_another_json_type_is_left_to_the_converter(dataset: Path) -> None:
    text = table_text(dataset, "articles.csv").replace('"[""Ann Lee"",""""]"', "3")
    write_tables(dataset, {"articles.csv": text})
    error = _error(dataset, RecordError)
    assert [(p.code, p.path, p.line) for p in error.problems] == [("wrong-type", "$.authors", 2)]


def test_affiliation_of_an_unknown_speaker(dataset: Path) -> None:
    text = table_text(dataset, "affiliations.csv").replace("a1,s1,", "a1,s7,")
    write_tables(dataset, {"affiliations.csv": text})
    error = _error(dataset, RecordError)
    assert (error.file, error.line) == (str(dataset / "affiliations.csv"), 2)
    assert error.problems[0].code == "malformed-csv"


def test_affiliation_rows_are_matched_to_speakers_by_id(tmp_path: Path) -> None:
    article = Article(
        id="a",
        title="t",
        speakers=(
            Speaker(id="s1", name="One", affiliations=(Affiliation(organization="X"),)),
            Speaker(id="s2", name="Two", affiliations=(Affiliation(organization="Y"),)),
        ),
    )
    write_csv([article], tmp_path / "d")
    header, first, second = table_text(tmp_path / "d", "affiliations.csv").splitlines(True)
    write_tables(tmp_path / "d", {"affiliations.csv": header + second + first})
    assert list(read_csv(tmp_path / "d")) == [article]


def test_quote_of_an_unknown_speaker_points_at_the_quote_row(dataset: Path) -> None:
    text = table_text(dataset, "quotes.csv").replace(",48,,", ",48,s9,")
    write_tables(dataset, {"quotes.csv": text})
    error = _error(dataset, RecordError)
    assert [(p.code, p.path, p.line) for p in error.problems] == [
        ("unknown-speaker", "$.quotes[1].speaker_id", 3)
    ]


def test_iter_csv_records_reads_spreadsheet_safe_tables(tmp_path: Path) -> None:
    article = Article(id="-1", title="+x", authors=("=y",))
    write_csv([article], tmp_path / "d", spreadsheet_safe=True)
    [(_file, line, data)] = iter_csv_records(tmp_path / "d", spreadsheet_safe=True)
    assert (line, data) == (2, unstructure(article))


def test_record_problems_point_at_the_row_they_are_about(dataset: Path) -> None:
    original = table_text(dataset, "quotes.csv")
    write_tables(dataset, {"quotes.csv": original.replace("a1,q1,direct", "a1,q1,shouted")})
    error = _error(dataset, RecordError)
    assert [(p.code, p.path, p.file, p.line) for p in error.problems] == [
        ("invalid-value", "$.quotes[0].kind", str(dataset / "quotes.csv"), 2),
    ]
    write_tables(dataset, {"quotes.csv": original.replace(",31,48,", ",31,47,")})
    error = _error(dataset, RecordError)
    assert [(p.code, p.path, p.line) for p in error.problems] == [
        ("span-mismatch", "$.quotes[1].text", 3)
    ]
    assert (error.file, error.line) == (str(dataset / "quotes.csv"), 3)


def test_record_problems_of_the_article_row(dataset: Path) -> None:
    text = table_text(dataset, "articles.csv").replace("newsrecord/1,Short news", "x/2,Short news")
    write_tables(dataset, {"articles.csv": text})
    articles = read_csv(dataset)
    assert next(articles) == SAMPLE
    with pytest.raises(RecordError) as raised:
        next(articles)
    assert (raised.value.file, raised.value.line) == (str(dataset / "articles.csv"), 3)
    assert raised.value.problems[0].code == "schema-version"


def test_non_canonical_but_valid_csv_is_read(dataset: Path) -> None:
    # quoting a cell that need not be quoted is allowed; the writer would not do it
    text = table_text(dataset, "speakers.csv").replace("a1,s2,Critics", '"a1","s2","Critics"')
    write_tables(dataset, {"speakers.csv": text})
    assert list(read_csv(dataset)) == [SAMPLE, OTHER]


def test_large_cells_are_read(tmp_path: Path) -> None:
    article = Article(id="big", title="t", paragraphs=("x" * 300_000,))
    write_csv([article], tmp_path / "big")
    assert list(read_csv(tmp_path / "big")) == [article]


# --------------------------------------------------------------------------- streaming


def _many(count: int) -> Iterator[Article]:
    paragraph = "Lorem ipsum, dolor “sit” amet. " * 30
    for number in range(count):
        yield Article(
            id=f"id{number}",
            title=f"Title {number}",
            paragraphs=(paragraph, paragraph),
            speakers=(Speaker(id="s", name="Someone"),),
            quotes=(Quote(id="q", kind=QuoteKind.INDIRECT, text="Lorem", start=0, end=5),),
        )


def test_reading_holds_one_article_at_a_time(tmp_path: Path) -> None:
    write_csv(_many(2000), tmp_path / "many")
    size = sum(len(data) for data in read_tables(tmp_path / "many").values())
    assert size > 3_000_000
    tracemalloc.start()
    try:
        count = sum(1 for _article in read_csv(tmp_path / "many"))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 2000
    assert peak < size / 10


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc")
def test_reading_is_lazy_and_closes_its_files(dataset: Path) -> None:
    def open_files() -> int:
        return len(os.listdir("/proc/self/fd"))

    before = open_files()
    articles = read_csv(dataset)
    assert open_files() == before  # nothing happens before the first article is asked for
    assert next(articles) == SAMPLE
    assert open_files() > before  # articles.csv at least (exhausted tables are closed)
    articles.close()  # type: ignore[attr-defined]
    assert open_files() == before


def test_a_dataset_can_be_rewritten_in_place(dataset: Path) -> None:
    before = read_tables(dataset)
    assert write_csv(read_csv(dataset), dataset, force=True) == 2
    assert read_tables(dataset) == before


# --------------------------------------------------------------------------- entities

#: A dataset exactly as ``write_csv`` wrote it before entities existed: four tables.
WRITTEN_BEFORE_ENTITIES = {
    "articles.csv": (
        "article_id,schema,title,published,published_raw,language,source,url,authors,"
        "paragraphs\n"
        'a1,newsrecord/1,Budget passes,,,en,,,[],"[""“No cuts,” the minister said.""]"\n'
        "a2,newsrecord/1,Short news,,,,,,[],[]\n"
    ),
    "quotes.csv": (
        "article_id,quote_id,kind,text,start,end,speaker_id,mention,cue,via\n"
        'a1,q1,direct,"No cuts,",1,9,s1,the minister,said,\n'
    ),
    "speakers.csv": "article_id,speaker_id,name,kind,aliases\na1,s1,the minister,person,[]\n",
    "affiliations.csv": "article_id,speaker_id,organization,role\na1,s1,,minister\n",
}


def test_a_dataset_written_before_entities_reads_and_validates(tmp_path: Path) -> None:
    import newsrecord

    old = write_tables(tmp_path / "old", WRITTEN_BEFORE_ENTITIES)
    articles = list(read_csv(old))
    assert [article.id for article in articles] == ["a1", "a2"]
    assert all(article.entities == () for article in articles)
    assert articles[0].quotes[0].mention == "the minister"
    assert [data for _file, _line, data in iter_csv_records(old)] == [
        unstructure(article) for article in articles
    ]
    assert newsrecord.validate(old).ok
    # written again: the four tables as they were, and the three entity tables, empty
    write_csv(articles, tmp_path / "new")
    for table, text in WRITTEN_BEFORE_ENTITIES.items():
        assert table_text(tmp_path / "new", table) == text
    for table in (*ENTITY_TABLES, TITLE_QUOTES):
        assert table_text(tmp_path / "new", table) == ",".join(COLUMNS[table]) + "\n"


@pytest.mark.parametrize("kept", [1, 2])
def test_the_entity_tables_go_together(dataset: Path, kept: int) -> None:
    for table in ENTITY_TABLES[kept:]:
        (dataset / table).unlink()
    with pytest.raises(FormatError, match="the entity tables go together") as raised:
        list(read_csv(dataset))
    assert raised.value.file == str(dataset / ENTITY_TABLES[kept])


def test_without_the_entity_tables_there_are_no_entities(dataset: Path) -> None:
    for table in ENTITY_TABLES:
        (dataset / table).unlink()
    from attrs import evolve

    assert list(read_csv(dataset)) == [evolve(SAMPLE, entities=()), OTHER]


@pytest.mark.parametrize("table", ["entity_affiliations.csv", "entity_mentions.csv"])
def test_rows_of_an_unknown_entity(dataset: Path, table: str) -> None:
    path = dataset / table
    path.write_bytes(path.read_bytes().replace(b"a1,e1,", b"a1,e9,"))
    with pytest.raises(RecordError) as raised:
        list(read_csv(dataset))
    (problem,) = raised.value.problems
    assert (problem.code, problem.path, problem.file, problem.line) == (
        "malformed-csv",
        "$.entities",
        str(path),
        2,
    )
    assert "entity_id 'e9' names no entity of article 'a1' in entities.csv" in problem.message


def test_entity_rows_of_an_article_without_entities_are_not_dropped(tmp_path: Path) -> None:
    tables = dict(WRITTEN_BEFORE_ENTITIES)
    tables["entities.csv"] = "article_id,entity_id,name,kind,speaker_id\n"
    tables["entity_affiliations.csv"] = "article_id,entity_id,organization,role\n"
    tables["entity_mentions.csv"] = "article_id,entity_id,start,end,text\na1,e1,1,8,No cuts\n"
    directory = write_tables(tmp_path / "orphan", tables)
    with pytest.raises(RecordError, match="names no entity"):
        list(read_csv(directory))


def test_entity_problems_point_at_their_rows(dataset: Path) -> None:
    mentions = dataset / "entity_mentions.csv"
    original = mentions.read_bytes()
    mentions.write_bytes(original.replace(b"31,38,Critics", b"31,x,Critics"))
    problems = [
        problem
        for _file, _line, data in iter_csv_records(dataset)
        if isinstance(data, RecordError)
        for problem in data.problems
    ]
    assert [(p.code, p.path, Path(p.file or "").name, p.line) for p in problems] == [
        ("wrong-type", "$.entities[1].mentions[0].end", "entity_mentions.csv", 3)
    ]
    # e2 becomes a second e1, in both tables: its mention row goes to the first e1
    mentions.write_bytes(original.replace(b"a1,e2,", b"a1,e1,"))
    entities_table = dataset / "entities.csv"
    entities_table.write_bytes(entities_table.read_bytes().replace(b"a1,e2,", b"a1,e1,"))
    with pytest.raises(RecordError) as raised:
        list(read_csv(dataset))
    found = [(p.code, p.path, Path(p.file or "").name, p.line) for p in raised.value.problems]
    assert found == [("duplicate-id", "$.entities[1].id", "entities.csv", 3)]


# --------------------------------------------------------------------------- title quotes

HEADLINED = attrs.evolve(
    SAMPLE,
    title_quote=Quote(
        id="t1",
        kind=QuoteKind.DIRECT,
        text="No cuts",
        start=11,
        end=18,
        speaker_id="s1",
        mention="Minister",
    ),
)


@pytest.fixture
def headlined(tmp_path: Path) -> Path:
    write_csv([OTHER, HEADLINED], tmp_path / "headlined")
    return tmp_path / "headlined"


def test_a_title_quote_is_a_row_of_title_quotes(headlined: Path) -> None:
    assert COLUMNS[TITLE_QUOTES] == COLUMNS["quotes.csv"]
    assert table_text(headlined, TITLE_QUOTES) == (
        "article_id,quote_id,kind,text,start,end,speaker_id,mention,cue,via\n"
        "a1,t1,direct,No cuts,11,18,s1,Minister,,\n"
    )
    assert table_text(headlined, "quotes.csv").count("\n") == 3  # the body's, as before
    assert list(read_csv(headlined)) == [OTHER, HEADLINED]
    assert [data for _file, _line, data in iter_csv_records(headlined)] == [
        unstructure(OTHER),
        unstructure(HEADLINED),
    ]


@ROUND_TRIP
@given(DATASETS)
def test_generated_title_quotes_round_trip(articles: list[Article]) -> None:
    with tempfile.TemporaryDirectory() as directory:
        write_csv(articles, directory, force=True)
        assert list(read_csv(directory)) == articles
        rows = table_text(directory, TITLE_QUOTES).count("\n") - 1
        assert rows == sum(article.title_quote is not None for article in articles)


def test_without_title_quotes_csv_there_are_no_title_quotes(headlined: Path) -> None:
    (headlined / TITLE_QUOTES).unlink()
    assert list(read_csv(headlined)) == [OTHER, attrs.evolve(HEADLINED, title_quote=None)]
    import newsrecord

    assert newsrecord.validate(headlined).ok


def test_two_title_quotes_of_an_article_are_malformed(headlined: Path) -> None:
    path = headlined / TITLE_QUOTES
    path.write_bytes(path.read_bytes() + b"a1,t2,indirect,No,11,13,,,,\r\n")
    with pytest.raises(RecordError) as raised:
        list(read_csv(headlined))
    (problem,) = raised.value.problems
    assert (problem.code, problem.path, problem.file, problem.line) == (
        "malformed-csv",
        "$.title_quote",
        str(path),
        3,
    )
    assert "a headline carries one quote at most" in problem.message
    import newsrecord

    (found,) = newsrecord.validate(headlined)
    assert (found.code, found.file, found.line) == ("malformed-csv", str(path), 3)


def test_title_quote_rows_follow_the_article_order(tmp_path: Path) -> None:
    write_csv([HEADLINED, attrs.evolve(OTHER, title_quote=None)], tmp_path / "d")
    path = tmp_path / "d" / TITLE_QUOTES
    path.write_bytes(path.read_bytes().replace(b"a1,t1,", b"a9,t1,"))
    with pytest.raises(FormatError, match="not at this place") as raised:
        list(read_csv(tmp_path / "d"))
    assert (raised.value.file, raised.value.line) == (str(path), 2)


def test_a_title_quote_problem_points_at_its_row(headlined: Path) -> None:
    path = headlined / TITLE_QUOTES
    path.write_bytes(path.read_bytes().replace(b",11,18,s1,", b",11,18,s9,"))
    with pytest.raises(RecordError) as raised:
        list(read_csv(headlined))
    (problem,) = raised.value.problems
    assert (problem.code, problem.path, problem.file, problem.line) == (
        "unknown-speaker",
        "$.title_quote.speaker_id",
        str(path),
        2,
    )
    path.write_bytes(path.read_bytes().replace(b",11,18,", b",11,x,"))
    with pytest.raises(RecordError) as raised:
        list(read_csv(headlined))
    assert [(p.code, p.path, p.line) for p in raised.value.problems] == [
        ("wrong-type", "$.title_quote.end", 2)
    ]
