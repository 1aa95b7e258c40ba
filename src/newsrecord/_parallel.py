"""Running one function over many inputs in worker processes, results in input order.

``newsrecord parse --jobs N`` is built on :func:`ordered_map`; the command line only
says what to do with one file.  What this module guarantees:

* **Input order.**  Results come back in the order of the inputs, whatever order the
  workers finish in, so the output of ``--jobs N`` is that of ``--jobs 1``, byte for byte.
* **Bounded memory.**  Inputs are sent in small batches, and only a few batches per worker
  are in flight at once (:func:`ordered_map`'s ``window``): a run over 100,000 files
  holds their names, not their results.
* **Warnings as without workers.**  Every warning issued while an input is processed is
  recorded where it is issued and issued again, unchanged, in the calling process just
  before that input's result is handed over (:meth:`Done.reissue`): the same text, in the
  same order, through the caller's warning filters, as in a run without workers.
* **One process with ``jobs=1``.**  No pool is started, nothing is pickled.
* **No orphans.**  A worker whose calling process is gone (killed) ends within
  :data:`PARENT_POLL` seconds, instead of waiting for work forever.
* **Ctrl-C.**  Workers ignore ``SIGINT``; the calling process gets the
  :class:`KeyboardInterrupt` and ends the workers.  (``SIGINT`` is blocked while a worker
  is being started, so that a Ctrl-C at that moment does not leave a worker with a
  traceback to print.)  A worker that raises does not take the others' results with it:
  the inputs before it are handed over, then its exception is raised, chained to a
  :class:`WorkerTraceback` with the traceback from the worker.

How workers start: by ``fork`` on Linux when the calling process runs a single thread
(fast: the worker has everything imported already), otherwise by ``forkserver`` where
the platform has it and ``spawn`` elsewhere (forking a process that runs other threads
can deadlock).  The function, its inputs and its results are pickled, so the function
must be importable at module level (a :func:`functools.partial` of one is fine).
"""

from __future__ import annotations

import collections
import contextlib
import multiprocessing
import os
import pickle
import shutil
import signal
import sys
import threading
import time
import traceback
import warnings
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing.context import BaseContext
from typing import IO, Any, Final, Generic, TypeVar

import attrs

__all__ = [
    "CapturedWarning",
    "Done",
    "Progress",
    "WorkerTraceback",
    "default_jobs",
    "ordered_map",
    "pool_context",
]

T = TypeVar("T")
R = TypeVar("R")

#: Batches in flight for each worker: enough to keep every worker busy while the
#: calling process writes out the oldest batch, few enough to keep memory bounded.
WINDOW_PER_JOB: Final = 4

#: Seconds between a worker's checks that the process that started it still runs.
PARENT_POLL: Final = 0.5


def default_jobs() -> int:
    """The number of CPUs this process may run on (at least 1)."""
    count: int | None = None
    if hasattr(os, "process_cpu_count"):  # Python 3.13
        count = os.process_cpu_count()
    elif hasattr(os, "sched_getaffinity"):
        count = len(os.sched_getaffinity(0))
    else:  # pragma: no cover - macOS and Windows before Python 3.13
        count = os.cpu_count()
    return max(1, count or 1)


def pool_context() -> BaseContext:
    """How to start workers: ``fork`` on Linux when single-threaded, else a safe default.

    With ``forkserver``, the server is asked to import newsrecord before it forks the
    workers (:func:`multiprocessing.set_forkserver_preload`, which applies to the whole
    process): each worker then starts with it imported, as a forked one does.
    """
    methods = multiprocessing.get_all_start_methods()
    if sys.platform == "linux" and "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        # The server imports newsrecord once; each worker forked from it has it then.
        context.set_forkserver_preload(["newsrecord._cli"])
        return context
    return multiprocessing.get_context("spawn")


# ------------------------------------------------------------------------ warnings


@attrs.frozen
class CapturedWarning:
    """A warning recorded while an input was processed, to be issued again."""

    message: Warning | str
    category: type[Warning]
    filename: str
    lineno: int

    def reissue(self) -> None:
        """Issue the warning again, as :func:`warnings.warn_explicit` issued it first."""
        warnings.warn_explicit(self.message, self.category, self.filename, self.lineno)


def _round_trips(value: object) -> bool:
    try:
        pickle.loads(pickle.dumps(value))
    except Exception:
        return False
    return True


def _captured(record: warnings.WarningMessage, *, portable: bool) -> CapturedWarning:
    message: Warning | str = record.message
    category: type[Warning] = record.category
    if portable:  # it must cross a process boundary: what does not pickle goes as text
        if not _round_trips(message):
            message = str(message)
        if not _round_trips(category):
            category = UserWarning
    return CapturedWarning(message, category, record.filename, record.lineno)


