"""The officer workspace for actions and recommendations.

Every page needs a signed-in user (Django auth); changing anything needs the officer or
admin role, and a POST with Django's CSRF token.  Forms are plain HTML: the workspace works
without JavaScript.  Every change goes through `changes.py`, which audits it."""
from __future__ import annotations

import datetime as dt
import json
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from ..record.models import AgendaItem, Committee, Council, Document, Person
from . import changes as ch
from .models import Action, AuditEntry, Evidence, FollowUp, Recommendation
from .outputs import (actions_qs, impact, matters_arising, render_log_csv, render_log_docx,
                      render_log_pdf, today, to_csv, action_record)
from .tracker import settings_for

PAGE = 200


def officer_required(view):
    """Signed in (else to the sign-in page), with the officer or admin role (else 403)."""
    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not ch.can_edit(request.user):
            raise PermissionDenied("Only officers and admins can change the tracker.")
        return view(request, *args, **kwargs)
    return wrapped


def admin_required(view):
    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not ch.is_admin(request.user):
            raise PermissionDenied("Only admins can change the tracker's settings.")
        return view(request, *args, **kwargs)
    return wrapped


def _ctx(request, **kw) -> dict:
    kw.setdefault("role", ch.role_of(request.user))
    kw.setdefault("can_edit", ch.can_edit(request.user))
    kw.setdefault("today", today())
    return kw


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


def _back(request, default: str) -> str:
    nxt = request.POST.get("next") or ""
    if nxt and url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}):
        return nxt
    return default


def _committee_or_404(council: str, committee: str) -> Committee:
    return get_object_or_404(Committee.objects.select_related("council"),
                             council__slug=council, slug=committee)


# --------------------------------------------------------------------------- pages
@login_required
def home(request):
    on = today()
    figures = impact(on)
    waiting = (FollowUp.objects.filter(status=FollowUp.PROPOSED, action__status__in=Action.ACTIVE)
               .count())
    pending = Recommendation.objects.filter(response=Recommendation.PENDING).count()
    return render(request, "actions/home.html", _ctx(
        request, figures=figures, waiting=waiting, pending=pending))


@login_required
def action_list(request):
    on = _date(request.GET.get("on")) or today()
    status = request.GET.get("status") or "open"
    if status not in ("open", "overdue", "all", *dict(Action.STATUS)):
        status = "open"
    group = request.GET.get("group") or "committee"
    committee = None
    if request.GET.get("committee"):
        committee = Committee.objects.filter(pk=request.GET["committee"]).first() \
            if request.GET["committee"].isdigit() else None
    owner = (request.GET.get("owner") or "").strip()
    qs = actions_qs(committee=committee, status=status, on=on, owner=owner)
    total = qs.count()
    rows = list(qs[:PAGE])
    groups: dict[str, list[Action]] = {}
    for a in rows:
        if group == "owner":
            key = a.owner_label or "No owner recorded"
        else:
            key = f"{a.meeting.committee.name} ({a.meeting.committee.council.name})"
        groups.setdefault(key, []).append(a)
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] == "No owner recorded", kv[0]))
    committees = Committee.objects.select_related("council").filter(
        meetings__actions__isnull=False).distinct().order_by("council__name", "name")
    if request.GET.get("format") == "csv":
        resp = HttpResponse(to_csv([action_record(a, on) for a in qs]),
                            content_type="text/csv; charset=utf-8")
        resp["Content-Disposition"] = f'attachment; filename="actions-{status}-{on}.csv"'
        return resp
    return render(request, "actions/list.html", _ctx(
        request, groups=ordered, status=status, group=group, committee=committee,
        committees=committees, owner=owner, on=on, total=total, shown=len(rows),
        statuses=[("open", "Open or in progress"), ("overdue", "Overdue"),
                  ("in_progress", "In progress"), ("done", "Done"), ("dropped", "Dropped"),
                  ("all", "All")],
        status_choices=Action.STATUS, query=request.GET.urlencode()))


