#!/usr/bin/env python3
"""Build examples/fenmoor/expected.json: the answers for the example papers.

The facts (items, attendance, resolutions, actions, declarations, indicators, which later
paper answers which earlier action) are written out by hand below.  This script only
finds the line each fact starts on, checks that the stated text really is there, and
writes the JSON.  After editing a paper, run

    python3 examples/tools/build_expected.py

and review the diff of expected.json: a fact whose text is no longer in the paper stops
the script with an error naming it.  tests/examples/test_examples.py checks the written
file against the papers without this script.
"""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1]
OUT = EXAMPLES / "fenmoor" / "expected.json"

FENMOOR = "Fenmoor County Council"
CYP = "Children and Young People Overview and Scrutiny Committee"
KELLINGFORD = "Kellingford Borough Council"
KCYP = "Children and Young People's Scrutiny Committee"
CHAMBER = "Council Chamber, County Hall, Marshgate"
ROOM3 = "Committee Room 3, County Hall, Marshgate"
YEAR_END = "2026-03-17"   # the date against which "overdue" is judged: the last meeting


class Paper:
    def __init__(self, rel: str):
        self.rel = rel
        self.lines = (EXAMPLES / rel).read_text(encoding="utf-8").split("\n")

    def find(self, snippet: str, after: int = 0, unique: bool = False) -> int:
        """1-based number of the first line after `after` that contains `snippet`."""
        hits = [i + 1 for i, ln in enumerate(self.lines) if snippet in ln and i + 1 > after]
        if not hits:
            raise SystemExit(f"{self.rel}: not found after line {after}: {snippet!r}")
        if unique and len(hits) > 1:
            raise SystemExit(f"{self.rel}: {snippet!r} occurs on lines {hits}")
        return hits[0]

    def starts(self, prefix: str, after: int = 0) -> int:
        for i, ln in enumerate(self.lines):
            if i + 1 > after and ln.startswith(prefix):
                return i + 1
        raise SystemExit(f"{self.rel}: no line after {after} starts with {prefix!r}")


# --------------------------------------------------------------------------- helpers

def items(p: Paper, specs, marker) -> list[dict]:
    """specs: (number, title, pages).  marker(number, title) -> the prefix of the line the
    item starts on.  Items are found in order; the title must be within four lines."""
    out, last = [], 0
    for number, title, pages in specs:
        line = p.starts(marker(number, title), after=last)
        window = " ".join(p.lines[line - 1:line + 4])
        if title not in window:
            raise SystemExit(f"{p.rel}:{line}: title {title!r} not near item {number}")
        if pages and pages not in p.lines[line - 1]:
            raise SystemExit(f"{p.rel}:{line}: pages {pages!r} not on the item line")
        out.append({"number": number, "title": title, "pages": pages, "line": line})
        last = line
    return out


def item_line(meeting: dict, number: str) -> int:
    for it in meeting["items"]:
        if it["number"] == number:
            return it["line"]
    raise SystemExit(f"no item {number}")


def item_end(meeting: dict, number: str, p: Paper) -> int:
    """Last line of an item: the line before the next item, or the end of the paper."""
    nums = [it["number"] for it in meeting["items"]]
    i = nums.index(number)
    return meeting["items"][i + 1]["line"] - 1 if i + 1 < len(nums) else len(p.lines)


def within(p: Paper, meeting: dict, item: str, line: int, what: str) -> int:
    if not item_line(meeting, item) <= line <= item_end(meeting, item, p):
        raise SystemExit(f"{p.rel}:{line}: {what!r} is not within item {item}")
    return line


def resolution(p: Paper, meeting: dict, item: str, clauses: list[str]) -> dict:
    start = item_line(meeting, item)
    line = p.find(clauses[0], after=start)
    last = line
    for c in clauses[1:]:
        last = p.find(c, after=last)
        if last - line > 12:
            raise SystemExit(f"{p.rel}: clause {c!r} too far from {clauses[0]!r}")
    within(p, meeting, item, last, clauses[-1])
    text = " ".join(clauses)
    text = re.sub(r"^RESOLVED\s+", "", text)
    return {"item": item, "text": text, "line": line}


def action(p: Paper, meeting: dict, aid: str, item: str, text: str, owner=None, due=None) -> dict:
    line = within(p, meeting, item, p.find(text, after=item_line(meeting, item)), text)
    return {"id": aid, "item": item, "text": text, "owner": owner, "due": due, "line": line}


def declaration(p: Paper, member: str, item: str, interest: str, snippet: str) -> dict:
    return {"member": member, "item": item, "interest": interest, "line": p.find(snippet, unique=True)}


def meeting(committee, day, time, venue, record, **kw) -> dict:
    m = {"committee": committee, "date": day, "time": time, "venue": venue, "record": record,
         "members": [], "items": [],
         "attendance": {"present": [], "apologies": [], "substitutes": [], "officers": [],
                        "also_present": []},
         "declarations": [], "resolutions": [], "actions": [], "next_meeting": None}
    m.update(kw)
    return m


def subs(*pairs) -> list[dict]:
    return [{"member": a, "substituting_for": b} for a, b in pairs]


def contract(council, meetings, indicators=()) -> dict:
    return {"schema": "scrutiny.extract/1", "council": council, "meetings": list(meetings),
            "indicators": list(indicators)}


PAPERS: dict[str, dict] = {}
TRACKER: list[dict] = []


def paper(rel, kind, layout, meeting_date, record, **extra):
    entry = {"kind": kind, "layout": layout, "meeting_date": meeting_date}
    entry.update(extra)
    entry["record"] = record
    if kind in ("minutes", "meeting-page"):
        entry["resolutions_count"] = sum(len(m["resolutions"]) for m in record["meetings"])
        entry["actions_count"] = sum(len(m["actions"]) for m in record["meetings"])
    PAPERS[rel] = entry


# ------------------------------------------------------------------ membership

FULL_2025 = [("Rosalind Achterberg", "Chair"), ("Desmond Okafor-Reid", "Vice-Chair"),
             ("Brian Cottingham", None), ("Martin Dunmore-Price", None),
             ("Connor Fairbrass", None), ("Tobias Ferrier-Lyle", None), ("Eileen Madsen", None),
             ("Sunita Marwaha", None), ("Gareth Penhaligon", None), ("Hazel Quennell", None),
             ("Philippa Threlfall", None),
             ("Judith Pellow", "Church of England Diocesan Representative"),
             ("Anselm Hartigan", "Roman Catholic Diocesan Representative"),
             ("Kieran Lathbury", "Parent Governor Representative")]
SEPT = [("R. Achterberg", "Chair"), ("D. Okafor-Reid", "Vice-Chair"), ("B. Cottingham", None),
        ("M. Dunmore-Price", None), ("C. Fairbrass", None), ("T. Ferrier-Lyle", None),
        ("E. Madsen", None), ("S. Marwaha", None), ("G. Penhaligon", None),
        ("H. Quennell", None), ("P. Threlfall", None), ("J. Pellow", "Co-opted Member"),
        ("A. Hartigan", "Co-opted Member"), ("K. Lathbury", "Co-opted Member")]
NOV = [("D. Okafor-Reid", "Chair"), ("B. Cottingham", None), ("M. Dunmore-Price", None),
       ("C. Fairbrass", None), ("T. Ferrier-Lyle", None), ("E. Madsen", None),
       ("S. Marwaha", None), ("G. Penhaligon", None), ("H. Quennell", None),
       ("Y. Stallard", None), ("P. Threlfall", None), ("J. Pellow", "Co-opted Member"),
       ("A. Hartigan", "Co-opted Member"), ("K. Lathbury", "Co-opted Member")]
LATE = [("D. Okafor-Reid", "Chair"), ("H. Quennell", "Vice-Chair")] + [
    m for m in NOV if m[0] not in ("D. Okafor-Reid", "H. Quennell")]


def members(rows):
    return [{"name": n, "role": r} for n, r in rows]


classic_agenda = lambda n, t: f"{n}. {t}"          # noqa: E731
classic_minute = lambda n, t: f"{n}. {t}"          # noqa: E731
tabbed_agenda = lambda n, t: f"{n}.\t{t}"          # noqa: E731
cyp_minute = lambda n, t: f"{n}\t{t}"              # noqa: E731
cyp_minute_sp = lambda n, t: f"{n} {t}"            # noqa: E731
modgov_item = lambda n, t: f"{n}."                 # noqa: E731


# ============================================================ 10 June 2025

p = Paper("fenmoor/2025-06-10-agenda.txt")
m = meeting(CYP, "2025-06-10", "10:00", CHAMBER, "agenda", members=members(FULL_2025),
            next_meeting="2025-07-15")
m["items"] = items(p, [
    ("1", "Apologies and Substitutions", None), ("2", "Declarations of Interest", None),
    ("3", "Minutes of the Previous Meeting", "5 - 12"), ("4", "Public Speaking", None),
    ("5", "Questions to Portfolio Holders", None),
    ("6", "Quarter 4 2024/25 Performance Report", "13 - 28"),
    ("7", "SEND Transformation Programme and EHC Needs Assessment Timeliness", "29 - 46"),
    ("8", "Elective Home Education: Annual Overview 2024/25", "47 - 58"),
    ("9", "Work Programme 2025/26", "59 - 64"), ("10", "Any Other Business", None),
    ("11", "Date of Next Meeting", None)], classic_agenda)
paper(p.rel, "agenda", "fenmoor-classic", "2025-06-10", contract(FENMOOR, [m]),
      published="2025-06-02")

p = Paper("fenmoor/2025-06-10-minutes.txt")
m = meeting(CYP, "2025-06-10", None, None, "minutes", next_meeting="2025-07-15")
m["items"] = items(p, [
    ("1", "Apologies and Substitutions", None), ("2", "Declarations of Interest", None),
    ("3", "Minutes of the Previous Meeting", None), ("4", "Public Speaking", None),
    ("5", "Questions to Portfolio Holders", None),
    ("6", "Quarter 4 2024/25 Performance Report", None),
    ("7", "SEND Transformation Programme and EHC Needs Assessment Timeliness", None),
    ("8", "Elective Home Education: Annual Overview 2024/25", None),
    ("9", "Work Programme 2025/26", None), ("10", "Any Other Business", None),
    ("11", "Date of Next Meeting", None)], classic_minute)
m["attendance"] = {
    "present": ["Rosalind Achterberg", "Desmond Okafor-Reid", "Brian Cottingham",
                "Martin Dunmore-Price", "Connor Fairbrass", "Eileen Madsen", "Sunita Marwaha",
                "Gareth Penhaligon", "Hazel Quennell", "Pippa Threlfall", "Judith Pellow",
                "Kieran Lathbury"],
    "apologies": ["Tobias Ferrier-Lyle", "Anselm Hartigan", "Lorna Gilchrist"],
    "substitutes": subs(("Graham Pockett", "Tobias Ferrier-Lyle")),
    "officers": ["Helen Marchbank", "Owen Trevithick", "Farida Castellan", "Joanne Pettifer",
                 "Marcus Delahaye", "Mariana Kowalczyk", "Tamsin Greenhalgh", "Bethan Rowsell"],
    "also_present": ["Neville Gatward", "Priya Lindqvist", "Gwen Arbuthnot"]}
