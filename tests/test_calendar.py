"""Tests of ``newsrecord.parse._calendar``: the names dates are read with are well-formed."""

from __future__ import annotations

from newsrecord.parse._calendar import (
    CYRILLIC_FILLERS,
    CYRILLIC_MONTHS,
    CYRILLIC_WEEKDAYS,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    WEEKDAY_NAMES,
    ZONE_OFFSETS,
)


def test_every_cyrillic_month_is_read_as_an_english_abbreviation() -> None:
    assert set(CYRILLIC_MONTHS.values()) == set(MONTH_ABBREVIATIONS)
    assert CYRILLIC_MONTHS["ноября"] == "Nov"
    assert CYRILLIC_MONTHS["листопада"] == "Nov"  # Ukrainian


def test_weekdays_and_fillers_are_distinct_words() -> None:
    assert len(set(CYRILLIC_WEEKDAYS.values())) == 7
    assert not CYRILLIC_FILLERS & set(CYRILLIC_MONTHS)
    assert not CYRILLIC_FILLERS & set(CYRILLIC_WEEKDAYS)


def test_english_names_are_lower_case_and_zones_upper_case() -> None:
    assert all(name == name.lower() for name in MONTH_NAMES | WEEKDAY_NAMES)
    assert all(zone == zone.upper() for zone in ZONE_OFFSETS)
    assert all(abs(offset) <= 14 * 3600 for offset in ZONE_OFFSETS.values())
