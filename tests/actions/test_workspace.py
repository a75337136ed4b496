"""The officer workspace: sign-in required, roles (viewer, officer, admin), every write path
refused to anonymous visitors and to viewers, CSRF enforced, every change audited with
user, time, before and after, and no action closed without evidence."""
from __future__ import annotations

import datetime as dt
import re
from html import unescape

import pytest
from django.test import Client
from django.utils import timezone

from scrutiny.extraction.records import Action as ActionRecord
from tests.test_ingest import COUNCIL, agenda, ingest, minutes, paper

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-passphrase-1"


@pytest.fixture
def record(db):
    """A meeting with three actions (one a recommendation to the Cabinet), a later meeting
    with an item on the topic, and a follow-up proposed for the first action."""
    from scrutiny.web.actions.models import Action, FollowUp, Recommendation
    from scrutiny.web.record.models import AgendaItem

    ingest(*paper("a.txt", 20, agenda()))
    ingest(*paper("m.txt", 60, minutes(actions=[
        ActionRecord("104", "Figures on agency staff to be circulated to members.", line=48),
        ActionRecord("104", "A further report on agency staff to come back by the next meeting.",
                     owner="Director", line=49),
        ActionRecord("104", "That the Committee recommends to the Cabinet that agency staff be "
                            "reduced.", line=50)])))
    ingest(*paper("a2.txt", 20, agenda(date="2025-03-11", title4="Agency staff figures")))
    later = AgendaItem.objects.get(meeting__date="2025-03-11", number="4")
    actions = list(Action.objects.order_by("line"))
    assert len(actions) == 3
    f = FollowUp.objects.filter(action=actions[0], item=later).first() or FollowUp.objects.create(
        action=actions[0], key="item:test", kind="item", meeting=later.meeting, item=later,
        document=later.document, line=later.line, excerpt="4. Agency staff figures", score=0.9)
    return {"actions": actions, "followup": f, "item": later,
            "recommendation": Recommendation.objects.get()}


def user(django_user_model, name, role):
    from scrutiny.web.actions.changes import grant
    u = django_user_model.objects.create_user(name, password=PASSWORD)
    if role:
        grant(u, role)
    return u


def snapshot() -> dict:
    """Everything a write path could change."""
    from django.apps import apps
    out = {}
    for m in apps.get_app_config("actions").get_models():
        out[m._meta.label] = sorted(map(repr, m.objects.values_list()))
    return out


def write_paths(record) -> list[tuple[str, dict]]:
    a0, a1 = record["actions"][0], record["actions"][1]
    return [
        (f"/workspace/actions/{a0.pk}/", {"status": "in_progress", "owner": "Someone"}),
        ("/workspace/actions/bulk/", {"ids": [a0.pk, a1.pk], "status": "in_progress"}),
        (f"/workspace/actions/{a0.pk}/evidence/", {"kind": "note", "note": "Sent 3 March",
                                                   "close": "1"}),
        (f"/workspace/follow-ups/{record['followup'].pk}/", {"decision": "confirm"}),
        (f"/workspace/recommendations/{record['recommendation'].pk}/",
         {"response": "accepted", "response_date": "2025-03-01"}),
        ("/workspace/settings/borsetshire-county-council/", {"response_months": "3"}),
    ]


READ_PAGES = ["/workspace/", "/workspace/actions/", "/workspace/overdue/", "/workspace/follow-ups/",
              "/workspace/recommendations/", "/workspace/impact/", "/workspace/audit/",
              "/workspace/settings/borsetshire-county-council/"]


def test_anonymous_visitors_cannot_reach_the_workspace(client, record):
    pages = READ_PAGES + [f"/workspace/actions/{record['actions'][0].pk}/",
                          f"/workspace/recommendations/{record['recommendation'].pk}/"]
    for url in pages:
        r = client.get(url)
        assert r.status_code == 302 and r["Location"].startswith("/accounts/login/?next="), url


@pytest.mark.parametrize("n", range(6))
def test_anonymous_visitors_cannot_change_anything(client, record, n):
    url, data = write_paths(record)[n]
    before = snapshot()
    r = client.post(url, data)
    assert r.status_code == 302 and r["Location"].startswith("/accounts/login/"), url
    assert snapshot() == before, url


