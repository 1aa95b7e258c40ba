"""Tests of ``newsrecord.parse._dates``: publication dates read without guessing."""

from __future__ import annotations

import datetime
import time
import zoneinfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsrecord.parse import _dates
from newsrecord.parse._calendar import ZONE_OFFSETS
from newsrecord.parse._dates import DateResult, parse_date, resolve_timezone

UTC = datetime.timezone.utc
MINSK = zoneinfo.ZoneInfo("Europe/Minsk")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
dt = datetime.datetime


def hours(offset: float) -> datetime.timezone:
    return datetime.timezone(datetime.timedelta(hours=offset))


def same_instant_and_offset(got: datetime.datetime | None, want: datetime.datetime) -> bool:
    """Equal as datetimes, and with the same offset (== alone ignores offsets)."""
    return got is not None and got == want and got.utcoffset() == want.utcoffset()


property_settings = settings(deadline=None, max_examples=60)
dates = st.datetimes(
    min_value=datetime.datetime(1900, 1, 1), max_value=datetime.datetime(2100, 12, 31, 23, 59, 59)
)


# --- 1. ISO 8601 fast path ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2023-11-08T16:38:00Z", dt(2023, 11, 8, 16, 38, tzinfo=UTC)),
        ("2023-11-08t16:38:00z", dt(2023, 11, 8, 16, 38, tzinfo=UTC)),
        ("2023-11-08 16:38", dt(2023, 11, 8, 16, 38)),
        ("2023-11-08T16:38:00+03:00", dt(2023, 11, 8, 16, 38, tzinfo=hours(3))),
        ("2023-11-08T16:38:00-0530", dt(2023, 11, 8, 16, 38, tzinfo=hours(-5.5))),
        ("2023-11-08T16:38+03", dt(2023, 11, 8, 16, 38, tzinfo=hours(3))),
        ("2023-11-08", dt(2023, 11, 8)),
        ("2023-11-08T16:38:05.25", dt(2023, 11, 8, 16, 38, 5, 250000)),
        ("2023-11-08T16:38:05,123456789Z", dt(2023, 11, 8, 16, 38, 5, 123456, tzinfo=UTC)),
        ("20231108", dt(2023, 11, 8)),
        ("20231108T163800", dt(2023, 11, 8, 16, 38)),
        ("20231108T1638Z", dt(2023, 11, 8, 16, 38, tzinfo=UTC)),
        ("20231108T163800+0300", dt(2023, 11, 8, 16, 38, tzinfo=hours(3))),
    ],
)
def test_iso_8601(raw: str, expected: datetime.datetime) -> None:
    result = parse_date(raw)
    assert same_instant_and_offset(result.value, expected)
    assert result == DateResult(value=result.value, raw=raw, ambiguous=False, warning=None)


def test_iso_date_only_is_naive_midnight() -> None:
    value = parse_date("2023-11-08").value
    assert value == dt(2023, 11, 8)
    assert value is not None
    assert value.tzinfo is None


