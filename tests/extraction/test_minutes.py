"""Attendance, declarations, resolutions and actions on the real minutes."""
from pathlib import Path

import pytest

from scrutiny.extraction import extract
from scrutiny.extraction.minutes import is_action
from scrutiny.reading import from_string, read_path
from tests.seeds import seed_lines, seed_path

PAPERS = Path(__file__).parent / "papers"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def minutes(prefix, n=-1):
    return extract(read_path(seed_path(prefix))).meetings[n]


def names(xs):
    return [x.name for x in xs]


def test_attendance_in_three_groups():
    a = minutes("004").attendance
    assert len(a.present) == 9 and a.present[0].name == "Steve Mackay"
    assert names(a.also_present) == ["Tracey Onslow"]            # the Cabinet Member
    assert len(a.officers) == 8 and "Alyson Grice" in names(a.officers)
    assert "Worcestershire Children First" not in names(a.officers)   # a wrapped post
    assert names(a.apologies) == ["David Ross", "Tim Reid", "Andy Roberts", "Karen May", "Tina Russell"]


def test_attendance_headings_substitutes_and_speakers():
    a = minutes("003").attendance
    assert "Dave Humphreys" in names(a.present)
    assert [(s.member, s.substituting_for) for s in a.substitutes] == [("Dave Humphreys", "Jill Simpson-Vince")]
    assert {"Heather Timms", "Gurpreet Dulay", "Elaine Lamb"} <= set(names(a.also_present))
    assert "Shade Agboola" in names(a.officers)
    assert "Co-optees" not in names(a.apologies) and len(a.apologies) == 5


def test_others_present_two_on_one_line():
    a = minutes("000").attendance
    assert {"Jeff Morgan", "Penny-Anne O'Donnell"} <= set(names(a.also_present))
    assert names(a.apologies) == ["Paul Gillett", "John Coleman"]


def test_resolved_blocks_with_clauses_and_minutes_approval():
    res = minutes("002").resolutions
    texts = [r.text for r in res]
    assert texts[2].startswith("The minutes of the meeting held on 8 March 2022")
    block = next(r for r in res if r.item == "10")
    assert "(a) That the update" in block.text and "(c) That it be noted" in block.text
    assert block.line == 197
    lines = seed_lines("002")
    assert lines[block.line - 1].lstrip("- ").startswith("(a)")


def test_numbered_resolution_block():
    res = minutes("000").resolutions
    r = next(r for r in res if r.item == "5")
    assert "1. Requests that in approving the strategy" in r.text and "3. Requests that officers" in r.text


def test_actions_from_minutes_sentences_and_resolution_clauses():
    acts = minutes("004").actions
    lines = [a.line for a in acts]
    assert 87 in lines and 153 in lines and 172 in lines
    letter = next(a for a in acts if a.line == 153)
    assert letter.kind == "letter" and letter.owner == "Chairman"
    wp = next(a for a in acts if a.line == 172)
    assert wp.kind == "work_programme" and wp.due == "March 2023"
    # the sentence that runs over a page break is joined
    assert letter.text.endswith("their families.")
    clause = next(a for a in minutes("002").actions if a.line == 198)
    assert clause.owner.startswith("Director of Children and Family Services")


def test_narrative_duplicate_of_a_formal_clause_is_dropped():
    acts = minutes("002").actions
    assert not any(a.text.startswith("The Chairman requested that the presentation") for a in acts)


def test_what_is_not_an_action():
    for s in ["Officers confirmed after the meeting that 712 new EHC Plans were issued in 2023.",
              "The Panel had requested an update on developments relating to the Act.",
              "This will bring schools and teachers together to share practice.",
              "Councillor Smith asked whether all schools were engaged?",
              "It would be useful if the strategy included a definition."]:
        assert is_action(s) == (False, False), s
    assert is_action("Members requested further information on the situation.") == (True, True)
    assert is_action("It was agreed that the Chairman would write to the Cabinet Member.")[0]


def test_declarations_and_none():
    assert minutes("004").declarations == []
    (m,) = extract(read_path(PAPERS / "modgov_page.txt")).meetings
    (d,) = m.declarations
    assert (d.member, d.item) == ("Daniel Ferris", "75") and "governor" in d.interest


