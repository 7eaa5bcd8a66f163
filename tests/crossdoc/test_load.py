"""summit load: keys, foreign keys, idempotence, and per-document replacement."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from pipeline.link import write_links
from pipeline.load import dump_tables, load_folder
from tests.crossdoc.synthetic import Rec, body, document, leader, quote, write_folder


def _records(renamed: bool = False, drop_d3: bool = False) -> list[Rec]:
    tok = leader("d1", "kassym-jomart-tokayev", "Kassym-Jomart Tokayev", "Kazakhstan")
    xi = leader("d2", "xi-jinping", "Xi Jinping", "China")
    recs: list[Rec] = [
        document("d1", "2024-07-04", "SCO summit"),
        tok,
        quote("d1", 100, "A bank for all.", tok),
        body("d1", 300, "SCO Development Bank", "bank", "proposed", ["Kassym-Jomart Tokayev"]),
        document("d2", "2025-09-01", "SCO summit"),
        xi,
        quote("d2", 50, "We agree.", xi),
        body("d2", 300, "SCO Development Bank", "bank", "established", ["Xi Jinping"]),
    ]
    if renamed:  # d2 re-extracted after its text changed: another quote, another body
        recs = [r for r in recs if r["doc_id"] != "d2" or r.file in ("documents", "leaders")]
        recs += [
            quote("d2", 60, "We agree fully.", xi),
            body("d2", 310, "SCO Energy Platform", "platform", "proposed", ["Xi Jinping"]),
        ]
    if not drop_d3:
        recs += [
            document("d3", "2023-01-01", "China – Central Asia summit"),
            body("d3", 10, "China–Central Asia Secretariat", "secretariat", "established"),
        ]
    return recs


def _folder(path: Path, **kw: Any) -> Path:
    out = write_folder(path, _records(**kw))
    write_links(out)
    return out


def _rows_with_rowid(db: Path, table: str, doc_id: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db)
    try:
        return sorted(conn.execute(f"SELECT rowid, * FROM {table} WHERE doc_id = ?", (doc_id,)))
    finally:
        conn.close()


def test_loading_twice_leaves_identical_tables(tmp_path: Path) -> None:
    out = _folder(tmp_path / "out")
    db = tmp_path / "db.sqlite"
    first = load_folder(out, db)
    assert first.inserted == ["d1", "d2", "d3"]
    before = dump_tables(db)
    assert before["quotes"] and before["body_initiatives"] and before["people"]
    second = load_folder(out, db)
    assert (second.inserted, second.replaced, second.deleted) == ([], [], [])
    assert second.unchanged == 3 and set(second.crossdoc_changed.values()) == {0}
    assert dump_tables(db) == before


def test_a_changed_document_replaces_only_its_rows(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    load_folder(_folder(tmp_path / "a"), db)
    kept = {t: _rows_with_rowid(db, t, "d1") for t in ("leaders", "quotes", "bodies", "documents")}
    old = dump_tables(db)
    summary = load_folder(_folder(tmp_path / "b", renamed=True, drop_d3=True), db)
    assert summary.replaced == ["d2"] and summary.deleted == ["d3"] and summary.unchanged == 1
    # d1's rows are untouched, down to their rowids (not deleted and inserted again)
    for table, rows in kept.items():
        assert _rows_with_rowid(db, table, "d1") == rows
    new = dump_tables(db)
    for table in ("quotes", "bodies", "body_actors"):
        changed = set(new[table]) ^ set(old[table])
        assert changed, table
        assert all("d2" in repr(r) or "d3" in repr(r) for r in changed), table
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM documents WHERE doc_id = 'd3'").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM bodies WHERE doc_id = 'd3'").fetchone() == (0,)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        texts = [t for (t,) in conn.execute("SELECT text FROM quotes WHERE doc_id = 'd2'")]
        assert texts == ["We agree fully."]  # the old quote is gone, not duplicated
    finally:
        conn.close()


def test_foreign_keys_join_quotes_to_people_and_bodies_to_initiatives(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite"
    load_folder(_folder(tmp_path / "out"), db)
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        rows = conn.execute(
            "SELECT p.name, count(*) FROM quotes q JOIN people p ON p.kb_id = q.speaker_kb_id "
            "GROUP BY p.name ORDER BY p.name"
        ).fetchall()
        assert rows == [("Kassym-Jomart Tokayev", 1), ("Xi Jinping", 1)]
        timeline = conn.execute(
            "SELECT b.doc_id, b.status FROM initiatives i "
            "JOIN body_initiatives bi ON bi.initiative_id = i.id JOIN bodies b ON b.id = bi.body_id "
            "JOIN documents d ON d.doc_id = b.doc_id WHERE i.name = 'SCO Development Bank' "
            "ORDER BY d.date"
        ).fetchall()
        assert timeline == [("d1", "proposed"), ("d2", "established")]
        actors = conn.execute(
            "SELECT kb_id FROM body_actors WHERE role = 'proposer' ORDER BY kb_id"
        ).fetchall()
        assert actors == [("kassym-jomart-tokayev",), ("xi-jinping",)]
    finally:
        conn.close()
