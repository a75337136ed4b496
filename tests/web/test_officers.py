"""Exempt items, the officer page and officers' corrections, on synthetic papers."""
from __future__ import annotations

from html import unescape

from scrutiny.extraction.records import Attendee
from tests.test_ingest import agenda, ingest, minutes, paper
from tests.web.test_portal import get


def test_exempt_items_show_no_content(client, db):
    from scrutiny.web.record.models import AgendaItem

    ingest(*paper("a.txt", 20, agenda()))
    ingest(*paper("m.txt", 60, minutes()))
    item = AgendaItem.objects.get(number="5")
    meeting_page = unescape(get(client, item.meeting.get_absolute_url()))
    assert "Exempt item (Schedule 12A paragraph 3)" in meeting_page
    assert "Contract award" not in meeting_page
    assert "Acme" not in meeting_page
    item_page = unescape(get(client, item.get_absolute_url()))
    assert "Exempt item (Schedule 12A paragraph 3)" in item_page
    assert "Contract award" not in item_page and "Acme" not in item_page


def test_officer_page_needs_sign_in_and_merges(client, db, django_user_model):
    from scrutiny.web.record.models import MergeProposal, Person

    r = client.get("/officers/")
    assert r.status_code == 302 and r["Location"].startswith("/accounts/login/")
    get(client, "/accounts/login/")
    late = minutes()
    late.attendance.present.append(
        Attendee("Cllr Annie Archer", line=33))
    ingest(*paper("a.txt", 20, agenda()))
    ingest(*paper("m.txt", 60, late))
    prop = MergeProposal.objects.get()
    assert (prop.person.name, prop.candidate.name) == ("Annie Archer", "Ann Archer")
    user = django_user_model.objects.create_user("officer", password="a-long-passphrase-1")
    assert client.login(username="officer", password="a-long-passphrase-1")
    page = unescape(get(client, "/officers/"))
    assert "Annie Archer" in page and "Ann Archer" in page
    from scrutiny.web.actions.models import Action
    owned = Action.objects.order_by("pk").first()
    owned.owner_person = prop.person
    owned.save(update_fields=["owner_person"])
    r = client.post(f"/officers/merges/{prop.pk}/", {"decision": "same"})
    assert r.status_code == 302
    assert not Person.objects.filter(name="Annie Archer").exists()
    ann = Person.objects.get(name="Ann Archer")
    owned.refresh_from_db()
    assert owned.owner_person == ann           # what the merged person owned follows them
    assert set(ann.names.values_list("name", flat=True)) == {"Ann Archer", "Annie Archer"}
    assert user.is_authenticated


def test_officer_edit_in_admin_is_locked_against_reingest(admin_client, db):
    from scrutiny.web.record.models import Resolution

    ingest(*paper("m.txt", 60, minutes()))
    res = Resolution.objects.get(item_number="104")
    url = f"/admin/record/resolution/{res.pk}/change/"
    assert admin_client.get(url).status_code == 200
    r = admin_client.post(url, {"meeting": res.meeting_id, "item": res.item_id or "",
                                "item_number": "104", "seq": res.seq,
                                "text": "That the report be noted (corrected).",
                                "locked_fields": "[]"})
    assert r.status_code == 302, r.content.decode()[:2000]
    res.refresh_from_db()
    assert res.locked_fields == ["text"]
    ingest(*paper("m.txt", 61, minutes(resolution="That the report be welcomed."), salt="v2"))
    res.refresh_from_db()
    assert res.text == "That the report be noted (corrected)."


def test_document_page_withholds_exempt_lines_and_personal_data(client, db, django_user_model):
    from scrutiny.web.record.models import Document

    ingest(*paper("m.txt", 60, minutes(), salt="clerk@borsetshire.gov.uk 01905 843543"))
    doc = Document.objects.get(source_name="m.txt")
    page = unescape(get(client, doc.get_absolute_url()))
    assert "m.txt line 47" in page                    # item 104, in public
    assert "m.txt line 51" not in page                # item 105 was taken in private
    assert "withheld: exempt information under Schedule 12A" in page
    assert "clerk@borsetshire.gov.uk" not in page and "843543" not in page
    assert "[email address]" in page and "[telephone number]" in page
    # a signed-in officer reads the whole paper, the private lines marked
    django_user_model.objects.create_user("officer", password="a-long-passphrase-1")
    assert client.login(username="officer", password="a-long-passphrase-1")
    page = unescape(get(client, doc.get_absolute_url()))
    assert "m.txt line 51" in page and "Lines marked private" in page