def test_iso_does_not_call_dateutil(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dateutil(*args: object, **kwargs: object) -> datetime.datetime:
        raise AssertionError("dateutil was called")

    monkeypatch.setattr(_dates, "parse", no_dateutil)
    for raw in ("2023-11-08T16:38:00Z", "2023-11-08 16:38", "2023-11-08", "20231108T163800"):
        assert parse_date(raw).value is not None


@pytest.mark.parametrize(
    "raw",
    [
        "2023-11-08T24:00",
        "2023-11-08T16:38+99:00",
        "2023-11-08T16:38+24:00",
        "2023-11-08T16:38+03:60",
        "2023-02-29",
        "2023-13-01T00:00",
        "2023-11-08T16:60",
    ],
)
def test_invalid_iso_is_none_with_warning(raw: str) -> None:
    result = parse_date(raw)
    assert result.value is None
    assert result.warning is not None
    assert result.warning.startswith(f"unparsable date {raw!r}")


@property_settings
@given(
    dates,
    st.integers(min_value=-(23 * 60 + 59), max_value=23 * 60 + 59),
    st.sampled_from(["T", " "]),
)
def test_iso_round_trip_with_offsets(d: datetime.datetime, minutes: int, sep: str) -> None:
    aware = d.replace(tzinfo=datetime.timezone(datetime.timedelta(minutes=minutes)))
    assert same_instant_and_offset(parse_date(aware.isoformat(sep=sep)).value, aware)
    assert parse_date(d.isoformat(sep=sep)).value == d


# --- 2. dotted dates are day first -------------------------------------------------------


@pytest.mark.parametrize("dayfirst", [False, True])
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("08.11.2023", dt(2023, 11, 8)),
        ("8.11.2023", dt(2023, 11, 8)),
        ("08.11.2023 16:38:00", dt(2023, 11, 8, 16, 38)),
        ("08.11.2023, 16:38", dt(2023, 11, 8, 16, 38)),
        ("08.11.2023 4:38 PM", dt(2023, 11, 8, 16, 38)),
        ("Wed, 08.11.2023 16:38", dt(2023, 11, 8, 16, 38)),
        ("08.11.2023 16:38 MSK", dt(2023, 11, 8, 16, 38, tzinfo=hours(3))),
        ("08.11.2023 16:38:00 +0300", dt(2023, 11, 8, 16, 38, tzinfo=hours(3))),
        ("8.11.23", dt(2023, 11, 8)),
        ("2023.11.08", dt(2023, 11, 8)),
    ],
)
def test_dotted_dates_are_day_first(raw: str, expected: datetime.datetime, dayfirst: bool) -> None:
    result = parse_date(raw, dayfirst=dayfirst)
    assert same_instant_and_offset(result.value, expected)
    assert not result.ambiguous
    assert result.warning is None


def test_dotted_date_with_month_above_12_is_not_swapped() -> None:
    result = parse_date("11.25.2023")
    assert result.value is None
    assert result.warning is not None


@property_settings
@given(dates)
def test_dotted_round_trip(d: datetime.datetime) -> None:
    assert parse_date(d.strftime("%d.%m.%Y %H:%M:%S")).value == d.replace(microsecond=0)


# --- two-digit years ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("yy", "year"), [(0, 2000), (23, 2023), (68, 2068), (69, 1969), (99, 1999)]
)
def test_two_digit_years_follow_the_posix_pivot(yy: int, year: int) -> None:
    for raw in (f"8.11.{yy:02d}", f"08/11/{yy:02d}", f"8 Nov {yy:02d}", f"Nov 8, {yy:02d}"):
        value = parse_date(raw, dayfirst=True).value
        assert value is not None, raw
        assert (value.year, value.month, value.day) == (year, 11, 8), raw


@property_settings
@given(st.integers(min_value=0, max_value=99))
def test_two_digit_year_property(yy: int) -> None:
    expected = 2000 + yy if yy < 69 else 1900 + yy
    for raw in (f"15.03.{yy:02d}", f"15 March {yy:02d}"):
        value = parse_date(raw).value
        assert value is not None
        assert value.year == expected


@pytest.mark.parametrize("year", ["1", "123", "10000", "020231"])
def test_year_must_have_two_or_four_digits(year: str) -> None:
    result = parse_date(f"01.01.{year}")
    assert result.value is None
    assert result.warning is not None
    assert "two or four digits" in result.warning


# --- 3. slashed and dashed dates ---------------------------------------------------------


@pytest.mark.parametrize("raw", ["03/04/2023", "03-04-2023", "3/4/2023", "03/04/23"])
@pytest.mark.parametrize(
    ("dayfirst", "expected"), [(False, dt(2023, 3, 4)), (True, dt(2023, 4, 3))]
)
def test_ambiguous_slashed_dates_follow_dayfirst(
    raw: str, dayfirst: bool, expected: datetime.datetime
) -> None:
    result = parse_date(raw, dayfirst=dayfirst)
    assert result.value == expected
    assert result.ambiguous
    assert result.warning is not None
    assert result.warning.startswith(f"ambiguous date {raw!r}")
    assert f"dayfirst={not dayfirst}" in result.warning