@login_required
def overdue(request):
    on = _date(request.GET.get("on")) or today()
    qs = actions_qs(status="overdue", on=on)
    if request.GET.get("format") == "csv":
        resp = HttpResponse(to_csv([action_record(a, on) for a in qs]),
                            content_type="text/csv; charset=utf-8")
        resp["Content-Disposition"] = f'attachment; filename="overdue-actions-{on}.csv"'
        return resp
    rows = list(qs[:PAGE * 5])
    for a in rows:
        a.days_overdue = (on - a.due_date).days
    return render(request, "actions/overdue.html", _ctx(request, rows=rows, on=on))


@login_required
def action_detail(request, pk):
    a = get_object_or_404(Action.objects.select_related(
        "meeting__committee__council", "item", "document", "owner_person"), pk=pk)
    if request.method == "POST":
        return _edit_action(request, a)
    later_items = (AgendaItem.objects.filter(meeting__committee=a.meeting.committee,
                                             meeting__date__gt=a.meeting.date, exempt=False)
                   .select_related("meeting").order_by("meeting__date", "order"))
    documents = (Document.objects.filter(meetings__committee=a.meeting.committee,
                                         superseded_by__isnull=True)
                 .distinct().order_by("-ingested_at")[:100])
    return render(request, "actions/action.html", _ctx(
        request, a=a, committee=a.meeting.committee, council=a.meeting.committee.council,
        followups=a.followups.select_related("meeting", "item", "document", "decided_by"),
        evidence=a.evidence.select_related("item__meeting", "document", "added_by"),
        history=a.status_changes.select_related("changed_by"),
        audit=AuditEntry.objects.filter(action=a).select_related("user")[:100],
        people=ch.person_choices(a), later_items=later_items, documents=documents,
        status_choices=Action.STATUS, recommendation=getattr(a, "recommendation", None)))


def _edit_action(request, a: Action):
    if not request.user.is_authenticated or not ch.can_edit(request.user):
        raise PermissionDenied("Only officers and admins can change the tracker.")
    p = request.POST
    changes: dict = {}
    if "status" in p:
        changes["status"] = p["status"]
    if "owner" in p:
        changes["owner"] = p["owner"].strip()[:300]
    if "owner_person" in p:
        pid = p["owner_person"]
        changes["owner_person"] = (Person.objects.filter(
            pk=pid, council_id=a.meeting.committee.council_id).first() if pid.isdigit() else None)
    if "owner_role" in p:
        changes["owner_role"] = p["owner_role"].strip()[:300]
    if "due" in p:
        changes["due"] = p["due"].strip()[:200]
    if "due_date" in p:
        if p["due_date"].strip() and _date(p["due_date"]) is None:
            messages.error(request, "The due date must be a date (YYYY-MM-DD).")
            return redirect(a.get_absolute_url())
        changes["due_date"] = _date(p["due_date"])
    try:
        entry = ch.update_action(a, request.user, note=p.get("note", "").strip(), **changes)
    except ch.ChangeError as exc:
        messages.error(request, str(exc))
        return redirect(a.get_absolute_url())
    messages.success(request, "Saved." if entry else "Nothing changed.")
    return redirect(_back(request, a.get_absolute_url()))


@officer_required
@require_POST
def add_evidence(request, pk):
    a = get_object_or_404(Action.objects.select_related("meeting"), pk=pk)
    p = request.POST
    kind = p.get("kind", "")
    item = document = None
    line = end_line = None
    if kind == Evidence.ITEM:
        item = AgendaItem.objects.filter(pk=p.get("item") or 0).select_related("meeting").first() \
            if (p.get("item") or "").isdigit() else None
    if kind == Evidence.DOCUMENT:
        document = Document.objects.filter(pk=p.get("document")).first() \
            if (p.get("document") or "").isdigit() else None
        try:
            line = int(p["line"]) if p.get("line") else None
            end_line = int(p["end_line"]) if p.get("end_line") else None
        except ValueError:
            messages.error(request, "Lines are numbers.")
            return redirect(a.get_absolute_url())
    try:
        ch.add_evidence(a, request.user, kind=kind, item=item, document=document, line=line,
                        end_line=end_line, note=p.get("note", ""), close=p.get("close") == "1",
                        closed_on=_date(p.get("closed_on")))
    except ch.ChangeError as exc:
        messages.error(request, str(exc))
        return redirect(a.get_absolute_url())
    messages.success(request, "Evidence added" + (" and the action closed." if
                                                   p.get("close") == "1" else "."))
    return redirect(a.get_absolute_url())


