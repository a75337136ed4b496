"""Performance indicators from the tables of a paper.

The reader recognises table *shapes*, never a council's wording:

* **period columns** -- a header row of years, financial years, quarters, months or terms
  over rows of measures ("Number of S47 investigations | 1290 | 1426 ...");
* **periods in cells** -- dashboards that print "Previous Period | Previous Value |
  Latest Period | Latest Value | Trend | Target | Status | ..." on every row;
* **measure tables** -- "Measure | Actual | Target | Status | Direction of Travel";
* **area rows / area columns** -- the council's own row or column beside comparators
  (England, National, Statistical neighbours, a region, a quartile).  Comparators become
  ``Indicator.comparators`` of the council's value, never indicators of their own;
* **period rows** -- the transposed form, each row a period (or a month) and each column
  an area or a measure;
* **count tables** -- "Category | Number | %" with a total row, or a date in the caption.

Left out by structure: finance tables (a header or title about budgets, spend, savings,
income, capital, or money columns in £/£'000/£m), risk registers, counts of measures by
status, month-by-year grids, compositional shares (a bare "%" share column without a
total row), the breakdown cells of cross-tabulations (a total row *and* a total column:
only the grand total and its change are read), side-by-side lists, rows without a label,
chart residue and anything not printed in a table cell.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..reading import Line, Text
from .records import Indicator
from .tables import (EMPTY, GRADE, NA, NUM, PERIOD, STATUS, TEXT, TREND, YEAR, Block, Row,
                     find_blocks, find_periods, full_period, has_letters, header_like, is_month,
                     is_na, is_quarter_only, kind, paragraph, paragraph_start, parse_value)

# ---------------------------------------------------------------------------------------
# Vocabulary (generic English of council performance reporting)
# ---------------------------------------------------------------------------------------

_COMPARATOR = re.compile(
    r"\b(?:national|nationally|england|statistical|neighbou?rs?|sn|snn|region|regional|"
    r"quartile|comparators?|core cities|shire counties|unitar(?:y|ies)|all las|"
    r"north east|north west|yorkshire|humber|east midlands|west midlands|midlands|"
    r"east of england|eastern|london|inner london|outer london|south east|south west|"
    r"wales|scotland|northern ireland|great britain|uk|gb|benchmark(?:ing)?)\b"
    r"|\b\w+ family(?: average| group average)?$|\bfamily average\b", re.I)
# columns never read as values
_IGNORE = re.compile(
    r"\b(?:forecast|projection|polarity|good is|frequency|source|definition|description of|"
    r"contact|e-?mail|tel|telephone|pages?|page nos?|item|items|ref|reference|code|measure id|"
    r"pi ref|kpi ref|"
    r"link|url)\b", re.I)
# columns of words about a row, when they hold text
_TEXT_COL = re.compile(
    r"\b(?:commentary|comments?|analysis|narrative|notes?|reasons?|rationale|actions?|"
    r"explanation|lead|leads|owner|responsible|update|progress|context)\b", re.I)
_TARGET = re.compile(r"\b(?:target|ambition|goal|threshold|tolerance|aim)s?\b", re.I)
_STATUS_H = re.compile(r"\b(?:status|rag|rating|r/a/g|on track)\b", re.I)
_TREND_H = re.compile(r"\b(?:trend|direction|d\.?o\.?t|travel|change since|improving\?)\b", re.I)
_PCELL_H = re.compile(r"\b(?:period|date|as at|year|month|quarter)\b", re.I)
_MEASURE_H = re.compile(r"\b(?:measure|indicator|metric|kpi|kpis|pi|performance indicator|"
                        r"headline measure|description)s?\b", re.I)
_CATEGORY_H = re.compile(r"\b(?:topic|theme|area of focus|priority|outcome|service area|"
                         r"portfolio|directorate|objective|ambition)\b", re.I)
_AREA_H = re.compile(r"^(?:region|area|authority|local authority|la|geography|comparator|"
                     r"comparison|benchmark|group)$", re.I)
_GENERIC_VALUE = re.compile(
    r"^(?:latest|current|previous|actual|value|values|latest value|previous value|"
    r"latest actual|actual value|performance|performance at|result|results|outturn|figure|"
    r"latest figure|data|score|position|ytd|year to date|cumulative|in period|"
    r"this (?:quarter|period|month|year)|last (?:quarter|period|month|year)|at|as at|"
    r"total|number|no\.?|count|n|year end|year-end|outturn|final|provisional|actual outturn|"
    r"for|in|to|of)$", re.I)
_FINANCE = re.compile(
    r"\b(?:budgets?|spend|spent|overspend|underspend|over\s*/\s*under\s*spend|outturn £|"
    r"expenditure|income|savings?|capital|reprofil\w*|virements?|reserves|funding|funds?|"
    r"payments? in kind|grants?|contributions?|revenue)\b"
    r"|\u00a3\s*(?:'?0{3}s?|m\b|k\b|million)|^\s*\u00a3\s*$", re.I)
_RISK = re.compile(r"\brisk (?:score|rating|register|level|appetite|owner|number)s?\b|"
                   r"\b(?:residual|inherent|net|gross|current|target|service|strategic|corporate)"
                   r" risks?\b|\blikelihood\b|\bmitigations?\b|^risks?$", re.I)
_FIN_HEADING = re.compile(r"\b(?:budgets?|spend|overspend|underspend|expenditure|income|savings|"
                          r"capital programme|outturn|financial (?:statement|position|summary|"
                          r"monitoring)|accounts)\b", re.I)
_MEASURE_COUNT = re.compile(r"\b(?:no\.?|number|count) of (?:kbms?|measures|indicators|kpis|pis|"
                            r"activities|actions|targets)\b", re.I)
_COHORT = re.compile(r"^(?:total )?(?:number|no\.?) of (?:pupils|children|students|learners|"
                     r"young people)\b|\bcohort\b|\beligible pupils\b", re.I)
_TOTAL = re.compile(r"^(?:grand )?total\b|\btotal$", re.I)
_BARE_PCT = re.compile(r"^(?:%|percent(?:age)?|% of total|share)$", re.I)
_CHANGE = re.compile(r"\(\s*([-+]?\d+(?:\.\d+)?)\s*%\s*(increase|decrease|reduction|rise|fall|"
                     r"drop|growth|change)\s*\)", re.I)
_CAPTION = re.compile(r"^(?:tables?|figures?|charts?|graphs?|appendix)\s*\d+[a-z]?"
                      r"(?:\s*(?:&|and)\s*\d+)?\b\s*[:.\-\u2013]?\s*(?:(?:below\s+)?(?:shows|"
                      r"illustrates|sets out|summarises|gives)\s*:?\s*)?", re.I)
_TABLE_CAPTION = re.compile(r"^(?:tables?|figures?)\s*\d+[a-z]?\b", re.I)
_NUMBERING = re.compile(r"^(?:[-\u2022*]\s*)?(?:(?!(?:19|20)\d{2}\b)\d+(?:\.\d+)*\.?|\(?[a-z]\)|"
                        r"[ivx]+\.)\s+", re.I)
_PER = re.compile(r"\bper\s+(\d{1,3}(?:,\d{3})+|10+)(?![\d,])", re.I)
_LONG_PAREN = re.compile(r"\s*\(([^()]*)\)")
_GRADE = GRADE

_UNIT_ONLY = re.compile(r"\u00a3\s*(?:/|per)\s*\w+|\bper\s+[\d,]+|[\u00a3%$/()]", re.I)
_PERIOD_WORD = re.compile(r"(?:financial |academic |reporting )?(?:year|period|quarter|month|date|"
                          r"term|as at|year ending|year end)s?", re.I)
_PERSON = re.compile(r"^(?:cllr|councillor|county councillor|mr|mrs|ms|miss|mx|dr|prof)\.?\s+[A-Z]",
                     re.I)
_UNIT_COST = re.compile(r"\b(?:average|ave|avg|unit|per)\b|\u00a3\s*/", re.I)
_TABLE_WORDS = re.compile(r"\b(?:tables?|figures?|charts?|below|following|as at)\b", re.I)
_STOP = {"the", "a", "an", "of", "and", "to", "in", "on", "for", "with", "by", "at", "or", "as",
         "who", "that", "their", "is", "are", "be", "been", "from"}


def _content_words(s: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", s.lower()) if w not in _STOP]


# ---------------------------------------------------------------------------------------
# The council's own name (to tell its row or column from comparators)
# ---------------------------------------------------------------------------------------

_COUNCIL = re.compile(r"\b((?:[A-Z][a-z]+(?:[ -](?:and|upon|on|under)?[ -]?)?){1,3})\s+"
                      r"(?:County |City |Borough |District |Metropolitan Borough )?Council\b")


def council_place(text: Text) -> str | None:
    """The most often printed "<Place> [County|City|Borough] Council" place name."""
    counts: Counter[str] = Counter()
    for ln in text.lines:
        if "Council" in ln.text:
            for m in _COUNCIL.finditer(ln.text):
                place = m.group(1).strip(" -")
                words = place.split()
                while words and words[0] in ("The", "A", "This", "By", "And", "Of", "To", "For",
                                             "Cabinet", "Full", "County", "City", "Borough",
                                             "Parish", "Town"):
                    words = words[1:]
                while words and words[-1] in ("County", "City", "Borough", "District",
                                              "Metropolitan"):
                    words = words[:-1]
                if words:
                    counts[" ".join(words)] += 1
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def _is_own_area(s: str, place: str | None) -> bool:
    if not place or not s:
        return False
    low = s.lower()
    if place.lower() in low:
        return True
    initials = "".join(w[0] for w in place.split()) + "cc"
    return bool(re.search(rf"\b{re.escape(initials.lower())}\b", low))


def _is_comparator(s: str) -> bool:
    """An area or benchmark a council compares itself with (a short label or header)."""
    return bool(s) and len(_content_words(s)) <= 5 and bool(_COMPARATOR.search(s.strip(" *:")))


# ---------------------------------------------------------------------------------------
# Tables: header, columns and rows of one table
# ---------------------------------------------------------------------------------------

@dataclass
class Col:
    header: str                      # the whole header text of the column
    measure: str = ""                # header without its period
    period: str | None = None        # period printed in the header
    role: str = ""                   # label qual cat value pcell target status trend comp ignore side
    numeric: bool = False
    unit: str | None = None


@dataclass
class Table:
    header_rows: list[list[str]]
    rows: list[Row]
    block: Block
    inherited_title: bool = False
    cols: list[Col] = field(default_factory=list)
    label: int = 0
    title: str | None = None
    heading: str | None = None
    context_period: str | None = None
    near_period: str | None = None
    text: Text | None = None

    @property
    def first_line(self) -> int:
        return self.rows[0].no if self.rows else self.block.first

    @property
    def width(self) -> int:
        return max([len(r) for r in self.header_rows] + [len(r.cells) for r in self.rows] + [0])


def _periods_in(cells: list[str]) -> int:
    return sum(1 for c in cells[1:] if c and (kind(c) in (YEAR, PERIOD) or is_month(c)
                                              or is_quarter_only(c)))


def _plausible_years(cells: list[str]) -> bool:
    """Plain four-digit years in a header run in steps of one ("2016 | 2017"); a row of
    counts that happen to lie between 1900 and 2099 does not."""
    years = [int(c) for c in cells[1:] if kind(c) == YEAR]
    if len(years) < 2:
        return True
    return all(abs(b - a) == 1 for a, b in zip(years, years[1:]))


def _fix_year_fragments(cells: list[str]) -> list[str]:
    """"201 | 6" printed for one "2016" header cell: join them back."""
    if not any(kind(c) in (YEAR, PERIOD) for c in cells):
        return cells
    out = list(cells)
    for j in range(1, len(out) - 1):
        a, b = out[j], out[j + 1]
        if a.isdigit() and b.isdigit() and len(a) + len(b) == 4 and kind(a + b) == YEAR \
                and kind(a) != YEAR and kind(b) != YEAR:
            out[j], out[j + 1] = a + b, ""
    return out


def _gap(rows: list[Row], i: int) -> bool:
    """Is something (a blank line, text) printed between row i and the row before it?
    Page furniture between the parts of a table cut by a page break is not."""
    return i > 0 and rows[i].no - rows[i - 1].no > 1 and not rows[i].after_break


def _split_block(block: Block) -> list[Table]:
    rows = [Row(r.line, _fix_year_fragments(r.cells), r.after_break) for r in block.rows]
    tables: list[Table] = []
    i = 0
    header: list[list[str]] = []
    while i < len(rows) and len(header) < 3 and header_like(rows[i].cells, not header):
        # a lone first-cell row after a header is a group heading, not a header row
        if header and sum(1 for c in rows[i].cells if c) == 1 and rows[i].cells[0]:
            break
        if header and _gap(rows, i) and _periods_in(rows[i].cells) >= 2:
            break                 # a new header after a blank line: a new table
        header.append(rows[i].cells)
        i += 1
    current = Table(header, [], block)
    tables.append(current)
    while i < len(rows):
        r = rows[i]
        gap = _gap(rows, i)
        if header_like(r.cells) and _periods_in(r.cells) >= 2 and (current.rows or gap) and \
                _plausible_years(r.cells):
            hdr = [r.cells]
            i += 1
            while i < len(rows) and len(hdr) < 3 and header_like(rows[i].cells, False) \
                    and sum(1 for c in rows[i].cells if c) > 1 and \
                    (rows[i].no - rows[i - 1].no == 1 or rows[i].after_break):
                hdr.append(rows[i].cells)
                i += 1
            current = Table(hdr, [], block, inherited_title=True)
            tables.append(current)
            continue
        current.rows.append(r)
        i += 1
    return [t for t in tables if t.rows or t.header_rows]


def _assemble(blocks: list[Block]) -> list[Table]:
    """Tables from blocks: split at repeated header rows; a block without a header that
    follows a table closely, with as many cells, continues that table."""
    out: list[Table] = []
    for b in blocks:
        parts = _split_block(b)
        first = parts[0]
        if not first.header_rows and out:
            prev = out[-1]
            width = len(prev.header_rows[0]) if prev.header_rows else prev.width
            cells = max(len(r.cells) for r in first.rows)
            if prev.rows and first.first_line - prev.rows[-1].no <= 10 and \
                    abs(cells - width) <= 1:
                prev.rows.extend(first.rows)
                out.extend(parts[1:])
                continue
        out.extend(parts)
    return out


# --- header ----------------------------------------------------------------------------

def _combine_header(t: Table) -> None:
    width = t.width
    rows = [r + [""] * (width - len(r)) for r in t.header_rows]
    if not rows:
        t.cols = [Col("") for _ in range(width)]
        return
    kept = [rows[0]]
    for r in rows[1:]:
        redundant = True
        for j, c in enumerate(r):
            if not c:
                continue
            near = [k for k in rows[0][max(0, j - 1):j + 2] if k]
            if not any(c.lower() in k.lower() for k in near):
                redundant = False
                break
        if not redundant:
            kept.append(r)
    prow = None
    if len(kept) > 1:
        cands = [r for r in kept if _periods_in(r) >= 1 and
                 all(not c or kind(c) in (YEAR, PERIOD) or is_quarter_only(c) for c in r[1:])]
        if len(cands) == 1:
            prow = cands[0]
    cols: list[Col] = []
    span: str | None = None
    for j in range(width):
        if prow is not None:
            others = [r[j] for r in kept if r is not prow and r[j]]
            if j >= 1 and prow[j]:
                span = prow[j]
            text = " ".join(others)
            period = full_period(span) if (j >= 1 and span) else None
            if j == 0:
                text = " ".join(r[0] for r in kept if r[0])
            cols.append(Col(text, text, period))
        else:
            text = " ".join(r[j] for r in kept if r[j])
            cols.append(Col(text))
    t.cols = cols
    for c in cols:
        if c.period is None and c.header:
            _split_period(c)
        elif c.period is not None:
            c.measure = c.header


def _split_period(c: Col) -> None:
    p = full_period(c.header)
    if p:
        c.period, c.measure = p, ""
        return
    found = find_periods(c.header)
    if len(found) == 1:
        a, b, p = found[0]
        c.period = p
        c.measure = (c.header[:a] + " " + c.header[b:]).strip(" -:,*()")
        c.measure = re.sub(r"\s+", " ", c.measure)
    elif len(found) == 2 and re.search(r"\b(?:over|vs\.?|versus|compared|to|on)\b",
                                       c.header[found[0][1]:found[1][0]], re.I):
        c.period = c.header[found[0][0]:found[1][1]]
        c.measure = (c.header[:found[0][0]] + " " + c.header[found[1][1]:]).strip(" -:,*")
    else:
        c.measure = c.header


def _merge_fragment_columns(t: Table) -> None:
    """A header cell split mid-word by the conversion ("Type of placemen | t - Costs")
    makes two columns of one: join them, in the header and in every row."""
    j = 1
    while j < len(t.cols):
        h, prev = t.cols[j].header, t.cols[j - 1].header
        data = [r.cells[j] for r in t.rows if j < len(r.cells) and r.cells[j]]
        if h and prev and h[0].islower() and prev[-1].isalpha() and \
                all(kind(c) in (TEXT, EMPTY) for c in data):
            t.cols[j - 1] = Col(_join_fragments(prev, h))
            _split_period(t.cols[j - 1])
            del t.cols[j]
            for r in t.rows:
                if j < len(r.cells):
                    a, b = r.cells[j - 1], r.cells[j]
                    r.cells = r.cells[:j - 1] + [_join_fragments(a, b)] + r.cells[j + 1:]
            t.header_rows = [hr[:j - 1] + [_join_fragments(hr[j - 1], hr[j] if j < len(hr) else "")]
                             + hr[j + 1:] if len(hr) > j - 1 else hr for hr in t.header_rows]
            continue
        j += 1


def _join_fragments(a: str, b: str) -> str:
    """Join the two halves of a cell split by a conversion; the halves often repeat a
    few letters at the cut ("Livi|ing", "Accommodation|on")."""
    if not a or not b:
        return a or b
    if not b[0].islower() and not b[0].isdigit():
        return f"{a} {b}"
    for k in range(min(len(a), len(b), 4), 0, -1):
        if a[-k:].lower() == b[:k].lower() and a[-1].isalpha():
            return a + b[k:]
    if a[-1].isalpha() and b[0].isalpha():
        return a + b
    return f"{a} {b}"


# --- alignment of rows to the header --------------------------------------------------------

def _expect(c: Col) -> str:
    h = c.header
    if not h:
        return ""
    if _PCELL_H.search(h) and not c.period and not re.search(r"value|number|%|rate", h, re.I):
        return "period"
    if _STATUS_H.search(h) and not c.period:
        return "status"
    if _TREND_H.search(h) and not c.period:
        return "trend"
    if _IGNORE.search(h) or _TEXT_COL.search(h):
        return ""
    if _TARGET.search(h):
        return "target"
    if c.period or re.search(r"\b(?:value|actual|number|no\.|total|rate|count|score|%|"
                             r"performance|outturn|result|average|quartile)\b|%", h, re.I):
        return "numeric"
    return ""


def _fit(expect: str, cell: str) -> float:
    k = kind(cell)
    if not expect or k == EMPTY:
        return 0.0
    if expect == "numeric":
        return 1.0 if k in (NUM, YEAR, NA) else -1.0
    if expect == "target":
        return 1.0 if k in (NUM, NA) else 0.5 if any(ch.isdigit() for ch in cell) else 0.0
    if expect == "period":
        return 1.0 if k in (PERIOD, YEAR) else -1.0
    if expect == "status":
        return 1.0 if k in (STATUS, NA) else -0.5
    if expect == "trend":
        return 1.0 if k in (TREND, NA) else -0.5
    return 0.0


def _fit_rows(rows: list[list[str]], expects: list[str],
              remove: bool = True) -> tuple[float, list[list[str]], list[list[str]]]:
    """Fit rows to a header of len(expects) columns.  Rows with more cells lose, at the
    same position in every row of that length, the cells that fit worst (a qualifier
    column the header does not name); the cells removed are returned as extras."""
    width = len(expects)
    out = [list(r) for r in rows]
    extras: list[list[str]] = [[] for _ in rows]
    by_len: dict[int, list[int]] = {}
    for i, r in enumerate(out):
        if len(r) > width > 1 and remove:
            by_len.setdefault(len(r), []).append(i)
    for n, idx in by_len.items():
        for _ in range(n - width):
            best = None
            cur = len(out[idx[0]])
            for j in range(1, cur):
                if any(kind(out[i][j]) not in (EMPTY, TEXT) for i in idx):
                    continue
                sc = sum(sum(_fit(e, c) for e, c in zip(expects, out[i][:j] + out[i][j + 1:]))
                         for i in idx)
                if best is None or sc > best[0]:
                    best = (sc, j)
            if best is None:
                break
            j = best[1]
            for i in idx:
                if out[i][j]:
                    extras[i].append(out[i][j])
                del out[i][j]
    total = sum(sum(_fit(e, c) for e, c in zip(expects, r)) for r in out)
    return total, out, extras


def _align(t: Table) -> None:
    """Fit data rows whose cells are shifted against the header: an empty header cell
    with no column below it, or a column of qualifiers the header does not name."""
    hw = max((len(r) for r in t.header_rows), default=0)
    if hw and hw < len(t.cols):
        t.cols = t.cols[:max(hw, 1)]
    expects = [_expect(c) for c in t.cols]
    raw = [r.cells for r in t.rows]
    best = _fit_rows(raw, expects) + (list(range(len(t.cols))),)
    empty_cols = [j for j, c in enumerate(t.cols) if j > 0 and not c.header]
    if empty_cols and t.header_rows:
        keep = [j for j in range(len(t.cols)) if j not in empty_cols]
        alt = _fit_rows(raw, [expects[j] for j in keep], remove=False) + (keep,)
        if alt[0] > best[0] and all(len(r) <= len(keep) for r in raw):
            best = alt
    _, cells, extras, keep = best
    t.cols = [t.cols[j] for j in keep]
    width = len(t.cols)
    for r, c, x in zip(t.rows, cells, extras):
        r.cells = c + [""] * (width - len(c))
        r.extra = x  # type: ignore[attr-defined]


# --- column roles ------------------------------------------------------------------------

def _column_kinds(t: Table, j: int) -> Counter:
    return Counter(kind(r.cells[j]) for r in t.rows if j < len(r.cells) and r.cells[j])


def _assign_roles(t: Table, place: str | None) -> None:
    n = len(t.cols)
    numeric = []
    for j in range(n):
        ks = _column_kinds(t, j)
        tot = sum(ks.values())
        num = ks[NUM] + ks[YEAR]
        numeric.append(tot > 0 and num > 0 and (num + ks[NA]) * 2 >= tot)
        t.cols[j].numeric = numeric[-1]
    first_num = next((j for j in range(1, n) if numeric[j]), n)
    # the label column: a "Measure"/"Indicator" column, else the first column with text
    label = 0
    for j in range(0, min(first_num, n)):
        if _MEASURE_H.search(t.cols[j].header) and not _CATEGORY_H.search(t.cols[j].header):
            label = j
            break
    else:
        for j in range(0, min(first_num, n)):
            ks = _column_kinds(t, j)
            if ks and (ks[TEXT] or ks[NUM] or ks[YEAR] or ks[PERIOD]):
                label = j
                break
    t.label = label
    seen_num = False
    for j, c in enumerate(t.cols):
        h = c.header
        ks = _column_kinds(t, j)
        tot = sum(ks.values())
        if j == label:
            c.role = "label"
            continue
        if j < label:
            c.role = "cat"
            continue
        if h and re.search(r"\bbaseline\b", h, re.I) and not c.period:
            c.role = "comp"
        elif h and (_IGNORE.search(c.measure or h) or (_TEXT_COL.search(c.measure or h)
                                                          and not numeric[j])) \
                and not _TARGET.search(h) and not (c.period and not (c.measure or "").strip()):
            c.role = "ignore"
        elif h and _TARGET.search(h):
            c.role = "target"
        elif (h and _STATUS_H.search(h) and not c.period) or (tot and ks[STATUS] * 2 > tot):
            c.role = "status"
        elif (h and _TREND_H.search(h) and not c.period and not numeric[j]) or \
                (tot and ks[TREND] * 2 > tot):
            c.role = "trend"
        elif h and _PCELL_H.search(h) and not c.period and tot and \
                (ks[PERIOD] + ks[YEAR]) * 2 >= tot and not re.search(r"value|number|%", h, re.I):
            c.role = "pcell"
        elif numeric[j] or (tot and (ks[NUM] + ks[YEAR]) and c.period):
            if h and _is_comparator(c.measure or h) and not _is_own_area(h, place):
                c.role = "comp"
            else:
                c.role = "value"
            seen_num = True
        elif not tot:
            c.role = "empty"
        elif seen_num:
            c.role = "side" if (not h or not _CATEGORY_H.search(h)) else "ignore"
            if c.role == "side" and ks[TEXT] * 2 < tot:
                c.role = "ignore"
        else:
            c.role = "cat" if (h and _CATEGORY_H.search(h)) or _IGNORE.search(h or "") or \
                _TEXT_COL.search(h or "") else "qual"
            if h and re.search(r"frequency", h, re.I):
                c.role = "ignore"
    # value columns after a period column take its period ("2021/22 | % of ...")
    last_period = None
    for c in t.cols:
        if c.role == "pcell":
            last_period = None
        if c.role in ("value", "comp") and c.period:
            last_period = c.period
        elif c.role == "value" and not c.period and last_period and c.measure:
            c.period = last_period
    for c in t.cols:
        if c.role in ("value", "comp", "target"):
            c.unit = _unit_from(c.header)


def _unit_from(s: str) -> str | None:
    if not s:
        return None
    if re.search(r"\u00a3\s*(?:/|per)\s*(week|wk|night|day|hour|month|year|annum|child|head)", s, re.I):
        m = re.search(r"\u00a3\s*(?:/|per)\s*(\w+)", s, re.I)
        return f"\u00a3/{m.group(1).lower()}" if m else "\u00a3"
    m = _PER.search(s)
    if m:
        return f"per {m.group(1)}"
    if "%" in s or re.search(r"\bpercent(?:age)?\b", s, re.I):
        return "%"
    return None


# ---------------------------------------------------------------------------------------
# Context: title, heading, caption and period printed around a table
# ---------------------------------------------------------------------------------------

def _clean_title(s: str) -> str:
    s = re.sub(r"\*\*|</?[a-z]+>|\[|\]\(#\)", "", s).strip()
    s = _CAPTION.sub("", s) if _CAPTION.match(s) else s
    s = _NUMBERING.sub("", s)
    return s.strip(" :-\u2013.").strip()


_NOT_HEADING = re.compile(r"@|https?:|www\.|\b(?:tel|telephone|email|e-mail|phone|contact)\b\s*:?",
                          re.I)


def _is_heading(s: str) -> bool:
    s = s.strip()
    if not s or len(s.split()) > 22 or s.startswith(("- ", "\u2022")) or _NOT_HEADING.search(s):
        return False
    if s.endswith(".") and not _CAPTION.match(s):
        return False
    return has_letters(s)


def _single_period(s: str) -> str | None:
    """The one period a line names (None when it names none, or several)."""
    found = {p for _, _, p in find_periods(s)}
    return found.pop() if len(found) == 1 else None


def _context(t: Table, text: Text, previous: Table | None) -> None:
    b = t.block
    t.text = text
    title = heading = None
    if t.inherited_title and previous is not None:
        t.title, t.heading = previous.title, previous.heading
        t.context_period, t.near_period = previous.context_period, previous.near_period
        return
    before = b.before
    # a caption ("Table 3 ...", "Figure 5: ...") right above the table, possibly wrapped
    # over lines, else right under it
    above = None
    for k, ln in enumerate(before[:3]):
        s = ln.text.strip()
        if k > 0 and not before[k - 1].text.strip()[:1].islower():
            break
        if _TABLE_CAPTION.match(s):
            s = " ".join([s] + [x.text.strip() for x in reversed(before[:k])])
            if 2 <= len(_clean_title(s).split()) <= 60 and not re.search(r"[a-z]\.\s+[A-Z]", s):
                above = s
            break
    caption_raw = None
    for ln in b.after[:1]:
        s = ln.text.strip()
        if _TABLE_CAPTION.match(s) and not re.search(r"[a-z]\.\s+[A-Z]", s) and \
                len(_clean_title(s).split()) >= 2:
            caption_raw = s
    if above:
        title = _clean_title(above)
        caption_raw = above
    elif caption_raw:
        title = _clean_title(caption_raw)
    for ln in before[:2]:
        s = ln.text.strip()
        if _is_heading(s):
            heading = _clean_title(s)
            break
    if title is None and heading is None and previous is not None and previous.rows and \
            0 < b.first - previous.rows[-1].no <= 3 and len(previous.cols) == len(t.cols):
        title, heading = previous.title, previous.heading      # a table continued
    t.title = title
    t.heading = heading
    # a period printed just above or in the caption (for tables without period columns)
    near = None
    for s in ([caption_raw] if caption_raw else []) + [ln.text for ln in before[:2]
                                               if _is_heading(ln.text) or _TABLE_WORDS.search(ln.text)]:
        near = _single_period(s)
        if near:
            break
    t.near_period = near
    period = near
    t.context_period = period


def _report_period(t: Table) -> str | None:
    """The period of the report a table sits in: the nearest short heading above (within
    80 lines) that names a quarter of a year ("Quarter 1 2024/25", "Q3 2023/24")."""
    if t.context_period:
        return t.context_period
    text = t.text
    first = t.block.first
    i = first - 2
    while i >= 0 and first - i <= 80:
        start = paragraph_start(text, i)       # a paragraph a PDF wrapped is one line
        s = paragraph(text, start, i).text if start < i else text.lines[i].text
        if "\t" not in s and _QUARTERISH.search(s) and len(s.split()) <= 12:
            found = [p for _, _, p in find_periods(s)]
            if len(found) == 1 and re.search(r"\bQ[1-4]\b", found[0]) and \
                    re.search(r"(?:19|20)\d{2}", found[0]):
                t.context_period = found[0]
                return found[0]
        i = start - 1
    return None


_QUARTERISH = re.compile(r"\b(?:q|qtr\.?|quarter)\s?[1-4]\b", re.I)


def _informative(s: str | None) -> bool:
    if not s:
        return False
    s2 = re.sub(r"[*\u00b2\u00b9]", "", s).strip()
    if not has_letters(s2):
        return False
    if _MEASURE_H.fullmatch(s2.lower()) or re.fullmatch(r"(?:measure|indicator|metric|kpi)s?"
                                                        r"(?: name| title| description)?",
                                                        s2, re.I):
        return False
    return True


# ---------------------------------------------------------------------------------------
# Reading a table
# ---------------------------------------------------------------------------------------

def _clean_label(s: str) -> str:
    s = s.strip()

    def paren(m: re.Match) -> str:
        inner = m.group(1)
        return "" if len(inner.split()) > 6 else m.group(0)
    s = _LONG_PAREN.sub(paren, s)
    s = re.sub(r"\s*\*+\s*note\s*\d*\s*$", "", s, flags=re.I)
    s = re.sub(r"[*\u00b2\u00b9\u00b3]+$", "", s)
    s = re.sub(r"\s*[:.;,]\s*$", "", s)
    return re.sub(r"\s+", " ", s).strip()


def _needs_context(label: str) -> bool:
    words = _content_words(label)
    return len(words) <= 4 or bool(_TOTAL.search(label)) or not has_letters(label)


def _target(cell: str) -> str | None:
    if not cell or is_na(cell):
        return None
    v = parse_value(cell)
    if v is not None and not v.rest:
        return (v.comparator or "") + v.value
    return re.sub(r"\*+$", "", cell).strip() or None


def _row_unit(cell_unit: str | None, col: Col, name: str, t: Table, row_cells: list[str]) -> str | None:
    """The unit of one value: the cell's % sign, its column's unit, "per 10,000" or "£/week"
    in the measure's name or title, or -- for a percentage measure whose cell prints no
    sign -- the % of its target or comparator cells in the same row."""
    if cell_unit == "%":
        return "%"
    if col.unit:
        return col.unit
    for s in (name, t.title or "", t.cols[0].header if t.cols else ""):
        u = _unit_from(s)
        if u and u.startswith(("per", "\u00a3/")):
            return u
    if "%" in name or re.search(r"\bpercentage\b|\bproportion\b", name, re.I):
        return "%"
    for j, c in enumerate(t.cols):
        same_measure = c.role == "value" and c is not col and c.measure == col.measure
        if (c.role in ("comp", "target") or same_measure) and j < len(row_cells):
            v = parse_value(row_cells[j])
            if v and v.unit == "%":
                return "%"
    return None


@dataclass
class _Entry:
    name: str
    period: str | None
    value: str
    unit: str | None
    line: Line
    col: int
    key: tuple
    target: str | None = None
    status: str | None = None
    direction: str | None = None
    comparators: dict[str, str] = field(default_factory=dict)
    table: str | None = None
    area: str | None = None
    ref: str | None = None


def _reject(t: Table) -> bool:
    """Structural reasons not to read a table as performance indicators."""
    headers = " | ".join(c.header for c in t.cols)
    context = " ".join(filter(None, [t.title, t.heading]))
    if _FINANCE.search(headers) or any(_FINANCE.search(c.header) for c in t.cols):
        return True
    if t.heading and _FIN_HEADING.search(t.heading) and not any(c.role == "target" for c in t.cols):
        return True
    if any(_RISK.search(c.header) for c in t.cols) or \
            (context and re.search(r"\brisk (?:register|score)", context, re.I)):
        return True
    if _MEASURE_COUNT.search(headers):
        return True
    if any(c.role == "side" for c in t.cols):
        return True
    values = [c for c in t.cols if c.role == "value"]
    if not values:
        return True
    labels = [r.cells[t.label] for r in t.rows if t.label < len(r.cells) and r.cells[t.label]]
    # people (attendance, membership, casework by officer) are not performance measures
    if labels and sum(1 for lb in labels if _PERSON.match(lb)) * 2 >= len(labels):
        return True
    # money: most values printed in pounds, and no unit cost in the header
    cells = [r.cells[j] for r in t.rows for j, c in enumerate(t.cols)
             if c.role == "value" and j < len(r.cells) and r.cells[j]]
    money = sum(1 for c in cells if "\u00a3" in c or re.search(r"\d\s*(?:m|bn|k)\b", c))
    if cells and money * 2 >= len(cells) and not any(_UNIT_COST.search(c.header) for c in t.cols):
        return True
    total_row = any(_TOTAL.search(lb) for lb in labels)
    # month-by-year grids: rows are periods and so are the columns
    period_rows = sum(1 for lb in labels if full_period(lb) or kind(lb) == YEAR)
    period_cols = sum(1 for c in values if c.period or is_month(c.header))
    if labels and period_rows * 2 > len(labels) and period_cols:
        return True
    # compositional shares: a bare "%" column beside counts and no total row
    if any(_BARE_PCT.match(c.header.strip(" *")) for c in values) and not total_row and \
            len(labels) >= 4:
        return True
    return False


def _is_crosstab(t: Table) -> bool:
    """A breakdown by two dimensions (district by offence type, sex by ethnicity): a total
    row and a total column among three or more columns without periods."""
    values = [c for c in t.cols if c.role == "value"]
    labels = [r.cells[t.label] for r in t.rows if t.label < len(r.cells) and r.cells[t.label]]
    return any(_TOTAL.search(lb) for lb in labels) and \
        any(_TOTAL.search(c.header) for c in values) and \
        sum(1 for c in values if not c.period) >= 3


def _read_table(t: Table, text: Text, place: str | None, previous: Table | None) -> list[_Entry]:
    _combine_header(t)
    _merge_fragment_columns(t)
    _align(t)
    _assign_roles(t, place)
    _context(t, text, previous)
    if _reject(t):
        return []
    L = t.label
    cols = t.cols
    stub = cols[L].header if cols else ""
    if L != 0 and cols[0].role == "cat":
        stub = cols[L].header
    title = t.title or t.heading
    labels = [r.cells[L] for r in t.rows if L < len(r.cells) and r.cells[L]]

    # quarter-only column headers take their year from the stub or the title
    year_ctx = None
    for s in (cols[0].header if cols else "", t.title or "", t.heading or ""):
        for _, _, p in find_periods(s or ""):
            if re.search(r"(?:19|20)\d{2}", p) and not re.search(r"\bQ[1-4]\b", p):
                year_ctx = p
                break
        if year_ctx:
            break
    for c in cols:
        if c.period and is_quarter_only(c.period) and year_ctx:
            c.period = f"{c.period} {year_ctx}"
        elif c.period and re.fullmatch(r"Q[1-4]\s*-\s*[1-4]", c.period) and year_ctx:
            c.period = f"{c.period} {year_ctx}"

    values = [j for j, c in enumerate(cols) if c.role == "value"]
    comps = [j for j, c in enumerate(cols) if c.role == "comp"]
    pcells = [j for j, c in enumerate(cols) if c.role == "pcell"]
    any_period = any(cols[j].period for j in values) or bool(pcells)

    # shape: area rows (the council's row beside England / neighbours / a region)
    n_comp = sum(1 for lb in labels if _is_comparator(lb))
    area_rows = bool(labels) and (
        (n_comp >= 2 and len(labels) - n_comp <= n_comp + 2)
        or (n_comp >= 1 and len(labels) - n_comp <= 2 and (not stub or _AREA_H.match(stub)))
        or (len(labels) == 1 and _is_own_area(labels[0], place) and any_period))
    # shape: period rows (transposed: each row a period, each column an area)
    n_period_rows = sum(1 for lb in labels if full_period(lb) or _label_period(lb)[1]
                        or is_month(lb))
    period_rows = bool(labels) and not any_period and n_period_rows * 2 >= len(labels) and \
        n_period_rows >= 1

    measure_label = bool(_MEASURE_H.search(stub or "")) and not area_rows
    measure_table = bool(_MEASURE_H.search(stub or "")) or any(c.role in ("target", "status")
                                                               for c in cols)
    total_row = any(_TOTAL.search(lb) for lb in labels)
    period_default = None
    if not any_period and not period_rows:
        period_default = t.near_period or (_report_period(t) if measure_table else None)
        if not (area_rows or comps or measure_table or total_row or t.near_period):
            return []            # a bare count table with no date and no total
    elif not any_period:
        period_default = None

    parts: list[str] = []
    if _informative(stub) and not full_period(stub) and not _PERIOD_WORD.fullmatch(stub.strip()):
        parts.append(_strip_periods(_clean_label(stub)))
    if title:
        tl = _strip_periods(_clean_label(title))
        if tl and parts and _norm_key(parts[0]) in _norm_key(tl):
            parts = [tl]
        elif tl and not any(_norm_key(tl) in _norm_key(p) for p in parts):
            parts.append(tl)
    if place:
        own = re.compile(rf"\b{re.escape(place)}\s+(?:County |City |Borough |District )?Council('s)?\s*",
                         re.I)
        parts = [own.sub("", p).strip(" -:\u2013") for p in parts]
    parts = [p for p in parts if p and has_letters(p)]

    table_name = title or (_clean_label(stub) if _informative(stub) and has_letters(stub) else None)
    out: list[_Entry] = []
    base_measure = None
    if period_rows:
        prefixes = [_label_period(lb)[0] for lb in labels if _label_period(lb)[1]]
        if prefixes and all(p == prefixes[0] for p in prefixes) and prefixes[0]:
            base_measure = prefixes[0]
        else:
            informative = _informative(stub) and not _PERIOD_WORD.fullmatch(stub.strip())
            base_measure = _clean_label(_strip_periods(stub)) if informative else \
                (_strip_periods(_clean_label(title)) if title else "")

    # comparator rows (area shape)
    comp_rows: list[Row] = []
    if area_rows:
        comp_rows = [r for r in t.rows if _is_comparator(r.cells[L])]

    # a cross-tabulation gives only its grand total and the total's change columns
    crosstab = _is_crosstab(t)
    if crosstab:
        for c in cols:
            if c.role == "value" and not (_TOTAL.search(c.header) or
                                          re.search(r"\b(?:variance|change)\b", c.header, re.I)):
                c.role = "ignore"

    prev_label = ""
    prev_target: dict[int, str] = {}
    ref_cols = [j for j, c in enumerate(cols) if c.role in ("cat", "ignore")
                and _REF_H.match(c.header)]
    cat_cols = [j for j, c in enumerate(cols) if c.role == "cat" and j not in ref_cols]
    last_cat: dict[int, str] = {}
    for r in t.rows:
        # the service area / theme: the right-most category cell, carried down the rows
        for j in cat_cols:
            if j < len(r.cells) and r.cells[j] and has_letters(r.cells[j]) and \
                    not any(ch.isdigit() for ch in r.cells[j]):
                last_cat[j] = r.cells[j]
        area = next((last_cat[j] for j in reversed(cat_cols) if j in last_cat), None)
        # the council's reference for the measure ("CS04", "PI 12")
        row_ref = next((r.cells[j] for j in ref_cols if j < len(r.cells)
                        and _REF_CELL.match(r.cells[j])), None)
        if crosstab and not _TOTAL.search(r.cells[L] if L < len(r.cells) else ""):
            continue
        cells = r.cells
        raw_label = cells[L] if L < len(cells) else ""
        extra = list(getattr(r, "extra", []))
        if not raw_label and extra and prev_label:
            raw_label = prev_label
            inherited = True
        else:
            inherited = False
        if not raw_label or (not has_letters(raw_label) and kind(raw_label) not in (NUM, YEAR, PERIOD)):
            continue
        if area_rows and _is_comparator(raw_label):
            continue
        prev_label = raw_label
        quals = [cells[j] for j, c in enumerate(cols) if c.role == "qual" and j < len(cells)
                 and cells[j]] + extra
        label = _clean_label(raw_label)
        if kind(raw_label) in (NUM, YEAR) and stub:
            label = f"{raw_label} ({_clean_label(stub)})"
        row_period = None
        if period_rows:
            row_period = _label_period(raw_label)[1] or full_period(raw_label)
            if row_period is None and is_month(raw_label):
                row_period = f"{raw_label} {year_ctx}" if year_ctx else raw_label
        status = trend = target = None
        comparators: dict[str, str] = {}
        for j, c in enumerate(cols):
            if j >= len(cells):
                break
            cell = cells[j]
            if c.role == "status" and cell and not is_na(cell):
                status = cell
            elif c.role == "trend" and cell and not is_na(cell) and not cell.lower().startswith("n/a"):
                trend = cell
            elif c.role == "target":
                target = _target(cell)
                if target is None and inherited and j in prev_target:
                    target = prev_target[j]
                if target is not None:
                    prev_target[j] = target
            elif c.role == "comp" and cell and not is_na(cell):
                v = parse_value(cell)
                comparators[c.header] = v.value if v else cell
        entries: list[_Entry] = []
        pending_period = None
        pcell_of: dict[int, int] = {}
        last_pcell = None
        for j, c in enumerate(cols):
            if j >= len(cells):
                break
            cell = cells[j]
            if c.role == "pcell":
                pending_period = full_period(cell) or (cell if kind(cell) == YEAR else None)
                last_pcell = j
                continue
            if c.role != "value" or not cell:
                continue
            v = parse_value(cell)
            if crosstab and v is not None and v.unit == "%" and float(v.value) == 100.0:
                continue            # the 100% total of a composition says nothing
            if v is None:
                if _GRADE.match(cell) and (area_rows or comps):
                    v_value, v_unit, v_rest = cell, None, ""
                else:
                    continue
            else:
                v_value, v_unit, v_rest = v.value, v.unit, v.rest
            if area_rows and _COHORT.search(c.measure or c.header):
                continue
            period = pending_period or c.period or row_period or period_default
            if pcells and pending_period is None and not c.period:
                continue            # a value whose period cell is empty
            colpart = c.measure if (c.measure and not _GENERIC_VALUE.match(c.measure.strip(" *:"))
                                    and not _is_own_area(c.measure, place)
                                    and has_letters(_UNIT_ONLY.sub("", c.measure))) else ""
            colpart = _clean_label(colpart) if colpart else ""
            name = _compose(label, quals, colpart, [] if measure_label else parts, area_rows,
                            base_measure, row_period is None and period_rows)
            if not name:
                continue
            unit = _row_unit(v_unit, c, name, t, cells)
            key = (_norm_key(stub), _norm_key(raw_label), _norm_key(" ".join(quals)),
                   _norm_key(c.measure), period or "", v_value)
            e = _Entry(name, period, v_value, unit, r.line, j, key, table=table_name,
                       area=area, ref=row_ref)
            entries.append(e)
            if last_pcell is not None:
                pcell_of[j] = last_pcell
            pending_period = None
            m = _CHANGE.search(v_rest or "")
            if m:
                first = next((cc.period for cc in cols if cc.role == "value" and cc.period), None)
                span = f"{first} to {period}" if first and period and first != period else period
                ch = _Entry(f"{name}, {m.group(2).lower()} {span or ''}".strip(), span,
                            m.group(1), "%", r.line, j, key + ("change",), table=table_name,
                            status=m.group(2).lower())
                entries.append(ch)
        if not entries:
            continue
        # target, status, direction and comparators belong to the latest period printed
        last_col = _latest_col(entries, cols, pcell_of)
        for e in entries:
            if e.col == last_col and e.status is None:
                e.target = target
                e.status = status or trend
                e.direction = trend
                e.comparators = dict(comparators)
            elif e.col == last_col:
                e.comparators = dict(comparators)
        if area_rows and comp_rows:
            own_q = " ".join(cells[j] for j, c in enumerate(cols) if c.role == "qual")
            if place:
                own_q = re.sub(rf"\b{re.escape(place)}\b", "", own_q, flags=re.I)
            own_q = _norm_key(own_q)
            for e in entries:
                for cr in comp_rows:
                    if e.col >= len(cr.cells) or not cr.cells[e.col]:
                        continue
                    cq = _norm_key(" ".join(cr.cells[j] for j, c in enumerate(cols)
                                            if c.role == "qual" and j < len(cr.cells)))
                    if cq and own_q and cq != own_q:
                        continue
                    v = parse_value(cr.cells[e.col])
                    if v is not None:
                        e.comparators.setdefault(cr.cells[L], v.value)
                    elif _GRADE.match(cr.cells[e.col]):
                        e.comparators.setdefault(cr.cells[L], cr.cells[e.col])
        out.extend(entries)
    return out


_REF_H = re.compile(r"^\s*(?:(?:pi|kpi|measure|indicator)\s+)?(?:ref(?:erence)?\.?|code|id|"
                    r"no\.?)\s*$", re.I)
_REF_CELL = re.compile(r"^[A-Za-z]{0,6}[\s/.\-]?\d{1,4}[A-Za-z]?$")
_LATEST_H = re.compile(r"\b(?:latest|current|most recent|this (?:quarter|period|month|year))\b", re.I)
_MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                        "sep", "oct", "nov", "dec"], 1)}


def period_key(p: str | None) -> float | None:
    """A sortable point in time for a period as printed (its end, roughly), or None."""
    if not p:
        return None
    s = p.lower()
    part = re.split(r"\s+(?:-|to|over)\s+|\s*[\u2013\u2014]\s*", s)[-1] or s
    d = re.search(r"(?<!\d)(\d{1,2})/(\d{1,2})/((?:19|20)?\d{2})(?!\d)", part)
    if d:
        y = int(d.group(3))
        return (y + 2000 if y < 100 else y) + int(d.group(2)) / 12.0
    years = re.findall(r"(?<!\d)((?:19|20)\d{2}|\d{2})(?!\d)", part)
    fy = re.search(r"((?:19|20)\d{2})\s*/\s*(?:(?:19|20)?\d{2})", part) or \
        re.search(r"(?<!\d)(\d{2})/(\d{2})(?!\d)", part)
    q = re.search(r"q\s*(?:[1-4]\s*-\s*)?([1-4])", part)
    if fy:
        start = int(fy.group(1))
        start = start + 2000 if start < 100 else start
        return start + (0.25 * int(q.group(1)) if q else 1.0)
    m = re.search(r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", part)
    if years:
        y = int(years[-1])
        y = y + 2000 if y < 100 else y
        if m:
            return y + _MONTHS[m.group(1)] / 12.0
        term = re.search(r"(spring|summer|autumn|winter)", part)
        if term:
            return y + {"spring": 0.3, "summer": 0.6, "autumn": 0.9, "winter": 0.1}[term.group(1)]
        if q:
            return y + 0.25 * int(q.group(1))
        return y + 0.99
    return None


def _latest_col(entries: list[_Entry], cols: list[Col], pcell_of: dict[int, int]) -> int:
    """The column of a row's latest value: a "Latest"/"Current" column, else the latest
    period, else the last value printed."""
    for e in entries:
        heads = [cols[e.col].header] + ([cols[pcell_of[e.col]].header] if e.col in pcell_of else [])
        if any(_LATEST_H.search(h) for h in heads):
            return e.col
    keyed = [(period_key(e.period), e.col) for e in entries if "change" not in e.key]
    if keyed and all(k is not None for k, _ in keyed) and len({k for k, _ in keyed}) == len(keyed):
        return max(keyed)[1]
    return max(e.col for e in entries)


def _label_period(label: str) -> tuple[str, str | None]:
    """"Percentage of offenders who reoffended: Apr 21 - Mar 22" -> (measure, period)."""
    found = find_periods(label)
    if len(found) != 1:
        return label, None
    a, b, p = found[0]
    if b < len(label.rstrip(" *)")) - 1:
        return label, None
    head = label[:a].rstrip(" :-\u2013(,")
    if not head or not has_letters(head):
        return "", p
    return head, p


def _strip_periods(s: str) -> str:
    """A title without the periods printed in it ("... at 31/07/2018, broken down by")."""
    found = find_periods(s)
    if not found:
        return s
    out = s
    for a, b, _ in reversed(found):
        out = out[:a] + "\x00" + out[b:]
    out = re.sub(r"\x00(?:\s*(?:,|&|and)\s*\x00)+", "\x00", out)
    out = re.sub(r"\b(?:as at|at|for|in|during|from|to|of|on|between|since)\s*\x00", "", out)
    out = out.replace("\x00", "")
    out = re.sub(r"\(\s*\)", "", out)
    out = re.sub(r"\s+([,;:)])", r"\1", out)
    out = re.sub(r"[,;]\s*(?=[,;]|$)", "", out)
    return re.sub(r"\s+", " ", out).strip(" -:,\u2013")


def _compose(label: str, quals: list[str], colpart: str, parts: list[str], area_row: bool,
             base_measure: str | None, nonperiod_row: bool) -> str:
    """The name of a measure: the row label (with its qualifiers), the column's measure
    when the header names one, and the table's context (stub header, caption or heading)
    when the label alone is too short to say what is measured."""
    qual = ", ".join(_clean_label(q) for q in quals if q)
    context = parts[-1] if parts else None
    if base_measure is not None:
        if nonperiod_row:
            name = f"{base_measure} \u2013 {label}" if base_measure else label
            return f"{name} \u2013 {colpart}" if colpart else name
        if colpart:             # each column a measure, each row a period
            return f"{colpart} \u2013 {base_measure}" if base_measure else colpart
        return base_measure or (context or "")
    if area_row:
        # the council's own row: the measure is the column (or the table's title)
        who = " ".join(x for x in [qual] if x)
        if colpart:
            return f"{colpart} ({who})" if who else colpart
        return (context or label) + (f" ({who})" if who and who.lower() != label.lower() else "")
    name = label
    if qual:
        name = f"{name} ({qual})"
    if colpart:
        name = f"{name} \u2013 {colpart}"
    if parts and (_needs_context(label) or not colpart and _needs_context(name)):
        for p in parts:
            if _norm_key(p) not in _norm_key(name):
                name = f"{name} \u2013 {p}"
    return name


def _norm_key(s: str | None) -> str:
    return re.sub(r"[^a-z0-9%]+", "", (s or "").lower())


# ---------------------------------------------------------------------------------------

def extract_indicators(text: Text) -> list[Indicator]:
    """Every value of a performance measure printed in the paper's tables."""
    place = council_place(text)
    tables = _assemble(find_blocks(text))
    out: list[Indicator] = []
    seen: set[tuple] = set()
    names: set[tuple] = set()
    previous: Table | None = None
    for t in tables:
        try:
            entries = _read_table(t, text, place, previous)
        except (IndexError, ValueError):     # a malformed table never stops a paper
            entries = []
        previous = t
        # a table printed twice (a report and its appendix): keep the first printing
        if entries and all(e.key in seen for e in entries):
            continue
        for e in entries:
            seen.add(e.key)
            nk = (_norm_key(e.name), e.period, e.value)
            if nk in names:
                continue
            names.add(nk)
            out.append(Indicator(name=e.name, period=e.period, value=e.value, unit=e.unit,
                                 target=e.target, status=e.status, line=e.line.no,
                                 page=e.line.page, comparators=e.comparators,
                                 direction=e.direction, table=e.table, area=e.area,
                                 ref=e.ref))
    return out