def test_ambiguous_warning_names_both_readings() -> None:
    warning = parse_date("03/04/2023", dayfirst=True).warning
    assert warning == (
        "ambiguous date '03/04/2023' read as day first (2023-04-03); "
        "pass dayfirst=False to read it as month first (2023-03-04)"
    )


def test_ambiguous_date_with_time() -> None:
    result = parse_date("03/04/2023 16:38:00 EST", dayfirst=True)
    assert same_instant_and_offset(result.value, dt(2023, 4, 3, 16, 38, tzinfo=hours(-5)))
    assert result.ambiguous
    assert result.warning is not None
    assert result.warning.startswith("ambiguous date '03/04/2023' read as day first")


@pytest.mark.parametrize("dayfirst", [False, True])
@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("25/12/2023", dt(2023, 12, 25)),
        ("12/25/2023", dt(2023, 12, 25)),
        ("25-12-2023", dt(2023, 12, 25)),
        ("12-25-2023 16:38", dt(2023, 12, 25, 16, 38)),
        ("05/05/2023", dt(2023, 5, 5)),
        ("2023/11/08", dt(2023, 11, 8)),
        ("2023/11/08 16:38", dt(2023, 11, 8, 16, 38)),
        ("2023-11-08 16:38 EST", dt(2023, 11, 8, 16, 38, tzinfo=hours(-5))),
        ("2023-11-08T16:38 EST", dt(2023, 11, 8, 16, 38, tzinfo=hours(-5))),
        ("2023-1-8", dt(2023, 1, 8)),
    ],
)
def test_determined_slashed_dates_are_not_ambiguous(
    raw: str, expected: datetime.datetime, dayfirst: bool
) -> None:
    result = parse_date(raw, dayfirst=dayfirst)
    assert same_instant_and_offset(result.value, expected)
    assert not result.ambiguous
    assert result.warning is None


@pytest.mark.parametrize("raw", ["99/99/9999", "13/13/2023", "00/13/2023", "123/11/2023"])
def test_impossible_slashed_dates(raw: str) -> None:
    result = parse_date(raw)
    assert result.value is None
    assert not result.ambiguous
    assert result.warning is not None


@property_settings
@given(dates, st.booleans(), st.booleans(), st.sampled_from("/-"))
def test_slashed_property(
    d: datetime.datetime, written_dayfirst: bool, dayfirst: bool, sep: str
) -> None:
    first, second = (d.day, d.month) if written_dayfirst else (d.month, d.day)
    result = parse_date(f"{first:02d}{sep}{second:02d}{sep}{d.year}", dayfirst=dayfirst)
    ambiguous = d.day <= 12 and d.month <= 12 and d.day != d.month
    assert result.ambiguous == ambiguous
    assert (result.warning is not None) == ambiguous
    if not ambiguous or written_dayfirst == dayfirst:
        assert result.value == datetime.datetime(d.year, d.month, d.day)
    else:
        assert result.value == datetime.datetime(d.year, d.day, d.month)


