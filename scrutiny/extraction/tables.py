"""Generic table recognition: the rows of a paper's tables as cells, with the lines they
came from and the text around them.

A council paper's tables reach Scrutiny in one of three ways:

* a text conversion writes each table row on one line with the cells separated by tabs
  (sometimes a markdown ``| a | b |`` row);
* a layout-aware PDF reader (pdfplumber) hands over ``Text.tables``: page -> tables ->
  rows -> cells.  Those rows are matched back to the page's lines for the citation;
* nothing at all (a chart, or a table flattened to prose) -- then there is no table here.

This module knows nothing about performance indicators.  It finds :class:`Block` s (runs
of table rows with the lines around them) and classifies cells: period, number, status
word, trend word, "not applicable" and free text.  ``indicators.py`` reads meaning into
them.

A PDF and a text conversion of the same paper give the same blocks: a table that a page
break cut in two is one block, and the text around a block is read in paragraphs (a
paragraph the PDF's layout wrapped over several lines, ``Text.wraps``, is one line of
context, as a conversion prints it), so captions and headings are found alike.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..reading import Line, Text

# ---------------------------------------------------------------------------------------
# Cells
# ---------------------------------------------------------------------------------------

_MARKUP = re.compile(r"\*\*|</?(?:u|i|b|em|strong|sup|sub)>|\[(?=[^\]]*\]\(#\))|\]\(#\)")
_SUPERSCRIPT = "\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079\u2020\u2021"
_SUPER_TABLE = {ord(c): " " for c in _SUPERSCRIPT}
_SPACES = re.compile(r"\s+")
# "Non- Disadvantaged": a compound the conversion broke over two lines of its cell at the
# hyphen and joined back with a space (a PDF's text layer joins it without one)
_BROKEN_COMPOUND = re.compile(r"(?<=[A-Za-z])- (?=[A-Z][a-z])")


def clean_cell(cell: str | None) -> str:
    """A cell's text with conversion residue removed and whitespace collapsed."""
    if not cell:
        return ""
    s = _MARKUP.sub("", cell) if ("*" in cell or "<" in cell or "[" in cell or "]" in cell) else cell
    s = s.translate(_SUPER_TABLE)
    s = s.replace("\u00a0", " ").replace("\u2212", "-")
    s = _SPACES.sub(" ", s).strip()
    return _BROKEN_COMPOUND.sub("-", s) if "- " in s else s


# --- periods ---------------------------------------------------------------------------

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_Y4 = r"(?:19|20)\d{2}"
_FY = rf"(?:{_Y4}\s?[/\-\u2013]\s?(?:{_Y4}|\d{{2}})(?![\d/])|(?<![\d/])\d{{2}}/\d{{2}}(?![\d/]))"
_Q = r"(?:q(?:tr\.?|uarter)?\s?[1-4](?:\s?[-\u2013]\s?(?:q(?:tr\.?|uarter)?\s?)?[1-4])?)"
_TERM = r"(?:spring|summer|autumn|winter)(?:\s+term)?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = rf"(?:{_DAY}\s+{_MONTH}\.?,?\s+{_Y4}|\d{{1,2}}/\d{{1,2}}/(?:{_Y4}|\d{{2}})(?!\d))"
_MONYR = rf"(?:{_MONTH}\.?[\s\-'\u2019]*(?:{_Y4}|\d{{2}})(?![\d/]))"
_SINGLE = (rf"(?:{_DATE}|{_Q}\s*,?\s*(?:{_FY}|{_Y4})|(?:{_FY}|{_Y4})\s*,?\s*{_Q}"
           rf"|{_TERM}\s*(?:{_FY}|{_Y4})|{_MONYR}|{_FY}|{_Y4}|{_Q})")
_RANGE = rf"{_SINGLE}(?:\s*(?:-|\u2013|\u2014|to)\s*{_SINGLE})?"
_B = r"(?<![a-z0-9])"
_E = r"(?![a-z0-9])"

