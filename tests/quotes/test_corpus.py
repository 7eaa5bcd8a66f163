"""summit_quotes end to end: the seed article against its reference gold and the corpus gold,
scored through ``pipeline.evaluate`` (the same scoring as ``summit evaluate``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from models.gold import GoldDocument, GoldQuote
from pipeline.components.quotes import MARK_CHARS
from pipeline.evaluate import evaluate
from pipeline.runner import run_extract
from tests.conftest import CORPUS_GOLD, CORPUS_RAW, ROOT, SEED_ID

# The user's reference gold of the seed, kept in the repository (corpus/reference).
REFERENCE = ROOT / "corpus" / "reference"


def _extract(nlp: Language, inputs: list[Path], out: Path) -> list[dict]:
    """Run the batch on ``inputs`` into ``out``; return the quote records."""
    summary = run_extract([str(p) for p in inputs], out, nlp_factory=lambda: nlp, model="test")
    assert summary.errors == []
    with open(out / "quotes.jsonl", encoding="utf-8") as f:
        records = [json.loads(line) for line in f]
    texts = {p.stem: p.read_text(encoding="utf-8") for p in inputs}
    for q in records:  # every quotation starts right after a quotation mark
        text = texts[q["doc_id"]]
        assert set(MARK_CHARS) & {text[q["start"] - 1]} or q["start"] == 0
    return records


def _reference_gold(folder: Path) -> Path:
    """Write the seed's reference quotes as a gold file into ``folder``; return the folder.

    The reference lists quote texts and speakers without offsets; each text occurs once in the
    seed, which places it.
    """
    ref = json.loads((REFERENCE / f"{SEED_ID}.gold.json").read_text(encoding="utf-8"))
    text = (CORPUS_RAW / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    quotes = []
    for q in ref["quotes"]:
        assert text.count(q["text"]) == 1, q["text"]
        start = text.index(q["text"])
        quotes.append(GoldQuote(start=start, end=start + len(q["text"]), **q))
    gold = GoldDocument(doc_id=SEED_ID, genre=ref["genre"], quotes=quotes)
    folder.mkdir()
    (folder / f"{SEED_ID}.json").write_text(gold.model_dump_json(), encoding="utf-8")
    return folder


@pytest.mark.slow
def test_seed_acceptance(nlp: Language, tmp_path: Path) -> None:
    """All 14 reference quotes found, >= 13 speakers right, no scare quote reported."""
    pred = _extract(nlp, [CORPUS_RAW / f"{SEED_ID}.txt"], tmp_path / "pred")
    gold = _reference_gold(tmp_path / "gold")
    scores = evaluate(gold, tmp_path / "pred", CORPUS_RAW).scores()
    assert scores["quotes.strict"].tp == 14
    assert scores["quotes.strict"].fscore >= 0.96, [p["text"][:40] for p in pred]
    assert scores["quotes+speaker"].tp >= 13, [(p["text"][:30], p["speaker"]) for p in pred]
    scare = {"green", "Central Asia Plus", "Central Asia Plus ", "Central Asian Dialogue"}
    assert not scare & {p["text"] for p in pred}


@pytest.mark.slow
def test_corpus_gold_floor(nlp: Language, tmp_path: Path) -> None:
    """Quotes (exact offsets) and quotes + speaker F1 over the corpus gold stay >= 0.97."""
    gold_ids = {p.name.split(".")[0] for p in CORPUS_GOLD.glob("*.json")}
    inputs = sorted(p for p in CORPUS_RAW.glob("*.txt") if p.stem in gold_ids)
    assert inputs
    _extract(nlp, inputs, tmp_path)
    scores = evaluate(CORPUS_GOLD, tmp_path, CORPUS_RAW).scores()
    assert scores["quotes.strict"].fscore >= 0.97
    assert scores["quotes+speaker"].fscore >= 0.97
