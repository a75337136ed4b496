"""PDF papers: the text layer of every page through pypdfium2, tables through pdfplumber.

How a PDF becomes a Text
------------------------
* Every page's text layer is read with pdfium (``get_text_range``) and split into lines
  at pdfium's line breaks.  The pages follow one another as consecutive lines of one
  Text: line numbers count through the whole document as if the pages' texts were joined
  with newlines (a page with no text still takes one, empty, line), and each Line keeps
  its page number.  A citation is "line N, page P" of that text.
* Tables: only pages that draw the rules of a table (thin horizontal and vertical
  strokes among the page's path objects, or a grid path on a page of figures) are looked
  at.  pdfplumber's table finder (edges -> intersections -> cells -> tables) is run on
  those rules as pdfium reports them, and each cell's text is read from pdfium's text
  layer inside the cell.  That avoids pdfminer re-parsing the whole page, which costs
  around a tenth of a second a page; a page whose drawing pdfium cannot take apart
  (rules inside form XObjects) falls back to pdfplumber's own parse.  Tables of two or
  more rows and columns go into ``Text.tables[page]``, and their rows replace, in the
  page's lines, the pdfium lines that lie inside the table: one line per row, cells
  separated by tabs.  That is how text conversions of council PDFs show tables and how
  the extractor reads them, so a PDF and a text version of the same paper read alike.
  Where a page break cuts a table, a row cut in two becomes one row again, and a header
  row left alone at the foot of a page (a one-row "table" on its own) is kept as a table
  when the next page opens with the rest of it.
* Page furniture is flagged, never removed (line numbers never shift): page numbers,
  "This page is intentionally left blank", and running headers and footers (the same
  short line in the top or bottom band of three or more pages).
* Bad PDFs raise ReadError with one line saying what is wrong: truncated or damaged
  files, password-protected files, and PDFs with no text layer (scanned images), which
  raise NeedsOCR.

Nothing here imports Django.
"""
from __future__ import annotations

import ctypes
import hashlib
import io
import logging
import re
import warnings
from dataclasses import dataclass, field
from types import SimpleNamespace

from .errors import EmptyPaper, NeedsOCR, ReadError
from .text import Line, Text, mark_furniture

log = logging.getLogger(__name__)

# pdfium marks a hyphen it took for a soft (line-end) hyphen with U+FFFE, and some
# producers leave U+0002 there; both stand for a printed hyphen.
_SOFT_HYPHEN = str.maketrans({"\ufffe": "-", "\x02": "-", "\x00": None, "\ufeff": None})
_ODD = re.compile("[\ufffe\x02\x00\ufeff]")


def _unsoft(s: str) -> str:
    return s.translate(_SOFT_HYPHEN) if _ODD.search(s) else s
