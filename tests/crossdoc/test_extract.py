"""`summit extract` ends by linking: two invented texts about one bank give one initiative."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from pipeline.runner import run_extract
from tests.crossdoc.synthetic import read_lines

TEXTS = {
    "a_astana": (
        "ASTANA, 4 July 2024. At the SCO summit in Astana, President Xi Jinping proposed "
        "establishing the SCO Development Bank to finance joint projects.\n"
    ),
    "b_tianjin": (
        "TIANJIN, 1 September 2025. The SCO leaders decided to establish the SCO Development "
        "Bank after years of talks.\n"
    ),
}


def test_extract_writes_initiatives_and_people(nlp: Language, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    for doc_id, text in TEXTS.items():
        (raw / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    summary = run_extract([str(raw)], out, nlp_factory=lambda: nlp, model="test")
    assert summary.counts["initiatives"] >= 1
    bodies = read_lines(out / "bodies.jsonl")
    assert {b["doc_id"] for b in bodies} == set(TEXTS)
    initiatives = read_lines(out / "initiatives.jsonl")
    bank = [r for r in initiatives if r["documents"] == sorted(TEXTS)]
    assert len(bank) == 1
    assert [e["status"] for e in bank[0]["timeline"]] == ["proposed", "established"]
    assert bank[0]["series"] == "sco"
    people = {p["kb_id"]: p for p in read_lines(out / "people.jsonl")}
    assert people["xi-jinping"]["proposed"] == [bank[0]["id"]]
    first = (out / "initiatives.jsonl").read_bytes()
    run_extract([str(raw)], out, nlp_factory=lambda: nlp, model="test")
    assert (out / "initiatives.jsonl").read_bytes() == first
