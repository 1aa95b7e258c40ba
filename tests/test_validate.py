"""Tests of ``newsrecord._validate``: every problem, with its code, file and line.

The records are made up here; no news text is used.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from newsrecord._converter import structure_article
from newsrecord._csvio import write_csv
from newsrecord._problems import CODES, Problem
from newsrecord._validate import ValidationReport, Validator, iter_validate, validate

NOW = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.timezone.utc)

PARAGRAPHS = [
    "The harbour master said the old pier would reopen in May.",
    '"We are nearly done," Anna Berg told the volunteers on Sunday.',
]
TEXT = "\n\n".join(PARAGRAPHS)
QUOTE_TEXT = "We are nearly done,"
QUOTE_START = TEXT.index(QUOTE_TEXT)


def record(ident: str = "a1", **changes: Any) -> dict[str, Any]:
    """A valid JSON-ready record, with ``changes`` applied to its top-level keys."""
    data: dict[str, Any] = {
        "schema": "newsrecord/1",
        "id": ident,
        "title": "Old pier to reopen in May",
        "published": "2023-11-08T16:38:00+02:00",
        "published_raw": "08.11.2023 16:38",
        "language": "en",
        "source": None,
        "url": None,
        "authors": [],
        "paragraphs": list(PARAGRAPHS),
        "speakers": [{"id": "s1", "name": "Anna Berg", "kind": "person"}],
        "quotes": [
            {
                "id": "q1",
                "kind": "direct",
                "text": QUOTE_TEXT,
                "start": QUOTE_START,
                "end": QUOTE_START + len(QUOTE_TEXT),
                "speaker_id": "s1",
            }
        ],
    }
    data.update(changes)
    return data


def quote(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = copy.deepcopy(record()["quotes"][0])
    data.update(changes)
    return data


def write_jsonl(path: Path, lines: list[dict[str, Any] | str]) -> Path:
    text = "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines)
    path.write_text(text, encoding="utf-8")
    return path


# One line per fault; each line gives exactly one problem, of the code named.
FAULTS: list[tuple[str, dict[str, Any] | str]] = [
    ("malformed-json", '{"schema": "newsrecord/1", "id": '),
    ("malformed-json", "[1, 2, 3]"),
    ("wrong-type", record("f-type", title=5)),
    ("unknown-field", record("f-unknown", titel="Typo")),
    ("missing-field", {k: v for k, v in record("f-missing").items() if k != "title"}),
    ("schema-version", record("f-schema", schema="newsrecord/2")),
    ("invalid-value", record("f-value", quotes=[quote(kind="shouted")])),
    ("empty-title", record("f-title", title="   ")),
    ("invalid-language", record("f-language", language="en_US")),
    ("span-out-of-range", record("f-range", quotes=[quote(end=10_000)])),
    ("span-mismatch", record("f-mismatch", quotes=[quote(text="We are done,")])),
    ("unknown-speaker", record("f-speaker", quotes=[quote(speaker_id="s9")])),
    ("duplicate-id", record("f-quotes", quotes=[quote(), quote()])),
    (
        "duplicate-id",
        record("f-speakers", speakers=[{"id": "s1", "name": "A. Berg"}] * 2),
    ),
    ("duplicate-id", record("a1")),
    ("future-date", record("f-future", published="2024-05-01T12:00:01+00:00")),
    ("missing-timezone", record("f-naive", published="2023-11-08T16:38:00")),
]


def test_one_problem_per_fault_with_its_line(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "data.jsonl", [record("a1"), *(line for _, line in FAULTS)])
    missing = tmp_path / "missing.jsonl"
    report = validate([path, missing], now=NOW, require_timezone=True)
    assert not report.ok
    assert report.records == 1 + len(FAULTS)
    assert report.invalid_records == len(FAULTS)
    in_file = [problem for problem in report if problem.file == str(path)]
    assert [(p.line, p.code) for p in in_file] == [
        (number, code) for number, (code, _) in enumerate(FAULTS, start=2)
    ]
    assert report.problems[-1] == Problem(
        code="io-error",
        message="cannot read the file: No such file or directory",
        file=str(missing),
    )


BERG = TEXT.index("Anna Berg")


def entity(**changes: Any) -> dict[str, Any]:
    """An entity of :func:`record`: Anna Berg, linked to her speaker."""
    data: dict[str, Any] = {
        "id": "e1",
        "name": "Anna Berg",
        "kind": "person",
        "mentions": [{"start": BERG, "end": BERG + 9, "text": "Anna Berg"}],
        "speaker_id": "s1",
    }
    data.update(changes)
    return data


def mention(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"start": BERG, "end": BERG + 9, "text": "Anna Berg"}
    data.update(changes)
    return data


#: Entity faults: (code, path, record); each record gives exactly that one problem.
ENTITY_FAULTS: list[tuple[str, str, dict[str, Any]]] = [
    ("wrong-type", "$.entities", record("e-type", entities={"id": "e1"})),
    ("missing-field", "$.entities[0].kind", record("e-kind", entities=[{"id": "e1", "name": "B"}])),
    ("unknown-field", "$.entities[0].role", record("e-field", entities=[entity(role="x")])),
    (
        "span-out-of-range",
        "$.entities[0].mentions[0].end",
        record("e-range", entities=[entity(mentions=[mention(end=10_000)])]),
    ),
    (
        "span-mismatch",
        "$.entities[0].mentions[0].text",
        record("e-mismatch", entities=[entity(mentions=[mention(text="Anna Borg")])]),
    ),
    (
        "unknown-speaker",
        "$.entities[0].speaker_id",
        record("e-speaker", entities=[entity(speaker_id="s9")]),
    ),
    (
        "duplicate-id",
        "$.entities[1].id",
        record("e-ids", entities=[entity(), entity(speaker_id=None)]),
    ),
    (
        "duplicate-id",
        "$.entities[1].speaker_id",
        record("e-linked", entities=[entity(), entity(id="e2")]),
    ),
]


def test_entity_problems_have_their_code_path_and_line(tmp_path: Path) -> None:
    good = record(
        "e-good",
        entities=[entity(), entity(id="e2", name="harbour master", speaker_id=None, mentions=[])],
    )
    path = write_jsonl(tmp_path / "e.jsonl", [good, *(data for _, _, data in ENTITY_FAULTS)])
    report = validate(path, now=NOW)
    assert [(p.line, p.code, p.path) for p in report] == [
        (number, code, where) for number, (code, where, _) in enumerate(ENTITY_FAULTS, start=2)
    ]
    assert (report.records, report.invalid_records) == (1 + len(ENTITY_FAULTS), len(ENTITY_FAULTS))


HEADLINE = "Anna Berg: the old pier will reopen in May"


def title_quote(**changes: Any) -> dict[str, Any]:
    """The quote of :data:`HEADLINE`, Anna Berg's."""
    data: dict[str, Any] = {
        "id": "t1",
        "kind": "indirect",
        "text": "the old pier will reopen in May",
        "start": 11,
        "end": len(HEADLINE),
        "speaker_id": "s1",
        "mention": "Anna Berg",
    }
    data.update(changes)
    return data