_CONTROL = re.compile(r"[\x01\x03-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_NUMBER = re.compile(r"(?<![\w/])[£$€]?\d[\d,]*(?:\.\d+)?%?(?![\w/])")
_BREAK = re.compile(r"(\r\n|\n|\r)")

# A page is looked at for tables when it draws at least this many thin horizontal and
# vertical strokes (cell borders)...
_RULED_MIN_H = 3
_RULED_MIN_V = 2
# ...or, when this many of its lines carry three or more figures, a path drawn as a grid.
_NUMERIC_MIN_LINES = 4
_THIN = 3.0            # points: a stroke this thin is a rule
_MAX_SEGMENTS = 5000   # path segments looked at on one page (a chart can have thousands)
# Running headers/footers: short lines, in the top or bottom band of three or more pages.
_FURNITURE_MAX_LEN = 100
_BAND = 0.12
_FURNITURE_MIN_PAGES = 3
# A page with fewer visible characters than this has, in practice, no text layer.
_MIN_PAGE_CHARS = 10

_OBJ_TEXT, _OBJ_PATH, _OBJ_IMAGE, _OBJ_SHADING, _OBJ_FORM = 1, 2, 3, 4, 5


@dataclass
class _PageLine:
    text: str
    top: float | None = None     # distance of the line's top from the page top (points)
    bottom: float | None = None
    x0: float | None = None
    x1: float | None = None
    size: float = 0.0            # font size of the first character
    base: float = 0.0            # baseline of the first character (from the page top)
    # baseline of the last character: lower than `base` when pdfium joined a word that a
    # hyphen broke at the end of a line to its rest on the next line
    end: float = 0.0
    word: float = 0.0            # width of the line's first word


@dataclass
class _Table:
    top: float
    bottom: float
    x0: float
    x1: float
    rows: list[list[str | None]]
    open_top: bool = False       # drawn without a top rule: carries on from the page before
    open_bottom: bool = False    # drawn without a bottom rule: its last row runs on


@dataclass
class _Page:
    no: int
    height: float
    width: float = 0.0
    lines: list[_PageLine] = field(default_factory=list)
    chars: int = 0                 # visible characters of the text layer
    objects: int = 0
    images: int = 0
    rotated: bool = False
    tables: list[_Table] = field(default_factory=list)
    emptied: list[_Table] = field(default_factory=list)   # tables whose rows moved back
    # A ruled single row below everything else on the page: the first row of a table the
    # page break cut off from its other rows (kept when the next page opens with them).
    foot: _Table | None = None
    fallback: bool = False         # tables to be found by pdfplumber's own parse


def read_pdf(data: bytes, source: str) -> Text:
    """Read a PDF's bytes into a Text (see the module docstring)."""
    import pypdfium2 as pdfium

    _check_complete(data, source)
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _load_error(exc, source) from None
    except Exception as exc:  # pragma: no cover - anything else from the binding
        raise ReadError(source, f"this PDF cannot be opened ({exc.__class__.__name__}); "
                                "it may be damaged") from None
    warns: list[str] = []
    try:
        count = len(doc)
        if count <= 0:
            raise ReadError(source, "this PDF has no pages; it may be damaged")
        pages = [_read_page(doc, i, source, warns) for i in range(count)]
    finally:
        doc.close()

    if all(p.chars < _MIN_PAGE_CHARS for p in pages):
        if any(p.objects for p in pages):
            raise NeedsOCR(source, "this PDF has no text layer (it is scanned images); "
                                   "it needs OCR before Scrutiny can read it")
        raise EmptyPaper(source, "this PDF's pages are blank")
    textless = [p.no for p in pages if p.chars < _MIN_PAGE_CHARS and p.images]
    if textless:
        many = len(textless) > 1
        warns.append(f"page{'s' if many else ''} {_ranges(textless)} "
                     f"ha{'ve' if many else 's'} no text layer (scanned images); "
                     f"{'their' if many else 'its'} text could not be read without OCR")
    if any(p.fallback for p in pages):
        _plumber_tables(data, [p for p in pages if p.fallback], warns)

    _keep_foot_rows(pages)
    _join_split_rows(pages)
    lines, wraps = _assemble(pages)
    return Text(source=source, lines=lines, kind="pdf", sha256=hashlib.sha256(data).hexdigest(),
                tables={p.no: [t.rows for t in p.tables] for p in pages if p.tables},
                warnings=warns, wraps=wraps)


# --- opening ---------------------------------------------------------------------------

def _check_complete(data: bytes, source: str) -> None:
    """A complete PDF ends with an %%EOF marker (readers allow it in the last 1 KB)."""
    if b"%%EOF" not in data[-1024:]:
        raise ReadError(source, "this PDF is truncated or damaged (it stops before its "
                                "end-of-file marker); the download or copy was probably cut "
                                "short")


def _load_error(exc: Exception, source: str) -> ReadError:
    import pypdfium2.raw as c

    code = getattr(exc, "err_code", None)
    if code == c.FPDF_ERR_PASSWORD:
        return ReadError(source, "this PDF is encrypted with a password; Scrutiny cannot read "
                                 "it (ask the council for an unprotected copy)")
    if code == c.FPDF_ERR_SECURITY:
        return ReadError(source, "this PDF is encrypted with a security scheme Scrutiny cannot "
                                 "open; ask the council for an unprotected copy")
    return ReadError(source, "this PDF is damaged or is not really a PDF (its structure cannot "
                             "be read)")


# --- one page --------------------------------------------------------------------------

def _read_page(doc, index: int, source: str, warns: list[str]) -> _Page:
    import pypdfium2 as pdfium

    try:
        page = doc[index]
    except pdfium.PdfiumError:
        raise ReadError(source, f"page {index + 1} of this PDF is damaged and cannot be read") \
            from None
    try:
        left, bottom, right, top = page.get_mediabox()
        out = _Page(no=index + 1, height=top - bottom, width=right - left,
                    rotated=page.get_rotation() % 360 != 0)
        tp = page.get_textpage()
        try:
            raw = tp.get_text_range() if tp.count_chars() > 0 else ""
            _split_lines(tp, raw, top, out)
            rules = _survey(page, top, out)
            if rules is not None and not out.rotated:
                try:
                    out.tables, out.foot = _tables_from_rules(tp, rules, top, right - left)
                except Exception as exc:  # the table finder met something odd: keep lines
                    log.debug("table finding failed on page %s: %s", out.no, exc)
                    warns.append(f"the tables on page {out.no} could not be read as tables "
                                 "(read as plain lines instead)")
        finally:
            tp.close()
    finally:
        page.close()
    return out


def _split_lines(tp, raw: str, page_top: float, out: _Page) -> None:
    """Split pdfium's page text into lines, each with its place on the page."""
    import pypdfium2.raw as c

    raw = _unsoft(raw)
    l_, r_, b_, t_ = (ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double())
    pos = chars = 0
    for piece in _BREAK.split(raw):
        if piece in ("\r\n", "\n", "\r"):
            pos += len(piece)
            continue
        text = _SPACES.sub(" ", _CONTROL.sub(" ", piece)).rstrip()
        ln = _PageLine(text)
        visible = len(text) - text.count(" ")
        if visible:
            chars += visible
            first = pos + (len(piece) - len(piece.lstrip()))
            last = pos + len(piece.rstrip()) - 1
            boxes = []
            for t_index in (first, last):
                ci = c.FPDFText_GetCharIndexFromTextIndex(tp, t_index)
                if ci >= 0 and c.FPDFText_GetCharBox(tp, ci, l_, r_, b_, t_):
                    boxes.append((l_.value, r_.value, b_.value, t_.value))
            if boxes:
                ln.x0 = min(b[0] for b in boxes)
                ln.x1 = max(b[1] for b in boxes)
                ln.top = page_top - max(b[3] for b in boxes)
                ln.bottom = page_top - min(b[2] for b in boxes)
                ci = c.FPDFText_GetCharIndexFromTextIndex(tp, first)
                if ci >= 0:
                    ln.size = c.FPDFText_GetFontSize(tp, ci)
                    if c.FPDFText_GetCharOrigin(tp, ci, l_, b_):
                        ln.base = ln.end = page_top - b_.value
                if len(boxes) == 2 and boxes[1][3] < boxes[0][2]:     # last char a line lower
                    ci = c.FPDFText_GetCharIndexFromTextIndex(tp, last)
                    if ci >= 0 and c.FPDFText_GetCharOrigin(tp, ci, l_, b_):
                        ln.end = page_top - b_.value
                # The first word's right edge: would it have fitted on the line before?
                stripped = piece.lstrip()
                end = re.match(r"\S+", stripped).end()
                ci = c.FPDFText_GetCharIndexFromTextIndex(tp, first + end - 1)
                if ci >= 0 and c.FPDFText_GetCharBox(tp, ci, l_, r_, b_, t_):
                    ln.word = max(0.0, r_.value - ln.x0)
        out.lines.append(ln)
        pos += len(piece)
    if not out.lines:
        out.lines.append(_PageLine(""))
    out.chars = chars


def _survey(page, page_top: float, out: _Page) -> list[dict] | None:
    """Count the page's objects and, if it draws the rules of a table, return them as
    pdfplumber edges (top-origin coordinates).  None when the page holds no table."""
    import pypdfium2.raw as c

    raw = page.raw
    n = c.FPDFPage_CountObjects(raw)
    out.objects = n
    if out.chars < _MIN_PAGE_CHARS:
        out.images = sum(1 for i in range(n)
                         if c.FPDFPageObj_GetType(c.FPDFPage_GetObject(raw, i)) == _OBJ_IMAGE)
        return None
    numeric = sum(1 for ln in out.lines if len(_NUMBER.findall(ln.text)) >= 3) \
        >= _NUMERIC_MIN_LINES
    l_, b_, r_, t_ = (ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float())
    thin_h = thin_v = 0
    edges: list[dict] = []
    complex_paths = []
    forms = 0
    for i in range(n):
        obj = c.FPDFPage_GetObject(raw, i)
        kind = c.FPDFPageObj_GetType(obj)
        if kind == _OBJ_FORM:
            forms += 1
            continue
        if kind != _OBJ_PATH or not c.FPDFPageObj_GetBounds(obj, l_, b_, r_, t_):
            continue
        x0, x1 = l_.value, r_.value
        top, bottom = page_top - t_.value, page_top - b_.value
        w, h = x1 - x0, bottom - top
        if h <= _THIN and w >= _THIN:
            thin_h += 1
            y = (top + bottom) / 2
            edges.append(_edge("h", x0, x1, y, y))
        elif w <= _THIN and h >= _THIN:
            thin_v += 1
            x = (x0 + x1) / 2
            edges.append(_edge("v", x, x, top, bottom))
        elif c.FPDFPath_CountSegments(obj) <= 6:
            # A rectangle (cell shading or a box): its four sides, as pdfplumber takes rects.
            edges += [_edge("h", x0, x1, top, top), _edge("h", x0, x1, bottom, bottom),
                      _edge("v", x0, x0, top, bottom), _edge("v", x1, x1, top, bottom)]
        elif w >= 50 and h >= 20:
            complex_paths.append(obj)
    if thin_h >= _RULED_MIN_H and thin_v >= _RULED_MIN_V:
        if numeric and complex_paths:
            edges += _segment_edges(complex_paths, page_top)
        return edges
    if numeric and complex_paths:
        grid = _segment_edges(complex_paths, page_top)
        if sum(e["orientation"] == "h" for e in grid) >= _RULED_MIN_H and \
                sum(e["orientation"] == "v" for e in grid) >= _RULED_MIN_V:
            return edges + grid
    if numeric and forms:
        out.fallback = True     # rules may be inside form XObjects: let pdfplumber look
    return None


def _edge(orientation: str, x0: float, x1: float, top: float, bottom: float) -> dict:
    return {"object_type": "pdfium_edge", "orientation": orientation, "x0": x0, "x1": x1,
            "top": top, "bottom": bottom, "doctop": top, "width": x1 - x0,
            "height": bottom - top}


def _segment_edges(paths, page_top: float) -> list[dict]:
    """Horizontal and vertical straight segments of complex paths (a table's grid drawn
    as one path), transformed to page coordinates."""
    import pypdfium2.raw as c

    out: list[dict] = []
    budget = _MAX_SEGMENTS
    m = c.FS_MATRIX()
    x, y = ctypes.c_float(), ctypes.c_float()
    for obj in paths:
        if not c.FPDFPageObj_GetMatrix(obj, m):
            continue
        n = c.FPDFPath_CountSegments(obj)
        budget -= n
        if budget < 0:
            break
        prev = start = None
        for i in range(n):
            seg = c.FPDFPath_GetPathSegment(obj, i)
            if not c.FPDFPathSegment_GetPoint(seg, x, y):
                continue
            px = m.a * x.value + m.c * y.value + m.e
            py = page_top - (m.b * x.value + m.d * y.value + m.f)
            kind = c.FPDFPathSegment_GetType(seg)
            if kind == c.FPDF_SEGMENT_MOVETO:
                prev = start = (px, py)
                continue
            if kind == c.FPDF_SEGMENT_LINETO and prev is not None:
                _straight(prev, (px, py), out)
            prev = (px, py)
            if c.FPDFPathSegment_GetClose(seg) and start is not None:
                _straight(prev, start, out)
                prev = start
    return out


def _straight(a: tuple[float, float], b: tuple[float, float], out: list[dict]) -> None:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) <= 0.5 and abs(ax - bx) >= _THIN:
        out.append(_edge("h", min(ax, bx), max(ax, bx), ay, ay))
    elif abs(ax - bx) <= 0.5 and abs(ay - by) >= _THIN:
        out.append(_edge("v", ax, ax, min(ay, by), max(ay, by)))


