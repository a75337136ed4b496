"""Meeting headings, membership, items and next meeting on the real papers."""
from pathlib import Path

import pytest

from scrutiny.extraction import extract
from scrutiny.reading import from_string, read_path
from tests.seeds import seed_path

PAPERS = Path(__file__).parent / "papers"


def record(prefix):
    return extract(read_path(seed_path(prefix)))


def test_agenda_pack_holds_its_meeting_and_the_previous_minutes():
    rec = record("000")
    agenda, minutes = rec.meetings
    assert (agenda.record, agenda.date, agenda.time) == ("agenda", "2022-03-16", "10:00")
    assert agenda.venue == "Committee Room 2, Shire Hall"
    assert agenda.committee == "Children & Young People Overview and Scrutiny Committee"
    assert agenda.next_meeting == "2022-04-11"
    assert (minutes.record, minutes.date, minutes.next_meeting) == ("minutes", "2021-11-16", "2022-02-22")
    assert rec.council == "Warwickshire County Council"


def test_membership_with_roles():
    agenda = record("000").meetings[0]
    assert agenda.members[0].name == "Yousef Dahmash" and agenda.members[0].role == "Chair"
    assert agenda.members[1].role == "Vice-Chair"
    names = [m.name for m in agenda.members]
    assert names.count("Justin Kerridge") == 1          # repeated by a merged two-column list
    assert len(names) == 13
    leics = record("002").meetings[0]
    assert leics.members[0].name == "H. J. Fryer" and leics.members[0].role == "Chairman"
    assert len(leics.members) == 10


def test_agenda_items_with_sub_items_and_page_ranges():
    items = record("000").meetings[0].items
    got = [(i.number, i.pages) for i in items]
    assert got[:4] == [("1", None), ("(1)", None), ("(2)", None), ("(3)", "5 - 14")]
    assert ("4", "15 - 34") in got and ("9", None) in got
    assert items[1].parent == "1"
    assert items[0].line == 27


def test_agenda_table_and_report_by_column():
    items = record("001").meetings[0].items
    assert [i.number for i in items] == [str(n) for n in range(1, 9)]
    assert items[2].title == "Public Participation"       # rule text run into the cell
    leics = record("002").meetings[0].items
    assert leics[7].title == "SEND and Inclusion" and leics[7].pages == "13 - 18"
    assert leics[7].report_by is None or "Director" in leics[7].report_by
    assert len(leics) == 13


def test_minute_numbers_and_heading_from_minutes_document():
    m = record("004").meetings
    assert len(m) == 1
    assert (m[0].record, m[0].committee, m[0].venue) == (
        "minutes", "Children and Families Overview and Scrutiny Panel", "County Hall, Worcester")
    assert [i.number for i in m[0].items] == [str(n) for n in range(549, 558)]


def test_minutes_start_time_from_sign_off():
    minutes = record("002").meetings[1]
    assert (minutes.date, minutes.time, minutes.venue) == ("2022-06-07", "14:00", "County Hall, Glenfield")


def test_meeting_page_layout():
    rec = extract(read_path(PAPERS / "modgov_page.txt"))
    (m,) = rec.meetings
    assert (m.committee, m.date, m.time, m.record) == ("Scrutiny Committee", "2025-01-14", "19:00", "minutes")
    assert m.venue == "Council Chamber, Riverside House, Ashcombe"
    assert [i.number for i in m.items] == [str(n) for n in range(71, 79)]
    assert m.items[2].title == "Minutes of the Previous Meeting"     # link debris dropped
    assert m.items[-1].exempt and m.items[-1].exempt_paragraph == "3"
    assert not m.items[-2].exempt                                    # the exclusion resolution itself


def test_meeting_page_without_item_numbers(tmp_path):
    text = (PAPERS / "modgov_page.txt").read_text()
    stripped = "\n".join("" if line.strip().rstrip(".").isdigit() else line for line in text.split("\n"))
    p = tmp_path / "page.txt"
    p.write_text(stripped)
    (m,) = extract(read_path(p)).meetings
    assert [i.title for i in m.items][:3] == ["Apologies for Absence and Substitutions",
                                             "Declarations of Interest", "Minutes of the Previous Meeting"]
    assert all(i.number is None for i in m.items)


def test_unknown_layout_gives_partial_record_not_invention(tmp_path):
    p = tmp_path / "letter.txt"
    p.write_text("Dear Councillor Smith,\n\nThank you for your letter about the play area.\n"
                 "We will look into it and reply soon.\n\nYours sincerely\n")
    rec = extract(read_path(p))
    assert rec.meetings == [] and rec.indicators == []
    assert rec.warnings and "nothing was extracted" in rec.warnings[0]


def test_page_with_decisions_and_minutes_reads_each_decision_once():
    (m,) = extract(read_path(PAPERS / "page_decisions.txt")).meetings
    assert (m.committee, m.date, m.time) == ("Community Overview and Scrutiny Committee", "2025-04-09", "19:30")
    assert m.record == "minutes" and [i.number for i in m.items] == ["91", "92", "93", "94"]
    assert [r.item for r in m.resolutions] == ["92", "94"]          # not twice each
    assert [(s.member, s.substituting_for) for s in m.attendance.substitutes] == [("Sam Cordell", "Jane Aldous")]
    assert len(m.declarations) == 1
    assert not any("Audio recording" in a.text for a in m.actions)