#: Faults of the headline's quote: (code, path, record); each gives exactly that problem.
TITLE_QUOTE_FAULTS: list[tuple[str, str, dict[str, Any]]] = [
    ("wrong-type", "$.title_quote", record("t-type", title=HEADLINE, title_quote=["t1"])),
    (
        "missing-field",
        "$.title_quote.kind",
        record(
            "t-kind", title=HEADLINE, title_quote={"id": "t1", "text": "A", "start": 0, "end": 1}
        ),
    ),
    (
        "unknown-field",
        "$.title_quote.page",
        record("t-field", title=HEADLINE, title_quote=title_quote(page=1)),
    ),
    (
        "span-out-of-range",
        "$.title_quote.end",
        record("t-range", title=HEADLINE, title_quote=title_quote(end=10_000)),
    ),
    (
        "span-mismatch",
        "$.title_quote.text",
        record("t-mismatch", title=HEADLINE, title_quote=title_quote(text="the new pier")),
    ),
    (
        "span-out-of-range",  # a title too short for it: its offsets index the title
        "$.title_quote.end",
        record("t-title", title_quote=title_quote()),
    ),
    (
        "unknown-speaker",
        "$.title_quote.speaker_id",
        record("t-speaker", title=HEADLINE, title_quote=title_quote(speaker_id="s9")),
    ),
    (
        "duplicate-id",
        "$.title_quote.id",
        record("t-id", title=HEADLINE, title_quote=title_quote(id="q1")),
    ),
    (
        "invalid-value",
        "$.title_quote.start",
        record("t-start", title=HEADLINE, title_quote=title_quote(start=-1, text="x")),
    ),
]


