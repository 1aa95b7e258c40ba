"""Tests of ``newsrecord._problems``: the Problem record and the stable codes."""

from __future__ import annotations

import pickle
import re
from pathlib import Path
from typing import Any

import attrs
import pytest

from newsrecord import CODES, SCHEMA, Problem
from newsrecord._converter import problems_of

KEBAB = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def test_str_format() -> None:
    problem = Problem(
        code="span-mismatch",
        message="the text at 3..9 is 'abc', not 'xyz'",
        path="$.quotes[2].text",
        file="data.jsonl",
        line=14,
    )
    assert str(problem) == (
        "data.jsonl:14: $.quotes[2].text: span-mismatch: the text at 3..9 is 'abc', not 'xyz'"
    )


def test_str_without_file_or_line() -> None:
    problem = Problem(code="wrong-type", message="expected a list, got a string", path="$.authors")
    assert str(problem) == "<input>:0: $.authors: wrong-type: expected a list, got a string"
    assert str(attrs.evolve(problem, file="f.jsonl")) == (
        "f.jsonl:0: $.authors: wrong-type: expected a list, got a string"
    )
    assert str(attrs.evolve(problem, line=5)).startswith("<input>:5: $.authors: ")


def test_defaults() -> None:
    problem = Problem(code="schema-version", message="m")
    assert problem.path == "$"
    assert problem.file is None
    assert problem.line is None


def test_problem_is_a_frozen_keyword_only_value() -> None:
    a = Problem(code="duplicate-id", message="m", path="$.quotes[1].id")
    b = Problem(code="duplicate-id", message="m", path="$.quotes[1].id")
    assert a == b
    assert hash(a) == hash(b)
    assert a != attrs.evolve(a, line=1)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.code = "other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Problem("duplicate-id", "m")  # type: ignore[call-arg]
    assert pickle.loads(pickle.dumps(a)) == a


def test_codes_are_kebab_case_with_descriptions() -> None:
    assert CODES
    for code, description in CODES.items():
        assert KEBAB.fullmatch(code), code
        assert description.strip()
        assert "\n" not in description


def record() -> dict[str, Any]:
    text = "Wind farm approved.\n\nIt is good news, the mayor said."
    return {
        "schema": SCHEMA,
        "id": "a1",
        "title": "Wind farm",
        "language": "en",
        "paragraphs": text.split("\n\n"),
        "speakers": [{"id": "s1", "name": "the mayor", "affiliations": [{"role": "mayor"}]}],
        "quotes": [
            {
                "id": "q1",
                "kind": "indirect",
                "text": "It is good news",
                "start": 21,
                "end": 36,
                "speaker_id": "s1",
            }
        ],
    }


def faulty_records() -> list[dict[str, Any]]:
    """Records that, together, provoke every code the converter and the model emit."""
    records: list[dict[str, Any]] = []
    structural = record()
    del structural["schema"]
    structural["tilte"] = "x"  # unknown-field
    del structural["id"]  # missing-field
    structural["authors"] = "abc"  # wrong-type
    structural["quotes"][0]["kind"] = "shout"  # invalid-value
    records.append(structural)

    other_schema = record()
    other_schema["schema"] = "newsrecord/0"
    records.append(other_schema)

    values = record()
    values["title"] = " "  # empty-title
    values["language"] = "en_US"  # invalid-language
    records.append(values)

    date = record()
    date["published"] = "soon"  # invalid-value
    records.append(date)

    cross = record()
    cross["speakers"].append(dict(cross["speakers"][0]))  # duplicate-id
    cross["quotes"][0]["speaker_id"] = "s9"  # unknown-speaker
    cross["quotes"].append(dict(cross["quotes"][0], id="q2", text="It is"))  # span-mismatch
    cross["quotes"].append(dict(cross["quotes"][0], id="q3", start=90, end=99))  # out of range
    records.append(cross)

    negative = record()
    negative["quotes"][0]["start"] = -5
    negative["speakers"][0]["affiliations"] = [{}]
    records.append(negative)
    return records


def test_every_emitted_code_is_documented() -> None:
    emitted = {problem.code for data in faulty_records() for problem in problems_of(data)}
    emitted |= {problem.code for problem in problems_of({"schema": SCHEMA, "id": 1})}
    assert emitted <= set(CODES)
    assert emitted == {
        "schema-version",
        "unknown-field",
        "missing-field",
        "wrong-type",
        "invalid-value",
        "empty-title",
        "invalid-language",
        "duplicate-id",
        "unknown-speaker",
        "span-mismatch",
        "span-out-of-range",
    }


def test_every_code_in_the_source_is_documented() -> None:
    source = Path(__file__).resolve().parents[1] / "src" / "newsrecord"
    if not source.is_dir():  # pragma: no cover - tests run from an installed copy
        pytest.skip("source tree not available")
    pattern = re.compile(r"""(?:code=|InvalidValue\(\s*)["']([a-z0-9-]+)["']""")
    found: set[str] = set()
    for name in ("_model.py", "_converter.py", "_problems.py", "_jsonio.py"):
        found |= set(pattern.findall((source / name).read_text(encoding="utf-8")))
    assert found
    assert found <= set(CODES), found - set(CODES)


def test_codes_documented_in_docs() -> None:
    doc = Path(__file__).resolve().parents[1] / "docs" / "validation.md"
    if not doc.is_file():
        pytest.skip("docs/validation.md not present")
    text = doc.read_text(encoding="utf-8")
    missing = [code for code in CODES if code not in text]
    assert not missing