# --- 4. named months, times and zones ----------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("8 November 2023", dt(2023, 11, 8)),
        ("November 8, 2023", dt(2023, 11, 8)),
        ("8th November 2023", dt(2023, 11, 8)),
        ("Sept 8, 2023", dt(2023, 9, 8)),
        ("Nov. 8, 2023 4:38 PM", dt(2023, 11, 8, 16, 38)),
        ("Nov 8, 2023 12:05 am", dt(2023, 11, 8, 0, 5)),
        ("Wednesday, 8 November 2023 16:38 MSK", dt(2023, 11, 8, 16, 38, tzinfo=hours(3))),
        ("8 Nov 2023 16:38 +0300", dt(2023, 11, 8, 16, 38, tzinfo=hours(3))),
        ("8 Nov 2023 16:38 +03:00 (MSK)", dt(2023, 11, 8, 16, 38, tzinfo=hours(3))),
        ("Wed, 08 Nov 2023 16:38:00 GMT", dt(2023, 11, 8, 16, 38, tzinfo=UTC)),
        ("Wed, 08 Nov 2023 16:38:00 +0000", dt(2023, 11, 8, 16, 38, tzinfo=UTC)),
        ("Wed, 08 Nov 2023 16:38:00 -0500", dt(2023, 11, 8, 16, 38, tzinfo=hours(-5))),
        ("Nov 8, 2023 at 4:38 p.m. EST", dt(2023, 11, 8, 16, 38, tzinfo=hours(-5))),
        ("Nov 8, 2023 4:38 PM PDT", dt(2023, 11, 8, 16, 38, tzinfo=hours(-7))),
        ("8 November 2023 16:38 CET", dt(2023, 11, 8, 16, 38, tzinfo=hours(1))),
        ("8 June 2023 16:38 CEST", dt(2023, 6, 8, 16, 38, tzinfo=hours(2))),
        ("8 June 2023 16:38 BST", dt(2023, 6, 8, 16, 38, tzinfo=hours(1))),
        ("8 Nov 2023 16:38 UTC", dt(2023, 11, 8, 16, 38, tzinfo=UTC)),
        ("8 Nov 2023 16:38 Z", dt(2023, 11, 8, 16, 38, tzinfo=UTC)),
        ("8 Nov 2023 16:38:05.25", dt(2023, 11, 8, 16, 38, 5, 250000)),
    ],
)
def test_named_months(raw: str, expected: datetime.datetime) -> None:
    result = parse_date(raw)
    assert same_instant_and_offset(result.value, expected)
    assert not result.ambiguous
    assert result.warning is None


@pytest.mark.parametrize(
    ("raw", "offset"),
    [
        ("8 Nov 2023 16:38 GMT+3", 3),
        ("8 Nov 2023 16:38 UTC+03:00", 3),
        ("8 Nov 2023 16:38 UTC-5", -5),
        ("Wed Nov 08 2023 16:38:00 GMT+0300", 3),
        ("8 Nov 2023 16:38 GMT+0530", 5.5),
    ],
)
def test_gmt_plus_means_east_of_utc(raw: str, offset: float) -> None:
    # dateutil reads "GMT+3" the POSIX way, as UTC-3.
    result = parse_date(raw)
    assert same_instant_and_offset(result.value, dt(2023, 11, 8, 16, 38, tzinfo=hours(offset)))


def test_zone_names_do_not_depend_on_the_local_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    # dateutil maps a name in time.tzname to the machine's local zone.
    monkeypatch.setattr(time, "tzname", ("MSK", "MSK"))
    value = parse_date("8 Nov 2023 16:38 MSK").value
    assert same_instant_and_offset(value, dt(2023, 11, 8, 16, 38, tzinfo=hours(3)))


@pytest.mark.parametrize("zone", ["XYZ", "IST", "ABCDE"])
def test_unknown_zone_keeps_naive_wall_time_with_warning(zone: str) -> None:
    result = parse_date(f"8 Nov 2023 16:38 {zone}")
    assert result.value == dt(2023, 11, 8, 16, 38)
    assert result.value is not None
    assert result.value.tzinfo is None
    assert result.warning == f"unknown time zone {zone!r} ignored; the time is kept naive"
    assert not result.ambiguous


def test_unknown_zone_is_not_replaced_by_the_default_timezone() -> None:
    result = parse_date("08.11.2023 16:38 XYZ", default_timezone="Europe/Minsk")
    assert result.value is not None
    assert result.value.tzinfo is None
    assert result.warning is not None


def test_written_offset_wins_over_unknown_zone_name() -> None:
    result = parse_date("8 Nov 2023 16:38 +0300 (XYZ)")
    assert same_instant_and_offset(result.value, dt(2023, 11, 8, 16, 38, tzinfo=hours(3)))
    assert result.warning is None


@property_settings
@given(dates, st.sampled_from(sorted(ZONE_OFFSETS.items())), st.booleans())
def test_named_month_round_trip(
    d: datetime.datetime, zone: tuple[str, int], rfc_2822: bool
) -> None:
    name, offset = zone
    month = MONTHS[d.month - 1]
    clock = f"{d.hour:02d}:{d.minute:02d}:{d.second:02d}"
    if rfc_2822:
        raw = f"{WEEKDAYS[d.weekday()][:3]}, {d.day:02d} {month[:3]} {d.year} {clock} {name}"
    else:
        raw = f"{month} {d.day}, {d.year} {clock} {name}"
    expected = d.replace(
        microsecond=0, tzinfo=datetime.timezone(datetime.timedelta(seconds=offset))
    )
    assert same_instant_and_offset(parse_date(raw).value, expected)


