"""Small hand-made output folders for the cross-document tests (no pipeline run needed)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from models.records import BodyRecord, DocumentRecord, LeaderRecord, QuoteRecord, RecordCounts
from pipeline.io import atomic_write, dump_line


def document(doc_id: str, date: str | None, title: str) -> DocumentRecord:
    """A documents.jsonl line whose path does not exist: the series comes from the title."""
    return DocumentRecord(
        doc_id=doc_id,
        path=f"/nonexistent/{doc_id}.txt",
        sha256="0" * 64,
        encoding="utf-8",
        chars=1000,
        date=date,
        date_source="option" if date else "none",
        title=title,
        source=None,
        counts=RecordCounts(),
        pipeline_version="test",
        model="test",
    )


def body(
    doc_id: str,
    start: int,
    name: str,
    kind: str,
    status: str = "proposed",
    proposers: list[str] | None = None,
    supporters: list[str] | None = None,
) -> BodyRecord:
    """A bodies.jsonl line at ``start`` (offsets only need to be consistent with the name)."""
    end = start + len(name)
    return BodyRecord(
        doc_id=doc_id,
        id=f"{doc_id}:body:{start}-{end}",
        name=name,
        text=name,
        kind=kind,
        start=start,
        end=end,
        status=status,  # type: ignore[arg-type]
        proposers=proposers or [],
        supporters=supporters or [],
        cue=None,
        cue_start=None,
        cue_end=None,
        mentions=[],
    )


def leader(doc_id: str, kb_id: str, name: str, country: str | None, start: int = 0) -> LeaderRecord:
    """A leaders.jsonl line with one name mention."""
    return LeaderRecord(
        doc_id=doc_id,
        id=f"{doc_id}:leader:{kb_id}",
        kb_id=kb_id,
        name=name,
        country=country,
        office=None,
        organisation=None,
        in_kb=not kb_id.startswith("x-"),
        start=start,
        end=start + len(name),
        text=name,
        mentions=[{"start": start, "end": start + len(name), "text": name, "kind": "name"}],  # type: ignore[list-item]
    )


def quote(doc_id: str, start: int, text: str, speaker: LeaderRecord | None) -> QuoteRecord:
    """A quotes.jsonl line attributed to ``speaker``."""
    return QuoteRecord(
        doc_id=doc_id,
        id=f"{doc_id}:quote:{start}-{start + len(text)}",
        text=text,
        start=start,
        end=start + len(text),
        speaker=speaker.name if speaker else None,
        speaker_id=speaker.id if speaker else None,
        speaker_text=speaker.name if speaker else None,
        speaker_start=None,
        speaker_end=None,
        cue="said",
        cue_start=None,
        cue_end=None,
        attribution="cue_subject",
    )


def write_folder(out: Path, records: list[Any]) -> Path:
    """Write records into the per-document JSONL files of ``out``, sorted like the pipeline."""
    kinds = {
        DocumentRecord: "documents",
        LeaderRecord: "leaders",
        QuoteRecord: "quotes",
        BodyRecord: "bodies",
    }
    files: dict[str, list[Any]] = {name: [] for name in (*kinds.values(), "figures", "errors")}
    for r in records:
        files[kinds[type(r)]].append(r)
    for name, recs in files.items():
        recs.sort(key=lambda r: (r.doc_id, getattr(r, "start", 0), getattr(r, "id", "")))
        atomic_write(out / f"{name}.jsonl", [dump_line(r) for r in recs])
    return out


def read_lines(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSONL file."""
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
