"""Batch runs that lose nothing: bad inputs, exit codes, incremental runs, long documents,
kill-safety and determinism across worker counts."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.runner import OUTPUT_TYPES, run_extract
from tests.conftest import CORPUS_RAW, SEED_ID

SEED = CORPUS_RAW / f"{SEED_ID}.txt"
SUMMIT = [sys.executable, "-m", "pipeline.cli"]


def _records(out: Path, name: str) -> list[dict[str, Any]]:
    path = out / f"{name}.jsonl"
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]


def _run(nlp: Language, inputs: list[Path], out: Path, **kw: Any) -> Any:
    return run_extract([str(p) for p in inputs], out, nlp_factory=lambda: nlp, model="test", **kw)


def _assert_offsets_true(out: Path, texts: dict[str, str]) -> int:
    """Every span of every record selects its text in the decoded document; return span count."""
    n = 0
    for name in ("leaders", "quotes", "bodies", "figures"):
        for rec in _records(out, name):
            text = texts[rec["doc_id"]]
            assert text[rec["start"] : rec["end"]] == rec["text"], rec
            n += 1
            for m in rec.get("mentions", []):
                assert text[m["start"] : m["end"]] == m["text"], rec
            for field in ("speaker", "cue"):
                s, e = rec.get(f"{field}_start"), rec.get(f"{field}_end")
                if s is not None:
                    got = rec["speaker_text"] if field == "speaker" else rec["cue"]
                    assert text[s:e] == got, rec
    return n


@pytest.fixture()
def bad_inputs(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_bytes(b"  \n\t\n")
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    (d / "cyrillic.txt").write_bytes(
        "Президент Казахстана заявил, что товарооборот вырос на 20 процентов.".encode("cp1251")
    )
    (d / "latin1.txt").write_bytes("Le président Tokayev a parlé à Douchanbé.".encode("latin-1"))
    (d / "bom.txt").write_bytes(b"\xef\xbb\xbf" + b'President Tokayev said: "We agree."')
    (d / "crlf.txt").write_bytes(
        b'ASTANA, 9 August 2024.\r\n\r\n"Trade grew by 20 percent," Tokayev said.\r\n'
    )
    (d / "quotes.txt").write_text(
        'He said “ unbalanced and then\n\nA new paragraph » with ‘odd’ marks " and “nested “x” y”.',
        encoding="utf-8",
    )
    (d / "front.md").write_text(
        "---\ntitle: Brief\ndate: 2018-03-15\n---\nThe President of Kazakhstan spoke in Astana.\n",
        encoding="utf-8",
    )
    return d


def test_bad_inputs_each_end_up_as_one_line(
    nlp: Language, bad_inputs: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    summary = _run(nlp, [bad_inputs], out)
    docs = {r["doc_id"]: r for r in _records(out, "documents")}
    errors = _records(out, "errors")
    assert sorted(docs) == [
        "blank",
        "bom",
        "crlf",
        "cyrillic",
        "empty",
        "front",
        "latin1",
        "quotes",
    ]
    assert [(Path(e["path"]).name, e["kind"]) for e in errors] == [("binary.txt", "binary")]
    assert len(summary.errors) == 1 and summary.processed == 8
    assert docs["cyrillic"]["encoding"] == "cp1251"
    assert docs["latin1"]["encoding"] == "latin-1"
    assert docs["bom"]["encoding"] == "utf-8-sig"
    assert docs["empty"]["counts"] == {"leaders": 0, "quotes": 0, "bodies": 0, "figures": 0}
    assert docs["front"]["title"] == "Brief"
    assert docs["front"]["date"] == "2018-03-15"
    texts = {}
    for p in bad_inputs.iterdir():
        if p.stem in docs:
            raw = p.read_bytes()
            enc = docs[p.stem]["encoding"]
            texts[p.stem] = raw.decode("utf-8-sig" if enc == "utf-8-sig" else enc)
            assert docs[p.stem]["chars"] == len(texts[p.stem])
    _assert_offsets_true(out, texts)


def test_cli_exit_codes(bad_inputs: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(app, ["extract", str(bad_inputs / "crlf.txt"), "--out", str(tmp_path / "a")])
    assert ok.exit_code == 0, ok.output
    some_bad = runner.invoke(app, ["extract", str(bad_inputs), "--out", str(tmp_path / "b")])
    assert some_bad.exit_code == 1
    assert "binary.txt" in some_bad.output
    usage = runner.invoke(app, ["extract", str(tmp_path / "missing"), "--out", str(tmp_path / "c")])
    assert usage.exit_code == 2
    assert "no such file" in usage.output
    bad_date = runner.invoke(app, ["extract", str(bad_inputs), "--date", "14.09.2023"])
    assert bad_date.exit_code == 2
    bad_model = runner.invoke(
        app,
        [
            "extract",
            str(bad_inputs / "crlf.txt"),
            "--out",
            str(tmp_path / "d"),
            "--model",
            "nope_xx",
        ],
    )
    assert bad_model.exit_code == 2
    assert "not installed" in bad_model.output
    assert "Traceback" not in some_bad.output + usage.output + bad_model.output


def test_duplicate_doc_ids_are_errors(nlp: Language, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "b" / "x.md").write_text("Two.", encoding="utf-8")
    summary = _run(nlp, [tmp_path / "a", tmp_path / "b"], tmp_path / "out")
    assert summary.processed == 1
    assert [e.kind for e in summary.errors] == ["duplicate_doc_id"]


def test_long_document_is_split_at_paragraphs_with_true_offsets(
    nlp: Language, tmp_path: Path
) -> None:
    seed = SEED.read_text(encoding="utf-8")
    long_text = "\n\n".join([seed] * 3)
    (tmp_path / "long.txt").write_text(long_text, encoding="utf-8")
    (tmp_path / "short.txt").write_text(seed, encoding="utf-8")
    saved = nlp.max_length
    nlp.max_length = 5000  # stands in for spaCy's 1,000,000-character limit
    try:
        _run(nlp, [tmp_path / "long.txt"], tmp_path / "split")
    finally:
        nlp.max_length = saved
    _run(nlp, [tmp_path / "short.txt"], tmp_path / "whole")
    assert _assert_offsets_true(tmp_path / "split", {"long": long_text}) > 0
    # figures are local: three copies in pieces find three times what the whole seed has
    n_split = len(_records(tmp_path / "split", "figures"))
    n_whole = len(_records(tmp_path / "whole", "figures"))
    assert n_split == 3 * n_whole
    # one leaders record per person even though the document was processed in pieces
    ids = [r["id"] for r in _records(tmp_path / "split", "leaders")]
    assert len(ids) == len(set(ids))


def test_incremental_skips_unchanged_and_gives_same_bytes(nlp: Language, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src / "a.txt")
    (src / "b.txt").write_text("President Tokayev met President Putin in Astana.", encoding="utf-8")
    out = tmp_path / "out"
    first = _run(nlp, [src], out)
    assert (first.processed, first.skipped) == (2, 0)
    before = {n: (out / f"{n}.jsonl").read_bytes() for n in OUTPUT_TYPES}
    again = _run(nlp, [src], out, incremental=True)
    assert (again.processed, again.skipped) == (0, 2)
    assert {n: (out / f"{n}.jsonl").read_bytes() for n in OUTPUT_TYPES} == before
    (src / "b.txt").write_text(
        "President Mirziyoyev met President Xi in Samarkand.", encoding="utf-8"
    )
    changed = _run(nlp, [src], out, incremental=True)
    assert (changed.processed, changed.skipped) == (1, 1)
    full = _run(nlp, [src], tmp_path / "full")
    assert full.processed == 2
    for n in OUTPUT_TYPES:
        assert (out / f"{n}.jsonl").read_bytes() == (tmp_path / "full" / f"{n}.jsonl").read_bytes()


@pytest.mark.slow
def test_workers_give_identical_bytes(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(4):
        shutil.copy(SEED, src / f"seed{i}.txt")
    (src / "z.txt").write_text("Kassym-Jomart Tokayev said: “We agree.”", encoding="utf-8")
    for workers in (1, 2):
        cmd = [
            *SUMMIT,
            "extract",
            str(src),
            "--out",
            str(tmp_path / f"w{workers}"),
            "--workers",
            str(workers),
        ]
        subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    for n in OUTPUT_TYPES:
        assert (tmp_path / "w1" / f"{n}.jsonl").read_bytes() == (
            tmp_path / "w2" / f"{n}.jsonl"
        ).read_bytes()
    assert len(_records(tmp_path / "w2", "documents")) == 5


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.5, 3.0, 6.0])
def test_killed_run_leaves_previous_outputs_intact(tmp_path: Path, delay: float) -> None:
    out = tmp_path / "out"
    small = tmp_path / "small"
    small.mkdir()
    (small / "one.txt").write_text("President Tokayev said: “We agree.”", encoding="utf-8")
    subprocess.run(
        [*SUMMIT, "extract", str(small), "--out", str(out)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    big = tmp_path / "big"
    big.mkdir()
    for i in range(12):
        shutil.copy(SEED, big / f"s{i:02d}.txt")
    proc = subprocess.Popen(
        [*SUMMIT, "extract", str(big), "--out", str(out)], stderr=subprocess.DEVNULL
    )
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    after = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.endswith(".tmp")}
    assert after == before


@Language.component("test_boom")
def _boom(doc: Doc) -> Doc:
    """A component that fails on one marked document (a stand-in for a rule bug)."""
    if "BOOM" in doc.text:
        raise ValueError("rule bug")
    return doc


def test_component_failure_costs_one_document_not_the_batch(nlp: Language, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(4):
        (src / f"d{i}.txt").write_text(f"President Tokayev said: “We agree {i}.”", encoding="utf-8")
    (src / "d2.txt").write_text("BOOM. President Tokayev spoke.", encoding="utf-8")
    saved = nlp.max_length
    nlp.add_pipe("test_boom", after="summit_leaders")
    try:
        summary = _run(nlp, [src], tmp_path / "out")
        nlp.max_length = 40  # a failure in one piece of a split document fails that document
        (src / "long.txt").write_text(
            "Fine paragraph here.\n\nBOOM paragraph.\n\nFine.", encoding="utf-8"
        )
        split = _run(nlp, [src / "long.txt", src / "d0.txt"], tmp_path / "split")
    finally:
        nlp.max_length = saved
        nlp.remove_pipe("test_boom")
    assert summary.processed == 3
    errors = _records(tmp_path / "out", "errors")
    assert [(Path(e["path"]).name, e["kind"]) for e in errors] == [("d2.txt", "pipeline")]
    assert "rule bug" in errors[0]["message"]
    assert sorted(r["doc_id"] for r in _records(tmp_path / "out", "documents")) == [
        "d0",
        "d1",
        "d3",
    ]
    assert split.processed == 1
    assert [Path(e.path).name for e in split.errors] == ["long.txt"]