PERIOD_RE = re.compile(rf"{_B}{_RANGE}{_E}", re.I)
_PERIOD_FULL = re.compile(rf"^\s*(?:as at\s+|at\s+|year\s+)?({_RANGE})\s*\**\s*$", re.I)
_MONTH_FULL = re.compile(rf"^\s*{_MONTH}\.?\s*$", re.I)
_QUARTER_ONLY = re.compile(rf"^\s*{_Q}\s*$", re.I)
_QWORD = re.compile(r"\b(?:quarter|qtr\.?)\s?([1-4])\b", re.I)
_YEAR_ONLY = re.compile(rf"^\s*{_Y4}\s*$")


@lru_cache(maxsize=4096)
def full_period(s: str) -> str | None:
    """The period when the whole cell is one ("2021/22", "Q1 2022/23", "Sep 21",
    "March 2017", "Spring 2022", "Apr 21 - Mar 22", "31/07/2018"), else None."""
    m = _PERIOD_FULL.match(s)
    if not m:
        return None
    return normalise_period(m.group(1))


def find_periods(s: str) -> list[tuple[int, int, str]]:
    """Every period printed inside a text: (start, end, period)."""
    return [(m.start(), m.end(), normalise_period(m.group(0))) for m in PERIOD_RE.finditer(s)]


def normalise_period(p: str) -> str:
    """A period as printed, with "Quarter 1" / "Qtr 1" shortened to "Q1"."""
    p = _SPACES.sub(" ", p.strip().strip(",")).strip()
    return _QWORD.sub(lambda m: f"Q{m.group(1)}", p)


def is_month(s: str) -> bool:
    return bool(_MONTH_FULL.match(s))


def is_quarter_only(s: str) -> bool:
    return bool(_QUARTER_ONLY.match(s))


# --- values ----------------------------------------------------------------------------

_NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_VALUE = re.compile(
    rf"^(?P<cmp>[<>\u2264\u2265]=?)?\s*(?P<sign>[-\u2013+]?)\s*(?P<cur>\u00a3)?\s*"
    rf"(?P<open>\()?\s*(?P<num>{_NUM})\s*(?P<close>\))?\s*"
    rf"(?P<unit>%|per ?cent\b|pp\b|k\b|m\b)?\s*\**\s*(?P<rest>.*)$", re.I)
_NA = re.compile(r"^(?:n/?a|n\.a\.?|na|-+|\u2013|\u2014|\.\.|x|\*|tbc|tba|nil|none|no data|"
                 r"not (?:available|applicable|reported|due)|data not available|awaiting data)\b.*$",
                 re.I)


@dataclass(frozen=True, slots=True)
class Value:
    value: str                # digits as printed, without thousands separators, % or £
    unit: str | None          # "%", "£" or None
    comparator: str | None    # "<", ">", ... printed before a target
    rest: str                 # words printed after the number ("overspent", "(45% reduction)")


@lru_cache(maxsize=8192)
def parse_value(cell: str) -> Value | None:
    """A number as printed in a table cell, or None when the cell is not one."""
    m = _VALUE.match(cell)
    if not m:
        return None
    rest = m.group("rest").strip()
    if m.group("open") and not m.group("close") and not rest.startswith(")"):
        return None
    if rest.startswith(")"):
        rest = rest[1:].strip()
    # "12 months", "3 Help scheme": a number that begins a phrase is not a value.
    if rest and not re.match(r"^(?:\(|\[|\*|over|under|overspent|underspent|increase|decrease|"
                             r"reduction|rise|fall|up|down|higher|lower|above|below|pts?|points?|"
                             r"ppts?|per\b|days?|weeks?|hrs?|hours?)", rest, re.I):
        return None
    num = m.group("num").replace(",", "")
    neg = m.group("sign") in ("-", "\u2013") or (m.group("open") and m.group("close"))
    unit = m.group("unit")
    if unit:
        unit = "%" if unit.lower().replace(" ", "") in ("%", "percent") else unit.lower()
    elif m.group("cur"):
        unit = "\u00a3"
    return Value(("-" if neg else "") + num, unit, m.group("cmp"), rest)