def test_meeting_page_minutes():
    (m,) = extract(read_path(PAPERS / "modgov_page.txt")).meetings
    assert names(m.attendance.apologies) == ["Helen Marsh", "Owen Pritchard"]
    assert [(s.member, s.substituting_for) for s in m.attendance.substitutes] == [("Ruth Okafor", "Helen Marsh")]
    assert len(m.resolutions) == 5
    kinds = {a.kind for a in m.actions}
    assert {"work_programme", "circulate"} <= kinds
    # the agenda's own description of an item is not minuted: no action from "To receive ..."
    assert all(not a.text.startswith("To ") for a in m.actions)
    owner = next(a for a in m.actions if "written update" in a.text)
    assert owner.owner == "Cabinet Member for Children and Education" and owner.due == "March 2025"


def test_minutes_with_reference_numbers_inline_lists_and_agreed_blocks():
    rec = extract(read_path(PAPERS / "caps_minutes.txt"))
    assert rec.council == "Kettlebridge Borough Council"
    (m,) = rec.meetings
    assert (m.date, m.time, m.venue) == ("2025-03-03", "14:00", "Council Chamber, Town Hall, Kettlebridge")
    assert [i.number for i in m.items] == [f"HASC/{n}/25" for n in range(31, 36)]
    a = m.attendance
    assert names(a.present) == ["A. Green", "B. Hussain", "C. Lowe", "D. Mensah", "E. Novak"]
    assert names(a.also_present) == ["F. Ortiz"] and names(a.officers) == ["Sarah Quinn", "Tom Reed"]
    assert names(a.apologies) == ["G. Patel", "H. Walsh"]
    (d,) = m.declarations
    assert d.member == "Lowe" and d.item == "HASC/34/25"
    assert len(m.resolutions) == 3
    texts = [x.text for x in m.actions]
    assert texts[0].startswith("Councillor Novak asked for a breakdown")      # clause letter dropped
    assert any(x.owner == "Director" for x in m.actions)


def test_declarations_in_several_phrasings():
    (m,) = extract(read_path(PAPERS / "declarations_page.txt")).meetings
    got = [(d.member, d.item) for d in m.declarations]
    assert got == [("Fiona Martin", "14"), ("Bob Jones", "15"), ("A. Smith", "16")]
    assert m.declarations[2].interest == "personal interest as a school governor"
    assert [(s.member, s.substituting_for) for s in m.attendance.substitutes] == [("Billy Brookes", "Danny Brookes")]
    assert [a.name for a in m.attendance.apologies] == ["J. D. Stanley"]


def test_page_with_tabbed_rows_and_action_points():
    (m,) = extract(read_path(PAPERS / "page_tabbed_rows.txt")).meetings
    assert (m.date, m.time, m.venue) == ("2025-03-12", "19:00", "Committee Room 1, Town Hall, Ashby Road")
    assert [i.number for i in m.items] == [str(n) for n in range(1, 9)]
    assert names(m.attendance.apologies) == ["A. Smith", "B. Jones"]
    assert [(s.member, s.substituting_for) for s in m.attendance.substitutes] == [("C. Patel", "Smith")]
    (d,) = m.declarations
    assert (d.member, d.item) == ("D. Evans", "5")
    assert [r.item for r in m.resolutions] == ["3", "4", "5", "6", "7", "8"]
    damp = next(a for a in m.actions if "damp" in a.text)
    assert damp.owner == "Head of Housing" and damp.item == "4"
    # a recommendation to Cabinet in a lettered clause is followed up
    assert any(a.item == "5" and "admissions policy" in a.text for a in m.actions)
    assert any(a.kind == "work_programme" and "fly-tipping" in a.text for a in m.actions)


def test_page_whose_title_follows_the_items_heading():
    """The "Agenda and minutes" mark is out of sight of the title: the "Minutes:" blocks
    make it a record of the meeting, and the "Venue:" above the title is its venue."""
    (m,) = extract(read_path(PAPERS / "page_title_below_items.txt")).meetings
    assert m.record == "minutes"
    assert m.venue == "The Council Chamber, County Hall, Matlock"
    assert names(m.attendance.apologies) == ["R Ashton"]        # "an apology ... on behalf of"
    assert [r.item for r in m.resolutions] == ["36/25", "38/25", "39/25"]
    assert m.resolutions[2].text.startswith("to note the report")     # "RESOLVED" / "to note ..."
    figures = next(a for a in m.actions if "figures" in a.text)
    assert figures.owner == "Director of Urgent Care" and figures.due == "after the meeting"
    handover = next(a for a in m.actions if "handover" in a.text)
    assert handover.item == "38/25" and handover.due == "March 2026"
    letter = next(a for a in m.actions if a.item == "39/25")
    assert letter.kind == "letter"


