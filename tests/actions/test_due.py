"""Due dates read from an action's words, relative to its meeting (no database)."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scrutiny.web.actions.due import add_working_days, resolve_due

JUNE = dt.date(2025, 6, 10)
LATER = [dt.date(2025, 7, 15), dt.date(2025, 9, 16), dt.date(2025, 11, 18), dt.date(2026, 1, 20),
         dt.date(2026, 3, 17)]


@pytest.mark.parametrize("text,due", [
    ("Dr Castellan undertook to provide this by the next meeting.", "2025-07-15"),
    ("a report to the next meeting of the Committee in September", "2025-09-16"),
    ("to be added to the work programme for March 2026.", "2026-03-17"),
    ("a report to come back in March 2027.", "2027-03-31"),
    ("information to be provided by March 2023 at the latest", None),   # before the meeting
    ("by the end of September 2025", "2025-09-30"),
    ("before the end of November 2025", "2025-11-30"),
    ("invited to attend the November meeting", "2025-11-18"),
    ("arranged before the September meeting", "2025-09-16"),
    ("be brought to the meeting on 16 September 2025", "2025-09-16"),
    ("before the Cabinet meeting on 5 February 2026", "2026-02-05"),
    ("a written response within ten working days", "2025-06-24"),
    ("to circulate the information to members within two weeks", "2025-06-24"),
    ("an update in six months' time", "2025-12-10"),
    ("to be circulated following the meeting", "2025-06-24"),
    ("to be reported in the next quarter", "2025-09-30"),
    ("in each quarterly performance report", "2025-09-30"),
    ("before the end of the financial year", "2026-03-31"),
    ("further information would be provided in due course", None),
    ("the Partnership's next annual report include the number", None),
    ("the percentage of plans issued within 20 weeks", None),         # a standard, not a due
    ("contact families within five working days of a missed deadline", None),
    ("children transitioning to secondary school in September 2022", None),
    ("Members requested more detail on the new reporting system.", None),
])
def test_due_dates(text, due):
    got = resolve_due(text, JUNE, LATER)
    assert (got.date.isoformat() if got.date else None) == due, got


def test_next_meeting_unknown_is_two_months_or_the_council_setting():
    assert resolve_due("by the next meeting", JUNE, []).date == dt.date(2025, 8, 10)
    assert resolve_due("by the next meeting", JUNE, [], next_meeting_months=3).date == \
        dt.date(2025, 9, 10)


def test_the_words_and_the_rule_are_kept():
    d = resolve_due("a report to the next meeting", JUNE, LATER)
    assert d.words == "next meeting" and "next meeting" in d.rule
    undated = resolve_due("an update in due course", JUNE, LATER)
    assert undated.date is None and undated.words == "in due course"


def test_an_officers_due_words_may_be_a_bare_month():
    assert resolve_due("March 2026", JUNE, LATER, lenient=True).date == dt.date(2026, 3, 31)


def test_working_days_skip_weekends_and_bank_holidays():
    # Friday 2 May 2025 + 1 working day: Monday 5 May is a bank holiday
    assert add_working_days(dt.date(2025, 5, 2), 1) == dt.date(2025, 5, 6)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 1, 1)))
def test_never_fails_and_never_due_before_the_meeting(text, day):
    d = resolve_due(text, day, [day + dt.timedelta(days=40)])
    assert d.date is None or d.date >= day
