"""Writing files so that an interrupted write never leaves a truncated file behind.

Output goes to a temporary file in the destination's directory and is renamed over the
destination (an atomic step on POSIX and Windows) only once it is complete and flushed.
Until then, a file that was there before is left as it was.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from newsrecord._errors import OutputExistsError

__all__ = ["atomic_write", "check_writable", "same_file"]


def _read_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


#: Files are created with the usual permissions (``0o666`` less the umask), not ``0o600``.
_FILE_MODE = 0o666 & ~_read_umask()


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
    descriptor, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or Path(".")
    )
    try:
        os.chmod(temporary, _FILE_MODE)
        with os.fdopen(descriptor, "w", encoding=encoding, newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