def test_page_saved_as_table_rows_without_heading_or_numbers():
    (m,) = extract(read_path(PAPERS / "page_pipes.txt")).meetings
    assert m.committee is None and m.date is None                    # not printed: not invented
    assert m.venue == "Room 2, Civic Centre, Hallam Street"
    assert [i.title for i in m.items] == ["APOLOGIES FOR ABSENCE", "DECLARATIONS OF INTEREST",
                                         "MINUTES OF THE PREVIOUS MEETING", "HOUSING REPAIRS PERFORMANCE"]
    assert [a.name for a in m.attendance.apologies] == ["Ruth Vaughan", "Simon Pryce"]   # "Deputy", "Alderman"
    assert len(m.resolutions) == 2 and len(m.actions) == 1


def test_council_named_only_in_passing_is_not_taken():
    assert record("004").council is None          # names a partner council once, its own never
    assert record("001").council == "Worcestershire County Council"


def test_summons_with_inline_membership_and_exempt_part_two():
    rec = extract(read_path(PAPERS / "summons_agenda.txt"))
    assert rec.council == "Brackenford District Council"
    (m,) = rec.meetings
    assert (m.committee, m.date, m.time) == ("Overview and Scrutiny Committee", "2025-06-12", "18:30")
    assert m.venue == "Council Chamber, Civic Offices, Station Road, Brackenford"
    assert [(x.name, x.role) for x in m.members][:2] == [("R. Adebayo", "Chairman"), ("L. Fenwick", "Vice-Chairman")]
    assert len(m.members) == 6
    assert [i.number for i in m.items] == [str(n) for n in range(1, 8)]
    assert [i.exempt for i in m.items] == [False] * 6 + [True]
    assert m.items[6].exempt_paragraph == "3" and m.next_meeting == "2025-09-11"


def test_lettered_parts_of_an_item():
    (m,) = extract(read_path(PAPERS / "lettered_items_page.txt")).meetings
    assert [i.number for i in m.items] == ["11", "12", "12a", "12b", "13"]
    assert m.items[2].parent == "12"
    assert [r.item for r in m.resolutions] == ["12a", "12b"]


@pytest.mark.parametrize("title, committee", [
    ("Scrutiny Board (Children and Families) - Wednesday, 5th February, 2025 10.00 am",
     "Scrutiny Board (Children and Families)"),
    ("Communities, Environment and Highways Overview and Scrutiny Committee - Monday, 17th March, 2025 10.30 am",
     "Communities, Environment and Highways Overview and Scrutiny Committee"),
    ("Scrutiny Committee for Children's Services - Thursday, 3rd April, 2025 4.00 pm",
     "Scrutiny Committee for Children's Services"),
    ("Cabinet - Wednesday, 9th April, 2025 11.00 am", "Cabinet"),
    ("Meeting of Overview and Scrutiny Committee, Tuesday 4th March 2025 6.30 pm", "Overview and Scrutiny Committee"),
])
def test_page_titles_name_the_committee(title, committee):
    page = (f"Agenda and minutes\n{title}\nVenue: Town Hall\n\nItems\nNo. Item\n\n1.\n\nApologies for Absence\n\n"
            "Minutes:\n\nNone.\n\n2.\n\nMinutes\n\nMinutes:\n\nRESOLVED: That the minutes be approved.\n")
    (m,) = extract(from_string(page, "title.txt")).meetings
    assert m.committee == committee


@pytest.mark.parametrize("numbers, sep, expected", [
    (["1", "2", "3", "4"], "\n\n", ["1", "2", "3", "4"]),        # bare numbers on a web page are not page numbers
    (["Item 1", "Item 2", "Item 3", "Item 4"], "\n\n", ["1", "2", "3", "4"]),
    (["OSC/1", "OSC/2", "OSC/3", "OSC/4"], "\t", ["OSC/1", "OSC/2", "OSC/3", "OSC/4"]),
    (["(1)", "(2)", "(3)", "(4)"], "\t", ["(1)", "(2)", "(3)", "(4)"]),
    (["A1", "A2", "A3", "A4"], "\n", ["A1", "A2", "A3", "A4"]),
])
def test_item_numbers_in_other_styles(numbers, sep, expected):
    titles = ["Apologies for Absence", "Declarations of Interest", "Minutes of the last meeting", "Work Programme"]
    body = "".join(f"{n}{sep}{t}\n\nMinutes:\n\nThe Committee noted the report.\n\n" for n, t in zip(numbers, titles))
    page = "Agenda and minutes\nPeople Scrutiny Committee - Tuesday, 4th March, 2025 7.00 pm\n\nItems\nNo. Item\n\n" + body
    (m,) = extract(from_string(page, "numbers.txt")).meetings
    assert [i.number for i in m.items] == expected
    assert [i.title for i in m.items] == titles


@pytest.mark.parametrize("page, cancelled", [
    ("Agenda and minutes\nCabinet - Tuesday, 4th March, 2025 7.00 pm - CANCELLED\n\nItems\nNo. Item\n\n1.\n\nApologies\n", True),
    ("Agenda and minutes\nPeople Scrutiny Committee - Tuesday, 4th March, 2025 7.00 pm\n"
     "This meeting has been cancelled.\n\nItems\nNo. Item\n\n1.\n\nApologies\n", True),
    ("Agenda and minutes\nPeople Scrutiny Committee - Tuesday, 4th March, 2025 7.00 pm\n\nItems\nNo. Item\n\n1.\n\n"
     "Apologies\n\nThe cancelled bus routes were discussed.\n", False),
])
def test_a_cancelled_meeting_is_recognised(page, cancelled):
    (m,) = extract(from_string(page, "cancelled.txt")).meetings
    assert m.cancelled is cancelled
