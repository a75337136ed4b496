"""Figures in a report's text that differ from its table.

A performance report prints each measure twice: in a table, and again in its narrative
("Single assessments completed within 45 working days improved to 90.2%").  When the two
disagree, members should see it.  For each sentence outside the tables:

1. the measure it speaks of: the measure of this paper whose name's words (abbreviations
   spelt out, see `identity.tokens`) the sentence holds most completely, at least
   `COVERAGE` of them; a sentence that fits two measures equally well is left alone;
2. its figure: the first number printed with the measure's unit (a "%" for a percentage,
   none for a count or a rate), leaving out numbers that belong to the name ("within 20
   weeks", "aged 16-17"), periods and years, section numbers, and numbers said of
   something else ("against a target of 60%", "from 1,469", "the England average of");
3. a discrepancy when that figure, at the precision it is printed, is none of the
   figures the table prints for the measure (the latest value, the previous value, the
   target, the comparators).

Nothing is corrected: the dashboards show both figures with their lines.  Pure Python.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ...extraction.tables import find_periods
from ...reading import Text
from .identity import tokens
from .periods import parse_period

COVERAGE = 0.8

_SENTENCE_END = re.compile(r"(?<=[a-z0-9%)\]])[.!?;](?=\s+[A-Z(\u2022-]|\s*$)")
_NUMBER = re.compile(r"(?<![\w.,/£$-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d/])"
                     r"(\s*(?:%|per ?cent\b|percentage points?\b|pp\b))?")
_AFTER_NAME = re.compile(r"^\s*(?:-|\u2013|to|and)?\s*(?:\d+\s*)?(?:weeks?|days?|working days|"
                         r"months?|mths?|years?|yrs?|year[- ]olds?|hours?|miles?|minutes?|"
                         r"-\s*\d|\u2013\s*\d|to \d|and \d)\b", re.I)
_SAID_OF_OTHER = re.compile(
    r"\b(?:target|targets|aim|ambition|goal|expected|expectation|minimum|maximum|threshold|"
    r"compared|against|england|national|nationally|neighbou?rs?|average|averages|from|"
    r"previous|previously|last|baseline|between|benchmark|regional|region|forecast|"
    r"projected|trajectory|aged?|cohort|around|approximately|about|of the|top|bottom|"
    r"quartile|ranked|rank|position|out of|paragraph|section|table|appendix|page|item|"
    r"figure|fig|chart|graph|£|increase|increased|decrease|decreased|rise|fall|drop|"
    r"reduction|change|difference|gap|up|down|by)\W*(?:\w+\W+){0,2}$|\bper\s*$|\(\s*$",
    re.I)
_DIFFERENCE = re.compile(r"^\s*(?:percentage points?\s+|points?\s+|pp\s+)?(?:higher|lower|more|"
                         r"fewer|less|above|below|increase|decrease|up|down|better|worse|"
                         r"over|under)\b", re.I)
_CONTINUES = re.compile(r"^\s*(?:this|it|these|that|which)\b", re.I)
_SECTION_NO = re.compile(r"^\s*(?:[-\u2022*]\s*)?(?:\d+(?:\.\d+)*\.?|\(?[a-z]\))\s+")
_MONTH_AFTER = re.compile(r"^(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|"
                          r"dec)[a-z]*\b", re.I)
_BY_WHEN = re.compile(r"^\s*(?:by|until|before)\s+(?:the end of\s+)?(?:\d{1,2}\s+)?"
                      r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|q[1-4]|quarter|"
                      r"spring|summer|autumn|winter|(?:19|20)\d\d|next|the end)", re.I)


@dataclass
class Measure:
    """One measure as a report's table prints it."""
    ref: int                       # the caller's id for it
    name: str
    unit: str | None
    period: str                    # canonical label of the latest period
    value: Decimal                 # the table's value for that period
    known: set[Decimal] = field(default_factory=set)   # every other figure of the row
    table_lines: set[int] = field(default_factory=set)
    previous: str | None = None    # the period before, when the table prints it
    previous_value: Decimal | None = None

    def __post_init__(self):
        self.words = set(tokens(self.name))


@dataclass
class Figure:
    ref: int
    line: int
    page: int
    sentence: str
    figure: str
    number: Decimal
    period: str = ""               # the table's period the figure is said of
    table_value: Decimal | None = None


def _sentences(text: Text):
    for span in text.spans():
        s = span.text
        if "\t" in s or s.count("|") >= 2:
            continue
        start = 0
        for m in _SENTENCE_END.finditer(s):
            yield span, start, s[start:m.end()]
            start = m.end()
        if start < len(s):
            yield span, start, s[start:]


def _same(fig: Decimal, decimals: int, known: Decimal) -> bool:
    """The figure printed at `decimals` places equals the known figure rounded so."""
    q = Decimal(1).scaleb(-decimals)
    return abs(known - fig) <= q / 2


def _figures(sentence: str, m: Measure):
    """Every figure of the sentence with the measure's unit: (match, number, decimals)."""
    periods = [(a, b) for a, b, _ in find_periods(sentence)]
    head = _SECTION_NO.match(sentence)
    for x in _NUMBER.finditer(sentence):
        a, b = x.start(), x.end()
        if head and a < head.end():
            continue
        if any(pa <= a < pb for pa, pb in periods):
            continue
        whole, frac, pct = x.group(1), x.group(2) or "", (x.group(3) or "").strip()
        if not pct and not frac and len(whole) == 4 and whole[:2] in ("19", "20"):
            continue
        if _AFTER_NAME.match(sentence[b:]) or _MONTH_AFTER.match(sentence[b:]) or \
                _BY_WHEN.match(sentence[b:]) or _DIFFERENCE.match(sentence[b:]):
            continue
        if sentence[b:b + 1] in ("/",) or sentence[max(0, a - 1):a] in ("/", "-"):
            continue
        is_pct = bool(pct) and not pct.lower().startswith(("percentage point", "pp"))
        if (m.unit == "%") != is_pct:
            continue
        if m.unit and m.unit != "%" and not m.unit.startswith("per"):
            continue
        yield x, Decimal(whole.replace(",", "") + frac), len(frac) - 1 if frac else 0


