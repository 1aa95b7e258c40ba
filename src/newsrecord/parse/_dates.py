"""Read the publication date in a news post's header, and never guess.

Every part of a parsed date must have been written in the text. python-dateutil
is good at reading English dates, but it fills the gaps by guessing: a missing
day, month or year comes from today, ``08.11.2023`` becomes 11 August, a
two-digit year depends on the current year, ``GMT+3`` means UTC-3, an unknown
zone name is dropped with only a warning, and a zone name that matches the
machine's local zone gets the machine's zone. This module lets dateutil read
only what it reads well (named months, times, zone names) and handles the rest
itself:

* ISO 8601 (``2023-11-08T16:38:00+03:00``, ``2023-11-08``, ``20231108T163800Z``)
  takes a fast path through :meth:`datetime.datetime.fromisoformat`.
* Numeric dates are read here. Dotted ones (``08.11.2023``) are always day
  first. Slashed or dashed ones (``03/04/2023``) are day first only when the
  numbers say so (``25/12/2023``); when either order fits, the ``dayfirst``
  option decides and the result says it was ambiguous. A four-digit year first
  (``2023/11/08``) means year, month, day.
* A date with a part missing (``8 November``, ``November 2023``, ``16:38``) has
  no value; a missing time is midnight. dateutil is asked twice, with two
  different defaults, and a part that differs was not in the text.
* Two-digit years follow the POSIX ``%y`` rule, whatever today's date:
  00-68 are 2000-2068 and 69-99 are 1969-1999.
* Zone names are read from a fixed table of common US and European
  abbreviations. ``GMT+3`` and ``UTC+03:00`` mean three hours east of UTC. An
  unknown abbreviation keeps the wall time as a naive datetime, with a warning,
  and ``default_timezone`` is not applied to it (the text named some other
  zone). Offsets of 24 hours or more are invalid.
* A text longer than 200 characters (:data:`MAX_DATE_CHARS`) is no date: it is
  refused without being read.
* A year below 100 is read from a numeric or ISO date (``01.01.0001``); with a month
  name (``1 January 0001``) it is refused, since dateutil takes ``0001`` for ``01``.
* A layout with only numbers that none of the rules above cover (``08 11 2023``)
  is refused rather than guessed. A numeric date read here reaches dateutil, if
  a time or zone follows it, rewritten with the month spelled out.
* The text is the date alone: a label such as ``Posted:`` is the caller's to
  remove. A weekday name is allowed but not checked against the date.
* Month names may be Russian, Ukrainian or Belarusian, in the genitive of a date
  (``8 ноября 2023``, ``8 листопада 2023``) or the nominative (``ноябрь 2023``), and
  abbreviated (``8 нояб. 2023``); ``года`` / ``г.`` after the year, ``в`` before the
  time and weekday names are allowed, and ``мск`` is Moscow time.  They are rewritten
  in English before reading, so the rules above apply unchanged; any other Cyrillic
  word makes the date unreadable.

Nothing raises for bad data: an unreadable date gives ``value=None`` and a
warning that says why.
"""

import datetime
import re
import zoneinfo

import attrs
from dateutil.parser import ParserError, parse, parserinfo

from newsrecord.parse._calendar import (
    CYRILLIC_FILLERS,
    CYRILLIC_MONTHS,
    CYRILLIC_WEEKDAYS,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    WEEKDAY_NAMES,
    ZONE_OFFSETS,
)

_HOUR = 3600

#: The longest text read as a date; a longer one is refused unread.  Real dates are far
#: shorter ("Wednesday, 8 November 2023 16:38:00 GMT+03:00" has 45 characters), and
#: dateutil, which reads a token a character at a time, can take minutes on megabytes.
MAX_DATE_CHARS = 200


_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff\u02bc'’]+\.?")
_HAS_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

#: Two-digit years below this are 20xx, the others 19xx (as with ``%y``).
_TWO_DIGIT_YEAR_PIVOT = 69

