"""Ingest: read a paper, extract its record, and reconcile it into the database.

One paper is one transaction: it is stored whole or not at all.  Papers are known by the
SHA-256 of their bytes, so ingesting the same bytes twice changes nothing.  A meeting is
known by its committee and date, so the draft minutes inside a later agenda pack attach
to the meeting already known from its own agenda.  People are matched by name
(`names.py`).  A new version of a paper (same file name, recording the same meeting)
supersedes the old one: what it extracts replaces what the old one extracted, except the
fields an officer edited (`locked_fields`), which are never overwritten.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from django.db import IntegrityError, models, transaction
from rapidfuzz import fuzz

from ...extraction import extract
from ...extraction.records import Meeting as MeetingRecord
from ...extraction.records import PaperRecord
from ...reading import ReadError, Text, read_path
from ..actions.models import Action
from ..performance.models import Indicator, IndicatorValue
from ..search.indexing import index_paper
from .models import (AgendaItem, Attendance, Committee, Council, Declaration, Document,
                     DocumentSection, Meeting, MeetingDocument, Membership, Passage, Resolution,
                     unique_slug)
from .names import fold, normalise_committee, normalise_role
from .people import PeopleIndex

PAPER_SUFFIXES = {".txt", ".text", ".pdf", ".html", ".htm", ".xml"}
UNKNOWN_COUNCIL = "Unknown council"
PASSAGE_LINES = 5
PASSAGE_CHARS = 600          # a passage of long lines (whole paragraphs) ends sooner


@dataclass
class IngestResult:
    source: str
    status: str                      # added | updated | unchanged | failed
    message: str = ""
    document_id: int | None = None
    meetings: int = 0
    items: int = 0
    people: int = 0
    resolutions: int = 0
    actions: int = 0
    indicators: int = 0
    proposals: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status != "failed"

    def summary(self) -> str:
        if self.status in ("failed", "unchanged"):
            return self.message
        parts = [f"{n} {label}" for n, label in (
            (self.meetings, "meetings"), (self.items, "items"), (self.people, "new people"),
            (self.resolutions, "resolutions"), (self.actions, "actions"),
            (self.indicators, "indicator values"), (self.proposals, "merge proposals")) if n]
        return ", ".join(parts) or "no meetings or indicators recognised"


# --------------------------------------------------------------------------- entry points
def paper_paths(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files named, and papers inside folders named (recursively, in name order)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file()
                              and f.suffix.lower() in PAPER_SUFFIXES
                              and not any(part.startswith(".") for part in f.relative_to(p).parts)))
        else:
            out.append(p)
    return out


def ingest_path(path: str | os.PathLike, *, force: bool = False) -> IngestResult:
    """Read, extract and reconcile one paper.  Never raises for a bad paper: the result
    says what went wrong, and nothing of that paper is stored."""
    name = Path(path).name
    try:
        text = read_path(path)
    except ReadError as exc:
        return IngestResult(name, "failed", str(exc))
    return ingest_text(text, force=force)


def ingest_text(text: Text, record: PaperRecord | None = None, *,
                force: bool = False) -> IngestResult:
    sha = text.sha256 or hashlib.sha256(text.as_string().encode("utf-8")).hexdigest()
    existing = Document.objects.filter(sha256=sha).first()
    if existing and not force:
        return IngestResult(text.source, "unchanged", "already ingested (same bytes)",
                            document_id=existing.pk)
    try:
        if record is None:
            record = extract(text)
    except Exception as exc:  # noqa: BLE001 - one bad paper must not stop the others
        return IngestResult(text.source, "failed",
                            f"{text.source}: could not be read into a record "
                            f"({type(exc).__name__}: {exc}); nothing of it was stored")
    for attempt in range(3):
        try:
            with transaction.atomic():
                if not force and Document.objects.filter(sha256=sha).exists():
                    return IngestResult(text.source, "unchanged",
                                        "already ingested (same bytes)")
                return Reconciler(text, record, sha).run()
        except IntegrityError as exc:
            # Another process stored this paper, or created the same council, committee
            # or meeting, at the same moment (PostgreSQL): look again, then retry.
            if not force and Document.objects.filter(sha256=sha).exists():
                return IngestResult(text.source, "unchanged", "already ingested (same bytes)")
            problem = exc
            time.sleep(0.05 * (attempt + 1))
        except Exception as exc:  # noqa: BLE001 - one bad paper must not stop the others
            problem = exc
            break
    return IngestResult(text.source, "failed",
                        f"{text.source}: could not be ingested ({type(problem).__name__}: "
                        f"{problem}); nothing of it was stored")


# --------------------------------------------------------------------------- helpers
def parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def parse_time(value: str | None) -> dt.time | None:
    if not value:
        return None
    m = re.fullmatch(r"(\d{1,2})[:.](\d{2})", value.strip())
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        return None
    return dt.time(int(m.group(1)), int(m.group(2)))


def apply(obj: models.Model, values: dict, *, keep_if_empty: Iterable[str] = ()) -> bool:
    """Set the fields of `obj` that are not locked; save those that changed.
    Fields in `keep_if_empty` keep their value when the paper gives none."""
    keep = set(keep_if_empty)
    locked = set(getattr(obj, "locked_fields", None) or ())
    changed = []
    for name, value in values.items():
        if name in locked:
            continue
        if name in keep and value in (None, ""):
            continue
        attname = obj._meta.get_field(name).attname
        current = getattr(obj, attname)
        new = value.pk if isinstance(value, models.Model) else value
        if current != new:
            setattr(obj, attname, new)
            changed.append(name)
    if changed and obj.pk:
        obj.save(update_fields=changed)
    return bool(changed)


def text_or_blank(s: str | None, limit: int) -> str:
    return (s or "").strip()[:limit]


def title_key(s: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(s)).split())


def _titles_match(a: str, b: str) -> bool:
    ka, kb = title_key(a), title_key(b)
    if not ka or not kb:
        return False
    if ka == kb or fuzz.token_sort_ratio(ka, kb) >= 88:
        return True
    shorter = min(ka, kb, key=len)
    return len(shorter.split()) >= 2 and fuzz.token_set_ratio(ka, kb) == 100


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MINUTES_OF = re.compile(r"\bminutes of (?:its|the|their)\b[^.;]*?\bmeetings?\b(?P<rest>[^;]*)",
                         re.I)
_APPROVED = re.compile(r"correct record|\b(?:approved|confirmed|agreed|signed|accepted)\b", re.I)
_DAY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(_MONTHS) + r")(?:,?\s+(\d{4}))?",
                  re.I)


def approved_minutes_dates(text: str) -> list[dt.date]:
    """'The Minutes of the Meeting held on 20 September 2022 were agreed as a correct
    record' -> [2022-09-20]; 'the minutes of the meetings held on 9 April and 14 May 2024
    were agreed' -> [2024-04-09, 2024-05-14]."""
    out: list[dt.date] = []
    for m in _MINUTES_OF.finditer(text):
        if not _APPROVED.search(text):
            continue
        days = _DAY.findall(m.group("rest")[:160])
        year = next((y for _, _, y in reversed(days) if y), None)
        for d, month, y in days:
            y = y or year
            if not y:
                continue
            try:
                out.append(dt.date(int(y), _MONTHS.index(month.lower()) + 1, int(d)))
            except ValueError:
                pass
        if days:
            break
    return out


