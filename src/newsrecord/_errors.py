"""The exceptions newsrecord raises, all below one base class.

Every error a user can cause with bad data is a :class:`NewsrecordError`.  Those about
the *content* of data are also :class:`ValueError`, so code that already catches
``ValueError`` keeps working.  Each carries, where known, the file, the line (1-based)
and the field (a JSON path such as ``$.quotes[2].start``) it is about.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsrecord._problems import Problem

__all__ = [
    "DecodeError",
    "FormatError",
    "MissingExtraError",
    "NewsrecordError",
    "OutputExistsError",
    "ParseError",
    "ParseWarning",
    "RecordError",
]


class NewsrecordError(Exception):
    """Base class of every exception newsrecord raises on purpose."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.field = field

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = self.file
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        elif self.line is not None:
            where = f"line {self.line}: "
        if self.field is not None:
            where += f"{self.field}: "
        return where + self.message


class FormatError(NewsrecordError, ValueError):
    """Input that is not well-formed JSON, JSON Lines or CSV."""


class RecordError(NewsrecordError, ValueError):
    """A record that does not satisfy the record model.

    :attr:`problems` lists every problem found, each with its JSON path and code.
    """

    def __init__(
        self,
        message: str,
        *,
        problems: Sequence[Problem] = (),
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message, file=file, line=line, field=field)
        self.problems: tuple[Problem, ...] = tuple(problems)


class DecodeError(NewsrecordError, ValueError):
    """Bytes that cannot be decoded with the expected encoding.

    :attr:`offset` is the position of the first offending byte.
    """

    def __init__(
        self, message: str, *, offset: int, file: str | None = None, line: int | None = None
    ) -> None:
        super().__init__(message, file=file, line=line)
        self.offset = offset

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.message, {"offset": self.offset}, self.__dict__))


class ParseError(NewsrecordError, ValueError):
    """A problem in a raw post, raised instead of a warning when parsing with ``strict=True``."""

    def __init__(
        self,
        message: str,
        *,
        code: str,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message, file=file, line=line, field=field)
        self.code = code

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.message, {"code": self.code}, self.__dict__))


class OutputExistsError(NewsrecordError, FileExistsError):
    """An output file exists already and overwriting was not allowed (``force=False``)."""


class MissingExtraError(NewsrecordError, ImportError):
    """A function needs a package of an optional extra that is not installed.

    The message names the extra to install (``pip install 'newsrecord[html]'``).
    """


class ParseWarning(UserWarning):
    """Something in a raw post that the parser worked around (an unreadable date, ...).

    Issued through :mod:`warnings` by :func:`newsrecord.parse_post`; with ``strict=True``
    the parser raises :class:`ParseError` instead.  :attr:`code` is stable.
    """

    def __init__(self, message: str, *, code: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.field = field

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.message, {"code": self.code}, self.__dict__))


def _rebuild(
    cls: type[BaseException], message: str, keywords: dict[str, object], state: dict[str, object]
) -> BaseException:
    """Unpickle an exception whose constructor takes required keywords."""
    error = cls(message, **keywords)
    error.__dict__.update(state)
    return error