# --- tables ----------------------------------------------------------------------------

def _clean_cell(cell: str | None) -> str:
    if not cell:
        return ""
    cell = re.sub(r"/\r?\n", "/", cell)       # "education/" + "childcare" broken at the slash
    return _SPACES.sub(" ", _CONTROL.sub(" ", _unsoft(cell))
                       .replace("\t", " ").replace("\r", " ").replace("\n", " ")).strip()


def _keep(rows: list[list[str | None]]) -> bool:
    """Two or more rows with text, one of them with two or more cells of text: a box
    round a paragraph, a logo or a frame is not a table."""
    cleaned = [[_clean_cell(c) for c in r] for r in rows]
    filled = [r for r in cleaned if any(r)]
    width = max((sum(1 for c in r if c) for r in filled), default=0)
    return len(filled) >= 2 and width >= 2


def _tables_from_rules(tp, edges: list[dict], page_top: float,
                       page_width: float) -> tuple[list[_Table], _Table | None]:
    """pdfplumber's table finder on pdfium's rules; cell text from pdfium's text layer.
    Returns the page's tables, and a lone ruled row below them all (see _Page.foot)."""
    from pdfplumber.table import TableFinder

    h = [e for e in edges if e["orientation"] == "h"]
    v = [e for e in edges if e["orientation"] == "v"]
    if len(v) < 2:
        return [], None
    drawn = [(e["top"], e["x0"], e["x1"]) for e in h]

    def ruled(y: float, x0: float, x1: float) -> bool:
        """Is a rule drawn along y from x0 to x1 (in one stroke or cell by cell)?"""
        reach = x0 + _THIN
        for tx0, tx1 in sorted((tx0, tx1) for ty, tx0, tx1 in drawn if abs(ty - y) <= _THIN):
            if tx0 > reach + _THIN:
                break
            reach = max(reach, tx1)
        return reach >= x1 - _THIN

    # Closing edges only where no rule is drawn: beside a drawn rule one would add nothing,
    # and could chain the foot of one table to the head of the next, a few points below,
    # when the finder snaps edges together.
    h += [e for e in _closing_edges(v) if not ruled(e["top"], e["x0"], e["x1"])]
    if len(h) < 2:
        return [], None

    stub = SimpleNamespace(bbox=(0, 0, page_width, page_top))
    finder = TableFinder(stub, {"vertical_strategy": "explicit",
                                "horizontal_strategy": "explicit",
                                "explicit_vertical_lines": v,
                                "explicit_horizontal_lines": h})
    out = []
    lone: list[_Table] = []
    for table in finder.tables:
        rows: list[list[str | None]] = []
        for row in table.rows:
            cells: list[str | None] = []
            for cell in row.cells:
                if cell is None:
                    cells.append(None)
                    continue
                x0, top, x1, bottom = cell
                text = tp.get_text_bounded(left=x0, bottom=page_top - bottom, right=x1,
                                           top=page_top - top)
                cells.append(_cell_text(text))
            rows.append(cells)
        kept = _keep(rows)
        if kept or _lone_row(rows):
            x0, top, x1, bottom = table.bbox
            (out if kept else lone).append(
                _Table(top=top, bottom=bottom, x0=x0, x1=x1, rows=rows,
                       open_top=not ruled(top, x0, x1), open_bottom=not ruled(bottom, x0, x1)))
    foot = max(lone, key=lambda t: t.bottom, default=None)
    if foot is not None and any(t.bottom > foot.top for t in out):
        foot = None
    return sorted(out, key=lambda t: t.top), foot


