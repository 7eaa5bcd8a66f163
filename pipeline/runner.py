"""The batch: inputs -> nlp.pipe -> records -> sorted, atomically written JSONL files.

``process_texts`` is pure per document (same text and date, same records), so the batch can be
mapped over any distributed engine; ``run_extract`` adds the file handling around it.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from models.records import (
    TEXT_DATE_SOURCES,
    DateSource,
    DocumentRecord,
    ErrorRecord,
    RecordCounts,
    WarningRecord,
)
from pipeline import __version__
from pipeline.engines import dask_outcomes, local_outcomes
from pipeline.export import DocRecords, doc_records
from pipeline.io import (
    PIECE_CHARS,
    InputDoc,
    InputError,
    SortedSpool,
    atomic_write,
    discover,
    dump_line,
    read_input,
    read_jsonl,
    split_pieces,
)
from pipeline.link import document_series

# What the batch yields per input: the input, its records (None on failure) and its line.
Result = tuple[InputDoc, "DocRecords | None", "DocumentRecord | ErrorRecord"]
OUTPUT_TYPES = ("documents", "leaders", "quotes", "bodies", "figures", "errors")
MANIFEST = "manifest.json"


def fingerprint(model: str) -> str:
    """Return a hash of the pipeline's code, data files and base model name.

    ``--incremental`` reuses a document's records only when this and its sha256 are unchanged.
    """
    digest = hashlib.sha256(f"{__version__}|{model}".encode())
    root = resources.files("pipeline")
    paths: list[Any] = []
    stack = [root]
    while stack:
        node = stack.pop()
        for child in node.iterdir():
            if child.is_dir():
                if child.name != "__pycache__":
                    stack.append(child)
            elif child.name.endswith((".py", ".jsonl", ".json")):
                paths.append(child)
    for path in sorted(paths, key=lambda p: str(p)):
        digest.update(str(path).replace(str(root), "").encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


_FAILURES: dict[tuple[str, int], str] = {}
# user_data key of the folder where a worker process leaves the message of a failed piece.
_FAIL_DIR = "summit_fail_dir"


def _failure_file(folder: str, key: tuple[str, int]) -> Path:
    name = hashlib.sha1(json.dumps(list(key)).encode()).hexdigest()
    return Path(folder) / f"{name}.txt"


def _on_component_error(proc_name: str, proc: Any, docs: list[Doc], err: Exception) -> None:
    """spaCy error handler: remember why a piece failed instead of killing the whole batch.

    spaCy drops a doc whose component raised (it is not yielded on); ``process_texts`` notices
    the gap in the output order and turns it into an errors.jsonl line with this message. With
    ``--workers N`` the handler runs in a worker process, whose memory the main process never
    sees, so the message is also written to a file in the folder the doc carries; the worker
    writes it before it sends the batch back, so it is there when the gap is noticed.
    """
    for doc in docs:
        doc_id, offset = doc.user_data.get("summit_piece", ("?", 0))
        message = f"{proc_name}: {type(err).__name__}: {err}"
        folder = doc.user_data.get(_FAIL_DIR)
        if not folder:
            _FAILURES[(doc_id, offset)] = message
            continue
        with contextlib.suppress(OSError):  # else the generic message is reported
            _failure_file(folder, (doc_id, offset)).write_text(message, encoding="utf-8")


def _failure_message(key: tuple[str, int], folder: str) -> str:
    """Return the message recorded for a failed piece (this process or a worker), or ""."""
    message = _FAILURES.pop(key, "")
    path = _failure_file(folder, key)
    with contextlib.suppress(OSError):
        message = message or path.read_text(encoding="utf-8")
    path.unlink(missing_ok=True)
    return message


@dataclass
class RunSummary:
    """What a run did, for the one-line summary and the exit code."""

    processed: int = 0
    skipped: int = 0
    errors: list[ErrorRecord] = field(default_factory=list)
    warnings: list[WarningRecord] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def _make_docs(
    nlp: Language, item: InputDoc, limit: int, date: str | None, fail_dir: str = ""
) -> Iterator[Doc]:
    fallback = item.meta.get("date") or date
    for start, end in split_pieces(item.text, item.body_start, limit):
        doc = nlp.make_doc(item.text[start:end])
        doc._.summit_date = fallback
        doc.user_data["summit_piece"] = [item.doc_id, start]
        if fail_dir:
            doc.user_data[_FAIL_DIR] = fail_dir
        yield doc


def process_texts(
    nlp: Language,
    items: Iterable[InputDoc],
    date: str | None = None,
    workers: int = 1,
    batch_size: int = 8,
) -> Iterator[Result]:
    """Yield ``(input, records, document-or-error record)`` for each input, in input order.

    A document whose processing fails in a component yields an error record: spaCy drops such a
    doc from ``nlp.pipe``'s output, so every piece sent in is tracked in order, and a piece that
    does not come back marks its document as failed.
    """
    # Only our rule components run through the default handler (spaCy's trained pipes have their
    # own `pipe`; `nlp.set_error_handler` fails on them in 3.8), which is where we want it.
    nlp.default_error_handler = _on_component_error
    # A piece is at most PIECE_CHARS (memory) and never over spaCy's own max_length.
    limit = min(nlp.max_length, PIECE_CHARS)
    sent: deque[tuple[str, int]] = deque()
    pending: dict[str, _Pending] = {}
    with tempfile.TemporaryDirectory(prefix="summit-failures-") as fail_dir:
        yield from _pipe_pieces(
            nlp, items, date, workers, batch_size, limit, fail_dir, sent, pending
        )


def _pipe_pieces(
    nlp: Language,
    items: Iterable[InputDoc],
    date: str | None,
    workers: int,
    batch_size: int,
    limit: int,
    fail_dir: str,
    sent: deque[tuple[str, int]],
    pending: dict[str, _Pending],
) -> Iterator[Result]:
    """The body of ``process_texts``, with the folder for worker failure messages."""

    def docs() -> Iterator[Doc]:
        for item in items:
            pieces = split_pieces(item.text, item.body_start, limit)
            pending[item.doc_id] = _Pending(item, len(pieces))
            for doc in _make_docs(nlp, item, limit, date, fail_dir if workers > 1 else ""):
                doc_id, offset = doc.user_data["summit_piece"]
                sent.append((doc_id, offset))
                yield doc

    def settle(
        doc_id: str,
    ) -> Iterator[Result]:
        state = pending[doc_id]
        if len(state.done) + len(state.failed) < state.n_pieces:
            return
        del pending[doc_id]
        if state.failed:
            message = state.failed[0] or "a pipeline component failed on this document"
            yield (
                state.item,
                None,
                ErrorRecord(path=state.item.path, kind="pipeline", message=message),
            )
        else:
            yield (
                state.item,
                *_finish(state.item, sorted(state.done, key=lambda p: p[1]), nlp, date),
            )

    def drop(
        key: tuple[str, int],
    ) -> Iterator[Result]:
        pending[key[0]].failed.append(_failure_message(key, fail_dir))
        yield from settle(key[0])

    for doc in nlp.pipe(docs(), batch_size=batch_size, n_process=workers):
        key = (doc.user_data["summit_piece"][0], doc.user_data["summit_piece"][1])
        while sent and sent[0] != key:  # pieces that never came back failed in a component
            yield from drop(sent.popleft())
        if sent:
            sent.popleft()
        if pending[key[0]].n_pieces > 1:
            # Pieces wait for their siblings; export reads spans and attributes only, so the
            # token vectors (most of a processed Doc's memory) are let go now.
            doc.tensor = numpy.zeros((0, 0), dtype="float32")
        pending[key[0]].done.append((doc, key[1]))
        yield from settle(key[0])
    while sent:
        yield from drop(sent.popleft())


@dataclass
class _Pending:
    """A document whose pieces are still on their way through the pipeline."""

    item: InputDoc
    n_pieces: int
    done: list[tuple[Doc, int]] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def _finish(
    item: InputDoc, pieces: list[tuple[Doc, int]], nlp: Language, date: str | None
) -> tuple[DocRecords | None, DocumentRecord | ErrorRecord]:
    try:
        records = doc_records(item.doc_id, item.text, pieces)
    except Exception as err:  # a bug in export must cost one document, not the batch
        return None, ErrorRecord(
            path=item.path, kind="export", message=f"{type(err).__name__}: {err}"
        )
    first = pieces[0][0]
    resolved = first._.summit_doc_date
    source: DateSource = "none"
    if first._.summit_date_source in TEXT_DATE_SOURCES:  # the text dated itself
        source = first._.summit_date_source
    else:
        resolved = item.meta.get("date") or date
        source = "front_matter" if item.meta.get("date") else ("option" if date else "none")
    meta = nlp.meta
    document = DocumentRecord(
        doc_id=item.doc_id,
        path=item.path,
        sha256=item.sha256,
        encoding=item.encoding,
        chars=len(item.text),
        date=resolved,
        date_source=source,
        date_raw=item.meta.get("date_raw"),
        title=item.meta.get("title"),
        source=item.meta.get("source"),
        series=document_series(item.text),
        counts=RecordCounts(**{k: len(v) for k, v in records.by_type().items()}),
        pipeline_version=__version__,
        model=f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}-{meta.get('version', '0')}",
    )
    return records, document


def _sort_key(record: dict[str, Any]) -> list[Any]:
    return [
        record.get("doc_id", ""),
        record.get("start", 0),
        record.get("end", 0),
        record.get("id", ""),
    ]


def run_extract(
    inputs: list[str],
    out: Path,
    nlp_factory: Callable[[], Language],
    model: str,
    date: str | None = None,
    workers: int = 1,
    incremental: bool = False,
    progress: Callable[[int], Callable[[], None]] | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    partition_size: int = 16,
) -> RunSummary:
    """Extract every input into the six JSONL files of ``out``; return the run summary.

    Every input ends up as one line of documents.jsonl or errors.jsonl. Files are replaced
    atomically only at the end, so a killed run leaves the previous outputs intact.
    ``engine`` is ``local`` (``nlp.pipe`` with ``workers`` processes) or ``dask`` (partitions of
    ``partition_size`` inputs on the cluster at ``scheduler``, else on a LocalCluster of
    ``workers`` processes); the files are byte-identical either way.
    """
    summary = RunSummary()
    files, errors = discover(inputs)
    summary.errors.extend(errors)
    current_fp = fingerprint(model)
    previous: dict[str, dict[str, Any]] = {}
    if incremental and _manifest_fingerprint(out) == current_fp:
        previous = {d["doc_id"]: d for d in read_jsonl(out / "documents.jsonl")}

    seen: dict[str, str] = {}
    reuse: set[str] = set()

    def todo() -> Iterator[InputDoc]:
        """Stream the inputs to process: read lazily, so memory stays flat as the corpus grows."""
        for path in files:
            try:
                item = read_input(path)
            except InputError as err:
                summary.errors.append(err.record)
                tick()
                continue
            if item.doc_id in seen:
                summary.errors.append(
                    ErrorRecord(
                        path=item.path,
                        kind="duplicate_doc_id",
                        message=f"doc_id {item.doc_id!r} is already used by {seen[item.doc_id]}",
                    )
                )
                tick()
                continue
            seen[item.doc_id] = item.path
            old = previous.get(item.doc_id)
            if old and old.get("sha256") == item.sha256 and old.get("path") == item.path:
                reuse.add(item.doc_id)
                tick()
                continue
            for kind, message in item.warnings:  # read on the driver, whatever the engine
                summary.warnings.append(WarningRecord(path=item.path, kind=kind, message=message))
            yield item

    tick = progress(len(files)) if progress else (lambda: None)
    _ensure_dir(out)
    for stale in out.glob(".*.tmp"):  # left by a run killed while renaming into place
        stale.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="summit-spool-") as tmp:
        spools = {name: SortedSpool(Path(tmp)) for name in OUTPUT_TYPES}
        stream = todo()
        first = next(stream, None)
        if first is not None:
            items = itertools.chain([first], stream)
            outcomes = (
                dask_outcomes(items, model, date, scheduler, workers, partition_size)
                if engine == "dask"
                else local_outcomes(nlp_factory(), items, date, workers)
            )
            for records, result in outcomes:
                tick()
                if isinstance(result, ErrorRecord):
                    summary.errors.append(result)
                    continue
                summary.processed += 1
                for kind, message in records.warnings if records else []:
                    summary.warnings.append(
                        WarningRecord(path=result.path, kind=kind, message=message)
                    )
                spools["documents"].add([result.doc_id], dump_line(result))
                assert records is not None
                for name, recs in records.by_type().items():
                    for rec in recs:
                        spools[name].add(_sort_key(rec.model_dump()), dump_line(rec))
        summary.skipped = len(reuse)
        for name in OUTPUT_TYPES:  # the previous run's files are intact until the final rename
            if name == "errors" or not reuse:
                continue
            for record in read_jsonl(out / f"{name}.jsonl"):
                if record.get("doc_id") in reuse:
                    spools[name].add(
                        _sort_key(record), json.dumps(record, ensure_ascii=False, allow_nan=False)
                    )
        for error in summary.errors:
            spools["errors"].add([error.path, error.kind], dump_line(error))
        for name in OUTPUT_TYPES:
            atomic_write(out / f"{name}.jsonl", spools[name].lines())
            summary.counts[name] = spools[name].count
        atomic_write(
            out / MANIFEST,
            [
                json.dumps(
                    {"pipeline_version": __version__, "fingerprint": current_fp, "model": model}
                )
            ],
        )
    # Across documents, from the files just written (each renamed into place on its own).
    from pipeline.link import write_links

    linked = write_links(out)
    summary.counts["initiatives"] = len(linked.initiatives)
    summary.counts["people"] = len(linked.people)
    return summary


def _ensure_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def _manifest_fingerprint(out: Path) -> str | None:
    try:
        return str(json.loads((out / MANIFEST).read_text(encoding="utf-8"))["fingerprint"])
    except (OSError, ValueError, KeyError):
        return None
