"""Dates with an explicit precision: a day, a month, a quarter, a season or a year.

Editors write them as text; this module is the one place that parses them.
  2024-07-09    a day
  2024-07       a month
  2024-Q3       a quarter
  summer 2024   a season (northern hemisphere: spring Mar-May, summer Jun-Aug,
                autumn Sep-Nov, winter Dec-Feb of the following year)
  2024          a year
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

MONTHS = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
SEASONS = MappingProxyType({"spring": 3, "summer": 6, "autumn": 9, "winter": 12})
EXAMPLES = "2024-07-09, 2024-07, 2024-Q3, summer 2024 or 2024"

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_SEASON = re.compile(r"^(spring|summer|autumn|winter) (\d{4})$")
_YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True, order=True)
class FlexDate:
    """A span of time [start, end] written with a precision; ordered by start, then end."""

    start: date
    end: date
    precision: str
    text: str

    def __str__(self) -> str:
        return self.text

    @property
    def label(self) -> str:
        """How the date reads on the page: '22 July 2019', 'July 2019', 'summer 2024'."""
        s = self.start
        if self.precision == "day":
            return day_label(s)
        if self.precision == "month":
            return f"{MONTHS[s.month]} {s.year}"
        if self.precision == "quarter":
            return f"Q{(s.month - 1) // 3 + 1} {s.year}"
        if self.precision == "season":
            return self.text
        return str(s.year)


def day_label(day: date) -> str:
    """'22 July 2019'."""
    return f"{day.day} {MONTHS[day.month]} {day.year}"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def parse_flex_date(text: str) -> FlexDate:
    """Parse an editor's date; raise ValueError with a message an editor understands."""
    text = text.strip()
    if m := _DAY.match(text):
        year, month, day = map(int, m.groups())
        try:
            d = date(year, month, day)
        except ValueError:
            raise ValueError(f"'{text}' is not a real day") from None
        return FlexDate(d, d, "day", text)
    if m := _MONTH.match(text):
        year, month = map(int, m.groups())
        if not 1 <= month <= 12:
            raise ValueError(f"'{text}' has no month {month}")
        return FlexDate(date(year, month, 1), _month_end(year, month), "month", text)
    if m := _QUARTER.match(text):
        year, quarter = int(m.group(1)), int(m.group(2))
        first = 3 * quarter - 2
        return FlexDate(date(year, first, 1), _month_end(year, first + 2), "quarter", text)
    if m := _SEASON.match(text):
        season, year = m.group(1), int(m.group(2))
        first = SEASONS[season]
        end_year, end_month = _add_months(year, first, 2)
        return FlexDate(date(year, first, 1), _month_end(end_year, end_month), "season", text)
    if m := _YEAR.match(text):
        year = int(m.group(1))
        return FlexDate(date(year, 1, 1), date(year, 12, 31), "year", text)
    raise ValueError(f"'{text}' is not a date this site understands; write it like {EXAMPLES}")


def when(value: FlexDate) -> str:
    """'on 22 July 2019', 'in April 2025', 'in summer 2024': a date inside a sentence."""
    return ("on " if value.precision == "day" else "in ") + value.label


def span_label(start: FlexDate, until: FlexDate | None) -> str:
    """'21 January 2025', or a span as a newspaper writes it: what the two dates share is said once, before
    the second date's own label ('20–21 November 2023', '31 October – 1 November 2025', 'June–July 2024');
    else both labels, the dash spaced ('summer 2024 – autumn 2024')."""
    if until is None:
        return start.label
    s, u = start.start, until.start
    if start.precision == until.precision and s.year == u.year:
        if start.precision == "day":
            return f"{s.day}–{until.label}" if s.month == u.month else f"{s.day} {MONTHS[s.month]} – {until.label}"
        if start.precision == "month":
            return f"{MONTHS[s.month]}–{until.label}"
    return f"{start.label} – {until.label}"