def is_na(cell: str) -> bool:
    return bool(_NA.match(cell))


# --- words -----------------------------------------------------------------------------

_STATUS = re.compile(
    r"^(?:red|amber|green|blue|grey|gray|red/amber|amber/red|amber/green|green/amber|r|a|g|a/g|r/a|"
    r"on track|not on track|off track|on target|not on target|off target|at risk|compromised|"
    r"achieved|not achieved|met|not met|exceeded|completed?|in progress|delayed|"
    r"below target|above target|within target|outside target)$", re.I)
_TREND = re.compile(
    r"^(?:increase|increased|increasing|decrease|decreased|decreasing|improv(?:ing|ed|ement)|"
    r"declin(?:ing|ed)|deteriorat(?:ing|ed)|worsen(?:ing|ed)|static|stable|steady|no change|"
    r"unchanged|same|maintained|up|down|higher|lower|better|worse|"
    r"[\u2191\u2193\u2192\u2197\u2198\u25b2\u25bc\u2b06\u2b07])$", re.I)


def is_status(cell: str) -> bool:
    return bool(_STATUS.match(cell))


def is_trend(cell: str) -> bool:
    return bool(_TREND.match(cell))


# Cell kinds
EMPTY, NA, NUM, YEAR, PERIOD, STATUS, TREND, TEXT = (
    "empty", "na", "num", "year", "period", "status", "trend", "text")


@lru_cache(maxsize=16384)
def kind(cell: str) -> str:
    """What a cleaned cell holds."""
    if not cell:
        return EMPTY
    if _YEAR_ONLY.match(cell):
        return YEAR
    if full_period(cell):
        return PERIOD
    v = parse_value(cell)
    if v is not None and not v.rest:
        return NUM
    if is_na(cell):
        return NA
    if is_status(cell):
        return STATUS
    if is_trend(cell):
        return TREND
    if v is not None:
        return NUM
    return TEXT


GRADE = re.compile(r"^(?:[A-E]\*?[+-]?|A\*|U|Distinction\*?\+?|Merit\+?|Pass\+?)$")


def header_like(cells: list[str], first: bool = True) -> bool:
    """Could this row be a table's header: words and periods, no data values?  Rows after
    the first header row must also have short cells (a data row that says "not yet
    reported" is not a header)."""
    if not any(cells):
        return False
    for c in cells[1:]:
        k = kind(c)
        if k in (NUM, NA) or GRADE.match(c):
            return False
        if not first and len(c.split()) > 6:
            return False
    return True


def has_letters(s: str) -> bool:
    return any(c.isalpha() for c in s)


# ---------------------------------------------------------------------------------------
# Blocks: runs of table rows
# ---------------------------------------------------------------------------------------

@dataclass
class Row:
    line: Line
    cells: list[str]
    # the row carries on the row before it across a page break (only page furniture and
    # blank lines between them): the two are adjacent rows of one table
    after_break: bool = False

    @property
    def no(self) -> int:
        return self.line.no


@dataclass
class Block:
    """Consecutive table rows, with the text lines printed around them."""
    rows: list[Row]
    before: list[Line] = field(default_factory=list)   # nearest first, non-blank
    after: list[Line] = field(default_factory=list)    # nearest first, non-blank
    source: str = "text"                                # text | pdfplumber

    @property
    def first(self) -> int:
        return self.rows[0].no

    @property
    def last(self) -> int:
        return self.rows[-1].no

    @property
    def page(self) -> int:
        return self.rows[0].line.page


_MD_RULE = re.compile(r"^[\s|:\-]+$")