def _lone_row(rows: list[list[str | None]]) -> bool:
    """One row with text, in two or more cells."""
    filled = [r for r in rows if any(_clean_cell(c) for c in r)]
    return len(filled) == 1 and sum(1 for c in filled[0] if _clean_cell(c)) >= 2


def _keep_foot_rows(pages: list[_Page]) -> None:
    """A lone ruled row at the foot of a page, when the next page opens with a table of
    the same columns, is that table's first row (its header, as a rule) left behind by
    the page break: it is kept as a table of its own on its page, so that it reads as the
    first row of the table instead of loose lines."""
    for p, q in zip(pages, pages[1:]):
        a = p.foot
        if a is None or not q.tables:
            continue
        b = q.tables[0]
        cols_a = [r for r in a.rows if any(_clean_cell(c) for c in r)][0]
        if len(cols_a) != len(b.rows[0]) or abs(a.x0 - b.x0) > _THIN or abs(a.x1 - b.x1) > _THIN:
            continue
        # nothing but page furniture (in the top and bottom bands) between the two parts
        below = any(ln.top is not None and ln.top >= a.bottom - 1 and
                    ln.top < p.height * (1 - _BAND) for ln in p.lines)
        above = any(ln.bottom is not None and ln.bottom <= b.top + 1 and
                    ln.bottom > q.height * _BAND for ln in q.lines)
        if not below and not above:
            p.tables.append(a)


