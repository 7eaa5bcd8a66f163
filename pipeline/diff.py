"""Record-level difference between two output folders: ``summit diff OLD_DIR NEW_DIR``.

Records are matched by their stable key — ``id`` for leaders, quotes, bodies and figures,
``doc_id`` for documents.jsonl and ``path`` for errors.jsonl — so a rule change shows up as
records added, removed, or changed field by field, grouped by document and record type.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from pipeline.evaluate import EvaluationError, read_output_file

OUTPUT_FILES = (
    "documents",
    "leaders",
    "quotes",
    "bodies",
    "figures",
    "errors",
    "initiatives",
    "people",
)
"""The JSONL files of an output folder, in the order differences are listed (the last two are
across documents: ``summit link``)."""


class DiffError(Exception):
    """An output folder that cannot be compared (missing, or a file that is not JSONL)."""


def record_key(kind: str, row: dict[str, Any]) -> str:
    """Return the key a record is matched by: doc_id (documents), path (errors), kb_id (people),
    else id."""
    field_name = {"documents": "doc_id", "errors": "path", "people": "kb_id"}.get(kind, "id")
    value = row.get(field_name)
    if value is None:
        # A record without its key cannot be matched; its content is the only identity it has.
        return json.dumps(row, sort_keys=True, ensure_ascii=False)
    return str(value)


def record_doc(kind: str, row: dict[str, Any]) -> str:
    """Return the document a record belongs to (an error's input file name without suffix)."""
    if kind == "errors":
        return Path(str(row.get("path", "?"))).stem
    if kind in ("initiatives", "people"):
        return "(across documents)"
    return str(row.get("doc_id", "?"))


@dataclass
class FieldChange:
    """One field whose value differs between the old and the new record."""

    name: str
    old: Any
    new: Any

    def to_dict(self) -> dict[str, Any]:
        """Return the change as plain JSON values."""
        return {"field": self.name, "old": self.old, "new": self.new}


@dataclass
class RecordDiff:
    """A record added, removed or changed between two output folders."""

    doc_id: str
    type: str
    key: str
    status: str  # added | removed | changed
    old: dict[str, Any] | None = None
    new: dict[str, Any] | None = None
    changes: list[FieldChange] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the difference as plain JSON values."""
        out: dict[str, Any] = {
            "doc_id": self.doc_id,
            "type": self.type,
            "key": self.key,
            "status": self.status,
        }
        if self.status == "changed":
            out["changes"] = [c.to_dict() for c in self.changes]
        else:
            out["record"] = self.new if self.status == "added" else self.old
        return out


@dataclass
class FolderDiff:
    """Every record-level difference between two output folders."""

    old_dir: Path
    new_dir: Path
    records: list[RecordDiff]
    compared: dict[str, int] = field(default_factory=dict)

    @property
    def identical(self) -> bool:
        """Return True when no record was added, removed or changed."""
        return not self.records

    def counts(self) -> dict[str, dict[str, int]]:
        """Return ``{type: {added, removed, changed}}`` for every output file."""
        out = {kind: {"added": 0, "removed": 0, "changed": 0} for kind in OUTPUT_FILES}
        for rec in self.records:
            out[rec.type][rec.status] += 1
        return out

    def to_dict(self) -> dict[str, Any]:
        """Return the whole difference as plain JSON values (what ``--json`` writes)."""
        return {
            "old": str(self.old_dir),
            "new": str(self.new_dir),
            "identical": self.identical,
            "counts": self.counts(),
            "records": [r.to_dict() for r in self.records],
        }


def _load(folder: Path, kind: str) -> dict[str, dict[str, Any]]:
    try:
        rows = read_output_file(folder / f"{kind}.jsonl")
    except EvaluationError as err:
        raise DiffError(str(err)) from err
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        key = record_key(kind, row)
        unique, n = key, 1
        while unique in out:  # duplicate keys are a bug upstream, but both must be shown
            n += 1
            unique = f"{key}#{n}"
        out[unique] = row
    return out


def diff_records(
    old: dict[str, Any], new: dict[str, Any], ignore: frozenset[str] = frozenset()
) -> list[FieldChange]:
    """Return the fields whose values differ, in the new record's field order."""
    names = list(new) + [k for k in old if k not in new]
    return [
        FieldChange(name, old.get(name), new.get(name))
        for name in names
        if name not in ignore and old.get(name) != new.get(name)
    ]


def diff_folders(old_dir: Path, new_dir: Path, ignore: frozenset[str] = frozenset()) -> FolderDiff:
    """Return the record-level difference between two output folders.

    ``ignore`` names fields not to compare (e.g. ``pipeline_version``). A missing JSONL file
    counts as empty. Raises DiffError for a missing folder or a line that is not JSON.
    """
    for folder in (old_dir, new_dir):
        if not folder.is_dir():
            raise DiffError(
                f"{folder} is not a folder; give two output folders of `summit extract`"
            )
    records: list[RecordDiff] = []
    compared: dict[str, int] = {}
    for kind in OUTPUT_FILES:
        old, new = _load(old_dir, kind), _load(new_dir, kind)
        compared[kind] = len(old.keys() | new.keys())
        for key in old.keys() - new.keys():
            records.append(
                RecordDiff(record_doc(kind, old[key]), kind, key, "removed", old=old[key])
            )
        for key in new.keys() - old.keys():
            records.append(RecordDiff(record_doc(kind, new[key]), kind, key, "added", new=new[key]))
        for key in old.keys() & new.keys():
            changes = diff_records(old[key], new[key], ignore)
            if changes:
                doc = record_doc(kind, new[key])
                records.append(RecordDiff(doc, kind, key, "changed", old[key], new[key], changes))
    order = {kind: i for i, kind in enumerate(OUTPUT_FILES)}
    status_order = {"removed": 0, "added": 1, "changed": 2}

    def sort_key(r: RecordDiff) -> tuple[Any, ...]:
        row = r.new if r.new is not None else r.old or {}
        return (r.doc_id, order[r.type], row.get("start", -1), status_order[r.status], r.key)

    records.sort(key=sort_key)
    return FolderDiff(old_dir, new_dir, records, compared)


# --------------------------------------------------------------------------- printing


def _short(value: Any, limit: int = 100) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _item(value: Any) -> str:
    # Mentions are dicts with offsets and text: show them the way a reviewer reads them.
    if isinstance(value, dict) and {"start", "end", "text"} <= value.keys():
        return f"{value['text']!r}@{value['start']}-{value['end']}"
    return _short(value, 60)


def describe_change(change: FieldChange) -> str:
    """Return ``field: old → new``; for lists, the items removed (-) and added (+); for objects,
    ``field.key: old → new`` for each key that changed."""
    old, new = change.old, change.new
    if isinstance(old, dict) and isinstance(new, dict):
        keys = list(new) + [k for k in old if k not in new]
        parts = [
            f"{change.name}.{k}: {_short(old.get(k))} → {_short(new.get(k))}"
            for k in keys
            if old.get(k) != new.get(k)
        ]
        return ", ".join(parts)
    if isinstance(old, list) and isinstance(new, list):
        old_keys = [json.dumps(v, sort_keys=True) for v in old]
        new_keys = [json.dumps(v, sort_keys=True) for v in new]
        removed = [_item(v) for v, k in zip(old, old_keys, strict=True) if k not in new_keys]
        added = [_item(v) for v, k in zip(new, new_keys, strict=True) if k not in old_keys]
        if removed or added:
            parts = [f"-{r}" for r in removed] + [f"+{a}" for a in added]
            return f"{change.name}: " + ", ".join(parts)
    return f"{change.name}: {_short(old)} → {_short(new)}"


def _label(rec: RecordDiff) -> str:
    row = rec.new if rec.new is not None else rec.old or {}
    if rec.type == "documents":
        return rec.key
    if rec.type == "errors":
        return f"{rec.key} ({row.get('kind')}: {row.get('message')})"
    text = row.get("name") if rec.type == "leaders" else row.get("text")
    return f"{rec.key} {_short(text, 80)}"


_MARK = {"added": ("+", "green"), "removed": ("-", "red"), "changed": ("~", "yellow")}


def render(diff: FolderDiff, console: Console) -> None:
    """Print the differences grouped by document and type, then a count table."""
    if diff.identical:
        total = sum(diff.compared.values())
        console.print(f"identical: {total} records in {diff.old_dir} and {diff.new_dir}")
        return
    current = None
    for rec in diff.records:
        if rec.doc_id != current:
            current = rec.doc_id
            console.print(Text(rec.doc_id, style="bold underline"))
        mark, style = _MARK[rec.status]
        line = Text(f"  {mark} ", style=f"bold {style}")
        line.append(f"{rec.type:<9} ", style=style)
        line.append(_label(rec))
        console.print(line, soft_wrap=True)
        for change in rec.changes:
            console.print(Text(f"      {describe_change(change)}", style="dim"), soft_wrap=True)
    table = Table(title=f"{diff.old_dir} → {diff.new_dir}", title_justify="left")
    for col in ("type", "added", "removed", "changed"):
        table.add_column(col, justify="left" if col == "type" else "right")
    for kind, counts in diff.counts().items():
        if any(counts.values()):
            table.add_row(kind, *(str(counts[s]) for s in ("added", "removed", "changed")))
    console.print(table)


def write_json(diff: FolderDiff, path: Path) -> None:
    """Write the difference to ``path`` as JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(diff.to_dict(), indent=2, ensure_ascii=False) + "\n", "utf-8")
