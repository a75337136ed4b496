"""`scrutiny search` and `scrutiny reindex`, registered on the typer app by importing this
module (scrutiny/commands.py does)."""
from __future__ import annotations

import json
import sys
from typing import Optional

import typer

from .cli import app, fail
from .commands import DATABASE_URL, open_database


@app.command()
def search(query: str = typer.Argument(..., help="What to look for, in your own words"),
           limit: int = typer.Option(10, "--limit", "-n", min=1, max=100,
                                     help="How many passages to show"),
           as_json: bool = typer.Option(False, "--json", help="Print the hits as JSON, "
                                        "in rank order"),
           mode: str = typer.Option("hybrid", "--mode",
                                    help="keyword, semantic, or hybrid (both, fused)"),
           council: Optional[str] = typer.Option(None, help="Only this council (slug or name)"),
           committee: Optional[str] = typer.Option(None, help="Only this committee (slug)"),
           date_from: Optional[str] = typer.Option(None, "--from",
                                                   help="Meetings on or after (YYYY-MM-DD)"),
           date_to: Optional[str] = typer.Option(None, "--to",
                                                 help="Meetings on or before (YYYY-MM-DD)"),
           kind: Optional[str] = typer.Option(None, help="Kind of paper: agenda, minutes, "
                                              "report, appendix, performance, work_programme, "
                                              "letter, other"),
           database_url: Optional[str] = DATABASE_URL) -> None:
    """Find passages of the papers, by their words and by their meaning, each with the
    paper, page and lines it is on."""
    open_database(database_url)
    from .web.search.service import SearchError
    from .web.search.service import search as run

    try:
        results = run(query, mode=mode, limit=limit, council=council, committee=committee,
                      date_from=date_from, date_to=date_to, kind=kind)
    except SearchError as exc:
        fail(str(exc))
    if as_json:
        keys = ("document", "source", "page", "line_start", "line_end", "snippet", "score",
                "meeting_date", "committee", "council", "kind", "url", "passage_id")
        json.dump({"query": results.query, "mode": results.mode,
                   "semantic": results.semantic,
                   "hits": [{k: getattr(h, k) for k in keys} for h in results.hits]},
                  sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    from rich.console import Console
    from rich.markup import escape

    from .web.search.text import MARK_END, MARK_START

    out = Console(highlight=False, soft_wrap=True)
    if results.note:
        out.print(f"[yellow]{escape(results.note)}[/yellow]")
    if not results.hits:
        out.print("No passages found.")
        raise typer.Exit(0)
    for i, h in enumerate(results.hits, start=1):
        lines = f"{h.line_start}" if h.line_start == h.line_end else \
            f"{h.line_start}-{h.line_end}"
        where = ", ".join(x for x in (h.committee, h.meeting_date) if x)
        out.print(f"[bold]{i}. {escape(h.document)}[/bold]")
        label = "line" if h.line_start == h.line_end else "lines"
        out.print(f"   {escape(h.source)} page {h.page}, {label} {lines}"
                  + (f" ({escape(where)})" if where else ""))
        marked = h.snippet_html  # escaped HTML with <mark>: show the marks in bold instead
        from html import unescape
        text = unescape(marked.replace('<mark class="scrutiny-mark">', MARK_START)
                        .replace("</mark>", MARK_END))
        text = escape(text).replace(MARK_START, "[bold yellow]").replace(MARK_END,
                                                                         "[/bold yellow]")
        out.print(f"   {text}")


@app.command()
def reindex(vectors: bool = typer.Option(True, "--vectors/--no-vectors",
                                         help="Compute passage vectors for search by meaning"),
            quiet: bool = typer.Option(False, "--quiet", "-q"),
            database_url: Optional[str] = DATABASE_URL) -> None:
    """Rebuild the search index from the papers in the database."""
    open_database(database_url)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from .web.record.models import Document
    from .web.search.backends import keyword_backend
    from .web.search.indexing import reindex as run, semantic_enabled

    if vectors and not semantic_enabled():
        typer.echo("scrutiny: search by meaning is unavailable (model not installed, or "
                   "SCRUTINY_SEMANTIC=0); indexing words only", err=True)
        vectors = False
    err = Console(stderr=True)
    n_docs = Document.objects.filter(superseded_by__isnull=True).count()
    with Progress(TextColumn("[bold]Indexing[/bold] {task.description}"), BarColumn(),
                  MofNCompleteColumn(), console=err, disable=quiet or not err.is_terminal,
                  transient=True) as progress:
        task = progress.add_task("", total=n_docs)

        def step(doc):
            progress.update(task, description=doc.source_name)
            progress.advance(task)

        total = run(step, vectors=vectors)
    backend = keyword_backend()
    if hasattr(backend, "optimize"):
        backend.optimize()
    if not quiet:
        typer.echo(f"{n_docs} papers, {total} passages indexed"
                   + (" with vectors" if vectors else " (words only)"))
