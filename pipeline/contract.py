"""Check an output folder against the JSONL contract, record by record.

Used by the fuzz harness (``benchmarks/fuzz.py``) over thousands of generated documents and by the
regression tests: strict JSON (no NaN/Infinity), one record per id in every file,
``value <= value_max``, ``text == doc_text[start:end]`` for every span, ISO-or-null dates.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipeline.io import InputError, iso_date, read_input

SPAN_FILES = ("leaders", "quotes", "bodies", "figures")
ID_FILES = ("documents", *SPAN_FILES)


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not JSON")


def strict_lines(path: Path) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """Yield ``(line number, object)`` for each line of ``path``, or ``(n, message)`` when the
    line is not strict JSON (Python's json accepts NaN/Infinity unless told not to)."""
    if not path.exists():
        return
    with path.open(encoding="utf-8") as handle:
        for n, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw, parse_constant=_reject_constant)
            except ValueError as err:
                yield n, f"{path.name}:{n}: not strict JSON ({err})"
                continue
            yield n, obj if isinstance(obj, dict) else f"{path.name}:{n}: not a JSON object"


def _spans(rec: dict[str, Any]) -> Iterator[tuple[int, int, str]]:
    """Every ``(start, end, text)`` a record claims about the document text."""
    yield rec["start"], rec["end"], rec["text"]
    for mention in rec.get("mentions") or []:
        yield mention["start"], mention["end"], mention["text"]
    if rec.get("speaker_start") is not None:
        yield rec["speaker_start"], rec["speaker_end"], rec["speaker_text"]
    if rec.get("cue_start") is not None:
        yield rec["cue_start"], rec["cue_end"], rec["cue"]


def check_output(out: Path, texts: dict[str, str] | None = None) -> list[str]:
    """Return every contract violation in the JSONL files of ``out`` (empty when it holds).

    ``texts`` maps doc_id to the decoded text; by default each document is re-read from the path
    in documents.jsonl with the pipeline's own reader, so offsets are checked against exactly the
    text the pipeline saw.
    """
    problems: list[str] = []
    records: dict[str, list[dict[str, Any]]] = {}
    for name in (*ID_FILES, "errors"):
        rows = records.setdefault(name, [])
        for _, obj in strict_lines(out / f"{name}.jsonl"):
            if isinstance(obj, str):
                problems.append(obj)
            else:
                rows.append(obj)
    for name in ID_FILES:
        key = "doc_id" if name == "documents" else "id"
        seen: set[str] = set()
        for rec in records[name]:
            if rec.get(key) in seen:
                problems.append(f"{name}: id {rec.get(key)!r} appears twice")
            seen.add(rec.get(key))  # type: ignore[arg-type]
    texts = dict(texts or {})
    for doc in records["documents"]:
        date = doc.get("date")
        if date is not None and iso_date(date) != date:
            problems.append(f"documents: {doc['doc_id']} date {date!r} is not ISO or null")
        if doc["doc_id"] not in texts:
            try:
                texts[doc["doc_id"]] = read_input(Path(doc["path"])).text
            except (InputError, OSError) as err:
                problems.append(f"documents: cannot re-read {doc['path']}: {err}")
    for fig in records["figures"]:
        value, value_max = fig.get("value"), fig.get("value_max")
        if not isinstance(value, int | float) or not math.isfinite(value):
            problems.append(f"figures: {fig['id']} value {value!r} is not a finite number")
        elif value_max is not None and value > value_max:
            problems.append(f"figures: {fig['id']} value {value} > value_max {value_max}")
    for name in SPAN_FILES:
        for rec in records[name]:
            text = texts.get(rec["doc_id"])
            if text is None:
                problems.append(f"{name}: {rec['id']} has no document")
                continue
            for start, end, got in _spans(rec):
                if not 0 <= start <= end <= len(text) or text[start:end] != got:
                    problems.append(f"{name}: {rec['id']} text != doc_text[{start}:{end}]")
    return problems
