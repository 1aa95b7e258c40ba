"""Writing files so that an interrupted write never leaves a truncated file behind.

Output goes to a temporary file in the destination's directory and is renamed over the
destination (an atomic step on POSIX and Windows) only once it is complete and flushed.
Until then, a file that was there before is left as it was.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from newsrecord._errors import OutputExistsError

__all__ = ["atomic_write", "check_writable", "create_temporary", "same_file"]


def create_temporary(target: Path) -> tuple[int, str]:
    """A new file beside ``target``, created with ``0o666`` less the umask (as ``open`` does)."""
    directory = target.parent
    for _attempt in range(100):
        name = os.path.join(directory, f".{target.name}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), name
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {target}")  # pragma: no cover


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name the same existing file or directory."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_writable(path: str | os.PathLike[str], *, force: bool) -> None:
    """Raise :class:`OutputExistsError` if ``path`` exists and ``force`` is false."""
    if not force and os.path.lexists(path):
        raise OutputExistsError(
            "output exists already (pass force=True, or --force, to overwrite it)",
            file=os.fspath(path),
        )


@contextlib.contextmanager
def atomic_write(
    path: str | os.PathLike[str], *, force: bool = False, encoding: str = "utf-8"
) -> Iterator[IO[str]]:
    """A text file to write that appears at ``path`` only when the block ends without error.

    ``"-"`` means standard output (written directly).  Newlines are written as ``\\n``.
    """
    if os.fspath(path) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    check_writable(target, force=force)
    descriptor, temporary = create_temporary(target)
    try:
        with os.fdopen(descriptor, "w", encoding=encoding, newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
