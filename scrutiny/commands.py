"""Database-backed commands (ingest, stats, serve, demo, manage), registered on `cli.app`.

Each command configures Django and brings the database schema up to date first, so a new,
empty database (the default SQLite file, or DATABASE_URL) needs no set-up step.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .cli import app, fail

REPO = Path(__file__).resolve().parents[1]
# Measured with bench/portal_bench.py at 20 concurrent clients on 2 cores: 4 threads gave
# 90 requests/s and p95 313 ms, 24 threads 60 requests/s and p95 2.2 s (the threads fight
# over Python's interpreter lock, and long pages starve).
SERVE_THREADS = 4
DATABASE_URL = typer.Option(None, "--database-url", envvar="DATABASE_URL", show_envvar=True,
                            help="Database to use, e.g. sqlite:////srv/scrutiny/db.sqlite3 or "
                                 "postgres://user@host/db (default: var/scrutiny.sqlite3)")


def open_database(database_url: str | None = None) -> None:
    """Configure Django and create or update the schema, quietly."""
    from .web import migrate, setup

    setup(database_url)
    try:
        migrate()
    except Exception as exc:  # noqa: BLE001 - one readable line, not a traceback
        from django.conf import settings
        db = settings.DATABASES["default"]
        where = db.get("NAME") if db["ENGINE"].endswith("sqlite3") else \
            f"{db.get('HOST') or 'localhost'}:{db.get('PORT') or ''}/{db.get('NAME')}"
        fail(f"cannot open the database {where}: {exc}".splitlines()[0])


def run_ingest(paths: list[Path], force: bool = False, quiet: bool = False) -> int:
    """Ingest papers with a progress bar; returns the number of papers that failed."""
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeElapsedColumn)

    from .web.record.ingest import paper_paths
    from .web.record.ingest import ingest_path

    missing = [p for p in paths if not p.exists()]
    for p in missing:
        typer.echo(f"scrutiny: {p}: no such file or folder", err=True)
    files = paper_paths([p for p in paths if p.exists()])
    if not files:
        if not missing:
            typer.echo("scrutiny: no papers found (looked for .txt, .pdf, .html and .xml files)",
                       err=True)
        return max(1, len(missing))
    out = Console(stderr=False, highlight=False, soft_wrap=True)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    failed = len(missing)
    counts = {"added": 0, "updated": 0, "unchanged": 0, "failed": 0}
    with Progress(TextColumn("[bold]Ingesting[/bold] {task.description}"), BarColumn(),
                  MofNCompleteColumn(), TimeElapsedColumn(), console=err,
                  disable=quiet or not err.is_terminal, transient=True) as progress:
        task = progress.add_task("", total=len(files))
        for f in files:
            progress.update(task, description=f.name)
            r = ingest_path(f, force=force)
            counts[r.status] = counts.get(r.status, 0) + 1
            if r.status == "failed":
                failed += 1
                err.print(f"scrutiny: {r.message}", markup=False)
            elif not quiet:
                out.print(f"{r.status:<9} {f.name}: {r.summary()}", markup=False)
                for w in r.warnings:
                    out.print(f"          warning: {w}", markup=False)
            progress.advance(task)
    if not quiet:
        out.print(f"{len(files)} paper{'s' if len(files) != 1 else ''}: "
                  f"{counts['added']} added, {counts['updated']} updated, "
                  f"{counts['unchanged']} unchanged, {counts['failed']} failed", markup=False)
    return failed


@app.command()
def ingest(paths: List[Path] = typer.Argument(..., help="Papers, or folders of papers"),
           force: bool = typer.Option(False, "--force",
                                      help="Read papers again even if already ingested"),
           quiet: bool = typer.Option(False, "--quiet", "-q", help="Only report failures"),
           database_url: Optional[str] = DATABASE_URL) -> None:
    """Read papers into the database: each paper in one transaction, the same bytes only
    once, people matched across papers.  Exits non-zero if any paper could not be read."""
    open_database(database_url)
    failed = run_ingest(list(paths), force=force, quiet=quiet)
    if failed:
        raise typer.Exit(1)


def counts() -> dict[str, int]:
    from .web.actions.models import Action
    from .web.performance.models import Indicator, IndicatorValue
    from .web.record import models as m

    return {
        "councils": m.Council.objects.count(),
        "committees": m.Committee.objects.count(),
        "meetings": m.Meeting.objects.count(),
        "items": m.AgendaItem.objects.count(),
        "people": m.Person.objects.count(),
        "documents": m.Document.objects.count(),
        "passages": m.Passage.objects.count(),
        "resolutions": m.Resolution.objects.count(),
        "actions": Action.objects.count(),
        "indicators": Indicator.objects.count(),
        "indicator_values": IndicatorValue.objects.count(),
        "attendance": m.Attendance.objects.count(),
        "memberships": m.Membership.objects.count(),
        "merge_proposals": m.MergeProposal.objects.filter(status=m.MergeProposal.OPEN).count(),
    }


@app.command()
def stats(as_json: bool = typer.Option(False, "--json", help="Print the counts as JSON"),
          database_url: Optional[str] = DATABASE_URL) -> None:
    """Count what the database holds: councils, committees, meetings, items, people,
    documents, passages, resolutions, actions, indicators."""
    open_database(database_url)
    c = counts()
    if as_json:
        json.dump(c, sys.stdout, indent=1)
        sys.stdout.write("\n")
        return
    width = max(map(len, c))
    for k, v in c.items():
        typer.echo(f"{k.replace('_', ' '):<{width}}  {v:>8}")


def serve_portal(host: str, port: int, threads: int) -> None:
    from django.conf import settings
    from waitress import serve as waitress_serve

    from .web.wsgi import application

    if settings.SECRET_KEY == settings.DEV_SECRET_KEY and host not in ("127.0.0.1", "localhost",
                                                                        "::1"):
        typer.echo("scrutiny: warning: SECRET_KEY is the development key; set SECRET_KEY "
                   "before serving beyond this machine (docs/deployment.md)", err=True)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"Serving the portal on http://{shown}:{port}/  (Ctrl+C to stop)")
    waitress_serve(application, host=host, port=port, threads=threads, ident="scrutiny",
                   channel_timeout=60, connection_limit=200, _quiet=True)


@app.command()
def serve(host: str = typer.Option("127.0.0.1", help="Address to listen on"),
          port: int = typer.Option(8000, help="Port to listen on"),
          threads: int = typer.Option(SERVE_THREADS, help="Worker threads.  More connections "
                                      "than threads wait their turn; Python runs one thread "
                                      "at a time, so more threads mostly add contention"),
          database_url: Optional[str] = DATABASE_URL) -> None:
    """Serve the portal with a threaded WSGI server (waitress)."""
    open_database(database_url)
    serve_portal(host, port, threads)


def demo_papers() -> list[Path]:
    """The example papers that ship with the project; the seed papers beside the
    repository until they exist."""
    examples = REPO / "examples"
    if examples.is_dir() and any(examples.rglob("*.txt")):
        return [examples]
    seeds = REPO.parent / "shared" / "seeds"
    return [seeds] if seeds.is_dir() else []


@app.command()
def demo(host: str = typer.Option("127.0.0.1", help="Address to listen on"),
         port: int = typer.Option(8000, help="Port to listen on"),
         database_url: Optional[str] = DATABASE_URL) -> None:
    """Load the example papers and serve the portal on http://127.0.0.1:8000."""
    open_database(database_url)
    papers = demo_papers()
    if not papers:
        fail(f"no example papers found (looked in {REPO / 'examples'})")
    failed = run_ingest(papers, quiet=False)
    if failed:
        typer.echo(f"scrutiny: {failed} paper(s) could not be read; serving the rest", err=True)
    serve_portal(host, port, SERVE_THREADS)


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True,
                               "help_option_names": []})
def manage(ctx: typer.Context,
           database_url: Optional[str] = DATABASE_URL) -> None:
    """Run a Django management command, e.g. `scrutiny manage createsuperuser`."""
    open_database(database_url)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["scrutiny manage", *ctx.args])


from . import search_cli  # noqa: E402,F401  (registers `search` and `reindex`)
from .web.performance import cli as performance_cli  # noqa: E402,F401  (`indicators`)
from . import actions_cli  # noqa: E402,F401  (`actions`, `followups`, `matters-arising`, `grant`)
