"""Tests of ``newsrecord parse --jobs N`` and of ``newsrecord._parallel``.

Every post here is made up for these tests, from the word lists below.
"""

from __future__ import annotations

import functools
import io
import itertools
import multiprocessing
import os
import pickle
import random
import signal
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest

import newsrecord
import newsrecord._cli as cli
import newsrecord._parallel as parallel
from newsrecord._cli import Parsed, ParseOptions, _parse_path, main
from newsrecord._jsonio import from_json
from newsrecord._parallel import Progress, WorkerTraceback, default_jobs, ordered_map

# ------------------------------------------------------------------ made-up posts

FIRST = "Jana Tomas Mira Piotr Elena Karl Ines Oskar Lena Marek Sofia Anton Vera Felix".split()
LAST = "Novak Brenner Kolar Halas Varga Lind Moreau Sandberg Ferreira Okafor Dahl".split()
ROLES = ("an economist", "a spokeswoman", "the director", "a researcher", "the chair")
ORGS = (
    "Institute of Transport Studies",
    "Harbour Residents Association",
    "City Library Trust",
    "Northern Water Board",
    "Regional Arts Council",
)
TOWNS = ("Lindgrove", "Marsden", "Tollbridge", "Eastwick", "Rivermoor", "Colbury")
THINGS = (
    ("a new footbridge", "bridge"),
    ("the winter market", "market"),
    ("a solar farm", "farm"),
    ("the night bus network", "network"),
    ("a public swimming pool", "pool"),
    ("a cycling lane", "lane"),
)
LINES = (
    "We have waited a long time for this decision, and people deserve to see it done well",
    "Nobody has shown us how the costs will be covered after the first five years",
    "The numbers look sensible, but the timetable is far too optimistic",
    "This is a small step, yet it changes how the whole district works",
    "People who live nearby were not asked, and that is a mistake",
)
FILLER = (
    "The plan was first discussed three years ago and has changed several times since.",
    "Several residents attended the meeting, which lasted well into the evening.",
    "The budget includes money for maintenance over the next decade.",
    "Local businesses have asked for clear information about the schedule.",
)
# Made-up posts in other languages, so that workers detect languages too.
OTHER_LANGUAGES = (
    "Der Gemeinderat von Lindgrove hat am Dienstag beschlossen, die alte Brücke über den "
    "Fluss im kommenden Frühjahr zu erneuern. Die Arbeiten sollen etwa zwei Jahre dauern, "
    "und während dieser Zeit fahren die Busse über die Umleitung am Hafen.",
    "Le conseil municipal de Marsden a décidé mardi de rénover la vieille bibliothèque du "
    "centre-ville. Les travaux commenceront au printemps et dureront environ deux ans, "
    "pendant lesquels les lecteurs pourront emprunter des livres dans l'ancienne école.",
    "El ayuntamiento de Tollbridge aprobó el martes la construcción de un nuevo parque junto "
    "al río. Las obras empezarán en primavera y durarán casi dos años, según explicaron los "
    "responsables del proyecto durante una reunión con los vecinos del barrio.",
    "A câmara municipal de Eastwick decidiu na terça-feira renovar o antigo mercado coberto "
    "do centro. As obras vão começar na primavera e devem durar cerca de dois anos, segundo "
    "os responsáveis, que prometeram manter as bancas abertas durante a maior parte do tempo.",
)


def make_post(number: int, rng: random.Random) -> str:
    """A made-up post; ``number`` makes its headline, hence its id, unique."""
    if number % 7 == 3:
        body = OTHER_LANGUAGES[number % len(OTHER_LANGUAGES)]
        return f"Posted: 0{1 + number % 9}.02.2024 10:00:00\n\nNotiz {number}\n\n{body}\n"
    town = rng.choice(TOWNS)
    thing, short = rng.choice(THINGS)
    speaker = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    other = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    paragraphs = [
        f"The {town} council voted to go ahead with {thing}, a project that will cost "
        f"about {rng.randrange(2, 400)} million euros.",
        f"{speaker}, {rng.choice(ROLES)} at the {rng.choice(ORGS)}, said the {short} would "
        f"be ready within {rng.randrange(2, 9)} years.",
        f"\u201c{rng.choice(LINES)},\u201d Ms. {speaker.split()[1]} said.",
        rng.choice(FILLER),
        f"{other} noted: \u201c{rng.choice(LINES)}.\u201d",
    ]
    if number % 5 == 0:
        date = f"0{1 + number % 9}/04/2024 08:30"  # ambiguous: a warning
    else:
        date = f"{1 + number % 28:02d}.{1 + number % 12:02d}.2024 {number % 24:02d}:15:00"
    headline = f"{town} council backs {thing} (report {number})"
    return f"Posted: {date}\n\n{headline}\n\n" + "\n\n".join(paragraphs) + "\n"


