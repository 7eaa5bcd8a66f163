"""Where documents are processed: in this process (``local``) or on a Dask cluster (``dask``).

An engine turns a stream of :class:`~pipeline.io.InputDoc` into ``(records, result)`` pairs, one
per input, where ``result`` is the documents.jsonl or errors.jsonl line. The driver
(``pipeline.runner.run_extract``) adds every pair to its sorted spools, so the six output files
are byte-identical whatever the engine, the number of workers or the order in which partitions
come back.

The Dask engine (``pip install -e ".[dask]"``):

- sends *partitions* of inputs (``partition_size`` documents each) to the workers and keeps at
  most ``2 × workers`` partitions in flight, so the driver's memory stays flat however many
  inputs there are;
- each worker process loads the model once (:func:`_worker_nlp`) and runs the same
  :func:`pipeline.runner.process_texts` a local run does;
- a partition whose worker dies is re-run elsewhere by the scheduler (a task on a lost worker
  is rescheduled; ``retries`` covers exceptions raised while running it). Partitions are pure —
  same texts, same records — so a re-run cannot change the output.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spacy.language import Language

from models.records import DocumentRecord, ErrorRecord
from pipeline.export import DocRecords
from pipeline.io import InputDoc

if TYPE_CHECKING:
    from distributed import Client

#: What an engine yields per input: its records (None on failure) and its line.
Outcome = tuple["DocRecords | None", "DocumentRecord | ErrorRecord"]

ENGINES = ("local", "dask")


class EngineError(RuntimeError):
    """The engine cannot run (its extra is not installed, the scheduler is unreachable)."""


def local_outcomes(
    nlp: Language, items: Iterable[InputDoc], date: str | None, workers: int
) -> Iterator[Outcome]:
    """Yield the outcome of every input, processed by ``nlp`` in this process (and its forks)."""
    from pipeline.runner import process_texts

    for _item, records, result in process_texts(nlp, items, date=date, workers=workers):
        yield records, result


# --------------------------------------------------------------------------- dask: worker side

_NLP: dict[str, Language] = {}


def _worker_nlp(model: str) -> Language:
    """Return this worker process's pipeline for ``model``, built on first use only."""
    nlp = _NLP.get(model)
    if nlp is None:
        from pipeline.nlp import build_nlp

        nlp = _NLP[model] = build_nlp(model)
    return nlp


def extract_partition(
    items: list[InputDoc], model: str, date: str | None, fault_marker: str | None = None
) -> list[Outcome]:
    """Return the outcomes of one partition (run on a Dask worker).

    ``fault_marker`` is for the kill test: when given and the file does not exist yet, the
    worker process creates it and dies at once, as a machine lost mid-partition would.
    """
    if fault_marker is not None and not Path(fault_marker).exists():
        Path(fault_marker).touch()
        os._exit(1)
    from pipeline.runner import process_texts

    nlp = _worker_nlp(model)
    return [(records, result) for _item, records, result in process_texts(nlp, items, date=date)]


# --------------------------------------------------------------------------- dask: driver side


def _partitions(items: Iterable[InputDoc], size: int) -> Iterator[list[InputDoc]]:
    part: list[InputDoc] = []
    for item in items:
        part.append(item)
        if len(part) == size:
            yield part
            part = []
    if part:
        yield part


def _connect(scheduler: str | None, workers: int) -> tuple[Client, Any]:
    """Return a client on ``scheduler``, or on a new LocalCluster of ``workers`` processes."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:
        raise EngineError(
            "the dask engine needs the 'dask' extra: pip install -e \".[dask]\""
        ) from err
    if scheduler:
        try:
            return Client(scheduler, timeout="20s"), None
        except OSError as err:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {err}") from err
    cluster = LocalCluster(
        n_workers=workers,
        threads_per_worker=1,  # spaCy's parser is not worth threads; processes use the cores
        processes=True,
        dashboard_address=None,
    )
    return Client(cluster), cluster


def dask_outcomes(
    items: Iterable[InputDoc],
    model: str,
    date: str | None,
    scheduler: str | None = None,
    workers: int = 2,
    partition_size: int = 16,
    retries: int = 2,
    fault_marker: str | None = None,
) -> Iterator[Outcome]:
    """Yield the outcome of every input, processed in partitions on a Dask cluster.

    Outcomes come in the order partitions finish; the driver's sorted spools restore the one
    order of the output files.
    """
    from distributed import as_completed

    client, cluster = _connect(scheduler, workers)
    try:
        parts = _partitions(items, partition_size)
        window = max(2, 2 * len(client.scheduler_info().get("workers", {})) or 2 * workers)

        def submit(part: list[InputDoc]) -> Any:
            return client.submit(
                extract_partition, part, model, date, fault_marker, retries=retries, pure=False
            )

        pending = as_completed([submit(p) for p in _take(parts, window)])
        for future in pending:
            outcomes = future.result()
            nxt = next(parts, None)
            if nxt is not None:
                pending.add(submit(nxt))
            yield from outcomes
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _take(parts: Iterator[list[InputDoc]], n: int) -> list[list[InputDoc]]:
    out: list[list[InputDoc]] = []
    for part in parts:
        out.append(part)
        if len(out) == n:
            break
    return out