# --- 5. missing parts are never invented -------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "missing"),
    [
        ("November 2023", "no day given"),
        ("Nov 2023 16:38", "no day given"),
        ("8 November", "no year given"),
        ("November 8 16:38 EST", "no year given"),
        ("16:38", "no day, month or year given"),
        ("Wednesday", "no day, month or year given"),
        ("Wednesday, November 2023", "no day given"),
        ("2023", "no day or month given"),
        ("08.11", "no month or year given"),
    ],
)
def test_incomplete_dates_are_none(raw: str, missing: str) -> None:
    result = parse_date(raw)
    assert result.value is None
    assert result.warning == f"incomplete date {raw!r}: {missing}"


@property_settings
@given(dates, st.sampled_from(["%d %B", "%B %Y", "%B %d", "%H:%M", "%A %H:%M", "%A, %B %Y"]))
def test_incomplete_dates_property(d: datetime.datetime, layout: str) -> None:
    raw = (
        layout.replace("%d", str(d.day))
        .replace("%B", MONTHS[d.month - 1])
        .replace("%Y", str(d.year))
        .replace("%H", f"{d.hour:02d}")
        .replace("%M", f"{d.minute:02d}")
        .replace("%A", WEEKDAYS[d.weekday()])
    )
    result = parse_date(raw)
    assert result.value is None
    assert result.warning is not None
    assert result.warning.startswith("incomplete date")


@pytest.mark.parametrize("fake_year", [1950, 2090])
def test_results_do_not_depend_on_the_current_year(
    monkeypatch: pytest.MonkeyPatch, fake_year: int
) -> None:
    # dateutil reads the current year for two-digit years (and today for missing parts).
    fake_now = time.struct_time((fake_year, 6, 15, 12, 0, 0, 0, 166, 0))
    monkeypatch.setattr(time, "localtime", lambda *_: fake_now)
    assert parse_date("8 Nov 23").value == dt(2023, 11, 8)
    assert parse_date("8 Nov 75").value == dt(1975, 11, 8)
    assert parse_date("8 November").value is None
    assert parse_date("November 2023").value is None


# --- 6. unparsable input -----------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "yesterday",
        "31.02.2023",
        "29.02.2023",
        "31 February 2023",
        "99/99/9999",
        "01.01.10000",
        "8 Nov 10000",
        "8 Nov 99999999999999999999",
        "99999999999999999999999999999999999999999999h",
        "8 Nov 2023 16:99999999999999999999999999999999999999999999",
        "garbage",
        "Posted: 08.11.2023",
        "8 Nov 2023 16:38 +99:00",
        "8 Nov 2023 16:38 +2400",
        "8 Nov 2023 16:38 GMT+99",
        "8 Nov 2023 13:38 PM",
        "1699461480",
        "08 11 2023",
        "2023 11 08",
        "\x00",
    ],
)
def test_unparsable_is_none_with_warning(raw: str) -> None:
    result = parse_date(raw)
    assert result.value is None
    assert not result.ambiguous
    assert result.warning is not None
    assert result.warning.startswith(("unparsable date", "incomplete date"))


@pytest.mark.parametrize("raw", ["", "   ", "\n\t"])
def test_empty_string(raw: str) -> None:
    assert parse_date(raw) == DateResult(
        value=None, raw="", ambiguous=False, warning="empty date string"
    )


def test_numeric_layouts_are_not_guessed() -> None:
    warning = parse_date("08 11 2023").warning
    assert warning is not None
    assert "the order is not guessed" in warning


def test_offset_out_of_range_is_explained() -> None:
    assert parse_date("8 Nov 2023 16:38 +99:00").warning == (
        "unparsable date '8 Nov 2023 16:38 +99:00': UTC offset +99:00 is out of range"
    )


