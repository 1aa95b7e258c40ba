"""A write killed halfway (SIGKILL) loses nothing: the old output stays, no partial one appears.

Each test writes a dataset large enough that ``newsrecord convert`` (or ``parse -o``)
runs for a few seconds, starts the command in a subprocess, waits until its hidden
temporary file (``.NAME.XXXXXXXXXXXX.tmp`` beside the output) exists and has grown, and
kills it with SIGKILL.  Then the output must be byte for byte what it was before (or
still absent), and no file other than the hidden temporary one may have appeared.

A killed process cannot remove its temporary file, so one is left behind: it is hidden
(its name starts with a dot), never under the output's name, and safe to delete.  See
docs/robustness.md.

Every loop is bounded in time.  If the command finishes before it can be caught in
progress (a very fast machine), the test is retried with a larger input and finally
skipped, with the reason, rather than left to flake.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest

from newsrecord import Article, Quote, QuoteKind, Speaker, to_json, write_csv

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")

#: Bytes the temporary file must have reached before the kill: the write is under way.
GROWN = 2 * 1024 * 1024
#: How long to wait for the temporary file to appear and grow, per attempt.
WAIT = 60.0
#: Input sizes tried in turn (records); the next one only if the last finished too fast.
SIZES = (12_000, 40_000)

TABLES = (
    "articles.csv",
    "quotes.csv",
    "speakers.csv",
    "affiliations.csv",
    "entities.csv",
    "entity_affiliations.csv",
    "entity_mentions.csv",
    "title_quotes.csv",
)


def sample() -> dict[str, object]:
    """A made-up record of about 2 kB."""
    text = "“The ferry will leave at six from March,” said Lena Varga."
    filler = "The harbour office counted the ferries again on Tuesday and found none missing. "
    article = Article(
        id="sample",
        title="Ferry timetable changes in spring",
        published=None,
        language="en",
        paragraphs=(text, filler * 12),
        speakers=(Speaker(id="s1", name="Lena Varga"),),
        quotes=(
            Quote(
                id="q1",
                kind=QuoteKind.DIRECT,
                text="The ferry will leave at six from March,",
                start=1,
                end=40,
                speaker_id="s1",
                mention="Lena Varga",
                cue="said",
            ),
        ),
    )
    data: dict[str, object] = json.loads(to_json(article))
    return data


def big_jsonl(path: Path, count: int) -> None:
    """``count`` records with distinct ids, made by text substitution (fast)."""
    template = json.dumps(sample(), ensure_ascii=False, separators=(",", ":"))
    head, tail = template.split('"sample"', 1)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for number in range(count):
            handle.write(f'{head}"article-{number:07d}"{tail}\n')


def visible(directory: Path) -> dict[str, bytes]:
    """The files of ``directory`` whose names do not start with a dot, with their bytes."""
    return {
        path.name: path.read_bytes()
        for path in sorted(directory.iterdir())
        if not path.name.startswith(".") and path.is_file()
    }


def hidden_temporaries(directory: Path, name: str) -> list[Path]:
    return sorted(directory.glob(f".{name}.*.tmp"))


def kill_when_grown(
    command: list[str], watch: Callable[[], list[Path]], grown: int = GROWN
) -> bool:
    """Run ``command``; SIGKILL it once a watched temporary file has grown past ``grown``.

    Returns ``False`` when the command finished before that (too fast to catch).
    """
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, for the clean-up below
    )
    try:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            if process.poll() is not None:
                return False
            sizes = []
            for path in watch():
                with contextlib.suppress(FileNotFoundError):  # renamed into place meanwhile
                    sizes.append(path.stat().st_size)
            if any(size >= grown for size in sizes):
                process.send_signal(signal.SIGKILL)
                process.wait(timeout=WAIT)
                assert process.returncode == -signal.SIGKILL
                return True
            time.sleep(0.002)
        pytest.fail(f"no temporary file grew past {grown} bytes in {WAIT} s: {command}")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=WAIT)
        # Worker processes (parse --jobs) end by themselves once their parent is gone;
        # make sure that none outlives the test whatever happens.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    return False  # pragma: no cover - pytest.fail raised


def newsrecord(*args: str) -> list[str]:
    return [sys.executable, "-m", "newsrecord", *args]


def attempts(tmp_path: Path) -> list[tuple[int, Path]]:
    return [(count, tmp_path / f"attempt-{index}") for index, count in enumerate(SIZES)]


def too_fast(what: str) -> None:
    pytest.skip(
        f"{what} finished before its temporary file grew past {GROWN} bytes, even with "
        f"{SIZES[-1]} records: this machine is too fast to kill it halfway"
    )


@pytest.mark.parametrize("existing", [True, False], ids=["old-output", "no-output"])
def test_killed_convert_to_jsonl(tmp_path: Path, existing: bool) -> None:
    for count, directory in attempts(tmp_path):
        directory.mkdir()
        source = directory / "in.jsonl"
        big_jsonl(source, count)
        out_dir = directory / "out"
        out_dir.mkdir()
        output = out_dir / "articles.jsonl"
        if existing:
            big_jsonl(output, 3)
        before = visible(out_dir)
        command = newsrecord("convert", str(source), "--to", "jsonl", str(output), "--force")
        if not kill_when_grown(command, partial(hidden_temporaries, out_dir, output.name)):
            continue
        assert visible(out_dir) == before  # the old output, byte for byte, or none
        leftovers = hidden_temporaries(out_dir, output.name)
        assert len(leftovers) == 1  # a killed process cannot remove it
        assert {path.name for path in out_dir.iterdir()} == {*before, leftovers[0].name}
        return
    too_fast("convert --to jsonl")


@pytest.mark.parametrize("existing", [True, False], ids=["old-output", "no-output"])
def test_killed_convert_to_csv(tmp_path: Path, existing: bool) -> None:
    for count, directory in attempts(tmp_path):
        directory.mkdir()
        source = directory / "in.jsonl"
        big_jsonl(source, count)
        out_dir = directory / "tables"
        if existing:
            old = directory / "old.jsonl"
            big_jsonl(old, 3)
            assert (
                subprocess.run(
                    newsrecord("convert", str(old), "--to", "csv", str(out_dir)), check=False
                ).returncode
                == 0
            )
        else:
            out_dir.mkdir()
        before = visible(out_dir)
        # the four tables and the datapackage.json that describes them
        assert sorted(before) == (sorted([*TABLES, "datapackage.json"]) if existing else [])
        command = newsrecord("convert", str(source), "--to", "csv", str(out_dir), "--force")

        def watch(out_dir: Path = out_dir) -> list[Path]:
            return [path for table in TABLES for path in hidden_temporaries(out_dir, table)]

        if not kill_when_grown(command, watch):
            continue
        assert visible(out_dir) == before  # all four old tables, byte for byte, or none
        assert all(
            path.name in before or (path.name.startswith(".") and path.name.endswith(".tmp"))
            for path in out_dir.iterdir()
        )
        return
    too_fast("convert --to csv")


def test_killed_parse_to_a_file(tmp_path: Path) -> None:
    post = (
        "Posted: 08.11.2023 16:38\n\nFerry timetable changes {n}\n\n"
        + "The harbour office counted the ferries again on Tuesday and found none missing. " * 30
        + "\n\n“The ferry will leave at six from March,” said Lena Varga, who runs the office.\n"
    )
    for count, directory in attempts(tmp_path):
        posts = directory / "posts"
        posts.mkdir(parents=True)
        for number in range(count // 20):
            (posts / f"{number:05d}.txt").write_text(post.format(n=number), encoding="utf-8")
        output = directory / "parsed.jsonl"
        big_jsonl(output, 3)
        before = visible(directory)
        command = newsrecord("parse", str(posts / "*.txt"), "-o", str(output), "--force")
        watch = partial(hidden_temporaries, directory, output.name)
        if not kill_when_grown(command, watch, grown=GROWN // 8):
            continue
        assert visible(directory) == before
        return
    too_fast("parse -o")


def test_a_finished_convert_leaves_no_temporary_file(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    big_jsonl(source, 50)
    output = tmp_path / "out.jsonl"
    big_jsonl(output, 3)
    result = subprocess.run(
        newsrecord("convert", str(source), "--to", "jsonl", str(output), "--force"),
        check=False,
        capture_output=True,
    )
    assert result.returncode == 0, result.stderr
    assert output.read_bytes() == source.read_bytes()
    tables = tmp_path / "tables"
    write_csv([], tables)
    result = subprocess.run(
        newsrecord("convert", str(source), "--to", "csv", str(tables), "--force"),
        check=False,
        capture_output=True,
    )
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in tmp_path.rglob("*")) == sorted(
        ["in.jsonl", "out.jsonl", "tables", *TABLES, "datapackage.json"]
    )
    assert not list(tmp_path.rglob(".*"))
