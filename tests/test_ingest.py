"""Ingest: idempotent by content, one transaction per paper, corrections kept, meetings
known by committee and date, the command line."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scrutiny.extraction.records import (Action, Attendance, Attendee, Declaration, Item,
                                         Meeting, Member, PaperRecord, Resolution, Substitute)
from scrutiny.reading import from_string
from tests.conftest import ROOT, SEEDS, seed_files

pytestmark = pytest.mark.django_db

COMMITTEE = "Children and Young People Overview and Scrutiny Committee"
COUNCIL = "Borsetshire County Council"


def all_counts() -> dict[str, int]:
    from django.apps import apps
    return {m._meta.label: m.objects.count() for m in apps.get_models()
            if m._meta.app_label in ("record", "actions", "performance")}


def paper(name: str, lines: int, *meetings: Meeting, council: str | None = COUNCIL,
          salt: str = "") -> tuple:
    """A synthetic paper: `lines` lines of text (their content is what a citation shows)
    and the record an extractor would make of it."""
    body = "\n".join(f"{name} line {i} {salt}".rstrip() for i in range(1, lines + 1))
    text = from_string(body + "\n", name)
    return text, PaperRecord(source=name, sha256=text.sha256, council=council,
                             meetings=list(meetings), lines=lines, pages=1)


def agenda(date="2025-01-14", venue="Shire Hall", title4="Budget monitoring", **kw) -> Meeting:
    return Meeting(committee=COMMITTEE, date=date, time="10:00", venue=venue, record="agenda",
                   line=1,
                   members=[Member("Councillor Ann Archer", "Chair", line=3),
                            Member("Councillor Bob Brown", "Vice-Chair", line=4),
                            Member("Councillor Cath Carter", None, line=5)],
                   items=[Item("1", "Apologies", line=10), Item("2", "Declarations", line=11),
                          Item("3", "Minutes of the previous meeting", line=12),
                          Item("4", title4, "5 - 20", line=13),
                          Item("5", "Contract award", line=14, exempt=True,
                               exempt_paragraph="3")], **kw)


def minutes(date="2025-01-14", resolution="That the report be noted.", actions=None) -> Meeting:
    return Meeting(
        committee=COMMITTEE, date=date, record="minutes", line=30,
        items=[Item("101", "Apologies", line=40), Item("102", "Declarations", line=42),
               Item("103", "Minutes of the previous meeting", line=44),
               Item("104", "Budget monitoring", line=46), Item("105", "Contract award", line=50,
                                                                exempt=True, exempt_paragraph="3")],
        attendance=Attendance(
            present=[Attendee("Cllr Ann Archer", line=32), Attendee("Cllr Cath Carter", line=32)],
            apologies=[Attendee("Councillor Bob Brown", line=34)],
            substitutes=[Substitute("Councillor Dan Dyer", "Councillor Bob Brown", line=35)],
            officers=[Attendee("Eve Evans", "Director of Children's Services", line=36)]),
        declarations=[Declaration("Councillor Cath Carter", "104", "School governor", line=43)],
        resolutions=[Resolution("103", "The minutes of the meeting held on 10 December 2024 "
                                       "were agreed as a correct record.", line=45),
                     Resolution("104", resolution, line=47, end_line=48),
                     Resolution("105", "That the contract be awarded to Acme Ltd.", line=51)],
        actions=actions if actions is not None else [
            Action("104", "Figures on agency staff to be circulated to members.", line=48),
            Action("104", "A further report to come back in March.", due="March 2025",
                   owner="Director", line=49)])


def ingest(text, record):
    from scrutiny.web.record.ingest import ingest_text
    return ingest_text(text, record)


# ---------------------------------------------------------------- idempotency
def test_same_bytes_twice_adds_no_rows(tmp_path):
    from scrutiny.web.record.ingest import ingest_path

    f = tmp_path / "pack.txt"
    text, record = paper("pack.txt", 60, agenda(), minutes(date="2024-12-10"))
    f.write_text(text.as_string() + "\n")
    # the same bytes read from a file hash the same as the Text built above
    from scrutiny.reading import read_path
    assert read_path(f).sha256 == text.sha256
    first = ingest(text, record)
    assert first.status == "added"
    before = all_counts()
    again = ingest_path(f)
    assert again.status == "unchanged"
    assert all_counts() == before


def test_reading_the_same_paper_again_with_force_adds_no_rows():
    from scrutiny.web.record.ingest import ingest_text

    text, record = paper("pack.txt", 60, agenda(), minutes(date="2024-12-10"))
    ingest(text, record)
    before = all_counts()
    r = ingest_text(text, record, force=True)
    assert r.status == "updated", r.message
    assert all_counts() == before


def test_seeds_twice_add_no_rows(seed_papers):
    from scrutiny.web.record.ingest import ingest_path

    from tests.conftest import ingest_papers
    ingest_papers(seed_papers)
    before = all_counts()
    assert before["record.Document"] == len(seed_papers)
    results = [ingest_path(f) for f in seed_files()]
    assert {r.status for r in results} == {"unchanged"}
    assert all_counts() == before


# ---------------------------------------------------------------- failure part-way
def test_a_paper_that_fails_part_way_leaves_no_rows(monkeypatch):
    from scrutiny.web.record import ingest as ingest_module

    ingest(*paper("earlier.txt", 60, agenda(date="2024-12-10")))
    before = all_counts()

    def explode(self, meeting, m):
        raise RuntimeError("disk on fire")

    # items, members and the paper itself are already written when this runs
    monkeypatch.setattr(ingest_module.Reconciler, "reconcile_attendance", explode)
    r = ingest(*paper("pack.txt", 60, agenda(), minutes(date="2024-12-10")))
    assert r.status == "failed"
    assert "disk on fire" in r.message and "nothing of it was stored" in r.message
    assert all_counts() == before


def test_unreadable_papers_are_reported_and_skipped(tmp_path):
    from scrutiny.web.record.ingest import ingest_path

    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 50)
    before = all_counts()
    r1, r2 = ingest_path(empty), ingest_path(binary)
    assert (r1.status, r2.status) == ("failed", "failed")
    assert "empty" in r1.message
    assert "not a text file" in r2.message
    assert all_counts() == before


# ---------------------------------------------------------------- meetings across papers
def test_draft_minutes_in_a_later_pack_attach_to_the_meeting_of_their_agenda():
    from scrutiny.web.record.models import AgendaItem, Document, Meeting as M

    ingest(*paper("2025-01-14-agenda.txt", 20, agenda()))
    # the next meeting's pack holds the draft minutes of 14 January
    r = ingest(*paper("2025-03-11-pack.txt", 60, agenda(date="2025-03-11"),
                      minutes(date="2025-01-14")))
    assert r.ok, r.message
    jan = M.objects.get(date="2025-01-14")
    assert M.objects.count() == 2
    assert (jan.status, jan.agenda_status, jan.minutes_status) == ("held", "approved", "draft")
    items = list(jan.items.order_by("order"))
    assert [(i.number, i.minute_number) for i in items] == [
        ("1", "101"), ("2", "102"), ("3", "103"), ("4", "104"), ("5", "105")]
    assert AgendaItem.objects.filter(meeting=jan).count() == 5
    agenda_doc = Document.objects.get(source_name="2025-01-14-agenda.txt")
    pack = Document.objects.get(source_name="2025-03-11-pack.txt")
    assert items[3].document_id == agenda_doc.pk and items[3].minutes_document_id == pack.pk
    assert jan.resolutions.get(item_number="104").item == items[3]
    assert set(jan.papers.values_list("pk", flat=True)) == {agenda_doc.pk, pack.pk}
    # the minutes of 14 January are confirmed at the March meeting
    march_minutes = minutes(date="2025-03-11")
    march_minutes.resolutions[0] = Resolution(
        "103", "The Minutes of the Meeting held on 14 January 2025 were agreed as a correct "
               "record and signed by the Chairman.", line=45)
    ingest(*paper("2025-05-pack.txt", 60, march_minutes))
    jan.refresh_from_db()
    assert jan.minutes_status == "approved"


def test_membership_roles_over_time():
    from scrutiny.web.record.models import Membership

    ingest(*paper("a.txt", 20, agenda(date="2024-06-01")))
    ingest(*paper("b.txt", 20, agenda(date="2024-09-01")))
    later = agenda(date="2025-06-01")
    later.members[2] = Member("Councillor Cath Carter", "Chair", line=5)
    later.members[0] = Member("Councillor Ann Archer", None, line=3)
    ingest(*paper("c.txt", 20, later))
    rows = {(m.person.name, m.role, str(m.from_date), str(m.to_date))
            for m in Membership.objects.select_related("person")}
    assert rows == {
        ("Ann Archer", "Chair", "2024-06-01", "2024-09-01"),
        ("Ann Archer", "", "2025-06-01", "2025-06-01"),
        ("Bob Brown", "Vice-Chair", "2024-06-01", "2025-06-01"),
        ("Cath Carter", "", "2024-06-01", "2024-09-01"),
        ("Cath Carter", "Chair", "2025-06-01", "2025-06-01"),
    }


def test_attendance_substitutes_declarations_and_people():
    from scrutiny.web.record.models import Attendance as A, Person

    ingest(*paper("a.txt", 20, agenda()))
    ingest(*paper("m.txt", 60, minutes()))
    rows = {(a.person.name, a.kind, a.substituting_for.name if a.substituting_for else None)
            for a in A.objects.select_related("person", "substituting_for")}
    assert rows == {("Ann Archer", "present", None), ("Cath Carter", "present", None),
                    ("Bob Brown", "apologies", None), ("Dan Dyer", "substitute", "Bob Brown"),
                    ("Eve Evans", "officer", None)}
    assert Person.objects.count() == 5          # "Cllr Ann Archer" is "Councillor Ann Archer"
    d = Person.objects.get(name="Cath Carter").declarations.get()
    assert d.item.number == "4" and d.interest == "School governor" and d.line == 43


def test_council_from_known_committee_or_unknown():
    from scrutiny.web.record.models import Council, Meeting as M

    ingest(*paper("a.txt", 20, agenda()))
    ingest(*paper("b.txt", 20, agenda(date="2025-02-01"), council=None))
    assert M.objects.get(date="2025-02-01").committee.council.name == COUNCIL
    other = agenda(date="2025-02-02")
    other.committee = "Health Overview and Scrutiny Committee"
    ingest(*paper("c.txt", 20, other, council=None))
    assert M.objects.get(date="2025-02-02").committee.council.name == "Unknown council"
    assert Council.objects.count() == 2


# ---------------------------------------------------------------- corrections
def test_corrected_paper_updates_extracted_fields_but_not_officer_edits():
    from scrutiny.web.actions.models import Action as ActionRow
    from scrutiny.web.record.models import Document, Meeting as M, Resolution as R

    r1 = ingest(*paper("minutes.txt", 60, agenda(), minutes(date="2024-12-10")))
    meeting = M.objects.get(date="2025-01-14")
    # an officer corrects the venue and one resolution (as the admin pages do)
    meeting.venue = "Council Chamber, Shire Hall"
    meeting.lock("venue")
    meeting.save()
    dec = M.objects.get(date="2024-12-10")
    res = dec.resolutions.get(item_number="104")
    res.text = "That the report be noted, with thanks to officers."
    res.lock("text")
    res.save()
    # the council republishes the paper with corrections (same file name, new bytes)
    v2_agenda = agenda(venue="Committee Room 2, Shire Hall", title4="Budget monitoring 2024/25")
    v2_minutes = minutes(date="2024-12-10", resolution="That the report be noted and a "
                                                        "briefing arranged.",
                         actions=[Action("104", "Figures on agency staff to be circulated.",
                                         line=48)])
    r2 = ingest(*paper("minutes.txt", 62, v2_agenda, v2_minutes, salt="v2"))
    assert r2.status == "updated", r2.message
    meeting.refresh_from_db()
    assert meeting.venue == "Council Chamber, Shire Hall"               # locked: kept
    assert meeting.items.get(number="4").title == "Budget monitoring 2024/25"   # updated
    res.refresh_from_db()
    assert res.text == "That the report be noted, with thanks to officers."    # locked: kept
    assert res.document_id == r2.document_id                                   # re-cited
    # the action the corrected paper dropped is gone; the other is updated
    assert list(ActionRow.objects.filter(meeting=dec).values_list("text", flat=True)) == [
        "Figures on agency staff to be circulated."]
    old = Document.objects.get(pk=r1.document_id)
    assert old.superseded_by_id == r2.document_id
    assert list(meeting.papers.values_list("pk", flat=True)) == [r2.document_id]
    unlocked = R.objects.get(meeting=dec, item_number="105")
    assert unlocked.document_id == r2.document_id


# ---------------------------------------------------------------- the command line
def _run(*args, db: Path, check=False):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}"}
    env.pop("SCRUTINY_TEST_POSTGRES", None)
    return subprocess.run([sys.executable, "-c", "from scrutiny.cli import main; main()", *args],
                          env=env,
                          capture_output=True, text=True, cwd=ROOT, check=check, timeout=300)


def test_command_line_ingest_and_stats_on_a_new_database(tmp_path):
    if not SEEDS.is_dir():
        pytest.skip(f"the real papers are not at {SEEDS}")
    db = tmp_path / "new" / "scrutiny.sqlite3"
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"")
    r = _run("ingest", str(SEEDS), str(bad), db=db)
    assert r.returncode == 1, r.stderr
    assert "broken.txt: the file is empty" in r.stderr
    assert "5 papers" in r.stdout or "added" in r.stdout
    stats = json.loads(_run("stats", "--json", db=db, check=True).stdout)
    for key in ("councils", "committees", "meetings", "items", "people", "documents",
                "passages", "resolutions", "actions", "indicators"):
        assert isinstance(stats[key], int)
    assert stats["documents"] == len(seed_files())
    assert stats["meetings"] >= 8 and stats["passages"] > 1000
    again = _run("ingest", str(SEEDS), db=db)
    assert again.returncode == 0 and "5 unchanged" in again.stdout
    assert json.loads(_run("stats", "--json", db=db, check=True).stdout) == stats


def test_stats_creates_the_schema_of_an_empty_database(tmp_path):
    db = tmp_path / "empty.sqlite3"
    stats = json.loads(_run("stats", "--json", db=db, check=True).stdout)
    assert stats["meetings"] == 0 and db.exists()


def test_a_report_for_one_item_does_not_reorder_the_agenda():
    from scrutiny.web.record.models import Document, Meeting as M

    ingest(*paper("agenda.txt", 20, agenda()))
    report = Meeting(committee=COMMITTEE, date="2025-01-14", record="agenda", line=1,
                     items=[Item("4", "Budget monitoring: quarter 3 report", line=3)])
    r = ingest(*paper("budget-report.txt", 10, report))
    assert r.ok, r.message
    meeting = M.objects.get(date="2025-01-14")
    items = list(meeting.items.order_by("order"))
    assert [i.number for i in items] == ["1", "2", "3", "4", "5"]
    assert items[3].title == "Budget monitoring"
    assert items[3].document.source_name == "agenda.txt" and items[3].line == 13
    doc = Document.objects.get(pk=r.document_id)
    assert doc.kind == "report" and doc.title.startswith("Budget monitoring: quarter 3 report")


def test_a_paper_saying_the_meeting_was_cancelled_sets_its_status():
    from scrutiny.web.record.models import Meeting as M

    ingest(*paper("2025-01-14-agenda.txt", 20, agenda()))
    assert M.objects.get(date="2025-01-14").status == "scheduled"
    ingest(*paper("2025-01-14-cancelled.txt", 20, agenda(cancelled=True)))
    assert M.objects.get(date="2025-01-14").status == "cancelled"