@attrs.frozen
class Done(Generic[R]):
    """The result of one input, and the warnings issued while it was computed."""

    result: R
    warnings: tuple[CapturedWarning, ...] = ()

    def reissue(self) -> None:
        """Issue the recorded warnings again, in the order they were issued."""
        for warning in self.warnings:
            warning.reissue()


def _call(function: Callable[[T], R], item: T, *, portable: bool) -> Done[R]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = function(item)
    return Done(result, tuple(_captured(record, portable=portable) for record in caught))


# ------------------------------------------------------------------------- batches


class WorkerTraceback(Exception):
    """The traceback of an exception raised in a worker (its ``__cause__`` in the caller)."""

    def __init__(self, trace: str) -> None:
        super().__init__(trace)
        self.trace = trace

    def __str__(self) -> str:
        return "\n" + self.trace


@attrs.frozen
class _Batch(Generic[R]):
    """The results of consecutive inputs; ``error`` stopped the batch after the last one."""

    done: list[Done[R]]
    error: BaseException | None = None
    trace: str | None = None  # from a worker; None when the batch ran in this process


def _run_batch(function: Callable[[T], R], items: Sequence[T]) -> _Batch[R]:
    """In a worker: the results of ``items``, up to the first one that raises."""
    done: list[Done[R]] = []
    for item in items:
        try:
            done.append(_call(function, item, portable=True))
        except Exception as error:
            trace = traceback.format_exc()
            if not _round_trips(error):
                error = RuntimeError(f"{type(error).__name__}: {error}")
            return _Batch(done, error, trace)
    return _Batch(done)


def _run_here(function: Callable[[T], R], item: T) -> _Batch[R]:
    """In this process (an input only this process can read, such as standard input)."""
    try:
        return _Batch([_call(function, item, portable=False)])
    except Exception as error:
        return _Batch([], error)


def _batches(
    items: Iterable[T], size: int, local: Callable[[T], bool] | None
) -> Iterator[tuple[bool, list[T]]]:
    """``(here, items)``: batches of up to ``size`` for workers, or one input to run here."""
    batch: list[T] = []
    for item in items:
        if local is not None and local(item):
            if batch:
                yield False, batch
                batch = []
            yield True, [item]
            continue
        batch.append(item)
        if len(batch) >= size:
            yield False, batch
            batch = []
    if batch:
        yield False, batch


# ---------------------------------------------------------------------- the pool


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    """Hold back ``SIGINT`` (delivered on leaving) while workers may be started."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not (
        threading.main_thread()
    ):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _exists(pid: int) -> bool:
    """Whether process ``pid`` still exists (a zombie counts; POSIX only)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - someone else's process with that number
        return True
    return True


def _orphaned(caller: int, parent: int) -> bool:
    """Whether the calling process ``caller`` is gone, for a worker started by ``parent``.

    ``parent`` is the worker's parent when it started: the caller itself (``fork``,
    ``spawn``) or a fork server.  Either changes to a reaper once the caller is gone, but
    the caller may die before the worker first looks (between the fork and its first
    step), so the caller is also asked for by number, where signals allow it.
    """
    if os.getppid() != parent:
        return True
    return os.name == "posix" and not _exists(caller)


def _watch_parent(caller: int, parent: int) -> None:
    """End this worker once the process that started it is gone (killed, say).

    A worker waits for its next batch on a pipe that it holds open itself, so it would
    otherwise wait forever.
    """
    while True:
        if _orphaned(caller, parent):
            os._exit(1)
        time.sleep(PARENT_POLL)


