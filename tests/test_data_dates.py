"""Dates as editors write them (data/dates.py): a day, a month, a quarter, a season or a year, each a span."""
from datetime import date

import pytest

from build_scripts.data.dates import parse_flex_date, span_label


@pytest.mark.parametrize(
    "text, start, end, precision, label",
    [
        ("2019-07-22", date(2019, 7, 22), date(2019, 7, 22), "day", "22 July 2019"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month", "February 2024"),
        ("2024-Q3", date(2024, 7, 1), date(2024, 9, 30), "quarter", "Q3 2024"),
        ("summer 2024", date(2024, 6, 1), date(2024, 8, 31), "season", "summer 2024"),
        ("winter 2024", date(2024, 12, 1), date(2025, 2, 28), "season", "winter 2024"),
        ("2021", date(2021, 1, 1), date(2021, 12, 31), "year", "2021"),
    ],
)
def test_each_precision_is_a_span(text, start, end, precision, label):
    parsed = parse_flex_date(text)
    assert (parsed.start, parsed.end, parsed.precision, parsed.label) == (start, end, precision, label)


@pytest.mark.parametrize(
    "text, message",
    [
        ("2025-02-30", "'2025-02-30' is not a real day"),
        ("2025-13", "'2025-13' has no month 13"),
        ("July 2019", "'July 2019' is not a date this site understands"),
        ("2024-Q5", "'2024-Q5' is not a date this site understands"),
    ],
)
def test_impossible_dates_are_refused_with_the_reason(text, message):
    with pytest.raises(ValueError, match=message):
        parse_flex_date(text)


def test_a_season_is_never_a_single_day():
    summer = parse_flex_date("summer 2024")
    assert summer.start != summer.end
    assert summer.text == "summer 2024"


@pytest.mark.parametrize("start, until, words", [
    ("summer 2024", "autumn 2024", "summer 2024 – autumn 2024"),
    ("2023-11-21", "2023-11-22", "21–22 November 2023"),
    ("2025-10-31", "2025-11-01", "31 October – 1 November 2025"),
    ("2024-12-30", "2025-01-02", "30 December 2024 – 2 January 2025"),
    ("2024-06", "2024-07", "June–July 2024"),
    ("2024-11", "2025-02", "November 2024 – February 2025"),
    ("2024-06", "2024-07-15", "June 2024 – 15 July 2024"),
])
def test_span_label_says_what_the_two_dates_share_once(start, until, words):
    assert span_label(parse_flex_date(start), parse_flex_date(until)) == words
