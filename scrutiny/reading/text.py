"""The Text model: a paper as pages of lines that keep their positions in the input.

Every citation Scrutiny makes is a line number of the input (1-based, as an editor shows
it) plus the page that line is on.  Page furniture (page numbers, "This page is
intentionally left blank", running headers) stays in the Text, flagged, so that line
numbers never shift; analysis skips it.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Iterator

# "Page 2", "Page 2 Page 8", "- 3 -", "12", "Page 3 of 10"
_PAGE_NUMBER = re.compile(
    r"^\s*(?:(?:page\s+\d{1,4}(?:\s+of\s+\d{1,4})?\s*){1,2}|[-\u2013]?\s*\d{1,4}\s*[-\u2013]?)\s*$",
    re.I,
)
_BLANK_PAGE = re.compile(r"^\s*this page (?:is|has been) (?:intentionally|deliberately) (?:left )?blank\.?\s*$", re.I)


@dataclass(frozen=True, slots=True)
class Line:
    no: int                 # 1-based line number in the input: the citation
    page: int               # 1-based page of the input the line is on
    text: str               # the line as read (no trailing newline)
    furniture: bool = False  # page number, blank-page notice or running header

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True, slots=True)
class Span:
    """A logical line for analysis: one or more input lines joined, with their range."""

    text: str
    first: int   # line number of the first input line
    last: int    # line number of the last input line
    page: int
    # (offset in `text`, input line number) for each input line joined into the span
    parts: tuple[tuple[int, int], ...] = ()

    def line_at(self, offset: int) -> int:
        """The input line holding character `offset` of the span's text."""
        line = self.first
        for off, no in self.parts:
            if off > offset:
                break
            line = no
        return line

    def __str__(self) -> str:  # pragma: no cover - debugging aid
        return f"{self.first}-{self.last}: {self.text}"


