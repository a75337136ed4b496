"""Dates and times as councils print them.

"Wednesday 16 March 2022", "Tuesday, 6 September 2022 at 2.00 pm", "22nd September, 2020",
"17th September 2024", "16.11.21", "07/06/2022"; times "10.00 am", "2.00 p.m.", "10am",
"14:00", "12.15 pm", "noon".  Own regular expressions (fast, day-month-year only);
nothing here guesses month-first dates.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?P<month>january|february|march|april|may|june|july|august|september|october|"
          r"november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?")
_DAYNAME = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+(?:the\s+)?)?"
_WORD_DATE = re.compile(
    _DAYNAME + r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+of)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b",
    re.I)
_MONTH_FIRST = re.compile(
    _DAYNAME + _MONTH + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I)
_NUM_DATE = re.compile(r"(?<![\d.:/])(?P<day>[0-3]?\d)[./](?P<month>[01]?\d)[./](?P<year>(?:19|20)?\d\d)(?![\d.:/]*\d)")
_TIME = re.compile(
    r"(?<![\d.:£$])(?P<h>[01]?\d|2[0-3])(?:[.:](?P<m>[0-5]\d))?\s*(?P<ampm>a\.?\s?m\.?|p\.?\s?m\.?)(?![a-z])"
    r"|(?<![\d.:£$])(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d])"
    r"|\b(?P<noon>noon|midday)\b", re.I)


@dataclass(frozen=True)
class Found:
    value: str      # ISO date or HH:MM
    start: int
    end: int


def _mk(y: int, m: int, d: int) -> str | None:
    if y < 100:
        y += 2000
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def find_dates(text: str, numeric: bool = True) -> list[Found]:
    """Every date in `text`, in order of position."""
    out: list[Found] = []
    for rx in (_WORD_DATE, _MONTH_FIRST):
        for m in rx.finditer(text):
            iso = _mk(int(m["year"]), MONTHS[m["month"].lower().rstrip(".")], int(m["day"]))
            if iso and not any(f.start <= m.start() < f.end for f in out):
                out.append(Found(iso, m.start(), m.end()))
    if numeric:
        for m in _NUM_DATE.finditer(text):
            iso = _mk(int(m["year"]), int(m["month"]), int(m["day"]))
            if iso and not any(f.start <= m.start() < f.end for f in out):
                out.append(Found(iso, m.start(), m.end()))
    return sorted(out, key=lambda f: f.start)


def find_date(text: str, numeric: bool = True) -> Found | None:
    found = find_dates(text, numeric)
    return found[0] if found else None


def parse_date(text: str) -> str | None:
    f = find_date(text)
    return f.value if f else None


_RANGE = re.compile(r"(?<![\d.:£$])(?P<h>[01]?\d)[.:](?P<m>[0-5]\d)\s*(?:-|\u2013|to)\s*"
                    r"[01]?\d[.:][0-5]\d\s*(?P<ampm>a\.?\s?m\.?|p\.?\s?m\.?)(?![a-z])", re.I)


def find_times(text: str) -> list[Found]:
    out = []
    for m in _RANGE.finditer(text):     # "2.00 - 3.24 pm": the start shares the am/pm
        h, mins = int(m["h"]), int(m["m"])
        if 1 <= h <= 12:
            h = h + 12 if m["ampm"].lower().startswith("p") and h != 12 else h
            out.append(Found(f"{h:02d}:{mins:02d}", m.start(), m.start("m") + 2))
    for m in _TIME.finditer(text):
        if any(f.start <= m.start() < f.end for f in out):
            continue
        if m["noon"]:
            out.append(Found("12:00", m.start(), m.end()))
            continue
        if m["h24"] is not None:
            out.append(Found(f"{int(m['h24']):02d}:{m['m24']}", m.start(), m.end()))
            continue
        h, mins = int(m["h"]), int(m["m"] or 0)
        pm = m["ampm"].lower().startswith("p")
        if h > 12 or h == 0:
            continue
        if pm and h != 12:
            h += 12
        if not pm and h == 12:
            h = 0
        out.append(Found(f"{h:02d}:{mins:02d}", m.start(), m.end()))
    return sorted(out, key=lambda f: f.start)


def parse_time(text: str) -> str | None:
    """The first time of day in `text`, as 24-hour HH:MM."""
    found = find_times(text)
    return found[0].value if found else None