def check_invariants(raw: str, result: DateResult) -> None:
    assert result.raw == raw.strip()
    if result.value is None:
        assert result.warning is not None
        assert not result.ambiguous
    if result.ambiguous:
        assert result.warning is not None


@property_settings
@given(st.text(), st.booleans())
def test_never_raises_on_any_text(raw: str, dayfirst: bool) -> None:
    check_invariants(raw, parse_date(raw, dayfirst=dayfirst))


@property_settings
@given(st.text(alphabet="0123456789./-:+, TZapmJanNovMSKESTGMTWed", max_size=30))
def test_never_raises_on_date_like_text(raw: str) -> None:
    check_invariants(raw, parse_date(raw, default_timezone=UTC))


# --- 6b. Cyrillic month names ----------------------------------------------------------

RU_GENITIVE = (
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
).split()
RU_NOMINATIVE = (
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь"
).split()
UK_GENITIVE = (
    "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня"
).split()
BE_GENITIVE = (
    "студзеня лютага сакавіка красавіка траўня чэрвеня ліпеня жніўня верасня кастрычніка "
    "лістапада снежня"
).split()


@pytest.mark.parametrize("names", [RU_GENITIVE, UK_GENITIVE, BE_GENITIVE])
@pytest.mark.parametrize("month", range(1, 13))
def test_cyrillic_genitive_months(names: list[str], month: int) -> None:
    result = parse_date(f"8 {names[month - 1]} 2023")
    assert result.value == dt(2023, month, 8)
    assert result.warning is None


@pytest.mark.parametrize("month", range(1, 13))
def test_russian_nominative_months_with_a_day(month: int) -> None:
    # the nominative stands in "ноябрь 8, 2023" and in month-year lines
    name = RU_NOMINATIVE[month - 1]
    assert parse_date(f"{name.capitalize()} 8, 2023").value == dt(2023, month, 8)
    result = parse_date(f"{name} 2023")
    assert result.value is None
    assert result.warning == f"incomplete date {name + ' 2023'!r}: no day given"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("8 ноября 2023", dt(2023, 11, 8)),
        ("8 ноября 2023 года", dt(2023, 11, 8)),
        ("8 ноября 2023 г.", dt(2023, 11, 8)),
        ("8 НОЯБРЯ 2023 ГОДА", dt(2023, 11, 8)),
        ("8 нояб. 2023", dt(2023, 11, 8)),
        ("8 ноября 2023 года, 16:38", dt(2023, 11, 8, 16, 38)),
        ("8 ноября 2023 г. в 16:38", dt(2023, 11, 8, 16, 38)),
        ("Среда, 8 ноября 2023, 16:38", dt(2023, 11, 8, 16, 38)),
        ("Ср, 08.11.2023 16:38", dt(2023, 11, 8, 16, 38)),
        ("08.11.2023 16:38", dt(2023, 11, 8, 16, 38)),
        ("8 ноября 2023 16:38 мск", dt(2023, 11, 8, 16, 38, tzinfo=hours(3))),
        ("8 ноября 2023 16:38 GMT+3", dt(2023, 11, 8, 16, 38, tzinfo=hours(3))),
        ("8 листопада 2023 року о 16:38", dt(2023, 11, 8, 16, 38)),
    ],
)
def test_russian_dates(raw: str, expected: datetime.datetime) -> None:
    result = parse_date(raw)
    assert same_instant_and_offset(result.value, expected)
    assert result.warning is None


@pytest.mark.parametrize(
    ("raw", "warning"),
    [
        ("8 ноября", "incomplete date '8 ноября': no year given"),
        (
            "8 хрюня 2023",
            "unparsable date '8 хрюня 2023': 'хрюня' is not a month, weekday or zone name",
        ),
        ("вчера", "unparsable date 'вчера': 'вчера' is not a month, weekday or zone name"),
    ],
)
def test_unreadable_russian_dates(raw: str, warning: str) -> None:
    result = parse_date(raw)
    assert result.value is None
    assert result.warning == warning


