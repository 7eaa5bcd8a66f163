"""``summit load OUT --db PATH``: an output folder into SQLite, as an idempotent upsert.

Tables (primary keys are the records' stable ids; every table keeps the whole JSONL line in
``record`` so fields added later are never lost):

- per document: ``documents`` (doc_id), ``leaders`` (id), ``leader_mentions`` (leader_id, start,
  end), ``quotes`` (id), ``bodies`` (id), ``body_actors`` (body_id, role, name: proposers and
  supporters, with the person's kb_id when the name is a leader of that document), ``figures`` (id);
- across documents: ``people`` (kb_id), ``initiatives`` (id), ``body_initiatives`` (body_id →
  initiative_id).

Foreign keys: every per-document row → ``documents`` (ON DELETE CASCADE); ``leaders.kb_id``,
``quotes.speaker_kb_id`` and ``body_actors.kb_id`` → ``people``; ``quotes.speaker_id`` →
``leaders``; ``body_initiatives`` → ``bodies`` and ``initiatives``. They are checked at commit
(DEFERRABLE INITIALLY DEFERRED), so one transaction can replace both ends.

The upsert, in one transaction: a document whose records hash (``documents.records_sha256``, over
every line of that document in every file) is unchanged is not touched; a changed document's rows
are deleted and inserted again; documents no longer in the folder are deleted with their rows.
The cross-document tables are compared row by row: only rows whose content changed are replaced,
rows that disappeared are deleted. Loading the same folder twice changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.io import read_jsonl

PER_DOC_FILES = ("leaders", "quotes", "bodies", "figures")

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    path TEXT, sha256 TEXT, date TEXT, title TEXT, source TEXT,
    records_sha256 TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS people (
    kb_id TEXT PRIMARY KEY,
    name TEXT NOT NULL, country TEXT, in_kb INTEGER, first_date TEXT, last_date TEXT,
    mentions INTEGER, quotes INTEGER,
    record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS leaders (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    kb_id TEXT NOT NULL REFERENCES people(kb_id) DEFERRABLE INITIALLY DEFERRED,
    name TEXT NOT NULL, country TEXT, office TEXT, organisation TEXT, in_kb INTEGER,
    start INTEGER, "end" INTEGER, text TEXT,
    record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS leader_mentions (
    leader_id TEXT NOT NULL REFERENCES leaders(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT, kind TEXT,
    PRIMARY KEY (leader_id, start, "end")
);
CREATE TABLE IF NOT EXISTS quotes (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    text TEXT, start INTEGER, "end" INTEGER, speaker TEXT,
    speaker_id TEXT REFERENCES leaders(id) DEFERRABLE INITIALLY DEFERRED,
    speaker_kb_id TEXT REFERENCES people(kb_id) DEFERRABLE INITIALLY DEFERRED,
    cue TEXT, attribution TEXT,
    record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS bodies (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    name TEXT, kind TEXT, start INTEGER, "end" INTEGER, status TEXT, cue TEXT,
    record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS body_actors (
    body_id TEXT NOT NULL REFERENCES bodies(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    role TEXT NOT NULL CHECK (role IN ('proposer', 'supporter')),
    name TEXT NOT NULL,
    kb_id TEXT REFERENCES people(kb_id) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (body_id, role, name)
);
CREATE TABLE IF NOT EXISTS figures (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    text TEXT, start INTEGER, "end" INTEGER, value REAL, value_max REAL, unit TEXT,
    qualifier TEXT, kind TEXT, metric TEXT, period TEXT, subject TEXT,
    record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS initiatives (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL, kind TEXT, series TEXT, status TEXT, first_date TEXT, last_date TEXT,
    record TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS body_initiatives (
    body_id TEXT PRIMARY KEY REFERENCES bodies(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    initiative_id TEXT NOT NULL REFERENCES initiatives(id) DEFERRABLE INITIALLY DEFERRED
);
"""

TABLES = (
    "documents",
    "people",
    "leaders",
    "leader_mentions",
    "quotes",
    "bodies",
    "body_actors",
    "figures",
    "initiatives",
    "body_initiatives",
)


class LoadError(Exception):
    """An output folder that cannot be loaded (no documents.jsonl, a broken line)."""


