"""Tests of ``newsrecord._seen``: exact against a plain set, in a fixed memory budget.

Tiny budgets make the table spill to disk every few ids, so a few thousand ids go
through sorted runs, merges, the merge of all runs and look-ups on disk.  Every id here
is made up for these tests.
"""

from __future__ import annotations

import doctest
import hashlib
import json
import tracemalloc
from array import array
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any, cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsrecord import Article, RecordError, _csvio, _seen, _validate
from newsrecord._problems import Problem
from newsrecord._seen import DEFAULT_BUDGET, MAX_RUNS, MIN_BUDGET, SeenIds, digest

TOP = (1 << 64) - 1
#: The surrogate pair of U+1F600 as two code points: not the same text as "😀".
PAIR = chr(0xD83D) + chr(0xDE00)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Budgets from the smallest (a 16-slot table) to one that spills every few hundred ids.
BUDGETS = st.sampled_from([MIN_BUDGET, 1536, 2048, 4096, 16384])

#: Ids with repeats: a small pool, with surrogates, non-ASCII and near-identical texts.
POOL = st.one_of(
    st.integers(0, 400).map(lambda number: f"jana-novak-{number:04d}"),
    st.text(st.characters() | st.characters(categories=["Cs"]), max_size=4),  # surrogates too
    st.sampled_from(["", "\ud800", "\udfff", PAIR, "😀", "Jana Novák", "北京-1"]),
)

#: Digests from everywhere, from the ends, and bunched (for long clusters in the table
#: and runs that are far from uniform).
KEYS = st.one_of(
    st.integers(1, TOP),
    st.integers(1, 64),
    st.integers(TOP - 64, TOP),
    st.integers(0, 200).map(lambda offset: (1 << 63) + offset),
    st.integers(0, 40).map(lambda power: 1 << power),
)


def _stored(seen: SeenIds) -> list[list[int]]:
    """The digests of each run on disk, and (last) those in the table, in their order."""
    parts = [list(run.read(0, run.count)) for run in seen._runs]
    slots = seen._slots
    return [*parts, [] if slots is None else [slot for slot in slots if slot]]


def _check_layout(seen: SeenIds, model: set[int]) -> None:
    parts = _stored(seen)
    for part in parts:
        assert part == sorted(set(part))  # runs and the table: sorted, each digest once
    assert sorted(key for part in parts for key in part) == sorted(model)
    assert len(seen) == len(model)
    assert seen.runs <= MAX_RUNS
    slots = seen._slots
    assert slots is None or slots[-1] == 0


def test_docstring_examples() -> None:
    failures, tried = doctest.testmod(_seen)
    assert tried > 0
    assert failures == 0


def test_public_names() -> None:
    assert sorted(_seen.__all__) == [
        "DEFAULT_BUDGET",
        "MAX_RUNS",
        "MIN_BUDGET",
        "SeenIds",
        "digest",
    ]


@given(texts=st.lists(POOL, max_size=600), budget=BUDGETS)
@SETTINGS
def test_add_is_exact_against_a_set(texts: list[str], budget: int) -> None:
    model: set[str] = set()
    with SeenIds(budget) as seen:
        for text in texts:
            assert seen.add(text) is (text not in model), text
            model.add(text)
        assert len(seen) == len(model)
        _check_layout(seen, {digest(text) for text in model})


@given(keys=st.lists(KEYS, max_size=800), budget=BUDGETS)
@SETTINGS
def test_add_digest_is_exact_against_a_set(keys: list[int], budget: int) -> None:
    model: set[int] = set()
    with SeenIds(budget) as seen:
        for key in keys:
            assert seen.add_digest(key) is (key not in model), key
            model.add(key)
        _check_layout(seen, model)


@pytest.mark.parametrize("budget", [MIN_BUDGET, 4096])
def test_many_ids_spill_merge_and_are_found_on_disk(budget: int) -> None:
    texts = [f"harbour-tram-{number:06d}" for number in range(12_000)]
    with SeenIds(budget) as seen:
        assert all(seen.add(text) for text in texts)
        runs = seen.runs
        assert 1 < runs <= MAX_RUNS
        assert max(run.count for run in seen._runs) > 1024  # a merged run, read by blocks
        # Every id again, oldest first: found in the runs or the table, none added.
        assert not any(seen.add(text) for text in texts)
        assert (len(seen), seen.runs) == (12_000, runs)
        _check_layout(seen, {digest(text) for text in texts})


