"""The component: settings, factory, to_disk/from_disk, end to end on the seed and corpus."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from pipeline.components.figures import SummitFigures
from pipeline.extensions import FIGURES_GROUP
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
    """Return P, R, F1 of value+unit matches (each gold figure matched once, by order)."""
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
def test_corpus_gold_value_unit(nlp: Language) -> None:
    golds = sorted(CORPUS_GOLD.glob("*.json"))
    if not golds:
        pytest.skip("no corpus gold yet")
    all_tp = all_pred = all_gold = 0.0
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))["figures"]
        raw = CORPUS_RAW / f"{path.stem}.txt"
        pred = figures(nlp, raw.read_text(encoding="utf-8"))
        precision, recall, _ = _score(pred, gold)
        all_tp += recall * len(gold)
        all_pred += len(pred)
        all_gold += len(gold)
    precision = all_tp / all_pred if all_pred else 0.0
    recall = all_tp / all_gold if all_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    assert f1 >= 0.9, (precision, recall)