m["declarations"] = [declaration(
    p, "Sunita Marwaha", "7",
    "other registrable interest: governor of Holmfleet Fields Academy, a special school",
    "Councillor Sunita Marwaha declared an other registrable interest")]
m["resolutions"] = [
    resolution(p, m, "3", ["The Committee agreed that the minutes of its meeting held on 18 March 2025 were a correct record, and the Chair signed them."]),
    resolution(p, m, "6", ["That the Committee notes the Quarter 4 2024/25 performance report."]),
    resolution(p, m, "7", ["That the Committee:",
                           "1. notes the progress made in the second year of the SEND Transformation Programme; and",
                           "2. records its serious concern at the proportion of EHC plans that are not issued within the statutory 20 weeks, and the effect of these delays on children and their families."]),
    resolution(p, m, "8", ["That the Elective Home Education Annual Overview 2024/25 be noted."]),
    resolution(p, m, "9", ["That the work programme for 2025/26 be approved, subject to the addition agreed above."]),
]
m["actions"] = [
    action(p, m, "J1", "4", "It was agreed that the Assistant Director, Education, SEND and Inclusion would provide Mr Reaney with a written response within ten working days.",
           "Assistant Director, Education, SEND and Inclusion", "within ten working days"),
    action(p, m, "J2", "5", "Councillor Lindqvist undertook to share the latest school place planning forecast for the Holmfleet planning area with Councillor Madsen.",
           "Priya Lindqvist", None),
    action(p, m, "J3", "6", "It was agreed that the Head of Performance and Intelligence would circulate a breakdown of re-referrals to children's social care by locality to members of the Committee.",
           "Head of Performance and Intelligence", None),
    action(p, m, "J4", "6", "Members requested that future quarterly performance reports include statistical neighbour comparators alongside the England figures.",
           None, "future quarterly performance reports"),
    action(p, m, "J5", "7", "Members requested that a report setting out the recovery plan for EHC needs assessment timeliness, with monthly trajectories, be brought to the meeting on 16 September 2025.",
           None, "16 September 2025"),
    action(p, m, "J6", "7", "It was agreed that the Chair would write to the Cabinet Member for Education and Skills setting out the Committee's concerns about the capacity of the educational psychology service and the reliance on agency psychologists.",
           "Chair", None),
    action(p, m, "J7", "8", "Further information was requested on the number of electively home educated children with an EHC plan, and on how many had left the roll of a Fenmoor school in the last twelve months, and Dr Castellan undertook to provide this by the next meeting.",
           "Farida Castellan", "by the next meeting"),
    action(p, m, "J8", "9", "It was agreed that children and young people's emotional wellbeing and mental health services, including CAMHS waiting times, be added to the work programme for November 2025.",
           None, "November 2025"),
    action(p, m, "J9", "9", "Members requested that a visit to the Multi-Agency Safeguarding Hub be arranged for members of the Committee before the September meeting.",
           None, "before the September meeting"),
]
paper(p.rel, "minutes", "fenmoor-classic", "2025-06-10", contract(FENMOOR, [m]))
JUNE = (p, m)

# ------------------------------------------------------------ Q4 2024/25 report

def report_meeting(p: Paper, day: str, number: str, title: str) -> dict:
    """A report records one fact about its meeting: that it is agenda item N."""
    m = meeting(CYP, day, None, None, "agenda")
    m["items"] = items(p, [(number, title, None)], lambda n, t: f"Agenda Item {n}")
    return m


def indicator_rows(p: Paper, rows, layout: str) -> list[dict]:
    out = []
    for row in rows:
        (ref, name, pper, pval, lper, lval, target, rag, unit, eng, sn, dot) = row
        line = p.starts(ref + "\t")
        cells = p.lines[line - 1].split("\t")
        if cells[1] != name:
            raise SystemExit(f"{p.rel}:{line}: name {cells[1]!r} != {name!r}")
        for v in (pval, lval):
            if not any(c.replace("%", "") == v for c in cells):
                raise SystemExit(f"{p.rel}:{line}: value {v!r} not a cell of {cells}")
        tgt = None if target in (None, "n/a") else target
        status = None if rag in (None, "n/a") else rag
        common = {"name": name, "unit": unit, "measure": ref, "line": line}
        out.append({"name": name, "period": pper, "value": pval, "unit": unit, "target": None,
                    "status": None, "line": line, "measure": ref})
        latest = {"name": name, "period": lper, "value": lval, "unit": unit, "target": tgt,
                  "status": status, "line": line, "measure": ref, "england": eng}
        if sn is not None:
            latest["statistical_neighbours"] = sn
        if dot is not None:
            latest["direction"] = dot
        del common
        out.append(latest)
    return out


Q4 = [  # ref, name as printed, prev period, prev, latest period, latest, target, RAG, unit, England, SN, DoT
    ("CS01", "Referrals to children's social care (rate per 10,000 children)", "Q3 2024/25", "118.4", "Q4 2024/25", "124.1", "n/a", "n/a", None, "131.0", None, None),
    ("CS02", "Re-referrals within 12 months", "Q3 2024/25", "19.6", "Q4 2024/25", "21.2", "<20", "Amber", "%", "21.9", None, None),
    ("CS03", "Single assessments completed within 45 working days", "Q3 2024/25", "88.1", "Q4 2024/25", "86.4", ">90", "Amber", "%", "84.7", None, None),
    ("CS04", "Children becoming subject to a CP plan for a second or subsequent time", "Q3 2024/25", "19.8", "Q4 2024/25", "21.4", "<20", "Amber", "%", "23.8", None, None),
    ("CS05", "Child protection plans reviewed within timescale", "Q3 2024/25", "96.2", "Q4 2024/25", "94.8", ">95", "Amber", "%", "90.1", None, None),
    ("CS06", "Children in care (rate per 10,000 children)", "Q3 2024/25", "61.2", "Q4 2024/25", "62.0", "n/a", "n/a", None, "70.0", None, None),
    ("CS07", "Children in care placed more than 20 miles from home", "Q3 2024/25", "17.9", "Q4 2024/25", "18.6", "<15", "Red", "%", "16.8", None, None),
    ("CS08", "Care leavers in EET (aged 19-21)", "Q3 2024/25", "54.1", "Q4 2024/25", "55.9", ">55", "Green", "%", "53.0", None, None),
    ("CS09", "Care leavers in suitable accommodation (aged 19-21)", "Q3 2024/25", "91.2", "Q4 2024/25", "90.4", ">90", "Green", "%", "88.0", None, None),
    ("ED01", "EHC plans issued within 20 weeks (excl. exceptions)", "Q3 2024/25", "39.2", "Q4 2024/25", "36.5", ">60", "Red", "%", "46.0", None, None),
    ("ED02", "Young people aged 16-17 NEET or activity not known", "Q3 2024/25", "4.6", "Q4 2024/25", "4.9", "<5", "Green", "%", "5.4", None, None),
    ("ED03", "Eligible 2-year-olds taking up funded early education", "Q3 2024/25", "73.9", "Q4 2024/25", "74.8", ">80", "Amber", "%", "75.0", None, None),
]
p = Paper("fenmoor/2025-06-10-performance-q4.txt")
paper(p.rel, "report", "performance-periods-as-columns", "2025-06-10",
      contract(FENMOOR, [report_meeting(p, "2025-06-10", "6", "Quarter 4 2024/25 Performance Report")],
               indicator_rows(p, Q4, "q4")), agenda_item="6",
      rag_counts={"Green": 3, "Amber": 5, "Red": 2})
Q4P = p

# ============================================================ 15 July 2025

p = Paper("fenmoor/2025-07-15-agenda.txt")
m = meeting(CYP, "2025-07-15", "10:00", CHAMBER, "agenda", members=members(FULL_2025),
            next_meeting="2025-09-16")
m["items"] = items(p, [
    ("1", "Apologies and Substitutions", None), ("2", "Declarations of Interest", None),
    ("3", "Minutes of the Previous Meeting", "5 - 12"), ("4", "Public Speaking", None),
    ("5", "Questions to Portfolio Holders", "13 - 14"),
    ("6", "Children in Care Placement Sufficiency Strategy 2025-2028", "15 - 48"),
    ("7", "Youth Justice Plan 2025/26", "49 - 80"), ("8", "Work Programme 2025/26", "81 - 86"),
    ("9", "Date of Next Meeting", None)], classic_agenda)
paper(p.rel, "agenda", "fenmoor-classic", "2025-07-15", contract(FENMOOR, [m]),
      published="2025-07-07")
JULY_AGENDA = (p, m)

p = Paper("fenmoor/2025-07-15-minutes.txt")
m = meeting(CYP, "2025-07-15", None, None, "minutes", next_meeting="2025-09-16")
m["items"] = items(p, [
    ("1", "Apologies and Substitutions", None), ("2", "Declarations of Interest", None),
    ("3", "Minutes of the Previous Meeting", None), ("4", "Public Speaking", None),
    ("5", "Questions to Portfolio Holders", None),
    ("6", "Children in Care Placement Sufficiency Strategy 2025-2028", None),
    ("7", "Youth Justice Plan 2025/26", None), ("8", "Work Programme 2025/26", None),
    ("9", "Date of Next Meeting", None)], classic_minute)
m["attendance"] = {
    "present": ["Rosalind Achterberg", "Desmond Okafor-Reid", "Martin Dunmore-Price",
                "Connor Fairbrass", "Tobias Ferrier-Lyle", "Eileen Madsen", "Sunita Marwaha",
                "Gareth Penhalligon", "Hazel Quennell", "Philippa Threlfall", "Anselm Hartigan",
                "Kieran Lathbury"],
    "apologies": ["Brian Cottingham", "Judith Pellow"],
    "substitutes": subs(("Lesley Varndell", "Brian Cottingham")),
    "officers": ["Helen Marchbank", "Owen Trevithick", "Farida Castellan",
                 "Sarah-Jane Colquhoun", "Nadia Osei-Bonsu", "Tamsin Greenhalgh",
                 "Bethan Rowsell"],
    "also_present": ["Neville Gatward", "Priya Lindqvist", "Dawn Kestrel"]}