def test_title_quote_problems_have_their_code_path_and_line(tmp_path: Path) -> None:
    good = record("t-good", title=HEADLINE, title_quote=title_quote())
    lines = [good, *(data for _, _, data in TITLE_QUOTE_FAULTS)]
    path = write_jsonl(tmp_path / "t.jsonl", lines)
    report = validate(path, now=NOW)
    found = [(p.line, p.code, p.path) for p in report]
    expected = [
        (number, code, where) for number, (code, where, _) in enumerate(TITLE_QUOTE_FAULTS, start=2)
    ]
    # a negative start is also a span whose text is not at it
    expected.append((len(lines), "span-mismatch", "$.title_quote.text"))
    assert found == expected
    assert report.invalid_records == len(TITLE_QUOTE_FAULTS)


#: A record exactly as written before entities existed (compact, no "entities" key).
WRITTEN_BEFORE_ENTITIES = (
    '{"schema":"newsrecord/1","id":"old","title":"Old pier to reopen in May",'
    '"published":"2023-11-08T16:38:00+02:00","published_raw":"08.11.2023 16:38",'
    '"language":"en","source":null,"url":null,"authors":[],'
    '"paragraphs":["The harbour master said the old pier would reopen in May.",'
    '"\\"We are nearly done,\\" Anna Berg told the volunteers on Sunday."],'
    '"speakers":[{"id":"s1","name":"Anna Berg","kind":"person","aliases":[],'
    '"affiliations":[]}],"quotes":[{"id":"q1","kind":"direct","text":"We are nearly done,",'
    '"start":60,"end":79,"speaker_id":"s1","mention":null,"cue":null,"via":null}]}'
)


def test_files_written_before_entities_validate(tmp_path: Path) -> None:
    """JSON Lines and CSV exactly as written before entities existed (no key, four tables)."""
    from newsrecord import from_json, to_json

    assert to_json(from_json(WRITTEN_BEFORE_ENTITIES)) == WRITTEN_BEFORE_ENTITIES
    jsonl = tmp_path / "old.jsonl"
    jsonl.write_text(WRITTEN_BEFORE_ENTITIES + "\n", encoding="utf-8")
    dataset = _csv_dataset(tmp_path / "ds", record("old-csv"))
    for table in ("entities.csv", "entity_affiliations.csv", "entity_mentions.csv"):
        (dataset / table).unlink()
    report = validate([jsonl, dataset], now=NOW)
    assert report.ok
    assert report.records == 2


def test_csv_entity_problem_has_the_article_row(tmp_path: Path) -> None:
    dataset = _csv_dataset(tmp_path / "ds", record("a1"), record("a2", entities=[entity()]))
    assert validate(dataset, now=NOW).ok
    _replace(dataset / "entity_mentions.csv", "Anna Berg", "Anna Borg")
    (problem,) = validate(dataset, now=NOW)
    assert (problem.code, problem.path) == ("span-mismatch", "$.entities[0].mentions[0].text")
    assert (problem.file, problem.line) == (str(dataset / "articles.csv"), 3)


def test_csv_title_quote_problems_have_their_rows(tmp_path: Path) -> None:
    headlined = record("a2", title=HEADLINE, title_quote=title_quote())
    dataset = _csv_dataset(tmp_path / "ds", record("a1"), headlined)
    assert validate(dataset, now=NOW).ok
    table = dataset / "title_quotes.csv"
    _replace(table, ",s1,Anna Berg,", ",s9,Anna Berg,")
    (problem,) = validate(dataset, now=NOW)
    assert (problem.code, problem.path) == ("unknown-speaker", "$.title_quote.speaker_id")
    assert (problem.file, problem.line) == (str(dataset / "articles.csv"), 3)  # the article's
    _replace(table, ",s9,Anna Berg,", ",s1,Anna Berg,")
    with table.open("a", encoding="utf-8", newline="") as handle:
        handle.write("a2,t2,direct,the old pier,11,23,,,,\r\n")
    (problem,) = validate(dataset, now=NOW)
    assert (problem.code, problem.path) == ("malformed-csv", "$.title_quote")
    assert (problem.file, problem.line) == (str(table), 3)
    table.unlink()  # a dataset written before the table existed: no headline quotes
    assert validate(dataset, now=NOW).ok