@officer_required
@require_POST
def bulk(request):
    ids = [int(x) for x in request.POST.getlist("ids") if x.isdigit()]
    back = _back(request, reverse("actions:list"))
    if not ids:
        messages.error(request, "Choose at least one action.")
        return redirect(back)
    status = request.POST.get("status") or None
    if status and status not in dict(Action.STATUS):
        messages.error(request, "Unknown status.")
        return redirect(back)
    due_date = _date(request.POST.get("due_date"))
    if request.POST.get("due_date") and due_date is None:
        messages.error(request, "The due date must be a date (YYYY-MM-DD).")
        return redirect(back)
    owner = (request.POST.get("owner") or "").strip()[:300] or None
    if not (status or due_date or owner):
        messages.error(request, "Choose a status, an owner or a due date to set.")
        return redirect(back)
    actions = list(Action.objects.filter(pk__in=ids))
    n, problems = ch.bulk_update(actions, request.user, status=status, owner=owner,
                                 due_date=due_date, note=request.POST.get("note", "").strip())
    messages.success(request, f"{n} action{'s' if n != 1 else ''} updated.")
    for p in problems[:10]:
        messages.error(request, p)
    return redirect(back)


@login_required
def followups(request):
    qs = (FollowUp.objects.filter(status=FollowUp.PROPOSED, action__status__in=Action.ACTIVE)
          .select_related("action__meeting__committee__council", "meeting", "item", "document")
          .order_by("action__meeting__committee__name", "action__meeting__date", "action__line",
                    "-score"))
    committee = None
    if (request.GET.get("committee") or "").isdigit():
        committee = Committee.objects.filter(pk=request.GET["committee"]).first()
        if committee:
            qs = qs.filter(action__meeting__committee=committee)
    rows = list(qs[:PAGE])
    by_action: dict[int, dict] = {}
    for f in rows:
        by_action.setdefault(f.action_id, {"action": f.action, "proposals": []})["proposals"].append(f)
    decided = (FollowUp.objects.exclude(status=FollowUp.PROPOSED)
               .select_related("action", "decided_by").order_by("-decided_at")[:20])
    return render(request, "actions/followups.html", _ctx(
        request, groups=list(by_action.values()), total=qs.count(), decided=decided,
        committee=committee))


@officer_required
@require_POST
def decide(request, pk):
    f = get_object_or_404(FollowUp.objects.select_related("action"), pk=pk)
    choice = request.POST.get("decision")
    if choice not in ("confirm", "reject"):
        messages.error(request, "Confirm or reject the proposal.")
        return redirect(_back(request, reverse("actions:followups")))
    try:
        ch.decide_followup(f, request.user, confirm=choice == "confirm",
                           note=request.POST.get("note", "").strip())
    except ch.ChangeError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, ("Confirmed: " if choice == "confirm" else "Rejected: ")
                         + f.action.text[:80])
    return redirect(_back(request, reverse("actions:followups")))


@login_required
def recommendations(request):
    qs = (Recommendation.objects.select_related("meeting__committee__council", "item", "action")
          .order_by("meeting__committee__name", "-meeting__date", "line"))
    response = request.GET.get("response") or ""
    if response in dict(Recommendation.RESPONSES):
        qs = qs.filter(response=response)
    rows = list(qs[:PAGE])
    return render(request, "actions/recommendations.html", _ctx(
        request, rows=rows, response=response, responses=Recommendation.RESPONSES))


