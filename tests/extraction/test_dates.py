import datetime as dt

from hypothesis import given, strategies as st

from scrutiny.extraction.dates import find_dates, parse_date, parse_time
from tests.seeds import seed_lines

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def test_dates_on_real_heading_lines():
    # Warwickshire front sheet, Leicestershire "Date/Time", Worcestershire run-together line
    assert parse_date(seed_lines("000")[2]) == "2022-03-16"
    assert parse_time(seed_lines("000")[4]) == "10:00"
    line = next(x for x in seed_lines("002") if x.startswith("Date/Time"))
    assert (parse_date(line), parse_time(line)) == ("2022-09-06", "14:00")
    line = seed_lines("004")[8]
    assert (parse_date(line), parse_time(line)) == ("2022-11-03", "10:00")
    # a running header printing the date as 16.11.21
    assert "2021-11-16" in [f.value for f in find_dates("\n".join(seed_lines("000")[330:335]))]


def test_time_range_sign_off_gives_start_time():
    assert parse_time("2.00 - 3.24 pm") == "14:00"
    assert parse_time("The meeting ended at 12.15 pm") == "12:15"
    assert parse_time("at 10am on 22 February 2022") == "10:00"


def test_no_date_is_invented():
    assert parse_date("Item 31 of 2022/23") is None
    assert parse_date("The 45 day target") is None
    assert parse_date("31 February 2022") is None


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)),
       st.booleans(), st.sampled_from(["", "st", "nd", "rd", "th"]), st.booleans())
def test_any_printed_date_reads_back(d, with_day, suffix, comma):
    day = f"{DAYS[d.weekday()]}{',' if comma else ''} " if with_day else ""
    text = f"Meeting on {day}{d.day}{suffix} {MONTHS[d.month - 1]}{',' if comma else ''} {d.year} at noon"
    assert parse_date(text) == d.isoformat()


@given(st.integers(1, 12), st.integers(0, 59), st.sampled_from(["am", "pm", "a.m.", "p.m.", " pm", " am"]),
       st.sampled_from([".", ":"]))
def test_any_twelve_hour_time_reads_as_24_hour(h, m, ampm, sep):
    got = parse_time(f"Time: {h}{sep}{m:02d}{ampm}")
    hour = (h % 12) + (12 if "p" in ampm else 0)
    assert got == f"{hour:02d}:{m:02d}"