# --------------------------------------------------------------------------- reconcile
class Reconciler:
    """Bring the database in line with what one paper says.  Runs inside a transaction."""

    def __init__(self, text: Text, record: PaperRecord, sha256: str) -> None:
        self.text = text
        self.record = record
        self.sha = sha256
        self.result = IngestResult(text.source, "added")
        self.touched_meetings: list[Meeting] = []
        self.touched_committees: set[int] = set()
        self.touched: dict[type, set[int]] = {}
        self.agenda_meeting: Meeting | None = None
        self.older: set[int] = set()       # earlier versions of this paper (same file name)
        self.rereading = False              # --force on a paper already stored

    # ---- top level
    def run(self) -> IngestResult:
        self.council = self.resolve_council()
        self.doc = self.store_document()
        self.older = set(Document.objects.filter(source_name=self.doc.source_name,
                                                 superseded_by__isnull=True)
                         .exclude(pk=self.doc.pk).values_list("pk", flat=True))
        self.people = PeopleIndex(self.council)
        fallback = next((m.committee for m in self.record.meetings if m.committee), None)
        for m in self.record.meetings:
            self.reconcile_meeting(m, fallback)
        self.reconcile_indicators()
        self.supersede()
        self.remove_stale()
        from ..actions.tracker import after_ingest   # due dates, owners, follow-ups
        after_ingest(self)
        for committee_id in self.touched_committees:
            refresh_minutes_status(committee_id)
        index_paper(self.doc)               # search index, in this paper's transaction
        r = self.result
        r.document_id = self.doc.pk
        r.meetings = len(self.touched_meetings)
        r.people = self.people.people_created
        r.proposals = self.people.proposals_made
        r.warnings.extend(self.record.warnings)
        if not r.message:
            r.message = r.summary()
        return r

    def resolve_council(self) -> Council:
        name = " ".join((self.record.council or "").split())[:200]
        if name:
            council = Council.objects.filter(name__iexact=name).first()
            return council or Council.objects.create(name=name)
        # No council printed: a committee already known by this name says which council.
        keys = {normalise_committee(m.committee) for m in self.record.meetings if m.committee}
        ids = set(Committee.objects.filter(key__in=keys).values_list("council_id", flat=True))
        if len(ids) == 1:
            return Council.objects.get(pk=ids.pop())
        council = Council.objects.filter(name=UNKNOWN_COUNCIL).first()
        return council or Council.objects.create(name=UNKNOWN_COUNCIL)

    # ---- the paper itself
    def store_document(self) -> Document:
        rec, text = self.record, self.text
        records = {m.record for m in rec.meetings}
        agendas = [m for m in rec.meetings if m.record == "agenda"]
        if agendas and records == {"agenda"} and all(len(m.items) <= 2 for m in agendas) \
                and (rec.indicators or any(m.items for m in agendas)):
            kind = "report"                     # a report for one item of an agenda
        elif "agenda" in records:
            kind = "agenda_pack" if len(rec.meetings) > 1 or rec.documents and len(
                rec.documents) > 1 else "agenda"
        elif "minutes" in records:
            kind = "minutes"
        elif "decisions" in records:
            kind = "decisions"
        elif rec.indicators:
            kind = "report"
        else:
            kind = "other"
        title = document_title(rec, kind)
        page_starts, last_page = [], 0
        for ln in text.lines:
            if ln.page != last_page:
                page_starts.append(ln.no)
                last_page = ln.page
        values = dict(kind=kind, title=title[:400], source_name=text.source[:400],
                      council=self.council, file_format=text.kind[:20], pages=text.page_count,
                      line_count=len(text.lines), text=text.as_string(), page_starts=page_starts)
        doc = Document.objects.filter(sha256=self.sha).first()
        if doc is None:
            doc = Document.objects.create(sha256=self.sha, **values)
        else:                                   # --force: read again
            self.result.status = "updated"
            self.rereading = True
            apply(doc, values)
            doc.passages.all().delete()
            doc.sections.all().delete()
        Passage.objects.bulk_create(make_passages(text, doc), batch_size=500)
        DocumentSection.objects.bulk_create([
            DocumentSection(in_document=doc, document=doc, kind=d.kind[:20], title=d.title[:400],
                            item_number=text_or_blank(d.item, 40), line=d.line,
                            end_line=d.end_line, page=d.page, end_page=d.end_page, order=i)
            for i, d in enumerate(rec.documents)])
        return doc

    def cite(self, line: int | None, end_line: int | None = None,
             page: int | None = None) -> dict:
        if page is None and line and 0 < line <= len(self.text.lines):
            page = self.text.line(line).page
        return {"document": self.doc, "line": line, "end_line": end_line, "page": page}

    # ---- committees and meetings
    def committee(self, name: str) -> Committee:
        name = " ".join(name.split())[:300]
        key = normalise_committee(name)[:300]
        c = Committee.objects.filter(council=self.council, key=key).first()
        if c is None:
            # a near spelling of a committee this council already has
            for other in Committee.objects.filter(council=self.council):
                if fuzz.ratio(other.key, key) >= 94:
                    return other
            c = Committee.objects.create(council=self.council, name=name, key=key,
                                         slug=unique_slug(Committee, name,
                                                          council=self.council))
        return c

    def reconcile_meeting(self, m: MeetingRecord, fallback_committee: str | None) -> None:
        name = m.committee or fallback_committee
        date = parse_date(m.date)
        if not name or not date:
            self.result.warnings.append(
                f"a meeting ({m.record}, line {m.line or '?'}) has no "
                f"{'committee' if not name else 'date'}; it was not stored")
            return
        committee = self.committee(name)
        self.touched_committees.add(committee.pk)
        meeting, _ = Meeting.objects.get_or_create(committee=committee, date=date)
        self.touched_meetings.append(meeting)
        values: dict = {"time": parse_time(m.time), "venue": text_or_blank(m.venue, 300)}
        if m.record == "agenda" or meeting.document_id is None \
                or meeting.document_id in self.superseded_ids():
            values.update(self.cite(m.line, m.end_line))
        if m.record == "agenda":
            self.agenda_meeting = self.agenda_meeting or meeting
            if meeting.agenda_status != Meeting.APPROVED:
                values["agenda_status"] = Meeting.APPROVED
        else:
            values["status"] = Meeting.HELD
            if meeting.minutes_status == Meeting.NONE:
                values["minutes_status"] = Meeting.DRAFT
        if getattr(m, "cancelled", False):
            values["status"] = Meeting.CANCELLED
        apply(meeting, values, keep_if_empty=("time", "venue"))
        md, _ = MeetingDocument.objects.update_or_create(
            meeting=meeting, paper=self.doc, record=m.record,
            defaults={"line": m.line, "end_line": m.end_line})
        self.touch(md)

        items = self.reconcile_items(meeting, m)
        self.reconcile_members(meeting, m)
        self.reconcile_attendance(meeting, m)
        self.reconcile_declarations(meeting, m, items)
        self.reconcile_resolutions(meeting, m, items)
        self.reconcile_actions(meeting, m, items)

    def superseded_ids(self) -> set[int]:
        return self.older

    def touch(self, row: models.Model) -> None:
        self.touched.setdefault(type(row), set()).add(row.pk)

    # ---- items
    def reconcile_items(self, meeting: Meeting, m: MeetingRecord) -> dict[str, AgendaItem]:
        """Match the paper's items to the meeting's; returns printed number -> item."""
        existing = list(meeting.items.select_related("parent"))
        claimed: set[int] = set()
        by_number: dict[str, AgendaItem] = {}
        minutes = m.record != "agenda"

        def parent_no(it: AgendaItem) -> str:
            return it.parent.number if it.parent_id and it.parent else ""

        def find(rec) -> AgendaItem | None:
            number, parent = (rec.number or "").strip(), (rec.parent or "").strip()
            free = [e for e in existing if e.pk not in claimed]
            if number and minutes:
                for e in free:
                    if e.minute_number == number:
                        return e
            if number:
                for e in free:
                    if e.number != number or parent_no(e) != parent:
                        continue
                    if not minutes:
                        return e
                    # minutes numbered like the agenda: the same item, unless the titles
                    # have nothing in common
                    if not e.minute_number and fuzz.token_set_ratio(
                            title_key(e.title), title_key(rec.title)) >= 50:
                        return e
            for e in free:
                if _titles_match(e.title, rec.title):
                    return e
            return None

        # A paper that lists only one or two of an agenda's items (a report for item 6,
        # a supplement) adds to the agenda known from the agenda itself; it does not
        # reorder or re-cite it.
        others = [e for e in existing if e.document_id and e.document_id != self.doc.pk
                  and e.document_id not in self.superseded_ids()]
        partial = not minutes and len(m.items) * 2 < len(others)
        next_order = max((e.order for e in existing), default=-1) + 1

        for order, rec in enumerate(m.items):
            item = find(rec)
            number = text_or_blank(rec.number, 40)
            if item is None and others:
                order, next_order = next_order, next_order + 1
            if minutes:
                values = {"minute_number": number, "minutes_document": self.doc,
                          "minutes_line": rec.line, "minutes_page": rec.page or (
                              self.text.line(rec.line).page if rec.line and
                              rec.line <= len(self.text.lines) else None)}
                if item is None or item.document_id is None or \
                        item.document_id in self.superseded_ids():
                    values.update(number=number, title=rec.title[:1000], order=order,
                                  exempt=rec.exempt,
                                  exempt_paragraph=text_or_blank(rec.exempt_paragraph, 20))
            elif partial and item is not None:
                values = {k: v for k, v in (("pages", text_or_blank(rec.pages, 40)),
                                            ("report_by", text_or_blank(rec.report_by, 300)))
                          if v and not getattr(item, k)}
            else:
                values = {"number": number, "title": rec.title[:1000], "order": order,
                          "pages": text_or_blank(rec.pages, 40), "exempt": rec.exempt,
                          "exempt_paragraph": text_or_blank(rec.exempt_paragraph, 20),
                          "report_by": text_or_blank(rec.report_by, 300),
                          **self.cite(rec.line, None, rec.page)}
            if item is None:
                item = AgendaItem(meeting=meeting)
                apply(item, values)
                item.save()
                existing.append(item)
            else:
                apply(item, values)
            claimed.add(item.pk)
            self.touch(item)
            self.result.items += 1
            if number:
                by_number.setdefault(number, item)
        # sub-items: "(1) Apologies" under "1 General"
        printed = list(zip(m.items, [by_number.get(text_or_blank(r.number, 40)) for r in m.items]))
        for rec, item in printed:
            if item is None or not rec.parent:
                continue
            parent = by_number.get(rec.parent.strip())
            if parent is not None and parent.pk != item.pk:
                apply(item, {"parent": parent})
        return by_number

    def item_for(self, meeting: Meeting, items: dict[str, AgendaItem],
                 number: str | None) -> AgendaItem | None:
        number = (number or "").strip()
        if not number:
            return None
        if number in items:
            return items[number]
        return (meeting.items.filter(minute_number=number).first()
                or meeting.items.filter(number=number).first())

    # ---- membership
    def reconcile_members(self, meeting: Meeting, m: MeetingRecord) -> None:
        for rec in m.members:
            person = self.people.resolve(rec.name)
            if person is None:
                continue
            role = normalise_role(rec.role)[:200]
            d = meeting.date
            mine = list(Membership.objects.filter(committee=meeting.committee, person=person))
            if any(ms.role == role and ms.from_date <= d <= ms.to_date for ms in mine):
                continue
            same = [ms for ms in mine if ms.role == role]
            other = [ms for ms in mine if ms.role != role]

            def between(a: dt.date, b: dt.date) -> bool:
                lo, hi = min(a, b), max(a, b)
                return any(lo <= o.from_date <= hi or lo <= o.to_date <= hi for o in other)

            extend = None
            for ms in sorted(same, key=lambda x: abs((x.from_date - d).days)):
                edge = ms.to_date if d > ms.to_date else ms.from_date
                if not between(edge, d):
                    extend = ms
                    break
            if extend is not None:
                apply(extend, {"from_date": min(extend.from_date, d),
                               "to_date": max(extend.to_date, d)})
                if d < extend.from_date or extend.document_id is None:
                    apply(extend, self.cite(rec.line, None, rec.page))
            else:
                Membership.objects.create(committee=meeting.committee, person=person, role=role,
                                          from_date=d, to_date=d,
                                          **self.cite(rec.line, None, rec.page))

    # ---- attendance
    def reconcile_attendance(self, meeting: Meeting, m: MeetingRecord) -> None:
        a = m.attendance
        groups = [(Attendance.PRESENT, a.present), (Attendance.SUBSTITUTE, a.substitutes),
                  (Attendance.APOLOGIES, a.apologies), (Attendance.OFFICER, a.officers),
                  (Attendance.ALSO_PRESENT, a.also_present)]
        existing = {att.person_id: att for att in meeting.attendance.all()}
        seen: set[int] = set()
        order = 0
        for kind, entries in groups:
            for rec in entries:
                name = rec.member if kind == Attendance.SUBSTITUTE else rec.name
                person = self.people.resolve(name)
                if person is None or person.pk in seen:
                    continue
                seen.add(person.pk)
                values = {"kind": kind, "order": order,
                          "description": text_or_blank(getattr(rec, "description", None), 300),
                          "substituting_for": (self.people.resolve(rec.substituting_for)
                                               if kind == Attendance.SUBSTITUTE else None),
                          **self.cite(rec.line, None, rec.page)}
                order += 1
                att = existing.get(person.pk)
                if att is None:
                    att = Attendance(meeting=meeting, person=person)
                    apply(att, values)
                    att.save()
                    existing[person.pk] = att
                else:
                    apply(att, values)
                self.touch(att)

    # ---- declarations, resolutions, actions
    def reconcile_declarations(self, meeting, m, items) -> None:
        existing = list(meeting.declarations.all())
        claimed: set[int] = set()
        for seq, rec in enumerate(m.declarations):
            person = self.people.resolve(rec.member)
            number = text_or_blank(rec.item, 40)
            values = {"person": person, "member": text_or_blank(rec.member, 200),
                      "item": self.item_for(meeting, items, rec.item), "item_number": number,
                      "interest": (rec.interest or "").strip(), "seq": seq,
                      **self.cite(rec.line, None, rec.page)}
            match = next((d for d in existing if d.pk not in claimed
                          and d.person_id == (person.pk if person else None)
                          and d.item_number == number), None)
            if match is None:
                match = Declaration(meeting=meeting)
                apply(match, values)
                match.save()
            else:
                apply(match, values)
            claimed.add(match.pk)
            self.touch(match)

    def _numbered(self, meeting, m_rows, model, items, make_values) -> int:
        """Resolutions and actions: matched by (item number, position under that item)."""
        existing = {(r.item_number, r.seq): r for r in model.objects.filter(meeting=meeting)}
        counter: dict[str, int] = {}
        n = 0
        for rec in m_rows:
            number = text_or_blank(rec.item, 40)
            seq = counter.get(number, 0)
            counter[number] = seq + 1
            values = {"item": self.item_for(meeting, items, rec.item), "item_number": number,
                      "seq": seq, **make_values(rec),
                      **self.cite(rec.line, rec.end_line, rec.page)}
            row = existing.get((number, seq))
            if row is None:
                row = model(meeting=meeting)
                apply(row, values)
                row.save()
            else:
                apply(row, values)
            self.touch(row)
            n += 1
        return n

    def reconcile_resolutions(self, meeting, m, items) -> None:
        self.result.resolutions += self._numbered(
            meeting, m.resolutions, Resolution, items, lambda r: {"text": r.text.strip()})

    def reconcile_actions(self, meeting, m, items) -> None:
        self.result.actions += self._numbered(
            meeting, m.actions, Action, items,
            lambda a: {"text": a.text.strip(), "owner": text_or_blank(a.owner, 300),
                       "due": text_or_blank(a.due, 200), "kind": text_or_blank(a.kind, 20)})

    # ---- indicators
    def reconcile_indicators(self) -> None:
        # identity across papers, periods, targets, RAG, comparators, narrative figures
        from ..performance.ingest import record_indicators
        record_indicators(self)

    # ---- a new version of a paper
    def supersede(self) -> None:
        """An earlier version of this paper (same file name, recording the same meeting)
        is superseded by this one."""
        pairs = set(MeetingDocument.objects.filter(paper=self.doc)
                    .values_list("meeting_id", "record"))
        older = set()
        for md in MeetingDocument.objects.filter(paper_id__in=self.older):
            if (md.meeting_id, md.record) in pairs:
                older.add(md.paper_id)
        self.older = older
        if older:
            Document.objects.filter(pk__in=older).update(superseded_by=self.doc)
            MeetingDocument.objects.filter(paper_id__in=older).delete()
            self.result.status = "updated"

    def remove_stale(self) -> None:
        """Rows that only a superseded version (or, read again with --force, an earlier
        reading of this paper) supported are removed, unless an officer edited them."""
        stale_docs = set(self.older)
        if self.rereading:
            stale_docs.add(self.doc.pk)
            MeetingDocument.objects.filter(paper=self.doc).exclude(
                pk__in=self.touched.get(MeetingDocument, ())).delete()
        if not stale_docs:
            return
        for model in (Resolution, Action, Declaration, Attendance, IndicatorValue):
            keep = self.touched.get(model, set())
            for row in model.objects.filter(document_id__in=stale_docs).exclude(pk__in=keep):
                if not row.locked_fields:
                    row.delete()
        keep = self.touched.get(AgendaItem, set())
        for item in AgendaItem.objects.filter(
                models.Q(document_id__in=stale_docs)
                | models.Q(minutes_document_id__in=stale_docs)).exclude(pk__in=keep):
            if item.locked_fields:
                continue
            agenda_gone = item.document_id is None or item.document_id in stale_docs
            minutes_gone = item.minutes_document_id is None or \
                item.minutes_document_id in stale_docs
            if agenda_gone and minutes_gone:
                item.delete()
            elif item.minutes_document_id in stale_docs:
                apply(item, {"minutes_document": None, "minutes_line": None,
                             "minutes_page": None, "minute_number": ""})
            else:
                apply(item, {"document": None, "line": None, "page": None})


