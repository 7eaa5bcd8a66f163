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

from models.crossdoc import CROSSDOC_TYPES
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
    engine: Annotated[
        str,
        typer.Option(
            help="local (nlp.pipe in this process, --workers forks) or dask (needs the dask extra)."
        ),
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Dask scheduler address (tcp://host:8786); without it --engine dask starts a "
            "LocalCluster of --workers processes."
        ),
    ] = None,
    partition_size: Annotated[
        int, typer.Option(min=1, help="Documents per Dask task (--engine dask).")
    ] = 16,
) -> None:
    """Extract every input into documents/leaders/quotes/bodies/figures/errors.jsonl in --out.

    Exit 0 when every input was processed, 1 when some went to errors.jsonl, 2 for usage errors.
    """
    from pipeline.engines import ENGINES, EngineError
    from pipeline.io import iso_date
    from pipeline.runner import run_extract

    if engine not in ENGINES:
        raise _fail(f"--engine must be one of {', '.join(ENGINES)}, got {engine!r}")
    if scheduler and engine != "dask":
        raise _fail("--scheduler goes with --engine dask")
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

        try:
            summary = run_extract(
                paths,
                out,
                nlp_factory=factory,  # type: ignore[arg-type]
                model=model,
                date=date,
                workers=workers,
                incremental=incremental,
                progress=progress,
                engine=engine,
                scheduler=scheduler,
                partition_size=partition_size,
            )
        except EngineError as err:
            raise _fail(str(err)) from err
    c = summary.counts
    line = (
        f"{summary.processed} processed, {summary.skipped} skipped (unchanged), "
        f"{len(summary.errors)} errors → {out}/: {c['leaders']} leaders, {c['quotes']} quotes, "
        f"{c['bodies']} bodies, {c['figures']} figures; "
        f"{c.get('initiatives', 0)} initiatives, {c.get('people', 0)} people"
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


_SCHEMA_TYPES = {**RECORD_TYPES, **CROSSDOC_TYPES}


@app.command()
def schema(
    record: Annotated[
        str | None, typer.Argument(help=f"One of {', '.join(_SCHEMA_TYPES)}; all when omitted.")
    ] = None,
) -> None:
    """Print the JSON Schema of the output records (made from the pydantic models)."""
    if record is not None and record not in _SCHEMA_TYPES:
        raise _fail(f"unknown record type {record!r}; choose from {', '.join(_SCHEMA_TYPES)}")
    names = [record] if record else list(_SCHEMA_TYPES)
    schemas = {n: _SCHEMA_TYPES[n].model_json_schema() for n in names}
    out = schemas[names[0]] if record else schemas
    sys.stdout.write(json.dumps(out, indent=2, ensure_ascii=False) + "\n")


@app.command()
def link(
    out: Annotated[Path, typer.Argument(help="Output folder of `summit extract`.")] = Path(
        "outputs"
    ),
) -> None:
    """Group the bodies of an output folder into initiatives and its leaders into people.

    Writes initiatives.jsonl and people.jsonl into OUT (``summit extract`` does this at its end).
    Exit 2 when OUT has no documents.jsonl.
    """
    from pipeline.link import write_links

    if not (out / "documents.jsonl").exists():
        raise _fail(f"{out} holds no documents.jsonl; run `summit extract --out {out}` first")
    result = write_links(out)
    n_multi = sum(1 for r in result.initiatives if len(r.documents) > 1)
    err_console.print(
        f"{len(result.initiatives)} initiatives ({n_multi} in more than one document), "
        f"{len(result.people)} people → {out}/"
    )


@app.command()
def load(
    out: Annotated[Path, typer.Argument(help="Output folder of `summit extract`.")] = Path(
        "outputs"
    ),
    db: Annotated[Path, typer.Option("--db", help="SQLite database file (created if missing).")] = (
        Path("summit.sqlite")
    ),
) -> None:
    """Load an output folder into SQLite: an idempotent upsert by document (see README).

    Exit 2 when OUT holds no documents.jsonl.
    """
    from pipeline.load import LoadError, load_folder

    try:
        summary = load_folder(out, db)
    except LoadError as err:
        raise _fail(str(err)) from err
    changed = ", ".join(f"{n} {k}" for k, n in summary.crossdoc_changed.items())
    err_console.print(
        f"{db}: {len(summary.inserted)} documents inserted, {len(summary.replaced)} replaced, "
        f"{len(summary.deleted)} deleted, {summary.unchanged} unchanged; rows changed: {changed}"
    )


@app.command()
def bench(
    inputs: Annotated[list[str] | None, typer.Argument(help="Files or folders of texts.")] = None,
    model: Annotated[str, typer.Option(help="Base spaCy model package or path.")] = DEFAULT_MODEL,
    rounds: Annotated[int, typer.Option(min=1, help="Rounds; each text keeps its fastest.")] = 5,
    repeat: Annotated[int, typer.Option(min=1, help="Use the texts this many times.")] = 1,
    workers: Annotated[
        int,
        typer.Option(
            min=1, help="Processes for the whole-process run (reading, parse, export, writing)."
        ),
    ] = 1,
    whole_rounds: Annotated[
        int, typer.Option(min=0, help="Alternating whole-process rounds (median kept); 0 skips.")
    ] = 3,
) -> None:
    """Measure words/second of the bare base model and of the full pipeline, side by side:
    per text in one process, then whole-process (as `summit extract` runs) with --workers."""
    from pipeline.bench import run_bench, run_whole
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
    if whole_rounds and repeat == 1:
        whole = run_whole(
            inputs or ["corpus/raw"],
            model,
            workers=workers,
            rounds=whole_rounds,
            on_round=lambda i, b, f: err_console.print(
                f"whole round {i}: bare {b:,.0f} words/s, extract {f:,.0f} words/s"
            ),
        )
        typer.echo(
            f"whole process, {whole.workers} worker(s), median of {whole.rounds}: "
            f"bare {whole.bare_wps:,.0f} words/s, extract {whole.full_wps:,.0f} words/s, "
            f"ratio {whole.ratio:.3f}"
        )


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
    initiatives: Annotated[
        Path,
        typer.Option(
            help="Gold grouping of the gold bodies into initiatives; the cross-document section "
            "is skipped when the file does not exist."
        ),
    ] = Path("corpus/initiatives.json"),
) -> None:
    """Score an output folder against the gold corpus: P/R/F1 per record type and document.

    Then the cross-document section: pairwise and B-cubed P/R/F1 of the initiatives
    (``--min-f1 initiatives=F`` is a floor on its pairwise F1, ``initiatives.bcubed=F`` on B-cubed).
    Exit 0 when every --min-f1 floor holds, 1 when one fails, 2 for unreadable inputs.
    """
    from pipeline import crossdoc_eval as ce
    from pipeline import evaluate as ev

    specs = min_f1 or []
    cross_specs = [s for s in specs if s.split("=", 1)[0].startswith("initiatives")]
    try:
        floors = [ev.parse_floor(spec) for spec in specs if spec not in cross_specs]
        cross_floors = [_initiatives_floor(spec) for spec in cross_specs]
        result = ev.evaluate(gold, pred, raw)
        cross = ce.evaluate_crossdoc(initiatives, gold, pred) if initiatives.exists() else None
    except ev.EvaluationError as err:
        raise _fail(str(err)) from err
    checks = ev.check_floors(result, floors)
    console = _stdout_console()
    ev.render(result, console, show_findings=errors, floors=checks)
    cross_ok = True
    if cross is not None:
        ce.render(cross, console)
        for name, floor in cross_floors:
            value = cross.score.bcubed_f1 if name.endswith("bcubed") else cross.score.pairwise_f1
            passed = value >= floor
            cross_ok &= passed
            status = "[green]ok[/]" if passed else "[bold red]FAIL[/]"
            console.print(f"floor {name} F1 {value:.3f} ≥ {floor:.3f}: {status}")
    elif cross_floors:
        raise _fail(f"--min-f1 initiatives needs the gold grouping {initiatives}")
    if json_file is not None:
        ev.write_json(result, json_file, checks)
        if cross is not None:
            data = json.loads(json_file.read_text(encoding="utf-8"))
            data["initiatives"] = cross.to_dict()
            json_file.write_text(
                json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
            )
    if not all(check.passed for check in checks) or not cross_ok:
        raise typer.Exit(1)


