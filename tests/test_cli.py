"""Tests of ``newsrecord._cli``: ``main([...])`` in-process, one subprocess for ``-m``.

Every post and record here is made up for these tests.
"""

from __future__ import annotations

import io
import json
import pickle
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsrecord import __version__
from newsrecord._cli import (
    Parsed,
    ParseFailure,
    ParseOptions,
    _parse_one,
    _parse_path,
    format_github,
    format_text,
    main,
)
from newsrecord._jsonio import from_json, write_jsonl
from newsrecord._problems import Problem
from newsrecord._schema import json_schema
from strategies import articles
from test_validate import FAULTS, NOW, record

POST_ONE = (
    "Posted: 08.11.2023 16:38:00\n\n"
    "Night buses return to the river district\n\n"
    "Night buses will run again on three routes from Friday, the transport office said.\n\n"
    '"Passengers asked for this for a long time," said Mira Kolar, who leads the office.\n'
)
POST_TWO = (
    "Posted: 09.11.2023 08:05:00\n\n"
    "Botanical garden opens a winter greenhouse\n\n"
    "The greenhouse keeps forty kinds of ferns warm through the cold months.\n"
)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def lines(text: str) -> list[str]:
    return text.splitlines()


def no_traceback(captured: Any) -> None:
    assert "Traceback" not in captured.err
    assert "Traceback" not in captured.out


def jsonl(path: Path, records: list[dict[str, Any] | str]) -> Path:
    text = "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)
    return write(path, text)


# ----------------------------------------------------------------------- parse


def test_parse_prints_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one, two = write(tmp_path / "one.txt", POST_ONE), write(tmp_path / "two.txt", POST_TWO)
    assert main(["parse", str(one), str(two)]) == 0
    captured = capsys.readouterr()
    titles = [from_json(line).title for line in lines(captured.out)]
    assert titles == [
        "Night buses return to the river district",
        "Botanical garden opens a winter greenhouse",
    ]
    assert captured.err == ""


def test_parse_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(POST_TWO.encode())))
    assert main(["parse", "-"]) == 0
    (line,) = lines(capsys.readouterr().out)
    assert from_json(line).title == "Botanical garden opens a winter greenhouse"


def test_parse_expands_glob_patterns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "b.txt", POST_TWO)
    write(tmp_path / "a.txt", POST_ONE)
    write(tmp_path / "c.md", POST_ONE)
    assert main(["parse", str(tmp_path / "*.txt")]) == 0
    out = lines(capsys.readouterr().out)
    assert [from_json(line).title.split()[0] for line in out] == ["Night", "Botanical"]


def test_parse_to_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post = write(tmp_path / "one.txt", POST_ONE)
    assert main(["parse", str(post)]) == 0
    printed = capsys.readouterr().out
    output = tmp_path / "out.jsonl"
    assert main(["parse", str(post), "-o", str(output)]) == 0
    assert capsys.readouterr().out == ""
    assert output.read_text(encoding="utf-8") == printed


def test_parse_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post = write(tmp_path / "one.txt", POST_ONE)
    output = write(tmp_path / "out.jsonl", "keep me\n")
    assert main(["parse", str(post), "-o", str(output)]) == 2
    captured = capsys.readouterr()
    assert (
        captured.err
        == f"{output}: error: the output exists already; pass --force to overwrite it\n"
    )
    assert output.read_text(encoding="utf-8") == "keep me\n"
    assert main(["parse", str(post), "-o", str(output), "--force"]) == 0
    assert from_json(output.read_text(encoding="utf-8")).title.startswith("Night buses")


def test_parse_refuses_own_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post = write(tmp_path / "one.txt", POST_ONE)
    other = write(tmp_path / "two.txt", POST_TWO)
    assert main(["parse", str(other), str(post), "-o", str(post), "--force"]) == 2
    assert "the output is also an input" in capsys.readouterr().err
    assert post.read_text(encoding="utf-8") == POST_ONE


def test_parse_non_utf8_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(POST_TWO.replace("ferns", "f\xe9rns").encode("latin-1"))
    good = write(tmp_path / "good.txt", POST_ONE)
    assert main(["parse", str(bad), str(good)]) == 1
    captured = capsys.readouterr()
    offset = POST_TWO.index("ferns") + 1
    assert captured.err == (
        f"{bad}: error: byte 0xe9 at offset {offset} is not valid UTF-8; pass --encoding "
        "(for example cp1251 or latin-1) to read another encoding\n"
    )
    (line,) = lines(captured.out)  # the good file is still parsed
    assert from_json(line).title.startswith("Night buses")
    no_traceback(captured)