def make_posts(directory: Path, count: int, *, seed: int = 0) -> list[Path]:
    """Write ``count`` made-up posts into ``directory`` (``post-0000.txt``, ...)."""
    directory.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for number in range(count):
        path = directory / f"post-{number:04d}.txt"
        path.write_text(make_post(number, rng), encoding="utf-8")
        paths.append(path)
    return paths


def run(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str, str]:
    stdin = io.BytesIO(make_post(1, random.Random(1)).encode())
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(stdin))
    status = main(args)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# -------------------------------------------------------------- byte-identical output


def test_jobs_give_the_same_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    posts = make_posts(tmp_path / "posts", 40)
    one, two = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert main(["parse", str(tmp_path / "posts" / "*.txt"), "--jobs", "1", "-o", str(one)]) == 0
    err_one = capsys.readouterr().err
    assert main(["parse", str(tmp_path / "posts" / "*.txt"), "--jobs", "2", "-o", str(two)]) == 0
    err_two = capsys.readouterr().err
    assert one.read_bytes() == two.read_bytes()
    assert err_one == err_two
    assert "ambiguous-date" in err_one  # warnings came through, in the same order
    articles = [from_json(line) for line in one.read_text(encoding="utf-8").splitlines()]
    assert len(articles) == len(posts)
    assert len({article.id for article in articles}) == len(posts)
    languages = {article.language for article in articles}
    assert {"en", "de", "fr", "es", "pt"} <= languages


def test_jobs_same_errors_warnings_and_stdin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    posts = make_posts(tmp_path / "posts", 24)
    latin = tmp_path / "posts" / "latin.txt"
    latin_post = "Posted: 01.02.2024\n\nCaf\xe9 opens\n\nIt opened.\n"
    latin.write_bytes(latin_post.encode("latin-1"))
    empty = tmp_path / "posts" / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    names = [str(path) for path in posts]
    order = [*names[:5], str(latin), *names[5:9], "-", str(empty), *names[9:15]]
    order += [str(tmp_path / "missing.txt"), *names[15:]]
    results = {jobs: run(["parse", *order, "--jobs", jobs], capsys, monkeypatch) for jobs in "123"}
    status, out, err = results["1"]
    assert status == 2  # a file could not be read
    assert results["2"] == results["1"]
    assert results["3"] == results["1"]
    assert len(out.splitlines()) == len(posts) + 1  # the posts and standard input
    offset = latin_post.index("\xe9")
    assert f"{latin}: error: byte 0xe9 at offset {offset} is not valid UTF-8" in err
    assert f"{empty}: error: empty-post: the post is empty" in err
    assert f"{tmp_path / 'missing.txt'}: error: cannot read the file" in err
    assert "<stdin>: error" not in err


def test_jobs_strict_and_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_posts(tmp_path / "posts", 12)
    pattern = str(tmp_path / "posts" / "*.txt")
    for options in (["--strict"], ["--language", "en", "--dayfirst", "--timezone", "UTC"]):
        one = run(["parse", pattern, *options, "--jobs", "1"], capsys, monkeypatch)
        two = run(["parse", pattern, *options, "--jobs", "2"], capsys, monkeypatch)
        assert one == two
    strict = run(["parse", pattern, "--strict", "--jobs", "2"], capsys, monkeypatch)
    assert strict[0] == 1
    assert "error: ambiguous-date" in strict[2]


