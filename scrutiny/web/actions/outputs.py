"""What the tracker gives back: action lists, the "Matters arising" action log for a
committee's next meeting (HTML, PDF, DOCX, CSV), the overdue list and impact figures.

Lists are built in a fixed number of queries, whatever the number of actions."""
from __future__ import annotations

import csv
import datetime as dt
import io
import statistics
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.template.loader import render_to_string
from django.utils import timezone

from ..record.models import Committee, Meeting
from .models import Action, Evidence, FollowUp, Recommendation

STATUS_LABEL = dict(Action.STATUS)


def today() -> dt.date:
    return timezone.localdate()


def actions_qs(*, committee: Committee | None = None, status: str = "open",
               on: dt.date | None = None, owner: str = "") -> QuerySet:
    """Actions with what their lists show.  status: open (open or in progress), overdue,
    in_progress, done, dropped or all."""
    on = on or today()
    qs = (Action.objects.select_related("meeting__committee__council", "item", "document",
                                        "owner_person")
          .prefetch_related(Prefetch("evidence", queryset=Evidence.objects.select_related(
              "item__meeting", "document")))
          .order_by("meeting__committee__council__name", "meeting__committee__name",
                    "meeting__date", "line", "seq"))
    if committee is not None:
        qs = qs.filter(meeting__committee=committee)
    if status == "open":
        qs = qs.filter(status__in=Action.ACTIVE)
    elif status == "overdue":
        qs = qs.filter(status__in=Action.ACTIVE, due_date__lt=on)
    elif status in dict(Action.STATUS):
        qs = qs.filter(status=status)
    if owner:
        qs = qs.filter(Q(owner__icontains=owner) | Q(owner_role__icontains=owner)
                       | Q(owner_person__name__icontains=owner))
    # exempt business stays out of lists
    return qs.exclude(item__exempt=True)


def action_record(a: Action, on: dt.date | None = None) -> dict:
    """One action as the CLI's JSON and the CSV give it."""
    on = on or today()
    return {
        "id": a.pk,
        "text": a.text,
        "meeting_date": a.meeting.date.isoformat(),
        "committee": a.meeting.committee.name,
        "committee_slug": a.meeting.committee.slug,
        "council": a.meeting.committee.council.name,
        "item": a.item.display_number if a.item_id and a.item else a.item_number,
        "kind": a.kind,
        "owner": a.owner_label or None,
        "owner_person": a.owner_person.name if a.owner_person_id and a.owner_person else None,
        "owner_as_written": a.owner or None,
        "due": a.due_date.isoformat() if a.due_date else None,
        "due_text": a.due_words or a.due or None,
        "status": a.status,
        "overdue": a.is_overdue(on),
        "closed_on": a.closed_on.isoformat() if a.closed_on else None,
        "source": a.document.source_name if a.document_id and a.document else None,
        "line": a.line,
        "end_line": a.end_line,
        "page": a.page,
        "evidence": [e.summary for e in a.evidence.all()],
    }


CSV_COLUMNS = ["id", "council", "committee", "meeting_date", "item", "text", "owner", "due",
               "due_text", "status", "overdue", "closed_on", "evidence", "source", "line"]


def to_csv(records: list[dict], columns: list[str] = CSV_COLUMNS) -> str:
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(columns)
    for r in records:
        row = []
        for c in columns:
            v = r.get(c)
            if isinstance(v, list):
                v = "; ".join(v)
            elif isinstance(v, bool):
                v = "yes" if v else "no"
            row.append("" if v is None else v)
        w.writerow(row)
    return out.getvalue()


# --------------------------------------------------------------------------- matters arising
@dataclass
class LogRow:
    ref: str
    action: Action
    raised: dt.date
    item: str
    text: str
    owner: str
    due: dt.date | None
    due_text: str
    status: str                    # as at the meeting
    overdue: bool
    update: str                    # evidence or progress
    source: str
    line: int | None


