"""Building the index: which passages public search may return, with what metadata.

`index_paper(document)` is called by ingest (`record/ingest.py`) after a paper's
passages, meetings and items are written, inside the paper's transaction: if the ingest
fails, its index rows go with it.  `reindex()` rebuilds everything (`scrutiny reindex`).

Left out of the index, so never returned by public search:
* passages of an exempt item (Schedule 12A): the item's lines in the agenda and in the
  minutes, and every report or appendix filed under its number;
* a paper (not an agenda or minutes) that says at its head it is not for publication
  under Schedule 12A;
* passages of a paper superseded by a later version of it;
* personal data: e-mail addresses and telephone numbers are masked in the indexed text.
"""
from __future__ import annotations

import bisect
import logging
import os
import re
import uuid
from dataclasses import dataclass

from django.db import transaction

from ..record.models import AgendaItem, Document, MeetingDocument, Passage
from .models import SearchEntry, SearchState
from .text import mask_personal_data

log = logging.getLogger(__name__)

# A paper that says at its head that it is not for publication under Schedule 12A (an
# exempt report filed on its own) is left out whole.
_EXEMPT_PAPER = re.compile(r"not\s+for\s+publication|exempt\s+information|confidential",
                           re.I)
_SCHEDULE_12A = re.compile(r"schedule\s*12\s*a", re.I)

KINDS = [("agenda", "Agenda"), ("minutes", "Minutes"), ("report", "Report"),
         ("appendix", "Appendix"), ("performance", "Performance report"),
         ("work_programme", "Work programme"), ("letter", "Letter"), ("other", "Other paper")]
KIND_LABELS = dict(KINDS)
_DOC_KIND = {"agenda_pack": "agenda", "agenda": "agenda", "minutes": "minutes",
             "decisions": "minutes", "report": "report", "other": "other"}


def semantic_enabled() -> bool:
    """SCRUTINY_SEMANTIC=0 turns embeddings off (keyword search only)."""
    if os.environ.get("SCRUTINY_SEMANTIC", "1").strip().lower() in ("0", "false", "no", "off"):
        return False
    from .embedding import available
    return available()


def touch_state() -> None:
    """A new token: processes holding vectors in memory will reload them."""
    token = uuid.uuid4().hex
    updated = SearchState.objects.filter(key="index").update(token=token)
    if not updated:
        SearchState.objects.create(key="index", token=token)


@dataclass
class _Part:
    """A meeting's part of the paper (its agenda, or its minutes) and its items."""
    start: int
    end: int
    md: MeetingDocument
    item_lines: list[int]
    items: list[AgendaItem]