def split_cells(text: str) -> list[str] | None:
    """The cells of a line printed as a table row, or None for an ordinary line."""
    if "\t" in text:
        cells = text.split("\t")
    else:
        s = text.strip()
        if len(s) > 2 and s.startswith("|") and s.endswith("|") and s.count("|") >= 3:
            if _MD_RULE.match(s):
                return []             # the rule under a markdown header: part of the table
            cells = s[1:-1].split("|")
        else:
            return None
    cells = [clean_cell(c) for c in cells]
    if _MD_RULE.match("".join(cells) or "-") and not any(has_letters(c) or any(ch.isdigit() for ch in c) for c in cells):
        return None
    while cells and not cells[-1]:
        cells.pop()
    if sum(1 for c in cells if c) == 0:
        return None
    return cells


_CONTEXT = 6      # non-blank lines kept before and after a block


def find_blocks(text: Text) -> list[Block]:
    """The paper's table blocks in reading order.

    Pages for which a layout-aware reader supplied tables (``text.tables``) take their
    rows from there; every other page takes rows from tab-separated (or markdown) lines.
    """
    lines = text.lines
    plumbed = {p for p, ts in (text.tables or {}).items() if ts}
    blocks: list[Block] = []
    current: list[Row] = []
    gap = 0
    for ln in lines:
        if ln.page in plumbed:
            if current:
                blocks.append(Block(current))
                current = []
            continue
        if ln.furniture or ln.blank:
            gap += 1
            continue
        cells = split_cells(ln.text)
        if cells == []:
            continue
        if cells is None:
            if current:
                blocks.append(Block(current))
                current = []
            gap = 0
            continue
        if current and (gap > 1 or (gap == 1 and header_like(cells) and not header_like(current[-1].cells))):
            blocks.append(Block(current))
            current = []
        current.append(Row(ln, cells))
        gap = 0
    if current:
        blocks.append(Block(current))
    for page in sorted(plumbed):
        blocks.extend(_plumbed_blocks(text, page))
    blocks.sort(key=lambda b: b.first)
    blocks = _join_page_breaks(text, blocks)
    _attach_context(text, blocks)
    return blocks


def _join_page_breaks(text: Text, blocks: list[Block]) -> list[Block]:
    """A table that a page break cut in two is one block: the part at the head of a page
    follows the part at the foot of the page before with nothing but page furniture (and
    blank lines) between them, in as many columns, and does not open with a header of
    its own -- unless the part before is only a header (a header row left alone at the
    foot of the page; its empty cells at the end are not printed, so it may be narrower)."""
    if len(blocks) < 2:
        return blocks
    lines = text.lines
    out = [blocks[0]]
    for b in blocks[1:]:
        a = out[-1]
        between = lines[a.last:b.first - 1]
        width_a = max(len(r.cells) for r in a.rows)
        width_b = max(len(r.cells) for r in b.rows)
        header_only = all(header_like(r.cells, k == 0) for k, r in enumerate(a.rows))
        if (b.page > a.rows[-1].line.page and a.source == b.source
                and all(ln.furniture or ln.blank for ln in between)
                and (width_a <= width_b + 1 if header_only else abs(width_a - width_b) <= 1)
                and (header_only or not header_like(b.rows[0].cells))):
            b.rows[0].after_break = True
            out[-1] = Block(a.rows + b.rows, source=a.source)
            continue
        out.append(b)
    return out


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", s.lower())


_SLASH_BREAK = re.compile(r"/[ \t]*\r?\n\s*")