@pytest.mark.parametrize("n", range(6))
def test_viewers_may_look_but_not_change(client, record, django_user_model, n):
    viewer = user(django_user_model, "viewer", "viewer")
    client.force_login(viewer)
    for url in READ_PAGES:
        assert client.get(url).status_code == 200, url
    url, data = write_paths(record)[n]
    before = snapshot()
    r = client.post(url, data)
    assert r.status_code == 403, url
    assert snapshot() == before, url


def test_a_signed_in_user_without_a_role_is_a_viewer(client, record, django_user_model):
    client.force_login(user(django_user_model, "plain", None))
    url, data = write_paths(record)[0]
    assert client.post(url, data).status_code == 403


@pytest.mark.parametrize("n", range(6))
def test_csrf_is_enforced_on_every_write_path(record, django_user_model, n):
    admin = user(django_user_model, "chief", "admin")
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(admin)
    url, data = write_paths(record)[n]
    before = snapshot()
    r = csrf_client.post(url, data)
    assert r.status_code == 403 and b"CSRF" in r.content
    assert snapshot() == before
    # with the token from a page of the workspace the same request goes through
    page = csrf_client.get("/workspace/actions/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    r = csrf_client.post(url, {**data, "csrfmiddlewaretoken": token})
    assert r.status_code == 302, r.content[:500]
    assert snapshot() != before


def test_audit_trail_records_user_time_before_and_after(client, record, django_user_model):
    from scrutiny.web.actions.models import Action, AuditEntry

    officer = user(django_user_model, "olive", "officer")
    client.force_login(officer)
    a = record["actions"][1]
    assert a.owner == "Director" and a.status == "open"
    start = timezone.now()
    r = client.post(f"/workspace/actions/{a.pk}/", {
        "status": "in_progress", "owner": "Director of Children's Services",
        "due_date": "2025-04-30", "note": "Chased by email"})
    assert r.status_code == 302
    entry = AuditEntry.objects.get(object_type="action", object_id=a.pk)
    assert entry.user == officer and entry.username == "olive"
    assert start <= entry.at <= timezone.now()
    assert entry.before == {"status": "open", "owner": "Director", "due_date": "2025-03-11",
                            "closed_on": None}
    assert entry.after == {"status": "in_progress", "owner": "Director of Children's Services",
                           "due_date": "2025-04-30", "closed_on": None}
    assert entry.note == "Chased by email"
    a = Action.objects.get(pk=a.pk)
    assert a.status == "in_progress" and a.due_date == dt.date(2025, 4, 30)
    # the status history, and the officer's fields locked against re-reading the papers
    h = a.status_changes.get()
    assert (h.from_status, h.to_status, h.changed_by) == ("open", "in_progress", officer)
    assert {"status", "owner", "due_date"} <= set(a.locked_fields)
    # shown on the action's page and the audit trail page
    page = unescape(client.get(f"/workspace/actions/{a.pk}/").content.decode())
    assert "olive" in page and "Chased by email" in page and "in_progress" in page
    assert "Director of Children's Services" in unescape(client.get("/workspace/audit/").content.decode())


def test_an_action_is_never_closed_without_evidence(client, record, django_user_model):
    from scrutiny.web.actions.models import Action, AuditEntry

    client.force_login(user(django_user_model, "olive", "officer"))
    a = record["actions"][0]
    r = client.post(f"/workspace/actions/{a.pk}/", {"status": "done"}, follow=True)
    assert "only with evidence" in unescape(r.content.decode())
    assert Action.objects.get(pk=a.pk).status == "open"
    r = client.post(f"/workspace/actions/{a.pk}/", {"status": "dropped"}, follow=True)
    assert "say why" in unescape(r.content.decode()).lower()
    assert Action.objects.get(pk=a.pk).status == "open"
    assert not AuditEntry.objects.exists()
    # with evidence (a note), it closes
    client.post(f"/workspace/actions/{a.pk}/evidence/", {
        "kind": "note", "note": "Figures emailed to members on 3 March 2025", "close": "1",
        "closed_on": "2025-03-03"})
    a = Action.objects.get(pk=a.pk)
    assert a.status == "done" and a.closed_on == dt.date(2025, 3, 3)
    assert a.evidence.get().note == "Figures emailed to members on 3 March 2025"
    # bulk "done" is refused for actions without evidence, one by one
    b = record["actions"][1]
    r = client.post("/workspace/actions/bulk/", {"ids": [b.pk], "status": "done"}, follow=True)
    assert "only with evidence" in unescape(r.content.decode())
    assert Action.objects.get(pk=b.pk).status == "open"


def test_evidence_can_be_a_later_item_or_lines_of_a_paper(client, record, django_user_model):
    from scrutiny.web.actions.models import Action
    from scrutiny.web.record.models import Document

    client.force_login(user(django_user_model, "olive", "officer"))
    a, b = record["actions"][0], record["actions"][1]
    client.post(f"/workspace/actions/{a.pk}/evidence/", {"kind": "item", "item": record["item"].pk})
    ev = Action.objects.get(pk=a.pk).evidence.get()
    assert ev.item == record["item"] and Action.objects.get(pk=a.pk).status == "open"
    doc = Document.objects.get(source_name="a2.txt")
    r = client.post(f"/workspace/actions/{b.pk}/evidence/", {"kind": "document", "document": doc.pk,
                                                             "line": "13", "end_line": "99"},
                    follow=True)
    assert "lines 1 to 20" in unescape(r.content.decode())
    client.post(f"/workspace/actions/{b.pk}/evidence/", {"kind": "document", "document": doc.pk,
                                                         "line": "13", "end_line": "14", "close": "1"})
    b = Action.objects.get(pk=b.pk)
    assert b.status == "done" and b.evidence.get().citation_url.endswith("?lines=13-14#L13")


def test_confirming_or_rejecting_a_proposed_follow_up(client, record, django_user_model):
    from scrutiny.web.actions.models import Action, AuditEntry, FollowUp

    officer = user(django_user_model, "olive", "officer")
    client.force_login(officer)
    page = unescape(client.get("/workspace/follow-ups/").content.decode())
    assert "Agency staff figures" in page
    f = record["followup"]
    r = client.post(f"/workspace/follow-ups/{f.pk}/", {"decision": "confirm"})
    assert r.status_code == 302
    a = Action.objects.get(pk=f.action_id)
    assert a.status == "done" and a.evidence.get().item_id == record["item"].pk
    assert a.closed_on == f.meeting.date
    f = FollowUp.objects.get(pk=f.pk)
    assert f.status == "confirmed" and f.decided_by == officer
    verbs = set(AuditEntry.objects.filter(action=a).values_list("verb", flat=True))
    assert {"confirm follow-up", "add evidence", "close"} <= verbs
    # deciding twice is refused
    r = client.post(f"/workspace/follow-ups/{f.pk}/", {"decision": "reject"}, follow=True)
    assert "already been decided" in unescape(r.content.decode())
    # a rejected one leaves the action open
    b = record["actions"][1]
    g = FollowUp.objects.create(action=b, key="item:x", kind="item", meeting=record["item"].meeting,
                                item=record["item"], excerpt="x", score=0.6)
    client.post(f"/workspace/follow-ups/{g.pk}/", {"decision": "reject"})
    assert FollowUp.objects.get(pk=g.pk).status == "rejected"
    assert Action.objects.get(pk=b.pk).status == "open"


def test_bulk_update_audits_each_action(client, record, django_user_model):
    from scrutiny.web.actions.models import Action, AuditEntry

    client.force_login(user(django_user_model, "olive", "officer"))
    ids = [a.pk for a in record["actions"][:2]]
    r = client.post("/workspace/actions/bulk/", {"ids": ids, "status": "in_progress",
                                                 "owner": "Head of Workforce",
                                                 "next": "/workspace/actions/?status=all"})
    assert r.status_code == 302 and r["Location"] == "/workspace/actions/?status=all"
    assert set(Action.objects.filter(pk__in=ids).values_list("status", "owner")) == {
        ("in_progress", "Head of Workforce")}
    assert AuditEntry.objects.filter(verb="bulk edit").count() == 2
    # an address elsewhere is not followed
    r = client.post("/workspace/actions/bulk/", {"ids": ids, "owner": "X",
                                                 "next": "https://example.com/"})
    assert r["Location"] == "/workspace/actions/"


def test_recording_the_response_to_a_recommendation(client, record, django_user_model):
    from scrutiny.web.actions.models import AuditEntry, Recommendation

    client.force_login(user(django_user_model, "olive", "officer"))
    rec = record["recommendation"]
    assert rec.addressee == "Cabinet" and rec.response_due == dt.date(2025, 3, 14)
    r = client.post(f"/workspace/recommendations/{rec.pk}/", {"response": "rejected"}, follow=True)
    assert "reasons" in unescape(r.content.decode())
    client.post(f"/workspace/recommendations/{rec.pk}/", {
        "response": "partial", "response_reasons": "Agency use falls only in the second year",
        "response_date": "2025-03-01", "implementation": "amber", "review_date": "2025-09-01"})
    rec = Recommendation.objects.get(pk=rec.pk)
    assert (rec.response, rec.implementation, rec.review_date) == ("partial", "amber",
                                                                   dt.date(2025, 9, 1))
    e = AuditEntry.objects.get(object_type="recommendation")
    assert e.before["response"] == "pending" and e.after["response"] == "partial"


def test_only_admins_change_the_response_period(client, record, django_user_model):
    from scrutiny.web.actions.models import Recommendation, TrackerSettings

    client.force_login(user(django_user_model, "olive", "officer"))
    assert client.post("/workspace/settings/borsetshire-county-council/",
                       {"response_months": "3"}).status_code == 403
    client.force_login(user(django_user_model, "ada", "admin"))
    client.post("/workspace/settings/borsetshire-county-council/", {"response_months": "3"})
    assert TrackerSettings.objects.get(council__name=COUNCIL).response_months == 3
    # the recommendation's response is now due three months after the meeting
    assert Recommendation.objects.get().response_due == dt.date(2025, 4, 14)


def test_lists_by_committee_and_by_owner(client, record, django_user_model):
    client.force_login(user(django_user_model, "viewer", "viewer"))
    by_committee = unescape(client.get("/workspace/actions/").content.decode())
    assert "Children and Young People Overview and Scrutiny Committee (Borsetshire" in by_committee
    assert "Figures on agency staff" in by_committee
    assert 'name="ids"' not in by_committee               # a viewer gets no bulk form
    by_owner = unescape(client.get("/workspace/actions/?group=owner").content.decode())
    assert "Director" in by_owner and "No owner recorded" in by_owner
    overdue = unescape(client.get("/workspace/overdue/?on=2025-06-01").content.decode())
    assert "A further report on agency staff" in overdue     # due 11 March 2025
    csv_text = client.get("/workspace/actions/?status=all&format=csv").content.decode()
    assert csv_text.splitlines()[0].startswith("id,council,committee,meeting_date")


def test_admin_edits_are_audited_and_leave_the_status_alone(admin_client, record):
    from scrutiny.web.actions.models import Action, AuditEntry

    a = record["actions"][1]
    url = f"/admin/actions/action/{a.pk}/change/"
    page = admin_client.get(url)
    assert page.status_code == 200 and b'name="status"' not in page.content
    r = admin_client.post(url, {
        "meeting": a.meeting_id, "item": a.item_id or "", "item_number": a.item_number,
        "seq": a.seq, "text": a.text, "owner": "Head of Workforce", "due": a.due,
        "kind": a.kind, "owner_person": "", "owner_role": "", "due_date": "2025-05-01",
        "due_words": "", "due_rule": "", "locked_fields": "[]", "status": "done"})
    assert r.status_code == 302, r.content.decode()[:2000]
    a = Action.objects.get(pk=a.pk)
    assert a.status == "open" and a.owner == "Head of Workforce"
    e = AuditEntry.objects.get(verb="edit in admin")
    assert e.before["owner"] == "Director" and e.after["owner"] == "Head of Workforce"
    assert e.after["due_date"] == "2025-05-01" and e.username == "admin"


def test_a_corrected_paper_keeps_one_recommendation_and_the_officers_work(db, django_user_model):
    from scrutiny.web.actions.changes import update_action
    from scrutiny.web.actions.models import Action, Recommendation

    rec = ActionRecord("104", "That the Committee recommends to the Cabinet that agency staff "
                              "be reduced.", line=48)
    ingest(*paper("m.txt", 60, minutes(actions=[rec])))
    a = Action.objects.get()
    update_action(a, django_user_model.objects.create_user("olive"), status="in_progress")
    ingest(*paper("m.txt", 61, minutes(actions=[rec]), salt="v2"))     # a corrected version
    assert Recommendation.objects.count() == 1
    a = Action.objects.get()
    assert a.status == "in_progress" and a.line == 48 and Recommendation.objects.get().action == a