def _join_split_rows(pages: list[_Page]) -> None:
    """A row that a page break cut in two (the table open at the foot of one page and at
    the head of the next, with the same columns) becomes one row again, on the first page:
    the shape a text conversion gives it."""
    for p, q in zip(pages, pages[1:]):
        if not p.tables or not q.tables:
            continue
        a, b = p.tables[-1], q.tables[0]
        if not (a.open_bottom and b.open_top and a.rows and b.rows):
            continue
        ra, rb = a.rows[-1], b.rows[0]
        if len(ra) != len(rb):
            continue
        # A clean break between rows leaves a whole row at the head of the page; the
        # rest of a cut row fills only the cells whose text ran on.
        filled_a = sum(1 for c in ra if _clean_cell(c))
        filled_b = sum(1 for c in rb if _clean_cell(c))
        if not filled_b or filled_b >= filled_a or filled_b > len(rb) / 2:
            continue
        a.rows[-1] = [" ".join(x for x in (_clean_cell(c), _clean_cell(d)) if x) or c
                      for c, d in zip(ra, rb)]
        b.rows = b.rows[1:]
        if not b.rows:
            q.tables = q.tables[1:]
            q.emptied.append(b)


def _closing_edges(v: list[dict]) -> list[dict]:
    """Horizontal edges along the common ends of vertical rules.  A table row that runs
    on to the next page is drawn without its bottom border (and carries on without a top
    one); closing it lets the part on each page be found as a row."""
    out = []
    for key in ("top", "bottom"):
        groups: dict[int, list[dict]] = {}
        for e in v:
            groups.setdefault(round(e[key]), []).append(e)
        for y, es in groups.items():
            if len(es) >= 2:
                x0, x1 = min(e["x0"] for e in es), max(e["x0"] for e in es)
                if x1 - x0 >= _THIN:
                    out.append(_edge("h", x0, x1, es[0][key], es[0][key]))
    return out