m["resolutions"] = [
    resolution(p, m, "3", ["The Committee agreed that the minutes of its meeting held on 10 June 2025 were a correct record, and the Chair signed them."]),
    resolution(p, m, "6", ["That the Committee:",
                           "1. welcomes the draft Children in Care Placement Sufficiency Strategy 2025-2028; and",
                           "2. recommends to the Cabinet that the final strategy include a target for increasing the proportion of children in care who live within the county boundary."]),
    resolution(p, m, "7", ["That the Committee supports the Youth Justice Plan 2025/26 and commends it to the County Council."]),
    resolution(p, m, "8", ["That the work programme be noted."]),
]
m["actions"] = [
    action(p, m, "B1", "6", "It was agreed that the Director would circulate the latest figures on the number of children in care placed more than 20 miles from their home address, broken down by placement type.",
           "Director", None),
    action(p, m, "B2", "6", "Members requested that a report on fostering recruitment and retention, including the outcome of the summer recruitment campaign, be added to the work programme for January 2026.",
           None, "January 2026"),
    action(p, m, "B3", "6", "2. recommends to the Cabinet that the final strategy include a target for increasing the proportion of children in care who live within the county boundary.",
           "Cabinet", None),
    action(p, m, "B4", "7", "Further information was requested on the rate of first-time entrants to the youth justice system in each district, and the Head of Youth Justice Service undertook to provide this by the end of September 2025.",
           "Head of Youth Justice Service", "by the end of September 2025"),
    action(p, m, "B5", "8", "Members requested that the Cabinet Member for Education and Skills be invited to attend the November meeting for the item on post-16 home to school transport.",
           None, "the November meeting"),
]
paper(p.rel, "minutes", "fenmoor-classic", "2025-07-15", contract(FENMOOR, [m]))
JULY = (p, m)

# ============================================================ 16 September 2025

p = Paper("fenmoor/2025-09-16-agenda.txt")
m = meeting(CYP, "2025-09-16", "10:00", ROOM3, "agenda", members=members(SEPT),
            next_meeting="2025-11-18")
m["items"] = items(p, [
    ("1", "Apologies and substitutions", None),
    ("2", "Declarations of interest in respect of items on the agenda", None),
    ("3", "Minutes of the meeting held on 15 July 2025", "5 - 12"),
    ("4", "Public speaking", None), ("5", "Questions to Portfolio Holders", None),
    ("6", "EHC Needs Assessment Timeliness: Recovery Plan", "13 - 30"),
    ("7", "Quarter 1 2025/26 Performance Report", "31 - 48"),
    ("8", "Fenmoor Safeguarding Children Partnership Annual Report 2024/25", "49 - 84"),
    ("9", "Work Programme", "85 - 90"), ("10", "Date of next meeting", None)], tabbed_agenda)
paper(p.rel, "agenda", "fenmoor-tabbed", "2025-09-16", contract(FENMOOR, [m]),
      published="2025-09-08")
SEPT_AGENDA = (p, m)

p = Paper("fenmoor/2025-09-16-minutes.txt")
m = meeting(CYP, "2025-09-16", "10:00", ROOM3, "minutes", next_meeting="2025-11-18")
m["items"] = items(p, [
    ("CYP/22/25", "APOLOGIES AND SUBSTITUTIONS", None),
    ("CYP/23/25", "DECLARATIONS OF INTEREST", None),
    ("CYP/24/25", "MINUTES OF THE PREVIOUS MEETING", None),
    ("CYP/25/25", "PUBLIC SPEAKING", None),
    ("CYP/26/25", "QUESTIONS TO PORTFOLIO HOLDERS", None),
    ("CYP/27/25", "EHC NEEDS ASSESSMENT TIMELINESS: RECOVERY PLAN", None),
    ("CYP/28/25", "QUARTER 1 2025/26 PERFORMANCE REPORT", None),
    ("CYP/29/25", "FENMOOR SAFEGUARDING CHILDREN PARTNERSHIP ANNUAL REPORT 2024/25", None),
    ("CYP/30/25", "WORK PROGRAMME", None), ("CYP/31/25", "DATE OF NEXT MEETING", None)],
    cyp_minute)
m["attendance"] = {
    "present": ["R. Achterberg", "D. Okafor-Reid", "B. Cottingham", "M. Dunmore-Price",
                "C. Fairbrass", "T. Ferrier-Lyle", "S. Marwaha", "G. Penhaligon", "H. Quennell",
                "P. Threlfall", "J. Pellow", "A. Hartigan"],
    "apologies": ["E. Madsen", "K. Lathbury"],
    "substitutes": subs(("G. Pockett", "E. Madsen")),
    "officers": ["H. Marchbank", "O. Trevithick", "F. Castellan", "J. Pettifer", "M. Delahay",
                 "R. Ashdown", "T. Greenhalgh", "B. Rowsell"],
    "also_present": ["N. Gatward", "P. Lindqvist", "Alun Hedgecock", "Gwen Arbuthnot"]}
m["resolutions"] = [
    resolution(p, m, "CYP/24/25", ["RESOLVED that the minutes of the meeting held on 15 July 2025 be confirmed as a correct record and signed by the Chair."]),
    resolution(p, m, "CYP/27/25", ["(a) the EHC needs assessment timeliness recovery plan be noted; and",
                                   "(b) progress against the recovery trajectory be reported to the Committee in each quarterly performance report for the remainder of 2025/26."]),
    resolution(p, m, "CYP/28/25", ["RESOLVED that the Quarter 1 2025/26 performance report be noted."]),
    resolution(p, m, "CYP/29/25", ["RESOLVED that the Fenmoor Safeguarding Children Partnership Annual Report 2024/25 be noted."]),
    resolution(p, m, "CYP/30/25", ["RESOLVED that the work programme be approved, subject to the addition agreed above."]),
    resolution(p, m, "CYP/31/25", ["RESOLVED that it be noted that the next meeting of the Committee will be held on Tuesday 18 November 2025 at 10.00 am."]),
]
m["actions"] = [
    action(p, m, "S1", "CYP/24/25", "Dr F. Castellan apologised for the delay and undertook to circulate the information to members within two weeks.",
           "F. Castellan", "within two weeks"),
    action(p, m, "S2", "CYP/26/25", "Councillor Lindqvist undertook to provide members with the number of pupils with SEND whose transport was not in place on the first day of term.",
           "P. Lindqvist", None),
    action(p, m, "S3", "CYP/27/25", "Dr Castellan said that she was happy to commit to contacting families within five working days of it becoming clear that a deadline would be missed, and that this would be written into the service standards.",
           "F. Castellan", None),
    action(p, m, "S4", "CYP/27/25", "Members requested that the monthly EHC timeliness dashboard be circulated to members of the Committee.",
           None, "monthly"),
    action(p, m, "S5", "CYP/27/25", "(b) progress against the recovery trajectory be reported to the Committee in each quarterly performance report for the remainder of 2025/26.",
           None, "each quarterly performance report for the remainder of 2025/26"),
    action(p, m, "S6", "CYP/28/25", "The Head of Performance and Intelligence undertook to confirm the correct figure and circulate a corrected report to members.",
           "Head of Performance and Intelligence", None),
    action(p, m, "S7", "CYP/28/25", "Further information was requested on the reasons for the fall in the proportion of care leavers in suitable accommodation.",
           None, None),
    action(p, m, "S8", "CYP/29/25", "It was agreed that the Chair would write to the Chief Executive of NHS Fenmoor and Wythe Integrated Care Board expressing the Committee's concern about the level of health attendance at the Partnership's sub-groups.",
           "Chair", None),
    action(p, m, "S9", "CYP/29/25", "Members requested that the Partnership's next annual report include the number of rapid reviews and child safeguarding practice reviews undertaken during the year and the progress made on their recommendations.",
           None, "the Partnership's next annual report"),
    action(p, m, "S10", "CYP/30/25", "It was agreed that school attendance and persistent absence be added to the work programme for March 2026.",
           None, "March 2026"),
]
paper(p.rel, "minutes", "fenmoor-cyp-references", "2025-09-16", contract(FENMOOR, [m]))
SEPT_MIN = (p, m)

Q1 = [
    ("CS01", "Referrals to children's social care (rate per 10,000 children)", "Q4 2024/25", "124.1", "Q1 2025/26", "119.7", "n/a", "n/a", None, "131.0", "121.5", None),
    ("CS02", "Re-referrals to children's social care within 12 months of a previous referral (%)", "Q4 2024/25", "21.2", "Q1 2025/26", "22.4", "<20", "Red", "%", "21.9", "20.8", "Worsening"),
    ("CS03", "Single assessments completed within 45 working days (%)", "Q4 2024/25", "86.4", "Q1 2025/26", "90.2", ">90", "Green", "%", "84.7", "86.9", "Improving"),
    ("CS04", "Children becoming subject to a child protection plan for a second or subsequent time (%)", "Q4 2024/25", "21.4", "Q1 2025/26", "23.0", "<20", "Red", "%", "23.8", "21.5", "Worsening"),
    ("CS05", "Child protection plans reviewed within timescale (%)", "Q4 2024/25", "94.8", "Q1 2025/26", "97.1", ">95", "Green", "%", "90.1", "92.4", "Improving"),
    ("CS06", "Children in care (rate per 10,000 children)", "Q4 2024/25", "62.0", "Q1 2025/26", "62.9", "n/a", "n/a", None, "70.0", "58.4", None),
    ("CS07", "Children in care placed more than 20 miles from home (%)", "Q4 2024/25", "18.6", "Q1 2025/26", "19.4", "<15", "Red", "%", "16.8", "17.3", "Worsening"),
    ("CS08", "Care leavers aged 19-21 in education, employment or training (%)", "Q4 2024/25", "55.9", "Q1 2025/26", "57.2", ">55", "Green", "%", "53.0", "52.1", "Improving"),
    ("CS09", "Care leavers aged 19-21 in suitable accommodation (%)", "Q4 2024/25", "90.4", "Q1 2025/26", "87.5", ">90", "Amber", "%", "88.0", "89.2", "Worsening"),
    ("ED01", "New EHC plans issued within 20 weeks, excluding exception cases (%)", "Q4 2024/25", "36.5", "Q1 2025/26", "38.6", ">60", "Red", "%", "46.0", "44.3", "Improving"),
    ("ED02", "Young people aged 16-17 NEET or whose activity is not known (%)", "Mar-25", "4.9", "Jun-25", "5.3", "<5", "Amber", "%", "5.4", "5.0", "Worsening"),
    ("ED03", "Eligible 2-year-olds taking up funded early education (%)", "Spring 2025", "74.8", "Summer 2025", "76.1", ">80", "Amber", "%", "75.0", "77.2", "Improving"),
]
p = Paper("fenmoor/2025-09-16-performance-q1.txt")
paper(p.rel, "report", "performance-previous-latest", "2025-09-16",
      contract(FENMOOR, [report_meeting(p, "2025-09-16", "7", "QUARTER 1 2025/26 PERFORMANCE REPORT")],
               indicator_rows(p, Q1, "q1")), agenda_item="7",
      rag_counts={"Green": 3, "Amber": 3, "Red": 4})
Q1P = p

# ============================================================ 18 November 2025

p = Paper("fenmoor/2025-11-18-agenda.txt")
m = meeting(CYP, "2025-11-18", "10:00", CHAMBER, "agenda", members=members(NOV),
            next_meeting="2026-01-20")