def test_every_code_is_covered_by_the_fault_list() -> None:
    covered = {code for code, _ in FAULTS} | {"io-error", "malformed-csv"}
    assert covered == set(CODES)


def test_problem_paths_point_into_the_record(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "d.jsonl",
        [record("b1", quotes=[quote(), quote(id="q2", start=-1)], title=" ")],
    )
    found = {(p.path, p.code) for p in validate(path, now=NOW)}
    assert ("$.title", "empty-title") in found
    assert ("$.quotes[1].start", "invalid-value") in found


def test_clean_file(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "clean.jsonl", [record("a1"), "", record("a2")])
    report = validate(str(path), now=NOW)
    assert report == ValidationReport(problems=(), records=2, invalid_records=0)
    assert report.ok
    assert list(report) == []


def test_blank_lines_count_in_line_numbers(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", [record("a1"), "  ", record("a2", title="")])
    (problem,) = validate(path, now=NOW)
    assert (problem.line, problem.code) == (3, "empty-title")


def test_non_utf8_line_spoils_only_itself(tmp_path: Path) -> None:
    path = tmp_path / "bytes.jsonl"
    good = json.dumps(record("a1")).encode()
    path.write_bytes(good + b"\n" + b'{"id": "\xff"}\n' + json.dumps(record("a2")).encode() + b"\n")
    report = validate(path, now=NOW)
    (problem,) = report
    assert (problem.line, problem.code) == (2, "malformed-json")
    assert "not UTF-8: byte 0xff at column 9" in problem.message
    assert report.records == 3


def test_strict_json_duplicate_keys_and_nan(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "strict.jsonl",
        ['{"id": "x", "id": "y"}', '{"start": NaN}'],
    )
    codes = [(p.line, p.code) for p in validate(path, now=NOW)]
    assert codes == [(1, "malformed-json"), (2, "malformed-json")]


def test_duplicate_article_ids_across_files(tmp_path: Path) -> None:
    first = write_jsonl(tmp_path / "one.jsonl", [record("a1")])
    second = write_jsonl(tmp_path / "two.jsonl", [record("a2"), record("a1")])
    (problem,) = validate([first, second], now=NOW)
    assert (problem.file, problem.line, problem.path) == (str(second), 2, "$.id")
    assert problem.message == "article id 'a1' is used by an earlier record"


def test_json_file_with_one_article(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps(record("a1"), indent=2), encoding="utf-8")
    report = validate(path, now=NOW)
    assert (report.ok, report.records) == (True, 1)


def test_json_array_lines_are_where_each_article_starts(tmp_path: Path) -> None:
    path = tmp_path / "many.json"
    items = [json.dumps(record("a1"), indent=2), json.dumps(record("a2", title=""), indent=2)]
    path.write_text("[\n" + ",\n".join(items) + "\n]\n", encoding="utf-8")
    report = validate(path, now=NOW)
    (problem,) = report
    assert problem.line == 2 + items[0].count("\n") + 1
    assert problem.code == "empty-title"
    assert report.records == 2


def test_json_array_stops_at_malformed_json(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(f"[\n{json.dumps(record('a1'))},\n{{oops}}\n]\n", encoding="utf-8")
    (problem,) = validate(path, now=NOW)
    assert (problem.line, problem.code) == (3, "malformed-json")


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("[]", None, None),
        ("", 1, "Expecting value"),
        ('{"a": 1}\n{"b": 2}\n', 2, "more data after the first value"),
        ('[{"a": 1} {"b": 2}]', 1, "expected ',' or ']'"),
        ("[1, 2]", 1, "a record must be a JSON object, not a number"),
        ('[{"a": 1, "a": 2}]', 1, "duplicate key 'a'"),
        ("[\n" + "[" * 100_000 + "]" * 100_000 + "]", 2, "nested too deeply"),
    ],
)
def test_json_file_problems(tmp_path: Path, text: str, line: int | None, fragment: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(text, encoding="utf-8")
    problems = list(validate(path, now=NOW))
    if fragment is None:
        assert problems == []
        return
    problem = next(p for p in problems if p.code == "malformed-json")
    assert problem.line == line
    assert fragment in problem.message


def test_json_file_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.json"
    path.write_bytes(b'[\n{"title": "caf\xe9"}]')
    (problem,) = validate(path, now=NOW)
    assert (problem.line, problem.code) == (2, "malformed-json")
    assert "byte 0xe9 at offset 16" in problem.message


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (json.dumps(record("a1")) + "\n" + json.dumps(record("a2", title="")) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (problem,) = validate("-", now=NOW)
    assert (problem.file, problem.line, problem.code) == ("<stdin>", 2, "empty-title")


def test_directory_without_articles_csv(tmp_path: Path) -> None:
    (problem,) = validate(tmp_path, now=NOW)
    assert (problem.file, problem.line, problem.code) == (str(tmp_path), None, "io-error")


def _csv_dataset(directory: Path, *records: dict[str, Any]) -> Path:
    write_csv([structure_article(data) for data in records], directory)
    return directory


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_csv_dataset(tmp_path: Path) -> None:
    dataset = _csv_dataset(tmp_path / "ds", record("a1"), record("a2"))
    assert validate(dataset, now=NOW).ok
    _replace(dataset / "articles.csv", "Old pier to reopen in May", " ")
    report = validate(dataset, now=NOW)
    (problem,) = report
    assert (problem.code, problem.path) == ("empty-title", "$.title")
    assert (problem.file, problem.line) == (str(dataset / "articles.csv"), 2)
    assert (report.records, report.invalid_records) == (2, 1)


def test_csv_problem_of_a_quote_has_the_article_row(tmp_path: Path) -> None:
    dataset = _csv_dataset(tmp_path / "ds", record("a1"), record("a2"))
    _replace(dataset / "quotes.csv", 'a2,q1,direct,"We are nearly', 'a2,q1,direct,"We are')
    (problem,) = validate(dataset, now=NOW)
    assert (problem.code, problem.path) == ("span-mismatch", "$.quotes[0].text")
    assert (problem.file, problem.line) == (str(dataset / "articles.csv"), 3)


def test_csv_unreadable_cell_has_its_own_row(tmp_path: Path) -> None:
    dataset = _csv_dataset(tmp_path / "ds", record("a1"), record("a2"))
    text = (dataset / "quotes.csv").read_text(encoding="utf-8")
    last = text.splitlines()[2]
    _replace(dataset / "quotes.csv", last, last.replace(f",{QUOTE_START},", ",twelve,"))
    (problem,) = validate(dataset, now=NOW)
    assert problem.path == "$.quotes[0].start"
    assert (problem.file, problem.line) == (str(dataset / "quotes.csv"), 3)


def test_csv_malformed(tmp_path: Path) -> None:
    dataset = _csv_dataset(tmp_path / "ds", record("a1"))
    (dataset / "quotes.csv").unlink()
    report = validate(dataset, now=NOW)
    (problem,) = report
    assert problem.code == "malformed-csv"
    assert problem.file == str(dataset / "quotes.csv")
    assert report.records == 0


def test_csv_duplicate_ids_across_formats(tmp_path: Path) -> None:
    dataset = _csv_dataset(tmp_path / "ds", record("a1"))
    lines = write_jsonl(tmp_path / "more.jsonl", [record("a1")])
    (problem,) = validate([dataset, lines], now=NOW)
    assert (problem.code, problem.file, problem.line) == ("duplicate-id", str(lines), 1)


# ---------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("published", "future"),
    [
        ("2024-05-01T12:00:00+00:00", False),
        ("2024-05-01T12:00:01+00:00", True),
        ("2024-05-01T14:00:00+02:00", False),
        ("2024-05-01T14:00:01+02:00", True),
        ("2024-05-01T12:00:01Z", True),
        # naive: only when later than now in every zone (now + 14 hours, read as UTC)
        ("2024-05-02T02:00:00", False),
        ("2024-05-02T02:00:01", True),
        (None, False),
        ("not a date", False),
    ],
)
def test_future_date(tmp_path: Path, published: str | None, future: bool) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", [record("a1", published=published)])
    codes = [problem.code for problem in validate(path, now=NOW)]
    assert ("future-date" in codes) is future


def test_naive_now_is_utc(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", [record("a1", published="2024-05-01T12:30:00Z")])
    assert validate(path, now=dt.datetime(2024, 5, 1, 13)).ok
    assert [p.code for p in validate(path, now=dt.datetime(2024, 5, 1, 12))] == ["future-date"]


def test_default_now_is_the_current_time(tmp_path: Path) -> None:
    future = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=1)).isoformat()
    path = write_jsonl(tmp_path / "d.jsonl", [record("a1"), record("a2", published=future)])
    assert [(p.line, p.code) for p in validate(path)] == [(2, "future-date")]


