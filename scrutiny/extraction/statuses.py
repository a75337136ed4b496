"""Measures a report gives a status for but no value it prints: the value was in a chart
that the conversion lost.

A council plan report may say which measures are On Track and which are not without a
table of values, in two shapes:

* **status lists** -- a sentence that names a status ("... currently reporting as being
  On Track ...", "Of the KBMs which are Not on Track, ...") and ends with a colon, then
  bulleted measure names, perhaps under forecast headings ("Improving:", "Remaining
  Static:");
* **measure sections** -- a measure's name as a heading, its narrative, and a labelled
  line that states its status ("Explanation of projected trajectory: On Track –
  Remaining Static").

Each becomes an `Indicator` with the status and an empty value: the value is never
invented from a chart that is not there, or from the narrative.  The period is the
report's quarter (the nearest "Quarter 3" above the list, its year from the nearest
financial year or "for the period ... to <date>").  These records are not part of the
extraction contract's indicators (which are values printed in tables); ingest stores them
as values with a status only.
"""
from __future__ import annotations

import re

from ..reading import Text
from .records import Indicator

_STATUS = re.compile(r"\b(not on track|off track|on track|at risk|red|amber|green)\b", re.I)
_MEASURE_WORD = re.compile(r"\b(?:measures?|indicators?|kbms?|kpis?|pis?|targets?)\b", re.I)
_BULLET = re.compile(r"^\s*(?:[-\u2022*\u25aa\u25cf]|\(?[a-z]\)|\d+\))\s+(.*\S)\s*$")
_SUBHEAD = re.compile(r"^\s*([A-Z][A-Za-z ,/&-]{2,40}):\s*$")
_TRAILER = re.compile(r"(?:[;,.]?\s*(?:and|or)\s*,?|[;,.])\s*$", re.I)
_NARRATIVE = re.compile(r"^\s*(?:current )?performance narrative\s*:?\s*$", re.I)
_STATUS_LINE = re.compile(r"^\s*(?:explanation of (?:the )?projected trajectory|projected "
                          r"trajectory|status|current status|rag status|measure status)\s*:\s*"
                          r"(not on track|off track|on track|at risk|red|amber|green)\b"
                          r"(?:\s*[-\u2013\u2014]\s*(.+?))?\.?\s*$", re.I)
_QUARTER = re.compile(r"\b(?:quarter|qtr\.?|q)\s?([1-4])\b(?:\s+((?:19|20)\d{2}\s*/\s*\d{2,4}))?",
                      re.I)
_NOT_CURRENT = re.compile(r"\b(?:next|forthcoming|during|for|until|by|cannot be reported for)"
                          r"\s+(?:the\s+)?(?:period\s+of\s+)?$", re.I)
_FY = re.compile(r"\b((?:19|20)\d{2})\s*/\s*(\d{2}|(?:19|20)\d{2})\b")
_TO_DATE = re.compile(r"\bto\s+\d{1,2}(?:st|nd|rd|th)?\s+(january|february|march|april|may|june|"
                      r"july|august|september|october|november|december)\s+((?:19|20)\d{2})", re.I)
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"]


def _label(status: str) -> str:
    s = status.strip().lower()
    return {"not on track": "Not on Track", "on track": "On Track", "off track": "Off Track",
            "at risk": "At Risk"}.get(s, s.capitalize())


def _clean_name(s: str) -> str:
    s = re.sub(r"\*\*|</?[a-z]+>", "", s).strip()
    prev = None
    while prev != s:
        prev = s
        s = _TRAILER.sub("", s).strip()
    return s


def _looks_like_measure(s: str) -> bool:
    words = s.split()
    return 2 <= len(words) <= 40 and not s.endswith("?") and bool(re.search(r"[A-Za-z]", s)) \
        and not re.search(r"[a-z]\.\s+[A-Z]", s)