m["items"] = items(p, [
    ("1", "Membership and chairing arrangements", None),
    ("2", "Appointment of Vice-Chair for the remainder of the municipal year 2025/26", None),
    ("3", "Apologies and substitutions", None),
    ("4", "Declarations of interest in respect of items on the agenda", None),
    ("5", "Minutes of the meeting held on 16 September 2025", "5 - 14"),
    ("6", "Public speaking", None), ("7", "Questions to Portfolio Holders", None),
    ("8", "Children and Young People's Emotional Wellbeing and Mental Health", "15 - 40"),
    ("9", "Quarter 2 2025/26 Performance Report", "41 - 58"),
    ("10", "Home to School Transport: Post-16 Transport Policy 2026/27", "59 - 92"),
    ("11", "Work Programme", "93 - 98"), ("12", "Date of next meeting", None)], tabbed_agenda)
paper(p.rel, "agenda", "fenmoor-tabbed", "2025-11-18", contract(FENMOOR, [m]),
      published="2025-11-10")
NOV_AGENDA = (p, m)

p = Paper("fenmoor/2025-11-18-minutes.txt")
m = meeting(CYP, "2025-11-18", "10:00", CHAMBER, "minutes", next_meeting="2026-01-20")
m["items"] = items(p, [
    ("CYP/32/25", "MEMBERSHIP AND CHAIRING ARRANGEMENTS", None),
    ("CYP/33/25", "APPOINTMENT OF VICE-CHAIR", None),
    ("CYP/34/25", "APOLOGIES AND SUBSTITUTIONS", None),
    ("CYP/35/25", "DECLARATIONS OF INTEREST", None),
    ("CYP/36/25", "MINUTES OF THE PREVIOUS MEETING", None),
    ("CYP/37/25", "PUBLIC SPEAKING", None),
    ("CYP/38/25", "QUESTIONS TO PORTFOLIO HOLDERS", None),
    ("CYP/39/25", "CHILDREN AND YOUNG PEOPLE'S EMOTIONAL WELLBEING AND MENTAL HEALTH", None),
    ("CYP/40/25", "QUARTER 2 2025/26 PERFORMANCE REPORT", None),
    ("CYP/41/25", "HOME TO SCHOOL TRANSPORT: POST-16 TRANSPORT POLICY 2026/27", None),
    ("CYP/42/25", "WORK PROGRAMME", None), ("CYP/43/25", "DATE OF NEXT MEETING", None)],
    cyp_minute)
m["attendance"] = {
    "present": ["D. Okafor-Reid", "H. Quennell", "B. Cottingham", "C. Fairbrass",
                "T. Ferrier-Lyle", "E. Madsen", "S. Marwaha", "G. Penhaligon", "Y. Stallard",
                "P. Threlfall", "A. Hartigan", "K. Lathbury"],
    "apologies": ["M. Dunmore-Price", "J. Pellow"],
    "substitutes": subs(("L. Varndell", "M. Dunmore-Price")),
    "officers": ["H. Marchbank", "O. Trevithick", "F. Castellan", "S. Mallender", "M. Delahaye",
                 "K. Amory", "T. Greenhalgh", "B. Rowsell"],
    "also_present": ["R. Achterberg", "N. Gatward", "P. Lindqvist", "Miriam Sandell",
                     "Graham Tulliver"]}
m["declarations"] = [declaration(
    p, "P. Threlfall", "CYP/39/25",
    "other registrable interest: employed by Wythe Valley NHS Foundation Trust, the provider of CAMHS",
    "Councillor P. Threlfall declared an other registrable interest")]
m["resolutions"] = [
    resolution(p, m, "CYP/32/25", ["RESOLVED that the changes to the membership and chairing of the Committee be noted."]),
    resolution(p, m, "CYP/33/25", ["RESOLVED that Councillor H. Quennell be appointed Vice-Chair of the Committee for the remainder of the municipal year 2025/26."]),
    resolution(p, m, "CYP/36/25", ["RESOLVED that the minutes of the meeting held on 16 September 2025 be confirmed as a correct record and signed by the Chair."]),
    resolution(p, m, "CYP/39/25", ["(a) the report on children and young people's emotional wellbeing and mental health be noted; and",
                                   "(b) the Committee welcomes the extension of Mental Health Support Teams to a further 24 schools from January 2026."]),
    resolution(p, m, "CYP/40/25", ["RESOLVED that the Quarter 2 2025/26 performance report be noted."]),
    resolution(p, m, "CYP/41/25", ["RESOLVED that the following recommendations be made to the Cabinet:",
                                   "(1) that the proposed increase in the post-16 transport contribution should not apply to families who qualify for the existing low-income discount;",
                                   "(2) that an independent travel training offer be made available to every young person with SEND who is eligible for post-16 transport and who wishes to take it up; and",
                                   "(3) that the final equality impact assessment be published with the Cabinet report."]),
    resolution(p, m, "CYP/42/25", ["RESOLVED that the work programme be noted."]),
    resolution(p, m, "CYP/43/25", ["RESOLVED that it be noted that the next meeting of the Committee will be held on Tuesday 20 January 2026 at 10.00 am."]),
]
m["actions"] = [
    action(p, m, "N1", "CYP/36/25", "The Chair undertook to send the letter before the end of November 2025.",
           "Chair", "before the end of November 2025"),
    action(p, m, "N2", "CYP/39/25", "Members requested that the Integrated Care Board provide waiting time data for neurodevelopmental assessments, broken down by age band, before the next meeting.",
           "Integrated Care Board", "before the next meeting"),
    action(p, m, "N3", "CYP/39/25", "It was agreed that a follow-up report on CAMHS waiting times and the new single point of access be added to the work programme for March 2026.",
           None, "March 2026"),
    action(p, m, "N4", "CYP/40/25", "O. Trevithick undertook to provide, by the next meeting, a briefing note explaining the increase in children becoming subject to a child protection plan for a second or subsequent time and the action being taken in response.",
           "O. Trevithick", "by the next meeting"),
    action(p, m, "N5", "CYP/41/25", "RESOLVED that the following recommendations be made to the Cabinet:",
           "Cabinet", None),
]
paper(p.rel, "minutes", "fenmoor-cyp-references", "2025-11-18", contract(FENMOOR, [m]))
NOV_MIN = (p, m)

Q2 = [
    ("CS01", "Referrals to children's social care (rate per 10,000 children)", "Q1 2025/26", "119.7", "Q2 2025/26", "127.3", "n/a", "n/a", None, "131.0", "121.5", None),
    ("CS02", "Re-referrals to children's social care within 12 months of a previous referral (%)", "Q1 2025/26", "22.4", "Q2 2025/26", "20.1", "<20", "Amber", "%", "21.9", "20.8", "Improving"),
    ("CS03", "Single assessments completed within 45 working days (%)", "Q1 2025/26", "90.2", "Q2 2025/26", "91.5", ">90", "Green", "%", "84.7", "86.9", "Improving"),
    ("CS04", "Children becoming subject to a child protection plan for a second or subsequent time (%)", "Q1 2025/26", "23.0", "Q2 2025/26", "24.8", "<20", "Red", "%", "23.8", "21.5", "Worsening"),
    ("CS05", "Child protection plans reviewed within timescales (%)", "Q1 2025/26", "97.1", "Q2 2025/26", "95.9", ">95", "Green", "%", "90.1", "92.4", "Worsening"),
    ("CS06", "Children in care (rate per 10,000 children)", "Q1 2025/26", "62.9", "Q2 2025/26", "63.4", "n/a", "n/a", None, "70.0", "58.4", None),
    ("CS07", "Children in care living more than 20 miles from their home address (%)", "Q1 2025/26", "19.4", "Q2 2025/26", "20.2", "<15", "Red", "%", "16.8", "17.3", "Worsening"),
    ("CS08", "Care leavers aged 19-21 in education, employment or training (%)", "Q1 2025/26", "57.2", "Q2 2025/26", "56.0", ">55", "Green", "%", "53.0", "52.1", "Worsening"),
    ("CS09", "Care leavers aged 19-21 in suitable accommodation (%)", "Q1 2025/26", "87.5", "Q2 2025/26", "85.9", ">90", "Amber", "%", "88.0", "89.2", "Worsening"),
    ("ED01", "% of new EHCPs issued within 20 weeks", "Q1 2025/26", "38.6", "Q2 2025/26", "44.9", ">60", "Red", "%", "46.0", "44.3", "Improving"),
    ("ED02", "16-17 year olds NEET or activity not known (%)", "Jun-25", "5.3", "Sep-25", "8.7", "<5", "Red", "%", "5.4", "5.0", "Worsening"),
    ("ED03", "Eligible 2-year-olds taking up funded early education (%)", "Summer 2025", "76.1", "Autumn 2025", "78.3", ">80", "Amber", "%", "75.0", "77.2", "Improving"),
]
p = Paper("fenmoor/2025-11-18-performance-q2.txt")
paper(p.rel, "report", "performance-previous-latest", "2025-11-18",
      contract(FENMOOR, [report_meeting(p, "2025-11-18", "9", "QUARTER 2 2025/26 PERFORMANCE REPORT")],
               indicator_rows(p, Q2, "q2")), agenda_item="9",
      rag_counts={"Green": 3, "Amber": 3, "Red": 4})
Q2P = p

# ============================================================ 20 January 2026

p = Paper("fenmoor/2026-01-20-agenda.txt")
m = meeting(CYP, "2026-01-20", "10:00", CHAMBER, "agenda", members=members(LATE),
            next_meeting="2026-03-17")
m["items"] = items(p, [
    ("1", "Apologies and substitutions", None),
    ("2", "Declarations of interest in respect of items on the agenda", None),
    ("3", "Minutes of the meeting held on 18 November 2025", "5 - 14"),
    ("4", "Public speaking", None), ("5", "Questions to Portfolio Holders", None),
    ("6", "Cabinet response to the Committee's recommendations on the Post-16 Transport Policy 2026/27", "15 - 18"),
    ("7", "Fostering Recruitment and Retention", "19 - 36"),
    ("8", "Budget 2026/27 and Medium Term Financial Strategy 2026-2030: Children's Services", "37 - 66"),
    ("9", "Work Programme", "67 - 72"), ("10", "Date of next meeting", None)], tabbed_agenda)
paper(p.rel, "agenda", "fenmoor-tabbed", "2026-01-20", contract(FENMOOR, [m]),
      published="2026-01-12")
JAN_AGENDA = (p, m)