def _cell_text(text: str) -> str:
    """A cell's text as a table extractor gives it: its lines joined by newlines."""
    text = _CONTROL.sub(" ", _unsoft(text))
    lines = [_SPACES.sub(" ", s).strip() for s in _BREAK.split(text) if s not in ("\r\n", "\n", "\r")]
    return "\n".join(s for s in lines if s)


def _plumber_tables(data: bytes, pages: list[_Page], warns: list[str]) -> None:
    """pdfplumber's own parse, for pages whose rules pdfium could not take apart."""
    try:
        import pdfplumber
    except ImportError:  # pragma: no cover - pdfplumber is a runtime dependency
        return
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            logging.getLogger("pdfminer").setLevel(logging.ERROR)
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                for p in pages:
                    pg = pdf.pages[p.no - 1]
                    try:
                        found = []
                        for t in pg.find_tables():
                            rows = [[None if c is None else _cell_text(c) for c in r]
                                    for r in t.extract()]
                            if _keep(rows):
                                x0, top, x1, bottom = t.bbox
                                found.append(_Table(top, bottom, x0, x1, rows))
                        p.tables = sorted(found, key=lambda t: t.top)
                    except Exception as exc:  # pdfminer meets odd PDFs; keep the lines
                        log.debug("pdfplumber failed on page %s: %s", p.no, exc)
                        warns.append(f"the tables on page {p.no} could not be read as tables "
                                     "(read as plain lines instead)")
                    finally:
                        pg.close()
    except Exception as exc:
        log.debug("pdfplumber could not open the PDF: %s", exc)
        warns.append("the tables in this PDF could not be read as tables (read as plain "
                     "lines instead)")


