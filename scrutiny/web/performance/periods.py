"""Reporting periods as councils print them, with their first and last days.

    >>> parse_period("Q1 2022/23")
    Period(label='Q1 2022/23', kind='quarter', start=datetime.date(2022, 4, 1), end=datetime.date(2022, 6, 30), printed='Q1 2022/23')

Kinds and their dates:

* ``quarter`` -- "Q1 2022/23", "2022/23 Q1", "Quarter 1 2022/23", "Qtr 1 22/23": quarters
  of the financial year (Q1 = April to June); "Q1 2025" with a plain year is a calendar
  quarter (January to March);
* ``month`` -- "Sep 21", "Mar-22", "September 2018";
* ``year`` -- "2021": the calendar year;
* ``financial_year`` -- "2022/23", "2021/2022", "16/17": 1 April to 31 March;
* ``academic_year`` -- "academic year 2022/23", "AY 2022/23": 1 September to 31 August;
* ``term`` -- "Spring 2022" (January to March), "Summer 2022" (April to August),
  "Autumn 2025" (September to December);
* ``date`` -- "31/07/2018", "23 March 2018", "as at 31 March 2022": one day;
* ``span`` -- "Apr 21 - Mar 22", "2016 to 2017", "Q1-2 2022/23": the first day of the
  first to the last day of the last.

A period that cannot be placed in time keeps its label, with no dates (kind ``other``).
Labels are canonical ("Q1 2022/23", "Sep 2021", "2022/23", "Summer 2022"), so the same
period printed two ways is one period.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
               "Dec"]
TERMS = {"spring": (1, 3), "summer": (4, 8), "autumn": (9, 12)}
KINDS = ["quarter", "month", "year", "financial_year", "academic_year", "term", "date",
         "span", "other"]

_MON = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
        r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_Y = r"((?:19|20)\d{2}|\d{2})"
_FY = r"((?:19|20)?\d{2})\s*[/\-\u2013]\s*((?:19|20)?\d{2})"
_Q = r"(?:q|qtr\.?|quarter)\s*([1-4])(?:\s*[-\u2013]\s*(?:q|qtr\.?|quarter)?\s*([1-4]))?"

_RE_QFY = re.compile(rf"^{_Q}\s*,?\s*(?:fy\s*)?{_FY}$", re.I)
_RE_FYQ = re.compile(rf"^(?:fy\s*)?{_FY}\s*,?\s*{_Q}$", re.I)
_RE_QY = re.compile(rf"^{_Q}\s*,?\s*((?:19|20)\d{{2}})$", re.I)
_RE_YQ = re.compile(rf"^((?:19|20)\d{{2}})\s*,?\s*{_Q}$", re.I)
_RE_MON = re.compile(rf"^{_MON}[\s\-'\u2019]*{_Y}$", re.I)
_RE_YEAR = re.compile(r"^((?:19|20)\d{2})$")
_RE_FYONLY = re.compile(rf"^(?:fy\s*|financial year\s*)?{_FY}$", re.I)
_RE_AY = re.compile(rf"^(?:ay|academic year)\s*{_FY}$", re.I)
_RE_TERM = re.compile(rf"^(spring|summer|autumn)(?:\s+term)?\s*,?\s*(?:((?:19|20)\d{{2}})|{_FY})$",
                      re.I)
_RE_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/((?:19|20)?\d{2})$")
_RE_DAY = re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MON},?\s+((?:19|20)\d{{2}})$", re.I)
_SPLIT = re.compile(r"\s+(?:-|to|\u2013|\u2014)\s+|\s*[\u2013\u2014]\s*")
_PREFIX = re.compile(r"^(?:as at|as of|at|year|year ending|year to|period ending|ending)\s+", re.I)


@dataclass(frozen=True)
class Period:
    label: str                      # canonical: "Q1 2022/23", "Sep 2021", "2022/23"
    kind: str
    start: dt.date | None
    end: dt.date | None
    printed: str = ""

    @property
    def sort_key(self) -> tuple:
        far = dt.date(9999, 12, 31)
        return (self.end or far, self.start or far, self.label)


def _year(s: str) -> int:
    y = int(s)
    return y + 2000 if y < 100 else y


def _last_day(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _fy(a: str, b: str) -> tuple[int, int] | None:
    """"2022/23" -> (2022, 2023) when the second year follows the first."""
    y1 = _year(a)
    y2 = int(b)
    y2 = y1 // 100 * 100 + y2 if y2 < 100 else y2
    if y2 < y1 and len(b) <= 2:          # 1999/00
        y2 += 100
    return (y1, y2) if y2 == y1 + 1 else None


def _fy_label(y1: int) -> str:
    return f"{y1}/{(y1 + 1) % 100:02d}"


def _quarter(q1: int, q2: int | None, y1: int, financial: bool) -> tuple[dt.date, dt.date]:
    q2 = q2 or q1
    if financial:                        # Q1 = April to June of y1; Q4 = January to March
        def start_of(q):
            m = 4 + 3 * (q - 1)
            return dt.date(y1 + (m > 12), (m - 1) % 12 + 1, 1)
        s = start_of(q1)
        e0 = start_of(q2)
        em = e0.month + 2
        return s, _last_day(e0.year, em)
    s = dt.date(y1, 3 * (q1 - 1) + 1, 1)
    return s, _last_day(y1, 3 * q2)


def _single(s: str) -> Period | None:
    s = _PREFIX.sub("", s.strip().strip(",.*").strip())
    if not s:
        return None
    m = _RE_QFY.match(s) or _RE_FYQ.match(s)
    if m:
        g = m.groups()
        if m.re is _RE_QFY:
            q1, q2, a, b = g
        else:
            a, b, q1, q2 = g
        fy = _fy(a, b)
        if fy:
            start, end = _quarter(int(q1), int(q2) if q2 else None, fy[0], True)
            qs = f"Q{q1}" + (f"-{q2}" if q2 else "")
            return Period(f"{qs} {_fy_label(fy[0])}", "span" if q2 else "quarter", start, end)
    m = _RE_QY.match(s) or _RE_YQ.match(s)
    if m:
        g = m.groups()
        if m.re is _RE_QY:
            q1, q2, y = g
        else:
            y, q1, q2 = g
        start, end = _quarter(int(q1), int(q2) if q2 else None, int(y), False)
        qs = f"Q{q1}" + (f"-{q2}" if q2 else "")
        return Period(f"{qs} {y}", "span" if q2 else "quarter", start, end)
    m = _RE_MON.match(s)
    if m:
        mon = MONTHS[m.group(1)[:3].lower()]
        y = _year(m.group(2))
        return Period(f"{MONTH_NAMES[mon - 1]} {y}", "month", dt.date(y, mon, 1),
                      _last_day(y, mon))
    m = _RE_YEAR.match(s)
    if m:
        y = int(m.group(1))
        return Period(str(y), "year", dt.date(y, 1, 1), dt.date(y, 12, 31))
    m = _RE_AY.match(s)
    if m:
        fy = _fy(m.group(1), m.group(2))
        if fy:
            return Period(f"AY {_fy_label(fy[0])}", "academic_year", dt.date(fy[0], 9, 1),
                          dt.date(fy[1], 8, 31))
    m = _RE_FYONLY.match(s)
    if m:
        fy = _fy(m.group(1), m.group(2))
        if fy:
            return Period(_fy_label(fy[0]), "financial_year", dt.date(fy[0], 4, 1),
                          dt.date(fy[1], 3, 31))
    m = _RE_TERM.match(s)
    if m:
        term = m.group(1).lower()
        if m.group(2):
            y = int(m.group(2))
        else:                               # "Autumn 2022/23": autumn of the first year
            fy = _fy(m.group(3), m.group(4))
            if not fy:
                return None
            y = fy[0] if term == "autumn" else fy[1]
        a, b = TERMS[term]
        return Period(f"{term.capitalize()} {y}", "term", dt.date(y, a, 1), _last_day(y, b))
    m = _RE_DMY.match(s)
    if m:
        try:
            d = dt.date(_year(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            return None
        return Period(f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}", "date", d, d)
    m = _RE_DAY.match(s)
    if m:
        try:
            d = dt.date(int(m.group(3)), MONTHS[m.group(2)[:3].lower()], int(m.group(1)))
        except ValueError:
            return None
        return Period(f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}", "date", d, d)
    return None


def parse_period(printed: str | None) -> Period:
    """The period a label names, with its dates; kind 'other' (no dates) when it names no
    period this module knows."""
    raw = " ".join((printed or "").split())
    if not raw:
        return Period("", "other", None, None, "")
    p = _single(raw)
    if p is None:
        parts = [x for x in _SPLIT.split(raw) if x]
        if len(parts) == 2:
            a, b = _single(parts[0]), _single(parts[1])
            if a is None and b is not None:
                # "Apr - Jun 2022": the first part borrows the second's year
                a = _single(f"{parts[0]} {b.label.split()[-1]}") if b.kind == "month" else None
            if a and b and a.start and b.end and a.start <= b.end:
                p = Period(f"{a.label} to {b.label}", "span", a.start, b.end)
    if p is None:
        return Period(raw[:60], "other", None, None, raw)
    return Period(p.label, p.kind, p.start, p.end, raw)


def period_label(printed: str | None) -> str:
    return parse_period(printed).label
