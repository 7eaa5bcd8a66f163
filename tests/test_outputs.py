"""The committed outputs/ folder: the JSONL contract holds, and it is not stale.

The stale check is also the real subprocess run of the CLI on the bundled corpus.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from models.crossdoc import CROSSDOC_TYPES
from models.records import RECORD_TYPES
from pipeline.cli import app
from pipeline.io import read_input
from pipeline.runner import MANIFEST, OUTPUT_TYPES
from tests.conftest import CORPUS_RAW, ROOT

OUTPUTS = ROOT / "outputs"


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What `summit extract corpus/raw` writes now, run as a real subprocess."""
    out = tmp_path_factory.mktemp("fresh")
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline.cli", "extract", "corpus/raw", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    assert "processed" in proc.stderr  # the one-line summary
    return out


@pytest.mark.slow
@pytest.mark.parametrize("name", [*OUTPUT_TYPES, MANIFEST.removesuffix(".jsonl")])
def test_outputs_are_not_stale(fresh: Path, name: str) -> None:
    filename = name if name.endswith(".json") else f"{name}.jsonl"
    committed = OUTPUTS / filename
    assert committed.exists(), f"outputs/{filename} is missing: run `make run` and commit outputs/"
    assert committed.read_bytes() == (fresh / filename).read_bytes(), (
        f"outputs/{filename} is stale: run `make run`, read the diff (`summit diff`), commit it"
    )


@pytest.mark.parametrize("name", OUTPUT_TYPES)
def test_committed_records_follow_the_contract(name: str) -> None:
    model = RECORD_TYPES[name]
    records = _lines(OUTPUTS / f"{name}.jsonl")
    fields = list(model.model_fields)
    for rec in records:
        assert list(rec) == fields, "fixed key order"
        model.model_validate(rec)
    if name == "errors":
        return
    keys = [(r["doc_id"], r.get("start", 0), r.get("end", 0), r.get("id", "")) for r in records]
    assert keys == sorted(keys), "records sorted by doc_id then start"
    ids = [r.get("id", r["doc_id"]) for r in records]
    assert len(ids) == len(set(ids)), "ids are unique"


def test_every_span_selects_its_text() -> None:
    texts = {
        p.stem: read_input(p).text for p in CORPUS_RAW.iterdir() if p.suffix in (".txt", ".md")
    }
    docs = {r["doc_id"]: r for r in _lines(OUTPUTS / "documents.jsonl")}
    assert set(docs) == set(texts), "every corpus document is in documents.jsonl"
    for doc_id, doc in docs.items():
        assert doc["chars"] == len(texts[doc_id])
    n = 0
    for name in ("leaders", "quotes", "bodies", "figures"):
        for rec in _lines(OUTPUTS / f"{name}.jsonl"):
            text = texts[rec["doc_id"]]
            assert text[rec["start"] : rec["end"]] == rec["text"]
            assert rec["id"].startswith(f"{rec['doc_id']}:")
            for m in rec.get("mentions", []):
                assert text[m["start"] : m["end"]] == m["text"]
            if rec.get("speaker_start") is not None:
                assert text[rec["speaker_start"] : rec["speaker_end"]] == rec["speaker_text"]
            if rec.get("cue_start") is not None:
                assert text[rec["cue_start"] : rec["cue_end"]] == rec["cue"]
            n += 1
    assert n > 0


def test_quote_speaker_ids_point_at_leader_records() -> None:
    leaders = {r["id"]: r for r in _lines(OUTPUTS / "leaders.jsonl")}
    for quote in _lines(OUTPUTS / "quotes.jsonl"):
        if quote["speaker_id"] is not None:
            assert leaders[quote["speaker_id"]]["name"] == quote["speaker"]


@pytest.mark.parametrize("record", [None, "quotes"])
def test_schema_command_prints_json_schema(record: str | None) -> None:
    result = CliRunner().invoke(app, ["schema"] + ([record] if record else []))
    assert result.exit_code == 0
    schema = json.loads(result.output)
    if record:
        assert schema["title"] == "QuoteRecord"
        assert {"speaker", "speaker_id", "start", "end"} <= set(schema["properties"])
    else:
        # the per-document records and the cross-document ones of `summit link`
        assert set(schema) == set(RECORD_TYPES) | set(CROSSDOC_TYPES)
    assert CliRunner().invoke(app, ["schema", "nope"]).exit_code == 2