@dataclass
class LoadSummary:
    """What a load changed."""

    inserted: list[str] = field(default_factory=list)  # documents loaded anew
    replaced: list[str] = field(default_factory=list)  # documents whose rows were replaced
    deleted: list[str] = field(default_factory=list)  # documents removed
    unchanged: int = 0
    crossdoc_changed: dict[str, int] = field(default_factory=dict)


def _dump(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, sort_keys=True)


def connect(db: Path) -> sqlite3.Connection:
    """Open (or create) the database with foreign keys enforced and the schema in place."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.executescript(SCHEMA)
    return conn


def _read_folder(out: Path) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, list[Any]]]]:
    if not (out / "documents.jsonl").exists():
        raise LoadError(f"{out} holds no documents.jsonl; run `summit extract --out {out}` first")
    try:
        documents = {str(d["doc_id"]): d for d in read_jsonl(out / "documents.jsonl")}
        per_doc: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        for name in PER_DOC_FILES:
            for r in read_jsonl(out / f"{name}.jsonl"):
                per_doc[str(r["doc_id"])][name].append(r)
    except (ValueError, KeyError) as err:
        raise LoadError(f"{out}: unreadable output file: {err}") from err
    return documents, per_doc


def _records_hash(doc: dict[str, Any], records: dict[str, list[Any]]) -> str:
    digest = hashlib.sha256(_dump(doc).encode())
    for name in PER_DOC_FILES:
        for r in sorted(records.get(name, []), key=lambda r: str(r.get("id"))):
            digest.update(name.encode())
            digest.update(_dump(r).encode())
    return digest.hexdigest()


def _insert_document(
    conn: sqlite3.Connection, doc: dict[str, Any], records: dict[str, list[Any]], digest: str
) -> None:
    doc_id = str(doc["doc_id"])
    conn.execute(
        "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            doc_id,
            doc.get("path"),
            doc.get("sha256"),
            doc.get("date"),
            doc.get("title"),
            doc.get("source"),
            digest,
            _dump(doc),
        ),
    )
    names: dict[str, str] = {}
    for r in records.get("leaders", []):
        names[str(r["name"])] = str(r["kb_id"])
        conn.execute(
            "INSERT INTO leaders VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                r["id"],
                doc_id,
                r["kb_id"],
                r["name"],
                r.get("country"),
                r.get("office"),
                r.get("organisation"),
                int(bool(r.get("in_kb"))),
                r.get("start"),
                r.get("end"),
                r.get("text"),
                _dump(r),
            ),
        )
        for m in r.get("mentions") or []:
            conn.execute(
                "INSERT OR IGNORE INTO leader_mentions VALUES (?, ?, ?, ?, ?, ?)",
                (r["id"], doc_id, m["start"], m["end"], m.get("text"), m.get("kind")),
            )
    kb_of_leader = {str(r["id"]): str(r["kb_id"]) for r in records.get("leaders", [])}
    for r in records.get("quotes", []):
        speaker_id = r.get("speaker_id")
        conn.execute(
            "INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                r["id"],
                doc_id,
                r.get("text"),
                r.get("start"),
                r.get("end"),
                r.get("speaker"),
                speaker_id if speaker_id in kb_of_leader else None,
                kb_of_leader.get(str(speaker_id)) if speaker_id else None,
                r.get("cue"),
                r.get("attribution"),
                _dump(r),
            ),
        )
    for r in records.get("bodies", []):
        conn.execute(
            "INSERT INTO bodies VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                r["id"],
                doc_id,
                r.get("name"),
                r.get("kind"),
                r.get("start"),
                r.get("end"),
                r.get("status"),
                r.get("cue"),
                _dump(r),
            ),
        )
        for role, key in (("proposer", "proposers"), ("supporter", "supporters")):
            for name in r.get(key) or []:
                conn.execute(
                    "INSERT OR IGNORE INTO body_actors VALUES (?, ?, ?, ?, ?)",
                    (r["id"], doc_id, role, name, names.get(str(name))),
                )
    for r in records.get("figures", []):
        conn.execute(
            "INSERT INTO figures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                r["id"],
                doc_id,
                r.get("text"),
                r.get("start"),
                r.get("end"),
                r.get("value"),
                r.get("value_max"),
                r.get("unit"),
                r.get("qualifier"),
                r.get("kind"),
                r.get("metric"),
                r.get("period"),
                r.get("subject"),
                _dump(r),
            ),
        )


def _sync_table(
    conn: sqlite3.Connection,
    table: str,
    key: str,
    rows: dict[str, tuple[Any, ...]],
) -> int:
    """Make ``table`` hold exactly ``rows`` (key -> full row), touching only what differs."""
    cols = [c[1] for c in conn.execute(f"PRAGMA table_info({table})")]
    current = {str(r[0]): tuple(r) for r in conn.execute(f"SELECT {key}, * FROM {table}")}
    changed = 0
    for k in sorted(current.keys() - rows.keys()):
        conn.execute(f"DELETE FROM {table} WHERE {key} = ?", (k,))
        changed += 1
    marks = ", ".join("?" for _ in cols)
    for k, row in sorted(rows.items()):
        if k in current and tuple(current[k][1:]) == row:
            continue
        conn.execute(f"DELETE FROM {table} WHERE {key} = ?", (k,))
        conn.execute(f"INSERT INTO {table} VALUES ({marks})", row)
        changed += 1
    return changed


def load_folder(out: Path, db: Path) -> LoadSummary:
    """Upsert the output folder ``out`` (with initiatives/people) into the SQLite file ``db``."""
    documents, per_doc = _read_folder(out)
    initiatives = list(read_jsonl(out / "initiatives.jsonl"))
    people = list(read_jsonl(out / "people.jsonl"))
    if not (out / "initiatives.jsonl").exists() or not (out / "people.jsonl").exists():
        from pipeline.link import link_folder

        linked = link_folder(out)
        initiatives = [r.model_dump(mode="json") for r in linked.initiatives]
        people = [r.model_dump(mode="json") for r in linked.people]
    summary = LoadSummary()
    conn = connect(db)
    try:
        conn.execute("BEGIN")
        stored = dict(conn.execute("SELECT doc_id, records_sha256 FROM documents").fetchall())
        for doc_id in sorted(stored.keys() - documents.keys()):
            conn.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
            summary.deleted.append(doc_id)
        for doc_id, doc in sorted(documents.items()):
            digest = _records_hash(doc, per_doc.get(doc_id, {}))
            if stored.get(doc_id) == digest:
                summary.unchanged += 1
                continue
            if doc_id in stored:
                conn.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
                summary.replaced.append(doc_id)
            else:
                summary.inserted.append(doc_id)
            _insert_document(conn, doc, per_doc.get(doc_id, {}), digest)
        summary.crossdoc_changed = _sync_crossdoc(conn, initiatives, people)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()
    return summary


def _sync_crossdoc(
    conn: sqlite3.Connection, initiatives: Sequence[dict[str, Any]], people: Iterable[Any]
) -> dict[str, int]:
    person_rows = {
        str(p["kb_id"]): (
            p["kb_id"],
            p["name"],
            p.get("country"),
            int(bool(p.get("in_kb"))),
            p.get("first_date"),
            p.get("last_date"),
            p.get("mentions"),
            p.get("quotes"),
            _dump(p),
        )
        for p in people
    }
    initiative_rows = {
        str(r["id"]): (
            r["id"],
            r["name"],
            r.get("kind"),
            r.get("series"),
            r.get("status"),
            r.get("first_date"),
            r.get("last_date"),
            _dump(r),
        )
        for r in initiatives
    }
    bodies = {str(b) for (b,) in conn.execute("SELECT id FROM bodies")}
    link_rows = {
        str(ev["body_id"]): (ev["body_id"], r["id"])
        for r in initiatives
        for ev in r.get("timeline", [])
        if str(ev["body_id"]) in bodies
    }
    return {
        "people": _sync_table(conn, "people", "kb_id", person_rows),
        "initiatives": _sync_table(conn, "initiatives", "id", initiative_rows),
        "body_initiatives": _sync_table(conn, "body_initiatives", "body_id", link_rows),
    }


def dump_tables(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Return every table's rows, sorted: what "identical table contents" compares."""
    conn = sqlite3.connect(db)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
    finally:
        conn.close()