def test_page_with_attendance_block_and_agreed_decisions():
    (m,) = extract(read_path(PAPERS / "page_attendance_agreed.txt")).meetings
    a = m.attendance
    assert names(a.present) == ["J Murray", "K Obi", "L Adams", "M Brennan", "P Cole", "S Dhillon"]
    assert names(a.also_present) == ["T Walsh"] and names(a.officers) == ["Helen Ward", "Mark Price"]
    assert names(a.apologies) == ["R Lee"]
    assert [r.item for r in m.resolutions] == ["22", "24", "25"]
    # "information ... had been circulated" answers an old request: it is not a new action
    assert not any(x.item == "23" for x in m.actions)
    assert any("equality impact assessment" in x.text for x in m.actions)


def test_action_phrasings():
    from scrutiny.extraction.minutes import is_action
    assert is_action("ACTION: The Head of Finance to circulate the budget figures.")[0]
    assert is_action("The Committee asked for a further report in six months.") == (True, True)
    assert is_action("A report would come back to the Committee in the new year.")[0]
    assert not is_action("Councillor Jones asked whether the figures could be provided.")[0]
    assert is_action("Councillor Jones asked whether the figures could be provided and the Director "
                     "agreed to provide them.")[0]
    assert not is_action("Actions arising from the last meeting were reviewed.")[0]


def test_page_with_sub_items_decisions_and_a_restricted_item():
    (m,) = extract(read_path(PAPERS / "page_restricted_subitems.txt")).meetings
    assert [(i.number, i.parent) for i in m.items][4:7] == [("5", None), ("5a", "5"), ("5b", "5")]
    assert [r.item for r in m.resolutions] == ["3", "4", "5a", "5b", "6", "7"]   # minutes, not the decision
    # Modern.gov's "View the reasons why item 7. is restricted", after the exclusion resolution
    exempt = [(i.number, i.exempt_paragraph) for i in m.items if i.exempt]
    assert exempt == [("7", "3")]
    # a request and the answer that takes it on are one action, with the answer's owner and date
    (modelling,) = [a for a in m.actions if "modelling" in a.text]
    assert modelling.owner == "Director" and modelling.due == "by the end of June"
    assert next(a for a in m.actions if a.item == "5b").due == "the September meeting"


def test_exclusion_covers_the_items_it_names_or_the_next_one():
    rec = extract(read_path(EXAMPLES / "fenmoor" / "2026-03-17-minutes.txt"))
    exempt = [i.title for i in rec.meetings[-1].items if i.exempt]
    assert len(exempt) == 1 and exempt[0].startswith("Children's Residential Placements")   # not "Date of Next Meeting"


def test_page_with_inline_minutes_and_a_list_of_actions():
    (m,) = extract(read_path(PAPERS / "page_inline_minutes_action_list.txt")).meetings
    assert [i.number for i in m.items] == [str(n) for n in range(1, 8)]
    assert m.next_meeting == "2025-03-12"
    assert m.resolutions[0].text == "The minutes were agreed as a true record of the meeting."   # "Minutes:" dropped
    # "The Committee RESOLVED that it: 1. Notes ... 2. Recommends that the Cabinet Member ..."
    assert [r.item for r in m.resolutions] == ["2", "5", "6"] and "Notes the Market" in m.resolutions[1].text
    # the item's list of actions is the record: one entry per action, not the narrative as well
    got = [(a.owner, a.text.split()[-1]) for a in m.actions]
    assert got == [("Strategic Director", "CQC."), ("Democratic Services", "programme."),
                   ("Cabinet Member", "2025/26.")]


@pytest.mark.parametrize("sentence, apologies, substitutes", [
    ("Apologies: Councillor Smith and Councillor Jones.", ["Smith", "Jones"], []),
    ("Councillors Ahmed and Brown sent their apologies.", ["Ahmed", "Brown"], []),
    ("Councillor Ann Lee gave her apologies.", ["Ann Lee"], []),
    ("Apologies for absence were submitted by Councillor J. Green (substitute: Councillor P. White).",
     ["J. Green"], [("P. White", "J. Green")]),
    ("Apologies were received from Councillor Ali, with Councillor Ray substituting.", ["Ali"], [("Ray", "Ali")]),
    ("Councillor Jones attended in place of Councillor Smith.", [], [("Jones", "Smith")]),
])
def test_apologies_and_substitutes_in_other_phrasings(sentence, apologies, substitutes):
    text = from_string(f"Minutes of the Scrutiny Committee\nTuesday 4 March 2025\n\n1. Apologies\n\n{sentence}\n",
                       "apologies.txt")
    (m,) = extract(text).meetings
    assert names(m.attendance.apologies) == apologies
    assert [(s.member, s.substituting_for) for s in m.attendance.substitutes] == substitutes


