"""Small hand-made output folders for the cross-document tests (no pipeline run needed).

Records are plain JSON objects, as the files hold them, not pydantic models: the linker and the
loader read files, and a field added to a record model later must not break these tests.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


class Rec(dict[str, Any]):
    """One line of the output file ``file`` (documents, leaders, quotes, bodies)."""

    def __init__(self, file: str, **fields: Any) -> None:
        super().__init__(fields)
        self.file = file


def document(doc_id: str, date: str | None, title: str) -> Rec:
    """A documents.jsonl line whose path does not exist: the series comes from the title."""
    return Rec(
        "documents",
        doc_id=doc_id,
        path=f"/nonexistent/{doc_id}.txt",
        sha256="0" * 64,
        encoding="utf-8",
        chars=1000,
        date=date,
        date_source="option" if date else "none",
        title=title,
        source=None,
        counts={"leaders": 0, "quotes": 0, "bodies": 0, "figures": 0},
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
) -> Rec:
    """A bodies.jsonl line at ``start`` (offsets only need to be consistent with the name)."""
    end = start + len(name)
    return Rec(
        "bodies",
        doc_id=doc_id,
        id=f"{doc_id}:body:{start}-{end}",
        name=name,
        text=name,
        kind=kind,
        start=start,
        end=end,
        status=status,
        proposers=proposers or [],
        supporters=supporters or [],
        cue=None,
        cue_start=None,
        cue_end=None,
        mentions=[],
    )


def leader(doc_id: str, kb_id: str, name: str, country: str | None, start: int = 0) -> Rec:
    """A leaders.jsonl line with one name mention."""
    return Rec(
        "leaders",
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
        mentions=[{"start": start, "end": start + len(name), "text": name, "kind": "name"}],
    )


def quote(doc_id: str, start: int, text: str, speaker: Rec | None) -> Rec:
    """A quotes.jsonl line attributed to ``speaker`` (a leader line)."""
    return Rec(
        "quotes",
        doc_id=doc_id,
        id=f"{doc_id}:quote:{start}-{start + len(text)}",
        text=text,
        start=start,
        end=start + len(text),
        speaker=speaker["name"] if speaker else None,
        speaker_id=speaker["id"] if speaker else None,
        speaker_text=speaker["name"] if speaker else None,
        speaker_start=None,
        speaker_end=None,
        cue="said",
        cue_start=None,
        cue_end=None,
        attribution="cue_subject",
    )


def write_folder(out: Path, records: list[Rec]) -> Path:
    """Write records into the JSONL files of ``out``, sorted like the pipeline sorts them."""
    out.mkdir(parents=True, exist_ok=True)
    files: dict[str, list[Rec]] = {
        name: [] for name in ("documents", "leaders", "quotes", "bodies", "figures", "errors")
    }
    for r in records:
        files[r.file].append(r)
    for name, recs in files.items():
        recs.sort(key=lambda r: (r["doc_id"], r.get("start", 0), r.get("id", "")))
        lines = [json.dumps(r, ensure_ascii=False, separators=(", ", ": ")) for r in recs]
        (out / f"{name}.jsonl").write_text("".join(x + "\n" for x in lines), encoding="utf-8")
    return out


def read_lines(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSONL file."""
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