p = Paper("fenmoor/2026-01-20-minutes.txt")
m = meeting(CYP, "2026-01-20", "10:00", CHAMBER, "minutes", next_meeting="2026-03-17")
m["items"] = items(p, [
    ("CYP/44/25", "APOLOGIES AND SUBSTITUTIONS", None),
    ("CYP/45/25", "DECLARATIONS OF INTEREST", None),
    ("CYP/46/25", "MINUTES OF THE PREVIOUS MEETING", None),
    ("CYP/47/25", "PUBLIC SPEAKING", None),
    ("CYP/48/25", "QUESTIONS TO PORTFOLIO HOLDERS", None),
    ("CYP/49/25", "CABINET RESPONSE: POST-16 TRANSPORT POLICY 2026/27", None),
    ("CYP/50/25", "FOSTERING RECRUITMENT AND RETENTION", None),
    ("CYP/51/25", "BUDGET 2026/27 AND MEDIUM TERM FINANCIAL STRATEGY 2026-2030: CHILDREN'S SERVICES", None),
    ("CYP/52/25", "WORK PROGRAMME", None), ("CYP/53/25", "DATE OF NEXT MEETING", None)],
    cyp_minute)
m["attendance"] = {
    "present": ["D. Okafor-Reid", "H. Quennell", "B. Cottingham", "M. Dunmore-Price",
                "T. Ferrier-Lyle", "E. Madsen", "S. Marwaha", "G. Penhaligon", "Y. Stallard",
                "P. Threlfall", "J. Pellow", "K. Lathbury"],
    "apologies": ["C. Fairbrass", "A. Hartigan"],
    "substitutes": [],
    "officers": ["H. Marchbank", "O. Trevithick", "F. Castellan", "F. Leverett", "C. Brierley",
                 "R. Ashdown", "T. Greenhalgh", "B. Rowsell"],
    "also_present": ["N. Gatward", "P. Lindqvist", "Alistair Brennock"]}
m["declarations"] = [declaration(
    p, "B. Cottingham", "CYP/50/25",
    "other registrable interest: approved foster carer for Fenmoor County Council",
    "Councillor B. Cottingham declared an other registrable interest")]
m["resolutions"] = [
    resolution(p, m, "CYP/46/25", ["RESOLVED that the minutes of the meeting held on 18 November 2025 be confirmed as a correct record and signed by the Chair."]),
    resolution(p, m, "CYP/49/25", ["RESOLVED that the Cabinet's response to the Committee's recommendations on the Post-16 Transport Policy 2026/27 be noted."]),
    resolution(p, m, "CYP/50/25", ["(a) the report on fostering recruitment and retention be noted, and the first net increase in fostering households for four years be welcomed; and",
                                   "(b) the Committee recommends to the Cabinet that it work with the district councils to introduce a council tax reduction for the Council's foster carers from April 2027."]),
    resolution(p, m, "CYP/51/25", ["RESOLVED that the following comments be submitted to the Cabinet on 5 February 2026:",
                                   "(a) the Committee recognises the pressures on the Children's Services budget, and supports the proposed growth in the budget for children in care and for SEND;",
                                   "(b) the Committee has significant doubts about whether the saving of £2.1 million on external residential placements can be achieved in 2026/27, and asks the Cabinet to satisfy itself that the assumption is realistic; and",
                                   "(c) the Committee asks that the funding for the EHC plan-writer team be maintained until the recovery trajectory for EHC plan timeliness has been met."]),
    resolution(p, m, "CYP/52/25", ["RESOLVED that the work programme be noted, subject to the addition agreed above."]),
    resolution(p, m, "CYP/53/25", ["RESOLVED that it be noted that the next meeting of the Committee will be held on Tuesday 17 March 2026 at 10.00 am."]),
]
m["actions"] = [
    action(p, m, "A1", "CYP/46/25", "It was agreed that the Overview and Scrutiny Officer would contact the Integrated Care Board to request the information before the March meeting.",
           "Overview and Scrutiny Officer", "before the March meeting"),
    action(p, m, "A2", "CYP/47/25", "It was agreed that the Head of Fostering and Adoption would meet Mrs Whitlock to discuss the issues she had raised.",
           "Head of Fostering and Adoption", None),
    action(p, m, "A3", "CYP/50/25", "Members requested that an update on the fostering recruitment campaign be brought to the Committee in six months' time.",
           None, "in six months' time"),
    action(p, m, "A4", "CYP/50/25", "(b) the Committee recommends to the Cabinet that it work with the district councils to introduce a council tax reduction for the Council's foster carers from April 2027.",
           "Cabinet", None),
    action(p, m, "A5", "CYP/51/25", "It was agreed that the Strategic Finance Business Partner would circulate the modelling behind the assumed reduction in external residential placements before the Cabinet meeting on 5 February 2026.",
           "Strategic Finance Business Partner", "before the Cabinet meeting on 5 February 2026"),
    action(p, m, "A6", "CYP/51/25", "RESOLVED that the following comments be submitted to the Cabinet on 5 February 2026:",
           None, "5 February 2026"),
    action(p, m, "A7", "CYP/52/25", "It was agreed that the annual report of the Virtual School Headteacher be added to the work programme for June 2026.",
           None, "June 2026"),
]
paper(p.rel, "minutes", "fenmoor-cyp-references", "2026-01-20", contract(FENMOOR, [m]))
JAN_MIN = (p, m)

# ============================================================ 17 March 2026

p = Paper("fenmoor/2026-03-17-agenda.txt")
m = meeting(CYP, "2026-03-17", "10:00", CHAMBER, "agenda", members=members(LATE),
            next_meeting="2026-06-09")
m["items"] = items(p, [
    ("1", "Apologies and substitutions", None),
    ("2", "Declarations of interest in respect of items on the agenda", None),
    ("3", "Minutes of the meeting held on 20 January 2026", "5 - 16"),
    ("4", "Public speaking", None), ("5", "Questions to Portfolio Holders", None),
    ("6", "School Attendance and Persistent Absence", "17 - 40"),
    ("7", "Quarter 3 2025/26 Performance Report", "41 - 60"),
    ("8", "Work Programme 2026/27", "61 - 68"),
    ("9", "Exclusion of the press and public", None),
    ("10", "Children's Residential Placements: Dynamic Purchasing System – Contract Award (Exempt)", "69 - 84"),
    ("11", "Date of next meeting", None)], tabbed_agenda)
paper(p.rel, "agenda", "fenmoor-tabbed", "2026-03-17", contract(FENMOOR, [m]),
      published="2026-03-09",
      exempt_item={"item": "10", "paragraph": "3", "schedule": "12A",
                   "resolution_line": p.find("That under Section 100A(4) of the Local Government Act 1972", unique=True)})
MAR_AGENDA = (p, m)

p = Paper("fenmoor/2026-03-17-minutes.txt")
m = meeting(CYP, "2026-03-17", "10:00", CHAMBER, "minutes", next_meeting="2026-06-09")
m["items"] = items(p, [
    ("CYP/54/25", "Apologies and Welcome", None),
    ("CYP/55/25", "Declarations of Interest", None),
    ("CYP/56/25", "Confirmation of the Minutes of the Previous Meeting", None),
    ("CYP/57/25", "Public Participation", None),
    ("CYP/58/25", "Questions to Portfolio Holders", None),
    ("CYP/59/25", "School Attendance and Persistent Absence", None),
    ("CYP/60/25", "Quarter 3 2025/26 Performance Report", None),
    ("CYP/61/25", "Work Programme 2026/27", None),
    ("CYP/62/25", "Exclusion of the Press and Public", None),
    ("CYP/63/25", "Children's Residential Placements: Dynamic Purchasing System – Contract Award (Exempt)", None),
    ("CYP/64/25", "Date of Next Meeting", None)], cyp_minute_sp)
m["attendance"] = {
    "present": ["Desmond Okafor-Reid", "Hazel Quennell", "Brian Cottingham", "Martin Dunmore Price",
                "Connor Fairbrass", "Tobias Ferrier-Lyle", "Eileen Madsen", "Gareth Penhaligon",
                "Yvonne Stallard", "Philippa Threlfall", "Judith Pellow", "Anselm Hartigan"],
    "apologies": ["Sunita Marwaha", "Kieran Lathbury", "Helen Marchbank"],
    "substitutes": subs(("Graham Pockett", "Sunita Marwaha")),
    "officers": ["Owen Trevithick", "Farida Castellan", "Dominic Farrant", "Marcus Delahaye",
                 "Sarah-Jane Colquhoun", "Adrian Kershaw", "Tamsin Greenhalgh", "Bethan Rowsell"],
    "also_present": ["Neville Gatward", "Priya Lindqvist"]}
m["declarations"] = [declaration(
    p, "Eileen Madsen", "CYP/63/25",
    "other registrable interest: trustee of the Saltney Harbour Trust, which had submitted a bid",
    "Cllr Eileen Madsen declared an other registrable interest")]
m["resolutions"] = [
    resolution(p, m, "CYP/56/25", ["The Committee approved the minutes of its meeting on 20 January 2026 as a correct record, and the Chair signed them."]),
    resolution(p, m, "CYP/59/25", ["(a) the report on school attendance and persistent absence be noted; and",
                                   "(b) the Committee welcomes the reduction in persistent absence in secondary schools and the results of the Saltney pilot."]),
    resolution(p, m, "CYP/60/25", ["RESOLVED that the Quarter 3 2025/26 performance report be noted."]),
    resolution(p, m, "CYP/61/25", ["RESOLVED that the draft work programme for 2026/27 be approved, including the items carried forward from 2025/26."]),
    resolution(p, m, "CYP/62/25", ["RESOLVED that under Section 100A(4) of the Local Government Act 1972 the press and public be excluded from the meeting for the following item of business on the grounds that it involves the likely disclosure of exempt information as defined in paragraph 3 of Part 1 of Schedule 12A to the Act, and that in all the circumstances of the case the public interest in maintaining the exemption outweighs the public interest in disclosing the information."]),
    resolution(p, m, "CYP/63/25", ["(a) the exempt report be noted; and",
                                   "(b) the Chair write to the Cabinet Member for Children's Services, setting out the Committee's comments, before the contract award decision is taken on 31 March 2026."]),
]
m["actions"] = [
    action(p, m, "M1", "CYP/56/25", "It was agreed that the Chair would write to the Director of Mental Health Commissioning at the Integrated Care Board asking for the data to be provided before the first meeting of the 2026/27 municipal year.",
           "Chair", "before the first meeting of the 2026/27 municipal year"),
    action(p, m, "M2", "CYP/59/25", "Dominic Farrant undertook to provide the persistent absence figures for children with an EHC plan, compared with those receiving SEN support, by the end of April 2026.",
           "Dominic Farrant", "by the end of April 2026"),
    action(p, m, "M3", "CYP/59/25", "Further information was requested on the number of fixed penalty notices issued for unauthorised absence in each district during the autumn term 2025.",
           None, None),
    action(p, m, "M4", "CYP/60/25", "Members requested that the performance framework for 2026/27 include a measure of the timeliness of initial health assessments for children entering care.",
           None, "the performance framework for 2026/27"),
    action(p, m, "M5", "CYP/61/25", "The Overview and Scrutiny Officer undertook to publish an action log, showing the status of every request made by the Committee, with each agenda from June 2026.",
           "Overview and Scrutiny Officer", "from June 2026"),
    action(p, m, "M6", "CYP/63/25", "(b) the Chair write to the Cabinet Member for Children's Services, setting out the Committee's comments, before the contract award decision is taken on 31 March 2026.",
           "Chair", "before the contract award decision is taken on 31 March 2026"),
]
paper(p.rel, "minutes", "fenmoor-cyp-references-worcestershire-attendance", "2026-03-17",
      contract(FENMOOR, [m]))
