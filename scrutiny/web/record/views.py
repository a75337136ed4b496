"""The public portal (councils, committees, meetings, items, people, papers) and the small
officer page for merge proposals.  Server-rendered; every page works without JavaScript.

List pages fetch what they show in a fixed number of queries (select_related,
prefetch_related and counted subqueries), whatever the number of rows."""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from html import escape

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, IntegerField, Max, Min, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from ..actions.models import Action
from .models import (AgendaItem, Attendance, Committee, Council, Document, DocumentSection,
                     Meeting, MeetingDocument, Membership, MergeProposal, Person, Resolution)
from .people import decide


def counted(queryset, field: str = "pk"):
    """A subquery counting the rows of `queryset` (already filtered on OuterRef): one
    number per row of the outer query, without multiplying joins."""
    return Coalesce(Subquery(queryset.order_by().values(field).annotate(c=Count("*"))
                             .values("c")[:1], output_field=IntegerField()), 0)


def _count(model, **outer):
    """Count rows of `model` per outer row, e.g. _count(Meeting, committee="pk")."""
    (fk, ref), = outer.items()
    return Coalesce(Subquery(model.objects.filter(**{fk: OuterRef(ref)}).order_by()
                             .values(fk).annotate(c=Count("*")).values("c")[:1],
                             output_field=IntegerField()), 0)


# --------------------------------------------------------------------------- public pages
def home(request):
    councils = Council.objects.annotate(
        n_committees=_count(Committee, council="pk"),
        n_meetings=_count(Meeting, committee__council="pk"),
        n_people=_count(Person, council="pk"),
    ).order_by("name")
    recent = (Meeting.objects.select_related("committee__council")
              .annotate(n_items=_count(AgendaItem, meeting="pk")).order_by("-date")[:10])
    return render(request, "record/home.html", {"councils": councils, "recent": recent})


def council(request, council):
    c = get_object_or_404(Council, slug=council)
    committees = c.committees.annotate(
        n_meetings=Count("meetings"), first=Min("meetings__date"),
        latest=Max("meetings__date")).order_by("name")
    people = c.people.annotate(n_roles=_count(Membership, person="pk")).order_by("surname", "name")
    members = [p for p in people if p.n_roles]
    return render(request, "record/council.html", {
        "council": c, "committees": committees, "members": members,
        "n_people": len(people)})


def _committee(council_slug: str, committee_slug: str) -> Committee:
    return get_object_or_404(Committee.objects.select_related("council"),
                             council__slug=council_slug, slug=committee_slug)


ROLE_ORDER = {"Chair": 0, "Chairman": 0, "Chairwoman": 0, "Chairperson": 0, "Vice-Chair": 1,
              "Vice-Chairman": 1, "Vice-Chairwoman": 1, "Vice-Chairperson": 1, "": 3}


def committee(request, council, committee):
    com = _committee(council, committee)
    memberships = list(com.memberships.select_related("person"))
    memberships.sort(key=lambda m: (-m.to_date.toordinal(), ROLE_ORDER.get(m.role, 2),
                                    m.person.surname))
    # members and roles over time: one column per year the papers cover
    years = sorted({y for m in memberships for y in range(m.from_date.year, m.to_date.year + 1)})
    by_person: dict[int, dict] = {}
    for m in memberships:
        row = by_person.setdefault(m.person_id, {"person": m.person, "years": {}})
        for y in range(m.from_date.year, m.to_date.year + 1):
            row["years"].setdefault(y, set()).add(m.role_label)
    grid = sorted(by_person.values(), key=lambda r: r["person"].surname)
    for row in grid:
        row["cells"] = [", ".join(sorted(row["years"].get(y, ()), key=lambda r: ROLE_ORDER.get(
            "" if r == "Member" else r, 2))) for y in years]
    meetings = com.meetings.annotate(
        n_items=_count(AgendaItem, meeting="pk"),
        n_resolutions=_count(Resolution, meeting="pk"),
        n_actions=_count(Action, meeting="pk"),
        n_present=counted(Attendance.objects.filter(meeting=OuterRef("pk"),
                                                    kind=Attendance.PRESENT), "meeting"),
    ).order_by("-date")
    return render(request, "record/committee.html", {
        "committee": com, "council": com.council, "memberships": memberships,
        "years": years, "grid": grid, "meetings": meetings})


def _meeting(council, committee, date) -> Meeting:
    try:
        day = dt.date.fromisoformat(date)
    except ValueError:
        raise Http404("No meeting on that date") from None
    return get_object_or_404(Meeting.objects.select_related("committee__council"),
                             committee__council__slug=council, committee__slug=committee,
                             date=day)


