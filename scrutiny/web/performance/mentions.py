"""Where a measure was discussed: passages of the council's papers that name it, placed
on the agenda item they belong to.

A passage names a measure when it holds at least `COVERAGE` of the words of one of the
measure's printed names (`identity.tokens`: abbreviations spelt out, small words
dropped), for names of three words or more (shorter ones, "Children in care", name too
much); or when it quotes one of the measure's figures, printed with its decimals and
unit ("the figure of 38.6% shown at Appendix A"), that no other measure of the council
has.  Table rows are left out: the table is where the value was reported, not where it
was discussed.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal

from ..record.models import AgendaItem, Document, DocumentSection, MeetingDocument, Passage
from .identity import tokens
from .models import Indicator, IndicatorMention, IndicatorValue

COVERAGE = 0.85
MIN_WORDS = 3


class ItemLocator:
    """The agenda item (and meeting) a line of a paper belongs to."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        mds = list(MeetingDocument.objects.filter(paper=doc).select_related("meeting"))
        self.minutes = [(md.line or 1, md.end_line or 10 ** 9, md.meeting) for md in mds
                        if md.record != "agenda"]
        agendas = [md.meeting for md in mds if md.record == "agenda"]
        self.agenda_meeting = agendas[0] if agendas else (mds[0].meeting if mds else None)
        items = list(AgendaItem.objects.filter(minutes_document=doc, minutes_line__isnull=False)
                     .order_by("minutes_line"))
        self.minute_lines = [i.minutes_line for i in items]
        self.minute_items = items
        self.sections = list(DocumentSection.objects.filter(in_document=doc).exclude(
            item_number=""))
        self.by_number: dict[tuple[int, str], AgendaItem] = {}
        if self.agenda_meeting is not None:
            for it in AgendaItem.objects.filter(meeting=self.agenda_meeting):
                for n in (it.number, it.minute_number):
                    if n:
                        self.by_number.setdefault((self.agenda_meeting.pk, n), it)
        numbers = {s.item_number for s in self.sections}
        self.whole_paper_item = None
        if doc.kind == "report" and self.agenda_meeting is not None:
            if len(numbers) == 1:
                self.whole_paper_item = self.by_number.get((self.agenda_meeting.pk,
                                                            numbers.pop()))
            if self.whole_paper_item is None:
                # a report paper is titled after its item: "<item title> (<committee>, date)"
                title = doc.title.rsplit(" (", 1)[0].strip().lower()
                self.whole_paper_item = next(
                    (it for it in self.by_number.values() if it.title.strip().lower() == title),
                    None)

    def at(self, line: int):
        """(item, meeting) for a line; either may be None."""
        for first, last, meeting in self.minutes:
            if first <= line <= last:
                k = bisect_right(self.minute_lines, line) - 1
                while k >= 0:
                    it = self.minute_items[k]
                    if it.meeting_id == meeting.pk:
                        return it, meeting
                    k -= 1
                return None, meeting
        for s in self.sections:
            if s.line and s.end_line and s.line <= line <= s.end_line and \
                    self.agenda_meeting is not None:
                it = self.by_number.get((self.agenda_meeting.pk, s.item_number))
                if it is not None:
                    return it, self.agenda_meeting
        return self.whole_paper_item, self.agenda_meeting


def _word_sets(indicators) -> list[tuple[Indicator, list[set[str]]]]:
    out = []
    for ind in indicators:
        names = {n.name for n in ind.names.all()} | {ind.name}
        sets = [s for s in (set(tokens(n)) for n in names) if len(s) >= MIN_WORDS]
        if sets:
            out.append((ind, sets))
    return out


_FIGURE = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})*|\d+)\.(\d+)(\s*%)?(?![\d.])")


def figure_index(council) -> dict[tuple[Decimal, bool], set[int]]:
    """(figure, is a percentage) -> the council's indicators that print it, for figures
    printed with decimals."""
    out: dict[tuple[Decimal, bool], set[int]] = {}
    for ind_id, value, number, unit in IndicatorValue.objects.filter(
            indicator__council=council, number__isnull=False).values_list(
            "indicator_id", "value", "number", "unit"):
        if "." in (value or ""):
            out.setdefault((number.normalize(), unit == "%"), set()).add(ind_id)
    return out


def _quoted(text: str, figures: dict) -> set[int]:
    """Indicators whose own figure (and no other indicator's) the text quotes."""
    found: set[int] = set()
    for m in _FIGURE.finditer(text):
        n = Decimal(m.group(1).replace(",", "") + "." + m.group(2)).normalize()
        ids = figures.get((n, bool(m.group(3))))
        if ids and len(ids) == 1:
            found |= ids
    return found


def _mentions(passages, indicators, locators: dict[int, ItemLocator],
              figures: dict | None = None) -> list[IndicatorMention]:
    wanted = _word_sets(indicators)
    figures = figures or {}
    ids = {i.pk for i in indicators}
    by_id = {i.pk: i for i in indicators}
    out: list[IndicatorMention] = []
    if not wanted and not figures:
        return out
    for p in passages:
        if "\t" in p.text or p.text.count("|") >= 2:
            continue
        words = set(tokens(p.text))
        hits = [ind for ind, sets in wanted if any(len(s & words) >= COVERAGE * len(s)
                                                   for s in sets)]
        seen = {i.pk for i in hits}
        hits += [by_id[i] for i in _quoted(p.text, figures) if i in ids and i not in seen]
        for ind in hits:
            loc = locators.get(p.document_id)
            if loc is None:
                loc = locators[p.document_id] = ItemLocator(p.document)
            item, meeting = loc.at(p.line_start)
            out.append(IndicatorMention(
                indicator=ind, document_id=p.document_id, line=p.line_start,
                end_line=p.line_end, page=p.page, item=item, meeting=meeting,
                snippet=" ".join(p.text.split())[:600]))
    return out


def _save(rows: list[IndicatorMention]) -> None:
    if rows:
        IndicatorMention.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)


def note_mentions(council, doc: Document, text, touched: list[Indicator]) -> None:
    """Mentions in this paper of any of the council's measures, and mentions in the
    council's other papers of measures this paper brought in for the first time."""
    IndicatorMention.objects.filter(document=doc).delete()
    indicators = list(Indicator.objects.filter(council=council).prefetch_related("names"))
    locators = {doc.pk: ItemLocator(doc)}
    figures = figure_index(council)
    _save(_mentions(list(doc.passages.all()), indicators, locators, figures))
    fresh = [i for i in touched if not IndicatorMention.objects.filter(indicator=i).exclude(
        document=doc).exists() and not i.values.exclude(document=doc).exists()]
    if fresh:
        fresh = list(Indicator.objects.filter(pk__in=[i.pk for i in fresh])
                     .prefetch_related("names"))
        others = Passage.objects.filter(document__council=council).exclude(
            document=doc).select_related("document").defer("document__text",
                                                           "document__page_starts")
        _save(_mentions(others.iterator(chunk_size=2000), fresh, locators, figures))


def rescan(indicator: Indicator) -> None:
    """Mentions of one indicator afresh (after an officer merged or split it)."""
    IndicatorMention.objects.filter(indicator=indicator).delete()
    ind = Indicator.objects.prefetch_related("names").get(pk=indicator.pk)
    passages = Passage.objects.filter(document__council=ind.council).select_related(
        "document").defer("document__text", "document__page_starts")
    _save(_mentions(passages.iterator(chunk_size=2000), [ind], {},
                    figure_index(ind.council)))