def _number(value: str | None) -> float | None:
    try:
        return float((value or "").replace(",", "").strip())
    except ValueError:
        return None


def refresh_minutes_status(committee_id: int) -> None:
    """Minutes confirmed at a later meeting ('The Minutes of the Meeting held on 20
    September 2022 were agreed as a correct record') are approved."""
    dates = set()
    for text in Resolution.objects.filter(meeting__committee_id=committee_id,
                                          text__icontains="minutes").values_list("text",
                                                                                 flat=True):
        dates.update(approved_minutes_dates(text))
    for meeting in Meeting.objects.filter(committee_id=committee_id, date__in=dates).exclude(
            minutes_status=Meeting.APPROVED):
        apply(meeting, {"minutes_status": Meeting.APPROVED})


def document_title(rec: PaperRecord, kind: str) -> str:
    label = dict(Document.KINDS).get(kind, "Paper")
    main = next((m for m in rec.meetings if m.record == "agenda"), None) or (
        rec.meetings[0] if rec.meetings else None)
    if kind == "report" and main and main.items:
        d = parse_date(main.date)
        when = f", {d.day} {d:%B %Y}" if d else ""
        return f"{main.items[0].title} ({main.committee or 'committee'}{when})"
    if main and main.committee:
        d = parse_date(main.date)
        when = f", {d.day} {d:%B %Y}" if d else ""
        return f"{label}: {main.committee}{when}"
    return f"{label}: {rec.source}"


def make_passages(text: Text, doc: Document) -> list[Passage]:
    """A few lines each: a paragraph, or up to PASSAGE_LINES lines of it (fewer when the
    lines are long: about PASSAGE_CHARS characters), within a page."""
    out: list[Passage] = []
    cur: list = []

    def flush() -> None:
        if cur:
            out.append(Passage(document=doc, page=cur[0].page, line_start=cur[0].no,
                               line_end=cur[-1].no,
                               text="\n".join(ln.text.strip() for ln in cur)))
            cur.clear()

    for ln in text.lines:
        if ln.furniture or ln.blank:
            flush()
            continue
        if cur and (ln.page != cur[0].page or len(cur) >= PASSAGE_LINES
                    or sum(len(c.text) for c in cur) + len(ln.text) > PASSAGE_CHARS):
            flush()
        cur.append(ln)
    flush()
    return out