MAR_MIN = (p, m)

Q3 = [
    ("CS01", "Referrals to CSC (rate per 10,000 children)", "Q2 2025/26", "127.3", "Q3 2025/26", "122.0", "n/a", "n/a", None, "131.0", "121.5", None),
    ("CS02", "Re-referrals to CSC within 12 months (%)", "Q2 2025/26", "20.1", "Q3 2025/26", "19.0", "<20", "Green", "%", "21.9", "20.8", "Improving"),
    ("CS03", "Single assessments within 45 working days (%)", "Q2 2025/26", "91.5", "Q3 2025/26", "92.3", ">90", "Green", "%", "84.7", "86.9", "Improving"),
    ("CS04", "Repeat child protection plans (second or subsequent time) (%)", "Q2 2025/26", "24.8", "Q3 2025/26", "22.1", "<20", "Red", "%", "23.8", "21.5", "Improving"),
    ("CS05", "CP plans reviewed within timescales (%)", "Q2 2025/26", "95.9", "Q3 2025/26", "98.0", ">95", "Green", "%", "90.1", "92.4", "Improving"),
    ("CS06", "Children in care (rate per 10,000 children)", "Q2 2025/26", "63.4", "Q3 2025/26", "63.1", "n/a", "n/a", None, "70.0", "58.4", None),
    ("CS07", "Children in care placed more than 20 miles from home (%)", "Q2 2025/26", "20.2", "Q3 2025/26", "19.7", "<15", "Red", "%", "16.8", "17.3", "Improving"),
    ("CS08", "Care leavers (19-21) in education, employment or training (%)", "Q2 2025/26", "56.0", "Q3 2025/26", "54.6", ">55", "Amber", "%", "53.0", "52.1", "Worsening"),
    ("CS09", "Care leavers (19-21) in suitable accommodation (%)", "Q2 2025/26", "85.9", "Q3 2025/26", "88.8", ">90", "Amber", "%", "88.0", "89.2", "Improving"),
    ("ED01", "New EHC plans issued within 20 weeks (excluding exceptions) (%)", "Q2 2025/26", "44.9", "Q3 2025/26", "51.2", ">60", "Red", "%", "46.0", "44.3", "Improving"),
    ("ED02", "16-17 year olds NEET or activity not known (%)", "Sep-25", "8.7", "Dec-25", "4.4", "<5", "Green", "%", "5.4", "5.0", "Improving"),
    ("ED03", "Eligible 2-year-olds taking up funded early education (%)", "Autumn 2025", "78.3", "Spring 2026", "79.0", ">80", "Amber", "%", "75.0", "77.2", "Improving"),
    ("ED04", "Persistent absence – secondary pupils (%)", "2024/25", "22.7", "Autumn 2025", "20.9", "<20", "Amber", "%", "24.3", "23.1", "Improving"),
]
p = Paper("fenmoor/2026-03-17-performance-q3.txt")
paper(p.rel, "report", "performance-previous-latest", "2026-03-17",
      contract(FENMOOR, [report_meeting(p, "2026-03-17", "7", "QUARTER 3 2025/26 PERFORMANCE REPORT")],
               indicator_rows(p, Q3, "q3")), agenda_item="7",
      rag_counts={"Green": 4, "Amber": 4, "Red": 3})
Q3P = p

# ============================================================ Kellingford (Modern.gov)

p = Paper("modgov/2025-09-23-children-young-people-scrutiny.txt")
m = meeting(KCYP, "2025-09-23", "18:00", "Council Chamber, Civic Centre, Kellingford", "minutes",
            next_meeting="2025-11-25")
m["items"] = items(p, [
    ("58", "Apologies for Absence", None), ("59", "Declarations of Interest", None),
    ("60", "Minutes of the Previous Meeting", None), ("61", "Public Questions", None),
    ("62", "Youth Service Offer 2025-2027", None),
    ("63", "Early Years Sufficiency Assessment 2025", None),
    ("64", "Children's Services Performance Report - Quarter 1 2025/26", None),
    ("65", "Scrutiny Work Programme 2025/26", None), ("66", "Date of Next Meeting", None)],
    modgov_item)
m["attendance"]["apologies"] = ["Nigel Ormerod", "Harriet Quayle"]
m["attendance"]["substitutes"] = subs(("Kevin Thursby", "Nigel Ormerod"))
m["declarations"] = [declaration(
    p, "Clare Dabrowski", "63",
    "disclosable pecuniary interest: owner of a day nursery funded for the early education entitlements",
    "Councillor Clare Dabrowski declared a disclosable pecuniary interest")]
m["resolutions"] = [
    resolution(p, m, "60", ["That the minutes of the meeting of the Committee held on 15 July 2025 be approved as a correct record and signed by the Chair."]),
    resolution(p, m, "62", ["(1) That the Youth Service Offer 2025-2027 be endorsed.",
                            "(2) That the Committee recommends to Cabinet that the Kellingford Youth Council be involved in an annual review of the offer."]),
    resolution(p, m, "63", ["That the Early Years Sufficiency Assessment 2025 be noted."]),
    resolution(p, m, "64", ["That the performance report for Quarter 1 2025/26 be noted."]),
    resolution(p, m, "65", ["That the work programme be agreed, subject to the addition of a report on children missing education to the meeting on 20 January 2026."]),
]
m["actions"] = [
    action(p, m, "K1", "62", "The Service Manager agreed to circulate a map of youth provision in each ward, including voluntary sector provision, to all Members of the Committee.",
           "Service Manager, Youth Service", None),
    action(p, m, "K2", "62", "(2) That the Committee recommends to Cabinet that the Kellingford Youth Council be involved in an annual review of the offer.",
           "Cabinet", None),
    action(p, m, "K3", "63", "Members requested that take-up of the new entitlement for working parents of children aged nine months and over be reported to the Committee at its November meeting.",
           None, "November meeting"),
    action(p, m, "K4", "65", "That the work programme be agreed, subject to the addition of a report on children missing education to the meeting on 20 January 2026.",
           None, "20 January 2026"),
]
paper(p.rel, "meeting-page", "modern.gov-agenda-and-minutes", "2025-09-23",
      contract(KELLINGFORD, [m]))
K_SEPT = (p, m)

p = Paper("modgov/2025-11-25-children-young-people-scrutiny.txt")
m = meeting(KCYP, "2025-11-25", "18:00", "Council Chamber, Civic Centre, Kellingford", "minutes",
            next_meeting="2026-01-20")
m["items"] = items(p, [
    ("67", "Apologies for Absence", None), ("68", "Declarations of Interest", None),
    ("69", "Minutes of the Previous Meeting", None), ("70", "Public Questions", None),
    ("71", "Expanded Childcare Entitlements: Take-up", None),
    ("72", "Children's Social Care Workforce Strategy 2025-2028", None),
    ("73", "Children's Services Annual Complaints Report 2024/25", None),
    ("74", "Scrutiny Work Programme 2025/26", None), ("75", "Date of Next Meeting", None)],
    modgov_item)
m["attendance"]["apologies"] = ["Ewan Fitzsimmons", "Leanne Corbould"]
m["attendance"]["substitutes"] = subs(("Kevin Thursby", "Ewan Fitzsimmons"))
m["resolutions"] = [
    resolution(p, m, "69", ["That the minutes of the meeting of the Committee held on 23 September 2025 be approved as a correct record and signed by the Chair."]),
    resolution(p, m, "71", ["That the report on take-up of the expanded childcare entitlements be noted."]),
    resolution(p, m, "72", ["(1) That the draft Children's Social Care Workforce Strategy 2025-2028 be supported.",
                            "(2) That the Committee recommends to Cabinet that the strategy include a target for reducing the proportion of agency social workers to 10% by March 2028."]),
    resolution(p, m, "73", ["That the Annual Complaints Report 2024/25 be noted."]),
    resolution(p, m, "74", ["That the work programme be agreed."]),
]
m["actions"] = [
    action(p, m, "K5", "71", "The Head of Early Years undertook to provide Members with the number of childminders in each ward.",
           "Head of Early Years", None),
    action(p, m, "K6", "72", "It was agreed that the vacancy rate, the proportion of agency social workers and average caseloads would be included in the quarterly performance report from Quarter 3.",
           None, "from Quarter 3"),
    action(p, m, "K7", "72", "(2) That the Committee recommends to Cabinet that the strategy include a target for reducing the proportion of agency social workers to 10% by March 2028.",
           "Cabinet", None),
]
paper(p.rel, "meeting-page", "modern.gov-agenda-and-minutes", "2025-11-25",
      contract(KELLINGFORD, [m]))
K_NOV = (p, m)

# ============================================================ the action tracker

def ref(pm, item, snippet, note=None):
    p, m = pm
    line = p.find(snippet, after=item_line(m, item) - 1 if item else 0)
    if item:
        within(p, m, item, line, snippet)
    out = {"paper": p.rel, "item": item, "line": line, "text": snippet}
    if note:
        out["note"] = note
    return out


def rep(p, snippet, item=None, note=None):
    out = {"paper": p.rel, "item": item, "line": p.find(snippet, unique=True), "text": snippet}
    if note:
        out["note"] = note
    return out


ANSWERED_ON = {  # the date the paper gives for the answer, else the date of the answering meeting
    "J1": "2025-06-19", "J3": "2025-06-24", "J4": "2025-09-16", "J5": "2025-09-16",
    "J6": "2025-06-17", "J7": "2025-10-03", "J8": "2025-11-18", "J9": "2025-09-04",
    "B1": "2025-08-12", "B2": "2026-01-20", "B3": "2025-07-29", "B5": "2025-11-18",
    "S1": "2025-10-03", "S2": "2025-09-30", "S3": "2025-10-01", "S4": "2025-10-10",
    "S5": "2025-11-18", "S6": "2025-09-23", "S7": "2025-11-18", "S8": "2025-12-02",
    "S10": "2026-03-17", "N1": "2025-12-02", "N4": "2025-12-12", "N5": "2025-12-11",
    "A1": "2026-02-02", "A5": "2026-02-03", "A6": "2026-02-05",
    "K1": "2025-10-06", "K2": "2025-10-14", "K3": "2025-11-25",
}
KELLINGFORD_END = "2025-11-25"   # the last Kellingford page