@dataclass
class Text:
    source: str                     # file name (or URL) the text came from
    lines: list[Line]
    kind: str = "text"              # text | pdf | html | modgov-xml
    sha256: str = ""
    # Tables found by a layout-aware reader (PDF): page -> list of tables (rows of cells).
    tables: dict[int, list[list[list[str | None]]]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # Numbers of lines that carry on the line before them because the layout wrapped a
    # paragraph there (a PDF reader knows this from the page geometry); spans() joins them.
    wraps: set[int] = field(default_factory=set)

    @property
    def page_count(self) -> int:
        return self.lines[-1].page if self.lines else 0

    def line(self, no: int) -> Line:
        return self.lines[no - 1]

    def content(self) -> Iterator[Line]:
        """Non-blank lines that are not page furniture."""
        return (ln for ln in self.lines if not ln.furniture and not ln.blank)

    def as_string(self) -> str:
        return "\n".join(ln.text for ln in self.lines)

    def spans(self) -> list[Span]:
        """Logical lines: each non-furniture line, with a sentence that runs over blank
        lines or a page break joined back together (for analysis only)."""
        out: list[Span] = []
        pending: list[Line] = []
        crossed_break = False

        def flush() -> None:
            nonlocal pending
            if pending:
                text = pending[0].text.strip()
                parts = [(0, pending[0].no)]
                for ln in pending[1:]:
                    nxt = ln.text.strip()
                    if text.endswith("-") and not text.endswith(" -") and nxt[:1].islower():
                        text = text[:-1]              # hyphenation across lines
                    else:
                        text += " "
                    parts.append((len(text), ln.no))
                    text += nxt
                out.append(Span(text, pending[0].no, pending[-1].no, pending[0].page,
                                tuple(parts)))
                pending = []

        for ln in self.lines:
            if ln.furniture:
                crossed_break = True
                continue
            if ln.blank:
                continue
            s = ln.text.strip()
            if pending and ((ln.no in self.wraps and pending[-1].no == ln.no - 1)
                            or _continues(_tail(pending, self.wraps), s, crossed_break)):
                pending.append(ln)
            else:
                flush()
                pending = [ln]
            crossed_break = False
        flush()
        return out


def _tail(pending: list[Line], wraps: set[int]) -> str:
    """The text of the pending span's last line, with the lines it wraps from (a wrapped
    paragraph is one line of text, however the layout broke it)."""
    i = len(pending) - 1
    while i > 0 and pending[i].no in wraps and pending[i - 1].no == pending[i].no - 1:
        i -= 1
    return " ".join(ln.text.strip() for ln in pending[i:])


_END = re.compile(r"[.:;!?)\]\"'\u201d\u2019]$")
_LIST_START = re.compile(r"^(?:[-\u2022\u00b7*]\s|\(?[0-9]{1,3}[.)]\s|\(?[a-z]\)\s|\([ivx]+\)\s)")


def _continues(prev: str, nxt: str, crossed_break: bool) -> bool:
    """Does `nxt` carry on the sentence that `prev` left unfinished?

    A line that stops mid-sentence (no closing punctuation) followed, across blank lines
    or a page break, by a line that starts in lower case: that is the shape of a sentence
    split by a page break or by a conversion's paragraph break.  List items and table
    rows are never joined.
    """
    if not prev or not nxt or _END.search(prev) or "\t" in prev or "\t" in nxt:
        return False
    if _LIST_START.match(nxt):
        return False
    if prev.endswith((" -", "\u2013", ":")):
        return False
    # A line that stops mid-sentence and a next line that starts in lower case; or a long
    # paragraph line cut off mid-sentence (a heading is never that long).
    words = nxt.split()
    last = prev.split()[-1]
    if crossed_break and len(prev) >= 60 and last.isalpha() and last.islower() and nxt[0].isalpha():
        return True      # "... as a governor of" | page break | "Holmfleet Primary School."
    return nxt[0].islower() or (len(prev) >= 100 and nxt[0].isalpha() and len(words) > 6
                                and prev.split()[-1][:1].isupper() and words[1][:1].islower()
                                and words[2][:1].islower() and ">" not in prev)


# a meeting's web page saved as text: its lines have no printed pages, and a number on a
# line of its own is an item's number ("Items" / "No. Item" / "1" / "Apologies" / "Minutes:")
_WEB_PAGE_MARK = re.compile(r"^\s*(?:items\s+)?no\.?\s*\|?\s*item\s*$|^\s*[*_]*(?:minutes|decision)\s*:[*_]*\s*$", re.I)


def mark_furniture(lines: list[Line]) -> list[Line]:
    """Flag page numbers and blank-page notices."""
    out = []
    web_page = sum(1 for ln in lines[:4000] if _WEB_PAGE_MARK.match(ln.text)) >= 2 and \
        not any(re.match(r"^\s*page\s+\d", ln.text, re.I) for ln in lines[:4000])
    for ln in lines:
        s = ln.text.strip()
        number = bool(_PAGE_NUMBER.match(s))
        if number and web_page and re.fullmatch(r"\d{1,3}", s):
            number = False
        furn = bool(s) and (number or bool(_BLANK_PAGE.match(s)))
        out.append(Line(ln.no, ln.page, ln.text, furn) if furn != ln.furniture else ln)
    return out


def _running_key(text: str) -> str | None:
    s = " ".join(text.split()).lower()
    if not 3 <= len(s) <= 120 or "\t" in text or "|" in text or re.search(r"\S\s{3,}\S", text.strip()):
        return None               # a table's header row repeated on each page is not furniture
    return re.sub(r"\d+", "#", s)


def mark_running(lines: list[Line]) -> list[Line]:
    """Flag running headers and footers of a text conversion: the same short line among the
    first or last two lines of each of three or more pages in a row (two, in a paper of up
    to three pages)."""
    pages: dict[int, list[int]] = {}
    for k, ln in enumerate(lines):
        if not ln.furniture and not ln.blank:
            pages.setdefault(ln.page, []).append(k)
    if len(pages) < 2:
        return lines
    seen: dict[str, set[int]] = {}
    where: dict[str, list[int]] = {}
    for page, idx in pages.items():
        for k in dict.fromkeys(idx[:2] + idx[-2:]):
            key = _running_key(lines[k].text)
            if key:
                seen.setdefault(key, set()).add(page)
                where.setdefault(key, []).append(k)
    # on every page of a run of pages (a heading that opens several documents of a pack
    # is on scattered pages, not on each page in turn)
    need = 2 if len(pages) <= 3 else 3
    marked: set[int] = set()
    for key, ps in seen.items():
        if len(ps) < need:
            continue
        run: list[int] = []
        for p in sorted(ps):
            if run and p != run[-1] + 1:
                if len(run) >= need:
                    break
                run = []
            run.append(p)
        if len(run) >= need:
            marked.update(k for k in where[key] if lines[k].page in run)
    if not marked:
        return lines
    return [Line(ln.no, ln.page, ln.text, True) if k in marked else ln for k, ln in enumerate(lines)]


def from_string(data: str, source: str, kind: str = "text", sha256: str = "") -> Text:
    """Build a Text from decoded text.  Pages break at form feeds; in a text conversion
    without them, a printed page number ("Page 7") ends a page."""
    raw = data.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if raw and raw[-1] == "":
        raw.pop()
    lines: list[Line] = []
    page = 1
    use_markers = "\f" not in data
    for i, t in enumerate(raw, start=1):
        if "\f" in t:
            page += t.count("\f") if i > 1 else t.count("\f") - t.startswith("\f")
            t = t.replace("\f", " ")
        ln = Line(i, page, t.rstrip())
        lines.append(ln)
    lines = mark_furniture(lines)
    if use_markers:
        paged: list[Line] = []
        page = 1
        for ln in lines:
            paged.append(Line(ln.no, page, ln.text, ln.furniture))
            if ln.furniture and ln.text.strip():
                page += 1
        lines = paged
    lines = mark_running(lines)
    if not sha256:
        sha256 = hashlib.sha256(data.encode("utf-8")).hexdigest()
    return Text(source=source, lines=lines, kind=kind, sha256=sha256)