def meeting(request, council, committee, date):
    m = _meeting(council, committee, date)
    items = list(m.items.all())
    exempt_ids = {i.pk for i in items if i.exempt}
    attendance = list(m.attendance.select_related("person", "substituting_for"))
    groups = defaultdict(list)
    for a in attendance:
        groups[a.kind].append(a)
    declarations = [d for d in m.declarations.select_related("person", "item")
                    if d.item_id not in exempt_ids]
    resolutions = [r for r in m.resolutions.select_related("item") if r.item_id not in exempt_ids]
    actions = [a for a in m.actions.select_related("item") if a.item_id not in exempt_ids]
    papers = list(m.meeting_papers.select_related("paper").order_by("record", "paper__title"))
    sections = list(DocumentSection.objects.filter(
        in_document__in=[p.paper_id for p in papers if p.record == "agenda"])
        .exclude(kind__in=("agenda", "minutes")).order_by("in_document", "order"))
    return render(request, "record/meeting.html", {
        "meeting": m, "committee": m.committee, "council": m.committee.council,
        "items": items, "groups": groups, "n_attendance": len(attendance),
        "attendance_groups": [
            ("Present", groups[Attendance.PRESENT]),
            ("Substitutes", groups[Attendance.SUBSTITUTE]),
            ("Apologies", groups[Attendance.APOLOGIES]),
            ("Officers", groups[Attendance.OFFICER]),
            ("Also present", groups[Attendance.ALSO_PRESENT]),
        ],
        "declarations": declarations, "resolutions": resolutions, "actions": actions,
        "papers": papers, "sections": sections})


def item(request, council, committee, date, item):
    m = _meeting(council, committee, date)
    it = get_object_or_404(AgendaItem.objects.select_related("parent", "document",
                                                             "minutes_document"),
                           pk=item, meeting=m)
    it.meeting = m
    if it.parent:
        it.parent.meeting = m
    children = list(it.children.all())
    for c in children:
        c.meeting = m
    ctx = {"meeting": m, "committee": m.committee, "council": m.committee.council, "item": it}
    if not it.exempt:
        ctx.update(
            children=children,
            resolutions=list(it.resolutions.all()),
            actions=list(it.actions.all()),
            declarations=list(it.declarations.select_related("person")),
            sections=list(DocumentSection.objects.filter(
                in_document__meeting_papers__meeting=m,
                in_document__meeting_papers__record="agenda",
                item_number=it.number).exclude(item_number="").distinct())
            if it.number else [],
        )
    return render(request, "record/item.html", ctx)


def attendance_statistics(person: Person, memberships: list[Membership],
                          attendance: list[Attendance]) -> list[dict]:
    """Per committee, as Modern.gov's attendance statistics: meetings expected (as a
    member), present, apologies, absent, present %, and attendance not expected (as a
    substitute, officer or guest).  Only meetings whose attendance is recorded count."""
    committee_ids = {m.committee_id for m in memberships} | {a.meeting.committee_id
                                                            for a in attendance}
    recorded = list(Meeting.objects.filter(committee_id__in=committee_ids)
                    .filter(attendance__isnull=False).distinct()
                    .select_related("committee").only("id", "date", "committee__name",
                                                      "committee__slug",
                                                      "committee__council_id"))
    mine = {a.meeting_id: a for a in attendance}
    rows: dict[int, dict] = {}
    for mt in recorded:
        a = mine.get(mt.pk)
        member = any(ms.committee_id == mt.committee_id and ms.from_date <= mt.date <= ms.to_date
                     for ms in memberships)
        expected = member or (a is not None and a.kind in (Attendance.PRESENT,
                                                            Attendance.APOLOGIES))
        r = rows.setdefault(mt.committee_id, {"committee": mt.committee, "expected": 0,
                                              "present": 0, "apologies": 0, "absent": 0,
                                              "substitute": 0, "in_attendance": 0})
        if a is not None and a.kind == Attendance.SUBSTITUTE:
            r["substitute"] += 1
            continue
        if a is not None and a.kind in (Attendance.OFFICER, Attendance.ALSO_PRESENT):
            r["in_attendance"] += 1
            continue
        if not expected:
            continue
        r["expected"] += 1
        if a is None:
            r["absent"] += 1
        elif a.kind == Attendance.PRESENT:
            r["present"] += 1
        else:
            r["apologies"] += 1
    out = sorted(rows.values(), key=lambda r: r["committee"].name)
    for r in out:
        r["percent"] = round(100 * r["present"] / r["expected"]) if r["expected"] else None
    return [r for r in out if r["expected"] or r["substitute"] or r["in_attendance"]]