def test_jobs_in_a_subprocess(tmp_path: Path) -> None:
    make_posts(tmp_path / "posts", 30)
    outputs = []
    for jobs in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-m", "newsrecord", "parse", "posts/*.txt", "-j", jobs],
            cwd=tmp_path,
            capture_output=True,
            check=False,
            timeout=120,
        )
        outputs.append((done.returncode, done.stdout, done.stderr))
    assert outputs[0] == outputs[1]
    assert outputs[0][0] == 0
    assert outputs[0][1].count(b"\n") == 30


def test_workers_started_by_spawn_agree(tmp_path: Path) -> None:
    """A worker that imports everything afresh (spawn, as on macOS and Windows)."""
    paths = [str(path) for path in make_posts(tmp_path / "posts", 16, seed=3)]
    parse = functools.partial(_parse_path, options=ParseOptions())
    here = [done.result for done in ordered_map(parse, paths, jobs=1)]
    spawned = ordered_map(
        parse,
        paths,
        jobs=2,
        chunksize=3,
        initializer=cli._warm_up,
        initargs=(ParseOptions(),),
        context=multiprocessing.get_context("spawn"),
    )
    assert [done.result for done in spawned] == here
    assert all(isinstance(parsed, Parsed) and isinstance(parsed.result, str) for parsed in here)


@pytest.mark.filterwarnings("ignore::newsrecord.ParseWarning")
def test_records_pickle_cheaply() -> None:
    """What a distributed engine sends: records and the parser, pickled (see test_dask)."""
    rng = random.Random(12)
    articles = [newsrecord.parse_post(make_post(number, rng)) for number in range(50)]
    start = time.perf_counter()
    blobs = [pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL) for article in articles]
    back = [pickle.loads(blob) for blob in blobs]
    elapsed = time.perf_counter() - start
    assert back == articles
    for article, blob in zip(articles, blobs, strict=True):
        assert len(blob) < 2 * len(newsrecord.to_json(article).encode("utf-8"))
    assert elapsed / len(articles) < 0.005  # well under a millisecond, generously bounded
    assert len(pickle.dumps(newsrecord.parse_file)) < 100  # by name, not by value


# ------------------------------------------------------------------- no pool for 1


class _NoPool:
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise AssertionError("no process pool may be started")


def test_one_job_starts_no_pool(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", _NoPool)
    make_posts(tmp_path / "posts", 5)
    assert main(["parse", str(tmp_path / "posts" / "*.txt"), "--jobs", "1"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 5
    # One file needs no workers, whatever --jobs says.
    assert main(["parse", str(tmp_path / "posts" / "post-0001.txt"), "--jobs", "4"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1


@pytest.mark.parametrize("value", ["0", "-2", "two", "1.5"])
def test_bad_jobs(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--jobs", value, "x.txt"]) == 2
    assert "not a positive whole number" in capsys.readouterr().err


def test_default_jobs() -> None:
    assert 1 <= default_jobs() <= (os.cpu_count() or 1)


# ---------------------------------------------------------------- ordered_map itself


def slow_square(number: int) -> int:
    time.sleep(0.002 * (number % 4))  # finish out of order
    return number * number


def warn_about(number: int) -> int:
    warnings.warn(f"item {number}", UserWarning, stacklevel=1)
    if number % 3 == 0:
        warnings.warn(f"item {number} again", RuntimeWarning, stacklevel=1)
    return number


def fail_at_five(number: int) -> int:
    if number == 5:
        raise ValueError("five is not allowed")
    return number


def exit_at_three(number: int) -> int:
    if number == 3:
        os._exit(3)
    return number


@pytest.mark.parametrize(("jobs", "chunksize"), [(1, 1), (2, 1), (2, 4), (3, 2)])
def test_ordered_map_keeps_the_order(jobs: int, chunksize: int) -> None:
    done = ordered_map(slow_square, range(50), jobs=jobs, chunksize=chunksize)
    assert [item.result for item in done] == [number * number for number in range(50)]


def test_ordered_map_bounds_the_work_in_flight() -> None:
    taken = itertools.count()

    def numbers() -> Iterator[int]:
        for number in itertools.count():
            next(taken)
            yield number

    results = ordered_map(slow_square, numbers(), jobs=2, chunksize=3, window=4)
    firsts = [next(results).result for _ in range(10)]
    results.close()
    assert firsts == [number * number for number in range(10)]
    # Read ahead: at most the batches in flight (4 of 3) beyond those handed over.
    assert next(taken) <= 10 + 3 + 4 * 3


def test_ordered_map_reissues_warnings_in_order() -> None:
    def issued(jobs: int) -> list[tuple[str, type[Warning]]]:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            for done in ordered_map(warn_about, range(12), jobs=jobs, chunksize=2):
                done.reissue()
        return [(str(record.message), record.category) for record in caught]

    expected = issued(1)
    assert expected[:3] == [
        ("item 0", UserWarning),
        ("item 0 again", RuntimeWarning),
        ("item 1", UserWarning),
    ]
    assert issued(2) == expected


@pytest.mark.parametrize("jobs", [1, 2])
def test_ordered_map_hands_over_results_before_an_error(jobs: int) -> None:
    results: list[int] = []

    def collect() -> None:
        for done in ordered_map(fail_at_five, range(10), jobs=jobs, chunksize=3):
            results.append(done.result)

    with pytest.raises(ValueError, match="five is not allowed") as raised:
        collect()
    assert results == [0, 1, 2, 3, 4]
    if jobs > 1:
        assert isinstance(raised.value.__cause__, WorkerTraceback)
        assert "fail_at_five" in str(raised.value.__cause__)


def pid_of(_number: int) -> int:
    return os.getpid()


def test_ordered_map_runs_local_items_here() -> None:
    here = os.getpid()
    results = ordered_map(pid_of, range(8), jobs=2, local=lambda number: number in (0, 5))
    pids = [done.result for done in results]
    assert pids[0] == here
    assert pids[5] == here
    assert here not in pids[1:5] + pids[6:]


def test_a_dead_worker_is_an_error() -> None:
    with pytest.raises(BrokenProcessPool):
        list(ordered_map(exit_at_three, range(8), jobs=2))


def test_cli_reports_a_dead_worker(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Iterator[Any]:
        raise BrokenProcessPool("a process died")
        yield  # pragma: no cover

    monkeypatch.setattr(cli, "ordered_map", broken)
    posts = make_posts(tmp_path / "posts", 3)
    output = tmp_path / "out.jsonl"
    assert main(["parse", *map(str, posts), "-o", str(output), "--jobs", "2"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newsrecord: error: a worker process ended abruptly")
    assert not output.exists()


# ------------------------------------------------------------------------ progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def screen(text: str) -> list[str]:
    """What a terminal shows of ``text``: each line as the last ``\\r`` left it."""
    return [line.rsplit("\r", 1)[-1].rstrip(" ") for line in text.split("\n")]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_progress_on_a_terminal(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    jobs: str,
) -> None:
    make_posts(tmp_path / "posts", 20)
    pattern = str(tmp_path / "posts" / "*.txt")
    plain = tmp_path / "plain.jsonl"
    assert main(["parse", pattern, "-o", str(plain), "--jobs", jobs]) == 0
    plain_err = capsys.readouterr().err
    assert "\r" not in plain_err
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    shown = tmp_path / "shown.jsonl"
    assert main(["parse", pattern, "-o", str(shown), "--jobs", jobs]) == 0
    err = terminal.getvalue()
    assert "\r" in err
    assert "/20 files, " in err
    assert " articles, " in err
    assert " quotes, " in err
    assert " files/s" in err
    assert screen(err) == screen(plain_err)  # warnings intact, progress wiped at the end
    assert shown.read_bytes() == plain.read_bytes()  # never in the output
    assert "files/s" not in shown.read_text(encoding="utf-8")


def test_no_progress_option_and_records_on_the_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_posts(tmp_path / "posts", 4)
    pattern = str(tmp_path / "posts" / "*.txt")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["parse", pattern, "-o", str(tmp_path / "a.jsonl"), "--no-progress"]) == 0
    assert "\r" not in terminal.getvalue()
    # Records printed on the terminal: a progress line would be drawn over them.
    screen_out = _Terminal()
    monkeypatch.setattr(sys, "stdout", screen_out)
    assert main(["parse", pattern]) == 0
    assert "\r" not in terminal.getvalue()
    assert len(screen_out.getvalue().splitlines()) == 4


def test_progress_line() -> None:
    now = [0.0]
    stream = io.StringIO()
    progress = Progress(stream, 1000, rate=4, clock=lambda: now[0])
    progress.advance(articles=1, quotes=3)  # the first file is shown at once
    assert stream.getvalue() == "\r1/1,000 files, 1 articles, 3 quotes, - files/s"
    now[0] = 0.125
    progress.advance(articles=1, quotes=2)  # too soon to redraw
    assert stream.getvalue().count("\r") == 1
    now[0] = 0.25
    progress.advance(articles=0, quotes=0)
    assert stream.getvalue().endswith("\r3/1,000 files, 2 articles, 5 quotes, 12 files/s")
    before = stream.getvalue()
    progress.clear()
    width = len("3/1,000 files, 2 articles, 5 quotes, 12 files/s")
    assert stream.getvalue() == before + "\r" + " " * width + "\r"
    progress.clear()  # nothing shown: nothing written
    assert stream.getvalue() == before + "\r" + " " * width + "\r"


# ------------------------------------------------------------- signals and crashes


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (Linux: read from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads processes from /proc"
)


def _start_parse(tmp_path: Path, count: int) -> subprocess.Popen[bytes]:
    make_posts(tmp_path / "posts", count)
    return subprocess.Popen(
        [sys.executable, "-m", "newsrecord", "parse", "posts/*.txt", "-j", "2", "-o", "out.jsonl"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a job in a terminal
    )


def _wait_for_workers(process: subprocess.Popen[bytes]) -> list[int]:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        workers = _children(process.pid)
        if len(workers) >= 2:
            return workers
        if process.poll() is not None:
            break
        time.sleep(0.05)
    pytest.skip("the parse ended before its workers could be seen")


@linux_only
def test_ctrl_c_ends_everything_quietly(tmp_path: Path) -> None:
    process = _start_parse(tmp_path, 1500)
    workers = _wait_for_workers(process)
    time.sleep(0.3)
    if process.poll() is not None:
        pytest.skip("the parse ended before Ctrl-C")
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    _out, err = process.communicate(timeout=30)
    assert process.returncode == 130
    # no traceback from the workers, nor from the parent; the parse's own warnings about
    # the posts may come first, depending on how far it got
    assert b"Traceback" not in err
    assert all(b": warning: " in line for line in err.splitlines())
    assert not (tmp_path / "out.jsonl").exists()
    assert not [path for path in tmp_path.iterdir() if path.name.endswith(".tmp")]
    deadline = time.monotonic() + 10
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(_alive, workers))


@linux_only
def test_workers_end_when_the_parent_is_killed(tmp_path: Path) -> None:
    process = _start_parse(tmp_path, 1500)
    workers = _wait_for_workers(process)
    process.kill()
    process.wait(timeout=30)
    process.communicate(timeout=30)
    deadline = time.monotonic() + 10
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(_alive, workers))


def _dead_pid() -> int:
    """The number of a process that has ended and been reaped."""
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    return ended.pid


def _worker_of_a_dead_caller(caller: int) -> None:
    try:
        parallel._start_worker(caller, None, ())
    except BaseException:  # not the watcher's way out: tell it apart by the exit code
        os._exit(2)
    time.sleep(60)  # the watcher ends the process long before


def test_a_worker_not_orphaned_while_its_caller_runs() -> None:
    assert not parallel._orphaned(os.getpid(), os.getppid())


def test_a_worker_whose_parent_changed_is_orphaned() -> None:
    assert parallel._orphaned(os.getpid(), os.getppid() + 1)


@linux_only
def test_a_worker_whose_caller_died_before_it_started_ends() -> None:
    # The caller may be killed between the fork and the worker's first step; the worker's
    # parent is then already a reaper, and only the caller's number tells it is gone.
    caller = _dead_pid()
    worker = multiprocessing.get_context("fork").Process(
        target=_worker_of_a_dead_caller, args=(caller,)
    )
    worker.start()
    worker.join(30)
    alive = worker.is_alive()
    if alive:
        worker.kill()
    assert not alive
    assert worker.exitcode == 1


_HALF_A_RESULT = """
import os, struct, sys
from concurrent.futures import ProcessPoolExecutor
import multiprocessing
from newsrecord import _parallel

executor = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork"))
executor.submit(abs, -1).result()  # the workers run
# What a worker killed in the middle of writing a result leaves in the pipe: the length
# of a message and only the start of it.
os.write(executor._result_queue._writer.fileno(), struct.pack("!i", 1000) + b"x" * 10)
manager = executor._executor_manager_thread
_parallel._end(executor)
manager.join(30)
sys.exit(3 if manager.is_alive() else 0)
"""


@linux_only
def test_ending_the_pool_with_half_a_result_in_the_pipe() -> None:
    # Without closing the pipe's write end, the manager thread waits for the rest of the
    # message for ever, and the interpreter at exit waits for the thread.
    try:
        ended = subprocess.run(
            [sys.executable, "-c", _HALF_A_RESULT], capture_output=True, timeout=90
        )
    except subprocess.TimeoutExpired:  # pragma: no cover - the failure this test is for
        pytest.fail("the process did not end")
    assert ended.returncode == 0, ended.stderr.decode()
    assert b"Traceback" not in ended.stderr