@login_required
def recommendation(request, pk):
    r = get_object_or_404(Recommendation.objects.select_related(
        "meeting__committee__council", "item", "action", "document"), pk=pk)
    if request.method == "POST":
        if not ch.can_edit(request.user):
            raise PermissionDenied("Only officers and admins can change the tracker.")
        p = request.POST
        changes: dict = {}
        for f in ("addressee", "response", "response_reasons", "implementation"):
            if f in p:
                changes[f] = p[f].strip()
        for f in ("response_due", "response_date", "review_date"):
            if f in p:
                if p[f].strip() and _date(p[f]) is None:
                    messages.error(request, "Dates are written YYYY-MM-DD.")
                    return redirect(r.get_absolute_url())
                changes[f] = _date(p[f])
        try:
            entry = ch.update_recommendation(r, request.user, note=p.get("note", "").strip(),
                                             **changes)
        except ch.ChangeError as exc:
            messages.error(request, str(exc))
            return redirect(r.get_absolute_url())
        messages.success(request, "Saved." if entry else "Nothing changed.")
        return redirect(r.get_absolute_url())
    return render(request, "actions/recommendation.html", _ctx(
        request, r=r, responses=Recommendation.RESPONSES, rag=Recommendation.RAG,
        audit=AuditEntry.objects.filter(object_type="recommendation", object_id=r.pk)
        .select_related("user")[:50]))


@login_required
def log(request, council, committee):
    com = _committee_or_404(council, committee)
    meeting = _date(request.GET.get("meeting"))
    ma = matters_arising(com, meeting)
    fmt = request.GET.get("format") or "html"
    stem = f"matters-arising-{com.slug}-{ma.meeting or ma.on}"
    if fmt == "pdf":
        resp = HttpResponse(render_log_pdf(ma), content_type="application/pdf")
        resp["Content-Disposition"] = f'attachment; filename="{stem}.pdf"'
        return resp
    if fmt == "docx":
        resp = HttpResponse(render_log_docx(ma), content_type=(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
        resp["Content-Disposition"] = f'attachment; filename="{stem}.docx"'
        return resp
    if fmt == "csv":
        resp = HttpResponse(render_log_csv(ma), content_type="text/csv; charset=utf-8")
        resp["Content-Disposition"] = f'attachment; filename="{stem}.csv"'
        return resp
    meetings = com.meetings.order_by("-date")[:30]
    return render(request, "actions/log.html", _ctx(
        request, ma=ma, committee=com, council=com.council, meetings=meetings))


@login_required
def impact_page(request):
    on = _date(request.GET.get("on")) or today()
    figures = impact(on)
    if request.GET.get("format") == "json":
        return HttpResponse(json.dumps([i.as_dict() for i in figures], indent=1),
                            content_type="application/json")
    return render(request, "actions/impact.html", _ctx(request, figures=figures, on=on))


@login_required
def council_settings(request, council):
    c = get_object_or_404(Council, slug=council)
    conf = settings_for(c)
    if request.method == "POST":
        if not ch.is_admin(request.user):
            raise PermissionDenied("Only admins can change the tracker's settings.")
        try:
            values = {k: int(request.POST[k]) for k in ("response_months", "next_meeting_months")
                      if k in request.POST}
        except ValueError:
            messages.error(request, "A number of months from 1 to 24.")
            return redirect("actions:settings", council=c.slug)
        try:
            entry = ch.update_settings(conf, request.user, **values)
        except ch.ChangeError as exc:
            messages.error(request, str(exc))
            return redirect("actions:settings", council=c.slug)
        if entry:
            from .tracker import track_all
            for com in c.committees.all():
                track_all(committee=com, detect=False)
        messages.success(request, "Saved." if entry else "Nothing changed.")
        return redirect("actions:settings", council=c.slug)
    return render(request, "actions/settings.html", _ctx(
        request, council=c, conf=conf, is_admin=ch.is_admin(request.user),
        councils=Council.objects.annotate(n=Count("committees")).filter(n__gt=0)))


@login_required
def audit_log(request):
    entries = AuditEntry.objects.select_related("user", "action").order_by("-at", "-pk")[:200]
    return render(request, "actions/audit.html", _ctx(request, entries=entries))


def committees_with_actions():
    return (Committee.objects.select_related("council")
            .annotate(n=Count("meetings__actions", filter=Q(meetings__actions__isnull=False)))
            .filter(n__gt=0).order_by("council__name", "name"))