def _plumbed_blocks(text: Text, page: int) -> list[Block]:
    """Blocks from pdfplumber tables of one page, each row cited to the line of the page
    that prints the row (a PDF reader writes each row as one line of tab-separated
    cells), else to the line whose text holds the row's first cell."""
    page_lines = [ln for ln in text.lines if ln.page == page and not ln.blank]
    if not page_lines:
        return []
    normed = [_norm(ln.text) for ln in page_lines]
    tabbed = ["\t" in ln.text for ln in page_lines]
    out: list[Block] = []
    pos = 0
    for table in text.tables.get(page, []):
        rows: list[Row] = []
        for raw in table:
            # a cell's lines as one line ("education/" + "childcare" broken at the slash)
            cells = [clean_cell(_SLASH_BREAK.sub("/", c).replace("\n", " ") if c else "")
                     for c in raw]
            while cells and not cells[-1]:
                cells.pop()
            if not any(cells):
                continue
            whole = _norm("".join(cells))
            several = sum(1 for c in cells if c) > 1
            found = next((i for i in range(pos, len(page_lines))
                          if normed[i] == whole and (tabbed[i] or not several)), None)
            if found is not None:
                pos = found + 1
            else:
                probe = next((_norm(c)[:24] for c in cells if _norm(c)), "")
                if probe:
                    found = next((i for i in range(pos, len(page_lines)) if probe in normed[i]),
                                 None)
                if found is None:
                    found = min(pos, len(page_lines) - 1)
                else:
                    pos = found
            rows.append(Row(page_lines[found], cells))
        if rows:
            out.append(Block(rows, source="pdfplumber"))
    return out


def _attach_context(text: Text, blocks: list[Block]) -> None:
    """The paragraphs printed before and after each block, nearest first.  A paragraph
    that a PDF's layout wrapped over several lines (``Text.wraps``) is one line of
    context, as a text conversion prints it: its text joined, cited to its first line."""
    lines = text.lines
    n = len(lines)
    in_table: set[int] = set()
    for b in blocks:
        in_table.update(r.no for r in b.rows)
    for b in blocks:
        before: list[Line] = []
        i = b.first - 2
        while i >= 0 and len(before) < _CONTEXT and b.first - 1 - i <= 40:
            ln = lines[i]
            if ln.no in in_table:
                break
            if not ln.blank and not ln.furniture:
                start = paragraph_start(text, i)
                before.append(paragraph(text, start, i))
                i = start
            i -= 1
        after: list[Line] = []
        i = b.last
        while i < n and len(after) < _CONTEXT and i - b.last <= 40:
            ln = lines[i]
            if ln.no in in_table:
                break
            if not ln.blank and not ln.furniture:
                end = paragraph_end(text, i)
                after.append(paragraph(text, i, end))
                i = end
            i += 1
        b.before, b.after = before, after


# ---------------------------------------------------------------------------------------
# Paragraphs: lines a PDF's layout wrapped, joined back
# ---------------------------------------------------------------------------------------

def paragraph_start(text: Text, i: int) -> int:
    """Index (in ``text.lines``) of the first line of the paragraph holding line index i."""
    wraps, lines = text.wraps, text.lines
    while i > 0 and lines[i].no in wraps and lines[i - 1].no == lines[i].no - 1:
        i -= 1
    return i


def paragraph_end(text: Text, i: int) -> int:
    """Index of the last line of the paragraph holding line index i."""
    wraps, lines = text.wraps, text.lines
    while i + 1 < len(lines) and lines[i + 1].no in wraps and lines[i + 1].no == lines[i].no + 1:
        i += 1
    return i


def paragraph(text: Text, start: int, end: int) -> Line:
    """Lines start..end (indexes) as one line, cited to the first; joined as
    ``Text.spans()`` joins them (a word hyphenated at a line end is made whole)."""
    first = text.lines[start]
    if end <= start:
        return first
    s = first.text.strip()
    for ln in text.lines[start + 1:end + 1]:
        nxt = ln.text.strip()
        if s.endswith("-") and not s.endswith(" -") and nxt[:1].islower():
            s = s[:-1] + nxt
        else:
            s = f"{s} {nxt}"
    return Line(first.no, first.page, s, first.furniture)