def report_period(text: Text, before: int) -> str | None:
    """The quarter of the report a line belongs to: the nearest "Quarter N" above it that
    is not a forecast ("next period of Quarter 4"), with the year printed with it, else the
    nearest financial year above, else the end date of "for the period ... to <date>"."""
    lines = text.lines
    quarter = year = None
    i = min(before, len(lines)) - 1
    start = i
    while i >= 0 and start - i <= 300:
        s = lines[i].text
        if quarter is None:
            for m in reversed(list(_QUARTER.finditer(s))):
                if _NOT_CURRENT.search(s[:m.start()]):
                    continue
                quarter = m.group(1)
                if m.group(2):
                    year = m.group(2)
                break
        if quarter is not None and year is None:
            d = _TO_DATE.search(s)
            if d:
                month = _MONTHS.index(d.group(1).lower()) + 1
                y = int(d.group(2))
                first = y if month >= 4 else y - 1
                year = f"{first}/{(first + 1) % 100:02d}"
            else:
                fy = _FY.search(s)
                if fy:
                    year = f"{fy.group(1)}/{fy.group(2)[-2:]}"
        if quarter is not None and year is not None:
            break
        i -= 1
    if quarter is None:
        return None
    y = re.sub(r"\s", "", year) if year else None
    if y and len(y) == 9:                                   # 2021/2022
        y = f"{y[:4]}/{y[-2:]}"
    return f"Q{quarter} {y}" if y else f"Q{quarter}"


def _status_lists(text: Text) -> list[tuple[str, str, int]]:
    out = []
    lines = text.lines
    n = len(lines)
    i = 0
    while i < n:
        s = lines[i].text.strip()
        if not (s.endswith(":") and "\t" not in s and _MEASURE_WORD.search(s)):
            i += 1
            continue
        found = [m.group(1) for m in _STATUS.finditer(s)]
        statuses = {_label(x) for x in found}
        if len(statuses) != 1:
            i += 1
            continue
        status = statuses.pop()
        j = i + 1
        items: list[tuple[str, int]] = []
        while j < n:
            t = lines[j].text
            if not t.strip() or lines[j].furniture:
                j += 1
                continue
            b = _BULLET.match(t)
            if b:
                name = _clean_name(b.group(1))
                if _looks_like_measure(name):
                    items.append((name, lines[j].no))
                j += 1
                continue
            if _SUBHEAD.match(t) and not _STATUS.search(t):
                j += 1
                continue
            break
        if items:
            out.extend((name, status, no) for name, no in items)
        i = j if items else i + 1
    return out


def _measure_sections(text: Text) -> list[tuple[str, str, int]]:
    out = []
    lines = text.lines
    heads = [k for k, ln in enumerate(lines) if _NARRATIVE.match(ln.text)]
    for h_i, k in enumerate(heads):
        j = k - 1
        while j >= 0 and (not lines[j].text.strip() or lines[j].furniture):
            j -= 1
        if j < 0:
            continue
        name = _clean_name(lines[j].text)
        if "\t" in lines[j].text or not _looks_like_measure(name) or name.endswith(":"):
            continue
        stop = heads[h_i + 1] if h_i + 1 < len(heads) else min(len(lines), k + 80)
        for x in range(k + 1, stop):
            m = _STATUS_LINE.match(lines[x].text)
            if m:
                out.append((name, _label(m.group(1)), lines[j].no))
                break
    return out


def extract_statuses(text: Text, known: list[Indicator] | None = None) -> list[Indicator]:
    """Measures with a printed status and no printed value (see the module docstring).
    Measures already among `known` (values read from tables) are left out."""
    from .indicators import _norm_key

    have = {_norm_key(i.name) for i in known or []}
    out: list[Indicator] = []
    seen: dict[str, Indicator] = {}
    for name, status, no in sorted(_measure_sections(text) + _status_lists(text),
                                   key=lambda x: x[2]):
        k = _norm_key(name)
        if k in have:
            continue
        # the same measure named a little differently in the section and in the list
        twin = next((v for kk, v in seen.items() if _similar(kk, k)), None)
        if twin is not None:
            continue
        line = text.line(no)
        unit = "%" if name.startswith("%") or re.search(r"\b(?:percentage|proportion)\b",
                                                       name, re.I) else None
        ind = Indicator(name=name, period=report_period(text, no), value="", unit=unit,
                        status=status, line=no, page=line.page,
                        table="status without a printed value")
        seen[k] = ind
        out.append(ind)
    return out


def _similar(a: str, b: str) -> bool:
    from rapidfuzz import fuzz
    return fuzz.ratio(a, b) >= 85
