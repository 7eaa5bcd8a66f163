"""The component: settings, factory, to_disk/from_disk, end to end on the seed and corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from pipeline.components.figures import SummitFigures
from pipeline.evaluate import evaluate
from pipeline.extensions import FIGURES_GROUP
from pipeline.runner import run_extract
from tests.figures.helpers import close, figures

ROOT = Path(__file__).resolve().parents[2]
SEED_GOLD = ROOT / "corpus" / "reference" / "000_f6ddf534ac2df4fe.gold.json"
CORPUS_RAW = ROOT / "corpus" / "raw"
CORPUS_GOLD = ROOT / "corpus" / "gold"


def test_to_disk_from_disk_round_trip(blank: Language, tmp_path: Path) -> None:
    comp = SummitFigures(blank, "figures")
    comp.to_disk(tmp_path)
    # a reduced vocabulary written to disk is what the loaded component knows
    lines = (tmp_path / "units.jsonl").read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if '"GBP"' not in line]
    (tmp_path / "units.jsonl").write_text("\n".join(kept) + "\n", encoding="utf-8")
    loaded = SummitFigures(blank, "figures").from_disk(tmp_path)
    assert len(loaded.entries) == len(comp.entries) - (len(lines) - len(kept))
    assert "£" in comp.lexicon.prefix_units
    assert "£" not in loaded.lexicon.prefix_units
    assert loaded.patterns.figure_re.search("$400 billion") is not None


def test_from_disk_without_file_says_what_to_do(blank: Language, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="to_disk"):
        SummitFigures(blank, "figures").from_disk(tmp_path)


def test_small_word_max_is_a_setting(nlp: Language) -> None:
    text = "The sides adopted two declarations."
    assert figures(nlp, text) == []
    comp = SummitFigures(nlp, "figures", small_word_max=0)
    doc = comp(nlp(text))
    assert [s.text for s in doc.spans[FIGURES_GROUP]] == ["two declarations"]


def test_factory_config_reaches_the_component(blank: Language) -> None:
    pipe = blank.add_pipe("summit_figures", name="figures_cfg", config={"small_word_max": 3})
    try:
        assert isinstance(pipe, SummitFigures)
        assert pipe.small_word_max == 3
    finally:
        blank.remove_pipe("figures_cfg")


# ---- end to end against the reference gold


def _score(pred: list[dict[str, Any]], gold: list[dict[str, Any]]) -> tuple[float, float, float]:
    """Return P, R, F1 of value+unit matches (each gold figure matched once, by order).

    Only for the seed's reference gold, which has no offsets (``pipeline.evaluate`` matches
    spans); the corpus gold is scored by ``pipeline.evaluate`` below.
    """
    used: set[int] = set()
    tp = 0
    for g in gold:
        for i, p in enumerate(pred):
            ok = (
                i not in used
                and close(p["value"], g["value"])
                and close(p["value_max"], g.get("value_max"))
                and p["unit"] == g["unit"]
                and ("start" not in g or (p["start"] < g["end"] and g["start"] < p["end"]))
            )
            if ok:
                used.add(i)
                tp += 1
                break
    precision = tp / len(pred) if pred else 0.0
    recall = tp / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def test_seed_against_reference_gold(nlp: Language, seed_text: str) -> None:
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))["figures"]
    pred = figures(nlp, seed_text)
    precision, recall, f1 = _score(pred, gold)
    assert f1 >= 0.95, (precision, recall)
    texts = [p["text"].lower() for p in pred]
    for not_figure in ("2016", "2022", "fifth", "first", "five-party", "september"):
        assert not any(not_figure in t for t in texts), not_figure


@pytest.mark.slow
def test_corpus_gold_value_unit(nlp: Language, tmp_path: Path) -> None:
    """The corpus, extracted fresh and scored by ``pipeline.evaluate``: figures+value_unit."""
    out = tmp_path / "pred"
    summary = run_extract([str(CORPUS_RAW)], out, nlp_factory=lambda: nlp, model="test")
    assert summary.errors == []
    score = evaluate(CORPUS_GOLD, out, CORPUS_RAW).scores()["figures+value_unit"]
    assert score.fscore >= 0.9, (score.precision, score.recall)