@pytest.mark.parametrize("sentence, got", [
    ("The following declarations of interest were made: Councillor Patel \u2013 Item 7 \u2013 Non-pecuniary "
     "interest as a member of the ICB board.", [("Patel", "7")]),
    ("Councillor Green declared that she was a foster carer.", [("Green", None)]),
    ("In relation to item 9, Councillor Hart declared an other registrable interest as a trustee of Age UK.",
     [("Hart", "9")]),
    ("Councillors Ali and Bell declared personal interests in item 4 as school governors.",
     [("Ali", "4"), ("Bell", "4")]),
    ("There were no declarations of interest.", []),
])
def test_declarations_in_other_phrasings(sentence, got):
    text = from_string(f"Minutes of the Scrutiny Committee\nTuesday 4 March 2025\n\n1. Declarations of Interest\n\n"
                       f"{sentence}\n", "declarations.txt")
    (m,) = extract(text).meetings
    assert [(d.member, d.item) for d in m.declarations] == got


def test_page_converted_to_markdown():
    """**Minutes:**, '### Items', '[PDF 200 KB]' and line-break spaces are conversion markup."""
    (m,) = extract(read_path(PAPERS / "page_markdown.txt")).meetings
    assert (m.committee, m.date, m.time) == ("Children's Services Scrutiny Panel", "2025-06-02", "18:30")
    assert m.venue == "Committee Room 2, Civic Centre"
    assert [i.title for i in m.items][2:4] == ["Minutes of the Meeting held on 14 April 2025",
                                              "Fostering Service Annual Report"]
    assert names(m.attendance.apologies) == ["Fenton", "Grey"]
    assert [(d.member, d.item) for d in m.declarations] == [("Hassan", "4")]
    assert [r.item for r in m.resolutions] == ["3", "4", "5"]
    (action,) = m.actions
    assert action.item == "4" and "foster carers recruited" in action.text and action.line == 24


def test_attendance_page_table():
    """Modern.gov's attendance page: name, role and attendance in columns."""
    (m,) = extract(read_path(PAPERS / "attendance_page.txt")).meetings
    assert (m.committee, m.date, m.record) == ("Children's Scrutiny Panel", "2025-03-06", "minutes")
    a = m.attendance
    assert names(a.present) == ["Ann Lee", "Bob Hill", "Di Evans", "Ed Ford", "Gail Hart"]   # not "Fay Gold" (absent)
    assert names(a.apologies) == ["Cy Dee"]
    assert [s.member for s in a.substitutes] == ["Ed Ford"]
    assert names(a.also_present) == ["Hal Ince"] and names(a.officers) == ["Jo King", "Kim Long"]
    assert a.present[0].description == "Chair"


def test_minutes_with_lists_one_per_line_and_lettered_minute_numbers():
    rec = extract(read_path(PAPERS / "borough_minutes_caps.txt"))
    assert rec.council == "London Borough of Ashgrove"          # printed in capitals
    (m,) = rec.meetings
    assert m.committee == "Children and Young People Scrutiny Sub-Committee"
    assert m.venue is None                                      # "Councillor Sophie Hall" is not a hall
    assert [i.number for i in m.items] == ["OSC 45", "OSC 46", "OSC 47", "OSC 48"]
    a = m.attendance
    assert names(a.present)[-2:] == ["Michael Doyle", "Priya Kaur"]     # co-opted members
    assert names(a.officers) == ["Sarah Kemp", "Dev Lal", "Hannah Moss"]
    assert names(a.apologies) == ["Jane Nolan"]
    # "attended as a substitute", for the one member who sent apologies
    assert [(s.member, s.substituting_for) for s in a.substitutes] == [("Sophie Hall", "Jane Nolan")]
    assert [(d.member, d.item) for d in m.declarations] == [("Raj Iyer", "OSC 48")]
    assert [r.item for r in m.resolutions] == ["OSC 47", "OSC 48"]
    assert [a.due for a in m.actions] == ["next meeting"]