def test_all_runs_are_merged_into_one_past_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_seen, "MAX_RUNS", 5)  # 16 takes 4,000 spills to reach
    model: set[int] = set()
    layouts: list[list[int]] = []
    with SeenIds(MIN_BUDGET) as seen:  # 10 digests a run
        for number in range(2_000):
            key = digest(f"ferry-{number}")
            assert seen.add_digest(key)
            model.add(key)
            layouts.append([run.level for run in seen._runs])
        _check_layout(seen, model)
        assert not any(seen.add_digest(key) for key in model)
    assert max(len(levels) for levels in layouts) == 5
    for levels in layouts:  # merged runs come first, and at most 3 runs of a level
        assert levels == sorted(levels, reverse=True)
        assert all(levels.count(level) < 4 for level in levels)
    # [1, 1, 1, 0, 0] and a sixth run make 6 runs: all become one of level 2.
    assert [1, 1, 1, 0, 0] in layouts
    assert [2] in layouts


@given(
    keys=st.sets(st.one_of(KEYS, st.integers(1, 1 << 20)), min_size=1, max_size=3000),
    probes=st.lists(st.one_of(KEYS, st.integers(1, 1 << 20)), max_size=50),
    block=st.integers(1, 40),
)
@SETTINGS
def test_interpolation_search_in_a_run(keys: set[int], probes: list[int], block: int) -> None:
    """Any sorted run, however far from uniform, and any block size."""
    run = _seen._Run(level=0)
    try:
        run.append(array("Q", sorted(keys)))
        assert run.count == len(keys)
        for key in [*probes, *sorted(keys)[:: max(1, len(keys) // 40)], min(keys), max(keys)]:
            assert run.holds(key, block) is (key in keys), key
    finally:
        run.close()


class _Dribble:
    """A file whose reads return at most 5 bytes, as a raw read may."""

    def __init__(self, file: Any) -> None:
        self.file = file
        self.name = file.name

    def seek(self, offset: int) -> int:
        return int(self.file.seek(offset))

    def read(self, size: int) -> bytes:
        return bytes(self.file.read(min(size, 5)))


def test_short_reads_are_completed() -> None:
    keys = [digest(f"ferry-{number}") for number in range(300)]
    run = _seen._Run(level=0)
    raw = run.file
    try:
        run.append(array("Q", sorted(keys)))
        run.file = _Dribble(raw)  # type: ignore[assignment]
        assert [key for values in run.chunks(64) for key in values] == sorted(keys)
        assert all(run.holds(key, 16) for key in keys)
        assert not run.holds(1, 16)
        raw.truncate(8 * 200)
        with pytest.raises(OSError, match="lost its end"):
            run.read(190, 20)
    finally:
        raw.close()


@pytest.mark.parametrize(
    "text", ["", "a", "\ud800", "\udfff\ud800", "😀", PAIR, "Jana Novák", "\x00"]
)
def test_digest_is_blake2b_of_the_utf8_with_surrogates(text: str) -> None:
    raw = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    assert digest(text) == (int.from_bytes(raw, "little") or 1)
    assert 1 <= digest(text) <= TOP


def test_surrogates_and_non_ascii_ids() -> None:
    with SeenIds(MIN_BUDGET) as seen:
        texts = ["\ud800", "\udfff", PAIR, "😀", "Jana Novák", "Jana Novak", "北京-1"]
        texts += [f"{text}-{number}" for text in texts for number in range(60)]
        assert all(seen.add(text) for text in texts)  # a pair of surrogates is not "😀"
        assert not any(seen.add(text) for text in reversed(texts))
        assert seen.runs > 0


def test_digests_from_one_to_the_top() -> None:
    with SeenIds(MIN_BUDGET) as seen:
        assert seen.add_digest(1)
        assert not seen.add_digest(1)
        assert seen.add_digest(TOP)
        assert not seen.add_digest(TOP)
        for wrong in (0, -1, TOP + 1):
            with pytest.raises(ValueError, match="a digest is from 1"):
                seen.add_digest(wrong)
        assert len(seen) == 2


def test_default_budget_split() -> None:
    """The numbers in the module documentation."""
    seen = SeenIds()
    assert seen.budget == DEFAULT_BUDGET == 8 * 1024 * 1024
    assert (seen._slot_count, seen._limit) == (131_072, 95_232)
    assert seen._bloom_words * 8 == 6.5 * 1024 * 1024
    assert seen._io_items * 8 == DEFAULT_BUDGET // 16
    assert seen.allocated == 0  # nothing before the first id
    seen.add("jana-novak-0001")
    assert seen.allocated == DEFAULT_BUDGET - DEFAULT_BUDGET // 16
    seen.close()


@pytest.mark.parametrize("budget", [MIN_BUDGET, 1500, 4096, 100_003])
def test_buffers_never_grow_past_the_budget(budget: int) -> None:
    with SeenIds(budget) as seen:
        seen.add("jana-novak-0000")
        allocated = seen.allocated
        assert 0 < allocated <= budget
        for number in range(5_000):
            seen.add(f"jana-novak-{number:04d}")
        assert seen.allocated == allocated
        assert seen.runs > 0


def test_traced_memory_stays_within_the_budget() -> None:
    budget = 64 * 1024

    def peak(count: int) -> int:
        with SeenIds(budget) as seen:
            tracemalloc.start()
            try:
                for number in range(count):
                    seen.add(f"harbour-ferry-{number:06d}")
                return tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()

    small, large = peak(2_000), peak(40_000)  # 40,000 ids: 5 runs, merges, 320 KB on disk
    # The buffers, the I/O share and the Python objects of the runs: within the budget
    # and a few KB more, the same for 20 times the ids.
    assert small < budget + 16 * 1024
    assert large < budget + 16 * 1024
    assert abs(large - small) < 16 * 1024


def test_budget_too_small() -> None:
    with pytest.raises(ValueError, match="at least 1024 bytes"):
        SeenIds(MIN_BUDGET - 1)


def test_close_deletes_the_runs_and_stops_adding() -> None:
    seen = SeenIds(MIN_BUDGET)
    for number in range(100):
        seen.add(f"jana-novak-{number}")
    files = [run.file for run in seen._runs]
    assert files
    assert not seen.closed
    seen.close()
    assert seen.closed
    assert all(file.closed for file in files)
    assert (seen.runs, seen.allocated, len(seen)) == (0, 0, 100)
    with pytest.raises(ValueError, match="closed"):
        seen.add("jana-novak-0")
    seen.close()  # twice is fine


def test_context_manager_closes_on_error() -> None:
    seen = SeenIds(MIN_BUDGET)
    files: list[Any] = []

    def fill_and_fail() -> None:
        with seen:
            for number in range(100):
                seen.add(f"jana-novak-{number}")
            files.extend(run.file for run in seen._runs)
            raise KeyError("stop")

    with pytest.raises(KeyError):
        fill_and_fail()
    assert seen.closed
    assert files
    assert all(file.closed for file in files)


def test_closed_before_any_id() -> None:
    with SeenIds() as seen:
        pass
    with pytest.raises(ValueError, match="closed"):
        seen.add("jana-novak-0001")


class _DiskFull:
    """Makes writing a run fail while ``full`` is true, as a full disk would.

    With ``merges_only``, only the writing of merged runs fails.
    """

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *, merges_only: bool = False) -> None:
        self.full = False
        self.opened: list[Any] = []
        append, init = _seen._Run.append, _seen._Run.__init__

        def failing_append(run: _seen._Run, values: array[int]) -> None:
            if self.full and (run.level > 0 or not merges_only):
                raise OSError(28, "No space left on device")
            append(run, values)

        def tracked_init(run: _seen._Run, level: int) -> None:
            init(run, level)
            self.opened.append(run.file)

        monkeypatch.setattr(_seen._Run, "append", failing_append)
        monkeypatch.setattr(_seen._Run, "__init__", tracked_init)


@given(
    keys=st.lists(KEYS, min_size=1, max_size=400),
    full=st.lists(st.booleans(), min_size=1, max_size=30),  # repeated: the disk is full
)
@SETTINGS
def test_a_full_disk_leaves_the_set_as_it_was(keys: list[int], full: list[bool]) -> None:
    model: set[int] = set()
    with pytest.MonkeyPatch.context() as monkeypatch:
        disk = _DiskFull(monkeypatch)
        with SeenIds(MIN_BUDGET) as seen:
            for position, key in enumerate(keys):
                disk.full = full[position % len(full)]
                try:
                    added = seen.add_digest(key)
                except OSError:
                    assert disk.full  # not added: it may be added later
                    continue
                finally:
                    disk.full = False
                assert added is (key not in model)
                model.add(key)
            _check_layout(seen, model)
            kept = {id(run.file) for run in seen._runs}
            # The file of a run or a merge that failed is closed (deleted) at once.
            assert all(file.closed for file in disk.opened if id(file) not in kept)
        assert all(file.closed for file in disk.opened)


def test_a_full_disk_when_the_table_is_written() -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        disk = _DiskFull(monkeypatch)
        keys = [digest(f"ferry-{number}") for number in range(11)]
        with SeenIds(MIN_BUDGET) as seen:  # 10 digests a run
            assert all(seen.add_digest(key) for key in keys[:10])
            disk.full = True
            with pytest.raises(OSError, match="No space left"):
                seen.add_digest(keys[10])
            assert (len(seen), seen.runs) == (10, 0)
            assert disk.opened[0].closed
            assert not any(seen.add_digest(key) for key in keys[:10])  # still in the table
            disk.full = False
            assert seen.add_digest(keys[10])
            assert (len(seen), seen.runs) == (11, 1)
            _check_layout(seen, set(keys))


def test_a_full_disk_during_a_merge() -> None:
    """The table was written as a run, its merge failed: no id is lost, merged later."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        disk = _DiskFull(monkeypatch, merges_only=True)
        disk.full = True
        keys = [digest(f"ferry-{number}") for number in range(200)]
        added: list[int] = []
        with SeenIds(MIN_BUDGET) as seen:  # 10 digests a run, 4 runs merged
            for key in keys:
                try:
                    assert seen.add_digest(key)
                    added.append(key)
                except OSError:
                    assert seen.runs >= 4  # the fourth run was kept, unmerged
                    assert {key for part in _stored(seen) for key in part} == set(added)
            assert len(added) < len(keys)
            assert not any(seen.add_digest(key) for key in added)
            disk.full = False
            assert all(seen.add_digest(key) for key in keys if key not in added)
            assert not any(seen.add_digest(key) for key in keys)
            _check_layout(seen, set(keys))
        assert all(file.closed for file in disk.opened)


# --------------------------------------------------------------------------- its users


@pytest.fixture
def small_seen_ids(monkeypatch: pytest.MonkeyPatch) -> list[SeenIds]:
    """Make the validator and the CSV writer use a tiny budget; the sets they made."""
    made: list[SeenIds] = []

    def small() -> SeenIds:
        made.append(SeenIds(MIN_BUDGET))
        return made[-1]

    monkeypatch.setattr(_validate, "SeenIds", small)
    monkeypatch.setattr(_csvio, "SeenIds", small)
    return made


def _jsonl(path: Path, idents: list[str]) -> Path:
    path.write_text("".join(json.dumps({"id": ident}) + "\n" for ident in idents), "utf-8")
    return path


def _duplicates(problems: Iterator[Problem]) -> list[int | None]:
    return [problem.line for problem in problems if problem.code == "duplicate-id"]


def test_validator_finds_duplicates_on_disk_and_closes_the_runs(
    tmp_path: Path, small_seen_ids: list[SeenIds]
) -> None:
    idents = [f"ferry-{number}" for number in range(300)]
    path = _jsonl(tmp_path / "d.jsonl", [*idents, idents[0], idents[150], "ferry-new"])
    validator = _validate.Validator([path])
    assert _duplicates(validator.run()) == [301, 302]
    seen = small_seen_ids[-1]
    assert seen is validator._seen_ids
    assert seen.closed
    assert len(seen) == 301


def test_an_abandoned_validation_closes_the_runs(
    tmp_path: Path, small_seen_ids: list[SeenIds]
) -> None:
    idents = [f"ferry-{number}" for number in range(300)]
    path = _jsonl(tmp_path / "d.jsonl", [*idents, idents[5], *idents])
    run = cast(Generator[Problem, None, None], _validate.Validator([path]).run())
    problem = next(problem for problem in run if problem.code == "duplicate-id")
    assert problem.line == 301
    seen = small_seen_ids[-1]
    files = [stored.file for stored in seen._runs]
    assert files
    assert not seen.closed
    run.close()
    assert seen.closed
    assert all(file.closed for file in files)


def test_each_validation_run_starts_afresh(tmp_path: Path, small_seen_ids: list[SeenIds]) -> None:
    path = _jsonl(tmp_path / "d.jsonl", [f"ferry-{number % 200}" for number in range(250)])
    validator = _validate.Validator([path])
    first, second = _duplicates(validator.run()), _duplicates(validator.run())
    assert first == second == list(range(201, 251))
    assert all(seen.closed for seen in small_seen_ids[1:])


def test_csv_writer_refuses_a_duplicate_from_disk_and_closes_the_runs(
    tmp_path: Path, small_seen_ids: list[SeenIds]
) -> None:
    articles = [Article(id=f"ferry-{number}", title="Ferry timetable") for number in range(200)]
    with pytest.raises(RecordError, match="'ferry-3' is used by an earlier article"):
        _csvio.write_csv([*articles, articles[3]], tmp_path / "out")
    assert not (tmp_path / "out").exists()
    assert small_seen_ids[-1].closed
    assert _csvio.write_csv(articles, tmp_path / "out") == 200
    assert small_seen_ids[-1].closed
