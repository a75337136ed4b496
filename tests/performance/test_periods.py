"""Periods as councils print them, with their first and last days."""
import datetime as dt

import pytest

from scrutiny.web.performance.periods import parse_period

D = dt.date


@pytest.mark.parametrize("printed,label,kind,start,end", [
    ("Q1 2022/23", "Q1 2022/23", "quarter", D(2022, 4, 1), D(2022, 6, 30)),
    ("2024/25 Q1", "Q1 2024/25", "quarter", D(2024, 4, 1), D(2024, 6, 30)),
    ("Quarter 4 2021/22", "Q4 2021/22", "quarter", D(2022, 1, 1), D(2022, 3, 31)),
    ("Qtr 3 2021-22", "Q3 2021/22", "quarter", D(2021, 10, 1), D(2021, 12, 31)),
    ("Q1 2025", "Q1 2025", "quarter", D(2025, 1, 1), D(2025, 3, 31)),
    ("Sep 21", "Sep 2021", "month", D(2021, 9, 1), D(2021, 9, 30)),
    ("Mar-22", "Mar 2022", "month", D(2022, 3, 1), D(2022, 3, 31)),
    ("September 2018", "Sep 2018", "month", D(2018, 9, 1), D(2018, 9, 30)),
    ("2021", "2021", "year", D(2021, 1, 1), D(2021, 12, 31)),
    ("2022/23", "2022/23", "financial_year", D(2022, 4, 1), D(2023, 3, 31)),
    ("2021/2022", "2021/22", "financial_year", D(2021, 4, 1), D(2022, 3, 31)),
    ("16/17", "2016/17", "financial_year", D(2016, 4, 1), D(2017, 3, 31)),
    ("academic year 2022/23", "AY 2022/23", "academic_year", D(2022, 9, 1), D(2023, 8, 31)),
    ("Spring 2022", "Spring 2022", "term", D(2022, 1, 1), D(2022, 3, 31)),
    ("Summer 2022", "Summer 2022", "term", D(2022, 4, 1), D(2022, 8, 31)),
    ("Autumn 2025", "Autumn 2025", "term", D(2025, 9, 1), D(2025, 12, 31)),
    ("31/07/2018", "31 Jul 2018", "date", D(2018, 7, 31), D(2018, 7, 31)),
    ("as at 31 March 2022", "31 Mar 2022", "date", D(2022, 3, 31), D(2022, 3, 31)),
    ("Apr 21 - Mar 22", "Apr 2021 to Mar 2022", "span", D(2021, 4, 1), D(2022, 3, 31)),
    ("Q1-2 2022/23", "Q1-2 2022/23", "span", D(2022, 4, 1), D(2022, 9, 30)),
])
def test_periods_have_dates(printed, label, kind, start, end):
    p = parse_period(printed)
    assert (p.label, p.kind, p.start, p.end) == (label, kind, start, end)
    assert p.printed == printed


@pytest.mark.parametrize("printed", ["", "Qx", "Q3", "next year", "2022/25"])
def test_what_is_not_a_period_has_no_dates(printed):
    p = parse_period(printed)
    assert p.kind == "other" and p.start is None and p.end is None


def test_the_same_period_printed_two_ways_is_one():
    assert parse_period("Q1 2022/23").label == parse_period("2022/23 Q1").label == \
        parse_period("Quarter 1 2022-23").label
