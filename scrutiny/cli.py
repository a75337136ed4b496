"""The `scrutiny` command."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Scrutiny: overview and scrutiny committee papers as a cited record.")


@app.callback()
def _root() -> None:
    """Scrutiny: overview and scrutiny committee papers as a cited record."""


def fail(message: str, code: int = 2) -> None:
    """One line on stderr, non-zero exit: never a traceback for bad input."""
    typer.echo(f"scrutiny: {message}", err=True)
    raise typer.Exit(code)


@app.command()
def extract(path: Path = typer.Argument(..., help="A paper: .txt, .pdf, .html or Modern.gov XML"),
            as_json: bool = typer.Option(False, "--json", help="Print the record as JSON "
                                         "(the contract in docs/cli.md)"),
            full: bool = typer.Option(False, "--full", help="With --json: every field, "
                                      "including pages, documents and comparators")) -> None:
    """Read one paper and print what it records: meetings, items, attendance, resolutions,
    actions and performance indicators, each with the line it came from."""
    from .extraction import extract as run
    from .reading import ReadError, read_path

    try:
        text = read_path(path)
    except ReadError as exc:
        fail(str(exc))
    record = run(text)
    if as_json:
        data = record.to_dict() if full else record.to_contract()
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    from .summary import print_summary
    print_summary(record)


def main() -> None:
    from . import commands  # noqa: F401  (registers the database-backed commands)
    app()


if __name__ == "__main__":
    main()