def _initiatives_floor(spec: str) -> tuple[str, float]:
    from pipeline.evaluate import EvaluationError

    name, _, value = spec.partition("=")
    if name not in ("initiatives", "initiatives.bcubed"):
        raise EvaluationError(f"unknown score {name!r}: use initiatives or initiatives.bcubed")
    try:
        return name, float(value)
    except ValueError as err:
        raise EvaluationError(f"--min-f1 {spec!r}: the floor must be a number") from err


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
    doc: Annotated[str | None, typer.Argument(help="A doc_id (or a unique prefix of one).")] = None,
    pred: Annotated[Path, typer.Option(help="Output folder of `summit extract`.")] = Path(
        "outputs"
    ),
    raw: Annotated[Path, typer.Option(help="Folder of the raw texts.")] = Path("corpus/raw"),
    out: Annotated[
        Path | None, typer.Option("--out", help="Write the HTML page here instead of stdout.")
    ] = None,
    initiatives: Annotated[
        bool,
        typer.Option(
            "--initiatives", help="A timeline of the initiatives per summit series instead."
        ),
    ] = False,
    min_documents: Annotated[
        int, typer.Option(min=1, help="With --initiatives: only those in this many documents.")
    ] = 1,
) -> None:
    """Write an HTML page (displaCy) with the document's leaders, quotes, bodies and figures.

    With --initiatives: a static timeline of initiatives per summit series (no server needed).
    Exit 2 for an unknown document, a missing text or missing initiatives.
    """
    if initiatives:
        from pipeline.show_initiatives import ShowInitiativesError, render_initiatives

        try:
            page = render_initiatives(pred, min_documents)
        except ShowInitiativesError as err:
            raise _fail(str(err)) from err
    else:
        from pipeline import show as sh

        if doc is None:
            raise _fail("give a DOC to show, or --initiatives")
        try:
            page = sh.render_html(doc, pred, raw) + "\n"
        except sh.ShowError as err:
            raise _fail(str(err)) from err
    if out is None:
        sys.stdout.write(page)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(page, encoding="utf-8")
        err_console.print(f"wrote {out}")


def main() -> None:
    """Entry point for ``python -m pipeline.cli``."""
    app()


if __name__ == "__main__":
    main()