#: The two defaults that dateutil fills missing parts from. They differ in
#: year, month and day (by more than a week, so that a weekday name cannot
#: bring both to the same day); both years are leap years, so 29 February is
#: not refused only because the year was missing.
_PROBE_DEFAULTS = (datetime.datetime(2000, 1, 1), datetime.datetime(2004, 2, 15))

_ISO_EXTENDED = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})"
    r"(?::(?P<second>\d{2})(?:[.,](?P<fraction>\d+))?)?"
    r"(?P<zone>Z|(?P<sign>[+-])(?P<zone_hours>\d{2})(?::?(?P<zone_minutes>\d{2}))?)?)?",
    re.IGNORECASE,
)

_ISO_BASIC = re.compile(
    r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})"
    r"(?:T(?P<hour>\d{2})(?P<minute>\d{2})"
    r"(?:(?P<second>\d{2})(?:[.,](?P<fraction>\d+))?)?"
    r"(?P<zone>Z|(?P<sign>[+-])(?P<zone_hours>\d{2})(?P<zone_minutes>\d{2})?)?)?",
    re.IGNORECASE,
)

_NUMERIC_DATE = re.compile(
    r"(?:(?P<weekday>[A-Za-z]+)\.?,?\s+)?"
    r"(?P<first>\d+)(?P<separator>[./-])(?P<second>\d+)(?P=separator)(?P<third>\d+)"
    r"(?P<rest>(?:[\sTt,].*)?)",
    re.DOTALL,
)

#: ``GMT+3``, ``UTC+03:00``, ``GMT+0300``: people mean east of UTC, dateutil
#: reads the POSIX inverse.
_NAMED_UTC_OFFSET = re.compile(
    r"\b(?:GMT|UTC|UT)\s*(?P<sign>[+-])\s*(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?\b"
)

_WORD = re.compile(r"[A-Za-z]+")

#: Runs of at most 6 digits (a longer run is no year; int() of a huge one is slow).
_DIGITS = re.compile(r"(?<!\d)\d{1,6}(?!\d)")


@attrs.frozen
class DateResult:
    """What :func:`parse_date` read from one date string."""

    #: The date, or ``None`` when it could not be read without guessing.
    value: datetime.datetime | None
    #: The string given, stripped of surrounding whitespace.
    raw: str
    #: True when either day/month order fitted and ``dayfirst`` chose.
    ambiguous: bool
    #: Why ``value`` is ``None``, or what was assumed to get it; else ``None``.
    warning: str | None


@attrs.frozen
class _Reading:
    """A date that was read, before ``default_timezone`` is applied."""

    value: datetime.datetime
    ambiguous: bool = False
    notes: tuple[str, ...] = ()
    #: False when the text named a zone that is not understood.
    zone_understood: bool = True


class _DateError(ValueError):
    """A date that cannot be read; the message says why, ``kind`` what it is."""

    def __init__(self, reason: str, *, kind: str = "unparsable date") -> None:
        super().__init__(reason)
        self.kind = kind


class _UnknownZoneError(Exception):
    """dateutil found a zone name that is not in the table."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


class _ParserInfo(parserinfo):
    """dateutil's English vocabulary with a two-digit year rule fixed in time."""

    def convertyear(self, year: int, century_specified: bool = False) -> int:
        if century_specified or year >= 100:
            return year
        return _expand_two_digit_year(year)