def test_now_near_the_end_of_time(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", [record("a1", published="9999-12-31T23:59:59")])
    latest = dt.datetime.max.replace(tzinfo=dt.timezone.utc)
    assert validate(path, now=latest).ok


@pytest.mark.parametrize(
    ("published", "missing"),
    [("2023-11-08T16:38:00", True), ("2023-11-08T16:38:00+03:00", False), (None, False)],
)
def test_require_timezone(tmp_path: Path, published: str | None, missing: bool) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", [record("a1", published=published)])
    assert validate(path, now=NOW).ok
    codes = [p.code for p in validate(path, now=NOW, require_timezone=True)]
    assert codes == (["missing-timezone"] if missing else [])


# ------------------------------------------------------------------ streaming


def test_validator_counts_as_it_goes(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "d.jsonl", [record("a1"), record("a2", title=""), record("a3"), "[]"]
    )
    validator = Validator([path], now=NOW)
    problems = validator.run()
    first = next(problems)
    assert (first.line, validator.records, validator.invalid_records) == (2, 2, 1)
    rest = list(problems)
    assert [p.line for p in rest] == [4]
    assert (validator.records, validator.invalid_records, validator.problem_count) == (4, 2, 2)
    assert not validator.ok
    assert validator.io_errors == 0
    assert len(list(validator.run())) == 2  # a second run starts afresh
    assert validator.records == 4


def test_iter_validate_is_lazy(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", [record("a1", title="")])
    problems = iter_validate(path, now=NOW)
    path.unlink()  # nothing has been read yet
    assert [p.code for p in problems] == ["io-error"]


def test_io_error_counted(tmp_path: Path) -> None:
    validator = Validator([tmp_path / "nope.jsonl", tmp_path / "nope.json"])
    assert [p.code for p in validator.run()] == ["io-error", "io-error"]
    assert (validator.io_errors, validator.records) == (2, 0)


def test_ids_that_cannot_be_kept_are_an_io_error_of_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk under the ids' temporary files is not reported as an unreadable input."""
    import errno

    from newsrecord import _seen

    def full(self: object, ident: str) -> bool:
        raise OSError(errno.ENOSPC, "No space left on device")

    path = write_jsonl(tmp_path / "d.jsonl", [record("a1"), record("a2")])
    monkeypatch.setattr(_seen.SeenIds, "add", full)
    validator = Validator(path, now=NOW)
    problems = list(validator.run())
    assert [(p.code, p.file) for p in problems] == [("io-error", str(path))]
    assert problems[0].message == (
        "cannot keep the article ids seen in temporary files: No space left on device"
    )
    assert validator.io_errors == 1


def test_memory_stays_flat(tmp_path: Path) -> None:
    line = json.dumps(record("x"))

    def peak(count: int) -> int:
        path = tmp_path / f"{count}.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for number in range(count):
                handle.write(line.replace('"x"', f'"id-{number}"', 1) + "\n")
        tracemalloc.start()
        try:
            report = validate(path, now=NOW)
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
            assert report.records == count

    small, large = peak(200), peak(3000)
    # The ids seen take a fixed budget (newsrecord._seen): 2800 more records cost nothing.
    assert large - small < 200_000