def person(request, pk):
    p = get_object_or_404(Person.objects.select_related("council"), pk=pk)
    memberships = list(p.memberships.select_related("committee__council").order_by(
        "-to_date", "committee__name"))
    attendance = list(p.attendance.select_related("meeting__committee__council",
                                                  "substituting_for")
                      .order_by("-meeting__date"))
    declarations = list(p.declarations.select_related("meeting__committee__council", "item")
                        .order_by("-meeting__date"))
    declarations = [d for d in declarations if not (d.item and d.item.exempt)]
    names = [n.name for n in p.names.all() if n.name != p.name]
    return render(request, "record/person.html", {
        "person": p, "council": p.council, "memberships": memberships,
        "attendance": attendance, "declarations": declarations, "names": names,
        "statistics": attendance_statistics(p, memberships, attendance)})


_LINES = re.compile(r"^(\d{1,7})(?:-(\d{1,7}))?$")


def document(request, pk):
    doc = get_object_or_404(Document.objects.select_related("council", "superseded_by"), pk=pk)
    first = last = None
    m = _LINES.match(request.GET.get("lines", ""))
    if m:
        first = int(m.group(1))
        last = int(m.group(2) or first)
        if last < first:
            first, last = last, first
    meetings = list(MeetingDocument.objects.filter(paper=doc)
                    .select_related("meeting__committee__council").order_by("meeting__date"))
    sections = list(doc.sections.all())
    # the lines of exempt items (Schedule 12A) are the same ones search leaves out
    from ..search.indexing import PaperLayout
    private = sorted(PaperLayout(doc).exempt)
    public = not request.user.is_authenticated
    return render(request, "record/document.html", {
        "document": doc, "council": doc.council, "meetings": meetings, "sections": sections,
        "first": first, "last": last, "private": private, "public": public,
        "text_html": render_lines(doc, first, last, private=private, public=public)})


def render_lines(doc: Document, first: int | None, last: int | None, *,
                 private: list[tuple[int, int]] = (), public: bool = True) -> str:
    """The paper's text, a row per input line with id="L<n>", page breaks marked, the cited
    range highlighted.  Built in Python: a paper has thousands of lines.

    The lines of exempt items are withheld from the public (a signed-in officer sees them,
    marked private), and e-mail addresses and telephone numbers are masked for the public."""
    from ..search.text import mask_personal_data
    starts = set(doc.page_starts or [])
    page = 0
    out = []
    for no, line in enumerate(doc.text.split("\n"), start=1):
        withheld = any(a <= no <= b for a, b in private)
        if withheld and public:
            line = "[withheld: exempt information under Schedule 12A]" if line.strip() else ""
        elif public:
            line = mask_personal_data(line)
        if no in starts:
            page += 1
            if out:
                out.append("</div>")
            out.append(f'<div class="scrutiny-page" id="page-{page}" role="group" '
                       f'aria-label="Page {page}"><p class="scrutiny-page__label">'
                       f'Page {page}</p>')
        cited = first is not None and first <= no <= last
        cls = "scrutiny-line scrutiny-line--cited" if cited else "scrutiny-line"
        if withheld:
            cls += " scrutiny-line--private"
        out.append(f'<div class="{cls}" id="L{no}"><a class="scrutiny-line__no" '
                   f'href="#L{no}">{no}</a><span class="scrutiny-line__text">'
                   f'{escape(line) if line.strip() else " "}</span></div>')
    if starts:
        out.append("</div>")
    return mark_safe("".join(out))


# --------------------------------------------------------------------------- officers
@login_required
def officers(request):
    proposals = (MergeProposal.objects.filter(status=MergeProposal.OPEN)
                 .select_related("council", "person", "candidate")
                 .prefetch_related(Prefetch("person__names"), Prefetch("candidate__names"))
                 .order_by("council__name", "-score"))
    decided = (MergeProposal.objects.exclude(status=MergeProposal.OPEN)
               .select_related("person", "candidate", "decided_by").order_by("-decided_at")[:20])
    return render(request, "record/officers.html", {"proposals": proposals, "decided": decided})


@login_required
@require_POST
def decide_merge(request, pk):
    proposal = get_object_or_404(MergeProposal, pk=pk)
    choice = request.POST.get("decision")
    if choice not in ("same", "different"):
        return HttpResponseNotAllowed(["POST"])
    names = f"{proposal.person.name} and {proposal.candidate.name}"
    decide(proposal, confirm=choice == "same", user=request.user)
    messages.success(request, f"{names}: " + ("merged into one person." if choice == "same"
                                              else "recorded as different people."))
    return redirect("record:officers")

