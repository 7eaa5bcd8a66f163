"""The `summit` command: extract, evaluate, diff, show, schema, bench."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)

from models.records import RECORD_TYPES
from pipeline.nlp import DEFAULT_MODEL, ModelNotFoundError, build_nlp

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Extract leaders, quotes, proposed bodies and figures from summit texts into JSONL.",
)
err_console = Console(stderr=True)

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _fail(message: str, code: int = 2) -> typer.Exit:
    err_console.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code)


@app.command()
def extract(
    inputs: Annotated[
        list[str] | None, typer.Argument(help="Files or folders (every *.txt and *.md below).")
    ] = None,
    out: Annotated[Path, typer.Option("--out", help="Output folder.")] = Path("outputs"),
    model: Annotated[str, typer.Option(help="Base spaCy model package or path.")] = DEFAULT_MODEL,
    date: Annotated[
        str | None, typer.Option(help="YYYY-MM-DD for role mentions when the text has no date.")
    ] = None,
    workers: Annotated[int, typer.Option(min=1, help="Processes for nlp.pipe.")] = 1,
    incremental: Annotated[
        bool, typer.Option(help="Reuse records of documents unchanged since the last run in --out.")
    ] = False,
) -> None:
    """Extract every input into documents/leaders/quotes/bodies/figures/errors.jsonl in --out.

    Exit 0 when every input was processed, 1 when some went to errors.jsonl, 2 for usage errors.
    """
    from pipeline.runner import run_extract

    if date is not None and not _DATE.match(date):
        raise _fail(f"--date must be YYYY-MM-DD, got {date!r}")
    paths = inputs or ["corpus/raw"]
    missing = [p for p in paths if not Path(p).exists()]
    if missing and len(missing) == len(paths):
        raise _fail(f"no such file or folder: {', '.join(missing)}")

    def factory() -> object:
        try:
            return build_nlp(model)
        except ModelNotFoundError as err:
            raise _fail(str(err)) from err

    with Progress(
        TextColumn("[bold]extract"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        console=err_console,
        transient=False,
        disable=not err_console.is_terminal and not _force_progress(),
    ) as bar:

        def progress(total: int) -> Callable[[], None]:
            task = bar.add_task("docs", total=total, rate="")

            def tick() -> None:
                bar.advance(task)
                t = bar.tasks[task]
                if t.elapsed:
                    bar.update(task, rate=f"{t.completed / t.elapsed:.1f} docs/s")

            return tick

        summary = run_extract(
            paths,
            out,
            nlp_factory=factory,  # type: ignore[arg-type]
            model=model,
            date=date,
            workers=workers,
            incremental=incremental,
            progress=progress,
        )
    c = summary.counts
    line = (
        f"{summary.processed} processed, {summary.skipped} skipped (unchanged), "
        f"{len(summary.errors)} errors → {out}/: {c['leaders']} leaders, {c['quotes']} quotes, "
        f"{c['bodies']} bodies, {c['figures']} figures"
    )
    err_console.print(line)
    if summary.errors:
        for e in summary.errors:
            err_console.print(f"  [red]{e.kind}[/] {e.path}: {e.message}")
        raise typer.Exit(1)


def _force_progress() -> bool:
    import os

    return os.environ.get("SUMMIT_PROGRESS") == "1"


@app.command()
def schema(
    record: Annotated[
        str | None, typer.Argument(help=f"One of {', '.join(RECORD_TYPES)}; all when omitted.")
    ] = None,
) -> None:
    """Print the JSON Schema of the output records (made from the pydantic models)."""
    if record is not None and record not in RECORD_TYPES:
        raise _fail(f"unknown record type {record!r}; choose from {', '.join(RECORD_TYPES)}")
    names = [record] if record else list(RECORD_TYPES)
    schemas = {n: RECORD_TYPES[n].model_json_schema() for n in names}
    out = schemas[names[0]] if record else schemas
    sys.stdout.write(json.dumps(out, indent=2, ensure_ascii=False) + "\n")


def main() -> None:
    """Entry point for ``python -m pipeline.cli``."""
    app()


if __name__ == "__main__":
    main()
