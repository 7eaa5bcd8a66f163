"""The `summit` command: extract, evaluate, diff, show, schema, bench."""

from __future__ import annotations

import json
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
    from pipeline.io import iso_date
    from pipeline.runner import run_extract

    if date is not None and iso_date(date) is None:
        raise _fail(f"--date must be a YYYY-MM-DD calendar date, got {date!r}")
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
        + (
            f", {len(summary.warnings)} warning{'s' * (len(summary.warnings) != 1)}"
            if summary.warnings
            else ""
        )
    )
    err_console.print(line)
    for w in summary.warnings:
        err_console.print(f"  [yellow]warning {w.kind}[/] {w.path}: {w.message}")
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


@app.command()
def bench(
    inputs: Annotated[list[str] | None, typer.Argument(help="Files or folders of texts.")] = None,
    model: Annotated[str, typer.Option(help="Base spaCy model package or path.")] = DEFAULT_MODEL,
    rounds: Annotated[int, typer.Option(min=1, help="Rounds; each text keeps its fastest.")] = 5,
    repeat: Annotated[int, typer.Option(min=1, help="Use the texts this many times.")] = 1,
) -> None:
    """Measure words/second of the bare base model and of the full pipeline, side by side."""
    from pipeline.bench import run_bench
    from pipeline.io import InputError, discover, read_input

    files, errors = discover(inputs or ["corpus/raw"])
    texts = []
    for path in files:
        try:
            item = read_input(path)
        except InputError as err:
            errors.append(err.record)
            continue
        texts.append(item.text[item.body_start :])
    if not texts:
        raise _fail("no readable texts to benchmark")
    try:
        result = run_bench(
            texts * repeat,
            model,
            rounds=rounds,
            on_round=lambda i, b, f: err_console.print(
                f"round {i}: bare {b:,.0f} words/s, full {f:,.0f} words/s"
            ),
        )
    except ModelNotFoundError as err:
        raise _fail(str(err)) from err
    typer.echo(
        f"texts: {result.docs} documents, {result.words:,} words, fastest of {result.rounds} rounds per text"
    )
    typer.echo(f"machine: {result.machine}")
    typer.echo(f"bare model ({model}): {result.bare_wps:,.0f} words/s")
    typer.echo(f"full pipeline: {result.full_wps:,.0f} words/s")
    typer.echo(f"ratio full/bare: {result.ratio:.3f}")
    typer.echo(f"peak memory (RSS): {result.peak_rss_mb:,.0f} MiB")


# --------------------------------------------------------------------------- review tools
# evaluate, diff and show: thin wrappers; the work is in pipeline/evaluate.py, diff.py, show.py.


def _stdout_console() -> Console:
    # Not a terminal (a pipe, a CI log, CliRunner): a fixed wide page so tables are not squashed.
    return Console(width=None if sys.stdout.isatty() else 160)


@app.command("evaluate")
def evaluate_command(
    gold: Annotated[Path, typer.Option(help="Gold folder (<doc_id>.json).")] = Path("corpus/gold"),
    pred: Annotated[Path, typer.Option(help="Output folder of `summit extract`.")] = Path(
        "outputs"
    ),
    raw: Annotated[Path, typer.Option(help="Raw texts, for the sentences of the findings.")] = Path(
        "corpus/raw"
    ),
    json_file: Annotated[
        Path | None, typer.Option("--json", help="Also write every number to this JSON file.")
    ] = None,
    min_f1: Annotated[
        list[str] | None,
        typer.Option(
            "--min-f1",
            help="SCORE=F floor, repeatable; exit 1 when a micro F1 is below it. SCORE: leaders, "
            "leaders+country, leaders.mentions[.strict], leaders.mentions+name, quotes[.strict], "
            "quotes+speaker, bodies[.strict], bodies+proposers, figures[.strict], "
            "figures+value_unit.",
        ),
    ] = None,
    errors: Annotated[
        bool, typer.Option("--errors/--no-errors", help="List FPs, FNs and wrong attributes.")
    ] = True,
) -> None:
    """Score an output folder against the gold corpus: P/R/F1 per record type and document.

    Exit 0 when every --min-f1 floor holds, 1 when one fails, 2 for unreadable inputs.
    """
    from pipeline import evaluate as ev

    try:
        floors = [ev.parse_floor(spec) for spec in min_f1 or []]
        result = ev.evaluate(gold, pred, raw)
    except ev.EvaluationError as err:
        raise _fail(str(err)) from err
    checks = ev.check_floors(result, floors)
    ev.render(result, _stdout_console(), show_findings=errors, floors=checks)
    if json_file is not None:
        ev.write_json(result, json_file, checks)
    if not all(check.passed for check in checks):
        raise typer.Exit(1)


@app.command("diff")
def diff_command(
    old: Annotated[Path, typer.Argument(help="The old output folder (e.g. outputs).")],
    new: Annotated[Path, typer.Argument(help="The new output folder.")],
    json_file: Annotated[
        Path | None, typer.Option("--json", help="Also write the difference to this JSON file.")
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(
            "--ignore", help="A field not to compare (e.g. pipeline_version); repeatable."
        ),
    ] = None,
) -> None:
    """Show records added, removed and changed between two output folders, by document.

    Exit 0 when the folders hold the same records, 1 when they differ, 2 for unreadable inputs.
    """
    from pipeline import diff as df

    try:
        result = df.diff_folders(old, new, frozenset(ignore or []))
    except df.DiffError as err:
        raise _fail(str(err)) from err
    df.render(result, _stdout_console())
    if json_file is not None:
        df.write_json(result, json_file)
    if not result.identical:
        raise typer.Exit(1)


@app.command("show")
def show_command(
    doc: Annotated[str, typer.Argument(help="A doc_id (or a unique prefix of one).")],
    pred: Annotated[Path, typer.Option(help="Output folder of `summit extract`.")] = Path(
        "outputs"
    ),
    raw: Annotated[Path, typer.Option(help="Folder of the raw texts.")] = Path("corpus/raw"),
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the HTML page here instead of stdout.")
    ] = None,
) -> None:
    """Write an HTML page (displaCy) with the document's leaders, quotes, bodies and figures.

    Exit 2 for an unknown document or a missing text.
    """
    from pipeline import show as sh

    try:
        page = sh.render_html(doc, pred, raw)
    except sh.ShowError as err:
        raise _fail(str(err)) from err
    if out is None:
        sys.stdout.write(page + "\n")
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(page, encoding="utf-8")
        err_console.print(f"wrote {out}")


def main() -> None:
    """Entry point for ``python -m pipeline.cli``."""
    app()


if __name__ == "__main__":
    main()