def _start_worker(
    caller: int, initializer: Callable[..., object] | None, initargs: tuple[Any, ...]
) -> None:
    """A worker's first step: watch for ``caller``'s end, leave Ctrl-C to it, then set up.

    ``caller`` is the process id of the process that made the pool, passed from there:
    read here, after the fork, it could already be that of a reaper.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    watch = threading.Thread(
        target=_watch_parent,
        args=(caller, os.getppid()),
        name="newsrecord-watch-parent",
        daemon=True,
    )
    watch.start()
    if initializer is not None:
        initializer(*initargs)


def _end(executor: ProcessPoolExecutor) -> None:
    """Stop the workers now: pending batches are dropped, running ones killed.

    A worker killed while it writes a result leaves half a message in the results pipe,
    and the pool's manager thread would wait for the rest forever, and with it this
    process at exit.  Once every worker is gone, this process holds the pipe's only
    write end: closing it turns that wait into an end of file, on which the manager
    thread gives up.
    """
    terminate = getattr(executor, "terminate_workers", None)  # Python 3.14
    if terminate is not None:  # pragma: no cover - depends on the Python version
        terminate()
        return
    results = getattr(executor, "_result_queue", None)
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            process.terminate()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(5)
    if all(process.exitcode is not None for process in processes):
        with contextlib.suppress(Exception):
            results._writer.close()  # type: ignore[union-attr]


def ordered_map(
    function: Callable[[T], R],
    items: Iterable[T],
    *,
    jobs: int,
    chunksize: int = 1,
    window: int | None = None,
    initializer: Callable[..., object] | None = None,
    initargs: tuple[Any, ...] = (),
    local: Callable[[T], bool] | None = None,
    context: BaseContext | None = None,
) -> Generator[Done[R], None, None]:
    """``function(item)`` for each item, in the order of ``items``, in ``jobs`` processes.

    Each result comes as a :class:`Done`, with the warnings that computing it issued:
    call :meth:`Done.reissue` to issue them in this process.  With ``jobs`` of 1 or less,
    everything runs here and no process is started.  Otherwise ``items`` are sent in
    batches of ``chunksize`` to ``jobs`` worker processes, each set up by
    ``initializer(*initargs)``, with at most ``window`` batches in flight (default:
    :data:`WINDOW_PER_JOB` per job).  Items for which ``local(item)`` is true are
    computed in this process, in their turn (standard input is one: a worker cannot read
    it).  ``context`` chooses how workers start (default: :func:`pool_context`).

    Close the iterator (:func:`contextlib.closing`) when leaving it early: that ends the
    workers at once.
    """
    if jobs <= 1:
        for item in items:
            yield _call(function, item, portable=False)
        return
    executor = ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=context or pool_context(),
        initializer=_start_worker,
        initargs=(os.getpid(), initializer, initargs),
    )
    limit = max(1, window if window is not None else WINDOW_PER_JOB * jobs)
    batches = _batches(items, max(1, chunksize), local)
    pending: collections.deque[Future[_Batch[R]]] = collections.deque()
    finished = False
    try:
        while True:
            while len(pending) < limit:
                here, batch = next(batches, (False, []))
                if not batch:
                    break
                if here:
                    future: Future[_Batch[R]] = Future()
                    future.set_result(_run_here(function, batch[0]))
                else:
                    with _sigint_blocked():
                        future = executor.submit(_run_batch, function, batch)
                pending.append(future)
            if not pending:
                break
            outcome = pending.popleft().result()
            yield from outcome.done
            if outcome.error is not None:
                if outcome.trace is None:
                    raise outcome.error
                raise outcome.error from WorkerTraceback(outcome.trace)
        finished = True
    finally:
        if finished:
            executor.shutdown(wait=True)
        else:
            _end(executor)


# ------------------------------------------------------------------------ progress


class Progress:
    """A progress line on a terminal, redrawn in place (``\\r``) at most ``rate`` times a second.

    ``files/total files, N articles, N quotes, N files/s``.  Call :meth:`clear` before
    writing anything else to the stream, and when done: the line is then wiped, so that
    the stream holds what it would hold without a progress line.
    """

    def __init__(
        self,
        stream: IO[str],
        total: int,
        *,
        rate: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.total = total
        self.files = 0
        self.articles = 0
        self.quotes = 0
        self._clock = clock
        self._start = clock()
        self._interval = 1.0 / rate
        self._drawn_at: float | None = None
        self._width = 0  # of the line on the screen; 0 when there is none

    def advance(self, *, articles: int = 0, quotes: int = 0) -> None:
        """Count one more file, and what it gave; redraw if it is time."""
        self.files += 1
        self.articles += articles
        self.quotes += quotes
        now = self._clock()
        if self._drawn_at is None or now - self._drawn_at >= self._interval:
            self._draw(now)

    def text(self, now: float | None = None) -> str:
        """The progress line (without ``\\r``)."""
        elapsed = (self._clock() if now is None else now) - self._start
        rate = f"{self.files / elapsed:,.0f} files/s" if elapsed > 0 else "- files/s"
        return (
            f"{self.files:,}/{self.total:,} files, {self.articles:,} articles, "
            f"{self.quotes:,} quotes, {rate}"
        )

    def _columns(self) -> int:
        try:
            return os.get_terminal_size(self.stream.fileno()).columns
        except (AttributeError, ValueError, OSError):
            return shutil.get_terminal_size().columns

    def _draw(self, now: float) -> None:
        # One column short of the width, so that the line never wraps and "\r" goes back
        # to its start.
        line = self.text(now)[: max(1, self._columns() - 1)]
        padding = " " * max(0, self._width - len(line))
        self.stream.write("\r" + line + padding)
        self.stream.flush()
        self._width = len(line)
        self._drawn_at = now

    def clear(self) -> None:
        """Wipe the line, if one is shown (it comes back at the next redraw)."""
        if self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0