def parse_date(
    raw: str,
    *,
    dayfirst: bool = False,
    default_timezone: datetime.tzinfo | str | None = None,
) -> DateResult:
    """Read the date in ``raw``; never raise for bad data, never guess.

    ``dayfirst`` only settles slashed or dashed numeric dates where either
    order fits (``03/04/2023``); such results have ``ambiguous=True``.
    ``default_timezone`` (a tzinfo or an IANA name) is the zone of a date
    written without one: naive values get it as their tzinfo, wall time kept.

    Raises :class:`ValueError` only for an unknown ``default_timezone`` name.
    """
    fallback_zone = None if default_timezone is None else resolve_timezone(default_timezone)
    text = raw.strip()
    if not text:
        return _failure(text, "empty date string")
    if len(text) > MAX_DATE_CHARS:
        return _failure(
            text,
            f"unparsable date {_shown(text)}: longer than any date ({MAX_DATE_CHARS} characters)",
        )
    try:
        reading = _read(text, dayfirst)
    except _DateError as error:
        return _failure(text, f"{error.kind} {_shown(text)}: {error}")
    except (ValueError, ArithmeticError, TypeError, IndexError) as error:
        return _failure(text, f"unparsable date {_shown(text)}: {_reason(error)}")
    value = reading.value
    if value.tzinfo is None and fallback_zone is not None and reading.zone_understood:
        value = value.replace(tzinfo=fallback_zone)
    return DateResult(
        value=value,
        raw=text,
        ambiguous=reading.ambiguous,
        warning="; ".join(reading.notes) or None,
    )


def resolve_timezone(name: str | datetime.tzinfo) -> datetime.tzinfo:
    """Return ``name`` if it is a tzinfo, else the IANA zone of that name.

    Raises :class:`ValueError` for a name that is not a known IANA zone.
    """
    if isinstance(name, datetime.tzinfo):
        return name
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError) as error:
        raise ValueError(
            f"unknown time zone {name!r}: expected an IANA zone name such as "
            "'Europe/Minsk' or 'UTC'"
        ) from error


def _read(text: str, dayfirst: bool) -> _Reading:
    """Read a non-empty ``text``; raise ``ValueError`` and kin if it cannot be."""
    if _HAS_CYRILLIC.search(text):
        text = _from_cyrillic(text)
    iso = _ISO_EXTENDED.fullmatch(text) or _ISO_BASIC.fullmatch(text)
    if iso is not None:
        return _Reading(_from_iso(iso))
    numeric = _NUMERIC_DATE.fullmatch(text)
    if numeric is not None and _is_weekday_or_none(numeric["weekday"]):
        return _from_numeric(text, numeric, dayfirst)
    reading = _parse_with_dateutil(text)
    if not _names_a_month(text):
        raise _DateError(
            "only numbers, in none of the layouts DD.MM.YYYY, DD/MM/YYYY, MM/DD/YYYY, "
            "YYYY-MM-DD; the order is not guessed"
        )
    return reading


def _from_cyrillic(text: str) -> str:
    """``text`` with its Cyrillic month, weekday and zone words in English, fillers dropped.

    Raises :class:`_DateError` for a Cyrillic word that is none of these.
    """

    def english(match: re.Match[str]) -> str:
        word = match.group().lower()
        bare = word.rstrip(".")
        if bare in CYRILLIC_MONTHS:
            return CYRILLIC_MONTHS[bare]
        if bare in CYRILLIC_WEEKDAYS:
            return CYRILLIC_WEEKDAYS[bare]
        if bare in CYRILLIC_FILLERS:
            return " "
        if bare == "мск":
            return "MSK"
        raise _DateError(f"{_shown(match.group())} is not a month, weekday or zone name")

    rewritten = _CYRILLIC_WORD.sub(english, text)
    return " ".join(rewritten.replace(" ,", ",").split()).strip(" ,")


def _from_iso(match: re.Match[str]) -> datetime.datetime:
    date = f"{match['year']}-{match['month']}-{match['day']}"
    if match["hour"] is None:
        return datetime.datetime.fromisoformat(date)
    if int(match["hour"]) > 23:
        raise _DateError(f"hour {match['hour']} is out of range")
    second = match["second"] or "00"
    fraction = match["fraction"]
    microseconds = "" if fraction is None else "." + fraction[:6].ljust(6, "0")
    return datetime.datetime.fromisoformat(
        f"{date}T{match['hour']}:{match['minute']}:{second}{microseconds}{_iso_offset(match)}"
    )


