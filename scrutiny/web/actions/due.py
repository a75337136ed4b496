"""When an action is due: a date read from its words, relative to the meeting.

Pure functions (no database): `resolve_due(text, meeting_date, later_meetings)` gives a
`Due` with the date, the words it was read from and the rule used.

| words | due |
|---|---|
| "in due course", "a future meeting" | no date (stays undated) |
| "16 September 2025", "before the Cabinet meeting on 5 February 2026" | that day |
| "by the end of September 2025", "before the end of November 2025" | the last day of that month |
| "March 2023" after by / before / until / for / in a report ... | the last day of that month; "the work programme for March 2026", "the meeting in March 2026": the committee's meeting in that month when known |
| "the November meeting", "before the March meeting" | the committee's next meeting in that month, else the end of that month |
| "next meeting" (of the committee, "... in September") | the committee's next known meeting (in that month), else the meeting date + 2 months |
| "first meeting of the 2026/27 municipal year" | the first known meeting from 1 May 2026, else 30 June 2026 |
| "within ten working days" | ten working days (weekends and bank holidays in England skipped) |
| "within two weeks", "in six months' time", "within 3 months" | that long after the meeting |
| "following the meeting", "after the meeting" | two weeks after the meeting |
| "next quarter", "quarterly", "each quarterly report" | the end of the next quarter |
| "end of the month / quarter / year", "end of the financial year" | that end |
| "next year" | the end of the next calendar year |
| "annually", "each year" | a year after the meeting |
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
def _month(group: str = "month") -> str:
    return f"(?P<{group}>" + "|".join(MONTHS) + ")"


_MONTH = _month()
_NUMBERS = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
            "fifteen": 15, "twenty": 20, "thirty": 30, "few": 3, "couple": 2}
def _num(group: str = "n") -> str:
    return rf"(?P<{group}>\d{{1,3}}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + r")"


_NUM = _num()


@dataclass(frozen=True)
class Due:
    date: dt.date | None
    words: str = ""
    rule: str = ""


UNDATED = Due(None, "", "")


def add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def end_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def end_of_quarter(d: dt.date) -> dt.date:
    q_end_month = ((d.month - 1) // 3 + 1) * 3
    return end_of_month(d.year, q_end_month)


def end_of_next_quarter(d: dt.date) -> dt.date:
    return end_of_quarter(add_months(dt.date(d.year, d.month, 1), 3))


@lru_cache(maxsize=64)
def _bank_holidays(year: int) -> frozenset:
    try:
        import holidays
        return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))
    except Exception:  # noqa: BLE001 - weekends alone are still a fair reading
        return frozenset()


def add_working_days(d: dt.date, n: int) -> dt.date:
    day = d
    while n > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in _bank_holidays(day.year):
            n -= 1
    return day


def _number(s: str) -> int | None:
    s = s.lower()
    if s.isdigit():
        return int(s)
    return _NUMBERS.get(s)


def _month_no(name: str) -> int:
    return MONTHS.index(name.capitalize()) + 1


def _year_for(month: int, after: dt.date) -> int:
    """A month named without its year: the next such month from the meeting."""
    return after.year if month >= after.month else after.year + 1


def meeting_in_month(later: list[dt.date], year: int, month: int) -> dt.date | None:
    return next((d for d in later if d.year == year and d.month == month), None)


# ---------------------------------------------------------------- the rules, in order
_DUE_COURSE = re.compile(r"\bin\s+due\s+course\b|\bat\s+an?\s+(?:future|later)\s+(?:date|meeting)\b|"
                         r"\bto\s+a\s+future\s+meeting\b|\bwhen\s+available\b", re.I)
_FULL_DATE = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>20\d\d)\b")
_END_OF_MONTH = re.compile(r"\b(?:by\s+|before\s+|until\s+)?(?:the\s+)?end\s+of\s+" + _MONTH +
                           r"(?:\s+(?P<year>20\d\d))?\b")
_WORKING_DAYS = re.compile(r"\b(?:within|in)\s+" + _NUM + r"\s+working\s+days?\b", re.I)
_PERIOD = re.compile(r"\b(?:within|in)\s+(?:the\s+next\s+)?" + _NUM +
                     r"\s+(?P<unit>days?|weeks?|months?|years?)(?:'|\u2019)?(?:\s+time)?\b|"
                     r"\b" + _num("n2") + r"\s+(?P<unit2>weeks?|months?)(?:'|\u2019)?\s+time\b", re.I)
_AFTER_MEETING = re.compile(r"\b(?:following|after)\s+(?:the|this|today's)\s+meeting\b|"
                            r"\bafter\s+the\s+meeting\b", re.I)
_MONTH_MEETING = re.compile(r"\b(?:the|its|their)\s+" + _MONTH + r"(?:\s+(?P<year>20\d\d))?\s+"
                            r"(?:meeting|committee|session)\b|\bmeeting\s+(?:to\s+be\s+held\s+)?in\s+"
                            + _month("month2") + r"(?:\s+(?P<year2>20\d\d))?\b")
_MUNICIPAL = re.compile(r"\bfirst\s+meeting\s+of\s+the\s+(?P<y>20\d\d)\s*/\s*\d{2,4}\s+municipal\s+year\b",
                        re.I)
_NEXT_MEETING = re.compile(r"\bnext\s+(?:scheduled\s+|formal\s+)?meeting\b(?P<rest>[^.;]{0,90})", re.I)
_NEXT_MEETING_MONTH = re.compile(r"\bin\s+" + _MONTH + r"\b")
_MONTH_YEAR = re.compile(r"(?P<pre>\b(?:by|before|until|for|in|during|from|at)\s+(?:the\s+)?"
                         r"(?:(?:meeting|committee)\s+(?:in|of)\s+)?)" + _MONTH + r"\s+(?P<year>20\d\d)\b")
_MONTH_YEAR_BARE = re.compile(r"\b" + _MONTH + r"\s+(?P<year>20\d\d)\b")
_DUE_CONTEXT = re.compile(r"\b(?:report\w*|brought|present\w*|consider\w*|submit\w*|updat\w*|meeting|"
                          r"committee|panel|programme|provid\w*|circulat\w*|back|agenda|return\w*|"
                          r"scheduled|session|briefing|deliver\w*|complete\w*|review\w*)\b", re.I)
_QUARTER = re.compile(r"\bnext\s+quarter\b|\bquarterly\b|\beach\s+quarter\b", re.I)
_END_OF = re.compile(r"\bend\s+of\s+(?:the\s+|this\s+)?(?P<what>month|quarter|calendar\s+year|"
                     r"financial\s+year|municipal\s+year|year)\b", re.I)
_NEXT_YEAR = re.compile(r"\bnext\s+year\b", re.I)
_ANNUAL = re.compile(r"\bannually\b|\beach\s+year\b|\bevery\s+year\b|\bonce\s+a\s+year\b", re.I)


_MEASURED = re.compile(r"\b(?:issued|completed|finalised|seen|assessed|placed|allocated|visited|"
                       r"contacted|contacting|published|resolved|answered|returned)\s*$", re.I)


def _is_standard(t: str, m: re.Match) -> bool:
    """'plans issued within 20 weeks', 'contact families within five days of ...': a
    standard being measured, not when the action is due."""
    return bool(_MEASURED.search(t[:m.start()]) or re.match(r"\s+of\b", t[m.end():]))


def resolve_due(text: str, meeting_date: dt.date, later_meetings: list[dt.date] | None = None,
                *, next_meeting_months: int = 2, lenient: bool = False) -> Due:
    """The due date of an action whose words are `text`, raised at a meeting on
    `meeting_date`.  `later_meetings`: the committee's known meetings after it, in date
    order.  `lenient`: the text is only the due words (an officer's entry), so a bare
    "March 2023" counts."""
    if not text:
        return UNDATED
    later = sorted(d for d in (later_meetings or []) if d > meeting_date)
    t = " ".join(text.split())

    if m := _DUE_COURSE.search(t):
        return Due(None, m.group(0), "no date: " + m.group(0).lower())

    if m := _MUNICIPAL.search(t):
        y = int(m.group("y"))
        start = dt.date(y, 5, 1)
        first = next((d for d in later if d >= start), None)
        if first:
            return Due(first, m.group(0), "the committee's first meeting of that municipal year")
        return Due(dt.date(y, 6, 30), m.group(0), "end of June of that municipal year "
                                                  "(its first meeting is not known)")

    if (m := _WORKING_DAYS.search(t)) and not _is_standard(t, m):
        n = _number(m.group("n"))
        if n:
            return Due(add_working_days(meeting_date, n), m.group(0),
                       f"{n} working days after the meeting")

    if m := _END_OF_MONTH.search(t):
        month = _month_no(m.group("month"))
        year = int(m.group("year")) if m.group("year") else _year_for(month, meeting_date)
        return Due(end_of_month(year, month), m.group(0), "the last day of that month")

    for m in _FULL_DATE.finditer(t):
        try:
            d = dt.date(int(m.group("year")), _month_no(m.group("month")), int(m.group("day")))
        except ValueError:
            continue
        if d > meeting_date:
            return Due(d, m.group(0), "the date given")

    if m := _MONTH_MEETING.search(t):
        name = m.group("month") or m.group("month2")
        yr = m.group("year") or m.group("year2")
        month = _month_no(name)
        year = int(yr) if yr else _year_for(month, meeting_date)
        d = meeting_in_month(later, year, month)
        if d:
            return Due(d, m.group(0), "the committee's meeting in that month")
        return Due(end_of_month(year, month), m.group(0),
                   "the last day of that month (no meeting of the committee known then)")

    if m := _NEXT_MEETING.search(t):
        mm = _NEXT_MEETING_MONTH.search(m.group("rest"))
        if mm:
            month = _month_no(mm.group("month"))
            year = _year_for(month, meeting_date + dt.timedelta(days=1))
            d = meeting_in_month(later, year, month)
            words = m.group(0)[:m.end() - m.start() - len(m.group("rest"))] + m.group("rest")[:mm.end()]
            if d:
                return Due(d, words.strip(), "the committee's next meeting, in that month")
            return Due(end_of_month(year, month), words.strip(),
                       "the last day of that month (the meeting is not known)")
        words = m.group(0)[:len(m.group(0)) - len(m.group("rest"))]
        if later:
            return Due(later[0], words, "the committee's next meeting")
        return Due(add_months(meeting_date, next_meeting_months), words,
                   f"{next_meeting_months} months after the meeting (the next meeting is not "
                   f"known)")

    for m in _MONTH_YEAR.finditer(t):
        before = t[max(0, m.start() - 70):m.start()]
        pre = m.group("pre").lower().split()[0]
        if pre in ("in", "during", "at", "from") and not _DUE_CONTEXT.search(before + m.group(0)):
            continue
        month, year = _month_no(m.group("month")), int(m.group("year"))
        if end_of_month(year, month) < meeting_date:
            continue
        meetingish = re.search(r"meeting|programme|agenda|committee|panel", before[-45:] + m.group("pre"),
                               re.I)
        d = meeting_in_month(later, year, month) if meetingish else None
        if d:
            return Due(d, m.group(0).strip(), "the committee's meeting in that month")
        return Due(end_of_month(year, month), m.group(0).strip(), "the last day of that month")

    if lenient and (m := _MONTH_YEAR_BARE.search(t)):
        month, year = _month_no(m.group("month")), int(m.group("year"))
        return Due(end_of_month(year, month), m.group(0), "the last day of that month")

    if (m := _PERIOD.search(t)) and not _is_standard(t, m):
        n = _number(m.group("n") or m.group("n2") or "")
        unit = (m.group("unit") or m.group("unit2") or "").lower().rstrip("s")
        if n:
            if unit == "day":
                d = meeting_date + dt.timedelta(days=n)
            elif unit == "week":
                d = meeting_date + dt.timedelta(weeks=n)
            elif unit == "year":
                d = add_months(meeting_date, 12 * n)
            else:
                d = add_months(meeting_date, n)
            return Due(d, m.group(0), f"{n} {unit}{'s' if n != 1 else ''} after the meeting")

    if m := _AFTER_MEETING.search(t):
        return Due(meeting_date + dt.timedelta(weeks=2), m.group(0),
                   "two weeks after the meeting")

    if m := _END_OF.search(t):
        what = m.group("what").lower()
        if what == "month":
            d = end_of_month(meeting_date.year, meeting_date.month)
        elif what == "quarter":
            d = end_of_quarter(meeting_date)
        elif what in ("financial year", "municipal year"):
            y = meeting_date.year + (1 if meeting_date.month >= 4 else 0)
            d = dt.date(y, 3, 31) if what == "financial year" else dt.date(y, 5, 31)
        else:
            d = dt.date(meeting_date.year, 12, 31)
        return Due(d, m.group(0), f"the end of the {what}")

    if m := _QUARTER.search(t):
        return Due(end_of_next_quarter(meeting_date), m.group(0), "the end of the next quarter")

    if m := _NEXT_YEAR.search(t):
        return Due(dt.date(meeting_date.year + 1, 12, 31), m.group(0), "the end of next year")

    if m := _ANNUAL.search(t):
        return Due(add_months(meeting_date, 12), m.group(0), "a year after the meeting")

    return UNDATED
