"""`scrutiny indicators`: list, import and template (registered from scrutiny/commands.py).

    scrutiny indicators [--council SLUG] [--format table|csv|json]
    scrutiny indicators import FILE [--council SLUG] [--partial]
    scrutiny indicators template FILE.csv|FILE.xlsx

The CSV that `--format csv` prints has the columns of the import template (one row per
value, with its source), so it can be edited and imported again.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Optional

import typer

from ...cli import app, fail
from ...commands import DATABASE_URL, open_database

indicators_app = typer.Typer(add_completion=False, help="Performance indicators: list them, "
                             "import values from CSV or Excel, write the import template.")
app.add_typer(indicators_app, name="indicators")

FORMATS = ("table", "csv", "json")


def _num(d) -> str:
    return "" if d is None else format(d.normalize(), "f")


def value_json(v) -> dict:
    source = None
    if v.document_id:
        source = {"file": v.document.source_name, "document": v.document_id, "line": v.line,
                  "page": v.page}
    elif v.source_file:
        source = {"file": v.source_file, "row": v.source_row}
    return {
        "period": v.period, "period_printed": v.period_printed, "kind": v.period_kind,
        "start": v.period_start.isoformat() if v.period_start else None,
        "end": v.period_end.isoformat() if v.period_end else None,
        "value": v.value, "number": float(v.number) if v.number is not None else None,
        "unit": v.unit, "target": v.target or None, "status": v.status or None,
        "rag": v.rag or None, "direction": v.direction or None,
        "comparators": {
            "england": float(v.england) if v.england is not None else None,
            "statistical_neighbours": float(v.statistical_neighbours)
            if v.statistical_neighbours is not None else None,
            "region": float(v.region) if v.region is not None else None,
            "region_name": v.region_name or None, "quartile": v.quartile,
            "as_printed": v.comparators or {},
        },
        "name_printed": v.name_printed,
        "meeting_date": v.meeting.date.isoformat() if v.meeting_id else None,
        "committee": v.meeting.committee.name if v.meeting_id else None,
        "source": source,
        "narrative_figures": [{"figure": f.figure, "line": f.line, "sentence": f.sentence}
                              for f in v.narrative_figures.all()],
        "other_printings": v.other_printings or [],
    }


def load(council: str | None):
    from django.db.models import Prefetch

    from ..record.models import Council
    from .models import Indicator, IndicatorValue, NarrativeFigure

    qs = Indicator.objects.select_related("council").prefetch_related(
        Prefetch("values", queryset=IndicatorValue.objects.select_related(
            "meeting__committee", "document").defer("document__text", "document__page_starts")
            .order_by("period_end", "period_start", "period")),
        Prefetch("values__narrative_figures", queryset=NarrativeFigure.objects.all()),
        "names").order_by("council__name", "service_area", "name")
    if council:
        c = Council.objects.filter(slug=council).first()
        if c is None:
            slugs = ", ".join(Council.objects.values_list("slug", flat=True)) or "none yet"
            fail(f"no council {council!r} (councils: {slugs})")
        qs = qs.filter(council=c)
    return list(qs)


@indicators_app.callback(invoke_without_command=True)
def indicators(ctx: typer.Context,
               council: Optional[str] = typer.Option(None, "--council",
                                                     help="Only this council (its slug)"),
               fmt: str = typer.Option("table", "--format",
                                       help="table, csv (the import template's columns) or "
                                            "json"),
               database_url: Optional[str] = DATABASE_URL) -> None:
    """List the performance indicators with their latest value, target, RAG and flags."""
    if ctx.invoked_subcommand is not None:
        return
    if fmt not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    open_database(database_url)
    from .analysis import flags_for, series

    inds = load(council)
    if fmt == "json":
        out = []
        for ind in inds:
            values = list(ind.values.all())
            narrative = [f for v in values for f in v.narrative_figures.all()]
            out.append({
                "id": ind.pk, "council": ind.council.name, "council_slug": ind.council.slug,
                "name": ind.name, "names_printed": sorted(n.name for n in ind.names.all()),
                "unit": ind.unit, "ref": ind.ref or None, "polarity": ind.polarity or None,
                "polarity_source": ind.polarity_source or None,
                "service_area": ind.service_area or None,
                "definition": ind.definition or None,
                "flags": [{"kind": f.kind, "title": f.title, "detail": f.detail,
                           "current": f.current} for f in flags_for(ind, values, narrative)],
                "values": [value_json(v) for v in values],
            })
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    if fmt == "csv":
        from .importer import COLUMNS

        cols = COLUMNS[:-1] + ["source_file", "source_line", "source_row"]
        w = csv.writer(sys.stdout)
        w.writerow(cols)
        for ind in inds:
            for v in ind.values.all():
                w.writerow([
                    ind.name, ind.ref, v.unit or ind.unit, ind.polarity, ind.service_area,
                    ind.definition, v.period, v.value, v.target, v.status, v.rag,
                    v.direction, _num(v.england), _num(v.statistical_neighbours),
                    v.region_name, _num(v.region), v.quartile or "", ind.council.slug,
                    v.meeting.committee.name if v.meeting_id else "",
                    v.meeting.date.isoformat() if v.meeting_id else "",
                    v.document.source_name if v.document_id else v.source_file,
                    v.line or "", v.source_row or ""])
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold", expand=False)
    for col in ("Council", "Indicator", "Unit", "Latest", "Value", "Target", "Status",
                "Flags"):
        table.add_column(col, overflow="fold")
    for ind in inds:
        values = list(ind.values.all())
        pts = series(values)
        last = pts[-1] if pts else (values[-1] if values else None)
        narrative = [f for v in values for f in v.narrative_figures.all()]
        flags = [f.title for f in flags_for(ind, values, narrative) if f.current]
        table.add_row(ind.council.name, ind.name, ind.unit,
                      last.period if last else "", last.value if last else "",
                      last.target if last else "",
                      (last.status or {"R": "Red", "A": "Amber", "G": "Green"}.get(last.rag, ""))
                      if last else "",
                      "; ".join(flags))
    Console(highlight=False, soft_wrap=False, width=200).print(table)
    typer.echo(f"{len(inds)} indicator{'s' if len(inds) != 1 else ''}")


@indicators_app.command("import")
def import_values(file: Path = typer.Argument(..., help="A CSV or Excel (.xlsx) file in the "
                                               "template's columns (docs/performance.md)"),
                  council: Optional[str] = typer.Option(None, "--council",
                                                        help="The council the rows are for "
                                                             "(its slug), unless the file "
                                                             "has a council column"),
                  partial: bool = typer.Option(False, "--partial",
                                               help="Import the good rows even if some are "
                                                    "bad (by default a bad row stops the "
                                                    "whole file)"),
                  database_url: Optional[str] = DATABASE_URL) -> None:
    """Import indicator values from CSV or Excel.  Every row is checked; errors name their
    row.  All or nothing, unless --partial.  Exit status 1 when any row was rejected."""
    if not file.exists():
        fail(f"{file}: no such file")
    open_database(database_url)
    from .importer import import_file

    r = import_file(file, council=council, partial=partial)
    for line in r.error_lines():
        typer.echo(f"scrutiny: {line}", err=True)
    if r.errors and all(n == 0 for n, _ in r.errors):
        raise typer.Exit(2)                       # the file itself cannot be read
    if r.errors and not r.committed:
        if r.rows:
            typer.echo(f"{file.name}: {len(r.errors)} of {r.rows} rows rejected; nothing "
                       f"imported" + ("" if partial else " (--partial imports the good rows)"),
                       err=True)
        raise typer.Exit(1)
    typer.echo(f"{file.name}: {r.imported} value{'s' if r.imported != 1 else ''} imported "
               f"({r.created} new indicator{'s' if r.created != 1 else ''}, {r.matched} "
               f"matched)" + (f"; {len(r.errors)} row{'s' if len(r.errors) != 1 else ''} "
                              f"rejected" if r.errors else ""))
    if r.errors:
        raise typer.Exit(1)


@indicators_app.command("template")
def template(file: Path = typer.Argument(..., help="Where to write it: .csv or .xlsx")) -> None:
    """Write the blank import template (an .xlsx has a Notes sheet on each column)."""
    from .importer import write_template

    if file.suffix.lower() not in (".csv", ".xlsx"):
        fail(f"{file}: the template is written as .csv or .xlsx")
    write_template(file)
    typer.echo(f"wrote {file}")