def _iso_offset(match: re.Match[str]) -> str:
    if match["zone"] is None:
        return ""
    if match["sign"] is None:  # Z
        return "+00:00"
    hours = int(match["zone_hours"])
    minutes = int(match["zone_minutes"] or "0")
    if hours > 23 or minutes > 59:
        raise _DateError(f"UTC offset {match['zone']} is out of range")
    return f"{match['sign']}{hours:02d}:{minutes:02d}"


def _from_numeric(text: str, match: re.Match[str], dayfirst: bool) -> _Reading:
    """Read a numeric date ourselves; hand dateutil only the time and zone."""
    year, month, day, ambiguous = _numeric_fields(
        match["first"], match["separator"], match["second"], match["third"], dayfirst
    )
    reading = _Reading(datetime.datetime(year, month, day))
    rest = match["rest"]
    if rest.strip(" \t\r\n,"):
        if rest[0] in "Tt":
            rest = " " + rest[1:]
        # The month is spelled out, so dateutil has no order left to guess.
        weekday = match["weekday"] or ""
        # dateutil reads a year below 100 as a two-digit one: it gets a stand-in (a leap
        # year, the date was checked with the real one above), put back afterwards.
        shown = year if year >= 100 else 2000
        rewritten = f"{weekday} {day} {MONTH_ABBREVIATIONS[month - 1]} {shown:04d}{rest}"
        reading = _parse_with_dateutil(rewritten.strip())
        if shown != year:
            reading = attrs.evolve(reading, value=reading.value.replace(year=year))
    if not ambiguous:
        return reading
    date_text = text[match.start("first") : match.end("third")]
    note = _ambiguity_note(date_text, reading.value, dayfirst)
    return attrs.evolve(reading, ambiguous=True, notes=(note, *reading.notes))


def _numeric_fields(
    first: str, separator: str, second: str, third: str, dayfirst: bool
) -> tuple[int, int, int, bool]:
    """Return year, month, day and whether the day/month order was a choice."""
    if len(first) == 4:
        _check_day_or_month_digits(second, third)
        return int(first), int(second), int(third), False
    _check_day_or_month_digits(first, second)
    year = _numeric_year(third)
    a, b = int(first), int(second)
    if separator == ".":
        return year, b, a, False
    if a > 12 and b > 12:
        raise _DateError(f"neither {first} nor {second} can be a month")
    if a > 12 or (a == b):
        return year, b, a, False
    if b > 12:
        return year, a, b, False
    if dayfirst:
        return year, b, a, True
    return year, a, b, True


def _check_day_or_month_digits(*fields: str) -> None:
    for field in fields:
        if len(field) > 2:
            raise _DateError(f"{_shown(field)} cannot be a day or a month")


def _numeric_year(field: str) -> int:
    if len(field) == 4:
        return int(field)
    if len(field) == 2:
        return _expand_two_digit_year(int(field))
    raise _DateError(f"year {_shown(field)} must have two or four digits")


def _expand_two_digit_year(year: int) -> int:
    return year + (2000 if year < _TWO_DIGIT_YEAR_PIVOT else 1900)


def _ambiguity_note(date_text: str, value: datetime.datetime, dayfirst: bool) -> str:
    other = value.replace(month=value.day, day=value.month)
    chosen, alternative = ("day", "month") if dayfirst else ("month", "day")
    return (
        f"ambiguous date {date_text!r} read as {chosen} first ({value.date().isoformat()}); "
        f"pass dayfirst={not dayfirst} to read it as {alternative} first "
        f"({other.date().isoformat()})"
    )