_QREF = re.compile(r"\b(?:quarter|qtr\.?|q)\s*([1-4])\b", re.I)
_PREVREF = re.compile(r"\b(?:previous|preceding|last|prior)\s+(?:quarter|period|month|year|"
                      r"term)\b", re.I)
_TERMREF = re.compile(r"\b(spring|summer|autumn)\b", re.I)
_MONTHREF = re.compile(r"\b(jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)
_AFTER_REF = re.compile(r"^\s*(?:at|in|for|during|as at|as of|over)\b", re.I)
OTHER = "other"


def _refs(window: str, m: Measure) -> list[tuple[int, str]]:
    """The periods a stretch of text names, resolved against the measure's two periods:
    (position, "latest" | "previous" | OTHER)."""
    labels = {"latest": m.period, "previous": m.previous or ""}

    def resolve(test) -> str:
        hits = [k for k, lab in labels.items() if lab and test(lab)]
        return hits[0] if len(hits) == 1 else OTHER

    out: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for a, b, p in find_periods(window):
        per = parse_period(p)
        if per.kind == "other":
            continue
        out.append((a, resolve(lambda lab, per=per: lab == per.label)))
        taken.append((a, b))

    def free(pos: int) -> bool:
        return not any(a <= pos < b for a, b in taken)

    for x in _PREVREF.finditer(window):
        out.append((x.start(), "previous" if m.previous else OTHER))
    for x in _QREF.finditer(window):
        if free(x.start()):
            q = f"Q{x.group(1)} "
            out.append((x.start(), resolve(lambda lab, q=q: lab.startswith(q))))
    for x in _TERMREF.finditer(window):
        if free(x.start()):
            t = x.group(1).capitalize()
            out.append((x.start(), resolve(lambda lab, t=t: lab.startswith(t))))
    for x in _MONTHREF.finditer(window):
        if free(x.start()):
            mon = x.group(1).capitalize()
            out.append((x.start(), resolve(lambda lab, mon=mon: lab.startswith(mon + " "))))
    return sorted(out)


def _period_of(sentence: str, x: re.Match, m: Measure, prev_end: int) -> str | None:
    """Which of the measure's periods a figure is said of: a period named right after it
    ("20.1% at the end of the previous quarter"), else the nearest one named before it
    since the last figure ("the Quarter 4 figure (90.5%)"); None when none is named."""
    after = sentence[x.end():x.end() + 45]
    if _AFTER_REF.match(after):
        refs = _refs(after, m)
        if refs and refs[0][0] <= 25:
            return refs[0][1]
    start = max(prev_end, x.start() - 45)
    refs = _refs(sentence[start:x.start()], m)
    return refs[-1][1] if refs else None


def scan(text: Text, measures: list[Measure]) -> list[Figure]:
    """The narrative figures of a paper that differ from its table (see the docstring)."""
    measures = [m for m in measures if len(m.words) >= 2]
    out: list[Figure] = []
    if not measures:
        return out
    table_lines = set().union(*(m.table_lines for m in measures))
    last: tuple | None = None                         # (span, measure) of the last sentence
    for span, offset, sentence in _sentences(text):
        if span.first in table_lines:
            continue
        words = set(tokens(sentence))
        scored = []
        for m in measures:
            cover = len(m.words & words) / len(m.words)
            if cover >= COVERAGE:
                scored.append((cover, len(m.words), m))
        scored.sort(key=lambda s: (-s[0], -s[1]))
        if not scored:
            # "This is 0.1% higher than the Quarter 4 figure (90.5%)": the measure of the
            # sentence before, in the same paragraph
            if not (last and last[0] is span and _CONTINUES.match(sentence)):
                last = None
                continue
            m = last[1]
            continued = True
        elif len(scored) > 1 and scored[0][:2] == scored[1][:2]:
            last = None
            continue                                  # two measures fit as well
        else:
            m = scored[0][2]
        if scored:
            continued = False
        last = (span, m)
        untied_seen = False
        prev_end = 0
        for x, number, decimals in _figures(sentence, m):
            period = _period_of(sentence, x, m, prev_end)
            paren = sentence[max(0, x.start() - 1):x.start()] == "("
            before = sentence[max(prev_end, x.start() - 40):x.start()]
            other = bool(_SAID_OF_OTHER.search(before)) and not paren
            prev_end = x.end()
            if period is None:
                # an unlabelled figure: the first one is the latest period's
                first = not untied_seen
                untied_seen = True
                if not first or paren or other or continued:
                    continue
                period = "latest"
            elif other:
                continue
            if period == OTHER:
                continue
            if period == "latest":
                table, known = m.value, {m.value, *m.known}
            elif m.previous_value is not None:
                table, known = m.previous_value, {m.previous_value}
            else:
                continue
            if any(_same(number, decimals, k) for k in known):
                continue
            line = span.line_at(offset + x.start())
            page = next((ln.page for ln in text.lines if ln.no == line), span.page)
            out.append(Figure(m.ref, line, page, " ".join(sentence.split()),
                              x.group(0).strip(), number,
                              m.period if period == "latest" else (m.previous or ""), table))
    return out
