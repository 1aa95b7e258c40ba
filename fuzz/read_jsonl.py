"""Fuzz reading JSON Lines (and one JSON document): any bytes give records or a documented error.

Run (see fuzz/README.md)::

    python fuzz/make_seeds.py && nice python fuzz/read_jsonl.py fuzz/corpus/read_jsonl \
        -dict=fuzz/read_jsonl.dict -max_total_time=600 -timeout=20 -rss_limit_mb=2048

The input is the file.  It is read by :func:`newsrecord.read_jsonl` (from a binary
stream and from a path), checked by :func:`newsrecord.validate`, and read whole by
:func:`newsrecord.from_json`.  What is checked besides "no unexpected exception":

* ``read_jsonl`` and ``validate`` agree: the reader fails exactly when the validator
  finds a problem of a record (not counting the dataset-level ``future-date`` and
  ``duplicate-id`` of an article id);
* the articles read survive ``write_jsonl`` and ``read_jsonl`` unchanged, and writing
  them again gives the same bytes;
* with orjson installed, ``loads_record`` (its fast path) reads every line, as bytes and
  as text, exactly as the strict standard-library decoder does: the same value, of the
  same types, or an error for both;
* the fast paths of ``newsrecord._fast`` agree with the general ones: for every line, as
  bytes and as text, with orjson and without, ``_quick_article`` declines or gives the
  article that the strict decoder and the converter give (and never an article where
  they give an error); every article read is written by ``article_text`` and
  ``article_dict`` exactly as by the converter and the standard library's encoder.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io

from _common import EXPECTED, run, scratch_directory

from newsrecord import (
    SCHEMA,
    Article,
    FormatError,
    _jsonio,
    from_json,
    read_jsonl,
    validate,
    write_jsonl,
)
from newsrecord._converter import (
    _structure_article_fields,
    _unstructure_article_fields,
    structure_article,
)
from newsrecord._fast import article_dict, article_text
from newsrecord._problems import Problem

_SCRATCH = scratch_directory()
_FILE = _SCRATCH / "input.jsonl"
_NOW = dt.datetime(2100, 1, 1, tzinfo=dt.timezone.utc)


def _dataset_level(problem: Problem) -> bool:
    """A problem of the dataset, which a reader of records does not check."""
    return problem.code == "future-date" or (
        problem.code == "duplicate-id" and problem.path == "$.id"
    )


def _read(source: object) -> list[object] | BaseException:
    try:
        return list(read_jsonl(source))  # type: ignore[arg-type]
    except EXPECTED as error:
        return error


def _same(a: object, b: object) -> bool:
    """Equal, and of the same types all the way down (``1``, ``1.0`` and ``True`` differ)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        assert isinstance(b, dict)
        return list(a) == list(b) and all(_same(a[key], b[key]) for key in a)
    if isinstance(a, list):
        assert isinstance(b, list)
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and a != a:  # NaN cannot be read, but be exact
        return b != b
    return a == b


def _reference(text: str | bytes) -> object:
    """What the strict standard-library decoder makes of ``text`` (``FormatError`` type)."""
    try:
        decoded = text.decode("utf-8") if isinstance(text, bytes) else text
        return _jsonio._decoder.decode(decoded)
    except (ValueError, RecursionError):
        return FormatError


def _check_fast_path(data: bytes) -> None:
    """With orjson installed, ``loads_record`` must read every line as the strict decoder."""
    if getattr(_jsonio, "_orjson", None) is None:
        return
    for raw in data.split(b"\n"):
        texts: list[str | bytes] = [raw]
        with contextlib.suppress(UnicodeDecodeError):
            texts.append(raw.decode("utf-8"))
        for text in texts:
            try:
                got: object = _jsonio.loads_record(text)
            except FormatError:
                got = FormatError
            expected = _reference(text)
            assert _same(got, expected), f"loads_record({text!r}) = {got!r}, not {expected!r}"


def _strict_article(text: str | bytes) -> object:
    """The article of the strict decoder and the converter, or ``None`` for an error."""
    saved, _jsonio._orjson = _jsonio._orjson, None
    try:
        record = _jsonio.loads_record(text)
        if not isinstance(record, dict) or record.get("schema") != SCHEMA:
            return None
        fields = {key: value for key, value in record.items() if key != "schema"}
        return _structure_article_fields(fields, Article)
    except Exception:
        return None
    finally:
        _jsonio._orjson = saved


def _check_quick_paths(data: bytes) -> None:
    """The fast paths decline, or agree with the general ones."""
    for raw in data.split(b"\n"):
        texts: list[str | bytes] = [raw]
        with contextlib.suppress(UnicodeDecodeError):
            texts.append(raw.decode("utf-8"))
        for text in texts:
            expected = _strict_article(text)
            for orjson in {_jsonio._orjson, None}:
                saved, _jsonio._orjson = _jsonio._orjson, orjson
                try:
                    got = _jsonio._quick_article(text)
                finally:
                    _jsonio._orjson = saved
                if got is not None:
                    assert expected is not None, f"fast path accepted {text!r}"
                    assert got == expected, f"fast path read {text!r} as {got!r}"
            if expected is not None:
                _check_writers(expected)


def _check_writers(article: object) -> None:
    general = {"schema": SCHEMA, **_unstructure_article_fields(article)}
    assert article_dict(article) == general  # type: ignore[arg-type]
    written = article_text(article)  # type: ignore[arg-type]
    assert written == _jsonio._compact_encoder.encode(general)
    assert structure_article(general) == article


def test_one_input(data: bytes) -> None:
    _check_fast_path(data)
    _check_quick_paths(data)
    from_stream = _read(io.BytesIO(data))
    _FILE.write_bytes(data)
    from_path = _read(str(_FILE))
    report = validate(str(_FILE), now=_NOW)
    with contextlib.suppress(*EXPECTED):
        from_json(data)
    assert type(from_stream) is type(from_path), (from_stream, from_path)
    record_problems = [p for p in report.problems if not _dataset_level(p)]
    if isinstance(from_path, BaseException):
        assert record_problems, f"read_jsonl failed ({from_path!r}) but validate found nothing"
        return
    assert not record_problems, f"read_jsonl read it but validate found {record_problems}"
    assert len(from_path) == report.records, (len(from_path), report.records)
    out = io.StringIO()
    write_jsonl(from_path, out)  # type: ignore[arg-type]
    again = list(read_jsonl(io.StringIO(out.getvalue())))
    assert again == from_path, "write_jsonl + read_jsonl changed the articles"
    out2 = io.StringIO()
    write_jsonl(again, out2)
    assert out2.getvalue() == out.getvalue(), "writing is not deterministic"


if __name__ == "__main__":
    run(test_one_input)