@dataclass
class MattersArising:
    committee: Committee
    meeting: dt.date | None        # the meeting the log is for (None: not yet known)
    since: dt.date | None          # the meeting before it
    on: dt.date                    # the date the statuses are read at
    outstanding: list[LogRow] = field(default_factory=list)
    completed: list[LogRow] = field(default_factory=list)

    @property
    def title(self) -> str:
        when = f"{self.meeting:%-d %B %Y}" if self.meeting else "the next meeting"
        return f"Matters arising: {self.committee.name}, {when}"

    @property
    def sections(self) -> list[tuple[str, list[LogRow]]]:
        return [("Outstanding", self.outstanding),
                ("Completed since the last meeting", self.completed)]

    @property
    def rows(self) -> list[LogRow]:
        return self.outstanding + self.completed

    def records(self) -> list[dict]:
        return [{"ref": r.ref, "raised": r.raised.isoformat(), "item": r.item, "action": r.text,
                 "owner": r.owner, "due": r.due.isoformat() if r.due else "",
                 "due_text": r.due_text, "status": r.status,
                 "overdue": "yes" if r.overdue else "no", "update": r.update,
                 "source": r.source, "line": r.line or ""} for r in self.rows]


LOG_COLUMNS = ["ref", "raised", "item", "action", "owner", "due", "due_text", "status",
               "overdue", "update", "source", "line"]


def next_meeting_of(committee: Committee, on: dt.date) -> Meeting | None:
    return committee.meetings.filter(date__gte=on).order_by("date").first()


def matters_arising(committee: Committee, meeting: dt.date | None = None,
                    on: dt.date | None = None) -> MattersArising:
    """The action log for the committee's meeting on `meeting` (default: its next known
    meeting from today; else the next, undated one): every action raised at an earlier
    meeting that was still open then, and those completed or dropped since the meeting
    before it."""
    on = on or today()
    if meeting is None:
        nxt = next_meeting_of(committee, on)
        meeting = nxt.date if nxt else None
    at = meeting or on
    before = committee.meetings.filter(date__lt=at).order_by("-date").first()
    since = before.date if before else None
    ma = MattersArising(committee, meeting, since, at)
    qs = actions_qs(committee=committee, status="all", on=at).filter(meeting__date__lt=at)
    n = 0
    for a in qs:
        closed = a.closed_on is not None and a.closed_on < at and a.status in Action.CLOSED
        if closed and not (since and a.closed_on >= since):
            continue                     # closed before the last meeting: reported then
        n += 1
        if closed:
            status = STATUS_LABEL[a.status]
        elif a.status in Action.CLOSED:
            status = STATUS_LABEL[Action.OPEN]   # closed after the meeting the log is for
        else:
            status = STATUS_LABEL[a.status]
        ev = "; ".join(e.summary for e in a.evidence.all())
        row = LogRow(
            ref=f"{a.meeting.date:%y%m%d}/{a.item.display_number if a.item_id and a.item else a.item_number or '-'}/{a.seq + 1}",
            action=a, raised=a.meeting.date,
            item=(a.item.display_number if a.item_id and a.item else a.item_number) or "",
            text=a.text, owner=a.owner_label or "", due=a.due_date,
            due_text=a.due_words or a.due or "", status=status,
            overdue=not closed and a.due_date is not None and a.due_date < at,
            update=ev if closed or a.status == Action.IN_PROGRESS or ev else "",
            source=a.document.source_name if a.document_id and a.document else "",
            line=a.line)
        (ma.completed if closed else ma.outstanding).append(row)
    return ma


def render_log_html(ma: MattersArising, *, standalone: bool = True) -> str:
    return render_to_string("actions/matters_arising_print.html", {"ma": ma})


def render_log_pdf(ma: MattersArising) -> bytes:
    from weasyprint import HTML
    return HTML(string=render_log_html(ma)).write_pdf()


