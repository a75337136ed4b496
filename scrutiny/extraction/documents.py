"""Split a pack into its documents: agenda front sheet, minutes, reports, appendices.

A pack is the papers of one meeting bound together.  Each document starts with a cover
that names the committee and the meeting date (a report), an "Appendix N" heading at the
top of a page, or a meeting heading (front sheet, minutes).  Kinds come from the title.
"""
from __future__ import annotations

import re

from ..reading import Span, Text
from .dates import find_date
from .records import Document
from .text_utils import clean, similarity

_APPENDIX = re.compile(r"^(?:appendix|annex|annexe|schedule)\s*(?:[A-Z]|\d{1,2}|one|two|three|four|five|six)\b"
                       r"(?:\s*[-\u2013:.]\s*|\s+|$)(?P<title>.*)$", re.I)
_REPORT_OF = re.compile(r"^(?:joint\s+)?report\s+(?:of|by|from)\b", re.I)
_SKIP_TITLE = re.compile(r"^(?:recommendations?|purpose|summary|report\s+(?:of|by|to)|agenda\s+item|membership|"
                         r"present|attendance|agenda|contact|venue|time|councillors|members|"
                         r"part\s+[ab12]|for\s+(?:decision|information)|date|wards?|key\s+decision)\b", re.I)
_KINDS = [("work_programme", re.compile(r"work\s*programme|forward\s+plan", re.I)),
          ("performance", re.compile(r"performance|dashboard|scorecard|key\s+business\s+measures|data\s+set|"
                                     r"indicators", re.I)),
          ("letter", re.compile(r"\bletter\b|^dear\b", re.I)),
          ("minutes", re.compile(r"^minutes\b", re.I))]


def _kind(title: str, default: str) -> str:
    for kind, rx in _KINDS:
        if rx.search(title):
            return kind
    return default


def _page_top(text: Text, sp: Span) -> bool:
    """Is the span among the first lines of its page?"""
    seen = 0
    for no in range(sp.first - 1, max(0, sp.first - 8), -1):
        ln = text.line(no)
        if ln.furniture:
            return True
        if not ln.blank:
            seen += 1
            if seen > 1:
                return False
    return sp.first <= 3


def split_documents(text: Text, spans: list[Span], meetings=()) -> list[Document]:
    from .meetings import committee_in

    dates = {m.date for m in meetings if m.date}
    minutes_regions = [(m.line, m.end_line or m.line) for m in meetings if m.record != "agenda"]
    heads = {m.line: m for m in meetings}
    starts: list[tuple[int, str, str]] = []      # (span index, kind, title)
    for i, sp in enumerate(spans):
        if sp.first in heads:
            m = heads[sp.first]
            label = {"agenda": "Agenda", "minutes": "Minutes", "decisions": "Decisions"}[m.record]
            starts.append((i, m.record, f"{label}: {m.committee or 'meeting'}, {m.date or 'date not stated'}"))
            continue
        s = clean(sp.text)
        if len(s) > 160 or any(a < sp.first <= b for a, b in minutes_regions):
            continue
        m = _APPENDIX.match(s)
        if m and _page_top(text, sp):
            starts.append((i, "appendix", s))
            continue
        head = s
        if not committee_in(head) and i + 1 < len(spans) and len(spans[i + 1].text) < 40:
            head = f"{s} {clean(spans[i + 1].text)}"
        if not committee_in(head):
            continue
        near = [head] + [clean(spans[j].text) for j in range(i + 1, min(len(spans), i + 3))]
        if not any((f := find_date(t)) and f.value in dates for t in near):
            continue
        # a report's cover: committee and meeting date, then the title
        for j in range(i + 1, min(len(spans), i + 7)):
            t = clean(spans[j].text)
            if (find_date(t) and len(t) < 40) or _SKIP_TITLE.match(t) or committee_in(t) == committee_in(head) \
                    or t.lower() in ("committee", "panel", "board") or len(t) <= 3 or t.endswith(":"):
                continue
            if len(t) < 160:
                starts.append((i, "report", t))
            break
    docs: list[Document] = []
    if not spans:
        return docs
    if not starts or starts[0][0] > 0:
        starts.insert(0, (0, "other", clean(spans[0].text)[:120]))
    for k, (i, kind, title) in enumerate(starts):
        end = starts[k + 1][0] - 1 if k + 1 < len(starts) else len(spans) - 1
        if end < i:
            continue
        if kind in ("report", "appendix"):
            kind = _kind(title, kind)
        if docs and docs[-1].title.lower() == title.lower() and docs[-1].end_line - docs[-1].line < 5:
            docs[-1].end_line, docs[-1].end_page = spans[end].last, spans[end].page
            continue              # the cover printed again at the top of the next page
        docs.append(Document(kind=kind, title=title, line=spans[i].first, end_line=spans[end].last,
                             page=spans[i].page, end_page=spans[end].page))
    # text before the first heading (a cover note, an interests guide) belongs to what follows
    if len(docs) > 1 and docs[0].kind == "other":
        docs[1].line, docs[1].page = docs[0].line, docs[0].page
        docs.pop(0)
    return docs


def link_items(documents: list[Document], meetings) -> None:
    """Name the agenda item each report belongs to, by its title."""
    agenda = next((m for m in meetings if m.record == "agenda"), None)
    if not agenda:
        return
    for d in documents:
        if d.kind in ("agenda", "minutes"):
            continue
        best = max(agenda.items, key=lambda it: similarity(it.title, d.title), default=None)
        if best and similarity(best.title, d.title) >= 0.5:
            d.item = best.number