def track(aid, status, due_date=None, answered_by=(), progress=(), follows=None, note=None):
    src = None
    for rel, entry in PAPERS.items():
        for mt in entry["record"]["meetings"]:
            for a in mt["actions"]:
                if a.get("id") == aid:
                    src = (rel, mt, a)
    if src is None:
        raise SystemExit(f"no action {aid}")
    rel, mt, a = src
    end = KELLINGFORD_END if rel.startswith("modgov/") else YEAR_END
    answered_on = ANSWERED_ON.get(aid)
    if (status == "answered") != bool(answered_on):
        raise SystemExit(f"{aid}: answered_on must be given exactly for answered actions")
    t = {"id": aid, "paper": rel, "meeting_date": mt["date"], "item": a["item"],
         "line": a["line"], "text": a["text"], "owner": a["owner"], "due": a["due"],
         "due_date": due_date, "status": status, "answered_on": answered_on,
         "answered_late": bool(answered_on and due_date and answered_on > due_date),
         "overdue_at_year_end": bool(status != "answered" and due_date and due_date <= end),
         "answered_by": list(answered_by), "progress": list(progress)}
    if follows:
        t["follows"] = follows
    if note:
        t["note"] = note
    TRACKER.append(t)


# June 2025
track("J1", "answered", "2025-06-24", answered_by=[
    ref(JULY, "3", "The Assistant Director, Education, SEND and Inclusion confirmed that a written response had been sent to Mr Reaney on 19 June 2025.")])
track("J2", "open", None, note="No later paper records that the forecast was shared. The Holmfleet question returns in March 2026 (minute CYP/58/25) but the forecast itself is never reported.")
track("J3", "answered", None, answered_by=[
    ref(JULY, "3", "The breakdown of re-referrals to children's social care by locality requested at the meeting on 10 June had been circulated")])
track("J4", "answered", "2025-09-16", answered_by=[
    rep(Q1P, "At its meeting on 10 June 2025 the Committee asked that future performance reports include statistical neighbour comparators", item="7"),
    rep(SEPT_AGENDA[0], "Item 7 includes, for the first time, the average for Fenmoor's statistical neighbours", item="7", note="agenda notes for members")])
track("J5", "answered", "2025-09-16", answered_by=[
    ref(SEPT_AGENDA, "6", "6.\tEHC Needs Assessment Timeliness: Recovery Plan."),
    ref(SEPT_MIN, "CYP/27/25", "setting out the recovery plan for the timeliness of EHC needs assessments, which the Committee had requested at its meeting on 10 June 2025")])
track("J6", "answered", None, answered_by=[
    ref(JULY_AGENDA, "5", "Attached for information is the reply of the Cabinet Member for Education and Skills"),
    ref(JULY, "5", "The Chair reported that, as agreed at the last meeting, she had written to the Cabinet Member for Education and Skills on 17 June 2025")])
track("J7", "answered", "2025-07-15", answered_by=[
    ref(NOV_MIN, "CYP/36/25", "The information on elective home education requested at the meeting on 10 June 2025 had been circulated to members on 3 October 2025.")],
    progress=[
        ref(JULY, "3", "Dr Castellan reported that the information on elective home education requested at the last meeting was being checked against the school census and had not yet been circulated.", note="not provided by the due date"),
        ref(SEPT_MIN, "CYP/24/25", "Members noted that the information on elective home education requested at the meeting on 10 June 2025 had still not been received.", note="chased; renewed as S1")],
    note="Answered late: due 15 July 2025, circulated 3 October 2025.")
track("J8", "answered", "2025-11-18", answered_by=[
    ref(NOV_AGENDA, "8", "8.\tChildren and Young People's Emotional Wellbeing and Mental Health."),
    ref(NOV_MIN, "CYP/39/25", "which the Committee had added to its work programme on 10 June 2025")])
track("J9", "answered", "2025-09-16", answered_by=[
    ref(SEPT_MIN, "CYP/24/25", "Eight members of the Committee had attended the visit to the Multi-Agency Safeguarding Hub on 4 September 2025.")],
    progress=[ref(JULY, "3", "a visit to the Multi-Agency Safeguarding Hub had been arranged for Thursday 4 September 2025", note="arranged")])

# July 2025
track("B1", "answered", None, answered_by=[
    ref(SEPT_MIN, "CYP/24/25", "The figures on children in care placed more than 20 miles from their home address, broken down by placement type, requested at the meeting on 15 July 2025 had been circulated to members on 12 August 2025.")])
track("B2", "answered", "2026-01-20", answered_by=[
    ref(JAN_AGENDA, "7", "7.\tFostering Recruitment and Retention."),
    ref(JAN_MIN, "CYP/50/25", "introduced the report, which had been requested by the Committee on 15 July 2025.")])
track("B3", "answered", "2025-09-15", answered_by=[
    ref(SEPT_MIN, "CYP/24/25", "The Committee's recommendation on the Placement Sufficiency Strategy had been considered by the Cabinet on 29 July 2025.")],
    note="A recommendation to the executive: the response is due within two months.")
track("B4", "open", "2025-09-30",
      note="Never reported or chased in any later paper: overdue at the end of the year.")
track("B5", "answered", "2025-11-18", answered_by=[
    rep(NOV_AGENDA[0], "As the Committee requested on 15 July 2025, the Cabinet Member for Education and Skills, Councillor P. Lindqvist, will attend for this item.", item="10", note="agenda notes for members"),
    ref(NOV_MIN, "CYP/41/25", "attended for this item at the Committee's invitation")])

# September 2025
track("S1", "answered", "2025-09-30", follows="J7", answered_by=[
    ref(NOV_MIN, "CYP/36/25", "The information on elective home education requested at the meeting on 10 June 2025 had been circulated to members on 3 October 2025.")],
    note="Answered a few days after the two weeks promised.")
track("S2", "answered", None, answered_by=[
    ref(NOV_MIN, "CYP/36/25", "The Cabinet Member for Education and Skills had informed members on 30 September 2025 that transport had not been in place on the first day of the autumn term for 27 pupils with SEND")])
track("S3", "answered", None, answered_by=[
    rep(Q2P, "From 1 October 2025 the SEND service standards include a commitment that families will be contacted by their named officer within five working days", item="9")])
track("S4", "answered", None, answered_by=[
    ref(NOV_MIN, "CYP/36/25", "The first monthly EHC timeliness dashboard had been circulated to members on 10 October 2025")])
track("S5", "answered", "2025-11-18", answered_by=[
    rep(Q2P, "At its meeting on 16 September 2025 the Committee resolved that progress against the EHC needs assessment recovery trajectory should be reported", item="9"),
    rep(Q3P, "In Quarter 3, 51.2% of new EHC plans were issued within 20 weeks", item="7")])
track("S6", "answered", None, answered_by=[
    ref(NOV_MIN, "CYP/36/25", "The Head of Performance and Intelligence had confirmed that the figure of 38.6% shown at Appendix A of the Quarter 1 performance report was correct")])
track("S7", "answered", "2025-11-18", answered_by=[
    rep(Q2P, "The Committee asked in September for the reasons for the fall in the proportion of care leavers aged 19 to 21 in suitable accommodation.", item="9"),
    ref(NOV_MIN, "CYP/40/25", "welcomed the explanation in the report of the fall in the proportion of care leavers in suitable accommodation")])
track("S8", "answered", None, answered_by=[
    ref(JAN_MIN, "CYP/46/25", "The Chair reported that he had written to the Chief Executive of NHS Fenmoor and Wythe Integrated Care Board on 2 December 2025")],
    progress=[ref(NOV_MIN, "CYP/36/25", "had not been sent, following the change of Chair", note="not sent when the Chair changed; renewed as N1"),
              ref(MAR_MIN, "CYP/56/25", "The Chair reported that a reply to his letter of 2 December 2025 had been received", note="reply received")],
    note="The owner (the Chair) changed part-way: Councillor Achterberg left the Committee in October 2025.")
track("S9", "open", "2026-09-30",
      note="Due with the Partnership's 2025/26 annual report, after the end of this municipal year.")
track("S10", "answered", "2026-03-17", answered_by=[
    ref(MAR_AGENDA, "6", "6.\tSchool Attendance and Persistent Absence."),
    ref(MAR_MIN, "CYP/59/25", "The Committee had requested, at its meeting on 16 September 2025, a report on school attendance and persistent absence.")])

# November 2025
track("N1", "answered", "2025-11-30", follows="S8", answered_by=[
    ref(JAN_MIN, "CYP/46/25", "He apologised that the letter had been sent a few days later than he had promised.")],
    note="Answered late: promised by the end of November, sent on 2 December 2025.")
track("N2", "open", "2026-01-20", progress=[
    ref(JAN_MIN, "CYP/46/25", "Members noted that the waiting time data for neurodevelopmental assessments by age band, requested from the Integrated Care Board at the meeting on 18 November 2025, had not been received.", note="chased; see A1"),
    ref(MAR_MIN, "CYP/56/25", "The data had still not been received.", note="still outstanding; see M1")],
    note="Never answered during the year: overdue.")
track("N3", "deferred", "2026-03-17", progress=[
    ref(JAN_MIN, "CYP/52/25", "the follow-up report on CAMHS waiting times were scheduled for the March meeting", note="still planned in January"),
    ref(MAR_MIN, "CYP/61/25", "had been deferred to June 2026 at the request of the Integrated Care Board", note="deferred to June 2026")],
    note="Not on the March 2026 agenda: past its due date and rescheduled.")
track("N4", "answered", "2026-01-20", answered_by=[
    ref(JAN_MIN, "CYP/46/25", "The briefing note on repeat child protection plans requested at the meeting on 18 November 2025 had been circulated to members on 12 December 2025.")])
track("N5", "answered", "2026-01-18", answered_by=[
    ref(JAN_AGENDA, "6", "6.\tCabinet response to the Committee's recommendations on the Post-16 Transport Policy 2026/27."),
    ref(JAN_MIN, "CYP/49/25", "The Committee received the response of the Cabinet, made at its meeting on 11 December 2025")],
    note="Recommendations to the executive: response due within two months; received on 11 December 2025.")

# January 2026
track("A1", "answered", "2026-03-17", follows="N2", answered_by=[
    ref(MAR_MIN, "CYP/56/25", "The Overview and Scrutiny Officer had written to the Integrated Care Board on 2 February 2026")],
    note="The request was made; the data itself (N2) was still not received.")
track("A2", "open", None, note="No later paper records the meeting with Mrs Whitlock.")
track("A3", "open", "2026-07-20", note="Due in six months' time, after the end of this municipal year.")
track("A4", "open", "2026-03-20", progress=[
    ref(MAR_MIN, "CYP/56/25", "The Cabinet's response to the Committee's recommendation of 20 January 2026 on a council tax reduction for foster carers would be considered at the Cabinet meeting on 26 March 2026.", note="response pending")],
    note="Recommendation to the executive: the response is due within two months and is still pending at the last meeting.")
track("A5", "answered", "2026-02-05", answered_by=[
    ref(MAR_MIN, "CYP/56/25", "The modelling behind the assumed reduction in external residential placements, requested at the meeting on 20 January 2026, had been circulated")])
track("A6", "answered", "2026-02-05", answered_by=[
    ref(MAR_MIN, "CYP/56/25", "The Committee's comments on the Children's Services budget proposals had been reported to the Cabinet on 5 February 2026.")])
