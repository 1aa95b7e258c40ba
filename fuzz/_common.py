"""What the three harnesses share: the expected exceptions, and how a harness is run.

A harness's ``test_one_input(data: bytes)`` may raise only what the library documents
for bad input: a :class:`newsrecord.NewsrecordError` (``FormatError``, ``RecordError``,
``DecodeError``, ``ParseError``, all of them also ``ValueError``).  Anything else, and
any broken invariant (an ``AssertionError``), is a finding.

:func:`run` hands the harness to atheris (libFuzzer, coverage-guided) when atheris is
installed.  Without atheris it falls back to a plain random-mutation loop over the seed
corpus: **not coverage-guided**, much weaker, labelled as such in its output, and meant
only for Pythons that atheris does not support.
"""

from __future__ import annotations

import atexit
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
import warnings
from collections.abc import Callable
from pathlib import Path

try:  # atheris, when it is installed, instruments newsrecord for coverage feedback
    import atheris
except ImportError:  # pragma: no cover - the fallback below
    atheris = None

if atheris is not None:
    with atheris.instrument_imports(include=["newsrecord"]):
        import newsrecord  # noqa: F401 - imports (and so instruments) every module

from newsrecord import NewsrecordError

#: The only exceptions bad input may raise.
EXPECTED: tuple[type[BaseException], ...] = (NewsrecordError,)

warnings.simplefilter("ignore")  # ParseWarning is an answer, not a finding


def scratch_directory() -> Path:
    """A private directory for files a harness writes (in memory where /dev/shm exists)."""
    base = "/dev/shm" if os.path.isdir("/dev/shm") else None
    path = Path(tempfile.mkdtemp(prefix="newsrecord-fuzz-", dir=base))
    # libFuzzer ends the process without running Python's exit handlers, so under atheris
    # the (small) directory stays behind; the fallback removes it.
    atexit.register(shutil.rmtree, path, True)
    return path


def run(test_one_input: Callable[[bytes], None]) -> None:
    """Fuzz ``test_one_input`` with atheris, or with the labelled fallback without it."""
    if atheris is not None:
        atheris.Setup(sys.argv, test_one_input)
        atheris.Fuzz()
        return
    _fallback(test_one_input, sys.argv[1:])  # pragma: no cover


def _fallback(test_one_input: Callable[[bytes], None], args: list[str]) -> None:
    """Random mutation of the seed corpus; NOT coverage-guided (atheris is missing).

    Arguments: corpus directories or files; ``-max_total_time=SECONDS`` (default 60);
    ``-seed=N``.  A file argument alone is replayed once, as libFuzzer does.
    """
    print("atheris is not installed: FALLBACK random-mutation fuzzing, not coverage-guided")
    limit, seed, paths = 60.0, int(time.time()), []
    for arg in args:
        if arg.startswith("-max_total_time="):
            limit = float(arg.split("=", 1)[1])
        elif arg.startswith("-seed="):
            seed = int(arg.split("=", 1)[1])
        elif not arg.startswith("-"):
            paths.append(Path(arg))
    if paths and all(path.is_file() for path in paths):
        for path in paths:
            test_one_input(path.read_bytes())
        print(f"replayed {len(paths)} inputs")
        return
    seeds = [file.read_bytes() for path in paths for file in sorted(path.glob("*"))]
    seeds = seeds or [b""]
    rng = random.Random(seed)
    deadline, runs = time.monotonic() + limit, 0
    while time.monotonic() < deadline:
        data = _mutate(rng, rng.choice(seeds), seeds)
        try:
            test_one_input(data)
        except Exception:
            crash = Path(f"crash-fallback-{seed}-{runs}")
            crash.write_bytes(data)
            traceback.print_exc()
            print(f"finding written to {crash}")
            raise SystemExit(1) from None
        runs += 1
    print(f"FALLBACK done: {runs} runs in {limit:.0f} s (seed {seed})")


def _mutate(rng: random.Random, data: bytes, seeds: list[bytes]) -> bytes:
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        choice = rng.randrange(6)
        position = rng.randint(0, len(buffer))
        if choice == 0 and buffer:
            del buffer[min(position, len(buffer) - 1)]
        elif choice == 1:
            buffer[position:position] = bytes([rng.randrange(256)])
        elif choice == 2:
            buffer[position:position] = rng.choice(_TOKENS)
        elif choice == 3 and buffer:
            start = rng.randrange(len(buffer))
            piece = buffer[start : start + rng.randint(1, 64)]
            buffer[position:position] = piece * rng.randint(1, 50)
        elif choice == 4:
            other = rng.choice(seeds)
            cut = rng.randint(0, len(other))
            buffer = buffer[:position] + bytearray(other[cut:])
        elif choice == 5 and buffer:
            buffer[min(position, len(buffer) - 1)] ^= 1 << rng.randrange(8)
    return bytes(buffer)


_TOKENS = [
    token.encode("utf-8", "surrogatepass")
    for token in (
        '"',
        "“",
        "”",
        "„",
        "«",
        "»",
        "‘",
        "’",
        "'",
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        ",",
        ":",
        "{",
        "}",
        "[",
        "]",
        "\\u0000",
        "\\ud800",
        "1e999",
        "-0",
        "null",
        "Posted: ",
        "31.02.2023",
        "10000-01-01",
        "+99:99",
        "said",
        "\ufeff",
        "\0",
        "\ud800",
    )
]