def _render_rows(table: _Table) -> list[str]:
    """One line per row, cells separated by tabs (rows with no text dropped)."""
    rows = []
    for r in table.rows:
        cells = [_clean_cell(c) for c in r]
        if any(cells):
            rows.append("\t".join(cells).rstrip())
    return rows


def _place_tables(page: _Page, running: set[str]) -> list[tuple[str, bool, _PageLine | None]]:
    """The page's lines as (text, furniture, geometry), the lines inside each table
    replaced by the table's rows."""
    slot: dict[int, _Table] = {}        # index of the first line inside a table -> table
    inside: set[int] = set()
    for t in page.tables + page.emptied:
        hits = []
        for i, ln in enumerate(page.lines):
            if ln.top is None or i in inside:
                continue
            mid = (ln.top + ln.bottom) / 2
            if t.top - 1 <= mid <= t.bottom + 1 and ln.x1 > t.x0 - 1 and ln.x0 < t.x1 + 1:
                hits.append(i)
        if hits:
            if t in page.tables:
                slot[hits[0]] = t
            inside.update(hits)
    out: list[tuple[str, bool, _PageLine | None]] = []
    for i, ln in enumerate(page.lines):
        if i in slot:
            out.extend((row, False, None) for row in _render_rows(slot[i]))
        elif i not in inside:
            out.append((ln.text, _is_running(ln, page, running), ln))
    return out


# --- the Text --------------------------------------------------------------------------

def _assemble(pages: list[_Page]) -> tuple[list[Line], set[int]]:
    """The Text's lines, and the numbers of the lines that are wrapped continuations."""
    running = _running_lines(pages)
    edges = _right_edges(pages)
    texts: list[tuple[int, str, bool, _PageLine | None]] = []
    for p in pages:
        if (p.tables or p.emptied) and not p.rotated:
            page_lines = _place_tables(p, running)
        else:
            page_lines = [(ln.text, _is_running(ln, p, running), ln) for ln in p.lines]
        texts.extend((p.no, t, f, g) for t, f, g in page_lines)
    marked = mark_furniture([Line(i, page, t) for i, (page, t, _, _) in enumerate(texts, start=1)])
    lines = [ln if ln.furniture or not texts[ln.no - 1][2] else Line(ln.no, ln.page, ln.text, True)
             for ln in marked]
    wraps: set[int] = set()
    spacing = {p.no: _line_spacing(p) for p in pages}
    for i in range(1, len(lines)):
        a, b = lines[i - 1], lines[i]
        ga, gb = texts[i - 1][3], texts[i][3]
        if (a.page == b.page and ga is not None and gb is not None and not a.furniture
                and not b.furniture and not a.blank and not b.blank
                and _wrapped(ga, gb, edges.get(_width_key(pages[a.page - 1])),
                             spacing[a.page])):
            wraps.add(b.no)
    return lines, wraps