def _parse_with_dateutil(text: str) -> _Reading:
    """Parse with dateutil; an unknown zone name leaves the wall time naive."""
    text = _NAMED_UTC_OFFSET.sub(_offset_for_named_utc, text)
    try:
        return _Reading(_parse_complete(text, ignoretz=False))
    except _UnknownZoneError as error:
        note = f"unknown time zone {_shown(error.name)} ignored; the time is kept naive"
        return _Reading(_parse_complete(text, ignoretz=True), notes=(note,), zone_understood=False)


def _offset_for_named_utc(match: re.Match[str]) -> str:
    return f"{match['sign']}{int(match['hours']):02d}{match['minutes'] or '00'}"


def _parse_complete(text: str, *, ignoretz: bool) -> datetime.datetime:
    """Parse ``text``; raise :class:`_DateError` if it lacks a day, month or year."""
    first, second = (
        parse(
            text,
            _ParserInfo(),
            default=default,
            ignoretz=ignoretz,
            tzinfos=_zone_for,
            dayfirst=False,
            yearfirst=False,
            fuzzy=False,
        )
        for default in _PROBE_DEFAULTS
    )
    missing = [
        part for part in ("day", "month", "year") if getattr(first, part) != getattr(second, part)
    ]
    if missing:
        raise _DateError(f"no {_or_list(missing)} given", kind="incomplete date")
    _check_year_written(text, first.year)
    return first


def _check_year_written(text: str, year: int) -> None:
    """Refuse a four-digit year below 100 that dateutil read as a two-digit one.

    dateutil takes ``0001`` or ``0099`` for ``01`` or ``99`` and makes it 2001 or 1999.
    """
    runs = _DIGITS.findall(text)
    if any(len(digits) > 2 and int(digits) == year for digits in runs):
        return
    for digits in runs:
        if len(digits) > 2 and int(digits) < 100 and _expand_two_digit_year(int(digits)) == year:
            raise _DateError(f"year {digits!r} is before the year 100, which is not read")


def _or_list(words: list[str]) -> str:
    return " or ".join(words) if len(words) < 3 else ", ".join(words[:-1]) + " or " + words[-1]


def _zone_for(name: str | None, offset: int | None) -> datetime.tzinfo | None:
    """The ``tzinfos`` callback: a written offset wins over a zone name."""
    if offset is None:
        if name is None:
            return None
        offset = ZONE_OFFSETS.get(name)
        if offset is None:
            raise _UnknownZoneError(name)
    if abs(offset) >= 24 * _HOUR:
        sign = "-" if offset < 0 else "+"
        hours, seconds = divmod(abs(offset), _HOUR)
        raise _DateError(f"UTC offset {sign}{hours:02d}:{seconds // 60:02d} is out of range")
    return datetime.timezone(datetime.timedelta(seconds=offset))


def _is_weekday_or_none(word: str | None) -> bool:
    return word is None or word.lower() in WEEKDAY_NAMES


def _names_a_month(text: str) -> bool:
    return any(word.lower() in MONTH_NAMES for word in _WORD.findall(text))


def _reason(error: Exception) -> str:
    # ParserError keeps a "%s" template in args[0]; show it without the text.
    if isinstance(error, ParserError) and error.args and isinstance(error.args[0], str):
        return error.args[0].replace(": %s", "").replace("%s", "").strip()
    if isinstance(error, ArithmeticError):  # OverflowError, decimal.InvalidOperation
        return "a number in it is out of range"
    return str(error) or type(error).__name__


#: Characters of a text that messages quote; a longer one is cut (a header line can be
#: megabytes long, and a warning should not repeat it).
_SHOWN_CHARS = 60


def _shown(text: str) -> str:
    """``repr(text)``, cut to :data:`_SHOWN_CHARS` characters with its length when longer."""
    if len(text) <= _SHOWN_CHARS:
        return repr(text)
    return f"{text[: _SHOWN_CHARS - 1] + '…'!r} ({len(text)} characters)"


def _failure(text: str, warning: str) -> DateResult:
    return DateResult(value=None, raw=text, ambiguous=False, warning=warning)