def test_parse_keeps_the_old_output_when_every_file_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = write(tmp_path / "out.jsonl", "old\n")
    empty = write(tmp_path / "empty.txt", "\n\n")
    assert main(["parse", str(empty), "-o", str(output), "--force"]) == 1
    assert capsys.readouterr().err == f"{empty}: error: empty-post: the post is empty\n"
    assert output.read_text(encoding="utf-8") == "old\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["empty.txt", "out.jsonl"]


def test_parse_encoding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post = tmp_path / "cp1251.txt"
    post.write_bytes(
        "Posted: 08.11.2023 16:38\n\nНовый мост открыт\n\nМост открыли утром.\n".encode("cp1251")
    )
    assert main(["parse", "--encoding", "cp1251", "--language", "ru", str(post)]) == 0
    article = from_json(capsys.readouterr().out)
    assert (article.title, article.language) == ("Новый мост открыт", "ru")


def test_parse_warnings_and_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post = write(tmp_path / "vague.txt", POST_TWO.replace("09.11.2023 08:05:00", "last week"))
    assert main(["parse", str(post)]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith(f"{post}: warning: unreadable-date: ")
    assert len(lines(captured.out)) == 1
    assert main(["parse", "--strict", str(post)]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(f"{post}: error: unreadable-date: ")
    assert captured.out == ""


def test_parse_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post = write(tmp_path / "slashes.txt", POST_TWO.replace("09.11.2023", "03/04/2023"))
    assert main(["parse", "--dayfirst", "--timezone", "Europe/Minsk", str(post)]) == 0
    article = from_json(capsys.readouterr().out)
    assert article.published is not None
    assert article.published.isoformat() == "2023-04-03T08:05:00+03:00"


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--timezone", "Mars/Base"], "unknown time zone 'Mars/Base'"),
        (["--language", "en_US"], "not a well-formed BCP 47 language tag"),
        (["--encoding", "no-such-codec"], "unknown encoding"),
    ],
)
def test_parse_bad_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: list[str], message: str
) -> None:
    post = write(tmp_path / "one.txt", POST_ONE)
    assert main(["parse", *option, str(post)]) == 2
    assert message in capsys.readouterr().err


def test_parse_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = write(tmp_path / "one.txt", POST_ONE)
    assert main(["parse", str(tmp_path / "nope.txt"), str(good)]) == 2
    captured = capsys.readouterr()
    assert captured.err == (
        f"{tmp_path / 'nope.txt'}: error: cannot read the file: No such file or directory\n"
    )
    assert len(lines(captured.out)) == 1


def test_parse_one_is_picklable(tmp_path: Path) -> None:
    post = write(tmp_path / "one.txt", POST_ONE)
    options = ParseOptions(language="en", strict=True)
    assert pickle.loads(pickle.dumps(options)) == options
    result, notes = _parse_one(str(post), options)
    assert isinstance(result, str)
    assert notes == ()
    failure = _parse_one(str(tmp_path / "nope"), options)
    assert pickle.loads(pickle.dumps(failure)) == failure
    assert isinstance(failure[0], ParseFailure)
    assert failure[0].io


def test_parse_path_counts_quotes_and_is_picklable(tmp_path: Path) -> None:
    post = write(tmp_path / "one.txt", POST_ONE)
    parsed = _parse_path(str(post), ParseOptions())
    assert isinstance(parsed, Parsed)
    assert isinstance(parsed.result, str)
    assert parsed.quotes == len(from_json(parsed.result).quotes) >= 1
    assert pickle.loads(pickle.dumps(parsed)) == parsed
    assert _parse_one(str(post), ParseOptions()) == (parsed.result, parsed.notes)
    failure = _parse_path(str(tmp_path / "nope"), ParseOptions())
    assert isinstance(failure.result, ParseFailure)
    assert failure.quotes == 0


