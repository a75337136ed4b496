"""Human-readable summary of a PaperRecord for the terminal."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .extraction.records import PaperRecord


def print_summary(record: PaperRecord, console: Console | None = None) -> None:
    console = console or Console()
    console.print(f"[bold]{record.source}[/bold]  {record.council or 'council not stated'}  "
                  f"({record.pages} pages, {record.lines} lines)")
    for d in record.documents:
        console.print(f"  document  {d.kind:<15} lines {d.line}-{d.end_line}  {d.title}")
    for m in record.meetings:
        kind = {"agenda": "Agenda", "minutes": "Minutes", "decisions": "Decisions"}[m.record]
        console.print(f"\n[bold]{kind}[/bold]: {m.committee or 'committee not stated'}, "
                      f"{m.date or 'date not stated'} {m.time or ''} {m.venue or ''}")
        if m.members:
            console.print("  Membership: " + ", ".join(
                f"{x.name} ({x.role})" if x.role else x.name for x in m.members))
        if m.items:
            t = Table("No.", "Item", "Pages", "Line", box=None, padding=(0, 1))
            for i in m.items:
                t.add_row(i.number or "", i.title, i.pages or "", str(i.line or ""))
            console.print(t)
        a = m.attendance
        for label, people in (("Present", a.present), ("Apologies", a.apologies),
                              ("Officers", a.officers), ("Also present", a.also_present)):
            if people:
                console.print(f"  {label}: " + ", ".join(p.name for p in people))
        for s in a.substitutes:
            console.print(f"  Substitute: {s.member} for {s.substituting_for or '?'}")
        for d in m.declarations:
            console.print(f"  Declaration (line {d.line}): {d.member}, item {d.item or '-'}: "
                          f"{d.interest or ''}")
        for r in m.resolutions:
            console.print(f"  Resolved (item {r.item or '-'}, line {r.line}): {r.text}")
        for x in m.actions:
            extra = "".join([f"; owner: {x.owner}" if x.owner else "",
                             f"; due: {x.due}" if x.due else ""])
            console.print(f"  Action (item {x.item or '-'}, line {x.line}): {x.text}{extra}")
        if m.next_meeting:
            console.print(f"  Next meeting: {m.next_meeting}")
    if record.indicators:
        console.print(f"\n[bold]Performance indicators[/bold]: {len(record.indicators)} values")
        t = Table("Measure", "Period", "Value", "Target", "Status", "Line", box=None,
                  padding=(0, 1))
        for i in record.indicators:
            t.add_row(i.name[:70], i.period or "", f"{i.value}{i.unit or ''}", i.target or "",
                      i.status or "", str(i.line or ""))
        console.print(t)
    for w in record.warnings:
        console.print(f"[yellow]warning:[/yellow] {w}")