def render_log_docx(ma: MattersArising) -> bytes:
    from docx import Document as Docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    doc = Docx()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10)
    doc.add_heading(ma.title, level=1)
    council = ma.committee.council.name
    lead = f"{council}. Actions and requests from earlier meetings, as at " \
           f"{ma.on:%-d %B %Y}."
    if ma.since:
        lead += f" Completed items are those closed since the meeting of {ma.since:%-d %B %Y}."
    doc.add_paragraph(lead)
    for title, rows in (("Outstanding", ma.outstanding), ("Completed since the last meeting",
                                                          ma.completed)):
        doc.add_heading(f"{title} ({len(rows)})", level=2)
        if not rows:
            doc.add_paragraph("None.")
            continue
        table = doc.add_table(rows=1, cols=7)
        table.style = "Table Grid"
        head = ["Ref", "Raised", "Action", "Owner", "Due", "Status", "Update"]
        for cell, text in zip(table.rows[0].cells, head):
            cell.text = text
            for p in cell.paragraphs:
                for run in p.runs:
                    run.bold = True
        for r in rows:
            cells = table.add_row().cells
            cells[0].text = r.ref
            cells[1].text = f"{r.raised:%-d %b %Y}" + (f"\nItem {r.item}" if r.item else "")
            cells[2].text = r.text + (f"\n[{r.source}, line {r.line}]" if r.source and r.line else "")
            cells[3].text = r.owner
            cells[4].text = (f"{r.due:%-d %b %Y}" if r.due else "No date") + (
                f"\n({r.due_text})" if r.due_text else "")
            cells[5].text = r.status + (" – overdue" if r.overdue else "")
            cells[6].text = r.update
        widths = [Cm(2.2), Cm(2.4), Cm(9.5), Cm(3.5), Cm(2.6), Cm(2.2), Cm(4.2)]
        for row in table.rows:
            for cell, w in zip(row.cells, widths):
                cell.width = w
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def render_log_csv(ma: MattersArising) -> str:
    return to_csv(ma.records(), LOG_COLUMNS)


# --------------------------------------------------------------------------- impact
@dataclass
class Impact:
    committee: Committee
    raised: int = 0
    open: int = 0
    overdue: int = 0
    closed: int = 0
    dropped: int = 0
    closed_with_due: int = 0
    closed_on_time: int = 0
    median_days_to_close: float | None = None
    recommendations: int = 0
    responses: int = 0
    accepted: int = 0
    partially_accepted: int = 0
    rejected: int = 0
    implemented: int = 0
    response_overdue: int = 0
    proposals_waiting: int = 0

    def as_dict(self) -> dict:
        d = {k: v for k, v in self.__dict__.items() if k != "committee"}
        d["committee"] = self.committee.name
        d["council"] = self.committee.council.name
        return d


def impact(on: dt.date | None = None, committee: Committee | None = None) -> list[Impact]:
    """Per committee: actions raised, closed, closed on time (of those closed that had a
    due date), median days from the meeting to closing; recommendations accepted (in whole
    or part) and implemented."""
    on = on or today()
    out: dict[int, Impact] = {}
    committees = Committee.objects.select_related("council").order_by("council__name", "name")
    if committee is not None:
        committees = committees.filter(pk=committee.pk)
    for c in committees:
        out[c.pk] = Impact(c)
    days: dict[int, list[int]] = {}
    for cid, status, due, closed, raised, exempt in Action.objects.filter(
            meeting__committee_id__in=out).values_list(
            "meeting__committee_id", "status", "due_date", "closed_on", "meeting__date",
            "item__exempt"):
        if exempt:
            continue
        i = out[cid]
        i.raised += 1
        if status in Action.ACTIVE:
            i.open += 1
            if due and due < on:
                i.overdue += 1
        elif status == Action.DONE:
            i.closed += 1
            if closed:
                days.setdefault(cid, []).append((closed - raised).days)
            if due:
                i.closed_with_due += 1
                if closed and closed <= due:
                    i.closed_on_time += 1
        else:
            i.dropped += 1
    for cid, d in days.items():
        out[cid].median_days_to_close = statistics.median(d)
    for r in Recommendation.objects.filter(meeting__committee_id__in=out).only(
            "meeting__committee_id", "response", "implementation", "response_due").select_related(
            "meeting"):
        i = out[r.meeting.committee_id]
        i.recommendations += 1
        if r.response != Recommendation.PENDING:
            i.responses += 1
        i.accepted += r.response == Recommendation.ACCEPTED
        i.partially_accepted += r.response == Recommendation.PARTIAL
        i.rejected += r.response == Recommendation.REJECTED
        i.implemented += r.implementation == "implemented"
        i.response_overdue += r.is_response_overdue(on)
    for cid in FollowUp.objects.filter(status=FollowUp.PROPOSED,
                                       action__status__in=Action.ACTIVE,
                                       action__meeting__committee_id__in=out).values_list(
            "action__meeting__committee_id", flat=True):
        out[cid].proposals_waiting += 1
    return [i for i in out.values() if i.raised or i.recommendations]