def test_parse_help_names_jobs_and_progress(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--help"]) == 0
    out = capsys.readouterr().out
    assert "-j N, --jobs N" in out
    assert "--no-progress" in out


def test_parse_jobs_output_matches(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one, two = write(tmp_path / "one.txt", POST_ONE), write(tmp_path / "two.txt", POST_TWO)
    vague = write(tmp_path / "vague.txt", POST_TWO.replace("09.11.2023 08:05:00", "last week"))
    runs = []
    for jobs in ("1", "2", "3"):
        status = main(["parse", str(vague), str(one), str(two), "--jobs", jobs])
        runs.append((status, capsys.readouterr()))
    assert all(run == runs[0] for run in runs)
    status, captured = runs[0]
    assert status == 0
    assert len(lines(captured.out)) == 3
    assert captured.err.startswith(f"{vague}: warning: unreadable-date: ")


# -------------------------------------------------------------------- validate


def test_validate_one_line_per_fault(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = jsonl(tmp_path / "faults.jsonl", [record("a1"), *(line for _, line in FAULTS)])
    argv = ["validate", str(path), "--now", NOW.isoformat(), "--require-timezone"]
    assert main(argv) == 1
    captured = capsys.readouterr()
    out = lines(captured.out)
    assert len(out) == len(FAULTS)
    for number, ((code, _), line) in enumerate(zip(FAULTS, out, strict=True), start=2):
        assert line.startswith(f"{path}:{number}: $")
        assert f": {code}: " in line
    assert (
        captured.err
        == f"checked {len(FAULTS) + 1} records: {len(FAULTS)} errors in {len(FAULTS)} records\n"
    )


def test_validate_text_line() -> None:
    problem = Problem(
        code="span-mismatch", message="m", path="$.quotes[2].start", file="d.jsonl", line=7
    )
    assert format_text(problem) == "d.jsonl:7: $.quotes[2].start: span-mismatch: m"
    assert format_text(Problem(code="io-error", message="m", file="x")) == "x: $: io-error: m"


def test_validate_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = jsonl(tmp_path / "clean.jsonl", [record("a1"), record("a2")])
    assert main(["validate", str(path)]) == 0
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", "checked 2 records: 0 errors in 0 records\n")


def test_validate_singular_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = jsonl(tmp_path / "one.jsonl", [record("a1", title="")])
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().err == "checked 1 record: 1 error in 1 record\n"


def test_validate_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = jsonl(tmp_path / "clean.jsonl", [record("a1")])
    missing = tmp_path / "missing.jsonl"
    assert main(["validate", str(clean), str(missing)]) == 2
    captured = capsys.readouterr()
    assert (
        captured.out == f"{missing}: $: io-error: cannot read the file: No such file or directory\n"
    )
    assert captured.err == "checked 1 record: 1 error in 0 records (1 path could not be read)\n"


def test_validate_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.dumps(record("a1", language="english")) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    assert main(["validate", "-"]) == 1
    assert capsys.readouterr().out.startswith("<stdin>:1: $.language: invalid-language: ")


def test_validate_github_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = jsonl(tmp_path / "we,ird:name.jsonl", [record("a1", **{"50%\nx": 1})])
    assert main(["validate", "--format", "github", str(path)]) == 1
    escaped = str(path).replace(",", "%2C").replace(":", "%3A")
    assert capsys.readouterr().out == (
        f"::error file={escaped},line=1,title=unknown-field::$.50%25%0Ax: "
        "unknown field '50%25\\nx'\n"
    )


def test_github_escaping() -> None:
    problem = Problem(code="c,d:e", message="100%\r\nsure: yes, no", file="a%b", line=3)
    assert format_github(problem) == (
        "::error file=a%25b,line=3,title=c%2Cd%3Ae::$: 100%25%0D%0Asure: yes, no"
    )
    no_line = Problem(code="io-error", message="gone", file="x.jsonl")
    assert format_github(no_line) == "::error file=x.jsonl,title=io-error::$: gone"


def test_validate_json_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = jsonl(tmp_path / "d.jsonl", [record("a1"), record("a2", title=" "), "[]"])
    assert main(["validate", "--format", "json", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.err == ""
    report = json.loads(captured.out)
    assert {key: report[key] for key in ("ok", "records", "invalid_records")} == {
        "ok": False,
        "records": 3,
        "invalid_records": 2,
    }
    assert report["problems"][0] == {
        "file": str(path),
        "line": 2,
        "path": "$.title",
        "code": "empty-title",
        "message": "title must not be empty",
    }
    assert [problem["line"] for problem in report["problems"]] == [2, 3]


def test_validate_json_format_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = jsonl(tmp_path / "d.jsonl", [record("a1")])
    assert main(["validate", "--format", "json", str(path)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report == {"problems": [], "ok": True, "records": 1, "invalid_records": 0}


def test_validate_now_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = jsonl(tmp_path / "d.jsonl", [record("a1", published="2023-11-08T16:38:00+02:00")])
    assert main(["validate", "--now", "2023-11-08T14:00:00Z", str(path)]) == 1
    assert ": future-date: " in capsys.readouterr().out
    assert main(["validate", "--now", "2023-11-08T14:38:00Z", str(path)]) == 0
    assert main(["validate", "--now", "yesterday", str(path)]) == 2
    assert "not an ISO 8601 date and time: 'yesterday'" in capsys.readouterr().err


# --------------------------------------------------------------------- convert


def test_convert_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = jsonl(tmp_path / "in.jsonl", [record("a1")])
    target = write(tmp_path / "out.jsonl", "old\n")
    assert main(["convert", str(source), "--to", "jsonl", str(target)]) == 2
    assert "pass --force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "old\n"
    assert main(["convert", str(source), "--to", "jsonl", str(target), "--force"]) == 0
    assert from_json(target.read_text(encoding="utf-8")).id == "a1"


def test_convert_refuses_own_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = jsonl(tmp_path / "in.jsonl", [record("a1")])
    before = source.read_bytes()
    assert main(["convert", str(source), "--to", "jsonl", str(source), "--force"]) == 2
    assert "refusing to write over it" in capsys.readouterr().err
    assert source.read_bytes() == before


def test_convert_stops_at_a_bad_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = jsonl(tmp_path / "in.jsonl", [record("a1"), record("a2", title="", language="x")])
    target = write(tmp_path / "out.jsonl", "old\n")
    assert main(["convert", str(source), "--to", "jsonl", str(target), "--force"]) == 1
    captured = capsys.readouterr()
    assert lines(captured.err) == [
        f"{source}:2: error: $.title: empty-title: title must not be empty",
        f"{source}:2: error: $.language: invalid-language: 'x' is not a well-formed BCP 47 tag",
    ]
    no_traceback(captured)
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


def test_convert_malformed_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = jsonl(tmp_path / "in.jsonl", [record("a1"), "{oops"])
    assert main(["convert", str(source), "--to", "jsonl", str(tmp_path / "out.jsonl")]) == 1
    assert capsys.readouterr().err.startswith(f"{source}:2: error: malformed JSON")
    assert not (tmp_path / "out.jsonl").exists()


def test_convert_json_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write(tmp_path / "in.json", json.dumps([record("a1"), record("a2")], indent=2))
    target = tmp_path / "out.jsonl"
    assert main(["convert", str(source), "--to", "jsonl", str(target)]) == 0
    assert [from_json(line).id for line in lines(target.read_text(encoding="utf-8"))] == [
        "a1",
        "a2",
    ]
    bad = write(tmp_path / "bad.json", json.dumps([record("a1"), record("a2", id="")], indent=2))
    assert main(["convert", str(bad), "--to", "jsonl", str(tmp_path / "x.jsonl")]) == 1
    line = 3 + json.dumps(record("a1"), indent=2).count("\n")
    assert capsys.readouterr().err.startswith(f"{bad}:{line}: error: $.id: invalid-value: ")


def test_convert_missing_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.jsonl"
    assert main(["convert", str(missing), "--to", "jsonl", str(tmp_path / "o.jsonl")]) == 2
    assert capsys.readouterr().err == (f"newsrecord: error: {missing}: No such file or directory\n")


def test_convert_unwritable_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = jsonl(tmp_path / "in.jsonl", [record("a1")])
    target = tmp_path / "no" / "such" / "dir.jsonl"
    assert main(["convert", str(source), "--to", "jsonl", str(target)]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("newsrecord: error: ")
    no_traceback(captured)


def test_convert_spreadsheet_safe_needs_csv(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = jsonl(tmp_path / "in.jsonl", [record("a1")])
    argv = [
        "convert",
        str(source),
        "--to",
        "jsonl",
        str(tmp_path / "o.jsonl"),
        "--spreadsheet-safe",
    ]
    assert main(argv) == 2
    assert "--spreadsheet-safe applies to CSV input or output only" in capsys.readouterr().err


def test_convert_csv_refuses_own_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = jsonl(tmp_path / "in.jsonl", [record("a1")])
    dataset = tmp_path / "ds"
    assert main(["convert", str(source), "--to", "csv", str(dataset)]) == 0
    before = (dataset / "articles.csv").read_bytes()
    assert main(["convert", str(dataset), "--to", "csv", str(dataset), "--force"]) == 2
    assert "refusing to write over it" in capsys.readouterr().err
    assert (dataset / "articles.csv").read_bytes() == before
    # a JSON Lines file next to the tables is not one of them
    beside = jsonl(dataset / "more.jsonl", [record("b1")])
    assert main(["convert", str(beside), "--to", "csv", str(dataset), "--force"]) == 0
    assert beside.exists()


def test_convert_csv_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = jsonl(tmp_path / "in.jsonl", [record("a1")])
    dataset = tmp_path / "ds"
    assert main(["convert", str(source), "--to", "csv", str(dataset)]) == 0
    assert main(["convert", str(source), "--to", "csv", str(dataset)]) == 2
    assert "pass --force" in capsys.readouterr().err
    assert main(["convert", str(source), "--to", "csv", str(dataset), "--force"]) == 0
    assert main(["convert", str(source), "--to", "csv", "-"]) == 2


def test_convert_spreadsheet_safe(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = record("a1", title="=1+1", authors=["@handle"])
    source = jsonl(tmp_path / "in.jsonl", [data])
    dataset = tmp_path / "ds"
    assert main(["convert", str(source), "--to", "csv", str(dataset), "--spreadsheet-safe"]) == 0
    assert "'=1+1" in (dataset / "articles.csv").read_text(encoding="utf-8")
    assert main(["validate", "--spreadsheet-safe", str(dataset)]) == 0
    back = tmp_path / "back.jsonl"
    argv = ["convert", str(dataset), "--to", "jsonl", str(back), "--spreadsheet-safe"]
    assert main(argv) == 0
    assert from_json(back.read_text(encoding="utf-8")) == from_json(json.dumps(data))


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    st.lists(
        articles(),
        max_size=4,
        unique_by=lambda article: article.id,
    )
)
def test_convert_jsonl_csv_jsonl_round_trip(dataset: list[Any]) -> None:
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        write_jsonl(dataset, root / "in.jsonl")
        assert main(["convert", str(root / "in.jsonl"), "--to", "csv", str(root / "csv")]) == 0
        assert main(["convert", str(root / "csv"), "--to", "jsonl", str(root / "out.jsonl")]) == 0
        assert (root / "out.jsonl").read_bytes() == (root / "in.jsonl").read_bytes()
        assert main(["validate", "--now", "9999-12-31T00:00:00Z", str(root / "csv")]) == 0


# ---------------------------------------------------------------- schema, misc


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out) == json_schema()
    assert out.startswith('{\n  "$schema": ')


def test_version_in_a_subprocess() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsrecord", "--version"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        f"newsrecord {__version__}\n",
        "",
    )


def test_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert main(["validate"]) == 2
    assert main(["convert", "a", "b"]) == 2  # --to is required
    assert "usage: newsrecord" in capsys.readouterr().err
    assert main(["--help"]) == 0


def test_keyboard_interrupt(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(_args: Any) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr("newsrecord._cli._run_schema", interrupted)
    assert main(["schema"]) == 130
    no_traceback(capsys.readouterr())


class _ClosedPipe(io.StringIO):
    def write(self, _text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def fileno(self) -> int:
        raise io.UnsupportedOperation("no descriptor")


def test_broken_pipe(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    assert main(["schema"]) == 1
    assert capsys.readouterr().err == ""


# ------------------------------------------------------------ show, stats, report

POST_CYRILLIC = (
    "Posted: 10.11.2023 12:00:00\n\n"
    "Городской совет обсуждает трамвай\n\n"
    "Олег Петров, экономист Института города, сказал: «Трамвай окупится за двадцать лет.»\n"
)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _dataset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Path]:
    """A post, the JSON Lines of another post and its CSV directory (relative paths)."""
    monkeypatch.chdir(tmp_path)
    one = write(Path("one.txt"), POST_ONE)
    two = write(Path("two.txt"), POST_CYRILLIC)
    records = Path("two.jsonl")
    assert main(["parse", str(two), "-o", str(records)]) == 0
    tables = Path("two-csv")
    assert main(["convert", str(records), "--to", "csv", str(tables)]) == 0
    return one, records, tables


def test_show_posts_and_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    one, records, tables = _dataset(tmp_path, monkeypatch)
    capsys.readouterr()
    assert main(["show", str(one), str(records), str(tables), "--width", "100"]) == 0
    captured = capsys.readouterr()
    out = captured.out
    assert "\x1b[" not in out  # not a terminal: no colour
    assert out.count("Городской совет обсуждает трамвай\n") == 2  # from JSON Lines and CSV
    assert "Night buses return to the river district\n" in out
    assert f"2023-11-08 16:38 · en · 2 quotes · {one}" in out
    assert "direct    Mira Kolar" in out
    assert "Олег Петров" in out
    assert captured.err == ""
    for line in out.splitlines():
        assert len(line) <= 100


def test_show_filters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    one, records, _tables = _dataset(tmp_path, monkeypatch)
    capsys.readouterr()
    assert main(["show", str(one), str(records), "--speaker", "kolar", "--width", "90"]) == 0
    out = capsys.readouterr().out
    assert "Night buses" in out
    assert "Городской" not in out  # an article with no matching quote is left out
    assert "1 of 2 quotes" in out
    assert main(["show", str(one), "--kind", "indirect", "--kind", "mixed"]) == 0
    out = capsys.readouterr().out
    assert "indirect" in out
    assert "direct    " not in out


def test_show_colour(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    one = write(tmp_path / "one.txt", POST_ONE)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert main(["show", str(one), "--color", "always"]) == 0
    assert "\x1b[1mNight buses" in capsys.readouterr().out
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main(["show", str(one)]) == 0
    assert "\x1b[" in terminal.getvalue()  # auto, on a terminal
    monkeypatch.setenv("NO_COLOR", "1")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main(["show", str(one)]) == 0
    assert "\x1b[" not in terminal.getvalue()
    assert main(["show", str(one), "--color", "never"]) == 0


def test_show_width_from_columns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    one = write(tmp_path / "one.txt", POST_ONE)
    monkeypatch.setenv("COLUMNS", "60")
    assert main(["show", str(one)]) == 0
    lines_ = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines_) <= 60
    assert max(len(line) for line in lines_) > 50


def test_show_reports_bad_posts_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = write(tmp_path / "empty.txt", "")
    one = write(tmp_path / "one.txt", POST_ONE)
    missing = tmp_path / "missing.txt"
    assert main(["show", str(empty), str(one)]) == 1
    captured = capsys.readouterr()
    assert captured.err == f"{empty}: error: empty-post: the post is empty\n"
    assert "Night buses" in captured.out
    assert main(["show", str(missing), str(one)]) == 2
    assert "cannot read the file" in capsys.readouterr().err


def test_show_stops_at_a_bad_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = jsonl(tmp_path / "bad.jsonl", ["{not json"])
    assert main(["show", str(bad)]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(f"{bad}:1: error: ")
    no_traceback(captured)


def test_show_prints_warnings_of_posts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    post = write(tmp_path / "roof.txt", POST_ONE.replace("08.11.2023", "03/04/2024"))
    assert main(["show", str(post)]) == 0
    assert "roof.txt: warning: ambiguous-date:" in capsys.readouterr().err


def test_stats_formats(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    one, records, tables = _dataset(tmp_path, monkeypatch)
    capsys.readouterr()
    assert main(["stats", str(one), str(records), str(tables)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("articles: 3\n")
    assert "languages: ru 2, en 1" in text
    assert main(["stats", str(one), str(records), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["articles"] == 2
    assert {row["name"] for row in data["speakers"]} >= {"Mira Kolar", "Олег Петров"}
    assert main(["stats", str(one), "--format", "csv", "--top", "1"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0] == "section,name,count,detail"
    assert sum(row.startswith("speaker,") for row in rows) == 1


def test_stats_of_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    records = io.BytesIO((json.dumps(record()) + "\n").encode())
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(records))
    assert main(["stats", "-", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"] == 1


def test_report_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    one, records, tables = _dataset(tmp_path, monkeypatch)
    report = tmp_path / "report.html"
    assert main(["report", str(one), str(records), "-o", str(report), "--title", "T<&>"]) == 0
    html = report.read_text(encoding="utf-8")
    assert "<title>T&lt;&amp;&gt;</title>" in html
    assert html.count("<article ") == 2
    assert main(["report", str(one), "-o", str(report)]) == 2
    assert "pass --force" in capsys.readouterr().err
    assert (
        main(["report", str(one), str(tables), "-o", str(report), "--force", "--page-size", "1"])
        == 0
    )
    assert sorted(p.name for p in (tmp_path / "report_pages").iterdir()) == [
        "page-0001.html",
        "page-0002.html",
    ]
    assert main(["report", str(one), "-o", str(one), "--force"]) == 2
    assert "the output is also an input" in capsys.readouterr().err
    assert one.read_text(encoding="utf-8") == POST_ONE
    assert main(["report", str(one)]) == 2  # -o is required


def _documented_runs() -> list[tuple[str, str]]:
    """``(command, output)`` of the ``show`` and ``stats`` examples of docs/cli.md."""
    page = (Path(__file__).resolve().parent.parent / "docs" / "cli.md").read_text("utf-8")
    runs = []
    for block in re.findall(r"```console\n(.*?)```", page, re.DOTALL):
        command, output = None, []
        for line in block.splitlines(keepends=True):
            if line.startswith("$ "):
                if command is not None:
                    runs.append((command, "".join(output)))
                command, output = line[2:].strip(), []
            else:
                output.append(line)
        if command is not None:
            runs.append((command, "".join(output)))
    return [
        (c, o) for c, o in runs if c.startswith(("newsrecord show ", "newsrecord stats ")) and o
    ]


@pytest.mark.parametrize(("command", "output"), _documented_runs())
def test_documented_output_is_real(
    command: str,
    output: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    assert main(shlex.split(command)[1:]) == 0
    assert capsys.readouterr().out == output


def test_the_documentation_shows_each_new_command() -> None:
    commands = {command.split()[1] for command, _output in _documented_runs()}
    assert commands == {"show", "stats"}
    assert len(_documented_runs()) >= 5


def test_report_keeps_the_old_report_when_every_post_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = write(tmp_path / "empty.txt", "")
    report = write(tmp_path / "report.html", "old")
    assert main(["report", str(empty), "-o", str(report), "--force"]) == 1
    assert "empty-post" in capsys.readouterr().err
    assert report.read_text(encoding="utf-8") == "old"
    assert (
        main(
            [
                "report",
                str(empty),
                str(write(tmp_path / "one.txt", POST_ONE)),
                "-o",
                str(report),
                "--force",
            ]
        )
        == 1
    )
    assert report.read_text(encoding="utf-8").count("<article ") == 1


# ------------------------------------------------------- parse --from, convert --to

ADAPTERS = Path(__file__).parent / "data" / "adapters"


def test_parse_from_telegram(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export = str(ADAPTERS / "telegram-result.json")
    assert main(["parse", "--from", "telegram", "--channel", "@valley_morning", export]) == 0
    captured = capsys.readouterr()
    records = [from_json(line) for line in lines(captured.out)]
    assert [r.url for r in records] == [
        "https://t.me/valley_morning/2",
        "https://t.me/valley_morning/4",
    ]
    assert captured.err == ""


def test_parse_from_each_format_matches_the_api(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsrecord.adapters import FORMATS

    for name, file in [
        ("trafilatura", "trafilatura.json"),
        ("newspaper", "newspaper-cli.json"),
        ("telegram", "telegram-result.json"),
    ]:
        output = tmp_path / f"{name}.jsonl"
        assert main(["parse", "--from", name, str(ADAPTERS / file), "-o", str(output)]) == 0
        expected = FORMATS[name](ADAPTERS / file)
        assert [from_json(line) for line in lines(output.read_text(encoding="utf-8"))] == expected


def test_parse_from_a_file_of_another_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = str(ADAPTERS / "trafilatura.json")
    bad = str(ADAPTERS / "telegram-result.json")
    output = tmp_path / "out.jsonl"
    assert main(["parse", "--from", "trafilatura", bad, good, "-o", str(output)]) == 1
    captured = capsys.readouterr()
    no_traceback(captured)
    assert captured.err.startswith(f"{bad}: error: $.text: not trafilatura JSON")
    # nothing of the bad file, the good file's record
    (line,) = lines(output.read_text(encoding="utf-8"))
    assert from_json(line).title == "Council approves harbour tram"


def test_parse_from_malformed_json_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write(tmp_path / "result.json", '{\n "name": "C",\n "messages": [\n  {"id": 1,\n')
    output = write(tmp_path / "out.jsonl", "old\n")
    assert main(["parse", "--from", "telegram", str(bad), "-o", str(output), "--force"]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(f"{bad}:4: error: not a Telegram Desktop chat export")
    assert output.read_text(encoding="utf-8") == "old\n"


def test_parse_from_warnings_and_usage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    jsonl_file = str(ADAPTERS / "trafilatura.jsonl")
    assert main(["parse", "--from", "trafilatura", jsonl_file]) == 0
    err = capsys.readouterr().err
    assert f"{jsonl_file}: warning: ambiguous-date: line 3: ambiguous date" in err
    assert main(["parse", "--from", "trafilatura", "--strict", jsonl_file]) == 1
    assert capsys.readouterr().err == (
        f"{jsonl_file}:3: error: $ (language): language 'English (UK)' of the input is not a "
        "BCP 47 tag\n"
    )
    assert main(["parse", "--from", "newspaper", "--channel", "valley_morning", jsonl_file]) == 2
    assert "--channel applies to --from telegram only" in capsys.readouterr().err
    assert main(["parse", "--from", "newspaper", "--encoding", "latin-1", jsonl_file]) == 2
    assert main(["parse", "--from", "telegram", "--channel", "no spaces", jsonl_file]) == 2
    err = capsys.readouterr().err
    assert "not a Telegram channel name: 'no spaces'" in err
    assert "Traceback" not in err
    assert main(["parse", "--from", "telegram", str(tmp_path / "missing.json")]) == 2
    assert "cannot read the file" in capsys.readouterr().err
    data = (ADAPTERS / "newspaper.json").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["parse", "--from", "newspaper", "-"]) == 0
    (line,) = lines(capsys.readouterr().out)
    assert from_json(line).title == "Salmon return to the river"


def test_parse_from_html_without_trafilatura(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib

    real = importlib.import_module

    def refuse(name: str, *args: Any) -> Any:
        if name == "trafilatura":
            raise ImportError("No module named 'trafilatura'")
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", refuse)
    assert main(["parse", "--from", "html", str(ADAPTERS / "page.html")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsrecord: error: reading HTML needs trafilatura")
    assert "pip install 'newsrecord[html]'" in err


def test_convert_to_jsonld_and_ninjs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from newsrecord import to_ninjs
    from newsrecord.adapters import from_telegram

    posts = from_telegram(ADAPTERS / "telegram-result.json")
    source = tmp_path / "posts.jsonl"
    write_jsonl(posts, source)
    target = tmp_path / "posts.jsonld"
    assert main(["convert", str(source), str(target), "--to", "jsonld"]) == 0
    document = json.loads(target.read_text(encoding="utf-8"))
    assert [node["identifier"] for node in document["@graph"]] == [p.id for p in posts]
    assert main(["convert", str(source), str(target), "--to", "jsonld"]) == 2
    assert main(["convert", str(source), "-", "--to", "ninjs"]) == 0
    items = [json.loads(line) for line in lines(capsys.readouterr().out)]
    assert items == [to_ninjs(p) for p in posts]


def test_convert_to_csv_writes_datapackage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsrecord import datapackage
    from newsrecord.adapters import from_trafilatura

    source = tmp_path / "a.jsonl"
    write_jsonl(from_trafilatura(ADAPTERS / "trafilatura.json"), source)
    target = tmp_path / "csv"
    assert main(["convert", str(source), str(target), "--to", "csv"]) == 0
    written = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
    assert written == datapackage()
    # an existing datapackage.json is an existing output: nothing is written over
    (target / "articles.csv").unlink()
    assert main(["convert", str(source), str(target), "--to", "csv"]) == 2
    assert "datapackage.json: error: the output exists already" in capsys.readouterr().err
    assert not (target / "articles.csv").exists()
    assert main(["convert", str(source), str(target), "--to", "csv", "--force"]) == 0
    assert main(["convert", str(target), str(tmp_path / "b.jsonl"), "--to", "jsonl"]) == 0
    assert (tmp_path / "b.jsonl").read_bytes() == source.read_bytes()
