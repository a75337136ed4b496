"""Extraction: Text -> PaperRecord, by recognising structure, not by council.

    from scrutiny.reading import read_path
    from scrutiny.extraction import extract
    record = extract(read_path("pack.pdf"))

No Django here.
"""
from __future__ import annotations

from ..reading import Text
from .records import (SCHEMA, Action, Attendance, Attendee, Declaration, Document, Indicator,
                      Item, Meeting, Member, PaperRecord, Resolution, Substitute)

__all__ = ["extract", "SCHEMA", "PaperRecord", "Meeting", "Member", "Item", "Attendance",
           "Attendee", "Substitute", "Declaration", "Resolution", "Action", "Indicator",
           "Document"]


def extract(text: Text) -> PaperRecord:
    from .documents import link_items, split_documents
    from .indicators import extract_indicators
    from .meetings import extract_council, extract_meetings
    from .statuses import extract_statuses
    from .text_utils import unmark_span

    record = PaperRecord(source=text.source, sha256=text.sha256, kind=text.kind,
                         pages=text.page_count, lines=len(text.lines))
    record.warnings.extend(text.warnings)
    spans = [unmark_span(sp) for sp in text.spans()]
    record.council = extract_council(text, spans)
    record.meetings = extract_meetings(text, spans)
    record.documents = split_documents(text, spans, record.meetings)
    record.indicators = extract_indicators(text)
    record.statuses = extract_statuses(text, record.indicators)
    link_items(record.documents, record.meetings)
    if not record.meetings and not record.indicators:
        record.warnings.append("no meeting, agenda, minutes or performance table was recognised "
                               "in this paper; nothing was extracted")
    return record
