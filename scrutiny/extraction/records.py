"""The PaperRecord: what one paper says, as plain dataclasses.

`PaperRecord.to_contract()` gives the JSON of `shared/eval/SCHEMA.md` (schema
"scrutiny.extract/1"); `to_dict()` gives everything, including pages and documents.
Every record that comes from a place in the paper has `line` (1-based input line) and
`page`.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = "scrutiny.extract/1"


@dataclass
class Member:
    name: str
    role: str | None = None
    line: int | None = None
    page: int | None = None


@dataclass
class Item:
    number: str | None
    title: str
    pages: str | None = None
    line: int | None = None
    page: int | None = None
    parent: str | None = None          # number of the item this is a sub-item of
    exempt: bool = False               # Schedule 12A (confidential) item
    exempt_paragraph: str | None = None
    report_by: str | None = None


@dataclass
class Attendee:
    name: str
    description: str | None = None     # role or post as printed ("Cabinet Member for ...")
    line: int | None = None
    page: int | None = None
    elected: bool = False              # printed as a councillor (or a cabinet post)


@dataclass
class Substitute:
    member: str
    substituting_for: str | None = None
    line: int | None = None
    page: int | None = None


@dataclass
class Attendance:
    present: list[Attendee] = field(default_factory=list)
    apologies: list[Attendee] = field(default_factory=list)
    substitutes: list[Substitute] = field(default_factory=list)
    officers: list[Attendee] = field(default_factory=list)
    also_present: list[Attendee] = field(default_factory=list)


@dataclass
class Declaration:
    member: str
    item: str | None = None
    interest: str | None = None
    line: int | None = None
    page: int | None = None


@dataclass
class Resolution:
    item: str | None
    text: str
    line: int | None = None
    end_line: int | None = None
    page: int | None = None


@dataclass
class Action:
    item: str | None
    text: str
    owner: str | None = None
    due: str | None = None
    kind: str = "request"   # request | commitment | letter | work_programme | circulate | report
    line: int | None = None
    end_line: int | None = None
    page: int | None = None


@dataclass
class Meeting:
    committee: str | None = None
    date: str | None = None            # ISO date
    time: str | None = None            # HH:MM, 24-hour
    venue: str | None = None
    record: str = "agenda"             # agenda | minutes | decisions
    members: list[Member] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    attendance: Attendance = field(default_factory=Attendance)
    declarations: list[Declaration] = field(default_factory=list)
    resolutions: list[Resolution] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    next_meeting: str | None = None    # ISO date
    cancelled: bool = False            # the paper says the meeting was cancelled (not in the contract)
    line: int | None = None            # where this meeting's part of the paper starts
    end_line: int | None = None


@dataclass
class Indicator:
    name: str
    period: str | None
    value: str
    unit: str | None = None
    target: str | None = None
    status: str | None = None
    line: int | None = None
    page: int | None = None
    comparators: dict[str, str] = field(default_factory=dict)   # "England": "88.6", ...
    direction: str | None = None       # direction of travel as printed
    table: str | None = None           # title / context of the table it came from
    area: str | None = None            # service area / theme printed beside the measure
    ref: str | None = None             # the council's reference for the measure ("CS04")


@dataclass
class Document:
    kind: str       # agenda | minutes | report | appendix | work_programme | performance | letter | other
    title: str
    line: int       # first line
    end_line: int
    page: int | None = None
    end_page: int | None = None
    item: str | None = None


@dataclass
class PaperRecord:
    source: str
    sha256: str = ""
    council: str | None = None
    meetings: list[Meeting] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    # measures given a status with no value printed (a lost chart): not in the contract
    statuses: list[Indicator] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    kind: str = "text"
    pages: int = 0
    lines: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_contract(self) -> dict[str, Any]:
        """The JSON of shared/eval/SCHEMA.md."""
        def names(xs):
            return [x.name for x in xs]

        meetings = []
        for m in self.meetings:
            a = m.attendance
            meetings.append({
                "committee": m.committee,
                "date": m.date,
                "time": m.time,
                "venue": m.venue,
                "record": m.record,
                "members": [{"name": x.name, "role": x.role} for x in m.members],
                "items": [{"number": x.number, "title": x.title, "pages": x.pages, "line": x.line}
                          for x in m.items],
                "attendance": {
                    "present": names(a.present),
                    "apologies": names(a.apologies),
                    "substitutes": [{"member": s.member, "substituting_for": s.substituting_for}
                                    for s in a.substitutes],
                    "officers": names(a.officers),
                    "also_present": names(a.also_present),
                },
                "declarations": [{"member": d.member, "item": d.item, "interest": d.interest,
                                  "line": d.line} for d in m.declarations],
                "resolutions": [{"item": r.item, "text": r.text, "line": r.line}
                                for r in m.resolutions],
                "actions": [{"item": x.item, "text": x.text, "owner": x.owner, "due": x.due,
                             "line": x.line} for x in m.actions],
                "next_meeting": m.next_meeting,
            })
        return {
            "schema": SCHEMA,
            "source": self.source,
            "council": self.council,
            "meetings": meetings,
            "indicators": [{"name": i.name, "period": i.period, "value": i.value, "unit": i.unit,
                            "target": i.target, "status": i.status, "line": i.line}
                           for i in self.indicators],
            "documents": [{"kind": d.kind, "title": d.title, "line": d.line,
                           "end_line": d.end_line, "item": d.item} for d in self.documents],
        }