class PaperLayout:
    """For each line of a paper: the meeting, kind, context title, and whether exempt."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        mds = list(MeetingDocument.objects.filter(paper=doc)
                   .select_related("meeting__committee__council"))
        self.parts: list[_Part] = []
        self.exempt: list[tuple[int, int]] = []
        exempt_numbers: set[str] = set()
        last = doc.line_count or 10 ** 9
        for md in mds:
            items = list(AgendaItem.objects.filter(meeting=md.meeting))
            if md.record == "agenda":
                placed = sorted((it.line, it) for it in items
                                if it.document_id == doc.pk and it.line)
            else:
                placed = sorted((it.minutes_line, it) for it in items
                                if it.minutes_document_id == doc.pk and it.minutes_line)
            start = md.line or (placed[0][0] if placed else 1)
            end = md.end_line or last
            part = _Part(start, end, md, [p[0] for p in placed], [p[1] for p in placed])
            self.parts.append(part)
            for k, (line, it) in enumerate(placed):
                if not it.exempt:
                    continue
                stop = placed[k + 1][0] - 1 if k + 1 < len(placed) else end
                self.exempt.append((line, max(line, stop)))
                exempt_numbers.update(n for n in (it.number, it.minute_number) if n)
        self.parts.sort(key=lambda p: (p.start, p.end))
        self.sections = sorted((s.line or 0, s.end_line or s.line or 0, s)
                               for s in doc.sections.all())
        for start, end, s in self.sections:
            if s.item_number and s.item_number in exempt_numbers and start:
                self.exempt.append((start, end or last))
        head = (doc.text or "")[:1500]
        if doc.kind not in ("agenda_pack", "agenda", "minutes", "decisions") and \
                _EXEMPT_PAPER.search(head) and _SCHEDULE_12A.search(head):
            self.exempt.append((1, last))
        if doc.kind == "report":
            # a report paper for one item of an agenda, titled by the item
            for md in mds:
                for it in AgendaItem.objects.filter(meeting=md.meeting, exempt=True):
                    if it.title and doc.title.startswith(it.title[:200]):
                        self.exempt.append((1, last))
        self.default = next((p for p in self.parts if p.md.record == "agenda"),
                            self.parts[0] if self.parts else None)

    def is_exempt(self, first: int, last: int) -> bool:
        return any(a <= last and first <= b for a, b in self.exempt)

    def part_at(self, line: int) -> _Part | None:
        inside = [p for p in self.parts if p.start <= line <= p.end]
        return min(inside, key=lambda p: p.end - p.start) if inside else self.default

    def section_at(self, line: int):
        inside = [s for a, b, s in self.sections if a and a <= line <= (b or a)]
        return min(inside, key=lambda s: (s.end_line or s.line) - s.line) if inside else None

    def describe(self, p: Passage) -> dict:
        part = self.part_at(p.line_start)
        meeting = part.md.meeting if part else None
        section = self.section_at(p.line_start)
        kind = section.kind if section else _DOC_KIND.get(self.doc.kind, "other")
        if kind not in KIND_LABELS:
            kind = "other"
        context = ""
        if part and part.start <= p.line_start <= part.end and part.item_lines \
                and kind in ("agenda", "minutes"):
            k = bisect.bisect_right(part.item_lines, p.line_start) - 1
            if k >= 0:
                context = part.items[k].title
        if not context and section is not None and kind not in ("agenda", "minutes"):
            context = section.title
        return {
            "meeting": meeting,
            "committee": meeting.committee if meeting else None,
            "council": meeting.committee.council if meeting else self.doc.council,
            "date": meeting.date if meeting else None,
            "kind": kind,
            "context": " ".join(context.split())[:400],
        }


def entries_for(doc: Document) -> list[SearchEntry]:
    """The index rows of one paper (not saved)."""
    if doc.superseded_by_id:
        return []
    layout = PaperLayout(doc)
    out = []
    for p in doc.passages.all().order_by("line_start"):
        if layout.is_exempt(p.line_start, p.line_end):
            continue
        text = mask_personal_data(p.text)
        if not text.strip():
            continue
        out.append(SearchEntry(id=p.pk, passage=p, document=doc, text=text,
                               **layout.describe(p)))
    return out


def index_paper(doc: Document, *, vectors: bool | None = None) -> int:
    """(Re)index one paper, and drop the rows of papers it supersedes.  Runs inside the
    caller's transaction (ingest's).  Returns the number of passages indexed."""
    with transaction.atomic():
        SearchEntry.objects.filter(document__superseded_by=doc).delete()
        SearchEntry.objects.filter(document=doc).delete()
        entries = entries_for(doc)
        if entries and (semantic_enabled() if vectors is None else vectors):
            from .vectors import embed_entries
            embed_entries(entries)
        SearchEntry.objects.bulk_create(entries, batch_size=500)
        touch_state()
    return len(entries)


def reindex(progress=None, *, vectors: bool | None = None) -> int:
    """Rebuild the whole index, one paper at a time.  Returns the passages indexed."""
    total = 0
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        touch_state()
    docs = list(Document.objects.filter(superseded_by__isnull=True).order_by("pk")
                .values_list("pk", flat=True))
    for pk in docs:
        doc = Document.objects.get(pk=pk)
        total += index_paper(doc, vectors=vectors)
        if progress:
            progress(doc)
    return total