track("A7", "open", "2026-06-09", note="Scheduled for June 2026, after the end of this municipal year.")

# March 2026
track("M1", "open", "2026-06-09", follows="N2")
track("M2", "open", "2026-04-30")
track("M3", "open", None)
track("M4", "open", None)
track("M5", "open", "2026-06-09")
track("M6", "open", "2026-03-31")

# Kellingford
track("K1", "answered", None, answered_by=[
    ref(K_NOV, "69", "the map of youth provision in each ward had been circulated to Members on 6 October 2025")])
track("K2", "answered", None, answered_by=[
    ref(K_NOV, "69", "the Cabinet had agreed on 14 October 2025 that the Kellingford Youth Council should take part in an annual review")])
track("K3", "answered", "2025-11-25", answered_by=[
    ref(K_NOV, "71", "as requested by the Committee on 23 September 2025 (minute 63)")])
track("K4", "open", "2026-01-20", progress=[
    ref(K_NOV, "74", "The report on children missing education remained scheduled for the meeting on 20 January 2026.")],
    note="Due after the last Kellingford page.")
track("K5", "open", None)
track("K6", "open", None)
track("K7", "open", None)

# ============================================================ people, measures, discrepancies

def variant(rel, text, note=None):
    p = Paper(rel)
    out = {"paper": rel, "text": text, "line": p.find(text)}
    if note:
        out["note"] = note
    return out


PEOPLE = [
    {"name": "Philippa Threlfall", "kind": "councillor", "variants": [
        variant("fenmoor/2025-06-10-agenda.txt", "Councillor Philippa Threlfall"),
        variant("fenmoor/2025-06-10-minutes.txt", "Councillor Pippa Threlfall", "familiar first name"),
        variant("fenmoor/2025-09-16-minutes.txt", "Cllr P. Threlfall"),
        variant("fenmoor/2025-11-18-minutes.txt", "Councillor Threlfal", "misspelt surname"),
        variant("fenmoor/2026-03-17-minutes.txt", "Cllr Philippa Threlfall")]},
    {"name": "Desmond Okafor-Reid", "kind": "councillor", "variants": [
        variant("fenmoor/2025-06-10-minutes.txt", "Councillor Desmond Okafor-Reid (Vice-Chair)"),
        variant("fenmoor/2025-11-18-minutes.txt", "Councillor D. Okafor Reid", "hyphen dropped"),
        variant("fenmoor/2026-03-17-minutes.txt", "Cllr Desmond Okafor-Reid (Chair)")]},
    {"name": "Gareth Penhaligon", "kind": "councillor", "variants": [
        variant("fenmoor/2025-06-10-minutes.txt", "Councillor Gareth Penhaligon"),
        variant("fenmoor/2025-07-15-minutes.txt", "Councillor Gareth Penhalligon", "misspelt surname")]},
    {"name": "Martin Dunmore-Price", "kind": "councillor", "variants": [
        variant("fenmoor/2025-06-10-minutes.txt", "Councillor Martin Dunmore-Price"),
        variant("fenmoor/2026-03-17-minutes.txt", "Cllr Martin Dunmore Price", "hyphen dropped")]},
    {"name": "Rosalind Achterberg", "kind": "councillor", "variants": [
        variant("fenmoor/2025-06-10-minutes.txt", "Councillor Rosalind Achterberg (Chair)"),
        variant("fenmoor/2025-09-16-minutes.txt", "Councillor R. Achterberg (Chair)"),
        variant("fenmoor/2025-11-18-minutes.txt", "Councillor R. Achterberg – Cabinet Member for Adult Social Care and Public Health", "now a Cabinet Member")]},
    {"name": "Marcus Delahaye", "kind": "officer", "variants": [
        variant("fenmoor/2025-06-10-minutes.txt", "Marcus Delahaye (Head of Performance and Intelligence)"),
        variant("fenmoor/2025-09-16-minutes.txt", "M. Delahay – Head of Performance and Intelligence", "misspelt surname"),
        variant("fenmoor/2025-11-18-minutes.txt", "M. Delahaye – Head of Performance and Intelligence")]},
    {"name": "Farida Castellan", "kind": "officer", "variants": [
        variant("fenmoor/2025-06-10-minutes.txt", "Dr Farida Castellan (Assistant Director, Education, SEND and Inclusion)"),
        variant("fenmoor/2025-09-16-minutes.txt", "Dr F. Castellan – Assistant Director, Education, SEND and Inclusion")]},
    {"name": "Neville Gatward", "kind": "cabinet member", "variants": [
        variant("fenmoor/2025-06-10-minutes.txt", "Councillor Neville Gatward (Cabinet Member for Children's Services)"),
        variant("fenmoor/2026-03-17-minutes.txt", "Cllr Neville Gatward, Cabinet Member for Children's Services")]},
]

MEMBERSHIP_CHANGES = [
    {"date": "2025-05-20", "change": "Annual Meeting of the County Council appoints Rosalind Achterberg Chair and Desmond Okafor-Reid Vice-Chair; Connor Fairbrass and Sunita Marwaha join the Committee.",
     "evidence": variant("fenmoor/2025-06-10-minutes.txt", "who had joined the Committee following the Annual Meeting of the County Council on 20 May 2025")},
    {"date": "2025-10-23", "change": "Rosalind Achterberg appointed to the Cabinet and leaves the Committee; the County Council appoints Desmond Okafor-Reid Chair and Yvonne Stallard a member.",
     "evidence": variant("fenmoor/2025-11-18-minutes.txt", "had appointed Councillor D. Okafor-Reid as Chair of the Committee for the remainder of the municipal year")},
    {"date": "2025-11-18", "change": "Hazel Quennell appointed Vice-Chair by the Committee.",
     "evidence": variant("fenmoor/2025-11-18-minutes.txt", "RESOLVED that Councillor H. Quennell be appointed Vice-Chair")},
]


def measure_names():
    out = {}
    for rel, entry in PAPERS.items():
        for ind in entry["record"]["indicators"]:
            names = out.setdefault(ind["measure"], [])
            if not names or names[-1]["name"] != ind["name"] or names[-1]["paper"] != rel:
                names.append({"paper": rel, "name": ind["name"], "line": ind["line"]})
    return out


def worse_runs():
    """Measures whose direction was 'Worsening' in two reports running (Q1 and Q2)."""
    runs = []
    reports = [r for r in PAPERS if PAPERS[r]["kind"] == "report"]
    dirs: dict[str, list[tuple[str, str | None]]] = {}
    for rel in reports:
        for ind in PAPERS[rel]["record"]["indicators"]:
            if "england" in ind:
                dirs.setdefault(ind["measure"], []).append((rel, ind.get("direction")))
    for ref_, seq in dirs.items():
        for (r1, d1), (r2, d2) in zip(seq, seq[1:]):
            if d1 == "Worsening" and d2 == "Worsening":
                runs.append({"measure": ref_, "papers": [r1, r2]})
    return runs


DISCREPANCIES = [{
    "measure": "ED01", "period": "Q1 2025/26",
    "narrative": rep(Q1P, "41.3% of new EHC plans issued within 20 weeks", item="7"),
    "narrative_value": "41.3",
    "table": {"paper": Q1P.rel, "line": Q1P.starts("ED01\t"), "value": "38.6"},
    "raised_in": ref(SEPT_MIN, "CYP/28/25", "paragraph 5.1 of the report stated that 41.3% of new EHC plans had been issued within 20 weeks"),
    "resolved_in": ref(NOV_MIN, "CYP/36/25", "the figure of 38.6% shown at Appendix A of the Quarter 1 performance report was correct"),
    "correct_value": "38.6"}]

LAYOUTS = {
    "fenmoor-classic": "June and July 2025. Agenda front sheet with 'Date:/Time:/Venue:' lines, one member a line, items '1. Title<TAB>pages'. Minutes with attendance in groups (Committee Members, Co-opted Members, Substitutes, Officers, Others Present), items numbered '1.' per meeting, 'Resolved:' blocks with numbered clauses.",
    "fenmoor-tabbed": "From September 2025. Agenda with 'Meeting:/Date/Time:/Location:/Contact:' tab-separated lines, two members a line separated by a tab, items '1.<TAB>Title.<TAB>Report by<TAB>(Pages x - y)'.",
    "fenmoor-cyp-references": "September 2025 to January 2026 minutes. Running minute references 'CYP/22/25<TAB>UPPER-CASE TITLE', 'PRESENT:' with 'Councillors A, B and C' lists, 'IN ATTENDANCE:' and 'OFFICERS:' with initials and en-dash roles, 'RESOLVED that:' with (a)/(b) clauses, lettered matters arising.",
    "fenmoor-cyp-references-worcestershire-attendance": "March 2026 minutes. Same running references but 'CYP/54/25 Title Case' headings, a 'Present:' paragraph of 'Cllr' names wrapped over lines, 'Also attended:' mixing Cabinet Members and officers, 'Available Papers', and an exempt item under Schedule 12A paragraph 3.",
    "performance-periods-as-columns": "Q4 2024/25 report: table columns are the two quarters, values printed with '%', England comparator only.",
    "performance-previous-latest": "Q1 to Q3 2025/26 reports: Previous period/value, Latest period/value, direction of travel, target, RAG, England and statistical neighbours; measure names drift between quarters; 'Page N' lines are page furniture.",
    "modern.gov-agenda-and-minutes": "Kellingford Borough Council pages saved from a browser: breadcrumb, 'Agenda and minutes', committee and date line, Venue/Contact, 'Items / No. Item', each item as 'NN.' then title, description, 'Minutes:' and the minute text, with 'PDF NNN KB' link residue.",
}


def main() -> None:
    data = {
        "schema": "scrutiny.examples/1",
        "about": "Answers for the fictional example papers in examples/. 'papers' holds, per file, the record a correct `scrutiny extract --json` should produce (the contract of shared/eval/SCHEMA.md) plus a few facts about the paper; 'actions' tracks every action across meetings; line numbers are 1-based lines of the file. Generated by examples/tools/build_expected.py.",
        "year_end": YEAR_END,
        "papers": PAPERS,
        "actions": TRACKER,
        "people": PEOPLE,
        "membership_changes": MEMBERSHIP_CHANGES,
        "measures": measure_names(),
        "worse_two_periods_running": worse_runs(),
        "discrepancies": DISCREPANCIES,
        "layouts": LAYOUTS,
    }
    # every action in a record is tracked exactly once
    ids = [a["id"] for e in PAPERS.values() for mt in e["record"]["meetings"] for a in mt["actions"]]
    assert sorted(ids) == sorted(t["id"] for t in TRACKER), "tracker and records disagree"
    assert len(ids) == len(set(ids)), "duplicate action id"
    date.fromisoformat(YEAR_END)
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(EXAMPLES.parent)}: {len(PAPERS)} papers, {len(TRACKER)} actions")


if __name__ == "__main__":
    main()
