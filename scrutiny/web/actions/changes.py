"""Officers' changes to actions, follow-ups, recommendations and settings: each one checked,
applied in a transaction and written to the audit trail (who, when, before, after).

Rules:
- an action is closed as done only with evidence (a later item, lines of a paper or a
  note); dropping one needs a reason;
- a field an officer sets is locked, so reading the papers again never overwrites it;
- confirming a proposed follow-up closes the action with that proposal as its evidence
  (a proposal that reports progress marks it in progress instead).
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import Group
from django.db import models, transaction
from django.utils import timezone

from ..record.models import AgendaItem, Document, Person
from .due import resolve_due
from .models import (Action, AuditEntry, Evidence, FollowUp, Recommendation, StatusChange,
                     TrackerSettings)

VIEWER, OFFICER, ADMIN = "viewer", "officer", "admin"
ROLES = (VIEWER, OFFICER, ADMIN)


class ChangeError(ValueError):
    """A change that the rules refuse (said to the officer, nothing is changed)."""


# --------------------------------------------------------------------------- roles
def role_of(user) -> str | None:
    """admin, officer or viewer (Django groups of those names; a superuser is an admin);
    None for an anonymous visitor.  A signed-in user in no group is a viewer."""
    if user is None or not user.is_authenticated:
        return None
    if user.is_superuser:
        return ADMIN
    names = {g.name for g in user.groups.all()}
    for role in (ADMIN, OFFICER, VIEWER):
        if role in names:
            return role
    return VIEWER


def can_edit(user) -> bool:
    return role_of(user) in (OFFICER, ADMIN)


def is_admin(user) -> bool:
    return role_of(user) == ADMIN


def grant(user, role: str) -> None:
    """Give `user` exactly one workspace role."""
    if role not in ROLES:
        raise ChangeError(f"unknown role {role!r} (viewer, officer or admin)")
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLES}
    user.groups.remove(*[g for name, g in groups.items() if name != role])
    user.groups.add(groups[role])


# --------------------------------------------------------------------------- audit
def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return {"id": value.pk, "label": str(value)}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def audit(user, obj: models.Model, verb: str, before: dict, after: dict, note: str = "",
          action: Action | None = None) -> AuditEntry:
    return AuditEntry.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        username=(user.get_username() if user is not None and user.is_authenticated else ""),
        object_type=obj._meta.model_name, object_id=obj.pk,
        action=action if action is not None else (obj if isinstance(obj, Action) else None),
        verb=verb, before={k: _plain(v) for k, v in before.items()},
        after={k: _plain(v) for k, v in after.items()}, note=note)


def _value(obj: models.Model, name: str):
    return getattr(obj, name)


# --------------------------------------------------------------------------- actions
ACTION_FIELDS = ("status", "owner", "owner_person", "owner_role", "due", "due_date")


@transaction.atomic
def update_action(action: Action, user, *, note: str = "", evidence: Evidence | None = None,
                  closed_on: dt.date | None = None, verb: str = "edit",
                  **changes) -> AuditEntry | None:
    """Change an action's status, owner or due date.  Returns the audit entry, or None when
    nothing changed.  Raises ChangeError when the rules refuse."""
    unknown = set(changes) - set(ACTION_FIELDS)
    if unknown:
        raise ChangeError(f"cannot change {', '.join(sorted(unknown))}")
    action = Action.objects.select_for_update().get(pk=action.pk)
    changes = {k: v for k, v in changes.items() if _value(action, k) != v}
    if "due" in changes and "due_date" not in changes and changes["due"]:
        later = list(action.meeting.committee.meetings.filter(date__gt=action.meeting.date)
                     .values_list("date", flat=True))
        due = resolve_due(changes["due"], action.meeting.date, later, lenient=True)
        if due.date != action.due_date:
            changes["due_date"] = due.date
    if "status" in changes:
        new = changes["status"]
        if new not in dict(Action.STATUS):
            raise ChangeError(f"unknown status {new!r}")
        if new == Action.DONE and evidence is None and not action.evidence.exists():
            raise ChangeError("an action is closed as done only with evidence: link a later "
                              "item or paper, or write a note saying how it was done")
        if new == Action.DROPPED and not note.strip():
            raise ChangeError("say why the action is dropped")
    if not changes:
        return None
    before = {k: _value(action, k) for k in changes}
    for k, v in changes.items():
        setattr(action, k, v)
    fields = list(changes)
    if "status" in changes:
        before["closed_on"] = action.closed_on
        new = changes["status"]
        if new in Action.CLOSED:
            action.closed_on = closed_on or timezone.localdate()
        else:
            action.closed_on = None
        fields.append("closed_on")
    action.lock(*changes)
    fields.append("locked_fields")
    action.save(update_fields=sorted(set(fields)))
    after = {k: _value(action, k) for k in changes}
    if "status" in changes:
        after["closed_on"] = action.closed_on
        StatusChange.objects.create(action=action, from_status=before["status"],
                                    to_status=action.status, changed_by=_user(user), note=note)
    return audit(user, action, verb, before, after, note=note)


def _user(user):
    return user if user is not None and user.is_authenticated else None


@transaction.atomic
def add_evidence(action: Action, user, *, kind: str, item: AgendaItem | None = None,
                 document: Document | None = None, line: int | None = None,
                 end_line: int | None = None, note: str = "", close: bool = False,
                 closed_on: dt.date | None = None,
                 followup: FollowUp | None = None) -> Evidence:
    """Attach evidence to an action; with `close`, the action is done."""
    if kind not in dict(Evidence.KINDS):
        raise ChangeError(f"unknown kind of evidence {kind!r}")
    if kind == Evidence.ITEM and item is None:
        raise ChangeError("choose the later agenda item")
    if kind == Evidence.DOCUMENT and document is None:
        raise ChangeError("choose the paper")
    if kind == Evidence.NOTE and not note.strip():
        raise ChangeError("write the note")
    if document is not None and line:
        last = document.line_count or 0
        if last and not (1 <= line <= last and (end_line or line) <= last):
            raise ChangeError(f"the paper has lines 1 to {last}")
        if end_line and end_line < line:
            raise ChangeError("the last line comes before the first")
    if item is not None and item.meeting.committee_id != action.meeting.committee_id:
        raise ChangeError("the item belongs to another committee")
    ev = Evidence.objects.create(action=action, kind=kind, item=item, document=document,
                                 line=line, end_line=end_line or line, note=note.strip(),
                                 followup=followup, added_by=_user(user))
    audit(user, ev, "add evidence", {}, {"kind": kind, "item": item, "document": document,
                                         "line": line, "end_line": end_line, "note": note},
          action=action)
    if close and action.status != Action.DONE:
        update_action(action, user, status=Action.DONE, evidence=ev, closed_on=closed_on,
                      note=note or ev.summary, verb="close")
    return ev


@transaction.atomic
def decide_followup(followup: FollowUp, user, *, confirm: bool, note: str = "") -> FollowUp:
    """Confirm (the action is closed with this evidence, or marked in progress for a
    progress report) or reject a proposed follow-up."""
    followup = FollowUp.objects.select_for_update().select_related("action").get(pk=followup.pk)
    if followup.status != FollowUp.PROPOSED:
        raise ChangeError("this proposal has already been decided")
    before = {"status": followup.status}
    followup.status = FollowUp.CONFIRMED if confirm else FollowUp.REJECTED
    followup.decided_at = timezone.now()
    followup.decided_by = _user(user)
    followup.save(update_fields=["status", "decided_at", "decided_by"])
    audit(user, followup, "confirm follow-up" if confirm else "reject follow-up", before,
          {"status": followup.status}, note=note, action=followup.action)
    if confirm:
        action = followup.action
        progress = followup.kind == FollowUp.PROGRESS
        ev_kind = Evidence.ITEM if (followup.kind == FollowUp.ITEM and followup.item_id) \
            else Evidence.DOCUMENT if followup.document_id else Evidence.NOTE
        ev = add_evidence(action, user, kind=ev_kind, item=followup.item if ev_kind == Evidence.ITEM
                          else None, document=followup.document, line=followup.line,
                          end_line=followup.end_line,
                          note=note or (followup.excerpt[:500] if ev_kind != Evidence.ITEM else ""),
                          followup=followup)
        if progress:
            if action.status == Action.OPEN:
                update_action(action, user, status=Action.IN_PROGRESS, note=note or ev.summary,
                              verb="progress")
        elif action.status != Action.DONE:
            update_action(action, user, status=Action.DONE, evidence=ev,
                          closed_on=followup.evidence_date, note=note or ev.summary,
                          verb="close")
    return followup


def bulk_update(actions, user, *, status: str | None = None, owner: str | None = None,
                due_date: dt.date | None = None, note: str = "") -> tuple[int, list[str]]:
    """The same change to several actions; each is checked and audited on its own.
    Returns (how many changed, the problems of those refused)."""
    done, problems = 0, []
    for a in actions:
        changes: dict = {}
        if status:
            changes["status"] = status
        if owner:
            changes["owner"] = owner
        if due_date:
            changes["due_date"] = due_date
        try:
            if update_action(a, user, note=note, verb="bulk edit", **changes):
                done += 1
        except ChangeError as exc:
            problems.append(f"{a.text[:60]}…: {exc}")
    return done, problems


# --------------------------------------------------------------------------- recommendations
RECOMMENDATION_FIELDS = ("addressee", "response_due", "response", "response_date",
                         "response_reasons", "implementation", "review_date")


@transaction.atomic
def update_recommendation(rec: Recommendation, user, *, note: str = "",
                          **changes) -> AuditEntry | None:
    unknown = set(changes) - set(RECOMMENDATION_FIELDS)
    if unknown:
        raise ChangeError(f"cannot change {', '.join(sorted(unknown))}")
    rec = Recommendation.objects.select_for_update().get(pk=rec.pk)
    changes = {k: v for k, v in changes.items() if getattr(rec, k) != v}
    if not changes:
        return None
    response = changes.get("response", rec.response)
    if response not in dict(Recommendation.RESPONSES):
        raise ChangeError(f"unknown response {response!r}")
    if changes.get("implementation", rec.implementation) not in dict(Recommendation.RAG):
        raise ChangeError("unknown implementation status")
    reasons = changes.get("response_reasons", rec.response_reasons)
    if response in (Recommendation.REJECTED, Recommendation.PARTIAL) and not reasons.strip():
        raise ChangeError("give the reasons the executive gave for rejecting it "
                          "(in whole or in part)")
    if response != Recommendation.PENDING and not changes.get("response_date", rec.response_date):
        changes["response_date"] = timezone.localdate()
    before = {k: getattr(rec, k) for k in changes}
    for k, v in changes.items():
        setattr(rec, k, v)
    rec.lock(*changes)
    rec.save(update_fields=[*changes, "locked_fields"])
    return audit(user, rec, "edit", before, {k: getattr(rec, k) for k in changes}, note=note,
                 action=rec.action)


@transaction.atomic
def update_settings(conf: TrackerSettings, user, **changes) -> AuditEntry | None:
    changes = {k: v for k, v in changes.items() if getattr(conf, k) != v}
    for k, v in changes.items():
        if k not in ("response_months", "next_meeting_months"):
            raise ChangeError(f"cannot change {k}")
        if not isinstance(v, int) or not 1 <= v <= 24:
            raise ChangeError("a number of months from 1 to 24")
    if not changes:
        return None
    before = {k: getattr(conf, k) for k in changes}
    for k, v in changes.items():
        setattr(conf, k, v)
    conf.save()
    return audit(user, conf, "edit settings", before, changes)


def person_choices(action: Action):
    return Person.objects.filter(council_id=action.meeting.committee.council_id).order_by(
        "surname", "name")
