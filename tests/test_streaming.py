"""Memory stays flat: readers, writers, the validator and ``convert`` hold one record at a time.

Each run is a fresh Python process that streams N generated records through the library
and reports its peak resident memory (``ru_maxrss``) after each step.  A run with ten
times the records must peak at about the same: the difference allowed is a
megabyte for the steps that keep the article ids seen (to report duplicates; in a fixed
budget, see ``newsrecord._seen``), two for the others, where holding the records would
take hundreds.

Every record here is made up for this test.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

resource = pytest.importorskip("resource")  # POSIX only

MEGABYTE = 1024 * 1024

#: Allowed growth of a step's peak from a small run to a run with 10 times the records,
#: for a step that keeps nothing across records.
MARGIN = 2 * MEGABYTE

#: The same for the steps that keep the ids seen, to find duplicates.  They keep them in
#: a fixed 8 MiB (``newsrecord._seen.SeenIds``), all of it allocated and written at the
#: first id, so both runs hold the same; of all the runs, only the validation of 200,000
#: records writes the table of ids to disk (twice, with at most 512 KiB of buffers).
#: Measured: 0.0 to 0.1 MB.
ID_MARGIN = 1 * MEGABYTE
ID_STEPS = frozenset({"validate", "convert_to_csv"})

_SCRIPT = r"""
import datetime as dt, json, os, resource, sys
import newsrecord
from newsrecord import Affiliation, Article, Quote, QuoteKind, Speaker
from newsrecord._cli import main

count, mode, where = int(sys.argv[1]), sys.argv[2], sys.argv[3]
scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB elsewhere
peaks = {}


def peak(step):
    peaks[step] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


def records(count):
    start = dt.datetime(2024, 1, 1, 9, 0)
    for number in range(count):
        said = f"the ferry to island {number % 97} runs again"
        paragraph = f"Ms. Lind said {said}, on day {number}."
        begin = paragraph.index(said)
        yield Article(
            id=f"ferry-{number:08x}",
            title=f"Ferry update number {number}",
            published=start + dt.timedelta(minutes=number),
            language="en",
            authors=("Harbour desk",),
            paragraphs=(paragraph, "Tickets cost the same as before."),
            speakers=(
                Speaker(
                    id="s1",
                    name="Ines Lind",
                    aliases=("Ms. Lind",),
                    affiliations=(Affiliation(organization="Ferry Office", role="spokeswoman"),),
                ),
            ),
            quotes=(
                Quote(
                    id="q1",
                    kind=QuoteKind.INDIRECT,
                    text=said,
                    start=begin,
                    end=begin + len(said),
                    speaker_id="s1",
                    mention="Ms. Lind",
                    cue="said",
                ),
            ),
        )


jsonl = os.path.join(where, "data.jsonl")
peak("start")
written = newsrecord.write_jsonl(records(count), jsonl)
peak("write_jsonl")
read = sum(1 for _ in newsrecord.read_jsonl(jsonl))
peak("read_jsonl")
if mode == "jsonl":
    validator = newsrecord.Validator([jsonl], now=dt.datetime(2030, 1, 1))
    problems = sum(1 for _ in validator.run())
    peak("validate")
    checked = validator.records
else:
    tables = os.path.join(where, "tables")
    back = os.path.join(where, "back.jsonl")
    assert main(["convert", jsonl, "--to", "csv", tables]) == 0
    peak("convert_to_csv")
    read_csv = sum(1 for _ in newsrecord.read_csv(tables))
    peak("read_csv")
    assert main(["convert", tables, "--to", "jsonl", back]) == 0
    peak("convert_to_jsonl")
    with open(jsonl, "rb") as one, open(back, "rb") as two:
        assert one.read() == two.read()
    problems, checked = 0, read_csv
print(json.dumps({"written": written, "read": read, "checked": checked, "problems": problems,
                  "bytes": os.path.getsize(jsonl), "peaks": peaks}))
"""


def _run(count: int, mode: str, where: Path) -> dict[str, object]:
    where.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(count), mode, str(where)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    assert result["written"] == result["read"] == result["checked"] == count
    assert result["problems"] == 0
    return result


def _growth(small: dict[str, object], large: dict[str, object]) -> dict[str, float]:
    """How much more memory each step took in the large run than in the small, in MB.

    The peak only ever grows, so a step's own growth is that of its peak less that of
    the step before.
    """
    small_peaks, large_peaks = small["peaks"], large["peaks"]
    assert isinstance(small_peaks, dict)
    assert isinstance(large_peaks, dict)
    growth, before = {}, 0
    for step in large_peaks:
        total = large_peaks[step] - small_peaks[step]
        growth[step] = round((total - before) / MEGABYTE, 2)
        before = max(before, total)
    return growth


def _peak(run: dict[str, object]) -> str:
    peaks = run["peaks"]
    assert isinstance(peaks, dict)
    return f"(small run's peak: {max(peaks.values()) / MEGABYTE:.1f} MB)"


def _check(growth: dict[str, float]) -> None:
    for step, grown in growth.items():
        allowed = ID_MARGIN if step in ID_STEPS else MARGIN
        assert grown * MEGABYTE < allowed, (step, growth)


def test_jsonl_write_read_validate_memory_is_flat(tmp_path: Path) -> None:
    small = _run(20_000, "jsonl", tmp_path / "small")
    large = _run(200_000, "jsonl", tmp_path / "large")
    growth = _growth(small, large)
    print("JSON Lines, 20,000 -> 200,000 records: peak growth in MB", growth, _peak(small))
    assert isinstance(large["bytes"], int)
    assert large["bytes"] > 100 * MEGABYTE  # the data is far larger than the margins
    _check(growth)


def test_csv_convert_read_memory_is_flat(tmp_path: Path) -> None:
    small = _run(5_000, "csv", tmp_path / "small")
    large = _run(50_000, "csv", tmp_path / "large")
    growth = _growth(small, large)
    print("CSV, 5,000 -> 50,000 records: peak growth in MB", growth, _peak(small))
    _check(growth)
