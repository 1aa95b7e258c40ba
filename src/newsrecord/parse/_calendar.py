"""The words dates are read with: time-zone abbreviations, month and weekday names.

Data for ``_dates``: English month and weekday names and abbreviations, the Cyrillic
(Russian, Ukrainian, Belarusian) names mapped to the English abbreviation each is read
as, the Cyrillic words a dateline holds that carry no value, and the UTC offsets of the
zone abbreviations that are read.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

__all__ = [
    "CYRILLIC_FILLERS",
    "CYRILLIC_MONTHS",
    "CYRILLIC_WEEKDAYS",
    "MONTH_ABBREVIATIONS",
    "MONTH_NAMES",
    "WEEKDAY_NAMES",
    "ZONE_OFFSETS",
]

_HOUR: Final = 3600

#: UTC offsets in seconds for the zone abbreviations that are read. Names with
#: more than one common meaning take the US or European one (CST is US Central,
#: BST is British Summer Time). IST (India, Ireland or Israel) is left out on
#: purpose, so it counts as unknown.
ZONE_OFFSETS: Mapping[str, int] = MappingProxyType(
    {
        "UTC": 0,
        "UT": 0,
        "GMT": 0,
        "Z": 0,
        "WET": 0,
        "WEST": 1 * _HOUR,
        "BST": 1 * _HOUR,
        "CET": 1 * _HOUR,
        "CEST": 2 * _HOUR,
        "EET": 2 * _HOUR,
        "EEST": 3 * _HOUR,
        "MSK": 3 * _HOUR,
        "MSD": 4 * _HOUR,
        "EST": -5 * _HOUR,
        "EDT": -4 * _HOUR,
        "CST": -6 * _HOUR,
        "CDT": -5 * _HOUR,
        "MST": -7 * _HOUR,
        "MDT": -6 * _HOUR,
        "PST": -8 * _HOUR,
        "PDT": -7 * _HOUR,
        "AKST": -9 * _HOUR,
        "AKDT": -8 * _HOUR,
        "HST": -10 * _HOUR,
    }
)

# fmt: off
MONTH_ABBREVIATIONS = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun",
    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)

MONTH_NAMES = frozenset(
    {abbreviation.lower() for abbreviation in MONTH_ABBREVIATIONS}
    | {
        "january", "february", "march", "april", "june", "july",
        "august", "sept", "september", "october", "november", "december",
    }
)

WEEKDAY_NAMES = frozenset({
    "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday",
    "thu", "thur", "thurs", "thursday", "fri", "friday",
    "sat", "saturday", "sun", "sunday",
})
# fmt: on

#: Cyrillic month names (genitive, nominative, abbreviations; Russian, Ukrainian,
#: Belarusian) and the English abbreviation each is read as.
CYRILLIC_MONTHS: Mapping[str, str] = MappingProxyType(
    {
        word: MONTH_ABBREVIATIONS[number]
        for number, words in enumerate(
            (
                "января январь янв студзеня студзень сту січня січень січ",
                "февраля февраль фев февр лютага люты лют лютого лютий",
                "марта март мар сакавіка сакавік сак березня березень бер",
                "апреля апрель апр красавіка красавік кра квітня квітень кві",
                "мая май траўня травень тра травня",
                "июня июнь июн чэрвеня чэрвень чэр червня червень чер",
                "июля июль июл ліпеня ліпень ліп липня липень лип",
                "августа август авг жніўня жнівень жні серпня серпень сер",
                "сентября сентябрь сен сент верасня верасень вер вересня вересень",
                "октября октябрь окт кастрычніка кастрычнік кас жовтня жовтень жов",
                "ноября ноябрь ноя нояб лістапада лістапад ліс листопада листопад лис",
                "декабря декабрь дек снежня снежань сне грудня грудень гру",
            )
        )
        for word in words.split()
    }
)

#: Cyrillic weekday names (in the cases a dateline uses) and abbreviations.
CYRILLIC_WEEKDAYS: Mapping[str, str] = MappingProxyType(
    {
        word: english
        for english, words in zip(
            ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
            (
                "понедельник пн панядзелак понеділок",
                "вторник вт аўторак аўт вівторок",
                "среда среду ср серада сераду середа середу",
                "четверг чт чацвер чц четвер",
                "пятница пятницу пт пятніца пятніцу пʼятниця пʼятницю п'ятниця п'ятницю",
                "суббота субботу сб субота суботу",
                "воскресенье вс нядзеля нд неділя",
            ),
            strict=True,
        )
        for word in words.split()
    }
)

#: Cyrillic words a date may hold that carry no value: "года" / "г." after the year,
#: "в" / "у" / "о" before the time.
CYRILLIC_FILLERS = frozenset({"года", "год", "г", "рок", "року", "в", "у", "о", "об"})