@property_settings
@given(dates, st.sampled_from(["", " года", " г."]))
def test_russian_date_round_trip(d: datetime.datetime, year_word: str) -> None:
    raw = f"{d.day} {RU_GENITIVE[d.month - 1]} {d.year}{year_word} {d:%H:%M:%S}"
    assert parse_date(raw).value == d.replace(microsecond=0)


@property_settings
@given(st.text(alphabet="0123456789.,: ноябряьгодвмскСрНОЯБ", max_size=30))
def test_never_raises_on_russian_date_like_text(raw: str) -> None:
    check_invariants(raw, parse_date(raw))


# --- 7. default_timezone -----------------------------------------------------------------


@pytest.mark.parametrize("zone", ["Europe/Minsk", MINSK])
@pytest.mark.parametrize(
    ("raw", "wall"),
    [
        ("08.11.2023 16:38", dt(2023, 11, 8, 16, 38)),
        ("2023-11-08T16:38", dt(2023, 11, 8, 16, 38)),
        ("November 8, 2023 4:38 PM", dt(2023, 11, 8, 16, 38)),
        ("2023-11-08", dt(2023, 11, 8)),
    ],
)
def test_default_timezone_makes_naive_results_aware(
    raw: str, wall: datetime.datetime, zone: str | datetime.tzinfo
) -> None:
    value = parse_date(raw, default_timezone=zone).value
    assert value is not None
    assert value.tzinfo is MINSK
    assert value.replace(tzinfo=None) == wall


@pytest.mark.parametrize(
    "raw", ["2023-11-08T16:38:00Z", "8 Nov 2023 16:38 EST", "08.11.2023 16:38 +0100"]
)
def test_default_timezone_leaves_aware_results_alone(raw: str) -> None:
    plain = parse_date(raw).value
    assert plain is not None
    assert plain.tzinfo is not None
    assert same_instant_and_offset(parse_date(raw, default_timezone="Europe/Minsk").value, plain)


@pytest.mark.parametrize("raw", ["08.11.2023", "garbage", ""])
def test_unknown_default_timezone_raises(raw: str) -> None:
    with pytest.raises(ValueError, match="unknown time zone 'Mars/Olympus'"):
        parse_date(raw, default_timezone="Mars/Olympus")


def test_unparsable_with_default_timezone_is_none() -> None:
    assert parse_date("garbage", default_timezone="UTC").value is None


# --- resolve_timezone --------------------------------------------------------------------


def test_resolve_timezone_returns_tzinfo_unchanged() -> None:
    zone = hours(3)
    assert resolve_timezone(zone) is zone


@pytest.mark.parametrize("name", ["Europe/Minsk", "UTC", "America/New_York"])
def test_resolve_timezone_by_name(name: str) -> None:
    assert resolve_timezone(name) == zoneinfo.ZoneInfo(name)


@pytest.mark.parametrize(
    "name", ["Mars/Olympus", "", "Europe", "europe/minsk", "../etc/passwd", "/etc/localtime", "MSK"]
)
def test_resolve_timezone_rejects_unknown_names(name: str) -> None:
    with pytest.raises(ValueError, match="unknown time zone"):
        resolve_timezone(name)


# --- 8. seconds and microseconds ---------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "second", "microsecond"),
    [
        ("08.11.2023 16:38:05", 5, 0),
        ("08.11.2023 16:38", 0, 0),
        ("8 Nov 2023 16:38:59", 59, 0),
        ("8 Nov 2023 16:38:05.5", 5, 500000),
        ("2023-11-08T16:38:05", 5, 0),
        ("2023-11-08T16:38:05.000123", 5, 123),
    ],
)
def test_seconds_and_microseconds_as_written(raw: str, second: int, microsecond: int) -> None:
    value = parse_date(raw).value
    assert value is not None
    assert (value.second, value.microsecond) == (second, microsecond)


def test_raw_is_stripped() -> None:
    result = parse_date("  08.11.2023 16:38\n")
    assert result.raw == "08.11.2023 16:38"
    assert result.value == dt(2023, 11, 8, 16, 38)


def test_result_is_frozen() -> None:
    result = parse_date("08.11.2023")
    with pytest.raises(AttributeError):
        result.raw = "x"  # type: ignore[misc]
