"""Action tracker commands, registered on `cli.app` by `commands.py`:

    scrutiny actions [--committee SLUG] [--status open|overdue|all] [--format table|csv|json]
    scrutiny followups [--committee SLUG] [--json]
    scrutiny matters-arising --committee SLUG [--meeting DATE] --format pdf|docx|csv|html -o FILE
    scrutiny grant USERNAME viewer|officer|admin
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Optional

import typer

from .cli import app, fail
from .commands import DATABASE_URL, open_database

COMMITTEE = typer.Option(None, "--committee", "-c",
                         help="A committee's slug (as in its portal address), or "
                              "COUNCIL-SLUG/COMMITTEE-SLUG when two councils share it")


def find_committee(slug: str | None):
    from .web.record.models import Committee

    if not slug:
        return None
    slug = slug.strip().strip("/")
    if "/" in slug:
        council, _, name = slug.partition("/")
        found = list(Committee.objects.filter(council__slug=council, slug=name))
    else:
        found = list(Committee.objects.filter(slug=slug).select_related("council"))
    if not found:
        fail(f"no committee {slug!r} (see the committee's address in the portal)")
    if len(found) > 1:
        fail(f"{len(found)} councils have a committee {slug!r}: use one of "
             + ", ".join(f"{c.council.slug}/{c.slug}" for c in found))
    return found[0]


def parse_day(value: str | None, what: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{what} must be a date, YYYY-MM-DD (got {value!r})")


@app.command("actions")
def actions_command(
        committee: Optional[str] = COMMITTEE,
        status: str = typer.Option("open", "--status", "-s",
                                   help="open (open or in progress), overdue, or all"),
        fmt: str = typer.Option("table", "--format", "-f", help="table, csv or json"),
        as_of: Optional[str] = typer.Option(None, "--as-of",
                                            help="Judge 'overdue' on this date (YYYY-MM-DD; "
                                                 "default today)"),
        database_url: Optional[str] = DATABASE_URL) -> None:
    """List tracked actions: what was asked, when, of whom, by when, and where it is
    recorded (file and line)."""
    if status not in ("open", "overdue", "all"):
        fail(f"--status must be open, overdue or all (got {status!r})")
    if fmt not in ("table", "csv", "json"):
        fail(f"--format must be table, csv or json (got {fmt!r})")
    on = parse_day(as_of, "--as-of")
    open_database(database_url)
    from .web.actions.outputs import action_record, actions_qs, to_csv, today

    com = find_committee(committee)
    on = on or today()
    records = [action_record(a, on) for a in actions_qs(committee=com, status=status, on=on)]
    if fmt == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    if fmt == "csv":
        sys.stdout.write(to_csv(records))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(records)} action{'s' if len(records) != 1 else ''} ({status}"
                        f"{', as at ' + on.isoformat() if status == 'overdue' else ''})",
                  show_lines=False, expand=True)
    columns = [("Meeting", {"no_wrap": True}), ("Committee", {"ratio": 1}),
               ("Action", {"ratio": 4}), ("Owner", {"ratio": 1}), ("Due", {"no_wrap": True}),
               ("Status", {"ratio": 1}), ("Source", {"ratio": 1, "overflow": "fold"})]
    if com is not None:
        columns.pop(1)
    for col, kw in columns:
        table.add_column(col, **kw)
    for r in records:
        state = r["status"].replace("_", " ") + (" (overdue)" if r["overdue"] else "")
        row = [r["meeting_date"], r["committee"], r["text"], r["owner"] or "", r["due"] or "",
               state, f"{r['source'] or '?'}:{r['line'] or '?'}"]
        if com is not None:
            row.pop(1)
        table.add_row(*row)
    Console(highlight=False, soft_wrap=False).print(table)


@app.command("followups")
def followups_command(committee: Optional[str] = COMMITTEE,
                      as_json: bool = typer.Option(False, "--json", help="Print as JSON"),
                      database_url: Optional[str] = DATABASE_URL) -> None:
    """Look through later papers for follow-ups of open actions, and list the proposals
    waiting for an officer (ingest does this too, after each paper)."""
    open_database(database_url)
    from .web.actions.models import Action, FollowUp
    from .web.actions.tracker import track_all

    com = find_committee(committee)
    result = track_all(committee=com)
    qs = (FollowUp.objects.filter(status=FollowUp.PROPOSED, action__status__in=Action.ACTIVE)
          .select_related("action__meeting__committee", "action__document", "meeting", "item",
                          "document")
          .order_by("action__meeting__committee__name", "action__meeting__date", "action__line",
                    "-score"))
    if com is not None:
        qs = qs.filter(action__meeting__committee=com)
    rows = [{
        "action": f.action.text, "action_id": f.action_id,
        "meeting_date": f.action.meeting.date.isoformat(),
        "committee": f.action.meeting.committee.name,
        "source": f.action.document.source_name if f.action.document else None,
        "line": f.action.line,
        "proposal": f.get_kind_display(), "kind": f.kind,
        "evidence_meeting": f.meeting.date.isoformat(),
        "evidence_item": f.item.display_number if f.item else None,
        "evidence_source": f.document.source_name if f.document else None,
        "evidence_line": f.line, "evidence": f.excerpt, "score": f.score, "why": f.reason,
    } for f in qs]
    if as_json:
        json.dump({"new_proposals": result.proposals, "waiting": rows}, sys.stdout,
                  ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    typer.echo(f"{result.actions} actions looked at, {result.proposals} new proposal"
               f"{'s' if result.proposals != 1 else ''}; {len(rows)} waiting for an officer "
               f"(confirm or reject them in the workspace, /workspace/follow-ups/)")
    for r in rows:
        where = f"item {r['evidence_item']}, " if r["evidence_item"] else ""
        typer.echo(f"- {r['meeting_date']} {r['source']}:{r['line']}  {r['action'][:90]}\n"
                   f"    {r['kind']}: {r['evidence_meeting']}, {where}{r['evidence_source']}:"
                   f"{r['evidence_line']}  {r['evidence'][:90]}")


@app.command("matters-arising")
def matters_arising_command(
        committee: str = typer.Option(..., "--committee", "-c", help=COMMITTEE.help),
        meeting: Optional[str] = typer.Option(None, "--meeting",
                                              help="The meeting it is for (YYYY-MM-DD; default "
                                                   "the committee's next known meeting)"),
        fmt: str = typer.Option("pdf", "--format", "-f", help="pdf, docx, csv or html"),
        output: Path = typer.Option(..., "--output", "-o", help="File to write"),
        database_url: Optional[str] = DATABASE_URL) -> None:
    """Write the "Matters arising" action log for a committee's meeting."""
    if fmt not in ("pdf", "docx", "csv", "html"):
        fail(f"--format must be pdf, docx, csv or html (got {fmt!r})")
    day = parse_day(meeting, "--meeting")
    open_database(database_url)
    from .web.actions import outputs

    com = find_committee(committee)
    ma = outputs.matters_arising(com, day)
    if fmt == "pdf":
        data: bytes = outputs.render_log_pdf(ma)
    elif fmt == "docx":
        data = outputs.render_log_docx(ma)
    elif fmt == "csv":
        data = outputs.render_log_csv(ma).encode("utf-8")
    else:
        data = outputs.render_log_html(ma).encode("utf-8")
    try:
        output.write_bytes(data)
    except OSError as exc:
        fail(f"{output}: cannot write ({exc.strerror or exc})")
    typer.echo(f"{output}: {ma.title} ({len(ma.outstanding)} outstanding, "
               f"{len(ma.completed)} completed)")


@app.command("grant")
def grant_command(username: str = typer.Argument(..., help="An existing user"),
                  role: str = typer.Argument(..., help="viewer, officer or admin"),
                  database_url: Optional[str] = DATABASE_URL) -> None:
    """Give a user a workspace role: viewer (look), officer (change actions, decide
    follow-ups) or admin (also the tracker's settings)."""
    open_database(database_url)
    from django.contrib.auth import get_user_model

    from .web.actions.changes import ROLES, grant

    if role not in ROLES:
        fail(f"role must be viewer, officer or admin (got {role!r})")
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        fail(f"no user {username!r} (create one with `scrutiny manage createsuperuser` or "
             f"in /admin/)")
    grant(user, role)
    typer.echo(f"{username} is now a workspace {role}")