def _line_spacing(page: _Page) -> dict[float, float]:
    """The distance between the baselines of lines inside a paragraph, for each size of
    type on the page (paragraph breaks are wider, or the same)."""
    counts: dict[float, dict[float, int]] = {}
    prev = None
    for ln in page.lines:
        if ln.x0 is None or not ln.size:
            continue
        if prev is not None and abs(prev.size - ln.size) <= 0.15 * ln.size:
            step = ln.base - prev.end
            if 0.6 * ln.size <= step <= 2.5 * ln.size:
                c = counts.setdefault(round(ln.size), {})
                c[round(step * 2) / 2] = c.get(round(step * 2) / 2, 0) + 1
        prev = ln
    out = {}
    for size, c in counts.items():
        # The smallest spacing that recurs: lines inside a paragraph sit closest together.
        steady = [k for k, v in c.items() if v >= 2]
        if steady:
            out[size] = min(steady)
    return out


def _width_key(page: _Page) -> int:
    return round(page.width)


def _right_edges(pages: list[_Page]) -> dict[int, float]:
    """The right edge of the text column, by page width: where body lines end."""
    ends: dict[int, list[float]] = {}
    for p in pages:
        for ln in p.lines:
            if ln.x1 is not None and len(ln.text) >= 40:
                ends.setdefault(_width_key(p), []).append(ln.x1)
    out = {}
    for k, xs in ends.items():
        xs.sort()
        out[k] = xs[min(len(xs) - 1, int(len(xs) * 0.95))]
    return out


_LIST_ITEM = re.compile(r"^(?:[-\u2022\u00b7\u25aa\u25cf\u2013*o\uf0b7]\s|\(?[0-9]{1,3}[.)]\s|"
                        r"\(?[a-zA-Z][.)]\s|\([ivxIVX]+\)\s|[ivx]+\)\s)")


def _wrapped(a: _PageLine, b: _PageLine, edge: float | None,
             spacing: dict[float, float]) -> bool:
    """Did the layout wrap a paragraph between a and b (rather than the author break the
    line)?  b is the next line down, in the same size of type, at the page's usual line
    spacing, starting at a's left edge (or indented under a bullet), b does not start a
    list item, and b's first word would not have fitted at the end of a."""
    if edge is None or a.x1 is None or b.x0 is None or not a.size or not b.size:
        return False
    if abs(a.size - b.size) > 0.15 * a.size:
        return False
    step = b.base - a.end
    usual = spacing.get(round(b.size))
    if not 0.6 * a.size <= step <= (usual * 1.12 if usual else 1.35 * a.size):
        return False
    if _LIST_ITEM.match(b.text.lstrip()):
        return False
    if not a.x0 - 2 <= b.x0 <= a.x0 + 4 * a.size:
        return False
    space = 0.25 * a.size
    return a.x1 + space + b.word > edge + 0.5


def _norm(s: str) -> str:
    return " ".join(s.split()).casefold()


def _in_band(ln: _PageLine, page: _Page) -> bool:
    if ln.top is None or page.height <= 0:
        return False
    return ln.bottom <= page.height * _BAND or ln.top >= page.height * (1 - _BAND)


def _running_lines(pages: list[_Page]) -> set[str]:
    """Short lines that recur in the top or bottom band of three or more pages."""
    seen: dict[str, set[int]] = {}
    for p in pages:
        for ln in p.lines:
            s = ln.text.strip()
            if s and len(s) <= _FURNITURE_MAX_LEN and _in_band(ln, p):
                seen.setdefault(_norm(s), set()).add(p.no)
    return {k for k, v in seen.items() if len(v) >= _FURNITURE_MIN_PAGES}


def _is_running(ln: _PageLine, page: _Page, running: set[str]) -> bool:
    return bool(running) and _in_band(ln, page) and _norm(ln.text) in running


def _ranges(nos: list[int]) -> str:
    out: list[str] = []
    start = prev = nos[0]
    for n in nos[1:] + [0]:
        if n == prev + 1:
            prev = n
            continue
        out.append(str(start) if start == prev else f"{start}-{prev}")
        start = prev = n
    return ", ".join(out)
